//! Room left on a PDF line. Word processors and browsers fill a line greedily: a word
//! goes on the line when it fits. So a line that ends a sentence with room to spare for
//! the next line's first word was ended by its author (a paragraph, or a line break in a
//! list of statements without bullets), not by the typesetter. Google Docs and Word set
//! such lines one under the other with no more space than a wrapped line's.
//!
//! The room is measured against the right edge its column's lines run to. The edge is
//! taken low (the second-longest line's end, not the longest's), so a ragged line is not
//! found to have room it never had; a line set beside a figure that narrows the measure
//! is left to the caller's other evidence.

use std::collections::BTreeMap;

use crate::lines::TextLine;

/// Lines of one column and page past which no edge is sought: each line's edge is found
/// among its column's lines, so the cost grows with the square of their number.
const MAX_COLUMN_LINES: usize = 1024;

/// How far (in ems) a line's left end may lie from another's for both to be measured by
/// one edge: a paragraph's first-line indent, a list item's hanging text.
const SAME_MEASURE: f32 = 3.0;

/// Room (in ems) left over once the next word is placed, before the word is taken to fit:
/// the word's width is estimated from its line's average character.
const SPARE: f32 = 0.5;

/// Ems by which a centred line stands in from either side of its column, at least.
const CENTRED_MARGIN: f32 = 2.0;

/// Share of its column's width by which a centred line stands in from either side, at
/// least: more than a reference's hanging indent or a quotation's.
const CENTRED_SHARE: f32 = 0.15;

/// Ems by which a centred line's two margins may differ, at most.
const CENTRED_SKEW: f32 = 1.0;

/// For each of `lines`, the right edge of the measure its column runs to: the second
/// greatest right end among the lines of its page, column and box set at about its size
/// whose left ends lie within [`SAME_MEASURE`] of its own (itself among them). `None`
/// for lines without geometry, in a table's grid or a chart, and where fewer than three
/// lines share the measure.
pub(super) fn column_edges(lines: &[TextLine]) -> Vec<Option<f32>> {
    let mut edges = vec![None; lines.len()];
    let mut columns: BTreeMap<(usize, u8, u32), Vec<usize>> = BTreeMap::new();
    for (i, l) in lines.iter().enumerate() {
        if l.geometry.is_some() && l.cell.is_none() && l.chart == 0 && !l.is_blank() {
            columns
                .entry((l.page, l.column, l.boxed))
                .or_default()
                .push(i);
        }
    }
    for members in columns.values() {
        if members.len() < 3 || members.len() > MAX_COLUMN_LINES {
            continue;
        }
        for &i in members {
            let Some(g) = lines[i].geometry else { continue };
            let em = g.font_size.max(1.0);
            let (mut first, mut second) = (f32::NEG_INFINITY, f32::NEG_INFINITY);
            let mut count = 0;
            for o in members.iter().filter_map(|&j| lines[j].geometry) {
                if (o.bbox.x0 - g.bbox.x0).abs() > SAME_MEASURE * em
                    || (o.font_size - g.font_size).abs() > 0.15 * em
                {
                    continue;
                }
                count += 1;
                let x1 = o.bbox.x1;
                if x1 > first {
                    second = first;
                    first = x1;
                } else if x1 > second {
                    second = x1;
                }
            }
            if count >= 3 {
                edges[i] = Some(second);
            }
        }
    }
    edges
}

/// Whether `line`'s first word, after a space, would have fitted on `prev` before `edge`
/// with [`SPARE`] to spare, `line` set below `prev`. A short word closed by a stop takes
/// the next word with it ("Dr. Hale", "No. 5"): such pairs are often bound by a no-break
/// space.
pub(super) fn next_word_fits(prev: &TextLine, line: &TextLine, edge: f32) -> bool {
    let (Some(p), Some(g)) = (prev.geometry, line.geometry) else {
        return false;
    };
    let plain = line.plain_cow();
    let chars = plain.chars().count();
    if chars == 0 {
        return false;
    }
    let per_char = (g.bbox.x1 - g.bbox.x0).max(0.0) / chars as f32;
    let mut words = plain.split_whitespace();
    let Some(first) = words.next() else {
        return false;
    };
    let mut word_chars = first.chars().count();
    if word_chars <= 4 && first.ends_with('.') {
        word_chars += 1 + words.next().map_or(0, |w| w.chars().count());
    }
    let em = p.font_size.max(1.0);
    // A piece on the same baseline is the rest of `prev`'s line, cut at a stretched space.
    g.baseline > p.baseline + 0.5 * em
        && p.bbox.x1 + (word_chars + 1) as f32 * per_char + SPARE * em <= edge
}

