//! Page furniture: running headers and footers, page numbers and contact lines.
//!
//! With real page breaks (form feeds, PDF pages) furniture is what sits in the top or
//! bottom band of pages and repeats from page to page once digits are ignored. Without
//! them (text that an extractor flattened), it is a short standalone line that repeats,
//! or a page-number line; each cluster of such lines then marks an inferred page break.

mod banded;
mod blank_pages;
mod counters;
mod edge_order;
mod edge_stamps;
mod flat;
mod page_numbers;
mod section_heads;
mod turned;
mod watermarks;

pub use page_numbers::is_page_number;

use crate::lines::TextLine;
use crate::report::{Action, ActionKind, Report};
use banded::mark_banded;
use edge_stamps::mark_edge_stamps;
use flat::{mark_beside_page_numbers, mark_flat};
use page_numbers::{INLINE_PAGE_OF, may_hold_page};

/// How many non-blank lines at the top and bottom of a page count as its bands.
const BAND: usize = 3;

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
    // The running-text size, which the title zone and the edge stamps both weigh lines by.
    let body_size = crate::layout::body_font_size(lines);
    let zone_end = crate::line_kinds::title_zone_end_with(lines, body_size);
    let mut verdict: Vec<Option<(ActionKind, &'static str)>> = vec![None; lines.len()];

    if paged {
        mark_banded(lines, zone_end, &mut verdict);
    } else {
        mark_flat(lines, zone_end, &mut verdict);
        mark_beside_page_numbers(lines, zone_end, &mut verdict);
    }
    mark_edge_stamps(lines, body_size, &mut verdict);
    watermarks::mark_watermarks(lines, body_size, &mut verdict);
    if paged {
        section_heads::mark_style_twins(lines, zone_end, &mut verdict);
        turned::mark_turned_copies(lines, zone_end, &mut verdict);
    }
    super::page_heads::mark_numbered_heads(lines, &mut verdict);
    if paged {
        page_numbers::keep_one_number_per_page(lines, &mut verdict);
    }
    keep_lines_that_read_on(lines, &mut verdict);
    keep_a_document_made_of_repeats(lines, &mut verdict);
    if paged {
        blank_pages::mark_blank_page_notices(lines, &mut verdict);
    }
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

/// A running header repeats over pages that have text of their own. When every line of
/// every page, or of every page but the first, would go as one, the repeated lines are
/// all the document prints (a label on each page, a test sheet printed at several
/// angles): they are its text, and they stay.
fn keep_a_document_made_of_repeats(
    lines: &[TextLine],
    verdict: &mut [Option<(ActionKind, &'static str)>],
) {
    let header =
        |v: &Option<(ActionKind, &'static str)>| matches!(v, Some((ActionKind::RunningHeader, _)));
    // The last page that keeps text of its own; the first page's title block may keep a
    // copy set apart from the others (a test sheet's first page set upright, the rest
    // turned).
    let last_kept = lines
        .iter()
        .zip(verdict.iter())
        .filter(|(l, v)| v.is_none() && !l.is_blank())
        .map(|(l, _)| l.page)
        .max();
    let paged = lines.iter().any(|l| l.page > 1);
    let all_repeats = last_kept.is_none_or(|p| paged && p <= 1);
    if all_repeats && verdict.iter().any(header) {
        for v in verdict.iter_mut().filter(|v| header(v)) {
            *v = None;
        }
    }
}

#[cfg(test)]
mod tests;
