//! `render --format html` (and `compare --format html`): one self-contained page — the
//! diagram (SVG from Graphviz, inline) in a viewer that pans, zooms, fits, searches,
//! folds and focuses; an outline of the maps; each map's source text with its quoted
//! spans linked to their nodes; a details panel (full text, quote, citations, support
//! status and chain, grounded label); for a comparison, the aligned and contradicting
//! pairs. Nothing is loaded from a network. The viewer's script and style are
//! `html/viewer.js` and `html/viewer.css`, included as they are.
//!
//! Safety: map text (and source text) reaches the page only (a) inside the SVG, where
//! Graphviz escapes it, and (b) in a JSON data block whose `<`, `>` and `&` are written
//! as `\u003c`-style escapes, so it can never close the `<script>` element. The page's
//! script reads that JSON and writes text with `textContent`, never as HTML. A
//! Content-Security-Policy allows only the page's own script (by nonce), so even a
//! hypothetical injected script or event handler would not run.
//!
//! The data block (`argmap-data`) holds `nodes` (each drawn claim, evidence item and
//! rebuttal by its SVG id `n0`, `n1`...), `points` (the SVG ids of the other drawn DOT
//! nodes: the points of linked arguments), `edges` (`[svg id, from, to, structural]`,
//! the ends' SVG ids, `structural` false for lines between maps), `maps` (each map's
//! id, title, theses, cluster and source text with its quoted spans, as UTF-16 offsets
//! the script indexes directly), `map_groups` (with several maps, each map as a foldable set
//! of nodes) and `pairs` (a comparison's aligned and contradicting pairs). The groups of
//! the maps (`groups:`) are in a second block, `argmap-groups`
//! (`html_groups::mark`): each group's key is the SVG class of its nodes and
//! edges, so the script finds a group's nodes in the SVG.

use super::diagram::DiagramMap;
use super::dot::name_prefix;
use super::escape::xml;
use crate::analyse::support::describe_cite;
use crate::analyse::view::MapView;
use crate::analyse::Analysed;
use crate::graph::NodeKind;
use crate::parse::model::Node;
use graphviz_rust::dot_structures::{Attribute, EdgeTy, Graph, Id, NodeId, Stmt, Vertex};
use petgraph::graph::NodeIndex;
use serde::Serialize;
use std::collections::{BTreeMap, HashMap};

/// What the page knows of one drawn node.
#[derive(Serialize)]
struct NodeData<'a> {
    id: &'a str,
    map: &'a str,
    /// The index of its map in [`PageData::maps`].
    m: usize,
    kind: &'static str,
    text: &'a str,
    thesis: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    quote: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    by: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    note: Option<&'a str>,
    status: &'static str,
    /// The grounded label (`in`, `out`, `undec`), when the map was evaluated.
    #[serde(skip_serializing_if = "Option::is_none")]
    grounded: Option<&'static str>,
    citations: Vec<String>,
    chain: Vec<&'a str>,
    supports: &'a [crate::parse::model::Id],
    attacks: &'a [crate::parse::model::Id],
    undercuts: &'a [crate::parse::model::Id],
    /// An implicit premise (the analyst's reconstruction): the panel says so.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    implicit: bool,
    /// The critical question it answers.
    #[serde(skip_serializing_if = "Option::is_none")]
    answers: Option<&'a str>,
    /// The arguments with a scheme it is a premise of, with their open questions.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    schemes: Vec<super::reconstruct_json::ArgumentScheme>,
}

/// What the page knows of one map.
#[derive(Serialize)]
struct MapData<'a> {
    id: &'a str,
    title: &'a str,
    /// The SVG ids of its drawn theses.
    theses: Vec<String>,
    /// The SVG id of its cluster, when it is drawn as one.
    #[serde(skip_serializing_if = "Option::is_none")]
    cluster: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    source: Option<SourceData<'a>>,
}

/// A map's source text and its quoted spans.
#[derive(Serialize)]
struct SourceData<'a> {
    /// The `source:` path as the map gives it.
    name: &'a str,
    text: &'a str,
    /// `[node SVG id, start, end]`, offsets in UTF-16 code units of `text`.
    spans: Vec<(String, usize, usize)>,
    /// The share of the text the found quotes cover, 0–1.
    share: f64,
}

