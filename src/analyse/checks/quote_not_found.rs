//! `quote-not-found`: a quote that does not occur in the map's `source` text (the closest
//! passage, in whole words, its line and the first word that differs are shown), or an
//! empty quote: one with no word in it.

use super::{Input, SourceText};
use crate::analyse::quote::is_empty_quote;
use crate::diagnostic::{Diagnostic, Rule, Target};
use crate::path;

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
            Some(c) => d.with_note(c.to_string()).with_help(format!(
                "copy the passage from line {} of the source verbatim",
                c.line
            )),
            None => d.with_help("no similar passage found: is `source` the right text?"),
        });
    }
}
