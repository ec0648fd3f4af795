//! Check kinds: what a rule looks for. One file per kind, each with a serde
//! `Spec` (the YAML under `check:`), a `compile` step that validates it and
//! builds matchers once, and an infallible `run` over one message.
//!
//! To add a kind: write `check/<kind>.rs` with `Spec`, `compile` and `run`,
//! add a variant to [`CheckSpec`] and [`Check`], and document it in
//! `docs/rule-format.md`.

mod capitalization;
mod conditional;
mod context;
mod existence;
mod metric;
mod occurrence;
mod order;
mod placeholder;
mod position;
mod recipient;
mod repetition;
mod substitution;
mod target;
pub mod unused_exception;

pub use context::{Ctx, Scope};
pub use metric::{Figures, Metric};
pub use target::{Target, TargetSpec};

use std::borrow::Cow;
use std::sync::Arc;

use crate::diagnostic::{Edit, Label};
use crate::intent::Intents;
use crate::pattern::{Pattern, PatternError, PatternList, PatternsBuilder};
use crate::phrases::PhraseIndexBuilder;
use crate::rule::locate::Step;
use crate::span::Span;

/// The `check:` of a rule file: exactly one kind.
#[derive(Debug, Clone, serde::Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum CheckSpec {
    Existence(existence::Spec),
    Substitution(substitution::Spec),
    Occurrence(occurrence::Spec),
    Conditional(conditional::Spec),
    Order(order::Spec),
    Metric(metric::Spec),
    Placeholder(placeholder::Spec),
    Position(position::Spec),
    Capitalization(capitalization::Spec),
    Repetition(repetition::Spec),
    RecipientName(recipient::Spec),
    UnusedException(unused_exception::Spec),
}

/// A compiled check.
#[derive(Debug)]
pub enum Check {
    Existence(existence::Existence),
    Substitution(substitution::Substitution),
    Occurrence(occurrence::Occurrence),
    Conditional(conditional::Conditional),
    Order(order::Order),
    Metric(metric::MetricCheck),
    Placeholder(placeholder::PlaceholderCheck),
    Position(position::Position),
    Capitalization(capitalization::Capitalization),
    Repetition(repetition::Repetition),
    RecipientName(recipient::RecipientName),
    UnusedException(unused_exception::UnusedException),
}

/// What a check needs while compiling: the intents known, and the shared
/// phrase index and pattern set to register its phrases and patterns with.
pub struct CompileCtx<'a> {
    pub intents: &'a Intents,
    pub phrases: &'a mut PhraseIndexBuilder,
    pub patterns: &'a mut PatternsBuilder,
    /// Compile patterns now, so errors point into the rule file (user rules;
    /// the built-in pack compiles on first use).
    pub eager: bool,
}

/// A problem in a check's spec, found after parsing; `path` locates it in
/// the rule file (relative to `check.<kind>`).
#[derive(Debug, Clone)]
pub struct SpecError {
    pub path: Vec<Step>,
    pub message: String,
    pub help: Option<String>,
}

impl SpecError {
    pub fn new(path: Vec<Step>, message: impl Into<String>) -> Self {
        Self { path, message: message.into(), help: None }
    }

    #[must_use]
    pub fn with_help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }

    /// The same error under a parent key.
    #[must_use]
    pub fn under(mut self, key: &str) -> Self {
        self.path.insert(0, Step::Key(key.to_owned()));
        self
    }
}

/// One thing a check found, before the rule turns it into a diagnostic.
#[derive(Debug, Clone, Default)]
pub struct Finding {
    pub span: Span,
    pub labels: Vec<Label>,
    /// A measured value (`{value}` in the rule's message).
    pub value: Option<String>,
    /// The bound it crossed (`{limit}`).
    pub limit: Option<String>,
    /// Edits the check itself proposes (substitutions).
    pub edits: Option<Vec<Edit>>,
    /// The replacement text (`{replacement}`).
    pub replacement: Option<String>,
}

impl Finding {
    #[must_use]
    pub fn at(span: Span) -> Self {
        Self { span, ..Self::default() }
    }

    #[must_use]
    pub fn label(mut self, span: Span, text: impl Into<String>) -> Self {
        self.labels.push(Label { span, text: text.into() });
        self
    }
}

