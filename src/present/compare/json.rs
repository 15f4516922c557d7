//! The JSON document of `argmap compare --format json`: the [`Comparison`] as it
//! serialises, with the summary's sentences (`summary`, ids between backquotes) after
//! `maps`, where version 1 of the schema has them.

use super::summary;
use crate::analyse::compare::Comparison;
use serde::ser::{Serialize, SerializeStruct, Serializer};

/// The JSON document of a comparison: serialise it (`present::json::write_json`).
pub fn json<'c, 'a>(c: &'c Comparison<'a>) -> Json<'c, 'a> {
    Json(c)
}

/// A [`Comparison`] with its summary sentences, as `argmap compare --format json` writes
/// it (made by [`json`]).
pub struct Json<'c, 'a>(&'c Comparison<'a>);

impl Serialize for Json<'_, '_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let c = self.0;
        let mut m = s.serialize_struct("Comparison", 13)?;
        m.serialize_field("schema_version", &c.schema_version)?;
        m.serialize_field("options", &c.options)?;
        m.serialize_field("maps", &c.maps)?;
        let sum = summary::summary(c);
        m.serialize_field("summary", &sum.backquoted())?;
        let sentences: Vec<SentenceJson> = sum
            .paragraphs
            .iter()
            .enumerate()
            .flat_map(|(i, p)| {
                p.iter().map(move |s| SentenceJson {
                    paragraph: i,
                    text: s.prose.backquoted(),
                    findings: &s.findings,
                })
            })
            .collect();
        m.serialize_field("sentences", &sentences)?;
        m.serialize_field("findings", &c.findings)?;
        m.serialize_field("pairs", &c.pairs)?;
        m.serialize_field("only", &c.only)?;
        m.serialize_field("stance", &c.stance)?;
        m.serialize_field("coverage", &c.coverage)?;
        m.serialize_field("conflicts", &c.conflicts)?;
        m.serialize_field("contradicting", &c.contradicting)?;
        m.serialize_field("contradicts", &c.contradicts)?;
        m.end()
    }
}

/// One summary sentence in JSON: its paragraph (0: the first), its text (ids between
/// backquotes) and the ids of the findings it states.
#[derive(serde::Serialize)]
struct SentenceJson<'s> {
    paragraph: usize,
    text: String,
    findings: &'s [String],
}
