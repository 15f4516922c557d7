//! Argumentation schemes and critical questions.
//!
//! The built-in catalogue ([`catalogue`]) is data in the crate (`catalogue.yaml`, Walton,
//! Reed & Macagno's wording), parsed once. A map may define schemes of its own in
//! `schemes:` (an id with a mapping); they are looked up first ([`lookup`]).
//!
//! An argument (an inference of [`crate::analyse::inference`]) follows a scheme when the
//! map's `schemes:` names its link (`"E1 -> C1": expert-opinion`), else when one of its
//! premises says `scheme:` (the first such premise in map order). A node with
//! `answers: CQ-...` answers that question for every argument it bears on whose scheme
//! has it: the arguments it undercuts, and those whose premise or conclusion it attacks
//! ([`MapSchemes::of`], linear in the map's size).

pub(crate) mod report;

use crate::analyse::inference::Inferences;
use crate::graph::{ArgGraph, EdgeKind};
use crate::parse::ids::valid_node_id;
use crate::parse::model::{SchemeDef, SchemeEntry};
use petgraph::graph::NodeIndex;
use petgraph::visit::EdgeRef;
use petgraph::Direction;
use serde::{Deserialize, Serialize};
use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

/// A scheme of the built-in catalogue.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Scheme {
    /// What `scheme:` names: `expert-opinion`.
    pub id: String,
    /// Its name for people: `Argument from expert opinion`.
    pub title: String,
    /// Its name in AIFdb (an RA node's `scheme`): `ExpertOpinion`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub aif: Option<String>,
    /// Its premise roles, in order.
    pub premises: Vec<Role>,
    /// What such an argument concludes.
    pub conclusion: String,
    /// Its critical questions.
    pub questions: Vec<Question>,
}

/// A premise role of a scheme.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Role {
    /// Its name: `major premise`.
    pub role: String,
    /// What such a premise states.
    pub text: String,
}

/// A critical question of a scheme.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Question {
    /// What `answers:` names: `CQ-expertise`.
    pub id: String,
    /// The question.
    pub text: String,
}

struct Catalogue {
    schemes: Vec<Scheme>,
    by_id: HashMap<String, usize>,
    by_aif: HashMap<String, usize>,
}

const CATALOGUE: &str = include_str!("catalogue.yaml");

fn parsed() -> &'static Catalogue {
    static C: OnceLock<Catalogue> = OnceLock::new();
    C.get_or_init(|| {
        // The catalogue is the crate's own data, not input: its unit test proves it parses.
        let schemes: Vec<Scheme> =
            serde_yaml::from_str(CATALOGUE).expect("the built-in scheme catalogue parses");
        let mut by_id = HashMap::new();
        let mut by_aif = HashMap::new();
        for (i, s) in schemes.iter().enumerate() {
            by_id.insert(s.id.clone(), i);
            by_aif.insert(aif_key(&s.id), i);
            if let Some(a) = &s.aif {
                by_aif.insert(aif_key(a), i);
            }
        }
        Catalogue {
            schemes,
            by_id,
            by_aif,
        }
    })
}

/// The built-in schemes, in catalogue order.
pub fn catalogue() -> &'static [Scheme] {
    &parsed().schemes
}

/// The built-in scheme with this id.
pub fn builtin(id: &str) -> Option<&'static Scheme> {
    parsed().by_id.get(id).map(|&i| &parsed().schemes[i])
}

/// A scheme name as AIF tools write it, reduced for matching: letters and digits only,
/// lowercase, without a leading "argument from" (`ExpertOpinion`, `Expert Opinion`,
/// `Argument From Expert Opinion` and `expert-opinion` are one key).
fn aif_key(name: &str) -> String {
    let k: String = name
        .chars()
        .filter(char::is_ascii_alphanumeric)
        .map(|c| c.to_ascii_lowercase())
        .collect();
    for prefix in ["argumentfrom", "argfrom"] {
        if let Some(rest) = k.strip_prefix(prefix).filter(|r| !r.is_empty()) {
            return rest.to_string();
        }
    }
    k
}

