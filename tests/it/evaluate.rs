//! `argmap evaluate`: textbook frameworks written as maps, with their known labels and
//! extensions; undercuts and linked attacks; the statements about the thesis; the CLI.

use crate::common::{argmap, fixture};
use argmap::analyse::evaluate::{
    evaluate, Arg, Evaluation, Extensions, FailedAttack, GroundedReason, Request, Standing, Status,
};
use argmap::analyse::inference::Inferences;
use argmap::analyse::semantics::Semantics::{self, Complete, Preferred, Stable};
use argmap::graph::ArgGraph;
use argmap::parse::load::parse_map;
use argmap::parse::Map;
use argmap::present::evaluate::statements;

fn map(name: &str) -> Map {
    let text = std::fs::read_to_string(fixture(&format!("evaluate/{name}.yaml"))).expect("fixture");
    parse_map(&text).expect("fixture parses")
}

fn all() -> Request {
    Request::all(100)
}

fn eval(name: &str) -> Evaluation {
    let m = map(name);
    let g = ArgGraph::build(&m);
    evaluate(&g, &Inferences::of(&g), all())
}

fn label(e: &Evaluation, id: &str) -> Status {
    e.nodes
        .iter()
        .find(|n| n.id == id)
        .map(|n| n.grounded)
        .expect("node")
}

/// The node sets of the extensions of one semantics, each sorted, the list sorted.
fn sets(e: &Evaluation, s: Semantics) -> Vec<Vec<String>> {
    let x = computed(e, s);
    assert!(x.complete, "search finished");
    let mut v: Vec<Vec<String>> = x
        .extensions
        .iter()
        .map(|e| {
            let mut n: Vec<String> = e.nodes.iter().map(|id| id.to_string()).collect();
            n.sort();
            n
        })
        .collect();
    v.sort();
    v
}

/// The extensions of semantics `s`, which must have been computed.
fn computed(e: &Evaluation, s: Semantics) -> &Extensions {
    e.extensions.get(s).expect("computed")
}

/// The statements about the first thesis, as the report words them.
fn said(e: &Evaluation) -> Vec<String> {
    statements(&e.theses[0])
}

fn s(items: &[&str]) -> Vec<String> {
    items.iter().map(|x| x.to_string()).collect()
}

#[test]
fn reinstatement() {
    let e = eval("reinstatement");
    assert_eq!(label(&e, "A"), Status::In);
    assert_eq!(label(&e, "B"), Status::Out);
    assert_eq!(label(&e, "C"), Status::In);
    for x in [Complete, Preferred, Stable] {
        assert_eq!(sets(&e, x), vec![s(&["A", "C"])]);
    }
    assert_eq!(
        said(&e)[0],
        "Thesis C is accepted (in) under grounded semantics: every attack on it fails (B is out (attacked by A, which is in))."
    );
}

#[test]
fn odd_loop() {
    let e = eval("odd-loop");
    for id in ["A", "B", "C"] {
        assert_eq!(label(&e, id), Status::Undecided);
    }
    assert_eq!(sets(&e, Complete), vec![s(&[])]);
    assert_eq!(sets(&e, Preferred), vec![s(&[])]);
    assert!(
        sets(&e, Stable).is_empty(),
        "an odd loop has no stable extension"
    );
    let t = said(&e);
    assert_eq!(
        t[0],
        "Thesis A is undecided under grounded semantics: it lies on an attack cycle with B and C."
    );
    assert!(t[2].contains("no extension"), "{}", t[2]);
}

#[test]
fn even_loop() {
    let e = eval("even-loop");
    assert_eq!(label(&e, "A"), Status::Undecided);
    assert_eq!(label(&e, "B"), Status::Undecided);
    assert_eq!(sets(&e, Complete), vec![s(&[]), s(&["A"]), s(&["B"])]);
    assert_eq!(sets(&e, Preferred), vec![s(&["A"]), s(&["B"])]);
    assert_eq!(sets(&e, Stable), vec![s(&["A"]), s(&["B"])]);
    let a = e.nodes.iter().find(|n| n.id == "A").expect("A");
    let p = *a.acceptance.get(Preferred).expect("preferred acceptance");
    assert!(p.credulous && !p.sceptical);
    assert_eq!(
        said(&e)[1],
        "Under preferred semantics thesis A is credulously but not sceptically accepted: it is in 1 of the 2 preferred extensions."
    );
}

