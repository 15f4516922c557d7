//! Maps in several files (`include:`): one map whose entries live in several files, every
//! command and export reading all of it, every diagnostic in the file and at the line
//! where its value is, and the include errors (cycle, unreadable, repeated) located at
//! the entry.

use crate::common::{argmap, fixture, root};
use serde_json::Value;
use std::path::Path;

const OK: &str = "tests/fixtures/include/ok/map.yaml";
const FLAT: &str = "tests/fixtures/include/ok/flat.yaml";

/// A diagnostic as (rule, file, line, column, message).
type Found = (String, String, u64, u64, String);

/// `argmap check --format json` run in `dir` on `map` (with `flags`): the diagnostics as
/// (rule, file, line, column, message), and the exit code.
fn check_in(dir: &Path, map: &str, flags: &[&str]) -> (Vec<Found>, i32) {
    let out = argmap()
        .current_dir(dir)
        .args(["check", "--format", "json"])
        .args(flags)
        .arg(map)
        .output()
        .expect("argmap runs");
    let report: Value = serde_json::from_slice(&out.stdout).expect("check prints JSON");
    let found = report["diagnostics"]
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

fn check(map: &str) -> (Vec<Found>, i32) {
    check_in(&root(), map, &[])
}

/// Whether `found` holds `rule` in `file` at `line`:`column`, with `words` in its message.
fn has(found: &[Found], rule: &str, file: &str, line: u64, column: u64, words: &str) -> bool {
    found.iter().any(|(r, f, l, c, m)| {
        r == rule && f == file && *l == line && *c == column && m.contains(words)
    })
}

#[test]
fn a_map_in_several_files_checks_clean() {
    let (found, code) = check(OK);
    assert_eq!(found, vec![], "{found:#?}");
    assert_eq!(code, 0);
}

#[test]
fn every_export_of_a_map_in_several_files_is_that_of_the_map_in_one_file() {
    for format in ["dot", "mermaid", "json", "graphml", "aif", "argdown", "af"] {
        let run = |map: &str| {
            let out = argmap()
                .args(["render", "--format", format, map])
                .output()
                .expect("runs");
            assert_eq!(out.status.code(), Some(0), "{format} {map}");
            out.stdout
        };
        assert_eq!(
            String::from_utf8(run(OK)).expect("text"),
            String::from_utf8(run(FLAT)).expect("text"),
            "{format}"
        );
    }
}

#[test]
fn the_html_page_and_svg_of_a_map_in_several_files_are_those_of_the_map_in_one_file() {
    if !crate::common::require_graphviz() {
        return;
    }
    for format in ["html", "svg"] {
        let run = |map: &str| {
            let out = argmap()
                .args(["render", "--format", format, map])
                .output()
                .expect("runs");
            assert_eq!(out.status.code(), Some(0), "{format} {map}");
            out.stdout
        };
        assert!(run(OK) == run(FLAT), "{format}");
    }
}

#[test]
fn support_and_evaluate_read_every_file() {
    for command in ["support", "evaluate"] {
        let run = |map: &str| {
            let out = argmap().args([command, map]).output().expect("runs");
            assert_eq!(out.status.code(), Some(0), "{command} {map}");
            String::from_utf8(out.stdout).expect("text")
        };
        let several = run(OK);
        // The nodes of the included files (E1 in chapter-1, R2 two levels down) are there.
        assert!(several.contains("E1"), "{command}: {several}");
        assert_eq!(several, run(FLAT), "{command}");
    }
}

#[test]
fn the_library_load_follows_includes() {
    let file = argmap::load(fixture("include/ok/map.yaml")).expect("loads");
    assert!(file.load_errors.is_empty(), "{:?}", file.load_errors);
    let map = file.map.as_ref().expect("a map");
    assert_eq!(map.claims.len(), 1);
    assert_eq!(map.evidence.len(), 1);
    assert_eq!(map.rebuttals.len(), 2);
    assert_eq!(map.sources.len(), 1);
    let parts: Vec<String> = file
        .parts
        .iter()
        .map(|p| {
            p.path
                .file_name()
                .unwrap_or_default()
                .to_string_lossy()
                .into_owned()
        })
        .collect();
    assert_eq!(parts, ["chapter-1.yaml", "chapter-2.yaml", "answer.yaml"]);
    let source = argmap::read_source(&file);
    let findings = argmap::check(std::slice::from_ref(&file), [source]).expect("checks");
    assert!(findings.is_empty(), "{findings:?}");
}

#[test]
fn every_problem_is_reported_in_the_file_and_at_the_line_where_it_is() {
    let (found, code) = check("tests/fixtures/include/errors/map.yaml");
    assert_eq!(code, 1);
    let map = "tests/fixtures/include/errors/map.yaml";
    let part = "tests/fixtures/include/errors/part.yaml";
    let deeper = "tests/fixtures/include/errors/sub/deeper.yaml";
    let expected = [
        (
            "include-unreadable",
            map,
            3,
            22,
            "cannot include `missing.yaml`",
        ),
        ("include-repeated", map, 3, 36, "is included already"),
        // Analysis of the merged map, placed in the part its node comes from; the quote
        // is checked against the root map's source.
        ("quote-not-found", part, 5, 12, "the quote of `E1`"),
        ("dangling-reference", part, 7, 16, "no node `T9`"),
        ("schema", deeper, 1, 5, "has the id `other`"),
        ("schema", deeper, 2, 1, "no `title` of its own"),
        ("schema", deeper, 3, 1, "unknown field `claimz`"),
        (
            "duplicate-id",
            deeper,
            5,
            3,
            "`T1` is declared in `claims` of tests/fixtures/include/errors/map.yaml",
        ),
    ];
    for (rule, file, line, column, words) in expected {
        assert!(
            has(&found, rule, file, line, column, words),
            "no {rule} at {file}:{line}:{column} ({words}) in {found:#?}"
        );
    }
}

#[test]
fn a_duplicate_across_files_notes_where_the_first_is() {
    let out = argmap()
        .args(["check", "tests/fixtures/include/errors/map.yaml"])
        .output()
        .expect("runs");
    let text = String::from_utf8(out.stdout).expect("text");
    assert!(
        text.contains("first declared at tests/fixtures/include/errors/map.yaml:7:3"),
        "{text}"
    );
    // The snippet is the part's own line.
    assert!(
        text.contains("┌─ tests/fixtures/include/errors/sub/deeper.yaml:5:3"),
        "{text}"
    );
}

#[test]
fn an_include_cycle_is_an_error_at_the_entry_that_closes_it() {
    let (found, code) = check("tests/fixtures/include/cycle/a.yaml");
    assert_eq!(code, 1);
    assert!(
        has(
            &found,
            "include-cycle",
            "tests/fixtures/include/cycle/b.yaml",
            1,
            11,
            "tests/fixtures/include/cycle/a.yaml → tests/fixtures/include/cycle/b.yaml → tests/fixtures/include/cycle/a.yaml"
        ),
        "{found:#?}"
    );
    // The cycle is not followed: each file is merged once (no duplicate ids).
    assert!(found.iter().all(|d| d.0 != "duplicate-id"), "{found:#?}");
}

#[test]
fn a_map_including_itself_is_a_cycle() {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::write(
        dir.path().join("m.yaml"),
        "id: m\ninclude: [m.yaml]\nclaims:\n  T1: {text: A., thesis: true}\n",
    )
    .expect("write");
    let (found, code) = check_in(dir.path(), "m.yaml", &[]);
    assert_eq!(code, 1);
    assert!(
        has(&found, "include-cycle", "m.yaml", 2, 11, "m.yaml → m.yaml"),
        "{found:#?}"
    );
}

#[test]
fn an_included_file_outside_the_project_is_refused_unless_allowed() {
    let dir = tempfile::tempdir().expect("tempdir");
    let project = dir.path().join("project");
    std::fs::create_dir_all(project.join(".git")).expect("project");
    std::fs::write(
        dir.path().join("outside.yaml"),
        "evidence:\n  E1: {text: Elsewhere., supports: [T1]}\n",
    )
    .expect("write");
    let map = project.join("m.yaml");
    std::fs::write(
        &map,
        "id: m\ninclude: [../outside.yaml]\nclaims:\n  T1: {text: A., thesis: true}\n",
    )
    .expect("write");
    let map = map.display().to_string();
    // Run from the repository: the file is neither in the map's project nor in the
    // working directory.
    let (found, code) = check_in(&root(), &map, &[]);
    assert_eq!(code, 1);
    assert!(
        has(
            &found,
            "include-unreadable",
            &map,
            2,
            11,
            "outside the map's project"
        ),
        "{found:#?}"
    );
    let (found, _) = check_in(&root(), &map, &["--allow-source-outside"]);
    assert!(
        found.iter().all(|d| d.0 != "include-unreadable"),
        "{found:#?}"
    );
}

#[test]
fn an_included_file_that_is_not_yaml_is_a_syntax_error_in_that_file() {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::write(
        dir.path().join("m.yaml"),
        "id: m\ninclude: [part.yaml]\nclaims:\n  T1: {text: A., thesis: true}\n",
    )
    .expect("write");
    std::fs::write(
        dir.path().join("part.yaml"),
        "evidence:\n\tE1: {text: A.}\n",
    )
    .expect("write");
    let (found, code) = check_in(dir.path(), "m.yaml", &[]);
    assert_eq!(code, 1);
    assert!(
        found
            .iter()
            .any(|d| d.0 == "yaml-syntax" && d.1 == "part.yaml" && d.2 >= 2),
        "{found:#?}"
    );
}

#[test]
fn a_map_from_standard_input_includes_relative_to_the_working_directory() {
    let out = argmap()
        .current_dir(fixture("include/ok"))
        .args(["support", "-"])
        .write_stdin(std::fs::read_to_string(fixture("include/ok/map.yaml")).expect("read"))
        .output()
        .expect("runs");
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(String::from_utf8_lossy(&out.stdout).contains("T1 <- E1 [survey-2019]"));
}

#[test]
fn output_onto_an_included_file_is_refused() {
    let dir = tempfile::tempdir().expect("tempdir");
    for name in ["map.yaml", "chapter-1.yaml", "essay.txt"] {
        std::fs::copy(fixture("include/ok").join(name), dir.path().join(name)).expect("copy");
    }
    std::fs::create_dir(dir.path().join("chapters")).expect("dir");
    for name in ["chapter-2.yaml", "answer.yaml"] {
        std::fs::copy(
            fixture("include/ok/chapters").join(name),
            dir.path().join("chapters").join(name),
        )
        .expect("copy");
    }
    let before = std::fs::read(dir.path().join("chapters/answer.yaml")).expect("read");
    let out = argmap()
        .current_dir(dir.path())
        .args([
            "render",
            "map.yaml",
            "--format",
            "dot",
            "-o",
            "chapters/answer.yaml",
        ])
        .output()
        .expect("runs");
    assert_eq!(
        out.status.code(),
        Some(2),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(
        std::fs::read(dir.path().join("chapters/answer.yaml")).expect("read"),
        before
    );
}

#[test]
fn snapshots_of_a_map_in_several_files() {
    for f in ["dot", "json", "aif", "argdown"] {
        insta::assert_snapshot!(
            format!("include-{f}"),
            crate::common::render(&[OK, "--format", f])
        );
    }
}

/// Writes `files` (name, text) into a new temporary folder.
fn folder(files: &[(&str, &str)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("tempdir");
    for (name, text) in files {
        let path = dir.path().join(name);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).expect("dirs");
        }
        std::fs::write(path, text).expect("write");
    }
    dir
}

#[test]
fn a_warning_in_a_part_is_placed_there_after_its_text_was_let_go() {
    // No load error: every file's text is let go after parsing and read again to place
    // the warning.
    let dir = folder(&[
        (
            "m.yaml",
            "id: m\ninclude: [p.yaml]\nsources:\n  s: {title: S}\nclaims:\n  T1: {text: A., thesis: true, cites: [s]}\n",
        ),
        ("p.yaml", "# a part\nclaims:\n  C9:\n    text: Alone.\n    cites: [s]\n"),
    ]);
    let (found, code) = check_in(dir.path(), "m.yaml", &[]);
    assert_eq!(code, 0);
    assert!(has(&found, "orphan", "p.yaml", 3, 3, "`C9`"), "{found:#?}");
    assert_eq!(found.len(), 1, "{found:#?}");
}

#[test]
fn a_file_two_parts_include_is_merged_once_and_the_second_include_is_a_warning() {
    let dir = folder(&[
        (
            "m.yaml",
            "id: m\ninclude: [a.yaml, b.yaml]\nclaims:\n  T1: {text: A., thesis: true, cites: [s]}\n",
        ),
        ("a.yaml", "include: [common.yaml]\nevidence:\n  E1: {text: E., cites: [s], supports: [T1]}\n"),
        ("b.yaml", "include: [./common.yaml]\nevidence:\n  E2: {text: F., cites: [s], supports: [T1]}\n"),
        ("common.yaml", "sources:\n  s: {title: S}\n"),
    ]);
    let (found, code) = check_in(dir.path(), "m.yaml", &[]);
    assert_eq!(code, 0, "{found:#?}");
    assert_eq!(found.len(), 1, "{found:#?}");
    assert!(
        has(
            &found,
            "include-repeated",
            "b.yaml",
            1,
            11,
            "is included already, by a.yaml"
        ),
        "{found:#?}"
    );
}

#[test]
fn a_duplicate_within_one_part_is_reported_in_that_part() {
    let dir = folder(&[
        (
            "m.yaml",
            "id: m\ninclude: [p.yaml]\nsources:\n  s: {title: S}\nclaims:\n  T1: {text: A., thesis: true, cites: [s]}\n",
        ),
        (
            "p.yaml",
            "evidence:\n  E1: {text: E., cites: [s], supports: [T1]}\n  E1: {text: F., cites: [s], supports: [T1]}\nrebuttals:\n  E1: {text: G., attacks: [T1]}\n",
        ),
    ]);
    let (found, code) = check_in(dir.path(), "m.yaml", &[]);
    assert_eq!(code, 1);
    assert!(
        has(
            &found,
            "duplicate-id",
            "p.yaml",
            3,
            3,
            "declared twice in `evidence`"
        ),
        "{found:#?}"
    );
    assert!(
        has(&found, "duplicate-id", "p.yaml", 5, 3, "`E1`"),
        "{found:#?}"
    );
}

#[test]
fn compare_reads_every_file_of_a_map() {
    let out = argmap()
        .args([
            "compare",
            "--format",
            "json",
            OK,
            "tests/fixtures/contradicts/right.yaml",
        ])
        .output()
        .expect("runs");
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: Value = serde_json::from_slice(&out.stdout).expect("JSON");
    let left = &v["maps"]["left"];
    assert_eq!(
        (
            left["claims"].as_u64(),
            left["evidence"].as_u64(),
            left["rebuttals"].as_u64(),
            left["sources"].as_u64()
        ),
        (Some(1), Some(1), Some(2), Some(1)),
        "{left}"
    );
}
