//! Where each quote of a map stands in the original text of its source: the byte ranges
//! of its pieces, for a reader to highlight (the HTML page's source panel).
//!
//! A quote is found as [`SourceIndex::find`] finds it (its first piece, the earliest
//! chain of the rest); the pieces after an ellipsis are then placed at their first
//! occurrence on word boundaries after the previous piece, within [`super::MAX_GAP`] of
//! it. Offsets of the normalised text are mapped back to the original by
//! [`super::Normalized::original_offset`], widened to whole characters of the original.

use super::lookup::Occurrences;
use super::normalize::{is_empty_quote, quote_pieces};
use super::{QuoteMatch, SourceIndex, MAX_GAP};
use crate::parse::model::{Id, Map, Section};
use std::ops::Range;

/// The place of one node's quote in the original source text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct QuotedSpan {
    /// The section of the node.
    pub section: Section,
    /// The node's id.
    pub id: Id,
    /// Byte ranges of the original text, one per piece of the quote (pieces an
    /// ellipsis separates), in text order; each starts and ends on a character boundary.
    pub ranges: Vec<Range<usize>>,
}

/// The found quotes of every node of `map` in `text` (its source, as read), in section
/// and file order; quotes the source lacks are left out (`check` reports them).
pub fn quoted_spans(text: &str, map: &Map) -> Vec<QuotedSpan> {
    let index = SourceIndex::new(text.to_string());
    let mut out = Vec::new();
    for (section, nodes) in map.node_sections() {
        for (id, node) in nodes.iter() {
            let Some(q) = node.quote.as_deref().filter(|q| !is_empty_quote(q)) else {
                continue;
            };
            if let Some(ranges) = index.spans(text, q) {
                out.push(QuotedSpan {
                    section,
                    id: id.clone(),
                    ranges,
                });
            }
        }
    }
    out
}

/// The share of `len` bytes that `ranges` cover (overlaps counted once), 0–1.
pub fn covered_share(len: usize, ranges: impl IntoIterator<Item = Range<usize>>) -> f64 {
    if len == 0 {
        return 0.0;
    }
    let mut all: Vec<Range<usize>> = ranges.into_iter().collect();
    all.sort_by_key(|r| (r.start, r.end));
    let (mut covered, mut reach) = (0usize, 0usize);
    for r in all {
        let start = r.start.max(reach);
        if r.end > start {
            covered += r.end - start;
        }
        reach = reach.max(r.end);
    }
    covered.min(len) as f64 / len as f64
}

impl SourceIndex {
    /// The original byte ranges of `quote`'s pieces in `original` (the text this index
    /// was built from), or `None` when the quote is not found.
    pub fn spans(&self, original: &str, quote: &str) -> Option<Vec<Range<usize>>> {
        let QuoteMatch::Found { offset } = self.find(quote) else {
            return None;
        };
        let pieces = quote_pieces(quote);
        let text = self.norm.text.as_str();
        let mut norm_ranges = Vec::with_capacity(pieces.len());
        let mut at = offset;
        for (i, piece) in pieces.iter().enumerate() {
            let start = if i == 0 {
                Some(offset)
            } else {
                let to = (at + MAX_GAP + piece.len()).min(text.len());
                let to = (to..=text.len())
                    .find(|&t| text.is_char_boundary(t))
                    .unwrap_or(text.len());
                Occurrences::new(text, piece, at, to)
                    .find(|&p| p <= at + MAX_GAP && self.norm.whole_words(p, piece))
            };
            // A later piece not placed (a chain only the full search finds): the pieces
            // placed so far stand for the quote.
            let Some(start) = start else { break };
            norm_ranges.push(start..start + piece.len());
            at = start + piece.len();
        }
        let ranges = norm_ranges
            .into_iter()
            .filter_map(|r| self.original_range(original, r))
            .collect::<Vec<_>>();
        (!ranges.is_empty()).then_some(ranges)
    }

    /// The original byte range of normalised range `r` (not empty), widened to whole
    /// characters of `original`.
    fn original_range(&self, original: &str, r: Range<usize>) -> Option<Range<usize>> {
        if r.is_empty() {
            return None;
        }
        let start = self.norm.original_offset(r.start)?;
        let last = self.norm.original_offset(r.end - 1)?;
        let mut start = start.min(original.len());
        while !original.is_char_boundary(start) {
            start -= 1;
        }
        let mut end = last.min(original.len());
        while !original.is_char_boundary(end) {
            end -= 1;
        }
        let end = end + original[end..].chars().next().map_or(0, char::len_utf8);
        (start < end).then_some(start..end)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn map_with(quotes: &[(&str, &str)]) -> Map {
        let mut yaml = String::from("id: m\nclaims:\n");
        for (id, q) in quotes {
            yaml.push_str(&format!("  {id}:\n    text: t\n    quote: {q:?}\n"));
        }
        let file = crate::load_str("m.yaml", &yaml);
        file.map.expect("a map")
    }

    #[test]
    fn spans_are_ranges_of_the_original_text() {
        let text = "The  “permanent”\nrevolu-\ntion of the workers. Then more words follow here, and the end.";
        let map = map_with(&[
            ("A", "\"permanent\" revolution of the workers"),
            ("B", "Then more … the end"),
            ("C", "not in the text at all"),
        ]);
        let spans = quoted_spans(text, &map);
        assert_eq!(spans.len(), 2, "{spans:?}");
        let a = &spans[0];
        assert_eq!(a.id.as_str(), "A");
        assert_eq!(
            &text[a.ranges[0].clone()],
            "“permanent”\nrevolu-\ntion of the workers"
        );
        let b = &spans[1];
        let got: Vec<&str> = b.ranges.iter().map(|r| &text[r.clone()]).collect();
        assert_eq!(got, ["Then more", "the end"]);
    }

    #[test]
    fn the_share_counts_overlaps_once() {
        assert_eq!(covered_share(10, [0..5, 3..6]), 0.6);
        assert_eq!(covered_share(0, std::iter::once(0..5)), 0.0);
        assert_eq!(covered_share(4, []), 0.0);
    }
}
