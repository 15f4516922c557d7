//! What reaches a terminal: check's summary per rule, `--quiet` and `--summary`,
//! colour (`--color`, NO_COLOR, plain when piped), and no control character from a map
//! in any text output or message.

use crate::common::{argmap, fixture, root};
use argmap::present::escape::needs_terminal_escape;
use std::path::Path;

const TYPO: &str = "tests/fixtures/refuse/typo-attack.yaml";
const HOSTILE: &str = "tests/fixtures/terminal/hostile.yaml";
const HOSTILE_B: &str = "tests/fixtures/terminal/hostile-b.yaml";
const HOSTILE_ERRORS: &str = "tests/fixtures/terminal/hostile-errors.yaml";
const PR: &str = "maps/permanent-revolution.yaml";
const QD: &str = "maps/quantum-dialectics.yaml";

fn run(args: &[&str]) -> (Option<i32>, Vec<u8>, Vec<u8>) {
    let out = argmap().args(args).output().expect("runs");
    (out.status.code(), out.stdout, out.stderr)
}

/// The control characters in `bytes` (which must be UTF-8), except `\n`; with
/// `colours`, SGR sequences (`ESC [ digits;... m`, argmap's colours) are skipped.
fn raw_controls(bytes: &[u8], colours: bool) -> Vec<String> {
    let text = std::str::from_utf8(bytes).expect("terminal text is UTF-8");
    let mut found = Vec::new();
    let mut rest = text;
    while let Some(c) = rest.chars().next() {
        if colours && c == '\u{1b}' {
            if let Some(sgr) = rest.strip_prefix("\u{1b}[") {
                let end = sgr
                    .find(|c: char| !(c.is_ascii_digit() || c == ';'))
                    .unwrap_or(sgr.len());
                if sgr[end..].starts_with('m') {
                    rest = &sgr[end + 1..];
                    continue;
                }
            }
        }
        if needs_terminal_escape(c) {
            let at = text.len() - rest.len();
            let before: String = text[..at].chars().rev().take(20).collect();
            let before: String = before.chars().rev().collect();
            found.push(format!("{c:?} at byte {at}, after {before:?}"));
        }
        rest = &rest[c.len_utf8()..];
    }
    found
}

#[test]
fn check_ends_with_a_summary_per_rule() {
    let out = argmap().args(["check", TYPO]).output().expect("runs");
    assert_eq!(out.status.code(), Some(1));
    let text = String::from_utf8(out.stdout).expect("utf-8");
    insta::assert_snapshot!("check-typo-attack-human", text);
    assert!(text.ends_with(
        "1 error, 4 warnings in 1 file\n  2 × orphan (warning)\n  2 × uncited-claim (warning)\n  1 × dangling-reference (error)\n"
    ));
}

#[test]
fn quiet_prints_errors_in_full_and_only_counts_warnings() {
    let (code, out, _) = run(&["check", "--quiet", TYPO]);
    assert_eq!(code, Some(1));
    let text = String::from_utf8(out).expect("utf-8");
    assert!(text.starts_with("error[dangling-reference]"), "{text}");
    assert!(!text.contains("warning["), "{text}");
    assert!(text.contains("  2 × orphan (warning)"), "{text}");
    let (code, short, _) = run(&["check", "-q", TYPO]);
    assert_eq!((code, short), (Some(1), text.into_bytes()));
}

#[test]
fn summary_prints_only_the_counts() {
    let (code, out, _) = run(&["check", "--summary", TYPO]);
    assert_eq!(code, Some(1), "the exit code does not depend on the detail");
    assert_eq!(
        String::from_utf8(out).expect("utf-8"),
        "1 error, 4 warnings in 1 file\n  2 × orphan (warning)\n  2 × uncited-claim (warning)\n  1 × dangling-reference (error)\n"
    );
    let (code, _, err) = run(&["check", "--summary", "--quiet", TYPO]);
    assert_eq!(code, Some(2), "{}", String::from_utf8_lossy(&err));
}

/// The `sh` block under "Set up and run the main job" in README.md.
fn main_job() -> String {
    let readme = std::fs::read_to_string(root().join("README.md")).expect("README");
    let at = readme
        .find("Set up and run the main job")
        .expect("README has the main job");
    let block = &readme[at..];
    let start = block.find("```sh\n").expect("a sh block") + "```sh\n".len();
    let end = block[start..].find("```").expect("closed") + start;
    block[start..end].trim().to_string()
}

