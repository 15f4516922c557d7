use super::*;
use crate::parse::load::parse_map;
use std::collections::HashSet;

#[test]
fn the_catalogue_parses_and_every_id_is_unique() {
    let c = catalogue();
    assert!(c.len() >= 12, "{} schemes", c.len());
    let mut schemes = HashSet::new();
    let mut questions = HashSet::new();
    let mut aif = HashSet::new();
    for s in c {
        assert!(schemes.insert(s.id.as_str()), "scheme {} twice", s.id);
        assert!(valid_node_id(&s.id), "{}", s.id);
        assert!(!s.title.is_empty() && !s.conclusion.is_empty(), "{}", s.id);
        assert!(!s.premises.is_empty(), "{} has no premise", s.id);
        assert!(!s.questions.is_empty(), "{} has no question", s.id);
        if let Some(a) = &s.aif {
            assert!(aif.insert(aif_key(a)), "AIF name {a} twice");
        }
        for q in &s.questions {
            assert!(q.id.starts_with("CQ-"), "{}", q.id);
            assert!(valid_node_id(&q.id), "{}", q.id);
            assert!(questions.insert(q.id.as_str()), "question {} twice", q.id);
            assert!(q.text.ends_with('?'), "{}: {}", q.id, q.text);
        }
    }
    for wanted in [
        "expert-opinion",
        "position-to-know",
        "analogy",
        "cause-to-effect",
        "correlation-to-cause",
        "sign",
        "example",
        "popular-opinion",
        "positive-consequences",
        "verbal-classification",
        "commitment",
        "precedent",
    ] {
        assert!(builtin(wanted).is_some(), "{wanted}");
    }
}

#[test]
fn aif_names_map_to_the_catalogue_and_back() {
    for s in catalogue() {
        let name = s
            .aif
            .as_deref()
            .expect("every built-in scheme has its AIF name");
        assert_eq!(from_aif(name).map(|x| &x.id), Some(&s.id));
        assert_eq!(from_aif(&s.id).map(|x| &x.id), Some(&s.id));
    }
    assert_eq!(
        from_aif("Argument From Position To Know").map(|s| s.id.as_str()),
        Some("position-to-know")
    );
    assert!(from_aif("Default Inference").is_none());
}

#[test]
fn schemes_apply_by_link_then_by_premise_and_answers_close_questions() {
    let map = parse_map(
        r#"id: m
claims:
  T: {text: t}
  C: {text: c, supports: [T]}
evidence:
  E: {text: e, supports: [T, C], scheme: expert-opinion}
rebuttals:
  R: {text: r, undercuts: ["E -> T"], answers: CQ-field}
  S: {text: s, attacks: [E], answers: CQ-trustworthiness}
  X: {text: x, attacks: [C], answers: CQ-nothing}
schemes:
  "E -> C": analogy
"#,
    )
    .expect("parses");
    let g = ArgGraph::build(&map);
    let inf = Inferences::of(&g);
    let s = MapSchemes::of(&g, &inf);
    let named: Vec<(String, Option<&str>)> = inf
        .list
        .iter()
        .zip(&s.applied)
        .map(|(i, a)| (i.name(&g), a.map(|a| a.name)))
        .collect();
    assert_eq!(
        named,
        [
            ("C -> T".to_string(), None),
            ("E -> T".to_string(), Some("expert-opinion")),
            ("E -> C".to_string(), Some("analogy")),
            ("X -> C".to_string(), None),
            ("S -> E".to_string(), None),
            // The undercut is an inference too, and has no scheme.
            ("R -> E -> T".to_string(), None),
        ]
    );
    let open: Vec<&str> = s.open(1, &inf).into_iter().map(|(q, _)| q).collect();
    assert_eq!(
        open,
        [
            "CQ-expertise",
            "CQ-opinion",
            "CQ-consistency",
            "CQ-backup-evidence"
        ]
    );
    // X attacks C, the premise of `E -> C` (analogy), which has no CQ-nothing.
    assert!(matches!(
        &s.problems[..],
        [Problem::NotAQuestion { question: "CQ-nothing", offered, .. }] if offered.len() == 3
    ));
}

#[test]
fn answers_on_a_hub_are_recorded_once_per_node_and_close_every_argument_around_it() {
    // n arguments for T, each an expert's opinion, and n rebuttals of T that each answer
    // CQ-consistency: checked through the indexes, not by walking the n arguments for
    // each of the n rebuttals.
    let n = 300;
    let mut y = String::from("id: m\nclaims:\n  T: {text: t}\nevidence:\n");
    for i in 0..n {
        y.push_str(&format!(
            "  E{i}: {{text: e, supports: [T], scheme: expert-opinion}}\n"
        ));
    }
    y.push_str("rebuttals:\n");
    for i in 0..n {
        y.push_str(&format!(
            "  R{i}: {{text: r, attacks: [T], answers: CQ-consistency}}\n"
        ));
    }
    y.push_str("  X: {text: x, attacks: [T], answers: CQ-in-position}\n");
    let map = parse_map(&y).expect("parses");
    let g = ArgGraph::build(&map);
    let inf = Inferences::of(&g);
    let s = MapSchemes::of(&g, &inf);
    assert_eq!(s.answered_at.len(), 1);
    for (i, a) in inf.list.iter().enumerate() {
        if a.kind == crate::analyse::inference::LinkKind::Supports {
            assert_eq!(s.open(i, &inf).len(), 5, "{}", a.name(&g));
        }
    }
    assert!(matches!(
        &s.problems[..],
        [Problem::NotAQuestion { question: "CQ-in-position", offered, .. }] if offered.len() == 6
    ));
}
