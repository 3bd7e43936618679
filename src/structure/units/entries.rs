//! Entries that open in sequence, whatever the line before left unfinished: a note
//! numbered one past the note above it ("7 Maji Safi Trust…" under "6 Similar
//! findings…"), a bare note label alone on its line, a reference labelled in brackets
//! ("[10] P. Johansson…" under "[9] S. Stemler…"), and an entry set with a hanging indent
//! (an author–year reference whose first line starts left of the lines under it).
//!
//! A bracketed number is no list marker (a citation "[10]" can wrap to a line's start
//! inside a sentence), so ragged reference entries with no gap between them ran together
//! into one paragraph. What proves an entry is the sequence: the line's label is one past
//! the label opening the unit it would join, and on a PDF it stands where that label
//! stands.

use crate::lines::TextLine;
use crate::structure::classify::{NoteLabel, note_label};

use super::Unit;

/// Whether `text` opens the note numbered one after the note that opens `unit` ("7 Maji
/// Safi Trust…" under "6 Similar findings…"): the sequence and a capital after the number
/// say a new note starts, even where the line before was left unfinished (a URL).
pub(super) fn continues_note_sequence(unit: &Unit, text: &str) -> bool {
    let NoteLabel::Number(n) = note_label(unit.first(), true).0 else {
        return false;
    };
    let (NoteLabel::Number(next), len) = note_label(text, true) else {
        return false;
    };
    next == n + 1 && text.get(len..).is_some_and(opens_text)
}

/// Whether a note's text could start here: a capital or an opening quotation mark.
fn opens_text(rest: &str) -> bool {
    crate::rich::plain(rest)
        .trim_start()
        .chars()
        .next()
        .is_some_and(|c| c.is_uppercase() || matches!(c, '“' | '"' | '‘'))
}

/// Words a line must hold to be read as the text of a note whose label stands alone above
/// it: a table's numbered rows hold a cell or two.
const BARE_LABEL_TEXT_WORDS: usize = 6;

/// The number of the bare note label on line `at` (`pdftotext` puts an endnote's label
/// alone on its line, "2", and the note's text on the next, sometimes after blank lines):
/// a number alone, the next non-blank line on the page opening in a capital with a note's
/// length of text. `None` for any other line.
pub(super) fn bare_label(lines: &[TextLine], at: usize) -> Option<u32> {
    let n = crate::structure::uncased::bare_number(&lines[at].text)?;
    let next = lines[at + 1..].iter().find(|l| !l.is_blank())?;
    (next.page == lines[at].page
        && opens_text(&next.text)
        && crate::words::words(&next.plain_cow()) >= BARE_LABEL_TEXT_WORDS)
        .then_some(n)
}

/// The number of a bracketed label opening `text` ("[12] Ellis…"): one to three digits in
/// square brackets, then a space and text.
pub(super) fn bracket_label(text: &str) -> Option<u32> {
    let rest = text.trim_start().strip_prefix('[')?;
    let close = rest.find(']')?;
    let digits = &rest[..close];
    if digits.is_empty() || digits.len() > 3 || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let after = &rest[close + 1..];
    if !after.starts_with([' ', '\t']) || after.trim().is_empty() {
        return None;
    }
    digits.parse().ok()
}

/// Whether `line` opens the entry after the one opening `unit`: its bracketed label is
/// one past the unit's, and (with geometry) both labels start at the same place.
pub(super) fn next_bracketed_entry(unit: &Unit, line: &TextLine) -> bool {
    // Few lines open with a bracket: the line is asked first.
    let Some(next) = bracket_label(&line.plain_cow()) else {
        return false;
    };
    let Some(first) = unit.lines.first() else {
        return false;
    };
    if bracket_label(&first.plain_cow()) != next.checked_sub(1) {
        return false;
    }
    match (first.geometry, line.geometry) {
        (Some(a), Some(b)) => (a.bbox.x0 - b.bbox.x0).abs() <= 0.5 * a.font_size.max(1.0),
        _ => true,
    }
}

/// The most lines an entry set with a hanging indent holds, with room to spare (a
/// reference runs to a few lines, a glossary entry to a paragraph).
const MAX_ENTRY_LINES: usize = 40;

