//! `orphan`: a claim, evidence item or rebuttal with no path to or from a thesis through
//! supports, attacks and undercuts (in either direction). Not reported when the map has
//! no thesis (`no-thesis` says so).

use super::{node_path, Example, Found, Input, RuleInfo};
use crate::analyse::neighbourhood::linked;
use crate::diagnostic::{Diagnostic, Rule, Target};
use crate::graph::NodeKind;

/// The declaration of `orphan`.
pub const RULE: RuleInfo = RuleInfo {
    rule: Rule::Orphan,
    summary: "a node with no path (supports, attacks, undercuts, either direction) to a thesis",
    sketch: "a claim linked to nothing",
    explanation: r#"A claim, evidence item or rebuttal is not connected to any thesis: no chain of
`supports`, `attacks` or `undercuts`, followed in either direction, joins them. It plays
no part in the argument the map reconstructs, so it is either a link forgotten or a node
that does not belong to this map. (Not reported when the map has no thesis, which
`no-thesis` says, nor for a rebuttal without a target, which `rebuttal-without-target`
says.)

Link it to what it argues for or against, or remove it."#,
    example: Example {
        map: r#"id: example
sources:
  book: {title: The Book}
claims:
  T1:
    text: The thesis.
    thesis: true
    cites: [book]
  C1:
    text: A remark the essay makes in passing.
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
  C1:
    text: A remark the essay makes in passing.
    cites: [book]
    supports: [T1]
"#,
        files: &[],
    },
    found: Found::Check(check),
};

pub(crate) fn check(input: &Input, out: &mut Vec<Diagnostic>) {
    let g = input.graph;
    let theses = g.theses();
    if theses.is_empty() {
        return;
    }
    let seen = linked(g, theses, None);
    for ix in g.graph.node_indices() {
        let n = &g.graph[ix];
        // A rebuttal without a target is reported by `rebuttal-without-target` alone.
        let targetless = n.kind == NodeKind::Rebuttal
            && n.node
                .is_some_and(|x| x.attacks.is_empty() && x.undercuts().is_empty());
        if n.kind != NodeKind::Source && !seen.contains(&ix) && !targetless {
            out.push(
                Diagnostic::new(
                    Rule::Orphan,
                    Target::key(node_path(g, ix)),
                    format!(
                        "{} `{}` is not connected to any thesis",
                        n.kind.name(),
                        n.id
                    ),
                )
                .with_ids([n.id])
                .with_help("link it with supports, attacks or undercuts, or remove it"),
            );
        }
    }
}
