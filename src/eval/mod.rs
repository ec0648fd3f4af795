//! Measuring tact's judgement on labelled messages (`tact eval`).
//!
//! A labelled set ([`labelled`]) pairs messages with a verdict (`good`,
//! `bad`, `mixed`) and, optionally, the problems a reviewer saw (flags).
//! [`evaluate`] lints every message the way `tact check` would and reports
//! how well the score ranks good above bad (AUC), each rule's precision and
//! recall against the flags ([`flags`]), whether published rewrites score
//! above their originals, how often the kind is inferred right, how often an
//! ask is seen at all, and the messages tact ranks worst. [`split`] is the
//! fixed rule that keeps a `dev` side for tuning and a `test` side for
//! reporting.

pub mod flags;
pub mod labelled;
pub mod metrics;
pub mod split;

use std::collections::{BTreeMap, BTreeSet};

use rayon::prelude::*;

use crate::lint::Linter;
use crate::message::{Kind, KindSource, Message};
use labelled::{Example, Label, LabelledSet, SetFormat};
use metrics::{auc, mean, ratio};
use split::SplitChoice;

/// How to evaluate.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct EvalOptions {
    pub split: SplitChoice,
    /// Lint each message as the kind its label gives, instead of inferring it.
    pub labelled_kinds: bool,
    /// How many of the worst-ranked messages to list on each side.
    pub worst: usize,
}

impl Default for EvalOptions {
    fn default() -> Self {
        Self { split: SplitChoice::All, labelled_kinds: false, worst: 10 }
    }
}

/// Rules need this many flagged messages before their figures count in the
/// macro averages.
pub const MIN_POSITIVES: usize = 8;

/// What an evaluation found. Serialized as `tact eval --format json`.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Evaluation {
    pub set: String,
    pub format: SetFormat,
    pub split: SplitChoice,
    pub messages: Counts,
    pub auc: Aucs,
    pub mean_score: MeanScores,
    /// Bad messages that score a perfect 100.
    pub bad_scoring_100: usize,
    pub asks: AskRecall,
    pub kinds: KindAccuracy,
    pub pairs: Pairs,
    /// Over rules with at least [`MIN_POSITIVES`] flagged messages.
    pub macro_average: MacroAverage,
    pub rules: Vec<RuleFigures>,
    /// Good messages ranked lowest, then bad messages ranked highest.
    pub worst: Vec<Ranked>,
}

#[derive(Debug, Clone, Default, serde::Serialize)]
pub struct Counts {
    pub total: usize,
    pub good: usize,
    pub bad: usize,
    pub mixed: usize,
    /// Received or sent, not written to illustrate.
    pub real: usize,
    pub templates: usize,
}

/// AUC of the score, good against bad (`null` where a side is empty).
#[derive(Debug, Clone, serde::Serialize)]
pub struct Aucs {
    pub overall: Option<f64>,
    pub real_only: Option<f64>,
    pub without_templates: Option<f64>,
    /// By labelled kind.
    pub by_kind: BTreeMap<String, Option<f64>>,
}

#[derive(Debug, Clone, serde::Serialize)]
pub struct MeanScores {
    pub good: Option<f64>,
    pub bad: Option<f64>,
}

/// How many messages tact sees an ask in (all labels).
#[derive(Debug, Clone, serde::Serialize)]
pub struct AskRecall {
    pub with_ask: usize,
    pub share: Option<f64>,
}

/// Inferred kind against the labelled kind, where tact has that kind.
#[derive(Debug, Clone, serde::Serialize)]
pub struct KindAccuracy {
    pub judged: usize,
    pub right: usize,
    pub accuracy: Option<f64>,
}

/// Before/after rewrites: does the rewrite score higher?
#[derive(Debug, Clone, serde::Serialize)]
pub struct Pairs {
    pub total: usize,
    pub improved: usize,
    /// `before -> after` ids of pairs that did not improve.
    pub not_improved: Vec<String>,
}

#[derive(Debug, Clone, serde::Serialize)]
pub struct MacroAverage {
    pub rules: usize,
    pub precision: Option<f64>,
    pub recall: Option<f64>,
}

