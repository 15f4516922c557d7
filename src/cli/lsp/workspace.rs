//! The documents the server knows: those the editor has open (their text as the editor
//! holds it) and the other maps of the workspace folders (read from disk once, for
//! definitions, references and rename across files). Each open document is checked on
//! every change with every rule; its `source` text is read and indexed once and kept
//! until the `source` field or the file changes.

use super::text::{path_of, uri_of, Lines};
use argmap::analyse::quote::SourceIndex;
use argmap::analyse::{check_indexed, SourceInput};
use argmap::diagnostic::{Diagnostic, Position, SeverityConfig};
use argmap::parse::document::{DocumentIndex, IdKind, Occurrence, Role};
use argmap::parse::load::{load_str, MapFile};
use argmap::parse::position::PositionIndex;
use argmap::SourceLoad;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::time::SystemTime;

/// A source text as kept between checks.
enum SourceState {
    Indexed(SourceIndex),
    Unreadable(String),
}

struct SourceCache {
    /// The file named by `source`, as resolved from the map.
    path: PathBuf,
    /// Its modification time and length when it was read.
    stamp: Option<(Option<SystemTime>, u64)>,
    state: SourceState,
}

/// One document.
pub(super) struct Doc {
    /// Its URI, as the editor names it (or made from the path, for a file the editor has
    /// not opened).
    pub uri: String,
    /// Its path (or the URI, for a document that is not a file).
    pub path: PathBuf,
    pub text: String,
    pub version: Option<i32>,
    /// Whether the editor has it open (its diagnostics are published).
    pub open: bool,
    pub lines: Lines,
    pub file: MapFile,
    pub index: DocumentIndex,
    /// Its diagnostics, located, as last published.
    pub diagnostics: Vec<Diagnostic>,
    /// For a map in several files, the diagnostics of each of its parts (by the part's
    /// key): a part is checked as a piece of its map, never alone.
    pub part_diagnostics: Vec<(String, Vec<Diagnostic>)>,
    /// The path with symbolic links resolved, when the file exists.
    canonical: Option<PathBuf>,
    source: Option<SourceCache>,
}

impl Doc {
    fn new(uri: String, path: PathBuf, text: String, version: Option<i32>, open: bool) -> Doc {
        let file = load_str(&path, text.clone());
        Doc {
            canonical: std::fs::canonicalize(&path).ok(),
            part_diagnostics: Vec::new(),
            uri,
            lines: Lines::new(&text),
            index: DocumentIndex::build(&text),
            file,
            path,
            text,
            version,
            open,
            diagnostics: Vec::new(),
            source: None,
        }
    }

    /// Its map id, from the parsed map or, while the text does not parse, as written.
    pub fn map_id(&self) -> Option<&str> {
        self.file
            .map
            .as_ref()
            .and_then(|m| m.id.as_deref())
            .or_else(|| self.index.map_id())
    }

    /// Whether it reads as a map (or a part of one, which may have no `id`).
    fn is_map(&self) -> bool {
        self.file.map.is_some() || self.map_id().is_some()
    }

    /// The files this map includes, as canonical paths where they exist.
    fn part_paths(&self) -> Vec<PathBuf> {
        self.file
            .parts
            .iter()
            .map(|p| {
                p.canonical
                    .clone()
                    .or_else(|| std::fs::canonicalize(&p.path).ok())
                    .unwrap_or_else(|| p.path.clone())
            })
            .collect()
    }

    fn same_file(&self, path: &Path) -> bool {
        self.canonical.as_deref().unwrap_or(&self.path) == path
    }

    /// Reads and indexes the map's source unless the one kept is still right.
    fn refresh_source(&mut self) {
        let Some(map) = self.file.map.as_ref() else {
            // Half-typed: keep what was read.
            return;
        };
        let Some(src) = map.source.as_deref() else {
            self.source = None;
            return;
        };
        let base = self.path.parent().unwrap_or(Path::new(""));
        let path = base.join(src);
        let stamp = std::fs::metadata(&path)
            .ok()
            .map(|m| (m.modified().ok(), m.len()));
        if let Some(c) = &self.source {
            if c.path == path && c.stamp == stamp {
                return;
            }
        }
        let state = match argmap::read_source(&self.file) {
            SourceLoad::Text(t) => SourceState::Indexed(SourceIndex::new(t)),
            SourceLoad::Unreadable(why) => SourceState::Unreadable(why),
            SourceLoad::None => {
                self.source = None;
                return;
            }
        };
        self.source = Some(SourceCache { path, stamp, state });
    }

