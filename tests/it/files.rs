//! Reading map and source files: only regular files (a FIFO or a device is refused, never
//! waited on or read without end), at most 1 GiB; `-` reads a map from standard input;
//! a source must resolve inside the map's project or the working directory unless
//! `--allow-source-outside` is given.

use crate::common::{argmap, root};
use serde_json::Value;
use std::path::Path;
use std::time::Duration;

/// Long enough for any run, short enough that a regression hangs no test run: a read
/// that waits on a FIFO is killed and the test fails.
const HANG_GUARD: Duration = Duration::from_secs(60);

fn mkfifo(path: &Path) {
    let status = std::process::Command::new("mkfifo")
        .arg(path)
        .status()
        .expect("mkfifo (coreutils) runs");
    assert!(status.success(), "mkfifo {}", path.display());
}

fn json(out: &std::process::Output) -> Value {
    serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("not JSON ({e}): {}", String::from_utf8_lossy(&out.stdout)))
}

/// The diagnostics of `rule` in a check report.
fn of_rule<'v>(v: &'v Value, rule: &str) -> Vec<&'v Value> {
    v["diagnostics"]
        .as_array()
        .into_iter()
        .flatten()
        .filter(|d| d["rule"] == rule)
        .collect()
}

const MAP_CITING: &str = "id: m\nsource: SOURCE\nclaims:\n  T1: {text: A thesis., thesis: true, quote: the words of the text}\n";

fn map_citing(source: &str) -> String {
    MAP_CITING.replace("SOURCE", source)
}

#[test]
fn a_fifo_as_map_is_refused_without_waiting_for_a_writer() {
    let dir = tempfile::tempdir().expect("tempdir");
    let fifo = dir.path().join("map.yaml");
    mkfifo(&fifo);
    let out = argmap()
        .args(["check", "--format", "json"])
        .arg(&fifo)
        .timeout(HANG_GUARD)
        .output()
        .expect("runs and ends");
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("not a regular file"), "{err}");
}

#[test]
fn a_fifo_to_import_is_refused_without_waiting_for_a_writer() {
    let dir = tempfile::tempdir().expect("tempdir");
    let fifo = dir.path().join("aif.json");
    mkfifo(&fifo);
    let out = argmap()
        .arg("import")
        .arg(&fifo)
        .timeout(HANG_GUARD)
        .output()
        .expect("runs and ends");
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("not a regular file"));
}

#[test]
fn a_fifo_as_source_is_refused_at_the_source_value() {
    let dir = tempfile::tempdir().expect("tempdir");
    mkfifo(&dir.path().join("essay.txt"));
    let map = dir.path().join("map.yaml");
    std::fs::write(&map, map_citing("essay.txt")).expect("write");
    let out = argmap()
        .args(["check", "--format", "json"])
        .arg(&map)
        .timeout(HANG_GUARD)
        .output()
        .expect("runs and ends");
    assert_eq!(out.status.code(), Some(1));
    let v = json(&out);
    let d = of_rule(&v, "source-unreadable");
    assert_eq!(d.len(), 1, "{v}");
    assert_eq!(
        (d[0]["line"].as_u64(), d[0]["column"].as_u64()),
        (Some(2), Some(9))
    );
    assert!(d[0]["message"]
        .as_str()
        .is_some_and(|m| m.contains("not a regular file")));
}

#[test]
fn files_over_1_gib_are_refused_unread() {
    let dir = tempfile::tempdir().expect("tempdir");
    // Sparse: no disk is used, and argmap must not read it.
    let big = dir.path().join("big.txt");
    std::fs::File::create(&big)
        .and_then(|f| f.set_len((1 << 30) + 1))
        .expect("sparse file");
    let map = dir.path().join("map.yaml");
    std::fs::write(&map, map_citing("big.txt")).expect("write");
    let out = argmap()
        .args(["check", "--format", "json"])
        .arg(&map)
        .timeout(HANG_GUARD)
        .output()
        .expect("runs");
    let v = json(&out);
    let d = of_rule(&v, "source-unreadable");
    assert!(
        d.len() == 1
            && d[0]["message"]
                .as_str()
                .is_some_and(|m| m.contains("larger than 1 GiB")),
        "{v}"
    );
    let big_map = dir.path().join("big.yaml");
    std::fs::rename(&big, &big_map).expect("rename");
    let out = argmap()
        .arg("check")
        .arg(&big_map)
        .timeout(HANG_GUARD)
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("larger than 1 GiB"));
}

#[test]
fn a_map_from_standard_input_is_named_stdin_and_cites_from_the_working_directory() {
    let text = std::fs::read_to_string(root().join("tests/fixtures/rules/quote-not-found.yaml"))
        .expect("fixture");
    let out = argmap()
        .args(["check", "--format", "json", "-"])
        .current_dir(root().join("tests/fixtures/rules"))
        .write_stdin(text.clone())
        .timeout(HANG_GUARD)
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(1));
    let v = json(&out);
    // The source resolved from the working directory: the quote was checked.
    let d = of_rule(&v, "quote-not-found");
    assert_eq!(d.len(), 1, "{v}");
    assert_eq!(d[0]["file"], "<stdin>");
    assert!(of_rule(&v, "source-unreadable").is_empty(), "{v}");
    // Human output shows the snippet of standard input.
    let out = argmap()
        .args(["check", "-"])
        .current_dir(root().join("tests/fixtures/rules"))
        .write_stdin(text)
        .timeout(HANG_GUARD)
        .output()
        .expect("runs");
    let human = String::from_utf8_lossy(&out.stdout);
    assert!(human.contains("┌─ <stdin>:13:12"), "{human}");
}

