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
    let mut columns = vec![Column {
        start: g.bbox.x0,
        end: g.bbox.x1,
    }];
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
