//! Tables whose columns are told by the extents of their header cells rather than by
//! shared left edges: figures set flush right under a right-aligned header ("Tokens" over
//! "3.71T", "83.0B"), a row label wrapped under its first line in smaller type, a cell
//! centred against a label of several lines, a section row spanning some columns, and a
//! stub column of row labels that has no header of its own (a financial statement).
//!
//! Each line of the table must fall in one column (overlap one header cell, or sit in the
//! gap beside it) or span columns inside the header's width; a line reaching out past the
//! header on both sides of a column (the caption, the paragraph after) ends the table.

use super::cell_lines::{CellLine, continues, starts_row};
use super::column_groups;
use super::table_header::{ALIGN, header_cells};
use super::table_run::{GroupedHead, TableRun, labels_only, reads_as_prose};
use crate::lines::TextLine;
use crate::model::CellSpan;

/// Header cells needed: with two, a line of two phrases set apart would do.
const MIN_COLUMNS: usize = 3;
/// Logical rows, the header included, needed to believe in a table.
const MIN_ROWS: usize = 4;

/// Where a line falls among the columns.
#[derive(Clone, Copy, PartialEq, Debug)]
enum Place {
    /// In one column (0 is the stub column, when the table has one; else unused).
    Column(usize),
    /// Across several columns from this one, inside the header's width: a section row.
    Span(usize),
    /// Outside the table.
    Outside,
}

/// Columns: the header cells' extents, and the right edge of a stub column of row labels
/// left of them, if lines stand there.
struct Columns {
    head: Vec<(f32, f32)>,
    size: f32,
}

impl Columns {
    /// Left edge before which a line belongs to the stub column.
    fn stub_edge(&self) -> f32 {
        self.head[0].0 - 2.0 * self.size
    }

    /// The header cells a line from `x0` to `x1` reaches over.
    fn over(&self, x0: f32, x1: f32) -> Vec<usize> {
        let tol = 0.5;
        (0..self.head.len())
            .filter(|&k| x0 < self.head[k].1 - tol && x1 > self.head[k].0 + tol)
            .collect()
    }

    fn last_start(&self) -> f32 {
        self.head[self.head.len() - 1].0
    }

    /// Where a line falls when the line before it in the last column ran past the
    /// header: a line starting inside the last header cell goes on with that cell (its
    /// second line, indented), however far it runs.
    fn place_after_wide_last(&self, x0: f32, x1: f32) -> Place {
        let last = self.head[self.head.len() - 1];
        match self.place(x0, x1) {
            Place::Outside if x0 >= last.0 - ALIGN && x0 < last.1 => Place::Column(self.head.len()),
            place => place,
        }
    }

    fn place(&self, x0: f32, x1: f32) -> Place {
        let tol = 0.5;
        if x1 <= self.stub_edge() {
            return Place::Column(0);
        }
        let (left, right) = (self.head[0].0, self.head[self.head.len() - 1].1);
        // A cell set flush left under the last header cell may run past it ("Batmobile"
        // under "2025"): it reaches out on one side only.
        let under_last = (x0 - self.last_start()).abs() <= ALIGN;
        // Reaching from the stub's side into the columns, or out past the last one: the
        // caption or the paragraph around the table.
        if (x0 < left - self.size && x1 > left + tol)
            || (x1 > right + 2.0 * self.size && !under_last)
        {
            return Place::Outside;
        }
        let over = self.over(x0, x1);
        match over.as_slice() {
            [k] => Place::Column(k + 1),
            // A section row spans some columns; a line over most of them is the caption
            // or a note below the table.
            [k, ..] if over.len() * 2 <= self.head.len() => Place::Span(k + 1),
            [_, ..] => Place::Outside,
            [] => {
                // In a gap: the column whose edge is nearest (a currency sign set apart
                // from its figure, a short figure right of its header).
                let gap = |k: usize| {
                    let (a, b) = self.head[k];
                    (a - x1).max(x0 - b).max(0.0)
                };
                (0..self.head.len())
                    .min_by(|&a, &b| gap(a).total_cmp(&gap(b)))
                    .map_or(Place::Outside, |k| Place::Column(k + 1))
            }
        }
    }
}

