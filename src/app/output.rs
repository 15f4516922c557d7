//! Writing results: to standard output, or to a file written whole or not at all.

use std::io::Write;
use std::path::Path;

/// Why output could not be written.
#[derive(Debug)]
pub enum OutputError {
    /// `-o` names one of the input files.
    WouldOverwriteInput(String),
    /// `-o` names a directory.
    IsDirectory(String),
    Io(String, std::io::Error),
}

impl std::fmt::Display for OutputError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            OutputError::WouldOverwriteInput(p) => {
                write!(f, "refusing to write output onto the input file {p}")
            }
            OutputError::IsDirectory(p) => {
                write!(f, "cannot write output to {p}: it is a directory")
            }
            OutputError::Io(p, e) => write!(f, "cannot write {p}: {e}"),
        }
    }
}

impl std::error::Error for OutputError {}

/// Refuses an output path that is a directory or one of the inputs.
pub fn check_output_path(output: &Path, inputs: &[&Path]) -> Result<(), OutputError> {
    let shown = output.display().to_string();
    if output.is_dir() {
        return Err(OutputError::IsDirectory(shown));
    }
    if let Ok(out) = output.canonicalize() {
        for i in inputs {
            if i.canonicalize().is_ok_and(|i| i == out) {
                return Err(OutputError::WouldOverwriteInput(shown));
            }
        }
    }
    Ok(())
}

/// Writes `bytes` to `path` atomically: a temporary file in the same directory, then a
/// rename. On failure nothing is left behind and an existing file is untouched.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<(), OutputError> {
    write_atomic_with(path, |w| w.write_all(bytes))
}

/// Writes what `write` produces to `path` atomically, as [`write_atomic`] does, without
/// holding it all in memory first.
pub fn write_atomic_with(
    path: &Path,
    write: impl FnOnce(&mut dyn Write) -> std::io::Result<()>,
) -> Result<(), OutputError> {
    let shown = path.display().to_string();
    if path.is_dir() {
        return Err(OutputError::IsDirectory(shown));
    }
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    let mut tmp = tempfile::Builder::new()
        .prefix(".argmap-")
        .suffix(".tmp")
        .tempfile_in(dir)
        .map_err(|e| OutputError::Io(shown.clone(), e))?;
    let mut buffered = std::io::BufWriter::new(tmp.as_file_mut());
    write(&mut buffered)
        .and_then(|()| buffered.flush())
        .map_err(|e| OutputError::Io(shown.clone(), e))?;
    drop(buffered);
    // A temporary file is private (0600); the output gets the usual permissions, or
    // those of the file it replaces.
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(path).map_or(0o644, |m| m.permissions().mode());
        tmp.as_file()
            .set_permissions(std::fs::Permissions::from_mode(mode))
            .map_err(|e| OutputError::Io(shown.clone(), e))?;
    }
    tmp.as_file()
        .sync_all()
        .map_err(|e| OutputError::Io(shown.clone(), e))?;
    tmp.persist(path)
        .map_err(|e| OutputError::Io(shown, e.error))?;
    Ok(())
}
