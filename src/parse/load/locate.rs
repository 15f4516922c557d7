//! The locate step: document paths of diagnostics made file names, lines and columns.

use super::{MapFile, ReadError};
use crate::diagnostic::Diagnostic;
use crate::parse::position::PositionIndex;

/// Gives every diagnostic of `file` its file name, line and column. The text is read
/// and the position index built only if some diagnostic still needs a position.
fn locate_all(file: &MapFile, diagnostics: &mut [Diagnostic]) -> Result<(), ReadError> {
    let name = file.path.display().to_string();
    for d in diagnostics.iter_mut() {
        d.file.clone_from(&name);
    }
    if diagnostics.iter().all(|d| d.position().is_some()) {
        return Ok(());
    }
    let text = file.text()?;
    let index = PositionIndex::build_for(
        &text,
        diagnostics
            .iter()
            .filter(|d| d.position().is_none())
            .map(|d| &d.target),
    );
    for d in diagnostics.iter_mut().filter(|d| d.position().is_none()) {
        d.place(index.locate(&d.target));
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
        diagnostics.sort_by_key(|d| (d.position(), d.rule));
        all.extend(diagnostics);
    }
    Ok(all)
}
