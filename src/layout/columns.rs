//! Reading order on pages set in two columns: a vertical gutter that no line crosses
//! splits a stretch of the page; within it the left column is read before the right one.
//! Lines that run across the gutter (a title, an abstract, a full-width footer) stay where
//! they are and separate one two-column stretch from the next.

use crate::lines::TextLine;
use crate::report::{Action, ActionKind, Report};

/// Lines needed on each side of a gutter to believe in it.
const MIN_SIDE: usize = 4;

/// Distance between gutter candidates, in points.
const GUTTER_STEP: f32 = 2.0;

/// Widest text block in which a gutter is sought (points): 200 inches, far beyond any
/// printed page; wider blocks come from absurd coordinates, not from columns.
const MAX_TEXT_WIDTH: f32 = 14_400.0;

/// Re-orders two-column pages, marking right-column lines with `column = 1`.
pub fn order(lines: &mut Vec<TextLine>, report: &mut Report) {
    let mut out = Vec::with_capacity(lines.len());
    for range in crate::lines::page_ranges(lines) {
        let page = lines[range.start].page;
        let page_lines = &lines[range];
        match gutter(page_lines) {
            Some(g) => {
                report.push(
                    Action::new(ActionKind::Guess)
                        .page(page)
                        .evidence(format!(
                            "two columns split at x = {g:.0} pt: left column read first"
                        ))
                        .confidence(0.85),
                );
                out.extend(reorder(page_lines, g));
            }
            None => match super::drawn_late::place(page_lines) {
                Some((placed, moved)) => {
                    report.push(
                        Action::new(ActionKind::Guess)
                            .page(page)
                            .evidence(format!(
                                "{moved} block(s) drawn after text lying below them \
                                 read at their place on the page"
                            ))
                            .confidence(0.8),
                    );
                    out.extend(placed);
                }
                None => out.extend(page_lines.iter().cloned()),
            },
        }
    }
    *lines = out;
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Side {
    Left,
    Right,
    Across,
}

fn side(l: &TextLine, g: f32) -> Side {
    match l.geometry {
        Some(geo) if geo.bbox.x1 <= g => Side::Left,
        Some(geo) if geo.bbox.x0 >= g => Side::Right,
        _ => Side::Across,
    }
}

/// The x of a gutter that splits at least [`MIN_SIDE`] lines on each side while few
/// lines cross it.
fn gutter(page: &[TextLine]) -> Option<f32> {
    let boxes: Vec<_> = page
        .iter()
        .filter_map(|l| l.geometry.map(|g| g.bbox))
        .collect();
    if boxes.len() < 2 * MIN_SIDE {
        return None;
    }
    let left = boxes.iter().map(|b| b.x0).fold(f32::INFINITY, f32::min);
    let right = boxes.iter().map(|b| b.x1).fold(f32::NEG_INFINITY, f32::max);
    let width = right - left;
    // A hostile page can place a glyph at 1e9 pt or at infinity: no gutter is sought on a
    // text width that is not a finite, printable size.
    if !width.is_finite() || !(200.0..=MAX_TEXT_WIDTH).contains(&width) {
        return None;
    }
    // Candidates every 2 pt across the middle 40 % of the text width, counted by an
    // integer so that the step can never vanish in `f32` arithmetic.
    let steps = ((0.4 * width) / GUTTER_STEP).floor() as usize;
    let mut best: Option<(i64, f32)> = None;
    for k in 0..=steps {
        let x = left + 0.3 * width + k as f32 * GUTTER_STEP;
        let l = boxes.iter().filter(|b| b.x1 <= x - 2.0).count();
        let r = boxes.iter().filter(|b| b.x0 >= x + 2.0).count();
        let across = boxes.len() - l - r;
        // Lines crossing must be a minority: titles, footers, full-width blocks.
        if l >= MIN_SIDE && r >= MIN_SIDE && across * 3 < boxes.len() {
            let (l, r, across) = (l as i64, r as i64, across as i64);
            let score = l.min(r) * 4 + l + r - across * 6;
            if best.is_none_or(|b| score > b.0) {
                best = Some((score, x));
            }
        }
    }
    best.map(|(_, x)| x).filter(|&x| {
        let left = |l: &TextLine| l.geometry.is_some_and(|g| g.bbox.x1 <= x - 2.0);
        let right = |l: &TextLine| l.geometry.is_some_and(|g| g.bbox.x0 >= x + 2.0);
        !mostly_figures(page.iter().filter(|l| left(l)))
            && !mostly_figures(page.iter().filter(|l| right(l)))
    })
}

/// Whether most lines on one side of a gutter are figures ("3.71T", "1,136", "$"): the
/// columns of a table right of its labels, not a column of text to be read on its own.
fn mostly_figures<'a>(side: impl Iterator<Item = &'a TextLine>) -> bool {
    let (mut lines, mut figures) = (0, 0);
    for l in side {
        let text = l.plain();
        let digits = text.chars().filter(char::is_ascii_digit).count();
        let letters = text.chars().filter(|c| c.is_alphabetic()).count();
        lines += 1;
        if digits + letters == 0 || digits > letters {
            figures += 1;
        }
    }
    figures * 2 > lines
}

