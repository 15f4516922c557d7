//! The comparison as a Markdown document: the summary, a table of both maps, the
//! stances with their reasons, the aligned pairs, the factual conflicts and the claims
//! only one map makes.

use super::{
    code, counts_line, coverage_line, found_by, holder, md, pol_short, polarity, role, sides,
    stance_line, summary, support,
};
use crate::analyse::compare::{
    Comparison, DisagreementKind, End, NodeReport, Side, StanceKind, Via,
};
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
        findings(c, o);
        stances(c, o);
        pairs(c, o);
        conflicts(c, o);
        only(c, o);
    })
}

/// The findings, each with its evidence: agreements, points of disagreement,
/// counter-positions, and what only one map covers (by group).
fn findings(c: &Comparison, o: &mut dyn Write) {
    let f = &c.findings;
    let (l, r) = (&c.maps.left.id, &c.maps.right.id);
    let end = |e: &End| {
        let mut s = format!("{} ({})", code(&e.id), e.position.name());
        if let Some(b) = &e.by {
            s.push_str(&format!(" by {}", md(b)));
        }
        s
    };
    let _ = writeln!(
        o,
        "## Findings
"
    );
    let _ = writeln!(
        o,
        "Each finding names its nodes; `holds`, `rejects`, `reports` say what the map does with the proposition (see `docs/compare.md`).\n"
    );
    if !f.agreements.is_empty() {
        let _ = writeln!(o, "### Agreements ({})\n", f.agreements.len());
        let _ = writeln!(o, "| {} | {} | Both | Weight |", code(l), code(r));
        let _ = writeln!(o, "|---|---|---|---|");
        for a in &f.agreements {
            let _ = writeln!(
                o,
                "| {} | {} | {} | {} |",
                end(&a.left),
                end(&a.right),
                if a.accepted { "accept it" } else { "reject it" },
                a.weight
            );
        }
        let _ = o.write_char('\n');
    }
    if !f.disagreements.is_empty() {
        let _ = writeln!(
            o,
            "### Disagreements ({} points, {} pairs)\n",
            f.points.len(),
            f.disagreements.len()
        );
        let _ = writeln!(
            o,
            "| Point | {} | {} | Why | Attacked by |",
            code(l),
            code(r)
        );
        let _ = writeln!(o, "|---|---|---|---|---|");
        for (i, p) in f.points.iter().enumerate() {
            for id in &p.disagreements {
                let Some(d) = f.disagreements.iter().find(|d| &d.id == id) else {
                    continue;
                };
                let why = match d.kind {
                    DisagreementKind::Contradicts => "contradicts",
                    DisagreementKind::Rejected => "one holds, the other rejects",
                };
                let by: Vec<String> = d
                    .attacked_by
                    .left
                    .iter()
                    .chain(&d.attacked_by.right)
                    .map(|a| code(&a.id))
                    .collect();
                let _ = writeln!(
                    o,
                    "| {} | {} | {} | {why} | {} |",
                    i + 1,
                    end(&d.left),
                    end(&d.right),
                    by.join(", ")
                );
            }
        }
        let _ = o.write_char('\n');
    }
    if !f.counter_positions.is_empty() {
        let _ = writeln!(o, "### Counter-positions ({})\n", f.counter_positions.len());
        let _ = writeln!(
            o,
            "| {} | attacked there by | {} | attacked there by |",
            code(l),
            code(r)
        );
        let _ = writeln!(o, "|---|---|---|---|");
        let att = |v: &[crate::analyse::compare::Attacker]| -> String {
            v.iter()
                .map(|a| {
                    if a.sources.is_empty() {
                        code(&a.id)
                    } else {
                        format!(
                            "{} ({})",
                            code(&a.id),
                            a.sources
                                .iter()
                                .map(|s| code(s))
                                .collect::<Vec<_>>()
                                .join(", ")
                        )
                    }
                })
                .collect::<Vec<_>>()
                .join(", ")
        };
        for x in &f.counter_positions {
            let _ = writeln!(
                o,
                "| {} | {} | {} | {} |",
                end(&x.left),
                att(&x.attacked_by.left),
                end(&x.right),
                att(&x.attacked_by.right)
            );
        }
        let _ = o.write_char('\n');
    }
    for s in sides() {
        let u = f.uncovered.get(s);
        if u.is_empty() {
            continue;
        }
        let _ = writeln!(o, "### Only in {}, by group\n", code(&c.maps.get(s).id));
        let _ = writeln!(o, "| Group | Weight | Propositions, heaviest first |");
        let _ = writeln!(o, "|---|---|---|");
        for g in u {
            let name = match (&g.group, &g.title) {
                (Some(id), Some(t)) => format!("{} {}", md(t), code(id)),
                (Some(id), None) => code(id),
                _ => "(no group)".to_string(),
            };
            let nodes: Vec<String> = g
                .nodes
                .iter()
                .take(8)
                .map(|n| format!("{} ({})", code(&n.id), n.weight))
                .collect();
            let more = if g.nodes.len() > 8 {
                format!(" and {} more", g.nodes.len() - 8)
            } else {
                String::new()
            };
            let _ = writeln!(o, "| {name} | {} | {}{more} |", g.weight, nodes.join(", "));
        }
        let _ = o.write_char('\n');
    }
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
        "A stance needs the other's thesis to be addressed: only pairs on the thesis itself decide (a node the map accepts, aligned with it, argues *for* it; one it rejects, or one that contradicts it, *against* it). Without them the stance is *silent*. Shared premises are listed as indirect reasons: the same way round in both maps (both for, or both against, their theses) is *for* the other's argument there, else *against* it; they do not decide. See `docs/compare.md`.\n"
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
                if !rs.decisive {
                    effect.push_str(", outweighed");
                }
            } else {
                effect.push_str(" its argument (indirect: does not decide)");
            }
            let pair = match rs.via {
                Via::SameAs => format!("{}", rs.pair + 1),
                Via::Contradicts => format!("contradicts {}", rs.pair + 1),
            };
            let _ = writeln!(
                o,
                "| {} | {} | {} | {} | {} | {} |",
                pair,
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
                if n.role.polarity.is_some() {
                    pol_short(n.role.polarity)
                } else {
                    "—"
                },
                md(&n.text),
                n.by.as_deref()
                    .map(|b| format!(" *(by {})*", md(b)))
                    .unwrap_or_default()
            );
        }
        let _ = o.write_char('\n');
    }
}
