//! The comparison drawn: both maps side by side as clusters, joined by their aligned
//! pairs.

use crate::analyse::compare::{Comparison, Conflict, Origin, Pair};
use crate::analyse::neighbourhood::CompareView;
use crate::analyse::Analysed;
use crate::present::dot::{self, attr, DiagramMap};
use graphviz_rust::dot_structures::{Attribute, Graph, Id};
use std::collections::HashMap;

/// Maps with more nodes than this (together) are drawn trimmed unless `full` is asked
/// (decided by [`crate::analyse::neighbourhood::compare_views`]).
pub use crate::analyse::neighbourhood::TRIM_FROM;

/// The prefixes of the DOT node names of the two maps: `map-id:`, or `left:` and
/// `right:` when both have the same id.
pub fn name_prefixes(a: &Analysed, b: &Analysed) -> [String; 2] {
    if a.map_id() == b.map_id() {
        ["left:".into(), "right:".into()]
    } else {
        [format!("{}:", a.map_id()), format!("{}:", b.map_id())]
    }
}

/// Both maps side by side as clusters: aligned pairs joined by dashed links (suggested
/// ones dotted and blue, with their score; a pair whose numbers conflict in orange), and
/// the nodes `views` dims drawn grey, only the nodes `views` keeps when trimmed (see
/// [`crate::analyse::neighbourhood::compare_views`], which decides both); the cluster
/// titles say how many nodes were left out.
pub fn diagram(a: &Analysed, b: &Analysed, c: &Comparison, views: &[CompareView; 2]) -> Graph {
    let maps = [a, b];
    let prefixes = name_prefixes(a, b);
    let prefix = |i: usize| prefixes[i].clone();
    // Bottom to top: the clusters stand side by side.
    let mut stmts = dot::header("BT");
    // The node of each map that holds its cluster in place (`dot::in_order`).
    let mut anchors: Vec<String> = Vec::with_capacity(2);
    for (i, (m, view)) in maps.iter().zip(views).enumerate() {
        let left_out = view.left_out;
        let dm = DiagramMap {
            map: m,
            visible: view.visible.clone(),
            focus: None,
        };
        if let Some(ix) = dot::anchor_node(&dm) {
            anchors.push(format!("{}{}", prefix(i), m.graph.graph[ix].id));
        }
        // The first map is drawn on the left (`dot::in_order` below); the map id in the
        // title says which is which.
        let mut note = format!("map {}", m.map_id());
        if left_out > 0 {
            note.push_str(&format!(
                " ({left_out} nodes off the paths from aligned nodes to the thesis are not drawn; --full draws them)"
            ));
        }
        stmts.push(dot::cluster(&dm, i, &prefix(i), &view.dimmed, Some(&note)));
    }
    let grouped = !(a.groups().is_empty() && b.groups().is_empty());
    stmts.extend(dot::in_order(&anchors, grouped));
    let conflicts: HashMap<usize, &Conflict> = c.conflicts.iter().map(|k| (k.pair, k)).collect();
    for (i, p) in c.pairs.iter().enumerate() {
        let (na, nb) = (
            format!("{}{}", prefix(0), p.left.id),
            format!("{}{}", prefix(1), p.right.id),
        );
        stmts.push(dot::edge(
            &na,
            &nb,
            pair_style(p, conflicts.get(&i).copied()),
        ));
    }
    for x in &c.contradicts {
        let (from, to) = match x.side {
            crate::analyse::compare::Side::Left => (0, 1),
            crate::analyse::compare::Side::Right => (1, 0),
        };
        stmts.push(dot::edge(
            &format!("{}{}", prefix(from), x.node),
            &format!("{}{}", prefix(to), x.contradicts),
            dot::contradicts_style(),
        ));
    }
    Graph::DiGraph {
        id: Id::Escaped(crate::present::escape::dot_quoted("argmap-compare")),
        strict: false,
        stmts,
    }
}

/// The line that joins pair `p`: grey and dashed when declared, blue and dotted with its
/// score when suggested, orange with the differing values when its numbers conflict.
fn pair_style(p: &Pair, conflict: Option<&Conflict>) -> Vec<Attribute> {
    let mut style = dot::same_as_style();
    let set = |style: &mut Vec<Attribute>, k: &str, v: &str| {
        style.retain(|Attribute(key, _)| *key != Id::Plain(k.into()));
        style.push(attr(k, v));
    };
    // Many pairs: the dashed line says "same as" without a label on each.
    style.retain(|Attribute(key, _)| *key != Id::Plain("label".into()));
    if p.origin == Origin::Suggested {
        set(&mut style, "style", "dotted");
        set(&mut style, "color", "#1565c0");
        set(&mut style, "fontcolor", "#1565c0");
        set(&mut style, "label", &format!("≈ {:.2}", p.score));
    }
    if let Some(k) = conflict {
        let what = format!(
            "{} ≠ {}",
            k.left.unmatched.join(", "),
            k.right.unmatched.join(", ")
        );
        set(&mut style, "color", "#e65100");
        set(&mut style, "fontcolor", "#e65100");
        set(&mut style, "penwidth", "2");
        set(&mut style, "label", &what);
    }
    style
}
