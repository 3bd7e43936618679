//! Diagrams: a block diagram, a flow chart, a schematic drawn over its figure caption.
//! Its labels ("Memory", "S2: X Unit", "Packets of 1-4 instructions") are the figure's
//! lettering, like a chart's; read as text they become headings and stray paragraphs.
//!
//! Only the drawing and the caption prove a diagram. The caption names a figure
//! ("Figure 1-1", "Fig. 3:"); the drawing is the cluster of rules and rectangles standing
//! right over it: shapes whose bottoms reach within a few lines of the caption, and every
//! shape near those, and so on. Its lines are the lettering when
//! none of them is running text and they do not stand in the rows of a table; a caption,
//! source or note among them stays text.

use crate::caption_labels::{Captioned, label_named};
use crate::lines::TextLine;
use crate::source::{Page, Rect};

use super::{GROWTH_PASSES, RUNNING_WORDS, inside, stays_text};

/// How far over a caption (in body sizes) the drawing's lowest shapes may end.
const SEED_REACH: f32 = 4.0;
/// How close (in body sizes) a shape stands to a drawing to be part of it.
const TOUCH: f32 = 2.0;
/// Shapes a page may hold for its drawings to be read; beyond, the page is a chart of
/// dots or a hatched map, not a diagram of labelled boxes.
pub(super) const MAX_SHAPES: usize = 4000;
/// Share of the page a diagram covers at most.
const MAX_PAGE_SHARE: f32 = 0.7;
/// Share of the measure (the page's text from its leftmost to its rightmost line) a
/// shape spans at most to be part of a drawing.
const PAGE_WIDE: f32 = 0.9;
/// Lines of a paragraph: lines at the body's size holding this many words or more,
/// stacked three or more at one left edge, are running text, however narrow the column.
const PARAGRAPH_WORDS: usize = 6;
/// Rows of three or more lines on one baseline a drawing may hold before it reads as a
/// table.
const MAX_ROWS: usize = 2;

/// The diagrams on one page (`range` of the line stream): for each, the lines that letter
/// it and its caption's label. Lines already a chart's or a ruled table's are left alone.
pub(super) fn page_diagrams(
    lines: &[TextLine],
    range: std::ops::Range<usize>,
    page: &Page,
    body: f32,
) -> Vec<(Vec<usize>, String)> {
    let shapes: Vec<Rect> = page
        .rules
        .iter()
        .map(|r| r.rect)
        .chain(page.rects.iter().map(|r| r.rect))
        .filter(|r| r.x0.is_finite() && r.y0.is_finite() && r.x1.is_finite() && r.y1.is_finite())
        .collect();
    if shapes.len() < 4 || shapes.len() > MAX_SHAPES {
        return Vec::new();
    }
    let Some(size) = lines[range.start]
        .geometry
        .map(|g| (g.page_width, g.page_height))
    else {
        return Vec::new();
    };
    // A shape across the whole measure (a letterhead's band, a rule between sections or
    // over the notes) is the page's, not a drawing's: through it, a drawing would reach
    // the text of every column.
    let (left, right) = range
        .clone()
        .filter_map(|i| lines[i].geometry)
        .fold((f32::MAX, f32::MIN), |(l, r), g| {
            (l.min(g.bbox.x0), r.max(g.bbox.x1))
        });
    let measure = right - left;
    let shapes: Vec<Rect> = shapes
        .into_iter()
        .filter(|s| s.width() < PAGE_WIDE * measure)
        .collect();
    let mut found: Vec<(Vec<usize>, String)> = Vec::new();
    let mut taken = vec![false; range.len()];
    for c in range.clone() {
        let Some(cg) = lines[c].geometry else {
            continue;
        };
        let plain = lines[c].plain_cow();
        if lines[c].chart != 0 || label_named(plain.trim()) != Some(Captioned::Figure) {
            continue;
        }
        // The caption's row: its label may stand apart from its title ("Figure 1-1",
        // then "Processor architecture" a quad further on).
        let row = range
            .clone()
            .filter_map(|i| lines[i].geometry)
            .filter(|g| (g.baseline - cg.baseline).abs() <= 1.0)
            .fold(cg.bbox, |r, g| r.union(&g.bbox));
        let Some(area) = drawing_over(&shapes, row, body) else {
            continue;
        };
        let share = area.width() * area.height() / (size.0 * size.1);
        if area.y1 > cg.bbox.y0 + 1.0
            || area.height() < 3.0 * body
            || area.width() < 6.0 * body
            || share > MAX_PAGE_SHARE
        {
            continue;
        }
        if let Some(members) = lettering(lines, range.clone(), &taken, area, body) {
            for &i in &members {
                taken[i - range.start] = true;
            }
            let label = plain
                .split_whitespace()
                .take(2)
                .collect::<Vec<_>>()
                .join(" ");
            found.push((members, label));
        }
    }
    found
}

