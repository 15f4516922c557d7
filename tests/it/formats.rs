//! The interchange formats of `render`: Mermaid, node-link JSON, GraphML, AIF, Argdown
//! and ICCMA AF — snapshots, escaping of hostile text, format from the file extension,
//! and the real maps.

use crate::common::{argmap, render};

const SMALL: &str = "tests/fixtures/formats/small.yaml";
const HOSTILE: &str = "tests/fixtures/formats/hostile.yaml";
const UNDERCUTS: &str = "tests/fixtures/formats/undercuts.yaml";
const PR: &str = "maps/permanent-revolution.yaml";
const QD: &str = "maps/quantum-dialectics.yaml";

/// The texts of the hostile fixture, as a map holds them.
fn hostile_texts() -> Vec<String> {
    let text = std::fs::read_to_string(crate::common::root().join(HOSTILE)).expect("fixture");
    let m = argmap::parse::load::parse_map(&text).expect("parses");
    m.node_sections()
        .iter()
        .flat_map(|(_, nodes)| {
            nodes
                .iter()
                .map(|(_, n)| n.text.as_deref().unwrap_or_default().to_string())
        })
        .collect()
}

#[test]
fn snapshots_of_the_small_map() {
    for f in ["mermaid", "json", "graphml", "aif", "argdown", "af"] {
        insta::assert_snapshot!(format!("render-{f}-small"), render(&[SMALL, "--format", f]));
    }
}

/// Undercuts of undercuts (to depth three) and linked undercuts and attacks, in DOT and
/// every export (tests/fixtures/formats/undercuts.yaml).
#[test]
fn snapshots_of_undercuts_of_undercuts_and_linked_undercuts() {
    for f in ["dot", "mermaid", "json", "graphml", "aif", "argdown", "af"] {
        insta::assert_snapshot!(
            format!("render-{f}-undercuts"),
            render(&[UNDERCUTS, "--format", f])
        );
    }
}

#[test]
fn format_from_the_output_extension() {
    let dir = tempfile::tempdir().expect("tempdir");
    for (ext, needle) in [
        ("mmd", "flowchart BT"),
        ("mermaid", "flowchart BT"),
        ("json", "\"maps\""),
        ("graphml", "<graphml"),
        ("aif", "\"nodeID\""),
        ("argdown", "[T1]: The thesis holds."),
        ("af", "p af 13"),
    ] {
        let out = dir.path().join(format!("out.{ext}"));
        argmap()
            .args(["render", SMALL, "-o"])
            .arg(&out)
            .assert()
            .code(0);
        let text = std::fs::read_to_string(&out).expect("written");
        assert!(text.contains(needle), "{ext}: {text}");
    }
}

#[test]
fn one_map_formats_refuse_several_maps_and_focus() {
    for f in ["aif", "af"] {
        argmap()
            .args(["render", PR, QD, "--format", f])
            .assert()
            .code(2)
            .stderr(predicates::str::contains("one map at a time"));
        argmap()
            .args(["render", SMALL, "--format", f, "--focus", "C1"])
            .assert()
            .code(2)
            .stderr(predicates::str::contains("--focus does not apply"));
    }
}

#[test]
fn focus_applies_to_diagram_formats() {
    let v: serde_json::Value = serde_json::from_str(&render(&[
        SMALL, "--format", "json", "--focus", "E1", "--depth", "1",
    ]))
    .expect("JSON");
    let ids: Vec<&str> = v["maps"][0]["nodes"]
        .as_array()
        .expect("nodes")
        .iter()
        .filter_map(|n| n["id"].as_str())
        .collect();
    assert_eq!(ids, ["C1", "E1"]);
}

// ---------------------------------------------------------------------------------
// Escaping: the hostile fixture in every format.

/// A Mermaid node definition: `m0_n3("label")` or `m0_n3[/"label"/]`.
fn is_node_line(line: &str) -> bool {
    line.strip_prefix("m0_n")
        .map(|rest| rest.trim_start_matches(|c: char| c.is_ascii_digit()))
        .is_some_and(|rest| rest.starts_with('(') || rest.starts_with('['))
}

