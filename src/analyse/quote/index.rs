//! The window index of a source: its normalised text, the distinct 8-byte windows that
//! start a word, hash-bucketed, each with its positions, and the line starts.

use super::normalize::{normalize_owned, Normalized};

pub(super) const K: usize = 8;

/// A source text, normalised and indexed once for many quote look-ups.
#[derive(Debug)]
pub struct SourceIndex {
    /// Length in bytes of the original text (only its line starts are kept).
    original_len: usize,
    /// The normalised text, with the map back to the original.
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
    pub(super) scans: std::sync::atomic::AtomicUsize,
}

/// At most this many closest-passage searches per source scan the whole text (for quotes
/// the window index cannot place).
pub(super) const MAX_SCANS: usize = 200;

/// A 64-bit mixer (splitmix64's finaliser): spreads window keys evenly over buckets.
fn mix(mut x: u64) -> u64 {
    x = (x ^ (x >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    x = (x ^ (x >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    x ^ (x >> 31)
}

pub(super) fn key(b: &[u8]) -> u64 {
    let mut k = [0u8; 8];
    k.copy_from_slice(&b[..K]);
    u64::from_be_bytes(k)
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
    /// Lets this many closest-passage searches scan the whole text again
    /// (200 per check): for an index kept across checks.
    pub fn restart_scans(&self) {
        self.scans.store(0, std::sync::atomic::Ordering::Relaxed);
    }

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
    pub(super) fn occurrences(&self, k: u64) -> &[u32] {
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
}
