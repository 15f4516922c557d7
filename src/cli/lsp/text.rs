//! Positions and file names as the protocol has them: lines from 0 and columns in UTF-16
//! code units (LSP's default) against argmap's lines from 1 and columns in characters;
//! `file:` URIs against paths.

use argmap::diagnostic::Position;
use std::path::{Path, PathBuf};

/// The line starts of a text (a line ends at `\n`, `\r\n` or a lone `\r`, as YAML and
/// LSP both count them).
#[derive(Debug, Default)]
pub(super) struct Lines {
    starts: Vec<usize>,
}

impl Lines {
    pub(super) fn new(text: &str) -> Lines {
        let b = text.as_bytes();
        let mut starts = vec![0];
        for (i, &c) in b.iter().enumerate() {
            if c == b'\n' || (c == b'\r' && b.get(i + 1) != Some(&b'\n')) {
                starts.push(i + 1);
            }
        }
        Lines { starts }
    }

    /// The text of line `line` (from 0), without its line break; empty past the end.
    pub(super) fn line<'t>(&self, text: &'t str, line: usize) -> &'t str {
        let Some(&start) = self.starts.get(line) else {
            return "";
        };
        let end = self.starts.get(line + 1).copied().unwrap_or(text.len());
        text.get(start..end)
            .unwrap_or("")
            .trim_end_matches(['\n', '\r'])
    }

    /// How many lines the text has.
    pub(super) fn count(&self) -> usize {
        self.starts.len()
    }

    /// An argmap position as an LSP one (a column past the line's end is its end).
    pub(super) fn to_lsp(&self, text: &str, p: Position) -> lsp_types::Position {
        let line = p.line.saturating_sub(1);
        let units: usize = self
            .line(text, line)
            .chars()
            .take(p.column.saturating_sub(1))
            .map(char::len_utf16)
            .sum();
        lsp_types::Position {
            line: u32::try_from(line).unwrap_or(u32::MAX),
            character: u32::try_from(units).unwrap_or(u32::MAX),
        }
    }

    /// An LSP position as an argmap one (a column inside a character that takes two
    /// UTF-16 units is that character's).
    pub(super) fn at_lsp(&self, text: &str, p: lsp_types::Position) -> Position {
        let line = p.line as usize;
        let want = p.character as usize;
        let mut units = 0;
        let mut chars = 0;
        for c in self.line(text, line).chars() {
            if units >= want {
                break;
            }
            units += c.len_utf16();
            chars += 1;
        }
        Position {
            line: line + 1,
            column: chars + 1,
        }
    }

    /// The byte offset of an LSP position (a line past the end is the end of the text; a
    /// column past a line's end, that end; a column inside a character that takes two
    /// UTF-16 units, that character's start).
    pub(super) fn offset(&self, text: &str, p: lsp_types::Position) -> usize {
        let Some(&start) = self.starts.get(p.line as usize) else {
            return text.len();
        };
        let line = self.line(text, p.line as usize);
        let mut units = 0;
        for (i, c) in line.char_indices() {
            if units >= p.character as usize {
                return start + i;
            }
            units += c.len_utf16();
            if units > p.character as usize {
                return start + i;
            }
        }
        start + line.len()
    }

    /// The position after the text's last character.
    pub(super) fn end(&self, text: &str) -> lsp_types::Position {
        let last = self.count() - 1;
        let units: usize = self.line(text, last).chars().map(char::len_utf16).sum();
        lsp_types::Position {
            line: u32::try_from(last).unwrap_or(u32::MAX),
            character: u32::try_from(units).unwrap_or(u32::MAX),
        }
    }
}

