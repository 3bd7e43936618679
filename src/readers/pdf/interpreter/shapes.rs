//! Small closed shapes painted on the page: the list bullets that browsers draw.
//!
//! Chromium's print-to-PDF (and other HTML and vector producers) draws list markers as
//! paths — a filled disc, a stroked circle, a filled square — not as glyphs, so the text
//! layer holds no bullet at all and list items read as indented paragraphs. While running
//! a page the interpreter therefore follows path construction and painting, and records
//! every painted path that *could* be a bullet as a [`Shape`]: small (at most
//! [`MAX_SIZE`] points), roughly square, closed, one outline (or a ring), and with some
//! area. Whether a shape *is* a bullet needs the text beside it, which only line building
//! knows: `lines::bullets` gives a shape to the line that starts just right of it and
//! drops every other one, so logos, table borders, rules and checkbox grids stay out.
//!
//! Path construction costs no allocation beyond one reused buffer of at most
//! [`MAX_POINTS`] points; a path with more points, more than [`MAX_SUBPATHS`]
//! outlines or non-finite coordinates is simply not a candidate.

use lopdf::{Dictionary, Object};

use super::Interpreter;
use crate::readers::pdf::geometry::Matrix;
use crate::readers::pdf::objects::{as_dict, entry, get, get_dict, number};

/// Largest side (points) of a shape that can be a bullet: list markers are a fraction of
/// an em, and an em of body text is rarely above 14 pt.
pub const MAX_SIZE: f64 = 8.0;
/// Smallest side (points): anything smaller is a speck, not a marker.
const MIN_SIZE: f64 = 0.5;
/// Width over height of the shape's box: bullets are about as wide as they are high,
/// rules and underlines are not.
const ASPECT: std::ops::RangeInclusive<f64> = 0.6..=1.6;
/// Points kept for one path (corners, curve ends and curve midpoints). A circle drawn
/// with Bézier curves needs 8 to 32, a square 4; a path with more is a drawing, not a
/// marker.
pub const MAX_POINTS: usize = 64;
/// Outlines in one path: one, or two for a ring (a hollow circle filled even-odd) or a
/// hollow square.
pub const MAX_SUBPATHS: u8 = 2;
/// A curved outline is round when its points (curve ends and midpoints) lie within this
/// ratio of each other's distance from its centre (a drawn icon — a phone, an envelope
/// — is not).
const ROUNDNESS: f64 = 1.35;
/// The outline's polygon covers at least this share of its box: a diagonal stroke or a
/// flattened zig-zag has a square box but no area.
const MIN_FILL: f64 = 0.35;

/// What a bullet shape looks like, and so which character it stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ShapeKind {
    /// A filled round shape: `•`.
    Disc,
    /// A stroked round outline, or a filled ring: `◦`.
    Circle,
    /// A rectangle or other straight-sided shape, filled or stroked: `▪`.
    Square,
}

/// A painted shape that could be a list bullet, in display space (points, origin at the
/// top-left of the page, y downwards).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Shape {
    pub x0: f32,
    pub y0: f32,
    pub x1: f32,
    pub y1: f32,
    pub kind: ShapeKind,
}

/// The path under construction, reduced to what telling a bullet needs.
#[derive(Debug, Default)]
pub(super) struct PathShape {
    /// Points on the outline (display space): corners, curve ends and curve midpoints,
    /// each with the outline it belongs to (1-based).
    points: Vec<(f64, f64, u8)>,
    /// Box of every point, Bézier control points included (the curve lies inside them).
    bbox: Option<[f64; 4]>,
    /// Some segment is a curve.
    curved: bool,
    /// Outlines begun.
    subpaths: u8,
    /// The current outline's first point, and whether `h` or `re` closed it.
    start: Option<(f64, f64)>,
    closed: bool,
    /// Some finished outline was left open (matters only for stroking).
    open: bool,
    /// Too many points or outlines, or a non-finite coordinate: not a candidate.
    spoilt: bool,
}

impl PathShape {
    /// Forgets the path (after painting it, or `n`).
    pub(super) fn clear(&mut self) {
        let mut points = std::mem::take(&mut self.points);
        points.clear();
        *self = PathShape {
            points,
            ..PathShape::default()
        };
    }

