//! Every format shows the same arguments: one map with linked arguments
//! (tests/fixtures/formats/linked.yaml) is rendered in every export format and each
//! output is parsed back — JSON and AIF with serde_json, GraphML with roxmltree,
//! Argdown, DOT, Mermaid and ICCMA AF line by line — into its arguments (kind, premise
//! set, target) and its undercuts (undercutter, argument undercut). They must all be the
//! map's: A `with` B and B `with` C supporting T are one argument of three premises.

use crate::common::{argmap, render};
use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet};

const MAP: &str = "tests/fixtures/formats/linked.yaml";

/// An argument: `supports` or `attacks`, its premises, its target.
type Argument = (String, BTreeSet<String>, String);

/// What a format says: its arguments and its undercuts.
#[derive(Debug, Default, PartialEq)]
struct Said {
    arguments: BTreeSet<Argument>,
    undercuts: BTreeSet<(String, Argument)>,
}

fn argument(kind: &str, premises: &[&str], target: &str) -> Argument {
    (
        kind.to_string(),
        premises.iter().map(|p| p.to_string()).collect(),
        target.to_string(),
    )
}

/// The map's arguments, as `argmap evaluate` and the map's author see them.
fn expected() -> Said {
    let linked = argument("supports", &["A", "B", "C"], "T");
    Said {
        arguments: [
            linked.clone(),
            argument("supports", &["P"], "T"),
            argument("attacks", &["X", "Y"], "T"),
        ]
        .into(),
        undercuts: [("U".to_string(), linked)].into(),
    }
}

/// A drawing of arguments: nodes joined directly (`a -> t`) or through a point that
/// stands for the argument (premises into it, it into the target, undercuts into it).
#[derive(Default)]
struct Drawing {
    into_point: Vec<(String, String)>,
    out_of_point: BTreeMap<String, (String, String)>,
    direct: Vec<(String, String, String)>,
    undercut_point: Vec<(String, String)>,
}

impl Drawing {
    fn said(self) -> Said {
        let mut premises: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
        for (p, point) in self.into_point {
            premises.entry(point).or_default().insert(p);
        }
        let mut of_point = BTreeMap::new();
        let mut said = Said::default();
        for (point, (kind, target)) in &self.out_of_point {
            let a = (
                kind.clone(),
                premises.get(point).cloned().unwrap_or_default(),
                target.clone(),
            );
            of_point.insert(point.clone(), a.clone());
            said.arguments.insert(a);
        }
        assert_eq!(
            premises.keys().collect::<Vec<_>>(),
            self.out_of_point.keys().collect::<Vec<_>>(),
            "every point has premises and a target"
        );
        for (a, kind, t) in self.direct {
            said.arguments.insert((kind, [a].into(), t));
        }
        for (u, point) in self.undercut_point {
            said.undercuts.insert((u, of_point[&point].clone()));
        }
        said
    }
}

fn json(text: &str) -> Value {
    serde_json::from_str(text).unwrap_or_else(|e| panic!("{e}: {text}"))
}

fn str_of(v: &Value) -> String {
    v.as_str().expect("a string").to_string()
}

/// Links grouped by the argument number they share (JSON's `argument`, GraphML's
/// `argument` key): (argument, kind, source, target), undercuts separately.
#[derive(Default)]
struct Numbered {
    links: Vec<(String, String, String, String)>,
    undercuts: Vec<(String, String)>,
}

impl Numbered {
    fn said(self) -> Said {
        let mut by: BTreeMap<String, Argument> = BTreeMap::new();
        for (n, kind, source, target) in self.links {
            let a = by
                .entry(n.clone())
                .or_insert_with(|| (kind.clone(), BTreeSet::new(), target.clone()));
            assert_eq!(
                (&a.0, &a.2),
                (&kind, &target),
                "argument {n} has one kind and target"
            );
            a.1.insert(source);
        }
        Said {
            undercuts: self
                .undercuts
                .into_iter()
                .map(|(n, u)| (u, by[&n].clone()))
                .collect(),
            arguments: by.into_values().collect(),
        }
    }
}

