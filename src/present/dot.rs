//! DOT diagrams, built with graphviz-rust: statement by statement, printed as they are
//! made ([`write()`]) or collected into a graph ([`graph`]).
//!
//! Conventions: the thesis is bold and gold; claims blue, evidence green (a note shape,
//! with its citation), rebuttals red; claims that lack cited support get a dashed orange
//! border and a `⚠ uncited` line. Supports are green arrows, attacks red arrows with a
//! flat (`tee`) head, undercuts dashed red arrows into a point on the link they attack.
//! A linked argument (co-premises with `with`) is drawn through one point: each premise
//! runs into it without an arrowhead, one arrow leaves it for the conclusion, and an
//! undercut of the argument aims at it. The arguments are the map's own
//! ([`crate::analyse::Analysed::inferences`]), as every format shows them.
//! Several maps are clusters, with grey dashed `same_as` lines between them (and red
//! dashed double-headed `contradicts` lines). Long text
//! wraps at 32 characters. All map text is escaped ([`super::escape::dot`]).
//!
//! What is drawn (the maps, their visible nodes, the label lines, the points' names) is
//! the diagram model of [`super::diagram`], which every format shares; [`DiagramMap`]
//! is re-exported here for the callers that draw DOT.

pub use super::diagram::DiagramMap;

use super::diagram::{label_lines, point_name, scheme_of, shown_links, FOCUS_COLOR};
use super::escape::{dot_quoted, wrap};
use super::layout::twopi_ranksep;
pub use super::layout::Engine;
use crate::analyse::schemes::MapSchemes;
use crate::analyse::support::Status;
use crate::analyse::{Analysed, SameAsLink};
use crate::graph::{EdgeKind, NodeKind};
use graphviz_rust::dot_structures::{
    Attribute, Edge, EdgeTy, Graph, GraphAttributes, Id, Node, NodeId, Stmt, Subgraph, Vertex,
};
use graphviz_rust::printer::{DotPrinter, PrinterContext};
use petgraph::graph::NodeIndex;
use petgraph::visit::EdgeRef;
use std::collections::HashSet;
use std::io::Write;

