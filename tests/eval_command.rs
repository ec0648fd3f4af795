//! `tact eval` from the outside, on small labelled sets whose figures are
//! worked out by hand. The sets run the stable demo rules
//! (`tests/fixtures/labelled/demo.tact.yml`): a reproach costs 10 points, a
//! placeholder 3, so every score below is known.

use std::path::PathBuf;
use std::process::{Command, Output};

use serde_json::Value;

fn tact(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_tact"))
        .args(args)
        .current_dir(PathBuf::from(env!("CARGO_MANIFEST_DIR")))
        .env("NO_COLOR", "1")
        .output()
        .expect("tact runs")
}

const DEMO: &str = "--config=tests/fixtures/labelled/demo.tact.yml";

fn eval_json(set: &str, extra: &[&str]) -> Value {
    let path = format!("tests/fixtures/labelled/{set}");
    let mut args = vec!["eval", path.as_str(), DEMO, "--format", "json"];
    args.extend_from_slice(extra);
    let out = tact(&args);
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    serde_json::from_slice(&out.stdout).expect("JSON")
}

fn close(v: &Value, expected: f64) -> bool {
    v.as_f64().is_some_and(|x| (x - expected).abs() < 1e-9)
}

fn scores(eval: &Value) -> Vec<(String, u64)> {
    eval["worst"]
        .as_array()
        .expect("worst")
        .iter()
        .map(|w| (w["id"].as_str().unwrap_or("").to_owned(), w["score"].as_u64().unwrap_or(999)))
        .collect()
}

#[test]
fn a_replies_csv_gives_the_auc_worked_by_hand() {
    let eval = eval_json("replies.csv", &[]);
    // replied: a 100, b 97 (placeholder), c 90 (reproach);
    // not replied: d 90, e 87 (both), f 100.
    // 100 beats 90 and 87 and ties 100: 2.5; 97 beats 90 and 87: 2;
    // 90 ties 90 and beats 87: 1.5. AUC = 6 / 9.
    assert!(close(&eval["auc"]["overall"], 6.0 / 9.0), "{}", eval["auc"]);
    assert_eq!(eval["messages"]["good"], 3);
    assert_eq!(eval["messages"]["bad"], 3);
    assert_eq!(eval["bad_scoring_100"], 1);
    assert!(eval["auc"]["real_only"].is_null(), "a plain table says nothing about provenance");
}

#[test]
fn a_corpus_gives_auc_per_subset_rule_figures_and_pairs() {
    let eval = eval_json("small.yml", &[]);
    let s = scores(&eval);
    for (id, score) in [
        ("pricing-after", 100),
        ("thanks-outcome", 100),
        ("reproach-missed", 100),
        ("reproach", 90),
        ("pricing-before", 87),
    ] {
        assert!(s.contains(&(id.to_owned(), score)), "{id} should score {score}: {s:?}");
    }
    // good 100, 100; bad 87, 90, 100: each good wins twice and ties once.
    assert!(close(&eval["auc"]["overall"], 5.0 / 6.0));
    // Real only drops the illustrated `pricing-before`: 1.5 per good of 2.
    assert!(close(&eval["auc"]["real_only"], 0.75));
    assert!(close(&eval["auc"]["without_templates"], 0.75));
    assert!(close(&eval["auc"]["by_kind"]["favor-ask"], 1.0));
    assert!(eval["auc"]["by_kind"]["cold-email"].is_null(), "no good cold email: no AUC");
    // The rewrite scores 100 against its original's 87.
    assert_eq!(eval["pairs"]["total"], 1);
    assert_eq!(eval["pairs"]["improved"], 1);
    assert_eq!(eval["kinds"]["judged"], 6);
    let reproach =
        eval["rules"].as_array().expect("rules").iter().find(|r| r["rule"] == "demo-reproach").expect("rule");
    // Flagged on 3 bad messages; fired on 2 of them and on the mixed one.
    assert_eq!(reproach["positives"], 3);
    assert_eq!(reproach["true_positives"], 2);
    assert_eq!(reproach["false_positives"], 1);
    assert!(close(&reproach["precision"], 2.0 / 3.0));
    assert!(close(&reproach["recall"], 2.0 / 3.0));
    assert_eq!(reproach["fired_on_mixed"], 1);
}

