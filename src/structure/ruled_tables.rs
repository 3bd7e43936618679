//! Tables the page draws as a grid of rules: the layout pass has put each of their lines
//! in its cell ([`TextLine::cell`]) and gathered them cell by cell, so the grid is read
//! as drawn, cells printed across columns included, where alignment alone would have to
//! guess it.

use std::collections::BTreeMap;

use crate::lines::TextLine;
use crate::model::CellSpan;

use super::cell_lines::{CellLine, goes_on};
use super::table_header::names_columns;
use super::table_run::{GroupedHead, TableRun, append_cell};

/// Rows over the row naming the columns that may group them.
const MAX_GROUP_ROWS: usize = 2;

/// The ruled tables among `lines`: each run of lines in cells of one grid, blank lines
/// between them included.
pub fn find(lines: &[TextLine]) -> Vec<TableRun> {
    crate::lines::runs_by(lines, |l| l.cell.map(|c| c.grid))
        .into_iter()
        .map(|run| table(lines, run.start, run.end))
        .collect()
}

/// The lines of one cell, in reading order, and how many columns it covers.
type CellLines<'a> = (Vec<&'a TextLine>, u16);

/// The table of lines `start..end`, all in cells of one grid: each ruled row gives one
/// row or, where its cells hold rows of text the rules leave undivided, several (see
/// [`text_rows`]); rows holding no text are left out, and each cell across columns is a
/// span of the rows it stands in.
fn table(lines: &[TextLine], start: usize, end: usize) -> TableRun {
    let mut ruled: BTreeMap<u16, BTreeMap<u16, CellLines>> = BTreeMap::new();
    for line in &lines[start..end] {
        let Some(c) = line.cell else { continue };
        let cell = ruled.entry(c.row).or_default().entry(c.column).or_default();
        cell.0.push(line);
        cell.1 = c.columns;
    }
    let columns = ruled
        .values()
        .flatten()
        .map(|(&c, (_, n))| usize::from(c + (*n).max(1)))
        .max()
        .unwrap_or(0);
    let mut rows = Vec::new();
    let mut spans = Vec::new();
    for cells in ruled.values() {
        for text_row in text_rows(cells) {
            let mut row = vec![String::new(); columns];
            for (&c, (cell_lines, _)) in &text_row {
                for l in cell_lines {
                    append_cell(&mut row[usize::from(c)], l.text.trim());
                }
            }
            if row.iter().all(|t| t.trim().is_empty()) {
                continue;
            }
            spans.extend(
                text_row
                    .iter()
                    .filter(|(_, (_, n))| *n > 1)
                    .map(|(&c, (_, n))| CellSpan {
                        row: rows.len(),
                        column: usize::from(c),
                        columns: usize::from(*n),
                    }),
            );
            rows.push(row);
        }
    }
    // Rows opening the table with a cell across some of its columns, over a row naming
    // the columns, group them ("Year ended" over "2023 | 2022"); a cell across them all
    // is the table's title.
    let mut group_rows = 0;
    while group_rows < MAX_GROUP_ROWS
        && spans
            .iter()
            .any(|s| s.row == group_rows && s.columns < columns)
        && rows.len() > group_rows + 2
        && names_columns(&rows, group_rows + 1)
    {
        group_rows += 1;
    }
    TableRun {
        start,
        end,
        rows,
        head: GroupedHead {
            rows: group_rows,
            spans,
            ..GroupedHead::default()
        },
    }
    .with_header_judged()
}

