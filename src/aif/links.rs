//! The links between I-nodes that an import keeps, and its linked premises: the steps of
//! [`super::import()`] that apply `check`'s rules (no relation of a node to itself, no
//! attack beside a support the same way round, no cycle of supports) and name the
//! co-premises of a linked argument in `with`.

use super::map_out::NodeOut;
use super::read::{Document, Relation};
use indexmap::IndexSet;
use std::collections::HashMap;

/// A link between I-nodes: (premise, target, attack).
pub(super) type Link = (usize, usize, bool);

/// The links of the relations that `check` accepts, in order, with a note for each one
/// left out: a node's relation to itself, an attack beside a support the same way round,
/// the link closing a cycle of supports.
pub(super) fn surviving_links(
    n: usize,
    relations: &[Relation],
    ids: &[String],
    notes: &mut Vec<String>,
) -> IndexSet<Link> {
    let mut links: IndexSet<Link> = IndexSet::new();
    for r in relations {
        for &p in &r.premises {
            if p == r.target {
                let verb = if r.attack { "attack" } else { "support" };
                notes.push(format!("{} would {verb} itself: left out", ids[p]));
                continue;
            }
            links.insert((p, r.target, r.attack));
        }
    }
    let conflicting: Vec<Link> = (links.iter())
        .filter(|&&(p, t, a)| a && links.contains(&(p, t, false)))
        .copied()
        .collect();
    for l in conflicting {
        notes.push(format!(
            "{} both supports and attacks {}: the attack is left out",
            ids[l.0], ids[l.1]
        ));
        links.shift_remove(&l);
    }
    for l in support_cycle_breakers(n, &links) {
        notes.push(format!(
            "{} supports {} closes a cycle of supports: left out",
            ids[l.0], ids[l.1]
        ));
        links.shift_remove(&l);
    }
    links
}

/// Linked premises: the surviving premises of each relation are named in `with` on the
/// first of them.
pub(super) fn link_premises(
    nodes: &mut [NodeOut],
    relations: &[Relation],
    links: &IndexSet<Link>,
    ids: &[String],
) {
    for r in relations {
        let alive: Vec<usize> = (r.premises.iter().copied())
            .filter(|&p| links.contains(&(p, r.target, r.attack)))
            .collect();
        if let [first, rest @ ..] = alive.as_slice() {
            for &q in rest {
                if !nodes[*first].with.contains(&ids[q]) {
                    nodes[*first].with.push(ids[q].clone());
                }
            }
        }
    }
}

/// A map exported by argmap says which premise names which in `with`: that replaces the
/// computed lists when it makes the same linked groups.
pub(super) fn keep_recorded_with(nodes: &mut [NodeOut], doc: &Document, ids: &[String]) {
    let id_pos: HashMap<&str, usize> = (ids.iter().enumerate())
        .map(|(k, id)| (id.as_str(), k))
        .collect();
    let positions = |with: &[String]| -> Vec<usize> {
        (with.iter())
            .filter_map(|w| id_pos.get(w.as_str()).copied())
            .collect()
    };
    let recorded: Vec<Vec<usize>> = (0..doc.len())
        .map(|k| positions(doc.ext(k).map(|e| e.with.as_slice()).unwrap_or_default()))
        .collect();
    if recorded.iter().all(Vec::is_empty) {
        return;
    }
    let computed: Vec<Vec<usize>> = nodes.iter().map(|n| positions(&n.with)).collect();
    if groups(&recorded) == groups(&computed) {
        for (node, w) in nodes.iter_mut().zip(&recorded) {
            node.with = w.iter().map(|&q| ids[q].clone()).collect();
        }
    }
}

