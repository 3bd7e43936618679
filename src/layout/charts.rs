//! Charts drawn on the page: the lettering inside them (tick values, legend entries, axis
//! and panel titles) is no part of the running text, and must become neither headings,
//! notes, list items nor a table of tick values.
//!
//! A chart is only taken where the drawing proves it. Its value axis is the evidence: a
//! stack of three or more bare numbers set one above the other, aligned on one edge,
//! evenly spaced, whose values step by a constant amount ("18 16 14 … 0 –2"), *and* drawn
//! lines that make them an axis: an axis rule beside the stack, gridlines or tick marks
//! level with the values. A column of row numbers in a table has no rule through its
//! numbers (a table's rules run between rows), and has text level with each number, so
//! it is never taken. An axis along the page (a horizontal bar chart's values under its
//! plot) is read the same way with the page turned on its diagonal, but only gridlines or
//! tick marks through the values prove it: values over a rule are also a table's header
//! row over its ruled columns (a survey's "1 2 3 4 5", a table's years). The plotting area is where the axis's rules reach; lettering is
//! every line inside it, and small print standing on its edges (the category labels
//! under it, a legend over it), found by growing the area a line at a time. A figure's
//! caption, its source and its notes are never lettering: they stay text.
//!
//! Marked lines are gathered where the first of them is read, so that a chart reads as
//! one block; the structure pass keeps them with the figure (see [`TextLine::chart`]).

use crate::caption_labels::caption_opening;
use crate::lines::{TextLine, bare_number, body_font_size};
use crate::report::{Action, ActionKind, Report};
use crate::source::{Page, Rect};

use super::drawn_pages;
use super::edges::{Edge, Edges};

/// Values an axis shows at least.
const MIN_TICKS: usize = 3;
/// How far (points) from the stack an axis rule, a gridline or a tick mark may start.
const AXIS_REACH: f32 = 25.0;
/// Share of the stack's height an axis rule beside it covers at least.
const AXIS_COVER: f32 = 0.6;
/// Shortest gridline (points): anything shorter is a tick mark.
const GRIDLINE: f32 = 20.0;
/// Words a line on the chart's edge holds at most to be its lettering.
const EDGE_WORDS: usize = 6;
/// Words a line of running text holds at least: one inside the area means the area is
/// not a chart.
const RUNNING_WORDS: usize = 12;
/// How far (in the height of a tick value: across, then down) the lettering on a
/// chart's edges may reach beyond its plot: a legend's few lines, category labels and an
/// axis title, not the table printed under it.
const EDGE_REACH: (f32, f32) = (12.0, 5.0);
/// Value axes one page may hold: more runs of evenly stepped numbers are a table of
/// figures (a tax table's brackets), and checking each against the drawing would cost
/// their number times the page's rules.
const MAX_AXES: usize = 64;
/// Passes that grow a chart's area by the lines on its edges, at most.
const GROWTH_PASSES: usize = 16;

/// One tick value: the line, its box and its value.
#[derive(Debug, Clone, Copy)]
struct Tick {
    line: usize,
    bbox: Rect,
    value: f64,
}

impl Tick {
    fn middle(&self) -> f32 {
        (self.bbox.y0 + self.bbox.y1) / 2.0
    }
}

/// The value of a tick label: a bare number, perhaps with thousands separators, a
/// percent sign after it or a currency sign before it.
fn tick_value(line: &TextLine) -> Option<f64> {
    let plain = line.plain_cow();
    let t = plain.trim();
    if t.chars().count() > 12 {
        return None;
    }
    let t = t.strip_suffix('%').unwrap_or(t);
    let t = t.trim_start_matches(['$', '€', '£', '¥']);
    let grouped = t.contains(',');
    let t = t.replace(',', "");
    if grouped && !t.trim_start_matches(['-', '−', '+', '–']).contains('.') && t.len() < 4 {
        return None;
    }
    bare_number(&t)
}

