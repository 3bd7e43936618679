//! Notes recognised by their label and their neighbours: citations among notes, symbol
//! labels, numbered lines that continue the notes, text inserted between a sentence and
//! its continuation; and numbered entries that belong to a reference list instead.

use crate::lines::TextLine;
use crate::structure::classify::{
    NoteLabel, citation_score, is_reference_list_heading, line_marker, note_label,
};
use crate::words::words;

use super::{Piece, PieceKind};

pub(super) fn looks_like_citation(text: &str) -> bool {
    citation_score(text) >= 2.0
}

/// The symbol label opening a note line, and its length: `†`, `‡`, `¶`, `‖` or doubled
/// symbols before text, `§` before text that is not a section number ("§ 12"), and `*`
/// when the next line opens with `†`. A `§` or `¶` beside a list item is not a note: it is
/// the usual misreading of a Wingdings square bullet ("§ Plan…", then "q Agree…").
pub(super) fn symbol_note_label(
    text: &str,
    prev: Option<&str>,
    next: Option<&str>,
) -> Option<(NoteLabel, usize)> {
    use crate::structure::families::Family;
    let (label, len) = note_label(text, true);
    let NoteLabel::Family(Family::Symbol, k) = label else {
        return None;
    };
    let rest = text[len..].trim_start();
    let section_sign =
        text.starts_with(['§', '¶']) && rest.starts_with(|c: char| c.is_ascii_digit());
    let asterisk_ok = k != 1 || next.is_some_and(|n| n.trim_start().starts_with('†'));
    let beside_items = text.starts_with(['§', '¶'])
        && [prev, next]
            .into_iter()
            .flatten()
            .any(|l| line_marker(l).is_some());
    (!section_sign && !beside_items && asterisk_ok && !rest.is_empty()).then_some((label, len))
}

/// Whether a numbered entry `number` stands in a reference list: it follows the list's
/// entry `number - 1`, or the nearest heading above names a reference list. (Looks back a
/// bounded number of pieces, so the pass stays linear.)
pub(super) fn in_reference_list(out: &[Piece], number: u32) -> bool {
    const LOOKBACK: usize = 400;
    let after_previous_entry = out.last().is_some_and(|p| {
        matches!(&p.kind, PieceKind::Item(m)
            if m.class == crate::structure::classify::BulletClass::Number
                && m.ordinal.is_some_and(|k| k + 1 == number))
    });
    let under_references = out
        .iter()
        .rev()
        .take(LOOKBACK)
        .find(|p| matches!(p.kind, PieceKind::Heading { .. }))
        .is_some_and(|h| is_reference_list_heading(&h.text));
    after_previous_entry || under_references
}

/// How much smaller than an open sentence's type text must be set to be small print
/// that interrupts it (a permission block, a correspondence line): notes and such are
/// set at 7–9 pt under 10–12 pt text.
const SMALL_PRINT: f32 = 0.9;

