//! `human`: rustc-style annotated diagnostics, drawn by miette, with each
//! rewrite shown as the sentence would read after it.
//!
//! Output stays bounded whatever the input: a finding on a long line shows
//! a window of about [`WINDOW`] characters around its span, with ellipses,
//! never the whole line; rewrite previews are cut the same way; and at most
//! [`MAX_SHOWN`] findings are printed per message, then a count of the rest
//! (JSON and SARIF stay complete).

use std::fmt;
use std::io::{self, Write};

use miette::{GraphicalReportHandler, GraphicalTheme, LabeledSpan, Severity, SourceCode};

use super::{Checked, InputError, MAX_SHOWN, Totals};
use crate::analysis::Ask;
use crate::diagnostic::{Applicability, Diagnostic, Level};
use crate::line_index::{ColumnUnit, LineIndex};
use crate::message::Confidence;
use crate::span::Span;

/// About how many characters of a long line are shown around a finding.
const WINDOW: usize = 100;
/// Lines longer than this many bytes are shown as a window.
const LONG_LINE: usize = 160;
const ELLIPSIS: &str = "…";

/// How human output looks.
#[derive(Debug, Clone)]
pub struct HumanOptions {
    pub color: bool,
    pub width: usize,
    /// Print findings only: no per-message header, no totals.
    pub quiet: bool,
}

impl Default for HumanOptions {
    fn default() -> Self {
        Self { color: false, width: 100, quiet: false }
    }
}

struct Shown<'a> {
    diagnostic: &'a Diagnostic,
    source: &'a CharColumns,
    help: String,
    /// The primary span and the other labels, in `source`'s text.
    span: Span,
    labels: Vec<(Span, Option<String>)>,
}

/// A message's text for miette, reporting columns in characters (as the
/// concise and JSON formats do) rather than bytes.
struct CharColumns {
    name: String,
    text: String,
    /// For a window cut from a long line: the line's zero-based number and
    /// the span's zero-based column in the whole line.
    window: Option<(usize, usize)>,
}

impl SourceCode for CharColumns {
    fn read_span<'a>(
        &'a self,
        span: &miette::SourceSpan,
        context_lines_before: usize,
        context_lines_after: usize,
    ) -> Result<Box<dyn miette::SpanContents<'a> + 'a>, miette::MietteError> {
        let inner = self.text.read_span(span, context_lines_before, context_lines_after)?;
        let (line, column) = match self.window {
            Some((line, column)) => (line, column),
            None => {
                let line_start = self.text[..span.offset().min(self.text.len())].rfind('\n').map_or(0, |i| i + 1);
                let column = self.text.get(line_start..span.offset()).map_or(inner.column(), |p| p.chars().count());
                (inner.line(), column)
            }
        };
        Ok(Box::new(miette::MietteSpanContents::new_named(
            self.name.clone(),
            inner.data(),
            *inner.span(),
            line,
            column,
            inner.line_count(),
        )))
    }
}

impl fmt::Debug for Shown<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.diagnostic.message)
    }
}

impl fmt::Display for Shown<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.diagnostic.rule, self.diagnostic.message)
    }
}

impl std::error::Error for Shown<'_> {}

impl miette::Diagnostic for Shown<'_> {
    fn severity(&self) -> Option<Severity> {
        Some(match self.diagnostic.level {
            Level::Error => Severity::Error,
            Level::Warning => Severity::Warning,
            Level::Info => Severity::Advice,
        })
    }

    fn help<'b>(&'b self) -> Option<Box<dyn fmt::Display + 'b>> {
        (!self.help.is_empty()).then(|| Box::new(&self.help) as Box<dyn fmt::Display>)
    }

    fn source_code(&self) -> Option<&dyn SourceCode> {
        Some(self.source)
    }

    fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
        let primary = LabeledSpan::new_primary_with_span(self.diagnostic.label.clone(), self.span);
        let others = self.labels.iter().map(|(span, text)| LabeledSpan::new_with_span(text.clone(), *span));
        Some(Box::new(std::iter::once(primary).chain(others)))
    }
}