/// A map drawn as a cluster among several: a foldable set of nodes.
#[derive(Serialize)]
struct MapGroupData {
    id: String,
    title: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    parent: Option<String>,
    /// The SVG id of its cluster, when it is drawn as one.
    #[serde(skip_serializing_if = "Option::is_none")]
    cluster: Option<String>,
    /// The SVG ids of its nodes (those of nested groups included).
    nodes: Vec<String>,
}

/// A pair of nodes of a comparison, as the page links them.
#[derive(Serialize)]
struct PairData {
    /// `declared`, `suggested` or `contradicts`.
    kind: &'static str,
    /// The left and right node (SVG ids), when drawn.
    a: Option<String>,
    b: Option<String>,
    /// The ids as the maps give them (for a pair whose node is not drawn).
    a_id: String,
    b_id: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    score: Option<f64>,
    /// The SVG id of the line that joins them, when drawn.
    #[serde(skip_serializing_if = "Option::is_none")]
    edge: Option<String>,
}

/// The data block.
#[derive(Serialize)]
struct PageData<'a> {
    nodes: BTreeMap<String, NodeData<'a>>,
    points: Vec<String>,
    edges: Vec<(String, Option<String>, Option<String>, bool)>,
    maps: Vec<MapData<'a>>,
    map_groups: Vec<MapGroupData>,
    pairs: Vec<PairData>,
    /// A comparison's summary, paragraph by paragraph, in plain words (the compare
    /// report's; shown at the top of the pairs panel); empty for `render`.
    #[serde(skip_serializing_if = "<[String]>::is_empty")]
    summary: &'a [String],
    /// `render` or `compare`.
    mode: &'static str,
}

/// JSON that is safe inside a `<script>` element (nothing in it can end the element).
pub(crate) fn script_json<T: Serialize>(v: &T) -> String {
    let s = serde_json::to_string(v).unwrap_or_else(|_| "{}".into());
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '<' => out.push_str("\\u003c"),
            '>' => out.push_str("\\u003e"),
            '&' => out.push_str("\\u0026"),
            '\u{2028}' => out.push_str("\\u2028"),
            '\u{2029}' => out.push_str("\\u2029"),
            c => out.push(c),
        }
    }
    out
}

/// The SVG ids given to a graph's statements, by DOT name.
#[derive(Default)]
struct Tags {
    /// DOT node name → SVG id, for every node statement.
    nodes: HashMap<String, String>,
    /// DOT cluster name → SVG id.
    clusters: HashMap<String, String>,
    /// Edges: SVG id, the ends' DOT names, whether the edge is drawn at all.
    edges: Vec<(String, String, String)>,
    next_point: usize,
    next_cluster: usize,
}

fn id_attr(id: &str) -> Attribute {
    Attribute(Id::Plain("id".into()), Id::Escaped(format!("\"{id}\"")))
}

fn is_invisible(attrs: &[Attribute]) -> bool {
    attrs.iter().any(|Attribute(k, v)| {
        matches!(k, Id::Plain(k) if k == "style")
            && matches!(v, Id::Escaped(v) | Id::Plain(v) if v.contains("invis"))
    })
}

