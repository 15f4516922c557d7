//! `argmap compare A B`: how two maps frame the same thesis, as a report or a diagram.

use super::args::{CompareArgs, CompareFormat};
use super::gate;
use super::{emit, emit_with, input_paths, layout, output, CliError, Io, EXIT_FINDINGS, EXIT_OK};
use argmap::analyse::{self, Analysed};
use argmap::present;

pub(super) fn run(a: CompareArgs, io: &mut Io) -> Result<u8, CliError> {
    let format = match (a.format, a.output.as_deref()) {
        (Some(f), _) => f,
        // `--suggest` writes its lines whatever the file is called.
        _ if a.suggest => CompareFormat::Text,
        (None, Some(p)) if !output::is_stdout(p) => CompareFormat::from_extension(p).ok_or_else(|| {
            CliError::Usage(format!(
                "cannot tell the format from {}: use --format (text, markdown, json, dot, svg, png, pdf)",
                p.display()
            ))
        })?,
        (None, _) => CompareFormat::Text,
    };
    let paths = [a.a.clone(), a.b.clone()];
    let files = super::load_all(&paths, a.gate.sources.policy())?;
    let checked = match gate::load_checked(&files, &a.gate, io)? {
        Ok(c) => c,
        Err(code) => return Ok(code),
    };
    let forced = checked.forced;
    let Ok(maps) = <[Analysed; 2]>::try_from(checked.maps) else {
        return Ok(EXIT_FINDINGS);
    };
    let (links, _) = analyse::resolve_same_as(&maps);
    let opts = analyse::compare::CompareOptions {
        min_score: a.min_score,
    };
    let c = analyse::compare::compare(&maps[0], &maps[1], &links, &opts);
    let inputs = input_paths(&files);
    // The reports are written as they are made; diagrams are trimmed, so built whole.
    let bytes = match format {
        _ if a.suggest => {
            let mut text = forced.map(|f| f.comment("#", "")).unwrap_or_default();
            text.push_str(&present::compare::suggestions(&c));
            present::escape::visible(&text).into_owned().into_bytes()
        }
        CompareFormat::Text | CompareFormat::Markdown | CompareFormat::Json => {
            emit_with(a.output.as_deref(), &inputs, io, |w| match format {
                CompareFormat::Text => {
                    gate::write_text(w, forced, false, |w| present::compare::write_text(&c, w))
                }
                CompareFormat::Markdown => {
                    gate::write_text(w, forced, true, |w| present::compare::write_markdown(&c, w))
                }
                _ => gate::write_json(w, forced, &present::compare::json(&c)),
            })?;
            return Ok(EXIT_OK);
        }
        CompareFormat::Html => {
            let views = analyse::neighbourhood::compare_views([&maps[0], &maps[1]], &c, a.full);
            let mut graph = present::compare::diagram(&maps[0], &maps[1], &c, &views);
            let diagram: Vec<present::dot::DiagramMap> = maps
                .iter()
                .zip(&views)
                .map(|(m, v)| present::dot::DiagramMap {
                    map: m,
                    visible: v.visible.clone(),
                    focus: None,
                })
                .collect();
            let prefixes = present::compare::name_prefixes(&maps[0], &maps[1]);
            let viewer = super::render::viewer_maps(&files, &maps, a.gate.sources.policy());
            let pairs = linked_pairs(&c);
            // The report's summary, paragraph by paragraph, at the top of the pairs panel.
            let summary: Vec<String> = present::compare::summary(&c)
                .plain()
                .split("\n\n")
                .map(String::from)
                .collect();
            let page = present::html::Page::prepare_compare(
                &mut graph, &diagram, &prefixes, &viewer, &pairs, &summary,
            );
            if let Some(f) = forced {
                f.label(&mut graph);
            }
            let svg = layout(&present::dot::print(&graph), "svg", io)?;
            let title = format!(
                "{} — {}",
                maps[0]
                    .graph
                    .map
                    .title
                    .as_deref()
                    .unwrap_or(maps[0].map_id()),
                maps[1]
                    .graph
                    .map
                    .title
                    .as_deref()
                    .unwrap_or(maps[1].map_id())
            );
            let title = match forced {
                Some(f) => format!("{} — {title}", f.sentence()),
                None => title,
            };
            page.render(&String::from_utf8_lossy(&svg), &title)
                .into_bytes()
        }
        f => {
            let views = analyse::neighbourhood::compare_views([&maps[0], &maps[1]], &c, a.full);
            let mut graph = present::compare::diagram(&maps[0], &maps[1], &c, &views);
            // The engine, as render chooses it, for the nodes the diagram draws.
            let drawn: Vec<present::dot::DiagramMap> = maps
                .iter()
                .zip(&views)
                .map(|(m, v)| present::dot::DiagramMap {
                    map: m,
                    visible: v.visible.clone(),
                    focus: None,
                })
                .collect();
            let count = present::dot::drawn_nodes(&drawn);
            let (engine, switched) = present::layout::choose(a.layout, count);
            if switched {
                writeln!(
                    io.err,
                    "argmap: note: {}",
                    present::layout::auto_note(count, engine)
                )?;
            }
            let prefixes = present::compare::name_prefixes(&maps[0], &maps[1]);
            present::dot::set_engine(&mut graph, &drawn, &prefixes, engine);
            let dot = match forced {
                Some(forced) => forced.dot(graph),
                None => present::dot::print(&graph),
            };
            match f {
                CompareFormat::Svg => layout(&dot, "svg", io)?,
                CompareFormat::Png | CompareFormat::Pdf => {
                    let name = if f == CompareFormat::Png {
                        "png"
                    } else {
                        "pdf"
                    };
                    io.refuse_binary_on_terminal(a.output.as_deref(), name)?;
                    layout(&dot, name, io)?
                }
                _ => dot.into_bytes(),
            }
        }
    };
    emit(a.output.as_deref(), &inputs, &bytes, io)?;
    Ok(EXIT_OK)
}

/// The pairs the comparison page links: aligned pairs (declared, suggested), then the
/// `contradicts` links, each as (left node, right node).
fn linked_pairs(c: &analyse::compare::Comparison) -> Vec<present::html::LinkedPair> {
    let mut out: Vec<present::html::LinkedPair> = c
        .pairs
        .iter()
        .map(|p| present::html::LinkedPair {
            kind: match p.origin {
                analyse::compare::Origin::Declared => "declared",
                analyse::compare::Origin::Suggested => "suggested",
            },
            left: p.left.id.to_string(),
            right: p.right.id.to_string(),
            score: Some(p.score),
        })
        .collect();
    out.extend(c.contradicts.iter().map(|x| {
        let (left, right) = match x.side {
            analyse::compare::Side::Left => (x.node.clone(), x.contradicts.clone()),
            analyse::compare::Side::Right => (x.contradicts.clone(), x.node.clone()),
        };
        present::html::LinkedPair {
            kind: "contradicts",
            left,
            right,
            score: None,
        }
    }));
    out
}
