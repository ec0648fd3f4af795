//! Byte offset to line and column, built once per text.
//!
//! Columns come in three units: bytes and chars for terminals and JSON, and
//! UTF-16 code units for editors that do not speak UTF-8.

/// The start offset of every line in a text.
#[derive(Debug, Clone)]
pub struct LineIndex {
    starts: Vec<usize>,
    len: usize,
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
        Self { starts, len: text.len() }
    }

    /// The zero-based line holding `offset` (offsets past the end clamp).
    #[must_use]
    pub fn line_of(&self, offset: usize) -> usize {
        let offset = offset.min(self.len);
        self.starts.partition_point(|&start| start <= offset) - 1
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
        let prefix = &text[self.starts[line]..offset];
        let column = match unit {
            ColumnUnit::Byte => prefix.len(),
            ColumnUnit::Char => prefix.chars().count(),
            ColumnUnit::Utf16 => prefix.encode_utf16().count(),
        };
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
        let line_text = &text[start..end.max(start)];
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
}
