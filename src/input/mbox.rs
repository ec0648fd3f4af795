//! `.mbox`: many MIME messages, each starting with a `From ` line at the
//! start of the file or after a blank line. Each message is read as an
//! `.eml` ([`super::email`]); one that cannot be parsed is a problem for
//! that message only.

use super::email::{parse, record};
use super::{Document, Origin, Parsed, Problem, ReadOptions, Skip, same_sender, starts_binary};

pub(super) fn read(path: &str, bytes: &[u8], options: &ReadOptions) -> Result<Parsed, Skip> {
    if starts_binary(bytes) {
        return Err(Skip::Binary);
    }
    let messages = split(bytes);
    if messages.is_empty() {
        return Err(Skip::Broken("not an mbox: no `From ` line starts a message".to_owned()));
    }
    let mut parsed = Parsed::default();
    let mut dropped = 0;
    for (i, (line, raw)) in messages.into_iter().enumerate() {
        let record = record(i + 1);
        if raw.contains(&0) {
            let message = format!("message starting at line {line} holds a NUL byte (binary data); skipped");
            parsed.problems.push(Problem { record: Some(record), message });
            continue;
        }
        match parse(&unescape(raw)) {
            Ok(mail) => {
                if let Some(from) = &options.from
                    && !mail.senders.iter().any(|s| same_sender(from, s))
                {
                    dropped += 1;
                    continue;
                }
                let mut document = Document::decoded(path, Some(record), mail.text, Some(Origin::Line(line)));
                document.notes = mail.notes;
                parsed.documents.push(document);
            }
            Err(Skip::Broken(message)) => parsed.problems.push(Problem { record: Some(record), message }),
            Err(Skip::Binary) => {
                let message = format!("message starting at line {line}: binary content; skipped");
                parsed.problems.push(Problem { record: Some(record), message });
            }
        }
    }
    if let Some(from) = &options.from
        && parsed.documents.is_empty()
        && dropped > 0
    {
        parsed.notes.push(format!("no message here was sent by `{from}`"));
    }
    Ok(parsed)
}

/// The messages of a mailbox: the one-based line of each `From ` line and
/// the bytes after it.
fn split(bytes: &[u8]) -> Vec<(usize, &[u8])> {
    let mut starts = Vec::new();
    let mut line_no = 0;
    let mut at = 0;
    let mut previous_blank = true;
    while at < bytes.len() {
        line_no += 1;
        let end = bytes[at..].iter().position(|&b| b == b'\n').map_or(bytes.len(), |n| at + n + 1);
        let line = &bytes[at..end];
        if previous_blank && line.starts_with(b"From ") {
            starts.push((line_no, at, end));
        }
        previous_blank = line.iter().all(|b| b.is_ascii_whitespace());
        at = end;
    }
    starts
        .iter()
        .enumerate()
        .map(|(i, &(line, _, body_start))| {
            let end = starts.get(i + 1).map_or(bytes.len(), |&(_, next, _)| next);
            (line, &bytes[body_start..end])
        })
        .collect()
}

/// Undo mboxrd quoting: `>From ` (and `>>From `…) lose one `>`.
fn unescape(raw: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(raw.len());
    for line in raw.split_inclusive(|&b| b == b'\n') {
        let quoted = line.iter().take_while(|&&b| b == b'>').count();
        if quoted > 0 && line[quoted..].starts_with(b"From ") {
            out.extend_from_slice(&line[1..]);
        } else {
            out.extend_from_slice(line);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_on_from_lines() {
        let mbox =
            b"From a@x Mon Jan 1 00:00:00 2024\nSubject: one\n\nHi\n>From here\n\nFrom b@x Tue\nSubject: two\n\nYo\n";
        let parts = split(mbox);
        assert_eq!(parts.len(), 2);
        assert_eq!(parts[0].0, 1);
        assert_eq!(parts[1].0, 7);
        assert!(String::from_utf8_lossy(&unescape(parts[0].1)).contains("\nFrom here"));
    }
}
