//! Rendering results: one file per output format.
//!
//! Every format reads the same [`Checked`] values, in input order, so the
//! output is deterministic whatever the parallelism behind it. To add a
//! format: a file here, a variant of [`Format`], a snapshot test.

mod concise;
pub mod eval;
mod github;
pub mod html;
mod human;
pub mod json;
pub mod sarif;
pub mod summary;

use std::io::{self, Write};

use crate::diagnostic::Level;
use crate::input::{Origin, Record};
use crate::line_index::{ColumnUnit, LineCol, LineIndex};
use crate::lint::Report;
use crate::message::Message;
use crate::rule::RuleSet;

pub use human::HumanOptions;
pub use summary::{Audit, SummaryOptions};

/// An output format of `tact check`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// Annotated, rustc-style diagnostics with rewrites.
    Human,
    /// One line per finding: `path:line:col: level [rule] message`.
    Concise,
    /// One JSON document (see `docs/json.md`).
    Json,
    /// One JSON object per message, one per line.
    Jsonl,
    /// One SARIF 2.1.0 log, for code-scanning tools.
    Sarif,
    /// GitHub Actions workflow annotations (`::warning file=…::…`).
    Github,
}

/// The most findings printed per message in human and concise output; the
/// rest are counted. JSON, JSON lines and SARIF list every finding.
pub const MAX_SHOWN: usize = 50;

/// One message, checked.
#[derive(Debug, Clone)]
pub struct Checked {
    pub path: String,
    pub record: Option<Record>,
    pub message: Message,
    pub report: Report,
    /// Where the message text sits in its file, when it is not the file.
    pub origin: Option<Origin>,
}

impl Checked {
    #[must_use]
    pub fn new(path: String, record: Option<Record>, message: Message, report: Report) -> Self {
        Self { path, record, message, report, origin: None }
    }

    /// The one-based line and column in the file of byte `offset` of the
    /// message text: mapped back for extracted text, the record's first line
    /// for records, the text's own position otherwise.
    #[must_use]
    pub fn file_position(&self, index: &LineIndex, offset: usize) -> LineCol {
        match &self.origin {
            Some(origin) => origin.locate(offset),
            None => index.line_col(self.message.text(), offset, ColumnUnit::Char),
        }
    }

    /// `path`, or `path[record]` for messages inside a bigger file.
    #[must_use]
    pub fn name(&self) -> String {
        match &self.record {
            Some(record) => format!("{}[{record}]", self.path),
            None => self.path.clone(),
        }
    }
}

/// An input that could not be checked, reported with the results.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct InputError {
    pub path: String,
    pub message: String,
    /// The record (row, message, line) at fault, when the rest of the file was read.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub record: Option<Record>,
}

impl InputError {
    #[must_use]
    pub fn new(path: impl Into<String>, message: impl Into<String>) -> Self {
        Self { path: path.into(), message: message.into(), record: None }
    }

    /// `path`, or `path[record]`.
    #[must_use]
    pub fn name(&self) -> String {
        match &self.record {
            Some(record) => format!("{}[{record}]", self.path),
            None => self.path.clone(),
        }
    }
}

/// Counts over a run.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize)]
pub struct Totals {
    pub messages: usize,
    pub diagnostics: usize,
    pub errors: usize,
    pub warnings: usize,
    pub infos: usize,
    pub fixable: usize,
    pub input_errors: usize,
}

impl Totals {
    pub fn add(&mut self, checked: &Checked) {
        self.messages += 1;
        for d in &checked.report.diagnostics {
            self.diagnostics += 1;
            match d.level {
                Level::Error => self.errors += 1,
                Level::Warning => self.warnings += 1,
                Level::Info => self.infos += 1,
            }
            if d.fix(crate::diagnostic::Applicability::Safe).is_some() {
                self.fixable += 1;
            }
        }
    }
}

/// Writes results as they come, in one format.
pub struct Renderer<'a> {
    format: Format,
    rules: &'a RuleSet,
    human: HumanOptions,
    /// Messages kept for formats that print one document at the end.
    kept: Vec<json::MessageJson>,
    sarif: sarif::Builder,
}

impl<'a> Renderer<'a> {
    #[must_use]
    pub fn new(format: Format, rules: &'a RuleSet, human: HumanOptions) -> Self {
        Self { format, rules, human, kept: Vec::new(), sarif: sarif::Builder::default() }
    }

    /// The rules the output describes.
    #[must_use]
    pub fn rules(&self) -> &'a RuleSet {
        self.rules
    }

    /// Write (or keep) one checked message.
    ///
    /// # Errors
    /// When writing fails.
    pub fn message(&mut self, out: &mut dyn Write, checked: &Checked) -> io::Result<()> {
        match self.format {
            Format::Human => human::write(out, checked, &self.human),
            Format::Concise => concise::write(out, checked),
            Format::Json => {
                self.kept.push(json::message(checked, self.rules));
                Ok(())
            }
            Format::Jsonl => {
                serde_json::to_writer(&mut *out, &json::message(checked, self.rules))?;
                writeln!(out)?;
                out.flush()
            }
            Format::Sarif => {
                self.sarif.message(checked);
                Ok(())
            }
            Format::Github => github::write(out, checked),
        }
    }

    /// Report an input error as it happens: streaming formats (jsonl) write
    /// it in place; the others list errors in [`Renderer::finish`].
    ///
    /// # Errors
    /// When writing fails.
    pub fn error(&mut self, out: &mut dyn Write, error: &InputError) -> io::Result<()> {
        if self.format == Format::Jsonl {
            serde_json::to_writer(&mut *out, &json::ErrorLine::new(error))?;
            writeln!(out)?;
            out.flush()?;
        }
        Ok(())
    }

    /// Report a record left out on purpose (`--from`): streaming formats
    /// (jsonl) write a line for it, so that every input line is answered;
    /// the others say nothing.
    ///
    /// # Errors
    /// When writing fails.
    pub fn skipped(&mut self, out: &mut dyn Write, path: &str, record: &Record, why: &str) -> io::Result<()> {
        if self.format == Format::Jsonl {
            serde_json::to_writer(&mut *out, &json::SkipLine { path, record, skipped: why })?;
            writeln!(out)?;
            out.flush()?;
        }
        Ok(())
    }

    /// Write what comes after every message: totals, or the JSON document.
    ///
    /// # Errors
    /// When writing fails.
    pub fn finish(&mut self, out: &mut dyn Write, totals: &Totals, errors: &[InputError]) -> io::Result<()> {
        match self.format {
            Format::Human => human::write_totals(out, totals, errors, &self.human),
            Format::Concise => {
                for e in errors {
                    writeln!(out, "{}: error [input] {}", e.name(), e.message)?;
                }
                Ok(())
            }
            Format::Json => {
                let doc = json::Document::new(std::mem::take(&mut self.kept), errors.to_vec(), totals.clone());
                serde_json::to_writer_pretty(&mut *out, &doc)?;
                writeln!(out)
            }
            Format::Jsonl => Ok(()),
            Format::Sarif => {
                let log = std::mem::take(&mut self.sarif).finish(self.rules, errors);
                serde_json::to_writer_pretty(&mut *out, &log)?;
                writeln!(out)
            }
            Format::Github => github::write_errors(out, errors),
        }
    }
}
