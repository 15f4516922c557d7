//! The locate step: document paths of diagnostics made file names, lines and columns.

use super::{MapFile, ReadError};
use crate::diagnostic::Diagnostic;
use crate::parse::position::PositionIndex;
use std::collections::HashMap;

/// Gives every diagnostic of `file` its file name, line and column: the file (of a map in
/// several files, the one its entry comes from; a diagnostic that loading located keeps
/// its file), then the position, for which a file's text is read and its position index
/// built only if some diagnostic in it still needs one. Each diagnostic is returned with
/// its file's number (0: the root, `k`: `parts[k - 1]`), for sorting.
fn locate_all(
    file: &MapFile,
    diagnostics: Vec<Diagnostic>,
) -> Result<Vec<(usize, Diagnostic)>, ReadError> {
    let names: Vec<String> = file.files().map(|f| f.path.display().to_string()).collect();
    let number: HashMap<&str, usize> = names
        .iter()
        .enumerate()
        .map(|(n, name)| (name.as_str(), n))
        .collect();
    let mut placed: Vec<(usize, Diagnostic)> = Vec::with_capacity(diagnostics.len());
    // For each file, the diagnostics in it that still need a position.
    let mut unplaced: Vec<Vec<usize>> = vec![Vec::new(); names.len()];
    for mut d in diagnostics {
        let n = if d.file.is_empty() {
            file.origins.file_of(file.map.as_ref(), &d.target)
        } else {
            number.get(d.file.as_str()).copied().unwrap_or(0)
        };
        d.file.clone_from(&names[n]);
        if d.position().is_none() {
            unplaced[n].push(placed.len());
        }
        placed.push((n, d));
    }
    for (f, todo) in file.files().zip(&unplaced) {
        if todo.is_empty() {
            continue;
        }
        let text = f.text()?;
        // Only the paths of the diagnostics to place are indexed (memory: their paths,
        // not the whole document).
        let index = PositionIndex::build_for(&text, todo.iter().map(|&i| &placed[i].1.target));
        for &i in todo {
            let d = &mut placed[i].1;
            d.place(index.locate(&d.target));
        }
    }
    Ok(placed)
}

/// The locating step that follows analysis: analysis reports each finding by the
/// document path of the value at fault ([`Diagnostic::target`]), file by file
/// (`per_file[i]` belongs to `files[i]`); this turns the paths into file names, lines and
/// columns, from the text already in memory or read again if it was let go, and sorts
/// each file's diagnostics by position (those of a map in several files by file, in the
/// order the files were merged, then position). It fails only when a released text cannot be
/// read again unchanged.
pub fn locate(
    files: &[MapFile],
    per_file: Vec<Vec<Diagnostic>>,
) -> Result<Vec<Diagnostic>, ReadError> {
    let mut all = Vec::new();
    for (file, diagnostics) in files.iter().zip(per_file) {
        let mut placed = locate_all(file, diagnostics)?;
        placed.sort_by_key(|(n, d)| (*n, d.position(), d.rule));
        all.extend(placed.into_iter().map(|(_, d)| d));
    }
    Ok(all)
}
