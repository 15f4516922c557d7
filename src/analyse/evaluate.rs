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
//! * An undercut is an inference of the list too ([`LinkKind::Undercuts`]): one
//!   undercutter alone attacks `Y` directly (`U → Y`); an undercut by linked
//!   co-premises, or one that is undercut itself (`undercuts: ["V -> U -> A -> B"]`),
//!   is flattened like the others, its `Y_U` attacking the `Y` it undercuts. So an
//!   undercut of an undercut attacks the undercut's argument (`V → Y_U → Y`): V in
//!   makes U's undercut fail and reinstates `A -> B` (the node U keeps its label: what
//!   fails is its undercut, as an undercut leaves the premises of the link it cuts
//!   alone), and a linked undercut acts only while all its premises are in.
//!
//! A self-attack cannot be written in a map (`self-reference` is an error and makes no
//! edge); the framework handles it (see the semantics tests).
//!
//! Auxiliary `X` arguments never appear in the results: the labels and extensions
//! report the nodes, and the inferences (`Y`) as links.
//!
//! # Results are data
//!
//! The results of the semantics are keyed by [`Semantics`] ([`BySemantics`]); which
//! semantics exist, and how each is computed, is the table in
//! `analyse/semantics/kinds.rs` (to add a semantics, see there). Why a thesis has its
//! status is given as reasons ([`GroundedReason`], [`Standing`]), which
//! `present::evaluate` words; nothing here writes a sentence.

use super::inference::{Inference, Inferences, LinkKind};
use super::semantics::{BySemantics, Found, Framework, Label, Labelling, Semantics, StoppedBy};
use crate::graph::{ArgGraph, NodeKind};
use crate::parse::model::Id;
use petgraph::graph::NodeIndex;
use serde::Serialize;

mod why;
pub use why::{Arg, FailedAttack, GroundedReason, Standing, WinningAttack};

/// What an argument of the encoded framework stands for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Argument {
    /// A claim, evidence item or rebuttal.
    Node(NodeIndex),
    /// An inference (index into [`Encoding::inferences`]): "the inference holds".
    Inference(usize),
    /// Auxiliary: "this premise of the inference is not accepted".
    NotPremise {
        /// The inference (index into [`Encoding::inferences`]).
        inference: usize,
        /// The premise.
        premise: NodeIndex,
    },
}

/// The argument of each node, indexed by node (sources have none): a map from node to
/// argument that is a flat array, as every node but the sources has one.
#[derive(Debug)]
pub struct NodeArguments {
    /// The argument of each node, as `u32` (half the size of `usize`; a framework has
    /// fewer than 2^32 arguments).
    of: Vec<u32>,
    len: usize,
}

const NO_ARGUMENT: u32 = u32::MAX;

impl NodeArguments {
    /// The argument of node `ix`, if it has one.
    pub fn get(&self, ix: &NodeIndex) -> Option<usize> {
        self.of
            .get(ix.index())
            .filter(|&&a| a != NO_ARGUMENT)
            .map(|&a| a as usize)
    }
    /// How many nodes have an argument.
    pub fn len(&self) -> usize {
        self.len
    }
    /// Whether no node has an argument.
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }
}

impl NodeArguments {
    /// The argument of node `ix`; panics for a source (a bug: sources have none).
    fn of(&self, ix: &NodeIndex) -> usize {
        self.get(ix)
            .expect("only claims, evidence and rebuttals have arguments")
    }
}

/// A map encoded as an argumentation framework, from the map's inferences
/// ([`Inferences`], the one grouping of the links every exporter draws), which it
/// borrows.
#[derive(Debug)]
pub struct Encoding<'i> {
    /// The framework: arguments and attacks.
    pub framework: Framework,
    /// What each argument `0..n` stands for.
    pub arguments: Vec<Argument>,
    /// The flattened inferences, those that are arguments of their own (the `Inference`
    /// arguments index into this), in the order of [`Inferences::list`]; the others are
    /// encoded as direct attacks or not at all.
    pub inferences: Vec<&'i Inference>,
    /// The argument of each node (claims, evidence, rebuttals).
    pub of_node: NodeArguments,
    /// The argument of each flattened inference (parallel to `inferences`).
    pub of_inference: Vec<usize>,
}

