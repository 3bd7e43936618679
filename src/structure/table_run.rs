//! What every table finder produces, below them all: a table found among the lines (its
//! extent and its rows of cells), and how a cell's text grows as its lines are read.

/// A table found among the lines.
#[derive(Debug, Clone, PartialEq)]
pub struct TableRun {
    /// First line index.
    pub start: usize,
    /// One past the last line index.
    pub end: usize,
    /// Rows of cell texts; the first row is the header.
    pub rows: Vec<Vec<String>>,
}

/// Appends a line's text to a cell: after a space, or joining a word hyphenated across
/// the lines.
pub(super) fn append_cell(cell: &mut String, text: &str) {
    if cell.is_empty() {
        cell.push_str(text);
    } else if cell.ends_with('-') && text.starts_with(|c: char| c.is_lowercase()) {
        cell.pop();
        cell.push_str(text);
    } else {
        cell.push(' ');
        cell.push_str(text);
    }
}
