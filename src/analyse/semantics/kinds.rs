//! The semantics argmap knows, as data: one enum, one table.
//!
//! Each [`Semantics`] has a name (the `--semantics` value and the JSON key), a one-line
//! description (the `--help` text), whether acceptance under it is reported per node and
//! per thesis (credulous: in some extension; sceptical: in every one), and how its
//! extensions are computed. Results are keyed by it ([`BySemantics`]), never one named
//! field per semantics, so the CLI, the evaluation, the text report and the JSON all
//! follow this table.
//!
//! **To add a semantics** (say "semi-stable"): add a variant to [`Semantics`], its arm in
//! [`Semantics::about`] (name, description, acceptance, extensions) and the variant to
//! [`Semantics::ALL`]. If its extensions need code of their own, write it in one file
//! beside `search.rs` (declared by a `mod` line in `semantics.rs`), or as a new
//! [`Mode`](super::search::Mode) of that search, and name the function in the arm.
//! Nothing else changes: `--semantics semi-stable` exists with its description in
//! `--help`, `all` includes it, the report has its acceptance column (if it reports
//! acceptance), its statement about each thesis and its extensions, and the JSON its
//! `"semi-stable"` keys. (Tried: a semi-stable filter over the complete extensions was a
//! 20-line file, one `mod` line and 9 lines here.)

use super::{Framework, TooMany};
use serde::ser::{Serialize, SerializeMap, Serializer};

/// An acceptability semantics of abstract argumentation.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum Semantics {
    /// The least complete extension (always computed, in linear time).
    Grounded,
    /// Every complete extension.
    Complete,
    /// The maximal complete (admissible) extensions.
    Preferred,
    /// The conflict-free extensions that attack everything outside them.
    Stable,
}

/// The extensions of one semantics, or why the search stopped.
pub type Found = Result<Vec<Vec<usize>>, TooMany>;

/// What argmap knows about one semantics: see [`Semantics::about`].
#[derive(Clone, Copy, Debug)]
pub struct About {
    /// The `--semantics` value and JSON key, e.g. `preferred`.
    pub name: &'static str,
    /// One line, for `--help`.
    pub description: &'static str,
    /// Whether each node and each thesis is reported as credulously / sceptically
    /// accepted under it.
    pub acceptance: bool,
    /// Its extensions (each sorted, the list sorted), at most `limit` of them.
    pub extensions: fn(&Framework, usize) -> Found,
}

impl Semantics {
    /// Every semantics, in the order reports list them.
    pub const ALL: [Semantics; 4] = [
        Semantics::Grounded,
        Semantics::Complete,
        Semantics::Preferred,
        Semantics::Stable,
    ];

    /// The table: one arm per semantics.
    pub fn about(self) -> About {
        match self {
            Semantics::Grounded => About {
                name: "grounded",
                description: "the sceptical core: the least complete extension (always computed)",
                acceptance: false,
                extensions: |fw, _| Ok(vec![fw.grounded().in_set()]),
            },
            Semantics::Complete => About {
                name: "complete",
                description: "every complete extension: admissible, containing all it defends",
                acceptance: false,
                extensions: Framework::complete_extensions,
            },
            Semantics::Preferred => About {
                name: "preferred",
                description: "the maximal complete extensions (there is at least one)",
                acceptance: true,
                extensions: Framework::preferred_extensions,
            },
            Semantics::Stable => About {
                name: "stable",
                description: "extensions that attack every argument outside them (maybe none)",
                acceptance: true,
                extensions: Framework::stable_extensions,
            },
        }
    }

    /// Its name: the `--semantics` value and the JSON key.
    pub fn name(self) -> &'static str {
        self.about().name
    }

    /// Its one-line description.
    pub fn description(self) -> &'static str {
        self.about().description
    }

    /// Whether credulous and sceptical acceptance are reported under it.
    pub fn reports_acceptance(self) -> bool {
        self.about().acceptance
    }

    /// Its extensions in `fw`, at most `limit` of them (see [`TooMany`]).
    pub fn extensions(self, fw: &Framework, limit: usize) -> Found {
        (self.about().extensions)(fw, limit)
    }

    /// The semantics of this name.
    pub fn from_name(name: &str) -> Option<Semantics> {
        Semantics::ALL.into_iter().find(|s| s.name() == name)
    }
}

