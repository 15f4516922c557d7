//! AIF JSON imported into a map (the parse stage: it uses only `parse`'s rules of ids
//! and links).
//!
//! * I-nodes become claims with ids `I<nodeID>` (non-`[A-Za-z0-9_.-]` characters as
//!   `_`), or the id, kind and details recorded in their `argmap` member.
//! * An RA node: each premise (I-node into it) `supports` each conclusion (I-node out
//!   of it); several premises are linked with `with` on the first one.
//! * A CA node: the same with `attacks`. A CA node whose target is an RA or CA node is
//!   an undercut: each of its premises `undercuts` every link `P -> C` of that node;
//!   several premises are linked with `with` on the first one (a linked undercut). When
//!   the target is itself an undercut (a CA node into an S-node), the links are those of
//!   that undercut, `Q -> P -> C` for each of its premises Q (an undercut of an
//!   undercut, at any depth; at most 64 links per S-node, none on a cycle of
//!   S-nodes).
//! * An MA node (rephrase): each premise gets `same_as: [MAP:CONCLUSION]`. `same_as`
//!   references to other maps ride in the `argmap` member.
//! * L, YA, TA and other node types (the dialogue machinery) are ignored, with the edges
//!   that touch them. So is an RA node that points at another S-node (support for an
//!   inference has no place in a map).
//! * What would fail `argmap check` is dropped with a note: a relation of a node to
//!   itself, an attack between nodes that also support each other the same way round,
//!   and the link that closes a cycle of supports.
//! * The thesis: in a document argmap exported (it has the `argmap` member), exactly the
//!   recorded flags, so a map without a thesis stays without one. Otherwise the claims
//!   recorded as theses; failing that, the first I-node (in file order) that is the
//!   conclusion of an RA or CA node and the premise of none; failing that, the first
//!   I-node that is the premise of nothing; failing that, the first I-node.

use super::links::{keep_recorded_with, link_premises, surviving_links, Link};
use super::map_out::{MapOut, NodeOut, SourceOut};
use super::model::{Aif, AifError};
use super::read::{Document, Found, Role};
use crate::parse::Section;
use indexmap::{IndexMap, IndexSet};
use std::collections::{HashMap, HashSet};

/// The result of an import: the map, and notes on what was left out or changed.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Imported {
    /// The map, ready to be written as YAML (`present::map_yaml::render`).
    pub map: MapOut,
    /// One sentence per thing left out or changed (ignored dialogue nodes, a relation
    /// `check` would reject...), in the order the import met them.
    pub notes: Vec<String>,
}

