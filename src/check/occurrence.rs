//! `occurrence`: a target appears more (or fewer) times than allowed.

use super::{CompileCtx, Ctx, Finding, SpecError, Target, TargetSpec};
use crate::pattern::PatternList;
use crate::span::Span;

#[derive(Debug, Clone, serde::Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Spec {
    /// Each ask the reading found (one per clause that asks).
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
    /// Count only matches whose sentence also carries every one of these intents.
    #[serde(default)]
    pub with: Vec<String>,
    /// Fires when the target appears more than this many times.
    #[serde(default)]
    pub max: Option<usize>,
    /// Fires when the target appears fewer than this many times.
    #[serde(default)]
    pub min: Option<usize>,
}

#[derive(Debug)]
pub struct Occurrence {
    target: Target,
    max: Option<usize>,
    min: Option<usize>,
}

pub fn compile(spec: Spec, ctx: &mut CompileCtx<'_>) -> Result<Occurrence, SpecError> {
    if spec.max.is_none() && spec.min.is_none() {
        return Err(SpecError::new(vec![], "`occurrence` needs `max` or `min`"));
    }
    let target = TargetSpec {
        asks: spec.asks,
        intents: spec.intents,
        phrases: spec.phrases,
        patterns: spec.patterns,
        with: spec.with,
    };
    Ok(Occurrence { target: Target::compile(target, ctx)?, max: spec.max, min: spec.min })
}

impl Occurrence {
    pub fn run(&self, ctx: &Ctx<'_>, out: &mut Vec<Finding>) {
        let found = self.target.find(ctx);
        if let Some(max) = self.max
            && found.len() > max
        {
            let mut finding = Finding::at(found[max]);
            finding.value = Some(found.len().to_string());
            finding.limit = Some(max.to_string());
            for (i, span) in found.iter().enumerate().filter(|&(i, _)| i != max) {
                finding = finding.label(*span, format!("#{}", i + 1));
            }
            out.push(finding);
        }
        if let Some(min) = self.min
            && found.len() < min
        {
            let span = ctx.regions().find(|s| !s.is_empty()).map_or(Span::empty(0), |s| first_line(ctx, s));
            let mut finding = Finding::at(span);
            finding.value = Some(found.len().to_string());
            finding.limit = Some(min.to_string());
            out.push(finding);
        }
    }
}

fn first_line(ctx: &Ctx<'_>, span: Span) -> Span {
    let text = span.of(ctx.original());
    let lead = text.len() - text.trim_start().len();
    let line = text.trim_start().lines().next().unwrap_or("");
    Span::new(span.start + lead, span.start + lead + line.trim_end().len())
}
