//! The two sides of a gutter read one after the other: each stretch of lines between
//! lines that cross the gutter is read left column first, and each side is split again
//! where a gutter (or a cut across into parts, [`super::bands`]) of its own runs through
//! it. The column reader and the beside-table reader both read columns this way.

use super::gutters::{Side, gutter, side, top_to_bottom};
use crate::lines::TextLine;

/// Lines on one side of a gutter, themselves read as columns when a gutter of their own
/// runs through them (a page of three or more columns, a two-column stretch beside a
/// column); `column` is the side's column number. Every split is pushed on `gutters`.
fn read_side(lines: Vec<TextLine>, column: u8, gutters: &mut Vec<f32>) -> Vec<TextLine> {
    // A side may itself be cut across into parts set in different columns (a full-width
    // abstract above a sidebar and a column).
    if let Some(regions) = super::bands::regions(&lines) {
        return regions
            .into_iter()
            .flat_map(|r| read_part(r, column, gutters))
            .collect();
    }
    read_part(lines, column, gutters)
}

/// One part of a side: its columns read one after the other when a gutter runs through it.
fn read_part(lines: Vec<TextLine>, column: u8, gutters: &mut Vec<f32>) -> Vec<TextLine> {
    match gutter(&lines) {
        Some(g) => {
            gutters.push(g);
            reorder(&lines, g, &[], column, gutters)
        }
        None => lines,
    }
}

/// Reads each stretch between lines crossing the gutter left column first; the left
/// column keeps number `column`, the right one is numbered after it.
/// Lines on the baselines in `grid` (rows of a table set across the columns) count as
/// crossing the gutter.
pub(super) fn reorder(
    page: &[TextLine],
    g: f32,
    grid: &[f32],
    column: u8,
    gutters: &mut Vec<f32>,
) -> Vec<TextLine> {
    // Stretches: runs of lines (in the reader's order, sorted by top) broken by a line
    // that crosses the gutter.
    let sorted = top_to_bottom(page);
    let mut out = Vec::with_capacity(page.len());
    let mut left: Vec<TextLine> = Vec::new();
    let mut right: Vec<TextLine> = Vec::new();
    let right_column = column.saturating_add(1);
    let mut flush = |left: &mut Vec<TextLine>,
                     right: &mut Vec<TextLine>,
                     out: &mut Vec<TextLine>,
                     before_across: bool| {
        let tail = if before_across {
            detached_tail(left, right)
        } else {
            left.len()
        };
        let below: Vec<TextLine> = left.drain(tail..).collect();
        // Indentation is measured from the page's text edge; in the right column it is
        // measured from that column's edge instead, so that a list running on from the
        // left column keeps its depth.
        let edge = |v: &[TextLine]| {
            v.iter()
                .filter_map(|l| l.geometry.map(|g| g.bbox.x0))
                .reduce(f32::min)
        };
        let shift = match (edge(left), edge(right)) {
            (Some(l), Some(r)) => r - l,
            _ => 0.0,
        };
        out.extend(read_side(std::mem::take(left), column, gutters));
        let right: Vec<TextLine> = right
            .drain(..)
            .map(|mut l| {
                l.column = right_column;
                l.indent = (l.indent - shift).max(0.0);
                l
            })
            .collect();
        out.extend(read_side(right, right_column, gutters));
        out.extend(below);
    };
    let on_grid = |l: &TextLine| {
        l.geometry.is_some_and(|geo| {
            grid.iter()
                .any(|&b| (geo.baseline - b).abs() <= 0.3 * geo.font_size)
        })
    };
    for l in sorted {
        let at = if on_grid(l) { Side::Across } else { side(l, g) };
        match at {
            Side::Left => left.push(l.clone()),
            Side::Right => right.push(l.clone()),
            Side::Across => {
                flush(&mut left, &mut right, &mut out, true);
                out.push(l.clone());
            }
        }
    }
    flush(&mut left, &mut right, &mut out, false);
    out
}

/// Where the left lines stop belonging to the columns: a run at the end of `left` that
/// lies wholly below the right column and is set off from the lines above by a wide gap
/// (a "Notes" heading above a full-width notes block) is read after the right column,
/// with the full-width text it introduces. Returns `left.len()` when there is no such run.
fn detached_tail(left: &[TextLine], right: &[TextLine]) -> usize {
    let top = |l: &TextLine| l.geometry.map_or(0.0, |g| g.bbox.y0);
    let bottom = |l: &TextLine| l.geometry.map_or(0.0, |g| g.bbox.y1);
    let Some(right_end) = right.iter().map(bottom).reduce(f32::max) else {
        return left.len();
    };
    let Some(first_below) = left.iter().position(|l| top(l) >= right_end) else {
        return left.len();
    };
    if first_below == 0 {
        return left.len();
    }
    let pitch = |i: usize| top(&left[i]) - top(&left[i - 1]);
    let mut pitches: Vec<f32> = (1..first_below).map(pitch).collect();
    pitches.sort_by(f32::total_cmp);
    let usual = pitches.get(pitches.len() / 2).copied().unwrap_or(0.0);
    let size = |i: usize| left[i].geometry.map_or(0.0, |g| g.font_size);
    (first_below..left.len())
        .find(|&k| {
            // A wide gap, or a heading's gap: larger type after more than paragraph space.
            let gap = pitch(k);
            gap > (2.0 * usual).max(2.5 * size(k - 1))
                || (gap > 1.5 * usual && size(k) > 1.1 * size(k - 1))
        })
        .unwrap_or(left.len())
}
