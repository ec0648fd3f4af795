//! Byte offset to line and column, built once per text.
//!
//! Columns come in three units: bytes and chars for terminals and JSON, and
//! UTF-16 code units for editors that do not speak UTF-8.
//!
//! Counting chars from the start of a line would make every lookup on a
//! long line cost its length, and a file of one long line with many
//! findings quadratic. So a text that is not ASCII also keeps checkpoints:
//! every [`STRIDE`] bytes, the chars and UTF-16 units before that point. A
//! lookup counts from the nearest checkpoint, at most `STRIDE` bytes.

/// Bytes between two checkpoints.
const STRIDE: usize = 4096;

/// The start offset of every line in a text.
#[derive(Debug, Clone)]
pub struct LineIndex {
    starts: Vec<usize>,
    len: usize,
    /// Empty for ASCII text, where every unit counts bytes.
    checkpoints: Vec<Checkpoint>,
}

/// Chars and UTF-16 units before byte `offset` (a char boundary).
#[derive(Debug, Clone, Copy)]
struct Checkpoint {
    offset: usize,
    chars: usize,
    utf16: usize,
}

/// A one-based line and column.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub struct LineCol {
    pub line: usize,
    pub column: usize,
}

/// The unit a column is counted in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ColumnUnit {
    Byte,
    Char,
    Utf16,
}

impl LineIndex {
    #[must_use]
    pub fn new(text: &str) -> Self {
        let mut starts = vec![0];
        starts.extend(text.bytes().enumerate().filter(|&(_, b)| b == b'\n').map(|(i, _)| i + 1));
        let checkpoints = if text.is_ascii() { Vec::new() } else { checkpoints(text) };
        Self { starts, len: text.len(), checkpoints }
    }

    /// Units in `unit` before byte `offset` (a char boundary) of `text`.
    fn units_before(&self, text: &str, offset: usize, unit: ColumnUnit) -> usize {
        if unit == ColumnUnit::Byte || self.checkpoints.is_empty() {
            return offset;
        }
        let at = self.checkpoints.partition_point(|c| c.offset <= offset).saturating_sub(1);
        let Some(&cp) = self.checkpoints.get(at) else { return offset };
        let rest = &text[cp.offset..offset];
        match unit {
            ColumnUnit::Byte => offset,
            ColumnUnit::Char => cp.chars + rest.chars().count(),
            ColumnUnit::Utf16 => cp.utf16 + rest.encode_utf16().count(),
        }
    }

    /// The zero-based line holding `offset` (offsets past the end clamp).
    #[must_use]
    pub fn line_of(&self, offset: usize) -> usize {
        let offset = offset.min(self.len);
        self.starts.partition_point(|&start| start <= offset) - 1
    }

    /// The byte range of zero-based `line`, without its newline (lines past
    /// the end are empty at the end of the text).
    #[must_use]
    pub fn line_range(&self, line: usize) -> std::ops::Range<usize> {
        let Some(&start) = self.starts.get(line) else { return self.len..self.len };
        let end = self.starts.get(line + 1).map_or(self.len, |&next| next - 1);
        start..end.max(start)
    }

    /// The number of lines (a text ending in a newline has an empty last line).
    #[must_use]
    pub fn line_count(&self) -> usize {
        self.starts.len()
    }

    /// One-based line and column of `offset`, the column counted in `unit`.
    #[must_use]
    pub fn line_col(&self, text: &str, offset: usize, unit: ColumnUnit) -> LineCol {
        let (line, column) = self.position(text, offset, unit);
        LineCol { line: line + 1, column: column + 1 }
    }

    /// Zero-based line and column of `offset`, the column counted in `unit`.
    #[must_use]
    pub fn position(&self, text: &str, offset: usize, unit: ColumnUnit) -> (usize, usize) {
        let offset = text.floor_char_boundary(offset);
        let line = self.line_of(offset);
        let start = self.starts[line];
        let column = self.units_before(text, offset, unit) - self.units_before(text, start, unit);
        (line, column)
    }

