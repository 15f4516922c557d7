//! Benchmarks of every stage of argmap on generated maps of 1k, 10k and 100k nodes
//! (`cargo bench`; one stage: `cargo bench -- check/10000`; other sizes:
//! `ARGMAP_BENCH_SIZES="1000000" cargo bench`, about 20 minutes for 1M). Results, machine
//! and the 1M-node runs as processes (benches/scale.sh) are in docs/performance.md.
//!
//! Each map is generated once per size, written to a temporary folder with its source
//! text, and loaded outside the timed part; each stage is then timed alone:
//!
//! - `yaml_value`: serde_yaml into `serde_yaml::Value` (the baseline: parsing alone);
//! - `yaml_typed`: serde_yaml into argmap's typed `Map`;
//! - `load`: `parse::load::parse_map` (what every command starts with);
//! - `analyse`: build the graph and compute cited support (`analyse::Analysed::new`);
//! - `check`: every rule, with the source read and indexed and every quote looked up
//!   (`argmap::check`: analysis and the locating step, as `argmap check` runs them, after loading);
//! - `support`: the support report and its text (`argmap support`, after analysing);
//! - `dot`: the DOT diagram (`argmap render --format dot`, after analysing);
//! - `evaluate`: the grounded labelling (`argmap evaluate`, after analysing);
//! - `compare`: the map against a generated map of another seed (`argmap compare`,
//!   after analysing both).
//!
//! `quotes/*` measures quote verification alone: 10k quotes against a 1 MB source,
//! 10k quotes of a passage a source repeats 20k times (`find_10k_repeated`), and one
//! quote with 1,000 ellipses over a 4 MB source repeating its pieces (`ellipses_1000`).
//!
//! `star/*` measures evaluate, the af, argdown and aif exports and `check`'s human
//! report on a star: one claim with 100k links into it (`ARGMAP_BENCH_STAR` for another size), as attacks, as
//! supports, and as supports linked in pairs by `with`.
//!
//! Sample counts are small (10 samples, flat sampling for the large maps) so that the
//! whole run takes about ten minutes on two cores.

use argmap::analyse::{self, quote::SourceIndex, Analysed};
use argmap::generate::{generate_named, running_header_pages, source_and_quotes, RUNNING_HEADER};
use argmap::parse::load::{load_file, parse_map, MapFile};
use argmap::parse::source_text::read_source;
use argmap::present;
use criterion::{criterion_group, criterion_main, BatchSize, Criterion, SamplingMode, Throughput};
use std::fmt::Write;
use std::hint::black_box;
use std::time::Duration;

/// The map sizes: `$ARGMAP_BENCH_SIZES` (node counts separated by spaces), or these.
fn sizes() -> Vec<usize> {
    std::env::var("ARGMAP_BENCH_SIZES")
        .ok()
        .map(|v| {
            v.split_whitespace()
                .filter_map(|n| n.parse().ok())
                .collect()
        })
        .unwrap_or_else(|| vec![1_000, 10_000, 100_000])
}

/// A generated map written to disk (with its source) and loaded.
struct Fixture {
    _dir: tempfile::TempDir,
    yaml: String,
    file: MapFile,
}

fn fixture(nodes: usize, seed: u64) -> Fixture {
    let dir = tempfile::tempdir().expect("tempdir");
    let g = generate_named(nodes, seed, "map.txt");
    std::fs::write(dir.path().join("map.txt"), &g.source_text).expect("write source");
    let path = dir.path().join("map.yaml");
    std::fs::write(&path, &g.map_yaml).expect("write map");
    let file = load_file(&path).expect("load");
    assert!(file.map.is_some(), "generated map does not load");
    Fixture {
        _dir: dir,
        yaml: g.map_yaml,
        file,
    }
}