#[test]
fn floating_reinstatement() {
    let e = eval("floating-reinstatement");
    for id in ["A", "B", "C", "D"] {
        assert_eq!(label(&e, id), Status::Undecided, "{id}");
    }
    assert_eq!(sets(&e, Preferred), vec![s(&["A", "D"]), s(&["B", "D"])]);
    assert_eq!(sets(&e, Stable), vec![s(&["A", "D"]), s(&["B", "D"])]);
    assert_eq!(
        sets(&e, Complete),
        vec![s(&[]), s(&["A", "D"]), s(&["B", "D"])]
    );
    let d = e.nodes.iter().find(|n| n.id == "D").expect("D");
    assert_eq!(d.acceptance.get(Preferred).map(|p| p.sceptical), Some(true));
    let t = said(&e);
    assert_eq!(
        t[0],
        "Thesis D is undecided under grounded semantics: its attacker C is undecided, because it depends on the attack cycle of A and B."
    );
    assert!(t[1].contains("sceptically accepted"), "{}", t[1]);
}

#[test]
fn undercut_defeats_an_attack_and_reinstates_its_target() {
    let e = eval("undercut-reinstates");
    assert_eq!(label(&e, "R"), Status::In);
    assert_eq!(
        label(&e, "S"),
        Status::In,
        "an undercut defeats the inference, not its premise"
    );
    assert_eq!(label(&e, "T"), Status::In);
    let link = |name: &str| e.links.iter().find(|l| l.link == name).expect("link");
    assert_eq!(link("S -> T").grounded, Status::Out);
    assert_eq!(link("S -> T").undercut_by, s(&["R"]));
    // An undercut support: the link is out, the target is untouched.
    assert_eq!(link("C -> T").grounded, Status::Out);
    assert_eq!(
        said(&e)[0],
        "Thesis T is accepted (in) under grounded semantics: every attack on it fails (the attack S -> T is undercut by R, which is in)."
    );
    assert_eq!(sets(&e, Preferred), vec![s(&["C", "R", "R2", "S", "T"])]);
}

#[test]
fn without_the_undercut_the_attack_wins() {
    let mut m = map("undercut-reinstates");
    m.rebuttals.entries.shift_remove("R");
    let g = ArgGraph::build(&m);
    let e = evaluate(&g, &Inferences::of(&g), Request::default());
    assert_eq!(label(&e, "T"), Status::Out);
    assert_eq!(
        said(&e)[0],
        "Thesis T is rejected (out) under grounded semantics because S attacks it and S is unattacked."
    );
}

/// The grounded label of the inference named `name` (`A -> T`, `U -> A -> T`...).
fn link_label(e: &Evaluation, name: &str) -> Status {
    e.links
        .iter()
        .find(|l| l.link == name)
        .unwrap_or_else(|| panic!("no link {name}: {:?}", e.links))
        .grounded
}

#[test]
fn an_undercut_of_an_undercut_reinstates_the_link_and_the_thesis() {
    // The textbook reinstatement through a counter-undercut: V undercuts U's undercuts.
    let e = eval("undercut-of-undercut");
    assert_eq!(label(&e, "V"), Status::In);
    assert_eq!(
        link_label(&e, "U -> A -> T"),
        Status::Out,
        "U's undercut fails"
    );
    assert_eq!(link_label(&e, "U -> D -> S"), Status::Out);
    assert_eq!(link_label(&e, "A -> T"), Status::In, "A -> T is reinstated");
    assert_eq!(link_label(&e, "D -> S"), Status::In);
    assert_eq!(
        label(&e, "U"),
        Status::In,
        "what fails is U's undercut, not U"
    );
    assert_eq!(label(&e, "S"), Status::Out);
    assert_eq!(label(&e, "T"), Status::In, "T is accepted");
    let undercut = e
        .links
        .iter()
        .find(|l| l.link == "U -> D -> S")
        .expect("link");
    assert_eq!(undercut.undercut_by, s(&["V"]));
    assert_eq!(
        undercut.kind,
        argmap::analyse::inference::LinkKind::Undercuts
    );
    // Every semantics agrees: one extension, with T.
    assert_eq!(sets(&e, Preferred), vec![s(&["A", "D", "T", "U", "V"])]);
    assert_eq!(sets(&e, Stable), sets(&e, Preferred));
}

