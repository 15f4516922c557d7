//! `support-and-attack`: a node that both supports and attacks the same node.

use super::{node_path, Input};
use crate::diagnostic::{Diagnostic, Rule, Seg, Target};
use std::collections::HashSet;

pub fn check(input: &Input, out: &mut Vec<Diagnostic>) {
    let g = input.graph;
    for ix in g.graph.node_indices() {
        let Some(node) = g.graph[ix].node else {
            continue;
        };
        if node.supports.is_empty() || node.attacks.is_empty() {
            continue;
        }
        let supports: HashSet<&str> = node.supports.iter().map(|s| s.as_str()).collect();
        let id = g.graph[ix].id;
        for (i, t) in node.attacks.iter().enumerate() {
            if supports.contains(t.as_str()) {
                let mut path = node_path(g, ix);
                path.push(Seg::Key("attacks".into()));
                path.push(Seg::Index(i));
                out.push(
                    Diagnostic::new(
                        Rule::SupportAndAttack,
                        Target::value(path),
                        format!("`{id}` both supports and attacks `{t}`"),
                    )
                    .with_ids([id, t.as_str()])
                    .with_help("decide which it does; if it does both, split it into two nodes"),
                );
            }
        }
    }
}
