//! Tables on PDF pages: cells are separate lines (the reader never joins text across a
//! column-wide gap), so a table shows as lines whose left edges fall on a few shared
//! x positions, row after row, with wrapped cells continuing below their first line.
//!
//! Alignment across rows is what tells a table from a justified line whose words were
//! drawn one by one (their positions differ from line to line) and from a label set
//! apart from its text (a list or a note, whose first column holds only markers).

use super::cell_lines::{continues, starts_row};
use super::placed_cells::{PlacedCell, row_cells};
use super::table_header::{Column, header_columns};
use super::table_run::{TableRun, labels_only, reads_as_prose};
use crate::lines::TextLine;

/// Logical rows, the header included, needed to believe in a table.
const MIN_ROWS: usize = 3;

/// Finds tables among PDF lines: a header row of two or more cells on one baseline, then
/// lines that each start at one of the header's columns and stay inside it; failing that,
/// a table whose columns only the header cells' extents tell (see
/// [`super::extent_tables`]).
pub fn find(lines: &[TextLine]) -> Vec<TableRun> {
    runs(lines, 0, lines.len(), |lines, i| {
        // A label beside its block of text shares the block's first baseline by design:
        // no table's header row.
        if lines[i].side_label {
            return Vec::new();
        }
        let found = tables_at(lines, i);
        if found.is_empty() {
            super::extent_tables::table_at(lines, i)
                .into_iter()
                .collect()
        } else {
            found
        }
    })
    .into_iter()
    .map(TableRun::with_header_judged)
    .scan(0, |floor, run| {
        let run = super::header_above::with_header_above(lines, &run, *floor).unwrap_or(run);
        *floor = run.end;
        Some(run)
    })
    .fold(Vec::new(), |mut out: Vec<TableRun>, run| {
        match out.last_mut() {
            Some(table) if table.continued_by(&run, lines) => table.append(run),
            _ => out.push(run),
        }
        out
    })
}

/// The tables `tables_at` finds starting in `from..to` and ending by `to`.
fn runs(
    lines: &[TextLine],
    from: usize,
    to: usize,
    tables_at: impl Fn(&[TextLine], usize) -> Vec<TableRun>,
) -> Vec<TableRun> {
    let mut out = Vec::new();
    let mut i = from;
    while i < to {
        // A table's rows grouping its columns never reach back into the table before it.
        let floor = out.last().map_or(from, |run: &TableRun| run.end);
        let mut found = tables_at(&lines[..to], i);
        if found.first().is_some_and(|run| run.start < floor) {
            let first = found.remove(0).without_groups(i);
            found.insert(0, first);
        }
        match found.first().is_some_and(|run| run.start >= from) {
            true => {
                i = found.last().map_or(i + 1, |run| run.end);
                out.extend(found);
            }
            false => i += 1,
        }
    }
    out
}

/// The table whose header row starts at line `i`, or, when titles set apart in the
/// form's section style cut it ("Booking Agency" well below a form's last field, in the
/// bold type of the "Orders" over it), the table above the first title and those under
/// each, on the same columns: same-styled labels all stand as titles between tables, none
/// swallowed as a row. Failing a table under every title, the whole as one table with the
/// titles as section rows.
fn tables_at(lines: &[TextLine], i: usize) -> Vec<TableRun> {
    let Some(columns) = header_columns(lines, i) else {
        return Vec::new();
    };
    let size = lines[i].geometry.map_or(10.0, |g| g.font_size);
    let mut walked = walk(lines, i, &columns, size, true);
    if walked.title_end.is_some() {
        if let Some(parts) = sections(lines, i, &walked, &columns, size) {
            return parts;
        }
        walked = walk(lines, i, &columns, size, false);
    }
    judged(i, &walked, &columns, size, false)
        .map(|run| with_groups(lines, run, &columns))
        .into_iter()
        .collect()
}

fn with_groups(lines: &[TextLine], run: TableRun, columns: &[Column]) -> TableRun {
    let extents: Vec<(f32, f32)> = columns.iter().map(|c| (c.start, c.end)).collect();
    super::column_groups::with_groups(lines, run, &extents)
}

