//! `quote-not-found`: a quote that does not occur in the map's `source` text. The closest
//! passage and its line are shown.

use super::{Input, SourceText};
use crate::diagnostic::{Diagnostic, Rule, Target};
use crate::path;

/// Reports the quotes [`crate::analyse::quote::misses`] did not find.
pub fn check(input: &Input, out: &mut Vec<Diagnostic>) {
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
