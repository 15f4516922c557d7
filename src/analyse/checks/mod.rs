//! The checks of `argmap check`: one module per rule, each a pure function from the
//! analysed map to diagnostics.

pub mod circular_support;
pub mod dangling_reference;
pub mod duplicate_id;
pub mod no_thesis;
pub mod orphan;
pub mod quote_not_found;
pub mod rebuttal_without_target;
pub mod schema;
pub mod self_reference;
pub mod source_unreadable;
pub mod support_and_attack;
pub mod uncited_claim;
pub mod uncited_evidence;
pub mod unused_source;
pub mod wrong_target_kind;

use crate::analyse::quote::QuoteMiss;
use crate::analyse::support::Support;
use crate::build::{ArgGraph, Field, RefProblem};
use crate::diagnostic::{Diagnostic, Rule, Seg, Target};
use crate::path;
use petgraph::graph::NodeIndex;

/// The state of a map's `source` text.
#[derive(Debug, Clone, Copy)]
pub enum SourceText<'a> {
    /// The map names no source.
    None,
    /// The map names a source that could not be read: why.
    Unreadable(&'a str),
    /// The source text was read and every quote looked up in it: the quotes it lacks
    /// ([`crate::analyse::quote::misses`]; the text itself is not kept).
    Checked(&'a [QuoteMiss]),
}

/// Everything a check may look at.
pub struct Input<'a, 'm> {
    pub graph: &'a ArgGraph<'m>,
    pub support: &'a Support,
    pub source: SourceText<'a>,
}

/// A check: reads the input, appends what it finds.
pub type Check = fn(&Input, &mut Vec<Diagnostic>);

/// Every check, in rule order, with the rule it is named for.
pub const ALL: [(Rule, Check); 15] = [
    (Rule::Schema, schema::check),
    (Rule::DuplicateId, duplicate_id::check),
    (Rule::DanglingReference, dangling_reference::check),
    (Rule::WrongTargetKind, wrong_target_kind::check),
    (Rule::SelfReference, self_reference::check),
    (Rule::CircularSupport, circular_support::check),
    (Rule::SupportAndAttack, support_and_attack::check),
    (Rule::QuoteNotFound, quote_not_found::check),
    (Rule::SourceUnreadable, source_unreadable::check),
    (Rule::UncitedClaim, uncited_claim::check),
    (Rule::UncitedEvidence, uncited_evidence::check),
    (Rule::NoThesis, no_thesis::check),
    (Rule::Orphan, orphan::check),
    (Rule::UnusedSource, unused_source::check),
    (Rule::RebuttalWithoutTarget, rebuttal_without_target::check),
];

/// Runs every check on one map, in rule order.
pub fn run(input: &Input) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for (_, check) in ALL {
        check(input, &mut out);
    }
    out
}

/// The path of a node's entry: `[section, id]`.
pub fn node_path(g: &ArgGraph, ix: NodeIndex) -> Vec<Seg> {
    let n = &g.graph[ix];
    path![n.kind.section().key(), n.id]
}

/// Where a reference problem points: the list item (or, for a long-form citation, its
/// `source` value).
pub fn ref_target(g: &ArgGraph, p: &RefProblem) -> Target {
    let mut path = node_path(g, p.from);
    path.push(Seg::Key(p.field.key().to_string()));
    path.push(Seg::Index(p.item));
    if p.field == Field::Cites {
        let long = g.cite(p.from, p.item).is_some_and(|c| c.long);
        if long {
            path.push(Seg::Key("source".into()));
        }
    }
    Target::value(path)
}

/// At most this many "did you mean" searches per map, so a map full of typos stays
/// linear to check.
pub const MAX_SUGGESTIONS: usize = 200;
