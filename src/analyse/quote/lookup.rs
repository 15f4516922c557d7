//! Finding a quote: each piece through the window index (the rarest window, filtered by
//! two others) or by a scan, on word boundaries; pieces after an ellipsis by a [`Chain`].

use super::ellipsis::Chain;
use super::index::{key, SourceIndex, K};
use super::normalize::quote_pieces;
use super::{QuoteMatch, MAX_GAP};

/// How many windows of a piece are looked up, at most: the rarest gives the candidates
/// and two others filter them, so a few suffice, and a long quote costs no more than a
/// short one.
const MAX_PROBES: usize = 8;

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

impl SourceIndex {
    /// The word-start windows of `pb` (its own start too, with `word_start` and no word
    /// start inside it), each with its occurrences, until one is rare (64 or fewer) or
    /// [`MAX_PROBES`] are taken; `None` when a window does not occur at all (nor does the
    /// piece).
    fn probes(&self, pb: &[u8], word_start: bool) -> Option<Vec<(usize, &[u32])>> {
        let mut probes: Vec<(usize, &[u32])> = Vec::with_capacity(MAX_PROBES);
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
        Some(probes)
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
        let mut probes = Vec::new();
        if pb.len() >= K && to - from > 4 * MAX_GAP {
            probes = self.probes(pb, word_start)?;
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
}

/// The occurrences of `piece` in `text[from..to]` (both char boundaries), overlapping
/// ones included (`a a` occurs twice in `a a a`), in order.
pub(super) struct Occurrences<'t> {
    text: &'t str,
    piece: &'t str,
    at: usize,
    to: usize,
}

impl<'t> Occurrences<'t> {
    pub(super) fn new(text: &'t str, piece: &'t str, from: usize, to: usize) -> Occurrences<'t> {
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
