//! `argmap schema` against a real JSON Schema validator (the `jsonschema` crate): the maps
//! the loader accepts without a `schema` or `yaml-syntax` error validate, and maps with a
//! `schema` error do not.

use crate::common::{argmap, fixture, root};
use std::path::{Path, PathBuf};

/// The schema `argmap schema` prints, compiled.
fn validator() -> jsonschema::Validator {
    let out = argmap().arg("schema").output().expect("runs");
    assert_eq!(out.status.code(), Some(0));
    let schema: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    jsonschema::validator_for(&schema).expect("a valid JSON Schema")
}

/// YAML as an editor's validator sees it: serde_yaml's value, keys as strings.
fn yaml_to_json(v: serde_yaml::Value) -> serde_json::Value {
    use serde_json::Value as J;
    use serde_yaml::Value as Y;
    match v {
        Y::Null => J::Null,
        Y::Bool(b) => J::Bool(b),
        Y::Number(n) => serde_json::to_value(&n).expect("a finite number"),
        Y::String(s) => J::String(s),
        Y::Sequence(s) => J::Array(s.into_iter().map(yaml_to_json).collect()),
        Y::Mapping(m) => J::Object(
            m.into_iter()
                .map(|(k, v)| {
                    let k = match k {
                        Y::String(s) => s,
                        Y::Null => String::new(),
                        Y::Bool(b) => b.to_string(),
                        Y::Number(n) => n.to_string(),
                        other => panic!("a key that is not a scalar: {other:?}"),
                    };
                    (k, yaml_to_json(v))
                })
                .collect(),
        ),
        Y::Tagged(t) => yaml_to_json(t.value),
    }
}

fn yaml_value(text: &str) -> serde_json::Value {
    yaml_to_json(serde_yaml::from_str(text).expect("YAML"))
}

/// The schema errors, as text, of `text` (empty when it validates).
fn schema_errors(v: &jsonschema::Validator, text: &str) -> Vec<String> {
    let value = yaml_value(text);
    v.iter_errors(&value)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect()
}

/// The rules `argmap check` reports in `path`, with their messages (those in the files a
/// map includes are the schema's business when it validates those files).
fn check_rules(path: &Path) -> Vec<(String, String)> {
    let out = argmap()
        .args(["check", "--format", "json"])
        .arg(path)
        .output()
        .expect("runs");
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap_or_else(|e| {
        panic!(
            "{}: {e}: {}",
            path.display(),
            String::from_utf8_lossy(&out.stderr)
        )
    });
    v["diagnostics"]
        .as_array()
        .expect("diagnostics")
        .iter()
        .filter(|d| d["file"].as_str().is_some_and(|f| Path::new(f) == path))
        .map(|d| {
            (
                d["rule"].as_str().unwrap_or_default().to_string(),
                d["message"].as_str().unwrap_or_default().to_string(),
            )
        })
        .collect()
}

fn yaml_fixtures(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("fixtures") {
        let path = entry.expect("entry").path();
        if path.is_dir() {
            yaml_fixtures(&path, out);
        } else if path.extension().is_some_and(|e| e == "yaml" || e == "yml") {
            out.push(path);
        }
    }
}

#[test]
fn schema_accepts_every_fixture_the_loader_accepts_and_rejects_schema_errors() {
    let v = validator();
    let mut paths = Vec::new();
    yaml_fixtures(&root().join("tests/fixtures"), &mut paths);
    paths.sort();
    assert!(paths.len() > 20, "{paths:?}");
    let (mut valid, mut invalid) = (0, 0);
    for path in &paths {
        let rules = check_rules(path);
        if rules.iter().any(|(r, _)| r == "yaml-syntax") {
            continue;
        }
        let text = std::fs::read_to_string(path).expect("utf-8 fixture");
        if serde_yaml::from_str::<serde_yaml::Value>(&text).is_err() {
            // A key given twice in one mapping (an alias used as a key, say): no JSON
            // value holds it, so no JSON Schema can see it; check reports it.
            assert!(
                rules
                    .iter()
                    .any(|(r, m)| r == "duplicate-id" || m.contains("given twice")),
                "{}: {rules:?}",
                path.display()
            );
            continue;
        }
        let errors = schema_errors(&v, &text);
        let schema: Vec<_> = rules.iter().filter(|(r, _)| r == "schema").collect();
        if schema.is_empty() {
            assert!(errors.is_empty(), "{}: {errors:#?}", path.display());
            valid += 1;
        } else if schema.iter().any(|(_, m)| !m.contains("given twice")) {
            // A key given twice is the one schema error JSON cannot see.
            assert!(
                !errors.is_empty(),
                "{} validates: {schema:?}",
                path.display()
            );
            invalid += 1;
        }
    }
    assert!(
        valid > 20 && invalid >= 1,
        "{valid} valid, {invalid} invalid"
    );
}

