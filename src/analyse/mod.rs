//! Analyse: checks, cited support, acceptability semantics and comparison. Pure functions
//! from parsed maps to data; nothing here prints.

pub mod checks;
pub mod compare;
pub mod evaluate;
pub mod groups;
pub mod inference;
pub mod neighbourhood;
pub mod overview;
pub mod quote;
pub mod reliance;
pub mod schemes;
pub mod semantics;
pub mod support;
pub mod view;

use crate::diagnostic::{Diagnostic, Rule, RuleSet, Seg, Target};
use crate::graph::{ArgGraph, NodeKind};
use crate::parse::load::MapFile;
use crate::parse::source_text::SourceLoad;
use inference::Inferences;
use petgraph::graph::NodeIndex;
use std::sync::OnceLock;
use support::Support;

/// One map, built: its graph, with its cited support and its inferences computed on
/// first use. What every command starts from (the check that comes first builds it:
/// [`check_only`]), and what every presenter reads.
#[derive(Debug)]
pub struct Analysed<'f> {
    /// The map file it was built from.
    pub file: &'f MapFile,
    /// The map's graph.
    pub graph: ArgGraph<'f>,
    /// Every node's cited support ([`Analysed::support`]), computed on first use.
    support: OnceLock<Support>,
    /// The map's arguments ([`Analysed::inferences`]), computed on first use.
    inferences: OnceLock<Inferences>,
    /// The map's groups ([`Analysed::groups`]), resolved on first use.
    groups: OnceLock<groups::Groups>,
}

impl<'f> Analysed<'f> {
    /// Builds the graph of a map file (its support and inferences come on first use);
    /// `None` when the file did not parse.
    pub fn new(file: &'f MapFile) -> Option<Analysed<'f>> {
        let map = file.map.as_ref()?;
        Some(Analysed::built(file, ArgGraph::build(map), None))
    }

    /// A map whose graph (and perhaps support) is already built.
    fn built(file: &'f MapFile, graph: ArgGraph<'f>, support: Option<Support>) -> Analysed<'f> {
        Analysed {
            file,
            graph,
            support: support.map_or_else(OnceLock::new, OnceLock::from),
            inferences: OnceLock::new(),
            groups: OnceLock::new(),
        }
    }

    /// Every node's cited support ([`support`]): computed once per map, on first use
    /// (`evaluate` never pays for it unless the check computed it for `uncited-claim`).
    pub fn support(&self) -> &Support {
        self.support.get_or_init(|| Support::compute(&self.graph))
    }

    /// Lets go of the cited support the check computed (it is computed again if asked
    /// for): for a command that needs none (`evaluate`), so that it is not held beside
    /// what the command builds (docs/performance.md, "Memory").
    pub fn release_support(&mut self) {
        self.support.take();
    }

    /// The map's arguments: its `supports`/`attacks` links grouped into inferences
    /// (linked co-premises together, transitively), with their undercutters. Computed
    /// once per map, on first use (commands that draw nothing never pay for them); every exporter (JSON,
    /// GraphML, AIF, Argdown, DOT, Mermaid) draws these, so they all show the same
    /// arguments ([`inference`]).
    pub fn inferences(&self) -> &Inferences {
        self.inferences.get_or_init(|| Inferences::of(&self.graph))
    }

    /// The scheme of each of the map's arguments (by index in [`Analysed::inferences`])
    /// and the critical questions answered, computed on each call (linear in the map: a
    /// presenter calls it once; it is not kept beside the map, which would tie the map's
    /// lifetime).
    pub fn schemes(&self) -> schemes::MapSchemes<'f> {
        schemes::MapSchemes::of(&self.graph, self.inferences())
    }

    /// The map's groups resolved (each node's group, each group's parent and members),
    /// once per map, on first use: what the diagrams, exports and per-group reports read.
    pub fn groups(&self) -> &groups::Groups {
        self.groups.get_or_init(|| groups::Groups::of(&self.graph))
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
    resolve_between(graphs, |g| &g.external_same_as, "same_as")
}

/// A `contradicts` link between nodes of two loaded maps (map index, node index): the
/// node `from` asserts what contradicts the node `to` of another map.
pub type ContradictsLink = SameAsLink;

/// Resolves the `contradicts` references between `maps`, as [`resolve_same_as`] does the
/// `same_as` ones: a reference to a map that is not loaded is left alone; one to a loaded
/// map that lacks the node is a `dangling-reference` (returned with the map's index).
pub fn resolve_contradicts(maps: &[Analysed]) -> (Vec<ContradictsLink>, Vec<(usize, Diagnostic)>) {
    let graphs: Vec<&ArgGraph> = maps.iter().map(|m| &m.graph).collect();
    resolve_contradicts_of(&graphs)
}

