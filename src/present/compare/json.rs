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
        let mut m = s.serialize_struct("Comparison", 10)?;
        m.serialize_field("schema_version", &c.schema_version)?;
        m.serialize_field("options", &c.options)?;
        m.serialize_field("maps", &c.maps)?;
        m.serialize_field("summary", &summary::summary(c).backquoted())?;
        m.serialize_field("findings", &c.findings)?;
        m.serialize_field("pairs", &c.pairs)?;
        m.serialize_field("only", &c.only)?;
        m.serialize_field("stance", &c.stance)?;
        m.serialize_field("coverage", &c.coverage)?;
        m.serialize_field("conflicts", &c.conflicts)?;
        m.end()
    }
}