/// A map id from a file name: lowercase `[a-z0-9-]`, other characters as `-`.
fn map_id_from(name: &str) -> String {
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

/// Converts an AIF document into a map. Its id is `id` when given, else the one recorded
/// in the document's `argmap` member, else one made from the file name `file` (which
/// also goes into the default title).
///
/// The steps, in order, each adding the notes on what it leaves out: read the nodes and
/// edges (`Document::read`), find what the S-nodes say (`Document::relations`), give
/// each I-node its id (`node_ids`), keep the links `check` accepts (`surviving_links`),
/// build the nodes with their links, linked premises (`link_premises`,
/// `keep_recorded_with`), undercuts (`Document::add_undercuts`,
/// `keep_recorded_undercuts`), rephrases and citations (`cited_sources`), then sort them
/// into sections (`Document::kind`) and mark the thesis (`set_theses`).
pub fn import(aif: &Aif, id: Option<&str>, file: &str) -> Result<Imported, AifError> {
    let map_id = map_id(aif, id, file);
    let mut notes = Vec::new();
    let doc = Document::read(aif, &mut notes)?;
    let found = doc.relations(&mut notes);
    let (ids, taken) = node_ids(&doc);
    let links = surviving_links(doc.len(), &found.relations, &ids, &mut notes);
    let mut nodes = doc.nodes_out(&links, &ids);
    link_premises(&mut nodes, &found.relations, &links, &ids);
    keep_recorded_with(&mut nodes, &doc, &ids);
    doc.add_undercuts(&mut nodes, &found.undercuts, &links, &ids, &mut notes);
    link_undercutters(&mut nodes, &found.linked_undercuts, &ids);
    keep_recorded_undercuts(&mut nodes, &doc);
    add_rephrases(&mut nodes, &found.rephrases, &ids, &map_id);
    let map_ext = aif.argmap.clone().unwrap_or_default();
    let sources = cited_sources(map_ext.sources, &taken, &mut nodes, &ids, &mut notes);
    let kinds: Vec<Section> = (nodes.iter().enumerate())
        .map(|(k, n)| doc.kind(k, n))
        .collect();
    set_theses(&mut nodes, &doc, &kinds, &found);
    // A map exported by argmap keeps its title, or its lack of one.
    let title = if doc.exported_by_argmap() {
        map_ext.title
    } else {
        Some(format!("Imported from {file}"))
    };
    let schemes = if doc.exported_by_argmap() {
        map_ext.schemes
    } else {
        super::schemes::found_schemes(&doc, &links, &ids)
    };
    let mut map = MapOut {
        id: map_id,
        title,
        source: map_ext.source,
        sources,
        schemes,
        groups: map_ext.groups,
        ..MapOut::default()
    };
    for ((node, id), kind) in nodes.into_iter().zip(ids).zip(kinds) {
        let section = match kind {
            Section::Evidence => &mut map.evidence,
            Section::Rebuttals => &mut map.rebuttals,
            _ => &mut map.claims,
        };
        section.insert(id, node);
    }
    Ok(Imported { map, notes })
}

/// The map's id: `id` when given, else the valid one recorded in the document's
/// `argmap` member, else one made from the stem of the file name.
fn map_id(aif: &Aif, id: Option<&str>, file: &str) -> String {
    let recorded = (aif.argmap.as_ref())
        .and_then(|m| m.id.as_deref())
        .filter(|id| crate::parse::ids::valid_map_id(id));
    let stem = std::path::Path::new(file)
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    id.or(recorded)
        .map_or_else(|| map_id_from(&stem), str::to_string)
}

impl Document<'_> {
    /// The nodes of the map, in I-node order: text and the details recorded in their
    /// `argmap` member, with the surviving links as `supports` and `attacks`.
    fn nodes_out(&self, links: &IndexSet<Link>, ids: &[String]) -> Vec<NodeOut> {
        let mut nodes: Vec<NodeOut> = (0..self.len())
            .map(|k| {
                let e = self.ext(k).cloned().unwrap_or_default();
                NodeOut {
                    text: (self.aif.nodes[self.inodes[k]].text.clone()).unwrap_or_default(),
                    quote: e.quote,
                    by: e.by,
                    note: e.note,
                    thesis: None,
                    cites: e.cites,
                    same_as: e.same_as,
                    contradicts: e.contradicts,
                    implicit: e.implicit,
                    scheme: e.scheme,
                    answers: e.answers,
                    group: e.group,
                    ..NodeOut::default()
                }
            })
            .collect();
        for &(p, t, a) in links {
            let list = if a {
                &mut nodes[p].attacks
            } else {
                &mut nodes[p].supports
            };
            list.push(ids[t].clone());
        }
        nodes
    }

    /// Undercuts: each undercutter undercuts every link of the S-node it points at
    /// ([`Document::links_of`]) that does not name it; notes an undercut of an S-node
    /// that carries no link of the map.
    fn add_undercuts(
        &self,
        nodes: &mut [NodeOut],
        undercuts: &[(usize, usize)],
        links: &IndexSet<Link>,
        ids: &[String],
        notes: &mut Vec<String>,
    ) {
        let mut memo: HashMap<usize, Vec<String>> = HashMap::new();
        for &(u, s) in undercuts {
            let named = self.links_of(s, links, ids, &mut memo);
            let mut any = false;
            for link in named {
                if names(link, &ids[u]) {
                    continue;
                }
                if !nodes[u].undercuts.contains(link) {
                    nodes[u].undercuts.push(link.clone());
                }
                any = true;
            }
            if !any {
                let node = &self.aif.nodes[s];
                notes.push(format!(
                    "{} undercuts {} node {}, which carries no link of the map: left out",
                    ids[u], node.kind, node.node_id
                ));
            }
        }
    }

    /// The link strings that name S-node `s` (memoised in `memo`): for an RA or CA node
    /// into I-nodes, each surviving link `P -> C`; for a CA node into another S-node only
    /// (an undercut), `Q -> L` for each premise Q and each link L of that S-node that
    /// does not name Q. At most [`MAX_NAMED`] per node (a chain of linked undercuts would
    /// otherwise multiply them); none on a cycle of S-nodes. The chain is walked without
    /// recursion.
    fn links_of<'m>(
        &self,
        s: usize,
        links: &IndexSet<Link>,
        ids: &[String],
        memo: &'m mut HashMap<usize, Vec<String>>,
    ) -> &'m [String] {
        let inner = |c: usize| {
            (!self.outs[c].iter().any(|&t| self.roles[t] == Role::I) && self.roles[c] == Role::Ca)
                .then(|| {
                    (self.outs[c].iter().copied())
                        .find(|&t| matches!(self.roles[t], Role::Ra | Role::Ca))
                })
                .flatten()
        };
        // The S-nodes from `s` inwards, to one whose links are known or into I-nodes.
        let mut chain = Vec::new();
        let mut seen = HashSet::new();
        let mut cur = Some(s);
        while let Some(c) = cur {
            if memo.contains_key(&c) {
                break;
            }
            if !seen.insert(c) {
                // A cycle of undercuts: none of its nodes names a link.
                for &c in &chain {
                    memo.insert(c, Vec::new());
                }
                chain.clear();
                break;
            }
            chain.push(c);
            cur = inner(c);
        }
        for &c in chain.iter().rev() {
            let named: Vec<String> = match inner(c) {
                Some(t) => {
                    let of = memo.get(&t).map(Vec::as_slice).unwrap_or_default();
                    let premises = self.premises(c);
                    (premises.iter())
                        .flat_map(|&q| {
                            (of.iter())
                                .filter(move |l| !names(l, &ids[q]))
                                .map(move |l| format!("{} -> {l}", ids[q]))
                        })
                        .take(MAX_NAMED)
                        .collect()
                }
                None => {
                    let attack = self.roles[c] == Role::Ca;
                    let premises = self.premises(c);
                    let mut named = Vec::new();
                    for &t in self.outs[c].iter().filter(|&&t| self.roles[t] == Role::I) {
                        let t = self.ipos[&t];
                        for &p in &premises {
                            if links.contains(&(p, t, attack)) && named.len() < MAX_NAMED {
                                named.push(format!("{} -> {}", ids[p], ids[t]));
                            }
                        }
                    }
                    named
                }
            };
            memo.insert(c, named);
        }
        memo.get(&s).map(Vec::as_slice).unwrap_or_default()
    }

    /// The section of node `k`: evidence or rebuttal as recorded (a rebuttal only if it
    /// attacks or undercuts something), else a claim.
    fn kind(&self, k: usize, node: &NodeOut) -> Section {
        match self.ext(k).and_then(|e| e.kind.as_deref()) {
            Some("evidence") => Section::Evidence,
            Some("rebuttal") if !node.attacks.is_empty() || !node.undercuts.is_empty() => {
                Section::Rebuttals
            }
            _ => Section::Claims,
        }
    }
}