#[test]
fn the_main_job_writes_nothing_into_the_repository_and_fits_on_a_screen() {
    let job = main_job();
    assert!(!job.contains("/dev/null"), "{job}");
    // Every -o goes outside the repository.
    let words: Vec<&str> = job.split_whitespace().collect();
    for w in words.windows(2).filter(|w| w[0] == "-o") {
        assert!(
            w[1].starts_with("/tmp/"),
            "-o {} writes into the repository",
            w[1]
        );
    }
    assert!(job.contains("check --quiet"), "{job}");
    // What its check prints (the render prints nothing): one screen.
    let (code, out, err) = run(&["check", "--quiet", PR, QD]);
    assert_eq!(code, Some(0), "{}", String::from_utf8_lossy(&err));
    let text = String::from_utf8(out).expect("utf-8");
    assert!(
        text.lines().count() <= 30,
        "{} lines:\n{text}",
        text.lines().count()
    );
    assert!(text.contains("× uncited-claim (warning)"), "{text}");
}

#[test]
fn color_always_colours_and_piped_output_is_plain() {
    let (_, plain, _) = run(&["check", TYPO]);
    assert!(!plain.contains(&0x1b), "piped output has no colour");
    let (_, never, _) = run(&["check", "--color", "never", TYPO]);
    assert_eq!(never, plain);
    let (code, coloured, _) = run(&["check", "--color", "always", TYPO]);
    assert_eq!(code, Some(1));
    let text = String::from_utf8(coloured).expect("utf-8");
    assert!(
        text.contains("\u{1b}[0m\u{1b}[1m\u{1b}[38;5;9merror[dangling-reference]"),
        "{text:?}"
    );
    // The colour codes are all there is: without them, the plain text.
    let stripped = strip_sgr(&text);
    assert_eq!(stripped.as_bytes(), plain.as_slice());
    // Also after the command, and on standard error (a refusal).
    let (_, _, err) = run(&["render", TYPO, "--color=always"]);
    assert!(err.contains(&0x1b));
    let (_, _, err) = run(&["--color", "always", "render", TYPO]);
    assert!(err.contains(&0x1b));
    let (_, _, err) = run(&["render", TYPO]);
    assert!(!err.contains(&0x1b));
}

fn strip_sgr(text: &str) -> String {
    let mut out = String::new();
    let mut rest = text;
    while let Some(i) = rest.find("\u{1b}[") {
        out.push_str(&rest[..i]);
        let after = &rest[i + 2..];
        let end = after.find('m').expect("SGR ends with m");
        rest = &after[end + 1..];
    }
    out.push_str(rest);
    out
}

#[test]
fn no_color_is_read_from_the_environment_on_a_real_terminal() {
    // `script` runs argmap on a pseudo-terminal.
    let script = std::process::Command::new("script")
        .arg("--version")
        .output()
        .is_ok();
    if !crate::common::require_tool("`script`", script, "apt-get install util-linux") {
        return;
    }
    let bin = assert_cmd::cargo::cargo_bin("argmap");
    let cmd = format!("{} check {TYPO}", bin.display());
    // `script` keeps a typescript of the session: in a temporary file, never a device.
    let dir = tempfile::tempdir().expect("tempdir");
    let typescript = dir.path().join("typescript");
    let on_pty = |no_color: Option<&str>| {
        let mut c = std::process::Command::new("script");
        c.args(["-qec", &cmd]).arg(&typescript).current_dir(root());
        c.env_remove("NO_COLOR");
        if let Some(v) = no_color {
            c.env("NO_COLOR", v);
        }
        c.output().expect("script runs").stdout
    };
    assert!(on_pty(None).contains(&0x1b), "a terminal gets colour");
    assert!(!on_pty(Some("1")).contains(&0x1b), "NO_COLOR=1");
    assert!(
        on_pty(Some("")).contains(&0x1b),
        "an empty NO_COLOR is unset"
    );
}

