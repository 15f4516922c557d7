//! The requests and notifications the server answers, each from the workspace's
//! documents and the library's analysis.

use super::text::Lines;
use super::workspace::{key_of, right, Doc, Workspace};
use super::{params, Failure};
use argmap::analyse::Analysed;
use argmap::diagnostic::{Diagnostic, Fix, Position, Rule, Severity};
use argmap::parse::completion::{context_at, Expected};
use argmap::parse::document::{IdForm, IdKind, Occurrence, OutlineEntry, Role};
use lsp_server::{Message, Notification, Request};
use lsp_types as lsp;
use lsp_types::notification::Notification as _;
use lsp_types::request::Request as _;
use serde_json::{json, Value};
use std::collections::HashMap;
use std::str::FromStr;

/// What the server does, for `initialize`.
pub(super) fn capabilities() -> Value {
    json!({
        "positionEncoding": "utf-16",
        "textDocumentSync": {"openClose": true, "change": 2, "save": {"includeText": false}},
        "hoverProvider": true,
        "definitionProvider": true,
        "referencesProvider": true,
        "completionProvider": {"triggerCharacters": ["[", ",", " ", ":", "-", ">"]},
        "renameProvider": {"prepareProvider": true},
        "documentSymbolProvider": true,
        "foldingRangeProvider": true,
        "codeActionProvider": {"codeActionKinds": ["quickfix"]},
    })
}

type Answer = Result<(Value, Vec<Message>), Failure>;

fn ok(v: impl serde::Serialize) -> Answer {
    Ok((serde_json::to_value(v).unwrap_or(Value::Null), Vec::new()))
}

/// Answers a request (other than `initialize` and `shutdown`).
pub(super) fn request(ws: &mut Workspace, req: &Request) -> Answer {
    use lsp::request as r;
    let m = req.method.as_str();
    let p = &req.params;
    match m {
        r::HoverRequest::METHOD => ok(hover(ws, &params(m, p)?)),
        r::GotoDefinition::METHOD => ok(definition(ws, &params(m, p)?)),
        r::References::METHOD => ok(references(ws, &params(m, p)?)),
        r::Completion::METHOD => ok(completion(ws, &params(m, p)?)),
        r::PrepareRenameRequest::METHOD => ok(prepare_rename(ws, &params(m, p)?)),
        r::Rename::METHOD => ok(rename(ws, &params(m, p)?)?),
        r::DocumentSymbolRequest::METHOD => ok(symbols(ws, &params(m, p)?)),
        r::FoldingRangeRequest::METHOD => ok(folding(ws, &params(m, p)?)),
        r::CodeActionRequest::METHOD => ok(code_actions(ws, &params(m, p)?)),
        _ => Err(Failure::unknown(m)),
    }
}

