//! Groups (`groups:` and `group:`): each diagram and export with groups (snapshots), the
//! `--focus` view's clusters, several maps, Argdown's own parser on the export, the
//! round trip YAML → AIF → YAML, `support` per group, and how the loader reads them.

use crate::common::{argmap, render, root};
use argmap::parse::load::parse_map;

const GROUPS: &str = "tests/fixtures/formats/groups.yaml";

#[test]
fn snapshots_of_the_groups_map_in_every_format() {
    for f in ["dot", "mermaid", "json", "graphml", "aif", "argdown", "af"] {
        insta::assert_snapshot!(format!("groups-{f}"), render(&[GROUPS, "--format", f]));
    }
}

#[test]
fn dot_nests_clusters_as_in_nests_groups_and_draws_each_node_in_its_own() {
    let dot = render(&[GROUPS, "--format", "dot"]);
    let ch1 = dot.find("subgraph \"cluster_group:ch1\" {").expect("ch1");
    let sec = dot
        .find("subgraph \"cluster_group:ch1-a\" {")
        .expect("ch1-a");
    let ch2 = dot.find("subgraph \"cluster_group:ch2\" {").expect("ch2");
    assert!(ch1 < sec && sec < ch2, "{dot}");
    // The section is inside the chapter: it is indented one step further.
    assert!(
        dot.contains("\n    subgraph \"cluster_group:ch1-a\" {"),
        "{dot}"
    );
    assert!(dot.contains("label=\"Chapter 1: The claim\""), "{dot}");
    // C1 and E1 in the section, T1 in the chapter, C2 in none (before the clusters).
    assert!(
        dot.contains("\n      \"C1\"[") && dot.contains("\n      \"E1\"["),
        "{dot}"
    );
    assert!(
        dot.contains("\n    \"T1\"[") && dot.contains("\n    \"R1\"["),
        "{dot}"
    );
    assert!(dot.find("\n  \"C2\"[").expect("C2") < ch1, "{dot}");
}

#[test]
fn focus_draws_only_the_clusters_of_the_nodes_shown() {
    let dot = render(&[GROUPS, "--format", "dot", "--focus", "R1", "--depth", "1"]);
    assert!(dot.contains("cluster_group:ch2"), "{dot}");
    assert!(dot.contains("cluster_group:ch1-a"), "{dot}");
    assert!(!dot.contains("\"C2\"["), "{dot}");
    // T1 is two steps from R1: not drawn, but its chapter holds C1's section.
    assert!(!dot.contains("\"T1\"["), "{dot}");
    assert!(dot.contains("cluster_group:ch1\""), "{dot}");
    let far = render(&[GROUPS, "--format", "dot", "--focus", "C2", "--depth", "1"]);
    assert!(!far.contains("cluster_group:ch2"), "{far}");
}

#[test]
fn several_maps_keep_their_groups_inside_their_own_cluster() {
    let dir = tempfile::tempdir().expect("tempdir");
    let other = dir.path().join("other.yaml");
    let text = std::fs::read_to_string(root().join(GROUPS)).expect("fixture");
    std::fs::write(&other, text.replacen("id: groups", "id: other", 1)).expect("write");
    let out = argmap()
        .args(["render", GROUPS, "--format", "dot"])
        .arg(&other)
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    let dot = String::from_utf8(out.stdout).expect("utf-8");
    assert!(
        dot.contains("subgraph \"cluster_group:groups:ch1\""),
        "{dot}"
    );
    assert!(
        dot.contains("subgraph \"cluster_group:other:ch1-a\""),
        "{dot}"
    );
    // Graphviz lays it out.
    if crate::common::require_graphviz() {
        let svg = argmap()
            .args(["render", GROUPS, "--format", "svg"])
            .arg(&other)
            .output()
            .expect("runs");
        assert_eq!(svg.status.code(), Some(0), "{svg:?}");
        let svg = String::from_utf8(svg.stdout).expect("utf-8");
        assert!(svg.contains("Chapter 1: The claim"), "{svg}");
    }
}

