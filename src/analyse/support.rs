//! Cited support: which claims are backed, through a chain of `supports`, by evidence
//! that cites a source.
//!
//! A node has cited support when it cites a source itself, or when an argument for it
//! has cited support: a single supporter, or a linked group (`with`) whose premises all
//! have it. The arguments are the map's supporting inferences
//! ([`super::inference`]). Computed by forward propagation from the citing nodes (each argument counts
//! down its premises), so the whole map costs O(nodes + edges).

use super::inference::{each_group, LinkKind};
use crate::graph::{ArgGraph, EdgeKind, NodeKind};
use crate::parse::Cite;
use petgraph::graph::NodeIndex;
use petgraph::Direction;
use serde::Serialize;
use std::collections::VecDeque;

/// A node's support status.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    /// Cites a source, or a chain of supports reaches cited evidence.
    Cited,
    /// Has supporters, but no chain of them reaches a citation.
    Uncited,
    /// Nothing supports it and it cites nothing.
    Unsupported,
}

impl Status {
    /// The status as reports and JSON write it: `cited`, `uncited`, `unsupported`.
    pub fn name(self) -> &'static str {
        match self {
            Status::Cited => "cited",
            Status::Uncited => "uncited",
            Status::Unsupported => "unsupported",
        }
    }
}

/// `Support::via` of a node without cited support.
const VIA_NONE: u32 = u32::MAX;
/// `Support::via` of a node that cites a source itself.
const VIA_CITES: u32 = u32::MAX - 1;

/// The support status of every node of one map.
#[derive(Debug)]
pub struct Support {
    status: Vec<Status>,
    /// For each node: [`VIA_NONE`], [`VIA_CITES`], or the supporting argument that gave it
    /// cited support.
    via: Vec<u32>,
    /// The premises of every supporting argument, one after another: argument `a`'s are
    /// `premises[starts[a]..starts[a + 1]]`, sorted.
    premises: Vec<NodeIndex>,
    starts: Vec<u32>,
}

impl Support {
    /// Computes the support of every node in `g`.
    pub fn compute(g: &ArgGraph) -> Support {
        let n = g.graph.node_count();
        // The supporting arguments ([`each_group`]): targets, and premises as above.
        let mut targets: Vec<NodeIndex> = Vec::new();
        let mut premises: Vec<NodeIndex> = Vec::new();
        let mut starts: Vec<u32> = vec![0];
        let mut has_supporter = vec![false; n];
        each_group(g, |kind, target, group, _| {
            if kind == LinkKind::Supports {
                has_supporter[target.index()] = true;
                targets.push(target);
                premises.extend_from_slice(group);
                starts.push(premises.len() as u32);
            }
        });
        let args = targets.len();
        // The arguments each node is a premise of: arg_of[first[p]..first[p + 1]].
        let mut first = vec![0u32; n + 1];
        for p in &premises {
            first[p.index() + 1] += 1;
        }
        for i in 0..n {
            first[i + 1] += first[i];
        }
        let mut fill = first.clone();
        let mut arg_of = vec![0u32; premises.len()];
        for a in 0..args {
            for p in &premises[starts[a] as usize..starts[a + 1] as usize] {
                arg_of[fill[p.index()] as usize] = a as u32;
                fill[p.index()] += 1;
            }
        }
        drop(fill);
        // Each argument counts down its premises that are not cited yet.
        let mut remaining: Vec<u32> = starts.windows(2).map(|w| w[1] - w[0]).collect();
        let mut via = vec![VIA_NONE; n];
        let mut queue: VecDeque<NodeIndex> = VecDeque::new();
        for ix in g.graph.node_indices() {
            let cites = g
                .graph
                .edges_directed(ix, Direction::Outgoing)
                .any(|e| matches!(e.weight(), EdgeKind::Cites { .. }));
            if cites {
                via[ix.index()] = VIA_CITES;
                queue.push_back(ix);
            }
        }
        while let Some(ix) = queue.pop_front() {
            let i = ix.index();
            for &a in &arg_of[first[i] as usize..first[i + 1] as usize] {
                let r = &mut remaining[a as usize];
                *r -= 1;
                let target = targets[a as usize];
                if *r == 0 && via[target.index()] == VIA_NONE {
                    via[target.index()] = a;
                    queue.push_back(target);
                }
            }
        }
        let status = (0..n)
            .map(|i| {
                if via[i] != VIA_NONE {
                    Status::Cited
                } else if has_supporter[i] {
                    Status::Uncited
                } else {
                    Status::Unsupported
                }
            })
            .collect();
        Support {
            status,
            via,
            premises,
            starts,
        }
    }

    /// The status of node `ix`.
    pub fn status(&self, ix: NodeIndex) -> Status {
        self.status[ix.index()]
    }

