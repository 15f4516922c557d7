//! `circular-support`: a cycle of `supports` (begging the question). One diagnostic per
//! strongly connected component of the support graph, listing one cycle through it.

use super::{node_path, Example, Found, Input, RuleInfo};
use crate::graph::EdgeKind;
use crate::diagnostic::{Diagnostic, Rule, Seg, Target};
use petgraph::graph::{DiGraph, NodeIndex};
use petgraph::visit::EdgeRef;
use petgraph::Direction;
use std::collections::{HashMap, VecDeque};

/// The declaration of `circular-support`.
pub const RULE: RuleInfo = RuleInfo {
    rule: Rule::CircularSupport,
    summary: "a cycle of `supports` (begging the question); the cycle is listed",
    sketch: "`A: {supports: [B]}`, `B: {supports: [A]}`",
    explanation: r#"The `supports` links run in a circle: A supports B, which (perhaps through others)
supports A. Reasoning in a circle is begging the question: each claim of the cycle rests
on itself, so none of them is supported by the others at all. One diagnostic is given
per group of nodes that support each other, with one cycle through it listed.

Find where the text really grounds the claims: usually one of the links runs the other
way, or both nodes rest on a third claim or on evidence. Break the cycle there."#,
    example: Example {
        map: r#"id: example
sources:
  book: {title: The Book}
claims:
  T1:
    text: The thesis.
    thesis: true
    cites: [book]
  A:
    text: A reason.
    cites: [book]
    supports: [T1, B]
  B:
    text: Another reason.
    cites: [book]
    supports: [A]
"#,
        fixed: r#"id: example
sources:
  book: {title: The Book}
claims:
  T1:
    text: The thesis.
    thesis: true
    cites: [book]
  A:
    text: A reason.
    cites: [book]
    supports: [T1]
  B:
    text: Another reason.
    cites: [book]
    supports: [A]
"#,
        files: &[],
    },
    found: Found::Check(check),
};

pub(crate) fn check(input: &Input, out: &mut Vec<Diagnostic>) {
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
    let mut sccs = cyclic_components(&support);
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

/// The strongly connected components of more than one node. Nodes that no cycle can
/// pass through are peeled off first, in linear time with flat arrays (those without a
/// remaining supporter, then those supporting nothing remaining), so the component
/// search, which allocates per component, runs only on what is left: usually nothing.
fn cyclic_components(support: &DiGraph<(), ()>) -> Vec<Vec<NodeIndex>> {
    let n = support.node_count();
    let mut alive = vec![true; n];
    for dir in [Direction::Incoming, Direction::Outgoing] {
        let mut degree: Vec<usize> = (0..n)
            .map(|i| {
                support
                    .neighbors_directed(NodeIndex::new(i), dir)
                    .filter(|v| alive[v.index()])
                    .count()
            })
            .collect();
        let mut stack: Vec<usize> = (0..n).filter(|&i| alive[i] && degree[i] == 0).collect();
        while let Some(i) = stack.pop() {
            if !alive[i] {
                continue;
            }
            alive[i] = false;
            for v in support.neighbors_directed(NodeIndex::new(i), dir.opposite()) {
                let v = v.index();
                if alive[v] {
                    degree[v] -= 1;
                    if degree[v] == 0 {
                        stack.push(v);
                    }
                }
            }
        }
    }
    if !alive.contains(&true) {
        return Vec::new();
    }
    let rest: DiGraph<NodeIndex, ()> =
        support.filter_map(|ix, _| alive[ix.index()].then_some(ix), |_, _| Some(()));
    petgraph::algo::kosaraju_scc(&rest)
        .into_iter()
        .filter(|c| c.len() > 1)
        .map(|c| c.into_iter().map(|ix| rest[ix]).collect())
        .collect()
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

#[cfg(test)]
mod tests {
    use super::*;

    fn graph(n: usize, edges: &[(usize, usize)]) -> DiGraph<(), ()> {
        let mut g = DiGraph::new();
        for _ in 0..n {
            g.add_node(());
        }
        for &(a, b) in edges {
            g.add_edge(NodeIndex::new(a), NodeIndex::new(b), ());
        }
        g
    }

    fn components(g: &DiGraph<(), ()>) -> Vec<Vec<usize>> {
        let mut c: Vec<Vec<usize>> = cyclic_components(g)
            .into_iter()
            .map(|c| {
                let mut c: Vec<usize> = c.into_iter().map(|ix| ix.index()).collect();
                c.sort_unstable();
                c
            })
            .collect();
        c.sort_unstable();
        c
    }

    #[test]
    fn peeling_keeps_every_cycle_and_only_cycles() {
        // 0 -> 1 -> 2 -> 0 (a cycle), 2 -> 3 -> 4 -> 3 (a second one, reached from the
        // first), 5 -> 0 (a tail in), 4 -> 6 (a tail out), 7 alone, 8 -> 8 (a self-loop is
        // not a component of more than one node).
        let g = graph(
            9,
            &[
                (0, 1),
                (1, 2),
                (2, 0),
                (2, 3),
                (3, 4),
                (4, 3),
                (5, 0),
                (4, 6),
                (8, 8),
            ],
        );
        assert_eq!(components(&g), vec![vec![0, 1, 2], vec![3, 4]]);
        // Acyclic: nothing is left after peeling.
        let dag = graph(5, &[(0, 1), (1, 2), (0, 2), (3, 4)]);
        assert!(components(&dag).is_empty());
    }
}