/// Text standing between a sentence left open and its lower-case continuation, together
/// with notes, is itself inserted material: a note whose shape gave nothing away. Small
/// print or captions standing there alone (a permission block, a correspondence line,
/// the captions of figures set at a column's foot) are set aside as asides, so the
/// sentence reads on across them.
pub(super) fn mark_notes_in_breaks(pieces: &mut [Piece]) {
    let is_note = |p: &Piece| matches!(p.kind, PieceKind::Note(_) | PieceKind::Url);
    let mut i = 0;
    while i < pieces.len() {
        let open = matches!(pieces[i].kind, PieceKind::Text | PieceKind::Item(_))
            && !crate::rich::plain(&pieces[i].text)
                .trim_end()
                .ends_with(['.', '!', '?', ':', '"', '”'])
            && !crate::words::ends_sentence(&pieces[i].text);
        if !open {
            i += 1;
            continue;
        }
        // The continuation: the next piece that starts in lower case, in the open
        // sentence's type (a chart's "k: # of passages" in small type is no part of it).
        let same_type = |k: usize| match (pieces[i].font_size, pieces[k].font_size) {
            (Some(a), Some(b)) => (a - b).abs() <= 0.5,
            _ => true,
        };
        let Some(k) = (i + 1..pieces.len().min(i + 12)).find(|&k| {
            pieces[k].kind == PieceKind::Text
                && crate::rich::plain_cow(&pieces[k].text).starts_with(|c: char| c.is_lowercase())
                && same_type(k)
        }) else {
            i += 1;
            continue;
        };
        let gap = i + 1..k;
        let has_note = gap.clone().any(|j| is_note(&pieces[j]));
        let all_plain = gap
            .clone()
            .all(|j| is_note(&pieces[j]) || pieces[j].kind == PieceKind::Text);
        // Notes set smaller than text around them: text in a larger type than every note
        // of the gap is body that the page goes on with, not a note without a label.
        let note_size = gap
            .clone()
            .filter(|&j| is_note(&pieces[j]))
            .filter_map(|j| pieces[j].font_size)
            .reduce(f32::max);
        let body_between = note_size.is_some_and(|size| {
            gap.clone().any(|j| {
                pieces[j].kind == PieceKind::Text
                    && pieces[j].font_size.is_some_and(|s| s > size + 0.5)
            })
        });
        // The sentence left open is body text, set larger than the notes: a chart's axis
        // label or a figure's letters (smaller than the notes, or as large as them) leave
        // nothing open, and notes as large as the text cannot be told from it.
        let open_in_body_type = match (pieces[i].font_size, note_size) {
            (Some(open), Some(note)) => open > note + 0.5,
            _ => true,
        };
        // Text set smaller than the notes (a chart's ticks and legend drawn after them)
        // is a figure's lettering, not a note without its label: set aside, so that the
        // sentence left open still reads on.
        let note_sized = |p: &Piece| match (p.font_size, note_size) {
            (Some(size), Some(note)) => size >= note - 0.5,
            _ => true,
        };
        // Without notes: small print alone between the two halves of a sentence (a
        // permission block or a correspondence line at a column's foot, read before
        // the next column's top) is set aside, so that the sentence reads on.
        // Words on both sides of the break, in plain type: a formula's parts (an
        // index set under a sum, a variable in italics) and a table's heads interleave
        // in small type too, and stay where they were read.
        // A figure's caption (its label and number, then a colon or stop) stands there
        // as small print does, whatever its size: captions are often set a mere point
        // under the text.
        let small_print = !has_note
            && !gap.is_empty()
            && ends_in_plain_word(&pieces[i].text)
            && starts_with_plain_word(&pieces[k].text)
            && gap.clone().all(|j| {
                pieces[j].kind == PieceKind::Text
                    && holds_a_word(&pieces[j].text)
                    && (crate::caption_labels::opens_caption(&crate::rich::plain_cow(
                        &pieces[j].text,
                    )) || match (pieces[i].font_size, pieces[j].font_size) {
                        (Some(open), Some(size)) => size < SMALL_PRINT * open,
                        _ => false,
                    })
            });
        if small_print {
            for j in gap {
                pieces[j].kind = PieceKind::Aside;
            }
        } else if has_note && all_plain && !body_between && open_in_body_type {
            for j in gap {
                if pieces[j].kind == PieceKind::Text && !note_sized(&pieces[j]) {
                    pieces[j].kind = PieceKind::Aside;
                } else if pieces[j].kind == PieceKind::Text && words(&pieces[j].text) <= 80 {
                    pieces[j].kind = PieceKind::Note(NoteLabel::None);
                }
            }
        } else {
            // Nothing set aside: a sentence left open inside the gap (after a heading
            // that stopped this one) is looked at in its turn.
            i += 1;
            continue;
        }
        i = k;
    }
}

/// Whether rich text ends in a word of two letters or more set in no style (no sentinel
/// after it): "…client-side web programming".
fn ends_in_plain_word(text: &str) -> bool {
    text.trim_end()
        .chars()
        .rev()
        .take_while(|c| c.is_alphabetic())
        .count()
        >= 2
}

/// Whether rich text opens with a word of two lower-case letters or more, in no style:
/// "and is used for…".
fn starts_with_plain_word(text: &str) -> bool {
    let letters = text.trim_start().chars().take_while(|c| c.is_alphabetic());
    letters.clone().count() >= 2 && letters.into_iter().all(char::is_lowercase)
}

/// Whether a text holds a word of three letters or more (not a tick label, a stray stop).
fn holds_a_word(text: &str) -> bool {
    crate::rich::plain_cow(text)
        .split(|c: char| !c.is_alphabetic())
        .any(|w| w.chars().count() >= 3)
}

/// Whether a piece heads its page (`page`, its positioned lines): in the page's upper
/// half, with all of the page's other running text below it. Small print over an
/// article's title (a journal's citation line and licence) stands there, and so does the
/// first paragraph of a page. A note stands below the text it annotates, so a citation
/// there is no unlabelled note. The running text is told by its size, the body's
/// (`body_size`); a page with fewer than three such lines besides the piece says nothing.
pub(super) fn above_the_body(piece: &Piece, page: &[&TextLine], body_size: f32) -> bool {
    let own = |l: &TextLine| piece.lines.contains(&l.source_line);
    let Some(lowest) = page
        .iter()
        .filter(|l| own(l))
        .filter_map(|l| l.geometry)
        .reduce(|a, b| if b.baseline > a.baseline { b } else { a })
    else {
        return false;
    };
    let mut body_lines = page
        .iter()
        .filter(|l| !own(l))
        .filter_map(|l| l.geometry)
        .filter(|g| (g.font_size - body_size).abs() <= 0.25);
    let all_below = body_lines.clone().all(|g| g.baseline > lowest.baseline);
    lowest.baseline < lowest.page_height / 2.0 && all_below && body_lines.nth(2).is_some()
}

