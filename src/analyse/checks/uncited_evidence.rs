//! `uncited-evidence`: evidence with no `cites`.

use super::{node_path, Example, Found, Input, RuleInfo};
use crate::graph::NodeKind;
use crate::diagnostic::{Diagnostic, Rule, Target};

/// The declaration of `uncited-evidence`.
pub const RULE: RuleInfo = RuleInfo {
    rule: Rule::UncitedEvidence,
    summary: "evidence with no `cites`",
    sketch: "`E1: {text: ..., supports: [C1]}`",
    explanation: r#"An evidence item cites no source. Evidence is what the text brings from outside itself
(a document, a statistic, a witness), and without a citation the reader cannot look it
up; nor does it give cited support to what it supports.

Add `cites: [SOURCE]` with the work it comes from (declared under `sources:`, with `at:`
for the page). If it is the author's own assertion, it is a claim: move it to `claims`."#,
    example: Example {
        map: r#"id: example
sources:
  book: {title: The Book}
claims:
  T1:
    text: The thesis.
    thesis: true
    cites: [book]
evidence:
  E1:
    text: The record shows it.
    supports: [T1]
"#,
        fixed: r#"id: example
sources:
  book: {title: The Book}
claims:
  T1:
    text: The thesis.
    thesis: true
    cites: [book]
evidence:
  E1:
    text: The record shows it.
    cites: [book]
    supports: [T1]
"#,
        files: &[],
    },
    found: Found::Check(check),
};

pub(crate) fn check(input: &Input, out: &mut Vec<Diagnostic>) {
    let g = input.graph;
    for ix in g.graph.node_indices() {
        let n = &g.graph[ix];
        if n.kind == NodeKind::Evidence && n.node.is_some_and(|node| node.cites.is_empty()) {
            out.push(
                Diagnostic::new(
                    Rule::UncitedEvidence,
                    Target::key(node_path(g, ix)),
                    format!("evidence `{}` cites no source", n.id),
                )
                .with_ids([n.id])
                .with_help(
                    "add `cites: [SOURCE]`, or make it a claim if it is the author's own assertion",
                ),
            );
        }
    }
}
