use super::scalar::{is_null_scalar, resolve, Resolved};
use super::*;
use serde::de::{Deserializer, Visitor};
use serde::Deserialize;
use std::collections::BTreeMap;
use std::fmt;
use yaml_rust2::parser::Tag;
use yaml_rust2::scanner::TScalarStyle;

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
                fn visit_newtype_struct<D: Deserializer<'de>>(self, d: D) -> Result<Raw, D::Error> {
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
