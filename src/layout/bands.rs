//! Parts of a page set in different columns: the page is cut across where white space runs
//! from one edge of its text to the other (no line overlaps it), and neighbouring bands
//! are read as one part as long as the columns found in each survive in the whole.
//!
//! A part is set apart from the one above it when reading them together would lose a
//! gutter that runs clear through one of its bands between lines of running text (a band
//! of columns and nothing else; a gutter crossed by some of a band's lines, or between a
//! table's short cells, may be a chance one): the end of one article in two columns above the next
//! article's title band and its own columns, a full-width abstract above a sidebar and a
//! column. Bands whose columns agree stay one part, so that a two-column page whose
//! columns happen to leave a gap at the same height is still read column by column. A
//! grid of cards is read that way too, since its geometry does not say whether it runs
//! across or down, unless the cards' numbered headings say so: "1." and "2." side by side
//! over "3." and "4." (see [`numbered_rows`]).

use super::gutters::{Ink, MIN_SIDE, Side, gutter_with, rows_of_cells, sharing_a_baseline, side};
use crate::lines::TextLine;

/// White space (in ems of the part's median type) that cuts a page across.
pub(super) const MIN_CUT: f32 = 1.0;

/// Most bands and lines for which parts are sought (each band's merge seeks a gutter in
/// the part so far): beyond, the page is read as one part.
const MAX_BANDS: usize = 64;
const MAX_LINES: usize = 3000;

/// The page's parts top to bottom, each in the reader's order, when there are two or more;
/// `None` when the page reads as one part (then nothing changes).
///
/// Lines turned up the margin (a print slug, a preprint's stamp) are first left out of the
/// cuts: running down beside the text, they would join the parts they pass (the last
/// column's foot to a footer of short pieces that cross every gutter). They are read
/// after the page's parts, as a part of their own. Where the page without them reads as
/// one part, they are taken in as any line is.
pub fn regions(lines: &[TextLine]) -> Option<Vec<Vec<TextLine>>> {
    if lines.iter().any(TextLine::is_turned) {
        let (turned, flat): (Vec<TextLine>, Vec<TextLine>) =
            lines.iter().cloned().partition(TextLine::is_turned);
        if let Some(mut parts) = flat_regions(&flat) {
            parts.push(turned);
            return Some(parts);
        }
    }
    flat_regions(lines)
}

