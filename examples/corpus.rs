//! Write the benchmark corpus to disk, for timing the CLI by hand:
//! `cargo run --release --example corpus -- DIR [N] [MB]` writes N messages
//! (10,000 by default) as `.txt` files under `DIR/folder/`, the same as one
//! CSV at `DIR/messages.csv`, one draft at `DIR/draft.txt`, and with `MB`
//! one text of that many megabytes at `DIR/large.txt` (as `benches/large.rs`
//! checks).

#[path = "../benches/support/corpus.rs"]
mod corpus;

use std::path::PathBuf;

fn main() -> std::io::Result<()> {
    let mut args = std::env::args().skip(1);
    let dir = PathBuf::from(args.next().unwrap_or_else(|| "corpus".to_owned()));
    let n: usize = args.next().and_then(|s| s.parse().ok()).unwrap_or(10_000);
    let large: usize = args.next().and_then(|s| s.parse().ok()).unwrap_or(0);
    std::fs::create_dir_all(&dir)?;
    if large > 0 {
        std::fs::write(dir.join("large.txt"), corpus::long_text(large << 20))?;
    }
    let folder = corpus::write_folder(&dir.join("folder"), n, 7)?;
    let csv = corpus::write_csv(&dir.join("messages.csv"), n, 7)?;
    std::fs::write(dir.join("draft.txt"), corpus::messages(1, 42).concat())?;
    let summary = format!("{n} messages: {folder} bytes in {}/folder, {csv} bytes in messages.csv\n", dir.display());
    std::io::Write::write_all(&mut std::io::stderr(), summary.as_bytes())
}
