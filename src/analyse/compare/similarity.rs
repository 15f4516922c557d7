//! Text similarity: a TF-IDF cosine over stemmed words and character trigrams.
//!
//! A node's text and quote are split into words (letters and digits), lowercased, and
//! short English stop words and one-letter words dropped. [`Measure`] says what becomes
//! a term: each word's Snowball English stem (or, as until 2026-12-01, only its plural
//! stripped), the first word of its group in the related-word table ([`RELATED`]), and
//! the character trigrams of each word. Each term weighs `(1 + ln tf) · idf`, `idf = 1 +
//! ln((1 + N) / (1 + df))` over the N nodes of both maps (or BM25); words and trigrams are
//! normalised apart and given their shares, so the score of two nodes, the cosine of
//! their vectors, is a weighted sum of the cosine of their words and of their trigrams,
//! 0..=1. [`ScoreTable`] scores every pair of two small maps, for measuring a measure
//! (`tests/it/suggest.rs`).
//!
//! The search for similar pairs is in `compare/align.rs`: only pairs that share an indexed
//! word are scored, found with an inverted index. Words
//! in more than 64 nodes are left out of it, so every posting list stays short; a node
//! whose words are all that common meets the nodes with the same word list (by hash), so
//! two nodes with the same text always meet; a Cauchy–Schwarz bound on what the left-out
//! words can add skips pairs that cannot reach the threshold; each node keeps its best
//! few candidates. The work is linear in the size of the maps.

use super::side::SideData;
use crate::analyse::Analysed;
use crate::graph::NodeKind;
use std::borrow::Cow;
use std::collections::HashMap;
use std::sync::OnceLock;

const STOP_WORDS: &[&str] = &[
    "a", "about", "after", "against", "all", "also", "an", "and", "any", "are", "as", "at", "be",
    "because", "been", "before", "being", "between", "but", "by", "can", "could", "did", "do",
    "does", "each", "for", "from", "had", "has", "have", "he", "her", "here", "him", "his", "how",
    "if", "in", "into", "is", "it", "its", "may", "might", "more", "most", "must", "no", "not",
    "of", "on", "or", "other", "our", "own", "she", "should", "so", "such", "than", "that", "the",
    "their", "them", "then", "there", "these", "they", "this", "those", "through", "to", "too",
    "under", "up", "upon", "very", "was", "we", "were", "what", "when", "where", "which", "while",
    "who", "whom", "whose", "will", "with", "would",
];

/// How texts become terms and terms weights: the measure of similarity.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Measure {
    /// How a word is reduced to its stem.
    pub stemmer: Stemmer,
    /// Whether words of one group of the related-word table ([`RELATED`]) are one term.
    pub related: bool,
    /// The share (0..=1) of the score that comes from the character trigrams of the
    /// words; the rest comes from the words. 0 leaves trigrams out.
    pub trigrams: f64,
    /// How a term's count and document frequency weigh.
    pub weighting: Weighting,
}

/// How a word is reduced to its stem.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Stemmer {
    /// Only a plural ending is stripped (`countries` → `country`): the measure until
    /// 2026-12-01.
    Plural,
    /// The Snowball English stemmer (Porter 2): `expelled`, `expelling` → `expel`.
    Snowball,
}

/// How a term of a node weighs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Weighting {
    /// `(1 + ln tf) · (1 + ln((1 + N) / (1 + df)))`.
    TfIdf,
    /// Okapi BM25: `idf = ln(1 + (N − df + 0.5) / (df + 0.5))`, the count saturated
    /// (`k1 = 1.2`) and normalised by the node's length against the average (`b = 0.75`).
    Bm25,
}

impl Measure {
    /// The measure of the suggestions: Snowball stems, the related-word table, and a
    /// quarter of the score from character trigrams, TF-IDF weighted (chosen on the
    /// labelled pairs of `tests/fixtures/compare/pairs/`, docs/compare.md).
    pub const DEFAULT: Measure = Measure {
        stemmer: Stemmer::Snowball,
        related: true,
        trigrams: 0.25,
        weighting: Weighting::TfIdf,
    };
    /// The measure until 2026-12-01: plural endings stripped, words only, TF-IDF.
    pub const WORDS: Measure = Measure {
        stemmer: Stemmer::Plural,
        related: false,
        trigrams: 0.0,
        weighting: Weighting::TfIdf,
    };

