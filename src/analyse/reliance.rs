//! What a claim's cited support rests on: implicit premises (the analyst's
//! reconstruction, `implicit: true`) and placeholder sources (a source with only a
//! `note`, no `title`: a work whose identity is lost).
//!
//! Two measures, both linear in the map's size:
//!
//! - **Without them.** Cited support is propagated again ([`cited_if`]) with implicit
//!   premises taken out (an implicit node is never cited, so an argument one of whose
//!   premises is implicit gives nothing), and again counting only citations of real works
//!   (a source with a `title`). A claim *rests on implicit premises* when it has cited
//!   support but would have none without them; it is cited *through placeholder sources
//!   only* when it has cited support but none through real works.
//! - **Chains.** The argument that gave a node its cited support ([`Support::premises`])
//!   is followed down through every premise to the nodes that cite: each path from the
//!   claim to a citing node is a chain. `chains` counts them, `implicit_chains` those that
//!   pass through an implicit node (the claim itself included), `placeholder_chains` those
//!   that end at a node citing placeholder sources only. Counted bottom-up, once per node
//!   (saturating at `u64::MAX`).

use super::inference::{each_group, LinkKind};
use super::support::{Status, Support};
use crate::graph::{ArgGraph, EdgeKind, NodeKind};
use petgraph::graph::NodeIndex;
use petgraph::visit::EdgeRef;
use petgraph::Direction;
use serde::Serialize;
use std::collections::VecDeque;

/// How one claim's cited support rests on implicit premises and placeholder sources.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct RestsOn {
    /// Its chains of cited support (paths down to a citing node).
    pub chains: u64,
    /// Chains through an implicit node.
    pub implicit_chains: u64,
    /// Chains that end at a node citing placeholder sources only.
    pub placeholder_chains: u64,
    /// Cited support, but none without the implicit premises.
    pub rests_on_implicit: bool,
    /// Cited support, but none through real works (only through placeholder sources).
    pub placeholders_only: bool,
}

/// The claims counted by what their cited support rests on.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct RelianceCoverage {
    /// Claims with cited support through real works (sources with a title).
    pub cited_through_real_works: usize,
    /// Claims with cited support through placeholder sources only.
    pub cited_through_placeholders_only: usize,
    /// Claims with cited support that rests on implicit premises.
    pub resting_on_implicit: usize,
}

/// What every node's cited support rests on.
#[derive(Debug)]
pub struct Reliance {
    /// Per node (by index).
    pub of: Vec<RestsOn>,
}

/// Whether the map has something for [`Reliance`] to measure: an implicit node or a
/// placeholder source.
pub fn applies(g: &ArgGraph) -> bool {
    g.graph
        .node_weights()
        .any(|n| n.node.is_some_and(|x| x.implicit()) || n.source.is_some_and(|s| !is_real(s)))
}

/// Whether a source is a real work (it has a title), not a placeholder.
pub fn is_real(s: &crate::parse::model::SourceEntry) -> bool {
    s.details
        .title
        .as_deref()
        .is_some_and(|t| !t.trim().is_empty())
}

/// Cited support propagated as [`Support::compute`] does, but with `citing(ix)` saying
/// which nodes count as citing and `blocked(ix)` which nodes can never be cited.
pub fn cited_if(
    g: &ArgGraph,
    citing: impl Fn(NodeIndex) -> bool,
    blocked: impl Fn(NodeIndex) -> bool,
) -> Vec<bool> {
    let n = g.graph.node_count();
    let mut targets: Vec<NodeIndex> = Vec::new();
    let mut remaining: Vec<u32> = Vec::new();
    let mut arg_of: Vec<Vec<u32>> = vec![Vec::new(); n];
    each_group(g, |kind, target, group, _| {
        if kind == LinkKind::Supports {
            let a = targets.len() as u32;
            targets.push(target);
            remaining.push(group.len() as u32);
            for p in group {
                arg_of[p.index()].push(a);
            }
        }
    });
    let mut cited = vec![false; n];
    let mut queue = VecDeque::new();
    for ix in g.graph.node_indices() {
        if !blocked(ix) && citing(ix) {
            cited[ix.index()] = true;
            queue.push_back(ix);
        }
    }
    while let Some(ix) = queue.pop_front() {
        for &a in &arg_of[ix.index()] {
            let r = &mut remaining[a as usize];
            *r -= 1;
            let t = targets[a as usize];
            if *r == 0 && !cited[t.index()] && !blocked(t) {
                cited[t.index()] = true;
                queue.push_back(t);
            }
        }
    }
    cited
}

