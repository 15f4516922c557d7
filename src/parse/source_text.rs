//! Reading the text a map's quotes are checked against (`source:`, relative to the map).
//!
//! A source is read only if it is a regular file (see [`read_regular`]) that resolves,
//! symbolic links followed, inside the map's project or the working directory: the map's
//! project is the nearest folder holding the map with a `.git` entry (a repository), or
//! else the map's own folder. A map read from standard input has its source relative to
//! the working directory, and its project is found from there. `--allow-source-outside`
//! ([`SourcePolicy::allow_outside`]) lifts the containment, for a user who means it: a
//! map is data, and without it any map could have argmap print passages of any file
//! (`source: ../../../../etc/passwd` with a near-miss quote).

use super::load::{read_regular, MapFile};
use std::path::{Path, PathBuf};

/// The command-line flag that lets a source be read from anywhere.
pub(crate) const ALLOW_OUTSIDE_FLAG: &str = "--allow-source-outside";

/// The outcome of reading a map's `source`.
#[derive(Debug)]
pub enum SourceLoad {
    /// The map names no source (or could not be parsed).
    None,
    /// The source could not be read: why, in words.
    Unreadable(String),
    /// The source text.
    Text(String),
}

/// Where a map's source may be.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct SourcePolicy {
    /// Read a source wherever it is (`--allow-source-outside`); by default it must be
    /// inside the map's project or the working directory.
    pub allow_outside: bool,
}

/// Reads the `source` of `file`, relative to the directory of the map file, if it is
/// inside the map's project or the working directory.
pub fn read_source(file: &MapFile) -> SourceLoad {
    read_source_with(file, SourcePolicy::default())
}

/// The folder a map's relative paths start from: the map's folder, or the working
/// directory for a map read from standard input.
pub(crate) fn base_dir(file: &MapFile) -> &Path {
    match file.path.parent() {
        Some(d) if !file.stdin => d,
        _ => Path::new(""),
    }
}

/// The nearest folder from `dir` up that has a `.git` entry (a directory, or the file
/// of a worktree or submodule); `dir` itself when there is none.
pub(crate) fn project_root(dir: &Path) -> PathBuf {
    dir.ancestors()
        .find(|d| std::fs::symlink_metadata(d.join(".git")).is_ok())
        .unwrap_or(dir)
        .to_path_buf()
}

/// Why `canonical` may not be read as the source of `file`, if it may not.
fn outside(file: &MapFile, canonical: &Path) -> Option<String> {
    outside_of(base_dir(file), canonical, "a source")
}

/// Why `canonical` may not be read as `what` (`a source`, `an included file`) of a map
/// whose relative paths start from `dir`, if it may not: it is neither inside the map's
/// project nor inside the working directory.
pub(crate) fn outside_of(dir: &Path, canonical: &Path, what: &str) -> Option<String> {
    let cwd = std::env::current_dir().and_then(|d| d.canonicalize()).ok();
    let dir = if dir.as_os_str().is_empty() {
        Path::new(".")
    } else {
        dir
    };
    let project = dir.canonicalize().ok().map(|d| project_root(&d));
    let inside = |root: &Option<PathBuf>| root.as_ref().is_some_and(|r| canonical.starts_with(r));
    if inside(&project) || inside(&cwd) {
        return None;
    }
    let show = |root: &Option<PathBuf>| {
        root.as_ref()
            .map_or_else(|| "?".to_string(), |r| r.display().to_string())
    };
    Some(format!(
        "it resolves to {}, outside the map's project ({}) and the working directory ({}); argmap reads {what} only inside them, unless it is run with {ALLOW_OUTSIDE_FLAG}",
        canonical.display(),
        show(&project),
        show(&cwd),
    ))
}

/// Reads the `source` of `file`, relative to the directory of the map file (the working
/// directory for standard input), as `policy` allows.
pub fn read_source_with(file: &MapFile, policy: SourcePolicy) -> SourceLoad {
    let Some(source) = file.map.as_ref().and_then(|m| m.source.as_deref()) else {
        return SourceLoad::None;
    };
    if source.trim().is_empty() {
        return SourceLoad::Unreadable("the path is empty".into());
    }
    let path = base_dir(file).join(source);
    // The file read is the one checked: the resolved path, not the link.
    let read_from = match path.canonicalize() {
        Ok(canonical) => {
            if !policy.allow_outside {
                if let Some(why) = outside(file, &canonical) {
                    return SourceLoad::Unreadable(why);
                }
            }
            canonical
        }
        // Missing, or not allowed: reading it says why.
        Err(_) => path.clone(),
    };
    match read_regular(&read_from) {
        Ok(bytes) => match String::from_utf8(bytes) {
            Ok(t) => SourceLoad::Text(t),
            Err(e) => SourceLoad::Unreadable(format!(
                "{} is not UTF-8 text (invalid byte at offset {})",
                path.display(),
                e.utf8_error().valid_up_to()
            )),
        },
        Err(e) => SourceLoad::Unreadable(format!("{}: {e}", path.display())),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_project_is_the_nearest_folder_with_git() {
        let dir = tempfile::tempdir().expect("tempdir");
        let inner = dir.path().join("repo/maps/deep");
        std::fs::create_dir_all(&inner).expect("dirs");
        assert_eq!(project_root(&inner), inner);
        // A worktree's `.git` is a file.
        std::fs::write(dir.path().join("repo/.git"), "gitdir: elsewhere\n").expect("write");
        assert_eq!(project_root(&inner), dir.path().join("repo"));
    }
}
