//! Whether a PDF line runs to its paragraph's measure. Characters are a poor ruler on a
//! page: a narrow column's full line holds two-thirds of the characters of a full line
//! of the page's wide text, so a sentence that ends on a full line of a narrow column
//! looked like a paragraph's short last line. The lines' right ends say it directly.

use crate::lines::TextLine;
use crate::words::ends_sentence;

/// How far (in ems) short of the measure a line may stop and still be full: justified
/// lines end on it, ragged ones within a word of it.
const FULL_SLACK: f32 = 1.0;

/// The share of a full line's characters that a line of running text holds at least: a
/// narrow column's full line holds over half of a wide one's.
const LONG: f32 = 0.45;

/// The narrowest measure (in ems) running text is set to: a newspaper's column is some
/// fifteen ems wide, a form's labels fewer.
const MIN_MEASURE: f32 = 12.0;

/// Whether `prev` ends at the right edge of its paragraph's wrapped lines: the unit's
/// earlier lines in its column (left ends within two ems of its own) that the typesetter
/// broke mid-sentence, so ran to the measure. Lines that each end a sentence prove no
/// measure (a column of names, an address, a list of one-sentence lines end about
/// together by chance). `None` without geometry, or when no wrapped line reaches `prev`'s
/// end: then no measure is known beyond it. Nor do short lines, `prev` among them: each
/// holds [`LONG`] of `width` (a full line's characters) and spans [`MIN_MEASURE`] at
/// least, or a column of labels without stops would pass for wrapped text.
pub(super) fn runs_to_measure(prev: &TextLine, unit: &[TextLine], width: f32) -> Option<bool> {
    let p = prev.geometry?;
    let em = p.font_size.max(1.0);
    let long = |l: &TextLine| {
        l.plain_char_count() as f32 >= LONG * width
            && l.geometry
                .is_some_and(|g| g.bbox.x1 - g.bbox.x0 >= MIN_MEASURE * em)
    };
    if !long(prev) {
        return None;
    }
    let wrapped = |l: &&TextLine| {
        !std::ptr::eq(*l, prev)
            && l.page == prev.page
            && long(l)
            && !ends_sentence(&l.text)
            && !l.plain_cow().trim_end().ends_with(':')
    };
    let edge = unit
        .iter()
        .filter(wrapped)
        .filter_map(|l| l.geometry)
        .filter(|g| (g.bbox.x0 - p.bbox.x0).abs() <= 2.0 * em)
        .map(|g| g.bbox.x1)
        .fold(f32::NEG_INFINITY, f32::max);
    (edge >= p.bbox.x1 - 0.5 * em).then_some(p.bbox.x1 >= edge - FULL_SLACK * em)
}

#[cfg(test)]
mod tests {
    use crate::lines::{TextLine, test_placed};
    use crate::structure::units::{measure, segment};

    /// A page of wide lines (10 pt, 90 characters) over a narrow column (8.5 pt, some 50
    /// characters), whose lines are placed as `column` says: text and right end.
    fn units(column: &[(&str, f32)]) -> Vec<Vec<String>> {
        let wide = "Estuaries along this coast have been surveyed since the harbour works began, and each one";
        let mut lines: Vec<TextLine> = (0..8)
            .map(|k| test_placed(wide, 1, 72.0, 540.0, 80.0 + 13.0 * k as f32, 10.0))
            .collect();
        lines.push(test_placed("the record.", 1, 72.0, 130.0, 184.0, 10.0));
        for (k, &(text, x1)) in column.iter().enumerate() {
            lines.push(test_placed(text, 1, 72.0, x1, 220.0 + 10.2 * k as f32, 8.5));
        }
        segment(&lines, measure(&lines))
            .iter()
            .skip(1)
            .map(|u| u.lines.iter().map(|l| l.plain()).collect())
            .collect()
    }

    #[test]
    fn a_sentence_ending_on_a_narrow_columns_full_line_goes_on() {
        let column = [
            (
                "The channels silt up fastest where the river meets the",
                299.0,
            ),
            ("tide, and dredging there has to be repeated every", 299.0),
            (
                "spring before the fishing fleet returns to the estuary.",
                299.0,
            ),
            (
                "Critics of the scheme argue that dredging only moves",
                299.0,
            ),
            ("the sediment a little further out.", 210.0),
        ];
        assert_eq!(units(&column).len(), 1, "{:?}", units(&column));
    }

    #[test]
    fn a_sentence_ending_short_of_the_measure_ends_the_paragraph() {
        let column = [
            (
                "The channels silt up fastest where the river meets the",
                299.0,
            ),
            ("tide, and dredging there has to be repeated every", 299.0),
            ("spring before the fleet returns to the estuary.", 270.0),
            (
                "Critics of the scheme argue that dredging only moves",
                299.0,
            ),
            ("the sediment a little further out.", 210.0),
        ];
        assert_eq!(units(&column).len(), 2, "{:?}", units(&column));
    }

    #[test]
    fn lines_that_each_end_a_sentence_prove_no_measure() {
        // One sentence a line, each ending about where the next does: a list whose
        // bullets were lost, not a paragraph's wrapped lines.
        let column = [
            (
                "The channels silt up fastest where the river meets the sea.",
                299.0,
            ),
            (
                "Dredging there has to be repeated every single spring.",
                296.0,
            ),
            (
                "Critics argue that dredging only moves the sediment out.",
                298.0,
            ),
        ];
        assert_eq!(units(&column).len(), 3, "{:?}", units(&column));
    }
}
