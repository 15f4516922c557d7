//! Groups (`groups:` entries): chapters, sections and themes that nodes are placed in
//! with `group:`.
//!
//! Group ids are their own namespace: `group:` and `in:` name groups only, and links
//! (`supports`, `cites`...) name nodes and sources only, so a group `ch1` and a claim
//! `ch1` never clash. A group id follows the rules of node ids.

use serde::de::{self, Deserializer, MapAccess, Visitor};
use serde::{Deserialize, Serialize};
use std::fmt;

use super::fields::{opt_text, read_fields, set_opt, struct_visitor};
use super::FieldProblem;

/// A group of nodes: a chapter, a section, a theme.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Group {
    /// What the entry says of the group.
    pub details: GroupDetails,
    /// Unknown or repeated keys of the entry.
    pub problems: Vec<FieldProblem>,
}

impl Group {
    fn set_problems(&mut self, problems: Vec<FieldProblem>) {
        self.problems = problems;
    }
    /// The group's title (required; `None` when missing, which `schema` reports).
    pub fn title(&self) -> Option<&str> {
        self.details.title.as_deref()
    }
    /// The parent group's id (`in:`), as written.
    pub fn parent(&self) -> Option<&str> {
        self.details.parent.as_deref()
    }
    /// The group's `note`.
    pub fn note(&self) -> Option<&str> {
        self.details.note.as_deref()
    }
}

/// The fields of a group entry, each as written: read from a map ([`Group`]), written to a
/// map (`argmap import`), to AIF's `argmap` member and to the JSON export.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct GroupDetails {
    /// The title (required).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// The parent group (`in:`).
    #[serde(default, rename = "in", skip_serializing_if = "Option::is_none")]
    pub parent: Option<String>,
    /// A remark of the map's author.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

impl GroupDetails {
    /// Each field under its key, in the order maps write them.
    pub fn fields(&self) -> [(&'static str, Option<&str>); 3] {
        [
            ("title", self.title.as_deref()),
            ("in", self.parent.as_deref()),
            ("note", self.note.as_deref()),
        ]
    }
}

/// The keys of a group entry.
pub(crate) const GROUP_FIELDS: &[&str] = &["title", "in", "note"];

struct_visitor!(
    Group,
    "a group (a mapping with title, in, note)",
    GROUP_FIELDS,
    |key, m, out, p| {
        let v = opt_text(m)?;
        let d = &mut out.details;
        let slot = match key {
            "title" => &mut d.title,
            "in" => &mut d.parent,
            _ => &mut d.note,
        };
        set_opt(slot, v, key, p);
        Ok(())
    }
);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_group_reads_its_fields_and_records_unknown_ones() {
        let g: Group = crate::parse::deserializer::from_str("{title: Ch 1, in: book, nte: x}")
            .expect("a group");
        assert_eq!(g.title(), Some("Ch 1"));
        assert_eq!(g.parent(), Some("book"));
        assert_eq!(g.note(), None);
        assert_eq!(g.problems, [FieldProblem::Unknown("nte".into())]);
        let keys: Vec<&str> = g.details.fields().iter().map(|(k, _)| *k).collect();
        assert_eq!(keys, GROUP_FIELDS);
        let json = serde_json::to_value(&g.details).expect("serialises");
        assert_eq!(json, serde_json::json!({"title": "Ch 1", "in": "book"}));
    }
}
