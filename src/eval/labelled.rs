//! Labelled sets: messages with a verdict (and, in the corpus format, the
//! problems a reviewer saw), read from one of three formats:
//!
//! - **corpus** (`.yml` / `.yaml`, or a folder of them): the format of
//!   `tests/corpus/`, one list item per message with `id`, `source`,
//!   `kind`, `label`, `provenance`, `form`, `pair`, `text` and `flags`;
//! - **table** (`.csv` / `.tsv`) or **lines** (`.jsonl`): at least a text
//!   and a label per row, so a team can bring its own sent messages
//!   (`replied` / `not replied` works as a label);
//! - **politeness** (a CSV with `Request` and `Normalized Score` columns,
//!   as the Stanford Politeness Corpus ships): the top quarter of scores is
//!   `good`, the bottom quarter `bad`, the middle half `mixed`.
//!
//! Every problem is an [`Error`] pointing at the line at fault.

use std::collections::BTreeSet;
use std::path::Path;

use serde::Deserialize;

use super::split::{self, Side};
use crate::error::{Error, FileError};
use crate::span::Span;

/// A message's verdict.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Deserialize, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Label {
    Good,
    Bad,
    /// Partly good, or (politeness) the middle half: left out of the AUC.
    Mixed,
}

impl Label {
    #[must_use]
    pub fn name(self) -> &'static str {
        match self {
            Label::Good => "good",
            Label::Bad => "bad",
            Label::Mixed => "mixed",
        }
    }

    /// A label as teams write it: `good`/`bad`/`mixed`, `replied`/`not
    /// replied`, `yes`/`no`, `true`/`false`, `1`/`0`, `positive`/`negative`.
    #[must_use]
    pub fn parse_loose(s: &str) -> Option<Label> {
        let s = s.trim().to_ascii_lowercase().replace(['_', '-'], " ");
        match s.as_str() {
            "good" | "replied" | "reply" | "yes" | "y" | "true" | "1" | "positive" | "pos" | "accepted" => {
                Some(Label::Good)
            }
            "bad" | "not replied" | "no reply" | "unreplied" | "ignored" | "no" | "n" | "false" | "0" | "negative"
            | "neg" | "declined" => Some(Label::Bad),
            "mixed" | "neutral" | "middle" => Some(Label::Mixed),
            _ => None,
        }
    }
}

/// How a set was written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum SetFormat {
    Corpus,
    Table,
    Lines,
    Politeness,
}

impl SetFormat {
    #[must_use]
    pub fn name(self) -> &'static str {
        match self {
            SetFormat::Corpus => "corpus",
            SetFormat::Table => "table",
            SetFormat::Lines => "JSON lines",
            SetFormat::Politeness => "politeness ratings",
        }
    }
}

/// One labelled message.
#[derive(Debug, Clone, PartialEq)]
pub struct Example {
    pub id: String,
    pub text: String,
    pub label: Label,
    /// The kind the labeller gave (`cold-email`, `introduction`, ...).
    pub kind: Option<String>,
    /// `received`, `sent` or `example`.
    pub provenance: Option<String>,
    /// `verbatim`, `redacted`, `template`, `paraphrased` or `excerpt`.
    pub form: Option<String>,
    /// The id of the other half of a before/after pair.
    pub pair: Option<String>,
    pub flags: Vec<String>,
    pub source: Option<String>,
    pub side: Side,
}

impl Example {
    /// A message someone really sent or received.
    #[must_use]
    pub fn is_real(&self) -> bool {
        matches!(self.provenance.as_deref(), Some("received" | "sent"))
    }

    /// A template with intentional slots.
    #[must_use]
    pub fn is_template(&self) -> bool {
        self.form.as_deref() == Some("template")
    }
}

/// A labelled set read from a file or folder.
#[derive(Debug, Clone)]
pub struct LabelledSet {
    pub name: String,
    pub format: SetFormat,
    pub examples: Vec<Example>,
}

