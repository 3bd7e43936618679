//! First-line indents on a PDF page. Books, journals and most reports mark a paragraph
//! by setting its first line in by an em or two, with no space above. A line set in
//! from the line above it and from the line below it, after a finished sentence, opens
//! a paragraph, however full the line before it ran (a paragraph's last line can end a
//! word short of the measure).

use crate::lines::TextLine;
use crate::words::ends_sentence;

/// How far (in ems) a first line is set in: LaTeX sets 1.5 em (15 pt at 10 pt), word
/// processors half an inch (some 4 ems at 12 pt), typographers as little as one em.
const INDENT: (f32, f32) = (0.6, 4.5);

/// How far (in ems) the lines around it may lie from each other and still share a left
/// edge.
const SAME_EDGE: f32 = 0.3;

/// Whether `line` is a paragraph's first line set in: it opens with a capital or a
/// figure (not a lower-case word that wraps on), it lies [`INDENT`] to the right of
/// `prev`, which ends a sentence, and `next` (the line after it, on its page and
/// column) returns to `prev`'s left edge. All three at about one size. A first line
/// wraps mid-sentence: an indented line that ends a sentence between two lines at the
/// margin is more often the last line of an entry set with a hanging indent (a
/// reference: "Pond SL, … phylogenies." / "Bioinformatics 21(5):676–679.").
pub(super) fn opens_indented_paragraph(
    prev: &TextLine,
    line: &TextLine,
    next: Option<&TextLine>,
) -> bool {
    let Some(next) = next.filter(|n| n.page == line.page && n.column == line.column) else {
        return false;
    };
    let (Some(a), Some(b), Some(c)) = (prev.geometry, line.geometry, next.geometry) else {
        return false;
    };
    let em = b.font_size.max(1.0);
    let alike = |x: f32, y: f32| (x - y).abs() <= 0.15 * em;
    let set_in = b.bbox.x0 - a.bbox.x0;
    alike(a.font_size, b.font_size)
        && alike(c.font_size, b.font_size)
        && (INDENT.0 * em..=INDENT.1 * em).contains(&set_in)
        && (c.bbox.x0 - a.bbox.x0).abs() <= SAME_EDGE * em
        && c.baseline > b.baseline
        && b.baseline > a.baseline
        && (ends_sentence(&prev.text) || bold_heading(prev))
        && !ends_sentence(&line.text)
        && line
            .plain_cow()
            .trim_start()
            .starts_with(|ch: char| ch.is_uppercase() || ch.is_ascii_digit())
}

/// Whether a line is a heading set in bold on a line of its own: the paragraph under it
/// opens with its first line set in, as every other does.
pub(super) fn bold_heading(line: &TextLine) -> bool {
    crate::rich::all_bold(&line.text) && crate::structure::classify::heading_line_shape(&line.text)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lines::test_placed;

    /// A 10 pt line whose left end is `x0`, on the `k`th baseline.
    fn at(text: &str, x0: f32, k: usize) -> TextLine {
        test_placed(text, 1, x0, 372.0, 100.0 + 12.0 * k as f32, 10.0)
    }

    #[test]
    fn a_line_set_in_between_two_at_the_margin_after_a_sentence_opens_a_paragraph() {
        let prev = at(
            "and has been read every day since the harbour was deepened.",
            72.0,
            0,
        );
        let first = at(
            "Surveyors compare the records with the soundings of the",
            87.0,
            1,
        );
        let next = at(
            "channel, since a bank that grows across the mouth raises",
            72.0,
            2,
        );
        assert!(opens_indented_paragraph(&prev, &first, Some(&next)));
        // Without a line after it, or with one set in as far (a quotation), no indent
        // shows.
        assert!(!opens_indented_paragraph(&prev, &first, None));
        let quoted = at(
            "channel, since a bank that grows across the mouth raises",
            87.0,
            2,
        );
        assert!(!opens_indented_paragraph(&prev, &first, Some(&quoted)));
        // A sentence left open above: the line wraps on.
        let open = at("and has been read every day since the harbour was", 72.0, 0);
        assert!(!opens_indented_paragraph(&open, &first, Some(&next)));
        // Set in by a tab's width or more: a column of its own, not an indent.
        let far = at(
            "Surveyors compare the records with the soundings of the",
            130.0,
            1,
        );
        assert!(!opens_indented_paragraph(&prev, &far, Some(&next)));
    }

    #[test]
    fn an_entry_hanging_under_its_first_line_is_no_paragraph_opening() {
        let head = at(
            "Pond SL, Frost SD, Muse SV. 2005. HyPhy: hypothesis testing.",
            72.0,
            0,
        );
        let tail = at("Bioinformatics 21(5):676–679.", 84.0, 1);
        let entry = at(
            "Yang Z, Nielsen R. 2007. PAML 4: phylogenetic analysis by",
            72.0,
            2,
        );
        assert!(!opens_indented_paragraph(&head, &tail, Some(&entry)));
    }
}
