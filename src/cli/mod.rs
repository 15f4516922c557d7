//! The command line: each command wires the library's stages (parse → graph → analyse →
//! present) and returns an exit code. Output goes to the writers it is given (`main`
//! passes standard output and standard error); the library itself never prints.

pub mod args;
mod check;
mod compare;
mod error;
mod evaluate;
mod export;
mod focus;
mod gate;
mod generate;
mod import;
mod lsp;
pub mod output;
mod render;
mod rules;
mod schema;
mod schemes;
mod serve;
mod support;
#[cfg(test)]
mod tests;

use argmap::parse::load::{load_file_with, MapFile};
use argmap::present;
use argmap::present::terminal::Terminal;
use args::{Cli, Command};
use clap::Parser;
use codespan_reporting::term::termcolor::WriteColor;
pub use error::CliError;
use std::borrow::Cow;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// Exit code: success, no errors.
pub const EXIT_OK: u8 = 0;
/// Exit code: the maps have errors (or warnings under `--deny warnings`).
pub const EXIT_FINDINGS: u8 = 1;
/// Exit code: usage or I/O failure.
pub const EXIT_FAILURE: u8 = 2;

/// Where a command writes.
pub struct Io<'a> {
    /// Standard output, as it is: data formats (DOT, JSON, PNG...) pass unchanged; text
    /// for a person goes through a [`Terminal`] (`gate::write_text`, `check`'s report).
    pub out: &'a mut dyn Write,
    /// Standard error, through a [`Terminal`]: every control character written to it is
    /// shown visibly, and colour comes only from `set_color` (when colour is on).
    pub err: &'a mut dyn WriteColor,
    /// Whether the diagnostics `check` prints on standard output are coloured.
    pub color_out: bool,
    /// Whether standard output is a terminal (PNG and PDF are not written to one).
    pub out_terminal: bool,
}

impl Io<'_> {
    /// Refuses to write a binary format (PNG, PDF) to standard output when it is a
    /// terminal: its bytes would be read as control sequences.
    fn refuse_binary_on_terminal(
        &self,
        output: Option<&Path>,
        format: &str,
    ) -> Result<(), CliError> {
        let to_stdout = output.is_none_or(output::is_stdout);
        if to_stdout && self.out_terminal && matches!(format, "png" | "pdf") {
            return Err(CliError::Usage(format!(
                "refusing to write {} to a terminal: give -o FILE, or pipe standard output",
                format.to_uppercase()
            )));
        }
        Ok(())
    }
}

/// What `--color auto` looks at: whether standard output and standard error are
/// terminals, and whether NO_COLOR is set to something (it then turns colour off).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Terminals {
    pub out: bool,
    pub err: bool,
    pub no_color: bool,
}

impl Terminals {
    /// Asks the process: its standard output and error, and NO_COLOR.
    pub fn of_process() -> Terminals {
        use std::io::IsTerminal;
        Terminals {
            out: std::io::stdout().is_terminal(),
            err: std::io::stderr().is_terminal(),
            no_color: std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty()),
        }
    }
}

/// Pins glibc's mmap threshold at its default, 128 KiB, so that every large buffer (a
/// map's text, a source's index, word vectors) has its own mapping and goes back to the
/// system when freed. Left alone, glibc raises the threshold to the largest block freed
/// so far (up to 32 MiB): after a map's text is freed, the next large buffers come from
/// the heap, whose freed space is kept, which raised peak memory by 3 MB (`check`) to
/// 11 MB (`compare`) on 100k-node maps (docs/performance.md, "Memory"). Other platforms
/// and allocators: nothing to do.
pub fn tune_allocator() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: mallopt only sets a parameter of glibc's allocator, which is thread-safe.
    unsafe {
        libc::mallopt(libc::M_MMAP_THRESHOLD, 128 * 1024);
    }
}

/// The process: parses its command line and runs it on standard output and standard
/// error. A usage error (exit 2) quotes what was typed (a rule, a focus id, a file name):
/// it is shown with its control characters made visible, like everything argmap prints.
pub fn run() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        // Help and version: clap's own text, nothing from the user in it.
        Err(e) if !e.use_stderr() => e.exit(),
        Err(e) => {
            let text = e.render().to_string();
            let mut err = std::io::stderr().lock();
            let _ = err.write_all(present::escape::visible(&text).as_bytes());
            return ExitCode::from(u8::try_from(e.exit_code()).unwrap_or(EXIT_FAILURE));
        }
    };
    let code = run_on(
        cli,
        &mut std::io::stdout().lock(),
        &mut std::io::stderr().lock(),
        Terminals::of_process(),
    );
    ExitCode::from(code)
}

/// Runs a parsed command line and returns the process exit code, writing to `out` and
/// `err`; `terminals` says which of them are terminals (they get colour under `--color
/// auto`, unless NO_COLOR is set).
pub fn run_on(cli: Cli, out: &mut dyn Write, err: &mut dyn Write, terminals: Terminals) -> u8 {
    tune_allocator();
    let color_out = cli.color.enabled(terminals.out, terminals.no_color);
    let color_err = cli.color.enabled(terminals.err, terminals.no_color);
    // Written a line at a time: a diagnostic is many small writes.
    let mut err_lines = std::io::LineWriter::new(err);
    let mut err = Terminal::new(&mut err_lines as &mut dyn Write, color_err);
    let code = dispatch(
        cli,
        &mut Io {
            out,
            err: &mut err,
            color_out,
            out_terminal: terminals.out,
        },
    );
    let _ = err.finish();
    drop(err);
    let _ = err_lines.flush();
    code
}

