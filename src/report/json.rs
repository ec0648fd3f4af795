//! `json` and `jsonl`: the stable, documented machine format
//! (`docs/json.md`). Field names and meanings only ever grow.

use std::collections::BTreeMap;

use super::{Checked, InputError, Totals};
use crate::analysis::Ask;
use crate::diagnostic::{Applicability, Level};
use crate::figures::Figures;
use crate::input::Record;
use crate::line_index::{ColumnUnit, LineCol, LineIndex};
use crate::message::KindSource;
use crate::rule::RuleSet;
use crate::score::Score;
use crate::span::Span;

/// The version of this format; bumped only on breaking change.
pub const VERSION: u32 = 1;

/// The whole `--format json` output.
#[derive(Debug, serde::Serialize)]
pub struct Document {
    pub version: u32,
    pub tool: Tool,
    pub messages: Vec<MessageJson>,
    pub errors: Vec<InputError>,
    pub totals: Totals,
}

impl Document {
    #[must_use]
    pub fn new(messages: Vec<MessageJson>, errors: Vec<InputError>, totals: Totals) -> Self {
        Self { version: VERSION, tool: Tool::default(), messages, errors, totals }
    }
}

#[derive(Debug, serde::Serialize)]
pub struct Tool {
    pub name: &'static str,
    pub version: &'static str,
}

impl Default for Tool {
    fn default() -> Self {
        Self { name: "tact", version: env!("CARGO_PKG_VERSION") }
    }
}

/// An input error as one `jsonl` line: `{"path", "record", "error"}`.
#[derive(Debug, serde::Serialize)]
pub struct ErrorLine<'a> {
    pub path: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub record: Option<&'a Record>,
    pub error: &'a str,
}

impl<'a> ErrorLine<'a> {
    #[must_use]
    pub fn new(error: &'a InputError) -> Self {
        Self { path: &error.path, record: error.record.as_ref(), error: &error.message }
    }
}

/// One message's results (also one `jsonl` line).
#[derive(Debug, serde::Serialize)]
pub struct MessageJson {
    pub path: String,
    pub record: Option<Record>,
    pub kind: String,
    pub kind_source: KindSource,
    pub score: Score,
    pub figures: Figures,
    pub intents: BTreeMap<String, usize>,
    /// The asks of the reader: where, of what type, at what cost, in what tone.
    pub asks: Vec<AskJson>,
    pub diagnostics: Vec<DiagnosticJson>,
}

/// One ask of the reader.
#[derive(Debug, serde::Serialize)]
pub struct AskJson {
    #[serde(flatten)]
    pub place: Place,
    pub text: String,
    #[serde(flatten)]
    pub ask: Ask,
}

/// A position: byte span plus one-based line and column (in characters).
#[derive(Debug, serde::Serialize)]
pub struct Place {
    pub span: Span,
    pub start: LineCol,
    pub end: LineCol,
    /// Where `start` is in the file, when the message text was decoded or
    /// extracted from it (HTML: mapped back; records: the record's line).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub file: Option<LineCol>,
}

#[derive(Debug, serde::Serialize)]
pub struct DiagnosticJson {
    pub rule: String,
    pub category: String,
    pub level: Level,
    pub message: String,
    #[serde(flatten)]
    pub place: Place,
    /// The flagged text.
    pub text: String,
    pub label: Option<String>,
    pub labels: Vec<LabelJson>,
    pub help: Option<String>,
    pub rewrites: Vec<RewriteJson>,
}

#[derive(Debug, serde::Serialize)]
pub struct LabelJson {
    #[serde(flatten)]
    pub place: Place,
    pub text: String,
}

#[derive(Debug, serde::Serialize)]
pub struct RewriteJson {
    pub title: String,
    pub applicability: Applicability,
    pub edits: Vec<EditJson>,
}

#[derive(Debug, serde::Serialize)]
pub struct EditJson {
    #[serde(flatten)]
    pub place: Place,
    pub replacement: String,
}

/// The JSON form of one checked message.
#[must_use]
pub fn message(checked: &Checked, rules: &RuleSet) -> MessageJson {
    let text = checked.message.text();
    let index = LineIndex::new(text);
    let place = |span: Span| Place {
        span,
        start: index.line_col(text, span.start, ColumnUnit::Char),
        end: index.line_col(text, span.end, ColumnUnit::Char),
        file: checked.origin.as_ref().map(|o| o.locate(span.start)),
    };
    let report = &checked.report;
    let diagnostics = report
        .diagnostics
        .iter()
        .map(|d| DiagnosticJson {
            rule: d.rule.clone(),
            category: rules.rule(&d.rule).map_or_else(|| "input".to_owned(), |r| r.category.clone()),
            level: d.level,
            message: d.message.clone(),
            place: place(d.span),
            text: d.span.of(text).to_owned(),
            label: d.label.clone(),
            labels: d.labels.iter().map(|l| LabelJson { place: place(l.span), text: l.text.clone() }).collect(),
            help: d.help.clone(),
            rewrites: d
                .rewrites
                .iter()
                .map(|r| RewriteJson {
                    title: r.title.clone(),
                    applicability: r.applicability,
                    edits: r
                        .edits
                        .iter()
                        .map(|e| EditJson { place: place(e.span), replacement: e.replacement.clone() })
                        .collect(),
                })
                .collect(),
        })
        .collect();
    MessageJson {
        path: checked.path.clone(),
        record: checked.record.clone(),
        kind: report.kind.name().to_owned(),
        kind_source: report.kind_source.clone(),
        score: report.score.clone(),
        figures: report.figures.clone(),
        intents: report.intents.clone(),
        asks: report
            .asks
            .iter()
            .map(|a| AskJson { place: place(a.span), text: a.span.of(text).to_owned(), ask: a.clone() })
            .collect(),
        diagnostics,
    }
}
