//! `render --format graphml`: GraphML for yEd, Gephi, Cytoscape and networkx.
//!
//! Nodes are the claims, evidence items and rebuttals, with `label` (the id), `kind`,
//! `text`, `status` (support status), `thesis`, `by`, `quote` and `map` as `<data>`;
//! edges carry `kind` (`supports`, `attacks`, `undercuts`, `same_as`) and, for an
//! undercut, `link` (`A -> B`, the link it attacks; the edge itself goes to `B`), and
//! `argument`: the number of the argument a supports/attacks edge belongs to (the edges
//! of a linked argument share it) or an undercut attacks, as
//! [`crate::analyse::Analysed::inferences`] numbers them.
//! A map's groups are nodes of kind `group` holding nested `<graph>`s with their nodes
//! (GraphML's nested graphs).
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
    ("contradicts", "node", "contradicts", "string"),
    ("ekind", "edge", "kind", "string"),
    ("link", "edge", "link", "string"),
    ("argument", "edge", "argument", "int"),
    ("implicit", "node", "implicit", "boolean"),
    ("answers", "node", "answers", "string"),
    ("scheme", "edge", "scheme", "string"),
];

/// XML-escaped text without the two non-characters XML 1.0 forbids.
fn text(s: &str) -> String {
    xml(&s.replace(['\u{FFFE}', '\u{FFFF}'], " "))
}

/// A `<data>` of the edge just written: put before its closing tag.
fn edge_data(out: &mut String, key: &str, value: &str) {
    if out.ends_with("    </edge>\n") {
        out.truncate(out.len() - "    </edge>\n".len());
        data(out, key, value);
        out.push_str("    </edge>\n");
    }
}

fn data(out: &mut String, key: &str, value: &str) {
    let _ = writeln!(out, "      <data key=\"{key}\">{}</data>", text(value));
}

/// The GraphML document of the maps.
pub fn render(maps: &[DiagramMap], links: &[SameAsLink]) -> String {
    let mut doc = Doc {
        out: header(),
        maps,
        several: maps.len() > 1,
        edges: 0,
    };
    for (mi, dm) in maps.iter().enumerate() {
        if !dm.map.groups().is_empty() {
            doc.grouped_nodes(mi);
            continue;
        }
        for ix in dm.map.graph.graph.node_indices().filter(|&ix| dm.shows(ix)) {
            doc.node(mi, ix);
        }
    }
    for mi in 0..maps.len() {
        doc.map_edges(mi);
    }
    for l in shown_links(maps, links) {
        let ((ma, a), (mb, b)) = (l.from, l.to);
        let (from, to) = (doc.name(ma, a), doc.name(mb, b));
        doc.edge(&from, &to, "same_as", None, None);
    }
    for l in super::diagram::shown_contradicts(maps) {
        let ((ma, a), (mb, b)) = (l.from, l.to);
        let (from, to) = (doc.name(ma, a), doc.name(mb, b));
        doc.edge(&from, &to, "contradicts", None, None);
    }
    doc.out.push_str("  </graph>\n</graphml>\n");
    doc.out
}

/// The XML declaration, the `<graphml>` element, its `<key>`s and the opening `<graph>`.
fn header() -> String {
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
    out
}

/// The document being written: its text so far, the maps, and the edges numbered so far.
struct Doc<'d, 'a, 'f> {
    out: String,
    maps: &'d [DiagramMap<'a, 'f>],
    /// Several maps: node ids are prefixed with `map-id:`.
    several: bool,
    /// The number of edges written (the next edge is `e{edges}`).
    edges: usize,
}