/// The id of each I-node (by number), and the set of them: the valid id recorded in its
/// `argmap` member, else `I<nodeID>` (characters outside `[A-Za-z0-9_.-]` as `_`); an id
/// already taken gets `-2`, `-3`...
fn node_ids(doc: &Document) -> (Vec<String>, HashSet<String>) {
    let mut ids: Vec<String> = Vec::with_capacity(doc.len());
    let mut taken: HashSet<String> = HashSet::new();
    for k in 0..doc.len() {
        let wanted = (doc.ext(k).and_then(|e| e.id.clone()))
            .filter(|id| valid_node_id(id))
            .unwrap_or_else(|| default_id(&doc.aif.nodes[doc.inodes[k]].node_id.0));
        let mut id = wanted.clone();
        let mut n = 2;
        while taken.contains(&id) {
            id = format!("{wanted}-{n}");
            n += 1;
        }
        taken.insert(id.clone());
        ids.push(id);
    }
    (ids, taken)
}

/// `I<nodeID>`, with characters outside `[A-Za-z0-9_.-]` as `_`.
fn default_id(node_id: &str) -> String {
    let raw: String = (node_id.chars())
        .map(|c| {
            if c.is_ascii_alphanumeric() || matches!(c, '_' | '.' | '-') {
                c
            } else {
                '_'
            }
        })
        .collect();
    format!("I{raw}")
}

