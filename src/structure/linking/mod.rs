//! Footnote linking: markers in the body matched to the notes, by sequence.
//!
//! Candidates are raised or lowered numbers, digits glued after punctuation or a closing
//! quote (`1961.2`, `ally."9`) and digits after a sentence end (`roubles. 6`). Walking the
//! body in order, a candidate is a marker when its number is the next note expected (or
//! skips a few whose markers were lost); anything else — years, quantities, "COVID-19" —
//! stays text. Notes left without a marker get one at the sentence end that fits best
//! between the neighbouring markers, and the report says so.

use crate::report::{ActionKind, Report};

use super::assemble::{Draft, Placed};
use super::notes::NoteDraft;

mod authors;
mod candidates;
mod page_feet;
mod recover;
mod repeats;
mod sequence;

use authors::take_affiliation_notes;
use sequence::link;

/// Where a text lives among the drafts: block index, and item index for lists.
type Slot = (usize, Option<usize>);

fn slots(drafts: &[Placed]) -> Vec<Slot> {
    let mut out = Vec::new();
    for (b, p) in drafts.iter().enumerate() {
        match &p.draft {
            Draft::List { items } => out.extend((0..items.len()).map(|i| (b, Some(i)))),
            _ => out.push((b, None)),
        }
    }
    out
}

/// The slots of [`slots`], with each table cell a slot of its own (its index counted
/// row by row through the table): where raised markers continuing the note sequence are
/// looked for.
fn slots_with_cells(drafts: &[Placed]) -> Vec<Slot> {
    let mut out = Vec::new();
    for (b, p) in drafts.iter().enumerate() {
        match &p.draft {
            Draft::List { items } => out.extend((0..items.len()).map(|i| (b, Some(i)))),
            Draft::Table { rows, .. } => {
                out.extend((0..rows.iter().map(Vec::len).sum()).map(|k| (b, Some(k))))
            }
            _ => out.push((b, None)),
        }
    }
    out
}

/// Row and column of a table's `k`-th cell, counted row by row; found by row lengths,
/// not by walking every cell before it.
fn cell_at(rows: &[Vec<String>], mut k: usize) -> Option<(usize, usize)> {
    for (r, row) in rows.iter().enumerate() {
        if k < row.len() {
            return Some((r, k));
        }
        k -= row.len();
    }
    None
}

/// Whether the slot is a table's cell.
fn is_cell(drafts: &[Placed], slot: Slot) -> bool {
    matches!(drafts[slot.0].draft, Draft::Table { .. }) && slot.1.is_some()
}

fn text_of(drafts: &[Placed], slot: Slot) -> &str {
    match (&drafts[slot.0].draft, slot.1) {
        (Draft::List { items }, Some(i)) => &items[i].text,
        (Draft::Table { rows, .. }, Some(k)) => {
            cell_at(rows, k).map_or("", |(r, c)| rows[r][c].as_str())
        }
        (Draft::Heading { text, .. } | Draft::Para { text }, _) => text,
        _ => "",
    }
}

/// The last 40 visible characters of rich text: where a reference goes, for the report.
fn context_before(text: &str) -> String {
    let plain = crate::rich::plain(text);
    let skip = plain.chars().count().saturating_sub(40);
    plain.chars().skip(skip).collect()
}

fn text_of_mut(drafts: &mut [Placed], slot: Slot) -> Option<&mut String> {
    match (&mut drafts[slot.0].draft, slot.1) {
        (Draft::List { items }, Some(i)) => items.get_mut(i).map(|it| &mut it.text),
        (Draft::Table { rows, .. }, Some(k)) => cell_at(rows, k).map(|(r, c)| &mut rows[r][c]),
        (Draft::Heading { text, .. } | Draft::Para { text }, _) => Some(text),
        _ => None,
    }
}