    /// The chain from `ix` down to a node that cites a source: `[ix, supporter, ...,
    /// citing node]`. Empty when `ix` has no cited support. For a linked argument the
    /// chain follows its first premise.
    pub fn chain(&self, ix: NodeIndex) -> Vec<NodeIndex> {
        let mut chain = Vec::new();
        let mut cur = ix;
        // Each step moves to a node that became cited earlier, so this terminates.
        while self.via[cur.index()] != VIA_NONE {
            chain.push(cur);
            match self.premises(cur).first() {
                None => return chain,
                Some(&p) => cur = p,
            }
            if chain.len() > self.status.len() {
                break;
            }
        }
        Vec::new()
    }

    /// The premises of the argument that gave `ix` its cited support (empty when it
    /// cites a source itself or is not cited).
    pub fn premises(&self, ix: NodeIndex) -> &[NodeIndex] {
        match self.via[ix.index()] {
            VIA_NONE | VIA_CITES => &[],
            a => {
                &self.premises
                    [self.starts[a as usize] as usize..self.starts[a as usize + 1] as usize]
            }
        }
    }
}

/// Citation coverage of a map's claims.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize)]
pub struct Coverage {
    /// How many claims the map has.
    pub claims: usize,
    /// Claims with cited support.
    pub cited: usize,
    /// Claims with supporters but no chain to a citation.
    pub uncited: usize,
    /// Claims that nothing supports and that cite nothing.
    pub unsupported: usize,
    /// `cited / claims`, 0 when there are no claims.
    pub ratio: f64,
}

impl Coverage {
    /// Counts one claim of this status (call [`Coverage::finish`] when all are counted).
    pub(crate) fn count(&mut self, status: Status) {
        self.claims += 1;
        match status {
            Status::Cited => self.cited += 1,
            Status::Uncited => self.uncited += 1,
            Status::Unsupported => self.unsupported += 1,
        }
    }
    /// Adds the counts of `other`.
    pub(crate) fn add(&mut self, other: &Coverage) {
        self.claims += other.claims;
        self.cited += other.cited;
        self.uncited += other.uncited;
        self.unsupported += other.unsupported;
    }
    /// Sets `ratio` from the counts.
    pub(crate) fn finish(&mut self) {
        self.ratio = if self.claims == 0 {
            0.0
        } else {
            self.cited as f64 / self.claims as f64
        };
    }

    /// Counts the claims of a map by status.
    pub fn of(g: &ArgGraph, s: &Support) -> Coverage {
        let mut c = Coverage::default();
        for ix in g.graph.node_indices() {
            if g.graph[ix].kind != NodeKind::Claim {
                continue;
            }
            c.claims += 1;
            match s.status(ix) {
                Status::Cited => c.cited += 1,
                Status::Uncited => c.uncited += 1,
                Status::Unsupported => c.unsupported += 1,
            }
        }
        c.ratio = if c.claims == 0 {
            0.0
        } else {
            c.cited as f64 / c.claims as f64
        };
        c
    }
}

/// One claim in the support report; it borrows from the map.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ClaimSupport<'m> {
    /// The claim's id.
    pub id: &'m str,
    /// Its text.
    pub text: &'m str,
    /// Whether it is a thesis.
    pub thesis: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    /// Who holds it (`by`), if the map says.
    pub by: Option<&'m str>,
    /// Its support status.
    pub status: Status,
    /// Ids from the claim down to the node that cites a source (empty unless cited).
    pub chain: Vec<&'m str>,
    /// The citations at the end of the chain (in JSON as `source, p. at, fn. n` text:
    /// [`describe_cite`]).
    #[serde(serialize_with = "described")]
    pub citations: &'m [Cite],
    /// Number of direct supporters.
    pub supporters: usize,
    /// What its cited support rests on (implicit premises, placeholder sources): given
    /// for a cited claim when the map has an implicit node or a placeholder source
    /// ([`super::reliance`]).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rests_on: Option<super::reliance::RestsOn>,
}

fn described<S: serde::Serializer>(cites: &&[Cite], s: S) -> Result<S::Ok, S::Error> {
    s.collect_seq(cites.iter().map(describe_cite))
}

/// The support report of one map: every claim's status and chain, and coverage.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct SupportReport<'m> {
    /// The map id.
    pub map: &'m str,
    /// Every claim, in map order.
    pub claims: Vec<ClaimSupport<'m>>,
    /// The counts by status.
    pub coverage: Coverage,
    /// The cited claims counted by what their support rests on, when the map has an
    /// implicit node or a placeholder source ([`super::reliance`]).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reliance: Option<super::reliance::RelianceCoverage>,
    /// The counts of each group's claims (subgroups included), in tree order; empty
    /// (and left out of JSON) when the map has no groups.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub groups: Vec<crate::analyse::groups::GroupCoverage>,
    /// The counts of the claims in no group, when the map has groups.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ungrouped: Option<Coverage>,
}

