//! The typed map as a petgraph graph with an id → node index.
//!
//! Nodes: claims, evidence, rebuttals and sources. Edges: supports, attacks, undercuts (an
//! attack on a link: the edge goes to the link's conclusion and names the link), cites,
//! and `same_as` within the map. References that cannot be resolved are not edges; they
//! are kept in [`ArgGraph::problems`] for the checks to report. Also kept: the ids
//! declared twice ([`ArgGraph::duplicates`]), the `same_as` references to other maps
//! ([`ArgGraph::external_same_as`], resolved by analysis) and each node's co-premises
//! ([`ArgGraph::linked`]).
//!
//! [`ArgGraph::build`] adds the nodes (sections in document order), then the edges in
//! two passes: supports, attacks, cites and `same_as`, then `undercuts` and `with`,
//! which name the links of the first pass. Plus a few queries on the result (the link
//! between two nodes, a node's targets, the theses...).

use crate::parse::ids::{link_string, parse_chain};
use crate::parse::model::{Cite, FastHash, Map, Node, Section, SourceEntry};
use petgraph::graph::{DiGraph, EdgeIndex, NodeIndex};
use petgraph::visit::EdgeRef;
use petgraph::Direction;
use serde::Serialize;
use std::collections::hash_map::Entry;
use std::collections::HashMap;

/// What a node of the graph is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum NodeKind {
    /// A claim (`claims:`).
    Claim,
    /// An evidence item (`evidence:`).
    Evidence,
    /// A rebuttal (`rebuttals:`).
    Rebuttal,
    /// A source (`sources:`).
    Source,
}

impl NodeKind {
    /// The kind of the nodes of a section.
    pub fn of(section: Section) -> NodeKind {
        match section {
            Section::Claims => NodeKind::Claim,
            Section::Evidence => NodeKind::Evidence,
            Section::Rebuttals => NodeKind::Rebuttal,
            Section::Sources => NodeKind::Source,
        }
    }
    /// The section that holds nodes of this kind.
    pub fn section(self) -> Section {
        match self {
            NodeKind::Claim => Section::Claims,
            NodeKind::Evidence => Section::Evidence,
            NodeKind::Rebuttal => Section::Rebuttals,
            NodeKind::Source => Section::Sources,
        }
    }
    /// "claim", "evidence", ...
    pub fn name(self) -> &'static str {
        match self {
            NodeKind::Claim => "claim",
            NodeKind::Evidence => "evidence",
            NodeKind::Rebuttal => "rebuttal",
            NodeKind::Source => "source",
        }
    }
}

/// A node of the graph: its kind and id, and the map entry it comes from.
#[derive(Clone, Copy, Debug)]
pub struct GNode<'m> {
    /// What the node is.
    pub kind: NodeKind,
    /// Its id in the map.
    pub id: &'m str,
    /// The claim, evidence or rebuttal (None for sources).
    pub node: Option<&'m Node>,
    /// The source entry (None for other kinds).
    pub source: Option<&'m SourceEntry>,
}

impl<'m> GNode<'m> {
    /// Its text: a node's `text`, a source's title (or note); empty when it has none.
    pub fn text(&self) -> &'m str {
        match (self.node, self.source) {
            (Some(n), _) => n.text.as_deref().unwrap_or(""),
            (None, Some(s)) => s.name().unwrap_or(""),
            _ => "",
        }
    }
    /// Whether it is a claim marked `thesis: true`.
    pub fn is_thesis(&self) -> bool {
        self.kind == NodeKind::Claim && self.node.is_some_and(|n| n.thesis == Some(true))
    }
}

