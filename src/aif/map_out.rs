//! The map as `argmap import` writes it: owned, serialisable twins of the map model's
//! nodes, sources and citations, filled by the AIF import and written as YAML by
//! `present::map_yaml`. Plain data (it depends only on the map model, for the
//! conversions), so the import (the parse stage) can build it and a presenter write it.
//! Its source entries and citations also ride in the `argmap` members of AIF.

use indexmap::IndexMap;
use serde::{Deserialize, Serialize};

/// A source entry as written to a map (and kept in AIF's `argmap` member): the map
/// model's own list of a source's fields.
pub use crate::parse::model::SourceDetails as SourceOut;

/// A group entry as written to a map (and kept in AIF's `argmap` member): the map
/// model's own list of a group's fields (`title`, `in`, `note`).
pub use crate::parse::model::GroupDetails as GroupOut;

/// A citation as written to a map: the short form when it has no page or footnote.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum CiteOut {
    /// The source id alone: `cites: [smith]`.
    Short(String),
    /// The long form: `cites: [{source: smith, at: "p. 4", footnote: "12"}]`.
    Long {
        /// The id of the source cited.
        source: String,
        /// The page or place.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        at: Option<String>,
        /// The footnote number.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        footnote: Option<String>,
    },
}

impl From<&crate::parse::model::Cite> for CiteOut {
    /// The short form when the citation has no page or footnote.
    fn from(c: &crate::parse::model::Cite) -> CiteOut {
        if c.at.is_none() && c.footnote.is_none() {
            CiteOut::Short(c.source.to_string())
        } else {
            CiteOut::Long {
                source: c.source.to_string(),
                at: c.at.as_deref().map(String::from),
                footnote: c.footnote.as_deref().map(String::from),
            }
        }
    }
}

impl CiteOut {
    /// The cited source id.
    pub(crate) fn source(&self) -> &str {
        match self {
            CiteOut::Short(s) => s,
            CiteOut::Long { source, .. } => source,
        }
    }
}

/// A claim, evidence item or rebuttal as written to a map: each field as the map file
/// names it, left out when empty.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct NodeOut {
    /// What the node says.
    pub text: String,
    /// A verbatim passage of the map's source.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub quote: Option<String>,
    /// Who holds the claim.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub by: Option<String>,
    /// A remark of the map's author.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// The `thesis` flag; none writes no `thesis` line.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub thesis: Option<bool>,
    /// Ids of the nodes this node supports.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub supports: Vec<String>,
    /// Ids of the nodes this node attacks.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub attacks: Vec<String>,
    /// Links `A -> B` whose inference this node attacks.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub undercuts: Vec<String>,
    /// Ids of its co-premises in a linked argument.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub with: Vec<String>,
    /// The sources it cites.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub cites: Vec<CiteOut>,
    /// `map-id:NODE`: the same proposition, in this map or another.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub same_as: Vec<String>,
    /// `other-map-id:NODE`: a node of another map that this node contradicts.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub contradicts: Vec<String>,
    /// The group it is placed in.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub group: Option<String>,
    /// `implicit`: a premise the text leaves unstated.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub implicit: Option<bool>,
    /// The scheme of its arguments.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub scheme: Option<String>,
    /// The critical question it answers.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub answers: Option<String>,
}

/// A `schemes:` entry as written to a map (and kept in AIF's `argmap` member): a link's
/// scheme id, or a scheme of the map's own.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum SchemeOut {
    /// `"A -> B": scheme-id`.
    Link(String),
    /// A scheme the map defines.
    Define {
        /// Its title.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        title: Option<String>,
        /// Its premise roles.
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        premises: Vec<String>,
        /// Its conclusion.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        conclusion: Option<String>,
        /// Its critical questions: id → question.
        #[serde(default, skip_serializing_if = "IndexMap::is_empty")]
        questions: IndexMap<String, String>,
    },
}

impl From<&crate::parse::model::SchemeEntry> for SchemeOut {
    fn from(e: &crate::parse::model::SchemeEntry) -> SchemeOut {
        match e {
            crate::parse::model::SchemeEntry::Link(s) => SchemeOut::Link(s.to_string()),
            crate::parse::model::SchemeEntry::Define(d) => SchemeOut::Define {
                title: d.title.clone(),
                premises: d.premises.clone(),
                conclusion: d.conclusion.clone(),
                questions: d
                    .questions
                    .iter()
                    .map(|(q, t)| (q.to_string(), t.0.clone()))
                    .collect(),
            },
        }
    }
}

/// A map as written by `argmap import` (`present::map_yaml`): its top-level fields and
/// its three sections of nodes, each id → node in the order written.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct MapOut {
    /// The map id.
    pub id: String,
    /// A title for people.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// The text quotes are checked against, relative to the map file.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    /// Works cited: id → entry.
    #[serde(skip_serializing_if = "IndexMap::is_empty")]
    pub sources: IndexMap<String, SourceOut>,
    /// Groups: id → entry (`None`: no `groups:` written).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub groups: Option<IndexMap<String, GroupOut>>,
    /// The claims (written as `claims: {}` when there are none).
    pub claims: IndexMap<String, NodeOut>,
    /// The evidence items.
    #[serde(skip_serializing_if = "IndexMap::is_empty")]
    pub evidence: IndexMap<String, NodeOut>,
    /// The rebuttals.
    #[serde(skip_serializing_if = "IndexMap::is_empty")]
    pub rebuttals: IndexMap<String, NodeOut>,
    /// The `schemes:` section: links' schemes and the map's own.
    #[serde(skip_serializing_if = "IndexMap::is_empty")]
    pub schemes: IndexMap<String, SchemeOut>,
}
