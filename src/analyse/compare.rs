//! Comparing two maps: how they frame the same thesis.
//!
//! [`compare`] is pure: it takes two analysed maps (called `left` and `right`, in the order
//! given) and the `same_as` links resolved between them, and returns a [`Comparison`]:
//! data only, no sentence. Its `Serialize` form is the JSON document of `argmap compare
//! --format json` (documented field by field below and in `docs/compare.md`), less the
//! `summary` sentences, which `present::compare` writes from [`Findings`]. Everything is written symmetrically: swapping
//! the two maps swaps `left` and `right` and nothing else.
//!
//! - **Alignment.** Pairs declared by `same_as` on either side (a pair declared on both
//!   sides is one pair), plus *suggested* pairs between the remaining claims, evidence and
//!   rebuttals, ranked by the TF-IDF cosine of their stemmed words and character trigrams
//!   ([`similarity`]); suggestions
//!   are one-to-one, chosen greedily by score, and at least [`CompareOptions::min_score`].
//!   Both kinds of pair feed the rest of the comparison.
//! - **Each pair**: the node's role in each map, its polarity toward that map's thesis, its
//!   support status, the evidence and sources behind it, and who holds it (`by`).
//! - **Only one side**: the claims of each map that have no counterpart in the other.
//! - **Stance** of each map toward the other's thesis, through the alignment: see
//!   [`Stance`].
//! - **Coverage** side by side, and **factual conflicts**: aligned pairs whose texts
//!   mention different dates or numbers.
//! - The **findings** a summary states ([`Findings`]: pairs by origin, the propositions
//!   that serve opposite ends, the claims only one map makes).
//!
//! One file per job: `align` finds the pairs (declared, then suggested through an
//! inverted index), [`similarity`] is the TF-IDF measure, `side` reports a node as its
//! map has it, `polarity` orients every node toward its thesis, `stance` and `conflicts`
//! judge the pairs, `findings` counts what a summary says.

use super::support::{Coverage, Status};
use super::{Analysed, SameAsLink};
use crate::graph::NodeKind;
use crate::parse::model::Id;
use petgraph::graph::NodeIndex;
use serde::Serialize;
use std::collections::HashSet;

mod align;
mod conflicts;
mod findings;
mod polarity;
mod side;
pub mod similarity;
mod stance;

pub use conflicts::{numbers, same_event, Conflict, Numbers};
pub use findings::{
    Agreement, Attacker, AttributionDiff, CounterPosition, Disagreement, DisagreementKind, End,
    Findings, GroupCount, Holder, Point, SchemeUse, Style, Theses, ThesisLink, ThesisRelation,
    Uncovered, Weighted,
};
pub use polarity::Polarity;
use side::SideData;
pub use stance::{Basis, Stance, StanceKind, StanceReason};

/// Version of the JSON schema of [`Comparison`]; raised when a field changes meaning or is
/// removed (adding a field does not raise it).
pub const SCHEMA_VERSION: u32 = 2;

/// Default [`CompareOptions::min_score`].
pub const DEFAULT_MIN_SCORE: f64 = 0.3;

/// Options of a comparison.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct CompareOptions {
    /// Lowest similarity score (0..=1) of a suggested pair; above 1 turns suggestions off.
    pub min_score: f64,
}

impl Default for CompareOptions {
    fn default() -> Self {
        CompareOptions {
            min_score: DEFAULT_MIN_SCORE,
        }
    }
}

/// One of the two maps compared.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Side {
    /// The first map given.
    Left,
    /// The second map given.
    Right,
}

impl Side {
    /// The other side.
    pub fn other(self) -> Side {
        match self {
            Side::Left => Side::Right,
            Side::Right => Side::Left,
        }
    }
}

/// A value for each map: `{"left": ..., "right": ...}`.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Sides<T> {
    /// The left map's.
    pub left: T,
    /// The right map's.
    pub right: T,
}

impl<T> Sides<T> {
    /// The value of `side`.
    pub fn get(&self, side: Side) -> &T {
        match side {
            Side::Left => &self.left,
            Side::Right => &self.right,
        }
    }
    fn build(mut f: impl FnMut(Side) -> T) -> Sides<T> {
        Sides {
            left: f(Side::Left),
            right: f(Side::Right),
        }
    }
}

