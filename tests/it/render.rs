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
            focus: None,
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
    if !crate::common::require_graphviz() {
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

/// The DOT attribute lines of the node statements, by node name.
fn node_lines(dot: &str) -> Vec<(&str, &str)> {
    dot.lines()
        .filter_map(|l| {
            let l = l.trim_start();
            let rest = l.strip_prefix('"')?;
            let (name, attrs) = rest.split_once("\"[")?;
            Some((name, attrs))
        })
        .collect()
}

#[test]
fn focus_marks_the_focused_node_with_a_double_border_and_says_so() {
    let dot = render(&["tests/fixtures/formats/small.yaml", "--focus", "C1"]);
    let marked: Vec<&str> = node_lines(&dot)
        .into_iter()
        .filter(|(_, a)| a.contains("peripheries=\"2\""))
        .map(|(n, _)| n)
        .collect();
    assert_eq!(marked, ["C1"], "{dot}");
    assert!(
        dot.contains("label=\"double border: the --focus node C1\""),
        "the diagram says what the double border means: {dot}"
    );
    // Without --focus nothing is marked.
    let plain = render(&["tests/fixtures/formats/small.yaml"]);
    assert!(!plain.contains("peripheries"), "{plain}");
    assert!(!plain.contains("--focus"), "{plain}");
}

#[test]
fn focus_accepts_the_qualified_map_id_form() {
    let plain = render(&["tests/fixtures/formats/small.yaml", "--focus", "C1"]);
    let qualified = render(&["tests/fixtures/formats/small.yaml", "--focus", "small:C1"]);
    assert_eq!(plain, qualified);
    // With several maps, the qualified form picks the map.
    let dot = render(&[
        "maps/permanent-revolution.yaml",
        "maps/quantum-dialectics.yaml",
        "--focus",
        "quantum-dialectics:T1",
        "--depth",
        "1",
    ]);
    let marked: Vec<&str> = node_lines(&dot)
        .into_iter()
        .filter(|(_, a)| a.contains("peripheries=\"2\""))
        .map(|(n, _)| n)
        .collect();
    assert_eq!(marked, ["quantum-dialectics:T1"]);
}

#[test]
fn focus_errors_name_what_exists_with_a_did_you_mean() {
    let cases: &[(&[&str], &str)] = &[
        (
            &["tests/fixtures/formats/small.yaml", "--focus", "C11"],
            "--focus `C11`: no such node in the given maps; did you mean `C1`?",
        ),
        (
            &["tests/fixtures/formats/small.yaml", "--focus", "smal:C1"],
            "--focus `smal:C1`: no map `smal` is given (the maps are small); did you mean `small:C1`?",
        ),
        (
            &["tests/fixtures/formats/small.yaml", "--focus", "small:C9x"],
            "--focus `small:C9x`: no node `C9x` in map `small`",
        ),
        (
            &[
                "maps/permanent-revolution.yaml",
                "maps/quantum-dialectics.yaml",
                "--focus",
                "T1",
            ],
            "several maps have a node `T1`: name one as permanent-revolution:T1 or quantum-dialectics:T1",
        ),
        (
            &[
                "maps/permanent-revolution.yaml",
                "maps/quantum-dialectics.yaml",
                "--focus",
                "bio-expeled",
            ],
            "did you mean `quantum-dialectics:bio-expelled`?",
        ),
    ];
    for (args, message) in cases {
        argmap()
            .arg("render")
            .args(*args)
            .assert()
            .code(2)
            .stdout("")
            .stderr(predicates::str::contains(*message));
    }
}

#[test]
fn rankdir_accepts_any_case() {
    for (given, used) in [("lr", "LR"), ("Rl", "RL"), ("tb", "TB"), ("BT", "BT")] {
        let dot = render(&["tests/fixtures/formats/small.yaml", "--rankdir", given]);
        assert!(
            dot.contains(&format!("rankdir=\"{used}\"")),
            "{given}: {dot}"
        );
    }
    argmap()
        .args([
            "render",
            "tests/fixtures/formats/small.yaml",
            "--rankdir",
            "up",
        ])
        .assert()
        .code(2)
        .stderr(predicates::str::contains("use BT, TB, LR or RL"));
}

#[test]
fn focus_is_marked_in_svg_and_html() {
    if !crate::common::require_graphviz() {
        return;
    }
    let dir = tempfile::tempdir().expect("tempdir");
    let svg = dir.path().join("f.svg");
    let html = dir.path().join("f.html");
    for out in [&svg, &html] {
        argmap()
            .args([
                "render",
                "tests/fixtures/formats/small.yaml",
                "--focus",
                "C1",
                "-o",
            ])
            .arg(out)
            .assert()
            .code(0);
    }
    let svg = std::fs::read_to_string(&svg).expect("svg");
    // The focused node's group draws two outlines in the focus colour.
    let group = svg
        .split("<g id=\"node")
        .find(|g| g.contains("<title>C1</title>"))
        .expect("C1 drawn");
    let group = &group[..group.find("</g>").unwrap_or(group.len())];
    assert_eq!(group.matches("stroke=\"#00695c\"").count(), 2, "{group}");
    assert!(
        svg.contains("double border: the &#45;&#45;focus node C1"),
        "{svg}"
    );
    let html = std::fs::read_to_string(&html).expect("html");
    assert!(
        html.contains("focus (--focus)</span>"),
        "the legend has the focus"
    );
    let plain = render(&["tests/fixtures/formats/small.yaml", "--format", "html"]);
    assert!(!plain.contains("focus (--focus)"));
}

#[test]
fn focus_is_marked_in_mermaid() {
    let out = render(&[
        "tests/fixtures/formats/small.yaml",
        "--format",
        "mermaid",
        "--focus",
        "C1",
    ]);
    let styled: Vec<&str> = out
        .lines()
        .filter(|l| l.trim_start().starts_with("style "))
        .collect();
    assert_eq!(styled.len(), 1, "{out}");
    assert!(
        styled[0].ends_with("stroke:#00695c,stroke-width:5px"),
        "{out}"
    );
    let name = styled[0].split_whitespace().nth(1).expect("a node name");
    assert!(
        out.lines()
            .any(|l| l.trim_start().starts_with(name) && l.contains("C1")),
        "the styled node is C1: {out}"
    );
}

/// The left x of each cluster of an SVG, by cluster name (`cluster_0` is the first map).
fn cluster_lefts(svg: &str) -> Vec<(String, f64)> {
    let options = roxmltree::ParsingOptions {
        allow_dtd: true,
        ..Default::default()
    };
    let doc = roxmltree::Document::parse_with_options(svg, options).expect("SVG parses");
    doc.descendants()
        .filter(|n| n.has_tag_name("g") && n.attribute("class") == Some("cluster"))
        // A map's cluster (`cluster_0`...), not a group's (`cluster_group:...`).
        .filter(|g| {
            g.children()
                .find(|n| n.has_tag_name("title"))
                .and_then(|t| t.text())
                .and_then(|t| t.strip_prefix("cluster_"))
                .is_some_and(|n| n.bytes().all(|b| b.is_ascii_digit()))
        })
        .map(|g| {
            let name = g
                .children()
                .find(|n| n.has_tag_name("title"))
                .and_then(|t| t.text())
                .unwrap_or_default()
                .to_string();
            let left = g
                .descendants()
                .filter_map(|n| n.attribute("d").or(n.attribute("points")))
                .flat_map(|d| d.split(|c: char| c.is_ascii_alphabetic() || c == ' '))
                .filter_map(|p| p.split_once(',').and_then(|(x, _)| x.parse::<f64>().ok()))
                .fold(f64::INFINITY, f64::min);
            (name, left)
        })
        .collect()
}

#[test]
fn several_maps_are_drawn_left_to_right_in_the_order_given() {
    if !crate::common::require_graphviz() {
        return;
    }
    let pr = "maps/permanent-revolution.yaml";
    let qd = "maps/quantum-dialectics.yaml";
    let (a, b, t) = (
        "tests/fixtures/compare/alpha.yaml",
        "tests/fixtures/compare/beta.yaml",
        "tests/fixtures/compare/thesis.yaml",
    );
    let dir = tempfile::tempdir().expect("tempdir");
    let out = dir.path().join("r.svg");
    for maps in [
        vec![pr, qd],
        vec![qd, pr],
        vec![b, a],
        vec![t, b, a],
        vec![a, t, b],
    ] {
        argmap()
            .arg("render")
            .args(&maps)
            .args(["--rankdir", "BT", "-o"])
            .arg(&out)
            .assert()
            .code(0);
        // The maps' clusters (their groups are clusters inside them).
        let mut lefts: Vec<_> = cluster_lefts(&std::fs::read_to_string(&out).expect("svg"))
            .into_iter()
            .filter(|(n, _)| !n.starts_with("cluster_group:"))
            .collect();
        assert_eq!(lefts.len(), maps.len(), "{maps:?}: {lefts:?}");
        // The essay maps draw group clusters: Graphviz 2.43 cannot be made to order the
        // maps then (`dot::in_order_grouped`); both must still be drawn.
        if maps.iter().any(|m| m.starts_with("maps/")) {
            continue;
        }
        lefts.sort_by(|x, y| x.1.total_cmp(&y.1));
        let order: Vec<&str> = lefts.iter().map(|(n, _)| n.as_str()).collect();
        let expected: Vec<String> = (0..maps.len()).map(|i| format!("cluster_{i}")).collect();
        assert_eq!(order, expected, "{maps:?}: {lefts:?}");
    }
}
