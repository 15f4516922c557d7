//! `argmap import`: AIF JSON to a map — the AraucariaDB samples, undercuts and
//! rephrases, what `check` would reject, bad input, and the round trip
//! YAML → AIF → YAML.

use crate::common::{argmap, fixture, root};
use argmap::aif;
use argmap::diagnostic::Severity;
use argmap::graph::{ArgGraph, EdgeKind};
use argmap::parse::load::{load_str, parse_map};
use argmap::parse::source_text::SourceLoad;
use argmap::parse::Map;
use petgraph::visit::EdgeRef;
use proptest::prelude::*;
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
    let yaml = argmap::present::map_yaml::render(&imported.map, &name);
    (yaml, imported.notes)
}

/// The errors `argmap check` finds in a map text.
fn check_errors(yaml: &str) -> Vec<String> {
    let file = load_str(Path::new("imported.yaml"), yaml.to_string());
    argmap::check(std::slice::from_ref(&file), [SourceLoad::None])
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
                format!("{a} undercuts {}", g.link_ids(*link).join(" -> "))
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

/// Not AIF JSON at all (not UTF-8, not JSON, not an AIF document's shape): a usage
/// failure, exit 2. AIF with errors: exit 1. Nothing is written either way.
#[test]
fn bad_aif_is_refused_and_nothing_is_written() {
    let dir = tempfile::tempdir().expect("tempdir");
    let out = dir.path().join("out.yaml");
    let cases: &[(&str, i32, &str)] = &[
        ("not json at all", 2, "not JSON"),
        ("id: a-map\nclaims: {}\n", 2, "not JSON"),
        ("{\"nodes\": [], \"edges\": [", 2, "not JSON"),
        ("[1, 2]", 2, "not AIF JSON"),
        ("{\"nodes\": []}", 2, "missing field `edges`"),
        ("{\"nodes\": [{\"text\": \"x\", \"type\": \"I\"}], \"edges\": []}", 2, "missing field `nodeID`"),
        ("{\"nodes\": [{\"nodeID\": {\"a\": 1}, \"text\": \"x\", \"type\": \"I\"}], \"edges\": []}", 2, "not AIF JSON"),
        ("{\"nodes\": [{\"nodeID\": \"1\", \"type\": \"I\"}], \"edges\": []}", 1, "I-node 1 has no text"),
        ("{\"nodes\": [{\"nodeID\": \"1\", \"text\": \"x\", \"type\": \"I\"}], \"edges\": [{\"edgeID\": \"e\", \"fromID\": \"1\", \"toID\": \"9\"}]}", 1, "edge e: toID 9 names no node"),
        ("{\"nodes\": [{\"nodeID\": \"1\", \"text\": \"x\", \"type\": \"I\"}, {\"nodeID\": 1, \"text\": \"y\", \"type\": \"I\"}], \"edges\": []}", 1, "two nodes have the id 1"),
    ];
    for (text, code, message) in cases {
        let input = dir.path().join("in.json");
        std::fs::write(&input, text).expect("write");
        let assert = argmap()
            .arg("import")
            .arg(&input)
            .arg("-o")
            .arg(&out)
            .assert()
            .code(*code)
            .stderr(predicates::str::contains(*message));
        if *code == 2 {
            assert.stderr(predicates::str::contains("reads AIF JSON"));
        }
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
        .code(2);
    assert_eq!(std::fs::read_to_string(&out).expect("read"), "keep me");
    // Not UTF-8; missing file.
    std::fs::write(&input, [0xff, 0xfe, 0x00]).expect("write");
    argmap()
        .arg("import")
        .arg(&input)
        .assert()
        .code(2)
        .stderr(predicates::str::contains("not UTF-8"));
    argmap()
        .args(["import", "no/such/file.json"])
        .assert()
        .code(2);
}

#[test]
fn import_of_a_yaml_map_exits_2_and_says_import_reads_aif() {
    argmap()
        .args(["import", "tests/fixtures/rules/clean.yaml"])
        .assert()
        .code(2)
        .stdout("")
        .stderr(predicates::str::contains(
            "tests/fixtures/rules/clean.yaml: not JSON",
        ))
        .stderr(predicates::str::contains("`argmap import` reads AIF JSON"));
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

/// Everything a map says, as comparable text: every node's section, id and fields
/// (texts byte for byte, the thesis flag as written), every relation, the map's id,
/// title, source and sources. Lists whose order means nothing are sets.
#[derive(Debug, PartialEq, Eq)]
struct Content {
    map: String,
    nodes: std::collections::BTreeMap<String, String>,
    shape: Shape,
}

fn content(m: &Map) -> Content {
    let mut nodes = std::collections::BTreeMap::new();
    for (section, list) in m.node_sections() {
        for (id, n) in list.iter() {
            let cites: Vec<String> = n
                .cites
                .iter()
                .map(|c| format!("{}@{:?}#{:?}", c.source, c.at, c.footnote))
                .collect();
            let same_as: BTreeSet<String> = n
                .same_as()
                .iter()
                .map(|s| {
                    let (a, b) = s.split_once(':').expect("map:NODE");
                    format!("{}:{}", a.trim(), b.trim())
                })
                .collect();
            let contradicts: BTreeSet<String> =
                n.contradicts().iter().map(|s| s.to_string()).collect();
            nodes.insert(
                id.to_string(),
                format!(
                    "{section:?} text={:?} quote={:?} by={:?} note={:?} thesis={:?} cites={cites:?} same_as={same_as:?} contradicts={contradicts:?}",
                    n.text, n.quote, n.by(), n.note(), n.thesis
                ),
            );
        }
    }
    Content {
        map: format!("id={:?} title={:?} source={:?}", m.id, m.title, m.source),
        nodes,
        shape: shape(m),
    }
}

/// map → AIF → map through the library, as `render --format aif` and `import` do.
fn library_round_trip(yaml: &str) -> (Map, Map, String) {
    let file = load_str(Path::new("m.yaml"), yaml.to_string());
    assert!(
        file.load_errors.is_empty(),
        "{:?}\n{yaml}",
        file.load_errors
    );
    let analysed = argmap::analyse::Analysed::new(&file).expect("parsed");
    let json = argmap::aif::export::render(&analysed);
    let doc = aif::parse(&json).expect("AIF parses");
    let imported = aif::import(&doc, None, "exported.json").expect("imports");
    assert_eq!(imported.notes, Vec::<String>::new(), "{json}");
    let back = argmap::present::map_yaml::render(&imported.map, "exported.json");
    let again = parse_map(&back).unwrap_or_else(|e| panic!("{e:?}\n{back}"));
    (file.map.clone().expect("parsed"), again, back)
}

pub(crate) fn assert_exact_round_trip(yaml: &str) -> (Map, Map) {
    let (a, b, back) = library_round_trip(yaml);
    let (ca, cb) = (content(&a), content(&b));
    let context = format!("\n{yaml}\n--- came back as ---\n{back}");
    assert_eq!(ca.map, cb.map, "{context}");
    assert_eq!(ca.nodes, cb.nodes, "{context}");
    assert_eq!(ca.shape.relations, cb.shape.relations, "{context}");
    assert_eq!(ca.shape.sources, cb.shape.sources, "{context}");
    assert_eq!(ca, cb, "{context}");
    (a, b)
}

#[test]
fn aif_round_trip_of_undercuts_of_undercuts_and_linked_undercuts_is_exact() {
    let yaml =
        std::fs::read_to_string(crate::common::fixture("formats/undercuts.yaml")).expect("fixture");
    let (_, b) = assert_exact_round_trip(&yaml);
    let v = b.rebuttals.get("X").expect("X");
    assert_eq!(v.undercuts(), ["V -> U -> A -> T"]);
    assert_eq!(b.rebuttals.get("W1").expect("W1").with(), ["W2"]);
    // The undercut-of-undercut fixtures of `evaluate` too.
    for name in ["undercut-of-undercut", "linked-undercut"] {
        let yaml =
            std::fs::read_to_string(crate::common::fixture(&format!("evaluate/{name}.yaml")))
                .expect("fixture");
        assert_exact_round_trip(&yaml);
    }
}

#[test]
fn a_ca_node_into_an_undercut_ca_node_is_an_undercut_of_an_undercut() {
    // Not made by argmap (no `argmap` members): I-nodes a, t, u, v, w1, w2; RA a -> t;
    // CA u -> RA (an undercut); CA v -> that CA (an undercut of the undercut); CA w1 +
    // w2 -> the CA of v (a linked undercut of it); CA x -> CA y -> CA x (a cycle of
    // undercuts, which names no link).
    let json = r#"{"nodes": [
        {"nodeID": "a", "text": "A reason.", "type": "I"},
        {"nodeID": "t", "text": "The thesis.", "type": "I"},
        {"nodeID": "u", "text": "An undercutter.", "type": "I"},
        {"nodeID": "v", "text": "A counter-undercutter.", "type": "I"},
        {"nodeID": "w1", "text": "One premise.", "type": "I"},
        {"nodeID": "w2", "text": "Its partner.", "type": "I"},
        {"nodeID": "ra", "text": "Default Inference", "type": "RA"},
        {"nodeID": "ca1", "text": "Default Conflict", "type": "CA"},
        {"nodeID": "ca2", "text": "Default Conflict", "type": "CA"},
        {"nodeID": "ca3", "text": "Default Conflict", "type": "CA"},
        {"nodeID": "cx", "text": "Default Conflict", "type": "CA"},
        {"nodeID": "cy", "text": "Default Conflict", "type": "CA"}
    ], "edges": [
        {"fromID": "a", "toID": "ra"}, {"fromID": "ra", "toID": "t"},
        {"fromID": "u", "toID": "ca1"}, {"fromID": "ca1", "toID": "ra"},
        {"fromID": "v", "toID": "ca2"}, {"fromID": "ca2", "toID": "ca1"},
        {"fromID": "w1", "toID": "ca3"}, {"fromID": "w2", "toID": "ca3"},
        {"fromID": "ca3", "toID": "ca2"},
        {"fromID": "u", "toID": "cx"}, {"fromID": "cx", "toID": "cy"},
        {"fromID": "v", "toID": "cy"}, {"fromID": "cy", "toID": "cx"}
    ], "locutions": []}"#;
    let doc = aif::parse(json).expect("AIF parses");
    let imported = aif::import(&doc, None, "other.json").expect("imports");
    let back = argmap::present::map_yaml::render(&imported.map, "other.json");
    let m = parse_map(&back).unwrap_or_else(|e| panic!("{e:?}\n{back}"));
    let node = |id: &str| {
        (m.claims.get(id))
            .or_else(|| m.rebuttals.get(id))
            .unwrap_or_else(|| panic!("no {id}:\n{back}"))
    };
    assert_eq!(node("Iu").undercuts(), ["Ia -> It"], "{back}");
    assert_eq!(node("Iv").undercuts(), ["Iu -> Ia -> It"], "{back}");
    assert_eq!(node("Iw1").undercuts(), ["Iv -> Iu -> Ia -> It"], "{back}");
    assert_eq!(node("Iw2").undercuts(), ["Iv -> Iu -> Ia -> It"], "{back}");
    assert_eq!(node("Iw1").with(), ["Iw2"], "{back}");
    // The cycle is left out with a note, and the map checks clean.
    assert!(
        imported
            .notes
            .iter()
            .any(|n| n.contains("cx") || n.contains("cy")),
        "{:?}",
        imported.notes
    );
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("m.yaml");
    std::fs::write(&path, &back).expect("write");
    crate::common::argmap()
        .arg("check")
        .arg(&path)
        .assert()
        .code(0);
}

#[test]
fn aif_round_trip_keeps_a_map_without_a_thesis_without_one() {
    let yaml = "id: m\nclaims:\n  C1: {text: a}\n  C2: {text: b, supports: [C1]}\n  C3: {text: c, thesis: false, attacks: [C1]}\n";
    let (_, b) = assert_exact_round_trip(yaml);
    assert_eq!(b.claims.get("C1").and_then(|c| c.thesis), None);
    assert_eq!(b.claims.get("C3").and_then(|c| c.thesis), Some(false));
    // Through the command line too: no thesis appears.
    let dir = tempfile::tempdir().expect("tempdir");
    let map = dir.path().join("m.yaml");
    std::fs::write(&map, yaml).expect("write");
    let json = dir.path().join("m.json");
    argmap()
        .args(["render", "--format", "aif", "-o"])
        .arg(&json)
        .arg(&map)
        .assert()
        .code(0);
    let out = argmap().arg("import").arg(&json).output().expect("runs");
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8(out.stdout).expect("utf-8");
    assert!(!text.contains("thesis: true"), "{text}");
}

#[test]
fn aif_round_trip_keeps_text_with_line_and_paragraph_separators_byte_identical() {
    for text in [
        "a\\u2028",
        "x\\u2029",
        "a\\u2028b\\u2029c",
        "a\\n\\u2028b",
        "a\\nb\\u2029",
        "a\\u0085\\nb",
        "tab\\there, \\\"quotes\\\" and \\\\ backslash",
        "trailing space ",
        "\\ufeffbom",
        "esc \\u001b[2J",
        "😀 \\U0001F600",
        "007",
    ] {
        let yaml = format!("id: m\nclaims:\n  T1: {{text: \"{text}\", thesis: true, quote: \"{text}\", by: \"{text}\", note: \"{text}\"}}\n");
        let (a, b) = assert_exact_round_trip(&yaml);
        assert_eq!(
            a.claims.get("T1").and_then(|n| n.text.clone()),
            b.claims.get("T1").and_then(|n| n.text.clone())
        );
    }
}

#[test]
fn aif_round_trip_keeps_source_title_and_sources() {
    let yaml = "id: m\nsource: ../seeds/essay.txt\nsources:\n  s1: {title: A Book, year: 1999, author: \"Ann\\u2028Other\"}\n  s2: {note: lost}\nclaims:\n  T1: {text: a, thesis: true, cites: [s1, {source: s2, at: \"12\", footnote: 3}]}\n";
    let (_, b) = assert_exact_round_trip(yaml);
    assert_eq!(b.source.as_deref(), Some("../seeds/essay.txt"));
    assert_eq!(b.title, None, "no title is made up for an argmap export");
    // The map's title comes back too.
    let (_, b) = assert_exact_round_trip(&format!("title: \"T: \\u2029x\"\n{yaml}"));
    assert_eq!(b.title.as_deref(), Some("T: \u{2029}x"));
}

/// Text as a YAML double-quoted scalar, every character outside printable ASCII escaped
/// (independent of the writer under test).
pub(crate) fn quoted(s: &str) -> String {
    let mut out = String::from("\"");
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            ' '..='~' => out.push(c),
            c => out.push_str(&format!("\\U{:08x}", c as u32)),
        }
    }
    out.push('"');
    out
}

