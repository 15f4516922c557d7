//! `--layout auto|dot|sfdp|twopi` (render and compare), the note `auto` prints when it
//! leaves `dot`, and the warnings for outputs larger than their viewers show: Mermaid's
//! text limit and Cairo's bitmap limit for PNG. Each warning: exit 0, the text on
//! standard error, the file still written.

use crate::common::{argmap, require_graphviz};
use std::path::{Path, PathBuf};

const SMALL: &str = "docs/example.yaml";

/// `argmap generate --nodes n` into `dir`: the map's path.
fn generated(dir: &Path, n: usize) -> PathBuf {
    let map = dir.join(format!("g{n}.yaml"));
    argmap()
        .args(["generate", "--nodes", &n.to_string(), "-o"])
        .arg(&map)
        .assert()
        .success();
    map
}

/// A map of one thesis and `n` claims that support it: drawn bottom to top, the claims
/// stand in one row.
fn star(dir: &Path, n: usize) -> PathBuf {
    let mut yaml = String::from(
        "id: star\nclaims:\n  T:\n    text: The thesis, supported by every other claim.\n    thesis: true\n",
    );
    for i in 0..n {
        yaml.push_str(&format!(
            "  C{i}:\n    text: Claim number {i} of a very wide row of claims that all support the thesis.\n    supports: [T]\n"
        ));
    }
    let p = dir.join("star.yaml");
    std::fs::write(&p, yaml).expect("write map");
    p
}

