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

/// What a [`ErrorKind::Schema`] error is, as serde's constructors name it (recorded when
/// the error is made, not read back from its message): the help line is chosen from it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SchemaErrorKind {
    /// A value of the wrong type: `expected` is what the visitor expects, as its
    /// `expecting` says it (the model's visitors take theirs from `model::EXPECTING_*`).
    InvalidType {
        /// What was expected.
        expected: String,
    },
    /// A value of the right type that is not allowed.
    InvalidValue {
        /// What was expected.
        expected: String,
    },
    /// A sequence or mapping with the wrong number of entries.
    InvalidLength {
        /// What was expected.
        expected: String,
    },
    /// A required field left out.
    MissingField(&'static str),
    /// Anything else (serde's `custom`, or the deserializer's own schema errors).
    Other,
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
    /// What a schema error is (`None` for syntax and limit errors).
    pub schema: Option<SchemaErrorKind>,
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
            schema: (kind == ErrorKind::Schema).then_some(SchemaErrorKind::Other),
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

impl Error {
    /// A schema error of `kind` with serde's message.
    fn schema(kind: SchemaErrorKind, message: String) -> Error {
        Error {
            kind: ErrorKind::Schema,
            message,
            position: None,
            help: None,
            schema: Some(kind),
        }
    }
}

/// serde's constructors, each recording its [`SchemaErrorKind`]; the messages are serde's
/// own (`invalid type: string "x", expected a list`).
impl de::Error for Error {
    fn custom<T: fmt::Display>(msg: T) -> Error {
        Error::schema(SchemaErrorKind::Other, msg.to_string())
    }

    fn invalid_type(unexp: de::Unexpected, exp: &dyn de::Expected) -> Error {
        Error::schema(
            SchemaErrorKind::InvalidType {
                expected: exp.to_string(),
            },
            format!("invalid type: {unexp}, expected {exp}"),
        )
    }

    fn invalid_value(unexp: de::Unexpected, exp: &dyn de::Expected) -> Error {
        Error::schema(
            SchemaErrorKind::InvalidValue {
                expected: exp.to_string(),
            },
            format!("invalid value: {unexp}, expected {exp}"),
        )
    }

    fn invalid_length(len: usize, exp: &dyn de::Expected) -> Error {
        Error::schema(
            SchemaErrorKind::InvalidLength {
                expected: exp.to_string(),
            },
            format!("invalid length {len}, expected {exp}"),
        )
    }

    fn missing_field(field: &'static str) -> Error {
        Error::schema(
            SchemaErrorKind::MissingField(field),
            format!("missing field `{field}`"),
        )
    }
}
