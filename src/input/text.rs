//! Plain text and Markdown drafts: the file is the message.

use super::{Document, Skip, decode, looks_binary};
use crate::message::TextFormat;

pub(super) fn read(path: &str, bytes: Vec<u8>, format: TextFormat) -> Result<Document, Skip> {
    if looks_binary(&bytes) {
        return Err(Skip::Binary);
    }
    let (text, note) = decode(bytes);
    let fixable = note.is_none();
    Ok(Document {
        path: path.to_owned(),
        record: None,
        text,
        format,
        kind: None,
        fixable,
        notes: note.into_iter().collect(),
        origin: None,
        exceptions: Vec::new(),
    })
}