/// Reads each stretch between full-width lines left column first.
fn reorder(page: &[TextLine], g: f32) -> Vec<TextLine> {
    // Stretches: runs of lines (in the reader's order, sorted by top) broken by a line
    // that crosses the gutter.
    let sorted = top_to_bottom(page);
    let mut out = Vec::with_capacity(page.len());
    let mut left: Vec<TextLine> = Vec::new();
    let mut right: Vec<TextLine> = Vec::new();
    let flush = |left: &mut Vec<TextLine>,
                 right: &mut Vec<TextLine>,
                 out: &mut Vec<TextLine>,
                 before_across: bool| {
        let tail = if before_across {
            detached_tail(left, right)
        } else {
            left.len()
        };
        let below: Vec<TextLine> = left.drain(tail..).collect();
        // Indentation is measured from the page's text edge; in the right column it is
        // measured from that column's edge instead, so that a list running on from the
        // left column keeps its depth.
        let edge = |v: &[TextLine]| {
            v.iter()
                .filter_map(|l| l.geometry.map(|g| g.bbox.x0))
                .reduce(f32::min)
        };
        let shift = match (edge(left), edge(right)) {
            (Some(l), Some(r)) => r - l,
            _ => 0.0,
        };
        out.append(left);
        for mut l in right.drain(..) {
            l.column = 1;
            l.indent = (l.indent - shift).max(0.0);
            out.push(l);
        }
        out.extend(below);
    };
    for l in sorted {
        match side(l, g) {
            Side::Left => left.push(l.clone()),
            Side::Right => right.push(l.clone()),
            Side::Across => {
                flush(&mut left, &mut right, &mut out, true);
                out.push(l.clone());
            }
        }
    }
    flush(&mut left, &mut right, &mut out, false);
    out
}

/// The page's lines by baseline, and left to right among lines on one baseline (the words
/// of a justified line drawn as separate lines; a raised note number must not put its
/// word above the rest of the line).
fn top_to_bottom(page: &[TextLine]) -> Vec<&TextLine> {
    let base = |l: &TextLine| l.geometry.map_or(0.0, |g| g.baseline);
    let x0 = |l: &TextLine| l.geometry.map_or(0.0, |g| g.bbox.x0);
    let mut sorted: Vec<&TextLine> = page.iter().collect();
    sorted.sort_by(|a, b| base(a).total_cmp(&base(b)));
    let mut start = 0;
    while start < sorted.len() {
        let tolerance = 0.3 * sorted[start].geometry.map_or(0.0, |g| g.font_size);
        let end = (start + 1..sorted.len())
            .find(|&k| base(sorted[k]) - base(sorted[k - 1]) > tolerance)
            .unwrap_or(sorted.len());
        sorted[start..end].sort_by(|a, b| x0(a).total_cmp(&x0(b)));
        start = end;
    }
    sorted
}