pub(crate) fn any_text() -> impl Strategy<Value = String> {
    let special = prop::sample::select(vec![
        '\u{2028}', '\u{2029}', '\u{85}', '\t', '\n', '\r', '"', '\'', '\\', '😀', ' ', ':', '#',
        '-', '>', '\u{feff}', '\u{0}', '\u{1b}', '\u{a0}', '\u{7f}', '\u{fffe}', '&', '*',
    ]);
    prop::collection::vec(
        prop_oneof![any::<char>(), special, prop::char::range('a', 'z')],
        0..10,
    )
    .prop_map(|v| v.into_iter().collect::<String>())
}

pub(crate) fn nonblank_text() -> impl Strategy<Value = String> {
    any_text().prop_filter("not blank", |s| !s.trim().is_empty())
}

/// A generated node: kind (0 claim, 1 evidence, 2 rebuttal), text, optional fields, and
/// choices that pick its links among earlier nodes.
pub(crate) type NodeSpec = (
    u8,
    String,
    (Option<String>, Option<String>, Option<String>),
    Option<bool>,
    (Vec<usize>, Vec<usize>, Vec<usize>, bool),
    (
        Vec<(usize, Option<String>, Option<String>)>,
        Option<String>,
        Option<usize>,
    ),
);

fn node_spec() -> impl Strategy<Value = NodeSpec> {
    (
        0u8..3,
        nonblank_text(),
        (
            prop::option::of(any_text()),
            prop::option::of(any_text()),
            prop::option::of(any_text()),
        ),
        prop::option::of(any::<bool>()),
        (
            prop::collection::vec(0usize..100, 0..3),
            prop::collection::vec(0usize..100, 0..2),
            prop::collection::vec(0usize..100, 0..2),
            any::<bool>(),
        ),
        (
            prop::collection::vec(
                (
                    0usize..3,
                    prop::option::of(any_text()),
                    prop::option::of(any_text()),
                ),
                0..3,
            ),
            prop::option::of("o[a-z0-9-]{0,6}:[A-Za-z][A-Za-z0-9_.-]{0,5}"),
            prop::option::of(0usize..100),
        ),
    )
}

