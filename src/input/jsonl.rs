//! JSON lines: one message object per line, `{"id": …, "subject": …,
//! "body": …}` (also `text`, `message` or `content` for the body; `to`,
//! `from` and `kind` if known). In a file, blank lines are skipped; a line
//! that is not such an object is a problem for that line. [`parse_line`]
//! reads one line, for `tact check -` as a streaming filter, and says what
//! each line was, so that every input line can be answered.

use serde_json::{Map, Value};

use super::{
    Document, Origin, Parsed, Problem, ReadOptions, Record, Skip, decode, email_text, same_sender, starts_binary,
};
use crate::message::{Kind, KindSource};

const BODY_KEYS: &[&str] = &["body", "text", "message", "content"];

pub(super) fn read(path: &str, bytes: Vec<u8>, options: &ReadOptions) -> Result<Parsed, Skip> {
    if starts_binary(&bytes) {
        return Err(Skip::Binary);
    }
    let (text, note) = decode(bytes);
    let mut parsed = Parsed::default();
    parsed.notes.extend(note);
    for (i, line) in text.lines().enumerate() {
        match parse_line(path, i + 1, line, options) {
            Ok(Line::Message(document)) => parsed.documents.push(*document),
            Ok(Line::Blank | Line::NotFrom(_)) => {}
            Err(problem) => parsed.problems.push(problem),
        }
    }
    Ok(parsed)
}

/// What one line of a JSON lines input holds.
#[derive(Debug)]
pub enum Line {
    Message(Box<Document>),
    /// Nothing but white space.
    Blank,
    /// A message `--from` leaves out (sent by someone else).
    NotFrom(Record),
}

/// Read line `number` (one-based) of a JSON lines input.
///
/// # Errors
/// A [`Problem`] naming the line when it is not a message object.
pub fn parse_line(path: &str, number: usize, line: &str, options: &ReadOptions) -> Result<Line, Problem> {
    let line = line.trim_start_matches('\u{feff}').trim();
    if line.is_empty() {
        return Ok(Line::Blank);
    }
    let mut record = Record::new(format!("line {number}"), None);
    let problem = |record: &Record, message: String| Problem { record: Some(record.clone()), message };
    let object: Map<String, Value> = match serde_json::from_str::<Value>(line) {
        Ok(Value::Object(object)) => object,
        Ok(other) => return Err(problem(&record, format!("expected a JSON object, found {}", type_name(&other)))),
        Err(err) => return Err(problem(&record, format!("invalid JSON: {err}"))),
    };
    record.id = object.get("id").and_then(scalar);
    let Some((key, body)) = BODY_KEYS.iter().find_map(|k| object.get(*k).map(|v| (*k, v))) else {
        return Err(problem(&record, "no `body` field (nor `text`, `message`, `content`)".to_owned()));
    };
    let Some(body) = body.as_str() else {
        return Err(problem(&record, format!("`{key}` is {}, not a string", type_name(body))));
    };
    record.field = (key != "body").then(|| key.to_owned());
    if let Some(from) = &options.from {
        let sender = object.get("from").and_then(Value::as_str).unwrap_or("");
        if !same_sender(from, sender) {
            return Ok(Line::NotFrom(record));
        }
    }
    let subject = object.get("subject").and_then(Value::as_str);
    let to = object.get("to").and_then(Value::as_str);
    let text = email_text(subject, to, &super::normalize_newlines(body));
    let mut document = Document::decoded(path, Some(record), text, Some(Origin::Line(number)));
    if let Some(kind) = object.get("kind").and_then(Value::as_str) {
        match kind.parse::<Kind>() {
            Ok(kind) => document.kind = Some((kind, KindSource::Input("`kind` field".to_owned()))),
            Err(err) => document.notes.push(format!("`kind`: {err}; inferring it instead")),
        }
    }
    Ok(Line::Message(Box::new(document)))
}

fn scalar(value: &Value) -> Option<String> {
    match value {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

fn type_name(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_and_problems() {
        let input = "{\"id\": 7, \"subject\": \"Hi\", \"body\": \"Could we talk?\"}\n\nnot json\n{\"id\": \"x\"}\n";
        let parsed = read("m.jsonl", input.as_bytes().to_vec(), &ReadOptions::default()).expect("readable");
        assert_eq!(parsed.documents.len(), 1);
        let record = parsed.documents[0].record.clone().expect("record");
        assert_eq!((record.name.as_str(), record.id.as_deref()), ("line 1", Some("7")));
        assert_eq!(parsed.documents[0].text, "Subject: Hi\n\nCould we talk?");
        let lines: Vec<String> = parsed.problems.iter().filter_map(|p| p.record.clone()).map(|r| r.name).collect();
        assert_eq!(lines, ["line 3", "line 4"]);
    }
}