/// The path a `file:` URI names (percent-decoded); `None` for other schemes and for
/// URIs that name a host.
pub(super) fn path_of(uri: &str) -> Option<PathBuf> {
    let rest = uri.strip_prefix("file://")?;
    // `file:///p` (empty host) or `file://localhost/p`.
    let rest = rest.strip_prefix("localhost").unwrap_or(rest);
    if !rest.starts_with('/') {
        return None;
    }
    let rest = rest.split(['?', '#']).next().unwrap_or(rest);
    let bytes = rest.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = bytes
                .get(i + 1..i + 3)
                .and_then(|h| std::str::from_utf8(h).ok());
            if let Some(b) = hex.and_then(|h| u8::from_str_radix(h, 16).ok()) {
                out.push(b);
                i += 3;
                continue;
            }
        }
        out.push(bytes[i]);
        i += 1;
    }
    #[cfg(unix)]
    {
        use std::os::unix::ffi::OsStringExt;
        Some(PathBuf::from(std::ffi::OsString::from_vec(out)))
    }
    #[cfg(not(unix))]
    {
        Some(PathBuf::from(String::from_utf8_lossy(&out).into_owned()))
    }
}

/// The `file:` URI of an absolute path.
pub(super) fn uri_of(path: &Path) -> String {
    let mut out = String::from("file://");
    #[cfg(unix)]
    let bytes = {
        use std::os::unix::ffi::OsStrExt;
        path.as_os_str().as_bytes().to_vec()
    };
    #[cfg(not(unix))]
    let bytes = path.to_string_lossy().into_owned().into_bytes();
    for b in bytes {
        if b.is_ascii_alphanumeric() || b"/-._~".contains(&b) {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf16_columns_both_ways() {
        // “ and — take one UTF-16 unit each, 𝄞 two; columns count characters.
        let text = "a: “x” — 𝄞 y\r\nb\rc\n";
        let lines = Lines::new(text);
        assert_eq!(lines.count(), 4);
        assert_eq!(lines.line(text, 1), "b");
        assert_eq!(lines.line(text, 2), "c");
        let p = |line, column| Position { line, column };
        let l = |line, character| lsp_types::Position { line, character };
        assert_eq!(lines.to_lsp(text, p(1, 4)), l(0, 3));
        // After 𝄞 (column 11, the 10th character): 11 units.
        assert_eq!(lines.to_lsp(text, p(1, 11)), l(0, 11));
        assert_eq!(lines.at_lsp(text, l(0, 11)), p(1, 11));
        assert_eq!(lines.at_lsp(text, l(0, 3)), p(1, 4));
        // Past the end of a line: its end.
        assert_eq!(lines.to_lsp(text, p(2, 40)), l(1, 1));
        assert_eq!(lines.at_lsp(text, l(9, 9)), p(10, 1));
        assert_eq!(lines.end(text), l(3, 0));
    }

    #[test]
    fn offsets_of_lsp_positions() {
        let text = "a𝄞b\r\nc\n";
        let lines = Lines::new(text);
        let l = |line, character| lsp_types::Position { line, character };
        assert_eq!(lines.offset(text, l(0, 0)), 0);
        assert_eq!(lines.offset(text, l(0, 1)), 1);
        // Inside 𝄞 (two units): its start; after it: the next character.
        assert_eq!(lines.offset(text, l(0, 2)), 1);
        assert_eq!(lines.offset(text, l(0, 3)), 5);
        assert_eq!(lines.offset(text, l(0, 9)), 6);
        assert_eq!(lines.offset(text, l(1, 0)), 8);
        assert_eq!(lines.offset(text, l(7, 0)), text.len());
    }

    #[test]
    fn file_uris_and_paths() {
        let path = Path::new("/tmp/a map/é#1.yaml");
        let uri = uri_of(path);
        assert_eq!(uri, "file:///tmp/a%20map/%C3%A9%231.yaml");
        assert_eq!(path_of(&uri).as_deref(), Some(path));
        assert_eq!(
            path_of("file://localhost/x").as_deref(),
            Some(Path::new("/x"))
        );
        assert_eq!(path_of("untitled:Untitled-1"), None);
        assert_eq!(path_of("file://host/x"), None);
        assert_eq!(
            path_of("file:///bad%zz").as_deref(),
            Some(Path::new("/bad%zz"))
        );
    }
}
