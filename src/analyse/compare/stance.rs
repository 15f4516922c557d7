//! Stance: what each map's aligned nodes say about the other map's thesis.

use super::{NodeRef, Pair, Polarity, Side};
use serde::Serialize;

/// A map's stance toward the other map's thesis.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum StanceKind {
    /// It argues for the other's thesis.
    Supports,
    /// It argues against it.
    Attacks,
    /// It argues for and against it in equal measure.
    Mixed,
    /// Nothing it says bears on it.
    Silent,
}

impl StanceKind {
    /// `supports`, `attacks`, `mixed`, `silent`.
    pub fn name(self) -> &'static str {
        match self {
            StanceKind::Supports => "supports",
            StanceKind::Attacks => "attacks",
            StanceKind::Mixed => "mixed",
            StanceKind::Silent => "silent",
        }
    }
}

/// The stance of one map (`own`) toward the other map's thesis, derived through the
/// alignment.
///
/// Each aligned pair whose two nodes both have a [`Polarity`] is a *reason*: when the
/// own map has the node the same way round as the other map (both `pro`, or both `con`)
/// the own map argues for the other's thesis there; otherwise against it. A pair whose
/// other-side node is a thesis of the other map is *direct*. The stance is decided by the
/// direct reasons when there are any, else by all reasons: more for than against is
/// `supports`, more against is `attacks`, as many of each is `mixed`, none is `silent`.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Stance {
    /// What the stance is.
    pub stance: StanceKind,
    /// Ids of the other map's theses.
    pub toward: Vec<String>,
    /// Reasons for (counted over the reasons that decided).
    pub supporting: usize,
    /// Reasons against (counted over the reasons that decided).
    pub attacking: usize,
    /// Whether direct reasons decided.
    pub direct: bool,
    /// Why the stance is what it is: which reasons decided, or why there are none.
    pub basis: Basis,
    /// Every reason, in pair order.
    pub reasons: Vec<StanceReason>,
}

/// One aligned pair's bearing on the other map's thesis.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct StanceReason {
    /// Index into [`Comparison::pairs`](super::Comparison::pairs).
    pub pair: usize,
    /// The node of the map that takes the stance.
    pub own: String,
    /// Its polarity there.
    pub own_polarity: Polarity,
    /// The node of the map whose thesis is judged.
    pub other: String,
    /// Its polarity there.
    pub other_polarity: Polarity,
    /// `supports` or `attacks`.
    pub effect: StanceKind,
    /// `other` is a thesis of its map.
    pub direct: bool,
    /// This reason is among those that decided the stance.
    pub decisive: bool,
}

/// Why a [`Stance`] is what it is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Basis {
    /// Reasons on the other map's thesis itself decided (they outweigh the others).
    Direct,
    /// No reason is on the thesis itself: all of them decided.
    Indirect,
    /// The other map has no thesis, so there is nothing to take a stance toward.
    NoThesis,
    /// No aligned pair bears on both theses (none has a polarity on both sides).
    NoReasons,
}

