//! Reconstruction: implicit premises, argument schemes and critical questions,
//! placeholder sources — every format's snapshot of a map using them all
//! (tests/fixtures/formats/reconstruct.yaml), the AIF round trip and AIFdb's scheme
//! names, `support`'s measures, `argmap schemes`, and the rules on other inputs.

use crate::common::{argmap, fixture, render, root};
use argmap::parse::load::parse_map;
use argmap::parse::model::SchemeEntry;
use serde_json::Value;

const MAP: &str = "tests/fixtures/formats/reconstruct.yaml";

#[test]
fn snapshots_of_every_format() {
    for f in ["dot", "mermaid", "json", "graphml", "aif", "argdown", "af"] {
        insta::assert_snapshot!(format!("reconstruct-{f}"), render(&[MAP, "--format", f]));
    }
}

#[test]
fn dot_draws_an_implicit_premise_dashed_and_labelled_and_each_scheme_on_its_argument() {
    let dot = render(&[MAP, "--format", "dot"]);
    let h1 = dot
        .lines()
        .find(|l| l.trim_start().starts_with("\"H1\""))
        .expect("H1");
    assert!(h1.contains("H1 · implicit"), "{h1}");
    assert!(h1.contains("dashed"), "{h1}");
    let c1 = dot
        .lines()
        .find(|l| l.trim_start().starts_with("\"C1\""))
        .expect("C1");
    assert!(!c1.contains("dashed") && !c1.contains("implicit"), "{c1}");
    assert!(
        dot.contains(
            "\"E1\" -> \"T1\" [color=\"#2e7d32\" arrowhead=\"normal\" label=\"expert-opinion\""
        ),
        "{dot}"
    );
    assert!(dot.contains("\"C1 + H1 -> T1\" -> \"T1\" [color=\"#2e7d32\" arrowhead=\"normal\" label=\"town-example\""), "{dot}");
}

#[test]
fn aif_round_trip_is_exact_with_implicit_premises_schemes_and_answers() {
    let yaml = std::fs::read_to_string(root().join(MAP)).expect("fixture");
    let (a, b) = crate::import::assert_exact_round_trip(&yaml);
    for (section, nodes) in a.node_sections() {
        let other = b.node_sections();
        let (_, back) = other.iter().find(|(s, _)| *s == section).expect("section");
        for (id, n) in nodes.iter() {
            let m = back.get(id).unwrap_or_else(|| panic!("{id} came back"));
            assert_eq!(
                (n.implicit(), n.scheme(), n.answers()),
                (m.implicit(), m.scheme(), m.answers()),
                "{id}"
            );
        }
    }
    assert_eq!(a.schemes, b.schemes);
    assert!(matches!(
        a.schemes.get("town-example"),
        Some(SchemeEntry::Define(_))
    ));
}

#[test]
fn aif_export_names_aifdb_schemes_and_import_maps_them_back() {
    let aif: Value = serde_json::from_str(&render(&[MAP, "--format", "aif"])).expect("JSON");
    let ra: Vec<(&str, &str)> = aif["nodes"]
        .as_array()
        .expect("nodes")
        .iter()
        .filter(|n| n["type"] == "RA")
        .map(|n| {
            (
                n["text"].as_str().unwrap_or(""),
                n["scheme"].as_str().unwrap_or(""),
            )
        })
        .collect();
    assert_eq!(
        ra,
        [
            ("Argument from the towns' example", "town-example"),
            ("Argument from expert opinion", "ExpertOpinion")
        ]
    );
    // AIFdb's own corpus: the RA node 1188 has `"scheme": "PositionToKnow"`.
    let dir = tempfile::tempdir().expect("tempdir");
    let out = dir.path().join("n127.yaml");
    argmap()
        .arg("import")
        .arg(fixture("aif/nodeset127.json"))
        .arg("-o")
        .arg(&out)
        .assert()
        .code(0);
    let map = parse_map(&std::fs::read_to_string(&out).expect("written")).expect("parses");
    let links: Vec<(String, String)> = map
        .schemes
        .iter()
        .filter_map(|(k, e)| match e {
            SchemeEntry::Link(s) => Some((k.to_string(), s.to_string())),
            SchemeEntry::Define(_) => None,
        })
        .collect();
    assert_eq!(
        links,
        [("I380 -> I379".to_string(), "position-to-know".to_string())]
    );
    argmap().arg("check").arg(&out).assert().code(0);
}

