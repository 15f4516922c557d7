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

use crate::diagnostic::Position;
use serde::de::{self, DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};
use std::collections::HashMap;
use std::fmt;
use std::rc::Rc;
use yaml_rust2::parser::{Event, Parser, Tag};
use yaml_rust2::scanner::{Marker, TScalarStyle};

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
    pub kind: ErrorKind,
    pub message: String,
    pub position: Option<Position>,
    /// What to do about it, for the errors this deserializer raises itself (the parser's
    /// and serde's own messages carry none).
    pub help: Option<String>,
}

impl Error {
    fn new(kind: ErrorKind, message: impl Into<String>, at: impl Into<Position>) -> Error {
        Error {
            kind,
            message: message.into(),
            position: Some(at.into()),
            help: None,
        }
    }

    fn with_help(mut self, help: impl Into<String>) -> Error {
        self.help = Some(help.into());
        self
    }

    /// Gives the error a position if it has none yet (the innermost one wins).
    fn or_at(mut self, at: impl Into<Position>) -> Error {
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

type Item = (Event, Marker);

/// An anchored node being recorded: its events so far and its open collections.
struct Recording {
    anchor: usize,
    events: Vec<Item>,
    depth: usize,
}

/// Events in document order: the parser's, with alias replays spliced in on request.
struct Events<'a> {
    parser: Parser<std::str::Chars<'a>>,
    peeked: Option<Item>,
    /// Aliases being replayed: the anchor's events, how many were given, and where the
    /// alias is (every replayed event is marked there: an error about the value an alias
    /// stands for is where the alias is used, not where its anchor was defined).
    replays: Vec<(Rc<[Item]>, usize, Marker)>,
    anchors: HashMap<usize, Rc<[Item]>>,
    recording: Vec<Recording>,
    replayed: usize,
    recorded: usize,
    last: Position,
}

impl<'a> Events<'a> {
    fn new(text: &'a str) -> Self {
        Events {
            parser: Parser::new_from_str(text),
            peeked: None,
            replays: Vec::new(),
            anchors: HashMap::new(),
            recording: Vec::new(),
            replayed: 0,
            recorded: 0,
            last: Position { line: 1, column: 1 },
        }
    }

    /// The next event, from an alias being replayed or from the parser.
    fn pull(&mut self) -> Result<Item, Error> {
        while let Some((events, at, alias)) = self.replays.last_mut() {
            if let Some((event, _)) = events.get(*at) {
                *at += 1;
                return Ok((event.clone(), *alias));
            }
            self.replays.pop();
        }
        let (event, mark) = self
            .parser
            .next_token()
            .map_err(|e| Error::new(ErrorKind::Syntax, e.info().to_string(), *e.marker()))?;
        self.record(&event, mark)?;
        Ok((event, mark))
    }

    /// Keeps a copy of the events of anchored nodes, for their aliases.
    fn record(&mut self, event: &Event, mark: Marker) -> Result<(), Error> {
        let anchor = match event {
            Event::Scalar(_, _, a, _) | Event::SequenceStart(a, _) | Event::MappingStart(a, _) => {
                *a
            }
            _ => 0,
        };
        if anchor > 0 {
            self.recording.push(Recording {
                anchor,
                events: Vec::new(),
                depth: 0,
            });
        }
        if self.recording.is_empty() {
            return Ok(());
        }
        self.recorded += self.recording.len();
        if self.recorded > MAX_RECORDED {
            return Err(Error::new(
                ErrorKind::Limit,
                "anchors record too much data (nested anchors?)",
                mark,
            )
            .with_help("aliases expand to too much data (an alias bomb?)"));
        }
        for r in &mut self.recording {
            r.events.push((event.clone(), mark));
            match event {
                Event::SequenceStart(..) | Event::MappingStart(..) => r.depth += 1,
                Event::SequenceEnd | Event::MappingEnd => r.depth = r.depth.saturating_sub(1),
                _ => {}
            }
        }
        while self.recording.last().is_some_and(|r| r.depth == 0) {
            if let Some(r) = self.recording.pop() {
                self.anchors.insert(r.anchor, Rc::from(r.events));
            }
        }
        Ok(())
    }

