//! `include-unreadable`: a file named in `include` cannot be read. It has no check: the
//! loader (`crate::parse::include`) reports it while following the includes, at the
//! entry; so it is always looked for, and `--allow` only hides it.

use super::{Example, Found, RuleInfo};
use crate::diagnostic::Rule;

/// The declaration of `include-unreadable`.
pub const RULE: RuleInfo = RuleInfo {
    rule: Rule::IncludeUnreadable,
    summary: "a file named in `include` missing, not a regular file, over 1 GiB, not UTF-8, or outside the map's project and the working directory (at the entry)",
    sketch: "`include: [missing.yaml]`",
    explanation: r#"A map can live in several files: `include: [part.yaml]` merges the entries of
`part.yaml` into the map. This entry names a file that cannot be read: it does not exist,
is not a regular file (a directory, a FIFO, a device), is over 1 GiB, or resolves outside
the map's project (the nearest folder with `.git`, else the root map's folder) and the
working directory. The nodes it would hold are missing from the map, so references to
them dangle too.

An included file's path is relative to the file that includes it. Correct the path; for
a file deliberately kept elsewhere, pass `--allow-source-outside`."#,
    example: Example {
        map: r#"id: example
include: [missing.yaml]
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
