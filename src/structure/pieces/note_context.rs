//! Notes recognised by their label and their neighbours: citations among notes, symbol
//! labels, numbered lines that continue the notes, text inserted between a sentence and
//! its continuation; and numbered entries that belong to a reference list instead.

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

/// Text standing between a sentence left open and its lower-case continuation, together
/// with notes, is itself inserted material: a note whose shape gave nothing away.
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
        // The continuation: the next piece that starts in lower case.
        let Some(k) = (i + 1..pieces.len().min(i + 12)).find(|&k| {
            pieces[k].kind == PieceKind::Text
                && crate::rich::plain(&pieces[k].text).starts_with(|c: char| c.is_lowercase())
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
        if has_note && all_plain && !body_between && open_in_body_type {
            for j in gap {
                if pieces[j].kind == PieceKind::Text && words(&pieces[j].text) <= 80 {
                    pieces[j].kind = PieceKind::Note(NoteLabel::None);
                }
            }
        }
        i = k;
    }
}

/// Notes recognised by their neighbours: unlabelled citations among other notes (or with
/// a link line after them), a plainly numbered line followed by its link, and a line
/// numbered as the next note after a note ("4. Operators ranked…" after note 3), which would
/// otherwise pass for a list item.
pub(super) fn mark_notes_by_context(pieces: &mut [Piece]) {
    let n = pieces.len();
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
        for i in 0..n {
            // Only text and numbered items can turn into notes.
            if !matches!(pieces[i].kind, PieceKind::Text | PieceKind::Item(_)) {
                continue;
            }
            // The label of the note just before (looking past its link lines).
            let prev_label = pieces[..i]
                .iter()
                .rev()
                .take_while(|p| is_note(p))
                .find_map(|p| match p.kind {
                    PieceKind::Note(NoteLabel::Number(k)) => Some(k),
                    _ => None,
                });
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
                    if score + context >= 3.5 {
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
mod tests {
    use super::*;
    use crate::structure::pieces::test_pieces::piece;

    fn set(kind: PieceKind, text: &str, page: usize, size: f32) -> Piece {
        Piece {
            page,
            font_size: Some(size),
            ..piece(kind, text)
        }
    }

    #[test]
    fn text_between_an_open_sentence_and_its_continuation_joins_the_notes_there() {
        let mut pieces = vec![
            set(PieceKind::Text, "The committee decided that the", 1, 11.0),
            set(
                PieceKind::Note(NoteLabel::Number(1)),
                "A. Author, Title, 2020.",
                1,
                9.0,
            ),
            set(PieceKind::Text, "See also the annex of the report.", 1, 9.0),
            set(PieceKind::Text, "review should go on.", 2, 11.0),
        ];
        mark_notes_in_breaks(&mut pieces);
        assert_eq!(pieces[2].kind, PieceKind::Note(NoteLabel::None));
        assert_eq!(pieces[3].kind, PieceKind::Text);
    }

    #[test]
    fn a_figure_label_leaves_no_sentence_open() {
        // A chart's axis letter, its tick labels read as a note, the caption and the body
        // after the figure: nothing here is inserted into a sentence.
        let mut pieces = vec![
            set(PieceKind::Text, "x", 1, 4.8),
            set(
                PieceKind::Note(NoteLabel::Number(6)),
                "8 10 12 −4 f (x, y) −2",
                1,
                10.4,
            ),
            set(PieceKind::Text, "Figure 2.2: the parabola for a.", 1, 10.9),
            set(PieceKind::Text, "Hence the remark does not apply", 1, 10.9),
            set(PieceKind::Text, "is a half space.", 1, 10.9),
        ];
        mark_notes_in_breaks(&mut pieces);
        assert!(pieces[2..].iter().all(|p| p.kind == PieceKind::Text));
        // The same open sentence in body type over notes set smaller is a break.
        pieces[0] = set(PieceKind::Text, "The parabola is shown in", 1, 10.9);
        pieces[1].font_size = Some(8.0);
        pieces[2].font_size = Some(8.0);
        pieces[3].font_size = Some(8.0);
        mark_notes_in_breaks(&mut pieces);
        assert_eq!(pieces[2].kind, PieceKind::Note(NoteLabel::None));
    }
}
