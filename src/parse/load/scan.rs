//! The pass over a map's text before it is parsed: what yaml-rust2 would get wrong.

use crate::diagnostic::{Diagnostic, Position, Rule, Target};

/// The deepest bracket nesting argmap parses. YAML parsers check every open flow
/// collection at every token, so deep flow nesting costs quadratic time; the serde layer
/// refuses more than 128 levels anyway.
pub(crate) const MAX_FLOW_DEPTH: usize = 1000;

/// Whether YAML allows `c` in a stream (the `c-printable` set of YAML 1.2): tab, line
/// feed, carriage return, and every character but the other C0 and C1 controls, DEL,
/// and U+FFFE / U+FFFF. The others can only be written as escapes in a double-quoted
/// string (`"\0"`, `"\x07"`). The tests check the reader against it.
#[cfg(test)]
fn is_yaml_printable(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r' | '\u{85}')
        || !(c.is_control() || c == '\u{fffe}' || c == '\u{ffff}')
}

/// The name of a character YAML forbids, for a message: `a NUL byte (U+0000)`.
fn forbidden_name(c: char) -> String {
    match c {
        '\0' => "a NUL byte (U+0000)".to_string(),
        '\u{7f}' => "a DEL character (U+007F)".to_string(),
        '\u{fffe}' | '\u{ffff}' => format!("the noncharacter U+{:04X}", u32::from(c)),
        _ => format!("a control character (U+{:04X})", u32::from(c)),
    }
}

/// The bytes [`scan`] looks at: line breaks, brackets, controls, and the lead bytes of
/// the forbidden characters outside ASCII. Every other byte is passed over.
const NOTABLE: [bool; 256] = {
    let mut t = [false; 256];
    let mut i = 0;
    while i < 256 {
        t[i] = i < 0x20 || matches!(i, 0x5b | 0x5d | 0x7b | 0x7d | 0x7f | 0xc2 | 0xef);
        i += 1;
    }
    t
};

/// One linear pass over the text before it is parsed, for what yaml-rust2 would get
/// wrong: a character YAML forbids (yaml-rust2 takes a NUL for the end of the text and
/// silently ignores the rest), and brackets opened more than [`MAX_FLOW_DEPTH`] deep
/// (counted over the whole text; brackets inside strings count too, which can only
/// overestimate the depth). Lines end at `\n`, `\r\n` or a lone `\r`, as in YAML.
pub(super) fn scan(text: &str) -> Option<Diagnostic> {
    // Bytes, not characters: this runs over every map, and a forbidden character is
    // either an ASCII byte or starts with 0xC2 (C1 controls) or 0xEF 0xBF (U+FFFE/F).
    let b = text.as_bytes();
    let mut depth = 0usize;
    let (mut line, mut line_start) = (1, 0);
    let at = |line: usize, line_start: usize, i: usize| Position {
        line,
        column: text[line_start..i].chars().count() + 1,
    };
    for (i, &c) in b.iter().enumerate() {
        if !NOTABLE[usize::from(c)] {
            continue;
        }
        let forbidden = match c {
            b'\n' => {
                if i == 0 || b[i - 1] != b'\r' {
                    line += 1;
                }
                line_start = i + 1;
                false
            }
            b'\r' => {
                line += 1;
                line_start = i + 1;
                false
            }
            b'[' | b'{' => {
                depth += 1;
                if depth > MAX_FLOW_DEPTH {
                    return Some(
                        Diagnostic::new(
                            Rule::YamlSyntax,
                            Target::file(),
                            format!("brackets nested more than {MAX_FLOW_DEPTH} levels deep"),
                        )
                        .with_help(
                            "a map never needs such nesting; argmap refuses it rather than parse it slowly",
                        )
                        .at(at(line, line_start, i)),
                    );
                }
                false
            }
            b']' | b'}' => {
                depth = depth.saturating_sub(1);
                false
            }
            b'\t' => false,
            0..=0x1f | 0x7f => true,
            0xc2 => matches!(b.get(i + 1), Some(0x80..=0x84 | 0x86..=0x9f)),
            0xef => b.get(i + 1) == Some(&0xbf) && matches!(b.get(i + 2), Some(0xbe | 0xbf)),
            _ => false,
        };
        if forbidden {
            let ch = text[i..].chars().next().unwrap_or('\0');
            return Some(
                Diagnostic::new(
                    Rule::YamlSyntax,
                    Target::file(),
                    format!(
                        "{} in the text: YAML does not allow it in a file",
                        forbidden_name(ch)
                    ),
                )
                .with_help(
                    "remove it; to put such a character in a text, write it as an escape in double quotes (`\"\\0\"`, `\"\\x07\"`)",
                )
                .at(at(line, line_start, i)),
            );
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_scan_refuses_exactly_what_yaml_forbids() {
        let chars = (0..0x800u32)
            .chain(0xd7f0..0xd800)
            .chain(0xe000..0xe010)
            .chain(0xfef0..0x10010)
            .filter_map(char::from_u32);
        for c in chars {
            let refused = scan(&format!("a: [b\r\nc]\rd{c}e"));
            assert_eq!(
                refused.is_some(),
                !is_yaml_printable(c),
                "U+{:04X}",
                u32::from(c)
            );
            if let Some(d) = refused {
                // Line 3 (CR LF, then a lone CR), after `d`.
                assert_eq!((d.line(), d.column()), (3, 2), "U+{:04X}", u32::from(c));
            }
        }
    }
}