#[test]
fn import_defines_a_scheme_aifdb_names_but_the_catalogue_lacks() {
    let aif = r#"{"nodes": [
        {"nodeID": "1", "text": "The sky is red tonight.", "type": "I"},
        {"nodeID": "2", "text": "Fair weather tomorrow.", "type": "I"},
        {"nodeID": "3", "text": "RA", "type": "RA", "scheme": "Argument From Folk Wisdom"},
        {"nodeID": "4", "text": "The sky is red.", "type": "I"},
        {"nodeID": "5", "text": "RA", "type": "RA", "scheme": "Default Inference"}],
      "edges": [
        {"edgeID": "1", "fromID": "1", "toID": "3"},
        {"edgeID": "2", "fromID": "3", "toID": "2"},
        {"edgeID": "3", "fromID": "4", "toID": "5"},
        {"edgeID": "4", "fromID": "5", "toID": "1"}],
      "locutions": []}"#;
    let dir = tempfile::tempdir().expect("tempdir");
    let input = dir.path().join("sky.json");
    std::fs::write(&input, aif).expect("write");
    let out = dir.path().join("sky.yaml");
    argmap()
        .arg("import")
        .arg(&input)
        .arg("-o")
        .arg(&out)
        .assert()
        .code(0);
    let text = std::fs::read_to_string(&out).expect("written");
    let map = parse_map(&text).expect("parses");
    assert!(
        matches!(map.schemes.get("I1 -> I2"), Some(SchemeEntry::Link(s)) if s == "folk-wisdom"),
        "{text}"
    );
    assert!(
        matches!(map.schemes.get("folk-wisdom"), Some(SchemeEntry::Define(d)) if d.title.as_deref() == Some("Argument From Folk Wisdom")),
        "{text}"
    );
    assert!(map.schemes.get("I4 -> I1").is_none(), "{text}");
    argmap().arg("check").arg(&out).assert().code(0);
}

fn support_json(path: &str) -> Value {
    let out = argmap()
        .args(["support", "--format", "json", path])
        .output()
        .expect("runs");
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("JSON")
}

#[test]
fn support_counts_implicit_premises_and_placeholder_sources_apart() {
    let r = support_json(MAP);
    let claim = |id: &str| {
        r["claims"]
            .as_array()
            .expect("claims")
            .iter()
            .find(|c| c["id"] == id)
            .cloned()
            .expect("claim")
    };
    assert_eq!(
        claim("T1")["rests_on"],
        serde_json::json!({"chains": 2, "implicit_chains": 1, "placeholder_chains": 1,
            "rests_on_implicit": false, "placeholders_only": false})
    );
    assert_eq!(claim("C1")["rests_on"]["placeholders_only"], true);
    assert_eq!(claim("H1")["rests_on"]["rests_on_implicit"], true);
    assert_eq!(
        r["reliance"],
        serde_json::json!({"cited_through_real_works": 2,
            "cited_through_placeholders_only": 1, "resting_on_implicit": 1})
    );
    let text = argmap().args(["support", MAP]).output().expect("runs");
    insta::assert_snapshot!("reconstruct-support", String::from_utf8_lossy(&text.stdout));
    // A map with neither: the report is as before (no `rests_on`, no `reliance`).
    let plain = support_json("tests/fixtures/formats/linked.yaml");
    assert!(plain.get("reliance").is_none(), "{plain}");
    assert!(plain["claims"][0].get("rests_on").is_none(), "{plain}");
}

