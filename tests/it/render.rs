//! DOT rendering: snapshots of the diagrams, escaping of every map text, SVG via Graphviz.

use crate::common::{argmap, render};
use graphviz_rust::dot_structures::{Attribute, Graph, Id, Stmt};

#[test]
fn dot_of_clean_fixture() {
    insta::assert_snapshot!("dot-clean", render(&["tests/fixtures/rules/clean.yaml"]));
}

#[test]
fn dot_marks_uncited_claims_and_undercuts() {
    let dir = tempfile::tempdir().expect("tempdir");
    let map = dir.path().join("m.yaml");
    std::fs::write(
        &map,
        "id: m\nsources:\n  s: {title: Book}\nclaims:\n  T1: {text: Thesis, thesis: true}\n  C1: {text: Reason, supports: [T1]}\nevidence:\n  E1: {text: Ev, cites: [s], supports: [T1]}\nrebuttals:\n  R1: {text: Objection, undercuts: ['C1 -> T1']}\n",
    )
    .expect("write");
    let dot = render(&[map.to_str().unwrap_or_default()]);
    insta::assert_snapshot!("dot-undercut", dot);
    assert!(dot.contains("⚠ unsupported"), "{dot}");
    assert!(dot.contains("\"C1 -> T1\"[shape=\"point\""), "{dot}");
}

#[test]
fn dot_of_two_maps_has_clusters_and_same_as_links() {
    let dot = render(&[
        "maps/permanent-revolution.yaml",
        "maps/quantum-dialectics.yaml",
    ]);
    assert!(dot.contains("subgraph \"cluster_0\""));
    assert!(dot.contains("subgraph \"cluster_1\""));
    assert!(
        dot.contains(
            "\"quantum-dialectics:socialism-one-country\" -> \"permanent-revolution:SIOC\""
        ),
        "same_as link missing"
    );
    assert!(graphviz_rust::parse(&dot).is_ok());
}

/// `render --format dot` prints statement by statement (dot::write); the text must be
/// graphviz-rust's printing of the whole graph, clusters included.
#[test]
fn written_dot_is_the_printed_graph_for_two_maps() {
    use argmap::analyse::{resolve_same_as, Analysed};
    use argmap::present::dot;
    let paths = [
        "maps/permanent-revolution.yaml",
        "maps/quantum-dialectics.yaml",
    ];
    let files: Vec<_> = paths
        .iter()
        .map(|p| argmap::parse::load_file(std::path::Path::new(p)).expect("readable"))
        .collect();
    let maps: Vec<Analysed> = files.iter().filter_map(Analysed::new).collect();
    let (links, _) = resolve_same_as(&maps);
    let diagram: Vec<dot::DiagramMap> = maps
        .iter()
        .map(|m| dot::DiagramMap {
            map: m,
            visible: None,
        })
        .collect();
    let printed = dot::print(&dot::graph(&diagram, &links, None));
    assert_eq!(render(&paths), printed);
}

#[test]
fn focus_draws_a_neighbourhood() {
    let dot = render(&[
        "tests/fixtures/rules/clean.yaml",
        "--focus",
        "E1",
        "--depth",
        "1",
    ]);
    assert!(dot.contains("\"E1\"["));
    assert!(dot.contains("\"C1\"["));
    assert!(!dot.contains("\"T1\"["), "T1 is two steps from E1: {dot}");
    argmap()
        .args([
            "render",
            "tests/fixtures/rules/clean.yaml",
            "--focus",
            "NOPE",
        ])
        .assert()
        .code(2);
}

fn labels(g: &Graph) -> Vec<String> {
    let stmts = match g {
        Graph::DiGraph { stmts, .. } | Graph::Graph { stmts, .. } => stmts,
    };
    let mut out = Vec::new();
    for s in stmts {
        if let Stmt::Node(n) = s {
            for Attribute(k, v) in &n.attributes {
                if let (Id::Plain(k), Id::Escaped(v)) = (k, v) {
                    if k == "label" {
                        out.push(v.clone());
                    }
                }
            }
        }
    }
    out
}

#[test]
fn hostile_text_is_escaped_in_dot_and_parses_back() {
    let dot = render(&["tests/fixtures/escaping.yaml"]);
    let g = graphviz_rust::parse(&dot).expect("DOT parses back");
    let l = labels(&g);
    assert_eq!(l.len(), 2, "{l:?}");
    // Quotes escaped, backslashes doubled (so \N stays text), & as an entity.
    assert!(l[0].contains(r#"\"no\""#), "{}", l[0]);
    assert!(l[0].contains(r"\\N \\l"), "{}", l[0]);
    assert!(l[0].contains("<script>alert(1)</script>"), "{}", l[0]);
    // Line breaks in text are reflowed by the label wrapping; quotes in `by` escaped.
    assert!(
        l[1].contains("Line one line two line three &amp;"),
        "{}",
        l[1]
    );
    assert!(l[1].contains(r#"O'Brien \"the <bold>\""#), "{}", l[1]);
    // Every statement line is a node, edge or attribute: no text broke out of a string.
    assert_eq!(
        dot.matches("->").count(),
        2,
        "one edge plus the text's own arrow: {dot}"
    );
}

#[test]
fn hostile_text_is_escaped_in_svg() {
    if !crate::common::graphviz_installed() {
        eprintln!("skipped: Graphviz not installed");
        return;
    }
    let dir = tempfile::tempdir().expect("tempdir");
    let svg_path = dir.path().join("e.svg");
    argmap()
        .args(["render", "tests/fixtures/escaping.yaml", "-o"])
        .arg(&svg_path)
        .assert()
        .code(0);
    let svg = std::fs::read_to_string(&svg_path).expect("svg written");
    assert!(svg.contains("<svg"));
    assert!(!svg.contains("<script"), "raw script tag in SVG");
    assert!(svg.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    assert!(
        svg.contains("A &#45;&gt; B") || svg.contains("A -&gt; B"),
        "arrow text missing"
    );
}
