//! Furniture stands at the page's edge: between a running head and the top of the paper
//! (a running foot and its foot) there is nothing but other furniture. A line that
//! repeats from page to page below text that does not (a maintenance log's "■ Add fuel
//! additive" under each page's "15,000 miles or 18 months") is the page's content that
//! happens to recur, not its furniture.

use foldhash::HashMap;

use crate::lines::{LineGeometry, TextLine};
use crate::report::ActionKind;

/// Un-marks each repeated line taken for a running head or foot
/// ([`ActionKind::RunningHeader`]) with a line of text that is not furniture between it
/// and its edge of the page: above it in the page's upper half, below it in the lower
/// half, the two overlapping across. Lines are judged from the edge inwards, so a line
/// let go this way holds the lines inside it back too. A page of more than
/// [`MAX_PAGE_LINES`] lines keeps its verdicts.
pub(super) fn keep_inner_repeats(
    lines: &[TextLine],
    by_page: &HashMap<usize, Vec<usize>>,
    verdict: &mut [Option<(ActionKind, &'static str)>],
) {
    for idx in by_page.values() {
        if !idx.iter().any(|&i| is_header(&verdict[i])) {
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
        let_go_inner(&placed, verdict, |g| g.bbox.y0 < 0.5 * g.page_height, above);
        placed.sort_by(|a, b| b.1.bbox.y1.total_cmp(&a.1.bbox.y1).then(a.0.cmp(&b.0)));
        let_go_inner(
            &placed,
            verdict,
            |g| g.bbox.y0 >= 0.5 * g.page_height,
            |o, g| above(g, o),
        );
    }
}

fn is_header(v: &Option<(ActionKind, &str)>) -> bool {
    matches!(v, Some((ActionKind::RunningHeader, _)))
}

/// Over `placed`, ordered from one edge inwards: un-marks each header in the half that
/// `in_half` accepts with a line not marked earlier in the order that stands `nearer`
/// the edge than it, overlapping it across.
fn let_go_inner(
    placed: &[(usize, LineGeometry)],
    verdict: &mut [Option<(ActionKind, &'static str)>],
    in_half: impl Fn(&LineGeometry) -> bool,
    nearer: impl Fn(&LineGeometry, &LineGeometry) -> bool,
) {
    for (k, &(i, g)) in placed.iter().enumerate() {
        if is_header(&verdict[i])
            && in_half(&g)
            && placed[..k]
                .iter()
                .any(|&(j, o)| verdict[j].is_none() && nearer(&o, &g) && across(&o, &g))
        {
            verdict[i] = None;
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