/// Handles a notification: the diagnostics to publish.
pub(super) fn notification(ws: &mut Workspace, n: Notification) -> Vec<Message> {
    use lsp::notification as nf;
    let m = n.method.as_str();
    let keys = match m {
        nf::DidOpenTextDocument::METHOD => {
            let Ok(p) = params::<lsp::DidOpenTextDocumentParams>(m, &n.params) else {
                return Vec::new();
            };
            let d = p.text_document;
            ws.set(d.uri.as_str(), d.text, Some(d.version))
        }
        nf::DidChangeTextDocument::METHOD => {
            let Ok(p) = params::<lsp::DidChangeTextDocumentParams>(m, &n.params) else {
                return Vec::new();
            };
            // Incremental sync: each change replaces a range of the text before it (a
            // change without a range, the whole text).
            let d = p.text_document;
            let Some(mut text) = ws.doc(d.uri.as_str()).map(|(_, doc)| doc.text.clone()) else {
                return Vec::new();
            };
            for change in p.content_changes {
                match change.range {
                    None => text = change.text,
                    Some(r) => {
                        let lines = Lines::new(&text);
                        let a = lines.offset(&text, r.start);
                        let b = lines.offset(&text, r.end).max(a);
                        text.replace_range(a..b, &change.text);
                    }
                }
            }
            ws.set(d.uri.as_str(), text, Some(d.version))
        }
        nf::DidSaveTextDocument::METHOD => {
            // The source may have changed beside the map: check again.
            let Ok(p) = params::<lsp::DidSaveTextDocumentParams>(m, &n.params) else {
                return Vec::new();
            };
            let uri = p.text_document.uri;
            match ws.doc(uri.as_str()) {
                Some((_, d)) => {
                    let (text, version) = (d.text.clone(), d.version);
                    ws.set(uri.as_str(), text, version)
                }
                None => Vec::new(),
            }
        }
        nf::DidCloseTextDocument::METHOD => {
            let Ok(p) = params::<lsp::DidCloseTextDocumentParams>(m, &n.params) else {
                return Vec::new();
            };
            let uri = p.text_document.uri;
            let mut out = vec![publish_empty(&uri)];
            let keys = ws.close(uri.as_str());
            out.extend(keys.iter().flat_map(|k| publish(ws, k)));
            return out;
        }
        nf::DidChangeWatchedFiles::METHOD => {
            let Ok(p) = params::<lsp::DidChangeWatchedFilesParams>(m, &n.params) else {
                return Vec::new();
            };
            let mut keys: Vec<String> = Vec::new();
            for change in p.changes {
                for k in ws.file_changed(change.uri.as_str()) {
                    if !keys.contains(&k) {
                        keys.push(k);
                    }
                }
            }
            keys
        }
        _ => Vec::new(),
    };
    keys.iter().flat_map(|k| publish(ws, k)).collect()
}

fn publish_empty(uri: &lsp::Uri) -> Message {
    Message::Notification(Notification::new(
        lsp::notification::PublishDiagnostics::METHOD.to_string(),
        lsp::PublishDiagnosticsParams {
            uri: uri.clone(),
            diagnostics: Vec::new(),
            version: None,
        },
    ))
}

fn uri(s: &str) -> Option<lsp::Uri> {
    lsp::Uri::from_str(s).ok()
}

/// The diagnostics to publish after document `key` was checked: those of its map's
/// root file (when the editor has it open) and of each of the map's parts.
fn publish(ws: &Workspace, key: &str) -> Vec<Message> {
    let root = ws.root_of(key);
    let Some(doc) = ws.docs.get(&root) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    if doc.open {
        out.extend(notify(doc, &doc.diagnostics));
    }
    for (k, ds) in &doc.part_diagnostics {
        if let Some(part) = ws.docs.get(k) {
            out.extend(notify(part, ds));
        }
    }
    out
}

fn notify(doc: &Doc, diagnostics: &[Diagnostic]) -> Option<Message> {
    let u = uri(&doc.uri)?;
    let diagnostics = diagnostics
        .iter()
        .map(|d| lsp_diagnostic(doc, &u, d))
        .collect();
    Some(Message::Notification(Notification::new(
        lsp::notification::PublishDiagnostics::METHOD.to_string(),
        lsp::PublishDiagnosticsParams {
            uri: u,
            diagnostics,
            version: doc.version.filter(|_| doc.open),
        },
    )))
}

/// The span of a located diagnostic: from its position to the end of the scalar there.
fn span(doc: &Doc, d: &Diagnostic) -> lsp::Range {
    let start = d.position().unwrap_or(Position { line: 1, column: 1 });
    let end = doc
        .index
        .end_of(start)
        .filter(|e| *e > start)
        .unwrap_or(right(start, 1));
    range(doc, start, end)
}

fn range(doc: &Doc, start: Position, end: Position) -> lsp::Range {
    lsp::Range {
        start: doc.lines.to_lsp(&doc.text, start),
        end: doc.lines.to_lsp(&doc.text, end),
    }
}

