//! Boxes: sidebars, callouts and "key findings" panels that a frame or a tint sets apart
//! from the running text.
//!
//! The reader keeps every rectangle painted in a colour the page shows
//! ([`crate::source::PaintedRect`]); here a rectangle becomes a box only when the page
//! around it says so, and every doubt leaves the lines as they are:
//! - it holds at least [`MIN_LINES`] lines wholly, and no line runs across its edge (a
//!   tint under part of a line is a highlight, a band under the text of a cover page is
//!   background);
//! - it is not most of the page (a page border or a background), and running text lies
//!   outside it on the same page;
//! - it stands alone: rectangles stacked edge to edge over the same width are one panel
//!   (a tinted title band over a framed body), but a rectangle touching others in any
//!   other way is a cell of a grid or a shape of a diagram, and one lying inside a larger
//!   panel that is not a box is part of a figure;
//! - its lines stand one under another: lines side by side inside a frame are a table's
//!   cells or a chart's labels, and several rectangles inside it are shaded rows or cells;
//! - it is not the article's abstract, which some publishers set on a tint: that is a
//!   part of the document, not a box beside it;
//! - after reading order is settled its lines follow one another, so it reads as one
//!   region where it sits.
//!
//! A box holding a smaller one is the box (boxes do not nest here). Each line of a box
//! gets its number ([`TextLine::boxed`]); the structure pass gathers its blocks.

use crate::lines::TextLine;
use crate::report::{Action, ActionKind, Report};
use crate::source::{Page, PaintedRect, Rect};
use foldhash::HashSet;

/// Lines a box holds at least: one highlighted line is emphasis, not a box.
pub const MIN_LINES: usize = 2;
/// Largest share of the page a box covers: beyond it, a border or background.
const MAX_PAGE_SHARE: f32 = 0.45;
/// Lines of running text outside the box on its page, at least.
const MIN_OUTSIDE_LINES: usize = 3;
/// Words inside it, at least (see [`words`]): a frame around a few labels is a drawing.
const MIN_WORDS: usize = 6;
/// Words in its longest line, at least: a box holds sentences, a diagram's shapes hold
/// names and labels.
const SENTENCE_WORDS: usize = 4;
/// Rectangles inside it beyond which it is a grid of shaded cells or rows.
const MAX_INNER_RECTS: usize = 2;
/// How far (points) a line's box may reach past the rectangle and still lie in it (glyph
/// boxes are approximate).
const SLACK: f32 = 1.5;

/// Gap (points) within which two rectangles touch.
const TOUCH: f32 = 2.0;

/// Numbers the lines of every box found; `pages` carries the painted rectangles.
pub fn mark(lines: &mut [TextLine], pages: &[Page], report: &mut Report) {
    if pages.iter().all(|p| p.rects.is_empty()) {
        return;
    }
    let mut next = 1u32;
    for (range, page) in super::drawn_pages(lines, pages) {
        if page.rects.is_empty() {
            continue;
        }
        for (found, rect) in find(&lines[range.clone()], &page.rects) {
            let mut numbers = Vec::new();
            for &i in &found {
                let line = &mut lines[range.start + i];
                line.boxed = next;
                numbers.push(line.source_line);
            }
            report.push(
                Action::new(ActionKind::Guess)
                    .page(page.number)
                    .lines(numbers)
                    .evidence(format!(
                        "a box: {} lines inside a {} rectangle of {:.0}×{:.0} pt, apart from \
                         the running text",
                        found.len(),
                        match (rect.stroked, rect.filled) {
                            (true, true) => "framed, tinted",
                            (true, false) => "framed",
                            _ => "tinted",
                        },
                        rect.rect.width(),
                        rect.rect.height()
                    ))
                    .confidence(0.8),
            );
            next += 1;
        }
    }
}

