//! Alignment: the pairs declared by `same_as`, then the pairs suggested by text
//! similarity ([`super::similarity`]) among the nodes left, found with an inverted index
//! so the search stays linear in the size of the maps.
//!
//! Only pairs that share an indexed term (a word or a trigram) are scored. Terms in more than
//! [`MAX_INDEXED_DF`] nodes are left out of the index, so every posting list stays short;
//! a node whose terms are all that common meets the nodes with the same term list (by
//! hash), so two nodes with the same text always meet; a Cauchy–Schwarz bound on what the
//! left-out terms can add skips pairs that cannot reach the threshold; each node keeps its
//! best [`MAX_CANDIDATES`] candidates before the one-to-one choice.

use super::side::SideData;
use super::similarity::{cosine, Interned, Measure, OwnedVector, Vector, Vocabulary, WordVectors};
use super::{Origin, Side, Sides};
use crate::analyse::SameAsLink;
use crate::graph::NodeKind;
use petgraph::graph::NodeIndex;
use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};

/// Suggestion candidates kept per node (the best by score, on either side).
const MAX_CANDIDATES: usize = 8;

/// Words used by more nodes than this are left out of the similarity index: they weigh
/// little, and their long lists would make the search quadratic. A constant keeps it
/// linear in the size of the maps.
const MAX_INDEXED_DF: usize = 64;

/// The slot of a node without a vector (a source).
const NO_VECTOR: u32 = u32::MAX;

/// An aligned pair as found, before its nodes are reported.
#[derive(Clone, Debug, PartialEq)]
pub(super) struct Aligned {
    pub left: NodeIndex,
    pub right: NodeIndex,
    pub origin: Origin,
    /// The sides whose `same_as` declares it (empty when suggested).
    pub declared_in: Vec<Side>,
    /// Text similarity, unrounded.
    pub score: f64,
}

impl Aligned {
    /// The node of `side`.
    pub fn node(&self, side: Side) -> NodeIndex {
        match side {
            Side::Left => self.left,
            Side::Right => self.right,
        }
    }
}

/// The aligned pairs of two maps: the declared ones (deduplicated, in the left map's
/// order), then the suggested ones (best score first, each at least `min_score`).
/// `links` are the resolved `same_as` links, map 0 being left and 1 right; the nodes of
/// `contradicting` pairs (left, right) are aligned by their `contradicts` and get no
/// suggestion either.
pub(super) fn align(
    sides: &Sides<SideData>,
    links: &[SameAsLink],
    contradicting: &[(NodeIndex, NodeIndex)],
    min_score: f64,
) -> Vec<Aligned> {
    let vectors = Vectors::new(sides);
    let mut pairs: Vec<Aligned> = declared(links)
        .into_iter()
        .map(|((l, r), by)| Aligned {
            left: l,
            right: r,
            origin: Origin::Declared,
            declared_in: by.into_iter().collect(),
            score: vectors.score(sides, l, r),
        })
        .collect();
    let taken = Sides::build(|s| {
        pairs
            .iter()
            .map(|p| p.node(s))
            .chain(contradicting.iter().map(|&(l, r)| match s {
                Side::Left => l,
                Side::Right => r,
            }))
            .collect::<HashSet<_>>()
    });
    for (l, r, score) in vectors.suggest(sides, &taken, min_score) {
        pairs.push(Aligned {
            left: l,
            right: r,
            origin: Origin::Suggested,
            declared_in: Vec::new(),
            score,
        });
    }
    // The word vectors are as large as the maps' texts: gone before the reports are made.
    pairs
}

/// Declared pairs, deduplicated: (left node, right node) -> declaring sides.
fn declared(links: &[SameAsLink]) -> BTreeMap<(NodeIndex, NodeIndex), BTreeSet<Side>> {
    let mut declared: BTreeMap<(NodeIndex, NodeIndex), BTreeSet<Side>> = BTreeMap::new();
    for l in links {
        let (from, to) = (l.from, l.to);
        let (pair, by) = match (from.0, to.0) {
            (0, 1) => ((from.1, to.1), Side::Left),
            (1, 0) => ((to.1, from.1), Side::Right),
            _ => continue,
        };
        declared.entry(pair).or_default().insert(by);
    }
    declared
}