impl<'i> Encoding<'i> {
    /// Encodes the attacks and undercuts of `g`, whose inferences are `inferences`
    /// ([`Inferences::of`] of `g`, as [`crate::analyse::Analysed::inferences`] holds
    /// them): see the module documentation. Linear in the map.
    pub fn of(g: &ArgGraph, inferences: &'i Inferences) -> Encoding<'i> {
        let mut arguments = Vec::with_capacity(g.graph.node_count());
        let mut of_node = NodeArguments {
            of: vec![NO_ARGUMENT; g.graph.node_count()],
            len: 0,
        };
        for ix in g.graph.node_indices() {
            if g.graph[ix].kind != NodeKind::Source {
                of_node.of[ix.index()] = arguments.len() as u32;
                of_node.len += 1;
                arguments.push(Argument::Node(ix));
            }
        }
        let mut attacks = Vec::new();
        let mut flattened: Vec<&'i Inference> = Vec::new();
        let mut of_inference = Vec::new();
        // The argument of each flattened inference, by index in the list (an undercut
        // comes after the inference it undercuts, which is flattened: it is undercut).
        let mut of_listed: Vec<u32> = vec![NO_ARGUMENT; inferences.list.len()];
        for (li, inf) in inferences.list.iter().enumerate() {
            let attack = inf.kind == LinkKind::Attacks;
            let undercut = inf
                .undercut()
                .and_then(|of| of_listed.get(of))
                .filter(|&&y| y != NO_ARGUMENT)
                .map(|&y| y as usize);
            if inf.kind == LinkKind::Undercuts && undercut.is_none() {
                continue;
            }
            let flatten =
                !inf.undercutters.is_empty() || (inf.kind != LinkKind::Supports && inf.is_linked());
            if flatten {
                let i = flattened.len();
                let y = arguments.len();
                arguments.push(Argument::Inference(i));
                of_inference.push(y);
                for &p in &inf.premises {
                    let x = arguments.len();
                    arguments.push(Argument::NotPremise {
                        inference: i,
                        premise: p,
                    });
                    attacks.push((of_node.of(&p), x));
                    attacks.push((x, y));
                }
                if attack {
                    attacks.push((y, of_node.of(&inf.target)));
                }
                if let Some(target) = undercut {
                    attacks.push((y, target));
                }
                of_listed[li] = y as u32;
                flattened.push(inf);
            } else if attack {
                attacks.push((of_node.of(&inf.premises[0]), of_node.of(&inf.target)));
            } else if let Some(target) = undercut {
                attacks.push((of_node.of(&inf.premises[0]), target));
            }
        }
        Encoding {
            framework: Framework::new(arguments.len(), &attacks),
            arguments,
            inferences: flattened,
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
    /// Accepted.
    In,
    #[serde(rename = "out")]
    /// Rejected: an accepted argument attacks it.
    Out,
    #[serde(rename = "undec")]
    /// Neither.
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

/// Which semantics to compute besides the grounded one (which always is), and how many
/// extensions to list.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Request {
    /// The semantics whose extensions to enumerate; `Grounded` among them changes
    /// nothing (it is always computed). Results come in [`Semantics::ALL`] order.
    pub semantics: Vec<Semantics>,
    /// At most this many extensions per semantics.
    pub limit: usize,
}

impl Default for Request {
    fn default() -> Request {
        Request {
            semantics: Vec::new(),
            limit: 100,
        }
    }
}

impl Request {
    /// Every semantics, at most `limit` extensions each.
    pub fn all(limit: usize) -> Request {
        Request {
            semantics: Semantics::ALL.to_vec(),
            limit,
        }
    }

    /// The semantics to enumerate, in [`Semantics::ALL`] order, without repeats and
    /// without the grounded one.
    fn enumerated(&self) -> impl Iterator<Item = Semantics> + '_ {
        Semantics::ALL
            .into_iter()
            .filter(|s| *s != Semantics::Grounded && self.semantics.contains(s))
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
    /// The node's id.
    pub id: Id,
    /// Claim, evidence or rebuttal.
    pub kind: NodeKind,
    /// Whether it is a thesis.
    pub thesis: bool,
    /// Its grounded label.
    pub grounded: Status,
    /// Its acceptance under each semantics computed that reports acceptance
    /// ([`Semantics::reports_acceptance`]) and whose search finished; in JSON one key
    /// per semantics (`"preferred": {"credulous": true, "sceptical": false}`).
    #[serde(flatten)]
    pub acceptance: BySemantics<Acceptance>,
}

/// The result for an inference that is an argument of its own (undercut, or an attack
/// by linked premises).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct LinkResult {
    /// `A -> B`, or `A + P -> B` for linked premises.
    pub link: String,
    /// Whether it supports or attacks.
    pub kind: LinkKind,
    /// The premises' ids.
    pub premises: Vec<Id>,
    /// The target's id.
    pub target: Id,
    /// Whether the inference holds, under grounded semantics.
    pub grounded: Status,
    /// The nodes that undercut it.
    pub undercut_by: Vec<Id>,
}

/// One extension: the nodes and the (flattened) inferences it accepts, in map order.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Extension {
    /// The nodes it accepts.
    pub nodes: Vec<Id>,
    /// The inferences it accepts (`A -> B`).
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

/// Why a thesis has its status: under grounded semantics, and its standing under each
/// semantics computed that reports acceptance. In JSON one object keyed by semantics:
/// `{"grounded": {"reason": "unattacked"}, "preferred": {"reason": "in-all", "total":
/// 1}}`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ThesisReasons {
    /// Why it has its grounded label.
    pub grounded: GroundedReason,
    #[serde(flatten)]
    /// Its standing under each other semantics computed.
    pub standing: BySemantics<Standing>,
}

/// What the evaluation says about one thesis.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ThesisVerdict {
    /// The thesis's id.
    pub id: Id,
    /// Its grounded label.
    pub grounded: Status,
    /// Why.
    pub reasons: ThesisReasons,
}

