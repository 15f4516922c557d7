//! The frames of the protocol on standard input: `Content-Length` headers and a JSON
//! body, read within limits. A frame that cannot be read (a bad header, a body that is
//! not a JSON-RPC message, a length past the limit) is reported and skipped, and the
//! server reads on: one bad message must not end an editor's session. (lsp-server's own
//! reader stops at the first malformed payload and allocates whatever length a header
//! says; its messages and writer are used as they are.)

use lsp_server::Message;
use std::io::{BufRead, Read, Write};

/// The longest header line read.
const MAX_HEADER_LINE: usize = 8 * 1024;
/// The largest body read: a map larger than this is not edited as a whole document.
pub(super) const MAX_BODY: usize = 256 << 20;

/// What one frame held.
#[derive(Debug)]
pub(super) enum Frame {
    /// A message.
    Message(Message),
    /// A frame that is not a message: why, and the request id if the body had one.
    Malformed {
        id: Option<serde_json::Value>,
        why: String,
    },
    /// The input ended.
    End,
}

/// Reads one line of at most [`MAX_HEADER_LINE`] bytes (the rest of a longer one is
/// skipped). `None` at the end of the input.
fn read_line(r: &mut impl BufRead) -> std::io::Result<Option<(Vec<u8>, bool)>> {
    let mut line = Vec::new();
    let mut too_long = false;
    loop {
        let buf = r.fill_buf()?;
        if buf.is_empty() {
            return Ok((!line.is_empty() || too_long).then_some((line, too_long)));
        }
        let (chunk, done) = match buf.iter().position(|&b| b == b'\n') {
            Some(i) => (&buf[..=i], true),
            None => (buf, false),
        };
        let n = chunk.len();
        if line.len() + n <= MAX_HEADER_LINE {
            line.extend_from_slice(chunk);
        } else {
            too_long = true;
        }
        r.consume(n);
        if done {
            return Ok(Some((line, too_long)));
        }
    }
}

/// Reads the next frame.
pub(super) fn read(r: &mut impl BufRead) -> std::io::Result<Frame> {
    let mut length: Option<usize> = None;
    let mut bad: Option<String> = None;
    let mut any = false;
    loop {
        let Some((line, too_long)) = read_line(r)? else {
            return Ok(if any {
                Frame::Malformed {
                    id: None,
                    why: "the input ended inside a header".into(),
                }
            } else {
                Frame::End
            });
        };
        let text = String::from_utf8_lossy(&line);
        let text = text.trim_end_matches(['\r', '\n']);
        if text.is_empty() {
            if !any {
                // Blank lines between frames.
                continue;
            }
            break;
        }
        any = true;
        if too_long {
            bad.get_or_insert_with(|| "a header line is too long".into());
            continue;
        }
        let Some((name, value)) = text.split_once(':') else {
            bad.get_or_insert_with(|| format!("malformed header {text:?}"));
            continue;
        };
        if name.trim().eq_ignore_ascii_case("content-length") {
            match value.trim().parse::<usize>() {
                Ok(n) => length = Some(n),
                Err(_) => {
                    bad.get_or_insert_with(|| format!("bad Content-Length {:?}", value.trim()));
                }
            }
        }
    }
    let Some(length) = length else {
        return Ok(Frame::Malformed {
            id: None,
            why: bad.unwrap_or_else(|| "no Content-Length header".into()),
        });
    };
    if length > MAX_BODY {
        // Skip the body without holding it.
        std::io::copy(&mut r.take(length as u64), &mut std::io::sink())?;
        return Ok(Frame::Malformed {
            id: None,
            why: format!("a message of {length} bytes is larger than argmap reads ({MAX_BODY})"),
        });
    }
    let mut body = Vec::new();
    r.take(length as u64).read_to_end(&mut body)?;
    if body.len() < length {
        return Ok(Frame::Malformed {
            id: None,
            why: "the input ended inside a message".into(),
        });
    }
    if let Some(why) = bad {
        return Ok(Frame::Malformed { id: None, why });
    }
    match serde_json::from_slice::<Message>(&body) {
        Ok(m) => Ok(Frame::Message(m)),
        Err(e) => {
            let id = serde_json::from_slice::<serde_json::Value>(&body)
                .ok()
                .and_then(|v| v.get("id").cloned());
            Ok(Frame::Malformed {
                id,
                why: format!("not a JSON-RPC message: {e}"),
            })
        }
    }
}

/// Writes the error response to a frame that was not a message (with its id when it
/// had a usable one, else `null`, as JSON-RPC says).
pub(super) fn write_malformed(
    w: &mut impl Write,
    id: Option<serde_json::Value>,
    why: &str,
) -> std::io::Result<()> {
    let (id, code) = match id {
        Some(v @ (serde_json::Value::Number(_) | serde_json::Value::String(_))) => {
            (v, lsp_server::ErrorCode::InvalidRequest)
        }
        _ => (serde_json::Value::Null, lsp_server::ErrorCode::ParseError),
    };
    let body = serde_json::json!({
        "jsonrpc": "2.0",
        "id": id,
        "error": {"code": code as i32, "message": why},
    })
    .to_string();
    write!(w, "Content-Length: {}\r\n\r\n{body}", body.len())?;
    w.flush()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn frames(input: &[u8]) -> Vec<String> {
        let mut r = std::io::BufReader::new(input);
        let mut out = Vec::new();
        loop {
            match read(&mut r).expect("reads") {
                Frame::End => return out,
                Frame::Message(m) => out.push(format!(
                    "message {}",
                    serde_json::to_string(&m).unwrap_or_default()
                )),
                Frame::Malformed { id, why } => out.push(format!("malformed {id:?}: {why}")),
            }
        }
    }

    #[test]
    fn good_and_bad_frames_in_a_row() {
        let good = r#"{"jsonrpc":"2.0","method":"exit"}"#;
        let input = format!(
            "Content-Length: 5\r\n\r\n{{bad}}Content-Length: 14\r\n\r\n{{\"id\":7,\"x\":1}}X-Other: 1\r\n\r\nContent-Length: {}\r\n\r\n{good}Content-Length: 99999999999\r\n\r\n{{}}",
            good.len()
        );
        let got = frames(input.as_bytes());
        assert_eq!(got.len(), 5, "{got:#?}");
        assert!(
            got[0].starts_with("malformed None: not a JSON-RPC message"),
            "{}",
            got[0]
        );
        assert!(
            got[1].starts_with("malformed Some(Number(7)): not a JSON-RPC message"),
            "{}",
            got[1]
        );
        assert_eq!(got[2], "malformed None: no Content-Length header");
        assert_eq!(got[3], r#"message {"method":"exit"}"#);
        assert!(got[4].contains("larger than argmap reads"), "{}", got[4]);
    }

    #[test]
    fn the_error_reply_of_a_malformed_frame() {
        let mut out = Vec::new();
        write_malformed(&mut out, None, "bad").expect("writes");
        let text = String::from_utf8(out).expect("utf-8");
        let body = r#"{"error":{"code":-32700,"message":"bad"},"id":null,"jsonrpc":"2.0"}"#;
        assert_eq!(
            text,
            format!("Content-Length: {}\r\n\r\n{body}", body.len())
        );
    }
}
