//! List bullets drawn as vector shapes, put back at the start of their lines.
//!
//! Browsers draw list markers as paths, so the text layer of their PDFs has no bullet and
//! a list item looks like any indented paragraph. The interpreter keeps the small closed
//! shapes a page paints (`interpreter::shapes`); here a shape becomes the first span of a
//! line — `•` for a disc, `◦` for a circle, `▪` for a square — when it sits where a bullet
//! sits:
//!
//! * level with the line: its vertical centre within the line's x-height band;
//! * before the line: its right edge at most [`MAX_GAP`] em left of the line's first
//!   glyph (for a right-to-left line, mirrored), and no text running up to it from the
//!   other side (a shape inside a line is a separator or an inline symbol);
//! * in proportion: its size a fraction of the line's em;
//! * in running text: not in a row of shapes (a legend, a grid), not before a figure's
//!   one-letter label or slanted caption.
//!
//! A line takes at most the nearest such shape, and a line that already starts with a
//! bullet character keeps it alone. Every other shape — logos, table borders, rules,
//! checkbox grids, shapes far from any text — is dropped: the text beside a shape is the
//! only evidence that it is a bullet.

use super::Built;
use crate::readers::pdf::interpreter::{Dir, Shape, ShapeKind};
use crate::source::{Rect, Script, Span, Style};

/// Widest gap (em) between a bullet and its line's first glyph: CSS puts the marker about
/// 0.8 em before the text, word processors a tab stop further.
const MAX_GAP: f32 = 3.0;
/// How far (em) a bullet may overlap its line's first glyph.
const OVERLAP: f32 = 0.1;
/// Top of the band (em above the baseline) in which a bullet's centre lies: the
/// x-height, about half an em in Latin faces, with some slack.
const BAND_TOP: f32 = 0.55;
/// Bottom of that band (em below the baseline).
const BAND_BOTTOM: f32 = 0.05;
/// Text on the same band ending this close (em) before a shape makes the shape part of
/// that text, not a marker starting a line.
const LEAD: f32 = 1.0;
/// A bullet's larger side, in em of its line: a speck (a table border's joint) below, an
/// icon or a box above. Browsers draw a disc of about 0.3 em.
const SIDE: std::ops::RangeInclusive<f32> = 0.18..=0.55;
/// Shapes level with each other and this close (in their own sizes) form a row: a chart
/// legend, the joints of a table's borders, a checkbox grid. List bullets stand one per
/// line; two columns of lists put theirs a column apart.
const ROW_SPAN: f32 = 25.0;

/// Letters and digits a line needs to be a list item rather than a figure's label.
const MIN_TEXT: usize = 3;

/// Where a line sits in its reading frame, for matching shapes to it.
#[derive(Debug, Clone, Copy)]
pub(super) struct Geom {
    pub(super) dir: Dir,
    /// Baseline of the main text (frame y, downwards).
    pub(super) base: f32,
    /// Main text size.
    pub(super) size: f32,
    /// Left and right ends of the text (frame x).
    pub(super) x0: f32,
    pub(super) x1: f32,
    /// Reads right to left: its first glyph is the rightmost.
    pub(super) rtl: bool,
}