#[test]
fn a_thesis_whose_only_cited_support_is_an_implicit_premise_rests_on_it() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("m.yaml");
    std::fs::write(
        &path,
        "id: m\nsources:\n  b: {title: B}\nclaims:\n  T: {text: t, thesis: true}\n  C: {text: c, supports: [T]}\n  H: {text: h, implicit: true, supports: [C], cites: [b]}\n  D: {text: d, supports: [C], cites: [b], with: [H]}\n",
    )
    .expect("write");
    let r = support_json(path.to_str().expect("utf-8"));
    let t = &r["claims"][0];
    assert_eq!(t["id"], "T");
    assert_eq!(t["rests_on"]["rests_on_implicit"], true);
    assert_eq!(t["rests_on"]["chains"], 2);
    assert_eq!(t["rests_on"]["implicit_chains"], 1);
}

#[test]
fn unanswered_critical_questions_are_allowed_by_default_and_listed_under_warn() {
    let quiet = argmap()
        .args(["check", "--format", "json", MAP])
        .output()
        .expect("runs");
    let v: Value = serde_json::from_slice(&quiet.stdout).expect("JSON");
    assert_eq!(v["diagnostics"], serde_json::json!([]), "{v}");
    let out = argmap()
        .args([
            "check",
            "--format",
            "json",
            "--warn",
            "unanswered-critical-question",
            MAP,
        ])
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(0));
    let v: Value = serde_json::from_slice(&out.stdout).expect("JSON");
    let found: Vec<(String, u64, u64, String)> = v["diagnostics"]
        .as_array()
        .expect("diagnostics")
        .iter()
        .map(|d| {
            (
                d["rule"].as_str().unwrap_or("").to_string(),
                d["line"].as_u64().unwrap_or(0),
                d["column"].as_u64().unwrap_or(0),
                d["message"].as_str().unwrap_or("").to_string(),
            )
        })
        .collect();
    assert_eq!(
        found,
        [
            (
                "unanswered-critical-question".to_string(),
                36,
                13,
                "argument `E1 -> T1` (expert-opinion): 5 critical questions unanswered: CQ-expertise, CQ-field, CQ-opinion, CQ-consistency, CQ-backup-evidence".to_string()
            ),
            (
                "unanswered-critical-question".to_string(),
                47,
                15,
                "argument `C1 + H1 -> T1` (town-example): 1 critical question unanswered: CQ-towns-counted".to_string()
            ),
        ]
    );
    // `--deny` makes them errors.
    argmap()
        .args(["check", "--deny", "unanswered-critical-question", MAP])
        .assert()
        .code(1);
}

/// `argmap check --format json` on a map text: (rule, line, column, help) of each
/// diagnostic.
fn diagnostics(yaml: &str) -> Vec<(String, u64, u64, String)> {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("m.yaml");
    std::fs::write(&path, yaml).expect("write");
    let out = argmap()
        .args(["check", "--format", "json"])
        .arg(&path)
        .output()
        .expect("runs");
    let v: Value = serde_json::from_slice(&out.stdout).expect("JSON");
    v["diagnostics"]
        .as_array()
        .expect("diagnostics")
        .iter()
        .map(|d| {
            (
                d["rule"].as_str().unwrap_or("").to_string(),
                d["line"].as_u64().unwrap_or(0),
                d["column"].as_u64().unwrap_or(0),
                d["help"].as_str().unwrap_or("").to_string(),
            )
        })
        .collect()
}

const HEAD: &str = "id: m\nsources:\n  b: {title: B}\nclaims:\n  T1: {text: t, thesis: true}\nevidence:\n  E1: {text: e, cites: [b], supports: [T1], scheme: position-to-know}\n";

#[test]
fn answers_are_checked_against_the_schemes_of_the_arguments_they_bear_on() {
    // An attack on the conclusion bears on the argument too; a known question passes.
    let ok =
        format!("{HEAD}rebuttals:\n  R1: {{text: r, attacks: [T1], answers: CQ-in-position}}\n");
    assert_eq!(diagnostics(&ok), []);
    // A typo: did-you-mean among the scheme's questions, at the value.
    let typo =
        format!("{HEAD}rebuttals:\n  R1: {{text: r, attacks: [E1], answers: CQ-in-positon}}\n");
    assert_eq!(
        diagnostics(&typo),
        [(
            "unknown-critical-question".into(),
            9,
            41,
            "did you mean `CQ-in-position`?".into()
        )]
    );
    // An answer on a node that bears on no argument with a scheme.
    let none = "id: m\nsources:\n  b: {title: B}\nclaims:\n  T1: {text: t, thesis: true, cites: [b]}\nrebuttals:\n  R1: {text: r, attacks: [T1], answers: CQ-field}\n";
    let d = diagnostics(none);
    assert_eq!(
        (d[0].0.as_str(), d[0].1, d[0].2),
        ("unknown-critical-question", 7, 41),
        "{d:?}"
    );
}

