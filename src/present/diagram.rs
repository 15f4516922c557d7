//! The diagram model every format draws: one map to draw and which of its nodes
//! ([`DiagramMap`]), the lines of a node's label, the name of the point a linked argument
//! is drawn through, the colour of the `--focus` node. DOT ([`super::dot`]), Mermaid,
//! GraphML, JSON graph, Argdown and AF take their diagrams from here.

use super::escape::wrap;
use crate::analyse::inference::Inference;
use crate::analyse::schemes::MapSchemes;
use crate::analyse::support::{describe_cite, Status};
use crate::analyse::{Analysed, SameAsLink};
use crate::graph::{GNode, NodeKind};
use petgraph::graph::NodeIndex;
use std::collections::HashSet;

/// Characters per line of a node label.
pub const WRAP: usize = 32;

/// One map to draw, and (with `--focus`) the nodes to show.
pub struct DiagramMap<'a, 'f> {
    /// The map.
    pub map: &'a Analysed<'f>,
    /// The nodes to draw (`None`: every node).
    pub visible: Option<HashSet<NodeIndex>>,
    /// The node `render --focus` names: drawn with a double border ([`FOCUS_COLOR`]).
    pub focus: Option<NodeIndex>,
}

impl DiagramMap<'_, '_> {
    /// Whether the diagram draws node `ix`: every format draws claims, evidence and
    /// rebuttals (sources stand in their citations), those in `visible` when it is set.
    pub fn shows(&self, ix: NodeIndex) -> bool {
        self.map.graph.graph[ix].kind != NodeKind::Source
            && self.visible.as_ref().is_none_or(|v| v.contains(&ix))
    }
}

/// The `same_as` links a diagram of `maps` draws: those whose two ends it shows.
pub fn shown_links<'l>(
    maps: &'l [DiagramMap],
    links: &'l [SameAsLink],
) -> impl Iterator<Item = &'l SameAsLink> + 'l {
    let shows = |(mi, ix): (usize, NodeIndex)| maps.get(mi).is_some_and(|m| m.shows(ix));
    links.iter().filter(move |l| shows(l.from) && shows(l.to))
}

/// The `contradicts` links between `maps` (resolved by analysis, as [`shown_links`] are
/// given) that a diagram of them draws: those whose two ends it shows.
pub fn shown_contradicts(maps: &[DiagramMap]) -> Vec<crate::analyse::ContradictsLink> {
    let graphs: Vec<&crate::graph::ArgGraph> = maps.iter().map(|m| &m.map.graph).collect();
    let shows = |(mi, ix): (usize, NodeIndex)| maps.get(mi).is_some_and(|m| m.shows(ix));
    let (links, _) = crate::analyse::resolve_contradicts_of(&graphs);
    links
        .into_iter()
        .filter(|l| shows(l.from) && shows(l.to))
        .collect()
}

/// The border colour of the `--focus` node (drawn double).
pub const FOCUS_COLOR: &str = "#00695c";

/// The lines of a node's label, unescaped: id (and role), wrapped text, holder,
/// citations, support mark. Every diagram format draws these.
pub fn label_lines(m: &Analysed, ix: NodeIndex) -> Vec<String> {
    let n: &GNode = &m.graph.graph[ix];
    let mut lines = Vec::new();
    lines.push(if n.is_thesis() {
        format!("THESIS · {}", n.id)
    } else {
        n.id.to_string()
    });
    if n.node.is_some_and(|x| x.implicit()) {
        // An implicit premise is the analyst's reconstruction: said on its first line.
        if let Some(first) = lines.first_mut() {
            first.push_str(" · implicit");
        }
    }
    lines.extend(wrap(n.text(), WRAP));
    if let Some(by) = n.node.and_then(|x| x.by()) {
        lines.push(format!("— {by}"));
    }
    if let Some(node) = n.node {
        for c in &node.cites {
            // The work's title (or note) stands for the source id when there is one.
            let title = m.graph.map.sources.get(&c.source).and_then(|s| s.name());
            let cite = match title {
                Some(t) => describe_cite(&crate::parse::Cite {
                    source: t.into(),
                    ..c.clone()
                }),
                None => describe_cite(c),
            };
            lines.extend(wrap(&format!("[{cite}]"), WRAP + 8));
        }
    }
    if n.kind == NodeKind::Claim {
        match m.support().status(ix) {
            Status::Cited => {}
            Status::Uncited => lines.push("⚠ uncited".into()),
            Status::Unsupported => lines.push("⚠ unsupported".into()),
        }
    }
    lines
}

/// The scheme of argument `i` (its index in the map's inferences), as the map names it.
pub fn scheme_of<'f>(s: &MapSchemes<'f>, i: usize) -> Option<&'f str> {
    s.applied.get(i).copied().flatten().map(|a| a.name)
}

/// How many premises the name of a linked argument's point names; a larger group is
/// named by its first premises and a count (every premise's edge repeats the name).
const POINT_PREMISES: usize = 3;

/// The DOT name of the point an argument is drawn through: `A -> B` for one premise,
/// `A + P -> B` for linked premises (`A + P + Q + 5 more -> B` past three), prefixed with
/// `prefix`; for an undercut, its premises and the name of the inference it undercuts
/// (`U -> A -> B`, read from the innermost inference of `list`, the map's inferences,
/// out). Node ids hold no space, so a point's name is never a node's.
pub fn point_name(
    g: &crate::graph::ArgGraph,
    prefix: &str,
    inf: &Inference,
    list: &[Inference],
) -> String {
    let mut chain = vec![inf];
    while let Some(of) = chain[chain.len() - 1]
        .undercut()
        .and_then(|of| list.get(of))
    {
        chain.push(of);
    }
    let mut name = g.graph[chain[chain.len() - 1].target].id.to_string();
    for inf in chain.iter().rev() {
        let mut premises: Vec<&str> = inf
            .premises
            .iter()
            .take(POINT_PREMISES)
            .map(|&p| g.graph[p].id)
            .collect();
        let more = inf.premises.len().saturating_sub(POINT_PREMISES);
        let more = format!("{more} more");
        if inf.premises.len() > POINT_PREMISES {
            premises.push(&more);
        }
        name = format!("{} -> {name}", premises.join(" + "));
    }
    format!("{prefix}{name}")
}
