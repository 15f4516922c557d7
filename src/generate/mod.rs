//! Synthetic argument maps for benchmarks and tests: realistic in shape, deterministic
//! from a seed, valid by construction.
//!
//! [`generate`] writes a map of `nodes` entries (about 45% claims, 35% evidence, 10%
//! rebuttals, 10% sources) and the source text its quotes come from:
//!
//! - a few theses (`1 + log10(claims)`); every other claim supports one or two
//!   *earlier* claims, picked among the older three quarters, so support trees run
//!   deep (chains of 7 claims on average at 1k nodes, 14 and up to 35 at 1M) and can
//!   never be circular;
//! - about 4% of claims are counter-claims held by someone else (`by:`) that attack an
//!   earlier claim instead of supporting one; another 10% of claims carry `by:`;
//! - every claim that nothing supports gets evidence (or, when the map is too small to
//!   have enough, cites a source itself), so every claim has cited support; the other
//!   evidence supports random claims; each evidence item cites one or two sources, in
//!   the short form or the long form with `at` and `footnote`; every source is cited;
//! - some supporters are linked (`with:`) to a sibling that supports the same target;
//! - rebuttals attack claims, evidence or earlier rebuttals (three quarters of them), or
//!   undercut an existing `supports` link (`"E12 -> C5"`);
//! - quotes (all theses, 15% of claims, 60% of evidence, 20% of rebuttals) are passages
//!   of the generated source text, some with an ellipsis (`…`, `...`) standing for a gap,
//!   written the way a careful reader would type them: straight quotes and apostrophes,
//!   no line breaks, no footnote markers, hyphenated words joined. The source text has
//!   line breaks, curly quotes and apostrophes, line-end hyphenation, em dashes with and
//!   without a line break after them, double spaces and glued footnote markers
//!   (`word.12 Next`), so every rule of [`crate::analyse::quote`] is exercised.
//!
//! The map checks with no diagnostics at all. The YAML is written directly into a
//! string (no serializer), all text double-quoted: 1M nodes (180 MB of YAML and 100 MB
//! of source text) take about 2.5 s, most of it writing the files.
//! Randomness comes from [`SplitMix64`], so the output depends on nothing but
//! `(nodes, seed)`.
//!
//! The files, by job: `plan.rs` (the structure of a map: counts and every link, decided
//! first), `vocab.rs` (the words texts are made of), `text.rs` (the source text and the
//! quotes drawn from it), `yaml.rs` (writing the planned map as YAML), `rng.rs`.

mod plan;
mod rng;
mod text;
mod vocab;
mod yaml;

pub use rng::SplitMix64;

use plan::Plan;
use std::fmt::Write as _;
use text::Text;
use vocab::Vocab;
use yaml::{push_dq, Writer};

/// The `source:` of a map made by [`generate`].
pub const DEFAULT_SOURCE_NAME: &str = "source.txt";

/// A generated map and the text its quotes come from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Generated {
    /// The map, as YAML.
    pub map_yaml: String,
    /// The source text (to be written where the map's `source:` points).
    pub source_text: String,
}

/// Generates a map of about `nodes` entries (at least 4) whose `source:` is
/// [`DEFAULT_SOURCE_NAME`].
pub fn generate(nodes: usize, seed: u64) -> Generated {
    generate_named(nodes, seed, DEFAULT_SOURCE_NAME)
}

/// Generates a map of `nodes` entries (at least 4) whose `source:` is `source_name`
/// (a path relative to where the map will be written).
pub fn generate_named(nodes: usize, seed: u64, source_name: &str) -> Generated {
    let nodes = nodes.max(4);
    let mut rng = SplitMix64::new(seed);
    let vocab = Vocab::new();
    // The source text: about 14 words (100 bytes) per node.
    let text = Text::new(&vocab, (nodes * 14).max(1500), &mut rng);
    let source_text = text.render(&vocab, &mut rng);
    let plan = Plan::new(nodes, &mut rng);

    let mut out = String::with_capacity(nodes * 200 + 1024);
    let _ = writeln!(out, "id: synthetic-{nodes}-{seed}");
    let _ = writeln!(out, "title: \"Synthetic map: {nodes} nodes, seed {seed}\"");
    out.push_str("source: ");
    push_dq(&mut out, source_name);
    out.push('\n');
    let mut w = Writer {
        out,
        scratch: String::new(),
        rng: &mut rng,
        vocab: &vocab,
        text: &text,
        plan: &plan,
        source_ids: Vec::with_capacity(plan.sources),
    };
    w.sources();
    w.claims();
    w.evidence();
    w.rebuttals();
    Generated {
        map_yaml: w.out,
        source_text,
    }
}

/// The running header of [`running_header_pages`].
pub const RUNNING_HEADER: &str = "Journal of Historical Materialism, volume twelve";

/// A source that repeats [`RUNNING_HEADER`] on each of `pages` two-line pages (the header,
/// then `page N of the long discussion`): the worst case for an index of words, since
/// every window of the header occurs once per page.
pub fn running_header_pages(pages: usize) -> String {
    let mut out = String::new();
    for page in 0..pages {
        out.push_str(RUNNING_HEADER);
        out.push_str(&format!("\npage {page} of the long discussion\n"));
    }
    out
}

/// A source text of about `bytes` bytes and `quotes` quotes drawn from it (as in maps
/// made by [`generate`]): for measuring quote look-up alone.
pub fn source_and_quotes(bytes: usize, quotes: usize, seed: u64) -> (String, Vec<String>) {
    let mut rng = SplitMix64::new(seed);
    let vocab = Vocab::new();
    let text = Text::new(&vocab, (bytes / 7).max(100), &mut rng);
    let source = text.render(&vocab, &mut rng);
    let qs = (0..quotes)
        .map(|_| {
            let mut q = String::new();
            text.quote(&vocab, &mut rng, &mut q);
            q
        })
        .collect();
    (source, qs)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analyse::quote::{QuoteMatch, SourceIndex};

    #[test]
    fn splitmix_is_the_reference_sequence() {
        // The first outputs for seed 1234567 of the reference implementation.
        let mut r = SplitMix64::new(1234567);
        assert_eq!(r.next_u64(), 6457827717110365317);
        assert_eq!(r.next_u64(), 3203168211198807973);
    }

    #[test]
    fn every_quote_is_found() {
        let (source, quotes) = source_and_quotes(200_000, 2000, 7);
        let index = SourceIndex::new(source);
        for q in &quotes {
            assert!(
                matches!(index.find(q), QuoteMatch::Found { .. }),
                "not found: {q}"
            );
        }
    }

    #[test]
    fn the_source_exercises_every_matching_rule() {
        let (source, _) = source_and_quotes(200_000, 0, 3);
        assert!(source.contains('’'));
        assert!(source.contains('“'));
        assert!(source.contains("-\n"));
        assert!(source.contains("—\n"));
        assert!(source.contains("  "));
        assert!(source.contains(".\n\n"));
        let glued = source
            .as_bytes()
            .windows(3)
            .any(|w| w[0] == b'.' && w[1].is_ascii_digit() && w[2].is_ascii_digit());
        assert!(glued, "no glued footnote marker");
    }
}
