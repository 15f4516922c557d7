//! What reaches a terminal: rustc-style diagnostics with a source snippet
//! (codespan-reporting), the closing summary, and [`Terminal`], the writer every text
//! for a terminal goes through, which shows control characters visibly and lets only
//! argmap's own colours through.

use super::escape::{needs_terminal_escape, push_visible};
use crate::diagnostic::{Diagnostic, Rule, Severity};
use codespan_reporting::diagnostic::{Diagnostic as CsDiagnostic, Label, Severity as CsSeverity};
use codespan_reporting::files::{Files, SimpleFiles};
use codespan_reporting::term::termcolor::{Ansi, ColorSpec, WriteColor};
use codespan_reporting::term::{self, Config};
use std::collections::HashMap;
use std::io::{self, Write};

/// A writer for text meant for a terminal (or for a person reading a text file): every
/// control character written through it (ESC, BEL, CR, C1 controls, bidirectional
/// overrides, U+2028...: [`needs_terminal_escape`]) comes out as a visible escape such as
/// `\u{1b}`, and bytes that are not UTF-8 as `\x{9b}`; line breaks pass. Colour comes
/// only from [`WriteColor::set_color`] and [`WriteColor::reset`], which write ANSI codes
/// when colour is on and nothing when it is off, so the only escape sequences in the
/// output are argmap's own colours.
///
/// A character split between two writes is held until the rest comes (up to three
/// bytes); what is still held at [`Terminal::finish`] or drop is shown as bytes.
pub struct Terminal<W: Write> {
    inner: W,
    color: bool,
    /// The start of a UTF-8 sequence that the last write cut off.
    pending: Vec<u8>,
}

impl<W: Write> Terminal<W> {
    /// Escapes what is written to `inner`; `color` says whether colours are written.
    pub fn new(inner: W, color: bool) -> Terminal<W> {
        Terminal {
            inner,
            color,
            pending: Vec::new(),
        }
    }

    /// Writes out an incomplete character held back (as visible bytes) and flushes.
    pub fn finish(&mut self) -> io::Result<()> {
        if !self.pending.is_empty() {
            let held = std::mem::take(&mut self.pending);
            self.inner.write_all(escape_bytes(&held).as_bytes())?;
        }
        self.inner.flush()
    }

    fn write_text(&mut self, text: &str) -> io::Result<()> {
        let mut safe_from = 0;
        let mut escaped = String::new();
        for (i, c) in text.char_indices() {
            if needs_terminal_escape(c) {
                self.inner.write_all(&text.as_bytes()[safe_from..i])?;
                escaped.clear();
                push_visible(&mut escaped, c);
                self.inner.write_all(escaped.as_bytes())?;
                safe_from = i + c.len_utf8();
            }
        }
        self.inner.write_all(&text.as_bytes()[safe_from..])
    }
}

/// Bytes that are not UTF-8, shown as `\x{..}` each.
fn escape_bytes(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("\\x{{{b:02x}}}")).collect()
}

impl<W: Write> Write for Terminal<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        let joined;
        let mut rest: &[u8] = if self.pending.is_empty() {
            buf
        } else {
            let mut held = std::mem::take(&mut self.pending);
            held.extend_from_slice(buf);
            joined = held;
            &joined
        };
        loop {
            match std::str::from_utf8(rest) {
                Ok(text) => {
                    self.write_text(text)?;
                    break;
                }
                Err(e) => {
                    let (good, bad) = rest.split_at(e.valid_up_to());
                    // The prefix is UTF-8 by the error's own account.
                    self.write_text(std::str::from_utf8(good).unwrap_or_default())?;
                    match e.error_len() {
                        Some(n) => {
                            self.inner.write_all(escape_bytes(&bad[..n]).as_bytes())?;
                            rest = &bad[n..];
                        }
                        None => {
                            // A character cut off at the end: wait for the rest.
                            self.pending = bad.to_vec();
                            break;
                        }
                    }
                }
            }
        }
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        self.inner.flush()
    }
}

impl<W: Write> WriteColor for Terminal<W> {
    fn supports_color(&self) -> bool {
        self.color
    }
    fn set_color(&mut self, spec: &ColorSpec) -> io::Result<()> {
        if self.color {
            Ansi::new(&mut self.inner).set_color(spec)?;
        }
        Ok(())
    }
    fn reset(&mut self) -> io::Result<()> {
        if self.color {
            Ansi::new(&mut self.inner).reset()?;
        }
        Ok(())
    }
}

impl<W: Write> Drop for Terminal<W> {
    fn drop(&mut self) {
        let _ = self.finish();
    }
}