/// Gives every node statement of `stmts` (nested subgraphs included) an SVG id: the
/// map nodes named in `by_name` `n{k}` (their data moves to `data`), the others `p{k}`;
/// clusters `c{k}`; each visible edge `e{k}`.
fn tag_stmts<'a>(
    stmts: &mut [Stmt],
    by_name: &mut HashMap<String, NodeData<'a>>,
    data: &mut BTreeMap<String, NodeData<'a>>,
    tags: &mut Tags,
) {
    for s in stmts.iter_mut() {
        match s {
            Stmt::Node(node) => {
                let NodeId(Id::Escaped(q), _) = &node.id else {
                    continue;
                };
                let name = unquote(q);
                if tags.nodes.contains_key(&name) {
                    continue;
                }
                let id = if let Some(d) = by_name.remove(&name) {
                    let id = format!("n{}", data.len());
                    data.insert(id.clone(), d);
                    id
                } else {
                    tags.next_point += 1;
                    format!("p{}", tags.next_point - 1)
                };
                node.attributes.push(id_attr(&id));
                tags.nodes.insert(name, id);
            }
            Stmt::Edge(edge) => {
                let EdgeTy::Pair(
                    Vertex::N(NodeId(Id::Escaped(a), _)),
                    Vertex::N(NodeId(Id::Escaped(b), _)),
                ) = &edge.ty
                else {
                    continue;
                };
                if is_invisible(&edge.attributes) {
                    continue;
                }
                let id = format!("e{}", tags.edges.len());
                tags.edges.push((id.clone(), unquote(a), unquote(b)));
                edge.attributes.push(id_attr(&id));
            }
            Stmt::Subgraph(sub) => {
                if let Id::Escaped(q) = &sub.id {
                    let name = unquote(q);
                    if name.starts_with("cluster") {
                        let id = format!("c{}", tags.next_cluster);
                        tags.next_cluster += 1;
                        sub.stmts.insert(0, Stmt::Attribute(id_attr(&id)));
                        tags.clusters.insert(name, id);
                    }
                }
                tag_stmts(&mut sub.stmts, by_name, data, tags);
            }
            _ => {}
        }
    }
}

/// The page data of every claim, evidence item and rebuttal of `maps`, by its DOT node
/// name (`prefixes[i]`, the name prefix of map `i`, and the node id).
fn node_data<'a>(
    maps: &'a [DiagramMap<'a, 'a>],
    prefixes: &[String],
    views: &[MapView],
) -> HashMap<String, NodeData<'a>> {
    let mut by_name = HashMap::new();
    for (mi, dm) in maps.iter().enumerate() {
        let m = dm.map;
        let mut schemes = super::reconstruct_json::argument_schemes(m);
        for ix in m.graph.graph.node_indices() {
            let n = &m.graph.graph[ix];
            let Some(node) = n.node else { continue };
            let mut d = data_of(m, ix, node);
            d.schemes = schemes.remove(&ix).unwrap_or_default();
            d.m = mi;
            d.grounded = views
                .get(mi)
                .and_then(|v| v.grounded.get(n.id))
                .map(|s| s.name());
            by_name.insert(format!("{}{}", prefixes[mi], n.id), d);
        }
    }
    by_name
}

/// What the page shows of node `ix` of `m` (whose map node is `node`): its fields, its
/// support status (claims and evidence), citations and support chain.
fn data_of<'a>(m: &'a Analysed<'a>, ix: NodeIndex, node: &'a Node) -> NodeData<'a> {
    let n = &m.graph.graph[ix];
    let chain = m
        .support()
        .chain(ix)
        .iter()
        .map(|&c| m.graph.graph[c].id)
        .collect();
    NodeData {
        id: n.id,
        map: m.map_id(),
        m: 0,
        kind: n.kind.name(),
        text: n.text(),
        thesis: n.is_thesis(),
        quote: node.quote.as_deref(),
        by: node.by(),
        note: node.note(),
        status: if n.kind == NodeKind::Claim || n.kind == NodeKind::Evidence {
            m.support().status(ix).name()
        } else {
            ""
        },
        grounded: None,
        citations: citations(m, node),
        chain,
        supports: &node.supports,
        attacks: &node.attacks,
        undercuts: node.undercuts(),
        implicit: node.implicit(),
        answers: node.answers(),
        schemes: Vec::new(),
    }
}

/// Each citation of `node` as the panel lists it: `author, name (page...)` when the
/// source is known, else the citation alone.
fn citations(m: &Analysed, node: &Node) -> Vec<String> {
    node.cites
        .iter()
        .map(|c| {
            let title = m.graph.map.sources.get(&c.source).and_then(|s| {
                let who = s
                    .details
                    .author
                    .as_deref()
                    .map(|a| format!("{a}, "))
                    .unwrap_or_default();
                s.name().map(|t| format!("{who}{t}"))
            });
            match title {
                Some(t) => format!("{t} ({})", describe_cite(c)),
                None => describe_cite(c),
            }
        })
        .collect()
}

