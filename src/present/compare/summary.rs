//! The plain-language summary at the top of a comparison, written from its findings.
//!
//! The first paragraph answers the question a comparison exists for, in this order: how
//! the two theses relate (before any stance), where the maps agree, which
//! counter-positions both oppose and with what, where they disagree, how each argues
//! (sources or none, analogy), and the factual conflicts about one event. The second
//! paragraph gives the counts: pairs by origin, what only one map covers (by group),
//! coverage, attribution. Every [`Sentence`] carries the ids of the findings it states
//! (`Findings` ids, `stance@left`, `conflict:L|R`), so a reader or a program can trace it.
//!
//! Each sentence is [`Prose`]: text with the ids (and `same_as`) marked as code, so the
//! terminal shows them plain, Markdown as code, and JSON between backquotes.

use crate::analyse::compare::{
    Basis, Comparison, DisagreementKind, End, NodeReport, Polarity, Side, StanceKind,
    ThesisRelation,
};
use crate::present::count;

/// Conflicts named in the summary; more are shown as `...`.
const CONFLICTS_NAMED: usize = 3;
/// Agreements named in the first paragraph.
const AGREEMENTS_NAMED: usize = 3;
/// Disagreements named in the first paragraph.
const DISAGREEMENTS_NAMED: usize = 5;
/// Counter-positions both maps oppose named in the first paragraph.
const COUNTERS_NAMED: usize = 2;
/// Groups named for what only one map covers.
const GROUPS_NAMED: usize = 3;

/// A piece of the summary.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Part {
    /// Words.
    Text(String),
    /// An id (or a keyword of the map format), set as code.
    Code(String),
}

/// Sentences whose ids are marked.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Prose {
    parts: Vec<Part>,
}

impl Prose {
    /// Appends words.
    fn text(&mut self, s: impl AsRef<str>) -> &mut Prose {
        match self.parts.last_mut() {
            Some(Part::Text(t)) => t.push_str(s.as_ref()),
            _ => self.parts.push(Part::Text(s.as_ref().to_string())),
        }
        self
    }

    /// Appends an id.
    fn code(&mut self, s: impl AsRef<str>) -> &mut Prose {
        self.parts.push(Part::Code(s.as_ref().to_string()));
        self
    }

    /// Written with `text` for the words and `code` for the ids.
    fn write(&self, text: impl Fn(&str) -> String, code: impl Fn(&str) -> String) -> String {
        self.parts
            .iter()
            .map(|p| match p {
                Part::Text(t) => text(t),
                Part::Code(c) => code(c),
            })
            .collect()
    }

    /// Plain text: ids as they are (backquotes dropped).
    pub fn plain(&self) -> String {
        self.write(str::to_string, |c| c.replace('`', ""))
    }

    /// Markdown: words escaped, ids as code.
    pub fn markdown(&self) -> String {
        self.write(super::md, super::code)
    }

    /// Ids between backquotes, the rest as it is (the `summary` of the JSON document).
    pub fn backquoted(&self) -> String {
        self.write(str::to_string, |c| format!("`{c}`"))
    }
}

/// One sentence of the summary and the findings it states.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Sentence {
    /// The words.
    pub prose: Prose,
    /// Ids of the findings it states.
    pub findings: Vec<String>,
}

/// The summary: paragraphs of sentences.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Summary {
    /// The paragraphs; the first answers the question, the second gives the counts.
    pub paragraphs: Vec<Vec<Sentence>>,
}

impl Summary {
    fn join(&self, f: impl Fn(&Prose) -> String) -> String {
        self.paragraphs
            .iter()
            .map(|p| p.iter().map(|s| f(&s.prose)).collect::<Vec<_>>().join(" "))
            .collect::<Vec<_>>()
            .join("\n\n")
    }
    /// Plain text, paragraphs separated by a blank line.
    pub fn plain(&self) -> String {
        self.join(Prose::plain)
    }
    /// Markdown.
    pub fn markdown(&self) -> String {
        self.join(Prose::markdown)
    }
    /// Ids between backquotes.
    pub fn backquoted(&self) -> String {
        self.join(Prose::backquoted)
    }
    /// The first paragraph's sentences.
    pub fn first(&self) -> &[Sentence] {
        self.paragraphs.first().map_or(&[], Vec::as_slice)
    }
}

