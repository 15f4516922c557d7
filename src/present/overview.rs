//! `render --overview`: the overview of a map read by chapter
//! ([`crate::analyse::overview`]) as DOT. Each top-level group is one box (its title, how
//! many claims, evidence and rebuttals it holds with its subgroups, how many of its claims
//! have cited support); each thesis is its own box; the links between boxes are one arrow
//! per kind, labelled with their number (green supports, red attacks, dashed red
//! undercuts). It words and draws what the overview counted.

use super::escape::{dot_quoted, wrap};
use crate::analyse::overview::{Bearing, BoxKind, Overview, OverviewBox};
use crate::analyse::Analysed;
use std::fmt::Write;

fn count(n: usize, one: &str, many: &str) -> String {
    super::count(n, one, many)
}

fn box_label(m: &Analysed, b: &OverviewBox) -> String {
    let groups = m.groups();
    let map = m.graph.map;
    let (head, text) = match b.kind {
        BoxKind::Thesis(ix) => (
            format!("THESIS · {}", m.graph.graph[ix].id),
            m.graph.graph[ix].text().to_string(),
        ),
        BoxKind::Group(g) => {
            let title = groups
                .entry(map, g)
                .and_then(|e| e.details.title.as_deref())
                .unwrap_or(groups.list[g].id.as_str());
            (title.to_string(), String::new())
        }
        BoxKind::Ungrouped => ("in no group".to_string(), String::new()),
    };
    let mut lines = wrap(&head, 34);
    lines.extend(wrap(&text, 34));
    if !matches!(b.kind, BoxKind::Thesis(_)) {
        let mut parts = Vec::new();
        for (n, one, many) in [
            (b.claims, "claim", "claims"),
            (b.evidence, "evidence", "evidence"),
            (b.rebuttals, "rebuttal", "rebuttals"),
        ] {
            if n > 0 {
                parts.push(count(n, one, many));
            }
        }
        lines.push(parts.join(", "));
        if b.claims > 0 {
            lines.push(format!("{} of {} claims cited", b.cited_claims, b.claims));
        }
    }
    lines.join("\n")
}

fn arrows(out: &mut String, from: usize, to: usize, b: &Bearing) {
    for (n, word, style) in [
        (
            b.supports,
            "supports",
            "color=\"#2e7d32\" arrowhead=\"normal\"",
        ),
        (b.attacks, "attacks", "color=\"#c62828\" arrowhead=\"tee\""),
        (
            b.undercuts,
            "undercuts",
            "color=\"#c62828\" style=\"dashed\" arrowhead=\"tee\"",
        ),
    ] {
        if n > 0 {
            let _ = writeln!(
                out,
                "  \"b{from}\" -> \"b{to}\" [{style} label={} penwidth=\"{:.1}\" fontsize=\"10\"]",
                dot_quoted(&format!("{n} {word}")),
                1.0 + (n as f64).ln_1p().min(4.0),
            );
        }
    }
}

/// The overview of `m` as DOT, drawn bottom to top (the theses on top). `warning`, when
/// given (a `--force` mark), is the title, in red, instead of the map's.
pub fn dot(m: &Analysed, o: &Overview, warning: Option<&str>) -> String {
    let mut out = String::from("digraph \"overview\" {\n");
    out.push_str(
        "  graph[rankdir=\"BT\" fontname=\"Helvetica\" nodesep=\"0.4\" ranksep=\"0.8\"]\n",
    );
    out.push_str("  node[fontname=\"Helvetica\" fontsize=\"12\" shape=\"box\" style=\"filled,rounded\" margin=\"0.15,0.08\"]\n");
    out.push_str("  edge[fontname=\"Helvetica\"]\n");
    if let Some(w) = warning {
        let _ = writeln!(
            out,
            "  label={} labelloc=\"t\" fontsize=\"16\" fontcolor=\"#c62828\"",
            dot_quoted(w)
        );
    } else if let Some(title) = m.graph.map.title.as_deref() {
        let _ = writeln!(
            out,
            "  label={} labelloc=\"t\" fontsize=\"16\"",
            dot_quoted(&wrap(title, 80).join("\n"))
        );
    }
    for (i, b) in o.boxes.iter().enumerate() {
        let fill = match b.kind {
            BoxKind::Thesis(_) => "fillcolor=\"#fff3b0\" penwidth=\"3\"",
            BoxKind::Group(_) => "fillcolor=\"#eef2f4\"",
            BoxKind::Ungrouped => "fillcolor=\"#ffffff\" style=\"filled,rounded,dashed\"",
        };
        let _ = writeln!(
            out,
            "  \"b{i}\"[label={} {fill}]",
            dot_quoted(&box_label(m, b))
        );
    }
    for (&(from, to), b) in &o.bearings {
        arrows(&mut out, from, to, b);
    }
    out.push_str("}\n");
    out
}
