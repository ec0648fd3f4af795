//! Shell completions and the man page from the outside: `tact completions
//! SHELL` for every shell clap_complete knows and `tact man` must name every
//! subcommand `tact --help` lists; bash really completes with the script, and
//! groff reads the page without a warning.

use std::path::Path;
use std::process::{Command, Output};

fn tact(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_tact")).args(args).output().expect("tact runs")
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

/// The subcommands `help_args` lists under "Commands:", without `help`.
fn commands_in_help(help_args: &[&str]) -> Vec<String> {
    let help = stdout(&tact(help_args));
    help.lines()
        .skip_while(|l| !l.starts_with("Commands:"))
        .skip(1)
        .take_while(|l| !l.trim().is_empty())
        .filter_map(|l| l.split_whitespace().next())
        .filter(|name| *name != "help")
        .map(str::to_owned)
        .collect()
}

/// Every subcommand as words: `["check"]`, `["rules", "list"]`...
fn every_subcommand() -> Vec<Vec<String>> {
    let mut all = Vec::new();
    for name in commands_in_help(&["--help"]) {
        let nested = commands_in_help(&[name.as_str(), "--help"]);
        all.push(vec![name.clone()]);
        all.extend(nested.into_iter().map(|sub| vec![name.clone(), sub]));
    }
    assert!(all.len() >= 10, "tact --help lists the subcommands: {all:?}");
    all
}

#[test]
fn completions_name_every_subcommand_in_every_shell() {
    let subcommands = every_subcommand();
    for shell in ["bash", "zsh", "fish", "powershell", "elvish"] {
        let out = tact(&["completions", shell]);
        assert!(out.status.success(), "{shell}: {}", String::from_utf8_lossy(&out.stderr));
        let script = stdout(&out);
        for words in &subcommands {
            let name = words.last().expect("a word");
            assert!(script.contains(name.as_str()), "the {shell} script does not mention `{}`", words.join(" "));
        }
        // Fish writes flags without their dashes (`-l output`).
        for flag in ["format", "output", "fail-under", "quiet"] {
            assert!(script.contains(flag), "the {shell} script does not mention --{flag}");
        }
    }
    let out = tact(&["completions", "tcsh"]);
    assert_eq!(out.status.code(), Some(2), "an unknown shell is a usage error");
    assert!(String::from_utf8_lossy(&out.stderr).contains("powershell"), "the error lists the shells");
}

/// What bash completes for the words typed so far, with the script loaded.
fn bash_completes(script: &Path, words: &[&str]) -> Vec<String> {
    let typed = words.iter().map(|w| format!("'{w}'")).collect::<Vec<_>>().join(" ");
    let program = format!(
        "source '{}' && COMP_WORDS=({typed}) && COMP_CWORD={} && _tact tact '{}' '{}' && printf '%s\\n' \"${{COMPREPLY[@]}}\"",
        script.display(),
        words.len() - 1,
        words[words.len() - 1],
        words[words.len() - 2],
    );
    let out = Command::new("bash").arg("-c").arg(&program).output().expect("bash runs");
    assert!(out.status.success(), "bash: {}", String::from_utf8_lossy(&out.stderr));
    stdout(&out).lines().map(str::to_owned).collect()
}

#[test]
fn bash_completes_subcommands_flags_and_values() {
    let dir = tempfile::tempdir().expect("tempdir");
    let script = dir.path().join("tact.bash");
    std::fs::write(&script, tact(&["completions", "bash"]).stdout).expect("write the script");
    let syntax = Command::new("bash").arg("-n").arg(&script).output().expect("bash runs");
    assert!(syntax.status.success(), "bash -n: {}", String::from_utf8_lossy(&syntax.stderr));

    assert_eq!(bash_completes(&script, &["tact", "ch"]), ["check"]);
    assert_eq!(bash_completes(&script, &["tact", "co"]), ["completions"]);
    assert!(bash_completes(&script, &["tact", "check", "--fo"]).contains(&"--format".to_owned()));
    let formats = bash_completes(&script, &["tact", "check", "--format", ""]);
    for format in ["human", "concise", "json", "jsonl", "sarif", "github"] {
        assert!(formats.contains(&format.to_owned()), "--format completes {format}: {formats:?}");
    }
    assert_eq!(bash_completes(&script, &["tact", "completions", "fi"]), ["fish"]);
}

#[test]
fn man_page_has_a_section_per_subcommand() {
    let out = tact(&["man"]);
    assert!(out.status.success());
    let page = stdout(&out);
    assert!(page.contains("\n.TH tact 1 "), "{}", &page[..page.len().min(200)]);
    for words in every_subcommand() {
        if words == ["rules"] {
            continue; // it only groups `rules list` and `rules test`
        }
        let heading = format!(".SH \"TACT {}\"", words.join(" ").to_uppercase());
        assert!(page.contains(&heading), "no {heading} in the man page");
    }
    for text in ["EXIT STATUS", ".tact.yml", "NO_COLOR", "\\-\\-output", "\\-\\-fail\\-under"] {
        assert!(page.contains(text), "the man page does not mention {text}");
    }
}

#[test]
fn groff_reads_the_man_page_without_warnings() {
    if Command::new("groff").arg("--version").output().is_err() {
        use std::io::Write;
        let _ = write!(std::io::stderr(), "\n\n*** SKIP groff_reads_the_man_page: groff not found ***\n\n");
        return;
    }
    let dir = tempfile::tempdir().expect("tempdir");
    let page = dir.path().join("tact.1");
    std::fs::write(&page, tact(&["man"]).stdout).expect("write tact.1");
    let out = Command::new("groff")
        .args(["-man", "-Tutf8", "-ww", "-rLL=200n", "-P-cbu"])
        .arg(&page)
        .output()
        .expect("groff runs");
    assert!(out.status.success());
    assert_eq!(String::from_utf8_lossy(&out.stderr), "", "groff warns");
    let text = stdout(&out);
    assert!(text.contains("TACT CHECK") && text.contains("Write the report to this file"), "{text}");
}
