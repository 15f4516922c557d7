//! Unit tests of the encoding, the reasons and the keyed results, on small maps written
//! inline.

use super::*;
use crate::analyse::inference::Inferences;
use crate::parse::load::parse_map;
use crate::parse::Map;

fn map(yaml: &str) -> Map {
    parse_map(yaml).expect("test map parses")
}

fn run(yaml: &str, request: Request) -> Evaluation {
    let m = map(yaml);
    let g = ArgGraph::build(&m);
    evaluate(&g, &Inferences::of(&g), request)
}

fn node(id: &str) -> Arg {
    Arg::Node { id: id.into() }
}

const CHAIN: &str = "id: chain
claims:
  T: {text: The thesis., thesis: true}
  B: {text: Attacks T., attacks: [T]}
  A: {text: Attacks B., attacks: [B]}
";

const LINKED: &str = "id: linked
claims:
  T: {text: The thesis., thesis: true}
  P: {text: First premise., attacks: [T], with: [Q]}
  Q: {text: Second premise., attacks: [T]}
";

const UNDERCUT: &str = "id: undercut
claims:
  T: {text: The thesis., thesis: true}
  S: {text: Attacks T., attacks: [T]}
rebuttals:
  R: {text: Undercuts S -> T., undercuts: ['S -> T']}
";

#[test]
fn plain_attacks_are_edges_of_the_framework() {
    let m = map(CHAIN);
    let g = ArgGraph::build(&m);
    let inf = Inferences::of(&g);
    let enc = Encoding::of(&g, &inf);
    assert_eq!(enc.framework.len(), 3);
    assert_eq!(enc.framework.attack_count(), 2);
    assert!(enc.inferences.is_empty(), "nothing is flattened");
    assert_eq!(enc.of_node.len(), 3);
}

#[test]
fn a_linked_attack_is_flattened_with_one_auxiliary_per_premise() {
    let m = map(LINKED);
    let g = ArgGraph::build(&m);
    let inf = Inferences::of(&g);
    let enc = Encoding::of(&g, &inf);
    // T, P, Q; the inference Y; X_P and X_Q.
    assert_eq!(enc.framework.len(), 6);
    // P → X_P → Y, Q → X_Q → Y, Y → T.
    assert_eq!(enc.framework.attack_count(), 5);
    assert_eq!(enc.inferences.len(), 1);
    let y = enc.of_inference[0];
    assert_eq!(enc.name(&g, y), "P + Q -> T");
    let aux: Vec<String> = (0..enc.framework.len())
        .filter(|&a| matches!(enc.arguments[a], Argument::NotPremise { .. }))
        .map(|a| enc.name(&g, a))
        .collect();
    assert_eq!(aux, ["not P (in P + Q -> T)", "not Q (in P + Q -> T)"]);
    // Both premises are in, so the attack holds and T is out.
    let e = evaluate(&g, &inf, Request::default());
    assert_eq!(e.theses[0].grounded, Status::Out);
    assert_eq!(
        e.theses[0].reasons.grounded,
        GroundedReason::Attacked {
            by: Some(WinningAttack::InferenceHolds {
                link: "P + Q -> T".into(),
                premises: vec!["P".into(), "Q".into()],
                undercutters: vec![],
                failed_undercuts: vec![],
            })
        }
    );
}

#[test]
fn an_undercut_defeats_the_attack_not_its_premise() {
    let e = run(UNDERCUT, Request::default());
    let label = |id: &str| e.nodes.iter().find(|n| n.id == id).expect(id).grounded;
    assert_eq!(label("S"), Status::In);
    assert_eq!(label("T"), Status::In);
    assert_eq!(e.links[0].grounded, Status::Out);
    assert_eq!(e.links[0].undercut_by, ["R"]);
    assert_eq!(
        e.theses[0].reasons.grounded,
        GroundedReason::EveryAttackFails {
            attacks: vec![FailedAttack::Undercut {
                link: "S -> T".into(),
                by: "R".into()
            }]
        }
    );
}

#[test]
fn grounded_reasons_name_the_deciding_attack() {
    let e = run(CHAIN, Request::default());
    assert_eq!(
        e.theses[0].reasons.grounded,
        GroundedReason::EveryAttackFails {
            attacks: vec![FailedAttack::AttackerOut {
                attacker: "B".into(),
                by: Some(node("A"))
            }]
        }
    );
    // Remove A: B is unattacked and rejects T.
    let e = run(
        "id: c\nclaims:\n  T: {text: T., thesis: true}\n  B: {text: B., attacks: [T]}\n",
        Request::default(),
    );
    assert_eq!(
        e.theses[0].reasons.grounded,
        GroundedReason::Attacked {
            by: Some(WinningAttack::UnattackedAttacker {
                attacker: "B".into()
            })
        }
    );
    // Nothing attacks a lone thesis.
    let e = run(
        "id: c\nclaims:\n  T: {text: T., thesis: true}\n",
        Request::default(),
    );
    assert_eq!(e.theses[0].reasons.grounded, GroundedReason::Unattacked);
}

