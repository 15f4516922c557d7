//! Locations: each fixture under tests/fixtures/locations reports its problem at the
//! offending character or value itself (for a value not written at all, at its key),
//! with a message that says what it is.

use crate::common::argmap;
use serde_json::Value;

fn check_json(file: &str) -> Value {
    let out = argmap()
        .args(["check", "--format", "json"])
        .arg(format!("tests/fixtures/locations/{file}"))
        .output()
        .expect("argmap runs");
    assert_eq!(out.status.code(), Some(1), "{file} must fail the check");
    serde_json::from_slice(&out.stdout).expect("check prints JSON")
}

/// (fixture, rule, line, column, a part of the message) of the one error it must report.
const EXPECTED: &[(&str, &str, u64, u64, &str)] = &[
    ("nul-byte.yaml", "yaml-syntax", 4, 1, "a NUL byte (U+0000)"),
    (
        "tab-indent.yaml",
        "yaml-syntax",
        5,
        1,
        "a tab character cannot indent YAML; use spaces",
    ),
    (
        "tab-before-key.yaml",
        "yaml-syntax",
        5,
        3,
        "a tab character cannot indent YAML; use spaces",
    ),
    (
        "tab-after-colon.yaml",
        "yaml-syntax",
        4,
        10,
        "a tab character after `:`",
    ),
    ("cr-only.yaml", "dangling-reference", 6, 20, "no node `T9`"),
    ("null-key.yaml", "schema", 4, 3, "a null key (`~`)"),
    ("empty-text.yaml", "schema", 4, 5, "has empty `text`"),
    ("empty-node.yaml", "schema", 4, 3, "`C1` has no `text`"),
    (
        "alias-key.yaml",
        "duplicate-id",
        4,
        3,
        "`T1` is declared twice",
    ),
    // An error about the value an alias stands for is where the alias is used.
    (
        "alias-value-wrong-type.yaml",
        "schema",
        6,
        34,
        "invalid type: map, expected a list",
    ),
    (
        "indented-garbage.yaml",
        "yaml-syntax",
        4,
        4,
        "did not find expected key",
    ),
    (
        "plain-line-in-mapping.yaml",
        "yaml-syntax",
        4,
        3,
        "a line without `key:`",
    ),
    (
        "plain-line-at-end.yaml",
        "yaml-syntax",
        5,
        3,
        "a line without `key:`",
    ),
    (
        "block-map-for-string.yaml",
        "schema",
        6,
        7,
        "invalid type: map, expected a string",
    ),
    (
        "number-like-ids.yaml",
        "dangling-reference",
        7,
        21,
        "no node `1.10`",
    ),
    (
        "long-key.yaml",
        "yaml-syntax",
        4,
        3,
        "a plain key longer than 1,024 characters",
    ),
    (
        "deep-unknown-field.yaml",
        "yaml-syntax",
        6,
        136,
        "nested more than 128 levels deep",
    ),
    // Undercuts of undercuts: the link missing at whatever level, named; an undercut
    // of one's own undercut; co-premises that undercut different links.
    (
        "undercut-missing-inner-link.yaml",
        "dangling-reference",
        11,
        37,
        "`Z` undercuts the link `V -> X1 -> A -> T`, but the link `X1 -> A -> T` does not exist",
    ),
    (
        "undercut-of-undercut-missing.yaml",
        "dangling-reference",
        11,
        9,
        "`V` undercuts the link `U -> B -> T`, which does not exist",
    ),
    (
        "undercut-own-undercut.yaml",
        "self-reference",
        8,
        27,
        "`U` undercuts itself",
    ),
    (
        "linked-undercut-no-shared-link.yaml",
        "dangling-reference",
        7,
        59,
        "`U` is linked `with` `W`, but they share no target",
    ),
    // Invisible characters: exact in JSON, shown as escapes in human output (below).
    ("bom-in-id.yaml", "schema", 4, 3, "bad id `\u{feff}C1`"),
    (
        "nul-in-reference.yaml",
        "dangling-reference",
        4,
        35,
        "no node `T1\u{0}`",
    ),
    (
        "group-without-title.yaml",
        "schema",
        3,
        3,
        "group `ch1` has no `title`",
    ),
    (
        "group-unknown-field.yaml",
        "schema",
        5,
        5,
        "unknown field `inn` in a group",
    ),
    ("group-bad-id.yaml", "schema", 3, 3, "bad id `chapter one`"),
    (
        "group-in-itself.yaml",
        "group-cycle",
        3,
        33,
        "group `ch1` is in itself",
    ),
    (
        "group-in-unknown.yaml",
        "unknown-group",
        5,
        11,
        "group `ch1` is in group `part-one`",
    ),
];

