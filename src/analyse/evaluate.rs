//! Formal acceptability of a map: the map as a Dung argumentation framework, its
//! grounded labelling and, on request, its complete, preferred and stable extensions.
//!
//! # The encoding
//!
//! Every claim, evidence item and rebuttal is an argument (sources are not). Supports
//! take no part: Dung semantics only knows attacks. The attacks are:
//!
//! * `A attacks B`, when A attacks B alone and the link is not undercut: `A → B`.
//! * An inference that needs to be addressed — an *attack* by linked co-premises
//!   (`with`), or *any* link that is undercut — is *flattened* the standard way for
//!   attacks on attacks (Boella, Gabbay, van der Torre, Villata, "Meta-argumentation
//!   modelling I", 2009; Modgil & Bench-Capon 2011): the inference becomes an argument
//!   `Y` ("the inference holds"), and each premise `P` gets an auxiliary argument
//!   `X_P` ("P is not accepted") with `P → X_P → Y`. Each undercutter `U` attacks `Y`
//!   (`U → Y`), and for an attack inference `Y → B`. So `Y` is in exactly when every
//!   premise is in and every undercutter is out, out when some premise is out or some
//!   undercutter in, and undecided otherwise; the attack on `B` counts only while `Y`
//!   is in. An undercut that names one link of a linked inference attacks the whole
//!   inference (the premises act only together).
//! * An undercut *support* link is flattened the same way, without the attack on its
//!   target: the label of `Y` says whether the inference stands, and the target's own
//!   label does not depend on it.
//!
//! A self-attack cannot be written in a map (`self-reference` is an error and makes no
//! edge); the framework handles it (see the semantics tests).
//!
//! Auxiliary `X` arguments never appear in the results: the labels and extensions
//! report the nodes, and the inferences (`Y`) as links.

use super::inference::{each_group, Few, Inference, LinkKind};
use super::semantics::{Framework, Label, Labelling, StoppedBy, TooMany};
use crate::build::{ArgGraph, EdgeKind, NodeKind};
use crate::parse::model::Id;
use petgraph::graph::{EdgeIndex, NodeIndex};
use petgraph::visit::EdgeRef;
use serde::Serialize;
use std::collections::{HashMap, VecDeque};

/// What an argument of the encoded framework stands for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Argument {
    /// A claim, evidence item or rebuttal.
    Node(NodeIndex),
    /// An inference (index into [`Encoding::inferences`]): "the inference holds".
    Inference(usize),
    /// Auxiliary: "this premise of the inference is not accepted".
    NotPremise {
        inference: usize,
        premise: NodeIndex,
    },
}

/// The argument of each node, indexed by node (sources have none): a map from node to
/// argument that is a flat array, as every node but the sources has one.
#[derive(Debug)]
pub struct NodeArguments {
    of: Vec<usize>,
    len: usize,
}

const NO_ARGUMENT: usize = usize::MAX;

impl NodeArguments {
    /// The argument of node `ix`, if it has one.
    pub fn get(&self, ix: &NodeIndex) -> Option<&usize> {
        self.of.get(ix.index()).filter(|&&a| a != NO_ARGUMENT)
    }
    /// How many nodes have an argument.
    pub fn len(&self) -> usize {
        self.len
    }
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }
}

impl std::ops::Index<&NodeIndex> for NodeArguments {
    type Output = usize;
    /// The argument of node `ix`; panics for a source (a bug: sources have none).
    fn index(&self, ix: &NodeIndex) -> &usize {
        self.get(ix)
            .expect("only claims, evidence and rebuttals have arguments")
    }
}

/// A map encoded as an argumentation framework.
#[derive(Debug)]
pub struct Encoding {
    pub framework: Framework,
    /// What each argument `0..n` stands for.
    pub arguments: Vec<Argument>,
    /// The flattened inferences, those that are arguments of their own (the `Inference`
    /// arguments index into this); the others are encoded as direct attacks or not at
    /// all, and are not kept.
    pub inferences: Vec<Inference>,
    /// The argument of each node (claims, evidence, rebuttals).
    pub of_node: NodeArguments,
    /// The argument of each flattened inference (parallel to `inferences`).
    pub of_inference: Vec<usize>,
}

