//! Inferences: the `supports` and `attacks` links of a map grouped into the arguments
//! they form.
//!
//! A node that supports (or attacks) a target on its own forms a one-premise inference;
//! co-premises linked with `with` that support (or attack) the same target form one
//! inference together. The grouping is transitive among a target's premises: A `with`
//! B and B `with` C, all supporting T, are one inference `A + B + C -> T`. An undercut
//! (`undercuts: ["A -> B"]`) is an attack on the inference that carries the link
//! `A -> B` (for a linked inference, the whole inference).
//!
//! Undercuts are inferences too (kind [`LinkKind::Undercuts`]): the nodes that undercut
//! one inference, grouped by `with` like any co-premises (a linked undercut acts only
//! when all its premises hold), form an undercut inference whose target is the inference
//! undercut ([`Inference::undercut`]). So an undercut of an undercut (`undercuts: ["U ->
//! A -> B"]`) is an undercut inference whose target is U's undercut inference, at any
//! depth. They come after the supports and attacks in [`Inferences::list`], shallowest
//! first, so an undercut's target always comes before it.
//!
//! This is the one place arguments are computed: [`Inferences::of`] runs once per map,
//! on first use ([`crate::analyse::Analysed::inferences`]), and every exporter
//! draws that result — JSON and GraphML as the `with` of each link, AIF as RA and CA
//! nodes, Argdown as arguments, DOT and Mermaid as one point per linked or undercut
//! inference — and so does the argumentation framework of `evaluate`
//! ([`crate::analyse::evaluate::Encoding::of`] borrows the flattened inferences from
//! that list). Cited support ([`crate::analyse::support`]) groups the links with the
//! same [`each_group`] (it keeps premises only, in flat arrays), so it sees the same
//! inferences.

use crate::graph::{ArgGraph, EdgeKind};
use petgraph::graph::{EdgeIndex, NodeIndex};
use petgraph::visit::EdgeRef;
use serde::Serialize;
use std::collections::BTreeSet;

/// Whether an inference supports or attacks its target.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum LinkKind {
    /// The premises support the target.
    Supports,
    /// The premises attack the target.
    Attacks,
    /// The premises undercut another inference ([`Inference::undercut`]).
    Undercuts,
}

impl LinkKind {
    /// "supports" or "attacks".
    pub fn name(self) -> &'static str {
        match self {
            LinkKind::Supports => "supports",
            LinkKind::Attacks => "attacks",
            LinkKind::Undercuts => "undercuts",
        }
    }
}

/// A list that nearly always holds one or two items: kept inline, without an allocation
/// (a map has about one inference per node; docs/performance.md, "Memory").
pub type Few<T> = smallvec::SmallVec<[T; 2]>;

/// One inference: premises that together support or attack a target.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Inference {
    /// Whether it supports or attacks.
    pub kind: LinkKind,
    /// The premises, in map order (one unless they are linked with `with`).
    pub premises: Few<NodeIndex>,
    /// The node it supports or attacks.
    pub target: NodeIndex,
    /// The nodes that undercut one of its links, in map order, without repeats (a
    /// boxed slice: nearly always empty, so it takes 16 bytes and no allocation, where
    /// an inline list took 24 — 0.7 MB at 100k nodes).
    pub undercutters: Box<[NodeIndex]>,
    /// For an undercut (kind [`LinkKind::Undercuts`]): the inference it undercuts (its
    /// `target` is then that inference's conclusion, the node the link string ends at).
    /// Boxed: None for nearly every inference, it takes 8 bytes.
    pub undercut: Option<Box<Undercut>>,
}

/// What an undercut inference undercuts.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Undercut {
    /// The inference undercut (an index into [`Inferences::list`], lower than the
    /// undercut's own).
    pub of: usize,
    /// Its name (`A -> B`, `U -> A -> B`...), kept so that naming an undercut does not
    /// walk the chain.
    pub link: String,
}

impl Inference {
    /// True when the inference has several (linked) premises.
    pub fn is_linked(&self) -> bool {
        self.premises.len() > 1
    }

