//! `conditional`: something appears without its required companion, such
//! as an ask with no easy way to say no anywhere in the message.

use super::{CompileCtx, Ctx, Finding, SpecError, Target, TargetSpec};

#[derive(Debug, Clone, serde::Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Spec {
    /// What needs a companion.
    #[serde(rename = "if")]
    pub when: TargetSpec,
    /// The companion.
    pub then: TargetSpec,
    /// Where the companion must be: in the same sentence or anywhere in the message.
    #[serde(default)]
    pub within: Within,
    /// Report every unaccompanied match, or only the first.
    #[serde(default)]
    pub each: bool,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Within {
    Sentence,
    #[default]
    Message,
}

#[derive(Debug)]
pub struct Conditional {
    when: Target,
    then: Target,
    within: Within,
    each: bool,
}

pub fn compile(spec: Spec, ctx: &mut CompileCtx<'_>) -> Result<Conditional, SpecError> {
    Ok(Conditional {
        when: Target::compile(spec.when, ctx).map_err(|e| e.under("if"))?,
        then: Target::compile(spec.then, ctx).map_err(|e| e.under("then"))?,
        within: spec.within,
        each: spec.each,
    })
}

impl Conditional {
    pub fn run(&self, ctx: &Ctx<'_>, out: &mut Vec<Finding>) {
        let found = self.when.find(ctx);
        if found.is_empty() {
            return;
        }
        match self.within {
            Within::Message => {
                if self.then.find(ctx).is_empty() {
                    let count = if self.each { found.len() } else { 1 };
                    out.extend(found.into_iter().take(count).map(Finding::at));
                }
            }
            Within::Sentence => {
                let companions = self.then.find(ctx);
                let lonely = found.into_iter().filter(|&span| {
                    let sentence = ctx.sentence_around(span);
                    !companions.iter().any(|c| sentence.overlaps(*c))
                });
                if self.each {
                    out.extend(lonely.map(Finding::at));
                } else {
                    out.extend(lonely.take(1).map(Finding::at));
                }
            }
        }
    }
}
