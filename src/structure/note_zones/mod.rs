//! Where footnote texts sit on the page: zones at the page foot, found from the labels
//! that open them in the expected sequence, their smaller size and their place below the
//! body, before the lines are cut into pieces. (The notes themselves are collected from
//! the pieces in `notes`.)
//!
//! The walk over pages and columns is here; whether a line opens the note due next is
//! [`start`]'s question, and what else begins or ends a zone is [`edges`]'s.

use std::collections::{BTreeMap, BTreeSet};

use crate::lines::TextLine;
use crate::rich;

use super::families::Family;

mod edges;
mod start;

use edges::{PageRows, heading_after_notes, run_over_lines, run_over_url};
use start::{Due, continues_numbered_list, note_start};

/// Footnote zones at page feet (only for input with real pages).
#[derive(Debug, Default)]
pub struct NoteZones {
    /// Line index → zone id, for every line inside a zone.
    pub zone: BTreeMap<usize, usize>,
    /// Line indexes where a note starts.
    pub note_starts: BTreeSet<usize>,
    /// Line indexes where a zone opens with the rest of the previous zone's last note
    /// (a note that ran over from the foot of the previous column or page).
    pub continued: BTreeSet<usize>,
}

/// The zone a line belongs to, if any.
pub fn zone_of(zones: &NoteZones, i: usize) -> Option<usize> {
    zones.zone.get(&i).copied()
}

/// Finds footnote zones at the foot of pages: from the first line in the lower part of a
/// page that starts with the next expected note number, to the end of the page.
pub fn find_zones(lines: &[TextLine]) -> NoteZones {
    find_zones_with(lines, None)
}

/// [`find_zones`] given the lines' body size when the caller measured it already
/// ([`crate::layout::body_font_size`] of the same lines); `None` has it measured here.
pub fn find_zones_with(lines: &[TextLine], body_size: Option<f32>) -> NoteZones {
    let mut zones = NoteZones::default();
    let paged = lines.iter().any(|l| l.page > 1) || lines.iter().any(|l| l.geometry.is_some());
    if !paged {
        return zones;
    }
    let body_size = body_size.or_else(|| crate::layout::body_font_size(lines));
    // Lines of the title block in the upper half of the first page ("¹ Saarland
    // University" under "Rui Wang¹ and …") are affiliations, not a foot of notes.
    let title_end = crate::line_kinds::title_zone_end_with(lines, body_size);
    let in_title_block = |i: usize| {
        i < title_end
            && lines[i]
                .geometry
                .is_some_and(|g| g.baseline < g.page_height / 2.0)
    };
    // The notes' family once the first note shows it, and the ordinal due next.
    let mut family: Option<Family> = None;
    let mut expected = 1u32;
    let mut last_zone_page: Option<usize> = None;
    let mut page_start = 0;
    let mut zone_id = 0;
    while page_start < lines.len() {
        // Footnotes sit at the foot of a page, or of a column on two-column pages.
        let (page, column) = (lines[page_start].page, lines[page_start].column);
        let page_end = lines[page_start..]
            .iter()
            .position(|l| l.page != page || l.column != column)
            .map_or(lines.len(), |k| page_start + k);
        let idx: Vec<usize> = (page_start..page_end)
            .filter(|&i| !lines[i].is_blank())
            .collect();
        // Full-width lines after a page's right column stand below the columns: all of
        // them are in the lower part of the page.
        let below_columns = page_start > 0
            && lines[page_start - 1].page == page
            && lines[page_start - 1].column > column;
        let rows = std::cell::OnceCell::new();
        let read_before = std::cell::OnceCell::new();
        // Where the page first marks a word with an asterisk ("Haldane*"): a line opening
        // with "*" further down is that word's note, though it opens no other symbols.
        // Not where two lines open so: those are bullets (and an OCR text's "*" after a
        // word is as often a misread raised number).
        let starred_lines = idx
            .iter()
            .filter(|&&i| {
                lines[i].text.contains('*') && lines[i].plain_cow().trim_start().starts_with("* ")
            })
            .count();
        let first_star_mark = (starred_lines == 1)
            .then(|| {
                idx.iter().position(|&i| {
                    lines[i].text.contains('*') && start::marks_with_asterisk(&lines[i])
                })
            })
            .flatten();
        let mut in_zone = false;
        let mut zone_small = false;
        // Where the page's (or column's) latest zone opened.
        let mut zone_open = page_start;
        for (k, &i) in idx.iter().enumerate() {
            // A line drawn after the notes but set well above where their zone opened
            // (a chart's labels, drawn last, higher up the column) is no part of it.
            if in_zone && set_above(&lines[zone_open], &lines[i]) {
                in_zone = false;
            }
            // Notes sit low on the page, or are set smaller than the body (an endnote
            // page starts at its top).
            let small = match (lines[i].geometry, body_size) {
                (Some(g), Some(b)) => g.font_size < b * 0.96,
                _ => false,
            };
            let lower_part = k * 10 >= idx.len() * 3 || small || below_columns;
            let next = idx.get(k + 1).map(|&j| &lines[j]);
            let prev = k.checked_sub(1).map(|p| &lines[idx[p]]);
            // PDF: a page-foot note is set smaller than the body, unless its label is
            // raised; a numbered line in body type is a list item or a numbered heading.
            let plain_in_body_type = lines[i].geometry.is_some()
                && body_size.is_some()
                && !small
                && !lines[i].text.starts_with(rich::SUP_ON);
            // A zone opening on a later page may start the sequence again (notes numbered
            // per page, or per section or chapter).
            // Arabic notes restart only from the page just before: a numbered zone pages
            // later is more often a reference or affiliation list.
            let restart_ok = !in_zone
                && family.is_some()
                && last_zone_page != Some(page)
                && (family != Some(Family::Arabic)
                    || last_zone_page.is_some_and(|p| p + 1 == page));
            let due = Due {
                family,
                ordinal: expected,
                restart_ok,
                small,
                starred: first_star_mark.is_some_and(|m| m < k),
            };
            if let Some((f, n)) = note_start(&lines[i], prev, next, due, in_zone)
                && (lower_part || in_zone)
                && !in_title_block(i)
                && (in_zone
                    || !read_before
                        .get_or_init(|| TextReadBefore::new(&lines[..page_start], page, body_size))
                        .stands_over(&lines[i]))
                && (!plain_in_body_type || in_zone || (due.starred && f == Family::Symbol))
                && !rows
                    .get_or_init(|| PageRows::new(lines, &idx))
                    .cells_not_notes(lines, i)
                && (in_zone
                    || !continues_numbered_list(&lines[idx[k.saturating_sub(8)]..i], &lines[i]))
            {
                if !in_zone {
                    zone_id += 1;
                    in_zone = true;
                    zone_small = small;
                    zone_open = i;
                    if family.is_some()
                        && let Some(from) = run_over_lines(lines, &idx[..k], i, body_size)
                            .or_else(|| run_over_url(lines, &idx[..k], &zones))
                    {
                        zones.continued.insert(from);
                        for &j in idx[..k].iter().filter(|&&j| j >= from) {
                            zones.zone.insert(j, zone_id);
                        }
                    }
                }
                zones.note_starts.insert(i);
                family = Some(f);
                expected = n + 1;
                last_zone_page = Some(page);
            } else if in_zone && zone_small && plain_in_body_type {
                // A paragraph in body type below notes set smaller is never a note: the
                // zone ends above it.
                in_zone = false;
            } else if in_zone && heading_after_notes(&lines[i], next) {
                in_zone = false;
            } else if in_zone
                && lines[i].geometry.is_none()
                && continues_numbered_list(&lines[page_start..zone_open], &lines[i])
            {
                // Extracted text of a two-column page: the left column's notes, then the
                // right column's body, whose numbered list carries on the one above the
                // notes ("2. Invest…" / notes 5–6 / "3. Improve…"). The item is body.
                in_zone = false;
            }
            if in_zone {
                zones.zone.insert(i, zone_id);
            }
        }
        // Blank lines inside a zone belong to it (a note may be spaced out).
        let in_page_zone = |i: &&usize| zones.zone.contains_key(*i);
        if let (Some(&first), Some(&last)) = (
            idx.iter().find(in_page_zone),
            idx.iter().rev().find(in_page_zone),
        ) {
            let end = if last == *idx.last().unwrap_or(&last) {
                page_end
            } else {
                last + 1
            };
            // Only blank lines are filled in (with the zone above them): a heading can end
            // a zone in extracted text, and body lines below it stay body.
            let mut above = None;
            for (i, line) in lines.iter().enumerate().take(end).skip(first) {
                if line.is_blank() {
                    if let Some(id) = above {
                        zones.zone.insert(i, id);
                    }
                } else {
                    above = zones.zone.get(&i).copied();
                }
            }
        }
        page_start = page_end;
    }
    zones
}

