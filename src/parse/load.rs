//! Reading a map file: bytes → UTF-8 text → typed [`Map`], or a located diagnostic.

use super::deserializer::{Error as DeError, ErrorKind, ALIAS_HELP};
use super::model::Map;
use super::position::PositionIndex;
use crate::diagnostic::{Diagnostic, Position, Rule, Target};
use std::path::{Path, PathBuf};

/// A map file as loaded: its path, text and (when it could be read) typed map.
#[derive(Debug)]
pub struct MapFile {
    /// The path as the user gave it (used in diagnostics).
    pub path: PathBuf,
    /// The text of the file, without a leading byte-order mark.
    pub text: String,
    /// The map, or `None` when the file is not valid YAML or does not fit the format.
    pub map: Option<Map>,
    /// Problems found while loading (syntax, wrong types); located already.
    pub load_errors: Vec<Diagnostic>,
}

/// Failure to read a file at all: the CLI reports it as an I/O error (exit code 2).
#[derive(Debug)]
pub struct ReadError {
    pub path: PathBuf,
    pub error: std::io::Error,
}

impl std::fmt::Display for ReadError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "cannot read {}: {}", self.path.display(), self.error)
    }
}

impl std::error::Error for ReadError {}

/// Reads and parses the map file at `path`.
pub fn load_file(path: &Path) -> Result<MapFile, ReadError> {
    let bytes = std::fs::read(path).map_err(|error| ReadError {
        path: path.to_path_buf(),
        error,
    })?;
    Ok(load_bytes(path, bytes))
}

/// Parses map bytes that were read from `path`.
pub fn load_bytes(path: &Path, bytes: Vec<u8>) -> MapFile {
    let file = path.display().to_string();
    match String::from_utf8(bytes) {
        Ok(text) => load_str(path, text),
        Err(e) => {
            let valid = e.utf8_error().valid_up_to();
            let bytes = e.into_bytes();
            let prefix = String::from_utf8_lossy(&bytes[..valid]);
            let line = prefix.matches('\n').count() + 1;
            let column = prefix.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
            let d = Diagnostic::new(
                Rule::YamlSyntax,
                Target::file(),
                format!("the file is not UTF-8 text (invalid byte at offset {valid})"),
            )
            .with_help("save the map as UTF-8")
            .at(Position { line, column });
            MapFile {
                path: path.to_path_buf(),
                text: prefix.into_owned(),
                map: None,
                load_errors: vec![located(d, &file)],
            }
        }
    }
}

fn located(mut d: Diagnostic, file: &str) -> Diagnostic {
    d.file = file.to_string();
    d
}

/// Parses map text that was read from `path`.
pub fn load_str(path: &Path, mut text: String) -> MapFile {
    if text.starts_with('\u{feff}') {
        text.drain(..'\u{feff}'.len_utf8());
    }
    let file = path.display().to_string();
    let (map, errors) = match parse_map(&text) {
        Ok(map) => (Some(map), Vec::new()),
        Err(d) => (None, vec![located(*d, &file)]),
    };
    MapFile {
        path: path.to_path_buf(),
        text,
        map,
        load_errors: errors,
    }
}

/// Parses map text; an error is one located diagnostic (`yaml-syntax` or `schema`).
pub fn parse_map(text: &str) -> Result<Map, Box<Diagnostic>> {
    if text.trim().is_empty() {
        return Err(Box::new(
            Diagnostic::new(Rule::Schema, Target::file(), "the file is empty")
                .with_help("a map needs at least `id:` and `claims:`")
                .at(Position { line: 1, column: 1 }),
        ));
    }
    if let Some(pos) = too_deep(text) {
        return Err(Box::new(
            Diagnostic::new(
                Rule::YamlSyntax,
                Target::file(),
                format!("brackets nested more than {MAX_FLOW_DEPTH} levels deep"),
            )
            .with_help(
                "a map never needs such nesting; argmap refuses it rather than parse it slowly",
            )
            .at(pos),
        ));
    }
    super::deserializer::from_str::<Map>(text).map_err(|e| Box::new(yaml_error(&e)))
}

/// The deepest bracket nesting argmap parses. YAML parsers check every open flow
/// collection at every token, so deep flow nesting costs quadratic time; the serde layer
/// refuses more than 128 levels anyway.
pub const MAX_FLOW_DEPTH: usize = 1000;

/// Where the text first opens more than [`MAX_FLOW_DEPTH`] unclosed brackets (`[`, `{`),
/// counted over the whole text in one linear pass. Brackets inside strings count too,
/// which can only overestimate the depth.
fn too_deep(text: &str) -> Option<Position> {
    let mut depth = 0usize;
    let (mut line, mut column) = (1, 0);
    for c in text.chars() {
        column += 1;
        match c {
            '\n' => {
                line += 1;
                column = 0;
            }
            '[' | '{' => {
                depth += 1;
                if depth > MAX_FLOW_DEPTH {
                    return Some(Position { line, column });
                }
            }
            ']' | '}' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    None
}

fn yaml_error(e: &DeError) -> Diagnostic {
    let pos = e.position.unwrap_or(Position { line: 1, column: 1 });
    let message = e.message.clone();
    let rule = match e.kind {
        ErrorKind::Schema => Rule::Schema,
        ErrorKind::Syntax | ErrorKind::Limit => Rule::YamlSyntax,
    };
    // The deserializer's own errors carry their help; the parser's messages and serde's
    // type errors are recognised by their wording.
    let help = match (&e.help, e.kind) {
        (Some(h), _) => Some(h.clone()),
        (None, ErrorKind::Schema) => schema_help(&message),
        (None, _) => Some(syntax_help(&message).to_string()),
    };
    Diagnostic::new(rule, Target::file(), message)
        .with_help_opt(help)
        .at(pos)
}

fn syntax_help(message: &str) -> &'static str {
    if message.contains("mapping values are not allowed") {
        "text containing `: ` must be quoted: `text: \"a: b\"`"
    } else if message.contains("anchor") {
        ALIAS_HELP
    } else if message.contains("tab") {
        "YAML does not allow a tab here (tabs cannot indent): use spaces or quote the text"
    } else {
        "check the indentation, quotes and brackets at this position"
    }
}

fn schema_help(message: &str) -> Option<String> {
    if message.contains("expected a list") {
        Some("write a list, e.g. `supports: [C1]`".into())
    } else if message.contains("expected a boolean") {
        Some("write `thesis: true` or leave the field out".into())
    } else if message.contains("missing field `source`") {
        Some("a long-form citation is `{ source: ID, at: \"12\", footnote: 3 }`".into())
    } else if message.contains("expected a map") || message.contains("expected a mapping") {
        Some("a map file is a mapping with `id`, `title`, `claims`, ...".into())
    } else {
        None
    }
}

/// Gives every diagnostic of `file` its file name, line and column. The position index is
/// built only if some diagnostic still needs a position.
pub fn locate_all(file: &MapFile, diagnostics: &mut [Diagnostic]) {
    let name = file.path.display().to_string();
    let mut index: Option<PositionIndex> = None;
    for d in diagnostics.iter_mut() {
        d.file.clone_from(&name);
        if d.line == 0 {
            let index = index.get_or_insert_with(|| PositionIndex::build(&file.text));
            let p = index.locate(&d.target);
            d.line = p.line;
            d.column = p.column;
        }
    }
}
