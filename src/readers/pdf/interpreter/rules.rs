//! Rules drawn on the page: the lines across or down it that border a table's cells,
//! underline a heading or a header cell, or set the notes apart from the text above.
//!
//! Producers draw them two ways: a stroked straight segment (`m … l S`, often several in
//! one path), or a filled rectangle too thin to hold text (`re f`, half a point high: how
//! word processors, LaTeX's `\hrule` and most report tools draw rules and borders).
//! While a path is built its axis-aligned straight segments and thin rectangles are noted
//! here ([`Segments`]); painting keeps them as [`Rule`]s when the colour painted is one the
//! page shows. What a rule *means* needs the text around it, which only page analysis
//! knows (`layout::rules`).

use super::Interpreter;
use crate::source::{Rect, Rule};

/// Thickness (points) below which a painted straight shape is a rule; thicker, it is a
/// bar or a panel.
pub const MAX_THICKNESS: f64 = 3.0;
/// Shortest rule kept (points): shorter ones are ticks, hyphens and glyph parts. A
/// shorter piece still lengthens a rule it continues, one of the last few kept: report
/// tools draw a rule across a table's columns as one piece per cell, gaps and paddings
/// included, between the pieces of other borders.
pub const MIN_LENGTH: f64 = 5.0;
/// Shortest piece (points) noted at all.
const MIN_PIECE: f64 = 0.5;
/// How far (points) a piece may stand from the end of the rule before it, and how far
/// their edges across may differ, for it to continue that rule.
const JOIN: f64 = 0.25;
/// Rules kept last that a piece may continue: a cell's border pieces come between the
/// pieces of the rule across the cells.
const RECENT: usize = 8;
/// Segments (or thin rectangles) noted for one path; a path with more is a drawing
/// whose rules past this many are not kept.
const MAX_SEGMENTS: usize = 256;
/// How far (points) a segment's ends may stray across it and still run straight.
const STRAIGHT: f64 = 0.05;

/// The path under construction, reduced to the straight pieces that can be rules: each a
/// box in display space.
#[derive(Debug, Default)]
pub(super) struct Segments {
    /// Current point, and where the current outline began.
    cursor: Option<(f64, f64)>,
    start: Option<(f64, f64)>,
    /// Axis-aligned straight segments at least [`MIN_PIECE`] long, as boxes of zero
    /// thickness (painting gives them the stroke's width).
    lines: Vec<[f64; 4]>,
    /// Axis-aligned rectangles (`re`) thinner than [`MAX_THICKNESS`] and at least
    /// [`MIN_PIECE`] long.
    thin: Vec<[f64; 4]>,
}

impl Segments {
    /// Forgets the path.
    pub(super) fn clear(&mut self) {
        self.cursor = None;
        self.start = None;
        self.lines.clear();
        self.thin.clear();
    }

    /// `m`.
    pub(super) fn move_to(&mut self, p: (f64, f64)) {
        self.cursor = Some(p);
        self.start = Some(p);
    }

    /// `l`.
    pub(super) fn line_to(&mut self, p: (f64, f64)) {
        match self.cursor {
            Some(a) => self.segment(a, p),
            None => self.start = Some(p),
        }
        self.cursor = Some(p);
    }

    /// `c`, `v`, `y`: a curve is no rule, but it moves the current point.
    pub(super) fn curve_to(&mut self, p: (f64, f64)) {
        if self.cursor.is_none() {
            self.start = Some(p);
        }
        self.cursor = Some(p);
    }

    /// `h`.
    pub(super) fn close(&mut self) {
        if let (Some(a), Some(s)) = (self.cursor, self.start) {
            self.segment(a, s);
            self.cursor = Some(s);
        }
    }

    /// `re`, its corners already mapped to display space.
    pub(super) fn rect(&mut self, corners: [(f64, f64); 4]) {
        self.move_to(corners[0]);
        for &c in &corners[1..] {
            self.line_to(c);
        }
        self.close();
        let [a, b, c, d] = corners;
        let near = |u: f64, v: f64| (u - v).abs() < STRAIGHT;
        let upright = (near(a.1, b.1) && near(b.0, c.0) && near(c.1, d.1) && near(d.0, a.0))
            || (near(a.0, b.0) && near(b.1, c.1) && near(c.0, d.0) && near(d.1, a.1));
        if !upright {
            return;
        }
        let (x0, x1) = (a.0.min(c.0), a.0.max(c.0));
        let (y0, y1) = (a.1.min(c.1), a.1.max(c.1));
        let (thin, long) = ((x1 - x0).min(y1 - y0), (x1 - x0).max(y1 - y0));
        if thin < MAX_THICKNESS && long >= MIN_PIECE && self.thin.len() < MAX_SEGMENTS {
            self.thin.push([x0, y0, x1, y1]);
        }
    }

