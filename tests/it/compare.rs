//! `argmap compare`: fixture pairs with known answers (alignment, stance, coverage,
//! conflicts), compare(A, A), swapping the maps, the essay maps, and the CLI.

use crate::common::{argmap, fixture, root};
use argmap::analyse::compare::{
    compare, Basis, CompareOptions, Comparison, DisagreementKind, Origin, Position, Side,
    StanceKind, ThesisRelation,
};
use argmap::analyse::{resolve_same_as, Analysed};
use argmap::parse::load::{load_file, MapFile};
use serde_json::Value;
use std::path::{Path, PathBuf};

fn path(name: &str) -> PathBuf {
    if name.starts_with("maps/") {
        root().join(name)
    } else {
        fixture(&format!("compare/{name}.yaml"))
    }
}

fn load(name: &str) -> MapFile {
    let f = load_file(&path(name)).expect("fixture readable");
    assert!(f.load_errors.is_empty(), "{name}: {:?}", f.load_errors);
    f
}

/// Compares two fixtures (or `maps/...` files) with the given options. The comparison
/// borrows the maps, so a test leaks them (a few small files per test process).
fn compare_with(a: &str, b: &str, opts: &CompareOptions) -> Comparison<'static> {
    let files: &'static [MapFile; 2] = Box::leak(Box::new([load(a), load(b)]));
    let maps: &'static [Analysed<'static>; 2] = Box::leak(Box::new([
        Analysed::new(&files[0]).expect("parsed"),
        Analysed::new(&files[1]).expect("parsed"),
    ]));
    let (links, problems) = resolve_same_as(maps);
    assert!(problems.is_empty(), "{problems:?}");
    compare(&maps[0], &maps[1], &links, opts)
}

fn cmp(a: &str, b: &str) -> Comparison<'static> {
    compare_with(a, b, &CompareOptions::default())
}

fn ids(c: &Comparison, origin: Origin) -> Vec<(String, String)> {
    let mut v: Vec<(String, String)> = c
        .pairs
        .iter()
        .filter(|p| p.origin == origin)
        .map(|p| (p.left.id.to_string(), p.right.id.to_string()))
        .collect();
    v.sort();
    v
}

fn pairs(v: &[(&str, &str)]) -> Vec<(String, String)> {
    v.iter()
        .map(|(a, b)| (a.to_string(), b.to_string()))
        .collect()
}

fn only<'a>(c: &'a Comparison, s: Side) -> Vec<&'a str> {
    c.only.get(s).ids().collect()
}

#[test]
fn alignment_has_declared_pairs_once_and_suggested_pairs_by_similarity() {
    let c = cmp("alpha", "beta");
    assert_eq!(
        ids(&c, Origin::Declared),
        pairs(&[("began", "start"), ("unity", "committee")])
    );
    assert_eq!(
        ids(&c, Origin::Suggested),
        pairs(&[("owners-split", "divided"), ("wages", "wages-beta")])
    );
    let declared_in = |id: &str| {
        c.pairs
            .iter()
            .find(|p| p.left.id == id)
            .map(|p| p.declared_in.clone())
            .unwrap_or_default()
    };
    // unity = committee is declared in both maps: one pair, both sides named.
    assert_eq!(declared_in("unity"), [Side::Left, Side::Right]);
    assert_eq!(declared_in("began"), [Side::Left]);
    for p in c.pairs.iter().filter(|p| p.origin == Origin::Suggested) {
        assert!(
            p.score >= 0.35 && p.score <= 1.0,
            "{}: {}",
            p.left.id,
            p.score
        );
        assert!(p.declared_in.is_empty());
    }
    // Suggestions come after the declared pairs, best first.
    let origins: Vec<Origin> = c.pairs.iter().map(|p| p.origin).collect();
    assert_eq!(
        origins,
        [
            Origin::Declared,
            Origin::Declared,
            Origin::Suggested,
            Origin::Suggested
        ]
    );
    assert_eq!(only(&c, Side::Left), ["T", "police"]);
    assert_eq!(only(&c, Side::Right), ["T", "winter"]);
}

#[test]
fn min_score_controls_suggestions() {
    let none = compare_with("alpha", "beta", &CompareOptions { min_score: 1.01 });
    assert!(ids(&none, Origin::Suggested).is_empty());
    assert_eq!(ids(&none, Origin::Declared).len(), 2);
    // Unaligned claims grow accordingly.
    assert_eq!(
        only(&none, Side::Left),
        ["T", "wages", "police", "owners-split"]
    );
}

#[test]
fn pair_sides_carry_role_support_and_attribution() {
    let c = cmp("alpha", "beta");
    let p = c
        .pairs
        .iter()
        .find(|p| p.left.id == "unity")
        .expect("unity pair");
    assert_eq!(p.left.role.supports, ["T"]);
    assert_eq!(p.left.status.name(), "cited");
    assert_eq!(p.left.evidence, 1);
    assert_eq!(p.left.sources, ["ledger"]);
    assert_eq!(p.right.status.name(), "unsupported");
    assert_eq!(p.right.evidence, 0);
    let q = c
        .pairs
        .iter()
        .find(|p| p.left.id == "owners-split")
        .expect("owners pair");
    assert_eq!(q.left.role.attacks, ["T"]);
    assert_eq!(q.left.by.as_deref(), Some("the owners' association"));
    assert_eq!(q.right.by, None);
    let w = c
        .pairs
        .iter()
        .find(|p| p.left.id == "wages")
        .expect("wages pair");
    assert_eq!(w.left.status.name(), "uncited");
}

#[test]
fn shared_premises_do_not_make_a_stance_toward_a_thesis_not_addressed() {
    // alpha and beta share premises (3 argued the same way round, 1 not) but neither
    // states or contradicts the other's thesis: both are silent, the premises are listed
    // as indirect reasons that do not decide.
    let c = cmp("alpha", "beta");
    for s in [Side::Left, Side::Right] {
        let st = c.stance.get(s);
        assert_eq!(st.stance, StanceKind::Silent, "{s:?}");
        assert_eq!(st.basis, Basis::NotAddressed);
        assert_eq!((st.supporting, st.attacking), (0, 0));
        assert!(!st.direct);
        assert!(st.reasons.iter().all(|r| !r.decisive && !r.direct));
        let count = |k: StanceKind| st.reasons.iter().filter(|r| r.effect == k).count();
        assert_eq!(
            (count(StanceKind::Supports), count(StanceKind::Attacks)),
            (3, 1)
        );
        assert_eq!(st.toward, ["T"]);
        let against: Vec<&str> = st
            .reasons
            .iter()
            .filter(|r| r.effect == StanceKind::Attacks)
            .map(|r| r.own.as_str())
            .collect();
        assert_eq!(
            against,
            [if s == Side::Left {
                "owners-split"
            } else {
                "divided"
            }]
        );
    }
}

