//! `orphan`: a claim, evidence item or rebuttal with no path to or from a thesis through
//! supports, attacks and undercuts (in either direction). Not reported when the map has
//! no thesis (`no-thesis` says so).

use super::{node_path, Input};
use crate::build::{EdgeKind, NodeKind};
use crate::diagnostic::{Diagnostic, Rule, Target};
use petgraph::visit::EdgeRef;
use petgraph::Direction;

pub fn check(input: &Input, out: &mut Vec<Diagnostic>) {
    let g = input.graph;
    let mut seen = vec![false; g.graph.node_count()];
    let mut stack = g.theses();
    if stack.is_empty() {
        return;
    }
    for &t in &stack {
        seen[t.index()] = true;
    }
    while let Some(u) = stack.pop() {
        for dir in [Direction::Outgoing, Direction::Incoming] {
            for e in g.graph.edges_directed(u, dir) {
                if !matches!(
                    e.weight(),
                    EdgeKind::Supports | EdgeKind::Attacks | EdgeKind::Undercuts { .. }
                ) {
                    continue;
                }
                let v = if dir == Direction::Outgoing {
                    e.target()
                } else {
                    e.source()
                };
                if !seen[v.index()] {
                    seen[v.index()] = true;
                    stack.push(v);
                }
            }
        }
    }
    for ix in g.graph.node_indices() {
        let n = &g.graph[ix];
        // A rebuttal without a target is reported by `rebuttal-without-target` alone.
        let targetless = n.kind == NodeKind::Rebuttal
            && n.node
                .is_some_and(|x| x.attacks.is_empty() && x.undercuts().is_empty());
        if n.kind != NodeKind::Source && !seen[ix.index()] && !targetless {
            out.push(
                Diagnostic::new(
                    Rule::Orphan,
                    Target::key(node_path(g, ix)),
                    format!(
                        "{} `{}` is not connected to any thesis",
                        n.kind.name(),
                        n.id
                    ),
                )
                .with_ids([n.id])
                .with_help("link it with supports, attacks or undercuts, or remove it"),
            );
        }
    }
}
