//! Exceptions a template carries for itself, from the outside: `<!-- tact:
//! ignore RULE -->` in Markdown and HTML, `ignore:` and `tact: { ignore: }`
//! in front matter, and `unused-exception` for one that suppresses nothing.

use std::path::Path;
use std::process::{Command, Output};

/// A draft that `passive-aggressive` fires on, and nothing selected below.
const BODY: &str = "Hi Sam,\n\nPer my last email, could you send the deck?\n\nBest,\nAna\n";
/// The rules these tests run.
const RULES: &str = "passive-aggressive,shouting,unused-exception";

/// `tact check FILE` in `dir` with the rules above, concise unless `extra`
/// names a format.
fn check(dir: &Path, file: &str, extra: &[&str]) -> Output {
    let format: &[&str] = if extra.contains(&"--format") { &[] } else { &["--format", "concise"] };
    Command::new(env!("CARGO_BIN_EXE_tact"))
        .args(["check", file, "--isolated", "--select", RULES])
        .args(format)
        .args(extra)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .output()
        .expect("tact runs")
}

fn lines(o: &Output) -> Vec<String> {
    String::from_utf8_lossy(&o.stdout).lines().map(str::to_owned).collect()
}

/// `check` of one file holding `text`.
fn check_text(name: &str, text: &str, extra: &[&str]) -> (Output, Vec<String>) {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::write(dir.path().join(name), text).expect("write");
    let out = check(dir.path(), name, extra);
    let found = lines(&out);
    (out, found)
}

#[test]
fn without_an_exception_the_rule_fires() {
    let (out, found) = check_text("draft.md", BODY, &[]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(found, ["draft.md:3:1: warning [passive-aggressive] “Per my last email,” reads as a reproach"]);
}

#[test]
fn a_markdown_comment_excepts_the_template() {
    let text = format!("<!-- tact: ignore passive-aggressive -->\n{BODY}");
    let (out, found) = check_text("draft.md", &text, &[]);
    assert_eq!(found, Vec::<String>::new());
    assert_eq!(out.status.code(), Some(0), "nothing left: exit 0");
    // A category works as well, and the comment is not read as prose.
    let text = format!("{BODY}\n<!-- tact: ignore tone -->\n");
    assert_eq!(check_text("draft.md", &text, &[]).1, Vec::<String>::new());
}

#[test]
fn front_matter_excepts_the_template_with_either_key() {
    for front in
        ["ignore: [passive-aggressive]", "tact: { ignore: [passive-aggressive] }", "tact:\n  ignore:\n    - tone"]
    {
        let text = format!("---\n{front}\n---\n{BODY}");
        let (out, found) = check_text("draft.md", &text, &[]);
        assert_eq!(found, Vec::<String>::new(), "{front}");
        assert_eq!(out.status.code(), Some(0), "{front}");
    }
    // Plain-text templates take front matter too.
    let text = format!("---\ntact: {{ ignore: [passive-aggressive] }}\n---\n{BODY}");
    assert_eq!(check_text("draft.txt", &text, &[]).1, Vec::<String>::new());
}

#[test]
fn an_html_comment_excepts_the_page() {
    let page = "<html><body><p>Hi Sam,</p>\n<!-- tact: ignore passive-aggressive -->\n\
                <p>Per my last email, could you send the deck?</p><p>Best, Ana</p></body></html>\n";
    let (out, found) = check_text("mail.html", page, &[]);
    assert_eq!(found, Vec::<String>::new());
    assert_eq!(out.status.code(), Some(0));
}

#[test]
fn an_exception_that_suppresses_nothing_is_reported_where_it_is_written() {
    let text = format!("<!-- tact: ignore passive-aggressive, shouting -->\n{BODY}");
    let (out, found) = check_text("draft.md", &text, &[]);
    assert_eq!(out.status.code(), Some(1), "a warning: exit 1");
    assert_eq!(found, ["draft.md:1:39: warning [unused-exception] The exception for `shouting` suppresses nothing"]);

    let text = format!("---\ntact: {{ ignore: [passive-agressive] }}\n---\n{BODY}");
    let (_, found) = check_text("draft.md", &text, &[]);
    assert_eq!(
        found,
        [
            "draft.md:2:18: warning [unused-exception] The exception for `passive-agressive` suppresses nothing",
            "draft.md:6:1: warning [passive-aggressive] “Per my last email,” reads as a reproach",
        ]
    );
    // The human output says why, under the name.
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::write(dir.path().join("draft.md"), &text).expect("write");
    let human = check(dir.path(), "draft.md", &["--format", "human", "--color", "never"]);
    let shown = String::from_utf8_lossy(&human.stdout);
    assert!(shown.contains("no rule or category has this name"), "{shown}");
    // It costs the message's score nothing.
    let json = check(dir.path(), "draft.md", &["--format", "json"]);
    let report: serde_json::Value = serde_json::from_slice(&json.stdout).expect("JSON");
    let message = &report["messages"][0];
    let costs: Vec<&str> =
        message["score"]["breakdown"].as_array().expect("costs").iter().filter_map(|c| c["rule"].as_str()).collect();
    assert_eq!(costs, ["passive-aggressive"], "only passive-aggressive costs: {message}");
}

#[test]
fn unused_in_html_and_for_rules_not_run() {
    let page = "<p>Hi Sam, thanks for the intro to Priya.</p><!-- tact: ignore shouting -->\n";
    let (_, found) = check_text("mail.html", page, &[]);
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(found[0].contains("[unused-exception] The exception for `shouting` suppresses nothing"), "{found:?}");
    // A rule not selected in this run may be needed elsewhere: left alone.
    let text = format!("<!-- tact: ignore no-thanks -->\n{BODY}");
    let (_, found) = check_text("draft.md", &text, &["--ignore", "passive-aggressive"]);
    assert_eq!(found, Vec::<String>::new());
    // Ignored itself, it reports nothing.
    let text = "---\nignore: [unused-exception]\n---\n<!-- tact: ignore shouting -->\nHi Sam, thanks.\n";
    assert_eq!(check_text("draft.md", text, &[]).1, Vec::<String>::new());
}

#[test]
fn a_comment_tact_cannot_read_is_a_warning() {
    let text = format!("<!-- tact: ignroe passive-aggressive -->\n{BODY}");
    let (out, found) = check_text("draft.md", &text, &[]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        found.iter().any(|l| l.starts_with("draft.md:1:1: warning [input] unknown tact comment `ignroe`")),
        "{found:?}"
    );
    assert!(found.iter().any(|l| l.contains("[passive-aggressive]")), "not excepted: {found:?}");
}
