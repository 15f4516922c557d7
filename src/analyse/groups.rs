//! Groups resolved: each group's parent and members, each node's group, the `group:` and
//! `in:` values that name no group, and the `in:` chains that loop. Built once per map in
//! time linear in groups + nodes (an id index, then one walk along the parent chains,
//! each group visited once), for the group checks, the diagrams (clusters), the exports
//! and the per-group reports (`support`; `compare` may group its findings by
//! [`Groups::of_node`] too).

use crate::analyse::support::{Coverage, Support};
use crate::graph::{ArgGraph, NodeKind};
use crate::parse::model::{FastHash, Group, Id, Map, Section};
use petgraph::graph::NodeIndex;
use serde::Serialize;
use std::collections::HashMap;

/// One group of the map, resolved.
#[derive(Debug, Clone)]
pub struct GroupInfo {
    /// The group's id.
    pub id: Id,
    /// Its `in:` as written.
    pub written_parent: Option<Id>,
    /// Its parent (an index into [`Groups::list`]): `None` at the top, when `in:` names
    /// no group, or when the group is on a loop of `in:` (so that what is drawn nests as
    /// a tree whatever the map says).
    pub parent: Option<usize>,
    /// Whether the group is on a loop of `in:` chains.
    pub in_cycle: bool,
    /// The groups whose parent it is, in document order.
    pub children: Vec<usize>,
    /// The nodes placed in it directly, in graph order.
    pub members: Vec<NodeIndex>,
    /// How deep it is: 0 for a group at the top, 1 for its subgroups...
    pub depth: usize,
}

/// A `group:` or `in:` value that names no group.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Unknown {
    /// A node's `group:`.
    Node(NodeIndex),
    /// A group's `in:` (an index into [`Groups::list`]).
    Group(usize),
}

/// The map's groups resolved. See the module's documentation.
#[derive(Debug, Clone, Default)]
pub struct Groups {
    /// The groups, in document order.
    pub list: Vec<GroupInfo>,
    index: HashMap<Id, usize, FastHash>,
    /// Each node's group, by node index (`None`: none, or one that does not exist).
    node_group: Vec<Option<usize>>,
    /// The values that name no group, nodes (in graph order) first, then groups.
    pub unknown: Vec<Unknown>,
    /// Each loop of `in:` once, as written: its groups in chain order, starting from the
    /// one that comes first in the document.
    pub cycles: Vec<Vec<usize>>,
}

impl Groups {
    /// Resolves the groups of the graph's map.
    pub fn of(graph: &ArgGraph) -> Groups {
        let map = graph.map;
        let mut out = Groups::default();
        for (id, entry) in map.groups() {
            out.index.insert(id.clone(), out.list.len());
            out.list.push(GroupInfo {
                id: id.clone(),
                written_parent: entry.parent().map(Id::from),
                parent: None,
                in_cycle: false,
                children: Vec::new(),
                members: Vec::new(),
                depth: 0,
            });
        }
        // Parents as written (before loops are cut).
        let mut written: Vec<Option<usize>> = Vec::with_capacity(out.list.len());
        for (i, g) in out.list.iter().enumerate() {
            let parent = g.written_parent.as_deref();
            let found = parent.and_then(|p| out.index.get(p).copied());
            if parent.is_some() && found.is_none() {
                out.unknown.push(Unknown::Group(i));
            }
            written.push(found);
        }
        out.find_cycles(&written);
        for (i, written) in written.iter().enumerate() {
            let parent = written.filter(|_| !out.list[i].in_cycle);
            out.list[i].parent = parent;
            if let Some(p) = parent {
                out.list[p].children.push(i);
            }
        }
        // Depths, from the top down (the tree is acyclic now).
        let mut stack: Vec<usize> = (0..out.list.len())
            .filter(|&i| out.list[i].parent.is_none())
            .collect();
        while let Some(i) = stack.pop() {
            let depth = out.list[i].depth + 1;
            for c in out.list[i].children.clone() {
                out.list[c].depth = depth;
                stack.push(c);
            }
        }
        out.node_group = vec![None; graph.graph.node_count()];
        let mut unknown_nodes = Vec::new();
        for ix in graph.graph.node_indices() {
            let Some(name) = graph.graph[ix].node.and_then(|n| n.group()) else {
                continue;
            };
            match out.index.get(name) {
                Some(&g) => {
                    out.node_group[ix.index()] = Some(g);
                    out.list[g].members.push(ix);
                }
                None => unknown_nodes.push(Unknown::Node(ix)),
            }
        }
        unknown_nodes.append(&mut out.unknown);
        out.unknown = unknown_nodes;
        out
    }

