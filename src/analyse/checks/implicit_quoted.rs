//! `implicit-quoted`: a node marked `implicit: true` that carries a `quote`.

use super::{Example, Found, Input, RuleInfo};
use crate::diagnostic::{Diagnostic, Rule, Target};
use crate::path;

/// The declaration of `implicit-quoted`.
pub const RULE: RuleInfo = RuleInfo {
    rule: Rule::ImplicitQuoted,
    summary: "a node marked `implicit: true` that carries a `quote`",
    sketch: "`H1: {text: ..., implicit: true, quote: ...}`",
    explanation: r#"`implicit: true` says that the text leaves the node unstated: it is the analyst's
reconstruction (an unstated premise that the argument needs). A quote says the opposite:
that the text states it, in these words. The node cannot be both.

If the text does state it, drop `implicit: true` (the quote is checked against the
source); if it is a reconstruction, drop the quote (a `note` can say why it is needed)."#,
    example: Example {
        map: r#"id: example
sources:
  book: {title: The Book}
claims:
  T1:
    text: The thesis.
    thesis: true
    cites: [book]
  H1:
    text: What the thesis takes for granted.
    implicit: true
    quote: taken for granted
    supports: [T1]
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
  H1:
    text: What the thesis takes for granted.
    implicit: true
    supports: [T1]
    cites: [book]
"#,
        files: &[],
    },
    found: Found::Check(check),
};

pub(crate) fn check(input: &Input, out: &mut Vec<Diagnostic>) {
    for (section, nodes) in input.graph.map.node_sections() {
        for (id, node) in nodes.iter() {
            if node.implicit() && node.quote.is_some() {
                out.push(
                    Diagnostic::new(
                        Rule::ImplicitQuoted,
                        Target::value(path![section.key(), id, "quote"]),
                        format!("`{id}` is implicit (unstated by the text) but carries a quote"),
                    )
                    .with_ids([id.as_str()])
                    .with_help(
                        "drop the quote if the node is a reconstruction, or `implicit: true` if the text states it",
                    ),
                );
            }
        }
    }
}
