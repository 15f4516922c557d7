//! `render --format html`: one self-contained page — the diagram (SVG from Graphviz,
//! inline), a details panel that shows a clicked node's full text, quote, citations and
//! support status, a search box and a legend. Nothing is loaded from a network.
//!
//! Safety: map text reaches the page only (a) inside the SVG, where Graphviz escapes it,
//! and (b) in a JSON data block whose `<`, `>` and `&` are written as `\u003c`-style
//! escapes, so it can never close the `<script>` element. The page's script reads that
//! JSON and writes text with `textContent`, never as HTML. A Content-Security-Policy
//! allows only the page's own script (by nonce), so even a hypothetical injected script or
//! event handler would not run.

use super::diagram::DiagramMap;
use super::dot::name_prefix;
use super::escape::xml;
use crate::analyse::support::describe_cite;
use crate::analyse::Analysed;
use crate::graph::NodeKind;
use crate::parse::model::Node;
use graphviz_rust::dot_structures::{Attribute, Graph, Id, NodeId, Stmt};
use petgraph::graph::NodeIndex;
use serde::Serialize;
use std::collections::HashMap;

/// What the page knows of one drawn node.
#[derive(Serialize)]
struct NodeData<'a> {
    id: &'a str,
    map: &'a str,
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

/// JSON that is safe inside a `<script>` element.
fn script_json<T: Serialize>(v: &T) -> String {
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

/// Gives every drawn claim, evidence item and rebuttal of `graph` an SVG element id
/// (`n0`, `n1`, ...) and returns the page data for each id.
fn tag_nodes<'a>(
    graph: &mut Graph,
    maps: &'a [DiagramMap<'a, 'a>],
) -> HashMap<String, NodeData<'a>> {
    let mut by_name = node_data(maps);
    let mut data = HashMap::new();
    let mut next = 0usize;
    let stmts = match graph {
        Graph::DiGraph { stmts, .. } | Graph::Graph { stmts, .. } => stmts,
    };
    tag_stmts(stmts, &mut by_name, &mut data, &mut next);
    // The subgraphs at every depth (maps' clusters, groups' clusters inside them).
    let mut subgraphs: Vec<&mut Vec<Stmt>> = stmts
        .iter_mut()
        .filter_map(|s| match s {
            Stmt::Subgraph(sub) => Some(&mut sub.stmts),
            _ => None,
        })
        .collect();
    while let Some(sub) = subgraphs.pop() {
        tag_stmts(sub, &mut by_name, &mut data, &mut next);
        subgraphs.extend(sub.iter_mut().filter_map(|s| match s {
            Stmt::Subgraph(inner) => Some(&mut inner.stmts),
            _ => None,
        }));
    }
    data
}

/// Tags the node statements of `stmts` (not those of nested subgraphs) whose DOT name
/// is in `by_name`: each gets the SVG id `n{next}`, and its data moves to `data` under
/// that id.
fn tag_stmts<'a>(
    stmts: &mut [Stmt],
    by_name: &mut HashMap<String, NodeData<'a>>,
    data: &mut HashMap<String, NodeData<'a>>,
    next: &mut usize,
) {
    for s in stmts.iter_mut() {
        if let Stmt::Node(node) = s {
            let NodeId(Id::Escaped(q), _) = &node.id else {
                continue;
            };
            let name = unquote(q);
            if let Some(d) = by_name.remove(&name) {
                let id = format!("n{next}");
                *next += 1;
                node.attributes.push(Attribute(
                    Id::Plain("id".into()),
                    Id::Escaped(format!("\"{id}\"")),
                ));
                data.insert(id, d);
            }
        }
    }
}