impl Check {
    /// Validate and compile a spec.
    ///
    /// # Errors
    /// A [`SpecError`] whose path is relative to `check:`.
    pub fn compile(spec: CheckSpec, ctx: &mut CompileCtx<'_>) -> Result<Check, SpecError> {
        let (key, result) = match spec {
            CheckSpec::Existence(s) => ("existence", existence::compile(s, ctx).map(Check::Existence)),
            CheckSpec::Substitution(s) => ("substitution", substitution::compile(s, ctx).map(Check::Substitution)),
            CheckSpec::Occurrence(s) => ("occurrence", occurrence::compile(s, ctx).map(Check::Occurrence)),
            CheckSpec::Conditional(s) => ("conditional", conditional::compile(s, ctx).map(Check::Conditional)),
            CheckSpec::Order(s) => ("order", order::compile(s, ctx).map(Check::Order)),
            CheckSpec::Metric(s) => ("metric", metric::compile(s).map(Check::Metric)),
            CheckSpec::Placeholder(s) => ("placeholder", Ok(Check::Placeholder(placeholder::compile(s)))),
            CheckSpec::Position(s) => ("position", position::compile(s, ctx).map(Check::Position)),
            CheckSpec::Capitalization(s) => ("capitalization", Ok(Check::Capitalization(capitalization::compile(s)))),
            CheckSpec::Repetition(s) => ("repetition", Ok(Check::Repetition(repetition::compile(s)))),
            CheckSpec::RecipientName(s) => ("recipient-name", Ok(Check::RecipientName(recipient::compile(s)))),
            CheckSpec::UnusedException(unused_exception::Spec {}) => {
                ("unused-exception", Ok(Check::UnusedException(unused_exception::UnusedException)))
            }
        };
        result.map_err(|e| e.under(key))
    }

    /// Run over one message.
    pub fn run(&self, ctx: &Ctx<'_>, out: &mut Vec<Finding>) {
        match self {
            Check::Existence(c) => c.run(ctx, out),
            Check::Substitution(c) => c.run(ctx, out),
            Check::Occurrence(c) => c.run(ctx, out),
            Check::Conditional(c) => c.run(ctx, out),
            Check::Order(c) => c.run(ctx, out),
            Check::Metric(c) => c.run(ctx, out),
            Check::Placeholder(c) => c.run(ctx, out),
            Check::Position(c) => c.run(ctx, out),
            Check::Capitalization(c) => c.run(ctx, out),
            Check::Repetition(c) => c.run(ctx, out),
            Check::RecipientName(c) => c.run(ctx, out),
            // Found by the linter once every other rule has run.
            Check::UnusedException(_) => {}
        }
    }

    /// The kind's name as written in YAML.
    #[must_use]
    pub fn kind_name(&self) -> &'static str {
        match self {
            Check::Existence(_) => "existence",
            Check::Substitution(_) => "substitution",
            Check::Occurrence(_) => "occurrence",
            Check::Conditional(_) => "conditional",
            Check::Order(_) => "order",
            Check::Metric(_) => "metric",
            Check::Placeholder(_) => "placeholder",
            Check::Position(_) => "position",
            Check::Capitalization(_) => "capitalization",
            Check::Repetition(_) => "repetition",
            Check::RecipientName(_) => "recipient-name",
            Check::UnusedException(_) => "unused-exception",
        }
    }

    /// Whether the check proposes its own edits (so a rule-level `fix` is not allowed).
    #[must_use]
    pub fn has_own_fix(&self) -> bool {
        matches!(self, Check::Substitution(_))
    }
}

/// Register `list` (its gates with `phrases`); when `eager`, compile every pattern now.
/// The first invalid pattern is reported at `key[i]`.
pub(crate) fn register_patterns(
    key: &str,
    list: PatternList,
    patterns: &mut PatternsBuilder,
    phrases: &mut PhraseIndexBuilder,
    eager: bool,
) -> Result<Vec<Arc<Pattern>>, SpecError> {
    let invalid = |i: usize, source: &str, e: &PatternError| {
        SpecError::new(vec![Step::Key(key.to_owned()), Step::Index(i)], format!("invalid regex `{}`", shorten(source)))
            .with_help(e.to_string())
    };
    let parsed = list.into_parsed().map_err(|(i, source, e)| invalid(i, &source, &e))?;
    let patterns: Vec<Arc<Pattern>> = parsed.into_iter().map(|p| patterns.add(p, phrases)).collect();
    if eager {
        for (i, pattern) in patterns.iter().enumerate() {
            pattern.compile().map_err(|e| invalid(i, pattern.as_str(), &e))?;
        }
    }
    Ok(patterns)
}

/// At most 60 characters of `text`, with an ellipsis when cut.
fn shorten(text: &str) -> Cow<'_, str> {
    match text.char_indices().nth(60) {
        Some((at, _)) => Cow::Owned(format!("{}…", &text[..at])),
        None => Cow::Borrowed(text),
    }
}

/// Register (and when the context says so, compile) `patterns`.
pub(crate) fn compile_patterns(
    key: &str,
    patterns: PatternList,
    ctx: &mut CompileCtx<'_>,
) -> Result<Vec<Arc<Pattern>>, SpecError> {
    register_patterns(key, patterns, ctx.patterns, ctx.phrases, ctx.eager)
}
