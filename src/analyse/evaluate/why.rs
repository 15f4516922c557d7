//! Why a thesis has its status, as data: which attack fails or holds, which cycle
//! leaves it undecided, in how many extensions it is. `src/present/evaluate.rs` words
//! these reasons; JSON gives them as they are.

use super::{label, Argument, Encoding, Status};
use crate::analyse::inference::Inference;
use crate::analyse::semantics::{Found, Labelling, StoppedBy, TooMany};
use crate::graph::ArgGraph;
use crate::parse::model::Id;
use petgraph::graph::NodeIndex;
use serde::Serialize;
use std::collections::{HashMap, VecDeque};

/// An argument named in a reason: a map node, or an inference (a link).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum Arg {
    /// A claim, evidence item or rebuttal.
    Node {
        /// Its id.
        id: Id,
    },
    /// An inference that is an argument of its own: `A -> B`, `A + P -> B`.
    Link {
        /// The link, `A -> B`.
        link: String,
        /// Whether something undercuts it (else it is an attack by linked premises).
        undercut: bool,
    },
}

/// Why an attack on an accepted node fails (grounded semantics).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "reason", rename_all = "kebab-case")]
pub enum FailedAttack {
    /// The attacking inference is undercut by `by`, which is in (`W1 + W2` for a linked
    /// undercut that holds).
    Undercut {
        /// The attacking link.
        link: String,
        /// The undercutter that is in.
        by: Id,
    },
    /// The attacking inference fails because these premises are out.
    PremisesOut {
        /// The attacking link.
        link: String,
        /// Its premises that are out.
        premises: Vec<Id>,
    },
    /// The attacker is out: attacked by `by`, which is in (a node, or an inference
    /// that holds); `None` when no attacker of it is in.
    AttackerOut {
        /// The attacker.
        attacker: Id,
        /// What defeats it.
        by: Option<Arg>,
    },
}

/// The attack that defeats a rejected node (grounded semantics).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "reason", rename_all = "kebab-case")]
pub enum WinningAttack {
    /// The inference holds: every premise is in and every undercutter (if any) out.
    InferenceHolds {
        /// The attacking link.
        link: String,
        /// Its premises (all in).
        premises: Vec<Id>,
        /// Its undercutters (all out).
        undercutters: Vec<Id>,
        /// The undercuts of it that fail though their undercutters are in: undercut
        /// themselves, or linked with a premise that is out (`U -> A -> B`).
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        failed_undercuts: Vec<String>,
    },
    /// The attacker is unattacked.
    UnattackedAttacker {
        /// The attacker.
        attacker: Id,
    },
    /// The attacker is accepted: every attack on it fails.
    AcceptedAttacker {
        /// The attacker.
        attacker: Id,
    },
}

/// Why a thesis has its grounded label.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "reason", rename_all = "kebab-case")]
pub enum GroundedReason {
    /// In: nothing attacks it.
    Unattacked,
    /// In: every attack on it fails, for these reasons (one per attacker).
    EveryAttackFails {
        /// Why each attack fails.
        attacks: Vec<FailedAttack>,
    },
    /// Out: this attack holds (`None` only if the labelling were inconsistent).
    Attacked {
        /// The attack that holds.
        by: Option<WinningAttack>,
    },
    /// Undecided: it attacks itself.
    SelfAttack,
    /// Undecided: it lies on an attack cycle with these arguments.
    OnCycle {
        /// The other arguments of the cycle.
        with: Vec<Arg>,
    },
    /// Undecided: its attacker `attacker` is undecided because it depends on the attack
    /// cycle of `cycle`.
    DependsOnCycle {
        /// The undecided attacker.
        attacker: Arg,
        /// The cycle it depends on.
        cycle: Vec<Arg>,
    },
    /// Undecided: an undecided argument attacks it (no cycle found behind it).
    UndecidedAttacker,
}

