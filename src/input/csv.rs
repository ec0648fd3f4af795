//! CSV and TSV: one message per row. The body (and subject) columns come
//! from `--body-col` / `--subject-col` or are found by header name;
//! LinkedIn exports are recognised ([`super::linkedin`]). Each message is
//! named `row N` (the spreadsheet row: the header is row 1) and the column
//! it came from. Ragged rows, quoted multi-line cells, a UTF-8 BOM and `;`
//! or tab separators are handled; a row without a body cell is a problem for
//! that row only.

use super::{
    Document, Origin, Parsed, Problem, ReadOptions, Record, Skip, decode, email_text, html, linkedin, same_sender,
    starts_binary,
};
use crate::message::{Kind, KindSource};

/// Which columns hold what.
#[derive(Debug, Clone)]
pub(super) struct Layout {
    pub body: usize,
    pub subject: Option<usize>,
    /// Columns naming the sender (name, address, profile URL), for `--from`.
    pub senders: Vec<usize>,
    pub kind: Option<(Kind, KindSource)>,
    /// The kind of a row whose subject cell is filled, when that tells.
    pub kind_with_subject: Option<Kind>,
    /// Whether an empty subject cell still makes a `Subject:` line.
    pub subject_when_empty: bool,
    /// Whether cells may hold HTML entities or tags.
    pub html: bool,
    /// The export recognised, if any.
    pub export: Option<&'static str>,
}

const BODY_NAMES: &[&str] = &["body", "message", "content", "text", "email body", "body text", "note", "template"];
const SUBJECT_NAMES: &[&str] = &["subject", "email subject", "subject line"];
const SENDER_NAMES: &[&str] = &["from", "sender", "from email", "from name", "sender email", "sender name"];

/// The index of the column called `name` (compared without case, with `_`
/// and `-` as spaces), or numbered `name` (one-based).
pub(super) fn column(headers: &[String], name: &str) -> Option<usize> {
    let wanted = normalize(name);
    headers.iter().position(|h| normalize(h) == wanted)
}

