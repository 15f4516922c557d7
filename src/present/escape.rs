//! Escaping map text for each output language, so no map can inject markup or script.

use std::borrow::Cow;

/// Whether `c` does more on a terminal (or in an editor) than show a character: the C0
/// and C1 controls (ESC, BEL, CR, tab, NUL, DEL, U+0085 NEL, U+009B CSI...), the line and
/// paragraph separators U+2028 and U+2029, the bidirectional controls (U+061C, U+200E,
/// U+200F, U+202A-U+202E, U+2066-U+2069, which reorder text as it is shown) and the
/// byte-order mark U+FEFF (invisible).
pub fn is_hidden_control(c: char) -> bool {
    c.is_control()
        || matches!(
            c,
            '\u{2028}'
                | '\u{2029}'
                | '\u{061c}'
                | '\u{200e}'
                | '\u{200f}'
                | '\u{202a}'..='\u{202e}'
                | '\u{2066}'..='\u{2069}'
                | '\u{feff}'
        )
}

/// Whether text for a terminal must show `c` escaped: every [`is_hidden_control`] but the
/// line break `\n`.
pub fn needs_terminal_escape(c: char) -> bool {
    c != '\n' && is_hidden_control(c)
}

/// Appends `c` as text for a terminal: as itself, or, when [`needs_terminal_escape`], as
/// a visible escape in Rust's notation: `\t`, `\r`, `\0`, else `\u{1b}`.
pub fn push_visible(out: &mut String, c: char) {
    use std::fmt::Write;
    match c {
        '\t' => out.push_str("\\t"),
        '\r' => out.push_str("\\r"),
        '\0' => out.push_str("\\0"),
        c if needs_terminal_escape(c) => {
            let _ = write!(out, "\\u{{{:x}}}", c as u32);
        }
        c => out.push(c),
    }
}

/// `s` as text for a terminal: every control character shown as a visible escape
/// ([`push_visible`]); line breaks kept.
pub fn visible(s: &str) -> Cow<'_, str> {
    if !s.chars().any(needs_terminal_escape) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        push_visible(&mut out, c);
    }
    Cow::Owned(out)
}

/// Text inside a DOT double-quoted string. Backslashes are doubled (so `\N`, `\l` in map
/// text stay literal), quotes escaped, line breaks become DOT's `\n`, and `&` becomes
/// `&amp;` (Graphviz reads entities in labels).
pub fn dot(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '"' => out.push_str("\\\""),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            '&' => out.push_str("&amp;"),
            c if is_hidden_control(c) => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

/// A DOT quoted id: `"..."` with [`dot`] escaping.
pub fn dot_quoted(s: &str) -> String {
    format!("\"{}\"", dot(s))
}

/// Text for HTML and XML (element content and double-quoted attributes).
pub fn xml(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c if c.is_control() && c != '\n' && c != '\t' => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

/// Wraps `text` into lines of at most `width` characters, breaking at spaces.
pub fn wrap(text: &str, width: usize) -> Vec<String> {
    let mut lines = Vec::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        if !line.is_empty() && line.chars().count() + 1 + word.chars().count() > width {
            lines.push(std::mem::take(&mut line));
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

/// Text inside a double-quoted Mermaid label (`["..."]`). Mermaid has no backslash
/// escapes: characters that could end the string or be read as markup become its entity
/// codes (`#quot;`, `#lt;`, `#35;`...), so the output never holds a raw `"`, `<`, `>`,
/// `&`, `#`, backtick or `%` (which could start a `%%{init}%%` directive) from the map.
/// Line breaks and other control characters become spaces.
pub fn mermaid(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        match c {
            '"' => out.push_str("#quot;"),
            '#' => out.push_str("#35;"),
            '&' => out.push_str("#amp;"),
            '<' => out.push_str("#lt;"),
            '>' => out.push_str("#gt;"),
            '`' => out.push_str("#96;"),
            '%' => out.push_str("#37;"),
            c if is_hidden_control(c) => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

/// Statement text for Argdown, on one line. A backslash makes Argdown read the next
/// character as plain text, so every character that could open markup (`[`, `<`, `{`,
/// `#`, `@`, `*`, `_`, `/`, `=`...) is escaped, and `.` and `:` where they could start
/// a `.shortcode.` or `:shortcode:`. Line breaks and other control characters become
/// spaces, and runs of spaces one space.
pub fn argdown(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    let chars: Vec<char> = s
        .chars()
        .map(|c| if is_hidden_control(c) { ' ' } else { c })
        .collect();
    let mut prev_space = true;
    for (i, &c) in chars.iter().enumerate() {
        if c == ' ' {
            if !prev_space {
                out.push(' ');
            }
            prev_space = true;
            continue;
        }
        prev_space = false;
        let next_is_text = chars
            .get(i + 1)
            .is_some_and(|n| !n.is_whitespace() && !n.is_control());
        let escape = match c {
            '\\' | '[' | ']' | '<' | '>' | '{' | '}' | '#' | '@' | '*' | '_' | '/' | '=' => true,
            '.' | ':' => next_is_text,
            _ => false,
        };
        if escape {
            out.push('\\');
        }
        out.push(c);
    }
    out.trim_end_matches(' ').to_string()
}

/// A title (of a statement `[...]` or an argument `<...>`) for Argdown: Argdown reads
/// titles verbatim up to the closing bracket, so characters other than letters, digits,
/// space and `_ . : + -` become `_`, and a leading `-` too.
pub fn argdown_title(s: &str) -> String {
    let mut out: String = s
        .chars()
        .map(|c| {
            if c.is_alphanumeric() || matches!(c, ' ' | '_' | '.' | ':' | '+' | '-') {
                c
            } else {
                '_'
            }
        })
        .collect();
    if out.starts_with('-') || out.starts_with(' ') || out.is_empty() {
        out.insert(0, '_');
    }
    out
}

/// A name inside a one-line comment (`#` or `//`): control characters (and the other
/// [`is_hidden_control`] characters) become spaces.
pub(crate) fn one_line(s: &str) -> String {
    s.chars()
        .map(|c| if is_hidden_control(c) { ' ' } else { c })
        .collect()
}
