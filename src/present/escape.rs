//! Escaping map text for each output language, so no map can inject markup or script.

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
            c if c.is_control() => out.push(' '),
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
            c if c.is_control() => out.push(' '),
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
        .map(|c| if c.is_control() { ' ' } else { c })
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

/// A name inside a one-line comment (`#` or `//`): control characters become spaces.
pub fn one_line(s: &str) -> String {
    s.chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect()
}
