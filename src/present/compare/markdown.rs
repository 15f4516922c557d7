//! The comparison as a Markdown document: the summary, a table of both maps, the
//! stances with their reasons, the aligned pairs, the factual conflicts and the claims
//! only one map makes.

use super::{
    code, counts_line, coverage_line, found_by, holder, md, pol_short, polarity, role, sides,
    stance_line, summary, support,
};
use crate::analyse::compare::{Comparison, NodeReport, Side, StanceKind};
use crate::present::count;
use std::fmt::Write;

/// The comparison as a Markdown document.
pub fn markdown(c: &Comparison) -> String {
    crate::present::written(|w| write_markdown(c, w))
}

/// Writes [`markdown`] as it is made.
pub fn write_markdown(c: &Comparison, out: &mut dyn std::io::Write) -> std::io::Result<()> {
    crate::present::FmtIo::write_with(out, |o| {
        overview(c, o);
        stances(c, o);
        pairs(c, o);
        conflicts(c, o);
        only(c, o);
    })
}

fn md_node(n: &NodeReport) -> String {
    format!(
        "{} ({}) {}<br>*{}* · {}<br>{} · {}",
        code(&n.id),
        n.kind.name(),
        md(&n.text),
        md(&role(n)),
        polarity(n.role.polarity),
        md(&support(n)),
        md(&holder(n))
    )
}

/// The title, the summary, and a table of both maps side by side.
fn overview(c: &Comparison, o: &mut dyn Write) {
    let (l, r) = (&c.maps.left.id, &c.maps.right.id);
    let _ = writeln!(o, "# Comparison of {} and {}\n", code(l), code(r));
    let _ = writeln!(o, "{}\n", summary::summary(c).markdown());

    let _ = writeln!(o, "| | {} | {} |", code(l), code(r));
    let _ = writeln!(o, "|---|---|---|");
    let row = |o: &mut dyn std::fmt::Write, name: &str, f: &dyn Fn(Side) -> String| {
        let _ = writeln!(o, "| {name} | {} | {} |", f(Side::Left), f(Side::Right));
    };
    row(o, "Title", &|s| {
        md(c.maps.get(s).title.as_deref().unwrap_or(""))
    });
    row(o, "Thesis", &|s| {
        c.maps
            .get(s)
            .theses
            .iter()
            .map(|t| format!("{} {}", code(&t.id), md(&t.text)))
            .collect::<Vec<_>>()
            .join("<br>")
    });
    row(o, "Nodes", &|s| counts_line(c, s));
    row(o, "Citation coverage", &|s| {
        coverage_line(c.coverage.get(s))
    });
    row(o, "Stance toward the other's thesis", &|s| {
        format!("**{}**", stance_line(c.stance.get(s)))
    });
    row(o, "Claims only here", &|s| c.only.get(s).len().to_string());
}

/// Each map's stance toward the other's thesis, with a table of its reasons.
fn stances(c: &Comparison, o: &mut dyn Write) {
    let _ = writeln!(o, "\n## Stance toward the other's thesis\n");
    let _ = writeln!(
        o,
        "Each aligned pair whose nodes both bear on their map's thesis counts: a map argues *for* the other's thesis where it has the node the same way round as the other map (both for, or both against, their theses), *against* it where the two disagree. Pairs on the thesis itself decide when there are any. See `docs/compare.md`.\n"
    );
    for s in sides() {
        let st = c.stance.get(s);
        let (me, other) = (&c.maps.get(s).id, &c.maps.get(s.other()).id);
        let _ = writeln!(
            o,
            "### {} toward the thesis of {}: {}\n",
            code(me),
            code(other),
            stance_line(st)
        );
        if st.reasons.is_empty() {
            let _ = writeln!(o, "No aligned pair connects to both theses.\n");
            continue;
        }
        let _ = writeln!(
            o,
            "| Pair | {me} node | there | {other} node | there | Effect |"
        );
        let _ = writeln!(o, "|---|---|---|---|---|---|");
        for rs in &st.reasons {
            let mut effect = match rs.effect {
                StanceKind::Supports => "for".to_string(),
                _ => "against".to_string(),
            };
            if rs.direct {
                effect.push_str(" (on the thesis)");
            }
            if !rs.decisive {
                effect.push_str(", outweighed");
            }
            let _ = writeln!(
                o,
                "| {} | {} | {} | {} | {} | {} |",
                rs.pair + 1,
                code(&rs.own),
                pol_short(rs.own_polarity),
                code(&rs.other),
                pol_short(rs.other_polarity),
                effect
            );
        }
        let _ = o.write_char('\n');
    }
}