/// A copy of the hostile fixtures in `dir` with raw control bytes in a YAML comment
/// (ESC, BEL, CSI, a bidi override), under a file name holding an ESC sequence.
fn hostile_copies(dir: &Path) -> (String, String) {
    let raw_comment = "# raw: \u{1b}[2J\u{1b}]0;pwned\u{7} \u{9b}31m \u{202e}reversed\n";
    let name = "hostile\u{1b}[2J\u{7}.yaml";
    std::fs::copy(fixture("terminal/hostile.txt"), dir.join("hostile.txt")).expect("copy");
    let text = std::fs::read_to_string(fixture("terminal/hostile.yaml")).expect("read");
    let ok = dir.join(name);
    std::fs::write(&ok, format!("{raw_comment}{text}")).expect("write");
    let text = std::fs::read_to_string(fixture("terminal/hostile-errors.yaml")).expect("read");
    let bad = dir.join(format!("errors-{name}"));
    std::fs::write(
        &bad,
        text.replace("  C1:\n", &format!("  C1: {raw_comment}")),
    )
    .expect("write");
    (
        ok.to_string_lossy().into_owned(),
        bad.to_string_lossy().into_owned(),
    )
}

#[test]
fn no_control_character_from_a_map_reaches_the_terminal() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (ok, bad) = hostile_copies(dir.path());
    let missing = dir.path().join("missing\u{1b}]8;;http://x\u{7}.yaml");
    let missing = missing.to_string_lossy().into_owned();
    let runs: Vec<Vec<&str>> = vec![
        vec!["check", HOSTILE],
        vec!["check", HOSTILE_ERRORS],
        vec!["check", &ok],
        vec!["check", &bad],
        vec!["check", "--quiet", &bad],
        vec!["check", &missing],
        vec!["support", HOSTILE],
        vec!["support", &ok],
        vec!["evaluate", HOSTILE],
        vec!["evaluate", HOSTILE, "--semantics", "all"],
        vec!["compare", HOSTILE, HOSTILE_B],
        vec!["compare", HOSTILE, HOSTILE_B, "--format", "markdown"],
        vec![
            "compare",
            HOSTILE,
            HOSTILE_B,
            "--suggest",
            "--min-score",
            "0",
        ],
        vec!["render", HOSTILE],
        vec!["render", HOSTILE, HOSTILE_B],
        vec!["render", HOSTILE, "--format", "mermaid"],
        vec!["render", HOSTILE, "--format", "argdown"],
        vec!["render", HOSTILE, "--format", "af"],
        vec!["render", &ok, "--focus", "T1"],
        // Refusals and --force: the diagnostics on standard error.
        vec!["support", &bad],
        vec!["render", &bad],
        vec!["evaluate", &bad, "--force"],
        vec!["compare", &bad, HOSTILE, "--force"],
        vec!["render", HOSTILE, "--focus", "T1\u{1b}[2J"],
        vec!["render", HOSTILE, "--allow", "orphan\u{1b}[2J"],
        // A usage error quotes what was typed.
        vec!["render", HOSTILE, "--rankdir", "\u{1b}]0;pwned\u{7}"],
        vec!["import", &missing],
    ];
    for args in &runs {
        for colour in ["never", "always"] {
            let mut all = args.clone();
            all.extend(["--color", colour]);
            let (code, out, err) = run(&all);
            assert!(code.is_some(), "{all:?}");
            let always = colour == "always";
            assert_eq!(
                raw_controls(&out, always),
                Vec::<String>::new(),
                "{all:?} stdout"
            );
            assert_eq!(
                raw_controls(&err, always),
                Vec::<String>::new(),
                "{all:?} stderr"
            );
        }
    }
    // The escapes are visible.
    let (_, out, _) = run(&["check", &bad]);
    let text = String::from_utf8(out).expect("utf-8");
    assert!(
        text.contains("# raw: \\u{1b}[2J\\u{1b}]0;pwned\\u{7} \\u{9b}31m \\u{202e}reversed"),
        "{text}"
    );
    assert!(
        text.contains("errors-hostile\\u{1b}[2J\\u{7}.yaml:"),
        "{text}"
    );
    // YAML forbids raw control characters even in a comment: that copy is refused at the
    // first one (shown escaped, above); the quote's closest passage is shown for the map
    // without it.
    assert!(
        text.contains("error[yaml-syntax]: a control character (U+001B)"),
        "{text}"
    );
    let (_, out, _) = run(&["check", HOSTILE_ERRORS]);
    let text = String::from_utf8(out).expect("utf-8");
    assert!(text.contains("closest passage"), "{text}");
    assert!(raw_controls(text.as_bytes(), false).is_empty(), "{text}");
    let (code, _, err) = run(&["check", &missing]);
    assert_eq!(code, Some(2));
    let err = String::from_utf8(err).expect("utf-8");
    assert!(err.starts_with("argmap: error: "), "{err}");
    assert!(
        err.contains("missing\\u{1b}]8;;http://x\\u{7}.yaml"),
        "{err}"
    );
    let (_, out, _) = run(&["support", HOSTILE]);
    let text = String::from_utf8(out).expect("utf-8");
    assert!(text.contains("Clear \\u{1b}[2J\\u{1b}[H screen \\r overwritten \\u{202e} reversed \\u{9b}1m csi \\u{85} nel \\u{2028} ls \\u{2066} isolate"), "{text}");
}