/// The size of the encoded framework.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct Size {
    /// All arguments, auxiliary ones included.
    pub arguments: usize,
    /// All attacks between arguments.
    pub attacks: usize,
    /// Arguments that are map nodes.
    pub nodes: usize,
    /// Arguments that are inferences.
    pub links: usize,
}

/// The evaluation of one map.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Evaluation {
    /// The map id.
    pub map: String,
    /// The size of the framework.
    pub framework: Size,
    /// Every thesis's verdict.
    pub theses: Vec<ThesisVerdict>,
    /// Every claim, evidence item and rebuttal, in map order.
    pub nodes: Vec<NodeResult>,
    /// Inferences that are arguments of their own, in map order of their targets.
    pub links: Vec<LinkResult>,
    /// The extensions of each semantics requested (the grounded one is the `in` set of
    /// the labelling), in [`Semantics::ALL`] order; in JSON one key per semantics.
    #[serde(flatten)]
    pub extensions: BySemantics<Extensions>,
}

/// Evaluates a map, given its graph and its inferences ([`Inferences::of`] of `g`:
/// [`crate::analyse::Analysed::inferences`]): grounded labelling always (linear time),
/// other semantics as requested.
pub fn evaluate(g: &ArgGraph, inferences: &Inferences, request: Request) -> Evaluation {
    let enc = Encoding::of(g, inferences);
    let fw = &enc.framework;
    let grounded = fw.grounded();
    let found: Vec<(Semantics, Found)> = request
        .enumerated()
        .map(|s| (s, s.extensions(fw, request.limit)))
        .collect();
    let framework = Size {
        arguments: fw.len(),
        attacks: fw.attack_count(),
        nodes: enc.of_node.len(),
        links: enc.of_inference.len(),
    };
    let links = link_results(g, &enc, &grounded);
    let theses = thesis_verdicts(g, &enc, &grounded, &found, request.limit);
    let extensions = found
        .iter()
        .map(|(s, r)| (*s, extensions(g, &enc, r, request.limit)))
        .collect();
    // The node results, one per node, are the largest part of the result: the
    // framework and its arguments are let go first (only the node → argument map is
    // needed), so they are never held together (docs/performance.md, "Memory").
    let of_node = enc.of_node;
    drop(enc.framework);
    drop(enc.arguments);
    // The finished searches of the semantics that report acceptance.
    let accepting: Vec<(Semantics, &Vec<Vec<usize>>)> = found
        .iter()
        .filter(|(s, _)| s.reports_acceptance())
        .filter_map(|(s, r)| Some((*s, r.as_ref().ok()?)))
        .collect();
    let nodes = node_results(g, &of_node, &grounded, &accepting);
    Evaluation {
        map: g.map.id.clone().unwrap_or_default(),
        framework,
        theses,
        nodes,
        links,
        extensions,
    }
}