    /// Whether nothing has been drawn since the last paint: most pages paint no paths.
    fn is_idle(&self) -> bool {
        self.bbox.is_none() && !self.spoilt
    }

    fn extend(&mut self, (x, y): (f64, f64)) {
        if !x.is_finite() || !y.is_finite() {
            self.spoilt = true;
            return;
        }
        self.bbox = Some(match self.bbox {
            None => [x, y, x, y],
            Some([x0, y0, x1, y1]) => [x0.min(x), y0.min(y), x1.max(x), y1.max(y)],
        });
    }

    fn push(&mut self, p: (f64, f64)) {
        self.extend(p);
        if self.points.len() >= MAX_POINTS {
            self.spoilt = true;
        }
        if !self.spoilt {
            self.points.push((p.0, p.1, self.subpaths));
        }
    }

    fn end_subpath(&mut self) {
        if let Some(start) = self.start.take()
            && !self.closed
            && self
                .points
                .last()
                .is_some_and(|&(x, y, _)| (x - start.0).abs() > 0.01 || (y - start.1).abs() > 0.01)
        {
            self.open = true;
        }
        self.closed = false;
    }

    /// `m`.
    pub(super) fn move_to(&mut self, p: (f64, f64)) {
        if self.spoilt {
            return;
        }
        self.end_subpath();
        self.subpaths = self.subpaths.saturating_add(1);
        if self.subpaths > MAX_SUBPATHS {
            self.spoilt = true;
            return;
        }
        self.start = Some(p);
        self.push(p);
    }

    /// `l`.
    pub(super) fn line_to(&mut self, p: (f64, f64)) {
        if self.start.is_none() {
            // No current point (a broken stream): start an outline here.
            self.move_to(p);
        } else if !self.spoilt {
            self.push(p);
        }
    }

    /// `c`, `v` and `y`: the control points only widen the box.
    pub(super) fn curve_to(&mut self, c1: (f64, f64), c2: (f64, f64), p: (f64, f64)) {
        if self.start.is_none() {
            self.move_to(c1);
        }
        if self.spoilt {
            return;
        }
        self.extend(c1);
        self.extend(c2);
        self.curved = true;
        // The curve's midpoint too: a quarter disc's corners are as far from its centre
        // as a circle's, its arc is not.
        if let Some((x0, y0)) = self.current() {
            let mid = |a: f64, b: f64, c: f64, d: f64| (a + 3.0 * b + 3.0 * c + d) / 8.0;
            self.push((mid(x0, c1.0, c2.0, p.0), mid(y0, c1.1, c2.1, p.1)));
        }
        self.push(p);
    }

    /// The current point, for `v`.
    pub(super) fn current(&self) -> Option<(f64, f64)> {
        self.start?;
        self.points.last().map(|&(x, y, _)| (x, y))
    }

    /// `h`.
    pub(super) fn close(&mut self) {
        if let Some(start) = self.start {
            self.closed = true;
            // A new segment after `h` starts from the outline's first point.
            if !self.spoilt {
                self.push(start);
            }
        }
    }

    /// `re`, its corners already mapped to display space.
    pub(super) fn rect(&mut self, corners: [(f64, f64); 4]) {
        self.move_to(corners[0]);
        for c in &corners[1..] {
            self.line_to(*c);
        }
        self.close();
    }

    /// The box of this path when it is one axis-aligned rectangle (`re`, or four corners
    /// joined by straight segments), whatever its size; `None` for anything else. Stroking
    /// alone draws a rectangle only when its outline is closed.
    pub(super) fn rectangle(&mut self, stroked_only: bool) -> Option<[f64; 4]> {
        if self.spoilt || self.curved || self.subpaths != 1 || !(4..=6).contains(&self.points.len())
        {
            return None;
        }
        self.end_subpath();
        if stroked_only && self.open {
            return None;
        }
        let [x0, y0, x1, y1] = self.bbox?;
        let near = |a: f64, b: f64| (a - b).abs() < 0.05;
        // Which of the four corners the points reach; any other point spoils it.
        let mut corners = 0u8;
        for &(x, y, _) in &self.points {
            let bit = match (near(x, x0), near(x, x1), near(y, y0), near(y, y1)) {
                (true, _, true, _) => 1,
                (_, true, true, _) => 2,
                (_, true, _, true) => 4,
                (true, _, _, true) => 8,
                _ => return None,
            };
            corners |= bit;
        }
        (corners == 15).then_some([x0, y0, x1, y1])
    }