    fn peek(&mut self) -> Result<&Item, Error> {
        let item = match self.peeked.take() {
            Some(item) => item,
            None => self.pull()?,
        };
        Ok(self.peeked.insert(item))
    }

    /// Moves the mark of the next event to `to` if it is a value not written at all (an
    /// empty plain scalar, marked where the next token starts): errors about `text:` with
    /// nothing after it point at `text`, not at the following line.
    fn mark_unwritten_at(&mut self, to: Marker) -> Result<(), Error> {
        self.peek()?;
        if let Some((Event::Scalar(v, TScalarStyle::Plain, _, None), mark)) = &mut self.peeked {
            if v.is_empty() {
                *mark = to;
            }
        }
        Ok(())
    }

    fn next(&mut self) -> Result<Item, Error> {
        let item = match self.peeked.take() {
            Some(item) => item,
            None => self.pull()?,
        };
        self.last = item.1.into();
        Ok(item)
    }

    /// The first event of the next node, with an alias replaced by its anchor's events.
    fn next_node(&mut self) -> Result<Item, Error> {
        loop {
            let (event, mut mark) = self.next()?;
            if let Event::MappingStart(..) = event {
                // A block mapping's start is marked at its first `:`, after its first key:
                // the mapping starts where that key does.
                let first = self.peek()?.1;
                if first.index() < mark.index() {
                    mark = first;
                }
            }
            let Event::Alias(id) = event else {
                return Ok((event, mark));
            };
            let Some(events) = self.anchors.get(&id).cloned() else {
                return Err(Error::new(
                    ErrorKind::Syntax,
                    "an alias refers to its own anchor (a recursive alias)",
                    mark,
                )
                .with_help(ALIAS_HELP));
            };
            self.replayed += events.len();
            if self.replayed > MAX_REPLAYED {
                return Err(Error::new(
                    ErrorKind::Limit,
                    "repetition limit exceeded: aliases expand to too much data",
                    mark,
                )
                .with_help("aliases expand to too much data (an alias bomb?)"));
            }
            // The peeked event (if any) comes after the alias: replay first.
            debug_assert!(self.peeked.is_none());
            self.replays.push((events, 0, mark));
        }
    }

    /// Skips the rest of a node whose first event was `first`; aliases are not expanded.
    /// Nesting deeper than `room` more levels is refused, as it is where values are read.
    fn skip_rest(&mut self, first: &Event, room: usize) -> Result<(), Error> {
        let mut depth = match first {
            Event::SequenceStart(..) | Event::MappingStart(..) => 1usize,
            _ => return Ok(()),
        };
        while depth > 0 {
            let (event, mark) = self.next()?;
            match event {
                Event::SequenceStart(..) | Event::MappingStart(..) => {
                    depth += 1;
                    if depth > room {
                        return Err(too_deep(mark));
                    }
                }
                Event::SequenceEnd | Event::MappingEnd => depth -= 1,
                Event::StreamEnd => break,
                _ => {}
            }
        }
        Ok(())
    }
}

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
        });
    }
    from_str_scanned(text)
}

/// [`from_str`] for a text already known to hold no NUL byte (`load.rs` scans every map
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

struct YamlDeserializer<'a> {
    events: Events<'a>,
    depth: usize,
}

/// How a scalar reads when no type is asked for.
enum Resolved {
    Null,
    Bool(bool),
    Int(i64),
    UInt(u64),
    Float(f64),
    Str,
}

/// The scanner grows scalars character by character: give back the spare capacity before
/// the string is kept in the map.
fn exact(mut s: String) -> String {
    s.shrink_to_fit();
    s
}

fn is_null(s: &str) -> bool {
    matches!(s, "" | "~" | "null" | "Null" | "NULL")
}

