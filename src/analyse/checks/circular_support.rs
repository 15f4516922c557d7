//! `circular-support`: a cycle of `supports` (begging the question). One diagnostic per
//! strongly connected component of the support graph, listing one cycle through it.

use super::{node_path, Input};
use crate::build::EdgeKind;
use crate::diagnostic::{Diagnostic, Rule, Seg, Target};
use petgraph::graph::{DiGraph, NodeIndex};
use petgraph::visit::EdgeRef;
use std::collections::{HashMap, VecDeque};

pub fn check(input: &Input, out: &mut Vec<Diagnostic>) {
    let g = input.graph;
    let n = g.graph.node_count();
    let mut support: DiGraph<(), ()> = DiGraph::with_capacity(n, g.graph.edge_count());
    for _ in 0..n {
        support.add_node(());
    }
    for e in g.graph.edge_references() {
        if *e.weight() == EdgeKind::Supports {
            support.add_edge(e.source(), e.target(), ());
        }
    }
    let mut sccs: Vec<Vec<NodeIndex>> = petgraph::algo::kosaraju_scc(&support)
        .into_iter()
        .filter(|c| c.len() > 1)
        .collect();
    for c in &mut sccs {
        c.sort_unstable();
    }
    sccs.sort_unstable();
    for scc in sccs {
        let cycle = find_cycle(&support, &scc);
        let Some(&last) = cycle.last() else { continue };
        let first = cycle[0];
        let ids: Vec<&str> = cycle.iter().map(|&ix| g.graph[ix].id).collect();
        let mut shown: Vec<&str> = ids.clone();
        shown.push(ids[0]);
        // Point at the `supports` item that closes the cycle.
        let closing = g.graph[last]
            .node
            .and_then(|node| node.supports.iter().position(|s| s == g.graph[first].id));
        let mut path = node_path(g, last);
        if let Some(i) = closing {
            path.push(Seg::Key("supports".into()));
            path.push(Seg::Index(i));
        }
        let mut message = format!("circular support: {}", shown.join(" -> "));
        if scc.len() > cycle.len() {
            message.push_str(&format!(" ({} nodes support each other in all)", scc.len()));
        }
        out.push(
            Diagnostic::new(Rule::CircularSupport, Target::value(path), message)
                .with_ids(ids)
                .with_help(
                    "a claim cannot be supported, however indirectly, by itself: break the cycle",
                ),
        );
    }
}

/// A shortest cycle through the first node of a strongly connected component, found by a
/// breadth-first search inside the component: `[first, ..., last]`, where last → first.
fn find_cycle(g: &DiGraph<(), ()>, scc: &[NodeIndex]) -> Vec<NodeIndex> {
    let start = scc[0];
    let inside: std::collections::HashSet<NodeIndex> = scc.iter().copied().collect();
    let mut parent: HashMap<NodeIndex, NodeIndex> = HashMap::new();
    let mut queue = VecDeque::from([start]);
    while let Some(u) = queue.pop_front() {
        let mut next: Vec<NodeIndex> = g.neighbors(u).filter(|v| inside.contains(v)).collect();
        next.sort_unstable();
        for v in next {
            if v == start {
                let mut cycle = vec![u];
                let mut cur = u;
                while cur != start {
                    cur = parent[&cur];
                    cycle.push(cur);
                }
                cycle.reverse();
                return cycle;
            }
            if let std::collections::hash_map::Entry::Vacant(e) = parent.entry(v) {
                e.insert(u);
                queue.push_back(v);
            }
        }
    }
    Vec::new()
}
