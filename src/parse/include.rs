//! Maps in several files: `include: [part.yaml]` merges the entries of other files into
//! the map, as if they were written in it.
//!
//! An included file (a *part*) is a map file without a map of its own: it may hold
//! `sources`, `claims`, `evidence`, `rebuttals` and its own `include` (paths relative to
//! the part), and an `id` only if it is the including map's (so that a reader, or an
//! editor validating against the JSON Schema, knows which map it belongs to). It has no
//! `title` and no `source`: quotes of every file are checked against the root map's
//! `source`. Ids are unique across all the files of the map.
//!
//! [`resolve`] reads the parts depth first, in `include` order, each file once, and merges
//! each part's entries after those of the files before it, so the entries of one file are
//! contiguous in each section of the merged map ([`Origins`] records where each file's
//! entries start: the locate step places a diagnostic in the file its entry comes from).
//! What is wrong with an include is found here, located in the file that says it, as a
//! load error: a file that cannot be read (`include-unreadable`, at the entry), a cycle
//! (`include-cycle`, at the entry that closes it), a file included again
//! (`include-repeated`, a warning at the later entry; the file is merged once), an id
//! declared in two files (`duplicate-id`, in the later file, with a note naming where the
//! first is), and what a part may not say (`schema`). Time and memory are linear in the
//! total size of the files.

use super::load::{read_regular, MapFile};
use super::model::{FieldProblem, IdMap, Map, Section};
use super::position::PositionIndex;
use super::source_text::{base_dir, outside_of, SourcePolicy};
use crate::diagnostic::{did_you_mean, Diagnostic, Position, Rule, Seg, Target};
use crate::path;
use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

/// The top-level keys an included file may have.
const PART_FIELDS: &[&str] = &[
    "id",
    "include",
    "sources",
    "claims",
    "evidence",
    "rebuttals",
];

/// Which file each entry of a merged map comes from: for each section, the index at which
/// each file's entries start, with the file's number (0: the root file, `k`: its
/// `parts[k - 1]`). Empty for a map in one file (every entry is the root's).
#[derive(Debug, Default)]
pub struct Origins {
    starts: [Vec<(usize, usize)>; 4],
}

fn slot(section: Section) -> usize {
    match section {
        Section::Sources => 0,
        Section::Claims => 1,
        Section::Evidence => 2,
        Section::Rebuttals => 3,
    }
}

fn section_of(key: &str) -> Option<Section> {
    Some(match key {
        "sources" => Section::Sources,
        "claims" => Section::Claims,
        "evidence" => Section::Evidence,
        "rebuttals" => Section::Rebuttals,
        _ => return None,
    })
}

/// The position of `id` among the entries of `section` of `map`.
fn index_of(map: &Map, section: Section, id: &str) -> Option<usize> {
    match section {
        Section::Sources => map.sources.entries.get_index_of(id),
        Section::Claims => map.claims.entries.get_index_of(id),
        Section::Evidence => map.evidence.entries.get_index_of(id),
        Section::Rebuttals => map.rebuttals.entries.get_index_of(id),
    }
}

impl Origins {
    /// The file (0: the root, `k`: `parts[k - 1]`) of the entry at `index` of `section`.
    fn file_of_entry(&self, section: Section, index: usize) -> usize {
        let starts = &self.starts[slot(section)];
        let after = starts.partition_point(|&(start, _)| start <= index);
        match after {
            0 => 0,
            n => starts[n - 1].1,
        }
    }

    /// Records that the entries of `section` from `start` on come from file `file`.
    fn push(&mut self, section: Section, start: usize, file: usize) {
        let starts = &mut self.starts[slot(section)];
        if starts.is_empty() && file != 0 {
            starts.push((0, 0));
        }
        starts.push((start, file));
    }