/// How many links at most name one S-node (see [`Document::links_of`]).
const MAX_NAMED: usize = 64;

/// Whether link string `link` names node `id` (an undercut naming its own undercutter
/// would be a self-reference).
fn names(link: &str, id: &str) -> bool {
    link.split(" -> ").any(|x| x == id)
}

/// Linked undercuts: the premises of each CA node into an S-node that undercut a link
/// together are named in `with` on the first of them.
fn link_undercutters(nodes: &mut [NodeOut], groups: &[Vec<usize>], ids: &[String]) {
    for group in groups {
        let Some((&first, rest)) = group.split_first() else {
            continue;
        };
        for &q in rest {
            let shares = (nodes[q].undercuts.iter()).any(|l| nodes[first].undercuts.contains(l));
            if q != first && shares && !nodes[first].with.contains(&ids[q]) {
                nodes[first].with.push(ids[q].clone());
            }
        }
    }
}

/// A map exported by argmap names the links it undercuts: those replace the ones found
/// when they are all among them (an undercut of one link of a linked argument is, in
/// AIF, an undercut of the whole inference).
fn keep_recorded_undercuts(nodes: &mut [NodeOut], doc: &Document) {
    for (k, node) in nodes.iter_mut().enumerate() {
        let recorded: Vec<String> = (doc.ext(k).map(|e| e.undercuts.as_slice()))
            .unwrap_or_default()
            .iter()
            .filter_map(|l| {
                crate::parse::ids::parse_chain(l).map(|ids| crate::parse::ids::link_string(&ids))
            })
            .collect();
        let found: HashSet<&String> = node.undercuts.iter().collect();
        if !recorded.is_empty() && recorded.iter().all(|l| found.contains(l)) {
            let mut seen = HashSet::new();
            node.undercuts = (recorded.into_iter())
                .filter(|l| seen.insert(l.clone()))
                .collect();
        }
    }
}

/// Rephrases (MA nodes): each premise gets `same_as: [MAP:CONCLUSION]`, once.
fn add_rephrases(
    nodes: &mut [NodeOut],
    rephrases: &[(usize, usize)],
    ids: &[String],
    map_id: &str,
) {
    for &(p, t) in rephrases {
        if p != t {
            let r = format!("{map_id}:{}", ids[t]);
            if !nodes[p].same_as.contains(&r) {
                nodes[p].same_as.push(r);
            }
        }
    }
}