fn from_json(text: &str) -> Said {
    let doc = json(text);
    let mut n = Numbered::default();
    let mut with = Vec::new();
    for l in doc["maps"][0]["links"].as_array().expect("links") {
        let (kind, source) = (str_of(&l["kind"]), str_of(&l["source"]));
        let target = str_of(&l["target"]);
        let co: BTreeSet<String> = l["with"]
            .as_array()
            .expect("with")
            .iter()
            .map(str_of)
            .collect();
        // A document without argument numbers (as argmap wrote before them) is read as
        // a consumer would: the source with its `with` list is the argument.
        let argument = match &l["argument"] {
            Value::Number(n) => n.to_string(),
            _ if kind == "undercuts" => format!("via {} {target}", str_of(&l["via"])),
            _ => {
                let mut premises = co.clone();
                premises.insert(source.clone());
                format!("{premises:?} {target}")
            }
        };
        if kind == "undercuts" {
            n.undercuts.push((argument, source));
        } else if l["argument"].is_number() {
            with.extend(co.into_iter().map(|w| (argument.clone(), w)));
            n.links.push((argument, kind, source, target));
        } else {
            for p in co {
                n.links
                    .push((argument.clone(), kind.clone(), p, target.clone()));
            }
            n.links.push((argument, kind, source, target));
        }
    }
    // Without numbers, an undercut is of the argument of the link `via -> target`.
    for (key, _) in &mut n.undercuts {
        if let Some((via, target)) = key.strip_prefix("via ").and_then(|k| k.split_once(' ')) {
            let (via, target) = (via.to_string(), target.to_string());
            if let Some((a, ..)) = n
                .links
                .iter()
                .find(|(_, _, s, t)| *s == via && *t == target)
            {
                *key = a.clone();
            }
        }
    }
    // `with` names co-premises of the same argument.
    for (argument, w) in with {
        assert!(
            n.links.iter().any(|(a, _, s, _)| *a == argument && *s == w),
            "{w} is a premise of argument {argument}"
        );
    }
    n.said()
}

fn from_graphml(text: &str) -> Said {
    let doc = roxmltree::Document::parse(text).expect("well-formed GraphML");
    let data = |e: roxmltree::Node, key: &str| {
        e.children()
            .find(|d| d.attribute("key") == Some(key))
            .and_then(|d| d.text())
            .map(str::to_string)
    };
    let mut n = Numbered::default();
    for e in doc.descendants().filter(|n| n.has_tag_name("edge")) {
        let kind = data(e, "ekind").expect("kind");
        if kind == "same_as" {
            continue;
        }
        // Without argument numbers (as argmap wrote before them), each edge stands alone.
        let argument = data(e, "argument")
            .unwrap_or_else(|| format!("edge {}", e.attribute("id").unwrap_or_default()));
        let source = e.attribute("source").expect("source").to_string();
        if kind == "undercuts" {
            n.undercuts.push((argument, source));
        } else {
            let target = e.attribute("target").expect("target").to_string();
            n.links.push((argument, kind, source, target));
        }
    }
    n.said()
}

