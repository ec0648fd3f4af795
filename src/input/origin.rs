//! Where a decoded message sits in its file: a line for records (a CSV row,
//! an mbox message, a JSON line), or a map from text offsets back to file
//! offsets for text extracted from markup (HTML).

use std::sync::Arc;

use crate::line_index::{ColumnUnit, LineCol, LineIndex};

/// Where a message's text came from in its file.
#[derive(Debug, Clone)]
pub enum Origin {
    /// The record starts at this one-based line of the file; offsets inside
    /// the message are counted in the message's own text.
    Line(usize),
    /// The text was extracted from the file; offsets map back through this.
    Extracted(Arc<SourceMap>),
}

impl Origin {
    /// The one-based line and column in the file of `offset` in the text.
    #[must_use]
    pub fn locate(&self, offset: usize) -> LineCol {
        match self {
            Origin::Line(line) => LineCol { line: *line, column: 1 },
            Origin::Extracted(map) => map.locate(offset),
        }
    }
}

/// Runs of extracted text and where each starts in the file.
#[derive(Debug, Clone)]
pub struct SourceMap {
    file: String,
    index: LineIndex,
    /// `(text offset, file offset, copied)`, sorted by text offset. A copied
    /// run is the file's bytes verbatim; any other maps to its start.
    runs: Vec<(usize, usize, bool)>,
}

impl SourceMap {
    #[must_use]
    pub fn new(file: String, runs: Vec<(usize, usize, bool)>) -> Self {
        let index = LineIndex::new(&file);
        Self { file, index, runs }
    }

    /// The file offset of text offset `offset`.
    #[must_use]
    pub fn file_offset(&self, offset: usize) -> usize {
        let i = self.runs.partition_point(|&(t, _, _)| t <= offset);
        let Some(&(text_start, file_start, copied)) = i.checked_sub(1).and_then(|i| self.runs.get(i)) else {
            return 0;
        };
        if copied { file_start + (offset - text_start) } else { file_start }
    }

    /// The one-based line and column (in characters) in the file.
    #[must_use]
    pub fn locate(&self, offset: usize) -> LineCol {
        self.index.line_col(&self.file, self.file_offset(offset), ColumnUnit::Char)
    }
}