/// The result of each flattened inference, in the order of [`Encoding::inferences`].
fn link_results(g: &ArgGraph, enc: &Encoding, grounded: &Labelling) -> Vec<LinkResult> {
    enc.inferences
        .iter()
        .zip(&enc.of_inference)
        .map(|(inf, &a)| LinkResult {
            link: inf.name(g),
            kind: inf.kind,
            premises: inf.premises.iter().map(|&p| g.graph[p].id.into()).collect(),
            target: g.graph[inf.target].id.into(),
            grounded: label(grounded, a),
            undercut_by: inf
                .undercutters
                .iter()
                .map(|&u| g.graph[u].id.into())
                .collect(),
        })
        .collect()
}

/// Every thesis's verdict: its grounded label and why, and its standing under each
/// semantics searched that reports acceptance.
fn thesis_verdicts(
    g: &ArgGraph,
    enc: &Encoding,
    grounded: &Labelling,
    found: &[(Semantics, Found)],
    limit: usize,
) -> Vec<ThesisVerdict> {
    let explain = why::Explainer { g, enc, grounded };
    g.theses()
        .into_iter()
        .filter_map(|ix| {
            let a = enc.of_node.get(&ix)?;
            let standing = found
                .iter()
                .filter(|(s, _)| s.reports_acceptance())
                .map(|(s, r)| (*s, Standing::of(r, a, limit)))
                .collect();
            Some(ThesisVerdict {
                id: g.graph[ix].id.into(),
                grounded: label(grounded, a),
                reasons: ThesisReasons {
                    grounded: explain.grounded(a),
                    standing,
                },
            })
        })
        .collect()
}

/// Every node's grounded label and acceptance, in map order.
fn node_results(
    g: &ArgGraph,
    of_node: &NodeArguments,
    grounded: &Labelling,
    accepting: &[(Semantics, &Vec<Vec<usize>>)],
) -> Vec<NodeResult> {
    let mut nodes = Vec::with_capacity(of_node.len());
    for ix in g.graph.node_indices() {
        let Some(a) = of_node.get(&ix) else {
            continue;
        };
        let n = &g.graph[ix];
        let acceptance = accepting
            .iter()
            .map(|(s, exts)| {
                let count = exts.iter().filter(|e| e.binary_search(&a).is_ok()).count();
                let acceptance = Acceptance {
                    credulous: count > 0,
                    sceptical: count == exts.len(),
                };
                (*s, acceptance)
            })
            .collect();
        nodes.push(NodeResult {
            id: n.id.into(),
            kind: n.kind,
            thesis: n.is_thesis(),
            grounded: label(grounded, a),
            acceptance,
        });
    }
    nodes
}

/// A search's outcome as reported.
fn extensions(g: &ArgGraph, enc: &Encoding, r: &Found, limit: usize) -> Extensions {
    match r {
        Ok(exts) => Extensions {
            extensions: exts.iter().map(|e| extension(g, enc, e)).collect(),
            complete: true,
            stopped_after: None,
            stopped_by: None,
            limit,
        },
        Err(too_many) => Extensions {
            extensions: Vec::new(),
            complete: false,
            stopped_after: Some(too_many.found),
            stopped_by: Some(too_many.stopped_by),
            limit,
        },
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

#[cfg(test)]
mod tests;
