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

/// Whether `line` sits above `opening` on the page by more than two of its lines: the
/// notes of a zone run down from the line that opened it.
fn set_above(opening: &TextLine, line: &TextLine) -> bool {
    match (opening.geometry, line.geometry) {
        (Some(a), Some(b)) => b.bbox.y1 < a.bbox.y0 - 2.0 * b.font_size.max(a.font_size),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn page_lines(pages: &[&[&str]]) -> Vec<TextLine> {
        let mut out = Vec::new();
        let mut n = 0;
        for (p, lines) in pages.iter().enumerate() {
            for l in lines.iter() {
                n += 1;
                out.push(TextLine::new(l, p + 1, n));
            }
        }
        out
    }

    #[test]
    fn page_foot_zones_follow_the_expected_number() {
        let lines = page_lines(&[
            &[
                "Body text about 12 brick kilns and more words here.",
                "12 brick kilns were surveyed in the first round of the study.",
                "More body text continues on this page and ends here.",
                "The last body line of the page.",
                "1 Author, “A Title of Some Length”, published on May 2, 2022.",
                "  continued note text.",
                "2 Ibid., p. 4.",
            ],
            &[
                "Body on page two, which is long enough to be prose here.",
                "More body on page two that goes on.",
                "Still more body text here on page two.",
                "3",
                "Raw-mode note text after a bare label line.",
            ],
        ]);
        let z = find_zones(&lines);
        assert_eq!(
            z.note_starts.iter().copied().collect::<Vec<_>>(),
            vec![4, 6, 10]
        );
        assert_eq!(zone_of(&z, 5), Some(1));
        assert_eq!(zone_of(&z, 1), Option::None);
        assert_eq!(zone_of(&z, 11), Some(2));
    }

    #[test]
    fn a_numbered_item_carrying_on_the_list_above_ends_a_zone() {
        let lines = page_lines(&[
            &[
                "A first page of body text that ends in a sentence.",
                "More body text on the first page, ending here.",
                "Yet more body text on the first page, ending here.",
                "1 Author, “A Title of Some Length”, published on May 2, 2022.",
                "2 Author, “A Title of Some Length”, published on May 3, 2022.",
                "3 Author, “A Title of Some Length”, published on May 4, 2022.",
                "4 Author, “A Title of Some Length”, published on May 5, 2022.",
            ],
            &[
                "Governments and companies can reduce the risks",
                "by acting on several fronts:",
                "1. Diversify routes, including terrestrial links",
                "across the Arabian Peninsula.",
                "2. Invest in repair capacity, including regional re-",
                "pair ships and pre-approved permits.",
                "5International Cable Protection Forum, “Submarine Cable",
                "Repair”, published on November 14, 2023.",
                "6“Baltic pipeline and cable damage: what we know”,",
                "Nordic Security Brief, published on October 20, 2023. https:",
                "//www.nordicsecuritybrief.example.com/2023/10/20/baltic-k",
                "now",
                "3. Improve monitoring of ship movements near",
                "cable routes, using identification data.",
            ],
        ]);
        let z = find_zones(&lines);
        assert!(z.note_starts.contains(&13) && z.note_starts.contains(&15));
        assert_eq!(zone_of(&z, 18), Some(2));
        assert_eq!(zone_of(&z, 19), None);
        assert_eq!(zone_of(&z, 20), None);
    }

    #[test]
    fn notes_below_two_columns_open_a_zone_on_their_first_line() {
        // A page read as two columns (left, right), then the full-width notes below them:
        // the notes' own run is short, but all of it is below the columns.
        let mut lines = page_lines(&[&[
            "Body text in the left column, which runs on for a while here.",
            "More of the left column, with a marker at its end.1",
            "The right column goes on with the argument of the brief.",
            "And ends its page with a second marker.2",
            "1 Author, “A Title of Some Length”, published on May 2, 2022.",
            "2 Ibid., p. 4.",
        ]]);
        for l in &mut lines[2..4] {
            l.column = 1;
        }
        // A second page makes the input paged.
        lines.push(TextLine::new("Page two body.", 2, 7));
        let z = find_zones(&lines);
        assert_eq!(
            z.note_starts.iter().copied().collect::<Vec<_>>(),
            vec![4, 5]
        );
    }

    fn sized(text: &str, page: usize, n: usize, size: f32, y: f32) -> TextLine {
        let mut l = crate::lines::test_placed(text, page, 60.0, 280.0, y, size);
        l.source_line = n;
        l
    }

    #[test]
    fn a_zone_opening_with_small_unlabelled_lines_carries_on_the_previous_note() {
        let mut lines = Vec::new();
        for k in 0..12 {
            lines.push(sized(
                "Body text of the first page that runs on.",
                1,
                k + 1,
                11.0,
                100.0 + 14.0 * k as f32,
            ));
        }
        lines.push(sized(
            "1 A. Author, “A Study”, published on May 2, 2022,",
            1,
            13,
            9.0,
            700.0,
        ));
        lines.push(sized("https://www.example.org/a/long", 1, 14, 9.0, 711.0));
        for k in 0..12 {
            lines.push(sized(
                "Body text of the second page that runs on.",
                2,
                k + 15,
                11.0,
                100.0 + 14.0 * k as f32,
            ));
        }
        lines.push(sized("/path/of-the-address", 2, 27, 9.0, 690.0));
        lines.push(sized(
            "2 B. Author, “Another Study”, 2023.",
            2,
            28,
            9.0,
            701.0,
        ));
        let z = find_zones(&lines);
        assert_eq!(
            z.note_starts.iter().copied().collect::<Vec<_>>(),
            vec![12, 27]
        );
        assert_eq!(z.continued.iter().copied().collect::<Vec<_>>(), vec![26]);
        assert_eq!(zone_of(&z, 26), zone_of(&z, 27));
        assert_eq!(zone_of(&z, 25), Option::None);
    }

    #[test]
    fn a_heading_below_notes_in_extracted_text_ends_the_zone() {
        // pdftotext -raw of a two-column page: the left column's notes, then the right
        // column opening with a heading, then that column's own note.
        let lines = page_lines(&[
            &[
                "Body text of the left column, long enough to be prose here.",
                "More body text of the left column that goes on and on.",
                "Still more body text, ending the left column here.",
                "The last line of the left column body.",
                "1 Author, “A Title of Some Length”, published on May 2, 2022.",
                "2 Ibid., p. 4.",
                "",
                "Why the Corridor Matters",
                "The right column begins with prose under its heading.",
                "It goes on for a while, as columns do.",
                "3 Agency, “Another Report”, published on June 1, 2023.",
            ],
            &["Page two."],
        ]);
        let z = find_zones(&lines);
        assert_eq!(zone_of(&z, 5), Some(1));
        assert_eq!(zone_of(&z, 6), Some(1));
        assert_eq!(zone_of(&z, 7), Option::None);
        assert_eq!(zone_of(&z, 8), Option::None);
        assert!(z.note_starts.contains(&10));
    }
    #[test]
    fn a_chart_axis_at_the_page_foot_opens_no_note() {
        // A chart low on the page: its x axis's tick labels, each drawn apart on one
        // baseline ("0 1 2 3"), then its lettering and the caption in body type.
        let mut lines = Vec::new();
        for k in 0..14 {
            lines.push(sized(
                "Body text of the page above the chart that runs on.",
                1,
                k + 1,
                11.0,
                100.0 + 14.0 * k as f32,
            ));
        }
        for (k, tick) in ["0", "1", "2", "3"].iter().enumerate() {
            let x = 100.0 + 40.0 * k as f32;
            let mut l = crate::lines::test_placed(tick, 1, x, x + 5.0, 600.0, 8.5);
            l.source_line = lines.len() + 1;
            lines.push(l);
        }
        lines.push(sized("(a) Case 1 (b) Case 2", 1, 19, 9.0, 615.0));
        lines.push(sized(
            "Figure 4.22: The two cases of the proof.",
            1,
            20,
            11.0,
            640.0,
        ));
        let z = find_zones(&lines);
        assert!(z.note_starts.is_empty(), "{:?}", z.note_starts);
        assert!(z.zone.is_empty(), "{:?}", z.zone);
        // Its y axis instead: values drawn one over another, growing up the page.
        let mut axis = lines[..14].to_vec();
        for (k, tick) in ["3", "2", "1", "0"].iter().enumerate() {
            let y = 560.0 + 20.0 * k as f32;
            axis.push(crate::lines::test_placed(tick, 1, 60.0, 65.0, y, 8.5));
            axis.push(crate::lines::test_placed("*", 1, 90.0, 95.0, y + 5.0, 8.5));
        }
        let z = find_zones(&axis);
        assert!(z.note_starts.is_empty(), "{:?}", z.note_starts);
        // A bare label alone on its line, its note's text beside it, still opens the note.
        let mut notes = lines[..14].to_vec();
        notes.push(crate::lines::test_placed("1", 1, 60.0, 64.0, 600.0, 8.5));
        notes.push(crate::lines::test_placed(
            "A. Author, “A Study of Charts”, published in 2020.",
            1,
            70.0,
            300.0,
            600.0,
            8.5,
        ));
        assert_eq!(find_zones(&notes).note_starts.len(), 1);
    }

    #[test]
    fn a_starred_line_opens_a_note_where_a_word_above_carries_the_star() {
        // A page whose prose marks "unfavourable*." and whose foot, in the same type,
        // reads "* Doncaster Report, p.8."; without the mark, the line is left alone (a
        // bullet, a correspondence line).
        let page = |mark: &str| {
            let mut lines = Vec::new();
            for k in 0..12 {
                let text = if k == 5 {
                    format!("Their application to wet gravel is decidedly unfavourable{mark}.")
                } else {
                    "Body text of the page on manures that runs on.".to_string()
                };
                lines.push(sized(&text, 1, k + 1, 10.0, 100.0 + 14.0 * k as f32));
            }
            lines.push(sized("* Doncaster Report, p.8.", 1, 13, 10.0, 700.0));
            lines
        };
        assert_eq!(
            find_zones(&page("*"))
                .note_starts
                .iter()
                .copied()
                .collect::<Vec<_>>(),
            vec![12]
        );
        assert!(find_zones(&page("")).note_starts.is_empty());
        // An opening emphasis mark is no note's mark.
        let mut emphasis = page("");
        emphasis[3] = sized("The *first* trials were on clay.", 1, 4, 10.0, 142.0);
        assert!(find_zones(&emphasis).note_starts.is_empty());
        // Two starred lines are bullets, whatever the text above marks.
        let mut bullets = page("*");
        bullets.push(sized("* Guano, p.9.", 1, 14, 10.0, 714.0));
        assert!(find_zones(&bullets).note_starts.is_empty());
    }

    #[test]
    fn numbered_table_rows_at_the_page_foot_open_no_notes() {
        let mut lines = Vec::new();
        for k in 0..14 {
            lines.push(sized(
                "Body text of the order form that runs on.",
                1,
                k + 1,
                10.0,
                100.0 + 14.0 * k as f32,
            ));
        }
        let columns = [60.0, 90.0, 160.0, 330.0, 390.0];
        let row = |cells: &[&str], y: f32, lines: &mut Vec<TextLine>| {
            for (text, x) in cells.iter().zip(columns) {
                let n = lines.len() + 1;
                let mut l = crate::lines::test_placed(text, 1, x, x + 25.0, y, 8.0);
                l.source_line = n;
                lines.push(l);
            }
        };
        row(
            &["Ln", "Item", "Description", "Qty", "Amount"],
            640.0,
            &mut lines,
        );
        row(
            &["1", "PMP-10", "Borehole pump", "2", "$2,500"],
            652.0,
            &mut lines,
        );
        row(
            &["2", "PIP-50", "Rising main", "40", "$720"],
            664.0,
            &mut lines,
        );
        row(
            &["3", "CTL-02", "Controller", "2", "$620"],
            676.0,
            &mut lines,
        );
        let z = find_zones(&lines);
        assert!(z.note_starts.is_empty(), "{:?}", z.note_starts);
        // The same labels opening notes whose text runs on from them are notes.
        let mut notes: Vec<TextLine> = lines[..14].to_vec();
        for (k, text) in ["1", "2", "3"].iter().enumerate() {
            let y = 652.0 + 12.0 * k as f32;
            notes.push(crate::lines::test_placed(text, 1, 60.0, 64.0, y, 8.0));
            notes.push(crate::lines::test_placed(
                "A. Author, “A Study of Pumps”, published in 2020.",
                1,
                70.0,
                300.0,
                y,
                8.0,
            ));
        }
        assert_eq!(find_zones(&notes).note_starts.len(), 3);
    }

    #[test]
    fn labels_drawn_after_the_notes_but_higher_up_are_no_part_of_them() {
        // Body text, then two notes at the foot, then a chart's tick labels and legend
        // drawn last but set halfway up the page.
        let mut lines: Vec<TextLine> = (0..14)
            .map(|k| sized(PROSE_LINE, 1, k + 1, 11.0, 100.0 + 14.0 * k as f32))
            .collect();
        lines.push(sized(
            "8 SQuAD is limited to a small set of documents.",
            1,
            15,
            9.0,
            700.0,
        ));
        lines.push(sized(
            "9 Lucene implementation with tuned parameters.",
            1,
            16,
            9.0,
            712.0,
        ));
        for (k, label) in ["90", "80", "BM25", "Top-k accuracy (%)"]
            .iter()
            .enumerate()
        {
            lines.push(sized(label, 1, 17 + k, 6.0, 300.0 + 10.0 * k as f32));
        }
        // The note numbering starts at 8 here: make 1-7 due earlier on another page.
        let mut doc: Vec<TextLine> = (1..=7)
            .map(|n| {
                sized(
                    &format!("{n} An earlier note."),
                    0,
                    n,
                    9.0,
                    600.0 + 12.0 * n as f32,
                )
            })
            .collect();
        for l in &mut doc {
            l.page = 1;
        }
        for l in &mut lines {
            l.page = 2;
        }
        let mut all: Vec<TextLine> = (0..14)
            .map(|k| sized(PROSE_LINE, 1, 100 + k, 11.0, 100.0 + 14.0 * k as f32))
            .collect();
        all.append(&mut doc);
        all.append(&mut lines);
        let z = find_zones(&all);
        let at = |text: &str| all.iter().position(|l| l.plain() == text).unwrap();
        assert!(zone_of(&z, at("9 Lucene implementation with tuned parameters.")).is_some());
        for label in ["90", "80", "BM25", "Top-k accuracy (%)"] {
            assert_eq!(zone_of(&z, at(label)), None, "{label}");
        }
    }

    const PROSE_LINE: &str = "Body text of the page above the notes that runs on.";
}