impl Encoding {
    /// Encodes the attacks and undercuts of `g` (see the module documentation).
    pub fn of(g: &ArgGraph) -> Encoding {
        let mut arguments = Vec::with_capacity(g.graph.node_count());
        let mut of_node = NodeArguments {
            of: vec![NO_ARGUMENT; g.graph.node_count()],
            len: 0,
        };
        for ix in g.graph.node_indices() {
            if g.graph[ix].kind != NodeKind::Source {
                of_node.of[ix.index()] = arguments.len();
                of_node.len += 1;
                arguments.push(Argument::Node(ix));
            }
        }
        // The undercutters of each undercut link.
        let mut undercut_by: HashMap<EdgeIndex, Few<NodeIndex>> = HashMap::new();
        for e in g.graph.edge_references() {
            if let EdgeKind::Undercuts { link } = e.weight() {
                undercut_by.entry(*link).or_default().push(e.source());
            }
        }
        let mut attacks = Vec::new();
        let mut inferences: Vec<Inference> = Vec::new();
        let mut of_inference = Vec::new();
        each_group(g, |kind, target, group, links| {
            let mut undercutters: Few<NodeIndex> = links
                .iter()
                .filter_map(|(_, e)| undercut_by.get(e))
                .flatten()
                .copied()
                .collect();
            undercutters.sort();
            undercutters.dedup();
            let flatten =
                !undercutters.is_empty() || (kind == LinkKind::Attacks && group.len() > 1);
            if flatten {
                let i = inferences.len();
                let y = arguments.len();
                arguments.push(Argument::Inference(i));
                of_inference.push(y);
                for &p in group {
                    let x = arguments.len();
                    arguments.push(Argument::NotPremise {
                        inference: i,
                        premise: p,
                    });
                    attacks.push((of_node[&p], x));
                    attacks.push((x, y));
                }
                for u in &undercutters {
                    attacks.push((of_node[u], y));
                }
                if kind == LinkKind::Attacks {
                    attacks.push((y, of_node[&target]));
                }
                inferences.push(Inference {
                    kind,
                    premises: Few::from_slice(group),
                    target,
                    undercutters,
                });
            } else if kind == LinkKind::Attacks {
                attacks.push((of_node[&group[0]], of_node[&target]));
            }
        });
        Encoding {
            framework: Framework::new(arguments.len(), &attacks),
            arguments,
            inferences,
            of_node,
            of_inference,
        }
    }

    /// A readable name for argument `a`: a node id, `A -> B` for an inference, `not A
    /// (in A -> B)` for an auxiliary argument.
    pub fn name(&self, g: &ArgGraph, a: usize) -> String {
        match self.arguments.get(a) {
            Some(Argument::Node(ix)) => g.graph[*ix].id.to_string(),
            Some(Argument::Inference(i)) => self.inferences[*i].name(g),
            Some(Argument::NotPremise { inference, premise }) => {
                format!(
                    "not {} (in {})",
                    g.graph[*premise].id,
                    self.inferences[*inference].name(g)
                )
            }
            None => String::new(),
        }
    }
}

/// A label as reported: `in`, `out` or `undec`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
pub enum Status {
    #[serde(rename = "in")]
    In,
    #[serde(rename = "out")]
    Out,
    #[serde(rename = "undec")]
    Undecided,
}

impl Status {
    /// "in", "out" or "undec".
    pub fn name(self) -> &'static str {
        match self {
            Status::In => "in",
            Status::Out => "out",
            Status::Undecided => "undec",
        }
    }
}

