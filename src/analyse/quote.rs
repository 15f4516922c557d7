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
//! in order, each starting within [`MAX_GAP`] characters of the end of the previous one.
//!
//! The source is normalised and indexed once ([`SourceIndex`]): a sorted table of the
//! 8-byte windows that start a word of the normalised text. A space in a quote is a space
//! in the source, so every word start inside a quote piece is a word start in the source:
//! finding a quote costs a few binary searches plus the verification of the rarest
//! window's occurrences, not a scan of the text (pieces without an inner word start are
//! scanned for).

use std::collections::HashMap;

/// The largest gap an ellipsis may stand for, in bytes of normalised text.
pub const MAX_GAP: usize = 2000;

const K: usize = 8;

/// Normalised text with, for each byte of it, the byte offset in the original text.
#[derive(Debug, Default)]
pub struct Normalized {
    pub text: String,
    pub offsets: Vec<u32>,
}

fn fold_quote(c: char) -> char {
    match c {
        '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{201B}' | '\u{00B4}' | '`' | '\u{2032}' => '\'',
        '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{201F}' | '\u{00AB}' | '\u{00BB}'
        | '\u{2033}' => '"',
        c => c,
    }
}

fn is_dash(c: char) -> bool {
    matches!(c, '\u{2014}' | '\u{2013}' | '\u{2015}')
}

fn is_hyphen(c: char) -> bool {
    matches!(c, '-' | '\u{2010}')
}

fn is_closing(c: char) -> bool {
    matches!(
        c,
        '.' | ',' | ';' | ':' | '!' | '?' | ')' | ']' | '\'' | '"' | '\u{2019}' | '\u{201D}'
    )
}

/// Normalises `text` by the rules in the module documentation.
pub fn normalize(text: &str) -> Normalized {
    let mut out = Normalized {
        text: String::with_capacity(text.len()),
        offsets: Vec::with_capacity(text.len()),
    };
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut i = 0;
    let mut pending_space: Option<usize> = None;
    let mut after_dash = false;
    let push = |out: &mut Normalized, c: char, at: usize| {
        let mut buf = [0u8; 4];
        let s = c.encode_utf8(&mut buf);
        out.text.push_str(s);
        for _ in 0..s.len() {
            out.offsets.push(at as u32);
        }
    };
    while i < chars.len() {
        let (at, c) = chars[i];
        if c.is_whitespace() {
            if pending_space.is_none() && !after_dash && !out.text.is_empty() {
                pending_space = Some(at);
            }
            i += 1;
            continue;
        }
        if c == '\u{00AD}' {
            i += 1;
            continue;
        }
        // A hyphen between letters (possibly across a line break) joins the two words.
        if is_hyphen(c) && pending_space.is_none() {
            let prev_letter = i > 0 && chars[i - 1].1.is_alphabetic();
            let mut j = i + 1;
            let mut newline = false;
            while j < chars.len() && chars[j].1.is_whitespace() {
                newline |= chars[j].1 == '\n';
                j += 1;
            }
            let next_letter = j < chars.len() && chars[j].1.is_alphabetic();
            if prev_letter && next_letter && (j == i + 1 || newline) {
                i = j;
                continue;
            }
        }
        // A footnote marker glued to the text.
        if c.is_ascii_digit() && pending_space.is_none() && i > 0 {
            let prev = chars[i - 1].1;
            if prev.is_alphabetic() || is_closing(prev) {
                let mut j = i;
                while j < chars.len() && chars[j].1.is_ascii_digit() {
                    j += 1;
                }
                let at_end = j == chars.len() || chars[j].1.is_whitespace();
                if j - i <= 3 && at_end {
                    i = j;
                    continue;
                }
            }
        }
        let dash = is_dash(c);
        if let Some(sp) = pending_space.take() {
            if !dash {
                push(&mut out, ' ', sp);
            }
        }
        push(&mut out, fold_quote(c), at);
        after_dash = dash;
        i += 1;
    }
    out
}

/// Splits a quote at its ellipses and normalises each piece; empty pieces are dropped.
pub fn quote_pieces(quote: &str) -> Vec<String> {
    let q = quote
        .replace(". . .", "\u{2026}")
        .replace("...", "\u{2026}");
    q.split('\u{2026}')
        .map(|p| normalize(p).text)
        .filter(|p| !p.is_empty())
        .collect()
}

/// A source text, normalised and indexed once for many quote look-ups.
#[derive(Debug)]
pub struct SourceIndex {
    pub original: String,
    pub norm: Normalized,
    /// (window key, position) for every word start, sorted by key.
    windows: Vec<(u64, u32)>,
    /// Byte offsets of line starts in the original text.
    line_starts: Vec<usize>,
}

