//! Times each stage of `argmap check` on one map, one after another on one thread
//! (`argmap check` indexes the source on a second thread): where the time goes, and how
//! each stage scales (docs/performance.md).
//!
//! `cargo run --release --example stages -- MAP.yaml`

use argmap::analyse::{checks, support::Support};
use argmap::build::graph::ArgGraph;
use argmap::parse::load::load_file;
use argmap::parse::source_text::{read_source, SourceLoad};
use std::path::Path;
use std::time::Instant;

fn main() {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: stages MAP.yaml");
        std::process::exit(2);
    };
    let mut t = Instant::now();
    let mut lap = |name: &str| {
        println!("{name:<26} {:8.3} s", t.elapsed().as_secs_f64());
        t = Instant::now();
    };
    let file = match load_file(Path::new(&path)) {
        Ok(f) => f,
        Err(e) => {
            eprintln!("{e}");
            std::process::exit(2);
        }
    };
    lap("load");
    let Some(map) = file.map.as_ref() else {
        eprintln!("{path}: {:?}", file.load_errors);
        std::process::exit(1);
    };
    let source = read_source(&file);
    lap("read source");
    let index = match source {
        SourceLoad::Text(text) => Some(argmap::analyse::quote::SourceIndex::new(text)),
        _ => None,
    };
    lap("index source");
    let graph = ArgGraph::build(map);
    lap("graph");
    let support = Support::compute(&graph);
    lap("support");
    let input = checks::Input {
        graph: &graph,
        support: &support,
        source: index
            .as_ref()
            .map_or(checks::SourceText::None, checks::SourceText::Indexed),
    };
    let mut diagnostics = Vec::new();
    for (rule, check) in checks::ALL {
        check(&input, &mut diagnostics);
        lap(&format!("  {}", rule.id()));
    }
    eprintln!("{} diagnostics", diagnostics.len());
}
