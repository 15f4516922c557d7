//! Inferences: the `supports` and `attacks` links of a map grouped into the arguments
//! they form.
//!
//! A node that supports (or attacks) a target on its own forms a one-premise inference;
//! co-premises linked with `with` that support (or attack) the same target form one
//! inference together. An undercut (`undercuts: ["A -> B"]`) is an attack on the
//! inference that carries the link `A -> B`. Evaluation, and the exporters that need an
//! addressable inference (AIF's RA and CA nodes, Argdown's arguments), start from here.

use crate::build::{ArgGraph, EdgeKind};
use petgraph::graph::{EdgeIndex, NodeIndex};
use petgraph::visit::EdgeRef;
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet, HashMap};

/// Whether an inference supports or attacks its target.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum LinkKind {
    Supports,
    Attacks,
}

impl LinkKind {
    /// "supports" or "attacks".
    pub fn name(self) -> &'static str {
        match self {
            LinkKind::Supports => "supports",
            LinkKind::Attacks => "attacks",
        }
    }
}

/// One inference: premises that together support or attack a target.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Inference {
    pub kind: LinkKind,
    /// The premises, in map order (one unless they are linked with `with`).
    pub premises: Vec<NodeIndex>,
    pub target: NodeIndex,
    /// The supports/attacks edges the inference carries (one per premise).
    pub edges: Vec<EdgeIndex>,
    /// The nodes that undercut one of its links, in map order, without repeats.
    pub undercutters: Vec<NodeIndex>,
}

impl Inference {
    /// True when the inference has several (linked) premises.
    pub fn is_linked(&self) -> bool {
        self.premises.len() > 1
    }

    /// Its name: `A -> B`, or `A + P -> B` for linked premises.
    pub fn name(&self, g: &ArgGraph) -> String {
        let premises: Vec<&str> = self.premises.iter().map(|&p| g.graph[p].id).collect();
        format!("{} -> {}", premises.join(" + "), g.graph[self.target].id)
    }
}

/// The inferences of a map, with an index from each supports/attacks edge to its
/// inference.
#[derive(Clone, Debug, Default)]
pub struct Inferences {
    /// Ordered by target, then kind, then first premise (map order throughout).
    pub list: Vec<Inference>,
    /// Which inference carries each supports/attacks edge.
    pub of_edge: HashMap<EdgeIndex, usize>,
}

impl Inferences {
    /// Groups the links of `g` into inferences. Runs in O(edges · log edges).
    pub fn of(g: &ArgGraph) -> Inferences {
        // Links per (target, kind): premise -> its edges.
        let mut links: BTreeMap<(NodeIndex, LinkKind), BTreeMap<NodeIndex, Vec<EdgeIndex>>> =
            BTreeMap::new();
        for e in g.graph.edge_references() {
            let kind = match e.weight() {
                EdgeKind::Supports => LinkKind::Supports,
                EdgeKind::Attacks => LinkKind::Attacks,
                _ => continue,
            };
            links
                .entry((e.target(), kind))
                .or_default()
                .entry(e.source())
                .or_default()
                .push(e.id());
        }
        let mut out = Inferences::default();
        for ((target, kind), premises) in links {
            let mut seen: BTreeSet<NodeIndex> = BTreeSet::new();
            for &first in premises.keys() {
                if !seen.insert(first) {
                    continue;
                }
                // The linked co-premises of `first` among this target's premises.
                let mut group = vec![first];
                let mut k = 0;
                while k < group.len() {
                    let m = group[k];
                    for &p in g.linked.get(&m).map(Vec::as_slice).unwrap_or(&[]) {
                        if premises.contains_key(&p) && seen.insert(p) {
                            group.push(p);
                        }
                    }
                    k += 1;
                }
                group.sort();
                let mut edges: Vec<EdgeIndex> = group
                    .iter()
                    .flat_map(|p| premises[p].iter().copied())
                    .collect();
                edges.sort();
                let i = out.list.len();
                for &e in &edges {
                    out.of_edge.insert(e, i);
                }
                out.list.push(Inference {
                    kind,
                    premises: group,
                    target,
                    edges,
                    undercutters: Vec::new(),
                });
            }
        }
        for e in g.graph.edge_references() {
            if let EdgeKind::Undercuts { link } = e.weight() {
                if let Some(&i) = out.of_edge.get(link) {
                    out.list[i].undercutters.push(e.source());
                }
            }
        }
        for inf in &mut out.list {
            inf.undercutters.sort();
            inf.undercutters.dedup();
        }
        out
    }
}
