//! `position`: where in the message something first appears, such as the
//! only ask arriving in the last lines of a long message.

use super::{CompileCtx, Ctx, Finding, SpecError, Target, TargetSpec};

#[derive(Debug, Clone, serde::Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Spec {
    /// What to locate.
    pub target: TargetSpec,
    /// Fires when the first match starts after this fraction of the prose
    /// (0.0 = the start, 1.0 = the end).
    pub after: f64,
    /// Judge only messages with at least this many words.
    #[serde(default)]
    pub min_words: usize,
}

#[derive(Debug)]
pub struct Position {
    target: Target,
    after: f64,
    min_words: usize,
}

pub fn compile(spec: Spec, ctx: &mut CompileCtx<'_>) -> Result<Position, SpecError> {
    if !(0.0..=1.0).contains(&spec.after) {
        return Err(SpecError::new(vec!["after".into()], "`after` is a fraction from 0.0 to 1.0"));
    }
    Ok(Position {
        target: Target::compile(spec.target, ctx).map_err(|e| e.under("target"))?,
        after: spec.after,
        min_words: spec.min_words,
    })
}

impl Position {
    pub fn run(&self, ctx: &Ctx<'_>, out: &mut Vec<Finding>) {
        if ctx.figures.words < self.min_words {
            return;
        }
        let Some(first) = self.target.find(ctx).into_iter().next() else { return };
        let prose = ctx.figures.detail.prose;
        if prose.is_empty() {
            return;
        }
        #[allow(clippy::cast_precision_loss)]
        let at = (first.start.saturating_sub(prose.start)) as f64 / prose.len() as f64;
        if at > self.after {
            let mut finding = Finding::at(first);
            finding.value = Some(format!("{:.0}%", at * 100.0));
            out.push(finding);
        }
    }
}
