//! argmap: argument maps in YAML — load, check, report cited support, evaluate,
//! compare, render.
//!
//! An argument map is a YAML file of claims, evidence (with citations and verbatim
//! quotes) and rebuttals; the format and the rules are described in the README. This
//! crate is the library under the `argmap` command.
//!
//! # Stability
//!
//! The crate is 0.x: its API may change in any release, and is not yet meant to be
//! depended on across versions. The stable interfaces are the `argmap` command line
//! (its commands, flags, exit codes and JSON outputs) and the map file format. Of the
//! library, the functions and types at the crate root (below) are the intended
//! surface; the stage modules ([`parse`], [`graph`], [`analyse`], [`present`]) are
//! public because the command line, the tests and the benchmarks are built on them,
//! and change with the implementation.
//!
//! # The main path
//!
//! Load a map ([`load`] for a file, [`load_str`] for text in memory), [`check`] it
//! (every rule, each diagnostic located at its line and column), build its graph
//! ([`Analysed::new`]; cited support and arguments come on first use; the check's own
//! maps: [`analyse::check_only`]), then ask for what a command prints: [`support`],
//! [`evaluate`], [`compare`], [`render`].
//!
//! ```
//! let text = "\
//! id: trees
//! claims:
//!   T1:
//!     text: Cities should plant more trees.
//!     thesis: true
//!   C1:
//!     text: Trees cool the streets around them.
//!     supports: [T1]
//! ";
//! let file = argmap::load_str("trees.yaml", text);
//! // No `source`, so no source text to check quotes against.
//! let diagnostics = argmap::check(std::slice::from_ref(&file), [argmap::SourceLoad::None])?;
//! assert!(diagnostics.iter().all(|d| d.severity == argmap::Severity::Warning));
//! // Nothing cites a source: both claims are warned about (`uncited-claim`).
//! assert!(diagnostics.iter().any(|d| d.rule == argmap::Rule::UncitedClaim));
//!
//! let map = argmap::Analysed::new(&file).expect("the map parsed");
//! let report = argmap::support(&map);
//! let t1 = report.claims.iter().find(|c| c.id == "T1").expect("T1");
//! assert_eq!(t1.status, argmap::Status::Uncited);
//! assert_eq!(report.coverage.cited, 0);
//! # Ok::<(), argmap::ReadError>(())
//! ```
//!
//! A map on disk: [`load`] reads it, and [`read_source`] its `source` text, for the
//! `quote-not-found` and `source-unreadable` rules:
//!
//! ```no_run
//! let file = argmap::load("maps/permanent-revolution.yaml")?;
//! let source = argmap::read_source(&file);
//! let diagnostics = argmap::check(std::slice::from_ref(&file), [source])?;
//! for d in &diagnostics {
//!     println!("{}:{}:{}: {}: {}", d.file, d.line(), d.column(), d.rule.id(), d.message);
//! }
//! # Ok::<(), argmap::ReadError>(())
//! ```
//!
//! # The stages
//!
//! Data flows one way: [`parse`] (YAML → typed map) → [`graph`] (typed map → petgraph
//! graph) → [`analyse`] (checks, support, semantics, comparison: data, no I/O) →
//! [`present`] (terminal text, JSON, DOT, SVG...). The `argmap` binary (`src/main.rs`,
//! `src/cli/`) wires the stages for the command line; the library does not print.
#![warn(missing_docs)]

pub mod aif;
pub mod analyse;
mod api;
pub mod diagnostic;
pub mod generate;
pub mod graph;
pub mod parse;
pub mod present;

pub use analyse::compare::{CompareOptions, Comparison};
pub use analyse::evaluate::{Evaluation, Request as EvaluateRequest};
pub use analyse::semantics::Semantics;
pub use analyse::support::{Status, SupportReport};
pub use analyse::Analysed;
pub use api::{compare, evaluate, export, load, load_str, render, support, Format, RenderError};
pub use diagnostic::{Diagnostic, Rule, Severity};
pub use parse::load::{MapFile, ReadError};
pub use parse::source_text::{read_source, SourceLoad};

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
