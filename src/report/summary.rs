//! `--summary` and the data behind `--report`: an [`Audit`] of a whole run.
//!
//! The audit takes each checked message as it is printed and keeps only
//! what the summary needs: a score histogram, counts per rule, the lowest
//! scores (a bounded list), a MinHash sketch per message for near-duplicate
//! templates, and, only for the HTML report, each message's findings and
//! text. [`Audit::finish`] turns it into a [`Summary`], printed as text
//! (like ruff's `--statistics`) or JSON.

use std::collections::BTreeMap;
use std::io::{self, Write};
use std::time::Duration;

use super::{Checked, InputError};
use crate::diagnostic::{Applicability, Level};
use crate::near_dup::{self, Sketch};
use crate::rule::RuleSet;

/// What the audit keeps.
#[derive(Debug, Clone, Copy)]
pub struct SummaryOptions {
    /// How many of the lowest-scoring messages to list.
    pub worst: usize,
    /// Keep every message's text and findings (for the HTML report).
    pub keep_messages: bool,
    /// Look for near-duplicate templates.
    pub duplicates: bool,
}

impl Default for SummaryOptions {
    fn default() -> Self {
        Self { worst: 10, keep_messages: false, duplicates: true }
    }
}

/// Findings of one rule over the run.
#[derive(Debug, Clone, Default, serde::Serialize)]
pub struct RuleStat {
    pub rule: String,
    pub level: Option<Level>,
    pub findings: usize,
    pub messages: usize,
    /// `safe` or `unsafe` when `--fix` / `--unsafe-fixes` can fix it.
    pub fix: Option<Applicability>,
    pub summary: String,
}

/// One of the lowest-scoring messages.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Worst {
    pub name: String,
    pub score: u32,
    pub grade: char,
    pub kind: String,
    /// Rules that cost it most, with points lost.
    pub costs: Vec<(String, u32)>,
    #[serde(skip)]
    order: usize,
}

/// A finding as the HTML report shows it: offsets in UTF-16 code units.
#[derive(Debug, Clone, serde::Serialize)]
pub struct EntryFinding {
    pub rule: String,
    pub level: Level,
    pub message: String,
    pub start: usize,
    pub end: usize,
}

/// One message as the HTML report lists it.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Entry {
    pub name: String,
    pub kind: String,
    pub score: u32,
    pub grade: char,
    pub findings: Vec<EntryFinding>,
    pub text: String,
}

/// A group of near-duplicate messages, by name.
#[derive(Debug, Clone, serde::Serialize)]
pub struct DuplicateGroup {
    pub messages: Vec<String>,
    pub similarity: f64,
}

/// Collects a run's results for the summary and the report.
#[derive(Debug, Default)]
pub struct Audit {
    options: SummaryOptions,
    messages: usize,
    files: usize,
    last_path: Option<String>,
    /// Messages per score, 0 to 100.
    scores: Vec<usize>,
    rules: BTreeMap<String, RuleStat>,
    worst: Vec<Worst>,
    sketches: Vec<Option<Sketch>>,
    names: Vec<String>,
    entries: Vec<Entry>,
}

/// The summary of a run.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Summary {
    pub messages: usize,
    pub files: usize,
    pub input_errors: usize,
    /// Binary files met while walking folders, not checked.
    pub binary_skipped: usize,
    /// Messages per grade, best first: A, B, C, D, F.
    pub grades: Vec<(char, usize)>,
    /// Messages per ten points: 0-9, 10-19, …, 90-99, 100.
    pub histogram: Vec<usize>,
    pub mean: Option<f64>,
    pub median: Option<u32>,
    pub worst: Vec<Worst>,
    /// Rules by findings, most first.
    pub rules: Vec<RuleStat>,
    pub duplicates: Vec<DuplicateGroup>,
    pub seconds: f64,
    #[serde(skip)]
    pub entries: Vec<Entry>,
}

impl Audit {
    #[must_use]
    pub fn new(options: SummaryOptions) -> Self {
        Self { options, scores: vec![0; 101], ..Self::default() }
    }

