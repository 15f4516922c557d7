//! Renderings of a [`Comparison`]: terminal text, Markdown, JSON, ready-to-paste
//! `same_as` lines, and a DOT diagram of both maps side by side.
//!
//! Nothing here decides: every count, stance and conflict comes from
//! [`crate::analyse::compare`]; this module only lays them out.

use super::dot::{self, attr, DiagramMap};
use super::escape::wrap;
use crate::analyse::compare::{
    Comparison, NodeReport, Origin, Pair, Polarity, Side, Stance, StanceKind,
};
use crate::analyse::neighbourhood::CompareView;
use crate::analyse::support::Coverage;
use crate::analyse::Analysed;
use crate::graph::NodeKind;
use graphviz_rust::dot_structures::{Attribute, Graph, Id};
use std::collections::HashSet;
use std::fmt::Write as _;

/// Width of wrapped terminal text.
const WIDTH: usize = 88;

fn sides() -> [Side; 2] {
    [Side::Left, Side::Right]
}

/// What a node does in its map: `thesis`, `supports X, Y`, `attacks Z`,
/// `undercuts X -> Y` (prefixed `rebuttal:` for rebuttals), or `unlinked`.
pub fn role(n: &NodeReport) -> String {
    let r = &n.role;
    let mut parts = Vec::new();
    if r.thesis {
        parts.push("thesis".to_string());
    }
    for (verb, list) in [
        ("supports", &r.supports),
        ("attacks", &r.attacks),
        ("undercuts", &r.undercuts),
    ] {
        if !list.is_empty() {
            parts.push(format!("{verb} {}", list.join(", ")));
        }
    }
    if r.is_unlinked() {
        parts.push("unlinked".to_string());
    }
    let s = parts.join("; ");
    if n.kind == NodeKind::Rebuttal {
        format!("rebuttal: {s}")
    } else {
        s
    }
}

/// `for the thesis`, `against the thesis`, or `not connected to the thesis`.
pub fn polarity(p: Option<Polarity>) -> &'static str {
    match p {
        Some(Polarity::Pro) => "for the thesis",
        Some(Polarity::Con) => "against the thesis",
        None => "not connected to the thesis",
    }
}

fn pol_short(p: Polarity) -> &'static str {
    match p {
        Polarity::Pro => "pro",
        Polarity::Con => "con",
    }
}

/// `cited: 3 evidence, 2 sources (a, b)` and the like.
pub fn support(n: &NodeReport) -> String {
    let mut s = n.status.name().to_string();
    if n.evidence > 0 || !n.sources.is_empty() {
        s.push_str(&format!(
            ": {} evidence, {}",
            n.evidence,
            super::count(n.sources.len(), "source", "sources")
        ));
    }
    s
}

/// `by Stalin`, or `the author's` when the map does not say.
pub fn holder(n: &NodeReport) -> String {
    match &n.by {
        Some(b) => format!("by {b}"),
        None => "the author's".to_string(),
    }
}

fn coverage_line(cv: &Coverage) -> String {
    format!(
        "{:.0}% ({} of {} claims cited; {} uncited, {} unsupported)",
        cv.ratio * 100.0,
        cv.cited,
        cv.claims,
        cv.uncited,
        cv.unsupported
    )
}

fn stance_line(st: &Stance) -> String {
    match st.stance {
        StanceKind::Silent => "silent".to_string(),
        k => format!(
            "{} ({} for, {} against{})",
            k.name(),
            st.supporting,
            st.attacking,
            if st.direct {
                ", on the thesis itself"
            } else {
                ""
            }
        ),
    }
}

fn found_by(c: &Comparison, p: &Pair) -> String {
    match p.origin {
        Origin::Declared => {
            let maps: Vec<&str> = p
                .declared_in
                .iter()
                .map(|s| c.maps.get(*s).id.as_str())
                .collect();
            format!("same_as in {} · score {:.2}", maps.join(" and "), p.score)
        }
        Origin::Suggested => format!("suggested · score {:.2}", p.score),
    }
}

fn counts_line(c: &Comparison, s: Side) -> String {
    let m = c.maps.get(s);
    format!(
        "{}, {} evidence, {}, {}",
        super::count(m.claims, "claim", "claims"),
        m.evidence,
        super::count(m.rebuttals, "rebuttal", "rebuttals"),
        super::count(m.sources, "source", "sources")
    )
}

