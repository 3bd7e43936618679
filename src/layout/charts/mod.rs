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
//! row over its ruled columns (a survey's "1 2 3 4 5", a table's years). Where nothing is
//! drawn (a scatter plot whose axes are painted some other way), two such runs meeting
//! at a corner, one up the page and one along its foot reaching away from it, frame the
//! plot as a chart's axes meet at its origin.
//!
//! The plotting area is where the axis's rules reach, or the frame two axes make; its
//! lettering is every line inside it, and small print standing on its edges (the
//! category labels under it, a legend over it), found by growing the area a line at a
//! time. A figure's caption, its source and its notes are never lettering: they stay
//! text.
//!
//! A diagram drawn over a figure's caption (boxes and arrows, no value axis) letters a
//! figure the same way (see [`diagrams`]).
//!
//! Marked lines are gathered where the first of them is read, so that a chart reads as
//! one block; the structure pass keeps them with the figure (see [`TextLine::chart`]).

use crate::caption_labels::{caption_opening, opens_with_label};
use crate::lines::{TextLine, body_font_size};
use crate::report::{Action, ActionKind, Report};
use crate::source::{Page, Rect};

mod axes;
mod diagrams;
mod frame;

use axes::{Orientation, Tick, axes, corner, plot_area, span, tick_row, tick_value, transposed};

use super::drawn_pages;
use super::edges::Edges;

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

/// A chart found on a page: its number through the document, its value axis's first and
/// last values, its lines (indexes into the line stream) and what proves it.
struct Chart {
    number: u32,
    ends: (f64, f64),
    members: Vec<usize>,
    proof: Proof,
}

/// What proves a chart's plot.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Proof {
    /// Rules drawn with its value axis: an axis rule, gridlines, tick marks.
    Drawn,
    /// A second axis, along the page, meeting the first at its foot.
    Corner,
}

/// Whether the line's box has its middle inside `area`.
fn inside(b: &Rect, area: &Rect) -> bool {
    let (x, y) = ((b.x0 + b.x1) / 2.0, (b.y0 + b.y1) / 2.0);
    x >= area.x0 && x <= area.x1 && y >= area.y0 && y <= area.y1
}

/// Whether a line must stay text whatever surrounds it: a caption (its label and number
/// with or without a stop after them), a panel's caption
/// under it ("(b) Sinus"), a source, a note.
fn stays_text(plain: &str) -> bool {
    let t = plain.trim_start();
    caption_opening(t).is_some()
        || opens_with_label(t)
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
pub fn mark(lines: &mut [TextLine], pages: &[Page], report: &mut Report) {
    let Some(body) = body_font_size(lines) else {
        return;
    };
    let mut number = 0u32;
    for (range, page) in drawn_pages(lines, pages) {
        let charted = page_charts(lines, range.clone(), page, body, &mut number, report);
        let mut drawn_figure = false;
        for Chart {
            number: n,
            ends: axis_ends,
            members,
            proof,
        } in &charted
        {
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
                        "{} lines inside a chart whose value axis ({}) {}, kept with the figure",
                        members.len(),
                        values.join(" … "),
                        match proof {
                            Proof::Drawn => "is drawn with rules",
                            Proof::Corner =>
                                "meets a second axis of evenly stepped values at its foot",
                        }
                    ))
                    .confidence(0.8),
            );
        }
        for (members, label) in diagrams::page_diagrams(lines, range.clone(), page, body) {
            number += 1;
            for &i in &members {
                lines[i].chart = number;
            }
            report.push(
                Action::new(ActionKind::ChartText)
                    .page(lines[members[0]].page)
                    .lines(members.iter().map(|&i| lines[i].source_line))
                    .evidence(format!(
                        "{} lines inside the drawing over the caption \"{label}\", kept \
                         with the figure",
                        members.len()
                    ))
                    .confidence(0.7),
            );
            drawn_figure = true;
        }
        if !charted.is_empty() || drawn_figure {
            // Each chart's lines where the first of them is read, in their reading order.
            super::gather_groups(
                &mut lines[range],
                |l| (l.chart != 0).then_some(l.chart),
                |_, _| {},
            );
        }
    }
}