/// Describes a citation: `deutscher-1965, p. 129, fn. 11`.
pub fn describe_cite(c: &Cite) -> String {
    let mut s = c.source.to_string();
    if let Some(at) = &c.at {
        s.push_str(&format!(", p. {at}"));
    }
    if let Some(f) = &c.footnote {
        s.push_str(&format!(", fn. {f}"));
    }
    s
}

/// Builds the support report of a map.
pub fn report<'m>(g: &ArgGraph<'m>, s: &Support) -> SupportReport<'m> {
    let reliance = super::reliance::applies(g).then(|| super::reliance::Reliance::compute(g, s));
    let claims = g
        .graph
        .node_indices()
        .filter(|&ix| g.graph[ix].kind == NodeKind::Claim)
        .map(|ix| {
            let n = &g.graph[ix];
            let chain = s.chain(ix);
            let citations = chain
                .last()
                .and_then(|&end| g.graph[end].node)
                .map_or(&[][..], |node| &node.cites[..]);
            ClaimSupport {
                id: n.id,
                text: n.text(),
                thesis: n.is_thesis(),
                by: n.node.and_then(|x| x.by()),
                status: s.status(ix),
                chain: chain.iter().map(|&c| g.graph[c].id).collect(),
                citations,
                supporters: g.incoming(ix, |k| matches!(k, EdgeKind::Supports)).count(),
                rests_on: reliance
                    .as_ref()
                    .filter(|_| s.status(ix) == Status::Cited)
                    .map(|r| r.rests_on(ix)),
            }
        })
        .collect();
    let groups = crate::analyse::groups::Groups::of(g);
    let (by_group, ungrouped) = groups.coverage(g, s);
    SupportReport {
        map: g.map.id.as_deref().unwrap_or_default(),
        claims,
        coverage: Coverage::of(g, s),
        reliance: reliance.as_ref().map(|r| r.coverage(g, s)),
        ungrouped: (!groups.is_empty()).then_some(ungrouped),
        groups: by_group,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::load::parse_map;

    fn statuses(yaml: &str) -> Vec<(String, Status)> {
        let map = parse_map(yaml).expect("parses");
        let g = ArgGraph::build(&map);
        let s = Support::compute(&g);
        g.graph
            .node_indices()
            .filter(|&ix| g.graph[ix].kind == NodeKind::Claim)
            .map(|ix| (g.graph[ix].id.to_string(), s.status(ix)))
            .collect()
    }

    const HEAD: &str = "id: m\nsources:\n  s: {title: S}\n";

    #[test]
    fn chain_of_supports_reaches_a_citation() {
        let st = statuses(&format!(
            "{HEAD}claims:\n  T1: {{text: t, thesis: true}}\n  C1: {{text: c, supports: [T1]}}\n  C2: {{text: d}}\nevidence:\n  E1: {{text: e, cites: [s], supports: [C1]}}\n"
        ));
        assert_eq!(
            st,
            vec![
                ("T1".into(), Status::Cited),
                ("C1".into(), Status::Cited),
                ("C2".into(), Status::Unsupported)
            ]
        );
    }

    #[test]
    fn uncited_supporters_give_uncited() {
        let st = statuses(&format!(
            "{HEAD}claims:\n  T1: {{text: t}}\n  C1: {{text: c, supports: [T1]}}\n"
        ));
        assert_eq!(st[0], ("T1".into(), Status::Uncited));
    }

    #[test]
    fn a_linked_argument_needs_every_premise_cited() {
        let one = format!(
            "{HEAD}claims:\n  T1: {{text: t}}\n  P1: {{text: p, supports: [T1], with: [P2], cites: [s]}}\n  P2: {{text: q, supports: [T1]}}\n"
        );
        assert_eq!(statuses(&one)[0], ("T1".into(), Status::Uncited));
        let both = one.replace(
            "P2: {text: q, supports: [T1]}",
            "P2: {text: q, supports: [T1], cites: [s]}",
        );
        assert_eq!(statuses(&both)[0], ("T1".into(), Status::Cited));
    }

    #[test]
    fn cycles_do_not_hang_and_stay_uncited() {
        let st = statuses(&format!(
            "{HEAD}claims:\n  A: {{text: a, supports: [B]}}\n  B: {{text: b, supports: [A]}}\n"
        ));
        assert_eq!(
            st,
            vec![("A".into(), Status::Uncited), ("B".into(), Status::Uncited)]
        );
    }
}
