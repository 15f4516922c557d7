//! A parser or serde error made a diagnostic: its position made precise from the text,
//! its help chosen.

use crate::diagnostic::{Diagnostic, Position, Rule, Target};
use crate::parse::deserializer::{Error as DeError, ErrorKind, SchemaErrorKind, ALIAS_HELP};
use crate::parse::model::{EXPECTING_BOOL, EXPECTING_LIST, EXPECTING_MAP, EXPECTING_SECTION};

/// The lines of `text` as YAML counts them (ending at `\n`, `\r\n` or a lone `\r`),
/// without their line break.
fn yaml_lines(text: &str) -> impl Iterator<Item = &str> {
    let mut rest = Some(text);
    std::iter::from_fn(move || {
        let r = rest?;
        match r.find(['\n', '\r']) {
            Some(i) => {
                let next = if r[i..].starts_with("\r\n") {
                    i + 2
                } else {
                    i + 1
                };
                rest = Some(&r[next..]);
                Some(&r[..i])
            }
            None => {
                rest = None;
                Some(r)
            }
        }
    })
}

/// The most characters yaml-rust2 reads in an implicit (plain, one-line) key.
const MAX_IMPLICIT_KEY: usize = 1024;

/// What a yaml-rust2 scanner or parser error is about, for the errors argmap places more
/// precisely or gives a help line of its own.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum ParserError {
    /// A tab where YAML does not allow one (indentation, a plain scalar's next line).
    Tab,
    /// `:` or `-` not followed by a space (`key:<TAB>value`).
    NoSpaceAfterIndicator,
    /// An implicit key without its `:` (also: one longer than 1,024 characters).
    KeyWithoutColon,
    /// A plain line where a `key: value` entry belongs.
    KeyExpected,
    /// A block mapping that found no key where one belongs.
    NoExpectedKey,
    /// `: ` inside a plain value.
    MappingValueInText,
    /// An anchor or alias that is malformed or unknown.
    Anchor,
}

/// yaml-rust2 gives its errors as a message only, so they are told apart by their
/// wording: these phrases are **yaml-rust2's (0.13) wording**, the first one the message
/// holds wins. This is the one place that depends on it; the test
/// `each_parser_phrase_is_yaml_rust2s` produces each error from real input, so an upgrade
/// that rewords one fails there rather than silently losing its help.
const PARSER_PHRASES: &[(&str, ParserError)] = &[
    ("tab", ParserError::Tab),
    (
        "must be followed by a valid YAML whitespace",
        ParserError::NoSpaceAfterIndicator,
    ),
    ("simple key expect ':'", ParserError::KeyWithoutColon),
    ("simple key expect", ParserError::KeyExpected),
    ("did not find expected key", ParserError::NoExpectedKey),
    (
        "mapping values are not allowed",
        ParserError::MappingValueInText,
    ),
    ("anchor", ParserError::Anchor),
];

/// Which of [`PARSER_PHRASES`] a parser message is, if any.
fn parser_error(message: &str) -> Option<ParserError> {
    PARSER_PHRASES
        .iter()
        .find(|(phrase, _)| message.contains(phrase))
        .map(|&(_, kind)| kind)
}

/// A parser error made precise: where, what and what to do.
#[derive(Debug, PartialEq, Eq)]
struct Refined {
    at: Position,
    message: String,
    help: String,
}

impl Refined {
    fn new(at: Position, message: impl Into<String>, help: impl Into<String>) -> Refined {
        Refined {
            at,
            message: message.into(),
            help: help.into(),
        }
    }
}

/// A parser error made precise from the text: where the offending character is and what
/// it means, for the errors whose position or wording says too little.
fn refine_syntax(kind: ParserError, message: &str, at: Position, text: &str) -> Option<Refined> {
    match kind {
        ParserError::Tab => tab(at, text),
        ParserError::NoSpaceAfterIndicator => tab_after_colon(at, text),
        ParserError::KeyWithoutColon => long_key(at, text).or_else(|| plain_line(at, text)),
        ParserError::KeyExpected => plain_line(at, text),
        ParserError::NoExpectedKey => over_indented_key(message, at, text),
        ParserError::MappingValueInText | ParserError::Anchor => None,
    }
}

