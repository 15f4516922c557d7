//! `render --format graphml`: GraphML for yEd, Gephi, Cytoscape and networkx.
//!
//! Nodes are the claims, evidence items and rebuttals, with `label` (the id), `kind`,
//! `text`, `status` (support status), `thesis`, `by`, `quote` and `map` as `<data>`;
//! edges carry `kind` (`supports`, `attacks`, `undercuts`, `same_as`) and, for an
//! undercut, `link` (`A -> B`, the link it attacks; the edge itself goes to `B`), and
//! `argument`: the number of the argument a supports/attacks edge belongs to (the edges
//! of a linked argument share it) or an undercut attacks, as
//! [`crate::analyse::Analysed::inferences`] numbers them.
//! Several maps share one graph, their node ids prefixed with `map-id:`. All text is
//! XML-escaped ([`super::escape::xml`]).

use super::diagram::{shown_links, DiagramMap};
use super::escape::xml;
use crate::analyse::SameAsLink;
use crate::graph::EdgeKind;
use petgraph::graph::NodeIndex;
use petgraph::visit::EdgeRef;
use std::fmt::Write;

const KEYS: &[(&str, &str, &str, &str)] = &[
    ("label", "node", "label", "string"),
    ("kind", "node", "kind", "string"),
    ("text", "node", "text", "string"),
    ("status", "node", "status", "string"),
    ("thesis", "node", "thesis", "boolean"),
    ("by", "node", "by", "string"),
    ("quote", "node", "quote", "string"),
    ("map", "node", "map", "string"),
    ("ekind", "edge", "kind", "string"),
    ("link", "edge", "link", "string"),
    ("argument", "edge", "argument", "int"),
];

/// XML-escaped text without the two non-characters XML 1.0 forbids.
fn text(s: &str) -> String {
    xml(&s.replace(['\u{FFFE}', '\u{FFFF}'], " "))
}

fn data(out: &mut String, key: &str, value: &str) {
    let _ = writeln!(out, "      <data key=\"{key}\">{}</data>", text(value));
}

/// The GraphML document of the maps.
pub fn render(maps: &[DiagramMap], links: &[SameAsLink]) -> String {
    let mut out = String::new();
    out.push_str("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    out.push_str(
        "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\" \
         xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" \
         xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns \
         http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n",
    );
    for (id, on, name, ty) in KEYS {
        let _ = writeln!(
            out,
            "  <key id=\"{id}\" for=\"{on}\" attr.name=\"{name}\" attr.type=\"{ty}\"/>"
        );
    }
    out.push_str("  <graph id=\"argmap\" edgedefault=\"directed\">\n");
    let several = maps.len() > 1;
    let name = |mi: usize, ix: NodeIndex| {
        let m = maps[mi].map;
        if several {
            format!("{}:{}", m.map_id(), m.graph.graph[ix].id)
        } else {
            m.graph.graph[ix].id.to_string()
        }
    };
    for (mi, dm) in maps.iter().enumerate() {
        let g = &dm.map.graph.graph;
        for ix in g.node_indices().filter(|&ix| dm.shows(ix)) {
            let n = &g[ix];
            let _ = writeln!(out, "    <node id=\"{}\">", text(&name(mi, ix)));
            data(&mut out, "label", n.id);
            data(&mut out, "kind", n.kind.name());
            data(&mut out, "text", n.text());
            data(&mut out, "status", dm.map.support.status(ix).name());
            data(
                &mut out,
                "thesis",
                if n.is_thesis() { "true" } else { "false" },
            );
            if let Some(by) = n.node.and_then(|x| x.by()) {
                data(&mut out, "by", by);
            }
            if let Some(q) = n.node.and_then(|x| x.quote.as_deref()) {
                data(&mut out, "quote", q);
            }
            data(&mut out, "map", dm.map.map_id());
            out.push_str("    </node>\n");
        }
    }
    let mut k = 0;
    let mut edge = |out: &mut String,
                    from: &str,
                    to: &str,
                    kind: &str,
                    link: Option<&str>,
                    argument: Option<usize>| {
        let _ = writeln!(
            out,
            "    <edge id=\"e{k}\" source=\"{}\" target=\"{}\">",
            text(from),
            text(to)
        );
        data(out, "ekind", kind);
        if let Some(l) = link {
            data(out, "link", l);
        }
        if let Some(n) = argument {
            data(out, "argument", &n.to_string());
        }
        out.push_str("    </edge>\n");
        k += 1;
    };
    for (mi, dm) in maps.iter().enumerate() {
        let g = &dm.map.graph.graph;
        for e in g.edge_references() {
            let (s, t) = (e.source(), e.target());
            if !dm.shows(s) || !dm.shows(t) {
                continue;
            }
            let (kind, link) = match e.weight() {
                EdgeKind::Supports => ("supports", None),
                EdgeKind::Attacks => ("attacks", None),
                EdgeKind::SameAs => ("same_as", None),
                EdgeKind::Undercuts { link } => (
                    "undercuts",
                    g.edge_endpoints(*link)
                        .map(|(a, b)| format!("{} -> {}", g[a].id, g[b].id)),
                ),
                EdgeKind::Cites { .. } => continue,
            };
            // The argument the link belongs to (an undercut: the one it undercuts), as
            // the map's inferences number them: a linked argument's edges share it.
            let infs = dm.map.inferences();
            let argument = match e.weight() {
                EdgeKind::Undercuts { link } => infs.of_edge(*link),
                _ => infs.of_edge(e.id()),
            };
            edge(
                &mut out,
                &name(mi, s),
                &name(mi, t),
                kind,
                link.as_deref(),
                argument,
            );
        }
    }
    for l in shown_links(maps, links) {
        let ((ma, a), (mb, b)) = (l.from, l.to);
        edge(&mut out, &name(ma, a), &name(mb, b), "same_as", None, None);
    }
    out.push_str("  </graph>\n</graphml>\n");
    out
}
