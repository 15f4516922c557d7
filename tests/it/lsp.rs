//! `argmap lsp` driven over standard input and output as an editor drives it:
//! initialize, didOpen, didChange, hover, definition, references, completion, rename,
//! codeAction, documentSymbol, foldingRange, shutdown, exit; and malformed input, which
//! gets an error reply while the server goes on.

use serde_json::{json, Value};
use std::io::{BufRead, BufReader, Write};
use std::path::Path;
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::mpsc::{channel, Receiver};
use std::time::Duration;

/// A client of `argmap lsp`: it writes frames and reads the server's messages on a
/// thread.
pub struct Client {
    child: Child,
    stdin: Option<ChildStdin>,
    rx: Receiver<Value>,
    next_id: i64,
    /// Notifications received while waiting for responses.
    pub notifications: Vec<Value>,
}

fn read_frame(r: &mut impl BufRead) -> Option<Value> {
    let mut length = None;
    loop {
        let mut line = String::new();
        if r.read_line(&mut line).ok()? == 0 {
            return None;
        }
        let line = line.trim_end();
        if line.is_empty() {
            break;
        }
        if let Some(v) = line.strip_prefix("Content-Length: ") {
            length = v.parse::<usize>().ok();
        }
    }
    let mut body = vec![0; length?];
    r.read_exact(&mut body).ok()?;
    serde_json::from_slice(&body).ok()
}

impl Client {
    /// A server started in `dir`, initialized with no capabilities, with `path` opened
    /// holding `text`: the client and the document's URI.
    pub fn opened(dir: &Path, path: &Path, text: &str) -> (Client, String) {
        let mut client = Client::start(dir);
        client.request("initialize", json!({"processId": null, "capabilities": {}}));
        client.notify("initialized", json!({}));
        let uri = uri_of(path);
        client.notify(
            "textDocument/didOpen",
            json!({"textDocument": {"uri": uri, "languageId": "yaml", "version": 1, "text": text}}),
        );
        (client, uri)
    }

    pub fn start(dir: &Path) -> Client {
        let mut child = Command::new(env!("CARGO_BIN_EXE_argmap"))
            .arg("lsp")
            .current_dir(dir)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .expect("argmap lsp starts");
        let stdout = child.stdout.take().expect("stdout");
        let (tx, rx) = channel();
        std::thread::spawn(move || {
            let mut r = BufReader::new(stdout);
            while let Some(v) = read_frame(&mut r) {
                if tx.send(v).is_err() {
                    break;
                }
            }
        });
        let stdin = child.stdin.take();
        Client {
            child,
            stdin,
            rx,
            next_id: 0,
            notifications: Vec::new(),
        }
    }

    pub fn send_raw(&mut self, bytes: &[u8]) {
        let stdin = self.stdin.as_mut().expect("stdin open");
        stdin.write_all(bytes).expect("write");
        stdin.flush().expect("flush");
    }

    fn send(&mut self, v: &Value) {
        let body = v.to_string();
        self.send_raw(format!("Content-Length: {}\r\n\r\n{body}", body.len()).as_bytes());
    }

    pub fn notify(&mut self, method: &str, params: Value) {
        self.send(&json!({"jsonrpc": "2.0", "method": method, "params": params}));
    }

    fn recv(&mut self) -> Value {
        self.rx
            .recv_timeout(Duration::from_secs(60))
            .expect("the server answers within a minute")
    }

    /// Sends a request and returns its whole response (`result` or `error`).
    pub fn call(&mut self, method: &str, params: Value) -> Value {
        self.next_id += 1;
        let id = self.next_id;
        self.send(&json!({"jsonrpc": "2.0", "id": id, "method": method, "params": params}));
        self.response(&json!(id))
    }

    /// Waits for the response with `id`, keeping the notifications that come first.
    pub fn response(&mut self, id: &Value) -> Value {
        loop {
            let v = self.recv();
            if v.get("method").is_some() && v.get("id").is_none() {
                self.notifications.push(v);
            } else if v.get("id") == Some(id) {
                return v;
            }
        }
    }

    /// The result of a request that must succeed.
    pub fn request(&mut self, method: &str, params: Value) -> Value {
        let r = self.call(method, params);
        assert!(r.get("error").is_none(), "{method} failed: {r}");
        r["result"].clone()
    }

