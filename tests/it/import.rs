//! `argmap import`: AIF JSON to a map — the AraucariaDB samples, undercuts and
//! rephrases, what `check` would reject, bad input, and the round trip
//! YAML → AIF → YAML.

use crate::common::{argmap, fixture, root};
use argmap::build::{ArgGraph, EdgeKind};
use argmap::diagnostic::Severity;
use argmap::parse::aif;
use argmap::parse::load::{load_str, parse_map};
use argmap::parse::source_text::SourceLoad;
use argmap::parse::Map;
use petgraph::visit::EdgeRef;
use std::collections::BTreeSet;
use std::path::Path;

const SAMPLES: &[&str] = &["nodeset10", "nodeset105", "nodeset108", "nodeset127"];

/// Imports an AIF file through the library: the YAML text and the notes.
fn import_file(path: &Path) -> (String, Vec<String>) {
    let text = std::fs::read_to_string(path).expect("fixture");
    let doc = aif::parse(&text).expect("AIF parses");
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let imported = aif::import(&doc, None, &name).expect("imports");
    let yaml = argmap::present::map_yaml::render(&imported.map, &name).expect("serialises");
    (yaml, imported.notes)
}

/// The errors `argmap check` finds in a map text.
fn check_errors(yaml: &str) -> Vec<String> {
    let file = load_str(Path::new("imported.yaml"), yaml.to_string());
    argmap::analyse::check(std::slice::from_ref(&file), [SourceLoad::None])
        .expect("the text is held")
        .into_iter()
        .filter(|d| d.severity == Severity::Error)
        .map(|d| format!("{}: {}", d.rule.id(), d.message))
        .collect()
}

/// Every node and relation of a map, as comparable text.
#[derive(Debug, PartialEq, Eq)]
struct Shape {
    nodes: BTreeSet<String>,
    relations: BTreeSet<String>,
    sources: BTreeSet<String>,
}

fn shape(m: &Map) -> Shape {
    let g = ArgGraph::build(m);
    let mut nodes = BTreeSet::new();
    for ix in g.graph.node_indices() {
        let n = &g.graph[ix];
        if let Some(node) = n.node {
            let cites: Vec<String> = node
                .cites
                .iter()
                .map(|c| format!("{}@{:?}#{:?}", c.source, c.at, c.footnote))
                .collect();
            let own = format!("{}:", m.id.as_deref().unwrap_or_default());
            let other_maps: Vec<&str> = node
                .same_as()
                .iter()
                .map(|s| s.as_str())
                .filter(|s| !s.starts_with(&own))
                .collect();
            nodes.insert(format!(
                "{} {} {:?} thesis={} quote={:?} by={:?} note={:?} cites={cites:?} same_as={other_maps:?}",
                n.kind.name(),
                n.id,
                n.text(),
                n.is_thesis(),
                node.quote,
                node.by(),
                node.note()
            ));
        }
    }
    let mut relations = BTreeSet::new();
    for e in g.graph.edge_references() {
        let (a, b) = (g.graph[e.source()].id, g.graph[e.target()].id);
        let r = match e.weight() {
            EdgeKind::Supports => format!("{a} supports {b}"),
            EdgeKind::Attacks => format!("{a} attacks {b}"),
            EdgeKind::Undercuts { link } => {
                let (x, y) = g.graph.edge_endpoints(*link).expect("link");
                format!("{a} undercuts {} -> {}", g.graph[x].id, g.graph[y].id)
            }
            EdgeKind::SameAs => format!("{a} same_as {b}"),
            EdgeKind::Cites { .. } => continue,
        };
        relations.insert(r);
    }
    for (a, partners) in &g.linked {
        for b in partners {
            relations.insert(format!("{} with {}", g.graph[*a].id, g.graph[*b].id));
        }
    }
    let sources = m
        .sources
        .iter()
        .map(|(id, s)| format!("{id} {s:?}"))
        .collect();
    Shape {
        nodes,
        relations,
        sources,
    }
}

#[test]
fn every_sample_imports_and_passes_check() {
    for name in SAMPLES {
        let (yaml, _) = import_file(&fixture(&format!("aif/{name}.json")));
        assert_eq!(check_errors(&yaml), Vec::<String>::new(), "{name}:\n{yaml}");
        let m = parse_map(&yaml).expect("imported map parses");
        assert_eq!(m.id.as_deref(), Some(*name));
        let theses: Vec<&str> = m
            .claims
            .iter()
            .filter(|(_, c)| c.thesis == Some(true))
            .map(|(id, _)| id.as_str())
            .collect();
        assert_eq!(theses.len(), 1, "{name}: one thesis");
    }
}

