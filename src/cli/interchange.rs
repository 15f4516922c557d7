//! The commands of formal evaluation and interchange: `evaluate`, `import`, and the
//! `render` formats other than Graphviz's (Mermaid, JSON, GraphML, AIF, Argdown, AF).

use super::args::{EvaluateArgs, ImportArgs, RenderFormat, ReportFormat};
use super::gate::{self, Forced};
use super::{emit, emit_with, output, Failure, Io, EXIT_FINDINGS, EXIT_OK};
use argmap::aif;
use argmap::analyse::evaluate::{evaluate as evaluate_map, Request};
use argmap::analyse::{Analysed, SameAsLink};
use argmap::diagnostic::Severity;
use argmap::graph::ArgGraph;
use argmap::parse::load::load_str;
use argmap::parse::source_text::SourceLoad;
use argmap::present;
use argmap::present::dot::DiagramMap;
use std::collections::HashMap;

/// `argmap evaluate MAP`.
pub(super) fn evaluate(a: EvaluateArgs, io: &mut Io) -> Result<u8, Failure> {
    let format = ReportFormat::pick(a.format, a.output.as_deref()).map_err(Failure)?;
    let checked = match gate::load_checked(std::slice::from_ref(&a.map), &a.gate, io)? {
        Ok(c) => c,
        Err(code) => return Ok(code),
    };
    let (forced, files) = (checked.forced, checked.files);
    // Evaluation needs the graph only, not cited support.
    let Some(map) = files[0].map.as_ref() else {
        return Ok(EXIT_FINDINGS);
    };
    let graph = ArgGraph::build(map);
    let request = Request {
        semantics: a.semantics.semantics(),
        limit: a.limit,
    };
    let e = evaluate_map(&graph, request);
    emit_with(
        a.output.as_deref(),
        &super::input_paths(&files),
        io,
        |w| match format {
            ReportFormat::Text => {
                gate::write_text(w, forced, false, |w| present::evaluate::write(&e, w))
            }
            ReportFormat::Json => gate::write_json(w, forced, &present::evaluate::json(&e)),
        },
    )?;
    Ok(EXIT_OK)
}

/// The bytes of a `render` format that Graphviz does not draw.
pub(super) fn export(
    format: RenderFormat,
    maps: &[DiagramMap],
    links: &[SameAsLink],
    focused: bool,
) -> Result<Vec<u8>, Failure> {
    let one = |what: &str| -> Result<&Analysed, Failure> {
        if focused {
            return Err(Failure(format!(
                "--focus does not apply to --format {what}: it exports a whole map"
            )));
        }
        match maps {
            [m] => Ok(m.map),
            _ => Err(Failure(format!(
                "--format {what} exports one map at a time (got {})",
                maps.len()
            ))),
        }
    };
    let text = match format {
        RenderFormat::Mermaid => present::mermaid::render(maps, links),
        RenderFormat::Json => present::json_graph::render(maps, links),
        RenderFormat::Graphml => present::graphml::render(maps, links),
        RenderFormat::Argdown => present::argdown::render(maps, links),
        RenderFormat::Aif => aif::export::render(one("aif")?),
        RenderFormat::Af => {
            let m = one("af")?;
            present::af::render(m, &argmap::analyse::evaluate::Encoding::of(&m.graph))
        }
        f => {
            return Err(Failure(format!(
                "--format {} is drawn by Graphviz",
                f.name()
            )))
        }
    };
    Ok(text.into_bytes())
}

/// An export made with `--force`, marked as its format allows: a comment line in
/// Mermaid, Argdown, GraphML and ICCMA AF (after the `p af N` line, which must come
/// first), the `forced` and `errors` fields in JSON and AIF.
pub(super) fn mark_export(format: RenderFormat, forced: Forced, bytes: Vec<u8>) -> Vec<u8> {
    let prepend = |line: String| [line.into_bytes(), bytes.clone()].concat();
    match format {
        RenderFormat::Mermaid => prepend(forced.comment("%%", "")),
        RenderFormat::Argdown => prepend(forced.comment("//", "")),
        // `--` cannot stand in an XML comment.
        RenderFormat::Graphml => Forced::after_first_line(
            &bytes,
            &forced
                .comment("<!--", " -->")
                .replace("--force", "the force option"),
        ),
        RenderFormat::Af => Forced::after_first_line(&bytes, &forced.comment("#", "")),
        RenderFormat::Json | RenderFormat::Aif => forced.json(&bytes),
        _ => bytes,
    }
}

