//! Where a page's gutters run, and which side of a gutter each line lies on: the clearest
//! vertical gap through a page's lines, kept as a gutter only when the text on each side
//! fills its column and is not mostly figures; a gutter beside a grid of table cells,
//! found in the prose around the grid; which lines share a baseline (a table's cells do,
//! row by row, and a label its value); and the page's lines in the top-to-bottom order in
//! which the column, band and beside-table readers walk them. This is the geometry those
//! readers share, so it sits below all of them.

use crate::lines::TextLine;
use crate::source::Rect;

/// Lines needed on each side of a gutter to believe in it.
pub(super) const MIN_SIDE: usize = 4;

/// Distance between gutter candidates, in points.
const GUTTER_STEP: f32 = 2.0;

/// Widest text block in which a gutter is sought (points): 200 inches, far beyond any
/// printed page; wider blocks come from absurd coordinates, not from columns.
const MAX_TEXT_WIDTH: f32 = 14_400.0;

/// The x of a gutter that splits at least [`MIN_SIDE`] lines on each side while few
/// lines cross it, and on each side of which the text fills its column (see
/// [`fills_its_column`]) and is not mostly figures (a table's columns right of its labels).
pub(super) fn gutter(page: &[TextLine]) -> Option<f32> {
    gutter_of(&page.iter().collect::<Vec<_>>())
}

/// [`gutter`] of lines held by reference.
pub(super) fn gutter_of(page: &[&TextLine]) -> Option<f32> {
    gutter_with(page, |k| Ink::of(page[k]))
}

/// What the tests of a gutter's sides read of a line's text: how many characters it
/// sets (not counting spaces), which weigh its baseline in [`fills_its_column`], and
/// whether it is a figure rather than words (see [`mostly_figures`]). Read in one pass
/// over the text, once per line, where each test used to derive the line's plain text
/// again for every gutter sought through it.
#[derive(Clone, Copy)]
pub(super) struct Ink {
    chars: usize,
    figure: bool,
}

impl Ink {
    /// Whether the line is a figure or a cell of marks rather than words.
    pub(super) fn is_figure(&self) -> bool {
        self.figure
    }

    pub(super) fn of(l: &TextLine) -> Ink {
        let (mut chars, mut digits, mut letters) = (0, 0, 0);
        let text = l.plain_cow();
        if text.is_ascii() {
            // Most lines: their bytes are their characters.
            for b in text.bytes() {
                if matches!(b, b' ' | b'\t'..=b'\r') {
                    continue;
                }
                chars += 1;
                if b.is_ascii_digit() {
                    digits += 1;
                } else if b.is_ascii_alphabetic() {
                    letters += 1;
                }
            }
        } else {
            for c in text.chars() {
                if c.is_whitespace() {
                    continue;
                }
                chars += 1;
                if c.is_ascii_digit() {
                    digits += 1;
                } else if c.is_alphabetic() {
                    letters += 1;
                }
            }
        }
        // A cell of marks ("X", "✓", "●") is a value, as a figure is: one character,
        // a capital or a symbol (a lower-case letter is a formula's variable, a character
        // of a script without case a word).
        let marks = {
            let mut cs = text.chars().filter(|c| !c.is_whitespace());
            match (cs.next(), cs.next()) {
                (Some(c), None) => {
                    c.is_ascii_uppercase() || !(c.is_alphanumeric() || c.is_ascii_punctuation())
                }
                _ => false,
            }
        };
        Ink {
            chars,
            figure: digits + letters == 0 || digits > letters || marks,
        }
    }
}

/// [`gutter_of`] given each line's [`Ink`] by its index in `page` (a caller that seeks
/// gutters through many groupings of one page's lines reads each line's text once).
pub(super) fn gutter_with(page: &[&TextLine], ink: impl Fn(usize) -> Ink) -> Option<f32> {
    let g = widest_gap_of(page)?;
    // One side's lines with their ink; the right side's text is not read when the left
    // side already rules the gutter out.
    let on = |at: Side| -> Vec<(&TextLine, Ink)> {
        page.iter()
            .enumerate()
            .filter(|(_, l)| side(l, g) == at)
            .map(|(k, l)| (*l, ink(k)))
            .collect()
    };
    let left = on(Side::Left);
    if !fills_its_column(&left) {
        return None;
    }
    let right = on(Side::Right);
    (fills_its_column(&right) && !mostly_figures(&left) && !mostly_figures(&right)).then_some(g)
}

