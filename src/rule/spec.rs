//! The YAML shape of a rule file and of an intent lexicon. Strict: unknown
//! keys are errors. A rule needs only `level`, `message` and `check`; the
//! built-in pack's tests require the rest. See `docs/rule-format.md` for the
//! reference.

use crate::check::CheckSpec;
use crate::diagnostic::{Applicability, Level};
use crate::message::{Kind, SectionKind};

fn yes() -> bool {
    true
}

/// One rule file (`rules/<category>/<id>.yml`).
#[derive(Debug, Clone, serde::Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct RuleFile {
    /// error, warning or info.
    pub level: Level,
    /// Defaults to the folder the file is in.
    #[serde(default)]
    pub category: Option<String>,
    /// Off-by-default rules run only when selected.
    #[serde(default = "yes")]
    pub enabled: bool,
    /// Message kinds the rule applies to (all when empty).
    #[serde(default)]
    pub kinds: Vec<Kind>,
    /// Message kinds the rule skips.
    #[serde(default)]
    pub skip_kinds: Vec<Kind>,
    /// Sections the rule reads (greeting, body, closing and ps when empty).
    #[serde(default)]
    pub scope: Vec<SectionKind>,
    /// One line: what the rule flags (optional for user rules).
    #[serde(default)]
    pub summary: String,
    /// The diagnostic's message; may use `{match}`, `{value}`, `{limit}`, `{replacement}`, `{kind}`.
    pub message: String,
    /// Text under the flagged words.
    #[serde(default)]
    pub label: Option<String>,
    /// Why this costs the writer: the reasoning behind the rule (optional
    /// for user rules).
    #[serde(default)]
    pub why: String,
    /// How to fix it, shown with every diagnostic (optional for user rules).
    #[serde(default)]
    pub help: String,
    #[serde(with = "serde_yaml::with::singleton_map")]
    pub check: CheckSpec,
    /// A rewrite to offer for each finding (substitution checks bring their own).
    #[serde(default)]
    pub fix: Option<FixSpec>,
    /// Before/after pairs showing a better way to write it.
    #[serde(default)]
    pub rewrites: Vec<RewriteExample>,
    /// What `tact rules test` runs (optional for user rules).
    #[serde(default)]
    pub examples: ExamplesSpec,
    /// The level in pre-send mode, when it differs.
    #[serde(default)]
    pub pre_send: Option<Level>,
}

/// A rewrite a rule offers for each finding.
#[derive(Debug, Clone, serde::Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct FixSpec {
    pub action: FixAction,
    /// The text to write (may use `{match}`); not used by `delete`.
    #[serde(default)]
    pub text: String,
    pub applicability: Applicability,
    /// What the rewrite does, shown to the writer.
    pub title: String,
}

/// Where a rule's rewrite goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum FixAction {
    /// Replace the flagged words.
    Replace,
    /// Delete the flagged words.
    Delete,
    /// Add text at the end of the flagged sentence.
    AppendToSentence,
    /// Replace the whole flagged sentence.
    ReplaceSentence,
}

/// A before/after pair.
#[derive(Debug, Clone, serde::Deserialize, serde::Serialize)]
#[serde(deny_unknown_fields)]
pub struct RewriteExample {
    pub before: String,
    pub after: String,
}

/// Examples that must and must not fire; each runs as a test.
#[derive(Debug, Clone, Default, serde::Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct ExamplesSpec {
    #[serde(default)]
    pub fire: Vec<Example>,
    #[serde(default)]
    pub pass: Vec<Example>,
    /// Applying the rule's rewrites (safe and unsafe) to `before` gives `after`.
    #[serde(default)]
    pub fix: Vec<FixExample>,
}

/// An example message: plain text, or text with a kind.
#[derive(Debug, Clone, serde::Deserialize, serde::Serialize)]
#[serde(untagged)]
pub enum Example {
    Text(String),
    WithKind { text: String, kind: Kind },
}

impl Example {
    #[must_use]
    pub fn text(&self) -> &str {
        match self {
            Example::Text(text) | Example::WithKind { text, .. } => text,
        }
    }

    #[must_use]
    pub fn kind(&self) -> Option<Kind> {
        match self {
            Example::Text(_) => None,
            Example::WithKind { kind, .. } => Some(*kind),
        }
    }
}

#[derive(Debug, Clone, serde::Deserialize, serde::Serialize)]
#[serde(deny_unknown_fields)]
pub struct FixExample {
    pub before: String,
    pub after: String,
    #[serde(default)]
    pub kind: Option<Kind>,
}

/// One intent lexicon (`rules/intents/<intent>.yml`).
#[derive(Debug, Clone, serde::Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct LexiconFile {
    /// What the intent means.
    pub description: String,
    #[serde(default)]
    pub phrases: Vec<String>,
    #[serde(default)]
    pub patterns: crate::pattern::PatternList,
    /// A sentence holding one of these phrases does not carry the intent.
    #[serde(default)]
    pub unless: Vec<String>,
    #[serde(default)]
    pub examples: LexiconExamples,
}

#[derive(Debug, Clone, Default, serde::Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct LexiconExamples {
    /// Sentences that carry the intent.
    #[serde(default, rename = "match")]
    pub matches: Vec<String>,
    /// Sentences that do not.
    #[serde(default)]
    pub no_match: Vec<String>,
}