    /// The next diagnostics published for `uri`.
    pub fn diagnostics(&mut self, uri: &str) -> Value {
        if let Some(i) = self.notifications.iter().position(|n| {
            n["method"] == "textDocument/publishDiagnostics" && n["params"]["uri"] == uri
        }) {
            return self.notifications.remove(i)["params"].clone();
        }
        loop {
            let v = self.recv();
            if v["method"] == "textDocument/publishDiagnostics" && v["params"]["uri"] == uri {
                return v["params"].clone();
            }
            self.notifications.push(v);
        }
    }

    /// Ends the session as an editor does; returns the exit code.
    pub fn shutdown(mut self) -> Option<i32> {
        let r = self.call("shutdown", Value::Null);
        assert_eq!(r["result"], Value::Null, "{r}");
        assert!(r.get("error").is_none());
        self.notify("exit", Value::Null);
        drop(self.stdin.take());
        let status = self.child.wait().expect("exits");
        status.code()
    }
}

impl Drop for Client {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

const SOURCE: &str = "We argue that cities should plant more trees. In summer, trees cool the streets around them by several degrees.\n";

// Line numbers (from 0) matter below: keep them in step.
const MAP: &str = r#"id: trees
title: Street trees
source: essay.txt
sources:
  book:
    title: The Urban Forest
claims:
  T1:
    text: Cities should plant more trees.
    thesis: true
    quote: cities should plant more trees
  C1:
    text: Trees cool the streets.
    supports: [T1, T2]
    quote: trees cool the streets around thm
evidence:
  E1:
    text: A study measured it.
    cites: [book, atlas]
    supports: [C1]
rebuttals:
  R1: {text: 🌳 “Costly” — trees cost money, undercuts: ["C1 -> T1"]}
"#;

const OTHER: &str = "id: other\nclaims:\n  X1:\n    text: Plant trees.\n    thesis: true\n    same_as: [trees:T1]\n";

fn pos(line: u32, character: u32) -> Value {
    json!({"line": line, "character": character})
}

fn range(l0: u32, c0: u32, l1: u32, c1: u32) -> Value {
    json!({"start": pos(l0, c0), "end": pos(l1, c1)})
}

struct Setup {
    _dir: tempfile::TempDir,
    client: Client,
    uri: String,
    other: String,
}

fn uri_of(p: &Path) -> String {
    format!("file://{}", p.display())
}

fn setup() -> Setup {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::write(dir.path().join("essay.txt"), SOURCE).unwrap();
    std::fs::write(dir.path().join("trees.yaml"), MAP).unwrap();
    std::fs::write(dir.path().join("other.yaml"), OTHER).unwrap();
    let mut client = Client::start(dir.path());
    let root = uri_of(dir.path());
    let init = client.request(
        "initialize",
        json!({"processId": null, "rootUri": root, "capabilities": {}}),
    );
    assert_eq!(init["capabilities"]["positionEncoding"], "utf-16");
    assert_eq!(init["serverInfo"]["name"], "argmap");
    client.notify("initialized", json!({}));
    let uri = uri_of(&dir.path().join("trees.yaml"));
    let other = uri_of(&dir.path().join("other.yaml"));
    client.notify(
        "textDocument/didOpen",
        json!({"textDocument": {"uri": uri, "languageId": "yaml", "version": 1, "text": MAP}}),
    );
    Setup {
        _dir: dir,
        client,
        uri,
        other,
    }
}

fn at(uri: &str, line: u32, character: u32) -> Value {
    json!({"textDocument": {"uri": uri}, "position": pos(line, character)})
}

fn loc(uri: &str, r: Value) -> Value {
    json!({"uri": uri, "range": r})
}

/// A published diagnostic, as the server words it: `check`'s rule id, message and help
/// (and notes), the fixes it carries.
fn diagnostic(
    uri: &str,
    r: Value,
    code: &str,
    message: &str,
    related: &[&str],
    fixes: Value,
) -> Value {
    let related: Vec<Value> = related
        .iter()
        .map(|m| json!({"location": loc(uri, r.clone()), "message": m}))
        .collect();
    json!({
        "range": r, "severity": 1, "code": code, "source": "argmap", "message": message,
        "relatedInformation": related, "data": {"fixes": fixes},
    })
}

fn t2(uri: &str) -> Value {
    diagnostic(
        uri,
        range(13, 19, 13, 21),
        "dangling-reference",
        "`C1` supports: no node `T2` in this map",
        &["help: did you mean `T1`?"],
        json!([{"replace": "T1"}]),
    )
}

fn quote(uri: &str) -> Value {
    diagnostic(
        uri,
        range(14, 11, 14, 44),
        "quote-not-found",
        "the quote of `C1` is not in the source text",
        &[
            "help: copy the passage from line 1 of the source verbatim",
            "note: closest passage (line 1, 97% similar): \"…trees cool the streets around them…\"; first difference: \"them\" where the quote has \"thm\"",
        ],
        json!([{"replace": "trees cool the streets around them"}]),
    )
}

fn atlas(uri: &str) -> Value {
    diagnostic(
        uri,
        range(18, 18, 18, 23),
        "dangling-reference",
        "`E1` cites: no source `atlas` in this map",
        &["help: declare `atlas` or correct the id"],
        json!([{"addSource": "atlas"}]),
    )
}

#[test]
fn lsp_diagnostics_on_open_and_on_change_with_exact_ranges() {
    let Setup {
        _dir,
        mut client,
        uri,
        ..
    } = setup();
    let first = client.diagnostics(&uri);
    assert_eq!(
        first,
        json!({"uri": uri, "version": 1, "diagnostics": [t2(&uri), quote(&uri), atlas(&uri)]})
    );
    // Full sync: the whole text, T2 corrected; the quote is checked against the source
    // indexed at open.
    let fixed = MAP.replace("[T1, T2]", "[T1]");
    client.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": uri, "version": 2}, "contentChanges": [{"text": fixed}]}),
    );
    let second = client.diagnostics(&uri);
    assert_eq!(
        second,
        json!({"uri": uri, "version": 2, "diagnostics": [quote(&uri), atlas(&uri)]})
    );
    // Incremental changes, in UTF-16 units: after 🌳 (two units) on line 21, `C1 -> T1`
    // becomes `C1 -> T3`, then T2 comes back on line 13.
    client.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": uri, "version": 3}, "contentChanges": [
            {"range": range(21, 65, 21, 66), "rangeLength": 1, "text": "3"},
            {"range": range(13, 17, 13, 17), "text": ", T2"},
        ]}),
    );
    let edited = client.diagnostics(&uri);
    let messages: Vec<&str> = edited["diagnostics"]
        .as_array()
        .expect("diagnostics")
        .iter()
        .filter_map(|d| d["message"].as_str())
        .collect();
    assert_eq!(
        messages,
        [
            "`C1` supports: no node `T2` in this map",
            "the quote of `C1` is not in the source text",
            "`E1` cites: no source `atlas` in this map",
            "rebuttal `R1` is not connected to any thesis",
            "`R1` undercuts: no node `T3` in this map",
        ]
    );
    // The orphan at its key; the undercut at its string, quotes included.
    assert_eq!(edited["diagnostics"][3]["range"], range(21, 2, 21, 4));
    assert_eq!(edited["diagnostics"][4]["range"], range(21, 57, 21, 67));
    // Half-typed text: a syntax error, at its place, and the server goes on.
    client.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": uri, "version": 4}, "contentChanges": [{"text": "id: trees\ntitle: a: b\n"}]}),
    );
    let third = client.diagnostics(&uri);
    let d = &third["diagnostics"];
    assert_eq!(d.as_array().map(Vec::len), Some(1), "{third}");
    assert_eq!(d[0]["code"], "yaml-syntax");
    assert_eq!(client.shutdown(), Some(0));
}

