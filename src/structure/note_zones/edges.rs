//! Where a footnote zone begins and ends besides its labels: a numbered line that opens a
//! table row is no note, a heading in extracted text ends a zone, and the lines a zone
//! opens with may carry on the previous zone's last note (small type, or a URL's pieces).

use crate::lines::TextLine;
use crate::structure::classify::{self, NoteLabel, note_label};
use crate::structure::joins;

use super::NoteZones;

/// Distance (points) within which two left edges count as one column start.
const ALIGN: f32 = 3.0;

/// The rows of one page (lines on one baseline, within 0.3 of their type size), built once
/// per page the first time a note label asks whether it opens a table row.
pub(super) struct PageRows {
    /// Per row, the left edges of its pieces, sorted.
    starts: Vec<Vec<f32>>,
    /// Per row, whether three or more of its pieces are bare numbers ("2", "−1", "10")
    /// that grow from left to right, as an axis's values do.
    scales: Vec<bool>,
    /// The page's bare numbers: line index, left edge, baseline, type size, value.
    stacked: Vec<(usize, f32, f32, f32, f64)>,
    /// Line index → row, for the page's lines with geometry.
    row_of: foldhash::HashMap<usize, usize>,
}

/// The value of a line that is only a number, perhaps signed: a chart's tick label, a
/// table cell.
fn bare_number(line: &TextLine) -> Option<f64> {
    crate::lines::bare_number(&line.plain_cow())
}

impl PageRows {
    pub(super) fn new(lines: &[TextLine], page: &[usize]) -> Self {
        let mut placed: Vec<(usize, crate::lines::LineGeometry)> = page
            .iter()
            .filter_map(|&j| lines[j].geometry.map(|g| (j, g)))
            .collect();
        placed.sort_by(|a, b| a.1.baseline.total_cmp(&b.1.baseline));
        let mut starts: Vec<Vec<f32>> = Vec::new();
        let mut numbers: Vec<Vec<(f32, f64)>> = Vec::new();
        let mut row_of = foldhash::HashMap::default();
        let mut stacked = Vec::new();
        let mut row_base = f32::NEG_INFINITY;
        for (j, g) in placed {
            if starts.is_empty() || (g.baseline - row_base).abs() > 0.3 * g.font_size {
                starts.push(Vec::new());
                numbers.push(Vec::new());
                row_base = g.baseline;
            }
            let last = starts.len() - 1;
            starts[last].push(g.bbox.x0);
            if let Some(value) = bare_number(&lines[j]) {
                numbers[last].push((g.bbox.x0, value));
                stacked.push((j, g.bbox.x0, g.baseline, g.font_size, value));
            }
            row_of.insert(j, last);
        }
        for row in &mut starts {
            row.sort_by(f32::total_cmp);
        }
        let scales = numbers
            .into_iter()
            .map(|mut row| {
                row.sort_by(|a, b| a.0.total_cmp(&b.0));
                row.len() >= 3 && row.windows(2).all(|w| w[0].1 < w[1].1)
            })
            .collect();
        PageRows {
            starts,
            scales,
            stacked,
            row_of,
        }
    }

    /// Whether line `i` opens a row of cells rather than a note: a table's row, or a row
    /// of bare numbers.
    pub(super) fn cells_not_notes(&self, lines: &[TextLine], i: usize) -> bool {
        self.table_row(i) || self.number_row(lines, i) || self.counts_down(i)
    }

    /// Whether line `i`, a bare number, stands in a stack of three or more bare numbers at
    /// one left edge, each a few lines over the next and larger than it: the values of a
    /// chart's vertical axis, which grow up the page ("3" over "2" over "1"). Note labels
    /// grow down the page; a column of fractions ("1" over "6", over "1" over "6") does
    /// not keep falling.
    fn counts_down(&self, i: usize) -> bool {
        type Stacked = (usize, f32, f32, f32, f64);
        // The bare number just below `a` (`down`) or just above it, on the axis's side of it.
        let next = |a: &Stacked, down: bool| {
            let (_, x, y, size, value) = *a;
            self.stacked
                .iter()
                .find(|&&(_, x2, y2, _, v2)| {
                    let (gap, falls) = if down {
                        (y2 - y, v2 < value)
                    } else {
                        (y - y2, v2 > value)
                    };
                    (x2 - x).abs() <= ALIGN && gap > 0.0 && gap <= 4.0 * size && falls
                })
                .copied()
        };
        let Some(own) = self.stacked.iter().find(|s| s.0 == i) else {
            return false;
        };
        let run = |down: bool| {
            let first = next(own, down);
            usize::from(first.is_some()) + usize::from(first.and_then(|f| next(&f, down)).is_some())
        };
        1 + run(true) + run(false) >= 3
    }

