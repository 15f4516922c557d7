//! The command line: each command wires the library's stages (parse → graph → analyse →
//! present) and returns an exit code. Output goes to the writers it is given (`main`
//! passes standard output and standard error); the library itself never prints.

pub mod args;
mod focus;
mod gate;
mod interchange;
pub mod output;
mod rules;
#[cfg(test)]
mod tests;

use argmap::analyse::{self, support, Analysed};
use argmap::parse::load::{load_file, MapFile};
use argmap::present;
use argmap::present::terminal::{Detail, Terminal};
use args::{
    CheckArgs, Cli, Command, RenderArgs, RenderFormat, ReportFormat, SchemaArgs, SupportArgs,
};
use codespan_reporting::term::termcolor::WriteColor;
use std::borrow::Cow;
use std::io::Write;
use std::path::{Path, PathBuf};

/// Exit code: success, no errors.
pub const EXIT_OK: u8 = 0;
/// Exit code: the maps have errors (or warnings under `--deny warnings`).
pub const EXIT_FINDINGS: u8 = 1;
/// Exit code: usage or I/O failure.
pub const EXIT_FAILURE: u8 = 2;

/// A failure that ends a command with exit code 2.
#[derive(Debug)]
pub struct Failure(pub String);

/// The message of a closed pipe (`argmap ... | head`): not reported.
const BROKEN_PIPE: &str = "\0broken pipe";

