//! Text similarity: a TF-IDF cosine over normalised words.
//!
//! A node's text and quote are split into words (letters and digits), lowercased, and
//! short English stop words and one-letter words dropped; a plural `-s`/`-es`/`-ies` is
//! stripped so `revolutions` meets `revolution`. Each word weighs `(1 + ln tf) · idf`,
//! `idf = 1 + ln((1 + N) / (1 + df))` over the N nodes of both maps, and the vector is
//! normalised; the score of two nodes is the cosine of their vectors, 0..=1.
//!
//! The search for similar pairs is in `compare/align.rs`: only pairs that share an indexed
//! word are scored, found with an inverted index. Words
//! in more than 64 nodes are left out of it, so every posting list stays short; a node
//! whose words are all that common meets the nodes with the same word list (by hash), so
//! two nodes with the same text always meet; a Cauchy–Schwarz bound on what the left-out
//! words can add skips pairs that cannot reach the threshold; each node keeps its best
//! few candidates. The work is linear in the size of the maps.

use std::borrow::Cow;
use std::collections::HashMap;

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

/// The normalised words of `text`.
pub fn words(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    each_word(text, |w| out.push(w.to_string()));
    out
}

/// Calls `f` with each of the normalised [`words`] of `text`, without keeping them.
pub(super) fn each_word(text: &str, mut f: impl FnMut(&str)) {
    for w in text.split(|c: char| !c.is_alphanumeric()) {
        if w.is_empty() {
            continue;
        }
        let w = w.to_lowercase();
        if w.chars().count() > 1 && STOP_WORDS.binary_search(&w.as_str()).is_err() {
            f(&stem(&w));
        }
    }
}

/// Strips a plural ending: `countries` → `country`, `classes` → `class`,
/// `revolutions` → `revolution`; `class`, `thus`, `analysis` stay.
fn stem(w: &str) -> Cow<'_, str> {
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
    weights: Vec<f64>,
    starts: Vec<u32>,
}

/// One sparse unit vector of [`WordVectors`]: term ids ascending, and their weights.
#[derive(Clone, Copy, Debug, Default)]
pub struct Vector<'a> {
    /// Term ids, ascending.
    pub terms: &'a [u32],
    /// Their weights.
    pub weights: &'a [f64],
}

impl<'a> Vector<'a> {
    /// Whether it has no term.
    pub fn is_empty(&self) -> bool {
        self.terms.is_empty()
    }
    /// (term id, weight), ascending by term id.
    pub fn iter(&self) -> impl Iterator<Item = (u32, f64)> + 'a {
        self.terms.iter().copied().zip(self.weights.iter().copied())
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
}

impl Interned {
    pub(super) fn new() -> Interned {
        Interned {
            numbers: HashMap::new(),
            words: Vec::new(),
            starts: vec![0],
            counted: 0,
            counted_df: Vec::new(),
            scratch: Vec::new(),
        }
    }

    /// Numbers the words of a document given to `words`, sorted, into `scratch`.
    fn read(&mut self, words: impl FnOnce(&mut dyn FnMut(&str))) {
        let Interned {
            numbers, scratch, ..
        } = self;
        scratch.clear();
        words(&mut |w: &str| {
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
            ..
        } = self;
        let mut vocabulary: Vec<(&str, u32)> = numbers.iter().map(|(w, &n)| (&**w, n)).collect();
        vocabulary.sort_unstable();
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
        let vocabulary = Vocabulary {
            numbers,
            term,
            dfs,
            docs: (starts.len() - 1 + counted) as f64,
        };
        let mut weights: Vec<f64> = Vec::with_capacity(words.len());
        for k in 0..starts.len() - 1 {
            let doc = &mut words[starts[k] as usize..starts[k + 1] as usize];
            doc.sort_unstable_by_key(|&(id, _)| id);
            vocabulary.weigh(doc, &mut weights);
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
}

impl Vocabulary {
    /// Appends to `out` the unit-length weights of a document given as (term id,
    /// count), ascending by term id.
    fn weigh(&self, doc: &[(u32, u32)], out: &mut Vec<f64>) {
        let n = self.docs;
        let first = out.len();
        out.extend(doc.iter().map(|&(id, c)| {
            let idf = 1.0 + ((1.0 + n) / (1.0 + self.dfs[id as usize] as f64)).ln();
            (1.0 + (c as f64).ln()) * idf
        }));
        let norm = out[first..].iter().map(|x| x * x).sum::<f64>().sqrt();
        if norm > 0.0 {
            for x in &mut out[first..] {
                *x /= norm;
            }
        }
    }

    /// The vector of a counted document, made again from its text.
    pub(super) fn vector(&self, text: &str) -> OwnedVector {
        let mut ids: Vec<u32> = Vec::new();
        each_word(text, |w| {
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
            weights,
        }
    }
}

/// A vector made when needed, not stored with the others.
pub(super) struct OwnedVector {
    terms: Vec<u32>,
    weights: Vec<f64>,
}

impl OwnedVector {
    pub(super) fn view(&self) -> Vector<'_> {
        Vector {
            terms: &self.terms,
            weights: &self.weights,
        }
    }
}

/// Builds the TF-IDF vectors of `docs` (each a list of words). Term ids follow the
/// sorted vocabulary, so they do not depend on the order of the documents.
pub fn vectorise(docs: &[Vec<String>]) -> (WordVectors, Vec<usize>) {
    let mut interned = Interned::new();
    for d in docs {
        interned.add(|f| d.iter().for_each(|w| f(w)));
    }
    let (vectors, vocabulary) = interned.vectorise();
    (vectors, vocabulary.dfs)
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
                s += a.weights[i] * b.weights[j];
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
            words("The Revolutions of 1905, in Russia's countries: classes!"),
            ["revolution", "1905", "russia", "country", "class"]
        );
    }

    #[test]
    fn identical_texts_score_one_and_disjoint_zero() {
        let vs = v(&[
            "Trotsky led the Red Army",
            "Trotsky led the Red Army",
            "Bread and peace",
        ]);
        assert!((cosine(vs.get(0), vs.get(1)) - 1.0).abs() < 1e-9);
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
