//! The essay maps in maps/ stay free of errors, so a change that breaks them fails CI.

use crate::common::argmap;

fn check(maps: &[&str]) -> serde_json::Value {
    let out = argmap()
        .args(["check", "--format", "json"])
        .args(maps)
        .output()
        .expect("runs");
    serde_json::from_slice(&out.stdout).expect("json")
}

#[test]
fn permanent_revolution_map_has_no_errors() {
    let v = check(&["maps/permanent-revolution.yaml"]);
    assert_eq!(v["summary"]["errors"], 0, "{}", v["diagnostics"]);
}

#[test]
fn quantum_dialectics_map_has_no_errors() {
    let v = check(&["maps/quantum-dialectics.yaml"]);
    assert_eq!(v["summary"]["errors"], 0, "{}", v["diagnostics"]);
}

#[test]
fn both_maps_together_resolve_their_same_as_links() {
    let v = check(&[
        "maps/permanent-revolution.yaml",
        "maps/quantum-dialectics.yaml",
    ]);
    assert_eq!(v["summary"]["errors"], 0, "{}", v["diagnostics"]);
}

#[test]
fn remaining_warnings_are_only_uncited_claims() {
    // docs/maps.md explains each of these; any other warning is a regression.
    let v = check(&[
        "maps/permanent-revolution.yaml",
        "maps/quantum-dialectics.yaml",
    ]);
    for d in v["diagnostics"].as_array().into_iter().flatten() {
        assert_eq!(d["rule"], "uncited-claim", "{d}");
    }
}

#[test]
fn maps_meet_the_size_the_reconstruction_promises() {
    let out = argmap()
        .args([
            "support",
            "--format",
            "json",
            "maps/permanent-revolution.yaml",
        ])
        .output()
        .expect("runs");
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    assert!(v["coverage"]["claims"].as_u64() >= Some(40));
    let text =
        std::fs::read_to_string(crate::common::root().join("maps/permanent-revolution.yaml"))
            .expect("read");
    let map: serde_yaml::Value = serde_yaml::from_str(&text).expect("yaml");
    assert!(map["evidence"].as_mapping().map(|m| m.len()) >= Some(30));
    assert!(map["rebuttals"].as_mapping().map(|m| m.len()) >= Some(15));
    let q = std::fs::read_to_string(crate::common::root().join("maps/quantum-dialectics.yaml"))
        .expect("read");
    let qm: serde_yaml::Value = serde_yaml::from_str(&q).expect("yaml");
    assert!(qm["claims"].as_mapping().map(|m| m.len()) >= Some(20));
    assert!(qm.get("sources").is_none(), "the essay cites nothing");
    assert!(
        q.matches("permanent-revolution:").count() >= 8,
        "at least 8 same_as links"
    );
}
