//! `argmap evaluate MAP`: formal acceptability (the grounded labelling, extensions on
//! request, the thesis's status).

use super::args::{EvaluateArgs, ReportFormat};
use super::gate;
use super::{emit_with, CliError, Io, EXIT_FINDINGS, EXIT_OK};
use argmap::analyse::evaluate::{evaluate as evaluate_map, Request};
use argmap::present;

/// `argmap evaluate MAP`.
pub(super) fn run(a: EvaluateArgs, io: &mut Io) -> Result<u8, CliError> {
    let format = ReportFormat::pick(a.format, a.output.as_deref()).map_err(CliError::Usage)?;
    let files = super::load_all(std::slice::from_ref(&a.map), a.gate.sources.policy())?;
    let checked = match gate::load_checked(&files, &a.gate, io)? {
        Ok(c) => c,
        Err(code) => return Ok(code),
    };
    let forced = checked.forced;
    // The graph the check built, and its inferences; evaluation needs no cited support.
    let Some(mut m) = checked.maps.into_iter().next() else {
        return Ok(EXIT_FINDINGS);
    };
    m.release_support();
    let request = Request {
        semantics: a.semantics.semantics(),
        limit: a.limit,
    };
    let e = evaluate_map(&m.graph, m.inferences(), request);
    // The evaluation owns what it reports: the map, its graph and its inferences are
    // let go before it is written, and never held beside the writing.
    let inputs = super::input_paths(&files);
    drop(m);
    drop(files);
    emit_with(a.output.as_deref(), &inputs, io, |w| match format {
        ReportFormat::Text => {
            gate::write_text(w, forced, false, |w| present::evaluate::write(&e, w))
        }
        ReportFormat::Json => gate::write_json(w, forced, &present::evaluate::json(&e)),
    })?;
    Ok(EXIT_OK)
}
