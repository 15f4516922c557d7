//! The command-line application: each command wires parse → build → analyse → present
//! and returns an exit code. Output goes to the writers it is given (the binary passes
//! standard output and standard error), so the library itself never prints.

pub mod args;
mod interchange;
pub mod output;

use crate::analyse::{self, neighbourhood::neighbourhood, support, Analysed};
use crate::diagnostic::{Rule, SeverityConfig};
use crate::parse::load::{load_file, MapFile};
use crate::parse::source_text::read_source;
use crate::present;
use args::{
    CheckArgs, Cli, Command, RenderArgs, RenderFormat, ReportFormat, SchemaArgs, SupportArgs,
};
use std::borrow::Cow;
use std::collections::HashMap;
use std::io::Write;
use std::path::Path;

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
    pub out: &'a mut dyn Write,
    pub err: &'a mut dyn Write,
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

/// Runs a parsed command line and returns the process exit code.
pub fn run(cli: Cli, out: &mut dyn Write, err: &mut dyn Write) -> u8 {
    tune_allocator();
    let mut io = Io { out, err };
    let result = match cli.command {
        Command::Check(a) => check(a, &mut io),
        Command::Support(a) => support_cmd(a, &mut io),
        Command::Render(a) => render(a, &mut io),
        Command::Compare(a) => compare(a, &mut io),
        Command::Evaluate(a) => interchange::evaluate(a, &mut io),
        Command::Import(a) => interchange::import(a, &mut io),
        Command::Schema(a) => schema(a, &mut io),
        Command::Generate(a) => generate(a),
    };
    match result {
        Ok(code) => code,
        Err(Failure(msg)) if msg == BROKEN_PIPE => EXIT_OK,
        Err(Failure(msg)) => {
            let _ = writeln!(io.err, "argmap: error: {msg}");
            EXIT_FAILURE
        }
    }
}

/// Loads map files; each that parses lets go of its text (read again only if a
/// diagnostic needs a snippet), so no command holds a file's text beside its map.
fn load_all(paths: &[std::path::PathBuf]) -> Result<Vec<MapFile>, Failure> {
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
fn texts_of<'f>(
    files: &'f [MapFile],
    diagnostics: &[crate::diagnostic::Diagnostic],
) -> Result<Vec<(String, Cow<'f, str>)>, Failure> {
    let mut texts = Vec::new();
    for f in files {
        let name = f.path.display().to_string();
        if diagnostics.iter().any(|d| d.file == name) {
            texts.push((name, f.text()?));
        }
    }
    Ok(texts)
}

fn severity_config(a: &CheckArgs) -> Result<SeverityConfig, Failure> {
    let mut cfg = SeverityConfig::default();
    let rule = |name: &str| {
        Rule::from_id(name).ok_or_else(|| {
            let hint = crate::diagnostic::did_you_mean(name, Rule::ALL.iter().map(|r| r.id()))
                .map(|s| format!(" (did you mean `{s}`?)"))
                .unwrap_or_default();
            Failure(format!("unknown rule `{name}`{hint}"))
        })
    };
    for r in &a.deny {
        if r == "warnings" {
            cfg.deny_warnings();
        } else {
            cfg.deny(rule(r)?);
        }
    }
    for r in &a.warn {
        cfg.warn(rule(r)?);
    }
    for r in &a.allow {
        cfg.allow(rule(r)?);
    }
    Ok(cfg)
}

fn check(a: CheckArgs, io: &mut Io) -> Result<u8, Failure> {
    let cfg = severity_config(&a)?;
    let files = load_all(&a.maps)?;
    let diagnostics = cfg.apply(analyse::check(&files, files.iter().map(read_source))?);
    let summary = present::json::Summary::of(&diagnostics, files.len());
    let text = match a.format {
        ReportFormat::Json => present::json::check_report(&diagnostics, summary),
        ReportFormat::Text => {
            let held = texts_of(&files, &diagnostics)?;
            let texts: HashMap<String, &str> =
                held.iter().map(|(n, t)| (n.clone(), t.as_ref())).collect();
            let mut s = present::terminal::render(&diagnostics, &texts);
            s.push_str(&present::terminal::summary_line(
                summary.errors,
                summary.warnings,
                summary.files,
            ));
            s.push('\n');
            s
        }
    };
    io.out.write_all(text.as_bytes())?;
    Ok(if cfg.fails(&diagnostics) {
        EXIT_FINDINGS
    } else {
        EXIT_OK
    })
}