#[test]
fn without_the_counter_undercut_the_undercut_holds_and_the_thesis_is_out() {
    let mut m = map("undercut-of-undercut");
    m.rebuttals.entries.shift_remove("V");
    let g = ArgGraph::build(&m);
    let e = evaluate(&g, &Inferences::of(&g), Request::default());
    assert_eq!(link_label(&e, "A -> T"), Status::Out);
    assert_eq!(link_label(&e, "D -> S"), Status::Out);
    assert_eq!(label(&e, "S"), Status::In);
    assert_eq!(
        label(&e, "T"),
        Status::Out,
        "T is rejected where V reinstated it"
    );
}

#[test]
fn the_failed_undercut_is_named_when_its_undercutter_is_in() {
    // B attacks T; U undercuts B -> T; V undercuts U -> B -> T: the attack holds though
    // its undercutter U is in, because U's undercut fails.
    let m = parse_map(
        "id: m\nclaims:\n  T: {text: t, thesis: true}\n  B: {text: b, attacks: [T]}\nrebuttals:\n  U: {text: u, undercuts: [\"B -> T\"]}\n  V: {text: v, undercuts: [\"U -> B -> T\"]}\n",
    )
    .expect("parses");
    let g = ArgGraph::build(&m);
    let e = evaluate(&g, &Inferences::of(&g), Request::default());
    assert_eq!(label(&e, "T"), Status::Out);
    assert_eq!(label(&e, "U"), Status::In);
    assert_eq!(
        said(&e)[0],
        "Thesis T is rejected (out) under grounded semantics because the attack B -> T holds: B is in and the undercut U -> B -> T fails."
    );
}

#[test]
fn a_linked_undercut_that_holds_is_named_by_its_premises() {
    let m = parse_map(
        "id: m\nclaims:\n  T: {text: t, thesis: true}\n  S: {text: s, attacks: [T]}\nrebuttals:\n  W1: {text: w, undercuts: [\"S -> T\"], with: [W2]}\n  W2: {text: w, undercuts: [\"S -> T\"]}\n",
    )
    .expect("parses");
    let g = ArgGraph::build(&m);
    let e = evaluate(&g, &Inferences::of(&g), Request::default());
    assert_eq!(label(&e, "T"), Status::In);
    assert_eq!(
        said(&e)[0],
        "Thesis T is accepted (in) under grounded semantics: every attack on it fails (the attack S -> T is undercut by W1 + W2, which is in)."
    );
}

#[test]
fn a_linked_undercut_acts_only_when_all_its_premises_are_in() {
    let e = eval("linked-undercut");
    // W1 + W2 undercut D -> S together; Q defeats W2, so the undercut fails.
    assert_eq!(label(&e, "W1"), Status::In);
    assert_eq!(label(&e, "W2"), Status::Out);
    assert_eq!(link_label(&e, "W1 + W2 -> D -> S"), Status::Out);
    assert_eq!(link_label(&e, "D -> S"), Status::In);
    assert_eq!(label(&e, "S"), Status::Out);
    assert_eq!(label(&e, "T"), Status::In);
    // Linked undercutters of an undercut: V1 + V2 defeat U's undercut of A -> T.
    assert_eq!(link_label(&e, "V1 + V2 -> U -> A -> T"), Status::In);
    assert_eq!(link_label(&e, "U -> A -> T"), Status::Out);
    assert_eq!(link_label(&e, "A -> T"), Status::In);
    // Without Q, both premises are in: the linked undercut holds and T is out.
    let mut m = map("linked-undercut");
    m.rebuttals.entries.shift_remove("Q");
    let g = ArgGraph::build(&m);
    let e = evaluate(&g, &Inferences::of(&g), all());
    assert_eq!(link_label(&e, "W1 + W2 -> D -> S"), Status::In);
    assert_eq!(link_label(&e, "D -> S"), Status::Out);
    assert_eq!(label(&e, "T"), Status::Out);
    assert_eq!(
        sets(&e, Preferred),
        vec![s(&["A", "D", "S", "U", "V1", "V2", "W1", "W2"])]
    );
}

#[test]
fn linked_attack_needs_every_premise() {
    let e = eval("linked-attack");
    assert_eq!(label(&e, "Q"), Status::Out);
    assert_eq!(label(&e, "P"), Status::In);
    assert_eq!(label(&e, "T"), Status::In, "the linked attack fails with Q");
    assert_eq!(label(&e, "U"), Status::Out);
    let l = e
        .links
        .iter()
        .find(|l| l.link == "P + Q -> T")
        .expect("linked inference");
    assert_eq!(l.grounded, Status::Out);
    assert!(
        said(&e)[0].contains("the attack P + Q -> T fails: Q is out"),
        "{}",
        said(&e)[0]
    );
}

