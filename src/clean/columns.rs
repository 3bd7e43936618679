//! Two-column pages in layout-preserving text (`pdftotext -layout`): the columns stand
//! side by side on the same lines, so reading line by line interleaves them. A gutter —
//! a band of spaces at the same place on many lines — splits them; the left column is read
//! before the right one.

use crate::lines::TextLine;
use crate::report::{Action, ActionKind, Report};

/// Lines with text on both sides of the gutter needed to believe in two columns.
const MIN_SPLIT_LINES: usize = 6;

/// Blank lines above the end of the first page's title block tried as the columns' start
/// when none show below it, and the rows looked at from each (a printed page has fewer):
/// bounds the extra work on a long first page.
const FALLBACK_STARTS: usize = 3;
const FALLBACK_ROWS: usize = 200;

/// Re-orders every page that has a gutter: full-width lines above, then the left column,
/// then the right column, then full-width lines below.
pub fn split(lines: &mut Vec<TextLine>, report: &mut Report) {
    if lines.iter().any(|l| l.geometry.is_some()) {
        return;
    }
    let mut out = Vec::with_capacity(lines.len());
    for range in crate::lines::page_ranges(lines) {
        let (start, page) = (range.start, lines[range.start].page);
        let page_lines = &lines[range];
        // The title block of the first page is laid out freely (letterhead left, contact
        // right): columns start after it.
        let skip = if start == 0 {
            crate::line_kinds::title_zone_end(page_lines)
        } else {
            0
        };
        // Narrow columns hold short lines: the first line long enough to read as prose
        // (which ends the title block) can come well down the columns, or never. If no
        // gutter shows below it, the columns are looked for from the blank lines above it,
        // the nearest first.
        let found = gutter(&page_lines[skip..])
            .map(|(g, f, t, turns)| (g, f + skip, t + skip, turns))
            .or_else(|| {
                page_lines[..skip]
                    .iter()
                    .enumerate()
                    .rev()
                    .filter(|(_, l)| l.is_blank())
                    .take(FALLBACK_STARTS)
                    .find_map(|(above, _)| {
                        let end = page_lines.len().min(above + FALLBACK_ROWS);
                        gutter(&page_lines[above..end])
                            .map(|(g, f, t, turns)| (g, f + above, t + above, turns))
                    })
            });
        match found {
            Some((g, from, to, turns)) => {
                report.push(
                    Action::new(ActionKind::Guess)
                        .page(page)
                        .lines([page_lines[from].source_line, page_lines[to - 1].source_line])
                        .evidence(format!(
                            "two columns split at character {g}: left column read first"
                        ))
                        .confidence(0.8),
                );
                out.extend(page_lines[..from].iter().cloned());
                // The right column's indentation counts from where its text starts, not from
                // the gutter: the gutter's width differs from page to page, the column's
                // own margin does not.
                let edge = page_lines[from..to]
                    .iter()
                    .filter(|l| !straddles(l, g))
                    .filter_map(|l| right_start(&laid_out(l), g))
                    .min()
                    .unwrap_or(g);
                // A line whose text runs through the gutter (a heading or a table row
                // across both columns) is never cut: it stays whole, in its place, and
                // the columns are read left then right above it and again below it.
                let mut rest = &page_lines[from..to];
                while !rest.is_empty() {
                    let cut = rest.iter().position(|l| straddles(l, g));
                    let (segment, whole) = match cut {
                        Some(k) => (&rest[..k], Some(&rest[k])),
                        None => (rest, None),
                    };
                    let (left, right): (Vec<TextLine>, Vec<TextLine>) =
                        segment.iter().map(|l| halves(l, g, edge)).unzip();
                    out.extend(column_rows(left, segment, turns));
                    out.extend(column_rows(right, segment, turns).into_iter().map(|mut l| {
                        l.column = 1;
                        l
                    }));
                    out.extend(whole.cloned());
                    rest = &rest[cut.map_or(rest.len(), |k| k + 1)..];
                }
                out.extend(page_lines[to..].iter().cloned());
            }
            None => out.extend(page_lines.iter().cloned()),
        }
    }
    *lines = out;
}

