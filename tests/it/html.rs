//! `render --format html`: a self-contained page, every map text escaped, and (in a real
//! headless Chromium, driven by tests/browser/html.mjs) no console errors, a click shows
//! the node's text, and a map whose text holds `<script>` runs no script.

use crate::common::{argmap, root};
use std::path::{Path, PathBuf};

fn render_html(map: &Path, dir: &Path, name: &str) -> PathBuf {
    let out = dir.join(name);
    argmap()
        .arg("render")
        .arg(map)
        .arg("-o")
        .arg(&out)
        .assert()
        .code(0);
    out
}

const HOSTILE: &str = r#"id: hostile
title: "<script>window.__pwned = 1</script>"
claims:
  T1:
    text: "<script>window.__pwned = 1; alert(1)</script> <img src=x onerror=\"window.__pwned=2\"> </script><script>window.__pwned=3</script>"
    thesis: true
    quote: "]]> --> <!-- \"quoted\" \u2028 &amp;"
"#;

#[test]
fn page_is_self_contained_and_escaped() {
    if !crate::common::require_graphviz() {
        return;
    }
    let dir = tempfile::tempdir().expect("tempdir");
    let map = dir.path().join("hostile.yaml");
    std::fs::write(&map, HOSTILE).expect("write");
    let page = std::fs::read_to_string(render_html(&map, dir.path(), "h.html")).expect("read");
    // Exactly our three script elements (the nodes' data, the groups' data, the
    // script); no external resources.
    assert_eq!(page.matches("<script").count(), 3, "{page}");
    assert!(!page.contains("src=\"http") && !page.contains("href=\"http"));
    assert!(!page.contains("<img"), "raw markup from map text");
    assert!(page.contains("Content-Security-Policy"));
    // Map text in the JSON block has no raw `<`.
    let start = page.find("id=\"argmap-data\">").expect("data block");
    let end = page[start..].find("</script>").expect("end") + start;
    assert!(!page[start + 17..end].contains('<'), "raw < in data block");
    assert!(page.contains("<title>&lt;script&gt;window.__pwned = 1&lt;/script&gt;</title>"));
}

#[test]
fn html_needs_graphviz_and_says_so() {
    argmap()
        // No `dot` on PATH (an empty folder), none named by ARGMAP_DOT.
        .env_remove("ARGMAP_DOT")
        .env("PATH", tempfile::tempdir().expect("tempdir").path())
        .args(["render", "docs/example.yaml", "--format", "html"])
        .assert()
        .code(2)
        .stderr(predicates::str::contains("install the `graphviz` package"));
}

#[test]
fn page_works_in_headless_chromium() {
    let browser_dir = root().join("tests/browser");
    if !crate::common::require_browser() {
        return;
    }
    let dir = tempfile::tempdir().expect("tempdir");
    let hostile = dir.path().join("hostile.yaml");
    std::fs::write(&hostile, HOSTILE).expect("write");
    let example = render_html(
        &root().join("docs/example.yaml"),
        dir.path(),
        "example.html",
    );
    let evil = render_html(&hostile, dir.path(), "hostile.html");
    let reconstruct = render_html(
        &root().join("tests/fixtures/formats/reconstruct.yaml"),
        dir.path(),
        "reconstruct.html",
    );
    let groups = render_html(
        &root().join("tests/fixtures/formats/groups.yaml"),
        dir.path(),
        "groups.html",
    );
    let out = std::process::Command::new("node")
        .arg(browser_dir.join("html.mjs"))
        .arg(&example)
        .args([
            "P5",
            "The Russian dictatorship needs proletarian revolution in the West.",
        ])
        .arg(&evil)
        .args(["T1", "<script>window.__pwned = 1; alert(1)</script>"])
        // An implicit premise says so in the panel.
        .arg(&reconstruct)
        .args([
            "H1",
            "Implicit premise: the text leaves it unstated (the analyst's reconstruction).",
        ])
        // A premise lists its argument's scheme and open critical questions.
        .arg(&reconstruct)
        .args(["E1", "Open critical questions: CQ-expertise"])
        .arg(&groups)
        .args(["E1", "The record shows it."])
        .output()
        .expect("node runs");
    assert!(
        out.status.success(),
        "browser test failed:\n{}\n{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    // Each group of the map was folded and unfolded (ch1 holds its section's nodes).
    let stdout = String::from_utf8_lossy(&out.stdout);
    for folded in [
        "folded group ch1 (3 node(s) hidden)",
        "folded group ch1-a (2 node(s) hidden)",
        "folded group ch2 (1 node(s) hidden)",
    ] {
        assert!(stdout.contains(folded), "{folded}: {stdout}");
    }
}