#[test]
fn lsp_hover_definition_and_references_across_files() {
    let Setup {
        _dir,
        mut client,
        uri,
        other,
    } = setup();
    let _ = client.diagnostics(&uri);
    // T1 in `supports: [T1, T2]`.
    assert_eq!(
        client.request("textDocument/hover", at(&uri, 13, 16)),
        json!({
            "contents": {"kind": "markdown", "value": "**claim** `trees:T1` · thesis · support: cited\n\nCities should plant more trees.\n\n> cities should plant more trees"},
            "range": range(13, 15, 13, 17),
        })
    );
    // A `cites` entry: the source's entry.
    assert_eq!(
        client.request("textDocument/hover", at(&uri, 18, 13))["contents"]["value"],
        "**source** `trees:book`\n\ntitle: The Urban Forest"
    );
    // C1 in the undercut link, after 🌳 (two UTF-16 units, one character): the column
    // the client sends is in UTF-16 units.
    assert_eq!(
        client.request("textDocument/definition", at(&uri, 21, 58)),
        loc(&uri, range(11, 2, 11, 4))
    );
    // `trees:T1` in the other map (not open: a workspace file) leads to T1 here.
    assert_eq!(
        client.request("textDocument/definition", at(&other, 5, 21)),
        loc(&uri, range(7, 2, 7, 4))
    );
    let mut refs = at(&uri, 7, 2);
    refs["context"] = json!({"includeDeclaration": true});
    assert_eq!(
        client.request("textDocument/references", refs),
        json!([
            loc(&uri, range(7, 2, 7, 4)),
            loc(&other, range(5, 20, 5, 22)),
            loc(&uri, range(13, 15, 13, 17)),
            loc(&uri, range(21, 64, 21, 66)),
        ])
    );
    // The other map changes on disk, and the editor says so: its reference is gone.
    std::fs::write(
        _dir.path().join("other.yaml"),
        OTHER.replace("    same_as: [trees:T1]\n", ""),
    )
    .unwrap();
    client.notify(
        "workspace/didChangeWatchedFiles",
        json!({"changes": [{"uri": other, "type": 2}]}),
    );
    let mut refs = at(&uri, 7, 2);
    refs["context"] = json!({"includeDeclaration": false});
    assert_eq!(
        client.request("textDocument/references", refs),
        json!([
            loc(&uri, range(13, 15, 13, 17)),
            loc(&uri, range(21, 64, 21, 66))
        ])
    );
    // Not on an id: nothing.
    assert_eq!(
        client.request("textDocument/hover", at(&uri, 8, 12)),
        Value::Null
    );
    assert_eq!(client.shutdown(), Some(0));
}