/// [`regions`] of a page's lines, as they are.
fn flat_regions(lines: &[TextLine]) -> Option<Vec<Vec<TextLine>>> {
    if lines.len() < 2 * MIN_SIDE || lines.len() > MAX_LINES {
        return None;
    }
    let boxes: Vec<(f32, f32, f32)> = lines
        .iter()
        .map(|l| l.geometry.map(|g| (g.bbox.y0, g.bbox.y1, g.font_size)))
        .collect::<Option<_>>()?;
    if boxes
        .iter()
        .any(|&(a, b, s)| !(a.is_finite() && b.is_finite() && s.is_finite()))
    {
        return None;
    }
    let em = median(boxes.iter().map(|b| b.2).filter(|&s| s > 0.0))?;
    let bands = cut(&boxes, MIN_CUT * em);
    if bands.len() < 2 || bands.len() > MAX_BANDS {
        return None;
    }
    let refs = |idx: &[usize]| -> Vec<&TextLine> { idx.iter().map(|&i| &lines[i]).collect() };
    // Each line's ink, read once however many of the groupings below hold the line.
    let inks: Vec<std::cell::OnceCell<Ink>> = vec![std::cell::OnceCell::new(); lines.len()];
    let gutter_of = |idx: &[usize]| {
        gutter_with(&refs(idx), |k| {
            *inks[idx[k]].get_or_init(|| Ink::of(&lines[idx[k]]))
        })
    };
    // Each band's own gutter, when one runs clear through it (columns and nothing else).
    let clean: Vec<Option<f32>> = bands
        .iter()
        .map(|b| {
            let band = refs(b);
            gutter_of(b).filter(|&g| {
                crossing(&band, g) == 0
                    && columns_of_text(&band, g, Side::Left, 2)
                    && columns_of_text(&band, g, Side::Right, 2)
            })
        })
        .collect();
    // Without a clean gutter every band keeps its columns in any part: only numbered cards
    // (four at least, two rows of two) can still set parts apart.
    if clean.iter().all(Option::is_none)
        && lines
            .iter()
            .filter(|l| card_number(l, em).is_some())
            .count()
            < 4
    {
        return None;
    }
    // Parts: line indices and the bands with clean gutters they hold.
    let mut parts: Vec<(Vec<usize>, Vec<usize>)> = vec![(bands[0].clone(), vec![0])];
    for (k, band) in bands.iter().enumerate().skip(1) {
        let (cur, held) = parts.last().expect("one part at least");
        let mut union = cur.clone();
        union.extend_from_slice(band);
        let whole = gutter_of(&union);
        // (Where the whole has no gutter, the one the columns above run clear of.)
        let table = whole
            .or_else(|| held.iter().rev().find_map(|&b| clean[b]))
            .is_some_and(|g| clean[k].is_none() && table_across(&refs(band), g));
        let together = held
            .iter()
            .chain(std::iter::once(&k))
            .all(|&b| keeps_gutter(&refs(&bands[b]), clean[b], whole))
            && !table
            && !whole.is_some_and(|g| {
                numbered_rows(&refs(cur), &refs(band), g, em)
                    || held
                        .iter()
                        .any(|&b| clean[b].is_none() && table_across(&refs(&bands[b]), g))
            });
        if together {
            let part = parts.last_mut().expect("one part at least");
            part.0 = union;
            part.1.push(k);
            continue;
        }
        let mut next = (band.clone(), vec![k]);
        // The row naming a table's columns, set a little apart above its rows, goes
        // with them rather than with the columns above.
        let last = parts.last().and_then(|p| p.1.last().copied());
        if table
            && let Some(h) = last
            && clean[h].is_none()
            && names_row(&refs(&bands[h]), &refs(band), em)
        {
            let part = parts.last_mut().expect("one part at least");
            part.1.pop();
            part.0.retain(|i| !bands[h].contains(i));
            next.0.extend_from_slice(&bands[h]);
            next.1.insert(0, h);
            if part.1.is_empty() {
                parts.pop();
            }
        }
        parts.push(next);
    }
    if parts.len() < 2 {
        return None;
    }
    Some(
        parts
            .into_iter()
            .map(|(mut idx, _)| {
                idx.sort_unstable();
                idx.into_iter().map(|i| lines[i].clone()).collect()
            })
            .collect(),
    )
}

/// The number a card's heading opens with: "3. The Fundamental Theorem", "12) Costs". The
/// line is set as a heading (bold, or larger than the part's median type `em`), is short,
/// and its number is followed by a word.
fn card_number(l: &TextLine, em: f32) -> Option<u32> {
    let g = l.geometry?;
    let bold = l.text.trim_start().starts_with(crate::rich::BOLD_ON);
    if !(bold || g.font_size >= em * 1.15) {
        return None;
    }
    let text = l.plain_cow();
    let text = text.trim();
    if text.split_whitespace().count() > 12 {
        return None;
    }
    let digits = text.len() - text.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    if !(1..=2).contains(&digits) {
        return None;
    }
    let rest = text[digits..]
        .strip_prefix(['.', ')'])
        .unwrap_or(&text[digits..]);
    let word = rest.strip_prefix(' ')?.trim_start();
    word.starts_with(char::is_alphabetic)
        .then(|| text[..digits].parse().ok())
        .flatten()
}

/// The card numbers of `lines` read down the columns of gutter `g`: the left side top to
/// bottom, then the right side; and whether both sides hold one.
fn numbers_down(lines: &[&TextLine], g: f32, em: f32) -> (Vec<u32>, bool) {
    let mut sides: [Vec<(f32, u32)>; 2] = [Vec::new(), Vec::new()];
    for l in lines {
        let Some(n) = card_number(l, em) else {
            continue;
        };
        let y = l.geometry.map_or(0.0, |geo| geo.bbox.y0);
        match side(l, g) {
            Side::Left => sides[0].push((y, n)),
            Side::Right => sides[1].push((y, n)),
            Side::Across => {}
        }
    }
    let both = sides.iter().all(|s| !s.is_empty());
    let mut numbers = Vec::new();
    for mut s in sides {
        s.sort_by(|a, b| a.0.total_cmp(&b.0));
        numbers.extend(s.into_iter().map(|(_, n)| n));
    }
    (numbers, both)
}

