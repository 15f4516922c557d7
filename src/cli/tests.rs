//! The commands run in process as on a terminal: colour under `--color auto` (and
//! NO_COLOR), and PNG or PDF refused on one. A test outside the binary cannot tell
//! [`super::run_on`] that both streams are terminals.

use std::path::PathBuf;

const TYPO: &str = "tests/fixtures/refuse/typo-attack.yaml";
const HOSTILE: &str = "tests/fixtures/terminal/hostile.yaml";

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Runs `args` in process, as on a terminal (standard output and error both), with or
/// without NO_COLOR.
fn on_terminal(args: &[&str], no_color: bool) -> (u8, Vec<u8>, Vec<u8>) {
    use clap::Parser;
    let mut all = vec!["argmap"];
    all.extend(args);
    let cli = super::args::Cli::try_parse_from(all).expect("parses");
    let (mut out, mut err) = (Vec::new(), Vec::new());
    let terminals = super::Terminals {
        out: true,
        err: true,
        no_color,
    };
    let code = super::run_on(cli, &mut out, &mut err, terminals);
    (code, out, err)
}

#[test]
fn auto_colours_a_terminal_unless_no_color_is_set() {
    let path = root().join(TYPO);
    let p = path.to_string_lossy();
    let (code, out, _) = on_terminal(&["check", &p], false);
    assert_eq!(code, 1);
    assert!(out.contains(&0x1b), "a terminal gets colour");
    let (_, out, _) = on_terminal(&["check", &p], true);
    assert!(!out.contains(&0x1b), "NO_COLOR turns colour off");
    let (_, out, _) = on_terminal(&["check", "--color", "always", &p], true);
    assert!(out.contains(&0x1b), "--color always wins over NO_COLOR");
    let (_, _, err) = on_terminal(&["render", &p], false);
    assert!(err.contains(&0x1b), "standard error too");
    let (_, _, err) = on_terminal(&["render", &p], true);
    assert!(!err.contains(&0x1b));
}

#[test]
fn png_and_pdf_are_not_written_to_a_terminal() {
    let path = root().join("tests/fixtures/refuse/partner.yaml");
    let p = path.to_string_lossy();
    let hostile = root().join(HOSTILE).to_string_lossy().into_owned();
    for args in [
        vec!["render", &p, "--format", "png"],
        vec!["render", &p, "--format", "pdf"],
        vec!["compare", &p, &hostile, "--format", "png"],
        // `-o -` is standard output too.
        vec!["render", &p, "--format", "png", "-o", "-"],
    ] {
        let (code, out, err) = on_terminal(&args, false);
        assert_eq!(code, 2, "{args:?}");
        assert!(out.is_empty(), "{args:?}");
        let err = String::from_utf8(err).expect("utf-8");
        assert!(
            err.contains("to a terminal: give -o FILE, or pipe standard output"),
            "{err}"
        );
    }
    // Text formats still go to a terminal.
    let (code, out, _) = on_terminal(&["render", &p], false);
    assert_eq!(code, 0);
    assert!(out.starts_with(b"digraph"));
}
