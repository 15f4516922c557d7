//! The findings of a comparison, as data, each with its evidence (node ids on both sides)
//! and an `id` a summary sentence can cite: how the theses relate, where the maps agree
//! and disagree, how each treats the other's counter-positions, what only one map
//! covers, how each argues (evidence style), and whom each credits or blames. The
//! sentences are written by `present::compare`.
//!
//! Finding ids name their nodes, not their position in a list, so swapping the two maps
//! mirrors them: `agree:L|R` (left node, right node), `disagree:L|R` (aligned, one map
//! accepts what the other rejects), `contradicts:L|R`, `counter:L|R`, `by:L|R`,
//! `conflict:L|R`, `theses`, and per map `style@left`, `only@left/GROUP` (`only@left` for
//! the nodes in no group), `stance@left`.

use super::side::SideData;
use super::{Origin, Pair, Polarity, Position, Side, Sides, Via};
use crate::graph::{EdgeKind, NodeKind};
use petgraph::graph::NodeIndex;
use petgraph::visit::EdgeRef;
use petgraph::Direction;
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet, HashSet};

/// What a summary of the comparison states.
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
    /// How the two theses relate: said before any stance.
    pub theses: Theses,
    /// Aligned propositions both maps hold the same way (both accept, or both reject),
    /// heaviest first.
    pub agreements: Vec<Agreement>,
    /// `contradicts` pairs, and aligned propositions one map accepts and the other
    /// rejects, heaviest first.
    pub disagreements: Vec<Disagreement>,
    /// The disagreements gathered into points: disagreements that share a node (on
    /// either side) are one point, heaviest first (a point weighs the sum of its pairs'
    /// weights).
    pub points: Vec<Point>,
    /// Where the agreements are: the groups of each map holding the most of them, most
    /// first (nodes in no group are not counted).
    pub agreement_groups: Sides<Vec<GroupCount>>,
    /// Aligned propositions that one map or both argue against: how each treats them,
    /// heaviest first.
    pub counter_positions: Vec<CounterPosition>,
    /// What only one map covers: its claims and rebuttals in no aligned or contradicting
    /// pair, by group, heaviest group first.
    pub uncovered: Sides<Vec<Uncovered>>,
    /// How each map argues.
    pub style: Sides<Style>,
    /// Who each map credits (accepts) or blames (rejects) for propositions, by `by`.
    pub attribution: Sides<Vec<Holder>>,
    /// Aligned pairs whose two maps name different holders.
    pub attribution_differs: Vec<AttributionDiff>,
}

/// How the two theses relate.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ThesisRelation {
    /// A thesis of one map is aligned with a thesis of the other: the same proposition.
    Same,
    /// A thesis of one map contradicts a thesis of the other: one question, opposite
    /// answers.
    Opposed,
    /// A thesis of one map is aligned with, or contradicted by, a node of the other that is
    /// not its thesis: one map addresses the other's thesis inside its argument.
    Overlapping,
    /// Neither thesis is addressed by the other map: different questions (they may share
    /// premises: `shared`).
    #[default]
    Different,
}

/// The theses of both maps and how they relate.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Theses {
    /// `theses`.
    pub id: String,
    /// How they relate.
    pub relation: ThesisRelation,
    /// The pairs that touch a thesis of either map.
    pub links: Vec<ThesisLink>,
    /// Aligned pairs whose nodes bear on both maps' theses (a polarity on both sides):
    /// the ground the two arguments share.
    pub shared: usize,
}

/// A pair that touches a thesis.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ThesisLink {
    /// Aligned (`same_as`) or `contradicts`.
    pub via: Via,
    /// Index into the pairs of `via`.
    pub pair: usize,
    /// The left node.
    pub left: String,
    /// The right node.
    pub right: String,
    /// Whether each node is a thesis of its map.
    pub thesis: Sides<bool>,
}