/// The tables from line `i` on `columns`, `first` walked up to a section title (see
/// [`tables_at`]), when each part makes a table. A part under a title holds the columns
/// its lines are placed in (a section of a form using the first columns only).
fn sections(
    lines: &[TextLine],
    i: usize,
    first: &Walked,
    columns: &[Column],
    size: f32,
) -> Option<Vec<TableRun>> {
    let mut out = vec![with_groups(
        lines,
        judged(i, first, columns, size, false)?,
        columns,
    )];
    let mut next = first.title_end;
    while let Some(from) = next {
        let walked = walk(lines, from, columns, size, true);
        out.push(judged(from, &walked, columns, size, true)?);
        next = walked.title_end;
    }
    Some(out)
}

/// The lines of a table walked from its header row: the cells placed, one past its last
/// line, and, when a section title ended it, one past the title's row.
struct Walked {
    placed: Vec<PlacedCell>,
    end: usize,
    title_end: Option<usize>,
}

/// Walks the table whose header row starts at line `i` on `columns`; with `cut`, a
/// section title set apart from the rows above ends it (see [`sets_off_a_section`]).
fn walk(lines: &[TextLine], i: usize, columns: &[Column], size: f32, cut: bool) -> Walked {
    let page = lines[i].page;
    // The table runs while rows (the lines on one baseline) sit in the header's columns;
    // a row with a line that does not ends it whole, so that the start of another table's
    // header is not taken in as a cell.
    let mut end = i;
    let mut placed: Vec<PlacedCell> = Vec::new();
    let mut row_size = size;
    // The table's end and the cells placed after each row taken.
    let mut taken: Vec<(usize, usize)> = vec![(i, 0)];
    let mut previous_own = false;
    let mut title_end = None;
    // The closest two rows' baselines have been: the table's row pitch.
    let mut pitch = f32::INFINITY;
    let mut last_baseline = None;
    // The last section title in one column taken as a row (the entry of `taken` before
    // it), and whether a row under it has filled two columns.
    let mut last_section: Option<(usize, bool)> = None;
    while end < lines.len() && lines[end].page == page {
        let row_end = baseline_end(lines, end);
        let row = &lines[end..row_end];
        let baseline = lines[end].geometry.map(|g| g.baseline);
        // A title over rows that no longer fit the columns ends the table; one over rows
        // that do is a section row of it, unless set apart from the rows above.
        let section = end > i && titles_a_section(row, size, row_size);
        if section {
            let next_fits = row_end < lines.len()
                && lines[row_end].page == page
                && row_cells(&lines[row_end..baseline_end(lines, row_end)], columns, size)
                    .is_some();
            if !next_fits {
                break;
            }
            if cut && sets_off_a_section(baseline, last_baseline, pitch) {
                title_end = Some(row_end);
                break;
            }
        }
        let Some(cells) = row_cells(row, columns, size) else {
            break;
        };
        // Two lines across the table one under the other are a paragraph, not remarks.
        let own = !cells.is_empty() && cells.iter().all(|c| c.own_row);
        if own && previous_own {
            break;
        }
        previous_own = own;
        let one_column = cells.iter().all(|c| c.column == cells[0].column);
        if section {
            // (A title in two columns is a row of the form's own labels.)
            last_section = one_column.then_some((taken.len() - 1, false));
        } else if let Some((_, filled)) = &mut last_section {
            *filled |= !one_column;
        }
        if end > i && !section {
            row_size = row
                .iter()
                .filter_map(|l| l.geometry)
                .fold(row_size, |m, g| m.max(g.font_size));
        }
        if let (Some(b), Some(a)) = (baseline, last_baseline) {
            pitch = pitch.min(b - a);
        }
        last_baseline = baseline;
        placed.extend(cells);
        end = row_end;
        taken.push((end, placed.len()));
    }
    // A title with nothing under it that fills two columns titles no part of the table:
    // it is a heading over the text after the table ("1 First section" in large bold over
    // "Some text here..." after a contents table, its number set apart).
    if let Some((k, false)) = last_section {
        taken.truncate(k + 1);
        placed.truncate(taken[k].1);
        end = taken[k].0;
        title_end = None;
    }
    // A line across the table from its first column in other type ends no table: below
    // the last row it is a note or the text after the table, not a row. Nor does a label
    // alone in the first column a line's pitch under the last row, not going on with the
    // label above, over a paragraph that starts under it: it heads that paragraph.
    let table_right = columns.last().map_or(f32::INFINITY, |c| c.end.max(c.start));
    let heads_text = |label: &PlacedCell, next: usize| {
        lines.get(next).is_some_and(|l| {
            l.page == page
                && l.geometry.is_some_and(|g| {
                    (g.bbox.x0 - label.x0).abs() <= label.size
                        && g.bbox.x1 > table_right + label.size
                        && g.baseline - label.baseline <= 3.0 * label.size
                })
        })
    };
    let lone_label = |placed: &[PlacedCell], before: usize, next: usize| {
        let last = placed[..before]
            .iter()
            .map(|c| c.baseline)
            .fold(f32::NEG_INFINITY, f32::max);
        let label = &placed[before];
        let measure = placed
            .iter()
            .filter(|c| c.column == 0)
            .map(|c| c.x1)
            .fold(columns[1].start - 1.5 * size, f32::max);
        placed.len() == before + 1
            && label.column == 0
            && label.baseline - last <= 1.6 * size
            && heads_text(label, next)
            && placed[..before]
                .iter()
                .rfind(|c| c.column == 0)
                .is_some_and(|a| !continues(a.line(), label.line(), measure))
    };
    while let [.., (_, before), (next, after)] = taken[..]
        && before > 0
        && (placed[before..after].iter().all(|c| c.own_row)
            || lone_label(&placed[..after], before, next))
    {
        taken.pop();
        placed.truncate(before);
        end = taken.last().map_or(i, |t| t.0);
        // The rows given back leave the title where it was: no longer right under the table.
        title_end = None;
    }
    Walked {
        placed,
        end,
        title_end,
    }
}