fn parse_bool(s: &str) -> Option<bool> {
    match s {
        "true" | "True" | "TRUE" => Some(true),
        "false" | "False" | "FALSE" => Some(false),
        _ => None,
    }
}

fn parse_int(s: &str) -> Option<Resolved> {
    let (neg, digits) = match s.as_bytes().first()? {
        b'-' => (true, &s[1..]),
        b'+' => (false, &s[1..]),
        _ => (false, s),
    };
    let (radix, digits) = if let Some(h) = digits.strip_prefix("0x") {
        (16, h)
    } else if let Some(o) = digits.strip_prefix("0o") {
        (8, o)
    } else {
        (10, digits)
    };
    if digits.is_empty() || !digits.chars().all(|c| c.is_digit(radix)) {
        return None;
    }
    let magnitude = u64::from_str_radix(digits, radix).ok()?;
    if neg {
        let v = 0i64.checked_sub_unsigned(magnitude)?;
        Some(Resolved::Int(v))
    } else {
        Some(match i64::try_from(magnitude) {
            Ok(v) => Resolved::Int(v),
            Err(_) => Resolved::UInt(magnitude),
        })
    }
}

fn parse_float(s: &str) -> Option<f64> {
    match s {
        ".inf" | ".Inf" | ".INF" | "+.inf" | "+.Inf" | "+.INF" => return Some(f64::INFINITY),
        "-.inf" | "-.Inf" | "-.INF" => return Some(f64::NEG_INFINITY),
        ".nan" | ".NaN" | ".NAN" => return Some(f64::NAN),
        _ => {}
    }
    // [-+]? ( \. [0-9]+ | [0-9]+ ( \. [0-9]* )? ) ( [eE] [-+]? [0-9]+ )?
    let b = s.as_bytes();
    let mut i = usize::from(matches!(b.first(), Some(b'-' | b'+')));
    let int_start = i;
    while b.get(i).is_some_and(u8::is_ascii_digit) {
        i += 1;
    }
    let mut digits = i > int_start;
    if b.get(i) == Some(&b'.') {
        i += 1;
        let frac_start = i;
        while b.get(i).is_some_and(u8::is_ascii_digit) {
            i += 1;
        }
        digits |= i > frac_start;
    }
    if !digits {
        return None;
    }
    if matches!(b.get(i), Some(b'e' | b'E')) {
        i += 1;
        if matches!(b.get(i), Some(b'-' | b'+')) {
            i += 1;
        }
        let exp_start = i;
        while b.get(i).is_some_and(u8::is_ascii_digit) {
            i += 1;
        }
        if i == exp_start {
            return None;
        }
    }
    if i != b.len() {
        return None;
    }
    s.parse().ok()
}

fn tag_name(tag: &Option<Tag>) -> Option<&str> {
    let tag = tag.as_ref()?;
    if tag.handle == "!!" || tag.handle == "tag:yaml.org,2002:" {
        Some(tag.suffix.as_str())
    } else {
        None
    }
}

fn resolve(value: &str, style: TScalarStyle, tag: &Option<Tag>) -> Resolved {
    let plain = style == TScalarStyle::Plain;
    match tag_name(tag) {
        Some("str") => return Resolved::Str,
        Some("null") => return Resolved::Null,
        Some("bool") => return parse_bool(value).map_or(Resolved::Str, Resolved::Bool),
        Some("int") => return parse_int(value).unwrap_or(Resolved::Str),
        Some("float") => return parse_float(value).map_or(Resolved::Str, Resolved::Float),
        _ if !plain => return Resolved::Str,
        _ => {}
    }
    if is_null(value) {
        Resolved::Null
    } else if let Some(b) = parse_bool(value) {
        Resolved::Bool(b)
    } else if let Some(i) = parse_int(value) {
        i
    } else if let Some(f) = parse_float(value) {
        Resolved::Float(f)
    } else {
        Resolved::Str
    }
}

