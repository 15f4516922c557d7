//! `uncited-evidence`: evidence with no `cites`.

use super::{node_path, Input};
use crate::build::NodeKind;
use crate::diagnostic::{Diagnostic, Rule, Target};

pub fn check(input: &Input, out: &mut Vec<Diagnostic>) {
    let g = input.graph;
    for ix in g.graph.node_indices() {
        let n = &g.graph[ix];
        if n.kind == NodeKind::Evidence && n.node.is_some_and(|node| node.cites.is_empty()) {
            out.push(
                Diagnostic::new(
                    Rule::UncitedEvidence,
                    Target::key(node_path(g, ix)),
                    format!("evidence `{}` cites no source", n.id),
                )
                .with_ids([n.id])
                .with_help(
                    "add `cites: [SOURCE]`, or make it a claim if it is the author's own assertion",
                ),
            );
        }
    }
}
