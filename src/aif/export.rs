//! `render --format aif`: one map as AIF JSON (AIFdb's node-edge form).
//!
//! Claims, evidence and rebuttals are I-nodes. Each inference is an S-node: an RA node
//! ("Default Inference") for supports, a CA node ("Default Conflict") for attacks, with
//! an edge from each premise (linked co-premises share one node) and one to the
//! conclusion; the inferences are the map's own ([`Analysed::inferences`], computed
//! once by analysis). An undercut is a CA node from the undercutter to the RA or CA node of the
//! link it names; a `same_as` within the map is an MA node ("Default Rephrase"). Ids are
//! strings: `"1"`, `"2"`... in that order (I-nodes in map order, then S-nodes); edges
//! likewise. `locutions` is empty. What AIF has no place for (node kind and id, the
//! thesis flag as written, quote, `by`, note, citations, the exact `undercuts` and `with`
//! lists; the map's title, `source` and sources) rides in `argmap` members, which other
//! tools ignore and `argmap import` reads back, so a round trip gives the same map.

use super::map_out::CiteOut;
use super::model::{Aif, AifEdge, AifId, AifNode, MapExt, NodeExt};
use crate::analyse::inference::LinkKind;
use crate::analyse::Analysed;
use crate::graph::{EdgeKind, GNode, NodeKind};
use petgraph::graph::NodeIndex;
use petgraph::visit::EdgeRef;
use std::collections::HashMap;

/// The document being written, with the ids it gives: nodes and edges are numbered
/// `"1"`, `"2"`... in the order they are added.
struct Builder {
    aif: Aif,
}

impl Builder {
    /// Adds a node; its id.
    fn node(&mut self, text: &str, kind: &str, ext: Option<NodeExt>) -> AifId {
        let id = AifId((self.aif.nodes.len() + 1).to_string());
        self.aif.nodes.push(AifNode {
            node_id: id.clone(),
            text: Some(text.to_string()),
            kind: kind.to_string(),
            argmap: ext,
            scheme: None,
        });
        id
    }

    /// Adds an edge from `from` to `to`.
    fn edge(&mut self, from: &AifId, to: &AifId) {
        let id = AifId((self.aif.edges.len() + 1).to_string());
        self.aif.edges.push(AifEdge {
            edge_id: Some(id),
            from_id: from.clone(),
            to_id: to.clone(),
        });
    }
}

/// The AIF document of one map: the map's details, then the I-nodes, the inferences,
/// the undercuts and the rephrases, each adding its nodes and edges in that order.
fn document(m: &Analysed) -> Aif {
    let mut b = Builder {
        aif: Aif {
            locutions: serde_json::Value::Array(Vec::new()),
            argmap: Some(map_ext(m)),
            ..Aif::default()
        },
    };
    let inode = b.inodes(m);
    b.inferences(m, &inode);
    b.rephrases(m, &inode);
    b.aif
}

/// The map's details AIF has no place for: id, title, `source`, sources and groups.
fn map_ext(m: &Analysed) -> MapExt {
    let map = m.graph.map;
    MapExt {
        id: map.id.clone(),
        title: map.title.clone(),
        source: map.source.clone(),
        sources: map
            .sources
            .iter()
            .map(|(id, s)| (id.to_string(), s.details.clone()))
            .collect(),
        schemes: map
            .schemes
            .iter()
            .map(|(k, e)| (k.to_string(), e.into()))
            .collect(),
        groups: map.groups.as_ref().map(|groups| {
            groups
                .iter()
                .map(|(id, g)| (id.to_string(), g.details.clone()))
                .collect()
        }),
    }
}