    fn source_input(&self) -> SourceInput<'_> {
        match &self.source {
            Some(SourceCache {
                state: SourceState::Indexed(index),
                ..
            }) => SourceInput::Indexed(index),
            Some(SourceCache {
                state: SourceState::Unreadable(why),
                ..
            }) => SourceInput::Load(SourceLoad::Unreadable(why.clone())),
            None => SourceInput::Load(SourceLoad::None),
        }
    }
}

/// The key a document is known by: its path for a `file:` URI (so that two spellings of
/// one URI are one document), else the URI.
pub(super) fn key_of(uri: &str) -> String {
    match path_of(uri) {
        Some(p) => p.to_string_lossy().into_owned(),
        None => uri.to_string(),
    }
}

/// What an occurrence names, resolved to the document that declares it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) struct Target {
    /// The key of the document whose map declares it (`None`: a map that is not known).
    pub doc: Option<String>,
    pub kind: IdKind,
    pub id: String,
}

#[derive(Default)]
pub(super) struct Workspace {
    pub docs: BTreeMap<String, Doc>,
}

/// At most this many files are read from the workspace folders, each at most this large.
const MAX_WORKSPACE_FILES: usize = 2000;
const MAX_WORKSPACE_FILE: u64 = 16 << 20;

impl Workspace {
    /// Reads the maps under `root` (YAML files, five folders deep at most, hidden
    /// folders, `target` and `node_modules` left out).
    pub fn scan(&mut self, root: &Path) {
        let mut stack = vec![(root.to_path_buf(), 0)];
        let mut seen = 0;
        while let Some((dir, depth)) = stack.pop() {
            let Ok(entries) = std::fs::read_dir(&dir) else {
                continue;
            };
            let mut entries: Vec<_> = entries.filter_map(Result::ok).collect();
            entries.sort_by_key(|e| e.file_name());
            for e in entries {
                let name = e.file_name().to_string_lossy().into_owned();
                let Ok(kind) = e.file_type() else { continue };
                let path = e.path();
                if kind.is_dir() {
                    if depth < 5
                        && !name.starts_with('.')
                        && name != "target"
                        && name != "node_modules"
                    {
                        stack.push((path, depth + 1));
                    }
                    continue;
                }
                if !kind.is_file() || !(name.ends_with(".yaml") || name.ends_with(".yml")) {
                    continue;
                }
                if seen >= MAX_WORKSPACE_FILES {
                    return;
                }
                seen += 1;
                let key = path.to_string_lossy().into_owned();
                if self.docs.contains_key(&key) {
                    continue;
                }
                let small = std::fs::metadata(&path).is_ok_and(|m| m.len() <= MAX_WORKSPACE_FILE);
                let Some(text) = small
                    .then(|| argmap::parse::load::read_regular(&path).ok())
                    .flatten()
                    .and_then(|b| String::from_utf8(b).ok())
                else {
                    continue;
                };
                let doc = Doc::new(uri_of(&path), path, text, None, false);
                if doc.is_map() {
                    self.docs.insert(key, doc);
                }
            }
        }
    }

    /// Opens (or replaces) a document with the editor's text; returns the keys of the
    /// open documents to publish again (it, and those that link to its map).
    pub fn set(&mut self, uri: &str, text: String, version: Option<i32>) -> Vec<String> {
        let key = key_of(uri);
        let path = path_of(uri).unwrap_or_else(|| PathBuf::from(uri));
        let old_map = self
            .docs
            .get(&key)
            .and_then(|d| d.map_id().map(str::to_string));
        let source = self.docs.remove(&key).and_then(|d| d.source);
        let mut doc = Doc::new(uri.to_string(), path, text, version, true);
        doc.source = source;
        self.docs.insert(key.clone(), doc);
        // A part is checked as a piece of its map (as saved on disk).
        let root = self.root_of(&key);
        self.recheck(&root, old_map)
    }

