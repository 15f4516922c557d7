//! Groups in DOT: each group a labelled cluster (`subgraph "cluster_group:ID"`, the
//! group's title as its label), nested as `in:` nests them, each drawn node inside its
//! group's cluster. Only the groups that hold a drawn node (themselves or through a
//! subgroup) are drawn, so a `--focus` view has the clusters of the nodes it shows. Edges
//! and the points of linked arguments stay outside the clusters (DOT draws an edge
//! between nodes of any clusters). Clusters nest at most [`MAX_DEPTH`] deep: a group
//! deeper down is drawn inside its ancestor at that depth (Graphviz recurses on
//! nesting). The clusters are written as they are made, opened and closed around their
//! statements, so a large map's diagram is not held in memory.

use super::diagram::DiagramMap;
use super::dot::{attr, Part};
use super::escape::{dot_quoted, wrap};
use graphviz_rust::dot_structures::{Id, Stmt};
use petgraph::graph::NodeIndex;

/// How deep clusters nest in a diagram.
pub const MAX_DEPTH: usize = 16;

/// The prefix of a group cluster's DOT name: `cluster_group:` then the map's node name
/// prefix and the group id.
pub const CLUSTER_PREFIX: &str = "cluster_group:";

/// The DOT name of group `id`'s cluster, in the map whose node names have `prefix`.
pub fn cluster_name(prefix: &str, id: &str) -> String {
    format!("{CLUSTER_PREFIX}{prefix}{id}")
}

/// The node statements of a map with groups, given to `sink` as they are made: those of
/// nodes outside any drawn group first, then the clusters of the groups that hold a
/// drawn node, in tree order, each opened ([`Part::Open`]), titled, with its nodes and
/// its subgroups' clusters, and closed. `node` makes a node's statement. Only the node
/// indices of each group are held, not their statements.
pub(super) fn node_parts(
    dm: &DiagramMap,
    prefix: &str,
    node: &dyn Fn(NodeIndex) -> Stmt,
    sink: &mut dyn FnMut(Part) -> std::io::Result<()>,
) -> std::io::Result<()> {
    let m = dm.map;
    let groups = m.groups();
    let g = &m.graph.graph;
    let shown = |ix: NodeIndex| dm.shows(ix);
    let holds = groups.holding(shown);
    // The cluster each group is drawn as: itself, or its ancestor at MAX_DEPTH - 1.
    let order = groups.tree_order();
    let drawn = groups.drawn_as(MAX_DEPTH);
    let mut inside: Vec<Vec<NodeIndex>> = vec![Vec::new(); groups.list.len()];
    for ix in g.node_indices().filter(|&ix| shown(ix)) {
        match groups.of_node(ix) {
            Some(k) if holds[k] => inside[drawn[k]].push(ix),
            _ => sink(Part::Stmt(node(ix)))?,
        }
    }
    let mut open: Vec<usize> = Vec::new();
    for k in order.into_iter().filter(|&k| holds[k] && drawn[k] == k) {
        let info = &groups.list[k];
        while open.last().is_some_and(|&o| Some(o) != info.parent) {
            open.pop();
            sink(Part::Close)?;
        }
        let title = groups
            .entry(m.graph.map, k)
            .and_then(|e| e.title())
            .unwrap_or(info.id.as_str());
        let fill = if info.depth % 2 == 0 {
            "#f7f9fa"
        } else {
            "#eef2f4"
        };
        sink(Part::Open(Id::Escaped(dot_quoted(&cluster_name(
            prefix, &info.id,
        )))))?;
        for a in [
            attr("label", &wrap(title, 60).join("\n")),
            attr("style", "rounded,filled"),
            attr("color", "#90a4ae"),
            attr("fillcolor", fill),
            attr("fontsize", "12"),
            attr("labeljust", "l"),
        ] {
            sink(Part::Stmt(Stmt::Attribute(a)))?;
        }
        open.push(k);
        for &ix in &inside[k] {
            sink(Part::Stmt(node(ix)))?;
        }
    }
    for _ in open {
        sink(Part::Close)?;
    }
    Ok(())
}