/// Loads map files for a command that needs them parsed; prints load errors and returns
/// `Err(1)` when one does not parse.
fn load_parsed(
    paths: &[std::path::PathBuf],
    io: &mut Io,
) -> Result<Result<Vec<MapFile>, u8>, Failure> {
    let files = load_all(paths)?;
    let errors: Vec<_> = files
        .iter()
        .flat_map(|f| f.load_errors.iter().cloned())
        .collect();
    if errors.is_empty() {
        return Ok(Ok(files));
    }
    let held = texts_of(&files, &errors)?;
    let texts: HashMap<String, &str> = held.iter().map(|(n, t)| (n.clone(), t.as_ref())).collect();
    io.err
        .write_all(present::terminal::render(&errors, &texts).as_bytes())?;
    Ok(Err(EXIT_FINDINGS))
}

/// Writes `bytes` to `-o FILE` atomically, or to standard output.
fn emit(output: Option<&Path>, inputs: &[&Path], bytes: &[u8], io: &mut Io) -> Result<(), Failure> {
    emit_with(output, inputs, io, |w| w.write_all(bytes))
}

/// Writes what `write` produces to `-o FILE` atomically, or to standard output, as it
/// is produced (buffered), not built in memory first.
fn emit_with(
    output: Option<&Path>,
    inputs: &[&Path],
    io: &mut Io,
    write: impl FnOnce(&mut dyn Write) -> std::io::Result<()>,
) -> Result<(), Failure> {
    match output {
        Some(p) => {
            output::check_output_path(p, inputs)?;
            output::write_atomic_with(p, write)?;
        }
        None => {
            let mut out = std::io::BufWriter::new(&mut *io.out);
            write(&mut out)?;
            out.flush()?;
        }
    }
    Ok(())
}

fn support_cmd(a: SupportArgs, io: &mut Io) -> Result<u8, Failure> {
    let files = match load_parsed(std::slice::from_ref(&a.map), io)? {
        Ok(f) => f,
        Err(code) => return Ok(code),
    };
    let Some(m) = Analysed::new(&files[0]) else {
        return Ok(EXIT_FINDINGS);
    };
    let report = support::report(&m.graph, &m.support);
    emit_with(a.output.as_deref(), &[a.map.as_path()], io, |w| {
        match a.format {
            ReportFormat::Text => present::support_report::write(&report, w),
            ReportFormat::Json => present::json::write_json(&report, w),
        }
    })?;
    Ok(EXIT_OK)
}

