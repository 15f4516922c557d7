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

use std::fmt;

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
        Search::new(self, Semantics::Complete).run(limit)
    }

    /// All preferred extensions: maximal admissible sets, equivalently the
    /// complete extensions maximal with respect to set inclusion.  There is
    /// always at least one (possibly empty).  Each extension is sorted, and
    /// so is the list.
    ///
    /// Returns [`TooMany`] if there are more than `limit` of them or the
    /// search exceeds the step budget.
    pub fn preferred_extensions(&self, limit: usize) -> Result<Vec<Vec<usize>>, TooMany> {
        Search::new(self, Semantics::Preferred).run(limit)
    }

    /// All stable extensions: conflict-free sets attacking every argument
    /// outside them.  There may be none.  Each extension is sorted, and so
    /// is the list.
    ///
    /// Returns [`TooMany`] if there are more than `limit` of them or the
    /// search exceeds the step budget.
    pub fn stable_extensions(&self, limit: usize) -> Result<Vec<Vec<usize>>, TooMany> {
        Search::new(self, Semantics::Stable).run(limit)
    }
}

// ---------------------------------------------------------------------------
// Extension search
// ---------------------------------------------------------------------------
//
// The search enumerates complete labellings.  Every complete labelling
// extends the grounded one (grounded `In` ⊆ `In`, grounded `Out` ⊆ `Out`), so
// only the arguments the grounded labelling leaves undecided (the "free"
// arguments) are searched.  Each argument has a *domain*: the set of labels
// it may still take, as a bit mask.  A node of the search shrinks domains by
// constraint propagation (only removing labels that no complete labelling
// extending the current domains can use), then branches on a free argument
// with the smallest domain.  Branches partition the search space, so each
// complete labelling is reached exactly once, at a leaf where every domain is
// a single label; the leaf is then checked against the definition.
//
// * Stable: free arguments start without `Undecided`.
// * Preferred: a node is pruned when the arguments that could still be `In`
//   form a subset of an extension already found (everything below it would
//   be non-maximal).  Labels are tried in the order `In`, `Out`, `Undecided`,
//   which guarantees that a complete extension `P` is found before every
//   complete extension `C ⊂ P`: for complete labellings, `in(C) ⊆ in(P)`
//   implies `out(C) ⊆ out(P)`, so where the two first differ (on the
//   argument of some choice point) `C` is `Undecided` while `P` is `In` or
//   `Out`, a branch tried earlier.  Hence every extension that survives the
//   pruning is maximal, i.e. preferred, and the limit can be applied as the
//   extensions are found.
//
// The search uses an explicit stack of choice points and a trail of domain
// changes for backtracking; nothing recurses.

/// Domain bit: the argument may be `In`.
const IN: u8 = 0b001;
/// Domain bit: the argument may be `Out`.
const OUT: u8 = 0b010;
/// Domain bit: the argument may be `Undecided`.
const UNDEC: u8 = 0b100;
/// All three labels.
const ANY: u8 = IN | OUT | UNDEC;

/// Which extensions a search enumerates.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Semantics {
    Complete,
    Preferred,
    Stable,
}

/// A branching point: the trail length before it, the argument branched on
/// and the labels not yet tried.
struct Choice {
    mark: usize,
    arg: usize,
    untried: u8,
}

/// A set of free arguments, as a bit set over their positions in `free`.
type FreeSet = Vec<u64>;

/// True when every element of `a` is in `b` (same length bit sets).
fn is_subset(a: &[u64], b: &[u64]) -> bool {
    a.iter().zip(b).all(|(x, y)| x & !y == 0)
}

/// State of one extension search.
struct Search<'a> {
    fw: &'a Framework,
    semantics: Semantics,
    /// Grounded `In` set: part of every complete extension.
    grounded_in: Vec<usize>,
    /// Arguments left undecided by the grounded labelling, increasing.
    free: Vec<usize>,
    /// Labels each argument may still take (bit mask of `IN | OUT | UNDEC`).
    domain: Vec<u8>,
    /// Domain changes `(argument, old domain)`, undone on backtracking.
    trail: Vec<(usize, u8)>,
    /// Arguments whose constraints need re-examining, and a membership flag.
    queue: Vec<usize>,
    queued: Vec<bool>,
    /// Work done so far and the bound on it.
    steps: u64,
    budget: u64,
}

