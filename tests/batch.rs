//! Batch audits from the outside: the `tact` binary over `fixtures/batch/`
//! (LinkedIn export, mbox, HTML-only eml, HTML, JSON lines, ragged CSV) and
//! over bad inputs made on the fly. Outputs a user reads are snapshots, run
//! with relative paths and a few rules that will stay in the pack.

use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

const RULES: &str = "no-escape-clause,passive-aggressive,unfilled-placeholder";

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/batch")
}

/// `tact check ARGS` in `dir`, with the three stable rules selected.
fn check_in(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_tact"))
        .current_dir(dir)
        .arg("check")
        .args(["--isolated", "--color", "never", "--select", RULES])
        .args(args)
        .env("NO_COLOR", "1")
        .output()
        .expect("tact runs")
}

fn check(args: &[&str]) -> Output {
    check_in(&fixtures(), args)
}

fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

fn code(output: &Output) -> i32 {
    output.status.code().unwrap_or(-1)
}

/// Snapshot settings: the time taken and the version are not stable.
fn redacted() -> insta::Settings {
    let mut settings = insta::Settings::clone_current();
    settings.add_filter(r"in \d+\.\d+s\.", "in [TIME].");
    settings.add_filter(r#""(semanticVersion|version)": "\d+\.\d+\.\d+[^"]*""#, r#""$1": "[VERSION]""#);
    settings
}

#[test]
fn concise_over_every_fixture_format() {
    let output = check(&["--format", "concise", "."]);
    assert_eq!(code(&output), 2, "broken fixtures are input errors: exit 2");
    insta::assert_snapshot!("concise_fixture_tree", stdout(&output));
    let err = stderr(&output);
    assert!(err.contains("linkedin/Invitations.csv: read as LinkedIn invitations"), "{err}");
    assert!(err.contains("skipped 1 row with an empty body"), "{err}");
}

#[test]
fn summary_shows_where_to_start() {
    let output = check(&["--summary", "."]);
    assert_eq!(code(&output), 2, "broken fixtures are input errors");
    let text = stdout(&output);
    assert!(text.contains("Start here"), "{text}");
    assert!(text.contains("[near-duplicate] 2 messages are one template"), "{text}");
    redacted().bind(|| insta::assert_snapshot!("summary_fixture_tree", text));
}

#[test]
fn summary_as_json() {
    let output = check(&["--summary", "--format", "json", "templates"]);
    let summary: serde_json::Value = serde_json::from_slice(&output.stdout).expect("JSON summary");
    assert_eq!(summary["messages"], 5);
    let groups = summary["duplicates"].as_array().expect("duplicates");
    assert_eq!(groups.len(), 1);
    let names: Vec<&str> = groups[0]["messages"].as_array().expect("names").iter().filter_map(|v| v.as_str()).collect();
    assert_eq!(names, ["templates/followup-a.txt", "templates/followup-b.txt"]);
}

#[test]
fn sarif_log() {
    let output = check(&["--format", "sarif", "templates", "web", "linkedin/messages.csv", "broken/ragged.csv"]);
    let text = stdout(&output);
    let log: serde_json::Value = serde_json::from_str(&text).expect("SARIF is JSON");
    assert_eq!(log["version"], "2.1.0");
    let rules = log["runs"][0]["tool"]["driver"]["rules"].as_array().expect("rules");
    assert!(rules.iter().all(|r| r["help"]["text"].as_str().is_some_and(|t| t.len() > 40)), "rules carry help");
    redacted().bind(|| insta::assert_snapshot!("sarif_log", text));
}

#[test]
fn github_annotations() {
    let output = check(&["--format", "github", "templates", "web", "linkedin", "broken/ragged.csv"]);
    insta::assert_snapshot!("github_annotations", stdout(&output));
}

#[test]
fn linkedin_from_keeps_only_sent_messages() {
    let output = check(&["--format", "json", "--from", "http://linkedin.com/in/ana-ruiz/", "linkedin"]);
    let doc: serde_json::Value = serde_json::from_slice(&output.stdout).expect("JSON");
    let messages = doc["messages"].as_array().expect("messages");
    let rows: Vec<String> = messages
        .iter()
        .map(|m| format!("{} {}", m["path"].as_str().unwrap_or(""), m["record"]["name"].as_str().unwrap_or("")))
        .collect();
    assert_eq!(
        rows,
        [
            "linkedin/Invitations.csv row 2",
            "linkedin/Invitations.csv row 5",
            "linkedin/messages.csv row 2",
            "linkedin/messages.csv row 4",
            "linkedin/messages.csv row 5",
        ]
    );
    let invitation = &messages[0];
    assert_eq!(invitation["kind"], "linkedin-note");
    assert_eq!(invitation["kind_source"]["from"], "input");
    // Entities are decoded before linting.
    let text_of = |m: &serde_json::Value| m["diagnostics"][0]["text"].as_str().unwrap_or("").to_owned();
    assert!(!text_of(&messages[2]).contains("&amp;"));
    // A LinkedIn message with a subject is an InMail.
    assert_eq!(messages[3]["kind"], "inmail");
}

#[test]
fn csv_columns_by_flag() {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::write(
        dir.path().join("seq.csv"),
        "step;title;copy\n1;Hello;\"Hi {first_name}, could you review my deck?\"\n",
    )
    .expect("write");
    let output = check_in(dir.path(), &["--format", "concise", "--body-col", "copy", "--subject-col", "2", "seq.csv"]);
    let text = stdout(&output);
    assert!(text.contains("seq.csv[row 2 copy]:3:4: warning [unfilled-placeholder]"), "{text}");
    let output = check_in(dir.path(), &["--body-col", "nope", "seq.csv"]);
    assert_eq!(code(&output), 2, "a missing column: that file is not checked");
    assert!(stdout(&output).contains("--body-col `nope`: no such column (columns: step, title, copy)"));
}

/// The paths a `--format jsonl` run checked, in order.
fn checked_paths(args: &[&str]) -> Vec<String> {
    let mut all = vec!["--format", "jsonl"];
    all.extend_from_slice(args);
    stdout(&check(&all))
        .lines()
        .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
        .filter_map(|v| v["path"].as_str().map(str::to_owned))
        .collect()
}

#[test]
fn include_and_exclude_globs() {
    let paths = checked_paths(&["--include", "*.txt", "--exclude", "archive", "templates"]);
    assert_eq!(paths, ["templates/followup-a.txt", "templates/followup-b.txt", "templates/thanks.txt"]);
    let paths = checked_paths(&["--exclude", "**/archive/**", "templates"]);
    assert_eq!(paths.len(), 4, "{paths:?}");
    let paths = checked_paths(&["templates"]);
    assert_eq!(paths[0], "templates/archive/old.txt", "walked in sorted order: {paths:?}");
}

#[test]
fn fail_under_gates_on_scores() {
    let output = check(&["--fail-under", "50", "templates/thanks.txt", "templates/followup-a.txt"]);
    assert_eq!(code(&output), 0, "{}", stdout(&output));
    let output = check(&["--fail-under", "95", "templates/archive/old.txt"]);
    assert_eq!(code(&output), 1);
}

#[test]
fn jsonl_stdin_is_a_streaming_filter() {
    let mut child = Command::new(env!("CARGO_BIN_EXE_tact"))
        .args(["check", "-", "--isolated", "--select", RULES, "--input-format", "jsonl", "--format", "jsonl"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("tact runs");
    let mut input = child.stdin.take().expect("stdin");
    let mut output = BufReader::new(child.stdout.take().expect("stdout"));
    let mut read_line = || {
        let mut line = String::new();
        output.read_line(&mut line).expect("a line");
        serde_json::from_str::<serde_json::Value>(&line).expect("JSON line")
    };
    // Each answer arrives while standard input is still open.
    writeln!(input, r#"{{"id": 1, "subject": "Hi", "body": "Could you introduce me to Dana?"}}"#).expect("write");
    input.flush().expect("flush");
    let first = read_line();
    assert_eq!(first["record"]["id"], "1");
    assert_eq!(first["diagnostics"][0]["rule"], "no-escape-clause");
    writeln!(input, "{{broken").expect("write");
    input.flush().expect("flush");
    let second = read_line();
    assert_eq!(second["record"]["name"], "line 2");
    assert!(second["error"].as_str().is_some_and(|e| e.starts_with("invalid JSON")));
    writeln!(input, r#"{{"id": "x", "body": "Thanks so much for the intro to Jorge, the pilot is live."}}"#)
        .expect("write");
    drop(input);
    let third = read_line();
    assert_eq!(third["record"]["id"], "x");
    assert_eq!(third["diagnostics"], serde_json::json!([]));
    let status = child.wait().expect("exits");
    assert_eq!(status.code(), Some(2), "a broken line is an input error");
}

#[test]
fn html_report_is_self_contained_and_escaped() {
    let dir = tempfile::tempdir().expect("tempdir");
    let evil = dir.path().join("evil.txt");
    std::fs::write(&evil, "Hi {first_name}, </script><img src=x onerror=alert(1)> per my last email, could you reply?")
        .expect("write");
    let report = dir.path().join("report.html");
    let output = check(&[
        "--quiet",
        "--report",
        report.to_str().expect("utf-8 path"),
        "templates",
        evil.to_str().expect("utf-8 path"),
    ]);
    assert_eq!(code(&output), 1);
    let page = std::fs::read_to_string(&report).expect("report written");
    assert!(page.starts_with("<!doctype html>"));
    assert!(!page.contains("<img src=x"), "message text is escaped");
    assert_eq!(page.matches("</script>").count(), 2, "only the page's own script elements close");
    for remote in ["http://", "https://", "//cdn", "@import"] {
        let outside_data = page.split("<script type=\"application/json\"").next().unwrap_or("");
        assert!(!outside_data.contains(remote), "no network: found {remote}");
    }
    assert!(page.contains("id=\"histogram\"") && page.contains("id=\"rule-chart\""));
    assert!(page.contains("data-rule=\"passive-aggressive\""));
}

#[test]
fn bad_inputs_are_reported_per_file_and_the_run_goes_on() {
    let dir = tempfile::tempdir().expect("tempdir");
    let d = dir.path();
    std::fs::write(d.join("binary.txt"), b"\x00\x01\x02PNG\x00").expect("write");
    std::fs::write(d.join("latin1.txt"), b"Hi Zo\xeb, could you review my deck?").expect("write");
    std::fs::write(d.join("empty.md"), b"").expect("write");
    std::fs::write(d.join("big.txt"), "Could you help? ".repeat(200)).expect("write");
    let huge = std::fs::File::create(d.join("huge.csv")).expect("create");
    huge.set_len(1 << 30).expect("sparse 1 GB file");
    std::fs::write(d.join("broken.mbox"), b"not a mailbox\n").expect("write");
    std::fs::write(d.join("good.txt"), "Hi Sam, could you review my deck? No worries if not.").expect("write");
    std::fs::create_dir(d.join("loop")).expect("mkdir");
    #[cfg(unix)]
    {
        std::os::unix::fs::symlink(d.join("loop"), d.join("loop/again")).expect("symlink loop");
        std::os::unix::fs::symlink(d.join("missing.txt"), d.join("dangling.txt")).expect("dangling symlink");
    }
    let output = check_in(d, &["--format", "concise", "--max-file-size", "2K", "."]);
    assert_eq!(code(&output), 2, "input errors exit 2: {}", stderr(&output));
    let out = stdout(&output);
    let err = stderr(&output);
    assert!(out.contains("./huge.csv: error [input] larger than the --max-file-size limit of 2K"), "{out}");
    assert!(out.contains("./big.txt: error [input] larger than the --max-file-size limit"), "{out}");
    assert!(out.contains("./broken.mbox: error [input] not an mbox"), "{out}");
    assert!(out.contains("./latin1.txt:1:1: warning [input] invalid UTF-8 at byte 5"), "{out}");
    assert!(err.contains("warning: skipped 1 binary file (./binary.txt); tact checks text"), "{err}");
    assert!(err.contains("./empty.md: empty; nothing to check"), "{err}");
    #[cfg(unix)]
    {
        assert!(out.contains("symbolic link loop"), "{out}");
        assert!(out.contains("dangling.txt"), "{out}");
    }
    assert!(!out.contains("./good.txt"), "the good file is checked and clean: {out}");
    assert!(!err.contains("panicked"), "{err}");
}

#[test]
fn errors_that_stop_the_run_exit_2() {
    let output = check(&["--select", "no-such-rule", "templates"]);
    assert_eq!(code(&output), 2);
    let output = check(&["--summary", "--format", "sarif", "templates"]);
    assert_eq!(code(&output), 2);
    let output = check(&["--include", "[", "templates"]);
    assert_eq!(code(&output), 2);
}

#[test]
fn output_is_deterministic_whatever_the_threads() {
    let run = |threads: &str| {
        Command::new(env!("CARGO_BIN_EXE_tact"))
            .current_dir(fixtures())
            .args(["check", "--isolated", "--select", RULES, "--format", "jsonl", "."])
            .env("RAYON_NUM_THREADS", threads)
            .output()
            .expect("tact runs")
            .stdout
    };
    assert_eq!(run("1"), run("4"));
}