/// The full line as laid out: indentation restored.
fn laid_out(l: &TextLine) -> Vec<char> {
    let mut v: Vec<char> = std::iter::repeat_n(' ', l.indent as usize).collect();
    v.extend(l.text.chars());
    v
}

/// Whether cutting the line at position `g` would cut through a word.
fn straddles(l: &TextLine, g: usize) -> bool {
    let chars = laid_out(l);
    g > 0
        && chars.get(g - 1).is_some_and(|c| !c.is_whitespace())
        && chars.get(g).is_some_and(|c| !c.is_whitespace())
}

/// Where the text right of gutter position `g` starts on a laid-out line, if it has any.
fn right_start(chars: &[char], g: usize) -> Option<usize> {
    (g..chars.len()).find(|&k| !chars[k].is_whitespace())
}

/// What the gutter search needs to know of a laid-out row, read in one pass.
struct RowShape {
    /// The first and last positions that are not a space, if any.
    inked: Option<(usize, usize)>,
    /// Where the row's text starts when it reads as prose from there on.
    prose_from: Option<usize>,
}

impl RowShape {
    fn of(row: &[char]) -> RowShape {
        let first = row.iter().position(|c| *c != ' ');
        let last = row.iter().rposition(|c| *c != ' ');
        let start = row.iter().position(|c| !c.is_whitespace());
        RowShape {
            inked: first.zip(last),
            prose_from: start.filter(|&s| reads_as_prose(&row[s..])),
        }
    }
}

/// Splits a line at gutter position `g` into its left part and its right part, the right
/// part's indentation counted from `edge` (where the right column's text starts).
fn halves(l: &TextLine, g: usize, edge: usize) -> (TextLine, TextLine) {
    let chars = laid_out(l);
    let left: String = chars.iter().take(g).collect();
    let right: String = chars.iter().skip(edge.max(g)).collect();
    let mut a = TextLine::new(&left, l.page, l.source_line);
    let mut b = TextLine::new(&right, l.page, l.source_line);
    a.text = a.text.trim_end().to_string();
    b.text = b.text.trim_end().to_string();
    a.halved = true;
    b.halved = true;
    (a, b)
}

/// One column's side of the cut lines, without the empty rows that only stand for the
/// other column's lines. Where the two columns' baselines differ, pdftotext gives each
/// column's lines rows of their own, so either column alone shows an empty row wherever
/// the other has a line. Such a row is dropped where the column's text runs on across it:
/// the row above stops inside a sentence and the row below goes on with a word (not a
/// number or a bullet, which may open an item or an equation of their own). Every
/// other empty row may be the column's own gap and stays; so does every empty row where
/// the columns share their rows (`turns` false).
fn column_rows(side: Vec<TextLine>, whole: &[TextLine], turns: bool) -> Vec<TextLine> {
    if !turns {
        return side;
    }
    let runs_on = |above: Option<&TextLine>, below: Option<&TextLine>| {
        let ended = above.is_none_or(|l| {
            let plain = l.plain_cow();
            crate::words::ends_sentence(&plain) || plain.trim_end().ends_with(':')
        });
        let word = below.is_some_and(|l| l.plain_cow().starts_with(char::is_alphabetic));
        !ended && word
    };
    let mut keep = vec![true; side.len()];
    let mut above: Option<usize> = None;
    for i in 0..side.len() {
        if !side[i].is_blank() {
            above = Some(i);
            continue;
        }
        let below = side[i + 1..].iter().find(|l| !l.is_blank());
        keep[i] = whole[i].is_blank() || !runs_on(above.map(|a| &side[a]), below);
    }
    side.into_iter()
        .zip(keep)
        .filter_map(|(l, k)| k.then_some(l))
        .collect()
}