/// `argmap import FILE.json`: exit 2 when the file cannot be read or written or is not
/// AIF JSON at all (not UTF-8, not JSON, not the shape of an AIF document), 1 when it is
/// AIF with errors (an edge naming no node, an I-node without text...) or gives a map
/// that does not pass `check`; nothing is written then.
pub(super) fn import(a: ImportArgs, io: &mut Io) -> Result<u8, Failure> {
    // A regular file, at most 1 GiB: a FIFO or a device is refused, not waited on.
    let bytes = argmap::parse::load::read_regular(&a.file)
        .map_err(|e| Failure(format!("cannot read {}: {e}", a.file.display())))?;
    let shown = a.file.display().to_string();
    let fail = |io: &mut Io, msg: String| -> Result<u8, Failure> {
        writeln!(io.err, "argmap: error: {shown}: {msg}")?;
        Ok(EXIT_FINDINGS)
    };
    let not_aif = |msg: &str| {
        Failure(format!(
            "{shown}: {msg}\n  = help: `argmap import` reads AIF JSON (as AIFdb and OVA write it, or `argmap render --format aif`)"
        ))
    };
    let Ok(text) = String::from_utf8(bytes) else {
        return Err(not_aif("not UTF-8 text, so not AIF JSON"));
    };
    let doc = aif::parse(&text).map_err(|e| not_aif(&e.to_string()))?;
    let file_name = a
        .file
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    if let Some(id) =
        a.id.as_deref()
            .filter(|id| !argmap::parse::ids::valid_map_id(id))
    {
        return Err(Failure(format!(
            "--id `{id}`: a map id is lowercase letters, digits and `-`"
        )));
    }
    let imported = match aif::import(&doc, a.id.as_deref(), &file_name) {
        Ok(m) => m,
        Err(e) => return fail(io, e.to_string()),
    };
    let yaml = present::map_yaml::render(&imported.map, &file_name);
    // The result must pass `check`: refuse to write a map that does not.
    let out_name = a
        .output
        .as_ref()
        .map_or_else(|| "<import>".to_string(), |p| p.display().to_string());
    let problems = check_errors(&out_name, &yaml);
    if !problems.is_empty() {
        writeln!(io.err, "{problems}")?;
        return fail(
            io,
            "the imported map does not pass `argmap check`; nothing written".into(),
        );
    }
    for n in &imported.notes {
        writeln!(io.err, "argmap: note: {n}")?;
    }
    if let Some(p) = a.output.as_deref() {
        output::check_output_path(p, &[a.file.as_path()])?;
    }
    emit(
        a.output.as_deref(),
        std::slice::from_ref(&a.file),
        yaml.as_bytes(),
        io,
    )?;
    Ok(EXIT_OK)
}

/// The errors `argmap check` reports on a map text, rendered; empty when there are none.
pub fn check_errors(name: &str, yaml: &str) -> String {
    let file = load_str(std::path::Path::new(name), yaml.to_string());
    // The text is held (the map was not read from disk), so placing cannot fail.
    let diagnostics: Vec<_> =
        match argmap::check(std::slice::from_ref(&file), [SourceLoad::None]) {
            Ok(all) => all,
            Err(e) => return e.to_string(),
        }
        .into_iter()
        .filter(|d| d.severity == Severity::Error)
        .collect();
    if diagnostics.is_empty() {
        return String::new();
    }
    let texts: HashMap<String, &str> = [(name.to_string(), yaml)].into_iter().collect();
    present::terminal::render(&diagnostics, &texts)
}
