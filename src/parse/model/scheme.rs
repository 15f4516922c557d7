//! The top-level `schemes:` section: a scheme per link (`"E1 -> C1": expert-opinion`) and
//! the map's own schemes (an id with a mapping: `title`, `premises`, `conclusion`,
//! `questions`).

use serde::de::value::MapAccessDeserializer;
use serde::de::{self, Deserializer, MapAccess, Visitor};
use serde::Deserialize;
use std::fmt;

use super::fields::{
    opt_text, raw_text, read_fields, set, set_opt, struct_visitor, IdList, ScalarString,
};
use super::{FieldProblem, Id, IdMap};

/// One entry of `schemes:`: a link's scheme, or a scheme of the map's own.
#[derive(Clone, Debug, PartialEq)]
pub enum SchemeEntry {
    /// `"A -> B": scheme-id`: the scheme of the argument that carries the link `A -> B`.
    Link(Id),
    /// `my-scheme: {title, premises, conclusion, questions}`: a scheme the map defines.
    Define(SchemeDef),
}

/// A scheme a map defines in `schemes:`.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct SchemeDef {
    /// Its name for people.
    pub title: Option<String>,
    /// The premise roles, in order (what each premise of such an argument states).
    pub premises: Vec<String>,
    /// What such an argument concludes.
    pub conclusion: Option<String>,
    /// Its critical questions: id (`CQ-...`) -> question.
    pub questions: IdMap<ScalarString>,
    /// Unknown or repeated keys of the definition.
    pub problems: Vec<FieldProblem>,
}

impl SchemeDef {
    fn set_problems(&mut self, problems: Vec<FieldProblem>) {
        self.problems = problems;
    }
}

/// The keys of a scheme definition.
pub(crate) const SCHEME_FIELDS: &[&str] = &["title", "premises", "conclusion", "questions"];

struct_visitor!(
    SchemeDef,
    "a scheme (a mapping with title, premises, conclusion, questions)",
    SCHEME_FIELDS,
    |key, m, out, p| {
        match key {
            "title" => set_opt(&mut out.title, opt_text(m)?, key, p),
            "conclusion" => set_opt(&mut out.conclusion, opt_text(m)?, key, p),
            "premises" => {
                let v: IdList<ScalarString> = m.next_value()?;
                if out.premises.is_empty() {
                    out.premises = v.0.into_iter().map(|s| s.0).collect();
                } else {
                    set(&mut Some(()), (), key, p);
                }
            }
            _ => {
                let v: IdMap<ScalarString> = m.next_value()?;
                if out.questions.is_empty() {
                    out.questions = v;
                } else {
                    set(&mut Some(()), (), key, p);
                }
            }
        }
        Ok(())
    }
);

impl<'de> Deserialize<'de> for SchemeEntry {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = SchemeEntry;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a scheme id (for a link) or a scheme (a mapping with title, ...)")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<SchemeEntry, E> {
                Ok(SchemeEntry::Link(Id::from(v)))
            }
            fn visit_unit<E: de::Error>(self) -> Result<SchemeEntry, E> {
                Ok(SchemeEntry::Link(Id::default()))
            }
            fn visit_map<A: MapAccess<'de>>(self, m: A) -> Result<SchemeEntry, A::Error> {
                SchemeDef::deserialize(MapAccessDeserializer::new(m)).map(SchemeEntry::Define)
            }
        }
        raw_text(d, V)
    }
}
