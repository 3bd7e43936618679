//! Word breaks on a line whose producer draws its word spaces as glyphs. There a gap
//! with no space glyph in it is spacing inside a word unless it is as wide as a space:
//! the positions of a substituted font's narrower letters, or of letters placed one by
//! one, leave gaps past [`WORD_GAP`] that a text dump reads as "forma tte d te x t".

use super::pieces::Piece;
use super::{MAX_LINE_GAP, WORD_GAP};

/// The narrowest gap across a space glyph the line draws between two of its pieces
/// (`kept`, left to right), when the line's producer sets its word spaces as glyphs: it
/// draws two or more, no fewer than the gaps past [`WORD_GAP`] it leaves without one,
/// and none of those as wide as half the narrowest drawn (up to an em; wider is a
/// table's or a tab's). A producer that draws a few spaces and positions past the rest
/// (a justified line whose one drawn space sits in a formula) gives its gaps no such
/// meaning.
pub(super) fn narrowest_drawn_space(pieces: &[Piece], kept: &[usize]) -> Option<f32> {
    let drawn = |w: &[usize]| pieces[w[1]].space_before && pieces[w[1]].prev == Some(w[0]);
    let gap = |w: &[usize]| pieces[w[1]].x0 - pieces[w[0]].x1;
    let em = |w: &[usize]| pieces[w[0]].size.min(pieces[w[1]].size);
    let (mut n, mut narrowest) = (0usize, f32::INFINITY);
    for w in kept.windows(2).filter(|w| drawn(w)) {
        n += 1;
        narrowest = narrowest.min(gap(w));
    }
    if n < 2 || narrowest <= 0.0 {
        return None;
    }
    let mut undrawn = 0usize;
    for w in kept.windows(2).filter(|w| !drawn(w)) {
        let g = gap(w);
        if g > UNDRAWN_SHARE * narrowest && g <= MAX_LINE_GAP * em(w) {
            return None;
        }
        undrawn += usize::from(g > WORD_GAP * em(w));
    }
    (undrawn <= n).then_some(narrowest)
}

/// A gap with no glyph in it that is at most this share of the line's narrowest drawn
/// word space does not break a word.
const UNDRAWN_SHARE: f32 = 0.5;
/// ...and at most this wide (em): a word space is seldom narrower.
const UNDRAWN_MAX: f32 = 0.2;

/// Whether the gap between letters ending piece `q` and starting piece `p` (left to
/// right on one line) is spacing inside a word, though wider than [`WORD_GAP`]: the line
/// draws its word spaces as glyphs (`drawn`, the narrowest gap across one), none was
/// drawn here, and the gap is under half as wide. A font substituted with narrower
/// letters than the positions were set for ("S ize", "prem ia"), or a word's letters
/// placed one by one, leave such gaps; the producer's word spaces are its glyphs. Only letters of one font join: a change of font at a gap is a
/// formula's operator before its variable ("cos ϕ") as often as it is inside a word.
pub(super) fn inside_word(pieces: &[Piece], q: usize, p: usize, drawn: Option<f32>) -> bool {
    let Some(drawn) = drawn else {
        return false;
    };
    let (qp, pp) = (&pieces[q], &pieces[p]);
    let gap = pp.x0 - qp.x1;
    let em = pp.size.min(qp.size);
    // A space glyph drawn after `q` in the stream, wherever the next piece went.
    let space_after_q = pieces.get(q + 1).is_some_and(|r| r.space_before);
    let letters = qp.text.chars().next_back().is_some_and(char::is_alphabetic)
        && pp.text.chars().next().is_some_and(char::is_alphabetic);
    letters
        && qp.font == pp.font
        && !pp.space_before
        && !space_after_q
        && gap <= UNDRAWN_SHARE * drawn
        && gap <= UNDRAWN_MAX * em
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Pieces of 10-pt text left to right, each `(text, gap before it, a space glyph
    /// drawn before it)`, each drawn after the one before.
    fn row(items: &[(&str, f32, bool)]) -> Vec<Piece> {
        let mut x = 60.0;
        items
            .iter()
            .enumerate()
            .map(|(i, &(text, gap, space))| {
                x += gap;
                let x0 = x;
                x += 5.0 * text.chars().count() as f32;
                Piece {
                    space_before: space,
                    ..Piece::laid(text, x0, x, i)
                }
            })
            .collect()
    }

    fn joined(pieces: &[Piece]) -> Vec<bool> {
        let kept: Vec<usize> = (0..pieces.len()).collect();
        let drawn = narrowest_drawn_space(pieces, &kept);
        (1..pieces.len())
            .map(|i| inside_word(pieces, i - 1, i, drawn))
            .collect()
    }

    #[test]
    fn a_narrow_gap_joins_only_where_the_line_draws_its_spaces() {
        // Three drawn spaces of 3 pt; a 1.5-pt gap inside "formatted".
        let drawn = row(&[
            ("this", 0.0, false),
            ("is", 3.0, true),
            ("forma", 3.0, true),
            ("tted", 1.5, false),
            ("text", 3.0, true),
        ]);
        assert_eq!(joined(&drawn), [false, false, true, false]);
        // One drawn space (in a formula), the words positioned 1.5 pt apart: those
        // gaps are the line's word spaces.
        let positioned = row(&[
            ("where", 0.0, false),
            ("V", 1.5, false),
            ("is", 3.0, true),
            ("the", 1.5, false),
            ("rate", 1.5, false),
        ]);
        assert_eq!(joined(&positioned), [false; 4]);
        // A positioned gap as wide as the drawn ones: the producer draws only some.
        let mixed = row(&[
            ("this", 0.0, false),
            ("is", 3.0, true),
            ("forma", 3.0, true),
            ("tted", 1.5, false),
            ("text", 2.5, false),
        ]);
        assert_eq!(joined(&mixed), [false; 4]);
    }
}
