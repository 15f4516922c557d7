//! The AIF document read for the import: each node's role (I-node, RA, CA, MA, or
//! dialogue machinery, ignored), the I-nodes in file order, the edges between the nodes
//! read, and what the S-nodes say (supports and attacks between I-nodes, undercuts,
//! rephrases). The first steps of [`super::import()`]; it fails here on a document no
//! map can come from (two nodes with one id, an I-node without text, an edge naming no
//! node).

use super::model::{Aif, AifError, NodeExt};
use indexmap::IndexMap;
use std::collections::{HashMap, HashSet};

/// What an AIF node is, for the import.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Role {
    I,
    Ra,
    Ca,
    Ma,
    Ignored,
}

pub(super) fn role(kind: &str) -> Role {
    match kind.trim().to_ascii_uppercase().as_str() {
        "I" => Role::I,
        "RA" => Role::Ra,
        "CA" => Role::Ca,
        "MA" => Role::Ma,
        _ => Role::Ignored,
    }
}

/// A relation between I-nodes (indices into the I-node list) found in the file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) struct Relation {
    pub(super) attack: bool,
    pub(super) premises: Vec<usize>,
    pub(super) target: usize,
}

/// Nodes (indices into the document's node list) by node.
pub(super) type Adjacency = Vec<Vec<usize>>;

/// An AIF document read for the import: each node's role, the I-nodes in file order,
/// and the edges between the nodes the import reads.
pub(super) struct Document<'a> {
    pub(super) aif: &'a Aif,
    pub(super) roles: Vec<Role>,
    /// The I-nodes (indices into `aif.nodes`) in file order: an I-node's place in this
    /// list is its number in the rest of the import.
    pub(super) inodes: Vec<usize>,
    /// The number of each I-node, by its index into `aif.nodes`.
    pub(super) ipos: HashMap<usize, usize>,
    /// Edges into each node, each once; none from or to an ignored node.
    pub(super) ins: Adjacency,
    /// Edges out of each node, likewise.
    pub(super) outs: Adjacency,
}

impl<'a> Document<'a> {
    /// Reads the nodes and edges. Fails on two nodes with one id, an I-node without
    /// text, an edge naming no node; notes the ignored (dialogue) nodes.
    pub(super) fn read(aif: &'a Aif, notes: &mut Vec<String>) -> Result<Self, AifError> {
        let mut index: HashMap<&str, usize> = HashMap::new();
        for (i, n) in aif.nodes.iter().enumerate() {
            if index.insert(n.node_id.0.as_str(), i).is_some() {
                return Err(AifError(format!("two nodes have the id {}", n.node_id)));
            }
        }
        let roles: Vec<Role> = aif.nodes.iter().map(|n| role(&n.kind)).collect();
        notes.extend(ignored_note(aif, &roles));
        let inodes: Vec<usize> = (0..aif.nodes.len())
            .filter(|&i| roles[i] == Role::I)
            .collect();
        let ipos = inodes.iter().enumerate().map(|(k, &i)| (i, k)).collect();
        for &i in &inodes {
            let n = &aif.nodes[i];
            if n.text.as_deref().is_none_or(|t| t.trim().is_empty()) {
                return Err(AifError(format!("I-node {} has no text", n.node_id)));
            }
        }
        let (ins, outs) = edges(aif, &index, &roles)?;
        Ok(Document {
            aif,
            roles,
            inodes,
            ipos,
            ins,
            outs,
        })
    }

    /// The number of I-nodes.
    pub(super) fn len(&self) -> usize {
        self.inodes.len()
    }

