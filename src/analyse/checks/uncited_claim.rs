//! `uncited-claim`: a claim with no chain of `supports` reaching cited evidence.

use super::{node_path, Example, Found, Input, RuleInfo};
use crate::analyse::support::Status;
use crate::graph::NodeKind;
use crate::diagnostic::{Diagnostic, Rule, Target};

/// The declaration of `uncited-claim`.
pub const RULE: RuleInfo = RuleInfo {
    rule: Rule::UncitedClaim,
    summary: "a claim with no chain of `supports` reaching cited evidence",
    sketch: "a claim nothing supports",
    explanation: r#"No chain of `supports` leads from the claim to a cited source, and the claim cites none
itself: either nothing supports it (`unsupported`), or its supporters are themselves
uncited (`uncited`). The map asserts it on the author's word alone.

This is a finding about the text more often than a fault of the map: many claims of an
essay are asserted without evidence, and `argmap support` lists each claim's status.
Where the text does give evidence, add it (an evidence item that `cites` the source,
supporting the claim), or let the claim cite the source itself. `--allow uncited-claim`
hides these warnings, and then cited support is not even computed."#,
    example: Example {
        map: r#"id: example
claims:
  T1:
    text: The thesis.
    thesis: true
"#,
        fixed: r#"id: example
sources:
  book: {title: The Book}
claims:
  T1:
    text: The thesis.
    thesis: true
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
        if n.kind != NodeKind::Claim {
            continue;
        }
        let message = match input.support().status(ix) {
            Status::Cited => continue,
            Status::Uncited => format!(
                "claim `{}` has supporters, but no chain of them reaches cited evidence",
                n.id
            ),
            Status::Unsupported => {
                format!("claim `{}` is supported by nothing and cites nothing", n.id)
            }
        };
        out.push(
            Diagnostic::new(Rule::UncitedClaim, Target::key(node_path(g, ix)), message)
                .with_ids([n.id])
                .with_help(
                    "support it with evidence that `cites` a source, or let it cite one itself",
                ),
        );
    }
}