/// Where a quote was found, or the closest passage when it was not.
#[derive(Clone, Debug, PartialEq)]
pub enum QuoteMatch {
    /// Found: the line (1-based) where the quote starts in the source.
    Found { line: usize },
    /// Not found: the closest passage, its line, and its similarity (0–1).
    NotFound { closest: Option<Closest> },
}

/// The passage of the source most like a quote that was not found.
#[derive(Clone, Debug, PartialEq)]
pub struct Closest {
    pub line: usize,
    pub passage: String,
    pub similarity: f64,
}

fn key(b: &[u8]) -> u64 {
    let mut k = [0u8; 8];
    k.copy_from_slice(&b[..K]);
    u64::from_be_bytes(k)
}

impl SourceIndex {
    /// Normalises and indexes `text`.
    pub fn new(text: String) -> SourceIndex {
        let norm = normalize(&text);
        let bytes = norm.text.as_bytes();
        let words = bytes.iter().filter(|&&b| b == b' ').count() + 1;
        let mut windows: Vec<(u64, u32)> = Vec::with_capacity(words);
        if bytes.len() >= K {
            for p in 0..=bytes.len() - K {
                if p == 0 || bytes[p - 1] == b' ' {
                    windows.push((key(&bytes[p..]), p as u32));
                }
            }
        }
        windows.sort_unstable();
        let mut line_starts = vec![0];
        line_starts.extend(text.match_indices('\n').map(|(i, _)| i + 1));
        SourceIndex {
            original: text,
            norm,
            windows,
            line_starts,
        }
    }

    fn occurrences(&self, k: u64) -> &[(u64, u32)] {
        let lo = self.windows.partition_point(|w| w.0 < k);
        let hi = self.windows.partition_point(|w| w.0 <= k);
        &self.windows[lo..hi]
    }

    /// The line (1-based) of a byte offset of the normalised text.
    pub fn line_of(&self, norm_pos: usize) -> usize {
        let orig = self
            .norm
            .offsets
            .get(norm_pos)
            .copied()
            .unwrap_or(self.original.len() as u32) as usize;
        self.line_starts.partition_point(|&s| s <= orig)
    }

    /// Every position where `piece` occurs in the normalised text, starting at or after
    /// `from` and before `to`, in order. Uses the window index for long pieces.
    fn find_in(&self, piece: &str, from: usize, to: usize) -> Vec<usize> {
        let text = &self.norm.text;
        let to = to.min(text.len());
        if from >= to {
            return Vec::new();
        }
        let pb = piece.as_bytes();
        let mut best: Option<(usize, &[(u64, u32)])> = None;
        if pb.len() >= K && to - from > 4 * MAX_GAP {
            // The rarest word-start window of the piece narrows the candidates.
            for off in 1..=pb.len() - K {
                if pb[off - 1] != b' ' {
                    continue;
                }
                let occ = self.occurrences(key(&pb[off..]));
                if best.is_none_or(|(_, b)| occ.len() < b.len()) {
                    best = Some((off, occ));
                }
                if occ.is_empty() {
                    return Vec::new();
                }
                if occ.len() <= 64 {
                    break;
                }
            }
        }
        if best.is_none() {
            let mut start = from;
            while !text.is_char_boundary(start) {
                start += 1;
            }
            let end = (to + piece.len()).min(text.len());
            let mut end_b = end;
            while !text.is_char_boundary(end_b) {
                end_b += 1;
            }
            return text[start..end_b]
                .match_indices(piece)
                .map(|(i, _)| start + i)
                .filter(|&p| p < to)
                .collect();
        }
        let Some((off, occ)) = best else {
            return Vec::new();
        };
        let mut found: Vec<usize> = occ
            .iter()
            .filter_map(|&(_, p)| (p as usize).checked_sub(off))
            .filter(|&p| p >= from && p < to && text.as_bytes()[p..].starts_with(pb))
            .collect();
        found.sort_unstable();
        found
    }

