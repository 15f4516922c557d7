//! `argmap render MAP...`: a diagram (Graphviz: DOT, SVG, PNG, PDF; the HTML page) or an
//! export ([`super::export`]).

use super::args::RenderArgs;
use super::gate;
use super::{emit, emit_with, input_paths, layout, output, CliError, Io, EXIT_OK};
use argmap::analyse;
use argmap::present;
use argmap::present::layout;
use argmap::Format;
use std::borrow::Cow;

pub(super) fn run(a: RenderArgs, io: &mut Io) -> Result<u8, CliError> {
    let format = match (a.format, a.output.as_deref()) {
        (Some(f), _) => f,
        (None, Some(p)) if !output::is_stdout(p) => Format::from_extension(p).ok_or_else(|| {
            let names: Vec<&str> = Format::ALL.iter().map(|f| f.name()).collect();
            CliError::Usage(format!(
                "cannot tell the format from {}: use --format ({})",
                p.display(),
                names.join(", ")
            ))
        })?,
        (None, _) => Format::Dot,
    };
    let files = super::load_all(&a.maps, a.gate.sources.policy())?;
    let checked = match gate::load_checked(&files, &a.gate, io)? {
        Ok(c) => c,
        Err(code) => return Ok(code),
    };
    let forced = checked.forced;
    let maps = checked.maps;
    if a.overview {
        return overview(&maps, format, a.output.as_deref(), &files, forced, io);
    }
    let (links, _) = analyse::resolve_same_as(&maps);
    let mut diagram: Vec<present::dot::DiagramMap> = maps
        .iter()
        .map(|m| present::dot::DiagramMap {
            map: m,
            visible: None,
            focus: None,
        })
        .collect();
    if let Some(focus) = &a.focus {
        let (mi, ix) = super::focus::focus_node(&maps, focus)?;
        diagram[mi].focus = Some(ix);
        let views = analyse::neighbourhood::focus_views(&maps, &links, (mi, ix), a.depth);
        for (d, v) in diagram.iter_mut().zip(views) {
            d.visible = Some(v);
        }
    }
    if let Some(group) = &a.group {
        let [m] = maps.as_slice() else {
            return Err(CliError::Usage(format!(
                "--group `{group}` draws a group of one map; {} maps are given",
                maps.len()
            )));
        };
        let groups = m.groups();
        let Some(g) = groups.get(group) else {
            let ids: Vec<&str> = groups.list.iter().map(|g| g.id.as_str()).collect();
            let there = if ids.is_empty() {
                "the map has no groups".to_string()
            } else {
                format!("the groups are {}", ids.join(", "))
            };
            let help = argmap::diagnostic::did_you_mean(group, ids.iter().copied())
                .map_or_else(String::new, |s| format!("; did you mean `{s}`?"));
            return Err(CliError::Usage(format!(
                "--group `{group}`: no such group in map `{}` ({there}){help}",
                m.map_id()
            )));
        };
        diagram[0].visible = Some(analyse::neighbourhood::group_view(m, g));
    }
    let inputs = input_paths(&files);
    let graphviz = matches!(
        format,
        Format::Dot | Format::Svg | Format::Png | Format::Pdf | Format::Html
    );
    let engine = if graphviz {
        let drawn = present::dot::drawn_nodes(&diagram);
        let (engine, switched) = layout::choose(a.layout, drawn);
        if switched {
            writeln!(io.err, "argmap: note: {}", layout::auto_note(drawn, engine))?;
        }
        engine
    } else {
        layout::Engine::Dot
    };
    let style = present::dot::Style {
        rankdir: a.rankdir.as_deref(),
        engine,
    };
    // A forced diagram is built whole, to carry its title.
    let dot_text = || match forced {
        None => present::written(|w| present::dot::write_styled(&diagram, &links, &style, w)),
        Some(f) => f.dot(present::dot::graph_styled(&diagram, &links, &style)),
    };
    let bytes = match format {
        // Written as it is made: a large map's diagram is never held whole.
        Format::Dot if forced.is_none() => {
            emit_with(a.output.as_deref(), &inputs, io, |w| {
                present::dot::write_styled(&diagram, &links, &style, w)
            })?;
            return Ok(EXIT_OK);
        }
        Format::Dot => dot_text().into_bytes(),
        Format::Html => {
            let mut graph = present::dot::graph_styled(&diagram, &links, &style);
            let viewer = viewer_maps(&files, &maps, a.gate.sources.policy());
            let page = present::html::Page::prepare(&mut graph, &diagram, &viewer);
            if let Some(f) = forced {
                f.label(&mut graph);
            }
            let svg = layout(&present::dot::print(&graph), "svg", io)?;
            let title = page_title(&maps);
            let title = match forced {
                Some(f) => Cow::Owned(format!("{} — {title}", f.sentence())),
                None => Cow::Borrowed(title),
            };
            page.render(&String::from_utf8_lossy(&svg), &title)
                .into_bytes()
        }
        Format::Svg | Format::Png | Format::Pdf => {
            io.refuse_binary_on_terminal(a.output.as_deref(), format.name())?;
            layout(&dot_text(), format.name(), io)?
        }
        f => {
            let bytes = super::export::export(f, &diagram, &links, a.focus.is_some())?;
            if f == Format::Mermaid {
                // Mermaid measures the text as JavaScript does: UTF-16 code units.
                let units = String::from_utf8_lossy(&bytes).encode_utf16().count();
                if let Some(w) = layout::mermaid_warning(units) {
                    present::terminal::write_message(
                        io.err,
                        argmap::diagnostic::Severity::Warning,
                        &w,
                    )?;
                }
            }
            match forced {
                None => bytes,
                Some(forced) => super::export::mark_export(f, forced, bytes),
            }
        }
    };
    emit(a.output.as_deref(), &inputs, &bytes, io)?;
    Ok(EXIT_OK)
}

