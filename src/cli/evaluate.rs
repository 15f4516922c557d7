//! `argmap evaluate MAP`: formal acceptability (the grounded labelling, extensions on
//! request, the thesis's status).

use super::args::{EvaluateArgs, ReportFormat};
use super::gate;
use super::{emit_with, CliError, Io, EXIT_FINDINGS, EXIT_OK};
use argmap::analyse::evaluate::{evaluate as evaluate_map, Request};
use argmap::analyse::inference::Inferences;
use argmap::graph::ArgGraph;
use argmap::present;

/// `argmap evaluate MAP`.
pub(super) fn run(a: EvaluateArgs, io: &mut Io) -> Result<u8, CliError> {
    let format = ReportFormat::pick(a.format, a.output.as_deref()).map_err(CliError::Usage)?;
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
    let e = evaluate_map(&graph, &Inferences::of(&graph), request);
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
