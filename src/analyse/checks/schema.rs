//! `schema`: wrong types (reported while loading), missing or empty `text`, unknown or
//! repeated fields, bad ids, a source without title or note, `thesis` outside claims,
//! malformed `A -> B` links and `map:NODE` references.

use super::{ref_target, Example, Found, Input, RuleInfo};
use crate::graph::{ArgGraph, RefProblemKind};
use crate::diagnostic::{did_you_mean, Diagnostic, Fix, Rule, Seg, Target};
use crate::parse::ids::{valid_map_id, valid_node_id};
use crate::parse::model::{
    FieldProblem, Id, Map, Node, SchemeEntry, Section, CITE_FIELDS, GROUP_FIELDS, MAP_FIELDS,
    NODE_FIELDS, SCHEME_FIELDS, SOURCE_FIELDS,
};
use crate::path;

/// The declaration of `schema`.
pub const RULE: RuleInfo = RuleInfo {
    rule: Rule::Schema,
    summary: "wrong type, missing or empty `text`, unknown or repeated field, bad id, source without title/note, `thesis` outside claims, malformed `A -> B` or `map:NODE`",
    sketch: "`T1: {txt: hello}`",
    explanation: r#"The file is YAML but not a map as argmap reads it: a field of the wrong type (a list
where text is expected), a node without `text` or with an empty one, a field argmap does
not know (often a typo: the help line suggests the field meant) or a field given twice
(YAML would silently keep one of them), an id with characters ids cannot have, a source
with neither `title` nor `note`, `thesis` on something other than a claim, an undercut
that is not written `A -> B`, a `same_as` that is not `map-id:NODE`, a `contradicts`
that does not name a node of another map (`other-map-id:NODE`).

Such a map would be read differently from what its author wrote, so it is an error. Fix
the field the diagnostic points at; `argmap schema` prints the JSON Schema of the
format, for checking maps in an editor as they are written."#,
    example: Example {
        map: r#"id: example
sources:
  book: {title: The Book}
claims:
  T1:
    txt: The thesis.
    thesis: true
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
"#,
        files: &[],
    },
    found: Found::LoadingAndCheck(check),
};

fn field_problems(
    base: Vec<Seg>,
    problems: &[FieldProblem],
    known: &[&str],
    what: &str,
    out: &mut Vec<Diagnostic>,
) {
    for p in problems {
        match p {
            FieldProblem::Unknown(key) => {
                let mut path = base.clone();
                path.push(Seg::Key(key.clone()));
                let meant = did_you_mean(key, known.iter().copied());
                let help = match &meant {
                    Some(s) => format!("did you mean `{s}`?"),
                    None => format!("{what} fields are: {}", known.join(", ")),
                };
                let d = Diagnostic::new(
                    Rule::Schema,
                    Target::key(path),
                    format!("unknown field `{key}` in {what}"),
                )
                .with_help(help);
                out.push(d.with_fixes(meant.map(Fix::Replace)));
            }
            FieldProblem::Duplicate { key, occurrence } => {
                let mut path = base.clone();
                path.push(Seg::Key(key.clone()));
                let mut t = Target::key(path);
                t.occurrence = *occurrence;
                out.push(
                    Diagnostic::new(
                        Rule::Schema,
                        t,
                        format!("field `{key}` is given twice in {what}"),
                    )
                    .with_help("YAML keeps only one of them: merge the two"),
                );
            }
        }
    }
}

pub(crate) fn check(input: &Input, out: &mut Vec<Diagnostic>) {
    let map = input.graph.map;
    field_problems(Vec::new(), &map.problems, MAP_FIELDS, "the map", out);
    check_map_id(map.id.as_deref(), out);
    check_sources(map, out);
    check_groups(map, out);
    for (section, nodes) in map.node_sections() {
        for (id, node) in nodes.iter() {
            check_node(section, id, node, out);
        }
    }
    check_link_syntax(input.graph, out);
    check_schemes(map, out);
}

/// The `schemes:` section: a link's entry is `"A -> B": scheme-id`, a scheme of the map's
/// own an id with a mapping (its fields and question ids checked).
fn check_schemes(map: &Map, out: &mut Vec<Diagnostic>) {
    for (key, occurrence) in &map.schemes.duplicates {
        let mut t = Target::key(path!["schemes", key]);
        t.occurrence = *occurrence;
        out.push(
            Diagnostic::new(Rule::Schema, t, format!("`schemes:` entry `{key}` is given twice"))
                .with_help("YAML keeps only one of them: merge the two"),
        );
    }
    for (key, entry) in map.schemes.iter() {
        let base = path!["schemes", key];
        match entry {
            SchemeEntry::Link(_) if crate::analyse::schemes::link_key(key).is_none() => out.push(
                Diagnostic::new(
                    Rule::Schema,
                    Target::key(base),
                    format!("`schemes:` entry `{key}` is neither a link `A -> B` nor a scheme"),
                )
                .with_help("write `\"A -> B\": scheme-id` for a link, or a mapping with `title`, `premises`, `questions` for a scheme of the map's own"),
            ),
            SchemeEntry::Link(_) => {}
            SchemeEntry::Define(d) => {
                check_id(key, &base, out);
                field_problems(base.clone(), &d.problems, SCHEME_FIELDS, "a scheme", out);
                for (q, _) in d.questions.iter() {
                    let at = path!["schemes", key, "questions", q];
                    check_id(q, &at, out);
                }
            }
        }
    }
}

