//! The 0-100 score of a message and its grade, from evidence on both sides.
//!
//! A message starts at [`BASE`]. What it does well earns points
//! ([`Evidence`]: enough substance to give a reason, something specific to
//! this reader, thanks, an easy out, the time an ask takes, a polite tone);
//! findings cost points by level (error 20, warning 6, info 2, half for
//! each further finding of the same rule, at most twice the first). Findings
//! about the same ask are capped together, so one ask missing three
//! courtesies is one problem, not three. A message with nothing specific to
//! its reader never reaches 100. Grades: A ≥ 90, B ≥ 75, C ≥ 60, D ≥ 40, F
//! below. The weights were fitted on the `dev` side of the corpus; see
//! `docs/scoring.md` for the formula and a worked example.

use std::collections::BTreeMap;

use crate::diagnostic::{Diagnostic, Level};
use crate::span::Span;

/// Where every message starts.
pub const BASE: i32 = 68;
/// The rule whose finding says nothing is specific to the reader.
pub const GENERIC_RULE: &str = "nothing-specific";
/// The most a message with nothing specific to its reader can score.
pub const GENERIC_CAP: u32 = 89;
/// Points per sentence of substance, and the most they earn.
const PER_SENTENCE: i32 = 2;
const SUBSTANCE_MAX: i32 = 12;
const SPECIFIC: i32 = 6;
const THANKS: i32 = 5;
const EASY_OUT: i32 = 8;
const TIME_NAMED: i32 = 5;
/// Points per step of the asks' mean tone, and the most either way.
const TONE_STEP: f64 = 2.0;
const TONE_MAX: i32 = 6;

/// What a message does well, read by the linter.
#[derive(Debug, Clone, Default)]
pub struct Evidence {
    /// Sentences of the writer's prose with six words or more.
    pub sentences: usize,
    /// Something in it could only be written to this reader.
    pub specific: bool,
    pub thanks: bool,
    /// It offers an easy way to say no.
    pub easy_out: bool,
    /// An ask names the time it takes.
    pub time_named: bool,
    /// The mean tone of its asks (strategies for minus against), if any.
    pub tone: Option<f64>,
    /// The sentences holding asks: findings inside one are capped together.
    pub asks: Vec<Span>,
}

/// A message's score, grade and what moved it.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Score {
    pub value: u32,
    pub grade: char,
    /// Points lost per rule, largest first.
    pub breakdown: Vec<Cost>,
    /// Points earned (or lost, for tone) by what the message does well.
    pub credits: Vec<Credit>,
}

/// Points lost to one rule.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Cost {
    pub rule: String,
    pub findings: usize,
    pub points: u32,
}

/// Points earned by one piece of evidence.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Credit {
    pub reason: &'static str,
    pub points: i32,
}

/// Points a first finding at `level` costs.
#[must_use]
pub fn weight(level: Level) -> u32 {
    match level {
        Level::Error => 20,
        Level::Warning => 6,
        Level::Info => 2,
    }
}

impl Score {
    #[must_use]
    pub fn compute(diagnostics: &[Diagnostic], evidence: &Evidence) -> Self {
        let mut credits = credits(evidence);
        let relief = relief(diagnostics, &evidence.asks);
        if relief > 0 {
            credits
                .push(Credit { reason: "findings about one ask, capped", points: i32::try_from(relief).unwrap_or(0) });
        }
        let breakdown = costs(diagnostics);
        let earned: i32 = credits.iter().map(|c| c.points).sum();
        let lost: u32 = breakdown.iter().map(|c| c.points).sum();
        let raw = i64::from(BASE + earned) - i64::from(lost);
        let mut value = u32::try_from(raw.clamp(0, 100)).unwrap_or(0);
        if !evidence.specific {
            value = value.min(GENERIC_CAP);
        }
        Score { value, grade: grade(value), breakdown, credits }
    }
}

fn credits(e: &Evidence) -> Vec<Credit> {
    let substance = i32::try_from(e.sentences).unwrap_or(i32::MAX).saturating_mul(PER_SENTENCE).min(SUBSTANCE_MAX);
    #[allow(clippy::cast_possible_truncation)]
    let tone = e.tone.map_or(0, |t| ((t * TONE_STEP).round() as i32).clamp(-TONE_MAX, TONE_MAX));
    [
        ("substance", substance),
        ("specific to the reader", if e.specific { SPECIFIC } else { 0 }),
        ("thanks", if e.thanks { THANKS } else { 0 }),
        ("easy out", if e.easy_out { EASY_OUT } else { 0 }),
        ("time named", if e.time_named { TIME_NAMED } else { 0 }),
        ("tone of the asks", tone),
    ]
    .into_iter()
    .filter(|&(_, points)| points != 0)
    .map(|(reason, points)| Credit { reason, points })
    .collect()
}

/// Points lost per rule: repeats cost half, at most twice the first.
fn costs(diagnostics: &[Diagnostic]) -> Vec<Cost> {
    let mut by_rule: BTreeMap<&str, (usize, Level)> = BTreeMap::new();
    for d in diagnostics {
        let entry = by_rule.entry(d.rule.as_str()).or_insert((0, d.level));
        entry.0 += 1;
        entry.1 = entry.1.max(d.level);
    }
    let mut breakdown: Vec<Cost> = by_rule
        .into_iter()
        .map(|(rule, (findings, level))| {
            let first = weight(level);
            let more = u32::try_from(findings - 1).unwrap_or(u32::MAX).saturating_mul(first / 2);
            Cost { rule: rule.to_owned(), findings, points: first + more.min(first) }
        })
        .collect();
    breakdown.sort_by(|a, b| b.points.cmp(&a.points).then_with(|| a.rule.cmp(&b.rule)));
    breakdown
}

/// Points given back because findings about one ask are capped together:
/// the first findings inside an ask's sentence cost at most one and a half
/// times the largest of them. Removing a finding never raises the cost.
fn relief(diagnostics: &[Diagnostic], asks: &[Span]) -> u32 {
    let mut counted = vec![false; diagnostics.len()];
    let mut relief = 0;
    for ask in asks {
        let mut rules: Vec<&str> = Vec::new();
        let mut weights = Vec::new();
        for (i, d) in diagnostics.iter().enumerate() {
            if !counted[i] && ask.contains(d.span) && !rules.contains(&d.rule.as_str()) {
                counted[i] = true;
                rules.push(&d.rule);
                weights.push(weight(d.level));
            }
        }
        let total: u32 = weights.iter().sum();
        let cap = weights.iter().max().copied().unwrap_or(0) * 3 / 2;
        relief += total.saturating_sub(cap);
    }
    relief
}

#[must_use]
pub fn grade(value: u32) -> char {
    match value {
        90.. => 'A',
        75..=89 => 'B',
        60..=74 => 'C',
        40..=59 => 'D',
        _ => 'F',
    }
}