fn lsp_diagnostic(doc: &Doc, u: &lsp::Uri, d: &Diagnostic) -> lsp::Diagnostic {
    let r = span(doc, d);
    let related: Vec<lsp::DiagnosticRelatedInformation> = d
        .help
        .iter()
        .map(|h| format!("help: {h}"))
        .chain(d.notes.iter().map(|n| format!("note: {n}")))
        .map(|message| lsp::DiagnosticRelatedInformation {
            location: lsp::Location {
                uri: u.clone(),
                range: r,
            },
            message,
        })
        .collect();
    let fixes: Vec<Value> = d
        .fixes
        .iter()
        .map(|f| match f {
            Fix::Replace(s) => json!({"replace": s}),
            Fix::AddSource(s) => json!({"addSource": s}),
        })
        .collect();
    lsp::Diagnostic {
        range: r,
        severity: Some(match d.severity {
            Severity::Error => lsp::DiagnosticSeverity::ERROR,
            Severity::Warning => lsp::DiagnosticSeverity::WARNING,
        }),
        code: Some(lsp::NumberOrString::String(d.rule.id().to_string())),
        source: Some("argmap".into()),
        message: d.message.clone(),
        related_information: (!related.is_empty()).then_some(related),
        data: (!fixes.is_empty()).then(|| json!({ "fixes": fixes })),
        ..Default::default()
    }
}

/// The document and the occurrence at a position.
fn occurrence_at<'w>(
    ws: &'w Workspace,
    p: &lsp::TextDocumentPositionParams,
) -> Option<(String, &'w Doc, &'w Occurrence)> {
    let (key, doc) = ws.doc(p.text_document.uri.as_str())?;
    let at = doc.lines.at_lsp(&doc.text, p.position);
    let o = doc.index.at(at)?;
    Some((key, doc, o))
}

fn location(ws: &Workspace, key: &str, o: &Occurrence) -> Option<lsp::Location> {
    let doc = ws.docs.get(key)?;
    Some(lsp::Location {
        uri: uri(&doc.uri)?,
        range: range(doc, o.start, o.end),
    })
}

fn hover(ws: &Workspace, p: &lsp::HoverParams) -> Option<lsp::Hover> {
    let (key, doc, o) = occurrence_at(ws, &p.text_document_position_params)?;
    let t = ws.target(&key, o);
    // The map's root file: its map holds the entries of every file of the map.
    let home = t.doc.as_deref().map(|k| ws.root_of(k));
    let text = match home.as_deref().and_then(|k| ws.docs.get(k)) {
        Some(home) => describe(home, t.kind, &t.id)?,
        None => format!(
            "`{}`: map `{}` is not open nor in the workspace",
            o.id,
            o.map.as_deref().unwrap_or(&o.id)
        ),
    };
    Some(lsp::Hover {
        contents: lsp::HoverContents::Markup(lsp::MarkupContent {
            kind: lsp::MarkupKind::Markdown,
            value: text,
        }),
        range: Some(range(doc, o.start, o.end)),
    })
}

