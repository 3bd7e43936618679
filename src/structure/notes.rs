//! Footnote texts: where they are (page-foot zones, endnote sections, or blocks an
//! extractor interleaved with the body), which number each carries, and their text with
//! the link lines that follow them.
//!
//! Labels are read but the sequence decides: notes are numbered 1, 2, 3… in order, so a
//! missing label takes the next number and a misread one (a `⁵` where 7 was due) is
//! corrected and reported.

use std::collections::{BTreeMap, BTreeSet};

use crate::lines::TextLine;
use crate::report::{Action, ActionKind, Report};
use crate::rich;

use super::classify::{NoteLabel, citation_score, note_label};
use super::joins::repair_spaced_urls;
use super::pieces::{Piece, PieceKind};
use super::text::ends_sentence;

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
    let mut zones = NoteZones::default();
    let paged = lines.iter().any(|l| l.page > 1) || lines.iter().any(|l| l.geometry.is_some());
    if !paged {
        return zones;
    }
    let body_size = crate::layout::body_font_size(lines);
    let mut expected = 1u32;
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
        let mut in_zone = false;
        let mut zone_small = false;
        for (k, &i) in idx.iter().enumerate() {
            // Notes sit low on the page, or are set smaller than the body (an endnote
            // page starts at its top).
            let small = match (lines[i].geometry, body_size) {
                (Some(g), Some(b)) => g.font_size < b * 0.96,
                _ => false,
            };
            let lower_part = k * 10 >= idx.len() * 3 || small;
            let next = idx.get(k + 1).map(|&j| &lines[j]);
            let prev = k.checked_sub(1).map(|p| &lines[idx[p]]);
            // PDF: a page-foot note is set smaller than the body, unless its label is
            // raised; a numbered line in body type is a list item or a numbered heading.
            let plain_in_body_type = lines[i].geometry.is_some()
                && body_size.is_some()
                && !small
                && !lines[i].text.starts_with(rich::SUP_ON);
            if let Some(n) = note_start(&lines[i], prev, next, expected, in_zone)
                && (lower_part || in_zone)
                && (!plain_in_body_type || in_zone)
                && (in_zone
                    || !continues_numbered_list(&lines[idx[k.saturating_sub(8)]..i], &lines[i]))
            {
                if !in_zone {
                    zone_id += 1;
                    in_zone = true;
                    zone_small = small;
                    if expected > 1
                        && let Some(from) = run_over_lines(lines, &idx[..k], body_size)
                    {
                        zones.continued.insert(from);
                        for &j in idx[..k].iter().filter(|&&j| j >= from) {
                            zones.zone.insert(j, zone_id);
                        }
                    }
                }
                zones.note_starts.insert(i);
                expected = n + 1;
            } else if in_zone && zone_small && plain_in_body_type {
                // A paragraph in body type below notes set smaller is never a note: the
                // zone ends above it.
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
            for i in first..end {
                zones.zone.insert(i, zone_id);
            }
        }
        page_start = page_end;
    }
    zones
}

/// The first of the lines just above a zone's first note that carry on the previous
/// note: PDF lines set in the notes' smaller type, none with a label, directly above the
/// note (so the body text ends above them). `above` holds the zone's page or column lines
/// before its first note.
fn run_over_lines(lines: &[TextLine], above: &[usize], body_size: Option<f32>) -> Option<usize> {
    let body = body_size?;
    let small = |i: usize| lines[i].geometry.is_some_and(|g| g.font_size < body * 0.96);
    let run = above
        .iter()
        .rev()
        .take_while(|&&i| small(i) && note_label(&lines[i].text, true).0 == NoteLabel::None)
        .count();
    // The body must be above the run: a page that is all small type is not a foot.
    (run > 0 && run < above.len() && run <= 6).then(|| above[above.len() - run])
}

