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
    body_size: Option<f32>,
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
    // In an endnote section a heading-like line ends the section, and so does a unit
    // without a label set in heading type, larger than the running text and so than any
    // note, whatever its words (the next article's title, over two lines, on the page
    // after the last note).
    if done.in_notes_section
        && at.zone == ZoneUnit::Body
        && label == NoteLabel::None
        && ((at.single && looks_like_heading_line(&at.first))
            || in_heading_type(at.unit, body_size))
        && !looks_like_citation(joined)
    {
        done.in_notes_section = false;
        return false;
    }
    // A notes section's note cut at a column's or page's foot goes on at the next one's
    // top, without a label: the rest of the note left unfinished above. Only a PDF's
    // pages and columns are sure (text input's page breaks are inferred, and a bare
    // label taken for a page number leaves its note unlabelled at a "page" top).
    if label == NoteLabel::None
        && at.column_top
        && at.unit.lines[0].geometry.is_some()
        && at.zone == ZoneUnit::Body
        && done.in_notes_section
        && done.out.last().is_some_and(|p| {
            matches!(p.kind, PieceKind::Note(_) | PieceKind::NoteContinued)
                && !crate::words::ends_sentence(&p.text)
        })
    {
        done.out.push(at.piece(
            PieceKind::NoteContinued,
            continued_note(at.unit, joined.to_string()),
        ));
        return true;
    }
    done.out.push(at.piece(
        PieceKind::Note(label),
        joined[len..].trim_start().to_string(),
    ));
    true
}

/// Whether every line of `unit` is set at least a fifth larger than the running text
/// (`body_size`); never for input without positions.
fn in_heading_type(unit: &Unit, body_size: Option<f32>) -> bool {
    body_size.is_some_and(|body| {
        body > 0.0
            && unit
                .lines
                .iter()
                .all(|l| l.geometry.is_some_and(|g| g.font_size >= 1.2 * body))
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lines::{TextLine, test_lines, test_placed};

    fn unit(lines: Vec<TextLine>) -> Unit {
        Unit {
            lines,
            blank_before: true,
        }
    }

    /// A title over two lines in 15 pt after notes in a 10 pt document is heading type;
    /// a line of the body's size, or one line of a larger pair, is not; text without
    /// positions never is.
    #[test]
    fn heading_type_is_every_line_a_fifth_over_the_body() {
        let title = |second: f32| {
            unit(vec![
                test_placed(
                    "Corporate responsibility and the",
                    10,
                    50.0,
                    500.0,
                    60.0,
                    15.0,
                ),
                test_placed("industry: hope or hype?", 10, 50.0, 300.0, 78.0, second),
            ])
        };
        assert!(in_heading_type(&title(15.0), Some(10.0)));
        assert!(!in_heading_type(&title(10.0), Some(10.0)));
        assert!(!in_heading_type(&title(15.0), None));
        let body = unit(vec![test_placed(
            "A note at body size.",
            10,
            50.0,
            400.0,
            60.0,
            11.0,
        )]);
        assert!(!in_heading_type(&body, Some(10.0)));
        assert!(!in_heading_type(
            &unit(test_lines("Plain text\nno positions")),
            Some(10.0)
        ));
    }
}
