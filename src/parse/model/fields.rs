//! Reading a mapping's fields: scalars as the author wrote them, optional and repeated
//! fields, unknown keys recorded, and the visitor every hand-written struct shares.

use serde::de::{self, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde::Deserialize;
use std::fmt;

use super::FieldProblem;
use crate::parse::deserializer::{RAW_KEY, RAW_TEXT};

/// Reads the next node with `visitor`, its scalar (if it is one) given as the text the
/// author wrote: with argmap's deserializer a plain `1.10` is the string `1.10`, not the
/// number 1.1 (see [`RAW_TEXT`]). Other deserializers resolve the scalar as they do.
pub(super) fn raw_text<'de, D: Deserializer<'de>, V: Visitor<'de>>(
    d: D,
    visitor: V,
) -> Result<V::Value, D::Error> {
    raw(d, RAW_TEXT, visitor)
}

pub(super) fn raw<'de, D: Deserializer<'de>, V: Visitor<'de>>(
    d: D,
    name: &'static str,
    visitor: V,
) -> Result<V::Value, D::Error> {
    struct Raw<V>(V);
    impl<'de, V: Visitor<'de>> Visitor<'de> for Raw<V> {
        type Value = V::Value;
        fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
            self.0.expecting(f)
        }
        fn visit_newtype_struct<D: Deserializer<'de>>(self, d: D) -> Result<V::Value, D::Error> {
            d.deserialize_any(self.0)
        }
    }
    d.deserialize_newtype_struct(name, Raw(visitor))
}

/// A scalar read as text, exactly as written: `129`, `"129"`, `1.10`, `007` and `true`
/// all give the characters between their delimiters; a null (`~`, nothing) gives the
/// empty string.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct ScalarString(pub String);

impl<'de> Deserialize<'de> for ScalarString {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        scalar_string(d, RAW_TEXT)
    }
}

/// A mapping key read as text, exactly as written, a null one too: `~:` is the key `~`
/// (and the empty key is `""`), so that messages name it and can locate it.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct KeyString(pub String);

impl<'de> Deserialize<'de> for KeyString {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        scalar_string(d, RAW_KEY).map(|s| KeyString(s.0))
    }
}

pub(super) fn scalar_string<'de, D: Deserializer<'de>>(
    d: D,
    name: &'static str,
) -> Result<ScalarString, D::Error> {
    {
        struct V;
        impl Visitor<'_> for V {
            type Value = ScalarString;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a string or a number")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<ScalarString, E> {
                Ok(ScalarString(v.to_string()))
            }
            fn visit_string<E: de::Error>(self, v: String) -> Result<ScalarString, E> {
                Ok(ScalarString(v))
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<ScalarString, E> {
                Ok(ScalarString(v.to_string()))
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<ScalarString, E> {
                Ok(ScalarString(v.to_string()))
            }
            fn visit_f64<E: de::Error>(self, v: f64) -> Result<ScalarString, E> {
                Ok(ScalarString(v.to_string()))
            }
            fn visit_bool<E: de::Error>(self, v: bool) -> Result<ScalarString, E> {
                Ok(ScalarString(v.to_string()))
            }
            fn visit_unit<E: de::Error>(self) -> Result<ScalarString, E> {
                Ok(ScalarString(String::new()))
            }
        }
        raw(d, name, V)
    }
}

/// Records `value` into `slot`, or a duplicate-field problem when it is already set.
pub(super) fn set<T>(slot: &mut Option<T>, value: T, key: &str, problems: &mut Vec<FieldProblem>) {
    if slot.is_some() {
        let occurrence = 1 + problems
            .iter()
            .filter(|p| matches!(p, FieldProblem::Duplicate { key: k, .. } if k == key))
            .count();
        problems.push(FieldProblem::Duplicate {
            key: key.to_string(),
            occurrence,
        });
    } else {
        *slot = Some(value);
    }
}

