//! Running Graphviz's `dot` to turn DOT into SVG, PNG or PDF.
//!
//! `dot` (or `$ARGMAP_DOT`) gets the DOT text on standard input; its standard output is
//! the picture. It runs under two limits, so that no `dot` can hang argmap or fill its
//! memory: a time limit (`ARGMAP_DOT_TIMEOUT`, seconds, default 120) and a limit on what
//! it writes (`ARGMAP_DOT_MAX_BYTES`, default 1 GiB); past either it is killed. Its
//! standard error is read at the same time (threads feed standard input and read both
//! outputs, so no pipe can dead-lock): when `dot` fails it is the reason given; when
//! `dot` succeeds, what it printed there (e.g. "too large for cairo, scaling") is kept
//! as warnings ([`Picture::warnings`]), which argmap passes on.

use std::io::{Read, Write};
use std::process::{Child, Command, ExitStatus, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

/// The default time limit of a `dot` run.
pub(crate) const DEFAULT_TIMEOUT: Duration = Duration::from_secs(120);
/// The default limit on what `dot` writes: 1 GiB.
pub(crate) const DEFAULT_MAX_BYTES: u64 = 1 << 30;
/// The most of `dot`'s standard error kept (the rest is read and dropped).
const MAX_STDERR: usize = 64 * 1024;

/// Why `dot` could not produce the picture.
#[derive(Debug)]
pub enum GraphvizError {
    /// `dot` is not installed (not on PATH).
    NotInstalled,
    /// `$ARGMAP_DOT` names a program that does not exist.
    NotFound(String),
    /// `dot` could not be started or talked to.
    Io(String, std::io::Error),
    /// `dot` ran and failed: the program, how it ended, and its standard error.
    Failed {
        /// The program run.
        program: String,
        /// How it ended (exit code or signal).
        status: String,
        /// What it wrote to standard error.
        stderr: String,
    },
    /// `dot` ran longer than the time limit and was killed.
    TimedOut(String, Duration),
    /// `dot` wrote more than the size limit and was killed.
    TooLarge(String, u64),
    /// `ARGMAP_DOT_TIMEOUT` or `ARGMAP_DOT_MAX_BYTES` is not a usable number.
    BadLimit(&'static str, String),
}

impl std::fmt::Display for GraphvizError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            GraphvizError::NotInstalled => write!(
                f,
                "Graphviz's `dot` was not found on PATH; install the `graphviz` package \
                 (e.g. `apt-get install graphviz`, `brew install graphviz`), or render DOT with `--format dot`"
            ),
            GraphvizError::NotFound(p) => write!(
                f,
                "the ARGMAP_DOT program {} was not found; set ARGMAP_DOT to Graphviz's `dot` \
                 or unset it to use `dot` from PATH",
                escape(p)
            ),
            GraphvizError::Io(p, e) => write!(f, "could not run {}: {e}", escape(p)),
            GraphvizError::Failed {
                program,
                status,
                stderr,
            } => {
                write!(f, "Graphviz's `dot` ({}) failed ({status})", escape(program))?;
                if stderr.trim().is_empty() {
                    write!(f, " and printed nothing on standard error")
                } else {
                    write!(f, ": {}", escape(stderr.trim()))
                }
            }
            GraphvizError::TimedOut(p, t) => write!(
                f,
                "Graphviz's `dot` ({}) ran longer than {} s and was stopped; the diagram may \
                 be too large to lay out (try `--focus ID --depth N`), or raise the limit \
                 with ARGMAP_DOT_TIMEOUT=SECONDS",
                escape(p),
                t.as_secs_f64()
            ),
            GraphvizError::TooLarge(p, n) => write!(
                f,
                "Graphviz's `dot` ({}) wrote more than {n} bytes and was stopped; raise the \
                 limit with ARGMAP_DOT_MAX_BYTES=BYTES",
                escape(p)
            ),
            GraphvizError::BadLimit(var, v) => write!(
                f,
                "{var}={}: {}",
                escape(v),
                if *var == "ARGMAP_DOT_TIMEOUT" {
                    "expected a number of seconds above 0"
                } else {
                    "expected a number of bytes above 0"
                }
            ),
        }
    }
}

impl std::error::Error for GraphvizError {}

/// `s` with control characters (other than line breaks and tabs) shown as `\u{..}`, so
/// that nothing `dot` prints can drive the terminal.
fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if c.is_control() && c != '\n' && c != '\t' {
            out.push_str(&format!("\\u{{{:x}}}", u32::from(c)));
        } else {
            out.push(c);
        }
    }
    out
}

/// What `dot` made: the picture, and the lines it printed on standard error (a
/// `Warning: ` prefix dropped, control characters escaped), which argmap passes on as
/// warnings.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Picture {
    /// The laid-out output (SVG, PNG or PDF).
    pub bytes: Vec<u8>,
    /// What `dot` warned about, one message each.
    pub warnings: Vec<String>,
}

