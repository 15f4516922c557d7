//! The `render` formats that Graphviz does not draw: Mermaid, node-link JSON, GraphML,
//! AIF, Argdown, ICCMA AF; and their `--force` mark.

use super::args::RenderFormat;
use super::gate::Forced;
use super::CliError;
use argmap::analyse::{Analysed, SameAsLink};
use argmap::present;
use argmap::present::dot::DiagramMap;

/// The bytes of a `render` format that Graphviz does not draw.
pub(super) fn export(
    format: RenderFormat,
    maps: &[DiagramMap],
    links: &[SameAsLink],
    focused: bool,
) -> Result<Vec<u8>, CliError> {
    let one = |what: &str| -> Result<&Analysed, CliError> {
        if focused {
            return Err(CliError::Usage(format!(
                "--focus does not apply to --format {what}: it exports a whole map"
            )));
        }
        match maps {
            [m] => Ok(m.map),
            _ => Err(CliError::Usage(format!(
                "--format {what} exports one map at a time (got {})",
                maps.len()
            ))),
        }
    };
    let text = match format {
        RenderFormat::Mermaid => present::mermaid::render(maps, links),
        RenderFormat::Json => present::json_graph::render(maps, links),
        RenderFormat::Graphml => present::graphml::render(maps, links),
        RenderFormat::Argdown => present::argdown::render(maps, links),
        RenderFormat::Aif => argmap::aif::export::render(one("aif")?),
        RenderFormat::Af => {
            let m = one("af")?;
            present::af::render(m, &argmap::analyse::evaluate::Encoding::of(&m.graph))
        }
        f => {
            return Err(CliError::Usage(format!(
                "--format {} is drawn by Graphviz",
                f.name()
            )))
        }
    };
    Ok(text.into_bytes())
}

/// An export made with `--force`, marked as its format allows: a comment line in
/// Mermaid, Argdown, GraphML and ICCMA AF (after the `p af N` line, which must come
/// first), the `forced` and `errors` fields in JSON and AIF.
pub(super) fn mark_export(format: RenderFormat, forced: Forced, bytes: Vec<u8>) -> Vec<u8> {
    let prepend = |line: String| [line.into_bytes(), bytes.clone()].concat();
    match format {
        RenderFormat::Mermaid => prepend(forced.comment("%%", "")),
        RenderFormat::Argdown => prepend(forced.comment("//", "")),
        // `--` cannot stand in an XML comment.
        RenderFormat::Graphml => Forced::after_first_line(
            &bytes,
            &forced
                .comment("<!--", " -->")
                .replace("--force", "the force option"),
        ),
        RenderFormat::Af => Forced::after_first_line(&bytes, &forced.comment("#", "")),
        RenderFormat::Json | RenderFormat::Aif => forced.json(&bytes),
        _ => bytes,
    }
}
