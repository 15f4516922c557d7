//! `render --format json`: maps as a node-link JSON document (schema in docs/formats.md).
//!
//! ```json
//! {"maps": [{"id", "title", "nodes": [{"id", "kind", "text", "quote", "by", "thesis",
//!   "status", "cites", "same_as", "contradicts"?, "group"?}], "links": [{"source",
//!   "target", "kind", "via", "with", "argument"}], "sources": [...], "groups"?: [{"id",
//!   "title", "in", "note"}]}], "same_as": [{"source", "target"}],
//!   "contradicts"?: [{"source", "target"}]}
//! ```
//!
//! Text is carried by serde_json, which escapes it.

use super::diagram::{shown_links, DiagramMap};
use crate::analyse::{Analysed, SameAsLink};
use crate::graph::{EdgeKind, NodeKind};
use crate::parse::{Map, SourceDetails};
use petgraph::graph::NodeIndex;
use petgraph::visit::EdgeRef;
use serde::ser::{SerializeMap, Serializer};
use serde::Serialize;

/// The whole document.
#[derive(Debug, Serialize)]
pub struct Document {
    /// Every map, in the order given.
    pub maps: Vec<MapJson>,
    /// `same_as` links between nodes (within a map and between loaded maps), as
    /// `map-id:NODE`.
    pub same_as: Vec<SameAsJson>,
    /// `contradicts` links between nodes of loaded maps (`source` contradicts `target`),
    /// as `map-id:NODE`; left out when there is none.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub contradicts: Vec<SameAsJson>,
}

/// One map.
#[derive(Debug, Serialize)]
pub struct MapJson {
    /// The map id.
    pub id: String,
    /// The map's title.
    pub title: Option<String>,
    /// Its claims, evidence and rebuttals (the nodes shown).
    pub nodes: Vec<NodeJson>,
    /// Its links between them.
    pub links: Vec<LinkJson>,
    /// Its sources.
    pub sources: Vec<SourceJson>,
    /// The schemes the map defines (`schemes:` entries that are not links), by id;
    /// absent when it defines none.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub schemes: Vec<super::reconstruct_json::SchemeJson>,
    /// Its groups, in document order (left out when the map has none).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub groups: Vec<GroupJson>,
}

/// A group: `id`, then `title`, `in` (the parent group) and `note` as written (left out
/// when missing).
#[derive(Debug, Serialize)]
pub struct GroupJson {
    /// The group's id.
    pub id: String,
    /// The entry's fields.
    #[serde(flatten)]
    pub details: crate::parse::model::GroupDetails,
}

/// A claim, evidence item or rebuttal.
#[derive(Debug, Serialize)]
pub struct NodeJson {
    /// The node's id.
    pub id: String,
    /// `claim`, `evidence` or `rebuttal`.
    pub kind: NodeKind,
    /// Its text.
    pub text: String,
    /// Its quote of the source text.
    pub quote: Option<String>,
    /// Who holds it.
    pub by: Option<String>,
    /// Whether it is a thesis.
    pub thesis: bool,
    /// Support status: `cited`, `uncited` or `unsupported`.
    pub status: crate::analyse::support::Status,
    /// What it cites.
    pub cites: Vec<CiteJson>,
    /// The node's `same_as` references as written (`map-id:NODE`).
    pub same_as: Vec<String>,
    /// The node's `contradicts` references as written (`other-map-id:NODE`); left out
    /// when it has none.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub contradicts: Vec<String>,
    /// `true` for an implicit premise (the analyst's reconstruction); absent otherwise.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub implicit: bool,
    /// The node's `scheme:` as written (the scheme of its arguments); absent without.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub scheme: Option<String>,
    /// The critical question it answers (`answers:`); absent without.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub answers: Option<String>,
    /// The id of the group it is placed in, as written (left out when none).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub group: Option<String>,
}

/// A citation.
#[derive(Debug, Serialize)]
pub struct CiteJson {
    /// The source's id.
    pub source: String,
    /// The page or place.
    pub at: Option<String>,
    /// The footnote number.
    pub footnote: Option<String>,
}

/// A source entry: `id`, then every field of [`SourceDetails`] (null when missing).
#[derive(Debug)]
pub struct SourceJson {
    /// The source's id.
    pub id: String,
    /// The entry's fields.
    pub details: SourceDetails,
}

