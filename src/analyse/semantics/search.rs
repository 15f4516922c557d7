//! The extension search: complete, preferred and stable extensions, enumerated as
//! complete labellings by constraint propagation and branching (no recursion).
//!
//! The search enumerates complete labellings.  Every complete labelling
//! extends the grounded one (grounded `In` ⊆ `In`, grounded `Out` ⊆ `Out`), so
//! only the arguments the grounded labelling leaves undecided (the "free"
//! arguments) are searched.  Each argument has a *domain*: the set of labels
//! it may still take, as a bit mask.  A node of the search shrinks domains by
//! constraint propagation (only removing labels that no complete labelling
//! extending the current domains can use), then branches on a free argument
//! with the smallest domain.  Branches partition the search space, so each
//! complete labelling is reached exactly once, at a leaf where every domain is
//! a single label; the leaf is then checked against the definition.
//!
//! * Stable: free arguments start without `Undecided`.
//! * Preferred: a node is pruned when the arguments that could still be `In`
//!   form a subset of an extension already found (everything below it would
//!   be non-maximal).  Labels are tried in the order `In`, `Out`, `Undecided`,
//!   which guarantees that a complete extension `P` is found before every
//!   complete extension `C ⊂ P`: for complete labellings, `in(C) ⊆ in(P)`
//!   implies `out(C) ⊆ out(P)`, so where the two first differ (on the
//!   argument of some choice point) `C` is `Undecided` while `P` is `In` or
//!   `Out`, a branch tried earlier.  Hence every extension that survives the
//!   pruning is maximal, i.e. preferred, and the limit can be applied as the
//!   extensions are found.
//!
//! The search uses an explicit stack of choice points and a trail of domain
//! changes for backtracking; nothing recurses.

use super::{Framework, Label, StoppedBy, TooMany};

/// Domain bit: the argument may be `In`.
const IN: u8 = 0b001;
/// Domain bit: the argument may be `Out`.
const OUT: u8 = 0b010;
/// Domain bit: the argument may be `Undecided`.
const UNDEC: u8 = 0b100;
/// All three labels.
const ANY: u8 = IN | OUT | UNDEC;

/// Which extensions a search enumerates (the searched semantics; see
/// [`super::Semantics`] for the list a user picks from).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Mode {
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
pub(super) struct Search<'a> {
    fw: &'a Framework,
    mode: Mode,
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
    pub(super) fn new(fw: &'a Framework, mode: Mode) -> Search<'a> {
        let grounded = fw.grounded();
        let free_labels = if mode == Mode::Stable { IN | OUT } else { ANY };
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
            mode,
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
    pub(super) fn run(mut self, limit: usize) -> Result<Vec<Vec<usize>>, TooMany> {
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
            if consistent && !(self.mode == Mode::Preferred && self.dominated(&found)) {
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
            self.mode != Mode::Preferred || found.iter().all(|old| !is_subset(old, &set)),
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
