//! Graph: the typed map as a petgraph graph with an id index (the second stage, after
//! [`crate::parse`]); references that do not resolve are recorded, not dropped.
mod arg_graph;
pub use arg_graph::*;