#[test]
fn schema_accepts_the_rules_clean_fixture_and_rejects_the_schema_fixture() {
    let v = validator();
    let clean = std::fs::read_to_string(fixture("rules/clean.yaml")).expect("read");
    assert_eq!(schema_errors(&v, &clean), Vec::<String>::new());
    let bad = std::fs::read_to_string(fixture("rules/schema.yaml")).expect("read");
    let errors = schema_errors(&v, &bad);
    assert!(errors.iter().any(|e| e.contains("qoute")), "{errors:#?}");
}

#[test]
fn schema_accepts_generated_maps() {
    let v = validator();
    for (nodes, seed) in [(4, 0), (10, 1), (57, 2), (300, 9), (1000, 42)] {
        let g = argmap::generate::generate(nodes, seed);
        let errors = schema_errors(&v, &g.map_yaml);
        assert!(
            errors.is_empty(),
            "{nodes} nodes, seed {seed}: {} errors: {:#?}",
            errors.len(),
            &errors[..errors.len().min(5)]
        );
    }
}

#[test]
fn schema_accepts_the_map_written_by_argmap_generate() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("g.yaml");
    argmap()
        .args(["generate", "--nodes", "200", "--seed", "5", "-o"])
        .arg(&path)
        .assert()
        .success();
    let text = std::fs::read_to_string(&path).expect("read");
    assert!(text.contains("cites:"), "{text}");
    assert_eq!(schema_errors(&validator(), &text), Vec::<String>::new());
}

#[test]
fn schema_accepts_both_essay_maps() {
    let v = validator();
    for map in [
        "maps/permanent-revolution.yaml",
        "maps/quantum-dialectics.yaml",
    ] {
        let text = std::fs::read_to_string(root().join(map)).expect("read");
        assert_eq!(schema_errors(&v, &text), Vec::<String>::new(), "{map}");
    }
}