/// The result of comparing two maps. Serialised, it is the JSON document of
/// `argmap compare --format json`. It borrows the two maps (the claims only one map makes
/// are reported from them when read: [`Only`]).
#[derive(Debug, Serialize)]
pub struct Comparison<'a> {
    /// [`SCHEMA_VERSION`].
    pub schema_version: u32,
    /// The options used.
    pub options: CompareOptions,
    /// The two maps: id, title, theses and counts.
    pub maps: Sides<MapInfo>,
    /// What a summary states beyond the fields below: pairs by origin, the propositions
    /// that serve opposite ends, the claims only one map makes.
    pub findings: Findings,
    /// Aligned pairs: declared ones first (in the left map's order), then suggested ones
    /// (best score first). Other fields refer to a pair by its index in this list.
    pub pairs: Vec<Pair>,
    /// Claims of each map that are in no pair: the claims only that map makes.
    pub only: Sides<Only<'a>>,
    /// The stance of each map toward the other's thesis: `stance.left` is the left map's
    /// stance toward the right map's thesis.
    pub stance: Sides<Stance>,
    /// Citation coverage of each map's claims.
    pub coverage: Sides<Coverage>,
    /// Aligned pairs whose texts mention different dates or numbers about the same event.
    pub conflicts: Vec<Conflict>,
    /// The `contradicts` pairs between the two maps, one per pair of nodes (declared on
    /// either side or both: `declared_in`), in the left map's order, each node reported as
    /// in [`Comparison::pairs`]. Other fields name one by its index in this list.
    pub contradicting: Vec<Pair>,
    /// The `contradicts` links between the two maps as declared (a pair declared on both
    /// sides is here twice; [`Comparison::contradicting`] has each pair once).
    pub contradicts: Vec<Contradiction>,
}

/// A node of one map that says it contradicts a node of the other (`contradicts:
/// [other-map:NODE]`), resolved between the two maps compared.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Contradiction {
    /// The map whose node says so.
    pub side: Side,
    /// That node's id.
    pub node: String,
    /// The id of the node of the other map it contradicts.
    pub contradicts: String,
}

/// The `contradicts` links between `a` (left) and `b` (right), in map order.
fn contradictions(a: &Analysed, b: &Analysed) -> Vec<Contradiction> {
    let graphs = [&a.graph, &b.graph];
    let (links, _) = super::resolve_contradicts_of(&graphs);
    links
        .into_iter()
        .filter(|l| l.from.0 != l.to.0)
        .map(|l| Contradiction {
            side: if l.from.0 == 0 {
                Side::Left
            } else {
                Side::Right
            },
            node: graphs[l.from.0].graph[l.from.1].id.to_string(),
            contradicts: graphs[l.to.0].graph[l.to.1].id.to_string(),
        })
        .collect()
}

/// A map in a comparison.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct MapInfo {
    /// The map id.
    pub id: String,
    /// The map title, if it has one.
    pub title: Option<String>,
    /// Its thesis claims, in map order.
    pub theses: Vec<NodeRef>,
    /// Number of claims.
    pub claims: usize,
    /// Number of evidence items.
    pub evidence: usize,
    /// Number of rebuttals.
    pub rebuttals: usize,
    /// Number of sources.
    pub sources: usize,
}

/// A node named by id, with its kind and text.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct NodeRef {
    /// The node's id.
    pub id: String,
    /// Claim, evidence or rebuttal.
    pub kind: NodeKind,
    /// Its text.
    pub text: String,
}

/// Through which relation two nodes of the two maps are paired.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Via {
    /// The same proposition: an aligned pair (`same_as`, or suggested).
    SameAs,
    /// Opposite propositions: a `contradicts` pair.
    Contradicts,
}

/// How a pair was found.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Origin {
    /// A `same_as` in one map or both.
    Declared,
    /// Suggested by text similarity.
    Suggested,
}

/// Two nodes, one in each map, that state the same proposition.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Pair {
    /// Declared or suggested.
    pub origin: Origin,
    /// The maps whose `same_as` declares the pair (empty for a suggested pair).
    pub declared_in: Vec<Side>,
    /// Text similarity of the two nodes, 0..=1 (computed for declared pairs too).
    pub score: f64,
    /// The left map's node.
    pub left: NodeReport,
    /// The right map's node.
    pub right: NodeReport,
}

impl Pair {
    /// The node of `side`.
    pub fn node(&self, side: Side) -> &NodeReport {
        match side {
            Side::Left => &self.left,
            Side::Right => &self.right,
        }
    }
}

