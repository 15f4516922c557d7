//! Reading a map file: bytes → UTF-8 text → typed [`Map`], or a located diagnostic.

use super::deserializer::{Error as DeError, ErrorKind, ALIAS_HELP};
use super::model::Map;
use super::position::PositionIndex;
use crate::diagnostic::{Diagnostic, Position, Rule, Target};
use std::borrow::Cow;
use std::hash::BuildHasher;
use std::io::Read;
use std::path::{Path, PathBuf};

/// The largest map or source file argmap reads: 1 GiB. A larger file (or standard input
/// going on past it) is refused, not read without end.
pub const MAX_FILE_BYTES: u64 = 1 << 30;

/// The path that names standard input on the command line: `argmap check -`.
pub(crate) const STDIN_PATH: &str = "-";

/// How a map read from standard input is named in diagnostics.
pub(crate) const STDIN_NAME: &str = "<stdin>";

fn too_large() -> std::io::Error {
    std::io::Error::other(format!(
        "it is larger than {} GiB, more than argmap reads",
        MAX_FILE_BYTES >> 30
    ))
}

/// Reads at most [`MAX_FILE_BYTES`] from `r`; more is an error. `expected` is the
/// capacity to start with (the file's size, when known).
fn read_bounded(r: impl Read, expected: u64) -> std::io::Result<Vec<u8>> {
    let mut buf = Vec::with_capacity(usize::try_from(expected.min(MAX_FILE_BYTES)).unwrap_or(0));
    r.take(MAX_FILE_BYTES + 1).read_to_end(&mut buf)?;
    if buf.len() as u64 > MAX_FILE_BYTES {
        return Err(too_large());
    }
    Ok(buf)
}

/// Reads the whole of the regular file at `path` (a symbolic link to one is fine), at
/// most [`MAX_FILE_BYTES`]. A directory, a FIFO, a device or a socket is refused without
/// being read: checked before it is opened (a FIFO with no writer would make the open
/// wait for one), opened without blocking where the platform allows, and checked again
/// once open.
pub fn read_regular(path: &Path) -> std::io::Result<Vec<u8>> {
    let regular = |meta: &std::fs::Metadata| {
        if meta.is_dir() {
            return Err(std::io::Error::other("it is a directory"));
        }
        if !meta.is_file() {
            return Err(std::io::Error::other(
                "it is not a regular file (a FIFO, a device or a socket); argmap reads only regular files (and a map from standard input, `-`)",
            ));
        }
        Ok(())
    };
    // Checked before opening (opening a FIFO waits for a writer) and, on what was opened,
    // after.
    regular(&std::fs::metadata(path)?)?;
    let mut options = std::fs::OpenOptions::new();
    options.read(true);
    // Where libc is at hand, the open itself cannot wait either, should the file be
    // replaced by a FIFO in between.
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(libc::O_NONBLOCK);
    }
    let file = options.open(path)?;
    let meta = file.metadata()?;
    regular(&meta)?;
    if meta.len() > MAX_FILE_BYTES {
        return Err(too_large());
    }
    read_bounded(&file, meta.len())
}

/// A map file as loaded: its path, text and (when it could be read) typed map.
#[derive(Debug)]
pub struct MapFile {
    /// The path as the user gave it (used in diagnostics); `<stdin>` for standard input.
    pub path: PathBuf,
    /// Whether the map was read from standard input (its text cannot be read again, and
    /// its `source` is relative to the working directory).
    pub stdin: bool,
    /// The text of the file, without a leading byte-order mark: held, or let go once the
    /// map is parsed (see [`MapFile::release_text`]).
    text: Text,
    /// The map, or `None` when the file is not valid YAML or does not fit the format.
    pub map: Option<Map>,
    /// Problems found while loading (syntax, wrong types); located already.
    pub load_errors: Vec<Diagnostic>,
    /// The file's canonical path (symlinks resolved), found when it was read from disk:
    /// how maps given twice under two names are told apart without analysis touching
    /// the file system. `None` for a map from standard input or from memory.
    pub canonical: Option<PathBuf>,
}

/// Failure to read a file at all: the CLI reports it as an I/O error (exit code 2).
#[derive(Debug)]
pub struct ReadError {
    /// The file.
    pub path: PathBuf,
    /// What went wrong.
    pub error: std::io::Error,
}