/// Gives each line the bullet shape that starts it, if any (see the module docs).
pub(super) fn attach(built: &mut [Built], shapes: &[Shape]) {
    if shapes.is_empty() || built.is_empty() {
        return;
    }
    let in_row = in_rows(shapes);
    // Lines by direction, then baseline: a shape looks only at the lines level with it.
    let mut order: Vec<usize> = (0..built.len()).collect();
    order.sort_by(|&a, &b| {
        let (ga, gb) = (&built[a].geom, &built[b].geom);
        (ga.dir, ga.base)
            .partial_cmp(&(gb.dir, gb.base))
            .unwrap_or(std::cmp::Ordering::Equal)
    });
    let max_size = built.iter().map(|b| b.geom.size).fold(0.0f32, f32::max);
    // For each line, its nearest shape so far: (gap, shape index).
    let mut best: Vec<Option<(f32, usize)>> = vec![None; built.len()];
    for (si, shape) in shapes.iter().enumerate() {
        if in_row[si] {
            continue;
        }
        let mut start = 0;
        while start < order.len() {
            let dir = built[order[start]].geom.dir;
            let end = start + order[start..].partition_point(|&i| built[i].geom.dir == dir);
            let run = &order[start..end];
            start = end;
            // Slanted text is a figure's, never a list's.
            if !dir.0.is_multiple_of(900) {
                continue;
            }
            let frame = frame_box(dir, shape);
            let cy = (frame[1] + frame[3]) / 2.0;
            let lo = run.partition_point(|&i| built[i].geom.base < cy - BAND_BOTTOM * max_size);
            let hi = run.partition_point(|&i| built[i].geom.base <= cy + BAND_TOP * max_size);
            if let Some(pick) = nearest_line(built, run.get(lo..hi).unwrap_or(&[]), frame)
                && best[pick.1].is_none_or(|(gap, _)| pick.0 < gap)
            {
                best[pick.1] = Some((pick.0, si));
            }
        }
    }
    for (line, pick) in built.iter_mut().zip(best) {
        if let Some((_, si)) = pick {
            prepend(line, &shapes[si]);
        }
    }
}

/// Which shapes stand in a row with others (see [`ROW_SPAN`]): three or more level with
/// each other, or two close together. A shape painted twice over itself (fill, then
/// stroke) counts once.
fn in_rows(shapes: &[Shape]) -> Vec<bool> {
    let mut out = vec![false; shapes.len()];
    let centre = |s: &Shape| ((s.x0 + s.x1) / 2.0, (s.y0 + s.y1) / 2.0);
    let side = |s: &Shape| (s.x1 - s.x0).max(s.y1 - s.y0);
    let mut order: Vec<usize> = (0..shapes.len()).collect();
    order.sort_by(|&a, &b| {
        let (ca, cb) = (centre(&shapes[a]), centre(&shapes[b]));
        (ca.1, ca.0)
            .partial_cmp(&(cb.1, cb.0))
            .unwrap_or(std::cmp::Ordering::Equal)
    });
    let mut start = 0;
    while start < order.len() {
        // A band: centres within a fifth of the shape's size of the band's first.
        let (_, y) = centre(&shapes[order[start]]);
        let tol = 0.2 * side(&shapes[order[start]]);
        let mut end = start + 1;
        while end < order.len() && centre(&shapes[order[end]]).1 - y <= tol {
            end += 1;
        }
        let mut band: Vec<usize> = order[start..end].to_vec();
        band.sort_by(|&a, &b| {
            centre(&shapes[a])
                .0
                .partial_cmp(&centre(&shapes[b]).0)
                .unwrap_or(std::cmp::Ordering::Equal)
        });
        // Distinct positions along the band.
        let mut spots: Vec<(f32, f32)> = Vec::new();
        for &i in &band {
            let (x, _) = centre(&shapes[i]);
            let s = side(&shapes[i]);
            match spots.last() {
                Some(&(px, ps)) if x - px <= 0.5 * ps.max(s) => {}
                _ => spots.push((x, s)),
            }
        }
        let row = match spots.as_slice() {
            [] | [_] => false,
            [(a, sa), (b, sb)] => b - a <= ROW_SPAN * sa.max(*sb),
            _ => true,
        };
        if row {
            for &i in &band {
                out[i] = true;
            }
        }
        start = end;
    }
    out
}

