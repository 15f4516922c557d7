//! Times one quote with many ellipses against a large source (issue 11):
//! `cargo run --release --example quote_ellipses [MB] [PIECES]` (default 4 MB, 1,000
//! pieces). The criterion form of the worst case is `quotes/ellipses_1000`.
use argmap::analyse::quote::{QuoteMatch, SourceIndex};
use argmap::generate::{running_header_pages, source_and_quotes};
use std::time::Instant;

fn main() {
    let mut args = std::env::args().skip(1);
    let mb: usize = args.next().and_then(|a| a.parse().ok()).unwrap_or(4);
    let pieces: usize = args
        .next()
        .and_then(|a| a.parse().ok())
        .unwrap_or(1000)
        .max(2);
    let (source, _) = source_and_quotes(mb * 1_000_000, 0, 5);
    let t = Instant::now();
    let index = SourceIndex::new(source.clone());
    println!(
        "index {:.1} MB: {:?}",
        source.len() as f64 / 1e6,
        t.elapsed()
    );
    let norm = &index.norm.text;
    // Pieces cut from the normalised source in order, a few words each, ~1,500 bytes apart.
    let words: Vec<(usize, &str)> = norm
        .split(' ')
        .scan(0, |at, w| {
            let s = *at;
            *at += w.len() + 1;
            Some((s, w))
        })
        .collect();
    let mut found = Vec::new();
    let mut next = 0;
    for (i, &(s, _)) in words.iter().enumerate() {
        if found.len() == pieces {
            break;
        }
        if s >= next && i + 3 < words.len() {
            found.push(
                words[i..i + 3]
                    .iter()
                    .map(|w| w.1)
                    .collect::<Vec<_>>()
                    .join(" "),
            );
            next = s + 1500;
        }
    }
    // The most frequent word of the source, for quotes that repeat one word.
    let mut counts = std::collections::HashMap::new();
    for w in &words {
        *counts.entry(w.1).or_insert(0usize) += 1;
    }
    let common = counts
        .iter()
        .filter(|(w, _)| w.chars().all(char::is_alphabetic))
        .max_by_key(|(w, n)| (**n, **w))
        .map_or("the", |(w, _)| *w);
    println!("most frequent word: {common:?} ({} times)", counts[common]);
    let cases = [
        ("found", found.join(" … ")),
        ("last piece missing", {
            let mut f = found.clone();
            f.pop();
            f.push("zzqx unheardof".into());
            f.join(" … ")
        }),
        ("common word repeated, last piece missing", {
            let mut v = vec![common; pieces - 1];
            v.push("zzqx");
            v.join(" … ")
        }),
        ("common word repeated", vec![common; pieces].join(" … ")),
    ];
    for (name, q) in &cases {
        time(&index, name, q);
    }
    // A running header on every page (about 4 MB for 4 MB): every start of the first
    // piece begins a chain that runs to the last piece before it fails.
    let pages = running_header_pages(mb * 1_000_000 / 80);
    let index = SourceIndex::new(pages);
    let mut v = vec!["volume twelve"; pieces];
    time(&index, "running header", &v.join(" … "));
    v.pop();
    v.push("volume thirteen");
    time(&index, "running header, last piece missing", &v.join(" … "));
}

/// Looks `q` up once and prints whether it was found and how long it took.
fn time(index: &SourceIndex, name: &str, q: &str) {
    let t = Instant::now();
    let r = index.find(q);
    println!(
        "{name}: found {} ({} bytes): {:?}",
        matches!(r, QuoteMatch::Found { .. }),
        q.len(),
        t.elapsed()
    );
}
