//! Exit codes, severity overrides, `-o` files and JSON output of the command line.

use crate::common::{argmap, root};
use predicates::prelude::*;

const CLEAN: &str = "tests/fixtures/rules/clean.yaml";
const WARNS: &str = "tests/fixtures/rules/orphan.yaml";
const ERRS: &str = "tests/fixtures/rules/dangling-reference.yaml";

#[test]
fn exit_0_when_clean() {
    argmap()
        .args(["check", CLEAN])
        .assert()
        .code(0)
        .stdout(predicate::str::contains("0 errors, 0 warnings in 1 file"));
}

#[test]
fn exit_0_with_warnings_only() {
    argmap().args(["check", WARNS]).assert().code(0);
}

#[test]
fn exit_1_with_errors() {
    argmap().args(["check", ERRS]).assert().code(1);
}

#[test]
fn deny_warnings_makes_warnings_fail() {
    argmap()
        .args(["check", "--deny", "warnings", WARNS])
        .assert()
        .code(1);
}

#[test]
fn deny_one_rule_makes_it_an_error() {
    argmap()
        .args(["check", "--deny", "orphan", "--format", "json", WARNS])
        .assert()
        .code(1)
        .stdout(predicate::str::contains("\"severity\": \"error\""));
}

#[test]
fn warn_downgrades_an_error() {
    argmap()
        .args(["check", "--warn", "dangling-reference", ERRS])
        .assert()
        .code(0);
}

#[test]
fn allow_hides_a_rule() {
    argmap()
        .args(["check", "--allow", "orphan", WARNS])
        .assert()
        .code(0)
        .stdout(predicate::str::contains("0 errors, 0 warnings"));
}

#[test]
fn unknown_rule_is_a_usage_error() {
    argmap()
        .args(["check", "--allow", "orphans", CLEAN])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "unknown rule `orphans` (did you mean `orphan`?)",
        ));
}

#[test]
fn missing_map_file_is_exit_2() {
    argmap()
        .args(["check", "no/such/map.yaml"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("cannot read no/such/map.yaml"));
}

/// Regression: a parsed map's text is let go and read again to show a diagnostic; a map
/// read from a pipe cannot be read again, so it must keep its text (this failed with
/// "changed after argmap parsed it" and exit 2). Standard input is `-`; `/dev/stdin` on
/// a pipe is not a regular file, and is refused with a pointer to `-`.
#[test]
fn regression_a_map_on_stdin_shows_its_diagnostics() {
    argmap()
        .args(["check", "-"])
        .write_stdin("id: m\nclaims:\n  C1: { text: \"A claim.\" }\n")
        .assert()
        .code(0)
        .stdout(predicate::str::contains("warning[no-thesis]"))
        .stdout(predicate::str::contains("<stdin>:"));
    argmap()
        .args(["check", "/dev/stdin"])
        .write_stdin("id: m\n")
        .assert()
        .code(2)
        .stderr(predicate::str::contains("not a regular file"))
        .stderr(predicate::str::contains("standard input, `-`"));
}

#[test]
fn bad_usage_is_exit_2() {
    argmap().args(["check"]).assert().code(2);
    argmap().args(["frobnicate"]).assert().code(2);
}

#[test]
fn json_output_is_one_document_with_summary() {
    let out = argmap()
        .args(["check", "--format", "json", CLEAN, WARNS, ERRS])
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(1));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("one JSON document");
    // The rule fixtures all have `id: clean`: given together, the second and the third
    // are `duplicate-id` errors besides their own diagnostics.
    assert_eq!(
        v["summary"],
        serde_json::json!({"files": 3, "errors": 3, "warnings": 1})
    );
    let d = &v["diagnostics"][0];
    for key in [
        "rule", "severity", "message", "file", "line", "column", "ids", "help",
    ] {
        assert!(d.get(key).is_some(), "diagnostic lacks {key}: {d}");
    }
}

#[test]
fn support_report_text_and_json() {
    argmap()
        .args(["support", CLEAN])
        .assert()
        .code(0)
        .stdout(predicate::str::contains(
            "cited       T1  thesis The thesis holds.",
        ))
        .stdout(predicate::str::contains(
            "chain: T1 <- C1 <- E1 [src1, p. 12, fn. 3]",
        ))
        .stdout(predicate::str::contains(
            "coverage: 2 of 2 claims have cited support (100%)",
        ));
    let out = argmap()
        .args([
            "support",
            "--format",
            "json",
            "tests/fixtures/rules/uncited-claim.yaml",
        ])
        .output()
        .expect("runs");
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    assert_eq!(v["coverage"]["claims"], 3);
    assert_eq!(v["coverage"]["cited"], 2);
    assert_eq!(v["coverage"]["unsupported"], 1);
    let c2 = v["claims"]
        .as_array()
        .and_then(|a| a.iter().find(|c| c["id"] == "C2"))
        .cloned()
        .unwrap_or_default();
    assert_eq!(c2["status"], "unsupported");
}

