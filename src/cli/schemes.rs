//! `argmap schemes [NAME]`: the built-in catalogue of argumentation schemes
//! ([`argmap::analyse::schemes::catalogue`]), or one scheme.

use super::args::{SchemesArgs, SchemesFormat};
use super::{gate, CliError, Io, EXIT_OK};
use argmap::analyse::schemes::{builtin, catalogue, from_aif};
use argmap::diagnostic::did_you_mean;
use argmap::present::schemes as words;

/// `argmap schemes [NAME] [--format text|json]`; an unknown name is a usage error (exit
/// 2) with a did-you-mean.
pub(super) fn run(a: SchemesArgs, io: &mut Io) -> Result<u8, CliError> {
    let Some(name) = a.name else {
        match a.format {
            SchemesFormat::Text => {
                gate::write_text(io.out, None, false, |w| words::write_list(catalogue(), w))?
            }
            SchemesFormat::Json => {
                gate::write_json(io.out, None, &serde_json::json!({ "schemes": catalogue() }))?
            }
        }
        return Ok(EXIT_OK);
    };
    // The catalogue's id, or a name as AIF tools write it (`ExpertOpinion`).
    let Some(s) = builtin(&name).or_else(|| from_aif(&name)) else {
        let hint = did_you_mean(&name, catalogue().iter().map(|s| s.id.as_str()))
            .map(|s| format!(" (did you mean `{s}`?)"))
            .unwrap_or_default();
        return Err(CliError::Usage(format!(
            "unknown scheme `{name}`{hint}; `argmap schemes` lists them"
        )));
    };
    match a.format {
        SchemesFormat::Text => gate::write_text(io.out, None, false, |w| words::write_one(s, w))?,
        SchemesFormat::Json => gate::write_json(io.out, None, s)?,
    }
    Ok(EXIT_OK)
}
