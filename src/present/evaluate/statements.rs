//! The plain statements about a thesis, written from the reasons the evaluation gives
//! ([`GroundedReason`], [`Standing`]): one sentence per semantics, grounded first.

use crate::analyse::evaluate::{
    Arg, FailedAttack, GroundedReason, Standing, ThesisVerdict, WinningAttack,
};
use crate::analyse::semantics::{Semantics, StoppedBy, DEFAULT_STEP_BUDGET};
use crate::parse::model::Id;
use crate::present::plural;

/// One sentence per semantics computed for thesis `t`: grounded first, then each
/// semantics that reports acceptance.
pub fn statements(t: &ThesisVerdict) -> Vec<String> {
    let mut out = vec![grounded(&t.id, &t.reasons.grounded)];
    for (s, standing) in t.reasons.standing.iter() {
        out.push(standing_sentence(&t.id, s, standing));
    }
    out
}

/// Why an extension search stopped, in words: `the search stopped after finding 2
/// extensions, more than --limit 1 (raise --limit to list them)`, or that its step budget
/// ran out (which a larger limit does not change).
pub fn stopped_by_words(found: usize, stopped_by: StoppedBy, limit: usize) -> String {
    match stopped_by {
        StoppedBy::Limit => format!(
            "the search stopped after finding {found} extension{}, more than --limit {limit} (raise --limit to list them)",
            plural(found)
        ),
        StoppedBy::StepBudget => format!(
            "the search ran out of its step budget ({DEFAULT_STEP_BUDGET} steps) after finding {found} extension{}; the framework is too hard to enumerate, and raising --limit does not help",
            plural(found)
        ),
    }
}

/// "is" or "are", agreeing with a list of `n`.
fn is_are(n: usize) -> &'static str {
    if n == 1 {
        "is"
    } else {
        "are"
    }
}

/// Joins names as "A", "A and B", "A, B and C".
fn and_list<S: AsRef<str>>(items: &[S]) -> String {
    match items {
        [] => String::new(),
        [a] => a.as_ref().to_string(),
        [rest @ .., last] => {
            let rest: Vec<&str> = rest.iter().map(AsRef::as_ref).collect();
            format!("{} and {}", rest.join(", "), last.as_ref())
        }
    }
}

/// An argument on a cycle, or an attacker: a node by its id, an undercut link as "the
/// link A -> B", an attack by linked premises by its name.
fn arg(a: &Arg) -> String {
    match a {
        Arg::Node { id } => id.to_string(),
        Arg::Link {
            link,
            undercut: true,
        } => format!("the link {link}"),
        Arg::Link {
            link,
            undercut: false,
        } => link.clone(),
    }
}

fn args(items: &[Arg]) -> String {
    and_list(&items.iter().map(arg).collect::<Vec<_>>())
}

/// The statement about thesis `id` under grounded semantics.
fn grounded(id: &str, why: &GroundedReason) -> String {
    match why {
        GroundedReason::Unattacked => {
            format!("Thesis {id} is accepted (in) under grounded semantics: nothing attacks it.")
        }
        GroundedReason::EveryAttackFails { attacks } => {
            let reasons: Vec<String> = attacks.iter().map(failed).collect();
            format!(
                "Thesis {id} is accepted (in) under grounded semantics: every attack on it fails ({}).",
                reasons.join("; ")
            )
        }
        GroundedReason::Attacked { by } => format!(
            "Thesis {id} is rejected (out) under grounded semantics because {}.",
            by.as_ref().map(winning).unwrap_or_default()
        ),
        GroundedReason::SelfAttack => undecided(id, "it attacks itself"),
        GroundedReason::OnCycle { with } => undecided(
            id,
            &format!("it lies on an attack cycle with {}", args(with)),
        ),
        GroundedReason::DependsOnCycle { attacker, cycle } => undecided(
            id,
            &format!(
                "its attacker {} is undecided, because it depends on the attack cycle of {}",
                arg(attacker),
                args(cycle)
            ),
        ),
        GroundedReason::UndecidedAttacker => undecided(id, "an undecided argument attacks it"),
    }
}

fn undecided(id: &str, why: &str) -> String {
    format!("Thesis {id} is undecided under grounded semantics: {why}.")
}

/// Why one attack on an accepted thesis fails.
fn failed(f: &FailedAttack) -> String {
    match f {
        FailedAttack::Undercut { link, by } => {
            format!("the attack {link} is undercut by {by}, which is in")
        }
        FailedAttack::PremisesOut { link, premises } => format!(
            "the attack {link} fails: {} {} out",
            and_list(premises),
            is_are(premises.len())
        ),
        FailedAttack::AttackerOut { attacker, by } => match by {
            Some(Arg::Node { id }) => format!("{attacker} is out (attacked by {id}, which is in)"),
            Some(Arg::Link { link, .. }) => format!("{attacker} is out (the attack {link} holds)"),
            None => format!("{attacker} is out"),
        },
    }
}

