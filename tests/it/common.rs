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

/// Whether Graphviz's `dot` can be run (SVG tests skip without it; CI installs it).
pub fn graphviz_installed() -> bool {
    std::process::Command::new("dot").arg("-V").output().is_ok()
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