/// A suggestion candidate: (left node, right node, score).
type Candidate = (NodeIndex, NodeIndex, f64);

/// The vectors of the claims, evidence and rebuttals of the right map, and the
/// vocabulary of both: a left node's vector is made from its text when it is needed
/// (once per node while searching), so only one map's vectors are held.
struct Vectors {
    /// Right map: node index → position in `vectors` ([`NO_VECTOR`] for sources).
    slot: Vec<u32>,
    vectors: WordVectors,
    vocabulary: Vocabulary,
}

impl Vectors {
    fn new(sides: &Sides<SideData>) -> Vectors {
        let mut docs = Interned::new(Measure::DEFAULT);
        let (left, right) = (&sides.left, &sides.right);
        for ix in left.g.graph.node_indices() {
            if left.g.graph[ix].kind != NodeKind::Source {
                docs.count(|f| Measure::DEFAULT.each_term(&left.full_text(ix), f));
            }
        }
        let slot = right
            .g
            .graph
            .node_indices()
            .map(|ix| match right.g.graph[ix].kind {
                NodeKind::Source => NO_VECTOR,
                _ => docs.add(|f| Measure::DEFAULT.each_term(&right.full_text(ix), f)) as u32,
            })
            .collect();
        let (vectors, vocabulary) = docs.vectorise();
        Vectors {
            slot,
            vectors,
            vocabulary,
        }
    }

    /// The vector of left node `ix` (None for a source).
    fn left(&self, d: &SideData, ix: NodeIndex) -> Option<OwnedVector> {
        (d.g.graph[ix].kind != NodeKind::Source).then(|| self.vocabulary.vector(&d.full_text(ix)))
    }

    /// The vector of right node `ix` (None for a source).
    fn right(&self, ix: NodeIndex) -> Option<Vector<'_>> {
        let k = *self.slot.get(ix.index())?;
        (k != NO_VECTOR).then(|| self.vectors.get(k as usize))
    }

    /// The similarity of left node `l` and right node `r`.
    fn score(&self, sides: &Sides<SideData>, l: NodeIndex, r: NodeIndex) -> f64 {
        match (self.left(&sides.left, l), self.right(r)) {
            (Some(a), Some(b)) => cosine(a.view(), b),
            _ => 0.0,
        }
    }

    /// Whether term `t` is in the index (used by at most [`MAX_INDEXED_DF`] nodes).
    fn indexed_term(&self, t: u32) -> bool {
        self.vocabulary.dfs[t as usize] <= MAX_INDEXED_DF
    }

    /// The indexed terms of `v`, with their weights.
    fn indexed(&self, v: Vector) -> Vec<(u32, f64)> {
        v.iter().filter(|(t, _)| self.indexed_term(*t)).collect()
    }

    /// The norm of a vector's part outside the indexed words, which bounds what those
    /// words can add to a cosine (Cauchy–Schwarz).
    fn rest(&self, v: Vector) -> f64 {
        v.iter()
            .filter(|(t, _)| !self.indexed_term(*t))
            .map(|(_, w)| w * w)
            .sum::<f64>()
            .sqrt()
    }

    /// Suggested pairs (left, right, score) among the nodes not in `taken`: one-to-one,
    /// greedily by score, each at least `min_score`.
    fn suggest(
        &self,
        sides: &Sides<SideData>,
        taken: &Sides<HashSet<NodeIndex>>,
        min_score: f64,
    ) -> Vec<Candidate> {
        // Left nodes: every claim, evidence item and rebuttal not taken (one whose vector
        // turns out empty is skipped when it is made); right nodes: those with a non-empty
        // vector.
        let free = |s: Side| -> Vec<NodeIndex> {
            let d = sides.get(s);
            d.g.graph
                .node_indices()
                .filter(|ix| !taken.get(s).contains(ix))
                .filter(|&ix| match s {
                    Side::Left => d.g.graph[ix].kind != NodeKind::Source,
                    Side::Right => self.right(ix).is_some_and(|v| !v.is_empty()),
                })
                .collect()
        };
        let (lefts, rights) = (free(Side::Left), free(Side::Right));
        let index = Index::new(self, &rights);
        let mut candidates = index.candidates(self, &sides.left, &lefts, min_score);
        keep_best(&mut candidates, sides);
        one_to_one(candidates)
    }
}

