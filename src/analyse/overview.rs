//! The overview of a map read by chapter: one box per top-level group (its subgroups'
//! nodes included), one box per thesis, one for the nodes in no group, and between the
//! boxes the links of the map summed by kind. An essay map of a few hundred nodes is a
//! strip tens of thousands of pixels wide when every node is drawn; its overview is a
//! dozen boxes that fit a screen, and `render --group G` then draws one chapter whole.
//!
//! Pure data, built in one pass over the nodes and one over the edges.

use super::support::Status;
use super::Analysed;
use crate::graph::{EdgeKind, NodeKind};
use petgraph::graph::NodeIndex;
use petgraph::visit::EdgeRef;
use std::collections::BTreeMap;

/// What a box of the overview stands for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum BoxKind {
    /// A thesis, drawn as itself (it is what the chapters argue for).
    Thesis(NodeIndex),
    /// A top-level group (an index into [`super::groups::Groups::list`]).
    Group(usize),
    /// The nodes placed in no group.
    Ungrouped,
}

/// One box: what it stands for and what it holds.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OverviewBox {
    /// What it stands for.
    pub kind: BoxKind,
    /// Claims, evidence and rebuttals in it (theses aside).
    pub claims: usize,
    /// Evidence items in it.
    pub evidence: usize,
    /// Rebuttals in it.
    pub rebuttals: usize,
    /// Its claims with cited support.
    pub cited_claims: usize,
}

/// How one box bears on another: the map's links from nodes of the first to nodes of the
/// second, counted by kind.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Bearing {
    /// `supports` links.
    pub supports: usize,
    /// `attacks` links.
    pub attacks: usize,
    /// `undercuts` (counted at the conclusion of the link undercut).
    pub undercuts: usize,
}

/// The overview of one map. See the module's documentation.
#[derive(Clone, Debug, Default)]
pub struct Overview {
    /// The boxes: theses first, then the top-level groups in document order, then the
    /// nodes in no group (when there are any).
    pub boxes: Vec<OverviewBox>,
    /// `(from, to)` (indices into `boxes`) → the links between them; links within one
    /// box are not counted.
    pub bearings: BTreeMap<(usize, usize), Bearing>,
}

impl Overview {
    /// The overview of `m`; `None` when the map has no groups (there is nothing to sum).
    pub fn of(m: &Analysed) -> Option<Overview> {
        let groups = m.groups();
        if groups.is_empty() {
            return None;
        }
        let g = &m.graph.graph;
        let support = m.support();
        // The top-level group of each group, in one pass from the top down (a path per
        // group would cost the square of a deep chain).
        let top = groups.drawn_as(1);
        let mut boxes: Vec<OverviewBox> = Vec::new();
        let mut box_of_top: BTreeMap<usize, usize> = BTreeMap::new();
        let new_box = |kind| OverviewBox {
            kind,
            claims: 0,
            evidence: 0,
            rebuttals: 0,
            cited_claims: 0,
        };
        let mut theses = BTreeMap::new();
        for ix in g.node_indices().filter(|&ix| g[ix].is_thesis()) {
            theses.insert(ix, boxes.len());
            boxes.push(new_box(BoxKind::Thesis(ix)));
        }
        for (i, info) in groups.list.iter().enumerate() {
            if info.parent.is_none() {
                box_of_top.insert(i, boxes.len());
                boxes.push(new_box(BoxKind::Group(i)));
            }
        }
        let mut ungrouped: Option<usize> = None;
        let mut box_of_node: Vec<Option<usize>> = vec![None; g.node_count()];
        for ix in g.node_indices() {
            if g[ix].kind == NodeKind::Source {
                continue;
            }
            let b = match (theses.get(&ix), groups.of_node(ix)) {
                (Some(&b), _) => b,
                (None, Some(gi)) => box_of_top[&top[gi]],
                (None, None) => *ungrouped.get_or_insert_with(|| {
                    boxes.push(new_box(BoxKind::Ungrouped));
                    boxes.len() - 1
                }),
            };
            box_of_node[ix.index()] = Some(b);
            if theses.contains_key(&ix) {
                continue;
            }
            let bx = &mut boxes[b];
            match g[ix].kind {
                NodeKind::Claim => {
                    bx.claims += 1;
                    if support.status(ix) == Status::Cited {
                        bx.cited_claims += 1;
                    }
                }
                NodeKind::Evidence => bx.evidence += 1,
                NodeKind::Rebuttal => bx.rebuttals += 1,
                NodeKind::Source => {}
            }
        }
        let mut bearings: BTreeMap<(usize, usize), Bearing> = BTreeMap::new();
        for e in g.edge_references() {
            let (Some(a), Some(b)) = (
                box_of_node[e.source().index()],
                box_of_node[e.target().index()],
            ) else {
                continue;
            };
            if a == b {
                continue;
            }
            let bearing = bearings.entry((a, b)).or_default();
            match e.weight() {
                EdgeKind::Supports => bearing.supports += 1,
                EdgeKind::Attacks => bearing.attacks += 1,
                EdgeKind::Undercuts { .. } => bearing.undercuts += 1,
                _ => {}
            }
        }
        bearings.retain(|_, b| b.supports + b.attacks + b.undercuts > 0);
        Some(Overview { boxes, bearings })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chapters_are_boxes_and_their_links_are_summed() {
        let yaml = "id: m\ngroups:\n  ch1: {title: One}\n  s1: {title: Sub, in: ch1}\n  ch2: {title: Two}\nsources:\n  b: {title: B}\nclaims:\n  T: {text: t, thesis: true}\n  A: {text: a, supports: [T], group: s1, cites: [b]}\n  B: {text: b, supports: [T, A], group: ch1}\n  C: {text: c, attacks: [A], group: ch2}\n  D: {text: d, supports: [C]}\nrebuttals:\n  U: {text: u, undercuts: [\"A -> T\"], group: ch2}\n";
        let file = crate::parse::load::load_str(std::path::Path::new("m.yaml"), yaml.into());
        let m = Analysed::new(&file).expect("parses");
        let o = Overview::of(&m).expect("groups");
        let kinds: Vec<BoxKind> = o.boxes.iter().map(|b| b.kind).collect();
        let t = m.graph.node("T").expect("T");
        assert_eq!(
            kinds,
            [
                BoxKind::Thesis(t),
                BoxKind::Group(0),
                BoxKind::Group(2),
                BoxKind::Ungrouped
            ]
        );
        // ch1 holds A (in its subgroup) and B; A cites a source, B (which only
        // supports) has no cited support.
        assert_eq!((o.boxes[1].claims, o.boxes[1].cited_claims), (2, 1));
        assert_eq!((o.boxes[2].claims, o.boxes[2].rebuttals), (1, 1));
        // ch1 supports T twice (A and B; B -> A stays inside ch1); ch2 attacks ch1
        // and undercuts a link into T; the ungrouped D supports ch2's C.
        assert_eq!(o.bearings[&(1, 0)].supports, 2);
        assert_eq!(o.bearings[&(2, 1)].attacks, 1);
        assert_eq!(o.bearings[&(2, 0)].undercuts, 1);
        assert_eq!(o.bearings[&(3, 2)].supports, 1);
        assert_eq!(o.bearings.len(), 4);
    }

    #[test]
    fn a_map_without_groups_has_no_overview() {
        let file = crate::parse::load::load_str(
            std::path::Path::new("m.yaml"),
            "id: m\nclaims:\n  T: {text: t, thesis: true}\n".into(),
        );
        let m = Analysed::new(&file).expect("parses");
        assert!(Overview::of(&m).is_none());
    }
}