/// Whether a line is a row of category labels, however many: figures, dates and
/// abbreviations only ("J F M A M J J A S", "12/17 3/18 6/18", "Q1 Q2 Q3").
fn tick_row(plain: &str) -> bool {
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
        if gap >= 0.8 * height && step != 0.0 {
            while j + 1 < ticks.len() && even(&ticks[j], &ticks[j + 1]) {
                j += 1;
            }
        }
        if j + 1 - i >= MIN_TICKS && gap >= 0.8 * height && step != 0.0 {
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
fn axes(ticks: &[Tick]) -> Vec<Vec<Tick>> {
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
fn plot_area(axis: &[Tick], edges: &Edges, orientation: Orientation) -> Option<Rect> {
    let stack = axis
        .iter()
        .skip(1)
        .fold(axis[0].bbox, |r, t| r.union(&t.bbox));
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
            let beside = if right {
                e.at >= stack.x1 - 1.0 && e.at <= stack.x1 + AXIS_REACH
            } else {
                e.at <= stack.x0 + 1.0 && e.at >= stack.x0 - AXIS_REACH
            };
            let cover = (e.to.min(bottom) - e.from.max(top)).max(0.0);
            // An axis ends about where its values do; a rule running on far past them is
            // the side of a ruled column (a form's row numbers).
            let beyond = (e.to - e.from) - (bottom - top);
            beside && cover >= AXIS_COVER * (bottom - top) && beyond <= 2.0 * (gap + height)
        });
        // Lines across that start at the axis, within its height: gridlines, the
        // category axis, tick marks.
        let across: Vec<&Edge> = edges
            .across_between(top - height, bottom + height)
            .iter()
            .filter(|e| e.at >= top - height && e.at <= bottom + height && starts_by(e))
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
        let (mut x0, mut x1) = (stack.x0, stack.x1);
        for e in &long {
            x0 = x0.min(e.from);
            x1 = x1.max(e.to);
        }
        let (mut y0, mut y1) = (stack.y0, stack.y1);
        if let Some(a) = axis_rule {
            y0 = y0.min(a.from);
            y1 = y1.max(a.to);
        }
        for e in &long {
            y0 = y0.min(e.at);
            y1 = y1.max(e.at);
        }
        return Some(Rect { x0, y0, x1, y1 });
    }
    None
}

/// Which way a value axis runs.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Orientation {
    /// Up the page: values stacked one above the other, the plot beside them.
    Upright,
    /// Along the page: values side by side, the plot above or below them.
    Lying,
}

/// The rectangle mirrored on the page's diagonal: across becomes down.
fn transposed(r: Rect) -> Rect {
    Rect {
        x0: r.y0,
        y0: r.x0,
        x1: r.y1,
        y1: r.x1,
    }
}

/// Whether the line's box has its middle inside `area`.
fn inside(b: &Rect, area: &Rect) -> bool {
    let (x, y) = ((b.x0 + b.x1) / 2.0, (b.y0 + b.y1) / 2.0);
    x >= area.x0 && x <= area.x1 && y >= area.y0 && y <= area.y1
}

/// Whether a line must stay text whatever surrounds it: a caption, a panel's caption
/// under it ("(b) Sinus"), a source, a note.
fn stays_text(plain: &str) -> bool {
    let t = plain.trim_start();
    caption_opening(t).is_some()
        || ["Source", "Note", "SOURCE", "NOTE"]
            .iter()
            .any(|w| t.starts_with(w))
        || panel_caption(t)
}

/// Whether the line opens with a panel's letter in parentheses and goes on with a word:
/// "(b) Sinus", "(c) 2-Simplex".
fn panel_caption(t: &str) -> bool {
    let Some(rest) = t.strip_prefix('(') else {
        return false;
    };
    let mut chars = rest.chars();
    let letter = chars.next().is_some_and(|c| c.is_ascii_lowercase());
    letter
        && chars.next() == Some(')')
        && chars
            .as_str()
            .trim_start()
            .chars()
            .next()
            .is_some_and(char::is_alphanumeric)
}