impl Serialize for SourceJson {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let fields = self.details.fields();
        let mut m = s.serialize_map(None)?;
        m.serialize_entry("id", &self.id)?;
        for (k, v) in fields {
            m.serialize_entry(k, &v)?;
        }
        if self
            .details
            .title
            .as_deref()
            .is_none_or(|t| t.trim().is_empty())
        {
            // A source with only a note: support through it is counted apart.
            m.serialize_entry("placeholder", &true)?;
        }
        m.end()
    }
}

/// A relation between two nodes of the map.
#[derive(Debug, Serialize)]
pub struct LinkJson {
    /// The node the link comes from (a premise).
    pub source: String,
    /// The node it goes to (or, for an undercut, the link's target).
    pub target: String,
    /// `supports`, `attacks` or `undercuts`.
    pub kind: &'static str,
    /// For `undercuts`: the link undercut without its target, so that the link is `via
    /// -> target` (`A` for `A -> T`; `U -> A` for the undercut `U -> A -> T`); otherwise
    /// null.
    pub via: Option<String>,
    /// The co-premises linked directly (`with`, in either direction) with `source` on
    /// `target` (for `undercuts`, on the link undercut), sorted; empty when it acts alone.
    pub with: Vec<String>,
    /// The argument the link belongs to — for an undercut, the argument it undercuts —
    /// as a number shared by all the links of that argument (its place in the map's
    /// inferences, [`crate::analyse::Analysed::inferences`]): the links of a linked
    /// argument have the same `argument`. Null for a link of no argument.
    pub argument: Option<usize>,
    /// For `supports` and `attacks`: the scheme of the argument, when it has one
    /// (from `schemes:` or a premise's `scheme:`); absent otherwise.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub scheme: Option<String>,
}

/// A `same_as` pair.
#[derive(Debug, Serialize)]
pub struct SameAsJson {
    /// One of the nodes (`map-id:NODE`).
    pub source: String,
    /// The other.
    pub target: String,
}

/// Builds the document.
pub fn document(maps: &[DiagramMap], links: &[SameAsLink]) -> Document {
    let mut out = Document {
        maps: Vec::new(),
        same_as: Vec::new(),
        contradicts: Vec::new(),
    };
    for dm in maps {
        let map = dm.map.graph.map;
        let rel = map_links(dm, &mut out.same_as);
        out.maps.push(MapJson {
            id: dm.map.map_id().to_string(),
            title: map.title.clone(),
            nodes: nodes(dm),
            links: rel,
            sources: sources(map),
            schemes: super::reconstruct_json::own_schemes(map),
            groups: map
                .groups()
                .map(|(id, g)| GroupJson {
                    id: id.to_string(),
                    details: g.details.clone(),
                })
                .collect(),
        });
    }
    for l in shown_links(maps, links) {
        let ((ma, a), (mb, b)) = (l.from, l.to);
        let (da, db) = (&maps[ma], &maps[mb]);
        out.same_as.push(SameAsJson {
            source: format!("{}:{}", da.map.map_id(), da.map.graph.graph[a].id),
            target: format!("{}:{}", db.map.map_id(), db.map.graph.graph[b].id),
        });
    }
    for l in super::diagram::shown_contradicts(maps) {
        let ((ma, a), (mb, b)) = (l.from, l.to);
        let (da, db) = (&maps[ma], &maps[mb]);
        out.contradicts.push(SameAsJson {
            source: format!("{}:{}", da.map.map_id(), da.map.graph.graph[a].id),
            target: format!("{}:{}", db.map.map_id(), db.map.graph.graph[b].id),
        });
    }
    out
}

/// The map's nodes shown, in graph order.
fn nodes(dm: &DiagramMap) -> Vec<NodeJson> {
    let a = dm.map;
    let g = &a.graph.graph;
    g.node_indices()
        .filter(|&ix| dm.shows(ix))
        .map(|ix| {
            let n = &g[ix];
            let node = n.node;
            NodeJson {
                id: n.id.to_string(),
                kind: n.kind,
                text: n.text().to_string(),
                quote: node.and_then(|x| x.quote.as_deref()).map(String::from),
                by: node.and_then(|x| x.by().map(str::to_string)),
                thesis: n.is_thesis(),
                status: a.support().status(ix),
                cites: node
                    .map(|x| {
                        x.cites
                            .iter()
                            .map(|c| CiteJson {
                                source: c.source.to_string(),
                                at: c.at.as_deref().map(String::from),
                                footnote: c.footnote.as_deref().map(String::from),
                            })
                            .collect()
                    })
                    .unwrap_or_default(),
                same_as: node
                    .map(|x| x.same_as().iter().map(|s| s.to_string()).collect())
                    .unwrap_or_default(),
                contradicts: node
                    .map(|x| x.contradicts().iter().map(|s| s.to_string()).collect())
                    .unwrap_or_default(),
                implicit: node.is_some_and(|x| x.implicit()),
                scheme: node.and_then(|x| x.scheme()).map(String::from),
                answers: node.and_then(|x| x.answers()).map(String::from),
                group: node.and_then(|x| x.group()).map(String::from),
            }
        })
        .collect()
}

