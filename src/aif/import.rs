//! AIF JSON imported into a map (the parse stage: it uses only `parse`'s rules of ids
//! and links).
//!
//! * I-nodes become claims with ids `I<nodeID>` (non-`[A-Za-z0-9_.-]` characters as
//!   `_`), or the id, kind and details recorded in their `argmap` member.
//! * An RA node: each premise (I-node into it) `supports` each conclusion (I-node out
//!   of it); several premises are linked with `with` on the first one.
//! * A CA node: the same with `attacks`. A CA node whose target is an RA or CA node is
//!   an undercut: each of its premises `undercuts` every link `P -> C` of that node.
//! * An MA node (rephrase): each premise gets `same_as: [MAP:CONCLUSION]`. `same_as`
//!   references to other maps ride in the `argmap` member.
//! * L, YA, TA and other node types (the dialogue machinery) are ignored, with the edges
//!   that touch them. So is an RA node that points at another S-node (support for an
//!   inference has no place in a map), and an undercut of an undercut.
//! * What would fail `argmap check` is dropped with a note: a relation of a node to
//!   itself, an attack between nodes that also support each other the same way round,
//!   and the link that closes a cycle of supports.
//! * The thesis: in a document argmap exported (it has the `argmap` member), exactly the
//!   recorded flags, so a map without a thesis stays without one. Otherwise the claims
//!   recorded as theses; failing that, the first I-node (in file order) that is the
//!   conclusion of an RA or CA node and the premise of none; failing that, the first
//!   I-node that is the premise of nothing; failing that, the first I-node.

use super::map_out::{MapOut, NodeOut, SourceOut};
use super::model::{Aif, AifError};
use indexmap::{IndexMap, IndexSet};
use std::collections::{HashMap, HashSet};

/// The result of an import: the map, and notes on what was left out or changed.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Imported {
    pub map: MapOut,
    pub notes: Vec<String>,
}

/// A map id from a file name: lowercase `[a-z0-9-]`, other characters as `-`.
pub fn map_id_from(name: &str) -> String {
    let mut id = String::new();
    for c in name.chars() {
        let c = c.to_ascii_lowercase();
        if c.is_ascii_lowercase() || c.is_ascii_digit() {
            id.push(c);
        } else if !id.is_empty() && !id.ends_with('-') {
            id.push('-');
        }
    }
    let id = id.trim_end_matches('-').to_string();
    if id.is_empty() {
        "imported".to_string()
    } else {
        id
    }
}

fn valid_node_id(id: &str) -> bool {
    crate::parse::ids::valid_node_id(id)
}

/// What an AIF node is, for the import.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Role {
    I,
    Ra,
    Ca,
    Ma,
    Ignored,
}

