//! Quote verification: does a quote occur in the source text?
//!
//! Matching ignores what is not the author's words. Both the source and the quote are
//! normalised the same way:
//! - runs of white space and line breaks become one space;
//! - curly and straight quotes and apostrophes are equal (`‘’‚‛´` → `'`, `“”„‟«»` → `"`);
//! - a hyphen between two letters is dropped, with the line break after it, so
//!   `revolu-⏎tion`, `revolution`, `self-⏎determination` and `self-determination` all
//!   match (`selfdetermination` would too: the only cost of the rule);
//! - white space around an em or en dash is dropped (`ideas—⏎particularly` matches
//!   `ideas—particularly` and `ideas— particularly`);
//! - footnote markers glued to the text are skipped: one to three digits right after a
//!   letter or closing punctuation and before white space or the end (`Marxism.1 From`,
//!   `1879.2`);
//! - soft hyphens (U+00AD) are dropped.
//!
//! An ellipsis in a quote (`…`, `...` or `. . .`) stands for a gap: the pieces must occur
//! in order, each starting within [`MAX_GAP`] characters of the end of the previous one
//! (followed for every start at once, in one sweep of the text).
//!
//! A quote, and each piece of it, begins and ends on word boundaries of the normalised
//! text: `e` and `olution of the work` are not quotes of
//! `the revolution of the workers`. A hyphen dropped between two letters on one line
//! leaves a boundary (`determination` is in `self-determination`); one dropped at a line
//! break does not (`revolu-⏎tion` is one word).
//!
//! The source is normalised (in place) and indexed once ([`SourceIndex`]): the distinct
//! 8-byte windows that start a word of the normalised text, in a hash-bucketed table, each
//! with its positions. A space in a quote is a space in the source, so every word start
//! inside a quote piece is a word start in the source: finding a quote costs up to
//! `MAX_PROBES` (8) table look-ups, then the rarest window's occurrences filtered by two
//! other windows and verified against the text, in text order, until one settles the
//! quote — not a scan of the text. A piece with no word start inside it is looked up by
//! its own first window (occurrences that start a word), and scanned for only when that
//! fails.
//!
//! The files, by job: `normalize.rs` (the rules above, and word boundaries), `index.rs`
//! (the window index of a source), `lookup.rs` (finding a quote and its pieces),
//! `ellipsis.rs` (the one sweep that follows every start of a quote with gaps),
//! `closest.rs` (the closest passage to a quote not found), `spans.rs` (where each found
//! quote stands in the original text, for the HTML page's source panel), `tests.rs`.

mod closest;
mod ellipsis;
mod index;
mod lookup;
mod normalize;
mod spans;
#[cfg(test)]
mod tests;

pub use closest::{Closest, WordDifference};
pub use index::SourceIndex;
pub use normalize::{
    is_empty_quote, is_word_char, normalize, normalize_owned, quote_pieces, Normalized,
};
pub use spans::{covered_share, quoted_spans, QuotedSpan};

use crate::parse::model::{Id, Map, Section};

/// The largest gap an ellipsis may stand for, in bytes of normalised text.
pub const MAX_GAP: usize = 2000;

/// Where a quote was found, or the closest passage when it was not.
#[derive(Clone, Debug, PartialEq)]
pub enum QuoteMatch {
    /// Found: where the quote starts, as a byte offset of the normalised text
    /// ([`SourceIndex::line_of`] gives its line; it is not computed for every quote).
    Found {
        /// The byte offset in the normalised text.
        offset: usize,
    },
    /// Not found: the closest passage, its line, and its similarity (0–1).
    NotFound {
        /// The closest passage (`None` when the source has no word to compare).
        closest: Option<Closest>,
    },
}

/// A quote of the map that its source lacks: the node, and the closest passage.
#[derive(Clone, Debug, PartialEq)]
pub struct QuoteMiss {
    /// The section of the node.
    pub section: Section,
    /// The node's id.
    pub id: Id,
    /// The closest passage of the source, when there is one.
    pub closest: Option<Closest>,
}

/// Looks up the quote of every node of `map` in `index`; returns those not found, in
/// section and file order. It needs only the map, so the index (and the source text it
/// holds) is built, used and dropped before the graph and the rest of the analysis exist.
/// A large section is split between the machine's cores (the index is only read).
pub fn misses(index: &SourceIndex, map: &Map) -> Vec<QuoteMiss> {
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
    let mut out = Vec::new();
    for (section, nodes) in map.node_sections() {
        let all = nodes.entries.as_slice();
        // Below this many nodes a thread costs more than it saves.
        let parts = threads.min(all.len() / PARALLEL_FROM).max(1);
        let chunk = all.len().div_ceil(parts).max(1);
        let look_up = |part: &indexmap::map::Slice<Id, crate::parse::Node>| {
            part.iter()
                // An empty quote is reported as such (checks::quote_not_found), not a miss.
                .filter_map(|(id, node)| {
                    match index.find(node.quote.as_deref().filter(|q| !is_empty_quote(q))?) {
                        QuoteMatch::Found { .. } => None,
                        QuoteMatch::NotFound { closest } => Some(QuoteMiss {
                            section,
                            id: id.clone(),
                            closest,
                        }),
                    }
                })
                .collect::<Vec<_>>()
        };
        if parts == 1 {
            out.extend(look_up(all));
            continue;
        }
        std::thread::scope(|s| {
            let handles: Vec<_> = (0..all.len())
                .step_by(chunk)
                .map(|a| &all[a..(a + chunk).min(all.len())])
                .map(|part| s.spawn(move || look_up(part)))
                .collect();
            for h in handles {
                out.extend(h.join().unwrap_or_else(|e| std::panic::resume_unwind(e)));
            }
        });
    }
    out
}

/// Sections with fewer nodes than this per core are looked up on one thread.
const PARALLEL_FROM: usize = 2048;