#[test]
fn json_output_escapes_control_characters_itself() {
    let (_, out, _) = run(&["check", "--format", "json", HOSTILE_ERRORS]);
    let text = String::from_utf8(out).expect("utf-8");
    assert!(!text.contains('\u{1b}') && !text.contains('\u{7}'));
    assert!(text.contains("\\u001b"), "{text}");
    let v: serde_json::Value = serde_json::from_str(&text).expect("JSON");
    assert!(v["diagnostics"]
        .as_array()
        .expect("diagnostics")
        .iter()
        .any(|d| d["message"]
            .as_str()
            .is_some_and(|m| m.contains("T1\u{1b}[2J"))));
}

mod property {
    use super::raw_controls;
    use proptest::prelude::*;

    /// Runs the binary on `args`.
    fn run(args: &[&str]) -> (Vec<u8>, Vec<u8>) {
        let (_, out, err) = super::run(args);
        (out, err)
    }

    /// Text rich in what a terminal acts on: controls, escape-sequence material, and any
    /// other character.
    fn hostile_text() -> impl Strategy<Value = String> {
        let special = prop::sample::select(vec![
            '\u{1b}', '\u{7}', '\r', '\t', '\0', '\u{8}', '\u{7f}', '\u{9b}', '\u{9d}', '\u{85}',
            '\u{2028}', '\u{2029}', '\u{202e}', '\u{2066}', '\u{200f}', '\u{feff}', '[', ']', ';',
            '\\', '"', ':', '#', ' ', '\n',
        ]);
        prop::collection::vec(prop_oneof![3 => special, 1 => any::<char>()], 0..24)
            .prop_map(|cs| cs.into_iter().collect())
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

        /// Whatever a claim's text (as a YAML string, or raw in the file), check and
        /// support show no control character from it.
        #[test]
        fn no_raw_control_characters_in_check_or_support_output(
            text in hostile_text(),
            raw in any::<bool>(),
        ) {
            let dir = tempfile::tempdir().expect("tempdir");
            let path = dir.path().join("p.yaml");
            let value = if raw {
                // The text written as it is: often not YAML, then a yaml-syntax snippet.
                text.clone()
            } else {
                serde_json::to_string(&text).expect("JSON string")
            };
            let yaml = format!(
                "id: p\nclaims:\n  T1:\n    text: {value}\n    thesis: true\n  C1:\n    text: {value}\n    supports: [T1]\n    # {text}\n"
            );
            std::fs::write(&path, yaml).expect("write");
            let p = path.to_string_lossy().into_owned();
            for args in [vec!["check", p.as_str()], vec!["support", p.as_str()], vec!["support", p.as_str(), "--force"]] {
                let (out, err) = run(&args);
                prop_assert_eq!(raw_controls(&out, false), Vec::<String>::new(), "{:?}", args);
                prop_assert_eq!(raw_controls(&err, false), Vec::<String>::new(), "{:?}", args);
            }
        }
    }
}

// Colour under `--color auto` on a terminal, and PNG or PDF refused on one, are tested
// in the binary (src/cli/tests.rs), which can tell `run_on` both streams are terminals.
