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

fn text_of(drafts: &[Placed], slot: Slot) -> &str {
    match (&drafts[slot.0].draft, slot.1) {
        (Draft::List { items }, Some(i)) => &items[i].text,
        (Draft::Heading { text, .. } | Draft::Para { text }, _) => text,
        _ => "",
    }
}

fn text_of_mut(drafts: &mut [Placed], slot: Slot) -> Option<&mut String> {
    match (&mut drafts[slot.0].draft, slot.1) {
        (Draft::List { items }, Some(i)) => items.get_mut(i).map(|it| &mut it.text),
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
    let affiliations = take_affiliation_notes(drafts, notes, report);
    if !affiliations.is_empty() {
        super::notes::number(notes, false);
    }
    link_numbered(drafts, notes, paged, piece_pages, report);
    // After the linked notes, so the references' indices into `notes` stay valid; they
    // stay in the output as unlinked notes (nothing dropped).
    notes.extend(affiliations);
    super::notes::report_numbers(notes, report);
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
        if linked(&restart_report) > linked(&straight_report) {
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

fn mark_recovered(notes: &mut [NoteDraft], recovered: &[usize]) {
    for &i in recovered {
        if let Some(note) = notes.get_mut(i) {
            note.recovered = true;
        }
    }
}
