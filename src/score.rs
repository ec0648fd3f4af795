//! The 0-100 score of a message and its grade.
//!
//! Each diagnostic costs points by level: error 25, warning 10, info 3. A
//! rule that fires more than once costs half for each further finding, and a
//! rule never costs more than twice its first finding. The score is 100
//! minus the cost, floored at 0. Grades: A ≥ 90, B ≥ 75, C ≥ 60, D ≥ 40,
//! F below. See `docs/scoring.md`.

use std::collections::BTreeMap;

use crate::diagnostic::{Diagnostic, Level};

/// A message's score, grade and what cost it points.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Score {
    pub value: u32,
    pub grade: char,
    /// Points lost per rule, largest first.
    pub breakdown: Vec<Cost>,
}

/// Points lost to one rule.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Cost {
    pub rule: String,
    pub findings: usize,
    pub points: u32,
}

/// Points a first finding at `level` costs.
#[must_use]
pub fn weight(level: Level) -> u32 {
    match level {
        Level::Error => 25,
        Level::Warning => 10,
        Level::Info => 3,
    }
}

impl Score {
    #[must_use]
    pub fn compute(diagnostics: &[Diagnostic]) -> Self {
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
        let lost: u32 = breakdown.iter().map(|c| c.points).sum();
        let value = 100u32.saturating_sub(lost);
        Score { value, grade: grade(value), breakdown }
    }
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
