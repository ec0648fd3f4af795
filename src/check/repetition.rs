//! `repetition`: the same word twice in a row ("the the").

use super::{Ctx, Finding};
use crate::span::Span;

#[derive(Debug, Clone, Default, serde::Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Spec {
    /// Words that may repeat ("that that", "had had").
    #[serde(default)]
    pub allow: Vec<String>,
}

#[derive(Debug)]
pub struct Repetition {
    allow: Vec<String>,
}

pub fn compile(spec: Spec) -> Repetition {
    Repetition { allow: spec.allow.iter().map(|w| w.to_lowercase()).collect() }
}

impl Repetition {
    pub fn run(&self, ctx: &Ctx<'_>, out: &mut Vec<Finding>) {
        let text = ctx.text();
        for i in ctx.sentences() {
            let mut previous: Option<(Span, &str)> = None;
            for &span in ctx.message.words_in(ctx.sentence(i)) {
                let word = span.of(text);
                if let Some((prev_span, prev)) = previous
                    && prev.eq_ignore_ascii_case(word)
                    && text[prev_span.end..span.start].chars().all(char::is_whitespace)
                    && word.chars().any(char::is_alphabetic)
                    && !self.allow.iter().any(|a| a.eq_ignore_ascii_case(word))
                {
                    let mut finding = Finding::at(prev_span.cover(span));
                    finding.edits = Some(vec![crate::diagnostic::Edit::delete(Span::new(prev_span.end, span.end))]);
                    out.push(finding);
                }
                previous = Some((span, word));
            }
        }
    }
}