impl std::fmt::Display for ReadError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "cannot read {}: {}", self.path.display(), self.error)
    }
}

impl std::error::Error for ReadError {}

/// A map file's text, or what is needed to read it again and know it is the same.
#[derive(Debug)]
enum Text {
    Held(String),
    Released { len: usize, hash: u64 },
}

/// The hash a released text is recognised by when it is read again.
fn text_hash(text: &str) -> u64 {
    foldhash::fast::FixedState::with_seed(0x6172_676d_6170).hash_one(text)
}

/// The file was changed (or removed) after argmap parsed it, so its diagnostics cannot
/// be located in it.
fn changed(path: &Path, why: &str) -> ReadError {
    ReadError {
        path: path.to_path_buf(),
        error: std::io::Error::other(format!(
            "{why} after argmap parsed it, so its diagnostics cannot be placed; run argmap again"
        )),
    }
}

impl MapFile {
    /// The file's text without a leading byte-order mark. A released text is read from
    /// the file again, and refused if the file no longer holds the text that was parsed.
    pub fn text(&self) -> Result<Cow<'_, str>, ReadError> {
        let (len, hash) = match &self.text {
            Text::Held(t) => return Ok(Cow::Borrowed(t)),
            Text::Released { len, hash } => (*len, *hash),
        };
        let bytes = read_regular(&self.path).map_err(|e| changed(&self.path, &e.to_string()))?;
        let mut text =
            String::from_utf8(bytes).map_err(|_| changed(&self.path, "the file changed"))?;
        strip_bom(&mut text);
        if text.len() != len || text_hash(&text) != hash {
            return Err(changed(&self.path, "the file changed"));
        }
        Ok(Cow::Owned(text))
    }

    /// Lets go of the text of a map that parsed without errors, so that the commands do
    /// not hold it beside the map (it is as large as the file). [`MapFile::text`] reads it
    /// again if a diagnostic needs a position or a snippet. Only for files read by
    /// [`load_file`]; a file with load errors keeps its text, and so does a map read from
    /// standard input or anything else that is not a regular file (it cannot be read twice).
    pub fn release_text(&mut self) {
        if self.map.is_none() || !self.load_errors.is_empty() || self.stdin {
            return;
        }
        if !std::fs::metadata(&self.path).is_ok_and(|m| m.is_file()) {
            return;
        }
        if let Text::Held(t) = &self.text {
            self.text = Text::Released {
                len: t.len(),
                hash: text_hash(t),
            };
        }
    }
}

fn strip_bom(text: &mut String) {
    if text.starts_with('\u{feff}') {
        text.drain(..'\u{feff}'.len_utf8());
    }
}

/// Refuses a list of map paths that names standard input (`-`) more than once: it can
/// be read only once.
pub fn check_stdin_once(paths: &[PathBuf]) -> Result<(), ReadError> {
    if paths.iter().filter(|p| *p == Path::new(STDIN_PATH)).count() > 1 {
        return Err(ReadError {
            path: PathBuf::from(STDIN_NAME),
            error: std::io::Error::other("`-` (standard input) is given more than once"),
        });
    }
    Ok(())
}

