//! `unused-source`: a source that nothing cites.

use super::{node_path, Input};
use crate::build::{EdgeKind, NodeKind};
use crate::diagnostic::{Diagnostic, Rule, Target};

pub fn check(input: &Input, out: &mut Vec<Diagnostic>) {
    let g = input.graph;
    for ix in g.graph.node_indices() {
        let n = &g.graph[ix];
        if n.kind == NodeKind::Source
            && g.incoming(ix, |k| matches!(k, EdgeKind::Cites { .. }))
                .next()
                .is_none()
        {
            out.push(
                Diagnostic::new(
                    Rule::UnusedSource,
                    Target::key(node_path(g, ix)),
                    format!("source `{}` is not cited by anything", n.id),
                )
                .with_ids([n.id])
                .with_help("cite it from the evidence it backs, or remove it"),
            );
        }
    }
}
