//! `render --format argdown`: maps as an Argdown document (`.argdown`), which Argdown's
//! own tools (`argdown json`, `argdown map`, the VS Code extension) parse.
//!
//! Each claim, evidence item and rebuttal is a statement `[ID]: text`, followed by its
//! outgoing relations: `+> [B]` (supports), `-> [B]` (attacks). An inference that must
//! be addressable — one that is undercut, or whose premises are linked with `with` — is
//! an argument `<A supports B>` (`<A + P support B>`): its premises point at it with
//! `+>`, it points at the conclusion, and each undercutter points at it with `_>`.
//! An undercut that must be addressable — undercut itself (`undercuts: ["V -> U -> A ->
//! B"]`), or by linked premises — is an argument too, `<U undercuts A supports B>`: its
//! premises point at it with `+>`, and it points at the argument it undercuts with `_>`.
//! The inferences are the map's own ([`crate::analyse::Analysed::inferences`]), as
//! every format shows them. Theses come first and carry a `// thesis` comment; `same_as` links are comments
//! (Argdown has no equivalence relation between differently titled statements).
//! Several maps are sections (`# title`) whose statement titles are prefixed with
//! `map-id:`. Text is escaped with [`super::escape::argdown`], titles with
//! [`super::escape::argdown_title`].

use super::diagram::DiagramMap;
use super::escape::{argdown as esc, argdown_title, one_line};
use crate::analyse::inference::{Inference, Inferences, LinkKind};
use crate::analyse::schemes::MapSchemes;
use crate::analyse::SameAsLink;
use crate::graph::{ArgGraph, EdgeKind};
use petgraph::graph::NodeIndex;
use petgraph::visit::EdgeRef;
use std::collections::HashMap;
use std::fmt::Write;

/// The scheme of an inference, found through its first link.
fn scheme_of_inference<'f>(
    m: &crate::analyse::Analysed<'f>,
    schemes: &MapSchemes<'f>,
    inf: &Inference,
) -> Option<&'f str> {
    // Schemes are of supports and attacks; an undercut has none.
    if inf.kind == LinkKind::Undercuts {
        return None;
    }
    let first = *inf.premises.first()?;
    let e = m.graph.link(first, inf.target)?;
    super::diagram::scheme_of(schemes, m.inferences().of_edge(e)?)
}

/// Whether an inference is written as an argument of its own: it must be addressable,
/// or it has a scheme (carried by the argument's tag).
fn written_apart(m: &crate::analyse::Analysed, schemes: &MapSchemes, inf: &Inference) -> bool {
    addressable(inf) || scheme_of_inference(m, schemes, inf).is_some()
}

/// A scheme id as an Argdown bracketed tag's text: no parenthesis or line break.
fn argdown_tag(s: &str) -> String {
    s.chars()
        .map(|c| {
            if c.is_alphanumeric() || c == '-' || c == '_' {
                c
            } else {
                ' '
            }
        })
        .collect()
}

/// Whether an inference is written as an argument of its own.
fn addressable(inf: &Inference) -> bool {
    inf.is_linked() || !inf.undercutters.is_empty()
}

/// How many premises an argument's title names; a larger group is named by its first
/// premises and a count. Every premise of a group refers to the argument by its title,
/// so naming them all would make the document grow with the square of the group (the
/// title stays unique: groups into one target share no premise).
const TITLE_PREMISES: usize = 3;