fn role(kind: &str) -> Role {
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
struct Relation {
    attack: bool,
    premises: Vec<usize>,
    target: usize,
}

/// Converts an AIF document into a map. Its id is `id` when given, else the one recorded
/// in the document's `argmap` member, else one made from the file name `file` (which
/// also goes into the default title).
pub fn import(aif: &Aif, id: Option<&str>, file: &str) -> Result<Imported, AifError> {
    let recorded = aif
        .argmap
        .as_ref()
        .and_then(|m| m.id.as_deref())
        .filter(|id| crate::parse::ids::valid_map_id(id));
    let stem = std::path::Path::new(file)
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let map_id = id
        .or(recorded)
        .map_or_else(|| map_id_from(&stem), str::to_string);
    let map_id = map_id.as_str();
    // Exported by argmap: the document's `argmap` member says what the map had, so
    // nothing is guessed (a map without a thesis stays without one).
    let from_argmap = aif.argmap.is_some();
    let mut notes = Vec::new();
    // Nodes by id.
    let mut index: HashMap<&str, usize> = HashMap::new();
    for (i, n) in aif.nodes.iter().enumerate() {
        if index.insert(n.node_id.0.as_str(), i).is_some() {
            return Err(AifError(format!("two nodes have the id {}", n.node_id)));
        }
    }
    let roles: Vec<Role> = aif.nodes.iter().map(|n| role(&n.kind)).collect();
    let mut ignored: IndexMap<String, usize> = IndexMap::new();
    for (n, r) in aif.nodes.iter().zip(&roles) {
        if *r == Role::Ignored {
            *ignored.entry(n.kind.clone()).or_default() += 1;
        }
    }
    if !ignored.is_empty() {
        let list: Vec<String> = ignored.iter().map(|(k, n)| format!("{n} {k}")).collect();
        notes.push(format!(
            "ignored {} node{} (dialogue structure)",
            list.join(", "),
            if ignored.values().sum::<usize>() == 1 {
                ""
            } else {
                "s"
            }
        ));
    }
    // I-nodes in file order.
    let inodes: Vec<usize> = (0..aif.nodes.len())
        .filter(|&i| roles[i] == Role::I)
        .collect();
    let ipos: HashMap<usize, usize> = inodes.iter().enumerate().map(|(k, &i)| (i, k)).collect();
    for &i in &inodes {
        let n = &aif.nodes[i];
        if n.text.as_deref().is_none_or(|t| t.trim().is_empty()) {
            return Err(AifError(format!("I-node {} has no text", n.node_id)));
        }
    }
    // Edges into and out of each node.
    let mut ins: Vec<Vec<usize>> = vec![Vec::new(); aif.nodes.len()];
    let mut outs: Vec<Vec<usize>> = vec![Vec::new(); aif.nodes.len()];
    for (k, e) in aif.edges.iter().enumerate() {
        let name = e
            .edge_id
            .as_ref()
            .map_or_else(|| format!("number {}", k + 1), |id| id.0.clone());
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
    // Relations, undercuts and rephrases, in S-node order.
    let mut relations: Vec<Relation> = Vec::new();
    let mut undercuts: Vec<(usize, usize)> = Vec::new(); // (undercutter, S-node undercut)
    let mut rephrases: Vec<(usize, usize)> = Vec::new();
    let inode_premises = |s: usize| -> Vec<usize> {
        ins[s]
            .iter()
            .filter(|&&p| roles[p] == Role::I)
            .map(|p| ipos[p])
            .collect()
    };
    for s in 0..aif.nodes.len() {
        let r = roles[s];
        if matches!(r, Role::I | Role::Ignored) {
            continue;
        }
        let sid = &aif.nodes[s].node_id;
        let premises = inode_premises(s);
        if premises.is_empty() || outs[s].is_empty() {
            notes.push(format!(
                "{} node {sid} has no premise or no conclusion: left out",
                aif.nodes[s].kind
            ));
            continue;
        }
        for &t in &outs[s] {
            match (r, roles[t]) {
                (Role::Ra | Role::Ca, Role::I) => relations.push(Relation {
                    attack: r == Role::Ca,
                    premises: premises.clone(),
                    target: ipos[&t],
                }),
                (Role::Ma, Role::I) => {
                    for &p in &premises {
                        rephrases.push((p, ipos[&t]));
                    }
                }
                (Role::Ca, Role::Ra | Role::Ca) => {
                    for &p in &premises {
                        undercuts.push((p, t));
                    }
                }
                _ => notes.push(format!(
                    "{} node {sid} points at {} node {}: left out (a map has no place for it)",
                    aif.nodes[s].kind, aif.nodes[t].kind, aif.nodes[t].node_id
                )),
            }
        }
    }
    let ni = inodes.len();
    let ext = |k: usize| aif.nodes[inodes[k]].argmap.as_ref();
    let nid = |k: usize| &aif.nodes[inodes[k]].node_id;
    // Ids.
    let mut ids: Vec<String> = Vec::with_capacity(ni);
    let mut taken: HashSet<String> = HashSet::new();
    for k in 0..ni {
        let wanted = ext(k)
            .and_then(|e| e.id.clone())
            .filter(|id| valid_node_id(id))
            .unwrap_or_else(|| {
                let raw: String = nid(k)
                    .0
                    .chars()
                    .map(|c| {
                        if c.is_ascii_alphanumeric() || matches!(c, '_' | '.' | '-') {
                            c
                        } else {
                            '_'
                        }
                    })
                    .collect();
                format!("I{raw}")
            });
        let mut id = wanted.clone();
        let mut n = 2;
        while taken.contains(&id) {
            id = format!("{wanted}-{n}");
            n += 1;
        }
        taken.insert(id.clone());
        ids.push(id);
    }
    // Links (premise, target, attack) that survive, in order.
    let mut links: IndexSet<(usize, usize, bool)> = IndexSet::new();
    for r in &relations {
        for &p in &r.premises {
            if p == r.target {
                notes.push(format!(
                    "{} would {} itself: left out",
                    ids[p],
                    if r.attack { "attack" } else { "support" }
                ));
                continue;
            }
            links.insert((p, r.target, r.attack));
        }
    }
    let conflicting: Vec<(usize, usize, bool)> = links
        .iter()
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
    for l in support_cycle_breakers(ni, &links) {
        notes.push(format!(
            "{} supports {} closes a cycle of supports: left out",
            ids[l.0], ids[l.1]
        ));
        links.shift_remove(&l);
    }
    // The nodes.
    let mut nodes: Vec<NodeOut> = (0..ni)
        .map(|k| {
            let e = ext(k).cloned().unwrap_or_default();
            NodeOut {
                text: aif.nodes[inodes[k]].text.clone().unwrap_or_default(),
                quote: e.quote,
                by: e.by,
                note: e.note,
                thesis: None,
                cites: e.cites,
                same_as: e.same_as,
                ..NodeOut::default()
            }
        })
        .collect();
    for &(p, t, a) in &links {
        let list = if a {
            &mut nodes[p].attacks
        } else {
            &mut nodes[p].supports
        };
        list.push(ids[t].clone());
    }
    // Linked premises: `with` on the first surviving premise.
    for r in &relations {
        let alive: Vec<usize> = r
            .premises
            .iter()
            .copied()
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
    // A map exported by argmap says which premise names which in `with`: keep that when
    // it makes the same linked groups.
    let id_pos: HashMap<&str, usize> = ids
        .iter()
        .enumerate()
        .map(|(k, id)| (id.as_str(), k))
        .collect();
    let recorded_with: Vec<Vec<usize>> = (0..ni)
        .map(|k| {
            ext(k)
                .map(|e| e.with.as_slice())
                .unwrap_or_default()
                .iter()
                .filter_map(|w| id_pos.get(w.as_str()).copied())
                .collect()
        })
        .collect();
    if recorded_with.iter().any(|w| !w.is_empty()) {
        let computed: Vec<Vec<usize>> = nodes
            .iter()
            .map(|n| {
                n.with
                    .iter()
                    .filter_map(|w| id_pos.get(w.as_str()).copied())
                    .collect()
            })
            .collect();
        if groups(&recorded_with) == groups(&computed) {
            for (node, w) in nodes.iter_mut().zip(&recorded_with) {
                node.with = w.iter().map(|&q| ids[q].clone()).collect();
            }
        }
    }
    // Undercuts: every surviving link of the undercut S-node.
    for &(u, s) in &undercuts {
        let premises = inode_premises(s);
        let attack = roles[s] == Role::Ca;
        let mut any = false;
        for &t in outs[s].iter().filter(|&&t| roles[t] == Role::I) {
            for &p in &premises {
                let t = ipos[&t];
                if links.contains(&(p, t, attack)) && u != p && u != t {
                    let link = format!("{} -> {}", ids[p], ids[t]);
                    if !nodes[u].undercuts.contains(&link) {
                        nodes[u].undercuts.push(link);
                    }
                    any = true;
                }
            }
        }
        if !any {
            notes.push(format!(
                "{} undercuts {} node {}, which carries no link of the map: left out",
                ids[u], aif.nodes[s].kind, aif.nodes[s].node_id
            ));
        }
    }
    // A map exported by argmap names the links it undercuts: keep those when they are
    // all among the links found (an undercut of one link of a linked argument is, in
    // AIF, an undercut of the whole inference).
    for (k, node) in nodes.iter_mut().enumerate() {
        let recorded: Vec<String> = ext(k)
            .map(|e| e.undercuts.as_slice())
            .unwrap_or_default()
            .iter()
            .filter_map(|l| crate::parse::ids::parse_link(l).map(|(a, b)| format!("{a} -> {b}")))
            .collect();
        let found: HashSet<&String> = node.undercuts.iter().collect();
        if !recorded.is_empty() && recorded.iter().all(|l| found.contains(l)) {
            let mut seen = HashSet::new();
            node.undercuts = recorded
                .into_iter()
                .filter(|l| seen.insert(l.clone()))
                .collect();
        }
    }
    for &(p, t) in &rephrases {
        if p != t {
            let r = format!("{map_id}:{}", ids[t]);
            if !nodes[p].same_as.contains(&r) {
                nodes[p].same_as.push(r);
            }
        }
    }
    // Sources and citations.
    let map_ext = aif.argmap.clone().unwrap_or_default();
    let sources: IndexMap<String, SourceOut> = map_ext
        .sources
        .into_iter()
        .filter(|(id, _)| valid_node_id(id) && !taken.contains(id))
        .collect();
    for (k, node) in nodes.iter_mut().enumerate() {
        let before = node.cites.len();
        node.cites.retain(|c| sources.contains_key(c.source()));
        if node.cites.len() < before {
            notes.push(format!("{}: citations of unknown sources left out", ids[k]));
        }
    }
    // Kinds.
    let kind_of = |k: usize, node: &NodeOut| -> &'static str {
        match ext(k).and_then(|e| e.kind.as_deref()) {
            Some("evidence") => "evidence",
            Some("rebuttal") if !node.attacks.is_empty() || !node.undercuts.is_empty() => {
                "rebuttal"
            }
            _ => "claim",
        }
    };
    let kinds: Vec<&str> = nodes
        .iter()
        .enumerate()
        .map(|(k, n)| kind_of(k, n))
        .collect();
    // Theses: as recorded in a map exported by argmap (`thesis: true`, `thesis: false`,
    // or none, which may be no thesis at all); else as recorded on some I-nodes; else
    // guessed from the structure.
    let recorded: Vec<usize> = (0..ni)
        .filter(|&k| kinds[k] == "claim" && ext(k).and_then(|e| e.thesis) == Some(true))
        .collect();
    if from_argmap {
        for (k, node) in nodes.iter_mut().enumerate() {
            if kinds[k] == "claim" {
                node.thesis = ext(k).and_then(|e| e.thesis);
            }
        }
    }
    let theses = if from_argmap {
        Vec::new()
    } else if recorded.is_empty() {
        let is_premise: HashSet<usize> = relations
            .iter()
            .flat_map(|r| r.premises.iter().copied())
            .chain(undercuts.iter().map(|u| u.0))
            .collect();
        let is_conclusion: HashSet<usize> = relations.iter().map(|r| r.target).collect();
        let pick = (0..ni)
            .find(|k| is_conclusion.contains(k) && !is_premise.contains(k))
            .or_else(|| (0..ni).find(|k| !is_premise.contains(k)))
            .or(if ni > 0 { Some(0) } else { None });
        pick.filter(|&k| kinds[k] == "claim").into_iter().collect()
    } else {
        recorded
    };
    for k in theses {
        nodes[k].thesis = Some(true);
    }
    // A map exported by argmap keeps its title, or its lack of one.
    let title = if from_argmap {
        map_ext.title
    } else {
        Some(format!("Imported from {file}"))
    };
    let mut map = MapOut {
        id: map_id.to_string(),
        title,
        source: map_ext.source,
        sources,
        ..MapOut::default()
    };
    for (k, node) in nodes.into_iter().enumerate() {
        let section = match kinds[k] {
            "evidence" => &mut map.evidence,
            "rebuttal" => &mut map.rebuttals,
            _ => &mut map.claims,
        };
        section.insert(ids[k].clone(), node);
    }
    Ok(Imported { map, notes })
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

    #[test]
    fn map_ids_from_file_names() {
        assert_eq!(map_id_from("nodeset10"), "nodeset10");
        assert_eq!(map_id_from("My Debate (2012)"), "my-debate-2012");
        assert_eq!(map_id_from("--__"), "imported");
        assert_eq!(map_id_from("Ärger"), "rger");
    }

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
}