/// The line among `candidates` that `frame` (a shape's box in their reading frame) would
/// start, with the gap between them; `None` when text on its band runs up to the shape.
fn nearest_line(built: &[Built], candidates: &[usize], frame: [f32; 4]) -> Option<(f32, usize)> {
    let [x0, y0, x1, y1] = frame;
    let cy = (y0 + y1) / 2.0;
    let side = (x1 - x0).max(y1 - y0);
    let mut pick: Option<(f32, usize)> = None;
    for &i in candidates {
        let g = &built[i].geom;
        let em = g.size;
        let level = (g.base - BAND_TOP * em..=g.base + BAND_BOTTOM * em).contains(&cy);
        if em <= 0.0 || !level {
            continue;
        }
        // Text starting on the shape's other side and reaching it: the shape is inside a
        // line (a separator, an inline symbol, a checkbox after a label).
        let (gap, inside) = if g.rtl {
            (x0 - g.x1, g.x1 > x1 && g.x0 < x1 + LEAD * em)
        } else {
            (g.x0 - x1, g.x0 < x0 && g.x1 > x0 - LEAD * em)
        };
        if inside {
            return None;
        }
        let fits = SIDE.contains(&(side / em))
            && (-OVERLAP * em..=MAX_GAP * em).contains(&gap)
            && can_take_bullet(&built[i]);
        if fits && pick.is_none_or(|(best, _)| gap < best) {
            pick = Some((gap, i));
        }
    }
    pick
}

/// A shape's box in a direction's reading frame: `[x0, y0, x1, y1]`.
fn frame_box(dir: Dir, s: &Shape) -> [f32; 4] {
    let mut out = [f32::MAX, f32::MAX, f32::MIN, f32::MIN];
    for (x, y) in [(s.x0, s.y0), (s.x1, s.y0), (s.x0, s.y1), (s.x1, s.y1)] {
        let (fx, fy) = dir.to_frame(f64::from(x), f64::from(y));
        let (fx, fy) = (fx as f32, fy as f32);
        out = [
            out[0].min(fx),
            out[1].min(fy),
            out[2].max(fx),
            out[3].max(fy),
        ];
    }
    out
}

/// Whether a line may be given a bullet: it has visible text that is more than a label
/// (the letter or number beside a point in a figure is no list item), and no bullet of
/// its own.
fn can_take_bullet(b: &Built) -> bool {
    let visible = b
        .line
        .spans
        .iter()
        .any(|s| !s.style.invisible && !s.text.trim().is_empty());
    let text = b.line.text();
    let first = text.trim_start().chars().next();
    // A lone `o` is a word processor's second-level bullet (in Courier or Symbol).
    let has_bullet = first.is_some_and(crate::patterns::is_bullet_glyph)
        || text.split_whitespace().next() == Some("o");
    let words = text
        .chars()
        .filter(|c| c.is_alphanumeric())
        .take(MIN_TEXT)
        .count();
    visible && words >= MIN_TEXT && !has_bullet
}

/// The character a bullet shape is read as: what a browser's `list-style-type` of
/// `disc`, `circle` or `square` stands for.
fn bullet_text(kind: ShapeKind) -> &'static str {
    match kind {
        ShapeKind::Disc => "\u{2022}",
        ShapeKind::Circle => "\u{25e6}",
        ShapeKind::Square => "\u{25aa}",
    }
}

/// Makes `shape` the line's first span, a word apart from the text.
fn prepend(b: &mut Built, shape: &Shape) {
    let rect = Rect {
        x0: shape.x0,
        y0: shape.y0,
        x1: shape.x1,
        y1: shape.y1,
    };
    if let Some(first) = b.line.spans.first_mut()
        && !first.text.starts_with(char::is_whitespace)
    {
        first.text.insert(0, ' ');
    }
    b.line.spans.insert(
        0,
        Span {
            text: bullet_text(shape.kind).to_string(),
            style: Style {
                size: Some((b.geom.size * 10.0).round() / 10.0),
                script: Script::Normal,
                ..Style::default()
            },
            bbox: Some(rect),
        },
    );
    b.line.bbox = Some(b.line.bbox.map_or(rect, |r| r.union(&rect)));
}
