//! Groups in DOT: each group a labelled cluster (`subgraph "cluster_group:ID"`, the
//! group's title as its label), nested as `in:` nests them, each drawn node inside its
//! group's cluster. Only the groups that hold a drawn node (themselves or through a
//! subgroup) are drawn, so a `--focus` view has the clusters of the nodes it shows. Edges
//! and the points of linked arguments stay outside the clusters (DOT draws an edge
//! between nodes of any clusters). Clusters nest at most [`MAX_DEPTH`] deep: a group
//! deeper down is drawn inside its ancestor at that depth (Graphviz and its printer
//! recurse on nesting).

use super::diagram::DiagramMap;
use super::dot::attr;
use super::escape::{dot_quoted, wrap};
use graphviz_rust::dot_structures::{Id, Stmt, Subgraph};
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

/// The node statements of a map with groups: those of nodes outside any drawn group
/// first, given to `sink`, then one (nested) cluster per top group that holds a drawn
/// node. `node` makes a node's statement.
pub(super) fn node_stmts(
    dm: &DiagramMap,
    prefix: &str,
    node: &dyn Fn(NodeIndex) -> Stmt,
    sink: &mut dyn FnMut(Stmt) -> std::io::Result<()>,
) -> std::io::Result<()> {
    let m = dm.map;
    let groups = m.groups();
    let g = &m.graph.graph;
    let shown = |ix: NodeIndex| dm.shows(ix);
    let holds = groups.holding(shown);
    // The cluster each group is drawn as: itself, or its ancestor at MAX_DEPTH - 1.
    let drawn_as = |mut k: usize| {
        while groups.list[k].depth >= MAX_DEPTH {
            match groups.list[k].parent {
                Some(p) => k = p,
                None => break,
            }
        }
        k
    };
    let mut inside: Vec<Vec<Stmt>> = vec![Vec::new(); groups.list.len()];
    for ix in g.node_indices().filter(|&ix| shown(ix)) {
        match groups.of_node(ix) {
            Some(k) if holds[k] => inside[drawn_as(k)].push(node(ix)),
            _ => sink(node(ix))?,
        }
    }
    // Children before parents: each cluster is built from its nodes and its subgroups'
    // clusters, without recursion.
    let order = groups.tree_order();
    let mut built: Vec<Option<Stmt>> = vec![None; groups.list.len()];
    for &k in order.iter().rev() {
        if !holds[k] || drawn_as(k) != k {
            continue;
        }
        let info = &groups.list[k];
        let title = groups
            .entry(m.graph.map, k)
            .and_then(|e| e.title())
            .unwrap_or(info.id.as_str());
        let mut stmts = vec![
            Stmt::Attribute(attr("label", &wrap(title, 60).join("\n"))),
            Stmt::Attribute(attr("style", "rounded,filled")),
            Stmt::Attribute(attr("color", "#90a4ae")),
            Stmt::Attribute(attr(
                "fillcolor",
                if info.depth % 2 == 0 {
                    "#f7f9fa"
                } else {
                    "#eef2f4"
                },
            )),
            Stmt::Attribute(attr("fontsize", "12")),
            Stmt::Attribute(attr("labeljust", "l")),
        ];
        stmts.append(&mut inside[k]);
        // Subclusters in document order (beneath MAX_DEPTH their nodes joined `inside`).
        for &c in &info.children {
            if let Some(sub) = built[c].take() {
                stmts.push(sub);
            }
        }
        built[k] = Some(Stmt::Subgraph(Subgraph {
            id: Id::Escaped(dot_quoted(&cluster_name(prefix, &info.id))),
            stmts,
        }));
    }
    for &k in &order {
        if groups.list[k].parent.is_none() {
            if let Some(st) = built[k].take() {
                sink(st)?;
            }
        }
    }
    Ok(())
}