    /// The file (0: the root, `k`: `parts[k - 1]`) that holds what `target` points at in
    /// `map`: the file of the entry its path starts in (`[section, id, ...]`), else the
    /// root's.
    pub(crate) fn file_of(&self, map: Option<&Map>, target: &Target) -> usize {
        let (Some(map), [Seg::Key(section), Seg::Key(id), ..]) = (map, target.path.as_slice())
        else {
            return 0;
        };
        let Some(section) = section_of(section) else {
            return 0;
        };
        index_of(map, section, id).map_or(0, |i| self.file_of_entry(section, i))
    }
}

/// What is being read: a file whose `include` list is being followed.
struct Frame {
    /// The file's number (0: the root).
    file: usize,
    /// Its folder, where its include paths start.
    dir: PathBuf,
    /// Its include list.
    include: Vec<String>,
    /// The next entry of the list to follow.
    next: usize,
    /// Its canonical path, when it has one.
    canonical: Option<PathBuf>,
}

/// The state of a resolution.
struct Resolver<'p> {
    /// The root file's folder (relative paths of the root start there; its project and
    /// the working directory bound what may be read).
    root_dir: PathBuf,
    policy: SourcePolicy,
    /// The map being built (the root's, with the parts merged into it).
    map: Map,
    /// The parts read so far.
    parts: Vec<MapFile>,
    origins: Origins,
    /// Canonical paths of every file read, with the file that included each (for the
    /// message of a repeat).
    seen: HashMap<PathBuf, usize>,
    /// Canonical paths of the files being read (the chain from the root).
    open: HashSet<PathBuf>,
    /// The position index of each file that has something to locate, built on demand.
    indexes: HashMap<usize, PositionIndex>,
    root: &'p MapFile,
    errors: Vec<Diagnostic>,
}

/// Reads the files that `file`'s map includes, transitively, and merges their entries into
/// its map; what goes wrong is added to its `load_errors`, located. A map without
/// `include` is left as it is.
pub fn resolve(file: &mut MapFile, policy: SourcePolicy) {
    let Some(map) = file.map.as_mut() else {
        return;
    };
    if map.include.is_empty() {
        return;
    }
    let include = map.include.clone();
    let map = std::mem::take(map);
    let canonical = file.canonical.clone().or_else(|| {
        (!file.stdin)
            .then(|| file.path.canonicalize().ok())
            .flatten()
    });
    let root_dir = base_dir(file).to_path_buf();
    let mut r = Resolver {
        root_dir: root_dir.clone(),
        policy,
        map,
        parts: Vec::new(),
        origins: Origins::default(),
        seen: HashMap::new(),
        open: HashSet::new(),
        indexes: HashMap::new(),
        root: file,
        errors: Vec::new(),
    };
    if let Some(c) = &canonical {
        r.seen.insert(c.clone(), 0);
        r.open.insert(c.clone());
    }
    let mut stack = vec![Frame {
        file: 0,
        dir: root_dir,
        include,
        next: 0,
        canonical,
    }];
    while let Some(top) = stack.last_mut() {
        let Some(entry) = top.include.get(top.next).cloned() else {
            if let Some(c) = &top.canonical {
                r.open.remove(c);
            }
            stack.pop();
            continue;
        };
        let (from, item, dir) = (top.file, top.next, top.dir.clone());
        top.next += 1;
        if let Some(frame) = r.follow(from, item, &entry, &dir, &stack) {
            stack.push(frame);
        }
    }
    let Resolver {
        map,
        parts,
        origins,
        errors,
        ..
    } = r;
    file.map = Some(map);
    file.parts = parts;
    file.origins = origins;
    file.load_errors.extend(errors);
}

