//! Where the lines of a table's row fall among the columns its header sets, and the
//! cells they hold: a line in one column, a line the PDF drew as one run over several
//! cells (cut between them), a remark across the table, a sub-row's label set in.

use super::cell_lines::CellLine;
use super::table_header::{ALIGN, Column};
use crate::lines::TextLine;

/// Farthest (points) a row label may be set in from the first column's edge and still
/// be that column's: a sub-row's indent, an em or so.
const STUB_INDENT: f32 = 12.0;

/// The column a cell from `x0` to `x1` is set in. A line ending flush with a column but
/// starting in the first half of the column before it is no cell of either: it is text
/// across both (a paragraph after a leader-dot list, set to the same right margin). In
/// a row of figures (`sub_row`), a row label set in a little under the one above
/// ("Alcohol use" over "Yes (%)" and "No (%)") and ending before the second column is
/// the first column's.
fn column_of(columns: &[Column], x0: f32, x1: f32, sub_row: bool) -> Option<usize> {
    let indented_label = || {
        let (first, second) = (columns.first()?, columns.get(1)?);
        (sub_row && x0 > first.start && x0 - first.start <= STUB_INDENT && x1 < second.start)
            .then_some(0)
    };
    let k = columns
        .iter()
        .position(|c| c.holds(x0, x1))
        .or_else(indented_label)?;
    let over_previous = k
        .checked_sub(1)
        .and_then(|p| columns.get(p))
        .is_some_and(|p| x0 < 0.5 * (p.start + p.end) && (x0 - columns[k].start).abs() > ALIGN);
    (!over_previous).then_some(k)
}

/// A cell line placed in a table: its column, its baseline, its text, and whether it
/// stands as a row of its own.
pub(super) struct PlacedCell {
    pub(super) column: usize,
    pub(super) baseline: f32,
    pub(super) text: String,
    pub(super) own_row: bool,
    /// Left and right edges (estimated for a cell cut from a longer line) and type size.
    pub(super) x0: f32,
    pub(super) x1: f32,
    pub(super) size: f32,
}

impl PlacedCell {
    pub(super) fn line(&self) -> CellLine<'_> {
        CellLine {
            text: &self.text,
            x0: self.x0,
            x1: self.x1,
            size: self.size,
        }
    }
}

/// The cells of a row (the lines on one baseline), or `None` when a line of it falls in
/// no column. A line alone on its baseline, in smaller type than the header, that runs
/// over the next column's start is kept whole: starting past the first column, it is a
/// cell's detail line ("(Runtime: 142 min); Holiday Season Premium" under a film's
/// title), joined to that cell; starting in the first column, it is a remark across the
/// table, a row of its own. A line in the header's type running over columns is cut
/// between them (cells the PDF drew as one run); one in larger type is the page's prose
/// after the table (a source note set across its width), and ends it.
pub(super) fn row_cells(
    row: &[TextLine],
    columns: &[Column],
    size: f32,
) -> Option<Vec<PlacedCell>> {
    let alone = row.len() == 1;
    // A label and two figures or more: a row of a table of figures, whose label may be
    // set in under a heading row.
    let figures = row.len() >= 3
        && row[1..].iter().all(|l| {
            let t = l.plain_cow();
            let digits = t.chars().filter(char::is_ascii_digit).count();
            digits > 0 && digits >= t.chars().filter(|c| c.is_alphabetic()).count()
        });
    let mut out = Vec::new();
    for (k, line) in row.iter().enumerate() {
        let g = line.geometry?;
        if g.font_size > 1.1 * size && spanning_line(line, columns).is_some() {
            return None;
        }
        let smaller = g.font_size < 0.9 * size;
        // A line opening with a raised label is a note, never a cell's whole line.
        let labelled = line.text.trim_start().starts_with(crate::rich::SUP_ON);
        let whole = (alone && !labelled && smaller)
            .then(|| spanning_line(line, columns))
            .flatten();
        let (cells, own_row) = match whole {
            Some(k) => (
                vec![(k, line.text.trim().to_string(), g.bbox.x0, g.bbox.x1)],
                k == 0,
            ),
            None => (cells_of(line, columns, figures && k == 0)?, false),
        };
        out.extend(cells.into_iter().map(|(column, text, x0, x1)| PlacedCell {
            column,
            baseline: g.baseline,
            text,
            own_row,
            x0,
            x1,
            size: g.font_size,
        }));
    }
    Some(out)
}

