//! Running text set beside a table in a part of a page read row by row: a part whose
//! cells make it read as rows (a table across the page) may hold, lower down, a paragraph
//! opening a column beside a second table. Read row by row, that paragraph's lines would
//! fall between the table's rows; instead each band of the part (cut across by white
//! space) where a clear vertical channel parts running text from a table's rows is read
//! side by side, left side first, as two columns are.
//!
//! What tells text beside a table from a table's own columns is the baselines: a table's
//! label column and its figures share theirs row by row, while a paragraph set beside a
//! table keeps its own pitch and meets the rows' baselines only by chance.

use super::gutters::{MIN_SIDE, Side, rows_of_cells, sharing_a_baseline, side, top_to_bottom};
use crate::lines::TextLine;

/// Narrowest channel (in ems of the band's median type) that may part text from a table.
const MIN_CHANNEL: f32 = 0.8;

/// Most lines in a band for which a channel is sought (each test compares baselines pair
/// by pair); a larger band is read row by row as before.
const MAX_LINES: usize = 400;

/// The part's lines read row by row, top to bottom, except in bands where running text
/// stands beside a table: those are read one side after the other. Returns the lines and
/// the x of each channel read that way (none: the rows as before).
pub(super) fn read_rows(page: &[TextLine], gutters: &mut Vec<f32>) -> (Vec<TextLine>, Vec<f32>) {
    let rows = || top_to_bottom(page).into_iter().cloned().collect::<Vec<_>>();
    let Some(boxes) = page
        .iter()
        .map(|l| l.geometry.map(|g| (g.bbox.y0, g.bbox.y1, g.font_size)))
        .collect::<Option<Vec<_>>>()
    else {
        return (rows(), Vec::new());
    };
    let Some(em) = super::bands::median(boxes.iter().map(|b| b.2).filter(|&s| s > 0.0)) else {
        return (rows(), Vec::new());
    };
    let bands = super::bands::cut(&boxes, super::bands::MIN_CUT * em);
    let band_lines = |from: usize, to: usize| -> Vec<TextLine> {
        let mut idx: Vec<usize> = bands[from..to].iter().flatten().copied().collect();
        idx.sort_unstable();
        idx.into_iter().map(|i| page[i].clone()).collect()
    };
    // Groups of bands read side by side: a band with a channel, joined by the bands next
    // to it that the same channel parts the same way (a heading beside the table's header
    // row, set off from both by white space).
    let mut groups: Vec<(usize, usize, f32)> = Vec::new();
    for k in 0..bands.len() {
        if groups.last().is_some_and(|&(_, to, _)| k < to) {
            continue;
        }
        let lines = band_lines(k, k + 1);
        let Some(g) = channel(&lines.iter().collect::<Vec<_>>()) else {
            continue;
        };
        let floor = groups.last().map_or(0, |&(_, to, _)| to);
        let parts = |from: usize, to: usize| {
            let lines = band_lines(from, to);
            splits_at(&lines.iter().collect::<Vec<_>>(), g)
        };
        let mut from = k;
        while from > floor && parts(from - 1, k + 1) {
            from -= 1;
        }
        let mut to = k + 1;
        while to < bands.len() && parts(from, to + 1) {
            to += 1;
        }
        groups.push((from, to, g));
    }
    if groups.is_empty() {
        return (rows(), Vec::new());
    }
    let mut out = Vec::with_capacity(page.len());
    let mut split_at = Vec::new();
    let mut k = 0;
    for &(from, to, g) in &groups {
        let before = band_lines(k, from);
        out.extend(top_to_bottom(&before).into_iter().cloned());
        split_at.push(g);
        gutters.push(g);
        out.extend(super::sides::reorder(
            &band_lines(from, to),
            g,
            &[],
            0,
            gutters,
        ));
        k = to;
    }
    let after = band_lines(k, bands.len());
    out.extend(top_to_bottom(&after).into_iter().cloned());
    (out, split_at)
}

/// The x of a clear vertical channel through the band (no line crosses it) with running
/// text on one side and a table's rows on the other, if there is one.
fn channel(band: &[&TextLine]) -> Option<f32> {
    if band.len() < 2 * MIN_SIDE {
        return None;
    }
    let em = super::bands::median(band.iter().filter_map(|l| l.geometry.map(|g| g.font_size)))?;
    let mut spans: Vec<(f32, f32)> = band
        .iter()
        .filter_map(|l| l.geometry.map(|g| (g.bbox.x0, g.bbox.x1)))
        .collect();
    spans.sort_by(|a, b| a.0.total_cmp(&b.0));
    let mut right_edge = spans.first()?.1;
    let mut channels = Vec::new();
    for &(x0, x1) in &spans[1..] {
        if x0 - right_edge >= MIN_CHANNEL * em {
            channels.push(0.5 * (x0 + right_edge));
        }
        right_edge = right_edge.max(x1);
    }
    channels.into_iter().find(|&g| splits_at(band, g))
}

