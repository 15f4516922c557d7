//! The typed map: what a map file says, as serde reads it.
//!
//! Deserialisation is hand-written for the mappings so that an unknown or repeated field
//! does not stop the load: it is recorded in `problems` and reported by the schema check
//! with its exact position, next to every other finding. Wrong types do stop the load
//! (serde cannot go on past them) and are reported at the value (see `deserializer/`).

//!
//! The files, by job: this one (the map root: [`Map`], its sections, [`IdMap`], the
//! field problems), `fields.rs` (reading a mapping's fields and scalars as written, the
//! visitor every struct shares), `node.rs` (claims, evidence, rebuttals), `source.rs`
//! (source entries and citations).

mod fields;
mod group;
mod node;
mod scheme;
mod source;

pub use fields::{KeyString, ScalarString};
pub(crate) use group::GROUP_FIELDS;
pub use group::{Group, GroupDetails};
pub(crate) use node::NODE_FIELDS;
pub use node::{Node, NodeMore};
pub(crate) use scheme::SCHEME_FIELDS;
pub use scheme::{SchemeDef, SchemeEntry};
pub use source::{Cite, SourceDetails, SourceEntry};
pub(crate) use source::{CITE_FIELDS, SOURCE_FIELDS};

use indexmap::IndexMap;
use serde::de::{self, Deserializer, IgnoredAny, MapAccess, Visitor};
use serde::{Deserialize, Serialize};
use std::fmt;

use fields::{opt_text, read_fields, set, set_opt, struct_visitor, IdList};

/// What the visitors of the map's root, of a section, of a list and of `thesis` expect
/// (their `expecting`, which serde puts in a wrong-type message: `expected a list`). The
/// loader chooses the help of a wrong-type error by which of these was expected
/// (`SchemaErrorKind::InvalidType`), so each is one constant, used by its visitor.
pub(crate) const EXPECTING_MAP: &str = "a map (a mapping with id, claims, ...)";
/// See [`EXPECTING_MAP`]: a section (`claims:`, `sources:`, ...).
pub(crate) const EXPECTING_SECTION: &str = "a mapping of ids to entries";
/// See [`EXPECTING_MAP`]: a list of ids or citations.
pub(crate) const EXPECTING_LIST: &str = "a list";
/// See [`EXPECTING_MAP`]: `thesis` (serde's own wording for a `bool`).
pub(crate) const EXPECTING_BOOL: &str = "a boolean";

/// A field-level problem found while reading a mapping.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FieldProblem {
    /// A key that the format does not know.
    Unknown(String),
    /// A key given twice in one mapping; `occurrence` counts from 0.
    Duplicate {
        /// The key.
        key: String,
        /// Which occurrence this is.
        occurrence: usize,
    },
}

/// The section a node or source was declared in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Section {
    /// `claims:`.
    Claims,
    /// `evidence:`.
    Evidence,
    /// `rebuttals:`.
    Rebuttals,
    /// `sources:`.
    Sources,
}

impl Section {
    /// The section's key in the map file.
    pub fn key(self) -> &'static str {
        match self {
            Section::Claims => "claims",
            Section::Evidence => "evidence",
            Section::Rebuttals => "rebuttals",
            Section::Sources => "sources",
        }
    }
}

/// An id (or any short text of a map): stored inline, without an allocation, up to 24
/// bytes; it dereferences to `str`.
pub type Id = compact_str::CompactString;

/// An id as a key of a diagnostic's document path (`path!` in diagnostics).
impl crate::diagnostic::IntoSeg for &Id {
    fn into_seg(self) -> crate::diagnostic::Seg {
        crate::diagnostic::Seg::Key(self.to_string())
    }
}

/// The hasher of id maps: foldhash, several times faster than the standard SipHash on
/// short ids (every id is hashed when a map is read and again when it is looked up).
pub type FastHash = foldhash::fast::RandomState;

/// Ids mapped to entries, in document order. A key given twice keeps its first entry; the
/// repeats are kept in `duplicates` (with their occurrence number) to be reported.
#[derive(Clone, Debug, PartialEq)]
pub struct IdMap<T> {
    /// The entries by id, in document order.
    pub entries: IndexMap<Id, T, FastHash>,
    /// Keys given again, with their occurrence number (1 for the second).
    pub duplicates: Vec<(String, usize)>,
}

impl<T> Default for IdMap<T> {
    fn default() -> Self {
        IdMap {
            entries: IndexMap::default(),
            duplicates: Vec::new(),
        }
    }
}

impl<T> IdMap<T> {
    /// The entry with this id.
    pub fn get(&self, id: &str) -> Option<&T> {
        self.entries.get(id)
    }
    /// The entries in document order.
    pub fn iter(&self) -> indexmap::map::Iter<'_, Id, T> {
        self.entries.iter()
    }
    /// How many entries there are.
    pub fn len(&self) -> usize {
        self.entries.len()
    }
    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }
}

impl<'de, T: Deserialize<'de>> Deserialize<'de> for IdMap<T> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V<T>(std::marker::PhantomData<T>);
        impl<'de, T: Deserialize<'de>> Visitor<'de> for V<T> {
            type Value = IdMap<T>;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str(EXPECTING_SECTION)
            }
            fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
                Ok(IdMap::default())
            }
            fn visit_map<A: MapAccess<'de>>(self, mut m: A) -> Result<Self::Value, A::Error> {
                let mut out = IdMap::default();
                let mut repeats: std::collections::HashMap<String, usize> = Default::default();
                while let Some(key) = m.next_key::<KeyString>()? {
                    let key = key.0;
                    let value: T = m.next_value()?;
                    if out.entries.contains_key(key.as_str()) {
                        let n = repeats.entry(key.clone()).or_insert(0);
                        *n += 1;
                        out.duplicates.push((key, *n));
                    } else {
                        out.entries.insert(Id::from(key), value);
                    }
                }
                out.entries.shrink_to_fit();
                Ok(out)
            }
        }
        d.deserialize_any(V(std::marker::PhantomData))
    }
}