/// `support` and `evaluate` write their reports as they go (not built in memory first):
/// to `-o FILE` the same bytes as to standard output, and no temporary file left behind.
#[test]
fn streamed_reports_are_the_same_on_stdout_and_in_a_file() {
    let dir = tempfile::tempdir().expect("tempdir");
    for (i, args) in [
        &["support", CLEAN][..],
        &["support", "--format", "json", CLEAN],
        &["evaluate", CLEAN],
        &["evaluate", "--format", "json", "--semantics", "all", CLEAN],
    ]
    .into_iter()
    .enumerate()
    {
        let stdout = argmap().args(args).output().expect("runs").stdout;
        assert!(!stdout.is_empty(), "{args:?}");
        // (The extension agrees with the format, which it would pick otherwise.)
        let ext = if args.contains(&"json") {
            "json"
        } else {
            "txt"
        };
        let file = dir.path().join(format!("out-{i}.{ext}"));
        argmap()
            .args(args)
            .arg("-o")
            .arg(&file)
            .assert()
            .code(0)
            .stdout("");
        assert_eq!(std::fs::read(&file).expect("written"), stdout, "{args:?}");
    }
    assert_eq!(std::fs::read_dir(dir.path()).expect("dir").count(), 4);
}

#[test]
fn output_file_is_written_whole() {
    let dir = tempfile::tempdir().expect("tempdir");
    let out = dir.path().join("map.dot");
    argmap()
        .args(["render", CLEAN, "-o"])
        .arg(&out)
        .assert()
        .code(0)
        .stdout("");
    let dot = std::fs::read_to_string(&out).expect("written");
    assert!(dot.starts_with("digraph"), "{dot}");
    assert!(graphviz_rust::parse(&dot).is_ok());
    // Nothing else is left in the directory (no temporary file).
    assert_eq!(std::fs::read_dir(dir.path()).expect("dir").count(), 1);
}

#[test]
fn output_onto_the_input_is_refused_and_the_input_unchanged() {
    let dir = tempfile::tempdir().expect("tempdir");
    let map = dir.path().join("clean.yaml");
    std::fs::copy(root().join(CLEAN), &map).expect("copy");
    std::fs::copy(
        root().join("tests/fixtures/rules/clean.txt"),
        dir.path().join("clean.txt"),
    )
    .expect("copy");
    let before = std::fs::read(&map).expect("read");
    argmap()
        .arg("render")
        .arg(&map)
        .arg("--format")
        .arg("dot")
        .arg("-o")
        .arg(&map)
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "refusing to write output onto the input file",
        ));
    assert_eq!(std::fs::read(&map).expect("read"), before);
}

#[test]
fn output_to_a_directory_is_refused() {
    let dir = tempfile::tempdir().expect("tempdir");
    argmap()
        .args(["render", CLEAN, "--format", "dot", "-o"])
        .arg(dir.path())
        .assert()
        .code(2)
        .stderr(predicate::str::contains("is a directory"));
}

#[test]
fn unwritable_output_leaves_nothing() {
    argmap()
        .args(["render", CLEAN, "-o", "/nonexistent-dir/x.dot"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "cannot write /nonexistent-dir/x.dot",
        ));
}

#[test]
fn render_format_from_extension_needs_a_known_one() {
    argmap()
        .args(["render", CLEAN, "-o", "/tmp/x.unknown"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("cannot tell the format"))
        // Every format is named, the HTML page among them.
        .stderr(predicate::str::contains(
            "use --format (dot, svg, png, pdf, mermaid, json, graphml, aif, argdown, af, html)",
        ));
}

#[test]
fn missing_graphviz_names_the_package() {
    let dir = tempfile::tempdir().expect("tempdir");
    let out = dir.path().join("x.svg");
    argmap()
        // No `dot` on PATH (an empty folder), none named by ARGMAP_DOT.
        .env_remove("ARGMAP_DOT")
        .env("PATH", tempfile::tempdir().expect("tempdir").path())
        .args(["render", CLEAN, "-o"])
        .arg(&out)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("install the `graphviz` package"));
    assert!(!out.exists());
}