impl Reliance {
    /// Measures every node of `g`, given its cited support `s`.
    pub fn compute(g: &ArgGraph, s: &Support) -> Reliance {
        let implicit = |ix: NodeIndex| g.graph[ix].node.is_some_and(|n| n.implicit());
        let cites_where = |ix: NodeIndex, real: Option<bool>| {
            g.graph
                .edges_directed(ix, Direction::Outgoing)
                .filter(|e| matches!(e.weight(), EdgeKind::Cites { .. }))
                .any(|e| {
                    real.is_none_or(|want| g.graph[e.target()].source.is_some_and(is_real) == want)
                })
        };
        let without_implicit = cited_if(g, |ix| cites_where(ix, None), implicit);
        let real = cited_if(g, |ix| cites_where(ix, Some(true)), |_| false);
        let n = g.graph.node_count();
        let mut of = vec![RestsOn::default(); n];
        let mut done = vec![false; n];
        // Bottom-up over the support that gave each node its cited support: a node's
        // premises became cited before it, so this graph has no cycle.
        let mut stack: Vec<(NodeIndex, bool)> = Vec::new();
        for root in g.graph.node_indices() {
            if s.status(root) != Status::Cited || done[root.index()] {
                continue;
            }
            stack.push((root, false));
            while let Some((ix, expanded)) = stack.pop() {
                if done[ix.index()] {
                    continue;
                }
                let premises = s.premises(ix);
                if !expanded {
                    stack.push((ix, true));
                    for &p in premises {
                        if !done[p.index()] {
                            stack.push((p, false));
                        }
                    }
                    continue;
                }
                let mut r = RestsOn::default();
                if premises.is_empty() {
                    // It cites a source itself: one chain, ending here.
                    r.chains = 1;
                    if !cites_where(ix, Some(true)) {
                        r.placeholder_chains = 1;
                    }
                } else {
                    for &p in premises {
                        let q = &of[p.index()];
                        r.chains = r.chains.saturating_add(q.chains);
                        r.implicit_chains = r.implicit_chains.saturating_add(q.implicit_chains);
                        r.placeholder_chains =
                            r.placeholder_chains.saturating_add(q.placeholder_chains);
                    }
                }
                if implicit(ix) {
                    r.implicit_chains = r.chains;
                }
                r.rests_on_implicit = !without_implicit[ix.index()];
                r.placeholders_only = !real[ix.index()];
                of[ix.index()] = r;
                done[ix.index()] = true;
            }
        }
        Reliance { of }
    }

    /// What the cited support of `ix` rests on (all zero and false when it has none).
    pub fn rests_on(&self, ix: NodeIndex) -> RestsOn {
        self.of[ix.index()]
    }

    /// The claims of `g` counted by what their cited support rests on.
    pub fn coverage(&self, g: &ArgGraph, s: &Support) -> RelianceCoverage {
        let mut c = RelianceCoverage::default();
        for ix in g.graph.node_indices() {
            if g.graph[ix].kind != NodeKind::Claim || s.status(ix) != Status::Cited {
                continue;
            }
            let r = self.rests_on(ix);
            if r.placeholders_only {
                c.cited_through_placeholders_only += 1;
            } else {
                c.cited_through_real_works += 1;
            }
            if r.rests_on_implicit {
                c.resting_on_implicit += 1;
            }
        }
        c
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::load::parse_map;

    fn measure(yaml: &str) -> Vec<(String, RestsOn)> {
        let map = parse_map(yaml).expect("parses");
        let g = ArgGraph::build(&map);
        let s = Support::compute(&g);
        let r = Reliance::compute(&g, &s);
        g.graph
            .node_indices()
            .filter(|&ix| g.graph[ix].kind == NodeKind::Claim)
            .map(|ix| (g.graph[ix].id.to_string(), r.rests_on(ix)))
            .collect()
    }

    #[test]
    fn a_linked_argument_with_an_implicit_premise_rests_on_it() {
        let m = measure(
            "id: m\nsources:\n  b: {title: B}\n  fn3: {note: a lost footnote}\nclaims:\n  T: {text: t, thesis: true}\n  C: {text: c, supports: [T], with: [H], cites: [b]}\n  H: {text: h, implicit: true, supports: [T], cites: [fn3]}\n  D: {text: d, supports: [T], cites: [fn3]}\n",
        );
        let t = m[0].1;
        // The first argument to cite T is C + H; two chains (through C, through H).
        assert_eq!(t.chains, 2);
        assert_eq!(t.implicit_chains, 1);
        assert_eq!(t.placeholder_chains, 1);
        // Without H, D still supports T with a citation: not resting on implicit premises.
        assert!(!t.rests_on_implicit);
        // But every way to a citation needs fn3 (H's, D's): placeholders only.
        assert!(t.placeholders_only);
        assert!(m[2].1.rests_on_implicit && m[2].1.placeholders_only);
        assert!(m[3].1.placeholders_only && !m[3].1.rests_on_implicit);
    }

    #[test]
    fn without_the_implicit_premise_the_thesis_has_no_cited_support() {
        let m = measure(
            "id: m\nsources:\n  b: {title: B}\nclaims:\n  T: {text: t, thesis: true}\n  C: {text: c, supports: [T], with: [H], cites: [b]}\n  H: {text: h, implicit: true, supports: [T], cites: [b]}\n",
        );
        assert!(m[0].1.rests_on_implicit);
        assert_eq!((m[0].1.chains, m[0].1.implicit_chains), (2, 1));
    }
}
