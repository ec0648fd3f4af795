//! Bad input, as a person meets it: each test drives the real binary with an
//! input that once gave a wrong answer, and asserts on what is printed and
//! on the exit code (0 clean, 1 findings, 2 not everything checked).

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Run `tact check` in `dir` with the stable test pack and `args`.
fn check_in(dir: &Path, args: &[&str]) -> Output {
    let pack = repo().join("tests/fixtures/pack");
    Command::new(env!("CARGO_BIN_EXE_tact"))
        .arg("check")
        .args(["--isolated", "--color", "never", "--rules"])
        .arg(pack)
        .args(["--select", "demo"])
        .args(args)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .output()
        .expect("tact runs")
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn code(o: &Output) -> i32 {
    o.status.code().unwrap_or(-1)
}

const REPROACH: &str = "Per my last email, could you send the deck?";

#[test]
fn a_missing_path_is_an_error_not_all_clear() {
    let dir = tempfile::tempdir().expect("temp");
    let out = check_in(dir.path(), &["missing.txt"]);
    assert_eq!(code(&out), 2);
    let text = stdout(&out);
    assert!(text.contains("error: missing.txt: no such file or folder"), "{text}");
    assert!(!text.contains("All clear"), "{text}");
    assert!(stderr(&out).contains("warning: nothing was checked: no input could be read"), "{}", stderr(&out));
}

#[test]
fn a_missing_path_beside_a_good_one_still_exits_2() {
    let dir = tempfile::tempdir().expect("temp");
    std::fs::write(dir.path().join("good.txt"), "Thanks for the intro to Jorge.").expect("write");
    let out = check_in(dir.path(), &["good.txt", "missing.txt"]);
    assert_eq!(code(&out), 2);
    let text = stdout(&out);
    assert!(text.contains("No problems found in 1 message, but 1 input could not be checked."), "{text}");
}

#[test]
fn a_named_binary_file_is_an_error() {
    let dir = tempfile::tempdir().expect("temp");
    std::fs::write(dir.path().join("logo.txt"), b"PK\x03\x04\x00\x00\x01").expect("write");
    let out = check_in(dir.path(), &["--format", "concise", "logo.txt"]);
    assert_eq!(code(&out), 2);
    assert!(stdout(&out).contains("logo.txt: error [input] binary file: tact checks text"), "{}", stdout(&out));
}

#[test]
fn binary_files_met_in_a_folder_are_counted_in_one_warning_and_the_summary() {
    let dir = tempfile::tempdir().expect("temp");
    let d = dir.path();
    std::fs::write(d.join("a.txt"), b"\x00\x01").expect("write");
    std::fs::write(d.join("b.txt"), b"\x00\x02").expect("write");
    std::fs::write(d.join("note.txt"), REPROACH).expect("write");
    let out = check_in(d, &["--format", "concise", "."]);
    assert_eq!(code(&out), 1, "findings in the text file; binary files do not change the code");
    let err = stderr(&out);
    assert_eq!(err.matches("binary").count(), 1, "one line: {err}");
    assert!(err.contains("warning: skipped 2 binary files (./a.txt and 1 other); tact checks text"), "{err}");
    let summary = check_in(d, &["--summary", "."]);
    assert!(stdout(&summary).contains("Skipped 2 binary files: tact checks text."), "{}", stdout(&summary));
}

#[test]
fn an_empty_folder_checks_nothing_and_says_so() {
    let dir = tempfile::tempdir().expect("temp");
    std::fs::create_dir(dir.path().join("empty")).expect("mkdir");
    let out = check_in(dir.path(), &["empty"]);
    assert_eq!(code(&out), 2);
    assert!(stderr(&out).contains("warning: nothing was checked"), "{}", stderr(&out));
    assert!(stdout(&out).contains("Nothing was checked."), "{}", stdout(&out));
}

#[test]
fn from_matching_nobody_checks_nothing_and_says_so() {
    let dir = tempfile::tempdir().expect("temp");
    std::fs::write(dir.path().join("sent.jsonl"), format!("{{\"from\": \"ana\", \"body\": \"{REPROACH}\"}}\n"))
        .expect("write");
    let out = check_in(dir.path(), &["--from", "nobody", "sent.jsonl"]);
    assert_eq!(code(&out), 2);
    assert!(stderr(&out).contains("warning: nothing was checked"), "{}", stderr(&out));
}

#[test]
fn utf16_with_a_byte_order_mark_is_decoded() {
    let dir = tempfile::tempdir().expect("temp");
    for (name, little) in [("le.txt", true), ("be.txt", false)] {
        let mut bytes = if little { vec![0xFF, 0xFE] } else { vec![0xFE, 0xFF] };
        for unit in REPROACH.encode_utf16() {
            bytes.extend(if little { unit.to_le_bytes() } else { unit.to_be_bytes() });
        }
        std::fs::write(dir.path().join(name), bytes).expect("write");
        let out = check_in(dir.path(), &["--format", "concise", name]);
        assert_eq!(code(&out), 1, "{}", stderr(&out));
        assert!(stdout(&out).contains(&format!("{name}:1:1: warning [demo-reproach]")), "{}", stdout(&out));
    }
}

#[test]
fn a_utf8_byte_order_mark_does_not_hide_the_subject() {
    let dir = tempfile::tempdir().expect("temp");
    std::fs::write(dir.path().join("mail.txt"), "\u{feff}Subject: quick question\n\nHi Sam, thanks.").expect("write");
    let out = Command::new(env!("CARGO_BIN_EXE_tact"))
        .args(["check", "--isolated", "--select", "vague-subject", "--format", "concise", "mail.txt"])
        .current_dir(dir.path())
        .output()
        .expect("tact runs");
    assert_eq!(code(&out), 1, "{}", stderr(&out));
    assert!(stdout(&out).contains("mail.txt:1:10: warning [vague-subject]"), "{}", stdout(&out));
}

#[test]
fn fix_keeps_a_utf8_byte_order_mark() {
    let dir = tempfile::tempdir().expect("temp");
    let path = dir.path().join("draft.txt");
    std::fs::write(&path, "\u{feff}Hi Sam, per my last email, could you send the deck?").expect("write");
    let out = Command::new(env!("CARGO_BIN_EXE_tact"))
        .args(["check", "--isolated", "--select", "passive-aggressive", "--fix", "draft.txt"])
        .current_dir(dir.path())
        .output()
        .expect("tact runs");
    assert!(stderr(&out).contains("applied 1 fix"), "{}", stderr(&out));
    let written = std::fs::read(&path).expect("read");
    assert!(written.starts_with(b"\xEF\xBB\xBF"), "{written:?}");
    assert!(!String::from_utf8_lossy(&written).contains("per my last email"));
}

#[test]
fn one_nul_byte_in_one_mbox_message_skips_that_message_only() {
    let dir = tempfile::tempdir().expect("temp");
    let mbox = format!(
        "From a@x Mon Jan  1 00:00:00 2024\nFrom: a@x\nSubject: one\n\n{REPROACH}\n\n\
         From b@x Mon Jan  1 00:00:00 2024\nFrom: b@x\nSubject: two\n\nbroken \0 bytes\n\n\
         From c@x Mon Jan  1 00:00:00 2024\nFrom: c@x\nSubject: three\n\n{REPROACH}\n"
    );
    std::fs::write(dir.path().join("sent.mbox"), mbox).expect("write");
    let out = check_in(dir.path(), &["--format", "concise", "sent.mbox"]);
    assert_eq!(code(&out), 2, "one message could not be read");
    let text = stdout(&out);
    assert!(text.contains("sent.mbox[message 1]"), "{text}");
    assert!(text.contains("sent.mbox[message 3]"), "{text}");
    assert!(text.contains("sent.mbox[message 2]: error [input] message starting at line 7 holds a NUL byte"), "{text}");
}

#[test]
fn one_nul_byte_in_one_csv_row_skips_that_row_only() {
    let dir = tempfile::tempdir().expect("temp");
    std::fs::write(dir.path().join("seq.csv"), format!("subject,body\nA,{REPROACH}\nB,bad \0 cell\nC,{REPROACH}\n"))
        .expect("write");
    let out = check_in(dir.path(), &["--format", "concise", "seq.csv"]);
    assert_eq!(code(&out), 2);
    let text = stdout(&out);
    assert!(text.contains("seq.csv[row 2 body]"), "{text}");
    assert!(text.contains("seq.csv[row 4 body]"), "{text}");
    assert!(text.contains("seq.csv[row 3 body]: error [input] line 3 holds a NUL byte"), "{text}");
}

#[test]
fn a_clean_file_exits_0_and_findings_exit_1() {
    let dir = tempfile::tempdir().expect("temp");
    std::fs::write(dir.path().join("good.txt"), "Thanks for the intro to Jorge.").expect("write");
    std::fs::write(dir.path().join("bad.txt"), REPROACH).expect("write");
    let good = check_in(dir.path(), &["good.txt"]);
    assert_eq!(code(&good), 0, "{}", stdout(&good));
    assert!(stdout(&good).contains("All clear: 1 message checked"), "{}", stdout(&good));
    assert_eq!(code(&check_in(dir.path(), &["bad.txt"])), 1);
}

#[test]
fn a_long_line_is_shown_as_a_window_not_whole() {
    let dir = tempfile::tempdir().expect("temp");
    let line = format!("{}{REPROACH} {}", "word ".repeat(6000), "more ".repeat(6000));
    std::fs::write(dir.path().join("long.txt"), &line).expect("write");
    let out = check_in(dir.path(), &["long.txt"]);
    assert_eq!(code(&out), 1);
    let text = stdout(&out);
    assert!(text.len() < 4000, "{} bytes of output for a {} byte line", text.len(), line.len());
    assert!(text.contains("[long.txt:1:30001]"), "the column is the one in the whole line: {text}");
    assert!(text.contains("…word word word word word Per my last email, could you send the deck? more"), "{text}");
    assert!(text.lines().all(|l| l.chars().count() <= 160), "{text}");
}

#[test]
fn printed_findings_are_capped_per_message_and_the_rest_counted() {
    let dir = tempfile::tempdir().expect("temp");
    std::fs::write(dir.path().join("many.txt"), "Per my last email. ".repeat(200)).expect("write");
    for format in ["human", "concise"] {
        let out = check_in(dir.path(), &["--format", format, "many.txt"]);
        let text = stdout(&out);
        assert_eq!(text.matches("demo-reproach").count(), 50 + usize::from(format == "human"), "{text}");
        assert!(text.contains("many.txt: … 150 more findings not shown (`--format json` lists all)"), "{text}");
    }
    let json = check_in(dir.path(), &["--format", "json", "many.txt"]);
    let doc: serde_json::Value = serde_json::from_slice(&json.stdout).expect("JSON");
    assert_eq!(doc["messages"][0]["diagnostics"].as_array().map(Vec::len), Some(200), "JSON lists every finding");
}

/// `tact check - --input-format jsonl --format jsonl` over `input`, with `args`.
fn jsonl_filter(input: &str, args: &[&str]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_tact"))
        .args(["check", "--isolated", "--select", "demo", "--format", "jsonl", "--input-format", "jsonl", "--rules"])
        .arg(repo().join("tests/fixtures/pack"))
        .args(args)
        .arg("-")
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("spawn");
    std::io::Write::write_all(&mut child.stdin.take().expect("stdin"), input.as_bytes()).expect("write");
    child.wait_with_output().expect("wait")
}

#[test]
fn jsonl_in_and_out_answers_every_line_blank_and_broken_included() {
    let input = format!("{{\"body\": \"{REPROACH}\"}}\n\n{{broken\n   \n{{\"body\": \"Thanks for the intro.\"}}\n");
    let out = jsonl_filter(&input, &[]);
    let lines: Vec<serde_json::Value> =
        stdout(&out).lines().map(|l| serde_json::from_str(l).expect("each output line is JSON")).collect();
    assert_eq!(lines.len(), input.lines().count(), "{}", stdout(&out));
    assert_eq!(lines[1]["record"]["name"], "line 2");
    assert_eq!(lines[1]["error"], "blank line: expected a JSON object");
    assert!(lines[2]["error"].as_str().is_some_and(|e| e.starts_with("invalid JSON")));
    assert_eq!(lines[3]["record"]["name"], "line 4");
    assert_eq!(lines[4]["diagnostics"], serde_json::json!([]));
}

#[test]
fn the_length_budget_names_the_kind_in_plain_words() {
    let dir = tempfile::tempdir().expect("temp");
    std::fs::write(dir.path().join("long.txt"), "Hi Ana, thanks for the talk. ".repeat(60)).expect("write");
    let out = Command::new(env!("CARGO_BIN_EXE_tact"))
        .args(["check", "--isolated", "--select", "too-long-for-channel", "--kind", "inmail", "--format", "concise"])
        .arg("long.txt")
        .current_dir(dir.path())
        .output()
        .expect("tact runs");
    let text = stdout(&out);
    assert!(text.contains("-character budget for a message of kind inmail"), "{text}");
    assert!(!text.contains("a inmail"), "{text}");
}

/// `tact check --fix` with only the safe reproach rule, in `dir`.
fn fix_in(dir: &Path, files: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_tact"))
        .args(["check", "--isolated", "--select", "passive-aggressive", "--fix", "--format", "concise"])
        .args(files)
        .current_dir(dir)
        .output()
        .expect("tact runs")
}

const FIXABLE: &str = "Hi Sam, per my last email, could you send the deck?";

#[cfg(unix)]
#[test]
fn fix_writes_through_a_symlink_and_keeps_hard_links() {
    use std::os::unix::fs::MetadataExt;
    let dir = tempfile::tempdir().expect("temp");
    let d = dir.path();
    std::fs::write(d.join("draft.txt"), FIXABLE).expect("write");
    std::os::unix::fs::symlink("draft.txt", d.join("link.txt")).expect("symlink");
    std::fs::hard_link(d.join("draft.txt"), d.join("hard.txt")).expect("hard link");
    let out = fix_in(d, &["link.txt"]);
    assert!(stderr(&out).contains("link.txt: applied 1 fix"), "{}", stderr(&out));
    assert!(std::fs::symlink_metadata(d.join("link.txt")).expect("meta").file_type().is_symlink());
    assert_eq!(std::fs::read_to_string(d.join("hard.txt")).expect("read"), "Hi Sam, could you send the deck?");
    assert_eq!(std::fs::metadata(d.join("draft.txt")).expect("meta").nlink(), 2);
}

#[test]
fn fix_refuses_a_read_only_file_and_reports_what_is_still_there() {
    let dir = tempfile::tempdir().expect("temp");
    let path = dir.path().join("ro.txt");
    std::fs::write(&path, FIXABLE).expect("write");
    let mut permissions = std::fs::metadata(&path).expect("meta").permissions();
    permissions.set_readonly(true);
    std::fs::set_permissions(&path, permissions).expect("chmod");
    let out = fix_in(dir.path(), &["ro.txt"]);
    assert_eq!(code(&out), 2);
    let text = stdout(&out);
    assert!(text.contains("ro.txt: error [input] read-only file: fixes not written"), "{text}");
    assert!(text.contains("ro.txt:1:9: warning [passive-aggressive]"), "the finding is still reported: {text}");
    assert!(!stderr(&out).contains("applied"), "{}", stderr(&out));
    assert_eq!(std::fs::read_to_string(&path).expect("read"), FIXABLE);
}

#[test]
fn fix_says_plainly_that_it_does_not_fix_inside_a_csv() {
    let dir = tempfile::tempdir().expect("temp");
    std::fs::write(dir.path().join("seq.csv"), format!("subject,body\nA,\"{FIXABLE}\"\nB,\"{FIXABLE}\"\n"))
        .expect("write");
    let out = fix_in(dir.path(), &["seq.csv"]);
    assert!(
        stderr(&out).contains("note: 2 fixable findings in seq.csv not fixed: fixes are not applied inside csv"),
        "{}",
        stderr(&out)
    );
}

/// Run `tact lsp` with `messages` framed on standard input; its exit code.
fn lsp_exit_code(messages: &[&str]) -> i32 {
    let mut child = Command::new(env!("CARGO_BIN_EXE_tact"))
        .arg("lsp")
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .expect("tact lsp starts");
    let mut stdin = child.stdin.take().expect("stdin");
    for body in messages {
        std::io::Write::write_all(&mut stdin, format!("Content-Length: {}\r\n\r\n{body}", body.len()).as_bytes())
            .expect("write");
    }
    drop(stdin);
    child.wait().expect("exits").code().unwrap_or(-1)
}

#[test]
fn the_language_server_exits_1_without_shutdown_and_0_with_it() {
    let init = r#"{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"capabilities":{}}}"#;
    let initialized = r#"{"jsonrpc":"2.0","method":"initialized","params":{}}"#;
    let shutdown = r#"{"jsonrpc":"2.0","id":2,"method":"shutdown"}"#;
    let exit = r#"{"jsonrpc":"2.0","method":"exit"}"#;
    assert_eq!(lsp_exit_code(&[init, initialized, exit]), 1);
    assert_eq!(lsp_exit_code(&[init, initialized, shutdown, exit]), 0);
}

/// Run `tact` with `args` in `dir`, without colour.
fn tact_in(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_tact"))
        .args(args)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .stdin(std::process::Stdio::null())
        .output()
        .expect("tact runs")
}

const THREE_KEYS: &str =
    "level: warning\nmessage: “{match}” says nothing\ncheck:\n  existence:\n    phrases: [synergy]\n";

#[test]
fn rule_errors_come_first_each_at_its_line_then_one_help_line() {
    let dir = tempfile::tempdir().expect("temp");
    let rules = dir.path().join("my-rules");
    std::fs::create_dir(&rules).expect("mkdir");
    std::fs::write(rules.join("a-shape.yml"), "- level: warning\n").expect("write");
    std::fs::write(rules.join("b-typo.yml"), "level: warning\nmesage: m\n").expect("write");
    std::fs::write(rules.join("c-check.yml"), "level: warning\nmessage: m\ncheck: existence\n").expect("write");
    let out = tact_in(dir.path(), &["check", "--isolated", "--rules", "my-rules", "draft.txt"]);
    assert_eq!(code(&out), 2);
    let err = stderr(&out);
    let at = |needle: &str| err.find(needle).unwrap_or_else(|| panic!("no `{needle}` in:\n{err}"));
    let (a, b, c) =
        (at("[my-rules/a-shape.yml:1:1]"), at("[my-rules/b-typo.yml:2:1]"), at("[my-rules/c-check.yml:3:8]"));
    let summary = at("× 3 rule files could not be loaded");
    assert!(a < b && b < c && c < summary, "errors first, in file order, then the summary:\n{err}");
    assert_eq!(err.matches("help: fix the files above").count(), 1, "{err}");
    assert!(err.trim_end().ends_with("`tact rules test DIR` runs a rule folder's examples"), "{err}");
    assert!(err.contains("expected a rule: keys such as `level`"), "{err}");
    assert!(err.contains("unknown key `mesage`"), "{err}");
    assert!(err.contains("expected a kind of check with its settings"), "{err}");
    for noise in ["Error:", "tact::", "struct", "variant", "field"] {
        assert!(!err.contains(noise), "`{noise}` in:\n{err}");
    }
}

#[test]
fn config_errors_point_at_the_line_in_plain_words() {
    let dir = tempfile::tempdir().expect("temp");
    std::fs::write(dir.path().join(".tact.yml"), "- select\n").expect("write");
    let out = tact_in(dir.path(), &["check", "draft.txt"]);
    assert_eq!(code(&out), 2);
    let err = stderr(&out);
    assert!(
        err.contains("× invalid config: invalid type: sequence, expected settings: keys such as `select`"),
        "{err}"
    );
    assert!(err.contains(".tact.yml:1:1]"), "{err}");
    assert!(!err.contains("struct") && !err.contains("tact::"), "{err}");

    std::fs::write(dir.path().join(".tact.yml"), "ignore: [vague-request]\nfail-level: 3\n").expect("write");
    let err = stderr(&tact_in(dir.path(), &["check", "draft.txt"]));
    assert!(err.contains("fail-level: unknown value `3`, expected one of `info`, `warning`, `error`"), "{err}");
    assert!(err.contains(".tact.yml:2:13]"), "{err}");
}

#[test]
fn a_user_rule_needs_only_level_message_and_check() {
    let dir = tempfile::tempdir().expect("temp");
    std::fs::create_dir(dir.path().join("my-rules")).expect("mkdir");
    std::fs::write(dir.path().join("my-rules/synergy.yml"), THREE_KEYS).expect("write");
    std::fs::write(dir.path().join("draft.txt"), "I see real synergy here.").expect("write");
    let out = tact_in(
        dir.path(),
        &["check", "--isolated", "--rules", "my-rules", "--select", "synergy", "--format", "concise", "draft.txt"],
    );
    assert_eq!(code(&out), 1, "{}", stderr(&out));
    assert_eq!(stdout(&out), "draft.txt:1:12: warning [synergy] “synergy” says nothing\n");

    let test = tact_in(dir.path(), &["rules", "test", "my-rules"]);
    assert_eq!(code(&test), 0, "a recommendation is not a failure: {}", stdout(&test));
    let text = stdout(&test);
    assert!(
        text.contains(
            "hint: my-rules/synergy.yml: add `summary`, `why`, `help`, `rewrites`, `examples.fire` and `examples.pass`"
        ),
        "{text}"
    );
    assert!(text.ends_with("1 passed, 0 failed (1 rule has no examples)\n"), "{text}");
}

#[test]
fn two_user_rules_with_one_id_are_an_error_naming_both_files() {
    let dir = tempfile::tempdir().expect("temp");
    for folder in ["team", "mine/tone"] {
        std::fs::create_dir_all(dir.path().join(folder)).expect("mkdir");
        std::fs::write(dir.path().join(folder).join("synergy.yml"), THREE_KEYS).expect("write");
    }
    let out = tact_in(dir.path(), &["check", "--isolated", "--rules", "team", "--rules", "mine", "draft.txt"]);
    assert_eq!(code(&out), 2);
    let err = stderr(&out);
    assert!(
        err.contains("× rule `synergy` is defined twice: in team/synergy.yml and in mine/tone/synergy.yml (here)"),
        "{err}"
    );
    assert!(err.contains("[mine/tone/synergy.yml:1:1]") && err.contains("rename one of the two files"), "{err}");

    // The same folder named twice is one folder, not a duplicate.
    let twice = tact_in(dir.path(), &["rules", "list", "--rules", "team", "--rules", "./team"]);
    assert_eq!(code(&twice), 0, "{}", stderr(&twice));
}

#[test]
fn a_user_rule_may_replace_a_built_in_rule_of_the_same_id() {
    let dir = tempfile::tempdir().expect("temp");
    std::fs::create_dir(dir.path().join("my-rules")).expect("mkdir");
    std::fs::write(dir.path().join("my-rules/passive-aggressive.yml"), THREE_KEYS).expect("write");
    std::fs::write(dir.path().join("draft.txt"), "Per my last email, synergy.").expect("write");
    let args = ["check", "--isolated", "--rules", "my-rules", "--select", "passive-aggressive", "--format", "concise"];
    let out = tact_in(dir.path(), &[&args[..], &["draft.txt"]].concat());
    assert_eq!(stdout(&out), "draft.txt:1:20: warning [passive-aggressive] “synergy” says nothing\n");
    let test = tact_in(dir.path(), &["rules", "test", "my-rules"]);
    assert!(
        stdout(&test).contains("note: my-rules/passive-aggressive.yml replaces the built-in rule `passive-aggressive`"),
        "{}",
        stdout(&test)
    );
}

#[test]
fn a_regex_too_big_is_one_line_with_its_location_not_a_dump() {
    let dir = tempfile::tempdir().expect("temp");
    std::fs::create_dir(dir.path().join("my-rules")).expect("mkdir");
    let words: Vec<String> = (0..200_000).map(|i| format!("w{i:06}x")).collect();
    let rule = format!(
        "level: warning\nmessage: m\ncheck:\n  existence:\n    patterns:\n      - '(?:{})\\w{{20}}'\n",
        words.join("|")
    );
    std::fs::write(dir.path().join("my-rules/huge.yml"), &rule).expect("write");
    let out = tact_in(dir.path(), &["check", "--isolated", "--rules", "my-rules", "draft.txt"]);
    assert_eq!(code(&out), 2);
    let err = stderr(&out);
    assert!(
        err.len() < 1000,
        "{} bytes of error for a {} byte rule:\n{}",
        err.len(),
        rule.len(),
        &err[..2000.min(err.len())]
    );
    assert!(err.contains("× my-rules/huge.yml:6:9: invalid rule `huge`: invalid regex `(?:w000000x|"), "{err}");
    assert!(err.contains("regex too big"), "{err}");
}

#[test]
fn jsonl_lines_from_someone_else_are_answered_with_a_skip_line() {
    let input = format!(
        "{{\"from\": \"Ana\", \"body\": \"{REPROACH}\"}}\n{{\"from\": \"Bob\", \"body\": \"{REPROACH}\"}}\n\
         {{\"from\": \"ana\", \"body\": \"Thanks!\"}}\n"
    );
    let out = jsonl_filter(&input, &["--from", "ana"]);
    assert_eq!(code(&out), 1, "findings on Ana's lines; a skip is not an error: {}", stderr(&out));
    let lines: Vec<serde_json::Value> =
        stdout(&out).lines().map(|l| serde_json::from_str(l).expect("each output line is JSON")).collect();
    assert_eq!(lines.len(), 3, "{}", stdout(&out));
    assert_eq!(lines[0]["record"]["name"], "line 1");
    assert!(lines[0]["diagnostics"].as_array().is_some_and(|d| !d.is_empty()));
    assert_eq!(lines[1]["record"]["name"], "line 2");
    assert_eq!(lines[1]["skipped"], "not sent by the --from sender");
    assert!(lines[1].get("error").is_none() && lines[1].get("diagnostics").is_none());
    assert_eq!(lines[2]["record"]["name"], "line 3");
    assert!(lines[2]["score"]["value"].is_u64() && lines[2]["diagnostics"].is_array(), "Ana's line is checked");

    let broken = jsonl_filter("{\"from\": \"Bob\", \"body\": \"x\"}\nnot json\n\n", &["--from", "ana"]);
    assert_eq!(code(&broken), 2, "nothing checked, and two lines unreadable");
    let text = stdout(&broken);
    let answers: Vec<&str> = text.lines().collect();
    assert_eq!(answers.len(), 3, "{text}");
    assert!(answers[0].contains("\"skipped\"") && answers[1].contains("\"error\":\"invalid JSON"), "{answers:?}");
    assert!(answers[2].contains("\"error\":\"blank line: expected a JSON object\""), "{answers:?}");
}

/// `cmd`'s output, or a failed test if it runs longer than 20 seconds (a
/// FIFO opened for reading would block forever).
#[cfg(unix)]
fn within_20s(mut cmd: Command) -> Output {
    let mut child =
        cmd.stdout(std::process::Stdio::piped()).stderr(std::process::Stdio::piped()).spawn().expect("spawn");
    let started = std::time::Instant::now();
    while child.try_wait().expect("wait").is_none() {
        if started.elapsed() > std::time::Duration::from_secs(20) {
            let _ = child.kill();
            panic!("tact blocked: did it open a FIFO?");
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    child.wait_with_output().expect("output")
}

#[cfg(unix)]
#[test]
fn walking_a_folder_opens_no_fifo_and_no_device_file() {
    let dir = tempfile::tempdir().expect("temp");
    let d = dir.path();
    std::fs::write(d.join("note.txt"), REPROACH).expect("write");
    let made = Command::new("mkfifo").arg(d.join("pipe.txt")).arg(d.join("rules.yml")).status();
    assert!(made.is_ok_and(|s| s.success()), "mkfifo");
    std::os::unix::fs::symlink("/dev/zero", d.join("zero.txt")).expect("symlink");
    let pack = repo().join("tests/fixtures/pack");
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_tact"));
    cmd.args(["check", "--isolated", "--select", "demo", "--format", "concise", "--rules"]).arg(&pack);
    cmd.args(["--rules", "."]).arg(".").current_dir(d);
    let out = within_20s(cmd);
    assert_eq!(code(&out), 1, "{}", stderr(&out));
    let text = stdout(&out);
    assert!(text.contains("./note.txt:1:1: warning [demo-reproach]"), "{text}");
    assert!(!text.contains("pipe") && !text.contains("zero") && !stderr(&out).contains("zero"), "{text}");
}