#[test]
fn mermaid_labels_hold_no_raw_quote_or_markup() {
    let out = render(&[HOSTILE, "--format", "mermaid"]);
    for line in out.lines() {
        let line = line.trim_start();
        if is_node_line(line) {
            // name("label") — exactly the two quotes that delimit the label.
            assert_eq!(line.matches('"').count(), 2, "raw quote in {line}");
            let label = line.replace("<br/>", "");
            assert!(
                !label.contains('<') && !label.contains('>'),
                "raw markup in {line}"
            );
            assert!(
                !label.contains('`') && !label.contains('%'),
                "raw backtick or % in {line}"
            );
        }
    }
    assert!(!out.contains("<script"), "{out}");
    assert!(
        out.contains("#lt;script#gt;alert(1)#lt;/script#gt;"),
        "{out}"
    );
    assert!(out.contains("#quot;no#quot;"), "{out}");
    assert!(out.contains("#37;#37; comment"), "{out}");
    // Line breaks in text never start a new Mermaid statement.
    assert!(
        !out.lines().any(
            |l| l.trim_start().starts_with("click") || l.trim_start().starts_with("%% comment")
        ),
        "{out}"
    );
}

#[test]
fn json_parses_and_keeps_the_text() {
    let out = render(&[HOSTILE, "--format", "json"]);
    let v: serde_json::Value = serde_json::from_str(&out).expect("JSON parses");
    let texts: Vec<String> = v["maps"][0]["nodes"]
        .as_array()
        .expect("nodes")
        .iter()
        .map(|n| n["text"].as_str().unwrap_or_default().to_string())
        .collect();
    assert_eq!(texts, hostile_texts());
    assert_eq!(v["maps"][0]["nodes"][0]["by"], "O'Brien \"the <bold>\" ]");
}

#[test]
fn graphml_is_well_formed_and_keeps_the_text() {
    let out = render(&[HOSTILE, "--format", "graphml"]);
    let doc = roxmltree::Document::parse(&out).expect("XML parses");
    let texts: Vec<String> = doc
        .descendants()
        .filter(|n| n.has_tag_name("data") && n.attribute("key") == Some("text"))
        .map(|n| n.text().unwrap_or_default().to_string())
        .collect();
    // XML keeps text exactly, except a carriage return (a control character) as a space.
    let expected: Vec<String> = hostile_texts()
        .iter()
        .map(|t| t.replace('\r', " "))
        .collect();
    assert_eq!(texts, expected);
    let nodes = doc.descendants().filter(|n| n.has_tag_name("node")).count();
    assert_eq!(nodes, 3, "no node injected");
    let edges = doc.descendants().filter(|n| n.has_tag_name("edge")).count();
    assert_eq!(edges, 2);
}

#[test]
fn aif_parses_and_keeps_the_text() {
    let out = render(&[HOSTILE, "--format", "aif"]);
    let v: serde_json::Value = serde_json::from_str(&out).expect("JSON parses");
    let texts: Vec<String> = v["nodes"]
        .as_array()
        .expect("nodes")
        .iter()
        .filter(|n| n["type"] == "I")
        .map(|n| n["text"].as_str().unwrap_or_default().to_string())
        .collect();
    assert_eq!(texts, hostile_texts());
    for n in v["nodes"].as_array().expect("nodes") {
        assert!(n["nodeID"].is_string(), "string ids: {n}");
    }
    for e in v["edges"].as_array().expect("edges") {
        assert!(
            e["edgeID"].is_string() && e["fromID"].is_string() && e["toID"].is_string(),
            "{e}"
        );
    }
}

/// Undoes the Argdown escaping: a backslash makes the next character plain text.
fn unescape_argdown(s: &str) -> String {
    let mut out = String::new();
    let mut chars = s.chars();
    while let Some(c) = chars.next() {
        if c == '\\' {
            if let Some(n) = chars.next() {
                out.push(n);
            }
        } else {
            out.push(c);
        }
    }
    out
}

#[test]
fn argdown_escapes_every_markup_character() {
    let out = render(&[HOSTILE, "--format", "argdown"]);
    let statements: Vec<&str> = out.lines().filter(|l| l.starts_with('[')).collect();
    assert_eq!(statements.len(), 3, "one line per statement: {out}");
    for (line, text) in statements.iter().zip(hostile_texts()) {
        let (_, body) = line.split_once("]: ").expect("statement definition");
        // Every markup character is escaped...
        let mut prev = ' ';
        for c in body.chars() {
            if "[]<>{}#@*_/=".contains(c) {
                assert_eq!(prev, '\\', "unescaped {c:?} in {body}");
            }
            prev = if prev == '\\' { ' ' } else { c };
        }
        // ...and unescaping gives the text back, with white space runs as one space.
        let normal = text.split_whitespace().collect::<Vec<_>>().join(" ");
        assert_eq!(unescape_argdown(body), normal);
    }
    // Relations are only ever written by argmap, at the start of a line.
    let relations = out.lines().filter(|l| l.starts_with("  ")).count();
    assert_eq!(relations, 3, "{out}");
}

