//! The check every command runs first. [`diagnose`] runs every rule `check` runs
//! (sources and quotes included) under the severity flags on the loaded maps; `check`
//! prints the result, and every other command goes through [`load_checked`], which
//! refuses maps with errors (the report on standard error, exit 1, nothing written)
//! unless `--force` is given, and then hands on the maps the check built (each graph is
//! built once per command), with a [`Forced`] mark that the command puts into its
//! output.

use super::args::GateArgs;
use super::{texts_of, CliError, Io, EXIT_FINDINGS};
use argmap::analyse::{self, Analysed};
use argmap::diagnostic::{Diagnostic, Rule, Severity, SeverityConfig};
use argmap::parse::load::MapFile;
use argmap::parse::source_text::{read_source_with, SourceLoad, SourcePolicy};
use argmap::present;
use argmap::present::terminal::{write_message, Detail, Terminal};
use codespan_reporting::term::termcolor::WriteColor;
use graphviz_rust::dot_structures::{Graph, GraphAttributes, Stmt};
use std::collections::HashMap;
use std::io::Write;

/// Runs the checks of every rule the flags leave enabled on `files`, as `check` does:
/// the maps it built to check them, and the diagnostics with the severities the flags
/// give, not located yet ([`locate`] gives them lines, reading a released text again).
/// Allowed rules are not run (their checks, and the work only they need, are skipped:
/// see [`analyse::checks`]); what loading found of them is left out. The sources are not
/// read at all when neither `quote-not-found` nor `source-unreadable` is enabled.
pub(super) fn diagnose<'f>(
    files: &'f [MapFile],
    cfg: &SeverityConfig,
    sources: SourcePolicy,
) -> (Vec<Analysed<'f>>, Vec<Vec<Diagnostic>>) {
    let enabled = cfg.enabled();
    let need_source =
        enabled.contains(Rule::QuoteNotFound) || enabled.contains(Rule::SourceUnreadable);
    let read = files.iter().map(|f| match need_source {
        true => read_source_with(f, sources),
        false => SourceLoad::None,
    });
    let checked = analyse::check_only(files, read, enabled);
    let diagnostics = checked
        .diagnostics
        .into_iter()
        .map(|d| cfg.apply(d))
        .collect();
    (checked.maps, diagnostics)
}

/// The diagnostics of [`diagnose`], located (each file's sorted by position) with the
/// texts of their files.
pub(super) fn locate(
    files: &[MapFile],
    diagnostics: Vec<Vec<Diagnostic>>,
) -> Result<Vec<Diagnostic>, CliError> {
    Ok(argmap::parse::load::locate(files, diagnostics)?)
}

/// Writes the human report of a check run: the diagnostics `detail` shows, with their
/// snippets, then the summary and the count of each rule.
pub(super) fn write_report(
    files: &[MapFile],
    diagnostics: &[Diagnostic],
    detail: Detail,
    out: &mut dyn WriteColor,
) -> Result<(), CliError> {
    let held = texts_of(files, diagnostics.iter().filter(|d| detail.shows(d)))?;
    let texts: HashMap<String, &str> = held.iter().map(|(n, t)| (n.clone(), t.as_ref())).collect();
    present::terminal::write_report(diagnostics, &texts, files.len(), detail, out)?;
    Ok(())
}

/// Maps that passed the check (or were forced through it), as the check built them.
pub(super) struct Checked<'f> {
    /// Every map, built (the check's graphs and, when it computed it, cited support):
    /// one per file, in file order.
    pub maps: Vec<Analysed<'f>>,
    /// Set when `--force` let maps with errors through.
    pub forced: Option<Forced>,
}

