//! rustc-style diagnostics with a source snippet (codespan-reporting).

use crate::diagnostic::{Diagnostic, Severity};
use codespan_reporting::diagnostic::{Diagnostic as CsDiagnostic, Label, Severity as CsSeverity};
use codespan_reporting::files::SimpleFiles;
use codespan_reporting::term::{self, Config};
use std::collections::HashMap;

/// Byte offset of a 1-based line and character column in `text` (clamped to the text).
pub fn byte_offset(text: &str, line: usize, column: usize) -> usize {
    let mut offset = 0;
    for _ in 1..line {
        match text[offset..].find('\n') {
            Some(i) => offset += i + 1,
            None => return text.len(),
        }
    }
    let rest = &text[offset..];
    let line_end = rest.find('\n').unwrap_or(rest.len());
    let col = rest[..line_end]
        .char_indices()
        .nth(column.saturating_sub(1))
        .map_or(line_end, |(i, _)| i);
    offset + col
}

/// The end of the YAML token starting at `start`: a quoted scalar to its closing quote,
/// a plain one up to `,`, `]`, `}`, `: `, `#` or the end of the line.
fn token_end(text: &str, start: usize) -> usize {
    let rest = &text[start..];
    let line = &rest[..rest.find('\n').unwrap_or(rest.len())];
    let mut chars = line.char_indices();
    match chars.next() {
        None => start,
        Some((_, q @ ('"' | '\''))) => {
            let end = line[1..].find(q).map_or(line.len(), |i| i + 2);
            start + end
        }
        Some(_) => {
            let mut end = line.len();
            for (i, c) in line.char_indices() {
                if matches!(c, ',' | ']' | '}' | '#')
                    || (c == ':' && line[i + 1..].starts_with([' ', '\t']) || line[i..] == *":")
                {
                    end = i;
                    break;
                }
            }
            start + line[..end].trim_end().len().max(1.min(line.len()))
        }
    }
}

/// Renders diagnostics as rustc-style text. `texts` maps each file name to its text.
pub fn render(diagnostics: &[Diagnostic], texts: &HashMap<String, &str>) -> String {
    let mut files = SimpleFiles::new();
    let mut ids: HashMap<&str, usize> = HashMap::new();
    let config = Config::default();
    let mut out = String::new();
    for d in diagnostics {
        let text = texts.get(&d.file).copied().unwrap_or("");
        let fid = *ids
            .entry(d.file.as_str())
            .or_insert_with(|| files.add(d.file.clone(), text.to_string()));
        let start = byte_offset(text, d.line, d.column);
        let end = token_end(text, start);
        let severity = match d.severity {
            Severity::Error => CsSeverity::Error,
            Severity::Warning => CsSeverity::Warning,
        };
        let mut notes: Vec<String> = d.notes.clone();
        if let Some(h) = &d.help {
            notes.push(format!("help: {h}"));
        }
        let cs = CsDiagnostic::new(severity)
            .with_code(d.rule.id())
            .with_message(&d.message)
            .with_labels(vec![Label::primary(fid, start..end)])
            .with_notes(notes);
        if term::emit_to_string(&mut out, &config, &files, &cs).is_err() {
            // A position outside the text: fall back to a one-line form.
            out.push_str(&format!(
                "{}[{}]: {}\n  --> {}:{}:{}\n",
                d.severity, d.rule, d.message, d.file, d.line, d.column
            ));
        }
    }
    out
}

/// The closing line: `2 errors, 1 warning in 3 files`.
pub fn summary_line(errors: usize, warnings: usize, files: usize) -> String {
    let plural = |n: usize, w: &str| format!("{n} {w}{}", if n == 1 { "" } else { "s" });
    format!(
        "{}, {} in {}",
        plural(errors, "error"),
        plural(warnings, "warning"),
        plural(files, "file")
    )
}