#[test]
fn schemes_keyed_by_link_must_name_a_link_and_a_scheme() {
    let dangling = format!("{HEAD}schemes:\n  \"E1 -> T9\": analogy\n");
    let d = diagnostics(&dangling);
    assert_eq!(
        (d[0].0.as_str(), d[0].1, d[0].2),
        ("dangling-reference", 9, 3),
        "{d:?}"
    );
    let unknown = format!("{HEAD}schemes:\n  \"E1 -> T1\": analogie\n");
    assert_eq!(
        diagnostics(&unknown),
        [(
            "unknown-scheme".into(),
            9,
            15,
            "did you mean `analogy`?".into()
        )]
    );
    // A scheme of the map's own is found before the catalogue, and did-you-mean knows it.
    let own = format!("{HEAD}schemes:\n  \"E1 -> T1\": my-schem\n  my-scheme: {{title: Mine, questions: {{CQ-mine: Why?}}}}\n");
    assert_eq!(
        diagnostics(&own),
        [(
            "unknown-scheme".into(),
            9,
            15,
            "did you mean `my-scheme`?".into()
        )]
    );
    let fixed = own.replace("my-schem\n", "my-scheme\n");
    assert_eq!(diagnostics(&fixed), []);
    let bad_key = format!("{HEAD}schemes:\n  mine: analogy\n");
    let d = diagnostics(&bad_key);
    assert_eq!((d[0].0.as_str(), d[0].1, d[0].2), ("schema", 9, 3), "{d:?}");
}

#[test]
fn unquoted_claims_are_flagged_only_in_a_map_with_a_source() {
    let no_source =
        "id: m\nsources:\n  b: {title: B}\nclaims:\n  T1: {text: t, thesis: true, cites: [b]}\n";
    assert_eq!(diagnostics(no_source), []);
    // The essay maps quote every claim: nothing fires on them.
    for map in [
        "maps/permanent-revolution.yaml",
        "maps/quantum-dialectics.yaml",
    ] {
        let out = argmap()
            .args(["check", "--format", "json", map])
            .output()
            .expect("runs");
        let v: Value = serde_json::from_slice(&out.stdout).expect("JSON");
        let n = v["diagnostics"]
            .as_array()
            .expect("diagnostics")
            .iter()
            .filter(|d| d["rule"] == "unquoted-claim")
            .count();
        assert_eq!(n, 0, "{map}");
    }
}

#[test]
fn schemes_lists_the_catalogue_and_shows_one() {
    let list = argmap().arg("schemes").output().expect("runs");
    assert_eq!(list.status.code(), Some(0));
    insta::assert_snapshot!("schemes-list", String::from_utf8_lossy(&list.stdout));
    let one = argmap()
        .args(["schemes", "expert-opinion"])
        .output()
        .expect("runs");
    insta::assert_snapshot!(
        "schemes-expert-opinion",
        String::from_utf8_lossy(&one.stdout)
    );
    let json = argmap()
        .args(["schemes", "--format", "json"])
        .output()
        .expect("runs");
    let v: Value = serde_json::from_slice(&json.stdout).expect("JSON");
    let schemes = v["schemes"].as_array().expect("schemes");
    assert!(schemes.len() >= 12);
    assert!(schemes
        .iter()
        .all(|s| s["questions"].as_array().is_some_and(|q| !q.is_empty())));
    let one: Value = serde_json::from_slice(
        &argmap()
            .args(["schemes", "sign", "--format", "json"])
            .output()
            .expect("runs")
            .stdout,
    )
    .expect("JSON");
    assert_eq!(one["aif"], "Sign");
    // AIFdb's name finds the same scheme.
    let by_aif = argmap()
        .args(["schemes", "PositionToKnow"])
        .output()
        .expect("runs");
    assert!(String::from_utf8_lossy(&by_aif.stdout).starts_with("position-to-know: "));
    argmap()
        .args(["schemes", "expert-opnion"])
        .assert()
        .code(2)
        .stderr(predicates::str::contains("did you mean `expert-opinion`?"));
}