#[test]
fn standard_input_can_be_given_once() {
    let out = argmap()
        .args(["check", "-", "-"])
        .write_stdin("id: m\n")
        .timeout(HANG_GUARD)
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("given more than once"));
}

/// A project (a folder with `.git`) holding `maps/map.yaml`, and `outside.txt` beside it.
fn project() -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().expect("tempdir");
    let proj = dir.path().join("proj");
    std::fs::create_dir_all(proj.join(".git")).expect("dirs");
    std::fs::create_dir_all(proj.join("maps")).expect("dirs");
    std::fs::create_dir_all(proj.join("seeds")).expect("dirs");
    let words = "Here are the words of the text, quoted.\n";
    std::fs::write(dir.path().join("outside.txt"), words).expect("write");
    std::fs::write(proj.join("seeds/essay.txt"), words).expect("write");
    (dir, proj)
}

fn check_in(map: &Path, extra: &[&str]) -> Value {
    let out = argmap()
        .args(["check", "--format", "json"])
        .args(extra)
        .arg(map)
        .timeout(HANG_GUARD)
        .output()
        .expect("runs");
    json(&out)
}

#[test]
fn a_source_outside_the_project_is_refused_unless_allowed() {
    let (_dir, proj) = project();
    let map = proj.join("maps/map.yaml");
    std::fs::write(&map, map_citing("../../outside.txt")).expect("write");
    let v = check_in(&map, &[]);
    let d = of_rule(&v, "source-unreadable");
    assert_eq!(d.len(), 1, "{v}");
    assert_eq!(
        (d[0]["line"].as_u64(), d[0]["column"].as_u64()),
        (Some(2), Some(9))
    );
    let m = d[0]["message"].as_str().unwrap_or("");
    assert!(
        m.contains("outside the map's project") && m.contains("--allow-source-outside"),
        "{m}"
    );
    // Quotes are not checked against it, so no passage of it is printed.
    assert!(of_rule(&v, "quote-not-found").is_empty());

    let v = check_in(&map, &["--allow-source-outside"]);
    assert_eq!(v["summary"]["errors"], 0, "{v}");

    // Inside the project, above the map's folder: fine.
    std::fs::write(&map, map_citing("../seeds/essay.txt")).expect("write");
    assert_eq!(check_in(&map, &[])["summary"]["errors"], 0);
}

#[test]
fn every_command_that_checks_takes_allow_source_outside() {
    let (_dir, proj) = project();
    let map = proj.join("maps/map.yaml");
    std::fs::write(&map, map_citing("../../outside.txt")).expect("write");
    for command in ["render", "support", "evaluate"] {
        let out = argmap()
            .arg(command)
            .arg(&map)
            .timeout(HANG_GUARD)
            .output()
            .expect("runs");
        assert_eq!(out.status.code(), Some(1), "{command}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains("--allow-source-outside"), "{command}: {err}");
        let out = argmap()
            .arg(command)
            .arg(&map)
            .arg("--allow-source-outside")
            .timeout(HANG_GUARD)
            .output()
            .expect("runs");
        assert_eq!(
            out.status.code(),
            Some(0),
            "{command}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
}

#[test]
fn a_symlink_inside_the_project_to_a_file_outside_is_refused() {
    let (dir, proj) = project();
    std::os::unix::fs::symlink(dir.path().join("outside.txt"), proj.join("seeds/link.txt"))
        .expect("symlink");
    std::os::unix::fs::symlink(proj.join("seeds/essay.txt"), proj.join("seeds/inside.txt"))
        .expect("symlink");
    let map = proj.join("maps/map.yaml");
    std::fs::write(&map, map_citing("../seeds/link.txt")).expect("write");
    let v = check_in(&map, &[]);
    let d = of_rule(&v, "source-unreadable");
    assert!(
        d.len() == 1
            && d[0]["message"]
                .as_str()
                .is_some_and(|m| m.contains("outside.txt")),
        "{v}"
    );
    // A link to a regular file inside is fine.
    std::fs::write(&map, map_citing("../seeds/inside.txt")).expect("write");
    assert_eq!(check_in(&map, &[])["summary"]["errors"], 0);
}

#[test]
fn without_a_repository_the_project_is_the_maps_folder() {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::create_dir_all(dir.path().join("maps")).expect("dirs");
    std::fs::write(dir.path().join("essay.txt"), "the words of the text\n").expect("write");
    let map = dir.path().join("maps/map.yaml");
    std::fs::write(&map, map_citing("../essay.txt")).expect("write");
    let v = check_in(&map, &[]);
    assert_eq!(of_rule(&v, "source-unreadable").len(), 1, "{v}");
    std::fs::rename(
        dir.path().join("essay.txt"),
        dir.path().join("maps/essay.txt"),
    )
    .expect("mv");
    std::fs::write(&map, map_citing("essay.txt")).expect("write");
    assert_eq!(check_in(&map, &[])["summary"]["errors"], 0);
}

#[test]
fn the_essay_maps_check_from_any_working_directory() {
    let elsewhere = tempfile::tempdir().expect("tempdir");
    for m in [
        "maps/permanent-revolution.yaml",
        "maps/quantum-dialectics.yaml",
    ] {
        let out = argmap()
            .args(["check", "--format", "json"])
            .arg(root().join(m))
            .current_dir(elsewhere.path())
            .timeout(HANG_GUARD)
            .output()
            .expect("runs");
        let v = json(&out);
        assert!(of_rule(&v, "source-unreadable").is_empty(), "{m}: {v}");
        assert_eq!(v["summary"]["errors"], 0, "{m}");
    }
}
