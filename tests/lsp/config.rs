//! `.tact.yml` in the editor: found like `tact check` finds it, edited by
//! "ignore RULE in this project", and picked up again when it changes.

use std::path::Path;

use serde_json::{Value, json};

use crate::support::{Client, DRAFT, file_uri, pack_config};

fn codes(published: &Value) -> Vec<String> {
    published["diagnostics"]
        .as_array()
        .expect("diagnostics")
        .iter()
        .map(|d| d["code"].as_str().expect("code").to_owned())
        .collect()
}

fn workspace(dir: &Path) -> Client {
    Client::start(json!({
        "capabilities": crate::support::capabilities(false),
        "workspaceFolders": [{ "uri": file_uri(dir), "name": "drafts" }],
        "initializationOptions": crate::support::pack_options(),
    }))
    .0
}

#[test]
fn the_config_file_applies_like_in_tact_check() {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(dir.path().join(".tact.yml"), format!("{}ignore: [no-exit]\n", pack_config())).expect("write");
    std::fs::create_dir(dir.path().join("drafts")).expect("mkdir");
    let path = dir.path().join("drafts/zoe.txt");
    std::fs::write(&path, DRAFT).expect("write");
    let mut client = workspace(dir.path());
    let published = client.open(&file_uri(&path), "plaintext", DRAFT);
    assert_eq!(codes(&published), ["reproach", "reproach", "placeholder"]);

    // The same file through the CLI gives the same findings.
    let cli = std::process::Command::new(env!("CARGO_BIN_EXE_tact"))
        .args(["check", "--format", "concise"])
        .arg(&path)
        .output()
        .expect("tact runs");
    let stdout = String::from_utf8_lossy(&cli.stdout);
    let cli_codes: Vec<&str> =
        stdout.lines().filter_map(|l| l.split_once('[')?.1.split_once(']').map(|(code, _)| code)).collect();
    assert_eq!(cli_codes, ["reproach", "reproach", "placeholder"]);
    client.shutdown();
}

#[test]
fn ignore_rule_edits_the_config_keeping_comments() {
    let dir = tempfile::tempdir().expect("temp dir");
    let config = dir.path().join(".tact.yml");
    let team = format!("# Our team's settings.\n{}ignore:\n  - no-exit # we ask politely anyway\n", pack_config());
    std::fs::write(&config, &team).expect("write");
    let path = dir.path().join("zoe.txt");
    let uri = file_uri(&path);
    let mut client = workspace(dir.path());
    let published = client.open(&uri, "plaintext", DRAFT);
    let diagnostic = published["diagnostics"][0].clone();
    assert_eq!(diagnostic["code"], "reproach");

    let actions = client.request(
        "textDocument/codeAction",
        json!({ "textDocument": { "uri": uri }, "range": diagnostic["range"], "context": { "diagnostics": [diagnostic] } }),
    );
    let ignore = actions
        .as_array()
        .expect("actions")
        .iter()
        .find(|a| a["title"].as_str().is_some_and(|t| t.starts_with("Ignore")))
        .expect("an ignore action")
        .clone();
    assert_eq!(ignore["title"], "Ignore `reproach` in this project (.tact.yml)");
    let command = &ignore["command"];
    let result = client.request(
        "workspace/executeCommand",
        json!({ "command": command["command"], "arguments": command["arguments"] }),
    );
    assert_eq!(result, Value::Null);
    assert_eq!(std::fs::read_to_string(&config).expect("read"), format!("{team}  - reproach\n"));
    // Open drafts are checked again at once.
    assert_eq!(codes(&client.diagnostics(&uri)), ["placeholder"]);
    client.shutdown();
}

#[test]
fn ignore_rule_creates_the_config_at_the_workspace_root() {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::create_dir(dir.path().join("notes")).expect("mkdir");
    let uri = file_uri(&dir.path().join("notes/zoe.md"));
    let mut client = workspace(dir.path());
    client.open(&uri, "markdown", DRAFT);
    let arguments = json!([{ "rule": "placeholder", "uri": uri }]);
    client.request("workspace/executeCommand", json!({ "command": "tact.ignoreRule", "arguments": arguments }));
    let text = std::fs::read_to_string(dir.path().join(".tact.yml")).expect("created at the root");
    assert!(text.ends_with("ignore: [placeholder]\n"), "{text}");
    assert!(!codes(&client.diagnostics(&uri)).contains(&"placeholder".to_owned()));
    client.shutdown();
}

#[test]
fn config_changes_apply_without_a_restart() {
    let dir = tempfile::tempdir().expect("temp dir");
    let config = dir.path().join(".tact.yml");
    std::fs::write(&config, "# nothing yet\n").expect("write");
    let uri = file_uri(&dir.path().join("zoe.txt"));
    let mut client = workspace(dir.path());
    assert_eq!(codes(&client.open(&uri, "plaintext", DRAFT)).len(), 4);

    // A watched-file event re-lints open drafts.
    std::fs::write(&config, "# nothing yet\nignore: [reproach]\n").expect("write");
    client.notify("workspace/didChangeWatchedFiles", json!({ "changes": [{ "uri": file_uri(&config), "type": 2 }] }));
    assert_eq!(codes(&client.diagnostics(&uri)), ["no-exit", "placeholder"]);

    // Without an event, the file's new modification time is noticed on the next edit.
    std::fs::write(&config, "levels: { placeholder: error }\n").expect("write");
    let published = client.change(&uri, 2, DRAFT);
    assert_eq!(codes(&published).len(), 4);
    assert_eq!(published["diagnostics"][3]["severity"], 1);

    // A broken config is reported on the draft, pointing at the file.
    std::fs::write(&config, "levels: { placeholder: loud }\n").expect("write");
    let published = client.change(&uri, 3, DRAFT);
    assert_eq!(codes(&published), ["config"]);
    let message = published["diagnostics"][0]["message"].as_str().expect("message");
    assert!(message.contains(".tact.yml:1:"), "{message}");
    client.shutdown();
}

#[test]
fn settings_pulled_from_the_client() {
    let (mut client, _) = Client::start(json!({
        "capabilities": { "workspace": { "configuration": true } },
    }));
    // The server asks for the `tact` section; answer with pre-send mode on.
    let request = loop {
        let message = client.inbox.pop();
        if let Some(lsp_server::Message::Request(r)) = message {
            break r;
        }
        if message.is_none() {
            // Nothing buffered yet: wait for the next message via a harmless request.
            client.request_raw("tact/unknown", Value::Null);
        }
    };
    assert_eq!(request.method, "workspace/configuration");
    let mut settings = crate::support::pack_options();
    settings["preSend"] = json!(true);
    let reply = lsp_server::Response::new_ok(request.id, json!([settings]));
    client.reply(reply);
    let published = client.open(crate::support::URI, "plaintext", DRAFT);
    let placeholder = published["diagnostics"].as_array().expect("diagnostics").last().expect("one").clone();
    assert_eq!((placeholder["code"].as_str(), placeholder["severity"].as_u64()), (Some("placeholder"), Some(1)));
    client.shutdown();
}