    /// Calls `f` with each term of `text`: its normalised words (stemmed, and made the
    /// first word of their group of related words), then, when [`Measure::trigrams`] is
    /// above 0, the character trigrams of each word (lowercased, not stemmed, between
    /// word boundaries), each starting with [`TRIGRAM`].
    pub fn each_term(&self, text: &str, mut f: impl FnMut(&str)) {
        let snowball = rust_stemmers::Stemmer::create(rust_stemmers::Algorithm::English);
        let mut gram = String::new();
        let mut chars: Vec<char> = Vec::new();
        for w in text.split(|c: char| !c.is_alphanumeric()) {
            if w.is_empty() {
                continue;
            }
            let w = w.to_lowercase();
            if w.chars().count() <= 1 || STOP_WORDS.binary_search(&w.as_str()).is_ok() {
                continue;
            }
            let stem = match self.stemmer {
                Stemmer::Plural => plural(&w),
                Stemmer::Snowball => snowball.stem(&w),
            };
            match self
                .related
                .then(|| related(self.stemmer).get(&*stem))
                .flatten()
            {
                Some(head) => f(head),
                None => f(&stem),
            }
            if self.trigrams > 0.0 {
                chars.clear();
                chars.push(' ');
                chars.extend(w.chars());
                chars.push(' ');
                for t in chars.windows(3) {
                    gram.clear();
                    gram.push(TRIGRAM);
                    gram.extend(t.iter().map(|&c| if c == ' ' { '_' } else { c }));
                    f(&gram);
                }
            }
        }
    }

    /// The terms of `text` ([`Measure::each_term`]).
    pub fn terms(&self, text: &str) -> Vec<String> {
        let mut out = Vec::new();
        self.each_term(text, |w| out.push(w.to_string()));
        out
    }
}

/// The first character of a trigram term (never in a word term: words are letters and
/// digits), so trigram terms sort before the words.
pub const TRIGRAM: char = '#';

/// The related-word table: one group a line, the first word standing for the others.
/// General English (synonyms and near-synonyms a thesaurus gives), not the words of any
/// map: `src/analyse/compare/related.txt`.
pub const RELATED: &str = include_str!("related.txt");

/// The table [`RELATED`] as stem → the stem of its group's first word, for `stemmer`.
fn related(stemmer: Stemmer) -> &'static HashMap<String, String> {
    static TABLES: [OnceLock<HashMap<String, String>>; 2] = [OnceLock::new(), OnceLock::new()];
    let slot = match stemmer {
        Stemmer::Plural => 0,
        Stemmer::Snowball => 1,
    };
    TABLES[slot].get_or_init(|| {
        let bare = Measure {
            stemmer,
            related: false,
            trigrams: 0.0,
            weighting: Weighting::TfIdf,
        };
        let mut map = HashMap::new();
        for line in RELATED.lines() {
            let line = line.split('#').next().unwrap_or("");
            let mut head: Option<String> = None;
            for word in line.split([',', ' ', '\t']).filter(|w| !w.is_empty()) {
                let Some(stem) = bare.terms(word).pop() else {
                    continue;
                };
                let head = head.get_or_insert_with(|| stem.clone());
                if stem != *head {
                    map.entry(stem).or_insert_with(|| head.clone());
                }
            }
        }
        map
    })
}

/// The normalised words of `text` by the default measure ([`Measure::terms`] of
/// [`Measure::DEFAULT`]): trigram terms included.
pub fn words(text: &str) -> Vec<String> {
    Measure::DEFAULT.terms(text)
}

/// Strips a plural ending: `countries` → `country`, `classes` → `class`,
/// `revolutions` → `revolution`; `class`, `thus`, `analysis` stay.
fn plural(w: &str) -> Cow<'_, str> {
    let n = w.chars().count();
    if n > 4 && w.ends_with("ies") {
        return Cow::Owned(format!("{}y", &w[..w.len() - 3]));
    }
    if n > 4
        && ["sses", "xes", "ches", "shes"]
            .iter()
            .any(|e| w.ends_with(e))
    {
        return Cow::Borrowed(&w[..w.len() - 2]);
    }
    if n > 3 && w.ends_with('s') && !["ss", "us", "is"].iter().any(|e| w.ends_with(e)) {
        return Cow::Borrowed(&w[..w.len() - 1]);
    }
    Cow::Borrowed(w)
}

/// Sparse unit vectors, stored one after another (no allocation per vector): vector
/// `k` has the terms `terms[starts[k]..starts[k + 1]]`, ascending, with their weights
/// alongside.
#[derive(Clone, Debug, Default)]
pub struct WordVectors {
    terms: Vec<u32>,
    /// f32: the weights are most of a comparison's memory, and a cosine of f32 weights
    /// summed in f64 differs from the f64 one by less than 1e-6.
    weights: Vec<f32>,
    starts: Vec<u32>,
}