    /// The shape this path makes when painted, if it can be a bullet. `half_line` is half
    /// the stroke width in display space (a stroke widens the shape).
    pub(super) fn paint(&mut self, fill: bool, stroke: bool, half_line: f64) -> Option<Shape> {
        if self.is_idle() {
            return None;
        }
        self.end_subpath();
        // Stroking alone draws only closed outlines as shapes; an open stroke is a line.
        let stroked_only = stroke && !fill;
        if self.spoilt || !(fill || stroke) || (stroked_only && self.open) {
            return None;
        }
        let [mut x0, mut y0, mut x1, mut y1] = self.bbox?;
        // The outline's own area, before a stroke widens it.
        let path_area = (x1 - x0) * (y1 - y0);
        if stroke {
            if !half_line.is_finite() {
                return None;
            }
            let h = half_line.max(0.0);
            (x0, y0, x1, y1) = (x0 - h, y0 - h, x1 + h, y1 + h);
        }
        let (w, h) = (x1 - x0, y1 - y0);
        if w.max(h) > MAX_SIZE || w.min(h) < MIN_SIZE || !ASPECT.contains(&(w / h)) {
            return None;
        }
        let outlines: Vec<Outline> = (1..=self.subpaths)
            .filter_map(|k| Outline::of(&self.points, k))
            .collect();
        let outer = match outlines.as_slice() {
            [one] => *one,
            // A ring or a hollow square: one outline inside the other.
            [a, b] if a.holds(b) => *a,
            [a, b] if b.holds(a) => *b,
            _ => return None,
        };
        if outer.area < MIN_FILL * path_area {
            return None;
        }
        let kind = if !self.curved {
            if outer.vertices < 3 {
                return None;
            }
            ShapeKind::Square
        } else {
            if !outer.round {
                return None;
            }
            if fill && outlines.len() == 1 {
                ShapeKind::Disc
            } else {
                ShapeKind::Circle
            }
        };
        Some(Shape {
            x0: x0 as f32,
            y0: y0 as f32,
            x1: x1 as f32,
            y1: y1 as f32,
            kind,
        })
    }
}

/// One outline's points, summarised.
#[derive(Debug, Clone, Copy)]
struct Outline {
    /// Box of the points.
    bbox: [f64; 4],
    /// Area of the polygon through the points.
    area: f64,
    /// Distinct corners.
    vertices: usize,
    /// The points keep about the same distance from the centre.
    round: bool,
}

impl Outline {
    fn of(points: &[(f64, f64, u8)], k: u8) -> Option<Outline> {
        let pts: Vec<(f64, f64)> = points
            .iter()
            .filter(|p| p.2 == k)
            .map(|&(x, y, _)| (x, y))
            .collect();
        let &(fx, fy) = pts.first()?;
        let mut bbox = [fx, fy, fx, fy];
        for &(x, y) in &pts {
            bbox = [
                bbox[0].min(x),
                bbox[1].min(y),
                bbox[2].max(x),
                bbox[3].max(y),
            ];
        }
        let mut twice_area = 0.0;
        let mut vertices = 0;
        for (i, &(x, y)) in pts.iter().enumerate() {
            let (nx, ny) = pts[(i + 1) % pts.len()];
            twice_area += x * ny - nx * y;
            if (nx - x).abs() > 1e-3 || (ny - y).abs() > 1e-3 {
                vertices += 1;
            }
        }
        let (cx, cy) = ((bbox[0] + bbox[2]) / 2.0, (bbox[1] + bbox[3]) / 2.0);
        let (mut near, mut far) = (f64::MAX, 0.0f64);
        for &(x, y) in &pts {
            let r = ((x - cx).powi(2) + (y - cy).powi(2)).sqrt();
            near = near.min(r);
            far = far.max(r);
        }
        Some(Outline {
            bbox,
            area: twice_area.abs() / 2.0,
            vertices,
            round: near > 0.0 && far <= ROUNDNESS * near,
        })
    }

