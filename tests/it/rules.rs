//! One fixture per rule: the rule fires exactly once, at the right line and column, and
//! no other rule fires; the clean fixture has no diagnostics at all.

use crate::common::argmap;
use serde_json::Value;

/// (rule id, line, column) each fixture must produce, and nothing else.
const EXPECTED: &[(&str, usize, usize)] = &[
    ("yaml-syntax", 4, 12),
    ("schema", 13, 5),
    ("duplicate-id", 25, 3),
    ("dangling-reference", 16, 20),
    ("wrong-target-kind", 16, 20),
    ("self-reference", 16, 20),
    ("circular-support", 17, 16),
    ("support-and-attack", 27, 15),
    ("quote-not-found", 13, 12),
    ("source-unreadable", 3, 9),
    ("uncited-claim", 18, 3),
    ("uncited-evidence", 24, 3),
    ("no-thesis", 9, 1),
    ("orphan", 18, 3),
    ("unused-source", 9, 3),
    ("rebuttal-without-target", 28, 3),
    ("include-unreadable", 3, 30),
    ("include-cycle", 7, 11),
    ("include-repeated", 5, 5),
    ("implicit-quoted", 19, 12),
    ("unquoted-claim", 14, 3),
    ("unknown-scheme", 23, 15),
    ("unknown-critical-question", 26, 14),
    ("unanswered-critical-question", 17, 13),
    ("unknown-group", 21, 12),
    ("group-cycle", 8, 9),
    ("empty-group", 6, 3),
];

fn check_json(file: &str) -> Value {
    // A rule allowed by default is enabled for its own fixture.
    let warn: Vec<&str> = argmap::Rule::ALL
        .iter()
        .filter(|r| r.allowed_by_default() && file == format!("{}.yaml", r.id()))
        .flat_map(|r| ["--warn", r.id()])
        .collect();
    let out = argmap()
        .args(["check", "--format", "json"])
        .args(&warn)
        .arg(format!("tests/fixtures/rules/{file}"))
        .output()
        .expect("argmap runs");
    serde_json::from_slice(&out.stdout).expect("check prints JSON")
}

#[test]
fn every_rule_has_a_fixture() {
    for rule in argmap::Rule::ALL {
        assert!(
            EXPECTED.iter().any(|(r, _, _)| *r == rule.id()),
            "no fixture for {rule}"
        );
    }
}

#[test]
fn each_rule_fires_on_its_fixture_at_the_right_place_and_nowhere_else() {
    for &(rule, line, column) in EXPECTED {
        let report = check_json(&format!("{rule}.yaml"));
        let found: Vec<(String, u64, u64)> = report["diagnostics"]
            .as_array()
            .expect("diagnostics")
            .iter()
            .map(|d| {
                (
                    d["rule"].as_str().unwrap_or("").to_string(),
                    d["line"].as_u64().unwrap_or(0),
                    d["column"].as_u64().unwrap_or(0),
                )
            })
            .collect();
        assert_eq!(
            found,
            vec![(rule.to_string(), line as u64, column as u64)],
            "fixture {rule}.yaml"
        );
    }
}

#[test]
fn clean_fixture_has_no_diagnostics() {
    let report = check_json("clean.yaml");
    assert_eq!(report["diagnostics"], serde_json::json!([]));
    assert_eq!(report["summary"]["errors"], 0);
    assert_eq!(report["summary"]["warnings"], 0);
}

#[test]
fn diagnostics_snapshot_per_rule() {
    for &(rule, _, _) in EXPECTED {
        let mut report = check_json(&format!("{rule}.yaml"));
        // The OS wording of a missing file differs between systems.
        if rule == "source-unreadable" {
            report["diagnostics"][0]["message"] = Value::String("<os message>".into());
        }
        insta::assert_json_snapshot!(format!("rule-{rule}"), report);
    }
}