impl Resolver<'_> {
    /// The file numbered `n`.
    fn file(&self, n: usize) -> &MapFile {
        match n {
            0 => self.root,
            k => &self.parts[k - 1],
        }
    }

    /// Diagnostic `d` of file `n`, located there, recorded.
    fn report(&mut self, n: usize, d: Diagnostic) {
        let position = self.position(n, &d.target);
        let mut d = d.at(position);
        d.file = self.file(n).path.display().to_string();
        self.errors.push(d);
    }

    /// The position of `target` in file `n`.
    fn position(&mut self, n: usize, target: &Target) -> Position {
        if !self.indexes.contains_key(&n) {
            let index = match self.file(n).text() {
                Ok(text) => PositionIndex::build(&text),
                Err(_) => PositionIndex::default(),
            };
            self.indexes.insert(n, index);
        }
        self.indexes
            .get(&n)
            .map_or(Position { line: 1, column: 1 }, |i| i.locate(target))
    }

    /// Follows entry `item` (`entry`) of the include list of file `from` (whose folder is
    /// `dir`): reads and merges the file, and returns its frame when it includes more.
    fn follow(
        &mut self,
        from: usize,
        item: usize,
        entry: &str,
        dir: &Path,
        stack: &[Frame],
    ) -> Option<Frame> {
        let target = || Target::value(path!["include", item]);
        let unreadable = |why: String| {
            Diagnostic::new(
                Rule::IncludeUnreadable,
                target(),
                format!("cannot include `{entry}`: {why}"),
            )
            .with_help("an included file's path is relative to the file that includes it")
        };
        if entry.trim().is_empty() {
            self.report(from, unreadable("the path is empty".into()));
            return None;
        }
        let path = dir.join(entry);
        let canonical = match path.canonicalize() {
            Ok(c) => c,
            Err(e) => {
                self.report(from, unreadable(format!("{}: {e}", path.display())));
                return None;
            }
        };
        if !self.policy.allow_outside {
            if let Some(why) = outside_of(&self.root_dir, &canonical, "an included file") {
                self.report(from, unreadable(why));
                return None;
            }
        }
        if self.open.contains(&canonical) {
            let d = Diagnostic::new(
                Rule::IncludeCycle,
                target(),
                format!(
                    "`{entry}` closes a cycle of includes: {}",
                    self.chain(&canonical, stack)
                ),
            )
            .with_help(
                "a file cannot include itself, directly or through others: remove this entry",
            );
            self.report(from, d);
            return None;
        }
        if let Some(&by) = self.seen.get(&canonical) {
            let first = self.file(by).path.display().to_string();
            let d = Diagnostic::new(
                Rule::IncludeRepeated,
                target(),
                format!(
                    "`{entry}` ({}) is included already, by {first}; its entries are merged once",
                    path.display()
                ),
            )
            .with_help("include each file of the map once: remove this entry");
            self.report(from, d);
            return None;
        }
        let bytes = match read_regular(&canonical) {
            Ok(b) => b,
            Err(e) => {
                self.report(from, unreadable(format!("{}: {e}", path.display())));
                return None;
            }
        };
        let mut part = super::load::load_bytes(&path, bytes);
        part.canonical = Some(canonical.clone());
        let n = self.parts.len() + 1;
        self.seen.insert(canonical.clone(), from);
        self.errors.append(&mut part.load_errors);
        let map = part.map.take();
        self.parts.push(part);
        let mut map = map?;
        self.check_part(n, &map);
        let include = std::mem::take(&mut map.include);
        self.merge(n, map);
        if include.is_empty() {
            return None;
        }
        self.open.insert(canonical.clone());
        Some(Frame {
            file: n,
            dir: path.parent().map_or_else(PathBuf::new, Path::to_path_buf),
            include,
            next: 0,
            canonical: Some(canonical),
        })
    }

    /// The files of the cycle that an include of `canonical` (a file being read) closes:
    /// `a.yaml → b.yaml → a.yaml`.
    fn chain(&self, canonical: &Path, stack: &[Frame]) -> String {
        let start = stack
            .iter()
            .position(|f| f.canonical.as_deref() == Some(canonical))
            .unwrap_or(0);
        let mut chain: Vec<String> = stack[start..]
            .iter()
            .map(|f| self.file(f.file).path.display().to_string())
            .collect();
        if let Some(f) = stack.get(start) {
            chain.push(self.file(f.file).path.display().to_string());
        }
        chain.join(" → ")
    }

    /// What part `n` may not say at its top level: another map's `id`, a `title`, a
    /// `source`, an unknown or repeated key.
    fn check_part(&mut self, n: usize, part: &Map) {
        let mut found = Vec::new();
        if let Some(id) = &part.id {
            let root = self.map.id.as_deref();
            if root != Some(id.as_str()) {
                let shown = root.map_or("none".to_string(), |r| format!("`{r}`"));
                found.push(
                    Diagnostic::new(
                        Rule::Schema,
                        Target::value(path!["id"]),
                        format!("an included file has the id `{id}`, but the map that includes it has {shown}"),
                    )
                    .with_help("an included file is part of the map that includes it: give it that map's id, or none"),
                );
            }
        }
        for (key, given) in [
            ("title", part.title.is_some()),
            ("source", part.source.is_some()),
            (
                "schemes",
                !part.schemes.is_empty() || !part.schemes.duplicates.is_empty(),
            ),
            ("groups", part.groups.is_some()),
        ] {
            if given {
                found.push(
                    Diagnostic::new(
                        Rule::Schema,
                        Target::key(path![key]),
                        format!("an included file has no `{key}` of its own"),
                    )
                    .with_help(match key {
                        "source" => "the quotes of every file of a map are checked against the `source` of its root file: move it there",
                        "schemes" => "the map's `schemes:` (links' schemes and its own) belong to its root file: move them there",
                        // The nodes of every file may be placed in them with `group:`.
                        "groups" => "the groups belong to the map's root file (the nodes of every file can be placed in them with `group:`): move them there",
                        _ => "the title belongs to the map's root file: move it there",
                    }),
                );
            }
        }
        for p in &part.problems {
            found.push(match p {
                FieldProblem::Unknown(key) => {
                    let help = match did_you_mean(key, PART_FIELDS.iter().copied()) {
                        Some(s) => format!("did you mean `{s}`?"),
                        None => {
                            format!("an included file's fields are: {}", PART_FIELDS.join(", "))
                        }
                    };
                    Diagnostic::new(
                        Rule::Schema,
                        Target::key(path![key]),
                        format!("unknown field `{key}` in an included file"),
                    )
                    .with_help(help)
                }
                FieldProblem::Duplicate { key, occurrence } => {
                    let mut t = Target::key(path![key]);
                    t.occurrence = *occurrence;
                    Diagnostic::new(
                        Rule::Schema,
                        t,
                        format!("field `{key}` is given twice in an included file"),
                    )
                    .with_help("YAML keeps only one of them: merge the two")
                }
            });
        }
        for d in found {
            self.report(n, d);
        }
    }

    /// Where `id` is declared in the map merged so far: its section and file.
    fn declared(&self, id: &str) -> Option<(Section, usize)> {
        [
            Section::Sources,
            Section::Claims,
            Section::Evidence,
            Section::Rebuttals,
        ]
        .into_iter()
        .find_map(|s| index_of(&self.map, s, id).map(|i| (s, self.origins.file_of_entry(s, i))))
    }

    /// Merges the entries of part `n` after those merged so far. An id that another file
    /// declares already is a `duplicate-id` in this one (the entry is left out); repeats
    /// within the part are kept for the graph to report, as in a map of one file.
    fn merge(&mut self, n: usize, part: Map) {
        // Every field named, so that a field added to the map's top level does not compile
        // until it is merged here (a section, as the four below) or checked in
        // `check_part`.
        let Map {
            id: _,
            title: _,
            source: _,
            include: _,
            schemes: _,
            // Refused in a part (`check_part`): groups are declared in the root file.
            groups: _,
            problems: _,
            sources,
            claims,
            evidence,
            rebuttals,
            section_order,
        } = part;
        for s in section_order {
            if !self.map.section_order.contains(&s) {
                self.map.section_order.push(s);
            }
        }
        let sources = self.merge_section(n, Section::Sources, sources, |m| &mut m.sources);
        let claims = self.merge_section(n, Section::Claims, claims, |m| &mut m.claims);
        let evidence = self.merge_section(n, Section::Evidence, evidence, |m| &mut m.evidence);
        let rebuttals = self.merge_section(n, Section::Rebuttals, rebuttals, |m| &mut m.rebuttals);
        for d in [sources, claims, evidence, rebuttals].into_iter().flatten() {
            self.report(n, d);
        }
    }

    /// Merges one section of part `n`; returns the `duplicate-id` errors it finds.
    fn merge_section<T>(
        &mut self,
        n: usize,
        section: Section,
        part: IdMap<T>,
        of: fn(&mut Map) -> &mut IdMap<T>,
    ) -> Vec<Diagnostic> {
        if part.entries.is_empty() && part.duplicates.is_empty() {
            return Vec::new();
        }
        let start = of(&mut self.map).entries.len();
        self.origins.push(section, start, n);
        let mut found = Vec::new();
        let mut elsewhere: HashSet<String> = HashSet::new();
        let mut merged = Vec::with_capacity(part.entries.len());
        for (id, entry) in part.entries {
            match self.declared(&id) {
                Some((first, file)) if file != n => {
                    found.push((id.to_string(), 0, first, file));
                    elsewhere.insert(id.to_string());
                }
                _ => merged.push((id, entry)),
            }
        }
        let target = of(&mut self.map);
        target.entries.reserve(merged.len());
        for (id, entry) in merged {
            // Within the part, ids are already unique per section.
            target.entries.insert(id, entry);
        }
        for (id, occurrence) in part.duplicates {
            if elsewhere.contains(&id) {
                let (first, file) = self.declared(&id).unwrap_or((section, 0));
                found.push((id, occurrence, first, file));
            } else {
                // Kept for the graph, which reports it where its first entry is: here.
                of(&mut self.map).duplicates.push((id, occurrence));
            }
        }
        let mut out = Vec::with_capacity(found.len());
        for (id, occurrence, first, file) in found {
            let first_at = self.position(file, &Target::key(path![first.key(), id.as_str()]));
            let first_name = self.file(file).path.display().to_string();
            let mut t = Target::key(path![section.key(), id.as_str()]);
            t.occurrence = occurrence;
            out.push(
                Diagnostic::new(
                    Rule::DuplicateId,
                    t,
                    format!(
                        "`{id}` is declared in `{}` of {first_name} and again in `{}` here",
                        first.key(),
                        section.key()
                    ),
                )
                .with_ids([id.as_str()])
                .with_help("ids are unique across all the files of a map: rename one")
                .with_note(format!(
                    "first declared at {first_name}:{}:{}",
                    first_at.line, first_at.column
                )),
            );
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_entry_is_found_in_the_file_whose_entries_it_follows() {
        let mut o = Origins::default();
        // Root: claims 0..2; part 1: claims 2..5; part 2 adds none; part 3: claims 5...
        o.push(Section::Claims, 2, 1);
        o.push(Section::Claims, 5, 2);
        o.push(Section::Claims, 5, 3);
        // Part 2 alone has evidence.
        o.push(Section::Evidence, 0, 2);
        let claims: Vec<usize> = (0..7)
            .map(|i| o.file_of_entry(Section::Claims, i))
            .collect();
        assert_eq!(claims, [0, 0, 1, 1, 1, 3, 3]);
        assert_eq!(o.file_of_entry(Section::Evidence, 0), 2);
        assert_eq!(o.file_of_entry(Section::Sources, 4), 0);
    }

    #[test]
    fn a_target_outside_the_sections_is_the_root_files() {
        let o = Origins::default();
        let map = Map::default();
        assert_eq!(
            o.file_of(Some(&map), &Target::value(path!["include", 0])),
            0
        );
        assert_eq!(o.file_of(None, &Target::file()), 0);
    }
}
