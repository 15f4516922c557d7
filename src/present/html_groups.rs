//! Folding groups on the HTML page: each node drawn inside a group's cluster (DOT's
//! `cluster_group:` subgraphs, [`super::dot_groups`]) gets the SVG class of that group
//! and of every group around it (`argmap-group-3`), each edge the classes of its two
//! ends; the page has a button per group that hides (folds) or shows again the elements
//! of its class, the cluster's frame and title staying in place.

use super::diagram::DiagramMap;
use super::dot::name_prefix;
use super::dot_groups::cluster_name;
use super::escape::dot_quoted;
use graphviz_rust::dot_structures::{Attribute, Edge, EdgeTy, Graph, Id, NodeId, Stmt, Vertex};
use serde::Serialize;
use std::collections::HashMap;

/// What the page knows of one drawn group: the key of its class and button, its id,
/// title and map, how deep it is, and how many nodes it holds (subgroups included).
#[derive(Debug, Serialize)]
pub(super) struct GroupData {
    key: String,
    id: String,
    title: String,
    map: String,
    depth: usize,
    nodes: usize,
    /// Where the group comes in its map's tree (maps in order): the buttons' order.
    #[serde(skip)]
    place: (usize, usize),
}

/// Marks the nodes and edges of the drawn groups of `graph` with the groups' classes, and
/// returns the groups drawn, in drawing order.
pub(super) fn mark(graph: &mut Graph, maps: &[DiagramMap]) -> Vec<GroupData> {
    // The clusters' DOT names (quoted as printed) → (map, group).
    let mut clusters: HashMap<String, (usize, usize)> = HashMap::new();
    for (mi, dm) in maps.iter().enumerate() {
        let prefix = name_prefix(maps, mi);
        for (k, g) in dm.map.groups().list.iter().enumerate() {
            clusters.insert(dot_quoted(&cluster_name(&prefix, &g.id)), (mi, k));
        }
    }
    let mut place: HashMap<(usize, usize), usize> = HashMap::new();
    for (mi, dm) in maps.iter().enumerate() {
        for (pos, k) in dm.map.groups().tree_order().into_iter().enumerate() {
            place.insert((mi, k), pos);
        }
    }
    let mut out: Vec<GroupData> = Vec::new();
    if clusters.is_empty() {
        return out;
    }
    let stmts = match graph {
        Graph::DiGraph { stmts, .. } | Graph::Graph { stmts, .. } => stmts,
    };
    // Classes of each node name (quoted), from walking the clusters with the classes of
    // the groups around them; no recursion (clusters nest as deep as groups do).
    let mut classes: HashMap<String, String> = HashMap::new();
    let mut stack: Vec<(&mut Vec<Stmt>, String)> = vec![(stmts, String::new())];
    while let Some((stmts, around)) = stack.pop() {
        for st in stmts.iter_mut() {
            match st {
                Stmt::Node(n) if !around.is_empty() => {
                    if let NodeId(Id::Escaped(q), _) = &n.id {
                        classes.insert(q.clone(), around.clone());
                        n.attributes.push(class_attr(&around));
                    }
                }
                Stmt::Subgraph(sub) => {
                    let name = match &sub.id {
                        Id::Escaped(q) => q.clone(),
                        _ => String::new(),
                    };
                    let inner = match clusters.get(&name) {
                        Some(&(mi, k)) => {
                            let key = format!("argmap-group-{}", out.len());
                            let groups = maps[mi].map.groups();
                            let info = &groups.list[k];
                            out.push(GroupData {
                                key: key.clone(),
                                id: info.id.to_string(),
                                title: groups
                                    .entry(maps[mi].map.graph.map, k)
                                    .and_then(|e| e.title())
                                    .unwrap_or(info.id.as_str())
                                    .to_string(),
                                map: maps[mi].map.map_id().to_string(),
                                depth: info.depth,
                                nodes: 0,
                                place: (mi, place.get(&(mi, k)).copied().unwrap_or(0)),
                            });
                            if around.is_empty() {
                                key
                            } else {
                                format!("{around} {key}")
                            }
                        }
                        None => around.clone(),
                    };
                    stack.push((&mut sub.stmts, inner));
                }
                _ => {}
            }
        }
    }
    // Each group's node count, and the edges' classes.
    let index: HashMap<String, usize> = out
        .iter()
        .enumerate()
        .map(|(i, g)| (g.key.clone(), i))
        .collect();
    for c in classes.values() {
        for key in c.split(' ') {
            if let Some(&i) = index.get(key) {
                out[i].nodes += 1;
            }
        }
    }
    let mut stack: Vec<&mut Vec<Stmt>> = vec![match graph {
        Graph::DiGraph { stmts, .. } | Graph::Graph { stmts, .. } => stmts,
    }];
    while let Some(stmts) = stack.pop() {
        for st in stmts.iter_mut() {
            match st {
                Stmt::Edge(Edge {
                    ty: EdgeTy::Pair(a, b),
                    attributes,
                }) => {
                    let of = |v: &Vertex| match v {
                        Vertex::N(NodeId(Id::Escaped(q), _)) => classes.get(q),
                        _ => None,
                    };
                    let mut both: Vec<&str> = Vec::new();
                    for c in [of(a), of(b)].into_iter().flatten() {
                        for k in c.split(' ') {
                            if !both.contains(&k) {
                                both.push(k);
                            }
                        }
                    }
                    if !both.is_empty() {
                        attributes.push(class_attr(&both.join(" ")));
                    }
                }
                Stmt::Subgraph(sub) => stack.push(&mut sub.stmts),
                _ => {}
            }
        }
    }
    out.sort_by_key(|g| g.place);
    out
}

fn class_attr(classes: &str) -> Attribute {
    Attribute(Id::Plain("class".into()), Id::Escaped(dot_quoted(classes)))
}
