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
source: hostile.txt
title: "<script>window.__pwned = 1</script>"
claims:
  T1:
    text: "<script>window.__pwned = 1; alert(1)</script> <img src=x onerror=\"window.__pwned=2\"> </script><script>window.__pwned=3</script>"
    thesis: true
    quote: "]]> --> <!-- \"quoted\" \u2028 &amp;"
"#;

/// The source text of [`HOSTILE`]: markup around the quote, which the source panel
/// shows as text.
const HOSTILE_SOURCE: &str = "Before <script>window.__pwned = 4</script> ]]> --> <!-- \"quoted\" \u{2028} &amp; after </textarea><img src=x onerror=\"window.__pwned=5\">\n";

/// Writes [`HOSTILE`] and its source into `dir`; returns the map's path.
fn write_hostile(dir: &Path) -> PathBuf {
    let map = dir.join("hostile.yaml");
    std::fs::write(&map, HOSTILE).expect("write");
    std::fs::write(dir.join("hostile.txt"), HOSTILE_SOURCE).expect("write");
    map
}

#[test]
fn page_is_self_contained_and_escaped() {
    if !crate::common::require_graphviz() {
        return;
    }
    let dir = tempfile::tempdir().expect("tempdir");
    let map = write_hostile(dir.path());
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
    // The source text is in the data block, and its quote found there.
    let data: serde_json::Value =
        serde_json::from_str(&page[start + 17..end]).expect("the data block is JSON");
    let source = &data["maps"][0]["source"];
    assert_eq!(source["text"], HOSTILE_SOURCE);
    assert_eq!(
        source["spans"].as_array().map(Vec::len),
        Some(1),
        "{source}"
    );
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
    let hostile = write_hostile(dir.path());
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

/// The viewer on the essay map at 1600×1000 (tests/browser/viewer.mjs says what it
/// checks): the thesis in view after load, zoom, search visiting each hit in view, `#id`
/// centring its node, folding, focus with its history, the source panel's spans and the
/// node's quote, the outline, the comparison page's pairs, and the page of both essay
/// maps. Screenshots of each state
/// go to target/browser-screenshots/.
#[test]
fn viewer_on_the_essay_map() {
    if !crate::common::require_browser() {
        return;
    }
    let dir = tempfile::tempdir().expect("tempdir");
    let essay = root().join("maps/permanent-revolution.yaml");
    let page = render_html(&essay, dir.path(), "essay.html");
    let compare = dir.path().join("compare.html");
    argmap()
        .current_dir(root())
        .args([
            "compare",
            "maps/permanent-revolution.yaml",
            "maps/quantum-dialectics.yaml",
            "-o",
        ])
        .arg(&compare)
        .assert()
        .code(0);
    let several = dir.path().join("both.html");
    argmap()
        .current_dir(root())
        .args([
            "render",
            "maps/permanent-revolution.yaml",
            "maps/quantum-dialectics.yaml",
            "-o",
        ])
        .arg(&several)
        .assert()
        .code(0);
    let shots = root().join("target/browser-screenshots");
    // Once the essay map has groups, folding one is required.
    let grouped = std::fs::read_to_string(&essay)
        .expect("read")
        .lines()
        .any(|l| l.starts_with("groups:"));
    let config = serde_json::json!({
        "page": page,
        "compare": compare,
        "several": several,
        "shots": shots,
        "search": "Kamenev",
        "node": "C-devised-and-acted",
        "requireGroups": grouped,
    });
    let config_file = dir.path().join("viewer.json");
    std::fs::write(&config_file, config.to_string()).expect("write");
    let out = std::process::Command::new("node")
        .arg(root().join("tests/browser/viewer.mjs"))
        .arg(&config_file)
        .output()
        .expect("node runs");
    assert!(
        out.status.success(),
        "viewer test failed:\n{}\n{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(shots.join("01-open.png").exists());
}

/// The data block of an HTML page, parsed.
fn page_data(page: &str) -> serde_json::Value {
    let start = page.find("id=\"argmap-data\">").expect("data block") + 17;
    let end = page[start..].find("</script>").expect("end") + start;
    serde_json::from_str(&page[start..end]).expect("the data block is JSON")
}

/// The essay map's page carries its source text with each found quote's span (as UTF-16
/// offsets that cut the node's quote out of the text, give or take white space, quote
/// marks and footnote markers), the share the map quotes, and each node's grounded label.
#[test]
fn the_essay_page_carries_spans_share_and_grounded_labels() {
    if !crate::common::require_graphviz() {
        return;
    }
    let dir = tempfile::tempdir().expect("tempdir");
    let page = render_html(
        &root().join("maps/permanent-revolution.yaml"),
        dir.path(),
        "essay.html",
    );
    let data = page_data(&std::fs::read_to_string(page).expect("read"));
    let nodes = data["nodes"].as_object().expect("nodes");
    assert!(nodes.len() > 300, "{} nodes", nodes.len());
    assert!(nodes
        .values()
        .all(|n| ["in", "out", "undec"].contains(&n["grounded"].as_str().unwrap_or(""))));
    let source = &data["maps"][0]["source"];
    let text: Vec<u16> = source["text"]
        .as_str()
        .expect("text")
        .encode_utf16()
        .collect();
    let spans = source["spans"].as_array().expect("spans");
    let quoted = nodes.values().filter(|n| n.get("quote").is_some()).count();
    // Every quote of the essay map is found (check passes), some in several pieces.
    let with_span: std::collections::HashSet<&str> =
        spans.iter().map(|s| s[0].as_str().expect("key")).collect();
    assert_eq!(with_span.len(), quoted);
    let words = |s: &str| -> String {
        s.chars()
            // Letters only: a footnote marker inside a quoted passage (`Poland107`) is
            // in the span, not in the quote.
            .filter(|c| c.is_alphabetic())
            .collect::<String>()
            .to_lowercase()
    };
    for s in spans {
        let (key, a, b) = (
            s[0].as_str().expect("key"),
            s[1].as_u64().expect("start") as usize,
            s[2].as_u64().expect("end") as usize,
        );
        let piece = String::from_utf16(&text[a..b]).expect("UTF-16");
        let quote = nodes[key]["quote"].as_str().expect("quote");
        assert!(
            words(quote).contains(&words(&piece)),
            "{key}: span {piece:?} is not in its quote {quote:?}"
        );
    }
    let share = source["share"].as_f64().expect("share");
    assert!(share > 0.05 && share < 1.0, "share {share}");
}

/// `compare -o x.html`: both maps in the viewer, each aligned pair linked to its two
/// nodes and to the line that joins them.
#[test]
fn the_compare_page_links_its_pairs() {
    if !crate::common::require_graphviz() {
        return;
    }
    let dir = tempfile::tempdir().expect("tempdir");
    let out = dir.path().join("compare.html");
    argmap()
        .current_dir(root())
        .args([
            "compare",
            "maps/permanent-revolution.yaml",
            "maps/quantum-dialectics.yaml",
            "-o",
        ])
        .arg(&out)
        .assert()
        .code(0);
    let page = std::fs::read_to_string(&out).expect("read");
    let data = page_data(&page);
    assert_eq!(data["mode"], "compare");
    assert_eq!(data["maps"].as_array().map(Vec::len), Some(2));
    let pairs = data["pairs"].as_array().expect("pairs");
    let report = argmap()
        .current_dir(root())
        .args([
            "compare",
            "maps/permanent-revolution.yaml",
            "maps/quantum-dialectics.yaml",
            "--format",
            "json",
        ])
        .output()
        .expect("runs");
    let report: serde_json::Value = serde_json::from_slice(&report.stdout).expect("JSON");
    let in_report = report["pairs"].as_array().expect("pairs").len();
    assert_eq!(
        pairs.iter().filter(|p| p["kind"] != "contradicts").count(),
        in_report
    );
    let declared = pairs.iter().filter(|p| p["kind"] == "declared").count();
    assert!(declared >= 30, "{declared} declared pairs");
    // The report's summary rides along, paragraph by paragraph, as the text report has it.
    let text = argmap()
        .current_dir(root())
        .args([
            "compare",
            "maps/permanent-revolution.yaml",
            "maps/quantum-dialectics.yaml",
        ])
        .output()
        .expect("runs");
    let text = String::from_utf8_lossy(&text.stdout);
    let summary = data["summary"].as_array().expect("summary");
    assert!(summary.len() >= 2, "{summary:?}");
    let first = summary[0].as_str().expect("a paragraph");
    let words: Vec<&str> = first.split_whitespace().take(12).collect();
    assert!(
        text.split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .contains(&words.join(" ")),
        "the page's first paragraph begins as the report's: {first}"
    );
    for p in pairs.iter().filter(|p| p["kind"] == "declared") {
        let (a, b) = (p["a"].as_str().expect("a"), p["b"].as_str().expect("b"));
        assert_eq!(data["nodes"][a]["id"], p["a_id"]);
        assert_eq!(data["nodes"][a]["map"], "permanent-revolution");
        assert_eq!(data["nodes"][b]["id"], p["b_id"]);
        assert_eq!(data["nodes"][b]["map"], "quantum-dialectics");
        let edge = p["edge"].as_str().expect("the pair's line");
        assert!(
            page.contains(&format!("id=\"{edge}\"")),
            "{edge} not in the SVG"
        );
    }
}
