//! `wrong-target-kind`: a reference to a node of the wrong kind, e.g. `cites` a claim or
//! `supports` a source.

use super::{ref_target, Input};
use crate::build::{Field, RefProblemKind};
use crate::diagnostic::{Diagnostic, Rule};

pub fn check(input: &Input, out: &mut Vec<Diagnostic>) {
    let g = input.graph;
    for p in &g.problems {
        let RefProblemKind::WrongKind { found } = p.kind else {
            continue;
        };
        let from = g.graph[p.from].id;
        let help = if p.field == Field::Cites {
            "`cites` names sources (declared under `sources:`)"
        } else {
            "sources are cited with `cites`, not supported, attacked or linked"
        };
        out.push(
            Diagnostic::new(
                Rule::WrongTargetKind,
                ref_target(g, p),
                format!(
                    "`{from}` {} `{}`, which is a {}",
                    p.field.key(),
                    p.target,
                    found.name()
                ),
            )
            .with_ids([from, p.target.as_str()])
            .with_help(help),
        );
    }
}