fn from_aif(text: &str) -> Said {
    let doc = json(text);
    let nodes = doc["nodes"].as_array().expect("nodes");
    // I-nodes by their map id; S-nodes by their AIF type.
    let mut id: BTreeMap<String, String> = BTreeMap::new();
    let mut s_type: BTreeMap<String, String> = BTreeMap::new();
    for n in nodes {
        let node_id = str_of(&n["nodeID"]);
        match n["type"].as_str() {
            Some("I") => {
                id.insert(node_id, str_of(&n["argmap"]["id"]));
            }
            Some(t) => {
                s_type.insert(node_id, t.to_string());
            }
            None => panic!("a node without type"),
        }
    }
    let mut d = Drawing::default();
    let mut undercut_ca: BTreeMap<String, (Option<String>, Option<String>)> = BTreeMap::new();
    for e in doc["edges"].as_array().expect("edges") {
        let (from, to) = (str_of(&e["fromID"]), str_of(&e["toID"]));
        match (id.get(&from), id.get(&to)) {
            (Some(p), None) => d.into_point.push((p.clone(), to.clone())),
            (None, Some(t)) => {
                let kind = match s_type[&from].as_str() {
                    "RA" => "supports",
                    "CA" => "attacks",
                    other => panic!("unexpected S-node {other}"),
                };
                d.out_of_point
                    .insert(from.clone(), (kind.into(), t.clone()));
            }
            (None, None) => undercut_ca.entry(from.clone()).or_default().1 = Some(to.clone()),
            (Some(_), Some(_)) => panic!("an edge between two I-nodes"),
        }
    }
    // A CA node into an S-node is an undercut: its premise is the undercutter.
    for (ca, (_, target)) in &mut undercut_ca {
        let u = d
            .into_point
            .iter()
            .position(|(_, point)| point == ca)
            .map(|i| d.into_point.remove(i).0)
            .expect("an undercut has an undercutter");
        d.undercut_point
            .push((u, target.clone().expect("an undercut has a target")));
    }
    d.said()
}

fn from_argdown(text: &str) -> Said {
    let mut d = Drawing::default();
    let mut current: Option<(bool, String)> = None; // (is an argument, title)
    for line in text.lines() {
        if let Some(rest) = line.strip_prefix('[') {
            current = Some((false, rest.split_once("]:").expect("[ID]: text").0.into()));
        } else if let Some(rest) = line.strip_prefix('<') {
            current = Some((true, rest.split_once(">:").expect("<title>: text").0.into()));
        } else if let Some(rel) = line.strip_prefix("  ") {
            let (is_argument, from) = current.clone().expect("a relation under a statement");
            let (arrow, to) = rel.split_once(' ').expect("arrow and target");
            let kind = if arrow == "+>" { "supports" } else { "attacks" };
            let into_argument = to.starts_with('<');
            let to = to[1..to.len() - 1].to_string();
            match (is_argument, arrow, into_argument) {
                (false, "_>", true) => d.undercut_point.push((from, to)),
                (false, "+>", true) => d.into_point.push((from, to)),
                (false, _, false) => d.direct.push((from, kind.into(), to)),
                (true, _, false) => {
                    d.out_of_point.insert(from, (kind.into(), to));
                }
                other => panic!("unexpected relation {other:?} in {line:?}"),
            }
        }
    }
    d.said()
}

/// A DOT statement's quoted name and the rest of the line.
fn dot_name(s: &str) -> (String, &str) {
    let s = s.strip_prefix('"').expect("a quoted name");
    let end = s.find('"').expect("closing quote");
    (s[..end].to_string(), &s[end + 1..])
}

fn from_dot(text: &str) -> Said {
    let mut points = BTreeSet::new();
    let mut d = Drawing::default();
    for line in text.lines().map(str::trim) {
        if !line.starts_with('"') {
            continue;
        }
        let (a, rest) = dot_name(line);
        let Some(rest) = rest.strip_prefix(" -> ") else {
            if rest.contains("shape=\"point\"") {
                points.insert(a);
            }
            continue;
        };
        let (b, attrs) = dot_name(rest);
        let kind = if attrs.contains("#2e7d32") {
            "supports"
        } else {
            "attacks"
        };
        match (points.contains(&a), points.contains(&b)) {
            _ if attrs.contains("dashed") => {
                assert!(points.contains(&b), "undercuts aim at a point: {line}");
                d.undercut_point.push((a, b));
            }
            (false, true) => d.into_point.push((a, b)),
            (true, false) => {
                d.out_of_point.insert(a, (kind.into(), b));
            }
            (false, false) => d.direct.push((a, kind.into(), b)),
            (true, true) => panic!("an edge between points: {line}"),
        }
    }
    d.said()
}

