//! A quote with ellipses: its pieces followed through the text in one sweep, for every
//! start of the first piece at once.

use super::index::SourceIndex;
use super::lookup::Occurrences;
use super::MAX_GAP;
use std::collections::HashMap;

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
pub(super) struct Chain<'a> {
    index: &'a SourceIndex,
    pieces: &'a [String],
    /// For each piece, the first piece equal to it (so equal pieces are looked for once).
    same: Vec<usize>,
    /// The starts of the first piece not yet processed, in order.
    pub(super) first: std::collections::VecDeque<u32>,
    /// For each piece but the last: its reachable ends still in reach, with their
    /// origins, in order.
    ends: Vec<Vec<(u32, u32)>>,
    /// The next block starts here.
    at: usize,
    /// Occurrences in the current block, by distinct piece.
    found: Vec<Option<Vec<u32>>>,
}

impl<'a> Chain<'a> {
    pub(super) fn new(index: &'a SourceIndex, pieces: &'a [String]) -> Chain<'a> {
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
    pub(super) fn advance(&mut self, limit: usize) -> Option<usize> {
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
