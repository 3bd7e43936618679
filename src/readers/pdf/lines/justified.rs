//! Justified lines the walk along the stream broke apart. A justified line of few words
//! in a narrow column spreads them an em or more apart, each space as wide as the next;
//! where a space comes out a hair over the walk's limit the line falls into pieces on
//! one baseline, which later passes take for a table's cells. The page proves the line
//! whole when its spaces and the gaps between its pieces are all alike and it fills the
//! measure a line just above or below it fills: a gutter or a table's column gap is wider
//! than the words' spaces beside it, and a table's row seldom spans a paragraph's line.

use super::{Frag, Relation, relation, root};
use crate::readers::pdf::lines::MAX_MERGE_GAP;
use crate::readers::pdf::lines::pieces::Piece;

/// How far (as a share of the line's mean space) each space may differ from the mean and
/// still be one of a justified line's spaces, which are spread evenly.
const EVEN_SPACE: f32 = 0.12;

/// How far (in ems) the ends of a line may lie from a neighbour's and still fill the
/// same measure.
const SAME_END: f32 = 0.3;

/// How far (in ems) the left ends of a paragraph's lines may differ: a first line's
/// indent, or the hanging indent of a heading's or an entry's turned lines. The right
/// ends still meet at the measure.
const INDENT: f32 = 2.0;

/// How far (in line sizes) above or below a neighbour filling the same measure may lie.
const NEIGHBOUR_REACH: f32 = 2.5;

/// The widest space (in ems) a justified line is joined across. A narrow column's line
/// of four words spreads them two ems apart; wider than this is a gutter.
const MAX_SPACE: f32 = 2.5;

/// The most lines on one baseline among which broken justified lines are looked for: a
/// page's columns put a handful side by side; thousands are a drawing's or a hostile
/// file's, whose joins would cost each line a search of the rest.
const MAX_ROW: usize = 256;

/// The most lines near a baseline searched for one filling the same measure.
const MAX_NEIGHBOURS: usize = 256;

/// The most pieces one line is looked for across.
const MAX_PARTS: usize = 16;

/// One line as the earlier passes left it: a union of fragments.
#[derive(Debug, Clone)]
struct Part {
    root: usize,
    dir: crate::readers::pdf::interpreter::Dir,
    base: f32,
    size: f32,
    x0: f32,
    x1: f32,
    gap_sum: f32,
    gap_n: u32,
    gap_min: f32,
    gap_max: f32,
    /// The pieces at its left and right ends.
    first: usize,
    last: usize,
}

/// Joins, in `parent`, the lines that are one justified line broken at its spaces
/// (`anchor`: each root's main fragment).
pub(super) fn join(frags: &[Frag], parent: &mut [usize], anchor: &[usize], pieces: &[Piece]) {
    let mut parts = parts(frags, parent, anchor, pieces);
    if parts.len() < 3 {
        return;
    }
    parts.sort_by(|a, b| {
        (a.dir, a.base)
            .partial_cmp(&(b.dir, b.base))
            .unwrap_or(std::cmp::Ordering::Equal)
    });
    let mut i = 0;
    while i < parts.len() {
        let first = &parts[i];
        let mut end = i + 1;
        while end < parts.len()
            && parts[end].dir == first.dir
            && relation(
                first.base,
                first.size,
                parts[end].base,
                parts[end].size,
                0.0,
            ) == Relation::Same
        {
            end += 1;
        }
        if (2..=MAX_ROW).contains(&(end - i)) {
            let mut row: Vec<&Part> = parts[i..end].iter().collect();
            row.sort_by(|a, b| a.x0.total_cmp(&b.x0));
            for chain in justified_runs(&row, &parts, pieces) {
                for pair in chain.windows(2) {
                    let (ra, rb) = (root(parent, pair[0]), root(parent, pair[1]));
                    if ra != rb {
                        parent[rb] = ra;
                    }
                }
            }
        }
        i = end;
    }
}

