//! Reading a map file: bytes → UTF-8 text → typed [`Map`], or a located diagnostic.

//!
//! The files, by job: this one (reading a file within its limits, the loaded
//! [`MapFile`], parsing), `scan.rs` (the pass before parsing: characters YAML forbids,
//! bracket depth), `syntax.rs` (a parser or serde error made a diagnostic: its position
//! refined and its help chosen), `locate.rs` (the locate step after analysis).

mod locate;
mod scan;
mod syntax;

pub use locate::locate;

use super::model::Map;
use crate::diagnostic::{Diagnostic, Position, Rule, Target};
use crate::parse::source_text::SourcePolicy;
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
    /// The files this map includes (`include:`, transitively), in the order their
    /// entries were merged into [`MapFile::map`]; each keeps its path and text (its own
    /// `map` is `None`: merged). Empty for a map in one file.
    pub parts: Vec<MapFile>,
    /// Which file each entry of the merged map comes from, for the locate step.
    pub(crate) origins: crate::parse::include::Origins,
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
        self.release_held();
        for part in &mut self.parts {
            part.release_held();
        }
    }

    /// Lets go of the text of a regular file (see [`MapFile::release_text`]).
    fn release_held(&mut self) {
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

    /// This file, then the files it includes: every file of the map, in the order their
    /// entries were merged.
    pub fn files(&self) -> impl Iterator<Item = &MapFile> {
        std::iter::once(self).chain(&self.parts)
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
    load_file_with(path, SourcePolicy::default())
}

/// [`load_file`], with the files the map includes read where `policy` allows (by default
/// only inside the map's project or the working directory, as a `source`).
pub fn load_file_with(path: &Path, policy: SourcePolicy) -> Result<MapFile, ReadError> {
    let mut file = read_file(path)?;
    crate::parse::include::resolve(&mut file, policy);
    Ok(file)
}

/// Reads and parses the map file at `path`, not following its `include`.
pub(crate) fn read_file(path: &Path) -> Result<MapFile, ReadError> {
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
        Ok(text) => parse_str(path, text),
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
                parts: Vec::new(),
                origins: Default::default(),
            }
        }
    }
}

fn located(mut d: Diagnostic, file: &str) -> Diagnostic {
    d.file = file.to_string();
    d
}

/// Parses map text that was read from `path`, and the files it includes (relative to
/// `path`'s folder; see [`crate::parse::include`]).
pub fn load_str(path: &Path, text: String) -> MapFile {
    let mut file = parse_str(path, text);
    crate::parse::include::resolve(&mut file, SourcePolicy::default());
    file
}

/// Parses map text that was read from `path`, not following its `include`.
pub(crate) fn parse_str(path: &Path, mut text: String) -> MapFile {
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
        parts: Vec::new(),
        origins: Default::default(),
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
    if let Some(d) = scan::scan(text) {
        return Err(Box::new(d));
    }
    // `scan` refused NUL bytes already.
    super::deserializer::from_str_scanned::<Map>(text)
        .map_err(|e| Box::new(syntax::yaml_error(&e, text)))
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
