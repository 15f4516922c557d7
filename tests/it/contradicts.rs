//! Cross-map relations: `contradicts: [other-map:NODE]`, resolved and checked between the
//! maps given together as `same_as` is, carried by every export, drawn between maps.

use crate::common::{argmap, render};
use serde_json::Value;

const LEFT: &str = "tests/fixtures/contradicts/left.yaml";
const RIGHT: &str = "tests/fixtures/contradicts/right.yaml";
const BAD: &str = "tests/fixtures/contradicts/bad.yaml";

/// A diagnostic as (rule, file, line, column, message).
type Found = (String, String, u64, u64, String);

/// The diagnostics of `check --format json MAPS` as (rule, file, line, column, message).
fn check(maps: &[&str]) -> (Vec<Found>, i32) {
    let out = argmap()
        .args(["check", "--format", "json"])
        .args(maps)
        .output()
        .expect("runs");
    let v: Value = serde_json::from_slice(&out.stdout).expect("JSON");
    let found = v["diagnostics"]
        .as_array()
        .expect("diagnostics")
        .iter()
        .map(|d| {
            (
                d["rule"].as_str().unwrap_or("").to_string(),
                d["file"].as_str().unwrap_or("").to_string(),
                d["line"].as_u64().unwrap_or(0),
                d["column"].as_u64().unwrap_or(0),
                d["message"].as_str().unwrap_or("").to_string(),
            )
        })
        .collect();
    (found, out.status.code().unwrap_or(-1))
}

#[test]
fn contradicts_between_two_maps_checks_clean() {
    let (found, code) = check(&[LEFT, RIGHT]);
    assert!(found.is_empty(), "{found:#?}");
    assert_eq!(code, 0);
    // Alone, the other map is not loaded: its references are left alone.
    let (found, code) = check(&[LEFT]);
    assert!(found.is_empty(), "{found:#?}");
    assert_eq!(code, 0);
}

#[test]
fn a_bad_contradicts_is_located_at_the_item() {
    let (found, code) = check(&[BAD, RIGHT]);
    assert_eq!(code, 1);
    let at = |rule: &str, line: u64, column: u64, words: &str| {
        found.iter().any(|(r, f, l, c, m)| {
            r == rule && f == BAD && *l == line && *c == column && m.contains(words)
        })
    };
    assert!(
        at(
            "dangling-reference",
            9,
            19,
            "`T1` contradicts `pavements:T9`: map `pavements` has no node `T9`"
        ),
        "{found:#?}"
    );
    // Within one map an attack says it: `T2` and `trees:T2` (the map's own id) are refused.
    assert!(
        at(
            "schema",
            9,
            33,
            "`T2` is not a reference to another map's node"
        ),
        "{found:#?}"
    );
    assert!(
        at("schema", 9, 37, "`trees:T2` is not a reference"),
        "{found:#?}"
    );
    assert_eq!(found.len(), 3, "{found:#?}");
}

#[test]
fn the_help_of_a_contradicts_in_one_map_says_an_attack_says_it() {
    let out = argmap().args(["check", BAD]).output().expect("runs");
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains("within one map, `attacks: [NODE]` says that"),
        "{text}"
    );
}

#[test]
fn snapshots_of_two_maps_with_contradicts() {
    for f in ["dot", "mermaid", "json", "graphml", "argdown"] {
        insta::assert_snapshot!(
            format!("contradicts-{f}"),
            render(&[LEFT, RIGHT, "--format", f])
        );
    }
    // One map: its references, as written, in the exports that keep a node's fields.
    for f in ["json", "graphml", "aif", "argdown"] {
        insta::assert_snapshot!(
            format!("contradicts-one-{f}"),
            render(&[LEFT, "--format", f])
        );
    }
}

#[test]
fn dot_draws_contradicts_red_dashed_with_both_arrowheads_between_maps() {
    let dot = render(&[LEFT, RIGHT]);
    let lines: Vec<&str> = dot.lines().filter(|l| l.contains("contradicts")).collect();
    assert_eq!(lines.len(), 2, "{dot}");
    assert!(
        lines[0].contains("\"trees:T1\" -> \"pavements:T1\""),
        "{dot}"
    );
    assert!(
        lines[1].contains("\"trees:E1\" -> \"pavements:C1\""),
        "{dot}"
    );
    for l in lines {
        assert!(
            l.contains("color=\"#c62828\"")
                && l.contains("style=\"dashed\"")
                && l.contains("dir=\"both\""),
            "{l}"
        );
    }
}

#[test]
fn json_lists_the_resolved_pairs() {
    let v: Value = serde_json::from_str(&render(&[LEFT, RIGHT, "--format", "json"])).expect("JSON");
    let pairs: Vec<(String, String)> = v["contradicts"]
        .as_array()
        .expect("contradicts")
        .iter()
        .map(|p| {
            (
                p["source"].as_str().unwrap_or("").to_string(),
                p["target"].as_str().unwrap_or("").to_string(),
            )
        })
        .collect();
    assert_eq!(
        pairs,
        [
            ("trees:T1".to_string(), "pavements:T1".to_string()),
            ("trees:E1".to_string(), "pavements:C1".to_string())
        ]
    );
}

#[test]
fn compare_has_the_resolved_pairs_as_data() {
    let files = [
        argmap::load(crate::common::root().join(LEFT)).expect("loads"),
        argmap::load(crate::common::root().join(RIGHT)).expect("loads"),
    ];
    let maps = [
        argmap::Analysed::new(&files[0]).expect("a map"),
        argmap::Analysed::new(&files[1]).expect("a map"),
    ];
    let c = argmap::compare(&maps, &Default::default());
    let got: Vec<(argmap::analyse::compare::Side, &str, &str)> = c
        .contradicts
        .iter()
        .map(|x| (x.side, x.node.as_str(), x.contradicts.as_str()))
        .collect();
    use argmap::analyse::compare::Side::Left;
    assert_eq!(got, [(Left, "T1", "T1"), (Left, "E1", "C1")]);
    let (links, problems) = argmap::analyse::resolve_contradicts(&maps);
    assert_eq!(links.len(), 2);
    assert!(problems.is_empty());
}

#[test]
fn argdown_parser_accepts_the_export_with_contradicts() {
    let Some(cli) = crate::common::require_argdown() else {
        return;
    };
    // Between the two maps shown, each `contradicts` is an Argdown contradiction.
    let json = crate::common::argdown_json(&cli, &[LEFT, RIGHT]);
    let relations = json["relations"].as_array().expect("relations");
    let contradictions = relations
        .iter()
        .filter(|r| r["relationType"] == "contradictory")
        .count();
    assert_eq!(contradictions, 2, "{relations:#?}");
}

#[test]
fn the_compare_diagram_draws_contradicts_between_the_maps() {
    let out = argmap()
        .args(["compare", LEFT, RIGHT, "--format", "dot"])
        .output()
        .expect("runs");
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let dot = String::from_utf8(out.stdout).expect("text");
    let lines: Vec<&str> = dot
        .lines()
        .filter(|l| l.contains("label=\"contradicts\""))
        .collect();
    assert_eq!(lines.len(), 2, "{dot}");
    assert!(
        lines[0].contains("\"trees:T1\" -> \"pavements:T1\""),
        "{dot}"
    );
    assert!(
        lines[1].contains("\"trees:E1\" -> \"pavements:C1\""),
        "{dot}"
    );
}
