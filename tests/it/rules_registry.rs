//! The rule registry (`src/analyse/checks/`, one declaration per rule): every example
//! fires exactly its rule when `argmap check` reads it, and its fixed version nothing;
//! `argmap rules` and `argmap explain RULE` print it; the README's rules table is the
//! registry's (`UPDATE_README=1 cargo test --test it rules_registry` rewrites it).

use crate::common::{argmap, root};
use argmap::analyse::checks::REGISTRY;
use serde_json::Value;
use std::collections::BTreeSet;
use std::path::Path;

/// Writes an example map and the files beside it into `dir`; returns the map's path.
fn write_example(dir: &Path, map: &str, files: &[(&str, &str)]) -> std::path::PathBuf {
    for (name, text) in files {
        std::fs::write(dir.join(name), text).expect("write file");
    }
    let path = dir.join("example.yaml");
    std::fs::write(&path, map).expect("write map");
    path
}

/// `argmap check --format json` on a map: the rules it reports, and the exit code.
fn check(map: &Path) -> (BTreeSet<String>, Vec<Value>, Option<i32>) {
    check_with(map, &[])
}

/// [`check`] with more flags.
fn check_with(map: &Path, flags: &[&str]) -> (BTreeSet<String>, Vec<Value>, Option<i32>) {
    let out = argmap()
        .args(["check", "--format", "json"])
        .args(flags)
        .arg(map)
        .output()
        .expect("argmap runs");
    let report: Value = serde_json::from_slice(&out.stdout).expect("check prints JSON");
    let diagnostics = report["diagnostics"]
        .as_array()
        .expect("diagnostics")
        .clone();
    let rules = diagnostics
        .iter()
        .map(|d| d["rule"].as_str().expect("rule").to_string())
        .collect();
    (rules, diagnostics, out.status.code())
}

#[test]
fn every_example_fires_exactly_its_rule_and_its_fixed_version_nothing() {
    for r in REGISTRY {
        let dir = tempfile::tempdir().expect("tempdir");
        let map = write_example(dir.path(), r.example.map, r.example.files);
        // A rule allowed by default is enabled for its example.
        let warn = ["--warn", r.id()];
        let flags: &[&str] = if r.rule.allowed_by_default() {
            &warn
        } else {
            &[]
        };
        if r.rule.allowed_by_default() {
            let (_, diagnostics, _) = check(&map);
            assert!(diagnostics.is_empty(), "{} is allowed by default", r.id());
        }
        let (rules, diagnostics, code) = check_with(&map, flags);
        assert_eq!(
            rules,
            BTreeSet::from([r.id().to_string()]),
            "the example of {} fires {diagnostics:#?}",
            r.id()
        );
        let failing = r.default() == argmap::Severity::Error;
        assert_eq!(code, Some(i32::from(failing)), "{}", r.id());

        let dir = tempfile::tempdir().expect("tempdir");
        let fixed = write_example(dir.path(), r.example.fixed, r.example.files);
        let (_, diagnostics, code) = check_with(&fixed, flags);
        assert!(
            diagnostics.is_empty(),
            "the fixed example of {} still has {diagnostics:#?}",
            r.id()
        );
        assert_eq!(code, Some(0), "{}", r.id());
    }
}

#[test]
fn allowing_a_rule_skips_it_and_keeps_the_others() {
    // The example of quote-not-found, with its quote also allowed: no look-up, nothing
    // reported; the source is still read (source-unreadable is enabled).
    let r = &argmap::analyse::checks::quote_not_found::RULE;
    let dir = tempfile::tempdir().expect("tempdir");
    let map = write_example(dir.path(), r.example.map, r.example.files);
    argmap()
        .args(["check", "--allow", "quote-not-found"])
        .arg(&map)
        .assert()
        .success()
        .stdout("0 errors, 0 warnings in 1 file\n");
    // With both source rules allowed, the source is not even read: a missing one is fine.
    let missing = argmap::analyse::checks::source_unreadable::RULE.example.map;
    let map = write_example(dir.path(), missing, &[]);
    argmap()
        .args(["check", "-A", "quote-not-found", "-A", "source-unreadable"])
        .arg(&map)
        .assert()
        .success();
    argmap()
        .args(["check", "-A", "quote-not-found"])
        .arg(&map)
        .assert()
        .code(1);
}

#[test]
fn rules_lists_every_rule_with_its_default_and_summary() {
    let out = argmap().arg("rules").output().expect("runs");
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).expect("utf-8");
    for r in REGISTRY {
        let line = text
            .lines()
            .find(|l| l.split_whitespace().next() == Some(r.id()))
            .unwrap_or_else(|| panic!("no line for {}:\n{text}", r.id()));
        let default = if r.rule.allowed_by_default() {
            "allow".to_string()
        } else {
            r.default().to_string()
        };
        assert!(line.contains(&default), "{line}");
        assert!(line.ends_with(r.summary), "{line}");
    }
    insta::assert_snapshot!("rules-text", text);
}

