//! Footnote texts collected from the pieces (page-foot zones found by `note_zones`,
//! endnote sections, or blocks an extractor interleaved with the body): which number each
//! carries, and their text with the link lines that follow them.
//!
//! Labels are read but the sequence decides: notes are numbered 1, 2, 3… in order, so a
//! missing label takes the next number and a misread one (a `⁵` where 7 was due) is
//! corrected and reported. The numbering is in [`numbering`].

use std::collections::BTreeMap;

use crate::report::{Action, ActionKind, Report};
use crate::rich;

use super::classify::NoteLabel;
use super::families::Family;
use super::joins::repair_spaced_urls;
use super::pieces::{Piece, PieceKind};
use super::table_notes;

mod numbering;

use numbering::{family_counts, label_text, likeliest_family};
pub use numbering::{keep_printed_label, number, number_notes, report_numbers};

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
pub fn collect(
    mut pieces: Vec<Piece>,
    report: &mut Report,
) -> (Vec<NoteDraft>, Vec<(usize, Piece)>) {
    keep_unlabelled_notes_sections(&mut pieces, report);
    let mut notes: Vec<(NoteLabel, NoteDraft)> = Vec::new();
    // Each note's first piece's setting, should it go back to the body.
    let mut settings: Vec<Setting> = Vec::new();
    let mut body = Vec::new();
    let mut last_was_note = false;
    // The notes headings, left out if notes stand under them.
    let mut headings: Vec<(usize, Piece)> = Vec::new();
    // Raised marks in the table just passed, while its notes may follow.
    let mut table_marks: Option<Vec<String>> = None;
    for (order, piece) in pieces.into_iter().enumerate() {
        if let PieceKind::Table(rows, _) = &piece.kind {
            table_marks = Some(table_notes::raised_marks(rows));
        } else if let (PieceKind::Note(label), Some(marks)) = (&piece.kind, &table_marks) {
            if let Some(printed) = table_notes::label_under_table(*label, marks) {
                report.push(
                    Action::new(ActionKind::Guess)
                        .page(piece.page)
                        .lines(piece.lines.clone())
                        .before(rich::plain(&piece.text))
                        .evidence(format!(
                            "table note '{printed}': a letter or symbol label right under a table whose cells carry the mark; kept with the table as its note, not a footnote"
                        ))
                        .confidence(0.8),
                );
                let mut p = piece;
                p.kind = PieceKind::TableNote(printed);
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
                settings.push(Setting {
                    indent: piece.indent,
                    blank_before: piece.blank_before,
                    font_size: piece.font_size,
                });
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
                    // The rest of a URL the note ended in joins it without a space.
                    let more = piece.text.trim();
                    let first = more.split_whitespace().next().unwrap_or("");
                    let is_last = !more.contains(char::is_whitespace);
                    if !super::joins::url_runs_on(&note.text, first, is_last) {
                        note.text.push(' ');
                    }
                    note.text.push_str(more);
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
                headings.push((order, piece));
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
    let (notes, settings) = set_apart_repeated_labels(notes, &settings, &mut body, report);
    let (notes, settings) = set_apart_wordless(notes, &settings, &mut body, report);
    let notes = set_apart_outsiders(notes, &settings, &mut body, report);
    place_notes_headings(headings, &notes, &mut body, report);
    let mut out: Vec<NoteDraft> = notes.into_iter().map(|(_, n)| n).collect();
    for note in &mut out {
        note.text = repair_spaced_urls(note.text.trim(), report, note.page, &note.lines);
    }
    number(&mut out, false);
    (out, body)
}

/// A "Notes" heading that nothing under it proves a notes section: no note under it
/// carries a label and no raised marker stands in the text before it (a form's "Notes:"
/// over a line of instructions, a report's section of remarks). The heading and its
/// paragraphs stay text as printed; numbering them as notes would invent labels and list
/// them as unlinked. With raised markers before it, unlabelled notes may still be linked
/// in sequence, and the section is left to the notes pass; so is extracted text, whose
/// markers are plain digits. Not when the raised numbers run far past the notes there
/// are: a journal's "Notes" holding one unlabelled line ("The author declares no
/// competing financial interest.") after citations raised up to 26 cite the references.
fn keep_unlabelled_notes_sections(pieces: &mut [Piece], report: &mut Report) {
    let mut raised = false;
    let mut highest = 0u32;
    for i in 0..pieces.len() {
        if pieces[i].kind != PieceKind::NotesHeading {
            raised |= pieces[i].text.contains(rich::SUP_ON);
            highest = highest.max(highest_raised_number(&pieces[i].text));
            continue;
        }
        let run = pieces[i + 1..]
            .iter()
            .take_while(|p| matches!(p.kind, PieceKind::Note(_) | PieceKind::NoteContinued))
            .count();
        let unlabelled = pieces[i + 1..i + 1 + run].iter().all(|p| {
            matches!(
                p.kind,
                PieceKind::Note(NoteLabel::None) | PieceKind::NoteContinued
            )
        });
        // Extracted text carries markers as plain digits: only a PDF's type can show
        // there are none.
        let measured = pieces[i].font_size.is_some();
        let notes = pieces[i + 1..i + 1 + run]
            .iter()
            .filter(|p| matches!(p.kind, PieceKind::Note(_)))
            .count();
        let outnumbered = highest as usize > 2 * notes + 2;
        if (raised && !outnumbered) || !unlabelled || !measured {
            continue;
        }
        let evidence = if raised {
            format!(
                "notes heading kept as text: no note under it carries a label, and the raised \
                 numbers before it run to {highest} for {notes} note(s) (they cite something else)"
            )
        } else {
            "notes heading kept as text: no note under it carries a label and no raised marker \
             comes before it"
                .to_string()
        };
        report.push(
            Action::new(ActionKind::Guess)
                .page(pieces[i].page)
                .lines(pieces[i].lines.clone())
                .before(rich::plain(&pieces[i].text))
                .evidence(evidence)
                .confidence(0.8),
        );
        for p in &mut pieces[i..=i + run] {
            p.kind = PieceKind::Text;
        }
    }
}

/// The highest number raised in `text` ("¹", "³⁻⁵", "¹²,¹⁴" read as 1, 5 and 14); 0 when
/// none is.
fn highest_raised_number(text: &str) -> u32 {
    rich::raised(text)
        .flat_map(|raised| raised.split(|c: char| !c.is_ascii_digit()))
        .filter_map(|n| n.parse::<u32>().ok())
        .max()
        .unwrap_or(0)
}

/// Leaves out each notes heading that notes stand under (they become footnotes), and
/// keeps as a heading one whose blocks all went back to the body: left out, its word
/// would be lost with nothing to show for it.
fn place_notes_headings(
    headings: Vec<(usize, Piece)>,
    notes: &[(NoteLabel, NoteDraft)],
    body: &mut Vec<(usize, Piece)>,
    report: &mut Report,
) {
    let orders: Vec<usize> = headings.iter().map(|(o, _)| *o).collect();
    // The notes stand in order: the first after a heading says whether one is under it.
    let note_orders: Vec<usize> = notes.iter().map(|(_, n)| n.order).collect();
    for (k, (order, mut piece)) in headings.into_iter().enumerate() {
        let until = orders.get(k + 1).copied().unwrap_or(usize::MAX);
        let next = note_orders.partition_point(|&o| o <= order);
        let heads_notes = note_orders.get(next).is_some_and(|&o| o < until);
        let action = Action::new(ActionKind::Guess)
            .page(piece.page)
            .lines(piece.lines.clone())
            .before(rich::plain(&piece.text));
        if heads_notes {
            report.push(
                action
                    .evidence("notes heading, left out: the notes that follow become footnotes")
                    .confidence(0.9),
            );
            continue;
        }
        report.push(
            action
                .evidence("notes heading kept as a heading: no note stands under it")
                .confidence(0.8),
        );
        piece.kind = PieceKind::Heading {
            number: None,
            run_in: false,
        };
        let at = body.partition_point(|(o, _)| *o < order);
        body.insert(at, (order, piece));
    }
}

/// How a piece was set, kept for a note that may go back to the body.
#[derive(Clone, Copy)]
struct Setting {
    indent: f32,
    blank_before: bool,
    font_size: Option<f32>,
}

/// Returns to the body the unlabelled (or otherwise labelled) blocks of a note area that
/// the printed labels run on without: in a document whose notes carry labels of one
/// family, a block with no label between notes labelled n and n + 1 (or before note 1)
/// is not one of them (a colophon at the foot of page 1, a symbol note on the authors, a
/// line of a column the page analysis misplaced). Numbering it would shift every later
/// note off its printed label; kept as body text it stays printed where it stood.
fn set_apart_outsiders(
    notes: Vec<(NoteLabel, NoteDraft)>,
    settings: &[Setting],
    body: &mut Vec<(usize, Piece)>,
    report: &mut Report,
) -> Vec<(NoteLabel, NoteDraft)> {
    let counts = family_counts(notes.iter().map(|(l, _)| l));
    let Some((family, labelled)) = likeliest_family(&counts) else {
        return notes;
    };
    let ordinal = |l: &NoteLabel| match *l {
        NoteLabel::Number(n) if family == Family::Arabic => Some(n),
        NoteLabel::Family(f, n) if f == family => Some(n),
        _ => None,
    };
    let others = notes
        .iter()
        .filter(|(l, _)| ordinal(l).is_none() && *l != NoteLabel::Mangled)
        .count();
    // Unlabelled blocks on pages before the first labelled note, which reads 1: none of
    // them is note 1 (a colophon at page 1's foot, "How to cite this article…"), however
    // few the labels.
    let lead = notes
        .iter()
        .position(|(l, _)| ordinal(l).is_some())
        .filter(|&k| {
            ordinal(&notes[k].0) == Some(1)
                && notes[..k]
                    .iter()
                    .all(|(l, n)| *l == NoteLabel::None && n.page < notes[k].1.page)
        })
        .unwrap_or(0);
    // Between labelled notes the labels themselves must be the document's habit.
    let by_labels = others > 0 && labelled >= 3 && labelled >= 2 * others;
    if lead == 0 && !by_labels {
        return notes;
    }
    let mut outsider = vec![false; notes.len()];
    outsider[..lead].fill(true);
    if by_labels {
        // The last labelled note's number and page.
        let mut prev: Option<(u32, usize)> = None;
        for i in 0..notes.len() {
            let label = &notes[i].0;
            if let Some(n) = ordinal(label) {
                prev = Some((n, notes[i].1.page));
                continue;
            }
            if *label == NoteLabel::Mangled {
                prev = None;
                continue;
            }
            let after = notes[i + 1..]
                .iter()
                .find(|(l, _)| ordinal(l).is_some() || *l == NoteLabel::Mangled);
            let next = after.and_then(|(l, _)| ordinal(l));
            let prev_n = prev.map(|(n, _)| n);
            outsider[i] |= matches!((prev_n, next), (Some(p), Some(q)) if q == p + 1)
                // After the last labelled note, pages on: no label ends the run there (a
                // journal's closing page of permissions under its own "Notes").
                || (after.is_none() && prev.is_some_and(|(_, page)| notes[i].1.page > page))
                || (prev_n.is_none() && next == Some(1) && i < notes.len() - 1 && {
                    // Before note 1: only when note 1 follows on the same page.
                    notes[i + 1..]
                        .iter()
                        .find(|(l, _)| ordinal(l).is_some())
                        .is_some_and(|(_, n)| n.page == notes[i].1.page)
                });
        }
    }
    return_to_body(
        notes,
        &outsider,
        settings,
        body,
        report,
        "block in the note area without a label of the notes' family, where the printed labels run on without it: kept as body text, not a note",
    )
    .0
}

/// Notes whose text holds no letter, only figures and signs ("1", "2,100 - -"): a table's
/// cells or a form's values caught in a note area. No note says nothing in words; as a
/// footnote each would be listed unlinked, out of the text it belongs to. They go back to
/// the body as printed.
fn set_apart_wordless(
    notes: Vec<(NoteLabel, NoteDraft)>,
    settings: &[Setting],
    body: &mut Vec<(usize, Piece)>,
    report: &mut Report,
) -> (Vec<(NoteLabel, NoteDraft)>, Vec<Setting>) {
    let wordless: Vec<bool> = notes
        .iter()
        .map(|(_, n)| !rich::plain(&n.text).chars().any(char::is_alphabetic))
        .collect();
    if !wordless.contains(&true) {
        return (notes, settings.to_vec());
    }
    return_to_body(
        notes,
        &wordless,
        settings,
        body,
        report,
        "block in the note area without a word, only figures: kept as body text, not a note",
    )
}

/// Notes reading one number again and again (three or more in a row on one page: "1 Np",
/// "1 Np", "1 Np") are a figure's numbering caught in a note area, not notes: numbered in
/// sequence, each would be given a label it never printed. They go back to the body.
fn set_apart_repeated_labels(
    notes: Vec<(NoteLabel, NoteDraft)>,
    settings: &[Setting],
    body: &mut Vec<(usize, Piece)>,
    report: &mut Report,
) -> (Vec<(NoteLabel, NoteDraft)>, Vec<Setting>) {
    let mut apart = vec![false; notes.len()];
    let mut start = 0;
    while start < notes.len() {
        let same = |k: usize| {
            matches!(notes[k].0, NoteLabel::Number(_))
                && notes[k].0 == notes[start].0
                && notes[k].1.page == notes[start].1.page
        };
        let end = (start..notes.len())
            .find(|&k| !same(k))
            .unwrap_or(notes.len());
        if end - start >= REPEATS {
            apart[start..end].fill(true);
        }
        start = end.max(start + 1);
    }
    return_to_body(
        notes,
        &apart,
        settings,
        body,
        report,
        "blocks in the note area that all read the same label: a figure's numbering, kept as body text, not notes",
    )
}

/// Notes in a row reading the same label that make them a figure's numbering.
const REPEATS: usize = 3;

/// Puts the notes flagged `apart` back in the body where they stood (as text, or set
/// aside when smaller than the body), reporting each with `evidence`; returns the notes
/// kept and their settings.
fn return_to_body(
    notes: Vec<(NoteLabel, NoteDraft)>,
    apart: &[bool],
    settings: &[Setting],
    body: &mut Vec<(usize, Piece)>,
    report: &mut Report,
    evidence: &'static str,
) -> (Vec<(NoteLabel, NoteDraft)>, Vec<Setting>) {
    let body_size = body_font_size(body);
    let mut kept = Vec::with_capacity(notes.len());
    let mut kept_settings = Vec::with_capacity(notes.len());
    for (((label, note), &apart), &setting) in notes.into_iter().zip(apart).zip(settings) {
        if !apart {
            kept.push((label, note));
            kept_settings.push(setting);
            continue;
        }
        report.push(
            Action::new(ActionKind::Guess)
                .page(note.page)
                .lines(note.lines.clone())
                .before(rich::plain(&note.text))
                .evidence(evidence)
                .confidence(0.7),
        );
        // Smaller than the body (or, without sizes, a short line): note-area matter
        // set apart from the running text; at body size, running text the note area
        // took in, which joins its neighbours as usual.
        let aside = match (setting.font_size, body_size) {
            (Some(size), Some(body)) => size < body * 0.92,
            _ => rich::plain(&note.text).split_whitespace().count() <= 8,
        };
        let at = body.partition_point(|(o, _)| *o < note.order);
        body.insert(
            at,
            (
                note.order,
                Piece {
                    kind: if aside {
                        PieceKind::Aside
                    } else {
                        PieceKind::Text
                    },
                    text: match label_text(label) {
                        Some(printed) => format!("{printed} {}", note.text),
                        None => note.text,
                    },
                    page: note.page,
                    lines: note.lines,
                    indent: setting.indent,
                    blank_before: setting.blank_before,
                    font_size: setting.font_size,
                    ends_full: false,
                },
            ),
        );
    }
    (kept, kept_settings)
}

/// The body's font size: the size most of its running text is set in (PDF input).
fn body_font_size(body: &[(usize, Piece)]) -> Option<f32> {
    let mut weight: BTreeMap<u32, usize> = BTreeMap::new();
    for (_, p) in body {
        if let (PieceKind::Text, Some(size)) = (&p.kind, p.font_size)
            && size > 0.0
        {
            *weight.entry((size * 2.0).round() as u32).or_default() += p.text.len();
        }
    }
    weight
        .into_iter()
        .max_by_key(|&(size, w)| (w, size))
        .map(|(size, _)| size as f32 / 2.0)
}

#[cfg(test)]
mod tests;