#[test]
fn lsp_completion_of_ids_and_fields() {
    let Setup {
        _dir,
        mut client,
        uri,
        ..
    } = setup();
    let _ = client.diagnostics(&uri);
    let item = |label: &str, kind: u32, detail: &str, r: Value| json!({"label": label, "kind": kind, "detail": detail, "textEdit": {"range": r, "newText": label}});
    let here = range(13, 19, 13, 19);
    assert_eq!(
        client.request("textDocument/completion", at(&uri, 13, 19)),
        json!([
            item("T1", 18, "Cities should plant more trees.", here.clone()),
            item("C1", 18, "Trees cool the streets.", here.clone()),
            item("E1", 18, "A study measured it.", here.clone()),
            item("R1", 18, "🌳 “Costly” — trees cost money", here),
        ])
    );
    // In `cites`: the sources; the word typed is replaced.
    let got = client.request("textDocument/completion", at(&uri, 18, 14));
    assert_eq!(
        got,
        json!([item("book", 18, "The Urban Forest", range(18, 12, 18, 14))])
    );
    // A field name being typed in a node.
    let text = MAP.replace("    thesis: true\n", "    thesis: true\n    sup\n");
    client.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": uri, "version": 2}, "contentChanges": [{"text": text}]}),
    );
    let got = client.request("textDocument/completion", at(&uri, 10, 7));
    let labels: Vec<&str> = got
        .as_array()
        .expect("items")
        .iter()
        .filter_map(|i| i["label"].as_str())
        .collect();
    // The model's own list of node fields, in its order.
    assert_eq!(
        labels,
        [
            "text",
            "quote",
            "by",
            "note",
            "thesis",
            "supports",
            "attacks",
            "undercuts",
            "with",
            "cites",
            "same_as",
            "contradicts",
            "implicit",
            "scheme",
            "answers",
            "group"
        ]
    );
    assert_eq!(got[0]["textEdit"]["range"], range(10, 4, 10, 7));
    assert_eq!(client.shutdown(), Some(0));
}