/// The built-in scheme an AIF scheme name (`PositionToKnow`) stands for.
pub fn from_aif(name: &str) -> Option<&'static Scheme> {
    parsed()
        .by_aif
        .get(&aif_key(name))
        .map(|&i| &parsed().schemes[i])
}

/// A scheme a map can name: a built-in one, or one the map defines.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum SchemeRef<'m> {
    /// From the catalogue.
    Builtin(&'static Scheme),
    /// Defined in the map's `schemes:` under this id.
    Own(&'m str, &'m SchemeDef),
}

impl<'m> SchemeRef<'m> {
    /// Its id.
    pub fn id(&self) -> &'m str {
        match self {
            SchemeRef::Builtin(s) => &s.id,
            SchemeRef::Own(id, _) => id,
        }
    }
    /// Its name for people (a map's own scheme without a title: its id).
    pub fn title(&self) -> &'m str {
        match self {
            SchemeRef::Builtin(s) => &s.title,
            SchemeRef::Own(id, d) => d.title.as_deref().unwrap_or(id),
        }
    }
    /// Its critical questions: (id, question), in order.
    pub fn questions(&self) -> Vec<(&'m str, &'m str)> {
        match self {
            SchemeRef::Builtin(s) => s
                .questions
                .iter()
                .map(|q| (q.id.as_str(), q.text.as_str()))
                .collect(),
            SchemeRef::Own(_, d) => d
                .questions
                .iter()
                .map(|(id, q)| (id.as_str(), q.0.as_str()))
                .collect(),
        }
    }
    /// Whether it has the critical question `id`.
    pub fn has_question(&self, id: &str) -> bool {
        match self {
            SchemeRef::Builtin(s) => s.questions.iter().any(|q| q.id == id),
            SchemeRef::Own(_, d) => d.questions.get(id).is_some(),
        }
    }
}

/// The scheme `name` in map `g`: the map's own first, then the catalogue.
pub fn lookup<'m>(g: &ArgGraph<'m>, name: &str) -> Option<SchemeRef<'m>> {
    match g.map.schemes.entries.get_key_value(name) {
        Some((id, SchemeEntry::Define(d))) => Some(SchemeRef::Own(id.as_str(), d)),
        _ => builtin(name).map(SchemeRef::Builtin),
    }
}

/// Every scheme id a map can name (its own, then the catalogue's): for a did-you-mean.
pub fn names<'m>(g: &ArgGraph<'m>) -> impl Iterator<Item = &'m str> {
    g.map
        .schemes
        .iter()
        .filter(|(_, e)| matches!(e, SchemeEntry::Define(_)))
        .map(|(id, _)| id.as_str())
        .chain(catalogue().iter().map(|s| s.id.as_str()))
}

/// A `schemes:` key read as a link: `"E1 -> C1"` gives `("E1", "C1")`.
pub fn link_key(key: &str) -> Option<(&str, &str)> {
    let (a, b) = key.split_once("->")?;
    let (a, b) = (a.trim(), b.trim());
    (valid_node_id(a) && valid_node_id(b)).then_some((a, b))
}

/// Where an argument's scheme is named.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Origin<'m> {
    /// `scheme:` on this premise.
    Premise(NodeIndex),
    /// The `schemes:` entry with this key (a link).
    Link(&'m str),
}

/// The scheme an argument follows.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Applied<'m> {
    /// The scheme's id as the map writes it.
    pub name: &'m str,
    /// The scheme, when the name is known (else `unknown-scheme` reports it).
    pub scheme: Option<SchemeRef<'m>>,
    /// Where the map names it.
    pub origin: Origin<'m>,
}

/// A `schemes:` entry or `answers:` that does not fit the map.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Problem<'m> {
    /// A `schemes:` key that is a link string naming no supports/attacks link.
    NoSuchLink {
        /// The key.
        key: &'m str,
    },
    /// `answers:` on a node whose attacks and undercuts bear on no argument with a
    /// (known) scheme.
    NothingToAnswer {
        /// The answering node.
        node: NodeIndex,
        /// The question it names.
        question: &'m str,
    },
    /// `answers:` naming a question that none of the schemes it bears on has.
    NotAQuestion {
        /// The answering node.
        node: NodeIndex,
        /// The question it names.
        question: &'m str,
        /// The questions it could answer (of the schemes of the arguments it bears on).
        offered: Vec<&'m str>,
    },
}

