//! The passage of a source most like a quote that was not found: where most of the
//! quote's windows agree, widened to whole words, with its similarity and first
//! differing word.

use super::index::{key, SourceIndex, K, MAX_SCANS};
use super::normalize::is_word_char;
use std::collections::HashMap;

/// The passage of the source most like a quote that was not found.
#[derive(Clone, Debug, PartialEq)]
pub struct Closest {
    /// The line of the source where the passage starts.
    pub line: usize,
    /// Whole words of the normalised source.
    pub passage: String,
    /// How alike passage and quote are, from 0 to 1.
    pub similarity: f64,
    /// Whether the source goes on before the passage.
    pub more_before: bool,
    /// Whether the source goes on after it.
    pub more_after: bool,
    /// The first word where the passage and the quote differ, if any.
    pub difference: Option<WordDifference>,
}

impl std::fmt::Display for Closest {
    /// `closest passage (line 2, 87% similar): "…the workers of…"; first difference:
    /// "workers" where the quote has "worker"`.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let (before, after) = (
            if self.more_before { "…" } else { "" },
            if self.more_after { "…" } else { "" },
        );
        write!(
            f,
            "closest passage (line {}, {:.0}% similar): \"{before}{}{after}\"",
            self.line,
            self.similarity * 100.0,
            self.passage
        )?;
        if let Some(d) = &self.difference {
            write!(f, "; first difference: {d}")?;
        }
        Ok(())
    }
}

/// The first word where a passage and a quote differ: `None` where one of them has
/// already ended.
#[derive(Clone, Debug, PartialEq)]
pub struct WordDifference {
    /// The passage's word.
    pub passage: Option<String>,
    /// The quote's word.
    pub quote: Option<String>,
}

impl std::fmt::Display for WordDifference {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match (&self.passage, &self.quote) {
            (Some(p), Some(q)) => write!(f, "\"{p}\" where the quote has \"{q}\""),
            (Some(p), None) => write!(f, "\"{p}\" where the quote ends"),
            (None, Some(q)) => write!(f, "the passage ends where the quote has \"{q}\""),
            (None, None) => Ok(()),
        }
    }
}

/// The longest stretch (in characters) a closest passage is widened by to reach a word's
/// edge.
const MAX_WORD: usize = 64;

/// The first word (split at spaces: both are normalised) where `passage` and `quote`
/// differ, or `None` if every word agrees.
pub(super) fn first_difference(passage: &str, quote: &str) -> Option<WordDifference> {
    let mut p = passage.split(' ').filter(|w| !w.is_empty());
    let mut q = quote.split(' ').filter(|w| !w.is_empty());
    loop {
        match (p.next(), q.next()) {
            (None, None) => return None,
            (a, b) if a == b => continue,
            (a, b) => {
                return Some(WordDifference {
                    passage: a.map(str::to_string),
                    quote: b.map(str::to_string),
                })
            }
        }
    }
}

impl SourceIndex {
    /// The passage most like `q` (normalised): the start offset most windows of `q` agree
    /// on, compared over the length of `q`.
    pub fn closest(&self, q: &str) -> Option<Closest> {
        let qb = q.as_bytes();
        let mut votes: HashMap<usize, u32> = HashMap::new();
        if qb.len() >= K {
            for off in 0..=qb.len() - K {
                // Word starts only (all the index has); the quote's start too.
                if off > 0 && qb[off - 1] != b' ' {
                    continue;
                }
                let occ = self.occurrences(key(&qb[off..]));
                if occ.len() > 64 {
                    continue;
                }
                for &p in occ {
                    if let Some(s) = (p as usize).checked_sub(off) {
                        *votes.entry(s).or_insert(0) += 1;
                    }
                }
            }
        }
        let text = &self.norm.text;
        // A quote too short for a window (or whose windows are all too common) may still
        // occur inside a word (`olution`): its first occurrence, widened to whole words.
        let start = match votes
            .iter()
            .max_by_key(|(s, v)| (**v, std::cmp::Reverse(**s)))
        {
            Some((&start, _)) => start,
            // A scan of the text each: at most MAX_SCANS per source, so a map of many
            // short misses stays linear.
            None if !q.is_empty()
                && self
                    .scans
                    .fetch_add(1, std::sync::atomic::Ordering::Relaxed)
                    < MAX_SCANS =>
            {
                text.find(q)?
            }
            None => return None,
        };
        let mut end = (start + qb.len()).min(text.len());
        while !text.is_char_boundary(end) {
            end += 1;
        }
        let mut start = start;
        while !text.is_char_boundary(start) {
            start -= 1;
        }
        // Whole words: widened to the words the ends fall in (a word is not endless).
        let word_before = |p: usize| text[..p].chars().next_back().filter(|&c| is_word_char(c));
        let word_after = |p: usize| text[p..].chars().next().filter(|&c| is_word_char(c));
        for _ in 0..MAX_WORD {
            match (word_before(start), word_after(start)) {
                (Some(c), Some(_)) => start -= c.len_utf8(),
                _ => break,
            }
        }
        for _ in 0..MAX_WORD {
            match (word_before(end), word_after(end)) {
                (Some(_), Some(c)) => end += c.len_utf8(),
                _ => break,
            }
        }
        let passage = text[start..end].to_string();
        // Levenshtein is quadratic: compare at most the first 400 characters.
        let cut = |s: &str| s.chars().take(400).collect::<String>();
        let similarity = strsim::normalized_levenshtein(&cut(q), &cut(&passage));
        Some(Closest {
            line: self.line_of(start),
            difference: first_difference(&passage, q),
            passage,
            similarity,
            more_before: start > 0,
            more_after: end < text.len(),
        })
    }
}