/// The boxes on one page (`lines` in reading order): each one's line indexes, in order,
/// and its rectangle.
fn find(lines: &[TextLine], rects: &[PaintedRect]) -> Vec<(Vec<usize>, PaintedRect)> {
    let Some(g) = lines.iter().find_map(|l| l.geometry) else {
        return Vec::new();
    };
    let page_area = g.page_width * g.page_height;
    // A page border or background is no panel, and holds every panel.
    let rects: Vec<&PaintedRect> = rects
        .iter()
        .filter(|r| area(&r.rect) <= MAX_PAGE_SHARE * page_area)
        .collect();
    let mut candidates = panels(&rects);
    // The largest first: a box holding a smaller one is the box.
    candidates.sort_by(|a, b| area(&b.1).total_cmp(&area(&a.1)));
    let mut taken = vec![false; lines.len()];
    let mut out = Vec::new();
    let placed = lines.iter().filter(|l| l.geometry.is_some()).count();
    for (first, panel) in candidates {
        let r = rects[first];
        let Some(inside) = enclosed(lines, &panel) else {
            continue;
        };
        // The cheap tests first: most rectangles are cells, bands and plot areas.
        if inside.len() < MIN_LINES
            || placed - inside.len() < MIN_OUTSIDE_LINES
            || !inside.windows(2).all(|w| w[1] == w[0] + 1)
            || inside.iter().any(|&i| taken[i])
        {
            continue;
        }
        let inner = rects
            .iter()
            .filter(|o| holds(&panel, &o.rect) && !same_width(&panel, &o.rect))
            .count();
        let touching = rects.iter().any(|o| {
            let near = grown(&panel).intersects(&o.rect);
            near && !holds(&panel, &o.rect)
        });
        // A rectangle behind each line, stacked into a column (a wrap's backdrop, one
        // shading per line) is no panel: a panel is one shape, or a band over a body.
        let strips = rects
            .iter()
            .filter(|o| holds(&panel, &o.rect) && same_width(&panel, &o.rect))
            .count();
        let per_line = strips >= 3 && strips * 2 >= inside.len();
        if inner > MAX_INNER_RECTS || touching || per_line || side_by_side(lines, &inside) {
            continue;
        }
        let words: Vec<usize> = inside.iter().map(|&i| words(&lines[i])).collect();
        if words.iter().sum::<usize>() < MIN_WORDS
            || words.iter().all(|&n| n < SENTENCE_WORDS)
            || opens_abstract(&lines[inside[0]])
        {
            continue;
        }
        for &i in &inside {
            taken[i] = true;
        }
        out.push((inside, PaintedRect { rect: panel, ..*r }));
    }
    // In reading order.
    out.sort_by_key(|(inside, _)| inside[0]);
    out
}

/// The panels the rectangles make: each rectangle with those stacked on it edge to edge
/// over the same width, as (the first rectangle's index, the panel's extent), each panel
/// once.
///
/// Each panel grows by passes over the rectangles in their order, taking in every one
/// stacked on it as it stands when the pass reaches it, until a pass changes nothing. A
/// page of many rectangles (a glyph chart, a grid of cells) made that quadratic in them
/// per panel; so a pass only looks at the rectangles whose left edge lies near the
/// panel's (no other spans its width), in their order: the same rectangles, taken in the
/// same order, as a scan of them all.
fn panels(rects: &[&PaintedRect]) -> Vec<(usize, Rect)> {
    let by_left = ByLeft::new(rects);
    let mut out: Vec<(usize, Rect)> = Vec::new();
    // The panels so far, as keys equal when the panels are (none holds a NaN).
    let mut seen: HashSet<[u32; 4]> = HashSet::default();
    let mut near = Vec::new();
    for (i, r) in rects.iter().enumerate() {
        let mut panel = r.rect;
        if let Some(grown) = by_left.of_one_width(rects, panel, &mut near) {
            panel = grown;
        } else {
            loop {
                let before = panel;
                by_left.pass(rects, &mut panel, &mut near);
                if panel == before {
                    break;
                }
            }
        }
        let new = match panel_key(&panel) {
            Some(key) => seen.insert(key),
            // A NaN equals nothing, so no panel is the same as this one.
            None => true,
        };
        if new {
            out.push((i, panel));
        }
    }
    out
}

/// Whether `o` is stacked on `panel`: the same width, and touching or overlapping it
/// vertically.
fn stacked(panel: &Rect, o: &Rect) -> bool {
    same_width(panel, o) && o.y0 <= panel.y1 + TOUCH && o.y1 >= panel.y0 - TOUCH
}