/// Reads and parses the map file at `path`: a regular file (see [`read_regular`]), or
/// standard input when `path` is `-` (named `<stdin>` in diagnostics; write `./-` for a
/// file called `-`).
pub fn load_file(path: &Path) -> Result<MapFile, ReadError> {
    if path == Path::new(STDIN_PATH) {
        let bytes = read_bounded(std::io::stdin().lock(), 0).map_err(|error| ReadError {
            path: PathBuf::from(STDIN_NAME),
            error,
        })?;
        let mut file = load_bytes(Path::new(STDIN_NAME), bytes);
        file.stdin = true;
        return Ok(file);
    }
    let bytes = read_regular(path).map_err(|error| ReadError {
        path: path.to_path_buf(),
        error,
    })?;
    let mut file = load_bytes(path, bytes);
    file.canonical = path.canonicalize().ok();
    Ok(file)
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
            let Position { line, column } = super::deserializer::position_of(&prefix, prefix.len());
            let d = Diagnostic::new(
                Rule::YamlSyntax,
                Target::file(),
                format!("the file is not UTF-8 text (invalid byte at offset {valid})"),
            )
            .with_help("save the map as UTF-8")
            .at(Position { line, column });
            MapFile {
                path: path.to_path_buf(),
                stdin: false,
                text: Text::Held(prefix.into_owned()),
                map: None,
                load_errors: vec![located(d, &file)],
                canonical: None,
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
    strip_bom(&mut text);
    let file = path.display().to_string();
    let (map, errors) = match parse_map(&text) {
        Ok(map) => (Some(map), Vec::new()),
        Err(d) => (None, vec![located(*d, &file)]),
    };
    MapFile {
        path: path.to_path_buf(),
        stdin: false,
        text: Text::Held(text),
        map,
        load_errors: errors,
        canonical: None,
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
    if let Some(d) = scan(text) {
        return Err(Box::new(d));
    }
    // `scan` refused NUL bytes already.
    super::deserializer::from_str_scanned::<Map>(text).map_err(|e| Box::new(yaml_error(&e, text)))
}

/// The deepest bracket nesting argmap parses. YAML parsers check every open flow
/// collection at every token, so deep flow nesting costs quadratic time; the serde layer
/// refuses more than 128 levels anyway.
pub(crate) const MAX_FLOW_DEPTH: usize = 1000;

/// Whether YAML allows `c` in a stream (the `c-printable` set of YAML 1.2): tab, line
/// feed, carriage return, and every character but the other C0 and C1 controls, DEL,
/// and U+FFFE / U+FFFF. The others can only be written as escapes in a double-quoted
/// string (`"\0"`, `"\x07"`). The tests check the reader against it.
#[cfg(test)]
fn is_yaml_printable(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r' | '\u{85}')
        || !(c.is_control() || c == '\u{fffe}' || c == '\u{ffff}')
}

/// The name of a character YAML forbids, for a message: `a NUL byte (U+0000)`.
fn forbidden_name(c: char) -> String {
    match c {
        '\0' => "a NUL byte (U+0000)".to_string(),
        '\u{7f}' => "a DEL character (U+007F)".to_string(),
        '\u{fffe}' | '\u{ffff}' => format!("the noncharacter U+{:04X}", u32::from(c)),
        _ => format!("a control character (U+{:04X})", u32::from(c)),
    }
}

/// The bytes [`scan`] looks at: line breaks, brackets, controls, and the lead bytes of
/// the forbidden characters outside ASCII. Every other byte is passed over.
const NOTABLE: [bool; 256] = {
    let mut t = [false; 256];
    let mut i = 0;
    while i < 256 {
        t[i] = i < 0x20 || matches!(i, 0x5b | 0x5d | 0x7b | 0x7d | 0x7f | 0xc2 | 0xef);
        i += 1;
    }
    t
};

/// One linear pass over the text before it is parsed, for what yaml-rust2 would get
/// wrong: a character YAML forbids (yaml-rust2 takes a NUL for the end of the text and
/// silently ignores the rest), and brackets opened more than [`MAX_FLOW_DEPTH`] deep
/// (counted over the whole text; brackets inside strings count too, which can only
/// overestimate the depth). Lines end at `\n`, `\r\n` or a lone `\r`, as in YAML.
fn scan(text: &str) -> Option<Diagnostic> {
    // Bytes, not characters: this runs over every map, and a forbidden character is
    // either an ASCII byte or starts with 0xC2 (C1 controls) or 0xEF 0xBF (U+FFFE/F).
    let b = text.as_bytes();
    let mut depth = 0usize;
    let (mut line, mut line_start) = (1, 0);
    let at = |line: usize, line_start: usize, i: usize| Position {
        line,
        column: text[line_start..i].chars().count() + 1,
    };
    for (i, &c) in b.iter().enumerate() {
        if !NOTABLE[usize::from(c)] {
            continue;
        }
        let forbidden = match c {
            b'\n' => {
                if i == 0 || b[i - 1] != b'\r' {
                    line += 1;
                }
                line_start = i + 1;
                false
            }
            b'\r' => {
                line += 1;
                line_start = i + 1;
                false
            }
            b'[' | b'{' => {
                depth += 1;
                if depth > MAX_FLOW_DEPTH {
                    return Some(
                        Diagnostic::new(
                            Rule::YamlSyntax,
                            Target::file(),
                            format!("brackets nested more than {MAX_FLOW_DEPTH} levels deep"),
                        )
                        .with_help(
                            "a map never needs such nesting; argmap refuses it rather than parse it slowly",
                        )
                        .at(at(line, line_start, i)),
                    );
                }
                false
            }
            b']' | b'}' => {
                depth = depth.saturating_sub(1);
                false
            }
            b'\t' => false,
            0..=0x1f | 0x7f => true,
            0xc2 => matches!(b.get(i + 1), Some(0x80..=0x84 | 0x86..=0x9f)),
            0xef => b.get(i + 1) == Some(&0xbf) && matches!(b.get(i + 2), Some(0xbe | 0xbf)),
            _ => false,
        };
        if forbidden {
            let ch = text[i..].chars().next().unwrap_or('\0');
            return Some(
                Diagnostic::new(
                    Rule::YamlSyntax,
                    Target::file(),
                    format!(
                        "{} in the text: YAML does not allow it in a file",
                        forbidden_name(ch)
                    ),
                )
                .with_help(
                    "remove it; to put such a character in a text, write it as an escape in double quotes (`\"\\0\"`, `\"\\x07\"`)",
                )
                .at(at(line, line_start, i)),
            );
        }
    }
    None
}

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

/// A parser error made precise from the text: where the offending character is and what
/// it means, for the errors whose position or wording says too little.
fn refine_syntax(message: &str, at: Position, text: &str) -> Option<(Position, String, String)> {
    if message.contains("tab") {
        // yaml-rust2 marks the character after the tab, or the start of the plain scalar
        // whose next line is indented with one: find the tab itself.
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
        return Some(if indents {
            (
                p,
                "a tab character cannot indent YAML; use spaces".to_string(),
                "indent with spaces only (tabs are allowed inside quoted text)".to_string(),
            )
        } else {
            (
                p,
                "a tab character is not allowed here".to_string(),
                "use spaces, or quote the text that holds the tab".to_string(),
            )
        });
    }
    // The mark's line: empty past the end of the text (the mark of its end).
    let line = yaml_lines(text).nth(at.line.checked_sub(1)?).unwrap_or("");
    let key_start = line.chars().take_while(|c| *c == ' ').count();
    if message.contains("must be followed by a valid YAML whitespace") {
        // `key:<TAB>value`: yaml-rust2 wants a space after the `:`.
        let chars: Vec<char> = line.chars().take(at.column).collect();
        if let Some(col) = chars.windows(2).rposition(|w| w == [':', '\t']) {
            return Some((
                Position {
                    line: at.line,
                    column: col + 2,
                },
                "a tab character after `:`: the YAML reader needs a space there".to_string(),
                "write a space after the `:` (tabs are allowed inside quoted text)".to_string(),
            ));
        }
    }
    if message.contains("simple key expect ':'") && at.column > key_start + MAX_IMPLICIT_KEY {
        return Some((
            Position {
                line: at.line,
                column: key_start + 1,
            },
            format!(
                "a plain key longer than 1,024 characters: YAML reads at most {MAX_IMPLICIT_KEY} characters before a key's `:`"
            ),
            "write `? ` before a long key and its `:` on the next line, or shorten it (ids are short)".to_string(),
        ));
    }
    if message.contains("simple key expect") {
        // A plain line where a `key: value` entry belongs: yaml-rust2 notices when the
        // next line (or the end) comes, and marks that. The offending line is the last
        // one with content before the mark (the mark's own, if the mark is past its start).
        let lines: Vec<&str> = yaml_lines(text).take(at.line).collect();
        let content = |l: &&str| {
            let t = l.trim_start_matches([' ', '\t']);
            !t.is_empty() && !t.starts_with('#')
        };
        let on_mark_line = lines.len() == at.line;
        let own = lines.last().filter(|l| {
            on_mark_line
                && content(l)
                && l.chars().take_while(|c| *c == ' ').count() + 1 < at.column
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
        return Some((
            Position {
                line: i + 1,
                column: l.chars().take_while(|c| *c == ' ').count() + 1,
            },
            "a line without `key:` where a `key: value` entry belongs".to_string(),
            "write it as `key: value`, indent it under the text it continues, or quote the text"
                .to_string(),
        ));
    }
    if message.contains("did not find expected key")
        && line.chars().nth(at.column.saturating_sub(1)) == Some(':')
    {
        // yaml-rust2 marks a mapping that starts where none may at its first `:`: point
        // at the key before it.
        return Some((
            Position {
                line: at.line,
                column: key_start + 1,
            },
            message.to_string(),
            "this key is indented more than the keys before it: align it with them, or quote the text it continues".to_string(),
        ));
    }
    None
}

fn yaml_error(e: &DeError, text: &str) -> Diagnostic {
    let pos = e.position.unwrap_or(Position { line: 1, column: 1 });
    if e.kind == ErrorKind::Syntax {
        if let Some((pos, message, help)) = refine_syntax(&e.message, pos, text) {
            return Diagnostic::new(Rule::YamlSyntax, Target::file(), message)
                .with_help(help)
                .at(pos);
        }
    }
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

/// Gives every diagnostic of `file` its file name, line and column. The text is read
/// and the position index built only if some diagnostic still needs a position.
pub(crate) fn locate_all(file: &MapFile, diagnostics: &mut [Diagnostic]) -> Result<(), ReadError> {
    let name = file.path.display().to_string();
    for d in diagnostics.iter_mut() {
        d.file.clone_from(&name);
    }
    if diagnostics.iter().all(|d| d.line != 0) {
        return Ok(());
    }
    let text = file.text()?;
    let index = PositionIndex::build(&text);
    for d in diagnostics.iter_mut().filter(|d| d.line == 0) {
        let p = index.locate(&d.target);
        d.line = p.line;
        d.column = p.column;
    }
    Ok(())
}

/// The locating step that follows analysis: analysis reports each finding by the
/// document path of the value at fault ([`Diagnostic::target`]), file by file
/// (`per_file[i]` belongs to `files[i]`); this turns the paths into file names, lines and
/// columns, from the text already in memory or read again if it was let go, and sorts
/// each file's diagnostics by position. It fails only when a released text cannot be
/// read again unchanged.
pub fn locate(
    files: &[MapFile],
    per_file: Vec<Vec<Diagnostic>>,
) -> Result<Vec<Diagnostic>, ReadError> {
    let mut all = Vec::new();
    for (file, mut diagnostics) in files.iter().zip(per_file) {
        locate_all(file, &mut diagnostics)?;
        diagnostics.sort_by_key(|d| (d.line, d.column, d.rule));
        all.extend(diagnostics);
    }
    Ok(all)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn released(text: &str) -> (tempfile::TempDir, MapFile) {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("map.yaml");
        std::fs::write(&path, text).expect("write");
        let mut file = load_file(&path).expect("readable");
        file.release_text();
        (dir, file)
    }

    #[test]
    fn the_scan_refuses_exactly_what_yaml_forbids() {
        let chars = (0..0x800u32)
            .chain(0xd7f0..0xd800)
            .chain(0xe000..0xe010)
            .chain(0xfef0..0x10010)
            .filter_map(char::from_u32);
        for c in chars {
            let refused = scan(&format!("a: [b\r\nc]\rd{c}e"));
            assert_eq!(
                refused.is_some(),
                !is_yaml_printable(c),
                "U+{:04X}",
                u32::from(c)
            );
            if let Some(d) = refused {
                // Line 3 (CR LF, then a lone CR), after `d`.
                assert_eq!((d.line, d.column), (3, 2), "U+{:04X}", u32::from(c));
            }
        }
    }

    #[test]
    fn a_released_text_is_read_again_unchanged() {
        let text = "\u{feff}id: m\nclaims:\n  C1: { text: \"A claim.\", thesis: true }\n";
        let (_dir, file) = released(text);
        assert!(matches!(file.text, Text::Released { .. }));
        assert_eq!(file.text().expect("unchanged").as_ref(), &text[3..]);
    }

    #[test]
    fn a_file_changed_after_parsing_is_refused_not_misplaced() {
        let (_dir, file) = released("id: m\nclaims:\n  C1: { text: \"A claim.\" }\n");
        // Same length, different text: only the hash tells.
        std::fs::write(&file.path, "id: m\nclaims:\n  C2: { text: \"A claim.\" }\n").unwrap();
        let e = file.text().expect_err("changed");
        assert!(
            e.to_string().contains("changed after argmap parsed it"),
            "{e}"
        );
        std::fs::remove_file(&file.path).unwrap();
        assert!(file.text().is_err());
    }

    #[test]
    fn a_file_with_load_errors_keeps_its_text() {
        let (_dir, file) = released("id: m\nclaims: [\n");
        assert!(!file.load_errors.is_empty());
        assert!(matches!(file.text, Text::Held(_)));
    }
}