/// Read the labelled set at `path`: a corpus file or folder, a CSV or TSV,
/// JSON lines, or the politeness CSV.
///
/// # Errors
/// An unreadable path, an unknown format, or a malformed row (pointing at
/// its line).
pub fn read(path: &Path) -> Result<LabelledSet, Error> {
    let name = path.display().to_string();
    if path.is_dir() {
        return read_corpus_folder(path);
    }
    let text = read_text(path)?;
    let ext = path.extension().and_then(|e| e.to_str()).unwrap_or_default().to_ascii_lowercase();
    let examples = match ext.as_str() {
        "yml" | "yaml" => {
            return Ok(LabelledSet { format: SetFormat::Corpus, examples: corpus(&name, &text)?, name });
        }
        "csv" => table(&name, &text, b',')?,
        "tsv" => table(&name, &text, b'\t')?,
        "jsonl" | "ndjson" => {
            return Ok(LabelledSet { format: SetFormat::Lines, examples: lines(&name, &text)?, name });
        }
        _ => {
            return Err(Error::Usage(format!(
                "{name}: not a labelled set tact reads (expected .yml, .csv, .tsv or .jsonl, or a folder of .yml files)"
            )));
        }
    };
    let (format, examples) = examples;
    Ok(LabelledSet { name, format, examples })
}

fn read_text(path: &Path) -> Result<String, Error> {
    let bytes = std::fs::read(path).map_err(|e| Error::io(path.display().to_string(), e))?;
    let text = String::from_utf8(bytes).map_err(|e| {
        Error::Usage(format!(
            "{}: not UTF-8 text (invalid byte at offset {})",
            path.display(),
            e.utf8_error().valid_up_to()
        ))
    })?;
    Ok(text.strip_prefix('\u{feff}').map(str::to_owned).unwrap_or(text))
}

fn read_corpus_folder(dir: &Path) -> Result<LabelledSet, Error> {
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .map_err(|e| Error::io(dir.display().to_string(), e))?
        .filter_map(Result::ok)
        .map(|entry| entry.path())
        .filter(|p| p.is_file() && p.extension().is_some_and(|e| e == "yml" || e == "yaml"))
        .collect();
    files.sort();
    if files.is_empty() {
        return Err(Error::Usage(format!("{}: no .yml files with labelled messages in this folder", dir.display())));
    }
    let mut examples = Vec::new();
    let mut seen = BTreeSet::new();
    for file in &files {
        let name = file.display().to_string();
        let text = read_text(file)?;
        for example in corpus(&name, &text)? {
            if !seen.insert(example.id.clone()) {
                let at = text.find(&format!("id: {}", example.id)).unwrap_or(0);
                return Err(FileError::new(
                    &name,
                    &text,
                    Span::new(at, at + 3),
                    format!("duplicate id `{}`", example.id),
                    "again here",
                )
                .with_help("every message in a labelled set needs its own id")
                .into());
            }
            examples.push(example);
        }
    }
    Ok(LabelledSet { name: dir.display().to_string(), format: SetFormat::Corpus, examples })
}

/// One message of the corpus format.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct CorpusItem {
    id: String,
    #[serde(default)]
    source: Option<String>,
    #[serde(default)]
    kind: Option<String>,
    label: Label,
    #[serde(default)]
    #[allow(dead_code)]
    verdict: Option<String>,
    #[serde(default)]
    provenance: Option<String>,
    #[serde(default)]
    form: Option<String>,
    #[serde(default)]
    #[allow(dead_code)]
    editorial_redactions: Option<bool>,
    #[serde(default)]
    pair: Option<String>,
    text: String,
    #[serde(default)]
    flags: Vec<String>,
}