fn say(p: Prose, findings: Vec<String>) -> Sentence {
    Sentence { prose: p, findings }
}

/// The summary of `c`.
pub fn summary(c: &Comparison) -> Summary {
    let mut first = Vec::new();
    first.push(theses(c));
    let f = &c.findings;
    match f.theses.relation {
        ThesisRelation::Different
            if !c.maps.left.theses.is_empty() && !c.maps.right.theses.is_empty() =>
        {
            first.push(silent_both(c));
        }
        _ => {
            for s in [Side::Left, Side::Right] {
                first.push(stance(c, s));
            }
        }
    }
    first.extend(agreements(c));
    first.extend(counter_positions(c));
    first.extend(disagreements(c));
    for s in [Side::Left, Side::Right] {
        first.push(style(c, s));
    }
    first.push(conflicts(c));
    let mut second = vec![pairs(c)];
    if let Some(p) = opposite(c) {
        second.push(p);
    }
    second.push(only(c));
    second.extend(uncovered(c));
    second.push(coverage(c));
    second.extend(attribution(c));
    Summary {
        paragraphs: vec![first, second],
    }
}

/// The first words of a text, at most [`EXCERPT_WORDS`], `…` when cut.
fn excerpt(t: &str) -> String {
    excerpt_n(t, EXCERPT_WORDS)
}

/// The first `n` words of a text, `…` when cut.
fn excerpt_n(t: &str, n: usize) -> String {
    let w: Vec<&str> = t.split_whitespace().collect();
    if w.len() <= n {
        w.join(" ")
    } else {
        format!(
            "{}…",
            w[..n].join(" ").trim_end_matches([',', ';', ':', '.'])
        )
    }
}

/// Words of a thesis quoted in the summary.
const EXCERPT_WORDS: usize = 14;

fn name<'c>(c: &'c Comparison, s: Side) -> &'c str {
    &c.maps.get(s).id
}

/// How the theses relate: said before any stance.
fn theses(c: &Comparison) -> Sentence {
    let (l, r) = (name(c, Side::Left), name(c, Side::Right));
    let th = &c.findings.theses;
    let ids =
        |s: Side| -> Vec<String> { c.maps.get(s).theses.iter().map(|t| t.id.clone()).collect() };
    let gist = |p: &mut Prose, s: Side| {
        let th = &c.maps.get(s).theses;
        for (i, t) in th.iter().enumerate() {
            if i > 0 {
                p.text("; ");
            }
            p.code(&t.id).text(format!(" ({})", excerpt(&t.text)));
        }
    };
    let mut p = Prose::default();
    let link = th.links.first();
    match th.relation {
        ThesisRelation::Same => {
            let k = link.filter(|k| k.thesis.left && k.thesis.right);
            p.text("Both maps argue the same thesis");
            if let Some(k) = k.or(link) {
                p.text(" (")
                    .code(&k.left)
                    .text(" = ")
                    .code(&k.right)
                    .text(")");
            }
            p.text(".");
        }
        ThesisRelation::Opposed => {
            p.text("The two theses are opposite answers to one question");
            if let Some(k) = link {
                p.text(" (")
                    .code(&k.left)
                    .text(" contradicts ")
                    .code(&k.right)
                    .text(")");
            }
            p.text(".");
        }
        ThesisRelation::Overlapping => {
            let k = link.expect("overlapping theses have a link");
            let (me, node, thesis, other) = if k.thesis.right {
                (l, &k.left, &k.right, r)
            } else {
                (r, &k.right, &k.left, l)
            };
            p.text("The theses overlap: ")
                .code(me)
                .text(" addresses the thesis ")
                .code(thesis)
                .text(" of ")
                .code(other)
                .text(" inside its argument (")
                .code(node)
                .text(if k.via == crate::analyse::compare::Via::Contradicts {
                    " contradicts it"
                } else {
                    " states it"
                })
                .text(").");
        }
        ThesisRelation::Different => {
            let (lt, rt) = (ids(Side::Left), ids(Side::Right));
            if lt.is_empty() || rt.is_empty() {
                let (none, other) = if lt.is_empty() { (l, r) } else { (r, l) };
                p.code(none)
                    .text(" has no thesis, so it cannot share one with ")
                    .code(other)
                    .text(".");
            } else {
                p.text("The two maps answer different questions: ")
                    .code(l)
                    .text(" argues ");
                gist(&mut p, Side::Left);
                p.text(", ").code(r).text(" argues ");
                gist(&mut p, Side::Right);
                p.text(", and neither map states or contradicts the other's thesis");
                if th.shared > 0 {
                    p.text(format!(
                        ", though {} bear on both arguments",
                        count(th.shared, "shared proposition", "shared propositions")
                    ));
                }
                p.text(".");
            }
        }
    }
    say(p, vec![th.id.clone()])
}

