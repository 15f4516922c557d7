//! `argmap serve MAP...`: a live preview beside the editor. The maps' HTML page is served
//! on 127.0.0.1 only (never another interface), with a small endpoint, `/version`, that
//! the page polls; when a map changes on disk the next request draws it again and the
//! page reloads itself. Maps with errors are shown as their errors, on a page that polls
//! the same way. `std::net` is enough: one connection at a time, each bounded in size and
//! time. Requests whose `Host` is not this address are refused (a web page elsewhere
//! cannot read the preview by DNS rebinding).

use super::args::ServeArgs;
use super::{CliError, Io};
use argmap::analyse::{self, Analysed};
use argmap::diagnostic::Severity;
use argmap::parse::load::{load_file, read_regular};
use argmap::parse::source_text::{read_source_with, SourcePolicy};
use argmap::present;
use argmap::present::html::{live_errors, LIVE_VERSION_PATH};
use std::fmt::Write as _;
use std::hash::{BuildHasher, Hasher};
use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::PathBuf;
use std::time::Duration;

/// The largest request head read.
const MAX_REQUEST: usize = 16 * 1024;

pub(super) fn run(a: ServeArgs, io: &mut Io) -> Result<u8, CliError> {
    let listener = TcpListener::bind(("127.0.0.1", a.port))
        .map_err(|e| CliError::Usage(format!("cannot listen on 127.0.0.1:{}: {e}", a.port)))?;
    let addr = listener.local_addr().map_err(CliError::Io)?;
    writeln!(io.out, "http://{addr}/").map_err(CliError::Io)?;
    io.out.flush().map_err(CliError::Io)?;
    let policy = SourcePolicy {
        allow_outside: a.source.allow_source_outside,
    };
    let hosts = [
        format!("127.0.0.1:{}", addr.port()),
        format!("localhost:{}", addr.port()),
    ];
    let mut cache: Option<(String, String)> = None;
    for stream in listener.incoming() {
        let Ok(stream) = stream else { continue };
        // A client that misbehaves costs its own connection only.
        let _ = serve_one(stream, &a.maps, policy, &hosts, &mut cache);
    }
    Ok(super::EXIT_OK)
}

/// The maps' version: a hash of their bytes (and of what could not be read).
fn version(maps: &[PathBuf]) -> String {
    let mut h = foldhash::fast::FixedState::with_seed(0x0073_6572_7665).build_hasher();
    for p in maps {
        match read_regular(p) {
            Ok(bytes) => h.write(&bytes),
            Err(e) => h.write(e.to_string().as_bytes()),
        }
        h.write_u8(0);
    }
    format!("{:016x}", h.finish())
}

/// The page for the maps as they are now.
fn page(maps: &[PathBuf], policy: SourcePolicy, version: &str) -> String {
    let mut files = Vec::new();
    for p in maps {
        match load_file(p) {
            Ok(f) => files.push(f),
            Err(e) => return live_errors("argmap serve", &e.to_string(), version),
        }
    }
    let sources: Vec<_> = files.iter().map(|f| read_source_with(f, policy)).collect();
    let diagnostics = match argmap::check(&files, sources) {
        Ok(d) => d,
        Err(e) => return live_errors("argmap serve", &e.to_string(), version),
    };
    let mut errors = String::new();
    for d in diagnostics.iter().filter(|d| d.severity == Severity::Error) {
        let _ = writeln!(
            errors,
            "{}:{}:{}: error[{}]: {}",
            d.file,
            d.line(),
            d.column(),
            d.rule.id(),
            d.message
        );
        if let Some(h) = &d.help {
            let _ = writeln!(errors, "  help: {h}");
        }
    }
    if !errors.is_empty() {
        return live_errors("argmap serve: the maps have errors", &errors, version);
    }
    let analysed: Vec<Analysed> = files.iter().filter_map(Analysed::new).collect();
    let (links, _) = analyse::resolve_same_as(&analysed);
    let diagram: Vec<present::dot::DiagramMap> = analysed
        .iter()
        .map(|m| present::dot::DiagramMap {
            map: m,
            visible: None,
            focus: None,
        })
        .collect();
    let mut graph = present::dot::graph(&diagram, &links, None);
    // The viewer's source panel, as `render -o map.html` shows it.
    let viewer = super::render::viewer_maps(&files, &analysed, policy);
    let html = present::html::Page::prepare(&mut graph, &diagram, &viewer);
    let svg = match present::graphviz::layout(&present::dot::print(&graph), "svg") {
        Ok(p) => String::from_utf8_lossy(&p.bytes).into_owned(),
        Err(e) => return live_errors("argmap serve", &e.to_string(), version),
    };
    let title = super::render::page_title(&analysed);
    html.render_live(&svg, title, version)
}