fn unexpected<'v>(value: &'v str, style: TScalarStyle, tag: &Option<Tag>) -> de::Unexpected<'v> {
    match resolve(value, style, tag) {
        Resolved::Null => de::Unexpected::Unit,
        Resolved::Bool(b) => de::Unexpected::Bool(b),
        Resolved::Int(i) => de::Unexpected::Signed(i),
        Resolved::UInt(u) => de::Unexpected::Unsigned(u),
        Resolved::Float(f) => de::Unexpected::Float(f),
        Resolved::Str => de::Unexpected::Str(value),
    }
}

/// The error for an event that does not start a scalar where one was asked for.
fn not_a_scalar<'de, V: Visitor<'de>>(event: &Event, mark: Marker, visitor: &V) -> Error {
    match event {
        Event::MappingStart(..) => de::Error::invalid_type(de::Unexpected::Map, visitor),
        Event::SequenceStart(..) => de::Error::invalid_type(de::Unexpected::Seq, visitor),
        _ => YamlDeserializer::unexpected_event(mark),
    }
}

/// The error for nesting deeper than [`MAX_DEPTH`], where it goes past it.
fn too_deep(mark: Marker) -> Error {
    Error::new(
        ErrorKind::Limit,
        format!("recursion limit exceeded: nested more than {MAX_DEPTH} levels deep"),
        mark,
    )
    .with_help(format!(
        "argmap refuses YAML nested more than {MAX_DEPTH} levels deep"
    ))
}

impl<'a> YamlDeserializer<'a> {
    fn enter(&mut self, mark: Marker) -> Result<(), Error> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return Err(too_deep(mark));
        }
        Ok(())
    }

    /// How many more levels a skipped value may nest.
    fn room(&self) -> usize {
        MAX_DEPTH.saturating_sub(self.depth)
    }

    /// Deserialises a collection whose start event was just taken, then takes its end.
    fn collection<'de, V: Visitor<'de>>(
        &mut self,
        mapping: bool,
        mark: Marker,
        visitor: V,
    ) -> Result<V::Value, Error> {
        self.enter(mark)?;
        let value = if mapping {
            visitor.visit_map(Entries {
                de: self,
                key: None,
            })
        } else {
            visitor.visit_seq(Entries {
                de: self,
                key: None,
            })
        }
        .map_err(|e: Error| e.or_at(mark))?;
        // Whatever the visitor did not read is skipped.
        loop {
            let (event, _) = self.events.next()?;
            match event {
                Event::MappingEnd | Event::SequenceEnd => break,
                Event::StreamEnd => break,
                other => {
                    let room = self.room();
                    self.events.skip_rest(&other, room)?
                }
            }
        }
        self.depth -= 1;
        Ok(value)
    }

    fn unexpected_event(mark: Marker) -> Error {
        Error::new(ErrorKind::Syntax, "unexpected end of a collection", mark)
    }
}

