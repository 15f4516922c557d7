//! Comparing two maps: how they frame the same thesis.
//!
//! [`compare`] is pure: it takes two analysed maps (called `left` and `right`, in the order
//! given) and the `same_as` links resolved between them, and returns a [`Comparison`]. Its
//! `Serialize` form is the JSON schema of `argmap compare --format json` (documented field
//! by field below and in `docs/compare.md`). Everything is written symmetrically: swapping
//! the two maps swaps `left` and `right` and nothing else.
//!
//! - **Alignment.** Pairs declared by `same_as` on either side (a pair declared on both
//!   sides is one pair), plus *suggested* pairs between the remaining claims, evidence and
//!   rebuttals, ranked by the TF-IDF cosine of their words ([`similarity`]); suggestions
//!   are one-to-one, chosen greedily by score, and at least [`CompareOptions::min_score`].
//!   Both kinds of pair feed the rest of the comparison.
//! - **Each pair**: the node's role in each map, its polarity toward that map's thesis, its
//!   support status, the evidence and sources behind it, and who holds it (`by`).
//! - **Only one side**: the claims of each map that have no counterpart in the other.
//! - **Stance** of each map toward the other's thesis, through the alignment: see
//!   [`Stance`].
//! - **Coverage** side by side, and **factual conflicts**: aligned pairs whose texts
//!   mention different dates or numbers.
//! - A plain-language **summary** built from all of the above.

use super::support::{Coverage, Status};
use super::{Analysed, SameAsLink};
use crate::graph::{ArgGraph, EdgeKind, NodeKind};
use crate::parse::model::Id;
use petgraph::graph::NodeIndex;
use petgraph::visit::EdgeRef;
use petgraph::Direction;
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet, HashSet, VecDeque};

/// Version of the JSON schema of [`Comparison`]; raised when a field changes meaning or is
/// removed (adding a field does not raise it).
pub const SCHEMA_VERSION: u32 = 1;

/// Default [`CompareOptions::min_score`].
pub const DEFAULT_MIN_SCORE: f64 = 0.35;

/// Suggestion candidates kept per node (the best by score, on either side).
const MAX_CANDIDATES: usize = 8;

/// Words used by more nodes than this are left out of the similarity index: they weigh
/// little, and their long lists would make the search quadratic. A constant keeps it
/// linear in the size of the maps.
const MAX_INDEXED_DF: usize = 64;

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
    pub left: T,
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
    /// A few plain sentences that state the outcome.
    pub summary: String,
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
    /// Aligned pairs whose texts mention different dates or numbers.
    pub conflicts: Vec<Conflict>,
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
    /// Number of claims, evidence, rebuttals and sources.
    pub claims: usize,
    pub evidence: usize,
    pub rebuttals: usize,
    pub sources: usize,
}

/// A node named by id, with its kind and text.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct NodeRef {
    pub id: String,
    pub kind: NodeKind,
    pub text: String,
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
    pub origin: Origin,
    /// The maps whose `same_as` declares the pair (empty for a suggested pair).
    pub declared_in: Vec<Side>,
    /// Text similarity of the two nodes, 0..=1 (computed for declared pairs too).
    pub score: f64,
    pub left: NodeReport,
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
    pub fn len(&self) -> usize {
        self.nodes.len()
    }
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
    pub id: Id,
    pub kind: NodeKind,
    pub text: String,
    /// Who holds it (`by`); absent when it is the map's author.
    pub by: Option<String>,
    pub role: Role,
    /// Its support status in its map.
    pub status: Status,
    /// Evidence nodes that support it directly or that end its chain of cited support
    /// (`argmap support`'s chain).
    pub evidence: usize,
    /// Distinct sources cited by it, by its direct supporters, or along that chain.
    pub sources: Vec<Id>,
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

/// A node's direction relative to its map's thesis.
///
/// The thesis is `pro`. Along the relations of the map, in either direction, a support
/// (or an in-map `same_as`) keeps the polarity and an attack flips it; an undercut of the
/// link `X -> Y` is the opposite of `X` (and, toward `Y`, the opposite of the link). So
/// whatever supports the thesis is `pro`, an attacker of a `pro` node is `con`, what an
/// argued-for node attacks is `con`, and so on. Each node takes the polarity of its
/// shortest path from a thesis.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Polarity {
    Pro,
    Con,
}

impl Polarity {
    fn flip(self) -> Polarity {
        match self {
            Polarity::Pro => Polarity::Con,
            Polarity::Con => Polarity::Pro,
        }
    }
    fn times(self, sign: bool) -> Polarity {
        if sign {
            self
        } else {
            self.flip()
        }
    }
}

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
    pub stance: StanceKind,
    /// Ids of the other map's theses.
    pub toward: Vec<String>,
    /// Reasons for and against (counted over the reasons that decided).
    pub supporting: usize,
    pub attacking: usize,
    /// Whether direct reasons decided.
    pub direct: bool,
    /// Every reason, in pair order.
    pub reasons: Vec<StanceReason>,
}

/// One aligned pair's bearing on the other map's thesis.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct StanceReason {
    /// Index into [`Comparison::pairs`].
    pub pair: usize,
    /// The node of the map that takes the stance, and its polarity there.
    pub own: String,
    pub own_polarity: Polarity,
    /// The node of the map whose thesis is judged, and its polarity there.
    pub other: String,
    pub other_polarity: Polarity,
    /// `supports` or `attacks`.
    pub effect: StanceKind,
    /// `other` is a thesis of its map.
    pub direct: bool,
    /// This reason is among those that decided the stance.
    pub decisive: bool,
}

/// An aligned pair whose texts mention different numbers.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Conflict {
    /// Index into [`Comparison::pairs`].
    pub pair: usize,
    pub left: Numbers,
    pub right: Numbers,
}