fn from_mermaid(text: &str) -> Said {
    let mut id: BTreeMap<String, String> = BTreeMap::new();
    let mut d = Drawing::default();
    for line in text.lines().map(str::trim) {
        if let Some((name, label)) = line.split_once("(\"") {
            if !label.contains("<br/>") {
                continue;
            }
            let shown = label.split("<br/>").next().expect("a first line");
            id.insert(name.into(), shown.trim_start_matches("THESIS · ").into());
            continue;
        }
        let words: Vec<&str> = line.split(' ').collect();
        let [a, arrow, b] = words[..] else { continue };
        let node = |n: &str| id.get(n).cloned();
        match (arrow, node(a), node(b)) {
            ("---", Some(p), None) => d.into_point.push((p, b.into())),
            ("-->|supports|", None, Some(t)) => {
                d.out_of_point.insert(a.into(), ("supports".into(), t));
            }
            ("--x|attacks|", None, Some(t)) => {
                d.out_of_point.insert(a.into(), ("attacks".into(), t));
            }
            ("-->|supports|", Some(s), Some(t)) => d.direct.push((s, "supports".into(), t)),
            ("--x|attacks|", Some(s), Some(t)) => d.direct.push((s, "attacks".into(), t)),
            ("-.-x|undercuts|", Some(u), None) => d.undercut_point.push((u, b.into())),
            _ => {}
        }
    }
    d.said()
}

/// The arguments `argmap evaluate` flattens: those undercut, and linked attacks (the
/// others take no part in its attack graph, or are a plain attack of node on node).
fn flattened(said: &Said) -> BTreeSet<Argument> {
    let undercut: BTreeSet<&Argument> = said.undercuts.iter().map(|(_, a)| a).collect();
    said.arguments
        .iter()
        .filter(|a| undercut.contains(a) || (a.0 == "attacks" && a.1.len() > 1))
        .cloned()
        .collect()
}

/// A link as AF names it: premises and target.
type Named = (BTreeSet<String>, String);

/// The flattened arguments named in the ICCMA AF comments (`# N A + B -> T`), with the
/// undercutters of each (the attack lines into them from a node's argument).
fn from_af(text: &str) -> (BTreeSet<Named>, BTreeSet<(String, Named)>) {
    let mut names: BTreeMap<String, String> = BTreeMap::new();
    let mut attacks = Vec::new();
    for line in text.lines() {
        if let Some(c) = line.strip_prefix("# ") {
            if let Some((n, name)) = c.split_once(' ') {
                if n.chars().all(|c| c.is_ascii_digit()) {
                    names.insert(n.into(), name.into());
                }
            }
        } else if !line.starts_with('p') {
            let (a, b) = line.split_once(' ').expect("an attack line");
            attacks.push((a.to_string(), b.to_string()));
        }
    }
    let link = |name: &str| {
        name.split_once(" -> ").map(|(p, t)| {
            (
                p.split(" + ").map(str::to_string).collect::<BTreeSet<_>>(),
                t.to_string(),
            )
        })
    };
    let inferences: BTreeSet<_> = names
        .values()
        .filter(|n| !n.starts_with("not "))
        .filter_map(|n| link(n))
        .collect();
    let mut undercuts = BTreeSet::new();
    for (a, b) in attacks {
        let (from, to) = (&names[&a], &names[&b]);
        if !from.contains(' ') {
            if let Some((p, t)) = link(to).filter(|_| !to.starts_with("not ")) {
                undercuts.insert((from.clone(), (p, t)));
            }
        }
    }
    (inferences, undercuts)
}

/// Reads one format's output.
type Parser = fn(&str) -> Said;

