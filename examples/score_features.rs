//! Print what tact reads in each message of a labelled set, one JSON object
//! per line, for studying the score: `cargo run --release --example
//! score_features -- tests/corpus/messages > features.jsonl`.

use std::io::Write;

use tact::eval::labelled;
use tact::{Linter, Message};

fn main() {
    let path = std::env::args().nth(1).unwrap_or_else(|| "tests/corpus/messages".to_owned());
    let set = labelled::read(std::path::Path::new(&path)).expect("labelled set");
    let linter = Linter::builtin().expect("built-in pack");
    let mut out = std::io::stdout().lock();
    for e in &set.examples {
        let report = linter.lint(&Message::plain(e.text.clone()), None);
        let rules: Vec<&str> = report.diagnostics.iter().map(|d| d.rule.as_str()).collect();
        let row = serde_json::json!({
            "id": e.id, "side": format!("{:?}", e.side), "label": e.label.name(), "real": e.is_real(),
            "template": e.is_template(), "kind": e.kind, "inferred": report.kind.to_string(),
            "score": report.score.value, "figures": report.figures, "intents": report.intents,
            "asks": report.asks, "rules": rules,
        });
        writeln!(out, "{row}").expect("write to stdout");
    }
}