/// A whole map file.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Map {
    /// The map id: `[a-z0-9][a-z0-9-]*`.
    pub id: Option<String>,
    /// A title for people.
    pub title: Option<String>,
    /// The text quotes are checked against, relative to the map file.
    pub source: Option<String>,
    /// More files of the same map, relative to this file (`include:`); loading merges
    /// their entries into this map (`crate::parse::include`).
    pub include: Vec<String>,
    /// Works cited: id -> entry.
    pub sources: IdMap<SourceEntry>,
    /// Claims: id -> claim.
    pub claims: IdMap<Node>,
    /// Evidence: id -> evidence; it should cite a source.
    pub evidence: IdMap<Node>,
    /// Rebuttals: id -> rebuttal; it must attack or undercut something.
    pub rebuttals: IdMap<Node>,
    /// `schemes:`: a scheme per link (`"E1 -> C1": expert-opinion`) and the map's own.
    pub schemes: IdMap<SchemeEntry>,
    /// Groups (chapters, sections, themes): id -> group; `None` when `groups:` is not
    /// given. Group ids are their own namespace (see [`Group`]).
    pub groups: Option<IdMap<Group>>,
    /// The order the sections appear in the file.
    pub section_order: Vec<Section>,
    /// Unknown or repeated keys of the map's top level.
    pub problems: Vec<FieldProblem>,
}

impl Map {
    fn set_problems(&mut self, problems: Vec<FieldProblem>) {
        self.problems = problems;
    }
}

/// The keys of a map's top level.
pub(crate) const MAP_FIELDS: &[&str] = &[
    "id",
    "title",
    "source",
    "include",
    "sources",
    "claims",
    "evidence",
    "rebuttals",
    "schemes",
    "groups",
];

struct_visitor!(Map, EXPECTING_MAP, MAP_FIELDS, |key, m, out, p| {
    match key {
        // A null is no value: `source: ~` is no source, not a file named `~`.
        "id" => set_opt(&mut out.id, opt_text(m)?, key, p),
        "title" => set_opt(&mut out.title, opt_text(m)?, key, p),
        "source" => set_opt(&mut out.source, opt_text(m)?, key, p),
        "include" => {
            let v: IdList<ScalarString> = m.next_value()?;
            if out.include.is_empty() {
                out.include = v.0.into_iter().map(|s| s.0).collect();
            } else {
                set(&mut Some(()), (), key, p);
            }
        }
        "schemes" => {
            if out.schemes.is_empty() && out.schemes.duplicates.is_empty() {
                out.schemes = m.next_value()?;
            } else {
                let _: IgnoredAny = m.next_value()?;
                set(&mut Some(()), (), key, p);
            }
        }
        "groups" => {
            if out.groups.is_some() {
                // Keep the first; the repeat is reported as a duplicate key.
                let _: IgnoredAny = m.next_value()?;
                set(&mut Some(()), (), key, p);
            } else {
                out.groups = Some(m.next_value()?);
            }
        }
        _ => {
            let section = match key {
                "sources" => Section::Sources,
                "claims" => Section::Claims,
                "evidence" => Section::Evidence,
                _ => Section::Rebuttals,
            };
            if out.section_order.contains(&section) {
                // Keep the first; the repeat is skipped and reported as a duplicate key.
                let _: IgnoredAny = m.next_value()?;
                set(&mut Some(()), (), key, p);
            } else {
                out.section_order.push(section);
                match section {
                    Section::Sources => out.sources = m.next_value()?,
                    Section::Claims => out.claims = m.next_value()?,
                    Section::Evidence => out.evidence = m.next_value()?,
                    Section::Rebuttals => out.rebuttals = m.next_value()?,
                }
            }
        }
    }
    Ok(())
});

impl Map {
    /// The node sections with their maps, in a fixed order (claims, evidence, rebuttals).
    pub fn node_sections(&self) -> [(Section, &IdMap<Node>); 3] {
        [
            (Section::Claims, &self.claims),
            (Section::Evidence, &self.evidence),
            (Section::Rebuttals, &self.rebuttals),
        ]
    }
    /// Number of claims, evidence items, rebuttals and sources.
    pub fn len(&self) -> usize {
        self.claims.len() + self.evidence.len() + self.rebuttals.len() + self.sources.len()
    }
    /// The groups in document order (none when `groups:` is not given).
    pub fn groups(&self) -> impl Iterator<Item = (&Id, &Group)> + '_ {
        self.groups.iter().flat_map(|g| g.iter())
    }
    /// The group with this id.
    pub fn group(&self, id: &str) -> Option<&Group> {
        self.groups.as_ref().and_then(|g| g.get(id))
    }
    /// Whether the map has no entry at all.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// The JSON Schema of the map format (for editors: yaml-language-server and the like),
/// written by hand in `schema.rs` to say exactly what these visitors accept.
pub fn json_schema() -> serde_json::Value {
    super::schema::json_schema()
}
