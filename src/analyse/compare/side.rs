//! One map as the comparison sees it: its [`MapInfo`], the polarity of its nodes, and
//! the [`NodeReport`] of any node, made when it is asked for.

use super::{conflicts, polarity, MapInfo, NodeRef, NodeReport, Polarity, Role};
use crate::analyse::Analysed;
use crate::graph::{ArgGraph, EdgeKind, NodeKind};
use crate::parse::model::Id;
use petgraph::graph::NodeIndex;
use petgraph::visit::EdgeRef;
use petgraph::Direction;
use std::collections::BTreeSet;

/// One map, with what the comparison needs of it precomputed.
pub(super) struct SideData<'a, 'f> {
    m: &'a Analysed<'f>,
    pub(super) g: &'a ArgGraph<'f>,
    pub(super) info: MapInfo,
    polarity: Vec<Option<Polarity>>,
}

impl<'a, 'f> SideData<'a, 'f> {
    pub(super) fn new(m: &'a Analysed<'f>) -> SideData<'a, 'f> {
        let g = &m.graph;
        let count = |k: NodeKind| g.graph.node_weights().filter(|n| n.kind == k).count();
        let info = MapInfo {
            id: m.map_id().to_string(),
            title: g.map.title.clone(),
            theses: g
                .theses()
                .into_iter()
                .map(|ix| NodeRef {
                    id: g.graph[ix].id.to_string(),
                    kind: g.graph[ix].kind,
                    text: g.graph[ix].text().to_string(),
                })
                .collect(),
            claims: count(NodeKind::Claim),
            evidence: count(NodeKind::Evidence),
            rebuttals: count(NodeKind::Rebuttal),
            sources: count(NodeKind::Source),
        };
        SideData {
            m,
            g,
            info,
            polarity: polarity::of(g),
        }
    }

    /// The text a node is compared by: its text and quote.
    pub(super) fn full_text(&self, ix: NodeIndex) -> String {
        let n = &self.g.graph[ix];
        match n.node.and_then(|x| x.quote.as_deref()) {
            Some(q) => format!("{}\n{q}", n.text()),
            None => n.text().to_string(),
        }
    }

    pub(super) fn numbers(&self, ix: NodeIndex) -> Vec<String> {
        conflicts::numbers(&self.full_text(ix))
    }

    pub(super) fn report(&self, ix: NodeIndex) -> NodeReport {
        let g = &self.g.graph;
        let n = &g[ix];
        let mut supports = Vec::new();
        let mut attacks = Vec::new();
        let mut undercuts = Vec::new();
        let mut out: Vec<_> = g.edges_directed(ix, Direction::Outgoing).collect();
        out.sort_by_key(|e| (e.target(), e.id()));
        for e in out {
            match e.weight() {
                EdgeKind::Supports => supports.push(g[e.target()].id.into()),
                EdgeKind::Attacks => attacks.push(g[e.target()].id.into()),
                EdgeKind::Undercuts { link } => {
                    if let Some((x, y)) = g.edge_endpoints(*link) {
                        undercuts.push(compact_str::format_compact!("{} -> {}", g[x].id, g[y].id));
                    }
                }
                _ => {}
            }
        }
        // What backs it: its direct supporters and the chain that gives it cited support
        // (a bounded walk, so the whole comparison stays linear in the size of the maps).
        let mut behind: Vec<NodeIndex> = self
            .g
            .incoming(ix, |k| matches!(k, EdgeKind::Supports))
            .collect();
        behind.extend(self.m.support().chain(ix).into_iter().skip(1));
        behind.sort();
        behind.dedup();
        let evidence = behind
            .iter()
            .filter(|&&x| g[x].kind == NodeKind::Evidence)
            .count();
        let sources: BTreeSet<Id> = std::iter::once(ix)
            .chain(behind.iter().copied())
            .flat_map(|x| g.edges_directed(x, Direction::Outgoing))
            .filter(|e| matches!(e.weight(), EdgeKind::Cites { .. }))
            .map(|e| g[e.target()].id.into())
            .collect();
        NodeReport {
            id: n.id.into(),
            kind: n.kind,
            text: n.text().to_string(),
            by: n.node.and_then(|x| x.by().map(str::to_string)),
            role: Role {
                thesis: n.is_thesis(),
                supports,
                attacks,
                undercuts,
                polarity: self.polarity[ix.index()],
            },
            status: self.m.support().status(ix),
            evidence,
            sources: sources.into_iter().collect(),
        }
    }
}
