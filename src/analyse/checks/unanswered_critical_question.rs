//! `unanswered-critical-question` (allowed by default): the critical questions of an
//! argument's scheme that no attack or undercut answers.

use super::{Example, Found, Input, RuleInfo};
use crate::analyse::schemes::Origin;
use crate::diagnostic::{Diagnostic, Rule, Seg, Target};
use crate::path;

/// The declaration of `unanswered-critical-question`.
pub const RULE: RuleInfo = RuleInfo {
    rule: Rule::UnansweredCriticalQuestion,
    summary: "an argument with a scheme whose critical questions no attack or undercut `answers` (allowed by default: `--warn` it)",
    sketch: "`scheme: expert-opinion` and no `answers:`",
    explanation: r#"An argument that follows a scheme can be questioned in the ways its critical questions
say (`argmap schemes NAME` lists them). This rule lists, for each argument with a
scheme, the questions that no attack or undercut of the map answers (`answers: CQ-...`
on a node that undercuts the argument's link or attacks its premise or conclusion).

Most arguments leave most questions open, and a map need not raise them all: the rule
is allowed by default. `--warn unanswered-critical-question` lists them, as a reading
aid: which objections has the text (or the analyst) not considered?"#,
    example: Example {
        map: r#"id: example
sources:
  book: {title: The Book}
claims:
  T1:
    text: The thesis.
    thesis: true
evidence:
  E1:
    text: An observer saw it.
    cites: [book]
    supports: [T1]
    scheme: sign
rebuttals:
  R1:
    text: The sign is weak.
    undercuts: ["E1 -> T1"]
    answers: CQ-sign-strength
"#,
        fixed: r#"id: example
sources:
  book: {title: The Book}
claims:
  T1:
    text: The thesis.
    thesis: true
evidence:
  E1:
    text: An observer saw it.
    cites: [book]
    supports: [T1]
    scheme: sign
rebuttals:
  R1:
    text: The sign is weak.
    undercuts: ["E1 -> T1"]
    answers: CQ-sign-strength
  R2:
    text: A fever would explain it better.
    undercuts: ["E1 -> T1"]
    answers: CQ-other-events
"#,
        files: &[],
    },
    found: Found::Check(check),
};

pub(crate) fn check(input: &Input, out: &mut Vec<Diagnostic>) {
    let g = input.graph;
    let schemes = input.schemes();
    for (i, inf) in input.inferences().list.iter().enumerate() {
        let Some(applied) = schemes.applied[i] else {
            continue;
        };
        let open = schemes.open(i, input.inferences());
        if open.is_empty() {
            continue;
        }
        let (target, id) = match applied.origin {
            Origin::Premise(p) => {
                let n = &g.graph[p];
                let mut path = super::node_path(g, p);
                path.push(Seg::Key("scheme".into()));
                (Target::value(path), n.id)
            }
            Origin::Link(key) => (Target::value(path!["schemes", key]), key),
        };
        let ids: Vec<&str> = open.iter().map(|(q, _)| *q).collect();
        let mut d = Diagnostic::new(
            Rule::UnansweredCriticalQuestion,
            target,
            format!(
                "argument `{}` ({}): {} critical question{} unanswered: {}",
                inf.name(g),
                applied.name,
                open.len(),
                if open.len() == 1 { "" } else { "s" },
                ids.join(", ")
            ),
        )
        .with_ids([id])
        .with_help("an attack or undercut of the argument with `answers: CQ-...` answers one");
        for (q, text) in open {
            d = d.with_note(format!("{q}: {text}"));
        }
        out.push(d);
    }
}