/// Runs Argdown's own parser (`@argdown/cli`, pinned in tests/argdown/package.json and
/// installed by `npm ci --prefix tests/argdown`, or `$ARGDOWN_CLI`) on the exports.
#[test]
fn argdown_parser_accepts_the_export() {
    let Some(cli) = crate::common::require_argdown() else {
        return;
    };
    // The reconstruct fixture: an `#implicit` statement, arguments tagged with schemes.
    let reconstruct = "tests/fixtures/formats/reconstruct.yaml";
    for map in [
        HOSTILE,
        SMALL,
        PR,
        reconstruct,
        "tests/fixtures/formats/groups.yaml",
        UNDERCUTS,
    ] {
        let json = crate::common::argdown_json(&cli, &[map]);
        if map == UNDERCUTS {
            // The undercut of an undercut is an argument that Argdown reads as
            // undercutting the undercut's argument (a relation between arguments).
            let relations =
                json["arguments"]["V undercuts U undercuts A supports T"]["relations"].to_string();
            assert!(
                relations.contains("\"relationType\":\"undercut\"")
                    && relations.contains("\"to\":\"U undercuts A supports T\""),
                "{relations}"
            );
        }
    }
}

#[test]
fn af_lines_are_attacks_or_comments() {
    let out = render(&[HOSTILE, "--format", "af"]);
    let mut lines = out.lines();
    let head = lines.next().expect("header");
    let n: usize = head
        .strip_prefix("p af ")
        .and_then(|x| x.parse().ok())
        .expect("p af N");
    for l in lines {
        if l.starts_with('#') {
            continue;
        }
        let nums: Vec<usize> = l.split(' ').map(|x| x.parse().expect("number")).collect();
        assert_eq!(nums.len(), 2, "{l}");
        assert!(nums.iter().all(|&x| (1..=n).contains(&x)), "{l}");
    }
}

// ---------------------------------------------------------------------------------
// The real maps.

#[test]
fn real_maps_export_to_every_format() {
    let json: serde_json::Value =
        serde_json::from_str(&render(&[PR, QD, "--format", "json"])).expect("JSON");
    assert_eq!(json["maps"].as_array().map(Vec::len), Some(2));
    let same_as = json["same_as"].as_array().expect("same_as");
    assert!(
        same_as.iter().any(
            |l| l["source"] == "quantum-dialectics:socialism-one-country"
                && l["target"] == "permanent-revolution:SIOC"
        ),
        "{same_as:?}"
    );
    let graphml = render(&[PR, QD, "--format", "graphml"]);
    let doc = roxmltree::Document::parse(&graphml).expect("XML parses");
    assert!(doc
        .descendants()
        .any(|n| n.attribute("id") == Some("permanent-revolution:T1")));
    let mermaid = render(&[PR, QD, "--format", "mermaid"]);
    // One subgraph per map (`m0`, `m1`); the groups' (`m0_g0`...) nest in them.
    assert_eq!(
        mermaid
            .lines()
            .filter(|l| l.starts_with("  subgraph m") && !l.contains("_g"))
            .count(),
        2
    );
    let aif: serde_json::Value =
        serde_json::from_str(&render(&[PR, "--format", "aif"])).expect("JSON");
    let inodes = aif["nodes"]
        .as_array()
        .expect("nodes")
        .iter()
        .filter(|n| n["type"] == "I")
        .count();
    assert_eq!(
        inodes,
        json["maps"][0]["nodes"].as_array().map_or(0, Vec::len)
    );
    let argdown = render(&[PR, QD, "--format", "argdown"]);
    assert!(
        argdown.contains("[permanent-revolution:T1]: "),
        "prefixed titles for several maps"
    );
    let af = render(&[PR, "--format", "af"]);
    assert!(af.starts_with("p af "));
}

// ---------------------------------------------------------------------------------
// Escaping, for any text.

use proptest::prelude::*;