/// The numbers one node of a conflict mentions.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Numbers {
    pub id: String,
    /// Every number in its text and quote, ascending.
    pub values: Vec<String>,
    /// Those the other node does not mention.
    pub unmatched: Vec<String>,
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
    let vectors = similarity::Vectors::new(&sides);

    // Declared pairs, deduplicated: (left node, right node) -> declaring sides.
    let mut declared: BTreeMap<(NodeIndex, NodeIndex), BTreeSet<Side>> = BTreeMap::new();
    for l in links {
        let (from, to) = (l.from, l.to);
        let (pair, by) = match (from.0, to.0) {
            (0, 1) => ((from.1, to.1), Side::Left),
            (1, 0) => ((to.1, from.1), Side::Right),
            _ => continue,
        };
        declared.entry(pair).or_default().insert(by);
    }
    let mut raw: Vec<(NodeIndex, NodeIndex, Origin, Vec<Side>, f64)> = declared
        .into_iter()
        .map(|((l, r), by)| {
            (
                l,
                r,
                Origin::Declared,
                by.into_iter().collect(),
                vectors.score(&sides, l, r),
            )
        })
        .collect();
    let taken = Sides::build(|s| {
        raw.iter()
            .map(|p| if s == Side::Left { p.0 } else { p.1 })
            .collect::<HashSet<NodeIndex>>()
    });
    for (l, r, score) in vectors.suggest(&sides, &taken, opts.min_score) {
        raw.push((l, r, Origin::Suggested, Vec::new(), score));
    }
    // The word vectors are as large as the maps' texts: gone before the reports are made.
    drop(vectors);

    let pairs: Vec<Pair> = raw
        .iter()
        .map(|(l, r, origin, by, score)| Pair {
            origin: *origin,
            declared_in: by.clone(),
            score: round(*score),
            left: sides.left.report(*l),
            right: sides.right.report(*r),
        })
        .collect();
    let aligned = Sides::build(|s| {
        raw.iter()
            .map(|p| if s == Side::Left { p.0 } else { p.1 })
            .collect::<HashSet<NodeIndex>>()
    });
    let only_nodes = Sides::build(|s| {
        let d = sides.get(s);
        d.g.graph
            .node_indices()
            .filter(|&ix| d.g.graph[ix].kind == NodeKind::Claim && !aligned.get(s).contains(&ix))
            .collect::<Vec<NodeIndex>>()
    });
    let stance = Sides::build(|s| stance(&pairs, s, &sides.get(s.other()).info.theses));
    let coverage = Sides::build(|s| Coverage::of(&maps.get(s).graph, &maps.get(s).support));
    let conflicts = pairs
        .iter()
        .enumerate()
        .filter_map(|(i, p)| {
            let (l, r) = (&raw[i].0, &raw[i].1);
            conflict(i, p, &sides.left.numbers(*l), &sides.right.numbers(*r))
        })
        .collect();
    let maps_info = Sides::build(|s| sides.get(s).info.clone());
    let Sides { left, right } = sides;
    let Sides {
        left: only_left,
        right: only_right,
    } = only_nodes;
    let mut c = Comparison {
        schema_version: SCHEMA_VERSION,
        options: opts.clone(),
        maps: maps_info,
        summary: String::new(),
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
    };
    c.summary = summary(&c);
    c
}

/// Rounds a score to 4 decimals, so that JSON stays short and stable.
fn round(x: f64) -> f64 {
    (x * 10_000.0).round() / 10_000.0
}

/// One map, with what the comparison needs of it precomputed.
struct SideData<'a, 'f> {
    m: &'a Analysed<'f>,
    g: &'a ArgGraph<'f>,
    info: MapInfo,
    polarity: Vec<Option<Polarity>>,
}

impl<'a, 'f> SideData<'a, 'f> {
    fn new(m: &'a Analysed<'f>) -> SideData<'a, 'f> {
        let g = &m.graph;
        let count = |k: NodeKind| g.graph.node_weights().filter(|n| n.kind == k).count();
        let info = MapInfo {
            id: m.map_id().to_string(),
            title: g.map.title.clone(),
            theses: g
                .theses()
                .into_iter()
                .map(|ix| NodeRef {
                    id: g.graph[ix].id.to_string(),
                    kind: g.graph[ix].kind,
                    text: g.graph[ix].text().to_string(),
                })
                .collect(),
            claims: count(NodeKind::Claim),
            evidence: count(NodeKind::Evidence),
            rebuttals: count(NodeKind::Rebuttal),
            sources: count(NodeKind::Source),
        };
        SideData {
            m,
            g,
            info,
            polarity: polarity(g),
        }
    }

    /// The text a node is compared by: its text and quote.
    fn full_text(&self, ix: NodeIndex) -> String {
        let n = &self.g.graph[ix];
        match n.node.and_then(|x| x.quote.as_deref()) {
            Some(q) => format!("{}\n{q}", n.text()),
            None => n.text().to_string(),
        }
    }

    fn numbers(&self, ix: NodeIndex) -> Vec<String> {
        numbers(&self.full_text(ix))
    }

    fn report(&self, ix: NodeIndex) -> NodeReport {
        let g = &self.g.graph;
        let n = &g[ix];
        let mut supports = Vec::new();
        let mut attacks = Vec::new();
        let mut undercuts = Vec::new();
        let mut out: Vec<_> = g.edges_directed(ix, Direction::Outgoing).collect();
        out.sort_by_key(|e| (e.target(), e.id()));
        for e in out {
            match e.weight() {
                EdgeKind::Supports => supports.push(g[e.target()].id.into()),
                EdgeKind::Attacks => attacks.push(g[e.target()].id.into()),
                EdgeKind::Undercuts { link } => {
                    if let Some((x, y)) = g.edge_endpoints(*link) {
                        undercuts.push(compact_str::format_compact!("{} -> {}", g[x].id, g[y].id));
                    }
                }
                _ => {}
            }
        }
        // What backs it: its direct supporters and the chain that gives it cited support
        // (a bounded walk, so the whole comparison stays linear in the size of the maps).
        let mut behind: Vec<NodeIndex> = self
            .g
            .incoming(ix, |k| matches!(k, EdgeKind::Supports))
            .collect();
        behind.extend(self.m.support.chain(ix).into_iter().skip(1));
        behind.sort();
        behind.dedup();
        let evidence = behind
            .iter()
            .filter(|&&x| g[x].kind == NodeKind::Evidence)
            .count();
        let sources: BTreeSet<Id> = std::iter::once(ix)
            .chain(behind.iter().copied())
            .flat_map(|x| g.edges_directed(x, Direction::Outgoing))
            .filter(|e| matches!(e.weight(), EdgeKind::Cites { .. }))
            .map(|e| g[e.target()].id.into())
            .collect();
        NodeReport {
            id: n.id.into(),
            kind: n.kind,
            text: n.text().to_string(),
            by: n.node.and_then(|x| x.by().map(str::to_string)),
            role: Role {
                thesis: n.is_thesis(),
                supports,
                attacks,
                undercuts,
                polarity: self.polarity[ix.index()],
            },
            status: self.m.support.status(ix),
            evidence,
            sources: sources.into_iter().collect(),
        }
    }
}

