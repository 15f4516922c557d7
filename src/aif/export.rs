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
use crate::graph::{EdgeKind, NodeKind};
use petgraph::graph::NodeIndex;
use petgraph::visit::EdgeRef;
use std::collections::HashMap;

struct Builder {
    aif: Aif,
}

impl Builder {
    fn node(&mut self, text: &str, kind: &str, ext: Option<NodeExt>) -> AifId {
        let id = AifId((self.aif.nodes.len() + 1).to_string());
        self.aif.nodes.push(AifNode {
            node_id: id.clone(),
            text: Some(text.to_string()),
            kind: kind.to_string(),
            argmap: ext,
        });
        id
    }
    fn edge(&mut self, from: &AifId, to: &AifId) {
        let id = AifId((self.aif.edges.len() + 1).to_string());
        self.aif.edges.push(AifEdge {
            edge_id: Some(id),
            from_id: from.clone(),
            to_id: to.clone(),
        });
    }
}

/// The AIF document of one map.
fn document(m: &Analysed) -> Aif {
    let g = &m.graph.graph;
    let map = m.graph.map;
    let mut b = Builder {
        aif: Aif {
            locutions: serde_json::Value::Array(Vec::new()),
            argmap: Some(MapExt {
                id: map.id.clone(),
                title: map.title.clone(),
                source: map.source.clone(),
                sources: map
                    .sources
                    .iter()
                    .map(|(id, s)| (id.to_string(), s.details.clone()))
                    .collect(),
            }),
            ..Aif::default()
        },
    };
    let mut inode: HashMap<NodeIndex, AifId> = HashMap::new();
    for ix in g.node_indices() {
        let n = &g[ix];
        if n.kind == NodeKind::Source {
            continue;
        }
        let node = n.node;
        let ext = NodeExt {
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
            undercuts: node
                .map(|x| {
                    x.undercuts()
                        .iter()
                        .filter_map(|u| crate::parse::ids::parse_link(u))
                        .map(|(a, b)| format!("{a} -> {b}"))
                        .collect()
                })
                .unwrap_or_default(),
            with: node
                .map(|x| x.with().iter().map(|w| w.to_string()).collect())
                .unwrap_or_default(),
        };
        let id = b.node(n.text(), "I", Some(ext));
        inode.insert(ix, id);
    }
    let inferences = m.inferences();
    let mut snode = Vec::with_capacity(inferences.list.len());
    for inf in &inferences.list {
        let (text, kind) = match inf.kind {
            LinkKind::Supports => ("Default Inference", "RA"),
            LinkKind::Attacks => ("Default Conflict", "CA"),
        };
        let s = b.node(text, kind, None);
        for p in &inf.premises {
            b.edge(&inode[p], &s);
        }
        b.edge(&s, &inode[&inf.target]);
        snode.push(s);
    }
    for (inf, s) in inferences.list.iter().zip(&snode) {
        for u in &inf.undercutters {
            let ca = b.node("Default Conflict", "CA", None);
            b.edge(&inode[u], &ca);
            b.edge(&ca, s);
        }
    }
    for e in g.edge_references() {
        if *e.weight() == EdgeKind::SameAs {
            let (Some(x), Some(y)) = (inode.get(&e.source()), inode.get(&e.target())) else {
                continue;
            };
            let ma = b.node("Default Rephrase", "MA", None);
            b.edge(x, &ma);
            b.edge(&ma, y);
        }
    }
    b.aif
}

/// The AIF JSON text of one map.
pub fn render(m: &Analysed) -> String {
    crate::present::json::to_json(&document(m))
}
