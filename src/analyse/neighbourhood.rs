//! Which nodes a diagram shows, decided here so that presenters only draw:
//!
//! - `render --focus ID --depth N`: the nodes within N steps of a node, over supports,
//!   attacks and undercuts in either direction ([`neighbourhood`]), and in the other
//!   maps rendered with it the nodes `same_as` links join to them ([`focus_views`]);
//!   the same traversal without a depth ([`linked`]) tells the `orphan` check what a
//!   thesis reaches;
//! - `render --group G`: the nodes of group G and of its subgroups, and the nodes they
//!   support, attack or undercut directly outside it, so that the group's argument is
//!   seen going somewhere ([`group_view`]);
//! - `compare -o FILE.svg`: for large maps, the aligned nodes, the theses and what lies
//!   on the way from one to the other; and which nodes are drawn grey
//!   ([`compare_views`]).

use super::compare::{Comparison, Side};
use super::{Analysed, SameAsLink};
use crate::graph::{ArgGraph, EdgeKind, NodeKind};
use petgraph::graph::NodeIndex;
use petgraph::visit::EdgeRef;
use petgraph::Direction;
use std::collections::{HashSet, VecDeque};

/// What `render --group` draws of `m`: the nodes placed in group `g` or in any group
/// within it, and the nodes those support, attack or undercut directly (one step out).
pub fn group_view(m: &Analysed, g: usize) -> HashSet<NodeIndex> {
    let groups = m.groups();
    let mut inside = vec![false; groups.list.len()];
    // Parents come before their subgroups in tree order.
    for i in groups.tree_order() {
        inside[i] = i == g || groups.list[i].parent.is_some_and(|p| inside[p]);
    }
    let graph = &m.graph.graph;
    let members: HashSet<NodeIndex> = graph
        .node_indices()
        .filter(|&ix| groups.of_node(ix).is_some_and(|h| inside[h]))
        .collect();
    let mut shown = members.clone();
    for &ix in &members {
        for e in graph.edges_directed(ix, Direction::Outgoing) {
            if is_link(e.weight()) {
                shown.insert(e.target());
            }
        }
    }
    shown
}

/// The nodes within `depth` steps of `focus` (breadth-first, linear in what it visits).
pub fn neighbourhood(g: &ArgGraph, focus: NodeIndex, depth: usize) -> HashSet<NodeIndex> {
    linked(g, [focus], Some(depth))
}

/// Whether an edge is a link of the argument (supports, attacks, undercuts), which
/// [`linked`] and [`onward`] follow; cites and `same_as` are not.
fn is_link(e: &EdgeKind) -> bool {
    match e {
        EdgeKind::Supports | EdgeKind::Attacks | EdgeKind::Undercuts { .. } => true,
        EdgeKind::Cites { .. } | EdgeKind::SameAs => false,
    }
}

/// The nodes joined to `starts` by supports, attacks and undercuts followed in either
/// direction, `starts` included: those within `depth` steps when it is given, else all
/// (the `orphan` check: what a thesis reaches). Breadth-first, linear in what it visits.
pub fn linked(
    g: &ArgGraph,
    starts: impl IntoIterator<Item = NodeIndex>,
    depth: Option<usize>,
) -> HashSet<NodeIndex> {
    let mut seen = HashSet::new();
    let mut queue: VecDeque<(NodeIndex, usize)> = starts
        .into_iter()
        .filter(|&s| seen.insert(s))
        .map(|s| (s, 0))
        .collect();
    while let Some((u, d)) = queue.pop_front() {
        if depth == Some(d) {
            continue;
        }
        for dir in [Direction::Outgoing, Direction::Incoming] {
            for e in g.graph.edges_directed(u, dir) {
                if !is_link(e.weight()) {
                    continue;
                }
                let v = if dir == Direction::Outgoing {
                    e.target()
                } else {
                    e.source()
                };
                if seen.insert(v) {
                    queue.push_back((v, d + 1));
                }
            }
        }
    }
    seen
}

/// The nodes each of `maps` shows when `render --focus` names node `focus.1` of map
/// `focus.0`: in that map its neighbourhood of `depth` steps ([`neighbourhood`]); in the
/// others, the nodes that `links` (the resolved `same_as` links) join to that
/// neighbourhood. One set per map, in the order of `maps`.
pub fn focus_views(
    maps: &[Analysed],
    links: &[SameAsLink],
    focus: (usize, NodeIndex),
    depth: usize,
) -> Vec<HashSet<NodeIndex>> {
    let (mi, ix) = focus;
    let mut views: Vec<HashSet<NodeIndex>> = vec![HashSet::new(); maps.len()];
    let near = neighbourhood(&maps[mi].graph, ix, depth);
    for l in links {
        for (x, y) in [(l.from, l.to), (l.to, l.from)] {
            if x.0 == mi && near.contains(&x.1) && y.0 != mi {
                if let Some(v) = views.get_mut(y.0) {
                    v.insert(y.1);
                }
            }
        }
    }
    views[mi] = near;
    views
}

/// The nodes reachable from `starts` by following supports, attacks and undercuts
/// forwards (towards what they bear on), `starts` included. Linear in what it visits.
pub fn onward(g: &ArgGraph, starts: impl IntoIterator<Item = NodeIndex>) -> HashSet<NodeIndex> {
    let mut seen: HashSet<NodeIndex> = starts.into_iter().collect();
    let mut stack: Vec<NodeIndex> = seen.iter().copied().collect();
    while let Some(ix) = stack.pop() {
        for e in g.graph.edges_directed(ix, Direction::Outgoing) {
            if is_link(e.weight()) && seen.insert(e.target()) {
                stack.push(e.target());
            }
        }
    }
    seen
}