/// One node of a finding, as its map has it.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct End {
    /// Its id.
    pub id: String,
    /// Claim, evidence or rebuttal.
    pub kind: NodeKind,
    /// The map's position on it.
    pub position: Position,
    /// Its polarity toward its map's thesis.
    pub polarity: Option<Polarity>,
    /// Who holds it (`by`), absent for the author.
    pub by: Option<String>,
    /// Its weight in its map.
    pub weight: usize,
    /// Its group, if any.
    pub group: Option<String>,
    /// Its quote, if any.
    pub quote: Option<String>,
}

/// Both maps hold an aligned proposition the same way.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Agreement {
    /// `agree:L|R`.
    pub id: String,
    /// Index into [`Comparison::pairs`](super::Comparison::pairs).
    pub pair: usize,
    /// `true` when both accept it, `false` when both reject it.
    pub accepted: bool,
    /// The two nodes.
    pub left: End,
    /// The right node.
    pub right: End,
    /// Left weight plus right weight.
    pub weight: usize,
}

/// Disagreements that share a node: one point the maps disagree on.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Point {
    /// `point:L|R`, after its heaviest disagreement.
    pub id: String,
    /// Ids of its disagreements, heaviest first.
    pub disagreements: Vec<String>,
    /// Its nodes in each map, heaviest first.
    pub nodes: Sides<Vec<String>>,
    /// The sum of its disagreements' weights.
    pub weight: usize,
}

/// A group and how many findings of a kind fall in it.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct GroupCount {
    /// The group id.
    pub group: String,
    /// Its title.
    pub title: Option<String>,
    /// How many.
    pub count: usize,
}

/// What makes a disagreement.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum DisagreementKind {
    /// A `contradicts` pair: the two nodes say opposite things.
    Contradicts,
    /// An aligned proposition one map accepts and the other rejects.
    Rejected,
}

/// The maps disagree on a proposition.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Disagreement {
    /// `contradicts:L|R` or `disagree:L|R`.
    pub id: String,
    /// Why it is one.
    pub kind: DisagreementKind,
    /// Index into [`Comparison::contradicting`](super::Comparison::contradicting) for
    /// `contradicts`, into [`Comparison::pairs`](super::Comparison::pairs) for `rejected`.
    pub pair: usize,
    /// The left node.
    pub left: End,
    /// The right node.
    pub right: End,
    /// What attacks each node in its own map (the rejecting side's reasons).
    pub attacked_by: Sides<Vec<Attacker>>,
    /// Left weight plus right weight.
    pub weight: usize,
}

/// A node that attacks another in its map, with what backs it.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Attacker {
    /// Its id.
    pub id: String,
    /// Claim, evidence or rebuttal.
    pub kind: NodeKind,
    /// Evidence nodes among its direct supporters.
    pub evidence: Vec<String>,
    /// Sources cited by it or its direct supporters.
    pub sources: Vec<String>,
    /// Its quote, if any.
    pub quote: Option<String>,
}

/// An aligned proposition that one map or both argue against (a counter-position, like
/// the doctrine an essay opposes to its thesis): how each map treats it.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct CounterPosition {
    /// `counter:L|R`.
    pub id: String,
    /// Index into [`Comparison::pairs`](super::Comparison::pairs).
    pub pair: usize,
    /// Both maps reject it.
    pub both: bool,
    /// The left node.
    pub left: End,
    /// The right node.
    pub right: End,
    /// What attacks it in each map, with its evidence.
    pub attacked_by: Sides<Vec<Attacker>>,
    /// Left weight plus right weight.
    pub weight: usize,
}

/// One group's nodes that only its map covers.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Uncovered {
    /// `only@left/GROUP` (`only@left` for nodes in no group).
    pub id: String,
    /// The group (absent: nodes in no group).
    pub group: Option<String>,
    /// Its title.
    pub title: Option<String>,
    /// The sum of its nodes' weights.
    pub weight: usize,
    /// Its nodes, heaviest first.
    pub nodes: Vec<Weighted>,
}

