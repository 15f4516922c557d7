//! The library's entry points, re-exported at the crate root: load a map, check it,
//! report its cited support, evaluate it, compare two, render them. Each is a thin,
//! documented call into the stages ([`crate::parse`], [`crate::graph`],
//! [`crate::analyse`], [`crate::present`]), which hold the details.

use crate::analyse::compare::{CompareOptions, Comparison};
use crate::analyse::evaluate::{Evaluation, Request};
use crate::analyse::support::SupportReport;
use crate::analyse::{Analysed, SameAsLink};
use crate::parse::load::{MapFile, ReadError};
use crate::present;
use crate::present::dot::DiagramMap;
use crate::present::graphviz::GraphvizError;
use std::fmt;
use std::path::Path;

/// Reads and parses a map file (`-` is standard input), and the files it `include`s
/// (merged into one map; see [`MapFile::parts`]), as every command does. A file
/// that is not a valid map still loads: its `yaml-syntax` or `schema` error is in
/// [`MapFile::load_errors`] and [`check`](crate::check) reports it. Fails only when the file
/// cannot be read at all (missing, not a regular file, over 1 GiB).
pub fn load(path: impl AsRef<Path>) -> Result<MapFile, ReadError> {
    crate::parse::load::load_file(path.as_ref())
}

/// Parses a map held in memory; `name` is the file name diagnostics give, and the
/// directory a relative `source` is read from ([`crate::read_source`]).
///
/// ```
/// let file = argmap::load_str("trees.yaml", "id: trees\nclaims:\n  T1:\n    text: Cities should plant trees.\n    thesis: true\n");
/// assert!(file.map.is_some());
/// ```
pub fn load_str(name: impl AsRef<Path>, text: impl Into<String>) -> MapFile {
    crate::parse::load::load_str(name.as_ref(), text.into())
}

/// Every claim's support status (`cited`, `uncited`, `unsupported`), the chain of
/// supports that reaches a citation, and the map's citation coverage: what `argmap
/// support` prints.
pub fn support<'m>(map: &Analysed<'m>) -> SupportReport<'m> {
    crate::analyse::support::report(&map.graph, map.support())
}

/// Formal acceptability, as `argmap evaluate`: the grounded labelling of every node
/// under attacks and undercuts, and the extensions of the semantics `request` names.
///
/// ```
/// let file = argmap::load_str("m.yaml", "id: m\nclaims:\n  T1:\n    text: A thesis.\n    thesis: true\nrebuttals:\n  R1:\n    text: An objection.\n    attacks: [T1]\n");
/// let map = argmap::Analysed::new(&file).expect("a map");
/// let e = argmap::evaluate(&map, &argmap::EvaluateRequest::default());
/// assert_eq!(e.theses.len(), 1);
/// ```
pub fn evaluate(map: &Analysed, request: &Request) -> Evaluation {
    crate::analyse::evaluate::evaluate(&map.graph, map.inferences(), request.clone())
}

/// How two maps frame the same thesis, as `argmap compare` (the first map is A, the
/// second B): aligned pairs (`same_as` links, resolved between the two, and text
/// similarity), roles, stance, coverage, conflicting dates and numbers.
pub fn compare<'a>(maps: &'a [Analysed<'a>; 2], options: &CompareOptions) -> Comparison<'a> {
    let (links, _) = crate::analyse::resolve_same_as(maps);
    crate::analyse::compare::compare(&maps[0], &maps[1], &links, options)
}

/// An output format of [`render`] (`argmap render --format`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Format {
    /// Graphviz DOT text.
    Dot,
    /// SVG, laid out by Graphviz.
    Svg,
    /// PNG, laid out by Graphviz.
    Png,
    /// PDF, laid out by Graphviz.
    Pdf,
    /// A self-contained interactive HTML page (its diagram laid out by Graphviz).
    Html,
    /// A Mermaid flowchart.
    Mermaid,
    /// Node-link JSON (docs/formats.md).
    Json,
    /// GraphML (yEd, Gephi).
    Graphml,
    /// AIF JSON (one map).
    Aif,
    /// Argdown.
    Argdown,
    /// The attack graph in ICCMA'23 format (one map).
    Af,
}