/// Finds a gutter on a page: (character position, first line, end line) of the range of
/// lines that it splits, and whether the columns take turns row by row.
fn gutter(page: &[TextLine]) -> Option<(usize, usize, usize, bool)> {
    let rows: Vec<Vec<char>> = page.iter().map(laid_out).collect();
    let width = rows.iter().map(Vec::len).max()?;
    if width < 60 {
        return None;
    }
    let blank_at = |r: &[char], x: usize| r.get(x).is_none_or(|c| *c == ' ');
    // Each row's shape is read once, so that trying a gutter position costs one step per
    // row, not one per character: a page of deeply indented lines is thousands of
    // characters wide.
    let shapes: Vec<RowShape> = rows.iter().map(|r| RowShape::of(r)).collect();
    // (score, x, from, to, whether the columns take turns row by row)
    let mut best: Option<(usize, usize, usize, usize, bool)> = None;
    for x in width * 3 / 10..width * 7 / 10 {
        // A line "splits" at x when it has text left of x and right of x+2 with a gap of
        // at least three spaces there; it "crosses" when its text runs through x. Where
        // the columns' baselines differ, pdftotext sets each column's lines on rows of
        // their own: then a row holds text on one side only, and the right column's rows
        // start at its edge.
        let mut split_lines = Vec::new();
        let mut crossing = Vec::new();
        let mut left_only = Vec::new();
        let mut right_only: Vec<(usize, usize)> = Vec::new(); // (row, start)
        for (i, (r, shape)) in rows.iter().zip(&shapes).enumerate() {
            let Some((first, last)) = shape.inked else {
                continue;
            };
            let gap = (x..x + 3).all(|k| blank_at(r, k));
            let left = first < x;
            let right = last >= x + 3;
            if !gap && left {
                // Text through x, or ending inside the gap: a cut there would split a word.
                crossing.push(i);
            } else if gap && left && right {
                split_lines.push(i);
            } else if gap && left {
                left_only.push(i);
            } else if gap
                && right
                && let Some(start) = shape.prose_from
            {
                // Nothing but spaces before x + 3: the row's text starts where it starts.
                right_only.push((i, start));
            }
        }
        let right_rows = rows_at_edge(&right_only);
        // Rows of one side only are evidence when the two sides take turns: many rows of
        // prose at the right column's edge, with rows of the left column between them.
        let turns = right_rows.len() >= MIN_SPLIT_LINES
            && right_rows
                .first()
                .zip(right_rows.last())
                .is_some_and(|(a, b)| {
                    left_only.iter().filter(|&&i| i > *a && i < *b).count() * 2 >= MIN_SPLIT_LINES
                });
        if split_lines.len() < MIN_SPLIT_LINES && !turns {
            continue;
        }
        let right_rows = if turns { right_rows } else { Vec::new() };
        // The range: from the first to the last line with text in the right column, not
        // crossed inside.
        let from = split_lines
            .first()
            .into_iter()
            .chain(right_rows.first())
            .copied()
            .min()
            .unwrap_or(0);
        let to = split_lines
            .last()
            .into_iter()
            .chain(right_rows.last())
            .copied()
            .max()
            .unwrap_or(0)
            + 1;
        let crossed_inside = crossing.iter().filter(|&&i| i > from && i < to).count();
        if crossed_inside * 10 > (to - from) {
            continue;
        }
        let score =
            ((split_lines.len() + right_rows.len()) * 10).saturating_sub(crossed_inside * 30);
        if best.is_none_or(|b| score > b.0) {
            best = Some((score, x, from, to, turns));
        }
    }
    let (_, x, from, to, turns) = best?;
    // Lines just above the range that sit entirely in one column belong to it.
    let mut from = from;
    while from > 0 {
        let r = &rows[from - 1];
        let blank = r.iter().all(|c| *c == ' ');
        let one_side = (x..x + 3).all(|k| blank_at(r, k));
        if blank || !one_side {
            break;
        }
        from -= 1;
    }
    let mut to = to;
    while to < rows.len() {
        let r = &rows[to];
        if r.iter().all(|c| *c == ' ') || !(x..x + 3).all(|k| blank_at(r, k)) {
            break;
        }
        to += 1;
    }
    Some((x + 1, from, to, turns))
}

