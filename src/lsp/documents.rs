//! Open documents: which buffers are drafts, their text per version, and
//! the last lint of that version.
//!
//! A document holds one copy of its text, its [`LineIndex`] and the last
//! [`Report`]; each change replaces all three, so memory stays flat however
//! many edits arrive.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use lsp_types::{TextDocumentContentChangeEvent, Uri};

use super::convert::{Converter, Encoding, uri_to_path};
use crate::config::Settings;
use crate::line_index::LineIndex;
use crate::lint::Report;
use crate::message::TextFormat;

/// The language ids tact lints, and how it reads each.
pub(crate) fn format_for(language_id: &str, uri: &Uri) -> Option<TextFormat> {
    match language_id.to_ascii_lowercase().as_str() {
        "markdown" => return Some(TextFormat::Markdown),
        "plaintext" | "text" | "mail" | "email" => return Some(TextFormat::Plain),
        _ => {}
    }
    let path = uri.as_str().split(['?', '#']).next().unwrap_or_default();
    let ext = path.rsplit_once('.').map(|(_, ext)| ext.to_ascii_lowercase())?;
    match ext.as_str() {
        "md" | "markdown" => Some(TextFormat::Markdown),
        "txt" | "text" | "eml" => Some(TextFormat::Plain),
        _ => None,
    }
}

/// The last lint of one document version.
#[derive(Debug)]
pub(crate) struct Linted {
    /// Which settings produced it (see `Workspace::generation`).
    pub generation: u64,
    /// The report, or why the settings could not be loaded.
    pub outcome: Result<Checked, String>,
}

/// A report and the settings that produced it.
#[derive(Debug)]
pub(crate) struct Checked {
    pub settings: Arc<Settings>,
    pub report: Report,
}

/// One open draft.
#[derive(Debug)]
pub(crate) struct Document {
    pub uri: Uri,
    pub version: i32,
    pub text: String,
    pub format: TextFormat,
    /// The file behind the buffer, when it has one.
    pub path: Option<PathBuf>,
    pub index: LineIndex,
    pub linted: Option<Linted>,
}

impl Document {
    pub(crate) fn new(uri: Uri, version: i32, text: String, format: TextFormat) -> Self {
        let path = uri_to_path(&uri);
        let index = LineIndex::new(&text);
        Self { uri, version, text, format, path, index, linted: None }
    }

    /// The folder config discovery starts from.
    pub(crate) fn dir(&self) -> Option<&Path> {
        self.path.as_deref().and_then(Path::parent)
    }

    pub(crate) fn converter(&self, encoding: Encoding) -> Converter<'_> {
        Converter { text: &self.text, index: &self.index, encoding }
    }

    /// Apply the changes of one `didChange`, in order (the server
    /// advertises incremental sync). Full-text changes replace the text;
    /// ranged ones are spliced in, positions counted in `encoding`.
    ///
    /// # Errors
    /// A range that ends before it starts is refused, and the changes from
    /// it on are not applied: the client is out of step.
    pub(crate) fn apply(
        &mut self,
        version: i32,
        changes: Vec<TextDocumentContentChangeEvent>,
        encoding: Encoding,
    ) -> Result<(), String> {
        self.linted = None;
        for change in changes {
            match change.range {
                None => self.text = change.text,
                Some(range) => {
                    let converter = self.converter(encoding);
                    let (start, end) = (converter.offset(range.start), converter.offset(range.end));
                    if start > end {
                        return Err(format!(
                            "a change to version {version} has a range that ends before it starts \
                             ({}:{} to {}:{}); not applied",
                            range.start.line, range.start.character, range.end.line, range.end.character
                        ));
                    }
                    self.text.replace_range(start..end, &change.text);
                }
            }
            self.index = LineIndex::new(&self.text);
        }
        self.version = version;
        Ok(())
    }

    /// The lint of this version, if it is current for `generation`.
    pub(crate) fn current(&self, generation: u64) -> Option<&Linted> {
        self.linted.as_ref().filter(|l| l.generation == generation)
    }

    /// The report of this version, if current and the settings loaded.
    pub(crate) fn checked(&self, generation: u64) -> Option<&Checked> {
        self.current(generation).and_then(|l| l.outcome.as_ref().ok())
    }
}

/// Every open draft, by URI.
#[derive(Debug, Default)]
pub(crate) struct Documents {
    docs: BTreeMap<String, Document>,
}

impl Documents {
    pub(crate) fn open(&mut self, doc: Document) {
        self.docs.insert(doc.uri.as_str().to_owned(), doc);
    }

    pub(crate) fn close(&mut self, uri: &Uri) -> Option<Document> {
        self.docs.remove(uri.as_str())
    }

    pub(crate) fn get(&self, uri: &Uri) -> Option<&Document> {
        self.docs.get(uri.as_str())
    }

    pub(crate) fn get_mut(&mut self, uri: &Uri) -> Option<&mut Document> {
        self.docs.get_mut(uri.as_str())
    }

    /// URIs of documents whose lint is missing or stale, in order.
    pub(crate) fn stale(&self, generation: u64) -> Vec<Uri> {
        self.docs.values().filter(|d| d.current(generation).is_none()).map(|d| d.uri.clone()).collect()
    }
}

#[cfg(test)]
mod tests {
    use std::str::FromStr;

    use lsp_types::{Position, Range};

    use super::*;

    fn uri(s: &str) -> Uri {
        Uri::from_str(s).expect("uri")
    }

    #[test]
    fn drafts_by_language_or_extension() {
        let any = uri("file:///x/draft");
        assert_eq!(format_for("markdown", &any), Some(TextFormat::Markdown));
        assert_eq!(format_for("mail", &any), Some(TextFormat::Plain));
        assert_eq!(format_for("plaintext", &any), Some(TextFormat::Plain));
        assert_eq!(format_for("rust", &any), None);
        assert_eq!(format_for("", &uri("file:///x/a.EML")), Some(TextFormat::Plain));
        assert_eq!(format_for("", &uri("file:///x/a.md")), Some(TextFormat::Markdown));
        assert_eq!(format_for("rust", &uri("file:///x/main.rs")), None);
    }

    #[test]
    fn ranged_changes_splice() {
        let mut doc = Document::new(uri("file:///x/a.txt"), 1, "Hi 👋 Zoë\nthanks".into(), TextFormat::Plain);
        let range = Range { start: Position { line: 0, character: 6 }, end: Position { line: 0, character: 9 } };
        let change = TextDocumentContentChangeEvent { range: Some(range), range_length: None, text: "José".into() };
        doc.apply(2, vec![change], Encoding::Utf16).expect("applies");
        assert_eq!(doc.text, "Hi 👋 José\nthanks");
        let reversed = Range { start: Position { line: 1, character: 3 }, end: Position { line: 0, character: 1 } };
        let change = TextDocumentContentChangeEvent { range: Some(reversed), range_length: None, text: "x".into() };
        let err = doc.apply(3, vec![change], Encoding::Utf16).expect_err("refused");
        assert!(err.contains("ends before it starts"), "{err}");
        assert_eq!((doc.text.as_str(), doc.version), ("Hi 👋 José\nthanks", 2), "unchanged");
        let full = TextDocumentContentChangeEvent { range: None, range_length: None, text: "new".into() };
        doc.apply(3, vec![full], Encoding::Utf16).expect("applies");
        assert_eq!((doc.text.as_str(), doc.version, doc.index.line_count()), ("new", 3, 1));
    }
}