/// The recorded sources whose ids are valid and no node's; each node keeps only the
/// citations of those, with a note when it loses some.
fn cited_sources(
    recorded: IndexMap<String, SourceOut>,
    taken: &HashSet<String>,
    nodes: &mut [NodeOut],
    ids: &[String],
    notes: &mut Vec<String>,
) -> IndexMap<String, SourceOut> {
    let sources: IndexMap<String, SourceOut> = (recorded.into_iter())
        .filter(|(id, _)| valid_node_id(id) && !taken.contains(id))
        .collect();
    for (k, node) in nodes.iter_mut().enumerate() {
        let before = node.cites.len();
        node.cites.retain(|c| sources.contains_key(c.source()));
        if node.cites.len() < before {
            notes.push(format!("{}: citations of unknown sources left out", ids[k]));
        }
    }
    sources
}

/// Marks the theses. In a map exported by argmap, each claim's flag as recorded
/// (`thesis: true`, `thesis: false`, or none, which may be no thesis at all); else the
/// claims recorded as theses; else the claim [`guessed_thesis`] picks, if it is one.
fn set_theses(nodes: &mut [NodeOut], doc: &Document, kinds: &[Section], found: &Found) {
    let claim = |k: usize| kinds[k] == Section::Claims;
    if doc.exported_by_argmap() {
        for (k, node) in nodes.iter_mut().enumerate() {
            if claim(k) {
                node.thesis = doc.ext(k).and_then(|e| e.thesis);
            }
        }
        return;
    }
    let recorded: Vec<usize> = (0..doc.len())
        .filter(|&k| claim(k) && doc.ext(k).and_then(|e| e.thesis) == Some(true))
        .collect();
    let theses = if recorded.is_empty() {
        guessed_thesis(found, doc.len())
            .filter(|&k| claim(k))
            .into_iter()
            .collect()
    } else {
        recorded
    };
    for k in theses {
        nodes[k].thesis = Some(true);
    }
}