    /// The `argmap` member of I-node `k`.
    pub(super) fn ext(&self, k: usize) -> Option<&'a NodeExt> {
        self.aif.nodes[self.inodes[k]].argmap.as_ref()
    }

    /// Whether argmap exported the document: its `argmap` member says what the map had,
    /// so nothing is guessed (a map without a thesis stays without one).
    pub(super) fn exported_by_argmap(&self) -> bool {
        self.aif.argmap.is_some()
    }

    /// The I-node premises (by number) of node `s`: the I-nodes with an edge into it.
    pub(super) fn premises(&self, s: usize) -> Vec<usize> {
        (self.ins[s].iter())
            .filter(|&&p| self.roles[p] == Role::I)
            .map(|p| self.ipos[p])
            .collect()
    }

    /// What the S-nodes say, in S-node order; notes the S-nodes (or their edges) a map
    /// has no place for.
    pub(super) fn relations(&self, notes: &mut Vec<String>) -> Found {
        let nodes = &self.aif.nodes;
        let mut found = Found::default();
        for (s, &r) in self.roles.iter().enumerate() {
            if matches!(r, Role::I | Role::Ignored) {
                continue;
            }
            let sid = &nodes[s].node_id;
            let premises = self.premises(s);
            if premises.is_empty() || self.outs[s].is_empty() {
                notes.push(format!(
                    "{} node {sid} has no premise or no conclusion: left out",
                    nodes[s].kind
                ));
                continue;
            }
            for &t in &self.outs[s] {
                match (r, self.roles[t]) {
                    (Role::Ra | Role::Ca, Role::I) => found.relations.push(Relation {
                        attack: r == Role::Ca,
                        premises: premises.clone(),
                        target: self.ipos[&t],
                    }),
                    (Role::Ma, Role::I) => {
                        (found.rephrases).extend(premises.iter().map(|&p| (p, self.ipos[&t])));
                    }
                    (Role::Ca, Role::Ra | Role::Ca) => {
                        found.undercuts.extend(premises.iter().map(|&p| (p, t)));
                        if premises.len() > 1 && found.linked_undercuts.last() != Some(&premises) {
                            found.linked_undercuts.push(premises.clone());
                        }
                    }
                    _ => notes.push(format!(
                        "{} node {sid} points at {} node {}: left out (a map has no place for it)",
                        nodes[s].kind, nodes[t].kind, nodes[t].node_id
                    )),
                }
            }
        }
        found
    }
}

/// A note naming the ignored node types, with how many of each; none if there are none.
pub(super) fn ignored_note(aif: &Aif, roles: &[Role]) -> Option<String> {
    let mut ignored: IndexMap<&str, usize> = IndexMap::new();
    for (n, r) in aif.nodes.iter().zip(roles) {
        if *r == Role::Ignored {
            *ignored.entry(n.kind.as_str()).or_default() += 1;
        }
    }
    if ignored.is_empty() {
        return None;
    }
    let list: Vec<String> = ignored.iter().map(|(k, n)| format!("{n} {k}")).collect();
    let one = ignored.values().sum::<usize>() == 1;
    Some(format!(
        "ignored {} node{} (dialogue structure)",
        list.join(", "),
        if one { "" } else { "s" }
    ))
}

/// The edges into and out of each node, each once, leaving out those from or to an
/// ignored node. Fails on an edge naming no node.
pub(super) fn edges(
    aif: &Aif,
    index: &HashMap<&str, usize>,
    roles: &[Role],
) -> Result<(Adjacency, Adjacency), AifError> {
    let mut ins: Adjacency = vec![Vec::new(); aif.nodes.len()];
    let mut outs: Adjacency = vec![Vec::new(); aif.nodes.len()];
    for (k, e) in aif.edges.iter().enumerate() {
        let name =
            (e.edge_id.as_ref()).map_or_else(|| format!("number {}", k + 1), |id| id.0.clone());
        let from = *index
            .get(e.from_id.0.as_str())
            .ok_or_else(|| AifError(format!("edge {name}: fromID {} names no node", e.from_id)))?;
        let to = *index
            .get(e.to_id.0.as_str())
            .ok_or_else(|| AifError(format!("edge {name}: toID {} names no node", e.to_id)))?;
        if roles[from] == Role::Ignored || roles[to] == Role::Ignored {
            continue;
        }
        outs[from].push(to);
        ins[to].push(from);
    }
    for v in ins.iter_mut().chain(outs.iter_mut()) {
        let mut seen = HashSet::new();
        v.retain(|x| seen.insert(*x));
    }
    Ok((ins, outs))
}

/// What the S-nodes say, in S-node order.
#[derive(Debug, Default)]
pub(super) struct Found {
    /// Supports and attacks between I-nodes (RA and CA nodes).
    pub(super) relations: Vec<Relation>,
    /// (undercutter, the RA or CA node it undercuts): a CA node into an S-node.
    pub(super) undercuts: Vec<(usize, usize)>,
    /// The premises of each CA node into an S-node that has several: a linked undercut.
    pub(super) linked_undercuts: Vec<Vec<usize>>,
    /// (premise, conclusion) of each MA node.
    pub(super) rephrases: Vec<(usize, usize)>,
}

#[cfg(test)]
pub(super) mod tests {
    use super::*;
    use crate::aif::model::parse;

    /// Owned strings of `list`.
    pub(in crate::aif) fn strings(list: &[&str]) -> Vec<String> {
        list.iter().map(|s| s.to_string()).collect()
    }