/// Each root's line, with its extent, its word spaces and its end pieces.
fn parts(frags: &[Frag], parent: &mut [usize], anchor: &[usize], pieces: &[Piece]) -> Vec<Part> {
    let mut by_root: Vec<Option<Part>> = vec![None; frags.len()];
    for (i, f) in frags.iter().enumerate() {
        let r = root(parent, i);
        let (Some(&lo), Some(&hi)) = (
            f.pieces
                .iter()
                .min_by(|&&a, &&b| x0(pieces, a).total_cmp(&x0(pieces, b))),
            f.pieces
                .iter()
                .max_by(|&&a, &&b| x1(pieces, a).total_cmp(&x1(pieces, b))),
        ) else {
            continue;
        };
        let part = by_root[r].get_or_insert_with(|| {
            let main = &frags[anchor[r]];
            Part {
                root: r,
                dir: main.dir,
                base: main.base,
                size: main.size,
                x0: f.x0,
                x1: f.x1,
                gap_sum: 0.0,
                gap_n: 0,
                gap_min: f32::INFINITY,
                gap_max: 0.0,
                first: lo,
                last: hi,
            }
        });
        if x0(pieces, lo) < x0(pieces, part.first) {
            part.first = lo;
        }
        if x1(pieces, hi) > x1(pieces, part.last) {
            part.last = hi;
        }
        part.x0 = part.x0.min(f.x0);
        part.x1 = part.x1.max(f.x1);
        part.gap_sum += f.gap_sum;
        part.gap_n += f.gap_n;
        part.gap_min = part.gap_min.min(f.gap_min);
        part.gap_max = part.gap_max.max(f.gap_max);
    }
    by_root.into_iter().flatten().collect()
}

fn x0(pieces: &[Piece], i: usize) -> f32 {
    pieces.get(i).map_or(f32::INFINITY, |p| p.x0)
}

fn x1(pieces: &[Piece], i: usize) -> f32 {
    pieces.get(i).map_or(f32::NEG_INFINITY, |p| p.x1)
}

/// The runs of `row` (one baseline's lines, left to right) that are one justified line,
/// each as its lines' roots. A run is taken as long as it holds: the longest from each
/// start, so a column's broken line is joined without the next column's.
fn justified_runs(row: &[&Part], all: &[Part], pieces: &[Piece]) -> Vec<Vec<usize>> {
    let mut out = Vec::new();
    let mut i = 0;
    while i + 1 < row.len() {
        let mut end = i + 1;
        while end < row.len() && end - i < MAX_PARTS && spaced(row[end - 1], row[end], pieces) {
            end += 1;
        }
        let found = (i + 2..=end)
            .rev()
            .find(|&e| evenly_spaced(&row[i..e]) && fills_measure(&row[i..e], all));
        match found {
            Some(e) => {
                out.push(row[i..e].iter().map(|p| p.root).collect());
                i = e;
            }
            None => i += 1,
        }
    }
    out
}

/// Whether `r` stands a stretched word space after `l`: wider than a space the walk
/// would have kept, no wider than [`MAX_SPACE`], between two words of one type size. (A
/// word has two letters, or is one in lower case ("a"): a formula's or a form's evenly
/// set symbols, `+` or leader dots, figures, a diagram's atoms or a checkbox row's "M F
/// X" are no words, nor are characters of a script without case, whose lines are set
/// evenly by design. An OCR layer's words are drawn invisible where a scan put them.)
fn spaced(l: &Part, r: &Part, pieces: &[Piece]) -> bool {
    let s = l.size.max(r.size);
    let gap = r.x0 - l.x1;
    let word = |i: usize| {
        pieces.get(i).is_some_and(|p| {
            !p.invisible && {
                let mut letters = p.text.chars().filter(|c| c.is_alphabetic());
                match (letters.next(), letters.next()) {
                    (Some(_), Some(_)) => true,
                    (Some(c), None) => c.is_lowercase(),
                    _ => false,
                }
            }
        })
    };
    l.size.min(r.size) >= 0.9 * s
        && gap > MAX_MERGE_GAP * s
        && gap <= MAX_SPACE * s
        && word(l.last)
        && word(r.first)
}

/// Whether the spaces inside `run` and the gaps between its lines are all alike, two of
/// them at least (one word beside another proves nothing).
fn evenly_spaced(run: &[&Part]) -> bool {
    let between = run.windows(2).map(|w| w[1].x0 - w[0].x1);
    let (mut sum, mut n, mut lo, mut hi) = (0.0f32, 0u32, f32::INFINITY, 0.0f32);
    for gap in between {
        sum += gap;
        n += 1;
        lo = lo.min(gap);
        hi = hi.max(gap);
    }
    for p in run {
        sum += p.gap_sum;
        n += p.gap_n;
        lo = lo.min(p.gap_min);
        hi = hi.max(p.gap_max);
    }
    let mean = sum / n.max(1) as f32;
    n >= 2 && mean - lo <= EVEN_SPACE * mean && hi - mean <= EVEN_SPACE * mean
}

