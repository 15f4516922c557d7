//! Analyse: checks, cited support, acceptability semantics and comparison. Pure functions
//! from parsed maps to data; nothing here prints.

pub mod checks;
pub mod compare;
pub mod evaluate;
pub mod inference;
pub mod neighbourhood;
pub mod quote;
pub mod semantics;
pub mod support;

use crate::diagnostic::{Diagnostic, Rule, RuleSet, Seg, Target};
use crate::graph::{ArgGraph, NodeKind};
use crate::parse::load::MapFile;
use crate::parse::source_text::SourceLoad;
use inference::Inferences;
use petgraph::graph::NodeIndex;
use std::sync::OnceLock;
use support::Support;

/// One map, built, with its support computed and its inferences on demand: what every
/// command starts from, and what every presenter reads.
#[derive(Debug)]
pub struct Analysed<'f> {
    /// The map file it was built from.
    pub file: &'f MapFile,
    /// The map's graph.
    pub graph: ArgGraph<'f>,
    /// Every node's cited support.
    pub support: Support,
    /// The map's arguments ([`Analysed::inferences`]), computed on first use.
    inferences: OnceLock<Inferences>,
}

impl<'f> Analysed<'f> {
    /// Builds the graph and support of a map file (its inferences come on first use);
    /// `None` when the file did not parse.
    pub fn new(file: &'f MapFile) -> Option<Analysed<'f>> {
        let map = file.map.as_ref()?;
        let graph = ArgGraph::build(map);
        let support = Support::compute(&graph);
        Some(Analysed {
            file,
            graph,
            support,
            inferences: OnceLock::new(),
        })
    }

    /// The map's arguments: its `supports`/`attacks` links grouped into inferences
    /// (linked co-premises together, transitively), with their undercutters. Computed
    /// once per map, on first use (commands that draw nothing never pay for them); every exporter (JSON,
    /// GraphML, AIF, Argdown, DOT, Mermaid) draws these, so they all show the same
    /// arguments ([`inference`]).
    pub fn inferences(&self) -> &Inferences {
        self.inferences.get_or_init(|| Inferences::of(&self.graph))
    }

    /// The map id (empty when it has none).
    pub fn map_id(&self) -> &'f str {
        self.graph.map.id.as_deref().unwrap_or("")
    }
}

/// A `same_as` link between nodes of two loaded maps (map index, node index).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SameAsLink {
    /// The node that names the other in its `same_as`.
    pub from: (usize, NodeIndex),
    /// The node it names.
    pub to: (usize, NodeIndex),
}

/// Resolves the `same_as` references between `maps`. A reference to a map that is not
/// loaded is left alone; one to a loaded map that lacks the node is a
/// `dangling-reference` (returned with the map's index).
pub fn resolve_same_as(maps: &[Analysed]) -> (Vec<SameAsLink>, Vec<(usize, Diagnostic)>) {
    let graphs: Vec<&ArgGraph> = maps.iter().map(|m| &m.graph).collect();
    resolve_same_as_of(&graphs)
}

/// [`resolve_same_as`] on the maps' graphs.
fn resolve_same_as_of(graphs: &[&ArgGraph]) -> (Vec<SameAsLink>, Vec<(usize, Diagnostic)>) {
    let map_id = |g: &ArgGraph| g.map.id.as_deref().unwrap_or("").to_string();
    let ids: Vec<String> = graphs.iter().map(|g| map_id(g)).collect();
    let mut links = Vec::new();
    let mut problems = Vec::new();
    for (mi, a) in graphs.iter().enumerate() {
        for ext in &a.external_same_as {
            let Some(bi) = ids.iter().position(|id| *id == ext.map_id) else {
                continue;
            };
            let b = graphs[bi];
            match b
                .node(&ext.node_id)
                .filter(|&ix| b.graph[ix].kind != NodeKind::Source)
            {
                Some(to) => links.push(SameAsLink {
                    from: (mi, ext.from),
                    to: (bi, to),
                }),
                None => {
                    let n = &a.graph[ext.from];
                    let path = vec![
                        Seg::Key(n.kind.section().key().into()),
                        Seg::Key(n.id.into()),
                        Seg::Key("same_as".into()),
                        Seg::Index(ext.item),
                    ];
                    let help = crate::diagnostic::did_you_mean(
                        &ext.node_id,
                        b.graph
                            .node_weights()
                            .filter(|w| w.kind != NodeKind::Source)
                            .map(|w| w.id),
                    )
                    .map(|s| format!("did you mean `{}:{s}`?", ext.map_id));
                    problems.push((
                        mi,
                        Diagnostic::new(
                            Rule::DanglingReference,
                            Target::value(path),
                            format!(
                                "`{}` same_as `{}:{}`: map `{}` has no node `{}`",
                                n.id, ext.map_id, ext.node_id, ext.map_id, ext.node_id
                            ),
                        )
                        .with_ids([n.id])
                        .with_help_opt(help),
                    ));
                }
            }
        }
    }
    (links, problems)
}

