//! Renderings of a [`Comparison`]: terminal text, Markdown, JSON, ready-to-paste
//! `same_as` lines, and a DOT diagram of both maps side by side.
//!
//! Nothing here decides: every count, stance and conflict comes from
//! [`crate::analyse::compare`]; this module only words and lays them out. One file per
//! rendering (`text`, `markdown`, `json`, `diagram`), the summary's sentences in
//! `summary`; the words shared by the reports are here.

use crate::analyse::compare::{
    Comparison, NodeReport, Origin, Pair, Polarity, Side, Stance, StanceKind,
};
use crate::analyse::support::Coverage;
use crate::graph::NodeKind;
use std::fmt::Write as _;

mod diagram;
mod html;
mod json;
mod markdown;
mod summary;
mod text;

pub use diagram::{diagram, name_prefixes, TRIM_FROM};
pub use html::html;
pub use json::{json, Json};
pub use markdown::{markdown, write_markdown};
pub use summary::{summary, Prose, Sentence, Summary};
pub use text::{text, write_text};

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

fn pol_short(p: Option<Polarity>) -> &'static str {
    match p {
        Some(Polarity::Pro) => "pro",
        Some(Polarity::Con) => "con",
        None => "none",
    }
}

/// `cited: 3 evidence, 2 sources (a, b)` and the like.
pub fn support(n: &NodeReport) -> String {
    let mut s = n.status.name().to_string();
    if n.evidence > 0 || !n.sources.is_empty() {
        s.push_str(&format!(
            ": {} evidence, {}",
            n.evidence,
            crate::present::count(n.sources.len(), "source", "sources")
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
        crate::present::count(m.claims, "claim", "claims"),
        m.evidence,
        crate::present::count(m.rebuttals, "rebuttal", "rebuttals"),
        crate::present::count(m.sources, "source", "sources")
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
        crate::present::count(suggested.len(), "suggested same_as link", "suggested same_as links"),
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
}