    /// Whether line `i`, a bare number, is one of a row of three or more bare numbers
    /// drawn apart on one baseline and growing from left to right: the tick labels of a
    /// chart's axis ("−1 0 1 2 3"). A note's label alone on its line has its text beside
    /// it, not more numbers; the pieces of a formula ("1² + 2² = 5") do not keep growing.
    fn number_row(&self, lines: &[TextLine], i: usize) -> bool {
        bare_number(&lines[i]).is_some() && self.row_of.get(&i).is_some_and(|&row| self.scales[row])
    }

    /// Whether line `i` opens a row of a table rather than a note: three or more separate
    /// pieces of text stand on its baseline, and at least three of their left edges, half
    /// of them or more, fall on the left edges of another such row of the page (a header,
    /// the rows before): "1  SCR-1  12/20/24  Holiday Spectacular  $250" under "Ln  Screen
    /// Start  Movie Title  Rate". A note's text runs on from its label as one line; words
    /// drawn one by one do not line up with another line's words.
    fn table_row(&self, i: usize) -> bool {
        let Some(&own) = self.row_of.get(&i) else {
            return false;
        };
        let row = &self.starts[own];
        if row.len() < 3 {
            return false;
        }
        let need = 3.max(row.len().div_ceil(2));
        self.starts.iter().enumerate().any(|(r, other)| {
            r != own
                && other.len() >= 3
                && row
                    .iter()
                    .filter(|x| other.iter().any(|o| (*o - **x).abs() <= ALIGN))
                    .count()
                    >= need
        })
    }
}

/// In extracted text (no geometry to end a zone), a heading below notes: a short
/// title-like line, with no label, quotation, comma or link, before a line that opens
/// no note. `pdftotext -raw` of a two-column page puts the left column's notes before the
/// right column, which often opens with a heading.
pub(super) fn heading_after_notes(line: &TextLine, next: Option<&TextLine>) -> bool {
    let plain = line.plain_cow();
    line.geometry.is_none()
        && crate::words::words(&plain) <= 8
        && !plain.contains(['“', '”', '"', ',', ':'])
        && note_label(&line.text, true).0 == NoteLabel::None
        && classify::looks_like_heading_line(&line.text)
        && next.is_some_and(|n| {
            note_label(&n.text, true).0 == NoteLabel::None
                && crate::words::first_letter(&n.text).is_some_and(char::is_uppercase)
        })
}

/// The first of the lines just above a zone's first note that carry on the previous
/// note: PDF lines set in the notes' smaller type, none with a label, directly above the
/// note (so the body text ends above them) and spaced like the notes (a wide gap between
/// them and the note means they end something else, such as a reference list's last
/// entry). `above` holds the zone's page or column lines before its first note, `note`.
pub(super) fn run_over_lines(
    lines: &[TextLine],
    above: &[usize],
    note: usize,
    body_size: Option<f32>,
) -> Option<usize> {
    let body = body_size?;
    let small = |i: usize| lines[i].geometry.is_some_and(|g| g.font_size < body * 0.96);
    let run = above
        .iter()
        .rev()
        .take_while(|&&i| small(i) && note_label(&lines[i].text, true).0 == NoteLabel::None)
        .count();
    let last = *above.last()?;
    let spaced_like_notes = match (lines[last].geometry, lines[note].geometry) {
        (Some(a), Some(b)) => b.baseline - a.baseline <= 2.0 * a.font_size.max(b.font_size),
        _ => false,
    };
    // The body must be above the run: a page that is all small type is not a foot.
    (run > 0 && run < above.len() && run <= 6 && spaced_like_notes)
        .then(|| above[above.len() - run])
}

/// In extracted text (no type sizes to tell a note's run-over lines), the lines just above
/// a zone's first note that are pieces of a URL ("/news/2024/03/05/quarter-of-asia-europe"
/// / "-affected", at most three) when the last zone before them ends in a URL: the rest of
/// that note's address, run over to the next column or page. `above` holds the page or
/// column lines before the note.
pub(super) fn run_over_url(
    lines: &[TextLine],
    above: &[usize],
    zones: &NoteZones,
) -> Option<usize> {
    let run = above
        .iter()
        .rev()
        .take_while(|&&i| {
            lines[i].geometry.is_none() && joins::is_url_fragment(&lines[i].plain_cow())
        })
        .count();
    // The zone above ends in a URL, perhaps already broken over its last lines.
    let (&last_zoned, _) = zones.zone.iter().next_back()?;
    let ends_in_url = lines[..=last_zoned]
        .iter()
        .rev()
        .filter(|l| !l.is_blank())
        .map(|l| l.plain())
        .find(|t| !joins::is_url_fragment(t))
        .is_some_and(|t| t.split_whitespace().last().is_some_and(classify::has_url));
    (run > 0 && run <= 3 && ends_in_url).then(|| above[above.len() - run])
}
