//! Two-column pages in layout-preserving text (`pdftotext -layout`): the columns stand
//! side by side on the same lines, so reading line by line interleaves them. A gutter —
//! a band of spaces at the same place on many lines — splits them; the left column is read
//! before the right one.

use crate::lines::TextLine;
use crate::report::{Action, ActionKind, Report};

/// Lines with text on both sides of the gutter needed to believe in two columns.
const MIN_SPLIT_LINES: usize = 6;

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
        match gutter(&page_lines[skip..]).map(|(g, f, t)| (g, f + skip, t + skip)) {
            Some((g, from, to)) => {
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
                        segment.iter().map(|l| halves(l, g)).unzip();
                    out.extend(left);
                    out.extend(right.into_iter().map(|mut l| {
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

/// Splits a line at gutter position `g` into its left and right parts.
fn halves(l: &TextLine, g: usize) -> (TextLine, TextLine) {
    let chars = laid_out(l);
    let left: String = chars.iter().take(g).collect();
    let right: String = chars.iter().skip(g).collect();
    let mut a = TextLine::new(&left, l.page, l.source_line);
    let mut b = TextLine::new(&right, l.page, l.source_line);
    a.text = a.text.trim_end().to_string();
    b.text = b.text.trim_end().to_string();
    (a, b)
}

/// Finds a gutter on a page: (character position, first line, end line) of the range of
/// lines that it splits.
fn gutter(page: &[TextLine]) -> Option<(usize, usize, usize)> {
    let rows: Vec<Vec<char>> = page.iter().map(laid_out).collect();
    let width = rows.iter().map(Vec::len).max()?;
    if width < 60 {
        return None;
    }
    let blank_at = |r: &[char], x: usize| r.get(x).is_none_or(|c| *c == ' ');
    let mut best: Option<(usize, usize, usize, usize)> = None; // (score, x, from, to)
    for x in width * 3 / 10..width * 7 / 10 {
        // A line "splits" at x when it has text left of x and right of x+2 with a gap of
        // at least three spaces there; it "crosses" when its text runs through x.
        let mut split_lines = Vec::new();
        let mut crossing = Vec::new();
        for (i, r) in rows.iter().enumerate() {
            if r.iter().all(|c| *c == ' ') {
                continue;
            }
            let gap = (x..x + 3).all(|k| blank_at(r, k));
            let left = r.iter().take(x).any(|c| *c != ' ');
            let right = r.iter().skip(x + 3).any(|c| *c != ' ');
            if !gap && left && right {
                crossing.push(i);
            } else if gap && left && right {
                split_lines.push(i);
            }
        }
        if split_lines.len() < MIN_SPLIT_LINES {
            continue;
        }
        // The range: from the first to the last split line, not crossed inside.
        let from = split_lines[0];
        let to = split_lines[split_lines.len() - 1] + 1;
        let crossed_inside = crossing.iter().filter(|&&i| i > from && i < to).count();
        if crossed_inside * 10 > (to - from) {
            continue;
        }
        let score = split_lines.len() * 10 - crossed_inside * 30;
        if best.is_none_or(|b| score > b.0) {
            best = Some((score, x, from, to));
        }
    }
    let (_, x, from, to) = best?;
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
    Some((x + 1, from, to))
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
}
