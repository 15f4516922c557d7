//! Abstract argumentation semantics for Dung-style frameworks.
//!
//! An *abstract argumentation framework* is a set of arguments together with
//! a binary *attack* relation.  Here arguments are the indices `0..n` and an
//! attack `(a, b)` means "`a` attacks `b`".  For a set of arguments `S`:
//!
//! * `S` is **conflict-free** when no member of `S` attacks a member of `S`.
//! * `S` **defends** an argument `a` when every attacker of `a` is attacked by
//!   some member of `S`.
//! * `S` is **admissible** when it is conflict-free and defends each of its
//!   members.
//! * `S` is a **complete extension** when it is admissible and contains every
//!   argument it defends.
//! * The **grounded extension** is the least complete extension (with respect
//!   to set inclusion); it always exists and is unique.
//! * `S` is a **preferred extension** when it is a maximal (w.r.t. set
//!   inclusion) admissible set; equivalently a maximal complete extension.
//! * `S` is a **stable extension** when it is conflict-free and attacks every
//!   argument outside it.  Every stable extension is preferred; a framework
//!   may have no stable extension at all (e.g. an odd cycle).
//!
//! Extensions correspond one-to-one with *complete labellings* (Caminada):
//! an assignment of [`Label::In`], [`Label::Out`] or [`Label::Undecided`] to
//! every argument such that an argument is `In` iff all its attackers are
//! `Out`, and `Out` iff some attacker is `In`.  The extension is the `In` set.
//!
//! [`Framework::grounded`] runs in linear time.  Enumerating complete,
//! preferred and stable extensions is intractable in general, so those
//! searches are bounded by a result `limit` and by a step budget (see
//! [`Framework::with_step_budget`]) and report [`TooMany`] instead of running
//! for ever.  No routine recurses, so very large frameworks cannot overflow
//! the stack.
//!
//! The files: this one holds the framework, labellings, the grounded
//! labelling and the definitions as predicates; `search.rs` the extension
//! search; `kinds.rs` the table of semantics ([`Semantics`]: name,
//! description, how its extensions are computed), where a semantics is added;
//! `tests.rs` the tests, against brute force among others.

use std::fmt;

mod kinds;
mod search;
#[cfg(test)]
mod tests;

pub use kinds::{About, BySemantics, Found, Semantics};

/// The default bound on the work of one extension search, in abstract steps
/// (roughly one step per attack or argument inspected).  The default takes
/// a fraction of a second in an optimised build.
pub const DEFAULT_STEP_BUDGET: u64 = 100_000_000;

/// An abstract argumentation framework: arguments `0..n`, and attacks
/// `(a, b)` meaning `a` attacks `b`.
///
/// The attack relation is stored twice in compressed adjacency form (who
/// attacks each argument, and whom each argument attacks), built once by
/// [`Framework::new`].  Both lists are sorted and free of duplicates.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Framework {
    n: usize,
    /// `attackers[attacker_start[b]..attacker_start[b + 1]]` attack `b`.
    attacker_start: Vec<usize>,
    attackers: Vec<usize>,
    /// `targets[target_start[a]..target_start[a + 1]]` are attacked by `a`.
    target_start: Vec<usize>,
    targets: Vec<usize>,
    /// Work bound for the exponential searches.
    step_budget: u64,
}

/// The status of one argument in a labelling.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Label {
    /// Accepted: every attacker is `Out`.
    In,
    /// Rejected: some attacker is `In`.
    Out,
    /// Neither accepted nor rejected.
    Undecided,
}

/// A labelling of a framework: `labels[a]` is the label of argument `a`.
///
/// [`Framework::grounded`] returns the grounded labelling, whose `In` set is
/// the grounded extension.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Labelling {
    /// One label per argument, indexed by argument.
    pub labels: Vec<Label>,
}

