//! `source-unreadable`: the map's `source` file is missing or cannot be read.

use super::{Example, Found, Input, RuleInfo, SourceText};
use crate::diagnostic::{Diagnostic, Rule, Target};
use crate::path;

/// The declaration of `source-unreadable`.
pub const RULE: RuleInfo = RuleInfo {
    rule: Rule::SourceUnreadable,
    summary: "`source` missing, not a regular file, over 1 GiB, not UTF-8, or outside the map's project and the working directory",
    sketch: "`source: missing.txt`",
    explanation: r#"The map's `source`, the text its quotes are checked against, cannot be read: the file
does not exist, is not a regular file (a directory, a FIFO, a device), is over 1 GiB or
not UTF-8, or resolves outside the map's project (the nearest folder with `.git`, else
the map's folder) and the working directory. Until it can be read, no quote of the map
is checked.

`source` is relative to the map file (to the working directory for a map read from `-`).
Correct the path; for a source deliberately kept elsewhere, pass
`--allow-source-outside`."#,
    example: Example {
        map: r#"id: example
source: missing.txt
sources:
  book: {title: The Book}
claims:
  T1:
    text: The thesis.
    thesis: true
    cites: [book]
    quote: the thesis holds
"#,
        fixed: r#"id: example
source: essay.txt
sources:
  book: {title: The Book}
claims:
  T1:
    text: The thesis.
    thesis: true
    cites: [book]
    quote: the thesis holds
"#,
        files: &[("essay.txt", "The essay argues that the thesis holds, whatever its critics say.
"), ],
    },
    found: Found::Check(check),
};

pub(crate) fn check(input: &Input, out: &mut Vec<Diagnostic>) {
    if let SourceText::Unreadable(why) = input.source {
        let source = input.graph.map.source.as_deref().unwrap_or("");
        out.push(
            Diagnostic::new(
                Rule::SourceUnreadable,
                Target::value(path!["source"]),
                format!("cannot read source `{source}`: {why}"),
            )
            .with_help(
                "`source` is relative to the map file (to the working directory for a map read from `-`); quotes are not checked until it can be read",
            ),
        );
    }
}