/// The inverted index of the right nodes' indexed words.
struct Index<'v> {
    /// The right nodes searched, by position `k`.
    rights: &'v [NodeIndex],
    /// Postings of the indexed words, one after another: word t's are
    /// `post[first[t]..first[t + 1]]`, as (right node k, weight), k ascending. Counted,
    /// then filled: no list per word.
    first: Vec<u32>,
    post: Vec<(u32, f32)>,
    /// Right nodes with only common words, by word list: the first, then a chain through
    /// `common_next` (no list per word list).
    common_first: HashMap<&'v [u32], u32>,
    common_next: Vec<u32>,
    /// Each right node's [`Vectors::rest`].
    rest: Vec<f64>,
}

impl<'v> Index<'v> {
    fn new(vectors: &'v Vectors, rights: &'v [NodeIndex]) -> Index<'v> {
        let right = |r: NodeIndex| vectors.right(r).unwrap_or_default();
        let vocabulary_len = vectors.vocabulary.dfs.len();
        let mut first = vec![0u32; vocabulary_len + 1];
        for &r in rights {
            for (t, _) in vectors.indexed(right(r)) {
                first[t as usize + 1] += 1;
            }
        }
        for t in 0..vocabulary_len {
            first[t + 1] += first[t];
        }
        let mut fill = first.clone();
        let mut post = vec![(0u32, 0.0f32); first[vocabulary_len] as usize];
        let mut common_first: HashMap<&[u32], u32> = HashMap::new();
        let mut common_next: Vec<u32> = vec![u32::MAX; rights.len()];
        let mut rest = Vec::with_capacity(rights.len());
        for (k, &r) in rights.iter().enumerate() {
            let v = right(r);
            let ix = vectors.indexed(v);
            if ix.is_empty() {
                if let Some(prev) = common_first.insert(v.terms, k as u32) {
                    common_next[k] = prev;
                }
            }
            for (t, w) in ix {
                post[fill[t as usize] as usize] = (k as u32, w as f32);
                fill[t as usize] += 1;
            }
            rest.push(vectors.rest(v));
        }
        Index {
            rights,
            first,
            post,
            common_first,
            common_next,
            rest,
        }
    }

    fn postings(&self, t: u32) -> &[(u32, f32)] {
        &self.post[self.first[t as usize] as usize..self.first[t as usize + 1] as usize]
    }

    /// Every (left, right, score) at least `min_score` among the pairs that meet in the
    /// index.
    fn candidates(
        &self,
        vectors: &Vectors,
        left: &SideData,
        lefts: &[NodeIndex],
        min_score: f64,
    ) -> Vec<Candidate> {
        let mut candidates: Vec<Candidate> = Vec::new();
        // Partial dot products over the indexed words, per right node.
        let mut partial = vec![0.0f64; self.rights.len()];
        let mut touched: Vec<usize> = Vec::new();
        for &l in lefts {
            let Some(owned) = vectors.left(left, l) else {
                continue;
            };
            let v = owned.view();
            if v.is_empty() {
                continue;
            }
            let mut meet = |k: usize, add: f64| {
                if partial[k] == 0.0 {
                    touched.push(k);
                }
                partial[k] += add;
            };
            let ix = vectors.indexed(v);
            if ix.is_empty() {
                // Only common words: meet the right nodes with the same word list.
                let mut next = self.common_first.get(v.terms).copied();
                while let Some(k) = next.map(|k| k as usize) {
                    meet(k, f64::MIN_POSITIVE);
                    next = Some(self.common_next[k]).filter(|&n| n != u32::MAX);
                }
            }
            for (t, wl) in ix {
                for &(k, wr) in self.postings(t) {
                    meet(k as usize, wl * f64::from(wr));
                }
            }
            let rest_l = vectors.rest(v);
            touched.sort_unstable();
            touched.dedup();
            for &k in &touched {
                let bound = partial[k] + rest_l * self.rest[k];
                partial[k] = 0.0;
                if bound + 1e-9 < min_score {
                    continue;
                }
                let r = self.rights[k];
                let score = cosine(v, vectors.right(r).unwrap_or_default());
                if score >= min_score {
                    candidates.push((l, r, score));
                }
            }
            touched.clear();
        }
        candidates
    }
}

