//! `argmap serve`: the live preview, on 127.0.0.1. Over HTTP: the page, its version, the
//! refusal of another Host; in headless Chromium (tests/browser/live.mjs): the map
//! edited on disk, the page shows the change without a manual reload.

use super::common::{require_browser, root};
use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::process::{Child, Command, Stdio};

const MAP: &str = "id: live
title: Live map
claims:
  T1:
    text: Cities should plant more trees.
    thesis: true
  C1:
    text: Trees cool the streets.
";

struct Server {
    child: Child,
    url: String,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn serve(map: &std::path::Path) -> Server {
    let mut child = Command::new(env!("CARGO_BIN_EXE_argmap"))
        .args(["serve", "--port", "0"])
        .arg(map)
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit())
        .spawn()
        .expect("argmap serve starts");
    let mut line = String::new();
    BufReader::new(child.stdout.take().expect("stdout"))
        .read_line(&mut line)
        .expect("the address");
    Server {
        child,
        url: line.trim().to_string(),
    }
}

/// A GET of `path` with `Host: host`: the status line and the body.
fn get(url: &str, path: &str, host: Option<&str>) -> (String, String) {
    let addr = url.trim_start_matches("http://").trim_end_matches('/');
    let mut s = TcpStream::connect(addr).expect("connects");
    let host = host.unwrap_or(addr);
    write!(
        s,
        "GET {path} HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n"
    )
    .expect("writes");
    let mut out = String::new();
    s.read_to_string(&mut out).expect("reads");
    let (head, body) = out.split_once("\r\n\r\n").unwrap_or((&out, ""));
    (
        head.lines().next().unwrap_or("").to_string(),
        body.to_string(),
    )
}

#[test]
fn serve_answers_on_localhost_only_and_follows_the_file() {
    if !super::common::require_graphviz() {
        return;
    }
    let dir = tempfile::tempdir().expect("tempdir");
    let map = dir.path().join("live.yaml");
    std::fs::write(&map, MAP).unwrap();
    let server = serve(&map);
    assert!(
        server.url.starts_with("http://127.0.0.1:"),
        "{}",
        server.url
    );
    let (status, page) = get(&server.url, "/", None);
    assert_eq!(status, "HTTP/1.1 200 OK");
    assert!(
        page.contains("connect-src 'self'"),
        "the live page may poll its server"
    );
    assert!(page.contains("Cities should plant more trees."));
    let (_, v1) = get(&server.url, "/version", None);
    assert!(page.contains(&format!("<meta name=\"argmap-version\" content=\"{v1}\">")));
    std::fs::write(&map, MAP.replace("more trees", "many trees")).unwrap();
    let (_, v2) = get(&server.url, "/version", None);
    assert_ne!(v1, v2);
    assert!(get(&server.url, "/", None)
        .1
        .contains("Cities should plant many trees."));
    let (status, _) = get(&server.url, "/", Some("evil.example:80"));
    assert_eq!(status, "HTTP/1.1 403 Forbidden");
    assert_eq!(
        get(&server.url, "/etc/passwd", None).0,
        "HTTP/1.1 404 Not Found"
    );
}

#[test]
fn serve_page_reloads_itself_in_chromium() {
    if !require_browser() {
        return;
    }
    let dir = tempfile::tempdir().expect("tempdir");
    let map = dir.path().join("live.yaml");
    std::fs::write(&map, MAP).unwrap();
    let server = serve(&map);
    let out = Command::new("node")
        .arg(root().join("tests/browser/live.mjs"))
        .args([
            server.url.as_str(),
            &map.display().to_string(),
            "plant more trees",
            "plant many trees",
        ])
        .output()
        .expect("node runs");
    assert!(
        out.status.success(),
        "{}\n{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
}