impl From<Label> for Status {
    fn from(l: Label) -> Status {
        match l {
            Label::In => Status::In,
            Label::Out => Status::Out,
            Label::Undecided => Status::Undecided,
        }
    }
}

/// Which semantics to compute beyond the grounded one, and how many extensions to list.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Request {
    pub complete: bool,
    pub preferred: bool,
    pub stable: bool,
    /// At most this many extensions per semantics.
    pub limit: usize,
}

impl Default for Request {
    fn default() -> Request {
        Request {
            complete: false,
            preferred: false,
            stable: false,
            limit: 100,
        }
    }
}

/// Credulous and sceptical acceptance of a node under one semantics.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct Acceptance {
    /// In at least one extension.
    pub credulous: bool,
    /// In every extension (vacuously true when there is none).
    pub sceptical: bool,
}

/// One node's result.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct NodeResult {
    pub id: Id,
    pub kind: NodeKind,
    pub thesis: bool,
    /// Its grounded label.
    pub grounded: Status,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub preferred: Option<Acceptance>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub stable: Option<Acceptance>,
}

/// The result for an inference that is an argument of its own (undercut, or an attack
/// by linked premises).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct LinkResult {
    /// `A -> B`, or `A + P -> B` for linked premises.
    pub link: String,
    pub kind: LinkKind,
    pub premises: Vec<Id>,
    pub target: Id,
    /// Whether the inference holds, under grounded semantics.
    pub grounded: Status,
    pub undercut_by: Vec<Id>,
}

/// One extension: the nodes and the (flattened) inferences it accepts, in map order.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Extension {
    pub nodes: Vec<Id>,
    pub links: Vec<String>,
}

/// The extensions of one semantics.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Extensions {
    /// The extensions found, at most `limit` of them.
    pub extensions: Vec<Extension>,
    /// False when the search stopped early (more than `limit` extensions, or the step
    /// budget ran out): then `extensions` is empty and acceptance is not reported.
    pub complete: bool,
    /// When the search stopped early: how many it had found (at least that many exist).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub stopped_after: Option<usize>,
    /// When the search stopped early: what stopped it (`limit`: more extensions than
    /// `--limit`; `step-budget`: the search ran out of steps, a larger limit would not
    /// help).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub stopped_by: Option<StoppedBy>,
    /// The `--limit` the search ran with.
    pub limit: usize,
}

/// What the evaluation says about one thesis.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ThesisResult {
    pub id: Id,
    pub grounded: Status,
    /// One plain sentence per semantics computed, grounded first.
    pub statements: Vec<String>,
}

/// The size of the encoded framework.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct Size {
    /// All arguments, auxiliary ones included.
    pub arguments: usize,
    pub attacks: usize,
    /// Arguments that are map nodes.
    pub nodes: usize,
    /// Arguments that are inferences.
    pub links: usize,
}

/// The evaluation of one map.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Evaluation {
    pub map: String,
    pub framework: Size,
    pub theses: Vec<ThesisResult>,
    /// Every claim, evidence item and rebuttal, in map order.
    pub nodes: Vec<NodeResult>,
    /// Inferences that are arguments of their own, in map order of their targets.
    pub links: Vec<LinkResult>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub complete: Option<Extensions>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub preferred: Option<Extensions>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub stable: Option<Extensions>,
}

/// The outcome of one extension search.
type Search = Result<Vec<Vec<usize>>, TooMany>;