/// Maps that are valid except for the part named: each must be a `schema` error for
/// `argmap check` and fail the JSON Schema.
const INVALID: &[(&str, &str)] = &[
    ("unknown node field", "claims:\n  T1: {text: a, thesis: true, txt: b}\n"),
    ("unknown map field", "claims:\n  T1: {text: a, thesis: true}\nauthor: me\n"),
    ("unknown source field", "sources:\n  s: {title: B, isbn: 1}\nclaims:\n  T1: {text: a, thesis: true, cites: [s]}\n"),
    ("unknown citation field", "sources:\n  s: {title: B}\nclaims:\n  T1: {text: a, thesis: true, cites: [{source: s, page: 3}]}\n"),
    ("missing text", "claims:\n  T1: {thesis: true, quote: a}\n"),
    ("empty text", "claims:\n  T1: {text: '', thesis: true}\n"),
    ("blank text", "claims:\n  T1: {text: '   ', thesis: true}\n"),
    ("null text", "claims:\n  T1: {text: ~, thesis: true}\n"),
    ("bad node id", "claims:\n  'T 1': {text: a, thesis: true}\n"),
    ("bad node id with a colon", "claims:\n  'm:T1': {text: a, thesis: true}\n"),
    ("bad source id", "sources:\n  -s: {title: B}\nclaims:\n  T1: {text: a, thesis: true}\n"),
    ("bad map id", "claims:\n  T1: {text: a, thesis: true}\n"),
    ("no map id", ""),
    ("thesis not a boolean", "claims:\n  T1: {text: a, thesis: 'yes'}\n"),
    ("text a list", "claims:\n  T1: {text: [a], thesis: true}\n"),
    ("supports a string", "claims:\n  T1: {text: a, thesis: true}\n  C1: {text: b, supports: {T1: 1}}\n"),
    ("source a list", "source: [a.txt]\nclaims:\n  T1: {text: a, thesis: true}\n"),
    ("thesis null", "claims:\n  T1: {text: a, thesis: ~}\n"),
    ("undercut a number", "claims:\n  T1: {text: a, thesis: true}\nrebuttals:\n  R1: {text: c, undercuts: [1]}\n"),
    ("node a list", "claims:\n  T1: [a]\n"),
    ("thesis on evidence", "claims:\n  T1: {text: a}\nevidence:\n  E1: {text: b, thesis: true, supports: [T1]}\n"),
    ("thesis on a rebuttal", "claims:\n  T1: {text: a, thesis: true}\nrebuttals:\n  R1: {text: b, thesis: false, attacks: [T1]}\n"),
    ("source without title or note", "sources:\n  s: {author: X}\nclaims:\n  T1: {text: a, thesis: true, cites: [s]}\n"),
    ("citation without source", "sources:\n  s: {title: B}\nclaims:\n  T1: {text: a, thesis: true, cites: [{at: 3}]}\n"),
    ("citation a list", "sources:\n  s: {title: B}\nclaims:\n  T1: {text: a, thesis: true, cites: [[s]]}\n"),
    ("undercut without arrow", "claims:\n  T1: {text: a, thesis: true}\n  C1: {text: b, supports: [T1]}\nrebuttals:\n  R1: {text: c, undercuts: [C1 T1]}\n"),
    ("undercut with nothing between two arrows", "claims:\n  T1: {text: a, thesis: true}\n  C1: {text: b, supports: [T1]}\nrebuttals:\n  R1: {text: c, undercuts: ['C1 ->  -> T1']}\n"),
    ("undercut with nothing before the arrow", "claims:\n  T1: {text: a, thesis: true}\n  C1: {text: b, supports: [T1]}\nrebuttals:\n  R1: {text: c, undercuts: [' -> T1']}\n"),
    ("undercut with nothing after the arrow", "claims:\n  T1: {text: a, thesis: true}\n  C1: {text: b, supports: [T1]}\nrebuttals:\n  R1: {text: c, undercuts: ['C1 ->  ']}\n"),
    ("same_as without map", "claims:\n  T1: {text: a, thesis: true, same_as: [T2]}\n"),
    ("same_as with empty node", "claims:\n  T1: {text: a, thesis: true, same_as: ['other: ']}\n"),
    ("same_as with empty map", "claims:\n  T1: {text: a, thesis: true, same_as: [':T2']}\n"),
    ("implicit not a boolean", "claims:\n  T1: {text: a, thesis: true, implicit: 'yes'}\n"),
    ("unknown scheme field", "claims:\n  T1: {text: a, thesis: true}\nschemes:\n  mine: {title: M, question: [a]}\n"),
    ("a scheme of the map's own as a string", "claims:\n  T1: {text: a, thesis: true}\nschemes:\n  mine: analogy\n"),
    ("a link's scheme as a mapping", "claims:\n  T1: {text: a, thesis: true}\n  C1: {text: b, supports: [T1]}\nschemes:\n  'C1 -> T1': {title: M}\n"),
    ("a bad question id", "claims:\n  T1: {text: a, thesis: true}\nschemes:\n  mine: {title: M, questions: {'CQ a': Why?}}\n"),
    ("group without title", "groups:\n  g: {note: n}\nclaims:\n  T1: {text: a, thesis: true, group: g}\n"),
    ("group with blank title", "groups:\n  g: {title: ' '}\nclaims:\n  T1: {text: a, thesis: true, group: g}\n"),
    ("group unknown field", "groups:\n  g: {title: G, parent: h}\nclaims:\n  T1: {text: a, thesis: true, group: g}\n"),
    ("group bad id", "groups:\n  'g h': {title: G}\nclaims:\n  T1: {text: a, thesis: true, group: 'g h'}\n"),
    ("group a list", "groups:\n  g: [G]\nclaims:\n  T1: {text: a, thesis: true, group: g}\n"),
];

