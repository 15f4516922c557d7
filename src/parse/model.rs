//! The typed map: what a map file says, as serde reads it.
//!
//! Deserialisation is hand-written for the mappings so that an unknown or repeated field
//! does not stop the load: it is recorded in `problems` and reported by the schema check
//! with its exact position, next to every other finding. Wrong types do stop the load
//! (serde cannot go on past them) and are reported at the value (see `deserializer/`).

use indexmap::IndexMap;
use serde::de::{self, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde::{Deserialize, Serialize};
use std::fmt;

use super::deserializer::{RAW_KEY, RAW_TEXT};

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
                f.write_str("a mapping of ids to entries")
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

/// Reads the next node with `visitor`, its scalar (if it is one) given as the text the
/// author wrote: with argmap's deserializer a plain `1.10` is the string `1.10`, not the
/// number 1.1 (see [`RAW_TEXT`]). Other deserializers resolve the scalar as they do.
fn raw_text<'de, D: Deserializer<'de>, V: Visitor<'de>>(
    d: D,
    visitor: V,
) -> Result<V::Value, D::Error> {
    raw(d, RAW_TEXT, visitor)
}

fn raw<'de, D: Deserializer<'de>, V: Visitor<'de>>(
    d: D,
    name: &'static str,
    visitor: V,
) -> Result<V::Value, D::Error> {
    struct Raw<V>(V);
    impl<'de, V: Visitor<'de>> Visitor<'de> for Raw<V> {
        type Value = V::Value;
        fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
            self.0.expecting(f)
        }
        fn visit_newtype_struct<D: Deserializer<'de>>(self, d: D) -> Result<V::Value, D::Error> {
            d.deserialize_any(self.0)
        }
    }
    d.deserialize_newtype_struct(name, Raw(visitor))
}

/// A scalar read as text, exactly as written: `129`, `"129"`, `1.10`, `007` and `true`
/// all give the characters between their delimiters; a null (`~`, nothing) gives the
/// empty string.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct ScalarString(pub String);

impl<'de> Deserialize<'de> for ScalarString {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        scalar_string(d, RAW_TEXT)
    }
}

/// A mapping key read as text, exactly as written, a null one too: `~:` is the key `~`
/// (and the empty key is `""`), so that messages name it and can locate it.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct KeyString(pub String);

impl<'de> Deserialize<'de> for KeyString {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        scalar_string(d, RAW_KEY).map(|s| KeyString(s.0))
    }
}

fn scalar_string<'de, D: Deserializer<'de>>(
    d: D,
    name: &'static str,
) -> Result<ScalarString, D::Error> {
    {
        struct V;
        impl Visitor<'_> for V {
            type Value = ScalarString;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a string or a number")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<ScalarString, E> {
                Ok(ScalarString(v.to_string()))
            }
            fn visit_string<E: de::Error>(self, v: String) -> Result<ScalarString, E> {
                Ok(ScalarString(v))
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<ScalarString, E> {
                Ok(ScalarString(v.to_string()))
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<ScalarString, E> {
                Ok(ScalarString(v.to_string()))
            }
            fn visit_f64<E: de::Error>(self, v: f64) -> Result<ScalarString, E> {
                Ok(ScalarString(v.to_string()))
            }
            fn visit_bool<E: de::Error>(self, v: bool) -> Result<ScalarString, E> {
                Ok(ScalarString(v.to_string()))
            }
            fn visit_unit<E: de::Error>(self) -> Result<ScalarString, E> {
                Ok(ScalarString(String::new()))
            }
        }
        raw(d, name, V)
    }
}

/// Records `value` into `slot`, or a duplicate-field problem when it is already set.
fn set<T>(slot: &mut Option<T>, value: T, key: &str, problems: &mut Vec<FieldProblem>) {
    if slot.is_some() {
        let occurrence = 1 + problems
            .iter()
            .filter(|p| matches!(p, FieldProblem::Duplicate { key: k, .. } if k == key))
            .count();
        problems.push(FieldProblem::Duplicate {
            key: key.to_string(),
            occurrence,
        });
    } else {
        *slot = Some(value);
    }
}

/// Records an optional text: a null value (`title: ~`, or nothing) is no value, though it
/// still repeats a field that was given.
fn set_opt<T>(slot: &mut Option<T>, value: Option<T>, key: &str, problems: &mut Vec<FieldProblem>) {
    match value {
        Some(v) => set(slot, v, key, problems),
        None if slot.is_some() => set(&mut Some(()), (), key, problems),
        None => {}
    }
}

/// An optional text field's value: `None` for a null.
fn opt_text<'de, A: MapAccess<'de>>(m: &mut A) -> Result<Option<String>, A::Error> {
    Ok(m.next_value::<Option<ScalarString>>()?.map(|s| s.0))
}

