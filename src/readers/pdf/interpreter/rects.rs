//! Rectangles painted on the page: the frames and tinted panels that set a box (a sidebar,
//! a callout, "key findings") apart from the running text.
//!
//! Whether a rectangle *is* a box needs the lines around it, which only page analysis
//! knows (`layout::boxes`); here every painted axis-aligned rectangle large enough to hold
//! text is kept, in display space, unless it is painted in white (the page's colour, so
//! not seen) or hidden. The interpreter follows the fill and stroke colours only far
//! enough to tell white from anything else.

use lopdf::Object;

use super::Interpreter;
use crate::readers::pdf::objects::number;
use crate::source::{PaintedRect, Rect};

/// Smallest side (points) of a rectangle kept: two lines of 5 pt text and a margin. Rules,
/// underlines and bullets are thinner.
const MIN_SIDE: f64 = 10.0;

/// Whether colour operands set white: gray 1, RGB 1 1 1 or CMYK 0 0 0 0 (a name among
/// them — a pattern — or any other count is a colour seen on the page).
pub(super) fn is_white(ops: &[Object]) -> bool {
    let mut values = [0.0f64; 4];
    let mut count = 0;
    for o in ops {
        let Some(v) = number(o) else { return false };
        if count == 4 {
            return false;
        }
        values[count] = v;
        count += 1;
    }
    match count {
        1 | 3 => values[..count].iter().all(|&v| v >= 0.999),
        4 => values.iter().all(|&v| v <= 0.001),
        _ => false,
    }
}

impl Interpreter<'_> {
    /// Sets whether the fill (`stroke` false) or stroke colour is one the page shows, from
    /// a colour operator's operands; a colour space operator (`cs`, `CS`) sets its initial
    /// colour, black.
    pub(super) fn set_colour(&mut self, stroke: bool, ops: Option<&[Object]>) {
        let seen = !ops.is_some_and(is_white);
        if stroke {
            self.gs.stroke_seen = seen;
        } else {
            self.gs.fill_seen = seen;
        }
    }

    /// Keeps the current path when painting draws it as a rectangle (`rectangle`, its
    /// box) that could frame a box; past the page's limit it is only counted, for the
    /// page's warning.
    pub(super) fn keep_rect(&mut self, fill: bool, stroke: bool, rectangle: Option<[f64; 4]>) {
        let (filled, stroked) = (fill && self.gs.fill_seen, stroke && self.gs.stroke_seen);
        if !(filled || stroked) {
            return;
        }
        let Some([x0, y0, x1, y1]) = rectangle else {
            return;
        };
        if x1 - x0 < MIN_SIDE || y1 - y0 < MIN_SIDE {
            return;
        }
        let (w, h) = (self.page_w, self.page_h);
        if x1 <= 0.0 || y1 <= 0.0 || x0 >= w || y0 >= h {
            return;
        }
        if self.out.rects.len() >= self.limits.max_rects {
            self.out.rects_over += 1;
            return;
        }
        self.out.rects.push(PaintedRect {
            rect: Rect {
                x0: x0.max(0.0) as f32,
                y0: y0.max(0.0) as f32,
                x1: x1.min(w) as f32,
                y1: y1.min(h) as f32,
            },
            stroked,
            filled,
        });
    }

    /// The page's warning when rectangles went beyond the limit.
    pub(super) fn report_rects_over(&mut self) {
        if self.out.rects_over > 0 {
            self.warn(format!(
                "{} painted rectangles beyond the page's limit of {} were not kept; \
                 boxes they frame are read as running text",
                crate::report::thousands(self.out.rects_over),
                crate::report::thousands(self.limits.max_rects)
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn white_in_gray_rgb_and_cmyk_and_nothing_else() {
        let r = |v: f32| Object::Real(v);
        assert!(is_white(&[Object::Integer(1)]));
        assert!(is_white(&[r(1.0), r(1.0), r(1.0)]));
        assert!(is_white(&[r(0.0), r(0.0), r(0.0), r(0.0)]));
        assert!(!is_white(&[r(0.9)]));
        assert!(!is_white(&[r(1.0), r(1.0), r(0.9)]));
        assert!(!is_white(&[r(0.0), r(0.0), r(0.0), r(0.2)]));
        // A pattern, two components, five: not known to be white.
        assert!(!is_white(&[Object::Name(b"P0".to_vec())]));
        assert!(!is_white(&[r(1.0), r(1.0)]));
        assert!(!is_white(&vec![r(1.0); 5]));
        assert!(!is_white(&[]));
    }
}