/// Undoes [`super::escape::dot_quoted`] for the names it produced.
fn unquote(q: &str) -> String {
    let inner = q
        .strip_prefix('"')
        .and_then(|s| s.strip_suffix('"'))
        .unwrap_or(q);
    let mut out = String::with_capacity(inner.len());
    let mut chars = inner.chars();
    while let Some(c) = chars.next() {
        if c == '\\' {
            match chars.next() {
                Some('n') => out.push('\n'),
                Some(o) => out.push(o),
                None => {}
            }
        } else {
            out.push(c);
        }
    }
    out.replace("&amp;", "&")
}

/// The UTF-16 offsets of the byte offsets `bytes` (char boundaries) of `text`.
fn utf16_offsets(text: &str, bytes: &[usize]) -> HashMap<usize, usize> {
    let mut want: Vec<usize> = bytes.to_vec();
    want.sort_unstable();
    want.dedup();
    let mut out = HashMap::with_capacity(want.len());
    let mut units = 0usize;
    let mut chars = text.char_indices().peekable();
    for b in want {
        while let Some(&(i, c)) = chars.peek() {
            if i >= b {
                break;
            }
            units += c.len_utf16();
            chars.next();
        }
        out.insert(b, units);
    }
    out
}

/// What a viewer page shows of one map beyond its diagram: its source text, when read,
/// and what analysis found there ([`crate::analyse::view::map_view`]).
pub struct ViewerMap {
    /// The map's source text, as read (`None` when it names none or it was not read).
    pub source: Option<String>,
    /// Quoted spans, their share, grounded labels.
    pub view: MapView,
}

/// A pair of nodes the comparison page links (left map's node id, right map's).
pub struct LinkedPair {
    /// `declared`, `suggested` or `contradicts`.
    pub kind: &'static str,
    /// The left map's node id.
    pub left: String,
    /// The right map's node id.
    pub right: String,
    /// The similarity of an aligned pair.
    pub score: Option<f64>,
}

/// An HTML page in the making: made by [`Page::prepare`], which tags the graph's nodes,
/// it holds the data to embed; [`Page::render`] writes the page around the SVG.
pub struct Page {
    /// The page data as JSON safe inside a `<script>` element.
    data: String,
    /// Whether a node is drawn as the `--focus` (the legend then says what marks it).
    focus: bool,
    /// The groups drawn (`html_groups::mark`: each group's key, the SVG class of
    /// its nodes and edges), as JSON safe inside a `<script>` element.
    groups: String,
}

impl Page {
    /// Tags the nodes of `graph` (call before printing it to DOT for Graphviz), drawn by
    /// `render` from `maps`; `viewer[i]` is what the page shows of map `i` beside the
    /// diagram (fewer entries: nothing more for the rest).
    pub fn prepare(graph: &mut Graph, maps: &[DiagramMap], viewer: &[ViewerMap]) -> Page {
        let prefixes: Vec<String> = (0..maps.len()).map(|i| name_prefix(maps, i)).collect();
        Page::build(graph, maps, &prefixes, viewer, &[], &[], "render")
    }

    /// As [`Page::prepare`], for the diagram of a comparison of two maps, whose DOT node
    /// names start with `prefixes`, and whose `pairs` the page links.
    pub fn prepare_compare(
        graph: &mut Graph,
        maps: &[DiagramMap],
        prefixes: &[String],
        viewer: &[ViewerMap],
        pairs: &[LinkedPair],
        summary: &[String],
    ) -> Page {
        Page::build(graph, maps, prefixes, viewer, pairs, summary, "compare")
    }