/// The [`Polarity`] of every node: breadth-first from the theses over the signed
/// relations of the map, in both directions; the first (shortest) path decides.
fn polarity(g: &ArgGraph) -> Vec<Option<Polarity>> {
    let n = g.graph.node_count();
    // Signed adjacency: (neighbour, same polarity?).
    let mut adj: Vec<Vec<(NodeIndex, bool)>> = vec![Vec::new(); n];
    let mut add = |a: NodeIndex, b: NodeIndex, sign: bool| {
        adj[a.index()].push((b, sign));
        adj[b.index()].push((a, sign));
    };
    for e in g.graph.edge_references() {
        let (a, b) = (e.source(), e.target());
        match e.weight() {
            EdgeKind::Supports | EdgeKind::SameAs => add(a, b, true),
            EdgeKind::Attacks => add(a, b, false),
            EdgeKind::Undercuts { link } => {
                if let Some((x, _)) = g.graph.edge_endpoints(*link) {
                    let link_supports =
                        matches!(g.graph.edge_weight(*link), Some(EdgeKind::Supports));
                    add(a, x, false);
                    add(a, b, !link_supports);
                }
            }
            EdgeKind::Cites { .. } => {}
        }
    }
    let mut pol: Vec<Option<Polarity>> = vec![None; n];
    let mut queue = VecDeque::new();
    for t in g.theses() {
        pol[t.index()] = Some(Polarity::Pro);
        queue.push_back(t);
    }
    while let Some(x) = queue.pop_front() {
        let Some(p) = pol[x.index()] else { continue };
        for &(y, sign) in &adj[x.index()] {
            if pol[y.index()].is_none() {
                pol[y.index()] = Some(p.times(sign));
                queue.push_back(y);
            }
        }
    }
    pol
}

/// The stance of `own` toward the other map's `theses`, from the aligned pairs.
fn stance(pairs: &[Pair], own: Side, theses: &[NodeRef]) -> Stance {
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
    Stance {
        stance,
        toward,
        supporting,
        attacking,
        direct,
        reasons,
    }
}

/// The numbers mentioned in `text`, normalised (`1,000` → `1000`; `1905–06` → `1905`,
/// `1906`), deduplicated and in ascending order.
pub fn numbers(text: &str) -> Vec<String> {
    let chars: Vec<char> = text.chars().collect();
    let mut found: Vec<String> = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        if !chars[i].is_ascii_digit() || (i > 0 && (chars[i - 1].is_alphanumeric())) {
            // Digits glued to a word (`Q3`, `T1`) are names, not numbers.
            if chars[i].is_ascii_digit() {
                while i < chars.len() && chars[i].is_ascii_digit() {
                    i += 1;
                }
            } else {
                i += 1;
            }
            continue;
        }
        let mut s = String::new();
        while i < chars.len() {
            let c = chars[i];
            if c.is_ascii_digit() {
                s.push(c);
                i += 1;
            } else if c == ',' && thousands(&chars[i + 1..]) {
                // Thousands separator: `1,000`.
                i += 1;
            } else if c == '.'
                && chars.get(i + 1).is_some_and(|d| d.is_ascii_digit())
                && !s.contains('.')
            {
                s.push('.');
                i += 1;
            } else {
                break;
            }
        }
        // `1905–06`: a year range abbreviated to its last digits.
        let dash = chars.get(i).is_some_and(|&c| matches!(c, '-' | '–' | '—'));
        let mut short_end = None;
        if s.len() == 4 && !s.contains('.') && dash {
            let mut j = i + 1;
            let mut t = String::new();
            while j < chars.len() && chars[j].is_ascii_digit() {
                t.push(chars[j]);
                j += 1;
            }
            let followed = chars.get(j).is_some_and(|c| c.is_alphanumeric());
            if (1..=2).contains(&t.len()) && !followed {
                short_end = Some(format!("{}{t}", &s[..4 - t.len()]));
                i = j;
            }
        }
        // `1890s`: a decade.
        let decade = s.len() == 4
            && s.ends_with('0')
            && short_end.is_none()
            && chars.get(i) == Some(&'s')
            && !chars.get(i + 1).is_some_and(|c| c.is_alphanumeric());
        if decade {
            found.push(format!("{s}s"));
            i += 1;
        } else {
            found.push(normalise_number(&s));
        }
        if let Some(e) = short_end {
            found.push(e);
        }
    }
    let mut set: Vec<String> = found.into_iter().filter(|s| !s.is_empty()).collect();
    set.sort_by(|a, b| {
        let value = |v: &str| v.trim_end_matches('s').parse::<f64>().unwrap_or(0.0);
        let (x, y) = (value(a), value(b));
        x.partial_cmp(&y)
            .unwrap_or(std::cmp::Ordering::Equal)
            .then_with(|| a.cmp(b))
    });
    set.dedup();
    set
}

/// Whether `rest` (what follows a comma) is a group of exactly three digits.
fn thousands(rest: &[char]) -> bool {
    rest.len() >= 3
        && rest[..3].iter().all(char::is_ascii_digit)
        && !rest.get(3).is_some_and(char::is_ascii_digit)
}

/// `007` → `7`, `2.50` → `2.5`.
fn normalise_number(s: &str) -> String {
    let (int, frac) = match s.split_once('.') {
        Some((i, f)) => (i, f.trim_end_matches('0')),
        None => (s, ""),
    };
    let int = int.trim_start_matches('0');
    let int = if int.is_empty() { "0" } else { int };
    if frac.is_empty() {
        int.to_string()
    } else {
        format!("{int}.{frac}")
    }
}

/// Whether two extracted numbers agree: equal, or a year within a decade (`1895` and
/// `1890s`).
fn same_number(a: &str, b: &str) -> bool {
    let within = |decade: &str, year: &str| {
        decade.len() == 5
            && decade.ends_with('s')
            && year.len() == 4
            && !year.contains('.')
            && year[..3] == decade[..3]
    };
    a == b || within(a, b) || within(b, a)
}

