//! `uncited-claim`: a claim with no chain of `supports` reaching cited evidence.

use super::{node_path, Input};
use crate::analyse::support::Status;
use crate::build::NodeKind;
use crate::diagnostic::{Diagnostic, Rule, Target};

pub fn check(input: &Input, out: &mut Vec<Diagnostic>) {
    let g = input.graph;
    for ix in g.graph.node_indices() {
        let n = &g.graph[ix];
        if n.kind != NodeKind::Claim {
            continue;
        }
        let message = match input.support.status(ix) {
            Status::Cited => continue,
            Status::Uncited => format!(
                "claim `{}` has supporters, but no chain of them reaches cited evidence",
                n.id
            ),
            Status::Unsupported => {
                format!("claim `{}` is supported by nothing and cites nothing", n.id)
            }
        };
        out.push(
            Diagnostic::new(Rule::UncitedClaim, Target::key(node_path(g, ix)), message)
                .with_ids([n.id])
                .with_help(
                    "support it with evidence that `cites` a source, or let it cite one itself",
                ),
        );
    }
}
