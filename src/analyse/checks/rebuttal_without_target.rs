//! `rebuttal-without-target`: a rebuttal that attacks or undercuts nothing.

use super::{node_path, Example, Found, Input, RuleInfo};
use crate::graph::NodeKind;
use crate::diagnostic::{Diagnostic, Rule, Target};

/// The declaration of `rebuttal-without-target`.
pub const RULE: RuleInfo = RuleInfo {
    rule: Rule::RebuttalWithoutTarget,
    summary: "a rebuttal that attacks or undercuts nothing",
    sketch: "`R1: {text: ...}`",
    explanation: r#"A rebuttal neither `attacks` a node nor `undercuts` a link. A rebuttal is an objection
to something; without a target it objects to nothing, and the evaluation of the map
cannot place it.

Add `attacks: [ID]` (it denies a node) or `undercuts: ["A -> B"]` (it denies that A
supports or attacks B). If it states something on its own, it is a claim: move it to
`claims`."#,
    example: Example {
        map: r#"id: example
sources:
  book: {title: The Book}
claims:
  T1:
    text: The thesis.
    thesis: true
    cites: [book]
rebuttals:
  R1:
    text: An objection.
"#,
        fixed: r#"id: example
sources:
  book: {title: The Book}
claims:
  T1:
    text: The thesis.
    thesis: true
    cites: [book]
rebuttals:
  R1:
    text: An objection.
    attacks: [T1]
"#,
        files: &[],
    },
    found: Found::Check(check),
};

pub(crate) fn check(input: &Input, out: &mut Vec<Diagnostic>) {
    let g = input.graph;
    for ix in g.graph.node_indices() {
        let n = &g.graph[ix];
        if n.kind == NodeKind::Rebuttal
            && n.node
                .is_some_and(|node| node.attacks.is_empty() && node.undercuts().is_empty())
        {
            out.push(
                Diagnostic::new(
                    Rule::RebuttalWithoutTarget,
                    Target::key(node_path(g, ix)),
                    format!("rebuttal `{}` attacks or undercuts nothing", n.id),
                )
                .with_ids([n.id])
                .with_help("add `attacks: [ID]` or `undercuts: [\"A -> B\"]`, or make it a claim"),
            );
        }
    }
}