/// A node's, source's or map's description, in Markdown.
fn describe(doc: &Doc, kind: IdKind, id: &str) -> Option<String> {
    let map = doc.file.map.as_ref()?;
    let prefix = match doc.map_id() {
        Some(m) if kind != IdKind::Map => format!("{m}:"),
        _ => String::new(),
    };
    match kind {
        IdKind::Scheme | IdKind::Question => {
            let a = Analysed::new(&doc.file)?;
            let names: Vec<&str> = argmap::analyse::schemes::names(&a.graph).collect();
            if kind == IdKind::Scheme {
                let sch = argmap::analyse::schemes::lookup(&a.graph, id)?;
                let mut s = format!("**scheme** `{id}`\n\n{}", sch.title());
                for (q, text) in sch.questions() {
                    s.push_str(&format!("\n- `{q}`: {text}"));
                }
                return Some(s);
            }
            names.into_iter().find_map(|n| {
                let sch = argmap::analyse::schemes::lookup(&a.graph, n)?;
                let (_, text) = sch.questions().into_iter().find(|(q, _)| *q == id)?;
                Some(format!(
                    "**critical question** `{id}` of `{}` ({})\n\n{text}",
                    sch.id(),
                    sch.title()
                ))
            })
        }
        IdKind::Group => {
            let g = map.groups.as_ref()?.get(id)?;
            let mut s = format!("**group** `{id}`");
            if let Some(t) = &g.details.title {
                s.push_str(&format!("\n\n{t}"));
            }
            if let Some(parent) = &g.details.parent {
                s.push_str(&format!("\n\nin: `{parent}`"));
            }
            if let Some(n) = &g.details.note {
                s.push_str(&format!("\n\nnote: {n}"));
            }
            Some(s)
        }
        IdKind::Map => {
            let mut s = format!("**map** `{id}`");
            if let Some(t) = &map.title {
                s.push_str(&format!("\n\n{t}"));
            }
            s.push_str(&format!(
                "\n\n{} claims, {} evidence, {} rebuttals, {} sources",
                map.claims.len(),
                map.evidence.len(),
                map.rebuttals.len(),
                map.sources.len()
            ));
            if let Some(src) = &map.source {
                s.push_str(&format!("; source `{src}`"));
            }
            Some(s)
        }
        IdKind::Source => {
            let entry = map.sources.get(id)?;
            let mut s = format!("**source** `{prefix}{id}`");
            for (name, value) in entry.details.fields() {
                if let Some(v) = value {
                    s.push_str(&format!("\n\n{name}: {v}"));
                }
            }
            Some(s)
        }
        IdKind::Node => {
            let (what, node) = [
                ("claim", &map.claims),
                ("evidence", &map.evidence),
                ("rebuttal", &map.rebuttals),
            ]
            .into_iter()
            .find_map(|(what, section)| section.get(id).map(|n| (what, n)))?;
            let mut head = format!("**{what}** `{prefix}{id}`");
            if node.thesis == Some(true) {
                head.push_str(" · thesis");
            }
            if let Some(a) = Analysed::new(&doc.file) {
                if let Some(ix) = a.graph.node(id) {
                    head.push_str(&format!(" · support: {}", a.support().status(ix).name()));
                }
            }
            let mut s = head;
            if let Some(t) = &node.text {
                s.push_str(&format!("\n\n{t}"));
            }
            if let Some(q) = &node.quote {
                s.push_str(&format!("\n\n> {}", q.replace('\n', " ")));
            }
            if let Some(by) = node.by() {
                s.push_str(&format!("\n\nby: {by}"));
            }
            Some(s)
        }
    }
}

fn definition(
    ws: &Workspace,
    p: &lsp::GotoDefinitionParams,
) -> Option<lsp::GotoDefinitionResponse> {
    let (key, _, o) = occurrence_at(ws, &p.text_document_position_params)?;
    let t = ws.target(&key, o);
    let (k, d) = ws.definition(&t)?;
    Some(lsp::GotoDefinitionResponse::Scalar(location(ws, k, d)?))
}

fn references(ws: &Workspace, p: &lsp::ReferenceParams) -> Option<Vec<lsp::Location>> {
    let (key, _, o) = occurrence_at(ws, &p.text_document_position)?;
    let t = ws.target(&key, o);
    Some(
        ws.references(&t, p.context.include_declaration)
            .into_iter()
            .filter_map(|(k, o)| location(ws, k, o))
            .collect(),
    )
}