#[test]
fn lsp_rename_across_maps() {
    let Setup {
        _dir,
        mut client,
        uri,
        other,
    } = setup();
    let _ = client.diagnostics(&uri);
    let mut p = at(&uri, 7, 3);
    p["newName"] = json!("T0");
    let edit = |r: Value| json!({"range": r, "newText": "T0"});
    let mut got = client.request("textDocument/rename", p.clone());
    // (The edits of each file in document order.)
    assert_eq!(
        got["changes"].take(),
        json!({
            uri.clone(): [edit(range(7, 2, 7, 4)), edit(range(13, 15, 13, 17)), edit(range(21, 64, 21, 66))],
            other.clone(): [edit(range(5, 20, 5, 22))],
        })
    );
    // An id that is taken, or not an id, is refused with a reason.
    p["newName"] = json!("C1");
    let r = client.call("textDocument/rename", p.clone());
    assert_eq!(
        r["error"]["message"],
        "`C1` is already declared in this map"
    );
    p["newName"] = json!("a b");
    let r = client.call("textDocument/rename", p);
    assert_eq!(
        r["error"]["message"],
        "`a b` is not a valid node or source id"
    );
    assert_eq!(r["error"]["code"], -32602);
    assert_eq!(client.shutdown(), Some(0));
}

#[test]
fn lsp_code_actions_from_the_diagnostics() {
    let Setup {
        _dir,
        mut client,
        uri,
        ..
    } = setup();
    let _ = client.diagnostics(&uri);
    let actions = |client: &mut Client, r: Value| {
        client.request(
            "textDocument/codeAction",
            json!({"textDocument": {"uri": uri}, "range": r, "context": {"diagnostics": []}}),
        )
    };
    let action = |title: &str, d: Value, r: Value, text: &str, preferred: bool| {
        let mut a = json!({
            "title": title, "kind": "quickfix", "diagnostics": [d],
            "edit": {"changes": {uri.clone(): [{"range": r, "newText": text}]}},
        });
        if preferred {
            a["isPreferred"] = json!(true);
        }
        a
    };
    assert_eq!(
        actions(&mut client, range(13, 20, 13, 20)),
        json!([action(
            "Change to `T1`",
            t2(&uri),
            range(13, 19, 13, 21),
            "T1",
            true
        )])
    );
    assert_eq!(
        actions(&mut client, range(14, 20, 14, 20)),
        json!([action(
            "Replace the quote with the closest passage of the source",
            quote(&uri),
            range(14, 11, 14, 44),
            "\"trees cool the streets around them\"",
            false
        )])
    );
    // A stub after the last source, indented as the map is.
    assert_eq!(
        actions(&mut client, range(18, 18, 18, 23)),
        json!([action(
            "Declare the source `atlas`",
            atlas(&uri),
            range(6, 0, 6, 0),
            "  atlas:\n    title: TODO the work cited as atlas\n",
            false
        )])
    );
    assert_eq!(actions(&mut client, range(0, 0, 0, 1)), json!([]));
    assert_eq!(client.shutdown(), Some(0));
}

#[test]
fn lsp_outline_and_folding() {
    let Setup {
        _dir,
        mut client,
        uri,
        ..
    } = setup();
    let _ = client.diagnostics(&uri);
    let doc = json!({"textDocument": {"uri": uri}});
    let symbols = client.request("textDocument/documentSymbol", doc.clone());
    let outline: Vec<(String, Vec<String>)> = symbols
        .as_array()
        .expect("symbols")
        .iter()
        .map(|s| {
            let children = s["children"].as_array().cloned().unwrap_or_default();
            (
                s["name"].as_str().unwrap_or("").to_string(),
                children
                    .iter()
                    .map(|c| c["name"].as_str().unwrap_or("").to_string())
                    .collect(),
            )
        })
        .collect();
    let owned = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<Vec<_>>();
    assert_eq!(
        outline,
        [
            ("id".to_string(), owned(&[])),
            ("title".to_string(), owned(&[])),
            ("source".to_string(), owned(&[])),
            ("sources".to_string(), owned(&["book"])),
            ("claims".to_string(), owned(&["T1", "C1"])),
            ("evidence".to_string(), owned(&["E1"])),
            ("rebuttals".to_string(), owned(&["R1"])),
        ]
    );
    let c1 = &symbols[4]["children"][1];
    assert_eq!(c1["range"], range(11, 2, 14, 44));
    assert_eq!(c1["selectionRange"], range(11, 2, 11, 4));
    assert_eq!(c1["detail"], "Trees cool the streets.");
    let folds = client.request("textDocument/foldingRange", doc);
    let spans: Vec<(u64, u64)> = folds
        .as_array()
        .expect("folds")
        .iter()
        .map(|f| {
            (
                f["startLine"].as_u64().unwrap_or(0),
                f["endLine"].as_u64().unwrap_or(0),
            )
        })
        .collect();
    assert_eq!(
        spans,
        [
            (3, 5),
            (4, 5),
            (6, 14),
            (7, 10),
            (11, 14),
            (15, 19),
            (16, 19),
            (20, 21)
        ]
    );
    assert_eq!(client.shutdown(), Some(0));
}

