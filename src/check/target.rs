//! A target: what `occurrence`, `conditional` and `order` look for. Any of
//! the asks the reading found (each clause that asks), intents (whole
//! sentences), phrases and patterns; the matches are the union.

use std::sync::Arc;

use super::existence::intent_set;
use super::{CompileCtx, Ctx, SpecError, compile_patterns};
use crate::intent::IntentSet;
use crate::pattern::{Pattern, PatternList};
use crate::phrases::ListId;
use crate::span::Span;

/// YAML form of a target.
#[derive(Debug, Clone, Default, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TargetSpec {
    /// Each ask the reading found: one match per clause that asks, so two
    /// asks in one sentence count twice and one ask counts once.
    #[serde(default)]
    pub asks: bool,
    /// Sentences tagged with any of these intents.
    #[serde(default)]
    pub intents: Vec<String>,
    /// Whole-word, case-insensitive phrases.
    #[serde(default)]
    pub phrases: Vec<String>,
    /// Regular expressions.
    #[serde(default)]
    pub patterns: PatternList,
    /// Keep only matches whose sentence also carries every one of these intents.
    #[serde(default)]
    pub with: Vec<String>,
}

/// A compiled target.
#[derive(Debug)]
pub struct Target {
    pub asks: bool,
    pub intents: IntentSet,
    pub phrases: Option<ListId>,
    pub patterns: Vec<Arc<Pattern>>,
    pub with: IntentSet,
}

impl Target {
    /// Compile `spec`; errors are relative to the target's own keys.
    ///
    /// # Errors
    /// Unknown intents, invalid regexes, or an empty target.
    pub fn compile(spec: TargetSpec, ctx: &mut CompileCtx<'_>) -> Result<Self, SpecError> {
        if !spec.asks && spec.intents.is_empty() && spec.phrases.is_empty() && spec.patterns.is_empty() {
            return Err(SpecError::new(
                vec![],
                "a target needs at least one of `asks`, `intents`, `phrases` or `patterns`",
            ));
        }
        let intents = intent_set(ctx, "intents", &spec.intents)?;
        let with = intent_set(ctx, "with", &spec.with)?;
        let phrases = (!spec.phrases.is_empty()).then(|| ctx.phrases.list(spec.phrases));
        let patterns = compile_patterns("patterns", spec.patterns, ctx)?;
        Ok(Self { asks: spec.asks, intents, phrases, patterns, with })
    }

    /// Every match in scope, in text order. Intent matches are whole sentences.
    #[must_use]
    pub fn find(&self, ctx: &Ctx<'_>) -> Vec<Span> {
        let mut out = Vec::new();
        if self.asks {
            out.extend(ctx.asks.iter().map(|a| a.span).filter(|&s| ctx.in_scope(s)));
        }
        if !self.intents.is_empty() {
            out.extend(ctx.sentences().filter(|&i| ctx.intents[i].intersects(self.intents)).map(|i| ctx.sentence(i)));
        }
        if let Some(list) = self.phrases {
            out.extend(ctx.hits.of(list).filter(|&s| ctx.in_scope(s)));
        }
        if !self.patterns.is_empty() {
            out.extend(ctx.regex_matches(&self.patterns));
        }
        if !self.with.is_empty() {
            out.retain(|span| ctx.message.sentence_at(span.start).is_some_and(|i| ctx.intents[i].contains(self.with)));
        }
        out.sort_unstable();
        out.dedup();
        out
    }
}