/// Reads the fields of a mapping with a per-key closure; unknown keys are skipped and
/// recorded. Used by every hand-written struct visitor below.
fn read_fields<'de, A: MapAccess<'de>>(
    mut m: A,
    known: &[&str],
    problems: &mut Vec<FieldProblem>,
    mut field: impl FnMut(&str, &mut A, &mut Vec<FieldProblem>) -> Result<(), A::Error>,
) -> Result<(), A::Error> {
    while let Some(key) = m.next_key::<KeyString>()? {
        let key = key.0;
        if known.contains(&key.as_str()) {
            field(&key, &mut m, problems)?;
        } else {
            m.next_value::<IgnoredAny>()?;
            problems.push(FieldProblem::Unknown(key));
        }
    }
    Ok(())
}

macro_rules! struct_visitor {
    ($ty:ident, $name:literal, $fields:expr, |$key:ident, $m:ident, $out:ident, $p:ident| $body:block) => {
        impl<'de> Deserialize<'de> for $ty {
            fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                struct V;
                impl<'de> Visitor<'de> for V {
                    type Value = $ty;
                    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                        f.write_str($name)
                    }
                    /// A null value (`T1:` with nothing after it) is an empty mapping,
                    /// as serde_yaml reads it: the checks then say what it lacks.
                    fn visit_unit<E: de::Error>(self) -> Result<$ty, E> {
                        Ok($ty::default())
                    }
                    fn visit_map<A: MapAccess<'de>>(self, m: A) -> Result<$ty, A::Error> {
                        let mut $out = $ty::default();
                        let mut problems = Vec::new();
                        read_fields(m, $fields, &mut problems, |$key, $m, $p| $body)?;
                        $out.set_problems(problems);
                        Ok($out)
                    }
                }
                d.deserialize_map(V)
            }
        }
    };
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
    /// Works cited: id -> entry.
    pub sources: IdMap<SourceEntry>,
    /// Claims: id -> claim.
    pub claims: IdMap<Node>,
    /// Evidence: id -> evidence; it should cite a source.
    pub evidence: IdMap<Node>,
    /// Rebuttals: id -> rebuttal; it must attack or undercut something.
    pub rebuttals: IdMap<Node>,
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
    "sources",
    "claims",
    "evidence",
    "rebuttals",
];

struct_visitor!(
    Map,
    "a map (a mapping with id, claims, ...)",
    MAP_FIELDS,
    |key, m, out, p| {
        match key {
            // A null is no value: `source: ~` is no source, not a file named `~`.
            "id" => set_opt(&mut out.id, opt_text(m)?, key, p),
            "title" => set_opt(&mut out.title, opt_text(m)?, key, p),
            "source" => set_opt(&mut out.source, opt_text(m)?, key, p),
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
    }
);

/// A work cited.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct SourceEntry {
    /// What the entry says of the work.
    pub details: SourceDetails,
    /// Unknown or repeated keys of the entry.
    pub problems: Vec<FieldProblem>,
}

impl SourceEntry {
    fn set_problems(&mut self, problems: Vec<FieldProblem>) {
        self.problems = problems;
    }
    /// What names the work: its title, else its note.
    pub fn name(&self) -> Option<&str> {
        let d = &self.details;
        d.title.as_deref().or(d.note.as_deref())
    }
}

/// The fields of a source entry, each as written: the one list of them, read from a map
/// ([`SourceEntry`]), written to a map (`argmap import`), to AIF's `argmap` member (where
/// serde reads and writes it, leaving out what is missing) and to the JSON export.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SourceDetails {
    /// Who wrote it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub author: Option<String>,
    /// The title; a source needs a title or a note.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// When it appeared.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub year: Option<String>,
    /// Who published it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub publisher: Option<String>,
    /// Where it is online.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// What is known of the source when its title is not (e.g. a lost footnote).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

impl SourceDetails {
    /// Each field under its key, in the order maps write them.
    pub fn fields(&self) -> [(&'static str, Option<&str>); 6] {
        [
            ("author", self.author.as_deref()),
            ("title", self.title.as_deref()),
            ("year", self.year.as_deref()),
            ("publisher", self.publisher.as_deref()),
            ("url", self.url.as_deref()),
            ("note", self.note.as_deref()),
        ]
    }
}

/// The keys of a source entry.
pub(crate) const SOURCE_FIELDS: &[&str] = &["author", "title", "year", "publisher", "url", "note"];

struct_visitor!(
    SourceEntry,
    "a source (a mapping with title or note)",
    SOURCE_FIELDS,
    |key, m, out, p| {
        let v = opt_text(m)?;
        let d = &mut out.details;
        let slot = match key {
            "author" => &mut d.author,
            "title" => &mut d.title,
            "year" => &mut d.year,
            "publisher" => &mut d.publisher,
            "url" => &mut d.url,
            _ => &mut d.note,
        };
        set_opt(slot, v, key, p);
        Ok(())
    }
);

/// A citation: a source id, with an optional page (`at`) and footnote number.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Cite {
    /// The id of the source cited.
    pub source: Id,
    // Pages and footnote numbers are short: stored inline, without an allocation.
    /// The page or place (`at`).
    pub at: Option<Id>,
    /// The footnote number.
    pub footnote: Option<Id>,
    /// Whether the long form `{source, at, footnote}` was used.
    pub long: bool,
    /// Unknown or repeated keys of the long form.
    pub problems: Box<[FieldProblem]>,
}

