//! Furniture stands at the page's edge: between a running head and the top of the paper
//! (a running foot and its foot) there is nothing but other furniture. A line that
//! repeats from page to page below text that does not (a maintenance log's "■ Add fuel
//! additive" under each page's "15,000 miles or 18 months") is the page's content that
//! happens to recur, not its furniture.

use foldhash::HashMap;

use crate::lines::{LineGeometry, TextLine};
use crate::report::ActionKind;

/// Un-marks each repeated line taken for a running head or foot ([`ActionKind::
/// RunningHeader`]) with a line of text that is not furniture between it and its edge of
/// the page: above it in the page's upper half, below it in the lower half, the two
/// overlapping across. Lines are judged from the edge inwards, so a line let go this way
/// holds the lines inside it back too.
pub(super) fn keep_inner_repeats(
    lines: &[TextLine],
    by_page: &HashMap<usize, Vec<usize>>,
    verdict: &mut [Option<(ActionKind, &'static str)>],
) {
    let header = |v: &Option<(ActionKind, &str)>| matches!(v, Some((ActionKind::RunningHeader, _)));
    for idx in by_page.values() {
        if !idx.iter().any(|&i| header(&verdict[i])) {
            continue;
        }
        let mut placed: Vec<(usize, LineGeometry)> = idx
            .iter()
            .filter(|&&j| !lines[j].is_blank())
            .filter_map(|&j| lines[j].geometry.map(|g| (j, g)))
            .collect();
        if placed.len() > MAX_PAGE_LINES {
            continue;
        }
        // From the top edge down, then from the foot up.
        placed.sort_by(|a, b| a.1.bbox.y0.total_cmp(&b.1.bbox.y0).then(a.0.cmp(&b.0)));
        for k in 0..placed.len() {
            let (i, g) = placed[k];
            if header(&verdict[i]) && g.bbox.y0 < 0.5 * g.page_height {
                let inside = placed[..k]
                    .iter()
                    .any(|&(j, o)| verdict[j].is_none() && above(&o, &g) && across(&o, &g));
                if inside {
                    verdict[i] = None;
                }
            }
        }
        placed.sort_by(|a, b| b.1.bbox.y1.total_cmp(&a.1.bbox.y1).then(a.0.cmp(&b.0)));
        for k in 0..placed.len() {
            let (i, g) = placed[k];
            if header(&verdict[i]) && g.bbox.y0 >= 0.5 * g.page_height {
                let inside = placed[..k]
                    .iter()
                    .any(|&(j, o)| verdict[j].is_none() && above(&g, &o) && across(&o, &g));
                if inside {
                    verdict[i] = None;
                }
            }
        }
    }
}

/// Lines on a page past which the test is not made: it looks at each pair of lines.
const MAX_PAGE_LINES: usize = 2048;

/// Whether `a` stands wholly above `b` (a third of `b`'s size of overlap allowed, for
/// tall glyphs).
fn above(a: &LineGeometry, b: &LineGeometry) -> bool {
    a.bbox.y1 <= b.bbox.y0 + 0.3 * b.font_size.max(1.0) && a.baseline < b.baseline
}

/// Whether two lines overlap across the page.
fn across(a: &LineGeometry, b: &LineGeometry) -> bool {
    a.bbox.x0 < b.bbox.x1 && b.bbox.x0 < a.bbox.x1
}
