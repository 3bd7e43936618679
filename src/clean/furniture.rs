//! Page furniture: running headers and footers, page numbers and contact lines.
//!
//! With real page breaks (form feeds, PDF pages) furniture is what sits in the top or
//! bottom band of pages and repeats from page to page once digits are ignored. Without
//! them (text that an extractor flattened), it is a short standalone line that repeats,
//! or a page-number line; each cluster of such lines then marks an inferred page break.

use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

use regex::Regex;

use crate::line_kinds::is_contact_line;
use crate::lines::TextLine;
use crate::report::{Action, ActionKind, Report};

/// How many non-blank lines at the top and bottom of a page count as its bands.
const BAND: usize = 3;

static PAGE_NUMBER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?x)^(?:
            (?:page|p\.|pg\.?)\s*[0-9]{1,4}(?:\s*(?:of|/)\s*[0-9]{1,4})?
          | [-–—]\s*[0-9]{1,4}\s*[-–—]
          | [0-9]{1,4}\s*(?:of|/)\s*[0-9]{1,4}
          | \[\s*[0-9]{1,4}\s*\]
          | [0-9]{1,4}\s*[|·•]\s*\S.*
          | \S.*?\s*[|·•]\s*(?:page\s*)?[0-9]{1,4}(?:\s*(?:of|/)\s*[0-9]{1,4})?
          | \S.*?\s+(?:page|p\.)\s*[0-9]{1,4}(?:\s*(?:of|/)\s*[0-9]{1,4})?
        )$",
    )
    .expect("valid regex")
});
static BARE_NUMBER: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^[0-9]{1,4}$").expect("valid regex"));
/// "Page 2 of 7" inside a line (a footer glued to body text by the extractor).
static INLINE_PAGE_OF: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\s*\bpage\s+[0-9]{1,4}\s+of\s+[0-9]{1,4}\b\s*").expect("valid regex")
});

/// Whether `t` holds "page" (ASCII case ignored), as every match of [`INLINE_PAGE_OF`] does
/// (none of its letters has a case partner outside ASCII). Checked first so that the
/// pattern (~0.5 ms to compile) is built only for documents that print the word.
fn may_hold_page(t: &str) -> bool {
    t.as_bytes()
        .windows(4)
        .any(|w| w.eq_ignore_ascii_case(b"page"))
}

/// Whether a whole line is a page number in one of the usual forms ("Page 3 of 7",
/// "- 3 -", "3 | Institute", "Institute | Page 3"), excluding bare numbers.
pub fn is_page_number(line: &str) -> bool {
    let t = line.trim();
    if t.is_empty() || t.len() > 120 {
        return false;
    }
    let lower = t.to_ascii_lowercase();
    may_be_page_number(&lower) && PAGE_NUMBER.is_match(&lower) && !refers_to_a_page(&lower)
}

/// What every match of [`PAGE_NUMBER`] holds, by its alternatives: an opening "p", dash or
/// `[`; a separator `|·•` anywhere; "page" or "p." anywhere; or an opening digit with "of"
/// or `/` after it. A line that is none of these (a bare number, a heading, a sentence)
/// cannot match, and the pattern (~0.7 ms to compile) is built only for documents whose
/// page furniture has one of these shapes. Takes the lower-cased line.
fn may_be_page_number(lower: &str) -> bool {
    lower.starts_with(['p', '-', '–', '—', '['])
        || lower.contains(['|', '·', '•'])
        || lower.contains("page")
        || lower.contains("p.")
        || (lower.starts_with(|c: char| c.is_ascii_digit())
            && (lower.contains("of") || lower.contains('/')))
}

/// Whether a line ending in "page N" is the tail of a sentence pointing at a page ("on
/// page 46", "see page 3"), not a footer naming its own: a preposition or verb governs
/// the page. Takes the lower-cased line.
fn refers_to_a_page(lower: &str) -> bool {
    let before = match lower.rfind("page").or_else(|| lower.rfind("p.")) {
        Some(at) => &lower[..at],
        None => return false,
    };
    before.split_whitespace().next_back().is_some_and(|w| {
        matches!(
            w,
            "on" | "see" | "at" | "to" | "from" | "in" | "of" | "under" | "and" | "or"
        )
    })
}

/// The shape of a line for repetition tests: digits and whitespace runs collapsed, case
/// folded, so "Page 2 of 7" and "Page 3 of 7" compare equal.
fn shape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut prev_digit = false;
    let mut prev_space = false;
    for c in s.trim().chars() {
        if c.is_ascii_digit() {
            if !prev_digit {
                out.push('#');
            }
            prev_digit = true;
            prev_space = false;
        } else if c.is_whitespace() {
            if !prev_space {
                out.push(' ');
            }
            prev_space = true;
            prev_digit = false;
        } else {
            out.extend(c.to_lowercase());
            prev_digit = false;
            prev_space = false;
        }
    }
    out
}

/// A line short enough, and unlike prose enough, to be a running header or footer.
fn furniture_shaped(text: &str) -> bool {
    let words = text.split_whitespace().count();
    (1..=16).contains(&words) && text.chars().count() <= 140
}

