//! `argmap generate`: synthetic maps are valid by construction and depend only on the
//! seed.

use crate::common::argmap;
use argmap::generate::{generate, generate_named};
use argmap::parse::load::load_file;
use argmap::parse::source_text::read_source;

/// Writes a generated map and its source into a temporary folder and checks it.
fn diagnostics(nodes: usize, seed: u64) -> Vec<argmap::Diagnostic> {
    let dir = tempfile::tempdir().expect("tempdir");
    let g = generate_named(nodes, seed, "map.txt");
    std::fs::write(dir.path().join("map.txt"), &g.source_text).unwrap();
    let path = dir.path().join("map.yaml");
    std::fs::write(&path, &g.map_yaml).unwrap();
    let mut file = load_file(&path).expect("readable");
    assert!(file.map.is_some(), "{:?}", file.load_errors);
    // As `argmap check` does: the text is let go, and read again to place diagnostics.
    file.release_text();
    let files = [file];
    argmap::check(&files, files.iter().map(read_source)).expect("unchanged")
}

#[test]
fn generated_maps_check_clean() {
    for (nodes, seed) in [
        (4, 0),
        (7, 3),
        (10, 1),
        (57, 2),
        (300, 9),
        (1000, 42),
        (5000, 7),
    ] {
        let d = diagnostics(nodes, seed);
        assert!(
            d.is_empty(),
            "{nodes} nodes, seed {seed}: {} diagnostics, first: {:?}",
            d.len(),
            d.first()
        );
    }
}

#[test]
fn generated_maps_have_the_promised_shape() {
    let g = generate(2000, 5);
    let map = argmap::parse::load::parse_map(&g.map_yaml).expect("parses");
    assert_eq!(map.len(), 2000);
    let pct = |n: usize| n * 100 / 2000;
    assert_eq!(pct(map.claims.len()), 45);
    assert_eq!(pct(map.evidence.len()), 35);
    assert_eq!(pct(map.rebuttals.len()), 10);
    assert_eq!(pct(map.sources.len()), 10);
    let theses = map
        .claims
        .iter()
        .filter(|(_, c)| c.thesis == Some(true))
        .count();
    assert!((2..=5).contains(&theses), "{theses} theses");
    let nodes = || {
        map.claims
            .iter()
            .chain(map.evidence.iter())
            .chain(map.rebuttals.iter())
    };
    let count =
        |f: &dyn Fn(&argmap::parse::model::Node) -> bool| nodes().filter(|(_, n)| f(n)).count();
    assert!(count(&|n| !n.attacks.is_empty()) > 100);
    assert!(count(&|n| !n.undercuts().is_empty()) > 20);
    assert!(count(&|n| !n.with().is_empty()) > 10);
    assert!(count(&|n| n.by().is_some()) > 100);
    assert!(
        count(&|n| n
            .quote
            .as_deref()
            .is_some_and(|q| q.contains('…') || q.contains("...")))
            > 10
    );
    assert!(map
        .evidence
        .iter()
        .any(|(_, e)| e.cites.iter().any(|c| c.long && c.footnote.is_some())));
    // Support runs deep: follow the first `supports` of the last claim to a thesis.
    let mut depth = 0;
    let mut id = map
        .claims
        .iter()
        .rev()
        .find(|(_, c)| !c.supports.is_empty())
        .unwrap()
        .0
        .to_string();
    while let Some(next) = map.claims.get(&id).and_then(|c| c.supports.first()) {
        id = next.to_string();
        depth += 1;
    }
    assert!(depth >= 5, "support chain only {depth} deep");
}

#[test]
fn same_seed_same_output_other_seed_other_output() {
    let a = generate(1500, 11);
    assert_eq!(a, generate(1500, 11));
    let b = generate(1500, 12);
    assert_ne!(a.map_yaml, b.map_yaml);
    assert_ne!(a.source_text, b.source_text);
}

#[test]
fn cli_writes_map_and_source_that_check_clean() {
    let dir = tempfile::tempdir().expect("tempdir");
    let map = dir.path().join("big.yaml");
    argmap()
        .args(["generate", "--nodes", "800", "--seed", "3", "-o"])
        .arg(&map)
        .assert()
        .success();
    let source = dir.path().join("big.txt");
    assert!(source.is_file());
    let text = std::fs::read_to_string(&map).unwrap();
    assert!(text.contains("source: \"big.txt\""));
    argmap()
        .args(["check", "--deny", "warnings"])
        .arg(&map)
        .assert()
        .success();
    // Same command, same bytes.
    let again = dir.path().join("again.yaml");
    argmap()
        .args(["generate", "--nodes", "800", "--seed", "3", "-o"])
        .arg(&again)
        .assert()
        .success();
    let again_text = std::fs::read_to_string(&again).unwrap();
    assert_eq!(
        text.replace("big.txt", "X"),
        again_text.replace("again.txt", "X")
    );
}

#[test]
fn cli_refuses_a_txt_map_name() {
    let dir = tempfile::tempdir().expect("tempdir");
    argmap()
        .args(["generate", "--nodes", "10", "-o"])
        .arg(dir.path().join("map.txt"))
        .assert()
        .code(2);
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 0);
}

#[test]
fn cli_bounds_the_number_of_nodes() {
    let dir = tempfile::tempdir().expect("tempdir");
    for n in [
        "10000001",
        "18446744073709551615",
        "99999999999999999999999",
    ] {
        argmap()
            .args(["generate", "--nodes", n, "-o"])
            .arg(dir.path().join("map.yaml"))
            .assert()
            .code(2)
            .stderr(predicates::str::contains("--nodes"))
            .stderr(predicates::prelude::PredicateBooleanExt::or(
                predicates::str::contains("at most 10000000"),
                predicates::str::contains("not a whole number"),
            ));
    }
    assert_eq!(std::fs::read_dir(dir.path()).expect("dir").count(), 0);
}