/// The mark's line (empty past the end of the text: the mark of its end) and where its
/// key starts.
fn mark_line(at: Position, text: &str) -> Option<(&str, usize)> {
    let line = yaml_lines(text).nth(at.line.checked_sub(1)?).unwrap_or("");
    Some((line, line.chars().take_while(|c| *c == ' ').count()))
}

/// A tab: yaml-rust2 marks the character after the tab, or the start of the plain scalar
/// whose next line is indented with one; this finds the tab itself.
fn tab(at: Position, text: &str) -> Option<Refined> {
    let mut lines = yaml_lines(text).enumerate().skip(at.line.saturating_sub(1));
    let (i, line) = lines.next()?;
    let before: Vec<char> = line.chars().take(at.column.saturating_sub(1)).collect();
    let found = match before.iter().rposition(|&c| c == '\t') {
        Some(col) => Some((i, line, col)),
        None => std::iter::once((i, line))
            .chain(lines)
            .find_map(|(i, line)| {
                let indent: Vec<char> = line
                    .chars()
                    .take_while(|c| matches!(c, ' ' | '\t'))
                    .collect();
                indent
                    .iter()
                    .position(|&c| c == '\t')
                    .map(|col| (i, line, col))
            }),
    };
    let (i, line, col) = found?;
    let indents = line.chars().take(col).all(|c| c == ' ' || c == '\t');
    let p = Position {
        line: i + 1,
        column: col + 1,
    };
    Some(if indents {
        Refined::new(
            p,
            "a tab character cannot indent YAML; use spaces",
            "indent with spaces only (tabs are allowed inside quoted text)",
        )
    } else {
        Refined::new(
            p,
            "a tab character is not allowed here",
            "use spaces, or quote the text that holds the tab",
        )
    })
}

/// `key:<TAB>value`: yaml-rust2 wants a space after the `:`.
fn tab_after_colon(at: Position, text: &str) -> Option<Refined> {
    let (line, _) = mark_line(at, text)?;
    let chars: Vec<char> = line.chars().take(at.column).collect();
    let col = chars.windows(2).rposition(|w| w == [':', '\t'])?;
    Some(Refined::new(
        Position {
            line: at.line,
            column: col + 2,
        },
        "a tab character after `:`: the YAML reader needs a space there",
        "write a space after the `:` (tabs are allowed inside quoted text)",
    ))
}

/// A plain key longer than yaml-rust2 reads: marked past its end.
fn long_key(at: Position, text: &str) -> Option<Refined> {
    let (_, key_start) = mark_line(at, text)?;
    if at.column <= key_start + MAX_IMPLICIT_KEY {
        return None;
    }
    Some(Refined::new(
        Position {
            line: at.line,
            column: key_start + 1,
        },
        format!(
            "a plain key longer than 1,024 characters: YAML reads at most {MAX_IMPLICIT_KEY} characters before a key's `:`"
        ),
        "write `? ` before a long key and its `:` on the next line, or shorten it (ids are short)",
    ))
}

/// A plain line where a `key: value` entry belongs: yaml-rust2 notices when the next line
/// (or the end) comes, and marks that. The offending line is the last one with content
/// before the mark (the mark's own, if the mark is past its start).
fn plain_line(at: Position, text: &str) -> Option<Refined> {
    mark_line(at, text)?;
    let lines: Vec<&str> = yaml_lines(text).take(at.line).collect();
    let content = |l: &&str| {
        let t = l.trim_start_matches([' ', '\t']);
        !t.is_empty() && !t.starts_with('#')
    };
    let on_mark_line = lines.len() == at.line;
    let own = lines.last().filter(|l| {
        on_mark_line && content(l) && l.chars().take_while(|c| *c == ' ').count() + 1 < at.column
    });
    let before = if on_mark_line {
        lines.len() - 1
    } else {
        lines.len()
    };
    let (i, l) = match own {
        Some(l) => (lines.len() - 1, *l),
        None => lines[..before]
            .iter()
            .enumerate()
            .rev()
            .find(|(_, l)| content(l))
            .map(|(i, l)| (i, *l))?,
    };
    Some(Refined::new(
        Position {
            line: i + 1,
            column: l.chars().take_while(|c| *c == ' ').count() + 1,
        },
        "a line without `key:` where a `key: value` entry belongs",
        "write it as `key: value`, indent it under the text it continues, or quote the text",
    ))
}