/// Evaluates a map: grounded labelling always (linear time), other semantics as
/// requested.
pub fn evaluate(g: &ArgGraph, request: Request) -> Evaluation {
    let enc = Encoding::of(g);
    let fw = &enc.framework;
    let grounded = fw.grounded();
    let search = |f: fn(&Framework, usize) -> Search| f(fw, request.limit);
    let complete = request
        .complete
        .then(|| search(Framework::complete_extensions));
    let preferred = request
        .preferred
        .then(|| search(Framework::preferred_extensions));
    let stable = request.stable.then(|| search(Framework::stable_extensions));

    let acceptance = |r: &Option<Search>, a: usize| -> Option<Acceptance> {
        let exts = r.as_ref()?.as_ref().ok()?;
        let count = exts.iter().filter(|e| e.binary_search(&a).is_ok()).count();
        Some(Acceptance {
            credulous: count > 0,
            sceptical: count == exts.len(),
        })
    };
    let mut nodes = Vec::with_capacity(enc.of_node.len());
    for ix in g.graph.node_indices() {
        let Some(&a) = enc.of_node.get(&ix) else {
            continue;
        };
        let n = &g.graph[ix];
        nodes.push(NodeResult {
            id: n.id.into(),
            kind: n.kind,
            thesis: n.is_thesis(),
            grounded: label(&grounded, a),
            preferred: acceptance(&preferred, a),
            stable: acceptance(&stable, a),
        });
    }
    let mut links = Vec::new();
    for (inf, &a) in enc.inferences.iter().zip(&enc.of_inference) {
        links.push(LinkResult {
            link: inf.name(g),
            kind: inf.kind,
            premises: inf.premises.iter().map(|&p| g.graph[p].id.into()).collect(),
            target: g.graph[inf.target].id.into(),
            grounded: label(&grounded, a),
            undercut_by: inf
                .undercutters
                .iter()
                .map(|&u| g.graph[u].id.into())
                .collect(),
        });
    }
    let explain = Explainer {
        g,
        enc: &enc,
        grounded: &grounded,
    };
    let theses = g
        .theses()
        .into_iter()
        .filter_map(|ix| {
            let a = *enc.of_node.get(&ix)?;
            let id = g.graph[ix].id;
            let mut statements = vec![explain.grounded(a)];
            for (name, r) in [("preferred", &preferred), ("stable", &stable)] {
                if let Some(r) = r {
                    statements.push(acceptance_statement(id, name, r, a, request.limit));
                }
            }
            Some(ThesisResult {
                id: id.into(),
                grounded: label(&grounded, a),
                statements,
            })
        })
        .collect();
    let extensions = |r: Option<Search>| {
        r.map(|r| match r {
            Ok(exts) => Extensions {
                extensions: exts.iter().map(|e| extension(g, &enc, e)).collect(),
                complete: true,
                stopped_after: None,
                stopped_by: None,
                limit: request.limit,
            },
            Err(TooMany { found, stopped_by }) => Extensions {
                extensions: Vec::new(),
                complete: false,
                stopped_after: Some(found),
                stopped_by: Some(stopped_by),
                limit: request.limit,
            },
        })
    };
    Evaluation {
        map: g.map.id.clone().unwrap_or_default(),
        framework: Size {
            arguments: fw.len(),
            attacks: fw.attack_count(),
            nodes: enc.of_node.len(),
            links: enc.of_inference.len(),
        },
        theses,
        nodes,
        links,
        complete: extensions(complete),
        preferred: extensions(preferred),
        stable: extensions(stable),
    }
}

fn label(l: &Labelling, a: usize) -> Status {
    l.label(a).map_or(Status::Undecided, Status::from)
}

/// An extension (sorted argument indices) as node ids and link names in map order.
fn extension(g: &ArgGraph, enc: &Encoding, ext: &[usize]) -> Extension {
    let mut nodes = Vec::new();
    let mut links = Vec::new();
    for &a in ext {
        match enc.arguments.get(a) {
            Some(Argument::Node(ix)) => nodes.push(g.graph[*ix].id.into()),
            Some(Argument::Inference(i)) => links.push(enc.inferences[*i].name(g)),
            _ => {}
        }
    }
    Extension { nodes, links }
}

