//! `github`: GitHub Actions workflow commands, one annotation per finding
//! (`::warning file=…,line=…,col=…,title=…::message`), shown on the pull
//! request's diff. Info findings are notices; input errors are errors.

use std::io::{self, Write};

use super::{Checked, InputError};
use crate::diagnostic::Level;
use crate::line_index::LineIndex;

pub(super) fn write(out: &mut dyn Write, checked: &Checked) -> io::Result<()> {
    let text = checked.message.text();
    let index = LineIndex::new(text);
    for d in &checked.report.diagnostics {
        let command = match d.level {
            Level::Error => "error",
            Level::Warning => "warning",
            Level::Info => "notice",
        };
        let start = checked.file_position(&index, d.span.start);
        let mut properties = format!("file={},line={},col={}", property(&checked.path), start.line, start.column);
        if checked.record.is_none() {
            let end = checked.file_position(&index, d.span.end);
            properties.push_str(&format!(",endLine={},endColumn={}", end.line, end.column));
        }
        let title = match &checked.record {
            Some(record) => format!("tact {} ({record})", d.rule),
            None => format!("tact {}", d.rule),
        };
        properties.push_str(&format!(",title={}", property(&title)));
        writeln!(out, "::{command} {properties}::{}", data(&d.message))?;
    }
    Ok(())
}

pub(super) fn write_errors(out: &mut dyn Write, errors: &[InputError]) -> io::Result<()> {
    for e in errors {
        let title = match &e.record {
            Some(record) => format!("tact input ({record})"),
            None => "tact input".to_owned(),
        };
        writeln!(out, "::error file={},title={}::{}", property(&e.path), property(&title), data(&e.message))?;
    }
    Ok(())
}

/// Escape a command's message.
fn data(s: &str) -> String {
    s.replace('%', "%25").replace('\r', "%0D").replace('\n', "%0A")
}

/// Escape a command property's value.
fn property(s: &str) -> String {
    data(s).replace(':', "%3A").replace(',', "%2C")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes() {
        assert_eq!(data("50%\nmore"), "50%25%0Amore");
        assert_eq!(property("a,b:c"), "a%2Cb%3Ac");
    }
}