pub(super) fn write(out: &mut dyn Write, checked: &Checked, options: &HumanOptions) -> io::Result<()> {
    let report = &checked.report;
    if report.diagnostics.is_empty() {
        return Ok(());
    }
    let text = checked.message.text();
    let index = LineIndex::new(text);
    let long = (0..index.line_count()).any(|line| index.line_range(line).len() > LONG_LINE);
    let whole =
        CharColumns { name: checked.name(), text: if long { String::new() } else { text.to_owned() }, window: None };
    let theme = if options.color { GraphicalTheme::unicode() } else { GraphicalTheme::unicode_nocolor() };
    let handler = GraphicalReportHandler::new_themed(theme).with_width(options.width).with_links(false);
    for diagnostic in report.diagnostics.iter().take(MAX_SHOWN) {
        let help = help_text(checked, diagnostic);
        let windowed = long.then(|| window(checked, &index, diagnostic));
        let (source, span, labels) = match &windowed {
            Some((source, span, labels)) => (source, *span, labels.clone()),
            None => (
                &whole,
                diagnostic.span,
                diagnostic.labels.iter().map(|l| (l.span, (!l.text.is_empty()).then(|| l.text.clone()))).collect(),
            ),
        };
        let shown = Shown { diagnostic, source, help, span, labels };
        let mut rendered = String::new();
        if handler.render_report(&mut rendered, &shown).is_err() {
            rendered = format!("{}: {} [{}]\n", checked.name(), diagnostic.message, diagnostic.rule);
        }
        out.write_all(rendered.as_bytes())?;
        writeln!(out)?;
    }
    if let Some(rest) = report.diagnostics.len().checked_sub(MAX_SHOWN).filter(|&n| n > 0) {
        writeln!(
            out,
            "{}: … {rest} more finding{} not shown (`--format json` lists all)\n",
            checked.name(),
            if rest == 1 { "" } else { "s" }
        )?;
    }
    if !options.quiet {
        let score = &report.score;
        let lost: Vec<String> = score.breakdown.iter().take(4).map(|c| format!("{} −{}", c.rule, c.points)).collect();
        let sure = match report.kind_confidence {
            Confidence::Certain => String::new(),
            c => format!(", {} confidence", c.name()),
        };
        writeln!(
            out,
            "{}: score {}/100 ({}) as {} ({}{sure}) · {}{}\n",
            checked.name(),
            score.value,
            score.grade,
            report.kind,
            report.kind_source,
            asks_line(&report.asks),
            if lost.is_empty() { String::new() } else { format!(" · {}", lost.join(", ")) }
        )?;
    }
    Ok(())
}

/// "2 asks: meeting (time named), intro" or "no ask".
fn asks_line(asks: &[Ask]) -> String {
    if asks.is_empty() {
        return "no ask".to_owned();
    }
    let each: Vec<String> = asks
        .iter()
        .take(4)
        .map(|a| {
            let time = if a.kind.is_favour() && !a.cost.time_named { ", no time named" } else { "" };
            let demand = if a.tone.is_demand() { ", reads as a demand" } else { "" };
            format!("{}{time}{demand}", a.kind.name())
        })
        .collect();
    let more = if asks.len() > 4 { format!(" and {} more", asks.len() - 4) } else { String::new() };
    format!("{} ask{}: {}{more}", asks.len(), if asks.len() == 1 { "" } else { "s" }, each.join("; "))
}

/// The line of `d`'s span cut to about [`WINDOW`] characters around it,
/// as a source of its own: the span and the labels on that line moved into
/// it (labels elsewhere are left out).
fn window(checked: &Checked, index: &LineIndex, d: &Diagnostic) -> (CharColumns, Span, Vec<(Span, Option<String>)>) {
    let text = checked.message.text();
    let line = index.line_of(d.span.start);
    let range = index.line_range(line);
    let (start, end) = cut(text, range.start, range.end, d.span);
    let lead = if start > range.start { ELLIPSIS } else { "" };
    let trail = if end < range.end { ELLIPSIS } else { "" };
    let view = format!("{lead}{}{trail}", &text[start..end]);
    let move_in = |span: Span| {
        let at = |offset: usize| lead.len() + text.floor_char_boundary(offset.clamp(start, end)) - start;
        Span::new(at(span.start), at(span.end))
    };
    let labels = d
        .labels
        .iter()
        .filter(|l| l.span.start >= start && l.span.end <= end)
        .map(|l| (move_in(l.span), (!l.text.is_empty()).then(|| l.text.clone())))
        .collect();
    let column = index.position(text, d.span.start, ColumnUnit::Char).1;
    let source = CharColumns { name: checked.name(), text: view, window: Some((line, column)) };
    (source, move_in(d.span), labels)
}

