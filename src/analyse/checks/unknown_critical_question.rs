//! `unknown-critical-question`: an `answers:` naming a question that no argument the node
//! attacks or undercuts can be asked (its scheme lacks it, or it has no scheme).

use super::{node_path, Example, Found, Input, RuleInfo};
use crate::analyse::schemes::Problem;
use crate::diagnostic::{did_you_mean, Diagnostic, Rule, Seg, Target};

/// The declaration of `unknown-critical-question`.
pub const RULE: RuleInfo = RuleInfo {
    rule: Rule::UnknownCriticalQuestion,
    summary: "`answers` naming a critical question that the schemes of the arguments the node attacks or undercuts do not have, or on a node that bears on no argument with a scheme",
    sketch: "`answers: CQ-feild`",
    explanation: r#"`answers: CQ-...` on an attack or an undercut says which critical question of an
argument's scheme it raises. The node must bear on an argument with a scheme (undercut
its link, or attack its premise or conclusion), and the question must be one of that
scheme's (`argmap schemes NAME` lists them). Otherwise the answer answers nothing: a
typo in the question's id, a scheme missing on the argument, or an attack on the wrong
node."#,
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
    text: An expert says so.
    cites: [book]
    supports: [T1]
    scheme: expert-opinion
rebuttals:
  R1:
    text: The expert works in another field.
    undercuts: ["E1 -> T1"]
    answers: CQ-feild
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
    text: An expert says so.
    cites: [book]
    supports: [T1]
    scheme: expert-opinion
rebuttals:
  R1:
    text: The expert works in another field.
    undercuts: ["E1 -> T1"]
    answers: CQ-field
"#,
        files: &[],
    },
    found: Found::Check(check),
};

pub(crate) fn check(input: &Input, out: &mut Vec<Diagnostic>) {
    let g = input.graph;
    // Without an `answers`, the map's arguments need not be found at all.
    if !g.graph.node_weights().any(|n| n.node.is_some_and(|x| x.answers().is_some())) {
        return;
    }
    for p in &input.schemes().problems {
        let (node, message, help) = match p {
            Problem::NothingToAnswer { node, question } => (
                *node,
                format!(
                    "`{}` answers `{question}`, but attacks or undercuts no argument with a scheme",
                    g.graph[*node].id
                ),
                (
                    "give the argument it bears on a `scheme`, or let the node attack or undercut it"
                        .to_string(),
                    None,
                ),
            ),
            Problem::NotAQuestion {
                node,
                question,
                offered,
            } => (
                *node,
                format!(
                    "`{}` answers `{question}`, which the schemes of the arguments it bears on do not ask",
                    g.graph[*node].id
                ),
                match did_you_mean(question, offered.iter().copied()) {
                    Some(s) => (format!("did you mean `{s}`?"), Some(s.to_string())),
                    None => (format!("their questions are: {}", offered.join(", ")), None),
                },
            ),
            Problem::NoSuchLink { .. } => continue,
        };
        let mut path = node_path(g, node);
        path.push(Seg::Key("answers".into()));
        out.push(
            Diagnostic::new(Rule::UnknownCriticalQuestion, Target::value(path), message)
                .with_ids([g.graph[node].id])
                .with_help(help.0)
                .with_fixes(help.1.map(crate::diagnostic::Fix::Replace)),
        );
    }
}