#[test]
fn rejected_thesis_is_said_plainly() {
    let e = eval("rejected");
    assert_eq!(
        said(&e)[0],
        "Thesis T1 is rejected (out) under grounded semantics because R3 attacks it and R3 is unattacked."
    );
    assert_eq!(
        said(&e)[1],
        "Under preferred semantics thesis T1 is not accepted: it is not in the only preferred extension."
    );
}

#[test]
fn self_attack_cannot_be_written_so_it_is_no_attack() {
    // The map is an error for `check` (self-reference) and the edge is not made.
    argmap()
        .args(["check", "tests/fixtures/evaluate/self-attack.yaml"])
        .assert()
        .code(1)
        .stdout(predicates::str::contains("self-reference"));
    let e = eval("self-attack");
    assert_eq!(e.framework.attacks, 0);
    assert_eq!(label(&e, "A"), Status::In);
}

#[test]
fn grounded_is_in_every_complete_extension_of_the_fixtures() {
    for name in [
        "reinstatement",
        "odd-loop",
        "even-loop",
        "floating-reinstatement",
        "undercut-reinstates",
        "linked-attack",
        "rejected",
    ] {
        let e = eval(name);
        let grounded: Vec<&str> = e
            .nodes
            .iter()
            .filter(|n| n.grounded == Status::In)
            .map(|n| n.id.as_str())
            .collect();
        // Every semantics but grounded has results (all were asked), and each contains
        // the grounded extension.
        assert_eq!(e.extensions.len(), Semantics::ALL.len() - 1);
        for (_, x) in e.extensions.iter() {
            for ext in &x.extensions {
                for g in &grounded {
                    assert!(
                        ext.nodes.iter().any(|n| n == g),
                        "{name}: {g} missing from {:?}",
                        ext.nodes
                    );
                }
            }
        }
        // Every stable extension is preferred.
        let pref = sets(&e, Preferred);
        for st in sets(&e, Stable) {
            assert!(pref.contains(&st), "{name}: stable {st:?} not preferred");
        }
    }
}

#[test]
fn cli_text_and_json() {
    let out = argmap()
        .args([
            "evaluate",
            "tests/fixtures/evaluate/even-loop.yaml",
            "--semantics",
            "preferred",
        ])
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8(out.stdout).expect("utf-8");
    insta::assert_snapshot!("evaluate-even-loop-text", text);

    let out = argmap()
        .args([
            "evaluate",
            "tests/fixtures/evaluate/undercut-reinstates.yaml",
            "--format",
            "json",
            "--semantics",
            "all",
        ])
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(0));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert_eq!(v["theses"][0]["grounded"], "in");
    assert_eq!(v["nodes"][0]["id"], "T");
    assert_eq!(v["links"][0]["grounded"], "out");
    assert_eq!(v["preferred"]["complete"], true);
    insta::assert_snapshot!(
        "evaluate-undercut-json",
        String::from_utf8_lossy(&out.stdout)
    );
}

#[test]
fn cli_limit_stops_the_search() {
    let out = argmap()
        .args([
            "evaluate",
            "tests/fixtures/evaluate/even-loop.yaml",
            "--semantics",
            "complete",
            "--limit",
            "1",
            "--format",
            "json",
        ])
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(0));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert_eq!(v["complete"]["complete"], false);
    assert_eq!(v["complete"]["stopped_after"], 2);
}

#[test]
fn cli_writes_to_a_file_and_fails_cleanly() {
    let dir = tempfile::tempdir().expect("tempdir");
    let out = dir.path().join("e.json");
    argmap()
        .args([
            "evaluate",
            "maps/permanent-revolution.yaml",
            "--format",
            "json",
            "-o",
        ])
        .arg(&out)
        .assert()
        .code(0);
    let v: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&out).expect("written")).expect("JSON");
    assert_eq!(v["theses"][0]["id"], "T1");
    argmap()
        .args(["evaluate", "tests/fixtures/rules/yaml-syntax.yaml"])
        .assert()
        .code(1);
    argmap()
        .args(["evaluate", "no/such/map.yaml"])
        .assert()
        .code(2);
}