    /// A relation of `premises` to `target` (an attack or a support).
    pub(in crate::aif) fn relation(attack: bool, premises: &[usize], target: usize) -> Relation {
        Relation {
            attack,
            premises: premises.to_vec(),
            target,
        }
    }

    /// A document of nodes `(nodeID, type)` (each with the text `t<nodeID>`) and edges.
    pub(in crate::aif) fn aif(nodes: &[(&str, &str)], edges: &[(&str, &str)]) -> Aif {
        let nodes: Vec<String> = (nodes.iter())
            .map(|(id, kind)| format!(r#"{{"nodeID": "{id}", "text": "t{id}", "type": "{kind}"}}"#))
            .collect();
        let edges: Vec<String> = (edges.iter())
            .map(|(a, b)| format!(r#"{{"fromID": "{a}", "toID": "{b}"}}"#))
            .collect();
        let json = format!(
            r#"{{"nodes": [{}], "edges": [{}]}}"#,
            nodes.join(","),
            edges.join(",")
        );
        parse(&json).expect("AIF")
    }

    fn read(doc: &Aif) -> (Result<Document<'_>, AifError>, Vec<String>) {
        let mut notes = Vec::new();
        (Document::read(doc, &mut notes), notes)
    }

    #[test]
    fn refuses_two_nodes_with_one_id_an_i_node_without_text_and_an_edge_to_nowhere() {
        let twice = aif(&[("1", "I"), ("1", "RA")], &[]);
        assert_eq!(
            read(&twice).0.err().map(|e| e.0).as_deref(),
            Some("two nodes have the id 1")
        );
        let blank = parse(r#"{"nodes": [{"nodeID": "7", "text": " ", "type": "I"}], "edges": []}"#)
            .expect("AIF");
        assert_eq!(
            read(&blank).0.err().map(|e| e.0).as_deref(),
            Some("I-node 7 has no text")
        );
        let dangling = aif(&[("1", "I")], &[("1", "9")]);
        assert_eq!(
            read(&dangling).0.err().map(|e| e.0).as_deref(),
            Some("edge number 1: toID 9 names no node")
        );
    }

    #[test]
    fn dialogue_nodes_are_counted_by_type_and_their_edges_dropped() {
        let doc = aif(
            &[("1", "I"), ("2", "L"), ("3", "YA"), ("4", "YA"), ("5", "I")],
            &[("2", "3"), ("3", "1"), ("1", "5"), ("1", "5")],
        );
        let (read, notes) = read(&doc);
        let read = read.expect("reads");
        assert_eq!(notes, ["ignored 1 L, 2 YA nodes (dialogue structure)"]);
        assert_eq!(read.len(), 2);
        assert_eq!(read.inodes, [0, 4]);
        // Only the I-node edge is kept, once.
        assert_eq!(read.outs[0], [4]);
        assert_eq!(read.ins[0], Vec::<usize>::new());
        assert_eq!(read.premises(4), [0]);
    }

    #[test]
    fn s_nodes_give_relations_undercuts_and_rephrases_in_order() {
        // I1 and I2 (linked) support I3; I4 attacks I3; I5 undercuts the RA node;
        // I1 rephrases I4; an RA node into an RA node and one without a premise are left out.
        let doc = aif(
            &[
                ("1", "I"),
                ("2", "I"),
                ("3", "I"),
                ("4", "I"),
                ("5", "I"),
                ("ra", "RA"),
                ("ca", "CA"),
                ("u", "CA"),
                ("ma", "MA"),
                ("meta", "RA"),
                ("empty", "RA"),
            ],
            &[
                ("1", "ra"),
                ("2", "ra"),
                ("ra", "3"),
                ("4", "ca"),
                ("ca", "3"),
                ("5", "u"),
                ("u", "ra"),
                ("1", "ma"),
                ("ma", "4"),
                ("5", "meta"),
                ("meta", "ra"),
                ("empty", "3"),
            ],
        );
        let mut notes = Vec::new();
        let read = Document::read(&doc, &mut notes).expect("reads");
        let found = read.relations(&mut notes);
        assert_eq!(
            found.relations,
            [
                Relation {
                    attack: false,
                    premises: vec![0, 1],
                    target: 2
                },
                Relation {
                    attack: true,
                    premises: vec![3],
                    target: 2
                },
            ]
        );
        assert_eq!(found.undercuts, [(4, 5)]);
        assert_eq!(found.rephrases, [(0, 3)]);
        assert_eq!(
            notes,
            [
                "RA node meta points at RA node ra: left out (a map has no place for it)",
                "RA node empty has no premise or no conclusion: left out",
            ]
        );
    }
}
