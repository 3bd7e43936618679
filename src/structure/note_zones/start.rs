//! Whether a line opens the note the zone finder expects next: its label in the notes'
//! family and sequence (or a restart where one is allowed), with the look of a note
//! rather than of a numbered list item.

use crate::lines::TextLine;
use crate::rich;
use crate::structure::classify::{self, NoteLabel, citation_score, note_label};
use crate::structure::families::{self, Family};
use crate::words::ends_sentence;

/// What the zone finder expects of the next note.
#[derive(Debug, Clone, Copy)]
pub(super) struct Due {
    /// The family of the notes so far (none before the first note).
    pub(super) family: Option<Family>,
    /// The ordinal due next.
    pub(super) ordinal: u32,
    /// Whether the sequence may start again here (a zone opening on a later page).
    pub(super) restart_ok: bool,
    /// Whether the line is set smaller than the body.
    pub(super) small: bool,
    /// Whether a line above on the page marks a word with an asterisk.
    pub(super) starred: bool,
}

/// Whether a line marks a word with an asterisk, as a note's marker does: right after a
/// letter, a figure or closing punctuation ("Haldane*", "unfavourable*."), and before a
/// space, punctuation or the line's end; not the closing one of a pair ("*first*").
pub(super) fn marks_with_asterisk(line: &TextLine) -> bool {
    let t = line.plain_cow();
    let chars: Vec<char> = t.chars().collect();
    let opens = |k: usize| {
        chars[k] == '*'
            && (k == 0 || chars[k - 1].is_whitespace())
            && chars.get(k + 1).is_some_and(|c| c.is_alphanumeric())
    };
    chars.iter().enumerate().any(|(k, &c)| {
        c == '*'
            && k > 0
            && !(0..k).any(opens)
            && (chars[k - 1].is_alphanumeric()
                || matches!(chars[k - 1], '.' | ',' | ')' | '’' | '”'))
            && chars
                .get(k + 1)
                .is_none_or(|&n| n.is_whitespace() || matches!(n, '.' | ',' | ';' | ':' | ')'))
    })
}

/// The family and ordinal of the note a line starts, if it starts the expected note, or
/// starts the sequence again where that is allowed: a restart needs a raised label, a
/// symbol, or (for roman numerals and letters) type smaller than the body; a plain "1" in
/// small type is too often a list or a reference list to restart arabic notes.
pub(super) fn note_start(
    line: &TextLine,
    prev: Option<&TextLine>,
    next: Option<&TextLine>,
    due: Due,
    in_zone: bool,
) -> Option<(Family, u32)> {
    let text = &line.text;
    let (label, len) = note_label(text, true);
    let raised = text.starts_with(rich::SUP_ON);
    // "…Bates No. 2044438368/8371, at-8368-" / "9. www…": a number broken at a dash ends
    // the line above, and the figures opening this line are its rest, not a label.
    if !raised
        && matches!(label, NoteLabel::Number(_))
        && prev.is_some_and(|p| p.page == line.page && breaks_a_number(&p.plain_cow()))
    {
        return None;
    }
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
            let t = line.plain_cow();
            let n: u32 = t.trim().parse().ok()?;
            return (n == due.ordinal
                && next.is_some_and(|l| l.page == line.page && label_by_its_text(line, l)))
            .then_some((Family::Arabic, n));
        }
    };
    // A plain "*" opening the notes is as often a bullet or a correspondence line: it
    // opens them only before a "†" note, or where a word above carries its mark.
    let lone_asterisk = family == Family::Symbol
        && n == 1
        && !raised
        && !due.starred
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
        gap || prev.is_none_or(|p| ends_sentence(&p.text) || p.plain_char_count() < 40);
    let smaller = match (line.geometry, prev.and_then(|p| p.geometry)) {
        (Some(a), Some(b)) => a.font_size < b.font_size * 0.95,
        _ => false,
    };
    // Outside a zone a plain number needs the look of a note: a citation, or smaller type
    // after the end of the body text.
    // A starred line under a word the page marks with an asterisk is that word's note.
    let ok = in_zone
        || raised
        || cited
        || (smaller && after_break)
        || (family == Family::Symbol && due.starred);
    ok.then_some((family, n))
}

/// Whether `next` can be the text of a note whose label stands alone on `line`: it holds
/// a word, and on a PDF page it lies level with the label or just below it. A figure
/// alone among a diagram's lettering ("1" under "0..n" set higher up) labels nothing.
fn label_by_its_text(line: &TextLine, next: &TextLine) -> bool {
    let placed = match (line.geometry, next.geometry) {
        (Some(a), Some(b)) => {
            let size = a.font_size.max(b.font_size);
            let drop = b.baseline - a.baseline;
            drop >= -0.3 * size && drop <= 2.5 * size
        }
        _ => true,
    };
    placed && next.plain_cow().chars().any(char::is_alphabetic)
}

/// Whether a line ends inside a number or a range of numbers broken at a dash ("at-8368-",
/// "1998;280:1173–"): a figure, then a hyphen or an en dash, then the line's end.
fn breaks_a_number(text: &str) -> bool {
    let mut rev = text.trim_end().chars().rev();
    matches!(rev.next(), Some('-' | '‐' | '–')) && rev.next().is_some_and(|c| c.is_ascii_digit())
}

/// Whether `line` ("2. …") continues a numbered list that one of the lines before it on
/// the page started ("1. …"): then it is a list item, not note 2.
pub(super) fn continues_numbered_list(before: &[TextLine], line: &TextLine) -> bool {
    let Some(m) = classify::line_marker(&line.text) else {
        return false;
    };
    let Some(n) = m
        .ordinal
        .filter(|_| m.class == classify::BulletClass::Number)
    else {
        return false;
    };
    before.iter().any(|l| {
        classify::line_marker(&l.text)
            .is_some_and(|p| p.class == m.class && p.ordinal == Some(n.saturating_sub(1)) && n > 1)
    })
}
