//! `support-and-attack`: a node that both supports and attacks the same node.

use super::{node_path, Example, Found, Input, RuleInfo};
use crate::diagnostic::{Diagnostic, Rule, Seg, Target};
use std::collections::HashSet;

/// The declaration of `support-and-attack`.
pub const RULE: RuleInfo = RuleInfo {
    rule: Rule::SupportAndAttack,
    summary: "a node both supports and attacks the same node",
    sketch: "`supports: [C1]`, `attacks: [C1]`",
    explanation: r#"A node is listed both in `supports` and in `attacks` of the same target. It cannot be a
reason for a claim and a reason against it at once: the evaluation of the map would
count it on both sides.

Decide which it does. If the text really says two things, one for the claim and one
against it, split the node into two, each with its own text."#,
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
    supports: [T1]
    attacks: [T1]
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
