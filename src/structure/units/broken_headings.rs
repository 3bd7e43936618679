//! Headings broken over lines: when a line carries on the heading above it, so that a
//! heading wrapped in a narrow column stays one heading.

use crate::lines::TextLine;
use crate::structure::classify::{line_marker, numbered_heading};
use crate::words::ends_sentence;

use super::{Measure, Unit, first_word_len};

/// Lines a heading set in display type may wrap onto (a narrow column breaks "Special
/// Rules for Former / U.S. Citizens and Former / U.S. Long-Term / Residents").
pub const HEADING_LINES: usize = 4;

/// Whether `line` carries on the heading begun on `prev` (and the lines of `unit`): both
/// set in the same type, one under the other at a line's spacing, on the same left edge
/// or centre (or hanging under the text after a label: "B Alternative Similarity
/// Functions &" over "Triplet Loss"), the heading not yet finished (no final stop other
/// than an abbreviation's, no colon), and either
/// - set clearly larger than the body, where the next word would not have fitted on the
///   line ("Resident Alien or" / "Nonresident Alien"), or
/// - set larger or in bold throughout, the line ending on a word that cannot end a
///   heading ("Explanation of Change to the" / "Applicability"), or the next line
///   opening in lower case, which no title does, or
/// - set in bold, numbered, full, and the next line hanging under its text.
///
/// Lines set close may overlap by up to half their size: a line's box grows with the
/// subscripts and accents it carries.
///
/// A short line without final punctuation reads as a heading of its own, but a heading
/// broken over two lines is still one heading. `Some(false)` where such a heading of two
/// or more lines of display type meets a line a tenth smaller or larger: it ends there,
/// even though the sizes differ too little to part paragraphs ("Residents" at 14 pt over
/// "Expatriation Tax" at 12 pt). `None` when the lines are not a heading's.
pub(super) fn heading_goes_on(
    prev: &TextLine,
    line: &TextLine,
    unit: &Unit,
    m: Measure,
) -> Option<bool> {
    if continues_heading(prev, line, unit.lines.len(), m) {
        return Some(true);
    }
    let (Some(a), Some(b), Some(body)) = (prev.geometry, line.geometry, m.body) else {
        return None;
    };
    let ends = a.font_size >= body.size * body.larger_ratio()
        && (a.font_size - b.font_size).abs() >= 0.1 * a.font_size
        && joined_heading(unit, m);
    ends.then_some(false)
}

/// Whether the unit is a heading broken over lines, each carrying on the one before (see
/// [`heading_goes_on`]): like a heading on one line, it ends before a capitalised line.
pub(super) fn joined_heading(unit: &Unit, m: Measure) -> bool {
    unit.lines.len() >= 2
        && unit
            .lines
            .windows(2)
            .enumerate()
            .all(|(i, w)| continues_heading(&w[0], &w[1], i + 1, m))
}

/// Whether `line` carries on the heading on `prev`, the last of `lines_before` lines of
/// the heading so far (see [`heading_goes_on`]).
fn continues_heading(prev: &TextLine, line: &TextLine, lines_before: usize, m: Measure) -> bool {
    let (Some(a), Some(b), Some(body)) = (prev.geometry, line.geometry, m.body) else {
        return false;
    };
    let size = a.font_size;
    let display = size >= body.size * body.larger_ratio();
    let bold = size >= body.size - 0.3
        && crate::rich::all_bold(&prev.text)
        && crate::rich::all_bold(&line.text);
    if !(display || bold) || (size - b.font_size).abs() >= 0.3 {
        return false;
    }
    let plain = crate::rich::plain_without_scripts(&prev.text);
    let t = plain.trim_end();
    let last = t.split_whitespace().last().unwrap_or_default();
    // Bold lines may change face where the first ends on a word that cannot end a
    // heading: a title in a bold heading is set bold italic ("The Administration Needs to
    // Fully Develop and" over "Implement the *National Cybersecurity Strategy*"), and a
    // line's face is the one most of its letters are set in.
    if a.face != b.face && !(bold && ends_on_a_link_word(last)) {
        return false;
    }
    let gap = b.bbox.y0 - a.bbox.y1;
    let hanging = (0.0..=2.0 * size).contains(&(b.bbox.x0 - a.bbox.x0));
    let aligned = (a.bbox.x0 - b.bbox.x0).abs() < size
        || ((a.bbox.x0 + a.bbox.x1) - (b.bbox.x0 + b.bbox.x1)).abs() < size
        || hanging;
    // "U.S.", "Inc." hold a stop that does not end the heading; "the end." does.
    let abbreviation = last.trim_end_matches('.').contains('.')
        || last.len() == 2 && last.starts_with(|c: char| c.is_ascii_uppercase());
    // A line opening in lower case carries on what is above it, whatever that ended on
    // ("1. Le pH est une fonction du rapport HCO₃/PCO₂ :" over "équation de
    // Henderson-Hasselbach"): no title starts that way.
    let opens_lower = crate::rich::plain_without_scripts_cow(&line.text)
        .chars()
        .find(|c| c.is_alphanumeric())
        .is_some_and(char::is_lowercase);
    let unfinished = opens_lower
        || !t.ends_with([':', '!', '?', ';']) && (!ends_sentence(&prev.text) || abbreviation);
    // The line was full: the next word would not have fitted on it. A full line at the
    // heading's size holds fewer characters than the body's measure; a list of names in
    // display type ("Jim Bainbridge" over "Hernando Bedoya") leaves room on each line.
    let room = m.width * body.size / size;
    let wrapped = t.chars().count() as f32 + 1.0 + first_word_len(&line.text) > 0.8 * room;
    // A heading cannot end on "and" or on a word broken at its hyphen: a heading set with
    // an open leading (a thesis's one-and-a-half spacing puts 0.8 em between the lines of
    // "D Appendix D: Measures of Financial Literacy and" / "Cognitive Abilities") still
    // goes on there.
    let cannot_end = ends_on_a_link_word(last) || broken_word(last);
    let widest_gap = if cannot_end { 1.0 } else { 0.5 };
    // A numbered heading in bold body type, full, whose next line starts under its text
    // rather than under its number ("2 Preliminaries: TAPAS for Table" over "Encoding"):
    // a paragraph's next line goes back to the margin, a heading's hangs.
    let hangs_under_its_text = lines_before == 1
        && b.bbox.x0 - a.bbox.x0 >= 0.5 * size
        && numbered_heading(&prev.text).is_some();
    unfinished
        && (display && wrapped
            || bold && wrapped && hangs_under_its_text
            || ends_on_a_link_word(last)
            || opens_lower)
        && lines_before < HEADING_LINES
        && (-0.5 * size..=widest_gap * size).contains(&gap)
        && aligned
        && line_marker(&line.text).is_none()
}

/// Whether a line ends on a word broken at a hyphen ("Mar-"): letters, then the hyphen.
fn broken_word(word: &str) -> bool {
    word.strip_suffix(['-', '\u{ad}'])
        .and_then(|w| w.chars().last())
        .is_some_and(char::is_alphabetic)
}

/// Whether a heading's line ends on a word that joins what comes after it ("and", "of",
/// "the", "&"): no heading ends there.
fn ends_on_a_link_word(word: &str) -> bool {
    const LINK_WORDS: [&str; 16] = [
        "and", "&", "of", "the", "to", "for", "or", "in", "on", "with", "a", "an", "by", "from",
        "at", "into",
    ];
    LINK_WORDS.iter().any(|w| w.eq_ignore_ascii_case(word))
}