/// One rule's record on the set.
#[derive(Debug, Clone, serde::Serialize)]
pub struct RuleFigures {
    pub rule: String,
    /// The labelled problems this rule answers.
    pub flags: Vec<String>,
    pub fired_on_good: usize,
    pub fired_on_bad: usize,
    pub fired_on_mixed: usize,
    /// Messages flagged with one of `flags` (`null` when the set has no
    /// flags this rule answers, and so no way to judge it).
    pub positives: Option<usize>,
    pub true_positives: Option<usize>,
    pub false_positives: Option<usize>,
    pub precision: Option<f64>,
    pub recall: Option<f64>,
}

/// A message tact ranked against its label.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Ranked {
    pub id: String,
    pub label: Label,
    pub score: u32,
    pub kind: Kind,
    pub rules: Vec<String>,
    /// The first words of the message.
    pub opening: String,
}

/// One message, linted.
struct Outcome {
    score: u32,
    kind: Kind,
    rules: BTreeSet<String>,
    has_ask: bool,
}

/// Lint every message of `set` that `options.split` keeps and measure.
#[must_use]
pub fn evaluate(linter: &Linter, set: &LabelledSet, options: EvalOptions) -> Evaluation {
    let examples: Vec<&Example> = set.examples.iter().filter(|e| options.split.keeps(e.side)).collect();
    let outcomes: Vec<Outcome> = examples.par_iter().map(|e| lint_one(linter, e, options.labelled_kinds)).collect();
    let rows: Vec<(&Example, &Outcome)> = examples.iter().copied().zip(&outcomes).collect();

    let scores = |keep: &dyn Fn(&Example) -> bool, label: Label| -> Vec<f64> {
        rows.iter().filter(|(e, _)| e.label == label && keep(e)).map(|(_, o)| f64::from(o.score)).collect()
    };
    let auc_where = |keep: &dyn Fn(&Example) -> bool| auc(&scores(keep, Label::Good), &scores(keep, Label::Bad));
    let kinds: BTreeSet<&str> = rows.iter().filter_map(|(e, _)| e.kind.as_deref()).collect();
    let by_kind = kinds.iter().map(|k| ((*k).to_owned(), auc_where(&|e| e.kind.as_deref() == Some(k)))).collect();
    let mean_of = |label| {
        let s = scores(&|_| true, label);
        mean(s.iter().map(|v| Some(*v)))
    };

    let rules =
        rule_figures(linter, &rows, set.format == SetFormat::Corpus || rows.iter().any(|(e, _)| !e.flags.is_empty()));
    let counted: Vec<&RuleFigures> = rules.iter().filter(|r| r.positives.is_some_and(|n| n >= MIN_POSITIVES)).collect();
    let with_ask = rows.iter().filter(|(_, o)| o.has_ask).count();
    Evaluation {
        set: set.name.clone(),
        format: set.format,
        split: options.split,
        messages: counts(&examples),
        auc: Aucs {
            overall: auc_where(&|_| true),
            real_only: auc_where(&Example::is_real),
            without_templates: auc_where(&|e| !e.is_template()),
            by_kind,
        },
        mean_score: MeanScores { good: mean_of(Label::Good), bad: mean_of(Label::Bad) },
        bad_scoring_100: rows.iter().filter(|(e, o)| e.label == Label::Bad && o.score == 100).count(),
        asks: AskRecall { with_ask, share: ratio(with_ask, rows.len()) },
        kinds: kind_accuracy(&rows),
        pairs: pairs(&rows),
        macro_average: MacroAverage {
            rules: counted.len(),
            precision: mean(counted.iter().map(|r| r.precision)),
            recall: mean(counted.iter().map(|r| r.recall)),
        },
        rules,
        worst: worst(&rows, options.worst),
    }
}