/// The part of `text[from..to]` to show around `span`: about [`WINDOW`]
/// bytes, starting a little before the span, on char boundaries.
fn cut(text: &str, from: usize, to: usize, span: Span) -> (usize, usize) {
    let start = text.floor_char_boundary(span.start.saturating_sub(WINDOW / 4).max(from));
    let end = text.floor_char_boundary((start + WINDOW).min(to));
    (start, end.max(start))
}

/// The rule's help, then each rewrite as the sentence would read after it.
fn help_text(checked: &Checked, d: &Diagnostic) -> String {
    let mut lines = Vec::new();
    if let Some(help) = &d.help {
        lines.push(help.trim().to_owned());
    }
    for rewrite in &d.rewrites {
        let how = match rewrite.applicability {
            Applicability::Safe => "safe fix, `--fix` applies it",
            Applicability::Unsafe => "`--unsafe-fixes` applies it",
            Applicability::DisplayOnly => "suggestion",
        };
        let preview = preview(checked, &rewrite.edits);
        lines.push(format!("{} ({how}):\n  “{preview}”", rewrite.title));
    }
    lines.join("\n")
}

/// The sentence (or line) around the edits, with the edits applied.
fn preview(checked: &Checked, edits: &[crate::diagnostic::Edit]) -> String {
    let text = checked.message.text();
    let Some(first) = edits.first() else { return String::new() };
    let last = edits.last().map_or(first.span, |e| e.span);
    let region = checked
        .message
        .sentence_at(first.span.start.saturating_sub(usize::from(first.span.is_empty())))
        .map(|i| checked.message.sentences()[i].span)
        .unwrap_or_else(|| line_around(text, first.span))
        .cover(first.span)
        .cover(last);
    // A long sentence or line is cut around the edits, as the source is.
    let (from, to) = cut(text, region.start, region.end, Span::new(first.span.start, last.end));
    let region = if region.len() > LONG_LINE { Span::new(from, to.max(last.end.min(region.end))) } else { region };
    let mut out = String::new();
    let mut at = region.start;
    for edit in edits.iter().filter(|e| region.contains(e.span)) {
        out.push_str(&text[at..edit.span.start]);
        out.push_str(&edit.replacement);
        at = edit.span.end;
    }
    out.push_str(&text[at..region.end]);
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn line_around(text: &str, span: Span) -> Span {
    let start = text[..span.start].rfind('\n').map_or(0, |i| i + 1);
    let end = text[span.end..].find('\n').map_or(text.len(), |i| span.end + i);
    Span::new(start, end)
}

pub(super) fn write_totals(
    out: &mut dyn Write,
    totals: &Totals,
    errors: &[InputError],
    options: &HumanOptions,
) -> io::Result<()> {
    for e in errors {
        writeln!(out, "error: {}: {}", e.name(), e.message)?;
    }
    if options.quiet {
        return Ok(());
    }
    let plural = |n: usize, word: &str| format!("{n} {word}{}", if n == 1 { "" } else { "s" });
    if totals.messages == 0 {
        writeln!(out, "Nothing was checked.")?;
    } else if totals.diagnostics == 0 && !errors.is_empty() {
        writeln!(
            out,
            "No problems found in {}, but {} could not be checked.",
            plural(totals.messages, "message"),
            plural(errors.len(), "input")
        )?;
    } else if totals.diagnostics == 0 {
        writeln!(out, "All clear: {} checked, no problems found.", plural(totals.messages, "message"))?;
    } else {
        let mut parts = Vec::new();
        if totals.errors > 0 {
            parts.push(plural(totals.errors, "error"));
        }
        if totals.warnings > 0 {
            parts.push(plural(totals.warnings, "warning"));
        }
        if totals.infos > 0 {
            parts.push(format!("{} info", totals.infos));
        }
        writeln!(
            out,
            "Found {} ({}) in {}.",
            plural(totals.diagnostics, "problem"),
            parts.join(", "),
            plural(totals.messages, "message")
        )?;
        if totals.fixable > 0 {
            let (count, verb) = if totals.fixable == 1 {
                ("1 problem".to_owned(), "is")
            } else {
                (format!("{} problems", totals.fixable), "are")
            };
            writeln!(out, "{count} {verb} fixable with `tact check --fix`.")?;
        }
    }
    Ok(())
}