/// Whether a line within [`NEIGHBOUR_REACH`] sizes above or below `run` ends where it
/// does and starts where it does or an indent ([`INDENT`]) from it: the measure of the
/// paragraph it is a line of.
fn fills_measure(run: &[&Part], all: &[Part]) -> bool {
    let (Some(first), Some(last)) = (run.first(), run.last()) else {
        return false;
    };
    let (x0, x1, base, s) = (first.x0, last.x1, first.base, first.size);
    let from = all.partition_point(|p| {
        p.dir < first.dir || (p.dir == first.dir && p.base < base - NEIGHBOUR_REACH * s)
    });
    all[from..]
        .iter()
        .take_while(|p| p.dir == first.dir && p.base <= base + NEIGHBOUR_REACH * s)
        .take(MAX_NEIGHBOURS)
        .any(|p| {
            (p.base - base).abs() >= 0.5 * s
                && (p.x0 - x0).abs() <= INDENT * s
                && (p.x1 - x1).abs() <= SAME_END * s
        })
}

#[cfg(test)]
mod tests {
    use super::super::group;
    use super::super::tests::piece;

    /// A full line from 100 to 240 pt, then the next line's words at `xs`, 8.5 pt.
    fn page(words: &[(&str, f32, f32)], measure_above: bool) -> Vec<Vec<usize>> {
        indented_page(words, measure_above, 0.0)
    }

    /// As [`page`], the full line starting `indent` points right of 100 (its right end
    /// stays at 240).
    fn indented_page(
        words: &[(&str, f32, f32)],
        measure_above: bool,
        indent: f32,
    ) -> Vec<Vec<usize>> {
        let mut pieces = Vec::new();
        if measure_above {
            pieces.push(piece(
                "Another leading code, the Global Reporting",
                100.0 + indent,
                240.0,
                100.0,
                8.5,
                0,
            ));
        }
        for &(text, x0, x1) in words {
            pieces.push(piece(text, x0, x1, 110.0, 8.5, pieces.len()));
        }
        let mut lines = group(&pieces);
        lines.sort();
        lines
    }

    /// "Initiative (GRI) originated with", each space 9 pt: over the walk's em.
    const SPREAD: [(&str, f32, f32); 4] = [
        ("Initiative", 100.0, 135.0),
        ("(GRI)", 144.0, 165.0),
        ("originated", 174.0, 213.0),
        ("with", 222.0, 240.0),
    ];

    #[test]
    fn a_justified_line_spread_over_an_em_is_one_line() {
        let lines = page(&SPREAD, true);
        assert_eq!(lines, vec![vec![0], vec![1, 2, 3, 4]]);
    }

    #[test]
    fn without_a_measure_beside_it_the_line_stays_in_pieces() {
        // No line above or below ends where it does: a table's row of single words
        // can be spaced as evenly.
        let lines = page(&SPREAD, false);
        assert_eq!(lines.len(), 4, "{lines:?}");
    }

    #[test]
    fn a_neighbour_indented_from_the_line_still_sets_its_measure() {
        // A heading's turned lines hang an em in; a paragraph's first line is indented.
        let lines = indented_page(&SPREAD, true, 8.5);
        assert_eq!(lines, vec![vec![0], vec![1, 2, 3, 4]]);
        // Two and a half ems in (clear of every word's start) is another block's edge.
        assert_eq!(indented_page(&SPREAD, true, 20.0).len(), 5);
    }

    #[test]
    fn uneven_gaps_are_no_justified_spaces() {
        let mut words = SPREAD;
        words[2] = ("originated", 177.0, 213.0);
        assert_eq!(page(&words, true).len(), 5);
    }

    #[test]
    fn evenly_set_symbols_are_no_words() {
        let words = [
            ("x", 100.0, 135.0),
            ("+", 144.0, 165.0),
            ("y", 174.0, 213.0),
            ("=", 222.0, 240.0),
        ];
        assert_eq!(page(&words, true).len(), 5);
    }
}
