//! `include-cycle`: files of a map that include each other. It has no check: the loader
//! (`crate::parse::include`) reports it while following the includes, at the entry that
//! closes the cycle; so it is always looked for, and `--allow` only hides it.

use super::{Example, Found, RuleInfo};
use crate::diagnostic::Rule;

/// The declaration of `include-cycle`.
pub const RULE: RuleInfo = RuleInfo {
    rule: Rule::IncludeCycle,
    summary: "a file that includes itself, directly or through other files (at the `include` entry that closes the cycle)",
    sketch: "`include: [b.yaml]` in `a.yaml`, `include: [a.yaml]` in `b.yaml`",
    explanation: r#"The files of a map form a tree: the root map file includes parts, which may include
parts of their own. Here an `include` entry names a file that is already being read
higher up the chain (the message lists the chain), so following it would never end. The
entry is not followed; every file of the cycle is merged once.

Remove the entry that closes the cycle: each file of the map should be included by
exactly one other."#,
    example: Example {
        map: r#"id: example
include: [part.yaml]
sources:
  book: {title: The Book}
claims:
  T1:
    text: The thesis.
    thesis: true
    cites: [book]
"#,
        fixed: r#"id: example
include: [chapter.yaml]
sources:
  book: {title: The Book}
claims:
  T1:
    text: The thesis.
    thesis: true
    cites: [book]
"#,
        files: &[
            (
                "part.yaml",
                "include: [example.yaml]\nevidence:\n  E1:\n    text: The record shows it.\n    cites: [book]\n    supports: [T1]\n",
            ),
            (
                "chapter.yaml",
                "evidence:\n  E1:\n    text: The record shows it.\n    cites: [book]\n    supports: [T1]\n",
            ),
        ],
    },
    found: Found::Loading,
};