/// Removes furniture lines, recording each, and numbers pages from inferred breaks when the
/// input had none.
pub fn remove(lines: &mut Vec<TextLine>, report: &mut Report) {
    let paged = lines.iter().any(|l| l.page > 1);
    let zone_end = crate::line_kinds::title_zone_end(lines);
    let mut verdict: Vec<Option<(ActionKind, &'static str)>> = vec![None; lines.len()];

    if paged {
        mark_banded(lines, zone_end, &mut verdict);
    } else {
        mark_flat(lines, zone_end, &mut verdict);
        mark_beside_page_numbers(lines, zone_end, &mut verdict);
    }
    mark_edge_stamps(lines, &mut verdict);
    super::page_heads::mark_numbered_heads(lines, &mut verdict);
    keep_lines_that_read_on(lines, &mut verdict);
    // Contact lines in the title block leave the body too, but the metadata stage still
    // needs to see where the title block ends, so only repeated or page-band ones are
    // removed here; the rest are handled with the title block.

    // Footers glued into a line: strip "Page n of N" when that form is furniture here.
    let page_of_is_furniture = verdict
        .iter()
        .zip(lines.iter())
        .any(|(v, l)| v.is_some() && may_hold_page(&l.text) && INLINE_PAGE_OF.is_match(&l.text));

    let mut out = Vec::with_capacity(lines.len());
    let mut page = 1;
    let mut in_cluster = false;
    for (line, v) in lines.drain(..).zip(verdict) {
        match v {
            Some((kind, why)) => {
                report.push(
                    Action::new(kind)
                        .page(if paged { line.page } else { page })
                        .lines([line.source_line])
                        .before(line.plain())
                        .evidence(why),
                );
                in_cluster = true;
            }
            None => {
                if !paged && in_cluster && !line.is_blank() {
                    page += 1;
                }
                if !line.is_blank() {
                    in_cluster = false;
                }
                let mut line = line;
                if !paged {
                    line.page = page;
                }
                if page_of_is_furniture && INLINE_PAGE_OF.is_match(&line.text) {
                    let before = line.plain();
                    line.text = INLINE_PAGE_OF
                        .replace_all(&line.text, " ")
                        .trim()
                        .to_string();
                    report.push(
                        Action::new(ActionKind::PageNumber)
                            .page(line.page)
                            .lines([line.source_line])
                            .before(before)
                            .after(line.plain())
                            .evidence("page number inside a line"),
                    );
                }
                out.push(line);
            }
        }
    }
    *lines = out;
}

/// Whether `lower` reads on from `upper` mid-sentence: `upper` is a run of words left open
/// (its last word is a lower-case word, possibly broken by a hyphen, or ends in a comma)
/// and `lower` starts with a
/// lower-case word, not an address ("www.…", "name@…").
fn reads_on(upper: &str, lower: &str) -> bool {
    let (upper, lower) = (upper.trim(), lower.trim());
    // A header ends in a capitalised word or a number; prose breaks after a lower-case
    // word, a comma or a hyphenated word part.
    let last = upper.split_whitespace().last().unwrap_or("");
    let open = (last.starts_with(|c: char| c.is_lowercase())
        && last
            .trim_end_matches('-')
            .ends_with(|c: char| c.is_alphabetic()))
        || (upper.ends_with(',') && last.chars().any(char::is_alphabetic));
    let first = lower.split_whitespace().next().unwrap_or("");
    let word = first.trim_end_matches(['.', ',', ';', ':', '!', '?', ')']);
    open && upper.split_whitespace().count() >= 4
        && !word.is_empty()
        && word.starts_with(|c: char| c.is_lowercase())
        && word
            .chars()
            .all(|c| c.is_alphabetic() || c == '-' || c == '\'')
}

/// Repetition alone cannot tell a running header from a paragraph that a document prints
/// on every page (a disclaimer, a boilerplate opening): text lines the sentence runs into
/// or out of, from or to a line that stays, are part of that paragraph and stay too.
/// Removing them would cut the paragraph mid-sentence. Only text input: PDF lines carry
/// their position on the page, which is better evidence.
fn keep_lines_that_read_on(lines: &[TextLine], verdict: &mut [Option<(ActionKind, &'static str)>]) {
    let removable =
        |v: &Option<(ActionKind, &'static str)>| matches!(v, Some((ActionKind::RunningHeader, _)));
    let joined = |a: usize, b: usize| {
        lines[a].page == lines[b].page
            && lines[a].geometry.is_none()
            && lines[b].geometry.is_none()
            && !lines[a].is_blank()
            && !lines[b].is_blank()
            && reads_on(&lines[a].plain(), &lines[b].plain())
    };
    // Downwards (a kept line runs into the next), upwards (a line runs into a kept one),
    // and down again for runs freed from below: each pass is linear.
    for down in [true, false, true] {
        let order: Vec<usize> = if down {
            (1..lines.len()).collect()
        } else {
            (0..lines.len().saturating_sub(1)).rev().collect()
        };
        for i in order {
            let (upper, lower, kept, candidate) = if down {
                (i - 1, i, i - 1, i)
            } else {
                (i, i + 1, i + 1, i)
            };
            if removable(&verdict[candidate]) && verdict[kept].is_none() && joined(upper, lower) {
                verdict[candidate] = None;
            }
        }
    }
}

/// Pages are known: furniture sits in the top or bottom bands and repeats across pages.
fn mark_banded(
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
        for (k, &i) in idx.iter().enumerate() {
            // The first and last lines in reading order, and (PDF) every line in the top or
            // bottom tenth of the page: a header split into a left and a right part is
            // read with the columns, away from the page's first lines.
            let in_margin = lines[i].geometry.is_some_and(|g| {
                g.page_height > 0.0
                    && (g.bbox.y1 < 0.11 * g.page_height || g.bbox.y0 > 0.89 * g.page_height)
            });
            if k < BAND || k + BAND >= n || in_margin {
                bands.push(i);
            }
        }
    }
    bands.sort_unstable();

    // Repetition of band lines across pages.
    let mut pages_of_shape: HashMap<String, Vec<usize>> = HashMap::new();
    for &i in &bands {
        let t = lines[i].plain();
        if furniture_shaped(&t) {
            let e = pages_of_shape.entry(shape(&t)).or_default();
            if !e.contains(&lines[i].page) {
                e.push(lines[i].page);
            }
        }
    }
    let min_pages = if pages >= 4 { 2.max(pages / 3) } else { 2 };
    // Extracted text (no geometry to show a margin) of a bundle of forms: pages that
    // repeat much of each other's text are copies of one form, and the lines they repeat
    // at their edges (the letterhead each copy opens with) are the form's own text.
    let copies = if lines.iter().all(|l| l.geometry.is_none()) {
        copied_pages(lines, &by_page)
    } else {
        HashSet::new()
    };
    let repeats_enough = |t: &str, least: usize| {
        pages_of_shape
            .get(&shape(t))
            .is_some_and(|p| p.len() >= least && !p.iter().all(|pg| copies.contains(pg)))
    };
    // Bare numbers: page numbers when their offset from the page index is consistent.
    let mut offsets: HashMap<i64, usize> = HashMap::new();
    for &i in &bands {
        let t = lines[i].plain();
        if BARE_NUMBER.is_match(&t)
            && !followed_by_note_text(lines, i)
            && let Ok(v) = t.parse::<i64>()
        {
            *offsets.entry(v - lines[i].page as i64).or_default() += 1;
        }
    }
    let page_offset = offsets
        .iter()
        .filter(|(_, c)| **c >= 2 || pages == 1)
        .max_by_key(|(o, c)| (**c, -(o.abs())))
        .map(|(o, _)| *o);

    for &i in &bands {
        if i < zone_end && lines[i].page == 1 {
            // The first page's top band is usually the letterhead; it is furniture only if
            // it repeats on other pages exactly (a letterhead in capitals that a footer
            // repeats in small letters is still the letterhead).
            let t = lines[i].plain();
            let exact = lines
                .iter()
                .filter(|l| l.page > 1 && l.plain().trim() == t.trim())
                .count();
            if !repeats_enough(&t, min_pages) || exact == 0 {
                continue;
            }
        }
        let t = lines[i].plain();
        if is_page_number(&t) {
            verdict[i] = Some((ActionKind::PageNumber, "page-number line at a page edge"));
        } else if BARE_NUMBER.is_match(&t) {
            if let (Some(off), Ok(v)) = (page_offset, t.parse::<i64>())
                && v - lines[i].page as i64 == off
                && !followed_by_note_text(lines, i)
            {
                verdict[i] = Some((
                    ActionKind::PageNumber,
                    "number at a page edge that follows the page sequence",
                ));
            }
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
    keep_paragraph_edges(lines, &by_page, verdict);
}

/// Pages much of whose text between the bands (at least four lines, and a quarter of it)
/// is printed on some other page too: copies of one form filled in for different cases.
fn copied_pages(lines: &[TextLine], by_page: &HashMap<usize, Vec<usize>>) -> HashSet<usize> {
    let texts_of = |idx: &[usize]| -> HashSet<String> {
        let inner = idx
            .get(BAND..idx.len().saturating_sub(BAND))
            .unwrap_or_default();
        inner
            .iter()
            // Layout text spaces a filled-in row by its values: compare the words.
            .map(|&i| {
                lines[i]
                    .plain()
                    .split_whitespace()
                    .collect::<Vec<_>>()
                    .join(" ")
            })
            .filter(|t| t.chars().count() > 2)
            .collect()
    };
    let sets: Vec<(usize, HashSet<String>)> =
        by_page.iter().map(|(p, idx)| (*p, texts_of(idx))).collect();
    let mut out = HashSet::new();
    for (p, mine) in &sets {
        let shared = sets
            .iter()
            .filter(|(q, _)| q != p)
            .map(|(_, other)| mine.intersection(other).count())
            .max()
            .unwrap_or(0);
        if shared >= 4 && shared * 4 >= mine.len() {
            out.insert(*p);
        }
    }
    out
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

/// Share of the page height, at the top and at the bottom, that counts as its edge for
/// furniture that one page alone proves.
const EDGE: f32 = 0.125;

/// Stamps a repository, a journal or a printer adds at a page's edge: they name the
/// download, the repository or the document's control numbers, never the work's content.
static EDGE_STAMP: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?ix)^(?:
            download\s+date\b.*
          | published\s+by\s+.{0,60}\b(?:scholarsarchive|repository|digital\s+commons|scholarworks|eprints)\b.*
          | (?:rev\.?|revision)\s*:?\s*[0-9][0-9a-z.]*
          | p/n\s*:?\s*[0-9a-z][0-9a-z-]*
          | \[?\s*ch(?:ap(?:ter)?)?\.?\s+[ivxlc0-9]+\.?\s*\]?
        )$",
    )
    .expect("valid regex")
});
/// "Downloaded from <site> on <date>": a download stamp wherever it is printed (often
/// up the page's side).
static DOWNLOAD_STAMP: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^downloaded\s+(?:from|by)\s+(?:https?://)?[\w-]+\.[\w.-]+")
        .expect("valid regex")
});

// The two stamp patterns above are among the costliest to compile (Unicode classes under
// case folding, about 3 ms together), and a line can only match them when it opens with
// one of their words. These exact necessary conditions spare most documents the compiling.
// ASCII comparisons suffice: no character outside ASCII folds to a letter they compare
// (the letters that do, `k` and `s`, are not among them).

/// Whether a line opens with "downloaded", as [`DOWNLOAD_STAMP`] requires.
fn may_be_download_stamp(t: &str) -> bool {
    t.as_bytes()
        .get(..10)
        .is_some_and(|b| b.eq_ignore_ascii_case(b"downloaded"))
}

/// Whether a line opens, after any `[` and spaces, with the first letters of one of
/// [`EDGE_STAMP`]'s alternatives: "download", "pub(lished)", "rev", "p/n" or "ch".
fn may_be_edge_stamp(t: &str) -> bool {
    let b = t
        .trim_start_matches(|c: char| c == '[' || c.is_whitespace())
        .as_bytes();
    [&b"download"[..], b"pub", b"rev", b"p/n", b"ch"]
        .iter()
        .any(|w| b.get(..w.len()).is_some_and(|h| h.eq_ignore_ascii_case(w)))
}

/// A page number alone: arabic or lower/upper-case roman.
static EDGE_NUMBER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:[0-9]{1,4}|[ivxlc]{1,7}|[IVXLC]{1,7})\.?$").expect("valid regex")
});