/// The keys of a citation's long form.
pub(crate) const CITE_FIELDS: &[&str] = &["source", "at", "footnote"];

impl<'de> Deserialize<'de> for Cite {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Cite;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a source id or a mapping {source, at, footnote}")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Cite, E> {
                Ok(Cite {
                    source: Id::from(v),
                    ..Cite::default()
                })
            }
            fn visit_map<A: MapAccess<'de>>(self, m: A) -> Result<Cite, A::Error> {
                let mut out = Cite {
                    long: true,
                    ..Cite::default()
                };
                let mut source = None;
                let mut problems = Vec::new();
                read_fields(m, CITE_FIELDS, &mut problems, |key, m, p| {
                    match key {
                        // A null source names none: a dangling reference, as in lists.
                        "source" => set(&mut source, m.next_value::<ScalarString>()?.0, key, p),
                        "at" => set_opt(&mut out.at, opt_text(m)?.map(Id::from), key, p),
                        _ => set_opt(&mut out.footnote, opt_text(m)?.map(Id::from), key, p),
                    }
                    Ok(())
                })?;
                out.source = source
                    .map(Id::from)
                    .ok_or_else(|| de::Error::missing_field("source"))?;
                out.problems = problems.into_boxed_slice();
                Ok(out)
            }
        }
        raw_text(d, V)
    }
}

/// A claim, an evidence item or a rebuttal.
// The fields most nodes leave out live in `NodeMore`, boxed, so that a node without them
// takes half the memory (136 bytes instead of 272; a map holds up to millions of nodes):
// read them through the accessors (`Node::by`, `Node::undercuts`, ...).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Node {
    /// What the node says, in one sentence (required, non-empty).
    pub text: Option<Box<str>>,
    /// A verbatim passage of the map's `source`.
    pub quote: Option<Box<str>>,
    /// This claim is (one of) the map's main thesis.
    pub thesis: Option<bool>,
    // Texts and lists are boxed (`Box<str>`, `Box<[T]>`), not `String`s and `Vec`s: 8 bytes
    // less each, for a value that every node of a large map has (docs/performance.md).
    /// Ids this node supports.
    pub supports: Box<[Id]>,
    /// Ids this node attacks.
    pub attacks: Box<[Id]>,
    /// Sources this node cites.
    pub cites: Box<[Cite]>,
    /// The rarely given fields; `None` when the node has none of them.
    pub more: Option<Box<NodeMore>>,
}

/// The fields of a node that most nodes leave out.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct NodeMore {
    /// Who holds the claim (default: the author of the text).
    pub by: Option<String>,
    /// A remark of the map's author (`note`).
    pub note: Option<String>,
    /// Links `A -> B` whose inference this node attacks.
    pub undercuts: Vec<Id>,
    /// Co-premises of a linked argument.
    pub with: Vec<Id>,
    /// `other-map-id:NODE`: the same proposition in another map.
    pub same_as: Vec<Id>,
    /// Unknown or repeated keys of the node.
    pub problems: Vec<FieldProblem>,
}

impl Node {
    fn set_problems(&mut self, problems: Vec<FieldProblem>) {
        if !problems.is_empty() {
            self.more_mut().problems = problems;
        }
    }

    /// Who holds the claim, when the map says.
    pub fn by(&self) -> Option<&str> {
        self.more.as_ref().and_then(|m| m.by.as_deref())
    }
    /// The node's `note`, when it has one.
    pub fn note(&self) -> Option<&str> {
        self.more.as_ref().and_then(|m| m.note.as_deref())
    }
    /// Links `A -> B` whose inference this node attacks.
    pub fn undercuts(&self) -> &[Id] {
        self.more.as_ref().map_or(&[], |m| &m.undercuts)
    }
    /// Co-premises of a linked argument.
    pub fn with(&self) -> &[Id] {
        self.more.as_ref().map_or(&[], |m| &m.with)
    }
    /// `other-map-id:NODE` references.
    pub fn same_as(&self) -> &[Id] {
        self.more.as_ref().map_or(&[], |m| &m.same_as)
    }
    /// Unknown and repeated fields met while reading the node.
    pub fn problems(&self) -> &[FieldProblem] {
        self.more.as_ref().map_or(&[], |m| &m.problems)
    }
    /// The rare fields, created empty when the node has none yet.
    pub fn more_mut(&mut self) -> &mut NodeMore {
        self.more.get_or_insert_with(Default::default)
    }
}

