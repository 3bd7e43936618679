//! Headings made from a line's shape in extracted text, kept only when they do the work of
//! one: a heading introduces body — a paragraph of prose, a list, a table, or a further
//! heading that does. A run of short lines none of which introduces prose (an address
//! block, a form's field rows, a table's header row) stays as printed.

use crate::structure::classify::{NoteLabel, citation_score, note_label};
use crate::words::{ends_sentence, words};

use super::{Piece, PieceKind};

/// Whether a piece is running prose a heading can introduce: enough words, most of them
/// not capitalised (in scripts with case), or a finished sentence, and not a row of figures.
fn is_prose(text: &str) -> bool {
    let t = crate::rich::plain(text);
    let n = words(&t);
    if n < 3 {
        return false;
    }
    let (mut upper, mut cased) = (0usize, 0usize);
    for w in t.split_whitespace() {
        if let Some(ch) = w.chars().find(|c| c.is_alphabetic()) {
            if ch.is_uppercase() {
                upper += 1;
            }
            // A word in a script without case (Hangul, Arabic, CJK) is not capitalised:
            // a Latin name or two in Korean prose ("U코드", "(Measurable Risk)") leave it
            // prose.
            cased += 1;
        }
    }
    let mostly_lower = cased == 0 || upper * 5 <= cased * 3;
    mostly_lower && (n >= 8 || ends_sentence(text))
}

/// Whether a heading may stand before `after` (the pieces that follow it): prose, a list
/// item, a table, a code listing, or a heading that is accepted. Text that the extractor
/// left a line to a piece is read on over the next few pieces of text.
fn introduces(after: &[Piece], next_accepted: bool) -> bool {
    match after.first().map(|p| &p.kind) {
        Some(PieceKind::Item(_) | PieceKind::Table(..) | PieceKind::Listing) => true,
        Some(PieceKind::Heading { .. }) => next_accepted,
        Some(PieceKind::Text) => {
            let mut text = String::new();
            for p in after.iter().take(6) {
                if p.kind != PieceKind::Text {
                    break;
                }
                text.push(' ');
                text.push_str(&p.text);
                if words(&text) >= 12 {
                    break;
                }
            }
            is_prose(&text)
        }
        _ => false,
    }
}

/// "5 International Cable Protection Forum, “Submarine Cable Repair”, published on": a
/// plain-numbered line that reads as a citation.
fn is_numbered_citation(text: &str) -> bool {
    let (label, len) = note_label(text, true);
    matches!(label, NoteLabel::Number(_)) && citation_score(&text[len..]) >= 2.0
}

/// Turns back into text the headings in `shaped` (indexes of headings made from a line's
/// shape in extracted text) that introduce no body, and every heading in a run of three or
/// more such headings. Returns the indexes turned back.
pub fn keep_headings_that_introduce_body(pieces: &mut [Piece], shaped: &[usize]) -> Vec<usize> {
    let is_shaped = |i: usize| shaped.binary_search(&i).is_ok();
    // Walk backwards: a heading is accepted when what follows it is body or an accepted
    // heading; a heading with a section number, or one found on other evidence, is
    // accepted as it is.
    let mut accepted = vec![true; pieces.len()];
    for i in (0..pieces.len()).rev() {
        if !matches!(pieces[i].kind, PieceKind::Heading { .. }) || !is_shaped(i) {
            continue;
        }
        // A numbered citation set like a heading is a note that the note passes have
        // not placed: left as it is, since as text it would lose its label.
        if is_numbered_citation(&pieces[i].text) {
            continue;
        }
        let next_ok = accepted.get(i + 1).copied().unwrap_or(false);
        accepted[i] = introduces(&pieces[i + 1..], next_ok);
    }
    // Three shaped headings in a row with nothing between them are a block of labels.
    let mut i = 0;
    while i < pieces.len() {
        let mut j = i;
        while j < pieces.len() && is_shaped(j) && accepted[j] {
            j += 1;
        }
        if j - i >= 3 {
            for a in &mut accepted[i..j] {
                *a = false;
            }
        }
        i = j.max(i + 1);
    }
    let mut undone = Vec::new();
    for &i in shaped {
        if !accepted[i] && matches!(pieces[i].kind, PieceKind::Heading { .. }) {
            pieces[i].kind = PieceKind::Text;
            undone.push(i);
        }
    }
    undone
}

#[cfg(test)]
mod tests {
    use super::super::test_pieces::{heading, piece};
    use super::*;

    const PROSE: &str = "The river carried less sediment than in any year on record.";

    #[test]
    fn a_heading_must_introduce_body() {
        let mut p = vec![
            heading("Background"),
            piece(PieceKind::Text, PROSE),
            heading("Customer Information"),
            piece(PieceKind::Text, "Name Gabriel Diaz"),
            heading("Flood Timing"),
            heading("What Has Changed"),
            piece(PieceKind::Text, PROSE),
            heading("Contents"),
            piece(
                PieceKind::Text,
                "ARTS & LEISURE BUSINESS TRAVEL BOOK REVIEW REAL ESTATE MAGAZINE",
            ),
        ];
        let undone = keep_headings_that_introduce_body(&mut p, &[0, 2, 4, 5, 7]);
        let kinds: Vec<bool> = p
            .iter()
            .map(|p| matches!(p.kind, PieceKind::Heading { .. }))
            .collect();
        assert_eq!(
            kinds,
            vec![true, false, false, false, true, true, false, false, false]
        );
        assert_eq!(undone, vec![2, 7]);
    }

    #[test]
    fn three_labels_in_a_row_are_not_headings() {
        let mut p = vec![
            heading("Note"),
            heading("Customer Information"),
            heading("Estimate Totals"),
            piece(PieceKind::Text, PROSE),
            heading("Results"),
            piece(PieceKind::Text, PROSE),
        ];
        keep_headings_that_introduce_body(&mut p, &[0, 1, 2, 4]);
        let kinds: Vec<bool> = p
            .iter()
            .map(|p| matches!(p.kind, PieceKind::Heading { .. }))
            .collect();
        assert_eq!(kinds, vec![false, false, false, false, true, false]);
    }

    #[test]
    fn prose_in_a_script_without_case_is_prose() {
        assert!(is_prose(
            "최근 코로나-19는 개정 법령에서 정한 법정감염병 1급에 해당하는 17종 중 신종감염병증후군으로 분류할 수 있다."
        ));
        // A Latin capital or two among the words leaves it prose.
        assert!(is_prose(
            "코로나-19와 관련하여 생명보험 업계는 보험상품은 측정가능한 위험(Measurable Risk)을 보장"
        ));
        assert!(is_prose(
            "보장제외 대상인 U코드에 해당하여 재해 보장대상에서 제외해야 한다는"
        ));
        assert!(!is_prose(
            "Customer Information Vehicle Information Insurance Details"
        ));
    }

    #[test]
    fn prose_left_a_line_to_a_piece_is_read_on() {
        let mut p = vec![
            heading("Beyond Accidents"),
            piece(
                PieceKind::Text,
                "The February incident appears to have been",
            ),
            piece(
                PieceKind::Text,
                "accidental, but it has sharpened concern about",
            ),
            heading("Contacts"),
            piece(PieceKind::Text, "Name: Premier Entertainment Group"),
            piece(PieceKind::Text, "Contact: Michael Chen"),
            piece(PieceKind::Text, "Billing Type: Net 30"),
        ];
        assert_eq!(keep_headings_that_introduce_body(&mut p, &[0, 3]), vec![3]);
    }
}