/// Whether a section title on `baseline` stands apart from the table's last row (at
/// `last`): more than two of the table's row pitches below it.
fn sets_off_a_section(baseline: Option<f32>, last: Option<f32>, pitch: f32) -> bool {
    match (baseline, last) {
        (Some(b), Some(a)) => pitch.is_finite() && b - a > 2.0 * pitch,
        _ => false,
    }
}

/// The table of the cells `walked` from its header row at line `i` on `columns`, when
/// they make one: enough rows, most holding two cells or more, a full header row, not a
/// list and not prose. With `used_only`, columns no line is placed in are left out.
fn judged(
    i: usize,
    walked: &Walked,
    columns: &[Column],
    size: f32,
    used_only: bool,
) -> Option<TableRun> {
    let (placed, end) = (&walked.placed, walked.end);
    let mut rows = rows_of(placed, columns, size);
    let used: Vec<bool> = (0..columns.len())
        .map(|k| !used_only || rows.iter().any(|r| !r[k].is_empty()))
        .collect();
    for row in &mut rows {
        let mut k = 0;
        row.retain(|_| {
            k += 1;
            used[k - 1]
        });
    }
    let width = used.iter().filter(|&&u| u).count();
    let filled = rows
        .iter()
        .filter(|r| r.iter().filter(|c| !c.is_empty()).count() >= 2)
        .count();
    let labels_only = labels_only(&rows);
    let header_full = rows
        .first()
        .is_some_and(|r| r.iter().all(|c| !c.is_empty()));
    // A header and a single row make a table when each of three or more columns holds
    // one short line of each (no phrase of running text), the row with a figure in it (a
    // form's summary: "Start Date  End Date  # Shows" over "12/20/24  12/31/24  48").
    let short = |c: &String| {
        let words = crate::rich::plain(c)
            .split_whitespace()
            .filter(|w| w.chars().any(char::is_alphanumeric))
            .count();
        (1..=4).contains(&words)
    };
    let single_row = rows.len() == 2
        && width >= 3
        && placed.len() == end - i
        && rows.iter().flatten().all(short)
        && rows[1]
            .iter()
            .any(|c| c.chars().any(|ch| ch.is_ascii_digit()));
    ((rows.len() >= MIN_ROWS || single_row)
        && width >= 2
        && filled * 3 >= rows.len() * 2
        && header_full
        && !labels_only
        && !reads_as_prose(&rows))
    .then_some(TableRun {
        start: i,
        end,
        rows,
        head: Default::default(),
    })
}

/// One past the last of the consecutive lines from `at` on `at`'s baseline (and page).
fn baseline_end(lines: &[TextLine], at: usize) -> usize {
    let Some(g) = lines[at].geometry else {
        return at + 1;
    };
    let tolerance = 0.3 * g.font_size;
    at + 1
        + lines[at + 1..]
            .iter()
            .take_while(|l| {
                l.page == lines[at].page
                    && l.geometry
                        .is_some_and(|h| (h.baseline - g.baseline).abs() <= tolerance)
            })
            .count()
}

