//! Present: turning analysis results into text, JSON, DOT, SVG... Nothing here decides
//! anything; it only formats what analysis returned. One module per output; here, the
//! helpers they share: [`FmtIo`] (formatted text to an `io::Write`), [`count`] and
//! [`written`].

pub mod af;
pub mod argdown;
pub mod compare;
pub mod diagram;
pub mod dot;
pub mod dot_groups;
pub mod escape;
pub mod evaluate;
pub mod graphml;
pub mod graphviz;
pub mod html;
mod html_groups;
pub mod json;
pub mod json_graph;
pub mod layout;
pub mod map_yaml;
pub mod mermaid;
pub mod overview;
pub mod reconstruct_json;
pub mod reliance_words;
pub mod rules;
pub mod schemes;
pub mod support_report;
pub mod terminal;

/// Text made with `write!` (`std::fmt::Write`, as into a `String`) sent on to an
/// `io::Write` as it is made, so a large report is not held whole. The first I/O error
/// stops the writing and is returned by [`FmtIo::write_with`].
pub struct FmtIo<'w> {
    out: &'w mut dyn std::io::Write,
    error: Option<std::io::Error>,
}

impl<'w> FmtIo<'w> {
    /// Writes to `out` what `make` writes to its `fmt::Write`; the first I/O error.
    pub fn write_with(
        out: &'w mut dyn std::io::Write,
        make: impl FnOnce(&mut dyn std::fmt::Write),
    ) -> std::io::Result<()> {
        let mut o = FmtIo { out, error: None };
        make(&mut o);
        o.error.map_or(Ok(()), Err)
    }
}

/// `"s"` after a count other than one: `format!("{n} extension{}", plural(n))`.
pub(crate) fn plural(n: usize) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}

/// A count and its noun, agreeing in number: `count(1, "error", "errors")` is `1 error`.
pub fn count(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// What a writer function writes, as one string: for callers that want a report whole
/// (tests, small outputs). Writing to memory cannot fail.
pub fn written(write: impl FnOnce(&mut dyn std::io::Write) -> std::io::Result<()>) -> String {
    let mut out = Vec::new();
    let _ = write(&mut out);
    String::from_utf8_lossy(&out).into_owned()
}

impl std::fmt::Write for FmtIo<'_> {
    fn write_str(&mut self, s: &str) -> std::fmt::Result {
        if self.error.is_some() {
            return Err(std::fmt::Error);
        }
        self.out.write_all(s.as_bytes()).map_err(|e| {
            self.error = Some(e);
            std::fmt::Error
        })
    }
}
