//! A scripted LSP client over `Connection::memory()`: starts `tact::lsp::serve`
//! on a thread, performs the handshake, and reads what the server sends with
//! timeouts so no test can hang.

use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use lsp_server::{Connection, Message, Notification, Request, RequestId, Response};
use serde_json::{Value, json};

/// How long to wait for any one message.
pub const TIMEOUT: Duration = Duration::from_secs(10);

/// A realistic draft: an emoji and accented names before the flagged words,
/// so UTF-8 and UTF-16 columns differ.
pub const DRAFT: &str = "Subject: Café Ñandú × your Lyon meetup 🎉

Hi Zoë,

José told me about your meetup 🙌 and, as I mentioned, Café Ñandú would love to host the next one. Could you introduce me to Dana at Stripe?

Per my last email, we can cover coffee for 40 people. Hi {{first_name}}!

Best,
Ana
";

/// The test rule pack: stable copies of three rules, so these tests do not
/// change whenever the built-in pack is tuned.
pub fn pack() -> String {
    concat!(env!("CARGO_MANIFEST_DIR"), "/tests/lsp/pack").to_owned()
}

/// Settings that run the test pack only.
pub fn pack_options() -> Value {
    json!({ "rules": [pack()], "select": ["lsp-demo"] })
}

/// The same, as `.tact.yml` lines.
pub fn pack_config() -> String {
    format!("rules: [{:?}]\nselect: [lsp-demo]\n", pack())
}

/// The URI snapshot tests use: no config file can be found above it.
pub const URI: &str = "file:///tact-test-drafts/draft.txt";

pub struct Client {
    conn: Connection,
    server: Option<JoinHandle<Result<tact::lsp::Ended, tact::Error>>>,
    next_id: i32,
    /// Notifications and server requests received while waiting for something else.
    pub inbox: Vec<Message>,
}

/// Client capabilities: UTF-8 offered or not, `documentChanges` supported.
pub fn capabilities(utf8: bool) -> Value {
    let encodings = if utf8 { json!(["utf-8", "utf-16"]) } else { json!(["utf-16"]) };
    json!({
        "general": { "positionEncodings": encodings },
        "workspace": { "workspaceEdit": { "documentChanges": true } },
    })
}

impl Client {
    /// Start a server and initialize it with `params` (an `InitializeParams`).
    pub fn start(params: Value) -> (Self, Value) {
        let (client, server) = Connection::memory();
        let handle = std::thread::spawn(move || tact::lsp::serve(&server));
        let mut client = Client { conn: client, server: Some(handle), next_id: 0, inbox: Vec::new() };
        let init = client.request("initialize", params);
        client.notify("initialized", json!({}));
        (client, init)
    }

    /// Start with default capabilities (`utf8` offered or not), running the
    /// test pack only, with `options` added to the initialization options.
    pub fn with(utf8: bool, options: Value) -> Self {
        let mut all = pack_options();
        if let (Some(all), Value::Object(more)) = (all.as_object_mut(), options) {
            all.extend(more);
        }
        Self::start(json!({ "capabilities": capabilities(utf8), "initializationOptions": all })).0
    }

    pub fn notify(&self, method: &str, params: Value) {
        self.conn.sender.send(Notification::new(method.to_owned(), params).into()).expect("server is running");
    }

    /// Send a request and wait for its answer; the `result` on success.
    pub fn request(&mut self, method: &str, params: Value) -> Value {
        let response = self.request_raw(method, params);
        match response.response_result {
            Ok(value) => value,
            Err(err) => panic!("{method} failed: {} {}", err.code, err.message),
        }
    }

    /// Send a request and wait for its response, error or not.
    pub fn request_raw(&mut self, method: &str, params: Value) -> Response {
        self.next_id += 1;
        let id = RequestId::from(self.next_id);
        let request = Request { id: id.clone(), method: method.to_owned(), params };
        self.conn.sender.send(request.into()).expect("server is running");
        let deadline = Instant::now() + TIMEOUT;
        loop {
            match self.recv(deadline) {
                Message::Response(r) if r.id == id => return r,
                other => self.inbox.push(other),
            }
        }
    }

    fn recv(&self, deadline: Instant) -> Message {
        let left = deadline.saturating_duration_since(Instant::now());
        self.conn.receiver.recv_timeout(left).unwrap_or_else(|e| panic!("no message from the server in time: {e}"))
    }