/// Neither map addresses the other's thesis: both are silent.
fn silent_both(c: &Comparison) -> Sentence {
    let mut p = Prose::default();
    let both_thesis = !c.maps.left.theses.is_empty() && !c.maps.right.theses.is_empty();
    if both_thesis {
        p.text("So neither takes a stance toward the other's thesis: each is silent on it.");
    } else {
        p.text("So no stance can be taken toward a thesis.");
    }
    say(
        p,
        vec![
            c.findings.theses.id.clone(),
            "stance@left".into(),
            "stance@right".into(),
        ],
    )
}

/// The stance of map `s` toward the other's thesis, and why.
fn stance(c: &Comparison, s: Side) -> Sentence {
    let st = c.stance.get(s);
    let (me, other) = (name(c, s), name(c, s.other()));
    let mut p = Prose::default();
    match (st.basis, st.stance) {
        (Basis::NoThesis, _) => {
            p.code(other)
                .text(" has no thesis, so ")
                .code(me)
                .text(" can take no stance toward it.");
        }
        (Basis::NoReasons | Basis::NotAddressed, _) | (_, StanceKind::Silent) => {
            p.code(me)
                .text(" is silent on the thesis of ")
                .code(other)
                .text(": nothing in it states or contradicts that thesis.");
        }
        (_, k) => {
            let verb = match k {
                StanceKind::Supports => "supports",
                StanceKind::Attacks => "attacks",
                _ => "is divided on",
            };
            p.code(me)
                .text(format!(" {verb} the thesis of "))
                .code(other)
                .text(format!(
                    ": {} for it on the thesis itself, {} against.",
                    count(st.supporting, "pair argues", "pairs argue"),
                    st.attacking
                ));
        }
    }
    let side = if s == Side::Left { "left" } else { "right" };
    say(
        p,
        vec![format!("stance@{side}"), c.findings.theses.id.clone()],
    )
}

fn pair_of(p: &mut Prose, l: &End, r: &End) {
    p.code(&l.id).text(" / ").code(&r.id);
}

/// ` (suggested, score 0.42)` after a pair the maps do not declare.
fn suggested(p: &mut Prose, c: &Comparison, pair: usize) {
    if let Some(x) = c.pairs.get(pair) {
        if x.origin == crate::analyse::compare::Origin::Suggested {
            p.text(format!(" (suggested, score {:.2})", x.score));
        }
    }
}

/// A pair with the words of the shorter of its two texts.
fn pair_said(p: &mut Prose, c: &Comparison, l: &End, r: &End) {
    pair_of(p, l, r);
    let text = |s: Side, id: &str| {
        c.pairs
            .iter()
            .chain(&c.contradicting)
            .map(|x| x.node(s))
            .find(|n| n.id == id)
            .map(|n| n.text.clone())
            .unwrap_or_default()
    };
    let (a, b) = (text(Side::Left, &l.id), text(Side::Right, &r.id));
    let t = if b.len() < a.len() && !b.is_empty() {
        b
    } else {
        a
    };
    if !t.is_empty() {
        p.text(format!(", “{}”", excerpt_n(&t, PAIR_WORDS)));
    }
}

