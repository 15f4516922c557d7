//! `self-reference`: a node that supports, attacks, undercuts or is linked with itself.

use super::{ref_target, Example, Found, Input, RuleInfo};
use crate::graph::RefProblemKind;
use crate::diagnostic::{Diagnostic, Rule};

/// The declaration of `self-reference`.
pub const RULE: RuleInfo = RuleInfo {
    rule: Rule::SelfReference,
    summary: "a node supports, attacks, undercuts or is linked with itself",
    sketch: "`C1: {supports: [C1]}`",
    explanation: r#"A node names itself in `supports`, `attacks`, `undercuts` or `with`. A claim cannot be a
reason for itself (that is begging the question in one step), nor refute itself, nor be
its own co-premise. It is almost always a slip of copy and paste.

Remove the reference, or name the node that was meant."#,
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
    text: A reason for the thesis.
    cites: [book]
    supports: [T1, C1]
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
    text: A reason for the thesis.
    cites: [book]
    supports: [T1]
"#,
        files: &[],
    },
    found: Found::Check(check),
};

pub(crate) fn check(input: &Input, out: &mut Vec<Diagnostic>) {
    let g = input.graph;
    for p in &g.problems {
        if p.kind != RefProblemKind::SelfReference {
            continue;
        }
        let from = g.graph[p.from].id;
        out.push(
            Diagnostic::new(
                Rule::SelfReference,
                ref_target(g, p),
                format!("`{from}` {} itself", p.field.key()),
            )
            .with_ids([from])
            .with_help("remove the reference: a node cannot back or defeat itself"),
        );
    }
}
