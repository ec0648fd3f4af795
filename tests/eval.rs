//! Accuracy of the built-in pack on the labelled evaluation set in
//! `fixtures/eval/`: each rule's precision and recall, and how well the score
//! separates good messages from bad ones. Fails when a figure drops below
//! the thresholds in `docs/accuracy.md`; regenerates that file's table with
//! `TACT_BLESS=1`, and fails when the committed table is stale.

#![allow(clippy::print_stderr)]

use std::collections::BTreeMap;
use std::path::Path;
use std::sync::Arc;

use tact::diagnostic::Applicability;
use tact::fix::fix_text;
use tact::input::{self, InputFormat};
use tact::message::{KindSource, Message};
use tact::{Kind, Linter, RuleSet, Selection};

/// A rule that fires must be right this often (rules that fired at least 3 times).
const MIN_RULE_PRECISION: f64 = 0.75;
/// Over all rules.
const MIN_PRECISION: f64 = 0.85;
const MIN_RECALL: f64 = 0.70;
/// Chance that a random good message scores above a random bad one.
const MIN_SEPARATION: f64 = 0.90;

#[derive(serde::Deserialize)]
struct Label {
    file: String,
    kind: Kind,
    verdict: String,
    #[serde(default)]
    expect: Vec<String>,
    #[serde(default)]
    allow: Vec<String>,
    #[allow(dead_code)]
    note: Option<String>,
}

#[derive(Default, Clone, Copy)]
struct Counts {
    tp: usize,
    fp: usize,
    fn_: usize,
}

fn ratio(a: usize, b: usize) -> Option<f64> {
    #[allow(clippy::cast_precision_loss)]
    (b > 0).then(|| a as f64 / b as f64)
}

fn pct(x: Option<f64>) -> String {
    x.map_or_else(|| "—".to_owned(), |x| format!("{:.0}%", x * 100.0))
}

