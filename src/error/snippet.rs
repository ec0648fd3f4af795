//! The text of a file an error points into, as miette reads it: columns in
//! characters (as `FileError::column` counts them), and no context line so
//! long that printing it would flood the terminal.
//!
//! A file whose flagged line itself is long (a 4 MB regex on one line) gets
//! no snippet at all: `FileError` then prints its location in one line.

use miette::{MietteError, MietteSpanContents, SourceCode, SourceSpan, SpanContents};

/// Lines longer than this many bytes are not printed under an error.
pub const LONG_LINE: usize = 160;

/// A file's name and text, with how many context lines may be shown.
#[derive(Debug)]
pub struct Snippet {
    name: String,
    text: String,
    /// Zero when the line before (or after) the flagged lines is long.
    before: usize,
    after: usize,
}

impl Snippet {
    /// The snippet for `span` (a char-boundary range of `text`), or `None`
    /// when a line the span covers is longer than [`LONG_LINE`].
    #[must_use]
    pub fn around(name: &str, text: &str, start: usize, end: usize) -> Option<Self> {
        let line_start = |at: usize| text[..at].rfind('\n').map_or(0, |i| i + 1);
        let line_end = |at: usize| text[at..].find('\n').map_or(text.len(), |i| at + i);
        let (first, last) = (line_start(start), line_end(end));
        if text[first..last].split('\n').any(|line| line.len() > LONG_LINE) {
            return None;
        }
        let before_long = first > 0 && first - 1 - line_start(first - 1) > LONG_LINE;
        let after_long = last < text.len() && line_end(last + 1) - (last + 1) > LONG_LINE;
        Some(Self {
            name: name.to_owned(),
            text: text.to_owned(),
            before: if before_long { 0 } else { usize::MAX },
            after: if after_long { 0 } else { usize::MAX },
        })
    }

    #[must_use]
    pub fn name(&self) -> &str {
        &self.name
    }
}

impl SourceCode for Snippet {
    fn read_span<'a>(
        &'a self,
        span: &SourceSpan,
        context_lines_before: usize,
        context_lines_after: usize,
    ) -> Result<Box<dyn SpanContents<'a> + 'a>, MietteError> {
        let inner =
            self.text.read_span(span, context_lines_before.min(self.before), context_lines_after.min(self.after))?;
        let offset = self.text.floor_char_boundary(span.offset());
        let line_start = self.text[..offset].rfind('\n').map_or(0, |i| i + 1);
        let column = self.text[line_start..offset].chars().count();
        Ok(Box::new(MietteSpanContents::new_named(
            self.name.clone(),
            inner.data(),
            *inner.span(),
            inner.line(),
            column,
            inner.line_count(),
        )))
    }
}