/// A node and its weight.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Weighted {
    /// Its id.
    pub id: String,
    /// Its weight.
    pub weight: usize,
}

/// How one map argues: citations, sources real and placeholder, quotes, implicit
/// premises, schemes.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Style {
    /// `style@left` or `style@right`.
    pub id: String,
    /// Claims.
    pub claims: usize,
    /// Claims with cited support.
    pub cited_claims: usize,
    /// Evidence items.
    pub evidence: usize,
    /// Evidence items that cite a source.
    pub cited_evidence: usize,
    /// Real sources (with a title).
    pub sources: usize,
    /// Placeholder sources (a `note` only).
    pub placeholder_sources: usize,
    /// Citations of real sources.
    pub citations: usize,
    /// Citations of placeholder sources.
    pub placeholder_citations: usize,
    /// Claims, evidence and rebuttals with a quote.
    pub quoted: usize,
    /// Claims, evidence and rebuttals.
    pub nodes: usize,
    /// Implicit premises (`implicit: true`).
    pub implicit: usize,
    /// Argumentation schemes of the map's arguments (by `scheme:` or `schemes:`), with
    /// how many arguments follow each, most used first.
    pub schemes: Vec<SchemeUse>,
}

/// A scheme and how many arguments follow it.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct SchemeUse {
    /// The scheme id.
    pub scheme: String,
    /// Arguments (an argument is a premise's link to its target, with its co-premises).
    pub links: usize,
}

/// A holder (`by`) and what the map does with the propositions it ascribes to them.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Holder {
    /// `by@left/NAME`.
    pub id: String,
    /// The holder as written.
    pub by: String,
    /// Their propositions the map accepts (credits them with), map order.
    pub credited: Vec<String>,
    /// Their propositions the map rejects (blames them for), map order.
    pub blamed: Vec<String>,
}

/// An aligned pair whose maps name different holders.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct AttributionDiff {
    /// `by:L|R`.
    pub id: String,
    /// Index into [`Comparison::pairs`](super::Comparison::pairs).
    pub pair: usize,
    /// The left node's id.
    pub left: String,
    /// The right node's id.
    pub right: String,
    /// Each node's holder (absent: the author).
    pub by: Sides<Option<String>>,
}

/// The weight of a pair: its left node's weight plus its right node's (how much of the
/// two arguments rests on it or bears on it).
fn pair_weight(l: usize, r: usize) -> usize {
    l.saturating_add(r)
}

/// `KIND:L|R`.
pub(super) fn pair_id(kind: &str, l: &str, r: &str) -> String {
    format!("{kind}:{l}|{r}")
}

fn side_name(s: Side) -> &'static str {
    match s {
        Side::Left => "left",
        Side::Right => "right",
    }
}

/// A symmetric order: heaviest first, then by the two ids whichever side they are on.
fn sym_key(weight: usize, l: &str, r: &str) -> (std::cmp::Reverse<usize>, String, String) {
    let (a, b) = if l <= r { (l, r) } else { (r, l) };
    (std::cmp::Reverse(weight), a.to_string(), b.to_string())
}

/// The inputs of [`Findings::of`].
pub(super) struct Input<'x, 'a, 'f> {
    pub sides: &'x Sides<SideData<'a, 'f>>,
    /// Aligned pairs as found (node indices) and as reported.
    pub aligned: &'x [(NodeIndex, NodeIndex)],
    pub pairs: &'x [Pair],
    /// Contradicting pairs (node indices) and as reported.
    pub contra: &'x [(NodeIndex, NodeIndex)],
    pub contradicting: &'x [Pair],
    pub only: Sides<usize>,
}