/// Records an optional text: a null value (`title: ~`, or nothing) is no value, though it
/// still repeats a field that was given.
pub(super) fn set_opt<T>(
    slot: &mut Option<T>,
    value: Option<T>,
    key: &str,
    problems: &mut Vec<FieldProblem>,
) {
    match value {
        Some(v) => set(slot, v, key, problems),
        None if slot.is_some() => set(&mut Some(()), (), key, problems),
        None => {}
    }
}

/// An optional text field's value: `None` for a null.
pub(super) fn opt_text<'de, A: MapAccess<'de>>(m: &mut A) -> Result<Option<String>, A::Error> {
    Ok(m.next_value::<Option<ScalarString>>()?.map(|s| s.0))
}

/// Reads the fields of a mapping with a per-key closure; unknown keys are skipped and
/// recorded. Used by every hand-written struct visitor below.
pub(super) fn read_fields<'de, A: MapAccess<'de>>(
    mut m: A,
    known: &[&str],
    problems: &mut Vec<FieldProblem>,
    mut field: impl FnMut(&str, &mut A, &mut Vec<FieldProblem>) -> Result<(), A::Error>,
) -> Result<(), A::Error> {
    while let Some(key) = m.next_key::<KeyString>()? {
        let key = key.0;
        if known.contains(&key.as_str()) {
            field(&key, &mut m, problems)?;
        } else {
            m.next_value::<IgnoredAny>()?;
            problems.push(FieldProblem::Unknown(key));
        }
    }
    Ok(())
}

macro_rules! struct_visitor {
    ($ty:ident, $name:expr, $fields:expr, |$key:ident, $m:ident, $out:ident, $p:ident| $body:block) => {
        impl<'de> Deserialize<'de> for $ty {
            fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                struct V;
                impl<'de> Visitor<'de> for V {
                    type Value = $ty;
                    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                        f.write_str($name)
                    }
                    /// A null value (`T1:` with nothing after it) is an empty mapping,
                    /// as serde_yaml reads it: the checks then say what it lacks.
                    fn visit_unit<E: de::Error>(self) -> Result<$ty, E> {
                        Ok($ty::default())
                    }
                    fn visit_map<A: MapAccess<'de>>(self, m: A) -> Result<$ty, A::Error> {
                        let mut $out = $ty::default();
                        let mut problems = Vec::new();
                        read_fields(m, $fields, &mut problems, |$key, $m, $p| $body)?;
                        $out.set_problems(problems);
                        Ok($out)
                    }
                }
                d.deserialize_map(V)
            }
        }
    };
}
pub(super) use struct_visitor;

/// A list; a null value (`supports:` with nothing after it) is an empty list.
pub(super) struct IdList<T>(pub(super) Vec<T>);

impl<'de, T: Deserialize<'de>> Deserialize<'de> for IdList<T> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V<T>(std::marker::PhantomData<T>);
        impl<'de, T: Deserialize<'de>> Visitor<'de> for V<T> {
            type Value = IdList<T>;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str(super::EXPECTING_LIST)
            }
            fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
                Ok(IdList(Vec::new()))
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut s: A) -> Result<Self::Value, A::Error> {
                let mut v = Vec::with_capacity(s.size_hint().unwrap_or(0).min(64));
                while let Some(x) = s.next_element()? {
                    v.push(x);
                }
                // Most lists hold one or two ids: no spare capacity kept per node.
                v.shrink_to_fit();
                Ok(IdList(v))
            }
        }
        // A scalar where a list belongs is named as written in the error (`"007"`).
        raw_text(d, V(std::marker::PhantomData))
    }
}

/// A boolean (`thesis: true`), read as `bool` is, through a visitor whose expectation is
/// [`super::EXPECTING_BOOL`].
pub(super) struct Bool(pub(super) bool);

impl<'de> Deserialize<'de> for Bool {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl Visitor<'_> for V {
            type Value = Bool;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str(super::EXPECTING_BOOL)
            }
            fn visit_bool<E: de::Error>(self, v: bool) -> Result<Bool, E> {
                Ok(Bool(v))
            }
        }
        d.deserialize_bool(V)
    }
}