/// The aligned pairs: how many of each origin, and a table of both nodes of each.
fn pairs(c: &Comparison, o: &mut dyn Write) {
    let (l, r) = (&c.maps.left.id, &c.maps.right.id);
    let _ = writeln!(
        o,
        "## Aligned pairs\n\n{}: {} declared with `same_as`, {} suggested by text similarity (score ≥ {}).\n",
        count(c.pairs.len(), "pair", "pairs"),
        c.findings.declared,
        c.findings.suggested,
        c.options.min_score
    );
    if !c.pairs.is_empty() {
        let _ = writeln!(o, "| # | {} | {} | Found by |", code(l), code(r));
        let _ = writeln!(o, "|---|---|---|---|");
        for (i, p) in c.pairs.iter().enumerate() {
            let _ = writeln!(
                o,
                "| {} | {} | {} | {} |",
                i + 1,
                md_node(&p.left),
                md_node(&p.right),
                md(&found_by(c, p))
            );
        }
        let _ = o.write_char('\n');
    }
}

/// The factual conflicts, the differing values in bold.
fn conflicts(c: &Comparison, o: &mut dyn Write) {
    let (l, r) = (&c.maps.left.id, &c.maps.right.id);
    let _ = writeln!(o, "## Factual conflicts\n");
    if c.conflicts.is_empty() {
        let _ = writeln!(
            o,
            "No aligned pair differs in the dates or numbers it mentions.\n"
        );
    } else {
        let _ = writeln!(
            o,
            "Aligned pairs where each side mentions a date or number the other does not (differing values in bold). These are flags for a reader: the two texts may disagree, or may speak of different events.\n"
        );
        let _ = writeln!(
            o,
            "| Pair | {} | Numbers | {} | Numbers |",
            code(l),
            code(r)
        );
        let _ = writeln!(o, "|---|---|---|---|---|");
        let bold = |values: &[String], unmatched: &[String]| {
            values
                .iter()
                .map(|v| {
                    if unmatched.contains(v) {
                        format!("**{v}**")
                    } else {
                        v.clone()
                    }
                })
                .collect::<Vec<_>>()
                .join(", ")
        };
        for k in &c.conflicts {
            let _ = writeln!(
                o,
                "| {} | {} | {} | {} | {} |",
                k.pair + 1,
                code(&k.left.id),
                bold(&k.left.values, &k.left.unmatched),
                code(&k.right.id),
                bold(&k.right.values, &k.right.unmatched)
            );
        }
        let _ = o.write_char('\n');
    }
}

/// The claims only one map makes, map by map.
fn only(c: &Comparison, o: &mut dyn Write) {
    for s in sides() {
        let only = c.only.get(s);
        let _ = writeln!(
            o,
            "## Claims only in {} ({})\n",
            code(&c.maps.get(s).id),
            only.len()
        );
        if only.is_empty() {
            let _ = writeln!(
                o,
                "None: every claim has a counterpart in {}.\n",
                code(&c.maps.get(s.other()).id)
            );
            continue;
        }
        let _ = writeln!(o, "| Claim | Support | Bearing | Text |");
        let _ = writeln!(o, "|---|---|---|---|");
        for n in only.reports() {
            let _ = writeln!(
                o,
                "| {} | {} | {} | {}{} |",
                code(&n.id),
                n.status.name(),
                n.role.polarity.map_or("—", pol_short),
                md(&n.text),
                n.by.as_deref()
                    .map(|b| format!(" *(by {})*", md(b)))
                    .unwrap_or_default()
            );
        }
        let _ = o.write_char('\n');
    }
}