/// The linked groups that `with` lists make: for each node, the smallest member of its
/// group (union-find).
fn groups(with: &[Vec<usize>]) -> Vec<usize> {
    fn root(parent: &mut [usize], mut x: usize) -> usize {
        while parent[x] != x {
            parent[x] = parent[parent[x]];
            x = parent[x];
        }
        x
    }
    let mut parent: Vec<usize> = (0..with.len()).collect();
    for (a, list) in with.iter().enumerate() {
        for &b in list {
            let (ra, rb) = (root(&mut parent, a), root(&mut parent, b));
            parent[ra.max(rb)] = ra.min(rb);
        }
    }
    (0..with.len()).map(|x| root(&mut parent, x)).collect()
}

/// The support links (of `links`) to drop so that supports have no cycle: the back
/// edges of a depth-first search in node order. Iterative, so deep chains are fine.
fn support_cycle_breakers(
    n: usize,
    links: &IndexSet<(usize, usize, bool)>,
) -> Vec<(usize, usize, bool)> {
    let mut adj: Vec<Vec<usize>> = vec![Vec::new(); n];
    for &(p, t, a) in links {
        if !a {
            adj[p].push(t);
        }
    }
    // 0 = unvisited, 1 = on the stack, 2 = done.
    let mut state = vec![0u8; n];
    let mut drop = Vec::new();
    for start in 0..n {
        if state[start] != 0 {
            continue;
        }
        let mut stack: Vec<(usize, usize)> = vec![(start, 0)];
        state[start] = 1;
        while let Some(top) = stack.last_mut() {
            let (v, i) = *top;
            if i < adj[v].len() {
                top.1 += 1;
                let w = adj[v][i];
                match state[w] {
                    0 => {
                        state[w] = 1;
                        stack.push((w, 0));
                    }
                    1 => drop.push((v, w, false)),
                    _ => {}
                }
            } else {
                state[v] = 2;
                stack.pop();
            }
        }
    }
    drop
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::aif::read::tests::{relation, strings};

    #[test]
    fn support_cycles_lose_their_closing_link() {
        let links: IndexSet<(usize, usize, bool)> = [
            (0, 1, false),
            (1, 2, false),
            (2, 0, false),
            (2, 1, true),
            (3, 3, false),
        ]
        .into_iter()
        .collect();
        assert_eq!(
            support_cycle_breakers(4, &links),
            vec![(2, 0, false), (3, 3, false)]
        );
    }

    #[test]
    fn a_long_chain_does_not_overflow() {
        let n = 200_000;
        let links: IndexSet<(usize, usize, bool)> = (0..n - 1)
            .map(|i| (i, i + 1, false))
            .chain([(n - 1, 0, false)])
            .collect();
        assert_eq!(support_cycle_breakers(n, &links), vec![(n - 1, 0, false)]);
    }
    #[test]
    fn surviving_links_leave_out_what_check_rejects_with_a_note_each() {
        let relations = [
            relation(false, &[0, 1], 2),
            relation(true, &[0], 2),
            relation(false, &[3], 3),
            relation(false, &[2], 0),
        ];
        let ids = strings(&["A", "B", "C", "D"]);
        let mut notes = Vec::new();
        let links = surviving_links(4, &relations, &ids, &mut notes);
        assert_eq!(
            links.into_iter().collect::<Vec<_>>(),
            [(0, 2, false), (1, 2, false)]
        );
        assert_eq!(
            notes,
            [
                "D would support itself: left out",
                "A both supports and attacks C: the attack is left out",
                "C supports A closes a cycle of supports: left out",
            ]
        );
    }

    #[test]
    fn linked_premises_are_named_on_the_first_surviving_one() {
        let relations = [relation(false, &[0, 1, 2], 3), relation(false, &[0, 2], 3)];
        let links: IndexSet<Link> = [(1, 3, false), (2, 3, false)].into_iter().collect();
        let ids = strings(&["A", "B", "C", "T"]);
        let mut nodes = vec![NodeOut::default(); 4];
        link_premises(&mut nodes, &relations, &links, &ids);
        assert_eq!(nodes[0].with, Vec::<String>::new());
        assert_eq!(nodes[1].with, ["C"]);
        assert_eq!(nodes[2].with, Vec::<String>::new());
    }
}