    /// Its name: `A -> B`, or `A + P -> B` for linked premises; for an undercut, its
    /// premises and the name of the inference it undercuts, `U -> A -> B` (right-associative).
    pub fn name(&self, g: &ArgGraph) -> String {
        let premises: Vec<&str> = self.premises.iter().map(|&p| g.graph[p].id).collect();
        match &self.undercut {
            Some(u) => format!("{} -> {}", premises.join(" + "), u.link),
            None => format!("{} -> {}", premises.join(" + "), g.graph[self.target].id),
        }
    }

    /// For an undercut, the index of the inference it undercuts.
    pub fn undercut(&self) -> Option<usize> {
        self.undercut.as_ref().map(|u| u.of)
    }
}

/// The inferences of a map, with an index from each supports/attacks edge to its
/// inference.
#[derive(Clone, Debug, Default)]
pub struct Inferences {
    /// The supports and attacks ordered by target, then kind (supports first), then
    /// first premise (map order); then the undercuts, by depth (undercuts of supports
    /// and attacks first), then target inference, then first premise.
    pub list: Vec<Inference>,
    /// For each edge index, the inference that carries it (`NO_INFERENCE` for edges that
    /// are not supports, attacks or undercuts).
    by_edge: Vec<u32>,
}

const NO_INFERENCE: u32 = u32::MAX;

impl Inferences {
    /// Which inference carries the supports, attacks or undercuts edge `e`.
    pub fn of_edge(&self, e: EdgeIndex) -> Option<usize> {
        self.by_edge
            .get(e.index())
            .filter(|&&i| i != NO_INFERENCE)
            .map(|&i| i as usize)
    }

    /// Groups the links of `g` into inferences in O(nodes + edges) ([`each_group`]).
    pub fn of(g: &ArgGraph) -> Inferences {
        let mut out = Inferences {
            // At most one inference per link: sized once, no doubling while it fills.
            list: Vec::with_capacity(
                g.graph
                    .edge_weights()
                    .filter(|k| matches!(k, EdgeKind::Supports | EdgeKind::Attacks))
                    .count(),
            ),
            by_edge: vec![NO_INFERENCE; g.graph.edge_count()],
        };
        each_group(g, |kind, target, group, links| {
            // The edges it carries: one per premise (its edges are not kept beside it).
            let i = out.list.len() as u32;
            for &(_, e) in links {
                out.by_edge[e.index()] = i;
            }
            out.list.push(Inference {
                kind,
                premises: Few::from_slice(group),
                target,
                undercutters: Box::default(),
                undercut: None,
            });
        });
        out.add_undercuts(g);
        out
    }

    /// The undercut inferences of `g`, after the supports and attacks: each undercuts
    /// edge's depth first (its link has a lower index, so one pass in index order), then
    /// depth by depth the undercutters of each inference grouped by `with`, so the
    /// inference an undercut names is in the list before it. Then each inference's
    /// `undercutters`. O((nodes + edges) log edges).
    fn add_undercuts(&mut self, g: &ArgGraph) {
        let mut depth: Vec<u32> = Vec::new();
        let mut levels: Vec<Vec<EdgeIndex>> = Vec::new();
        for e in g.graph.edge_references() {
            let EdgeKind::Undercuts { link } = e.weight() else {
                continue;
            };
            if depth.is_empty() {
                depth = vec![0; g.graph.edge_count()];
            }
            let d = match g.graph.edge_weight(*link) {
                Some(EdgeKind::Undercuts { .. }) => depth[link.index()] + 1,
                _ => 1,
            };
            depth[e.id().index()] = d;
            let d = d as usize;
            if levels.len() < d {
                levels.resize_with(d, Vec::new);
            }
            levels[d - 1].push(e.id());
        }
        let mut pairs: Vec<(usize, NodeIndex, EdgeIndex)> = Vec::new();
        for level in &levels {
            // (inference undercut, undercutter, edge), grouped by inference.
            pairs.clear();
            for &e in level {
                let (Some((u, _)), Some(EdgeKind::Undercuts { link })) =
                    (g.graph.edge_endpoints(e), g.graph.edge_weight(e))
                else {
                    continue;
                };
                if let Some(of) = self.of_edge(*link) {
                    pairs.push((of, u, e));
                }
            }
            pairs.sort_unstable();
            for run in pairs.chunk_by(|a, b| a.0 == b.0) {
                let of = run[0].0;
                let premises: Vec<NodeIndex> = run.iter().map(|&(_, u, _)| u).collect();
                let link = self.list[of].name(g);
                for group in co_premise_groups(g, &premises) {
                    let i = self.list.len() as u32;
                    for &(_, u, e) in run {
                        if group.binary_search(&u).is_ok() {
                            self.by_edge[e.index()] = i;
                        }
                    }
                    self.list.push(Inference {
                        kind: LinkKind::Undercuts,
                        premises: Few::from_slice(&group),
                        target: self.list[of].target,
                        undercutters: Box::default(),
                        undercut: Some(Box::new(Undercut {
                            of,
                            link: link.clone(),
                        })),
                    });
                }
            }
        }
        // (inference, undercutter) of every undercut, grouped by inference.
        let mut undercuts: Vec<(usize, NodeIndex)> = self
            .list
            .iter()
            .filter_map(|inf| Some((inf.undercut()?, inf)))
            .flat_map(|(of, inf)| inf.premises.iter().map(move |&p| (of, p)))
            .collect();
        undercuts.sort_unstable();
        undercuts.dedup();
        for run in undercuts.chunk_by(|a, b| a.0 == b.0) {
            self.list[run[0].0].undercutters = run.iter().map(|&(_, u)| u).collect();
        }
    }
}