#[test]
fn graphml_nests_a_graph_in_each_group_node() {
    let xml = render(&[GROUPS, "--format", "graphml"]);
    let doc = roxmltree::Document::parse(&xml).expect("well-formed");
    let node = |id: &str| {
        doc.descendants()
            .find(|n| n.has_tag_name("node") && n.attribute("id") == Some(id))
            .unwrap_or_else(|| panic!("no node {id}"))
    };
    // Each node's nearest enclosing group node.
    let group_of = |id: &str| {
        node(id)
            .ancestors()
            .skip(1)
            .find(|n| n.has_tag_name("node"))
            .and_then(|n| n.attribute("id"))
    };
    assert_eq!(group_of("C1"), Some("group:ch1-a"));
    assert_eq!(group_of("E1"), Some("group:ch1-a"));
    assert_eq!(group_of("group:ch1-a"), Some("group:ch1"));
    assert_eq!(group_of("T1"), Some("group:ch1"));
    assert_eq!(group_of("R1"), Some("group:ch2"));
    assert_eq!(group_of("C2"), None);
    let graph = node("group:ch1")
        .children()
        .find(|n| n.has_tag_name("graph"))
        .expect("a nested graph");
    assert_eq!(graph.attribute("id"), Some("group:ch1:"));
    // Edges are in the top graph.
    let edges = doc.descendants().filter(|n| n.has_tag_name("edge")).count();
    assert_eq!(edges, 5);
}

#[test]
fn json_gives_each_node_its_group_and_the_groups() {
    let json: serde_json::Value =
        serde_json::from_str(&render(&[GROUPS, "--format", "json"])).expect("JSON");
    let m = &json["maps"][0];
    assert_eq!(
        m["groups"][1],
        serde_json::json!({"id": "ch1-a", "title": "The first reason", "in": "ch1"})
    );
    let group = |id: &str| {
        m["nodes"]
            .as_array()
            .expect("nodes")
            .iter()
            .find(|n| n["id"] == id)
            .map(|n| n["group"].clone())
    };
    assert_eq!(group("E1"), Some(serde_json::json!("ch1-a")));
    assert_eq!(group("C2"), Some(serde_json::Value::Null));
}

#[test]
fn argdown_writes_groups_as_sections_its_parser_reads() {
    let text = render(&[GROUPS, "--format", "argdown"]);
    let heading = |h: &str| {
        text.find(&format!("\n{h}\n"))
            .unwrap_or_else(|| panic!("{h}: {text}"))
    };
    assert!(heading("## Chapter 1: The claim") < heading("### The first reason"));
    assert!(heading("### The first reason") < text.find("[C1]: ").expect("C1"));
    assert!(heading("## Chapter 2: Objections") < text.find("[R1]: ").expect("R1"));
    assert!(text.find("[C2]: ").expect("C2") < heading("## Chapter 1: The claim"));
    let Some(cli) = crate::common::require_argdown() else {
        return;
    };
    let dir = tempfile::tempdir().expect("tempdir");
    let file = dir.path().join("m.argdown");
    std::fs::write(&file, &text).expect("write");
    let out = std::process::Command::new("node")
        .arg(&cli)
        .arg("json")
        .arg(&file)
        .arg("--stdout")
        .output()
        .expect("node runs");
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!stderr.contains("syntax error"), "{stderr}");
    // The statements are in the sections of their groups.
    let stdout = String::from_utf8_lossy(&out.stdout);
    // The CLI may print more after the document (a plugin's warning): read the first value.
    let json: serde_json::Value =
        serde_json::Deserializer::from_str(&stdout[stdout.find('{').expect("JSON")..])
            .into_iter()
            .next()
            .expect("a JSON value")
            .expect("JSON");
    let sections = json["sections"].to_string();
    for title in [
        "Chapter 1: The claim",
        "The first reason",
        "Chapter 2: Objections",
    ] {
        assert!(sections.contains(title), "{sections}");
    }
    let section_of = |id: &str| json["statements"][id]["section"].clone();
    assert_ne!(section_of("C1"), section_of("T1"));
    assert_eq!(section_of("C1"), section_of("E1"));
    assert_ne!(section_of("R1"), section_of("C1"));
}