#[test]
fn lsp_survives_malformed_input() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut client = Client::start(dir.path());
    // Before initialize: refused, not fatal.
    let r = client.call("textDocument/hover", at("file:///x.yaml", 0, 0));
    assert_eq!(r["error"]["code"], -32002);
    client.request(
        "initialize",
        json!({"processId": null, "rootUri": null, "capabilities": {}}),
    );
    client.notify("initialized", json!({}));
    // Not JSON: a parse error with a null id.
    client.send_raw(b"Content-Length: 9\r\n\r\n{not json");
    assert_eq!(
        client.response(&Value::Null)["error"],
        json!({"code": -32700, "message": "not a JSON-RPC message: key must be a string at line 1 column 2"})
    );
    // JSON, with an id, but not a message: invalid request, with that id.
    client.send_raw(b"Content-Length: 12\r\n\r\n{\"id\":\"q\"  }");
    assert_eq!(client.response(&json!("q"))["error"]["code"], -32600);
    // Bad parameters, an unknown method, a document nobody opened, hostile text.
    let r = client.call("textDocument/hover", json!({"textDocument": 5}));
    assert_eq!(r["error"]["code"], -32602);
    let r = client.call("argmap/nothing", json!({}));
    assert_eq!(r["error"]["code"], -32601);
    assert_eq!(
        client.request("textDocument/definition", at("file:///nowhere.yaml", 3, 3)),
        Value::Null
    );
    let hostile = format!("a:\n  {}x\n\u{0}\r\r\n{{[", "- ".repeat(5000));
    client.notify(
        "textDocument/didOpen",
        json!({"textDocument": {"uri": "file:///h.yaml", "languageId": "yaml", "version": 1, "text": hostile}}),
    );
    let d = client.diagnostics("file:///h.yaml");
    assert_eq!(d["diagnostics"][0]["code"], "yaml-syntax");
    assert_eq!(
        client.request("textDocument/hover", at("file:///h.yaml", 1, 99999)),
        Value::Null
    );
    client.request(
        "textDocument/completion",
        at("file:///h.yaml", 4000000000, 7),
    );
    // Still answering.
    assert_eq!(client.shutdown(), Some(0));
}

#[test]
fn lsp_asks_to_watch_the_maps_when_the_client_can() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut client = Client::start(dir.path());
    client.request(
        "initialize",
        json!({"processId": null, "capabilities": {"workspace": {"didChangeWatchedFiles": {"dynamicRegistration": true}}}}),
    );
    client.notify("initialized", json!({}));
    let asked = client.recv();
    assert_eq!(asked["method"], "client/registerCapability");
    assert_eq!(
        asked["params"]["registrations"][0]["registerOptions"],
        json!({"watchers": [{"globPattern": "**/*.{yaml,yml}"}]})
    );
    // The client's answer is taken and ignored.
    client.send(&json!({"jsonrpc": "2.0", "id": asked["id"], "result": null}));
    assert_eq!(client.shutdown(), Some(0));
}

