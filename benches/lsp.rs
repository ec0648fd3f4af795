//! Re-linting a 3 KB draft after an edit, as the language server does it:
//! apply the `didChange`, build the message, lint, convert the findings to
//! LSP diagnostics (fixes in `data`) and publish. Driven through
//! `Connection::memory()`, so the number includes the in-process hop.
//!
//! `cargo bench --bench lsp`. Target: under 1 ms per edit.

use std::hint::black_box;
use std::time::Duration;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use lsp_server::{Connection, Message, Notification, Request, RequestId};
use serde_json::{Value, json};

const URI: &str = "file:///tact-bench/draft.txt";

/// A realistic ~3 KB cold email with an emoji, accented names, two
/// passive-aggressive phrases, an ask with no way out and a placeholder.
fn draft() -> String {
    let mut text = String::from("Subject: Café Ñandú × your Lyon meetup 🎉\n\nHi Zoë,\n\n");
    let paragraphs = [
        "José told me about your meetup 🙌 and, as I mentioned, Café Ñandú would love to host the next one. \
         We roast our own beans in Croix-Rousse and have a back room that seats forty people comfortably.",
        "Last spring we hosted the Rust Lyon group for three evenings; Amélie from their team said the \
         projector and the Wi-Fi held up well, and people stayed for an hour after the talks ended.",
        "For your November session we could close the café to the public from 18:00, provide filter coffee, \
         tea and pastries, and set up the room in rows or in tables of six, whichever suits the format.",
        "We would not charge a room fee. In return we would ask for a short mention in your announcement \
         and a photo or two we could share on our own channels, only with the speakers' consent.",
        "Our manager, Søren, can walk you through the space any weekday afternoon; it takes ten minutes \
         and he can show you the sound setup and where the speakers would stand.",
    ];
    while text.len() < 2_800 {
        for p in paragraphs {
            text.push_str(p);
            text.push_str("\n\n");
        }
    }
    text.push_str("Per my last email, could you introduce me to Dana at Stripe? Hi {{first_name}}!\n\nBest,\nAna\n");
    text
}

fn start() -> Connection {
    let (client, server) = Connection::memory();
    std::thread::spawn(move || tact::lsp::serve(&server));
    let init = Request::new(RequestId::from(1), "initialize".to_owned(), json!({ "capabilities": {} }));
    client.sender.send(init.into()).expect("send");
    loop {
        if let Message::Response(_) = client.receiver.recv().expect("initialize response") {
            break;
        }
    }
    client.sender.send(Notification::new("initialized".to_owned(), json!({})).into()).expect("send");
    client
}

fn notify(client: &Connection, method: &str, params: Value) {
    client.sender.send(Notification::new(method.to_owned(), params).into()).expect("send");
}

/// Wait for the diagnostics of `version`; return how many there are.
fn published(client: &Connection, version: i32) -> usize {
    loop {
        let Message::Notification(n) = client.receiver.recv_timeout(Duration::from_secs(10)).expect("diagnostics")
        else {
            continue;
        };
        if n.method == "textDocument/publishDiagnostics" && n.params["version"] == version {
            return n.params["diagnostics"].as_array().map_or(0, Vec::len);
        }
    }
}

fn relint_after_edit(c: &mut Criterion) {
    let text = draft();
    let edited = text.replacen("forty people", "forty-two people", 1);
    let client = start();
    let open = json!({ "textDocument": { "uri": URI, "languageId": "plaintext", "version": 1, "text": text } });
    notify(&client, "textDocument/didOpen", open);
    let expected = published(&client, 1);
    assert!(expected >= 4, "the bench draft should have findings, got {expected}");

    let mut group = c.benchmark_group("lsp");
    group.throughput(Throughput::Bytes(text.len() as u64));
    let mut version = 1;
    group.bench_function("relint_3kb_draft_after_edit", |b| {
        b.iter(|| {
            version += 1;
            let body = if version % 2 == 0 { &edited } else { &text };
            let change = json!({
                "textDocument": { "uri": URI, "version": version },
                "contentChanges": [{ "text": body }],
            });
            notify(&client, "textDocument/didChange", change);
            // The bench cannot get faster by silently doing nothing.
            assert_eq!(black_box(published(&client, version)), expected);
        });
    });
    group.finish();
}

criterion_group!(benches, relint_after_edit);
criterion_main!(benches);