/// `panel`'s coordinates as a key equal for equal panels (0 and -0 alike), or `None`
/// when one is NaN.
fn panel_key(panel: &Rect) -> Option<[u32; 4]> {
    let bits = |v: f32| (!v.is_nan()).then(|| if v == 0.0 { 0 } else { v.to_bits() });
    Some([
        bits(panel.x0)?,
        bits(panel.y0)?,
        bits(panel.x1)?,
        bits(panel.y1)?,
    ])
}

/// The rectangles' indexes sorted by left edge (NaN edges left out: they span no width).
struct ByLeft {
    indexes: Vec<usize>,
    lefts: Vec<f64>,
}

impl ByLeft {
    /// How far apart two left edges may be and the rectangles still span the same width:
    /// [`TOUCH`], with room for the rounding of `same_width`'s subtraction.
    const REACH: f64 = TOUCH as f64 + 1.0;

    fn new(rects: &[&PaintedRect]) -> ByLeft {
        let mut indexes: Vec<usize> = (0..rects.len())
            .filter(|&i| !rects[i].rect.x0.is_nan())
            .collect();
        indexes.sort_by(|&a, &b| rects[a].rect.x0.total_cmp(&rects[b].rect.x0));
        let lefts = indexes
            .iter()
            .map(|&i| f64::from(rects[i].rect.x0))
            .collect();
        ByLeft { indexes, lefts }
    }

    /// The rectangles whose left edge lies within [`Self::REACH`] of `left`, by left edge:
    /// the only ones that can span a panel's width when its left edge is there.
    fn around(&self, left: f64) -> &[usize] {
        let start = self.lefts.partition_point(|&l| l < left - Self::REACH);
        let end = self.lefts.partition_point(|&l| l <= left + Self::REACH);
        &self.indexes[start..end.max(start)]
    }

    /// One pass over the rectangles in their order, `panel` taking in each one stacked on
    /// it as it stands then. Only those whose left edge is near the panel's can be: they
    /// are gathered (into `near`, in their order) once, and again after a rectangle taken
    /// in moves the panel's left edge.
    fn pass(&self, rects: &[&PaintedRect], panel: &mut Rect, near: &mut Vec<usize>) {
        let mut from = 0;
        'gather: loop {
            let left = f64::from(panel.x0);
            if left.is_nan() {
                return;
            }
            near.clear();
            near.extend(self.around(left).iter().filter(|&&j| j >= from));
            near.sort_unstable();
            for &j in near.iter() {
                if stacked(panel, &rects[j].rect) {
                    let moved = panel.x0.to_bits();
                    *panel = panel.union(&rects[j].rect);
                    if panel.x0.to_bits() != moved {
                        from = j + 1;
                        continue 'gather;
                    }
                }
            }
            return;
        }
    }
}

impl ByLeft {
    /// The panel `start` grows into, found without passes, when taking in the
    /// rectangles stacked on it never moves its left or right edge (a column of cells of
    /// one width, the usual case); `None` when one would, or when an edge is NaN.
    ///
    /// With both edges fixed, a rectangle stacked on the panel stays stacked as the panel
    /// grows, so the passes end with the same panel whatever order they take the
    /// rectangles in: every one linked to `start` by a chain of stacked ones. On a glyph
    /// chart's column of a hundred cells the passes took in one cell above per pass, each
    /// pass reading the whole column.
    fn of_one_width(
        &self,
        rects: &[&PaintedRect],
        start: Rect,
        near: &mut Vec<usize>,
    ) -> Option<Rect> {
        if [start.x0, start.y0, start.x1, start.y1]
            .iter()
            .any(|v| v.is_nan())
        {
            return None;
        }
        // Only rectangles of the panel's width can ever be stacked on it.
        near.clear();
        near.extend(
            self.around(f64::from(start.x0))
                .iter()
                .filter(|&&j| same_width(&start, &rects[j].rect)),
        );
        near.sort_unstable_by(|&a, &b| rects[a].rect.y0.total_cmp(&rects[b].rect.y0));
        let mut panel = start;
        let take = |panel: &mut Rect, j: usize| -> Option<bool> {
            let o = &rects[j].rect;
            if !stacked(panel, o) {
                return Some(false);
            }
            let grown = panel.union(o);
            let same = |a: f32, b: f32| a.to_bits() == b.to_bits();
            if !same(grown.x0, panel.x0) || !same(grown.x1, panel.x1) {
                return None;
            }
            *panel = grown;
            Some(true)
        };
        loop {
            let before = near.len();
            // Down the page, then up it: a chain either way is taken in one sweep.
            let mut kept = Vec::with_capacity(near.len());
            for &j in near.iter() {
                if !take(&mut panel, j)? {
                    kept.push(j);
                }
            }
            let mut rest = Vec::with_capacity(kept.len());
            for &j in kept.iter().rev() {
                if !take(&mut panel, j)? {
                    rest.push(j);
                }
            }
            rest.reverse();
            *near = rest;
            if near.len() == before {
                return Some(panel);
            }
        }
    }
}

