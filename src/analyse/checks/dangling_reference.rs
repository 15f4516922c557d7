//! `dangling-reference`: a reference that names nothing: an unknown id, an undercut link
//! that does not exist, or a `with` co-premise that shares no target with the node.

use super::{ref_target, Example, Found, Guesses, Input, RuleInfo};
use crate::graph::{Field, NodeKind, RefProblemKind};
use crate::diagnostic::{Diagnostic, Fix, Rule};

/// The declaration of `dangling-reference`.
pub const RULE: RuleInfo = RuleInfo {
    rule: Rule::DanglingReference,
    summary: "`supports`/`attacks`/`undercuts`/`with`/`cites`/`same_as`/`contradicts` names nothing (or a link that does not exist, or a co-premise with no shared target)",
    sketch: "`supports: [T2]` with no `T2`",
    explanation: r#"A reference names something the map does not have: a node or source id that is declared
nowhere (usually a typo: the help line suggests the id meant), an undercut `A -> B`
where A neither supports nor attacks B (or `U -> A -> B` where U does not undercut
`A -> B`), a `with` co-premise that shares no target with the node, or a `same_as` or
`contradicts` to a node that the other map, given together with this one, lacks.

The link is dropped from the graph, so the map argues less than it says: a support that
does not count, an attack that does not attack. Declare the missing node, or correct the
id."#,
    example: Example {
        map: r#"id: example
sources:
  book: {title: The Book}
claims:
  T1:
    text: The thesis.
    thesis: true
    cites: [book]
  C1:
    text: A reason for the thesis.
    cites: [book]
    supports: [T1, T2]
"#,
        fixed: r#"id: example
sources:
  book: {title: The Book}
claims:
  T1:
    text: The thesis.
    thesis: true
    cites: [book]
  C1:
    text: A reason for the thesis.
    cites: [book]
    supports: [T1]
"#,
        files: &[],
    },
    found: Found::Check(check),
};

pub(crate) fn check(input: &Input, out: &mut Vec<Diagnostic>) {
    let g = input.graph;
    let mut guesses = Guesses::default();
    for p in &g.problems {
        let from = g.graph[p.from].id;
        let d = match &p.kind {
            RefProblemKind::Missing => {
                let want_source = p.field == Field::Cites;
                let candidates = g
                    .graph
                    .node_weights()
                    .filter(|n| (n.kind == NodeKind::Source) == want_source)
                    .map(|n| n.id);
                let meant = guesses.guess(&p.target, candidates);
                let help = meant.as_ref().map(|s| format!("did you mean `{s}`?"));
                let what = if p.field == Field::Cites {
                    "source"
                } else {
                    "node"
                };
                Diagnostic::new(
                    Rule::DanglingReference,
                    ref_target(g, p),
                    format!(
                        "`{from}` {}: no {what} `{}` in this map",
                        p.field.key(),
                        p.target
                    ),
                )
                .with_help_opt(
                    help.or_else(|| Some(format!("declare `{}` or correct the id", p.target))),
                )
                .with_fixes(meant.map(Fix::Replace))
                .with_fixes(
                    (p.field == Field::Cites).then(|| Fix::AddSource(p.target.to_string())),
                )
            }
            RefProblemKind::NoSuchLink => Diagnostic::new(
                Rule::DanglingReference,
                ref_target(g, p),
                format!(
                    "`{from}` undercuts the link `{}`, which does not exist",
                    p.target
                ),
            )
            .with_help("an undercut names a link `A -> B` where A supports or attacks B"),
            RefProblemKind::NoSuchInnerLink { link } => Diagnostic::new(
                Rule::DanglingReference,
                ref_target(g, p),
                format!(
                    "`{from}` undercuts the link `{}`, but the link `{link}` does not exist",
                    p.target
                ),
            )
            .with_help(
                "`U -> A -> B` names the link by which U undercuts `A -> B`: each link named must exist",
            ),
            RefProblemKind::NotCoPremise => Diagnostic::new(
                Rule::DanglingReference,
                ref_target(g, p),
                format!(
                    "`{from}` is linked `with` `{}`, but they share no target",
                    p.target
                ),
            )
            .with_help(format!(
                "co-premises act together: `{}` must support or attack what `{from}` does",
                p.target
            )),
            _ => continue,
        };
        out.push(d.with_ids([from, p.target.as_str()]));
    }
    crate::analyse::schemes::report::dangling_links(input, out);
}
