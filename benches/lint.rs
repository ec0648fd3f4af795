//! Speed of the full rule pack: one draft in memory and from the CLI
//! (process start, rule loading and all), 10,000 messages in memory on one
//! core, and 10,000 messages through the CLI from a folder and from one CSV;
//! and, as a floor to compare with, a plain scan of the same messages for
//! the pack's phrases alone (one Aho-Corasick automaton, one regex).
//! Throughput is in bytes of message text. Each bench checks its answer, so
//! it cannot get faster by doing nothing. Figures: `docs/performance.md`.

mod support;

use std::hint::black_box;
use std::process::Command;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use tact::{Linter, Message};

use support::corpus;

const N: usize = 10_000;

fn one_draft(c: &mut Criterion) {
    let linter = Linter::builtin().expect("built-in pack");
    let draft = corpus::messages(1, 42).concat();
    let expected = linter.lint(&Message::plain(draft.clone()), None).diagnostics.len();
    let mut group = c.benchmark_group("draft");
    group.throughput(Throughput::Bytes(draft.len() as u64));
    group.bench_function("one draft, full pack", |b| {
        b.iter(|| {
            let report = linter.lint(&Message::plain(black_box(draft.clone())), None);
            assert_eq!(report.diagnostics.len(), expected);
        });
    });
    // What a writer waits for: `tact check draft.txt`, from process start
    // to exit. The target is under 5 ms.
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("draft.txt");
    std::fs::write(&path, &draft).expect("write the draft");
    let run = || {
        let output = Command::new(env!("CARGO_BIN_EXE_tact"))
            .args(["check", "--isolated", "--format", "concise"])
            .arg(&path)
            .output()
            .expect("tact runs");
        let lines = output.stdout.iter().filter(|&&b| b == b'\n').count();
        assert_eq!((output.status.code(), lines), (Some(1), expected), "one line a finding");
    };
    group.bench_function("one draft from the CLI", |b| b.iter(run));
    group.finish();
}

fn batch_in_memory(c: &mut Criterion) {
    let linter = Linter::builtin().expect("built-in pack");
    let messages = corpus::messages(N, 7);
    let bytes: usize = messages.iter().map(String::len).sum();
    let count = |messages: &[String]| -> usize {
        messages.iter().map(|m| linter.lint(&Message::plain(m.clone()), None).diagnostics.len()).sum()
    };
    let expected = count(&messages);
    assert!(expected > N / 2, "the corpus has findings");
    let mut group = c.benchmark_group("batch");
    group.sample_size(10);
    group.throughput(Throughput::Bytes(bytes as u64));
    group.bench_function("10k messages, one core", |b| b.iter(|| assert_eq!(count(black_box(&messages)), expected)));
    group.finish();
}

fn batch_cli(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("tempdir");
    let folder = dir.path().join("folder");
    let folder_bytes = corpus::write_folder(&folder, N, 7).expect("write corpus");
    let csv = dir.path().join("messages.csv");
    let csv_bytes = corpus::write_csv(&csv, N, 7).expect("write csv");
    let run = |path: &std::path::Path| {
        let output = Command::new(env!("CARGO_BIN_EXE_tact"))
            .args(["check", "--isolated", "--summary", "--format", "json"])
            .arg(path)
            .output()
            .expect("tact runs");
        let summary: serde_json::Value = serde_json::from_slice(&output.stdout).expect("JSON summary");
        assert_eq!(summary["messages"], N);
    };
    let mut group = c.benchmark_group("cli");
    group.sample_size(10);
    group.throughput(Throughput::Bytes(folder_bytes));
    group.bench_function("10k files from a folder", |b| b.iter(|| run(&folder)));
    group.throughput(Throughput::Bytes(csv_bytes));
    group.bench_function("10k rows from one CSV", |b| b.iter(|| run(&csv)));
    group.finish();
}

/// Every phrase (and `unless` phrase) of the built-in rules and intents,
/// lowercased: what tact's own phrase scan looks for.
fn pack_phrases() -> Vec<String> {
    fn collect(value: &serde_yaml::Value, out: &mut Vec<String>) {
        match value {
            serde_yaml::Value::Mapping(map) => {
                for (key, value) in map {
                    match (key.as_str(), value.as_sequence()) {
                        (Some("phrases" | "unless"), Some(list)) => {
                            out.extend(list.iter().filter_map(|p| p.as_str()).map(str::to_lowercase));
                        }
                        _ => collect(value, out),
                    }
                }
            }
            serde_yaml::Value::Sequence(items) => items.iter().for_each(|v| collect(v, out)),
            _ => {}
        }
    }
    let mut out = Vec::new();
    for entry in walkdir::WalkDir::new(concat!(env!("CARGO_MANIFEST_DIR"), "/rules")).sort_by_file_name() {
        let entry = entry.expect("rules folder");
        if entry.path().extension().is_some_and(|e| e == "yml") {
            let text = std::fs::read_to_string(entry.path()).expect("rule file");
            collect(&serde_yaml::from_str(&text).expect("rule YAML"), &mut out);
        }
    }
    out.sort();
    out.dedup();
    out
}

fn baseline(c: &mut Criterion) {
    let messages = corpus::messages(N, 7);
    let bytes: usize = messages.iter().map(String::len).sum();
    let phrases = pack_phrases();
    assert!(phrases.len() > 500, "the pack has phrases");
    let automaton =
        aho_corasick::AhoCorasick::builder().ascii_case_insensitive(true).build(&phrases).expect("phrase automaton");
    let alternation = phrases.iter().map(|p| regex::escape(p)).collect::<Vec<_>>().join("|");
    // ASCII word boundaries: a Unicode `\b` takes the regex engine off its
    // fast path, and the baseline should be the fastest plain scan.
    let regex = regex::Regex::new(&format!(r"(?i)(?-u:\b)(?:{alternation})(?-u:\b)")).expect("phrase regex");
    let ac_count = |messages: &[String]| -> usize { messages.iter().map(|m| automaton.find_iter(m).count()).sum() };
    let re_count = |messages: &[String]| -> usize { messages.iter().map(|m| regex.find_iter(m).count()).sum() };
    let (ac_expected, re_expected) = (ac_count(&messages), re_count(&messages));
    assert!(ac_expected > N && re_expected > N, "the corpus holds pack phrases");
    let mut group = c.benchmark_group("baseline");
    group.sample_size(10);
    group.throughput(Throughput::Bytes(bytes as u64));
    group.bench_function("10k messages, pack phrases, one Aho-Corasick", |b| {
        b.iter(|| assert_eq!(ac_count(black_box(&messages)), ac_expected));
    });
    group.bench_function("10k messages, pack phrases, one regex", |b| {
        b.iter(|| assert_eq!(re_count(black_box(&messages)), re_expected));
    });
    group.finish();
}

criterion_group!(benches, one_draft, batch_in_memory, batch_cli, baseline);
criterion_main!(benches);