    /// A file of the workspace changed on disk (`workspace/didChangeWatchedFiles`): read
    /// again (or forgotten, if it is gone or no map), unless the editor has it open.
    /// Returns the open documents to publish again (those that link to it).
    pub fn file_changed(&mut self, uri: &str) -> Vec<String> {
        let key = key_of(uri);
        if self.docs.get(&key).is_some_and(|d| d.open) {
            return Vec::new();
        }
        let Some(path) = path_of(uri) else {
            return Vec::new();
        };
        let old_map = self
            .docs
            .remove(&key)
            .and_then(|d| d.map_id().map(str::to_string));
        let text = std::fs::metadata(&path)
            .is_ok_and(|m| m.len() <= MAX_WORKSPACE_FILE)
            .then(|| argmap::parse::load::read_regular(&path).ok())
            .flatten()
            .and_then(|b| String::from_utf8(b).ok());
        let mut new_map = None;
        if let Some(text) = text {
            let d = Doc::new(uri_of(&path), path, text, None, false);
            new_map = d.map_id().map(str::to_string);
            if d.is_map() {
                self.docs.insert(key.clone(), d);
            }
        }
        let mut out = Vec::new();
        for m in [old_map, new_map].into_iter().flatten() {
            for k in self.dependents(Some(&m), &key) {
                if !out.contains(&k) {
                    self.analyse(&k);
                    out.push(k);
                }
            }
        }
        out
    }

    /// The editor closed a document: it stays known as a workspace file if it is one on
    /// disk. Returns the keys to publish again (its diagnostics are cleared by the caller).
    pub fn close(&mut self, uri: &str) -> Vec<String> {
        let key = key_of(uri);
        let Some(doc) = self.docs.remove(&key) else {
            return Vec::new();
        };
        let old_map = doc.map_id().map(str::to_string);
        if let Some(text) = argmap::parse::load::read_regular(&doc.path)
            .ok()
            .and_then(|b| String::from_utf8(b).ok())
        {
            let d = Doc::new(doc.uri.clone(), doc.path.clone(), text, None, false);
            if d.is_map() {
                self.docs.insert(key.clone(), d);
            }
        }
        let mut out = self.dependents(old_map.as_deref(), &key);
        out.retain(|k| k != &key);
        for k in &out {
            self.analyse(k);
        }
        out
    }

    /// Checks `key` again, and the open documents that link to its map (before or after
    /// the change); returns the keys checked.
    fn recheck(&mut self, key: &str, old_map: Option<String>) -> Vec<String> {
        self.analyse(key);
        let mut out = vec![key.to_string()];
        let new_map = self
            .docs
            .get(key)
            .and_then(|d| d.map_id().map(str::to_string));
        for m in [old_map, new_map].into_iter().flatten() {
            for k in self.dependents(Some(&m), key) {
                if !out.contains(&k) {
                    self.analyse(&k);
                    out.push(k);
                }
            }
        }
        out
    }

    /// The open documents other than `key` that refer to map `map`.
    fn dependents(&self, map: Option<&str>, key: &str) -> Vec<String> {
        let Some(map) = map else {
            return Vec::new();
        };
        self.docs
            .iter()
            .filter(|(k, d)| {
                d.open
                    && k.as_str() != key
                    && d.index
                        .occurrences
                        .iter()
                        .any(|o| o.kind == IdKind::Map && o.role == Role::Reference && o.id == map)
            })
            .map(|(k, _)| k.clone())
            .collect()
    }

