//! `quote-not-found`: a quote that does not occur in the map's `source` text. The closest
//! passage and its line are shown.

use super::{Input, SourceText};
use crate::analyse::quote::QuoteMatch;
use crate::diagnostic::{Diagnostic, Rule, Target};
use crate::path;

pub fn check(input: &Input, out: &mut Vec<Diagnostic>) {
    let SourceText::Indexed(index) = input.source else {
        return;
    };
    let g = input.graph;
    for ix in g.graph.node_indices() {
        let n = &g.graph[ix];
        let Some(quote) = n.node.and_then(|node| node.quote.as_deref()) else {
            continue;
        };
        if let QuoteMatch::NotFound { closest } = index.find(quote) {
            let mut d = Diagnostic::new(
                Rule::QuoteNotFound,
                Target::value(path![n.kind.section().key(), n.id, "quote"]),
                format!("the quote of `{}` is not in the source text", n.id),
            )
            .with_ids([n.id]);
            d = match closest {
                Some(c) => d
                    .with_note(format!(
                        "closest passage, line {} ({:.0}% similar): \"{}\"",
                        c.line,
                        c.similarity * 100.0,
                        c.passage
                    ))
                    .with_help(format!(
                        "copy the passage from line {} of the source verbatim",
                        c.line
                    )),
                None => d.with_help("no similar passage found: is `source` the right text?"),
            };
            out.push(d);
        }
    }
}
