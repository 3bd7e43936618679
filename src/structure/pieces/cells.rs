//! Form labels, their values and table cells: lines that share their row with a value or
//! the next cell, and the styles that set mostly such lines. None of them is a heading.

use foldhash::{HashMap, HashMapExt, HashSet};

use crate::layout::half_points;
use crate::lines::TextLine;
use crate::structure::classify::line_marker;
use crate::words::words;

/// Styles (face, size in half points) that set mostly form labels or table cells: most of
/// their lines (three at least) share their row with a value or the next cell. In a form
/// whose fine print is the longest text, labels and section labels are set larger than
/// that "body", so their size alone says nothing; their style says what they are.
pub(super) fn cell_styles(by_page: &HashMap<usize, Vec<&TextLine>>) -> HashSet<(u32, i32)> {
    let mut counts: HashMap<(u32, i32), (usize, usize)> = HashMap::new();
    for page in by_page.values() {
        let rows = Rows::new(page);
        for l in page {
            let Some(g) = l.geometry.filter(|g| g.face != 0) else {
                continue;
            };
            let c = counts
                .entry((g.face, half_points(g.font_size)))
                .or_default();
            c.0 += usize::from(shares_row(l, rows.near(l, page)));
            c.1 += 1;
        }
    }
    counts
        .into_iter()
        .filter(|(_, (rows, all))| *all >= 3 && rows * 2 > *all)
        .map(|(k, _)| k)
        .collect()
}

/// A page's lines in the order of their baselines, so that the lines near a baseline are
/// found without reading the whole page for every line (which made asking it of each line
/// quadratic in the page's lines: a form page holds hundreds).
struct Rows<'a> {
    /// The lines with a finite baseline, lowest baseline value first.
    sorted: Vec<&'a TextLine>,
    baselines: Vec<f32>,
}

impl<'a> Rows<'a> {
    fn new(page: &[&'a TextLine]) -> Self {
        let mut sorted: Vec<&TextLine> = page
            .iter()
            .copied()
            .filter(|l| l.geometry.is_some_and(|g| g.baseline.is_finite()))
            .collect();
        let baseline = |l: &TextLine| l.geometry.map_or(0.0, |g| g.baseline);
        sorted.sort_by(|a, b| baseline(a).total_cmp(&baseline(b)));
        let baselines = sorted.iter().map(|l| baseline(l)).collect();
        Rows { sorted, baselines }
    }

    /// The lines [`shares_row`] may find on `line`'s row: those whose baseline lies within
    /// its reach (with a point to spare against rounding), or the whole page when the
    /// line's geometry is not finite.
    fn near<'p>(&'p self, line: &TextLine, page: &'p [&'a TextLine]) -> &'p [&'a TextLine] {
        let Some(g) = line.geometry else {
            return &[];
        };
        let reach = 0.4 * g.font_size.max(4.0) + 1.0;
        if !g.baseline.is_finite() || !reach.is_finite() {
            return page;
        }
        let lo = self.baselines.partition_point(|&b| b < g.baseline - reach);
        let hi = self.baselines.partition_point(|&b| b <= g.baseline + reach);
        &self.sorted[lo..hi.max(lo)]
    }
}

/// Whether `line` shares its baseline with a short line after it: the value after a form
/// label ("Subtotal   2,730") or the next cell of a table row. Such a line is a label or a
/// cell, not a heading, however bold or large. Only what stands to its right counts (a
/// section number set before a heading is no value), and across a column gap, where a
/// heading may face the other column's text, only a value (a figure, an amount, a date)
/// or two short lines in its own type: the other cells of a header row ("Hours  Rate
/// Cost") that a column split cut through. `page` holds the line's page, or at least every
/// line of it that may share the line's row (the order does not matter).
pub(super) fn shares_row(line: &TextLine, page: &[&TextLine]) -> bool {
    let Some(g) = line.geometry else {
        return false;
    };
    let size = g.font_size.max(4.0);
    let to_the_right = |o: &&&TextLine| {
        o.geometry.is_some_and(|h| {
            o.source_line != line.source_line
                && (h.baseline - g.baseline).abs() <= 0.4 * size
                && h.bbox.x0 >= g.bbox.x1 - 0.5
                && words(&o.plain_cow()) <= 4
        })
    };
    let same_type = |o: &&&TextLine| {
        o.geometry
            .is_some_and(|h| h.face == g.face && (h.font_size - g.font_size).abs() < 0.25)
    };
    page.iter().filter(to_the_right).any(|o| {
        o.column == line.column || !crate::structure::classify::mostly_words(&o.plain_cow())
    }) || page.iter().filter(to_the_right).filter(same_type).count() >= 2
}

/// Whether `line` stands to the right of a label on its baseline, in the same column: a
/// few other words in another face of about its size, without a number ("Note   Minor
/// rear bumper repair"; a margin note in small type is no label). The
/// line is that field's value, not a heading. A section number before a heading ("2",
/// "A.", "VIII", "Chapter 3") carries a digit, is too short or is a roman numeral, so it
/// does not count.
pub(super) fn beside_a_label(line: &TextLine, page: &[&TextLine]) -> bool {
    let Some(g) = line.geometry else {
        return false;
    };
    let size = g.font_size.max(4.0);
    page.iter().any(|o| {
        o.source_line != line.source_line
            && o.column == line.column
            && o.geometry.is_some_and(|h| {
                h.face != g.face
                    && (h.font_size - g.font_size).abs() <= 0.15 * g.font_size
                    && (h.baseline - g.baseline).abs() <= 0.4 * size
                    && h.bbox.x1 <= g.bbox.x0 + 0.5
            })
            && {
                let t = o.plain_cow();
                let t = t.trim().trim_end_matches(':');
                t != line.plain_cow().trim()
                    && words(t) <= 4
                    && t.chars().filter(|c| c.is_alphabetic()).count() >= 3
                    && !t.chars().any(|c| c.is_ascii_digit())
                    && crate::structure::classify::mostly_words(t)
                    && line_marker(t).is_none()
                    && !t
                        .chars()
                        .all(|c| "IVXLCDM".contains(c.to_ascii_uppercase()))
            }
    })
}

