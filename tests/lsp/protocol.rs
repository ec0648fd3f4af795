//! What an editor receives for a realistic draft: diagnostics, code actions
//! and hover, in UTF-16 (the default) and UTF-8 (when offered).

use serde_json::{Value, json};

use crate::support::{Client, DRAFT, URI, action_edits, apply_edits, capabilities};

fn position_of(needle: &str, utf8: bool) -> Value {
    let at = DRAFT.find(needle).expect("needle in draft");
    let line_start = DRAFT[..at].rfind('\n').map_or(0, |i| i + 1);
    let prefix = &DRAFT[line_start..at];
    let character = if utf8 { prefix.len() } else { prefix.encode_utf16().count() };
    json!({ "line": DRAFT[..at].matches('\n').count(), "character": character })
}

#[test]
fn initialize_negotiates_the_position_encoding() {
    let (client, mut init) = Client::start(json!({ "capabilities": capabilities(false) }));
    init["serverInfo"]["version"] = json!("[version]");
    insta::assert_yaml_snapshot!("initialize_result", init);
    client.shutdown();
    let (client, init) = Client::start(json!({ "capabilities": capabilities(true) }));
    assert_eq!(init["capabilities"]["positionEncoding"], "utf-8");
    client.shutdown();
}

#[test]
fn diagnostics_on_open_in_utf16() {
    let mut client = Client::with(false, Value::Null);
    let published = client.open(URI, "plaintext", DRAFT);
    insta::assert_yaml_snapshot!("diagnostics_utf16", published);
    // "as I mentioned" follows "José" and "🙌": 38 chars, 39 UTF-16 units in.
    let first = &published["diagnostics"][0]["range"]["start"];
    assert_eq!(first, &position_of("as I mentioned", false));
    assert_eq!(first["character"], 39);
    client.shutdown();
}

#[test]
fn diagnostics_on_open_in_utf8() {
    let mut client = Client::with(true, Value::Null);
    let published = client.open(URI, "plaintext", DRAFT);
    let ranges: Vec<(Value, Value)> = published["diagnostics"]
        .as_array()
        .expect("diagnostics")
        .iter()
        .map(|d| (d["code"].clone(), d["range"].clone()))
        .collect();
    insta::assert_yaml_snapshot!("diagnostics_utf8_ranges", ranges);
    // The same words, counted in bytes: é, 🙌 and the rest are wider.
    let first = &published["diagnostics"][0]["range"]["start"];
    assert_eq!(first, &position_of("as I mentioned", true));
    assert_eq!(first["character"], 42);
    client.shutdown();
}

#[test]
fn code_actions_at_a_finding() {
    let mut client = Client::with(false, Value::Null);
    let published = client.open(URI, "plaintext", DRAFT);
    let at_mention: Vec<Value> = published["diagnostics"]
        .as_array()
        .expect("diagnostics")
        .iter()
        .filter(|d| d["range"]["start"] == position_of("as I mentioned", false))
        .cloned()
        .collect();
    assert_eq!(at_mention.len(), 1);
    let range = at_mention[0]["range"].clone();
    let actions = client.request(
        "textDocument/codeAction",
        json!({ "textDocument": { "uri": URI }, "range": range, "context": { "diagnostics": at_mention } }),
    );
    insta::assert_yaml_snapshot!("code_actions_at_mention", actions);
    // The preferred quick fix rewrites exactly the flagged words.
    let preferred = actions.as_array().expect("actions").iter().find(|a| a["isPreferred"] == true).expect("preferred");
    let fixed = apply_edits(DRAFT, &action_edits(preferred), "utf-16");
    assert!(fixed.contains("🙌 and, as I said, Café Ñandú"), "{fixed}");
    client.shutdown();
}

#[test]
fn fix_all_applies_every_safe_fix() {
    let mut client = Client::with(true, Value::Null);
    client.open(URI, "plaintext", DRAFT);
    let start = json!({ "line": 0, "character": 0 });
    let actions = client.request(
        "textDocument/codeAction",
        json!({
            "textDocument": { "uri": URI },
            "range": { "start": start, "end": start },
            "context": { "diagnostics": [], "only": ["source.fixAll"] },
        }),
    );
    let actions = actions.as_array().expect("actions");
    assert_eq!(actions.len(), 1, "{actions:?}");
    assert_eq!(actions[0]["kind"], "source.fixAll.tact");
    let fixed = apply_edits(DRAFT, &action_edits(&actions[0]), "utf-8");
    let expected = DRAFT.replace("as I mentioned", "as I said").replace("Per my last email", "In my earlier note");
    assert_eq!(fixed, expected);
    client.shutdown();
}

