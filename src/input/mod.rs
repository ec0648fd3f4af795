//! Inputs: turning files and standard input into messages to lint.
//!
//! One file per input format. Each returns [`Document`]s: one message each,
//! with the text tact lints and where it came from. Plain text and Markdown
//! map byte for byte to the file, so fixes can be written back; formats that
//! decode (MIME, HTML, CSV cells, JSON strings) are checked but not fixed in
//! place, and say through an [`Origin`] where in the file each message sits.
//!
//! Readers never panic and never stop at a bad record: a broken row, line or
//! message becomes a [`Problem`] for that record and the rest is read.

mod csv;
mod email;
pub mod html;
mod jsonl;
mod linkedin;
mod mbox;
mod origin;
mod text;

use std::fmt;
use std::path::Path;

pub use jsonl::{Line as JsonLine, parse_line as parse_jsonl_line};
pub use origin::{Origin, SourceMap};

use crate::message::{Exception, Kind, KindSource, TextFormat};

/// The formats tact reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum InputFormat {
    Text,
    Markdown,
    /// One MIME message (`.eml`).
    Email,
    /// Many MIME messages, `From ` separated (`.mbox`).
    Mbox,
    Html,
    /// One message per row (`.csv`, `.tsv`), LinkedIn exports included.
    Csv,
    /// One JSON object per line: `{"id", "subject", "body"}`.
    Jsonl,
}

impl InputFormat {
    pub const ALL: [InputFormat; 7] = [
        InputFormat::Text,
        InputFormat::Markdown,
        InputFormat::Email,
        InputFormat::Mbox,
        InputFormat::Html,
        InputFormat::Csv,
        InputFormat::Jsonl,
    ];

    #[must_use]
    pub fn name(self) -> &'static str {
        match self {
            InputFormat::Text => "txt",
            InputFormat::Markdown => "md",
            InputFormat::Email => "eml",
            InputFormat::Mbox => "mbox",
            InputFormat::Html => "html",
            InputFormat::Csv => "csv",
            InputFormat::Jsonl => "jsonl",
        }
    }

    /// The format a path's extension says, if tact reads it.
    #[must_use]
    pub fn from_path(path: &Path) -> Option<Self> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        match ext.as_str() {
            "txt" | "text" => Some(InputFormat::Text),
            "md" | "markdown" | "mdx" => Some(InputFormat::Markdown),
            "eml" => Some(InputFormat::Email),
            "mbox" | "mbx" => Some(InputFormat::Mbox),
            "html" | "htm" => Some(InputFormat::Html),
            "csv" | "tsv" => Some(InputFormat::Csv),
            "jsonl" | "ndjson" => Some(InputFormat::Jsonl),
            _ => None,
        }
    }

    /// Whether one file of this format holds many messages.
    #[must_use]
    pub fn has_records(self) -> bool {
        matches!(self, InputFormat::Mbox | InputFormat::Csv | InputFormat::Jsonl)
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
        let lower = s.to_ascii_lowercase();
        let alias = match lower.as_str() {
            "text" | "plain" => "txt",
            "markdown" => "md",
            "email" | "mime" => "eml",
            "htm" => "html",
            "tsv" => "csv",
            "ndjson" => "jsonl",
            other => other,
        };
        InputFormat::ALL.into_iter().find(|f| f.name() == alias).ok_or_else(|| {
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
    /// The record's own id, when the input gives one (`"id"` in JSON lines).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
}

impl Record {
    #[must_use]
    pub fn new(name: impl Into<String>, field: Option<String>) -> Self {
        Self { name: name.into(), field, id: None }
    }
}

impl fmt::Display for Record {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.name)?;
        if let Some(field) = &self.field {
            write!(f, " {field}")?;
        }
        if let Some(id) = &self.id {
            write!(f, " id={id}")?;
        }
        Ok(())
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
    /// Where `text` sits in the file, when it is not the file itself.
    pub origin: Option<Origin>,
    /// Exceptions the input carries outside `text` (HTML comments, which
    /// extraction removes); spans are in `text`.
    pub exceptions: Vec<Exception>,
}

impl Document {
    /// A message decoded from part of a file: not fixable in place.
    #[must_use]
    pub fn decoded(path: &str, record: Option<Record>, text: String, origin: Option<Origin>) -> Self {
        Self {
            path: path.to_owned(),
            record,
            text,
            format: TextFormat::Plain,
            kind: None,
            fixable: false,
            notes: Vec::new(),
            origin,
            exceptions: Vec::new(),
        }
    }
}

/// Why an input yielded no message at all.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Skip {
    /// Not text: reported as a note, not an error.
    Binary,
    /// Could not be read or parsed: an error for this input.
    Broken(String),
}

/// A record that could not be read; the rest of the file was.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub record: Option<Record>,
    pub message: String,
}

/// Everything read from one input.
#[derive(Debug, Clone, Default)]
pub struct Parsed {
    /// The messages, in file order.
    pub documents: Vec<Document>,
    /// Records that could not be read, in file order.
    pub problems: Vec<Problem>,
    /// Remarks about the whole file (rows skipped on purpose and why).
    pub notes: Vec<String>,
}

impl Parsed {
    fn one(document: Document) -> Self {
        Self { documents: vec![document], ..Self::default() }
    }
}

/// How to read record formats: which columns, whose messages.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ReadOptions {
    /// The CSV column holding the subject (name or 1-based number).
    pub subject_col: Option<String>,
    /// The CSV column holding the body (name or 1-based number).
    pub body_col: Option<String>,
    /// Keep only messages sent by this name, address or profile URL.
    pub from: Option<String>,
}