    /// The next notification `method` (from the inbox first), its params.
    pub fn notification(&mut self, method: &str) -> Value {
        if let Some(i) = self.inbox.iter().position(|m| matches!(m, Message::Notification(n) if n.method == method)) {
            let Message::Notification(n) = self.inbox.remove(i) else { unreachable!() };
            return n.params;
        }
        let deadline = Instant::now() + TIMEOUT;
        loop {
            match self.recv(deadline) {
                Message::Notification(n) if n.method == method => return n.params,
                other => self.inbox.push(other),
            }
        }
    }

    /// The next diagnostics published for `uri`.
    pub fn diagnostics(&mut self, uri: &str) -> Value {
        loop {
            let params = self.notification("textDocument/publishDiagnostics");
            if params["uri"] == uri {
                return params;
            }
        }
    }

    /// Open `text` at `uri` and wait for its diagnostics.
    pub fn open(&mut self, uri: &str, language: &str, text: &str) -> Value {
        self.notify(
            "textDocument/didOpen",
            json!({ "textDocument": { "uri": uri, "languageId": language, "version": 1, "text": text } }),
        );
        self.diagnostics(uri)
    }

    /// Replace the text of `uri` (full sync) and wait for its diagnostics.
    pub fn change(&mut self, uri: &str, version: i32, text: &str) -> Value {
        self.notify(
            "textDocument/didChange",
            json!({ "textDocument": { "uri": uri, "version": version }, "contentChanges": [{ "text": text }] }),
        );
        self.diagnostics(uri)
    }

    /// Shut the server down politely and check it ended without error.
    pub fn shutdown(mut self) {
        self.request("shutdown", Value::Null);
        self.notify("exit", Value::Null);
        let handle = self.server.take().expect("running");
        let deadline = Instant::now() + TIMEOUT;
        while !handle.is_finished() {
            assert!(Instant::now() < deadline, "server did not exit");
            std::thread::sleep(Duration::from_millis(5));
        }
        let ended = handle.join().expect("server thread did not panic").expect("server ended cleanly");
        assert_eq!(ended, tact::lsp::Ended::Clean);
    }
}

/// Apply LSP text edits (ranges in `encoding`: "utf-8" or "utf-16") to `text`.
pub fn apply_edits(text: &str, edits: &[Value], encoding: &str) -> String {
    let offset = |pos: &Value| -> usize {
        let line = usize::try_from(pos["line"].as_u64().expect("line")).expect("fits");
        let character = usize::try_from(pos["character"].as_u64().expect("character")).expect("fits");
        let start: usize = text.split_inclusive('\n').take(line).map(str::len).sum();
        let mut units = 0;
        for (i, ch) in text[start..].char_indices() {
            if units >= character {
                return start + i;
            }
            units += if encoding == "utf-8" { ch.len_utf8() } else { ch.len_utf16() };
        }
        text.len()
    };
    let mut spans: Vec<(usize, usize, &str)> = edits
        .iter()
        .map(|e| (offset(&e["range"]["start"]), offset(&e["range"]["end"]), e["newText"].as_str().expect("newText")))
        .collect();
    spans.sort_by_key(|s| std::cmp::Reverse(s.0));
    let mut out = text.to_owned();
    for (start, end, new) in spans {
        out.replace_range(start..end, new);
    }
    out
}

/// The text edits of a code action's workspace edit.
pub fn action_edits(action: &Value) -> Vec<Value> {
    let edit = &action["edit"];
    if let Some(changes) = edit["documentChanges"].as_array() {
        return changes.iter().flat_map(|c| c["edits"].as_array().cloned().unwrap_or_default()).collect();
    }
    edit["changes"]
        .as_object()
        .map(|m| m.values().flat_map(|v| v.as_array().cloned().unwrap_or_default()).collect())
        .unwrap_or_default()
}

/// A `file:` URI for a local path (test paths are plain ASCII).
pub fn file_uri(path: &std::path::Path) -> String {
    format!("file://{}", path.display())
}

impl Client {
    /// Answer a request the server sent.
    pub fn reply(&self, response: Response) {
        self.conn.sender.send(response.into()).expect("server is running");
    }
}