fn theses(c: &Comparison, s: Side) -> Vec<String> {
    c.maps
        .get(s)
        .theses
        .iter()
        .map(|t| format!("{}: {}", t.id, t.text))
        .collect()
}

/// The comparison as terminal text.
pub fn text(c: &Comparison) -> String {
    super::written(|w| write_text(c, w))
}

/// Writes [`text`] as it is made.
pub fn write_text(c: &Comparison, out: &mut dyn std::io::Write) -> std::io::Result<()> {
    super::FmtIo::write_with(out, |o| text_into(c, o))
}

fn text_into(c: &Comparison, o: &mut dyn std::fmt::Write) {
    let (l, r) = (&c.maps.left.id, &c.maps.right.id);
    let _ = writeln!(o, "compare `{l}` (left) with `{r}` (right)\n");
    for line in wrap(&c.summary.replace('`', ""), WIDTH) {
        let _ = writeln!(o, "{line}");
    }
    for s in sides() {
        let m = c.maps.get(s);
        let _ = writeln!(o, "\n{}", m.id);
        if let Some(t) = &m.title {
            let _ = writeln!(o, "  title     {t}");
        }
        for t in theses(c, s) {
            let _ = writeln!(o, "  thesis    {t}");
        }
        let _ = writeln!(o, "  nodes     {}", counts_line(c, s));
        let _ = writeln!(o, "  coverage  {}", coverage_line(c.coverage.get(s)));
        let _ = writeln!(
            o,
            "  stance    {} toward the thesis of {}",
            stance_line(c.stance.get(s)),
            c.maps.get(s.other()).id
        );
    }

    let _ = writeln!(o, "\naligned pairs ({})", c.pairs.len());
    for (i, p) in c.pairs.iter().enumerate() {
        let _ = writeln!(
            o,
            "  {:>3}. {} = {}   [{}]",
            i + 1,
            p.left.id,
            p.right.id,
            found_by(c, p)
        );
        for s in sides() {
            let n = p.node(s);
            let _ = writeln!(
                o,
                "       {:<5} {} · {} · {} · {}",
                if s == Side::Left { "left" } else { "right" },
                role(n),
                polarity(n.role.polarity),
                support(n),
                holder(n)
            );
        }
    }

    let _ = writeln!(o, "\nstance");
    for s in sides() {
        let st = c.stance.get(s);
        let (me, other) = (&c.maps.get(s).id, &c.maps.get(s.other()).id);
        let _ = writeln!(
            o,
            "  {me} toward the thesis of {other} ({}): {}",
            st.toward.join(", "),
            stance_line(st)
        );
        for rs in &st.reasons {
            let _ = writeln!(
                o,
                "    {} {} ({}) = {} ({}){}{}",
                if rs.effect == StanceKind::Supports {
                    "+"
                } else {
                    "-"
                },
                rs.own,
                pol_short(rs.own_polarity),
                rs.other,
                pol_short(rs.other_polarity),
                if rs.direct { ", on the thesis" } else { "" },
                if rs.decisive { "" } else { ", outweighed" }
            );
        }
    }

    let _ = writeln!(o, "\nfactual conflicts ({})", c.conflicts.len());
    // Numbered in their own list, as every list of the report is; the aligned pair a
    // conflict belongs to is named in words.
    for (i, k) in c.conflicts.iter().enumerate() {
        let _ = writeln!(
            o,
            "  {:>3}. {} [{}] vs {} [{}]: {} against {} (aligned pair {})",
            i + 1,
            k.left.id,
            k.left.values.join(", "),
            k.right.id,
            k.right.values.join(", "),
            k.left.unmatched.join(", "),
            k.right.unmatched.join(", "),
            k.pair + 1
        );
    }

    for s in sides() {
        let only = c.only.get(s);
        let _ = writeln!(o, "\nclaims only in {} ({})", c.maps.get(s).id, only.len());
        let width = only.ids().map(|id| id.chars().count()).max().unwrap_or(0);
        for n in only.reports() {
            let _ = writeln!(o, "  {:<11} {:<width$}  {}", n.status.name(), n.id, n.text);
        }
    }
}

