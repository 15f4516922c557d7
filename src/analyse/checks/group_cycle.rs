//! `group-cycle`: `in:` chains that loop (a group inside itself). One diagnostic per
//! loop, at the `in:` of the loop's group that comes first in the document.

use super::{Example, Found, Input, RuleInfo};
use crate::diagnostic::{Diagnostic, Rule, Target};
use crate::path;

/// The declaration of `group-cycle`.
pub const RULE: RuleInfo = RuleInfo {
    rule: Rule::GroupCycle,
    summary: "groups whose `in:` chain loops (a group inside itself); the loop is listed",
    sketch: "`a: {title: A, in: b}`, `b: {title: B, in: a}`",
    explanation: r#"Following the `in:` of the groups from one to its parent leads back to where it started:
a chapter inside its own section, or a group `in:` itself. Groups nest as a tree (a book,
its chapters, their sections), so a loop has no top and cannot be drawn or read as one.
One diagnostic is given per loop, with the loop listed.

Decide which group is the outer one and remove (or change) its `in:`."#,
    example: Example {
        map: r#"id: example
groups:
  ch1: {title: "Chapter 1", in: s1}
  s1: {title: "Section 1.1", in: ch1}
sources:
  book: {title: The Book}
claims:
  T1:
    text: The thesis.
    thesis: true
    cites: [book]
    group: s1
"#,
        fixed: r#"id: example
groups:
  ch1: {title: "Chapter 1"}
  s1: {title: "Section 1.1", in: ch1}
sources:
  book: {title: The Book}
claims:
  T1:
    text: The thesis.
    thesis: true
    cites: [book]
    group: s1
"#,
        files: &[],
    },
    found: Found::Check(check),
};

pub(crate) fn check(input: &Input, out: &mut Vec<Diagnostic>) {
    let groups = input.groups();
    for cycle in &groups.cycles {
        let ids: Vec<&str> = cycle.iter().map(|&i| groups.list[i].id.as_str()).collect();
        let mut shown = ids.clone();
        shown.push(ids[0]);
        let message = if ids.len() == 1 {
            format!("group `{}` is in itself", ids[0])
        } else {
            format!("groups in a loop: {}", shown.join(" in "))
        };
        out.push(
            Diagnostic::new(
                Rule::GroupCycle,
                Target::value(path!["groups", ids[0], "in"]),
                message,
            )
            .with_ids(ids)
            .with_help("groups nest as a tree: remove the `in:` of the outermost group"),
        );
    }
}