    /// The byte offset of a zero-based line and column counted in `unit`.
    /// Positions past a line's end clamp to the end of that line.
    #[must_use]
    pub fn offset(&self, text: &str, line: usize, column: usize, unit: ColumnUnit) -> usize {
        if line >= self.starts.len() {
            return text.len();
        }
        let start = self.starts[line];
        let end = self.starts.get(line + 1).map_or(text.len(), |&next| next - 1);
        let end = end.max(start);
        if unit == ColumnUnit::Byte || self.checkpoints.is_empty() {
            return text.floor_char_boundary((start + column).min(end));
        }
        // Skip to the last checkpoint before the column, then count.
        let wanted = self.units_before(text, start, unit) + column;
        let units = |c: &Checkpoint| if unit == ColumnUnit::Char { c.chars } else { c.utf16 };
        let at = self.checkpoints.partition_point(|c| units(c) <= wanted).saturating_sub(1);
        let (start, column) = match self.checkpoints.get(at) {
            Some(cp) if cp.offset > start && cp.offset <= end => (cp.offset, wanted - units(cp)),
            _ => (start, column),
        };
        let line_text = &text[start..end];
        let mut seen = 0;
        for (i, ch) in line_text.char_indices() {
            if seen >= column {
                return start + i;
            }
            seen += match unit {
                ColumnUnit::Byte => ch.len_utf8(),
                ColumnUnit::Char => 1,
                ColumnUnit::Utf16 => ch.len_utf16(),
            };
        }
        start + line_text.len()
    }
}

/// Checkpoints every [`STRIDE`] bytes (moved back to a char boundary).
fn checkpoints(text: &str) -> Vec<Checkpoint> {
    let mut out = Vec::with_capacity(text.len() / STRIDE + 1);
    let mut cp = Checkpoint { offset: 0, chars: 0, utf16: 0 };
    out.push(cp);
    while cp.offset + STRIDE < text.len() {
        let next = text.floor_char_boundary(cp.offset + STRIDE);
        let piece = &text[cp.offset..next];
        cp = Checkpoint {
            offset: next,
            chars: cp.chars + piece.chars().count(),
            utf16: cp.utf16 + piece.encode_utf16().count(),
        };
        out.push(cp);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_in_each_unit() {
        let text = "Hi Zoë,\n👋 thanks";
        let index = LineIndex::new(text);
        let t = text.find('t').expect("t");
        assert_eq!(index.line_col(text, t, ColumnUnit::Byte), LineCol { line: 2, column: 6 });
        assert_eq!(index.line_col(text, t, ColumnUnit::Char), LineCol { line: 2, column: 3 });
        assert_eq!(index.line_col(text, t, ColumnUnit::Utf16), LineCol { line: 2, column: 4 });
        assert_eq!(index.offset(text, 1, 3, ColumnUnit::Utf16), t);
        assert_eq!(index.offset(text, 0, 99, ColumnUnit::Char), "Hi Zoë,".len());
    }

    /// Columns and offsets agree with counting from the line start, across
    /// checkpoints, on long lines of mixed widths.
    #[test]
    fn checkpoints_give_the_counted_answer() {
        let text = format!("a\n{}\nb{}", "é👋x".repeat(3000), "z".repeat(5000));
        let index = LineIndex::new(&text);
        for offset in (0..text.len()).step_by(97).chain([text.len()]) {
            let offset = text.floor_char_boundary(offset);
            let line = index.line_of(offset);
            let prefix = &text[index.starts[line]..offset];
            for (unit, want) in [
                (ColumnUnit::Byte, prefix.len()),
                (ColumnUnit::Char, prefix.chars().count()),
                (ColumnUnit::Utf16, prefix.encode_utf16().count()),
            ] {
                assert_eq!(index.position(&text, offset, unit), (line, want), "{offset} {unit:?}");
                assert_eq!(index.offset(&text, line, want, unit), offset, "{offset} {unit:?}");
            }
        }
    }
}
