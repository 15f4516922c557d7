//! A streaming serde `Deserializer` over yaml-rust2's event parser.
//!
//! serde_yaml first collects every event of a document in a vector (each scalar copied,
//! with its anchor, tag and position), then deserialises from that vector: for a 100k-node
//! map that buffer is 14× the file. Here each event is pulled from the parser when serde
//! asks for it and dropped once used, and a scalar's `String` is handed to the visitor
//! without a copy. Memory is the typed map plus what anchors keep for their aliases.
//!
//! YAML 1.2 core schema for untyped values (`deserialize_any`): plain `~`, `null`, empty →
//! unit; `true`/`false` (any case form YAML allows) → bool; decimal, `0x`, `0o` integers;
//! floats including `.inf` and `.nan`; anything else, and every quoted or block scalar, is
//! a string. Explicit `!!str`, `!!int`, `!!float`, `!!bool`, `!!null` tags are honoured.
//! A visitor that wants text asks through the [`RAW_TEXT`] (or [`RAW_KEY`]) newtype name
//! and gets every scalar as written (`1.10`, `007`), never resolved first.
//!
//! Limits, each a located error rather than a hang or a stack overflow: collections nested
//! more than [`MAX_DEPTH`] deep (in skipped values too); aliases that expand to more than
//! [`MAX_REPLAYED`] events in all (alias bombs); anchors whose recorded copies exceed
//! [`MAX_RECORDED`] events; a NUL byte, which yaml-rust2 would take for the end of the
//! text. An alias inside a value that is skipped (an unknown field) is not expanded at all.
//!
//! Positions: a value not written at all (`text:` with nothing after it) is marked at its
//! key, and a block mapping at its first key (yaml-rust2 marks both at the next token).
//!
//! The files, by job: `error.rs` (the located error), `events.rs` (the event reader:
//! alias replays, anchor recording, nesting in skipped values, and their limits),
//! `scalar.rs` (the core schema: how a plain scalar resolves), `deserialize.rs` (the serde
//! `Deserializer`, mapping and sequence access), `tests.rs`.

mod deserialize;
mod error;
mod events;
mod scalar;
#[cfg(test)]
mod tests;

pub use error::{Error, ErrorKind, SchemaErrorKind};

use crate::diagnostic::Position;
use deserialize::{NullDeserializer, YamlDeserializer};
use events::Events;
use serde::de;
use yaml_rust2::parser::Event;

/// Deepest nesting of mappings and sequences that is deserialised.
pub const MAX_DEPTH: usize = 128;
/// Most events that aliases may replay in one document.
pub const MAX_REPLAYED: usize = 1_000_000;
/// Most event copies that anchors may record in one document.
pub const MAX_RECORDED: usize = 4_000_000;

/// The help for an alias that cannot be resolved (also used for the parser's own
/// unknown-anchor errors).
pub const ALIAS_HELP: &str =
    "an alias `*name` must refer to an anchor `&name` defined before it, outside itself";

/// The name of the newtype struct through which a visitor asks for the next node with its
/// scalars as the author wrote them: a plain `1.10`, `007`, `0x7CF`, `1e3` or `true` is
/// given to the visitor as that text (`visit_string`), not resolved to a number or a
/// bool first; a null (`~`, `null`, nothing) is still `visit_unit`, and collections are
/// read as usual. A deserializer that does not know the name (serde_yaml) sees a plain
/// newtype struct and resolves scalars its own way.
pub const RAW_TEXT: &str = "$argmap::raw_text";

/// Like [`RAW_TEXT`], for mapping keys: a null scalar too is given as written (`~`, the
/// empty string), so that a null key keeps its text, as the position index has it.
pub const RAW_KEY: &str = "$argmap::raw_key";

/// The line and column (1-based, in characters) of byte `offset` of `text`, lines ending
/// at `\n`, `\r\n` or a lone `\r` as in YAML.
pub fn position_of(text: &str, offset: usize) -> Position {
    let before = text.get(..offset).unwrap_or(text);
    let b = before.as_bytes();
    let mut line = 1;
    let mut start = 0;
    for (i, &c) in b.iter().enumerate() {
        if c == b'\n' || c == b'\r' && b.get(i + 1) != Some(&b'\n') {
            line += 1;
            start = i + 1;
        }
    }
    Position {
        line,
        column: before[start..].chars().count() + 1,
    }
}

/// Deserialises one YAML document from `text`.
///
/// A NUL byte is refused where it is: YAML forbids it, and yaml-rust2 would take it for
/// the end of the text and read no further.
pub fn from_str<'de, T: de::Deserialize<'de>>(text: &str) -> Result<T, Error> {
    if let Some(i) = text.find('\0') {
        return Err(Error {
            kind: ErrorKind::Syntax,
            message: "a NUL byte (U+0000) in the text: YAML does not allow it in a file".into(),
            position: Some(position_of(text, i)),
            help: Some("remove it (a file holding NUL bytes may not be text, or UTF-16)".into()),
            schema: None,
        });
    }
    from_str_scanned(text)
}

/// [`from_str`] for a text already known to hold no NUL byte (`load/scan.rs` scans every map
/// for the characters YAML forbids before parsing it).
pub(crate) fn from_str_scanned<'de, T: de::Deserialize<'de>>(text: &str) -> Result<T, Error> {
    let mut de = YamlDeserializer {
        events: Events::new(text),
        depth: 0,
    };
    match de.events.next()?.0 {
        Event::StreamStart => {}
        _ => {
            return Err(Error::new(
                ErrorKind::Syntax,
                "no YAML stream",
                de.events.last,
            ))
        }
    }
    let value = if matches!(de.events.peek()?.0, Event::StreamEnd) {
        // No document at all (only comments): the value is null.
        T::deserialize(NullDeserializer(de.events.last))?
    } else {
        if matches!(de.events.peek()?.0, Event::DocumentStart) {
            de.events.next()?;
        }
        let value = T::deserialize(&mut de)?;
        if matches!(de.events.peek()?.0, Event::DocumentEnd) {
            de.events.next()?;
        }
        value
    };
    let (event, mark) = de.events.next()?;
    match event {
        Event::StreamEnd => Ok(value),
        _ => Err(Error::new(
            ErrorKind::Schema,
            "the file holds more than one YAML document; a map is one document",
            mark,
        )),
    }
}