#[test]
fn the_fixture_checks_clean_even_denying_warnings() {
    argmap()
        .args(["check", "--deny", "warnings", MAP])
        .assert()
        .code(0);
}

#[test]
fn an_unknown_scheme_is_reported_once_not_again_through_its_answers() {
    let yaml = format!(
        "{}rebuttals:\n  R1: {{text: r, attacks: [E1], answers: CQ-in-position}}\n",
        HEAD.replace("position-to-know", "posiiton-to-know")
    );
    assert_eq!(
        diagnostics(&yaml),
        [(
            "unknown-scheme".into(),
            7,
            53,
            "did you mean `position-to-know`?".into()
        )]
    );
    // An answer on a node that only supports: it bears on no argument.
    let supporting =
        format!("{HEAD}  E2: {{text: f, cites: [b], supports: [T1], answers: CQ-in-position}}\n");
    let d = diagnostics(&supporting);
    assert_eq!(
        (d[0].0.as_str(), d[0].1),
        ("unknown-critical-question", 8),
        "{d:?}"
    );
}

/// A random map of claims and rebuttals using implicit premises, schemes (by premise
/// and by link, built-in and unknown), answers (known, unknown, misplaced) and
/// placeholder sources.
fn random_map(spec: &[(u8, u8, u8, u8, u8)]) -> String {
    const SCHEMES: [&str; 5] = ["expert-opinion", "sign", "analogy", "mine", "nonesuch"];
    const QUESTIONS: [&str; 6] = [
        "CQ-field",
        "CQ-sign-strength",
        "CQ-base-case",
        "CQ-mine",
        "CQ-nonesuch",
        "CQ-expertise",
    ];
    let mut y = String::from(
        "id: m\nsources:\n  real: {title: A Book}\n  lost: {note: a lost footnote}\nclaims:\n  T0: {text: t, thesis: true, cites: [real]}\n",
    );
    let n = spec.len();
    let mut links = Vec::new();
    for (i, &(target, kind, flags, scheme, answer)) in spec.iter().enumerate() {
        let id = i + 1;
        let t = usize::from(target) % id; // an earlier node: no cycle of supports
        let mut node = format!("  N{id}: {{text: n{id}");
        let attack = kind % 3 == 0;
        if attack {
            node.push_str(&format!(", attacks: [{}]", name(t)));
        } else {
            node.push_str(&format!(", supports: [{}]", name(t)));
            links.push((id, t));
        }
        if flags & 1 == 1 {
            node.push_str(", implicit: true");
        }
        match flags >> 1 & 3 {
            1 => node.push_str(", cites: [real]"),
            2 => node.push_str(", cites: [lost]"),
            _ => {}
        }
        if scheme % 2 == 0 {
            node.push_str(&format!(
                ", scheme: {}",
                SCHEMES[usize::from(scheme / 2) % 5]
            ));
        }
        if attack && answer % 2 == 0 {
            node.push_str(&format!(
                ", answers: {}",
                QUESTIONS[usize::from(answer / 2) % 6]
            ));
        }
        node.push_str("}\n");
        y.push_str(&node);
    }
    y.push_str("rebuttals:\n");
    for (k, &(id, t)) in links.iter().enumerate().take(n / 3) {
        y.push_str(&format!(
            "  R{k}: {{text: r, undercuts: [\"N{id} -> {}\"], answers: {}}}\n",
            name(t),
            QUESTIONS[k % 6]
        ));
    }
    y.push_str("schemes:\n  mine: {title: Mine, questions: {CQ-mine: Why?}}\n");
    if let Some(&(id, t)) = links.first() {
        y.push_str(&format!("  \"N{id} -> {}\": mine\n", name(t)));
    }
    y
}