fn dispatch(cli: Cli, io: &mut Io) -> u8 {
    let result = match cli.command {
        Command::Check(a) => check::run(a, io),
        Command::Support(a) => support::run(a, io),
        Command::Render(a) => render::run(a, io),
        Command::Compare(a) => compare::run(a, io),
        Command::Evaluate(a) => evaluate::run(a, io),
        Command::Import(a) => import::run(a, io),
        Command::Schema(a) => schema::run(a, io),
        Command::Rules(a) => rules::list(a, io),
        Command::Explain(a) => rules::explain(a, io),
        Command::Schemes(a) => schemes::run(a, io),
        Command::Generate(a) => generate::run(a),
        Command::Lsp => lsp::run(io),
        Command::Serve(a) => serve::run(a, io),
    };
    match result {
        Ok(code) => code,
        // Standard output closed by its reader (`argmap ... | head`): nothing to report.
        Err(e) if e.is_closed_pipe() => EXIT_OK,
        Err(e) => {
            let error = argmap::diagnostic::Severity::Error;
            let _ = present::terminal::write_message(io.err, error, &e.to_string());
            if let Some(help) = e.help() {
                let _ = writeln!(io.err, "  = help: {help}");
            }
            EXIT_FAILURE
        }
    }
}

/// Loads map files, and the files they include where `policy` allows; each that parses
/// lets go of its text (read again only if a diagnostic needs a snippet), so no command
/// holds a file's text beside its map.
pub(super) fn load_all(
    paths: &[std::path::PathBuf],
    policy: argmap::parse::source_text::SourcePolicy,
) -> Result<Vec<MapFile>, CliError> {
    argmap::parse::load::check_stdin_once(paths)?;
    paths
        .iter()
        .map(|p| {
            let mut file = load_file_with(p, policy)?;
            file.release_text();
            Ok(file)
        })
        .collect()
}

/// The texts of the files that `diagnostics` point into, for snippets.
pub(super) fn texts_of<'f, 'd>(
    files: &'f [MapFile],
    diagnostics: impl IntoIterator<Item = &'d argmap::diagnostic::Diagnostic>,
) -> Result<Vec<(String, Cow<'f, str>)>, CliError> {
    let named: std::collections::HashSet<&str> =
        diagnostics.into_iter().map(|d| d.file.as_str()).collect();
    let mut texts = Vec::new();
    for f in files.iter().flat_map(MapFile::files) {
        let name = f.path.display().to_string();
        if named.contains(name.as_str()) {
            texts.push((name, argmap::parse::position::snippet_text(f.text()?)));
        }
    }
    Ok(texts)
}

/// Writes `bytes` to `-o FILE` or to standard output, as [`emit_with`] does.
pub(super) fn emit(
    output: Option<&Path>,
    inputs: &[PathBuf],
    bytes: &[u8],
    io: &mut Io,
) -> Result<(), CliError> {
    emit_with(output, inputs, io, |w| w.write_all(bytes))
}

/// The files a command reads: its maps and their `source` texts, which `-o` must not
/// overwrite.
pub(super) fn input_paths(files: &[MapFile]) -> Vec<PathBuf> {
    let mut paths: Vec<_> = files
        .iter()
        .flat_map(MapFile::files)
        .map(|f| f.path.clone())
        .collect();
    for f in files {
        if let Some(source) = f.map.as_ref().and_then(|m| m.source.as_deref()) {
            let dir = f.path.parent().unwrap_or_else(|| Path::new(""));
            paths.push(dir.join(source));
        }
    }
    paths
}

/// Writes what `write` produces to `-o FILE` (atomically when it is a regular file; see
/// [`output`]) or to standard output (no `-o`, or `-o -`), as it is produced (buffered),
/// not built in memory first.
pub(super) fn emit_with(
    output: Option<&Path>,
    inputs: &[PathBuf],
    io: &mut Io,
    write: impl FnOnce(&mut dyn Write) -> std::io::Result<()>,
) -> Result<(), CliError> {
    match output.filter(|p| !output::is_stdout(p)) {
        Some(p) => {
            let inputs: Vec<&Path> = inputs.iter().map(PathBuf::as_path).collect();
            output::check_output_path(p, &inputs)?;
            output::write_file_with(p, write)?;
        }
        None => {
            let mut out = std::io::BufWriter::new(&mut *io.out);
            write(&mut out)?;
            out.flush()?;
        }
    }
    Ok(())
}

/// Lays out DOT with Graphviz into `format`; what `dot` warns about goes to standard
/// error as `argmap: warning: dot: ...`.
pub(super) fn layout(dot: &str, format: &str, io: &mut Io) -> Result<Vec<u8>, CliError> {
    let picture = present::graphviz::layout(dot, format)?;
    for w in &picture.warnings {
        // Graphviz's note that it shrank a PNG to Cairo's limit becomes argmap's own,
        // which says what it means and what helps.
        let message = present::layout::cairo_warning(w).unwrap_or_else(|| format!("dot: {w}"));
        present::terminal::write_message(io.err, argmap::diagnostic::Severity::Warning, &message)?;
    }
    Ok(picture.bytes)
}