fn normalize(name: &str) -> String {
    name.trim()
        .trim_start_matches('\u{feff}')
        .to_lowercase()
        .replace(['_', '-'], " ")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

fn chosen(headers: &[String], name: &str, flag: &str) -> Result<usize, Skip> {
    if let Some(i) = column(headers, name) {
        return Ok(i);
    }
    match name.trim().parse::<usize>() {
        Ok(n) if (1..=headers.len()).contains(&n) => Ok(n - 1),
        _ => Err(Skip::Broken(format!("{flag} `{name}`: no such column (columns: {})", headers.join(", ")))),
    }
}

fn layout(headers: &[String], options: &ReadOptions) -> Result<Layout, Skip> {
    let detected = linkedin::detect(headers);
    let find = |names: &[&str]| names.iter().find_map(|n| column(headers, n));
    let mut layout = detected.unwrap_or_else(|| Layout {
        body: usize::MAX,
        subject: find(SUBJECT_NAMES).or_else(|| headers.iter().position(|h| normalize(h).contains("subject"))),
        senders: SENDER_NAMES.iter().filter_map(|n| column(headers, n)).collect(),
        kind: None,
        kind_with_subject: None,
        subject_when_empty: true,
        html: false,
        export: None,
    });
    if layout.export.is_none() {
        layout.body = find(BODY_NAMES)
            .or_else(|| {
                headers.iter().position(|h| {
                    let h = normalize(h);
                    h.contains("body") || h.contains("message") || h.contains("content")
                })
            })
            .unwrap_or(usize::MAX);
    }
    if let Some(name) = &options.body_col {
        layout.body = chosen(headers, name, "--body-col")?;
    }
    if let Some(name) = &options.subject_col {
        layout.subject = Some(chosen(headers, name, "--subject-col")?);
    }
    if layout.body == usize::MAX {
        return Err(Skip::Broken(format!(
            "no body column found: name one with --body-col (columns: {})",
            headers.join(", ")
        )));
    }
    Ok(layout)
}

/// The separator the header line uses most: `,`, `;` or tab.
fn sniff(text: &str) -> u8 {
    let first = text.lines().next().unwrap_or("");
    let count = |c: char| first.matches(c).count();
    let (comma, semi, tab) = (count(','), count(';'), count('\t'));
    if tab > comma && tab >= semi {
        b'\t'
    } else if semi > comma {
        b';'
    } else {
        b','
    }
}

pub(super) fn read(path: &str, bytes: Vec<u8>, options: &ReadOptions) -> Result<Parsed, Skip> {
    if starts_binary(&bytes) {
        return Err(Skip::Binary);
    }
    let (text, note) = decode(bytes);
    let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
    let mut reader = ::csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(sniff(text))
        .from_reader(text.as_bytes());
    let mut records = reader.records();
    let headers: Vec<String> = match records.next() {
        Some(Ok(row)) => row.iter().map(|h| h.trim().to_owned()).collect(),
        Some(Err(err)) => return Err(Skip::Broken(format!("unreadable header row: {err}"))),
        None => return Err(Skip::Broken("empty CSV: no header row".to_owned())),
    };
    let layout = layout(&headers, options)?;
    let field = headers.get(layout.body).cloned();
    let mut parsed = Parsed::default();
    parsed.notes.extend(note.map(|n| format!("{n} (cells with U+FFFD may read oddly)")));
    let (mut empty, mut others) = (0usize, 0usize);
    for (i, row) in records.enumerate() {
        let record = Record::new(format!("row {}", i + 2), field.clone());
        let row = match row {
            Ok(row) => row,
            Err(err) => {
                parsed.problems.push(Problem { record: Some(record), message: format!("unreadable row: {err}") });
                continue;
            }
        };
        let line = row.position().map_or(i + 2, |p| usize::try_from(p.line()).unwrap_or(usize::MAX));
        if row.iter().any(|cell| cell.contains('\0')) {
            let message = format!("line {line} holds a NUL byte (binary data); skipped");
            parsed.problems.push(Problem { record: Some(record), message });
            continue;
        }
        let Some(body) = row.get(layout.body) else {
            if row.iter().all(|c| c.trim().is_empty()) {
                continue;
            }
            parsed.problems.push(Problem {
                record: Some(record),
                message: format!(
                    "{} field{}, the header has {}: no `{}` cell; skipped",
                    row.len(),
                    if row.len() == 1 { "" } else { "s" },
                    headers.len(),
                    field.as_deref().unwrap_or("body")
                ),
            });
            continue;
        };
        if let Some(from) = &options.from
            && !layout.senders.iter().filter_map(|&c| row.get(c)).any(|s| same_sender(from, s))
        {
            others += 1;
            continue;
        }
        let body = if layout.html { unescape(body) } else { body.to_owned() };
        if body.trim().is_empty() {
            empty += 1;
            continue;
        }
        let subject =
            layout.subject.and_then(|c| row.get(c)).map(|s| if layout.html { unescape(s) } else { s.to_owned() });
        let subject = subject.filter(|s| layout.subject_when_empty || !s.trim().is_empty());
        let text = email_text(subject.as_deref(), None, &super::normalize_newlines(&body));
        let mut document = Document::decoded(path, Some(record), text, Some(Origin::Line(line)));
        document.kind.clone_from(&layout.kind);
        if let (Some(kind), Some(export)) = (layout.kind_with_subject, layout.export)
            && subject.as_deref().is_some_and(|s| !s.trim().is_empty())
        {
            document.kind = Some((kind, KindSource::Input(format!("{export}, with a subject"))));
        }
        if row.len() != headers.len() {
            document.notes.push(format!("this row has {} fields, the header has {}", row.len(), headers.len()));
        }
        parsed.documents.push(document);
    }
    if let Some(export) = layout.export {
        parsed.notes.push(format!("read as {export}"));
    }
    if empty > 0 {
        parsed.notes.push(format!("skipped {empty} row{} with an empty body", if empty == 1 { "" } else { "s" }));
    }
    if let Some(from) = &options.from {
        if layout.senders.is_empty() {
            parsed.notes.push(format!("--from `{from}`: no sender column, so no row was kept"));
        } else if parsed.documents.is_empty() && others > 0 {
            parsed.notes.push(format!("--from `{from}`: no row was sent by them"));
        }
    }
    Ok(parsed)
}

/// A cell that may hold HTML: entities decoded, tags (if any) reduced.
fn unescape(cell: &str) -> String {
    let looks_tagged = cell.contains('<') && cell.contains('>') && {
        let lower = cell.to_ascii_lowercase();
        ["<p", "<br", "<div", "</", "<a ", "<span"].iter().any(|t| lower.contains(t))
    };
    if looks_tagged { html::reduce(cell).0 } else { html_escape::decode_html_entities(cell).replace('\u{a0}', " ") }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(csv: &str, options: &ReadOptions) -> Vec<(String, String)> {
        let parsed = read("t.csv", csv.as_bytes().to_vec(), options).expect("readable");
        parsed.documents.into_iter().map(|d| (d.record.map(|r| r.to_string()).unwrap_or_default(), d.text)).collect()
    }

    #[test]
    fn finds_columns_by_name() {
        let csv = "\u{feff}id,Subject,Body\n1,Hello,\"Hi Sam,\n\nCould we talk?\"\n2,,Second\n";
        let got = texts(csv, &ReadOptions::default());
        assert_eq!(got[0], ("row 2 Body".to_owned(), "Subject: Hello\n\nHi Sam,\n\nCould we talk?".to_owned()));
        assert_eq!(got[1].1, "Subject: \n\nSecond");
    }

    #[test]
    fn ragged_rows_are_problems() {
        let csv = "a,b,message\n1,2,hello there\n3\n";
        let parsed = read("t.csv", csv.as_bytes().to_vec(), &ReadOptions::default()).expect("readable");
        assert_eq!(parsed.documents.len(), 1);
        assert_eq!(parsed.problems.len(), 1);
        assert_eq!(parsed.problems[0].record.as_ref().map(|r| r.name.as_str()), Some("row 3"));
    }

    #[test]
    fn no_body_column() {
        let err = read("t.csv", b"a,b\n1,2\n".to_vec(), &ReadOptions::default()).expect_err("no body");
        assert!(matches!(err, Skip::Broken(m) if m.contains("--body-col")));
    }

    #[test]
    fn semicolons_and_numbered_columns() {
        let options = ReadOptions { body_col: Some("2".into()), ..ReadOptions::default() };
        let got = texts("x;y\n1;Bonjour Zoë, merci\n", &options);
        assert_eq!(got[0].1, "Bonjour Zoë, merci");
    }
}
