//! Text form of `argmap support`.

use crate::analyse::support::{Status, SupportReport};

/// The support report as text: one line per claim, its chain, then coverage.
pub fn text(r: &SupportReport) -> String {
    let mut out = format!("support in map `{}`\n\n", r.map);
    let width = r.claims.iter().map(|c| c.id.len()).max().unwrap_or(0);
    for c in &r.claims {
        let mark = if c.thesis { "thesis " } else { "" };
        let by =
            c.by.as_deref()
                .map(|b| format!(" (by {b})"))
                .unwrap_or_default();
        out.push_str(&format!(
            "{:<11} {:<width$}  {mark}{}{by}\n",
            c.status.name(),
            c.id,
            c.text
        ));
        match c.status {
            Status::Cited => {
                out.push_str(&format!(
                    "{:11} {:width$}  chain: {}",
                    "",
                    "",
                    c.chain.join(" <- ")
                ));
                if !c.citations.is_empty() {
                    out.push_str(&format!(" [{}]", c.citations.join("; ")));
                }
                out.push('\n');
            }
            Status::Uncited => out.push_str(&format!(
                "{:11} {:width$}  {} supporter{}, none reaching a citation\n",
                "",
                "",
                c.supporters,
                if c.supporters == 1 { "" } else { "s" }
            )),
            Status::Unsupported => {}
        }
    }
    let cv = &r.coverage;
    out.push_str(&format!(
        "\ncoverage: {} of {} claims have cited support ({:.0}%); {} uncited, {} unsupported\n",
        cv.cited,
        cv.claims,
        cv.ratio * 100.0,
        cv.uncited,
        cv.unsupported
    ));
    out
}