/// The title of an inference's argument: `A supports B`, `A + P support B`,
/// `A + P + Q + 5 more support B`; an undercut's names the argument it undercuts, `U
/// undercuts A supports B` (read from the innermost argument out, without recursion).
fn argument_title(g: &ArgGraph, prefix: &str, inf: &Inference, list: &[Inference]) -> String {
    let mut chain = vec![inf];
    while let Some(of) = chain[chain.len() - 1]
        .undercut()
        .and_then(|of| list.get(of))
    {
        chain.push(of);
    }
    let innermost = chain[chain.len() - 1];
    let mut title = g.graph[innermost.target].id.to_string();
    for inf in chain.iter().rev() {
        let mut premises: Vec<String> = inf
            .premises
            .iter()
            .take(TITLE_PREMISES)
            .map(|&p| g.graph[p].id.to_string())
            .collect();
        if inf.premises.len() > TITLE_PREMISES {
            premises.push(format!("{} more", inf.premises.len() - TITLE_PREMISES));
        }
        let verb = match (inf.kind, inf.is_linked()) {
            (LinkKind::Supports, false) => "supports",
            (LinkKind::Supports, true) => "support",
            (LinkKind::Attacks, false) => "attacks",
            (LinkKind::Attacks, true) => "attack",
            (LinkKind::Undercuts, false) => "undercuts",
            (LinkKind::Undercuts, true) => "undercut",
        };
        title = format!("{} {verb} {title}", premises.join(" + "));
    }
    argdown_title(&format!("{prefix}{title}"))
}

/// Which inferences are drawn: all their premises and their target shown, and for an
/// undercut, the inference it undercuts drawn (the list has it first).
fn drawn(dm: &DiagramMap) -> Vec<bool> {
    let list = &dm.map.inferences().list;
    let mut out: Vec<bool> = Vec::with_capacity(list.len());
    for inf in list {
        let of = inf.undercut().is_none_or(|of| out.get(of) == Some(&true));
        out.push(of && inf.premises.iter().all(|&p| dm.shows(p)) && dm.shows(inf.target));
    }
    out
}

/// How statements and arguments are titled: with a `map-id:` prefix when there are
/// several maps.
struct Names<'m, 'a, 'f> {
    maps: &'m [DiagramMap<'a, 'f>],
    several: bool,
}

impl Names<'_, '_, '_> {
    /// The prefix of map `mi`'s titles.
    fn prefix(&self, mi: usize) -> String {
        if self.several {
            format!("{}:", self.maps[mi].map.map_id())
        } else {
            String::new()
        }
    }

    /// The title of node `ix` of map `mi`.
    fn title(&self, mi: usize, ix: NodeIndex) -> String {
        argdown_title(&format!(
            "{}{}",
            self.prefix(mi),
            self.maps[mi].map.graph.graph[ix].id
        ))
    }
}

/// The inferences each node is a premise of (undercuts included), by index in the list
/// (map order), and which inferences are drawn ([`drawn`]).
#[derive(Default)]
struct Roles {
    premise_of: HashMap<NodeIndex, Vec<usize>>,
    drawn: Vec<bool>,
}

impl Roles {
    fn of(inferences: &Inferences, drawn: Vec<bool>) -> Self {
        let mut roles = Roles {
            drawn,
            ..Roles::default()
        };
        for (i, inf) in inferences.list.iter().enumerate() {
            for &p in &inf.premises {
                roles.premise_of.entry(p).or_default().push(i);
            }
        }
        roles
    }
}