/// The `argmap` member of a claim, evidence item or rebuttal: its id and kind, and the
/// fields of its map node as written (`same_as` only to other maps: those within the
/// map are MA nodes).
fn node_ext(m: &Analysed, n: &GNode) -> NodeExt {
    let node = n.node;
    NodeExt {
        id: Some(n.id.to_string()),
        kind: Some(n.kind.name().to_string()),
        // As written, `thesis: false` included, so the import restores it exactly.
        thesis: node.and_then(|x| x.thesis),
        quote: node.and_then(|x| x.quote.as_deref()).map(String::from),
        by: node.and_then(|x| x.by().map(str::to_string)),
        note: node.and_then(|x| x.note().map(str::to_string)),
        cites: node
            .map(|x| x.cites.iter().map(CiteOut::from).collect())
            .unwrap_or_default(),
        same_as: node
            .map(|x| {
                let own = format!("{}:", m.map_id());
                x.same_as()
                    .iter()
                    .filter(|s| !s.starts_with(&own))
                    .map(|s| s.to_string())
                    .collect()
            })
            .unwrap_or_default(),
        contradicts: node
            .map(|x| x.contradicts().iter().map(|s| s.to_string()).collect())
            .unwrap_or_default(),
        undercuts: node
            .map(|x| {
                x.undercuts()
                    .iter()
                    .filter_map(|u| crate::parse::ids::parse_chain(u))
                    .map(|ids| crate::parse::ids::link_string(&ids))
                    .collect()
            })
            .unwrap_or_default(),
        with: node
            .map(|x| x.with().iter().map(|w| w.to_string()).collect())
            .unwrap_or_default(),
        implicit: node.and_then(|x| x.more.as_ref()?.implicit),
        scheme: node.and_then(|x| x.scheme()).map(String::from),
        answers: node.and_then(|x| x.answers()).map(String::from),
        group: node.and_then(|x| x.group()).map(String::from),
    }
}

impl Builder {
    /// An I-node for each graph node but sources, in graph order; their ids by node.
    fn inodes(&mut self, m: &Analysed) -> HashMap<NodeIndex, AifId> {
        let g = &m.graph.graph;
        let mut inode: HashMap<NodeIndex, AifId> = HashMap::new();
        for ix in g.node_indices() {
            let n = &g[ix];
            if n.kind == NodeKind::Source {
                continue;
            }
            let id = self.node(n.text(), "I", Some(node_ext(m, n)));
            inode.insert(ix, id);
        }
        inode
    }

    /// An RA or CA node for each inference, with an edge from each premise and one to
    /// the conclusion: an I-node, or for an undercut the S-node of the inference it
    /// undercuts (a CA node whose target is an RA or CA node, at any depth; the list
    /// has each undercut after its target). Their ids, in the order of the inferences.
    fn inferences(&mut self, m: &Analysed, inode: &HashMap<NodeIndex, AifId>) -> Vec<AifId> {
        let inferences = m.inferences();
        let schemes = m.schemes();
        let mut snode: Vec<AifId> = Vec::with_capacity(inferences.list.len());
        for (i, inf) in inferences.list.iter().enumerate() {
            let (text, kind) = match inf.kind {
                LinkKind::Supports => ("Default Inference", "RA"),
                LinkKind::Attacks | LinkKind::Undercuts => ("Default Conflict", "CA"),
            };
            let scheme = super::schemes::aif_scheme(schemes.applied[i].as_ref());
            let text = scheme.as_ref().map_or(text, |(_, title)| title.as_str());
            let s = self.node(text, kind, None);
            if let Some((name, _)) = scheme {
                if let Some(n) = self.aif.nodes.last_mut() {
                    n.scheme = Some(name);
                }
            }
            for p in &inf.premises {
                self.edge(&inode[p], &s);
            }
            match inf.undercut() {
                Some(of) => {
                    let to = snode[of].clone();
                    self.edge(&s, &to);
                }
                None => self.edge(&s, &inode[&inf.target]),
            }
            snode.push(s);
        }
        snode
    }

    /// An MA node for each `same_as` edge between two I-nodes of the map.
    fn rephrases(&mut self, m: &Analysed, inode: &HashMap<NodeIndex, AifId>) {
        for e in m.graph.graph.edge_references() {
            if *e.weight() == EdgeKind::SameAs {
                let (Some(x), Some(y)) = (inode.get(&e.source()), inode.get(&e.target())) else {
                    continue;
                };
                let ma = self.node("Default Rephrase", "MA", None);
                self.edge(x, &ma);
                self.edge(&ma, y);
            }
        }
    }
}

/// The AIF JSON text of one map.
pub fn render(m: &Analysed) -> String {
    crate::present::json::to_json(&document(m))
}