#[test]
fn every_format_shows_the_same_arguments() {
    let want = expected();
    let out = |f: &str| render(&[MAP, "--format", f]);
    let parsers: [(&str, Parser); 6] = [
        ("json", from_json),
        ("graphml", from_graphml),
        ("aif", from_aif),
        ("argdown", from_argdown),
        ("dot", from_dot),
        ("mermaid", from_mermaid),
    ];
    for (format, parse) in parsers {
        assert_eq!(parse(&out(format)), want, "--format {format}");
    }

    // ICCMA AF and `evaluate` hold the arguments their attack graph flattens.
    let want_flat = flattened(&want);
    let (af, af_undercuts) = from_af(&out("af"));
    let flat_pairs: BTreeSet<_> = want_flat
        .iter()
        .map(|(_, p, t)| (p.clone(), t.clone()))
        .collect();
    assert_eq!(af, flat_pairs, "--format af");
    let want_undercuts: BTreeSet<_> = want
        .undercuts
        .iter()
        .map(|(u, (_, p, t))| (u.clone(), (p.clone(), t.clone())))
        .collect();
    assert_eq!(af_undercuts, want_undercuts, "--format af undercuts");

    let ev = argmap()
        .args(["evaluate", MAP, "--format", "json"])
        .output()
        .expect("runs");
    let ev = json(&String::from_utf8(ev.stdout).expect("utf-8"));
    let mut links = BTreeSet::new();
    let mut ev_undercuts = BTreeSet::new();
    for l in ev["links"].as_array().expect("links") {
        let premises: BTreeSet<String> = l["premises"]
            .as_array()
            .expect("premises")
            .iter()
            .map(str_of)
            .collect();
        let a = (str_of(&l["kind"]), premises, str_of(&l["target"]));
        for u in l["undercut_by"].as_array().expect("undercut_by") {
            ev_undercuts.insert((str_of(u), a.clone()));
        }
        links.insert(a);
    }
    assert_eq!(links, want_flat, "evaluate --format json");
    assert_eq!(
        ev_undercuts, want.undercuts,
        "evaluate --format json undercuts"
    );
}

#[test]
fn a_linked_argument_is_drawn_through_one_point() {
    // DOT: the three premises run into one point, which points at T; the undercut aims
    // at that point (the undercut names the link A -> T, and attacks the argument).
    insta::assert_snapshot!("render-dot-linked", render(&[MAP, "--format", "dot"]));
}

#[test]
fn a_large_linked_group_costs_linear_output_in_every_format() {
    // Each premise's link names its argument: a name or list holding the whole group
    // would make a group of k premises write k² ids (the AF comments did: 20k premises
    // wrote 3.3 GB).
    let group = |n: usize| {
        let mut map = String::from("id: group\nclaims:\n  T1: {text: The claim.}\nevidence:\n");
        for i in 0..n {
            let with = if i + 1 < n {
                format!(", with: [E{}]", i + 1)
            } else {
                String::new()
            };
            map.push_str(&format!("  E{i}: {{text: P{i}., supports: [T1]{with}}}\n"));
        }
        map.push_str("rebuttals:\n  R1: {text: r, undercuts: [\"E1 -> T1\"]}\n");
        map
    };
    let dir = tempfile::tempdir().expect("tempdir");
    let sizes = |n: usize| {
        let path = dir.path().join(format!("group{n}.yaml"));
        std::fs::write(&path, group(n)).expect("write");
        let path = path.to_str().expect("utf-8 path").to_string();
        ["json", "graphml", "aif", "argdown", "dot", "mermaid", "af"]
            .map(|f| (f, render(&[&path, "--format", f]).len()))
    };
    for ((f, small), (_, large)) in sizes(200).into_iter().zip(sizes(800)) {
        // Four times the premises: about four times the output, not sixteen.
        assert!(
            large < 5 * small,
            "--format {f}: {small} bytes, then {large}"
        );
    }
}