/// The note number a line starts, if it starts the expected note.
fn note_start(
    line: &TextLine,
    prev: Option<&TextLine>,
    next: Option<&TextLine>,
    expected: u32,
    in_zone: bool,
) -> Option<u32> {
    let text = &line.text;
    let (label, len) = note_label(text, true);
    let n = match label {
        NoteLabel::Number(n) => n,
        _ => {
            // pdftotext -raw puts the label alone on its line.
            let t = line.plain();
            let n: u32 = t.trim().parse().ok()?;
            return (n == expected && next.is_some_and(|l| l.page == line.page)).then_some(n);
        }
    };
    if n < expected || n > expected + 2 {
        return None;
    }
    let raised = text.starts_with(rich::SUP_ON);
    let rest = &text[len..];
    // A note's citation may only show on its second line.
    let with_next = match next.filter(|l| l.page == line.page) {
        Some(n) => format!("{rest} {}", n.text),
        None => rest.to_string(),
    };
    let cited = citation_score(&with_next) >= 1.0;
    // The body above ended, or a gap of several lines parts the note from it (a page
    // whose paragraph runs on to the next page ends in mid-sentence).
    let gap = match (line.geometry, prev.and_then(|p| p.geometry)) {
        (Some(a), Some(b)) => a.baseline - b.baseline > 3.0 * b.font_size.max(a.font_size),
        _ => false,
    };
    let after_break =
        gap || prev.is_none_or(|p| ends_sentence(&p.text) || p.plain().chars().count() < 40);
    let smaller = match (line.geometry, prev.and_then(|p| p.geometry)) {
        (Some(a), Some(b)) => a.font_size < b.font_size * 0.95,
        _ => false,
    };
    // Outside a zone a plain number needs the look of a note: a citation, or smaller type
    // after the end of the body text.
    let ok = in_zone || raised || cited || (smaller && after_break);
    ok.then_some(n)
}

/// Whether `line` ("2. …") continues a numbered list that one of the lines before it on
/// the page started ("1. …"): then it is a list item, not note 2.
fn continues_numbered_list(before: &[TextLine], line: &TextLine) -> bool {
    let Some(m) = super::classify::line_marker(&line.text) else {
        return false;
    };
    let Some(n) = m
        .ordinal
        .filter(|_| m.class == super::classify::BulletClass::Number)
    else {
        return false;
    };
    before.iter().any(|l| {
        super::classify::line_marker(&l.text)
            .is_some_and(|p| p.class == m.class && p.ordinal == Some(n.saturating_sub(1)) && n > 1)
    })
}

/// A footnote as collected, before linking.
#[derive(Debug, Clone)]
pub struct NoteDraft {
    /// Number in the document's sequence (1-based).
    pub number: u32,
    /// Rich text, label removed, link lines appended.
    pub text: String,
    /// Page where the text stood.
    pub page: usize,
    /// Input lines.
    pub lines: Vec<usize>,
    /// Position among the pieces (for placing lost markers).
    pub order: usize,
}

/// Separates notes from body pieces; returns (notes in sequence, body pieces with their
/// original positions).
pub fn collect(pieces: Vec<Piece>, report: &mut Report) -> (Vec<NoteDraft>, Vec<(usize, Piece)>) {
    let mut notes: Vec<(NoteLabel, NoteDraft)> = Vec::new();
    let mut body = Vec::new();
    let mut last_was_note = false;
    for (order, piece) in pieces.into_iter().enumerate() {
        match piece.kind {
            PieceKind::Note(label) => {
                notes.push((
                    label,
                    NoteDraft {
                        number: 0,
                        text: piece.text,
                        page: piece.page,
                        lines: piece.lines,
                        order,
                    },
                ));
                last_was_note = true;
            }
            PieceKind::NoteContinued if !notes.is_empty() => {
                report.push(
                    Action::new(ActionKind::Guess)
                        .page(piece.page)
                        .lines(piece.lines.clone())
                        .before(rich::plain(&piece.text))
                        .evidence("note text carried over from the previous column or page")
                        .confidence(0.8),
                );
                if let Some((_, note)) = notes.last_mut() {
                    note.text.push(' ');
                    note.text.push_str(piece.text.trim());
                    note.lines.extend(piece.lines);
                }
                last_was_note = true;
            }
            PieceKind::Url if last_was_note => {
                if let Some((_, note)) = notes.last_mut() {
                    note.text.push(' ');
                    note.text.push_str(piece.text.trim());
                    note.lines.extend(piece.lines);
                }
            }
            PieceKind::NotesHeading => {
                report.push(
                    Action::new(ActionKind::Guess)
                        .page(piece.page)
                        .lines(piece.lines)
                        .before(rich::plain(&piece.text))
                        .evidence("notes heading: the notes that follow become footnotes")
                        .confidence(0.9),
                );
                last_was_note = true;
            }
            PieceKind::Url | PieceKind::NoteContinued => {
                let mut p = piece;
                p.kind = PieceKind::Text;
                body.push((order, p));
                last_was_note = false;
            }
            _ => {
                body.push((order, piece));
                last_was_note = false;
            }
        }
    }
    let labels: Vec<NoteLabel> = notes.iter().map(|(l, _)| *l).collect();
    let numbers = number_notes(&labels);
    let mut out = Vec::with_capacity(notes.len());
    for ((label, mut note), number) in notes.into_iter().zip(numbers) {
        note.number = number;
        note.text = repair_spaced_urls(note.text.trim(), report, note.page, &note.lines);
        let (evidence, confidence) = match label {
            NoteLabel::Number(n) if n == number => ("label read".to_string(), 1.0),
            NoteLabel::Number(n) => (
                format!("label {n} misread: the sequence gives {number}"),
                0.7,
            ),
            NoteLabel::Mangled => ("label mangled: numbered by sequence".to_string(), 0.8),
            NoteLabel::Symbol => ("symbol label: numbered by sequence".to_string(), 0.8),
            NoteLabel::None => (
                "no label: recognised by its shape and place, numbered by sequence".to_string(),
                0.7,
            ),
        };
        report.push(
            Action::new(ActionKind::FootnoteText)
                .page(note.page)
                .lines(note.lines.clone())
                .after(format!("{number}: {}", rich::plain(&note.text)))
                .evidence(evidence)
                .confidence(confidence),
        );
        out.push(note);
    }
    (out, body)
}

