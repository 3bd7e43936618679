//! The value axes of a page's charts: runs of evenly stepped numbers, and the drawn lines
//! (or a second axis) that prove the plot beside them.

use crate::lines::{TextLine, bare_number};
use crate::source::Rect;

use super::super::edges::{Edge, Edges};

/// Values an axis shows at least.
pub(super) const MIN_TICKS: usize = 3;
/// How far (points) from the stack an axis rule, a gridline or a tick mark may start.
const AXIS_REACH: f32 = 25.0;
/// Share of the stack's height an axis rule beside it covers at least.
const AXIS_COVER: f32 = 0.6;
/// Shortest gridline (points): anything shorter is a tick mark.
const GRIDLINE: f32 = 20.0;

/// One tick value: the line, its box and its value.
#[derive(Debug, Clone, Copy)]
pub(super) struct Tick {
    pub line: usize,
    pub bbox: Rect,
    pub value: f64,
}

impl Tick {
    /// The tick with its box mirrored on the page's diagonal (see [`transposed`]).
    pub fn turned(&self) -> Tick {
        Tick {
            bbox: transposed(self.bbox),
            ..*self
        }
    }

    pub fn middle(&self) -> f32 {
        (self.bbox.y0 + self.bbox.y1) / 2.0
    }
}

/// The box round a run of ticks (never empty: runs hold [`MIN_TICKS`] or more).
pub(super) fn span(ticks: &[Tick]) -> Rect {
    ticks
        .iter()
        .skip(1)
        .fold(ticks[0].bbox, |r, t| r.union(&t.bbox))
}

/// The value of a tick label: a bare number, perhaps with thousands separators, a
/// percent sign after it or a currency sign before it.
pub(super) fn tick_value(line: &TextLine) -> Option<f64> {
    let plain = line.plain_cow();
    let t = plain.trim();
    if t.chars().count() > 12 {
        return None;
    }
    let t = t.strip_suffix('%').unwrap_or(t);
    let t = t.trim_start_matches(['$', '€', '£', '¥']);
    // Thousands separators only where they group thousands: "1,500", not "12,50".
    let whole = t.split('.').next().unwrap_or_default();
    let mut groups = whole.trim_start_matches(['-', '−', '+', '–']).split(',');
    let first = groups.next().unwrap_or_default().len();
    let grouped = groups.all(|g| g.len() == 3 && g.chars().all(|c| c.is_ascii_digit()));
    if whole.contains(',') && (!grouped || !(1..=3).contains(&first)) {
        return None;
    }
    bare_number(&t.replace(',', ""))
}

/// Whether a line is a row of category labels, however many: figures, dates and
/// abbreviations only ("J F M A M J J A S", "12/17 3/18 6/18", "Q1 Q2 Q3").
pub(super) fn tick_row(plain: &str) -> bool {
    plain.split_whitespace().all(|w| {
        let letters = w.trim_end_matches('.');
        let abbreviation =
            letters.chars().count() <= 4 && letters.chars().all(char::is_alphanumeric);
        let figures = w
            .chars()
            .all(|c| c.is_ascii_digit() || "/.,-–−%$".contains(c));
        abbreviation || figures
    })
}

/// Runs of evenly spaced ticks with a constant step among `ticks` (one aligned column,
/// in reading order of height).
fn even_runs(ticks: &[Tick]) -> Vec<Vec<Tick>> {
    let mut runs = Vec::new();
    let mut i = 0;
    while i + 1 < ticks.len() {
        let mut j = i + 1;
        let gap = ticks[j].middle() - ticks[i].middle();
        let step = ticks[j].value - ticks[i].value;
        let height = ticks[i].bbox.height();
        let even = |a: &Tick, b: &Tick| {
            let g = b.middle() - a.middle();
            let s = b.value - a.value;
            (g - gap).abs() <= (0.1 * gap).max(0.8) && (s - step).abs() <= step.abs() * 1e-6
        };
        // Values apart (not overlapping) and changing: a run may start here.
        let opens = gap >= 0.8 * height && step != 0.0;
        if opens {
            while j + 1 < ticks.len() && even(&ticks[j], &ticks[j + 1]) {
                j += 1;
            }
        }
        if opens && j + 1 - i >= MIN_TICKS {
            runs.push(ticks[i..=j].to_vec());
            i = j;
        } else {
            i += 1;
        }
    }
    runs
}

/// The value axes on a page: its ticks grouped on their right edges (an axis left of
/// its plot) and on their left edges (one right of it).
pub(super) fn axes(ticks: &[Tick]) -> Vec<Vec<Tick>> {
    let mut out: Vec<Vec<Tick>> = Vec::new();
    let mut used: foldhash::HashSet<usize> = foldhash::HashSet::default();
    for edge in [|r: &Rect| r.x1, |r: &Rect| r.x0] {
        let mut sorted = ticks.to_vec();
        sorted.sort_by(|a, b| edge(&a.bbox).total_cmp(&edge(&b.bbox)));
        let mut start = 0;
        for k in 1..=sorted.len() {
            if k == sorted.len() || edge(&sorted[k].bbox) - edge(&sorted[k - 1].bbox) > 1.5 {
                let mut column = sorted[start..k].to_vec();
                column.sort_by(|a, b| a.middle().total_cmp(&b.middle()));
                for run in even_runs(&column) {
                    if !run.iter().any(|t| used.contains(&t.line)) {
                        used.extend(run.iter().map(|t| t.line));
                        out.push(run);
                    }
                }
                start = k;
            }
        }
    }
    out
}