/// The premises (sorted, maybe repeated) split into groups of co-premises: linked by
/// `with`, transitively, each group sorted, in the order of their first premise.
fn co_premise_groups(g: &ArgGraph, premises: &[NodeIndex]) -> Vec<Vec<NodeIndex>> {
    let mut premises = premises.to_vec();
    premises.dedup();
    if !premises.iter().any(|p| g.linked.contains_key(p)) {
        return premises.into_iter().map(|p| vec![p]).collect();
    }
    let mut seen: BTreeSet<NodeIndex> = BTreeSet::new();
    let mut groups = Vec::new();
    for &first in &premises {
        if !seen.insert(first) {
            continue;
        }
        let mut group = vec![first];
        let mut k = 0;
        while k < group.len() {
            for &p in g.linked.get(&group[k]).map(Vec::as_slice).unwrap_or(&[]) {
                if premises.binary_search(&p).is_ok() && seen.insert(p) {
                    group.push(p);
                }
            }
            k += 1;
        }
        group.sort_unstable();
        groups.push(group);
    }
    groups
}

/// Calls `f(kind, target, premises, links)` for every supports and attacks inference of
/// `g`, in the order of [`Inferences::list`]: `premises` sorted, `links` the (premise, edge) pairs of the
/// inference's own `kind` links into `target` (those of its premises), sorted. Each
/// target's incoming links are read and sorted once, and each inference is given only
/// its own links (not all the target's, which made a target with many premises cost
/// their square); co-premises are grouped only where `with` links exist, so the whole
/// map costs O((nodes + edges) log edges).
pub fn each_group(
    g: &ArgGraph,
    mut f: impl FnMut(LinkKind, NodeIndex, &[NodeIndex], &[(NodeIndex, EdgeIndex)]),
) {
    // Reused buffers: (premise, edge) of one target and kind; its groups of premises.
    let mut links: Vec<(NodeIndex, EdgeIndex)> = Vec::new();
    let mut groups: Vec<Vec<NodeIndex>> = Vec::new();
    let mut group_links: Vec<(NodeIndex, EdgeIndex)> = Vec::new();
    for target in g.graph.node_indices() {
        for kind in [LinkKind::Supports, LinkKind::Attacks] {
            links.clear();
            for e in g
                .graph
                .edges_directed(target, petgraph::Direction::Incoming)
            {
                let k = match e.weight() {
                    EdgeKind::Supports => LinkKind::Supports,
                    EdgeKind::Attacks => LinkKind::Attacks,
                    _ => continue,
                };
                if k == kind {
                    links.push((e.source(), e.id()));
                }
            }
            if links.is_empty() {
                continue;
            }
            links.sort_unstable();
            groups.clear();
            if links.iter().any(|(p, _)| g.linked.contains_key(p)) {
                let premises: BTreeSet<NodeIndex> = links.iter().map(|(p, _)| *p).collect();
                let mut seen: BTreeSet<NodeIndex> = BTreeSet::new();
                for &first in &premises {
                    if !seen.insert(first) {
                        continue;
                    }
                    // The linked co-premises of `first` among this target's premises.
                    let mut group = vec![first];
                    let mut k = 0;
                    while k < group.len() {
                        let m = group[k];
                        for &p in g.linked.get(&m).map(Vec::as_slice).unwrap_or(&[]) {
                            if premises.contains(&p) && seen.insert(p) {
                                group.push(p);
                            }
                        }
                        k += 1;
                    }
                    group.sort_unstable();
                    groups.push(group);
                }
                for group in &groups {
                    // The group's own links: each premise's run of the sorted links.
                    group_links.clear();
                    for &p in group {
                        let from = links.partition_point(|&(q, _)| q < p);
                        group_links.extend(links[from..].iter().take_while(|&&(q, _)| q == p));
                    }
                    f(kind, target, group, &group_links);
                }
            } else {
                // One premise per inference: its links are a run of the sorted links.
                let mut from = 0;
                while from < links.len() {
                    let p = links[from].0;
                    let to = from + links[from..].partition_point(|&(q, _)| q == p);
                    f(kind, target, &[p], &links[from..to]);
                    from = to;
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::load::parse_map;

    /// A star: `n` supporters of T1, linked in pairs by `with`, and `n` rebuttals of it.
    fn star(n: usize) -> String {
        let mut y = String::from("id: m\nclaims:\n  T1: {text: t, thesis: true}\nevidence:\n");
        for i in 0..n {
            y.push_str(&format!(
                "  E{i}: {{text: e, supports: [T1], with: [E{}]}}\n",
                i ^ 1
            ));
        }
        y.push_str("rebuttals:\n");
        for i in 0..n {
            y.push_str(&format!("  R{i}: {{text: r, attacks: [T1]}}\n"));
        }
        y
    }

    #[test]
    fn each_inference_is_given_only_its_own_links() {
        // Given all the target's links, every inference of a star scanned all of them:
        // quadratic in the links into one node.
        let map = parse_map(&star(20)).expect("parses");
        let g = ArgGraph::build(&map);
        let mut calls = 0;
        each_group(&g, |kind, _, group, links| {
            calls += 1;
            let premises: Vec<NodeIndex> = links.iter().map(|&(p, _)| p).collect();
            assert_eq!(premises, group, "{kind:?}");
            for &(p, e) in links {
                assert_eq!(g.graph.edge_endpoints(e).map(|(s, _)| s), Some(p));
            }
        });
        // 10 linked pairs of supporters, 20 single rebuttals.
        assert_eq!(calls, 30);
        let inf = Inferences::of(&g);
        assert_eq!(inf.list.len(), 30);
        for e in g.graph.edge_references() {
            if matches!(e.weight(), EdgeKind::Supports | EdgeKind::Attacks) {
                let i = inf.of_edge(e.id()).expect("carried");
                assert!(inf.list[i].premises.contains(&e.source()));
            }
        }
    }

    #[test]
    fn co_premises_linked_in_a_chain_form_one_inference() {
        // A with B, B with C, all supporting T: one argument of three premises (the
        // co-premise relation is closed transitively among a target's premises).
        let map = parse_map(
            "id: m\nclaims:\n  T: {text: t}\n  A: {text: a, supports: [T], with: [B]}\n  B: {text: b, supports: [T], with: [C]}\n  C: {text: c, supports: [T]}\n  D: {text: d, supports: [T]}\n",
        )
        .expect("parses");
        let g = ArgGraph::build(&map);
        let inf = Inferences::of(&g);
        let named: Vec<String> = inf.list.iter().map(|i| i.name(&g)).collect();
        assert_eq!(named, ["A + B + C -> T", "D -> T"]);
    }

    #[test]
    fn undercuts_are_inferences_whatever_order_they_are_written_in() {
        // The deepest undercut first: X undercuts V's undercut of U's undercut of A -> T;
        // W1 with W2 undercut U's undercut together.
        let map = parse_map(
            "id: m\nrebuttals:\n  X: {text: x, undercuts: [\"V -> U -> A -> T\"]}\n  W1: {text: w, undercuts: [\"U -> A -> T\"], with: [W2]}\n  W2: {text: w, undercuts: [\"U -> A -> T\"]}\n  V: {text: v, undercuts: [\"U -> A -> T\"]}\n  U: {text: u, undercuts: [\"A -> T\"]}\nclaims:\n  T: {text: t}\n  A: {text: a, supports: [T]}\n",
        )
        .expect("parses");
        let g = ArgGraph::build(&map);
        assert_eq!(g.problems, []);
        let inf = Inferences::of(&g);
        let named: Vec<String> = inf.list.iter().map(|i| i.name(&g)).collect();
        assert_eq!(
            named,
            [
                "A -> T",
                "U -> A -> T",
                "W1 + W2 -> U -> A -> T",
                "V -> U -> A -> T",
                "X -> V -> U -> A -> T"
            ]
        );
        // Each undercut names the inference it undercuts, which comes before it.
        let of: Vec<Option<usize>> = inf.list.iter().map(Inference::undercut).collect();
        assert_eq!(of, [None, Some(0), Some(1), Some(1), Some(3)]);
        assert!(inf.list[1..].iter().all(|i| i.kind == LinkKind::Undercuts));
        // Every undercuts edge is carried by its undercut inference.
        for e in g.graph.edge_references() {
            if let EdgeKind::Undercuts { .. } = e.weight() {
                let i = inf.of_edge(e.id()).expect("carried");
                assert!(inf.list[i].premises.contains(&e.source()));
            }
        }
        let id = |i: usize| -> Vec<&str> {
            inf.list[i]
                .undercutters
                .iter()
                .map(|&u| g.graph[u].id)
                .collect()
        };
        assert_eq!(id(0), ["U"]);
        // In map order (node index): W1, W2, V.
        assert_eq!(id(1), ["W1", "W2", "V"]);
        assert_eq!(id(3), ["X"]);
    }

    #[test]
    fn evaluate_flattens_the_analysed_inferences_themselves() {
        // `evaluate`'s framework is built from the map's one list of inferences (the
        // list every exporter draws), not from a grouping of its own: the inferences it
        // flattens are the undercut ones and the linked attacks of that list, the very
        // same items, in the same order.
        let file = crate::parse::load::load_str(
            std::path::Path::new("m.yaml"),
            "id: m\nclaims:\n  T: {text: t}\n  A: {text: a, supports: [T], with: [B]}\n  B: {text: b, supports: [T], with: [C]}\n  C: {text: c, supports: [T]}\n  P: {text: p, supports: [T]}\n  X: {text: x, attacks: [T], with: [Y]}\n  Y: {text: y, attacks: [T]}\n  Z: {text: z, attacks: [P]}\nrebuttals:\n  U: {text: u, undercuts: [\"B -> T\", \"Z -> P\"]}\n".into(),
        );
        let m = crate::analyse::Analysed::new(&file).expect("parses");
        let list = &m.inferences().list;
        let enc = crate::analyse::evaluate::Encoding::of(&m.graph, m.inferences());
        let flattened: Vec<&Inference> = list
            .iter()
            .filter(|i| {
                !i.undercutters.is_empty() || (i.kind == LinkKind::Attacks && i.is_linked())
            })
            .collect();
        assert_eq!(enc.inferences.len(), flattened.len());
        for (e, f) in enc.inferences.iter().zip(&flattened) {
            assert!(std::ptr::eq(*e, *f), "a copy, not the analysed inference");
        }
        let named: Vec<String> = enc.inferences.iter().map(|i| i.name(&m.graph)).collect();
        assert_eq!(named, ["A + B + C -> T", "X + Y -> T", "Z -> P"]);
        // The evaluation reports exactly those as its links.
        let e = crate::analyse::evaluate::evaluate(&m.graph, m.inferences(), Default::default());
        let links: Vec<&str> = e.links.iter().map(|l| l.link.as_str()).collect();
        assert_eq!(links, named);
    }
}
