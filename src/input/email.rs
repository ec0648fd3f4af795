//! `.eml`: one MIME message. The subject, the recipients and the text body
//! become the message text `Subject: …\nTo: …\n\n<body>`, so the section
//! splitter finds headers, quoted replies and signatures as in a draft. An
//! HTML-only body is reduced to text.

use std::borrow::Cow;

use mail_parser::{Address, MessageParser, PartType};

use super::{Document, Record, Skip, email_text, html, looks_binary, normalize_newlines};

/// One parsed email: its text, sender and any problem found.
pub(super) struct Mail {
    pub text: String,
    /// Sender names and addresses, for `--from`.
    pub senders: Vec<String>,
    pub notes: Vec<String>,
}

pub(super) fn read(path: &str, bytes: &[u8]) -> Result<Document, Skip> {
    if looks_binary(bytes) {
        return Err(Skip::Binary);
    }
    let mail = parse(bytes)?;
    let mut document = Document::decoded(path, None, mail.text, None);
    document.notes = mail.notes;
    Ok(document)
}

/// Parse one MIME message.
///
/// # Errors
/// When the bytes hold no mail headers at all.
pub(super) fn parse(bytes: &[u8]) -> Result<Mail, Skip> {
    let Some(message) = MessageParser::default().parse(bytes) else {
        return Err(Skip::Broken("not an email: no MIME headers found".to_owned()));
    };
    if message.headers().is_empty() {
        return Err(Skip::Broken("not an email: no MIME headers found".to_owned()));
    }
    let mut notes = Vec::new();
    let body: Cow<'_, str> = match message.text_part(0).map(|p| &p.body) {
        Some(PartType::Text(text)) => Cow::Borrowed(text.as_ref()),
        Some(PartType::Html(markup)) => Cow::Owned(html::reduce(markup).0),
        _ => match message.html_part(0).map(|p| &p.body) {
            Some(PartType::Html(markup)) => Cow::Owned(html::reduce(markup).0),
            _ => {
                notes.push("no text or HTML body found".to_owned());
                Cow::Borrowed("")
            }
        },
    };
    let to = message.to().map(addresses);
    let subject = message.subject().unwrap_or("");
    let senders = message
        .from()
        .map(|from| from.iter().flat_map(|a| a.name.iter().chain(a.address.iter())).map(ToString::to_string).collect())
        .unwrap_or_default();
    let text = email_text(Some(subject), to.as_deref(), &normalize_newlines(body.trim_start_matches('\u{feff}')));
    Ok(Mail { text, senders, notes })
}

fn addresses(address: &Address<'_>) -> String {
    address
        .iter()
        .map(|a| match (&a.name, &a.address) {
            (Some(name), Some(addr)) => format!("{name} <{addr}>"),
            (Some(name), None) => name.to_string(),
            (None, Some(addr)) => addr.to_string(),
            (None, None) => String::new(),
        })
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join(", ")
}

/// A record for message `n` (one-based) of a mailbox.
pub(super) fn record(n: usize) -> Record {
    Record::new(format!("message {n}"), None)
}
