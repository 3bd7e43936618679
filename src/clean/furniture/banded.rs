//! Furniture when the pages are known: lines in the top or bottom bands that repeat across
//! pages once digits are ignored, except where copies of one form repeat everything, or a
//! repeated line is the first or last line of a paragraph.

use foldhash::{HashMap, HashMapExt, HashSet, HashSetExt};

use crate::line_kinds::is_contact_line;
use crate::lines::TextLine;
use crate::report::ActionKind;

use super::counters::varies_like_furniture;
use super::page_numbers::{
    bare_number, counter_number, followed_by_note_text, in_number_column, is_page_number,
};
use super::{BAND, furniture_shaped, reads_on, shape};

/// Pages are known: furniture sits in the top or bottom bands and repeats across pages.
pub(super) fn mark_banded(
    lines: &[TextLine],
    zone_end: usize,
    verdict: &mut [Option<(ActionKind, &'static str)>],
) {
    let mut bands: Vec<usize> = Vec::new();
    let mut by_page: HashMap<usize, Vec<usize>> = HashMap::new();
    for (i, l) in lines.iter().enumerate() {
        if !l.is_blank() {
            by_page.entry(l.page).or_default().push(i);
        }
    }
    let pages = by_page.len();
    for idx in by_page.values() {
        let n = idx.len();
        // The top and bottom of the page's text: a letterhead under a wide top margin is
        // at the top edge of the text, if not of the paper. (A footer is at the foot of
        // the paper: the last lines of a short page are not.)
        let (top, bottom) = idx
            .iter()
            .filter_map(|&i| lines[i].geometry)
            .fold((f32::INFINITY, f32::NEG_INFINITY), |(t, b), g| {
                (t.min(g.bbox.y0), b.max(g.bbox.y1))
            });
        let quarter = 0.25 * (bottom - top);
        let rows = EdgeRows::of(lines, idx);
        for (k, &i) in idx.iter().enumerate() {
            // The first and last lines in reading order, and (PDF) every line in the top or
            // bottom tenth of the page: a header split into a left and a right part is
            // read with the columns, away from the page's first lines.
            let in_margin = lines[i].geometry.is_some_and(|g| {
                g.page_height > 0.0
                    && (g.bbox.y1 < 0.11 * g.page_height || g.bbox.y0 > 0.89 * g.page_height)
            });
            // A PDF line read first or last is in a band only if it also sits in an
            // outer quarter of the paper (top,
            // bottom, or a side for a stamp set up the margin) or in the top quarter of the
            // page's text: a label drawn mid-page
            // (rotated text, a box read after the body) is where a header or footer
            // never is.
            let outer = lines[i].geometry.is_none_or(|g| {
                let (w, h) = (g.page_width, g.page_height);
                h <= 0.0
                    || w <= 0.0
                    || g.bbox.y1 < 0.25 * h
                    || g.bbox.y0 > 0.75 * h
                    || g.bbox.x1 < 0.25 * w
                    || g.bbox.x0 > 0.75 * w
                    || g.bbox.y1 < top + quarter
            });
            if ((k < BAND || k + BAND >= n) && outer) || in_margin || rows.holds(&lines[i]) {
                bands.push(i);
            }
        }
    }
    bands.sort_unstable();

    // Repetition of band lines across pages, with each copy's text: copies that differ
    // in more than a counter do not repeat (see `counters`).
    let mut pages_of_shape: HashMap<String, HashSet<usize>> = HashMap::new();
    let mut copies_of_shape: HashMap<String, Vec<String>> = HashMap::new();
    // The smallest and largest size each shape is set in, and whether its largest copy
    // could be a heading.
    let mut sizes_of_shape: HashMap<String, (f32, f32, bool)> = HashMap::new();
    for &i in &bands {
        let t = lines[i].plain();
        if furniture_shaped(&t) {
            let key = repeat_key(&t);
            if let Some(g) = lines[i].geometry {
                // Whether the largest copy could be a heading: in the upper half of its
                // page, and not the first page's letterhead (which the later pages' footer
                // repeats in small type).
                let heading =
                    !(i < zone_end && lines[i].page == 1) && g.bbox.y0 < 0.5 * g.page_height;
                let s = sizes_of_shape.entry(key.clone()).or_insert((
                    g.font_size,
                    g.font_size,
                    heading,
                ));
                s.0 = s.0.min(g.font_size);
                if g.font_size > s.1 {
                    (s.1, s.2) = (g.font_size, heading);
                }
            }
            pages_of_shape
                .entry(key.clone())
                .or_default()
                .insert(lines[i].page);
            copies_of_shape.entry(key).or_default().push(t);
        }
    }
    pages_of_shape.retain(|key, _| {
        copies_of_shape
            .get(key)
            .is_none_or(|copies| varies_like_furniture(copies))
    });
    let min_pages = if pages >= 4 { 2.max(pages / 3) } else { 2 };
    // Extracted text (no geometry to show a margin) of a bundle of forms: pages that
    // repeat much of each other's text are copies of one form, and the lines they repeat
    // at their edges (the letterhead each copy opens with) are the form's own text.
    let copies = if lines.iter().all(|l| l.geometry.is_none()) {
        copied_pages(lines, &by_page, (1, 4))
    } else {
        // On PDF pages the margins show where furniture is, but an invoice printed with
        // its copy repeats its number and dates at the same place: pages that share
        // nine tenths of their text are still copies of one form (the pages of one
        // estimate share its letterhead and row labels, not their values).
        copied_pages(lines, &by_page, (9, 10))
    };
    // For each shape: on how many pages it repeats, and whether all of them are copies.
    let repeats: HashMap<String, (usize, bool)> = pages_of_shape
        .into_iter()
        .map(|(key, on)| {
            let all_copies = on.iter().all(|pg| copies.contains(pg));
            (key, (on.len(), all_copies))
        })
        .collect();
    // Two copies of a running head are set alike, no larger than the running text; a
    // contents entry at one page's top and the heading it names, set large, at another's
    // ("1 Foo") are not. Sizes read by OCR vary by a fifth: only a wider gap counts. (The
    // running text's size is found only when sizes differ.)
    let body = std::cell::OnceCell::new();
    let alike = |key: &str| {
        sizes_of_shape
            .get(key)
            .is_none_or(|&(small, large, heading)| {
                !heading
                    || large <= 1.3 * small
                    || body
                        .get_or_init(|| crate::layout::body_font_size(lines))
                        .is_none_or(|b| large <= 1.2 * b)
            })
    };
    let repeats_enough = |t: &str, least: usize| {
        let key = repeat_key(t);
        repeats
            .get(&key)
            .is_some_and(|&(on, all_copies)| on >= least && !all_copies && (on >= 3 || alike(&key)))
    };
    // Bare numbers that may count pages: up to six figures, not a note's label before
    // its text, not one of a column of numbers. They are page numbers when their offset
    // from the page index is consistent over pages (one page's column of equal numbers
    // is no sequence).
    let counters: HashSet<usize> = bands
        .iter()
        .copied()
        .filter(|&i| {
            counter_number(&lines[i].plain_cow())
                && !followed_by_note_text(lines, i)
                && !in_number_column(lines, &by_page[&lines[i].page], i)
        })
        .collect();
    let page_offset = super::page_numbers::sequence_offset(
        lines,
        bands.iter().copied().filter(|i| counters.contains(i)),
        if pages == 1 { 1 } else { 2 },
    );

    // The top of the first page's text (see `set_like`).
    let first_page_top = lines
        .iter()
        .take_while(|l| l.page <= 1)
        .filter(|l| !l.is_blank())
        .filter_map(|l| l.geometry)
        .fold(f32::INFINITY, |t, g| t.min(g.bbox.y0));
    // A number alone at a page edge that may count pages, whose offset from the page
    // index is the one the pages' numbers share.
    let in_sequence = |i: usize, t: &str| {
        counters.contains(&i)
            && page_offset.is_some_and(|off| {
                t.parse::<i64>()
                    .is_ok_and(|v| v - lines[i].page as i64 == off)
            })
    };
    for &i in &bands {
        if i < zone_end && lines[i].page == 1 {
            // The first page's top band is usually the letterhead; it is furniture only if
            // it repeats on other pages exactly (a letterhead in capitals that a footer
            // repeats in small letters is still the letterhead), or is the first of the
            // page numbers the later pages go on counting (a journal's "47698" over its
            // masthead, then "47699", "47700").
            let t = lines[i].plain_cow();
            let numbered = pages >= 2 && in_sequence(i, &t);
            let copied = || {
                repeats_enough(&t, min_pages)
                    && lines.iter().any(|l| {
                        l.page > 1
                            && l.plain_cow().trim() == t.trim()
                            && set_like(&lines[i], l, first_page_top)
                    })
            };
            if !numbered && !copied() {
                continue;
            }
        }
        let t = lines[i].plain_cow();
        if is_page_number(&t) {
            verdict[i] = Some((ActionKind::PageNumber, "page-number line at a page edge"));
        } else if in_sequence(i, &t) {
            verdict[i] = Some((
                ActionKind::PageNumber,
                "number at a page edge that follows the page sequence",
            ));
        } else if bare_number(&t) {
            // Out of the sequence, a short number alone repeats only in shape (a column's
            // figure, a note's label): never a running header.
        } else if furniture_shaped(&t) && repeats_enough(&t, min_pages) {
            verdict[i] = Some((
                ActionKind::RunningHeader,
                "repeats at the edge of several pages",
            ));
        } else if is_contact_line(&t) && repeats_enough(&t, 2) {
            verdict[i] = Some((
                ActionKind::ContactLine,
                "contact line repeated on several pages",
            ));
        }
    }
    let marked: Vec<usize> = bands
        .iter()
        .copied()
        .filter(|&i| matches!(verdict[i], Some((ActionKind::RunningHeader, _))))
        .collect();
    keep_row_cells(lines, &by_page, verdict);
    super::edge_order::keep_inner_repeats(lines, &by_page, verdict);
    extend_blocks(lines, &by_page, min_pages, verdict);
    keep_paragraph_edges(lines, &by_page, verdict);
    super::edge_order::let_go_lone_copies(lines, &bands, &marked, verdict, repeat_key);
}

/// A repeated line that shares its row with the page's text is a table's cell, not a
/// header: a column head printed again on every page of a long table ("Country" beside
/// "Capital", "Population" on the first page, where they are the table's own head), or a
/// value that repeats another page's only in shape ("94874" beside "Eswatini", "Mbabane",
/// "8.0%"). A figure goes back to the text beside one line that is not furniture, and so do
/// words in a row of four pieces or more (a table's head read partly into the band);
/// otherwise words need two: a running head split in two with a part that names each
/// page's section ("Annual Report 2023" … "Financial Review") stays furniture.
fn keep_row_cells(
    lines: &[TextLine],
    by_page: &HashMap<usize, Vec<usize>>,
    verdict: &mut [Option<(ActionKind, &'static str)>],
) {
    let header = |v: &Option<(ActionKind, &str)>| matches!(v, Some((ActionKind::RunningHeader, _)));
    let mut cells = Vec::new();
    for idx in by_page.values() {
        if !idx.iter().any(|&i| header(&verdict[i])) {
            continue;
        }
        // The page's placed lines by baseline, and how many of the first k are not
        // furniture: a row's lines are a window of them, found by two binary searches.
        let mut placed: Vec<(f32, usize)> = idx
            .iter()
            .filter(|&&j| !lines[j].is_blank())
            .filter_map(|&j| lines[j].geometry.map(|g| (g.baseline, j)))
            .collect();
        placed.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)));
        let mut text_before = vec![0usize; placed.len() + 1];
        for (k, &(_, j)) in placed.iter().enumerate() {
            text_before[k + 1] = text_before[k] + usize::from(verdict[j].is_none());
        }
        for &i in idx {
            let Some(g) = lines[i].geometry.filter(|_| header(&verdict[i])) else {
                continue;
            };
            let lo = placed.partition_point(|&(b, _)| b <= g.baseline - 1.0);
            let hi = placed.partition_point(|&(b, _)| b < g.baseline + 1.0);
            // The line itself is in the window, as furniture.
            let row = (hi - lo).saturating_sub(1);
            let beside = text_before[hi] - text_before[lo];
            let t = lines[i].plain_cow();
            let figure = t.chars().any(|c| c.is_ascii_digit())
                && t.chars().all(|c| c.is_ascii_digit() || c.is_whitespace());
            if beside >= 2 || (beside >= 1 && (figure || row >= 3)) {
                cells.push(i);
            }
        }
    }
    for i in cells {
        verdict[i] = None;
    }
}

/// Whether `copy` (on a later page) is set like `first` (a line of the first page's title
/// block): at about the same height on the page, or in the same type with nothing of the
/// first page above it. A running head's copies are; the author line under a title that
/// the later pages repeat as their running head (a Springer paper's "Oliver Kopp and Anita
/// Armbruster") stands lower, under the title, and is the title block's, not furniture.
/// Without geometry (extracted text) there is nothing to tell them apart, and the copy
/// counts. `page_top` is the top of the first page's text.
fn set_like(first: &TextLine, copy: &TextLine, page_top: f32) -> bool {
    let (Some(a), Some(b)) = (first.geometry, copy.geometry) else {
        return true;
    };
    let near = 0.04 * a.page_height.max(b.page_height);
    let same_height =
        (a.bbox.y0 - b.bbox.y0).abs() <= near || (a.bbox.y1 - b.bbox.y1).abs() <= near;
    let size = a.font_size.max(b.font_size).max(1.0);
    let same_type = a.face == b.face && (a.font_size - b.font_size).abs() <= 0.08 * size;
    same_height || (same_type && a.bbox.y0 <= page_top + 1.0)
}

/// A letterhead or footer of more lines than the band holds: a line set in one block
/// with a running header (the same size, right under or over it, not reading on from it)
/// that repeats so on other pages is part of that furniture, however far from the edge:
/// the whole repeated block goes ("Phone: (425) 000-0000" under a letterhead's name,
/// motto and address), not the three lines the band reaches. It must repeat word for
/// word, as a letterhead does (a column of years repeats only in shape).
fn extend_blocks(
    lines: &[TextLine],
    by_page: &HashMap<usize, Vec<usize>>,
    min_pages: usize,
    verdict: &mut [Option<(ActionKind, &'static str)>],
) {
    let header = |v: &Option<(ActionKind, &str)>| matches!(v, Some((ActionKind::RunningHeader, _)));
    loop {
        let mut attached: Vec<(usize, String)> = Vec::new();
        let mut pages_of: HashMap<String, HashSet<usize>> = HashMap::new();
        for idx in by_page.values() {
            let headers = edge_block(lines, idx, |j| header(&verdict[j]));
            if headers.is_empty() {
                continue;
            }
            for &i in idx {
                let Some(g) = lines[i].geometry.filter(|_| verdict[i].is_none()) else {
                    continue;
                };
                let t = lines[i].plain_cow();
                if !furniture_shaped(&t) {
                    continue;
                }
                let in_block = headers.iter().any(|&j| {
                    lines[j].geometry.is_some_and(|h| {
                        let above = lines[j].plain_cow();
                        let (upper, lower) = if h.bbox.y0 < g.bbox.y0 {
                            (&*above, &*t)
                        } else {
                            (&*t, &*above)
                        };
                        same_block(&g, &h) && !reads_on(upper, lower)
                    })
                });
                if !in_block {
                    continue;
                }
                // The same words exactly: a letterhead repeats as printed, where a
                // column of figures only repeats in shape.
                let key = spaced_words(&t).to_lowercase();
                if key.chars().filter(|c| c.is_alphabetic()).count() >= 3 {
                    pages_of
                        .entry(key.clone())
                        .or_default()
                        .insert(lines[i].page);
                    attached.push((i, key));
                }
            }
        }
        let mut changed = false;
        for (i, key) in attached {
            if pages_of[&key].len() >= min_pages {
                verdict[i] = Some((
                    ActionKind::RunningHeader,
                    "repeats in one block with a running header",
                ));
                changed = true;
            }
        }
        if !changed {
            break;
        }
    }
}

/// The running headers of a page (`idx`) that make its top or bottom block: the page's
/// top-most or bottom-most line, and those set one over the other from there, a line's
/// spacing apart. A repeated line further in (a schedule's item printed on two pages) is
/// no letterhead, and the lines around it are not furniture for being beside it.
fn edge_block(lines: &[TextLine], idx: &[usize], header: impl Fn(usize) -> bool) -> Vec<usize> {
    let placed: Vec<(usize, crate::lines::LineGeometry)> = idx
        .iter()
        .filter_map(|&i| lines[i].geometry.map(|g| (i, g)))
        .collect();
    let top = placed
        .iter()
        .min_by(|a, b| a.1.bbox.y0.total_cmp(&b.1.bbox.y0));
    let bottom = placed
        .iter()
        .max_by(|a, b| a.1.bbox.y1.total_cmp(&b.1.bbox.y1));
    let mut block: Vec<(usize, crate::lines::LineGeometry)> = Vec::new();
    for &(i, g) in [top, bottom].into_iter().flatten() {
        if header(i) && !block.iter().any(|(j, _)| *j == i) {
            block.push((i, g));
        }
    }
    let mut k = 0;
    while k < block.len() {
        let a = block[k].1;
        for &(j, g) in &placed {
            if header(j) && !block.iter().any(|(b, _)| *b == j) && stacked(&a, &g) {
                block.push((j, g));
            }
        }
        k += 1;
    }
    block.into_iter().map(|(i, _)| i).collect()
}

/// Whether two PDF lines are set one over the other, overlapping across, with less than
/// a line's worth of space between them, whatever their sizes (a letterhead's name over
/// its address).
fn stacked(a: &crate::lines::LineGeometry, b: &crate::lines::LineGeometry) -> bool {
    let gap = (b.bbox.y0 - a.bbox.y1).max(a.bbox.y0 - b.bbox.y1);
    gap >= 0.0
        && gap < 0.6 * a.font_size.min(b.font_size).max(1.0)
        && a.bbox.x0 < b.bbox.x1
        && b.bbox.x0 < a.bbox.x1
}

/// The baselines of a page's top-most and bottom-most rows of text, where the row is split
/// into two pieces or more. A running header split into a left and a right part
/// ("§ 1308.12" … "21 CFR Ch. II") is often read with the columns, its right part after
/// the left column's text: the row it shares with the page's first or last line, not the
/// reading order, puts it in the band, however wide the margin above it. (A line alone on
/// the page's last row — a slide's last bullet, a label — is in the band only by reading
/// order.)
struct EdgeRows {
    rows: Vec<f32>,
}

impl EdgeRows {
    fn of(lines: &[TextLine], page: &[usize]) -> Self {
        let placed = || page.iter().filter_map(|&i| lines[i].geometry);
        let top = placed()
            .min_by(|a, b| a.bbox.y0.total_cmp(&b.bbox.y0))
            .map(|g| g.baseline);
        let bottom = placed()
            .max_by(|a, b| a.bbox.y1.total_cmp(&b.bbox.y1))
            .map(|g| g.baseline);
        let split = |b: &f32| placed().filter(|g| (g.baseline - b).abs() < 1.0).count() >= 2;
        EdgeRows {
            rows: [top, bottom].into_iter().flatten().filter(split).collect(),
        }
    }

    /// Whether the line stands on the top-most or bottom-most row, split into pieces.
    fn holds(&self, line: &TextLine) -> bool {
        line.geometry
            .is_some_and(|g| self.rows.iter().any(|b| (g.baseline - b).abs() < 1.0))
    }
}

/// What a band line must share with lines on other pages to repeat: its shape with the
/// digits ignored ("Annual Report 2023 | 14", "§ 1308.01"), but a line of figures alone
/// that reads as a measured value ("11.1%", "2453496") only as the same figures: figures
/// of one shape at the edges of a table's pages are its values, not a header.
fn repeat_key(t: &str) -> String {
    let t = t.trim();
    let digits = t.chars().filter(char::is_ascii_digit).count();
    // A measured value: a point, a comma, a percent or currency sign, or more digits than
    // a page number has. (A bare number of a few digits is told by its sequence, or is
    // another page's register number: "47699".)
    let figures = digits > 0
        && t.chars().all(|c| {
            c.is_ascii_digit()
                || matches!(c, '.' | ',' | '%' | '$' | '€' | '£' | '¥' | '+' | '-' | '−')
        })
        && (digits >= 6 || t.contains(['.', ',', '%', '$', '€', '£', '¥']));
    if figures { format!("={t}") } else { shape(t) }
}

/// A line's words, one space apart: layout text spaces a row by its columns.
fn spaced_words(t: &str) -> String {
    t.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// How many pages before and after a page are searched for a copy of it.
const COPY_WINDOW: usize = 32;

/// Pages much of whose text between the bands (at least four lines, and the `share` of
/// it, a fraction) is printed on some other page too: copies of one form filled in for
/// different cases.
fn copied_pages(
    lines: &[TextLine],
    by_page: &HashMap<usize, Vec<usize>>,
    share: (usize, usize),
) -> HashSet<usize> {
    let texts_of = |idx: &[usize]| -> HashSet<String> {
        let inner = idx
            .get(BAND..idx.len().saturating_sub(BAND))
            .unwrap_or_default();
        inner
            .iter()
            // Layout text spaces a filled-in row by its values: compare the words.
            .map(|&i| spaced_words(&lines[i].plain_cow()))
            .filter(|t| t.chars().count() > 2)
            .collect()
    };
    let mut sets: Vec<(usize, HashSet<String>)> =
        by_page.iter().map(|(p, idx)| (*p, texts_of(idx))).collect();
    sets.sort_unstable_by_key(|(p, _)| *p);
    let mut out = HashSet::new();
    for (k, (p, mine)) in sets.iter().enumerate() {
        // The lines a copy must share: four, and the `share` of the page's own.
        let needed = 4.max((share.0 * mine.len()).div_ceil(share.1));
        if mine.len() < needed {
            continue;
        }
        // The copies of a form follow one another: each page is compared with the pages
        // near it, which keeps a book of thousands of pages linear (every pair of a short
        // document is still compared).
        let near = &sets[k.saturating_sub(COPY_WINDOW)..(k + COPY_WINDOW + 1).min(sets.len())];
        if near
            .iter()
            .any(|(q, other)| q != p && shares_at_least(mine, other, needed))
        {
            out.insert(*p);
        }
    }
    out
}

/// Whether `needed` of `mine`'s texts are in `other`; stops at the first miss too many
/// (most pages of a report share a line or two with their neighbours, not nine tenths).
fn shares_at_least(mine: &HashSet<String>, other: &HashSet<String>, needed: usize) -> bool {
    if other.len() < needed {
        return false;
    }
    let spare = mine.len() - needed;
    let mut missed = 0;
    for t in mine {
        if !other.contains(t) {
            missed += 1;
            if missed > spare {
                return false;
            }
        }
    }
    true
}

/// A repeated line that reads on from a paragraph — the same size, at a paragraph's line
/// spacing, over or under a line that is not furniture, with a sentence running across the
/// two lines — is that paragraph's first or last line (a disclaimer printed on several pages), not a running header: removing it would
/// cut a sentence in two.
fn keep_paragraph_edges(
    lines: &[TextLine],
    by_page: &HashMap<usize, Vec<usize>>,
    verdict: &mut [Option<(ActionKind, &'static str)>],
) {
    let header = |v: &Option<(ActionKind, &str)>| matches!(v, Some((ActionKind::RunningHeader, _)));
    for idx in by_page.values() {
        loop {
            let mut changed = false;
            for &i in idx {
                let Some(g) = lines[i].geometry.filter(|_| header(&verdict[i])) else {
                    continue;
                };
                let glued = idx.iter().any(|&j| {
                    j != i
                        && verdict[j].is_none()
                        && lines[j].geometry.is_some_and(|h| {
                            same_block(&g, &h) && {
                                let (upper, lower) = if h.bbox.y0 < g.bbox.y0 {
                                    (j, i)
                                } else {
                                    (i, j)
                                };
                                reads_on(&lines[upper].plain(), &lines[lower].plain())
                            }
                        })
                });
                if glued {
                    verdict[i] = None;
                    changed = true;
                }
            }
            if !changed {
                break;
            }
        }
    }
}

/// Whether two PDF lines are consecutive lines of one block: the same size, overlapping
/// across, one under the other with less than a line's worth of space between them.
fn same_block(a: &crate::lines::LineGeometry, b: &crate::lines::LineGeometry) -> bool {
    let size = a.font_size.max(1.0);
    let gap = if b.bbox.y0 >= a.bbox.y1 {
        b.bbox.y0 - a.bbox.y1
    } else if a.bbox.y0 >= b.bbox.y1 {
        a.bbox.y0 - b.bbox.y1
    } else {
        return false;
    };
    (a.font_size - b.font_size).abs() <= 0.1 * size
        && a.bbox.x0 < b.bbox.x1
        && b.bbox.x0 < a.bbox.x1
        && gap < 0.6 * size
}

#[cfg(test)]
#[path = "banded_tests.rs"]
mod tests;
