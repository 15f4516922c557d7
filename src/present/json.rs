//! JSON output of `check` (`{"diagnostics": [...], "summary": {...}}`, with the counts
//! its text summary shares), and the pretty-printed JSON every JSON output is written
//! as ([`write_json`], [`to_json`]).

use crate::diagnostic::{Diagnostic, Severity};
use serde::Serialize;

/// Counts of a check run (the text report's summary line counts by it too).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct Summary {
    /// Map files checked.
    pub files: usize,
    /// Diagnostics that are errors.
    pub errors: usize,
    /// Diagnostics that are warnings.
    pub warnings: usize,
}

impl Summary {
    /// Counts `diagnostics` by severity.
    pub fn of(diagnostics: &[Diagnostic], files: usize) -> Summary {
        let errors = diagnostics
            .iter()
            .filter(|d| d.severity == Severity::Error)
            .count();
        Summary {
            files,
            errors,
            warnings: diagnostics.len() - errors,
        }
    }
}

#[derive(Serialize)]
struct Report<'a> {
    diagnostics: &'a [Diagnostic],
    summary: Summary,
}

/// The JSON document of a check run, pretty-printed.
pub fn check_report(diagnostics: &[Diagnostic], summary: Summary) -> String {
    let mut s = serde_json::to_string_pretty(&Report {
        diagnostics,
        summary,
    })
    .unwrap_or_default();
    s.push('\n');
    s
}

/// Writes any serialisable value as pretty JSON with a final newline, as it is
/// serialised (not built in memory first).
pub fn write_json<T: Serialize>(value: &T, out: &mut dyn std::io::Write) -> std::io::Result<()> {
    serde_json::to_writer_pretty(&mut *out, value)?;
    out.write_all(b"\n")
}

/// Any serialisable value as pretty JSON with a final newline.
pub fn to_json<T: Serialize>(value: &T) -> String {
    let mut s = serde_json::to_string_pretty(value).unwrap_or_default();
    s.push('\n');
    s
}