/// Where the left lines stop belonging to the columns: a run at the end of `left` that
/// lies wholly below the right column and is set off from the lines above by a wide gap
/// (a "Notes" heading above a full-width notes block) is read after the right column,
/// with the full-width text it introduces. Returns `left.len()` when there is no such run.
fn detached_tail(left: &[TextLine], right: &[TextLine]) -> usize {
    let top = |l: &TextLine| l.geometry.map_or(0.0, |g| g.bbox.y0);
    let bottom = |l: &TextLine| l.geometry.map_or(0.0, |g| g.bbox.y1);
    let Some(right_end) = right.iter().map(bottom).reduce(f32::max) else {
        return left.len();
    };
    let Some(first_below) = left.iter().position(|l| top(l) >= right_end) else {
        return left.len();
    };
    if first_below == 0 {
        return left.len();
    }
    let pitch = |i: usize| top(&left[i]) - top(&left[i - 1]);
    let mut pitches: Vec<f32> = (1..first_below).map(pitch).collect();
    pitches.sort_by(f32::total_cmp);
    let usual = pitches.get(pitches.len() / 2).copied().unwrap_or(0.0);
    let size = |i: usize| left[i].geometry.map_or(0.0, |g| g.font_size);
    (first_below..left.len())
        .find(|&k| {
            // A wide gap, or a heading's gap: larger type after more than paragraph space.
            let gap = pitch(k);
            gap > (2.0 * usual).max(2.5 * size(k - 1))
                || (gap > 1.5 * usual && size(k) > 1.1 * size(k - 1))
        })
        .unwrap_or(left.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A line of 10 pt type (the helper the page-order tests share).
    fn at(text: &str, x0: f32, x1: f32, y: f32) -> TextLine {
        crate::layout::drawn_late::tests::at(text, x0, x1, y, 10.0)
    }

    #[test]
    fn left_column_then_right_column_between_full_width_lines() {
        let mut lines = vec![at("Title across the page", 60.0, 530.0, 50.0)];
        for i in 0..5 {
            let y = 100.0 + 12.0 * i as f32;
            lines.push(at(&format!("L{i}"), 60.0, 280.0, y));
            lines.push(at(&format!("R{i}"), 310.0, 530.0, y));
        }
        lines.push(at("Footer across the page", 60.0, 530.0, 800.0));
        let mut r = Report::default();
        order(&mut lines, &mut r);
        let texts: Vec<String> = lines.iter().map(|l| l.plain()).collect();
        assert_eq!(
            texts,
            vec![
                "Title across the page",
                "L0",
                "L1",
                "L2",
                "L3",
                "L4",
                "R0",
                "R1",
                "R2",
                "R3",
                "R4",
                "Footer across the page"
            ]
        );
        assert_eq!(lines[6].column, 1);
        assert_eq!(lines[1].column, 0);
    }

    #[test]
    fn a_table_of_labels_and_figures_is_not_two_columns() {
        // Full-width paragraphs around a table whose labels stand left and whose figures
        // stand right of an empty band: the figures are short, no column of text.
        let mut lines = vec![at("A paragraph across the page", 60.0, 530.0, 50.0)];
        for i in 0..8 {
            let y = 100.0 + 12.0 * i as f32;
            lines.push(at(&format!("Label of row {i}"), 60.0, 200.0, y));
            lines.push(at("3,423", 360.0, 385.0, y));
            lines.push(at("2,532", 440.0, 465.0, y));
        }
        lines.push(at("A paragraph across the page", 60.0, 530.0, 220.0));
        let before = lines.clone();
        order(&mut lines, &mut Report::default());
        assert_eq!(lines, before);
    }

    #[test]
    fn single_column_pages_keep_the_readers_order() {
        let mut lines: Vec<TextLine> = (0..10)
            .map(|i| at(&format!("line {i}"), 60.0, 500.0, 100.0 + 12.0 * i as f32))
            .collect();
        let before = lines.clone();
        order(&mut lines, &mut Report::default());
        assert_eq!(lines, before);
    }

    fn texts(lines: &[TextLine]) -> Vec<String> {
        lines.iter().map(|l| l.plain()).collect()
    }

    #[test]
    fn heading_set_off_below_both_columns_goes_with_the_full_width_block() {
        let mut lines = Vec::new();
        for i in 0..5 {
            let y = 100.0 + 12.0 * i as f32;
            lines.push(at(&format!("L{i}"), 60.0, 280.0, y));
            lines.push(at(&format!("R{i}"), 310.0, 530.0, y));
        }
        lines.push(at("L5", 60.0, 280.0, 160.0));
        lines.push(at("Notes", 60.0, 120.0, 200.0));
        lines.push(at("1. A note across the page", 60.0, 530.0, 215.0));
        order(&mut lines, &mut Report::default());
        let t = texts(&lines);
        assert_eq!(&t[..6], ["L0", "L1", "L2", "L3", "L4", "L5"]);
        assert_eq!(&t[11..], ["Notes", "1. A note across the page"]);
    }

    #[test]
    fn a_longer_left_column_still_reads_before_the_right_one() {
        let mut lines = Vec::new();
        for i in 0..8 {
            let y = 100.0 + 12.0 * i as f32;
            lines.push(at(&format!("L{i}"), 60.0, 280.0, y));
            if i < 4 {
                lines.push(at(&format!("R{i}"), 310.0, 530.0, y));
            }
        }
        lines.push(at("1. A note across the page", 60.0, 530.0, 220.0));
        order(&mut lines, &mut Report::default());
        let t = texts(&lines);
        assert_eq!(t[7], "L7");
        assert_eq!(t[8], "R0");
    }

    #[test]
    fn right_column_indentation_is_measured_from_its_own_edge() {
        let mut lines = Vec::new();
        for i in 0..5 {
            let y = 100.0 + 12.0 * i as f32;
            let mut l = at(&format!("L{i}"), 60.0, 280.0, y);
            l.indent = 0.0;
            lines.push(l);
            let x = if i == 2 { 318.0 } else { 310.0 };
            let mut r = at(&format!("R{i}"), x, 530.0, y);
            r.indent = x - 60.0;
            lines.push(r);
        }
        order(&mut lines, &mut Report::default());
        let right: Vec<f32> = lines
            .iter()
            .filter(|l| l.column == 1)
            .map(|l| l.indent)
            .collect();
        assert_eq!(right, vec![0.0, 0.0, 8.0, 0.0, 0.0]);
    }

    #[test]
    fn words_on_one_baseline_read_left_to_right_despite_a_raised_number() {
        let mut raised = at("distribute.10", 385.0, 440.0, 500.0);
        raised.geometry.as_mut().unwrap().bbox.y0 = 497.0;
        let page = vec![
            raised,
            at("programmes", 309.0, 370.0, 501.0),
            at("Whether", 455.0, 500.0, 501.0),
            at("next line", 309.0, 400.0, 515.0),
        ];
        let order: Vec<String> = top_to_bottom(&page).iter().map(|l| l.plain()).collect();
        assert_eq!(
            order,
            ["programmes", "distribute.10", "Whether", "next line"]
        );
    }

    #[test]
    fn a_glyph_at_an_absurd_position_seeks_no_gutter_and_ends() {
        // (A NaN edge is ignored by the min/max folds: the columns are still found.)
        for far in [1e9_f32, 3.4e38, f32::INFINITY] {
            let mut lines = Vec::new();
            for i in 0..5 {
                let y = 100.0 + 12.0 * i as f32;
                lines.push(at(&format!("L{i}"), 60.0, 280.0, y));
                lines.push(at(&format!("R{i}"), 310.0, 530.0, y));
            }
            lines.push(at("far", 60.0, far, 300.0));
            assert_eq!(gutter(&lines), None, "{far}");
        }
    }
}
