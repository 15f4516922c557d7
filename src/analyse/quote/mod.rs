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

use crate::parse::model::{Id, Map, Section};
use std::collections::HashMap;

/// The largest gap an ellipsis may stand for, in bytes of normalised text.
pub const MAX_GAP: usize = 2000;

const K: usize = 8;

/// How many windows of a piece are looked up, at most: the rarest gives the candidates
/// and two others filter them, so a few suffice, and a long quote costs no more than a
/// short one.
const MAX_PROBES: usize = 8;

/// Normalised text, and where its bytes come from in the original text.
///
/// Normalisation mostly copies the text, so the map back is kept as segments: from
/// `segments[k].0` on, normalised byte `p` comes from original byte
/// `segments[k].1 + (p - segments[k].0)`. A new segment starts only where the two texts
/// shift against each other (a collapsed run of spaces, a dropped hyphen or footnote
/// marker, a curly quote folded to a straight one).
#[derive(Debug, Default)]
pub struct Normalized {
    pub text: String,
    segments: Vec<(u32, u32)>,
    /// Normalised offsets where a hyphen between two letters on one line was dropped
    /// (`self-determination` → `selfdetermination`, a join at 4): the source had a word
    /// boundary there, so a quote may begin or end at one. (A hyphen at a line break is
    /// not a boundary: `revolu-⏎tion` is one word.) Sorted.
    joins: Vec<u32>,
}

impl Normalized {
    /// The byte offset in the original text of normalised byte `pos`.
    pub fn original_offset(&self, pos: usize) -> Option<usize> {
        let k = self.segments.partition_point(|s| s.0 as usize <= pos);
        let (norm, orig) = *self.segments.get(k.checked_sub(1)?)?;
        Some(orig as usize + (pos - norm as usize))
    }
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
    normalize_owned(text.to_string())
}

/// The character that starts at byte `i` of `bytes` (valid UTF-8 from `i` on).
fn char_at(bytes: &[u8], i: usize) -> Option<char> {
    let width = match *bytes.get(i)? {
        b @ 0x00..=0x7F => return Some(char::from(b)),
        0xC0..=0xDF => 2,
        0xE0..=0xEF => 3,
        _ => 4,
    };
    std::str::from_utf8(bytes.get(i..i + width)?)
        .ok()?
        .chars()
        .next()
}

/// Normalises `text` in its own buffer: normalisation never lengthens the text (a run of
/// white space becomes one space before the next character, a curly quote of three bytes
/// a straight one of one, the rest is copied or dropped), so the normalised text is
/// written behind the position being read and no second copy of a large source is made.
/// One pass; the look-aheads (white space after a hyphen, digits of a footnote marker)
/// are skipped over or bounded, so the cost is linear.
pub fn normalize_owned(text: String) -> Normalized {
    let mut bytes = text.into_bytes();
    let mut segments: Vec<(u32, u32)> = Vec::new();
    let mut joins: Vec<u32> = Vec::new();
    // Written so far: bytes[..w]. Invariant: w <= at, and w <= the pending space's start.
    let mut w = 0;
    let mut write = |bytes: &mut Vec<u8>, w: &mut usize, c: char, from: usize| {
        let expected = segments
            .last()
            .map(|&(norm, orig)| orig as usize + (*w - norm as usize));
        if expected != Some(from) {
            segments.push((*w as u32, from as u32));
        }
        let mut buf = [0u8; 4];
        let enc = c.encode_utf8(&mut buf).as_bytes();
        bytes[*w..*w + enc.len()].copy_from_slice(enc);
        *w += enc.len();
    };
    let mut at = 0;
    let mut prev: Option<char> = None;
    let mut pending_space: Option<usize> = None;
    let mut after_dash = false;
    while let Some(c) = char_at(&bytes, at) {
        let next_at = at + c.len_utf8();
        if c.is_whitespace() {
            if pending_space.is_none() && !after_dash && w > 0 {
                pending_space = Some(at);
            }
            prev = Some(c);
            at = next_at;
            continue;
        }
        if c == '\u{00AD}' {
            prev = Some(c);
            at = next_at;
            continue;
        }
        // A hyphen between letters (possibly across a line break) joins the two words.
        if is_hyphen(c) && pending_space.is_none() && prev.is_some_and(char::is_alphabetic) {
            let mut newline = false;
            let mut j = next_at;
            let mut last = c;
            while let Some(ch) = char_at(&bytes, j).filter(|ch| ch.is_whitespace()) {
                newline |= ch == '\n';
                j += ch.len_utf8();
                last = ch;
            }
            let next_letter = char_at(&bytes, j).is_some_and(char::is_alphabetic);
            if next_letter && (j == next_at || newline) {
                if j == next_at {
                    joins.push(w as u32);
                }
                prev = Some(last);
                at = j;
                continue;
            }
        }
        // A footnote marker glued to the text: 1-3 digits, then white space or the end.
        if c.is_ascii_digit()
            && pending_space.is_none()
            && prev.is_some_and(|p| p.is_alphabetic() || is_closing(p))
        {
            let digits = bytes[at..]
                .iter()
                .take(4)
                .take_while(|b| b.is_ascii_digit())
                .count();
            let end = at + digits;
            let at_end = char_at(&bytes, end).is_none_or(char::is_whitespace);
            if digits <= 3 && at_end {
                prev = Some(char::from(bytes[end - 1]));
                at = end;
                continue;
            }
        }
        let dash = is_dash(c);
        if let Some(sp) = pending_space.take() {
            if !dash {
                write(&mut bytes, &mut w, ' ', sp);
            }
        }
        write(&mut bytes, &mut w, fold_quote(c), at);
        after_dash = dash;
        prev = Some(c);
        at = next_at;
    }
    bytes.truncate(w);
    bytes.shrink_to_fit();
    // Whole characters were written: the bytes are UTF-8.
    let text = String::from_utf8(bytes)
        .unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned());
    Normalized {
        text,
        segments,
        joins,
    }
}

