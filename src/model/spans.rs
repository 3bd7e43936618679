//! Table cells printed across several columns: a heading over a group of columns ("Year
//! Ended" over "2023 | 2022"). The table's rows keep a slot for every column; a span
//! says which slots one cell covers, so that writers that cannot span (GFM pipe tables,
//! plain text) still have a grid.

use serde::Serialize;

use super::Table;

/// A cell printed across several columns of one row.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct CellSpan {
    /// Row index in [`Table::rows`].
    pub row: usize,
    /// The first column it covers (where its text is).
    pub column: usize,
    /// How many columns it covers (2 or more).
    pub columns: usize,
}

/// Serde helper: a count left out when zero.
pub(super) fn is_zero(n: &usize) -> bool {
    *n == 0
}

impl Table {
    /// Rows of the header: the rows grouping columns, then the one naming them; none when
    /// the table has no header.
    pub fn head_rows(&self) -> usize {
        if self.header {
            (self.group_rows + 1).min(self.rows.len())
        } else {
            0
        }
    }

    /// Whether the table needs more than a grid of single cells to be written as printed:
    /// a cell across columns, or more than one header row.
    pub fn spans_cells(&self) -> bool {
        !self.spans.is_empty() || self.head_rows() > 1
    }

    /// The cells of row `r` as written with spans: (column, columns covered), the slots
    /// inside a span left out.
    pub fn spanned_cells(&self, r: usize) -> Vec<(usize, usize)> {
        let width = self.rows.get(r).map_or(0, Vec::len);
        let mut out = Vec::new();
        let mut k = 0;
        while k < width {
            let columns = self
                .spans
                .iter()
                .find(|s| s.row == r && s.column == k)
                .map_or(1, |s| s.columns.clamp(1, width - k));
            out.push((k, columns));
            k += columns;
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Inline;

    fn table(rows: &[&[&str]], spans: Vec<CellSpan>, group_rows: usize) -> Table {
        Table {
            header: true,
            group_rows,
            spans,
            rows: rows
                .iter()
                .map(|r| r.iter().map(|c| vec![Inline::text(*c)]).collect())
                .collect(),
            ..Default::default()
        }
    }

    #[test]
    fn a_span_hides_the_slots_it_covers() {
        let span = CellSpan {
            row: 0,
            column: 1,
            columns: 2,
        };
        let t = table(
            &[&["", "Year Ended", ""], &["Item", "2023", "2022"]],
            vec![span],
            1,
        );
        assert_eq!(t.spanned_cells(0), vec![(0, 1), (1, 2)]);
        assert_eq!(t.spanned_cells(1), vec![(0, 1), (1, 1), (2, 1)]);
        assert_eq!(t.head_rows(), 2);
        assert!(t.spans_cells());
        // A span reaching past the row is cut at its end.
        let wide = CellSpan { columns: 5, ..span };
        let t = table(&[&["a", "b", "c"]], vec![wide], 0);
        assert_eq!(t.spanned_cells(0), vec![(0, 1), (1, 2)]);
    }

    #[test]
    fn a_plain_grid_spans_nothing() {
        let t = table(&[&["a", "b"], &["1", "2"]], Vec::new(), 0);
        assert!(!t.spans_cells());
        assert_eq!(t.head_rows(), 1);
        let headless = Table { header: false, ..t };
        assert_eq!(headless.head_rows(), 0);
    }
}
