//! Text is never joined across a rule drawn down the page through the gap between two of
//! its words. Such a rule is a border: a table's between two cells set close to it (a
//! row number and its label, a figure and its unit in the next column), or a frame's
//! side between a panel and the text beside it. Joined, the two cells' words read as
//! one line, and no later pass can tell where the border ran.

use super::WORD_GAP;
use super::pieces::Piece;
use crate::readers::pdf::interpreter::Dir;
use crate::source::Rule;

/// How far (points) a rule may stand inside the words on either side of a gap and still
/// run through it (glyph boxes are approximate).
const SLACK: f32 = 1.0;

/// The rules drawn down the page, by where they stand across it.
pub(super) struct Borders(Vec<(f32, f32, f32)>);

impl Borders {
    pub(super) fn of(rules: &[Rule]) -> Borders {
        let mut down: Vec<(f32, f32, f32)> = rules
            .iter()
            .filter(|r| !r.horizontal)
            .map(|r| (0.5 * (r.rect.x0 + r.rect.x1), r.rect.y0, r.rect.y1))
            .filter(|d| !d.0.is_nan())
            .collect();
        down.sort_by(|a, b| a.0.total_cmp(&b.0));
        Borders(down)
    }

    /// Whether a rule down the page runs from `x0` to `x1` across the height `y`.
    fn between(&self, x0: f32, x1: f32, y: f32) -> bool {
        let start = self.0.partition_point(|d| d.0 < x0 - SLACK);
        self.0[start..]
            .iter()
            .take_while(|d| d.0 <= x1 + SLACK)
            .any(|&(_, y0, y1)| y0 <= y && y <= y1)
    }

    /// The groups of pieces (each a line to be) cut wherever a rule down the page runs
    /// through the gap between two neighbouring pieces, on upright lines.
    pub(super) fn split(&self, groups: Vec<Vec<usize>>, pieces: &[Piece]) -> Vec<Vec<usize>> {
        if self.0.is_empty() {
            return groups;
        }
        let mut out = Vec::with_capacity(groups.len());
        for mut group in groups {
            if group.len() < 2 || group.iter().any(|&i| pieces[i].dir != Dir::HORIZONTAL) {
                out.push(group);
                continue;
            }
            group.sort_by(|&a, &b| pieces[a].x0.total_cmp(&pieces[b].x0).then(a.cmp(&b)));
            let mut part = vec![group[0]];
            for w in group.windows(2) {
                let (a, b) = (&pieces[w[0]], &pieces[w[1]]);
                // The middle of the lower-case letters, above the baseline.
                let y = a.y.max(b.y) - 0.3 * a.size.min(b.size);
                // Only at a word break: a rule through letters set tight ("3π" under a
                // plot's gridline) is drawn over them, not between them.
                let word_break = b.x0 - a.x1 > WORD_GAP * a.size.min(b.size);
                if word_break && self.between(a.x1, b.x0, y) {
                    out.push(std::mem::take(&mut part));
                }
                part.push(w[1]);
            }
            out.push(part);
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::readers::pdf::lines::fragments::tests::piece;

    fn down(x: f32, y0: f32, y1: f32) -> Rule {
        Rule::test_down(x, y0, y1)
    }

    /// A row number and its label set a word space apart, a border between them: two
    /// lines. Letters set tight under a gridline, and words a rule passes above or below,
    /// stay one line.
    #[test]
    fn a_rule_through_a_word_gap_cuts_the_line() {
        // Baseline 100, 10-pt type: the words reach up to about 92.
        let pieces = vec![
            piece("1", 50.0, 55.0, 100.0, 10.0, 0),
            piece("Testy", 60.0, 85.0, 100.0, 10.0, 1),
            piece("3", 120.0, 125.0, 100.0, 10.0, 2),
            piece("π", 125.2, 131.0, 100.0, 10.0, 3),
            piece("over", 150.0, 170.0, 100.0, 10.0, 4),
            piece("rule", 174.0, 190.0, 100.0, 10.0, 5),
        ];
        let borders = Borders::of(&[
            down(57.0, 80.0, 110.0),
            down(125.0, 80.0, 110.0),
            // Ends above the words: a tick, not a border through them.
            down(172.0, 60.0, 90.0),
        ]);
        let lines = borders.split(vec![vec![0, 1, 2, 3, 4, 5]], &pieces);
        assert_eq!(lines, vec![vec![0], vec![1, 2, 3, 4, 5]]);
    }
}