#[test]
fn stance_supports_attacks_or_is_silent() {
    let agrees = cmp("agrees", "thesis");
    assert_eq!(agrees.stance.left.stance, StanceKind::Supports);
    assert!(agrees.stance.left.direct, "X states the other's thesis");
    assert_eq!(agrees.stance.left.reasons[0].own, "X");
    // thesis-map states agrees's premise X, not its thesis: silent on that thesis.
    assert_eq!(agrees.stance.right.stance, StanceKind::Silent);
    assert_eq!(agrees.stance.right.basis, Basis::NotAddressed);

    let disagrees = cmp("disagrees", "thesis");
    assert_eq!(disagrees.stance.left.stance, StanceKind::Attacks);
    assert!(disagrees.stance.left.direct);
    let r = &disagrees.stance.left.reasons[0];
    assert_eq!((r.own.as_str(), r.other.as_str()), ("Y", "T"));
    // thesis-map's T is disagrees's Y, not its thesis: silent on that thesis.
    assert_eq!(disagrees.stance.right.stance, StanceKind::Silent);

    let silent = cmp("silent", "thesis");
    assert!(silent.pairs.is_empty());
    assert_eq!(silent.stance.left.stance, StanceKind::Silent);
    assert_eq!(silent.stance.right.stance, StanceKind::Silent);
    let summary = argmap::present::compare::summary(&silent).plain();
    assert!(summary.contains("silent"), "{summary}");
    assert_eq!(silent.stance.left.basis, Basis::NoReasons);
}

#[test]
fn coverage_is_given_side_by_side() {
    let c = cmp("alpha", "beta");
    let (l, r) = (&c.coverage.left, &c.coverage.right);
    assert_eq!((l.claims, l.cited, l.uncited, l.unsupported), (6, 2, 1, 3));
    assert!((l.ratio - 2.0 / 6.0).abs() < 1e-9);
    assert_eq!((r.claims, r.cited, r.uncited, r.unsupported), (6, 0, 1, 5));
}

#[test]
fn differing_years_are_a_factual_conflict() {
    let c = cmp("alpha", "beta");
    assert_eq!(c.conflicts.len(), 1, "{:?}", c.conflicts);
    let k = &c.conflicts[0];
    assert_eq!(
        (k.left.id.as_str(), k.right.id.as_str()),
        ("began", "start")
    );
    assert_eq!(k.left.unmatched, ["1928"]);
    assert_eq!(k.right.unmatched, ["1929"]);
    assert_eq!(c.pairs[k.pair].left.id, "began");
    let summary = argmap::present::compare::summary(&c).plain();
    assert!(summary.contains("1928 against 1929"), "{summary}");
}

#[test]
fn a_map_compared_with_itself_is_fully_aligned_without_differences() {
    for name in [
        "alpha",
        "beta",
        "disagrees",
        "findings/trees-l",
        "findings/trees-r",
        "maps/quantum-dialectics.yaml",
        "maps/permanent-revolution.yaml",
    ] {
        let c = cmp(name, name);
        assert!(
            c.only.left.is_empty() && c.only.right.is_empty(),
            "{name}: only-one-side claims"
        );
        assert!(c.conflicts.is_empty(), "{name}: {:?}", c.conflicts);
        assert_eq!(c.coverage.left, c.coverage.right);
        for p in &c.pairs {
            assert_eq!(p.left.text, p.right.text, "{name}");
            assert_eq!(p.left.role, p.right.role, "{name}");
        }
        let f = &c.findings;
        assert!(f.disagreements.is_empty(), "{name}: {:?}", f.disagreements);
        assert!(
            f.points.is_empty() && f.attribution_differs.is_empty(),
            "{name}"
        );
        assert_eq!(
            f.agreements.len(),
            c.pairs.len(),
            "{name}: every pair agrees"
        );
        assert_eq!(f.theses.relation, ThesisRelation::Same, "{name}");
        assert!(
            f.uncovered.left.is_empty() && f.uncovered.right.is_empty(),
            "{name}"
        );
        assert_eq!(f.style.left.claims, f.style.right.claims);
        for st in [&c.stance.left, &c.stance.right] {
            assert_eq!(st.stance, StanceKind::Supports, "{name}");
            assert_eq!(st.attacking, 0, "{name}");
            assert!(st.direct, "{name}: the thesis is aligned with itself");
        }
    }
    let c = cmp("alpha", "alpha");
    // Every claim, evidence and rebuttal pairs with itself.
    assert_eq!(c.pairs.len(), 7);
    assert!(c
        .pairs
        .iter()
        .all(|p| p.left.id == p.right.id && p.score == 1.0));
}

/// The JSON of a comparison (the data, without the summary's sentences) with every pair
/// index replaced by the pair's ids and the pair-ordered lists sorted.
fn normalised(c: &Comparison) -> Value {
    let mut v = serde_json::to_value(c).expect("serialises");
    let key = |p: &Value| format!("{}={}", p["left"]["id"], p["right"]["id"]);
    let keys: Vec<String> = v["pairs"]
        .as_array()
        .expect("pairs")
        .iter()
        .map(key)
        .collect();
    for i in v["findings"]["opposite"].as_array_mut().expect("opposite") {
        let k = i.as_u64().expect("index") as usize;
        *i = Value::String(keys[k].clone());
    }
    // Every other reference to a pair is by index, into `pairs` or `contradicting`: the
    // findings name their nodes, so the indices are dropped.
    drop_pair_indices(&mut v);
    sort_arrays(&mut v);
    v
}

fn drop_pair_indices(v: &mut Value) {
    match v {
        Value::Array(a) => a.iter_mut().for_each(drop_pair_indices),
        Value::Object(o) => {
            if o.get("pair").is_some_and(Value::is_u64) {
                o.remove("pair");
            }
            o.values_mut().for_each(drop_pair_indices);
        }
        _ => {}
    }
}

/// Prints the first place two JSON values differ (to read a failed mirror test).
fn first_difference(at: &str, a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Object(x), Value::Object(y)) => {
            for k in x.keys().chain(y.keys()) {
                let (p, q) = (
                    x.get(k).unwrap_or(&Value::Null),
                    y.get(k).unwrap_or(&Value::Null),
                );
                if p != q {
                    return first_difference(&format!("{at}.{k}"), p, q);
                }
            }
            false
        }
        (Value::Array(x), Value::Array(y)) if x.len() == y.len() => {
            for (i, (p, q)) in x.iter().zip(y).enumerate() {
                if p != q {
                    return first_difference(&format!("{at}[{i}]"), p, q);
                }
            }
            false
        }
        _ => {
            eprintln!("first difference at {at}:\n  {a}\n  {b}");
            true
        }
    }
}

