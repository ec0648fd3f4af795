//! Errors that stop tact from running: broken rule files, a broken config,
//! unreadable inputs. Each points into the file at fault.
//!
//! Problems with one input in a batch are not errors: they become
//! diagnostics for that input and the run goes on.

use miette::{Diagnostic, NamedSource, SourceSpan};
use thiserror::Error;

use crate::span::Span;

/// A mistake in a user's file (rule, lexicon, config), shown with the
/// offending line and column.
#[derive(Debug, Error, Diagnostic)]
#[error("{message}")]
#[diagnostic(code(tact::invalid_file))]
pub struct FileError {
    pub message: String,
    #[source_code]
    pub source_code: NamedSource<String>,
    #[label("{label}")]
    pub span: SourceSpan,
    pub label: String,
    #[help]
    pub help: Option<String>,
    /// One-based line and column of the span's start, for tests and JSON.
    pub line: usize,
    pub column: usize,
}

impl FileError {
    /// An error at `span` of `text` (the file at `path`).
    #[must_use]
    pub fn new(path: &str, text: &str, span: Span, message: impl Into<String>, label: impl Into<String>) -> Self {
        let span = clamp(text, span);
        let index = crate::line_index::LineIndex::new(text);
        let at = index.line_col(text, span.start, crate::line_index::ColumnUnit::Char);
        Self {
            message: message.into(),
            source_code: NamedSource::new(path, text.to_owned()),
            span: span.into(),
            label: label.into(),
            help: None,
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
        self.source_code.name()
    }
}

fn clamp(text: &str, span: Span) -> Span {
    let start = text.floor_char_boundary(span.start);
    let end = text.floor_char_boundary(span.end).max(start);
    Span::new(start, end)
}

/// Every broken file found while loading rules, reported together.
#[derive(Debug, Error, Diagnostic)]
#[error("{} rule file{} could not be loaded", errors.len(), if errors.len() == 1 { "" } else { "s" })]
#[diagnostic(code(tact::rules), help("fix the files above; `tact rules test DIR` checks a pack"))]
pub struct LoadError {
    #[related]
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
    #[diagnostic(code(tact::io))]
    Io {
        path: String,
        #[source]
        source: std::io::Error,
    },

    #[error("{0}")]
    #[diagnostic(code(tact::usage))]
    Usage(String),
}

impl Error {
    #[must_use]
    pub fn io(path: impl Into<String>, source: std::io::Error) -> Self {
        Error::Io { path: path.into(), source }
    }
}
