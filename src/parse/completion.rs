//! What a map expects at a place in its text, for an editor's completion: an id (and of
//! which kind, from [`ID_FIELDS`](super::document::ID_FIELDS)), or a field name (of the
//! map, a node, a source, a citation). Read from the text around the cursor — the line
//! and the lines above it that open its parents — not from a parse, since the text being
//! typed is seldom valid YAML.

use super::document::{id_field, section_kind, IdForm, IdKind};
use super::model::{CITE_FIELDS, GROUP_FIELDS, MAP_FIELDS, NODE_FIELDS, SOURCE_FIELDS};

/// Whose fields are expected.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FieldsOf {
    /// The map's top-level fields.
    Map,
    /// A claim's, evidence's or rebuttal's.
    Node,
    /// A source's.
    Source,
    /// A long-form citation's.
    Cite,
    /// A group's.
    Group,
}

impl FieldsOf {
    /// The field names.
    pub fn names(self) -> &'static [&'static str] {
        match self {
            FieldsOf::Map => MAP_FIELDS,
            FieldsOf::Node => NODE_FIELDS,
            FieldsOf::Source => SOURCE_FIELDS,
            FieldsOf::Cite => CITE_FIELDS,
            FieldsOf::Group => GROUP_FIELDS,
        }
    }
}

/// What is expected at the cursor.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Expected {
    /// An id, written as `form` says (a link's part, or a `map:NODE`, is an id too).
    Id {
        /// How the field writes it.
        form: IdForm,
        /// The field.
        field: String,
    },
    /// A field name.
    Field(FieldsOf),
}

/// What is expected at the cursor, and the part of the word already typed before it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Context {
    /// What is expected.
    pub expected: Expected,
    /// The characters of the word before the cursor (what a completion replaces).
    pub prefix: String,
}

fn is_word(c: char) -> bool {
    c.is_alphanumeric() || matches!(c, '_' | '.' | '-' | ':')
}

fn indent(line: &str) -> usize {
    line.len() - line.trim_start_matches(' ').len()
}

/// The key a line opens (`key:` with nothing after it but a comment, or `- key:`), and
/// the line's indentation; `None` for other lines.
fn opened_key(line: &str) -> Option<(usize, &str)> {
    let t = line.trim_start_matches(' ');
    let t = t.strip_prefix("- ").unwrap_or(t);
    let (key, rest) = t.split_once(':')?;
    let rest = rest.trim();
    let key = key.trim().trim_matches(|c| c == '"' || c == '\'');
    (rest.is_empty() || rest.starts_with('#') || rest.starts_with('{') || rest.starts_with('['))
        .then_some((indent(line), key))
}

/// The keys that open the parents of a line indented `ind`, innermost first, read from
/// the lines above it (`above`, in order). A list item (`- `) at the indentation of its
/// key belongs to it, as YAML allows.
fn parents<'t>(above: &[&'t str], mut ind: usize, item: bool) -> Vec<&'t str> {
    let mut out = Vec::new();
    let mut item = item;
    for line in above.iter().rev() {
        if line.trim().is_empty() || line.trim_start().starts_with('#') {
            continue;
        }
        let i = indent(line);
        if i < ind || (item && i == ind) {
            let Some((i, key)) = opened_key(line) else {
                if i < ind {
                    // A line at a lower indentation that opens nothing: a list item's
                    // own mapping (`- source: x`), no further parent to find here.
                    if line.trim_start().starts_with("- ") {
                        ind = i;
                        item = true;
                        continue;
                    }
                    break;
                }
                continue;
            };
            out.push(key);
            ind = i;
            item = line.trim_start().starts_with("- ");
            if ind == 0 {
                break;
            }
        }
    }
    out
}

/// What the field holding the value at the cursor expects, given its key and the keys
/// of its parents (innermost first).
fn value_of(key: &str, parents: &[&str], in_flow: bool) -> Option<Expected> {
    if key == "source" {
        // `source:` of the map is a path; `source:` in a citation is an id.
        let in_cite = parents.first() == Some(&"cites") || (in_flow && !parents.is_empty());
        return in_cite.then(|| Expected::Id {
            form: IdForm::Source,
            field: "cites".into(),
        });
    }
    // A group's `in:` (its parent is the entry under `groups`), else a node's field.
    let owner = match parents {
        [_, "groups", ..] => IdKind::Group,
        _ => IdKind::Node,
    };
    let f = id_field(owner, key)?;
    Some(Expected::Id {
        form: f.form,
        field: key.into(),
    })
}

