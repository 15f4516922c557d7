//! `no-thesis`: no claim has `thesis: true`.

use super::{Example, Found, Input, RuleInfo};
use crate::diagnostic::{Diagnostic, Rule, Target};
use crate::path;

/// The declaration of `no-thesis`.
pub const RULE: RuleInfo = RuleInfo {
    rule: Rule::NoThesis,
    summary: "no claim has `thesis: true`",
    sketch: "—",
    explanation: r#"No claim is marked as the map's thesis. The thesis is what the map is about: `orphan`
looks for nodes cut off from it, `evaluate` says whether it stands, `compare` aligns two
maps' theses, and diagrams draw it in gold. Without one, none of these can say anything.

Mark the map's main claim (or claims) with `thesis: true`."#,
    example: Example {
        map: r#"id: example
sources:
  book: {title: The Book}
claims:
  T1:
    text: The thesis.
    cites: [book]
"#,
        fixed: r#"id: example
sources:
  book: {title: The Book}
claims:
  T1:
    text: The thesis.
    thesis: true
    cites: [book]
"#,
        files: &[],
    },
    found: Found::Check(check),
};

pub(crate) fn check(input: &Input, out: &mut Vec<Diagnostic>) {
    let g = input.graph;
    if g.graph.node_weights().any(|n| n.is_thesis()) {
        return;
    }
    let target = if g.map.section_order.contains(&crate::parse::Section::Claims) {
        Target::key(path!["claims"])
    } else {
        Target::file()
    };
    out.push(
        Diagnostic::new(Rule::NoThesis, target, "no claim is marked as the thesis")
            .with_help("mark the map's main claim with `thesis: true`"),
    );
}
