//! `unused-source`: a source that nothing cites.

use super::{node_path, Example, Found, Input, RuleInfo};
use crate::graph::{EdgeKind, NodeKind};
use crate::diagnostic::{Diagnostic, Rule, Target};

/// The declaration of `unused-source`.
pub const RULE: RuleInfo = RuleInfo {
    rule: Rule::UnusedSource,
    summary: "a source nothing cites",
    sketch: "`sources: {s2: {title: X}}` never cited",
    explanation: r#"A source is declared under `sources:` but nothing `cites` it. Either a citation is
missing (the evidence the source backs does not name it), or the source is left over
from an earlier version of the map.

Cite it from the evidence it backs, or remove it."#,
    example: Example {
        map: r#"id: example
sources:
  book: {title: The Book}
  other: {title: Another Book}
claims:
  T1:
    text: The thesis.
    thesis: true
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
    for ix in g.graph.node_indices() {
        let n = &g.graph[ix];
        if n.kind == NodeKind::Source
            && g.incoming(ix, |k| matches!(k, EdgeKind::Cites { .. }))
                .next()
                .is_none()
        {
            out.push(
                Diagnostic::new(
                    Rule::UnusedSource,
                    Target::key(node_path(g, ix)),
                    format!("source `{}` is not cited by anything", n.id),
                )
                .with_ids([n.id])
                .with_help("cite it from the evidence it backs, or remove it"),
            );
        }
    }
}