    fn segment(&mut self, a: (f64, f64), b: (f64, f64)) {
        let (dx, dy) = ((b.0 - a.0).abs(), (b.1 - a.1).abs());
        let straight = (dx < STRAIGHT && dy >= MIN_PIECE) || (dy < STRAIGHT && dx >= MIN_PIECE);
        if straight && dx.is_finite() && dy.is_finite() && self.lines.len() < MAX_SEGMENTS {
            self.lines
                .push([a.0.min(b.0), a.1.min(b.1), a.0.max(b.0), a.1.max(b.1)]);
        }
    }
}

/// Whether a piece at `rect` carries the rule `last` on: the same way, as thick and in
/// line with it, starting where it ends (or overlapping it).
fn continues(last: &Rule, rect: &Rect, horizontal: bool) -> bool {
    let join = JOIN as f32;
    let near = |a: f32, b: f32| (a - b).abs() <= join;
    let r = &last.rect;
    last.horizontal == horizontal
        && if horizontal {
            near(r.y0, rect.y0)
                && near(r.y1, rect.y1)
                && rect.x0 <= r.x1 + join
                && rect.x1 >= r.x0 - join
        } else {
            near(r.x0, rect.x0)
                && near(r.x1, rect.x1)
                && rect.y0 <= r.y1 + join
                && rect.y1 >= r.y0 - join
        }
}

impl Interpreter<'_> {
    /// Keeps the rules the current path draws when painted: its thin rectangles when
    /// filled (`rectangle` is the whole path's box when it is one rectangle, drawn as
    /// four lines), its straight segments when stroked `line_width` wide (display space).
    pub(super) fn keep_rules(
        &mut self,
        fill: bool,
        stroke: bool,
        rectangle: Option<[f64; 4]>,
        line_width: f64,
    ) {
        let segments = std::mem::take(&mut self.segments);
        if fill && self.gs.fill_seen {
            let drawn_as_lines = rectangle.filter(|&[x0, y0, x1, y1]| {
                let (w, h) = (x1 - x0, y1 - y0);
                segments.thin.is_empty() && w.min(h) < MAX_THICKNESS && w.max(h) >= MIN_PIECE
            });
            for &b in segments.thin.iter().chain(drawn_as_lines.as_ref()) {
                self.keep_rule(b, (b[2] - b[0]) >= (b[3] - b[1]));
            }
        }
        let width = line_width.max(0.0);
        if stroke && self.gs.stroke_seen && width < MAX_THICKNESS {
            let half = width / 2.0;
            for &[x0, y0, x1, y1] in &segments.lines {
                let horizontal = y1 - y0 < STRAIGHT;
                let b = if horizontal {
                    [x0, y0 - half, x1, y1 + half]
                } else {
                    [x0 - half, y0, x1 + half, y1]
                };
                self.keep_rule(b, horizontal);
            }
        }
        self.segments = segments;
    }

    /// Keeps one rule's box, clipped to the page: as a rule of its own when long enough,
    /// or as the continuation of the rule kept just before it. Past the page's limit it is
    /// only counted, for the page's warning.
    fn keep_rule(&mut self, [x0, y0, x1, y1]: [f64; 4], horizontal: bool) {
        let (w, h) = (self.page_w, self.page_h);
        if x1 < 0.0 || y1 < 0.0 || x0 > w || y0 > h {
            return;
        }
        let rect = Rect {
            x0: x0.max(0.0) as f32,
            y0: y0.max(0.0) as f32,
            x1: x1.min(w) as f32,
            y1: y1.min(h) as f32,
        };
        // A square piece (a cell's corner) runs either way.
        let square = ((x1 - x0) - (y1 - y0)).abs() <= JOIN;
        let recent = self.out.rules.len().saturating_sub(RECENT);
        if let Some(last) = self.out.rules[recent..].iter_mut().rev().find(|r| {
            continues(r, &rect, horizontal) || (square && continues(r, &rect, !horizontal))
        }) {
            last.rect = last.rect.union(&rect);
            return;
        }
        let long = if horizontal { x1 - x0 } else { y1 - y0 };
        if long < MIN_LENGTH {
            return;
        }
        if self.out.rules.len() >= self.limits.max_rules {
            self.out.rules_over += 1;
            return;
        }
        self.out.rules.push(Rule { rect, horizontal });
    }

    /// The page's warning when rules went beyond the limit.
    pub(super) fn report_rules_over(&mut self) {
        if self.out.rules_over > 0 {
            self.warn(format!(
                "{} drawn rules beyond the page's limit of {} were not kept; \
                 table borders and underlines they draw are not used",
                crate::report::thousands(self.out.rules_over),
                crate::report::thousands(self.limits.max_rules)
            ));
        }
    }
}