/// Links markers to notes, deciding first whether the document numbers its notes
/// straight through or starts again (per page, section or chapter): where the labels
/// suggest restarts, both readings are tried and restarts are kept only when they link
/// more raised markers (or note symbols) than numbering straight through does. The notes are left
/// numbered the way that won, and their numbers and labels are reported. `piece_pages`
/// holds the page of each piece by its position.
pub fn link_notes(
    drafts: &mut Vec<Placed>,
    notes: &mut Vec<NoteDraft>,
    paged: bool,
    piece_pages: &[usize],
    report: &mut Report,
) {
    let mut affiliations = take_affiliation_notes(drafts, notes, report);
    affiliations.extend(take_unnumbered_lead(notes, report));
    if !affiliations.is_empty() {
        super::notes::number(notes, false);
    }
    affiliations
        .iter_mut()
        .for_each(super::notes::keep_printed_label);
    link_numbered(drafts, notes, paged, piece_pages, report);
    repeats::link_repeats(drafts, notes, report);
    // After the linked notes, so the references' indices into `notes` stay valid; they
    // stay in the output as unlinked notes (nothing dropped).
    notes.extend(affiliations);
    super::notes::report_numbers(notes, report);
}

/// Most notes a document may open with, outside the numbered notes after them.
const MAX_LEAD: usize = 3;

/// The notes before the document's numbered ones that carry no number (an author's "†",
/// a table's "a"), when the numbered notes after them read 1, 2, 3 one after another:
/// counted into the sequence, they would renumber every note after them ("1" printed,
/// "3" given). Taken out, they stay in the output as unlinked notes.
fn take_unnumbered_lead(notes: &mut Vec<NoteDraft>, report: &mut Report) -> Vec<NoteDraft> {
    use super::classify::NoteLabel;
    let Some(first) = notes
        .iter()
        .position(|n| matches!(n.read, NoteLabel::Number(_)))
    else {
        return Vec::new();
    };
    if first == 0 || first > MAX_LEAD || !opens_one_two_three(&notes[first..]) {
        return Vec::new();
    }
    let taken: Vec<NoteDraft> = notes.drain(..first).collect();
    report.push(
        crate::report::Action::new(ActionKind::Guess)
            .page(taken[0].page)
            .lines(taken.iter().flat_map(|n| n.lines.iter().copied()).take(1))
            .evidence(format!(
                "{first} note(s) without a number before notes numbered 1, 2, 3: kept as unlinked notes, out of the numbering"
            ))
            .confidence(0.7),
    );
    taken
}

/// [`link_notes`] once the notes are known to be notes.
fn link_numbered(
    drafts: &mut Vec<Placed>,
    notes: &mut Vec<NoteDraft>,
    paged: bool,
    piece_pages: &[usize],
    report: &mut Report,
) {
    let mut restarted = notes.clone();
    if super::notes::number(&mut restarted, true) > 1 {
        // Markers the page proves (raised, lowered, note symbols), not digits in text.
        let linked = |r: &Report| {
            r.actions
                .iter()
                .filter(|a| {
                    a.kind == ActionKind::MarkerRepaired
                        && a.evidence.as_deref().is_some_and(|e| {
                            e.starts_with("raised")
                                || e.starts_with("lowered")
                                || e.starts_with("note symbol")
                        })
                })
                .count()
        };
        let mut straight_drafts = drafts.clone();
        let mut straight_report = Report::default();
        let straight_recovered = link(
            &mut straight_drafts,
            notes,
            paged,
            piece_pages,
            &mut straight_report,
        );
        let mut restart_drafts = drafts.clone();
        let mut restart_report = Report::default();
        let restart_recovered = link(
            &mut restart_drafts,
            &restarted,
            paged,
            piece_pages,
            &mut restart_report,
        );
        // Runs that each open on labels read 1, 2, 3 are printed restarts: then the
        // restarted reading wins unless the straight one links a tenth more (read
        // straight, the second run's markers from 7 on link to the wrong notes, as many
        // as the restarted reading links right).
        let printed_restarts = restarts_read_in_print(&restarted);
        let (with_restarts, straight) = (linked(&restart_report), linked(&straight_report));
        let near = with_restarts * 10 >= straight * 9;
        if with_restarts > straight || printed_restarts && near {
            *drafts = restart_drafts;
            *notes = restarted;
            report.actions.extend(restart_report.actions);
            mark_recovered(notes, &restart_recovered);
        } else {
            *drafts = straight_drafts;
            report.actions.extend(straight_report.actions);
            mark_recovered(notes, &straight_recovered);
        }
    } else {
        let recovered = link(drafts, notes, paged, piece_pages, report);
        mark_recovered(notes, &recovered);
    }
}

