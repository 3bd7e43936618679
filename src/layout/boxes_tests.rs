//! Tests of finding boxes: panels, the evidence that makes one a box, and what does not.

use super::*;
use crate::lines::test_placed;

const SENTENCE: &str = "Pumping at night from shallow wells slows the intrusion";

/// Three lines of body text on the left, two lines at x 400-550 from y 100 down.
fn page() -> Vec<TextLine> {
    let mut lines: Vec<TextLine> = (0..3)
        .map(|i| test_placed(SENTENCE, 1, 72.0, 360.0, 100.0 + 14.0 * i as f32, 10.0))
        .collect();
    for i in 0..2 {
        let l = test_placed(SENTENCE, 1, 400.0, 550.0, 100.0 + 14.0 * i as f32, 10.0);
        lines.push(l);
    }
    lines
}

fn rect(x0: f32, y0: f32, x1: f32, y1: f32) -> PaintedRect {
    PaintedRect {
        rect: Rect { x0, y0, x1, y1 },
        stroked: true,
        filled: false,
    }
}

fn found(lines: &[TextLine], rects: &[PaintedRect]) -> Vec<Vec<usize>> {
    find(lines, rects).into_iter().map(|(i, _)| i).collect()
}

#[test]
fn a_panel_of_one_width_is_the_one_the_passes_grow() {
    // Columns of cells in scrambled order, some a hair wider or narrower (within
    // TOUCH: the passes then move an edge, and the shortcut must step aside), some
    // apart by a gap.
    let mut state: u32 = 7;
    let mut next = |n: u32| {
        state = state.wrapping_mul(1_103_515_245).wrapping_add(12_345);
        (state >> 16) % n
    };
    let mut owned = Vec::new();
    for column in 0..3 {
        for row in 0..40 {
            let x0 = 100.0 * column as f32 + if next(30) == 0 { 1.5 } else { 0.0 };
            let x1 = x0 + 80.0 + if next(30) == 0 { -1.0 } else { 0.0 };
            let y0 = 12.0 * row as f32 + if next(8) == 0 { 5.0 } else { 0.0 };
            owned.push((next(1000), rect(x0, y0, x1, y0 + 12.0)));
        }
    }
    owned.sort_by_key(|(k, _)| *k);
    let rects: Vec<&PaintedRect> = owned.iter().map(|(_, r)| r).collect();
    let by_left = ByLeft::new(&rects);
    let (mut near, mut shortcuts) = (Vec::new(), 0);
    for r in &rects {
        let mut passes = r.rect;
        loop {
            let before = passes;
            by_left.pass(&rects, &mut passes, &mut near);
            if passes == before {
                break;
            }
        }
        if let Some(panel) = by_left.of_one_width(&rects, r.rect, &mut near) {
            assert_eq!(panel, passes, "{:?}", r.rect);
            shortcuts += 1;
        }
    }
    // Both ways were taken: the shortcut, and the passes where it stepped aside.
    assert!(shortcuts > 20 && shortcuts < rects.len(), "{shortcuts}");
}

#[test]
fn a_frame_around_two_lines_apart_from_the_body_is_a_box() {
    let lines = page();
    let frame = rect(392.0, 84.0, 560.0, 120.0);
    assert_eq!(found(&lines, &[frame]), vec![vec![3, 4]]);
    // A tinted title band stacked on it over the same width is part of it.
    let band = rect(392.0, 60.0, 560.0, 84.0);
    assert_eq!(found(&lines, &[band, frame]), vec![vec![3, 4]]);
}

#[test]
fn weak_evidence_is_no_box() {
    let lines = page();
    // One line inside: emphasis.
    assert!(found(&lines, &[rect(392.0, 84.0, 560.0, 104.0)]).is_empty());
    // A line running across the edge: a tint under the text.
    assert!(found(&lines, &[rect(392.0, 84.0, 500.0, 120.0)]).is_empty());
    // Most of the page: a border.
    assert!(found(&lines, &[rect(10.0, 10.0, 585.0, 830.0)]).is_empty());
    // Touching another rectangle beside it: a cell of a grid or a diagram's shape.
    let frame = rect(392.0, 84.0, 560.0, 120.0);
    let beside = rect(560.0, 84.0, 590.0, 120.0);
    assert!(found(&lines, &[frame, beside]).is_empty());
    // Lines side by side inside: a table.
    let mut lines = page();
    lines[4] = test_placed(SENTENCE, 1, 480.0, 550.0, 100.0, 10.0);
    lines[3] = test_placed(SENTENCE, 1, 400.0, 470.0, 100.0, 10.0);
    assert!(found(&lines, &[frame]).is_empty());
    // Labels, not sentences.
    let mut lines = page();
    lines[3] = test_placed("Status: String", 1, 400.0, 550.0, 100.0, 10.0);
    lines[4] = test_placed("Deciders: String [0..1]", 1, 400.0, 550.0, 114.0, 10.0);
    assert!(found(&lines, &[frame]).is_empty());
    // The abstract on a tint is a part of the article.
    let mut lines = page();
    lines[3] = test_placed(
        "Abstract. We measure the salinity",
        1,
        400.0,
        550.0,
        100.0,
        10.0,
    );
    assert!(found(&lines, &[frame]).is_empty());
}