/// The claims of one map that are in no pair, in map order. Their [`NodeReport`]s are
/// made when they are read or serialised, one at a time: a large map has hundreds of
/// thousands, and holding them all would take more memory than the map itself.
pub struct Only<'a> {
    side: SideData<'a, 'a>,
    nodes: Vec<NodeIndex>,
}

impl<'a> Only<'a> {
    /// How many claims.
    pub fn len(&self) -> usize {
        self.nodes.len()
    }
    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.nodes.is_empty()
    }
    /// Their ids, in map order.
    pub fn ids(&self) -> impl Iterator<Item = &'a str> + '_ {
        self.nodes.iter().map(|&ix| self.side.g.graph[ix].id)
    }
    /// Their reports, in map order, each made as it is taken.
    pub fn reports(&self) -> impl Iterator<Item = NodeReport> + '_ {
        self.nodes.iter().map(|&ix| self.side.report(ix))
    }
}

impl Serialize for Only<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(self.reports())
    }
}

impl std::fmt::Debug for Only<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_list().entries(self.ids()).finish()
    }
}

/// A node as one map has it: its role, polarity, support and attribution.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct NodeReport {
    /// Its id in its map.
    pub id: Id,
    /// Claim, evidence or rebuttal.
    pub kind: NodeKind,
    /// Its text.
    pub text: String,
    /// Who holds it (`by`); absent when it is the map's author.
    pub by: Option<String>,
    /// What it does in its map.
    pub role: Role,
    /// Its support status in its map.
    pub status: Status,
    /// Evidence nodes that support it directly or that end its chain of cited support
    /// (`argmap support`'s chain).
    pub evidence: usize,
    /// Distinct sources cited by it, by its direct supporters, or along that chain.
    pub sources: Vec<Id>,
    /// Its verbatim quote of the map's source, if it has one.
    pub quote: Option<String>,
    /// Whether its map holds it, rejects it, or reports it: see [`Position`].
    pub position: Position,
    /// Its weight in its map: itself and the nodes that argue for or against it, directly
    /// or through others (shared premises counted once per path, at most the map's size).
    pub weight: usize,
    /// The group it is placed in (`group:`), if any.
    pub group: Option<String>,
}

/// What a map does with a proposition it contains.
///
/// - `rejects`: a node of the map's author (no `by`) that stands attacks it (grounded
///   semantics over the author's attacks only), or the map argues against it (its
///   [`Polarity`] is `con`);
/// - `contested`: the author's attacks on it neither stand nor fall (an attack cycle);
/// - `holds`: it is a thesis of the map, it argues for the thesis, or it is the author's
///   own and not rejected (a thesis is always held: the map argues for it, whatever
///   objections it leaves standing);
/// - `reports`: someone else's (`by`), neither argued for nor against.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Position {
    /// The map asserts it.
    Holds,
    /// The map rejects it.
    Rejects,
    /// The map gives it as someone else's view, without taking sides.
    Reports,
    /// The map's attacks on it are undecided.
    Contested,
}

impl Position {
    /// `holds`, `rejects`, `reports`, `contested`.
    pub fn name(self) -> &'static str {
        match self {
            Position::Holds => "holds",
            Position::Rejects => "rejects",
            Position::Reports => "reports",
            Position::Contested => "contested",
        }
    }
    /// The map does not reject it: it holds or reports it.
    pub fn accepts(self) -> bool {
        matches!(self, Position::Holds | Position::Reports)
    }
}

/// What a node does in its map.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Role {
    /// It is a thesis of the map.
    pub thesis: bool,
    /// Ids of the nodes it supports, in map order.
    pub supports: Vec<Id>,
    /// Ids of the nodes it attacks.
    pub attacks: Vec<Id>,
    /// The links it undercuts, as `"X -> Y"`.
    pub undercuts: Vec<Id>,
    /// Whether it argues for (`pro`) or against (`con`) the map's thesis; absent when
    /// nothing connects it to a thesis. See [`Polarity`].
    pub polarity: Option<Polarity>,
}

impl Role {
    /// Neither thesis nor linked to anything.
    pub fn is_unlinked(&self) -> bool {
        !self.thesis
            && self.supports.is_empty()
            && self.attacks.is_empty()
            && self.undercuts.is_empty()
    }
}

