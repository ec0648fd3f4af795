//! Errors that stop tact from running: broken rule files, a broken config,
//! unreadable inputs. Each points into the file at fault, in the words of
//! the person who wrote it; [`render`] prints them, every broken file first
//! and one line of help after.
//!
//! Problems with one input in a batch are not errors: they become
//! diagnostics for that input and the run goes on.

mod snippet;
pub mod yaml;

use std::fmt;

use miette::{Diagnostic, GraphicalReportHandler, GraphicalTheme, SourceSpan};
use thiserror::Error;

pub use snippet::Snippet;

use crate::line_index::{ColumnUnit, LineIndex};
use crate::span::Span;

/// A mistake in a user's file (rule, lexicon, config), shown with the
/// offending line and column.
#[derive(Debug, Diagnostic)]
pub struct FileError {
    pub message: String,
    /// The file's text around the error; `None` when the line is too long
    /// to print, and the error is then one line with its position.
    #[source_code]
    pub source_code: Option<Snippet>,
    #[label("{label}")]
    pub span: SourceSpan,
    pub label: String,
    #[help]
    pub help: Option<String>,
    /// The file's name as shown.
    pub path: String,
    /// One-based line and column (in characters) of the span's start.
    pub line: usize,
    pub column: usize,
}

impl FileError {
    /// An error at `span` of `text` (the file at `path`).
    #[must_use]
    pub fn new(path: &str, text: &str, span: Span, message: impl Into<String>, label: impl Into<String>) -> Self {
        let span = clamp(text, span);
        let index = LineIndex::new(text);
        let at = index.line_col(text, span.start, ColumnUnit::Char);
        Self {
            message: message.into(),
            source_code: Snippet::around(path, text, span.start, span.end),
            span: span.into(),
            label: label.into(),
            help: None,
            path: path.to_owned(),
            line: at.line,
            column: at.column,
        }
    }

    #[must_use]
    pub fn with_help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }

    /// The file's name as shown.
    #[must_use]
    pub fn path(&self) -> &str {
        &self.path
    }
}

impl fmt::Display for FileError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.source_code.is_none() {
            write!(f, "{}:{}:{}: ", self.path, self.line, self.column)?;
        }
        f.write_str(&self.message)
    }
}

impl std::error::Error for FileError {}

fn clamp(text: &str, span: Span) -> Span {
    let start = text.floor_char_boundary(span.start);
    let end = text.floor_char_boundary(span.end).max(start);
    Span::new(start, end)
}

/// Every broken file found while loading rules, reported together.
#[derive(Debug, Error, Diagnostic)]
#[error("{} rule file{} could not be loaded", errors.len(), if errors.len() == 1 { "" } else { "s" })]
#[diagnostic(help("fix the files above; `tact rules test DIR` runs a rule folder's examples"))]
pub struct LoadError {
    /// Printed before this summary by [`render`].
    pub errors: Vec<FileError>,
}

/// An error that stops a run.
#[derive(Debug, Error, Diagnostic)]
pub enum Error {
    #[error(transparent)]
    #[diagnostic(transparent)]
    Rules(#[from] LoadError),

    #[error(transparent)]
    #[diagnostic(transparent)]
    File(#[from] FileError),

    #[error("{path}: {source}")]
    Io {
        path: String,
        #[source]
        source: std::io::Error,
    },

    #[error("{0}")]
    Usage(String),
}

impl Error {
    #[must_use]
    pub fn io(path: impl Into<String>, source: std::io::Error) -> Self {
        Error::Io { path: path.into(), source }
    }
}

/// `err` as printed for a person, `width` columns wide: each broken file
/// with its line and column first, then what to do.
#[must_use]
pub fn render(err: &Error, color: bool, width: usize) -> String {
    let theme = if color { GraphicalTheme::unicode() } else { GraphicalTheme::unicode_nocolor() };
    let handler = GraphicalReportHandler::new_themed(theme).with_width(width).with_links(false);
    let mut out = String::new();
    let mut draw = |diagnostic: &dyn Diagnostic| {
        if !out.is_empty() {
            out.push('\n');
        }
        if handler.render_report(&mut out, diagnostic).is_err() {
            out.push_str(&format!("error: {diagnostic}\n"));
        }
    };
    if let Error::Rules(load) = err {
        for file in &load.errors {
            draw(file);
        }
    }
    draw(err);
    out
}