/// Prepends a valid map id unless the case is about the id.
fn invalid_map(name: &str, body: &str) -> String {
    match name {
        "bad map id" => format!("id: Not_An_Id\n{body}"),
        "no map id" => "claims:\n  T1: {text: a, thesis: true}\n".to_string(),
        _ => format!("id: m\n{body}"),
    }
}

#[test]
fn schema_rejects_maps_with_schema_errors() {
    let v = validator();
    let dir = tempfile::tempdir().expect("tempdir");
    for (name, body) in INVALID {
        let text = invalid_map(name, body);
        let path = dir.path().join("m.yaml");
        std::fs::write(&path, &text).expect("write");
        let rules = check_rules(&path);
        assert!(
            rules.iter().any(|(r, _)| r == "schema"),
            "{name}: argmap finds no schema error: {rules:?}\n{text}"
        );
        assert!(
            !schema_errors(&v, &text).is_empty(),
            "{name}: validates\n{text}"
        );
    }
}

/// The same maps with the fault mended validate: the schema rejects the fault, not the map.
#[test]
fn schema_accepts_the_short_and_long_citation_forms_and_every_node_field() {
    let v = validator();
    let text = "id: m\ntitle: 1999\nsource: s.txt\nsources:\n  s1: {title: B, year: 1999, author: ~}\n  s.2: {note: lost, url: 'http://x'}\n  '007': {title: 7, publisher: P}\nclaims:\n  T1: {text: a, thesis: true, cites: [s1, {source: s.2, at: 12, footnote: 3}, {source: '007'}], same_as: ['other-map:X1', 'm:C1']}\n  C1: {text: 42, by: ~, note: n, supports: [T1], with: [C2], quote: ~}\n  C2: {text: c, supports: [T1], attacks: ~, undercuts: ~, cites: ~}\nevidence:\n  E1: {text: e, cites: ['007'], attacks: [R1]}\n  E2:\n    text: f\n    supports:\nrebuttals:\n  R1: {text: r, undercuts: ['C1 -> T1', 'C2->T1'], attacks: []}\n";
    assert_eq!(schema_errors(&v, text), Vec::<String>::new());
    // A null reference names nothing: a dangling reference for check, not a schema error.
    let dangling =
        "id: m\nclaims:\n  T1: {text: a, thesis: true}\n  C1: {text: b, supports: [~]}\n";
    assert_eq!(schema_errors(&v, dangling), Vec::<String>::new());
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("m.yaml");
    std::fs::write(&path, text).expect("write");
    let rules = check_rules(&path);
    assert!(
        !rules
            .iter()
            .any(|(r, _)| r == "schema" || r == "yaml-syntax"),
        "{rules:?}"
    );
}

/// Plain scalars are text wherever text is read (`title: true` is the title `true`, the
/// id `1e3` is `1e3`, `cites: [12]` cites the source `12`): the schema accepts them as
/// `check` does, and `source: ~` is no source.
#[test]
fn schema_accepts_plain_scalars_as_text_as_check_does() {
    let v = validator();
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("m.yaml");
    for text in [
        "id: m\ntitle: true\nclaims:\n  T1: {text: a, thesis: true}\n",
        "id: m\nsource: ~\nclaims:\n  T1: {text: true, thesis: true, by: 1.10}\n",
        "id: m\nclaims:\n  T1: {text: a, thesis: true}\n  C1: {text: b, supports: [true]}\n",
        "id: m\nsources:\n  '12': {title: 1e3}\nclaims:\n  T1: {text: a, thesis: true, cites: [12]}\n",
    ] {
        assert_eq!(schema_errors(&v, text), Vec::<String>::new(), "{text}");
        std::fs::write(&path, text).expect("write");
        let rules = check_rules(&path);
        assert!(
            !rules.iter().any(|(r, _)| r == "schema" || r == "yaml-syntax"),
            "{text}: {rules:?}"
        );
    }
}

