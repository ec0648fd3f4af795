//! `order`: one thing comes before another, such as an ask before any offer
//! or a pitch straight after "how can I help?".

use super::{CompileCtx, Ctx, Finding, SpecError, Target, TargetSpec};

#[derive(Debug, Clone, serde::Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Spec {
    /// The target that should not come first.
    pub first: TargetSpec,
    /// The target that, when it only comes later, makes the order wrong.
    pub then: TargetSpec,
    /// Label shown under the `then` match.
    #[serde(default)]
    pub then_label: Option<String>,
}

#[derive(Debug)]
pub struct Order {
    first: Target,
    then: Target,
    then_label: String,
}

pub fn compile(spec: Spec, ctx: &mut CompileCtx<'_>) -> Result<Order, SpecError> {
    Ok(Order {
        first: Target::compile(spec.first, ctx).map_err(|e| e.under("first"))?,
        then: Target::compile(spec.then, ctx).map_err(|e| e.under("then"))?,
        then_label: spec.then_label.unwrap_or_else(|| "…and only then this".to_owned()),
    })
}

impl Order {
    /// Fires when the first `first` match comes before the first `then`
    /// match (and the two are not the same sentence).
    pub fn run(&self, ctx: &Ctx<'_>, out: &mut Vec<Finding>) {
        let Some(first) = self.first.find(ctx).into_iter().next() else { return };
        let Some(then) = self.then.find(ctx).into_iter().next() else { return };
        let same_sentence = ctx.sentence_around(first) == ctx.sentence_around(then);
        if first.start < then.start && !same_sentence {
            out.push(Finding::at(first).label(then, self.then_label.clone()));
        }
    }
}
