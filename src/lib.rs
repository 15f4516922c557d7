//! argmap: argument maps in YAML — load, check, report cited support, render, compare.
//!
//! Data flows one way: [`parse`] (YAML → typed map) → [`build`] (typed map → petgraph
//! graph) → [`analyse`] (checks, support, semantics, comparison: data) → [`present`]
//! (terminal text, JSON, DOT, SVG...). [`app`] wires the stages for the command line.

pub mod analyse;
pub mod app;
pub mod build;
pub mod diagnostic;
pub mod generate;
pub mod parse;
pub mod present;

pub use diagnostic::{Diagnostic, Rule, Severity};