#[test]
fn every_location_fixture_reports_its_error_at_the_offending_place() {
    let mut files: Vec<String> = std::fs::read_dir(crate::common::fixture("locations"))
        .expect("fixtures")
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    files.sort();
    let mut listed: Vec<String> = EXPECTED.iter().map(|e| e.0.to_string()).collect();
    listed.sort();
    assert_eq!(files, listed, "each fixture has one expectation");
    for &(file, rule, line, column, message) in EXPECTED {
        let v = check_json(file);
        let errors: Vec<&Value> = v["diagnostics"]
            .as_array()
            .expect("diagnostics")
            .iter()
            .filter(|d| d["severity"] == "error")
            .collect();
        assert_eq!(errors.len(), 1, "{file}: {errors:?}");
        let d = errors[0];
        assert_eq!(
            (d["rule"].as_str(), d["line"].as_u64(), d["column"].as_u64()),
            (Some(rule), Some(line), Some(column)),
            "{file}: {d}"
        );
        assert!(
            d["message"].as_str().is_some_and(|m| m.contains(message)),
            "{file}: {d}"
        );
    }
}

#[test]
fn ids_that_look_like_numbers_keep_their_text() {
    let v = check_json("number-like-ids.yaml");
    let ids: Vec<&str> = v["diagnostics"]
        .as_array()
        .expect("diagnostics")
        .iter()
        .flat_map(|d| d["ids"].as_array().into_iter().flatten())
        .filter_map(Value::as_str)
        .collect();
    assert!(ids.contains(&"007") && ids.contains(&"1e3"), "{ids:?}");
    // `007` in the supports list is the claim `007`, not `7`: only `1.10` dangles.
    let out = argmap()
        .args(["render", "--format", "json", "--force"])
        .arg("tests/fixtures/locations/number-like-ids.yaml")
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains("\"007\"") && text.contains("\"1e3\""),
        "{text}"
    );
    assert!(
        !text.contains("\"1000\"") && !text.contains("\"7\""),
        "{text}"
    );
}

/// Human output for `fixture`, from the repository root.
fn human(fixture: &str) -> String {
    let out = argmap()
        .arg("check")
        .arg(format!("tests/fixtures/locations/{fixture}"))
        .output()
        .expect("runs");
    String::from_utf8(out.stdout).expect("utf-8")
}

#[test]
fn human_output_of_cr_only_line_endings_shows_the_right_line() {
    let text = human("cr-only.yaml");
    assert!(text.contains("cr-only.yaml:6:20"), "{text}");
    assert!(text.contains("6 │     supports: [T1, T9]"), "{text}");
    insta::assert_snapshot!("human-cr-only", text);
}

#[test]
fn human_output_shows_a_bom_and_a_nul_in_messages() {
    let text = human("bom-in-id.yaml");
    assert!(text.contains("bad id `\\u{feff}C1`"), "{text}");
    let text = human("nul-in-reference.yaml");
    assert!(text.contains("no node `T1\\0`"), "{text}");
}

#[test]
fn human_output_of_a_tab_points_at_the_tab() {
    insta::assert_snapshot!("human-tab-indent", human("tab-indent.yaml"));
}