/// A conflict when both nodes mention numbers and each mentions one the other does not
/// (one saying more than the other, `1927` against `1927, 1929`, is no conflict).
fn conflict(pair: usize, p: &Pair, l: &[String], r: &[String]) -> Option<Conflict> {
    let only_l: Vec<String> = l
        .iter()
        .filter(|x| !r.iter().any(|y| same_number(x, y)))
        .cloned()
        .collect();
    let only_r: Vec<String> = r
        .iter()
        .filter(|x| !l.iter().any(|y| same_number(x, y)))
        .cloned()
        .collect();
    if only_l.is_empty() || only_r.is_empty() {
        return None;
    }
    Some(Conflict {
        pair,
        left: Numbers {
            id: p.left.id.to_string(),
            values: l.to_vec(),
            unmatched: only_l,
        },
        right: Numbers {
            id: p.right.id.to_string(),
            values: r.to_vec(),
            unmatched: only_r,
        },
    })
}

/// `n thing`/`n things`.
fn count(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// `has` for one, `have` for any other number.
fn has(n: usize) -> &'static str {
    if n == 1 {
        "has"
    } else {
        "have"
    }
}

/// The plain-language summary of a comparison.
fn summary(c: &Comparison) -> String {
    let name = |s: Side| c.maps.get(s).id.clone();
    let (l, r) = (name(Side::Left), name(Side::Right));
    let mut out = Vec::new();
    let declared = c
        .pairs
        .iter()
        .filter(|p| p.origin == Origin::Declared)
        .count();
    let suggested = c.pairs.len() - declared;
    if c.pairs.is_empty() {
        out.push(format!("`{l}` and `{r}` have no node in common: nothing is declared `same_as`, and no two nodes are similar enough (score ≥ {}).", c.options.min_score));
    } else {
        out.push(format!(
            "`{l}` and `{r}` share {}: {} by `same_as`, {} by text similarity (score ≥ {}).",
            count(c.pairs.len(), "aligned pair", "aligned pairs"),
            declared,
            suggested,
            c.options.min_score
        ));
    }
    for s in [Side::Left, Side::Right] {
        let st = c.stance.get(s);
        let (me, other) = (name(s), name(s.other()));
        let on = if st.direct {
            " on the thesis itself"
        } else {
            ""
        };
        out.push(match st.stance {
            StanceKind::Silent if st.toward.is_empty() => {
                format!("`{other}` has no thesis, so `{me}` can take no stance toward it.")
            }
            StanceKind::Silent => format!(
                "`{me}` is silent on the thesis of `{other}`: no aligned pair bears on both theses."
            ),
            k => format!(
                "`{me}` {} the thesis of `{other}`: {} for it{on}, {} against.",
                match k {
                    StanceKind::Supports => "supports",
                    StanceKind::Attacks => "attacks",
                    _ => "is divided on",
                },
                count(st.supporting, "aligned pair argues", "aligned pairs argue"),
                st.attacking
            ),
        });
    }
    // The same proposition argued for in one map and against in the other.
    let opposite: Vec<&Pair> = c
        .pairs
        .iter()
        .filter(|p| matches!((p.left.role.polarity, p.right.role.polarity), (Some(x), Some(y)) if x != y))
        .collect();
    if let Some(p) = opposite.first() {
        let side = |n: &NodeReport, s: Side| {
            let dir = if n.role.polarity == Some(Polarity::Pro) {
                "for"
            } else {
                "against"
            };
            format!("`{}` argues {dir} the thesis of `{}`", n.id, name(s))
        };
        let head = if opposite.len() == 1 {
            "One aligned proposition serves opposite ends".to_string()
        } else {
            format!(
                "{} aligned propositions serve opposite ends",
                opposite.len()
            )
        };
        out.push(format!(
            "{head}{}: {} while {}.",
            if opposite.len() > 1 { ", e.g." } else { "" },
            side(&p.left, Side::Left),
            side(&p.right, Side::Right)
        ));
    }
    let only = |s: Side| c.only.get(s).len();
    out.push(format!(
        "{} of {} claims of `{l}` {} no counterpart in `{r}`; {} of {} of `{r}` {} none in `{l}`.",
        only(Side::Left),
        c.maps.left.claims,
        has(only(Side::Left)),
        only(Side::Right),
        c.maps.right.claims,
        has(only(Side::Right))
    ));
    let pct = |s: Side| (c.coverage.get(s).ratio * 100.0).round() as i64;
    out.push(format!(
        "Citation coverage: {}% of the claims of `{l}` have cited support, {}% of those of `{r}`.",
        pct(Side::Left),
        pct(Side::Right)
    ));
    if c.conflicts.is_empty() {
        out.push("No aligned pair differs in its dates or numbers.".to_string());
    } else {
        let list: Vec<String> = c
            .conflicts
            .iter()
            .take(3)
            .map(|k| {
                format!(
                    "`{}` / `{}` ({} against {})",
                    k.left.id,
                    k.right.id,
                    k.left.unmatched.join(", "),
                    k.right.unmatched.join(", ")
                )
            })
            .collect();
        let more = if c.conflicts.len() > 3 { ", ..." } else { "" };
        out.push(format!(
            "{} in dates or numbers: {}{more}.",
            count(
                c.conflicts.len(),
                "aligned pair differs",
                "aligned pairs differ"
            ),
            list.join("; ")
        ));
    }
    out.join(" ")
}

/// Text similarity: a TF-IDF cosine over normalised words.
///
/// A node's text and quote are split into words (letters and digits), lowercased, and
/// short English stop words and one-letter words dropped; a plural `-s`/`-es`/`-ies` is
/// stripped so `revolutions` meets `revolution`. Each word weighs `(1 + ln tf) · idf`,
/// `idf = 1 + ln((1 + N) / (1 + df))` over the N nodes of both maps, and the vector is
/// normalised; the score of two nodes is the cosine of their vectors, 0..=1.
///
/// Only pairs that share an indexed word are scored, found with an inverted index. Words
/// in more than 64 nodes are left out of it, so every posting list stays short; a node
/// whose words are all that common meets the nodes with the same word list (by hash), so
/// two nodes with the same text always meet; a Cauchy–Schwarz bound on what the left-out
/// words can add skips pairs that cannot reach the threshold; each node keeps its best
/// few candidates. The work is linear in the size of the maps.
pub mod similarity {
    use super::{Side, SideData, Sides, MAX_CANDIDATES, MAX_INDEXED_DF};
    use crate::graph::NodeKind;
    use petgraph::graph::NodeIndex;
    use std::borrow::Cow;
    use std::collections::{HashMap, HashSet};

