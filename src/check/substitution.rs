//! `substitution`: a phrase that has a better replacement, offered as a fix.

use super::{CompileCtx, Ctx, Finding, SpecError};
use crate::diagnostic::{Applicability, Edit};
use crate::phrases::ListId;
use crate::span::Span;

#[derive(Debug, Clone, serde::Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Spec {
    /// Phrase → replacement. An empty replacement deletes the phrase.
    pub swap: Vec<Swap>,
    /// Whether `--fix` may apply the replacement unasked.
    pub applicability: Applicability,
    /// A match does not count when its sentence contains one of these phrases.
    #[serde(default)]
    pub unless: Vec<String>,
}

#[derive(Debug, Clone, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Swap {
    pub phrase: String,
    pub with: String,
}

#[derive(Debug)]
pub struct Substitution {
    swaps: Vec<(ListId, String)>,
    applicability: Applicability,
    unless: Option<ListId>,
}

pub fn compile(spec: Spec, ctx: &mut CompileCtx<'_>) -> Result<Substitution, SpecError> {
    if spec.swap.is_empty() {
        return Err(SpecError::new(vec!["swap".into()], "`swap` needs at least one `phrase` / `with` pair"));
    }
    let swaps = spec.swap.into_iter().map(|s| (ctx.phrases.list([s.phrase]), s.with)).collect();
    Ok(Substitution {
        swaps,
        applicability: spec.applicability,
        unless: (!spec.unless.is_empty()).then(|| ctx.phrases.list(spec.unless)),
    })
}

impl Substitution {
    pub fn run(&self, ctx: &Ctx<'_>, out: &mut Vec<Finding>) {
        let mut found: Vec<(Span, &str)> = Vec::new();
        for (list, with) in &self.swaps {
            for span in ctx.hits.of(*list).filter(|&s| ctx.in_scope(s)) {
                if let Some(unless) = self.unless
                    && ctx.hits.any_in(unless, ctx.sentence_around(span))
                {
                    continue;
                }
                found.push((span, with));
            }
        }
        // Longest first at each start, then drop overlaps.
        found.sort_by(|a, b| a.0.start.cmp(&b.0.start).then(b.0.end.cmp(&a.0.end)));
        let mut last_end = 0;
        for (span, with) in found {
            if span.start < last_end {
                continue;
            }
            last_end = span.end;
            let original = span.of(ctx.original());
            let replacement = match_case(original, with);
            let edit = if replacement.is_empty() {
                deletion(ctx.original(), span)
            } else {
                Edit::replace(span, replacement.clone())
            };
            out.push(Finding { edits: Some(vec![edit]), replacement: Some(replacement), ..Finding::at(span) });
        }
    }

    #[must_use]
    pub fn applicability(&self) -> Applicability {
        self.applicability
    }
}

/// `with`, capitalised like `original` ("Just" → "Simply", "JUST" → "SIMPLY").
#[must_use]
pub fn match_case(original: &str, with: &str) -> String {
    let letters: Vec<char> = original.chars().filter(|c| c.is_alphabetic()).collect();
    if letters.len() > 1 && letters.iter().all(|c| c.is_uppercase()) {
        return with.to_uppercase();
    }
    if original.chars().next().is_some_and(char::is_uppercase) {
        let mut chars = with.chars();
        return chars.next().map(|c| c.to_uppercase().chain(chars).collect()).unwrap_or_default();
    }
    with.to_owned()
}

/// Deleting a phrase takes one neighbouring space with it, so "I just
/// wanted" becomes "I wanted"; a capitalised phrase passes its capital on
/// ("Just wanted to" becomes "Wanted to").
fn deletion(text: &str, span: Span) -> Edit {
    let after = &text[span.end..];
    let before = &text[..span.start];
    let span = if after.starts_with(' ') {
        Span::new(span.start, span.end + 1)
    } else if before.ends_with(' ') && !after.starts_with(char::is_alphanumeric) {
        Span::new(span.start - 1, span.end)
    } else {
        span
    };
    let capitalised = span.of(text).starts_with(char::is_uppercase);
    match text[span.end..].chars().next() {
        Some(next) if capitalised && next.is_lowercase() => {
            Edit::replace(Span::new(span.start, span.end + next.len_utf8()), next.to_uppercase().collect::<String>())
        }
        _ => Edit::delete(span),
    }
}