#[test]
fn a_strip_behind_each_line_is_no_panel() {
    // Four lines beside the body, each on a strip of its own stacked into a column
    // (the backdrop of text wrapped round a chart).
    let mut lines = page();
    lines.truncate(3);
    let mut strips = Vec::new();
    for i in 0..4 {
        let y = 100.0 + 14.0 * i as f32;
        lines.push(test_placed(SENTENCE, 1, 400.0, 550.0, y, 10.0));
        strips.push(rect(392.0, y - 11.0, 560.0, y + 3.0));
    }
    assert!(found(&lines, &strips).is_empty());
    // One panel behind the four lines is a box.
    let panel = rect(392.0, 89.0, 560.0, 145.0);
    assert_eq!(found(&lines, &[panel]), vec![vec![3, 4, 5, 6]]);
}

#[test]
fn a_box_is_read_as_one_region_or_not_at_all() {
    // The body's last line read between the box's two: no box.
    let mut lines = page();
    lines.swap(2, 3);
    let frame = rect(392.0, 84.0, 560.0, 120.0);
    assert!(found(&lines, &[frame]).is_empty());
}

/// [`panels`] as first written: every pass scans every rectangle.
fn panels_by_scan(rects: &[&PaintedRect]) -> Vec<(usize, Rect)> {
    let mut out: Vec<(usize, Rect)> = Vec::new();
    for (i, r) in rects.iter().enumerate() {
        let mut panel = r.rect;
        loop {
            let before = panel;
            for o in rects {
                if stacked(&panel, &o.rect) {
                    panel = panel.union(&o.rect);
                }
            }
            if panel == before {
                break;
            }
        }
        if !out.iter().any(|(_, p)| *p == panel) {
            out.push((i, panel));
        }
    }
    out
}

#[test]
fn panels_are_those_of_a_scan_of_every_rectangle() {
    // Rectangles on a coarse grid, so that many stack, share a width within a
    // fraction of TOUCH, or chain into panels wider than any of them.
    let mut seed = 0x2545_f491_u64;
    let mut next = |n: u64| {
        seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
        ((seed >> 33) % n) as f32
    };
    let mut merged = 0;
    for case in 0..200 {
        let count = 1 + case % 40;
        let mut rects: Vec<PaintedRect> = (0..count)
            .map(|_| {
                let x0 = next(6) * 1.5 + next(3) * 0.75;
                let y0 = next(12) * 7.0;
                rect(x0, y0, x0 + 20.0 + next(3) * 1.25, y0 + 3.0 + next(8))
            })
            .collect();
        if case % 10 == 0 {
            rects.push(rect(-0.0, 0.0, 21.0, 7.0));
            rects.push(rect(0.0, 0.0, 21.0, 7.0));
        }
        let refs: Vec<&PaintedRect> = rects.iter().collect();
        let (fast, scan) = (panels(&refs), panels_by_scan(&refs));
        assert_eq!(format!("{fast:?}"), format!("{scan:?}"), "case {case}");
        merged += refs.len() - fast.len();
    }
    assert!(merged > 100, "the cases stack rectangles ({merged} merged)");
}

#[test]
fn marking_numbers_each_box_through_the_document() {
    let mut lines = page();
    lines.extend(page().into_iter().map(|mut l| {
        l.page = 2;
        l
    }));
    let frame = rect(392.0, 84.0, 560.0, 120.0);
    let pages: Vec<Page> = (1..=2)
        .map(|number| Page {
            number,
            rects: vec![frame],
            ..Page::default()
        })
        .collect();
    let mut report = Report::default();
    mark(&mut lines, &pages, &mut report);
    let boxed: Vec<u32> = lines.iter().map(|l| l.boxed).collect();
    assert_eq!(boxed, [0, 0, 0, 1, 1, 0, 0, 0, 2, 2]);
}