impl<'a> Search<'a> {
    fn new(fw: &'a Framework, semantics: Semantics) -> Search<'a> {
        let grounded = fw.grounded();
        let free_labels = if semantics == Semantics::Stable {
            IN | OUT
        } else {
            ANY
        };
        let domain: Vec<u8> = grounded
            .labels
            .iter()
            .enumerate()
            .map(|(a, label)| match label {
                Label::In => IN,
                Label::Out => OUT,
                // A self-attacking argument can never be `In`.
                Label::Undecided if fw.attackers(a).binary_search(&a).is_ok() => free_labels & !IN,
                Label::Undecided => free_labels,
            })
            .collect();
        Search {
            fw,
            semantics,
            grounded_in: grounded.in_set(),
            free: grounded.undecided_set(),
            domain,
            trail: Vec::new(),
            queue: Vec::new(),
            queued: vec![false; fw.n],
            steps: 0,
            budget: fw.step_budget,
        }
    }

    /// Runs the search to completion; see the public wrappers.
    fn run(mut self, limit: usize) -> Result<Vec<Vec<usize>>, TooMany> {
        // Extensions found, as sets of free arguments.
        let mut found: Vec<FreeSet> = Vec::new();
        let mut stack: Vec<Choice> = Vec::new();

        for i in 0..self.free.len() {
            // A free argument may have lost a label up front (stable
            // semantics, self-attack); let propagation react to that.
            let a = self.free[i];
            self.enqueue(a);
        }
        let mut consistent = self.propagate();

        loop {
            self.check_budget(found.len())?;
            if consistent && !(self.semantics == Semantics::Preferred && self.dominated(&found)) {
                match self.pick_branch() {
                    Some(arg) => stack.push(Choice {
                        mark: self.trail.len(),
                        arg,
                        untried: self.domain[arg],
                    }),
                    None => {
                        if self.leaf_is_complete() {
                            let set = self.current_in();
                            self.record(set, &mut found, limit)?;
                        }
                    }
                }
            }

            // Move on to the next untried alternative, backtracking as needed.
            consistent = false;
            while let Some(top) = stack.last_mut() {
                self.undo(top.mark);
                if top.untried == 0 {
                    stack.pop();
                    continue;
                }
                // Lowest bit first: `In`, then `Out`, then `Undecided`.
                let label = top.untried & top.untried.wrapping_neg();
                top.untried &= !label;
                let arg = top.arg;
                self.steps += 1;
                if self.restrict(arg, label) && self.propagate() {
                    consistent = true;
                    break;
                }
                self.check_budget(found.len())?;
            }
            if !consistent {
                break; // The stack is empty: the search space is exhausted.
            }
        }

        let mut extensions: Vec<Vec<usize>> = found.iter().map(|set| self.extension(set)).collect();
        extensions.sort_unstable();
        Ok(extensions)
    }

    /// Fails with [`TooMany`] once the step budget is spent.
    fn check_budget(&self, found: usize) -> Result<(), TooMany> {
        if self.steps > self.budget {
            Err(TooMany {
                found,
                stopped_by: StoppedBy::StepBudget,
            })
        } else {
            Ok(())
        }
    }

    /// Adds a newly found extension (as a set of free arguments); fails once
    /// there are more than `limit`.
    fn record(&self, set: FreeSet, found: &mut Vec<FreeSet>, limit: usize) -> Result<(), TooMany> {
        // Preferred: `set` is contained in no earlier extension (the node was
        // not pruned as dominated), and it contains none either, because
        // supersets are always found first (see the comment on the search),
        // so every recorded extension is maximal.
        debug_assert!(
            self.semantics != Semantics::Preferred || found.iter().all(|old| !is_subset(old, &set)),
            "a preferred candidate was found after one of its supersets"
        );
        found.push(set);
        if found.len() > limit {
            Err(TooMany {
                found: found.len(),
                stopped_by: StoppedBy::Limit,
            })
        } else {
            Ok(())
        }
    }

    /// The full extension for a set of free arguments: grounded `In` plus
    /// those, sorted.
    fn extension(&self, set: &[u64]) -> Vec<usize> {
        let mut ext = self.grounded_in.clone();
        ext.extend(
            self.free
                .iter()
                .enumerate()
                .filter(|&(i, _)| set[i / 64] >> (i % 64) & 1 == 1)
                .map(|(_, &a)| a),
        );
        ext.sort_unstable();
        ext
    }

    /// Free arguments whose domain contains `In`, as a bit set.
    fn possibly_in(&self) -> FreeSet {
        let mut set = vec![0u64; self.free.len().div_ceil(64)];
        for (i, &a) in self.free.iter().enumerate() {
            if self.domain[a] & IN != 0 {
                set[i / 64] |= 1 << (i % 64);
            }
        }
        set
    }

    /// At a leaf: the free arguments labelled `In`.
    fn current_in(&mut self) -> FreeSet {
        self.steps += self.free.len() as u64;
        self.possibly_in()
    }

    /// Preferred pruning: true when every extension below this node would be
    /// contained in one already found.
    fn dominated(&mut self, found: &[FreeSet]) -> bool {
        if found.is_empty() {
            return false;
        }
        let possible = self.possibly_in();
        self.steps += self.free.len() as u64 + found.len() as u64 * possible.len() as u64;
        found.iter().any(|old| is_subset(&possible, old))
    }

    /// A free argument with the fewest (but at least two) labels left, or
    /// `None` when every domain is a single label.
    fn pick_branch(&mut self) -> Option<usize> {
        self.steps += self.free.len() as u64;
        let mut best: Option<(u32, usize)> = None;
        for &a in &self.free {
            let size = self.domain[a].count_ones();
            if size > 1 && best.is_none_or(|(s, _)| size < s) {
                best = Some((size, a));
                if size == 2 {
                    break; // Cannot do better.
                }
            }
        }
        best.map(|(_, a)| a)
    }

    /// At a leaf (all domains single labels): checks the complete-labelling
    /// conditions on the free arguments.  Propagation should already
    /// guarantee them; this is a cheap safety net.
    fn leaf_is_complete(&mut self) -> bool {
        let fw = self.fw;
        for &y in &self.free {
            let attackers = fw.attackers(y);
            self.steps += 1 + attackers.len() as u64;
            let expected = if attackers.iter().any(|&x| self.domain[x] == IN) {
                OUT
            } else if attackers.iter().all(|&x| self.domain[x] == OUT) {
                IN
            } else {
                UNDEC
            };
            if self.domain[y] != expected {
                return false;
            }
        }
        true
    }

    fn enqueue(&mut self, a: usize) {
        if !self.queued[a] {
            self.queued[a] = true;
            self.queue.push(a);
        }
    }

    /// Undoes domain changes back to trail length `mark`.
    fn undo(&mut self, mark: usize) {
        while self.trail.len() > mark {
            if let Some((a, old)) = self.trail.pop() {
                self.domain[a] = old;
            }
        }
    }

    /// Intersects the domain of `a` with `mask`.  Returns false if that
    /// leaves no label (a contradiction); the domain is then unchanged.
    fn restrict(&mut self, a: usize, mask: u8) -> bool {
        let old = self.domain[a];
        let new = old & mask;
        if new == old {
            return true;
        }
        if new == 0 {
            return false;
        }
        self.trail.push((a, old));
        self.domain[a] = new;
        // `a`'s own constraints and those of the arguments it attacks depend
        // on its domain.
        self.enqueue(a);
        let targets = self.fw.targets(a);
        self.steps += targets.len() as u64;
        for &t in targets {
            self.enqueue(t);
        }
        true
    }

    /// Propagates queued constraints to a fixpoint.  Returns false on a
    /// contradiction (the queue is then cleared).
    fn propagate(&mut self) -> bool {
        while let Some(y) = self.queue.pop() {
            self.queued[y] = false;
            if !self.revise(y) {
                for a in self.queue.drain(..) {
                    self.queued[a] = false;
                }
                return false;
            }
        }
        true
    }

    /// Applies the complete-labelling constraint of argument `y` ("`In` iff
    /// all attackers `Out`; `Out` iff some attacker `In`") in both
    /// directions: it narrows `y` from its attackers' domains and the
    /// attackers from `y`'s domain.  Returns false on a contradiction.
    fn revise(&mut self, y: usize) -> bool {
        let fw = self.fw;
        let attackers = fw.attackers(y);
        self.steps += 1 + attackers.len() as u64;

        let mut some_surely_in = false;
        let mut all_surely_out = true;
        let mut all_can_be_out = true;
        // Attackers that may be `In`, and the last one seen.
        let mut can_be_in = 0usize;
        let mut last_can_be_in = y;
        // Attackers that may be other than `Out`, and the last one seen.
        let mut not_surely_out = 0usize;
        let mut last_not_surely_out = y;
        for &x in attackers {
            let d = self.domain[x];
            if d == IN {
                some_surely_in = true;
            }
            if d != OUT {
                all_surely_out = false;
                not_surely_out += 1;
                last_not_surely_out = x;
            }
            if d & OUT == 0 {
                all_can_be_out = false;
            }
            if d & IN != 0 {
                can_be_in += 1;
                last_can_be_in = x;
            }
        }

        // Forward: what `y` may be, given its attackers.
        let mut allowed = ANY;
        if some_surely_in {
            allowed &= OUT;
        }
        if all_surely_out {
            allowed &= IN;
        }
        if can_be_in == 0 {
            allowed &= !OUT; // `Out` needs an `In` attacker.
        }
        if !all_can_be_out {
            allowed &= !IN; // `In` needs every attacker `Out`.
        }
        if !self.restrict(y, allowed) {
            return false;
        }

        // Backward: what the attackers may be, given `y`.
        let d = self.domain[y];
        if d == IN {
            // Every attacker must be `Out`.
            for &x in attackers {
                if !self.restrict(x, OUT) {
                    return false;
                }
            }
        } else if d & OUT == 0 {
            // `y` is not `Out`, so no attacker may be `In`.
            for &x in attackers {
                if !self.restrict(x, OUT | UNDEC) {
                    return false;
                }
            }
        }
        if d & IN == 0 && not_surely_out == 1 && !self.restrict(last_not_surely_out, IN | UNDEC) {
            // `y` is not `In`, so some attacker is not `Out`; only one can be.
            return false;
        }
        if d == OUT && can_be_in == 1 && !self.restrict(last_can_be_in, IN) {
            // `y` is `Out`, so some attacker is `In`; only one can be.
            return false;
        }
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    const A: usize = 0;
    const B: usize = 1;
    const C: usize = 2;
    const D: usize = 3;
    const E: usize = 4;

    const ALL: usize = usize::MAX;

    fn labels(fw: &Framework) -> (Vec<usize>, Vec<usize>, Vec<usize>) {
        let g = fw.grounded();
        (g.in_set(), g.out_set(), g.undecided_set())
    }

    /// Checks grounded, complete, preferred and stable results at once.
    fn check(
        fw: &Framework,
        grounded_in: &[usize],
        complete: &[&[usize]],
        preferred: &[&[usize]],
        stable: &[&[usize]],
    ) {
        let to_vec = |sets: &[&[usize]]| sets.iter().map(|s| s.to_vec()).collect::<Vec<_>>();
        assert_eq!(fw.grounded().in_set(), grounded_in, "grounded");
        assert_eq!(
            fw.complete_extensions(ALL),
            Ok(to_vec(complete)),
            "complete"
        );
        assert_eq!(
            fw.preferred_extensions(ALL),
            Ok(to_vec(preferred)),
            "preferred"
        );
        assert_eq!(fw.stable_extensions(ALL), Ok(to_vec(stable)), "stable");
    }

    #[test]
    fn empty_framework() {
        let fw = Framework::new(0, &[]);
        assert!(fw.is_empty());
        assert_eq!(fw.len(), 0);
        assert!(fw.grounded().is_empty());
        // The empty set is the unique extension under every semantics.
        check(&fw, &[], &[&[]], &[&[]], &[&[]]);
    }

    #[test]
    fn no_attacks() {
        let fw = Framework::new(3, &[]);
        check(&fw, &[A, B, C], &[&[A, B, C]], &[&[A, B, C]], &[&[A, B, C]]);
    }

    #[test]
    fn reinstatement() {
        // a -> b -> c
        let fw = Framework::new(3, &[(A, B), (B, C)]);
        assert_eq!(labels(&fw), (vec![A, C], vec![B], vec![]));
        check(&fw, &[A, C], &[&[A, C]], &[&[A, C]], &[&[A, C]]);
    }

    #[test]
    fn odd_loop() {
        // a -> b -> c -> a
        let fw = Framework::new(3, &[(A, B), (B, C), (C, A)]);
        assert_eq!(labels(&fw), (vec![], vec![], vec![A, B, C]));
        check(&fw, &[], &[&[]], &[&[]], &[]);
    }

    #[test]
    fn even_loop() {
        // a <-> b
        let fw = Framework::new(2, &[(A, B), (B, A)]);
        assert_eq!(labels(&fw), (vec![], vec![], vec![A, B]));
        check(&fw, &[], &[&[], &[A], &[B]], &[&[A], &[B]], &[&[A], &[B]]);
    }

    #[test]
    fn self_attack_with_victim() {
        // a -> a, a -> b
        let fw = Framework::new(2, &[(A, A), (A, B)]);
        assert_eq!(labels(&fw), (vec![], vec![], vec![A, B]));
        check(&fw, &[], &[&[]], &[&[]], &[]);
    }

    #[test]
    fn lone_self_attack() {
        let fw = Framework::new(1, &[(A, A)]);
        assert_eq!(labels(&fw), (vec![], vec![], vec![A]));
        check(&fw, &[], &[&[]], &[&[]], &[]);
    }

    #[test]
    fn self_attacker_defeated_from_outside() {
        // c -> a, a -> a, a -> b: c defeats a and so reinstates b.
        let fw = Framework::new(3, &[(C, A), (A, A), (A, B)]);
        assert_eq!(labels(&fw), (vec![B, C], vec![A], vec![]));
        check(&fw, &[B, C], &[&[B, C]], &[&[B, C]], &[&[B, C]]);
    }

    #[test]
    fn floating_reinstatement() {
        // a <-> b, a -> c, b -> c, c -> d
        let fw = Framework::new(4, &[(A, B), (B, A), (A, C), (B, C), (C, D)]);
        assert_eq!(labels(&fw), (vec![], vec![], vec![A, B, C, D]));
        check(
            &fw,
            &[],
            &[&[], &[A, D], &[B, D]],
            &[&[A, D], &[B, D]],
            &[&[A, D], &[B, D]],
        );
    }

    #[test]
    fn odd_loop_attacked_from_outside() {
        // d -> a, a -> b -> c -> a: d breaks the cycle.
        let fw = Framework::new(4, &[(A, B), (B, C), (C, A), (D, A)]);
        assert_eq!(labels(&fw), (vec![B, D], vec![A, C], vec![]));
        check(&fw, &[B, D], &[&[B, D]], &[&[B, D]], &[&[B, D]]);
    }

    #[test]
    fn odd_loop_attacking_outside() {
        // a -> b -> c -> a, c -> d, e unattacked.
        let fw = Framework::new(5, &[(A, B), (B, C), (C, A), (C, D)]);
        assert_eq!(labels(&fw), (vec![E], vec![], vec![A, B, C, D]));
        check(&fw, &[E], &[&[E]], &[&[E]], &[]);
    }

    #[test]
    fn duplicates_and_out_of_range_are_handled() {
        let fw = Framework::new(3, &[(A, B), (A, B), (B, C), (7, A), (A, 9), (B, C)]);
        assert_eq!(fw.attack_count(), 2);
        assert_eq!(fw.attackers(B), &[A]);
        assert_eq!(fw.targets(A), &[B]);
        assert_eq!(fw.attackers(42), &[] as &[usize]);
        assert_eq!(fw.targets(42), &[] as &[usize]);
        assert_eq!(fw, Framework::new(3, &[(A, B), (B, C)]));
        check(&fw, &[A, C], &[&[A, C]], &[&[A, C]], &[&[A, C]]);
    }

    #[test]
    fn adjacency_is_sorted() {
        let fw = Framework::new(4, &[(3, 0), (1, 0), (2, 0), (0, 3), (0, 1)]);
        assert_eq!(fw.attackers(0), &[1, 2, 3]);
        assert_eq!(fw.targets(0), &[1, 3]);
    }

    #[test]
    fn predicates() {
        let fw = Framework::new(3, &[(A, B), (B, C)]);
        assert!(fw.is_conflict_free(&[A, C]));
        assert!(!fw.is_conflict_free(&[A, B]));
        assert!(fw.is_admissible(&[A]));
        assert!(!fw.is_admissible(&[C]));
        assert!(!fw.is_complete(&[A]));
        assert!(fw.is_complete(&[A, C]));
        assert!(fw.is_stable(&[A, C]));
        assert!(!fw.is_stable(&[A]));
        // Out-of-range members make every predicate false.
        assert!(!fw.is_conflict_free(&[A, 5]));
        assert!(!fw.is_stable(&[A, C, 5]));
        // Duplicates are fine.
        assert!(fw.is_complete(&[C, A, A]));
    }

    #[test]
    fn labelling_of_extension() {
        let fw = Framework::new(4, &[(A, B), (B, C), (D, D)]);
        let l = fw.labelling_of(&[A, C]);
        assert_eq!(l.in_set(), vec![A, C]);
        assert_eq!(l.out_set(), vec![B]);
        assert_eq!(l.undecided_set(), vec![D]);
        assert_eq!(l.label(B), Some(Label::Out));
        assert_eq!(l.label(9), None);
        assert_eq!(l, fw.grounded());
    }

    /// `k` disjoint even loops: 3^k complete, 2^k preferred and stable.
    fn even_loops(k: usize) -> Framework {
        let attacks: Vec<(usize, usize)> = (0..k)
            .flat_map(|i| [(2 * i, 2 * i + 1), (2 * i + 1, 2 * i)])
            .collect();
        Framework::new(2 * k, &attacks)
    }

    #[test]
    fn limit_is_enforced() {
        let fw = even_loops(3);
        assert_eq!(fw.complete_extensions(27).map(|v| v.len()), Ok(27));
        assert_eq!(
            fw.complete_extensions(10),
            Err(TooMany {
                found: 11,
                stopped_by: StoppedBy::Limit
            })
        );
        assert_eq!(fw.preferred_extensions(8).map(|v| v.len()), Ok(8));
        assert_eq!(
            fw.preferred_extensions(7),
            Err(TooMany {
                found: 8,
                stopped_by: StoppedBy::Limit
            })
        );
        assert_eq!(fw.stable_extensions(8).map(|v| v.len()), Ok(8));
        assert_eq!(
            fw.stable_extensions(0),
            Err(TooMany {
                found: 1,
                stopped_by: StoppedBy::Limit
            })
        );
    }

    #[test]
    fn step_budget_is_enforced() {
        // 3^20 complete labellings: far beyond any budget.
        let fw = even_loops(20).with_step_budget(100_000);
        let by_budget = |r: Result<Vec<Vec<usize>>, TooMany>| {
            matches!(
                r,
                Err(TooMany {
                    stopped_by: StoppedBy::StepBudget,
                    ..
                })
            )
        };
        assert!(by_budget(fw.complete_extensions(ALL)));
        assert!(by_budget(fw.preferred_extensions(ALL)));
        assert!(by_budget(fw.stable_extensions(ALL)));
        // With enough budget the same kind of framework is enumerated.
        let fw = even_loops(6).with_step_budget(1_000_000);
        assert_eq!(fw.complete_extensions(ALL).map(|v| v.len()), Ok(729));
    }

    #[test]
    fn too_many_display() {
        let err = TooMany {
            found: 3,
            stopped_by: StoppedBy::Limit,
        };
        assert_eq!(
            err.to_string(),
            "too many extensions to enumerate (search stopped after finding 3: more than the limit)"
        );
        let _: &dyn std::error::Error = &err;
    }

    #[test]
    fn preferred_not_fooled_by_many_complete() {
        // 3^8 = 6561 complete but only 2^8 = 256 preferred extensions.
        let fw = even_loops(8);
        let preferred = fw.preferred_extensions(ALL).unwrap();
        assert_eq!(preferred.len(), 256);
        assert!(preferred.iter().all(|e| e.len() == 8));
    }

    #[test]
    fn long_chain_grounded_no_stack_overflow() {
        // 0 -> 1 -> 2 -> ... : even positions In, odd positions Out.
        const N: usize = 1_000_000;
        let attacks: Vec<(usize, usize)> = (1..N).map(|i| (i - 1, i)).collect();
        let fw = Framework::new(N, &attacks);
        let g = fw.grounded();
        assert_eq!(g.len(), N);
        assert!(g
            .labels
            .iter()
            .enumerate()
            .all(|(i, &l)| l == if i % 2 == 0 { Label::In } else { Label::Out }));
        // Nothing left to search: the grounded extension is the only one.
        let preferred = fw.preferred_extensions(1).unwrap();
        assert_eq!(preferred.len(), 1);
        assert_eq!(preferred[0].len(), N / 2);
    }

    #[test]
    fn long_cycle_grounded_all_undecided() {
        // A long odd cycle: nothing is decided.
        const N: usize = 100_001;
        let attacks: Vec<(usize, usize)> = (0..N).map(|i| (i, (i + 1) % N)).collect();
        let fw = Framework::new(N, &attacks);
        assert_eq!(fw.grounded().undecided_set().len(), N);
    }

    // -- Brute force over all subsets (n <= 10), independent of the code
    // -- under test: works directly on the raw attack list with bit masks.

    struct Brute {
        n: usize,
        /// `attackers[b]`: bit mask of the arguments attacking `b`.
        attackers: Vec<u32>,
    }

    impl Brute {
        fn new(n: usize, attacks: &[(usize, usize)]) -> Brute {
            let mut attackers = vec![0u32; n];
            for &(a, b) in attacks {
                if a < n && b < n {
                    attackers[b] |= 1 << a;
                }
            }
            Brute { n, attackers }
        }

        fn subsets(&self) -> impl Iterator<Item = u32> {
            0..(1u32 << self.n)
        }

        fn conflict_free(&self, s: u32) -> bool {
            (0..self.n).all(|a| s >> a & 1 == 0 || self.attackers[a] & s == 0)
        }

        fn attacks(&self, s: u32, a: usize) -> bool {
            self.attackers[a] & s != 0
        }

        fn defends(&self, s: u32, a: usize) -> bool {
            (0..self.n).all(|b| self.attackers[a] >> b & 1 == 0 || self.attacks(s, b))
        }

        fn defended(&self, s: u32) -> u32 {
            (0..self.n)
                .filter(|&a| self.defends(s, a))
                .fold(0, |m, a| m | 1 << a)
        }

        fn admissible(&self, s: u32) -> bool {
            self.conflict_free(s) && s & !self.defended(s) == 0
        }

        fn complete(&self, s: u32) -> bool {
            self.admissible(s) && self.defended(s) == s
        }

        fn stable(&self, s: u32) -> bool {
            self.conflict_free(s) && (0..self.n).all(|a| s >> a & 1 == 1 || self.attacks(s, a))
        }

        fn all(&self, pred: impl Fn(u32) -> bool) -> Vec<u32> {
            self.subsets().filter(|&s| pred(s)).collect()
        }

        /// Maximal admissible sets (the definition of preferred).
        fn preferred(&self) -> Vec<u32> {
            let admissible = self.all(|s| self.admissible(s));
            admissible
                .iter()
                .copied()
                .filter(|&s| !admissible.iter().any(|&t| t != s && s & t == s))
                .collect()
        }

        /// Least fixpoint of the characteristic function, by iteration.
        fn grounded(&self) -> u32 {
            let mut s = 0;
            loop {
                let next = self.defended(s);
                if next == s {
                    return s;
                }
                s = next;
            }
        }

        fn to_sets(&self, masks: Vec<u32>) -> Vec<Vec<usize>> {
            let mut sets: Vec<Vec<usize>> = masks.into_iter().map(|s| self.to_set(s)).collect();
            sets.sort();
            sets
        }

        fn to_set(&self, s: u32) -> Vec<usize> {
            (0..self.n).filter(|&a| s >> a & 1 == 1).collect()
        }
    }

    /// Random frameworks of up to 10 arguments; some attack indices fall out
    /// of range on purpose, to exercise the "ignored" rule.
    fn framework() -> impl Strategy<Value = (usize, Vec<(usize, usize)>)> {
        (0usize..=10).prop_flat_map(|n| {
            let index = 0..n + 2;
            (
                Just(n),
                prop::collection::vec((index.clone(), index), 0..=30),
            )
        })
    }

    fn is_subset_of(small: &[usize], big: &[usize]) -> bool {
        small.iter().all(|a| big.binary_search(a).is_ok())
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(512))]

        #[test]
        fn search_matches_brute_force((n, attacks) in framework()) {
            let fw = Framework::new(n, &attacks);
            let brute = Brute::new(n, &attacks);
            let complete = fw.complete_extensions(ALL).unwrap();
            let preferred = fw.preferred_extensions(ALL).unwrap();
            let stable = fw.stable_extensions(ALL).unwrap();
            prop_assert_eq!(&complete, &brute.to_sets(brute.all(|s| brute.complete(s))));
            prop_assert_eq!(&preferred, &brute.to_sets(brute.preferred()));
            prop_assert_eq!(&stable, &brute.to_sets(brute.all(|s| brute.stable(s))));
            prop_assert_eq!(fw.grounded().in_set(), brute.to_set(brute.grounded()));
        }

        #[test]
        fn semantics_relationships((n, attacks) in framework()) {
            let fw = Framework::new(n, &attacks);
            let grounded = fw.grounded();
            let grounded_in = grounded.in_set();
            let complete = fw.complete_extensions(ALL).unwrap();
            let preferred = fw.preferred_extensions(ALL).unwrap();
            let stable = fw.stable_extensions(ALL).unwrap();

            prop_assert!(!preferred.is_empty());
            for p in &preferred {
                prop_assert!(is_subset_of(&grounded_in, p));
                prop_assert!(complete.contains(p));
                prop_assert!(fw.is_complete(p));
            }
            for s in &stable {
                prop_assert!(preferred.contains(s));
                prop_assert!(fw.is_stable(s));
            }
            for c in &complete {
                prop_assert!(fw.is_admissible(c));
                prop_assert!(fw.is_conflict_free(c));
                prop_assert!(fw.is_complete(c));
                // Complete extensions and complete labellings correspond.
                prop_assert_eq!(&fw.labelling_of(c).in_set(), c);
            }

            // Grounded is the least complete extension.
            prop_assert!(complete.contains(&grounded_in));
            for c in &complete {
                prop_assert!(is_subset_of(&grounded_in, c));
            }
            prop_assert_eq!(&fw.labelling_of(&grounded_in), &grounded);

            // Output is deterministic: sorted sets, sorted lists.
            for list in [&complete, &preferred, &stable] {
                prop_assert!(list.windows(2).all(|w| w[0] < w[1]));
                prop_assert!(list.iter().all(|e| e.windows(2).all(|w| w[0] < w[1])));
            }
            // Self-attacking arguments are never accepted.
            for &(a, b) in &attacks {
                if a == b && a < n {
                    prop_assert!(complete.iter().all(|c| !c.contains(&a)));
                }
            }
        }

        #[test]
        fn predicates_match_brute_force((n, attacks) in framework(), mask in any::<u32>()) {
            let fw = Framework::new(n, &attacks);
            let brute = Brute::new(n, &attacks);
            let s = mask & ((1u32 << n) - 1);
            let set = brute.to_set(s);
            prop_assert_eq!(fw.is_conflict_free(&set), brute.conflict_free(s));
            prop_assert_eq!(fw.is_admissible(&set), brute.admissible(s));
            prop_assert_eq!(fw.is_complete(&set), brute.complete(s));
            prop_assert_eq!(fw.is_stable(&set), brute.stable(s));
        }

        #[test]
        fn limits_agree_with_counts((n, attacks) in framework(), limit in 0usize..6) {
            let fw = Framework::new(n, &attacks);
            let all = fw.complete_extensions(ALL).unwrap();
            match fw.complete_extensions(limit) {
                Ok(found) => prop_assert_eq!(found, all),
                Err(e) => {
                    prop_assert!(all.len() > limit);
                    prop_assert_eq!(e.found, limit + 1);
                }
            }
            let all = fw.preferred_extensions(ALL).unwrap();
            match fw.preferred_extensions(limit) {
                Ok(found) => prop_assert_eq!(found, all),
                Err(e) => {
                    prop_assert!(all.len() > limit);
                    prop_assert_eq!(e.found, limit + 1);
                }
            }
            let all = fw.stable_extensions(ALL).unwrap();
            match fw.stable_extensions(limit) {
                Ok(found) => prop_assert_eq!(found, all),
                Err(e) => {
                    prop_assert!(all.len() > limit);
                    prop_assert_eq!(e.found, limit + 1);
                }
            }
        }
    }
}