fn pipeline(c: &mut Criterion) {
    for n in sizes() {
        let a = fixture(n, 1);
        let b = fixture(n, 2);
        let ma = Analysed::new(&a.file).expect("analysed");
        let mb = Analysed::new(&b.file).expect("analysed");

        let mut g = c.benchmark_group(format!("n{n}"));
        g.sample_size(10);
        if n >= 100_000 {
            g.sampling_mode(SamplingMode::Flat);
            g.warm_up_time(Duration::from_millis(1));
            g.measurement_time(Duration::from_secs(20));
        } else if n >= 10_000 {
            g.sampling_mode(SamplingMode::Flat);
            g.warm_up_time(Duration::from_millis(500));
            g.measurement_time(Duration::from_secs(5));
        } else {
            g.warm_up_time(Duration::from_millis(500));
            g.measurement_time(Duration::from_secs(2));
        }
        g.throughput(Throughput::Bytes(a.yaml.len() as u64));

        g.bench_function("yaml_value", |bench| {
            bench.iter(|| {
                black_box(serde_yaml::from_str::<serde_yaml::Value>(black_box(&a.yaml)).unwrap())
            })
        });
        g.bench_function("yaml_typed", |bench| {
            bench.iter(|| {
                black_box(
                    serde_yaml::from_str::<argmap::parse::model::Map>(black_box(&a.yaml)).unwrap(),
                )
            })
        });
        g.bench_function("load", |bench| {
            bench.iter(|| black_box(parse_map(black_box(&a.yaml)).unwrap()))
        });
        g.bench_function("analyse", |bench| {
            bench.iter(|| black_box(Analysed::new(black_box(&a.file)).unwrap()))
        });
        g.bench_function("check", |bench| {
            bench.iter(|| {
                let files = std::slice::from_ref(&a.file);
                let d = argmap::check(files, [read_source(&a.file)]).expect("text held");
                assert!(
                    d.is_empty(),
                    "generated map has diagnostics: {:?}",
                    d.first()
                );
                black_box(d)
            })
        });
        g.bench_function("support", |bench| {
            bench.iter(|| {
                let r = analyse::support::report(&ma.graph, ma.support());
                black_box(present::support_report::text(&r))
            })
        });
        g.bench_function("dot", |bench| {
            bench.iter(|| {
                let d = [present::dot::DiagramMap {
                    map: &ma,
                    visible: None,
                    focus: None,
                }];
                // As `render --format dot` does: written statement by statement.
                let mut out = Vec::new();
                present::dot::write(&d, &[], None, &mut out).expect("writes to a Vec");
                black_box(out)
            })
        });
        g.bench_function("evaluate", |bench| {
            bench.iter(|| {
                // The inferences are grouped in the loop, as `evaluate` groups them.
                let inf = analyse::inference::Inferences::of(&ma.graph);
                black_box(analyse::evaluate::evaluate(
                    &ma.graph,
                    &inf,
                    analyse::evaluate::Request::default(),
                ))
            })
        });
        g.bench_function("compare", |bench| {
            let opts = analyse::compare::CompareOptions::default();
            bench.iter(|| black_box(analyse::compare::compare(&ma, &mb, &[], &opts)))
        });
        g.finish();
    }
}

/// 10k quotes against a 1 MB source: indexing, and looking every quote up.
fn quotes(c: &mut Criterion) {
    let (source, quotes) = source_and_quotes(1_000_000, 10_000, 9);
    let mut g = c.benchmark_group("quotes");
    g.sample_size(10);
    g.warm_up_time(Duration::from_millis(500));
    g.measurement_time(Duration::from_secs(5));
    g.bench_function("index_1MB", |bench| {
        bench.iter_batched(
            || source.clone(),
            |s| black_box(SourceIndex::new(s)),
            BatchSize::LargeInput,
        )
    });
    let index = SourceIndex::new(source.clone());
    let missing = quotes
        .iter()
        .filter(|q| !matches!(index.find(q), analyse::quote::QuoteMatch::Found { .. }))
        .count();
    assert_eq!(missing, 0, "generated quotes not found");
    g.bench_function("find_10k", |bench| {
        bench.iter(|| {
            for q in &quotes {
                black_box(index.find(q));
            }
        })
    });
    g.bench_function("index_and_find_10k", |bench| {
        bench.iter_batched(
            || source.clone(),
            |s| {
                let index = SourceIndex::new(s);
                for q in &quotes {
                    black_box(index.find(q));
                }
            },
            BatchSize::LargeInput,
        )
    });
    // The worst case for an index of words: a running header on each of 20k pages, and
    // 10k quotes of it (each of its windows occurs 20k times), one in three with an
    // ellipsis. A quote is settled by its first occurrence, not by verifying all 20k.
    let header = RUNNING_HEADER;
    let across = "of the long discussion Journal of Historical";
    let gap = "Journal of Historical … volume twelve page";
    let index = SourceIndex::new(running_header_pages(20_000));
    g.bench_function("find_10k_repeated", |bench| {
        bench.iter(|| {
            for i in 0..10_000 {
                black_box(index.find([header, across, gap][i % 3]));
            }
        })
    });
    // One quote with 1,000 ellipses over a 4 MB source that repeats its pieces on every
    // page, whose last piece is missing: every page starts a chain that runs on for
    // hundreds of pieces before it fails.
    let index = SourceIndex::new(running_header_pages(50_000));
    let mut pieces = vec!["volume twelve"; 1000];
    *pieces.last_mut().expect("pieces") = "volume thirteen";
    let many = pieces.join(" … ");
    g.bench_function("ellipses_1000", |bench| {
        bench.iter(|| black_box(index.find(black_box(&many))))
    });
    g.finish();
}