/// Whether `line` opens the next entry of a list set with a hanging indent (author–year
/// references, glossaries, numbered exercises): the unit's first line starts at an outer
/// edge and runs to the measure, every line after it starts at one inner edge, and `line`
/// starts back at the outer edge, in the same size, the first two lines no further apart
/// than `line` from the line above it. A heading over a paragraph whose first line is
/// indented has the same edges, but stops short, or is set in bold, or stands further
/// off; it is left alone, and so is right-to-left text, whose edges are mirrored.
pub(super) fn next_hanging_entry(unit: &Unit, line: &TextLine) -> bool {
    let [first, rest @ ..] = unit.lines.as_slice() else {
        return false;
    };
    // Each line at the outer edge reads the unit's lines: a bound keeps a page of one
    // endless unit linear.
    if rest.len() >= MAX_ENTRY_LINES {
        return false;
    }
    let (Some(a), Some(b), Some(inner)) = (
        first.geometry,
        line.geometry,
        rest.first().and_then(|l| l.geometry),
    ) else {
        return false;
    };
    let size = a.font_size.max(1.0);
    let same_size = |s: f32| (s - a.font_size).abs() < 0.5;
    let indent = inner.bbox.x0 - a.bbox.x0;
    let inner_lines = rest.iter().map(|l| l.geometry);
    let measure = || {
        let ends = inner_lines.clone().flatten().map(|g| g.bbox.x1);
        ends.fold(a.bbox.x1, f32::max)
    };
    (0.8 * size..=4.0 * size).contains(&indent)
        && (b.bbox.x0 - a.bbox.x0).abs() <= 0.3 * size
        && same_size(b.font_size)
        && inner_lines.clone().all(|g| {
            g.is_some_and(|g| {
                (g.bbox.x0 - inner.bbox.x0).abs() <= 0.3 * size && same_size(g.font_size)
            })
        })
        && a.bbox.x1 >= measure() - 2.0 * size
        && !first.plain_cow().chars().any(crate::words::is_rtl_char)
        && inner.baseline - a.baseline <= b.baseline - last_baseline(unit, inner) + 0.25 * size
        && !crate::rich::all_bold(&first.text)
}