/// A line placed in the table: column (or span), top, bottom, text, and whether it opens
/// a row whatever its neighbours (the header row's first cell).
struct Placed<'a> {
    place: Place,
    opens: bool,
    /// The row over the header grouping its columns that the line is in, counted from the
    /// top: those rows are built apart (see [`grouping_rows`]).
    grouping: Option<usize>,
    /// For a line of such a row, the header cells a rule drawn beneath it reaches over
    /// (first, count), when it says more than the line's text.
    ruled: Option<(usize, usize)>,
    top: f32,
    bottom: f32,
    x0: f32,
    x1: f32,
    size: f32,
    /// The line's text, trimmed (borrowed: most lines walked end in no table).
    text: &'a str,
}

impl Placed<'_> {
    fn line(&self) -> CellLine<'_> {
        CellLine {
            text: self.text,
            x0: self.x0,
            x1: self.x1,
            size: self.size,
        }
    }
}

/// The table whose header row starts at line `i`, if the lines below it fall in the
/// header's columns.
pub(super) fn table_at(lines: &[TextLine], i: usize) -> Option<TableRun> {
    let head = header_cells(lines, i)?;
    if head.len() < MIN_COLUMNS {
        return None;
    }
    let g = lines[i].geometry?;
    let size = g.font_size.max(1.0);
    let columns = Columns {
        head: head.clone(),
        size,
    };
    let page = lines[i].page;
    let mut placed: Vec<Placed> = head
        .iter()
        .enumerate()
        .map(|(k, _)| {
            let l = &lines[i + k];
            let g = l.geometry.unwrap_or_default();
            Placed {
                place: Place::Column(k + 1),
                opens: k == 0,
                grouping: None,
                ruled: None,
                top: g.bbox.y0,
                bottom: g.bbox.y1,
                x0: g.bbox.x0,
                x1: g.bbox.x1,
                size: g.font_size,
                text: l.text.trim(),
            }
        })
        .collect();
    // Rows just above the header and inside its width head the columns below them
    // ("Year Ended" over three dates): see [`super::column_groups`].
    let mut groups = column_groups::rows_above(lines, i, head[0].0, head[head.len() - 1].1);
    // Headings side by side are taken only when one reaches over several columns; from
    // a row of lines over single columns up, the lines are the text above the table.
    let spans_some = |range: &std::ops::Range<usize>| {
        let row = &lines[range.clone()];
        row.iter().enumerate().any(|(k, l)| {
            l.geometry.is_some_and(|lg| {
                let n = column_groups::ruled_reach(row, k, &columns.head, 0)
                    .unwrap_or(column_groups::place_among(
                        &columns.head,
                        lg.bbox.x0,
                        lg.bbox.x1,
                    ))
                    .1;
                n >= 2 && column_groups::heads_columns(&l.text, n)
            })
        })
    };
    if let Some(r) = groups.iter().rposition(|r| r.len() > 1 && !spans_some(r)) {
        groups.drain(..=r);
    }
    let above = groups.len();
    let start = groups.first().map_or(i, |r| r.start);
    for (r, j) in groups
        .iter()
        .enumerate()
        .flat_map(|(r, js)| js.clone().map(move |j| (r, j)))
    {
        let lg = lines[j].geometry.unwrap_or_default();
        placed.push(Placed {
            place: columns.place(lg.bbox.x0, lg.bbox.x1),
            opens: true,
            grouping: Some(r),
            ruled: column_groups::ruled_reach(
                &lines[groups[r].clone()],
                j - groups[r].start,
                &columns.head,
                0,
            ),
            top: lg.bbox.y0,
            bottom: lg.bbox.y1,
            x0: lg.bbox.x0,
            x1: lg.bbox.x1,
            size: lg.font_size,
            text: lines[j].text.trim(),
        });
    }
    let mut end = i + head.len();
    let walk_from = placed.len();
    let mut bottom = g.bbox.y1;
    let table_right = head[head.len() - 1].1;
    let mut wide_last = false;
    while let Some(l) = lines.get(end) {
        let Some(lg) = l.geometry else { break };
        if l.page != page || lg.bbox.y0 > bottom + 2.5 * size || lg.font_size > 1.3 * size {
            break;
        }
        let place = if wide_last {
            columns.place_after_wide_last(lg.bbox.x0, lg.bbox.x1)
        } else {
            columns.place(lg.bbox.x0, lg.bbox.x1)
        };
        if place == Place::Outside {
            break;
        }
        if place == Place::Column(head.len()) {
            wide_last = lg.bbox.x1 > table_right + 2.0 * size;
        }
        placed.push(Placed {
            place,
            opens: false,
            grouping: None,
            ruled: None,
            top: lg.bbox.y0,
            bottom: lg.bbox.y1,
            x0: lg.bbox.x0,
            x1: lg.bbox.x1,
            size: lg.font_size,
            text: l.text.trim(),
        });
        bottom = bottom.max(lg.bbox.y1);
        end += 1;
    }
    if let Some(title) = next_table_title(&placed[walk_from..], size) {
        placed.truncate(walk_from + title);
        end = i + head.len() + title;
    }
    // Two cells of words side by side in one column: a column the header does not
    // name (a currency sign beside its figure is one cell).
    // Only lines within a third of an em of each other's top can share a row: taken by
    // their tops, each line is tried against those just below it, not against the whole
    // table (which made the test quadratic in the lines walked).
    let mut by_top: Vec<&Placed> = placed.iter().filter(|p| p.grouping.is_none()).collect();
    by_top.sort_by(|a, b| a.top.total_cmp(&b.top));
    let crowded = by_top.iter().enumerate().any(|(a, p)| {
        by_top[a + 1..]
            .iter()
            .take_while(|q| q.top - p.top < 0.3 * size)
            .any(|q| shares_column(p, q, size))
    });
    if crowded {
        return None;
    }
    let stub = placed.iter().any(|p| p.place == Place::Column(0));
    let mut rows = rows_of(&placed, &columns);
    if !stub {
        for r in &mut rows {
            r.remove(0);
        }
    }
    let head_rows = grouping_rows(&placed, &columns, stub);
    rows.splice(0..0, head_rows.0);
    let filled = rows
        .iter()
        .filter(|r| r.iter().filter(|c| !c.is_empty()).count() >= 2)
        .count();
    let first = usize::from(stub);
    let labels_only = labels_only(&rows);
    (rows.len() >= MIN_ROWS
        && filled * 3 >= rows.len() * 2
        && rows
            .get(above)
            .is_some_and(|r| r[first..].iter().all(|c| !c.is_empty()))
        && !labels_only
        && (has_figure_column(&rows) || !reads_as_prose(&rows)))
    .then_some(TableRun {
        start,
        end,
        rows,
        head: GroupedHead {
            rows: if head_rows.1.is_empty() { 0 } else { above },
            spans: head_rows.1,
            headless: false,
        },
    })
}

