//! Polarity: whether each node of a map argues for or against its thesis.

use crate::graph::{ArgGraph, EdgeKind};
use petgraph::graph::NodeIndex;
use petgraph::visit::EdgeRef;
use serde::Serialize;
use std::collections::VecDeque;

/// A node's direction relative to its map's thesis.
///
/// The thesis is `pro`. Along the relations of the map, in either direction, a support
/// (or an in-map `same_as`) keeps the polarity and an attack flips it; an undercut of the
/// link `X -> Y` is the opposite of `X` (and, toward `Y`, the opposite of the link). So
/// whatever supports the thesis is `pro`, an attacker of a `pro` node is `con`, what an
/// argued-for node attacks is `con`, and so on. Each node takes the polarity of its
/// shortest path from a thesis.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Polarity {
    /// It argues for the thesis (the thesis itself is `pro`).
    Pro,
    /// It argues against the thesis.
    Con,
}

impl Polarity {
    fn flip(self) -> Polarity {
        match self {
            Polarity::Pro => Polarity::Con,
            Polarity::Con => Polarity::Pro,
        }
    }
    fn times(self, sign: bool) -> Polarity {
        if sign {
            self
        } else {
            self.flip()
        }
    }
}

/// The [`Polarity`] of every node: breadth-first from the theses over the signed
/// relations of the map, in both directions; the first (shortest) path decides.
pub(super) fn of(g: &ArgGraph) -> Vec<Option<Polarity>> {
    let n = g.graph.node_count();
    // Signed adjacency: (neighbour, same polarity?).
    let mut adj: Vec<Vec<(NodeIndex, bool)>> = vec![Vec::new(); n];
    let mut add = |a: NodeIndex, b: NodeIndex, sign: bool| {
        adj[a.index()].push((b, sign));
        adj[b.index()].push((a, sign));
    };
    for e in g.graph.edge_references() {
        let (a, b) = (e.source(), e.target());
        match e.weight() {
            EdgeKind::Supports | EdgeKind::SameAs => add(a, b, true),
            EdgeKind::Attacks => add(a, b, false),
            EdgeKind::Undercuts { link } => {
                if let Some((x, _)) = g.graph.edge_endpoints(*link) {
                    let link_supports =
                        matches!(g.graph.edge_weight(*link), Some(EdgeKind::Supports));
                    add(a, x, false);
                    add(a, b, !link_supports);
                }
            }
            EdgeKind::Cites { .. } => {}
        }
    }
    let mut pol: Vec<Option<Polarity>> = vec![None; n];
    let mut queue = VecDeque::new();
    for t in g.theses() {
        pol[t.index()] = Some(Polarity::Pro);
        queue.push_back(t);
    }
    while let Some(x) = queue.pop_front() {
        let Some(p) = pol[x.index()] else { continue };
        for &(y, sign) in &adj[x.index()] {
            if pol[y.index()].is_none() {
                pol[y.index()] = Some(p.times(sign));
                queue.push_back(y);
            }
        }
    }
    pol
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analyse::Analysed;
    use crate::parse::load::load_str;
    use std::path::Path;

    /// Each node's id and polarity, in map order.
    fn polarities(yaml: &str) -> Vec<(String, Option<Polarity>)> {
        let f = load_str(Path::new("m.yaml"), yaml.to_string());
        let m = Analysed::new(&f).expect("parses");
        let pol = of(&m.graph);
        m.graph
            .graph
            .node_indices()
            .map(|ix| (m.graph.graph[ix].id.to_string(), pol[ix.index()]))
            .collect()
    }

    fn get(p: &[(String, Option<Polarity>)], id: &str) -> Option<Polarity> {
        p.iter().find(|(i, _)| i == id).and_then(|(_, x)| *x)
    }

    const PRO: Option<Polarity> = Some(Polarity::Pro);
    const CON: Option<Polarity> = Some(Polarity::Con);

    #[test]
    fn supports_keep_and_attacks_flip_in_either_direction() {
        let p = polarities(
            "id: m\nclaims:\n  T: {text: t, thesis: true}\n  S: {text: s, supports: [T]}\n  A: {text: a, attacks: [T]}\n  AA: {text: aa, attacks: [A]}\n  U: {text: u}\n  W: {text: w}\n  X: {text: x, supports: [A]}\n",
        );
        assert_eq!(get(&p, "T"), PRO);
        assert_eq!(get(&p, "S"), PRO);
        assert_eq!(get(&p, "A"), CON);
        // The attacker of a con node argues for the thesis; a supporter of it, against.
        assert_eq!(get(&p, "AA"), PRO);
        assert_eq!(get(&p, "X"), CON);
        // Nothing connects it to the thesis.
        assert_eq!(get(&p, "U"), None);
    }

    #[test]
    fn what_an_argued_for_node_attacks_is_con() {
        let p = polarities(
            "id: m\nclaims:\n  T: {text: t, thesis: true, attacks: [R]}\n  R: {text: r}\n  Q: {text: q, supports: [R]}\n",
        );
        assert_eq!(get(&p, "R"), CON);
        assert_eq!(get(&p, "Q"), CON);
    }

    #[test]
    fn an_undercut_opposes_the_premise_and_the_link() {
        let p = polarities(
            "id: m\nclaims:\n  T: {text: t, thesis: true}\n  S: {text: s, supports: [T]}\nrebuttals:\n  R: {text: r, undercuts: [\"S -> T\"]}\n",
        );
        assert_eq!(get(&p, "S"), PRO);
        // Undercutting a support of the thesis works against the thesis.
        assert_eq!(get(&p, "R"), CON);
    }

    #[test]
    fn a_map_without_a_thesis_has_no_polarity() {
        let p = polarities("id: m\nclaims:\n  A: {text: a}\n  B: {text: b, supports: [A]}\n");
        assert!(p.iter().all(|(_, x)| x.is_none()), "{p:?}");
    }
}
