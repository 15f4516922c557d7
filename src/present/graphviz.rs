//! Running Graphviz's `dot` to turn DOT into SVG, PNG or PDF.

use std::io::Write;
use std::process::{Command, Stdio};

/// Why `dot` could not produce the picture.
#[derive(Debug)]
pub enum GraphvizError {
    /// `dot` is not installed.
    NotInstalled,
    /// `dot` could not be started or talked to.
    Io(std::io::Error),
    /// `dot` ran and failed: its message.
    Failed(String),
}

impl std::fmt::Display for GraphvizError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            GraphvizError::NotInstalled => write!(
                f,
                "Graphviz's `dot` was not found on PATH; install the `graphviz` package \
                 (e.g. `apt-get install graphviz`, `brew install graphviz`), or render DOT with `--format dot`"
            ),
            GraphvizError::Io(e) => write!(f, "could not run Graphviz's `dot`: {e}"),
            GraphvizError::Failed(msg) => write!(f, "Graphviz's `dot` failed: {msg}"),
        }
    }
}

impl std::error::Error for GraphvizError {}

/// The program to run: `$ARGMAP_DOT` if set (tests use it), else `dot`.
fn program() -> String {
    std::env::var("ARGMAP_DOT").unwrap_or_else(|_| "dot".to_string())
}

/// Lays out `dot` text with Graphviz into `format` (`svg`, `png`, `pdf`).
pub fn layout(dot: &str, format: &str) -> Result<Vec<u8>, GraphvizError> {
    let mut child = Command::new(program())
        .arg(format!("-T{format}"))
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| match e.kind() {
            std::io::ErrorKind::NotFound => GraphvizError::NotInstalled,
            _ => GraphvizError::Io(e),
        })?;
    // Feed stdin from a thread so a large output cannot dead-lock the pipes.
    let mut stdin = child
        .stdin
        .take()
        .ok_or_else(|| GraphvizError::Failed("no stdin".into()))?;
    let input = dot.to_string();
    let writer = std::thread::spawn(move || stdin.write_all(input.as_bytes()));
    let out = child.wait_with_output().map_err(GraphvizError::Io)?;
    let _ = writer.join();
    if !out.status.success() {
        return Err(GraphvizError::Failed(
            String::from_utf8_lossy(&out.stderr).trim().to_string(),
        ));
    }
    Ok(out.stdout)
}