/// Byte offset of a 1-based line and character column in `text` (clamped to the text),
/// from the line index the snippet renderer keeps for the file anyway (codespan's
/// `line_range`), so locating each diagnostic costs a look-up, not a scan from the top of
/// the file (a map with 40k diagnostics took seconds before), and no second index.
fn byte_offset(
    files: &SimpleFiles<String, &str>,
    fid: usize,
    text: &str,
    line: usize,
    column: usize,
) -> usize {
    let Ok(range) = files.line_range(fid, line.saturating_sub(1)) else {
        return text.len();
    };
    let Some(rest) = text.get(range.start..) else {
        return text.len();
    };
    let line_end = rest.find('\n').unwrap_or(rest.len());
    let col = rest[..line_end]
        .char_indices()
        .nth(column.saturating_sub(1))
        .map_or(line_end, |(i, _)| i);
    range.start + col
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

/// How much of a check report is printed in full.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Detail {
    /// Every diagnostic, then the summary.
    #[default]
    Full,
    /// Errors in full; warnings only counted in the summary (`--quiet`).
    Errors,
    /// Only the summary (`--summary`).
    Summary,
}

impl Detail {
    /// Whether the report shows `d` in full.
    pub fn shows(self, d: &Diagnostic) -> bool {
        match self {
            Detail::Full => true,
            Detail::Errors => d.severity == Severity::Error,
            Detail::Summary => false,
        }
    }
}

/// Writes diagnostics as rustc-style text (coloured when `out` writes colour). `texts`
/// maps each file name to its text.
pub(crate) fn write_diagnostics<'d>(
    diagnostics: impl IntoIterator<Item = &'d Diagnostic>,
    texts: &HashMap<String, &str>,
    out: &mut dyn WriteColor,
) -> io::Result<()> {
    let mut files = SimpleFiles::new();
    let mut ids: HashMap<&str, usize> = HashMap::new();
    let config = Config::default();
    for d in diagnostics {
        let text = texts.get(&d.file).copied().unwrap_or("");
        let fid = *ids
            .entry(d.file.as_str())
            .or_insert_with(|| files.add(d.file.clone(), text));
        let start = byte_offset(&files, fid, text, d.line(), d.column());
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
        match term::emit_to_write_style(&mut *out, &config, &files, &cs) {
            Ok(()) => {}
            Err(codespan_reporting::files::Error::Io(e)) => return Err(e),
            // A position outside the text: fall back to a one-line form.
            Err(_) => write!(
                out,
                "{}[{}]: {}\n  --> {}:{}:{}\n",
                d.severity,
                d.rule,
                d.message,
                d.file,
                d.line(),
                d.column()
            )?,
        }
    }
    Ok(())
}