    const STOP_WORDS: &[&str] = &[
        "a", "about", "after", "against", "all", "also", "an", "and", "any", "are", "as", "at",
        "be", "because", "been", "before", "being", "between", "but", "by", "can", "could", "did",
        "do", "does", "each", "for", "from", "had", "has", "have", "he", "her", "here", "him",
        "his", "how", "if", "in", "into", "is", "it", "its", "may", "might", "more", "most",
        "must", "no", "not", "of", "on", "or", "other", "our", "own", "she", "should", "so",
        "such", "than", "that", "the", "their", "them", "then", "there", "these", "they", "this",
        "those", "through", "to", "too", "under", "up", "upon", "very", "was", "we", "were",
        "what", "when", "where", "which", "while", "who", "whom", "whose", "will", "with", "would",
    ];

    /// The normalised words of `text`.
    pub fn words(text: &str) -> Vec<String> {
        let mut out = Vec::new();
        each_word(text, |w| out.push(w.to_string()));
        out
    }

    /// Calls `f` with each of the normalised [`words`] of `text`, without keeping them.
    fn each_word(text: &str, mut f: impl FnMut(&str)) {
        for w in text.split(|c: char| !c.is_alphanumeric()) {
            if w.is_empty() {
                continue;
            }
            let w = w.to_lowercase();
            if w.chars().count() > 1 && STOP_WORDS.binary_search(&w.as_str()).is_err() {
                f(&stem(&w));
            }
        }
    }

