//! Build: the typed map as a graph.
pub mod graph;
pub use graph::{ArgGraph, EdgeKind, Field, GNode, NodeKind, RefProblem, RefProblemKind};
