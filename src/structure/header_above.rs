//! The header of a table found from a body row: when the row a table was found from reads
//! as a body row (see [`super::table_header::names_columns`]), its column names are
//! often the lines just above it that no single baseline holds: header cells wrapped
//! onto two lines and centred, names set on a slant over narrow columns, a stub heading
//! ("# Topic Task") on one baseline and the value columns' names on another. Each such
//! line stands over one of the table's columns; read together, the fullest row of them
//! names the columns, rows above it group them, and a row under it (a section title
//! over the first rows) is the body's first row.

use super::table_header::{ALIGN, Column, header_columns};
use super::table_run::{GroupedHead, TableRun, append_cell};
use crate::lines::TextLine;

/// Words a header cell has at most: more is a sentence (the caption, a paragraph).
const MAX_WORDS: usize = 6;
/// Rows of lines above the table taken at most.
const MAX_ROWS: usize = 4;

/// The headless table `run` with the lines just above it (down to line `floor`) as its
/// header, when they name its columns; `None` when they do not.
pub(super) fn with_header_above(
    lines: &[TextLine],
    run: &TableRun,
    floor: usize,
) -> Option<TableRun> {
    if !run.head.headless || run.head.rows > 0 {
        return None;
    }
    let columns = header_columns(lines, run.start)?;
    let width = run.rows.first()?.len();
    if columns.len() != width || width < 3 {
        return None;
    }
    let first = lines[run.start].geometry?;
    let size = first.font_size.max(1.0);
    // Lines above, nearest first, each over one column and close under the one above.
    // (line, its column, whether it runs on over the next columns)
    let mut taken: Vec<(usize, usize, bool)> = Vec::new();
    let mut top = first.bbox.y0;
    let mut k = run.start;
    while k > floor {
        let l = &lines[k - 1];
        let Some(g) = l.geometry else { break };
        let words = crate::rich::plain(&l.text).split_whitespace().count();
        // Aligned with a column, or else a name (words, no figure: not a row the table
        // above left behind) reaching over one column and no other, give or take the
        // alignment's slack: a name centred over figures narrower than itself.
        let column = columns
            .iter()
            .position(|c| c.holds(g.bbox.x0, g.bbox.x1))
            .or_else(|| {
                let mut over = columns
                    .iter()
                    .enumerate()
                    .filter(|(_, c)| g.bbox.x0 < c.end + ALIGN && g.bbox.x1 > c.start - ALIGN);
                let (first, _) = over.next()?;
                (over.next().is_none() && !holds_figure(&l.text)).then_some(first)
            });
        // Over one column, or starting where one starts: a section title running on
        // over the next columns stays in its first (but a header cell may not; see
        // below).
        let alone = column.is_some_and(|c| {
            columns
                .iter()
                .enumerate()
                .all(|(j, o)| j == c || !covers(o, g.bbox.x0, g.bbox.x1))
        });
        let over_one =
            alone || column.is_some_and(|c| (g.bbox.x0 - columns[c].start).abs() <= ALIGN);
        let close = g.bbox.y1 <= first.bbox.y0 + 0.5 * size && g.bbox.y1 >= top - 1.5 * size;
        // A rule typed as a row of dots between the header and the body is passed over.
        if l.page == lines[run.start].page && close && typed_rule(&l.text) {
            top = top.min(g.bbox.y0);
            k -= 1;
            continue;
        }
        if l.page != lines[run.start].page || words > MAX_WORDS || !over_one || !close {
            break;
        }
        taken.push((k - 1, column?, !alone));
        top = top.min(g.bbox.y0);
        k -= 1;
    }
    // A row is taken whole or not at all: lines level with the one that stopped the walk
    // (a group heading over no single column beside those that are) stay above the table.
    if let Some(stop) = k.checked_sub(1).map(|s| &lines[s])
        && let Some(sg) = stop.geometry
    {
        while let Some(&(i, ..)) = taken.last() {
            let level = lines[i]
                .geometry
                .is_some_and(|g| (g.bbox.y1 - sg.bbox.y1).abs() <= 0.5 * size);
            if !level || stop.page != lines[i].page {
                break;
            }
            taken.pop();
            k += 1;
        }
    }
    if taken.is_empty() {
        return None;
    }
    let mut rows = bands(lines, &taken, size, width)?;
    // The fullest row names the columns (the lowest of equals: rows over it group
    // them): it must fill half of them or more, mostly with words.
    let (mut named, filled) = rows
        .iter()
        .enumerate()
        .map(|(r, row)| (r, row.iter().filter(|c| !c.text.is_empty()).count()))
        .max_by_key(|&(r, n)| (n, r))?;
    let worded = rows[named]
        .iter()
        .filter(|c| crate::rich::plain(&c.text).chars().any(char::is_alphabetic))
        .count();
    // Names running over the columns beside theirs ("Top-5 Top-20 Top-100" drawn as one
    // line) cannot be told apart: such a header is not rebuilt. (A heading over a group
    // of columns, in a row above, stays in the column it starts over.)
    // A measured value among them ("30.50") is a row the table above left behind.
    if filled * 2 < width
        || worded * 2 < filled
        || rows[named]
            .iter()
            .any(|c| c.spans || super::table_header::measured(&c.text))
    {
        return None;
    }
    // Names wrapped onto several lines ("PARTICIPANTS / WHO REMAINED / DEMENTIA-FREE")
    // leave rows over the names' own columns and no other, each line within its column,
    // filling more than half of the columns the names fill: they are the names' first
    // lines, not headings over groups of columns (which stand over fewer, or reach over
    // their neighbours).
    while named > 0 {
        let (upper, lower) = (&rows[named - 1], &rows[named]);
        let over = upper.iter().filter(|c| !c.text.is_empty()).count();
        let wrapped = upper
            .iter()
            .zip(lower)
            .all(|(a, n)| a.text.is_empty() || (!a.spans && !n.text.is_empty()));
        if !wrapped || over * 2 <= filled {
            break;
        }
        let upper = rows.remove(named - 1);
        named -= 1;
        for (mut a, n) in upper.into_iter().zip(rows[named].iter_mut()) {
            if !a.text.is_empty() {
                append_cell(&mut a.text, &n.text);
                n.text = a.text;
            }
        }
    }
    let mut out: Vec<Vec<String>> = rows
        .into_iter()
        .map(|r| r.into_iter().map(|c| c.text).collect())
        .collect();
    out.extend(run.rows.iter().cloned());
    Some(TableRun {
        start: k,
        end: run.end,
        rows: out,
        head: GroupedHead {
            rows: named,
            ..Default::default()
        },
    })
}