/// Read the messages in `bytes` (the content of `path`), as `format`, with
/// default options. Records that cannot be read are dropped; see
/// [`read_with`] to get them.
///
/// # Errors
/// A [`Skip`] when the input holds no message tact can read.
pub fn read(path: &str, bytes: Vec<u8>, format: InputFormat) -> Result<Vec<Document>, Skip> {
    read_with(path, bytes, format, &ReadOptions::default()).map(|parsed| parsed.documents)
}

/// Read the messages in `bytes` (the content of `path`), as `format`.
///
/// # Errors
/// A [`Skip`] when the input as a whole cannot be read (binary, no body
/// column, not a MIME message). Bad records inside a readable file are
/// [`Parsed::problems`] instead.
pub fn read_with(path: &str, bytes: Vec<u8>, format: InputFormat, options: &ReadOptions) -> Result<Parsed, Skip> {
    let (bytes, encoding) = strip_bom(bytes);
    let mut parsed = read_utf8(path, bytes, format, options)?;
    if encoding == Encoding::Utf16 {
        // The text tact reads is not the file's bytes: fixes cannot be written back.
        for document in &mut parsed.documents {
            document.fixable = false;
        }
    }
    Ok(parsed)
}

/// The encoding a byte order mark announced.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Encoding {
    /// UTF-8, with or without a byte order mark.
    Utf8,
    /// UTF-16 (either byte order), decoded to UTF-8.
    Utf16,
}

/// The UTF-8 byte order mark.
pub const UTF8_BOM: &[u8] = b"\xEF\xBB\xBF";

/// `bytes` without a leading byte order mark, UTF-16 decoded to UTF-8
/// (unpaired surrogates replaced with U+FFFD).
#[must_use]
pub fn strip_bom(bytes: Vec<u8>) -> (Vec<u8>, Encoding) {
    let utf16 = |little: bool, bytes: &[u8]| -> Vec<u8> {
        let units = bytes[2..].chunks(2).map(|pair| match (pair, little) {
            ([lo, hi], true) => u16::from_le_bytes([*lo, *hi]),
            ([hi, lo], false) => u16::from_be_bytes([*hi, *lo]),
            // A lone trailing byte cannot be a code unit.
            _ => 0xFFFD,
        });
        char::decode_utf16(units).map(|c| c.unwrap_or(char::REPLACEMENT_CHARACTER)).collect::<String>().into_bytes()
    };
    match bytes.as_slice() {
        [0xFF, 0xFE, ..] => (utf16(true, &bytes), Encoding::Utf16),
        [0xFE, 0xFF, ..] => (utf16(false, &bytes), Encoding::Utf16),
        [0xEF, 0xBB, 0xBF, ..] => {
            // Moved down in place: no second copy of a large file.
            let mut bytes = bytes;
            bytes.drain(..UTF8_BOM.len());
            (bytes, Encoding::Utf8)
        }
        _ => (bytes, Encoding::Utf8),
    }
}

fn read_utf8(path: &str, bytes: Vec<u8>, format: InputFormat, options: &ReadOptions) -> Result<Parsed, Skip> {
    match format {
        InputFormat::Text => text::read(path, bytes, TextFormat::Plain).map(Parsed::one),
        InputFormat::Markdown => text::read(path, bytes, TextFormat::Markdown).map(Parsed::one),
        InputFormat::Email => email::read(path, &bytes).map(Parsed::one),
        InputFormat::Mbox => mbox::read(path, &bytes, options),
        InputFormat::Html => html::read(path, bytes).map(Parsed::one),
        InputFormat::Csv => csv::read(path, bytes, options),
        InputFormat::Jsonl => jsonl::read(path, bytes, options),
    }
}

/// Whether `bytes` look like a binary file (a NUL byte near the start).
#[must_use]
pub fn looks_binary(bytes: &[u8]) -> bool {
    bytes.iter().take(8192).any(|&b| b == 0)
}

/// Whether a file of records looks binary: a NUL byte in its first line
/// (or its first 8 KiB). A NUL further on is a problem for the record
/// holding it, not for the file.
#[must_use]
pub fn starts_binary(bytes: &[u8]) -> bool {
    bytes.iter().take(8192).take_while(|&&b| b != b'\n').any(|&b| b == 0)
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

/// Whether `sender` (a name, an address, a profile URL) is `wanted`, the
/// value of `--from`. Names compare without case; URLs without scheme,
/// `www.` or trailing slash.
#[must_use]
pub fn same_sender(wanted: &str, sender: &str) -> bool {
    fn norm(s: &str) -> String {
        let s = s.trim().to_lowercase();
        let s = s.strip_prefix("https://").or_else(|| s.strip_prefix("http://")).unwrap_or(&s);
        let s = s.strip_prefix("www.").unwrap_or(s);
        s.trim_end_matches('/').to_owned()
    }
    let (wanted, sender) = (norm(wanted), norm(sender));
    !wanted.is_empty() && wanted == sender
}

/// Build the text of an email-like message: headers the section splitter
/// knows, a blank line, the body.
#[must_use]
pub(crate) fn email_text(subject: Option<&str>, to: Option<&str>, body: &str) -> String {
    let mut text = String::with_capacity(body.len() + 64);
    if let Some(subject) = subject {
        text.push_str("Subject: ");
        text.push_str(one_line(subject).as_str());
        text.push('\n');
    }
    if let Some(to) = to.filter(|t| !t.trim().is_empty()) {
        text.push_str("To: ");
        text.push_str(one_line(to).as_str());
        text.push('\n');
    }
    if !text.is_empty() {
        text.push('\n');
    }
    text.push_str(body);
    text
}

fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// `text` with CRLF and lone CR line ends as LF.
#[must_use]
pub(crate) fn normalize_newlines(text: &str) -> String {
    if !text.contains('\r') {
        return text.to_owned();
    }
    text.replace("\r\n", "\n").replace('\r', "\n")
}