fn completion(ws: &Workspace, p: &lsp::CompletionParams) -> Option<lsp::CompletionResponse> {
    let (key, doc) = ws.doc(p.text_document_position.text_document.uri.as_str())?;
    let cursor = doc
        .lines
        .at_lsp(&doc.text, p.text_document_position.position);
    let ctx = context_at(&doc.text, cursor.line, cursor.column)?;
    let start = Position {
        line: cursor.line,
        column: cursor.column - ctx.prefix.chars().count(),
    };
    let edit_range = range(doc, start, cursor);
    let item = |label: String, kind: lsp::CompletionItemKind, detail: Option<String>| {
        lsp::CompletionItem {
            label: label.clone(),
            kind: Some(kind),
            detail,
            text_edit: Some(lsp::CompletionTextEdit::Edit(lsp::TextEdit {
                range: edit_range,
                new_text: label,
            })),
            ..Default::default()
        }
    };
    // The ids declared in every file of the map (the root's map holds them all).
    let ids_of = |d: &Doc, kind: IdKind| -> Vec<(String, Option<String>)> {
        let family = ws.family(&key_of(&d.uri));
        let root = family.first().and_then(|k| ws.docs.get(k)).unwrap_or(d);
        family
            .iter()
            .filter_map(|k| ws.docs.get(k))
            .flat_map(|f| f.index.occurrences.iter())
            .filter(|o| o.role == Role::Definition && o.kind == kind)
            .map(|o| (o.id.clone(), short_text(root, kind, &o.id)))
            .collect()
    };
    let items: Vec<lsp::CompletionItem> = match ctx.expected {
        Expected::Field(of) => of
            .names()
            .iter()
            .map(|n| item((*n).to_string(), lsp::CompletionItemKind::FIELD, None))
            .collect(),
        Expected::Id { form, .. } => match form {
            IdForm::Node | IdForm::Link => ids_of(doc, IdKind::Node)
                .into_iter()
                .map(|(id, t)| item(id, lsp::CompletionItemKind::REFERENCE, t))
                .collect(),
            IdForm::Source => ids_of(doc, IdKind::Source)
                .into_iter()
                .map(|(id, t)| item(id, lsp::CompletionItemKind::REFERENCE, t))
                .collect(),
            IdForm::Group => ids_of(doc, IdKind::Group)
                .into_iter()
                .map(|(id, t)| item(id, lsp::CompletionItemKind::FOLDER, t))
                .collect(),
            // The map's own schemes, then the catalogue's; their questions.
            IdForm::Scheme | IdForm::Question => {
                let root = ws.docs.get(&ws.root_of(&key)).unwrap_or(doc);
                let Some(a) = Analysed::new(&root.file) else {
                    return Some(lsp::CompletionResponse::Array(Vec::new()));
                };
                let mut seen = std::collections::HashSet::new();
                let mut out = Vec::new();
                for n in argmap::analyse::schemes::names(&a.graph) {
                    let Some(sch) = argmap::analyse::schemes::lookup(&a.graph, n) else {
                        continue;
                    };
                    if form == IdForm::Scheme {
                        if seen.insert(n.to_string()) {
                            out.push(item(
                                n.to_string(),
                                lsp::CompletionItemKind::CLASS,
                                Some(sch.title().to_string()),
                            ));
                        }
                        continue;
                    }
                    for (q, text) in sch.questions() {
                        if seen.insert(q.to_string()) {
                            out.push(item(
                                q.to_string(),
                                lsp::CompletionItemKind::ENUM_MEMBER,
                                Some(text.to_string()),
                            ));
                        }
                    }
                }
                out
            }
            IdForm::MapNode => match ctx.prefix.split_once(':') {
                Some((m, _)) => match ws.map_doc(m) {
                    Some((_, other)) => ids_of(other, IdKind::Node)
                        .into_iter()
                        .map(|(id, t)| {
                            item(format!("{m}:{id}"), lsp::CompletionItemKind::REFERENCE, t)
                        })
                        .collect(),
                    None => Vec::new(),
                },
                None => {
                    let own = doc.map_id();
                    let mut maps: Vec<&str> = ws
                        .docs
                        .iter()
                        .filter(|(k, _)| **k != key)
                        .filter_map(|(_, d)| d.map_id())
                        .filter(|m| Some(*m) != own)
                        .collect();
                    maps.sort_unstable();
                    maps.dedup();
                    maps.into_iter()
                        .map(|m| item(format!("{m}:"), lsp::CompletionItemKind::MODULE, None))
                        .collect()
                }
            },
        },
    };
    Some(lsp::CompletionResponse::Array(items))
}

