//! `placeholder`: a template variable left unfilled.

use super::{Ctx, Finding};

#[derive(Debug, Clone, Default, serde::Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Spec {}

#[derive(Debug)]
pub struct PlaceholderCheck;

pub fn compile(_spec: Spec) -> PlaceholderCheck {
    PlaceholderCheck
}

impl PlaceholderCheck {
    pub fn run(&self, ctx: &Ctx<'_>, out: &mut Vec<Finding>) {
        out.extend(ctx.message.placeholders().iter().filter(|p| ctx.in_scope(p.span)).map(|p| Finding::at(p.span)));
    }
}
