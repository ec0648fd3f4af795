//! `existence`: a phrase or pattern appears.

use std::sync::Arc;

use super::{CompileCtx, Ctx, Finding, SpecError, compile_patterns};
use crate::intent::IntentSet;
use crate::pattern::{Pattern, PatternList};
use crate::phrases::ListId;
use crate::rule::locate::Step;
use crate::span::Span;

#[derive(Debug, Clone, serde::Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Spec {
    /// Whole-word, case-insensitive phrases.
    #[serde(default)]
    pub phrases: Vec<String>,
    /// Regular expressions (case-insensitive; `\b` is an ASCII word boundary).
    #[serde(default)]
    pub patterns: PatternList,
    /// A match does not count when its sentence contains one of these phrases.
    #[serde(default)]
    pub unless: Vec<String>,
    /// Only matches inside sentences tagged with one of these intents count.
    #[serde(default)]
    pub only_in: Vec<String>,
    /// Matches inside sentences tagged with one of these intents do not count.
    #[serde(default)]
    pub not_in: Vec<String>,
    /// Report only the first match in a message.
    #[serde(default)]
    pub once: bool,
}

#[derive(Debug)]
pub struct Existence {
    phrases: Option<ListId>,
    patterns: Vec<Arc<Pattern>>,
    unless: Option<ListId>,
    only_in: IntentSet,
    not_in: IntentSet,
    once: bool,
}

pub fn compile(spec: Spec, ctx: &mut CompileCtx<'_>) -> Result<Existence, SpecError> {
    if spec.phrases.is_empty() && spec.patterns.is_empty() {
        return Err(SpecError::new(vec![], "`existence` needs `phrases` or `patterns`"));
    }
    Ok(Existence {
        phrases: (!spec.phrases.is_empty()).then(|| ctx.phrases.list(spec.phrases)),
        patterns: compile_patterns("patterns", spec.patterns, ctx)?,
        unless: (!spec.unless.is_empty()).then(|| ctx.phrases.list(spec.unless)),
        only_in: intent_set(ctx, "only-in", &spec.only_in)?,
        not_in: intent_set(ctx, "not-in", &spec.not_in)?,
        once: spec.once,
    })
}

/// Resolve intent names listed under `key`.
pub(crate) fn intent_set(ctx: &CompileCtx<'_>, key: &str, names: &[String]) -> Result<IntentSet, SpecError> {
    names.iter().enumerate().try_fold(IntentSet::EMPTY, |acc, (i, name)| {
        ctx.intents.lookup(name).map(|s| acc.with(s)).ok_or_else(|| {
            SpecError::new(vec![Step::Key(key.to_owned()), Step::Index(i)], format!("unknown intent `{name}`"))
                .with_help(format!("known intents: {}", ctx.intents.names().join(", ")))
        })
    })
}

impl Existence {
    pub fn run(&self, ctx: &Ctx<'_>, out: &mut Vec<Finding>) {
        let mut spans: Vec<Span> = Vec::new();
        if let Some(list) = self.phrases {
            spans.extend(ctx.hits.of(list).filter(|&s| ctx.in_scope(s)));
        }
        if !self.patterns.is_empty() {
            spans.extend(ctx.regex_matches(&self.patterns));
            spans.sort_unstable();
        }
        // Of overlapping matches keep the first and longest.
        let mut kept: Vec<Span> = Vec::new();
        for span in spans {
            if kept.last().is_some_and(|last| last.overlaps(span)) {
                continue;
            }
            if !self.counts(ctx, span) {
                continue;
            }
            kept.push(span);
            if self.once {
                break;
            }
        }
        out.extend(kept.into_iter().map(Finding::at));
    }

    fn counts(&self, ctx: &Ctx<'_>, span: Span) -> bool {
        let sentence = ctx.message.sentence_at(span.start);
        let intents = sentence.map_or(IntentSet::EMPTY, |i| ctx.intents[i]);
        if !self.only_in.is_empty() && !intents.intersects(self.only_in) {
            return false;
        }
        if intents.intersects(self.not_in) {
            return false;
        }
        if let Some(unless) = self.unless {
            let around = ctx.sentence_around(span);
            if ctx.hits.any_in(unless, around) {
                return false;
            }
        }
        true
    }
}
