//! `duplicate-id`: an id declared twice in one map, in one section or across sections.

use super::{Example, Found, Input, RuleInfo};
use crate::diagnostic::{Diagnostic, Rule, Target};
use crate::path;

/// The declaration of `duplicate-id`.
pub const RULE: RuleInfo = RuleInfo {
    rule: Rule::DuplicateId,
    summary: "an id declared twice, in one section or across sections; two maps given together with the same map `id` (reported at the second one's `id:`)",
    sketch: "`claims: {X: ...}` and `evidence: {X: ...}`",
    explanation: r#"Ids name nodes and sources across the whole map: `supports: [X]` must name one thing.
Two entries with the same id, in one section or in two (a claim and an evidence item,
say), make every reference to it ambiguous, and only one of them can be drawn or
checked.

Two maps given together (`check A B`, `compare A B`, `render A B`) must have different
map `id`s too: their nodes would merge, and `same_as: [map-id:NODE]` could not tell them
apart. Rename one of the entries (and the references meant for it), or give each map its
own `id:`."#,
    example: Example {
        map: r#"id: example
sources:
  book: {title: The Book}
claims:
  T1:
    text: The thesis.
    thesis: true
    cites: [book]
evidence:
  T1:
    text: The record shows it.
    cites: [book]
"#,
        fixed: r#"id: example
sources:
  book: {title: The Book}
claims:
  T1:
    text: The thesis.
    thesis: true
    cites: [book]
evidence:
  E1:
    text: The record shows it.
    cites: [book]
    supports: [T1]
"#,
        files: &[],
    },
    found: Found::Check(check),
};

pub(crate) fn check(input: &Input, out: &mut Vec<Diagnostic>) {
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

/// `duplicate-id` between maps checked together: a map whose top-level `id` an earlier
/// map already has (their nodes would merge, and `same_as` could not tell them apart).
/// Reported on the later map's `id:` value, with its index among `files`. The same file
/// given twice gets its own message.
pub fn across_maps<F: std::borrow::Borrow<crate::parse::load::MapFile>>(
    files: &[F],
) -> Vec<(usize, Diagnostic)> {
    let mut first: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
    let mut out = Vec::new();
    for (i, f) in files.iter().map(|f| f.borrow()).enumerate() {
        let Some(id) = f.map.as_ref().and_then(|m| m.id.as_deref()) else {
            continue;
        };
        let Some(&j) = first.get(id) else {
            first.insert(id, i);
            continue;
        };
        let earlier = &files[j].borrow().path;
        let same_file = match (&files[j].borrow().canonical, &f.canonical) {
            (Some(a), Some(b)) => a == b,
            _ => *earlier == f.path,
        };
        let (message, help) = if same_file {
            (
                format!(
                    "the map `{id}` is given twice ({} is the same file as {})",
                    f.path.display(),
                    earlier.display()
                ),
                "give each map once; maps given together must be different maps".to_string(),
            )
        } else {
            (
                format!(
                    "the maps {} and {} share the id `{id}`",
                    earlier.display(),
                    f.path.display()
                ),
                format!(
                    "give this map its own `id:` (maps given together are told apart by id, and `same_as: [{id}:NODE]` would not know which one it names)"
                ),
            )
        };
        out.push((
            i,
            Diagnostic::new(Rule::DuplicateId, Target::value(path!["id"]), message)
                .with_ids([id])
                .with_help(help),
        ));
    }
    out
}