    /// Strips a plural ending: `countries` → `country`, `classes` → `class`,
    /// `revolutions` → `revolution`; `class`, `thus`, `analysis` stay.
    fn stem(w: &str) -> Cow<'_, str> {
        let n = w.chars().count();
        if n > 4 && w.ends_with("ies") {
            return Cow::Owned(format!("{}y", &w[..w.len() - 3]));
        }
        if n > 4
            && ["sses", "xes", "ches", "shes"]
                .iter()
                .any(|e| w.ends_with(e))
        {
            return Cow::Borrowed(&w[..w.len() - 2]);
        }
        if n > 3 && w.ends_with('s') && !["ss", "us", "is"].iter().any(|e| w.ends_with(e)) {
            return Cow::Borrowed(&w[..w.len() - 1]);
        }
        Cow::Borrowed(w)
    }

    /// Sparse unit vectors, stored one after another (no allocation per vector): vector
    /// `k` has the terms `terms[starts[k]..starts[k + 1]]`, ascending, with their weights
    /// alongside.
    #[derive(Clone, Debug, Default)]
    pub struct WordVectors {
        terms: Vec<u32>,
        weights: Vec<f64>,
        starts: Vec<u32>,
    }

    /// One sparse unit vector of [`WordVectors`]: term ids ascending, and their weights.
    #[derive(Clone, Copy, Debug, Default)]
    pub struct Vector<'a> {
        pub terms: &'a [u32],
        pub weights: &'a [f64],
    }

    impl<'a> Vector<'a> {
        pub fn is_empty(&self) -> bool {
            self.terms.is_empty()
        }
        /// (term id, weight), ascending by term id.
        pub fn iter(&self) -> impl Iterator<Item = (u32, f64)> + 'a {
            self.terms.iter().copied().zip(self.weights.iter().copied())
        }
    }

    impl WordVectors {
        /// Vector `k` (empty when there is none).
        pub fn get(&self, k: usize) -> Vector<'_> {
            let range = match (self.starts.get(k), self.starts.get(k + 1)) {
                (Some(&a), Some(&b)) => a as usize..b as usize,
                _ => 0..0,
            };
            Vector {
                terms: &self.terms[range.clone()],
                weights: &self.weights[range],
            }
        }
        pub fn len(&self) -> usize {
            self.starts.len().saturating_sub(1)
        }
        pub fn is_empty(&self) -> bool {
            self.len() == 0
        }
    }

    /// Words numbered as they are first seen, and documents as (word number, count) lists
    /// one after another (document `k`'s are `words[starts[k]..starts[k + 1]]`): each
    /// distinct word is stored once, and no document has an allocation of its own.
    struct Interned {
        numbers: HashMap<Box<str>, u32>,
        words: Vec<(u32, u32)>,
        starts: Vec<u32>,
        /// Documents counted but not kept ([`Interned::count`]): how many, and in how
        /// many of them each word (by number) occurs.
        counted: usize,
        counted_df: Vec<u32>,
        /// Reused: the word numbers of the document being read.
        scratch: Vec<u32>,
    }

    impl Interned {
        fn new() -> Interned {
            Interned {
                numbers: HashMap::new(),
                words: Vec::new(),
                starts: vec![0],
                counted: 0,
                counted_df: Vec::new(),
                scratch: Vec::new(),
            }
        }

        /// Numbers the words of a document given to `words`, sorted, into `scratch`.
        fn read(&mut self, words: impl FnOnce(&mut dyn FnMut(&str))) {
            let Interned {
                numbers, scratch, ..
            } = self;
            scratch.clear();
            words(&mut |w: &str| {
                let n = match numbers.get(w) {
                    Some(&n) => n,
                    None => {
                        let n = numbers.len() as u32;
                        numbers.insert(w.into(), n);
                        n
                    }
                };
                scratch.push(n);
            });
            scratch.sort_unstable();
        }

        /// Counts a document in the document frequencies without keeping it (its vector
        /// is made again from its text when needed: [`Vocabulary::vector`]).
        fn count(&mut self, words: impl FnOnce(&mut dyn FnMut(&str))) {
            self.read(words);
            self.counted += 1;
            self.counted_df.resize(self.numbers.len(), 0);
            let mut last = None;
            for &n in &self.scratch {
                if last != Some(n) {
                    self.counted_df[n as usize] += 1;
                    last = Some(n);
                }
            }
        }

        /// Adds a document (its words given to the closure `words`); returns its number.
        fn add(&mut self, words: impl FnOnce(&mut dyn FnMut(&str))) -> usize {
            self.read(words);
            let first = self.words.len();
            for &n in self.scratch.iter() {
                match self.words[first..].last_mut() {
                    Some((last, c)) if *last == n => *c += 1,
                    _ => self.words.push((n, 1)),
                }
            }
            self.starts.push(self.words.len() as u32);
            self.starts.len() - 2
        }

        /// The TF-IDF vectors of the kept documents, and the vocabulary that makes the
        /// vector of any counted one. Term ids follow the sorted vocabulary, so they do not
        /// depend on the order of the documents. The (word, count) lists become the
        /// vectors' terms in place.
        fn vectorise(self) -> (WordVectors, Vocabulary) {
            let Interned {
                numbers,
                mut words,
                starts,
                counted,
                mut counted_df,
                ..
            } = self;
            let mut vocabulary: Vec<(&str, u32)> =
                numbers.iter().map(|(w, &n)| (&**w, n)).collect();
            vocabulary.sort_unstable();
            let mut term = vec![0u32; vocabulary.len()];
            for (t, (_, n)) in vocabulary.iter().enumerate() {
                term[*n as usize] = t as u32;
            }
            drop(vocabulary);
            counted_df.resize(term.len(), 0);
            let mut dfs = vec![0usize; term.len()];
            for (n, &c) in counted_df.iter().enumerate() {
                dfs[term[n] as usize] += c as usize;
            }
            drop(counted_df);
            for (w, _) in words.iter_mut() {
                *w = term[*w as usize];
                dfs[*w as usize] += 1;
            }
            let vocabulary = Vocabulary {
                numbers,
                term,
                dfs,
                docs: (starts.len() - 1 + counted) as f64,
            };
            let mut weights: Vec<f64> = Vec::with_capacity(words.len());
            for k in 0..starts.len() - 1 {
                let doc = &mut words[starts[k] as usize..starts[k + 1] as usize];
                doc.sort_unstable_by_key(|&(id, _)| id);
                vocabulary.weigh(doc, &mut weights);
            }
            // Collected in place: the (word, count) buffer, twice the size, is given back.
            let mut terms: Vec<u32> = words.into_iter().map(|(id, _)| id).collect();
            terms.shrink_to_fit();
            (
                WordVectors {
                    terms,
                    weights,
                    starts,
                },
                vocabulary,
            )
        }
    }

    /// The vocabulary of all the documents, counted or kept: what turns a document's
    /// words into its TF-IDF vector.
    struct Vocabulary {
        /// Word → number; number → term id (the word's place in the sorted vocabulary).
        numbers: HashMap<Box<str>, u32>,
        term: Vec<u32>,
        /// Document frequency of each term id.
        dfs: Vec<usize>,
        /// How many documents there are.
        docs: f64,
    }

    impl Vocabulary {
        /// Appends to `out` the unit-length weights of a document given as (term id,
        /// count), ascending by term id.
        fn weigh(&self, doc: &[(u32, u32)], out: &mut Vec<f64>) {
            let n = self.docs;
            let first = out.len();
            out.extend(doc.iter().map(|&(id, c)| {
                let idf = 1.0 + ((1.0 + n) / (1.0 + self.dfs[id as usize] as f64)).ln();
                (1.0 + (c as f64).ln()) * idf
            }));
            let norm = out[first..].iter().map(|x| x * x).sum::<f64>().sqrt();
            if norm > 0.0 {
                for x in &mut out[first..] {
                    *x /= norm;
                }
            }
        }

        /// The vector of a counted document, made again from its text.
        fn vector(&self, text: &str) -> OwnedVector {
            let mut ids: Vec<u32> = Vec::new();
            each_word(text, |w| {
                if let Some(&n) = self.numbers.get(w) {
                    ids.push(self.term[n as usize]);
                }
            });
            ids.sort_unstable();
            let mut doc: Vec<(u32, u32)> = Vec::new();
            for id in ids {
                match doc.last_mut() {
                    Some((last, c)) if *last == id => *c += 1,
                    _ => doc.push((id, 1)),
                }
            }
            let mut weights = Vec::with_capacity(doc.len());
            self.weigh(&doc, &mut weights);
            OwnedVector {
                terms: doc.into_iter().map(|(id, _)| id).collect(),
                weights,
            }
        }
    }

    /// A vector made when needed, not stored with the others.
    struct OwnedVector {
        terms: Vec<u32>,
        weights: Vec<f64>,
    }

    impl OwnedVector {
        fn view(&self) -> Vector<'_> {
            Vector {
                terms: &self.terms,
                weights: &self.weights,
            }
        }
    }

    /// Builds the TF-IDF vectors of `docs` (each a list of words). Term ids follow the
    /// sorted vocabulary, so they do not depend on the order of the documents.
    pub fn vectorise(docs: &[Vec<String>]) -> (WordVectors, Vec<usize>) {
        let mut interned = Interned::new();
        for d in docs {
            interned.add(|f| d.iter().for_each(|w| f(w)));
        }
        let (vectors, vocabulary) = interned.vectorise();
        (vectors, vocabulary.dfs)
    }

    /// The cosine of two unit vectors (a merge over ascending term ids, so it is the same
    /// number whichever comes first).
    pub fn cosine(a: Vector, b: Vector) -> f64 {
        let (mut i, mut j, mut s) = (0, 0, 0.0);
        while i < a.terms.len() && j < b.terms.len() {
            match a.terms[i].cmp(&b.terms[j]) {
                std::cmp::Ordering::Less => i += 1,
                std::cmp::Ordering::Greater => j += 1,
                std::cmp::Ordering::Equal => {
                    s += a.weights[i] * b.weights[j];
                    i += 1;
                    j += 1;
                }
            }
        }
        s.clamp(0.0, 1.0)
    }

    /// The slot of a node without a vector (a source).
    const NO_VECTOR: u32 = u32::MAX;

    /// The vectors of the claims, evidence and rebuttals of the right map, and the
    /// vocabulary of both: a left node's vector is made from its text when it is needed
    /// (once per node while searching), so only one map's vectors are held.
    pub(super) struct Vectors {
        /// Right map: node index → position in `vectors` ([`NO_VECTOR`] for sources).
        slot: Vec<u32>,
        vectors: WordVectors,
        vocabulary: Vocabulary,
    }

    impl Vectors {
        pub(super) fn new(sides: &Sides<SideData>) -> Vectors {
            let mut docs = Interned::new();
            let (left, right) = (&sides.left, &sides.right);
            for ix in left.g.graph.node_indices() {
                if left.g.graph[ix].kind != NodeKind::Source {
                    docs.count(|f| each_word(&left.full_text(ix), f));
                }
            }
            let slot = right
                .g
                .graph
                .node_indices()
                .map(|ix| match right.g.graph[ix].kind {
                    NodeKind::Source => NO_VECTOR,
                    _ => docs.add(|f| each_word(&right.full_text(ix), f)) as u32,
                })
                .collect();
            let (vectors, vocabulary) = docs.vectorise();
            Vectors {
                slot,
                vectors,
                vocabulary,
            }
        }

        /// The vector of left node `ix` (None for a source).
        fn left(&self, d: &SideData, ix: NodeIndex) -> Option<OwnedVector> {
            (d.g.graph[ix].kind != NodeKind::Source)
                .then(|| self.vocabulary.vector(&d.full_text(ix)))
        }

        /// The vector of right node `ix` (None for a source).
        fn right(&self, ix: NodeIndex) -> Option<Vector<'_>> {
            let k = *self.slot.get(ix.index())?;
            (k != NO_VECTOR).then(|| self.vectors.get(k as usize))
        }

        /// The similarity of left node `l` and right node `r`.
        pub(super) fn score(&self, sides: &Sides<SideData>, l: NodeIndex, r: NodeIndex) -> f64 {
            match (self.left(&sides.left, l), self.right(r)) {
                (Some(a), Some(b)) => cosine(a.view(), b),
                _ => 0.0,
            }
        }

        /// Suggested pairs (left, right, score) among the nodes not in `taken`: one-to-one,
        /// greedily by score, each at least `min_score`.
        pub(super) fn suggest(
            &self,
            sides: &Sides<SideData>,
            taken: &Sides<HashSet<NodeIndex>>,
            min_score: f64,
        ) -> Vec<(NodeIndex, NodeIndex, f64)> {
            // Left nodes: every claim, evidence item and rebuttal not taken (one whose
            // vector turns out empty is skipped when it is made); right nodes: those with
            // a non-empty vector.
            let free = |s: Side| -> Vec<NodeIndex> {
                let d = sides.get(s);
                d.g.graph
                    .node_indices()
                    .filter(|ix| !taken.get(s).contains(ix))
                    .filter(|&ix| match s {
                        Side::Left => d.g.graph[ix].kind != NodeKind::Source,
                        Side::Right => self.right(ix).is_some_and(|v| !v.is_empty()),
                    })
                    .collect()
            };
            let (lefts, rights) = (free(Side::Left), free(Side::Right));
            // Index words used by at most `cap` nodes, so every posting list stays short
            // (an uncapped word would make the search quadratic on large maps). A node whose
            // words are all common meets the nodes whose word list is the same (by hash),
            // so two nodes with the same text still always meet.
            let cap = MAX_INDEXED_DF;
            let indexed = |v: Vector| -> Vec<(u32, f64)> {
                v.iter()
                    .filter(|(t, _)| self.vocabulary.dfs[*t as usize] <= cap)
                    .collect()
            };
            // The norm of a vector's part outside the capped words, which bounds what
            // those words can add to a cosine (Cauchy–Schwarz).
            let rest = |v: Vector| -> f64 {
                v.iter()
                    .filter(|(t, _)| self.vocabulary.dfs[*t as usize] > cap)
                    .map(|(_, w)| w * w)
                    .sum::<f64>()
                    .sqrt()
            };
            let right = |r: NodeIndex| self.right(r).unwrap_or_default();
            // Postings of the indexed words over the right nodes, one after another:
            // word t's are post[first[t]..first[t + 1]], as (right node k, weight), k
            // ascending. Counted, then filled: no list per word.
            let vocabulary_len = self.vocabulary.dfs.len();
            let mut first = vec![0u32; vocabulary_len + 1];
            for &r in &rights {
                for (t, _) in indexed(right(r)) {
                    first[t as usize + 1] += 1;
                }
            }
            for t in 0..vocabulary_len {
                first[t + 1] += first[t];
            }
            let mut fill = first.clone();
            let mut post = vec![(0u32, 0.0f64); first[vocabulary_len] as usize];
            // Right nodes with only common words, by word list: the first, then a chain
            // through `common_next` (no list per word list).
            let mut common_first: HashMap<&[u32], u32> = HashMap::new();
            let mut common_next: Vec<u32> = vec![u32::MAX; rights.len()];
            let mut rest_r = Vec::with_capacity(rights.len());
            for (k, &r) in rights.iter().enumerate() {
                let v = right(r);
                let ix = indexed(v);
                if ix.is_empty() {
                    if let Some(prev) = common_first.insert(v.terms, k as u32) {
                        common_next[k] = prev;
                    }
                }
                for (t, w) in ix {
                    post[fill[t as usize] as usize] = (k as u32, w);
                    fill[t as usize] += 1;
                }
                rest_r.push(rest(v));
            }
            drop(fill);
            let postings =
                |t: u32| &post[first[t as usize] as usize..first[t as usize + 1] as usize];
            let mut candidates: Vec<(NodeIndex, NodeIndex, f64)> = Vec::new();
            // Partial dot products over the capped words, per right node.
            let mut partial = vec![0.0f64; rights.len()];
            let mut touched: Vec<usize> = Vec::new();
            for &l in &lefts {
                let Some(owned) = self.left(&sides.left, l) else {
                    continue;
                };
                let v = owned.view();
                if v.is_empty() {
                    continue;
                }
                let ix = indexed(v);
                if ix.is_empty() {
                    // Only common words: meet the right nodes with the same word list.
                    let mut next = common_first.get(v.terms).copied();
                    while let Some(k) = next.map(|k| k as usize) {
                        if partial[k] == 0.0 {
                            touched.push(k);
                        }
                        partial[k] += f64::MIN_POSITIVE;
                        next = Some(common_next[k]).filter(|&n| n != u32::MAX);
                    }
                }
                for (t, wl) in ix {
                    for &(k, wr) in postings(t) {
                        let k = k as usize;
                        if partial[k] == 0.0 {
                            touched.push(k);
                        }
                        partial[k] += wl * wr;
                    }
                }
                let rest_l = rest(v);
                touched.sort_unstable();
                touched.dedup();
                for &k in &touched {
                    let bound = partial[k] + rest_l * rest_r[k];
                    partial[k] = 0.0;
                    if bound + 1e-9 < min_score {
                        continue;
                    }
                    let score = cosine(v, right(rights[k]));
                    if score >= min_score {
                        candidates.push((l, rights[k], score));
                    }
                }
                touched.clear();
            }
            // Each node keeps its best few candidates (on either side).
            let ids = |s: Side, ix: NodeIndex| sides.get(s).g.graph[ix].id;
            let order = |a: &(NodeIndex, NodeIndex, f64), b: &(NodeIndex, NodeIndex, f64)| {
                let key = |p: &(NodeIndex, NodeIndex, f64)| {
                    let (x, y) = (ids(Side::Left, p.0), ids(Side::Right, p.1));
                    (x.min(y), x.max(y), x)
                };
                b.2.partial_cmp(&a.2)
                    .unwrap_or(std::cmp::Ordering::Equal)
                    .then_with(|| key(a).cmp(&key(b)))
            };
            candidates.sort_by(order);
            let mut kept_l: HashMap<NodeIndex, usize> = HashMap::new();
            let mut kept_r: HashMap<NodeIndex, usize> = HashMap::new();
            candidates.retain(|p| {
                let a = kept_l.entry(p.0).or_insert(0);
                *a += 1;
                let first_l = *a <= MAX_CANDIDATES;
                let b = kept_r.entry(p.1).or_insert(0);
                *b += 1;
                first_l || *b <= MAX_CANDIDATES
            });
            let mut used_l = HashSet::new();
            let mut used_r = HashSet::new();
            candidates
                .into_iter()
                .filter(|p| {
                    let ok = !used_l.contains(&p.0) && !used_r.contains(&p.1);
                    if ok {
                        used_l.insert(p.0);
                        used_r.insert(p.1);
                    }
                    ok
                })
                .collect()
        }
    }

    #[cfg(test)]
    mod tests {
        use super::*;

        fn v(docs: &[&str]) -> WordVectors {
            let docs: Vec<Vec<String>> = docs.iter().map(|d| words(d)).collect();
            vectorise(&docs).0
        }

        #[test]
        fn stop_words_are_sorted_for_binary_search() {
            assert!(STOP_WORDS.windows(2).all(|w| w[0] < w[1]));
        }

        #[test]
        fn words_are_lowercased_stemmed_and_stop_words_dropped() {
            assert_eq!(
                words("The Revolutions of 1905, in Russia's countries: classes!"),
                ["revolution", "1905", "russia", "country", "class"]
            );
        }

        #[test]
        fn identical_texts_score_one_and_disjoint_zero() {
            let vs = v(&[
                "Trotsky led the Red Army",
                "Trotsky led the Red Army",
                "Bread and peace",
            ]);
            assert!((cosine(vs.get(0), vs.get(1)) - 1.0).abs() < 1e-9);
            assert_eq!(cosine(vs.get(0), vs.get(2)), 0.0);
        }

        #[test]
        fn rare_shared_words_weigh_more_than_common_ones() {
            let vs = v(&[
                "Trotsky wrote Results and Prospects",
                "Trotsky wrote about prospects",
                "Trotsky wrote about revolution",
                "Trotsky wrote about the army",
                "Trotsky wrote on Lenin",
            ]);
            let with_rare = cosine(vs.get(0), vs.get(1));
            let common_only = cosine(vs.get(0), vs.get(2));
            assert!(with_rare > common_only, "{with_rare} vs {common_only}");
            assert!(common_only > 0.0);
        }

        #[test]
        fn cosine_is_symmetric_and_bounded() {
            let vs = v(&[
                "socialism in one country",
                "one country cannot build socialism alone",
                "permanent revolution",
            ]);
            for i in 0..vs.len() {
                for j in 0..vs.len() {
                    let (a, b) = (vs.get(i), vs.get(j));
                    let (x, y) = (cosine(a, b), cosine(b, a));
                    assert_eq!(x.to_bits(), y.to_bits());
                    assert!((0.0..=1.0).contains(&x));
                }
            }
        }

        #[test]
        fn empty_text_has_an_empty_vector() {
            let vs = v(&["the of and", "Lenin"]);
            assert!(vs.get(0).is_empty());
            assert_eq!(cosine(vs.get(0), vs.get(1)), 0.0);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_are_found_and_normalised() {
        assert_eq!(
            numbers("In 1905–06 he wrote; 1,000 men; 2.50 roubles; T1 and Q3 are ids"),
            ["2.5", "1000", "1905", "1906"]
        );
        assert_eq!(
            numbers("the Civil War (1918–1921) and the 1920s"),
            ["1918", "1920s", "1921"]
        );
        assert_eq!(numbers("no digits here"), Vec::<String>::new());
        assert_eq!(numbers("in the 1890s, by 1902"), ["1890s", "1902"]);
        assert!(same_number("1895", "1890s") && same_number("1890s", "1899"));
        assert!(!same_number("1902", "1890s") && !same_number("1890", "1900s"));
        assert_eq!(numbers("pp. 77–82, fn. 007"), ["7", "77", "82"]);
    }

    #[test]
    fn conflict_needs_a_value_missing_on_each_side() {
        let p = |id: &str| NodeReport {
            id: id.into(),
            kind: NodeKind::Claim,
            text: String::new(),
            by: None,
            role: Role::default(),
            status: Status::Unsupported,
            evidence: 0,
            sources: vec![],
        };
        let pair = Pair {
            origin: Origin::Declared,
            declared_in: vec![Side::Left],
            score: 1.0,
            left: p("a"),
            right: p("b"),
        };
        let s = |v: &[&str]| v.iter().map(|x| x.to_string()).collect::<Vec<_>>();
        assert!(conflict(0, &pair, &s(&["1928"]), &s(&["1929"])).is_some());
        assert!(conflict(0, &pair, &s(&["1927"]), &s(&["1927", "1929"])).is_none());
        assert!(conflict(0, &pair, &s(&[]), &s(&["1929"])).is_none());
        let c = conflict(0, &pair, &s(&["1927", "1928"]), &s(&["1927", "1929"])).expect("conflict");
        assert_eq!(c.left.unmatched, ["1928"]);
        assert_eq!(c.right.unmatched, ["1929"]);
    }
}