fn sort_arrays(v: &mut Value) {
    match v {
        Value::Array(a) => {
            a.iter_mut().for_each(sort_arrays);
            a.sort_by_key(|x| x.to_string());
        }
        Value::Object(o) => o.values_mut().for_each(sort_arrays),
        _ => {}
    }
}

/// Swaps `left` and `right`: keys, the sides named in `declared_in`, and the pair keys.
fn mirrored(v: &Value) -> Value {
    match v {
        Value::Object(o) => Value::Object(
            o.iter()
                .map(|(k, x)| {
                    let k = match k.as_str() {
                        "left" => "right".to_string(),
                        "right" => "left".to_string(),
                        _ => k.clone(),
                    };
                    (k, mirrored(x))
                })
                .collect(),
        ),
        Value::Array(a) => Value::Array(a.iter().map(mirrored).collect()),
        Value::String(s) if s == "left" => Value::String("right".into()),
        Value::String(s) if s == "right" => Value::String("left".into()),
        Value::String(s) if s.contains("\"=\"") => {
            let (a, b) = s.split_once('=').unwrap_or_default();
            Value::String(format!("{b}={a}"))
        }
        // Finding ids: `kind:LEFT|RIGHT`, and `kind@left...` for one map's.
        Value::String(s) if s.contains(':') && s.contains('|') => {
            let (kind, rest) = s.split_once(':').unwrap_or_default();
            let (a, b) = rest.split_once('|').unwrap_or_default();
            Value::String(format!("{kind}:{b}|{a}"))
        }
        Value::String(s) if s.contains("@left") || s.contains("@right") => Value::String(
            s.replace("@left", "@\u{0}")
                .replace("@right", "@left")
                .replace("@\u{0}", "@right"),
        ),
        x => x.clone(),
    }
}

#[test]
fn swapping_the_maps_swaps_the_sides() {
    for (a, b) in [
        ("alpha", "beta"),
        ("agrees", "thesis"),
        ("disagrees", "thesis"),
        ("dated", "redated"),
        ("nothesis", "thesis"),
        ("findings/trees-l", "findings/trees-r"),
        ("same-thesis", "thesis"),
        ("opposed", "thesis"),
        (
            "maps/permanent-revolution.yaml",
            "maps/quantum-dialectics.yaml",
        ),
    ] {
        let ab = normalised(&cmp(a, b));
        let ba = normalised(&cmp(b, a));
        let mut m = mirrored(&ba);
        sort_arrays(&mut m);
        if ab != m {
            first_difference("", &ab, &m);
        }
        assert_eq!(
            ab, m,
            "compare({a}, {b}) and compare({b}, {a}) are not mirror images"
        );
    }
}

#[test]
fn essays_align_through_their_declared_links() {
    let c = cmp(
        "maps/permanent-revolution.yaml",
        "maps/quantum-dialectics.yaml",
    );
    // quantum-dialectics declares 35 same_as links to permanent-revolution.
    assert_eq!(
        c.pairs
            .iter()
            .filter(|p| p.origin == Origin::Declared)
            .count(),
        35
    );
    assert!(c
        .pairs
        .iter()
        .filter(|p| p.origin == Origin::Declared)
        .all(|p| p.declared_in == [Side::Right]));
    assert_eq!(
        c.coverage.right.cited, 0,
        "the quantum-dialectics essay cites nothing"
    );
    let conflict = c
        .conflicts
        .iter()
        .find(|k| k.left.id == "C-exile-1928")
        .expect("the exile is dated 1928 in one essay and 1929 in the other");
    assert_eq!(conflict.right.id, "bio-expelled");
    assert!(conflict.left.unmatched.contains(&"1928".to_string()));
    assert!(conflict.right.unmatched.contains(&"1929".to_string()));
}

// ---- command line ----------------------------------------------------------------------

fn fx(name: &str) -> String {
    format!("tests/fixtures/compare/{name}.yaml")
}