    /// Checks one open document, with the maps it links to (their `same_as` resolved),
    /// and keeps its located diagnostics.
    fn analyse(&mut self, key: &str) {
        let Some(doc) = self.docs.get_mut(key) else {
            return;
        };
        doc.refresh_source();
        let doc = &self.docs[key];
        let own = doc.map_id();
        let mut wanted: Vec<&str> = doc
            .index
            .occurrences
            .iter()
            .filter(|o| o.kind == IdKind::Map && o.role == Role::Reference)
            .map(|o| o.id.as_str())
            .filter(|m| Some(*m) != own)
            .collect();
        wanted.sort_unstable();
        wanted.dedup();
        let mut files: Vec<&MapFile> = vec![&doc.file];
        for m in wanted {
            if let Some(other) = self.map_doc(m).filter(|(k, _)| k.as_str() != key) {
                files.push(&other.1.file);
            }
        }
        let mut sources = vec![doc.source_input()];
        sources.extend((1..files.len()).map(|_| SourceInput::Load(SourceLoad::None)));
        // `check`'s defaults: every rule but those allowed by default.
        let config = SeverityConfig::default();
        let found: Vec<Diagnostic> = check_indexed(&files, sources, config.enabled())
            .diagnostics
            .into_iter()
            .next()
            .unwrap_or_default()
            .into_iter()
            .filter(|d| config.severity(d.rule).is_some())
            .collect();
        let name = doc.path.display().to_string();
        if !doc.file.parts.is_empty() {
            // A map in several files: the library places each diagnostic in its file.
            let located = argmap::parse::load::locate(std::slice::from_ref(&doc.file), vec![found])
                .unwrap_or_default();
            let parts: Vec<(PathBuf, String)> = doc
                .file
                .parts
                .iter()
                .zip(doc.part_paths())
                .map(|(p, canonical)| (canonical, p.path.display().to_string()))
                .collect();
            let (own, rest): (Vec<Diagnostic>, Vec<Diagnostic>) =
                located.into_iter().partition(|d| d.file == name);
            let mut by_part: Vec<(String, Vec<Diagnostic>)> = Vec::new();
            let mut new_docs = Vec::new();
            for (canonical, part_name) in &parts {
                let part_key = match self.docs.iter().find(|(_, d)| d.same_file(canonical)) {
                    Some((k, _)) => k.clone(),
                    None => {
                        let k = canonical.to_string_lossy().into_owned();
                        if let Some(text) = argmap::parse::load::read_regular(canonical)
                            .ok()
                            .and_then(|b| String::from_utf8(b).ok())
                        {
                            new_docs.push(Doc::new(
                                uri_of(canonical),
                                canonical.clone(),
                                text,
                                None,
                                false,
                            ));
                        }
                        k
                    }
                };
                let ds: Vec<Diagnostic> = rest
                    .iter()
                    .filter(|d| &d.file == part_name)
                    .cloned()
                    .collect();
                by_part.push((part_key, ds));
            }
            for d in new_docs {
                let k = d.path.to_string_lossy().into_owned();
                self.docs.entry(k).or_insert(d);
            }
            if let Some(doc) = self.docs.get_mut(key) {
                doc.diagnostics = own;
                doc.part_diagnostics = by_part;
            }
            return;
        }
        let mut found = found;
        let positions = found.iter().any(|d| d.position().is_none()).then(|| {
            PositionIndex::build_for(
                &doc.text,
                found
                    .iter()
                    .filter(|d| d.position().is_none())
                    .map(|d| &d.target),
            )
        });
        for d in &mut found {
            d.file.clone_from(&name);
            if d.position().is_none() {
                if let Some(p) = &positions {
                    d.place(p.locate(&d.target));
                }
            }
        }
        found.sort_by_key(|d| (d.position(), d.rule));
        if let Some(doc) = self.docs.get_mut(key) {
            doc.diagnostics = found;
        }
    }

    /// The key of the map that document `key` is a part of (`include`d by it); `key`
    /// itself when it is no part.
    pub fn root_of(&self, key: &str) -> String {
        let Some(doc) = self.docs.get(key) else {
            return key.to_string();
        };
        let me = doc.canonical.clone().unwrap_or_else(|| doc.path.clone());
        self.docs
            .iter()
            .filter(|(k, _)| k.as_str() != key)
            .find(|(_, d)| d.part_paths().contains(&me))
            .map_or_else(|| key.to_string(), |(k, _)| k.clone())
    }

