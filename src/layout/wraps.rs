//! Running text that wraps round a chart or a sidebar: set in a narrower column beside it,
//! then on at the full measure below it ("…they will need" beside a chart's foot, "to
//! keep rates higher…" under it). No white space runs across the page there, so no cut
//! into parts is found, and a chart's tick labels (mostly figures) keep a gutter from
//! being seen: read by height, body lines alternate with the chart's numbers, and a tick
//! "2" can open a note that swallows the text after it. The page shows the wrap: every
//! line beside the text is set smaller than it, nothing of that side goes on below, and
//! the text's last line beside it is in the type of the full-measure line that follows.

use crate::lines::TextLine;

use super::gutters::MIN_SIDE;

/// The text's lines (beside the chart, then below it) and the chart's or sidebar's lines
/// beside it, each in the order they had, when the page wraps its text round one; the
/// side of the text that the other stands on (`true` for the right).
pub(super) struct Wrap {
    /// The text's lines, beside the other side and below it.
    pub(super) text: Vec<TextLine>,
    /// The chart's or sidebar's lines.
    pub(super) beside: Vec<TextLine>,
    /// Whether they stand on the text's right.
    pub(super) right: bool,
}

/// Widest a line beside the text may be set, against the body's size: a chart's or a
/// sidebar's small print.
const BESIDE_SIZE: f32 = 0.9;

/// Finds the wrap on a page's lines, looking for the other side on the right, then on
/// the left. `None` when the page shows no such shape.
pub(super) fn wrapped_text(lines: &[TextLine]) -> Option<Wrap> {
    if lines.len() < 3 * MIN_SIDE || lines.iter().any(|l| l.geometry.is_none()) {
        return None;
    }
    [true, false]
        .into_iter()
        .find_map(|right| wrap_on(lines, right))
}

fn wrap_on(lines: &[TextLine], right: bool) -> Option<Wrap> {
    // Horizontal extents, mirrored for a chart on the left, so that the text is always
    // on the left of the chart below.
    let span = |l: &TextLine| {
        let g = l.geometry.expect("placed lines");
        if right {
            (g.bbox.x0, g.bbox.x1)
        } else {
            (-g.bbox.x1, -g.bbox.x0)
        }
    };
    let size = |l: &TextLine| l.geometry.map_or(0.0, |g| g.font_size);
    let base = |l: &TextLine| l.geometry.map_or(0.0, |g| g.baseline);
    let em = super::bands::median(
        lines
            .iter()
            .filter(|l| l.plain_char_count() >= 25)
            .map(size),
    )?;
    let body = |l: &TextLine| (size(l) - em).abs() < 0.5;
    let left = lines.iter().map(|l| span(l).0).fold(f32::MAX, f32::min);
    let right_edge = lines.iter().map(|l| span(l).1).fold(f32::MIN, f32::max);
    let width = right_edge - left;
    if !(width.is_finite() && width > 0.0 && em > 0.0) {
        return None;
    }
    // The first line of running text at the full measure.
    let full = lines
        .iter()
        .filter(|l| body(l) && span(l).1 - span(l).0 >= 0.8 * width)
        .min_by(|a, b| base(a).total_cmp(&base(b)))?;
    let cut = base(full) - 0.3 * em;
    let (above, below): (Vec<&TextLine>, Vec<&TextLine>) =
        lines.iter().partition(|l| base(l) < cut);
    // Beside the chart the text ends at one edge; the chart starts clear of it.
    let edge = above
        .iter()
        .filter(|l| body(l))
        .map(|l| span(l).1)
        .fold(f32::MIN, f32::max);
    if edge - left < 0.4 * width || right_edge - edge < 0.2 * width {
        return None;
    }
    let (mut text_n, mut beside_n) = (0, 0);
    for l in &above {
        let (x0, x1) = span(l);
        if x1 <= edge + 0.5 {
            text_n += usize::from(body(l));
        } else if x0 >= edge + 0.8 * em && size(l) <= BESIDE_SIZE * em {
            beside_n += 1;
        } else {
            return None;
        }
    }
    // No running text stands on the other side below the cut (a second column going on:
    // a footer in small type may); the text's last line beside it is in the full line's
    // type, and close above it.
    let last = above
        .iter()
        .filter(|l| span(l).1 <= edge + 0.5)
        .max_by(|a, b| base(a).total_cmp(&base(b)))?;
    if text_n < MIN_SIDE
        || beside_n < MIN_SIDE
        || below.iter().any(|l| span(l).0 >= edge && body(l))
        || (size(last) - size(full)).abs() >= 0.5
        || base(full) - base(last) > 2.5 * em
    {
        return None;
    }
    let (beside, text): (Vec<TextLine>, Vec<TextLine>) = lines
        .iter()
        .cloned()
        .partition(|l| base(l) < cut && span(l).0 >= edge + 0.8 * em);
    Some(Wrap {
        text,
        beside,
        right,
    })
}

#[cfg(test)]
pub(super) mod tests {
    use super::*;
    use crate::lines::test_placed;

    /// A page whose text runs beside a chart on the right (ticks and a caption in small
    /// type), then on at the full measure below it.
    pub(in crate::layout) fn page(full_below: bool) -> Vec<TextLine> {
        let mut lines = Vec::new();
        for k in 0..10 {
            let y = 100.0 + 12.0 * k as f32;
            lines.push(test_placed(
                "Running text of the page set beside the chart, long enough.",
                1,
                72.0,
                360.0,
                y,
                11.0,
            ));
            let tick = (9 - k).to_string();
            lines.push(test_placed(&tick, 1, 518.0, 521.0, y + 3.0, 6.5));
        }
        lines.push(test_placed(
            "Figure 1.2. Policy Rates",
            1,
            375.0,
            500.0,
            95.0,
            8.0,
        ));
        let x1 = if full_below { 524.0 } else { 360.0 };
        for k in 0..4 {
            let y = 220.0 + 12.0 * k as f32;
            lines.push(test_placed(
                "and then at the full measure of the page below the chart, on and on.",
                1,
                72.0,
                x1,
                y,
                11.0,
            ));
        }
        lines
    }

    #[test]
    fn text_beside_a_chart_then_below_it_reads_apart_from_the_chart() {
        let lines = page(true);
        let wrap = wrapped_text(&lines).expect("a wrap");
        assert!(wrap.right);
        assert_eq!(wrap.text.len(), 14);
        assert_eq!(wrap.beside.len(), 11);
        assert!(wrap.beside.iter().all(|l| l.plain_char_count() < 30));
        // Mirrored: the chart on the left.
        let mirrored: Vec<TextLine> = lines
            .iter()
            .map(|l| {
                let mut l = l.clone();
                if let Some(g) = l.geometry.as_mut() {
                    let (x0, x1) = (g.bbox.x0, g.bbox.x1);
                    g.bbox.x0 = 600.0 - x1;
                    g.bbox.x1 = 600.0 - x0;
                }
                l
            })
            .collect();
        let wrap = wrapped_text(&mirrored).expect("a wrap on the left");
        assert!(!wrap.right);
        assert_eq!(wrap.beside.len(), 11);
    }

    #[test]
    fn no_wrap_without_a_full_line_below_or_with_body_type_beside() {
        // Two columns all the way down: no line at the full measure.
        assert!(wrapped_text(&page(false)).is_none());
        // A second column of running text beside the first is no chart.
        let mut lines = page(true);
        for l in &mut lines {
            if let Some(g) = l.geometry.as_mut()
                && g.bbox.x0 > 500.0
            {
                g.font_size = 11.0;
            }
        }
        assert!(wrapped_text(&lines).is_none());
    }
}