    /// Looks a quote up.
    pub fn find(&self, quote: &str) -> QuoteMatch {
        let pieces = quote_pieces(quote);
        if pieces.is_empty() {
            return QuoteMatch::NotFound { closest: None };
        }
        let len = self.norm.text.len();
        for start in self.find_in(&pieces[0], 0, len) {
            let mut end = start + pieces[0].len();
            let mut ok = true;
            for piece in &pieces[1..] {
                match self.find_in(piece, end, end + MAX_GAP + 1).first() {
                    Some(&p) => end = p + piece.len(),
                    None => {
                        ok = false;
                        break;
                    }
                }
            }
            if ok {
                return QuoteMatch::Found {
                    line: self.line_of(start),
                };
            }
        }
        QuoteMatch::NotFound {
            closest: self.closest(&pieces.join(" ")),
        }
    }

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
                for &(_, p) in occ {
                    if let Some(s) = (p as usize).checked_sub(off) {
                        *votes.entry(s).or_insert(0) += 1;
                    }
                }
            }
        }
        let (&start, _) = votes
            .iter()
            .max_by_key(|(s, v)| (**v, std::cmp::Reverse(**s)))?;
        let text = &self.norm.text;
        let mut end = (start + qb.len()).min(text.len());
        while !text.is_char_boundary(end) {
            end += 1;
        }
        let mut start = start;
        while !text.is_char_boundary(start) {
            start -= 1;
        }
        let passage = text[start..end].to_string();
        // Levenshtein is quadratic: compare at most the first 400 characters.
        let cut = |s: &str| s.chars().take(400).collect::<String>();
        let similarity = strsim::normalized_levenshtein(&cut(q), &cut(&passage));
        Some(Closest {
            line: self.line_of(start),
            passage,
            similarity,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(source: &str, quote: &str) -> bool {
        matches!(
            SourceIndex::new(source.to_string()).find(quote),
            QuoteMatch::Found { .. }
        )
    }

    #[test]
    fn white_space_and_line_breaks_are_one_space() {
        assert!(found("a  quick\n brown\tfox jumps", "quick brown fox"));
    }

    #[test]
    fn curly_and_straight_quotes_are_equal() {
        assert!(found("Trotsky’s “theory” here", "Trotsky's \"theory\""));
        assert!(found("Trotsky's \"theory\" here", "Trotsky’s “theory”"));
    }

    #[test]
    fn line_end_hyphen_joins_words() {
        assert!(found("the revolu-\ntion began", "the revolution began"));
        assert!(found(
            "the self-\ndetermination of",
            "self-determination of"
        ));
        // A hyphen before a space (not a line break) is kept.
        assert!(!found("pre- and post-war", "preand postwar"));
    }

    #[test]
    fn line_break_after_dash_matches_with_or_without_space() {
        let src = "his ideas—\nparticularly his theory";
        assert!(found(src, "ideas—particularly"));
        assert!(found(src, "ideas— particularly"));
        assert!(found(src, "ideas — particularly"));
    }

    #[test]
    fn glued_footnote_markers_are_skipped() {
        assert!(found(
            "embraced Marxism.1 From this point",
            "embraced Marxism. From this point"
        ));
        assert!(found(
            "born in 1879.2 His father",
            "born in 1879. His father"
        ));
        assert!(found("the theory12 was", "the theory was"));
        // Numbers that stand alone are words.
        assert!(!found("in 1917 the", "in the"));
    }

    #[test]
    fn ellipsis_is_a_gap_in_order() {
        let src = "First part of the sentence, then a long aside, and finally the end.";
        assert!(found(src, "First part … finally the end"));
        assert!(found(src, "First part. . . finally the end"));
        assert!(found(src, "First part ... finally the end"));
        assert!(!found(src, "finally the end … First part"));
    }

    #[test]
    fn ellipsis_gap_must_be_close() {
        let far = format!("alpha beta {} gamma delta", "x ".repeat(MAX_GAP));
        assert!(!found(&far, "alpha beta … gamma delta"));
    }

    #[test]
    fn words_must_match() {
        assert!(!found("the Bolsheviks adopted", "the Mensheviks adopted"));
        assert!(!found("the Bolsheviks adopted", "The Bolsheviks adopted"));
    }

    #[test]
    fn long_quotes_use_the_index() {
        let mut src = String::new();
        for i in 0..5000 {
            src.push_str(&format!("sentence number {i} says something. "));
        }
        let ix = SourceIndex::new(src);
        assert_eq!(
            ix.find("sentence number 4321 says something. sentence number 4322"),
            QuoteMatch::Found { line: 1 }
        );
        assert!(matches!(
            ix.find("sentence number 4321 says nothing"),
            QuoteMatch::NotFound { .. }
        ));
    }

    #[test]
    fn closest_passage_and_line_for_a_failed_quote() {
        let ix = SourceIndex::new(
            "line one\nthe Bolsheviks adopted the essence of the theory\nline three".into(),
        );
        match ix.find("the Bolsheviks adopted the essense of the theory") {
            QuoteMatch::NotFound { closest: Some(c) } => {
                assert_eq!(c.line, 2);
                assert!(
                    c.passage.starts_with("the Bolsheviks adopted the essence"),
                    "{}",
                    c.passage
                );
                assert!(c.similarity > 0.9);
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn reports_the_line_of_a_match() {
        let ix = SourceIndex::new("a\nb\nc the quote here\n".into());
        assert_eq!(ix.find("the quote here"), QuoteMatch::Found { line: 3 });
    }
}
