//! `argmap support MAP`: each claim's support status and the map's citation coverage.

use super::args::{ReportFormat, SupportArgs};
use super::gate;
use super::{emit_with, input_paths, load_all, CliError, Io, EXIT_FINDINGS, EXIT_OK};
use argmap::analyse::support;
use argmap::present;

pub(super) fn run(a: SupportArgs, io: &mut Io) -> Result<u8, CliError> {
    let format = ReportFormat::pick(a.format, a.output.as_deref()).map_err(CliError::Usage)?;
    let files = load_all(std::slice::from_ref(&a.map), a.gate.sources.policy())?;
    let checked = match gate::load_checked(&files, &a.gate, io)? {
        Ok(c) => c,
        Err(code) => return Ok(code),
    };
    let Some(m) = checked.maps.first() else {
        return Ok(EXIT_FINDINGS);
    };
    let forced = checked.forced;
    let report = support::report(&m.graph, m.support());
    emit_with(
        a.output.as_deref(),
        &input_paths(&files),
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
