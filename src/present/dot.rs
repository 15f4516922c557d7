//! DOT diagrams, built with graphviz-rust.
//!
//! Conventions: the thesis is bold and gold; claims blue, evidence green (a note shape,
//! with its citation), rebuttals red; claims that lack cited support get a dashed orange
//! border and a `⚠ uncited` line. Supports are green arrows, attacks red arrows with a
//! flat (`tee`) head, undercuts dashed red arrows into a point on the link they attack.
//! Several maps are clusters, with grey dashed `same_as` lines between them. Long text
//! wraps at 32 characters. All map text is escaped ([`super::escape::dot`]).

use super::escape::{dot_quoted, wrap};
use crate::analyse::support::{describe_cite, Status};
use crate::analyse::{Analysed, SameAsLink};
use crate::build::{EdgeKind, GNode, NodeKind};
use graphviz_rust::dot_structures::{
    Attribute, Edge, EdgeTy, Graph, GraphAttributes, Id, Node, NodeId, Stmt, Subgraph, Vertex,
};
use graphviz_rust::printer::{DotPrinter, PrinterContext};
use petgraph::graph::{EdgeIndex, NodeIndex};
use petgraph::visit::EdgeRef;
use std::collections::HashSet;

/// Characters per line of a node label.
pub const WRAP: usize = 32;

/// One map to draw, and (with `--focus`) the nodes to show.
pub struct DiagramMap<'a, 'f> {
    pub map: &'a Analysed<'f>,
    pub visible: Option<HashSet<NodeIndex>>,
}

fn quoted(s: &str) -> Id {
    Id::Escaped(dot_quoted(s))
}

/// A DOT attribute `k="v"` (the value escaped).
pub fn attr(k: &str, v: &str) -> Attribute {
    Attribute(Id::Plain(k.to_string()), quoted(v))
}

fn node_id(s: &str) -> NodeId {
    NodeId(quoted(s), None)
}

/// An edge statement between two node names.
pub fn edge(from: &str, to: &str, attributes: Vec<Attribute>) -> Stmt {
    Stmt::Edge(Edge {
        ty: EdgeTy::Pair(Vertex::N(node_id(from)), Vertex::N(node_id(to))),
        attributes,
    })
}

/// The lines of a node's label, unescaped: id (and role), wrapped text, holder,
/// citations, support mark. Every diagram format draws these.
pub fn label_lines(m: &Analysed, ix: NodeIndex) -> Vec<String> {
    let n: &GNode = &m.graph.graph[ix];
    let mut lines = Vec::new();
    lines.push(if n.is_thesis() {
        format!("THESIS · {}", n.id)
    } else {
        n.id.to_string()
    });
    lines.extend(wrap(n.text(), WRAP));
    if let Some(by) = n.node.and_then(|x| x.by()) {
        lines.push(format!("— {by}"));
    }
    if let Some(node) = n.node {
        for c in &node.cites {
            // The work's title (or note) stands for the source id when there is one.
            let title = m
                .graph
                .map
                .sources
                .get(&c.source)
                .and_then(|s| s.title.as_deref().or(s.note.as_deref()));
            let cite = match title {
                Some(t) => describe_cite(&crate::parse::Cite {
                    source: t.into(),
                    ..c.clone()
                }),
                None => describe_cite(c),
            };
            lines.extend(wrap(&format!("[{cite}]"), WRAP + 8));
        }
    }
    if n.kind == NodeKind::Claim {
        match m.support.status(ix) {
            Status::Cited => {}
            Status::Uncited => lines.push("⚠ uncited".into()),
            Status::Unsupported => lines.push("⚠ unsupported".into()),
        }
    }
    lines
}

/// The label of a node for DOT: [`label_lines`] joined by line breaks.
pub fn label(m: &Analysed, ix: NodeIndex) -> String {
    label_lines(m, ix).join("\n")
}

fn node_attrs(m: &Analysed, ix: NodeIndex) -> Vec<Attribute> {
    let n = &m.graph.graph[ix];
    let lacking = n.kind == NodeKind::Claim && m.support.status(ix) != Status::Cited;
    let (shape, fill) = match n.kind {
        NodeKind::Claim if n.is_thesis() => ("box", "#fff3b0"),
        NodeKind::Claim => ("box", "#e3f2fd"),
        NodeKind::Evidence => ("note", "#e8f5e9"),
        NodeKind::Rebuttal => ("box", "#ffebee"),
        NodeKind::Source => ("folder", "#f5f5f5"),
    };
    let mut style = vec!["filled"];
    if n.kind != NodeKind::Evidence {
        style.push("rounded");
    }
    if lacking {
        style.push("dashed");
    }
    let mut a = vec![
        attr("label", &label(m, ix)),
        attr("shape", shape),
        attr("style", &style.join(",")),
        attr("fillcolor", fill),
    ];
    if n.is_thesis() {
        a.push(attr("penwidth", "3"));
        a.push(attr("fontsize", "16"));
    }
    if lacking {
        a.push(attr("color", "#e65100"));
    }
    a
}