    /// Take one checked message into account (in input order).
    pub fn add(&mut self, checked: &Checked, rules: &RuleSet) {
        let order = self.messages;
        self.messages += 1;
        if self.last_path.as_deref() != Some(checked.path.as_str()) {
            self.files += 1;
            self.last_path = Some(checked.path.clone());
        }
        let report = &checked.report;
        let score = report.score.value.min(100);
        self.scores[score as usize] += 1;
        let mut seen: Vec<&str> = Vec::new();
        for d in &report.diagnostics {
            let stat = self.rules.entry(d.rule.clone()).or_insert_with(|| {
                let rule = rules.rule(&d.rule);
                RuleStat {
                    rule: d.rule.clone(),
                    level: None,
                    findings: 0,
                    messages: 0,
                    fix: rule.and_then(crate::rule::Rule::fixable).filter(|a| *a != Applicability::DisplayOnly),
                    summary: rule.map_or_else(|| "A problem with the input itself".to_owned(), |r| r.summary.clone()),
                }
            });
            stat.findings += 1;
            stat.level = stat.level.max(Some(d.level));
            if !seen.contains(&d.rule.as_str()) {
                seen.push(&d.rule);
                stat.messages += 1;
            }
        }
        let name = checked.name();
        if self.options.worst > 0
            && (self.worst.len() < self.options.worst || self.worst.last().is_some_and(|w| score < w.score))
        {
            let worst = Worst {
                name: name.clone(),
                score,
                grade: report.score.grade,
                kind: report.kind.name().to_owned(),
                costs: report.score.breakdown.iter().take(3).map(|c| (c.rule.clone(), c.points)).collect(),
                order,
            };
            let at = self.worst.partition_point(|w| (w.score, w.order) <= (score, order));
            self.worst.insert(at, worst);
            self.worst.truncate(self.options.worst);
        }
        if self.options.duplicates {
            self.sketches.push(Sketch::of(&checked.message));
            self.names.push(name.clone());
        }
        if self.options.keep_messages {
            self.entries.push(entry(checked, name));
        }
    }

    /// The summary, `elapsed` after the run started.
    #[must_use]
    pub fn finish(self, errors: &[InputError], elapsed: Duration) -> Summary {
        let total: usize = self.scores.iter().sum();
        let weighted: usize = self.scores.iter().enumerate().map(|(s, n)| s * n).sum();
        #[allow(clippy::cast_precision_loss)]
        let mean = (total > 0).then(|| ((weighted as f64 / total as f64) * 10.0).round() / 10.0);
        let median = (total > 0).then(|| {
            let half = total.div_ceil(2);
            let mut seen = 0;
            let mut at = 0;
            for (s, n) in self.scores.iter().enumerate() {
                seen += n;
                if seen >= half {
                    at = s;
                    break;
                }
            }
            u32::try_from(at).unwrap_or(100)
        });
        let mut histogram = vec![0; 11];
        let mut grades: Vec<(char, usize)> = ['A', 'B', 'C', 'D', 'F'].iter().map(|&g| (g, 0)).collect();
        for (s, &n) in self.scores.iter().enumerate() {
            histogram[s / 10] += n;
            let grade = crate::score::grade(u32::try_from(s).unwrap_or(100));
            if let Some(slot) = grades.iter_mut().find(|(g, _)| *g == grade) {
                slot.1 += n;
            }
        }
        let mut rules: Vec<RuleStat> = self.rules.into_values().collect();
        rules.sort_by(|a, b| b.findings.cmp(&a.findings).then_with(|| a.rule.cmp(&b.rule)));
        let duplicates = near_dup::groups(&self.sketches)
            .into_iter()
            .map(|g| DuplicateGroup {
                messages: g.members.iter().map(|&i| self.names[i].clone()).collect(),
                similarity: (g.similarity * 100.0).round() / 100.0,
            })
            .collect();
        Summary {
            messages: self.messages,
            files: self.files,
            input_errors: errors.len(),
            binary_skipped: 0,
            grades,
            histogram,
            mean,
            median,
            worst: self.worst,
            rules,
            duplicates,
            seconds: (elapsed.as_secs_f64() * 1000.0).round() / 1000.0,
            entries: self.entries,
        }
    }
}