/// Whether a caption's label stands alone to the left of `line` on its baseline (see
/// [`titles_caption_of`]).
pub(super) fn beside_a_caption_label(line: &TextLine, page: &[&TextLine]) -> bool {
    page.iter().any(|o| titles_caption_of(o, line))
}

/// Whether `line` titles the caption whose label `label` stands alone to its left on its
/// baseline, in its column, a few ems away ("Figure 1-1" then "Hexagon V62 processor
/// architecture", set apart by a quad instead of a stop): it titles that figure, not a
/// section. Only a figure's or a table's label counts: "Box 1" before a box's title heads
/// the box.
pub(super) fn titles_caption_of(label: &TextLine, line: &TextLine) -> bool {
    let Some(g) = line.geometry else {
        return false;
    };
    let size = g.font_size.max(4.0);
    label.source_line != line.source_line
        && label.page == line.page
        && label.column == line.column
        && label.geometry.is_some_and(|h| {
            (h.font_size - g.font_size).abs() <= 0.15 * g.font_size
                && (h.baseline - g.baseline).abs() <= 0.4 * size
                && h.bbox.x1 <= g.bbox.x0 + 0.5
                && g.bbox.x0 - h.bbox.x1 <= 3.0 * size
        })
        && crate::caption_labels::lone_caption_label(label.plain_cow().trim())
            .is_some_and(|l| l.captioned.table_or_figure())
}

/// Whether `line` is one cell of a header row whose cells stand level but not on one
/// baseline: two or more other lines in its face and size, several ems away (see
/// [`crate::lines::level_with_cells`]; "DOCUMENT NO.", "DATE", "PAYEE NAME", "AMOUNT ($)",
/// with "DATES" / "POSTED" set a little higher or lower over two lines). [`shares_row`]
/// asks for a baseline and looks right only; a header's last cell, or one raised half a
/// line, escapes it.
pub(super) fn level_with_cells(line: &TextLine, page: &[&TextLine]) -> bool {
    crate::lines::level_with_cells(line, page.iter().copied(), |g, h| {
        h.face == g.face && (h.font_size - g.font_size).abs() < 0.25
    })
}

/// Whether `line` is half of a form field set on one row: a label ending in a colon with
/// its value to its right on its baseline, in its column ("District Representatives:"
/// then "Board President Josephine Lucey and"), or that value. The colon announces what
/// follows; neither half is a heading, whatever the value's length or the type.
pub(super) fn in_a_field(line: &TextLine, page: &[&TextLine]) -> bool {
    let Some(g) = line.geometry else {
        return false;
    };
    let size = g.font_size.max(4.0);
    let label = |l: &TextLine| {
        let t = l.plain_cow();
        let t = t.trim();
        t.ends_with(':') && (1..=4).contains(&words(t))
    };
    let line_is_label = label(line);
    page.iter().any(|o| {
        o.source_line != line.source_line
            && o.column == line.column
            && o.geometry.is_some_and(|h| {
                (h.baseline - g.baseline).abs() <= 0.4 * size
                    && (h.font_size - g.font_size).abs() <= 0.15 * g.font_size
                    && if line_is_label {
                        h.bbox.x0 >= g.bbox.x1 - 0.5
                    } else {
                        h.bbox.x1 <= g.bbox.x0 + 0.5 && label(o)
                    }
            })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(text: &str, x0: f32, x1: f32, baseline: f32) -> TextLine {
        let mut l = crate::lines::test_placed(text, 1, x0, x1, baseline, 10.8);
        // Lines are told apart by their source line.
        l.source_line = (x0 + baseline) as usize;
        l
    }

    #[test]
    fn a_label_ending_in_a_colon_and_its_value_make_a_field() {
        let label = at("District Representatives:", 129.0, 240.0, 586.0);
        let value = at("Board President Josephine Lucey and", 263.0, 440.0, 586.0);
        let under = at("Vice-President Anjali Kausar", 263.0, 400.0, 598.0);
        let page = [&label, &value, &under];
        assert!(in_a_field(&label, &page));
        assert!(in_a_field(&value, &page));
        assert!(!in_a_field(&under, &page));
        // A heading beside text on its row that no colon announces is no field.
        let heading = at("Background", 129.0, 200.0, 586.0);
        let page = [&heading, &value];
        assert!(!in_a_field(&heading, &page));
        assert!(!in_a_field(&value, &page));
    }

    #[test]
    fn a_cell_of_a_jagged_header_row_stands_level_with_the_others() {
        // The last cell, and one set a few points higher: no baseline shared to the right.
        let no = at("DOCUMENT NO.", 78.0, 124.0, 108.7);
        let payee = at("PAYEE NAME", 243.0, 282.0, 108.7);
        let dates = at("DATES", 372.0, 392.0, 105.0);
        let amount = at("AMOUNT ($)", 666.0, 701.0, 108.7);
        let page = [&no, &payee, &dates, &amount];
        assert!(level_with_cells(&amount, &page));
        assert!(level_with_cells(&dates, &page));
        // A heading beside one other line (a column of text facing it) is no cell.
        let heading = at("Background", 72.0, 140.0, 300.0);
        let facing = at("the text of the next column", 320.0, 540.0, 300.0);
        assert!(!level_with_cells(&heading, &[&heading, &facing]));
    }
}