/// The page data of every claim, evidence item and rebuttal of `maps`, by its DOT node
/// name (the map's name prefix and the node id).
fn node_data<'a>(maps: &'a [DiagramMap<'a, 'a>]) -> HashMap<String, NodeData<'a>> {
    let mut by_name = HashMap::new();
    for (mi, dm) in maps.iter().enumerate() {
        let m = dm.map;
        let prefix = name_prefix(maps, mi);
        let mut schemes = super::reconstruct_json::argument_schemes(m);
        for ix in m.graph.graph.node_indices() {
            let n = &m.graph.graph[ix];
            let Some(node) = n.node else { continue };
            let mut d = data_of(m, ix, node);
            d.schemes = schemes.remove(&ix).unwrap_or_default();
            by_name.insert(format!("{prefix}{}", n.id), d);
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

/// An HTML page in the making: made by [`Page::prepare`], which tags the graph's nodes,
/// it holds the data to embed; [`Page::render`] writes the page around the SVG.
pub struct Page {
    /// The nodes' data by SVG id, as JSON safe inside a `<script>` element.
    data: String,
    /// Whether a node is drawn as the `--focus` (the legend then says what marks it).
    focus: bool,
    /// The groups drawn (their buttons), as JSON safe inside a `<script>` element.
    groups: String,
}

impl Page {
    /// Tags the nodes of `graph` (call before printing it to DOT for Graphviz).
    pub fn prepare(graph: &mut Graph, maps: &[DiagramMap]) -> Page {
        let data: std::collections::BTreeMap<String, NodeData> =
            tag_nodes(graph, maps).into_iter().collect();
        let groups = super::html_groups::mark(graph, maps);
        Page {
            groups: script_json(&groups),
            data: script_json(&data),
            focus: maps.iter().any(|m| m.focus.is_some()),
        }
    }

    /// The whole HTML document around `svg` (Graphviz's output for the tagged graph).
    pub fn render(&self, svg: &str, title: &str) -> String {
        let svg = svg.find("<svg").map_or(svg, |i| &svg[i..]);
        let nonce = nonce(&format!("{}{}", self.data, self.groups), svg);
        let title = xml(title);
        format!(
            r#"<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:; script-src 'nonce-{nonce}'">
<title>{title}</title>
<style>{CSS}</style>
</head>
<body>
<header>
<h1>{title}</h1>
<input id="search" type="search" placeholder="Search text, quotes, ids…" aria-label="Search nodes">
<span id="matches" aria-live="polite"></span>
<nav id="groups" aria-label="Fold or unfold a group"></nav>
</header>
<main>
<div id="diagram">
{svg}
</div>
<aside id="details" aria-live="polite"><p class="hint">Click a node to see its full text, quote, citations and support status.</p></aside>
</main>
<footer id="legend">{LEGEND}{focus}</footer>
<script type="application/json" id="argmap-data">{data}</script>
<script type="application/json" id="argmap-groups">{groups}</script>
<script nonce="{nonce}">{JS}</script>
</body>
</html>
"#,
            data = self.data,
            groups = self.groups,
            focus = if self.focus { FOCUS_LEGEND } else { "" },
        )
    }
}

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

const CSS: &str = r#"
body{margin:0;font:14px/1.4 system-ui,Helvetica,Arial,sans-serif;color:#212121;display:flex;flex-direction:column;height:100vh}
header{display:flex;gap:1em;align-items:center;padding:.5em 1em;border-bottom:1px solid #ddd;flex-wrap:wrap}
header h1{font-size:1.1em;margin:0;flex:1 1 auto}
#search{min-width:16em;padding:.3em .5em}
main{flex:1;display:flex;min-height:0}
#diagram{flex:1;overflow:auto;padding:.5em}
#diagram svg{max-width:none;height:auto}
#details{width:24em;overflow:auto;border-left:1px solid #ddd;padding:.5em 1em;background:#fafafa}
#details h2{font-size:1em;margin:.3em 0}
#details .kind{color:#616161;font-size:.9em}
#details blockquote{margin:.5em 0;padding-left:.8em;border-left:3px solid #bdbdbd;color:#424242}
#details .status-cited{color:#2e7d32}#details .status-uncited,#details .status-unsupported{color:#e65100}
.hint{color:#757575}
g.node{cursor:pointer}
g.node.selected path,g.node.selected polygon{stroke:#1565c0;stroke-width:3}
g.node.dim{opacity:.25}
g.node.match path,g.node.match polygon{stroke:#6a1b9a;stroke-width:3}
#groups{display:flex;gap:.3em;flex-wrap:wrap}
#groups:empty{display:none}
#groups button{font:inherit;font-size:.9em;padding:.1em .5em;border:1px solid #90a4ae;border-radius:3px;background:#f7f9fa;cursor:pointer}
#groups button[aria-pressed="true"]{background:#cfd8dc}
#diagram .folded{display:none}
footer{border-top:1px solid #ddd;padding:.4em 1em;font-size:.9em;display:flex;gap:1.2em;flex-wrap:wrap}
.sw{display:inline-block;width:1em;height:.8em;border:1px solid #757575;vertical-align:middle;margin-right:.3em}
"#;

const LEGEND: &str = r##"<span><span class="sw" style="background:#fff3b0;border-width:2px"></span>thesis</span>
<span><span class="sw" style="background:#e3f2fd"></span>claim</span>
<span><span class="sw" style="background:#e8f5e9"></span>evidence (with citation)</span>
<span><span class="sw" style="background:#ffebee"></span>rebuttal</span>
<span><span class="sw" style="border:1px dashed #e65100"></span>claim without cited support</span>
<span><span class="sw" style="border:1px dashed #616161"></span>implicit premise</span>
<span style="color:#2e7d32">&#8594; supports</span>
<span style="color:#c62828">&#8867; attacks</span>
<span style="color:#c62828">&#8674; undercuts (attacks a link)</span>
<span style="color:#757575">- - same as</span>"##;

/// The legend entry of a page drawn with `--focus`.
const FOCUS_LEGEND: &str =
    "\n<span><span class=\"sw\" style=\"border:3px double #00695c\"></span>focus (--focus)</span>";

const JS: &str = r###"
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("argmap-data").textContent);
  var details = document.getElementById("details");
  var nodes = Array.prototype.slice.call(document.querySelectorAll("#diagram g.node"));
  function el(tag, text, cls) {
    var e = document.createElement(tag);
    if (text !== undefined && text !== null) { e.textContent = text; }
    if (cls) { e.className = cls; }
    return e;
  }
  function list(label, items) {
    if (!items || !items.length) { return null; }
    var p = el("p");
    p.appendChild(el("strong", label + ": "));
    p.appendChild(document.createTextNode(items.join(", ")));
    return p;
  }
  function show(key) {
    var d = data[key];
    if (!d) { return; }
    nodes.forEach(function (n) { n.classList.toggle("selected", n.id === key); });
    while (details.firstChild) { details.removeChild(details.firstChild); }
    details.appendChild(el("h2", (d.thesis ? "Thesis " : "") + d.id));
    details.appendChild(el("div", d.kind + (d.map ? " in " + d.map : ""), "kind"));
    details.appendChild(el("p", d.text, "text"));
    if (d.by) { details.appendChild(el("p", "Held by " + d.by, "by")); }
    if (d.quote) { details.appendChild(el("blockquote", d.quote, "quote")); }
    if (d.status) { details.appendChild(el("p", "Support: " + d.status, "status status-" + d.status)); }
    [list("Citations", d.citations), list("Chain to a citation", d.chain),
     list("Supports", d.supports), list("Attacks", d.attacks), list("Undercuts", d.undercuts)]
      .forEach(function (p) { if (p) { details.appendChild(p); } });
    if (d.note) { details.appendChild(el("p", "Note: " + d.note, "note")); }
    if (d.implicit) { details.appendChild(el("p", "Implicit premise: the text leaves it unstated (the analyst's reconstruction).", "implicit")); }
    if (d.answers) { details.appendChild(el("p", "Answers the critical question " + d.answers, "answers")); }
    (d.schemes || []).forEach(function (a) {
      details.appendChild(el("p", "Argument " + a.argument + ": " + a.title + " (" + a.scheme + ")", "scheme"));
      var p = list("Open critical questions", a.open);
      if (p) { details.appendChild(p); }
    });
  }
  nodes.forEach(function (n) {
    if (!data[n.id]) { return; }
    n.setAttribute("tabindex", "0");
    n.addEventListener("click", function () { show(n.id); });
    n.addEventListener("keydown", function (e) { if (e.key === "Enter") { show(n.id); } });
  });
  var search = document.getElementById("search");
  var count = document.getElementById("matches");
  search.addEventListener("input", function () {
    var q = search.value.trim().toLowerCase();
    var hits = 0;
    nodes.forEach(function (n) {
      var d = data[n.id];
      var hay = d ? (d.id + " " + d.text + " " + (d.quote || "") + " " + (d.by || "")).toLowerCase() : "";
      var hit = q !== "" && hay.indexOf(q) >= 0;
      if (hit) { hits += 1; }
      n.classList.toggle("match", hit);
      n.classList.toggle("dim", q !== "" && !hit);
    });
    count.textContent = q === "" ? "" : hits + " match" + (hits === 1 ? "" : "es");
  });
  var groups = JSON.parse(document.getElementById("argmap-groups").textContent);
  var nav = document.getElementById("groups");
  var folded = {};
  var grouped = Array.prototype.slice.call(document.querySelectorAll("#diagram g.node, #diagram g.edge"))
    .filter(function (e) { return /(^|\s)argmap-group-\d+/.test(e.getAttribute("class") || ""); });
  function refold() {
    grouped.forEach(function (e) {
      var hide = (e.getAttribute("class") || "").split(/\s+/).some(function (c) { return folded[c]; });
      e.classList.toggle("folded", hide);
    });
  }
  groups.forEach(function (g) {
    var b = el("button", null, "group-toggle");
    b.type = "button";
    b.setAttribute("data-group", g.key);
    b.setAttribute("aria-pressed", "false");
    b.title = "Fold or unfold " + g.title + " (" + g.nodes + " node" + (g.nodes === 1 ? "" : "s") + ")";
    function label() { b.textContent = (folded[g.key] ? "\u25b8 " : "\u25be ") + "\u00a0".repeat(g.depth * 2) + g.title; }
    label();
    b.addEventListener("click", function () {
      folded[g.key] = !folded[g.key];
      b.setAttribute("aria-pressed", folded[g.key] ? "true" : "false");
      label();
      refold();
    });
    nav.appendChild(b);
  });
  if (location.hash.length > 1) {
    var want = decodeURIComponent(location.hash.slice(1));
    Object.keys(data).forEach(function (k) { if (data[k].id === want) { show(k); } });
  }
})();
"###;
