//! Tables a tagged PDF's structure tree draws: its `Table` element, the `TR` rows in it
//! and the `TD`/`TH` cells in each row give the grid outright, where the layout can only
//! guess it from alignment (a cell drawn out of line, a row whose values were drawn after
//! the labels, a cell left empty). The reader puts each line's cell on its tag (see
//! [`crate::source::CellPlace`]); the tags reach this pass only when the tree was judged
//! trustworthy (`super::tagged`).
//!
//! A table used to lay out a page (a letterhead in two cells, paragraphs side by side)
//! is no table of data: one row or one column, or a cell holding a paragraph, leaves
//! the lines to the layout.

use std::collections::BTreeMap;

use crate::lines::TextLine;
use crate::source::CellPlace;

use super::table_run::{GroupedHead, TableRun, append_cell};

/// A cell of more words than this holds running text: the table lays out the page.
const MAX_CELL_WORDS: usize = 40;

/// The tagged tables among `lines`: each run of lines in cells of one table, blank lines
/// between them included, and lines the tree does not claim (a link's text drawn outside
/// marked content) when the table goes on after them.
pub fn find(lines: &[TextLine]) -> Vec<TableRun> {
    let cell = |l: &TextLine| l.tag.and_then(|t| t.cell);
    let mut out = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        let Some(first) = cell(&lines[i]) else {
            i += 1;
            continue;
        };
        let mut last = i;
        let mut k = i + 1;
        while k < lines.len() {
            match (cell(&lines[k]), lines[k].tag) {
                (Some(c), _) if c.table == first.table => last = k,
                (None, None) => {}
                (None, Some(_)) if lines[k].is_blank() => {}
                _ => break,
            }
            k += 1;
        }
        if let Some(run) = grid(lines, i, last + 1) {
            out.push(run);
        }
        i = last + 1;
    }
    out
}

/// The table of lines `start..end`, all in cells of one table; `None` when it lays out
/// the page rather than holding data.
fn grid(lines: &[TextLine], start: usize, end: usize) -> Option<TableRun> {
    let mut cells: BTreeMap<(u32, u32), (String, bool)> = BTreeMap::new();
    for line in &lines[start..end] {
        // Text the tree puts in no cell leaves the grid unproven.
        if line.tag.is_none() && !line.is_blank() {
            return None;
        }
        let Some(CellPlace {
            row,
            column,
            header,
            whole,
            ..
        }) = line.tag.and_then(|t| t.cell)
        else {
            continue;
        };
        // A line across cells leaves the grid unproven: the layout reads the table.
        if !whole {
            return None;
        }
        let cell = cells.entry((row, column)).or_default();
        append_cell(&mut cell.0, line.text.trim());
        cell.1 = header;
    }
    // Rows with no text at all are left out; columns keep their places.
    let row_numbers: Vec<u32> = {
        let mut r: Vec<u32> = cells.keys().map(|&(r, _)| r).collect();
        r.dedup();
        r
    };
    let columns = cells.keys().map(|&(_, c)| c as usize + 1).max()?;
    if row_numbers.len() < 2 || columns < 2 {
        return None;
    }
    let too_long = cells
        .values()
        .any(|(text, _)| crate::rich::plain(text).split_whitespace().count() > MAX_CELL_WORDS);
    if too_long {
        return None;
    }
    // Columns with no text in any row (cells a spreadsheet tags but leaves empty) are
    // left out.
    let filled: Vec<u32> = (0..columns as u32)
        .filter(|&c| {
            row_numbers
                .iter()
                .any(|&r| cells.get(&(r, c)).is_some_and(|t| !t.0.trim().is_empty()))
        })
        .collect();
    if filled.len() < 2 {
        return None;
    }
    let rows: Vec<Vec<String>> = row_numbers
        .iter()
        .map(|&r| {
            filled
                .iter()
                .map(|&c| cells.get(&(r, c)).map(|t| t.0.clone()).unwrap_or_default())
                .collect()
        })
        .collect();
    // A first row of `TH` cells is the header; otherwise the rows decide, as for a
    // table found from the layout.
    let first_row_heads = cells
        .range((row_numbers[0], 0)..(row_numbers[0] + 1, 0))
        .all(|(_, (_, header))| *header);
    let run = TableRun {
        start,
        end,
        rows,
        head: GroupedHead::default(),
    };
    Some(if first_row_heads {
        run
    } else {
        run.with_header_judged()
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::source::{LineTag, TagKind};

    fn in_cell(text: &str, table: u32, row: u32, column: u32, header: bool) -> TextLine {
        let mut l =
            crate::lines::test_placed(text, 1, 60.0 + 100.0 * column as f32, 150.0, 100.0, 10.0);
        l.tag = Some(LineTag {
            artifact: None,
            kind: TagKind::TableCell,
            element: 10 + row * 10 + column,
            list_depth: 0,
            in_table: true,
            in_note: false,
            cell: Some(CellPlace {
                table,
                row,
                column,
                header,
                whole: true,
            }),
        });
        l
    }

    /// Cells read column by column, an empty cell and a cell over two lines: the tree's
    /// rows and columns place every one.
    #[test]
    fn the_tree_places_each_cell_whatever_the_reading_order() {
        let lines = vec![
            TextLine::new("Text above.", 1, 1),
            in_cell("Region", 7, 0, 0, true),
            in_cell("Iowa", 7, 1, 0, false),
            in_cell("Nebraska", 7, 2, 0, false),
            in_cell("W/E 02/24", 7, 0, 1, true),
            in_cell("1.35 -", 7, 1, 1, false),
            in_cell("1.42", 7, 1, 1, false),
            in_cell("Year Ago", 7, 0, 2, true),
            in_cell("1.27", 7, 1, 2, false),
            in_cell("1.30", 7, 2, 2, false),
            TextLine::new("Text below.", 1, 9),
        ];
        let t = find(&lines);
        assert_eq!(t.len(), 1);
        assert_eq!((t[0].start, t[0].end), (1, 10));
        assert_eq!(
            t[0].rows,
            vec![
                vec!["Region", "W/E 02/24", "Year Ago"],
                vec!["Iowa", "1.35 - 1.42", "1.27"],
                vec!["Nebraska", "", "1.30"],
            ]
        );
        assert!(!t[0].head.headless);
    }

    /// A one-row table laying out a letterhead, and a table whose cell holds a
    /// paragraph, are left to the layout.
    #[test]
    fn layout_tables_are_left_to_the_layout() {
        let letterhead = vec![
            in_cell("ACME Repair", 3, 0, 0, false),
            in_cell("12 Main Street", 3, 0, 1, false),
        ];
        assert!(find(&letterhead).is_empty());
        let paragraph = "word ".repeat(MAX_CELL_WORDS + 1);
        let prose = vec![
            in_cell("Summary", 4, 0, 0, false),
            in_cell(&paragraph, 4, 0, 1, false),
            in_cell("Detail", 4, 1, 0, false),
            in_cell("More words.", 4, 1, 1, false),
        ];
        assert!(find(&prose).is_empty());
    }
}