fn corpus(name: &str, text: &str) -> Result<Vec<Example>, Error> {
    let items: Vec<CorpusItem> = serde_yaml::from_str(text).map_err(|err| {
        crate::error::yaml::file_error(name, text, &err, "labelled set")
            .with_help("each item needs at least `id`, `label` (good, bad or mixed) and `text`")
    })?;
    Ok(items
        .into_iter()
        .map(|item| {
            let key = item.source.as_deref().map_or_else(|| item.id.clone(), split::source_key);
            Example {
                side: split::side(&key),
                id: item.id,
                text: item.text,
                label: item.label,
                kind: item.kind,
                provenance: item.provenance,
                form: item.form,
                pair: item.pair,
                flags: item.flags,
                source: item.source,
            }
        })
        .collect())
}

const TEXT_COLUMNS: &[&str] = &["text", "body", "message", "content", "request"];
const LABEL_COLUMNS: &[&str] = &["label", "verdict", "outcome", "replied", "result"];

fn table(name: &str, text: &str, delimiter: u8) -> Result<(SetFormat, Vec<Example>), Error> {
    let mut reader = csv::ReaderBuilder::new().delimiter(delimiter).flexible(true).from_reader(text.as_bytes());
    let headers: Vec<String> = reader
        .headers()
        .map_err(|e| csv_error(name, text, &e))?
        .iter()
        .map(|h| h.trim().to_ascii_lowercase())
        .collect();
    let col = |names: &[&str]| names.iter().find_map(|n| headers.iter().position(|h| h == n));
    if let (Some(request), Some(score)) = (col(&["request"]), col(&["normalized score"])) {
        return politeness(name, text, reader, request, score, col(&["id"]), col(&["community"]));
    }
    let header_span = Span::new(0, text.find('\n').unwrap_or(text.len()));
    let (Some(text_col), Some(label_col)) = (col(TEXT_COLUMNS), col(LABEL_COLUMNS)) else {
        return Err(FileError::new(name, text, header_span, "no text and label columns", "these columns")
            .with_help("name one column `text` (or body, message, content) and one `label` (good/bad, replied/not replied, 1/0)")
            .into());
    };
    let (id_col, kind_col, flags_col, source_col, pair_col) =
        (col(&["id"]), col(&["kind"]), col(&["flags"]), col(&["source"]), col(&["pair"]));
    let mut examples = Vec::new();
    for (row, record) in reader.records().enumerate() {
        let record = record.map_err(|e| csv_error(name, text, &e))?;
        let offset = record.position().map_or(0, |p| usize::try_from(p.byte()).unwrap_or(0));
        let cell = |c: Option<usize>| c.and_then(|c| record.get(c)).map(str::trim).filter(|s| !s.is_empty());
        let raw_label = cell(Some(label_col)).unwrap_or_default();
        let Some(label) = Label::parse_loose(raw_label) else {
            let end = text[offset..].find('\n').map_or(text.len(), |n| offset + n);
            return Err(FileError::new(
                name,
                text,
                Span::new(offset, end),
                format!("unknown label `{raw_label}`"),
                "this row",
            )
            .with_help("labels: good/bad/mixed, replied/not replied, yes/no, true/false, 1/0")
            .into());
        };
        let id = cell(id_col).map_or_else(|| format!("row {}", row + 2), str::to_owned);
        let source = cell(source_col).map(str::to_owned);
        let key = source.as_deref().map_or_else(|| id.clone(), split::source_key);
        examples.push(Example {
            side: split::side(&key),
            text: record.get(text_col).unwrap_or_default().to_owned(),
            label,
            kind: cell(kind_col).map(str::to_owned),
            provenance: None,
            form: None,
            pair: cell(pair_col).map(str::to_owned),
            flags: cell(flags_col).map(split_flags).unwrap_or_default(),
            source,
            id,
        });
    }
    Ok((SetFormat::Table, examples))
}

fn split_flags(cell: &str) -> Vec<String> {
    cell.split([',', ';', ' ', '|']).filter(|f| !f.is_empty()).map(str::to_owned).collect()
}