/// Marks the lettering of the charts the drawing proves, numbering them through the
/// document, and gathers each chart's lines where the first of them is read.
pub fn mark(lines: &mut Vec<TextLine>, pages: &[Page], report: &mut Report) {
    let Some(body) = body_font_size(lines) else {
        return;
    };
    let mut number = 0u32;
    for (range, page) in drawn_pages(lines, pages) {
        if page.rules.is_empty() && page.rects.is_empty() {
            continue;
        }
        let edges = Edges::of(page);
        let ticks: Vec<Tick> = range
            .clone()
            .filter_map(|i| {
                let g = lines[i].geometry?;
                Some(Tick {
                    line: i,
                    bbox: g.bbox,
                    value: tick_value(&lines[i])?,
                })
            })
            .collect();
        let mut charted: Vec<(u32, (f64, f64), Vec<usize>)> = Vec::new();
        let mut lettered = vec![false; range.len()];
        // Value axes up the page, then along it (a horizontal bar chart's values under its
        // plot), found by the same reading of the page turned on its diagonal.
        let turned: Vec<Tick> = ticks
            .iter()
            .map(|t| Tick {
                bbox: transposed(t.bbox),
                ..*t
            })
            .collect();
        let edges_turned = Edges {
            across: edges.down.clone(),
            down: edges.across.clone(),
        };
        let mut found: Vec<(Vec<Tick>, Orientation)> = axes(&ticks)
            .into_iter()
            .map(|a| (a, Orientation::Upright))
            .collect();
        found.extend(axes(&turned).into_iter().map(|a| (a, Orientation::Lying)));
        if found.len() > MAX_AXES {
            report.push(
                Action::new(ActionKind::Guess)
                    .page(lines[range.start].page)
                    .evidence(format!(
                        "{} runs of evenly stepped numbers: a table of figures, not the axes \
                         of {MAX_AXES} charts or fewer; no chart looked for",
                        found.len()
                    ))
                    .confidence(0.9),
            );
            continue;
        }
        for (axis, orientation) in found {
            if axis.iter().any(|t| lettered[t.line - range.start]) {
                continue;
            }
            let (plot, axis) = match orientation {
                Orientation::Upright => (plot_area(&axis, &edges, orientation), axis),
                Orientation::Lying => (
                    plot_area(&axis, &edges_turned, orientation).map(transposed),
                    axis.iter()
                        .map(|t| Tick {
                            bbox: transposed(t.bbox),
                            ..*t
                        })
                        .collect(),
                ),
            };
            let Some(plot) = plot else {
                continue;
            };
            if let Some(members) = lettering(lines, range.clone(), &axis, plot, body, orientation) {
                number += 1;
                let ends = (axis[0].value, axis[axis.len() - 1].value);
                for &i in &members {
                    lettered[i - range.start] = true;
                }
                charted.push((number, ends, members));
            }
        }
        for (n, axis_ends, members) in &charted {
            for &i in members {
                lines[i].chart = *n;
            }
            let first = members.iter().min().copied().unwrap_or(range.start);
            let values: Vec<String> = [axis_ends.0, axis_ends.1]
                .into_iter()
                .map(|v| v.to_string())
                .collect();
            report.push(
                Action::new(ActionKind::ChartText)
                    .page(lines[first].page)
                    .lines(members.iter().map(|&i| lines[i].source_line))
                    .evidence(format!(
                        "{} lines inside a chart whose value axis ({}) is drawn with rules, kept \
                         with the figure",
                        members.len(),
                        values.join(" … ")
                    ))
                    .confidence(0.8),
            );
        }
        gather(lines, range, &charted);
    }
}