/// The plotting area an axis's drawn lines prove, or none: an axis rule beside the values
/// (for values up the page) or gridlines and tick marks through nearly all of them. The
/// axis is given as if it ran up the page (a lying one turned on the diagonal, with the
/// edges).
pub(super) fn plot_area(axis: &[Tick], edges: &Edges, orientation: Orientation) -> Option<Rect> {
    let stack = span(axis);
    let (top, bottom) = (axis[0].middle(), axis[axis.len() - 1].middle());
    let height = axis[0].bbox.height();
    let gap = (bottom - top) / (axis.len() - 1) as f32;
    let level = |y: f32| axis.iter().any(|t| (t.middle() - y).abs() <= 0.6 * height);
    for right in [true, false] {
        // Where a drawn line beside the stack starts (or, left of it, ends).
        let starts_by = |e: &Edge| {
            if right {
                e.from >= stack.x1 - 2.0 && e.from <= stack.x1 + AXIS_REACH
            } else {
                e.to <= stack.x0 + 2.0 && e.to >= stack.x0 - AXIS_REACH
            }
        };
        let (near, far) = if right {
            (stack.x1 - 1.0, stack.x1 + AXIS_REACH)
        } else {
            (stack.x0 - AXIS_REACH, stack.x0 + 1.0)
        };
        let axis_rule = edges.down_between(near, far).iter().find(|e| {
            let beside = e.at >= near && e.at <= far;
            let cover = (e.to.min(bottom) - e.from.max(top)).max(0.0);
            // An axis ends about where its values do; a rule running on far past them is
            // the side of a ruled column (a form's row numbers).
            let beyond = (e.to - e.from) - (bottom - top);
            beside && cover >= AXIS_COVER * (bottom - top) && beyond <= 2.0 * (gap + height)
        });
        // Lines across that start at the axis, within its height: gridlines, the
        // category axis, tick marks.
        // (A frame drawn round the plot may stand off the outer values: its sides reach
        // as far as the axis rule does.)
        let (lo, hi) = match axis_rule {
            Some(a) => ((top - height).min(a.from), (bottom + height).max(a.to)),
            None => (top - height, bottom + height),
        };
        let across: Vec<&Edge> = edges
            .across_between(lo, hi)
            .iter()
            .filter(|e| e.at >= lo - 1.0 && e.at <= hi + 1.0 && starts_by(e))
            .collect();
        // Gridlines (or tick marks) run level with the values, nearly every one of them,
        // all from one place: a table's rules run between its rows, a neighbouring
        // table's may meet a value or two.
        let levelled: Vec<&&Edge> = axis
            .iter()
            .filter_map(|t| {
                across
                    .iter()
                    .find(|e| (e.at - t.middle()).abs() <= 0.4 * height)
            })
            .collect();
        let aligned = levelled.iter().all(|e| {
            let (a, b) = if right {
                (e.from, levelled[0].from)
            } else {
                (e.to, levelled[0].to)
            };
            (a - b).abs() <= 2.0
        });
        let gridded =
            aligned && levelled.len() >= MIN_TICKS && 5 * levelled.len() >= 4 * axis.len();
        // Values along the page under a rule are also a table's header row over its
        // ruled columns (a survey's "1 2 3 4 5"): only lines through the values prove
        // that axis.
        let ruled = axis_rule.is_some() && orientation == Orientation::Upright;
        if !ruled && !gridded {
            continue;
        }
        let long: Vec<&&Edge> = across
            .iter()
            .filter(|e| e.to - e.from >= GRIDLINE && (ruled || level(e.at)))
            .collect();
        if long.is_empty() {
            continue;
        }
        let mut plot = stack;
        if let Some(a) = axis_rule {
            plot.y0 = plot.y0.min(a.from);
            plot.y1 = plot.y1.max(a.to);
        }
        for e in &long {
            plot = plot.union(&Rect {
                x0: e.from,
                y0: e.at,
                x1: e.to,
                y1: e.at,
            });
        }
        return Some(plot);
    }
    None
}

/// The plot two axes frame when they meet at a corner: values up the page (`upright`)
/// and a run of values along the page (`lying`) set just under the lowest of them and
/// reaching away from them to one side, the way a chart's axes meet at its origin. A
/// table does not set two such runs at one corner; if its cells fill the frame, the
/// values have text level with them and the plot is refused later.
pub(super) fn corner(upright: &[Tick], lying: &[Tick]) -> Option<Rect> {
    let stack = span(upright);
    let row = span(lying);
    let height = upright[0].bbox.height();
    let lowest = upright[upright.len() - 1].bbox.y1.max(upright[0].bbox.y1);
    let under = row.y0 >= lowest - 0.5 * height && row.y0 <= lowest + 2.0 * height;
    let right = row.x0 >= stack.x0 - 2.0 * height && row.x1 > stack.x1 + 3.0 * height;
    let left = row.x1 <= stack.x1 + 2.0 * height && row.x0 < stack.x0 - 3.0 * height;
    if !under || !(right || left) {
        return None;
    }
    Some(if right {
        Rect {
            x0: stack.x1,
            y0: stack.y0,
            x1: row.x1,
            y1: row.y0,
        }
    } else {
        Rect {
            x0: row.x0,
            y0: stack.y0,
            x1: stack.x0,
            y1: row.y0,
        }
    })
}

/// Which way a value axis runs.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) enum Orientation {
    /// Up the page: values stacked one above the other, the plot beside them.
    Upright,
    /// Along the page: values side by side, the plot above or below them.
    Lying,
}

/// The rectangle mirrored on the page's diagonal: across becomes down.
pub(super) fn transposed(r: Rect) -> Rect {
    Rect {
        x0: r.y0,
        y0: r.x0,
        x1: r.y1,
        y1: r.x1,
    }
}
