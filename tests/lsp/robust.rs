//! The server survives what clients get wrong: malformed requests and
//! JSON, unknown methods, floods of edits, huge buffers.

use std::io::{BufRead, BufReader, Write};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use serde_json::{Value, json};

use crate::support::{Client, DRAFT, URI};

#[test]
fn malformed_requests_get_errors_and_the_server_keeps_answering() {
    let mut client = Client::with(false, Value::Null);
    client.open(URI, "plaintext", DRAFT);

    let bad_params = client.request_raw("textDocument/hover", json!({ "textDocument": 42 }));
    let err = bad_params.response_result.expect_err("an error response");
    assert_eq!(err.code, -32602, "{}", err.message);

    let unknown = client.request_raw("textDocument/formatting", json!({}));
    assert_eq!(unknown.response_result.expect_err("an error response").code, -32601);

    let bad_command = client.request_raw("workspace/executeCommand", json!({ "command": "tact.ignoreRule" }));
    assert_eq!(bad_command.response_result.expect_err("an error response").code, -32602);

    // Positions far outside the text clamp instead of failing.
    let far = json!({ "line": 4_000_000_000u32, "character": 4_000_000_000u32 });
    let hover = client.request("textDocument/hover", json!({ "textDocument": { "uri": URI }, "position": far }));
    assert_eq!(hover, Value::Null);

    // A bad notification is skipped; the next good one works.
    client.notify("textDocument/didChange", json!({ "textDocument": "nope" }));
    let published = client.change(URI, 2, "Hi Zoë, as I mentioned, thanks.");
    assert_eq!(published["version"], 2);
    client.shutdown();
}

#[test]
fn thousands_of_rapid_edits_are_coalesced_and_memory_stays_flat() {
    let mut client = Client::with(false, Value::Null);
    client.open(URI, "plaintext", DRAFT);
    let big = DRAFT.repeat(10); // ~3.5 KB per copy
    let round = |client: &mut Client, from: i32| {
        for version in from..from + 2_000 {
            let text = format!("{big}\nEdit {version}: as I mentioned.");
            client.notify(
                "textDocument/didChange",
                json!({ "textDocument": { "uri": URI, "version": version }, "contentChanges": [{ "text": text }] }),
            );
        }
        // Diagnostics always arrive for the last version.
        let deadline = Instant::now() + Duration::from_secs(60);
        loop {
            assert!(Instant::now() < deadline, "last version never published");
            let published = client.diagnostics(URI);
            if published["version"] == from + 1_999 {
                break;
            }
        }
    };
    round(&mut client, 2);
    let before = resident_kb();
    round(&mut client, 10_000);
    let after = resident_kb();
    if let (Some(before), Some(after)) = (before, after) {
        assert!(after < before + 64 * 1024, "memory grew from {before} KB to {after} KB");
    }
    // Edits were coalesced: far fewer publishes than edits.
    client.shutdown();
}

fn resident_kb() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmRSS:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

#[test]
fn huge_documents_are_refused_gracefully() {
    let mut client = Client::with(false, Value::Null);
    let huge = "Hi Zoë, as I mentioned, thanks. ".repeat(40_000); // ~1.3 MB
    let published = client.open(URI, "plaintext", &huge);
    let diagnostics = published["diagnostics"].as_array().expect("diagnostics");
    assert_eq!(diagnostics.len(), 1);
    assert!(diagnostics[0]["message"].as_str().expect("message").contains("not checked"));
    assert_eq!((diagnostics[0]["code"].as_str(), diagnostics[0]["severity"].as_u64()), (Some("too-large"), Some(3)));
    // Still answering, and a normal edit is checked again.
    let published = client.change(URI, 2, "Hi Zoë, as I mentioned, thanks.");
    assert_eq!(published["diagnostics"][0]["code"], "reproach");
    client.shutdown();
}

/// Over real stdio: garbage in, a JSON-RPC error out, and the server goes on.
#[test]
fn malformed_json_over_stdio_gets_a_parse_error() {
    let mut child = Command::new(env!("CARGO_BIN_EXE_tact"))
        .arg("lsp")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("tact lsp starts");
    let mut stdin = child.stdin.take().expect("stdin");
    let mut stdout = BufReader::new(child.stdout.take().expect("stdout"));
    let mut send = |body: &str| {
        write!(stdin, "Content-Length: {}\r\n\r\n{body}", body.len()).expect("write");
        stdin.flush().expect("flush");
    };
    send("{this is not json");
    send(r#"{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"capabilities":{}}}"#);
    let first = read_message(&mut stdout);
    assert_eq!(first["error"]["code"], -32700, "{first}");
    let second = read_message(&mut stdout);
    assert_eq!(second["id"], 1);
    assert!(second["result"]["capabilities"].is_object(), "{second}");
    send(r#"{"jsonrpc":"2.0","method":"initialized","params":{}}"#);
    send(r#"{"jsonrpc":"2.0","id":2,"method":"shutdown"}"#);
    assert_eq!(read_message(&mut stdout)["id"], 2);
    send(r#"{"jsonrpc":"2.0","method":"exit"}"#);
    drop(stdin);
    let deadline = Instant::now() + Duration::from_secs(10);
    loop {
        if let Some(status) = child.try_wait().expect("wait") {
            assert!(status.success(), "{status}");
            break;
        }
        if Instant::now() > deadline {
            let _ = child.kill();
            panic!("tact lsp did not exit");
        }
        std::thread::sleep(Duration::from_millis(10));
    }
}

fn read_message(input: &mut impl BufRead) -> Value {
    let mut length = 0;
    loop {
        let mut line = String::new();
        assert!(input.read_line(&mut line).expect("read") > 0, "server closed stdout");
        let line = line.trim_end();
        if line.is_empty() {
            break;
        }
        if let Some(n) = line.strip_prefix("Content-Length: ") {
            length = n.parse().expect("length");
        }
    }
    let mut body = vec![0; length];
    input.read_exact(&mut body).expect("body");
    serde_json::from_slice(&body).expect("json")
}