/// Every kind of white space `check` counts as blank (Unicode's White_Space, as
/// `str::trim` has it) makes a blank `text`, for the schema too; U+FEFF is not white space
/// there (though it is for JSON Schema's `\s`).
#[test]
fn schema_blank_text_is_what_check_calls_blank() {
    let v = validator();
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("m.yaml");
    let ws = [
        "\\t", "\\n", "\\v", "\\f", "\\r", " ", "\\u0085", "\\u00a0", "\\u1680", "\\u2000",
        "\\u2005", "\\u200a", "\\u2028", "\\u2029", "\\u202f", "\\u205f", "\\u3000",
    ];
    for (blank, c) in ws
        .iter()
        .map(|c| (true, *c))
        .chain([(false, "\\ufeff"), (false, "\\u200b")])
    {
        let text = format!("id: m\nclaims:\n  T1: {{text: \"{c}{c}\", thesis: true}}\n");
        std::fs::write(&path, &text).expect("write");
        let rules = check_rules(&path);
        let schema_error = rules.iter().any(|(r, _)| r == "schema");
        assert_eq!(schema_error, blank, "{c}: check says {rules:?}");
        assert_eq!(
            !schema_errors(&v, &text).is_empty(),
            blank,
            "{c}: the schema disagrees with check"
        );
    }
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig { cases: 64, .. proptest::prelude::ProptestConfig::default() })]

    /// Generated maps (every field, arbitrary Unicode text; see `import.rs`) validate.
    #[test]
    fn schema_accepts_generated_maps_with_any_text(spec in crate::import::map_spec()) {
        let text = crate::import::map_yaml(&spec);
        let errors = schema_errors(&VALIDATOR, &text);
        proptest::prop_assert!(errors.is_empty(), "{:?}\n{}", errors, text);
    }
}

static VALIDATOR: std::sync::LazyLock<jsonschema::Validator> = std::sync::LazyLock::new(validator);

/// A YAML value from a small grammar that reaches every kind the format distinguishes
/// (strings, blank strings, numbers, booleans, null, lists, mappings), for the
/// differential test below.
fn value(depth: u32) -> proptest::prelude::BoxedStrategy<String> {
    use proptest::prelude::*;
    let leaf = prop_oneof![
        Just("a".to_string()),
        Just("T1".to_string()),
        Just("'C1 -> T1'".to_string()),
        Just("'m:T1'".to_string()),
        Just("'x y'".to_string()),
        Just("''".to_string()),
        Just("' '".to_string()),
        Just("12".to_string()),
        Just("-3".to_string()),
        Just("1.5".to_string()),
        Just("true".to_string()),
        Just("~".to_string()),
        Just("[]".to_string()),
        Just("{}".to_string()),
    ];
    if depth == 0 {
        return leaf.boxed();
    }
    let key = prop_oneof![
        Just("text"),
        Just("thesis"),
        Just("supports"),
        Just("attacks"),
        Just("undercuts"),
        Just("with"),
        Just("cites"),
        Just("same_as"),
        Just("quote"),
        Just("by"),
        Just("note"),
        Just("source"),
        Just("at"),
        Just("footnote"),
        Just("title"),
        Just("author"),
        Just("year"),
        Just("T1"),
        Just("C1"),
        Just("s1"),
        Just("'bad id'"),
        Just("txt"),
    ];
    prop_oneof![
        2 => leaf,
        1 => proptest::collection::vec(value(depth - 1), 0..3)
            .prop_map(|v| format!("[{}]", v.join(", "))),
        2 => proptest::collection::btree_map(key, value(depth - 1), 0..4).prop_map(|m| {
            let fields: Vec<String> = m.into_iter().map(|(k, v)| format!("{k}: {v}")).collect();
            format!("{{{}}}", fields.join(", "))
        }),
    ]
    .boxed()
}