/// Compiles the patterns nearly every document needs (see [`crate::compile_patterns_in_background`]).
pub(crate) fn compile_patterns() {
    LazyLock::force(&BARE_NUMBER);
    LazyLock::force(&EDGE_NUMBER);
}

/// Whether line `i` stands on its row as a page number does: not beside another number,
/// nor among cells. A number with a numeric neighbour on its baseline is a cell of a table
/// row (the first row under a header repeated at the top of a page), and so is a number
/// with three or more other pieces of text on its baseline (a line-item row numbered
/// 1, 2, 3 near the page foot: "1  SCR-1  12/20/24  Holiday Spectacular  $250"), while a
/// page number shares its row at most with a little text (a running title, a date, a rule
/// drawn as dashes).
fn alone_on_its_row(lines: &[TextLine], i: usize, page: &[usize]) -> bool {
    let Some(g) = lines[i].geometry else {
        return true;
    };
    let numeric = |t: &str| {
        let t = t.trim().trim_end_matches('%').replace([',', '.'], "");
        !t.is_empty() && t.chars().all(|c| c.is_ascii_digit())
    };
    let mut beside: Vec<(f32, f32)> = Vec::new();
    for &j in page {
        let Some(h) = lines[j].geometry else { continue };
        if j == i || lines[j].is_blank() || (h.baseline - g.baseline).abs() >= 1.0 {
            continue;
        }
        if numeric(&lines[j].plain()) {
            return false;
        }
        beside.push((h.bbox.x0, h.bbox.x1));
    }
    // Words drawn one by one are one piece of text: pieces are told apart by a gap wider
    // than the type's size.
    beside.sort_by(|a, b| a.0.total_cmp(&b.0));
    let mut pieces = 0;
    let mut right = f32::NEG_INFINITY;
    for (x0, x1) in beside {
        if x0 > right + g.font_size {
            pieces += 1;
        }
        right = right.max(x1);
    }
    pieces < 3
}

