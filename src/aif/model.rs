//! The AIF JSON model: the serde types of an AIF document (AIFdb's node-edge form), as
//! the import reads them and the export writes them. Plain data.
//!
//! Reading is tolerant where real files differ: ids may be strings or numbers;
//! `locutions`, `scheme`, `schemeID`, `timestamp` and `formEdgeID` may be missing (and
//! are ignored). An optional `argmap` member on the document and on I-nodes carries what
//! AIF has no place for (node kind and id, thesis, quote, citations, sources), so a map
//! exported by argmap imports back unchanged; other AIF tools ignore it.

use super::map_out::{CiteOut, GroupOut, SourceOut};
use indexmap::IndexMap;
use serde::de::{self, Deserializer, Visitor};
use serde::{Deserialize, Serialize, Serializer};
use std::fmt;

/// An AIF id: written as a string, read from a string or a number (a number read as
/// its decimal text: `7` is `"7"`).
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub struct AifId(
    /// The id's text.
    pub String,
);

impl Serialize for AifId {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.0)
    }
}

impl<'de> Deserialize<'de> for AifId {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl Visitor<'_> for V {
            type Value = AifId;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("an id (a string or a number)")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<AifId, E> {
                Ok(AifId(v.to_string()))
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<AifId, E> {
                Ok(AifId(v.to_string()))
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<AifId, E> {
                Ok(AifId(v.to_string()))
            }
            fn visit_f64<E: de::Error>(self, v: f64) -> Result<AifId, E> {
                Ok(AifId(v.to_string()))
            }
        }
        d.deserialize_any(V)
    }
}

impl fmt::Display for AifId {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// An AIF document: its nodes and the edges between them.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
pub struct Aif {
    /// Every node, in file order: I-nodes, S-nodes and dialogue nodes alike.
    pub nodes: Vec<AifNode>,
    /// Every edge, in file order; each names its ends by node id.
    pub edges: Vec<AifEdge>,
    /// Dialogue locutions: read and ignored; written as `[]`.
    #[serde(default)]
    pub locutions: serde_json::Value,
    /// argmap's own map details (not part of AIF).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub argmap: Option<MapExt>,
}

/// An AIF node: an I-node (information) or an S-node (RA inference, CA conflict, MA
/// rephrase), or dialogue machinery (L, YA, TA...).
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
pub struct AifNode {
    /// The node's id (`nodeID`), unique in the document.
    #[serde(rename = "nodeID")]
    pub node_id: AifId,
    /// What the node says: an I-node's proposition, an S-node's scheme name ("Default
    /// Inference"...); an I-node without it cannot be imported.
    #[serde(default)]
    pub text: Option<String>,
    /// The node type (`type`) as written: `I`, `RA`, `CA`, `MA`, `L`, `YA`, `TA`...
    #[serde(rename = "type")]
    pub kind: String,
    /// argmap's own node details (not part of AIF).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub argmap: Option<NodeExt>,
    /// An RA node's argumentation scheme, as AIFdb names it (`PositionToKnow`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scheme: Option<String>,
}

/// An AIF edge: from one node to another (premise to S-node, S-node to conclusion...).
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
pub struct AifEdge {
    /// The edge's id (`edgeID`), when the file gives one; only messages use it.
    #[serde(rename = "edgeID", default)]
    pub edge_id: Option<AifId>,
    /// The id of the node the edge comes from (`fromID`).
    #[serde(rename = "fromID")]
    pub from_id: AifId,
    /// The id of the node the edge goes to (`toID`).
    #[serde(rename = "toID")]
    pub to_id: AifId,
}

/// argmap details of a whole map, kept in an AIF document.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct MapExt {
    /// The map's `id` (the import uses it when valid and no `--id` is given).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// The map's `title`; none when the map had none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// The map's `source` text, as the map wrote it (relative to the map file).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    /// The map's `sources`: id → entry, in map order.
    #[serde(default, skip_serializing_if = "IndexMap::is_empty")]
    pub sources: IndexMap<String, SourceOut>,
    /// The map's `schemes:` entries as written (links' schemes and its own schemes).
    #[serde(default, skip_serializing_if = "IndexMap::is_empty")]
    pub schemes: IndexMap<String, super::map_out::SchemeOut>,
    /// The map's `groups`: id → entry, in map order; none when the map had no `groups:`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub groups: Option<IndexMap<String, GroupOut>>,
}

/// argmap details of one I-node.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct NodeExt {
    /// The node's id in the map (`T1`); the import keeps it when valid.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// `claim`, `evidence` or `rebuttal`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<String>,
    /// The `thesis` flag as the map wrote it (`false` included); none when not written.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub thesis: Option<bool>,
    /// The node's `quote`: a verbatim passage of the map's source.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub quote: Option<String>,
    /// The node's `by`: who holds the claim.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub by: Option<String>,
    /// The node's `note`: a remark of the map's author.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// The node's citations, in the form the map wrote them.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub cites: Vec<CiteOut>,
    /// `same_as` references to nodes of other maps (those within the map are MA nodes).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub same_as: Vec<String>,
    /// `contradicts` references to nodes of other maps, as written (AIF has no place
    /// for a relation to another map's node).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub contradicts: Vec<String>,
    /// The links `A -> B` the node undercuts, as the map names them: AIF undercuts a whole
    /// inference (its S-node), which may hold several links of a linked argument.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub undercuts: Vec<String>,
    /// The co-premises the node names in `with`: AIF has the linked group (one S-node),
    /// not which member named which.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub with: Vec<String>,
    /// The `implicit` flag as written.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub implicit: Option<bool>,
    /// The node's `scheme:` as written.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scheme: Option<String>,
    /// The node's `answers:` as written.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub answers: Option<String>,
    /// The group the node is placed in (`group:`), as written.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub group: Option<String>,
}

/// Why an AIF file cannot be imported: not AIF JSON ([`parse`]) or AIF no map can come
/// from ([`super::import()`]: two nodes with one id, an I-node without text, an edge
/// naming no node).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AifError(
    /// The reason, as a sentence fragment for a person (`"I-node 7 has no text"`).
    pub String,
);

impl fmt::Display for AifError {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for AifError {}

/// Parses AIF JSON text (a leading byte-order mark is skipped). Fails with "not JSON"
/// or "not AIF JSON" and serde's reason.
pub fn parse(text: &str) -> Result<Aif, AifError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    serde_json::from_str(text).map_err(|e| {
        let what = if e.is_syntax() || e.is_eof() {
            "not JSON"
        } else {
            "not AIF JSON"
        };
        AifError(format!("{what}: {e}"))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_may_be_numbers_or_strings() {
        let doc = parse(r#"{"nodes": [{"nodeID": 7, "text": "a", "type": "I"}, {"nodeID": 1.5, "type": "RA"}], "edges": [{"fromID": "7", "toID": 1.5}]}"#)
            .expect("parses");
        assert_eq!(doc.nodes[0].node_id.0, "7");
        assert_eq!(doc.nodes[1].node_id.0, "1.5");
        assert_eq!(doc.edges[0].to_id.0, "1.5");
        assert!(doc.edges[0].edge_id.is_none());
    }
}
