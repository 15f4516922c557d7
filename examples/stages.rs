//! Each stage of `argmap check` on one map, in the order `argmap check` runs them: the
//! time it took, the heap live after it, and the highest the heap reached during it
//! (counted by a global allocator that wraps the system's; malloc's own overhead and
//! freed-but-kept memory are not in these numbers, only in the process's RSS).
//! Where the time and the memory go, and how each stage scales (docs/performance.md).
//!
//! `cargo run --release --example stages -- MAP.yaml`

use argmap::analyse::{checks, quote};
use argmap::graph::ArgGraph;
use argmap::parse::load::load_file;
use argmap::parse::source_text::{read_source, SourceLoad};
use std::alloc::{GlobalAlloc, Layout, System};
use std::path::Path;
use std::sync::atomic::{AtomicUsize, Ordering::Relaxed};
use std::time::Instant;

/// The system allocator, counting the bytes it has handed out and their peak.
struct Counting;

static LIVE: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

fn grew(by: usize) {
    let now = LIVE.fetch_add(by, Relaxed) + by;
    PEAK.fetch_max(now, Relaxed);
}

// SAFETY: every call is forwarded to `System` unchanged; only counters are added.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, l: Layout) -> *mut u8 {
        grew(l.size());
        unsafe { System.alloc(l) }
    }
    unsafe fn dealloc(&self, p: *mut u8, l: Layout) {
        LIVE.fetch_sub(l.size(), Relaxed);
        unsafe { System.dealloc(p, l) }
    }
    unsafe fn realloc(&self, p: *mut u8, l: Layout, size: usize) -> *mut u8 {
        grew(size);
        LIVE.fetch_sub(l.size(), Relaxed);
        unsafe { System.realloc(p, l, size) }
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

fn main() {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: stages MAP.yaml");
        std::process::exit(2);
    };
    println!(
        "{:<26} {:>9} {:>10} {:>10}",
        "stage", "time", "heap", "peak"
    );
    let mut t = Instant::now();
    let mut lap = |name: &str| {
        let mb = |b: usize| b as f64 / 1e6;
        println!(
            "{name:<26} {:>7.3} s {:>7.1} MB {:>7.1} MB",
            t.elapsed().as_secs_f64(),
            mb(LIVE.load(Relaxed)),
            mb(PEAK.swap(LIVE.load(Relaxed), Relaxed)),
        );
        t = Instant::now();
    };
    let mut file = match load_file(Path::new(&path)) {
        Ok(f) => f,
        Err(e) => {
            eprintln!("{e}");
            std::process::exit(2);
        }
    };
    lap("load");
    file.release_text();
    lap("let go of the text");
    let Some(map) = file.map.as_ref() else {
        eprintln!("{path}: {:?}", file.load_errors);
        std::process::exit(1);
    };
    let source = read_source(&file);
    lap("read source");
    let index = match source {
        SourceLoad::Text(text) => Some(quote::SourceIndex::new(text)),
        _ => None,
    };
    lap("index source");
    let misses = index.as_ref().map(|index| quote::misses(index, map));
    lap("look up quotes");
    drop(index);
    lap("drop the index");
    let graph = ArgGraph::build(map);
    lap("graph");
    let input = checks::Input::new(
        &graph,
        misses
            .as_deref()
            .map_or(checks::SourceText::None, checks::SourceText::Checked),
    );
    input.support();
    lap("support");
    let mut diagnostics = Vec::new();
    for rule in checks::REGISTRY {
        if let Some(check) = rule.check() {
            check(&input, &mut diagnostics);
            lap(&format!("  {}", rule.id()));
        }
    }
    eprintln!("{} diagnostics", diagnostics.len());
}
