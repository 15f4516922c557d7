//! The deserializer's error: what kind, the message, where, and what to do about it.

use crate::diagnostic::Position;
use serde::de;
use std::fmt;
use yaml_rust2::scanner::Marker;

/// What kind of problem an [`Error`] is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ErrorKind {
    /// The text is not YAML.
    Syntax,
    /// The YAML does not fit the expected types (wrong type, missing field).
    Schema,
    /// The YAML is refused for its size: nesting or alias expansion.
    Limit,
}

/// A deserialisation error, with the position (1-based) where it arose when known.
#[derive(Clone, Debug, PartialEq)]
pub struct Error {
    /// Whether the text is not YAML or not a map of the right shape.
    pub kind: ErrorKind,
    /// What is wrong.
    pub message: String,
    /// Where, when the parser knows.
    pub position: Option<Position>,
    /// What to do about it, for the errors this deserializer raises itself (the parser's
    /// and serde's own messages carry none).
    pub help: Option<String>,
}

impl Error {
    pub(super) fn new(
        kind: ErrorKind,
        message: impl Into<String>,
        at: impl Into<Position>,
    ) -> Error {
        Error {
            kind,
            message: message.into(),
            position: Some(at.into()),
            help: None,
        }
    }

    pub(super) fn with_help(mut self, help: impl Into<String>) -> Error {
        self.help = Some(help.into());
        self
    }

    /// Gives the error a position if it has none yet (the innermost one wins).
    pub(super) fn or_at(mut self, at: impl Into<Position>) -> Error {
        if self.position.is_none() {
            self.position = Some(at.into());
        }
        self
    }
}

impl From<Marker> for Position {
    fn from(m: Marker) -> Position {
        Position {
            line: m.line(),
            column: m.col() + 1,
        }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.position {
            Some(p) => write!(f, "{} at line {} column {}", self.message, p.line, p.column),
            None => f.write_str(&self.message),
        }
    }
}

impl std::error::Error for Error {}

impl de::Error for Error {
    fn custom<T: fmt::Display>(msg: T) -> Error {
        Error {
            kind: ErrorKind::Schema,
            message: msg.to_string(),
            position: None,
            help: None,
        }
    }
}