/// A node's text, or a source's title, cut short: a completion's detail.
fn short_text(doc: &Doc, kind: IdKind, id: &str) -> Option<String> {
    let map = doc.file.map.as_ref()?;
    let text: &str = match kind {
        IdKind::Node => map
            .claims
            .get(id)
            .or_else(|| map.evidence.get(id))
            .or_else(|| map.rebuttals.get(id))?
            .text
            .as_deref()?,
        IdKind::Source => map.sources.get(id)?.name()?,
        IdKind::Group => map.groups.as_ref()?.get(id)?.details.title.as_deref()?,
        IdKind::Map | IdKind::Scheme | IdKind::Question => return None,
    };
    let mut s: String = text.chars().take(80).collect();
    if text.chars().count() > 80 {
        s.push('…');
    }
    Some(s)
}

fn prepare_rename(
    ws: &Workspace,
    p: &lsp::TextDocumentPositionParams,
) -> Option<lsp::PrepareRenameResponse> {
    let (_, doc, o) = occurrence_at(ws, p)?;
    Some(lsp::PrepareRenameResponse::Range(range(
        doc, o.start, o.end,
    )))
}

/// Whether `id` may name a node or a source: `[A-Za-z0-9][A-Za-z0-9_.-]*`.
fn valid_id(id: &str) -> bool {
    let mut chars = id.chars();
    chars.next().is_some_and(|c| c.is_ascii_alphanumeric())
        && chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '.' | '-'))
}

fn rename(ws: &Workspace, p: &lsp::RenameParams) -> Result<Option<lsp::WorkspaceEdit>, Failure> {
    let Some((key, _, o)) = occurrence_at(ws, &p.text_document_position) else {
        return Ok(None);
    };
    let new = p.new_name.as_str();
    let valid = match o.kind {
        IdKind::Map => argmap::parse::ids::valid_map_id(new),
        _ => valid_id(new),
    };
    if !valid {
        return Err(Failure::invalid(format!(
            "`{new}` is not a valid {} id",
            match o.kind {
                IdKind::Map => "map",
                IdKind::Group => "group",
                IdKind::Scheme => "scheme",
                IdKind::Question => "critical question",
                IdKind::Node | IdKind::Source => "node or source",
            }
        )));
    }
    let t = ws.target(&key, o);
    if matches!(t.kind, IdKind::Scheme | IdKind::Question) && ws.definition(&t).is_none() {
        return Err(Failure::invalid(format!(
            "`{}` is built in (argmap schemes): it cannot be renamed; declare a scheme of the map's own",
            t.id
        )));
    }
    if let Some(home) = t.doc.as_deref().and_then(|k| ws.docs.get(k)) {
        // Nodes and sources share one namespace; groups and maps have their own.
        let space = |k: IdKind| match k {
            IdKind::Node | IdKind::Source => 0,
            IdKind::Group => 1,
            IdKind::Map => 2,
            IdKind::Scheme => 3,
            IdKind::Question => 4,
        };
        let taken =
            home.index.occurrences.iter().any(|d| {
                d.role == Role::Definition && d.id == new && space(o.kind) == space(d.kind)
            });
        if taken && new != t.id {
            return Err(Failure::invalid(format!(
                "`{new}` is already declared in this map"
            )));
        }
    }
    // lsp-types keys a WorkspaceEdit by `Uri`, whose parsed parts are cached inside it.
    #[allow(clippy::mutable_key_type)]
    let mut changes: HashMap<lsp::Uri, Vec<lsp::TextEdit>> = HashMap::new();
    for (k, occ) in ws.references(&t, true) {
        let Some(doc) = ws.docs.get(k) else { continue };
        let Some(u) = uri(&doc.uri) else { continue };
        changes.entry(u).or_default().push(lsp::TextEdit {
            range: range(doc, occ.start, occ.end),
            new_text: new.to_string(),
        });
    }
    Ok(Some(lsp::WorkspaceEdit {
        changes: Some(changes),
        ..Default::default()
    }))
}