fn edge_style(kind: &EdgeKind) -> Vec<Attribute> {
    match kind {
        EdgeKind::Supports => vec![attr("color", "#2e7d32"), attr("arrowhead", "normal")],
        EdgeKind::Attacks => vec![attr("color", "#c62828"), attr("arrowhead", "tee")],
        EdgeKind::Undercuts { .. } => vec![
            attr("color", "#c62828"),
            attr("style", "dashed"),
            attr("arrowhead", "tee"),
        ],
        _ => vec![],
    }
}

/// The statements of one map: nodes, then edges, prefixing node names with `prefix`.
fn map_stmts(dm: &DiagramMap, prefix: &str) -> Vec<Stmt> {
    let m = dm.map;
    let g = &m.graph.graph;
    let shown = |ix: NodeIndex| {
        g[ix].kind != NodeKind::Source && dm.visible.as_ref().is_none_or(|v| v.contains(&ix))
    };
    let name = |ix: NodeIndex| format!("{prefix}{}", g[ix].id);
    let mut stmts = Vec::new();
    for ix in g.node_indices().filter(|&ix| shown(ix)) {
        stmts.push(Stmt::Node(Node::new(node_id(&name(ix)), node_attrs(m, ix))));
    }
    // Links that are undercut are drawn through a point the undercut can aim at.
    let undercut = m.graph.undercut_links();
    let link_point = |e: EdgeIndex| -> Option<String> {
        let (a, b) = g.edge_endpoints(e)?;
        Some(format!("{prefix}{} -> {}", g[a].id, g[b].id))
    };
    for e in g.edge_references() {
        let (a, b) = (e.source(), e.target());
        if !shown(a) || !shown(b) {
            continue;
        }
        match e.weight() {
            EdgeKind::Supports | EdgeKind::Attacks if undercut.contains(&e.id()) => {
                let Some(p) = link_point(e.id()) else {
                    continue;
                };
                stmts.push(Stmt::Node(Node::new(
                    node_id(&p),
                    vec![
                        attr("shape", "point"),
                        attr("width", "0.08"),
                        attr("label", ""),
                    ],
                )));
                let mut first = edge_style(e.weight());
                first.retain(|Attribute(k, _)| *k != Id::Plain("arrowhead".into()));
                first.push(attr("arrowhead", "none"));
                stmts.push(edge(&name(a), &p, first));
                stmts.push(edge(&p, &name(b), edge_style(e.weight())));
            }
            EdgeKind::Supports | EdgeKind::Attacks => {
                stmts.push(edge(&name(a), &name(b), edge_style(e.weight())));
            }
            EdgeKind::Undercuts { link } => {
                let Some(p) = link_point(*link) else { continue };
                let visible_link = g
                    .edge_endpoints(*link)
                    .is_some_and(|(x, y)| shown(x) && shown(y));
                let to = if visible_link { p } else { name(b) };
                stmts.push(edge(&name(a), &to, edge_style(e.weight())));
            }
            EdgeKind::SameAs => {
                stmts.push(edge(&name(a), &name(b), same_as_style()));
            }
            EdgeKind::Cites { .. } => {}
        }
    }
    stmts
}

/// The style of a `same_as` link: a grey dashed line labelled "same as".
pub fn same_as_style() -> Vec<Attribute> {
    vec![
        attr("style", "dashed"),
        attr("color", "#757575"),
        attr("dir", "none"),
        attr("constraint", "false"),
        attr("label", "same as"),
        attr("fontcolor", "#757575"),
    ]
}

/// Maps with more drawn nodes than this are laid out right to left (a tall picture)
/// instead of bottom to top (a wide one), unless a direction is given.
pub const TALL_FROM: usize = 60;

/// The graph, node and edge attributes every diagram starts with.
pub fn header(rankdir: &str) -> Vec<Stmt> {
    vec![
        Stmt::GAttribute(GraphAttributes::Graph(vec![
            attr("rankdir", rankdir),
            attr("fontname", "Helvetica"),
            attr("nodesep", "0.3"),
            attr("ranksep", "0.5"),
        ])),
        Stmt::GAttribute(GraphAttributes::Node(vec![
            attr("fontname", "Helvetica"),
            attr("fontsize", "11"),
            attr("margin", "0.12,0.06"),
        ])),
        Stmt::GAttribute(GraphAttributes::Edge(vec![attr("penwidth", "1.4")])),
    ]
}

/// The prefix of the DOT node names of map `i`: `map-id:` when several maps are drawn.
pub fn name_prefix(maps: &[DiagramMap], i: usize) -> String {
    if maps.len() > 1 {
        format!("{}:", maps[i].map.map_id())
    } else {
        String::new()
    }
}

