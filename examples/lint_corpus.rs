//! Lint the benchmark corpus in-process on one thread and print MB/s: a
//! target for profilers (`perf record cargo run --release --example
//! lint_corpus -- 10000 5`, or `valgrind --tool=callgrind
//! --toggle-collect='*lint_all*'` for instruction counts of linting alone).

#[path = "../benches/support/corpus.rs"]
mod corpus;

use std::time::Instant;

use tact::{Linter, Message};

/// Every message once (a separate function, for `--toggle-collect`).
#[inline(never)]
fn lint_all(linter: &Linter, messages: &[String]) -> usize {
    messages.iter().map(|m| linter.lint(&Message::plain(m.clone()), None).diagnostics.len()).sum()
}

fn main() {
    let mut args = std::env::args().skip(1);
    let n: usize = args.next().and_then(|s| s.parse().ok()).unwrap_or(10_000);
    let rounds: usize = args.next().and_then(|s| s.parse().ok()).unwrap_or(3);
    let started = Instant::now();
    let linter = Linter::builtin().expect("built-in pack");
    let loaded = started.elapsed();
    let messages = corpus::messages(n, 7);
    let bytes: usize = messages.iter().map(String::len).sum();
    let started = Instant::now();
    let findings: usize = (0..rounds).map(|_| lint_all(&linter, &messages)).sum();
    let seconds = started.elapsed().as_secs_f64();
    #[allow(clippy::cast_precision_loss)]
    let rate = (bytes * rounds) as f64 / seconds / 1e6;
    let line = format!(
        "rules loaded in {:.2} ms; {n} messages x {rounds}: {findings} findings, {rate:.1} MB/s on one thread\n",
        loaded.as_secs_f64() * 1e3
    );
    std::io::Write::write_all(&mut std::io::stderr(), line.as_bytes()).ok();
}
