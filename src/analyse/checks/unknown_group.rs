//! `unknown-group`: a node's `group:` or a group's `in:` names no group.

use super::{Example, Found, Guesses, Input, RuleInfo};
use crate::analyse::groups::{node_group_path, Unknown};
use crate::diagnostic::{Diagnostic, Rule, Target};
use crate::path;

/// The declaration of `unknown-group`.
pub const RULE: RuleInfo = RuleInfo {
    rule: Rule::UnknownGroup,
    summary: "a node's `group:` or a group's `in:` names no group under `groups:`",
    sketch: "`group: chl` with no group `chl`",
    explanation: r#"A node is placed in a group (`group: ID`), or a group in a parent group (`in: ID`), but
`groups:` declares no group with that id (often a typo: the help line suggests the group
meant). Group ids are their own namespace: `group:` and `in:` name groups, never claims
or sources.

The node (or group) is then drawn and reported outside any group, which is not what the
map says. Declare the group under `groups:`, or correct the id."#,
    example: Example {
        map: r#"id: example
groups:
  ch1: {title: "Chapter 1"}
sources:
  book: {title: The Book}
claims:
  T1:
    text: The thesis.
    thesis: true
    cites: [book]
    group: ch1
  C1:
    text: A reason.
    cites: [book]
    supports: [T1]
    group: chl
"#,
        fixed: r#"id: example
groups:
  ch1: {title: "Chapter 1"}
sources:
  book: {title: The Book}
claims:
  T1:
    text: The thesis.
    thesis: true
    cites: [book]
    group: ch1
  C1:
    text: A reason.
    cites: [book]
    supports: [T1]
    group: ch1
"#,
        files: &[],
    },
    found: Found::Check(check),
};

pub(crate) fn check(input: &Input, out: &mut Vec<Diagnostic>) {
    let g = input.graph;
    let groups = input.groups();
    let mut guesses = Guesses::default();
    for u in &groups.unknown {
        // Candidates: every group but the one whose `in:` this is.
        let this = match *u {
            Unknown::Group(i) => Some(i),
            Unknown::Node(_) => None,
        };
        let ids = || {
            groups
                .list
                .iter()
                .enumerate()
                .filter(move |(i, _)| Some(*i) != this)
                .map(|(_, x)| x.id.as_str())
        };
        let (path, name, owner, what) = match *u {
            Unknown::Node(ix) => {
                let node = &g.graph[ix];
                let name = node.node.and_then(|x| x.group()).unwrap_or("");
                (
                    node_group_path(node.kind.section(), node.id),
                    name,
                    node.id,
                    format!("`{}` is placed in group `{name}`", node.id),
                )
            }
            Unknown::Group(i) => {
                let group = &groups.list[i];
                let name = group.written_parent.as_deref().unwrap_or("");
                (
                    path!["groups", &group.id, "in"],
                    name,
                    group.id.as_str(),
                    format!("group `{}` is in group `{name}`", group.id),
                )
            }
        };
        let suggestion = guesses.guess(name, ids());
        let fix = suggestion.clone().map(crate::diagnostic::Fix::Replace);
        let help = match suggestion {
            Some(s) => format!("did you mean `{s}`?"),
            None if ids().next().is_none() => {
                "declare it under `groups:` (`ID: {title: ...}`)".to_string()
            }
            None => format!(
                "declare it under `groups:`, or name one of: {}",
                ids().take(8).collect::<Vec<_>>().join(", ")
            ),
        };
        out.push(
            Diagnostic::new(
                Rule::UnknownGroup,
                Target::value(path),
                format!("{what}, which is not declared"),
            )
            .with_ids([owner])
            .with_help(help)
            .with_fixes(fix),
        );
    }
}
