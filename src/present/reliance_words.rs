//! `argmap support`'s lines on what cited support rests on: implicit premises and
//! placeholder sources ([`crate::analyse::reliance`]).

use crate::analyse::reliance::{RelianceCoverage, RestsOn};
use std::io::{self, Write};

/// The line under a cited claim, when its support passes through an implicit premise or
/// a placeholder source (nothing otherwise).
pub fn write_claim(r: &RestsOn, width: usize, out: &mut dyn Write) -> io::Result<()> {
    let chains = |k: u64| {
        format!(
            "{k} of {} chain{}",
            r.chains,
            if r.chains == 1 { "" } else { "s" }
        )
    };
    let mut parts = Vec::new();
    if r.implicit_chains > 0 {
        parts.push(format!(
            "implicit premises ({}{})",
            chains(r.implicit_chains),
            if r.rests_on_implicit {
                "; without them, no cited support"
            } else {
                ""
            }
        ));
    }
    if r.placeholder_chains > 0 {
        parts.push(format!(
            "placeholder sources ({}{})",
            chains(r.placeholder_chains),
            if r.placeholders_only {
                "; none through a real work"
            } else {
                ""
            }
        ));
    }
    if parts.is_empty() {
        return Ok(());
    }
    writeln!(
        out,
        "{:11} {:width$}  rests on: {}",
        "",
        "",
        parts.join("; ")
    )
}

/// The coverage line of the cited claims by what their support rests on.
pub fn write_coverage(c: &RelianceCoverage, out: &mut dyn Write) -> io::Result<()> {
    writeln!(
        out,
        "cited support: {} claim{} through real works, {} through placeholder sources only; {} resting on implicit premises",
        c.cited_through_real_works,
        if c.cited_through_real_works == 1 { "" } else { "s" },
        c.cited_through_placeholders_only,
        c.resting_on_implicit
    )
}