/// yaml-rust2 marks a mapping that starts where none may at its first `:`: this points at
/// the key before it.
fn over_indented_key(message: &str, at: Position, text: &str) -> Option<Refined> {
    let (line, key_start) = mark_line(at, text)?;
    if line.chars().nth(at.column.saturating_sub(1)) != Some(':') {
        return None;
    }
    Some(Refined::new(
        Position {
            line: at.line,
            column: key_start + 1,
        },
        message,
        "this key is indented more than the keys before it: align it with them, or quote the text it continues",
    ))
}

/// A deserializer error made a diagnostic (`yaml-syntax` or `schema`).
pub(super) fn yaml_error(e: &DeError, text: &str) -> Diagnostic {
    let pos = e.position.unwrap_or(Position { line: 1, column: 1 });
    let parser = (e.kind == ErrorKind::Syntax)
        .then(|| parser_error(&e.message))
        .flatten();
    if let Some(kind) = parser {
        if let Some(r) = refine_syntax(kind, &e.message, pos, text) {
            return Diagnostic::new(Rule::YamlSyntax, Target::file(), r.message)
                .with_help(r.help)
                .at(r.at);
        }
    }
    let rule = match e.kind {
        ErrorKind::Schema => Rule::Schema,
        ErrorKind::Syntax | ErrorKind::Limit => Rule::YamlSyntax,
    };
    // The deserializer's own errors carry their help; serde's are chosen by their kind,
    // the parser's by their phrase.
    let help = match (&e.help, e.kind) {
        (Some(h), _) => Some(h.clone()),
        (None, ErrorKind::Schema) => e.schema.as_ref().and_then(schema_help).map(String::from),
        (None, _) => Some(syntax_help(parser).to_string()),
    };
    Diagnostic::new(rule, Target::file(), e.message.clone())
        .with_help_opt(help)
        .at(pos)
}

/// The help of a parser error that was not refined.
fn syntax_help(kind: Option<ParserError>) -> &'static str {
    match kind {
        Some(ParserError::MappingValueInText) => {
            "text containing `: ` must be quoted: `text: \"a: b\"`"
        }
        Some(ParserError::Anchor) => ALIAS_HELP,
        Some(ParserError::Tab) => {
            "YAML does not allow a tab here (tabs cannot indent): use spaces or quote the text"
        }
        _ => "check the indentation, quotes and brackets at this position",
    }
}