fn respond(
    s: &mut TcpStream,
    status: &str,
    kind: &str,
    body: &[u8],
    head: bool,
) -> std::io::Result<()> {
    write!(
        s,
        "HTTP/1.1 {status}\r\nContent-Type: {kind}\r\nContent-Length: {}\r\nCache-Control: no-store\r\nX-Content-Type-Options: nosniff\r\nConnection: close\r\n\r\n",
        body.len()
    )?;
    if !head {
        s.write_all(body)?;
    }
    s.flush()
}

fn serve_one(
    mut s: TcpStream,
    maps: &[PathBuf],
    policy: SourcePolicy,
    hosts: &[String],
    cache: &mut Option<(String, String)>,
) -> std::io::Result<()> {
    s.set_read_timeout(Some(Duration::from_secs(5)))?;
    s.set_write_timeout(Some(Duration::from_secs(30)))?;
    let mut buf = Vec::new();
    let mut chunk = [0u8; 2048];
    while !buf.windows(4).any(|w| w == b"\r\n\r\n") {
        let n = s.read(&mut chunk)?;
        if n == 0 {
            return Ok(());
        }
        buf.extend_from_slice(&chunk[..n]);
        if buf.len() > MAX_REQUEST {
            return respond(
                &mut s,
                "431 Request Header Fields Too Large",
                "text/plain",
                b"too large\n",
                false,
            );
        }
    }
    let head = String::from_utf8_lossy(&buf);
    let mut lines = head.split("\r\n");
    let mut first = lines.next().unwrap_or("").split(' ');
    let (method, target) = (first.next().unwrap_or(""), first.next().unwrap_or(""));
    let host = lines
        .filter_map(|l| l.split_once(':'))
        .find(|(k, _)| k.trim().eq_ignore_ascii_case("host"))
        .map(|(_, v)| v.trim().to_string());
    if !host.is_some_and(|h| hosts.contains(&h)) {
        return respond(
            &mut s,
            "403 Forbidden",
            "text/plain",
            b"this preview answers only 127.0.0.1\n",
            false,
        );
    }
    let is_head = method == "HEAD";
    if method != "GET" && !is_head {
        return respond(
            &mut s,
            "405 Method Not Allowed",
            "text/plain",
            b"GET only\n",
            false,
        );
    }
    let path = target.split('?').next().unwrap_or("");
    match path {
        "/" | "/index.html" => {
            let v = version(maps);
            let fresh = matches!(cache, Some((cv, _)) if *cv == v);
            if !fresh {
                *cache = Some((v.clone(), page(maps, policy, &v)));
            }
            let body = cache.as_ref().map_or("", |(_, p)| p.as_str());
            respond(
                &mut s,
                "200 OK",
                "text/html; charset=utf-8",
                body.as_bytes(),
                is_head,
            )
        }
        p if p == LIVE_VERSION_PATH => {
            let v = version(maps);
            respond(
                &mut s,
                "200 OK",
                "text/plain; charset=utf-8",
                v.as_bytes(),
                is_head,
            )
        }
        _ => respond(
            &mut s,
            "404 Not Found",
            "text/plain",
            b"not found\n",
            is_head,
        ),
    }
}