/// Error of the extension searches: there are more than `limit` extensions,
/// or the search exceeded its step budget before it could finish.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct TooMany {
    /// How many extensions had been found when the search stopped: `limit +
    /// 1` when the limit was exceeded, otherwise the number found before the
    /// step budget ran out (so at least this many exist).
    pub found: usize,
    /// What stopped it.
    pub stopped_by: StoppedBy,
}

/// What stopped an extension search.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum StoppedBy {
    /// More extensions than the limit exist (`argmap evaluate --limit`).
    Limit,
    /// The step budget ran out before the search could finish: a larger
    /// limit would not help.
    StepBudget,
}

impl fmt::Display for TooMany {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let why = match self.stopped_by {
            StoppedBy::Limit => "more than the limit",
            StoppedBy::StepBudget => "step budget spent",
        };
        write!(
            f,
            "too many extensions to enumerate (search stopped after finding {}: {why})",
            self.found
        )
    }
}

impl std::error::Error for TooMany {}

impl Labelling {
    /// Number of labelled arguments.
    pub fn len(&self) -> usize {
        self.labels.len()
    }

    /// True when the labelling covers no argument.
    pub fn is_empty(&self) -> bool {
        self.labels.is_empty()
    }

    /// The label of argument `a`, or `None` when `a` is out of range.
    pub fn label(&self, a: usize) -> Option<Label> {
        self.labels.get(a).copied()
    }

    /// The arguments labelled `label`, in increasing order.
    pub fn with_label(&self, label: Label) -> Vec<usize> {
        self.labels
            .iter()
            .enumerate()
            .filter(|&(_, &l)| l == label)
            .map(|(a, _)| a)
            .collect()
    }

    /// The accepted arguments (the extension), in increasing order.
    pub fn in_set(&self) -> Vec<usize> {
        self.with_label(Label::In)
    }

    /// The rejected arguments, in increasing order.
    pub fn out_set(&self) -> Vec<usize> {
        self.with_label(Label::Out)
    }

    /// The undecided arguments, in increasing order.
    pub fn undecided_set(&self) -> Vec<usize> {
        self.with_label(Label::Undecided)
    }
}

/// Builds a compressed adjacency list `(start, list)` by counting sort:
/// `list[start[v]..start[v + 1]]` holds `value(e)` for the edges `e` with
/// `key(e) == v`, in the order the edges are given.
fn compress(
    n: usize,
    edges: &[(usize, usize)],
    key: impl Fn(&(usize, usize)) -> usize,
    value: impl Fn(&(usize, usize)) -> usize,
) -> (Vec<usize>, Vec<usize>) {
    let mut start = vec![0usize; n + 1];
    for e in edges {
        start[key(e) + 1] += 1;
    }
    for v in 0..n {
        start[v + 1] += start[v];
    }
    let mut next = start.clone();
    let mut list = vec![0usize; edges.len()];
    for e in edges {
        let slot = &mut next[key(e)];
        list[*slot] = value(e);
        *slot += 1;
    }
    (start, list)
}

impl Framework {
    /// Builds a framework with arguments `0..n` and the given attacks, where
    /// `(a, b)` means `a` attacks `b`.
    ///
    /// Duplicate attacks are merged.  Attacks that mention an index `>= n`
    /// are ignored (this never panics).  Runs in `O(n + m log m)` for `m`
    /// attacks.
    pub fn new(n: usize, attacks: &[(usize, usize)]) -> Framework {
        let mut edges: Vec<(usize, usize)> = attacks
            .iter()
            .copied()
            .filter(|&(a, b)| a < n && b < n)
            .collect();
        edges.sort_unstable();
        edges.dedup();
        // `edges` is sorted by (attacker, target), so both lists come out
        // sorted: targets of `a` by target, attackers of `b` by attacker.
        let (target_start, targets) = compress(n, &edges, |e| e.0, |e| e.1);
        let (attacker_start, attackers) = compress(n, &edges, |e| e.1, |e| e.0);
        Framework {
            n,
            attacker_start,
            attackers,
            target_start,
            targets,
            step_budget: DEFAULT_STEP_BUDGET,
        }
    }