impl Findings {
    /// The findings of a comparison.
    pub(super) fn of(x: &Input) -> Findings {
        let pairs = x.pairs;
        let declared = pairs
            .iter()
            .filter(|p| p.origin == Origin::Declared)
            .count();
        let opposite = pairs
            .iter()
            .enumerate()
            .filter(|(_, p)| {
                matches!((p.left.role.polarity, p.right.role.polarity), (Some(a), Some(b)) if a != b)
            })
            .map(|(i, _)| i)
            .collect();
        let end = |s: Side, ix: NodeIndex| -> End {
            let d = x.sides.get(s);
            let n = &d.g.graph[ix];
            End {
                id: n.id.to_string(),
                kind: n.kind,
                position: d.position(ix),
                polarity: d.polarity_of(ix),
                by: n.node.and_then(|m| m.by().map(str::to_string)),
                weight: d.weight[ix.index()] as usize,
                group: d.group(ix).map(str::to_string),
                quote: n.node.and_then(|m| m.quote.as_deref()).map(str::to_string),
            }
        };
        let attackers = |s: Side, ix: NodeIndex| -> Vec<Attacker> {
            let d = x.sides.get(s);
            d.attackers(ix)
                .into_iter()
                .map(|a| attacker(d, a))
                .collect()
        };
        let contradicted: HashSet<(NodeIndex, NodeIndex)> = x.contra.iter().copied().collect();
        // Theses.
        let mut links = Vec::new();
        for (via, list) in [(Via::SameAs, x.pairs), (Via::Contradicts, x.contradicting)] {
            for (i, p) in list.iter().enumerate() {
                if p.left.role.thesis || p.right.role.thesis {
                    links.push(ThesisLink {
                        via,
                        pair: i,
                        left: p.left.id.to_string(),
                        right: p.right.id.to_string(),
                        thesis: Sides {
                            left: p.left.role.thesis,
                            right: p.right.role.thesis,
                        },
                    });
                }
            }
        }
        let relation = if links
            .iter()
            .any(|l| l.via == Via::SameAs && l.thesis.left && l.thesis.right)
        {
            ThesisRelation::Same
        } else if links.iter().any(|l| l.thesis.left && l.thesis.right) {
            ThesisRelation::Opposed
        } else if links.is_empty() {
            ThesisRelation::Different
        } else {
            ThesisRelation::Overlapping
        };
        let shared = pairs
            .iter()
            .filter(|p| p.left.role.polarity.is_some() && p.right.role.polarity.is_some())
            .count();
        let theses = Theses {
            id: "theses".into(),
            relation,
            links,
            shared,
        };
        // Agreements, disagreements, counter-positions.
        let mut agreements = Vec::new();
        let mut disagreements = Vec::new();
        let mut counter_positions = Vec::new();
        let mut attribution_differs = Vec::new();
        for (i, &(l, r)) in x.aligned.iter().enumerate() {
            let (le, re) = (end(Side::Left, l), end(Side::Right, r));
            let weight = pair_weight(le.weight, re.weight);
            if le.by != re.by {
                attribution_differs.push(AttributionDiff {
                    id: pair_id("by", &le.id, &re.id),
                    pair: i,
                    left: le.id.clone(),
                    right: re.id.clone(),
                    by: Sides {
                        left: le.by.clone(),
                        right: re.by.clone(),
                    },
                });
            }
            let (la, ra) = (le.position, re.position);
            let rejected = la == Position::Rejects || ra == Position::Rejects;
            if rejected {
                counter_positions.push(CounterPosition {
                    id: pair_id("counter", &le.id, &re.id),
                    pair: i,
                    both: la == Position::Rejects && ra == Position::Rejects,
                    left: le.clone(),
                    right: re.clone(),
                    attacked_by: Sides {
                        left: attackers(Side::Left, l),
                        right: attackers(Side::Right, r),
                    },
                    weight,
                });
            }
            if contradicted.contains(&(l, r)) {
                continue;
            }
            let same_way = (la.accepts() && ra.accepts())
                || (la == Position::Rejects && ra == Position::Rejects);
            let opposed = (la.accepts() && ra == Position::Rejects)
                || (ra.accepts() && la == Position::Rejects);
            if same_way {
                agreements.push(Agreement {
                    id: pair_id("agree", &le.id, &re.id),
                    pair: i,
                    accepted: la.accepts(),
                    left: le,
                    right: re,
                    weight,
                });
            } else if opposed {
                disagreements.push(Disagreement {
                    id: pair_id("disagree", &le.id, &re.id),
                    kind: DisagreementKind::Rejected,
                    pair: i,
                    attacked_by: Sides {
                        left: attackers(Side::Left, l),
                        right: attackers(Side::Right, r),
                    },
                    left: le,
                    right: re,
                    weight,
                });
            }
        }
        for (i, &(l, r)) in x.contra.iter().enumerate() {
            let (le, re) = (end(Side::Left, l), end(Side::Right, r));
            let weight = pair_weight(le.weight, re.weight);
            disagreements.push(Disagreement {
                id: pair_id("contradicts", &le.id, &re.id),
                kind: DisagreementKind::Contradicts,
                pair: i,
                attacked_by: Sides {
                    left: attackers(Side::Left, l),
                    right: attackers(Side::Right, r),
                },
                left: le,
                right: re,
                weight,
            });
        }
        agreements.sort_by_key(|a| sym_key(a.weight, &a.left.id, &a.right.id));
        disagreements.sort_by_key(|a| sym_key(a.weight, &a.left.id, &a.right.id));
        counter_positions.sort_by_key(|a| sym_key(a.weight, &a.left.id, &a.right.id));
        let points = points(&disagreements);
        let agreement_groups = Sides::build(|s| {
            let mut n: BTreeMap<&str, usize> = BTreeMap::new();
            for a in &agreements {
                let e = if s == Side::Left { &a.left } else { &a.right };
                if let Some(g) = &e.group {
                    *n.entry(g.as_str()).or_default() += 1;
                }
            }
            let mut v: Vec<GroupCount> = n
                .into_iter()
                .map(|(g, count)| GroupCount {
                    group: g.to_string(),
                    title: x.sides.get(s).group_title(g).map(str::to_string),
                    count,
                })
                .collect();
            v.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.group.cmp(&b.group)));
            v
        });
        // What only one map covers.
        let uncovered = Sides::build(|s| {
            let taken: HashSet<NodeIndex> = x
                .aligned
                .iter()
                .chain(x.contra)
                .map(|&(l, r)| if s == Side::Left { l } else { r })
                .collect();
            uncovered(x.sides.get(s), s, &taken)
        });
        let style = Sides::build(|s| style(x.sides.get(s), s));
        let attribution = Sides::build(|s| holders(x.sides.get(s), s));
        Findings {
            declared,
            suggested: pairs.len() - declared,
            opposite,
            only: x.only.clone(),
            theses,
            agreements,
            disagreements,
            points,
            agreement_groups,
            counter_positions,
            uncovered,
            style,
            attribution,
            attribution_differs,
        }
    }

    /// Every finding id, in the order of the fields.
    pub fn ids(&self) -> Vec<&str> {
        let mut v = vec![self.theses.id.as_str()];
        v.extend(self.agreements.iter().map(|a| a.id.as_str()));
        v.extend(self.disagreements.iter().map(|a| a.id.as_str()));
        v.extend(self.counter_positions.iter().map(|a| a.id.as_str()));
        for s in [Side::Left, Side::Right] {
            v.extend(self.uncovered.get(s).iter().map(|a| a.id.as_str()));
            v.push(self.style.get(s).id.as_str());
            v.extend(self.attribution.get(s).iter().map(|a| a.id.as_str()));
        }
        v.extend(self.attribution_differs.iter().map(|a| a.id.as_str()));
        v
    }
}