impl Format {
    /// The format's name, as `--format` takes it: `dot`, `svg`, ..., `af`.
    pub fn name(self) -> &'static str {
        match self {
            Format::Dot => "dot",
            Format::Svg => "svg",
            Format::Png => "png",
            Format::Pdf => "pdf",
            Format::Html => "html",
            Format::Mermaid => "mermaid",
            Format::Json => "json",
            Format::Graphml => "graphml",
            Format::Aif => "aif",
            Format::Argdown => "argdown",
            Format::Af => "af",
        }
    }

    /// Every format, in the order `--help` lists them.
    pub const ALL: [Format; 11] = [
        Format::Dot,
        Format::Svg,
        Format::Png,
        Format::Pdf,
        Format::Mermaid,
        Format::Json,
        Format::Graphml,
        Format::Aif,
        Format::Argdown,
        Format::Af,
        Format::Html,
    ];

    /// A line on what the format is, for `--help` (`None` where the name says it).
    pub fn description(self) -> Option<&'static str> {
        Some(match self {
            Format::Dot | Format::Svg | Format::Png | Format::Pdf => return None,
            Format::Mermaid => "Mermaid flowchart",
            Format::Json => "Node-link JSON (docs/formats.md)",
            Format::Graphml => "GraphML (yEd, Gephi)",
            Format::Aif => "AIF JSON (one map)",
            Format::Argdown => "Argdown",
            Format::Af => "The attack graph in ICCMA'23 format (one map)",
            Format::Html => "A self-contained interactive HTML page (needs Graphviz)",
        })
    }

    /// The format named `name` (any case), as `--format` takes it.
    pub fn from_name(name: &str) -> Option<Format> {
        Format::ALL
            .into_iter()
            .find(|f| f.name().eq_ignore_ascii_case(name))
    }

    /// The format a file's extension names: a format's name, or `gv` (DOT), `mmd`
    /// (Mermaid), `ad` (Argdown), `htm` (HTML); any case.
    pub fn from_extension(path: &std::path::Path) -> Option<Format> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        Format::from_name(&ext).or(match ext.as_str() {
            "gv" => Some(Format::Dot),
            "mmd" => Some(Format::Mermaid),
            "ad" => Some(Format::Argdown),
            "htm" => Some(Format::Html),
            _ => None,
        })
    }

    /// Whether Graphviz lays this format out (SVG, PNG, PDF, HTML).
    pub fn needs_graphviz(self) -> bool {
        matches!(self, Format::Svg | Format::Png | Format::Pdf | Format::Html)
    }
}

/// Why [`render`] or [`export`] made nothing.
#[derive(Debug)]
#[non_exhaustive]
pub enum RenderError {
    /// The format holds one map (AIF, ICCMA AF) and several were given.
    OneMapOnly {
        /// The format.
        format: Format,
        /// How many maps were given.
        maps: usize,
    },
    /// [`export`] was asked for a format that Graphviz lays out; [`render`] draws it.
    DrawnByGraphviz(Format),
    /// Graphviz failed (not installed, or `dot` failed).
    Graphviz(GraphvizError),
}

impl fmt::Display for RenderError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            RenderError::OneMapOnly { format, maps } => write!(
                f,
                "--format {} exports one map at a time (got {maps})",
                format.name()
            ),
            RenderError::DrawnByGraphviz(format) => {
                write!(f, "--format {} is drawn by Graphviz", format.name())
            }
            RenderError::Graphviz(e) => e.fmt(f),
        }
    }
}

impl std::error::Error for RenderError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            RenderError::Graphviz(e) => Some(e),
            _ => None,
        }
    }
}

impl From<GraphvizError> for RenderError {
    fn from(e: GraphvizError) -> RenderError {
        RenderError::Graphviz(e)
    }
}

