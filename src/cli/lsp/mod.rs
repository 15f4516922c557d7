//! `argmap lsp`: a Language Server Protocol server on standard input and output, for
//! any editor. Synchronous: each message is read, answered, and its notifications sent
//! before the next is read (a change is checked in a few milliseconds, well inside a
//! keystroke). The analysis it shows is the library's: diagnostics from
//! [`argmap::analyse::check_indexed`] (every rule, the same messages and help as
//! `check`), ids and their spans from [`argmap::parse::document`], completion contexts
//! from [`argmap::parse::completion`]; this folder speaks the protocol.
//!
//! `transport.rs` reads frames (bounded, and on past a malformed one), `text.rs`
//! converts positions (UTF-16 columns) and URIs, `workspace.rs` keeps the documents and
//! checks them, `features.rs` answers the requests.

mod features;
mod text;
mod transport;
mod workspace;

use super::{CliError, Io, EXIT_OK};
use lsp_server::{ErrorCode, Message, Notification, Request, RequestId, Response};
use lsp_types::notification::Notification as _;
use lsp_types::request::Request as _;
use workspace::Workspace;

/// The exit code when the editor ends the session without `shutdown` first (LSP: 1).
const EXIT_WITHOUT_SHUTDOWN: u8 = 1;

pub(super) fn run(io: &mut Io) -> Result<u8, CliError> {
    let stdin = std::io::stdin();
    let mut input = stdin.lock();
    let mut server = Server::default();
    loop {
        match transport::read(&mut input).map_err(CliError::Io)? {
            transport::Frame::End => return Ok(EXIT_WITHOUT_SHUTDOWN),
            transport::Frame::Malformed { id, why } => {
                transport::write_malformed(&mut io.out, id, &why).map_err(CliError::Io)?;
            }
            transport::Frame::Message(msg) => {
                let replies = server.handle(msg);
                for m in replies {
                    m.write(&mut io.out).map_err(CliError::Io)?;
                }
                io.out.flush().map_err(CliError::Io)?;
                if let Some(code) = server.exit {
                    return Ok(code);
                }
            }
        }
    }
}

#[derive(Default)]
struct Server {
    initialized: bool,
    /// Whether the client lets the server ask it to watch the workspace's map files.
    watch_files: bool,
    shutdown: bool,
    exit: Option<u8>,
    ws: Workspace,
}

fn error(id: RequestId, code: ErrorCode, message: impl Into<String>) -> Message {
    Message::Response(Response::new_err(id, code as i32, message.into()))
}

