//! Furniture stands at the page's edge: between a running head and the top of the paper
//! (a running foot and its foot) there is nothing but other furniture. A line that
//! repeats from page to page below text that does not (a maintenance log's "■ Add fuel
//! additive" under each page's "15,000 miles or 18 months") is the page's content that
//! happens to recur, not its furniture.

use foldhash::{HashMap, HashSet};

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

/// A running head repeats at the edge of several pages. When the tests above give back
/// to the text every copy but one of a repeated line (each of the others stands under a
/// heading, in a table's row, or inside a paragraph), the one left at an edge repeats
/// nothing any more: it is its page's text that happens to stand first, such as a
/// paragraph's last line carried over to a page of its own ("Some text here..", printed
/// on the page before under its heading). `bands` are the lines at the pages' edges,
/// `marked` those of them taken for running heads before the tests; `key` is the shape
/// copies share.
pub(super) fn let_go_lone_copies(
    lines: &[TextLine],
    bands: &[usize],
    marked: &[usize],
    verdict: &mut [Option<(ActionKind, &'static str)>],
    key: impl Fn(&str) -> String,
) {
    let given_back: HashSet<usize> = marked
        .iter()
        .copied()
        .filter(|&i| !is_header(&verdict[i]))
        .collect();
    if given_back.is_empty() {
        return;
    }
    let keys_given_back: HashSet<String> = given_back
        .iter()
        .map(|&i| key(&lines[i].plain_cow()))
        .collect();
    // The pages on which each such shape still stands at an edge, not given back.
    let mut pages: HashMap<String, HashSet<usize>> = HashMap::default();
    for &i in bands {
        if given_back.contains(&i) {
            continue;
        }
        let k = key(&lines[i].plain_cow());
        if keys_given_back.contains(&k) {
            pages.entry(k).or_default().insert(lines[i].page);
        }
    }
    for &i in marked {
        if is_header(&verdict[i])
            && pages
                .get(&key(&lines[i].plain_cow()))
                .is_some_and(|on| on.len() < 2)
        {
            verdict[i] = None;
        }
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