/// The fields expected of a mapping whose key (opening it) and parents are these.
fn fields_of(chain: &[&str]) -> Option<FieldsOf> {
    match chain {
        [] => Some(FieldsOf::Map),
        [_, section] => match section_kind(section)? {
            IdKind::Source => Some(FieldsOf::Source),
            IdKind::Group => Some(FieldsOf::Group),
            _ => Some(FieldsOf::Node),
        },
        ["cites", _, section] if section_kind(section) == Some(IdKind::Node) => {
            Some(FieldsOf::Cite)
        }
        _ => None,
    }
}

/// What is expected at line `line`, column `column` (both from 1, the column in
/// characters) of `text`.
pub fn context_at(text: &str, line: usize, column: usize) -> Option<Context> {
    let lines: Vec<&str> = text.split('\n').map(|l| l.trim_end_matches('\r')).collect();
    let current = *lines.get(line.checked_sub(1)?)?;
    let before: String = current.chars().take(column.saturating_sub(1)).collect();
    let prefix: String = {
        let rev: String = before.chars().rev().take_while(|&c| is_word(c)).collect();
        rev.chars().rev().collect()
    };
    let rest = &before[..before.len() - prefix.len()];
    let above = &lines[..line - 1];
    let ind = indent(current);
    let trimmed = rest.trim_start_matches(' ');
    let item = trimmed.starts_with("- ") || trimmed == "-";
    let ctx = |expected| {
        Some(Context {
            expected,
            prefix: prefix.clone(),
        })
    };
    // In a flow collection on this line: the innermost bracket still open decides.
    let mut open: Vec<(usize, char)> = Vec::new();
    for (i, c) in rest.char_indices() {
        match c {
            '[' | '{' => open.push((i, c)),
            ']' | '}' => {
                open.pop();
            }
            _ => {}
        }
    }
    let last_open = open.last().copied();
    // The key right before the cursor's value, on this line: `key: ` or `key: [a, `.
    let value_key = |s: &str| -> Option<String> {
        let colon = s
            .rfind(": ")
            .or_else(|| s.ends_with(':').then(|| s.len() - 1))?;
        let k: String = s[..colon]
            .chars()
            .rev()
            .take_while(|&c| c.is_alphanumeric() || c == '_')
            .collect::<String>()
            .chars()
            .rev()
            .collect();
        (!k.is_empty()).then_some(k)
    };
    let line_parents = parents(above, ind, item);
    if let Some((open_at, bracket)) = last_open {
        let inner = &rest[open_at + 1..];
        if bracket == '[' {
            // `key: [a, b` — ids of `key`.
            let key = value_key(&rest[..open_at])?;
            return value_of(&key, &line_parents, true).and_then(ctx);
        }
        // `{... key: ` is a value; `{` or `, ` a key.
        let after_comma = inner.rsplit(',').next().unwrap_or(inner);
        if let Some(key) = after_comma
            .contains(':')
            .then(|| value_key(after_comma))
            .flatten()
        {
            return value_of(&key, &line_parents, true).and_then(ctx);
        }
        // A key inside `{`: whose? The key before the brace (a node or source entry), or
        // the list the item is in (a citation).
        let owner = value_key(&rest[..open_at]);
        let mut chain: Vec<&str> = Vec::new();
        if let Some(o) = owner.as_deref().filter(|_| !item) {
            chain.push(o);
        }
        chain.extend(line_parents.iter().copied());
        return fields_of(&chain).map(Expected::Field).and_then(ctx);
    }
    // `key: value` on this line.
    if let Some(colon) = trimmed
        .find(": ")
        .or_else(|| trimmed.ends_with(':').then(|| trimmed.len() - 1))
    {
        let key_part = trimmed[..colon].trim_start_matches("- ").trim();
        return value_of(key_part, &line_parents, false).and_then(ctx);
    }
    if item {
        // A list item: the key that opens the list.
        let key = *line_parents.first()?;
        let rest_parents = &line_parents[1..];
        let after_dash = trimmed.trim_start_matches('-').trim_start();
        if after_dash.is_empty() {
            return value_of(key, rest_parents, false).and_then(ctx);
        }
        return None;
    }
    if trimmed.is_empty() {
        // A key being typed.
        return fields_of(&line_parents).map(Expected::Field).and_then(ctx);
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    const MAP: &str = "id: m\nsources:\n  book:\n    ti\nclaims:\n  T1:\n    text: A.\n    supports: [C1, \n    attacks:\n      - \n    cites:\n      - {source: b\n      - source: bo\n    same_as: [other:\n    undercuts: [\"C1 -> \n  C2: {text: B., sup\n  \nev\n";

    fn at(line: usize, column: usize) -> Option<Context> {
        context_at(MAP, line, column)
    }

    fn id(form: IdForm, field: &str, prefix: &str) -> Option<Context> {
        Some(Context {
            expected: Expected::Id {
                form,
                field: field.into(),
            },
            prefix: prefix.into(),
        })
    }

    fn field(of: FieldsOf, prefix: &str) -> Option<Context> {
        Some(Context {
            expected: Expected::Field(of),
            prefix: prefix.into(),
        })
    }

    #[test]
    fn ids_where_an_id_is_expected() {
        assert_eq!(at(8, 20), id(IdForm::Node, "supports", ""));
        assert_eq!(at(8, 18), id(IdForm::Node, "supports", "C1"));
        assert_eq!(at(10, 9), id(IdForm::Node, "attacks", ""));
        assert_eq!(at(12, 23), id(IdForm::Source, "cites", "b"));
        assert_eq!(at(13, 19), id(IdForm::Source, "cites", "bo"));
        assert_eq!(at(14, 22), id(IdForm::MapNode, "same_as", "other:"));
        assert_eq!(at(15, 25), id(IdForm::Link, "undercuts", ""));
        // The map's own `source:` is a path, not an id; `text:` is no id.
        assert_eq!(context_at("source: x", 1, 10), None);
        assert_eq!(at(7, 13), None);
    }

    #[test]
    fn field_names_where_a_key_is_expected() {
        assert_eq!(at(4, 7), field(FieldsOf::Source, "ti"));
        assert_eq!(at(16, 22), field(FieldsOf::Node, "sup"));
        assert_eq!(at(18, 3), field(FieldsOf::Map, "ev"));
        // A new entry of a section: an id of one's own, nothing to complete.
        assert_eq!(at(17, 3), None);
        assert_eq!(
            context_at("claims:\n  T1:\n    ", 3, 5),
            field(FieldsOf::Node, "")
        );
        assert_eq!(
            context_at("claims:\n  T1:\n    cites:\n      - {", 4, 10),
            field(FieldsOf::Cite, "")
        );
    }

    #[test]
    fn a_closed_bracket_does_not_count() {
        let text = "rebuttals:\n  R1: {text: R., attacks: [C1], answers: CQ-}\n";
        assert_eq!(
            context_at(text, 2, 45),
            id(IdForm::Question, "answers", "CQ-")
        );
    }

    #[test]
    fn group_ids_and_fields() {
        let text = "groups:\n  ch1:\n    title: One\n    in: \n  ch2: {title: Two, \nclaims:\n  T1:\n    group: c\n";
        assert_eq!(context_at(text, 4, 9), id(IdForm::Group, "in", ""));
        assert_eq!(context_at(text, 5, 21), field(FieldsOf::Group, ""));
        assert_eq!(context_at(text, 8, 13), id(IdForm::Group, "group", "c"));
    }

    #[test]
    fn out_of_range_and_odd_text_give_nothing() {
        assert_eq!(context_at("", 0, 0), None);
        assert_eq!(context_at("a", 9, 1), None);
        assert_eq!(context_at("é: [", 1, 99), None);
        let _ = context_at("]]]}}{[: : - - : [", 1, 19);
    }
}
