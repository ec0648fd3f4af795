//! Large inputs through the CLI: one text file of 1, 10 and 50 MiB (synthetic
//! messages one after the other) and one 10 MiB line, checked with the full
//! pack. Throughput is in bytes of the file: it should stay flat as the file
//! grows, since reading, line indexing, linting and printing are all linear.
//! Each run checks its answer. Figures: `docs/performance.md`.

mod support;

use std::path::Path;
use std::process::Command;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};

use support::corpus;

const MIB: usize = 1 << 20;

/// `tact check` on `path`: findings (exit 1), one concise line each.
fn check(path: &Path) {
    let output = Command::new(env!("CARGO_BIN_EXE_tact"))
        .args(["check", "--isolated", "--format", "concise"])
        .arg(path)
        .output()
        .expect("tact runs");
    assert_eq!(output.status.code(), Some(1), "{}", String::from_utf8_lossy(&output.stderr));
    assert!(output.stdout.len() > 1000, "findings are printed");
}

fn large(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut group = c.benchmark_group("large");
    group.sample_size(10);
    let one_line = corpus::long_text(10 * MIB).replace('\n', " ");
    let inputs = [
        ("1 MiB", corpus::long_text(MIB)),
        ("10 MiB", corpus::long_text(10 * MIB)),
        ("50 MiB", corpus::long_text(50 * MIB)),
        ("10 MiB one line", one_line),
    ];
    for (name, text) in inputs {
        let path = dir.path().join(format!("{}.txt", name.replace(' ', "-")));
        std::fs::write(&path, &text).expect("write the input");
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.bench_function(name, |b| b.iter(|| check(&path)));
    }
    group.finish();
}

criterion_group!(benches, large);
criterion_main!(benches);
