//! The streaming deserializer (`src/parse/deserializer.rs`) reads every map the way
//! serde_yaml reads it: the same typed map for valid files, an error for the same files.
//! serde_yaml is the reference here; argmap loads with the streaming one for speed and
//! memory (docs/performance.md).
//!
//! One known difference, left as it is: serde_yaml follows YAML 1.1, where an anchor name
//! ends at `:`, and yaml-rust2 follows YAML 1.2, where `&E1:` is the anchor `E1:`. The
//! fuzzer's corpus (tests/fixtures/fuzz) contains such a case; it is loaded without a
//! panic by `bad_input`, and is not compared here.

use argmap::parse::deserializer;
use argmap::parse::model::Map;
use proptest::prelude::*;
use std::path::{Path, PathBuf};

fn same_as_serde_yaml(text: &str, what: &str) {
    let ours = deserializer::from_str::<Map>(text);
    let reference = serde_yaml::from_str::<Map>(text);
    match (&ours, &reference) {
        (Ok(a), Ok(b)) => assert_eq!(a, b, "{what}: different maps"),
        (Err(_), Err(_)) => {}
        _ => panic!("{what}: streaming {ours:?}\nserde_yaml {reference:?}"),
    }
}

fn yaml_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for e in entries.flatten() {
        let p = e.path();
        if p.is_dir() {
            yaml_files(&p, out);
        } else if p.extension().is_some_and(|x| x == "yaml" || x == "yml") {
            out.push(p);
        }
    }
}

#[test]
fn every_map_and_fixture_reads_as_with_serde_yaml() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    for dir in ["maps", "docs", "tests/fixtures"] {
        yaml_files(&root.join(dir), &mut files);
    }
    assert!(files.len() > 30, "found only {} files", files.len());
    for f in &files {
        let Ok(text) = std::fs::read_to_string(f) else {
            continue;
        };
        same_as_serde_yaml(&text, &f.display().to_string());
    }
}

#[test]
fn generated_maps_read_as_with_serde_yaml() {
    for (nodes, seed) in [(50, 1), (500, 2), (3000, 3)] {
        let g = argmap::generate::generate(nodes, seed);
        same_as_serde_yaml(&g.map_yaml, &format!("generated {nodes}/{seed}"));
    }
}

/// Scalars of every kind, in every place a map has one.
fn scalar() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("~".to_string()),
        Just("null".to_string()),
        Just("".to_string()),
        Just("true".to_string()),
        Just("FALSE".to_string()),
        Just("0x1F".to_string()),
        Just("-17".to_string()),
        Just("12.50".to_string()),
        Just("1e3".to_string()),
        Just(".inf".to_string()),
        Just("'quoted: yes'".to_string()),
        Just("\"esc\\n\\u00e9\"".to_string()),
        Just("[a, b]".to_string()),
        Just("{source: s1, at: 3}".to_string()),
        Just("{x: y}".to_string()),
        Just("!!str 12".to_string()),
        "[a-zA-Z][a-zA-Z0-9 .]{0,12}",
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]
    #[test]
    fn any_field_value_reads_as_with_serde_yaml(
        values in prop::collection::vec(scalar(), 12),
    ) {
        let v = &values;
        let yaml = format!(
            "id: {}\ntitle: {}\nsources:\n  s1: {{title: {}, year: {}}}\nclaims:\n  T1:\n    text: {}\n    thesis: {}\n    supports: {}\n    cites: [{}]\n    by: {}\nevidence:\n  E1: {{text: {}, quote: {}, supports: [T1], cites: {}}}\n",
            v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7], v[8], v[9], v[10], v[11]
        );
        same_as_serde_yaml(&yaml, &yaml);
    }
}