fn stderr(o: &std::process::Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

#[test]
fn layout_names_the_engine_in_the_dot() {
    for (layout, expect) in [
        ("dot", None),
        ("auto", None),
        ("SFDP", Some("layout=\"sfdp\"")),
        ("twopi", Some("layout=\"twopi\"")),
    ] {
        let o = argmap()
            .args(["render", SMALL, "--format", "dot", "--layout", layout])
            .output()
            .expect("runs");
        assert_eq!(o.status.code(), Some(0), "{layout}: {}", stderr(&o));
        let dot = String::from_utf8_lossy(&o.stdout);
        match expect {
            None => assert!(!dot.contains("layout="), "{layout}: {dot}"),
            Some(e) => assert!(dot.contains(e), "{layout}: {dot}"),
        }
        // Only `auto` leaving dot says anything.
        assert_eq!(stderr(&o), "", "{layout}");
    }
    // twopi is centred on the thesis.
    let o = argmap()
        .args(["render", SMALL, "--format", "dot", "--layout", "twopi"])
        .output()
        .expect("runs");
    let dot = String::from_utf8_lossy(&o.stdout);
    assert!(dot.contains("root=\"T1\""), "{dot}");
    assert!(dot.contains("ranksep=\""), "{dot}");
}

#[test]
fn an_unknown_layout_is_refused_with_the_choices() {
    let o = argmap()
        .args(["render", SMALL, "--format", "dot", "--layout", "neato"])
        .output()
        .expect("runs");
    assert_eq!(o.status.code(), Some(2));
    let err = stderr(&o);
    assert!(err.contains("auto, dot, sfdp, twopi"), "{err}");
}

#[test]
fn auto_leaves_dot_for_a_large_map_and_says_so() {
    let dir = tempfile::tempdir().expect("tempdir");
    // 3,000 entries: about 2,700 drawn nodes, past `auto`'s 2,500.
    let map = generated(dir.path(), 3000);
    let out = dir.path().join("g.dot");
    let o = argmap()
        .args(["render", "--format", "dot", "-o"])
        .arg(&out)
        .arg(&map)
        .output()
        .expect("runs");
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let err = stderr(&o);
    assert_eq!(err.lines().count(), 1, "one line: {err}");
    assert!(
        err.starts_with("argmap: note: ")
            && err.contains(" nodes: laid out with twopi (dot would take about ")
            && err.contains("--layout dot to force)"),
        "{err}"
    );
    let dot = std::fs::read_to_string(&out).expect("written");
    assert!(dot.contains("layout=\"twopi\""));
    // --layout dot forces dot, silently.
    let o = argmap()
        .args(["render", "--format", "dot", "--layout", "dot", "-o"])
        .arg(&out)
        .arg(&map)
        .output()
        .expect("runs");
    assert_eq!(stderr(&o), "");
    assert!(!std::fs::read_to_string(&out)
        .expect("written")
        .contains("layout="));
}

#[test]
fn compare_takes_layout_too() {
    let a = "maps/permanent-revolution.yaml";
    let b = "maps/quantum-dialectics.yaml";
    let o = argmap()
        .args(["compare", a, b, "--format", "dot", "--layout", "sfdp"])
        .output()
        .expect("runs");
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(String::from_utf8_lossy(&o.stdout).contains("layout=\"sfdp\""));
}

#[test]
fn twopi_and_sfdp_lay_out_an_svg() {
    if !require_graphviz() {
        return;
    }
    let dir = tempfile::tempdir().expect("tempdir");
    for engine in ["twopi", "sfdp"] {
        let out = dir.path().join(format!("{engine}.svg"));
        let o = argmap()
            .args(["render", SMALL, "--layout", engine, "-o"])
            .arg(&out)
            .output()
            .expect("runs");
        assert_eq!(o.status.code(), Some(0), "{engine}: {}", stderr(&o));
        let svg = std::fs::read_to_string(&out).expect("written");
        assert!(svg.contains("<svg") && svg.contains("T1"), "{engine}");
    }
}

#[test]
fn mermaid_past_its_text_limit_is_written_with_a_warning() {
    let dir = tempfile::tempdir().expect("tempdir");
    let map = generated(dir.path(), 600);
    let out = dir.path().join("g.mmd");
    let o = argmap()
        .arg("render")
        .arg(&map)
        .arg("-o")
        .arg(&out)
        .output()
        .expect("runs");
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let text = std::fs::read_to_string(&out).expect("the file is written");
    let units = text.encode_utf16().count();
    assert!(units > 50_000, "{units}");
    let err = stderr(&o);
    assert!(
        err.contains(&format!(
            "argmap: warning: the Mermaid text is {units} characters, more than Mermaid draws by default (50000"
        )),
        "{err}"
    );
    for option in ["--focus", "--depth", "--group"] {
        assert!(err.contains(option), "{option}: {err}");
    }
    // A small map's Mermaid says nothing.
    let o = argmap()
        .args(["render", SMALL, "--format", "mermaid"])
        .output()
        .expect("runs");
    assert_eq!(stderr(&o), "");
}

#[cfg(unix)]
#[test]
fn cairo_scaling_is_said_in_argmap_words() {
    use std::os::unix::fs::PermissionsExt;
    // A `dot` that reads its input into a file beside it (no device is written), then
    // writes a PNG signature and Graphviz's message.
    let dir = tempfile::tempdir().expect("tempdir");
    let fake = dir.path().join("dot");
    std::fs::write(
        &fake,
        "#!/bin/sh\ncat >\"$0.in\"\nprintf '\\211PNG'\necho 'Warning: graph is too large for cairo-renderer bitmaps. Scaling by 0.5 to fit' >&2\n",
    )
    .expect("write script");
    std::fs::set_permissions(&fake, std::fs::Permissions::from_mode(0o755)).expect("chmod");
    let out = dir.path().join("x.png");
    let o = argmap()
        .env("ARGMAP_DOT", &fake)
        .args(["render", SMALL, "-o"])
        .arg(&out)
        .output()
        .expect("runs");
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(out.exists());
    let err = stderr(&o);
    assert_eq!(
        err.trim_end(),
        "argmap: warning: the PNG would be more than 32767 px on a side, Cairo's bitmap \
         limit: Graphviz scaled it to 50% to fit, so its text may be too small to read; draw \
         less with --focus ID --depth N or --group GROUP, or write SVG or PDF, which have no \
         such limit"
    );
}

#[test]
fn a_png_past_cairos_limit_is_written_scaled_with_a_warning() {
    if !require_graphviz() {
        return;
    }
    let dir = tempfile::tempdir().expect("tempdir");
    // 300 claims side by side, each over 100 px wide: past 32,767 px at 96 dpi.
    let map = star(dir.path(), 300);
    let out = dir.path().join("star.png");
    let o = argmap()
        .arg("render")
        .arg(&map)
        .args(["--rankdir", "BT", "-o"])
        .arg(&out)
        .output()
        .expect("runs");
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let png = std::fs::read(&out).expect("the file is written");
    assert_eq!(&png[1..4], b"PNG");
    // The PNG header: width and height, big-endian, at bytes 16..24.
    let side = |at: usize| u32::from_be_bytes([png[at], png[at + 1], png[at + 2], png[at + 3]]);
    let (w, h) = (side(16), side(20));
    assert!(w <= 32_767 && h <= 32_767, "{w} x {h}");
    let err = stderr(&o);
    assert!(
        err.contains("argmap: warning: the PNG would be more than 32767 px on a side, Cairo's bitmap limit: Graphviz scaled it to "),
        "{err}"
    );
    assert!(!err.contains("dot: graph is too large"), "{err}");
}

/// The node names a DOT text declares (`"ID"[label=...` lines).
fn declared(dot: &str) -> Vec<String> {
    dot.lines()
        .filter_map(|l| {
            let l = l.trim_start();
            let rest = l.strip_prefix('"')?;
            let (name, after) = rest.split_once('"')?;
            after
                .trim_start()
                .starts_with("[label=")
                .then(|| name.to_string())
        })
        .collect()
}

#[test]
fn group_draws_one_group_and_where_its_argument_goes() {
    let o = argmap()
        .args([
            "render",
            "maps/permanent-revolution.yaml",
            "--group",
            "ch1-p1",
            "--format",
            "dot",
        ])
        .output()
        .expect("runs");
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let dot = String::from_utf8_lossy(&o.stdout);
    let nodes = declared(&dot);
    // ch1-p1's six nodes, and what they support or attack outside it.
    let map = std::fs::read_to_string("maps/permanent-revolution.yaml").expect("map");
    let in_group = map.matches("    group: ch1-p1\n").count();
    assert_eq!(in_group, 6);
    assert!(nodes.len() > in_group && nodes.len() < 20, "{nodes:?}");
    assert!(dot.contains("cluster_group:ch1-p1"), "its cluster is drawn");
    assert!(!dot.contains("cluster_group:ch5"), "other chapters are not");
    // A group with subgroups draws them too.
    let o = argmap()
        .args([
            "render",
            "maps/permanent-revolution.yaml",
            "--group",
            "ch1-rp",
            "--format",
            "dot",
        ])
        .output()
        .expect("runs");
    let dot = String::from_utf8_lossy(&o.stdout);
    for sub in ["ch1-p1", "ch1-p2", "ch1-p3", "ch1-p4", "ch1-p5"] {
        assert!(dot.contains(&format!("cluster_group:{sub}\"")), "{sub}");
    }
}

#[test]
fn an_unknown_group_is_refused_with_the_groups_there_are() {
    let o = argmap()
        .args([
            "render",
            "maps/permanent-revolution.yaml",
            "--group",
            "ch9",
            "--format",
            "dot",
        ])
        .output()
        .expect("runs");
    assert_eq!(o.status.code(), Some(2));
    let err = stderr(&o);
    assert!(
        err.contains("--group `ch9`: no such group in map `permanent-revolution` (the groups are preface, intro,"),
        "{err}"
    );
    assert!(
        err.contains("did you mean `ch1`?") || err.contains("did you mean"),
        "{err}"
    );
    let o = argmap()
        .args([
            "render",
            "maps/permanent-revolution.yaml",
            "maps/quantum-dialectics.yaml",
            "--group",
            "ch1",
            "--format",
            "dot",
        ])
        .output()
        .expect("runs");
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("one map"));
}