/// The thesis guessed from the structure, of `n` I-nodes: the first that is the
/// conclusion of a relation and the premise of none; failing that, the first that is
/// the premise of nothing (undercuts included); failing that, the first.
fn guessed_thesis(found: &Found, n: usize) -> Option<usize> {
    let is_premise: HashSet<usize> = (found.relations.iter())
        .flat_map(|r| r.premises.iter().copied())
        .chain(found.undercuts.iter().map(|u| u.0))
        .collect();
    let is_conclusion: HashSet<usize> = found.relations.iter().map(|r| r.target).collect();
    (0..n)
        .find(|k| is_conclusion.contains(k) && !is_premise.contains(k))
        .or_else(|| (0..n).find(|k| !is_premise.contains(k)))
        .or(if n > 0 { Some(0) } else { None })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::aif::map_out::CiteOut;
    use crate::aif::model::parse;
    use crate::aif::read::tests::aif;
    use crate::aif::read::tests::{relation, strings};

    #[test]
    fn node_ids_keep_a_valid_recorded_id_else_are_made_from_the_node_id_and_numbered() {
        let doc = parse(
            r#"{"nodes": [
                {"nodeID": "a b", "text": "x", "type": "I"},
                {"nodeID": "a_b", "text": "x", "type": "I"},
                {"nodeID": "7", "text": "x", "type": "I", "argmap": {"id": "T1"}},
                {"nodeID": "8", "text": "x", "type": "I", "argmap": {"id": "not an id"}},
                {"nodeID": "9", "text": "x", "type": "I", "argmap": {"id": "Ia_b"}}
            ], "edges": []}"#,
        )
        .expect("AIF");
        let read = Document::read(&doc, &mut Vec::new()).expect("reads");
        let (ids, taken) = node_ids(&read);
        assert_eq!(ids, ["Ia_b", "Ia_b-2", "T1", "I8", "Ia_b-3"]);
        assert_eq!(taken.len(), 5);
    }

    #[test]
    fn the_guessed_thesis_is_a_conclusion_nothing_rests_on() {
        let chain = Found {
            relations: vec![relation(false, &[0], 1), relation(false, &[1], 2)],
            ..Found::default()
        };
        assert_eq!(guessed_thesis(&chain, 4), Some(2));
        // No such conclusion: the first node that is no premise (undercuts count).
        let circle = Found {
            relations: vec![relation(false, &[1], 0), relation(false, &[0], 1)],
            undercuts: vec![(2, 9)],
            ..Found::default()
        };
        assert_eq!(guessed_thesis(&circle, 4), Some(3));
        assert_eq!(guessed_thesis(&circle, 3), Some(0));
        assert_eq!(guessed_thesis(&Found::default(), 0), None);
    }

    #[test]
    fn rephrases_name_the_map_once_and_never_the_node_itself() {
        let mut nodes = vec![NodeOut::default(); 2];
        let ids = strings(&["A", "B"]);
        add_rephrases(&mut nodes, &[(0, 1), (0, 1), (1, 1)], &ids, "m");
        assert_eq!(nodes[0].same_as, ["m:B"]);
        assert_eq!(nodes[1].same_as, Vec::<String>::new());
    }

    #[test]
    fn only_valid_unclaimed_sources_are_kept_and_citations_of_others_dropped() {
        let source = SourceOut {
            title: Some("t".into()),
            ..SourceOut::default()
        };
        let recorded: IndexMap<String, SourceOut> = ["S1", "not valid", "A"]
            .into_iter()
            .map(|id| (id.to_string(), source.clone()))
            .collect();
        let taken: HashSet<String> = ["A".to_string()].into_iter().collect();
        let mut nodes = vec![NodeOut {
            cites: vec![CiteOut::Short("S1".into()), CiteOut::Short("A".into())],
            ..NodeOut::default()
        }];
        let mut notes = Vec::new();
        let kept = cited_sources(recorded, &taken, &mut nodes, &strings(&["A"]), &mut notes);
        assert_eq!(kept.keys().collect::<Vec<_>>(), ["S1"]);
        assert_eq!(nodes[0].cites, [CiteOut::Short("S1".into())]);
        assert_eq!(notes, ["A: citations of unknown sources left out"]);
    }

    #[test]
    fn an_undercut_names_each_surviving_link_of_the_inference() {
        // I1 and I2 support I3 (one RA node); I4 undercuts it; I2's link did not survive.
        let doc = aif(
            &[
                ("1", "I"),
                ("2", "I"),
                ("3", "I"),
                ("4", "I"),
                ("ra", "RA"),
                ("u", "CA"),
            ],
            &[
                ("1", "ra"),
                ("2", "ra"),
                ("ra", "3"),
                ("4", "u"),
                ("u", "ra"),
            ],
        );
        let read = Document::read(&doc, &mut Vec::new()).expect("reads");
        let found = read.relations(&mut Vec::new());
        let ids = strings(&["A", "B", "C", "U"]);
        let links: IndexSet<Link> = [(0, 2, false)].into_iter().collect();
        let mut nodes = read.nodes_out(&links, &ids);
        let mut notes = Vec::new();
        read.add_undercuts(&mut nodes, &found.undercuts, &links, &ids, &mut notes);
        assert_eq!(nodes[0].supports, ["C"]);
        assert_eq!(nodes[3].undercuts, ["A -> C"]);
        assert!(notes.is_empty(), "{notes:?}");
        // With no surviving link the undercut is left out, with a note.
        let mut nodes = read.nodes_out(&IndexSet::new(), &ids);
        read.add_undercuts(
            &mut nodes,
            &found.undercuts,
            &IndexSet::new(),
            &ids,
            &mut notes,
        );
        assert_eq!(nodes[3].undercuts, Vec::<String>::new());
        assert_eq!(
            notes,
            ["U undercuts RA node ra, which carries no link of the map: left out"]
        );
    }

    #[test]
    fn map_ids_from_file_names() {
        assert_eq!(map_id_from("nodeset10"), "nodeset10");
        assert_eq!(map_id_from("My Debate (2012)"), "my-debate-2012");
        assert_eq!(map_id_from("--__"), "imported");
        assert_eq!(map_id_from("Ärger"), "rger");
    }
}