impl<'de> Deserializer<'de> for &mut YamlDeserializer<'_> {
    type Error = Error;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        let (event, mark) = self.events.next_node()?;
        match event {
            Event::Scalar(value, style, _, tag) => {
                let r = match resolve(&value, style, &tag) {
                    Resolved::Null => visitor.visit_unit(),
                    Resolved::Bool(b) => visitor.visit_bool(b),
                    Resolved::Int(i) => visitor.visit_i64(i),
                    Resolved::UInt(u) => visitor.visit_u64(u),
                    Resolved::Float(f) => visitor.visit_f64(f),
                    Resolved::Str => visitor.visit_string(exact(value)),
                };
                r.map_err(|e: Error| e.or_at(mark))
            }
            Event::MappingStart(..) => self.collection(true, mark, visitor),
            Event::SequenceStart(..) => self.collection(false, mark, visitor),
            _ => Err(YamlDeserializer::unexpected_event(mark)),
        }
    }

    fn deserialize_str<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.deserialize_string(visitor)
    }

    fn deserialize_string<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        let (event, mark) = self.events.next_node()?;
        match event {
            Event::Scalar(value, ..) => visitor.visit_string(exact(value)),
            other => Err(not_a_scalar(&other, mark, &visitor)),
        }
        .map_err(|e: Error| e.or_at(mark))
    }

    fn deserialize_bool<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        let (event, mark) = self.events.next_node()?;
        match event {
            Event::Scalar(value, style, _, tag) => match resolve(&value, style, &tag) {
                Resolved::Bool(b) => visitor.visit_bool(b),
                _ => Err(de::Error::invalid_type(
                    unexpected(&value, style, &tag),
                    &visitor,
                )),
            },
            other => Err(not_a_scalar(&other, mark, &visitor)),
        }
        .map_err(|e: Error| e.or_at(mark))
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        let null = match &self.events.peek()?.0 {
            Event::Scalar(v, style, _, tag) => is_null_scalar(v, *style, tag),
            _ => false,
        };
        if null {
            let (_, mark) = self.events.next()?;
            visitor.visit_none().map_err(|e: Error| e.or_at(mark))
        } else {
            visitor.visit_some(self)
        }
    }

    fn deserialize_ignored_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        // Skipped without expanding aliases: an alias bomb in an unknown field costs nothing.
        let (event, mark) = self.events.next()?;
        if matches!(
            event,
            Event::MappingEnd | Event::SequenceEnd | Event::StreamEnd
        ) {
            return Err(YamlDeserializer::unexpected_event(mark));
        }
        let room = self.room();
        self.events.skip_rest(&event, room)?;
        visitor.visit_unit()
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        name: &'static str,
        visitor: V,
    ) -> Result<V::Value, Error> {
        if name == RAW_TEXT || name == RAW_KEY {
            let null_as_text = name == RAW_KEY;
            return visitor.visit_newtype_struct(RawText {
                de: self,
                null_as_text,
            });
        }
        visitor.visit_newtype_struct(self)
    }

    serde::forward_to_deserialize_any! {
        i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char bytes byte_buf unit unit_struct
        seq tuple tuple_struct map struct enum identifier
    }
}

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

/// Whether a scalar is null by the core schema (or its `!!null` tag).
fn is_null_scalar(value: &str, style: TScalarStyle, tag: &Option<Tag>) -> bool {
    // As `resolve` decides, without trying numbers first.
    match tag_name(tag) {
        Some("null") => true,
        Some("str" | "bool" | "int" | "float") => false,
        _ => style == TScalarStyle::Plain && is_null(value),
    }
}

/// The deserializer handed to a [`RAW_TEXT`] newtype's visitor: the next node, with its
/// scalar (if it is one) given as written.
struct RawText<'b, 'a> {
    de: &'b mut YamlDeserializer<'a>,
    null_as_text: bool,
}

impl<'de> Deserializer<'de> for RawText<'_, '_> {
    type Error = Error;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        let (event, mark) = self.de.events.next_node()?;
        match event {
            Event::Scalar(value, style, _, tag) => {
                if !self.null_as_text && is_null_scalar(&value, style, &tag) {
                    visitor.visit_unit()
                } else {
                    visitor.visit_string(exact(value))
                }
                .map_err(|e: Error| e.or_at(mark))
            }
            Event::MappingStart(..) => self.de.collection(true, mark, visitor),
            Event::SequenceStart(..) => self.de.collection(false, mark, visitor),
            _ => Err(YamlDeserializer::unexpected_event(mark)),
        }
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string bytes byte_buf
        option unit unit_struct newtype_struct seq tuple tuple_struct map struct enum
        identifier ignored_any
    }
}

/// Entries of a mapping or items of a sequence.
struct Entries<'b, 'a> {
    de: &'b mut YamlDeserializer<'a>,
    /// Where the last key read starts.
    key: Option<Marker>,
}