/// "Under preferred semantics, T1 is ..." from the extensions (or the search failure).
fn acceptance_statement(id: &str, semantics: &str, r: &Search, a: usize, limit: usize) -> String {
    let exts = match r {
        Ok(e) => e,
        Err(TooMany { found, stopped_by }) => {
            let why = stopped_by_words(*found, *stopped_by, limit);
            return format!(
                "Under {semantics} semantics the status of thesis {id} is unknown: {why}."
            );
        }
    };
    let n = exts.len();
    let count = exts.iter().filter(|e| e.binary_search(&a).is_ok()).count();
    if n == 0 {
        return format!(
            "Under {semantics} semantics there is no extension, so thesis {id} is not credulously accepted (and only vacuously sceptically accepted)."
        );
    }
    if count == n {
        let all = if n == 1 {
            format!("the only {semantics} extension")
        } else if n == 2 {
            format!("both {semantics} extensions")
        } else {
            format!("all {n} {semantics} extensions")
        };
        format!("Under {semantics} semantics thesis {id} is sceptically accepted: it is in {all}.")
    } else if count > 0 {
        format!(
            "Under {semantics} semantics thesis {id} is credulously but not sceptically accepted: it is in {count} of the {n} {semantics} extensions."
        )
    } else if n == 1 {
        format!(
            "Under {semantics} semantics thesis {id} is not accepted: it is not in the only {semantics} extension."
        )
    } else {
        format!(
            "Under {semantics} semantics thesis {id} is not accepted: it is in none of the {n} {semantics} extensions."
        )
    }
}

/// Why an extension search stopped, in words: `the search stopped after finding 2
/// extensions, more than --limit 1 (raise --limit to list them)`, or that its step budget
/// ran out (which a larger limit does not change).
pub fn stopped_by_words(found: usize, stopped_by: StoppedBy, limit: usize) -> String {
    match stopped_by {
        StoppedBy::Limit => format!(
            "the search stopped after finding {found} extension{}, more than --limit {limit} (raise --limit to list them)",
            plural(found)
        ),
        StoppedBy::StepBudget => format!(
            "the search ran out of its step budget ({} steps) after finding {found} extension{}; the framework is too hard to enumerate, and raising --limit does not help",
            super::semantics::DEFAULT_STEP_BUDGET,
            plural(found)
        ),
    }
}

fn plural(n: usize) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}

/// Joins names as "A", "A and B", "A, B and C".
fn and_list(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [a] => a.clone(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}

/// Explains grounded labels in words.
struct Explainer<'a, 'g, 'm> {
    g: &'a ArgGraph<'m>,
    enc: &'g Encoding,
    grounded: &'a Labelling,
}

