//! The `render` formats that Graphviz does not draw: Mermaid, node-link JSON, GraphML,
//! AIF, Argdown, ICCMA AF; and their `--force` mark.

use super::gate::Forced;
use super::CliError;
use argmap::analyse::SameAsLink;
use argmap::present::dot::DiagramMap;
use argmap::Format;

/// The bytes of a `render` format that Graphviz does not draw ([`argmap::export`]).
/// `--focus` draws a neighbourhood, which AIF and ICCMA AF cannot hold: they export a
/// whole map.
pub(super) fn export(
    format: Format,
    maps: &[DiagramMap],
    links: &[SameAsLink],
    focused: bool,
) -> Result<Vec<u8>, CliError> {
    if focused && matches!(format, Format::Aif | Format::Af) {
        return Err(CliError::Usage(format!(
            "--focus does not apply to --format {}: it exports a whole map",
            format.name()
        )));
    }
    Ok(argmap::export(maps, links, format)?)
}

/// An export made with `--force`, marked as its format allows: a comment line in
/// Mermaid, Argdown, GraphML and ICCMA AF (after the `p af N` line, which must come
/// first), the `forced` and `errors` fields in JSON and AIF.
pub(super) fn mark_export(format: Format, forced: Forced, bytes: Vec<u8>) -> Vec<u8> {
    let prepend = |line: String| [line.into_bytes(), bytes.clone()].concat();
    match format {
        Format::Mermaid => prepend(forced.comment("%%", "")),
        Format::Argdown => prepend(forced.comment("//", "")),
        // `--` cannot stand in an XML comment.
        Format::Graphml => Forced::after_first_line(
            &bytes,
            &forced
                .comment("<!--", " -->")
                .replace("--force", "the force option"),
        ),
        Format::Af => Forced::after_first_line(&bytes, &forced.comment("#", "")),
        Format::Json | Format::Aif => forced.json(&bytes),
        _ => bytes,
    }
}