#[test]
fn the_essay_map_is_drawn_bottom_to_top_a_chain_right_to_left() {
    let o = argmap()
        .args([
            "render",
            "maps/permanent-revolution.yaml",
            "--format",
            "dot",
        ])
        .output()
        .expect("runs");
    assert!(String::from_utf8_lossy(&o.stdout).contains("rankdir=\"BT\""));
    // A chain of 80 claims: deep and narrow.
    let dir = tempfile::tempdir().expect("tempdir");
    let mut yaml =
        String::from("id: chain\nclaims:\n  C0:\n    text: The thesis.\n    thesis: true\n");
    for i in 1..80 {
        yaml.push_str(&format!(
            "  C{i}:\n    text: Step {i}.\n    supports: [C{}]\n",
            i - 1
        ));
    }
    let p = dir.path().join("chain.yaml");
    std::fs::write(&p, yaml).expect("write");
    let o = argmap()
        .arg("render")
        .arg(&p)
        .args(["--format", "dot"])
        .output()
        .expect("runs");
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(String::from_utf8_lossy(&o.stdout).contains("rankdir=\"RL\""));
}

#[test]
fn the_essay_svg_is_at_most_three_screens_tall() {
    if !require_graphviz() {
        return;
    }
    let dir = tempfile::tempdir().expect("tempdir");
    let out = dir.path().join("essay.svg");
    let o = argmap()
        .args(["render", "maps/permanent-revolution.yaml", "-o"])
        .arg(&out)
        .output()
        .expect("runs");
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let svg = std::fs::read_to_string(&out).expect("written");
    let height = svg
        .split("height=\"")
        .nth(1)
        .and_then(|r| r.split("pt\"").next())
        .and_then(|h| h.parse::<f64>().ok())
        .expect("the svg's height in pt");
    // 96 px per inch, 72 pt per inch: three screens of 1000 px.
    assert!(height * 96.0 / 72.0 <= 3000.0, "{height} pt");
}

