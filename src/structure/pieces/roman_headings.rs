//! Section headings numbered in Roman numerals and set in capitals at the body's size
//! ("I. INTRODUCTION", "II. RELATED WORK"): the IEEE style, whose small capitals read as
//! capitals. Neither size nor weight sets such a line apart, and a PDF's lines carry no
//! blank line to show the space around it; its number does. A Roman number alone proves
//! little (a list in capitals, a table's row), so a candidate found line by line stays a
//! heading only when the document numbers such lines in sequence from I, one after
//! another with text between them (checked on the pieces, [`keep_in_sequence`]).

use crate::structure::classify::{breaks_off, has_url, mostly_words};
use crate::structure::families::roman_value;
use crate::words::words;

use crate::structure::uncased::Style;

use super::Piece;
use super::uncased_headings::{Candidate, keep_numbered_sequences};

/// The highest section number read as a candidate: papers and reports have a few
/// sections; a larger Roman number is a volume's or a clause's.
const MAX_SECTION: u32 = 30;

/// The value of the Roman section number a line opens with, when the line has a section
/// heading's shape in capitals: `I.` to `XXX.` in canonical capitals, then a short title
/// with no lower-case letter and a word of three letters or more, which neither ends on a
/// full stop nor breaks off.
pub(super) fn roman_section_number(first: &str) -> Option<u32> {
    let plain = crate::rich::plain_without_scripts(first);
    let (numeral, rest) = plain.trim().split_once(". ")?;
    if !numeral.chars().all(|c| matches!(c, 'I' | 'V' | 'X')) {
        return None;
    }
    let n = roman_value(numeral).filter(|n| *n <= MAX_SECTION)?;
    let title = rest.trim();
    let long_word = title
        .split(|c: char| !c.is_alphabetic())
        .any(|w| w.chars().count() >= 3);
    let fits = (1..=12).contains(&words(title))
        && title.chars().count() <= 90
        && long_word
        && !title.chars().any(char::is_lowercase)
        && !title.ends_with('.')
        && !breaks_off(title)
        && !has_url(title)
        && mostly_words(title);
    fits.then_some(n)
}

/// Keeps as headings the candidates (piece index, number; in document order) that the
/// document numbers in sequence from I, and turns the others back into text, returning
/// their indexes (see [`keep_numbered_sequences`]). One number may be missing between two
/// kept headings (a heading the extraction lost or merged); a candidate directly over the
/// next is an item of a list in capitals.
pub(super) fn keep_in_sequence(pieces: &mut [Piece], candidates: &[(usize, u32)]) -> Vec<usize> {
    let candidates: Vec<Candidate> = candidates
        .iter()
        .map(|&(at, n)| Candidate {
            at,
            style: Style::Plain,
            n,
        })
        .collect();
    keep_numbered_sequences(pieces, &candidates, 1)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::structure::pieces::PieceKind;

    #[test]
    fn a_roman_number_before_a_short_title_in_capitals_is_a_candidate() {
        assert_eq!(roman_section_number("I. INTRODUCTION"), Some(1));
        assert_eq!(
            roman_section_number("II. RELATED AREA AND LITERATURE STUDY"),
            Some(2)
        );
        assert_eq!(
            roman_section_number("III. MDRPM (MARKET DRIVEN REQUIREMENT"),
            Some(3)
        );
        assert_eq!(roman_section_number("XIV. CONCLUSIONS"), Some(14));
        // Lower case is a sentence or a title in title case: other evidence decides.
        assert_eq!(roman_section_number("I. Introduction"), None);
        assert_eq!(
            roman_section_number("II. The parties agree as follows"),
            None
        );
        // Not a numeral in canonical form, too high, or no title after it.
        assert_eq!(roman_section_number("IIII. NOTES"), None);
        assert_eq!(roman_section_number("XL. ANNEX"), None);
        assert_eq!(roman_section_number("I. A B"), None);
        assert_eq!(roman_section_number("I.INTRODUCTION"), None);
        assert_eq!(roman_section_number("II. TOTAL COSTS."), None);
        assert_eq!(roman_section_number("IV. RESULTS,"), None);
        assert_eq!(roman_section_number("A. INTRODUCTION"), None);
    }

    fn pieces(kinds: &[bool]) -> Vec<Piece> {
        use crate::structure::pieces::test_pieces::{heading, piece};
        kinds
            .iter()
            .map(|&h| {
                if h {
                    heading("X")
                } else {
                    piece(PieceKind::Text, "x")
                }
            })
            .collect()
    }

    #[test]
    fn candidates_numbered_in_sequence_stay_headings() {
        // I, II, III, then V (IV lost), VI, each with text after it.
        let mut out = pieces(&[
            true, false, true, false, true, false, true, false, true, false,
        ]);
        let candidates = [(0, 1), (2, 2), (4, 3), (6, 5), (8, 6)];
        assert!(keep_in_sequence(&mut out, &candidates).is_empty());
        // Two numbers missing break the sequence: V after II is text.
        let mut out = pieces(&[true, false, true, false, true, false]);
        assert_eq!(keep_in_sequence(&mut out, &[(0, 1), (2, 2), (4, 5)]), [4]);
        assert_eq!(out[4].kind, PieceKind::Text);
        assert!(matches!(out[2].kind, PieceKind::Heading { .. }));
    }

    #[test]
    fn a_list_in_capitals_or_a_lone_number_is_no_sequence() {
        // "I. YES" directly over "II. NO": a list.
        let mut out = pieces(&[true, true, false]);
        assert_eq!(keep_in_sequence(&mut out, &[(0, 1), (1, 2)]), [0, 1]);
        // A lone "I." reaches no II.
        let mut out = pieces(&[true, false]);
        assert_eq!(keep_in_sequence(&mut out, &[(0, 1)]), [0]);
        // Starting at III, nothing before it: no sequence.
        let mut out = pieces(&[true, false, true, false]);
        assert_eq!(keep_in_sequence(&mut out, &[(0, 3), (2, 4)]), [0, 2]);
    }
}