/// Whether two lines on one row fall in one column, both holding words: a column the
/// header does not name (a currency sign beside its figure is one cell).
fn shares_column(p: &Placed, q: &Placed, size: f32) -> bool {
    let words = |t: &str| crate::rich::plain_cow(t).chars().any(char::is_alphanumeric);
    q.place == p.place && (q.top - p.top).abs() < 0.3 * size && words(p.text) && words(q.text)
}

/// Where the next table starts among the lines placed below the header (`below`, in
/// reading order): a line of words alone on its row (the next table's title: "Estimate
/// Totals") right over a row that does not fit this table's columns, two of its lines of
/// words in one column (the next table's header: "Hours  Rate  Cost" under a form's
/// "Name  Value  Name  Value" fields). Both start the next table; the rows above them stay
/// this table's. Without the title, a row that does not fit tells no more than that the
/// header does not describe the table.
fn next_table_title(below: &[Placed], size: f32) -> Option<usize> {
    let level = |a: &Placed, b: &Placed| (a.top - b.top).abs() < 0.3 * size;
    let misfit =
        (0..below.len()).find(|&b| (0..b).any(|a| shares_column(&below[a], &below[b], size)))?;
    let row = (0..=misfit).find(|&a| level(&below[a], &below[misfit]))?;
    let title = row.checked_sub(1)?;
    let alone = title
        .checked_sub(1)
        .is_none_or(|before| !level(&below[before], &below[title]));
    // A title stands out of the first column (a label there heads this table's next
    // rows), right over the header it titles, whose cells all name columns in words.
    let t = &below[title];
    let set_apart = !matches!(t.place, Place::Column(0)) && below[row].top - t.bottom < size;
    let words = |text: &str| {
        let text = crate::rich::plain(text);
        text.chars().filter(|c| c.is_alphabetic()).count() * 2
            > text.chars().filter(|c| !c.is_whitespace()).count()
    };
    let header = below[row..]
        .iter()
        .take_while(|p| level(p, &below[row]))
        .all(|p| words(p.text));
    (alone && set_apart && words(t.text) && header).then_some(title)
}