/// The lines inside a drawing's `area` that letter it; none when one is running text, a
/// box's, a table's or a chart's, or when they stand in rows like a table's.
fn lettering(
    lines: &[TextLine],
    range: std::ops::Range<usize>,
    taken: &[bool],
    area: Rect,
    body: f32,
) -> Option<Vec<usize>> {
    let mut members: Vec<usize> = Vec::new();
    for i in range.clone() {
        let l = &lines[i];
        let Some(g) = l.geometry else { continue };
        if l.is_blank() || !inside(&g.bbox, &area) {
            continue;
        }
        let plain = l.plain_cow();
        if stays_text(&plain) {
            continue;
        }
        let running = crate::words::words(&plain) >= RUNNING_WORDS && g.font_size >= 0.95 * body;
        if running || l.chart != 0 || l.cell.is_some() || l.boxed != 0 || taken[i - range.start] {
            return None;
        }
        members.push(i);
    }
    let fits = members.len() >= 2
        && rows(lines, &members) <= MAX_ROWS
        && !holds_paragraph(lines, &members, body);
    fits.then_some(members)
}

/// Whether three of the lines, each at the body's size and of [`PARAGRAPH_WORDS`] or
/// more, stand one under the next at one left edge, a line's spacing apart: a paragraph
/// of a narrow column, not a diagram's labels.
fn holds_paragraph(lines: &[TextLine], members: &[usize], body: f32) -> bool {
    let mut prose: Vec<crate::lines::LineGeometry> = members
        .iter()
        .filter_map(|&i| {
            let g = lines[i].geometry?;
            let long = crate::words::words(&lines[i].plain_cow()) >= PARAGRAPH_WORDS;
            (long && g.font_size >= 0.95 * body).then_some(g)
        })
        .collect();
    // Down the page, each line's followers lie within its pitch: a window, not the whole
    // drawing, is searched for them.
    prose.sort_by(|a, b| a.baseline.total_cmp(&b.baseline));
    let lines_under = |k: usize| {
        let a = prose[k];
        prose[k + 1..]
            .iter()
            .enumerate()
            .take_while(move |(_, b)| b.baseline - a.baseline <= 1.6 * a.font_size)
            .filter(move |(_, b)| (a.bbox.x0 - b.bbox.x0).abs() <= 1.0 && b.baseline > a.baseline)
            .map(move |(j, _)| k + 1 + j)
    };
    let has_under: Vec<bool> = (0..prose.len())
        .map(|k| lines_under(k).next().is_some())
        .collect();
    (0..prose.len()).any(|k| lines_under(k).any(|j| has_under[j]))
}

/// How many baselines three or more of the lines share (within a point): a table's rows.
fn rows(lines: &[TextLine], members: &[usize]) -> usize {
    let mut baselines: Vec<f32> = members
        .iter()
        .filter_map(|&i| lines[i].geometry.map(|g| g.baseline))
        .collect();
    baselines.sort_by(f32::total_cmp);
    let mut rows = 0;
    let mut start = 0;
    for k in 1..=baselines.len() {
        if k == baselines.len() || baselines[k] - baselines[start] > 1.0 {
            rows += usize::from(k - start >= 3);
            start = k;
        }
    }
    rows
}

/// The drawing standing over a caption's `row`: the shapes whose bottoms end within
/// [`SEED_REACH`] lines over it, above its row, grown by every shape that comes within
/// [`TOUCH`] of the drawing so far and ends over the caption. Each pass reads the
/// page's shapes once; a bounded number of passes keeps a page of specks linear.
fn drawing_over(shapes: &[Rect], row: Rect, body: f32) -> Option<Rect> {
    let top = row.y0 + 1.0;
    let mut area = shapes
        .iter()
        .filter(|s| {
            s.y1 <= top && s.y1 >= row.y0 - SEED_REACH * body && s.x0 < row.x1 && row.x0 < s.x1
        })
        .copied()
        .reduce(|a, b| a.union(&b))?;
    let touch = TOUCH * body;
    for _ in 0..GROWTH_PASSES {
        let before = area;
        for s in shapes {
            let near = s.y1 >= area.y0 - touch
                && s.y0 <= area.y1 + touch
                && s.x0 <= area.x1 + touch
                && s.x1 >= area.x0 - touch;
            if s.y1 <= top && near {
                area = area.union(s);
            }
        }
        if area == before {
            break;
        }
    }
    Some(area)
}