/// Whether every run after the first opens on three notes whose labels read 1, 2, 3.
fn restarts_read_in_print(notes: &[NoteDraft]) -> bool {
    let starts: Vec<usize> = (1..notes.len())
        .filter(|&i| notes[i].run != notes[i - 1].run)
        .collect();
    !starts.is_empty() && starts.iter().all(|&i| opens_one_two_three(&notes[i..]))
}

/// Whether the first three of `notes` carry labels read 1, 2, 3: a numbering printed as
/// starting there.
fn opens_one_two_three(notes: &[NoteDraft]) -> bool {
    use super::classify::NoteLabel;
    notes.iter().take(3).map(|n| n.read).eq([
        NoteLabel::Number(1),
        NoteLabel::Number(2),
        NoteLabel::Number(3),
    ])
}

fn mark_recovered(notes: &mut [NoteDraft], recovered: &[usize]) {
    for &i in recovered {
        if let Some(note) = notes.get_mut(i) {
            note.recovered = true;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::structure::classify::NoteLabel;
    use crate::structure::families::Family;

    fn read(read: NoteLabel, order: usize) -> NoteDraft {
        NoteDraft {
            number: order as u32 + 1,
            text: format!("note {order}"),
            page: 1,
            lines: vec![order],
            order,
            label: String::new(),
            family: Family::Arabic,
            recovered: false,
            ordinal: order as u32 + 1,
            run: 0,
            read,
        }
    }

    /// An author's "†" and a table's "a" before notes numbered 1, 2, 3.
    const LEAD_THEN_ONE_TWO_THREE: [NoteLabel; 5] = [
        NoteLabel::Family(Family::Symbol, 2),
        NoteLabel::Family(Family::Letter, 1),
        NoteLabel::Number(1),
        NoteLabel::Number(2),
        NoteLabel::Number(3),
    ];

    /// Notes in order, each read with its label.
    fn drafts(labels: &[NoteLabel]) -> Vec<NoteDraft> {
        labels
            .iter()
            .enumerate()
            .map(|(k, &l)| read(l, k))
            .collect()
    }

    #[test]
    fn unnumbered_notes_before_notes_read_one_two_three_stay_out_of_the_numbering() {
        let labels = LEAD_THEN_ONE_TWO_THREE;
        let mut notes = drafts(&labels);
        let mut report = Report::default();
        let taken = take_unnumbered_lead(&mut notes, &mut report);
        assert_eq!(taken.len(), 2);
        assert_eq!(notes.len(), 3);
        assert_eq!(report.count(ActionKind::Guess), 1);
        // Numbered notes that do not read 1, 2, 3 keep the notes before them in sequence.
        let mut notes = drafts(&[labels[0], NoteLabel::Number(2), NoteLabel::Number(3)]);
        assert!(take_unnumbered_lead(&mut notes, &mut report).is_empty());
        assert_eq!(notes.len(), 3);
    }

    #[test]
    fn notes_taken_out_of_the_numbering_keep_their_printed_labels() {
        let mut notes = drafts(&LEAD_THEN_ONE_TWO_THREE);
        // The sequence numbers all five, the lead as 1 and 2.
        crate::structure::notes::number(&mut notes, false);
        assert_eq!(notes[0].label, "1");
        let mut report = Report::default();
        link_notes(&mut Vec::new(), &mut notes, false, &[], &mut report);
        let labels: Vec<&str> = notes.iter().map(|n| n.label.as_str()).collect();
        assert_eq!(labels, ["1", "2", "3", "†", "a"]);
    }

    #[test]
    fn a_restart_is_printed_when_each_new_run_opens_on_one_two_three() {
        let mut notes: Vec<NoteDraft> = [1, 2, 3, 1, 2, 3, 4]
            .iter()
            .enumerate()
            .map(|(k, &n)| read(NoteLabel::Number(n), k))
            .collect();
        for n in &mut notes[3..] {
            n.run = 1;
        }
        assert!(restarts_read_in_print(&notes));
        // A run opening on a label read 2 (its 1 lost) is no printed restart.
        notes[3].read = NoteLabel::None;
        assert!(!restarts_read_in_print(&notes));
        // Nor is a single run.
        for n in &mut notes {
            n.run = 0;
        }
        assert!(!restarts_read_in_print(&notes));
    }
}
