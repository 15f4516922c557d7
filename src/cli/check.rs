//! `argmap check MAP...`: every rule, the report on standard output, exit 1 on errors.

use super::args::{CheckArgs, ReportFormat};
use super::gate;
use super::{CliError, Io, EXIT_FINDINGS, EXIT_OK};
use argmap::present;
use argmap::present::terminal::{Detail, Terminal};
use std::io::Write;

pub(super) fn run(a: CheckArgs, io: &mut Io) -> Result<u8, CliError> {
    let cfg = a.severity.config()?;
    let files = super::load_all(&a.maps, a.sources.policy())?;
    let (maps, diagnostics) = gate::diagnose(&files, &cfg, a.sources.policy());
    // Located after the maps are let go: a released text is read again for it.
    drop(maps);
    let diagnostics = gate::locate(&files, diagnostics)?;
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