/// How `dot` is run: the program and its limits, from the environment.
#[derive(Debug, Clone)]
pub struct Runner {
    /// `$ARGMAP_DOT` when set, else `dot` from PATH.
    pub program: String,
    /// Whether the program came from `$ARGMAP_DOT`.
    pub from_env: bool,
    /// How long `dot` may run before it is stopped.
    pub timeout: Duration,
    /// The most bytes of output read from `dot`.
    pub max_bytes: u64,
}

impl Runner {
    /// The runner `ARGMAP_DOT`, `ARGMAP_DOT_TIMEOUT` and `ARGMAP_DOT_MAX_BYTES` ask for.
    pub fn from_env() -> Result<Runner, GraphvizError> {
        let var = |name| std::env::var(name).ok().filter(|v| !v.trim().is_empty());
        let timeout = match var("ARGMAP_DOT_TIMEOUT") {
            None => DEFAULT_TIMEOUT,
            Some(v) => v
                .trim()
                .parse::<f64>()
                .ok()
                .filter(|s| s.is_finite() && *s > 0.0)
                .and_then(|s| Duration::try_from_secs_f64(s).ok())
                .ok_or(GraphvizError::BadLimit("ARGMAP_DOT_TIMEOUT", v))?,
        };
        let max_bytes = match var("ARGMAP_DOT_MAX_BYTES") {
            None => DEFAULT_MAX_BYTES,
            Some(v) => v
                .trim()
                .parse::<u64>()
                .ok()
                .filter(|n| *n > 0)
                .ok_or(GraphvizError::BadLimit("ARGMAP_DOT_MAX_BYTES", v))?,
        };
        let program = var("ARGMAP_DOT");
        Ok(Runner {
            from_env: program.is_some(),
            program: program.unwrap_or_else(|| "dot".to_string()),
            timeout,
            max_bytes,
        })
    }

    /// Lays out `dot` text into `format` (`svg`, `png`, `pdf`), with what `dot` printed
    /// on standard error while succeeding as warnings.
    ///
    /// Graphviz (2.43 at least) can fail to rank a graph of nested clusters joined by
    /// links that do not constrain the ranks ("trouble in init_rank": two essay maps with
    /// their groups, drawn together); then the layout is tried once more with
    /// `newrank=true` and every link constraining, and a warning says so.
    pub fn layout(&self, dot: &str, format: &str) -> Result<Picture, GraphvizError> {
        match self.layout_once(dot, format) {
            Err(GraphvizError::Failed { stderr, .. })
                if stderr.contains("trouble in init_rank") =>
            {
                let mut p = self.layout_once(&relaxed(dot), format)?;
                p.warnings.insert(
                    0,
                    "Graphviz could not rank the graph (trouble in init_rank): laid out again with newrank=true, every link constraining the ranks".to_string(),
                );
                Ok(p)
            }
            other => other,
        }
    }

    fn layout_once(&self, dot: &str, format: &str) -> Result<Picture, GraphvizError> {
        let program = &self.program;
        let io_error = |e| GraphvizError::Io(program.clone(), e);
        let mut child = Command::new(program)
            .arg(format!("-T{format}"))
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .map_err(|e| match e.kind() {
                std::io::ErrorKind::NotFound if self.from_env => {
                    GraphvizError::NotFound(program.clone())
                }
                std::io::ErrorKind::NotFound => GraphvizError::NotInstalled,
                _ => io_error(e),
            })?;
        let deadline = Instant::now() + self.timeout;
        let (Some(mut stdin), Some(stdout), Some(stderr)) =
            (child.stdin.take(), child.stdout.take(), child.stderr.take())
        else {
            kill(&mut child);
            return Err(io_error(std::io::Error::other("no pipes to dot")));
        };
        // Three threads: one feeds standard input, two read the outputs; this thread
        // keeps the time. A thread left blocked after a kill (a grandchild holding a
        // pipe) ends with the process.
        let input = dot.to_string();
        std::thread::spawn(move || {
            let _ = stdin.write_all(input.as_bytes());
        });
        let (out_tx, out_rx) = mpsc::channel();
        let max = self.max_bytes;
        std::thread::spawn(move || {
            let _ = out_tx.send(read_bounded(stdout, max));
        });
        let (err_tx, err_rx) = mpsc::channel();
        std::thread::spawn(move || {
            let _ = err_tx.send(read_kept(stderr));
        });
        let left = || deadline.saturating_duration_since(Instant::now());
        let stdout = match out_rx.recv_timeout(left()) {
            Ok(Ok(Some(bytes))) => bytes,
            Ok(Ok(None)) => {
                kill(&mut child);
                return Err(GraphvizError::TooLarge(program.clone(), max));
            }
            Ok(Err(e)) => {
                kill(&mut child);
                return Err(io_error(e));
            }
            Err(_) => {
                kill(&mut child);
                return Err(GraphvizError::TimedOut(program.clone(), self.timeout));
            }
        };
        let Some(status) = wait_until(&mut child, deadline).map_err(io_error)? else {
            kill(&mut child);
            return Err(GraphvizError::TimedOut(program.clone(), self.timeout));
        };
        let stderr = err_rx
            .recv_timeout(left().max(Duration::from_millis(100)))
            .unwrap_or_default();
        let stderr = String::from_utf8_lossy(&stderr);
        if !status.success() {
            return Err(GraphvizError::Failed {
                program: program.clone(),
                status: describe(status),
                stderr: stderr.into_owned(),
            });
        }
        let warnings = stderr
            .lines()
            .map(str::trim_end)
            .filter(|l| !l.trim().is_empty())
            .map(|line| {
                let line = line
                    .strip_prefix("Warning: ")
                    .or_else(|| line.strip_prefix("warning: "))
                    .unwrap_or(line);
                escape(line)
            })
            .collect();
        Ok(Picture {
            bytes: stdout,
            warnings,
        })
    }
}

