//! Header rows over a table's header row that group its columns: "Year Ended" printed
//! across "2023" and "2022", or "Three Months Ended" and "Six Months Ended" side by side,
//! each over two dates. A heading whose text reaches over two or more of the header's
//! cells is printed across those columns, a cell spanning them; one over a single column
//! stays in that column (centred over three dates it may head all three, but its extent
//! does not say so, and a word is never moved to a column it is not printed over).

use std::ops::Range;

use super::table_run::{GroupedHead, TableRun};
use crate::lines::TextLine;
use crate::model::CellSpan;

/// Rows over the header above which the search stops: a third line up is the text
/// before the table.
const MAX_ROWS: usize = 2;
/// Words a heading over a group of columns has at most ("Year Ended December 31,").
const MAX_WORDS: usize = 8;

/// The rows of lines just above the header row starting at line `i`, top to bottom, each
/// a range of lines on one baseline, side by side, inside the header's width (`left` to
/// `right`, give or take a character) and a line's pitch apart. A row with a line outside
/// the width stops the search: it is the text above (a form's "Year  2025" beside other
/// fields), not a heading of the columns.
pub(super) fn rows_above(lines: &[TextLine], i: usize, left: f32, right: f32) -> Vec<Range<usize>> {
    let Some(g) = lines[i].geometry else {
        return Vec::new();
    };
    let size = g.font_size.max(1.0);
    let page = lines[i].page;
    let mut rows = Vec::new();
    let mut top_edge = g.bbox.y0;
    let mut start = i;
    while start > 0 && rows.len() < MAX_ROWS {
        let last = start - 1;
        let mut first = last;
        while first > 0 && same_baseline(&lines[first - 1], &lines[last]) {
            first -= 1;
        }
        let mut previous_end = f32::NEG_INFINITY;
        let fits = lines[first..start].iter().all(|l| {
            let Some(lg) = l.geometry else { return false };
            let ok = l.page == page
                && lg.bbox.x0 >= left - size
                && lg.bbox.x1 <= right + size
                && lg.bbox.y1 >= top_edge - 1.5 * size
                && lg.bbox.y0 < top_edge
                && lg.bbox.x0 > previous_end;
            previous_end = lg.bbox.x1;
            ok
        });
        if !fits {
            break;
        }
        top_edge = lines[first..start]
            .iter()
            .filter_map(|l| l.geometry)
            .map(|lg| lg.bbox.y0)
            .fold(top_edge, f32::min);
        rows.push(first..start);
        start = first;
    }
    rows.reverse();
    rows
}

/// The table `run`, found from its header row at `run.start` (header cells with these
/// `extents`), with the rows just above it that group its columns: from the header up,
/// each row holding a heading across columns. Without one, the table as found: lines over
/// single columns are the text above it as much as headings of them.
pub(super) fn with_groups(lines: &[TextLine], run: TableRun, extents: &[(f32, f32)]) -> TableRun {
    let (Some(first), Some(last)) = (extents.first(), extents.last()) else {
        return run;
    };
    let width = run.rows.first().map_or(0, Vec::len);
    let mut found: Vec<(Vec<String>, Vec<CellSpan>)> = Vec::new();
    let mut start = run.start;
    for range in rows_above(lines, run.start, first.0, last.1.max(last.0))
        .iter()
        .rev()
    {
        let row = &lines[range.clone()];
        let texts: Vec<(&str, usize, usize)> = row
            .iter()
            .enumerate()
            .filter_map(|(i, l)| {
                let g = l.geometry?;
                let (k, n) = place_among(extents, g.bbox.x0, g.bbox.x1);
                let (k, n) = ruled_reach(row, i, extents, 1).unwrap_or((k, n));
                Some((l.text.trim(), k, n))
            })
            .collect();
        let (cells, spans) = grouping_row(&texts, width, 0);
        if spans.is_empty() {
            break;
        }
        found.push((cells, spans));
        start = range.start;
    }
    if found.is_empty() {
        return run;
    }
    found.reverse();
    let count = found.len();
    let mut rows = Vec::new();
    let mut spans = Vec::new();
    for (r, (cells, row_spans)) in found.into_iter().enumerate() {
        rows.push(cells);
        spans.extend(row_spans.into_iter().map(|s| CellSpan { row: r, ..s }));
    }
    rows.extend(run.rows);
    TableRun {
        start,
        end: run.end,
        rows,
        head: GroupedHead {
            rows: count,
            spans,
            headless: false,
        },
    }
}