fn politeness(
    name: &str,
    text: &str,
    mut reader: csv::Reader<&[u8]>,
    request: usize,
    score: usize,
    id: Option<usize>,
    community: Option<usize>,
) -> Result<(SetFormat, Vec<Example>), Error> {
    let mut rows = Vec::new();
    for (row, record) in reader.records().enumerate() {
        let record = record.map_err(|e| csv_error(name, text, &e))?;
        let raw = record.get(score).unwrap_or_default().trim();
        let value: f64 = raw.parse().map_err(|_| {
            let offset = record.position().map_or(0, |p| usize::try_from(p.byte()).unwrap_or(0));
            let end = text[offset..].find('\n').map_or(text.len(), |n| offset + n);
            FileError::new(
                name,
                text,
                Span::new(offset, end),
                format!("`Normalized Score` is not a number: `{raw}`"),
                "this row",
            )
        })?;
        let id = id.and_then(|c| record.get(c)).map_or_else(|| format!("row {}", row + 2), str::to_owned);
        let source = community.and_then(|c| record.get(c)).map(str::to_owned);
        rows.push((id, record.get(request).unwrap_or_default().to_owned(), value, source));
    }
    let mut sorted: Vec<f64> = rows.iter().map(|r| r.2).collect();
    sorted.sort_by(f64::total_cmp);
    let (low, high) = (quantile(&sorted, 0.25), quantile(&sorted, 0.75));
    let examples = rows
        .into_iter()
        .map(|(id, request, value, source)| Example {
            side: split::side(&id),
            label: if value >= high {
                Label::Good
            } else if value <= low {
                Label::Bad
            } else {
                Label::Mixed
            },
            text: request,
            kind: None,
            provenance: Some("received".to_owned()),
            form: Some("verbatim".to_owned()),
            pair: None,
            flags: Vec::new(),
            source,
            id,
        })
        .collect();
    Ok((SetFormat::Politeness, examples))
}

/// The `q` quantile of sorted values (nearest rank).
fn quantile(sorted: &[f64], q: f64) -> f64 {
    if sorted.is_empty() {
        return 0.0;
    }
    #[allow(clippy::cast_precision_loss, clippy::cast_possible_truncation, clippy::cast_sign_loss)]
    let rank = ((q * sorted.len() as f64).ceil() as usize).clamp(1, sorted.len());
    sorted[rank - 1]
}

fn csv_error(name: &str, text: &str, err: &csv::Error) -> Error {
    let offset = err.position().map_or(0, |p| usize::try_from(p.byte()).unwrap_or(0)).min(text.len());
    let end = text[offset..].find('\n').map_or(text.len(), |n| offset + n);
    FileError::new(name, text, Span::new(offset, end.max(offset)), format!("unreadable CSV: {err}"), "here").into()
}

/// One line of a JSON-lines set.
#[derive(Deserialize)]
struct Line {
    #[serde(default)]
    id: Option<serde_json::Value>,
    #[serde(default, alias = "body")]
    text: Option<String>,
    #[serde(default)]
    subject: Option<String>,
    label: serde_json::Value,
    #[serde(default)]
    kind: Option<String>,
    #[serde(default)]
    flags: Option<serde_json::Value>,
    #[serde(default)]
    source: Option<String>,
    #[serde(default)]
    pair: Option<String>,
}