/// map → AIF → map through the CLI, as a user does it.
fn round_trip(map: &str) -> (argmap::parse::Map, argmap::parse::Map, String) {
    let dir = tempfile::tempdir().expect("tempdir");
    let aif = dir.path().join("exported.json");
    argmap()
        .args(["render", map, "--format", "aif", "-o"])
        .arg(&aif)
        .assert()
        .code(0);
    let back = dir.path().join("back.yaml");
    argmap()
        .arg("import")
        .arg(&aif)
        .arg("-o")
        .arg(&back)
        .assert()
        .code(0);
    let original =
        parse_map(&std::fs::read_to_string(root().join(map)).expect("map")).expect("parses");
    let text = std::fs::read_to_string(&back).expect("written");
    let imported = parse_map(&text).expect("parses");
    (original, imported, text)
}

#[test]
fn round_trip_through_aif_keeps_groups_and_every_node_exactly() {
    let (a, b, text) = round_trip(GROUPS);
    assert_eq!(a.groups, b.groups, "{text}");
    assert_eq!(a.claims, b.claims, "{text}");
    assert_eq!(a.evidence, b.evidence, "{text}");
    assert_eq!(a.rebuttals, b.rebuttals, "{text}");
    assert_eq!(a.sources, b.sources, "{text}");
    assert_eq!((a.id, a.title), (b.id, b.title));
    // The map written checks clean, as the original does.
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("back.yaml");
    std::fs::write(&path, &text).expect("write");
    argmap().arg("check").arg(&path).assert().code(0);
}

#[test]
fn round_trip_keeps_an_empty_groups_section_and_groups_with_only_a_title() {
    let dir = tempfile::tempdir().expect("tempdir");
    for (name, yaml) in [
        ("empty.yaml", "id: m\ngroups: {}\nclaims:\n  T1: {text: a, thesis: true}\n"),
        (
            "deep.yaml",
            "id: m\ngroups:\n  a: {title: \"A: one\"}\n  b: {title: B, in: a, note: \"n\\u2028x\"}\n  c: {title: '7', in: b}\nclaims:\n  T1: {text: a, thesis: true, group: c}\n",
        ),
    ] {
        let path = dir.path().join(name);
        std::fs::write(&path, yaml).expect("write");
        let (a, b, text) = round_trip(path.to_str().expect("utf-8 path"));
        assert_eq!(a.groups, b.groups, "{yaml}\n---\n{text}");
        assert_eq!(a.claims, b.claims, "{yaml}\n---\n{text}");
    }
}

#[test]
fn support_reports_each_group_with_its_subgroups() {
    insta::assert_snapshot!("groups-support", {
        let out = argmap().args(["support", GROUPS]).output().expect("runs");
        String::from_utf8(out.stdout).expect("utf-8")
    });
    let out = argmap()
        .args(["support", GROUPS, "--format", "json"])
        .output()
        .expect("runs");
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    let ch1 = &json["groups"][0];
    assert_eq!(ch1["id"], "ch1");
    // T1 in the chapter, C1 in its section: two claims.
    assert_eq!(ch1["coverage"]["claims"], 2);
    assert_eq!(json["groups"][1]["in"], "ch1");
    assert_eq!(json["groups"][1]["coverage"]["claims"], 1);
    assert_eq!(json["groups"][2]["coverage"]["claims"], 0);
    assert_eq!(json["ungrouped"]["claims"], 1);
    // A map without groups has no such section.
    let out = argmap()
        .args([
            "support",
            "tests/fixtures/formats/small.yaml",
            "--format",
            "json",
        ])
        .output()
        .expect("runs");
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert!(json.get("groups").is_none() && json.get("ungrouped").is_none());
}