    /// Returns the framework with a different step budget for the extension
    /// searches (default [`DEFAULT_STEP_BUDGET`]).  When a search needs more
    /// steps it returns [`TooMany`].
    pub fn with_step_budget(mut self, steps: u64) -> Framework {
        self.step_budget = steps;
        self
    }

    /// The number of arguments.
    pub fn len(&self) -> usize {
        self.n
    }

    /// True when the framework has no arguments.
    pub fn is_empty(&self) -> bool {
        self.n == 0
    }

    /// The number of distinct attacks.
    pub fn attack_count(&self) -> usize {
        self.targets.len()
    }

    /// The arguments attacking `a`, sorted and without duplicates; empty when
    /// `a` is out of range.
    pub fn attackers(&self, a: usize) -> &[usize] {
        if a < self.n {
            &self.attackers[self.attacker_start[a]..self.attacker_start[a + 1]]
        } else {
            &[]
        }
    }

    /// The arguments attacked by `a`, sorted and without duplicates; empty
    /// when `a` is out of range.
    pub fn targets(&self, a: usize) -> &[usize] {
        if a < self.n {
            &self.targets[self.target_start[a]..self.target_start[a + 1]]
        } else {
            &[]
        }
    }

    /// The grounded labelling: its `In` set is the grounded extension, the
    /// least complete extension.
    ///
    /// Standard linear algorithm: an argument is `In` once all its attackers
    /// are `Out` (initially: the unattacked arguments), and `Out` once some
    /// attacker is `In`.  Each argument keeps a counter of attackers not yet
    /// `Out`; a worklist propagates changes, so every argument and attack is
    /// handled a bounded number of times: `O(n + m)`.  Whatever is never
    /// decided stays [`Label::Undecided`].
    pub fn grounded(&self) -> Labelling {
        let mut labels = vec![Label::Undecided; self.n];
        // Attackers of each argument not yet known to be `Out`.
        let mut live: Vec<usize> = (0..self.n).map(|a| self.attackers(a).len()).collect();
        // Arguments just labelled `In` whose targets still need rejecting.
        let mut pending: Vec<usize> = (0..self.n).filter(|&a| live[a] == 0).collect();
        for &a in &pending {
            labels[a] = Label::In;
        }
        while let Some(a) = pending.pop() {
            for &b in self.targets(a) {
                // `b` is attacked by an `In` argument so it cannot be `In`;
                // skip it if it is already `Out`.
                if labels[b] != Label::Undecided {
                    continue;
                }
                labels[b] = Label::Out;
                for &c in self.targets(b) {
                    if labels[c] == Label::Undecided {
                        live[c] -= 1;
                        if live[c] == 0 {
                            labels[c] = Label::In;
                            pending.push(c);
                        }
                    }
                }
            }
        }
        Labelling { labels }
    }

    /// The labelling induced by a set of arguments: members `In`, arguments
    /// attacked by a member `Out`, everything else `Undecided`.  For a
    /// complete extension this is its complete labelling.  Indices `>= n`
    /// are ignored.
    pub fn labelling_of(&self, set: &[usize]) -> Labelling {
        let mut labels = vec![Label::Undecided; self.n];
        for &a in set.iter().filter(|&&a| a < self.n) {
            for &b in self.targets(a) {
                labels[b] = Label::Out;
            }
        }
        for &a in set.iter().filter(|&&a| a < self.n) {
            // A member that is also attacked by the set stays `Out`: the set
            // is then not conflict-free and the labelling is not complete.
            if labels[a] == Label::Undecided {
                labels[a] = Label::In;
            }
        }
        Labelling { labels }
    }

    /// Membership vector of `set`, or `None` if it mentions an index `>= n`.
    fn members(&self, set: &[usize]) -> Option<Vec<bool>> {
        let mut member = vec![false; self.n];
        for &a in set {
            *member.get_mut(a)? = true;
        }
        Some(member)
    }

