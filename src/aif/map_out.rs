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

/// A citation as written to a map: the short form when it has no page or footnote.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum CiteOut {
    Short(String),
    Long {
        source: String,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        at: Option<String>,
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
    pub fn source(&self) -> &str {
        match self {
            CiteOut::Short(s) => s,
            CiteOut::Long { source, .. } => source,
        }
    }
}

/// A claim, evidence item or rebuttal as written to a map.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct NodeOut {
    pub text: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub quote: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub by: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub thesis: Option<bool>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub supports: Vec<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub attacks: Vec<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub undercuts: Vec<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub with: Vec<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub cites: Vec<CiteOut>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub same_as: Vec<String>,
}

/// A map as written by `argmap import` (`present::map_yaml`).
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct MapOut {
    pub id: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    #[serde(skip_serializing_if = "IndexMap::is_empty")]
    pub sources: IndexMap<String, SourceOut>,
    pub claims: IndexMap<String, NodeOut>,
    #[serde(skip_serializing_if = "IndexMap::is_empty")]
    pub evidence: IndexMap<String, NodeOut>,
    #[serde(skip_serializing_if = "IndexMap::is_empty")]
    pub rebuttals: IndexMap<String, NodeOut>,
}
