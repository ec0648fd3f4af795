//! `human`: rustc-style annotated diagnostics, drawn by miette, with each
//! rewrite shown as the sentence would read after it.

use std::fmt;
use std::io::{self, Write};

use miette::{GraphicalReportHandler, GraphicalTheme, LabeledSpan, Severity, SourceCode};

use super::{Checked, InputError, Totals};
use crate::diagnostic::{Applicability, Diagnostic, Level};
use crate::span::Span;

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
}

/// A message's text for miette, reporting columns in characters (as the
/// concise and JSON formats do) rather than bytes.
struct CharColumns {
    name: String,
    text: String,
}

impl SourceCode for CharColumns {
    fn read_span<'a>(
        &'a self,
        span: &miette::SourceSpan,
        context_lines_before: usize,
        context_lines_after: usize,
    ) -> Result<Box<dyn miette::SpanContents<'a> + 'a>, miette::MietteError> {
        let inner = self.text.read_span(span, context_lines_before, context_lines_after)?;
        let line_start = self.text[..span.offset().min(self.text.len())].rfind('\n').map_or(0, |i| i + 1);
        let column = self.text.get(line_start..span.offset()).map_or(inner.column(), |p| p.chars().count());
        Ok(Box::new(miette::MietteSpanContents::new_named(
            self.name.clone(),
            inner.data(),
            *inner.span(),
            inner.line(),
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
        let d = self.diagnostic;
        let primary = LabeledSpan::new_primary_with_span(d.label.clone(), d.span);
        let others =
            d.labels.iter().map(|l| LabeledSpan::new_with_span((!l.text.is_empty()).then(|| l.text.clone()), l.span));
        Some(Box::new(std::iter::once(primary).chain(others)))
    }
}

pub(super) fn write(out: &mut dyn Write, checked: &Checked, options: &HumanOptions) -> io::Result<()> {
    let report = &checked.report;
    if report.diagnostics.is_empty() {
        return Ok(());
    }
    let text = checked.message.text();
    let source = CharColumns { name: checked.name(), text: text.to_owned() };
    let theme = if options.color { GraphicalTheme::unicode() } else { GraphicalTheme::unicode_nocolor() };
    let handler = GraphicalReportHandler::new_themed(theme).with_width(options.width).with_links(false);
    for diagnostic in &report.diagnostics {
        let help = help_text(checked, diagnostic);
        let shown = Shown { diagnostic, source: &source, help };
        let mut rendered = String::new();
        if handler.render_report(&mut rendered, &shown).is_err() {
            rendered = format!("{}: {} [{}]\n", checked.name(), diagnostic.message, diagnostic.rule);
        }
        out.write_all(rendered.as_bytes())?;
        writeln!(out)?;
    }
    if !options.quiet {
        let score = &report.score;
        let lost: Vec<String> = score.breakdown.iter().take(4).map(|c| format!("{} −{}", c.rule, c.points)).collect();
        writeln!(
            out,
            "{}: score {}/100 ({}) as {} ({}){}\n",
            checked.name(),
            score.value,
            score.grade,
            report.kind,
            report.kind_source,
            if lost.is_empty() { String::new() } else { format!(" · {}", lost.join(", ")) }
        )?;
    }
    Ok(())
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
