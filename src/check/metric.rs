//! `metric`: a measured figure crosses a bound (see [`crate::figures`]).

use std::collections::BTreeMap;

use super::{Ctx, Finding, SpecError};
use crate::message::Kind;
use crate::span::Span;

pub use crate::figures::Figures;

/// The figures a `metric` check can bound.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Metric {
    /// Words of the writer's prose.
    Words,
    /// Characters of the writer's prose, greeting to sign-off.
    Characters,
    /// Words of each sentence (fires per sentence).
    SentenceWords,
    /// Words of each paragraph (fires per paragraph).
    ParagraphWords,
    /// Flesch reading ease of the whole message.
    ReadingEase,
    /// you / (you + I) words.
    YouIBalance,
    /// Sentences asking a question.
    Questions,
    /// Links in the prose.
    Links,
    /// Exclamation marks in subject and prose.
    Exclamations,
}

#[derive(Debug, Clone, serde::Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Spec {
    pub metric: Metric,
    #[serde(default)]
    pub max: Option<f64>,
    #[serde(default)]
    pub min: Option<f64>,
    /// Per-kind maximums, over `max`.
    #[serde(default)]
    pub max_by_kind: BTreeMap<Kind, f64>,
    /// Per-kind minimums, over `min`.
    #[serde(default)]
    pub min_by_kind: BTreeMap<Kind, f64>,
    /// Judge only messages with at least this many words.
    #[serde(default)]
    pub min_words: usize,
}

#[derive(Debug)]
pub struct MetricCheck {
    spec: Spec,
}

pub fn compile(spec: Spec) -> Result<MetricCheck, SpecError> {
    if spec.max.is_none() && spec.min.is_none() && spec.max_by_kind.is_empty() && spec.min_by_kind.is_empty() {
        return Err(SpecError::new(
            vec!["metric".into()],
            "a metric needs a bound: `max`, `min`, `max-by-kind` or `min-by-kind`",
        ));
    }
    Ok(MetricCheck { spec })
}

impl MetricCheck {
    fn bounds(&self, kind: Kind) -> (Option<f64>, Option<f64>) {
        (
            self.spec.max_by_kind.get(&kind).copied().or(self.spec.max),
            self.spec.min_by_kind.get(&kind).copied().or(self.spec.min),
        )
    }

    pub fn run(&self, ctx: &Ctx<'_>, out: &mut Vec<Finding>) {
        let f = ctx.figures;
        if f.words < self.spec.min_words {
            return;
        }
        let (max, min) = self.bounds(ctx.kind);
        let d = &f.detail;
        #[allow(clippy::cast_precision_loss)]
        let over = |value: usize| max.is_some_and(|m| value as f64 > m);
        #[allow(clippy::cast_precision_loss, clippy::cast_possible_truncation, clippy::cast_sign_loss)]
        let max_count = max.map_or(usize::MAX, |m| m.max(0.0) as usize);
        match self.spec.metric {
            Metric::Words => {
                if over(f.words) {
                    let at = d.word_start(ctx.message, max_count).unwrap_or(d.prose.end);
                    out.push(measured(
                        ctx.sentence_around(Span::empty(at)),
                        f.words,
                        max,
                        "the limit falls in this sentence",
                    ));
                }
            }
            Metric::Characters => {
                if over(f.characters) {
                    let prose = d.prose.of(ctx.original());
                    let at = prose.char_indices().nth(max_count).map_or(d.prose.end, |(i, _)| d.prose.start + i);
                    let end = ctx.sentence_around(Span::empty(at)).end.max(at);
                    out.push(measured(
                        Span::new(at, end),
                        f.characters,
                        max,
                        "everything from here on is past the limit",
                    ));
                }
            }
            Metric::SentenceWords => {
                for (i, &words) in d.sentence_words.iter().enumerate() {
                    if over(words) && ctx.scope.has(ctx.message.sentences()[i].section) {
                        out.push(measured(ctx.sentence(i), words, max, ""));
                    }
                }
            }
            Metric::ParagraphWords => {
                for (p, &words) in d.paragraph_words.iter().enumerate() {
                    if over(words)
                        && let Some(first) = ctx.message.sentences().iter().find(|s| s.paragraph == p)
                    {
                        out.push(measured(first.span, words, max, "this paragraph starts here"));
                    }
                }
            }
            Metric::ReadingEase => {
                if let (Some(ease), Some(min)) = (f.reading_ease, min)
                    && ease < min
                {
                    let longest = (0..d.sentence_words.len()).max_by_key(|&i| (d.sentence_words[i], usize::MAX - i));
                    if let Some(i) = longest {
                        let mut finding = measured_f(ctx.sentence(i), ease, min);
                        finding = finding.label(ctx.sentence(i), "the longest sentence");
                        out.push(finding);
                    }
                }
            }
            Metric::YouIBalance => {
                if let (Some(balance), Some(min)) = (f.you_i_balance, min)
                    && balance < min
                {
                    let heaviest =
                        (0..d.sentence_i_words.len()).max_by_key(|&i| (d.sentence_i_words[i], usize::MAX - i));
                    if let Some(i) = heaviest {
                        let mut finding = measured_f(ctx.sentence(i), balance, min);
                        finding.value = Some(format!("{} I/we to {} you", f.i_words, f.you_words));
                        out.push(finding);
                    }
                }
            }
            Metric::Questions => {
                if over(f.questions)
                    && let Some(&i) = d.questions.get(max_count)
                {
                    out.push(measured(ctx.sentence(i), f.questions, max, ""));
                }
            }
            Metric::Links => {
                if over(f.links) {
                    let mut finding = measured(d.links[max_count], f.links, max, "");
                    for &link in &d.links[max_count + 1..] {
                        finding = finding.label(link, "and this");
                    }
                    out.push(finding);
                }
            }
            Metric::Exclamations => {
                if over(f.exclamations) {
                    let mut finding = measured(d.exclamations[max_count], f.exclamations, max, "");
                    for &mark in &d.exclamations[max_count + 1..] {
                        finding = finding.label(mark, "");
                    }
                    out.push(finding);
                }
            }
        }
    }
}

fn measured(span: Span, value: usize, limit: Option<f64>, label: &str) -> Finding {
    let mut finding = Finding::at(span);
    finding.value = Some(value.to_string());
    finding.limit = limit.map(format_number);
    if !label.is_empty() {
        finding = finding.label(span, label);
    }
    finding
}

fn measured_f(span: Span, value: f64, limit: f64) -> Finding {
    let mut finding = Finding::at(span);
    finding.value = Some(format_number(value));
    finding.limit = Some(format_number(limit));
    finding
}

fn format_number(n: f64) -> String {
    if n.fract() == 0.0 { format!("{n:.0}") } else { format!("{n:.2}").trim_end_matches('0').to_owned() }
}
