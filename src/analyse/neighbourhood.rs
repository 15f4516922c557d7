//! `--focus ID --depth N`: the nodes within N steps of a node, over supports, attacks and
//! undercuts in either direction (and, for drawing, the sources its evidence cites).

use crate::build::{ArgGraph, EdgeKind};
use petgraph::graph::NodeIndex;
use petgraph::visit::EdgeRef;
use petgraph::Direction;
use std::collections::{HashSet, VecDeque};

/// The nodes within `depth` steps of `focus` (breadth-first, linear in what it visits).
pub fn neighbourhood(g: &ArgGraph, focus: NodeIndex, depth: usize) -> HashSet<NodeIndex> {
    let mut seen = HashSet::from([focus]);
    let mut queue = VecDeque::from([(focus, 0)]);
    while let Some((u, d)) = queue.pop_front() {
        if d == depth {
            continue;
        }
        for dir in [Direction::Outgoing, Direction::Incoming] {
            for e in g.graph.edges_directed(u, dir) {
                let link = match e.weight() {
                    EdgeKind::Supports | EdgeKind::Attacks | EdgeKind::Undercuts { .. } => true,
                    EdgeKind::Cites { .. } | EdgeKind::SameAs => false,
                };
                if !link {
                    continue;
                }
                let v = if dir == Direction::Outgoing {
                    e.target()
                } else {
                    e.source()
                };
                if seen.insert(v) {
                    queue.push_back((v, d + 1));
                }
            }
        }
    }
    seen
}