#[test]
fn a_rejected_attacker_that_is_itself_defended_is_accepted() {
    // C attacks T; B attacks C; A attacks B: C is in because its attack fails.
    let e = run(
        "id: c\nclaims:\n  T: {text: T., thesis: true}\n  C: {text: C., attacks: [T]}\n  B: {text: B., attacks: [C]}\n  A: {text: A., attacks: [B]}\n",
        Request::default(),
    );
    assert_eq!(
        e.theses[0].reasons.grounded,
        GroundedReason::Attacked {
            by: Some(WinningAttack::AcceptedAttacker {
                attacker: "C".into()
            })
        }
    );
}

#[test]
fn undecided_reasons_name_the_cycle() {
    let cycle = "id: c\nclaims:\n  T: {text: T., thesis: true, attacks: [B]}\n  B: {text: B., attacks: [T]}\n";
    let e = run(cycle, Request::default());
    assert_eq!(
        e.theses[0].reasons.grounded,
        GroundedReason::OnCycle {
            with: vec![node("B")]
        }
    );
    // T attacked by C, which is attacked from the A ⇄ B loop.
    let behind = "id: c\nclaims:\n  T: {text: T., thesis: true}\n  C: {text: C., attacks: [T]}\n  A: {text: A., attacks: [B, C]}\n  B: {text: B., attacks: [A]}\n";
    let e = run(behind, Request::default());
    assert_eq!(
        e.theses[0].reasons.grounded,
        GroundedReason::DependsOnCycle {
            attacker: node("C"),
            cycle: vec![node("A"), node("B")]
        }
    );
}

#[test]
fn a_linked_attacker_behind_a_cycle_is_named_by_its_link() {
    // P + Q attack T; P is on the loop P ⇄ Z: the attack (not undercut) is undecided.
    let yaml = "id: c\nclaims:\n  T: {text: T., thesis: true}\n  P: {text: P., attacks: [T, Z], with: [Q]}\n  Q: {text: Q., attacks: [T]}\n  Z: {text: Z., attacks: [P]}\n";
    let e = run(yaml, Request::default());
    assert_eq!(e.theses[0].grounded, Status::Undecided);
    assert_eq!(
        e.theses[0].reasons.grounded,
        GroundedReason::DependsOnCycle {
            attacker: Arg::Link {
                link: "P + Q -> T".into(),
                undercut: false
            },
            cycle: vec![node("P"), node("Z")]
        }
    );
}

#[test]
fn standing_counts_the_extensions() {
    let found: Found = Ok(vec![vec![0, 1], vec![1, 2]]);
    assert_eq!(Standing::of(&found, 1, 9), Standing::InAll { total: 2 });
    assert_eq!(
        Standing::of(&found, 0, 9),
        Standing::InSome { count: 1, total: 2 }
    );
    assert_eq!(Standing::of(&found, 3, 9), Standing::InNone { total: 2 });
    assert_eq!(Standing::of(&Ok(vec![]), 0, 9), Standing::NoExtension);
    let stopped: Found = Err(crate::analyse::semantics::TooMany {
        found: 10,
        stopped_by: StoppedBy::Limit,
    });
    assert_eq!(
        Standing::of(&stopped, 0, 9),
        Standing::SearchStopped {
            found: 10,
            by: StoppedBy::Limit,
            limit: 9
        }
    );
}

#[test]
fn results_are_keyed_by_semantics_in_table_order() {
    let even = "id: c\nclaims:\n  T: {text: T., thesis: true, attacks: [B]}\n  B: {text: B., attacks: [T]}\n";
    let e = run(
        even,
        Request {
            semantics: vec![Semantics::Stable, Semantics::Grounded, Semantics::Complete],
            limit: 100,
        },
    );
    let keys: Vec<Semantics> = e.extensions.keys().collect();
    assert_eq!(keys, [Semantics::Complete, Semantics::Stable]);
    assert_eq!(
        e.extensions
            .get(Semantics::Complete)
            .map(|x| x.extensions.len()),
        Some(3)
    );
    // Acceptance only where the table says so, for nodes and thesis alike.
    let t = &e.nodes[0];
    assert_eq!(t.acceptance.keys().collect::<Vec<_>>(), [Semantics::Stable]);
    assert_eq!(
        t.acceptance.get(Semantics::Stable),
        Some(&Acceptance {
            credulous: true,
            sceptical: false
        })
    );
    assert_eq!(
        e.theses[0].reasons.standing.get(Semantics::Stable),
        Some(&Standing::InSome { count: 1, total: 2 })
    );
    // Every semantics: each has a result but the grounded labelling.
    let e = run(even, Request::all(100));
    assert_eq!(e.extensions.len(), Semantics::ALL.len() - 1);
    assert!(!e.extensions.contains(Semantics::Grounded));
}

#[test]
fn a_stopped_search_reports_no_acceptance() {
    let even = "id: c\nclaims:\n  T: {text: T., thesis: true, attacks: [B]}\n  B: {text: B., attacks: [T]}\n";
    let e = run(
        even,
        Request {
            semantics: vec![Semantics::Preferred],
            limit: 1,
        },
    );
    let x = e.extensions.get(Semantics::Preferred).expect("computed");
    assert!(!x.complete);
    assert_eq!(x.stopped_after, Some(2));
    assert_eq!(x.stopped_by, Some(StoppedBy::Limit));
    assert!(e.nodes[0].acceptance.is_empty());
}
