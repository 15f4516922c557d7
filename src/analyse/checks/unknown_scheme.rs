//! `unknown-scheme`: a `scheme:` (on a node, or for a link in `schemes:`) that names no
//! scheme of the catalogue or of the map.

use super::{Example, Found, Guesses, Input, RuleInfo};
use crate::analyse::schemes::{lookup, names};
use crate::diagnostic::{Diagnostic, Rule, Target};
use crate::parse::model::SchemeEntry;
use crate::path;

/// The declaration of `unknown-scheme`.
pub const RULE: RuleInfo = RuleInfo {
    rule: Rule::UnknownScheme,
    summary: "a `scheme` that names no scheme of the catalogue (`argmap schemes`) or of the map's `schemes:`",
    sketch: "`scheme: expert-opinon`",
    explanation: r#"An argument's scheme must be one argmap knows: a scheme of the built-in catalogue
(`argmap schemes` lists them, `argmap schemes NAME` shows one), or one the map defines
in `schemes:` (an id with `title`, `premises`, `conclusion`, `questions`). An unknown
name is usually a typo: the help line suggests the scheme meant. Without a known scheme,
the argument has no critical questions to answer or ask."#,
    example: Example {
        map: r#"id: example
sources:
  book: {title: The Book}
claims:
  T1:
    text: The thesis.
    thesis: true
evidence:
  E1:
    text: An expert says so.
    cites: [book]
    supports: [T1]
    scheme: expert-opinon
"#,
        fixed: r#"id: example
sources:
  book: {title: The Book}
claims:
  T1:
    text: The thesis.
    thesis: true
evidence:
  E1:
    text: An expert says so.
    cites: [book]
    supports: [T1]
    scheme: expert-opinion
"#,
        files: &[],
    },
    found: Found::Check(check),
};

pub(crate) fn check(input: &Input, out: &mut Vec<Diagnostic>) {
    let g = input.graph;
    let mut guesses = Guesses::default();
    let mut report = |name: &str, target: Target, id: &str| {
        if lookup(g, name).is_some() {
            return;
        }
        let guess = guesses.guess(name, names(g));
        let fix = guess.clone().map(crate::diagnostic::Fix::Replace);
        let help = match guess {
            Some(s) => format!("did you mean `{s}`?"),
            None => "`argmap schemes` lists the built-in schemes; a map defines its own in `schemes:`"
                .to_string(),
        };
        out.push(
            Diagnostic::new(
                Rule::UnknownScheme,
                target,
                format!("unknown scheme `{name}`"),
            )
            .with_ids([id])
            .with_help(help)
            .with_fixes(fix),
        );
    };
    for (section, nodes) in g.map.node_sections() {
        for (id, node) in nodes.iter() {
            if let Some(name) = node.scheme() {
                report(name, Target::value(path![section.key(), id, "scheme"]), id);
            }
        }
    }
    for (key, entry) in g.map.schemes.iter() {
        if let SchemeEntry::Link(name) = entry {
            report(name, Target::value(path!["schemes", key]), key);
        }
    }
}