/// A thesis's standing under a semantics that enumerates extensions.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "reason", rename_all = "kebab-case")]
pub enum Standing {
    /// There is no extension: not credulously accepted, only vacuously sceptically.
    NoExtension,
    /// In every one of the `total` extensions (at least one): sceptically accepted.
    InAll {
        /// How many extensions there are.
        total: usize,
    },
    /// In `count` of the `total` extensions: credulously, not sceptically, accepted.
    InSome {
        /// How many hold it.
        count: usize,
        /// How many extensions there are.
        total: usize,
    },
    /// In none of the `total` extensions (at least one): not accepted.
    InNone {
        /// How many extensions there are.
        total: usize,
    },
    /// Unknown: the search stopped after finding `found` extensions.
    SearchStopped {
        /// Extensions found before it stopped.
        found: usize,
        /// What stopped it.
        by: StoppedBy,
        /// The `--limit` it ran with.
        limit: usize,
    },
}

impl Standing {
    /// The standing of argument `a` given a search's outcome.
    pub fn of(found: &Found, a: usize, limit: usize) -> Standing {
        let exts = match found {
            Ok(e) => e,
            Err(TooMany { found, stopped_by }) => {
                return Standing::SearchStopped {
                    found: *found,
                    by: *stopped_by,
                    limit,
                }
            }
        };
        let total = exts.len();
        let count = exts.iter().filter(|e| e.binary_search(&a).is_ok()).count();
        match count {
            _ if total == 0 => Standing::NoExtension,
            c if c == total => Standing::InAll { total },
            0 => Standing::InNone { total },
            count => Standing::InSome { count, total },
        }
    }
}

/// Finds the reasons for grounded labels.
pub(super) struct Explainer<'a, 'm> {
    pub(super) g: &'a ArgGraph<'m>,
    pub(super) enc: &'a Encoding<'a>,
    pub(super) grounded: &'a Labelling,
}

impl Explainer<'_, '_> {
    fn status(&self, a: usize) -> Status {
        label(self.grounded, a)
    }

    fn inference(&self, a: usize) -> Option<&Inference> {
        match self.enc.arguments.get(a) {
            Some(Argument::Inference(i)) => self.enc.inferences.get(*i).copied(),
            _ => None,
        }
    }

    fn id(&self, ix: NodeIndex) -> Id {
        self.g.graph[ix].id.into()
    }

    fn ids(&self, nodes: impl IntoIterator<Item = NodeIndex>) -> Vec<Id> {
        nodes.into_iter().map(|ix| self.id(ix)).collect()
    }

    /// The node id of argument `a` (which attacks or is attacked by a node, so is a
    /// node unless it is an inference).
    fn node_id(&self, a: usize) -> Id {
        match self.enc.arguments.get(a) {
            Some(Argument::Node(ix)) => self.id(*ix),
            _ => self.enc.name(self.g, a).into(),
        }
    }

    /// Argument `a` as named in a reason (auxiliary arguments are not named).
    fn arg(&self, a: usize) -> Option<Arg> {
        match self.enc.arguments.get(a) {
            Some(Argument::Node(ix)) => Some(Arg::Node { id: self.id(*ix) }),
            Some(Argument::Inference(i)) => self.enc.inferences.get(*i).map(|inf| Arg::Link {
                link: inf.name(self.g),
                undercut: !inf.undercutters.is_empty(),
            }),
            _ => None,
        }
    }

