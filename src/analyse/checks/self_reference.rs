//! `self-reference`: a node that supports, attacks, undercuts or is linked with itself.

use super::{ref_target, Input};
use crate::build::RefProblemKind;
use crate::diagnostic::{Diagnostic, Rule};

pub fn check(input: &Input, out: &mut Vec<Diagnostic>) {
    let g = input.graph;
    for p in &g.problems {
        if p.kind != RefProblemKind::SelfReference {
            continue;
        }
        let from = g.graph[p.from].id;
        out.push(
            Diagnostic::new(
                Rule::SelfReference,
                ref_target(g, p),
                format!("`{from}` {} itself", p.field.key()),
            )
            .with_ids([from])
            .with_help("remove the reference: a node cannot back or defeat itself"),
        );
    }
}