/// One sparse unit vector of [`WordVectors`]: term ids ascending, and their weights.
#[derive(Clone, Copy, Debug, Default)]
pub struct Vector<'a> {
    /// Term ids, ascending.
    pub terms: &'a [u32],
    /// Their weights.
    pub weights: &'a [f32],
}

impl<'a> Vector<'a> {
    /// Whether it has no term.
    pub fn is_empty(&self) -> bool {
        self.terms.is_empty()
    }
    /// (term id, weight), ascending by term id.
    pub fn iter(&self) -> impl Iterator<Item = (u32, f64)> + 'a {
        self.terms
            .iter()
            .copied()
            .zip(self.weights.iter().map(|&w| f64::from(w)))
    }
}

impl WordVectors {
    /// Vector `k` (empty when there is none).
    pub fn get(&self, k: usize) -> Vector<'_> {
        let range = match (self.starts.get(k), self.starts.get(k + 1)) {
            (Some(&a), Some(&b)) => a as usize..b as usize,
            _ => 0..0,
        };
        Vector {
            terms: &self.terms[range.clone()],
            weights: &self.weights[range],
        }
    }
    /// How many vectors.
    pub fn len(&self) -> usize {
        self.starts.len().saturating_sub(1)
    }
    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// Words numbered as they are first seen, and documents as (word number, count) lists
/// one after another (document `k`'s are `words[starts[k]..starts[k + 1]]`): each
/// distinct word is stored once, and no document has an allocation of its own.
pub(super) struct Interned {
    numbers: HashMap<Box<str>, u32>,
    words: Vec<(u32, u32)>,
    starts: Vec<u32>,
    /// Documents counted but not kept ([`Interned::count`]): how many, and in how
    /// many of them each word (by number) occurs.
    counted: usize,
    counted_df: Vec<u32>,
    /// Reused: the word numbers of the document being read.
    scratch: Vec<u32>,
    /// How many word terms and trigram terms all the documents have (for BM25's
    /// average length).
    lengths: [u64; 2],
    measure: Measure,
}

impl Interned {
    pub(super) fn new(measure: Measure) -> Interned {
        Interned {
            numbers: HashMap::new(),
            words: Vec::new(),
            starts: vec![0],
            counted: 0,
            counted_df: Vec::new(),
            scratch: Vec::new(),
            lengths: [0, 0],
            measure,
        }
    }

    /// Numbers the words of a document given to `words`, sorted, into `scratch`.
    fn read(&mut self, words: impl FnOnce(&mut dyn FnMut(&str))) {
        let Interned {
            numbers,
            scratch,
            lengths,
            ..
        } = self;
        scratch.clear();
        words(&mut |w: &str| {
            lengths[usize::from(w.starts_with(TRIGRAM))] += 1;
            let n = match numbers.get(w) {
                Some(&n) => n,
                None => {
                    let n = numbers.len() as u32;
                    numbers.insert(w.into(), n);
                    n
                }
            };
            scratch.push(n);
        });
        scratch.sort_unstable();
    }

    /// Counts a document in the document frequencies without keeping it (its vector
    /// is made again from its text when needed: [`Vocabulary::vector`]).
    pub(super) fn count(&mut self, words: impl FnOnce(&mut dyn FnMut(&str))) {
        self.read(words);
        self.counted += 1;
        self.counted_df.resize(self.numbers.len(), 0);
        let mut last = None;
        for &n in &self.scratch {
            if last != Some(n) {
                self.counted_df[n as usize] += 1;
                last = Some(n);
            }
        }
    }

    /// Adds a document (its words given to the closure `words`); returns its number.
    pub(super) fn add(&mut self, words: impl FnOnce(&mut dyn FnMut(&str))) -> usize {
        self.read(words);
        let first = self.words.len();
        for &n in self.scratch.iter() {
            match self.words[first..].last_mut() {
                Some((last, c)) if *last == n => *c += 1,
                _ => self.words.push((n, 1)),
            }
        }
        self.starts.push(self.words.len() as u32);
        self.starts.len() - 2
    }

