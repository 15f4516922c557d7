//! How a scalar reads when no type is asked for: the YAML 1.2 core schema, and the
//! tags that override it.

use serde::de;
use yaml_rust2::parser::Tag;
use yaml_rust2::scanner::TScalarStyle;

/// How a scalar reads when no type is asked for.
pub(super) enum Resolved {
    Null,
    Bool(bool),
    Int(i64),
    UInt(u64),
    Float(f64),
    Str,
}

/// The scanner grows scalars character by character: give back the spare capacity before
/// the string is kept in the map.
pub(super) fn exact(mut s: String) -> String {
    s.shrink_to_fit();
    s
}

pub(super) fn is_null(s: &str) -> bool {
    matches!(s, "" | "~" | "null" | "Null" | "NULL")
}

pub(super) fn parse_bool(s: &str) -> Option<bool> {
    match s {
        "true" | "True" | "TRUE" => Some(true),
        "false" | "False" | "FALSE" => Some(false),
        _ => None,
    }
}

pub(super) fn parse_int(s: &str) -> Option<Resolved> {
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

pub(super) fn parse_float(s: &str) -> Option<f64> {
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

pub(super) fn tag_name(tag: &Option<Tag>) -> Option<&str> {
    let tag = tag.as_ref()?;
    if tag.handle == "!!" || tag.handle == "tag:yaml.org,2002:" {
        Some(tag.suffix.as_str())
    } else {
        None
    }
}

pub(super) fn resolve(value: &str, style: TScalarStyle, tag: &Option<Tag>) -> Resolved {
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

pub(super) fn unexpected<'v>(
    value: &'v str,
    style: TScalarStyle,
    tag: &Option<Tag>,
) -> de::Unexpected<'v> {
    match resolve(value, style, tag) {
        Resolved::Null => de::Unexpected::Unit,
        Resolved::Bool(b) => de::Unexpected::Bool(b),
        Resolved::Int(i) => de::Unexpected::Signed(i),
        Resolved::UInt(u) => de::Unexpected::Unsigned(u),
        Resolved::Float(f) => de::Unexpected::Float(f),
        Resolved::Str => de::Unexpected::Str(value),
    }
}

/// Whether a scalar is null by the core schema (or its `!!null` tag).
pub(super) fn is_null_scalar(value: &str, style: TScalarStyle, tag: &Option<Tag>) -> bool {
    // As `resolve` decides, without trying numbers first.
    match tag_name(tag) {
        Some("null") => true,
        Some("str" | "bool" | "int" | "float") => false,
        _ => style == TScalarStyle::Plain && is_null(value),
    }
}
