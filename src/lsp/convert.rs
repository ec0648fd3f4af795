//! Spans ↔ editor positions, levels ↔ severities, paths ↔ URIs.
//!
//! tact works in byte ranges ([`Span`]); editors count columns in UTF-16 code
//! units unless both sides agree on UTF-8. Every conversion goes through the
//! document's [`LineIndex`], built once per version, so no call rescans the
//! whole text.

use std::path::PathBuf;

use lsp_types::{DiagnosticSeverity, Position, PositionEncodingKind, Range, Uri};

use crate::diagnostic::Level;
use crate::line_index::{ColumnUnit, LineIndex};
use crate::span::Span;

/// The unit the client and server agreed to count columns in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Encoding {
    Utf8,
    Utf16,
}

impl Encoding {
    /// UTF-8 if the client offers it, else UTF-16 (which every client speaks).
    pub(crate) fn negotiate(offered: Option<&[PositionEncodingKind]>) -> Self {
        if offered.is_some_and(|kinds| kinds.contains(&PositionEncodingKind::UTF8)) {
            Encoding::Utf8
        } else {
            Encoding::Utf16
        }
    }

    pub(crate) fn kind(self) -> PositionEncodingKind {
        match self {
            Encoding::Utf8 => PositionEncodingKind::UTF8,
            Encoding::Utf16 => PositionEncodingKind::UTF16,
        }
    }

    fn unit(self) -> ColumnUnit {
        match self {
            Encoding::Utf8 => ColumnUnit::Byte,
            Encoding::Utf16 => ColumnUnit::Utf16,
        }
    }
}

/// Converts between byte offsets into one text and editor positions.
#[derive(Clone, Copy)]
pub(crate) struct Converter<'a> {
    pub text: &'a str,
    pub index: &'a LineIndex,
    pub encoding: Encoding,
}

impl Converter<'_> {
    pub(crate) fn position(&self, offset: usize) -> Position {
        let (line, column) = self.index.position(self.text, offset, self.encoding.unit());
        Position { line: to_u32(line), character: to_u32(column) }
    }

    pub(crate) fn range(&self, span: Span) -> Range {
        Range { start: self.position(span.start), end: self.position(span.end) }
    }

    /// The byte offset of `position`; positions past a line or the text clamp.
    pub(crate) fn offset(&self, position: Position) -> usize {
        self.index.offset(self.text, to_usize(position.line), to_usize(position.character), self.encoding.unit())
    }
}

fn to_u32(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

fn to_usize(n: u32) -> usize {
    usize::try_from(n).unwrap_or(usize::MAX)
}

pub(crate) fn severity(level: Level) -> DiagnosticSeverity {
    match level {
        Level::Error => DiagnosticSeverity::ERROR,
        Level::Warning => DiagnosticSeverity::WARNING,
        Level::Info => DiagnosticSeverity::INFORMATION,
    }
}

/// The local path of a `file:` URI, percent-decoded.
pub(crate) fn uri_to_path(uri: &Uri) -> Option<PathBuf> {
    let rest = uri.as_str().strip_prefix("file://")?;
    // `file:///home/x` has an empty authority; `file://localhost/home/x` names this host.
    let path = rest.strip_prefix("localhost").unwrap_or(rest);
    if !path.starts_with('/') {
        return None;
    }
    let path = path.split(['?', '#']).next().unwrap_or(path);
    let decoded = percent_decode(path)?;
    // Windows: `/C:/Users/...` → `C:/Users/...`.
    let bytes = decoded.as_bytes();
    if cfg!(windows) && bytes.len() >= 3 && bytes[2] == b':' {
        return Some(PathBuf::from(&decoded[1..]));
    }
    Some(PathBuf::from(decoded))
}

fn percent_decode(s: &str) -> Option<String> {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = s.get(i + 1..i + 3)?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

#[cfg(test)]
mod tests {
    use std::path::Path;
    use std::str::FromStr;

    use super::*;

    #[test]
    fn emoji_and_accents_in_both_encodings() {
        let text = "Hi Zoë 👋,\nAs I mentioned, José said hi.";
        let index = LineIndex::new(text);
        let at = text.find("José").expect("José");
        let span = Span::new(at, at + "José".len());
        for (encoding, start, end) in [(Encoding::Utf16, 16, 20), (Encoding::Utf8, 16, 21)] {
            let c = Converter { text, index: &index, encoding };
            let range = c.range(span);
            assert_eq!((range.start.line, range.start.character, range.end.character), (1, start, end));
            assert_eq!((c.offset(range.start), c.offset(range.end)), (span.start, span.end));
        }
        let first = Converter { text, index: &index, encoding: Encoding::Utf16 };
        let comma = text.find(',').expect("comma");
        // "Hi Zoë " is 7 units; the emoji is a surrogate pair.
        assert_eq!(first.position(comma), Position { line: 0, character: 9 });
        let utf8 = Converter { text, index: &index, encoding: Encoding::Utf8 };
        assert_eq!(utf8.position(comma), Position { line: 0, character: 12 });
    }

    #[test]
    fn positions_out_of_range_clamp() {
        let text = "one\ntwo";
        let index = LineIndex::new(text);
        let c = Converter { text, index: &index, encoding: Encoding::Utf16 };
        assert_eq!(c.offset(Position { line: 0, character: 99 }), 3);
        assert_eq!(c.offset(Position { line: 9, character: 0 }), text.len());
        // A position inside a surrogate pair lands on a char boundary.
        let text = "👋x";
        let index = LineIndex::new(text);
        let c = Converter { text, index: &index, encoding: Encoding::Utf16 };
        assert!(text.is_char_boundary(c.offset(Position { line: 0, character: 1 })));
    }

    #[test]
    fn negotiation_prefers_utf8_when_offered() {
        assert_eq!(Encoding::negotiate(None), Encoding::Utf16);
        assert_eq!(Encoding::negotiate(Some(&[PositionEncodingKind::UTF16])), Encoding::Utf16);
        let both = [PositionEncodingKind::UTF16, PositionEncodingKind::UTF8];
        assert_eq!(Encoding::negotiate(Some(&both)), Encoding::Utf8);
    }

    #[test]
    fn file_uris_to_paths() {
        let uri = Uri::from_str("file:///tmp/drafts/Zo%C3%AB%20notes.md").expect("uri");
        assert_eq!(uri_to_path(&uri).as_deref(), Some(Path::new("/tmp/drafts/Zoë notes.md")));
        let untitled = Uri::from_str("untitled:Untitled-1").expect("uri");
        assert_eq!(uri_to_path(&untitled), None);
    }
}
