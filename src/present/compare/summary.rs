//! The plain-language summary at the top of a comparison, written from its data: the
//! pairs by origin ([`Findings`]), each map's stance and why ([`Basis`]), the first
//! proposition that serves opposite ends, the claims only one map makes, coverage and
//! the factual conflicts.
//!
//! The summary is [`Prose`]: text with the ids (and `same_as`) marked as code, so the
//! terminal shows them plain, Markdown as code, and JSON between backquotes.

use crate::analyse::compare::{Basis, Comparison, NodeReport, Polarity, Side, StanceKind};
use crate::present::count;

/// Conflicts named in the summary; more are shown as `...`.
const CONFLICTS_NAMED: usize = 3;

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

    /// Appends another sentence, after a space.
    fn sentence(&mut self, s: Prose) {
        if !self.parts.is_empty() {
            self.text(" ");
        }
        for p in s.parts {
            match p {
                Part::Text(t) => self.text(t),
                Part::Code(c) => self.code(c),
            };
        }
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

/// The summary of `c`.
pub fn summary(c: &Comparison) -> Prose {
    let mut out = Prose::default();
    out.sentence(pairs(c));
    for s in [Side::Left, Side::Right] {
        out.sentence(stance(c, s));
    }
    if let Some(p) = opposite(c) {
        out.sentence(p);
    }
    out.sentence(only(c));
    out.sentence(coverage(c));
    out.sentence(conflicts(c));
    out
}

fn name<'c>(c: &'c Comparison, s: Side) -> &'c str {
    &c.maps.get(s).id
}

/// How many pairs, and how they were found.
fn pairs(c: &Comparison) -> Prose {
    let (l, r) = (name(c, Side::Left), name(c, Side::Right));
    let mut p = Prose::default();
    p.code(l).text(" and ").code(r);
    if c.pairs.is_empty() {
        p.text(" have no node in common: nothing is declared ")
            .code("same_as")
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
            ", {} by text similarity (score ≥ {}).",
            f.suggested, c.options.min_score
        ));
    }
    p
}

/// The stance of map `s` toward the other's thesis, and why.
fn stance(c: &Comparison, s: Side) -> Prose {
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
        (Basis::NoReasons, _) | (_, StanceKind::Silent) => {
            p.code(me)
                .text(" is silent on the thesis of ")
                .code(other)
                .text(": no aligned pair bears on both theses.");
        }
        (basis, k) => {
            let verb = match k {
                StanceKind::Supports => "supports",
                StanceKind::Attacks => "attacks",
                _ => "is divided on",
            };
            let on = if basis == Basis::Direct {
                " on the thesis itself"
            } else {
                ""
            };
            p.code(me)
                .text(format!(" {verb} the thesis of "))
                .code(other)
                .text(format!(
                    ": {} for it{on}, {} against.",
                    count(st.supporting, "aligned pair argues", "aligned pairs argue"),
                    st.attacking
                ));
        }
    }
    p
}

/// The first aligned proposition argued for in one map and against in the other.
fn opposite(c: &Comparison) -> Option<Prose> {
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
    Some(p)
}

/// How many claims of each map have no counterpart in the other.
fn only(c: &Comparison) -> Prose {
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
    p
}

/// Citation coverage of both maps, in whole percents.
fn coverage(c: &Comparison) -> Prose {
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
    p
}

/// The factual conflicts, the first few named.
fn conflicts(c: &Comparison) -> Prose {
    let mut p = Prose::default();
    if c.conflicts.is_empty() {
        p.text("No aligned pair differs in its dates or numbers.");
        return p;
    }
    p.text(format!(
        "{} in dates or numbers: ",
        count(
            c.conflicts.len(),
            "aligned pair differs",
            "aligned pairs differ"
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
                " ({} against {})",
                k.left.unmatched.join(", "),
                k.right.unmatched.join(", ")
            ));
    }
    if c.conflicts.len() > CONFLICTS_NAMED {
        p.text(", ...");
    }
    p.text(".");
    p
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

    #[test]
    fn sentences_are_joined_by_one_space() {
        let mut all = Prose::default();
        all.sentence(prose());
        all.sentence(prose());
        assert_eq!(all.plain(), "a_b and *c* xy. a_b and *c* xy.");
        // Words run on in one part: the space between sentences joins the words before it.
        assert_eq!(all.parts.len(), 8);
    }
}
