//! Every command checks the maps first: maps with errors are refused (the errors on
//! standard error as `check --quiet` prints them, exit 1, nothing written) unless
//! `--force` is given, and then the output says so. Two maps with one id are an error.
//! The severity flags work on every command, the last one winning.

use crate::common::{argmap, fixture, rel};
use predicates::prelude::*;
use std::path::Path;

const TYPO: &str = "tests/fixtures/refuse/typo-attack.yaml";
const CLEAN: &str = "tests/fixtures/rules/clean.yaml";
/// A map without diagnostics whose id (`partner`) no other fixture has.
const PARTNER: &str = "tests/fixtures/refuse/partner.yaml";
const WARNS: &str = "tests/fixtures/rules/orphan.yaml";

/// `argmap ARGS...`: exit code, stdout, stderr.
fn run(args: &[&str]) -> (Option<i32>, String, String) {
    let out = argmap().args(args).output().expect("runs");
    (
        out.status.code(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// Each command but `check`, on `map`; with `out` (a path without extension), each
/// writes to `-o` that path with an extension that fits its format.
fn commands(map: &str, out: Option<&str>) -> Vec<Vec<String>> {
    let all: [(&[&str], &str); 9] = [
        (&["support", map], "txt"),
        (&["support", map, "--format", "json"], "json"),
        (&["render", map], "dot"),
        (&["render", map, "--format", "mermaid"], "mmd"),
        (&["render", map, "--format", "json"], "json"),
        (&["compare", map, PARTNER], "txt"),
        (&["compare", PARTNER, map, "--format", "json"], "json"),
        (&["evaluate", map], "txt"),
        (&["evaluate", map, "--format", "json"], "json"),
    ];
    all.iter()
        .map(|(args, ext)| {
            let mut v: Vec<String> = args.iter().map(|a| a.to_string()).collect();
            if let Some(o) = out {
                v.extend(["-o".to_string(), format!("{o}.{ext}")]);
            }
            v
        })
        .collect()
}

#[test]
fn every_command_refuses_a_map_with_errors_and_writes_nothing() {
    let dir = tempfile::tempdir().expect("tempdir");
    let out = dir.path().join("out");
    let out_s = out.to_string_lossy().into_owned();
    for args in commands(TYPO, None)
        .into_iter()
        .chain(commands(TYPO, Some(&out_s)))
    {
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        // `check --quiet` of the same maps, in the same order.
        let mut check = vec!["check", "--quiet"];
        check.extend(args.iter().filter(|a| a.ends_with(".yaml")));
        let (_, quiet_check, _) = run(&check);
        let (code, stdout, stderr) = run(&args);
        assert_eq!(code, Some(1), "{args:?}: {stderr}");
        assert_eq!(stdout, "", "{args:?}: nothing on standard output");
        let written: Vec<_> = std::fs::read_dir(dir.path()).expect("dir").collect();
        assert!(written.is_empty(), "{args:?}: -o file created");
        assert!(
            stderr.starts_with(&quiet_check),
            "{args:?}: the errors as `check --quiet` prints them:\n{stderr}\n---\n{quiet_check}"
        );
        assert!(stderr.contains("error[dangling-reference]"), "{stderr}");
        assert!(stderr.contains("did you mean `P-deterrence`?"), "{stderr}");
        assert!(stderr.contains("nothing written"), "{stderr}");
    }
}

#[test]
fn refusal_leaves_an_existing_output_file_unchanged() {
    let dir = tempfile::tempdir().expect("tempdir");
    for (name, commands) in [
        (
            "out.dot",
            &[&["render", TYPO][..], &["compare", TYPO, PARTNER]][..],
        ),
        ("out.svg", &[&["render", TYPO], &["compare", TYPO, PARTNER]]),
        (
            "out.json",
            &[&["render", TYPO], &["compare", TYPO, PARTNER]],
        ),
        (
            "out.txt",
            &[
                &["support", TYPO],
                &["evaluate", TYPO],
                &["compare", TYPO, PARTNER],
            ],
        ),
    ] {
        let out = dir.path().join(name);
        std::fs::write(&out, "before\n").expect("write");
        let o = out.to_string_lossy().into_owned();
        for command in commands {
            let mut args = command.to_vec();
            args.extend(["-o", &o]);
            let (code, _, stderr) = run(&args);
            assert_eq!(code, Some(1), "{args:?}: {stderr}");
            assert_eq!(
                std::fs::read_to_string(&out).expect("read"),
                "before\n",
                "{args:?}"
            );
        }
    }
}

#[test]
fn refusal_report_is_the_errors_then_the_summary() {
    let (code, _, stderr) = run(&["evaluate", TYPO]);
    assert_eq!(code, Some(1));
    insta::assert_snapshot!("refusal-typo-attack", stderr);
}

#[test]
fn evaluate_refuses_the_misspelt_attack_instead_of_rejecting_the_thesis() {
    let (code, stdout, _) = run(&["evaluate", TYPO]);
    assert_eq!(code, Some(1));
    assert!(!stdout.contains("rejected"), "{stdout}");
    // Spelt right, the attack counts and the thesis stands.
    let dir = tempfile::tempdir().expect("tempdir");
    let fixed = dir.path().join("fixed.yaml");
    let text = std::fs::read_to_string(fixture("refuse/typo-attack.yaml")).expect("read");
    std::fs::write(&fixed, text.replace("[P-deterence]", "[P-deterrence]")).expect("write");
    let (code, stdout, stderr) = run(&["evaluate", &fixed.to_string_lossy()]);
    assert_eq!(code, Some(0), "{stderr}");
    assert!(stdout.contains("Thesis T1 is accepted (in)"), "{stdout}");
    assert_eq!(stderr, "", "warnings are not printed by evaluate");
}

#[test]
fn quote_and_source_errors_refuse_every_command_too() {
    for rule in [
        "quote-not-found",
        "source-unreadable",
        "yaml-syntax",
        "schema",
    ] {
        let map = format!("tests/fixtures/rules/{rule}.yaml");
        for args in commands(&map, None) {
            let args: Vec<&str> = args.iter().map(String::as_str).collect();
            let (code, stdout, stderr) = run(&args);
            assert_eq!(code, Some(1), "{args:?}: {stderr}");
            assert_eq!(stdout, "", "{args:?}");
            assert!(
                stderr.contains(&format!("error[{rule}]")),
                "{args:?}: {stderr}"
            );
        }
    }
}

#[test]
fn warnings_do_not_block_and_are_not_printed() {
    for args in commands(WARNS, None) {
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let (code, stdout, stderr) = run(&args);
        assert_eq!(code, Some(0), "{args:?}: {stderr}");
        assert!(!stdout.is_empty(), "{args:?}");
        assert_eq!(stderr, "", "{args:?}");
        assert!(!stdout.contains("FORCED"), "{args:?}");
    }
}

#[test]
fn severity_flags_work_on_every_command() {
    // --allow and --warn quiet a warning: the command runs, unmarked.
    for args in commands(WARNS, None) {
        let mut args: Vec<&str> = args.iter().map(String::as_str).collect();
        args.extend(["--allow", "orphan", "-W", "uncited-claim"]);
        let (code, stdout, stderr) = run(&args);
        assert_eq!(code, Some(0), "{args:?}: {stderr}");
        assert!(
            !stdout.contains("FORCED") && !stdout.contains("\"forced\""),
            "{args:?}"
        );
    }
    // They cannot quiet an error outside `check`: the map still gives wrong answers, so
    // the command refuses it (and --force runs it, marked).
    for quiet in ["--allow", "--warn"] {
        for args in commands(TYPO, None) {
            let mut args: Vec<&str> = args.iter().map(String::as_str).collect();
            args.extend([quiet, "dangling-reference"]);
            let (code, stdout, stderr) = run(&args);
            assert_eq!(code, Some(1), "{args:?}: {stderr}");
            assert_eq!(stdout, "", "{args:?}");
            assert!(stderr.contains("error[dangling-reference]"), "{stderr}");
            args.push("--force");
            let (code, stdout, stderr) = run(&args);
            assert_eq!(code, Some(0), "{args:?}: {stderr}");
            assert!(
                stdout.contains("FORCED") || stdout.contains("\"forced\""),
                "{args:?}: {stdout}"
            );
        }
    }
    // In `check` they do quiet it.
    argmap()
        .args([
            "check",
            TYPO,
            "--allow",
            "dangling-reference",
            "--allow",
            "warnings",
        ])
        .assert()
        .code(0);
    // --deny: a warning becomes an error, and the command refuses.
    for deny in [
        ["--deny", "orphan"],
        ["--deny", "warnings"],
        ["-D", "orphan"],
    ] {
        let mut args = vec!["render", WARNS];
        args.extend(deny);
        let (code, stdout, stderr) = run(&args);
        assert_eq!(code, Some(1), "{args:?}");
        assert_eq!(stdout, "");
        assert!(stderr.contains("error[orphan]"), "{stderr}");
    }
    // An unknown rule is a usage error on every command.
    for cmd in ["support", "render", "evaluate"] {
        argmap()
            .args([cmd, CLEAN, "--allow", "orphans"])
            .assert()
            .code(2)
            .stderr(predicate::str::contains("did you mean `orphan`?"));
    }
}

#[test]
fn the_last_severity_flag_on_a_rule_wins() {
    let orphan = |args: &[&str]| {
        let mut all = vec!["check", "--format", "json"];
        all.extend(args);
        all.push(WARNS);
        let (code, stdout, _) = run(&all);
        let v: serde_json::Value = serde_json::from_str(&stdout).expect("JSON");
        let severity = v["diagnostics"]
            .as_array()
            .expect("diagnostics")
            .iter()
            .find(|d| d["rule"] == "orphan")
            .map(|d| d["severity"].as_str().unwrap_or("").to_string());
        (code, severity)
    };
    let error = Some("error".to_string());
    let warning = Some("warning".to_string());
    assert_eq!(
        orphan(&["--allow", "orphan", "--deny", "orphan"]),
        (Some(1), error.clone())
    );
    assert_eq!(
        orphan(&["--deny", "orphan", "--allow", "orphan"]),
        (Some(0), None)
    );
    assert_eq!(
        orphan(&["--deny", "orphan", "--warn", "orphan"]),
        (Some(0), warning.clone())
    );
    assert_eq!(orphan(&["--allow", "warnings"]), (Some(0), None));
    assert_eq!(
        orphan(&["--deny", "warnings", "--warn", "warnings"]),
        (Some(0), warning.clone())
    );
    assert_eq!(
        orphan(&["--deny", "warnings", "--warn", "orphan"]),
        (Some(0), warning)
    );
    assert_eq!(
        orphan(&["--warn", "orphan", "--deny", "warnings"]),
        (Some(1), error.clone())
    );
    assert_eq!(orphan(&["--deny", "warnings"]), (Some(1), error));
    assert_eq!(
        orphan(&["--allow", "orphan", "--deny", "warnings"]),
        (Some(0), None)
    );
    // `--allow warnings` leaves errors alone.
    let (code, stdout, _) = run(&["check", "--allow", "warnings", TYPO]);
    assert_eq!(code, Some(1));
    assert!(stdout.contains("1 error, 0 warnings in 1 file"), "{stdout}");
}

fn forced(args: &[&str]) -> (String, String) {
    let mut all = args.to_vec();
    all.push("--force");
    let out = argmap().args(&all).output().expect("runs");
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    assert_eq!(out.status.code(), Some(0), "{all:?}: {stderr}");
    assert!(
        stderr.contains("error[dangling-reference]"),
        "{all:?}: {stderr}"
    );
    assert!(
        stderr.contains("--force: running on maps with 1 error"),
        "{stderr}"
    );
    (String::from_utf8_lossy(&out.stdout).into_owned(), stderr)
}

const MARK: &str = "FORCED: made with --force from maps with 1 error; it may be wrong";

#[test]
fn force_runs_and_every_text_format_says_so() {
    let starts = |args: &[&str], first: &str| {
        let (out, _) = forced(args);
        assert!(out.starts_with(first), "{args:?}:\n{out}");
    };
    starts(&["render", TYPO], &format!("// argmap: {MARK}\ndigraph"));
    starts(
        &["render", TYPO, "--format", "mermaid"],
        &format!("%% argmap: {MARK}\n"),
    );
    starts(
        &["render", TYPO, "--format", "argdown"],
        &format!("// argmap: {MARK}\n"),
    );
    starts(&["render", TYPO, "--format", "af"], "p af ");
    starts(&["support", TYPO], &format!("{MARK}\n\n"));
    starts(&["evaluate", TYPO], &format!("{MARK}\n\n"));
    starts(&["compare", TYPO, PARTNER], &format!("{MARK}\n\n"));
    starts(
        &["compare", TYPO, PARTNER, "--format", "markdown"],
        &format!("> **{MARK}**\n\n"),
    );
    starts(
        &["compare", TYPO, PARTNER, "--suggest"],
        &format!("# argmap: {MARK}\n"),
    );
    starts(
        &["compare", TYPO, PARTNER, "--format", "dot"],
        &format!("// argmap: {MARK}\n"),
    );
    let (af, _) = forced(&["render", TYPO, "--format", "af"]);
    assert_eq!(
        af.lines().nth(1),
        Some(format!("# argmap: {MARK}").as_str())
    );
    // The DOT carries a visible title too (drawn by Graphviz).
    let (dot, _) = forced(&["render", TYPO]);
    assert!(dot.contains(&format!("label=\"{MARK}\"")), "{dot}");
    let (graphml, _) = forced(&["render", TYPO, "--format", "graphml"]);
    assert!(
        graphml.contains("<!-- argmap: FORCED: made with the force option from maps with 1 error")
    );
    roxmltree::Document::parse(&graphml).expect("still XML");
}

#[test]
fn force_marks_json_outputs_with_forced_and_errors() {
    for args in [
        vec!["render", TYPO, "--format", "json"],
        vec!["render", TYPO, "--format", "aif"],
        vec!["support", TYPO, "--format", "json"],
        vec!["evaluate", TYPO, "--format", "json"],
        vec!["compare", TYPO, PARTNER, "--format", "json"],
    ] {
        let (out, _) = forced(&args);
        let v: serde_json::Value = serde_json::from_str(&out).expect("JSON");
        assert_eq!(v["forced"], true, "{args:?}");
        assert_eq!(v["errors"], 1, "{args:?}");
    }
    // Unforced, the fields are absent.
    let (_, out, _) = run(&["support", CLEAN, "--format", "json"]);
    let v: serde_json::Value = serde_json::from_str(&out).expect("JSON");
    assert!(v.get("forced").is_none());
}

#[test]
fn force_marks_drawn_diagrams_with_a_visible_title() {
    if !crate::common::require_graphviz() {
        return;
    }
    let dir = tempfile::tempdir().expect("tempdir");
    for (args, name) in [
        (vec!["render", TYPO], "map.svg"),
        (vec!["render", TYPO], "map.html"),
        (vec!["compare", TYPO, PARTNER], "cmp.svg"),
    ] {
        let out = dir.path().join(name);
        let o = out.to_string_lossy().into_owned();
        let mut args = args.clone();
        args.extend(["-o", &o]);
        forced(&args);
        let text = std::fs::read_to_string(&out).expect("written");
        // Graphviz writes `-` as `&#45;` in SVG.
        assert!(
            text.contains("FORCED: made with") && text.contains("force from maps with 1 error"),
            "{name}"
        );
    }
}

#[test]
fn force_cannot_run_on_a_map_that_does_not_parse() {
    let (code, stdout, stderr) =
        run(&["render", "tests/fixtures/rules/yaml-syntax.yaml", "--force"]);
    assert_eq!(code, Some(1));
    assert_eq!(stdout, "");
    assert!(stderr.contains("error[yaml-syntax]"), "{stderr}");
    assert!(stderr.contains("--force cannot help"), "{stderr}");
}

fn two_maps_with_one_id(dir: &Path) -> (String, String) {
    let a = dir.join("a.yaml");
    let b = dir.join("b.yaml");
    let map = |title: &str| {
        format!(
            "id: same\ntitle: {title}\nclaims:\n  T1:\n    text: The thesis.\n    thesis: true\n"
        )
    };
    std::fs::write(&a, map("A")).expect("write");
    std::fs::write(&b, map("B")).expect("write");
    (
        a.to_string_lossy().into_owned(),
        b.to_string_lossy().into_owned(),
    )
}

#[test]
fn two_maps_with_one_id_are_a_duplicate_id_error_at_the_second_id() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (a, b) = two_maps_with_one_id(dir.path());
    let (code, stdout, _) = run(&["check", "--format", "json", &a, &b]);
    assert_eq!(code, Some(1));
    let v: serde_json::Value = serde_json::from_str(&stdout).expect("JSON");
    let dups: Vec<&serde_json::Value> = v["diagnostics"]
        .as_array()
        .expect("diagnostics")
        .iter()
        .filter(|d| d["rule"] == "duplicate-id")
        .collect();
    assert_eq!(dups.len(), 1, "{stdout}");
    let d = dups[0];
    assert_eq!(d["severity"], "error");
    assert_eq!(d["file"], b.as_str());
    assert_eq!(
        (d["line"].as_u64(), d["column"].as_u64()),
        (Some(1), Some(5))
    );
    assert_eq!(
        d["message"],
        format!("the maps {a} and {b} share the id `same`")
    );
    assert!(
        d["help"]
            .as_str()
            .is_some_and(|h| h.contains("its own `id:`")),
        "{d}"
    );
    // Every command refuses them.
    let out = dir.path().join("out.graphml");
    let o = out.to_string_lossy().into_owned();
    for args in [
        vec!["render", &a, &b],
        vec!["render", &a, &b, "-o", &o],
        vec!["compare", &a, &b],
    ] {
        let (code, stdout, stderr) = run(&args);
        assert_eq!(code, Some(1), "{args:?}");
        assert_eq!(stdout, "");
        assert!(stderr.contains("error[duplicate-id]"), "{stderr}");
        assert!(!out.exists());
    }
    // Different ids: no such error.
    let (code, _, stderr) = run(&["compare", &a, CLEAN]);
    assert_eq!(code, Some(0), "{stderr}");
}

#[test]
fn one_file_given_twice_is_refused() {
    let clean = rel(&fixture("rules/clean.yaml"));
    let (code, stdout, stderr) = run(&["compare", &clean, &clean]);
    assert_eq!(code, Some(1));
    assert_eq!(stdout, "");
    assert!(
        stderr.contains(&format!(
            "error[duplicate-id]: the map `clean` is given twice ({clean} is the same file as {clean})"
        )),
        "{stderr}"
    );
    let (code, _, _) = run(&["check", CLEAN, CLEAN]);
    assert_eq!(code, Some(1));
}