    /// The TF-IDF vectors of the kept documents, and the vocabulary that makes the
    /// vector of any counted one. Term ids follow the sorted vocabulary, so they do not
    /// depend on the order of the documents. The (word, count) lists become the
    /// vectors' terms in place.
    pub(super) fn vectorise(self) -> (WordVectors, Vocabulary) {
        let Interned {
            numbers,
            mut words,
            starts,
            counted,
            mut counted_df,
            lengths,
            measure,
            ..
        } = self;
        let mut vocabulary: Vec<(&str, u32)> = numbers.iter().map(|(w, &n)| (&**w, n)).collect();
        vocabulary.sort_unstable();
        let trigram_terms = vocabulary
            .iter()
            .take_while(|(w, _)| w.starts_with(TRIGRAM))
            .count() as u32;
        let mut term = vec![0u32; vocabulary.len()];
        for (t, (_, n)) in vocabulary.iter().enumerate() {
            term[*n as usize] = t as u32;
        }
        drop(vocabulary);
        counted_df.resize(term.len(), 0);
        let mut dfs = vec![0usize; term.len()];
        for (n, &c) in counted_df.iter().enumerate() {
            dfs[term[n] as usize] += c as usize;
        }
        drop(counted_df);
        for (w, _) in words.iter_mut() {
            *w = term[*w as usize];
            dfs[*w as usize] += 1;
        }
        let docs = (starts.len() - 1 + counted) as f64;
        let vocabulary = Vocabulary {
            numbers,
            term,
            dfs,
            docs,
            trigram_terms,
            average: lengths.map(|l| if docs > 0.0 { l as f64 / docs } else { 0.0 }),
            measure,
        };
        let mut weights: Vec<f32> = Vec::with_capacity(words.len());
        let mut doc_weights: Vec<f64> = Vec::new();
        for k in 0..starts.len() - 1 {
            let doc = &mut words[starts[k] as usize..starts[k + 1] as usize];
            doc.sort_unstable_by_key(|&(id, _)| id);
            doc_weights.clear();
            vocabulary.weigh(doc, &mut doc_weights);
            weights.extend(doc_weights.iter().map(|&w| w as f32));
        }
        // Collected in place: the (word, count) buffer, twice the size, is given back.
        let mut terms: Vec<u32> = words.into_iter().map(|(id, _)| id).collect();
        terms.shrink_to_fit();
        (
            WordVectors {
                terms,
                weights,
                starts,
            },
            vocabulary,
        )
    }
}

/// The vocabulary of all the documents, counted or kept: what turns a document's
/// words into its TF-IDF vector.
pub(super) struct Vocabulary {
    /// Word → number; number → term id (the word's place in the sorted vocabulary).
    numbers: HashMap<Box<str>, u32>,
    term: Vec<u32>,
    /// Document frequency of each term id.
    pub(super) dfs: Vec<usize>,
    /// How many documents there are.
    docs: f64,
    /// Term ids below this are trigrams (they sort first: [`TRIGRAM`]).
    trigram_terms: u32,
    /// The average number of word terms and of trigram terms of a document.
    average: [f64; 2],
    measure: Measure,
}

impl Vocabulary {
    /// Appends to `out` the unit-length weights of a document given as (term id,
    /// count), ascending by term id. Its words and its trigrams are weighed and
    /// normalised apart, then given their shares of the vector ([`Measure::trigrams`]),
    /// so the cosine of two vectors is the weighted sum of the cosine of their words and
    /// that of their trigrams.
    fn weigh(&self, doc: &[(u32, u32)], out: &mut Vec<f64>) {
        let n = self.docs;
        let first = out.len();
        let kind = |id: u32| usize::from(id < self.trigram_terms);
        let mut length = [0.0f64; 2];
        for &(id, c) in doc {
            length[kind(id)] += c as f64;
        }
        out.extend(doc.iter().map(|&(id, c)| {
            let df = self.dfs[id as usize] as f64;
            let c = c as f64;
            match self.measure.weighting {
                Weighting::TfIdf => (1.0 + c.ln()) * (1.0 + ((1.0 + n) / (1.0 + df)).ln()),
                Weighting::Bm25 => {
                    let (k1, b) = (1.2, 0.75);
                    let average = self.average[kind(id)].max(1.0);
                    let tf = c * (k1 + 1.0) / (c + k1 * (1.0 - b + b * length[kind(id)] / average));
                    let idf = (1.0 + (n - df + 0.5).max(0.0) / (df + 0.5)).ln();
                    tf * idf
                }
            }
        }));
        let doc_kinds = || doc.iter().map(|&(id, _)| kind(id));
        let mut norms = [0.0f64; 2];
        for (x, k) in out[first..].iter().zip(doc_kinds()) {
            norms[k] += x * x;
        }
        let share = [1.0 - self.measure.trigrams, self.measure.trigrams];
        for (x, k) in out[first..].iter_mut().zip(doc_kinds()) {
            if norms[k] > 0.0 {
                *x *= (share[k] / norms[k]).sqrt();
            }
        }
        // A document without words or without trigrams: its vector is still of length 1.
        let norm = out[first..].iter().map(|x| x * x).sum::<f64>().sqrt();
        if norm > 0.0 && norm.is_finite() {
            for x in &mut out[first..] {
                *x /= norm;
            }
        }
    }

