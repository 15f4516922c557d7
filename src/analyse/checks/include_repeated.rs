//! `include-repeated`: a file included twice by the files of one map. It has no check:
//! the loader (`crate::parse::include`) reports it while following the includes, at the
//! later entry; so it is always looked for, and `--allow` only hides it.

use super::{Example, Found, RuleInfo};
use crate::diagnostic::Rule;

/// The declaration of `include-repeated`.
pub const RULE: RuleInfo = RuleInfo {
    rule: Rule::IncludeRepeated,
    summary: "a file included a second time (by the same or another file of the map); it is merged once (at the later entry)",
    sketch: "`include: [part.yaml, part.yaml]`",
    explanation: r#"A file is part of a map once: its entries are merged the first time it is included, and a
later `include` of the same file (the same file after resolving symbolic links, by the
same or another file of the map) is skipped, so its ids are not declared twice. Nothing is
lost, but the map's files no longer say plainly which file holds which part.

Remove the later entry: each file of the map should be included by exactly one other."#,
    example: Example {
        map: r#"id: example
include: [part.yaml, ./part.yaml]
sources:
  book: {title: The Book}
claims:
  T1:
    text: The thesis.
    thesis: true
    cites: [book]
"#,
        fixed: r#"id: example
include: [part.yaml]
sources:
  book: {title: The Book}
claims:
  T1:
    text: The thesis.
    thesis: true
    cites: [book]
"#,
        files: &[(
            "part.yaml",
            "evidence:\n  E1:\n    text: The record shows it.\n    cites: [book]\n    supports: [T1]\n",
        )],
    },
    found: Found::Loading,
};
