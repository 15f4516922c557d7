//! Text form of `argmap support`.

use super::escape;
use crate::analyse::support::{describe_cite, Coverage, Status, SupportReport};
use std::io::{self, Write};

/// The support report as text: one line per claim, its chain, then coverage.
pub fn text(r: &SupportReport) -> String {
    super::written(|w| write(r, w))
}

/// Writes the report as [`text`] gives it, line by line (a large map's report is not
/// built in memory first).
pub fn write(r: &SupportReport, out: &mut dyn Write) -> io::Result<()> {
    write!(out, "support in map `{}`\n\n", r.map)?;
    let width = r.claims.iter().map(|c| c.id.len()).max().unwrap_or(0);
    for c in &r.claims {
        let mark = if c.thesis { "thesis " } else { "" };
        write!(
            out,
            "{:<11} {:<width$}  {mark}{}",
            c.status.name(),
            c.id,
            c.text
        )?;
        if let Some(b) = c.by {
            write!(out, " (by {b})")?;
        }
        writeln!(out)?;
        match c.status {
            Status::Cited => {
                write!(
                    out,
                    "{:11} {:width$}  chain: {}",
                    "",
                    "",
                    c.chain.join(" <- ")
                )?;
                if !c.citations.is_empty() {
                    let cites: Vec<String> = c.citations.iter().map(describe_cite).collect();
                    write!(out, " [{}]", cites.join("; "))?;
                }
                writeln!(out)?;
                if let Some(r) = c.rests_on {
                    super::reliance_words::write_claim(&r, width, out)?;
                }
            }
            Status::Uncited => writeln!(
                out,
                "{:11} {:width$}  {} supporter{}, none reaching a citation",
                "",
                "",
                c.supporters,
                if c.supporters == 1 { "" } else { "s" }
            )?,
            Status::Unsupported => {}
        }
    }
    let cv = &r.coverage;
    writeln!(
        out,
        "\ncoverage: {} of {} claims have cited support ({:.0}%); {} uncited, {} unsupported",
        cv.cited,
        cv.claims,
        cv.ratio * 100.0,
        cv.uncited,
        cv.unsupported
    )?;
    if let Some(rc) = &r.reliance {
        super::reliance_words::write_coverage(rc, out)?;
    }
    write_groups(r, out)
}

/// The per-group section: each group's claims (its subgroups' included) by status,
/// indented by depth, then the claims of no group.
fn write_groups(r: &SupportReport, out: &mut dyn Write) -> io::Result<()> {
    if r.groups.is_empty() {
        return Ok(());
    }
    writeln!(out, "\nby group (subgroups included):")?;
    let line = |out: &mut dyn Write, indent: usize, name: &str, c: &Coverage| {
        writeln!(
            out,
            "{:indent$}{name}: {} of {} claims cited ({:.0}%); {} uncited, {} unsupported",
            "",
            c.cited,
            c.claims,
            c.ratio * 100.0,
            c.uncited,
            c.unsupported,
            indent = indent
        )
    };
    for g in &r.groups {
        let name = format!("{} ({})", escape::one_line(&g.title), g.id);
        line(out, 2 + 2 * g.depth.min(16), &name, &g.coverage)?;
    }
    if let Some(c) = &r.ungrouped {
        line(out, 2, "in no group", c)?;
    }
    Ok(())
}
