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
