//! The frame drawn round a chart: four edges closing a rectangle about its plot, as
//! statistics packages (Stata, SPSS) and spreadsheets draw a graph's outer border. What
//! the frame holds is the chart's: its title over the plot, its axis titles and its
//! legend, whatever their size, since the frame says where the graphic ends.

use crate::source::Rect;

use super::super::edges::{Edge, Edges};

/// How far (points) the ends of a frame's sides may stand off its corners.
const CORNER_SLACK: f32 = 3.0;
/// Share of the page a chart's frame covers at most: a border round the page, or round
/// most of it, frames the page's text, not a chart.
const MAX_PAGE_SHARE: f32 = 0.6;

/// The nearest closed frame drawn round `area`, none when the edges nearest it on its
/// four sides do not meet at their corners, or when it covers most of the page.
pub(super) fn frame_around(edges: &Edges, area: Rect, page: (f32, f32)) -> Option<Rect> {
    let s = CORNER_SLACK;
    let spans_across = |e: &Edge| e.from <= area.x0 + s && e.to >= area.x1 - s;
    let top = nearest_before(
        edges.across_between(f32::MIN, area.y0),
        area.y0,
        spans_across,
    )?;
    let bottom = nearest_after(
        edges.across_between(area.y1, f32::MAX),
        area.y1,
        spans_across,
    )?;
    let spans_down = |e: &Edge| e.from <= top.at + s && e.to >= bottom.at - s;
    let left = nearest_before(edges.down_between(f32::MIN, area.x0), area.x0, spans_down)?;
    let right = nearest_after(edges.down_between(area.x1, f32::MAX), area.x1, spans_down)?;
    let meets = |end: f32, side: f32| (end - side).abs() <= s;
    let closed = [top, bottom]
        .iter()
        .all(|e| meets(e.from, left.at) && meets(e.to, right.at))
        && [left, right]
            .iter()
            .all(|e| meets(e.from, top.at) && meets(e.to, bottom.at));
    let frame = Rect {
        x0: left.at,
        y0: top.at,
        x1: right.at,
        y1: bottom.at,
    };
    let share = frame.width() * frame.height() / (page.0 * page.1);
    (closed && share <= MAX_PAGE_SHARE).then_some(frame)
}

/// The last edge of `list` (in order of `at`) before `at` that `fits`.
fn nearest_before(list: &[Edge], at: f32, fits: impl Fn(&Edge) -> bool) -> Option<&Edge> {
    list.iter().rev().find(|e| e.at < at && fits(e))
}

/// The first edge of `list` (in order of `at`) after `at` that `fits`.
fn nearest_after(list: &[Edge], at: f32, fits: impl Fn(&Edge) -> bool) -> Option<&Edge> {
    list.iter().find(|e| e.at > at && fits(e))
}