fn consecutive(numbers: &[u32]) -> bool {
    numbers.windows(2).all(|w| w[1] == w[0] + 1)
}

/// Whether the part so far and the band under it are rows of a grid of numbered cards read
/// across: each holds numbered headings on both sides of the gutter `g` ("1." beside "2.",
/// then "3." beside "4."), reading the part and then the band numbers them one after the
/// other, and reading both together down the columns would not (1, 3, 2, 4). Columns whose
/// numbering runs down ("1." over "2.", "3." over "4.") read down as before.
fn numbered_rows(part: &[&TextLine], band: &[&TextLine], g: f32, em: f32) -> bool {
    let (above, above_both) = numbers_down(part, g, em);
    let (below, below_both) = numbers_down(band, g, em);
    if !(above_both && below_both) {
        return false;
    }
    let mut across = above;
    across.extend(below);
    let mut union: Vec<&TextLine> = part.to_vec();
    union.extend_from_slice(band);
    consecutive(&across) && !consecutive(&numbers_down(&union, g, em).0)
}

/// The top of a part's text.
pub fn top(lines: &[TextLine]) -> Option<f32> {
    lines
        .iter()
        .filter_map(|l| l.geometry.map(|g| g.bbox.y0))
        .reduce(f32::min)
}

pub(super) fn median(values: impl Iterator<Item = f32>) -> Option<f32> {
    let mut v: Vec<f32> = values.collect();
    v.sort_by(f32::total_cmp);
    v.get(v.len() / 2).copied()
}

/// Bands of lines (indices, ascending) top to bottom, cut where white space at least
/// `gap` tall runs across all of them.
pub(super) fn cut(boxes: &[(f32, f32, f32)], gap: f32) -> Vec<Vec<usize>> {
    let mut by_top: Vec<usize> = (0..boxes.len()).collect();
    by_top.sort_by(|&a, &b| boxes[a].0.total_cmp(&boxes[b].0));
    let mut bands: Vec<Vec<usize>> = Vec::new();
    let mut bottom = f32::NEG_INFINITY;
    for i in by_top {
        let (y0, y1, _) = boxes[i];
        match bands.last_mut() {
            Some(band) if y0 - bottom < gap => band.push(i),
            _ => bands.push(vec![i]),
        }
        bottom = bottom.max(y1);
    }
    for b in &mut bands {
        b.sort_unstable();
    }
    bands
}

/// Whether a band keeps the columns it has when read within a larger part whose gutter
/// is `whole`: a band without a clean gutter of its own always does; one with a clean
/// gutter needs the part to have one that runs as clear through the band.
fn keeps_gutter(band: &[&TextLine], own: Option<f32>, whole: Option<f32>) -> bool {
    match (own, whole) {
        (None, _) => true,
        (Some(_), None) => false,
        (Some(_), Some(w)) => crossing(band, w) == 0,
    }
}

/// Share of its side's width that a column's typical line spans, below which the side
/// holds a table's cells rather than lines of running text.
const LINE_SPAN: f32 = 0.6;

/// Widest usual distance (in ems) from one line's top to the next one's in a column of
/// running text; a table's rows, padded apart, stand further.
const TEXT_PITCH: f32 = 1.6;

/// Whether the lines on one side of a gutter run on like a column of text: the median
/// line spans [`LINE_SPAN`] of the side's width (the cells of a table do not), the lines
/// follow one another at a text's pitch ([`TEXT_PITCH`]), and they are not mostly
/// monospaced (a listing's comments set in a column after its code).
pub(super) fn runs_on(band: &[&TextLine], g: f32, at: Side) -> bool {
    let geos: Vec<_> = band
        .iter()
        .filter(|l| side(l, g) == at)
        .filter_map(|l| l.geometry)
        .collect();
    if geos.iter().filter(|geo| geo.monospace).count() * 2 > geos.len() {
        return false;
    }
    // Lines set one under the other at the pitch of running text, not rows of cells set
    // apart by padding.
    let mut tops: Vec<f32> = geos.iter().map(|geo| geo.bbox.y0).collect();
    tops.sort_by(f32::total_cmp);
    let pitch = median(tops.windows(2).map(|w| w[1] - w[0]).filter(|&d| d > 0.0));
    let size = median(geos.iter().map(|geo| geo.font_size));
    if let (Some(pitch), Some(size)) = (pitch, size)
        && pitch > TEXT_PITCH * size
    {
        return false;
    }
    let boxes: Vec<_> = geos.iter().map(|geo| geo.bbox).collect();
    let (Some(x0), Some(x1)) = (
        boxes.iter().map(|b| b.x0).reduce(f32::min),
        boxes.iter().map(|b| b.x1).reduce(f32::max),
    ) else {
        return false;
    };
    median(boxes.iter().map(|b| b.x1 - b.x0)).is_some_and(|w| w >= LINE_SPAN * (x1 - x0))
}