    /// Whether `other` lies strictly inside this outline's box.
    fn holds(&self, other: &Outline) -> bool {
        let (a, b) = (self.bbox, other.bbox);
        a[0] < b[0] && a[1] < b[1] && a[2] > b[2] && a[3] > b[3]
    }
}

/// The four corners of `x y w h re` under `ctm`.
pub(super) fn rect_corners(ctm: &Matrix, x: f64, y: f64, w: f64, h: f64) -> [(f64, f64); 4] {
    [
        ctm.apply(x, y),
        ctm.apply(x + w, y),
        ctm.apply(x + w, y + h),
        ctm.apply(x, y + h),
    ]
}

impl Interpreter<'_> {
    /// Path construction, in display space (the CTM cannot change inside a path).
    pub(super) fn construct(&mut self, operator: &str, ops: &[Object]) {
        let n = |i: usize| ops.get(i).and_then(number);
        let ctm = self.gs.ctm;
        let pt = |i: usize| Some(ctm.apply(n(i)?, n(i + 1)?));
        let (p, s) = (&mut self.path, &mut self.segments);
        match operator {
            "m" => {
                if let Some(a) = pt(0) {
                    p.move_to(a);
                    s.move_to(a);
                }
            }
            "l" => {
                if let Some(a) = pt(0) {
                    p.line_to(a);
                    s.line_to(a);
                }
            }
            "c" => {
                if let (Some(a), Some(b), Some(c)) = (pt(0), pt(2), pt(4)) {
                    p.curve_to(a, b, c);
                    s.curve_to(c);
                }
            }
            "v" => {
                if let (Some(b), Some(c)) = (pt(0), pt(2)) {
                    let a = p.current().unwrap_or(b);
                    p.curve_to(a, b, c);
                    s.curve_to(c);
                }
            }
            "y" => {
                if let (Some(a), Some(c)) = (pt(0), pt(2)) {
                    p.curve_to(a, c, c);
                    s.curve_to(c);
                }
            }
            "h" => {
                p.close();
                s.close();
            }
            "re" => {
                if let (Some(x), Some(y), Some(w), Some(h)) = (n(0), n(1), n(2), n(3)) {
                    let corners = rect_corners(&ctm, x, y, w, h);
                    p.rect(corners);
                    s.rect(corners);
                }
            }
            _ => {}
        }
    }

    /// Paints the current path: keeps it when it may be a bullet, frame a box or draw
    /// rules, then forgets it.
    pub(super) fn paint(&mut self, fill: bool, stroke: bool) {
        let shown = self.hidden == 0 && !self.in_annotations;
        let ctm = self.gs.ctm;
        let scale = (ctm.a * ctm.d - ctm.b * ctm.c).abs().sqrt();
        let half_line = self.gs.line_width.abs() * scale / 2.0;
        if shown
            && self.out.shapes.len() < self.limits.max_shapes
            && let Some(shape) = self.path.paint(fill, stroke, half_line)
        {
            let (w, h) = (self.page_w as f32, self.page_h as f32);
            let on_page = shape.x1 > 0.0 && shape.y1 > 0.0 && shape.x0 < w && shape.y0 < h;
            if on_page {
                self.out.shapes.push(shape);
            }
        }
        if shown && ((fill && self.gs.fill_seen) || (stroke && self.gs.stroke_seen)) {
            let rectangle = self.path.rectangle(stroke && !fill);
            self.keep_rect(fill, stroke, rectangle);
            self.keep_rules(fill, stroke, rectangle, 2.0 * half_line);
        }
        self.path.clear();
        self.segments.clear();
    }

    /// What the ExtGState a `gs` operator names sets of the state read here.
    pub(super) fn ext_state(
        &self,
        name: Option<&Object>,
        resources: Option<&Dictionary>,
    ) -> Option<ExtState> {
        let name = name?.as_name().ok()?;
        let states = get_dict(self.doc, resources?, b"ExtGState")?;
        let state = as_dict(self.doc, entry(states, name)?)?;
        let value = |key: &[u8]| get(self.doc, state, key).and_then(number);
        Some(ExtState {
            line_width: value(b"LW"),
            fill_alpha: value(b"ca").map(|a| a.clamp(0.0, 1.0)),
            stroke_alpha: value(b"CA").map(|a| a.clamp(0.0, 1.0)),
        })
    }
}

