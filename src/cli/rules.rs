//! `argmap rules` and `argmap explain RULE`: the rule registry
//! ([`argmap::analyse::checks::REGISTRY`]), written through a
//! [`argmap::present::terminal::Terminal`] like every text for a person.

use super::args::{ExplainArgs, RulesArgs, RulesFormat};
use super::{gate, CliError, Io, EXIT_OK};
use argmap::analyse::checks::{self, REGISTRY};
use argmap::diagnostic::{did_you_mean, Rule};
use argmap::present::rules as words;

/// `argmap rules [--format text|json|markdown]`.
pub(super) fn list(a: RulesArgs, io: &mut Io) -> Result<u8, CliError> {
    match a.format {
        RulesFormat::Text => {
            gate::write_text(io.out, None, false, |w| words::write_list(&REGISTRY, w))?
        }
        RulesFormat::Markdown => {
            gate::write_text(io.out, None, true, |w| words::write_markdown(&REGISTRY, w))?
        }
        RulesFormat::Json => gate::write_json(io.out, None, &words::RulesJson::of(&REGISTRY))?,
    }
    Ok(EXIT_OK)
}

/// `argmap explain RULE`; an unknown rule is a usage error (exit 2) with a did-you-mean.
pub(super) fn explain(a: ExplainArgs, io: &mut Io) -> Result<u8, CliError> {
    if a.rule == "warnings" {
        return Err(CliError::Usage(
            "`warnings` is not a rule but the group of every rule that is a warning \
             (`--allow warnings`); `argmap rules` lists the rules"
                .into(),
        ));
    }
    let Some(rule) = Rule::from_id(&a.rule) else {
        let hint = did_you_mean(&a.rule, Rule::ALL.iter().map(|r| r.id()))
            .map(|s| format!(" (did you mean `{s}`?)"))
            .unwrap_or_default();
        return Err(CliError::Usage(format!(
            "unknown rule `{}`{hint}; `argmap rules` lists them",
            a.rule
        )));
    };
    gate::write_text(io.out, None, false, |w| {
        words::write_explain(checks::info(rule), w)
    })?;
    Ok(EXIT_OK)
}