/// The Argdown document of the maps. `same_as` links are written from the nodes' own
/// `same_as` lists, so the resolved links are not needed. A `contradicts` between two
/// maps shown is an Argdown contradiction (`><`) too.
pub fn render(maps: &[DiagramMap], _links: &[SameAsLink]) -> String {
    let mut out = String::from("// generated by argmap\n");
    let mut contradicts: std::collections::HashMap<(usize, NodeIndex), Vec<(usize, NodeIndex)>> =
        std::collections::HashMap::new();
    for l in super::diagram::shown_contradicts(maps) {
        contradicts.entry(l.from).or_default().push(l.to);
    }
    let names = Names {
        maps,
        several: maps.len() > 1,
    };
    for (mi, dm) in maps.iter().enumerate() {
        let map = dm.map.graph.map;
        let heading = map.title.as_deref().or(map.id.as_deref()).unwrap_or("");
        if !heading.trim().is_empty() {
            let _ = write!(out, "\n# {}\n", esc(heading));
        }
        let g = &dm.map.graph.graph;
        let roles = Roles::of(dm.map.inferences(), drawn(dm));
        let schemes = dm.map.schemes();
        let mut order: Vec<NodeIndex> = g.node_indices().filter(|&ix| dm.shows(ix)).collect();
        order.sort_by_key(|&ix| !g[ix].is_thesis());
        let sections = Sections::of(dm, &mut order);
        // A statement with its relations, contradictions and same-as comments.
        let block = |out: &mut String, ix: NodeIndex| {
            statement(out, &names, mi, ix);
            relations(out, &names, mi, &roles, &schemes, ix);
            for &(mb, b) in contradicts.get(&(mi, ix)).into_iter().flatten() {
                let _ = writeln!(out, "  >< [{}]", names.title(mb, b));
            }
            same_as_comments(out, &names, mi, ix);
        };
        for ix in order {
            block(&mut out, ix);
        }
        arguments(&mut out, &names, mi, &schemes);
        // The groups last, as sections under the map's heading (their statements are
        // referred to by title, so the arguments above may name them).
        let level = if heading.trim().is_empty() { 1 } else { 2 };
        for (depth, title, members) in sections.list {
            let hashes = "#".repeat((level + depth).min(MAX_HEADING));
            let _ = write!(out, "\n{hashes} {}\n", esc(&title));
            for ix in members {
                block(&mut out, ix);
            }
        }
    }
    out
}

/// The deepest heading written (`######`): deeper groups are headed at this level.
const MAX_HEADING: usize = 6;

/// A map's groups as Argdown sections: each group that holds a shown node (itself or
/// through a subgroup), in tree order, with its depth, title and shown nodes.
struct Sections {
    list: Vec<(usize, String, Vec<NodeIndex>)>,
}

impl Sections {
    /// The sections of `dm`; the nodes they hold are taken out of `order` (which keeps
    /// its order: theses first), so `order` is left with the nodes of no group.
    fn of(dm: &DiagramMap, order: &mut Vec<NodeIndex>) -> Sections {
        let groups = dm.map.groups();
        if groups.is_empty() {
            return Sections { list: Vec::new() };
        }
        let holds = groups.holding(|ix| dm.shows(ix));
        let mut members: Vec<Vec<NodeIndex>> = vec![Vec::new(); groups.list.len()];
        order.retain(|&ix| match groups.of_node(ix) {
            Some(k) if holds[k] => {
                members[k].push(ix);
                false
            }
            _ => true,
        });
        let list = groups
            .tree_order()
            .into_iter()
            .filter(|&k| holds[k])
            .map(|k| {
                let info = &groups.list[k];
                let title = groups
                    .entry(dm.map.graph.map, k)
                    .and_then(|e| e.title())
                    .unwrap_or(info.id.as_str());
                (info.depth, one_line(title), std::mem::take(&mut members[k]))
            })
            .collect();
        Sections { list }
    }
}

/// A statement `[ID]: text`, after a blank line (and `// thesis` for a thesis).
fn statement(out: &mut String, names: &Names, mi: usize, ix: NodeIndex) {
    let n = &names.maps[mi].map.graph.graph[ix];
    out.push('\n');
    if n.is_thesis() {
        out.push_str("// thesis\n");
    }
    let mut text = esc(n.text());
    if text.is_empty() {
        text = "(no text)".into();
    }
    // An implicit premise (the analyst's reconstruction) is tagged `#implicit`.
    let tag = if n.node.is_some_and(|x| x.implicit()) {
        " #implicit"
    } else {
        ""
    };
    let _ = writeln!(out, "[{}]: {text}{tag}", names.title(mi, ix));
}