fn lines(name: &str, text: &str) -> Result<Vec<Example>, Error> {
    let mut examples = Vec::new();
    let mut offset = 0;
    for (n, line) in text.split_inclusive('\n').enumerate() {
        let span = Span::new(offset, offset + line.trim_end().len());
        offset += line.len();
        if line.trim().is_empty() {
            continue;
        }
        let fail = |message: String| -> Error {
            FileError::new(name, text, span, message, "this line")
                .with_help("each line: {\"text\": \"...\", \"label\": \"good\"} (optional: id, subject, kind, flags, source, pair)")
                .into()
        };
        let parsed: Line = serde_json::from_str(line).map_err(|e| fail(format!("invalid line: {e}")))?;
        let label_text = match &parsed.label {
            serde_json::Value::String(s) => s.clone(),
            other => other.to_string(),
        };
        let label = Label::parse_loose(&label_text).ok_or_else(|| fail(format!("unknown label `{label_text}`")))?;
        let body = parsed.text.ok_or_else(|| fail("no `text` (or `body`)".to_owned()))?;
        let text = match parsed.subject {
            Some(subject) => format!("Subject: {subject}\n\n{body}"),
            None => body,
        };
        let id = match parsed.id {
            Some(serde_json::Value::String(s)) => s,
            Some(other) => other.to_string(),
            None => format!("line {}", n + 1),
        };
        let flags = match parsed.flags {
            Some(serde_json::Value::Array(list)) => list.iter().filter_map(|v| v.as_str().map(str::to_owned)).collect(),
            Some(serde_json::Value::String(s)) => split_flags(&s),
            _ => Vec::new(),
        };
        let key = parsed.source.as_deref().map_or_else(|| id.clone(), split::source_key);
        examples.push(Example {
            side: split::side(&key),
            id,
            text,
            label,
            kind: parsed.kind,
            provenance: None,
            form: None,
            pair: parsed.pair,
            flags,
            source: parsed.source,
        });
    }
    Ok(examples)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn loose_labels() {
        assert_eq!(Label::parse_loose("Replied"), Some(Label::Good));
        assert_eq!(Label::parse_loose("not_replied"), Some(Label::Bad));
        assert_eq!(Label::parse_loose("0"), Some(Label::Bad));
        assert_eq!(Label::parse_loose("maybe"), None);
    }

    #[test]
    fn quartiles_by_nearest_rank() {
        let v = [1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0];
        assert_eq!(quantile(&v, 0.25), 2.0);
        assert_eq!(quantile(&v, 0.75), 6.0);
    }

    #[test]
    fn a_table_with_flags_and_sources() {
        let text =
            "id,text,label,flags,source\na,Hi there,replied,\"no-thanks; me-focused\",https://x.org/p\nb,Yo,0,,\n";
        let (format, examples) = table("t.csv", text, b',').expect("reads");
        assert_eq!(format, SetFormat::Table);
        assert_eq!(examples.len(), 2);
        assert_eq!(examples[0].flags, ["no-thanks", "me-focused"]);
        assert_eq!(examples[0].side, split::side("x.org"));
        assert_eq!(examples[1].label, Label::Bad);
    }

    #[test]
    fn a_bad_label_points_at_its_row() {
        let text = "text,label\nfine,good\noops,perhaps\n";
        let Err(Error::File(err)) = table("t.csv", text, b',') else { panic!("expected a file error") };
        assert_eq!((err.line, err.message.as_str()), (3, "unknown label `perhaps`"));
    }

    #[test]
    fn jsonl_lines_with_subjects() {
        let text = "{\"id\": 7, \"subject\": \"Hi\", \"body\": \"Text\", \"label\": true}\n\n{\"text\": \"x\", \"label\": \"bad\"}\n";
        let examples = lines("t.jsonl", text).expect("reads");
        assert_eq!(examples[0].id, "7");
        assert_eq!(examples[0].text, "Subject: Hi\n\nText");
        assert_eq!(examples[1].id, "line 3");
        let Err(Error::File(err)) = lines("t.jsonl", "{\"text\": \"x\"}\n") else { panic!("expected an error") };
        assert_eq!(err.line, 1);
    }

    #[test]
    fn corpus_errors_point_into_the_yaml() {
        let text = "- id: a\n  label: good\n  text: hi\n- id: b\n  lable: bad\n  text: yo\n";
        let Err(Error::File(err)) = corpus("c.yml", text) else { panic!("expected an error") };
        assert_eq!(err.line, 5, "{}", err.message);
    }
}