/// Words of a pair's text quoted in the summary.
const PAIR_WORDS: usize = 10;

/// The weightiest agreements.
fn agreements(c: &Comparison) -> Option<Sentence> {
    let a = &c.findings.agreements;
    if a.is_empty() {
        return None;
    }
    let mut p = Prose::default();
    p.text(format!(
        "They agree on {}{}",
        count(a.len(), "proposition", "propositions"),
        if a.len() > AGREEMENTS_NAMED {
            ", the weightiest "
        } else {
            ": "
        }
    ));
    let named: Vec<_> = a.iter().take(AGREEMENTS_NAMED).collect();
    for (i, x) in named.iter().enumerate() {
        if i > 0 {
            p.text(if i + 1 == named.len() { " and " } else { ", " });
        }
        pair_said(&mut p, c, &x.left, &x.right);
        suggested(&mut p, c, x.pair);
        p.text(if x.accepted {
            " (both hold it)"
        } else {
            " (both reject it)"
        });
    }
    let mut ids: Vec<String> = named.iter().map(|x| x.id.clone()).collect();
    let groups = &c.findings.agreement_groups;
    if let (Some(gl), Some(gr)) = (groups.left.first(), groups.right.first()) {
        p.text(format!(
            "; most of them ({} and {}) are in ",
            gl.count, gr.count
        ));
        for (i, (s, g)) in [(Side::Left, gl), (Side::Right, gr)]
            .into_iter()
            .enumerate()
        {
            if i > 0 {
                p.text(" and ");
            }
            match &g.title {
                Some(t) => p.text(format!("“{t}” (")).code(&g.group).text(") of "),
                None => p.code(&g.group).text(" of "),
            };
            p.code(name(c, s));
        }
        ids.push("agreement_groups".into());
    }
    p.text(".");
    Some(say(p, ids))
}

/// Attackers in words: `with X (2 evidence, 1 source) and Y`.
fn attackers(p: &mut Prose, v: &[crate::analyse::compare::Attacker]) {
    for (i, a) in v.iter().take(2).enumerate() {
        if i > 0 {
            p.text(" and ");
        }
        p.code(&a.id);
        if !a.evidence.is_empty() || !a.sources.is_empty() {
            p.text(format!(
                " ({}, {})",
                count(a.evidence.len(), "evidence item", "evidence items"),
                count(a.sources.len(), "source", "sources")
            ));
        }
    }
    if v.len() > 2 {
        p.text(format!(" and {} more", v.len() - 2));
    }
}

/// Counter-positions both maps oppose, and how.
fn counter_positions(c: &Comparison) -> Vec<Sentence> {
    let both: Vec<_> = c
        .findings
        .counter_positions
        .iter()
        .filter(|x| x.both)
        .take(COUNTERS_NAMED)
        .collect();
    both.into_iter()
        .map(|x| {
            let mut p = Prose::default();
            p.text("Both argue against ");
            pair_of(&mut p, &x.left, &x.right);
            suggested(&mut p, c, x.pair);
            if let Some(by) = x.left.by.as_ref().or(x.right.by.as_ref()) {
                p.text(format!(" (held by {by})"));
            }
            p.text(": ");
            for (i, s) in [Side::Left, Side::Right].into_iter().enumerate() {
                if i > 0 {
                    p.text("; ");
                }
                p.code(name(c, s));
                let v = x.attacked_by.get(s);
                if v.is_empty() {
                    p.text(" opposes it to its thesis without attacking it directly");
                } else {
                    p.text(" attacks it with ");
                    attackers(&mut p, v);
                }
            }
            p.text(".");
            say(p, vec![x.id.clone()])
        })
        .collect()
}