/// For every command but `check`: checks the maps loaded from `files`
/// ([`load_all`](super::load_all)),
/// and hands on the maps the check built, so a command builds each graph once. Maps
/// with errors are refused: the errors are printed to standard error as `check
/// --quiet` prints them (warnings counted in the summary), and `Err(1)` is returned,
/// before anything is written. With `--force` they go on, marked [`Forced`], unless a
/// map could not be read at all. Warnings never stop a command and are not printed
/// (`argmap check` lists them), so a map that passes is never located (its text is
/// not read again). A report is located after the maps are let go (a released text is
/// read again, and is not held beside the graphs); `--force` then builds them again.
pub(super) fn load_checked<'f>(
    files: &'f [MapFile],
    gate: &GateArgs,
    io: &mut Io,
) -> Result<Result<Checked<'f>, u8>, CliError> {
    let cfg = gate.severity.config()?.keeping_errors();
    let (maps, diagnostics) = diagnose(files, &cfg, gate.sources.policy());
    if !diagnostics.iter().any(|d| cfg.fails(d)) {
        return Ok(Ok(Checked { maps, forced: None }));
    }
    drop(maps);
    let diagnostics = locate(files, diagnostics)?;
    write_report(files, &diagnostics, Detail::Errors, io.err)?;
    let errors = present::json::Summary::of(&diagnostics, files.len()).errors;
    let unread: Vec<String> = files
        .iter()
        .filter(|f| f.map.is_none())
        .map(|f| f.path.display().to_string())
        .collect();
    if !gate.force {
        write_message(
            io.err,
            Severity::Error,
            "the maps have errors; nothing written (fix them, or pass --force to run anyway)",
        )?;
        return Ok(Err(EXIT_FINDINGS));
    }
    if !unread.is_empty() {
        let message = format!(
            "--force cannot help: {} could not be read as a map; nothing written",
            unread.join(", ")
        );
        write_message(io.err, Severity::Error, &message)?;
        return Ok(Err(EXIT_FINDINGS));
    }
    let message = format!(
        "--force: running on maps with {}; the output says so",
        present::count(errors, "error", "errors")
    );
    write_message(io.err, Severity::Warning, &message)?;
    Ok(Ok(Checked {
        maps: files.iter().filter_map(Analysed::new).collect(),
        forced: Some(Forced { errors }),
    }))
}

/// The mark of an output made with `--force` from maps with errors. Each format says so
/// in its own way: a first line in text reports, a comment in DOT, Mermaid, Argdown,
/// ICCMA AF and GraphML, the fields `"forced": true, "errors": N` in JSON, and a red
/// title in drawn diagrams (SVG, PNG, PDF, HTML).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Forced {
    /// The errors the maps have.
    pub errors: usize,
}

impl Forced {
    /// `FORCED: made with --force from maps with 2 errors; it may be wrong`.
    pub fn sentence(self) -> String {
        format!(
            "FORCED: made with --force from maps with {}; it may be wrong",
            present::count(self.errors, "error", "errors")
        )
    }

    /// The first lines of a text report.
    pub fn text_header(self, w: &mut dyn Write) -> std::io::Result<()> {
        writeln!(w, "{}\n", self.sentence())
    }

    /// The first lines of a Markdown report.
    pub fn markdown_header(self, w: &mut dyn Write) -> std::io::Result<()> {
        writeln!(w, "> **{}**\n", self.sentence())
    }

    /// A comment line: `{prefix} argmap: FORCED: ...{suffix}`.
    pub fn comment(self, prefix: &str, suffix: &str) -> String {
        format!("{prefix} argmap: {}{suffix}\n", self.sentence())
    }

    /// Puts a red title with [`Forced::sentence`] on a diagram (as the last statement,
    /// so that clusters do not inherit it).
    pub fn label(self, g: &mut Graph) {
        let (Graph::DiGraph { stmts, .. } | Graph::Graph { stmts, .. }) = g;
        stmts.push(Stmt::GAttribute(GraphAttributes::Graph(vec![
            present::dot::attr("label", &self.sentence()),
            present::dot::attr("labelloc", "t"),
            present::dot::attr("fontcolor", "#c62828"),
            present::dot::attr("fontsize", "16"),
        ])));
    }

    /// DOT text of a diagram with the mark: a comment line, then the labelled graph.
    pub fn dot(self, mut g: Graph) -> String {
        self.label(&mut g);
        let mut s = self.comment("//", "");
        s.push_str(&present::dot::print(&g));
        s
    }

    /// A JSON object's text with `"forced": true, "errors": N` as its first fields.
    pub fn json(self, text: &[u8]) -> Vec<u8> {
        let fields = format!("\n  \"forced\": true,\n  \"errors\": {}", self.errors);
        let Some(open) = text.iter().position(|&b| b == b'{') else {
            return text.to_vec();
        };
        let rest = &text[open + 1..];
        let empty = rest
            .iter()
            .find(|b| !b.is_ascii_whitespace())
            .is_some_and(|&b| b == b'}');
        let mut out = Vec::with_capacity(text.len() + fields.len() + 2);
        out.extend_from_slice(&text[..=open]);
        out.extend_from_slice(fields.as_bytes());
        out.extend_from_slice(if empty { b"\n" } else { b"," });
        out.extend_from_slice(rest);
        out
    }