    /// Marks the groups on loops and records each loop once: each group has at most one
    /// parent, so a walk from each unvisited group along its parents either reaches a
    /// visited group or closes a loop on the walk itself.
    fn find_cycles(&mut self, parent: &[Option<usize>]) {
        // 0: not visited, 1: on the current walk, 2: done.
        let mut state = vec![0u8; parent.len()];
        for start in 0..parent.len() {
            let mut walk = Vec::new();
            let mut cur = Some(start);
            while let Some(i) = cur {
                if state[i] != 0 {
                    break;
                }
                state[i] = 1;
                walk.push(i);
                cur = parent[i];
            }
            if let Some(i) = cur.filter(|&i| state[i] == 1) {
                // The loop is the walk from `i` on.
                let at = walk.iter().position(|&w| w == i).unwrap_or(0);
                let mut cycle = walk[at..].to_vec();
                for &c in &cycle {
                    self.list[c].in_cycle = true;
                }
                // Start from the group first in the document.
                if let Some(first) = (0..cycle.len()).min_by_key(|&k| cycle[k]) {
                    cycle.rotate_left(first);
                }
                self.cycles.push(cycle);
            }
            for w in walk {
                state[w] = 2;
            }
        }
        self.cycles.sort_unstable_by_key(|c| c[0]);
    }

    /// The group with this id (an index into [`Groups::list`]).
    pub fn get(&self, id: &str) -> Option<usize> {
        self.index.get(id).copied()
    }

    /// The group node `ix` is placed in, when it names one that exists.
    pub fn of_node(&self, ix: NodeIndex) -> Option<usize> {
        self.node_group.get(ix.index()).copied().flatten()
    }

    /// The entry of group `g` in `map` (the map the groups were resolved from).
    pub fn entry<'m>(&self, map: &'m Map, g: usize) -> Option<&'m Group> {
        map.groups.as_ref()?.entries.get_index(g).map(|(_, e)| e)
    }

    /// Whether the map has any group.
    pub fn is_empty(&self) -> bool {
        self.list.is_empty()
    }

    /// The groups from the top down to group `g` (its ancestors, then itself).
    pub fn path(&self, g: usize) -> Vec<usize> {
        let mut path = vec![g];
        let mut cur = self.list[g].parent;
        while let Some(p) = cur {
            path.push(p);
            cur = self.list[p].parent;
        }
        path.reverse();
        path
    }

    /// The groups in tree order (each group before its subgroups, siblings in document
    /// order), with their depth: the order of headings and nested clusters.
    pub fn tree_order(&self) -> Vec<usize> {
        let mut out = Vec::with_capacity(self.list.len());
        let mut stack: Vec<usize> = (0..self.list.len())
            .rev()
            .filter(|&i| self.list[i].parent.is_none())
            .collect();
        while let Some(i) = stack.pop() {
            out.push(i);
            stack.extend(self.list[i].children.iter().rev());
        }
        out
    }

    /// The group each group is drawn as when nesting stops at `max_depth` levels: itself
    /// when it is less than `max_depth` deep, else its ancestor at depth `max_depth - 1`
    /// (found from the top down, parents first, in one pass).
    pub fn drawn_as(&self, max_depth: usize) -> Vec<usize> {
        let mut drawn = vec![0; self.list.len()];
        for k in self.tree_order() {
            drawn[k] = match self.list[k].parent {
                Some(p) if self.list[k].depth >= max_depth.max(1) => drawn[p],
                _ => k,
            };
        }
        drawn
    }

    /// Which groups hold (themselves or through a subgroup) a node that `shown` accepts:
    /// the clusters a diagram draws.
    pub fn holding(&self, shown: impl Fn(NodeIndex) -> bool) -> Vec<bool> {
        let mut holds = vec![false; self.list.len()];
        for (i, g) in self.list.iter().enumerate() {
            if holds[i] || !g.members.iter().any(|&m| shown(m)) {
                continue;
            }
            let mut cur = Some(i);
            while let Some(c) = cur {
                if holds[c] {
                    break;
                }
                holds[c] = true;
                cur = self.list[c].parent;
            }
        }
        holds
    }
}

