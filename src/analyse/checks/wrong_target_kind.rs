//! `wrong-target-kind`: a reference to a node of the wrong kind, e.g. `cites` a claim or
//! `supports` a source.

use super::{ref_target, Example, Found, Input, RuleInfo};
use crate::graph::{Field, RefProblemKind};
use crate::diagnostic::{Diagnostic, Rule};

/// The declaration of `wrong-target-kind`.
pub const RULE: RuleInfo = RuleInfo {
    rule: Rule::WrongTargetKind,
    summary: "`cites` a claim, `supports`/`attacks` a source",
    sketch: "`cites: [C1]`",
    explanation: r#"A reference names the wrong kind of thing: `cites` names a claim, evidence item or
rebuttal instead of a source, or `supports`, `attacks`, `undercuts` or `with` names a
source. Sources are the works cited; nodes are what is argued. A claim is not a
citation, and a book cannot be attacked, only what is said with it.

Cite the source the node relies on (declared under `sources:`), and support or attack
the node that states what the source says."#,
    example: Example {
        map: r#"id: example
sources:
  book: {title: The Book}
claims:
  T1:
    text: The thesis.
    thesis: true
    cites: [book]
evidence:
  E1:
    text: The record shows it.
    cites: [book, T1]
    supports: [T1]
"#,
        fixed: r#"id: example
sources:
  book: {title: The Book}
claims:
  T1:
    text: The thesis.
    thesis: true
    cites: [book]
evidence:
  E1:
    text: The record shows it.
    cites: [book]
    supports: [T1]
"#,
        files: &[],
    },
    found: Found::Check(check),
};

pub(crate) fn check(input: &Input, out: &mut Vec<Diagnostic>) {
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
