//! One keystroke in an editor: a `didChange` of the essay map
//! (`maps/permanent-revolution.yaml`, 130 KB, with its source text) sent to `argmap lsp`
//! over its standard input, timed until its `publishDiagnostics` is read back from
//! standard output — the whole round trip an editor waits for: the frame read, the map
//! parsed, every rule checked (the quotes against the source index kept since
//! `didOpen`), the diagnostics located, converted to UTF-16 ranges and written.
//!
//! `cargo bench --bench lsp` (the target: under 20 ms per change). Two cases:
//! `did_change` sends the whole text (full sync), `did_change_incremental` the one
//! character that changed (incremental sync, as most editors send it).
//! Each change alternates between two texts (one character apart), so that no step
//! could be skipped as unchanged.

use criterion::{criterion_group, criterion_main, Criterion};
use serde_json::{json, Value};
use std::io::{BufRead, BufReader, Read, Write};
use std::path::PathBuf;
use std::process::{ChildStdin, ChildStdout, Command, Stdio};
use std::time::{Duration, Instant};

fn send(w: &mut ChildStdin, v: &Value) {
    let body = v.to_string();
    write!(w, "Content-Length: {}\r\n\r\n{body}", body.len()).expect("write");
    w.flush().expect("flush");
}

fn read(r: &mut BufReader<ChildStdout>) -> Value {
    let mut length = 0;
    loop {
        let mut line = String::new();
        r.read_line(&mut line).expect("a header");
        let line = line.trim_end();
        if line.is_empty() {
            break;
        }
        if let Some(v) = line.strip_prefix("Content-Length: ") {
            length = v.parse().expect("a length");
        }
    }
    let mut body = vec![0; length];
    r.read_exact(&mut body).expect("a body");
    serde_json::from_slice(&body).expect("JSON")
}

/// Reads messages until the diagnostics of a change; returns how many it had.
fn diagnostics(r: &mut BufReader<ChildStdout>) -> usize {
    loop {
        let v = read(r);
        if v["method"] == "textDocument/publishDiagnostics" {
            return v["params"]["diagnostics"].as_array().map_or(0, Vec::len);
        }
    }
}

/// The CPU time process `pid`'s main thread has used, in seconds (Linux's
/// `/proc/PID/schedstat`: nanoseconds on a CPU, first field; the server is one thread).
fn cpu_seconds(pid: u32) -> Option<f64> {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/schedstat")).ok()?;
    let ns: f64 = stat.split_whitespace().next()?.parse().ok()?;
    Some(ns / 1e9)
}

fn did_change(c: &mut Criterion) {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let path = root.join("maps/permanent-revolution.yaml");
    let text = std::fs::read_to_string(&path).expect("the essay map");
    let uri = format!("file://{}", path.display());
    let mut child = Command::new(env!("CARGO_BIN_EXE_argmap"))
        .arg("lsp")
        .current_dir(&root)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .expect("argmap lsp");
    let mut w = child.stdin.take().expect("stdin");
    let mut r = BufReader::new(child.stdout.take().expect("stdout"));
    send(
        &mut w,
        &json!({"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {"processId": null, "capabilities": {}}}),
    );
    let _ = read(&mut r);
    send(
        &mut w,
        &json!({"jsonrpc": "2.0", "method": "initialized", "params": {}}),
    );
    send(
        &mut w,
        &json!({"jsonrpc": "2.0", "method": "textDocument/didOpen", "params": {"textDocument": {"uri": uri, "languageId": "yaml", "version": 1, "text": text}}}),
    );
    let opened = diagnostics(&mut r);
    // Two texts a keystroke apart: a title with one more character.
    let edited = text.replacen("title: ", "title: X", 1);
    let texts = [edited, text];
    let mut version = 1;
    let mut group = c.benchmark_group("lsp");
    group.measurement_time(Duration::from_secs(10));
    group.bench_function("did_change/permanent-revolution", |b| {
        b.iter_custom(|iters| {
            let mut total = Duration::ZERO;
            for _ in 0..iters {
                version += 1;
                let change = json!({"jsonrpc": "2.0", "method": "textDocument/didChange", "params": {
                    "textDocument": {"uri": uri, "version": version},
                    "contentChanges": [{"text": texts[version % 2]}],
                }});
                let start = Instant::now();
                send(&mut w, &change);
                let n = diagnostics(&mut r);
                total += start.elapsed();
                assert_eq!(n, opened, "a change one character apart has the same diagnostics");
            }
            total
        })
    });
    // The same keystroke sent as editors send it under incremental sync: one character
    // inserted, then deleted, after the first `title: `.
    let at = texts[1].find("title: ").expect("a title") + "title: ".len();
    let before = &texts[1][..at];
    let line = before.matches('\n').count();
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let col = before[line_start..].encode_utf16().count();
    group.bench_function("did_change_incremental/permanent-revolution", |b| {
        b.iter_custom(|iters| {
            let mut total = Duration::ZERO;
            for _ in 0..iters {
                version += 1;
                let (range, text) = if version % 2 == 0 {
                    (json!({"start": {"line": line, "character": col}, "end": {"line": line, "character": col}}), "X")
                } else {
                    (json!({"start": {"line": line, "character": col}, "end": {"line": line, "character": col + 1}}), "")
                };
                let change = json!({"jsonrpc": "2.0", "method": "textDocument/didChange", "params": {
                    "textDocument": {"uri": uri, "version": version},
                    "contentChanges": [{"range": range, "text": text}],
                }});
                let start = Instant::now();
                send(&mut w, &change);
                let n = diagnostics(&mut r);
                total += start.elapsed();
                assert_eq!(n, opened, "a change one character apart has the same diagnostics");
            }
            total
        })
    });
    group.finish();
    // The server's own CPU time per change (from /proc), which other work on the
    // machine does not inflate as it does the round trip's wall time.
    let pid = child.id();
    for (name, incremental) in [("full", false), ("incremental", true)] {
        let runs = 300;
        let before = cpu_seconds(pid);
        for _ in 0..runs {
            version += 1;
            let changes = if incremental {
                let end = col + usize::from(version % 2 == 1);
                json!([{"range": {"start": {"line": line, "character": col}, "end": {"line": line, "character": end}},
                        "text": if version % 2 == 0 { "X" } else { "" }}])
            } else {
                json!([{"text": texts[version % 2]}])
            };
            send(
                &mut w,
                &json!({"jsonrpc": "2.0", "method": "textDocument/didChange", "params": {
                "textDocument": {"uri": uri, "version": version}, "contentChanges": changes}}),
            );
            diagnostics(&mut r);
        }
        if let (Some(a), Some(b)) = (before, cpu_seconds(pid)) {
            eprintln!(
                "lsp/{name}: the server's CPU time per change: {:.2} ms ({runs} changes)",
                (b - a) * 1000.0 / f64::from(runs)
            );
        }
    }
    send(
        &mut w,
        &json!({"jsonrpc": "2.0", "id": 2, "method": "shutdown", "params": null}),
    );
    let _ = read(&mut r);
    send(
        &mut w,
        &json!({"jsonrpc": "2.0", "method": "exit", "params": null}),
    );
    let _ = child.wait();
}

criterion_group!(benches, did_change);
criterion_main!(benches);
