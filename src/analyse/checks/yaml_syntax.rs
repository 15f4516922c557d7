//! `yaml-syntax`: text that is not YAML. It has no check: the loader
//! (`crate::parse::load`) reports it while reading the file, since there is no map
//! to check without it; so it is always looked for, and `--allow` only hides it.

use super::{Example, Found, RuleInfo};
use crate::diagnostic::{Rule};

/// The declaration of `yaml-syntax`.
pub const RULE: RuleInfo = RuleInfo {
    rule: Rule::YamlSyntax,
    summary: "text that is not YAML, at the offending character (also: not UTF-8; a NUL byte or another character YAML forbids; a tab used as indentation; a plain key over 1,024 characters; nesting over 128 levels, brackets over 1,000; alias bombs)",
    sketch: "`text: a: b`",
    explanation: r#"The file is not YAML, so there is no map to check: nothing else is reported until it is
fixed. The diagnostic points at the character where reading stopped.

The usual causes: a value holding `: ` or starting with a character YAML reserves (`[`,
`{`, `*`, `&`, `!`, `|`, `>`, `%`, `@`, a backtick) without quotes; a tab used for
indentation; a list item or key indented one column off. Quote such text (`text: "a:
b"`) and indent with spaces. argmap also refuses, as `yaml-syntax`, what would make
reading unsafe or slow: a file that is not UTF-8 or holds a NUL byte, a plain key over
1,024 characters, nesting deeper than 128 levels or 1,000 brackets, and aliases that
expand without bound."#,
    example: Example {
        map: r#"id: example
sources:
  book: {title: The Book}
claims:
  T1:
    text: The answer is: yes.
    thesis: true
    cites: [book]
"#,
        fixed: r#"id: example
sources:
  book: {title: The Book}
claims:
  T1:
    text: "The answer is: yes."
    thesis: true
    cites: [book]
"#,
        files: &[],
    },
    found: Found::Loading,
};