/// Renders diagnostics as rustc-style text, without colour, control characters shown
/// visibly. `texts` maps each file name to its text.
pub fn render(diagnostics: &[Diagnostic], texts: &HashMap<String, &str>) -> String {
    let mut out = Vec::new();
    {
        let mut t = Terminal::new(&mut out, false);
        // Writing to memory cannot fail.
        let _ = write_diagnostics(diagnostics, texts, &mut t);
        let _ = t.finish();
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// The report of a check run, as `check` prints it: the diagnostics that `detail`
/// shows, then the summary line and the count of each rule ([`rule_counts`]).
pub fn write_report(
    diagnostics: &[Diagnostic],
    texts: &HashMap<String, &str>,
    files: usize,
    detail: Detail,
    out: &mut dyn WriteColor,
) -> io::Result<()> {
    write_diagnostics(diagnostics.iter().filter(|d| detail.shows(d)), texts, out)?;
    let totals = super::json::Summary::of(diagnostics, files);
    writeln!(
        out,
        "{}",
        summary_line(totals.errors, totals.warnings, files)
    )?;
    let counts = rule_counts(diagnostics);
    let width = counts.first().map_or(1, |c| c.count.to_string().len());
    for c in counts {
        write!(out, "  {:>width$} × {} (", c.count, c.rule)?;
        let mut spec = ColorSpec::new();
        spec.set_fg(Some(severity_color(c.severity)));
        out.set_color(&spec)?;
        write!(out, "{}", c.severity)?;
        out.reset()?;
        writeln!(out, ")")?;
    }
    Ok(())
}

/// A message of argmap's own: `argmap: error: MESSAGE` (or `warning`), the severity
/// coloured as in diagnostics when `out` writes colour.
pub fn write_message(
    out: &mut dyn WriteColor,
    severity: Severity,
    message: &str,
) -> io::Result<()> {
    write!(out, "argmap: ")?;
    let mut spec = ColorSpec::new();
    spec.set_bold(true).set_fg(Some(severity_color(severity)));
    out.set_color(&spec)?;
    write!(out, "{severity}")?;
    out.reset()?;
    writeln!(out, ": {message}")
}

fn severity_color(severity: Severity) -> codespan_reporting::term::termcolor::Color {
    match severity {
        Severity::Error => codespan_reporting::term::termcolor::Color::Red,
        Severity::Warning => codespan_reporting::term::termcolor::Color::Yellow,
    }
}

/// How many diagnostics one rule gave (at one severity).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RuleCount {
    /// The rule.
    pub rule: Rule,
    /// The severity its diagnostics have.
    pub severity: Severity,
    /// How many there are.
    pub count: usize,
}

/// The diagnostics counted per rule and severity, the most frequent first, ties by rule
/// id.
pub fn rule_counts(diagnostics: &[Diagnostic]) -> Vec<RuleCount> {
    let mut counts: HashMap<(Rule, Severity), usize> = HashMap::new();
    for d in diagnostics {
        *counts.entry((d.rule, d.severity)).or_default() += 1;
    }
    let mut v: Vec<RuleCount> = counts
        .into_iter()
        .map(|((rule, severity), count)| RuleCount {
            rule,
            severity,
            count,
        })
        .collect();
    v.sort_by(|a, b| {
        b.count
            .cmp(&a.count)
            .then_with(|| a.rule.id().cmp(b.rule.id()))
            .then_with(|| b.severity.cmp(&a.severity))
    });
    v
}

/// The closing line: `2 errors, 1 warning in 3 files`.
pub(crate) fn summary_line(errors: usize, warnings: usize, files: usize) -> String {
    format!(
        "{}, {} in {}",
        super::count(errors, "error", "errors"),
        super::count(warnings, "warning", "warnings"),
        super::count(files, "file", "files")
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn byte_offsets_locate_lines_and_character_columns() {
        let text = "ab\nçd: é\n\nlast";
        let mut files = SimpleFiles::new();
        let fid = files.add("map.yaml".to_string(), text);
        let at = |line, column| byte_offset(&files, fid, text, line, column);
        assert_eq!(at(1, 1), 0);
        assert_eq!(at(1, 2), 1);
        // Columns count characters: `é` starts at the 5th character of line 2.
        assert_eq!(&text[at(2, 5)..], "é\n\nlast");
        assert_eq!(at(3, 1), text.find("\n\n").unwrap() + 1);
        assert_eq!(&text[at(4, 2)..], "ast");
        // Past the end of a line: its end; past the last line: the end of the text.
        assert_eq!(at(1, 9), 2);
        assert_eq!(at(9, 1), text.len());
    }

    fn through(chunks: &[&[u8]], color: bool) -> String {
        let mut out = Vec::new();
        {
            let mut t = Terminal::new(&mut out, color);
            for c in chunks {
                t.write_all(c).expect("memory");
            }
            t.finish().expect("memory");
        }
        String::from_utf8(out).expect("the terminal writer writes UTF-8")
    }

    #[test]
    fn terminal_writer_shows_control_characters_visibly() {
        let s = "a\u{1b}]8;;http://x\u{7}b\u{7}c\rd\te\u{9b}f\u{85}g\u{2028}h\u{202e}i\u{2066}j\u{feff}k\u{7f}l\0\nm";
        assert_eq!(
            through(&[s.as_bytes()], false),
            "a\\u{1b}]8;;http://x\\u{7}b\\u{7}c\\rd\\te\\u{9b}f\\u{85}g\\u{2028}h\\u{202e}i\\u{2066}j\\u{feff}k\\u{7f}l\\0\nm"
        );
    }

    #[test]
    fn terminal_writer_joins_characters_split_between_writes_and_shows_bad_bytes() {
        let csi = "\u{9b}".as_bytes();
        assert_eq!(
            through(&[b"x", &csi[..1], &csi[1..], b"y"], false),
            "x\\u{9b}y"
        );
        let ls = "\u{2028}".as_bytes();
        assert_eq!(
            through(&[&ls[..1], &ls[1..2], &ls[2..]], false),
            "\\u{2028}"
        );
        assert_eq!(through(&[b"a\x9bb\xff"], false), "a\\x{9b}b\\x{ff}");
        // Cut off at the end for good: shown as bytes.
        assert_eq!(through(&[b"a", &ls[..2]], false), "a\\x{e2}\\x{80}");
    }

    #[test]
    fn terminal_writer_writes_colour_only_when_on() {
        let mut spec = ColorSpec::new();
        spec.set_fg(Some(codespan_reporting::term::termcolor::Color::Red));
        for color in [false, true] {
            let mut out = Vec::new();
            {
                let mut t = Terminal::new(&mut out, color);
                t.set_color(&spec).expect("memory");
                t.write_all(b"red\x1b[2J").expect("memory");
                t.reset().expect("memory");
            }
            let s = String::from_utf8(out).expect("utf-8");
            assert!(s.contains("red\\u{1b}[2J"), "{s:?}");
            assert_eq!(s.contains('\u{1b}'), color, "{s:?}");
        }
    }

    #[test]
    fn rule_counts_are_sorted_by_count_then_rule() {
        let d = |rule: Rule| Diagnostic::new(rule, crate::diagnostic::Target::file(), "m");
        let all = vec![
            d(Rule::Orphan),
            d(Rule::UncitedClaim),
            d(Rule::UncitedClaim),
            d(Rule::DanglingReference),
        ];
        let counts: Vec<(usize, &str)> = rule_counts(&all)
            .iter()
            .map(|c| (c.count, c.rule.id()))
            .collect();
        assert_eq!(
            counts,
            [
                (2, "uncited-claim"),
                (1, "dangling-reference"),
                (1, "orphan")
            ]
        );
    }
}