#[test]
fn rules_json_has_every_field_of_every_rule() {
    let out = argmap()
        .args(["rules", "--format", "json"])
        .output()
        .expect("runs");
    assert!(out.status.success());
    let v: Value = serde_json::from_slice(&out.stdout).expect("JSON");
    let rules = v["rules"].as_array().expect("rules");
    assert_eq!(rules.len(), REGISTRY.len());
    for (j, r) in rules.iter().zip(REGISTRY) {
        assert_eq!(j["id"], r.id());
        assert_eq!(j["default"], r.default().to_string());
        assert_eq!(j["summary"], r.summary);
        assert_eq!(j["explanation"], r.explanation);
        assert_eq!(j["example"]["map"], r.example.map);
        assert_eq!(j["example"]["fixed"], r.example.fixed);
    }
    assert_eq!(rules[0]["found"], "loading");
    assert_eq!(rules[1]["found"], "loading-and-check");
    assert_eq!(rules[2]["found"], "check");
    insta::assert_json_snapshot!("rules-json", v);
}

#[test]
fn explain_prints_the_explanation_and_the_examples() {
    for r in REGISTRY {
        let out = argmap().args(["explain", r.id()]).output().expect("runs");
        assert!(out.status.success(), "{}", r.id());
        let text = String::from_utf8(out.stdout).expect("utf-8");
        assert!(
            text.starts_with(&format!("{}: {}\n", r.id(), r.summary)),
            "{text}"
        );
        assert!(text.contains(r.explanation), "{text}");
        for line in r.example.map.lines().chain(r.example.fixed.lines()) {
            assert!(text.contains(&format!("    {line}\n")), "{line}: {text}");
        }
    }
    let orphan = argmap().args(["explain", "orphan"]).output().expect("runs");
    insta::assert_snapshot!("explain-orphan", String::from_utf8_lossy(&orphan.stdout));
    let quote = argmap()
        .args(["explain", "quote-not-found"])
        .output()
        .expect("runs");
    insta::assert_snapshot!(
        "explain-quote-not-found",
        String::from_utf8_lossy(&quote.stdout)
    );
    let yaml = argmap()
        .args(["explain", "yaml-syntax"])
        .output()
        .expect("runs");
    let yaml = String::from_utf8_lossy(&yaml.stdout);
    assert!(yaml.contains("always looked for"), "{yaml}");
}

#[test]
fn explain_an_unknown_rule_is_a_usage_error_with_a_did_you_mean() {
    argmap()
        .args(["explain", "orphans"])
        .assert()
        .code(2)
        .stdout("")
        .stderr(
            "argmap: error: unknown rule `orphans` (did you mean `orphan`?); `argmap rules` lists them\n",
        );
    argmap()
        .args(["explain", "warnings"])
        .assert()
        .code(2)
        .stderr(predicates::str::contains(
            "`warnings` is not a rule but the group",
        ));
    // What the user typed is echoed through the terminal writer: escaped.
    argmap()
        .args(["explain", "\u{1b}[2Jorphan"])
        .assert()
        .code(2)
        .stderr(predicates::str::contains("unknown rule `\\u{1b}[2Jorphan`"));
}

const START: &str = "<!-- rules:start (generated: `argmap rules --format markdown`) -->\n";
const END: &str = "<!-- rules:end -->";

#[test]
fn the_readme_table_is_generated_from_the_registry() {
    let out = argmap()
        .args(["rules", "--format", "markdown"])
        .output()
        .expect("runs");
    assert!(out.status.success());
    let table = String::from_utf8(out.stdout).expect("utf-8");
    let path = root().join("README.md");
    let readme = std::fs::read_to_string(&path).expect("README.md");
    let start = readme
        .find(START)
        .expect("README has the rules:start marker")
        + START.len();
    let end = start
        + readme[start..]
            .find(END)
            .expect("README has the rules:end marker");
    if std::env::var_os("UPDATE_README").is_some_and(|v| v == "1") {
        let updated = format!("{}{table}{}", &readme[..start], &readme[end..]);
        std::fs::write(&path, updated).expect("README.md rewritten");
        return;
    }
    assert!(
        readme[start..end] == table,
        "the README's rules table is not the registry's: run `UPDATE_README=1 cargo test --test it rules_registry`, or paste `cargo run -- rules --format markdown`"
    );
}