/// For each piece, whether it stands in a reference list: after a line naming one
/// ("References", "Bibliography"), set as a heading or, when its type did not make it
/// one, as a line of text of its own, up to the next heading.
fn in_reference_lists(pieces: &[Piece]) -> Vec<bool> {
    let mut inside = false;
    pieces
        .iter()
        .map(|p| {
            // (A name is short: longer texts are not read.)
            let names_list = matches!(p.kind, PieceKind::Heading { .. } | PieceKind::Text)
                && p.text.len() <= 40
                && is_reference_list_heading(&p.text);
            if names_list {
                inside = true;
                return false;
            }
            if matches!(p.kind, PieceKind::Heading { .. } | PieceKind::NotesHeading) {
                inside = false;
            }
            inside
        })
        .collect()
}

/// Notes recognised by their neighbours: unlabelled citations among other notes (or with
/// a link line after them), a plainly numbered line followed by its link, and a line
/// numbered as the next note after a note ("4. Operators ranked…" after note 3), which would
/// otherwise pass for a list item. An unlabelled citation is no note in a reference list
/// (it is one of its entries) nor where `stays_text` says so: given the piece and whether
/// it stands alone (no note beside it), the caller keeps as text a citation that heads
/// its page (see [`above_the_body`]) and a lone one set in the body's type, a paragraph
/// between paragraphs that happens to cite ("See Pub. 525 or go to www.irs.gov").
pub(super) fn mark_notes_by_context(
    pieces: &mut [Piece],
    stays_text: &dyn Fn(&Piece, bool) -> bool,
) {
    let n = pieces.len();
    let in_references = in_reference_lists(pieces);
    let is_note = |p: &Piece| matches!(p.kind, PieceKind::Note(_) | PieceKind::Url);
    // Citation scores do not change between rounds: compute each once. A piece of more
    // than `MOST_WORDS` words is never taken for a citation, so its score (the costliest
    // part of the pass, and longest on the longest pieces) is never computed.
    const MOST_WORDS: usize = 90;
    let mut scores: Vec<Option<f32>> = vec![None; n];
    let mut changed = true;
    let mut rounds = 0;
    while changed && rounds < 4 {
        changed = false;
        rounds += 1;
        // The label of the nearest numbered note in the run of notes just before piece
        // `i` (looking past its link lines and unlabelled notes), kept as the loop goes:
        // looking back from each piece made a long run of unlabelled notes quadratic.
        let mut prev_label: Option<u32> = None;
        for i in 0..n {
            if let Some(before) = i.checked_sub(1).map(|b| &pieces[b]) {
                match before.kind {
                    PieceKind::Note(NoteLabel::Number(k)) => prev_label = Some(k),
                    _ if is_note(before) => {}
                    _ => prev_label = None,
                }
            }
            // Only text and numbered items can turn into notes.
            if !matches!(pieces[i].kind, PieceKind::Text | PieceKind::Item(_)) {
                continue;
            }
            let prev_note = i > 0 && is_note(&pieces[i - 1]);
            let next_url = pieces.get(i + 1).is_some_and(|p| p.kind == PieceKind::Url);
            let next_note = pieces.get(i + 1).is_some_and(is_note);
            match pieces[i].kind.clone() {
                PieceKind::Text => {
                    let (label, len) = note_label(&pieces[i].text, true);
                    if let NoteLabel::Number(k) = label
                        && (next_url || prev_label.is_some_and(|p| p + 1 == k))
                        && !pieces[i].text[len..]
                            .trim_start()
                            .starts_with(|c: char| c.is_lowercase())
                    {
                        let text = pieces[i].text[len..].trim_start().to_string();
                        pieces[i].text = text;
                        pieces[i].kind = PieceKind::Note(label);
                        changed = true;
                        continue;
                    }
                    let score = *scores[i].get_or_insert_with(|| {
                        if words(&pieces[i].text) <= MOST_WORDS {
                            citation_score(&pieces[i].text)
                        } else {
                            f32::NEG_INFINITY
                        }
                    });
                    let context =
                        if prev_note { 1.5 } else { 0.0 } + if next_note { 1.0 } else { 0.0 };
                    if score + context >= 3.5
                        && !in_references[i]
                        && !stays_text(&pieces[i], context == 0.0)
                    {
                        pieces[i].kind = PieceKind::Note(NoteLabel::None);
                        changed = true;
                    }
                }
                PieceKind::Item(marker)
                    if marker.class == crate::structure::classify::BulletClass::Number
                        && marker
                            .ordinal
                            .is_some_and(|k| prev_label.is_some_and(|p| p + 1 == k)) =>
                {
                    pieces[i].kind =
                        PieceKind::Note(NoteLabel::Number(marker.ordinal.unwrap_or(0)));
                    changed = true;
                }
                _ => {}
            }
        }
    }
}

#[cfg(test)]
#[path = "note_context_tests.rs"]
mod tests;
