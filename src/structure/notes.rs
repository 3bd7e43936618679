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
use super::families::{self, Family};
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
            };
            if let Some((f, n)) = note_start(&lines[i], prev, next, due, in_zone)
                && (lower_part || in_zone)
                && (!plain_in_body_type || in_zone)
                && (in_zone
                    || !continues_numbered_list(&lines[idx[k.saturating_sub(8)]..i], &lines[i]))
            {
                if !in_zone {
                    zone_id += 1;
                    in_zone = true;
                    zone_small = small;
                    if family.is_some()
                        && let Some(from) = run_over_lines(lines, &idx[..k], body_size)
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

/// In extracted text (no geometry to end a zone), a heading below notes: a short
/// title-like line, with no label, quotation, comma or link, before a line that opens
/// no note. `pdftotext -raw` of a two-column page puts the left column's notes before the
/// right column, which often opens with a heading.
fn heading_after_notes(line: &TextLine, next: Option<&TextLine>) -> bool {
    let plain = line.plain();
    line.geometry.is_none()
        && super::text::words(&plain) <= 8
        && !plain.contains(['“', '”', '"', ',', ':'])
        && note_label(&line.text, true).0 == NoteLabel::None
        && super::classify::looks_like_heading_line(&line.text)
        && next.is_some_and(|n| {
            note_label(&n.text, true).0 == NoteLabel::None
                && super::text::first_letter(&n.text).is_some_and(char::is_uppercase)
        })
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

/// What the zone finder expects of the next note.
#[derive(Debug, Clone, Copy)]
struct Due {
    /// The family of the notes so far (none before the first note).
    family: Option<Family>,
    /// The ordinal due next.
    ordinal: u32,
    /// Whether the sequence may start again here (a zone opening on a later page).
    restart_ok: bool,
    /// Whether the line is set smaller than the body.
    small: bool,
}

/// The family and ordinal of the note a line starts, if it starts the expected note, or
/// starts the sequence again where that is allowed: a restart needs a raised label, a
/// symbol, or (for roman numerals and letters) type smaller than the body; a plain "1" in
/// small type is too often a list or a reference list to restart arabic notes.
fn note_start(
    line: &TextLine,
    prev: Option<&TextLine>,
    next: Option<&TextLine>,
    due: Due,
    in_zone: bool,
) -> Option<(Family, u32)> {
    let text = &line.text;
    let (label, len) = note_label(text, true);
    let raised = text.starts_with(rich::SUP_ON);
    let (family, n) = match label {
        NoteLabel::Number(n) => (Family::Arabic, n),
        // "i" is roman one, or the ninth letter in a lettered sequence.
        NoteLabel::Family(f, n) => match due.family {
            Some(d) if d != f => (
                d,
                families::ordinal_in(&families::printed(f, n), d).unwrap_or(0),
            ),
            _ => (f, n),
        },
        _ => {
            // pdftotext -raw puts the label alone on its line.
            if due.family.is_some_and(|f| f != Family::Arabic) {
                return None;
            }
            let t = line.plain();
            let n: u32 = t.trim().parse().ok()?;
            return (n == due.ordinal && next.is_some_and(|l| l.page == line.page))
                .then_some((Family::Arabic, n));
        }
    };
    // A plain "*" opening the notes is as often a bullet or a correspondence line: it
    // opens them only before a "†" note.
    let lone_asterisk = family == Family::Symbol
        && n == 1
        && !raised
        && !next.is_some_and(|l| rich::plain(&l.text).trim_start().starts_with('†'));
    if lone_asterisk && due.family != Some(Family::Symbol) {
        return None;
    }
    let expected = due.ordinal;
    let in_sequence = match due.family {
        // The first note: an arabic sequence may open a little late (its first note's
        // text not found); other families open at their first label.
        None => n <= if family == Family::Arabic { 3 } else { 1 },
        // Numbered notes after a zone of lettered or symbol notes (a table's notes, a
        // title page's author notes) open a zone of their own at a raised, small 1.
        Some(d @ (Family::Letter | Family::Symbol))
            if family == Family::Arabic && !in_zone && n == 1 && raised && due.small =>
        {
            d != family
        }
        Some(d) => {
            d == family
                && ((n >= expected && n <= expected + 2)
                    || n == 1
                        && due.restart_ok
                        && (raised
                            || family == Family::Symbol
                            || family != Family::Arabic && due.small))
        }
    };
    if !in_sequence || n == 0 {
        return None;
    }

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
    ok.then_some((family, n))
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
    /// The label the note carries, in its family's print ("3", "iv", "b", "†"): as
    /// printed when it was read, as the sequence gives it when it was lost or misread.
    pub label: String,
    /// The family of the document's note labels.
    pub family: Family,
    /// Whether the body had lost this note's marker and linking put it back.
    pub recovered: bool,
    /// The note's place in its run's sequence (what its label stands for).
    pub ordinal: u32,
    /// The run of notes it belongs to: 0 where numbering goes straight through; a
    /// document whose numbering starts again per page, section or chapter has several.
    pub run: usize,
    /// The label as read at the note's start.
    pub read: NoteLabel,
}

/// Separates notes from body pieces; returns (notes in sequence, body pieces with their
/// original positions).
pub fn collect(pieces: Vec<Piece>, report: &mut Report) -> (Vec<NoteDraft>, Vec<(usize, Piece)>) {
    let mut notes: Vec<(NoteLabel, NoteDraft)> = Vec::new();
    let mut body = Vec::new();
    let mut last_was_note = false;
    // Raised marks in the table just passed, while its notes may follow.
    let mut table_marks: Option<Vec<String>> = None;
    for (order, piece) in pieces.into_iter().enumerate() {
        if let PieceKind::Table(rows) = &piece.kind {
            table_marks = Some(raised_marks(rows));
        } else if let (PieceKind::Note(label), Some(marks)) = (&piece.kind, &table_marks) {
            if let Some(printed) = table_note_label(*label, marks) {
                report.push(
                    Action::new(ActionKind::Guess)
                        .page(piece.page)
                        .lines(piece.lines.clone())
                        .before(rich::plain(&piece.text))
                        .evidence(format!(
                            "table note '{printed}': a letter or symbol label right under a table whose cells carry the mark; kept as text after the table, not a footnote"
                        ))
                        .confidence(0.8),
                );
                let mut p = piece;
                p.text = format!("{printed} {}", p.text.trim_start());
                p.kind = PieceKind::Text;
                body.push((order, p));
                last_was_note = false;
                continue;
            }
            table_marks = None;
        } else {
            table_marks = None;
        }
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
                        label: String::new(),
                        family: Family::Arabic,
                        ordinal: 0,
                        run: 0,
                        read: label,
                        recovered: false,
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
    let mut out: Vec<NoteDraft> = notes.into_iter().map(|(_, n)| n).collect();
    for note in &mut out {
        note.text = repair_spaced_urls(note.text.trim(), report, note.page, &note.lines);
    }
    number(&mut out, false);
    (out, body)
}

/// The raised marks in a table's cells ("1420^a" gives "a").
fn raised_marks(rows: &[Vec<String>]) -> Vec<String> {
    let mut marks = Vec::new();
    for cell in rows.iter().flatten() {
        let mut rest = cell.as_str();
        while let Some(s) = rest.find(rich::SUP_ON) {
            let inner = &rest[s + rich::SUP_ON.len_utf8()..];
            let Some(e) = inner.find(rich::SUP_OFF) else {
                break;
            };
            marks.extend(
                inner[..e]
                    .split([',', ' '])
                    .filter(|m| !m.is_empty())
                    .map(str::to_string),
            );
            rest = &inner[e..];
        }
    }
    marks
}

/// A note right under a table is the table's own when its label is a letter or a symbol
/// (the families tables use, so as not to clash with the page's numbered notes) and the
/// table carries a mark of that family. Returns the label as printed.
fn table_note_label(label: NoteLabel, marks: &[String]) -> Option<String> {
    let NoteLabel::Family(family @ (Family::Letter | Family::Symbol), ordinal) = label else {
        return None;
    };
    marks
        .iter()
        .any(|m| families::ordinal_in(m, family).is_some())
        .then(|| families::printed(family, ordinal))
}

/// Numbers the notes from their labels (see [`sequence`]): straight through, or, with
/// `restarts`, in runs where the numbering starts again. Returns the number of runs.
pub fn number(notes: &mut [NoteDraft], restarts: bool) -> usize {
    let labels: Vec<NoteLabel> = notes.iter().map(|n| n.read).collect();
    let places: Vec<(usize, usize)> = notes.iter().map(|n| (n.page, n.order)).collect();
    let seq = sequence(&labels, &places, restarts);
    for (note, &(number, ordinal, run)) in notes.iter_mut().zip(&seq.numbers) {
        note.number = number;
        note.ordinal = ordinal;
        note.run = run;
        note.family = seq.family;
        note.label = families::printed(seq.family, ordinal);
    }
    seq.runs
}

/// Records each note's number and label as the linking left them, and the family and
/// runs of the labels when they are not plain numbers straight through.
pub fn report_numbers(notes: &[NoteDraft], report: &mut Report) {
    let Some(first) = notes.first() else {
        return;
    };
    let runs = notes.iter().map(|n| n.run).max().unwrap_or(0) + 1;
    if first.family != Family::Arabic || runs > 1 {
        let restarts = if runs > 1 {
            format!(
                ", numbering starts again {} times (per page, section or chapter); a marker is linked within its run",
                runs - 1
            )
        } else {
            String::new()
        };
        report.push(
            Action::new(ActionKind::Guess)
                .evidence(format!(
                    "note labels: {} family{restarts}",
                    family_name(first.family)
                ))
                .confidence(0.8),
        );
    }
    for note in notes {
        let printed = label_text(note.read);
        let (evidence, confidence) = match (note.read, &printed) {
            (NoteLabel::Mangled, _) => ("label mangled: numbered by sequence".to_string(), 0.8),
            (NoteLabel::None, _) => (
                "no label: recognised by its shape and place, numbered by sequence".to_string(),
                0.7,
            ),
            (_, Some(p)) if *p == note.label => (format!("label {p} read"), 1.0),
            (_, Some(p)) => (
                format!("label {p} misread: the sequence gives {}", note.label),
                0.7,
            ),
            (_, None) => ("label unreadable: numbered by sequence".to_string(), 0.8),
        };
        report.push(
            Action::new(ActionKind::FootnoteText)
                .page(note.page)
                .lines(note.lines.clone())
                .after(format!(
                    "{} (printed label {}): {}",
                    note.number,
                    note.label,
                    rich::plain(&note.text)
                ))
                .evidence(evidence)
                .confidence(confidence),
        );
    }
}

/// The text of a label as read.
fn label_text(label: NoteLabel) -> Option<String> {
    match label {
        NoteLabel::Number(n) => Some(n.to_string()),
        NoteLabel::Family(f, n) => Some(families::printed(f, n)),
        _ => None,
    }
}

fn family_name(family: Family) -> &'static str {
    match family {
        Family::Arabic => "arabic",
        Family::RomanLower => "lower-case roman",
        Family::RomanUpper => "upper-case roman",
        Family::Letter => "letter",
        Family::Symbol => "symbol",
    }
}

/// How a document's notes are numbered.
#[derive(Debug)]
struct Sequence {
    /// The family most labels belong to.
    family: Family,
    /// How many runs the numbering makes (1 when it never starts again).
    runs: usize,
    /// Per note: number across the document (unique, increasing), ordinal in its run,
    /// run.
    numbers: Vec<(u32, u32, usize)>,
}

/// Reads the notes' labels as one family (the one most labels belong to) and splits the
/// notes into runs where the numbering starts again: a label reading 1 after a later one,
/// on another page or after body text (so not a misread label within a block of notes).
/// Each run is numbered by [`number_notes`]; the document-wide number of a note is its
/// ordinal after the runs before it.
fn sequence(labels: &[NoteLabel], places: &[(usize, usize)], restarts: bool) -> Sequence {
    let mut counts: BTreeMap<Family, usize> = BTreeMap::new();
    for l in labels {
        match l {
            NoteLabel::Number(_) => *counts.entry(Family::Arabic).or_default() += 1,
            NoteLabel::Family(f, _) => *counts.entry(*f).or_default() += 1,
            _ => {}
        }
    }
    // "i", "v", "x" read first as roman: in a lettered document they are letters.
    let letters = counts.get(&Family::Letter).copied().unwrap_or(0);
    let family = counts
        .iter()
        .max_by_key(|&(f, c)| (*c, *f == Family::Arabic))
        .map_or(Family::Arabic, |(f, _)| *f);
    let family = if family == Family::RomanLower && letters > 0 {
        // A lettered run reaching i: roman readings are letters when letters also show.
        let roman = counts.get(&Family::RomanLower).copied().unwrap_or(0);
        if letters >= roman / 2 {
            Family::Letter
        } else {
            family
        }
    } else {
        family
    };
    let reading: Vec<NoteLabel> = labels
        .iter()
        .map(|l| match *l {
            NoteLabel::Number(n) if family == Family::Arabic => NoteLabel::Number(n),
            NoteLabel::Family(f, n) if f == family => NoteLabel::Number(n),
            NoteLabel::Family(f, n) => families::ordinal_in(&families::printed(f, n), family)
                .map_or(NoteLabel::Mangled, NoteLabel::Number),
            NoteLabel::Number(_) => NoteLabel::Mangled,
            other => other,
        })
        .collect();
    // Runs: a 1 after a higher label, on another page or with body text between.
    let mut starts = vec![0];
    let mut last_read: Option<(u32, usize)> = None;
    for (i, l) in reading.iter().enumerate() {
        if let NoteLabel::Number(n) = *l {
            if let Some((prev, prev_i)) = last_read
                && restarts
                && n == 1
                && prev >= 1
                && (places[i].0 != places[prev_i].0 || places[i].1 > places[i - 1].1 + 2)
            {
                starts.push(i);
            }
            last_read = Some((n, i));
        }
    }
    starts.dedup();
    let mut numbers = Vec::with_capacity(labels.len());
    let mut base = 0u32;
    for (r, &start) in starts.iter().enumerate() {
        let end = starts.get(r + 1).copied().unwrap_or(labels.len());
        let ordinals = number_notes(&reading[start..end]);
        for &o in &ordinals {
            numbers.push((base + o, o, r));
        }
        if starts.len() > 1 {
            base += ordinals.iter().copied().max().unwrap_or(0);
        }
    }
    Sequence {
        family,
        runs: starts.len(),
        numbers,
    }
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
