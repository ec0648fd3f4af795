//! The stdio transport: `Content-Length` framed JSON-RPC in and out.
//!
//! `lsp_server::Connection::stdio` stops reading at the first body that is
//! not valid JSON-RPC, which ends the server. This reader answers such a
//! body with a JSON-RPC error (`-32700`, or `-32600` for JSON that is not a
//! message) and goes on. Its queue is bounded, so a client flooding edits is
//! slowed down rather than buffered without limit, and the main loop can see
//! when the queue is empty and lint only then.

use std::io::{self, BufRead, Read, Write};
use std::thread;

use crossbeam_channel::{Receiver, Sender, bounded};
use lsp_server::{Connection, Message};

/// Messages waiting to be handled before the reader blocks.
const QUEUE: usize = 256;
/// A body larger than this is skipped and answered with an error.
const MAX_BODY: usize = 256 * 1024 * 1024;

/// One framed message as read.
#[derive(Debug)]
pub(crate) enum Frame {
    Message(Message),
    /// A body that is not a JSON-RPC message: answer it with this error.
    Malformed {
        id: serde_json::Value,
        code: i64,
        error: String,
    },
}

/// The writer thread; join it after dropping the connection to flush.
pub(crate) struct Writer(thread::JoinHandle<()>);

impl Writer {
    pub(crate) fn join(self) {
        let _ = self.0.join();
    }
}

/// A connection over this process's standard input and output.
pub(crate) fn stdio() -> io::Result<(Connection, Writer)> {
    let (to_server, from_client) = bounded::<Message>(QUEUE);
    let (to_client, outgoing) = bounded::<Message>(QUEUE);
    let writer = thread::Builder::new().name("tact-lsp-writer".into()).spawn(move || write_loop(&outgoing))?;
    // The reader is detached: it ends at `exit` or end of input, and a
    // blocked read must not keep the server from exiting.
    thread::Builder::new().name("tact-lsp-reader".into()).spawn(move || read_loop(&to_server))?;
    Ok((Connection { sender: to_client, receiver: from_client }, Writer(writer)))
}

fn write_loop(outgoing: &Receiver<Message>) {
    for message in outgoing {
        let stdout = io::stdout();
        let mut out = stdout.lock();
        if message.write(&mut out).is_err() {
            return;
        }
    }
}

fn read_loop(to_server: &Sender<Message>) {
    let stdin = io::stdin();
    let mut input = stdin.lock();
    loop {
        match read_frame(&mut input) {
            Ok(None) | Err(_) => return,
            Ok(Some(Frame::Message(message))) => {
                let exit = matches!(&message, Message::Notification(n) if n.method == "exit");
                if to_server.send(message).is_err() || exit {
                    return;
                }
            }
            Ok(Some(Frame::Malformed { id, code, error })) => {
                let reply = error_reply(&id, code, &error);
                let stdout = io::stdout();
                let mut out = stdout.lock();
                if write_frame(&mut out, &reply).is_err() {
                    return;
                }
            }
        }
    }
}

/// The JSON of an error response to a message that could not be read.
pub(crate) fn error_reply(id: &serde_json::Value, code: i64, error: &str) -> String {
    serde_json::json!({ "jsonrpc": "2.0", "id": id, "error": { "code": code, "message": error } }).to_string()
}

fn write_frame(out: &mut impl Write, body: &str) -> io::Result<()> {
    write!(out, "Content-Length: {}\r\n\r\n{body}", body.len())?;
    out.flush()
}

/// Read one framed message. `Ok(None)` at end of input.
pub(crate) fn read_frame(input: &mut impl BufRead) -> io::Result<Option<Frame>> {
    let mut length: Option<usize> = None;
    let mut saw_header = false;
    let mut line = String::new();
    loop {
        line.clear();
        if input.read_line(&mut line)? == 0 {
            return Ok(None);
        }
        let header = line.trim_end_matches(['\r', '\n']);
        if header.is_empty() {
            if saw_header {
                break;
            }
            continue;
        }
        saw_header = true;
        if let Some((name, value)) = header.split_once(':')
            && name.trim().eq_ignore_ascii_case("content-length")
        {
            length = value.trim().parse().ok();
        }
    }
    let Some(length) = length else {
        return Ok(Some(malformed(serde_json::Value::Null, -32700, "missing or invalid Content-Length header")));
    };
    if length > MAX_BODY {
        io::copy(&mut input.take(length as u64), &mut io::sink())?;
        return Ok(Some(malformed(serde_json::Value::Null, -32600, "message too large")));
    }
    let mut body = vec![0; length];
    input.read_exact(&mut body)?;
    Ok(Some(parse_body(&body)))
}

fn parse_body(body: &[u8]) -> Frame {
    let value: serde_json::Value = match serde_json::from_slice(body) {
        Ok(value) => value,
        Err(e) => return malformed(serde_json::Value::Null, -32700, &format!("parse error: {e}")),
    };
    let id = value.get("id").filter(|id| id.is_string() || id.is_i64()).cloned().unwrap_or_default();
    match serde_json::from_value::<Message>(value) {
        Ok(message) => Frame::Message(message),
        Err(e) => malformed(id, -32600, &format!("invalid request: {e}")),
    }
}

fn malformed(id: serde_json::Value, code: i64, error: &str) -> Frame {
    Frame::Malformed { id, code, error: error.to_owned() }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn frame(body: &str) -> String {
        format!("Content-Length: {}\r\n\r\n{body}", body.len())
    }

    #[test]
    fn reads_messages_and_survives_garbage() {
        let stream = [
            frame("{not json"),
            frame(r#"{"jsonrpc":"2.0","id":7,"method":{"oops":1}}"#),
            "X-Nonsense: 1\r\n\r\n".to_owned(),
            frame(r#"{"jsonrpc":"2.0","id":8,"method":"shutdown"}"#),
        ]
        .concat();
        let mut input = io::Cursor::new(stream.into_bytes());
        let mut read = || read_frame(&mut input).expect("io").expect("a frame");
        assert!(matches!(read(), Frame::Malformed { code: -32700, ref id, .. } if id.is_null()));
        assert!(matches!(read(), Frame::Malformed { code: -32600, ref id, .. } if *id == serde_json::json!(7)));
        assert!(matches!(read(), Frame::Malformed { code: -32700, .. }));
        assert!(matches!(read(), Frame::Message(Message::Request(ref r)) if r.method == "shutdown"));
        assert!(read_frame(&mut input).expect("io").is_none());
    }

    #[test]
    fn error_replies_are_json_rpc() {
        let reply: serde_json::Value =
            serde_json::from_str(&error_reply(&serde_json::Value::Null, -32700, "parse error")).expect("json");
        assert_eq!(reply["error"]["code"], -32700);
        assert!(reply["id"].is_null());
    }
}