/// The schemes of a map's arguments and the questions answered.
#[derive(Clone, Debug, Default)]
pub struct MapSchemes<'m> {
    /// For each inference (the index in [`Inferences::list`]): its scheme, if any.
    pub applied: Vec<Option<Applied<'m>>>,
    /// For each inference: the questions its undercutters answer, with the node
    /// answering each, in map order.
    pub answered: Vec<Vec<(&'m str, NodeIndex)>>,
    /// The questions answered by attacks: (attacked node, question) → the first node
    /// answering it. An attack on a node answers the question for every argument whose
    /// premise or conclusion that node is.
    pub answered_at: HashMap<(NodeIndex, &'m str), NodeIndex>,
    /// What does not fit.
    pub problems: Vec<Problem<'m>>,
}

/// At most this many `answers` that fit no question get the list of the questions they
/// could answer (each list walks the arguments around the attacked node).
const MAX_OFFERED: usize = 200;

impl<'m> MapSchemes<'m> {
    /// Finds the scheme of every argument of `g` and the questions answered, in
    /// O(nodes + edges + questions): an answer is checked through an index of the
    /// schemes around each node and of the schemes that ask each question, never by
    /// walking the arguments around the node it attacks.
    pub fn of(g: &ArgGraph<'m>, inf: &Inferences) -> MapSchemes<'m> {
        let n = inf.list.len();
        let mut out = MapSchemes {
            applied: vec![None; n],
            answered: vec![Vec::new(); n],
            answered_at: HashMap::new(),
            problems: Vec::new(),
        };
        // 1. `schemes:` keyed by link.
        for (key, entry) in g.map.schemes.iter() {
            let SchemeEntry::Link(name) = entry else {
                continue;
            };
            let found = link_key(key)
                .and_then(|(a, b)| Some((g.node(a)?, g.node(b)?)))
                .and_then(|(a, b)| g.link(a, b))
                .and_then(|e| inf.of_edge(e));
            match found {
                Some(i) => {
                    out.applied[i] = Some(Applied {
                        name: name.as_str(),
                        scheme: lookup(g, name),
                        origin: Origin::Link(key.as_str()),
                    })
                }
                None if link_key(key).is_some() => {
                    out.problems.push(Problem::NoSuchLink { key: key.as_str() })
                }
                // Not a link: the schema check reports it.
                None => {}
            }
        }
        // 2. `scheme:` on a premise.
        for (i, a) in inf.list.iter().enumerate() {
            // Schemes are of supports and attacks: an undercut inference has none.
            if out.applied[i].is_some() || a.kind == crate::analyse::inference::LinkKind::Undercuts
            {
                continue;
            }
            out.applied[i] = a.premises.iter().find_map(|&p| {
                let name = g.graph[p].node?.scheme()?;
                Some(Applied {
                    name,
                    scheme: lookup(g, name),
                    origin: Origin::Premise(p),
                })
            });
        }
        out.answers(g, inf);
        out
    }

    /// 3. `answers:`: each answer checked and recorded.
    fn answers(&mut self, g: &ArgGraph<'m>, inf: &Inferences) {
        let applied = &self.applied;
        // The schemes named around each node (the arguments it is a premise or the
        // conclusion of), by name; the nodes around an argument whose scheme is unknown.
        let mut around: HashSet<(NodeIndex, &'m str)> = HashSet::new();
        let mut unknown_around: HashSet<NodeIndex> = HashSet::new();
        let mut args_around: HashMap<NodeIndex, Vec<u32>> = HashMap::new();
        for (i, a) in inf.list.iter().enumerate() {
            let Some(s) = applied[i] else {
                continue;
            };
            for &p in a.premises.iter().chain([&a.target]) {
                around.insert((p, s.name));
                if s.scheme.is_none() {
                    unknown_around.insert(p);
                }
                args_around.entry(p).or_default().push(i as u32);
            }
        }
        // The schemes (by name) that ask each question, among those named in the map.
        let mut asking: HashMap<&'m str, Vec<&'m str>> = HashMap::new();
        let mut named: HashSet<&'m str> = HashSet::new();
        for a in applied.iter().flatten() {
            if let Some(s) = a.scheme.filter(|_| named.insert(a.name)) {
                for (q, _) in s.questions() {
                    asking.entry(q).or_default().push(a.name);
                }
            }
        }
        let mut offered_lists = 0;
        for ix in g.graph.node_indices() {
            let Some(q) = g.graph[ix].node.and_then(|n| n.answers()) else {
                continue;
            };
            let (mut bears, mut hit, mut unknown) = (false, false, false);
            let mut attacked: Vec<NodeIndex> = Vec::new();
            for e in g.graph.edges_directed(ix, Direction::Outgoing) {
                match e.weight() {
                    EdgeKind::Attacks => {
                        let x = e.target();
                        attacked.push(x);
                        let named_here = asking.get(q).into_iter().flatten();
                        if unknown_around.contains(&x) {
                            unknown = true;
                        }
                        if args_around.contains_key(&x) {
                            bears = true;
                        }
                        if named_here.into_iter().any(|s| around.contains(&(x, *s))) {
                            hit = true;
                            self.answered_at.entry((x, q)).or_insert(ix);
                        }
                    }
                    EdgeKind::Undercuts { link } => {
                        let Some(i) = inf.of_edge(*link) else {
                            continue;
                        };
                        let Some(s) = self.applied[i] else {
                            continue;
                        };
                        bears = true;
                        match s.scheme {
                            None => unknown = true,
                            Some(sc) if sc.has_question(q) => {
                                hit = true;
                                self.answered[i].push((q, ix));
                            }
                            Some(_) => {}
                        }
                    }
                    _ => {}
                }
            }
            if !bears {
                self.problems.push(Problem::NothingToAnswer {
                    node: ix,
                    question: q,
                });
            } else if !hit && !unknown {
                // A scheme that is not known is `unknown-scheme`'s to report: an answer
                // bearing on it is not judged. Otherwise say what it could answer.
                let mut offered: Vec<&'m str> = Vec::new();
                if offered_lists < MAX_OFFERED {
                    offered_lists += 1;
                    let mut seen: HashSet<&str> = HashSet::new();
                    let undercut =
                        g.graph
                            .edges_directed(ix, Direction::Outgoing)
                            .filter_map(|e| match e.weight() {
                                EdgeKind::Undercuts { link } => inf.of_edge(*link),
                                _ => None,
                            });
                    let attacked_args = attacked
                        .iter()
                        .flat_map(|x| args_around.get(x).into_iter().flatten())
                        .map(|&i| i as usize);
                    for i in undercut.chain(attacked_args) {
                        if let Some(s) = self.applied[i].and_then(|a| a.scheme) {
                            if seen.insert(s.id()) {
                                offered.extend(s.questions().into_iter().map(|(id, _)| id));
                            }
                        }
                    }
                }
                self.problems.push(Problem::NotAQuestion {
                    node: ix,
                    question: q,
                    offered,
                });
            }
        }
    }

    /// The open questions of inference `i` (`inf`, the map's inferences): those of its
    /// scheme that no undercut of it and no attack on its premises or conclusion
    /// answers.
    pub fn open(&self, i: usize, inf: &Inferences) -> Vec<(&'m str, &'m str)> {
        let Some(s) = self.applied[i].and_then(|a| a.scheme) else {
            return Vec::new();
        };
        let a = &inf.list[i];
        s.questions()
            .into_iter()
            .filter(|(id, _)| {
                !self.answered[i].iter().any(|(q, _)| q == id)
                    && !a
                        .premises
                        .iter()
                        .chain([&a.target])
                        .any(|&p| self.answered_at.contains_key(&(p, *id)))
            })
            .collect()
    }
}

#[cfg(test)]
mod tests;
