//! A table's header row: the lines after its first one on one baseline, left to right,
//! past real gaps; each cell's extent is a column every finder places the rows under.

use crate::lines::TextLine;

/// Distance (points) within which two left edges count as one column start.
pub(super) const ALIGN: f32 = 3.0;

/// A column as its header cell spans it: left and right edges.
#[derive(Clone, Copy)]
pub(super) struct Column {
    pub(super) start: f32,
    pub(super) end: f32,
}

impl Column {
    /// Whether a cell from `x0` to `x1` is set in this column: left-aligned under the
    /// header, right-aligned with it (figures), or centred on it.
    pub(super) fn holds(&self, x0: f32, x1: f32) -> bool {
        (x0 - self.start).abs() <= ALIGN
            || (x1 - self.end).abs() <= ALIGN
            || ((x0 + x1) - (self.start + self.end)).abs() <= 2.0 * ALIGN
    }
}

/// The header row starting at `i`: the lines that follow it on its baseline, left to
/// right, as columns.
pub(super) fn header_columns(lines: &[TextLine], i: usize) -> Option<Vec<Column>> {
    let g = lines[i].geometry?;
    let first = Column {
        start: g.bbox.x0,
        end: g.bbox.x1,
    };
    // Made only once a second cell is found: most lines tried start no header row.
    let mut columns: Vec<Column> = Vec::new();
    let mut right = g.bbox.x1;
    for l in &lines[i + 1..] {
        let Some(h) = l.geometry else { break };
        if l.page != lines[i].page || (h.baseline - g.baseline).abs() > 0.3 * g.font_size {
            break;
        }
        // A cell starts to the right of the previous one, past a real gap.
        if h.bbox.x0 < right + 0.8 * g.font_size {
            return None;
        }
        if columns.is_empty() {
            columns.push(first);
        }
        columns.push(Column {
            start: h.bbox.x0,
            end: h.bbox.x1,
        });
        right = h.bbox.x1;
    }
    (columns.len() >= 2).then_some(columns)
}

/// The header row starting at `i`: the horizontal extents of its cells, left to right.
pub(super) fn header_cells(lines: &[TextLine], i: usize) -> Option<Vec<(f32, f32)>> {
    header_columns(lines, i).map(|columns| columns.iter().map(|c| (c.start, c.end)).collect())
}

/// What a cell holds, for comparing a header row's cells with a body row's.
#[derive(PartialEq, Clone, Copy)]
enum Content {
    Empty,
    /// Digits alone: a count, a row number, or a year ("2023" over figures names them).
    Whole,
    /// A measured value: digits with a point, a separator or a percent sign ("0.33",
    /// "1,234", "12 %").
    Measured,
    Words,
}

fn content(cell: &str) -> Content {
    let t = crate::rich::plain(cell);
    let t = t.trim();
    if t.is_empty() {
        return Content::Empty;
    }
    let numeric = t.chars().any(|c| c.is_ascii_digit())
        && t.chars().all(|c| {
            c.is_ascii_digit()
                || c.is_whitespace()
                || matches!(
                    c,
                    '.' | ',' | '%' | '$' | '€' | '£' | '+' | '-' | '−' | '(' | ')'
                )
        });
    match numeric {
        true if t.chars().all(|c| c.is_ascii_digit()) => Content::Whole,
        true => Content::Measured,
        false if stated_value(t) => Content::Measured,
        false => Content::Words,
    }
}

/// Whether a cell holds a measured value ("30.50", "1,234", "12 %", "67.7, SD = 9.6"):
/// no column's name.
pub(super) fn measured(cell: &str) -> bool {
    content(cell) == Content::Measured
}

/// Whether a cell states a measured value with its statistic or spread ("67.7, SD = 9.6",
/// "12.5 ± 3.1", "0.99 (0.96–1.03)"): figures with a decimal point, and at least twice
/// as many digits as letters. A header's year with a word ("FY2023", "Q1 2024") has no
/// point.
fn stated_value(t: &str) -> bool {
    let digits = t.chars().filter(char::is_ascii_digit).count();
    let letters = t.chars().filter(|c| c.is_alphabetic()).count();
    let pointed = t
        .as_bytes()
        .windows(3)
        .any(|w| w[0].is_ascii_digit() && w[1] == b'.' && w[2].is_ascii_digit());
    pointed && digits >= 2 * letters
}

/// Whether the row at `header` (under the rows grouping columns) names the columns,
/// rather than being a body row like the one under it: a header needs evidence, and
/// when it holds measured values ("0.33") in two or more columns, column by column the
/// same kind of content as the next row, in the same type (not all bold over plain
/// rows), nothing tells it from the body ("19  Easy  Look-up variables  0.33  0.00"
/// over "20  Normal  Measure 2 variables  0.51  0.00"). Years over figures name them
/// ("2023" is whole, "1,234" measured); so do words over figures.
pub(super) fn names_columns(rows: &[Vec<String>], header: usize) -> bool {
    let (Some(head), Some(next)) = (rows.get(header), rows.get(header + 1)) else {
        return true;
    };
    let bold = |row: &[String]| {
        row.iter()
            .filter(|c| !c.trim().is_empty())
            .all(|c| crate::rich::all_bold(c))
    };
    if bold(head) && !bold(next) {
        return true;
    }
    let mut measured = 0;
    for (h, n) in head.iter().zip(next) {
        let (a, b) = (content(h), content(n));
        if a == Content::Empty || b == Content::Empty {
            continue;
        }
        if a != b {
            return true;
        }
        measured += usize::from(a == Content::Measured);
    }
    measured < 2
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(cells: &[&str]) -> Vec<String> {
        cells.iter().map(|c| c.to_string()).collect()
    }

    #[test]
    fn a_row_of_values_like_the_next_names_no_columns() {
        let rows = vec![
            row(&["Rocket Science", "", "Multi-step measurements", "", ""]),
            row(&["19", "Easy", "Look-up variables", "0.33", "0.00"]),
            row(&["20", "Normal", "Measure 2 variables", "0.51", "0.00"]),
        ];
        assert!(!names_columns(&rows, 1));
        // Words, years or bold type over the values name the columns.
        let words = vec![
            row(&["Task", "Level", "Name", "Score", "Cost"]),
            rows[2].clone(),
        ];
        assert!(names_columns(&words, 0));
        let years = vec![
            row(&["", "2023", "2022"]),
            row(&["Revenue", "1,234", "987.5"]),
        ];
        assert!(names_columns(&years, 0));
        let bold = |t: &str| format!("{}{t}{}", crate::rich::BOLD_ON, crate::rich::BOLD_OFF);
        let set_off = vec![rows[1].iter().map(|c| bold(c)).collect(), rows[2].clone()];
        assert!(names_columns(&set_off, 0));
    }

    /// A value stated with its spread ("67.7, SD = 9.6") is a measured value, like the
    /// plain figures under it: the row is the body's first. A year with a word
    /// ("FY2023") has no point, and names its column.
    #[test]
    fn values_stated_with_their_spread_name_no_columns() {
        let rows = vec![
            row(&[
                "Age: mean, SD",
                "67.7, SD = 9.6",
                "72.8, SD = 7.4",
                "<0.001",
            ]),
            row(&["Gender (females) (%)", "53.1", "64.1", "<0.001"]),
        ];
        assert!(!names_columns(&rows, 0));
        let fiscal = vec![
            row(&["", "FY2023", "FY2022", "Q1 2024"]),
            row(&["Revenue", "1,234.5", "987.5", "12.5"]),
        ];
        assert!(names_columns(&fiscal, 0));
    }
}
