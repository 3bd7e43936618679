//! Units inside a note area or a notes section: the rest of the last note's URL, a URL,
//! or a note with its label.

use crate::report::{Action, ActionKind, Report};
use crate::structure::classify::{NoteLabel, is_url_only, looks_like_heading_line, note_label};
use crate::structure::joins::is_url_fragment;
use crate::structure::units::Unit;

use super::PieceKind;
use super::kinds::{Classified, Current};
use super::note_context::looks_like_citation;
use super::zones::ZoneUnit;

/// The text of a note's continuation: pieces of a URL, one per line, are one piece of it.
pub(super) fn continued_note(unit: &Unit, joined: String) -> String {
    if unit.lines.iter().all(|l| is_url_fragment(&l.plain_cow())) {
        unit.lines
            .iter()
            .map(|l| l.plain_cow().trim().to_string())
            .collect()
    } else {
        joined
    }
}

/// A unit in a note area or a notes section: the rest of the last note's URL, a URL, or a
/// note. Returns false when a heading-like line ends the notes section instead (then the
/// unit is classified as body text would be).
pub(super) fn note_in_note_area(
    at: &Current,
    joined: &str,
    done: &mut Classified,
    report: &mut Report,
) -> bool {
    // The rest of the last note's URL, set apart by a blank line ("…-perform" / "" /
    // "ance-review"): joined to it.
    if let Some(last) = done
        .out
        .last_mut()
        .filter(|p| matches!(p.kind, PieceKind::Note(_)))
        && at.single
        && !joined.contains(char::is_whitespace)
        && crate::structure::joins::url_runs_on(&last.text, joined, true)
    {
        report.push(
            Action::new(ActionKind::UrlJoined)
                .page(at.unit.page())
                .lines(at.unit.source_lines())
                .before(crate::rich::plain(joined))
                .evidence("URL of the note above continued after a blank line")
                .confidence(0.8),
        );
        last.text.push_str(joined);
        last.lines.extend(at.unit.source_lines());
        return true;
    }
    if is_url_only(joined) {
        done.out.push(at.piece(PieceKind::Url, joined.to_string()));
        return true;
    }
    let (label, len) = note_label(joined, true);
    // In an endnote section a heading-like line ends the section.
    if done.in_notes_section
        && at.zone == ZoneUnit::Body
        && label == NoteLabel::None
        && at.single
        && looks_like_heading_line(&at.first)
        && !looks_like_citation(joined)
    {
        done.in_notes_section = false;
        return false;
    }
    done.out.push(at.piece(
        PieceKind::Note(label),
        joined[len..].trim_start().to_string(),
    ));
    true
}