/// The disagreements gathered into points (connected through shared nodes), each point's
/// members heaviest first, the heaviest point first.
fn points(d: &[Disagreement]) -> Vec<Point> {
    // Union-find over the disagreements, joined through the nodes they share.
    let mut parent: Vec<usize> = (0..d.len()).collect();
    fn find(p: &mut [usize], mut i: usize) -> usize {
        while p[i] != i {
            p[i] = p[p[i]];
            i = p[i];
        }
        i
    }
    let mut first: std::collections::HashMap<(Side, &str), usize> = Default::default();
    for (i, x) in d.iter().enumerate() {
        for key in [
            (Side::Left, x.left.id.as_str()),
            (Side::Right, x.right.id.as_str()),
        ] {
            match first.get(&key) {
                Some(&j) => {
                    let (a, b) = (find(&mut parent, i), find(&mut parent, j));
                    parent[a] = b;
                }
                None => {
                    first.insert(key, i);
                }
            }
        }
    }
    let mut groups: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for i in 0..d.len() {
        let r = find(&mut parent, i);
        groups.entry(r).or_default().push(i);
    }
    let mut out: Vec<Point> = groups
        .into_values()
        .map(|members| {
            // `d` is heaviest first, so is each point's list.
            let head = &d[members[0]];
            let mut nodes = Sides::<Vec<String>>::default();
            for &i in &members {
                for (s, e) in [(Side::Left, &d[i].left), (Side::Right, &d[i].right)] {
                    let v = if s == Side::Left {
                        &mut nodes.left
                    } else {
                        &mut nodes.right
                    };
                    if !v.contains(&e.id) {
                        v.push(e.id.clone());
                    }
                }
            }
            Point {
                id: pair_id("point", &head.left.id, &head.right.id),
                disagreements: members.iter().map(|&i| d[i].id.clone()).collect(),
                nodes,
                weight: members.iter().map(|&i| d[i].weight).sum(),
            }
        })
        .collect();
    out.sort_by_key(|p| {
        let (l, r) = p.id["point:".len()..].split_once('|').unwrap_or_default();
        sym_key(p.weight, l, r)
    });
    out
}