impl Doc<'_, '_, '_> {
    /// The GraphML id of node `ix` of map `mi`.
    fn name(&self, mi: usize, ix: NodeIndex) -> String {
        let m = self.maps[mi].map;
        if self.several {
            format!("{}:{}", m.map_id(), m.graph.graph[ix].id)
        } else {
            m.graph.graph[ix].id.to_string()
        }
    }

    /// Writes node `ix` of map `mi` with its `<data>`.
    fn node(&mut self, mi: usize, ix: NodeIndex) {
        let dm = &self.maps[mi];
        let n = &dm.map.graph.graph[ix];
        let name = self.name(mi, ix);
        let out = &mut self.out;
        let _ = writeln!(out, "    <node id=\"{}\">", text(&name));
        data(out, "label", n.id);
        data(out, "kind", n.kind.name());
        data(out, "text", n.text());
        data(out, "status", dm.map.support().status(ix).name());
        data(out, "thesis", if n.is_thesis() { "true" } else { "false" });
        if let Some(by) = n.node.and_then(|x| x.by()) {
            data(out, "by", by);
        }
        if let Some(q) = n.node.and_then(|x| x.quote.as_deref()) {
            data(out, "quote", q);
        }
        data(out, "map", dm.map.map_id());
        if let Some(c) = n.node.map(|x| x.contradicts()).filter(|c| !c.is_empty()) {
            // `other-map-id:NODE` references, as written, one space between two.
            let refs: Vec<&str> = c.iter().map(|s| s.as_str()).collect();
            data(out, "contradicts", &refs.join(" "));
        }
        if n.node.is_some_and(|x| x.implicit()) {
            data(out, "implicit", "true");
        }
        if let Some(a) = n.node.and_then(|x| x.answers()) {
            data(out, "answers", a);
        }
        out.push_str("    </node>\n");
    }

    /// Writes the nodes of map `mi`, which has groups: those of no group, then each
    /// group that holds a shown node as a node of kind `group` (`label` its id, `text`
    /// its title) holding a nested `<graph>` with its nodes and subgroups, as GraphML
    /// nests graphs. A group node's id is `group:ID` (`map-id:group:ID` with several
    /// maps), which no node id can be (node ids hold no `:`); its graph's id is the
    /// node's id followed by `:`. The edges stay in the top graph, an ancestor of both
    /// ends of each.
    fn grouped_nodes(&mut self, mi: usize) {
        let dm = &self.maps[mi];
        let groups = dm.map.groups();
        let holds = groups.holding(|ix| dm.shows(ix));
        // Graphs nest as deep as DOT's clusters do (XML readers limit nesting).
        let drawn = groups.drawn_as(super::dot_groups::MAX_DEPTH);
        let mut members: Vec<Vec<NodeIndex>> = vec![Vec::new(); groups.list.len()];
        for ix in dm.map.graph.graph.node_indices().filter(|&ix| dm.shows(ix)) {
            match groups.of_node(ix) {
                Some(k) if holds[k] => members[drawn[k]].push(ix),
                _ => self.node(mi, ix),
            }
        }
        let prefix = if self.several {
            format!("{}:", dm.map.map_id())
        } else {
            String::new()
        };
        let mut open: Vec<usize> = Vec::new();
        let close = |out: &mut String| out.push_str("    </graph>\n    </node>\n");
        for k in groups
            .tree_order()
            .into_iter()
            .filter(|&k| holds[k] && drawn[k] == k)
        {
            let info = &groups.list[k];
            while open.last().is_some_and(|&o| Some(o) != info.parent) {
                open.pop();
                close(&mut self.out);
            }
            let title = groups
                .entry(dm.map.graph.map, k)
                .and_then(|e| e.title())
                .unwrap_or(info.id.as_str());
            let id = format!("{prefix}group:{}", info.id);
            let out = &mut self.out;
            let _ = writeln!(out, "    <node id=\"{}\">", text(&id));
            data(out, "label", &info.id);
            data(out, "kind", "group");
            data(out, "text", title);
            data(out, "map", dm.map.map_id());
            let _ = writeln!(
                out,
                "    <graph id=\"{}:\" edgedefault=\"directed\">",
                text(&id)
            );
            open.push(k);
            for &ix in &members[k] {
                self.node(mi, ix);
            }
        }
        for _ in open {
            close(&mut self.out);
        }
    }

    /// Writes the edges of map `mi` between shown nodes, in graph order.
    fn map_edges(&mut self, mi: usize) {
        let dm = &self.maps[mi];
        let g = &dm.map.graph.graph;
        let schemes = dm.map.schemes();
        for e in g.edge_references() {
            let (s, t) = (e.source(), e.target());
            if !dm.shows(s) || !dm.shows(t) {
                continue;
            }
            let (kind, link) = match e.weight() {
                EdgeKind::Supports => ("supports", None),
                EdgeKind::Attacks => ("attacks", None),
                EdgeKind::SameAs => ("same_as", None),
                EdgeKind::Undercuts { link } => {
                    ("undercuts", Some(dm.map.graph.link_ids(*link).join(" -> ")))
                }
                EdgeKind::Cites { .. } => continue,
            };
            // The argument the link belongs to (an undercut: the one it undercuts), as
            // the map's inferences number them: a linked argument's edges share it.
            let infs = dm.map.inferences();
            let argument = match e.weight() {
                EdgeKind::Undercuts { link } => infs.of_edge(*link),
                _ => infs.of_edge(e.id()),
            };
            let (from, to) = (self.name(mi, s), self.name(mi, t));
            self.edge(&from, &to, kind, link.as_deref(), argument);
            // The argument's scheme, on its supports/attacks edges.
            if let Some(sc) = argument
                .filter(|_| link.is_none())
                .and_then(|i| super::diagram::scheme_of(&schemes, i))
            {
                edge_data(&mut self.out, "scheme", sc);
            }
        }
    }

    /// Writes the next edge, `e{edges}`, with its `<data>`.
    fn edge(
        &mut self,
        from: &str,
        to: &str,
        kind: &str,
        link: Option<&str>,
        argument: Option<usize>,
    ) {
        let out = &mut self.out;
        let _ = writeln!(
            out,
            "    <edge id=\"e{}\" source=\"{}\" target=\"{}\">",
            self.edges,
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
        self.edges += 1;
    }
}