fn render(a: RenderArgs, io: &mut Io) -> Result<u8, Failure> {
    let format = match (a.format, a.output.as_deref()) {
        (Some(f), _) => f,
        (None, Some(p)) => RenderFormat::from_extension(p).ok_or_else(|| {
            Failure(format!(
                "cannot tell the format from {}: use --format (dot, svg, png, pdf, mermaid, json, graphml, aif, argdown, af)",
                p.display()
            ))
        })?,
        (None, None) => RenderFormat::Dot,
    };
    let files = match load_parsed(&a.maps, io)? {
        Ok(f) => f,
        Err(code) => return Ok(code),
    };
    let maps: Vec<Analysed> = files.iter().filter_map(Analysed::new).collect();
    let (links, _) = analyse::resolve_same_as(&maps);
    let mut diagram: Vec<present::dot::DiagramMap> = maps
        .iter()
        .map(|m| present::dot::DiagramMap {
            map: m,
            visible: None,
        })
        .collect();
    if let Some(focus) = &a.focus {
        let (mi, ix) = maps
            .iter()
            .enumerate()
            .find_map(|(i, m)| m.graph.node(focus).map(|ix| (i, ix)))
            .ok_or_else(|| Failure(format!("--focus: no node `{focus}` in the given maps")))?;
        let near = neighbourhood(&maps[mi].graph, ix, a.depth);
        for (i, d) in diagram.iter_mut().enumerate() {
            d.visible = Some(if i == mi {
                near.clone()
            } else {
                Default::default()
            });
        }
        // Other maps show the nodes linked by same_as to the neighbourhood.
        for l in &links {
            for (x, y) in [(l.from, l.to), (l.to, l.from)] {
                if x.0 == mi && near.contains(&x.1) && y.0 != mi {
                    if let Some(v) = diagram[y.0].visible.as_mut() {
                        v.insert(y.1);
                    }
                }
            }
        }
    }
    let inputs: Vec<&Path> = a.maps.iter().map(|p| p.as_path()).collect();
    let rankdir = a.rankdir.as_deref();
    let dot_text = || present::written(|w| present::dot::write(&diagram, &links, rankdir, w));
    let bytes = match format {
        // Written as it is made: a large map's diagram is never held whole.
        RenderFormat::Dot => {
            emit_with(a.output.as_deref(), &inputs, io, |w| {
                present::dot::write(&diagram, &links, rankdir, w)
            })?;
            return Ok(EXIT_OK);
        }
        RenderFormat::Html => {
            let mut graph = present::dot::graph(&diagram, &links, rankdir);
            let page = present::html::Page::prepare(&mut graph, &diagram);
            let svg = present::graphviz::layout(&present::dot::print(&graph), "svg")?;
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
            page.render(&String::from_utf8_lossy(&svg), title)
                .into_bytes()
        }
        RenderFormat::Svg | RenderFormat::Png | RenderFormat::Pdf => {
            present::graphviz::layout(&dot_text(), format.name())?
        }
        f => interchange::export(f, &diagram, &links, a.focus.is_some())?,
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
        (None, Some(p)) => CompareFormat::from_extension(p).ok_or_else(|| {
            Failure(format!(
                "cannot tell the format from {}: use --format (text, markdown, json, dot, svg, png, pdf)",
                p.display()
            ))
        })?,
        (None, None) => CompareFormat::Text,
    };
    let paths = [a.a.clone(), a.b.clone()];
    let files = match load_parsed(&paths, io)? {
        Ok(f) => f,
        Err(code) => return Ok(code),
    };
    let (Some(left), Some(right)) = (Analysed::new(&files[0]), Analysed::new(&files[1])) else {
        return Ok(EXIT_FINDINGS);
    };
    let maps = [left, right];
    let (links, _) = analyse::resolve_same_as(&maps);
    let opts = analyse::compare::CompareOptions {
        min_score: a.min_score,
    };
    let c = analyse::compare::compare(&maps[0], &maps[1], &links, &opts);
    let inputs = [a.a.as_path(), a.b.as_path()];
    // The reports are written as they are made; diagrams are trimmed, so built whole.
    let bytes = match format {
        _ if a.suggest => present::compare::suggestions(&c).into_bytes(),
        CompareFormat::Text | CompareFormat::Markdown | CompareFormat::Json => {
            emit_with(a.output.as_deref(), &inputs, io, |w| match format {
                CompareFormat::Text => present::compare::write_text(&c, w),
                CompareFormat::Markdown => present::compare::write_markdown(&c, w),
                _ => present::json::write_json(&c, w),
            })?;
            return Ok(EXIT_OK);
        }
        f => {
            let dot =
                present::dot::print(&present::compare::diagram(&maps[0], &maps[1], &c, a.full));
            match f {
                CompareFormat::Svg => present::graphviz::layout(&dot, "svg")?,
                CompareFormat::Png => present::graphviz::layout(&dot, "png")?,
                CompareFormat::Pdf => present::graphviz::layout(&dot, "pdf")?,
                _ => dot.into_bytes(),
            }
        }
    };
    emit(a.output.as_deref(), &inputs, &bytes, io)?;
    Ok(EXIT_OK)
}

fn schema(a: SchemaArgs, io: &mut Io) -> Result<u8, Failure> {
    let text = present::json::to_json(&crate::parse::model::json_schema());
    emit(a.output.as_deref(), &[], text.as_bytes(), io)?;
    Ok(EXIT_OK)
}

/// Writes a synthetic map and, next to it, its source text (`MAP.txt`).
fn generate(a: args::GenerateArgs) -> Result<u8, Failure> {
    let map = a.output.as_path();
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
    let g = crate::generate::generate_named(a.nodes, a.seed, name);
    output::check_output_path(map, &[])?;
    output::check_output_path(&source, &[])?;
    output::write_atomic(&source, g.source_text.as_bytes())?;
    output::write_atomic(map, g.map_yaml.as_bytes())?;
    Ok(EXIT_OK)
}