/// What an edge of the graph means. Edges point from the node that declares the
/// relation to its target (the supporter to the supported, the citing node to the source).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EdgeKind {
    /// The source node supports the target.
    Supports,
    /// The source node attacks the target.
    Attacks,
    /// An attack on the inference `link` (a supports or attacks edge, or, for an undercut
    /// of an undercut, the undercuts edge undercut); the edge itself points at the link's
    /// conclusion (for an undercut of an undercut, the conclusion of the innermost link).
    /// A link always has a lower index than the undercuts edge naming it.
    Undercuts {
        /// The supports, attacks or undercuts edge undercut.
        link: EdgeIndex,
    },
    /// The `n`-th entry of the citing node's `cites` (32 bits keep the edge at 8 bytes).
    Cites {
        /// The entry's index in `cites`.
        n: u32,
    },
    /// The two nodes state the same proposition (within the map).
    SameAs,
}

/// A field that holds references.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Field {
    /// `supports`.
    Supports,
    /// `attacks`.
    Attacks,
    /// `undercuts`.
    Undercuts,
    /// `with`.
    With,
    /// `cites`.
    Cites,
    /// `same_as`.
    SameAs,
    /// `contradicts`.
    Contradicts,
}

impl Field {
    /// The field's key in the map file.
    pub fn key(self) -> &'static str {
        match self {
            Field::Supports => "supports",
            Field::Attacks => "attacks",
            Field::Undercuts => "undercuts",
            Field::With => "with",
            Field::Cites => "cites",
            Field::SameAs => "same_as",
            Field::Contradicts => "contradicts",
        }
    }
}

/// Why a reference did not become an edge.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RefProblemKind {
    /// No node has that id.
    Missing,
    /// The id names a node of the wrong kind (e.g. `cites` a claim).
    WrongKind {
        /// The kind it is.
        found: NodeKind,
    },
    /// The node names itself.
    SelfReference,
    /// `undercuts: ["A -> B"]` where A does not support or attack B.
    NoSuchLink,
    /// `with: [P]` where P supports or attacks none of this node's targets.
    NotCoPremise,
    /// `undercuts: ["U -> A -> B"]` where the inner link `link` (here `A -> B`, or the
    /// whole `U -> A -> B` when U does not undercut it) does not exist.
    NoSuchInnerLink {
        /// The link, at some level of the undercut's link string, that does not exist.
        link: String,
    },
    /// The reference is not written as the field requires (`A -> B`, `map:NODE`).
    BadSyntax,
}

/// A reference that did not become an edge.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RefProblem {
    /// The node whose field holds the reference.
    pub from: NodeIndex,
    /// The field.
    pub field: Field,
    /// Index of the item in the field's list.
    pub item: usize,
    /// The text of the reference as written.
    pub target: String,
    /// What is wrong with it.
    pub kind: RefProblemKind,
}

/// A `same_as` that names a node of another map: resolved when several maps are loaded.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ExternalSameAs {
    /// The node whose `same_as` holds it.
    pub from: NodeIndex,
    /// Index of the item in `same_as`.
    pub item: usize,
    /// The other map's id.
    pub map_id: String,
    /// The node's id in that map.
    pub node_id: String,
}

/// An id declared a second time (in the same or another section).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DuplicateId {
    /// The id.
    pub id: String,
    /// The section of the second declaration.
    pub section: Section,
    /// The section of the first.
    pub first: Section,
    /// Which occurrence of the key within `section` (0 when it is the first there).
    pub occurrence: usize,
}

/// The graph of one map.
#[derive(Debug)]
pub struct ArgGraph<'m> {
    /// The map it was built from.
    pub map: &'m Map,
    /// Nodes (claims, evidence, rebuttals, sources) and their relations.
    pub graph: DiGraph<GNode<'m>, EdgeKind>,
    /// Each node's index by id.
    pub index: HashMap<&'m str, NodeIndex, FastHash>,
    /// References that did not become edges (reported by the checks).
    pub problems: Vec<RefProblem>,
    /// `same_as` references to nodes of other maps.
    pub external_same_as: Vec<ExternalSameAs>,
    /// `contradicts` references (always to nodes of other maps; `item` indexes
    /// `contradicts`).
    pub external_contradicts: Vec<ExternalSameAs>,
    /// Ids declared more than once.
    pub duplicates: Vec<DuplicateId>,
    /// For each node, the co-premises it is linked with (`with`, in both directions),
    /// already checked to share a target.
    pub linked: HashMap<NodeIndex, Vec<NodeIndex>, FastHash>,
}