/// A gutter through the page's running text when rows of cells (a table set across both
/// columns: three or more separate lines on one baseline) are left out, and the
/// baselines of those rows that have cells on both sides of it. Only sought when the
/// page as a whole shows no gutter: the table's figures then outweigh the prose.
pub(super) fn gutter_beside_grid(page: &[TextLine]) -> Option<(f32, Vec<f32>)> {
    let base = |l: &TextLine| l.geometry.map_or(0.0, |g| g.baseline);
    let mut rows: Vec<Vec<&TextLine>> = Vec::new();
    for l in top_to_bottom(page) {
        match rows.last_mut() {
            Some(row)
                if base(l) - base(row[row.len() - 1])
                    <= 0.3 * row[0].geometry.map_or(0.0, |g| g.font_size) =>
            {
                row.push(l)
            }
            _ => rows.push(vec![l]),
        }
    }
    let width = text_width(page.iter())?;
    // Cells are narrow: a line of a column of prose (with a raised number drawn apart
    // beside it) is not a row of cells.
    let narrow = |l: &&TextLine| {
        l.geometry
            .is_some_and(|g| g.bbox.x1 - g.bbox.x0 < 0.3 * width)
    };
    let (grid, prose): (Vec<Vec<&TextLine>>, Vec<Vec<&TextLine>>) = rows
        .into_iter()
        .partition(|r| r.len() >= 3 && r.iter().all(narrow));
    if grid.is_empty() {
        return None;
    }
    let prose: Vec<TextLine> = prose.into_iter().flatten().cloned().collect();
    let g = gutter(&prose)?;
    let across: Vec<f32> = grid
        .iter()
        .filter(|r| {
            r.iter().any(|l| side(l, g) != Side::Right)
                && r.iter().any(|l| side(l, g) != Side::Left)
        })
        .map(|r| base(r[0]))
        .collect();
    Some((g, across))
}

/// The width the lines span, from the leftmost edge to the rightmost; `None` when it is
/// not a positive, finite size.
fn text_width<'a>(lines: impl Iterator<Item = &'a TextLine>) -> Option<f32> {
    let (x0, x1) = lines
        .filter_map(|l| l.geometry.map(|g| (g.bbox.x0, g.bbox.x1)))
        .fold((f32::INFINITY, f32::NEG_INFINITY), |(a, b), (x0, x1)| {
            (a.min(x0), b.max(x1))
        });
    let width = x1 - x0;
    (width.is_finite() && width > 0.0).then_some(width)
}

/// Share of a column's width that the text on one baseline covers, below which the
/// baseline holds cells rather than a line of running text: a table's columns of figures
/// and labels leave most of each row empty, while a line of prose covers nearly its whole
/// column, even when its words were drawn as separate lines.
const MIN_FILL: f32 = 0.5;

/// Whether lines on one side of a gutter read as a column of text: at least half of their
/// characters lie on baselines whose text covers [`MIN_FILL`] of the side's width (the
/// fragments of a formula or a chart beside the prose do not outweigh it). A side that
/// holds two columns of its own (the middle and right columns of a three-column page,
/// whose baselines drift apart under headings of other sizes) reads as columns when a gap
/// splits it into two sides that each do.
fn fills_its_column(lines: &[(&TextLine, Ink)]) -> bool {
    fills_its_column_within(lines, 2)
}

/// [`fills_its_column`], looking for columns inside the side `depth` times more.
fn fills_its_column_within(lines: &[(&TextLine, Ink)], depth: usize) -> bool {
    if rows_fill(lines) {
        return true;
    }
    if depth == 0 {
        return false;
    }
    let refs: Vec<&TextLine> = lines.iter().map(|(l, _)| *l).collect();
    let Some(g) = widest_gap_of(&refs) else {
        return false;
    };
    let part = |want: Side| -> Vec<(&TextLine, Ink)> {
        lines
            .iter()
            .copied()
            .filter(|(l, _)| side(l, g) == want)
            .collect()
    };
    let (left, right) = (part(Side::Left), part(Side::Right));
    // Lines across the gap would be read with neither column.
    left.len() + right.len() == lines.len()
        && fills_its_column_within(&left, depth - 1)
        && fills_its_column_within(&right, depth - 1)
}