/// The help of a serde error, from its kind: a wrong type by what was expected (the
/// model's `EXPECTING_*`), a missing field by its name.
fn schema_help(kind: &SchemaErrorKind) -> Option<&'static str> {
    match kind {
        SchemaErrorKind::InvalidType { expected }
        | SchemaErrorKind::InvalidValue { expected }
        | SchemaErrorKind::InvalidLength { expected } => match expected.as_str() {
            EXPECTING_LIST => Some("write a list, e.g. `supports: [C1]`"),
            EXPECTING_BOOL => {
                Some("write `true` or `false` (as in `thesis: true`), or leave the field out")
            }
            EXPECTING_MAP | EXPECTING_SECTION => {
                Some("a map file is a mapping with `id`, `title`, `claims`, ...")
            }
            _ => None,
        },
        SchemaErrorKind::MissingField("source") => {
            Some("a long-form citation is `{ source: ID, at: \"12\", footnote: 3 }`")
        }
        SchemaErrorKind::MissingField(_) | SchemaErrorKind::Other => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::deserializer::from_str;
    use crate::parse::model::Map;

    fn error(text: &str) -> DeError {
        from_str::<Map>(text).expect_err(text)
    }

    #[test]
    fn each_parser_phrase_is_yaml_rust2s() {
        use ParserError::*;
        let long_key = format!(
            "id: m\nclaims:\n  T1: {{text: a}}\n  {}: {{text: b}}\n",
            "K".repeat(1100)
        );
        let cases: &[(&str, ParserError)] = &[
            ("a:\n\tb: c\n", Tab),
            ("a: |\n\tb\n", Tab),
            ("{a:\tb}\n", NoSpaceAfterIndicator),
            (&long_key, KeyWithoutColon),
            ("a:\n  b: c\n  stray words\n  d: e\n", KeyWithoutColon),
            ("a: b\nc\n", KeyWithoutColon),
            // Without a line break at the end.
            ("a: b\nc", KeyExpected),
            ("a:\n  b: c\n d: e\n", NoExpectedKey),
            ("a: b: c\n", MappingValueInText),
            ("a: *x\n", Anchor),
            ("a: &\n", Anchor),
        ];
        for &(text, kind) in cases {
            let e = error(text);
            assert_eq!(e.kind, ErrorKind::Syntax, "{text:?}: {e}");
            assert_eq!(parser_error(&e.message), Some(kind), "{text:?}: {e}");
        }
        for (phrase, kind) in PARSER_PHRASES {
            assert!(
                cases.iter().any(|(_, k)| k == kind),
                "`{phrase}` is not produced by any input"
            );
        }
    }

    #[test]
    fn a_refined_parser_error_points_at_the_character() {
        let text = "id: m\nclaims:\n  C1:\n\ttext: a\n";
        let d = yaml_error(&error(text), text);
        assert_eq!(d.message, "a tab character cannot indent YAML; use spaces");
        assert_eq!((d.line(), d.column()), (4, 1));
        let text = "a: b: c\n";
        let d = yaml_error(&error(text), text);
        assert_eq!(
            d.help.as_deref(),
            Some(syntax_help(Some(ParserError::MappingValueInText)))
        );
    }

    #[test]
    fn a_schema_error_gets_the_help_of_its_kind() {
        let expected = |s: &str| SchemaErrorKind::InvalidType {
            expected: s.to_string(),
        };
        let list = "write a list, e.g. `supports: [C1]`";
        let mapping = "a map file is a mapping with `id`, `title`, `claims`, ...";
        let cases: &[(&str, SchemaErrorKind, &str, Option<&str>)] = &[
            (
                "id: m\nclaims:\n  C1: {text: a, supports: C2}\n",
                expected(EXPECTING_LIST),
                "invalid type: string \"C2\", expected a list",
                Some(list),
            ),
            (
                "id: m\nclaims:\n  C1: {text: a, thesis: yes}\n",
                expected(EXPECTING_BOOL),
                "invalid type: string \"yes\", expected a boolean",
                Some("write `true` or `false` (as in `thesis: true`), or leave the field out"),
            ),
            (
                "just text\n",
                expected(EXPECTING_MAP),
                "invalid type: string \"just text\", expected a map (a mapping with id, claims, ...)",
                Some(mapping),
            ),
            (
                "id: m\nclaims: [C1]\n",
                expected(EXPECTING_SECTION),
                "invalid type: sequence, expected a mapping of ids to entries",
                Some(mapping),
            ),
            (
                "id: m\nevidence:\n  E1: {text: a, cites: [{at: 3}]}\n",
                SchemaErrorKind::MissingField("source"),
                "missing field `source`",
                Some("a long-form citation is `{ source: ID, at: \"12\", footnote: 3 }`"),
            ),
            (
                "id: m\nclaims:\n  C1: [a]\n",
                expected("a node (a mapping with text, ...)"),
                "invalid type: sequence, expected a node (a mapping with text, ...)",
                None,
            ),
        ];
        for (text, kind, message, help) in cases {
            let e = error(text);
            assert_eq!(e.schema.as_ref(), Some(kind), "{text:?}");
            let d = yaml_error(&e, text);
            assert_eq!(d.rule, Rule::Schema, "{text:?}");
            assert_eq!(&d.message, message, "{text:?}");
            assert_eq!(d.help.as_deref(), *help, "{text:?}");
        }
    }
}
