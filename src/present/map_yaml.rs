//! Writing a map as YAML (`argmap import`).
//!
//! Written here rather than by serde_yaml, whose emitter (libyaml's) treats U+0085,
//! U+2028 and U+2029 as line breaks: it writes them raw and indents after them, so a
//! YAML 1.2 reader (argmap's) reads the indentation into the text. Every scalar is
//! written plain when that is unambiguous (it reads back as the same string in YAML 1.1
//! and 1.2 alike), else double-quoted with every character that is not plainly printable
//! escaped (`\n`, `\t`, `\u2028`, `\x1b`...), so each text reads back byte for byte.

use crate::aif::map_out::{CiteOut, GroupOut, MapOut, NodeOut, SchemeOut, SourceOut};
use indexmap::IndexMap;
use std::fmt::Write;

/// The YAML text of `map`, after a comment naming where it came from.
pub fn render(map: &MapOut, origin: &str) -> String {
    let origin: String = origin
        .chars()
        .map(|c| if c.is_control() || breaks(c) { ' ' } else { c })
        .collect();
    let mut out = format!("# Imported by argmap from {origin}\n");
    field(&mut out, 0, "id", &map.id);
    if let Some(t) = &map.title {
        field(&mut out, 0, "title", t);
    }
    if let Some(s) = &map.source {
        field(&mut out, 0, "source", s);
    }
    if !map.sources.is_empty() {
        out.push_str("sources:\n");
        for (id, s) in &map.sources {
            source(&mut out, id, s);
        }
    }
    if let Some(groups) = &map.groups {
        out.push_str(if groups.is_empty() {
            "groups: {}\n"
        } else {
            "groups:\n"
        });
        for (id, g) in groups {
            group(&mut out, id, g);
        }
    }
    section(&mut out, "claims", &map.claims, true);
    section(&mut out, "evidence", &map.evidence, false);
    section(&mut out, "rebuttals", &map.rebuttals, false);
    schemes(&mut out, &map.schemes);
    out
}

fn section(out: &mut String, key: &str, nodes: &IndexMap<String, NodeOut>, always: bool) {
    if nodes.is_empty() {
        if always {
            let _ = writeln!(out, "{key}: {{}}");
        }
        return;
    }
    let _ = writeln!(out, "{key}:");
    for (id, n) in nodes {
        let _ = writeln!(out, "  {}:", scalar(id));
        field(out, 4, "text", &n.text);
        for (k, v) in [("quote", &n.quote), ("by", &n.by), ("note", &n.note)] {
            if let Some(v) = v {
                field(out, 4, k, v);
            }
        }
        if let Some(t) = n.thesis {
            let _ = writeln!(out, "    thesis: {t}");
        }
        for (k, list) in [
            ("supports", &n.supports),
            ("attacks", &n.attacks),
            ("undercuts", &n.undercuts),
            ("with", &n.with),
        ] {
            list_field(out, k, list);
        }
        if !n.cites.is_empty() {
            out.push_str("    cites:\n");
            for c in &n.cites {
                match c {
                    CiteOut::Short(s) => {
                        let _ = writeln!(out, "    - {}", scalar(s));
                    }
                    CiteOut::Long {
                        source,
                        at,
                        footnote,
                    } => {
                        let _ = writeln!(out, "    - source: {}", scalar(source));
                        for (k, v) in [("at", at), ("footnote", footnote)] {
                            if let Some(v) = v {
                                field(out, 6, k, v);
                            }
                        }
                    }
                }
            }
        }
        list_field(out, "same_as", &n.same_as);
        list_field(out, "contradicts", &n.contradicts);
        if let Some(i) = n.implicit {
            let _ = writeln!(out, "    implicit: {i}");
        }
        for (k, v) in [("scheme", &n.scheme), ("answers", &n.answers)] {
            if let Some(v) = v {
                field(out, 4, k, v);
            }
        }
        if let Some(g) = &n.group {
            field(out, 4, "group", g);
        }
    }
}

fn schemes(out: &mut String, schemes: &IndexMap<String, SchemeOut>) {
    if schemes.is_empty() {
        return;
    }
    out.push_str("schemes:\n");
    for (key, s) in schemes {
        match s {
            SchemeOut::Link(id) => field(out, 2, &scalar(key), id),
            SchemeOut::Define {
                title,
                premises,
                conclusion,
                questions,
            } => {
                let _ = writeln!(out, "  {}:", scalar(key));
                if let Some(t) = title {
                    field(out, 4, "title", t);
                }
                if !premises.is_empty() {
                    out.push_str("    premises:\n");
                    for p in premises {
                        let _ = writeln!(out, "    - {}", scalar(p));
                    }
                }
                if let Some(c) = conclusion {
                    field(out, 4, "conclusion", c);
                }
                if !questions.is_empty() {
                    out.push_str("    questions:\n");
                    for (q, t) in questions {
                        field(out, 6, &scalar(q), t);
                    }
                }
            }
        }
    }
}