fn symbols(ws: &Workspace, p: &lsp::DocumentSymbolParams) -> Option<lsp::DocumentSymbolResponse> {
    let (_, doc) = ws.doc(p.text_document.uri.as_str())?;
    #[allow(deprecated)]
    fn symbol(doc: &Doc, e: &OutlineEntry, section: Option<&str>) -> lsp::DocumentSymbol {
        let kind = match section {
            None if e.children.is_empty() => lsp::SymbolKind::PROPERTY,
            None => lsp::SymbolKind::NAMESPACE,
            Some("sources") => lsp::SymbolKind::FILE,
            Some("groups") => lsp::SymbolKind::PACKAGE,
            Some(_) => lsp::SymbolKind::OBJECT,
        };
        let detail = match section {
            Some("sources") => short_text(doc, IdKind::Source, &e.name),
            Some("groups") => short_text(doc, IdKind::Group, &e.name),
            Some(_) => short_text(doc, IdKind::Node, &e.name),
            None => None,
        };
        let key_end = doc.index.end_of(e.start).unwrap_or(right(e.start, 1));
        let children: Vec<lsp::DocumentSymbol> = e
            .children
            .iter()
            .map(|c| symbol(doc, c, Some(&e.name)))
            .collect();
        lsp::DocumentSymbol {
            name: e.name.clone(),
            detail,
            kind,
            tags: None,
            deprecated: None,
            range: range(doc, e.start, e.end.max(key_end)),
            selection_range: range(doc, e.start, key_end),
            children: (!children.is_empty()).then_some(children),
        }
    }
    Some(lsp::DocumentSymbolResponse::Nested(
        doc.index
            .outline
            .iter()
            .map(|e| symbol(doc, e, None))
            .collect(),
    ))
}

fn folding(ws: &Workspace, p: &lsp::FoldingRangeParams) -> Option<Vec<lsp::FoldingRange>> {
    let (_, doc) = ws.doc(p.text_document.uri.as_str())?;
    let mut out = Vec::new();
    let mut add = |e: &OutlineEntry| {
        if e.end.line > e.start.line {
            out.push(lsp::FoldingRange {
                start_line: u32::try_from(e.start.line - 1).unwrap_or(u32::MAX),
                end_line: u32::try_from(e.end.line - 1).unwrap_or(u32::MAX),
                kind: Some(lsp::FoldingRangeKind::Region),
                ..Default::default()
            });
        }
    };
    for e in &doc.index.outline {
        add(e);
        for c in &e.children {
            add(c);
        }
    }
    Some(out)
}

/// A value as YAML: plain when it is an id or a `map:ID` (what the fixes put), else
/// double-quoted with escapes.
fn yaml_scalar(s: &str) -> String {
    let plain = s.chars().next().is_some_and(|c| c.is_ascii_alphanumeric())
        && s.chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '.' | '-' | ':'))
        && !s.ends_with(':');
    if plain {
        return s.to_string();
    }
    serde_json::to_string(s).unwrap_or_default()
}

fn overlaps(a: &lsp::Range, b: &lsp::Range) -> bool {
    let (a0, a1) = (
        (a.start.line, a.start.character),
        (a.end.line, a.end.character),
    );
    let (b0, b1) = (
        (b.start.line, b.start.character),
        (b.end.line, b.end.character),
    );
    a0 <= b1 && b0 <= a1
}

