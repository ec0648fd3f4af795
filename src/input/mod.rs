//! Inputs: turning files and standard input into messages to lint.
//!
//! One file per input format. Each returns [`Document`]s: one message each,
//! with the text tact lints and where it came from. Plain text and Markdown
//! map byte for byte to the file, so fixes can be written back; formats that
//! decode (MIME, HTML, CSV cells) are checked but not fixed in place.

mod text;

use std::fmt;
use std::path::Path;

use crate::message::{Kind, KindSource, TextFormat};

/// The formats tact reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum InputFormat {
    Text,
    Markdown,
}

impl InputFormat {
    pub const ALL: [InputFormat; 2] = [InputFormat::Text, InputFormat::Markdown];

    #[must_use]
    pub fn name(self) -> &'static str {
        match self {
            InputFormat::Text => "txt",
            InputFormat::Markdown => "md",
        }
    }

    /// The format a path's extension says, if tact reads it.
    #[must_use]
    pub fn from_path(path: &Path) -> Option<Self> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        match ext.as_str() {
            "txt" | "text" => Some(InputFormat::Text),
            "md" | "markdown" | "mdx" => Some(InputFormat::Markdown),
            _ => None,
        }
    }
}

impl fmt::Display for InputFormat {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl std::str::FromStr for InputFormat {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        InputFormat::ALL.into_iter().find(|f| f.name() == s.to_ascii_lowercase()).ok_or_else(|| {
            let names: Vec<&str> = InputFormat::ALL.iter().map(|f| f.name()).collect();
            format!("unknown input format `{s}` (expected one of: {})", names.join(", "))
        })
    }
}

/// Where a message came from inside its file, for formats holding many.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub struct Record {
    /// "row 12", "message 3", "line 40".
    pub name: String,
    /// The column or part the text came from ("body", "CONTENT").
    #[serde(skip_serializing_if = "Option::is_none")]
    pub field: Option<String>,
}

impl fmt::Display for Record {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.field {
            Some(field) => write!(f, "{} {field}", self.name),
            None => f.write_str(&self.name),
        }
    }
}

/// One message read from an input.
#[derive(Debug, Clone)]
pub struct Document {
    /// The file's path as given (or the stdin name).
    pub path: String,
    pub record: Option<Record>,
    pub text: String,
    pub format: TextFormat,
    /// The kind the input itself implies (a LinkedIn invitation is a note).
    pub kind: Option<(Kind, KindSource)>,
    /// Whether `text` is the file's bytes exactly, so fixes can be written back.
    pub fixable: bool,
    /// Problems with the input, reported as warnings on this message.
    pub notes: Vec<String>,
}

/// Why an input yielded no message at all.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Skip {
    /// Not text: reported as a note, not an error.
    Binary,
    /// Could not be read or parsed: an error for this input.
    Broken(String),
}

/// Read the messages in `bytes` (the content of `path`), as `format`.
///
/// # Errors
/// A [`Skip`] when the input holds no message tact can read.
pub fn read(path: &str, bytes: Vec<u8>, format: InputFormat) -> Result<Vec<Document>, Skip> {
    match format {
        InputFormat::Text => text::read(path, bytes, TextFormat::Plain),
        InputFormat::Markdown => text::read(path, bytes, TextFormat::Markdown),
    }
}

/// Whether `bytes` look like a binary file (a NUL byte near the start).
#[must_use]
pub fn looks_binary(bytes: &[u8]) -> bool {
    bytes.iter().take(8192).any(|&b| b == 0)
}

/// `bytes` as text; invalid UTF-8 is replaced and a note says so.
#[must_use]
pub fn decode(bytes: Vec<u8>) -> (String, Option<String>) {
    match String::from_utf8(bytes) {
        Ok(text) => (text, None),
        Err(err) => {
            let at = err.utf8_error().valid_up_to();
            let text = String::from_utf8_lossy(err.as_bytes()).into_owned();
            (
                text,
                Some(format!("invalid UTF-8 at byte {at}: replaced with U+FFFD; fixes are not written to this file")),
            )
        }
    }
}