/// Line width (`/LW`) and opacities (`/ca`, `/CA`) an ExtGState sets, where it does.
pub(super) struct ExtState {
    pub(super) line_width: Option<f64>,
    pub(super) fill_alpha: Option<f64>,
    pub(super) stroke_alpha: Option<f64>,
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A circle of radius `r` at (`cx`, `cy`) from four Bézier quarters.
    fn circle(p: &mut PathShape, cx: f64, cy: f64, r: f64) {
        let k = 0.5523 * r;
        p.move_to((cx + r, cy));
        p.curve_to((cx + r, cy + k), (cx + k, cy + r), (cx, cy + r));
        p.curve_to((cx - k, cy + r), (cx - r, cy + k), (cx - r, cy));
        p.curve_to((cx - r, cy - k), (cx - k, cy - r), (cx, cy - r));
        p.curve_to((cx + k, cy - r), (cx + r, cy - k), (cx + r, cy));
        p.close();
    }

    fn kind(p: &mut PathShape, fill: bool, stroke: bool) -> Option<ShapeKind> {
        let s = p.paint(fill, stroke, 0.25).map(|s| s.kind);
        p.clear();
        s
    }

    #[test]
    fn discs_circles_and_squares() {
        let mut p = PathShape::default();
        circle(&mut p, 10.0, 10.0, 2.0);
        assert_eq!(kind(&mut p, true, false), Some(ShapeKind::Disc));
        circle(&mut p, 10.0, 10.0, 2.0);
        assert_eq!(kind(&mut p, false, true), Some(ShapeKind::Circle));
        circle(&mut p, 10.0, 10.0, 2.0);
        assert_eq!(kind(&mut p, true, true), Some(ShapeKind::Disc));
        // A ring: two circles, one inside the other, filled.
        circle(&mut p, 10.0, 10.0, 2.0);
        circle(&mut p, 10.0, 10.0, 1.4);
        assert_eq!(kind(&mut p, true, false), Some(ShapeKind::Circle));
        p.rect(rect_corners(&Matrix::IDENTITY, 5.0, 5.0, 3.0, 3.0));
        assert_eq!(kind(&mut p, true, false), Some(ShapeKind::Square));
        p.rect(rect_corners(&Matrix::IDENTITY, 5.0, 5.0, 3.0, 3.0));
        assert_eq!(kind(&mut p, false, true), Some(ShapeKind::Square));
        // A triangle is straight-sided.
        p.move_to((0.0, 0.0));
        p.line_to((4.0, 2.0));
        p.line_to((0.0, 4.0));
        p.close();
        assert_eq!(kind(&mut p, true, false), Some(ShapeKind::Square));
    }

    #[test]
    fn rules_big_shapes_open_strokes_and_drawings_are_not_bullets() {
        let mut p = PathShape::default();
        // A rule: too flat.
        p.rect(rect_corners(&Matrix::IDENTITY, 0.0, 0.0, 60.0, 0.5));
        assert_eq!(kind(&mut p, true, false), None);
        // Too big.
        p.rect(rect_corners(&Matrix::IDENTITY, 0.0, 0.0, 20.0, 20.0));
        assert_eq!(kind(&mut p, true, false), None);
        circle(&mut p, 10.0, 10.0, 6.0);
        assert_eq!(kind(&mut p, true, false), None);
        // An open stroke (a tick) is no outline.
        p.move_to((0.0, 2.0));
        p.line_to((1.5, 4.0));
        p.line_to((4.0, 0.0));
        assert_eq!(kind(&mut p, false, true), None);
        // A diagonal filled "outline" has no area.
        p.move_to((0.0, 0.0));
        p.line_to((4.0, 4.0));
        p.line_to((0.0, 0.0));
        p.close();
        assert_eq!(kind(&mut p, true, false), None);
        // Three outlines: a drawing.
        circle(&mut p, 10.0, 10.0, 2.0);
        circle(&mut p, 10.0, 10.0, 1.5);
        circle(&mut p, 10.0, 10.0, 1.0);
        assert_eq!(kind(&mut p, true, false), None);
        // Two outlines side by side.
        circle(&mut p, 10.0, 10.0, 1.0);
        circle(&mut p, 13.0, 10.0, 1.0);
        assert_eq!(kind(&mut p, true, false), None);
        // Curved but not round: a quarter disc, a disc with a bite out of it.
        p.move_to((0.0, 0.0));
        p.line_to((4.0, 0.0));
        p.curve_to((4.0, 2.2), (2.2, 4.0), (0.0, 4.0));
        p.close();
        assert_eq!(kind(&mut p, true, false), None);
        p.move_to((12.0, 10.0));
        p.curve_to((12.0, 11.1), (11.1, 12.0), (10.0, 12.0));
        p.curve_to((8.9, 12.0), (8.0, 11.1), (8.0, 10.0));
        p.curve_to((8.0, 8.9), (8.9, 8.0), (10.0, 8.0));
        p.line_to((10.0, 10.0));
        p.close();
        assert_eq!(kind(&mut p, true, false), None);
        // Not painted, or nothing drawn.
        circle(&mut p, 10.0, 10.0, 2.0);
        assert_eq!(kind(&mut p, false, false), None);
        assert_eq!(kind(&mut p, true, true), None);
    }