/// The column a line starts in when it runs on over the next column's start, staying
/// inside the table's width.
fn spanning_line(line: &TextLine, columns: &[Column]) -> Option<usize> {
    let g = line.geometry?;
    let k = column_of(columns, g.bbox.x0, g.bbox.x1, false)?;
    let last = columns.last()?;
    let wider = g.bbox.x1 > last.end.max(last.start) + g.font_size;
    let spans = columns
        .get(k + 1)
        .is_some_and(|next| g.bbox.x1 > next.start - 0.5 * g.font_size);
    (spans && !wider).then_some(k)
}

/// The cells a line holds, with their columns and extents: the line must start at a
/// column. A line
/// that runs on into the next columns holds cells the PDF drew as one run of text ("work
/// and scaffolding 8 per cent"); it is cut at the spaces nearest the column starts, found
/// by spreading its characters evenly over its width.
fn cells_of(
    line: &TextLine,
    columns: &[Column],
    sub_row: bool,
) -> Option<Vec<(usize, String, f32, f32)>> {
    let g = line.geometry?;
    let k = column_of(columns, g.bbox.x0, g.bbox.x1, sub_row)?;
    // A line starting in one column and running past the last one's header is wider than
    // the table: prose after it that starts at a column's edge.
    let last = columns.last()?;
    if k + 1 < columns.len() && g.bbox.x1 > last.end.max(last.start) + g.font_size {
        return None;
    }
    let overflows = columns
        .get(k + 1)
        .is_some_and(|next| g.bbox.x1 > next.start - 0.5 * g.font_size);
    if !overflows {
        // The whole line is one cell.
        return Some(vec![(
            k,
            line.text.trim().to_string(),
            g.bbox.x0,
            g.bbox.x1,
        )]);
    }
    let starts: Vec<f32> = columns.iter().map(|c| c.start).collect();
    // Cut points are found on the visible text; the rich text is cut there, styles kept.
    let chars: Vec<char> = line.plain_cow().chars().collect();
    let per_char = (g.bbox.x1 - g.bbox.x0) / chars.len().max(1) as f32;
    let mut cuts: Vec<(usize, usize)> = Vec::new(); // (column of the part after, cut)
    let mut from = 0usize;
    for (next, &at) in starts.iter().enumerate().skip(k + 1) {
        if g.bbox.x1 <= at - 0.5 * g.font_size {
            break;
        }
        // Where the next column starts, in characters; the cut is the space nearest it,
        // before a character that can open a cell.
        let target = ((at - g.bbox.x0) / per_char.max(0.1)) as usize;
        let cut = (from + 1..chars.len())
            .filter(|&c| chars[c] == ' ' && chars.get(c + 1).is_some_and(|n| !n.is_lowercase()))
            .min_by_key(|&c| c.abs_diff(target))
            .filter(|&c| c.abs_diff(target) <= chars.len() / 4 + 2)?;
        cuts.push((next, cut));
        from = cut + 1;
    }
    let mut out = Vec::new();
    let (mut column, mut rest, mut done) = (k, line.text.clone(), 0usize);
    let at = |c: usize| g.bbox.x0 + per_char * c as f32;
    for (next, cut) in cuts {
        let (left, right) = crate::rich::split_visible(&rest, cut - done);
        out.push((column, left.trim().to_string(), at(done), at(cut)));
        (column, rest, done) = (next, right, cut);
    }
    out.push((column, rest.trim().to_string(), at(done), g.bbox.x1));
    out.retain(|(_, t, _, _)| !t.is_empty());
    Some(out)
}