/// Renders whole maps in `format`, as `argmap render` does without `--focus`; several
/// maps are drawn as clusters joined by their `same_as` links. SVG, PNG, PDF and HTML
/// need Graphviz (`dot` on `PATH`, or `$ARGMAP_DOT`); what it warns about is dropped. The
/// HTML viewer's source panel shows each map's `source` text, read as [`crate::read_source`]
/// reads it (a map whose source cannot be read gets none).
///
/// ```
/// let file = argmap::load_str("m.yaml", "id: m\nclaims:\n  T1:\n    text: A thesis.\n    thesis: true\n");
/// let map = argmap::Analysed::new(&file).expect("a map");
/// let mermaid = argmap::render(&[map], argmap::Format::Mermaid)?;
/// assert!(String::from_utf8(mermaid)?.contains("flowchart"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn render(maps: &[Analysed], format: Format) -> Result<Vec<u8>, RenderError> {
    let (links, _) = crate::analyse::resolve_same_as(maps);
    let diagram: Vec<DiagramMap> = maps
        .iter()
        .map(|map| DiagramMap {
            map,
            visible: None,
            focus: None,
        })
        .collect();
    let dot = || present::written(|w| present::dot::write(&diagram, &links, None, w));
    match format {
        Format::Svg | Format::Png | Format::Pdf => {
            Ok(present::graphviz::layout(&dot(), format.name())?.bytes)
        }
        Format::Html => {
            let mut graph = present::dot::graph(&diagram, &links, None);
            let viewer: Vec<present::html::ViewerMap> = maps
                .iter()
                .map(|m| {
                    let source = match crate::read_source(m.file) {
                        crate::SourceLoad::Text(t) => Some(t),
                        _ => None,
                    };
                    let view = crate::analyse::view::map_view(m, source.as_deref());
                    present::html::ViewerMap { source, view }
                })
                .collect();
            let page = present::html::Page::prepare(&mut graph, &diagram, &viewer);
            let svg = present::graphviz::layout(&present::dot::print(&graph), "svg")?.bytes;
            let title = match maps {
                [m] => {
                    let map = m.graph.map;
                    map.title
                        .as_deref()
                        .or(map.id.as_deref())
                        .unwrap_or("argmap")
                }
                _ => "argmap",
            };
            Ok(page
                .render(&String::from_utf8_lossy(&svg), title)
                .into_bytes())
        }
        _ => export(&diagram, &links, format),
    }
}

/// The formats that need no Graphviz (DOT, Mermaid, node-link JSON, GraphML, AIF,
/// Argdown, ICCMA AF), of maps as a diagram shows them (`--focus` hides nodes through
/// [`DiagramMap::visible`]). Graphviz's formats are [`RenderError::DrawnByGraphviz`].
pub fn export(
    maps: &[DiagramMap],
    links: &[SameAsLink],
    format: Format,
) -> Result<Vec<u8>, RenderError> {
    let one = || match maps {
        [m] => Ok(m.map),
        _ => Err(RenderError::OneMapOnly {
            format,
            maps: maps.len(),
        }),
    };
    let text = match format {
        Format::Dot => present::written(|w| present::dot::write(maps, links, None, w)),
        Format::Mermaid => present::mermaid::render(maps, links),
        Format::Json => present::json_graph::render(maps, links),
        Format::Graphml => present::graphml::render(maps, links),
        Format::Argdown => present::argdown::render(maps, links),
        Format::Aif => crate::aif::export::render(one()?),
        Format::Af => {
            let m = one()?;
            present::af::render(
                m,
                &crate::analyse::evaluate::Encoding::of(&m.graph, m.inferences()),
            )
        }
        Format::Svg | Format::Png | Format::Pdf | Format::Html => {
            return Err(RenderError::DrawnByGraphviz(format))
        }
    };
    Ok(text.into_bytes())
}

#[cfg(test)]
mod tests {
    use super::Format;
    use std::path::Path;

    #[test]
    fn formats_by_name_and_by_extension() {
        for f in Format::ALL {
            assert_eq!(Format::from_name(f.name()), Some(f));
            let file = format!("map.{}", f.name().to_uppercase());
            assert_eq!(Format::from_extension(Path::new(&file)), Some(f));
        }
        assert_eq!(Format::from_extension(Path::new("a.gv")), Some(Format::Dot));
        assert_eq!(
            Format::from_extension(Path::new("a.mmd")),
            Some(Format::Mermaid)
        );
        assert_eq!(
            Format::from_extension(Path::new("a.ad")),
            Some(Format::Argdown)
        );
        assert_eq!(
            Format::from_extension(Path::new("a.htm")),
            Some(Format::Html)
        );
        assert_eq!(Format::from_extension(Path::new("a.txt")), None);
        assert_eq!(Format::from_extension(Path::new("a")), None);
    }
}
