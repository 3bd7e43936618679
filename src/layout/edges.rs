//! The straight edges drawn on a page: its rules, and the sides of its stroked
//! rectangles. A tint alone draws no edge (a heading set on a coloured band). The passes
//! that read what is drawn around text (form fields, chart axes) ask for the edges near a
//! place, so each kind is kept in order of where it stands.

use crate::source::Page;

/// A drawn edge: a straight stretch at `at` (a height for an edge across the page, a
/// distance from the left for one down it) from `from` to `to`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) struct Edge {
    pub at: f32,
    pub from: f32,
    pub to: f32,
}

impl Edge {
    /// Length of the stretch from `a` to `b` it runs along.
    pub fn overlap(&self, a: f32, b: f32) -> f32 {
        (self.to.min(b) - self.from.max(a)).max(0.0)
    }
}

/// The edges drawn on a page, across and down, each kind in order of `at` (drawing order
/// among equals) so that a query looks only at the edges near the place it asks about.
#[derive(Debug, Default)]
pub(super) struct Edges {
    pub across: Vec<Edge>,
    pub down: Vec<Edge>,
}

impl Edges {
    pub fn of(page: &Page) -> Self {
        let mut e = Edges::default();
        for r in &page.rules {
            let b = r.rect;
            if r.horizontal {
                e.across.push(Edge {
                    at: 0.5 * (b.y0 + b.y1),
                    from: b.x0,
                    to: b.x1,
                });
            } else {
                e.down.push(Edge {
                    at: 0.5 * (b.x0 + b.x1),
                    from: b.y0,
                    to: b.y1,
                });
            }
        }
        for r in page.rects.iter().filter(|r| r.stroked) {
            let b = r.rect;
            for at in [b.y0, b.y1] {
                e.across.push(Edge {
                    at,
                    from: b.x0,
                    to: b.x1,
                });
            }
            for at in [b.x0, b.x1] {
                e.down.push(Edge {
                    at,
                    from: b.y0,
                    to: b.y1,
                });
            }
        }
        // Stable sorts: among edges at one place the first drawn still comes first. An
        // edge at no number (NaN) would meet no query, so it is left out.
        for list in [&mut e.across, &mut e.down] {
            list.retain(|x| !x.at.is_nan());
            list.sort_by(|a, b| a.at.total_cmp(&b.at));
        }
        e
    }

    /// The same edges with the page mirrored on its diagonal: across becomes down.
    pub fn turned(&self) -> Edges {
        Edges {
            across: self.down.clone(),
            down: self.across.clone(),
        }
    }

    /// The edges across whose `at` lies from `lo` to `hi` (a point's slack either side;
    /// callers test the exact bounds).
    pub fn across_between(&self, lo: f32, hi: f32) -> &[Edge] {
        between(&self.across, lo, hi)
    }

    /// The edges down whose `at` lies from `lo` to `hi` (a point's slack either side;
    /// callers test the exact bounds).
    pub fn down_between(&self, lo: f32, hi: f32) -> &[Edge] {
        between(&self.down, lo, hi)
    }
}

/// The stretch of `list` (in order of `at`) from `lo` to `hi`, a point's slack either side.
fn between(list: &[Edge], lo: f32, hi: f32) -> &[Edge] {
    let start = list.partition_point(|e| e.at < lo - 1.0);
    let end = list.partition_point(|e| e.at <= hi + 1.0);
    &list[start..end.max(start)]
}