pub(crate) type MapSpec = (
    Option<String>,
    Option<String>,
    Vec<(Option<String>, Option<String>)>,
    Vec<NodeSpec>,
);

pub(crate) fn map_spec() -> impl Strategy<Value = MapSpec> {
    (
        prop::option::of(any_text()),
        prop::option::of(nonblank_text()),
        prop::collection::vec(
            (
                prop::option::of(nonblank_text()),
                prop::option::of(any_text()),
            ),
            1..4,
        ),
        prop::collection::vec(node_spec(), 1..8),
    )
}

/// A valid map (no error `check` would find but quotes) from a spec: links go to earlier
/// nodes only (no support cycle), no node both supports and attacks another, every
/// rebuttal attacks something.
pub(crate) fn map_yaml((title, source, sources, specs): &MapSpec) -> String {
    let mut y = String::from("id: m\n");
    if let Some(t) = title {
        y.push_str(&format!("title: {}\n", quoted(t)));
    }
    if let Some(s) = source {
        y.push_str(&format!("source: {}\n", quoted(s)));
    }
    y.push_str("sources:\n");
    for (i, (t, note)) in sources.iter().enumerate() {
        let t = t.clone().unwrap_or_else(|| "untitled".into());
        y.push_str(&format!("  s{i}: {{title: {}", quoted(&t)));
        if let Some(n) = note {
            y.push_str(&format!(", note: {}", quoted(n)));
        }
        y.push_str("}\n");
    }
    let mut sections = [String::new(), String::new(), String::new()];
    let mut supports: Vec<Vec<usize>> = Vec::new();
    let mut attacks: Vec<Vec<usize>> = Vec::new();
    for (
        i,
        (kind, text, (quote, by, note), thesis, (sup, att, und, linked), (cites, other, own)),
    ) in specs.iter().enumerate()
    {
        let pick = |xs: &[usize]| -> Vec<usize> {
            let mut v: Vec<usize> = xs.iter().filter(|_| i > 0).map(|x| x % i).collect();
            v.sort_unstable();
            v.dedup();
            v
        };
        let sup = pick(sup);
        let mut att: Vec<usize> = pick(att).into_iter().filter(|a| !sup.contains(a)).collect();
        let mut kind = *kind;
        if kind == 2 && att.is_empty() {
            if let Some(&first) = sup.first() {
                // Turn a support into the attack a rebuttal needs.
                att.push(first);
            } else {
                kind = 0;
            }
        }
        let sup: Vec<usize> = sup.into_iter().filter(|s| !att.contains(s)).collect();
        // Undercuts: links of earlier nodes that do not touch this one.
        let links: Vec<String> = (0..i)
            .flat_map(|p| {
                supports[p]
                    .iter()
                    .chain(&attacks[p])
                    .map(move |t| format!("N{p} -> N{t}"))
            })
            .collect();
        let und: Vec<String> = if links.is_empty() {
            Vec::new()
        } else {
            let mut u: Vec<String> = und.iter().map(|x| links[x % links.len()].clone()).collect();
            u.sort();
            u.dedup();
            u
        };
        let mut n = format!("  N{i}:\n    text: {}\n", quoted(text));
        for (k, v) in [("quote", quote), ("by", by), ("note", note)] {
            if let Some(v) = v {
                n.push_str(&format!("    {k}: {}\n", quoted(v)));
            }
        }
        if let (0, Some(t)) = (kind, thesis) {
            n.push_str(&format!("    thesis: {t}\n"));
        }
        let ids = |v: &[usize]| {
            v.iter()
                .map(|x| format!("N{x}"))
                .collect::<Vec<_>>()
                .join(", ")
        };
        if !sup.is_empty() {
            n.push_str(&format!("    supports: [{}]\n", ids(&sup)));
        }
        if !att.is_empty() {
            n.push_str(&format!("    attacks: [{}]\n", ids(&att)));
        }
        // A co-premise: an earlier node that supports a target of this one.
        let with = sup
            .iter()
            .find_map(|t| (0..i).find(|q| q != t && supports[*q].contains(t)));
        if let (true, Some(q)) = (linked, with) {
            n.push_str(&format!("    with: [N{q}]\n"));
        }
        if !und.is_empty() {
            n.push_str(&format!(
                "    undercuts: [{}]\n",
                und.iter().map(|u| quoted(u)).collect::<Vec<_>>().join(", ")
            ));
        }
        if !cites.is_empty() {
            n.push_str("    cites:\n");
            for (s, at, footnote) in cites {
                let s = s % sources.len();
                match (at, footnote) {
                    (None, None) => n.push_str(&format!("      - s{s}\n")),
                    _ => {
                        n.push_str(&format!("      - source: s{s}\n"));
                        if let Some(a) = at {
                            n.push_str(&format!("        at: {}\n", quoted(a)));
                        }
                        if let Some(f) = footnote {
                            n.push_str(&format!("        footnote: {}\n", quoted(f)));
                        }
                    }
                }
            }
        }
        let mut same_as: Vec<String> = other.iter().cloned().collect();
        if let Some(o) = own.filter(|_| i > 0) {
            same_as.push(format!("m:N{}", o % i));
        }
        if !same_as.is_empty() {
            n.push_str(&format!(
                "    same_as: [{}]\n",
                same_as
                    .iter()
                    .map(|s| quoted(s))
                    .collect::<Vec<_>>()
                    .join(", ")
            ));
        }
        sections[kind as usize].push_str(&n);
        supports.push(sup);
        attacks.push(att);
    }
    for (key, body) in ["claims", "evidence", "rebuttals"].iter().zip(&sections) {
        if !body.is_empty() {
            y.push_str(&format!("{key}:\n{body}"));
        }
    }
    y
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, .. ProptestConfig::default() })]

    /// map → AIF → map gives the same map, whatever the texts hold.
    #[test]
    fn aif_round_trip_is_exact_for_any_text(spec in map_spec()) {
        let yaml = map_yaml(&spec);
        // The generated YAML says what the spec says (the escapes are read as meant).
        let file = load_str(Path::new("m.yaml"), yaml.clone());
        let m = file.map.as_ref().unwrap_or_else(|| panic!("{:?}\n{yaml}", file.load_errors));
        let node = m.node_sections().iter().find_map(|(_, s)| s.get("N0").cloned()).expect("N0");
        prop_assert_eq!(node.text.as_deref(), Some(spec.3[0].1.as_str()));
        assert_exact_round_trip(&yaml);
    }
}

#[test]
fn aif_round_trip_keeps_contradicts() {
    let yaml = "id: m\nclaims:\n  T1:\n    text: A thesis.\n    thesis: true\n    contradicts: [other:T1, \"third:C 2\"]\n  C1:\n    text: A reason.\n    supports: [T1]\n    contradicts: [other:R1]\n";
    let (a, b) = assert_exact_round_trip(yaml);
    let t1 = b.claims.get("T1").expect("T1");
    assert_eq!(t1.contradicts(), ["other:T1", "third:C 2"]);
    assert_eq!(a.claims.get("C1").expect("C1").contradicts(), ["other:R1"]);
}

#[test]
fn round_trip_of_a_map_in_several_files_is_the_map_in_one_file() {
    // Export flattens: the AIF of a map with `include` is that of one map, and `import`
    // writes it as one file.
    let (_, imported) = round_trip("tests/fixtures/include/ok/map.yaml");
    let flat = parse_map(
        &std::fs::read_to_string(root().join("tests/fixtures/include/ok/flat.yaml")).expect("map"),
    )
    .expect("parses");
    assert!(imported.include.is_empty());
    assert_eq!(content(&imported), content(&flat));
}