impl Entries<'_, '_> {
    fn at_end(&mut self) -> Result<bool, Error> {
        Ok(matches!(
            self.de.events.peek()?.0,
            Event::MappingEnd | Event::SequenceEnd | Event::StreamEnd
        ))
    }
}

impl<'de> MapAccess<'de> for Entries<'_, '_> {
    type Error = Error;

    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, Error> {
        if self.at_end()? {
            return Ok(None);
        }
        self.key = Some(self.de.events.peek()?.1);
        seed.deserialize(&mut *self.de).map(Some)
    }

    fn next_value_seed<S: DeserializeSeed<'de>>(&mut self, seed: S) -> Result<S::Value, Error> {
        if let Some(key) = self.key.take() {
            self.de.events.mark_unwritten_at(key)?;
        }
        seed.deserialize(&mut *self.de)
    }
}

impl<'de> SeqAccess<'de> for Entries<'_, '_> {
    type Error = Error;

    fn next_element_seed<S: DeserializeSeed<'de>>(
        &mut self,
        seed: S,
    ) -> Result<Option<S::Value>, Error> {
        if self.at_end()? {
            return Ok(None);
        }
        seed.deserialize(&mut *self.de).map(Some)
    }
}

/// The value of a stream without documents: null.
struct NullDeserializer(Position);

impl<'de> Deserializer<'de> for NullDeserializer {
    type Error = Error;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        visitor.visit_unit().map_err(|e: Error| e.or_at(self.0))
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string bytes byte_buf
        option unit unit_struct newtype_struct seq tuple tuple_struct map struct enum
        identifier ignored_any
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Deserialize;
    use std::collections::BTreeMap;

    #[derive(Clone, Debug, PartialEq, Deserialize)]
    #[serde(untagged)]
    enum V {
        Null,
        Bool(bool),
        Int(i64),
        Float(f64),
        Str(String),
        List(Vec<V>),
        Map(BTreeMap<String, V>),
    }

    fn v(text: &str) -> V {
        from_str(text).expect(text)
    }

    #[test]
    fn plain_scalars_resolve_by_the_core_schema() {
        assert_eq!(v("~"), V::Null);
        assert_eq!(v("null"), V::Null);
        assert_eq!(v("True"), V::Bool(true));
        assert_eq!(v("1917"), V::Int(1917));
        assert_eq!(v("-0x10"), V::Int(-16));
        assert_eq!(v("0o17"), V::Int(15));
        assert_eq!(v("12.50"), V::Float(12.5));
        assert_eq!(v("1e3"), V::Float(1000.0));
        assert_eq!(v(".inf"), V::Float(f64::INFINITY));
        assert_eq!(v("yes"), V::Str("yes".into()));
        assert_eq!(v("1905-06"), V::Str("1905-06".into()));
        assert_eq!(v("'1917'"), V::Str("1917".into()));
        assert_eq!(v("!!str 1917"), V::Str("1917".into()));
        assert_eq!(v("\"true\""), V::Str("true".into()));
    }

    #[test]
    fn null_is_decided_as_resolve_decides() {
        let styles = [TScalarStyle::Plain, TScalarStyle::SingleQuoted];
        let tags = [None, Some("null"), Some("str"), Some("int"), Some("binary")];
        for value in ["", "~", "null", "NULL", "nil", "0", "true"] {
            for style in styles {
                for suffix in tags {
                    let tag = suffix.map(|s| Tag {
                        handle: "!!".into(),
                        suffix: s.into(),
                    });
                    assert_eq!(
                        is_null_scalar(value, style, &tag),
                        matches!(resolve(value, style, &tag), Resolved::Null),
                        "{value:?} {style:?} {suffix:?}"
                    );
                }
            }
        }
    }

    #[test]
    fn collections_and_aliases() {
        let got = v("a: &x [1, two]\nb: *x\nc: {d: ~}\n");
        let list = V::List(vec![V::Int(1), V::Str("two".into())]);
        let mut m = BTreeMap::new();
        m.insert("a".to_string(), list.clone());
        m.insert("b".to_string(), list);
        let mut c = BTreeMap::new();
        c.insert("d".to_string(), V::Null);
        m.insert("c".to_string(), V::Map(c));
        assert_eq!(got, V::Map(m));
    }