#[test]
fn accuracy_on_the_evaluation_set() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/eval");
    let labels: Vec<Label> =
        serde_yaml::from_str(&std::fs::read_to_string(root.join("labels.yml")).expect("labels.yml"))
            .expect("labels parse");
    let rules = Arc::new(RuleSet::builtin().expect("built-in pack"));
    let linter = Linter::new(Arc::clone(&rules), &Selection::default()).expect("linter");

    let mut counts: BTreeMap<String, Counts> =
        rules.rules().iter().map(|r| (r.id.clone(), Counts::default())).collect();
    let mut good_scores = Vec::new();
    let mut bad_scores = Vec::new();
    let mut kind_right = 0;
    let mut mistakes = Vec::new();
    let (mut rewritten, mut gain, mut worse) = (0usize, 0i64, Vec::new());
    for label in &labels {
        let path = root.join(&label.file);
        let bytes = std::fs::read(&path).expect("fixture file");
        let format = InputFormat::from_path(&path).unwrap_or(InputFormat::Text);
        let documents = input::read(&label.file, bytes, format).expect("readable fixture");
        let document = &documents[0];
        let message = Message::new(document.text.clone(), document.format);
        let inferred = linter.lint(&message, None);
        if inferred.kind == label.kind {
            kind_right += 1;
        }
        let report = linter.lint(&message, Some((label.kind, KindSource::Option)));
        let fired: Vec<&str> = report.diagnostics.iter().map(|d| d.rule.as_str()).collect();
        for (rule, c) in &mut counts {
            let did = fired.contains(&rule.as_str());
            let expected = label.expect.contains(rule);
            let allowed = label.allow.contains(rule);
            match (did, expected) {
                (true, true) => c.tp += 1,
                (false, true) => {
                    c.fn_ += 1;
                    mistakes.push(format!("missed  {rule:28} {}", label.file));
                }
                (true, false) if !allowed => {
                    c.fp += 1;
                    mistakes.push(format!("wrong   {rule:28} {}", label.file));
                }
                _ => {}
            }
        }
        let score = f64::from(report.score.value);
        if label.verdict == "good" {
            good_scores.push(score);
        } else {
            bad_scores.push(score);
            // Applying every rewrite tact offers must never make a message worse.
            let kind = Some((label.kind, KindSource::Option));
            let fixed =
                fix_text(&linter, message.text(), document.format, kind.clone(), Applicability::Unsafe, &|_| true);
            if fixed.applied > 0 {
                let after = linter.lint(&Message::new(fixed.text.clone(), document.format), kind).score.value;
                rewritten += 1;
                gain += i64::from(after) - i64::from(report.score.value);
                if after < report.score.value {
                    worse.push(format!("{}: {} -> {after}\n{}", label.file, report.score.value, fixed.text));
                }
            }
        }
    }

    // Separation: the probability that a good message outscores a bad one.
    let mut wins = 0.0;
    for g in &good_scores {
        for b in &bad_scores {
            wins += if g > b {
                1.0
            } else if (g - b).abs() < f64::EPSILON {
                0.5
            } else {
                0.0
            };
        }
    }
    #[allow(clippy::cast_precision_loss)]
    let separation = wins / (good_scores.len() * bad_scores.len()) as f64;
    #[allow(clippy::cast_precision_loss)]
    let mean = |v: &[f64]| v.iter().sum::<f64>() / v.len() as f64;

    let total =
        counts.values().fold(Counts::default(), |a, c| Counts { tp: a.tp + c.tp, fp: a.fp + c.fp, fn_: a.fn_ + c.fn_ });
    let precision = ratio(total.tp, total.tp + total.fp).unwrap_or(1.0);
    let recall = ratio(total.tp, total.tp + total.fn_).unwrap_or(1.0);

    let mut table = String::new();
    table.push_str(
        "| rule | fired right | fired wrong | missed | precision | recall |\n|---|---:|---:|---:|---:|---:|\n",
    );
    for (rule, c) in &counts {
        table.push_str(&format!(
            "| `{rule}` | {} | {} | {} | {} | {} |\n",
            c.tp,
            c.fp,
            c.fn_,
            pct(ratio(c.tp, c.tp + c.fp)),
            pct(ratio(c.tp, c.tp + c.fn_))
        ));
    }
    table.push_str(&format!(
        "| **all rules** | {} | {} | {} | **{}** | **{}** |\n\n",
        total.tp,
        total.fp,
        total.fn_,
        pct(Some(precision)),
        pct(Some(recall))
    ));
    table.push_str(&format!(
        "Messages: {} ({} good, {} bad). Mean score: good {:.1}, bad {:.1}. \
         Separation (chance a good message outscores a bad one): **{:.2}**. \
         Kind inferred correctly: {kind_right} of {}. \
         Applying tact's rewrites to the {rewritten} bad messages it can rewrite raises their score by {:.1} points on average.\n",
        labels.len(),
        good_scores.len(),
        bad_scores.len(),
        mean(&good_scores),
        mean(&bad_scores),
        separation,
        labels.len(),
        if rewritten == 0 { 0.0 } else { gain as f64 / rewritten as f64 }
    ));

    let doc_path = Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/accuracy.md");
    let doc = std::fs::read_to_string(&doc_path).unwrap_or_default();
    const START: &str = "<!-- table: generated by tests/eval.rs -->\n";
    const END: &str = "<!-- end of table -->";
    if std::env::var_os("TACT_EVAL_VERBOSE").is_some() {
        eprintln!("{table}\n{}", mistakes.join("\n"));
    }
    if std::env::var_os("TACT_BLESS").is_some() {
        let (head, rest) = doc.split_once(START).expect("docs/accuracy.md has the table marker");
        let (_, tail) = rest.split_once(END).expect("docs/accuracy.md has the end marker");
        std::fs::write(&doc_path, format!("{head}{START}{table}{END}{tail}")).expect("write docs/accuracy.md");
    } else {
        assert!(
            doc.contains(&table),
            "docs/accuracy.md is stale: run `TACT_BLESS=1 cargo test --test eval`\n\n{table}"
        );
    }

    for (rule, c) in &counts {
        if c.tp + c.fp >= 3 {
            let p = ratio(c.tp, c.tp + c.fp).unwrap_or(1.0);
            assert!(
                p >= MIN_RULE_PRECISION,
                "{rule}: precision {p:.2} below {MIN_RULE_PRECISION}\n{}",
                mistakes.join("\n")
            );
        }
    }
    assert!(precision >= MIN_PRECISION, "precision {precision:.2} below {MIN_PRECISION}\n{}", mistakes.join("\n"));
    assert!(recall >= MIN_RECALL, "recall {recall:.2} below {MIN_RECALL}\n{}", mistakes.join("\n"));
    assert!(separation >= MIN_SEPARATION, "separation {separation:.2} below {MIN_SEPARATION}");
    assert!(worse.is_empty(), "rewrites lowered these scores:\n{}", worse.join("\n\n"));
}
