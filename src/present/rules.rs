//! The rule registry in words: `argmap rules` (a list, JSON, or the README's Markdown
//! table) and `argmap explain RULE`. Every text comes from the rules' declarations
//! ([`crate::analyse::checks::REGISTRY`]); nothing here is written per rule.

use crate::analyse::checks::{Found, RuleInfo};
use crate::diagnostic::Severity;
use serde::Serialize;
use std::io::{self, Write};

/// `argmap rules`: one line per rule (id, default severity, what it fires on), under a
/// header, then how to learn more.
pub fn write_list(rules: &[&RuleInfo], w: &mut dyn Write) -> io::Result<()> {
    let width = rules.iter().map(|r| r.id().len()).max().unwrap_or(0).max(4);
    writeln!(w, "{:width$}  {:7}  fires on", "rule", "default")?;
    for r in rules {
        writeln!(w, "{:width$}  {:7}  {}", r.id(), default_name(r), r.summary)?;
    }
    writeln!(
        w,
        "\n`argmap explain RULE` says why a rule matters and what to do, with an example."
    )
}

/// The rules as the README's table: `| rule | default | fires on | minimal example |`.
pub fn write_markdown(rules: &[&RuleInfo], w: &mut dyn Write) -> io::Result<()> {
    writeln!(w, "| rule | default | fires on | minimal example |")?;
    writeln!(w, "|---|---|---|---|")?;
    for r in rules {
        writeln!(
            w,
            "| `{}` | {} | {} | {} |",
            r.id(),
            default_name(r),
            cell(r.summary),
            cell(r.sketch)
        )?;
    }
    Ok(())
}

/// Text for a Markdown table cell: `|` escaped, line breaks as spaces.
fn cell(text: &str) -> String {
    text.replace('|', "\\|").replace('\n', " ")
}

/// `argmap explain RULE`: the summary, the default, what `--allow` does, the
/// explanation, the example that fires the rule and its fixed version.
pub fn write_explain(r: &RuleInfo, w: &mut dyn Write) -> io::Result<()> {
    writeln!(w, "{}: {}", r.id(), r.summary)?;
    writeln!(w)?;
    if r.rule.allowed_by_default() {
        writeln!(
            w,
            "Default: allowed (not reported); `--warn {}` reports it as a warning.",
            r.id()
        )?;
    } else {
        writeln!(w, "Default: {}.", default_words(r.default()))?;
    }
    writeln!(w, "If allowed: {}", allowed_words(r))?;
    writeln!(w)?;
    writeln!(w, "{}", r.explanation)?;
    writeln!(w)?;
    writeln!(w, "Example (fires `{}`):", r.id())?;
    writeln!(w)?;
    indented(r.example.map, w)?;
    for (name, text) in r.example.files {
        writeln!(w)?;
        writeln!(w, "with `{name}` beside it:")?;
        writeln!(w)?;
        indented(text, w)?;
    }
    writeln!(w)?;
    writeln!(w, "Fixed (no diagnostic):")?;
    writeln!(w)?;
    indented(r.example.fixed, w)
}

/// The default as the list and the table write it: `error`, `warning`, or `allow` for a
/// rule allowed by default.
fn default_name(r: &RuleInfo) -> String {
    if r.rule.allowed_by_default() {
        "allow".to_string()
    } else {
        r.default().to_string()
    }
}

fn default_words(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error (`check` exits 1, and every other command refuses the map)",
        Severity::Warning => {
            "warning (`check` reports it; it stops no command unless `--deny` makes it an error)"
        }
    }
}