/// Numbers notes by sequence, trusting a printed label when it continues the sequence or
/// skips ahead by at most two (a note whose text was not found), and the sequence otherwise.
pub fn number_notes(labels: &[NoteLabel]) -> Vec<u32> {
    let mut out = Vec::with_capacity(labels.len());
    let mut expected = match labels.first() {
        Some(NoteLabel::Number(n)) if *n > 0 => *n,
        _ => 1,
    };
    for (i, label) in labels.iter().enumerate() {
        let number = match label {
            NoteLabel::Number(n) if *n == expected => *n,
            NoteLabel::Number(n) if *n > expected && *n <= expected + 2 => {
                // Accept a jump only if the next printed label agrees with it.
                let next_label = labels[i + 1..]
                    .iter()
                    .enumerate()
                    .find_map(|(k, l)| match l {
                        NoteLabel::Number(m) => Some((k as u32 + 1, *m)),
                        _ => None,
                    });
                match next_label {
                    Some((dist, m)) if m == *n + dist => *n,
                    None => *n,
                    _ => expected,
                }
            }
            _ => expected,
        };
        out.push(number);
        expected = number + 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use NoteLabel::*;

    #[test]
    fn sequence_beats_misread_labels() {
        assert_eq!(
            number_notes(&[None, Number(2), None, Number(4), Mangled]),
            vec![1, 2, 3, 4, 5]
        );
        // A '5' where 7 is due is a misreading.
        assert_eq!(number_notes(&[Number(6), Number(5), None]), vec![6, 7, 8]);
        // A jump confirmed by the next label means a note's text was not found.
        assert_eq!(
            number_notes(&[Number(1), Number(3), Number(4)]),
            vec![1, 3, 4]
        );
        // An unconfirmed jump is a misreading.
        assert_eq!(
            number_notes(&[Number(1), Number(3), Number(3)]),
            vec![1, 2, 3]
        );
    }

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
    fn carried_over_text_joins_the_last_note_not_a_new_one() {
        let piece = |kind: PieceKind, text: &str, line: usize| Piece {
            kind,
            text: text.into(),
            page: 1,
            lines: vec![line],
            indent: 0.0,
            blank_before: true,
            font_size: Option::None,
        };
        let pieces = vec![
            piece(PieceKind::Note(Number(1)), "First note, which runs", 1),
            piece(PieceKind::Text, "Body text in the next column.", 2),
            piece(PieceKind::NoteContinued, "on into the next column.", 3),
            piece(PieceKind::Note(Number(2)), "Second note.", 4),
        ];
        let mut report = Report::default();
        let (notes, body) = collect(pieces, &mut report);
        assert_eq!(notes.len(), 2);
        assert_eq!(
            notes[0].text,
            "First note, which runs on into the next column."
        );
        assert_eq!(notes[0].lines, vec![1, 3]);
        assert_eq!(body.len(), 1);
    }
}
