//! The serde `Deserializer` over [`Events`]: scalars, collections, options, the
//! raw-text newtypes, and mapping and sequence access.

use super::error::{Error, ErrorKind};
use super::events::{too_deep, Events};
use super::scalar::{exact, is_null_scalar, resolve, unexpected, Resolved};
use super::{MAX_DEPTH, RAW_KEY, RAW_TEXT};
use crate::diagnostic::Position;
use serde::de::{self, DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};
use yaml_rust2::parser::Event;
use yaml_rust2::scanner::Marker;

pub(super) struct YamlDeserializer<'a> {
    pub(super) events: Events<'a>,
    pub(super) depth: usize,
}

/// The error for an event that does not start a scalar where one was asked for.
fn not_a_scalar<'de, V: Visitor<'de>>(event: &Event, mark: Marker, visitor: &V) -> Error {
    match event {
        Event::MappingStart(..) => de::Error::invalid_type(de::Unexpected::Map, visitor),
        Event::SequenceStart(..) => de::Error::invalid_type(de::Unexpected::Seq, visitor),
        _ => YamlDeserializer::unexpected_event(mark),
    }
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
pub(super) struct NullDeserializer(pub(super) Position);

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
