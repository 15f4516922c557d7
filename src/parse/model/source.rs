//! Works cited (`sources:` entries) and citations (`cites:` items).

use serde::de::{self, Deserializer, MapAccess, Visitor};
use serde::{Deserialize, Serialize};
use std::fmt;

use super::fields::{opt_text, raw_text, read_fields, set, set_opt, struct_visitor, ScalarString};
use super::{FieldProblem, Id};

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