#[test]
fn human_output_has_snippet_rule_and_help() {
    let out = argmap()
        .arg("check")
        .arg("tests/fixtures/rules/dangling-reference.yaml")
        .output()
        .expect("runs");
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains("error[dangling-reference]: `C1` supports: no node `T2` in this map"),
        "{text}"
    );
    assert!(text.contains("dangling-reference.yaml:16:20"), "{text}");
    assert!(text.contains("supports: [T1, T2]"), "{text}");
    assert!(text.contains("help: did you mean `T1`?"), "{text}");
    assert!(text.contains("1 error, 0 warnings in 1 file"), "{text}");
}

#[test]
fn schema_unknown_field_suggests_the_known_one() {
    let report = check_json("schema.yaml");
    assert_eq!(report["diagnostics"][0]["help"], "did you mean `quote`?");
}

#[test]
fn quote_not_found_shows_closest_passage_and_line() {
    let report = check_json("quote-not-found.yaml");
    let notes = report["diagnostics"][0]["notes"][0].as_str().unwrap_or("");
    assert!(notes.contains("line 1"), "{notes}");
    assert!(notes.contains("\"…the thesis holds…\""), "{notes}");
}

#[test]
fn circular_support_lists_the_cycle() {
    let report = check_json("circular-support.yaml");
    assert_eq!(
        report["diagnostics"][0]["message"],
        "circular support: T1 -> C1 -> T1"
    );
    assert_eq!(
        report["diagnostics"][0]["ids"],
        serde_json::json!(["T1", "C1"])
    );
}

#[test]
fn quote_near_misses_show_whole_words_and_the_first_difference() {
    let out = argmap()
        .args(["check", "--format", "json"])
        .arg("tests/fixtures/quotes/near-miss.yaml")
        .output()
        .expect("argmap runs");
    let report: Value = serde_json::from_slice(&out.stdout).expect("check prints JSON");
    insta::assert_json_snapshot!("quote-near-misses", report["diagnostics"]);
    let text = argmap()
        .arg("check")
        .arg("tests/fixtures/quotes/near-miss.yaml")
        .output()
        .expect("argmap runs");
    let text = String::from_utf8_lossy(&text.stdout);
    assert!(
        text.contains(
            "closest passage (line 2, 98% similar): \"…calls on the workers of the world to \
             unite…\"; first difference: \"workers\" where the quote has \"worker\""
        ),
        "{text}"
    );
}

#[test]
fn an_empty_quote_is_reported_as_empty_not_as_missing() {
    for (quote, with_source) in [
        ("\"\"", true),
        ("\"   \"", true),
        ("\" … \"", true),
        ("\", . --\"", true),
        ("\"\"", false),
    ] {
        let dir = tempfile::tempdir().expect("tempdir");
        std::fs::write(dir.path().join("s.txt"), "Some words of the source.").expect("write");
        let source = if with_source { "source: s.txt\n" } else { "" };
        let map = format!(
            "id: x\n{source}sources:\n  b: {{title: B}}\nclaims:\n  T1:\n    text: A thesis.\n    thesis: true\n    cites: [b]\n    quote: {quote}\n"
        );
        let path = dir.path().join("m.yaml");
        std::fs::write(&path, &map).expect("write");
        let out = argmap()
            .args(["check", "--format", "json"])
            .arg(&path)
            .output()
            .expect("argmap runs");
        let report: Value = serde_json::from_slice(&out.stdout).expect("check prints JSON");
        let d = report["diagnostics"].as_array().expect("diagnostics");
        assert_eq!(d.len(), 1, "{quote}: {d:?}");
        assert_eq!(d[0]["rule"], "quote-not-found", "{quote}");
        assert_eq!(d[0]["message"], "`T1` has an empty quote", "{quote}");
        let line = if with_source { 10 } else { 9 };
        assert_eq!(
            (&d[0]["line"], &d[0]["column"]),
            (&line.into(), &12.into()),
            "{quote}"
        );
        assert!(d[0]["help"]
            .as_str()
            .is_some_and(|h| h.contains("verbatim")));
        assert_eq!(out.status.code(), Some(1));
    }
}