/// Where the rule drawn beneath the heading `row[i]` stands among the header cells with
/// these `extents`, when it says more than the heading's text: a heading centred over
/// three dates with a rule beneath it across all three heads all three. The rule must run
/// under the whole heading, centred under it (a label set flush left over a ruled block,
/// or the tail of a cell above a row's border, heads no columns by the rule), and under
/// no other line of the row (a border under the whole row groups nothing), and reach over
/// two or more cells from the `from`th on (not over the row labels' column when the
/// extents include it).
pub(super) fn ruled_reach(
    row: &[TextLine],
    i: usize,
    extents: &[(f32, f32)],
    from: usize,
) -> Option<(usize, usize)> {
    let g = row[i].geometry?;
    let (x0, x1) = row[i].rule_below?;
    let slack = 0.5 * g.font_size.max(1.0);
    let off_centre = (0.5 * (x0 + x1) - 0.5 * (g.bbox.x0 + g.bbox.x1)).abs();
    if x0 > g.bbox.x0 + slack || x1 < g.bbox.x1 - slack || off_centre > 2.0 * slack {
        return None;
    }
    let shared = row
        .iter()
        .enumerate()
        .any(|(j, l)| j != i && l.geometry.is_some_and(|h| h.bbox.x0 < x1 && h.bbox.x1 > x0));
    if shared {
        return None;
    }
    let (k, n) = place_among(extents, x0, x1);
    (k >= from && n >= 2).then_some((k, n))
}

/// Whether two lines stand on one baseline of one page.
pub(super) fn same_baseline(a: &TextLine, b: &TextLine) -> bool {
    a.page == b.page
        && a.geometry.zip(b.geometry).is_some_and(|(g, h)| {
            (g.baseline - h.baseline).abs() <= 0.3 * g.font_size.min(h.font_size)
        })
}

/// Whether a line over `columns` columns reads as one heading of them: a few words (not
/// signs alone: "* +" in a chart of glyphs is two cells run together), no sentence's full
/// stop, no caption label ("Table 2: …" printed over the table is its
/// caption), and not one word per column over three or more ("Top-1 Top-5 Top-20": the
/// columns' own headings, set too close to be cut apart).
pub(super) fn heads_columns(text: &str, columns: usize) -> bool {
    let plain = crate::rich::plain(text);
    let t = plain.trim();
    let words = t.split_whitespace().count();
    words <= MAX_WORDS
        && t.chars().any(char::is_alphanumeric)
        && !(columns >= 3 && words == columns)
        && !t.ends_with('.')
        && crate::caption_labels::caption_opening(t).is_none()
        && crate::caption_labels::lone_caption_label(t).is_none()
}

/// Share of a header cell's width a heading must reach over to head that cell's column:
/// a number set flush left over its group ("11,000" over "11,000 | 11,050") grazes the
/// next cell by a point, a heading printed across cells covers a good part of each.
const REACH: f32 = 0.1;

/// Where a line from `x0` to `x1` stands among header cells with these extents: the
/// first cell it reaches over and how many it reaches over (see [`REACH`]), or the cell
/// nearest it (by centre) when it reaches over none.
pub(super) fn place_among(extents: &[(f32, f32)], x0: f32, x1: f32) -> (usize, usize) {
    let over: Vec<usize> = (0..extents.len())
        .filter(|&k| {
            let (a, b) = extents[k];
            x1.min(b) - x0.max(a) >= REACH * (b - a).max(1.0)
        })
        .collect();
    match over.first() {
        Some(&k) => (k, over.len()),
        None => {
            let centre = |a: f32, b: f32| 0.5 * (a + b);
            let c = centre(x0, x1);
            let k = (0..extents.len())
                .min_by(|&a, &b| {
                    let da = (centre(extents[a].0, extents[a].1) - c).abs();
                    let db = (centre(extents[b].0, extents[b].1) - c).abs();
                    da.total_cmp(&db)
                })
                .unwrap_or(0);
            (k, 1)
        }
    }
}