/// Compares map `a` (left) with map `b` (right). `links` are the `same_as` links resolved
/// between them, with map index 0 for `a` and 1 for `b` (as [`super::resolve_same_as`]
/// returns them for `[a, b]`); links that involve other indices are ignored.
pub fn compare<'a>(
    a: &'a Analysed<'a>,
    b: &'a Analysed<'a>,
    links: &[SameAsLink],
    opts: &CompareOptions,
) -> Comparison<'a> {
    let maps = Sides { left: a, right: b };
    let sides = Sides::build(|s| SideData::new(maps.get(s)));
    let contra = contradicting_nodes(a, b);
    let contra_nodes: Vec<(NodeIndex, NodeIndex)> = contra.keys().copied().collect();
    let aligned = align::align(&sides, links, &contra_nodes, opts.min_score);
    let pairs: Vec<Pair> = aligned
        .iter()
        .map(|p| Pair {
            origin: p.origin,
            declared_in: p.declared_in.clone(),
            score: round(p.score),
            left: sides.left.report(p.left),
            right: sides.right.report(p.right),
        })
        .collect();
    let contradicting: Vec<Pair> = contra
        .iter()
        .map(|((l, r), by)| Pair {
            origin: Origin::Declared,
            declared_in: by.iter().copied().collect(),
            score: 0.0,
            left: sides.left.report(*l),
            right: sides.right.report(*r),
        })
        .collect();
    let only_nodes = Sides::build(|s| {
        let taken: HashSet<NodeIndex> = aligned.iter().map(|p| p.node(s)).collect();
        let d = sides.get(s);
        d.g.graph
            .node_indices()
            .filter(|&ix| d.g.graph[ix].kind == NodeKind::Claim && !taken.contains(&ix))
            .collect::<Vec<NodeIndex>>()
    });
    let stance = Sides::build(|s| {
        stance::stance(&pairs, &contradicting, s, &sides.get(s.other()).info.theses)
    });
    let coverage = Sides::build(|s| Coverage::of(&maps.get(s).graph, maps.get(s).support()));
    let conflicts = aligned
        .iter()
        .zip(&pairs)
        .enumerate()
        .filter_map(|(i, (a, p))| {
            let (l, r) = (sides.left.full_text(a.left), sides.right.full_text(a.right));
            conflicts::conflict(i, p, &l, &r)
        })
        .collect();
    let aligned_nodes: Vec<(NodeIndex, NodeIndex)> =
        aligned.iter().map(|p| (p.left, p.right)).collect();
    let findings = Findings::of(&findings::Input {
        sides: &sides,
        aligned: &aligned_nodes,
        pairs: &pairs,
        contra: &contra_nodes,
        contradicting: &contradicting,
        only: Sides::build(|s| only_nodes.get(s).len()),
    });
    let maps_info = Sides::build(|s| sides.get(s).info.clone());
    let Sides { left, right } = sides;
    let Sides {
        left: only_left,
        right: only_right,
    } = only_nodes;
    Comparison {
        schema_version: SCHEMA_VERSION,
        options: opts.clone(),
        maps: maps_info,
        findings,
        pairs,
        only: Sides {
            left: Only {
                side: left,
                nodes: only_left,
            },
            right: Only {
                side: right,
                nodes: only_right,
            },
        },
        stance,
        coverage,
        conflicts,
        contradicting,
        contradicts: contradictions(a, b),
    }
}

/// The `contradicts` pairs between `a` (left) and `b` (right): (left node, right node) ->
/// the sides that declare it, in the left map's order.
fn contradicting_nodes(
    a: &Analysed,
    b: &Analysed,
) -> std::collections::BTreeMap<(NodeIndex, NodeIndex), std::collections::BTreeSet<Side>> {
    let graphs = [&a.graph, &b.graph];
    let (links, _) = super::resolve_contradicts_of(&graphs);
    let mut out: std::collections::BTreeMap<_, std::collections::BTreeSet<Side>> =
        Default::default();
    for l in links {
        let (pair, by) = match (l.from.0, l.to.0) {
            (0, 1) => ((l.from.1, l.to.1), Side::Left),
            (1, 0) => ((l.to.1, l.from.1), Side::Right),
            _ => continue,
        };
        out.entry(pair).or_default().insert(by);
    }
    out
}

/// Rounds a score to 4 decimals, so that JSON stays short and stable.
fn round(x: f64) -> f64 {
    (x * 10_000.0).round() / 10_000.0
}