impl<E: std::error::Error + 'static> From<E> for Failure {
    fn from(e: E) -> Failure {
        let io = (&e as &dyn std::error::Error).downcast_ref::<std::io::Error>();
        if io.is_some_and(|e| e.kind() == std::io::ErrorKind::BrokenPipe) {
            return Failure(BROKEN_PIPE.into());
        }
        Failure(e.to_string())
    }
}

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
    ) -> Result<(), Failure> {
        let to_stdout = output.is_none_or(output::is_stdout);
        if to_stdout && self.out_terminal && matches!(format, "png" | "pdf") {
            return Err(Failure(format!(
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
        Command::Check(a) => check(a, io),
        Command::Support(a) => support_cmd(a, io),
        Command::Render(a) => render(a, io),
        Command::Compare(a) => compare(a, io),
        Command::Evaluate(a) => interchange::evaluate(a, io),
        Command::Import(a) => interchange::import(a, io),
        Command::Schema(a) => schema(a, io),
        Command::Rules(a) => rules::list(a, io),
        Command::Explain(a) => rules::explain(a, io),
        Command::Generate(a) => generate(a),
    };
    match result {
        Ok(code) => code,
        Err(Failure(msg)) if msg == BROKEN_PIPE => EXIT_OK,
        Err(Failure(msg)) => {
            let _ =
                present::terminal::write_message(io.err, argmap::diagnostic::Severity::Error, &msg);
            EXIT_FAILURE
        }
    }
}

/// Loads map files; each that parses lets go of its text (read again only if a
/// diagnostic needs a snippet), so no command holds a file's text beside its map.
fn load_all(paths: &[std::path::PathBuf]) -> Result<Vec<MapFile>, Failure> {
    argmap::parse::load::check_stdin_once(paths)?;
    paths
        .iter()
        .map(|p| {
            let mut file = load_file(p)?;
            file.release_text();
            Ok(file)
        })
        .collect()
}

/// The texts of the files that `diagnostics` point into, for snippets.
fn texts_of<'f, 'd>(
    files: &'f [MapFile],
    diagnostics: impl IntoIterator<Item = &'d argmap::diagnostic::Diagnostic>,
) -> Result<Vec<(String, Cow<'f, str>)>, Failure> {
    let named: std::collections::HashSet<&str> =
        diagnostics.into_iter().map(|d| d.file.as_str()).collect();
    let mut texts = Vec::new();
    for f in files {
        let name = f.path.display().to_string();
        if named.contains(name.as_str()) {
            texts.push((name, argmap::parse::position::snippet_text(f.text()?)));
        }
    }
    Ok(texts)
}

fn check(a: CheckArgs, io: &mut Io) -> Result<u8, Failure> {
    let cfg = a.severity.config().map_err(Failure)?;
    let (files, diagnostics) = gate::diagnose(&a.maps, &cfg, a.sources.policy())?;
    match a.format {
        ReportFormat::Json => {
            let summary = present::json::Summary::of(&diagnostics, files.len());
            let text = present::json::check_report(&diagnostics, summary);
            io.out.write_all(text.as_bytes())?;
        }
        ReportFormat::Text => {
            let detail = if a.summary {
                Detail::Summary
            } else if a.quiet {
                Detail::Errors
            } else {
                Detail::Full
            };
            let mut out = std::io::BufWriter::new(&mut *io.out);
            let mut t = Terminal::new(&mut out as &mut dyn Write, io.color_out);
            gate::write_report(&files, &diagnostics, detail, &mut t)?;
            t.finish()?;
            drop(t);
            out.flush()?;
        }
    }
    Ok(if cfg.fails(&diagnostics) {
        EXIT_FINDINGS
    } else {
        EXIT_OK
    })
}

/// Writes `bytes` to `-o FILE` or to standard output, as [`emit_with`] does.
fn emit(
    output: Option<&Path>,
    inputs: &[PathBuf],
    bytes: &[u8],
    io: &mut Io,
) -> Result<(), Failure> {
    emit_with(output, inputs, io, |w| w.write_all(bytes))
}

/// The files a command reads: its maps and their `source` texts, which `-o` must not
/// overwrite.
fn input_paths(files: &[MapFile]) -> Vec<PathBuf> {
    let mut paths: Vec<_> = files.iter().map(|f| f.path.clone()).collect();
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
fn emit_with(
    output: Option<&Path>,
    inputs: &[PathBuf],
    io: &mut Io,
    write: impl FnOnce(&mut dyn Write) -> std::io::Result<()>,
) -> Result<(), Failure> {
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
fn layout(dot: &str, format: &str, io: &mut Io) -> Result<Vec<u8>, Failure> {
    let picture = present::graphviz::layout(dot, format)?;
    for w in &picture.warnings {
        present::terminal::write_message(
            io.err,
            argmap::diagnostic::Severity::Warning,
            &format!("dot: {w}"),
        )?;
    }
    Ok(picture.bytes)
}

fn support_cmd(a: SupportArgs, io: &mut Io) -> Result<u8, Failure> {
    let format = ReportFormat::pick(a.format, a.output.as_deref()).map_err(Failure)?;
    let checked = match gate::load_checked(std::slice::from_ref(&a.map), &a.gate, io)? {
        Ok(c) => c,
        Err(code) => return Ok(code),
    };
    let Some(m) = Analysed::new(&checked.files[0]) else {
        return Ok(EXIT_FINDINGS);
    };
    let forced = checked.forced;
    let report = support::report(&m.graph, &m.support);
    emit_with(
        a.output.as_deref(),
        &input_paths(&checked.files),
        io,
        |w| match format {
            ReportFormat::Text => gate::write_text(w, forced, false, |w| {
                present::support_report::write(&report, w)
            }),
            ReportFormat::Json => gate::write_json(w, forced, &report),
        },
    )?;
    Ok(EXIT_OK)
}

fn render(a: RenderArgs, io: &mut Io) -> Result<u8, Failure> {
    let format = match (a.format, a.output.as_deref()) {
        (Some(f), _) => f,
        (None, Some(p)) if !output::is_stdout(p) => RenderFormat::from_extension(p).ok_or_else(|| {
            Failure(format!(
                "cannot tell the format from {}: use --format (dot, svg, png, pdf, mermaid, json, graphml, aif, argdown, af)",
                p.display()
            ))
        })?,
        (None, _) => RenderFormat::Dot,
    };
    let checked = match gate::load_checked(&a.maps, &a.gate, io)? {
        Ok(c) => c,
        Err(code) => return Ok(code),
    };
    let forced = checked.forced;
    let files = checked.files;
    let maps: Vec<Analysed> = files.iter().filter_map(Analysed::new).collect();
    let (links, _) = analyse::resolve_same_as(&maps);
    let mut diagram: Vec<present::dot::DiagramMap> = maps
        .iter()
        .map(|m| present::dot::DiagramMap {
            map: m,
            visible: None,
            focus: None,
        })
        .collect();
    if let Some(focus) = &a.focus {
        let (mi, ix) = focus::focus_node(&maps, focus)?;
        diagram[mi].focus = Some(ix);
        let views = analyse::neighbourhood::focus_views(&maps, &links, (mi, ix), a.depth);
        for (d, v) in diagram.iter_mut().zip(views) {
            d.visible = Some(v);
        }
    }
    let inputs = input_paths(&files);
    let rankdir = a.rankdir.as_deref();
    // A forced diagram is built whole, to carry its title.
    let dot_text = || match forced {
        None => present::written(|w| present::dot::write(&diagram, &links, rankdir, w)),
        Some(f) => f.dot(present::dot::graph(&diagram, &links, rankdir)),
    };
    let bytes = match format {
        // Written as it is made: a large map's diagram is never held whole.
        RenderFormat::Dot if forced.is_none() => {
            emit_with(a.output.as_deref(), &inputs, io, |w| {
                present::dot::write(&diagram, &links, rankdir, w)
            })?;
            return Ok(EXIT_OK);
        }
        RenderFormat::Dot => dot_text().into_bytes(),
        RenderFormat::Html => {
            let mut graph = present::dot::graph(&diagram, &links, rankdir);
            let page = present::html::Page::prepare(&mut graph, &diagram);
            if let Some(f) = forced {
                f.label(&mut graph);
            }
            let svg = layout(&present::dot::print(&graph), "svg", io)?;
            let title = match maps.as_slice() {
                [m] => m
                    .graph
                    .map
                    .title
                    .as_deref()
                    .or(m.graph.map.id.as_deref())
                    .unwrap_or("argmap"),
                _ => "argmap",
            };
            let title = match forced {
                Some(f) => Cow::Owned(format!("{} — {title}", f.sentence())),
                None => Cow::Borrowed(title),
            };
            page.render(&String::from_utf8_lossy(&svg), &title)
                .into_bytes()
        }
        RenderFormat::Svg | RenderFormat::Png | RenderFormat::Pdf => {
            io.refuse_binary_on_terminal(a.output.as_deref(), format.name())?;
            layout(&dot_text(), format.name(), io)?
        }
        f => {
            let bytes = interchange::export(f, &diagram, &links, a.focus.is_some())?;
            match forced {
                None => bytes,
                Some(forced) => interchange::mark_export(f, forced, bytes),
            }
        }
    };
    emit(a.output.as_deref(), &inputs, &bytes, io)?;
    Ok(EXIT_OK)
}

fn compare(a: args::CompareArgs, io: &mut Io) -> Result<u8, Failure> {
    use args::CompareFormat;
    let format = match (a.format, a.output.as_deref()) {
        (Some(f), _) => f,
        // `--suggest` writes its lines whatever the file is called.
        _ if a.suggest => CompareFormat::Text,
        (None, Some(p)) if !output::is_stdout(p) => CompareFormat::from_extension(p).ok_or_else(|| {
            Failure(format!(
                "cannot tell the format from {}: use --format (text, markdown, json, dot, svg, png, pdf)",
                p.display()
            ))
        })?,
        (None, _) => CompareFormat::Text,
    };
    let paths = [a.a.clone(), a.b.clone()];
    let checked = match gate::load_checked(&paths, &a.gate, io)? {
        Ok(c) => c,
        Err(code) => return Ok(code),
    };
    let (forced, files) = (checked.forced, checked.files);
    let (Some(left), Some(right)) = (Analysed::new(&files[0]), Analysed::new(&files[1])) else {
        return Ok(EXIT_FINDINGS);
    };
    let maps = [left, right];
    let (links, _) = analyse::resolve_same_as(&maps);
    let opts = analyse::compare::CompareOptions {
        min_score: a.min_score,
    };
    let c = analyse::compare::compare(&maps[0], &maps[1], &links, &opts);
    let inputs = input_paths(&files);
    // The reports are written as they are made; diagrams are trimmed, so built whole.
    let bytes = match format {
        _ if a.suggest => {
            let mut text = forced.map(|f| f.comment("#", "")).unwrap_or_default();
            text.push_str(&present::compare::suggestions(&c));
            present::escape::visible(&text).into_owned().into_bytes()
        }
        CompareFormat::Text | CompareFormat::Markdown | CompareFormat::Json => {
            emit_with(a.output.as_deref(), &inputs, io, |w| match format {
                CompareFormat::Text => {
                    gate::write_text(w, forced, false, |w| present::compare::write_text(&c, w))
                }
                CompareFormat::Markdown => {
                    gate::write_text(w, forced, true, |w| present::compare::write_markdown(&c, w))
                }
                _ => gate::write_json(w, forced, &c),
            })?;
            return Ok(EXIT_OK);
        }
        f => {
            let views = analyse::neighbourhood::compare_views([&maps[0], &maps[1]], &c, a.full);
            let graph = present::compare::diagram(&maps[0], &maps[1], &c, &views);
            let dot = match forced {
                Some(forced) => forced.dot(graph),
                None => present::dot::print(&graph),
            };
            match f {
                CompareFormat::Svg => layout(&dot, "svg", io)?,
                CompareFormat::Png | CompareFormat::Pdf => {
                    let name = if f == CompareFormat::Png {
                        "png"
                    } else {
                        "pdf"
                    };
                    io.refuse_binary_on_terminal(a.output.as_deref(), name)?;
                    layout(&dot, name, io)?
                }
                _ => dot.into_bytes(),
            }
        }
    };
    emit(a.output.as_deref(), &inputs, &bytes, io)?;
    Ok(EXIT_OK)
}

fn schema(a: SchemaArgs, io: &mut Io) -> Result<u8, Failure> {
    let text = present::json::to_json(&argmap::parse::model::json_schema());
    emit(a.output.as_deref(), &[], text.as_bytes(), io)?;
    Ok(EXIT_OK)
}

/// Writes a synthetic map and, next to it, its source text (`MAP.txt`).
fn generate(a: args::GenerateArgs) -> Result<u8, Failure> {
    let map = a.output.as_path();
    if output::is_stdout(map) {
        return Err(Failure(
            "generate writes two files, the map and its source text (MAP.txt): `-o -` \
             (standard output) cannot hold both; name the map file"
                .into(),
        ));
    }
    let source = map.with_extension("txt");
    if source == map {
        return Err(Failure(format!(
            "{}: the map needs another extension than .txt (its source text is written to MAP.txt)",
            map.display()
        )));
    }
    let name = source
        .file_name()
        .and_then(|n| n.to_str())
        .ok_or_else(|| Failure(format!("{}: not a usable file name", map.display())))?;
    let g = argmap::generate::generate_named(a.nodes, a.seed, name);
    output::check_output_path(map, &[])?;
    output::check_output_path(&source, &[])?;
    output::write_file(&source, g.source_text.as_bytes())?;
    output::write_file(map, g.map_yaml.as_bytes())?;
    Ok(EXIT_OK)
}