/// Whether a row is the title of the next part of the page rather than a row of the
/// table: all of it bold and set larger than the header (`header` size) and the rows so
/// far (`rows` size): "Show Details" over a form's next table.
fn titles_a_section(row: &[TextLine], header: f32, rows: f32) -> bool {
    row.iter().all(|l| {
        l.geometry
            .is_some_and(|g| g.font_size > 1.1 * header.max(rows))
            && crate::rich::all_bold(&l.text)
    })
}

/// Logical rows from placed cell lines: taken by baseline, a line in the first column
/// opens a row; other lines join the cell of their column in the current row (wrapped
/// cell text continues there). A line standing as a row of its own opens a row, and the
/// next line opens another.
///
/// Rows set without padding stand at the pitch of a cell's lines, so the text decides
/// whether lines of other columns under a cell's line start a row of their own (see
/// [`starts_row`]). Not under the header row: a header's second line goes on with its
/// cells ("(bn)").
fn rows_of(placed: &[PlacedCell], columns: &[Column], size: f32) -> Vec<Vec<String>> {
    let mut by_line: Vec<&PlacedCell> = placed.iter().collect();
    by_line.sort_by(|a, b| {
        a.baseline
            .total_cmp(&b.baseline)
            .then(a.column.cmp(&b.column))
    });
    let beside = |base: f32| {
        placed
            .iter()
            .any(|c| c.column != 0 && (c.baseline - base).abs() < 0.3 * size)
    };
    // How far each column's text may reach: its widest line, or near the next column.
    let mut measures: Vec<f32> = (0..columns.len())
        .map(|k| {
            columns
                .get(k + 1)
                .map_or(f32::NEG_INFINITY, |c| c.start - 1.5 * size)
        })
        .collect();
    for c in placed {
        if let Some(m) = measures.get_mut(c.column) {
            *m = m.max(c.x1);
        }
    }
    let measure = |k: usize| measures.get(k).copied().unwrap_or(f32::NEG_INFINITY);
    let level = |a: f32, b: f32| (a - b).abs() <= 0.3 * size;
    let mut rows: Vec<Vec<String>> = Vec::new();
    let mut row_base = f32::NEG_INFINITY;
    let mut last_base = f32::NEG_INFINITY;
    let mut after_own_row = false;
    // The current row's last line in each column.
    let mut above: Vec<Option<&PlacedCell>> = vec![None; columns.len()];
    let mut from = 0;
    while from < by_line.len() {
        let base = by_line[from].baseline;
        let to = from
            + by_line[from..]
                .iter()
                .take_while(|c| level(c.baseline, base))
                .count();
        // A row's cells in column order: a cell drawn a little above its row's first
        // column (its baseline within the tolerance) must not join the row before.
        let mut group = by_line[from..to].to_vec();
        group.sort_by_key(|c| c.column);
        from = to;
        // Lines of other columns under a body row: its next row's cells, or its own
        // cells going on (see [`starts_row`]). A line of a column whose last line in the
        // row is not right above it goes on with its cell.
        let mut under = Vec::new();
        for c in &group {
            let a = above.get(c.column).copied().flatten();
            if a.is_some_and(|a| !level(a.baseline, last_base)) {
                under.clear();
                break;
            }
            under.push((a.map(PlacedCell::line), c.line(), measure(c.column)));
        }
        let next_row = rows.len() >= 2
            && group.iter().all(|c| c.column != 0 && !c.own_row)
            && starts_row(&under, above.iter().skip(1).all(Option::is_none));
        if next_row {
            rows.push(vec![String::new(); columns.len()]);
            row_base = base;
            above.fill(None);
        }
        for &cell in &group {
            let k = cell.column;
            // A first-column line on a new baseline opens a row when other cells stand
            // beside it or a row's gap sets it off; otherwise it is the first cell wrapping.
            let opens = cell.own_row
                || (k == 0
                    && base > row_base + 0.3 * size
                    && (after_own_row || beside(base) || base - last_base > 1.6 * size));
            if rows.is_empty() || opens {
                rows.push(vec![String::new(); columns.len()]);
                row_base = base;
                above.fill(None);
            }
            after_own_row = cell.own_row;
            if let Some(slot) = above.get_mut(k) {
                *slot = Some(cell);
            }
            if let Some(text) = rows.last_mut().and_then(|r| r.get_mut(k)) {
                super::table_run::append_cell(text, &cell.text);
            }
        }
        last_base = base;
    }
    rows
}

#[cfg(test)]
#[path = "placed_tables_tests.rs"]
mod tests;