/// A line set at least this share of the body's size is running text, for
/// [`TextReadBefore`]: chart lettering and notes are smaller.
const RUNNING_TEXT_SHARE: f32 = 0.85;

/// The running text of a page's columns read before the one at hand, by how far down
/// the page each line's top lies. A line that stands over some of it, level with it in
/// width, is chart lettering or a sidebar read after the text it sits beside (see
/// [`crate::layout::wraps`]), never the foot of a column.
struct TextReadBefore {
    /// Tops of the lines, lowest on the page first.
    tops: Vec<f32>,
    /// For each entry of `tops`, the left and right edges of the lines from the lowest
    /// down to it: how wide the text below that top reaches.
    reach: Vec<(f32, f32)>,
}

impl TextReadBefore {
    fn new(before: &[TextLine], page: usize, body_size: Option<f32>) -> Self {
        let mut boxes: Vec<_> = before
            .iter()
            .rev()
            .take_while(|l| l.page == page)
            .filter(|l| !l.is_blank())
            .filter_map(|l| l.geometry)
            .filter(|g| body_size.is_some_and(|b| g.font_size >= b * RUNNING_TEXT_SHARE))
            .map(|g| g.bbox)
            .collect();
        boxes.sort_by(|a, b| b.y0.total_cmp(&a.y0));
        let mut reach = Vec::with_capacity(boxes.len());
        let mut span = (f32::INFINITY, f32::NEG_INFINITY);
        for b in &boxes {
            span = (span.0.min(b.x0), span.1.max(b.x1));
            reach.push(span);
        }
        TextReadBefore {
            tops: boxes.iter().map(|b| b.y0).collect(),
            reach,
        }
    }

    /// Whether running text read before lies below `line`, under some of its width.
    fn stands_over(&self, line: &TextLine) -> bool {
        let Some(g) = line.geometry else {
            return false;
        };
        // The lines whose tops lie below the line's bottom come first.
        let below = self.tops.partition_point(|&top| top > g.bbox.y1);
        below > 0 && {
            let (x0, x1) = self.reach[below - 1];
            x0 < g.bbox.x1 && x1 > g.bbox.x0
        }
    }
}

/// Whether `line` sits above `opening` on the page by more than two of its lines: the
/// notes of a zone run down from the line that opened it.
fn set_above(opening: &TextLine, line: &TextLine) -> bool {
    match (opening.geometry, line.geometry) {
        (Some(a), Some(b)) => b.bbox.y1 < a.bbox.y0 - 2.0 * b.font_size.max(a.font_size),
        _ => false,
    }
}

#[cfg(test)]
mod tests;