fn name(i: usize) -> String {
    if i == 0 {
        "T0".into()
    } else {
        format!("N{i}")
    }
}

use proptest::prelude::*;

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    #[test]
    fn any_reconstruction_checks_renders_and_round_trips_without_panic(
        spec in proptest::collection::vec(any::<(u8, u8, u8, u8, u8)>(), 1..24)
    ) {
        let yaml = random_map(&spec);
        let file = argmap::load_str("m.yaml", yaml.clone());
        prop_assert!(file.load_errors.is_empty(), "{:?}\n{yaml}", file.load_errors);
        let _ = argmap::analyse::check(
            std::slice::from_ref(&file),
            [argmap::parse::source_text::SourceLoad::None],
        );
        let map = argmap::Analysed::new(&file).expect("parsed");
        let _ = argmap::support(&map);
        let maps = [map];
        for f in [
            argmap::Format::Dot,
            argmap::Format::Mermaid,
            argmap::Format::Json,
            argmap::Format::Graphml,
            argmap::Format::Aif,
            argmap::Format::Argdown,
            argmap::Format::Af,
        ] {
            prop_assert!(argmap::render(&maps, f).is_ok(), "{}", f.name());
        }
        // YAML -> AIF -> YAML keeps every node's implicit, scheme and answers, and
        // the schemes: section.
        let (a, b) = crate::import::assert_exact_round_trip(&yaml);
        for (section, nodes) in a.node_sections() {
            let other = b.node_sections();
            let (_, back) = other.iter().find(|(s, _)| *s == section).expect("section");
            for (id, n) in nodes.iter() {
                let m = back.get(id).expect("node came back");
                prop_assert_eq!(
                    (n.implicit(), n.scheme(), n.answers()),
                    (m.implicit(), m.scheme(), m.answers())
                );
            }
        }
        prop_assert_eq!(a.schemes, b.schemes);
    }
}

#[test]
fn schemes_belong_to_the_root_file_of_a_map_in_several_files() {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::write(
        dir.path().join("root.yaml"),
        "id: m\ninclude: [part.yaml]\nsources:\n  b: {title: B}\nclaims:\n  T1: {text: t, thesis: true}\n",
    )
    .expect("write");
    std::fs::write(
        dir.path().join("part.yaml"),
        "evidence:\n  E1: {text: e, cites: [b], supports: [T1], scheme: sign}\nschemes:\n  \"E1 -> T1\": analogy\n",
    )
    .expect("write");
    let out = argmap()
        .args(["check", "--format", "json"])
        .arg(dir.path().join("root.yaml"))
        .output()
        .expect("runs");
    let v: Value = serde_json::from_slice(&out.stdout).expect("JSON");
    let d = &v["diagnostics"][0];
    assert_eq!(d["rule"], "schema", "{v}");
    assert!(
        d["file"].as_str().unwrap_or("").ends_with("part.yaml"),
        "{v}"
    );
    assert_eq!(
        (d["line"].as_u64(), d["column"].as_u64()),
        (Some(3), Some(1)),
        "{v}"
    );
    // The `scheme:` on a node of the included file applies as in one file.
    std::fs::write(
        dir.path().join("part.yaml"),
        "evidence:\n  E1: {text: e, cites: [b], supports: [T1], scheme: sgn}\n",
    )
    .expect("write");
    let out = argmap()
        .args(["check", "--format", "json"])
        .arg(dir.path().join("root.yaml"))
        .output()
        .expect("runs");
    let v: Value = serde_json::from_slice(&out.stdout).expect("JSON");
    let d = &v["diagnostics"][0];
    assert_eq!(d["rule"], "unknown-scheme", "{v}");
    assert!(
        d["file"].as_str().unwrap_or("").ends_with("part.yaml"),
        "{v}"
    );
    assert_eq!(
        (d["line"].as_u64(), d["column"].as_u64()),
        (Some(2), Some(53)),
        "{v}"
    );
}