#[test]
fn lsp_a_map_in_several_files() {
    let dir = tempfile::tempdir().expect("tempdir");
    let root = "id: split\ninclude: [part.yaml]\nclaims:\n  T1: {text: The thesis., thesis: true}\n  C1: {text: A reason., supports: [T1], group: g1}\ngroups:\n  g1: {title: Chapter one}\n";
    let part = "evidence:\n  E1:\n    text: A finding.\n    supports: [C1, C9]\n";
    std::fs::write(dir.path().join("root.yaml"), root).unwrap();
    std::fs::write(dir.path().join("part.yaml"), part).unwrap();
    let mut client = Client::start(dir.path());
    client.request(
        "initialize",
        json!({"processId": null, "rootUri": uri_of(dir.path()), "capabilities": {}}),
    );
    client.notify("initialized", json!({}));
    let root_uri = uri_of(&dir.path().join("root.yaml"));
    let part_uri = uri_of(&dir.path().join("part.yaml"));
    client.notify(
        "textDocument/didOpen",
        json!({"textDocument": {"uri": root_uri, "languageId": "yaml", "version": 1, "text": root}}),
    );
    // The part's diagnostics go to the part, at their place there.
    let in_part = client.diagnostics(&part_uri);
    let d = &in_part["diagnostics"];
    assert_eq!(d.as_array().map(Vec::len), Some(2), "{in_part}");
    assert_eq!(d[0]["code"], "uncited-evidence");
    assert_eq!(d[0]["range"], range(1, 2, 1, 4));
    assert_eq!(d[1]["message"], "`E1` supports: no node `C9` in this map");
    assert_eq!(d[1]["range"], range(3, 19, 3, 21));
    let in_root = client.diagnostics(&root_uri);
    let codes: Vec<&str> = in_root["diagnostics"]
        .as_array()
        .expect("diagnostics")
        .iter()
        .filter_map(|d| d["code"].as_str())
        .collect();
    assert_eq!(codes, ["uncited-claim", "uncited-claim"], "{in_root}");
    // C1 in the part leads to the root; the root's group reference to its group.
    assert_eq!(
        client.request("textDocument/definition", at(&part_uri, 3, 16)),
        loc(&root_uri, range(4, 2, 4, 4))
    );
    assert_eq!(
        client.request("textDocument/definition", at(&root_uri, 4, 48)),
        loc(&root_uri, range(6, 2, 6, 4))
    );
    // Opened itself, the part is still checked as a piece of its map: no dangling T1/C1.
    client.notify(
        "textDocument/didOpen",
        json!({"textDocument": {"uri": part_uri, "languageId": "yaml", "version": 1, "text": part}}),
    );
    let again = client.diagnostics(&part_uri);
    assert_eq!(
        again["diagnostics"].as_array().map(Vec::len),
        Some(2),
        "{again}"
    );
    // References to C1 across the map's files.
    let mut refs = at(&root_uri, 4, 2);
    refs["context"] = json!({"includeDeclaration": true});
    assert_eq!(
        client.request("textDocument/references", refs),
        json!([
            loc(&root_uri, range(4, 2, 4, 4)),
            loc(&part_uri, range(3, 15, 3, 17))
        ])
    );
    // A group hover.
    assert_eq!(
        client.request("textDocument/hover", at(&root_uri, 6, 3))["contents"]["value"],
        "**group** `g1`\n\nChapter one"
    );
    assert_eq!(client.shutdown(), Some(0));
}

#[test]
fn lsp_schemes_and_critical_questions() {
    let dir = tempfile::tempdir().expect("tempdir");
    let map = "id: sch\nclaims:\n  T1: {text: T., thesis: true}\n  C1: {text: C., supports: [T1], scheme: expert-opinion}\nrebuttals:\n  R1: {text: R., attacks: [C1], answers: CQ-}\n";
    let path = dir.path().join("sch.yaml");
    std::fs::write(&path, map).unwrap();
    let (mut client, uri) = Client::opened(dir.path(), &path, map);
    let _ = client.diagnostics(&uri);
    // A built-in scheme: its title and questions.
    let hover = client.request("textDocument/hover", at(&uri, 3, 45));
    let text = hover["contents"]["value"].as_str().unwrap_or("");
    assert!(
        text.starts_with("**scheme** `expert-opinion`\n\nArgument from expert opinion\n- `CQ-"),
        "{text}"
    );
    assert_eq!(hover["range"], range(3, 41, 3, 55));
    // `answers:` completes the questions; `scheme:` the schemes.
    let got = client.request("textDocument/completion", at(&uri, 5, 44));
    let labels: Vec<&str> = got
        .as_array()
        .expect("items")
        .iter()
        .filter_map(|i| i["label"].as_str())
        .collect();
    assert!(labels.contains(&"CQ-expertise"), "{labels:?}");
    assert!(labels.iter().all(|l| l.starts_with("CQ-")), "{labels:?}");
    let got = client.request("textDocument/completion", at(&uri, 3, 45));
    let labels: Vec<&str> = got
        .as_array()
        .expect("items")
        .iter()
        .filter_map(|i| i["label"].as_str())
        .collect();
    assert!(
        labels.contains(&"expert-opinion") && labels.contains(&"position-to-know"),
        "{labels:?}"
    );
    // A built-in scheme cannot be renamed.
    let mut p = at(&uri, 3, 45);
    p["newName"] = json!("mine");
    let r = client.call("textDocument/rename", p);
    assert!(
        r["error"]["message"]
            .as_str()
            .unwrap_or("")
            .contains("is built in"),
        "{r}"
    );
    assert_eq!(client.shutdown(), Some(0));
}