    /// `text` with `line` inserted after its first line.
    pub fn after_first_line(text: &[u8], line: &str) -> Vec<u8> {
        let at = text
            .iter()
            .position(|&b| b == b'\n')
            .map_or(text.len(), |i| i + 1);
        let mut out = Vec::with_capacity(text.len() + line.len());
        out.extend_from_slice(&text[..at]);
        if at == text.len() && !text.ends_with(b"\n") && !text.is_empty() {
            out.push(b'\n');
        }
        out.extend_from_slice(line.as_bytes());
        out.extend_from_slice(&text[at..]);
        out
    }
}

/// Writes a text report for a person through a [`Terminal`] (control characters from
/// the maps shown visibly, no colour), after the [`Forced`] header when there is one.
pub(super) fn write_text(
    w: &mut dyn Write,
    forced: Option<Forced>,
    markdown: bool,
    write: impl FnOnce(&mut dyn Write) -> std::io::Result<()>,
) -> std::io::Result<()> {
    let mut t = Terminal::new(w, false);
    match forced {
        Some(f) if markdown => f.markdown_header(&mut t)?,
        Some(f) => f.text_header(&mut t)?,
        None => {}
    }
    write(&mut t)?;
    t.finish()
}

/// Writes `value` as pretty JSON, as it is serialised; forced, with the [`Forced`]
/// fields first (then built whole first: forced runs are rare and small enough).
pub(super) fn write_json<T: serde::Serialize>(
    w: &mut dyn Write,
    forced: Option<Forced>,
    value: &T,
) -> std::io::Result<()> {
    match forced {
        None => present::json::write_json(value, w),
        Some(f) => {
            let mut text = Vec::new();
            present::json::write_json(value, &mut text)?;
            w.write_all(&f.json(&text))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_map_that_passes_is_handed_on_without_reading_it_again() {
        // A map with a warning passes; its warnings are not printed, so it is not
        // located: the text let go after parsing is not read again (nor held beside the
        // graph), and the maps the check built go to the command. Had it been read
        // again, the change below would refuse it ("changed after argmap parsed it").
        use clap::Parser;
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("m.yaml");
        let map = "id: m\nclaims:\n  T1: {text: A thesis., thesis: true}\n";
        std::fs::write(&path, map).expect("write");
        let files =
            super::super::load_all(std::slice::from_ref(&path), Default::default()).expect("loads");
        std::fs::write(&path, "id: changed\n").expect("write");
        let cli = super::super::args::Cli::try_parse_from([
            "argmap",
            "support",
            &*path.to_string_lossy(),
        ])
        .expect("parses");
        let super::super::args::Command::Support(a) = cli.command else {
            panic!("support");
        };
        let mut out = Vec::new();
        let mut err = codespan_reporting::term::termcolor::NoColor::new(Vec::new());
        let mut io = Io {
            out: &mut out,
            err: &mut err,
            color_out: false,
            out_terminal: false,
        };
        let checked = match load_checked(&files, &a.gate, &mut io) {
            Ok(Ok(c)) => c,
            Ok(Err(code)) => panic!("refused: {code}"),
            Err(e) => panic!("failed: {e}"),
        };
        assert_eq!(checked.maps.len(), 1);
        assert!(std::ptr::eq(checked.maps[0].file, &files[0]));
        assert_eq!(checked.maps[0].map_id(), "m");
        assert!(checked.forced.is_none());
        assert!(err.get_ref().is_empty());
    }

    #[test]
    fn forced_json_gets_its_fields_first_and_stays_json() {
        let f = Forced { errors: 2 };
        for text in ["{\n  \"a\": 1\n}\n", "{}\n", "{\n}\n"] {
            let marked = f.json(text.as_bytes());
            let v: serde_json::Value = serde_json::from_slice(&marked).expect("JSON");
            assert_eq!(v["forced"], true, "{text}");
            assert_eq!(v["errors"], 2, "{text}");
        }
        let marked = String::from_utf8(f.json(b"{\n  \"a\": 1\n}\n")).expect("utf-8");
        assert!(marked.starts_with("{\n  \"forced\": true,\n  \"errors\": 2,\n  \"a\""));
    }

    #[test]
    fn a_line_goes_after_the_first() {
        assert_eq!(
            Forced::after_first_line(b"p af 2\n1 2\n", "# x\n"),
            b"p af 2\n# x\n1 2\n"
        );
        assert_eq!(Forced::after_first_line(b"p", "# x\n"), b"p\n# x\n");
    }
}