/// Whether `g` parts the band into running text on one side and a table's rows on the
/// other, no line crossing it.
fn splits_at(band: &[&TextLine], g: f32) -> bool {
    if band.len() > MAX_LINES {
        return false;
    }
    let (mut left, mut right) = (Vec::new(), Vec::new());
    for &l in band {
        match side(l, g) {
            Side::Left => left.push(l),
            Side::Right => right.push(l),
            Side::Across => return false,
        }
    }
    left.len() >= MIN_SIDE
        && right.len() >= MIN_SIDE
        && ((text_beside(band, g, Side::Left, &left, &right) && rows_of_cells(&right))
            || (text_beside(band, g, Side::Right, &right, &left) && rows_of_cells(&left)))
}

/// Whether `text` (the lines on side `at` of `g`) runs on as lines of text, each alone on
/// its baseline, and meets the baselines of `cells` (the other side) no more than by
/// chance (a third of its lines at most).
fn text_beside(
    band: &[&TextLine],
    g: f32,
    at: Side,
    text: &[&TextLine],
    cells: &[&TextLine],
) -> bool {
    let by_chance = |others: &[&TextLine]| sharing_a_baseline(text, others) * 3 <= text.len();
    super::bands::runs_on(band, g, at) && by_chance(cells) && by_chance(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(text: &str, x0: f32, x1: f32, y: f32) -> TextLine {
        crate::layout::drawn_late::tests::at(text, x0, x1, y, 10.0)
    }

    /// A paragraph in the left column beside a table of a label and three figures.
    fn text_beside_a_table(label_x1: f32) -> Vec<TextLine> {
        let mut lines = Vec::new();
        for i in 0..6 {
            let y = 100.0 + 13.6 * i as f32;
            lines.push(at(
                &format!("line {i} of the paragraph runs on"),
                60.0,
                290.0,
                y,
            ));
        }
        for i in 0..5 {
            let y = 103.0 + 12.0 * i as f32;
            lines.push(at(&format!("row {i}"), 310.0, label_x1, y));
            for (k, x) in [400.0, 440.0, 480.0].into_iter().enumerate() {
                lines.push(at(&format!("{i}.{k}"), x, x + 20.0, y));
            }
        }
        lines
    }

    fn texts(lines: &[TextLine]) -> Vec<String> {
        lines.iter().map(|l| l.plain()).collect()
    }

    #[test]
    fn text_beside_a_table_is_read_before_the_tables_rows() {
        let lines = text_beside_a_table(350.0);
        let (read, at) = read_rows(&lines, &mut Vec::new());
        assert_eq!(at.len(), 1);
        assert!((290.0..310.0).contains(&at[0]), "{at:?}");
        let t = texts(&read);
        assert!(
            t[..6].iter().all(|s| s.contains("of the paragraph")),
            "{t:?}"
        );
        assert_eq!(t[6..10], ["row 0", "0.0", "0.1", "0.2"]);
        assert_eq!(t[10], "row 1");
    }

    #[test]
    fn a_heading_beside_the_tables_header_stays_with_its_text() {
        // Both set off by white space from the paragraph and the rows below them.
        let mut lines = vec![at("6 Analysis", 60.0, 120.0, 70.0)];
        for (k, x) in [310.0, 400.0, 440.0, 480.0].into_iter().enumerate() {
            lines.push(at(&format!("head {k}"), x, x + 25.0, 71.0));
        }
        lines.extend(text_beside_a_table(350.0));
        let (read, at) = read_rows(&lines, &mut Vec::new());
        assert_eq!(at.len(), 1);
        let t = texts(&read);
        assert_eq!(t[0], "6 Analysis");
        assert!(
            t[1..7].iter().all(|s| s.contains("of the paragraph")),
            "{t:?}"
        );
        assert_eq!(t[7..12], ["head 0", "head 1", "head 2", "head 3", "row 0"]);
    }

    #[test]
    fn a_tables_labels_and_figures_are_read_row_by_row() {
        // Labels sharing their figures' baselines: a table, not text beside one.
        let mut lines = Vec::new();
        for i in 0..6 {
            let y = 100.0 + 12.0 * i as f32;
            lines.push(at(&format!("label {i} of a longer kind"), 60.0, 290.0, y));
            lines.push(at(&format!("{i}.0"), 400.0, 420.0, y));
            lines.push(at(&format!("{i}.1"), 440.0, 460.0, y));
        }
        let (read, at) = read_rows(&lines, &mut Vec::new());
        assert!(at.is_empty());
        let t = texts(&read);
        assert_eq!(t[..3], ["label 0 of a longer kind", "0.0", "0.1"]);
    }
}