/// The keys of a claim, evidence item or rebuttal.
pub(crate) const NODE_FIELDS: &[&str] = &[
    "text",
    "quote",
    "by",
    "note",
    "thesis",
    "supports",
    "attacks",
    "undercuts",
    "with",
    "cites",
    "same_as",
];

struct_visitor!(
    Node,
    "a node (a mapping with text, ...)",
    NODE_FIELDS,
    |key, m, out, p| {
        match key {
            "text" => set(
                &mut out.text,
                m.next_value::<ScalarString>()?.0.into(),
                key,
                p,
            ),
            "quote" => set(
                &mut out.quote,
                m.next_value::<ScalarString>()?.0.into(),
                key,
                p,
            ),
            "by" | "note" => {
                let v = opt_text(m)?;
                // A null needs no box, unless it repeats a field given before.
                if v.is_some() || out.more.is_some() {
                    let more = out.more_mut();
                    let slot = if key == "by" {
                        &mut more.by
                    } else {
                        &mut more.note
                    };
                    set_opt(slot, v, key, p);
                }
            }
            "thesis" => set(&mut out.thesis, m.next_value::<bool>()?, key, p),
            "cites" => {
                let v: IdList<Cite> = m.next_value()?;
                if !out.cites.is_empty() {
                    set(&mut Some(()), (), key, p);
                } else {
                    out.cites = v.0.into_boxed_slice();
                }
            }
            _ => {
                let v: IdList<ScalarString> = m.next_value()?;
                if v.0.is_empty() && out.more.is_none() && !matches!(key, "supports" | "attacks") {
                    // An empty list of a rare field needs no box (an empty list counts as
                    // not given, here as below).
                    return Ok(());
                }
                let ids = || v.0.into_iter().map(|s| Id::from(s.0));
                let list = match key {
                    "supports" => Some(&mut out.supports),
                    "attacks" => Some(&mut out.attacks),
                    _ => None,
                };
                if let Some(list) = list {
                    if list.is_empty() {
                        *list = ids().collect();
                    } else {
                        set(&mut Some(()), (), key, p);
                    }
                    return Ok(());
                }
                let slot = match key {
                    "undercuts" => &mut out.more_mut().undercuts,
                    "with" => &mut out.more_mut().with,
                    _ => &mut out.more_mut().same_as,
                };
                if slot.is_empty() {
                    *slot = ids().collect();
                } else {
                    set(&mut Some(()), (), key, p);
                }
            }
        }
        Ok(())
    }
);

/// A list; a null value (`supports:` with nothing after it) is an empty list.
struct IdList<T>(Vec<T>);

impl<'de, T: Deserialize<'de>> Deserialize<'de> for IdList<T> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V<T>(std::marker::PhantomData<T>);
        impl<'de, T: Deserialize<'de>> Visitor<'de> for V<T> {
            type Value = IdList<T>;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a list")
            }
            fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
                Ok(IdList(Vec::new()))
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut s: A) -> Result<Self::Value, A::Error> {
                let mut v = Vec::with_capacity(s.size_hint().unwrap_or(0).min(64));
                while let Some(x) = s.next_element()? {
                    v.push(x);
                }
                // Most lists hold one or two ids: no spare capacity kept per node.
                v.shrink_to_fit();
                Ok(IdList(v))
            }
        }
        // A scalar where a list belongs is named as written in the error (`"007"`).
        raw_text(d, V(std::marker::PhantomData))
    }
}

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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_source_lists_its_fields_under_the_keys_maps_write() {
        let keys: Vec<&str> = SourceDetails::default()
            .fields()
            .iter()
            .map(|(k, _)| *k)
            .collect();
        assert_eq!(keys, SOURCE_FIELDS);
        let s: SourceEntry =
            crate::parse::deserializer::from_str("{author: A, year: 1999, note: lost}")
                .expect("a source");
        assert_eq!(s.name(), Some("lost"));
        assert_eq!(
            s.details.fields().map(|(_, v)| v),
            [Some("A"), None, Some("1999"), None, None, Some("lost")]
        );
        // The JSON and AIF writers name the same fields.
        let json = serde_json::to_value(&s.details).expect("serialises");
        assert_eq!(
            json,
            serde_json::json!({"author": "A", "year": "1999", "note": "lost"})
        );
    }
}
