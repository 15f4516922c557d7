//! Stance: what each map's aligned nodes say about the other map's thesis.

use super::{NodeRef, Pair, Polarity, Position, Side, Via};
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
/// alignment and the `contradicts` pairs.
///
/// A stance needs the thesis to be addressed: some node of the own map is aligned with
/// the other map's thesis, or contradicts it. Those *direct* reasons decide: a node aligned
/// with the thesis that the own map accepts ([`Position::accepts`]) argues for it, one it
/// rejects against it; a node that contradicts the thesis argues against it when the own
/// map accepts it (for it when the map rejects it). More for than against is `supports`,
/// more against is `attacks`, as many of each is `mixed`. When nothing addresses the
/// thesis the stance is `silent`, however many premises the two maps share: agreeing on
/// shared facts is not supporting a thesis one does not discuss. The shared premises are
/// still listed as *indirect* reasons (same polarity on both sides: for the other's
/// argument, else against it), which never decide.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Stance {
    /// What the stance is.
    pub stance: StanceKind,
    /// Ids of the other map's theses.
    pub toward: Vec<String>,
    /// Reasons for (counted over the reasons that decided: the direct ones).
    pub supporting: usize,
    /// Reasons against (counted over the reasons that decided).
    pub attacking: usize,
    /// Whether direct reasons decided (false: the stance is silent).
    pub direct: bool,
    /// Why the stance is what it is: which reasons decided, or why there are none.
    pub basis: Basis,
    /// Every reason: those through aligned pairs in pair order, then those through
    /// `contradicts` pairs.
    pub reasons: Vec<StanceReason>,
}

/// One aligned or contradicting pair's bearing on the other map's thesis.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct StanceReason {
    /// Through what: an aligned pair (`same_as`, declared or suggested) or a
    /// `contradicts` pair.
    pub via: Via,
    /// Index into [`Comparison::pairs`](super::Comparison::pairs), or into
    /// [`Comparison::contradicting`](super::Comparison::contradicting) when `via` is
    /// `contradicts`.
    pub pair: usize,
    /// The node of the map that takes the stance.
    pub own: String,
    /// Its polarity there (absent: not connected to its thesis).
    pub own_polarity: Option<Polarity>,
    /// The own map's position on it.
    pub own_position: Position,
    /// The node of the map whose thesis is judged.
    pub other: String,
    /// Its polarity there.
    pub other_polarity: Option<Polarity>,
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
    /// Reasons on the other map's thesis itself decided.
    Direct,
    /// Pairs bear on both maps' arguments, but none on the other map's thesis: it is not
    /// addressed, so the stance is silent.
    NotAddressed,
    /// The other map has no thesis, so there is nothing to take a stance toward.
    NoThesis,
    /// No aligned pair bears on both theses (none has a polarity on both sides).
    NoReasons,
}