    fn build(
        graph: &mut Graph,
        maps: &[DiagramMap],
        prefixes: &[String],
        viewer: &[ViewerMap],
        pairs: &[LinkedPair],
        summary: &[String],
        mode: &'static str,
    ) -> Page {
        // The groups' classes on their nodes and edges (before the tags: either order
        // works), and the groups drawn.
        let drawn_groups = super::html_groups::mark(graph, maps);
        let views: Vec<MapView> = viewer.iter().map(|v| v.view.clone()).collect();
        let mut by_name = node_data(maps, prefixes, &views);
        let mut nodes = BTreeMap::new();
        let mut tags = Tags::default();
        let stmts = match graph {
            Graph::DiGraph { stmts, .. } | Graph::Graph { stmts, .. } => stmts,
        };
        tag_stmts(stmts, &mut by_name, &mut nodes, &mut tags);
        // Which map each drawn node name belongs to (points: none).
        let map_of = |name: &str| -> Option<usize> {
            let id = tags.nodes.get(name)?;
            nodes.get(id).map(|d: &NodeData| d.m)
        };
        let edges = tags
            .edges
            .iter()
            .map(|(id, a, b)| {
                let structural = match (map_of(a), map_of(b)) {
                    (Some(x), Some(y)) => x == y,
                    _ => !a.starts_with("anchor-") && !b.starts_with("anchor-"),
                };
                (
                    id.clone(),
                    tags.nodes.get(a).cloned(),
                    tags.nodes.get(b).cloned(),
                    structural,
                )
            })
            .collect();
        let points = tags
            .nodes
            .iter()
            .filter(|(_, id)| id.starts_with('p'))
            .map(|(_, id)| id.clone())
            .collect();
        let svg_of =
            |mi: usize, id: &str| tags.nodes.get(&format!("{}{id}", prefixes[mi])).cloned();
        let several = maps.len() > 1;
        let mut map_data = Vec::new();
        let mut map_groups = Vec::new();
        for (mi, dm) in maps.iter().enumerate() {
            let m = dm.map;
            let map = m.graph.map;
            let theses = m
                .graph
                .graph
                .node_indices()
                .filter(|&ix| m.graph.graph[ix].is_thesis())
                .filter_map(|ix| svg_of(mi, m.graph.graph[ix].id))
                .collect();
            let cluster = several
                .then(|| tags.clusters.get(&format!("cluster_{mi}")).cloned())
                .flatten();
            let source = viewer.get(mi).and_then(|v| {
                let text = v.source.as_deref()?;
                let mut ends = Vec::new();
                for s in &v.view.spans {
                    for r in &s.ranges {
                        ends.push(r.start);
                        ends.push(r.end);
                    }
                }
                let units = utf16_offsets(text, &ends);
                let mut spans = Vec::new();
                for s in &v.view.spans {
                    let Some(node) = svg_of(mi, &s.id) else {
                        continue;
                    };
                    for r in &s.ranges {
                        spans.push((node.clone(), units[&r.start], units[&r.end]));
                    }
                }
                spans.sort_by_key(|(_, a, b)| (*a, *b));
                Some(SourceData {
                    name: map.source.as_deref().unwrap_or(""),
                    text,
                    spans,
                    share: v.view.share,
                })
            });
            if several {
                map_groups.push(MapGroupData {
                    id: format!("map:{}", m.map_id()),
                    title: map
                        .title
                        .as_deref()
                        .or(map.id.as_deref())
                        .unwrap_or("")
                        .to_string(),
                    parent: None,
                    cluster: cluster.clone(),
                    nodes: nodes
                        .iter()
                        .filter(|(_, d)| d.m == mi)
                        .map(|(k, _)| k.clone())
                        .collect(),
                });
            }
            map_data.push(MapData {
                id: m.map_id(),
                title: map.title.as_deref().or(map.id.as_deref()).unwrap_or(""),
                theses,
                cluster,
                source,
            });
        }
        let edge_of: HashMap<(String, String), String> = tags
            .edges
            .iter()
            .map(|(id, a, b)| ((a.clone(), b.clone()), id.clone()))
            .collect();
        let pairs = pairs
            .iter()
            .map(|p| {
                let (na, nb) = (
                    format!("{}{}", prefixes[0], p.left),
                    format!("{}{}", prefixes[1], p.right),
                );
                let edge = edge_of
                    .get(&(na.clone(), nb.clone()))
                    .or_else(|| edge_of.get(&(nb.clone(), na.clone())))
                    .cloned();
                PairData {
                    kind: p.kind,
                    a: tags.nodes.get(&na).cloned(),
                    b: tags.nodes.get(&nb).cloned(),
                    a_id: p.left.clone(),
                    b_id: p.right.clone(),
                    score: p.score,
                    edge,
                }
            })
            .collect();
        let data = PageData {
            nodes,
            points,
            edges,
            maps: map_data,
            map_groups,
            pairs,
            summary,
            mode,
        };
        Page {
            data: script_json(&data),
            groups: script_json(&drawn_groups),
            focus: maps.iter().any(|m| m.focus.is_some()),
        }
    }