/// The map's links between shown nodes, sorted by (source, target, edge); its
/// `same_as` edges go to `same_as` (as `map-id:NODE` pairs) instead.
fn map_links(dm: &DiagramMap, same_as: &mut Vec<SameAsJson>) -> Vec<LinkJson> {
    let a = dm.map;
    let g = &a.graph.graph;
    let map_id = a.map_id();
    let mut edges: Vec<_> = g.edge_references().collect();
    edges.sort_by_key(|e| (e.source(), e.target(), e.id()));
    let schemes = a.schemes();
    let mut rel = Vec::new();
    for e in edges {
        let (s, t) = (e.source(), e.target());
        if !dm.shows(s) || !dm.shows(t) {
            continue;
        }
        let (kind, via) = match e.weight() {
            EdgeKind::Supports => ("supports", None),
            EdgeKind::Attacks => ("attacks", None),
            EdgeKind::Undercuts { link } => {
                // The link undercut without its target: `A`, or `U -> A` for an undercut
                // of the undercut `U -> A -> T`.
                let mut ids = a.graph.link_ids(*link);
                ids.pop();
                ("undercuts", Some(ids.join(" -> ")))
            }
            EdgeKind::SameAs => {
                same_as.push(SameAsJson {
                    source: format!("{map_id}:{}", g[s].id),
                    target: format!("{map_id}:{}", g[t].id),
                });
                continue;
            }
            EdgeKind::Cites { .. } => continue,
        };
        // The argument this link belongs to (for an undercut: the argument it
        // undercuts), as analysis grouped them ([`crate::analyse::inference`]): the
        // same arguments every format shows.
        let argument = match e.weight() {
            EdgeKind::Undercuts { link } => a.inferences().of_edge(*link),
            _ => a.inferences().of_edge(e.id()),
        };
        let with = match argument {
            Some(i) if via.is_none() => with(a, s, i),
            // An undercut's co-premises are those of its own (linked) undercut.
            Some(_) => (a.inferences().of_edge(e.id()))
                .map(|i| with(a, s, i))
                .unwrap_or_default(),
            None => Vec::new(),
        };
        let scheme = argument
            .filter(|_| via.is_none())
            .and_then(|i| super::diagram::scheme_of(&schemes, i))
            .map(String::from);
        rel.push(LinkJson {
            source: g[s].id.to_string(),
            target: g[t].id.to_string(),
            kind,
            via,
            with,
            argument,
            scheme,
        });
    }
    rel
}

/// The co-premises `s` is linked with directly (`with`, either way) in argument `i`,
/// sorted: linear in the `with` links (the whole argument is named by `argument`;
/// listing it on every link would grow with a group's square).
fn with(a: &Analysed, s: NodeIndex, i: usize) -> Vec<String> {
    let g = &a.graph.graph;
    let premises = &a.inferences().list[i].premises;
    let mut w: Vec<String> = a
        .graph
        .linked
        .get(&s)
        .map(|v| {
            v.iter()
                .filter(|p| premises.binary_search(p).is_ok())
                .map(|&p| g[p].id.to_string())
                .collect()
        })
        .unwrap_or_default();
    w.sort();
    w.dedup();
    w
}

/// The map's sources, in the map's order.
fn sources(map: &Map) -> Vec<SourceJson> {
    map.sources
        .iter()
        .map(|(id, s)| SourceJson {
            id: id.to_string(),
            details: s.details.clone(),
        })
        .collect()
}

/// The document as pretty JSON text.
pub fn render(maps: &[DiagramMap], links: &[SameAsLink]) -> String {
    super::json::to_json(&document(maps, links))
}