/// Reads all of `r`, or `None` as soon as it holds more than `max` bytes.
fn read_bounded(r: impl Read, max: u64) -> std::io::Result<Option<Vec<u8>>> {
    let mut bytes = Vec::new();
    let n = r.take(max.saturating_add(1)).read_to_end(&mut bytes)?;
    Ok((n as u64 <= max).then_some(bytes))
}

/// Reads all of `r`, keeping the first [`MAX_STDERR`] bytes.
fn read_kept(mut r: impl Read) -> Vec<u8> {
    let mut kept = Vec::new();
    let mut buf = [0u8; 8192];
    loop {
        match r.read(&mut buf) {
            Ok(0) | Err(_) => return kept,
            Ok(n) => {
                let room = MAX_STDERR.saturating_sub(kept.len());
                kept.extend_from_slice(&buf[..n.min(room)]);
            }
        }
    }
}

/// Waits for `child` until `deadline`: its exit status, or `None` when it still runs.
fn wait_until(child: &mut Child, deadline: Instant) -> std::io::Result<Option<ExitStatus>> {
    loop {
        if let Some(s) = child.try_wait()? {
            return Ok(Some(s));
        }
        if Instant::now() >= deadline {
            return Ok(None);
        }
        std::thread::sleep(Duration::from_millis(5));
    }
}

fn kill(child: &mut Child) {
    let _ = child.kill();
    let _ = child.wait();
}

/// How a process ended, in words: `exit status 3`, `killed by signal 9`.
fn describe(status: ExitStatus) -> String {
    if let Some(code) = status.code() {
        return format!("exit status {code}");
    }
    #[cfg(unix)]
    {
        use std::os::unix::process::ExitStatusExt;
        if let Some(sig) = status.signal() {
            return format!("killed by signal {sig}");
        }
    }
    status.to_string()
}

/// `dot` with `newrank=true` as its first statement and no `constraint="false"` (map text
/// is quoted with its quotes escaped, so no label holds that attribute as written).
fn relaxed(dot: &str) -> String {
    let dot = dot.replace(" constraint=\"false\"", "");
    match dot.find('{') {
        Some(i) => format!("{}\n  newrank=true{}", &dot[..=i], &dot[i + 1..]),
        None => dot,
    }
}

/// Lays out `dot` text with Graphviz into `format` (`svg`, `png`, `pdf`), with the
/// program and limits the environment sets ([`Runner::from_env`]).
pub fn layout(dot: &str, format: &str) -> Result<Picture, GraphvizError> {
    Runner::from_env()?.layout(dot, format)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_relaxed_graph_ranks_anew_and_constrains_every_link() {
        let dot = r#"digraph "g" {
  "a" -> "b" [style="dashed" constraint="false" label="x constraint=\"false\""]
}"#;
        let r = relaxed(dot);
        assert!(r.starts_with("digraph \"g\" {\n  newrank=true\n"), "{r}");
        assert!(r.contains(r#"[style="dashed" label="#), "{r}");
        assert!(
            r.contains(r#"x constraint=\"false\""#),
            "a label keeps its text: {r}"
        );
    }

    #[test]
    fn control_characters_are_shown_not_sent() {
        assert_eq!(escape("a\u{1b}]0;x\u{7}b\tc"), "a\\u{1b}]0;x\\u{7}b\tc");
    }

    #[test]
    fn bounded_read_stops_past_the_limit() {
        assert_eq!(
            read_bounded(&b"abcd"[..], 4).expect("read"),
            Some(b"abcd".to_vec())
        );
        assert_eq!(read_bounded(&b"abcde"[..], 4).expect("read"), None);
    }

    #[test]
    fn kept_stderr_is_bounded() {
        let long = vec![b'x'; MAX_STDERR * 3];
        assert_eq!(read_kept(&long[..]).len(), MAX_STDERR);
    }
}
