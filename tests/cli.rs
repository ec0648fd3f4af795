//! The `tact` command from the outside: what a person sees on stdout and
//! stderr, and the exit code.

use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Run tact in `dir` with `args`.
fn tact_in(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_tact"))
        .args(args)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .output()
        .expect("tact runs")
}

fn tact(args: &[&str]) -> Output {
    tact_in(&repo(), args)
}

/// Run tact in the repository with `args`, feeding `input` on standard input.
fn tact_stdin(args: &[&str], input: &[u8]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_tact"))
        .args(args)
        .current_dir(repo())
        .env("NO_COLOR", "1")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn");
    child.stdin.take().expect("stdin").write_all(input).expect("write");
    child.wait_with_output().expect("wait")
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

/// Options that run only the stable test pack.
const DEMO: &[&str] = &["--isolated", "--rules", "tests/fixtures/pack", "--select", "demo", "--color", "never"];

fn demo(extra: &[&str]) -> Output {
    let mut args = vec!["check", "tests/fixtures/drafts/sample.txt"];
    args.extend_from_slice(DEMO);
    args.extend_from_slice(extra);
    tact(&args)
}

#[test]
fn human_output() {
    let out = demo(&[]);
    assert_eq!(code(&out), 1, "{}", stderr(&out));
    insta::assert_snapshot!(stdout(&out));
}

#[test]
fn concise_output() {
    let out = demo(&["--format", "concise"]);
    assert_eq!(code(&out), 1);
    insta::assert_snapshot!(stdout(&out));
}

#[test]
fn json_output() {
    let out = demo(&["--format", "json"]);
    assert_eq!(code(&out), 1);
    let value: serde_json::Value = serde_json::from_str(&stdout(&out)).expect("valid JSON");
    insta::assert_json_snapshot!(value, { ".tool.version" => "[version]" });
}

#[test]
fn json_positions_count_characters() {
    let out = demo(&["--format", "json"]);
    let value: serde_json::Value = serde_json::from_str(&stdout(&out)).expect("valid JSON");
    let reproach = value["messages"][0]["diagnostics"]
        .as_array()
        .expect("diagnostics")
        .iter()
        .find(|d| d["rule"] == "demo-reproach")
        .expect("demo-reproach fired")
        .clone();
    let text = std::fs::read_to_string(repo().join("tests/fixtures/drafts/sample.txt")).expect("fixture");
    let start = reproach["span"]["start"].as_u64().expect("start") as usize;
    assert_eq!(&text[start..start + "Per my last email".len()], "Per my last email");
    // Line 5, after "I’m José — we met at the Lisbon meetup 🎉. ": counted in characters.
    let prefix = text[..start].rsplit('\n').next().expect("line");
    assert_eq!(reproach["start"]["line"], 5);
    assert_eq!(reproach["start"]["column"].as_u64(), Some(prefix.chars().count() as u64 + 1));
}

#[test]
fn clean_message_exits_zero() {
    let out = tact(&["check", "tests/fixtures/drafts/good.txt", "--isolated"]);
    assert_eq!(code(&out), 0, "{}{}", stdout(&out), stderr(&out));
    assert!(stdout(&out).contains("All clear: 1 message checked"), "{}", stdout(&out));
}

#[test]
fn fail_level_error_ignores_warnings() {
    let out = demo(&["--ignore", "demo-no-exit", "--fail-level", "error"]);
    assert_eq!(code(&out), 0, "{}", stdout(&out));
    assert!(stdout(&out).contains("demo-reproach"));
}

#[test]
fn stdin_with_a_name() {
    let args = [&["check", "-", "--stdin-filename", "drafts/note.txt", "--format", "concise"], DEMO].concat();
    let out = tact_stdin(&args, b"Per my last email, could you send it?");
    assert_eq!(code(&out), 1);
    insta::assert_snapshot!(stdout(&out), @r"
    drafts/note.txt:1:1: error [demo-no-exit] This ask leaves no easy way to say no
    drafts/note.txt:1:1: warning [demo-reproach] “Per my last email” reads as a reproach
    ");
}

#[test]
fn a_draft_piped_in_reads_as_the_same_file() {
    let path = "fixtures/samples/cold-email.txt";
    let text = std::fs::read(repo().join(path)).expect("sample");
    let args = ["check", "--isolated", "--format", "json"];
    let from_file = tact(&[&args[..], &[path]].concat());
    let piped = tact_stdin(&[&args[..], &["-", "--stdin-filename", path]].concat(), &text);
    assert_eq!((code(&piped), stdout(&piped)), (code(&from_file), stdout(&from_file)));
    assert!(stdout(&piped).contains("\"rule\": \"vague-request\""), "{}", stdout(&piped));

    let limited = tact_stdin(&["check", "--isolated", "--format", "concise", "--max-file-size", "100", "-"], &text);
    assert_eq!(code(&limited), 2, "{}", stderr(&limited));
    assert!(
        stdout(&limited).contains("<stdin>: error [input] larger than the --max-file-size limit"),
        "{}",
        stdout(&limited)
    );
}

#[test]
fn fix_on_stdin_prints_the_fixed_text() {
    let args = [&["check", "-", "--fix"], DEMO].concat();
    let out = tact_stdin(&args, b"Per my last email, could you send it?\n");
    assert_eq!(stdout(&out), "In my earlier note, could you send it?\n");
    assert_eq!(code(&out), 1, "the unsafe finding remains");
}

#[test]
fn fix_applies_safe_rewrites_once() {
    let dir = tempfile::tempdir().expect("temp");
    let draft = dir.path().join("draft.txt");
    std::fs::write(&draft, "Per my last email, could you send it?\n").expect("write");
    let pack = repo().join("tests/fixtures/pack");
    let pack = pack.to_str().expect("utf-8 path");
    let args = ["check", "draft.txt", "--isolated", "--rules", pack, "--select", "demo", "--fix"];
    let first = tact_in(dir.path(), &args);
    assert!(stderr(&first).contains("draft.txt: applied 1 fix"), "{}", stderr(&first));
    let after_first = std::fs::read_to_string(&draft).expect("read");
    assert_eq!(after_first, "In my earlier note, could you send it?\n");
    // The unsafe rewrite (demo-no-exit) needs --unsafe-fixes; the finding remains.
    assert_eq!(code(&first), 1);
    assert!(stdout(&first).contains("demo-no-exit"));
    let second = tact_in(dir.path(), &args);
    assert!(!stderr(&second).contains("applied"), "{}", stderr(&second));
    assert_eq!(std::fs::read_to_string(&draft).expect("read"), after_first);
}

#[test]
fn unsafe_fixes_and_diff() {
    let dir = tempfile::tempdir().expect("temp");
    let draft = dir.path().join("draft.txt");
    std::fs::write(&draft, "Per my last email, could you send it?\n").expect("write");
    let pack = repo().join("tests/fixtures/pack");
    let pack = pack.to_str().expect("utf-8 path");
    let diff = tact_in(
        dir.path(),
        &["check", "draft.txt", "--isolated", "--rules", pack, "--select", "demo", "--diff", "--unsafe-fixes", "-q"],
    );
    insta::assert_snapshot!(stdout(&diff), @r"
    --- draft.txt
    +++ draft.txt
    @@ -1 +1 @@
    -Per my last email, could you send it?
    +In my earlier note, could you send it? No worries if not.
    ");
    assert_eq!(
        std::fs::read_to_string(&draft).expect("read"),
        "Per my last email, could you send it?\n",
        "--diff writes nothing"
    );
    let fixed = tact_in(
        dir.path(),
        &["check", "draft.txt", "--isolated", "--rules", pack, "--select", "demo", "--fix", "--unsafe-fixes"],
    );
    assert_eq!(code(&fixed), 0, "{}", stdout(&fixed));
    assert_eq!(
        std::fs::read_to_string(&draft).expect("read"),
        "In my earlier note, could you send it? No worries if not.\n"
    );
}

#[cfg(unix)]
#[test]
fn fix_keeps_permissions() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().expect("temp");
    let draft = dir.path().join("draft.txt");
    std::fs::write(&draft, "Per my last email, hi.\n").expect("write");
    std::fs::set_permissions(&draft, std::fs::Permissions::from_mode(0o640)).expect("chmod");
    let pack = repo().join("tests/fixtures/pack");
    tact_in(
        dir.path(),
        &["check", "draft.txt", "--isolated", "--rules", pack.to_str().expect("path"), "--select", "demo", "--fix"],
    );
    let mode = std::fs::metadata(&draft).expect("meta").permissions().mode() & 0o777;
    assert_eq!(mode, 0o640);
    assert!(std::fs::read_to_string(&draft).expect("read").starts_with("In my earlier note"));
}

#[test]
fn broken_rule_points_at_line_and_column() {
    let dir = tempfile::tempdir().expect("temp");
    let rules = dir.path().join("my-rules");
    std::fs::create_dir(&rules).expect("mkdir");
    std::fs::write(
        rules.join("bad-regex.yml"),
        "level: warning\nsummary: s\nmessage: m\nwhy: w\nhelp: h\ncheck:\n  existence:\n    patterns:\n      - 'fine'\n      - '(unclosed'\nrewrites: []\nexamples: { fire: [a], pass: [b] }\n",
    )
    .expect("write");
    std::fs::write(rules.join("typo-key.yml"), "level: warning\nsumary: s\n").expect("write");
    std::fs::write(
        rules.join("bad-intent.yml"),
        "level: warning\nsummary: s\nmessage: m\nwhy: w\nhelp: h\ncheck:\n  conditional:\n    if: { intents: [asks] }\n    then: { intents: [escape] }\nrewrites: []\nexamples: { fire: [a], pass: [b] }\n",
    )
    .expect("write");
    let out = tact_in(dir.path(), &["check", "--rules", "my-rules", "--isolated", "--color", "never", "-"]);
    assert_eq!(code(&out), 2);
    let err = stderr(&out);
    assert!(err.contains("3 rule files could not be loaded"), "{err}");
    assert!(err.contains("[my-rules/bad-regex.yml:10:9]"), "{err}");
    assert!(err.contains("invalid regex `(unclosed`"), "{err}");
    assert!(err.contains("[my-rules/typo-key.yml:2:1]"), "{err}");
    assert!(err.contains("unknown key `sumary`"), "{err}");
    assert!(err.contains("[my-rules/bad-intent.yml:8:21]"), "{err}");
    assert!(err.contains("unknown intent `asks`") && err.contains("known intents: advice, ask,"), "{err}");
}

#[test]
fn unknown_check_kind_lists_the_kinds() {
    let dir = tempfile::tempdir().expect("temp");
    std::fs::write(dir.path().join("odd.yml"), "level: info\nsummary: s\nmessage: m\nwhy: w\nhelp: h\ncheck:\n  existance: {}\nrewrites: []\nexamples: { fire: [a], pass: [b] }\n")
        .expect("write");
    let out = tact_in(dir.path(), &["rules", "test", "."]);
    assert_eq!(code(&out), 2);
    let err = stderr(&out);
    assert!(err.contains("unknown kind of check `existance`, expected one of `existence`"), "{err}");
    assert!(err.contains("odd.yml:7:3"), "{err}");
}

#[test]
fn bad_inputs_are_reported_and_the_run_goes_on() {
    let dir = tempfile::tempdir().expect("temp");
    std::fs::write(dir.path().join("binary.txt"), b"\x00\x01\x02PNG").expect("write");
    std::fs::write(dir.path().join("empty.txt"), b"").expect("write");
    std::fs::write(dir.path().join("latin1.txt"), b"Per my last email, caf\xe9?").expect("write");
    std::fs::create_dir(dir.path().join("folder.txt")).expect("mkdir");
    let pack = repo().join("tests/fixtures/pack");
    let out = tact_in(
        dir.path(),
        &[
            "check",
            "missing.txt",
            "binary.txt",
            "empty.txt",
            "latin1.txt",
            "--isolated",
            "--rules",
            pack.to_str().expect("path"),
            "--select",
            "demo",
            "--format",
            "concise",
        ],
    );
    assert_eq!(code(&out), 2, "named inputs that cannot be checked exit 2");
    let (out_text, err_text) = (stdout(&out), stderr(&out));
    assert!(out_text.contains("missing.txt: error [input] no such file or folder"), "{out_text}");
    assert!(out_text.contains("binary.txt: error [input] binary file: tact checks text"), "{out_text}");
    assert!(err_text.contains("empty.txt: empty; nothing to check"), "{err_text}");
    assert!(out_text.contains("latin1.txt:1:1: warning [input] invalid UTF-8 at byte 22"), "{out_text}");
    assert!(out_text.contains("latin1.txt:1:1: warning [demo-reproach]"), "{out_text}");
}

#[test]
fn config_is_found_walking_up() {
    let dir = tempfile::tempdir().expect("temp");
    let nested = dir.path().join("campaigns/q3");
    std::fs::create_dir_all(&nested).expect("mkdir");
    let pack = repo().join("tests/fixtures/pack");
    std::fs::write(
        dir.path().join(".tact.yml"),
        format!(
            "rules: [{}]\nselect: [demo]\nignore: [demo-no-exit]\nlevels:\n  demo-reproach: error\n",
            pack.display()
        ),
    )
    .expect("write");
    std::fs::write(nested.join("draft.txt"), "Per my last email, could you send it?").expect("write");
    let out = tact_in(dir.path(), &["check", "campaigns", "--format", "concise"]);
    insta::assert_snapshot!(stdout(&out), @"campaigns/q3/draft.txt:1:1: error [demo-reproach] “Per my last email” reads as a reproach");
}

#[test]
fn config_errors_point_into_the_file() {
    let dir = tempfile::tempdir().expect("temp");
    std::fs::write(dir.path().join(".tact.yml"), "# my config\nignore:\n  - passive-aggressive\n  - no-such-rule\n")
        .expect("write");
    let out = tact_in(dir.path(), &["check", "-", "--color", "never"]);
    assert_eq!(code(&out), 2);
    let err = stderr(&out);
    assert!(err.contains("unknown rule or category `no-such-rule`"), "{err}");
    assert!(err.contains(".tact.yml:4:5]"), "{err}");

    std::fs::write(dir.path().join(".tact.yml"), "pre-send: true\nfail-levle: error\n").expect("write");
    let out = tact_in(dir.path(), &["check", "-", "--color", "never"]);
    assert_eq!(code(&out), 2);
    assert!(stderr(&out).contains("unknown key `fail-levle`"), "{}", stderr(&out));
    assert!(stderr(&out).contains(".tact.yml:2:1]"), "{}", stderr(&out));
}

#[test]
fn usage_errors_exit_two() {
    let out = tact(&["check", "--format", "xml"]);
    assert_eq!(code(&out), 2);
    let out = tact(&["check", "--select", "no-such-rule", "--isolated", "tests/fixtures/drafts/good.txt"]);
    assert_eq!(code(&out), 2);
    assert!(stderr(&out).contains("unknown rule or category `no-such-rule`"), "{}", stderr(&out));
    let out = tact(&["explain", "no-such-rule"]);
    assert_eq!(code(&out), 2);
}

#[test]
fn explain_shows_reasoning_rewrites_and_examples() {
    let out = tact(&["explain", "no-escape-clause"]);
    assert_eq!(code(&out), 0);
    let text = stdout(&out);
    for heading in ["Why it matters", "What to do", "A better way to write it", "Fires on", "Stays quiet on"] {
        assert!(text.contains(heading), "{heading} missing:\n{text}");
    }
    let json = tact(&["explain", "no-escape-clause", "--format", "json"]);
    let value: serde_json::Value = serde_json::from_str(&stdout(&json)).expect("json");
    assert_eq!(value["id"], "no-escape-clause");
    assert!(value["why"].as_str().is_some_and(|w| w.len() > 100));
}

#[test]
fn rules_list_and_test() {
    let out = tact(&["rules", "list"]);
    assert_eq!(code(&out), 0);
    assert!(stdout(&out).contains("no-escape-clause"));
    let ok = tact(&["rules", "test", "tests/fixtures/pack"]);
    assert_eq!(code(&ok), 0, "{}", stdout(&ok));
    assert!(stdout(&ok).ends_with("3 passed, 0 failed\n"), "{}", stdout(&ok));

    let dir = tempfile::tempdir().expect("temp");
    std::fs::write(
        dir.path().join("wrong.yml"),
        "level: info\nsummary: s\nmessage: m\nwhy: w\nhelp: h\ncheck:\n  existence: { phrases: [synergy] }\nrewrites: []\nexamples: { fire: [We love teamwork.], pass: [b] }\n",
    )
    .expect("write");
    let bad = tact_in(dir.path(), &["rules", "test", "."]);
    assert_eq!(code(&bad), 1);
    assert!(stdout(&bad).contains("FAIL wrong: should fire but does not:\n    We love teamwork."), "{}", stdout(&bad));
    assert!(stdout(&bad).ends_with("0 passed, 1 failed\n"));
}

#[test]
fn init_writes_a_commented_config_once() {
    let dir = tempfile::tempdir().expect("temp");
    let out = tact_in(dir.path(), &["init"]);
    assert_eq!(code(&out), 0);
    let written = std::fs::read_to_string(dir.path().join(".tact.yml")).expect("written");
    assert!(written.contains("# ignore: [stock-opener]"));
    // The starter is a valid config as written.
    std::fs::write(dir.path().join("draft.txt"), "Hi Sam, thanks for the intro.").expect("write");
    let check = tact_in(dir.path(), &["check", "draft.txt"]);
    assert_ne!(code(&check), 2, "{}", stderr(&check));
    let again = tact_in(dir.path(), &["init"]);
    assert_eq!(code(&again), 2);
    assert!(stderr(&again).contains("already exists"));
}

#[test]
fn broken_pipe_exits_quietly() {
    let dir = tempfile::tempdir().expect("temp");
    let draft = std::fs::read(repo().join("tests/fixtures/drafts/sample.txt")).expect("fixture");
    for i in 0..300 {
        std::fs::write(dir.path().join(format!("{i:03}.txt")), &draft).expect("write");
    }
    let pack = repo().join("tests/fixtures/pack");
    let mut child = Command::new(env!("CARGO_BIN_EXE_tact"))
        .args([
            "check",
            ".",
            "--isolated",
            "--rules",
            pack.to_str().expect("path"),
            "--select",
            "demo",
            "--color",
            "never",
        ])
        .current_dir(dir.path())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn");
    let mut first = [0u8; 64];
    child.stdout.as_mut().expect("stdout").read_exact(&mut first).expect("some output");
    drop(child.stdout.take());
    let out = child.wait_with_output().expect("wait");
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    assert!(stderr(&out).is_empty(), "{}", stderr(&out));
}

#[test]
fn pre_send_turns_placeholders_and_empty_subjects_into_errors() {
    let run = |pre_send: bool| {
        let mut args =
            vec!["check", "-", "--isolated", "--select", "empty-subject,unfilled-placeholder", "--format", "concise"];
        if pre_send {
            args.push("--pre-send");
        }
        stdout(&tact_stdin(&args, b"Subject:\n\nHi {{first_name}}, thanks.\n"))
    };
    insta::assert_snapshot!(run(false), @r"
    <stdin>:1:1: info [empty-subject] The subject line is empty
    <stdin>:3:4: warning [unfilled-placeholder] Unfilled placeholder {{first_name}}
    ");
    insta::assert_snapshot!(run(true), @r"
    <stdin>:1:1: error [empty-subject] The subject line is empty
    <stdin>:3:4: error [unfilled-placeholder] Unfilled placeholder {{first_name}}
    ");
}

/// The worked example of `docs/scoring.md`, as the document tells it.
#[test]
fn the_scoring_docs_worked_example_holds() {
    let dir = tempfile::tempdir().expect("temp");
    let draft = "Hi Sam,\n\nI loved your talk at RustConf on arena allocators. Could you introduce me\nto Dana on your data team? We are moving our parser to arenas and her post\non it answered half our questions.\n\nBest,\nAlex\n";
    std::fs::write(dir.path().join("draft.txt"), draft).expect("write");
    let out = tact_in(dir.path(), &["check", "--isolated", "--format", "json", "draft.txt"]);
    let doc: serde_json::Value = serde_json::from_str(&stdout(&out)).expect("JSON");
    let score = &doc["messages"][0]["score"];
    assert_eq!(score["value"], 75, "{score}");
    let credit = |reason: &str| {
        score["credits"]
            .as_array()
            .expect("credits")
            .iter()
            .find(|c| c["reason"] == reason)
            .map(|c| c["points"].clone())
    };
    assert_eq!(credit("substance"), Some(6.into()));
    assert_eq!(credit("specific to the reader"), Some(6.into()));
    assert_eq!(credit("tone of the asks"), Some(4.into()));
    assert_eq!(credit("findings about one ask, capped"), Some(3.into()));
    let rules: Vec<&str> =
        score["breakdown"].as_array().expect("costs").iter().filter_map(|c| c["rule"].as_str()).collect();
    assert_eq!(rules, ["no-escape-clause", "no-thanks"]);
    let asks = &doc["messages"][0]["asks"];
    assert_eq!(asks[0]["type"], "intro");
    assert_eq!(asks[0]["cost"]["effort"], "real");
}

#[test]
fn output_writes_the_report_to_a_file() {
    let dir = tempfile::tempdir().expect("temp");
    let report = dir.path().join("report.txt");
    let to_stdout = demo(&[]);
    let to_file = demo(&["--output", report.to_str().expect("path")]);
    assert_eq!(code(&to_file), code(&to_stdout), "the same exit code");
    assert_eq!(stdout(&to_file), "", "nothing on standard output");
    assert_eq!(std::fs::read_to_string(&report).expect("written"), stdout(&to_stdout));

    // Machine formats too; the file is replaced whole.
    let sarif = demo(&["--format", "sarif", "-o", report.to_str().expect("path")]);
    assert_eq!(code(&sarif), 1);
    let log: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&report).expect("written")).expect("SARIF is JSON");
    assert_eq!(log["version"], "2.1.0");

    // A run that stops with an error leaves the last report as it was.
    let before = std::fs::read(&report).expect("read");
    let broken = tact(&["check", "tests/fixtures/drafts/sample.txt", "--select", "no-such-rule", "-o"]);
    assert_eq!(code(&broken), 2, "-o needs a file");
    let broken = tact(&[
        "check",
        "tests/fixtures/drafts/sample.txt",
        "--isolated",
        "--select",
        "no-such-rule",
        "-o",
        report.to_str().expect("path"),
    ]);
    assert_eq!(code(&broken), 2);
    assert_eq!(std::fs::read(&report).expect("read"), before);
    let names: Vec<_> = std::fs::read_dir(dir.path()).expect("list").flatten().map(|e| e.file_name()).collect();
    assert_eq!(names.len(), 1, "no temporary file left: {names:?}");
}

#[test]
fn output_refuses_to_replace_an_input() {
    let dir = tempfile::tempdir().expect("temp");
    std::fs::write(dir.path().join("draft.txt"), "Per my last email, can you send the deck?").expect("write");
    let out = tact_in(dir.path(), &["check", "draft.txt", "--isolated", "-o", "draft.txt"]);
    assert_eq!(code(&out), 2);
    assert!(stderr(&out).contains("--output draft.txt is also an input"), "{}", stderr(&out));
    assert_eq!(
        std::fs::read_to_string(dir.path().join("draft.txt")).expect("read"),
        "Per my last email, can you send the deck?"
    );
    // Found in a folder, the last run's report is not checked.
    let first = tact_in(dir.path(), &["check", ".", "--isolated", "--format", "concise", "-o", "report.txt"]);
    assert_eq!(code(&first), 1, "{}", stderr(&first));
    let second = tact_in(dir.path(), &["check", ".", "--isolated", "--format", "concise", "-o", "report.txt"]);
    assert_eq!(code(&second), 1, "{}", stderr(&second));
    let report = std::fs::read_to_string(dir.path().join("report.txt")).expect("written");
    assert!(report.contains("draft.txt:1:1") && !report.contains("report.txt:"), "{report}");
}
