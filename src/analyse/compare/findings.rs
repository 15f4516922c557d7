//! The findings a summary of the comparison states, as data: how the pairs were found,
//! which propositions serve opposite ends in the two maps, and how much each map says
//! alone. The sentences are written by `present::compare`.

use super::{Origin, Pair, Sides};
use serde::Serialize;

/// What a summary of the comparison states beyond the stances, coverage and conflicts
/// (which have fields of their own).
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Findings {
    /// Aligned pairs declared by `same_as`.
    pub declared: usize,
    /// Aligned pairs suggested by text similarity.
    pub suggested: usize,
    /// Pairs whose nodes have opposite polarities (the same proposition argued for in one
    /// map and against in the other), as indices into
    /// [`Comparison::pairs`](super::Comparison::pairs), in pair order.
    pub opposite: Vec<usize>,
    /// Claims of each map that are in no pair.
    pub only: Sides<usize>,
}

impl Findings {
    /// The findings of `pairs`, with `only` claims in no pair on each side.
    pub(super) fn of(pairs: &[Pair], only: Sides<usize>) -> Findings {
        let declared = pairs
            .iter()
            .filter(|p| p.origin == Origin::Declared)
            .count();
        let opposite = pairs
            .iter()
            .enumerate()
            .filter(|(_, p)| {
                matches!((p.left.role.polarity, p.right.role.polarity), (Some(x), Some(y)) if x != y)
            })
            .map(|(i, _)| i)
            .collect();
        Findings {
            declared,
            suggested: pairs.len() - declared,
            opposite,
            only,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analyse::compare::{NodeReport, Polarity, Role, Side};
    use crate::analyse::support::Status;
    use crate::graph::NodeKind;

    fn node(polarity: Option<Polarity>) -> NodeReport {
        NodeReport {
            id: "n".into(),
            kind: NodeKind::Claim,
            text: String::new(),
            by: None,
            role: Role {
                polarity,
                ..Role::default()
            },
            status: Status::Unsupported,
            evidence: 0,
            sources: vec![],
        }
    }

    fn pair(origin: Origin, l: Option<Polarity>, r: Option<Polarity>) -> Pair {
        Pair {
            origin,
            declared_in: if origin == Origin::Declared {
                vec![Side::Right]
            } else {
                vec![]
            },
            score: 0.4,
            left: node(l),
            right: node(r),
        }
    }

    #[test]
    fn counts_pairs_by_origin_and_finds_opposite_ends() {
        let (pro, con) = (Some(Polarity::Pro), Some(Polarity::Con));
        let pairs = [
            pair(Origin::Declared, pro, pro),
            pair(Origin::Declared, pro, con),
            pair(Origin::Declared, None, con),
            pair(Origin::Suggested, con, pro),
            pair(Origin::Suggested, con, con),
        ];
        let f = Findings::of(&pairs, Sides { left: 2, right: 0 });
        assert_eq!((f.declared, f.suggested), (3, 2));
        // A node with no polarity serves no end.
        assert_eq!(f.opposite, [1, 3]);
        assert_eq!((f.only.left, f.only.right), (2, 0));
    }

    #[test]
    fn no_pairs_no_findings() {
        assert_eq!(Findings::of(&[], Sides::default()), Findings::default());
    }
}