/// The row test of [`fills_its_column`] on the side as a whole.
fn rows_fill(lines: &[(&TextLine, Ink)]) -> bool {
    let mut rows: Vec<(f32, f32, f32, usize)> = lines
        .iter()
        .filter_map(|(l, ink)| {
            let g = l.geometry?;
            Some((g.baseline, g.bbox.x1 - g.bbox.x0, g.font_size, ink.chars))
        })
        .collect();
    let Some(width) = text_width(lines.iter().map(|(l, _)| *l)) else {
        return false;
    };
    if rows.is_empty() {
        return false;
    }
    rows.sort_by(|a, b| a.0.total_cmp(&b.0));
    let (mut filled, mut all) = (0usize, 0usize);
    let (mut row_base, mut covered, mut chars) = (rows[0].0, 0.0, 0usize);
    let mut close = |covered: f32, chars: usize| {
        all += chars;
        if covered >= MIN_FILL * width {
            filled += chars;
        }
    };
    for &(base, w, size, n) in &rows {
        if base - row_base > 0.3 * size {
            close(covered, chars);
            (row_base, covered, chars) = (base, 0.0, 0);
        }
        covered += w.max(0.0);
        chars += n;
    }
    close(covered, chars);
    filled * 2 >= all
}

/// The x of the clearest vertical gap through the page's lines: at least [`MIN_SIDE`]
/// lines on each side and few crossing it.
pub(super) fn widest_gap(page: &[TextLine]) -> Option<f32> {
    widest_gap_of(&page.iter().collect::<Vec<_>>())
}

/// [`widest_gap`] of lines held by reference.
fn widest_gap_of(page: &[&TextLine]) -> Option<f32> {
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
    // The edges sorted, so that each candidate counts the lines on either side by two
    // binary searches instead of a scan of them all (a page of a few hundred lines has a
    // hundred candidates). A NaN edge lies on no side, as in a comparison.
    let sorted = |edge: fn(&Rect) -> f32| {
        let mut v: Vec<f32> = boxes.iter().map(edge).filter(|v| !v.is_nan()).collect();
        v.sort_unstable_by(f32::total_cmp);
        v
    };
    let (rights, lefts) = (sorted(|b| b.x1), sorted(|b| b.x0));
    let mut best: Option<(i64, f32)> = None;
    for k in 0..=steps {
        let x = left + 0.3 * width + k as f32 * GUTTER_STEP;
        let l = rights.partition_point(|&x1| x1 <= x - 2.0);
        let r = lefts.len() - lefts.partition_point(|&x0| x0 < x + 2.0);
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
    best.map(|(_, x)| x)
}

/// Whether most lines on one side of a gutter are figures ("3.71T", "1,136", "$"): the
/// columns of a table right of its labels, not a column of text to be read on its own.
fn mostly_figures(side: &[(&TextLine, Ink)]) -> bool {
    let figures = side.iter().filter(|(_, ink)| ink.figure).count();
    figures * 2 > side.len()
}

/// Where a line lies with respect to a gutter at x: wholly left of it, wholly right of
/// it, or across it.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Side {
    Left,
    Right,
    Across,
}

pub(super) fn side(l: &TextLine, g: f32) -> Side {
    match l.geometry {
        Some(geo) if geo.bbox.x1 <= g => Side::Left,
        Some(geo) if geo.bbox.x0 >= g => Side::Right,
        _ => Side::Across,
    }
}