#[test]
fn samples_keep_their_structure() {
    let (yaml, _) = import_file(&fixture("aif/nodeset10.json"));
    let m = parse_map(&yaml).expect("parses");
    assert_eq!(m.claims.len(), 4);
    let s = shape(&m);
    for r in [
        "I278 supports I277",
        "I279 supports I277",
        "I280 supports I277",
        "I278 with I279",
        "I278 with I280",
    ] {
        assert!(s.relations.contains(r), "{r}: {:?}", s.relations);
    }
    assert_eq!(m.claims.get("I277").and_then(|c| c.thesis), Some(true));

    let (yaml, _) = import_file(&fixture("aif/nodeset105.json"));
    let m = parse_map(&yaml).expect("parses");
    let s = shape(&m);
    assert!(
        s.relations.contains("I953 attacks I952"),
        "{:?}",
        s.relations
    );
    assert_eq!(m.claims.get("I952").and_then(|c| c.thesis), Some(true));

    let (yaml, notes) = import_file(&fixture("aif/nodeset127.json"));
    let m = parse_map(&yaml).expect("parses");
    assert_eq!(m.claims.len(), 6, "the L and YA nodes are not claims");
    assert!(notes.iter().any(|n| n.contains("6 L, 6 YA")), "{notes:?}");
    assert_eq!(m.claims.get("I378").and_then(|c| c.thesis), Some(true));
    insta::assert_snapshot!("import-nodeset127", yaml);
}

#[test]
fn numeric_ids_undercuts_and_rephrases() {
    let (yaml, notes) = import_file(&fixture("aif/numeric-undercut.json"));
    assert_eq!(check_errors(&yaml), Vec::<String>::new(), "{yaml}");
    let m = parse_map(&yaml).expect("parses");
    let s = shape(&m);
    let expected = [
        "I2 supports I1",
        "I3 attacks I1",
        "I4 undercuts I2 -> I1",
        "I6 undercuts I3 -> I1",
        "I5 same_as I1",
    ];
    for r in expected {
        assert!(s.relations.contains(r), "{r}: {:?}", s.relations);
    }
    assert_eq!(s.relations.len(), expected.len(), "{:?}", s.relations);
    assert_eq!(m.claims.get("I1").and_then(|c| c.thesis), Some(true));
    assert!(
        notes.iter().any(|n| n.contains("1 L, 1 YA, 1 TA")),
        "{notes:?}"
    );
    insta::assert_snapshot!("import-numeric-undercut", yaml);
}

#[test]
fn what_check_would_reject_is_left_out_with_a_note() {
    let (yaml, notes) = import_file(&fixture("aif/awkward.json"));
    assert_eq!(check_errors(&yaml), Vec::<String>::new(), "{yaml}");
    let joined = notes.join("\n");
    assert!(joined.contains("Ic would support itself"), "{joined}");
    assert!(
        joined.contains("Ia both supports and attacks Ib"),
        "{joined}"
    );
    assert!(joined.contains("closes a cycle of supports"), "{joined}");
    assert!(joined.contains("node lonely has no premise"), "{joined}");
    assert!(
        joined.contains("Ib undercuts RA node r4, which carries no link"),
        "{joined}"
    );
}

#[test]
fn cli_import_writes_a_map_that_checks() {
    let dir = tempfile::tempdir().expect("tempdir");
    for name in SAMPLES {
        let out = dir.path().join(format!("{name}.yaml"));
        argmap()
            .args(["import"])
            .arg(fixture(&format!("aif/{name}.json")))
            .arg("-o")
            .arg(&out)
            .assert()
            .code(0);
        argmap().arg("check").arg(&out).assert().code(0);
    }
    // Standard output, and an explicit id.
    let out = argmap()
        .args([
            "import",
            "tests/fixtures/aif/nodeset10.json",
            "--id",
            "asylum",
        ])
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&out.stdout).contains("id: asylum\n"));
    argmap()
        .args([
            "import",
            "tests/fixtures/aif/nodeset10.json",
            "--id",
            "Bad Id",
        ])
        .assert()
        .code(2);
}