/// The map's `id`: given, and a map id.
fn check_map_id(id: Option<&str>, out: &mut Vec<Diagnostic>) {
    match id {
        None => out.push(
            Diagnostic::new(Rule::Schema, Target::file(), "the map has no `id`")
                .with_help("add `id: my-map` (lowercase letters, digits and `-`)"),
        ),
        Some(id) if !valid_map_id(id) => out.push(
            Diagnostic::new(
                Rule::Schema,
                Target::value(path!["id"]),
                format!("bad map id `{id}`"),
            )
            .with_help(
                "a map id is lowercase letters, digits and `-`, starting with a letter or digit",
            ),
        ),
        _ => {}
    }
}

/// Each source: its id, its fields, a title or a note.
fn check_sources(map: &Map, out: &mut Vec<Diagnostic>) {
    for (id, s) in map.sources.iter() {
        let base = path!["sources", id];
        check_id(id, &base, out);
        field_problems(base.clone(), &s.problems, SOURCE_FIELDS, "a source", out);
        if s.details.title.as_deref().is_none_or(|t| t.trim().is_empty())
            && s.details.note.as_deref().is_none_or(|t| t.trim().is_empty())
        {
            out.push(
                Diagnostic::new(
                    Rule::Schema,
                    Target::key(base),
                    format!("source `{id}` has neither `title` nor `note`"),
                )
                .with_ids([id.as_str()])
                .with_help("give the work's `title`, or a `note` saying what is known of it"),
            );
        }
    }
}

/// Each group: its id, its fields, a title that is not blank.
fn check_groups(map: &Map, out: &mut Vec<Diagnostic>) {
    for (id, g) in map.groups() {
        let base = path!["groups", id];
        check_id(id, &base, out);
        field_problems(base.clone(), &g.problems, GROUP_FIELDS, "a group", out);
        let (target, message) = match g.title() {
            None => (Target::key(base), format!("group `{id}` has no `title`")),
            Some(t) if t.trim().is_empty() => (
                Target::value(path!["groups", id, "title"]),
                format!("group `{id}` has an empty `title`"),
            ),
            Some(_) => continue,
        };
        out.push(
            Diagnostic::new(Rule::Schema, target, message)
                .with_help("give the group a `title`: the chapter's or section's heading"),
        );
    }
}

/// A claim, evidence item or rebuttal: its id, its fields and its citations' fields, its
/// `text`, and `thesis` only on a claim.
fn check_node(section: Section, id: &Id, node: &Node, out: &mut Vec<Diagnostic>) {
    let base = path![section.key(), id];
    check_id(id, &base, out);
    field_problems(base.clone(), node.problems(), NODE_FIELDS, "a node", out);
    for (i, c) in node.cites.iter().enumerate() {
        field_problems(
            path![section.key(), id, "cites", i],
            &c.problems,
            CITE_FIELDS,
            "a citation",
            out,
        );
    }
    match node.text.as_deref() {
        None => out.push(
            Diagnostic::new(
                Rule::Schema,
                Target::key(base),
                format!("`{id}` has no `text`"),
            )
            .with_ids([id.as_str()])
            .with_help("every claim, evidence item and rebuttal needs `text:`"),
        ),
        Some(t) if t.trim().is_empty() => out.push(
            Diagnostic::new(
                Rule::Schema,
                Target::value(path![section.key(), id, "text"]),
                format!("`{id}` has empty `text`"),
            )
            .with_ids([id.as_str()])
            .with_help("say in one sentence what the node states"),
        ),
        _ => {}
    }
    if node.thesis.is_some() && section != Section::Claims {
        out.push(
            Diagnostic::new(
                Rule::Schema,
                Target::key(path![section.key(), id, "thesis"]),
                format!("`thesis` on `{id}`, which is not a claim"),
            )
            .with_ids([id.as_str()])
            .with_help("only claims can be a thesis: move the node to `claims`"),
        );
    }
}

/// `undercuts` items that are not `A -> B`, `same_as` items that are not `map-id:NODE`,
/// `contradicts` items that do not name another map's node.
fn check_link_syntax(g: &ArgGraph, out: &mut Vec<Diagnostic>) {
    for p in &g.problems {
        if p.kind == RefProblemKind::BadSyntax {
            let from = g.graph[p.from].id;
            let (what, help) = match p.field {
                crate::graph::Field::Undercuts => (
                    "a link",
                    "write the link as `A -> B`, where A supports or attacks B",
                ),
                crate::graph::Field::Contradicts => (
                    "a reference to another map's node",
                    "write it as `other-map-id:NODE`, naming another map; within one map, `attacks: [NODE]` says that a node contradicts another",
                ),
                _ => (
                    "a reference to another map's node",
                    "write it as `map-id:NODE`",
                ),
            };
            out.push(
                Diagnostic::new(
                    Rule::Schema,
                    ref_target(g, p),
                    format!("`{}` is not {what}", p.target),
                )
                .with_ids([from])
                .with_help(help),
            );
        }
    }
}

fn check_id(id: &str, base: &[Seg], out: &mut Vec<Diagnostic>) {
    if !valid_node_id(id) {
        out.push(
            Diagnostic::new(
                Rule::Schema,
                Target::key(base.to_vec()),
                match id {
                    // A null key, as written (the deserializer keeps `~` and `` as text).
                    "" => "a null key (an empty key) is not an id".to_string(),
                    "~" => "a null key (`~`) is not an id".to_string(),
                    _ => format!("bad id `{id}`"),
                },
            )
            .with_ids([id])
            .with_help(
                "ids are ASCII letters, digits, `_`, `.` and `-`, starting with a letter or digit",
            ),
        );
    }
}
