//! `unquoted-claim`: in a map with a `source`, a claim that is neither quoted, nor
//! implicit, nor supported by anything.

use super::{node_path, Example, Found, Input, RuleInfo};
use crate::diagnostic::{Diagnostic, Rule, Target};
use crate::graph::{EdgeKind, NodeKind};

/// The declaration of `unquoted-claim`.
pub const RULE: RuleInfo = RuleInfo {
    rule: Rule::UnquotedClaim,
    summary: "in a map with a `source`, a claim with no `quote`, not `implicit`, that nothing supports",
    sketch: "`C1: {text: ...}` in a map with `source:`",
    explanation: r#"The map has a `source` text, and this claim neither quotes it nor is marked
`implicit: true`, and nothing supports it. Nothing shows that the text says it: it may be
the analyst's reconstruction passed off as the author's.

Quote the passage that states the claim (`quote:`, checked against the source); or, if
the text leaves it unstated, mark it `implicit: true`; or support it with what the text
does say. Claims that something supports are not flagged: their support shows where
they come from. A claim that cites a work but is not quoted is flagged: the citation
says where the claim's backing is, not that the text makes the claim."#,
    example: Example {
        map: r#"id: example
source: essay.txt
sources:
  book: {title: The Book}
claims:
  T1:
    text: The thesis.
    thesis: true
    cites: [book]
"#,
        fixed: r#"id: example
source: essay.txt
sources:
  book: {title: The Book}
claims:
  T1:
    text: The thesis.
    thesis: true
    cites: [book]
    quote: the thesis holds
"#,
        files: &[("essay.txt", "The essay argues that the thesis holds.\n")],
    },
    found: Found::Check(check),
};

pub(crate) fn check(input: &Input, out: &mut Vec<Diagnostic>) {
    let g = input.graph;
    if g.map.source.is_none() {
        return;
    }
    for ix in g.graph.node_indices() {
        let n = &g.graph[ix];
        let Some(node) = n.node.filter(|_| n.kind == NodeKind::Claim) else {
            continue;
        };
        if node.quote.is_some()
            || node.implicit()
            || g.incoming(ix, |k| matches!(k, EdgeKind::Supports))
                .next()
                .is_some()
        {
            continue;
        }
        out.push(
            Diagnostic::new(
                Rule::UnquotedClaim,
                Target::key(node_path(g, ix)),
                format!(
                    "claim `{}` is not quoted, not marked implicit, and nothing supports it",
                    n.id
                ),
            )
            .with_ids([n.id])
            .with_help(
                "quote the passage that states it, or mark it `implicit: true` if the text leaves it unstated",
            ),
        );
    }
}
