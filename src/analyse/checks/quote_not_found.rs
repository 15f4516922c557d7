//! `quote-not-found`: a quote that does not occur in the map's `source` text (the closest
//! passage, in whole words, its line and the first word that differs are shown), or an
//! empty quote: one with no word in it.

use super::{Example, Found, Input, RuleInfo, SourceText};
use crate::analyse::quote::is_empty_quote;
use crate::diagnostic::{Diagnostic, Rule, Target};
use crate::path;

/// The declaration of `quote-not-found`.
pub const RULE: RuleInfo = RuleInfo {
    rule: Rule::QuoteNotFound,
    summary: "a quote absent from `source` (closest passage in whole words, its line and the first word that differs shown), or an empty quote",
    sketch: "`quote: words the text never says`",
    explanation: r#"A node's `quote` is not in the map's `source` text, or holds no word at all. A quote is
the map's evidence that the text says what the node claims it says; a quote the text
does not contain passes a paraphrase (or a misreading) off as the author's words.

Matching forgives what is not the author's words (white space and line breaks, curly or
straight quotes, hyphenation at a line break, footnote markers, `...` for a gap), but
not words or case. The diagnostic shows the closest passage of the source, its line, and
the first word that differs: copy the passage verbatim, or drop `quote:` if the node
paraphrases."#,
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
    quote: the thesis hold, whatever the critics say
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
    quote: the thesis holds, whatever its critics say
"#,
        files: &[("essay.txt", "The essay argues that the thesis holds, whatever its critics say.
"), ],
    },
    found: Found::Check(check),
};

/// Reports the empty quotes (with a source or without), and the quotes
/// [`crate::analyse::quote::misses`] did not find (empty ones are not looked up).
pub fn check(input: &Input, out: &mut Vec<Diagnostic>) {
    for (section, nodes) in input.graph.map.node_sections() {
        for (id, node) in nodes.iter() {
            if node.quote.as_deref().is_some_and(is_empty_quote) {
                out.push(
                    Diagnostic::new(
                        Rule::QuoteNotFound,
                        Target::value(path![section.key(), id, "quote"]),
                        format!("`{id}` has an empty quote"),
                    )
                    .with_ids([id.as_str()])
                    .with_help(
                        "a quote holds words of the source, copied verbatim: give them, or remove `quote:`",
                    ),
                );
            }
        }
    }
    let SourceText::Checked(misses) = input.source else {
        return;
    };
    for miss in misses {
        let id = miss.id.as_str();
        let d = Diagnostic::new(
            Rule::QuoteNotFound,
            Target::value(path![miss.section.key(), id, "quote"]),
            format!("the quote of `{id}` is not in the source text"),
        )
        .with_ids([id]);
        out.push(match &miss.closest {
            Some(c) => d
                .with_note(c.to_string())
                .with_help(format!(
                    "copy the passage from line {} of the source verbatim",
                    c.line
                ))
                .with_fix(crate::diagnostic::Fix::Replace(c.passage.clone())),
            None => d.with_help("no similar passage found: is `source` the right text?"),
        });
    }
}