fn code_actions(ws: &Workspace, p: &lsp::CodeActionParams) -> Option<lsp::CodeActionResponse> {
    let (key, doc) = ws.doc(p.text_document.uri.as_str())?;
    let u = uri(&doc.uri)?;
    let mut out = Vec::new();
    for d in ws.diagnostics_of(&key) {
        let r = span(doc, d);
        if !overlaps(&r, &p.range) {
            continue;
        }
        for fix in &d.fixes {
            let (title, edit, preferred) = match fix {
                Fix::Replace(s) if d.rule == Rule::QuoteNotFound => (
                    "Replace the quote with the closest passage of the source".to_string(),
                    lsp::TextEdit {
                        range: r,
                        new_text: serde_json::to_string(s).unwrap_or_default(),
                    },
                    false,
                ),
                Fix::Replace(s) => (
                    format!("Change to `{s}`"),
                    lsp::TextEdit {
                        range: r,
                        new_text: yaml_scalar(s),
                    },
                    true,
                ),
                Fix::AddSource(id) => {
                    let Some(edit) = source_stub(doc, id) else {
                        continue;
                    };
                    (format!("Declare the source `{id}`"), edit, false)
                }
            };
            out.push(lsp::CodeActionOrCommand::CodeAction(lsp::CodeAction {
                title,
                kind: Some(lsp::CodeActionKind::QUICKFIX),
                diagnostics: Some(vec![lsp_diagnostic(doc, &u, d)]),
                edit: Some(lsp::WorkspaceEdit {
                    changes: Some(HashMap::from([(u.clone(), vec![edit])])),
                    ..Default::default()
                }),
                is_preferred: preferred.then_some(true),
                ..Default::default()
            }));
        }
    }
    Some(out)
}

/// The edit that declares source `id`: an entry after the last one of `sources`, or a
/// `sources:` section before the first section when there is none.
fn source_stub(doc: &Doc, id: &str) -> Option<lsp::TextEdit> {
    let outline = &doc.index.outline;
    // The indentation of the map's entries.
    let indent = outline
        .iter()
        .flat_map(|e| e.children.first())
        .map(|c| c.start.column - 1)
        .find(|&i| i > 0)
        .unwrap_or(2);
    let pad = " ".repeat(indent);
    let entry = format!("{pad}{id}:\n{pad}{pad}title: TODO the work cited as {id}\n");
    let at_line_start = |line: usize| lsp::Position {
        line: u32::try_from(line).unwrap_or(u32::MAX),
        character: 0,
    };
    let insert = |pos: lsp::Position, text: String| lsp::TextEdit {
        range: lsp::Range {
            start: pos,
            end: pos,
        },
        new_text: text,
    };
    match outline.iter().find(|e| e.name == "sources") {
        Some(s) => {
            let line_text = doc.lines.line(&doc.text, s.start.line - 1);
            let after = line_text.trim_end();
            if s.children.is_empty() && !after.ends_with("sources:") {
                // `sources: {}` or another shape: not edited blindly.
                return None;
            }
            let last = s.children.last().map_or(s.start.line, |c| c.end.line);
            Some(insert(at_line(&doc.lines, &doc.text, last), entry))
        }
        None => {
            let first = outline
                .iter()
                .find(|e| !e.children.is_empty() || e.name == "claims")?;
            Some(insert(
                at_line_start(first.start.line - 1),
                format!("sources:\n{entry}"),
            ))
        }
    }
}

/// The start of the line after line `line` (from 1); at the end of a text without a
/// final line break, that break is added by the caller's text.
fn at_line(lines: &Lines, text: &str, line: usize) -> lsp::Position {
    if line < lines.count() {
        lsp::Position {
            line: u32::try_from(line).unwrap_or(u32::MAX),
            character: 0,
        }
    } else {
        lines.end(text)
    }
}