#[test]
fn hover_on_a_flagged_span() {
    let mut client = Client::with(false, Value::Null);
    client.open(URI, "plaintext", DRAFT);
    let mut position = position_of("as I mentioned", false);
    position["character"] = json!(position["character"].as_u64().expect("u64") + 3);
    let hover = client.request("textDocument/hover", json!({ "textDocument": { "uri": URI }, "position": position }));
    insta::assert_yaml_snapshot!("hover_at_mention", hover);
    let nothing = client.request(
        "textDocument/hover",
        json!({ "textDocument": { "uri": URI }, "position": { "line": 2, "character": 1 } }),
    );
    assert_eq!(nothing, Value::Null);
    client.shutdown();
}

#[test]
fn hover_on_an_ask_says_how_it_reads() {
    let mut client = Client::with(false, Value::Null);
    let text = "Hi Zoë,\n\nCould you introduce me to Dana on your data team? Thanks!\n\nBest,\nAna\n";
    client.open(URI, "plaintext", text);
    let hover = client.request(
        "textDocument/hover",
        json!({ "textDocument": { "uri": URI }, "position": { "line": 2, "character": 10 } }),
    );
    let value = hover["contents"]["value"].as_str().expect("markdown");
    assert!(value.starts_with("**Ask** · intro · a favour of real time or effort, no time named · tone +"), "{value}");
    assert!(value.contains("for: could/would, thanks, greeting"), "{value}");
    assert!(value.contains("Score so far: **"), "{value}");
    assert_eq!(hover["range"]["start"], json!({ "line": 2, "character": 0 }));
    client.shutdown();
}

#[test]
fn edits_relint_and_close_clears() {
    let mut client = Client::with(false, Value::Null);
    client.open(URI, "plaintext", DRAFT);
    let clean = "Hi Zoë,\n\nLoved your talk on pricing 🙌, thank you for sharing the slides.\n\nBest,\nAna\n";
    let published = client.change(URI, 2, clean);
    assert_eq!(published["version"], 2);
    assert_eq!(published["diagnostics"], json!([]));
    let published = client.change(URI, 3, "Hi José, as I mentioned, the venue is booked.");
    assert_eq!(published["diagnostics"][0]["code"], "reproach");
    client.notify("textDocument/didClose", json!({ "textDocument": { "uri": URI } }));
    let published = client.diagnostics(URI);
    assert_eq!(published["diagnostics"], json!([]));
    client.shutdown();
}

#[test]
fn only_drafts_are_checked() {
    let mut client = Client::with(false, Value::Null);
    let code = "file:///tact-test-drafts/main.rs";
    client.notify(
        "textDocument/didOpen",
        json!({ "textDocument": { "uri": code, "languageId": "rust", "version": 1, "text": "// as I mentioned" } }),
    );
    for (uri, language) in [("file:///tact-test-drafts/a.md", "markdown"), ("file:///tact-test-drafts/b.eml", "")] {
        let published = client.open(uri, language, "Hi Zoë, as I mentioned, thanks.");
        assert_eq!(published["diagnostics"][0]["code"], "reproach", "{uri}");
    }
    let hover = client.request(
        "textDocument/hover",
        json!({ "textDocument": { "uri": code }, "position": { "line": 0, "character": 5 } }),
    );
    assert_eq!(hover, Value::Null);
    let published_for_code = client.inbox.iter().any(|m| format!("{m:?}").contains("main.rs"));
    assert!(!published_for_code);
    client.shutdown();
}

#[test]
fn pre_send_mode_makes_placeholders_errors() {
    let severity_of_placeholder = |published: &Value| {
        published["diagnostics"]
            .as_array()
            .expect("diagnostics")
            .iter()
            .find(|d| d["code"] == "placeholder")
            .map(|d| d["severity"].clone())
            .expect("placeholder flagged")
    };
    let mut client = Client::with(false, Value::Null);
    assert_eq!(severity_of_placeholder(&client.open(URI, "plaintext", DRAFT)), 2);
    // Settings sent later replace the earlier ones as a whole, nested under `tact`.
    let mut settings = crate::support::pack_options();
    settings["preSend"] = json!(true);
    client.notify("workspace/didChangeConfiguration", json!({ "settings": { "tact": settings } }));
    assert_eq!(severity_of_placeholder(&client.diagnostics(URI)), 1);
    client.shutdown();

    let mut client = Client::with(false, json!({ "preSend": true, "levels": { "reproach": "info" } }));
    let published = client.open(URI, "plaintext", DRAFT);
    assert_eq!(severity_of_placeholder(&published), 1);
    assert_eq!(published["diagnostics"][0]["severity"], 3, "levels are configurable");
    client.shutdown();
}

#[test]
fn docs_url_becomes_a_code_description() {
    let mut client = Client::with(false, json!({ "docsUrl": "https://example.org/rules#{rule}" }));
    let published = client.open(URI, "plaintext", DRAFT);
    let first = &published["diagnostics"][0];
    assert_eq!(first["codeDescription"]["href"], "https://example.org/rules#reproach");
    assert_eq!(first["message"], "“as I mentioned” reads as a reproach");
    client.shutdown();
}