fn attacker(d: &SideData, a: NodeIndex) -> Attacker {
    let g = &d.g.graph;
    let behind: Vec<NodeIndex> =
        d.g.incoming(a, |k| matches!(k, EdgeKind::Supports))
            .collect();
    let mut evidence: Vec<NodeIndex> = behind
        .iter()
        .copied()
        .filter(|&x| g[x].kind == NodeKind::Evidence)
        .collect();
    if g[a].kind == NodeKind::Evidence {
        evidence.insert(0, a);
    }
    evidence.sort();
    evidence.dedup();
    let sources: BTreeSet<String> = std::iter::once(a)
        .chain(behind.iter().copied())
        .flat_map(|x| g.edges_directed(x, Direction::Outgoing))
        .filter(|e| matches!(e.weight(), EdgeKind::Cites { .. }))
        .map(|e| g[e.target()].id.to_string())
        .collect();
    Attacker {
        id: g[a].id.to_string(),
        kind: g[a].kind,
        evidence: evidence.iter().map(|&x| g[x].id.to_string()).collect(),
        sources: sources.into_iter().collect(),
        quote: g[a]
            .node
            .and_then(|m| m.quote.as_deref())
            .map(str::to_string),
    }
}

fn uncovered(d: &SideData, s: Side, taken: &HashSet<NodeIndex>) -> Vec<Uncovered> {
    let g = &d.g.graph;
    let mut by_group: BTreeMap<Option<&str>, Vec<NodeIndex>> = BTreeMap::new();
    for ix in g.node_indices() {
        if matches!(g[ix].kind, NodeKind::Claim | NodeKind::Rebuttal) && !taken.contains(&ix) {
            by_group.entry(d.group(ix)).or_default().push(ix);
        }
    }
    let mut out: Vec<Uncovered> = by_group
        .into_iter()
        .map(|(group, nodes)| {
            let mut nodes: Vec<Weighted> = nodes
                .into_iter()
                .map(|ix| Weighted {
                    id: g[ix].id.to_string(),
                    weight: d.weight[ix.index()] as usize,
                })
                .collect();
            nodes.sort_by_key(|n| std::cmp::Reverse(n.weight));
            Uncovered {
                id: match group {
                    Some(gr) => format!("only@{}/{gr}", side_name(s)),
                    None => format!("only@{}", side_name(s)),
                },
                group: group.map(str::to_string),
                title: group.and_then(|gr| d.group_title(gr)).map(str::to_string),
                weight: nodes.iter().map(|n| n.weight).sum(),
                nodes,
            }
        })
        .collect();
    out.sort_by(|a, b| b.weight.cmp(&a.weight).then_with(|| a.id.cmp(&b.id)));
    out
}