    /// The vector of a counted document, made again from its text.
    pub(super) fn vector(&self, text: &str) -> OwnedVector {
        let mut ids: Vec<u32> = Vec::new();
        self.measure.each_term(text, |w| {
            if let Some(&n) = self.numbers.get(w) {
                ids.push(self.term[n as usize]);
            }
        });
        ids.sort_unstable();
        let mut doc: Vec<(u32, u32)> = Vec::new();
        for id in ids {
            match doc.last_mut() {
                Some((last, c)) if *last == id => *c += 1,
                _ => doc.push((id, 1)),
            }
        }
        let mut weights = Vec::with_capacity(doc.len());
        self.weigh(&doc, &mut weights);
        OwnedVector {
            terms: doc.into_iter().map(|(id, _)| id).collect(),
            weights: weights.into_iter().map(|w| w as f32).collect(),
        }
    }
}

/// A vector made when needed, not stored with the others.
pub(super) struct OwnedVector {
    terms: Vec<u32>,
    weights: Vec<f32>,
}

impl OwnedVector {
    pub(super) fn view(&self) -> Vector<'_> {
        Vector {
            terms: &self.terms,
            weights: &self.weights,
        }
    }
}

/// Builds the vectors of `docs` (each a list of terms, as [`Measure::terms`] gives them)
/// by the weighting of [`Measure::DEFAULT`]. Term ids follow the sorted vocabulary, so
/// they do not depend on the order of the documents.
pub fn vectorise(docs: &[Vec<String>]) -> (WordVectors, Vec<usize>) {
    vectorise_by(docs, Measure::DEFAULT)
}

/// [`vectorise`] by the weighting of `measure`.
pub fn vectorise_by(docs: &[Vec<String>], measure: Measure) -> (WordVectors, Vec<usize>) {
    let mut interned = Interned::new(measure);
    for d in docs {
        interned.add(|f| d.iter().for_each(|w| f(w)));
    }
    let (vectors, vocabulary) = interned.vectorise();
    (vectors, vocabulary.dfs)
}

/// The score of every claim, evidence item and rebuttal of one map with every one of
/// the other: what measuring a [`Measure`] needs (recall of true pairs in the top few).
/// Quadratic, for small maps: `compare` finds its suggestions through an index.
#[derive(Clone, Debug)]
pub struct ScoreTable {
    /// Ids of the left map's nodes compared, in map order.
    pub left: Vec<String>,
    /// Ids of the right map's nodes compared, in map order.
    pub right: Vec<String>,
    /// `scores[i][j]`: the score of `left[i]` and `right[j]`, as the suggestions of
    /// `compare` would have it with this measure (the same texts, the same vocabulary).
    pub scores: Vec<Vec<f64>>,
}

impl ScoreTable {
    /// Scores the two maps' claims, evidence and rebuttals by `measure`, their text and
    /// quote as `compare` reads them, with the document frequencies of both maps.
    pub fn new(left: &Analysed, right: &Analysed, measure: Measure) -> ScoreTable {
        let sides = [SideData::new(left), SideData::new(right)];
        let mut docs = Interned::new(measure);
        let mut ids: [Vec<String>; 2] = [Vec::new(), Vec::new()];
        let mut slots: [Vec<usize>; 2] = [Vec::new(), Vec::new()];
        for (d, (ids, slots)) in sides.iter().zip(ids.iter_mut().zip(slots.iter_mut())) {
            for ix in d.g.graph.node_indices() {
                if d.g.graph[ix].kind != NodeKind::Source {
                    ids.push(d.g.graph[ix].id.to_string());
                    slots.push(docs.add(|f| measure.each_term(&d.full_text(ix), f)));
                }
            }
        }
        let (vectors, _) = docs.vectorise();
        let scores = slots[0]
            .iter()
            .map(|&i| {
                slots[1]
                    .iter()
                    .map(|&j| cosine(vectors.get(i), vectors.get(j)))
                    .collect()
            })
            .collect();
        let [left, right] = ids;
        ScoreTable {
            left,
            right,
            scores,
        }
    }
}

