//! serde_yaml alone on a map file: the baseline that `argmap check` is measured against
//! (docs/performance.md). Used by `benches/scale.sh`.
//!
//! `cargo run --release --example parse_only -- MAP.yaml [value|typed|load]`
//! - `value`: serde_yaml into `serde_yaml::Value` (the parse, nothing of argmap);
//! - `typed`: serde_yaml into argmap's typed `Map` (its hand-written visitors);
//! - `load`: `argmap::parse::load::parse_map`, what every command starts with (argmap's
//!   streaming deserializer, `src/parse/deserializer/`).
//!
//! Prints the seconds the parse took (file reading excluded) on standard output.

use std::time::Instant;

fn main() {
    let mut args = std::env::args().skip(1);
    let (Some(path), mode) = (args.next(), args.next()) else {
        eprintln!("usage: parse_only MAP.yaml [value|typed|load]");
        std::process::exit(2);
    };
    let mode = mode.unwrap_or_else(|| "value".to_string());
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| {
        eprintln!("{path}: {e}");
        std::process::exit(2);
    });
    let t = Instant::now();
    let entries = match mode.as_str() {
        "value" => {
            let v: serde_yaml::Value = serde_yaml::from_str(&text).expect("valid YAML");
            v.as_mapping().map_or(0, |m| {
                m.values()
                    .filter_map(|s| s.as_mapping())
                    .map(|s| s.len())
                    .sum()
            })
        }
        "typed" => {
            let m: argmap::parse::model::Map = serde_yaml::from_str(&text).expect("a map");
            m.len()
        }
        "load" => argmap::parse::load::parse_map(&text).map_or(0, |m| m.len()),
        other => {
            eprintln!("unknown mode `{other}` (value, typed or load)");
            std::process::exit(2);
        }
    };
    println!("{:.3}", t.elapsed().as_secs_f64());
    eprintln!("{mode}: {entries} entries");
}