    /// How attacker `b` (an argument that attacks a node, and is in) wins.
    fn why_in(&self, b: usize) -> WinningAttack {
        if let Some(inf) = self.inference(b) {
            // What attacks it: the auxiliaries of its premises, the undercutters that attack
            // it alone (nodes), and the undercuts that are arguments of their own.
            let attackers = self.enc.framework.attackers(b);
            let direct: Vec<NodeIndex> = attackers
                .iter()
                .filter_map(|&c| match self.enc.arguments.get(c) {
                    Some(Argument::Node(ix)) => Some(*ix),
                    _ => None,
                })
                .collect();
            let failed_undercuts = attackers
                .iter()
                .filter_map(|&c| self.inference(c).map(|u| u.name(self.g)))
                .collect();
            return WinningAttack::InferenceHolds {
                link: inf.name(self.g),
                premises: self.ids(inf.premises.iter().copied()),
                undercutters: self
                    .ids((inf.undercutters.iter().copied()).filter(|u| direct.contains(u))),
                failed_undercuts,
            };
        }
        let attacker = self.node_id(b);
        if self.enc.framework.attackers(b).is_empty() {
            WinningAttack::UnattackedAttacker { attacker }
        } else {
            WinningAttack::AcceptedAttacker { attacker }
        }
    }

    /// Why attacker `b` is out (it no longer counts).
    fn why_out(&self, b: usize) -> FailedAttack {
        let is = |ix: &NodeIndex, s: Status| {
            self.enc
                .of_node
                .get(ix)
                .is_some_and(|a| self.status(a) == s)
        };
        if let Some(inf) = self.inference(b) {
            let link = inf.name(self.g);
            // An undercut that holds: an undercutter alone that is in, or an undercut that
            // is an argument of its own (linked, or undercut itself) and is in — not an
            // undercutter that is in while its undercut fails.
            let holding = (self.enc.framework.attackers(b).iter())
                .filter(|&&c| self.status(c) == Status::In)
                .find_map(|&c| match self.enc.arguments.get(c) {
                    Some(Argument::Node(u)) => Some(self.id(*u)),
                    Some(Argument::Inference(_)) => self.inference(c).map(|u| {
                        let premises: Vec<&str> =
                            u.premises.iter().map(|&p| self.g.graph[p].id).collect();
                        premises.join(" + ").into()
                    }),
                    _ => None,
                });
            if let Some(by) = holding {
                return FailedAttack::Undercut { link, by };
            }
            let out = inf.premises.iter().copied().filter(|p| is(p, Status::Out));
            return FailedAttack::PremisesOut {
                link,
                premises: self.ids(out),
            };
        }
        let by = self
            .enc
            .framework
            .attackers(b)
            .iter()
            .find(|&&c| self.status(c) == Status::In)
            .and_then(|&c| self.arg(c));
        FailedAttack::AttackerOut {
            attacker: self.node_id(b),
            by,
        }
    }

    /// Why thesis argument `a` has its grounded label.
    pub(super) fn grounded(&self, a: usize) -> GroundedReason {
        let attackers = self.enc.framework.attackers(a);
        match self.status(a) {
            Status::In if attackers.is_empty() => GroundedReason::Unattacked,
            Status::In => GroundedReason::EveryAttackFails {
                attacks: attackers.iter().map(|&b| self.why_out(b)).collect(),
            },
            Status::Out => GroundedReason::Attacked {
                by: attackers
                    .iter()
                    .find(|&&b| self.status(b) == Status::In)
                    .map(|&b| self.why_in(b)),
            },
            Status::Undecided => self.why_undecided(a),
        }
    }

    /// The arguments worth naming on a cycle: nodes and undercut inferences (an
    /// inference by linked premises and the auxiliaries are named by their nodes, which
    /// are on the same cycle), without repeats, leaving out `skip`.
    fn cycle_members(&self, args: &[usize], skip: usize) -> Vec<Arg> {
        let mut out: Vec<Arg> = Vec::new();
        for &b in args.iter().filter(|&&b| b != skip) {
            let Some(arg) = self.arg(b) else { continue };
            if matches!(
                arg,
                Arg::Link {
                    undercut: false,
                    ..
                }
            ) {
                continue;
            }
            if !out.contains(&arg) {
                out.push(arg);
            }
        }
        out
    }