/// The page's lines by baseline, and left to right among lines on one baseline (the words
/// of a justified line drawn as separate lines; a raised note number must not put its
/// word above the rest of the line).
pub(super) fn top_to_bottom(page: &[TextLine]) -> Vec<&TextLine> {
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

/// Distance (in ems) within which two baselines are one: the cells of a table's row are
/// set on one baseline, while lines of text beside it meet the rows' baselines only by
/// chance, rarely this close.
const SAME_BASELINE: f32 = 0.12;

/// Whether a line shares its baseline with one of `others` (other than itself).
fn on_a_shared_baseline(l: &TextLine, others: &[&TextLine]) -> bool {
    let Some(g) = l.geometry else { return false };
    others.iter().any(|o| {
        !std::ptr::eq(*o, l)
            && o.geometry.is_some_and(|h| {
                (h.baseline - g.baseline).abs() <= SAME_BASELINE * g.font_size.max(h.font_size)
            })
    })
}

/// Whether the lines either side of the gutter `g` are labels and their values: most
/// lines on the left share their baseline with a line on the right, and most of those end
/// on a colon ("Fälligkeit:" beside "19. Oktober 2028"). A press release's terms, a data
/// sheet, a CV are set so; two columns of prose meet baselines too, but their lines
/// rarely end on a colon. Read as columns, the labels would come all before their
/// values.
pub(super) fn labels_beside_values(part: &[TextLine], g: f32) -> bool {
    let ends_on_colon = |l: &&TextLine| {
        crate::rich::plain_without_scripts_cow(&l.text)
            .trim_end()
            .ends_with(':')
    };
    let left: Vec<&TextLine> = part.iter().filter(|l| side(l, g) == Side::Left).collect();
    // Prose has few lines ending on a colon: most pages are settled here, before any
    // baseline is compared (two labels at least among the three pairs needed).
    let label_lines: Vec<&TextLine> = left.iter().copied().filter(ends_on_colon).collect();
    if label_lines.len() < 2 {
        return false;
    }
    let right: Vec<&TextLine> = part.iter().filter(|l| side(l, g) == Side::Right).collect();
    let paired = sharing_a_baseline(&left, &right);
    let labels = sharing_a_baseline(&label_lines, &right);
    paired >= MIN_SIDE - 1 && paired * 3 >= left.len() * 2 && labels * 3 >= paired * 2
}

/// Whether lines are a table's rows: most of them (two thirds) share their baseline with
/// another of them.
pub(super) fn rows_of_cells(lines: &[&TextLine]) -> bool {
    sharing_a_baseline(lines, lines) * 3 >= lines.len() * 2
}

/// How many of `these` share their baseline with one of `others` (see
/// [`on_a_shared_baseline`]). The others are taken by baseline, so that each line is
/// tried only against those within the widest reach of its own, not against them all
/// (every channel tried through a band asks this of each of its lines). Baselines and
/// sizes of a printable page keep the rounding of that window far below its margin; other
/// values are tried line against line.
pub(super) fn sharing_a_baseline(these: &[&TextLine], others: &[&TextLine]) -> usize {
    let printable = |l: &&TextLine| {
        l.geometry
            .is_none_or(|g| g.baseline.abs() < 1e6 && (0.0..1e4).contains(&g.font_size))
    };
    if others.len() < 16 || !these.iter().all(printable) || !others.iter().all(printable) {
        return these
            .iter()
            .filter(|l| on_a_shared_baseline(l, others))
            .count();
    }
    let mut by_baseline: Vec<(f32, f32, &TextLine)> = others
        .iter()
        .filter_map(|o| o.geometry.map(|h| (h.baseline, h.font_size, *o)))
        .collect();
    by_baseline.sort_by(|a, b| a.0.total_cmp(&b.0));
    let largest = by_baseline.iter().map(|o| o.1).fold(0.0, f32::max);
    these
        .iter()
        .filter(|l| {
            let Some(g) = l.geometry else { return false };
            // Beyond any line's reach, with room to spare.
            let reach = 2.0 * SAME_BASELINE * g.font_size.max(largest) + 1.0;
            let from = by_baseline.partition_point(|o| o.0 < g.baseline - reach);
            by_baseline[from..]
                .iter()
                .take_while(|o| o.0 <= g.baseline + reach)
                .any(|&(b, size, o)| {
                    !std::ptr::eq(o, **l)
                        && (b - g.baseline).abs() <= SAME_BASELINE * g.font_size.max(size)
                })
        })
        .count()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Lines found on shared baselines by their baselines are those found line against
    /// line: near misses at the reach of mixed sizes, and a line never matching itself.
    #[test]
    fn shared_baselines_by_baseline_are_those_line_against_line() {
        let mut lines = Vec::new();
        for i in 0..40 {
            let size = [6.0, 9.0, 14.0, 30.0][i % 4];
            let y = 100.0 + 3.7 * i as f32 + if i % 3 == 0 { 0.5 } else { 0.0 };
            lines.push(crate::layout::drawn_late::tests::at(
                "cell", 60.0, 90.0, y, size,
            ));
        }
        let all: Vec<&TextLine> = lines.iter().collect();
        for split in [16, 20, 33] {
            let (these, others) = all.split_at(split.min(all.len() - 16));
            for (a, b) in [(these, others), (others, these), (&all[..], &all[..])] {
                let brute = a.iter().filter(|l| on_a_shared_baseline(l, b)).count();
                assert_eq!(sharing_a_baseline(a, b), brute);
            }
        }
        assert!(sharing_a_baseline(&all, &all) > 0);
    }
}