/// The charts on one page (`range` of the line stream) that its drawing, or two axes
/// meeting, proves, numbered on from `number`.
fn page_charts(
    lines: &[TextLine],
    range: std::ops::Range<usize>,
    page: &Page,
    body: f32,
    number: &mut u32,
    report: &mut Report,
) -> Vec<Chart> {
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
    // No axis without its values: the page's drawing need not be read.
    if ticks.len() < axes::MIN_TICKS {
        return Vec::new();
    }
    let edges = Edges::of(page);
    let mut charted: Vec<Chart> = Vec::new();
    // A table's cells, which its ruled grid proves, are no chart's lettering.
    let mut lettered: Vec<bool> = lines[range.clone()]
        .iter()
        .map(|l| l.cell.is_some())
        .collect();
    // Value axes up the page, then along it (a horizontal bar chart's values under its
    // plot), found by the same reading of the page turned on its diagonal.
    let turned: Vec<Tick> = ticks.iter().map(Tick::turned).collect();
    let edges_turned = edges.turned();
    let upright = axes(&ticks);
    let lying: Vec<Vec<Tick>> = axes(&turned)
        .into_iter()
        .map(|a| a.iter().map(Tick::turned).collect())
        .collect();
    if upright.len() + lying.len() > MAX_AXES {
        report.push(
            Action::new(ActionKind::Guess)
                .page(lines[range.start].page)
                .evidence(format!(
                    "{} runs of evenly stepped numbers: a table of figures, not the axes \
                     of {MAX_AXES} charts or fewer; no chart looked for",
                    upright.len() + lying.len()
                ))
                .confidence(0.9),
        );
        return Vec::new();
    }
    let found = upright
        .iter()
        .map(|a| (a, Orientation::Upright))
        .chain(lying.iter().map(|a| (a, Orientation::Lying)));
    for (axis, orientation) in found {
        if axis.iter().any(|t| lettered[t.line - range.start]) {
            continue;
        }
        let drawn = match orientation {
            Orientation::Upright => plot_area(axis, &edges, orientation),
            Orientation::Lying => {
                let turned: Vec<Tick> = axis.iter().map(Tick::turned).collect();
                plot_area(&turned, &edges_turned, orientation).map(transposed)
            }
        };
        let (plot, proof) = match drawn {
            Some(plot) => (plot, Proof::Drawn),
            None if orientation == Orientation::Upright => {
                match lying.iter().find_map(|l| corner(axis, l)) {
                    Some(plot) => (plot, Proof::Corner),
                    None => continue,
                }
            }
            None => continue,
        };
        let framed = lines[axis[0].line].geometry.and_then(|g| {
            frame::frame_around(
                &edges,
                plot.union(&span(axis)),
                (g.page_width, g.page_height),
            )
        });
        if let Some(mut members) =
            lettering(lines, range.clone(), axis, plot, body, orientation, framed)
        {
            members.retain(|&i| lines[i].cell.is_none());
            *number += 1;
            let ends = (axis[0].value, axis[axis.len() - 1].value);
            for &i in &members {
                lettered[i - range.start] = true;
            }
            charted.push(Chart {
                number: *number,
                ends,
                members,
                proof,
            });
        }
    }
    charted
}

/// The lines that letter a chart whose axis and plot are found: every line inside the
/// plot and the axis, grown by the small print on their edges. None when running text
/// lies inside, or text stands level with most of the values (a table's rows). Where a
/// frame is drawn round the plot, what it holds is lettering too (see [`framed_lettering`]).
fn lettering(
    lines: &[TextLine],
    range: std::ops::Range<usize>,
    axis: &[Tick],
    plot: Rect,
    body: f32,
    orientation: Orientation,
    frame: Option<Rect>,
) -> Option<Vec<usize>> {
    let axis_lines: Vec<usize> = axis.iter().map(|t| t.line).collect();
    let stack = span(axis);
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
    if let Some(frame) = frame {
        let lettered = Lettered {
            member: &member,
            plot: plot.union(&stack),
            tick_size: lines[axis[0].line].geometry.map_or(body, |g| g.font_size),
        };
        members.extend(framed_lettering(lines, range, &lettered, frame, body));
    }
    members.sort_unstable();
    Some(members)
}

/// What is known of a chart when its frame is read: the lines already its lettering
/// (indexed from the page's first line), its plot with the value axis, and the size of
/// its tick values.
struct Lettered<'a> {
    member: &'a [bool],
    plot: Rect,
    tick_size: f32,
}

/// The lines a chart's frame holds beyond the lettering found on its plot and edges: its
/// axis titles and legend, whatever their size. A caption, a source or a note stays text,
/// and so does a line set directly under one in its type (the caption's second line), and
/// a title over the plot set larger than its values or in bold (a graph's own title names
/// the figure: it stays readable). Running text inside the frame says it frames more than
/// a chart: then nothing more is taken.
fn framed_lettering(
    lines: &[TextLine],
    range: std::ops::Range<usize>,
    chart: &Lettered,
    frame: Rect,
    body: f32,
) -> Vec<usize> {
    let mut held: Vec<usize> = Vec::new();
    let mut text_above: Vec<crate::lines::LineGeometry> = Vec::new();
    for i in range.clone() {
        let l = &lines[i];
        let Some(g) = l.geometry else { continue };
        if chart.member[i - range.start]
            || l.is_blank()
            || l.cell.is_some()
            || !inside(&g.bbox, &frame)
        {
            continue;
        }
        let plain = l.plain_cow();
        let goes_on_text = text_above.iter().any(|a| {
            (a.font_size - g.font_size).abs() < 0.3
                && super::style::stacked((l.page, a.bbox), l.page, &g)
        });
        let title = g.bbox.y1 <= chart.plot.y0
            && (g.font_size > 1.1 * chart.tick_size || crate::rich::all_bold(&l.text));
        if stays_text(&plain) || goes_on_text || title {
            text_above.push(g);
            continue;
        }
        if crate::words::words(&plain) >= RUNNING_WORDS && g.font_size >= 0.95 * body {
            return Vec::new();
        }
        held.push(i);
    }
    held
}

#[cfg(test)]
mod tests;