fn style(d: &SideData, s: Side) -> Style {
    let g = &d.g.graph;
    let mut st = Style {
        id: format!("style@{}", side_name(s)),
        ..Style::default()
    };
    let support = d.support();
    for ix in g.node_indices() {
        let n = &g[ix];
        match n.kind {
            NodeKind::Source => {
                if n.source.is_some_and(|x| x.details.title.is_none()) {
                    st.placeholder_sources += 1;
                } else {
                    st.sources += 1;
                }
                continue;
            }
            NodeKind::Claim => {
                st.claims += 1;
                if support.status(ix) == crate::analyse::support::Status::Cited {
                    st.cited_claims += 1;
                }
            }
            NodeKind::Evidence => st.evidence += 1,
            _ => {}
        }
        st.nodes += 1;
        if n.node.is_some_and(|m| m.quote.is_some()) {
            st.quoted += 1;
        }
        if d.implicit(ix) {
            st.implicit += 1;
        }
        let mut cites = false;
        for e in g.edges_directed(ix, Direction::Outgoing) {
            if matches!(e.weight(), EdgeKind::Cites { .. }) {
                cites = true;
                if g[e.target()]
                    .source
                    .is_some_and(|x| x.details.title.is_none())
                {
                    st.placeholder_citations += 1;
                } else {
                    st.citations += 1;
                }
            }
        }
        if cites && n.kind == NodeKind::Evidence {
            st.cited_evidence += 1;
        }
    }
    let mut schemes: BTreeMap<String, usize> = BTreeMap::new();
    for sc in d.schemes() {
        *schemes.entry(sc).or_default() += 1;
    }
    st.schemes = schemes
        .into_iter()
        .map(|(scheme, links)| SchemeUse { scheme, links })
        .collect();
    st.schemes
        .sort_by(|a, b| b.links.cmp(&a.links).then_with(|| a.scheme.cmp(&b.scheme)));
    st
}

fn holders(d: &SideData, s: Side) -> Vec<Holder> {
    let g = &d.g.graph;
    let mut by: BTreeMap<&str, Holder> = BTreeMap::new();
    for ix in g.node_indices() {
        let Some(b) = g[ix].node.and_then(|m| m.by()) else {
            continue;
        };
        let h = by.entry(b).or_insert_with(|| Holder {
            id: format!("by@{}/{b}", side_name(s)),
            by: b.to_string(),
            credited: Vec::new(),
            blamed: Vec::new(),
        });
        match d.position(ix) {
            Position::Rejects => h.blamed.push(g[ix].id.to_string()),
            Position::Contested => {}
            _ => h.credited.push(g[ix].id.to_string()),
        }
    }
    let mut v: Vec<Holder> = by.into_values().collect();
    v.sort_by(|a, b| {
        (b.credited.len() + b.blamed.len())
            .cmp(&(a.credited.len() + a.blamed.len()))
            .then_with(|| a.by.cmp(&b.by))
    });
    v
}
