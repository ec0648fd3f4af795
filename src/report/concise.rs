//! `concise`: one line per finding, `path:line:col: level [rule] message`.
//! Records (`path[row 3 body]`) count lines and columns in the record's
//! text; text extracted from markup counts them in the file. At most
//! [`MAX_SHOWN`] findings per message, then a count of the rest.

use std::io::{self, Write};

use super::{Checked, MAX_SHOWN};
use crate::line_index::{ColumnUnit, LineIndex};

pub(super) fn write(out: &mut dyn Write, checked: &Checked) -> io::Result<()> {
    let text = checked.message.text();
    let index = LineIndex::new(text);
    let name = checked.name();
    for d in checked.report.diagnostics.iter().take(MAX_SHOWN) {
        let at = if checked.record.is_none() {
            checked.file_position(&index, d.span.start)
        } else {
            index.line_col(text, d.span.start, ColumnUnit::Char)
        };
        writeln!(out, "{name}:{}:{}: {} [{}] {}", at.line, at.column, d.level, d.rule, d.message)?;
    }
    if let Some(rest) = checked.report.diagnostics.len().checked_sub(MAX_SHOWN).filter(|&n| n > 0) {
        let s = if rest == 1 { "" } else { "s" };
        writeln!(out, "{name}: … {rest} more finding{s} not shown (`--format json` lists all)")?;
    }
    Ok(())
}