/// What `--allow` does to a rule's work.
fn allowed_words(r: &RuleInfo) -> String {
    if r.rule.allowed_by_default() {
        return format!(
            "as by default: its check is not run at all; `--warn {0}` or `--deny {0}` runs it.",
            r.id()
        );
    }
    match r.found {
        Found::Check(_) if r.default() == Severity::Error => format!(
            "`--allow {}` skips its check in `check`: it is not run at all (every other \
             command still\nruns it, and refuses a map it fires on unless `--force` is given).",
            r.id()
        ),
        Found::Check(_) => format!(
            "`--allow {}` skips its check: it is not run at all.",
            r.id()
        ),
        Found::Loading => format!(
            "it is found while the file is read, so it is always looked for (without it \
             there is no map to check);\n`--allow {}` only hides it.",
            r.id()
        ),
        Found::LoadingAndCheck(_) => format!(
            "wrong types are found while the file is read, always (the map cannot be built \
             around them);\n`--allow {}` hides them and skips the check that finds the rest.",
            r.id()
        ),
    }
}

fn indented(text: &str, w: &mut dyn Write) -> io::Result<()> {
    for line in text.lines() {
        if line.is_empty() {
            writeln!(w)?;
        } else {
            writeln!(w, "    {line}")?;
        }
    }
    Ok(())
}

/// `argmap rules --format json`: `{"rules": [...]}`, each rule with every field of its
/// declaration.
#[derive(Debug, Serialize)]
pub struct RulesJson {
    /// Every rule, in registry order.
    pub rules: Vec<RuleJson>,
}

/// One rule in [`RulesJson`].
#[derive(Debug, Serialize)]
pub struct RuleJson {
    /// The rule id (`orphan`).
    pub id: &'static str,
    /// Its default severity (when enabled).
    pub default: Severity,
    /// Whether it is allowed unless a flag enables it.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub allowed_by_default: bool,
    /// What it fires on, in a line.
    pub summary: &'static str,
    /// The README table's minimal example (Markdown).
    pub sketch: &'static str,
    /// Why it matters and what to do.
    pub explanation: &'static str,
    /// A map that fires it, and the same map fixed.
    pub example: ExampleJson,
    /// `check`: found by its check, which is not run when the rule is allowed;
    /// `loading`: found while reading the file, always; `loading-and-check`: both.
    pub found: &'static str,
}

/// A rule's example in [`RuleJson`].
#[derive(Debug, Serialize)]
pub struct ExampleJson {
    /// A whole map that fires the rule alone.
    pub map: &'static str,
    /// The same map with nothing to report.
    pub fixed: &'static str,
    /// The files the maps name (`source:`).
    pub files: Vec<FileJson>,
}

/// A file beside an example map.
#[derive(Debug, Serialize)]
pub struct FileJson {
    /// The file name.
    pub name: &'static str,
    /// Its text.
    pub text: &'static str,
}

impl RulesJson {
    /// The JSON view of `rules`.
    pub fn of(rules: &[&RuleInfo]) -> RulesJson {
        RulesJson {
            rules: rules
                .iter()
                .map(|r| RuleJson {
                    id: r.id(),
                    default: r.default(),
                    allowed_by_default: r.rule.allowed_by_default(),
                    summary: r.summary,
                    sketch: r.sketch,
                    explanation: r.explanation,
                    example: ExampleJson {
                        map: r.example.map,
                        fixed: r.example.fixed,
                        files: r
                            .example
                            .files
                            .iter()
                            .map(|&(name, text)| FileJson { name, text })
                            .collect(),
                    },
                    found: match r.found {
                        Found::Check(_) => "check",
                        Found::Loading => "loading",
                        Found::LoadingAndCheck(_) => "loading-and-check",
                    },
                })
                .collect(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analyse::checks::REGISTRY;

    #[test]
    fn the_table_has_a_row_per_rule_and_escapes_pipes() {
        let mut out = Vec::new();
        write_markdown(&REGISTRY, &mut out).expect("written");
        let text = String::from_utf8(out).expect("utf-8");
        assert_eq!(text.lines().count(), 2 + REGISTRY.len());
        assert!(text.contains("| `orphan` | warning | "), "{text}");
        assert_eq!(cell("a|b\nc"), "a\\|b c");
    }
}