/// The stance of `own` toward the other map's `theses`, from the aligned pairs and the
/// contradicting ones.
pub(super) fn stance(pairs: &[Pair], contra: &[Pair], own: Side, theses: &[NodeRef]) -> Stance {
    let toward: Vec<String> = theses.iter().map(|t| t.id.clone()).collect();
    let reason = |via: Via, i: usize, p: &Pair| -> Option<StanceReason> {
        let (mine, theirs) = (p.node(own), p.node(own.other()));
        let direct = theirs.role.thesis;
        let (mp, tp) = (mine.role.polarity, theirs.role.polarity);
        let effect = match (via, direct) {
            (Via::SameAs, true) if mine.position.accepts() => StanceKind::Supports,
            (Via::SameAs, true) if mine.position == Position::Rejects => StanceKind::Attacks,
            (Via::Contradicts, true) if mine.position.accepts() => StanceKind::Attacks,
            (Via::Contradicts, true) if mine.position == Position::Rejects => StanceKind::Supports,
            (_, true) => return None,
            (via, false) => {
                let same = mp? == tp?;
                if same == (via == Via::SameAs) {
                    StanceKind::Supports
                } else {
                    StanceKind::Attacks
                }
            }
        };
        Some(StanceReason {
            via,
            pair: i,
            own: mine.id.to_string(),
            own_polarity: mp,
            own_position: mine.position,
            other: theirs.id.to_string(),
            other_polarity: tp,
            effect,
            direct,
            decisive: false,
        })
    };
    let mut reasons: Vec<StanceReason> = pairs
        .iter()
        .enumerate()
        .filter_map(|(i, p)| reason(Via::SameAs, i, p))
        .chain(
            contra
                .iter()
                .enumerate()
                .filter_map(|(i, p)| reason(Via::Contradicts, i, p)),
        )
        .collect();
    let direct = reasons.iter().any(|r| r.direct);
    let (mut supporting, mut attacking) = (0, 0);
    for r in reasons.iter_mut().filter(|r| r.direct) {
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
        _ => Basis::NotAddressed,
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
            quote: None,
            position: if polarity == Some(Polarity::Con) {
                Position::Rejects
            } else {
                Position::Holds
            },
            weight: 1,
            group: None,
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
        let st = stance(&pairs, &[], Side::Left, &thesis("T"));
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
        // Nothing addresses the thesis: shared premises do not make a stance.
        assert_eq!(
            (st.stance, st.supporting, st.attacking),
            (StanceKind::Silent, 0, 0)
        );
        assert_eq!(st.basis, Basis::NotAddressed);
        assert!(!st.direct);
        assert!(st.reasons.iter().all(|r| !r.decisive));
        assert_eq!(st.toward, ["T"]);
    }

    #[test]
    fn a_reason_on_the_thesis_itself_outweighs_the_rest() {
        let pairs = [
            pair(("a", PRO, false), ("x", PRO, false)),
            pair(("b", PRO, false), ("y", PRO, false)),
            pair(("c", CON, false), ("T", PRO, true)),
        ];
        let st = stance(&pairs, &[], Side::Left, &thesis("T"));
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
        let right = stance(&pairs, &[], Side::Right, &thesis("T"));
        assert_eq!(right.basis, Basis::Direct);
        assert_eq!(
            (
                right.reasons[0].own.as_str(),
                right.reasons[0].other.as_str()
            ),
            ("p", "T")
        );
        let left = stance(&pairs, &[], Side::Left, &thesis("U"));
        assert_eq!(left.basis, Basis::NotAddressed);
        assert_eq!(left.stance, StanceKind::Silent);
    }

    #[test]
    fn as_many_for_as_against_is_mixed_and_both_decide() {
        let pairs = [
            pair(("a", PRO, false), ("T", PRO, true)),
            pair(("b", CON, false), ("T", PRO, true)),
        ];
        let st = stance(&pairs, &[], Side::Left, &thesis("T"));
        assert_eq!(st.stance, StanceKind::Mixed);
        assert!(st.reasons.iter().all(|r| r.decisive));
    }

    #[test]
    fn silence_says_why() {
        let unrelated = [pair(("a", None, false), ("x", PRO, false))];
        let st = stance(&unrelated, &[], Side::Left, &thesis("T"));
        assert_eq!(
            (st.stance, st.basis),
            (StanceKind::Silent, Basis::NoReasons)
        );
        let st = stance(&[], &[], Side::Left, &[]);
        assert_eq!((st.stance, st.basis), (StanceKind::Silent, Basis::NoThesis));
        assert!(st.toward.is_empty());
    }
}

#[cfg(test)]
mod contradicts_tests {
    use super::*;
    use crate::analyse::compare::{NodeReport, Origin, Role};
    use crate::analyse::support::Status;
    use crate::graph::NodeKind;

    fn node(id: &str, thesis: bool, position: Position) -> NodeReport {
        NodeReport {
            id: id.into(),
            kind: NodeKind::Claim,
            text: String::new(),
            by: None,
            role: Role {
                thesis,
                polarity: Some(Polarity::Pro),
                ..Role::default()
            },
            status: Status::Unsupported,
            evidence: 0,
            sources: vec![],
            quote: None,
            position,
            weight: 1,
            group: None,
        }
    }

    #[test]
    fn contradicting_the_thesis_attacks_it() {
        let contra = [Pair {
            origin: Origin::Declared,
            declared_in: vec![Side::Left],
            score: 0.0,
            left: node("x", false, Position::Holds),
            right: node("T", true, Position::Holds),
        }];
        let st = stance(
            &[],
            &contra,
            Side::Left,
            &[NodeRef {
                id: "T".into(),
                kind: NodeKind::Claim,
                text: String::new(),
            }],
        );
        assert_eq!((st.stance, st.basis), (StanceKind::Attacks, Basis::Direct));
        assert_eq!(st.reasons[0].via, Via::Contradicts);
    }
}
