//! argmap: argument maps in YAML — load, check, report cited support, render, compare.
//!
//! Data flows one way: [`parse`] (YAML → typed map) → [`graph`] (typed map → petgraph
//! graph) → [`analyse`] (checks, support, semantics, comparison: data) → [`present`]
//! (terminal text, JSON, DOT, SVG...). The `argmap` binary
//! (`src/main.rs`, `src/cli/`) wires the stages for the command line.

pub mod aif;
pub mod analyse;
pub mod diagnostic;
pub mod generate;
pub mod graph;
pub mod parse;
pub mod present;

pub use diagnostic::{Diagnostic, Rule, Severity};

use parse::load::{MapFile, ReadError};
use parse::source_text::SourceLoad;

/// Checks map files as `argmap check` does with every rule enabled: analysis
/// ([`analyse::check`], pure) and then the locating step ([`parse::load::locate`]), which
/// gives each diagnostic its file, line and column. `sources` holds each map's source
/// text, one per file. Fails only when a file's text, let go after parsing, cannot be
/// read again unchanged.
pub fn check(
    files: &[MapFile],
    sources: impl IntoIterator<Item = SourceLoad>,
) -> Result<Vec<Diagnostic>, ReadError> {
    parse::load::locate(files, analyse::check(files, sources))
}