fn map_with(text: &str, by: &str) -> String {
    let q = |s: &str| serde_json::to_string(s).unwrap_or_default();
    format!(
        "id: p\ntitle: {}\nclaims:\n  T1:\n    text: {}\n    thesis: true\n    by: {}\n  C1:\n    text: {}\n    supports: [T1]\nrebuttals:\n  R1:\n    text: x\n    undercuts: [\"C1 -> T1\"]\n",
        q(text),
        q(text),
        q(by),
        q(&format!("{text}{by}"))
    )
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    /// Whatever the text: GraphML parses and keeps it, JSON and AIF keep it, Mermaid
    /// labels hold no raw quote or markup, Argdown unescapes back to it.
    #[test]
    fn any_text_is_escaped(text in any::<String>(), by in "[\"<>\\[\\]#%`&a-z -]{0,12}") {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("p.yaml");
        let yaml = map_with(&text, &by);
        // Some characters cannot stand in YAML at all; those maps are load errors.
        prop_assume!(argmap::parse::load::parse_map(&yaml).is_ok());
        std::fs::write(&path, yaml).expect("write");
        let p = path.to_string_lossy().into_owned();
        // An empty text is an error: `--force` renders such a map too.
        let render = |f: &str| {
            let out = argmap().args(["render", &p, "--force", "--format", f]).output().expect("runs");
            (out.status.code(), String::from_utf8_lossy(&out.stdout).into_owned())
        };
        let (code, graphml) = render("graphml");
        prop_assert_eq!(code, Some(0));
        let doc = roxmltree::Document::parse(&graphml);
        prop_assert!(doc.is_ok(), "{:?}", doc.err());
        let (_, json) = render("json");
        let v: serde_json::Value = serde_json::from_str(&json).expect("JSON");
        prop_assert_eq!(v["maps"][0]["nodes"][0]["text"].as_str(), Some(text.as_str()));
        let (_, aif) = render("aif");
        let v: serde_json::Value = serde_json::from_str(&aif).expect("JSON");
        prop_assert_eq!(v["nodes"][0]["text"].as_str(), Some(text.as_str()));
        let (_, mermaid) = render("mermaid");
        for line in mermaid.lines().map(str::trim_start).filter(|l| is_node_line(l)) {
            prop_assert_eq!(line.matches('"').count(), 2, "{}", line);
            let label = line.replace("<br/>", "");
            prop_assert!(!label.contains('<') && !label.contains('>') && !label.contains('%'), "{}", line);
        }
        prop_assert!(mermaid.lines().all(|l| l.is_empty() || l.starts_with("  ") || l.starts_with("%% generated") || l.starts_with("%% argmap: FORCED") || l == "flowchart BT"));
        let (_, argdown) = render("argdown");
        let line = argdown.lines().find(|l| l.starts_with("[T1]: ")).expect("statement");
        let normal = text.split(|c: char| c == ' ' || argmap::present::escape::is_hidden_control(c)).filter(|w| !w.is_empty()).collect::<Vec<_>>().join(" ");
        let expected = if normal.is_empty() { "(no text)".to_string() } else { normal };
        prop_assert_eq!(unescape_argdown(&line["[T1]: ".len()..]), expected);
    }
}

#[test]
fn argdown_titles_of_a_large_linked_group_name_three_premises_and_a_count() {
    // Every premise refers to its group's argument by title: a title naming all 500
    // premises made the document grow with the square of the group.
    let n = 500;
    let mut map =
        String::from("id: group\nclaims:\n  T1: {text: The claim., thesis: true}\nevidence:\n");
    for i in 0..n {
        let with = if i == 0 { ", with: [E1]" } else { "" };
        let next = if i > 0 && i + 1 < n {
            format!(", with: [E{}]", i + 1)
        } else {
            String::new()
        };
        map.push_str(&format!(
            "  E{i}: {{text: Premise {i}., supports: [T1]{with}{next}}}\n"
        ));
    }
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("group.yaml");
    std::fs::write(&path, map).expect("write");
    let out = render(&[path.to_str().expect("utf-8 path"), "--format", "argdown"]);
    let title = format!("<E0 + E1 + E2 + {} more support T1>", n - 3);
    assert_eq!(out.matches(&format!("  +> {title}\n")).count(), n, "{out}");
    assert!(out.contains(&format!(
        "\n{title}: The support for T1 from E0 together with E1"
    )));
    assert!(out.len() < 100 * n, "{} bytes", out.len());
}