/// The support of the claims of one group (its subgroups' claims included), for the
/// per-group section of `argmap support`.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct GroupCoverage {
    /// The group's id.
    pub id: Id,
    /// Its title (its id when it has none).
    pub title: String,
    /// Its parent group, when it is drawn inside one.
    #[serde(skip_serializing_if = "Option::is_none", rename = "in")]
    pub parent: Option<Id>,
    /// How deep it is (0 at the top).
    pub depth: usize,
    /// Its claims (and its subgroups') by support status.
    pub coverage: Coverage,
}

impl Groups {
    /// The support of each group's claims, subgroups included, in tree order, and that
    /// of the claims in no group. Linear: each claim is counted in its own group, then
    /// the counts are added up from the deepest groups to the top.
    pub fn coverage(&self, g: &ArgGraph, s: &Support) -> (Vec<GroupCoverage>, Coverage) {
        let mut own = vec![Coverage::default(); self.list.len()];
        let mut none = Coverage::default();
        for ix in g.graph.node_indices() {
            if g.graph[ix].kind != NodeKind::Claim {
                continue;
            }
            let c = match self.of_node(ix) {
                Some(k) => &mut own[k],
                None => &mut none,
            };
            c.count(s.status(ix));
        }
        let order = self.tree_order();
        for &k in order.iter().rev() {
            if let Some(p) = self.list[k].parent {
                let child = own[k];
                own[p].add(&child);
            }
        }
        none.finish();
        let list = order
            .iter()
            .map(|&k| {
                let info = &self.list[k];
                let mut coverage = own[k];
                coverage.finish();
                GroupCoverage {
                    id: info.id.clone(),
                    title: self
                        .entry(g.map, k)
                        .and_then(|e| e.title())
                        .unwrap_or(info.id.as_str())
                        .to_string(),
                    parent: info.parent.map(|p| self.list[p].id.clone()),
                    depth: info.depth,
                    coverage,
                }
            })
            .collect();
        (list, none)
    }
}

/// The document path of a node's `group:` value.
pub(crate) fn node_group_path(section: Section, id: &str) -> Vec<crate::diagnostic::Seg> {
    crate::path![section.key(), id, "group"]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::load::load_str;
    use std::path::Path;

    fn groups_of(yaml: &str, check: impl FnOnce(&ArgGraph, &Groups)) {
        let file = load_str(Path::new("m.yaml"), yaml.into());
        let graph = ArgGraph::build(file.map.as_ref().expect("parses"));
        let groups = Groups::of(&graph);
        check(&graph, &groups);
    }

    #[test]
    fn groups_nest_and_nodes_find_theirs() {
        let yaml = "id: m\ngroups:\n  b: {title: B, in: a}\n  a: {title: A}\n  c: {title: C, in: zz}\nclaims:\n  T: {text: t, group: b}\n  U: {text: u, group: nope}\n";
        groups_of(yaml, |g, groups| {
            let a = groups.get("a").expect("a");
            let b = groups.get("b").expect("b");
            assert_eq!(groups.list[b].parent, Some(a));
            assert_eq!(groups.list[a].children, [b]);
            assert_eq!(groups.list[b].depth, 1);
            let t = g.node("T").expect("T");
            let u = g.node("U").expect("U");
            assert_eq!(groups.of_node(t), Some(b));
            assert_eq!(groups.of_node(u), None);
            assert_eq!(groups.unknown, [Unknown::Node(u), Unknown::Group(2)]);
            assert_eq!(groups.path(b), [a, b]);
            assert_eq!(groups.tree_order(), [a, b, 2]);
            assert_eq!(groups.holding(|ix| ix == t), [true, true, false]);
            assert!(groups.cycles.is_empty());
        });
    }

    #[test]
    fn each_loop_is_found_once_from_its_first_group() {
        // c -> a -> b -> c loops; d hangs off the loop; e loops on itself.
        let yaml = "id: m\ngroups:\n  c: {title: C, in: a}\n  a: {title: A, in: b}\n  b: {title: B, in: c}\n  d: {title: D, in: a}\n  e: {title: E, in: e}\n";
        groups_of(yaml, |_, groups| {
            assert_eq!(groups.cycles, [vec![0, 1, 2], vec![4]]);
            assert!(groups.list[..3]
                .iter()
                .all(|g| g.in_cycle && g.parent.is_none()));
            assert!(!groups.list[3].in_cycle);
            assert_eq!(groups.list[3].parent, Some(1));
            assert_eq!(groups.tree_order().len(), 5);
        });
    }
}