    /// The whole HTML document around `svg` (Graphviz's output for the tagged graph).
    pub fn render(&self, svg: &str, title: &str) -> String {
        self.page(svg, title, None)
    }

    /// The page `argmap serve` serves: [`Page::render`]'s, which asks the server that
    /// served it for the maps' version ([`LIVE_VERSION_PATH`]) twice a second and
    /// reloads itself when it is not `version` any more. Its Content-Security-Policy lets
    /// it connect to its own origin (`connect-src 'self'`), and nowhere else.
    pub fn render_live(&self, svg: &str, title: &str, version: &str) -> String {
        self.page(svg, title, Some(version))
    }

    fn page(&self, svg: &str, title: &str, live: Option<&str>) -> String {
        let svg = svg.find("<svg").map_or(svg, |i| &svg[i..]);
        let nonce = nonce(&format!("{}{}", self.data, self.groups), svg);
        let title = xml(title);
        let (connect, version, live_js) = live_parts(live);
        format!(
            r#"<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:; script-src 'nonce-{nonce}'{connect}">
{version}<title>{title}</title>
<style>{CSS}</style>
</head>
<body>
<header>
<h1>{title}</h1>
<div class="tools" role="toolbar" aria-label="View">
<button id="zoom-out" type="button" title="Zoom out (-)" aria-label="Zoom out">&#8722;</button>
<span id="zoom-level" aria-live="polite"></span>
<button id="zoom-in" type="button" title="Zoom in (+)" aria-label="Zoom in">+</button>
<button id="fit" type="button" title="Fit the diagram to the window (0)">Fit</button>
<button id="go-thesis" type="button" title="Go to the thesis (t)">Thesis</button>
<span class="sep"></span>
<button id="focus" type="button" title="Show only the nodes near the selected one (f)">Focus</button>
<label title="Steps around the selected node">steps <input id="focus-steps" type="number" min="1" max="9" value="2"></label>
<button id="focus-back" type="button" title="Previous focus" aria-label="Previous focus" disabled>&#9664;</button>
<button id="focus-forward" type="button" title="Next focus" aria-label="Next focus" disabled>&#9654;</button>
<button id="focus-exit" type="button" title="Show every node (Escape)" disabled>All</button>
</div>
<div class="find" role="search">
<input id="search" type="search" placeholder="Search text, quotes, ids…" aria-label="Search nodes">
<button id="search-prev" type="button" title="Previous match (Shift+Enter)" aria-label="Previous match">&#9650;</button>
<button id="search-next" type="button" title="Next match (Enter)" aria-label="Next match">&#9660;</button>
<span id="matches" aria-live="polite"></span>
</div>
</header>
<main>
<nav id="side" aria-label="Outline and source">
<div class="tabs" role="tablist">
<button id="tab-outline" type="button" role="tab" aria-selected="true">Outline</button>
<button id="tab-source" type="button" role="tab" aria-selected="false">Source</button>
<button id="tab-pairs" type="button" role="tab" aria-selected="false" hidden>Pairs</button>
</div>
<div id="outline" class="pane" role="tabpanel"></div>
<div id="source" class="pane" role="tabpanel" hidden></div>
<div id="pairs" class="pane" role="tabpanel" hidden></div>
</nav>
<div id="diagram" tabindex="0" aria-label="Diagram: drag to pan, wheel or +/- to zoom">
{svg}
</div>
<aside id="details" aria-live="polite"><p class="hint">Click a node to see its full text, quote, citations, support status and grounded label.</p></aside>
</main>
<footer id="legend">{LEGEND}{focus}</footer>
<script type="application/json" id="argmap-data">{data}</script>
<script type="application/json" id="argmap-groups">{groups}</script>
<script nonce="{nonce}">{JS}{live_js}</script>
</body>
</html>
"#,
            data = self.data,
            groups = self.groups,
            focus = if self.focus { FOCUS_LEGEND } else { "" },
        )
    }
}