/// `render --overview`: one box per chapter, the theses, and the links between them
/// summed; the essay map's overview fits a screen or two where the full drawing is tens
/// of thousands of pixels wide.
#[test]
fn overview_draws_the_chapters_and_the_links_between_them() {
    let dot = argmap()
        .args(["render", "--overview", "tests/fixtures/formats/groups.yaml"])
        .output()
        .expect("runs");
    assert_eq!(dot.status.code(), Some(0), "{}", stderr(&dot));
    insta::assert_snapshot!("overview-groups-dot", String::from_utf8_lossy(&dot.stdout));
    if !require_graphviz() {
        return;
    }
    let dir = tempfile::tempdir().expect("tempdir");
    let svg = dir.path().join("overview.svg");
    argmap()
        .args([
            "render",
            "--overview",
            "maps/permanent-revolution.yaml",
            "-o",
        ])
        .arg(&svg)
        .assert()
        .code(0);
    let text = std::fs::read_to_string(&svg).expect("written");
    let options = roxmltree::ParsingOptions {
        allow_dtd: true,
        ..Default::default()
    };
    let doc = roxmltree::Document::parse_with_options(&text, options).expect("SVG");
    let size = |attr: &str| -> f64 {
        doc.root_element()
            .attribute(attr)
            .and_then(|v| v.trim_end_matches("pt").parse().ok())
            .expect("size")
    };
    // Every chapter is a box: the map's top-level groups, each by its title.
    for title in [
        "Preface",
        "Introduction",
        "Chapter I",
        "Chapter V",
        "Conclusion",
    ] {
        assert!(text.contains(title), "{title}");
    }
    // At its natural size it is at most two screens wide and one tall (1600 x 1000 px at
    // 96 dpi; the SVG is in points, 72 to the inch).
    let px = |pt: f64| pt * 96.0 / 72.0;
    assert!(px(size("width")) <= 3200.0, "{} pt wide", size("width"));
    assert!(px(size("height")) <= 1500.0, "{} pt tall", size("height"));
}

#[test]
fn overview_needs_one_map_with_groups_and_a_diagram_format() {
    let out = argmap()
        .args(["render", "--overview", SMALL])
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("has none: add `groups:`"),
        "{}",
        stderr(&out)
    );
    let out = argmap()
        .args([
            "render",
            "--overview",
            "maps/permanent-revolution.yaml",
            "maps/quantum-dialectics.yaml",
        ])
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("draws one map; 2 maps"),
        "{}",
        stderr(&out)
    );
    let out = argmap()
        .args([
            "render",
            "--overview",
            "--format",
            "json",
            "tests/fixtures/formats/groups.yaml",
        ])
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("not json"), "{}", stderr(&out));
}
