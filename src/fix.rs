//! Applying rewrites: pick the fixes at or above an applicability, apply
//! them without overlaps, and lint again until nothing changes.

use crate::diagnostic::{Applicability, Diagnostic, Edit};
use crate::lint::Linter;
use crate::message::{Kind, KindSource, Message, TextFormat};
use crate::span::Span;

/// How many lint-and-fix rounds run before giving up.
pub const MAX_ROUNDS: usize = 10;

/// Apply the first fix at or above `threshold` of each diagnostic (only
/// those `keep` accepts). Rewrites overlapping an earlier one are skipped.
/// Returns the new text and how many rewrites were applied.
#[must_use]
pub fn apply(
    text: &str,
    diagnostics: &[Diagnostic],
    threshold: Applicability,
    keep: &dyn Fn(&Diagnostic) -> bool,
) -> (String, usize) {
    let mut rewrites: Vec<&[Edit]> =
        diagnostics.iter().filter(|d| keep(d)).filter_map(|d| d.fix(threshold)).map(|r| r.edits.as_slice()).collect();
    rewrites.sort_by_key(|edits| edits.first().map(|e| (e.span.start, e.span.end)));
    let mut accepted: Vec<&Edit> = Vec::new();
    let mut applied = 0;
    for edits in rewrites {
        let clashes = edits.iter().any(|e| accepted.iter().any(|a| clash(a.span, e.span)));
        let valid = edits.iter().all(|e| {
            e.span.end <= text.len() && text.is_char_boundary(e.span.start) && text.is_char_boundary(e.span.end)
        });
        if clashes || !valid {
            continue;
        }
        accepted.extend(edits);
        applied += 1;
    }
    accepted.sort_by_key(|e| (e.span.start, e.span.end));
    let mut out = String::with_capacity(text.len());
    let mut at = 0;
    for edit in accepted {
        out.push_str(&text[at..edit.span.start]);
        out.push_str(&edit.replacement);
        at = edit.span.end;
    }
    out.push_str(&text[at..]);
    (out, applied)
}

/// Whether two edits cannot both apply: they overlap, start at the same
/// offset (the order of two inserts would be a guess), or one inserts
/// inside the other's replaced text.
fn clash(a: Span, b: Span) -> bool {
    let inside =
        |insert: Span, other: Span| insert.is_empty() && other.start < insert.start && insert.start < other.end;
    a.overlaps(b) || a.start == b.start || inside(a, b) || inside(b, a)
}

/// The result of fixing a text until it stops changing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fixed {
    pub text: String,
    /// Rewrites applied over all rounds.
    pub applied: usize,
    /// False when fixes were still changing the text after [`MAX_ROUNDS`].
    pub converged: bool,
}

/// Lint and fix `text` until no fix at or above `threshold` applies.
#[must_use]
pub fn fix_text(
    linter: &Linter,
    text: &str,
    format: TextFormat,
    kind: Option<(Kind, KindSource)>,
    threshold: Applicability,
    keep: &dyn Fn(&Diagnostic) -> bool,
) -> Fixed {
    let mut current = text.to_owned();
    let mut applied = 0;
    for _ in 0..MAX_ROUNDS {
        let message = Message::new(current.clone(), format);
        let report = linter.lint(&message, kind.clone());
        let (next, count) = apply(&current, &report.diagnostics, threshold, keep);
        if count == 0 || next == current {
            return Fixed { text: current, applied, converged: true };
        }
        applied += count;
        current = next;
    }
    Fixed { text: current, applied, converged: false }
}
