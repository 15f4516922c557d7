//! Helpers shared by the integration tests.
#![allow(dead_code)]

use std::path::{Path, PathBuf};

/// The repository root.
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// A fixture path under tests/fixtures.
pub fn fixture(rel: &str) -> PathBuf {
    root().join("tests/fixtures").join(rel)
}

/// The argmap binary, run from the repository root.
pub fn argmap() -> assert_cmd::Command {
    let mut c = assert_cmd::Command::cargo_bin("argmap").expect("binary built");
    c.current_dir(root());
    c
}

/// Path relative to the repository root, as diagnostics show it.
pub fn rel(p: &Path) -> String {
    p.strip_prefix(root()).unwrap_or(p).display().to_string()
}

/// Whether Graphviz's `dot` can be run.
pub fn graphviz_installed() -> bool {
    std::process::Command::new("dot")
        .arg("-V")
        .output()
        .is_ok_and(|o| o.status.success())
}

/// Whether the tests run under CI (`CI` set, and not to `false` or `0`): a test that
/// needs a tool then fails when the tool is missing, rather than skipping.
pub fn under_ci() -> bool {
    std::env::var("CI").is_ok_and(|v| !matches!(v.trim(), "" | "0" | "false"))
}

/// Whether a test may use `what` (`present`): true when it is there; when it is not,
/// panics under CI with `install` (how to get it; `.ci/run` does it), and otherwise
/// prints a skip note and returns false.
pub fn require_tool(what: &str, present: bool, install: &str) -> bool {
    require_tool_in(under_ci(), what, present, install)
}

fn require_tool_in(ci: bool, what: &str, present: bool, install: &str) -> bool {
    if present {
        return true;
    }
    assert!(
        !ci,
        "CI must run this test, but {what} is missing: {install}"
    );
    eprintln!("skipped: {what} is missing ({install}); under CI (env CI set) this test fails");
    false
}

/// Whether Graphviz's `dot` is there for a test ([`require_tool`]).
pub fn require_graphviz() -> bool {
    require_tool(
        "Graphviz's `dot`",
        graphviz_installed(),
        "install Graphviz: apt-get install graphviz",
    )
}

/// Whether `node` runs.
pub fn node_installed() -> bool {
    std::process::Command::new("node")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success())
}

/// Whether headless Chromium can be driven for a test: Graphviz, /usr/bin/chromium
/// (or `$CHROMIUM`), node and playwright-core under tests/browser ([`require_tool`]).
pub fn require_browser() -> bool {
    let chromium = std::env::var_os("CHROMIUM")
        .map_or_else(|| PathBuf::from("/usr/bin/chromium"), PathBuf::from);
    require_graphviz()
        && require_tool(
            "Chromium",
            chromium.exists(),
            "install it: apt-get install chromium (or set CHROMIUM to its path)",
        )
        && require_tool(
            "Node",
            node_installed(),
            "install Node 20 or later: apt-get install nodejs npm",
        )
        && require_tool(
            "playwright-core",
            root()
                .join("tests/browser/node_modules/playwright-core")
                .exists(),
            "npm ci --prefix tests/browser",
        )
}

/// The Argdown CLI's `cli.js` for a test: `$ARGDOWN_CLI`, else the one `npm ci --prefix
/// tests/argdown` installs (pinned by tests/argdown/package.json) — `None`, with a skip
/// note, when it (or node) is missing outside CI ([`require_tool`]).
pub fn require_argdown() -> Option<PathBuf> {
    let cli = std::env::var_os("ARGDOWN_CLI")
        .map(PathBuf::from)
        .unwrap_or_else(|| root().join("tests/argdown/node_modules/@argdown/cli/dist/cli.js"));
    let ready = require_tool(
        "Node",
        node_installed(),
        "install Node 20 or later: apt-get install nodejs npm",
    ) && require_tool(
        &format!("the Argdown CLI ({})", cli.display()),
        cli.exists(),
        "npm ci --prefix tests/argdown, or set ARGDOWN_CLI to @argdown/cli's dist/cli.js",
    );
    ready.then_some(cli)
}

/// Exports `maps` (render arguments: maps and flags) as Argdown and runs Argdown's own
/// parser (`cli`, from [`require_argdown`]) on it: asserts that it succeeds with no
/// syntax error, and returns the JSON document it writes (first on standard output, its
/// success message after it).
pub fn argdown_json(cli: &Path, maps: &[&str]) -> serde_json::Value {
    let dir = tempfile::tempdir().expect("tempdir");
    let file = dir.path().join("m.argdown");
    argmap()
        .arg("render")
        .args(maps)
        .args(["--format", "argdown", "-o"])
        .arg(&file)
        .assert()
        .code(0);
    let out = std::process::Command::new("node")
        .arg(cli)
        .arg("json")
        .arg(&file)
        .arg("--stdout")
        .output()
        .expect("node runs");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{maps:?}: {stderr}");
    assert!(!stderr.contains("syntax error"), "{maps:?}: {stderr}");
    serde_json::Deserializer::from_slice(&out.stdout)
        .into_iter::<serde_json::Value>()
        .next()
        .expect("a JSON document")
        .expect("Argdown's JSON")
}

/// `argmap render ARGS...`: asserts success and returns standard output.
pub fn render(args: &[&str]) -> String {
    let out = argmap().arg("render").args(args).output().expect("runs");
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("utf-8")
}

#[test]
#[should_panic(expected = "CI must run this test, but Graphviz's `dot` is missing: install")]
fn a_missing_tool_fails_a_test_under_ci() {
    require_tool_in(
        true,
        "Graphviz's `dot`",
        false,
        "install Graphviz: apt-get install graphviz",
    );
}

#[test]
fn a_missing_tool_skips_a_test_outside_ci_and_a_present_one_runs_it() {
    assert!(!require_tool_in(false, "a tool", false, "install it"));
    assert!(require_tool_in(true, "a tool", true, "install it"));
}