    #[test]
    fn rectangles_whatever_their_size_and_nothing_else() {
        let mut p = PathShape::default();
        let rect = |p: &mut PathShape, stroked_only: bool| {
            let r = p.rectangle(stroked_only);
            p.clear();
            r
        };
        p.rect(rect_corners(&Matrix::IDENTITY, 10.0, 20.0, 200.0, 100.0));
        assert_eq!(rect(&mut p, true), Some([10.0, 20.0, 210.0, 120.0]));
        // Four corners joined by lines, closed by `h` or not (a fill closes it).
        p.move_to((10.0, 20.0));
        for c in [(210.0, 20.0), (210.0, 120.0), (10.0, 120.0)] {
            p.line_to(c);
        }
        assert_eq!(rect(&mut p, false), Some([10.0, 20.0, 210.0, 120.0]));
        p.move_to((10.0, 20.0));
        for c in [(210.0, 20.0), (210.0, 120.0), (10.0, 120.0)] {
            p.line_to(c);
        }
        // Stroked open, it is three sides of a frame.
        assert_eq!(rect(&mut p, true), None);
        // A slanted quadrilateral, a triangle, a circle, two rectangles in one path.
        p.move_to((0.0, 0.0));
        for c in [(100.0, 10.0), (100.0, 50.0), (0.0, 50.0)] {
            p.line_to(c);
        }
        p.close();
        assert_eq!(rect(&mut p, false), None);
        p.move_to((0.0, 0.0));
        p.line_to((100.0, 0.0));
        p.line_to((0.0, 50.0));
        p.close();
        assert_eq!(rect(&mut p, false), None);
        circle(&mut p, 50.0, 50.0, 40.0);
        assert_eq!(rect(&mut p, false), None);
        p.rect(rect_corners(&Matrix::IDENTITY, 0.0, 0.0, 50.0, 50.0));
        p.rect(rect_corners(&Matrix::IDENTITY, 60.0, 0.0, 50.0, 50.0));
        assert_eq!(rect(&mut p, false), None);
    }

    #[test]
    fn hostile_paths_stay_bounded() {
        let mut p = PathShape::default();
        p.move_to((0.0, 0.0));
        for i in 0..10_000 {
            p.line_to((f64::from(i % 4), f64::from(i % 3)));
        }
        assert!(p.points.len() <= MAX_POINTS);
        assert_eq!(kind(&mut p, true, false), None);
        p.move_to((f64::NAN, 0.0));
        p.line_to((1.0, f64::INFINITY));
        assert_eq!(kind(&mut p, true, true), None);
        // A stroke width beyond any bullet.
        p.rect(rect_corners(&Matrix::IDENTITY, 0.0, 0.0, 3.0, 3.0));
        assert_eq!(p.paint(false, true, f64::INFINITY).map(|s| s.kind), None);
        p.clear();
        p.rect(rect_corners(&Matrix::IDENTITY, 0.0, 0.0, 3.0, 3.0));
        assert_eq!(p.paint(false, true, 1e9), None);
    }
}