    #[test]
    fn a_wrong_type_is_located_at_the_value() {
        let e = from_str::<BTreeMap<String, bool>>("a: true\nb: maybe\n").unwrap_err();
        assert_eq!(e.kind, ErrorKind::Schema);
        assert_eq!(e.position, Some(Position { line: 2, column: 4 }));
        assert!(e.message.contains("invalid type: string \"maybe\""), "{e}");
    }

    #[test]
    fn syntax_errors_are_located() {
        let e = from_str::<V>("a: b: c\n").unwrap_err();
        assert_eq!(e.kind, ErrorKind::Syntax);
        assert_eq!(e.position.map(|p| p.line), Some(1));
    }

    #[test]
    fn alias_bombs_stop_at_the_limit() {
        let mut y = String::from("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
        for i in 1..12 {
            let p = i - 1;
            y.push_str(&format!(
                "a{i}: &a{i} [*a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}]\n"
            ));
        }
        let e = from_str::<V>(&y).unwrap_err();
        assert_eq!(e.kind, ErrorKind::Limit);
        // Skipped values do not expand their aliases at all.
        #[derive(Deserialize)]
        struct Nothing {}
        assert!(from_str::<Nothing>(&y).is_ok());
    }

    #[test]
    fn deep_nesting_is_refused_without_overflowing() {
        let y = format!("{}x", "- ".repeat(10_000));
        let e = from_str::<V>(&y).unwrap_err();
        assert_eq!(e.kind, ErrorKind::Limit);
    }

    #[test]
    fn more_than_one_document_is_refused() {
        let e = from_str::<V>("a: 1\n---\nb: 2\n").unwrap_err();
        assert!(e.message.contains("more than one YAML document"));
        assert_eq!(e.position.map(|p| p.line), Some(2));
    }

    #[test]
    fn a_nul_byte_is_refused_where_it_is() {
        let e = from_str::<V>("a: 1\rb: [x,\r\n  y\0]\n").unwrap_err();
        assert_eq!(e.kind, ErrorKind::Syntax);
        assert_eq!(e.position, Some(Position { line: 3, column: 4 }));
        assert!(e.message.contains("NUL byte (U+0000)"), "{e}");
    }

    #[test]
    fn raw_text_keeps_plain_scalars_as_written() {
        struct Raw(Option<String>);
        impl<'de> de::Deserialize<'de> for Raw {
            fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Raw, D::Error> {
                struct W;
                impl<'de> Visitor<'de> for W {
                    type Value = Raw;
                    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                        f.write_str("text")
                    }
                    fn visit_newtype_struct<D: Deserializer<'de>>(
                        self,
                        d: D,
                    ) -> Result<Raw, D::Error> {
                        d.deserialize_any(W)
                    }
                    fn visit_str<E: de::Error>(self, v: &str) -> Result<Raw, E> {
                        Ok(Raw(Some(v.to_string())))
                    }
                    fn visit_unit<E: de::Error>(self) -> Result<Raw, E> {
                        Ok(Raw(None))
                    }
                }
                d.deserialize_newtype_struct(RAW_TEXT, W)
            }
        }
        for s in [
            "1.10", "0x7CF", "007", "1e3", ".inf", "true", "-0", "!!int 12",
        ] {
            let want = s.trim_start_matches("!!int ");
            assert_eq!(from_str::<Raw>(s).expect(s).0.as_deref(), Some(want), "{s}");
        }
        for s in ["~", "null", "", "!!null x"] {
            assert_eq!(from_str::<Raw>(s).expect(s).0, None, "{s}");
        }
    }

    #[test]
    fn an_empty_stream_is_null() {
        assert_eq!(v("# only a comment\n"), V::Null);
    }
}
