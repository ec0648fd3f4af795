//! `tact eval` as text: the headline figures, each rule's record, and the
//! messages ranked furthest from their labels. JSON is the
//! [`Evaluation`]'s serialization (see `docs/accuracy.md`).

use std::fmt::Write;

use crate::eval::labelled::Label;
use crate::eval::{Evaluation, MIN_POSITIVES};

/// The evaluation as a person reads it.
#[must_use]
pub fn human(eval: &Evaluation) -> String {
    let mut out = String::new();
    let m = &eval.messages;
    let _ = writeln!(out, "{} ({}, split: {})", eval.set, eval.format.name(), eval.split);
    let _ = writeln!(
        out,
        "  {} messages: {} good, {} bad, {} mixed · {} real · {} templates\n",
        m.total, m.good, m.bad, m.mixed, m.real, m.templates
    );
    let a = &eval.auc;
    line(&mut out, "AUC of the score (good above bad)", &num(a.overall));
    line(&mut out, "  real messages only", &num(a.real_only));
    line(&mut out, "  without templates", &num(a.without_templates));
    if !a.by_kind.is_empty() {
        let kinds: Vec<String> = a.by_kind.iter().map(|(k, v)| format!("{k} {}", num(*v))).collect();
        line(&mut out, "  by kind", &kinds.join(", "));
    }
    line(&mut out, "mean score, good / bad", &format!("{} / {}", one(eval.mean_score.good), one(eval.mean_score.bad)));
    line(&mut out, "bad messages scoring 100", &format!("{} of {}", eval.bad_scoring_100, m.bad));
    line(&mut out, "messages with an ask seen", &of(eval.asks.with_ask, m.total, eval.asks.share));
    if eval.kinds.judged > 0 {
        line(&mut out, "kind inferred right", &of(eval.kinds.right, eval.kinds.judged, eval.kinds.accuracy));
    }
    if eval.pairs.total > 0 {
        let p = &eval.pairs;
        line(&mut out, "rewrites scoring above their originals", &format!("{} of {}", p.improved, p.total));
    }
    let mac = &eval.macro_average;
    line(
        &mut out,
        &format!("macro precision / recall ({} rules, {MIN_POSITIVES}+ flagged)", mac.rules),
        &format!("{} / {}", num(mac.precision), num(mac.recall)),
    );

    let fired: Vec<_> = eval
        .rules
        .iter()
        .filter(|r| r.fired_on_good + r.fired_on_bad + r.fired_on_mixed + r.positives.unwrap_or(0) > 0)
        .collect();
    if !fired.is_empty() {
        let _ = writeln!(
            out,
            "\n  {:<26} {:>7} {:>5} {:>5} {:>9} {:>6}   fired on good / bad / mixed",
            "rule", "flagged", "right", "wrong", "precision", "recall"
        );
        for r in fired {
            let _ = writeln!(
                out,
                "  {:<26} {:>7} {:>5} {:>5} {:>9} {:>6}   {} / {} / {}",
                r.rule,
                count(r.positives),
                count(r.true_positives),
                count(r.false_positives),
                num(r.precision),
                num(r.recall),
                r.fired_on_good,
                r.fired_on_bad,
                r.fired_on_mixed
            );
        }
    }
    for (title, label) in [("Good messages ranked lowest", Label::Good), ("Bad messages ranked highest", Label::Bad)] {
        let rows: Vec<_> = eval.worst.iter().filter(|r| r.label == label).collect();
        if rows.is_empty() {
            continue;
        }
        let _ = writeln!(out, "\n  {title}:");
        for r in rows {
            let rules = if r.rules.is_empty() { "nothing fired".to_owned() } else { r.rules.join(", ") };
            let _ = writeln!(out, "  {:>5}  {} ({}): {rules}\n         “{}”", r.score, r.id, r.kind, r.opening);
        }
    }
    if !eval.pairs.not_improved.is_empty() {
        let _ = writeln!(out, "\n  Rewrites that did not score higher:");
        for p in &eval.pairs.not_improved {
            let _ = writeln!(out, "    {p}");
        }
    }
    out
}

fn line(out: &mut String, what: &str, value: &str) {
    let _ = writeln!(out, "  {what:<48} {value}");
}

fn num(x: Option<f64>) -> String {
    x.map_or_else(|| "—".to_owned(), |x| format!("{x:.2}"))
}

fn count(n: Option<usize>) -> String {
    n.map_or_else(|| "—".to_owned(), |n| n.to_string())
}

fn one(x: Option<f64>) -> String {
    x.map_or_else(|| "—".to_owned(), |x| format!("{x:.1}"))
}

fn of(part: usize, whole: usize, share: Option<f64>) -> String {
    match share {
        Some(s) => format!("{part} of {whole} ({:.0}%)", s * 100.0),
        None => format!("{part} of {whole}"),
    }
}
