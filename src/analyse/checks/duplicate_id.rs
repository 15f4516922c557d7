//! `duplicate-id`: an id declared twice in one map, in one section or across sections.

use super::Input;
use crate::diagnostic::{Diagnostic, Rule, Target};
use crate::path;

pub fn check(input: &Input, out: &mut Vec<Diagnostic>) {
    for d in &input.graph.duplicates {
        let mut t = Target::key(path![d.section.key(), &d.id]);
        t.occurrence = d.occurrence;
        let message = if d.first == d.section {
            format!("`{}` is declared twice in `{}`", d.id, d.section.key())
        } else {
            format!(
                "`{}` is declared in `{}` and again in `{}`",
                d.id,
                d.first.key(),
                d.section.key()
            )
        };
        out.push(
            Diagnostic::new(Rule::DuplicateId, t, message)
                .with_ids([d.id.as_str()])
                .with_help(
                    "ids are unique across claims, evidence, rebuttals and sources: rename one",
                ),
        );
    }
}