// ---------------------------------------------------------------------------------
// Properties of the encoding on random maps.

use proptest::prelude::*;

/// A random map of `n` claims: attacks, supports, undercuts of existing links, `with`.
fn random_map() -> impl Strategy<Value = String> {
    (2usize..7)
        .prop_flat_map(|n| {
            (
                Just(n),
                prop::collection::vec((0..n, 0..n, any::<bool>()), 0..12),
                prop::collection::vec((0..n, 0usize..12), 0..4),
                prop::collection::vec((0..n, 0..n), 0..3),
                // Undercuts of undercuts: (who, which undercut above).
                prop::collection::vec((0..n, 0usize..4), 0..3),
            )
        })
        .prop_map(|(n, links, undercuts, with, nested)| {
            let links: Vec<(usize, usize, bool)> =
                links.into_iter().filter(|(a, b, _)| a != b).collect();
            let mut out = String::from("id: random\nclaims:\n");
            for i in 0..n {
                out.push_str(&format!("  N{i}:\n    text: Claim {i}.\n"));
                if i == 0 {
                    out.push_str("    thesis: true\n");
                }
                let targets = |attack: bool| -> Vec<String> {
                    links
                        .iter()
                        .filter(|(a, _, k)| *a == i && *k == attack)
                        .map(|(_, b, _)| format!("N{b}"))
                        .collect()
                };
                out.push_str(&format!("    attacks: [{}]\n", targets(true).join(", ")));
                out.push_str(&format!("    supports: [{}]\n", targets(false).join(", ")));
                let mut u: Vec<String> = undercuts
                    .iter()
                    .filter(|(who, _)| *who == i)
                    .filter_map(|(_, l)| links.get(*l))
                    .map(|(a, b, _)| format!("\"N{a} -> N{b}\""))
                    .collect();
                u.extend(
                    (nested.iter())
                        .filter(|(who, _)| *who == i)
                        .filter_map(|(_, k)| undercuts.get(*k))
                        .filter_map(|(v, l)| links.get(*l).map(|(a, b, _)| (v, a, b)))
                        .map(|(v, a, b)| format!("\"N{v} -> N{a} -> N{b}\"")),
                );
                out.push_str(&format!("    undercuts: [{}]\n", u.join(", ")));
                let w: Vec<String> = with
                    .iter()
                    .filter(|(a, b)| *a == i && a != b)
                    .map(|(_, b)| format!("N{b}"))
                    .collect();
                out.push_str(&format!("    with: [{}]\n", w.join(", ")));
            }
            out
        })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 128, ..ProptestConfig::default() })]

    /// Grounded is contained in every complete, preferred and stable extension; every
    /// stable extension is preferred; the grounded labels are consistent with the
    /// attacks: a node is in iff every attack on it is out.
    #[test]
    fn encoding_respects_the_semantics(yaml in random_map()) {
        let m = parse_map(&yaml).expect("generated map parses");
        let g = ArgGraph::build(&m);
        let e = evaluate(&g, &Inferences::of(&g), all());
        let grounded: Vec<&str> = e.nodes.iter().filter(|n| n.grounded == Status::In).map(|n| n.id.as_str()).collect();
        for (_, x) in e.extensions.iter() {
            for ext in &x.extensions {
                for id in &grounded {
                    prop_assert!(ext.nodes.iter().any(|n| n == id), "{} missing from {:?}", id, ext.nodes);
                }
            }
        }
        let pref = sets(&e, Preferred);
        for st in sets(&e, Stable) {
            prop_assert!(pref.contains(&st));
        }
        prop_assert!(!sets(&e, Preferred).is_empty(), "there is always a preferred extension");
        // The thesis gets one statement per semantics asked that reports acceptance
        // (preferred and stable today), after the grounded one.
        prop_assert_eq!(e.theses.len(), 1);
        let accepting = Semantics::ALL.iter().filter(|s| s.reports_acceptance()).count();
        prop_assert_eq!(said(&e).len(), 1 + accepting);
    }

    /// Without undercuts and linked premises the framework is the attack graph itself.
    #[test]
    fn plain_attacks_are_the_framework(yaml in random_map()) {
        let m = parse_map(&yaml).expect("generated map parses");
        let mut m = m;
        for (_, n) in m.claims.entries.iter_mut() {
            if let Some(more) = n.more.as_mut() {
                more.undercuts.clear();
                more.with.clear();
            }
        }
        let g = ArgGraph::build(&m);
        let e = evaluate(&g, &Inferences::of(&g), Request::default());
        let mut pairs: Vec<(String, String)> = Vec::new();
        for (id, n) in m.claims.iter() {
            for t in &n.attacks {
                pairs.push((id.to_string(), t.to_string()));
            }
        }
        pairs.sort();
        pairs.dedup();
        prop_assert_eq!(e.framework.arguments, m.claims.len());
        prop_assert_eq!(e.framework.attacks, pairs.len());
        // Grounded by hand: iterate "in if every attacker is out, out if some attacker is in".
        let ids: Vec<String> = m.claims.iter().map(|(id, _)| id.to_string()).collect();
        let mut label: std::collections::HashMap<String, Status> = ids.iter().map(|i| (i.clone(), Status::Undecided)).collect();
        loop {
            let mut changed = false;
            for id in &ids {
                if label[id] != Status::Undecided {
                    continue;
                }
                let attackers: Vec<&String> = pairs.iter().filter(|(_, t)| t == id).map(|(a, _)| a).collect();
                let new = if attackers.iter().all(|a| label[*a] == Status::Out) {
                    Status::In
                } else if attackers.iter().any(|a| label[*a] == Status::In) {
                    Status::Out
                } else {
                    continue;
                };
                label.insert(id.clone(), new);
                changed = true;
            }
            if !changed {
                break;
            }
        }
        for n in &e.nodes {
            prop_assert_eq!(n.grounded, label[n.id.as_str()], "{}", n.id);
        }
    }
}