#[test]
fn schema_is_json_schema() {
    let out = argmap().arg("schema").output().expect("runs");
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    assert_eq!(v["title"], "argmap map");
    assert!(v["properties"]["claims"].is_object(), "{v}");
    assert_eq!(v["additionalProperties"], false);
}

#[test]
fn several_maps_resolve_same_as_between_them() {
    let dir = tempfile::tempdir().expect("tempdir");
    let a = dir.path().join("a.yaml");
    let b = dir.path().join("b.yaml");
    std::fs::write(
        &a,
        "id: a\nclaims:\n  T1: {text: x, thesis: true, same_as: ['b:X1', 'b:NOPE']}\n",
    )
    .expect("write");
    std::fs::write(&b, "id: b\nclaims:\n  X1: {text: y, thesis: true}\n").expect("write");
    let out = argmap()
        .args(["check", "--format", "json", "--allow", "uncited-claim"])
        .arg(&a)
        .arg(&b)
        .output()
        .expect("runs");
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    let d = &v["diagnostics"];
    assert_eq!(d.as_array().map(Vec::len), Some(1), "{d}");
    assert_eq!(d[0]["rule"], "dangling-reference");
    assert_eq!(
        (d[0]["line"].as_u64(), d[0]["column"].as_u64()),
        (Some(3), Some(49))
    );
    // Alone, a reference to a map that is not loaded is not checked.
    argmap()
        .args(["check", "--allow", "uncited-claim"])
        .arg(&a)
        .assert()
        .code(0);
}

/// Regression: `-o` files were created with the temporary file's private mode (0600).
#[cfg(unix)]
#[test]
fn regression_output_file_is_not_private() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().expect("tempdir");
    let out = dir.path().join("map.dot");
    argmap()
        .args(["render", CLEAN, "-o"])
        .arg(&out)
        .assert()
        .code(0);
    let mode = std::fs::metadata(&out)
        .expect("written")
        .permissions()
        .mode()
        & 0o777;
    assert_eq!(mode, 0o644);
}

#[test]
fn support_and_evaluate_pick_the_format_from_the_output_extension() {
    let dir = tempfile::tempdir().expect("tempdir");
    for cmd in ["support", "evaluate"] {
        // .json → JSON, .txt → text; --format wins over the extension.
        for (file, extra, json) in [
            ("r.json", None, true),
            ("R.JSON", None, true),
            ("r.txt", None, false),
            ("t.json", Some("text"), false),
            ("j.txt", Some("json"), true),
        ] {
            let path = dir.path().join(format!("{cmd}-{file}"));
            let mut c = argmap();
            c.args([cmd, "maps/permanent-revolution.yaml", "-o"])
                .arg(&path);
            if let Some(f) = extra {
                c.args(["--format", f]);
            }
            c.assert().code(0).stdout("");
            let written = std::fs::read_to_string(&path).expect("written");
            let parsed = serde_json::from_str::<serde_json::Value>(&written);
            assert_eq!(
                parsed.is_ok(),
                json,
                "{cmd} {file} {extra:?}: {}",
                &written[..80]
            );
        }
        // An extension that names no report format is refused, as compare does.
        let path = dir.path().join(format!("{cmd}.unknown"));
        argmap()
            .args([cmd, "maps/permanent-revolution.yaml", "-o"])
            .arg(&path)
            .assert()
            .code(2)
            .stderr(predicate::str::contains("cannot tell the format"));
        assert!(!path.exists());
    }
}

/// `argmap render ... | head`: when standard output is closed by its reader, the command
/// stops quietly with exit 0 (the closed pipe is recognised by its error kind), writing
/// nothing to standard error.
#[test]
fn a_closed_standard_output_ends_quietly() {
    let dir = tempfile::tempdir().expect("tempdir");
    let map = dir.path().join("big.yaml");
    let g = argmap::generate::generate_named(3000, 1, "big.txt");
    std::fs::write(&map, &g.map_yaml).expect("map");
    std::fs::write(dir.path().join("big.txt"), &g.source_text).expect("source");
    let bin = assert_cmd::cargo::cargo_bin("argmap");
    let mut child = std::process::Command::new(bin)
        // `--layout dot`: `auto` would say on stderr that it leaves dot for this size.
        .args(["render", "--allow", "warnings", "--layout", "dot"])
        .arg(&map)
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("runs");
    // The reader goes away at once: the DOT (far more than a pipe holds) meets a closed pipe.
    drop(child.stdout.take());
    let out = child.wait_with_output().expect("ends");
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        out.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}
