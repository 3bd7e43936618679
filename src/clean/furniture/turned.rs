//! Running heads and feet printed on a turned page. A landscape table set on a page of
//! its own keeps the portrait pages' footer, but runs it up the page's side: it is not
//! where the other pages carry theirs, so the comparison of page bands misses it, and
//! the footer would stay in the text (and be read as a note at the page's foot).

use foldhash::{HashMap, HashMapExt, HashSet};

use crate::lines::TextLine;
use crate::report::ActionKind;

use super::shape;

/// Share of the page's width or height, from its edge, that a copy must stay within.
const EDGE: f32 = 0.12;

/// Pages other than its own on which a line's shape must already be furniture.
const MIN_OTHER_PAGES: usize = 2;

/// Marks lines in a page's outer margin whose shape (digits ignored: "8/16" is "6/16") is
/// that of running heads, feet or page numbers found on at least two other pages, when
/// the shape tells (see [`telling_shape`]). The first page's title zone (lines before
/// `zone_end`) is left to the title block: a letterhead naming the publisher is the same
/// name the running heads carry.
pub(super) fn mark_turned_copies(
    lines: &[TextLine],
    zone_end: usize,
    verdict: &mut [Option<(ActionKind, &'static str)>],
) {
    let mut pages_of: HashMap<String, HashSet<usize>> = HashMap::new();
    for (line, v) in lines.iter().zip(verdict.iter()) {
        if let Some((ActionKind::RunningHeader | ActionKind::PageNumber, _)) = v {
            pages_of
                .entry(shape(&line.plain()))
                .or_default()
                .insert(line.page);
        }
    }
    if pages_of.is_empty() {
        return;
    }
    for (i, line) in lines.iter().enumerate() {
        let in_title_zone = i < zone_end && line.page == 1;
        if verdict[i].is_some() || in_title_zone || !in_outer_margin(line) {
            continue;
        }
        let key = shape(&line.plain());
        if !telling_shape(&key) {
            continue;
        }
        let Some(pages) = pages_of.get(&key) else {
            continue;
        };
        if pages.iter().filter(|&&p| p != line.page).count() >= MIN_OTHER_PAGES {
            let kind = if key.chars().any(char::is_alphabetic) {
                ActionKind::RunningHeader
            } else {
                ActionKind::PageNumber
            };
            verdict[i] = Some((
                kind,
                "repeats the running lines of other pages, at this page's edge",
            ));
        }
    }
}

/// Whether a shape says enough to be told as furniture anywhere in a margin: words (three
/// letters or more) or a page of a count ("8/16"). A figure, or a figure and a stop, can
/// be any line's last word.
fn telling_shape(key: &str) -> bool {
    let letters = key.chars().filter(|c| c.is_alphabetic()).count();
    let page_of_count = key.split('/').map(str::trim).eq(["#", "#"]);
    letters >= 3 || page_of_count
}

/// Whether a line lies wholly within the outer margin of its page, along any side.
fn in_outer_margin(line: &TextLine) -> bool {
    let Some(g) = line.geometry else {
        return false;
    };
    let (w, h) = (g.page_width.max(1.0), g.page_height.max(1.0));
    let b = g.bbox;
    b.x1 <= EDGE * w || b.x0 >= (1.0 - EDGE) * w || b.y1 <= EDGE * h || b.y0 >= (1.0 - EDGE) * h
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lines::test_placed;

    const FOOT: &str = "Webb et al. (2017), PeerJ Comput. Sci., DOI 10.7717/peerj-cs.118";

    #[test]
    fn a_footer_run_up_a_turned_pages_side_is_a_copy_of_the_others() {
        let mut lines = Vec::new();
        let mut verdict = Vec::new();
        for page in 1..=3 {
            lines.push(test_placed(
                "Running text of the page.",
                page,
                72.0,
                500.0,
                400.0,
                10.0,
            ));
            verdict.push(None);
            lines.push(test_placed(FOOT, page, 34.0, 307.0, 759.0, 9.0));
            verdict.push(Some((ActionKind::RunningHeader, "repeats")));
            lines.push(test_placed(
                &format!("{page}/16"),
                page,
                560.0,
                578.0,
                759.0,
                9.0,
            ));
            verdict.push(Some((ActionKind::RunningHeader, "repeats")));
        }
        // Page 4 is turned: the footer and its page number stand up the left edge, and a
        // table's value sits in the body.
        let side = |text: &str, y0: f32, y1: f32| {
            let mut l = test_placed(text, 4, 30.6, 39.1, y1, 9.0);
            if let Some(g) = l.geometry.as_mut() {
                g.bbox.y0 = y0;
            }
            l
        };
        lines.push(side(FOOT, 34.0, 307.0));
        lines.push(side("4/16", 560.0, 578.0));
        lines.push(test_placed(
            "Webb et al. (2017)",
            4,
            300.0,
            400.0,
            300.0,
            9.0,
        ));
        verdict.extend([None, None, None]);
        mark_turned_copies(&lines, 0, &mut verdict);
        assert!(matches!(verdict[9], Some((ActionKind::RunningHeader, _))));
        assert!(matches!(verdict[10], Some((ActionKind::PageNumber, _))));
        // Mid-page, and not the footer's whole shape: kept.
        assert!(verdict[11].is_none());
        assert!(telling_shape("#/#") && telling_shape("page #") && !telling_shape("#."));
        assert!(verdict[0].is_none());
    }
}