/// Whether `line` is centred between `left` (its column's left end) and `edge` (its right
/// edge, see [`column_edges`]), well in from both: a heading or a display set on a line of
/// its own, not a paragraph's next line, which starts at the left end or at an indent.
pub(super) fn centred(line: &TextLine, left: f32, edge: f32) -> bool {
    let Some(g) = line.geometry else {
        return false;
    };
    let em = g.font_size.max(1.0);
    let (l, r) = (g.bbox.x0 - left, edge - g.bbox.x1);
    let least = (CENTRED_MARGIN * em).max(CENTRED_SHARE * (edge - left));
    l >= least && r >= least && (l - r).abs() <= CENTRED_SKEW * em
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lines::test_placed;

    fn column(rows: &[(&str, f32)]) -> Vec<TextLine> {
        rows.iter()
            .enumerate()
            .map(|(k, &(text, x1))| test_placed(text, 1, 72.0, x1, 100.0 + 14.5 * k as f32, 11.0))
            .collect()
    }

    #[test]
    fn the_edge_is_the_second_longest_line_of_the_measure() {
        let lines = column(&[("One.", 300.0), ("Two.", 420.0), ("Three.", 400.0)]);
        assert_eq!(column_edges(&lines), vec![Some(400.0); 3]);
        // Two lines prove no measure.
        assert_eq!(column_edges(&lines[..2]), vec![None, None]);
        // A line set at another size (a heading) or far to the right is not measured.
        let mut other = lines.clone();
        other.push(test_placed("Heading", 1, 72.0, 500.0, 160.0, 16.0));
        other.push(test_placed("Aside text", 1, 300.0, 520.0, 175.0, 11.0));
        let edges = column_edges(&other);
        assert_eq!(edges[..3], [Some(400.0); 3]);
        assert_eq!(edges[3..], [None, None]);
    }

    #[test]
    fn a_centred_line_stands_well_in_from_both_ends_of_its_column() {
        // A column from 54 to 300 (246 points): at least 37 points in from either end.
        let at = |x0: f32, x1: f32| test_placed("IV. RESULTS", 1, x0, x1, 100.0, 10.0);
        assert!(centred(&at(150.0, 204.0), 54.0, 300.0));
        // Off centre by more than an em, or in by a hanging indent only.
        assert!(!centred(&at(100.0, 180.0), 54.0, 300.0));
        assert!(!centred(&at(74.0, 280.0), 54.0, 300.0));
        // No geometry, no centre.
        assert!(!centred(&TextLine::new("IV. RESULTS", 1, 1), 54.0, 300.0));
    }

    #[test]
    fn a_word_fits_where_the_line_leaves_room_for_it() {
        // 11 pt lines of some 5 points a character.
        let prev = test_placed("Readability counts.", 1, 72.0, 165.0, 100.0, 11.0);
        let next = test_placed("Special cases are rare.", 1, 72.0, 187.0, 114.5, 11.0);
        assert!(next_word_fits(&prev, &next, 400.0));
        assert!(!next_word_fits(&prev, &next, 200.0));
        // A stopped abbreviation takes its next word along.
        let title = test_placed("Dr. Hale answered at once.", 1, 72.0, 202.0, 114.5, 11.0);
        assert!(next_word_fits(&prev, &title, 216.0));
        assert!(!next_word_fits(&prev, &title, 200.0));
        // The rest of the line, on its baseline, is no next line.
        let rest = test_placed("Then more.", 1, 180.0, 230.0, 100.0, 11.0);
        assert!(!next_word_fits(&prev, &rest, 400.0));
    }
}