/// Escapes text for a Markdown table cell or paragraph: characters Markdown or HTML would
/// read as markup are backslash-escaped or written as entities; line breaks become spaces.
pub fn md(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        match c {
            '\\' | '`' | '*' | '_' | '[' | ']' | '#' | '|' | '~' => {
                out.push('\\');
                out.push(c);
            }
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '\n' | '\r' | '\t' => out.push(' '),
            c if c.is_control() => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

/// An id in Markdown: code, so nothing in it is markup (backticks cannot occur in ids
/// that pass the checks; any that do are dropped).
fn code(s: &str) -> String {
    format!("`{}`", s.replace('`', ""))
}

/// The summary's backquoted ids as Markdown code.
fn md_summary(s: &str) -> String {
    // The summary marks ids with backticks; escape the text between them.
    s.split('`')
        .enumerate()
        .map(|(i, part)| if i % 2 == 1 { code(part) } else { md(part) })
        .collect()
}

fn md_node(n: &NodeReport) -> String {
    format!(
        "{} ({}) {}<br>*{}* · {}<br>{} · {}",
        code(&n.id),
        n.kind.name(),
        md(&n.text),
        md(&role(n)),
        polarity(n.role.polarity),
        md(&support(n)),
        md(&holder(n))
    )
}

/// The comparison as a Markdown document.
pub fn markdown(c: &Comparison) -> String {
    super::written(|w| write_markdown(c, w))
}

/// Writes [`markdown`] as it is made.
pub fn write_markdown(c: &Comparison, out: &mut dyn std::io::Write) -> std::io::Result<()> {
    super::FmtIo::write_with(out, |o| markdown_into(c, o))
}

fn markdown_into(c: &Comparison, o: &mut dyn std::fmt::Write) {
    let (l, r) = (&c.maps.left.id, &c.maps.right.id);
    let _ = writeln!(o, "# Comparison of {} and {}\n", code(l), code(r));
    let _ = writeln!(o, "{}\n", md_summary(&c.summary));

    let _ = writeln!(o, "| | {} | {} |", code(l), code(r));
    let _ = writeln!(o, "|---|---|---|");
    let row = |o: &mut dyn std::fmt::Write, name: &str, f: &dyn Fn(Side) -> String| {
        let _ = writeln!(o, "| {name} | {} | {} |", f(Side::Left), f(Side::Right));
    };
    row(o, "Title", &|s| {
        md(c.maps.get(s).title.as_deref().unwrap_or(""))
    });
    row(o, "Thesis", &|s| {
        c.maps
            .get(s)
            .theses
            .iter()
            .map(|t| format!("{} {}", code(&t.id), md(&t.text)))
            .collect::<Vec<_>>()
            .join("<br>")
    });
    row(o, "Nodes", &|s| counts_line(c, s));
    row(o, "Citation coverage", &|s| {
        coverage_line(c.coverage.get(s))
    });
    row(o, "Stance toward the other's thesis", &|s| {
        format!("**{}**", stance_line(c.stance.get(s)))
    });
    row(o, "Claims only here", &|s| c.only.get(s).len().to_string());

    let declared = c
        .pairs
        .iter()
        .filter(|p| p.origin == Origin::Declared)
        .count();
    let _ = writeln!(o, "\n## Stance toward the other's thesis\n");
    let _ = writeln!(
        o,
        "Each aligned pair whose nodes both bear on their map's thesis counts: a map argues *for* the other's thesis where it has the node the same way round as the other map (both for, or both against, their theses), *against* it where the two disagree. Pairs on the thesis itself decide when there are any. See `docs/compare.md`.\n"
    );
    for s in sides() {
        let st = c.stance.get(s);
        let (me, other) = (&c.maps.get(s).id, &c.maps.get(s.other()).id);
        let _ = writeln!(
            o,
            "### {} toward the thesis of {}: {}\n",
            code(me),
            code(other),
            stance_line(st)
        );
        if st.reasons.is_empty() {
            let _ = writeln!(o, "No aligned pair connects to both theses.\n");
            continue;
        }
        let _ = writeln!(
            o,
            "| Pair | {me} node | there | {other} node | there | Effect |"
        );
        let _ = writeln!(o, "|---|---|---|---|---|---|");
        for rs in &st.reasons {
            let mut effect = match rs.effect {
                StanceKind::Supports => "for".to_string(),
                _ => "against".to_string(),
            };
            if rs.direct {
                effect.push_str(" (on the thesis)");
            }
            if !rs.decisive {
                effect.push_str(", outweighed");
            }
            let _ = writeln!(
                o,
                "| {} | {} | {} | {} | {} | {} |",
                rs.pair + 1,
                code(&rs.own),
                pol_short(rs.own_polarity),
                code(&rs.other),
                pol_short(rs.other_polarity),
                effect
            );
        }
        let _ = o.write_char('\n');
    }

    let _ = writeln!(
        o,
        "## Aligned pairs\n\n{}: {declared} declared with `same_as`, {} suggested by text similarity (score ≥ {}).\n",
        super::count(c.pairs.len(), "pair", "pairs"),
        c.pairs.len() - declared,
        c.options.min_score
    );
    if !c.pairs.is_empty() {
        let _ = writeln!(o, "| # | {} | {} | Found by |", code(l), code(r));
        let _ = writeln!(o, "|---|---|---|---|");
        for (i, p) in c.pairs.iter().enumerate() {
            let _ = writeln!(
                o,
                "| {} | {} | {} | {} |",
                i + 1,
                md_node(&p.left),
                md_node(&p.right),
                md(&found_by(c, p))
            );
        }
        let _ = o.write_char('\n');
    }

    let _ = writeln!(o, "## Factual conflicts\n");
    if c.conflicts.is_empty() {
        let _ = writeln!(
            o,
            "No aligned pair differs in the dates or numbers it mentions.\n"
        );
    } else {
        let _ = writeln!(
            o,
            "Aligned pairs where each side mentions a date or number the other does not (differing values in bold). These are flags for a reader: the two texts may disagree, or may speak of different events.\n"
        );
        let _ = writeln!(
            o,
            "| Pair | {} | Numbers | {} | Numbers |",
            code(l),
            code(r)
        );
        let _ = writeln!(o, "|---|---|---|---|---|");
        let bold = |values: &[String], unmatched: &[String]| {
            values
                .iter()
                .map(|v| {
                    if unmatched.contains(v) {
                        format!("**{v}**")
                    } else {
                        v.clone()
                    }
                })
                .collect::<Vec<_>>()
                .join(", ")
        };
        for k in &c.conflicts {
            let _ = writeln!(
                o,
                "| {} | {} | {} | {} | {} |",
                k.pair + 1,
                code(&k.left.id),
                bold(&k.left.values, &k.left.unmatched),
                code(&k.right.id),
                bold(&k.right.values, &k.right.unmatched)
            );
        }
        let _ = o.write_char('\n');
    }

    for s in sides() {
        let only = c.only.get(s);
        let _ = writeln!(
            o,
            "## Claims only in {} ({})\n",
            code(&c.maps.get(s).id),
            only.len()
        );
        if only.is_empty() {
            let _ = writeln!(
                o,
                "None: every claim has a counterpart in {}.\n",
                code(&c.maps.get(s.other()).id)
            );
            continue;
        }
        let _ = writeln!(o, "| Claim | Support | Bearing | Text |");
        let _ = writeln!(o, "|---|---|---|---|");
        for n in only.reports() {
            let _ = writeln!(
                o,
                "| {} | {} | {} | {}{} |",
                code(&n.id),
                n.status.name(),
                n.role.polarity.map_or("—", pol_short),
                md(&n.text),
                n.by.as_deref()
                    .map(|b| format!(" *(by {})*", md(b)))
                    .unwrap_or_default()
            );
        }
        let _ = o.write_char('\n');
    }
}

/// Ready-to-paste `same_as` lines for the suggested pairs, to go into the left map:
/// `  same_as: [right-map:ID]  # under claims.X, score 0.62`.
pub fn suggestions(c: &Comparison) -> String {
    let (l, r) = (&c.maps.left.id, &c.maps.right.id);
    let suggested: Vec<&Pair> = c
        .pairs
        .iter()
        .filter(|p| p.origin == Origin::Suggested)
        .collect();
    let mut o = String::new();
    if suggested.is_empty() {
        let _ = writeln!(
            o,
            "# no suggested pairs between {l} and {r} at score ≥ {}",
            c.options.min_score
        );
        return o;
    }
    let _ = writeln!(
        o,
        "# {} between {l} and {r} (score ≥ {}), best first.\n# Paste each line into map {l}, under the node its comment names (merge with an existing same_as).",
        super::count(suggested.len(), "suggested same_as link", "suggested same_as links"),
        c.options.min_score
    );
    for p in suggested {
        let section = p.left.kind.section().key();
        let _ = writeln!(
            o,
            "  same_as: [{r}:{}]  # under {section}.{}, score {:.2}",
            p.right.id, p.left.id, p.score
        );
    }
    o
}

/// Maps with more nodes than this (together) are drawn trimmed unless `full` is asked
/// (decided by [`crate::analyse::neighbourhood::compare_views`]).
pub use crate::analyse::neighbourhood::TRIM_FROM;

/// Both maps side by side as clusters: aligned pairs joined by dashed links (suggested
/// ones dotted and blue, with their score; a pair whose numbers conflict in orange), and
/// the nodes `views` dims drawn grey, only the nodes `views` keeps when trimmed (see
/// [`crate::analyse::neighbourhood::compare_views`], which decides both); the cluster
/// titles say how many nodes were left out.
pub fn diagram(a: &Analysed, b: &Analysed, c: &Comparison, views: &[CompareView; 2]) -> Graph {
    let maps = [a, b];
    let same_id = a.map_id() == b.map_id();
    let prefix = |i: usize| {
        if same_id {
            format!("{}:", if i == 0 { "left" } else { "right" })
        } else {
            format!("{}:", maps[i].map_id())
        }
    };
    // Bottom to top: the clusters stand side by side.
    let mut stmts = dot::header("BT");
    // The node of each map that holds its cluster in place (`dot::in_order`).
    let mut anchors: Vec<String> = Vec::with_capacity(2);
    for (i, (m, view)) in maps.iter().zip(views).enumerate() {
        let left_out = view.left_out;
        let dm = DiagramMap {
            map: m,
            visible: view.visible.clone(),
            focus: None,
        };
        if let Some(ix) = dot::anchor_node(&dm) {
            anchors.push(format!("{}{}", prefix(i), m.graph.graph[ix].id));
        }
        // The first map is drawn on the left (`dot::in_order` below); the map id in the
        // title says which is which.
        let mut note = format!("map {}", m.map_id());
        if left_out > 0 {
            note.push_str(&format!(
                " ({left_out} nodes off the paths from aligned nodes to the thesis are not drawn; --full draws them)"
            ));
        }
        stmts.push(dot::cluster(&dm, i, &prefix(i), &view.dimmed, Some(&note)));
    }
    stmts.extend(dot::in_order(&anchors));
    let conflicting: HashSet<usize> = c.conflicts.iter().map(|k| k.pair).collect();
    for (i, p) in c.pairs.iter().enumerate() {
        let (na, nb) = (
            format!("{}{}", prefix(0), p.left.id),
            format!("{}{}", prefix(1), p.right.id),
        );
        let mut style = dot::same_as_style();
        let set = |style: &mut Vec<Attribute>, k: &str, v: &str| {
            style.retain(|Attribute(key, _)| *key != Id::Plain(k.into()));
            style.push(attr(k, v));
        };
        // Many pairs: the dashed line says "same as" without a label on each.
        style.retain(|Attribute(key, _)| *key != Id::Plain("label".into()));
        if p.origin == Origin::Suggested {
            set(&mut style, "style", "dotted");
            set(&mut style, "color", "#1565c0");
            set(&mut style, "fontcolor", "#1565c0");
            set(&mut style, "label", &format!("≈ {:.2}", p.score));
        }
        if conflicting.contains(&i) {
            let k = c.conflicts.iter().find(|k| k.pair == i);
            let what = k
                .map(|k| {
                    format!(
                        "{} ≠ {}",
                        k.left.unmatched.join(", "),
                        k.right.unmatched.join(", ")
                    )
                })
                .unwrap_or_default();
            set(&mut style, "color", "#e65100");
            set(&mut style, "fontcolor", "#e65100");
            set(&mut style, "penwidth", "2");
            set(&mut style, "label", &what);
        }
        stmts.push(dot::edge(&na, &nb, style));
    }
    Graph::DiGraph {
        id: Id::Escaped(super::escape::dot_quoted("argmap-compare")),
        strict: false,
        stmts,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markdown_escaping_neutralises_markup() {
        assert_eq!(
            md("a|b <script> *x* [l](u) `c`"),
            "a\\|b &lt;script&gt; \\*x\\* \\[l\\](u) \\`c\\`"
        );
        assert_eq!(md("line\nbreak"), "line break");
    }

    #[test]
    fn summary_ids_become_code_and_the_rest_is_escaped() {
        assert_eq!(md_summary("`a_b` and *c*"), "`a_b` and \\*c\\*");
    }
}