/// Whether one side of a gutter holds running text: a column of it ([`runs_on`]), or
/// columns split by a clean gutter of their own, down to `depth` splits more (the side
/// holding two columns of a three-column page, whose lines span half of it).
fn columns_of_text(band: &[&TextLine], g: f32, at: Side, depth: u8) -> bool {
    if runs_on(band, g, at) {
        return true;
    }
    if depth == 0 {
        return false;
    }
    let lines: Vec<&TextLine> = band.iter().copied().filter(|l| side(l, g) == at).collect();
    super::gutters::gutter_of(&lines).is_some_and(|h| {
        crossing(&lines, h) == 0
            && columns_of_text(&lines, h, Side::Left, depth - 1)
            && columns_of_text(&lines, h, Side::Right, depth - 1)
    })
}

/// Whether a band is a table set across the gutter `g` of the columns around it (a
/// journal's full-width table on a two-column page): its rows put cells on both sides of
/// the gutter (see [`rows_across`]), and one side at least holds no running text. Read as
/// part of the columns, its label column would run on as a paragraph and its figures form
/// a table of their own; on its own it is read row by row. Two columns of prose set at
/// one leading meet baselines too, but each line stands alone on its side, and both
/// sides run on.
fn table_across(band: &[&TextLine], g: f32) -> bool {
    let band = inside_margins(band.iter().copied());
    rows_across(&band, g)
        && !(columns_of_text(&band, g, Side::Left, 2) && columns_of_text(&band, g, Side::Right, 2))
}

/// Whether a part of a page is nothing but a table's rows across the gutter `g`: neither
/// side holds running text. Its two halves are not columns to read one after the other.
pub(super) fn cells_across(part: &[TextLine], g: f32) -> bool {
    let part = inside_margins(part.iter());
    rows_across(&part, g)
        && !columns_of_text(&part, g, Side::Left, 2)
        && !columns_of_text(&part, g, Side::Right, 2)
}

/// Share of the paper's height at its top and at its bottom where running heads and
/// print slugs stand, clear of the text block (a table may run down to a tenth of the
/// paper from its foot).
const MARGIN: f32 = 0.06;

/// The lines clear of the paper's top and bottom margins ([`MARGIN`]): a header's or a
/// footer's pieces (a print slug of eight cells on one baseline) share baselines as a
/// table's cells do, and would make columns of text look like one.
fn inside_margins<'a>(lines: impl Iterator<Item = &'a TextLine>) -> Vec<&'a TextLine> {
    lines
        .filter(|l| {
            l.geometry.is_none_or(|g| {
                let h = g.page_height;
                !(h > 0.0 && (g.bbox.y1 < MARGIN * h || g.bbox.y0 > (1.0 - MARGIN) * h))
            })
        })
        .collect()
}

/// Whether a band is the row naming the columns of the table band under it: three cells
/// or more, short beside the table's width, most of them on one baseline (a name wrapped
/// onto two lines stands a little higher), in a band no taller than two lines, within
/// two ems above the table.
fn names_row(band: &[&TextLine], table: &[&TextLine], em: f32) -> bool {
    let span = |ls: &[&TextLine]| {
        ls.iter()
            .filter_map(|l| l.geometry.map(|g| g.bbox))
            .reduce(|a, b| a.union(&b))
    };
    let (Some(names), Some(rows)) = (span(band), span(table)) else {
        return false;
    };
    let (top, bottom, table_top) = (names.y0, names.y1, rows.y0);
    let (left, right) = (rows.x0, rows.x1);
    let short = band.iter().all(|l| {
        l.geometry
            .is_some_and(|g| g.bbox.x1 - g.bbox.x0 < 0.3 * (right - left))
    });
    band.len() >= 3
        && band.len() <= 3 * MIN_SIDE
        && short
        && bottom - top <= 3.0 * em
        && table_top - bottom <= 2.0 * em
        && sharing_a_baseline(band, band) * 3 >= band.len() * 2
}