/// Furniture that a single page proves (PDF lines only): a page number alone or a
/// repository or document-control stamp in the top or bottom edge of the page, and a
/// date printed beside such a stamp. No repetition across pages is needed.
fn mark_edge_stamps(lines: &[TextLine], verdict: &mut [Option<(ActionKind, &'static str)>]) {
    let at_edge = |l: &TextLine| {
        l.geometry.is_some_and(|g| {
            g.page_height > 0.0
                && (g.bbox.y1 < EDGE * g.page_height || g.bbox.y0 > (1.0 - EDGE) * g.page_height)
        })
    };
    // Each test below looks only at the line's own page: indexing the pages once keeps
    // the pass linear in the document (a scan of every line per line was quadratic).
    let mut by_page: HashMap<usize, Vec<usize>> = HashMap::new();
    for (i, line) in lines.iter().enumerate() {
        by_page.entry(line.page).or_default().push(i);
    }
    // The document's running-text size: a running head is set no larger than the text,
    // a chapter or section title is. (No size is known only when no line has one, and
    // then neither test below has a line to look at.)
    let usual = crate::layout::body_font_size(lines).unwrap_or(0.0);
    let mut stamps = Vec::new();
    for (i, line) in lines.iter().enumerate() {
        if verdict[i].is_some() || line.geometry.is_none() {
            continue;
        }
        let t = line.plain();
        let t = t.trim();
        if may_be_download_stamp(t)
            && DOWNLOAD_STAMP.is_match(t)
            && t.split_whitespace().count() <= 30
        {
            verdict[i] = Some((ActionKind::RunningHeader, "download stamp"));
            continue;
        }
        if EDGE_NUMBER.is_match(t)
            && let Some(title) = number_ends_edge_row(lines, i, &by_page[&line.page], usual)
        {
            verdict[i] = Some((
                ActionKind::PageNumber,
                "number at the outer end of the page's first or last row, beside its running title",
            ));
            if verdict[title].is_none() {
                verdict[title] = Some((
                    ActionKind::RunningHeader,
                    "running title beside the page number, in a row set apart at the page's edge",
                ));
            }
            continue;
        }
        if !at_edge(line) && !set_apart_at_edge(lines, i, &by_page[&line.page]) {
            continue;
        }
        if EDGE_NUMBER.is_match(t)
            && alone_on_its_row(lines, i, &by_page[&line.page])
            && !numbers_a_title(lines, i, &by_page[&line.page], usual)
        {
            verdict[i] = Some((ActionKind::PageNumber, "number alone at the page's edge"));
        } else if may_be_edge_stamp(t) && EDGE_STAMP.is_match(t) {
            verdict[i] = Some((
                ActionKind::RunningHeader,
                "repository or document-control stamp at the page's edge",
            ));
            stamps.push(i);
        }
    }
    // "Revision: 2.4   P/N 119-036   10 June 2019": the date belongs to the stamp line.
    for i in stamps {
        let (page, Some(g)) = (lines[i].page, lines[i].geometry) else {
            continue;
        };
        for &j in &by_page[&page] {
            let other = &lines[j];
            if verdict[j].is_none()
                && other
                    .geometry
                    .is_some_and(|h| (h.baseline - g.baseline).abs() < 1.0)
                && crate::date::parse_date_line(&other.plain()).is_some()
            {
                verdict[j] = Some((ActionKind::RunningHeader, "date beside an edge stamp"));
            }
        }
    }
}

/// Whether line `i` is the page's top-most or bottom-most line, set apart from the next
/// line by a gap of at least one and a half of its own heights (a page whose text ends
/// well above the paper's edge still has its page number below the text).
fn set_apart_at_edge(lines: &[TextLine], i: usize, same_page: &[usize]) -> bool {
    let Some(g) = lines[i].geometry else {
        return false;
    };
    let height = (g.bbox.y1 - g.bbox.y0).max(1.0);
    let others = || {
        same_page
            .iter()
            .filter(move |&&j| j != i && !lines[j].is_blank())
            .filter_map(|&j| lines[j].geometry)
            // Lines on its baseline are part of the same edge row.
            .filter(move |h| (h.baseline - g.baseline).abs() >= 1.0)
    };
    let lowest_above = others().all(|h| h.bbox.y1 <= g.bbox.y0 - 1.5 * height);
    let highest_below = others().all(|h| h.bbox.y0 >= g.bbox.y1 + 1.5 * height);
    lowest_above || highest_below
}

/// Whether the number on line `i` is a title's own number: text set larger than the
/// running text (`usual`), or in bold, starts on its baseline within an em and a half after it
/// ("2   Why Carbon Pricing Matters"). A running head's title is set like the text.
fn numbers_a_title(lines: &[TextLine], i: usize, same_page: &[usize], usual: f32) -> bool {
    let Some(g) = lines[i].geometry else {
        return false;
    };
    same_page.iter().any(|&j| {
        j != i
            && !lines[j].is_blank()
            && lines[j].geometry.is_some_and(|h| {
                (h.baseline - g.baseline).abs() < 1.0
                    && h.bbox.x0 >= g.bbox.x1 - 0.5
                    && h.bbox.x0 - g.bbox.x1 <= 1.5 * g.font_size
                    && (h.font_size > usual + 0.5 || crate::rich::all_bold(&lines[j].text))
            })
    })
}

/// Whether line `i` is a number at the outer end of the page's top-most or bottom-most
/// row, beside a running title of three words or more, and the row stands a full line
/// height away from the rest of the page, set no larger than the running text:
/// "Optimized Table Tokenization …   9", "148  A. Sundström et al.". A table's first
/// row is too close to the rows under it and its cells are seldom three words; a
/// chapter's or section's title is larger or bold.
/// Returns the running title's index.
fn number_ends_edge_row(
    lines: &[TextLine],
    i: usize,
    same_page: &[usize],
    usual: f32,
) -> Option<usize> {
    let g = lines[i].geometry?;
    let on_row = |h: &crate::lines::LineGeometry| (h.baseline - g.baseline).abs() < 1.0;
    let row: Vec<usize> = same_page
        .iter()
        .copied()
        .filter(|&j| j != i && !lines[j].is_blank())
        .filter(|&j| lines[j].geometry.is_some_and(|h| on_row(&h)))
        .collect();
    let [title] = row.as_slice() else {
        return None;
    };
    let t = lines[*title].geometry?;
    let gap = g.font_size;
    let outer = g.bbox.x0 >= t.bbox.x1 + gap || g.bbox.x1 + gap <= t.bbox.x0;
    if !outer
        || lines[*title].plain().split_whitespace().count() < 3
        || crate::rich::all_bold(&lines[*title].text)
    {
        return None;
    }
    let top = g.bbox.y0.min(t.bbox.y0);
    let bottom = g.bbox.y1.max(t.bbox.y1);
    let height = (bottom - top).max(1.0);
    let rest = || {
        same_page
            .iter()
            .filter(|&&j| j != i && j != *title && !lines[j].is_blank())
            .filter_map(|&j| lines[j].geometry)
    };
    // Set no larger than the running text: a chapter opening is larger.
    if g.font_size.max(t.font_size) > usual + 0.5 {
        return None;
    }
    let apart = rest().next().is_some()
        && (rest().all(|h| h.bbox.y0 >= bottom + height)
            || rest().all(|h| h.bbox.y1 <= top - height));
    apart.then_some(*title)
}

/// A bare number directly followed by a note's text is a footnote label (pdftotext -raw
/// puts the label on its own line), not a page number.
fn followed_by_note_text(lines: &[TextLine], i: usize) -> bool {
    lines
        .get(i + 1)
        .filter(|n| n.page == lines[i].page && !n.is_blank())
        .is_some_and(|n| {
            let t = n.plain();
            t.split_whitespace().count() >= 4 && !is_page_number(&t)
        })
}

/// No page breaks known: short standalone lines that repeat, and page-number lines.
fn mark_flat(
    lines: &[TextLine],
    zone_end: usize,
    verdict: &mut [Option<(ActionKind, &'static str)>],
) {
    let blank = |i: Option<usize>| i.and_then(|i| lines.get(i)).is_none_or(TextLine::is_blank);
    let standalone = |i: usize| blank(i.checked_sub(1)) || blank(Some(i + 1));
    let mut counts: HashMap<String, usize> = HashMap::new();
    for (i, l) in lines.iter().enumerate() {
        let t = l.plain();
        if !l.is_blank() && furniture_shaped(&t) && standalone(i) {
            *counts.entry(shape(&t)).or_default() += 1;
        }
    }
    for (i, l) in lines.iter().enumerate() {
        if l.is_blank() || i < zone_end {
            continue;
        }
        let t = l.plain();
        let isolated = blank(i.checked_sub(1)) && blank(Some(i + 1));
        if is_page_number(&t) && standalone(i) {
            verdict[i] = Some((ActionKind::PageNumber, "page-number line"));
        } else if BARE_NUMBER.is_match(&t) && isolated && near_furniture(lines, i, &counts) {
            verdict[i] = Some((
                ActionKind::PageNumber,
                "standalone number beside running furniture",
            ));
        } else if BARE_NUMBER.is_match(&t) && isolated && t.parse::<u32>().is_ok_and(|v| v <= 999) {
            verdict[i] = Some((
                ActionKind::PageNumber,
                "standalone number between blank lines",
            ));
        } else if furniture_shaped(&t)
            && standalone(i)
            && counts.get(&shape(&t)).is_some_and(|&c| c >= 2)
            && !looks_like_list_or_heading_repeat(&t)
        {
            verdict[i] = Some((
                ActionKind::RunningHeader,
                "short standalone line repeated through the text",
            ));
        } else if is_contact_line(&t)
            && standalone(i)
            && counts.get(&shape(&t)).is_some_and(|&c| c >= 2)
        {
            verdict[i] = Some((ActionKind::ContactLine, "repeated contact line"));
        }
    }
}

/// Words that mark a footer line seen once (registration, copyright).
const FOOTER_WORDS: &[&str] = &[
    "registered",
    "charity",
    "company",
    "copyright",
    "reserved",
    "issn",
    "isbn",
    "licence",
    "license",
    "confidential",
    "draft",
];

/// Whether a line carries a footer's signs: a number, ©, a web or e-mail address, or a
/// registration or rights word.
fn has_footer_sign(t: &str) -> bool {
    t.chars()
        .any(|c| c.is_ascii_digit() || c == '©' || c == '@')
        || t.to_ascii_lowercase().contains("www.")
        || crate::words::has_word(t, FOOTER_WORDS)
}

/// A line standing right before or after a page number that looks like a footer or header
/// seen only once (the extractor dropped it on the other pages).
fn mark_beside_page_numbers(
    lines: &[TextLine],
    zone_end: usize,
    verdict: &mut [Option<(ActionKind, &'static str)>],
) {
    let numbers: Vec<usize> = (0..lines.len())
        .filter(|&i| matches!(verdict[i], Some((ActionKind::PageNumber, _))))
        .collect();
    for i in numbers {
        let neighbours = [
            (0..i).rev().find(|&j| !lines[j].is_blank()),
            (i + 1..lines.len()).find(|&j| !lines[j].is_blank()),
        ];
        for j in neighbours.into_iter().flatten() {
            if j < zone_end || verdict[j].is_some() {
                continue;
            }
            let t = lines[j].plain();
            if furniture_shaped(&t)
                && !crate::words::ends_sentence(&lines[j].text)
                && has_footer_sign(&t)
                && !t.starts_with(['-', '•', '*'])
            {
                verdict[j] = Some((
                    ActionKind::RunningHeader,
                    "footer or header line beside a page number",
                ));
            }
        }
    }
}

/// Repeated bullets ("- Yes") and labels are not furniture.
fn looks_like_list_or_heading_repeat(t: &str) -> bool {
    t.starts_with(['-', '•', '*', '▪', '◦']) || t.ends_with(':')
}

fn near_furniture(lines: &[TextLine], i: usize, counts: &HashMap<String, usize>) -> bool {
    let lo = i.saturating_sub(4);
    let hi = (i + 5).min(lines.len());
    (lo..hi).filter(|&j| j != i).any(|j| {
        let t = lines[j].plain();
        !t.is_empty() && (is_page_number(&t) || counts.get(&shape(&t)).is_some_and(|&c| c >= 2))
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_phrases::{assert_necessary, filled, phrases};

    #[test]
    fn page_number_test_never_turns_away_a_page_number() {
        let mut texts = phrases(
            &[
                "page", "p.", "pg", "pg.", " ", "\u{a0}", "3", "12", "12345", "of", "/", "-", "–",
                "—", "[", "]", "|", "·", "•", "x", "report", "é", "\n", "o", "f",
            ],
            80_000,
        );
        texts.extend(filled(&[
            &["", "x ", "Report · ", "Institute | "],
            &["", "- ", "[", "page ", "p. ", "Page"],
            &["3", "12", "1234", "12345"],
            &["", " ", " of ", "/", " | text", " •"],
            &["", "7", "x", " -", "]"],
        ]));
        let texts: Vec<String> = texts.iter().map(|t| t.to_ascii_lowercase()).collect();
        let matched = assert_necessary(&PAGE_NUMBER, may_be_page_number, &texts);
        assert!(matched > 1_000, "{matched}");
    }

    #[test]
    fn page_test_never_turns_away_a_page_of() {
        let mut texts = phrases(
            &[
                "page", "Page", "PAGE", "pagé", "pa", "ge", " ", "1", "12", "of", "OF", "x", "\t",
            ],
            20_000,
        );
        texts.extend(filled(&[
            &["", " ", "x "],
            &["page", "Page", "PAGE", "pagé", "pa ge"],
            &[" ", "  ", "", "\t"],
            &["1", "12", "1234", "12345", "x"],
            &[" ", ""],
            &["of", "OF", "Of", "or"],
            &[" ", ""],
            &["7", "12", "x"],
            &["", " ", " x"],
        ]));
        assert!(assert_necessary(&INLINE_PAGE_OF, may_hold_page, &texts) > 100);
    }

    fn lines(text: &str) -> Vec<TextLine> {
        let mut page = 1;
        let mut out = Vec::new();
        for (i, raw) in text.split('\n').enumerate() {
            let mut raw = raw;
            if let Some(rest) = raw.strip_prefix('\u{c}') {
                page += 1;
                raw = rest;
            }
            out.push(TextLine::new(raw, page, i + 1));
        }
        out
    }

    fn texts(ls: &[TextLine]) -> Vec<String> {
        ls.iter()
            .filter(|l| !l.is_blank())
            .map(|l| l.plain())
            .collect()
    }

    #[test]
    fn page_number_forms() {
        for yes in [
            "Page 3 of 7",
            "page 3",
            "- 3 -",
            "– 12 –",
            "3 | Harbour Institute",
            "Harbour Institute | Page 3 of 9",
            "p. 4",
            "3/7",
        ] {
            assert!(is_page_number(yes), "{yes}");
        }
        for no in [
            "3",
            "In 2024 prices rose by 3 per cent.",
            "Article 5",
            "Page after page of data",
            "on page 46",
            "the tax table on page 46",
            "See page 3",
        ] {
            assert!(!is_page_number(no), "{no}");
        }
    }

    #[test]
    fn flat_text_repeats_and_page_numbers_go_and_breaks_are_inferred() {
        let text = "LETTERHEAD\n\nTitle words here\n\nThe first paragraph has enough words to count as prose for the zone test.\n\nMore text that ends\n\nHarbour Institute\n\nPage 1 of 2\n\nBrief Series — Oceans\n\ncontinues here after the break.\n\nHarbour Institute\n\n2\n\nFinal paragraph.";
        let mut ls = lines(text);
        let mut r = Report::default();
        remove(&mut ls, &mut r);
        assert_eq!(
            texts(&ls),
            vec![
                "LETTERHEAD",
                "Title words here",
                "The first paragraph has enough words to count as prose for the zone test.",
                "More text that ends",
                "Brief Series — Oceans",
                "continues here after the break.",
                "Final paragraph."
            ]
        );
        assert_eq!(r.count(ActionKind::PageNumber), 2);
        assert_eq!(r.count(ActionKind::RunningHeader), 2);
        let page_of = |needle: &str| ls.iter().find(|l| l.plain() == needle).unwrap().page;
        assert_eq!(page_of("More text that ends"), 1);
        assert_eq!(page_of("continues here after the break."), 2);
        assert_eq!(page_of("Final paragraph."), 3);
    }

    #[test]
    fn banded_pages_remove_repeats_and_sequenced_numbers_but_keep_note_labels() {
        let text = "SERIES LETTERHEAD\nA long opening sentence that has more than twelve words in it for the zone.\nbody\n1\nFirst note text that is long enough.\nOcean Papers – 1 –\n\u{c}Smith — Working Paper\nbody two\nmore\nOcean Papers – 2 –\n\u{c}Smith — Working Paper\nbody three\n3";
        let mut ls = lines(text);
        let mut r = Report::default();
        remove(&mut ls, &mut r);
        let t = texts(&ls);
        assert!(t.contains(&"1".to_string()), "note label kept: {t:?}");
        assert!(t.contains(&"SERIES LETTERHEAD".to_string()));
        assert!(
            !t.iter()
                .any(|x| x.contains("Ocean Papers") || x.contains("Working Paper")),
            "{t:?}"
        );
        assert_eq!(r.count(ActionKind::RunningHeader), 4);
    }

    #[test]
    fn the_letterhead_of_each_copy_of_a_form_stays() {
        // Two estimates on one form, each opening with the shop's letterhead, and a page
        // of terms.
        let form = |who: &str| {
            format!(
                "ZAVA AUTO REPAIR\n123 Main Street, Redmond\nPreliminary Estimate\nInsured name {who}\nHours Rate Cost\nBody Labor 2 150 300\nPaint Labor 1.5 150 225\nMechanical Labor - - -\nOther Charges 15\nSubtotal\nNote\nEstimate Totals"
            )
        };
        let terms = "This estimate covers the visible damage only and may change once the car is opened up.";
        let text = format!(
            "{}\n\u{c}{}\n\u{c}{terms}",
            form("Gabriel Diaz"),
            form("Bruce Wayne")
        );
        let mut ls = lines(&text);
        let mut r = Report::default();
        remove(&mut ls, &mut r);
        let t = texts(&ls);
        assert_eq!(
            t.iter()
                .filter(|x| x.as_str() == "ZAVA AUTO REPAIR")
                .count(),
            2,
            "{t:?}"
        );
        assert_eq!(r.count(ActionKind::RunningHeader), 0, "{t:?}");
        // The same letterhead over pages of different text is a running header.
        let page = |n: &str| {
            format!(
                "ZAVA AUTO REPAIR\n123 Main Street, Redmond\nThe {n} page has text of its own.\nIts {n} paragraph goes on for a while.\nThe {n} page ends here."
            )
        };
        let text = format!("{}\n\u{c}{}\n\u{c}{terms}", page("first"), page("second"));
        let mut ls = lines(&text);
        let mut r = Report::default();
        remove(&mut ls, &mut r);
        let t = texts(&ls);
        assert!(!t.iter().any(|x| x.contains("ZAVA")), "{t:?}");
        assert!(r.count(ActionKind::RunningHeader) >= 2, "{t:?}");
    }

    #[test]
    fn one_page_proves_its_edge_stamps_and_page_number() {
        let body = "The survey covered three districts and two hundred households in all.";
        let mut page: Vec<TextLine> = Vec::new();
        let mut put = |text: &str, x0: f32, baseline: f32| {
            let mut l = crate::lines::test_placed(text, 1, x0, x0 + 200.0, baseline, 10.0);
            l.source_line = page.len() + 1;
            page.push(l);
        };
        put("Downloaded from example.org on 3 May 2021", 400.0, 90.0);
        for k in 0..10 {
            put(body, 72.0, 120.0 + 14.0 * k as f32);
        }
        // Text ends far above the paper's foot; the number under it is set apart.
        put("17", 290.0, 330.0);
        put("Revision: 2.4", 72.0, 40.0);
        put("10 June 2019", 300.0, 40.0);
        put("Download date: 15. Sep. 2023", 72.0, 60.0);
        let mut lines = page;
        let mut r = Report::default();
        remove(&mut lines, &mut r);
        let left: Vec<String> = lines.iter().map(TextLine::plain).collect();
        assert_eq!(left.len(), 10, "{left:?}");
        assert!(left.iter().all(|t| t == body));
        assert_eq!(r.count(ActionKind::PageNumber), 1);
        assert_eq!(r.count(ActionKind::RunningHeader), 4);
    }

    #[test]
    fn a_number_inside_the_text_or_a_sentence_at_the_edge_stays() {
        let mut lines = vec![
            crate::lines::test_placed(
                "Revision of the 2019 fare rules",
                1,
                72.0,
                300.0,
                810.0,
                10.0,
            ),
            crate::lines::test_placed("Table 2 shows the totals.", 1, 72.0, 300.0, 400.0, 10.0),
            crate::lines::test_placed("42", 1, 72.0, 90.0, 414.0, 10.0),
            crate::lines::test_placed(
                "More text follows the table here.",
                1,
                72.0,
                300.0,
                428.0,
                10.0,
            ),
        ];
        let mut r = Report::default();
        remove(&mut lines, &mut r);
        assert_eq!(lines.len(), 4, "{:?}", r.actions);
    }

    /// A disclaimer printed at the foot of page 1 and the head of page 2: its edge lines
    /// repeat across pages, but they read on from the paragraph they close or open, so
    /// they stay; the journal's running header above it, set apart by a gap, goes.
    #[test]
    fn a_repeated_paragraph_keeps_its_edge_lines_while_a_running_header_goes() {
        let place = crate::lines::test_placed;
        let disclaimer = [
            "This is a preliminary estimate of the visible damage only; further work may",
            "be needed once the parts are removed, and hidden damage cannot be judged",
            "before an alignment. Prices may vary with the maker's updates. An owner who",
            "sends the vehicle to service pays a diagnostic charge. If the concern is",
            "not related to the claim, the owner will be responsible for the charges.",
        ];
        let words = [
            "alpha", "bravo", "charlie", "delta", "echo", "foxtrot", "golf", "hotel",
        ];
        let mut lines = Vec::new();
        for page in 1..=3 {
            lines.push(place(
                "Harbour Repair Journal",
                page,
                72.0,
                250.0,
                60.0,
                9.0,
            ));
            let mut y = 120.0;
            for (k, w) in words.iter().enumerate() {
                let text = format!(
                    "Body text {w} {} on a page of its own, not repeated.",
                    words[(k + page) % 8]
                );
                lines.push(place(&text, page, 72.0, 500.0, y, 9.0));
                y += 11.0;
            }
            if page != 2 {
                y += 20.0;
                for text in disclaimer {
                    lines.push(place(text, page, 72.0, 480.0, y, 9.0));
                    y += 11.0;
                }
            }
        }
        let mut r = Report::default();
        remove(&mut lines, &mut r);
        let kept: Vec<String> = lines.iter().map(|l| l.plain()).collect();
        assert!(
            !kept.iter().any(|t| t == "Harbour Repair Journal"),
            "{kept:?}"
        );
        for text in disclaimer {
            assert_eq!(
                kept.iter().filter(|t| *t == text).count(),
                2,
                "{text:?} was cut from the disclaimer: {:?}",
                r.actions
            );
        }
    }

    #[test]
    fn a_repeated_paragraph_that_runs_on_into_kept_text_stays() {
        // Two pages that both open their first paragraph with the same two lines, and a
        // closing paragraph whose last lines repeat: repetition alone would remove them.
        let para = "Lorem ipsum dolor sit amet, consetetur sadipscing elitr, sed diam eir-\nmod tempor invidunt ut labore et dolore magna aliquyam erat, sed volup-\n";
        let text = format!(
            "Code Example\n{para}tua. At vero eos et accusam et justo duo dolores.\nPlease be advised that the owner elects to send the car for\nany mechanical concerns, all departments charge a diagnostic fee.\n\x0cFormula\n{para}tua. Stet clita kasd gubergren, no sea takimata.\nPlease note that a different paragraph sits on this page for\nany mechanical concerns, all departments charge a diagnostic fee.\n"
        );
        let mut ls = lines(&text);
        let mut r = Report::default();
        remove(&mut ls, &mut r);
        let t = texts(&ls);
        assert_eq!(t.len(), 12, "{t:?} {:?}", r.actions);
        assert_eq!(r.count(ActionKind::RunningHeader), 0);
    }

    #[test]
    fn a_running_header_above_a_page_that_continues_a_sentence_still_goes() {
        // The pages open mid-sentence, in lower case, under a header: the header does not
        // read on into them (it ends in a number), so repetition still removes it.
        let text = "Opening words of the paper that set out its whole argument at length.\nbody one\n\u{c}OCEAN PAPERS 2024\ncontinued from the first page with more words\nand more\n\u{c}OCEAN PAPERS 2024\ncontinued again on the third page with words\nend";
        let mut ls = lines(text);
        let mut r = Report::default();
        remove(&mut ls, &mut r);
        assert_eq!(r.count(ActionKind::RunningHeader), 2, "{:?}", texts(&ls));
    }

    #[test]
    fn reading_on_needs_an_open_line_and_a_lower_case_word() {
        assert!(reads_on(
            "the owner elects to send it for",
            "any mechanical concerns"
        ));
        assert!(reads_on("sed diam nonumy eir-", "mod tempor invidunt"));
        assert!(!reads_on(
            "the owner elects to send it.",
            "any mechanical concerns"
        ));
        assert!(!reads_on(
            "the owner elects to send it for",
            "www.example.org"
        ));
        assert!(!reads_on(
            "the owner elects to send it for",
            "Annual Report 2024"
        ));
        assert!(!reads_on("Short header", "lower case"));
        assert!(!reads_on("Smith — Working Paper", "body text goes on"));
    }

    /// A single page's running head: title and page number share the top row, set apart
    /// from the text; both go, and the number is not glued to the first paragraph. A
    /// chapter opening with its number an em before a larger title stays.
    #[test]
    fn a_running_title_with_its_page_number_on_the_top_row_goes_but_a_chapter_title_stays() {
        let place = crate::lines::test_placed;
        let body = [
            "order to compute the score. Timing results for all experiments were taken",
            "on the same machine, on a single core, with the same settings throughout.",
            "The results follow in the next section, with their tables and figures.",
        ];
        let mut lines = vec![
            place(
                "Optimized Table Tokenization for Structure",
                1,
                194.0,
                447.0,
                100.0,
                9.0,
            ),
            place("9", 1, 476.0, 481.0, 100.0, 9.0),
        ];
        for (k, t) in body.iter().enumerate() {
            lines.push(place(t, 1, 134.0, 480.0, 126.0 + 12.0 * k as f32, 10.0));
        }
        let mut r = Report::default();
        remove(&mut lines, &mut r);
        assert_eq!(lines.len(), 3, "{:?}", r.actions);
        assert_eq!(r.count(ActionKind::PageNumber), 1);
        assert_eq!(r.count(ActionKind::RunningHeader), 1);

        let mut lines = vec![
            place("2", 1, 72.0, 84.0, 100.0, 16.0),
            place("Why Carbon Pricing Matters", 1, 96.0, 330.0, 100.0, 16.0),
        ];
        for (k, t) in body.iter().enumerate() {
            lines.push(place(t, 1, 72.0, 480.0, 140.0 + 12.0 * k as f32, 10.0));
        }
        let mut r = Report::default();
        remove(&mut lines, &mut r);
        assert_eq!(lines.len(), 5, "{:?}", r.actions);
    }
}