/// The rows of text a ruled row holds. Some tables rule only their header and frame,
/// and set their body rows one per line: in such a row every cell holding text has a
/// line level with each row of text, and no such line goes on from the line above it
/// (see [`super::cell_lines`]). A level where only some cells have a line is a cell's
/// wrapped text (or a label set level with the middle of its neighbour's lines), and
/// stays with the row of text above it.
fn text_rows<'a>(cells: &BTreeMap<u16, CellLines<'a>>) -> Vec<BTreeMap<u16, CellLines<'a>>> {
    let whole = || vec![cells.clone()];
    let filled: Vec<u16> = cells
        .iter()
        .filter(|(_, (ls, _))| ls.iter().any(|l| !l.is_blank()))
        .map(|(&c, _)| c)
        .collect();
    let placed: Option<Vec<(u16, &TextLine, f32, f32)>> = cells
        .iter()
        .flat_map(|(&c, (ls, _))| ls.iter().map(move |l| (c, *l)))
        .filter(|(_, l)| !l.is_blank())
        .map(|(c, l)| l.geometry.map(|g| (c, l, g.baseline, g.font_size)))
        .collect();
    let Some(mut placed) = placed else {
        return whole();
    };
    if filled.len() < 2 {
        return whole();
    }
    placed.sort_by(|a, b| a.2.total_cmp(&b.2));
    // Levels: baselines within a third of the type's size of the one before.
    let mut levels: Vec<Vec<usize>> = Vec::new();
    for k in 0..placed.len() {
        let level_with_last = k > 0 && placed[k].2 - placed[k - 1].2 <= 0.3 * placed[k].3;
        match levels.last_mut() {
            Some(level) if level_with_last => level.push(k),
            _ => levels.push(vec![k]),
        }
    }
    let line_above = |k: usize| {
        let (c, _, baseline, _) = placed[k];
        placed[..k]
            .iter()
            .rev()
            .find(|p| p.0 == c && p.2 < baseline - 0.3 * p.3)
    };
    let cell_line = |l: &'a TextLine, size: f32| {
        let b = l.geometry.map(|g| g.bbox).unwrap_or_default();
        CellLine {
            text: &l.text,
            x0: b.x0,
            x1: b.x1,
            size,
        }
    };
    let opens: Vec<usize> = (0..levels.len())
        .filter(|&v| {
            let mut at: Vec<u16> = levels[v].iter().map(|&k| placed[k].0).collect();
            at.sort_unstable();
            at.dedup();
            at == filled
                && levels[v].iter().all(|&k| {
                    line_above(k).is_none_or(|&(_, above, _, size)| {
                        !goes_on(cell_line(above, size), cell_line(placed[k].1, placed[k].3))
                    })
                })
        })
        .collect();
    if opens.len() < 2 {
        return whole();
    }
    let mut out: Vec<BTreeMap<u16, CellLines>> = vec![BTreeMap::new(); opens.len()];
    for (v, level) in levels.iter().enumerate() {
        let row = opens.iter().rposition(|&o| o <= v).unwrap_or(0);
        for &k in level {
            let c = placed[k].0;
            out[row]
                .entry(c)
                .or_insert_with(|| (Vec::new(), cells[&c].1))
                .0
                .push(placed[k].1);
        }
    }
    // Each cell's lines in the order they were gathered (pieces of one line stay in
    // their order whatever hairline their baselines differ by).
    for row in &mut out {
        for (c, (ls, _)) in row.iter_mut() {
            let order = &cells[c].0;
            ls.sort_by_key(|l| order.iter().position(|o| std::ptr::eq(*o, *l)));
        }
    }
    // A cell across columns keeps its span in every row of text.
    for (&c, (_, n)) in cells.iter().filter(|(_, (_, n))| *n > 1) {
        for row in &mut out {
            row.entry(c).or_insert_with(|| (Vec::new(), *n));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lines::GridCell;

    fn in_cell(text: &str, row: u16, column: u16, columns: u16) -> TextLine {
        let mut l = crate::lines::test_placed(
            text,
            1,
            60.0 + 100.0 * f32::from(column),
            150.0,
            100.0 + 20.0 * f32::from(row),
            10.0,
        );
        l.cell = Some(GridCell {
            grid: 3,
            row,
            column,
            columns,
        });
        l
    }

    /// Cells across columns are spans of their rows, a cell over two lines is one text,
    /// an empty cell keeps its place, and text outside the grid is no part of it.
    #[test]
    fn cells_keep_their_places_and_spans() {
        let lines = vec![
            TextLine::new("Text above.", 1, 1),
            in_cell("Country", 0, 0, 1),
            in_cell("Indonesia", 0, 1, 1),
            in_cell("Austria", 0, 2, 1),
            in_cell("France", 0, 3, 1),
            in_cell("Continent", 1, 0, 1),
            in_cell("Asia", 1, 1, 1),
            in_cell("Europe", 1, 2, 2),
            in_cell("Capital", 2, 0, 1),
            in_cell("Vienna", 2, 2, 1),
            in_cell("Paris and", 2, 3, 1),
            in_cell("nowhere else", 2, 3, 1),
            TextLine::new("Text below.", 1, 9),
        ];
        let t = find(&lines);
        assert_eq!(t.len(), 1);
        assert_eq!((t[0].start, t[0].end), (1, 12));
        assert_eq!(
            t[0].rows,
            vec![
                vec!["Country", "Indonesia", "Austria", "France"],
                vec!["Continent", "Asia", "Europe", ""],
                vec!["Capital", "", "Vienna", "Paris and nowhere else"],
            ]
        );
        assert_eq!(
            t[0].head.spans,
            vec![CellSpan {
                row: 1,
                column: 2,
                columns: 2
            }]
        );
    }

    /// Two grids read one after the other stay two tables.
    #[test]
    fn two_grids_are_two_tables() {
        let mut lines = vec![
            in_cell("a", 0, 0, 1),
            in_cell("b", 0, 1, 1),
            in_cell("c", 1, 0, 1),
            in_cell("d", 1, 1, 1),
        ];
        let mut second = lines.clone();
        for l in &mut second {
            l.cell = l.cell.map(|c| GridCell { grid: 4, ..c });
        }
        lines.extend(second);
        let t = find(&lines);
        assert_eq!(t.len(), 2);
        assert_eq!((t[1].start, t[1].end), (4, 8));
    }
}