/// A message as the HTML report lists it.
fn entry(checked: &Checked, name: String) -> Entry {
    let text = checked.message.text();
    let utf16 = |offset: usize| text[..offset.min(text.len())].encode_utf16().count();
    Entry {
        name,
        kind: checked.report.kind.name().to_owned(),
        score: checked.report.score.value,
        grade: checked.report.score.grade,
        findings: checked
            .report
            .diagnostics
            .iter()
            .map(|d| EntryFinding {
                rule: d.rule.clone(),
                level: d.level,
                message: d.message.clone(),
                start: utf16(d.span.start),
                end: utf16(d.span.end),
            })
            .collect(),
        text: text.to_owned(),
    }
}

fn plural(n: usize, word: &str) -> String {
    format!("{} {word}{}", thousands(n), if n == 1 { "" } else { "s" })
}

/// `12345` as `12,345`.
fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

impl Summary {
    /// Write the summary for a terminal.
    ///
    /// # Errors
    /// When writing fails.
    pub fn write_text(&self, out: &mut dyn Write, errors: &[InputError]) -> io::Result<()> {
        writeln!(
            out,
            "Checked {} from {} in {:.2}s.",
            plural(self.messages, "message"),
            plural(self.files, "file"),
            self.seconds
        )?;
        if self.binary_skipped > 0 {
            writeln!(out, "Skipped {}: tact checks text.", plural(self.binary_skipped, "binary file"))?;
        }
        if !errors.is_empty() {
            writeln!(out, "{} could not be read:", plural(errors.len(), "input"))?;
            for e in errors {
                writeln!(out, "  error: {}: {}", e.name(), e.message)?;
            }
        }
        if self.messages == 0 {
            return Ok(());
        }
        writeln!(out, "\nScores")?;
        let ranges = ["90-100", "75-89", "60-74", "40-59", "0-39"];
        let most = self.grades.iter().map(|g| g.1).max().unwrap_or(0).max(1);
        for ((grade, n), range) in self.grades.iter().zip(ranges) {
            let width = if *n == 0 { 0 } else { (n * 30).div_ceil(most) };
            writeln!(out, "  {grade} {range:<7} {:<30} {:>6}", "█".repeat(width), thousands(*n))?;
        }
        if let (Some(mean), Some(median)) = (self.mean, self.median) {
            writeln!(out, "  median {median} · mean {mean:.1}")?;
        }
        if !self.worst.is_empty() {
            writeln!(out, "\nStart here: the {} lowest scores", self.worst.len())?;
            let width = self.worst.iter().map(|w| w.name.chars().count()).max().unwrap_or(0).min(60);
            for w in &self.worst {
                let costs: Vec<String> = w.costs.iter().map(|(rule, points)| format!("{rule} −{points}")).collect();
                writeln!(
                    out,
                    "  {:>3} {}  {:<width$}  {}",
                    w.score,
                    w.grade,
                    w.name,
                    if costs.is_empty() { "-".to_owned() } else { costs.join(", ") }
                )?;
            }
        }
        if !self.rules.is_empty() {
            writeln!(out, "\nFindings per rule")?;
            let width = self.rules.iter().map(|r| r.rule.len()).max().unwrap_or(0);
            for r in &self.rules {
                let fix = match r.fix {
                    Some(Applicability::Safe) => "[*]",
                    Some(Applicability::Unsafe) => "[-]",
                    _ => "   ",
                };
                writeln!(
                    out,
                    "  {:>6}  {:<7} {:<width$}  {fix} {} ({})",
                    thousands(r.findings),
                    r.level.map_or("", Level::name),
                    r.rule,
                    r.summary,
                    plural(r.messages, "message"),
                )?;
            }
            if self.rules.iter().any(|r| r.fix.is_some()) {
                writeln!(out, "  [*] fixable with `tact check --fix`, [-] with `--unsafe-fixes`")?;
            }
        }
        if !self.duplicates.is_empty() {
            writeln!(out, "\nNear-duplicate templates")?;
            for group in &self.duplicates {
                writeln!(
                    out,
                    "  info [near-duplicate] {} are one template with small edits (≥ {:.0}% alike); recipients who compare notes will notice:",
                    plural(group.messages.len(), "message"),
                    group.similarity * 100.0
                )?;
                for name in group.messages.iter().take(8) {
                    writeln!(out, "      {name}")?;
                }
                if group.messages.len() > 8 {
                    writeln!(out, "      … and {} more", thousands(group.messages.len() - 8))?;
                }
            }
        }
        Ok(())
    }
}