/// The rows over the header that group its columns, stub column included when the table
/// has one, and the cells in them printed across several columns: a line over two or
/// more header cells spans them; any other stays in the column it is placed in.
fn grouping_rows(
    placed: &[Placed],
    columns: &Columns,
    stub: bool,
) -> (Vec<Vec<String>>, Vec<CellSpan>) {
    let count = placed
        .iter()
        .filter_map(|p| p.grouping)
        .max()
        .map_or(0, |r| r + 1);
    let width = columns.head.len() + usize::from(stub);
    let shift = usize::from(!stub);
    let mut rows = Vec::new();
    let mut spans = Vec::new();
    for r in 0..count {
        let texts: Vec<(&str, usize, usize)> = placed
            .iter()
            .filter(|p| p.grouping == Some(r))
            .map(|p| {
                let (first, n) = p
                    .ruled
                    .unwrap_or_else(|| column_groups::place_among(&columns.head, p.x0, p.x1));
                let (k, n) = match p.place {
                    _ if n >= 2 => (first + 1, n),
                    Place::Column(k) | Place::Span(k) => (k, 1),
                    // Over most columns yet not across two of them: the first it reaches.
                    Place::Outside => (first + 1, 1),
                };
                (p.text, k.saturating_sub(shift), n)
            })
            .collect();
        let (cells, row_spans) = column_groups::grouping_row(&texts, width, r);
        rows.push(cells);
        spans.extend(row_spans);
    }
    (rows, spans)
}