impl<'m> ArgGraph<'m> {
    /// Builds the graph of `map`. Never fails: what cannot be resolved is recorded.
    pub fn build(map: &'m Map) -> ArgGraph<'m> {
        let mut g = ArgGraph {
            map,
            graph: DiGraph::with_capacity(map.len(), map.len() * 2),
            index: HashMap::with_capacity_and_hasher(map.len(), FastHash::default()),
            problems: Vec::new(),
            external_same_as: Vec::new(),
            external_contradicts: Vec::new(),
            duplicates: Vec::new(),
            linked: HashMap::default(),
        };
        g.add_nodes();
        g.add_edges();
        g
    }

    /// A node for each source, claim, evidence item and rebuttal, sections in document
    /// order; an id declared again is recorded in `duplicates`, not added.
    fn add_nodes(&mut self) {
        let map = self.map;
        // Sections in document order, so "the second occurrence" is the later one.
        let mut order = map.section_order.clone();
        for s in [
            Section::Sources,
            Section::Claims,
            Section::Evidence,
            Section::Rebuttals,
        ] {
            if !order.contains(&s) {
                order.push(s);
            }
        }
        for section in order {
            match section {
                Section::Sources => {
                    for (id, s) in map.sources.iter() {
                        self.add_node(section, id, None, Some(s));
                    }
                }
                _ => {
                    let nodes = match section {
                        Section::Claims => &map.claims,
                        Section::Evidence => &map.evidence,
                        _ => &map.rebuttals,
                    };
                    for (id, n) in nodes.iter() {
                        self.add_node(section, id, Some(n), None);
                    }
                }
            }
            self.add_repeated_keys(section);
        }
    }

    /// Adds the node `id` of `section`, or records it as a duplicate when the id is
    /// taken (by a node of an earlier section, or earlier in this one).
    fn add_node(
        &mut self,
        section: Section,
        id: &'m str,
        node: Option<&'m Node>,
        source: Option<&'m SourceEntry>,
    ) {
        match self.index.entry(id) {
            Entry::Occupied(first) => self.duplicates.push(DuplicateId {
                id: id.to_string(),
                section,
                first: self.graph[*first.get()].kind.section(),
                occurrence: 0,
            }),
            Entry::Vacant(slot) => {
                slot.insert(self.graph.add_node(GNode {
                    kind: NodeKind::of(section),
                    id,
                    node,
                    source,
                }));
            }
        }
    }

    /// Records the keys given again within `section` (which the map kept once) as
    /// duplicates, with their occurrence number.
    fn add_repeated_keys(&mut self, section: Section) {
        let map = self.map;
        let dups = match section {
            Section::Sources => &map.sources.duplicates,
            Section::Claims => &map.claims.duplicates,
            Section::Evidence => &map.evidence.duplicates,
            Section::Rebuttals => &map.rebuttals.duplicates,
        };
        for (id, occurrence) in dups {
            self.duplicates.push(DuplicateId {
                id: id.clone(),
                section,
                first: section,
                occurrence: *occurrence,
            });
        }
    }

    /// Records a reference of `from` that did not become an edge.
    fn problem(
        &mut self,
        from: NodeIndex,
        field: Field,
        item: usize,
        target: &str,
        kind: RefProblemKind,
    ) {
        self.problems.push(RefProblem {
            from,
            field,
            item,
            target: target.to_string(),
            kind,
        });
    }

    /// Resolves `target` for `field` of `from`: the node index when it names a node that
    /// may be a target of this field.
    fn resolve(
        &mut self,
        from: NodeIndex,
        field: Field,
        item: usize,
        target: &str,
    ) -> Option<NodeIndex> {
        let Some(&to) = self.index.get(target) else {
            self.problem(from, field, item, target, RefProblemKind::Missing);
            return None;
        };
        let found = self.graph[to].kind;
        let ok = match field {
            Field::Cites => found == NodeKind::Source,
            _ => found != NodeKind::Source,
        };
        if !ok {
            self.problem(
                from,
                field,
                item,
                target,
                RefProblemKind::WrongKind { found },
            );
            return None;
        }
        if to == from && field != Field::Cites {
            self.problem(from, field, item, target, RefProblemKind::SelfReference);
            return None;
        }
        Some(to)
    }

    /// The edges of every claim, evidence item and rebuttal, in two passes over the
    /// nodes in graph order: supports, attacks, cites and `same_as` first, then
    /// `undercuts` and `with`, which name links the first pass made. Each reference
    /// that does not resolve is recorded in `problems` (or `external_same_as`), in the
    /// order met.
    fn add_edges(&mut self) {
        let nodes: Vec<NodeIndex> = self.graph.node_indices().collect();
        for &ix in &nodes {
            if let Some(node) = self.graph[ix].node {
                self.add_links(ix, node);
                self.add_cites(ix, node);
                self.add_same_as(ix, node);
                self.add_contradicts(ix, node);
            }
        }
        let undercuts = self.add_undercuts(&nodes);
        for &ix in &nodes {
            if let Some(node) = self.graph[ix].node {
                self.add_with(ix, node, &undercuts);
            }
        }
    }

    /// The supports and attacks edges of node `ix`.
    fn add_links(&mut self, ix: NodeIndex, node: &'m Node) {
        for (field, list) in [
            (Field::Supports, &node.supports),
            (Field::Attacks, &node.attacks),
        ] {
            for (i, t) in list.iter().enumerate() {
                if let Some(to) = self.resolve(ix, field, i, t) {
                    let kind = if field == Field::Supports {
                        EdgeKind::Supports
                    } else {
                        EdgeKind::Attacks
                    };
                    self.graph.add_edge(ix, to, kind);
                }
            }
        }
    }

    /// The cites edges of node `ix`, each with the number of its citation.
    fn add_cites(&mut self, ix: NodeIndex, node: &'m Node) {
        for (i, c) in node.cites.iter().enumerate() {
            if let Some(to) = self.resolve(ix, Field::Cites, i, &c.source) {
                self.graph.add_edge(
                    ix,
                    to,
                    EdgeKind::Cites {
                        n: u32::try_from(i).unwrap_or(u32::MAX),
                    },
                );
            }
        }
    }

    /// The `same_as` of node `ix`: an edge to a node of this map, a record of one naming
    /// another map, a problem for one that is not `map:node`.
    fn add_same_as(&mut self, ix: NodeIndex, node: &'m Node) {
        for (i, s) in node.same_as().iter().enumerate() {
            match s.split_once(':') {
                Some((m, n)) if !m.trim().is_empty() && !n.trim().is_empty() => {
                    let (m, n) = (m.trim(), n.trim());
                    if Some(m) == self.map.id.as_deref() {
                        if let Some(to) = self.resolve(ix, Field::SameAs, i, n) {
                            self.graph.add_edge(ix, to, EdgeKind::SameAs);
                        }
                    } else {
                        self.external_same_as.push(ExternalSameAs {
                            from: ix,
                            item: i,
                            map_id: m.to_string(),
                            node_id: n.to_string(),
                        });
                    }
                }
                _ => self.problem(ix, Field::SameAs, i, s, RefProblemKind::BadSyntax),
            }
        }
    }

    /// The `contradicts` of node `ix`: a record of each that names another map's node; one
    /// that is not `map:node`, or names this map (an attack says that), is a problem
    /// (`BadSyntax`).
    fn add_contradicts(&mut self, ix: NodeIndex, node: &'m Node) {
        for (i, s) in node.contradicts().iter().enumerate() {
            match s.split_once(':') {
                Some((m, n))
                    if !m.trim().is_empty()
                        && !n.trim().is_empty()
                        && Some(m.trim()) != self.map.id.as_deref() =>
                {
                    self.external_contradicts.push(ExternalSameAs {
                        from: ix,
                        item: i,
                        map_id: m.trim().to_string(),
                        node_id: n.trim().to_string(),
                    });
                }
                _ => self.problem(ix, Field::Contradicts, i, s, RefProblemKind::BadSyntax),
            }
        }
    }

    /// The undercuts edges of `nodes`: each to the conclusion of the link it names,
    /// carrying that link's edge. A link string `U -> A -> B` names the undercuts edge
    /// by which U undercuts `A -> B`, so the entries are added by depth (the number of
    /// ids), shallowest first: the links a deeper entry names are then all in the graph,
    /// and every undercuts edge has a higher index than its link. Returns the undercuts
    /// edges by (undercutter, link undercut), for `with`.
    fn add_undercuts(&mut self, nodes: &[NodeIndex]) -> HashMap<(NodeIndex, EdgeIndex), EdgeIndex> {
        // (depth, node, item, ids) of every entry that parses; a stable sort by depth keeps
        // map order within a depth (and so the order problems are met in).
        let mut entries: Vec<(NodeIndex, usize, Vec<&'m str>)> = Vec::new();
        for &ix in nodes {
            let Some(node) = self.graph[ix].node else {
                continue;
            };
            for (i, u) in node.undercuts().iter().enumerate() {
                match parse_chain(u) {
                    Some(ids) => entries.push((ix, i, ids)),
                    None => self.problem(ix, Field::Undercuts, i, u, RefProblemKind::BadSyntax),
                }
            }
        }
        entries.sort_by_key(|(_, _, ids)| ids.len());
        let mut undercuts: HashMap<(NodeIndex, EdgeIndex), EdgeIndex> = HashMap::new();
        for (ix, i, ids) in entries {
            let Some(node) = self.graph[ix].node else {
                continue;
            };
            let written = &node.undercuts()[i];
            let resolved: Option<Vec<NodeIndex>> = ids
                .iter()
                .map(|id| self.resolve(ix, Field::Undercuts, i, id))
                .collect();
            let Some(resolved) = resolved else {
                continue;
            };
            match self.named_link(&resolved, &undercuts) {
                Ok(link) => {
                    let to = resolved[resolved.len() - 1];
                    if let Entry::Vacant(slot) = undercuts.entry((ix, link)) {
                        slot.insert(self.graph.add_edge(ix, to, EdgeKind::Undercuts { link }));
                    }
                }
                // The whole link is missing: the message names it as written.
                Err(0) => {
                    self.problem(ix, Field::Undercuts, i, written, RefProblemKind::NoSuchLink)
                }
                Err(from) => {
                    let link = link_string(&ids[from..]);
                    self.problem(
                        ix,
                        Field::Undercuts,
                        i,
                        written,
                        RefProblemKind::NoSuchInnerLink { link },
                    );
                }
            }
        }
        undercuts
    }

    /// The edge of the link whose ids are `chain` (`[A, B]`: the supports or attacks edge
    /// from A to B; `[U, A, B]`: the undercuts edge from U naming `A -> B`...), read from
    /// the innermost link out; `Err(k)` when the link of `chain[k..]` does not exist.
    fn named_link(
        &self,
        chain: &[NodeIndex],
        undercuts: &HashMap<(NodeIndex, EdgeIndex), EdgeIndex>,
    ) -> Result<EdgeIndex, usize> {
        let n = chain.len();
        let mut link = self.link(chain[n - 2], chain[n - 1]).ok_or(n - 2)?;
        for k in (0..n - 2).rev() {
            link = *undercuts.get(&(chain[k], link)).ok_or(k)?;
        }
        Ok(link)
    }

    /// The co-premises of node `ix` (`with`), recorded in `linked` both ways when they
    /// share a target or an undercut link (`undercuts` gives the undercuts edges by
    /// undercutter and link).
    fn add_with(
        &mut self,
        ix: NodeIndex,
        node: &'m Node,
        undercuts: &HashMap<(NodeIndex, EdgeIndex), EdgeIndex>,
    ) {
        for (i, w) in node.with().iter().enumerate() {
            let Some(p) = self.resolve(ix, Field::With, i, w) else {
                continue;
            };
            let shares = self.targets(ix).any(|t| self.targets(p).any(|u| u == t))
                || self
                    .undercut_links(ix)
                    .any(|l| undercuts.contains_key(&(p, l)));
            if shares {
                self.linked.entry(ix).or_default().push(p);
                self.linked.entry(p).or_default().push(ix);
            } else {
                self.problem(ix, Field::With, i, w, RefProblemKind::NotCoPremise);
            }
        }
    }

    /// The links (supports, attacks or undercuts edges) `ix` undercuts.
    pub fn undercut_links(&self, ix: NodeIndex) -> impl Iterator<Item = EdgeIndex> + '_ {
        self.graph
            .edges_directed(ix, Direction::Outgoing)
            .filter_map(|e| match e.weight() {
                EdgeKind::Undercuts { link } => Some(*link),
                _ => None,
            })
    }

    /// The supports or attacks edge from `a` to `b`, if there is one.
    pub fn link(&self, a: NodeIndex, b: NodeIndex) -> Option<EdgeIndex> {
        self.graph
            .edges_connecting(a, b)
            .find(|e| matches!(e.weight(), EdgeKind::Supports | EdgeKind::Attacks))
            .map(|e| e.id())
    }

    /// The ids of link `e` as its link string names them (`parse::ids::parse_chain`):
    /// `[A, B]` for a supports or attacks edge from A to B, `[U, A, B]` for the undercuts
    /// edge by which U undercuts `A -> B`, and so on, read without recursion.
    pub fn link_ids(&self, e: EdgeIndex) -> Vec<&'m str> {
        let mut ids = Vec::new();
        let mut cur = e;
        while let Some((s, t)) = self.graph.edge_endpoints(cur) {
            ids.push(self.graph[s].id);
            match self.graph.edge_weight(cur) {
                Some(EdgeKind::Undercuts { link }) => cur = *link,
                _ => {
                    ids.push(self.graph[t].id);
                    break;
                }
            }
        }
        ids
    }