#[test]
fn evaluate_says_the_limit_stopped_the_search() {
    let out = argmap()
        .args(["evaluate", "tests/fixtures/evaluate/even-loop.yaml"])
        .args(["--semantics", "preferred", "--limit", "1"])
        .output()
        .expect("runs");
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains("the status of thesis A is unknown: the search stopped after finding 2 extensions, more than --limit 1 (raise --limit to list them)."),
        "{text}"
    );
    assert!(
        text.contains("preferred extensions: the search stopped after finding 2 extensions, more than --limit 1 (raise --limit to list them); none listed"),
        "{text}"
    );
    // A stopped search does not claim there are no extensions.
    assert!(!text.contains("preferred extensions (0)"), "{text}");
    let json = argmap()
        .args(["evaluate", "tests/fixtures/evaluate/even-loop.yaml"])
        .args([
            "--semantics",
            "preferred",
            "--limit",
            "1",
            "--format",
            "json",
        ])
        .output()
        .expect("runs");
    let v: serde_json::Value = serde_json::from_slice(&json.stdout).expect("JSON");
    assert_eq!(v["preferred"]["stopped_by"], "limit");
    assert_eq!(v["preferred"]["limit"], 1);
}

#[test]
fn evaluate_says_the_step_budget_not_the_limit_stopped_the_search() {
    // 20 independent even loops: 3^20 complete extensions, far beyond the step budget,
    // with a limit that is never reached.
    let args = [
        "evaluate",
        "tests/fixtures/evaluate/many-loops.yaml",
        "--semantics",
        "complete",
        "--limit",
        "100000000",
    ];
    let out = argmap().args(args).output().expect("runs");
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains("complete extensions: the search ran out of its step budget (100000000 steps) after finding"),
        "{text}"
    );
    assert!(
        text.contains("raising --limit does not help; none listed"),
        "{text}"
    );
    assert!(!text.contains("(raise --limit"), "{text}");
    let json = argmap()
        .args(args)
        .args(["--format", "json"])
        .output()
        .expect("runs");
    let v: serde_json::Value = serde_json::from_slice(&json.stdout).expect("JSON");
    assert_eq!(v["complete"]["complete"], false);
    assert_eq!(v["complete"]["stopped_by"], "step-budget");
}

#[test]
fn evaluate_wording_agrees_in_number_and_explains_auxiliary() {
    let run = |name: &str| {
        let out = argmap()
            .args(["evaluate", &format!("tests/fixtures/evaluate/{name}.yaml")])
            .args(["--semantics", "all"])
            .output()
            .expect("runs");
        String::from_utf8_lossy(&out.stdout).into_owned()
    };
    let rejected = run("rejected");
    assert!(
        rejected.contains("thesis T1 is not accepted: it is not in the only preferred extension."),
        "{rejected}"
    );
    assert!(!rejected.contains("of the 1 extension"), "{rejected}");
    let floating = run("floating-reinstatement");
    assert!(
        floating.contains("thesis D is sceptically accepted: it is in both preferred extensions."),
        "{floating}"
    );
    let undercut = run("undercut-reinstates");
    assert!(
        undercut.contains("framework: 9 arguments (5 nodes, 2 inferences, 2 auxiliary), 7 attacks\n  (auxiliary: one per premise of an undercut or linked inference, \"this premise is not accepted\""),
        "{undercut}"
    );
}