/// What the HTML page shows of each map beside its diagram: its source text (read again:
/// the check let it go) and what analysis finds there and in the map.
pub(super) fn viewer_maps(
    files: &[argmap::parse::load::MapFile],
    maps: &[analyse::Analysed],
    policy: argmap::parse::source_text::SourcePolicy,
) -> Vec<present::html::ViewerMap> {
    maps.iter()
        .zip(files)
        .map(|(m, f)| {
            let source = match argmap::parse::source_text::read_source_with(f, policy) {
                argmap::SourceLoad::Text(t) => Some(t),
                _ => None,
            };
            let view = analyse::view::map_view(m, source.as_deref());
            present::html::ViewerMap { source, view }
        })
        .collect()
}

/// `render --overview`: one map's overview by chapter ([`analyse::overview`]).
fn overview(
    maps: &[analyse::Analysed],
    format: Format,
    output: Option<&std::path::Path>,
    files: &[argmap::parse::load::MapFile],
    forced: Option<gate::Forced>,
    io: &mut Io,
) -> Result<u8, CliError> {
    let [m] = maps else {
        return Err(CliError::Usage(format!(
            "--overview draws one map; {} maps are given",
            maps.len()
        )));
    };
    let Some(o) = analyse::overview::Overview::of(m) else {
        return Err(CliError::Usage(format!(
            "--overview draws a map by its groups, and map `{}` has none: add `groups:` (docs/format.md#groups)",
            m.map_id()
        )));
    };
    let mark = forced.map(|f| f.sentence());
    let mut dot = present::overview::dot(m, &o, mark.as_deref());
    if let Some(f) = forced {
        dot.insert_str(0, &f.comment("//", ""));
    }
    let bytes = match format {
        Format::Dot => dot.into_bytes(),
        Format::Svg | Format::Png | Format::Pdf => {
            io.refuse_binary_on_terminal(output, format.name())?;
            layout(&dot, format.name(), io)?
        }
        f => {
            return Err(CliError::Usage(format!(
                "--overview draws a diagram (dot, svg, png or pdf), not {}",
                f.name()
            )))
        }
    };
    emit(output, &input_paths(files), &bytes, io)?;
    Ok(EXIT_OK)
}

/// The title of the viewer page of `maps`: one map's title (or id), else "argmap".
pub(super) fn page_title<'m>(maps: &[analyse::Analysed<'m>]) -> &'m str {
    match maps {
        [m] => m
            .graph
            .map
            .title
            .as_deref()
            .or(m.graph.map.id.as_deref())
            .unwrap_or("argmap"),
        _ => "argmap",
    }
}