#[test]
fn the_split_follows_sources_and_covers_every_message() {
    let dev = eval_json("small.yml", &["--split", "dev"]);
    let test = eval_json("small.yml", &["--split", "test"]);
    let ids = |e: &Value| {
        let mut v: Vec<String> = scores(e).into_iter().map(|(id, _)| id).collect();
        v.sort();
        v
    };
    assert_eq!(ids(&dev), ["pricing-after", "pricing-before", "thanks-outcome"]);
    assert_eq!(dev["messages"]["total"], 3);
    assert_eq!(test["messages"]["total"], 3, "the mixed message is counted but never ranked");
    assert_eq!(ids(&test), ["reproach", "reproach-missed"]);
    assert!(test["auc"]["overall"].is_null(), "no good message on the test side");
}

#[test]
fn the_politeness_csv_is_labelled_by_quartile() {
    let eval = eval_json("politeness.csv", &[]);
    // Scores -1.0 and -0.5 form the bottom quarter, 0.5 and up the top.
    assert_eq!(eval["messages"]["bad"], 2);
    assert_eq!(eval["messages"]["good"], 3);
    assert_eq!(eval["messages"]["mixed"], 3);
    assert_eq!(eval["format"], "politeness");
    // Three of the eight are questions the reader must answer: asks.
    assert!(close(&eval["asks"]["share"], 3.0 / 8.0));
    // good 100, 100, 90 (a reproach); bad 65 (a reproach, and a question with
    // no easy out), 90: 2 + 2 + 1.5 wins of 6.
    assert!(close(&eval["auc"]["overall"], 5.5 / 6.0));
}

#[test]
fn json_lines_skip_blank_lines_and_read_loose_labels() {
    let eval = eval_json("lines.jsonl", &[]);
    assert_eq!(eval["messages"]["total"], 2);
    let ids: Vec<String> = scores(&eval).into_iter().map(|(id, _)| id).collect();
    assert_eq!(ids, ["p1", "p2"]);
}

#[test]
fn human_output_leads_with_the_figures() {
    let out = tact(&["eval", "tests/fixtures/labelled/small.yml", DEMO]);
    let text = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(0));
    assert!(text.contains("6 messages: 2 good, 3 bad, 1 mixed · 5 real · 1 templates"), "{text}");
    assert!(text.contains("AUC of the score (good above bad)                0.83"), "{text}");
    assert!(text.contains("rewrites scoring above their originals           1 of 1"), "{text}");
    assert!(
        text.contains("Bad messages ranked highest:\n    100  reproach-missed (linkedin-note): nothing fired"),
        "{text}"
    );
}

#[test]
fn floors_fail_the_run_and_say_which() {
    let set = "tests/fixtures/labelled/small.yml";
    let met = tact(&["eval", set, DEMO, "--min", "auc=0.8", "--min", "pairs=1"]);
    assert_eq!(met.status.code(), Some(0), "{}", String::from_utf8_lossy(&met.stderr));
    let missed = tact(&["eval", set, DEMO, "--min", "auc=0.9", "--min", "recall=0.1"]);
    assert_eq!(missed.status.code(), Some(1));
    let err = String::from_utf8_lossy(&missed.stderr);
    assert!(err.contains("tact eval: auc is 0.833, below the floor of 0.9"), "{err}");
    // No rule has 8 flagged messages here: a floor on macro recall cannot be
    // checked, and that fails too.
    assert!(err.contains("tact eval: recall cannot be measured on this set (floor 0.1)"), "{err}");
    let unknown = tact(&["eval", set, "--min", "accuracy=0.9"]);
    assert_eq!(unknown.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&unknown.stderr).contains("unknown figure `accuracy`"));
}

#[test]
fn bad_sets_are_errors_that_point_at_the_line() {
    let dir = tempfile::tempdir().expect("tempdir");
    let csv = dir.path().join("labels.csv");
    std::fs::write(&csv, "text,label\nHi,good\nYo,perhaps\n").expect("write");
    let out = tact(&["eval", csv.to_str().unwrap_or_default()]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2));
    assert!(err.contains("unknown label `perhaps`") && err.contains("labels.csv:3:1"), "{err}");

    let yml = dir.path().join("set.yml");
    std::fs::write(&yml, "- id: a\n  label: good\n  text: hi\n- id: b\n  lable: bad\n  text: yo\n").expect("write");
    let out = tact(&["eval", yml.to_str().unwrap_or_default()]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2));
    assert!(err.contains("unknown key `lable`") && err.contains("set.yml:5:3"), "{err}");

    let missing = tact(&["eval", "no/such/set.csv"]);
    assert_eq!(missing.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&missing.stderr).contains("no/such/set.csv"));

    let empty = dir.path().join("empty.csv");
    std::fs::write(&empty, "text,label\n").expect("write");
    let out = tact(&["eval", empty.to_str().unwrap_or_default()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("no labelled messages"));
}