/// Whether rows of cells span the gutter `g`: two thirds of the lines left of it share
/// their baseline with a line right of it, and the lines on the right share theirs with
/// one another (two cells or more on that side of each row).
fn rows_across(band: &[&TextLine], g: f32) -> bool {
    let on = |at: Side| -> Vec<&TextLine> {
        band.iter().copied().filter(|l| side(l, g) == at).collect()
    };
    let (left, right) = (on(Side::Left), on(Side::Right));
    left.len() >= MIN_SIDE
        && right.len() >= MIN_SIDE
        && sharing_a_baseline(&left, &right) * 3 >= left.len() * 2
        && rows_of_cells(&right)
}

fn crossing(band: &[&TextLine], g: f32) -> usize {
    band.iter().filter(|l| side(l, g) == Side::Across).count()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(text: &str, x0: f32, x1: f32, y: f32) -> TextLine {
        crate::layout::drawn_late::tests::at(text, x0, x1, y, 10.0)
    }

    #[test]
    fn a_card_number_opens_a_short_heading_line() {
        let bold = |t: &str| {
            let mut l = at(t, 0.0, 100.0, 50.0);
            l.text = crate::rich::bold(t);
            l
        };
        assert_eq!(card_number(&bold("3. Well dippers"), 10.0), Some(3));
        assert_eq!(card_number(&bold("12) Costs"), 10.0), Some(12));
        for no in ["2.1 Methods", "2024 Annual review", "3.", "Table 3. Costs"] {
            assert_eq!(card_number(&bold(no), 10.0), None, "{no}");
        }
        // Body type is no heading.
        assert_eq!(
            card_number(&at("3. Well dippers", 0.0, 100.0, 50.0), 10.0),
            None
        );
    }

    fn texts(parts: &[Vec<TextLine>]) -> Vec<Vec<String>> {
        parts
            .iter()
            .map(|p| p.iter().map(|l| l.plain()).collect())
            .collect()
    }

    /// Three columns of running text: the side of the widest gutter that holds two of
    /// them is columns of text (each line spans half of it), as the side of a table's
    /// cells is not.
    #[test]
    fn a_side_of_two_columns_holds_running_text() {
        let mut lines = Vec::new();
        for i in 0..30 {
            let y = 160.0 + 12.0 * i as f32;
            for (c, x) in [45.0, 222.0, 399.0].iter().enumerate() {
                lines.push(at(
                    &format!("column {c} line {i} runs on"),
                    *x,
                    x + 165.0,
                    y,
                ));
            }
        }
        let band: Vec<&TextLine> = lines.iter().collect();
        let g = super::super::gutters::gutter_of(&band).expect("a gutter");
        let two = if g < 300.0 { Side::Right } else { Side::Left };
        assert!(!runs_on(&band, g, two));
        assert!(columns_of_text(&band, g, two, 2));
        assert!(!columns_of_text(&band, g, two, 0));
    }

    /// Six lines of two columns, the end of an article.
    fn first_article_columns() -> Vec<TextLine> {
        let mut lines = Vec::new();
        for i in 0..6 {
            let y = 60.0 + 12.0 * i as f32;
            for (side, x0, x1) in [("left", 60.0, 290.0), ("right", 310.0, 540.0)] {
                lines.push(at(&format!("{side} {i} of the first article"), x0, x1, y));
            }
        }
        lines
    }

    /// A line turned up the margin beside the white space between two parts (the end of
    /// one article's columns and the next one's) does not join them.
    #[test]
    fn a_turned_line_in_the_margin_does_not_join_parts() {
        let mut lines = first_article_columns();
        for i in 0..8 {
            let y = 180.0 + 12.0 * i as f32;
            lines.push(at(&format!("wide {i} of the second"), 60.0, 380.0, y));
            lines.push(at(&format!("side {i}"), 400.0, 540.0, y));
        }
        let stamp = "jbell on DSKJLSW7X2PROD with PROPOSALS";
        let mut turned = at(stamp, 20.0, 28.0, 200.0);
        if let Some(g) = turned.geometry.as_mut() {
            (g.bbox.y0, g.bbox.y1) = (100.0, 220.0);
        }
        lines.push(turned);
        let t = texts(&regions(&lines).expect("parts"));
        assert_eq!(t.len(), 3, "{t:?}");
        assert_eq!(t[0].len(), 12);
        assert_eq!(t[1][0], "wide 0 of the second");
        assert_eq!(t[2], vec![stamp]);
    }

    /// Eight rows of a table from `top` (a label left of the page's gutter, three figures
    /// right of it), then two columns of prose long enough to outweigh its figures.
    fn table_and_columns_after(lines: &mut Vec<TextLine>, top: f32) {
        for r in 0..8 {
            let y = top + 12.0 * r as f32;
            lines.push(at(&format!("Measure {r} of the cohort"), 60.0, 200.0, y));
            for x in [320.0, 400.0, 480.0] {
                lines.push(at(&format!("{r}.5"), x, x + 25.0, y));
            }
        }
        for i in 0..30 {
            let y = 270.0 + 12.0 * i as f32;
            lines.push(at(&format!("left {i} after the table"), 60.0, 290.0, y));
            lines.push(at(&format!("right {i} after the table"), 310.0, 540.0, y));
        }
    }

    /// A table set across both columns of a two-column page (a label column left of the
    /// gutter, figures right of it, row by row) is a part of its own between the columns
    /// above and below it: read with them, its labels would run on as the left column.
    #[test]
    fn a_table_across_the_gutter_is_a_part_of_its_own() {
        let mut lines = first_article_columns();
        table_and_columns_after(&mut lines, 150.0);
        let t = texts(&regions(&lines).expect("parts"));
        assert_eq!(t.len(), 3, "{t:?}");
        assert_eq!(t[1].len(), 32, "{t:?}");
        assert!(
            t[1].iter()
                .all(|l| !l.contains("article") && !l.contains("after"))
        );
    }

    /// The row naming such a table's columns, set a line's space above its rows (a cut
    /// between bands), goes with the table, not with the columns above it.
    #[test]
    fn a_tables_names_set_apart_above_it_go_with_it() {
        let mut lines = first_article_columns();
        for (name, x0) in [
            ("Action", 60.0),
            ("Labor", 320.0),
            ("Parts", 400.0),
            ("Cost", 480.0),
        ] {
            lines.push(at(name, x0, x0 + 25.0, 141.0));
        }
        table_and_columns_after(&mut lines, 162.0);
        let t = texts(&regions(&lines).expect("parts"));
        assert_eq!(t.len(), 3, "{t:?}");
        assert_eq!(t[0].len(), 12, "{t:?}");
        assert_eq!(t[1].len(), 36, "{t:?}");
        assert_eq!(t[1][..4], ["Action", "Labor", "Parts", "Cost"]);
    }

    /// Two columns, then a title across the page, then columns split elsewhere.
    #[test]
    fn bands_with_different_gutters_are_read_apart() {
        let mut lines = first_article_columns();
        lines.push(at("The title of the second article", 60.0, 540.0, 200.0));
        for i in 0..8 {
            let y = 240.0 + 12.0 * i as f32;
            lines.push(at(&format!("wide {i} of the second"), 60.0, 380.0, y));
            lines.push(at(&format!("side {i}"), 400.0, 540.0, y));
        }
        let parts = regions(&lines).expect("two parts");
        let t = texts(&parts);
        assert_eq!(t.len(), 2, "{t:?}");
        // The title goes with the part above it, whose columns it ends.
        assert_eq!(t[0].len(), 13);
        assert_eq!(t[0][12], "The title of the second article");
        assert_eq!(t[1][0], "wide 0 of the second");
    }

    /// A two-column page whose columns leave a gap at the same height reads as one part.
    #[test]
    fn a_gap_through_both_columns_keeps_one_part() {
        let mut lines = Vec::new();
        for i in 0..12 {
            let y = 60.0 + 12.0 * i as f32 + if i >= 6 { 20.0 } else { 0.0 };
            // The right column's lines start lower than the left one's after the gap.
            let dy = if i >= 6 { 6.0 } else { 0.0 };
            lines.push(at(&format!("left {i} runs on"), 60.0, 290.0, y));
            lines.push(at(&format!("right {i} runs on"), 310.0, 540.0, y + dy));
        }
        assert!(regions(&lines).is_none());
    }
}