/// Whether a column's row reads as running text: words, and no run of spaces (the cells
/// of a table row stand apart by such runs).
fn reads_as_prose(text: &[char]) -> bool {
    let s: String = text.iter().collect();
    let s = s.trim_end();
    let words = s
        .split_whitespace()
        .filter(|w| w.chars().filter(|c| c.is_alphabetic()).count() >= 2)
        .count();
    words >= 3 && !s.contains("   ")
}

/// The rows of `right_only` (row, start) that start at the column's edge: the commonest
/// start, or one character either side of it.
fn rows_at_edge(right_only: &[(usize, usize)]) -> Vec<usize> {
    let mut counts: std::collections::BTreeMap<usize, usize> = Default::default();
    for &(_, start) in right_only {
        *counts.entry(start).or_default() += 1;
    }
    let Some((&edge, _)) = counts
        .iter()
        .max_by_key(|(start, n)| (**n, usize::MAX - **start))
    else {
        return Vec::new();
    };
    right_only
        .iter()
        .filter(|(_, start)| start.abs_diff(edge) <= 1)
        .map(|(row, _)| *row)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// One page of layout text read through `split`: its non-empty lines in reading order,
    /// and the report.
    fn read_in_columns(page: &[&str]) -> (Vec<String>, Report) {
        let mut lines: Vec<TextLine> = page
            .iter()
            .enumerate()
            .map(|(i, t)| TextLine::new(t, 1, i + 1))
            .collect();
        let mut r = Report::default();
        split(&mut lines, &mut r);
        let texts = lines
            .iter()
            .map(|l| l.plain())
            .filter(|t| !t.is_empty())
            .collect();
        (texts, r)
    }

    #[test]
    fn side_by_side_columns_are_read_left_then_right() {
        let page = [
            "A TITLE ACROSS THE WHOLE PAGE",
            "Left one starts the left column    Right one starts the right col",
            "left two goes on with more words   right two goes on with words",
            "left three                          right three continues here",
            "left four has more words again      right four has more words too",
            "left five                           right five",
            "left six ends the left column.      right six ends the right one.",
            "A FULL WIDTH LINE AFTER THE COLUMNS RUNS RIGHT ACROSS THE GUTTER HERE",
        ];
        let (texts, _) = read_in_columns(&page);
        assert_eq!(texts[0], "A TITLE ACROSS THE WHOLE PAGE");
        assert_eq!(texts[1], "Left one starts the left column");
        assert_eq!(texts[6], "left six ends the left column.");
        assert_eq!(texts[7], "Right one starts the right col");
        assert_eq!(texts[12], "right six ends the right one.");
        assert_eq!(
            texts[13],
            "A FULL WIDTH LINE AFTER THE COLUMNS RUNS RIGHT ACROSS THE GUTTER HERE"
        );
    }

    #[test]
    fn ordinary_justified_text_is_left_alone() {
        let page: Vec<String> = (0..12)
            .map(|i| {
                format!(
                    "Line {i} of ordinary  prose that runs across the whole width of the page here."
                )
            })
            .collect();
        let mut lines: Vec<TextLine> = page
            .iter()
            .enumerate()
            .map(|(i, t)| TextLine::new(t, 1, i + 1))
            .collect();
        let before = lines.clone();
        split(&mut lines, &mut Report::default());
        assert_eq!(lines, before);
    }

    #[test]
    fn a_line_across_the_gutter_is_kept_whole_between_column_runs() {
        let page = [
            "Left one starts the left column    Right one starts the right col",
            "left two goes on with more words   right two goes on with words",
            "left three                          right three continues here",
            "left four has more words again      right four has more words too",
            "                       Estimate Totals Across",
            "left five                           right five",
            "left six ends the left column.      right six ends the right one.",
            "left seven                          right seven",
            "left eight has words                right eight has words",
            "left nine                           right nine",
            "left ten ends here.                 right ten ends here.",
        ];
        let (texts, r) = read_in_columns(&page);
        assert_eq!(r.count(ActionKind::Guess), 1, "the page has columns");
        assert!(
            texts.contains(&"Estimate Totals Across".to_string()),
            "{texts:?}"
        );
        let at = texts
            .iter()
            .position(|t| t == "Estimate Totals Across")
            .unwrap();
        assert_eq!(texts[at - 1], "right four has more words too", "{texts:?}");
        assert_eq!(texts[at + 1], "left five", "{texts:?}");
    }

    /// A first page whose two columns' baselines differ: pdftotext gives each column's
    /// lines rows of their own, so the columns take turns row by row.
    const TURNS: [&str; 19] = [
        "A Short Title",
        "",
        "The river carries silt from the         Why It Matters",
        "mountains to the delta every year,",
        "                                        The delta feeds millions of",
        "and farmers have long relied on it.",
        "                                        people in the region and",
        "What Changed",
        "                                        exports rice to many other",
        "Dams upstream now hold back much",
        "                                        countries across the world.",
        "of the silt, and the fields get",
        "                                        Its farmers grow three crops",
        "less of it each year than before.",
        "                                        a year on the same fields.",
        "                                          Less silt means weaker",
        "                                          banks along the coast.",
        "",
        "                                          Fields lose their soil.",
    ];

    #[test]
    fn columns_that_take_turns_row_by_row_are_read_apart() {
        let (texts, r) = read_in_columns(&TURNS);
        assert_eq!(r.count(ActionKind::Guess), 1, "{texts:?}");
        assert_eq!(
            texts,
            vec![
                "A Short Title",
                "The river carries silt from the",
                "mountains to the delta every year,",
                "and farmers have long relied on it.",
                "What Changed",
                "Dams upstream now hold back much",
                "of the silt, and the fields get",
                "less of it each year than before.",
                "Why It Matters",
                "The delta feeds millions of",
                "people in the region and",
                "exports rice to many other",
                "countries across the world.",
                "Its farmers grow three crops",
                "a year on the same fields.",
                "Less silt means weaker",
                "banks along the coast.",
                "Fields lose their soil.",
            ]
        );
    }

    #[test]
    fn empty_rows_stay_only_where_the_column_could_have_a_gap() {
        let mut lines: Vec<TextLine> = TURNS
            .iter()
            .enumerate()
            .map(|(i, t)| TextLine::new(t, 1, i + 1))
            .collect();
        split(&mut lines, &mut Report::default());
        let left: Vec<&TextLine> = lines.iter().filter(|l| l.halved && l.column == 0).collect();
        let at = |text: &str| left.iter().position(|l| l.text == text).unwrap();
        // Mid-sentence, the other column's rows leave no gap...
        assert_eq!(
            at("mountains to the delta every year,") + 1,
            at("and farmers have long relied on it.")
        );
        // ...nor between a title and its text; after a finished sentence they may be one.
        assert_eq!(
            at("What Changed") + 1,
            at("Dams upstream now hold back much")
        );
        assert!(left[at("and farmers have long relied on it.") + 1].is_blank());
        // The right column's indentation counts from its edge: its body at 0, the items
        // set in by two.
        let right: Vec<&TextLine> = lines.iter().filter(|l| l.column == 1).collect();
        let indent = |text: &str| right.iter().find(|l| l.text == text).unwrap().indent;
        assert_eq!(indent("The delta feeds millions of"), 0.0);
        assert_eq!(indent("Less silt means weaker"), 2.0);
    }

    #[test]
    fn a_table_with_a_few_header_rows_on_the_right_is_not_two_columns() {
        let page = [
            "Expenses as reported in the statements of the year, net of amounts capitalised.",
            "",
            "                                                              Year Ended",
            "                                                 Jan 26, 2025     Jan 28, 2024",
            "                                                              (In millions)",
            "Cost of revenue                                  $      178     $      141",
            "Research and development                              3,423          2,532",
            "Sales, general and administrative                     1,136            876",
            "Total                                            $    4,737     $    3,549",
            "",
            "Compensation capitalised in inventories was not significant in either year.",
        ];
        let (_, r) = read_in_columns(&page);
        assert_eq!(r.count(ActionKind::Guess), 0);
    }
}