/// The lines that letter a chart whose axis and plot are found: every line inside the
/// plot and the axis, grown by the small print on their edges. None when running text
/// lies inside, or text stands level with most of the values (a table's rows).
fn lettering(
    lines: &[TextLine],
    range: std::ops::Range<usize>,
    axis: &[Tick],
    plot: Rect,
    body: f32,
    orientation: Orientation,
) -> Option<Vec<usize>> {
    let axis_lines: Vec<usize> = axis.iter().map(|t| t.line).collect();
    let stack = axis
        .iter()
        .skip(1)
        .fold(axis[0].bbox, |r, t| r.union(&t.bbox));
    let mut area = plot.union(&stack);
    // Text level with most values (or, for values along the page, set under most of them)
    // inside the plot is a table's rows or columns (a chart's plot may hold a label or a
    // value here and there).
    let height = axis[0].bbox.height();
    let in_plot: Vec<Rect> = range
        .clone()
        .filter(|i| !axis_lines.contains(i))
        .filter_map(|i| lines[i].geometry.map(|g| g.bbox))
        .filter(|b| inside(b, &plot))
        .collect();
    let lined_up = |t: &Tick| match orientation {
        Orientation::Upright => in_plot
            .iter()
            .any(|b| ((b.y0 + b.y1) / 2.0 - t.middle()).abs() <= 0.4 * height),
        Orientation::Lying => in_plot.iter().any(|b| {
            let overlap = b.x1.min(t.bbox.x1) - b.x0.max(t.bbox.x0);
            overlap >= 0.5 * b.width().min(t.bbox.width())
        }),
    };
    let rows = axis.iter().filter(|t| lined_up(t)).count();
    if 2 * rows >= axis.len() {
        return None;
    }
    let mut members: Vec<usize> = Vec::new();
    for i in range.clone() {
        let l = &lines[i];
        let Some(g) = l.geometry else { continue };
        if l.is_blank() || !(axis_lines.contains(&i) || inside(&g.bbox, &area)) {
            continue;
        }
        let plain = l.plain_cow();
        if stays_text(&plain) {
            continue;
        }
        if crate::words::words(&plain) >= RUNNING_WORDS && g.font_size >= 0.95 * body {
            return None;
        }
        members.push(i);
    }
    // The edges: category labels, axis titles, a legend. Each pass takes what touches
    // the area so far; a bounded number of passes keeps a page of specks linear.
    let mut member = vec![false; range.len()];
    for &i in &members {
        member[i - range.start] = true;
    }
    for _ in 0..GROWTH_PASSES {
        let before = members.len();
        for i in range.clone() {
            if member[i - range.start] {
                continue;
            }
            let l = &lines[i];
            let Some(g) = l.geometry else { continue };
            let b = g.bbox;
            let plain = l.plain_cow();
            let small = g.font_size <= 0.95 * body || tick_value(l).is_some();
            let short = crate::words::words(&plain) <= EDGE_WORDS || tick_row(&plain);
            if l.is_blank() || !small || stays_text(&plain) || !short {
                continue;
            }
            let reach = b.height();
            let bounds = Rect {
                x0: plot.x0 - EDGE_REACH.0 * height,
                y0: plot.y0 - EDGE_REACH.1 * height,
                x1: plot.x1 + EDGE_REACH.0 * height,
                y1: plot.y1 + EDGE_REACH.1 * height,
            };
            if b.x0 < bounds.x0 || b.x1 > bounds.x1 || b.y0 < bounds.y0 || b.y1 > bounds.y1 {
                continue;
            }
            let across = b.x0 >= area.x0 - reach && b.x1 <= area.x1 + reach;
            let down = b.y0 >= area.y0 - reach && b.y1 <= area.y1 + reach;
            let above_or_below = across && b.y1 >= area.y0 - reach && b.y0 <= area.y1 + reach;
            let beside = down && b.x1 >= area.x0 - 2.0 * reach && b.x0 <= area.x1 + 2.0 * reach;
            if above_or_below || beside {
                member[i - range.start] = true;
                members.push(i);
                area = area.union(&b);
            }
        }
        if members.len() == before {
            break;
        }
    }
    members.sort_unstable();
    Some(members)
}

/// Moves each chart's lines to where the first of them is read, in their reading order.
fn gather(
    lines: &mut Vec<TextLine>,
    range: std::ops::Range<usize>,
    charted: &[(u32, (f64, f64), Vec<usize>)],
) {
    if charted.is_empty() {
        return;
    }
    let page: Vec<TextLine> = lines[range.clone()].to_vec();
    let mut order: Vec<TextLine> = Vec::with_capacity(page.len());
    let mut placed = vec![false; page.len()];
    for (k, line) in page.iter().enumerate() {
        if placed[k] {
            continue;
        }
        if line.chart != 0 {
            for (j, other) in page.iter().enumerate().skip(k) {
                if other.chart == line.chart && !placed[j] {
                    order.push(other.clone());
                    placed[j] = true;
                }
            }
        } else {
            order.push(line.clone());
            placed[k] = true;
        }
    }
    lines.splice(range, order);
}

#[cfg(test)]
#[path = "charts_tests.rs"]
mod tests;