/// Whether `c` belongs to a word: a letter, a digit, or a combining mark (an accent
/// written after its letter, `e\u{301}`).
pub fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
        || matches!(c, '\u{300}'..='\u{36F}' | '\u{1AB0}'..='\u{1AFF}' | '\u{1DC0}'..='\u{1DFF}'
            | '\u{20D0}'..='\u{20FF}' | '\u{FE20}'..='\u{FE2F}')
}

/// Whether a quote has no word in it (empty, or only spaces, punctuation and
/// ellipses): such a quote says nothing, and matches anywhere or nowhere.
pub fn is_empty_quote(quote: &str) -> bool {
    !quote.chars().any(is_word_char)
}

impl Normalized {
    /// Whether normalised byte `pos` (a char boundary) is a word boundary: the text
    /// starts or ends there, a non-word character is on either side, or a hyphen between
    /// letters was dropped there.
    fn boundary_at(&self, pos: usize) -> bool {
        // (Inside a character is no boundary; matches never start there.)
        let (Some(head), Some(tail)) = (self.text.get(..pos), self.text.get(pos..)) else {
            return false;
        };
        let before = head.chars().next_back();
        let after = tail.chars().next();
        match (before, after) {
            (Some(b), Some(a)) if is_word_char(b) && is_word_char(a) => {
                self.joins.binary_search(&(pos as u32)).is_ok()
            }
            _ => true,
        }
    }

    /// Whether `piece`, found at normalised byte `start`, begins and ends on word
    /// boundaries of the text: a piece that begins with a word character must not
    /// continue a word of the text, and one that ends with a word character must not be
    /// followed by one (`revolution` is found in `revolution,` but not in
    /// `revolutionary`; `olution` not at all). Punctuation at either end needs nothing.
    fn whole_words(&self, start: usize, piece: &str) -> bool {
        let starts_word = piece.chars().next().is_some_and(is_word_char);
        let ends_word = piece.chars().next_back().is_some_and(is_word_char);
        (!starts_word || self.boundary_at(start))
            && (!ends_word || self.boundary_at(start + piece.len()))
    }
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
    /// Length in bytes of the original text (only its line starts are kept).
    original_len: usize,
    pub norm: Normalized,
    /// The distinct 8-byte windows that start a word, each stored hashed by [`mix`] (a
    /// bijection, so no two windows share a hash), sorted.
    keys: Vec<u64>,
    /// Hash buckets: the keys whose hash has top bits `b` are
    /// `keys[buckets[b]..buckets[b + 1]]` (about one per bucket), so a look-up reads a
    /// bucket and a key or two instead of binary-searching a large table.
    buckets: Vec<u32>,
    bucket_shift: u32,
    /// For `keys[i]`, its word starts are `positions[starts[i]..starts[i + 1]]`, in order.
    starts: Vec<u32>,
    positions: Vec<u32>,
    /// Byte offsets of line starts in the original text.
    line_starts: Vec<u32>,
    /// How many closest-passage searches have scanned the text ([`MAX_SCANS`]).
    scans: std::sync::atomic::AtomicUsize,
}

/// At most this many closest-passage searches per source scan the whole text (for quotes
/// the window index cannot place).
const MAX_SCANS: usize = 200;

/// Where a quote was found, or the closest passage when it was not.
#[derive(Clone, Debug, PartialEq)]
pub enum QuoteMatch {
    /// Found: where the quote starts, as a byte offset of the normalised text
    /// ([`SourceIndex::line_of`] gives its line; it is not computed for every quote).
    Found { offset: usize },
    /// Not found: the closest passage, its line, and its similarity (0–1).
    NotFound { closest: Option<Closest> },
}