#[test]
fn lsp_exit_without_shutdown_is_exit_1() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut client = Client::start(dir.path());
    client.request("initialize", json!({"processId": null, "capabilities": {}}));
    client.notify("exit", Value::Null);
    drop(client.stdin.take());
    assert_eq!(client.child.wait().expect("exits").code(), Some(1));
}

#[test]
fn lsp_the_map_of_every_second_edition_construct() {
    let path = super::common::root().join("tests/fixtures/formats/second-edition.yaml");
    let text = std::fs::read_to_string(&path).expect("fixture");
    let dir = tempfile::tempdir().expect("tempdir");
    let (mut client, uri) = Client::opened(dir.path(), &path, &text);
    // What `check` says: three uncited claims, nothing about the new constructs.
    let d = client.diagnostics(&uri);
    let codes: Vec<&str> = d["diagnostics"]
        .as_array()
        .expect("diagnostics")
        .iter()
        .filter_map(|d| d["code"].as_str())
        .collect();
    assert_eq!(codes, ["uncited-claim"; 3], "{d}");
    // U inside the undercut of an undercut of an undercut leads to U.
    assert_eq!(
        client.request("textDocument/definition", at(&uri, 75, 22)),
        loc(&uri, range(64, 2, 64, 3))
    );
    // An answered question of the map's own scheme leads to its declaration.
    assert_eq!(
        client.request("textDocument/definition", at(&uri, 67, 15)),
        loc(&uri, range(95, 6, 95, 22))
    );
    // T is named by supports, by every level of the undercut chains and by schemes:.
    let mut refs = at(&uri, 25, 2);
    refs["context"] = json!({"includeDeclaration": false});
    let found = client.request("textDocument/references", refs);
    assert_eq!(found.as_array().map(Vec::len), Some(7), "{found}");
    assert_eq!(client.shutdown(), Some(0));
}

#[test]
fn lsp_did_you_mean_of_a_group_and_a_scheme() {
    let dir = tempfile::tempdir().expect("tempdir");
    let map = "id: g\ngroups:\n  ch1: {title: One}\nclaims:\n  T1: {text: T., thesis: true, group: ch}\n  C1: {text: C., supports: [T1], scheme: expert-opinon, group: ch1}\n";
    let path = dir.path().join("g.yaml");
    std::fs::write(&path, map).unwrap();
    let (mut client, uri) = Client::opened(dir.path(), &path, map);
    let _ = client.diagnostics(&uri);
    let fix = |client: &mut Client, line: u32, character: u32| {
        let r = client.request(
            "textDocument/codeAction",
            json!({"textDocument": {"uri": uri}, "range": range(line, character, line, character), "context": {"diagnostics": []}}),
        );
        (
            r[0]["title"].clone(),
            r[0]["edit"]["changes"][&uri][0].clone(),
        )
    };
    assert_eq!(
        fix(&mut client, 4, 40),
        (
            json!("Change to `ch1`"),
            json!({"range": range(4, 38, 4, 40), "newText": "ch1"})
        )
    );
    assert_eq!(
        fix(&mut client, 5, 45),
        (
            json!("Change to `expert-opinion`"),
            json!({"range": range(5, 41, 5, 54), "newText": "expert-opinion"})
        )
    );
    assert_eq!(client.shutdown(), Some(0));
}
