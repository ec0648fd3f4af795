//! Exceptions a template carries for itself: rules or categories it says
//! not to apply to it ("this template is meant to be blunt"), for the whole
//! message. Written as
//!
//! - `ignore: [rule-id]` or `tact: { ignore: [rule-id] }` in front matter
//!   (read in `front_matter.rs`);
//! - `<!-- tact: ignore rule-id, other-rule -->` in Markdown (here) and in
//!   HTML (`input/html.rs`, with this module's parser).
//!
//! Each name keeps where it is written, so that `unused-exception` can
//! point at a name whose rule found nothing to suppress.

use std::sync::LazyLock;

use regex::Regex;

use crate::span::Span;

/// One rule or category a template excepts itself from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Exception {
    /// A rule id or category, as written.
    pub name: String,
    /// Where the name is written in the message's text (for HTML, where the
    /// comment was, in the extracted text).
    pub span: Span,
}

/// A comment that starts `tact:`; group 1 is the rest.
static DIRECTIVE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?s)\A<!--\s*tact\s*:(.*?)-->\z").expect("valid directive regex"));

/// Exceptions in the comment at `span` of `text`, if it is a `tact:` one:
/// `Ok` with its names, or `Err` with what is wrong with it.
///
/// # Errors
/// A message for a `tact:` comment that is not `tact: ignore NAME...`.
pub fn in_comment(text: &str, span: Span) -> Option<Result<Vec<Exception>, String>> {
    let comment = span.of(text);
    let caps = DIRECTIVE.captures(comment)?;
    let body = caps.get(1)?;
    let words = body.as_str().trim_start();
    let Some(rest) = words.strip_prefix("ignore").filter(|r| r.is_empty() || r.starts_with(char::is_whitespace)) else {
        let said = words.split_whitespace().next().unwrap_or("");
        return Some(Err(format!(
            "unknown tact comment `{said}`: write `<!-- tact: ignore RULE -->` (a rule id or category)"
        )));
    };
    let rest_start = span.start + body.start() + (body.as_str().len() - words.len()) + "ignore".len();
    let mut names = Vec::new();
    let mut start = None;
    // Names are separated by commas and white space.
    for (i, c) in rest.char_indices().chain(std::iter::once((rest.len(), ' '))) {
        let separator = c == ',' || c.is_whitespace();
        match (start, separator) {
            (None, false) => start = Some(i),
            (Some(s), true) => {
                names.push(Exception { name: rest[s..i].to_owned(), span: Span::new(rest_start + s, rest_start + i) });
                start = None;
            }
            _ => {}
        }
    }
    if names.is_empty() {
        return Some(Err("this tact comment names no rule: write `<!-- tact: ignore RULE -->`".to_owned()));
    }
    Some(Ok(names))
}

/// Every `tact:` comment at `comments` (spans of HTML comments in `text`):
/// the exceptions, and a note for each one that is not understood.
#[must_use]
pub fn in_comments(text: &str, comments: impl IntoIterator<Item = Span>) -> (Vec<Exception>, Vec<(Span, String)>) {
    let mut exceptions = Vec::new();
    let mut notes = Vec::new();
    for span in comments {
        match in_comment(text, span) {
            Some(Ok(found)) => exceptions.extend(found),
            Some(Err(message)) => notes.push((span, message)),
            None => {}
        }
    }
    (exceptions, notes)
}

/// The HTML comments of `text`, from `<!--` to the next `-->`.
pub fn html_comments(text: &str) -> impl Iterator<Item = Span> + '_ {
    let mut from = 0;
    std::iter::from_fn(move || {
        let start = from + text.get(from..)?.find("<!--")?;
        let end = text[start + 4..].find("-->").map_or(text.len(), |n| start + 4 + n + 3);
        from = end;
        Some(Span::new(start, end))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(text: &str) -> Vec<(String, String)> {
        let (found, notes) = in_comments(text, html_comments(text));
        assert!(notes.is_empty(), "{notes:?}");
        found.into_iter().map(|e| (e.name.clone(), e.span.of(text).to_owned())).collect()
    }

    #[test]
    fn reads_names_and_where_they_are() {
        let text = "Hi <!-- tact: ignore no-thanks, tone -->there<!--tact:ignore\n  shouting-->";
        assert_eq!(
            names(text),
            [("no-thanks", "no-thanks"), ("tone", "tone"), ("shouting", "shouting")]
                .map(|(a, b)| (a.to_owned(), b.to_owned()))
        );
        assert!(names("<!-- a comment about tact: ignore this -->").is_empty());
        assert!(names("<!-- tactics: ignore x -->").is_empty());
    }

    #[test]
    fn notes_for_comments_it_cannot_read() {
        let text = "<!-- tact: ignroe no-thanks --> <!-- tact: ignore -->";
        let (found, notes) = in_comments(text, html_comments(text));
        assert!(found.is_empty());
        assert_eq!(notes.len(), 2);
        assert!(notes[0].1.contains("unknown tact comment `ignroe`"), "{notes:?}");
        assert!(notes[1].1.contains("names no rule"), "{notes:?}");
    }
}