/// Where a live page ([`Page::render_live`]) asks for the maps' version.
pub const LIVE_VERSION_PATH: &str = "/version";

/// The parts a live page adds: its CSP's `connect-src`, the version it shows, its script.
fn live_parts(live: Option<&str>) -> (&'static str, String, &'static str) {
    match live {
        None => ("", String::new(), ""),
        Some(v) => (
            "; connect-src 'self'",
            format!("<meta name=\"argmap-version\" content=\"{}\">\n", xml(v)),
            LIVE_JS,
        ),
    }
}

/// A live page for maps that cannot be drawn (they have errors, or a file cannot be
/// read): the errors as text, and the same polling as [`Page::render_live`], so that the
/// diagram comes back once they are fixed.
pub fn live_errors(title: &str, errors: &str, version: &str) -> String {
    let nonce = nonce(errors, version);
    let (connect, version, live_js) = live_parts(Some(version));
    format!(
        r#"<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'nonce-{nonce}'{connect}">
{version}<title>{title}</title>
<style>body{{font:14px/1.4 system-ui,sans-serif;margin:1em}}pre{{white-space:pre-wrap;color:#b71c1c}}</style>
</head>
<body>
<h1>{title}</h1>
<p>The maps cannot be drawn; this page reloads when they change.</p>
<pre id="errors">{errors}</pre>
<script nonce="{nonce}">{live_js}</script>
</body>
</html>
"#,
        title = xml(title),
        errors = xml(errors),
    )
}

/// The script of a live page: polls the version, reloads when it changes.
const LIVE_JS: &str = r#"
(function(){
  var meta=document.querySelector('meta[name="argmap-version"]');
  var shown=meta?meta.getAttribute("content"):"";
  function poll(){
    fetch("/version",{cache:"no-store"}).then(function(r){return r.ok?r.text():shown;}).then(function(v){
      if(v.trim()!==shown){location.reload();return;}
      setTimeout(poll,500);
    }).catch(function(){setTimeout(poll,1000);});
  }
  setTimeout(poll,500);
})();
"#;

/// A per-page nonce for the Content-Security-Policy (FNV-1a of the page content, so the
/// output is reproducible).
fn nonce(data: &str, svg: &str) -> String {
    let mut h: u64 = 0xcbf29ce484222325;
    for b in data.bytes().chain(svg.bytes()) {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x100000001b3);
    }
    format!("{h:016x}")
}

/// The viewer's style.
const CSS: &str = include_str!("html/viewer.css");

/// The viewer's script.
const JS: &str = include_str!("html/viewer.js");

const LEGEND: &str = r##"<span><span class="sw" style="background:#fff3b0;border-width:2px"></span>thesis</span>
<span><span class="sw" style="background:#e3f2fd"></span>claim</span>
<span><span class="sw" style="background:#e8f5e9"></span>evidence (with citation)</span>
<span><span class="sw" style="background:#ffebee"></span>rebuttal</span>
<span><span class="sw" style="border:1px dashed #e65100"></span>claim without cited support</span>
<span><span class="sw" style="border:1px dashed #616161"></span>implicit premise</span>
<span style="color:#2e7d32">&#8594; supports</span>
<span style="color:#c62828">&#8867; attacks</span>
<span style="color:#c62828">&#8674; undercuts (attacks a link)</span>
<span style="color:#757575">- - same as</span>
<span class="keys">drag: pan · wheel, +/−: zoom · 0: fit · t: thesis · f: focus · /: search</span>"##;

/// The legend entry of a page drawn with `--focus`.
const FOCUS_LEGEND: &str =
    "\n<span><span class=\"sw\" style=\"border:3px double #00695c\"></span>focus (--focus)</span>";

#[cfg(test)]
mod tests {
    use super::utf16_offsets;

    #[test]
    fn utf16_offsets_count_code_units() {
        let text = "a\u{2014}b\u{1F600}c";
        let o = utf16_offsets(text, &[0, 1, 4, 5, 9, 10]);
        assert_eq!(o[&0], 0);
        assert_eq!(o[&1], 1);
        assert_eq!(o[&4], 2);
        assert_eq!(o[&5], 3);
        assert_eq!(o[&9], 5);
        assert_eq!(o[&10], 6);
    }
}
