//! `argmap import FILE.json`: a map from AIF JSON.

use super::args::ImportArgs;
use super::{emit, output, CliError, Io, EXIT_FINDINGS, EXIT_OK};
use argmap::aif;
use argmap::diagnostic::Severity;
use argmap::parse::load::{load_str, ReadError};
use argmap::parse::source_text::SourceLoad;
use argmap::present;
use std::collections::HashMap;

/// `argmap import FILE.json`: exit 2 when the file cannot be read or written or is not
/// AIF JSON at all (not UTF-8, not JSON, not the shape of an AIF document), 1 when it is
/// AIF with errors (an edge naming no node, an I-node without text...) or gives a map
/// that does not pass `check`; nothing is written then.
pub(super) fn run(a: ImportArgs, io: &mut Io) -> Result<u8, CliError> {
    // A regular file, at most 1 GiB: a FIFO or a device is refused, not waited on.
    let bytes = argmap::parse::load::read_regular(&a.file).map_err(|error| ReadError {
        path: a.file.clone(),
        error,
    })?;
    let shown = a.file.display().to_string();
    let fail = |io: &mut Io, msg: String| -> Result<u8, CliError> {
        writeln!(io.err, "argmap: error: {shown}: {msg}")?;
        Ok(EXIT_FINDINGS)
    };
    let not_aif = |why: &str| CliError::NotAif {
        file: shown.clone(),
        why: why.to_string(),
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
        return Err(CliError::Usage(format!(
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
fn check_errors(name: &str, yaml: &str) -> String {
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