/// [`resolve_contradicts`] on the maps' graphs.
pub fn resolve_contradicts_of(
    graphs: &[&ArgGraph],
) -> (Vec<ContradictsLink>, Vec<(usize, Diagnostic)>) {
    resolve_between(graphs, |g| &g.external_contradicts, "contradicts")
}

/// Resolves the references to other maps' nodes that `refs` gives of each graph (those of
/// field `field`) between `graphs`.
fn resolve_between(
    graphs: &[&ArgGraph],
    refs: for<'a> fn(&'a ArgGraph) -> &'a [crate::graph::ExternalSameAs],
    field: &str,
) -> (Vec<SameAsLink>, Vec<(usize, Diagnostic)>) {
    let map_id = |g: &ArgGraph| g.map.id.as_deref().unwrap_or("").to_string();
    let ids: std::collections::HashMap<String, usize> = graphs
        .iter()
        .enumerate()
        .rev()
        .map(|(i, g)| (map_id(g), i))
        .collect();
    let mut links = Vec::new();
    let mut problems = Vec::new();
    for (mi, a) in graphs.iter().enumerate() {
        for ext in refs(a) {
            let Some(&bi) = ids.get(&ext.map_id) else {
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
                        Seg::Key(field.into()),
                        Seg::Index(ext.item),
                    ];
                    let meant = crate::diagnostic::did_you_mean(
                        &ext.node_id,
                        b.graph
                            .node_weights()
                            .filter(|w| w.kind != NodeKind::Source)
                            .map(|w| w.id),
                    )
                    .map(|s| format!("{}:{s}", ext.map_id));
                    let help = meant.as_ref().map(|s| format!("did you mean `{s}`?"));
                    problems.push((
                        mi,
                        Diagnostic::new(
                            Rule::DanglingReference,
                            Target::value(path),
                            format!(
                                "`{}` {field} `{}:{}`: map `{}` has no node `{}`",
                                n.id, ext.map_id, ext.node_id, ext.map_id, ext.node_id
                            ),
                        )
                        .with_ids([n.id])
                        .with_help_opt(help)
                        .with_fixes(meant.map(crate::diagnostic::Fix::Replace)),
                    ));
                }
            }
        }
    }
    (links, problems)
}

/// Runs every check on the given map files, as [`check_only`] does with every rule
/// enabled, and returns its diagnostics (the maps it built are let go).
pub fn check(
    files: &[MapFile],
    sources: impl IntoIterator<Item = SourceLoad>,
) -> Vec<Vec<Diagnostic>> {
    check_only(files, sources, RuleSet::ALL).diagnostics
}

/// What [`check_only`] returns: the diagnostics of each file, and the maps it built to
/// check them, for the command that comes next (so a command builds each graph once).
#[derive(Debug)]
#[non_exhaustive]
pub struct Checked<'f> {
    /// The diagnostics of each file (`[i]` for `files[i]`), not located yet.
    pub diagnostics: Vec<Vec<Diagnostic>>,
    /// Each file that parsed, built ([`Analysed`]), in file order (a file that did not
    /// parse has none: its `yaml-syntax` or `schema` error is among the diagnostics).
    /// Cited support comes with it when a check computed it (`uncited-claim`), and
    /// otherwise on first use.
    pub maps: Vec<Analysed<'f>>,
}

/// Runs the checks of the `enabled` rules on the given map files (with their sources,
/// read by the caller, one per file, taken as each file is checked) and returns the
/// maps it built to check them and the diagnostics of each file ([`Checked`]), not
/// located yet: each names the
/// document path of the value at fault, and [`crate::parse::load::locate`] turns the
/// paths into lines and columns (analysis reads no file). The checks of the
/// other rules are not run, nor the work only they need (the quote look-up without
/// `quote-not-found`, cited support without `uncited-claim`...: see [`checks`]); what
/// loading found (`yaml-syntax`, wrong types) is returned whatever `enabled` says, for
/// the caller's [`crate::diagnostic::SeverityConfig`] to filter.
///
/// ```
/// use argmap::diagnostic::RuleSet;
/// let file = argmap::load_str("m.yaml", "id: m\nclaims:\n  T1: {text: A thesis., thesis: true}\n");
/// let checked = argmap::analyse::check_only(std::slice::from_ref(&file), [argmap::SourceLoad::None], RuleSet::ALL);
/// // Nothing cites a source: `uncited-claim`, not located yet (line 0).
/// assert_eq!(checked.diagnostics[0][0].rule, argmap::Rule::UncitedClaim);
/// // The map, built: what `support`, `evaluate` and `render` go on with.
/// assert_eq!(argmap::support(&checked.maps[0]).claims.len(), 1);
/// ```
pub fn check_only<'f>(
    files: &'f [MapFile],
    sources: impl IntoIterator<Item = SourceLoad>,
    enabled: RuleSet,
) -> Checked<'f> {
    let refs: Vec<&'f MapFile> = files.iter().collect();
    check_indexed(&refs, sources.into_iter().map(SourceInput::Load), enabled)
}

