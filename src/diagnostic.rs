//! Diagnostics: what a rule found, where, why, and how to rewrite it.
//!
//! Fixes are plain data: a [`Rewrite`] is a set of [`Edit`]s with an
//! [`Applicability`] saying whether `--fix` may apply it unasked.

use std::fmt;

use crate::span::Span;

/// How serious a finding is.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize, schemars::JsonSchema,
)]
#[serde(rename_all = "lowercase")]
pub enum Level {
    Info,
    Warning,
    Error,
}

impl Level {
    #[must_use]
    pub fn name(self) -> &'static str {
        match self {
            Level::Info => "info",
            Level::Warning => "warning",
            Level::Error => "error",
        }
    }
}

impl fmt::Display for Level {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl std::str::FromStr for Level {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.to_ascii_lowercase().as_str() {
            "info" => Ok(Level::Info),
            "warning" | "warn" => Ok(Level::Warning),
            "error" => Ok(Level::Error),
            other => Err(format!("unknown level `{other}` (expected info, warning or error)")),
        }
    }
}

/// Whether a rewrite may be applied without asking.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Applicability {
    /// Shown only: it needs the writer's own words.
    DisplayOnly,
    /// Applied with `--unsafe-fixes`: it changes meaning or tone.
    Unsafe,
    /// Applied with `--fix`: meaning is kept.
    Safe,
}

/// Replace `span` with `replacement` (empty to delete, empty span to insert).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Edit {
    pub span: Span,
    pub replacement: String,
}

impl Edit {
    #[must_use]
    pub fn replace(span: Span, replacement: impl Into<String>) -> Self {
        Self { span, replacement: replacement.into() }
    }

    #[must_use]
    pub fn delete(span: Span) -> Self {
        Self { span, replacement: String::new() }
    }

    #[must_use]
    pub fn insert(at: usize, text: impl Into<String>) -> Self {
        Self { span: Span::empty(at), replacement: text.into() }
    }
}

/// A suggested rewrite: edits applied together.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Rewrite {
    /// What the rewrite does ("Replace with …").
    pub title: String,
    pub applicability: Applicability,
    /// Sorted by start; never overlapping.
    pub edits: Vec<Edit>,
}

/// A secondary label under other words of the message.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Label {
    pub span: Span,
    pub text: String,
}

/// One finding of one rule in one message.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Diagnostic {
    pub rule: String,
    pub level: Level,
    pub message: String,
    pub span: Span,
    /// Text under the primary span, if any.
    pub label: Option<String>,
    pub labels: Vec<Label>,
    pub help: Option<String>,
    pub rewrites: Vec<Rewrite>,
}

impl Diagnostic {
    /// The first rewrite at or above `threshold`, if any.
    #[must_use]
    pub fn fix(&self, threshold: Applicability) -> Option<&Rewrite> {
        self.rewrites.iter().find(|r| r.applicability >= threshold && r.applicability != Applicability::DisplayOnly)
    }
}