/// Maps with more claims, evidence and rebuttals than this (together) are drawn trimmed
/// by `compare` unless `--full` is asked ([`compare_views`]).
pub const TRIM_FROM: usize = 60;

/// What the comparison diagram draws of one map.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CompareView {
    /// The nodes drawn, when the map is trimmed (`None`: all of them).
    pub visible: Option<HashSet<NodeIndex>>,
    /// How many claims, evidence items and rebuttals trimming leaves out.
    pub left_out: usize,
    /// The nodes in no aligned pair that are not theses: drawn grey.
    pub dimmed: HashSet<NodeIndex>,
}

/// What the comparison diagram of `maps` (left, right) draws of each. Unless `full`,
/// maps with more than [`TRIM_FROM`] nodes together are trimmed to the aligned nodes,
/// the theses and every node on the way from an aligned node to what it supports or
/// attacks, transitively ([`onward`]).
pub fn compare_views(maps: [&Analysed; 2], c: &Comparison, full: bool) -> [CompareView; 2] {
    let drawable = |m: &Analysed| {
        m.graph
            .graph
            .node_weights()
            .filter(|n| n.kind != NodeKind::Source)
            .count()
    };
    let trim = !full && drawable(maps[0]) + drawable(maps[1]) > TRIM_FROM;
    let view = |m: &Analysed, side: Side| {
        let g = &m.graph.graph;
        let aligned: HashSet<&str> = c.pairs.iter().map(|p| p.node(side).id.as_str()).collect();
        let dimmed = g
            .node_indices()
            .filter(|&ix| {
                let n = &g[ix];
                n.kind != NodeKind::Source && !n.is_thesis() && !aligned.contains(n.id)
            })
            .collect();
        let visible = trim.then(|| {
            onward(
                &m.graph,
                g.node_indices()
                    .filter(|&ix| aligned.contains(g[ix].id) || g[ix].is_thesis()),
            )
        });
        let left_out = visible.as_ref().map_or(0, |v| drawable(m) - v.len());
        CompareView {
            visible,
            left_out,
            dimmed,
        }
    };
    [view(maps[0], Side::Left), view(maps[1], Side::Right)]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analyse::resolve_same_as;
    use crate::parse::load::{load_str, MapFile};
    use std::path::Path;

    fn file(text: &str) -> MapFile {
        load_str(Path::new("m.yaml"), text.to_string())
    }

    fn ids(m: &Analysed, set: &HashSet<NodeIndex>) -> Vec<String> {
        let mut v: Vec<String> = set.iter().map(|&ix| m.graph.graph[ix].id.into()).collect();
        v.sort();
        v
    }

    #[test]
    fn a_focus_shows_its_neighbourhood_and_what_same_as_joins_to_it() {
        let a = file(
            "id: a\nclaims:\n  T: {text: t, thesis: true}\n  C: {text: c, supports: [T], same_as: [\"b:X\"]}\n  D: {text: d, supports: [C]}\n  F: {text: f, supports: [D]}\n",
        );
        let b =
            file("id: b\nclaims:\n  X: {text: x, thesis: true}\n  Y: {text: y, supports: [X]}\n");
        let maps: Vec<Analysed> = [&a, &b].into_iter().filter_map(Analysed::new).collect();
        let (links, problems) = resolve_same_as(&maps);
        assert!(problems.is_empty());
        let c = maps[0].graph.node("C").expect("C");
        let views = focus_views(&maps, &links, (0, c), 1);
        assert_eq!(ids(&maps[0], &views[0]), ["C", "D", "T"]);
        assert_eq!(ids(&maps[1], &views[1]), ["X"]);
        // Depth 0: the node alone, and what it is the same as.
        let views = focus_views(&maps, &links, (0, c), 0);
        assert_eq!(ids(&maps[0], &views[0]), ["C"]);
        assert_eq!(ids(&maps[1], &views[1]), ["X"]);
    }

    #[test]
    fn linked_without_a_depth_reaches_every_node_joined_by_links_but_not_by_cites() {
        let a = file(
            "id: a\nsources:\n  s: {title: S}\nclaims:\n  T: {text: t, thesis: true, cites: [s]}\n  C: {text: c, supports: [T]}\n  D: {text: d, supports: [C]}\n  L: {text: lone, cites: [s]}\nrebuttals:\n  R: {text: r, undercuts: [\"D -> C\"]}\n",
        );
        let m = Analysed::new(&a).expect("parses");
        let t = m.graph.node("T").expect("T");
        assert_eq!(ids(&m, &linked(&m.graph, [t], None)), ["C", "D", "R", "T"]);
        assert_eq!(ids(&m, &linked(&m.graph, [t], Some(1))), ["C", "T"]);
        assert_eq!(
            neighbourhood(&m.graph, t, 1),
            linked(&m.graph, [t], Some(1))
        );
    }

    #[test]
    fn onward_follows_links_towards_what_they_bear_on() {
        let a = file(
            "id: a\nclaims:\n  T: {text: t, thesis: true}\n  C: {text: c, supports: [T]}\n  D: {text: d, supports: [C]}\nrebuttals:\n  R: {text: r, undercuts: [\"D -> C\"]}\n",
        );
        let m = Analysed::new(&a).expect("parses");
        let d = m.graph.node("D").expect("D");
        assert_eq!(ids(&m, &onward(&m.graph, [d])), ["C", "D", "T"]);
        let r = m.graph.node("R").expect("R");
        assert_eq!(ids(&m, &onward(&m.graph, [r])), ["C", "R", "T"]);
    }
}