fn run(args: &[&str]) -> (i32, String, String) {
    let out = argmap().arg("compare").args(args).output().expect("runs");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn markdown_report_of_the_fixture_pair() {
    let (code, md, err) = run(&[&fx("alpha"), &fx("beta"), "--format", "markdown"]);
    assert_eq!(code, 0, "{err}");
    insta::assert_snapshot!("compare-alpha-beta-markdown", md);
}

#[test]
fn text_is_the_default_and_json_parses() {
    let (code, text, err) = run(&[&fx("alpha"), &fx("beta")]);
    assert_eq!(code, 0, "{err}");
    assert!(text.contains("aligned pairs (4)"), "{text}");
    assert!(text.contains("began [1928] vs start [1929]"), "{text}");
    let (code, json, _) = run(&[&fx("alpha"), &fx("beta"), "--format", "json"]);
    assert_eq!(code, 0);
    let v: Value = serde_json::from_str(&json).expect("JSON");
    assert_eq!(v["schema_version"], 2);
    assert_eq!(v["maps"]["left"]["id"], "alpha");
    assert_eq!(v["stance"]["left"]["stance"], "silent");
    assert_eq!(v["findings"]["theses"]["relation"], "different");
    assert_eq!(v["pairs"][0]["origin"], "declared");
    assert_eq!(v["pairs"][0]["declared_in"][0], "left");
}

#[test]
fn suggest_prints_ready_to_paste_same_as_lines() {
    let (code, out, err) = run(&[&fx("alpha"), &fx("beta"), "--suggest"]);
    assert_eq!(code, 0, "{err}");
    let lines: Vec<&str> = out.lines().filter(|l| !l.starts_with('#')).collect();
    assert_eq!(lines.len(), 2, "{out}");
    // Best first: the wage texts share more words than the owners' ones.
    assert!(
        lines[0].starts_with("  same_as: [beta:wages-beta]  # under claims.wages, score 0."),
        "{out}"
    );
    assert!(
        lines[1].starts_with("  same_as: [beta:divided]  # under claims.owners-split, score 0."),
        "{out}"
    );
    // Into any file, whatever its extension; not with --format.
    let dir = tempfile::tempdir().expect("tempdir");
    let file = dir.path().join("lines.yaml");
    let (code, _, err) = run(&[
        &fx("alpha"),
        &fx("beta"),
        "--suggest",
        "-o",
        file.to_str().unwrap_or_default(),
    ]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(std::fs::read_to_string(&file).expect("written"), out);
    let (code, _, _) = run(&[&fx("alpha"), &fx("beta"), "--suggest", "--format", "json"]);
    assert_eq!(code, 2);
    let (_, none, _) = run(&[&fx("alpha"), &fx("beta"), "--suggest", "--min-score", "1"]);
    assert!(none.starts_with("# no suggested pairs"), "{none}");
}

#[test]
fn output_format_follows_the_file_extension() {
    let dir = tempfile::tempdir().expect("tempdir");
    let out = |name: &str| dir.path().join(name);
    for (file, starts) in [
        ("r.md", "# Comparison of `alpha` and `beta`"),
        ("r.json", "{"),
        ("r.txt", "compare `alpha` (left) with `beta` (right)"),
        ("d.dot", "digraph"),
    ] {
        let p = out(file);
        let (code, stdout, err) = run(&[
            &fx("alpha"),
            &fx("beta"),
            "-o",
            p.to_str().unwrap_or_default(),
        ]);
        assert_eq!(code, 0, "{file}: {err}");
        assert!(stdout.is_empty());
        let written = std::fs::read_to_string(&p).expect("written");
        assert!(
            written.starts_with(starts),
            "{file}: {}",
            &written[..written.len().min(80)]
        );
    }
    let (code, _, err) = run(&[
        &fx("alpha"),
        &fx("beta"),
        "-o",
        out("x.unknown").to_str().unwrap_or_default(),
    ]);
    assert_eq!(code, 2);
    assert!(err.contains("cannot tell the format"), "{err}");
    assert!(!out("x.unknown").exists());
}

#[test]
fn diagram_joins_aligned_pairs_and_greys_the_rest() {
    let (code, dot, err) = run(&[&fx("alpha"), &fx("beta"), "--format", "dot"]);
    assert_eq!(code, 0, "{err}");
    assert!(
        dot.contains("subgraph \"cluster_0\"") && dot.contains("subgraph \"cluster_1\""),
        "{dot}"
    );
    let edge_line = |a: &str, b: &str| {
        dot.lines()
            .find(|l| l.trim_start().starts_with(&format!("\"{a}\" -> \"{b}\" [")))
            .unwrap_or_default()
            .to_string()
    };
    // Declared pair: dashed; suggested: dotted with its score; conflict: orange with values.
    assert!(
        edge_line("alpha:unity", "beta:committee").contains("style=\"dashed\""),
        "{dot}"
    );
    let suggested = edge_line("alpha:wages", "beta:wages-beta");
    assert!(
        suggested.contains("style=\"dotted\"") && suggested.contains("label=\"≈ 0."),
        "{suggested}"
    );
    let conflict = edge_line("alpha:began", "beta:start");
    assert!(
        conflict.contains("#e65100") && conflict.contains("1928 ≠ 1929"),
        "{conflict}"
    );
    // Unaligned nodes are grey; theses and aligned nodes keep their colours.
    let node_line = |name: &str| {
        dot.lines()
            .find(|l| l.trim_start().starts_with(&format!("\"{name}\"[")))
            .unwrap_or_default()
            .to_string()
    };
    assert!(
        node_line("alpha:police").contains("#f7f7f7"),
        "{}",
        node_line("alpha:police")
    );
    assert!(!node_line("alpha:unity").contains("#f7f7f7"));
    assert!(!node_line("beta:T").contains("#f7f7f7"));
}

#[test]
fn large_maps_are_trimmed_unless_full_is_asked() {
    let maps = [
        "maps/permanent-revolution.yaml",
        "maps/quantum-dialectics.yaml",
    ];
    let (code, trimmed, err) = run(&[maps[0], maps[1], "--format", "dot"]);
    assert_eq!(code, 0, "{err}");
    let (_, full, _) = run(&[maps[0], maps[1], "--format", "dot", "--full"]);
    assert!(
        trimmed.contains("--full draws them"),
        "the cluster says nodes were left out"
    );
    assert!(!full.contains("--full draws them"));
    assert!(full.len() > 2 * trimmed.len());
    for id in [
        "permanent-revolution:T1",
        "permanent-revolution:C-exile-1928",
        "quantum-dialectics:bio-expelled",
    ] {
        assert!(trimmed.contains(&format!("\"{id}\"[")), "{id} is drawn");
    }
}

#[test]
fn svg_is_drawn_with_graphviz() {
    if !crate::common::require_graphviz() {
        return;
    }
    let dir = tempfile::tempdir().expect("tempdir");
    let p = dir.path().join("c.svg");
    let (code, _, err) = run(&[
        &fx("alpha"),
        &fx("beta"),
        "-o",
        p.to_str().unwrap_or_default(),
    ]);
    assert_eq!(code, 0, "{err}");
    let svg = std::fs::read_to_string(&p).expect("svg written");
    assert!(
        svg.contains("<svg") && svg.contains("committee"),
        "{}",
        &svg[..svg.len().min(200)]
    );
}

#[test]
fn bad_input_fails_cleanly() {
    let (code, _, err) = run(&[&fx("alpha"), &fx("beta"), "--min-score", "-1"]);
    assert_eq!(code, 2, "{err}");
    let (code, _, err) = run(&[&fx("alpha"), &fx("beta"), "--min-score", "abc"]);
    assert_eq!(code, 2, "{err}");
    let (code, _, err) = run(&[&fx("alpha"), "tests/fixtures/rules/yaml-syntax.yaml"]);
    assert_eq!(code, 1, "{err}");
    let (code, _, err) = run(&[&fx("alpha"), "no/such/map.yaml"]);
    assert_eq!(code, 2, "{err}");
    // -o never overwrites an input.
    let dir = tempfile::tempdir().expect("tempdir");
    let a = dir.path().join("a.yaml");
    std::fs::copy(path("alpha"), &a).expect("copy");
    let before = std::fs::read(&a).expect("read");
    let (code, _, _) = run(&[
        a.to_str().unwrap_or_default(),
        &fx("beta"),
        "-o",
        a.to_str().unwrap_or_default(),
        "--format",
        "json",
    ]);
    assert_eq!(code, 2);
    assert_eq!(std::fs::read(&a).expect("read"), before);
}

#[test]
fn map_text_is_escaped_in_markdown_and_dot() {
    let dir = tempfile::tempdir().expect("tempdir");
    let write = |name: &str, body: &str| -> PathBuf {
        let p = dir.path().join(name);
        std::fs::write(&p, body).expect("write");
        p
    };
    let a = write(
        "x.yaml",
        "id: x\nclaims:\n  T:\n    text: \"Pipes | <script>alert(1)</script> *bold* \\\"quoted\\\"\"\n    thesis: true\n    same_as: [y:T]\n",
    );
    let b = write(
        "y.yaml",
        "id: y\nclaims:\n  T:\n    text: Plain words\n    thesis: true\n",
    );
    let s = |p: &Path| p.to_str().unwrap_or_default().to_string();
    let (code, md, err) = run(&[&s(&a), &s(&b), "--format", "markdown"]);
    assert_eq!(code, 0, "{err}");
    assert!(!md.contains("<script>"), "{md}");
    assert!(md.contains("Pipes \\| &lt;script&gt;"), "{md}");
    let (code, dot, _) = run(&[&s(&a), &s(&b), "--format", "dot"]);
    assert_eq!(code, 0);
    assert!(dot.contains("\\\"quoted\\\""), "{dot}");
}

/// The indexed, pruned search for suggestions finds what scoring every pair would.
#[test]
fn suggestions_match_a_brute_force_search() {
    use argmap::analyse::compare::similarity::{cosine, vectorise, words};
    use argmap::graph::NodeKind;
    let (fa, fb) = (
        load("maps/permanent-revolution.yaml"),
        load("maps/quantum-dialectics.yaml"),
    );
    let maps = [
        Analysed::new(&fa).expect("parsed"),
        Analysed::new(&fb).expect("parsed"),
    ];
    let (links, _) = resolve_same_as(&maps);
    for min_score in [0.1, 0.2, 0.35] {
        let c = compare(&maps[0], &maps[1], &links, &CompareOptions { min_score });
        // Declared pairs and contradicting ones get no suggestion.
        let mut declared: Vec<(String, String)> = ids(&c, Origin::Declared);
        declared.extend(
            c.contradicting
                .iter()
                .map(|p| (p.left.id.to_string(), p.right.id.to_string())),
        );
        // Every claim, evidence and rebuttal of both maps, with its words.
        let mut docs = Vec::new();
        let mut who = Vec::new();
        for (side, m) in maps.iter().enumerate() {
            for n in m
                .graph
                .graph
                .node_weights()
                .filter(|n| n.kind != NodeKind::Source)
            {
                let quote = n.node.and_then(|x| x.quote.clone()).unwrap_or_default();
                docs.push(words(&format!("{}\n{quote}", n.text())));
                who.push((side, n.id.to_string()));
            }
        }
        let (vectors, _) = vectorise(&docs);
        let taken = |side: usize, id: &str| {
            declared
                .iter()
                .any(|(l, r)| if side == 0 { l == id } else { r == id })
        };
        let mut all: Vec<(f64, String, String)> = Vec::new();
        for (i, (si, a)) in who.iter().enumerate() {
            for (j, (sj, b)) in who.iter().enumerate() {
                if *si == 0
                    && *sj == 1
                    && !taken(0, a)
                    && !taken(1, b)
                    && !vectors.get(i).is_empty()
                {
                    let s = cosine(vectors.get(i), vectors.get(j));
                    if s >= min_score {
                        all.push((s, a.clone(), b.clone()));
                    }
                }
            }
        }
        all.sort_by(|x, y| y.0.total_cmp(&x.0));
        let (mut used_l, mut used_r, mut want) = (Vec::new(), Vec::new(), Vec::new());
        for (_, a, b) in all {
            if !used_l.contains(&a) && !used_r.contains(&b) {
                used_l.push(a.clone());
                used_r.push(b.clone());
                want.push((a, b));
            }
        }
        want.sort();
        assert_eq!(ids(&c, Origin::Suggested), want, "min score {min_score}");
    }
}

/// The clusters of a compare SVG: the map id their title names, and their left and right
/// x coordinates.
fn svg_clusters(svg: &str) -> Vec<(String, f64, f64)> {
    let options = roxmltree::ParsingOptions {
        allow_dtd: true,
        ..Default::default()
    };
    let doc = roxmltree::Document::parse_with_options(svg, options).expect("SVG parses");
    let mut out = Vec::new();
    for g in doc
        .descendants()
        .filter(|n| n.has_tag_name("g") && n.attribute("class") == Some("cluster"))
        // A map's cluster (`cluster_0`...), not a group's (`cluster_group:...`).
        .filter(|g| {
            g.children()
                .find(|n| n.has_tag_name("title"))
                .and_then(|t| t.text())
                .is_some_and(|t| !t.contains("group:"))
        })
    {
        // The label line `map ID (...)` under the title.
        let map = g
            .children()
            .filter(|n| n.has_tag_name("text"))
            .filter_map(|n| n.text())
            .find_map(|t| t.strip_prefix("map "))
            .and_then(|rest| rest.split_whitespace().next())
            .unwrap_or_default()
            .to_string();
        let mut xs = Vec::new();
        for shape in g
            .descendants()
            .filter(|n| n.has_tag_name("path") || n.has_tag_name("polygon"))
        {
            let coords = shape
                .attribute("d")
                .or(shape.attribute("points"))
                .unwrap_or("");
            for pair in coords.split(|c: char| c.is_ascii_alphabetic() || c == ' ') {
                if let Some((x, _)) = pair.split_once(',') {
                    if let Ok(x) = x.parse::<f64>() {
                        xs.push(x);
                    }
                }
            }
        }
        let lo = xs.iter().copied().fold(f64::INFINITY, f64::min);
        let hi = xs.iter().copied().fold(f64::NEG_INFINITY, f64::max);
        out.push((map, lo, hi));
    }
    out
}

#[test]
fn compare_svg_draws_the_first_map_on_the_left_and_swapping_swaps() {
    if !crate::common::require_graphviz() {
        return;
    }
    let essays = [
        "maps/permanent-revolution.yaml",
        "maps/quantum-dialectics.yaml",
    ];
    let pairs: Vec<(String, String, &str, &str)> = vec![
        (fx("alpha"), fx("beta"), "alpha", "beta"),
        (fx("agrees"), fx("thesis"), "agrees", "thesis-map"),
        (
            fx("alpha"),
            essays[0].to_string(),
            "alpha",
            "permanent-revolution",
        ),
        (
            essays[0].to_string(),
            essays[1].to_string(),
            "permanent-revolution",
            "quantum-dialectics",
        ),
    ];
    let dir = tempfile::tempdir().expect("tempdir");
    for (a, b, ida, idb) in pairs {
        for (first, second, id1, id2) in [(&a, &b, ida, idb), (&b, &a, idb, ida)] {
            let p = dir.path().join("c.svg");
            let (code, _, err) = run(&[first, second, "-o", p.to_str().unwrap_or_default()]);
            assert_eq!(code, 0, "{err}");
            let svg = std::fs::read_to_string(&p).expect("svg written");
            // The maps' clusters (their groups are clusters inside them).
            let clusters: Vec<_> = svg_clusters(&svg)
                .into_iter()
                .filter(|c| c.0 == id1 || c.0 == id2)
                .collect();
            assert_eq!(clusters.len(), 2, "{first} {second}: {clusters:?}");
            let left = clusters
                .iter()
                .find(|c| c.0 == id1)
                .expect("first map drawn");
            let right = clusters
                .iter()
                .find(|c| c.0 == id2)
                .expect("second map drawn");
            // The essay maps draw group clusters: Graphviz 2.43 cannot be made to order
            // the maps then (`dot::in_order_grouped`); both must still be drawn.
            let grouped = [first, second].iter().any(|m| m.starts_with("maps/"));
            if !grouped {
                assert!(
                    left.2 <= right.1,
                    "compare {first} {second}: {id1} must be left of {id2}: {clusters:?}"
                );
            }
        }
    }
}

#[test]
fn compare_dot_ties_the_first_map_to_the_left() {
    for (a, b) in [("alpha", "beta"), ("beta", "alpha")] {
        let (code, dot, err) = run(&[&fx(a), &fx(b), "--format", "dot"]);
        assert_eq!(code, 0, "{err}");
        let c0 = dot.find("subgraph \"cluster_0\"").expect("cluster 0");
        let c1 = dot.find("subgraph \"cluster_1\"").expect("cluster 1");
        assert!(c0 < c1);
        assert!(dot[c0..c1].contains(&format!("map {a}")), "{dot}");
        assert!(dot[c1..].contains(&format!("map {b}")), "{dot}");
        for want in [
            format!("\"{a}:T\" -> \"anchor-0\""),
            format!("\"{b}:T\" -> \"anchor-1\""),
            "\"anchor-0\" -> \"anchor-1\"".to_string(),
        ] {
            assert!(dot.contains(&want), "{want}:\n{dot}");
        }
        let rank = dot.find("rank=\"same\"").expect("one rank for the anchors");
        assert!(dot[rank..].contains("\"anchor-0\""), "{dot}");
    }
}

#[test]
fn compare_text_numbers_every_list_from_one() {
    let (code, text, err) = run(&[&fx("alpha"), &fx("beta")]);
    assert_eq!(code, 0, "{err}");
    insta::assert_snapshot!("compare-alpha-beta-text", text);
    // The essays have several conflicts: numbered 1, 2, 3... whatever their pairs.
    let (code, text, err) = run(&[
        "maps/permanent-revolution.yaml",
        "maps/quantum-dialectics.yaml",
    ]);
    assert_eq!(code, 0, "{err}");
    for heading in ["aligned pairs (", "factual conflicts ("] {
        let start = text.find(heading).expect(heading);
        let numbers: Vec<usize> = text[start..]
            .lines()
            .skip(1)
            .take_while(|l| !l.is_empty())
            .filter_map(|l| l.trim_start().split_once(". "))
            .filter_map(|(n, _)| n.parse().ok())
            .collect();
        let expected: Vec<usize> = (1..=numbers.len()).collect();
        assert!(!numbers.is_empty(), "{heading}");
        assert_eq!(numbers, expected, "{heading}\n{text}");
    }
}

#[test]
fn min_score_outside_0_to_1_is_refused() {
    for bad in ["1.5", "-0.1", "2", "NaN", "inf", "1.01"] {
        let flag = format!("--min-score={bad}");
        let (code, out, err) = run(&[&fx("alpha"), &fx("beta"), &flag]);
        assert_eq!(code, 2, "{bad}: {err}");
        assert!(out.is_empty());
        assert!(err.contains("--min-score"), "{err}");
    }
    for good in ["0", "1", "0.5"] {
        let (code, _, err) = run(&[&fx("alpha"), &fx("beta"), "--min-score", good]);
        assert_eq!(code, 0, "{good}: {err}");
    }
}

// ---- the summary, as data and in words ------------------------------------------------

#[test]
fn the_summary_is_data_and_the_sentences_are_written_from_it() {
    let c = cmp("dated", "redated");
    // Findings: pairs by origin, the propositions that serve opposite ends, the claims
    // only one map makes.
    assert_eq!((c.findings.declared, c.findings.suggested), (5, 0));
    let opposite: Vec<&str> = c
        .findings
        .opposite
        .iter()
        .map(|&i| c.pairs[i].left.id.as_str())
        .collect();
    assert_eq!(opposite, ["c2", "c3", "c4"]);
    assert_eq!((c.findings.only.left, c.findings.only.right), (1, 1));
    // Which stance and why: redated's d5 states dated's thesis, so that pair decides.
    assert_eq!(c.stance.right.basis, Basis::Direct);
    assert_eq!(c.stance.right.stance, StanceKind::Supports);
    // Nothing of dated states or contradicts redated's thesis: silent, whatever the
    // shared premises say.
    assert_eq!(c.stance.left.basis, Basis::NotAddressed);
    assert_eq!(c.stance.left.stance, StanceKind::Silent);
    assert_eq!(c.conflicts.len(), 4);
    insta::assert_snapshot!(
        "compare-summary-dated-redated",
        argmap::present::compare::summary(&c).plain()
    );
}

#[test]
fn a_map_without_a_thesis_gets_no_stance_and_the_summary_says_why() {
    let c = cmp("nothesis", "thesis");
    assert_eq!(c.stance.right.basis, Basis::NoThesis);
    assert_eq!(c.stance.right.stance, StanceKind::Silent);
    assert!(c.stance.right.toward.is_empty());
    assert_eq!(c.stance.left.basis, Basis::NoReasons);
    let summary = argmap::present::compare::summary(&c);
    assert!(
        summary
            .plain()
            .contains("nothesis has no thesis, so thesis-map can take no stance toward it."),
        "{}",
        summary.plain()
    );
    assert!(
        summary
            .markdown()
            .contains("`nothesis` has no thesis, so `thesis-map` can take no stance"),
        "{}",
        summary.markdown()
    );
}

#[test]
fn json_has_the_data_and_the_summary_sentences() {
    let c = cmp("dated", "redated");
    let doc = serde_json::to_string_pretty(&argmap::present::compare::json(&c)).expect("JSON");
    let mut v: Value = serde_json::from_str(&doc).expect("JSON");
    // The sentences, ids between backquotes, as before the summary became data.
    let summary = v["summary"].as_str().expect("summary").to_string();
    assert_eq!(summary, argmap::present::compare::summary(&c).backquoted());
    assert!(
        summary.contains("`dated` and `redated` share 5 aligned pairs: 5 by `same_as`"),
        "{summary}"
    );
    // Each sentence, with the findings it states.
    let sentences = v["sentences"].as_array().expect("sentences");
    assert_eq!(sentences[0]["paragraph"], 0);
    assert_eq!(sentences[0]["findings"], serde_json::json!(["theses"]));
    assert_eq!(v["findings"]["opposite"], serde_json::json!([2, 3, 4]));
    assert_eq!(v["stance"]["right"]["basis"], "direct");
    // Fields in the documented order: `summary` after `maps`, then the data.
    let at = |k: &str| doc.find(&format!("\n  \"{k}\":")).expect(k);
    let order = [
        "schema_version",
        "options",
        "maps",
        "summary",
        "sentences",
        "findings",
        "pairs",
        "only",
        "stance",
        "coverage",
        "conflicts",
        "contradicting",
        "contradicts",
    ];
    assert!(order.windows(2).all(|w| at(w[0]) < at(w[1])), "{doc}");
    // Apart from the sentences, the document is the comparison's data.
    v.as_object_mut().expect("object").remove("summary");
    v.as_object_mut().expect("object").remove("sentences");
    assert_eq!(v, serde_json::to_value(&c).expect("serialises"));
    // And the command writes that document.
    let (code, out, err) = run(&[&fx("dated"), &fx("redated"), "--format", "json"]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(out, format!("{doc}\n"));
}

// ---- findings: fixture pairs with known answers -----------------------------------------

fn has<'a>(ids: impl IntoIterator<Item = &'a str>, id: &str) -> bool {
    ids.into_iter().any(|x| x == id)
}

#[test]
fn findings_of_the_trees_pair_have_their_known_answers() {
    let c = cmp("findings/trees-l", "findings/trees-r");
    let f = &c.findings;
    // The theses are different questions: nothing touches either; both maps are silent.
    assert_eq!(f.theses.relation, ThesisRelation::Different);
    assert!(f.theses.links.is_empty());
    for s in [Side::Left, Side::Right] {
        assert_eq!(c.stance.get(s).stance, StanceKind::Silent);
        assert_eq!(c.stance.get(s).basis, Basis::NotAddressed);
    }
    // Agreements: both hold C-cool; both reject C-cheap-concrete.
    let agree: Vec<(&str, bool)> = f
        .agreements
        .iter()
        .map(|a| (a.id.as_str(), a.accepted))
        .collect();
    assert!(agree.contains(&("agree:C-cool|D-cool", true)), "{agree:?}");
    assert!(
        agree.contains(&("agree:C-cheap-concrete|D-concrete", false)),
        "{agree:?}"
    );
    // Disagreements: the declared contradiction, and C-cost held here, rebutted there.
    let dis: Vec<(&str, DisagreementKind)> = f
        .disagreements
        .iter()
        .map(|d| (d.id.as_str(), d.kind))
        .collect();
    assert!(
        dis.contains(&("contradicts:C-roots|D-roots", DisagreementKind::Contradicts)),
        "{dis:?}"
    );
    assert!(
        dis.contains(&("disagree:C-cost|D-cost", DisagreementKind::Rejected)),
        "{dis:?}"
    );
    assert_eq!(dis.len(), 2, "{dis:?}");
    let cost = f
        .disagreements
        .iter()
        .find(|d| d.id == "disagree:C-cost|D-cost")
        .expect("cost");
    assert_eq!(
        (cost.left.position, cost.right.position),
        (Position::Holds, Position::Rejects)
    );
    let by: Vec<&str> = cost
        .attacked_by
        .right
        .iter()
        .map(|a| a.id.as_str())
        .collect();
    assert_eq!(by, ["R-cost"]);
    assert_eq!(f.points.len(), 2);
    // The contradicting pair is listed once, and gets no suggestion.
    assert_eq!(c.contradicting.len(), 1);
    assert!(c
        .pairs
        .iter()
        .all(|p| p.left.id != "C-roots" && p.right.id != "D-roots"));
    // The counter-position both reject, with what attacks it and its holder.
    let cp = f
        .counter_positions
        .iter()
        .find(|x| x.id == "counter:C-cheap-concrete|D-concrete")
        .expect("counter-position");
    assert!(cp.both);
    assert_eq!(cp.left.by.as_deref(), Some("City engineers"));
    let l: Vec<&str> = cp.attacked_by.left.iter().map(|a| a.id.as_str()).collect();
    assert_eq!(l, ["R-maint"]);
    assert!(
        cp.attacked_by.right.is_empty(),
        "trees-r opposes it without attacking it"
    );
    // Only the conflict about one event: planting (1921 against 1923), not the elms.
    let conflicts: Vec<&str> = c.conflicts.iter().map(|k| k.id.as_str()).collect();
    assert_eq!(conflicts, ["conflict:C-planted|D-planted"]);
    assert!(c.conflicts[0].about.iter().any(|w| w == "planted"));
    // What only one map covers, by group, heaviest first.
    let econ = f
        .uncovered
        .left
        .iter()
        .find(|u| u.group.as_deref() == Some("econ"))
        .expect("econ");
    assert_eq!(econ.title.as_deref(), Some("Economics"));
    let ids: Vec<&str> = econ.nodes.iter().map(|n| n.id.as_str()).collect();
    assert_eq!(ids, ["T", "R-maint"], "the thesis weighs most");
    assert!(econ.nodes[0].weight > econ.nodes[1].weight);
    let care = f
        .uncovered
        .right
        .iter()
        .find(|u| u.group.as_deref() == Some("care"))
        .expect("care");
    assert!(has(care.nodes.iter().map(|n| n.id.as_str()), "D-care"));
    // Evidence style: a real source and a placeholder, counted apart; none on the right.
    let (sl, sr) = (&f.style.left, &f.style.right);
    assert_eq!((sl.sources, sl.placeholder_sources), (1, 1));
    assert_eq!((sl.citations, sl.placeholder_citations), (1, 1));
    assert_eq!((sl.evidence, sl.cited_evidence), (2, 2));
    assert_eq!(
        (sr.sources, sr.citations, sr.placeholder_citations),
        (0, 0, 0)
    );
    // Attribution: City engineers blamed on both sides; C-cool's holder differs.
    let eng = f
        .attribution
        .left
        .iter()
        .find(|h| h.by == "City engineers")
        .expect("holder");
    assert_eq!(eng.blamed, ["C-cheap-concrete"]);
    assert!(eng.credited.is_empty());
    let diff: Vec<&str> = f
        .attribution_differs
        .iter()
        .map(|d| d.id.as_str())
        .collect();
    assert_eq!(diff, ["by:C-cool|D-cool"]);
}

#[test]
fn theses_are_the_same_opposed_overlapping_or_different() {
    let rel = |a: &str, b: &str| cmp(a, b).findings.theses.relation;
    assert_eq!(rel("same-thesis", "thesis"), ThesisRelation::Same);
    assert_eq!(rel("opposed", "thesis"), ThesisRelation::Opposed);
    assert_eq!(rel("agrees", "thesis"), ThesisRelation::Overlapping);
    assert_eq!(rel("silent", "thesis"), ThesisRelation::Different);
    let same = cmp("same-thesis", "thesis");
    assert_eq!(same.stance.left.stance, StanceKind::Supports);
    assert_eq!(same.stance.right.stance, StanceKind::Supports);
    // A thesis that contradicts the other attacks it, through the contradicting pair.
    let opposed = cmp("opposed", "thesis");
    assert_eq!(opposed.stance.left.stance, StanceKind::Attacks);
    assert_eq!(opposed.stance.right.stance, StanceKind::Attacks);
    assert_eq!(opposed.stance.left.basis, Basis::Direct);
    let d: Vec<&str> = opposed
        .findings
        .disagreements
        .iter()
        .map(|d| d.id.as_str())
        .collect();
    assert_eq!(d, ["contradicts:T|T"]);
}

#[test]
fn every_summary_sentence_names_findings_that_exist() {
    for (a, b) in [
        ("findings/trees-l", "findings/trees-r"),
        ("alpha", "beta"),
        ("opposed", "thesis"),
        (
            "maps/permanent-revolution.yaml",
            "maps/quantum-dialectics.yaml",
        ),
    ] {
        let c = cmp(a, b);
        let mut known: Vec<String> = c.findings.ids().iter().map(|s| s.to_string()).collect();
        known.extend(c.findings.points.iter().map(|p| p.id.clone()));
        known.extend(c.conflicts.iter().map(|k| k.id.clone()));
        known.extend(["stance@left", "stance@right", "agreement_groups"].map(String::from));
        let sum = argmap::present::compare::summary(&c);
        for s in sum.first() {
            assert!(
                !s.findings.is_empty() || s.prose.plain().starts_with("No aligned pair"),
                "{a}: {}",
                s.prose.plain()
            );
        }
        for p in &sum.paragraphs {
            for s in p {
                for id in &s.findings {
                    assert!(known.contains(id), "{a}/{b}: {id} is no finding");
                }
            }
        }
    }
}

/// The Done-when of the compare issue, on the real essay maps: the first paragraph of
/// the summary states (by finding kind and node ids) that both define permanent
/// revolution the same way, both oppose it to socialism in one country, they disagree on
/// Trotsky's own responsibility and on his record on democracy, one argues from sources
/// and the other with none, and the conflicting exile dates.
#[test]
fn the_essays_summary_says_what_a_historian_asks_first() {
    let c = cmp(
        "maps/permanent-revolution.yaml",
        "maps/quantum-dialectics.yaml",
    );
    let sum = argmap::present::compare::summary(&c);
    let first: Vec<&str> = sum
        .first()
        .iter()
        .flat_map(|s| s.findings.iter().map(String::as_str))
        .collect();
    let f = &c.findings;
    let named = |id: &str| first.contains(&id);
    // The theses are different questions, so no stance is claimed.
    assert_eq!(f.theses.relation, ThesisRelation::Different);
    assert!(named("theses"));
    assert_eq!(c.stance.left.stance, StanceKind::Silent);
    // Both define permanent revolution the same way: an agreement on its postulates.
    let definition = [
        "agree:P5|world-revolution",
        "agree:P5|pr-true-socialism",
        "agree:P3|pr-backward",
        "agree:C-combine-revolutions|pr-backward",
        "agree:T1a|bio-1905",
    ];
    assert!(definition.iter().any(|d| named(d)), "{first:?}");
    // Both oppose it to socialism in one country.
    assert!(named("counter:SIOC|socialism-one-country"), "{first:?}");
    let sioc = f
        .counter_positions
        .iter()
        .find(|x| x.id == "counter:SIOC|socialism-one-country")
        .expect("SIOC");
    assert!(sioc.both && !sioc.attacked_by.left.is_empty() && !sioc.attacked_by.right.is_empty());
    // Disagreements: Trotsky's own responsibility, and his record on democracy.
    let points_named: Vec<&argmap::analyse::compare::Point> =
        f.points.iter().filter(|p| named(&p.id)).collect();
    let touches = |node: &str| {
        points_named
            .iter()
            .any(|p| p.nodes.left.iter().chain(&p.nodes.right).any(|n| n == node))
    };
    assert!(
        touches("R-trotsky-to-blame") || touches("R-partly-responsible"),
        "responsibility: {first:?}"
    );
    assert!(
        touches("democratic-debate") || touches("workers-democracy-emphasis"),
        "democracy: {first:?}"
    );
    // One argues from sources, the other cites none.
    assert!(named("style@left") && named("style@right"));
    assert!(
        f.style.left.citations > 0
            && f.style.right.citations + f.style.right.placeholder_citations == 0
    );
    // The conflicting exile dates, and no false flag.
    assert!(named("conflict:C-exile-1928|bio-expelled"), "{first:?}");
    let conflicts: Vec<&str> = c.conflicts.iter().map(|k| k.id.as_str()).collect();
    assert!(!conflicts.contains(&"conflict:C-revolutionary-youth|bio-1890s"));
    assert!(!conflicts.contains(&"conflict:C-hopes-dashed|failed-uprisings"));
}

#[test]
fn html_page_is_self_contained_and_links_the_pairs() {
    // The library's compare page (`-o x.html` writes the viewer of the diagram).
    let files: &'static [MapFile; 2] = Box::leak(Box::new([
        load("findings/trees-l"),
        load("findings/trees-r"),
    ]));
    let maps: &'static [Analysed<'static>; 2] = Box::leak(Box::new([
        Analysed::new(&files[0]).expect("parsed"),
        Analysed::new(&files[1]).expect("parsed"),
    ]));
    let (links, _) = resolve_same_as(maps);
    let c = compare(&maps[0], &maps[1], &links, &CompareOptions::default());
    let page = argmap::present::compare::html(&maps[0], &maps[1], &c);
    assert!(page.starts_with("<!DOCTYPE html>"));
    assert!(page.contains("Content-Security-Policy"));
    assert!(
        !page.contains("http://") && !page.contains("https://"),
        "nothing from the network"
    );
    assert!(
        page.contains("\"relation\":\"contradicts\"") && page.contains("\"relation\":\"declared\"")
    );
    assert!(page.contains("Trees cool the streets in summer."));
    // Exactly one script runs, with the page's nonce.
    assert_eq!(page.matches("<script nonce=").count(), 1);
}

#[test]
fn snapshots_of_the_trees_pair_in_text_markdown_and_json() {
    for (format, name) in [("text", "text"), ("markdown", "markdown"), ("json", "json")] {
        let (code, out, err) = run(&[
            &fx("findings/trees-l"),
            &fx("findings/trees-r"),
            "--format",
            format,
        ]);
        assert_eq!(code, 0, "{err}");
        insta::assert_snapshot!(format!("compare-trees-{name}"), out);
    }
}
