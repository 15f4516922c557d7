//! One map that uses every construct of the format's second edition together
//! (tests/fixtures/formats/second-edition.yaml: groups, an implicit premise, schemes and
//! answered critical questions, a placeholder source, undercuts of undercuts, a linked
//! attack and a linked undercut, a cross-map `contradicts`): each package tests its own
//! construct; this checks that they hold together.

use crate::common::{argmap, render, root};

const MAP: &str = "tests/fixtures/formats/second-edition.yaml";

#[test]
fn the_map_of_every_construct_checks_without_errors() {
    let out = argmap()
        .args(["check", "--format", "json", MAP])
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(0));
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    let rules: Vec<&str> = report["diagnostics"]
        .as_array()
        .expect("diagnostics")
        .iter()
        .map(|d| d["rule"].as_str().expect("rule"))
        .collect();
    // The warnings are the uncited claims only (A rests on a placeholder, B and C cite
    // nothing), nothing about the new constructs.
    assert_eq!(rules, ["uncited-claim"; 3], "{report}");
}

#[test]
fn the_map_of_every_construct_round_trips_through_aif_exactly() {
    let yaml = std::fs::read_to_string(root().join(MAP)).expect("fixture");
    crate::import::assert_exact_round_trip(&yaml);
    // Through the command line: the imported map exports the same JSON graph (groups,
    // implicit, schemes, answers, chains of undercuts, `with`, contradicts) as the map.
    let dir = tempfile::tempdir().expect("tempdir");
    let aif = dir.path().join("m.json");
    argmap()
        .args(["render", MAP, "--format", "aif", "-o"])
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
    let original = render(&[MAP, "--format", "json"]);
    let imported = render(&[back.to_str().expect("a UTF-8 path"), "--format", "json"]);
    assert_eq!(original, imported);
    for field in [
        "\"group\"",
        "\"implicit\"",
        "\"scheme\"",
        "\"answers\"",
        "\"contradicts\"",
    ] {
        assert!(original.contains(field), "{field} in {original}");
    }
}

#[test]
fn argdown_reads_the_export_of_every_construct_without_errors() {
    let Some(cli) = crate::common::require_argdown() else {
        return;
    };
    let json = crate::common::argdown_json(&cli, &[MAP]);
    // The groups are Argdown sections, nested as `in:` nests them.
    let chapters = &json["sections"][0]["children"];
    assert_eq!(chapters[0]["title"], "Chapter 1: The case", "{chapters}");
    assert_eq!(
        chapters[0]["children"][0]["title"], "The reasons",
        "{chapters}"
    );
    assert_eq!(chapters[1]["title"], "Chapter 2: Objections and replies");
    // Undercuts of undercuts and the linked undercut are relations between arguments.
    let undercuts: Vec<(String, String)> = json["arguments"]
        .as_object()
        .expect("arguments")
        .values()
        .flat_map(|a| a["relations"].as_array().cloned().unwrap_or_default())
        .filter(|r| r["relationType"] == "undercut" && r["toType"] == "argument")
        .map(|r| (r["from"].to_string(), r["to"].to_string()))
        .collect();
    for (from, to) in [
        (
            "V undercuts U undercuts A + H support T",
            "U undercuts A + H support T",
        ),
        ("W1 + W2 undercut B + C attack A", "B + C attack A"),
    ] {
        let pair = (format!("\"{from}\""), format!("\"{to}\""));
        assert!(undercuts.contains(&pair), "{pair:?} in {undercuts:?}");
    }
}

#[test]
fn evaluate_and_support_take_the_map_of_every_construct() {
    let out = argmap().args(["evaluate", MAP]).output().expect("runs");
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let out = argmap()
        .args(["support", "--format", "json", MAP])
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(0));
    let dot = render(&[MAP, "--format", "dot"]);
    insta::assert_snapshot!("second-edition-dot", dot);
}