/// The points of disagreement, the weightiest named with their heaviest disagreement.
fn disagreements(c: &Comparison) -> Option<Sentence> {
    let f = &c.findings;
    let d = &f.disagreements;
    if d.is_empty() {
        return None;
    }
    let declared = d
        .iter()
        .filter(|x| x.kind == DisagreementKind::Contradicts)
        .count();
    let rejected = d.len() - declared;
    let mut p = Prose::default();
    let held = "held in one map and rejected in the other";
    let why = match (declared, rejected) {
        (_, 0) => format!("{declared} declared contradictory"),
        (0, _) => format!("{rejected} {held}"),
        _ => format!("{declared} declared contradictory, {rejected} {held}"),
    };
    p.text(format!(
        "They disagree on {} ({}: {why}){}",
        count(f.points.len(), "point", "points"),
        count(d.len(), "pair", "pairs"),
        if f.points.len() > DISAGREEMENTS_NAMED {
            ", the weightiest: "
        } else {
            ": "
        }
    ));
    let named: Vec<_> = f.points.iter().take(DISAGREEMENTS_NAMED).collect();
    let mut ids = Vec::new();
    for (i, pt) in named.iter().enumerate() {
        if i > 0 {
            p.text(if i + 1 == named.len() { "; and " } else { "; " });
        }
        let Some(x) = d.iter().find(|x| x.id == pt.disagreements[0]) else {
            continue;
        };
        ids.push(pt.id.clone());
        ids.push(x.id.clone());
        match x.kind {
            DisagreementKind::Contradicts => {
                p.code(&x.left.id).text(" contradicts ").code(&x.right.id);
            }
            DisagreementKind::Rejected => {
                let (holds, rejects, hs, rs) = if x.left.position.accepts() {
                    (&x.left, &x.right, Side::Left, Side::Right)
                } else {
                    (&x.right, &x.left, Side::Right, Side::Left)
                };
                p.code(name(c, hs))
                    .text(" holds ")
                    .code(&holds.id)
                    .text(", ")
                    .code(name(c, rs))
                    .text(" rejects it (")
                    .code(&rejects.id)
                    .text(")");
            }
        }
        if pt.disagreements.len() > 1 {
            // The nodes the point's disagreements share.
            let shared: Vec<&String> = [Side::Left, Side::Right]
                .into_iter()
                .flat_map(|s| {
                    let nodes = pt.nodes.get(s);
                    nodes.iter().filter(move |n| {
                        d.iter()
                            .filter(|x| pt.disagreements.contains(&x.id))
                            .filter(|x| {
                                &(if s == Side::Left { &x.left } else { &x.right }).id == *n
                            })
                            .count()
                            > 1
                    })
                })
                .take(2)
                .collect();
            p.text(format!(" (and {} more", pt.disagreements.len() - 1));
            if !shared.is_empty() {
                p.text(" on ");
                for (j, n) in shared.iter().enumerate() {
                    if j > 0 {
                        p.text(", ");
                    }
                    p.code(n.as_str());
                }
            }
            p.text(")");
        }
    }
    p.text(".");
    Some(say(p, ids))
}

/// How map `s` argues.
fn style(c: &Comparison, s: Side) -> Sentence {
    let st = c.findings.style.get(s);
    let mut p = Prose::default();
    p.code(name(c, s));
    let analogy: usize = st
        .schemes
        .iter()
        .filter(|x| x.scheme.contains("analogy"))
        .map(|x| x.links)
        .sum();
    let cites_none = st.citations + st.placeholder_citations == 0;
    if cites_none {
        p.text(" cites no source");
    } else {
        p.text(format!(
            " argues from sources: {} of {} claims have cited support, through {}; it lists {}",
            st.cited_claims,
            st.claims,
            count(
                st.cited_evidence,
                "cited evidence item",
                "cited evidence items"
            ),
            count(st.sources, "source", "sources")
        ));
        if st.placeholder_sources > 0 {
            p.text(format!(
                " and {} (a note only: {} counted apart)",
                count(
                    st.placeholder_sources,
                    "placeholder source",
                    "placeholder sources"
                ),
                count(st.placeholder_citations, "citation", "citations")
            ));
        }
    }
    let top = st.schemes.first();
    if cites_none && analogy > 0 {
        p.text(format!(
            " and argues by analogy ({})",
            count(analogy, "argument", "arguments")
        ));
    } else if let Some(top) = top {
        p.text(format!(
            "; its most used scheme is {} ({})",
            top.scheme,
            count(top.links, "argument", "arguments")
        ));
    }
    if st.quoted == 0 {
        p.text("; no node quotes a text");
    } else {
        p.text(format!(
            "; {} of its {} nodes quote the text",
            st.quoted, st.nodes
        ));
    }
    if st.implicit > 0 {
        p.text(format!(
            ", {} implicit",
            count(st.implicit, "premise is", "premises are")
        ));
    }
    p.text(".");
    say(p, vec![st.id.clone()])
}