/// A map's source text for [`check_indexed`]: as read ([`SourceLoad`]), or already
/// normalised and indexed (an editor keeps a source's index while the map changes).
#[derive(Debug)]
pub enum SourceInput<'s> {
    /// The outcome of reading the source.
    Load(SourceLoad),
    /// The source's index, built once ([`quote::SourceIndex::new`]).
    Indexed(&'s quote::SourceIndex),
}

/// [`check_only`], with the files given by reference and each map's source given read
/// or already indexed: an index is only read (its count of whole-text searches for
/// closest passages starts again).
pub fn check_indexed<'f, 's>(
    files: &[&'f MapFile],
    sources: impl IntoIterator<Item = SourceInput<'s>>,
    enabled: RuleSet,
) -> Checked<'f> {
    let mut per_file: Vec<Vec<Diagnostic>> = files.iter().map(|f| f.load_errors.clone()).collect();
    if enabled.contains(Rule::DuplicateId) {
        for (fi, d) in checks::duplicate_id::across_maps(files) {
            per_file[fi].push(d);
        }
    }
    let mut maps: Vec<Analysed<'f>> = Vec::new();
    let mut file_of: Vec<usize> = Vec::new();
    for (fi, (&file, source)) in files.iter().zip(sources).enumerate() {
        let Some(map) = file.map.as_ref() else {
            continue;
        };
        // The quotes are looked up first, and the source and its index dropped, before
        // the graph is built: the source is never held beside it.
        let source = match source {
            SourceInput::Indexed(index) if enabled.contains(Rule::QuoteNotFound) => {
                index.restart_scans();
                Ok(Some(quote::misses(index, map)))
            }
            SourceInput::Indexed(_) => Ok(None),
            SourceInput::Load(SourceLoad::Text(t)) if enabled.contains(Rule::QuoteNotFound) => {
                Ok(Some(quote::misses(&quote::SourceIndex::new(t), map)))
            }
            // Read for `source-unreadable` only: let the text go at once.
            SourceInput::Load(SourceLoad::Text(t)) => {
                drop(t);
                Ok(None)
            }
            SourceInput::Load(other) => Err(other),
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
        let support = input.into_support();
        maps.push(Analysed::built(file, graph, support));
        file_of.push(fi);
    }
    if enabled.contains(Rule::DanglingReference) {
        let (_, problems) = resolve_same_as(&maps);
        let (_, contradicts) = resolve_contradicts(&maps);
        for (mi, d) in problems.into_iter().chain(contradicts) {
            per_file[file_of[mi]].push(d);
        }
    }
    Checked {
        diagnostics: per_file,
        maps,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::load::load_str;
    use std::path::Path;

    #[test]
    fn check_only_hands_on_the_maps_it_checked() {
        // What the check built is what the command goes on with: one map per file that
        // parsed, in file order, with the support the check computed, if it did.
        let a = "id: a\nclaims:\n  T1: {text: A., thesis: true, same_as: [b:T9]}\n";
        let b = "id: b\nclaims:\n  T1: {text: B., thesis: true}\n";
        let files = [
            load_str(Path::new("a.yaml"), a.into()),
            load_str(Path::new("broken.yaml"), "claims: [\n".into()),
            load_str(Path::new("b.yaml"), b.into()),
        ];
        let none = || [SourceLoad::None, SourceLoad::None, SourceLoad::None];
        let checked = check_only(&files, none(), RuleSet::ALL);
        assert_eq!(checked.diagnostics.len(), 3);
        let rules = |i: usize| {
            checked.diagnostics[i]
                .iter()
                .map(|d| d.rule)
                .collect::<Vec<_>>()
        };
        assert!(
            rules(0).contains(&Rule::DanglingReference),
            "{:?}",
            rules(0)
        );
        // The file that did not parse has its load error, and no map.
        assert!(files[1].map.is_none());
        assert_eq!(checked.diagnostics[1], files[1].load_errors);
        let built: Vec<&str> = checked.maps.iter().map(|m| m.map_id()).collect();
        assert_eq!(built, ["a", "b"]);
        assert!(std::ptr::eq(checked.maps[1].file, &files[2]));
        // `uncited-claim` needed cited support: it comes with the map.
        assert!(checked.maps.iter().all(|m| m.support.get().is_some()));
        let without = check_only(&files, none(), RuleSet::ALL.without(Rule::UncitedClaim));
        assert!(without.maps.iter().all(|m| m.support.get().is_none()));
        // Asked for, it is computed then, the same as the check's.
        assert_eq!(
            without.maps[0].support().status(NodeIndex::new(0)),
            checked.maps[0].support().status(NodeIndex::new(0))
        );
        let mut m = check_only(&files, none(), RuleSet::ALL).maps.remove(0);
        m.release_support();
        assert!(m.support.get().is_none());
    }
}
