//! The Graphviz runner (`ARGMAP_DOT`), with fake `dot` programs written to a temporary
//! folder: time and size limits, the reason a failing `dot` gives, a missing
//! `ARGMAP_DOT`, and the warnings of a `dot` that succeeds.

use crate::common::argmap;
use std::path::{Path, PathBuf};

const MAP: &str = "docs/example.yaml";

/// Writes an executable shell script `name` holding `body` into `dir`.
#[cfg(unix)]
fn script(dir: &Path, name: &str, body: &str) -> PathBuf {
    use std::os::unix::fs::PermissionsExt;
    let p = dir.join(name);
    std::fs::write(&p, format!("#!/bin/sh\n{body}\n")).expect("write script");
    std::fs::set_permissions(&p, std::fs::Permissions::from_mode(0o755)).expect("chmod");
    p
}

/// `argmap render MAP -o DIR/out.svg` with `ARGMAP_DOT=dot` and `env`: exit code and
/// standard error; asserts that nothing is written on failure.
fn render_svg(dir: &Path, dot: &Path, env: &[(&str, &str)]) -> (Option<i32>, String) {
    let out = dir.join("out.svg");
    let mut cmd = argmap();
    cmd.env("ARGMAP_DOT", dot)
        .env_remove("ARGMAP_DOT_TIMEOUT")
        .env_remove("ARGMAP_DOT_MAX_BYTES");
    for (k, v) in env {
        cmd.env(k, v);
    }
    let o = cmd
        .args(["render", MAP, "-o"])
        .arg(&out)
        .output()
        .expect("runs");
    let code = o.status.code();
    if code != Some(0) {
        assert!(!out.exists(), "nothing written on failure");
    }
    (code, String::from_utf8_lossy(&o.stderr).into_owned())
}

#[cfg(unix)]
#[test]
fn a_dot_that_never_exits_is_stopped_at_the_time_limit() {
    let dir = tempfile::tempdir().expect("tempdir");
    let dot = script(dir.path(), "dot", "exec sleep 1000");
    let (code, err) = render_svg(dir.path(), &dot, &[("ARGMAP_DOT_TIMEOUT", "0.5")]);
    assert_eq!(code, Some(2), "{err}");
    assert!(
        err.contains("ran longer than 0.5 s and was stopped") && err.contains("ARGMAP_DOT_TIMEOUT"),
        "{err}"
    );
}

#[cfg(unix)]
#[test]
fn a_dot_that_writes_without_end_is_stopped_at_the_size_limit() {
    let dir = tempfile::tempdir().expect("tempdir");
    let dot = script(dir.path(), "dot", "exec yes");
    let (code, err) = render_svg(dir.path(), &dot, &[("ARGMAP_DOT_MAX_BYTES", "100000")]);
    assert_eq!(code, Some(2), "{err}");
    assert!(
        err.contains("wrote more than 100000 bytes and was stopped")
            && err.contains("ARGMAP_DOT_MAX_BYTES"),
        "{err}"
    );
}

#[cfg(unix)]
#[test]
fn bad_limits_are_usage_errors() {
    let dir = tempfile::tempdir().expect("tempdir");
    let dot = script(dir.path(), "dot", "exit 0");
    for (var, value) in [
        ("ARGMAP_DOT_TIMEOUT", "soon"),
        ("ARGMAP_DOT_TIMEOUT", "0"),
        ("ARGMAP_DOT_MAX_BYTES", "-1"),
    ] {
        let (code, err) = render_svg(dir.path(), &dot, &[(var, value)]);
        assert_eq!(code, Some(2), "{err}");
        assert!(err.contains(&format!("{var}={value}:")), "{err}");
    }
}

#[cfg(unix)]
#[test]
fn a_failing_dot_gives_its_stderr_and_exit_status_as_the_reason() {
    let dir = tempfile::tempdir().expect("tempdir");
    let dot = script(
        dir.path(),
        "dot",
        "input=$(cat); printf 'Error: <stdin>: syntax error in line 3\\033]0;pwned\\007\\n' >&2; exit 3",
    );
    let (code, err) = render_svg(dir.path(), &dot, &[]);
    assert_eq!(code, Some(2), "{err}");
    assert!(err.contains("failed (exit status 3)"), "{err}");
    assert!(err.contains("syntax error in line 3"), "{err}");
    assert!(
        !err.contains('\u{1b}') && err.contains("\\u{1b}"),
        "escaped: {err:?}"
    );
    // Nothing on stderr: says so rather than giving an empty reason.
    let quiet = script(dir.path(), "quiet", "exit 1");
    let (code, err) = render_svg(dir.path(), &quiet, &[]);
    assert_eq!(code, Some(2), "{err}");
    assert!(
        err.contains("exit status 1") && err.contains("printed nothing"),
        "{err}"
    );
}

#[test]
fn a_missing_argmap_dot_program_is_named() {
    let dir = tempfile::tempdir().expect("tempdir");
    let missing = dir.path().join("no-such-dot");
    let (code, err) = render_svg(dir.path(), &missing, &[]);
    assert_eq!(code, Some(2), "{err}");
    assert!(
        err.contains(&format!(
            "the ARGMAP_DOT program {} was not found",
            missing.display()
        )),
        "{err}"
    );
    assert!(!err.contains("PATH;"), "not the PATH message: {err}");
}

#[cfg(unix)]
#[test]
fn warnings_of_a_dot_that_succeeds_are_passed_on() {
    let dir = tempfile::tempdir().expect("tempdir");
    let dot = script(
        dir.path(),
        "dot",
        "input=$(cat)\n\
         printf 'Warning: Image size too large for cairo, scaling\\033[2J\\n' >&2\n\
         echo '<svg xmlns=\"http://www.w3.org/2000/svg\"/>'",
    );
    let (code, err) = render_svg(dir.path(), &dot, &[]);
    assert_eq!(code, Some(0), "{err}");
    assert_eq!(
        err,
        "argmap: warning: dot: Image size too large for cairo, scaling\\u{1b}[2J\n"
    );
    assert_eq!(
        std::fs::read_to_string(dir.path().join("out.svg")).expect("written"),
        "<svg xmlns=\"http://www.w3.org/2000/svg\"/>\n"
    );
}