/// A grouping row's cells, `width` slots: each heading's text in its first column, and
/// the span of each one printed across several. `texts` gives each line's first column
/// and how many it covers. A line spans only when it reads as a heading (see
/// [`heads_columns`]) and leaves the first column (row labels) alone; headings whose
/// columns would overlap are each kept in their first column alone, unspanned: the
/// extents do not tell the groups apart.
pub(super) fn grouping_row(
    texts: &[(&str, usize, usize)],
    width: usize,
    row: usize,
) -> (Vec<String>, Vec<CellSpan>) {
    let texts: Vec<(&str, usize, usize)> = texts
        .iter()
        .map(|&(t, k, n)| (t, k, if k > 0 && heads_columns(t, n) { n } else { 1 }))
        .collect();
    let mut cells = vec![String::new(); width];
    let mut covered = vec![0usize; width];
    for &(_, k, n) in &texts {
        for slot in covered.iter_mut().skip(k).take(n.max(1)) {
            *slot += 1;
        }
    }
    let clear = covered.iter().all(|&c| c <= 1);
    let mut spans = Vec::new();
    for &(text, k, n) in &texts {
        let Some(cell) = cells.get_mut(k) else {
            continue;
        };
        super::table_run::append_cell(cell, text);
        if clear && n >= 2 && k + n <= width {
            spans.push(CellSpan {
                row,
                column: k,
                columns: n,
            });
        }
    }
    spans.dedup_by_key(|s| s.column);
    (cells, spans)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cell(text: &str, x0: f32, x1: f32, baseline: f32) -> TextLine {
        crate::lines::test_placed(text, 1, x0, x1, baseline, 9.0)
    }

    #[test]
    fn headings_side_by_side_make_one_row() {
        let lines = vec![
            cell(
                "Paragraph before the table, across the page.",
                60.0,
                540.0,
                80.0,
            ),
            cell("Three Months Ended", 250.0, 330.0, 100.0),
            cell("Six Months Ended", 390.0, 460.0, 100.0),
            cell("Item", 60.0, 80.0, 111.0),
            cell("2024", 250.0, 270.0, 111.0),
        ];
        assert_eq!(rows_above(&lines, 3, 60.0, 500.0), vec![1..3]);
        // Beside a line outside the table's width, it is the text above.
        let mut wide = lines.clone();
        wide[1] = cell("Year", 10.0, 30.0, 100.0);
        assert!(rows_above(&wide, 3, 60.0, 500.0).is_empty());
    }

    #[test]
    fn a_line_reaching_over_cells_or_in_a_gap() {
        let extents = [(60.0, 80.0), (250.0, 270.0), (300.0, 320.0)];
        assert_eq!(place_among(&extents, 240.0, 318.0), (1, 2));
        assert_eq!(place_among(&extents, 255.0, 265.0), (1, 1));
        assert_eq!(place_among(&extents, 282.0, 298.0), (2, 1));
        // Grazing the next cell by a point does not reach over it.
        assert_eq!(place_among(&extents, 245.0, 301.0), (1, 1));
    }

    #[test]
    fn a_heading_over_two_columns_spans_them() {
        let (cells, spans) = grouping_row(&[("Three Months", 1, 2), ("Six Months", 3, 2)], 5, 0);
        assert_eq!(cells, ["", "Three Months", "", "Six Months", ""]);
        assert_eq!(
            spans,
            [
                CellSpan {
                    row: 0,
                    column: 1,
                    columns: 2
                },
                CellSpan {
                    row: 0,
                    column: 3,
                    columns: 2
                }
            ]
        );
        // Overlapping groups: each heading stays in its first column, no span.
        let (cells, spans) = grouping_row(&[("A", 1, 2), ("B", 2, 2)], 4, 0);
        assert_eq!(cells, ["", "A", "B", ""]);
        assert!(spans.is_empty());
        // Over the row labels' column, a sentence, a caption: no heading of columns.
        let headings = [
            "Year Ended",
            "The totals follow.",
            "Table 2: Costs",
            "A B C",
            "* + -",
        ];
        for text in headings {
            let k = if text == "Year Ended" { 0 } else { 1 };
            let (cells, spans) = grouping_row(&[(text, k, 3)], 4, 0);
            assert_eq!(cells[k], text);
            assert!(spans.is_empty(), "{text}");
        }
    }
}
