//! `argmap schema`: the JSON Schema of the map format.

use super::args::SchemaArgs;
use super::{emit, CliError, Io, EXIT_OK};
use argmap::present;

pub(super) fn run(a: SchemaArgs, io: &mut Io) -> Result<u8, CliError> {
    let text = present::json::to_json(&argmap::parse::model::json_schema());
    emit(a.output.as_deref(), &[], text.as_bytes(), io)?;
    Ok(EXIT_OK)
}
