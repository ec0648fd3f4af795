//! The progress line of `tact check` as a person at a terminal sees it:
//! tact runs under a pseudo-terminal (`script` from util-linux) with its
//! report sent to a file, so what the terminal shows is standard error
//! alone. The line appears for a report meant for people, never for machine
//! formats, `--quiet`, a pipe, or a run quicker than its delay (tests set
//! the delay to 0 with `TACT_PROGRESS_DELAY_MS`). Without `script` the
//! tests fail under CI (`CI=true`) and print a loud SKIP elsewhere.

use std::path::Path;
use std::process::{Command, Stdio};

fn script_available() -> bool {
    Command::new("script")
        .arg("--version")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success())
}

/// Say loudly that a test did not run: written to the process's standard
/// error directly, since the harness captures `eprintln!`.
fn skip(test: &str, why: &str) {
    use std::io::Write;
    let _ = write!(std::io::stderr(), "\n\n*** SKIP {test}: {why} ***\n\n");
}

fn need_script(test: &str) -> bool {
    if script_available() {
        return true;
    }
    assert!(std::env::var("CI").map_or(true, |v| v != "true"), "`script` (util-linux) is required under CI");
    skip(test, "`script` (util-linux) not found");
    false
}

/// 400 one-message drafts in a temporary folder.
fn drafts() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("tempdir");
    for i in 0..400 {
        let text = format!("Hi Sam,\n\nPer my last email, could you hop on a call this week? ({i})\n");
        std::fs::write(dir.path().join(format!("{i:03}.txt")), text).expect("write draft");
    }
    dir
}

/// Run `tact check . ARGS` in `dir` under a pseudo-terminal with standard
/// output to `report.out`; what the terminal showed, and the report.
fn at_a_terminal(dir: &Path, args: &str, delay_ms: u32) -> (String, String) {
    let command = format!("'{}' check . --isolated {args} > report.out", env!("CARGO_BIN_EXE_tact"));
    let out = Command::new("script")
        .args(["-q", "-e", "-c", &command, "/dev/null"])
        .current_dir(dir)
        .env("TACT_PROGRESS_DELAY_MS", delay_ms.to_string())
        .env("TERM", "xterm")
        .env_remove("NO_COLOR")
        .stdin(Stdio::null())
        .output()
        .expect("script runs");
    let report = std::fs::read_to_string(dir.join("report.out")).unwrap_or_default();
    let _ = std::fs::remove_file(dir.join("report.out"));
    (String::from_utf8_lossy(&out.stdout).into_owned(), report)
}

#[test]
fn a_long_run_shows_progress_on_a_terminal() {
    if !need_script("a_long_run_shows_progress_on_a_terminal") {
        return;
    }
    let dir = drafts();
    for format in ["human", "concise"] {
        let (terminal, report) = at_a_terminal(dir.path(), &format!("--format {format}"), 0);
        assert!(terminal.contains("checked ") && terminal.contains("/400 files"), "{format}: {terminal:?}");
        assert!(terminal.contains(" messages ["), "the line counts messages: {terminal:?}");
        assert!(terminal.ends_with("\r\u{1b}[2K"), "the line is cleared at the end: {terminal:?}");
        assert!(!report.contains("checked "), "the report has no progress in it");
        assert!(report.contains("399.txt"), "the report is whole");
    }
}

#[test]
fn machine_formats_quiet_and_quick_runs_show_none() {
    if !need_script("machine_formats_quiet_and_quick_runs_show_none") {
        return;
    }
    let dir = drafts();
    for args in
        ["--format json", "--format jsonl", "--format sarif", "--format github", "--quiet", "-q --format concise"]
    {
        let (terminal, report) = at_a_terminal(dir.path(), args, 0);
        assert!(!terminal.contains("checked "), "{args}: {terminal:?}");
        assert!(!report.is_empty(), "{args}: a report");
    }
    // With the usual delay, a quick run prints no line at all.
    let small = tempfile::tempdir().expect("tempdir");
    std::fs::write(small.path().join("draft.txt"), "Hi Sam, thanks for the talk on Tuesday.").expect("write");
    let (terminal, _) = at_a_terminal(small.path(), "", 1000);
    assert!(!terminal.contains("checked "), "{terminal:?}");
}

#[test]
fn no_progress_into_a_pipe() {
    let dir = drafts();
    let out = Command::new(env!("CARGO_BIN_EXE_tact"))
        .args(["check", ".", "--isolated"])
        .current_dir(dir.path())
        .env("TACT_PROGRESS_DELAY_MS", "0")
        .output()
        .expect("tact runs");
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(String::from_utf8_lossy(&out.stderr), "", "standard error is a pipe: nothing on it");
}