    /// The documents of the map that `key` belongs to: its root, then its parts known.
    pub fn family(&self, key: &str) -> Vec<String> {
        let root = self.root_of(key);
        let mut out = vec![root.clone()];
        if let Some(r) = self.docs.get(&root) {
            for p in r.part_paths() {
                if let Some((k, _)) = self.docs.iter().find(|(_, d)| d.same_file(&p)) {
                    if !out.contains(k) {
                        out.push(k.clone());
                    }
                }
            }
        }
        out
    }

    /// The diagnostics of document `key`: its own, or, for a part, those its map found
    /// in it.
    pub fn diagnostics_of(&self, key: &str) -> &[Diagnostic] {
        let root = self.root_of(key);
        if root != key {
            if let Some(r) = self.docs.get(&root) {
                if let Some((_, ds)) = r.part_diagnostics.iter().find(|(k, _)| k == key) {
                    return ds;
                }
            }
            return &[];
        }
        self.docs.get(key).map_or(&[], |d| d.diagnostics.as_slice())
    }

    /// The document of map `map`: an open one first, else a workspace file (a part of a
    /// map is not the map).
    pub fn map_doc(&self, map: &str) -> Option<(&String, &Doc)> {
        let mut docs = self
            .docs
            .iter()
            .filter(|(k, d)| d.map_id() == Some(map) && self.root_of(k) == **k);
        let all: Vec<_> = docs.by_ref().collect();
        all.iter()
            .find(|(_, d)| d.open)
            .or_else(|| all.first())
            .copied()
    }

    /// What the occurrence `o` of document `key` names.
    pub fn target(&self, key: &str, o: &Occurrence) -> Target {
        match (&o.map, o.kind) {
            (Some(m), kind) => Target {
                doc: self.map_doc(m).map(|(k, _)| k.clone()),
                kind,
                id: o.id.clone(),
            },
            (None, IdKind::Map) => Target {
                doc: if o.role == Role::Definition {
                    Some(key.to_string())
                } else {
                    self.map_doc(&o.id).map(|(k, _)| k.clone())
                },
                kind: IdKind::Map,
                id: o.id.clone(),
            },
            (None, kind) => Target {
                doc: Some(key.to_string()),
                kind,
                id: o.id.clone(),
            },
        }
    }

    /// Where `t` is declared: the document's key and the occurrence.
    pub fn definition(&self, t: &Target) -> Option<(&str, &Occurrence)> {
        self.family(t.doc.as_deref()?).into_iter().find_map(|k| {
            let (key, doc) = self.docs.get_key_value(&k)?;
            doc.index
                .definition(t.kind, &t.id)
                .map(|o| (key.as_str(), o))
        })
    }

    /// Every place that names `t` (its declaration first, if `declaration`), across the
    /// documents: in its own map without a map prefix, in the others as `map:ID`.
    pub fn references(&self, t: &Target, declaration: bool) -> Vec<(&str, &Occurrence)> {
        let mut out = Vec::new();
        if declaration {
            out.extend(self.definition(t));
        }
        let Some(home) = t.doc.as_deref() else {
            return out;
        };
        let family = self.family(home);
        let home_map = self.docs.get(&family[0]).and_then(|d| d.map_id());
        let in_family = |k: &String| family.contains(k);
        for (key, doc) in &self.docs {
            for o in &doc.index.occurrences {
                if o.role != Role::Reference || o.kind != t.kind || o.id != t.id {
                    continue;
                }
                let hit = match (t.kind, o.map.as_deref()) {
                    (IdKind::Map, _) => !in_family(key),
                    (_, None) => in_family(key),
                    (_, Some(m)) => Some(m) == home_map && !in_family(key),
                };
                if hit {
                    out.push((key.as_str(), o));
                }
            }
        }
        out
    }

    pub fn doc(&self, uri: &str) -> Option<(String, &Doc)> {
        let key = key_of(uri);
        self.docs.get(&key).map(|d| (key, d))
    }
}

/// The position `p` moved `n` characters right.
pub(super) fn right(p: Position, n: usize) -> Position {
    Position {
        line: p.line,
        column: p.column + n,
    }
}