#[test]
fn a_group_field_repeated_or_groups_given_twice_is_a_schema_error() {
    let dir = tempfile::tempdir().expect("tempdir");
    for (yaml, line, column) in [
        (
            "id: m\ngroups:\n  g: {title: G}\nclaims:\n  T1: {text: a, thesis: true, group: g, group: g}\n",
            5,
            41,
        ),
        (
            "id: m\ngroups:\n  g: {title: G}\ngroups:\n  h: {title: H}\nclaims:\n  T1: {text: a, thesis: true, group: g}\n",
            4,
            1,
        ),
    ] {
        let path = dir.path().join("m.yaml");
        std::fs::write(&path, yaml).expect("write");
        let out = argmap()
            .args(["check", "--format", "json"])
            .arg(&path)
            .output()
            .expect("runs");
        let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
        let d = json["diagnostics"]
            .as_array()
            .expect("diagnostics")
            .iter()
            .find(|d| d["severity"] == "error")
            .expect("an error");
        assert_eq!(
            (d["rule"].as_str(), d["line"].as_u64(), d["column"].as_u64()),
            (Some("schema"), Some(line), Some(column)),
            "{yaml}: {json}"
        );
    }
}

#[test]
fn deep_and_long_group_chains_check_and_draw_in_linear_time() {
    // 20,000 groups in one chain, one node in the deepest: no recursion, no quadratic
    // work (the test would take minutes otherwise).
    let n = 20_000;
    let mut yaml = String::from("id: deep\ngroups:\n  g0: {title: G0}\n");
    for i in 1..n {
        yaml.push_str(&format!("  g{i}: {{title: G{i}, in: g{}}}\n", i - 1));
    }
    yaml.push_str(&format!(
        "claims:\n  T1: {{text: a, thesis: true, group: g{}}}\n",
        n - 1
    ));
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("deep.yaml");
    std::fs::write(&path, &yaml).expect("write");
    let start = std::time::Instant::now();
    argmap()
        .args(["check", "--allow", "uncited-claim"])
        .arg(&path)
        .assert()
        .code(0);
    for f in ["dot", "mermaid", "argdown", "graphml", "json"] {
        argmap()
            .args(["render", "--format", f])
            .arg(&path)
            .assert()
            .code(0);
    }
    argmap().arg("support").arg(&path).assert().code(0);
    assert!(start.elapsed().as_secs() < 60, "{:?}", start.elapsed());
    // A loop of 20,000 groups is one diagnostic.
    let looped = yaml.replacen(
        "g0: {title: G0}",
        &format!("g0: {{title: G0, in: g{}}}", n - 1),
        1,
    );
    std::fs::write(&path, &looped).expect("write");
    let out = argmap()
        .args(["check", "--format", "json"])
        .arg(&path)
        .output()
        .expect("runs");
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    let cycles: Vec<_> = json["diagnostics"]
        .as_array()
        .expect("diagnostics")
        .iter()
        .filter(|d| d["rule"] == "group-cycle")
        .collect();
    assert_eq!(cycles.len(), 1);
    assert_eq!(
        (cycles[0]["line"].as_u64(), cycles[0]["column"].as_u64()),
        (Some(3), Some(23))
    );
}

#[test]
fn html_page_carries_hostile_group_titles_escaped() {
    if !crate::common::require_graphviz() {
        return;
    }
    let dir = tempfile::tempdir().expect("tempdir");
    let map = dir.path().join("m.yaml");
    std::fs::write(
        &map,
        "id: m\ngroups:\n  g: {title: \"</script><script>window.__pwned = 1</script>\"}\nclaims:\n  T1: {text: a, thesis: true, group: g}\n",
    )
    .expect("write");
    let page_path = dir.path().join("m.html");
    argmap()
        .args(["render", "--force"])
        .arg(&map)
        .arg("-o")
        .arg(&page_path)
        .assert()
        .code(0);
    let page = std::fs::read_to_string(&page_path).expect("read");
    let start = page.find("id=\"argmap-groups\">").expect("groups block") + 19;
    let end = page[start..].find("</script>").expect("end") + start;
    let block = &page[start..end];
    assert!(!block.contains('<'), "raw < in the groups block: {block}");
    assert!(block.contains("\\u003c/script\\u003e"), "{block}");
    assert_eq!(page.matches("<script").count(), 3);
}

