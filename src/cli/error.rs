//! Why a command ends with exit code 2: a typed error per kind of failure, each with its
//! message and, where there is one, its help line. A closed standard output (`argmap ...
//! | head`) is [`CliError::Io`] with [`std::io::ErrorKind::BrokenPipe`], which ends the
//! command quietly with exit 0 ([`CliError::is_closed_pipe`]).

use super::output::OutputError;
use argmap::diagnostic::UnknownRule;
use argmap::parse::load::ReadError;
use argmap::present::graphviz::GraphvizError;
use argmap::RenderError;
use std::fmt;

/// A failure that ends a command with exit code 2.
#[derive(Debug)]
pub enum CliError {
    /// A value on the command line that cannot be used; the message says what to give.
    Usage(String),
    /// A severity flag names no rule.
    UnknownRule(UnknownRule),
    /// A file the command reads could not be read (or changed while it ran).
    Read(ReadError),
    /// `-o FILE` was refused, or writing it failed.
    Output(OutputError),
    /// Graphviz could not lay a diagram out.
    Graphviz(GraphvizError),
    /// The library could not render the maps in the format asked for.
    Render(RenderError),
    /// The file given to `import` is not AIF JSON at all.
    NotAif {
        /// The file, as given.
        file: String,
        /// What it is instead.
        why: String,
    },
    /// Writing standard output or standard error failed.
    Io(std::io::Error),
}

impl CliError {
    /// Whether standard output was closed by its reader (`argmap ... | head`): then the
    /// command stops writing and ends quietly, as other Unix tools do.
    pub fn is_closed_pipe(&self) -> bool {
        matches!(self, CliError::Io(e) if e.kind() == std::io::ErrorKind::BrokenPipe)
    }

    /// The help line printed under the message, if this kind of failure has one.
    pub fn help(&self) -> Option<&'static str> {
        match self {
            CliError::NotAif { .. } => Some(
                "`argmap import` reads AIF JSON (as AIFdb and OVA write it, or `argmap render --format aif`)",
            ),
            _ => None,
        }
    }
}

impl fmt::Display for CliError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CliError::Usage(message) => f.write_str(message),
            CliError::UnknownRule(e) => e.fmt(f),
            CliError::Read(e) => e.fmt(f),
            CliError::Output(e) => e.fmt(f),
            CliError::Graphviz(e) => e.fmt(f),
            CliError::Render(e) => e.fmt(f),
            CliError::NotAif { file, why } => write!(f, "{file}: {why}"),
            CliError::Io(e) => e.fmt(f),
        }
    }
}

impl std::error::Error for CliError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            CliError::Usage(_) | CliError::NotAif { .. } => None,
            CliError::UnknownRule(e) => Some(e),
            CliError::Read(e) => Some(e),
            CliError::Output(e) => Some(e),
            CliError::Graphviz(e) => Some(e),
            CliError::Render(e) => Some(e),
            CliError::Io(e) => Some(e),
        }
    }
}

impl From<std::io::Error> for CliError {
    fn from(e: std::io::Error) -> CliError {
        CliError::Io(e)
    }
}

impl From<ReadError> for CliError {
    fn from(e: ReadError) -> CliError {
        CliError::Read(e)
    }
}

impl From<OutputError> for CliError {
    fn from(e: OutputError) -> CliError {
        CliError::Output(e)
    }
}

impl From<GraphvizError> for CliError {
    fn from(e: GraphvizError) -> CliError {
        CliError::Graphviz(e)
    }
}

impl From<RenderError> for CliError {
    fn from(e: RenderError) -> CliError {
        CliError::Render(e)
    }
}

impl From<UnknownRule> for CliError {
    fn from(e: UnknownRule) -> CliError {
        CliError::UnknownRule(e)
    }
}