/// A star: one claim and `n` links into it (rebuttals attacking it, evidence supporting
/// it, or supporters linked pairwise by `with`), the shape that made evaluate and the
/// af/argdown/aif exports quadratic in the links into one node.
fn star_yaml(n: usize, shape: &str) -> String {
    let mut out =
        String::from("id: star\nclaims:\n  T1:\n    text: The claim.\n    thesis: true\n");
    out.push_str(if shape == "attacks" {
        "rebuttals:\n"
    } else {
        "evidence:\n"
    });
    for i in 0..n {
        let _ = match shape {
            "attacks" => writeln!(out, "  R{i}: {{text: Rebuttal {i}., attacks: [T1]}}"),
            "supports" => writeln!(out, "  E{i}: {{text: Supporter {i}., supports: [T1]}}"),
            _ => writeln!(
                out,
                "  E{i}: {{text: Supporter {i}., supports: [T1], with: [E{}]}}",
                i ^ 1
            ),
        };
    }
    out
}

/// `star/*`: evaluate and the af, argdown and aif exports of a star of
/// `$ARGMAP_BENCH_STAR` (default 100k) links into one claim, for each shape.
fn star(c: &mut Criterion) {
    let n = std::env::var("ARGMAP_BENCH_STAR")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(100_000);
    let mut g = c.benchmark_group("star");
    g.sample_size(10);
    g.sampling_mode(SamplingMode::Flat);
    g.warm_up_time(Duration::from_millis(1));
    g.measurement_time(Duration::from_secs(3));
    for shape in ["attacks", "supports", "with"] {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("star.yaml");
        std::fs::write(&path, star_yaml(n, shape)).expect("write map");
        let file = load_file(&path).expect("load");
        let m = Analysed::new(&file).expect("analysed");
        g.bench_function(format!("evaluate_{shape}_{n}"), |bench| {
            bench.iter(|| {
                let inf = analyse::inference::Inferences::of(&m.graph);
                black_box(analyse::evaluate::evaluate(
                    &m.graph,
                    &inf,
                    analyse::evaluate::Request::default(),
                ))
            })
        });
        g.bench_function(format!("af_{shape}_{n}"), |bench| {
            // The inferences and the encoding are built in the loop, as `render
            // --format af` builds them.
            bench.iter(|| {
                let inf = analyse::inference::Inferences::of(&m.graph);
                let enc = analyse::evaluate::Encoding::of(&m.graph, &inf);
                black_box(present::af::render(&m, &enc))
            })
        });
        g.bench_function(format!("argdown_{shape}_{n}"), |bench| {
            bench.iter(|| {
                let d = [present::dot::DiagramMap {
                    map: &m,
                    visible: None,
                    focus: None,
                }];
                black_box(present::argdown::render(&d, &[]))
            })
        });
        g.bench_function(format!("aif_{shape}_{n}"), |bench| {
            bench.iter(|| black_box(argmap::aif::export::render(&m)))
        });
        // `check`'s human report of the star: one warning per supporter (uncited
        // evidence), each located in the file and shown with its snippet.
        if shape == "supports" {
            let files = std::slice::from_ref(&file);
            let diagnostics = argmap::check(files, files.iter().map(read_source)).expect("check");
            let text = file.text().expect("text");
            let name = file.path.display().to_string();
            let texts = std::collections::HashMap::from([(name, text.as_ref())]);
            g.bench_function(format!("check_human_{shape}_{n}"), |bench| {
                bench.iter(|| black_box(present::terminal::render(&diagnostics, &texts)))
            });
        }
    }
    g.finish();
}

criterion_group!(benches, quotes, star, pipeline);
criterion_main!(benches);