/// Marks a node's attributes as the focus: a double border, thick, in [`FOCUS_COLOR`]
/// (the dashed style of a claim without cited support stays).
fn mark_focus(attrs: &mut Vec<Attribute>) {
    attrs.retain(|Attribute(k, _)| {
        !matches!(k, Id::Plain(k) if k == "color" || k == "penwidth" || k == "peripheries")
    });
    attrs.push(attr("peripheries", "2"));
    attrs.push(attr("color", FOCUS_COLOR));
    attrs.push(attr("penwidth", "2.5"));
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

/// Statements that put the clusters holding `nodes` in that order, left to right (for
/// `rankdir` BT or TB; top to bottom for LR or RL). Graphviz orders side-by-side
/// clusters as it sees fit; here one invisible point per cluster, outside them all, share
/// a rank and are chained by invisible edges, which Graphviz draws in order, and each is
/// tied to its node by an invisible edge: another order of the clusters would cross
/// those edges. (Putting the nodes themselves on one rank would take a lone node out of
/// its cluster, and Graphviz 2.43 aborts on a named subgraph doing so.) Fewer than two
/// nodes need nothing.
///
/// Maps that draw group clusters (`grouped`) get nothing: Graphviz 2.43 fails ("trouble
/// in init_rank") when points tied to nodes inside nested clusters share a rank and
/// `same_as` links join the maps (tied either way, or to a point of the map's own
/// cluster: tried on the two essay maps), so such maps stand where Graphviz puts them,
/// most often in the order written.
pub fn in_order(nodes: &[String], grouped: bool) -> Vec<Stmt> {
    if grouped || nodes.len() < 2 {
        return Vec::new();
    }
    // Node names of several maps hold a `:` (`map-id:NODE`): these never clash with one.
    let anchors: Vec<String> = (0..nodes.len()).map(|i| format!("anchor-{i}")).collect();
    let mut rank = vec![Stmt::Attribute(attr("rank", "same"))];
    rank.extend(anchors.iter().map(|a| {
        Stmt::Node(Node {
            id: node_id(a),
            attributes: vec![
                attr("shape", "point"),
                attr("style", "invis"),
                attr("width", "0"),
                attr("height", "0"),
                attr("label", ""),
            ],
        })
    }));
    let invisible = || vec![attr("style", "invis")];
    let mut out = vec![Stmt::Subgraph(Subgraph {
        id: Id::Anonymous(String::new()),
        stmts: rank,
    })];
    out.extend(anchors.windows(2).map(|w| edge(&w[0], &w[1], invisible())));
    out.extend(
        nodes
            .iter()
            .zip(&anchors)
            .map(|(n, a)| edge(n, a, invisible())),
    );
    out
}

/// The node that holds a map's cluster in place ([`in_order`]): its first drawn thesis,
/// else its first drawn node; `None` when nothing of it is drawn.
pub fn anchor_node(dm: &DiagramMap) -> Option<NodeIndex> {
    let g = &dm.map.graph.graph;
    let drawn = |ix: &NodeIndex| dm.shows(*ix);
    g.node_indices()
        .filter(drawn)
        .find(|&ix| g[ix].is_thesis())
        .or_else(|| g.node_indices().find(drawn))
}

/// The label of a node for DOT: [`label_lines`] joined by line breaks.
pub fn label(m: &Analysed, ix: NodeIndex) -> String {
    label_lines(m, ix).join("\n")
}

fn node_attrs(m: &Analysed, ix: NodeIndex) -> Vec<Attribute> {
    let n = &m.graph.graph[ix];
    let lacking = n.kind == NodeKind::Claim && m.support().status(ix) != Status::Cited;
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
    let implicit = n.node.is_some_and(|x| x.implicit());
    if lacking || implicit {
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
    } else if implicit {
        a.push(attr("color", "#616161"));
    }
    a
}

/// An argument's scheme as a small label on the arrow into its conclusion.
fn scheme_label(schemes: &MapSchemes, i: Option<usize>, attrs: &mut Vec<Attribute>) {
    if let Some(s) = i.and_then(|i| scheme_of(schemes, i)) {
        attrs.push(attr("label", s));
        attrs.push(attr("fontsize", "9"));
        attrs.push(attr("fontcolor", "#555555"));
    }
}

/// A premise's line into the point `p` of its argument (no arrowhead) and, when the
/// point is `fresh` (its first premise), the point itself and one arrow `out` from it to
/// `to` (the conclusion, or the point of the argument undercut).
fn via_point(
    sink: &mut dyn FnMut(Stmt) -> Sunk,
    premise: &str,
    p: &str,
    to: &str,
    kind: &EdgeKind,
    out: Vec<Attribute>,
    fresh: bool,
) -> Sunk {
    if fresh {
        sink(Stmt::Node(Node::new(
            node_id(p),
            vec![
                attr("shape", "point"),
                attr("width", "0.08"),
                attr("label", ""),
            ],
        )))?;
    }
    let mut line = edge_style(kind);
    line.retain(|Attribute(k, _)| *k != Id::Plain("arrowhead".into()));
    line.push(attr("arrowhead", "none"));
    sink(edge(premise, p, line))?;
    if fresh {
        sink(edge(p, to, out))?;
    }
    Ok(())
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

/// The statements of one map, given one at a time to `parts`: nodes (in the clusters of
/// their groups, which open and close around them), then edges, node names prefixed
/// with `prefix`.
fn map_stmts(dm: &DiagramMap, prefix: &str, parts: &mut dyn FnMut(Part) -> Sunk) -> Sunk {
    let m = dm.map;
    let g = &m.graph.graph;
    let shown = |ix: NodeIndex| dm.shows(ix);
    let name = |ix: NodeIndex| format!("{prefix}{}", g[ix].id);
    let node = |ix: NodeIndex| {
        let mut attrs = node_attrs(m, ix);
        if dm.focus == Some(ix) {
            mark_focus(&mut attrs);
        }
        Stmt::Node(Node::new(node_id(&name(ix)), attrs))
    };
    if !m.groups().is_empty() {
        super::dot_groups::node_parts(dm, prefix, &node, parts)?;
    } else {
        for ix in g.node_indices().filter(|&ix| shown(ix)) {
            parts(Part::Stmt(node(ix)))?;
        }
    }
    // Groups open and close clusters (parts, above); the rest are statements.
    let sink = &mut |st: Stmt| parts(Part::Stmt(st));
    // An argument that is linked (several premises) or undercut is drawn through a
    // point: each premise runs into it, it points at the conclusion, and an undercut
    // aims at it. The arguments are the map's own ([`Analysed::inferences`]).
    let infs = m.inferences();
    let schemes = m.schemes();
    let through_point = |i: usize| {
        let inf = &infs.list[i];
        inf.is_linked() || !inf.undercutters.is_empty()
    };
    // A point is drawn when its conclusion and some premise are (for an undercut, when
    // the point it aims at is drawn too: walked from the undercut inwards).
    let point_drawn = |mut i: usize| loop {
        let inf = &infs.list[i];
        if !shown(inf.target) || !inf.premises.iter().any(|&p| shown(p)) {
            break false;
        }
        match inf.undercut() {
            Some(of) => i = of,
            None => break true,
        }
    };
    let point = |i: usize| point_name(&m.graph, prefix, &infs.list[i], &infs.list);
    let mut opened = vec![false; infs.list.len()];
    for e in g.edge_references() {
        let (a, b) = (e.source(), e.target());
        if !shown(a) || !shown(b) {
            continue;
        }
        match e.weight() {
            EdgeKind::Supports | EdgeKind::Attacks => {
                let Some(i) = infs.of_edge(e.id()).filter(|&i| through_point(i)) else {
                    let mut style = edge_style(e.weight());
                    scheme_label(&schemes, infs.of_edge(e.id()), &mut style);
                    sink(edge(&name(a), &name(b), style))?;
                    continue;
                };
                let mut out = edge_style(e.weight());
                scheme_label(&schemes, Some(i), &mut out);
                let fresh = !std::mem::replace(&mut opened[i], true);
                via_point(sink, &name(a), &point(i), &name(b), e.weight(), out, fresh)?;
            }
            EdgeKind::Undercuts { link } => {
                // Into the point of the inference undercut (an undercut's own point, for
                // an undercut of an undercut), else the conclusion.
                let to = match infs.of_edge(*link).filter(|&i| point_drawn(i)) {
                    Some(i) => point(i),
                    None => name(b),
                };
                // A linked or undercut undercut runs through a point of its own.
                let Some(i) =
                    (infs.of_edge(e.id())).filter(|&i| through_point(i) && point_drawn(i))
                else {
                    sink(edge(&name(a), &to, edge_style(e.weight())))?;
                    continue;
                };
                let fresh = !std::mem::replace(&mut opened[i], true);
                let out = edge_style(e.weight());
                via_point(sink, &name(a), &point(i), &to, e.weight(), out, fresh)?;
            }
            EdgeKind::SameAs => {
                sink(edge(&name(a), &name(b), same_as_style()))?;
            }
            EdgeKind::Cites { .. } => {}
        }
    }
    Ok(())
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

/// The style of a `contradicts` link between maps: a red dashed line with both
/// arrowheads, labelled "contradicts".
pub fn contradicts_style() -> Vec<Attribute> {
    vec![
        attr("style", "dashed"),
        attr("color", "#c62828"),
        attr("dir", "both"),
        attr("arrowhead", "normal"),
        attr("arrowtail", "normal"),
        attr("constraint", "false"),
        attr("label", "contradicts"),
        attr("fontcolor", "#c62828"),
    ]
}

/// How a diagram is drawn beyond its content: the direction of its arrows and the
/// Graphviz engine that lays it out ([`super::layout`]).
#[derive(Debug, Clone, Copy, Default)]
pub struct Style<'s> {
    /// Graphviz's `rankdir` (`BT`, `RL`...); `None` picks one by size.
    pub rankdir: Option<&'s str>,
    /// The engine: anything but `dot` is named in the graph (`layout=...`), with what
    /// it needs (`twopi`: the centre and the rings' spacing).
    pub engine: Engine,
}

impl<'s> Style<'s> {
    /// `rankdir`, laid out by `dot`.
    pub fn rankdir(rankdir: Option<&'s str>) -> Style<'s> {
        Style {
            rankdir,
            engine: Engine::Dot,
        }
    }
}

/// The number of nodes a diagram of `maps` draws (claims, evidence and rebuttals shown;
/// the points of linked arguments not counted).
pub fn drawn_nodes(maps: &[DiagramMap]) -> usize {
    maps.iter()
        .map(|dm| {
            dm.map
                .graph
                .graph
                .node_indices()
                .filter(|&ix| dm.shows(ix))
                .count()
        })
        .sum()
}

/// The graph attributes of `engine` for a diagram of `maps` whose node names are
/// prefixed with `prefixes` (one per map): none for `dot`; the engine's name for
/// `sfdp`; for `twopi` also its centre (the first map's first drawn thesis, else its
/// first drawn node) and rings wide enough for their nodes
/// ([`super::layout::twopi_ranksep`], over the drawn nodes and the links between them).
pub fn engine_attrs(maps: &[DiagramMap], prefixes: &[String], engine: Engine) -> Vec<Attribute> {
    match engine {
        Engine::Dot => Vec::new(),
        Engine::Sfdp => vec![attr("layout", "sfdp")],
        Engine::Twopi => {
            let mut attrs = vec![attr("layout", "twopi")];
            // Drawn nodes numbered across the maps; links between drawn nodes, both ways.
            let mut number = std::collections::HashMap::new();
            for (mi, dm) in maps.iter().enumerate() {
                for ix in dm.map.graph.graph.node_indices().filter(|&ix| dm.shows(ix)) {
                    let n = number.len();
                    number.insert((mi, ix), n);
                }
            }
            let mut adjacent = vec![Vec::new(); number.len()];
            for (mi, dm) in maps.iter().enumerate() {
                for e in dm.map.graph.graph.edge_references() {
                    let ends = (number.get(&(mi, e.source())), number.get(&(mi, e.target())));
                    if let (Some(&a), Some(&b)) = ends {
                        adjacent[a].push(b);
                        adjacent[b].push(a);
                    }
                }
            }
            let centre = maps.first().and_then(|dm| anchor_node(dm));
            if let Some(ix) = centre {
                let prefix = prefixes.first().map(String::as_str).unwrap_or("");
                let name = format!("{prefix}{}", maps[0].map.graph.graph[ix].id);
                attrs.push(attr("root", &name));
                attrs.push(attr("ranksep", &twopi_ranksep(&adjacent, number[&(0, ix)])));
            }
            attrs
        }
    }
}

/// Names `engine` in `graph` (a diagram of `maps`, node names prefixed with
/// `prefixes`), as [`engine_attrs`] gives it: a graph attribute statement after the
/// header. `dot` changes nothing.
pub fn set_engine(graph: &mut Graph, maps: &[DiagramMap], prefixes: &[String], engine: Engine) {
    let attrs = engine_attrs(maps, prefixes, engine);
    if attrs.is_empty() {
        return;
    }
    let (Graph::DiGraph { stmts, .. } | Graph::Graph { stmts, .. }) = graph;
    let at = stmts
        .iter()
        .position(|s| !matches!(s, Stmt::GAttribute(_)))
        .unwrap_or(stmts.len());
    stmts.insert(at, Stmt::GAttribute(GraphAttributes::Graph(attrs)));
}

/// The direction a diagram of `maps` is drawn in when none is given: `BT` up to
/// [`TALL_FROM`] drawn nodes; beyond, by the shape of the drawn graph (its layers by
/// the longest path of links into each node, [`super::layout::Shape`]): `BT` for a wide
/// shallow graph, `RL` for a deep narrow one ([`super::layout::Shape::rankdir`]).
pub fn rankdir_by_shape(maps: &[DiagramMap]) -> &'static str {
    if drawn_nodes(maps) <= TALL_FROM {
        return "BT";
    }
    let mut layers: Vec<usize> = Vec::new();
    for dm in maps {
        let g = &dm.map.graph.graph;
        let link = |e: &EdgeKind| {
            matches!(
                e,
                EdgeKind::Supports | EdgeKind::Attacks | EdgeKind::Undercuts { .. }
            )
        };
        // Kahn's order over the drawn links: each node one layer above the highest of
        // the nodes linking into it (nodes on a loop of links stay at layer 0).
        let mut into = vec![0usize; g.node_count()];
        for e in g.edge_references() {
            if link(e.weight()) && dm.shows(e.source()) && dm.shows(e.target()) {
                into[e.target().index()] += 1;
            }
        }
        let mut layer = vec![0usize; g.node_count()];
        let mut ready: Vec<NodeIndex> = g
            .node_indices()
            .filter(|&ix| dm.shows(ix) && into[ix.index()] == 0)
            .collect();
        while let Some(n) = ready.pop() {
            for e in g.edges(n) {
                let t = e.target();
                if !link(e.weight()) || !dm.shows(t) {
                    continue;
                }
                layer[t.index()] = layer[t.index()].max(layer[n.index()] + 1);
                into[t.index()] -= 1;
                if into[t.index()] == 0 {
                    ready.push(t);
                }
            }
        }
        for ix in g.node_indices().filter(|&ix| dm.shows(ix)) {
            let l = layer[ix.index()];
            if layers.len() <= l {
                layers.resize(l + 1, 0);
            }
            layers[l] += 1;
        }
    }
    super::layout::Shape {
        depth: layers.len(),
        width: layers.iter().copied().max().unwrap_or(0),
    }
    .rankdir()
}

/// Maps with more drawn nodes than this have their direction chosen by their shape
/// ([`rankdir_by_shape`]); smaller ones are drawn bottom to top.
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

/// What a sink's step returns: an error stops the generation (a failed write).
type Sunk = std::io::Result<()>;

/// A piece of a DOT graph, in printing order: a statement, or the start or end of a
/// cluster (whose statements come between).
pub enum Part {
    /// A statement of the graph or of the open cluster.
    Stmt(Stmt),
    /// A cluster begins.
    Open(Id),
    /// The open cluster ends.
    Close,
}

/// The parts of the DOT graph of one or more maps, given to `sink` one at a time;
/// several maps become clusters joined by `links`. `style` gives Graphviz's direction
/// (`BT`, `RL`...; `None` picks one by size) and the layout engine.
fn parts(
    maps: &[DiagramMap],
    links: &[SameAsLink],
    style: &Style,
    sink: &mut dyn FnMut(Part) -> Sunk,
) -> Sunk {
    let rankdir = style.rankdir.unwrap_or_else(|| rankdir_by_shape(maps));
    for st in header(rankdir) {
        sink(Part::Stmt(st))?;
    }
    let prefixes: Vec<String> = (0..maps.len()).map(|i| name_prefix(maps, i)).collect();
    let engine = engine_attrs(maps, &prefixes, style.engine);
    if !engine.is_empty() {
        sink(Part::Stmt(Stmt::GAttribute(GraphAttributes::Graph(engine))))?;
    }
    let several = maps.len() > 1;
    // The legend of a focused diagram: which node the double border marks.
    if let Some((i, ix)) = maps
        .iter()
        .enumerate()
        .find_map(|(i, dm)| dm.focus.map(|ix| (i, ix)))
    {
        let id = &maps[i].map.graph.graph[ix].id;
        let shown = if several {
            format!("{}:{id}", maps[i].map.map_id())
        } else {
            id.to_string()
        };
        sink(Part::Stmt(Stmt::GAttribute(GraphAttributes::Graph(vec![
            attr("label", &format!("double border: the --focus node {shown}")),
            attr("labelloc", "b"),
            attr("fontsize", "10"),
            attr("fontcolor", FOCUS_COLOR),
        ]))))?;
    }
    let prefix = |i: usize| name_prefix(maps, i);
    for (i, dm) in maps.iter().enumerate() {
        if several {
            let map = dm.map.graph.map;
            let title = map.title.as_deref().or(map.id.as_deref()).unwrap_or("");
            sink(Part::Open(quoted(&format!("cluster_{i}"))))?;
            for st in [
                Stmt::Attribute(attr("label", &wrap(title, 60).join("\n"))),
                Stmt::Attribute(attr("style", "rounded")),
                Stmt::Attribute(attr("color", "#9e9e9e")),
            ] {
                sink(Part::Stmt(st))?;
            }
        }
        map_stmts(dm, &prefix(i), &mut *sink)?;
        if several {
            sink(Part::Close)?;
        }
    }
    // The maps side by side in the order given.
    let grouped = maps.iter().any(|dm| !dm.map.groups().is_empty());
    if several {
        let anchors: Vec<String> = maps
            .iter()
            .enumerate()
            .filter_map(|(i, dm)| {
                anchor_node(dm).map(|ix| format!("{}{}", prefix(i), dm.map.graph.graph[ix].id))
            })
            .collect();
        for st in in_order(&anchors, grouped) {
            sink(Part::Stmt(st))?;
        }
    }
    for l in shown_links(maps, links) {
        let ((ma, a), (mb, b)) = (l.from, l.to);
        let na = format!("{}{}", prefix(ma), maps[ma].map.graph.graph[a].id);
        let nb = format!("{}{}", prefix(mb), maps[mb].map.graph.graph[b].id);
        sink(Part::Stmt(edge(&na, &nb, same_as_style())))?;
    }
    for l in super::diagram::shown_contradicts(maps) {
        let ((ma, a), (mb, b)) = (l.from, l.to);
        let na = format!("{}{}", prefix(ma), maps[ma].map.graph.graph[a].id);
        let nb = format!("{}{}", prefix(mb), maps[mb].map.graph.graph[b].id);
        sink(Part::Stmt(edge(&na, &nb, contradicts_style())))?;
    }
    Ok(())
}

/// The name of every argmap diagram.
fn graph_id() -> Id {
    quoted("argmap")
}

/// The DOT graph of one or more maps (`parts`, collected), for those that change it
/// before printing (the HTML viewer) and for tests. [`write()`] prints the same text without
/// building it.
pub fn graph(maps: &[DiagramMap], links: &[SameAsLink], rankdir: Option<&str>) -> Graph {
    graph_styled(maps, links, &Style::rankdir(rankdir))
}

/// [`graph`] drawn in `style` (direction and layout engine).
pub fn graph_styled(maps: &[DiagramMap], links: &[SameAsLink], style: &Style) -> Graph {
    let mut c = Collector::default();
    let collected = parts(maps, links, style, &mut |part| c.part(part));
    // Collecting into vectors cannot fail.
    debug_assert!(collected.is_ok());
    Graph::DiGraph {
        id: graph_id(),
        strict: false,
        stmts: c.finish(),
    }
}

/// Parts collected into statements, clusters (nested ones too) as subgraphs.
#[derive(Default)]
struct Collector {
    stmts: Vec<Stmt>,
    /// The clusters open, outermost first.
    open: Vec<Subgraph>,
}

impl Collector {
    fn part(&mut self, part: Part) -> Sunk {
        match part {
            Part::Stmt(st) => match self.open.last_mut() {
                Some(c) => c.stmts.push(st),
                None => self.stmts.push(st),
            },
            Part::Open(id) => self.open.push(Subgraph { id, stmts: vec![] }),
            Part::Close => {
                if let Some(done) = self.open.pop() {
                    self.part(Part::Stmt(Stmt::Subgraph(done)))?;
                }
            }
        }
        Ok(())
    }

    /// The statements, any cluster left open closed.
    fn finish(mut self) -> Vec<Stmt> {
        while !self.open.is_empty() {
            let _ = self.part(Part::Close);
        }
        self.stmts
    }
}

/// Writes the DOT text of [`graph`] (byte for byte what [`print()`] gives for it) one
/// statement at a time, so a large map's diagram is never held in memory, as a syntax
/// tree or as text.
pub fn write(
    maps: &[DiagramMap],
    links: &[SameAsLink],
    rankdir: Option<&str>,
    out: &mut dyn Write,
) -> Sunk {
    write_styled(maps, links, &Style::rankdir(rankdir), out)
}

/// [`write()`] drawn in `style` (direction and layout engine): the text of
/// [`graph_styled`].
pub fn write_styled(
    maps: &[DiagramMap],
    links: &[SameAsLink],
    style: &Style,
    out: &mut dyn Write,
) -> Sunk {
    let mut w = StmtWriter::new(out, &graph_id())?;
    parts(maps, links, style, &mut |part| w.part(&part))?;
    w.finish()
}

/// Prints statements with graphviz-rust's printer as it prints them inside a digraph:
/// its context is private, so one is primed for each depth by printing an empty digraph
/// (which sets it to a directed graph, one indent step in).
struct StmtWriter<'w> {
    out: &'w mut dyn Write,
    /// Top level (indent 2), inside a cluster (indent 4), inside a cluster in a cluster
    /// (indent 6)...: made as clusters nest deeper.
    ctx: Vec<PrinterContext>,
    depth: usize,
    /// The graph's id, to prime the contexts.
    id: Id,
}

/// A printer context at `depth` (indent `2 * (depth + 1)`), primed as [`StmtWriter`] says.
fn primed(id: &Id, depth: usize) -> PrinterContext {
    let mut ctx = PrinterContext::default();
    ctx.with_indent_step(2 * (depth + 1));
    let empty = Graph::DiGraph {
        id: id.clone(),
        strict: false,
        stmts: vec![],
    };
    empty.print(&mut ctx);
    ctx
}

impl<'w> StmtWriter<'w> {
    fn new(out: &'w mut dyn Write, id: &Id) -> std::io::Result<StmtWriter<'w>> {
        let mut ctx = vec![primed(id, 0), primed(id, 1)];
        write!(out, "digraph {} {{", id.print(&mut ctx[0]))?;
        Ok(StmtWriter {
            out,
            ctx,
            depth: 0,
            id: id.clone(),
        })
    }

    fn part(&mut self, part: &Part) -> Sunk {
        let indent = |depth: usize| " ".repeat(2 * (depth + 1));
        match part {
            Part::Stmt(st) => {
                while self.ctx.len() <= self.depth {
                    self.ctx.push(primed(&self.id, self.ctx.len()));
                }
                write!(self.out, "\n{}", st.print(&mut self.ctx[self.depth]))
            }
            Part::Open(id) => {
                let at = indent(self.depth);
                self.depth += 1;
                write!(self.out, "\n{at}subgraph {} {{", id.print(&mut self.ctx[0]))
            }
            Part::Close => {
                self.depth = self.depth.saturating_sub(1);
                write!(self.out, "\n{}}}", indent(self.depth))
            }
        }
    }

    fn finish(self) -> Sunk {
        writeln!(self.out, "\n}}")
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
    let mut c = Collector::default();
    let collected = map_stmts(dm, prefix, &mut |part| c.part(part));
    debug_assert!(collected.is_ok());
    let mut body = c.finish();
    // The statements at every depth: groups' clusters hold node statements too.
    let mut all: Vec<&mut Stmt> = Vec::new();
    let mut pending: Vec<&mut Stmt> = body.iter_mut().collect();
    while let Some(st) = pending.pop() {
        match st {
            Stmt::Subgraph(sub) => pending.extend(sub.stmts.iter_mut()),
            other => all.push(other),
        }
    }
    for st in all {
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