impl Explainer<'_, '_, '_> {
    fn status(&self, a: usize) -> Status {
        label(self.grounded, a)
    }

    fn inference(&self, a: usize) -> Option<&Inference> {
        match self.enc.arguments.get(a) {
            Some(Argument::Inference(i)) => self.enc.inferences.get(*i),
            _ => None,
        }
    }

    fn node_id(&self, a: usize) -> Option<&str> {
        match self.enc.arguments.get(a) {
            Some(Argument::Node(ix)) => Some(self.g.graph[*ix].id),
            _ => None,
        }
    }

    /// Why attacker `b` (an argument that attacks a node) is in.
    fn why_in(&self, b: usize) -> String {
        let fw = &self.enc.framework;
        if let Some(inf) = self.inference(b) {
            let premises: Vec<String> = inf
                .premises
                .iter()
                .map(|&p| self.g.graph[p].id.to_string())
                .collect();
            let name = inf.name(self.g);
            let undercut = if inf.undercutters.is_empty() {
                "nothing undercuts it".to_string()
            } else {
                let u: Vec<String> = inf
                    .undercutters
                    .iter()
                    .map(|&u| self.g.graph[u].id.to_string())
                    .collect();
                format!(
                    "its undercutter{} {} {} out",
                    plural(u.len()),
                    and_list(&u),
                    if u.len() == 1 { "is" } else { "are" }
                )
            };
            let verb = if premises.len() == 1 { "is" } else { "are" };
            return format!(
                "the attack {name} holds: {} {verb} in and {undercut}",
                and_list(&premises)
            );
        }
        let id = self.enc.name(self.g, b);
        if fw.attackers(b).is_empty() {
            format!("{id} attacks it and {id} is unattacked")
        } else {
            format!("{id} attacks it and {id} is accepted (in): every attack on {id} fails")
        }
    }

    /// Why attacker `b` is out (it no longer counts).
    fn why_out(&self, b: usize) -> String {
        let fw = &self.enc.framework;
        if let Some(inf) = self.inference(b) {
            let name = inf.name(self.g);
            if let Some(&u) = inf.undercutters.iter().find(|u| {
                self.enc
                    .of_node
                    .get(u)
                    .is_some_and(|&a| self.status(a) == Status::In)
            }) {
                return format!(
                    "the attack {name} is undercut by {}, which is in",
                    self.g.graph[u].id
                );
            }
            let out: Vec<String> = inf
                .premises
                .iter()
                .filter(|p| {
                    self.enc
                        .of_node
                        .get(p)
                        .is_some_and(|&a| self.status(a) == Status::Out)
                })
                .map(|&p| self.g.graph[p].id.to_string())
                .collect();
            return format!(
                "the attack {name} fails: {} {} out",
                and_list(&out),
                if out.len() == 1 { "is" } else { "are" }
            );
        }
        let id = self.enc.name(self.g, b);
        match fw
            .attackers(b)
            .iter()
            .find(|&&c| self.status(c) == Status::In)
        {
            Some(&c) => match self.node_id(c) {
                Some(cid) => format!("{id} is out (attacked by {cid}, which is in)"),
                None => format!(
                    "{id} is out (the attack {} holds)",
                    self.enc.name(self.g, c)
                ),
            },
            None => format!("{id} is out"),
        }
    }

    /// The plain statement about thesis argument `a` under grounded semantics.
    fn grounded(&self, a: usize) -> String {
        let fw = &self.enc.framework;
        let id = self.enc.name(self.g, a);
        let attackers = fw.attackers(a);
        match self.status(a) {
            Status::In if attackers.is_empty() => {
                format!(
                    "Thesis {id} is accepted (in) under grounded semantics: nothing attacks it."
                )
            }
            Status::In => {
                let reasons: Vec<String> = attackers.iter().map(|&b| self.why_out(b)).collect();
                format!(
                    "Thesis {id} is accepted (in) under grounded semantics: every attack on it fails ({}).",
                    reasons.join("; ")
                )
            }
            Status::Out => {
                let reason = attackers
                    .iter()
                    .find(|&&b| self.status(b) == Status::In)
                    .map(|&b| self.why_in(b))
                    .unwrap_or_default();
                format!("Thesis {id} is rejected (out) under grounded semantics because {reason}.")
            }
            Status::Undecided => format!(
                "Thesis {id} is undecided under grounded semantics: {}.",
                self.why_undecided(a)
            ),
        }
    }

    /// Node ids among arguments (inferences and auxiliaries are named by their nodes,
    /// which are on the same cycle), without repeats, leaving out `skip`.
    fn node_names(&self, args: &[usize], skip: usize) -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        for &b in args {
            if b == skip {
                continue;
            }
            let name = match self.enc.arguments.get(b) {
                Some(Argument::Node(ix)) => self.g.graph[*ix].id.to_string(),
                Some(Argument::Inference(i)) => match self.enc.inferences.get(*i) {
                    Some(inf) if !inf.undercutters.is_empty() => {
                        format!("the link {}", inf.name(self.g))
                    }
                    _ => continue,
                },
                _ => continue,
            };
            if !out.contains(&name) {
                out.push(name);
            }
        }
        out
    }

    /// The shortest cycle of undecided arguments through `a` (following attacks), as
    /// the arguments after `a` on it; empty when `a` is on no such cycle.
    fn cycle_through(&self, a: usize) -> Vec<usize> {
        let fw = &self.enc.framework;
        let undec = |b: usize| self.status(b) == Status::Undecided;
        let mut parent: HashMap<usize, usize> = HashMap::new();
        let mut queue = VecDeque::from([a]);
        while let Some(b) = queue.pop_front() {
            for &c in fw.targets(b) {
                if !undec(c) {
                    continue;
                }
                if c == a {
                    let mut path = vec![b];
                    let mut cur = b;
                    while cur != a {
                        cur = parent[&cur];
                        if cur != a {
                            path.push(cur);
                        }
                    }
                    path.reverse();
                    return path;
                }
                if let std::collections::hash_map::Entry::Vacant(e) = parent.entry(c) {
                    e.insert(b);
                    queue.push_back(c);
                }
            }
        }
        Vec::new()
    }

    /// For each argument, whether it lies on a cycle of undecided arguments (a strongly
    /// connected component of the undecided attacks with more than one member, or a
    /// self-attack). Linear time, no recursion.
    fn on_undecided_cycles(&self) -> Vec<bool> {
        let fw = &self.enc.framework;
        let n = fw.len();
        let undec = |b: usize| self.status(b) == Status::Undecided;
        let mut g: petgraph::Graph<(), ()> = petgraph::Graph::with_capacity(n, fw.attack_count());
        for _ in 0..n {
            g.add_node(());
        }
        for a in (0..n).filter(|&a| undec(a)) {
            for &b in fw.targets(a).iter().filter(|&&b| undec(b)) {
                g.add_edge(NodeIndex::new(a), NodeIndex::new(b), ());
            }
        }
        let mut cyclic = vec![false; n];
        for scc in petgraph::algo::kosaraju_scc(&g) {
            let Some(first) = scc.first().map(|x| x.index()) else {
                continue;
            };
            if scc.len() > 1 || fw.targets(first).contains(&first) {
                for x in scc {
                    cyclic[x.index()] = true;
                }
            }
        }
        cyclic
    }

    /// Why `a` is undecided: the attack cycle it lies on, or the undecided attacker
    /// through which it depends on one.
    fn why_undecided(&self, a: usize) -> String {
        let fw = &self.enc.framework;
        let cycle = self.cycle_through(a);
        if !cycle.is_empty() {
            let names = self.node_names(&cycle, a);
            return if names.is_empty() {
                "it attacks itself".to_string()
            } else {
                format!("it lies on an attack cycle with {}", and_list(&names))
            };
        }
        // Walk back along undecided attackers to the first argument on a cycle.
        let cyclic = self.on_undecided_cycles();
        let mut seen: HashMap<usize, usize> = HashMap::new();
        let mut queue = VecDeque::from([a]);
        while let Some(b) = queue.pop_front() {
            for &c in fw.attackers(b) {
                if self.status(c) != Status::Undecided || seen.contains_key(&c) || c == a {
                    continue;
                }
                seen.insert(c, b);
                let cyc = if cyclic[c] {
                    self.cycle_through(c)
                } else {
                    Vec::new()
                };
                if !cyc.is_empty() {
                    let mut members = vec![c];
                    members.extend(cyc);
                    let names = self.node_names(&members, usize::MAX);
                    // The attacker of `a` on the path from the cycle.
                    let mut first = c;
                    while let Some(&next) = seen.get(&first) {
                        if next == a {
                            break;
                        }
                        first = next;
                    }
                    let via = self.node_names(&[first], usize::MAX);
                    let via = if via.is_empty() {
                        self.enc.name(self.g, first)
                    } else {
                        via.join("")
                    };
                    return format!(
                        "its attacker {via} is undecided, because it depends on the attack cycle of {}",
                        and_list(&names)
                    );
                }
                queue.push_back(c);
            }
        }
        "an undecided argument attacks it".to_string()
    }
}