/// The passage of the source most like a quote that was not found.
#[derive(Clone, Debug, PartialEq)]
pub struct Closest {
    pub line: usize,
    /// Whole words of the normalised source.
    pub passage: String,
    pub similarity: f64,
    /// Whether the source goes on before / after the passage.
    pub more_before: bool,
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
    pub passage: Option<String>,
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
fn first_difference(passage: &str, quote: &str) -> Option<WordDifference> {
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

/// A quote of the map that its source lacks: the node, and the closest passage.
#[derive(Clone, Debug, PartialEq)]
pub struct QuoteMiss {
    pub section: Section,
    pub id: Id,
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

/// A 64-bit mixer (splitmix64's finaliser): spreads window keys evenly over buckets.
fn mix(mut x: u64) -> u64 {
    x = (x ^ (x >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    x = (x ^ (x >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    x ^ (x >> 31)
}

fn key(b: &[u8]) -> u64 {
    let mut k = [0u8; 8];
    k.copy_from_slice(&b[..K]);
    u64::from_be_bytes(k)
}

/// Whether a word starts inside `piece` with a whole window after it.
fn has_inner_window(piece: &[u8]) -> bool {
    piece.len() > K && piece[..piece.len() - K].contains(&b' ')
}

/// The first index at or after `from` whose value is at least `want` (exponential, then
/// binary search: cost logarithmic in the distance moved).
fn gallop(list: &[u32], from: usize, want: usize) -> usize {
    let mut lo = from;
    let mut step = 1;
    while lo + step < list.len() && (list[lo + step] as usize) < want {
        lo += step;
        step *= 2;
    }
    let hi = (lo + step).min(list.len());
    lo + list[lo..hi].partition_point(|&x| (x as usize) < want)
}

/// The hashed window that starts at `p`.
fn hash_at(bytes: &[u8], p: u32) -> u64 {
    mix(key(&bytes[p as usize..]))
}

/// The word starts of `bytes` (positions with a whole window after them), sorted by
/// hashed window, then position. Linear time, and no more memory than the positions and
/// one count per bucket: the hashes are uniform, so a counting sort on their top bits
/// leaves buckets of about two positions each, sorted by recomputing their hashes.
fn sort_word_starts(bytes: &[u8]) -> Vec<u32> {
    if bytes.len() < K {
        return Vec::new();
    }
    let is_start = |p: usize| p == 0 || bytes[p - 1] == b' ';
    let words = (0..=bytes.len() - K).filter(|&p| is_start(p)).count();
    // About two positions per bucket.
    let bits = (words / 2).max(2).next_power_of_two().trailing_zeros();
    let shift = 64 - bits;
    let mut ends = vec![0u32; 1 << bits];
    for p in (0..=bytes.len() - K).filter(|&p| is_start(p)) {
        ends[(hash_at(bytes, p as u32) >> shift) as usize] += 1;
    }
    let mut total = 0;
    for e in &mut ends {
        total += *e;
        *e = total;
    }
    // Filled from the back of each bucket, so `ends` becomes the bucket starts.
    let mut positions = vec![0u32; words];
    for p in (0..=bytes.len() - K).rev().filter(|&p| is_start(p)) {
        let b = (hash_at(bytes, p as u32) >> shift) as usize;
        ends[b] -= 1;
        positions[ends[b] as usize] = p as u32;
    }
    for (b, &lo) in ends.iter().enumerate() {
        let hi = ends.get(b + 1).map_or(words, |&e| e as usize);
        if hi - lo as usize > 1 {
            positions[lo as usize..hi].sort_unstable_by_key(|&p| (hash_at(bytes, p), p));
        }
    }
    positions
}

impl SourceIndex {
    /// Normalises and indexes `text`.
    pub fn new(text: String) -> SourceIndex {
        let mut line_starts = vec![0];
        line_starts.extend(text.match_indices('\n').map(|(i, _)| i as u32 + 1));
        // Only the original's length and line starts are kept: it is normalised in place.
        let original_len = text.len();
        let norm = normalize_owned(text);
        let bytes = norm.text.as_bytes();
        let positions = sort_word_starts(bytes);
        // Group the positions by window: the distinct hashed windows, where each starts.
        let mut keys = Vec::new();
        let mut starts = Vec::new();
        for (i, &p) in positions.iter().enumerate() {
            let k = hash_at(bytes, p);
            if keys.last() != Some(&k) {
                keys.push(k);
                starts.push(i as u32);
            }
        }
        starts.push(positions.len() as u32);
        keys.shrink_to_fit();
        starts.shrink_to_fit();
        let bits = keys.len().max(2).next_power_of_two().trailing_zeros();
        let bucket_shift = 64 - bits;
        let mut buckets = Vec::with_capacity((1 << bits) + 1);
        let mut i = 0;
        for b in 0..=(1u64 << bits) {
            while i < keys.len() && (keys[i] >> bucket_shift) < b {
                i += 1;
            }
            buckets.push(i as u32);
        }
        SourceIndex {
            original_len,
            norm,
            keys,
            buckets,
            bucket_shift,
            starts,
            positions,
            line_starts,
            scans: Default::default(),
        }
    }

    /// The word starts whose window is `k`, in text order.
    fn occurrences(&self, k: u64) -> &[u32] {
        let k = mix(k);
        let b = (k >> self.bucket_shift) as usize;
        let (lo, hi) = (self.buckets[b] as usize, self.buckets[b + 1] as usize);
        match self.keys[lo..hi].iter().position(|&x| x == k) {
            Some(j) => {
                let i = lo + j;
                &self.positions[self.starts[i] as usize..self.starts[i + 1] as usize]
            }
            None => &[],
        }
    }

    /// The line (1-based) of a byte offset of the normalised text.
    pub fn line_of(&self, norm_pos: usize) -> usize {
        let orig = self
            .norm
            .original_offset(norm_pos)
            .unwrap_or(self.original_len);
        self.line_starts.partition_point(|&s| s as usize <= orig)
    }

    /// Visits the positions where `piece` occurs in the normalised text, starting at or
    /// after `from` and before `to`, in order, until `visit` returns `true` (then returns
    /// that position). A search ends at the first occurrence that settles it, so a passage
    /// the source repeats thousands of times is not verified thousands of times. Uses the
    /// window index for long pieces.
    ///
    /// With `word_start`, a piece without a word start inside it is looked up by its own
    /// first window, which finds only the occurrences that start a word; the caller
    /// retries without it when that is not enough.
    fn find_in(
        &self,
        piece: &str,
        from: usize,
        to: usize,
        word_start: bool,
        mut visit: impl FnMut(usize) -> bool,
    ) -> Option<usize> {
        let text = &self.norm.text;
        let to = to.min(text.len());
        if from >= to {
            return None;
        }
        let pb = piece.as_bytes();
        // Word-start windows of the piece, looked up in the index: the rarest gives the
        // candidates, two others (not overlapping it, when the piece allows) filter them.
        let mut probes: Vec<(usize, &[u32])> = Vec::with_capacity(MAX_PROBES);
        if pb.len() >= K && to - from > 4 * MAX_GAP {
            let own_start = word_start && !has_inner_window(pb);
            for off in 0..=pb.len() - K {
                let usable = if off == 0 {
                    own_start
                } else {
                    pb[off - 1] == b' '
                };
                if !usable {
                    continue;
                }
                let occ = self.occurrences(key(&pb[off..]));
                if occ.is_empty() {
                    return None;
                }
                probes.push((off, occ));
                if occ.len() <= 64 || probes.len() == MAX_PROBES {
                    break;
                }
            }
        }
        if probes.is_empty() {
            let mut start = from;
            while !text.is_char_boundary(start) {
                start += 1;
            }
            let end = (to + piece.len()).min(text.len());
            let mut end_b = end;
            while !text.is_char_boundary(end_b) {
                end_b += 1;
            }
            return Occurrences::new(text, piece, start, end_b)
                .take_while(|&p| p < to)
                .find(|&p| self.norm.whole_words(p, piece) && visit(p));
        }
        probes.sort_by_key(|(off, occ)| (occ.len(), *off));
        let (off, occ) = probes[0];
        let mut filters: Vec<(usize, &[u32])> = Vec::new();
        if occ.len() > 64 {
            let apart = |a: usize, b: usize| a.abs_diff(b) >= K;
            for &(o, list) in &probes[1..] {
                if filters.len() < 2 && apart(o, off) && filters.iter().all(|f| apart(o, f.0)) {
                    filters.push((o, list));
                }
            }
            if filters.is_empty() {
                filters.extend(probes.get(1).copied());
            }
        }
        // Each filter list is searched forward from where the last candidate left it
        // (all lists are sorted): a long list costs a few steps per candidate.
        let mut cursor = vec![0usize; filters.len()];
        for &p in occ {
            let Some(start) = (p as usize).checked_sub(off) else {
                continue;
            };
            if start < from || start >= to {
                continue;
            }
            let agreed = filters
                .iter()
                .zip(cursor.iter_mut())
                .all(|(&(o, list), j)| {
                    *j = gallop(list, *j, start + o);
                    *j < list.len() && list[*j] as usize == start + o
                });
            if agreed
                && text.as_bytes()[start..].starts_with(pb)
                && self.norm.whole_words(start, piece)
                && visit(start)
            {
                return Some(start);
            }
        }
        None
    }

    /// Looks a quote up.
    pub fn find(&self, quote: &str) -> QuoteMatch {
        let pieces = quote_pieces(quote);
        if pieces.is_empty() {
            return QuoteMatch::NotFound { closest: None };
        }
        // A first piece without a word start inside it is looked up by its own start
        // (occurrences that start a word), and only if that fails by a scan.
        let first = pieces[0].as_bytes();
        let passes: &[bool] = if first.len() >= K && !has_inner_window(first) {
            &[true, false]
        } else {
            &[false]
        };
        for &word_start in passes {
            if let Some(offset) = self.find_from(&pieces, word_start) {
                return QuoteMatch::Found { offset };
            }
        }
        QuoteMatch::NotFound {
            closest: self.closest(&pieces.join(" ")),
        }
    }

    /// Where the earliest chain of `pieces` starts: each piece found after the previous
    /// one, within [`MAX_GAP`] of its end. One piece is a look-up; for more, every
    /// occurrence of the first piece is fed, in text order, to a [`Chain`], which follows
    /// all of them at once through the text.
    fn find_from(&self, pieces: &[String], word_start: bool) -> Option<usize> {
        let len = self.norm.text.len();
        if pieces.len() == 1 {
            return self.find_in(&pieces[0], 0, len, word_start, |_| true);
        }
        let mut chain = Chain::new(self, pieces);
        let mut found = None;
        self.find_in(&pieces[0], 0, len, word_start, |start| {
            chain.first.push_back(start as u32);
            found = chain.advance(start);
            found.is_some()
        });
        found.or_else(|| chain.advance(usize::MAX))
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

/// The occurrences of `piece` in `text[from..to]` (both char boundaries), overlapping
/// ones included (`a a` occurs twice in `a a a`), in order.
struct Occurrences<'t> {
    text: &'t str,
    piece: &'t str,
    at: usize,
    to: usize,
}

impl<'t> Occurrences<'t> {
    fn new(text: &'t str, piece: &'t str, from: usize, to: usize) -> Occurrences<'t> {
        Occurrences {
            text,
            piece,
            at: from,
            to,
        }
    }
}

impl Iterator for Occurrences<'_> {
    type Item = usize;
    fn next(&mut self) -> Option<usize> {
        let first = self.piece.chars().next()?;
        let p = self.at + self.text.get(self.at..self.to)?.find(self.piece)?;
        self.at = p + first.len_utf8();
        Some(p)
    }
}

/// How much text a [`Chain`] advances by at a time.
const BLOCK: usize = 4096;

/// A search for a quote with ellipses: which ends of each piece are reachable.
///
/// An end of piece `i` is reachable when the piece occurs there (on word boundaries)
/// and starts within [`MAX_GAP`] after a reachable end of piece `i - 1` (any occurrence
/// of the first piece is reachable). The text is processed in blocks, in order: in each
/// block every piece with a reachable predecessor end in reach is looked for (once per
/// distinct piece, however often the quote repeats it), and its occurrences are matched
/// against those ends in one merge. Each block costs its length per active distinct
/// piece plus the occurrences, so a quote costs about the text it spans — not the
/// number of starts times the number of pieces, as following each start alone did —
/// and no chain is missed (taking the earliest occurrence of each piece, as a greedy
/// search does, can miss one that a later occurrence allows). Ends older than the gap
/// are dropped, so memory stays bounded by a few blocks per piece. Text with nothing
/// reachable in it is skipped to the next occurrence of the first piece.
///
/// The earliest start wins: an end's origin is the earliest first-piece start that
/// reaches it, and origins never decrease along a piece's ends (the earliest reachable
/// predecessor end in a window that slides forward), so the first end of the last piece
/// has the earliest origin.
struct Chain<'a> {
    index: &'a SourceIndex,
    pieces: &'a [String],
    /// For each piece, the first piece equal to it (so equal pieces are looked for once).
    same: Vec<usize>,
    /// The starts of the first piece not yet processed, in order.
    first: std::collections::VecDeque<u32>,
    /// For each piece but the last: its reachable ends still in reach, with their
    /// origins, in order.
    ends: Vec<Vec<(u32, u32)>>,
    /// The next block starts here.
    at: usize,
    /// Occurrences in the current block, by distinct piece.
    found: Vec<Option<Vec<u32>>>,
}

impl<'a> Chain<'a> {
    fn new(index: &'a SourceIndex, pieces: &'a [String]) -> Chain<'a> {
        let mut firsts: HashMap<&str, usize> = HashMap::new();
        let same = pieces
            .iter()
            .enumerate()
            .map(|(i, p)| *firsts.entry(p.as_str()).or_insert(i))
            .collect();
        Chain {
            index,
            pieces,
            same,
            first: Default::default(),
            ends: vec![Vec::new(); pieces.len() - 1],
            at: 0,
            found: vec![None; pieces.len()],
        }
    }

    /// Processes the blocks that end by `limit` (every first-piece start before it has
    /// been given); returns the start of a complete chain as soon as one is found.
    fn advance(&mut self, limit: usize) -> Option<usize> {
        let len = self.index.norm.text.len();
        loop {
            if self.ends.iter().all(Vec::is_empty) {
                // Nothing reachable: skip to the next start of the first piece.
                self.at = self.at.max(*self.first.front()? as usize);
            }
            if self.at >= len {
                return None;
            }
            let end = self.at + BLOCK;
            if end > limit {
                return None;
            }
            if let Some(origin) = self.block(self.at, end) {
                return Some(origin);
            }
            self.at = end;
            for ends in &mut self.ends {
                let old = ends.partition_point(|&(e, _)| (e as usize) + MAX_GAP < end);
                ends.drain(..old);
            }
        }
    }

    /// Finds the reachable occurrences of every piece that start in `a..b`.
    fn block(&mut self, a: usize, b: usize) -> Option<usize> {
        let text = self.index.norm.text.as_str();
        for f in &mut self.found {
            *f = None;
        }
        let mut reached = Vec::new();
        while let Some(&s) = self.first.front().filter(|&&s| (s as usize) < b) {
            self.first.pop_front();
            reached.push((s + self.pieces[0].len() as u32, s));
        }
        self.ends[0].extend(reached);
        for i in 1..self.pieces.len() {
            let (before, after) = self.ends.split_at_mut(i);
            let prev = &before[i - 1];
            if prev.first().is_none_or(|&(e, _)| e as usize >= b) {
                continue;
            }
            let piece = self.pieces[i].as_str();
            let occ = self.found[self.same[i]].get_or_insert_with(|| {
                let mut from = a;
                while !text.is_char_boundary(from) {
                    from += 1;
                }
                let mut to = (b + piece.len()).min(text.len());
                while !text.is_char_boundary(to) {
                    to += 1;
                }
                Occurrences::new(text, piece, from, to)
                    .take_while(|&p| p < b)
                    .filter(|&p| self.index.norm.whole_words(p, piece))
                    .map(|p| p as u32)
                    .collect()
            });
            // For each occurrence, the earliest reachable end at most the gap before it.
            let mut j = 0;
            for &o in occ.iter() {
                while j < prev.len() && (prev[j].0 as usize) + MAX_GAP < o as usize {
                    j += 1;
                }
                match prev.get(j) {
                    Some(&(e, origin)) if e <= o => {
                        if i == self.pieces.len() - 1 {
                            return Some(origin as usize);
                        }
                        after[0].push((o + piece.len() as u32, origin));
                    }
                    _ => {}
                }
            }
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn line(ix: &SourceIndex, quote: &str) -> Option<usize> {
        match ix.find(quote) {
            QuoteMatch::Found { offset } => Some(ix.line_of(offset)),
            QuoteMatch::NotFound { .. } => None,
        }
    }

    fn found(source: &str, quote: &str) -> bool {
        matches!(
            SourceIndex::new(source.to_string()).find(quote),
            QuoteMatch::Found { .. }
        )
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(2000))]
        /// Normalising in place never needs more room than the text had, and maps every
        /// character back to a character of the original. (It is not idempotent: `‘0`
        /// keeps its digit, `'0` loses it as a footnote marker; nothing needs it to be.)
        #[test]
        fn normalising_in_place_is_sound(
            text in "([a-zé]{1,6}|[ \n\t]{1,3}|[-‐—–]|[0-9]{1,4}|[.,;’”“‘'\"]|\u{AD}){0,40}"
        ) {
            let n = normalize(&text);
            proptest::prop_assert!(n.text.len() <= text.len());
            for (pos, _) in n.text.char_indices() {
                let orig = n.original_offset(pos).expect("mapped");
                proptest::prop_assert!(text.is_char_boundary(orig), "{} -> {}", pos, orig);
            }
        }
    }

    #[test]
    fn lines_are_right_after_the_text_shifts() {
        // Curly quotes (3 bytes → 1), runs of spaces, a dropped hyphen and a footnote
        // marker all shift normalised offsets against the original before line 4.
        let src = "“One”   two\nthree-\nfour five.12\n\n  six ‘seven’ eight\nnine";
        let ix = SourceIndex::new(src.to_string());
        assert_eq!(line(&ix, "six 'seven' eight"), Some(5));
        assert_eq!(line(&ix, "threefour five."), Some(2));
        assert_eq!(line(&ix, "nine"), Some(6));
        let n = normalize(src);
        for (pos, _) in n.text.char_indices() {
            let orig = n.original_offset(pos).expect("mapped");
            assert!(src.is_char_boundary(orig), "{pos} -> {orig}");
        }
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
            line(
                &ix,
                "sentence number 4321 says something. sentence number 4322"
            ),
            Some(1)
        );
        assert!(matches!(
            ix.find("sentence number 4321 says nothing"),
            QuoteMatch::NotFound { .. }
        ));
    }

    #[test]
    fn one_word_quotes_in_a_long_source() {
        let mut src = String::new();
        for i in 0..5000 {
            src.push_str(&format!("sentence number {i} says something.\n"));
        }
        src.push_str("and finally extraordinarily the end");
        let ix = SourceIndex::new(src);
        // Found through the index by its own first window (it starts a word)...
        assert_eq!(line(&ix, "extraordinarily"), Some(5001));
        // ...or, starting after punctuation, by the scan that follows.
        assert_eq!(line(&ix, "something. sentence"), Some(1));
        // Cut inside a word: not a quote of the source.
        assert_eq!(line(&ix, "xtraordinarily the"), None);
        assert_eq!(line(&ix, "omething. sen"), None);
        assert_eq!(line(&ix, "unheardofword"), None);
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
    fn the_closest_passage_is_whole_words_with_the_first_difference() {
        let ix = SourceIndex::new("a preface\nthe revolution of the workers begins".into());
        let closest = |q: &str| match ix.find(q) {
            QuoteMatch::NotFound { closest: Some(c) } => c,
            other => panic!("{q}: {other:?}"),
        };
        let c = closest("olution of the work");
        assert_eq!(c.passage, "revolution of the workers");
        assert_eq!((c.line, c.more_before, c.more_after), (2, true, true));
        assert_eq!(
            c.difference,
            Some(WordDifference {
                passage: Some("revolution".into()),
                quote: Some("olution".into()),
            })
        );
        // Too short for the index: found inside its word all the same.
        let c = closest("olution");
        assert_eq!(c.passage, "revolution");
        assert_eq!(
            c.to_string(),
            "closest passage (line 2, 70% similar): \"…revolution…\"; first difference: \"revolution\" where the quote has \"olution\""
        );
        assert_eq!(
            first_difference("the workers of", "the workers"),
            Some(WordDifference {
                passage: Some("of".into()),
                quote: None
            })
        );
        assert_eq!(first_difference("the workers", "the workers"), None);
    }

    #[test]
    fn reports_the_line_of_a_match() {
        let ix = SourceIndex::new("a\nb\nc the quote here\n".into());
        assert_eq!(line(&ix, "the quote here"), Some(3));
    }

    #[test]
    fn a_repeated_passage_is_found_at_its_first_occurrence() {
        // A running header on every page: a quote of it is found on the first line,
        // with or without an ellipsis, however often the source repeats it.
        let pages = crate::generate::running_header_pages(5000);
        let ix = SourceIndex::new(format!("Preface in the first line.\n{pages}"));
        assert_eq!(
            line(&ix, "Journal of Historical Materialism, volume"),
            Some(2)
        );
        assert_eq!(line(&ix, "Historical Materialism … volume twelve"), Some(2));
        assert_eq!(line(&ix, "page 4999 of the long discussion"), Some(10001));
        assert_eq!(line(&ix, "volume twelve page 17 of the long"), Some(36));
        assert_eq!(line(&ix, "volume twelve page 5000 of the long"), None);
    }

    #[test]
    fn a_quote_begins_and_ends_on_word_boundaries() {
        let src = "the revolution of the workers, and “theory” here";
        assert!(!found(src, "e"));
        assert!(!found(src, "olution of the work"));
        assert!(!found(src, "revolution of the work"));
        assert!(!found(src, "olution of the workers"));
        assert!(found(src, "revolution of the workers"));
        // Punctuation is a boundary, and a quote may begin or end with it.
        assert!(found(src, "workers"));
        assert!(found(src, "workers,"));
        assert!(found(src, ", and"));
        assert!(found(src, "theory"));
        assert!(found(src, "\"theory\" here"));
        assert!(found(src, "the"));
    }

    #[test]
    fn a_later_occurrence_on_word_boundaries_is_found() {
        // The first occurrence of `the cat` is inside `bathe cat`.
        let ix = SourceIndex::new("bathe cat\nthe cattle\nthe cat".into());
        assert_eq!(line(&ix, "the cat"), Some(3));
        // Overlapping occurrences are candidates too.
        assert!(found("xab ab ab", "ab ab"));
    }

    #[test]
    fn boundaries_are_judged_in_the_normalised_text() {
        // A hyphen joining a word across a line break is no boundary...
        assert!(!found("the revolu-\ntion began", "tion began"));
        assert!(!found("the revolu-\ntion began", "the revolu"));
        // ...a hyphen of a compound on one line is.
        assert!(found("the self-determination of", "determination of"));
        assert!(found("the self-determination of", "the self"));
        // A footnote marker glued to a word, and a dash, end the word.
        assert!(found("embraced Marxism.1 From this", "embraced Marxism"));
        assert!(found("the theory12 was", "the theory"));
        assert!(found("his ideas—\nparticularly his", "particularly his"));
        assert!(found("his ideas—\nparticularly his", "his ideas"));
        // Accents written as combining marks belong to their word.
        assert!(!found("un cafe\u{301} noir", "un cafe"));
        assert!(found("un cafe\u{301} noir", "un cafe\u{301}"));
    }

    #[test]
    fn each_ellipsis_piece_begins_and_ends_on_word_boundaries() {
        let src = "First part of the sentence, then a long aside, and finally the end.";
        assert!(found(src, "First part … finally the end"));
        assert!(!found(src, "First par … finally the end"));
        assert!(!found(src, "First part … nally the end"));
        assert!(!found(src, "First part … the en"));
        assert!(found(src, "First part … the end."));
    }

    #[test]
    fn an_ellipsis_chain_is_found_when_a_later_occurrence_allows_it() {
        // `beta` first occurs right after `alpha`, but `gamma` is more than the gap after
        // that one: the second `beta` (within the gap of `alpha`) leads on to it.
        let pad = |n: usize| "x ".repeat(n / 2);
        let src = format!(
            "alpha beta {} beta {} gamma",
            pad(MAX_GAP - 300),
            pad(MAX_GAP - 300)
        );
        assert!(found(&src, "alpha … beta … gamma"));
        assert!(!found(&src, "alpha … gamma"));
    }

    #[test]
    fn many_ellipses_over_a_repeated_passage() {
        // Every page repeats `volume twelve`: a chain of a thousand pieces starts at
        // every page, and a failing one is settled without following each alone.
        let pages = crate::generate::running_header_pages(3000);
        let ix = SourceIndex::new(pages);
        let mut pieces = vec!["volume twelve"; 1000];
        assert_eq!(line(&ix, &pieces.join(" … ")), Some(1));
        *pieces.last_mut().expect("pieces") = "volume thirteen";
        assert_eq!(line(&ix, &pieces.join(" … ")), None);
        // A piece may follow up to the gap after the previous one, so a chain of a
        // thousand pieces reaches the last page from the first.
        *pieces.last_mut().expect("pieces") = "page 2999 of";
        assert_eq!(line(&ix, &pieces.join(" … ")), Some(1));
        pieces.truncate(2);
        pieces[1] = "page 2999 of";
        assert_eq!(line(&ix, &pieces.join(" … ")), Some(2 * 2975 + 1));
    }

    #[test]
    fn empty_quotes_have_no_words() {
        assert!(is_empty_quote(""));
        assert!(is_empty_quote("   "));
        assert!(is_empty_quote(" … , . -- "));
        assert!(!is_empty_quote("a"));
        assert!(!is_empty_quote("1917"));
    }

    /// Whether `piece` occurs in `text` on word boundaries at or after `from`, starting
    /// at most `to`: the reference, by trying every position.
    fn naive_at(n: &Normalized, piece: &str, from: usize, to: usize) -> Vec<usize> {
        (from..=to.min(n.text.len()))
            .filter(|&p| n.text.is_char_boundary(p))
            .filter(|&p| n.text[p..].starts_with(piece) && n.whole_words(p, piece))
            .collect()
    }

    /// The reference for a quote: some chain of occurrences, each piece within the gap
    /// of the previous one's end, tried exhaustively.
    fn naive_found(source: &str, quote: &str) -> bool {
        let n = normalize(source);
        let pieces = quote_pieces(quote);
        fn chain(n: &Normalized, pieces: &[String], end: usize) -> bool {
            match pieces.split_first() {
                None => true,
                Some((p, rest)) => naive_at(n, p, end, end + MAX_GAP)
                    .into_iter()
                    .any(|o| chain(n, rest, o + p.len())),
            }
        }
        match pieces.split_first() {
            None => false,
            Some((p, rest)) => naive_at(&n, p, 0, n.text.len())
                .into_iter()
                .any(|o| chain(&n, rest, o + p.len())),
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(500))]
        /// Whole words cut from a source are always found; a cut that begins or ends
        /// inside a word (letters on both sides of the cut) is found only where the same
        /// characters occur on word boundaries elsewhere.
        #[test]
        fn whole_word_cuts_are_found_and_mid_word_cuts_are_not(
            words in proptest::collection::vec("[a-e]{1,4}", 3..40),
            seps in proptest::collection::vec("( |, |\n|\\. |—|“|” )", 40),
            a in 0usize..1000,
            len in 1usize..6,
            trim_start in 0usize..3,
            trim_end in 0usize..3,
        ) {
            let mut source = String::new();
            let mut spans = Vec::new();
            for (w, sep) in words.iter().zip(&seps) {
                let s = source.len();
                source.push_str(w);
                spans.push((s, source.len()));
                source.push_str(sep);
            }
            let a = a % words.len();
            let b = (a + len).min(words.len()) - 1;
            let whole = &source[spans[a].0..spans[b].1];
            proptest::prop_assert!(found(&source, whole), "{:?} in {:?}", whole, source);
            // Cut inside the first and/or last word.
            let (s, e) = (spans[a].0 + trim_start, spans[b].1.saturating_sub(trim_end));
            if s < e && (trim_start > 0 || trim_end > 0)
                && spans[a].1 - spans[a].0 > trim_start
                && spans[b].1 - spans[b].0 > trim_end
            {
                let cut = &source[s..e];
                proptest::prop_assert_eq!(
                    found(&source, cut),
                    naive_found(&source, cut),
                    "{:?} in {:?}", cut, source
                );
                // Its own place is not a match: it begins or ends inside a word.
                let ix = SourceIndex::new(source.clone());
                if let QuoteMatch::Found { offset } = ix.find(cut) {
                    proptest::prop_assert!(ix.norm.whole_words(offset, &normalize(cut).text));
                }
            }
        }

        /// Words that all begin with `w`, end with `x` and are otherwise made of other
        /// letters: a cut that begins or ends inside one of them (letters on both sides)
        /// occurs nowhere on word boundaries, so it is never found; the whole words are.
        #[test]
        fn a_cut_inside_a_word_is_never_found(
            codes in proptest::collection::vec("[a-v]{1,5}", 2..30),
            seps in proptest::collection::vec("( |, |\n|—|; “)", 30),
            a in 0usize..1000,
            len in 1usize..5,
            trim_start in proptest::bool::ANY,
        ) {
            let mut source = String::new();
            let mut spans = Vec::new();
            for (code, sep) in codes.iter().zip(&seps) {
                let s = source.len();
                source.push('w');
                source.push_str(code);
                source.push('x');
                spans.push((s, source.len()));
                source.push_str(sep);
            }
            let a = a % codes.len();
            let b = (a + len).min(codes.len()) - 1;
            let whole = &source[spans[a].0..spans[b].1];
            proptest::prop_assert!(found(&source, whole), "{:?} in {:?}", whole, source);
            let cut = if trim_start {
                &source[spans[a].0 + 1..spans[b].1]
            } else {
                &source[spans[a].0..spans[b].1 - 1]
            };
            proptest::prop_assert!(!found(&source, cut), "{:?} in {:?}", cut, source);
            // Also as a piece after an ellipsis.
            let first = &source[spans[0].0..spans[0].1];
            if a > 0 {
                let q = format!("{first} … {cut}");
                proptest::prop_assert!(!found(&source, &q), "{:?} in {:?}", q, source);
            }
        }

        /// A quote with ellipses is found exactly when some chain of its pieces occurs
        /// in order on word boundaries, each within the gap of the previous one.
        #[test]
        fn ellipsis_quotes_agree_with_exhaustive_search(
            words in proptest::collection::vec("(ab|ba|a|b|x{300,900})", 2..30),
            picks in proptest::collection::vec(("(ab|ba|a|b|aba)", proptest::bool::ANY), 1..5),
        ) {
            let source = words.join(" ");
            let quote = picks
                .iter()
                .map(|(w, two)| if *two { format!("{w} {w}") } else { w.clone() })
                .collect::<Vec<_>>()
                .join(" … ");
            proptest::prop_assert_eq!(found(&source, &quote), naive_found(&source, &quote), "{}", quote);
        }
    }
}