/// Runs every check on the given map files, as [`check_only`] does with every rule
/// enabled.
pub fn check(
    files: &[MapFile],
    sources: impl IntoIterator<Item = SourceLoad>,
) -> Vec<Vec<Diagnostic>> {
    check_only(files, sources, RuleSet::ALL)
}

/// Runs the checks of the `enabled` rules on the given map files (with their sources,
/// read by the caller, one per file, taken as each file is checked) and returns the
/// diagnostics of each file (`[i]` for `files[i]`), not located yet: each names the
/// document path of the value at fault, and [`crate::parse::load::locate`] turns the
/// paths into lines and columns (analysis reads no file). The checks of the
/// other rules are not run, nor the work only they need (the quote look-up without
/// `quote-not-found`, cited support without `uncited-claim`...: see [`checks`]); what
/// loading found (`yaml-syntax`, wrong types) is returned whatever `enabled` says, for
/// the caller's [`crate::diagnostic::SeverityConfig`] to filter.
pub fn check_only(
    files: &[MapFile],
    sources: impl IntoIterator<Item = SourceLoad>,
    enabled: RuleSet,
) -> Vec<Vec<Diagnostic>> {
    let mut per_file: Vec<Vec<Diagnostic>> = files.iter().map(|f| f.load_errors.clone()).collect();
    if enabled.contains(Rule::DuplicateId) {
        for (fi, d) in checks::duplicate_id::across_maps(files) {
            per_file[fi].push(d);
        }
    }
    let mut loaded: Vec<(usize, ArgGraph)> = Vec::new();
    for (fi, (file, source)) in files.iter().zip(sources).enumerate() {
        let Some(map) = file.map.as_ref() else {
            continue;
        };
        // The quotes are looked up first, and the source and its index dropped, before
        // the graph is built: the source is never held beside it.
        let source = match source {
            SourceLoad::Text(t) if enabled.contains(Rule::QuoteNotFound) => {
                Ok(Some(quote::misses(&quote::SourceIndex::new(t), map)))
            }
            // Read for `source-unreadable` only: let the text go at once.
            SourceLoad::Text(t) => {
                drop(t);
                Ok(None)
            }
            other => Err(other),
        };
        let graph = ArgGraph::build(map);
        let text = match &source {
            Ok(Some(misses)) => checks::SourceText::Checked(misses),
            Ok(None) => checks::SourceText::NotLookedUp,
            Err(SourceLoad::Unreadable(why)) => checks::SourceText::Unreadable(why),
            Err(_) => checks::SourceText::None,
        };
        let input = checks::Input::new(&graph, text);
        per_file[fi].extend(checks::run(&input, enabled).0);
        drop(input);
        loaded.push((fi, graph));
    }
    if enabled.contains(Rule::DanglingReference) {
        let (file_of, graphs): (Vec<usize>, Vec<&ArgGraph>) =
            loaded.iter().map(|(fi, g)| (*fi, g)).unzip();
        let (_, problems) = resolve_same_as_of(&graphs);
        for (mi, d) in problems {
            per_file[file_of[mi]].push(d);
        }
    }
    drop(loaded);
    per_file
}