    /// The nodes `ix` supports or attacks.
    pub fn targets(&self, ix: NodeIndex) -> impl Iterator<Item = NodeIndex> + '_ {
        self.graph
            .edges_directed(ix, Direction::Outgoing)
            .filter(|e| matches!(e.weight(), EdgeKind::Supports | EdgeKind::Attacks))
            .map(|e| e.target())
    }

    /// The nodes that point at `ix` with an edge of the given kind.
    pub fn incoming(
        &self,
        ix: NodeIndex,
        pred: fn(&EdgeKind) -> bool,
    ) -> impl Iterator<Item = NodeIndex> + '_ {
        self.graph
            .edges_directed(ix, Direction::Incoming)
            .filter(move |e| pred(e.weight()))
            .map(|e| e.source())
    }

    /// The node with id `id`.
    pub fn node(&self, id: &str) -> Option<NodeIndex> {
        self.index.get(id).copied()
    }

    /// The thesis claims, in map order.
    pub fn theses(&self) -> Vec<NodeIndex> {
        self.graph
            .node_indices()
            .filter(|&ix| self.graph[ix].is_thesis())
            .collect()
    }

    /// The citation behind a cites edge.
    pub fn cite(&self, from: NodeIndex, n: usize) -> Option<&'m Cite> {
        self.graph[from].node.and_then(|node| node.cites.get(n))
    }
}
