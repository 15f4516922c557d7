//! `rebuttal-without-target`: a rebuttal that attacks or undercuts nothing.

use super::{node_path, Input};
use crate::build::NodeKind;
use crate::diagnostic::{Diagnostic, Rule, Target};

pub fn check(input: &Input, out: &mut Vec<Diagnostic>) {
    let g = input.graph;
    for ix in g.graph.node_indices() {
        let n = &g.graph[ix];
        if n.kind == NodeKind::Rebuttal
            && n.node
                .is_some_and(|node| node.attacks.is_empty() && node.undercuts().is_empty())
        {
            out.push(
                Diagnostic::new(
                    Rule::RebuttalWithoutTarget,
                    Target::key(node_path(g, ix)),
                    format!("rebuttal `{}` attacks or undercuts nothing", n.id),
                )
                .with_ids([n.id])
                .with_help("add `attacks: [ID]` or `undercuts: [\"A -> B\"]`, or make it a claim"),
            );
        }
    }
}