#[test]
fn bad_aif_is_refused_and_nothing_is_written() {
    let dir = tempfile::tempdir().expect("tempdir");
    let out = dir.path().join("out.yaml");
    let cases: &[(&str, &str)] = &[
        ("not json at all", "not JSON"),
        ("{\"nodes\": [], \"edges\": [", "not JSON"),
        ("[1, 2]", "not AIF JSON"),
        ("{\"nodes\": []}", "missing field `edges`"),
        ("{\"nodes\": [{\"text\": \"x\", \"type\": \"I\"}], \"edges\": []}", "missing field `nodeID`"),
        ("{\"nodes\": [{\"nodeID\": \"1\", \"type\": \"I\"}], \"edges\": []}", "I-node 1 has no text"),
        ("{\"nodes\": [{\"nodeID\": \"1\", \"text\": \"x\", \"type\": \"I\"}], \"edges\": [{\"edgeID\": \"e\", \"fromID\": \"1\", \"toID\": \"9\"}]}", "edge e: toID 9 names no node"),
        ("{\"nodes\": [{\"nodeID\": \"1\", \"text\": \"x\", \"type\": \"I\"}, {\"nodeID\": 1, \"text\": \"y\", \"type\": \"I\"}], \"edges\": []}", "two nodes have the id 1"),
        ("{\"nodes\": [{\"nodeID\": {\"a\": 1}, \"text\": \"x\", \"type\": \"I\"}], \"edges\": []}", "not AIF JSON"),
    ];
    for (text, message) in cases {
        let input = dir.path().join("in.json");
        std::fs::write(&input, text).expect("write");
        argmap()
            .arg("import")
            .arg(&input)
            .arg("-o")
            .arg(&out)
            .assert()
            .code(1)
            .stderr(predicates::str::contains(*message));
        assert!(!out.exists(), "nothing written for {text}");
    }
    // An existing output is left alone.
    std::fs::write(&out, "keep me").expect("write");
    let input = dir.path().join("in.json");
    std::fs::write(&input, "{").expect("write");
    argmap()
        .arg("import")
        .arg(&input)
        .arg("-o")
        .arg(&out)
        .assert()
        .code(1);
    assert_eq!(std::fs::read_to_string(&out).expect("read"), "keep me");
    // Not UTF-8; missing file.
    std::fs::write(&input, [0xff, 0xfe, 0x00]).expect("write");
    argmap()
        .arg("import")
        .arg(&input)
        .assert()
        .code(1)
        .stderr(predicates::str::contains("not UTF-8"));
    argmap()
        .args(["import", "no/such/file.json"])
        .assert()
        .code(2);
}

/// YAML → AIF (render) → YAML (import), through the command line.
fn round_trip(map: &str) -> (Map, Map) {
    let dir = tempfile::tempdir().expect("tempdir");
    let aif_path = dir.path().join("exported.json");
    argmap()
        .args(["render", map, "--format", "aif", "-o"])
        .arg(&aif_path)
        .assert()
        .code(0);
    let back = dir.path().join("back.yaml");
    argmap()
        .arg("import")
        .arg(&aif_path)
        .arg("-o")
        .arg(&back)
        .assert()
        .code(0);
    let original =
        parse_map(&std::fs::read_to_string(root().join(map)).expect("map")).expect("parses");
    let imported = parse_map(&std::fs::read_to_string(&back).expect("written")).expect("parses");
    (original, imported)
}

#[test]
fn round_trip_keeps_every_node_and_relation() {
    let (original, imported) = round_trip("tests/fixtures/formats/small.yaml");
    let (a, b) = (shape(&original), shape(&imported));
    assert_eq!(a, b);
    assert!(a.relations.contains("R1 undercuts C1 -> T1"));
    assert!(a.relations.contains("R2 undercuts S1 -> T1"));
    assert!(a.relations.contains("C2 with C3"));
    assert!(a.relations.contains("C4 same_as T1"));
    assert_eq!(imported.id, original.id);
    assert_eq!(imported.title, original.title);
}

#[test]
fn round_trip_of_the_essay_map() {
    let (original, imported) = round_trip("maps/permanent-revolution.yaml");
    let (a, b) = (shape(&original), shape(&imported));
    assert_eq!(a.nodes, b.nodes);
    assert_eq!(a.relations, b.relations);
    assert_eq!(a.sources, b.sources);
}