fn lint_one(linter: &Linter, example: &Example, labelled_kinds: bool) -> Outcome {
    let message = Message::plain(example.text.clone());
    let kind = labelled_kinds
        .then(|| example.kind.as_deref().and_then(|k| k.parse::<Kind>().ok()))
        .flatten()
        .map(|k| (k, KindSource::Option));
    let report = linter.lint(&message, kind);
    Outcome {
        score: report.score.value,
        kind: report.kind,
        rules: report.diagnostics.iter().map(|d| d.rule.clone()).collect(),
        has_ask: !report.asks.is_empty(),
    }
}

fn counts(examples: &[&Example]) -> Counts {
    let mut c = Counts { total: examples.len(), ..Counts::default() };
    for e in examples {
        match e.label {
            Label::Good => c.good += 1,
            Label::Bad => c.bad += 1,
            Label::Mixed => c.mixed += 1,
        }
        c.real += usize::from(e.is_real());
        c.templates += usize::from(e.is_template());
    }
    c
}

fn rule_figures(linter: &Linter, rows: &[(&Example, &Outcome)], flagged: bool) -> Vec<RuleFigures> {
    let used: BTreeSet<&str> = rows.iter().flat_map(|(e, _)| e.flags.iter().map(String::as_str)).collect();
    linter
        .rules()
        .rules()
        .iter()
        .map(|rule| {
            let id = rule.id.as_str();
            let answers: Vec<&str> =
                flags::flags_of(id).into_iter().filter(|f| flags::is_known(f) || used.contains(f)).collect();
            let fired = |label: Label| rows.iter().filter(|(e, o)| e.label == label && o.rules.contains(id)).count();
            let flagged_here = |e: &Example| e.flags.iter().any(|f| answers.contains(&f.as_str()));
            let positives = rows.iter().filter(|(e, _)| flagged_here(e)).count();
            let tp = rows.iter().filter(|(e, o)| o.rules.contains(id) && flagged_here(e)).count();
            let fp = rows.iter().filter(|(e, o)| o.rules.contains(id) && !flagged_here(e)).count();
            let judged = flagged && !answers.is_empty();
            let when = |n: usize| judged.then_some(n);
            RuleFigures {
                rule: id.to_owned(),
                flags: answers.iter().map(|f| (*f).to_owned()).collect(),
                fired_on_good: fired(Label::Good),
                fired_on_bad: fired(Label::Bad),
                fired_on_mixed: fired(Label::Mixed),
                positives: when(positives),
                true_positives: when(tp),
                false_positives: when(fp),
                precision: if judged { ratio(tp, tp + fp) } else { None },
                recall: if judged { ratio(tp, positives) } else { None },
            }
        })
        .collect()
}

fn kind_accuracy(rows: &[(&Example, &Outcome)]) -> KindAccuracy {
    let (mut judged, mut right) = (0, 0);
    for (example, outcome) in rows {
        let Some(labelled) = example.kind.as_deref().and_then(|k| k.parse::<Kind>().ok()) else { continue };
        judged += 1;
        // The labels have no `inmail`: a LinkedIn message is either.
        let same = outcome.kind == labelled
            || (labelled == Kind::LinkedinNote && outcome.kind == Kind::Inmail)
            || (labelled == Kind::Inmail && outcome.kind == Kind::LinkedinNote);
        right += usize::from(same);
    }
    KindAccuracy { judged, right, accuracy: ratio(right, judged) }
}

fn pairs(rows: &[(&Example, &Outcome)]) -> Pairs {
    let by_id: BTreeMap<&str, &(&Example, &Outcome)> = rows.iter().map(|r| (r.0.id.as_str(), r)).collect();
    let (mut total, mut improved, mut not_improved) = (0, 0, Vec::new());
    for (after, after_outcome) in rows.iter().filter(|(e, _)| e.label == Label::Good) {
        let Some((before, before_outcome)) = after.pair.as_deref().and_then(|p| by_id.get(p)).copied() else {
            continue;
        };
        if before.label == Label::Good {
            continue;
        }
        total += 1;
        if after_outcome.score > before_outcome.score {
            improved += 1;
        } else {
            not_improved
                .push(format!("{} ({}) -> {} ({})", before.id, before_outcome.score, after.id, after_outcome.score));
        }
    }
    Pairs { total, improved, not_improved }
}

