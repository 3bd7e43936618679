//! Headings in scripts without case kept only when the document numbers them in sequence:
//! the candidates found line by line ([`crate::structure::uncased::candidate`]) are checked
//! against each other once the pieces exist.

use crate::structure::uncased::Style;

use super::{Piece, PieceKind};

/// A heading candidate: its piece index, style and number.
#[derive(Debug, Clone, Copy)]
pub struct Candidate {
    /// Index into the pieces.
    pub at: usize,
    /// How its number is printed.
    pub style: Style,
    /// Its number.
    pub n: u32,
}

/// Keeps as headings the candidates (in document order) that the document numbers in
/// sequence: in each style, a heading numbered `n` follows the one numbered `n - 1`, or
/// is `1` (parenthesised numbers start again under each plain-numbered heading), and the
/// style reaches `2` somewhere; up to `missing` numbers may be skipped between two kept
/// headings (a heading the extraction lost). A candidate directly followed by another of
/// its style is an item of a list. The rest turn back into text; their indexes are
/// returned. Kept parenthesised headings are numbered under their plain-numbered section
/// ("2.1"), so that they take the level below it.
pub fn keep_numbered_sequences(
    pieces: &mut [Piece],
    candidates: &[Candidate],
    missing: u32,
) -> Vec<usize> {
    let is_heading = |p: &Piece| matches!(p.kind, PieceKind::Heading { .. });
    let mut kept: Vec<Candidate> = Vec::new();
    let mut last_plain: Option<u32> = None;
    let mut last_parens: Option<u32> = None;
    for (k, c) in candidates.iter().enumerate() {
        if !is_heading(&pieces[c.at]) {
            continue;
        }
        let list_item = candidates
            .get(k + 1)
            .is_some_and(|d| d.at == c.at + 1 && d.style == c.style);
        let last = match c.style {
            Style::Plain => &mut last_plain,
            Style::Parens => &mut last_parens,
        };
        let in_sequence = c.n == 1 || last.is_some_and(|l| c.n > l && c.n <= l + 1 + missing);
        if list_item || !in_sequence {
            continue;
        }
        *last = Some(c.n);
        if c.style == Style::Plain {
            last_parens = None;
        }
        kept.push(*c);
    }
    // A style whose numbering never reaches 2 is no sequence.
    let reaches_two: Vec<Style> = kept.iter().filter(|c| c.n >= 2).map(|c| c.style).collect();
    kept.retain(|c| reaches_two.contains(&c.style));
    let mut major: Option<u32> = None;
    let mut numbers: Vec<(usize, String)> = Vec::new();
    for c in &kept {
        let number = match (c.style, major) {
            (Style::Plain, _) => {
                major = Some(c.n);
                c.n.to_string()
            }
            (Style::Parens, Some(m)) => format!("{m}.{}", c.n),
            (Style::Parens, None) => c.n.to_string(),
        };
        numbers.push((c.at, number));
    }
    let mut undone = Vec::new();
    for c in candidates {
        match numbers.iter().find(|(at, _)| *at == c.at) {
            Some((_, number)) => {
                if let PieceKind::Heading { number: n, .. } = &mut pieces[c.at].kind {
                    *n = Some(number.clone());
                }
            }
            None if is_heading(&pieces[c.at]) => {
                pieces[c.at].kind = PieceKind::Text;
                undone.push(c.at);
            }
            None => {}
        }
    }
    undone
}

#[cfg(test)]
mod tests {
    use super::super::test_pieces::{heading, piece};
    use super::*;

    #[test]
    fn only_numbers_in_sequence_stay_headings() {
        let body = "보험사는 기후변화, 전염병 등과 같은 신종위험으로 인한 사회적 손실이 증가한다.";
        let mut p = vec![
            heading("들어가며 1"),
            piece(PieceKind::Text, body),
            heading("코로나-19 관련 보험 현황 2"),
            heading("(1) 감염병 예방법 개정"),
            piece(PieceKind::Text, body),
            heading("(2) 표준약관 재해분류표"),
            piece(PieceKind::Text, body),
            // Out of sequence: a stray number.
            heading("(5) 생보업계의 의견"),
            piece(PieceKind::Text, body),
            // Two in a row of one style: a list.
            heading("(3) 첫째 항목"),
            heading("(4) 둘째 항목"),
            piece(PieceKind::Text, body),
        ];
        let c = |at, style, n| Candidate { at, style, n };
        let candidates = [
            c(0, Style::Plain, 1),
            c(2, Style::Plain, 2),
            c(3, Style::Parens, 1),
            c(5, Style::Parens, 2),
            c(7, Style::Parens, 5),
            c(9, Style::Parens, 3),
            c(10, Style::Parens, 4),
        ];
        let undone = keep_numbered_sequences(&mut p, &candidates, 0);
        assert_eq!(undone, vec![7, 9, 10]);
        let number = |i: usize| match &p[i].kind {
            PieceKind::Heading { number, .. } => number.clone(),
            _ => None,
        };
        assert_eq!(number(0).as_deref(), Some("1"));
        assert_eq!(number(3).as_deref(), Some("2.1"));
        assert_eq!(number(5).as_deref(), Some("2.2"));
    }

    #[test]
    fn a_lone_number_is_no_sequence() {
        let mut p = vec![
            heading("(1) 감염병 예방법 개정"),
            piece(
                PieceKind::Text,
                "보험사는 기후변화, 전염병 등과 같은 신종위험으로 인한 사회적 손실이 증가한다.",
            ),
        ];
        let undone = keep_numbered_sequences(
            &mut p,
            &[Candidate {
                at: 0,
                style: Style::Parens,
                n: 1,
            }],
            0,
        );
        assert_eq!(undone, vec![0]);
    }
}
