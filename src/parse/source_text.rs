//! Reading the text a map's quotes are checked against (`source:`, relative to the map).

use super::load::MapFile;

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

/// Reads the `source` of `file`, relative to the directory of the map file.
pub fn read_source(file: &MapFile) -> SourceLoad {
    let Some(source) = file.map.as_ref().and_then(|m| m.source.as_deref()) else {
        return SourceLoad::None;
    };
    if source.trim().is_empty() {
        return SourceLoad::Unreadable("the path is empty".into());
    }
    let dir = file
        .path
        .parent()
        .unwrap_or_else(|| std::path::Path::new(""));
    let path = dir.join(source);
    if path.is_dir() {
        return SourceLoad::Unreadable(format!("{} is a directory", path.display()));
    }
    // The quote index addresses the text with 32-bit offsets.
    if std::fs::metadata(&path).is_ok_and(|m| m.len() > u64::from(u32::MAX)) {
        return SourceLoad::Unreadable(format!(
            "{} is larger than 4 GiB, more than argmap indexes",
            path.display()
        ));
    }
    match std::fs::read(&path) {
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
