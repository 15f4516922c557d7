//! `empty-group`: a group that holds no node and no subgroup.

use super::{Example, Found, Input, RuleInfo};
use crate::diagnostic::{Diagnostic, Rule, Target};
use crate::path;

/// The declaration of `empty-group`.
pub const RULE: RuleInfo = RuleInfo {
    rule: Rule::EmptyGroup,
    summary: "a group that no node (`group:`) and no group (`in:`) is placed in",
    sketch: "`groups: {ch2: {title: Two}}`, nothing in `ch2`",
    explanation: r#"A group is declared under `groups:`, but no node names it with `group:` and no group
names it with `in:`. Either the nodes of that chapter or section are not placed in it
yet, or the group is left over from an earlier version of the map.

Place the nodes it should hold in it (`group: ID`), or remove it."#,
    example: Example {
        map: r#"id: example
groups:
  ch1: {title: "Chapter 1"}
  ch2: {title: "Chapter 2"}
sources:
  book: {title: The Book}
claims:
  T1:
    text: The thesis.
    thesis: true
    cites: [book]
    group: ch1
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
"#,
        files: &[],
    },
    found: Found::Check(check),
};

pub(crate) fn check(input: &Input, out: &mut Vec<Diagnostic>) {
    let groups = input.groups();
    // A group inside a loop holds the next group of the loop, though `parent` is cut.
    let mut named_by_in = vec![false; groups.list.len()];
    for g in &groups.list {
        if let Some(p) = g.written_parent.as_deref().and_then(|p| groups.get(p)) {
            named_by_in[p] = true;
        }
    }
    for (i, g) in groups.list.iter().enumerate() {
        if g.members.is_empty() && !named_by_in[i] {
            out.push(
                Diagnostic::new(
                    Rule::EmptyGroup,
                    Target::key(path!["groups", &g.id]),
                    format!("group `{}` holds no node and no group", g.id),
                )
                .with_ids([g.id.as_str()])
                .with_help("place nodes in it with `group:`, or remove it"),
            );
        }
    }
}