/// The DOT graph of one or more maps; several maps become clusters joined by `links`.
/// `rankdir` is Graphviz's direction (`BT`, `RL`...); `None` picks one by size.
pub fn graph(maps: &[DiagramMap], links: &[SameAsLink], rankdir: Option<&str>) -> Graph {
    let drawn: usize = maps
        .iter()
        .map(|m| match &m.visible {
            Some(v) => v.len(),
            None => m.map.graph.graph.node_count(),
        })
        .sum();
    let rankdir = rankdir.unwrap_or(if drawn > TALL_FROM { "RL" } else { "BT" });
    let mut stmts = header(rankdir);
    let several = maps.len() > 1;
    let prefix = |i: usize| name_prefix(maps, i);
    for (i, dm) in maps.iter().enumerate() {
        let body = map_stmts(dm, &prefix(i));
        if several {
            let map = dm.map.graph.map;
            let title = map.title.as_deref().or(map.id.as_deref()).unwrap_or("");
            let mut sub = vec![
                Stmt::Attribute(attr("label", &wrap(title, 60).join("\n"))),
                Stmt::Attribute(attr("style", "rounded")),
                Stmt::Attribute(attr("color", "#9e9e9e")),
            ];
            sub.extend(body);
            stmts.push(Stmt::Subgraph(Subgraph {
                id: quoted(&format!("cluster_{i}")),
                stmts: sub,
            }));
        } else {
            stmts.extend(body);
        }
    }
    for l in links {
        let (ma, a) = l.from;
        let (mb, b) = l.to;
        let visible =
            |mi: usize, ix: NodeIndex| maps[mi].visible.as_ref().is_none_or(|v| v.contains(&ix));
        if !visible(ma, a) || !visible(mb, b) {
            continue;
        }
        let na = format!("{}{}", prefix(ma), maps[ma].map.graph.graph[a].id);
        let nb = format!("{}{}", prefix(mb), maps[mb].map.graph.graph[b].id);
        stmts.push(edge(&na, &nb, same_as_style()));
    }
    Graph::DiGraph {
        id: quoted("argmap"),
        strict: false,
        stmts,
    }
}

/// One map as cluster `cluster_{i}` (titled with the map's title, and `note` below it),
/// its node names prefixed with `prefix`; the nodes in `dimmed` are drawn grey and light,
/// as are the links that touch them (`compare` uses this for the nodes it could not align).
pub fn cluster(
    dm: &DiagramMap,
    i: usize,
    prefix: &str,
    dimmed: &HashSet<NodeIndex>,
    note: Option<&str>,
) -> Stmt {
    let g = &dm.map.graph.graph;
    // Node names as printed (quoted), to recognise them in the statements.
    let grey: HashSet<String> = dimmed
        .iter()
        .map(|&ix| dot_quoted(&format!("{prefix}{}", g[ix].id)))
        .collect();
    let is_grey =
        |v: &Vertex| matches!(v, Vertex::N(NodeId(Id::Escaped(q), _)) if grey.contains(q));
    let set = |attrs: &mut Vec<Attribute>, k: &str, v: &str| {
        attrs.retain(|Attribute(key, _)| *key != Id::Plain(k.into()));
        attrs.push(attr(k, v));
    };
    let mut body = map_stmts(dm, prefix);
    for st in body.iter_mut() {
        match st {
            Stmt::Node(n) if is_grey(&Vertex::N(n.id.clone())) => {
                for (k, v) in [
                    ("fillcolor", "#f7f7f7"),
                    ("color", "#c8c8c8"),
                    ("fontcolor", "#8a8a8a"),
                    ("penwidth", "1"),
                ] {
                    set(&mut n.attributes, k, v);
                }
            }
            Stmt::Edge(Edge {
                ty: EdgeTy::Pair(a, b),
                attributes,
            }) if is_grey(a) || is_grey(b) => {
                set(attributes, "color", "#d6d6d6");
            }
            _ => {}
        }
    }
    let map = dm.map.graph.map;
    let title = map.title.as_deref().or(map.id.as_deref()).unwrap_or("");
    let mut label = wrap(title, 60);
    label.extend(note.map(|n| wrap(n, 60)).unwrap_or_default());
    let mut sub = vec![
        Stmt::Attribute(attr("label", &label.join("\n"))),
        Stmt::Attribute(attr("style", "rounded")),
        Stmt::Attribute(attr("color", "#9e9e9e")),
    ];
    sub.extend(body);
    Stmt::Subgraph(Subgraph {
        id: quoted(&format!("cluster_{i}")),
        stmts: sub,
    })
}

/// DOT text of a graph.
pub fn print(g: &Graph) -> String {
    let mut ctx = PrinterContext::default();
    let mut s = g.print(&mut ctx);
    s.push('\n');
    s
}