#[test]
fn compare_draws_groups_inside_each_map_and_greys_unaligned_nodes_in_them() {
    let dir = tempfile::tempdir().expect("tempdir");
    let other = dir.path().join("other.yaml");
    let text = std::fs::read_to_string(root().join(GROUPS)).expect("fixture");
    let text = text.replacen("id: groups", "id: other", 1).replacen(
        "rebuttals:\n",
        "  X9:\n    text: Zebras migrate across the frozen tundra every winter.\n    attacks: [R1]\n    group: ch2\nrebuttals:\n",
        1,
    );
    std::fs::write(&other, text).expect("write");
    let out = argmap()
        .args(["compare", GROUPS])
        .arg(&other)
        .args(["--format", "dot"])
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    let dot = String::from_utf8(out.stdout).expect("utf-8");
    assert!(
        dot.contains("subgraph \"cluster_group:other:ch2\""),
        "{dot}"
    );
    let x9 = dot
        .lines()
        .find(|l| l.trim_start().starts_with("\"other:X9\"["))
        .expect("X9 drawn");
    assert!(x9.contains("fillcolor=\"#f7f7f7\""), "{x9}");
}

/// `render --format dot` writes clusters as it makes them (dot::write); the text must be
/// graphviz-rust's printing of the whole graph, nested group clusters included, for one
/// map and for two (group clusters inside the maps' clusters).
#[test]
fn written_dot_with_groups_is_the_printed_graph() {
    use argmap::analyse::{resolve_same_as, Analysed};
    use argmap::present::dot;
    let dir = tempfile::tempdir().expect("tempdir");
    let other = dir.path().join("other.yaml");
    let text = std::fs::read_to_string(root().join(GROUPS)).expect("fixture");
    std::fs::write(&other, text.replacen("id: groups", "id: other", 1)).expect("write");
    let other = other.to_str().expect("utf-8 path").to_string();
    for paths in [vec![GROUPS.to_string()], vec![GROUPS.to_string(), other]] {
        let files: Vec<_> = paths
            .iter()
            .map(|p| argmap::parse::load_file(std::path::Path::new(p)).expect("readable"))
            .collect();
        let maps: Vec<Analysed> = files.iter().filter_map(Analysed::new).collect();
        let (links, _) = resolve_same_as(&maps);
        let diagram: Vec<dot::DiagramMap> = maps
            .iter()
            .map(|m| dot::DiagramMap {
                map: m,
                visible: None,
                focus: None,
            })
            .collect();
        let printed = dot::print(&dot::graph(&diagram, &links, None));
        let args: Vec<&str> = paths.iter().map(String::as_str).collect();
        assert_eq!(render(&args), printed);
    }
}