/// A group entry: its fields as written (`title`, `in`, `note`).
fn group(out: &mut String, id: &str, g: &GroupOut) {
    let fields = g.fields();
    let empty = fields.iter().all(|(_, v)| v.is_none());
    let _ = writeln!(out, "  {}:{}", scalar(id), if empty { " {}" } else { "" });
    for (k, v) in fields {
        if let Some(v) = v {
            field(out, 4, k, v);
        }
    }
}

fn source(out: &mut String, id: &str, s: &SourceOut) {
    let fields = s.fields();
    // An entry with no field is not a valid source (it needs a title or a note), but it
    // is written as it was.
    let empty = fields.iter().all(|(_, v)| v.is_none());
    let _ = writeln!(out, "  {}:{}", scalar(id), if empty { " {}" } else { "" });
    for (k, v) in fields {
        if let Some(v) = v {
            field(out, 4, k, v);
        }
    }
}

fn field(out: &mut String, indent: usize, key: &str, value: &str) {
    let _ = writeln!(out, "{:indent$}{key}: {}", "", scalar(value));
}

fn list_field(out: &mut String, key: &str, list: &[String]) {
    if list.is_empty() {
        return;
    }
    let _ = writeln!(out, "    {key}:");
    for v in list {
        let _ = writeln!(out, "    - {}", scalar(v));
    }
}

/// A line break for some YAML reader (YAML 1.1 counts the Unicode ones).
fn breaks(c: char) -> bool {
    matches!(c, '\n' | '\r' | '\u{85}' | '\u{2028}' | '\u{2029}')
}

/// A character written as itself inside a quoted scalar: printable, no line break, no
/// byte-order mark, nothing a reader might fold or drop.
fn printable(c: char) -> bool {
    !(c.is_control() || breaks(c) || c == '\u{feff}' || ('\u{fff0}'..='\u{ffff}').contains(&c))
}

/// `s` as a YAML scalar that reads back as exactly `s`, as a string.
pub fn scalar(s: &str) -> String {
    if plain_safe(s) {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            '\0' => out.push_str("\\0"),
            c if printable(c) => out.push(c),
            c if (c as u32) <= 0xff => {
                let _ = write!(out, "\\x{:02x}", c as u32);
            }
            c if (c as u32) <= 0xffff => {
                let _ = write!(out, "\\u{:04x}", c as u32);
            }
            c => {
                let _ = write!(out, "\\U{:08x}", c as u32);
            }
        }
    }
    out.push('"');
    out
}

/// Whether `s` can be written as a plain scalar: it starts with a letter (or a
/// character that cannot start a YAML indicator or a number), has no leading or trailing
/// space, nothing but printable characters and spaces, no `: ` or ` #`, and is not a
/// word some YAML reader takes for a boolean or null.
fn plain_safe(s: &str) -> bool {
    let Some(first) = s.chars().next() else {
        return false;
    };
    let starts_well = first.is_alphabetic() || (!first.is_ascii() && printable(first));
    starts_well
        && !s.ends_with(' ')
        && !s.ends_with(':')
        && s.chars()
            .all(|c| c == ' ' || (printable(c) && !c.is_whitespace()))
        && !s.contains(": ")
        && !s.contains(" #")
        && !matches!(
            s.to_ascii_lowercase().as_str(),
            "true" | "false" | "null" | "yes" | "no" | "on" | "off" | "y" | "n"
        )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_only_when_unambiguous() {
        for s in [
            "Lenin, in 1917, agreed.",
            "I2 -> I1",
            "m:T1",
            "Ärger",
            "a-b_c",
        ] {
            assert_eq!(scalar(s), s);
        }
        for s in [
            "", "007", "1e3", "1.10", "0x7CF", "true", "No", "~", "- a", "a: b", "a #b", "a ",
            " a", "'a'", "\"a\"", "[a]", "{a}", "*a", "&a", "!a", "%a", "@a", "`a", "|a", ">a",
            "#a", "?a", ",a", "a:", "a\tb", "a\u{a0}b",
        ] {
            assert!(scalar(s).starts_with('"'), "{s:?}: {}", scalar(s));
        }
    }

    #[test]
    fn escapes_what_is_not_printable() {
        assert_eq!(
            scalar("a\u{2028}b\u{2029}c\u{85}d\te\n\"\\\u{1b}\u{feff}😀"),
            "\"a\\u2028b\\u2029c\\x85d\\te\\n\\\"\\\\\\x1b\\ufeff😀\""
        );
    }

    #[test]
    fn every_scalar_reads_back_as_the_same_string() {
        for s in [
            "a\u{2028}",
            "x\n\u{2028}b",
            "a\nb\u{2029}",
            "a\r\nb",
            " lead",
            "trail ",
            "a\u{0}b",
            "\u{7f}\u{9f}\u{10ffff}",
            "007",
            "null",
        ] {
            let yaml = format!("k: {}\n", scalar(s));
            let v: std::collections::BTreeMap<String, String> =
                serde_yaml::from_str(&yaml).expect("YAML");
            assert_eq!(v["k"], s, "{yaml}");
        }
    }
}