/// Sorts candidates best first (ties by ids, so the order does not depend on the maps'
/// order) and keeps each node's best [`MAX_CANDIDATES`] (on either side).
fn keep_best(candidates: &mut Vec<Candidate>, sides: &Sides<SideData>) {
    let ids = |s: Side, ix: NodeIndex| sides.get(s).g.graph[ix].id;
    let key = |p: &Candidate| {
        let (x, y) = (ids(Side::Left, p.0), ids(Side::Right, p.1));
        (x.min(y), x.max(y), x)
    };
    // Scores equal to six places are ties: the weights are f32, so two pairs of
    // identical texts may score 1 ± 1e-7, and rounding noise must not order them.
    let rank = |p: &Candidate| (p.2 * 1e6).round();
    candidates.sort_by(|a, b| {
        rank(b)
            .partial_cmp(&rank(a))
            .unwrap_or(std::cmp::Ordering::Equal)
            .then_with(|| key(a).cmp(&key(b)))
    });
    let mut kept_l: HashMap<NodeIndex, usize> = HashMap::new();
    let mut kept_r: HashMap<NodeIndex, usize> = HashMap::new();
    candidates.retain(|p| {
        let a = kept_l.entry(p.0).or_insert(0);
        *a += 1;
        let first_l = *a <= MAX_CANDIDATES;
        let b = kept_r.entry(p.1).or_insert(0);
        *b += 1;
        first_l || *b <= MAX_CANDIDATES
    });
}

/// The greedy one-to-one choice over candidates sorted best first: a pair is kept when
/// neither of its nodes is in a pair kept before.
fn one_to_one(candidates: Vec<Candidate>) -> Vec<Candidate> {
    let mut used_l = HashSet::new();
    let mut used_r = HashSet::new();
    candidates
        .into_iter()
        .filter(|p| {
            let ok = !used_l.contains(&p.0) && !used_r.contains(&p.1);
            if ok {
                used_l.insert(p.0);
                used_r.insert(p.1);
            }
            ok
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ix(i: usize) -> NodeIndex {
        NodeIndex::new(i)
    }

    #[test]
    fn one_to_one_keeps_the_first_pair_of_each_node() {
        let kept = one_to_one(vec![
            (ix(0), ix(0), 0.9),
            (ix(0), ix(1), 0.8),
            (ix(1), ix(0), 0.7),
            (ix(1), ix(1), 0.6),
        ]);
        assert_eq!(kept, [(ix(0), ix(0), 0.9), (ix(1), ix(1), 0.6)]);
    }

    #[test]
    fn declared_pairs_are_one_per_node_pair_with_both_sides_named() {
        let link = |from: (usize, usize), to: (usize, usize)| SameAsLink {
            from: (from.0, ix(from.1)),
            to: (to.0, ix(to.1)),
        };
        let d = declared(&[
            link((0, 3), (1, 5)),
            link((1, 5), (0, 3)),
            link((1, 2), (0, 1)),
            // A link within a map, or to a third map, is no pair.
            link((0, 1), (0, 2)),
            link((0, 1), (2, 2)),
        ]);
        let got: Vec<_> = d.into_iter().collect();
        assert_eq!(
            got,
            [
                ((ix(1), ix(2)), BTreeSet::from([Side::Right])),
                ((ix(3), ix(5)), BTreeSet::from([Side::Left, Side::Right])),
            ]
        );
    }
}