/// The stance of `own` toward the other map's `theses`, from the aligned pairs.
pub(super) fn stance(pairs: &[Pair], own: Side, theses: &[NodeRef]) -> Stance {
    let toward: Vec<String> = theses.iter().map(|t| t.id.clone()).collect();
    let mut reasons: Vec<StanceReason> = pairs
        .iter()
        .enumerate()
        .filter_map(|(i, p)| {
            let (mine, theirs) = (p.node(own), p.node(own.other()));
            let (mp, tp) = (mine.role.polarity?, theirs.role.polarity?);
            Some(StanceReason {
                pair: i,
                own: mine.id.to_string(),
                own_polarity: mp,
                other: theirs.id.to_string(),
                other_polarity: tp,
                effect: if mp == tp {
                    StanceKind::Supports
                } else {
                    StanceKind::Attacks
                },
                direct: theirs.role.thesis,
                decisive: false,
            })
        })
        .collect();
    let direct = reasons.iter().any(|r| r.direct);
    let (mut supporting, mut attacking) = (0, 0);
    for r in reasons.iter_mut().filter(|r| r.direct || !direct) {
        r.decisive = true;
        match r.effect {
            StanceKind::Supports => supporting += 1,
            _ => attacking += 1,
        }
    }
    let stance = match supporting.cmp(&attacking) {
        _ if supporting + attacking == 0 => StanceKind::Silent,
        std::cmp::Ordering::Greater => StanceKind::Supports,
        std::cmp::Ordering::Less => StanceKind::Attacks,
        std::cmp::Ordering::Equal => StanceKind::Mixed,
    };
    // Only the reasons on the winning side decided (both sides when mixed).
    for r in reasons.iter_mut() {
        r.decisive &= stance == StanceKind::Mixed || r.effect == stance;
    }
    let basis = match () {
        _ if toward.is_empty() => Basis::NoThesis,
        _ if reasons.is_empty() => Basis::NoReasons,
        _ if direct => Basis::Direct,
        _ => Basis::Indirect,
    };
    Stance {
        stance,
        toward,
        supporting,
        attacking,
        direct,
        basis,
        reasons,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analyse::compare::{NodeReport, Origin, Role};
    use crate::analyse::support::Status;
    use crate::graph::NodeKind;

    fn node(id: &str, polarity: Option<Polarity>, thesis: bool) -> NodeReport {
        NodeReport {
            id: id.into(),
            kind: NodeKind::Claim,
            text: String::new(),
            by: None,
            role: Role {
                thesis,
                polarity,
                ..Role::default()
            },
            status: Status::Unsupported,
            evidence: 0,
            sources: vec![],
        }
    }

    /// A pair: (left id, left polarity, left is a thesis) and the same for the right.
    fn pair(l: (&str, Option<Polarity>, bool), r: (&str, Option<Polarity>, bool)) -> Pair {
        Pair {
            origin: Origin::Declared,
            declared_in: vec![Side::Left],
            score: 0.5,
            left: node(l.0, l.1, l.2),
            right: node(r.0, r.1, r.2),
        }
    }

    fn thesis(id: &str) -> Vec<NodeRef> {
        vec![NodeRef {
            id: id.into(),
            kind: NodeKind::Claim,
            text: String::new(),
        }]
    }

    const PRO: Option<Polarity> = Some(Polarity::Pro);
    const CON: Option<Polarity> = Some(Polarity::Con);

    #[test]
    fn same_polarity_supports_and_opposite_attacks() {
        let pairs = [
            pair(("a", PRO, false), ("x", PRO, false)),
            pair(("b", CON, false), ("y", CON, false)),
            pair(("c", PRO, false), ("z", CON, false)),
            // No polarity on one side: no reason.
            pair(("d", None, false), ("w", PRO, false)),
        ];
        let st = stance(&pairs, Side::Left, &thesis("T"));
        let effects: Vec<(usize, StanceKind)> =
            st.reasons.iter().map(|r| (r.pair, r.effect)).collect();
        assert_eq!(
            effects,
            [
                (0, StanceKind::Supports),
                (1, StanceKind::Supports),
                (2, StanceKind::Attacks)
            ]
        );
        assert_eq!(
            (st.stance, st.supporting, st.attacking),
            (StanceKind::Supports, 2, 1)
        );
        assert_eq!(st.basis, Basis::Indirect);
        assert!(!st.direct);
        // The reasons that decided agree with the outcome: the attack was outweighed.
        let decisive: Vec<bool> = st.reasons.iter().map(|r| r.decisive).collect();
        assert_eq!(decisive, [true, true, false]);
        assert_eq!(st.toward, ["T"]);
    }

    #[test]
    fn a_reason_on_the_thesis_itself_outweighs_the_rest() {
        let pairs = [
            pair(("a", PRO, false), ("x", PRO, false)),
            pair(("b", PRO, false), ("y", PRO, false)),
            pair(("c", CON, false), ("T", PRO, true)),
        ];
        let st = stance(&pairs, Side::Left, &thesis("T"));
        assert_eq!(
            (st.stance, st.supporting, st.attacking),
            (StanceKind::Attacks, 0, 1)
        );
        assert_eq!(st.basis, Basis::Direct);
        assert!(st.direct);
        let decisive: Vec<(&str, bool, bool)> = st
            .reasons
            .iter()
            .map(|r| (r.own.as_str(), r.direct, r.decisive))
            .collect();
        assert_eq!(
            decisive,
            [("a", false, false), ("b", false, false), ("c", true, true)]
        );
    }

    #[test]
    fn the_stance_is_taken_from_the_side_asked() {
        // The left map's thesis is aligned with a premise of the right map: from the
        // right, the reason is direct; from the left it is not.
        let pairs = [pair(("T", PRO, true), ("p", PRO, false))];
        let right = stance(&pairs, Side::Right, &thesis("T"));
        assert_eq!(right.basis, Basis::Direct);
        assert_eq!(
            (
                right.reasons[0].own.as_str(),
                right.reasons[0].other.as_str()
            ),
            ("p", "T")
        );
        let left = stance(&pairs, Side::Left, &thesis("U"));
        assert_eq!(left.basis, Basis::Indirect);
        assert_eq!(left.stance, StanceKind::Supports);
    }

    #[test]
    fn as_many_for_as_against_is_mixed_and_both_decide() {
        let pairs = [
            pair(("a", PRO, false), ("x", PRO, false)),
            pair(("b", PRO, false), ("y", CON, false)),
        ];
        let st = stance(&pairs, Side::Left, &thesis("T"));
        assert_eq!(st.stance, StanceKind::Mixed);
        assert!(st.reasons.iter().all(|r| r.decisive));
    }

    #[test]
    fn silence_says_why() {
        let unrelated = [pair(("a", None, false), ("x", PRO, false))];
        let st = stance(&unrelated, Side::Left, &thesis("T"));
        assert_eq!(
            (st.stance, st.basis),
            (StanceKind::Silent, Basis::NoReasons)
        );
        let st = stance(&[], Side::Left, &[]);
        assert_eq!((st.stance, st.basis), (StanceKind::Silent, Basis::NoThesis));
        assert!(st.toward.is_empty());
    }
}