/// The factual conflicts, the first few named.
fn conflicts(c: &Comparison) -> Sentence {
    let mut p = Prose::default();
    if c.conflicts.is_empty() {
        p.text("No aligned pair gives different dates or numbers for the same event.");
        return say(p, vec![]);
    }
    p.text(format!(
        "{} for the same event: ",
        count(
            c.conflicts.len(),
            "aligned pair gives different dates or numbers",
            "aligned pairs give different dates or numbers"
        )
    ));
    for (i, k) in c.conflicts.iter().take(CONFLICTS_NAMED).enumerate() {
        if i > 0 {
            p.text("; ");
        }
        p.code(&k.left.id)
            .text(" / ")
            .code(&k.right.id)
            .text(format!(
                " ({} against {}, about: {})",
                k.left.unmatched.join(", "),
                k.right.unmatched.join(", "),
                k.about.join(", ")
            ));
    }
    if c.conflicts.len() > CONFLICTS_NAMED {
        p.text(", ...");
    }
    p.text(".");
    say(
        p,
        c.conflicts
            .iter()
            .take(CONFLICTS_NAMED)
            .map(|k| k.id.clone())
            .collect(),
    )
}

/// How many pairs, and how they were found.
fn pairs(c: &Comparison) -> Sentence {
    let (l, r) = (name(c, Side::Left), name(c, Side::Right));
    let mut p = Prose::default();
    p.code(l).text(" and ").code(r);
    if c.pairs.is_empty() && c.contradicting.is_empty() {
        p.text(" have no node in common: nothing is declared ")
            .code("same_as")
            .text(" or ")
            .code("contradicts")
            .text(format!(
                ", and no two nodes are similar enough (score ≥ {}).",
                c.options.min_score
            ));
    } else {
        let f = &c.findings;
        p.text(format!(
            " share {}: {} by ",
            count(c.pairs.len(), "aligned pair", "aligned pairs"),
            f.declared
        ))
        .code("same_as")
        .text(format!(
            ", {} by text similarity (score ≥ {})",
            f.suggested, c.options.min_score
        ));
        if !c.contradicting.is_empty() {
            p.text(format!(
                "; {} declared by ",
                count(c.contradicting.len(), "pair is", "pairs are")
            ))
            .code("contradicts");
        }
        p.text(".");
    }
    say(p, vec![])
}

/// The first aligned proposition argued for in one map and against in the other.
fn opposite(c: &Comparison) -> Option<Sentence> {
    let opposite = &c.findings.opposite;
    let pair = &c.pairs[*opposite.first()?];
    let mut p = Prose::default();
    if opposite.len() == 1 {
        p.text("One aligned proposition serves opposite ends: ");
    } else {
        p.text(format!(
            "{} aligned propositions serve opposite ends, e.g.: ",
            opposite.len()
        ));
    }
    let side = |p: &mut Prose, n: &NodeReport, s: Side| {
        let dir = if n.role.polarity == Some(Polarity::Pro) {
            "for"
        } else {
            "against"
        };
        p.code(&n.id)
            .text(format!(" argues {dir} the thesis of "))
            .code(name(c, s));
    };
    side(&mut p, &pair.left, Side::Left);
    p.text(" while ");
    side(&mut p, &pair.right, Side::Right);
    p.text(".");
    Some(say(p, vec![]))
}