/// The baseline of the unit's last line (`fallback` when it has no geometry).
fn last_baseline(unit: &Unit, fallback: crate::lines::LineGeometry) -> f32 {
    let last = unit.lines.last().and_then(|l| l.geometry);
    last.unwrap_or(fallback).baseline
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lines::test_placed;

    #[test]
    fn bracket_labels_open_with_a_number_then_text() {
        assert_eq!(bracket_label("[10] P. Johansson"), Some(10));
        assert_eq!(bracket_label("  [3] A. N. Vamivakas"), Some(3));
        for not in [
            "[10]",
            "[10]P.",
            "[a] b",
            "[1234] x",
            "see [10] for",
            "[1–3] x",
        ] {
            assert_eq!(bracket_label(not), None, "{not}");
        }
    }

    fn unit(lines: Vec<TextLine>) -> Unit {
        Unit {
            lines,
            blank_before: false,
        }
    }

    #[test]
    fn the_next_label_at_the_same_place_opens_an_entry() {
        let nine = test_placed(
            "[9] S. Stemler, “An overview of content",
            1,
            72.0,
            300.0,
            600.0,
            9.0,
        );
        let cont = test_placed("analysis,” 2001.", 1, 84.0, 200.0, 611.0, 9.0);
        let u = unit(vec![nine, cont]);
        let ten = test_placed(
            "[10] P. Johansson, U. Dahlström",
            1,
            72.0,
            300.0,
            622.0,
            9.0,
        );
        assert!(next_bracketed_entry(&u, &ten));
        // Out of sequence, or a citation wrapped to a line's start further in.
        let eleven = test_placed("[11] E. Rideout", 1, 72.0, 300.0, 622.0, 9.0);
        assert!(!next_bracketed_entry(&u, &eleven));
        let cited = test_placed("[10] for a review of these", 1, 120.0, 300.0, 622.0, 9.0);
        assert!(!next_bracketed_entry(&u, &cited));
        // A unit that opens with prose does not make entries of its lines.
        let prose = unit(vec![test_placed("As shown in", 1, 72.0, 300.0, 600.0, 9.0)]);
        assert!(!next_bracketed_entry(&prose, &ten));
    }

    /// Ragged entries with no gap between them, each ending unfinished ("[SPIRES]"): the
    /// next label in sequence opens a unit, a citation inside an entry does not.
    #[test]
    fn bracketed_entries_are_units_of_their_own() {
        let at =
            |text: &str, x0: f32, baseline: f32| test_placed(text, 1, x0, 311.0, baseline, 9.0);
        let lines = vec![
            at(
                "[1] Perlmutter S et al, 1997 Astrophys. J. 483 565 [SPIRES]",
                64.7,
                214.7,
            ),
            at(
                "Riess A G et al, 1998 Astrophys. J. 116 1009 [SPIRES] and",
                79.3,
                225.8,
            ),
            at(
                "[2] Hinshaw G et al, 2008 Astrophys. J. Suppl. Ser. submitted",
                64.7,
                236.7,
            ),
            at(
                "Tegmark M et al, 2006 Phys. Rev. D 74 123507, see also",
                79.3,
                247.6,
            ),
            at(
                "[3] for the same data, and Percival W J et al, 2002",
                79.3,
                258.5,
            ),
        ];
        let units = super::super::segment(&lines, super::super::measure(&lines));
        let firsts: Vec<String> = units.iter().map(|u| u.lines[0].plain()).collect();
        assert_eq!(units.len(), 2, "{firsts:?}");
        assert!(firsts[1].starts_with("[2] Hinshaw"));
        assert_eq!(units[1].lines.len(), 3);
    }

    fn segment_firsts(lines: &[TextLine]) -> Vec<String> {
        let units = super::super::segment(lines, super::super::measure(lines));
        units.iter().map(|u| u.lines[0].plain()).collect()
    }

    /// Author–year references set with a hanging indent and no gap between them: each
    /// entry's first line at the outer edge opens a unit, whatever the line above ended.
    #[test]
    fn hanging_indent_entries_are_units_of_their_own() {
        let at = |text: &str, x0: f32, x1: f32, baseline: f32| {
            test_placed(text, 1, x0, x1, baseline, 9.0)
        };
        let refs = vec![
            at(
                "Akamatsu H, Taga M, Kodama M, Johnson RD, Otani H, Kohmoto K",
                56.0,
                290.0,
                100.0,
            ),
            at(
                "(1999) Molecular karyotypes for Alternaria plant pathogens",
                65.0,
                288.0,
                110.0,
            ),
            at(
                "known to produce host-specific toxins. Curr Genet 35:647–",
                65.0,
                289.0,
                120.0,
            ),
            at(
                "Altschul SF, Madden TL, Schaffer AA, Zhang J, Zhang Z, Miller",
                56.0,
                290.0,
                130.0,
            ),
            at(
                "W, Lipman DJ (1997) Gapped BLAST and PSI-BLAST: a new",
                65.0,
                287.0,
                140.0,
            ),
            at(
                "Brown DW, Adams TH, Keller NP (1996) Aspergillus has distinct",
                56.0,
                290.0,
                150.0,
            ),
        ];
        let firsts = segment_firsts(&refs);
        assert_eq!(firsts.len(), 3, "{firsts:?}");
        assert!(firsts[1].starts_with("Altschul") && firsts[2].starts_with("Brown"));
    }

    /// A heading over a paragraph whose first line is indented has a hanging indent's
    /// edges; its gap (or its bold face, or its short line) says it is no entry, and the
    /// paragraph's second line stays with its first.
    #[test]
    fn a_heading_over_an_indented_paragraph_is_no_entry() {
        let at = |text: &str, x0: f32, x1: f32, baseline: f32| {
            test_placed(text, 1, x0, x1, baseline, 9.0)
        };
        let lines = vec![
            at("Proposed Maintenance-Related Actions", 399.0, 564.4, 91.9),
            at("To ensure that each airplane’s two", 408.0, 549.8, 105.2),
            at("AOA sensors are functioning properly", 399.0, 556.3, 115.2),
            at("upon return to service, the FAA", 399.0, 530.3, 125.2),
        ];
        let firsts = segment_firsts(&lines);
        assert!(!firsts.iter().any(|f| f.starts_with("AOA")), "{firsts:?}");
    }
}