/// The cosine of two unit vectors (a merge over ascending term ids, so it is the same
/// number whichever comes first).
pub fn cosine(a: Vector, b: Vector) -> f64 {
    let (mut i, mut j, mut s) = (0, 0, 0.0);
    while i < a.terms.len() && j < b.terms.len() {
        match a.terms[i].cmp(&b.terms[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                s += f64::from(a.weights[i]) * f64::from(b.weights[j]);
                i += 1;
                j += 1;
            }
        }
    }
    s.clamp(0.0, 1.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn v(docs: &[&str]) -> WordVectors {
        let docs: Vec<Vec<String>> = docs.iter().map(|d| words(d)).collect();
        vectorise(&docs).0
    }

    #[test]
    fn stop_words_are_sorted_for_binary_search() {
        assert!(STOP_WORDS.windows(2).all(|w| w[0] < w[1]));
    }

    #[test]
    fn words_are_lowercased_stemmed_and_stop_words_dropped() {
        assert_eq!(
            Measure::WORDS.terms("The Revolutions of 1905, in Russia's countries: classes!"),
            ["revolution", "1905", "russia", "country", "class"]
        );
    }

    #[test]
    fn the_default_measure_stems_relates_and_adds_trigrams() {
        let words_only = Measure {
            trigrams: 0.0,
            ..Measure::DEFAULT
        };
        let snowball = Measure {
            related: false,
            ..words_only
        };
        assert_eq!(snowball.terms("expelled expulsions"), ["expel", "expuls"]);
        // Related words are one term: the first of their group.
        assert_eq!(words_only.terms("expelled"), words_only.terms("exile"));
        assert_eq!(words_only.terms("jail"), words_only.terms("prison"));
        assert_eq!(words_only.terms("discouraged"), words_only.terms("deter"));
        assert_eq!(
            Measure::DEFAULT.terms("Red army"),
            ["red", "#_re", "#red", "#ed_", "armi", "#_ar", "#arm", "#rmy", "#my_"]
        );
    }

    #[test]
    fn trigrams_score_inflections_the_stemmer_misses() {
        let docs = |m: Measure| {
            let d: Vec<Vec<String>> = ["workers' democracy", "democratic workers", "bread"]
                .iter()
                .map(|t| m.terms(t))
                .collect();
            vectorise_by(&d, m).0
        };
        let (w, t) = (docs(Measure::WORDS), docs(Measure::DEFAULT));
        assert!(cosine(t.get(0), t.get(1)) > cosine(w.get(0), w.get(1)));
    }

    #[test]
    fn identical_texts_score_one_and_disjoint_zero() {
        let vs = v(&[
            "Trotsky led the Red Army",
            "Trotsky led the Red Army",
            "Bread and peace",
        ]);
        // f32 weights: one within a few units of f32's precision.
        assert!((cosine(vs.get(0), vs.get(1)) - 1.0).abs() < 1e-6);
        assert_eq!(cosine(vs.get(0), vs.get(2)), 0.0);
    }

    #[test]
    fn rare_shared_words_weigh_more_than_common_ones() {
        let vs = v(&[
            "Trotsky wrote Results and Prospects",
            "Trotsky wrote about prospects",
            "Trotsky wrote about revolution",
            "Trotsky wrote about the army",
            "Trotsky wrote on Lenin",
        ]);
        let with_rare = cosine(vs.get(0), vs.get(1));
        let common_only = cosine(vs.get(0), vs.get(2));
        assert!(with_rare > common_only, "{with_rare} vs {common_only}");
        assert!(common_only > 0.0);
    }

    #[test]
    fn cosine_is_symmetric_and_bounded() {
        let vs = v(&[
            "socialism in one country",
            "one country cannot build socialism alone",
            "permanent revolution",
        ]);
        for i in 0..vs.len() {
            for j in 0..vs.len() {
                let (a, b) = (vs.get(i), vs.get(j));
                let (x, y) = (cosine(a, b), cosine(b, a));
                assert_eq!(x.to_bits(), y.to_bits());
                assert!((0.0..=1.0).contains(&x));
            }
        }
    }

    #[test]
    fn empty_text_has_an_empty_vector() {
        let vs = v(&["the of and", "Lenin"]);
        assert!(vs.get(0).is_empty());
        assert_eq!(cosine(vs.get(0), vs.get(1)), 0.0);
    }
}