#[test]
fn nesting_stops_at_sixteen_levels_and_deeper_nodes_join_the_deepest_drawn_group() {
    let n = 40;
    let mut yaml = String::from("id: deep\ngroups:\n  g0: {title: G0}\n");
    for i in 1..n {
        yaml.push_str(&format!("  g{i}: {{title: G{i}, in: g{}}}\n", i - 1));
    }
    yaml.push_str("claims:\n");
    for i in 0..n {
        yaml.push_str(&format!(
            "  C{i}: {{text: claim {i}, thesis: true, group: g{i}}}\n"
        ));
    }
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("deep.yaml");
    std::fs::write(&path, &yaml).expect("write");
    let path = path.to_str().expect("utf-8 path");
    let dot = render(&[path, "--format", "dot", "--allow", "uncited-claim"]);
    assert_eq!(
        dot.matches("subgraph \"cluster_group:").count(),
        16,
        "{dot}"
    );
    assert!(dot.contains("cluster_group:g15\"") && !dot.contains("cluster_group:g16\""));
    // C39 is drawn in g15's cluster, 16 levels in (indent 2 * 17).
    assert!(
        dot.contains(&format!("\n{}\"C39\"[", " ".repeat(34))),
        "{dot}"
    );
    for i in 0..n {
        assert!(dot.contains(&format!("\"C{i}\"[")), "C{i}");
    }
    let mermaid = render(&[path, "--format", "mermaid", "--allow", "uncited-claim"]);
    assert_eq!(mermaid.matches("subgraph ").count(), 16, "{mermaid}");
    assert_eq!(mermaid.matches("  end\n").count(), 16, "{mermaid}");
    let xml = render(&[path, "--format", "graphml", "--allow", "uncited-claim"]);
    let doc = roxmltree::Document::parse(&xml).expect("well-formed");
    let groups = doc
        .descendants()
        .filter(|n| n.has_tag_name("graph"))
        .count();
    assert_eq!(groups, 17, "the top graph and 16 nested ones");
    let c39 = doc
        .descendants()
        .find(|n| n.attribute("id") == Some("C39"))
        .expect("C39");
    let holder = c39.ancestors().skip(1).find(|n| n.has_tag_name("node"));
    assert_eq!(holder.and_then(|n| n.attribute("id")), Some("group:g15"));
}

#[test]
fn nodes_of_an_included_file_are_placed_in_the_root_files_groups() {
    let dir = tempfile::tempdir().expect("tempdir");
    let write =
        |name: &str, text: &str| std::fs::write(dir.path().join(name), text).expect("write");
    write(
        "m.yaml",
        "id: m\ninclude: [p.yaml]\ngroups:\n  ch1: {title: Chapter one}\n  ch2: {title: Chapter two}\nsources:\n  s: {title: S}\nclaims:\n  T1: {text: A., thesis: true, cites: [s], group: ch1}\n",
    );
    write(
        "p.yaml",
        "# chapter two\nclaims:\n  C1:\n    text: B.\n    supports: [T1]\n    cites: [s]\n    group: ch2\n",
    );
    let run = |args: &[&str]| {
        argmap()
            .current_dir(dir.path())
            .args(args)
            .output()
            .expect("runs")
    };
    let out = run(&["check", "m.yaml"]);
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    let dot =
        String::from_utf8(run(&["render", "m.yaml", "--format", "dot"]).stdout).expect("utf-8");
    let ch2 = dot
        .find("subgraph \"cluster_group:ch2\"")
        .expect("ch2 drawn");
    assert!(dot[ch2..].contains("\"C1\"["), "{dot}");
    // An unknown group in the part is reported there; groups declared in a part are
    // refused there (they belong to the root file).
    write(
        "p.yaml",
        "# chapter two\ngroups:\n  ch3: {title: Three}\nclaims:\n  C1:\n    text: B.\n    supports: [T1]\n    cites: [s]\n    group: ch9\n",
    );
    let out = run(&["check", "--format", "json", "m.yaml"]);
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    let found: Vec<(String, String, u64, u64)> = json["diagnostics"]
        .as_array()
        .expect("diagnostics")
        .iter()
        .map(|d| {
            (
                d["rule"].as_str().unwrap_or("").to_string(),
                d["file"].as_str().unwrap_or("").to_string(),
                d["line"].as_u64().unwrap_or(0),
                d["column"].as_u64().unwrap_or(0),
            )
        })
        .collect();
    assert!(
        found.contains(&("schema".into(), "p.yaml".into(), 2, 1)),
        "{found:?}"
    );
    assert!(
        found.contains(&("unknown-group".into(), "p.yaml".into(), 9, 12)),
        "{found:?}"
    );
}