    /// For each argument, whether some member of the set attacks it.
    fn attacked_by(&self, member: &[bool]) -> Vec<bool> {
        let mut attacked = vec![false; self.n];
        for a in (0..self.n).filter(|&a| member[a]) {
            for &b in self.targets(a) {
                attacked[b] = true;
            }
        }
        attacked
    }

    /// True when no member of `set` attacks a member of `set`.  Returns false
    /// if `set` mentions an index `>= n`; duplicates are allowed.
    pub fn is_conflict_free(&self, set: &[usize]) -> bool {
        match self.members(set) {
            Some(member) => {
                let attacked = self.attacked_by(&member);
                (0..self.n).all(|a| !(member[a] && attacked[a]))
            }
            None => false,
        }
    }

    /// True when `set` is conflict-free and defends each of its members
    /// (every attacker of a member is attacked by some member).  Returns
    /// false if `set` mentions an index `>= n`.
    pub fn is_admissible(&self, set: &[usize]) -> bool {
        self.admissible_and_defended(set)
            .is_some_and(|(member, defended)| (0..self.n).all(|a| !member[a] || defended[a]))
    }

    /// True when `set` is admissible and contains every argument it defends.
    /// Returns false if `set` mentions an index `>= n`.
    pub fn is_complete(&self, set: &[usize]) -> bool {
        self.admissible_and_defended(set)
            .is_some_and(|(member, defended)| member == defended)
    }

    /// Shared part of the admissibility checks: if `set` is in range and
    /// conflict-free, its membership vector and the arguments it defends.
    fn admissible_and_defended(&self, set: &[usize]) -> Option<(Vec<bool>, Vec<bool>)> {
        let member = self.members(set)?;
        let attacked = self.attacked_by(&member);
        if (0..self.n).any(|a| member[a] && attacked[a]) {
            return None;
        }
        let defended: Vec<bool> = (0..self.n)
            .map(|a| self.attackers(a).iter().all(|&b| attacked[b]))
            .collect();
        Some((member, defended))
    }

    /// True when `set` is conflict-free and attacks every argument outside
    /// it.  Returns false if `set` mentions an index `>= n`.
    pub fn is_stable(&self, set: &[usize]) -> bool {
        match self.members(set) {
            Some(member) => {
                let attacked = self.attacked_by(&member);
                (0..self.n).all(|a| member[a] != attacked[a])
            }
            None => false,
        }
    }

    /// All complete extensions: admissible sets containing every argument
    /// they defend.  Each extension is sorted, and so is the list.
    ///
    /// Returns [`TooMany`] if there are more than `limit` of them or the
    /// search exceeds the step budget.
    pub fn complete_extensions(&self, limit: usize) -> Result<Vec<Vec<usize>>, TooMany> {
        search::Search::new(self, search::Mode::Complete).run(limit)
    }

    /// All preferred extensions: maximal admissible sets, equivalently the
    /// complete extensions maximal with respect to set inclusion.  There is
    /// always at least one (possibly empty).  Each extension is sorted, and
    /// so is the list.
    ///
    /// Returns [`TooMany`] if there are more than `limit` of them or the
    /// search exceeds the step budget.
    pub fn preferred_extensions(&self, limit: usize) -> Result<Vec<Vec<usize>>, TooMany> {
        search::Search::new(self, search::Mode::Preferred).run(limit)
    }

    /// All stable extensions: conflict-free sets attacking every argument
    /// outside them.  There may be none.  Each extension is sorted, and so
    /// is the list.
    ///
    /// Returns [`TooMany`] if there are more than `limit` of them or the
    /// search exceeds the step budget.
    pub fn stable_extensions(&self, limit: usize) -> Result<Vec<Vec<usize>>, TooMany> {
        search::Search::new(self, search::Mode::Stable).run(limit)
    }
}