fn worst(rows: &[(&Example, &Outcome)], n: usize) -> Vec<Ranked> {
    let ranked = |(e, o): &(&Example, &Outcome)| Ranked {
        id: e.id.clone(),
        label: e.label,
        score: o.score,
        kind: o.kind,
        rules: o.rules.iter().cloned().collect(),
        opening: opening(&e.text),
    };
    let mut good: Vec<_> = rows.iter().filter(|(e, _)| e.label == Label::Good).collect();
    good.sort_by(|a, b| a.1.score.cmp(&b.1.score).then_with(|| a.0.id.cmp(&b.0.id)));
    let mut bad: Vec<_> = rows.iter().filter(|(e, _)| e.label == Label::Bad).collect();
    bad.sort_by(|a, b| b.1.score.cmp(&a.1.score).then_with(|| a.0.id.cmp(&b.0.id)));
    good.into_iter().take(n).chain(bad.into_iter().take(n)).map(ranked).collect()
}

/// The first 60 characters of a message's words, on one line.
fn opening(text: &str) -> String {
    let words = text.split_whitespace().collect::<Vec<_>>().join(" ");
    match words.char_indices().nth(60) {
        Some((at, _)) => format!("{}…", &words[..at]),
        None => words,
    }
}

/// The figures `--min` can hold to a floor, and what each reads.
pub const FIGURES: &[(&str, &str)] = &[
    ("auc", "AUC of the score, good above bad"),
    ("auc-real", "the same, real messages only"),
    ("auc-without-templates", "the same, templates left out"),
    ("precision", "macro precision of the rules with enough flagged messages"),
    ("recall", "macro recall of the same rules"),
    ("asks", "share of messages with an ask seen"),
    ("kinds", "share of kinds inferred right"),
    ("pairs", "share of rewrites scoring above their originals"),
];

impl Evaluation {
    /// The figure called `name` (one of [`FIGURES`]); `None` inside when the
    /// set cannot give it (no bad messages, no pairs...).
    #[must_use]
    pub fn figure(&self, name: &str) -> Option<Option<f64>> {
        Some(match name {
            "auc" => self.auc.overall,
            "auc-real" => self.auc.real_only,
            "auc-without-templates" => self.auc.without_templates,
            "precision" => self.macro_average.precision,
            "recall" => self.macro_average.recall,
            "asks" => self.asks.share,
            "kinds" => self.kinds.accuracy,
            "pairs" => ratio(self.pairs.improved, self.pairs.total),
            _ => return None,
        })
    }
}

/// A lowest acceptable value of a figure: `auc=0.8`.
#[derive(Debug, Clone, PartialEq)]
pub struct Floor {
    pub figure: String,
    pub value: f64,
}

impl std::str::FromStr for Floor {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let names = || FIGURES.iter().map(|(n, _)| *n).collect::<Vec<_>>().join(", ");
        let (figure, value) =
            s.split_once('=').ok_or_else(|| format!("expected FIGURE=VALUE such as auc=0.8, got `{s}`"))?;
        let figure = figure.trim().to_ascii_lowercase();
        if !FIGURES.iter().any(|(n, _)| *n == figure) {
            return Err(format!("unknown figure `{figure}` (figures: {})", names()));
        }
        let value: f64 = value.trim().parse().map_err(|_| format!("`{value}` is not a number"))?;
        if !(0.0..=1.0).contains(&value) {
            return Err(format!("{figure}={value}: figures run from 0 to 1"));
        }
        Ok(Floor { figure, value })
    }
}

impl Floor {
    /// `None` when the evaluation clears the floor, else what fell short.
    /// A figure the set cannot give falls short too: a floor that cannot be
    /// checked protects nothing.
    #[must_use]
    pub fn shortfall(&self, eval: &Evaluation) -> Option<String> {
        match eval.figure(&self.figure).flatten() {
            Some(v) if v >= self.value => None,
            Some(v) => Some(format!("{} is {v:.3}, below the floor of {}", self.figure, self.value)),
            None => Some(format!("{} cannot be measured on this set (floor {})", self.figure, self.value)),
        }
    }
}
