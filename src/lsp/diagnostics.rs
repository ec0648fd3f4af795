//! Lint a document and turn the report into LSP diagnostics.
//!
//! The library does the work: [`Message::new`] and [`Linter::lint`] with the
//! kind [`Settings::kind_for`] picks, exactly as `tact check` does. Each
//! diagnostic carries the rule id as `code`, its level as severity, and its
//! rewrites (already converted to editor ranges) in `data`, so a code action
//! needs no second lint.
//!
//! [`Linter::lint`]: crate::lint::Linter::lint

use std::str::FromStr;

use lsp_types::{
    CodeDescription, Diagnostic as LspDiagnostic, DiagnosticRelatedInformation, DiagnosticSeverity, Location,
    NumberOrString, Position, Range, TextEdit, Uri,
};

use super::convert::{Converter, Encoding, severity};
use super::documents::Document;
use crate::config::Settings;
use crate::diagnostic::{Applicability, Diagnostic};
use crate::lint::Report;
use crate::message::Message;
use crate::rule::RuleSet;

/// What `Diagnostic.data` holds: the rewrites of one finding, for one version.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub(crate) struct FixData {
    pub version: i32,
    pub fixes: Vec<FixEdit>,
}

/// One rewrite as editor edits.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub(crate) struct FixEdit {
    pub title: String,
    pub applicability: Applicability,
    pub edits: Vec<TextEdit>,
}

/// Lint `doc` with `settings`, as `tact check` would lint its file.
pub(crate) fn lint(doc: &Document, settings: &Settings) -> Report {
    let message = Message::new(doc.text.clone(), doc.format);
    let kind = settings.kind_for(doc.path.as_deref());
    settings.linter.lint(&message, kind)
}

/// Options for rendering diagnostics.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Render<'a> {
    pub encoding: Encoding,
    /// A link per rule (`{rule}` replaced by the id), if configured.
    pub docs_url: Option<&'a str>,
}

/// The LSP diagnostics of a report on `doc`.
pub(crate) fn to_lsp(doc: &Document, report: &Report, rules: &RuleSet, render: Render<'_>) -> Vec<LspDiagnostic> {
    let conv = doc.converter(render.encoding);
    report.diagnostics.iter().map(|d| one(doc, &conv, d, rules, render)).collect()
}

fn one(doc: &Document, conv: &Converter<'_>, d: &Diagnostic, rules: &RuleSet, render: Render<'_>) -> LspDiagnostic {
    let rule = rules.rule(&d.rule);
    let code_description = render
        .docs_url
        .and_then(|url| Uri::from_str(&url.replace("{rule}", &d.rule)).ok())
        .map(|href| CodeDescription { href });
    // Without a link, the first sentence of the rule's reasoning goes with the message.
    let message = match (rule, &code_description) {
        (Some(rule), None) if !rule.why.trim().is_empty() => format!("{}\n{}", d.message, first_sentence(&rule.why)),
        _ => d.message.clone(),
    };
    let related: Vec<DiagnosticRelatedInformation> = d
        .labels
        .iter()
        .map(|l| DiagnosticRelatedInformation {
            location: Location { uri: doc.uri.clone(), range: conv.range(l.span) },
            message: l.text.clone(),
        })
        .collect();
    let fixes: Vec<FixEdit> = d
        .rewrites
        .iter()
        .filter(|r| r.applicability != Applicability::DisplayOnly && !r.edits.is_empty())
        .map(|r| FixEdit {
            title: r.title.clone(),
            applicability: r.applicability,
            edits: r
                .edits
                .iter()
                .map(|e| TextEdit { range: conv.range(e.span), new_text: e.replacement.clone() })
                .collect(),
        })
        .collect();
    let data = (!fixes.is_empty()).then_some(FixData { version: doc.version, fixes });
    LspDiagnostic {
        range: conv.range(d.span),
        severity: Some(severity(d.level)),
        code: Some(NumberOrString::String(d.rule.clone())),
        code_description,
        source: Some("tact".to_owned()),
        message,
        related_information: (!related.is_empty()).then_some(related),
        tags: None,
        data: data.and_then(|d| serde_json::to_value(d).ok()),
    }
}

/// A diagnostic at the top of a document about the check itself: broken
/// settings (`config`) or a buffer too large to check (`too-large`).
pub(crate) fn notice(code: &str, severity: DiagnosticSeverity, message: &str) -> LspDiagnostic {
    let start = Position { line: 0, character: 0 };
    LspDiagnostic {
        range: Range { start, end: start },
        severity: Some(severity),
        code: Some(NumberOrString::String(code.to_owned())),
        source: Some("tact".to_owned()),
        message: message.to_owned(),
        ..LspDiagnostic::default()
    }
}

/// The first sentence of a rule's reasoning, on one line.
fn first_sentence(text: &str) -> String {
    let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
    let end = flat
        .char_indices()
        .find(|&(i, c)| matches!(c, '.' | '!' | '?') && flat[i + 1..].starts_with(' ') && i > 20)
        .map_or(flat.len(), |(i, c)| i + c.len_utf8());
    flat[..end].to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn first_sentence_of_reasoning() {
        assert_eq!(
            first_sentence("Nothing says \"mass email\" like a visible tag.\nA reader who sees it knows."),
            "Nothing says \"mass email\" like a visible tag."
        );
        assert_eq!(first_sentence("One line only"), "One line only");
    }
}