/// The attack that rejects a thesis.
fn winning(w: &WinningAttack) -> String {
    match w {
        WinningAttack::InferenceHolds {
            link,
            premises,
            undercutters,
            failed_undercuts,
        } => {
            let mut undercut = if undercutters.is_empty() && failed_undercuts.is_empty() {
                "nothing undercuts it".to_string()
            } else if undercutters.is_empty() {
                String::new()
            } else {
                format!(
                    "its undercutter{} {} {} out",
                    plural(undercutters.len()),
                    and_list(undercutters),
                    is_are(undercutters.len())
                )
            };
            if !failed_undercuts.is_empty() {
                if !undercut.is_empty() {
                    undercut.push_str(" and ");
                }
                undercut.push_str(&format!(
                    "the undercut{} {} fail{}",
                    plural(failed_undercuts.len()),
                    and_list(failed_undercuts),
                    if failed_undercuts.len() == 1 { "s" } else { "" }
                ));
            }
            format!(
                "the attack {link} holds: {} {} in and {undercut}",
                and_list(premises),
                is_are(premises.len())
            )
        }
        WinningAttack::UnattackedAttacker { attacker } => {
            format!("{attacker} attacks it and {attacker} is unattacked")
        }
        WinningAttack::AcceptedAttacker { attacker } => format!(
            "{attacker} attacks it and {attacker} is accepted (in): every attack on {attacker} fails"
        ),
    }
}

/// "Under preferred semantics thesis T1 is ..." from its standing.
fn standing_sentence(id: &Id, s: Semantics, standing: &Standing) -> String {
    let name = s.name();
    match *standing {
        Standing::SearchStopped { found, by, limit } => format!(
            "Under {name} semantics the status of thesis {id} is unknown: {}.",
            stopped_by_words(found, by, limit)
        ),
        Standing::NoExtension => format!(
            "Under {name} semantics there is no extension, so thesis {id} is not credulously accepted (and only vacuously sceptically accepted)."
        ),
        Standing::InAll { total } => {
            let all = match total {
                1 => format!("the only {name} extension"),
                2 => format!("both {name} extensions"),
                n => format!("all {n} {name} extensions"),
            };
            format!("Under {name} semantics thesis {id} is sceptically accepted: it is in {all}.")
        }
        Standing::InSome { count, total } => format!(
            "Under {name} semantics thesis {id} is credulously but not sceptically accepted: it is in {count} of the {total} {name} extensions."
        ),
        Standing::InNone { total: 1 } => format!(
            "Under {name} semantics thesis {id} is not accepted: it is not in the only {name} extension."
        ),
        Standing::InNone { total } => format!(
            "Under {name} semantics thesis {id} is not accepted: it is in none of the {total} {name} extensions."
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn link(name: &str, undercut: bool) -> Arg {
        Arg::Link {
            link: name.into(),
            undercut,
        }
    }

    #[test]
    fn grounded_sentences() {
        let cycle = GroundedReason::OnCycle {
            with: vec![
                Arg::Node { id: "B".into() },
                link("C -> A", true),
                Arg::Node { id: "D".into() },
            ],
        };
        assert_eq!(
            grounded("A", &cycle),
            "Thesis A is undecided under grounded semantics: it lies on an attack cycle with B, the link C -> A and D."
        );
        let behind = GroundedReason::DependsOnCycle {
            attacker: link("P + Q -> T", false),
            cycle: vec![Arg::Node { id: "P".into() }],
        };
        assert_eq!(
            grounded("T", &behind),
            "Thesis T is undecided under grounded semantics: its attacker P + Q -> T is undecided, because it depends on the attack cycle of P."
        );
        let holds = GroundedReason::Attacked {
            by: Some(WinningAttack::InferenceHolds {
                link: "P + Q -> T".into(),
                premises: vec!["P".into(), "Q".into()],
                undercutters: vec!["U".into()],
                failed_undercuts: vec![],
            }),
        };
        assert_eq!(
            grounded("T", &holds),
            "Thesis T is rejected (out) under grounded semantics because the attack P + Q -> T holds: P and Q are in and its undercutter U is out."
        );
        let fails = GroundedReason::EveryAttackFails {
            attacks: vec![
                FailedAttack::PremisesOut {
                    link: "P + Q -> T".into(),
                    premises: vec!["Q".into()],
                },
                FailedAttack::AttackerOut {
                    attacker: "B".into(),
                    by: Some(link("S -> B", true)),
                },
            ],
        };
        assert_eq!(
            grounded("T", &fails),
            "Thesis T is accepted (in) under grounded semantics: every attack on it fails (the attack P + Q -> T fails: Q is out; B is out (the attack S -> B holds))."
        );
    }

    #[test]
    fn standing_sentences_agree_in_number() {
        let id: Id = "T".into();
        let say = |s: Standing| standing_sentence(&id, Semantics::Preferred, &s);
        assert!(say(Standing::InAll { total: 1 }).ends_with("in the only preferred extension."));
        assert!(say(Standing::InAll { total: 2 }).ends_with("in both preferred extensions."));
        assert!(say(Standing::InAll { total: 3 }).ends_with("in all 3 preferred extensions."));
        assert!(
            say(Standing::InNone { total: 3 }).ends_with("in none of the 3 preferred extensions.")
        );
        assert!(say(Standing::NoExtension).contains("there is no extension"));
        assert_eq!(
            say(Standing::SearchStopped {
                found: 2,
                by: StoppedBy::Limit,
                limit: 1
            }),
            "Under preferred semantics the status of thesis T is unknown: the search stopped after finding 2 extensions, more than --limit 1 (raise --limit to list them)."
        );
    }
}