impl Server {
    /// Answers one message: the responses and notifications to send.
    fn handle(&mut self, msg: Message) -> Vec<Message> {
        match msg {
            Message::Request(req) => {
                let id = req.id.clone();
                if !self.initialized && req.method != lsp_types::request::Initialize::METHOD {
                    return vec![error(
                        id,
                        ErrorCode::ServerNotInitialized,
                        "the server is not initialized: send `initialize` first",
                    )];
                }
                if self.shutdown {
                    return vec![error(
                        id,
                        ErrorCode::InvalidRequest,
                        "the server is shut down: only `exit` is left",
                    )];
                }
                if req.method == lsp_types::request::Initialize::METHOD {
                    return vec![self.initialize(req)];
                }
                if req.method == lsp_types::request::Shutdown::METHOD {
                    self.shutdown = true;
                    return vec![Message::Response(Response::new_ok(id, ()))];
                }
                // A handler that panicked on some input answers with an error, and the
                // server goes on.
                let ws = &mut self.ws;
                let outcome = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                    features::request(ws, &req)
                }));
                match outcome {
                    Ok(Ok((result, also))) => {
                        let mut out = vec![Message::Response(Response::new_ok(id, result))];
                        out.extend(also);
                        out
                    }
                    Ok(Err(e)) => vec![e.into_message(id)],
                    Err(_) => vec![error(
                        id,
                        ErrorCode::InternalError,
                        "argmap failed on this request (a bug: please report it)",
                    )],
                }
            }
            Message::Notification(n) => self.notification(n),
            // Responses to requests the server never sends.
            Message::Response(_) => Vec::new(),
        }
    }

    /// `initialize`: reads the workspace folders' maps and says what the server does.
    fn initialize(&mut self, req: Request) -> Message {
        if self.initialized {
            return error(
                req.id,
                ErrorCode::InvalidRequest,
                "initialize was sent twice",
            );
        }
        // Only the folders are read from the parameters: a client's other fields, in
        // whatever version of the protocol, are not the server's business.
        let p = &req.params;
        let mut roots: Vec<std::path::PathBuf> = p
            .get("workspaceFolders")
            .and_then(|f| f.as_array())
            .into_iter()
            .flatten()
            .filter_map(|f| f.get("uri")?.as_str().and_then(text::path_of))
            .collect();
        if roots.is_empty() {
            roots.extend(
                p.get("rootUri")
                    .and_then(|u| u.as_str())
                    .and_then(text::path_of),
            );
        }
        if roots.is_empty() {
            roots.extend(
                p.get("rootPath")
                    .and_then(|u| u.as_str())
                    .map(std::path::PathBuf::from),
            );
        }
        for root in &roots {
            self.ws.scan(root);
        }
        self.watch_files = p
            .pointer("/capabilities/workspace/didChangeWatchedFiles/dynamicRegistration")
            .and_then(serde_json::Value::as_bool)
            .unwrap_or(false);
        self.initialized = true;
        Message::Response(Response::new_ok(
            req.id,
            serde_json::json!({
                "capabilities": features::capabilities(),
                "serverInfo": {"name": "argmap", "version": env!("CARGO_PKG_VERSION")},
            }),
        ))
    }

    fn notification(&mut self, n: Notification) -> Vec<Message> {
        if n.method == lsp_types::notification::Exit::METHOD {
            self.exit = Some(if self.shutdown {
                EXIT_OK
            } else {
                EXIT_WITHOUT_SHUTDOWN
            });
            return Vec::new();
        }
        if !self.initialized || self.shutdown {
            return Vec::new();
        }
        if n.method == lsp_types::notification::Initialized::METHOD && self.watch_files {
            // Ask to be told when a map of the workspace changes on disk.
            return vec![Message::Request(Request::new(
                RequestId::from("argmap-watch".to_string()),
                lsp_types::request::RegisterCapability::METHOD.to_string(),
                serde_json::json!({"registrations": [{
                    "id": "argmap-maps",
                    "method": "workspace/didChangeWatchedFiles",
                    "registerOptions": {"watchers": [{"globPattern": "**/*.{yaml,yml}"}]},
                }]}),
            ))];
        }
        let ws = &mut self.ws;
        std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            features::notification(ws, n)
        }))
        .unwrap_or_default()
    }
}

/// A request that cannot be answered: its error code and message.
pub(super) struct Failure {
    code: ErrorCode,
    message: String,
}

impl Failure {
    pub(super) fn invalid(message: impl Into<String>) -> Failure {
        Failure {
            code: ErrorCode::InvalidParams,
            message: message.into(),
        }
    }
    pub(super) fn unknown(method: &str) -> Failure {
        Failure {
            code: ErrorCode::MethodNotFound,
            message: format!("argmap does not handle `{method}`"),
        }
    }
    fn into_message(self, id: RequestId) -> Message {
        error(id, self.code, self.message)
    }
}

/// Builds a request's or notification's parameters, or says why they are wrong.
pub(super) fn params<P: serde::de::DeserializeOwned>(
    method: &str,
    value: &serde_json::Value,
) -> Result<P, Failure> {
    serde_json::from_value(value.clone())
        .map_err(|e| Failure::invalid(format!("bad parameters for {method}: {e}")))
}