    /// The shortest cycle of undecided arguments through `a` (following attacks), as
    /// the arguments after `a` on it; empty when `a` is on no such cycle.
    fn cycle_through(&self, a: usize) -> Vec<usize> {
        let fw = &self.enc.framework;
        let undec = |b: usize| self.status(b) == Status::Undecided;
        let mut parent: HashMap<usize, usize> = HashMap::new();
        let mut queue = VecDeque::from([a]);
        while let Some(b) = queue.pop_front() {
            for &c in fw.targets(b) {
                if !undec(c) {
                    continue;
                }
                if c == a {
                    let mut path = vec![b];
                    let mut cur = b;
                    while cur != a {
                        cur = parent[&cur];
                        if cur != a {
                            path.push(cur);
                        }
                    }
                    path.reverse();
                    return path;
                }
                if let std::collections::hash_map::Entry::Vacant(e) = parent.entry(c) {
                    e.insert(b);
                    queue.push_back(c);
                }
            }
        }
        Vec::new()
    }

    /// For each argument, whether it lies on a cycle of undecided arguments (a strongly
    /// connected component of the undecided attacks with more than one member, or a
    /// self-attack). Linear time, no recursion.
    fn on_undecided_cycles(&self) -> Vec<bool> {
        let fw = &self.enc.framework;
        let n = fw.len();
        let undec = |b: usize| self.status(b) == Status::Undecided;
        let mut g: petgraph::Graph<(), ()> = petgraph::Graph::with_capacity(n, fw.attack_count());
        for _ in 0..n {
            g.add_node(());
        }
        for a in (0..n).filter(|&a| undec(a)) {
            for &b in fw.targets(a).iter().filter(|&&b| undec(b)) {
                g.add_edge(NodeIndex::new(a), NodeIndex::new(b), ());
            }
        }
        let mut cyclic = vec![false; n];
        for scc in petgraph::algo::kosaraju_scc(&g) {
            let Some(first) = scc.first().map(|x| x.index()) else {
                continue;
            };
            if scc.len() > 1 || fw.targets(first).contains(&first) {
                for x in scc {
                    cyclic[x.index()] = true;
                }
            }
        }
        cyclic
    }

    /// Why `a` is undecided: the attack cycle it lies on, or the undecided attacker
    /// through which it depends on one.
    fn why_undecided(&self, a: usize) -> GroundedReason {
        let fw = &self.enc.framework;
        let cycle = self.cycle_through(a);
        if !cycle.is_empty() {
            let with = self.cycle_members(&cycle, a);
            return if with.is_empty() {
                GroundedReason::SelfAttack
            } else {
                GroundedReason::OnCycle { with }
            };
        }
        // Walk back along undecided attackers to the first argument on a cycle.
        let cyclic = self.on_undecided_cycles();
        let mut seen: HashMap<usize, usize> = HashMap::new();
        let mut queue = VecDeque::from([a]);
        while let Some(b) = queue.pop_front() {
            for &c in fw.attackers(b) {
                if self.status(c) != Status::Undecided || seen.contains_key(&c) || c == a {
                    continue;
                }
                seen.insert(c, b);
                let cyc = if cyclic[c] {
                    self.cycle_through(c)
                } else {
                    Vec::new()
                };
                if !cyc.is_empty() {
                    let mut members = vec![c];
                    members.extend(cyc);
                    // The attacker of `a` on the path from the cycle.
                    let mut first = c;
                    while let Some(&next) = seen.get(&first) {
                        if next == a {
                            break;
                        }
                        first = next;
                    }
                    let attacker = self.arg(first).unwrap_or_else(|| Arg::Node {
                        id: self.enc.name(self.g, first).into(),
                    });
                    return GroundedReason::DependsOnCycle {
                        attacker,
                        cycle: self.cycle_members(&members, usize::MAX),
                    };
                }
                queue.push_back(c);
            }
        }
        GroundedReason::UndecidedAttacker
    }
}
