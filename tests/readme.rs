//! The README runs. Every `tact` command in its code blocks is run against
//! the real binary, in a scratch folder holding the files it names (YAML
//! blocks that start with `# path` are written there too; `tact lsp` gets
//! an editor's shortest session), and must check everything it was given:
//! exit 0, or 1 for findings (`check`) and a missed floor (`eval --min`). Every `console` block's output
//! must be what the binary prints; a line `...` stands for any lines. So
//! the README cannot drift from the binary.

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// A fenced code block: its language and lines.
struct Block {
    lang: String,
    lines: Vec<String>,
    /// One-based line of the opening fence, for messages.
    at: usize,
}

fn blocks(markdown: &str) -> Vec<Block> {
    let mut out = Vec::new();
    let mut open: Option<Block> = None;
    for (i, line) in markdown.lines().enumerate() {
        match (open.take(), line.strip_prefix("```")) {
            (None, Some(lang)) => open = Some(Block { lang: lang.trim().to_owned(), lines: Vec::new(), at: i + 1 }),
            (Some(block), Some(_)) => out.push(block),
            (Some(mut block), None) => {
                block.lines.push(line.to_owned());
                open = Some(block);
            }
            (None, None) => {}
        }
    }
    out
}

/// One command line: `[pbpaste | cat FILE |] tact ARGS [> FILE]`.
#[derive(Debug)]
struct Run {
    args: Vec<String>,
    stdin: Option<String>,
    stdout_to: Option<String>,
}

/// The `tact` command on `line`, if it runs one; comments dropped.
fn parse(line: &str) -> Option<Run> {
    let line = line.split(" #").next().unwrap_or(line).trim();
    let (feed, command) = match line.rsplit_once(" | ") {
        Some((feed, command)) => (Some(feed.trim()), command),
        None => (None, line),
    };
    let (command, stdout_to) = match command.split_once(" > ") {
        Some((command, file)) => (command, Some(file.trim().to_owned())),
        None => (command, None),
    };
    let words = words(command);
    if words.first().map(String::as_str) != Some("tact") {
        return None;
    }
    let stdin = feed.map(|feed| match feed.strip_prefix("cat ") {
        Some(file) => file.trim().to_owned(),
        // `pbpaste`: the clipboard holds a draft.
        None => "draft.txt".to_owned(),
    });
    Some(Run { args: words[1..].to_vec(), stdin, stdout_to })
}

/// Shell words: split on spaces, double quotes group.
fn words(command: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut word = String::new();
    let mut quoted = false;
    for c in command.chars() {
        match c {
            '"' => quoted = !quoted,
            ' ' if !quoted => {
                if !word.is_empty() {
                    out.push(std::mem::take(&mut word));
                }
            }
            c => word.push(c),
        }
    }
    if !word.is_empty() {
        out.push(word);
    }
    out
}

fn copy_dir(from: &Path, to: &Path) {
    for entry in walkdir::WalkDir::new(from) {
        let entry = entry.expect("walk");
        let target = to.join(entry.path().strip_prefix(from).expect("below"));
        if entry.file_type().is_dir() {
            std::fs::create_dir_all(&target).expect("mkdir");
        } else {
            std::fs::copy(entry.path(), &target).expect("copy");
        }
    }
}

fn write(dir: &Path, name: &str, text: &str) {
    let path = dir.join(name);
    std::fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
    std::fs::write(path, text).expect("write");
}

const LABELLED: &str = "text,label\n\
    \"Hi Sam, could you introduce me to Dana? No worries if not. Thanks!\",good\n\
    \"Thanks for the intro to Jorge, we meet on Tuesday.\",good\n\
    \"Per my last email, could you send the deck?\",bad\n\
    \"Hi {{first_name}}, can I pick your brain?\",bad\n";

/// A scratch folder with every file the README's commands name.
fn scratch(readme: &[Block]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp");
    let d = dir.path();
    let root = repo();
    copy_dir(&root.join("fixtures/samples"), &d.join("fixtures/samples"));
    copy_dir(&root.join("tests/corpus/messages"), &d.join("tests/corpus/messages"));
    copy_dir(&root.join("fixtures/batch/templates"), &d.join("templates"));
    copy_dir(&root.join("fixtures/samples"), &d.join("messages"));
    std::fs::copy(root.join("fixtures/samples/cold-email.txt"), d.join("draft.txt")).expect("copy");
    for name in ["messages.csv", "Invitations.csv"] {
        let text = std::fs::read_to_string(root.join("fixtures/batch/linkedin").join(name)).expect("read");
        write(d, &format!("linkedin-export/{name}"), &text.replace("/in/ana-ruiz", "/in/you"));
    }
    write(d, "campaign.csv", "subject,body\nQuick question,\"Hi Sam, per my last email, could you send the deck?\"\n");
    write(
        d,
        "sequences.csv",
        "Email Subject,Email Body\nIntro?,\"Hi Sam, could you introduce me to Dana at Stripe? Thanks!\"\n",
    );
    write(
        d,
        "messages.jsonl",
        "{\"id\": \"m-1\", \"body\": \"Hi Sam, could you introduce me to Dana?\"}\n{\"id\": \"m-2\", \"body\": \"Thanks!\"}\n",
    );
    write(d, "labelled.csv", LABELLED);
    write(d, "sent.csv", LABELLED);
    for block in readme.iter().filter(|b| b.lang == "yaml") {
        if let Some(path) = block.lines.first().and_then(|l| l.strip_prefix("# ")) {
            write(d, path.trim(), &block.lines.join("\n"));
        }
    }
    dir
}

