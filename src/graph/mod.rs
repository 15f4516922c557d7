//! Graph: the typed map as a petgraph graph with an id index (the second stage, after
//! [`crate::parse`]); references that do not resolve are recorded, not dropped.
//!
//! [`ArgGraph::build`] makes the [`ArgGraph`] of one map: its nodes ([`GNode`], of a
//! [`NodeKind`]) and edges ([`EdgeKind`]), with what did not become an edge
//! ([`RefProblem`]), the ids declared twice ([`DuplicateId`]) and the `same_as`
//! references to other maps ([`ExternalSameAs`]). It never fails and decides nothing:
//! the checks of [`crate::analyse`] report what it recorded. (The code is in
//! `arg_graph.rs`, re-exported here.)
mod arg_graph;
pub use arg_graph::*;