/// Whether a text holds a figure: no column's name alone, but a value (a row the table
/// above left behind).
fn holds_figure(text: &str) -> bool {
    crate::rich::plain(text).chars().any(|c| c.is_ascii_digit())
}

/// Whether a line is a rule typed out: a run of dots, rules or underscores and nothing
/// else ("........", "———").
fn typed_rule(text: &str) -> bool {
    let plain = crate::rich::plain(text);
    let marks = plain.chars().filter(|c| !c.is_whitespace());
    marks.clone().count() >= 8
        && marks
            .into_iter()
            .all(|c| matches!(c, '.' | '·' | '…' | '_' | '-' | '–' | '—' | '─'))
}

/// Whether a line from `x0` to `x1` reaches over the whole of column `c` (a name set on
/// a slant reaches into the next column, not across it).
fn covers(c: &Column, x0: f32, x1: f32) -> bool {
    x0 <= c.start + 0.5 && x1 >= c.end - 0.5
}

/// A cell of the rows above: its text, and whether its line runs on over the columns
/// beside its own.
#[derive(Clone, Default)]
struct Cell {
    text: String,
    spans: bool,
    /// The last line set in the cell.
    last: Option<usize>,
}

/// The taken lines as rows top to bottom: lines whose bottoms are level (within half an
/// em) share a row, and a row whose cells fall in columns the row under it leaves empty
/// joins it (names on a slant end a little above the stub's names beside them). `None`
/// when a column of one row would hold two lines side by side, or too many rows.
fn bands(
    lines: &[TextLine],
    taken: &[(usize, usize, bool)],
    size: f32,
    width: usize,
) -> Option<Vec<Vec<Cell>>> {
    let mut by_bottom: Vec<(f32, usize, usize, bool)> = taken
        .iter()
        .filter_map(|&(i, c, spans)| Some((lines[i].geometry?.bbox.y1, i, c, spans)))
        .collect();
    by_bottom.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)));
    let mut rows: Vec<(f32, Vec<Cell>)> = Vec::new();
    for (bottom, i, c, spans) in by_bottom {
        let joins = rows.last().is_some_and(|(b, _)| bottom - b <= 0.5 * size);
        if !joins {
            rows.push((bottom, vec![Cell::default(); width]));
        }
        let (b, row) = rows.last_mut()?;
        *b = bottom;
        if !row[c].text.is_empty() {
            // A name wrapped onto a second line under its first, set level with the
            // other names' one line, goes on in its cell; two lines side by side do not.
            let stacked = row[c]
                .last
                .and_then(|a| lines[a].geometry)
                .is_some_and(|a| {
                    lines[i]
                        .geometry
                        .is_some_and(|g| g.bbox.y0 >= a.bbox.y1 - 0.3 * size)
                });
            if !stacked || holds_figure(&row[c].text) || holds_figure(&lines[i].text) {
                return None;
            }
            append_cell(&mut row[c].text, lines[i].text.trim());
            row[c].last = Some(i);
            continue;
        }
        row[c] = Cell {
            text: lines[i].text.trim().to_string(),
            spans,
            last: Some(i),
        };
    }
    let mut merged: Vec<(f32, Vec<Cell>)> = Vec::new();
    for (bottom, row) in rows {
        match merged.last_mut() {
            Some((b, above))
                if bottom - *b <= size
                    && above
                        .iter()
                        .zip(&row)
                        .all(|(a, r)| a.text.is_empty() || r.text.is_empty()) =>
            {
                for (a, r) in above.iter_mut().zip(row) {
                    if a.text.is_empty() {
                        *a = r;
                    }
                }
                *b = bottom;
            }
            _ => merged.push((bottom, row)),
        }
    }
    (merged.len() <= MAX_ROWS).then(|| merged.into_iter().map(|(_, r)| r).collect())
}