/// Whether the two span the same width (within [`TOUCH`]).
fn same_width(a: &Rect, b: &Rect) -> bool {
    (a.x0 - b.x0).abs() <= TOUCH && (a.x1 - b.x1).abs() <= TOUCH
}

/// `r` widened by [`TOUCH`] on every side.
fn grown(r: &Rect) -> Rect {
    Rect {
        x0: r.x0 - TOUCH,
        y0: r.y0 - TOUCH,
        x1: r.x1 + TOUCH,
        y1: r.y1 + TOUCH,
    }
}

/// The words of a line: runs of two letters or more (a formula's symbols and a table's
/// figures are not words).
fn words(line: &TextLine) -> usize {
    line.plain_cow()
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| w.chars().nth(1).is_some())
        .count()
}

/// Whether the line opens an abstract ("Abstract", "ABSTRACT:", "Abstract. We ...").
fn opens_abstract(line: &TextLine) -> bool {
    let text = line.plain_cow();
    let word: String = text
        .trim_start()
        .chars()
        .take_while(|c| c.is_alphabetic())
        .collect();
    word.eq_ignore_ascii_case("abstract")
}

fn area(r: &Rect) -> f32 {
    r.width() * r.height()
}

/// Whether `inner` lies inside `outer` (with [`SLACK`]).
fn holds(outer: &Rect, inner: &Rect) -> bool {
    inner.x0 >= outer.x0 - SLACK
        && inner.y0 >= outer.y0 - SLACK
        && inner.x1 <= outer.x1 + SLACK
        && inner.y1 <= outer.y1 + SLACK
}

/// The indexes of the lines lying wholly inside `r`, or `None` when some line runs across
/// its edge.
fn enclosed(lines: &[TextLine], r: &Rect) -> Option<Vec<usize>> {
    let mut inside = Vec::new();
    for (i, l) in lines.iter().enumerate() {
        let Some(g) = l.geometry else { continue };
        if l.is_blank() {
            continue;
        }
        if holds(r, &g.bbox) {
            inside.push(i);
        } else if shrunk(&g.bbox).intersects(r) {
            return None;
        }
    }
    Some(inside)
}

/// A line's box less its slack: a line touching a frame does not cross it.
fn shrunk(b: &Rect) -> Rect {
    Rect {
        x0: b.x0 + SLACK,
        y0: b.y0 + SLACK,
        x1: b.x1 - SLACK,
        y1: b.y1 - SLACK,
    }
}

/// Whether two of the lines sit side by side (sharing most of their height): cells of a
/// table, labels of a chart.
fn side_by_side(lines: &[TextLine], inside: &[usize]) -> bool {
    let boxes: Vec<Rect> = inside
        .iter()
        .filter_map(|&i| lines[i].geometry.map(|g| g.bbox))
        .collect();
    boxes.iter().enumerate().any(|(k, a)| {
        boxes[k + 1..].iter().any(|b| {
            let overlap = a.y1.min(b.y1) - a.y0.max(b.y0);
            overlap > 0.5 * a.height().min(b.height()) && (a.x1 <= b.x0 || b.x1 <= a.x0)
        })
    })
}

#[cfg(test)]
#[path = "boxes_tests.rs"]
mod tests;