#[test]
fn the_reasons_are_data_keyed_by_semantics() {
    let node = |id: &str| Arg::Node { id: id.into() };
    // Reinstatement: C's attacker B is out, attacked by A.
    let e = eval("reinstatement");
    assert_eq!(
        e.theses[0].reasons.grounded,
        GroundedReason::EveryAttackFails {
            attacks: vec![FailedAttack::AttackerOut {
                attacker: "B".into(),
                by: Some(node("A")),
            }]
        }
    );
    // Even loop: A is on a cycle with B; in one of the two preferred extensions.
    let e = eval("even-loop");
    let t = &e.theses[0].reasons;
    assert_eq!(
        t.grounded,
        GroundedReason::OnCycle {
            with: vec![node("B")]
        }
    );
    assert_eq!(
        t.standing.get(Preferred),
        Some(&Standing::InSome { count: 1, total: 2 })
    );
    assert_eq!(
        t.standing.get(Complete),
        None,
        "complete semantics reports no acceptance"
    );
    // Odd loop: no stable extension.
    let e = eval("odd-loop");
    assert_eq!(
        e.theses[0].reasons.standing.get(Stable),
        Some(&Standing::NoExtension)
    );
    // Floating reinstatement: D depends on the cycle of A and B through C.
    let e = eval("floating-reinstatement");
    assert_eq!(
        e.theses[0].reasons.grounded,
        GroundedReason::DependsOnCycle {
            attacker: node("C"),
            cycle: vec![node("A"), node("B")],
        }
    );
    // The order of results follows the table, whatever order was asked.
    let m = map("even-loop");
    let g = ArgGraph::build(&m);
    let e = evaluate(
        &g,
        &Inferences::of(&g),
        Request {
            semantics: vec![Stable, Complete, Stable],
            limit: 1,
        },
    );
    let keys: Vec<Semantics> = e.extensions.keys().collect();
    assert_eq!(keys, vec![Complete, Stable]);
    assert_eq!(
        e.theses[0].reasons.standing.get(Stable),
        Some(&Standing::SearchStopped {
            found: 2,
            by: argmap::analyse::semantics::StoppedBy::Limit,
            limit: 1
        })
    );
}

#[test]
fn json_gives_the_reasons_and_the_statements() {
    let out = argmap()
        .args([
            "evaluate",
            "tests/fixtures/evaluate/floating-reinstatement.yaml",
        ])
        .args(["--semantics", "all", "--format", "json"])
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(0));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    let t = &v["theses"][0];
    assert_eq!(t["reasons"]["grounded"]["reason"], "depends-on-cycle");
    assert_eq!(t["reasons"]["grounded"]["attacker"]["id"], "C");
    assert_eq!(t["reasons"]["grounded"]["cycle"][1]["id"], "B");
    assert_eq!(t["reasons"]["preferred"]["reason"], "in-all");
    assert_eq!(t["reasons"]["preferred"]["total"], 2);
    assert!(t["reasons"].get("complete").is_none());
    assert_eq!(t["statements"].as_array().map(Vec::len), Some(3));
    for key in ["complete", "preferred", "stable"] {
        assert_eq!(v[key]["complete"], true, "{key}");
    }
    assert!(v.get("grounded").is_none(), "grounded is the labelling");
}

#[test]
fn semantics_values_and_help_come_from_the_table() {
    let help = argmap()
        .args(["evaluate", "--help"])
        .output()
        .expect("runs");
    let help = String::from_utf8_lossy(&help.stdout);
    for s in Semantics::ALL {
        assert!(help.contains(s.name()), "{help}");
        assert!(help.contains(s.description()), "{help}");
    }
    argmap()
        .args(["evaluate", "tests/fixtures/evaluate/even-loop.yaml"])
        .args(["--semantics", "ideal"])
        .assert()
        .code(2)
        .stderr(predicates::str::contains("possible values"));
}