/// Results keyed by semantics, in the order they were added (evaluation adds them in
/// [`Semantics::ALL`] order). Serialised as a map from semantics name to result. Two
/// results are held inline: a node's acceptance under preferred and stable semantics
/// costs no allocation.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BySemantics<T>(smallvec::SmallVec<[(Semantics, T); 2]>);

impl<T> Default for BySemantics<T> {
    fn default() -> Self {
        BySemantics(smallvec::SmallVec::new())
    }
}

impl<T> BySemantics<T> {
    /// No results.
    pub fn new() -> Self {
        Self::default()
    }
    /// Adds (or replaces) the result of `s`.
    pub fn insert(&mut self, s: Semantics, value: T) {
        match self.0.iter_mut().find(|(k, _)| *k == s) {
            Some(slot) => slot.1 = value,
            None => self.0.push((s, value)),
        }
    }
    /// The result of `s`, if there is one.
    pub fn get(&self, s: Semantics) -> Option<&T> {
        self.0.iter().find(|(k, _)| *k == s).map(|(_, v)| v)
    }
    /// Whether `s` has a result.
    pub fn contains(&self, s: Semantics) -> bool {
        self.get(s).is_some()
    }
    /// The semantics with a result, in order.
    pub fn keys(&self) -> impl Iterator<Item = Semantics> + '_ {
        self.0.iter().map(|(k, _)| *k)
    }
    /// The results in order.
    pub fn iter(&self) -> impl Iterator<Item = (Semantics, &T)> {
        self.0.iter().map(|(k, v)| (*k, v))
    }
    /// How many semantics have a result.
    pub fn len(&self) -> usize {
        self.0.len()
    }
    /// Whether there is no result.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl<T> FromIterator<(Semantics, T)> for BySemantics<T> {
    fn from_iter<I: IntoIterator<Item = (Semantics, T)>>(iter: I) -> Self {
        let mut out = BySemantics::new();
        for (s, v) in iter {
            out.insert(s, v);
        }
        out
    }
}

impl<T: Serialize> Serialize for BySemantics<T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(self.0.len()))?;
        for (s, v) in &self.0 {
            map.serialize_entry(s.name(), v)?;
        }
        map.end()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_unique_and_round_trip() {
        for s in Semantics::ALL {
            assert_eq!(Semantics::from_name(s.name()), Some(s));
            assert!(!s.description().is_empty());
        }
        let mut names: Vec<&str> = Semantics::ALL.iter().map(|s| s.name()).collect();
        names.sort();
        names.dedup();
        assert_eq!(names.len(), Semantics::ALL.len());
        assert_eq!(Semantics::from_name("all"), None);
    }

    #[test]
    fn extensions_follow_the_table() {
        // A ⇄ B: grounded {}, complete {}, {A}, {B}; preferred and stable {A}, {B}.
        let fw = Framework::new(2, &[(0, 1), (1, 0)]);
        assert_eq!(Semantics::Grounded.extensions(&fw, 10), Ok(vec![vec![]]));
        assert_eq!(
            Semantics::Complete.extensions(&fw, 10),
            Ok(vec![vec![], vec![0], vec![1]])
        );
        for s in [Semantics::Preferred, Semantics::Stable] {
            assert_eq!(s.extensions(&fw, 10), Ok(vec![vec![0], vec![1]]));
            assert!(s.reports_acceptance());
        }
    }

    #[test]
    fn results_keyed_by_semantics_serialise_as_a_map() {
        let mut r: BySemantics<u8> = BySemantics::new();
        r.insert(Semantics::Preferred, 1);
        r.insert(Semantics::Stable, 2);
        r.insert(Semantics::Preferred, 3);
        assert_eq!(r.get(Semantics::Preferred), Some(&3));
        assert!(!r.contains(Semantics::Complete));
        assert_eq!(
            serde_json::to_string(&r).expect("json"),
            r#"{"preferred":3,"stable":2}"#
        );
    }
}
