//! The library's root API (`argmap::load`, `check`, `support`, `evaluate`, `compare`,
//! `render`) gives what the command line prints: the CLI and a program using the crate
//! see the same maps.

use crate::common::{argmap, root};

const EXAMPLE: &str = "docs/example.yaml";
const PR: &str = "maps/permanent-revolution.yaml";
const QD: &str = "maps/quantum-dialectics.yaml";

fn stdout(args: &[&str]) -> Vec<u8> {
    let out = argmap().args(args).output().expect("runs");
    assert_eq!(
        out.status.code(),
        Some(0),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    out.stdout
}

#[test]
fn render_gives_what_the_command_writes_in_every_format_without_graphviz() {
    let file = argmap::load(root().join(EXAMPLE)).expect("loads");
    let map = argmap::Analysed::new(&file).expect("parses");
    let maps = [map];
    for (format, name) in [
        (argmap::Format::Dot, "dot"),
        (argmap::Format::Mermaid, "mermaid"),
        (argmap::Format::Json, "json"),
        (argmap::Format::Graphml, "graphml"),
        (argmap::Format::Aif, "aif"),
        (argmap::Format::Argdown, "argdown"),
        (argmap::Format::Af, "af"),
    ] {
        assert_eq!(format.name(), name);
        let bytes = argmap::render(&maps, format).expect("renders");
        assert_eq!(
            String::from_utf8(bytes).expect("text"),
            String::from_utf8(stdout(&["render", EXAMPLE, "--format", name])).expect("text"),
            "{name}"
        );
    }
}

#[test]
fn a_one_map_format_refuses_two_maps_with_a_typed_error() {
    let files = [PR, QD].map(|p| argmap::load(root().join(p)).expect("loads"));
    let maps: Vec<_> = files.iter().filter_map(argmap::Analysed::new).collect();
    let e = argmap::render(&maps, argmap::Format::Aif).expect_err("one map only");
    assert!(
        matches!(e, argmap::RenderError::OneMapOnly { maps: 2, .. }),
        "{e:?}"
    );
    assert_eq!(
        e.to_string(),
        "--format aif exports one map at a time (got 2)"
    );
}

#[test]
fn check_support_and_compare_agree_with_the_command_line() {
    let file = argmap::load(root().join(PR)).expect("loads");
    let source = argmap::read_source(&file);
    let diagnostics = argmap::check(std::slice::from_ref(&file), [source]).expect("located");
    assert!(diagnostics
        .iter()
        .all(|d| d.severity == argmap::Severity::Warning));
    let cli: serde_json::Value = serde_json::from_slice(&stdout_any(&[
        "check",
        "--format",
        "json",
        // The library checks every rule; the command leaves this one off by default.
        "--warn",
        "unanswered-critical-question",
        PR,
    ]))
    .expect("JSON");
    assert_eq!(
        diagnostics.len(),
        cli["diagnostics"].as_array().expect("diagnostics").len()
    );

    let map = argmap::Analysed::new(&file).expect("parses");
    let report = argmap::support(&map);
    let cli: serde_json::Value =
        serde_json::from_slice(&stdout(&["support", "--format", "json", PR])).expect("JSON");
    assert_eq!(serde_json::to_value(&report).expect("JSON"), cli);

    let e = argmap::evaluate(&map, &argmap::EvaluateRequest::default());
    assert_eq!(e.map, "permanent-revolution");

    let other = argmap::load(root().join(QD)).expect("loads");
    let maps = [map, argmap::Analysed::new(&other).expect("parses")];
    let c = argmap::compare(&maps, &argmap::CompareOptions::default());
    let cli: serde_json::Value =
        serde_json::from_slice(&stdout(&["compare", "--format", "json", PR, QD])).expect("JSON");
    // The command's document is the comparison with its summary sentences.
    let doc = argmap::present::compare::json(&c);
    assert_eq!(serde_json::to_value(&doc).expect("JSON"), cli);
}

/// Standard output whatever the exit code (`check` exits 1 on errors, 0 on warnings).
fn stdout_any(args: &[&str]) -> Vec<u8> {
    argmap().args(args).output().expect("runs").stdout
}

#[test]
fn a_missing_file_is_a_read_error_naming_it() {
    let e = argmap::load(root().join("no/such/map.yaml")).expect_err("missing");
    assert_eq!(e.error.kind(), std::io::ErrorKind::NotFound);
    assert!(e.to_string().contains("no/such/map.yaml"), "{e}");
}