/// What an editor says to `tact lsp` in the shortest session: hello, goodbye.
fn lsp_session() -> Vec<u8> {
    [
        r#"{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"capabilities":{}}}"#,
        r#"{"jsonrpc":"2.0","method":"initialized","params":{}}"#,
        r#"{"jsonrpc":"2.0","id":2,"method":"shutdown"}"#,
        r#"{"jsonrpc":"2.0","method":"exit"}"#,
    ]
    .iter()
    .flat_map(|body| format!("Content-Length: {}\r\n\r\n{body}", body.len()).into_bytes())
    .collect()
}

fn run(dir: &Path, command: &Run) -> Output {
    let input = match (&command.stdin, command.args.as_slice()) {
        (Some(file), _) => std::fs::read(dir.join(file)).expect("stdin file"),
        (None, [lsp]) if lsp == "lsp" => lsp_session(),
        (None, _) => Vec::new(),
    };
    let mut child = Command::new(env!("CARGO_BIN_EXE_tact"))
        .args(&command.args)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("tact runs");
    let mut stdin = child.stdin.take().expect("stdin");
    // The command may exit before reading it all (a usage error): no matter.
    let _ = std::io::Write::write_all(&mut stdin, &input);
    drop(stdin);
    let out = child.wait_with_output().expect("tact exits");
    if let Some(file) = &command.stdout_to {
        std::fs::write(dir.join(file), &out.stdout).expect("write redirected output");
    }
    out
}

/// Whether `actual` reads as `expected`, where a line `...` in `expected`
/// stands for any number of lines. Trailing spaces do not count.
fn matches(expected: &[&str], actual: &[&str]) -> bool {
    match expected.split_first() {
        None => actual.is_empty(),
        Some((&"...", rest)) => (0..=actual.len()).any(|skip| matches(rest, &actual[skip..])),
        Some((line, rest)) => {
            actual.first().is_some_and(|a| a.trim_end() == line.trim_end()) && matches(rest, &actual[1..])
        }
    }
}

fn readme() -> Vec<Block> {
    blocks(&std::fs::read_to_string(repo().join("README.md")).expect("README.md"))
}

#[test]
fn every_tact_command_in_the_readme_runs() {
    let readme = readme();
    let mut ran = 0;
    for block in readme.iter().filter(|b| b.lang == "sh") {
        for line in &block.lines {
            let Some(command) = parse(line) else { continue };
            // A fresh folder each: `--fix` and `init` write to it.
            let dir = scratch(&readme);
            let out = run(dir.path(), &command);
            let err = String::from_utf8_lossy(&out.stderr);
            // Findings (check) or a missed floor (eval --min) exit 1; nothing else may.
            let may_fail = command.args[0] == "check" || command.args.iter().any(|a| a == "--min");
            let allowed: &[i32] = if may_fail { &[0, 1] } else { &[0] };
            assert!(
                out.status.code().is_some_and(|c| allowed.contains(&c)),
                "README.md:{}: `{line}` exited {:?}:\n{err}",
                block.at,
                out.status.code()
            );
            assert!(!err.contains("panicked"), "README.md:{}: `{line}`:\n{err}", block.at);
            ran += 1;
        }
    }
    assert!(ran >= 20, "only {ran} commands found in the README");
}

#[test]
fn every_console_block_in_the_readme_prints_what_it_shows() {
    let readme = readme();
    let mut shown = 0;
    for block in readme.iter().filter(|b| b.lang == "console") {
        let mut rest = block.lines.as_slice();
        while let Some((first, after)) = rest.split_first() {
            let line = first.strip_prefix("$ ").unwrap_or_else(|| panic!("README.md:{}: no `$ ` command", block.at));
            let end = after.iter().position(|l| l.starts_with("$ ")).unwrap_or(after.len());
            let expected: Vec<&str> = after[..end].iter().map(String::as_str).collect();
            rest = &after[end..];
            let command =
                parse(line).unwrap_or_else(|| panic!("README.md:{}: `{line}` is not a tact command", block.at));
            let dir = scratch(&readme);
            let out = run(dir.path(), &command);
            let printed = format!("{}{}", String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr));
            let actual: Vec<&str> = printed.lines().collect();
            assert!(
                matches(&expected, &actual),
                "README.md:{}: `{line}` prints\n{printed}\nbut the README shows\n{}",
                block.at,
                expected.join("\n")
            );
            shown += 1;
        }
    }
    assert!(shown >= 1, "no console block in the README");
}

#[test]
fn the_matcher_reads_ellipses() {
    assert!(matches(&["a", "...", "d"], &["a", "b", "c", "d"]));
    assert!(matches(&["a", "...", "b"], &["a", "b"]));
    assert!(!matches(&["a", "...", "d"], &["a", "b"]));
    assert!(matches(&["a  "], &["a"]));
}