/// Logical rows of cells (the stub column first) from the placed lines, taken top to
/// bottom. The first column in use leads: its line opens a row when it starts below the
/// current row and either lines of other columns, below the row too, stand beside it (a
/// figure centred against a label of several lines starts lower but still beside it), or
/// it stands clear of the row by more than a line's gap, or it does not go on with the
/// label above it (a group label "Supplies" under "Mechanical Labor": see
/// [`continues`]); otherwise it continues its cell (a label wrapped in smaller type). A
/// spanning line is a row of its own. Lines of the other columns join the row.
fn rows_of(placed: &[Placed], columns: &Columns) -> Vec<Vec<String>> {
    let size = columns.size;
    let column = |p: &Placed| match p.place {
        Place::Column(k) | Place::Span(k) => k,
        Place::Outside => 0,
    };
    let lead = placed
        .iter()
        .filter(|p| p.grouping.is_none())
        .map(column)
        .min()
        .unwrap_or(0);
    // How far a column's text may reach: its widest line, or near the next column.
    let measure = |k: usize| {
        let next = match k {
            0 => columns.stub_edge(),
            k => columns
                .head
                .get(k)
                .map_or(f32::NEG_INFINITY, |h| h.0 - 1.5 * size),
        };
        placed
            .iter()
            .filter(|p| column(p) == k)
            .map(|p| p.x1)
            .fold(next, f32::max)
    };
    // Worked out once per column, as the walk below asks for it once per line.
    let widest: Vec<f32> = (0..=placed.iter().map(column).max().unwrap_or(0).max(lead))
        .map(measure)
        .collect();
    let measure = |k: usize| widest[k];
    // Taken by top, a cell drawn a hair above its row's label (a currency sign) counts
    // as level with it, after it.
    let key = |p: &Placed| {
        if column(p) == lead {
            return (p.top, 0);
        }
        let level = placed
            .iter()
            .filter(|l| column(l) == lead && (l.top - p.top).abs() < 0.5 * size)
            .map(|l| l.top)
            .reduce(f32::min);
        (level.unwrap_or(p.top), 1)
    };
    // Each line with its key, worked out once: the key scans the lines, and the sort
    // and the walk below ask for it many times per line.
    let mut order: Vec<(&Placed, f32, u8)> = placed
        .iter()
        .filter(|p| p.grouping.is_none())
        .map(|p| {
            let (top, after) = key(p);
            (p, top, after)
        })
        .collect();
    order.sort_by(|a, b| a.1.total_cmp(&b.1).then(a.2.cmp(&b.2)));
    let below = |p: &Placed, row_bottom: f32| p.top >= row_bottom - 0.25 * (p.bottom - p.top);
    let mut rows: Vec<Vec<String>> = Vec::new();
    let mut row_bottom = f32::NEG_INFINITY;
    let mut after_span = false;
    // The current row's last line in each column, and the top of the lines before.
    let mut above: Vec<Option<(&Placed, f32)>> = vec![None; columns.head.len() + 1];
    let mut last_top = f32::NEG_INFINITY;
    let level = |a: f32, b: f32| (a - b).abs() < 0.3 * size;
    let mut at = 0;
    while at < order.len() {
        let top = order[at].1;
        let to = at + order[at..].iter().take_while(|p| level(p.1, top)).count();
        let group = &order[at..to];
        at = to;
        // Lines of other columns under a body row: its next row's cells, or its own
        // cells going on (see [`starts_row`]).
        let mut under = Vec::new();
        for &(p, _, _) in group {
            let a = above.get(column(p)).copied().flatten();
            if a.is_some_and(|(_, a_top)| !level(a_top, last_top)) {
                under.clear();
                break;
            }
            under.push((a.map(|(a, _)| a.line()), p.line(), measure(column(p))));
        }
        if rows.len() >= 2
            && group.iter().all(|(p, _, _)| {
                column(p) != lead && !p.opens && matches!(p.place, Place::Column(_))
            })
            && !after_span
            && starts_row(
                &under,
                above
                    .iter()
                    .enumerate()
                    .all(|(k, a)| k == lead || a.is_none()),
            )
        {
            rows.push(vec![String::new(); columns.head.len() + 1]);
            row_bottom = group[0].0.bottom;
            above.fill(None);
        }
        for &(p, p_top, _) in group {
            let span = matches!(p.place, Place::Span(_));
            let beside = || {
                placed.iter().any(|o| {
                    column(o) != lead
                        && below(o, row_bottom)
                        && o.top < p.bottom
                        && o.bottom > p.top
                })
            };
            let own_line =
                || above[lead].is_some_and(|(a, _)| !continues(a.line(), p.line(), measure(lead)));
            let leads = column(p) == lead
                && below(p, row_bottom)
                && (beside() || p.top - row_bottom > 0.8 * size || own_line());
            if rows.is_empty() || p.opens || span || after_span || leads {
                rows.push(vec![String::new(); columns.head.len() + 1]);
                row_bottom = p.bottom;
                above.fill(None);
            }
            row_bottom = row_bottom.max(p.bottom);
            after_span = span;
            if let Some(slot) = above.get_mut(column(p)) {
                *slot = Some((p, p_top));
            }
            if let Some(cell) = rows.last_mut().and_then(|r| r.get_mut(column(p))) {
                super::table_run::append_cell(cell, p.text);
            }
        }
        last_top = top;
    }
    rows
}

/// Whether some column below the header holds figures in nearly every filled cell
/// ("3.71T", "1,136", "$ 178", "12 %"): running text never lines up that way.
fn has_figure_column(rows: &[Vec<String>]) -> bool {
    let figure = |c: &str| {
        let t = crate::rich::plain(c);
        let digits = t.chars().filter(char::is_ascii_digit).count();
        digits > 0 && digits * 2 >= t.chars().filter(|c| !c.is_whitespace()).count()
    };
    let columns = rows.first().map_or(0, Vec::len);
    (0..columns).any(|k| {
        let cells: Vec<&String> = rows[1..]
            .iter()
            .filter_map(|r| r.get(k))
            .filter(|c| !c.is_empty())
            .collect();
        cells.len() >= 3 && cells.iter().filter(|c| figure(c)).count() * 5 >= cells.len() * 4
    })
}

#[cfg(test)]
#[path = "extent_tables_tests.rs"]
mod tests;
