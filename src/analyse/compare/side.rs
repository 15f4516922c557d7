//! One map as the comparison sees it: its [`MapInfo`], the polarity of its nodes, and
//! the [`NodeReport`] of any node, made when it is asked for.

use super::{polarity, MapInfo, NodeRef, NodeReport, Polarity, Position, Role};
use crate::analyse::semantics::{Framework, Label};
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
    /// The author's attacks that stand, by node: see [`Position`].
    rejected: Vec<Option<Label>>,
    /// [`weights`] of every node.
    pub(super) weight: Vec<u32>,
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
            rejected: author_labels(g),
            weight: weights(g),
        }
    }

    /// The map's position on node `ix`: see [`Position`].
    pub(super) fn position(&self, ix: NodeIndex) -> Position {
        let n = &self.g.graph[ix];
        let pol = self.polarity[ix.index()];
        // A map argues for its thesis, whatever objections it leaves standing.
        if n.is_thesis() {
            return Position::Holds;
        }
        match self.rejected[ix.index()] {
            Some(Label::Out) => return Position::Rejects,
            Some(Label::Undecided) => return Position::Contested,
            _ => {}
        }
        match pol {
            Some(Polarity::Con) => Position::Rejects,
            Some(Polarity::Pro) => Position::Holds,
            None if n.node.and_then(|x| x.by()).is_some() => Position::Reports,
            None => Position::Holds,
        }
    }

    /// The nodes of the map that attack `ix` (its attackers and the nodes that undercut a
    /// link into it), in map order.
    pub(super) fn attackers(&self, ix: NodeIndex) -> Vec<NodeIndex> {
        let mut v: Vec<NodeIndex> = self
            .g
            .graph
            .edges_directed(ix, Direction::Incoming)
            .filter(|e| matches!(e.weight(), EdgeKind::Attacks))
            .map(|e| e.source())
            .collect();
        v.sort();
        v.dedup();
        v
    }

    /// The text a node is compared by: its text and quote.
    pub(super) fn full_text(&self, ix: NodeIndex) -> String {
        let n = &self.g.graph[ix];
        match n.node.and_then(|x| x.quote.as_deref()) {
            Some(q) => format!("{}\n{q}", n.text()),
            None => n.text().to_string(),
        }
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
            quote: n.node.and_then(|x| x.quote.as_deref()).map(str::to_string),
            position: self.position(ix),
            weight: self.weight[ix.index()] as usize,
            group: self.group(ix).map(str::to_string),
        }
    }

    /// The group a node is placed in (`group:`), when the map says.
    pub(super) fn group(&self, ix: NodeIndex) -> Option<&'f str> {
        self.g.graph[ix].node.and_then(|n| n.group())
    }

    /// The title of group `id`, when the map has it.
    pub(super) fn group_title(&self, id: &str) -> Option<&'f str> {
        self.g
            .map
            .group(id)
            .and_then(|gr| gr.details.title.as_deref())
    }

    /// Whether node `ix` is an implicit premise (`implicit: true`).
    pub(super) fn implicit(&self, ix: NodeIndex) -> bool {
        self.g.graph[ix].node.is_some_and(|n| n.implicit())
    }

    /// The scheme of each of the map's arguments that has one (by `scheme:` or a
    /// `schemes:` link key), as named.
    pub(super) fn schemes(&self) -> Vec<String> {
        self.m
            .schemes()
            .applied
            .iter()
            .flatten()
            .map(|a| a.name.to_string())
            .collect()
    }

    /// Node `ix`'s polarity.
    pub(super) fn polarity_of(&self, ix: NodeIndex) -> Option<Polarity> {
        self.polarity[ix.index()]
    }

    /// The map's support analysis.
    pub(super) fn support(&self) -> &'a crate::analyse::support::Support {
        self.m.support()
    }
}

/// The grounded labelling of the map's propositions under the attacks of its author's
/// nodes only (an attacker without `by`): `Out` for a node such an attack defeats. An
/// objection the map reports (`by: Stalin`) against a node does not make the map reject it.
fn author_labels(g: &ArgGraph) -> Vec<Option<Label>> {
    let n = g.graph.node_count();
    let attacks: Vec<(usize, usize)> = g
        .graph
        .edge_references()
        .filter(|e| matches!(e.weight(), EdgeKind::Attacks))
        .filter(|e| g.graph[e.source()].node.is_some_and(|x| x.by().is_none()))
        .map(|e| (e.source().index(), e.target().index()))
        .collect();
    if attacks.is_empty() {
        return vec![None; n];
    }
    let labels = Framework::new(n, &attacks).grounded();
    (0..n).map(|i| labels.label(i)).collect()
}

/// The weight of each node: itself plus every node that argues for or against it, directly
/// or through others (the size of the argument beneath it, a shared premise counted once
/// per conclusion it reaches it through, at most the number of nodes of the map). Linear:
/// one depth-first pass; an attack cycle adds nothing the second time round.
pub(super) fn weights(g: &ArgGraph) -> Vec<u32> {
    const TODO: u8 = 0;
    const OPEN: u8 = 1;
    const DONE: u8 = 2;
    let n = g.graph.node_count();
    let cap = n as u32;
    let mut w = vec![1u32; n];
    let mut state = vec![TODO; n];
    let below = |ix: NodeIndex| {
        g.graph
            .edges_directed(ix, Direction::Incoming)
            .filter(|e| {
                matches!(
                    e.weight(),
                    EdgeKind::Supports | EdgeKind::Attacks | EdgeKind::Undercuts { .. }
                )
            })
            .map(|e| e.source())
            .collect::<Vec<_>>()
    };
    for start in g.graph.node_indices() {
        if state[start.index()] != TODO || g.graph[start].kind == NodeKind::Source {
            continue;
        }
        let mut stack: Vec<(NodeIndex, Vec<NodeIndex>, usize)> = vec![(start, below(start), 0)];
        state[start.index()] = OPEN;
        while let Some((ix, kids, i)) = stack.last_mut() {
            if let Some(&k) = kids.get(*i) {
                *i += 1;
                match state[k.index()] {
                    TODO => {
                        state[k.index()] = OPEN;
                        let b = below(k);
                        stack.push((k, b, 0));
                    }
                    DONE => {
                        let add = w[k.index()];
                        let x = &mut w[ix.index()];
                        *x = x.saturating_add(add).min(cap);
                    }
                    _ => {}
                }
            } else {
                let done = *ix;
                state[done.index()] = DONE;
                stack.pop();
                if let Some((parent, _, _)) = stack.last() {
                    let add = w[done.index()];
                    let x = &mut w[parent.index()];
                    *x = x.saturating_add(add).min(cap);
                }
            }
        }
    }
    w
}