/// How many claims of each map have no counterpart in the other.
fn only(c: &Comparison) -> Sentence {
    let (l, r) = (name(c, Side::Left), name(c, Side::Right));
    let only = &c.findings.only;
    let has = |n: usize| if n == 1 { "has" } else { "have" };
    let mut p = Prose::default();
    p.text(format!(
        "{} of {} claims of ",
        only.left, c.maps.left.claims
    ))
    .code(l)
    .text(format!(" {} no counterpart in ", has(only.left)))
    .code(r)
    .text(format!("; {} of {} of ", only.right, c.maps.right.claims))
    .code(r)
    .text(format!(" {} none in ", has(only.right)))
    .code(l)
    .text(".");
    say(p, vec![])
}

/// What only one map covers, by group, heaviest first.
fn uncovered(c: &Comparison) -> Vec<Sentence> {
    let mut out = Vec::new();
    for s in [Side::Left, Side::Right] {
        let groups: Vec<_> = c
            .findings
            .uncovered
            .get(s)
            .iter()
            .filter(|g| g.group.is_some())
            .take(GROUPS_NAMED)
            .collect();
        if groups.is_empty() {
            continue;
        }
        let mut p = Prose::default();
        p.text("Only ")
            .code(name(c, s))
            .text(" covers, heaviest first: ");
        for (i, g) in groups.iter().enumerate() {
            if i > 0 {
                p.text("; ");
            }
            if let Some(t) = &g.title {
                p.text(format!("{t} ("));
            } else {
                p.text("(");
            }
            p.code(g.group.as_deref().unwrap_or(""));
            p.text(format!(
                ", {}",
                count(g.nodes.len(), "proposition", "propositions")
            ));
            if let Some(top) = g.nodes.first() {
                p.text(", chiefly ").code(&top.id);
            }
            p.text(")");
        }
        p.text(".");
        out.push(say(p, groups.iter().map(|g| g.id.clone()).collect()));
    }
    out
}

/// Citation coverage of both maps, in whole percents.
fn coverage(c: &Comparison) -> Sentence {
    let pct = |s: Side| (c.coverage.get(s).ratio * 100.0).round() as i64;
    let mut p = Prose::default();
    p.text(format!(
        "Citation coverage: {}% of the claims of ",
        pct(Side::Left)
    ))
    .code(name(c, Side::Left))
    .text(format!(
        " have cited support, {}% of those of ",
        pct(Side::Right)
    ))
    .code(name(c, Side::Right))
    .text(".");
    say(p, vec!["style@left".into(), "style@right".into()])
}

/// Whom each map credits or blames the most.
fn attribution(c: &Comparison) -> Vec<Sentence> {
    let mut out = Vec::new();
    for s in [Side::Left, Side::Right] {
        let hs: Vec<_> = c.findings.attribution.get(s).iter().take(3).collect();
        if hs.is_empty() {
            continue;
        }
        let mut p = Prose::default();
        p.code(name(c, s)).text(" ascribes ");
        for (i, h) in hs.iter().enumerate() {
            if i > 0 {
                p.text("; ");
            }
            p.text(format!(
                "{} to {} ({} it holds or reports, {} it rejects)",
                count(
                    h.credited.len() + h.blamed.len(),
                    "proposition",
                    "propositions"
                ),
                h.by,
                h.credited.len(),
                h.blamed.len()
            ));
        }
        p.text(".");
        out.push(say(p, hs.iter().map(|h| h.id.clone()).collect()));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn prose() -> Prose {
        let mut p = Prose::default();
        p.code("a_b").text(" and *c* ").code("x`y").text(".");
        p
    }

    #[test]
    fn ids_are_code_in_markdown_plain_in_text_backquoted_in_json() {
        let p = prose();
        assert_eq!(p.markdown(), "`a_b` and \\*c\\* `xy`.");
        assert_eq!(p.plain(), "a_b and *c* xy.");
        assert_eq!(p.backquoted(), "`a_b` and *c* `x`y`.");
    }
}