/// A statement's outgoing relations: into its arguments (or straight at the
/// conclusion), and `_>` into the arguments it undercuts (through an argument of its own
/// when its undercut is addressable).
fn relations(
    out: &mut String,
    names: &Names,
    mi: usize,
    roles: &Roles,
    schemes: &MapSchemes,
    ix: NodeIndex,
) {
    let dm = &names.maps[mi];
    let g = &dm.map.graph;
    let addressable = |inf: &Inference| written_apart(dm.map, schemes, inf);
    let list = &dm.map.inferences().list;
    let title = |inf: &Inference| argument_title(g, &names.prefix(mi), inf, list);
    let none = Vec::new();
    let mine = roles.premise_of.get(&ix).unwrap_or(&none);
    for inf in mine.iter().map(|&i| &list[i]) {
        if inf.kind == LinkKind::Undercuts || !dm.shows(inf.target) {
            continue;
        }
        if addressable(inf) {
            let _ = writeln!(out, "  +> <{}>", title(inf));
        } else {
            let arrow = if inf.kind == LinkKind::Supports {
                "+>"
            } else {
                "->"
            };
            let _ = writeln!(out, "  {arrow} [{}]", names.title(mi, inf.target));
        }
    }
    for &i in mine.iter().filter(|&&i| roles.drawn[i]) {
        let inf = &list[i];
        match inf.undercut() {
            Some(_) if addressable(inf) => {
                let _ = writeln!(out, "  +> <{}>", title(inf));
            }
            Some(of) => {
                let _ = writeln!(out, "  _> <{}>", title(&list[of]));
            }
            None => {}
        }
    }
}

/// A statement's `same_as` links as comments: within the map, then the node's own
/// `same_as` entries that name other maps; then its `contradicts` entries.
fn same_as_comments(out: &mut String, names: &Names, mi: usize, ix: NodeIndex) {
    let dm = &names.maps[mi];
    let g = &dm.map.graph;
    for e in g
        .graph
        .edges(ix)
        .filter(|e| *e.weight() == EdgeKind::SameAs)
    {
        let _ = writeln!(
            out,
            "// {} same as {}",
            names.title(mi, ix),
            names.title(mi, e.target())
        );
    }
    if let Some(node) = g.graph[ix].node {
        for s in node
            .same_as()
            .iter()
            .filter(|s| !s.starts_with(&format!("{}:", dm.map.map_id())))
        {
            let _ = writeln!(out, "// {} same as {}", names.title(mi, ix), one_line(s));
        }
        for s in node.contradicts() {
            let _ = writeln!(
                out,
                "// {} contradicts {}",
                names.title(mi, ix),
                one_line(s)
            );
        }
    }
}

/// Map `mi`'s addressable arguments that are drawn ([`drawn`]): each a described
/// argument pointing at its conclusion (`_>` at the argument it undercuts, for an
/// undercut).
fn arguments(out: &mut String, names: &Names, mi: usize, schemes: &MapSchemes) {
    let dm = &names.maps[mi];
    let g = &dm.map.graph;
    let list = &dm.map.inferences().list;
    let title = |inf: &Inference| argument_title(g, &names.prefix(mi), inf, list);
    let drawn = drawn(dm);
    for (inf, _) in list
        .iter()
        .zip(&drawn)
        .filter(|(i, d)| **d && written_apart(dm.map, schemes, i))
    {
        let premises: Vec<&str> = inf.premises.iter().map(|&p| g.graph[p].id).collect();
        let described = match inf.undercut() {
            Some(of) => format!(
                "The undercut of {} by {}.",
                list[of].name(g),
                premises.join(" together with ")
            ),
            None => {
                let what = if inf.kind == LinkKind::Supports {
                    "support for"
                } else {
                    "attack on"
                };
                format!(
                    "The {what} {} from {}.",
                    g.graph[inf.target].id,
                    premises.join(" together with ")
                )
            }
        };
        // Its scheme, as a tag: `#(expert-opinion)`.
        let scheme = scheme_of_inference(dm.map, schemes, inf)
            .map(|s| format!(" #({})", argdown_tag(s)))
            .unwrap_or_default();
        let _ = write!(out, "\n<{}>: {}{scheme}\n", title(inf), esc(&described));
        match inf.undercut() {
            Some(of) => {
                let _ = writeln!(out, "  _> <{}>", title(&list[of]));
            }
            None => {
                let arrow = if inf.kind == LinkKind::Supports {
                    "+>"
                } else {
                    "->"
                };
                let _ = writeln!(out, "  {arrow} [{}]", names.title(mi, inf.target));
            }
        }
    }
}