/// A node or source entry that is often well-formed: `text` (or `title`) usually given,
/// and a few fields with values of the grammar, mostly plausible ones.
fn entry() -> impl proptest::prelude::Strategy<Value = String> {
    use proptest::prelude::*;
    let plausible = prop_oneof![
        Just(("supports", "[T1]")),
        Just(("attacks", "[C1]")),
        Just(("undercuts", "['C1 -> T1']")),
        Just(("undercuts", "[C1]")),
        Just(("with", "[C1]")),
        Just(("cites", "[s1]")),
        Just(("cites", "[{source: s1, at: 12}]")),
        Just(("cites", "[{at: 12}]")),
        Just(("same_as", "['o:T1']")),
        Just(("same_as", "[T1]")),
        Just(("thesis", "true")),
        Just(("thesis", "'yes'")),
        Just(("quote", "q")),
        Just(("by", "12")),
        Just(("note", "~")),
        Just(("note", "n")),
        Just(("year", "1999")),
        Just(("author", "A")),
        Just(("txt", "a")),
    ];
    (
        prop_oneof![
            4 => Just("text: a"),
            1 => Just("title: B"),
            1 => Just("note: lost"),
            1 => Just(""),
        ],
        proptest::collection::vec(plausible, 0..4),
        proptest::option::of(value(1)),
    )
        .prop_map(|(first, fields, wild)| {
            let mut parts: Vec<String> = Vec::new();
            let mut seen = std::collections::BTreeSet::new();
            if let Some((k, _)) = first.split_once(':') {
                seen.insert(k);
                parts.push(first.to_string());
            }
            for (k, v) in fields {
                if seen.insert(k) {
                    parts.push(format!("{k}: {v}"));
                }
            }
            if let Some(w) = wild.filter(|_| seen.insert("by")) {
                parts.push(format!("by: {w}"));
            }
            format!("{{{}}}", parts.join(", "))
        })
}

/// A map whose sections hold arbitrary values of the grammar, and a few well-formed
/// nodes to refer to.
fn any_map() -> impl proptest::prelude::Strategy<Value = String> {
    use proptest::prelude::*;
    let section = prop_oneof![
        Just("sources"),
        Just("claims"),
        Just("evidence"),
        Just("rebuttals")
    ];
    (
        prop_oneof![
            Just("id: m\n"),
            Just("id: M x\n"),
            Just("id: 7\n"),
            Just("")
        ],
        proptest::collection::btree_map(
            section,
            proptest::collection::btree_map(
                prop_oneof![Just("T1"), Just("C1"), Just("s1"), Just("'bad id'")],
                prop_oneof![1 => value(2), 4 => entry().boxed()],
                0..3,
            ),
            0..4,
        ),
        proptest::option::of(prop_oneof![
            Just("title: [a]\n"),
            Just("title: 3\n"),
            Just("junk: 1\n"),
            Just("source: s.txt\n")
        ]),
    )
        .prop_map(|(id, sections, extra)| {
            let mut y = id.to_string();
            y.push_str(extra.unwrap_or(""));
            for (s, entries) in sections {
                y.push_str(&format!("{s}:\n"));
                for (k, v) in entries {
                    y.push_str(&format!("  {k}: {v}\n"));
                }
            }
            y
        })
}

/// Whether `check` (the library, as `argmap check` runs it) finds a `schema` error.
fn check_finds_schema_error(text: &str) -> bool {
    use argmap::parse::source_text::SourceLoad;
    let file = argmap::parse::load::load_str(std::path::Path::new("m.yaml"), text.to_string());
    argmap::check(std::slice::from_ref(&file), [SourceLoad::None])
        .expect("the text is held")
        .iter()
        .any(|d| d.rule == argmap::Rule::Schema)
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig { cases: 512, .. proptest::prelude::ProptestConfig::default() })]

    /// The schema and `check` agree on every map of the grammar: it validates exactly
    /// when `check` finds no `schema` error.
    #[test]
    fn schema_agrees_with_check_on_arbitrary_maps(text in any_map()) {
        let json: serde_json::Value = match serde_yaml::from_str::<serde_yaml::Value>(&text) {
            Ok(v) => yaml_to_json(v),
            Err(_) => return Ok(()),
        };
        let valid = VALIDATOR.is_valid(&json);
        eprintln!("CASE valid={valid}\n{text}");
        let schema_error = check_finds_schema_error(&text);
        proptest::prop_assert_eq!(
            valid,
            !schema_error,
            "schema says {}, check says {}:\n{}",
            if valid { "valid" } else { "invalid" },
            if schema_error { "schema error" } else { "no schema error" },
            text
        );
    }
}
