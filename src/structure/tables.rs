//! Tables in layout-preserving text (PDF pages: [`super::placed_tables`]): rows of cells separated by runs of spaces (or tabs),
//! aligned at the same columns, with cells wrapped onto continuation lines. Read as a
//! table they stay rows of cells; read as prose they would become paragraph soup.

use crate::lines::TextLine;

pub use super::table_run::TableRun;
use super::table_run::append_cell;

/// Segments of a laid-out line separated by three or more spaces: (start column, text).
pub fn cells_of(line: &TextLine) -> Vec<(usize, String)> {
    let mut chars: Vec<char> = std::iter::repeat_n(' ', line.indent as usize).collect();
    chars.extend(crate::rich::plain(&line.text).chars());
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    let mut spaces = 0;
    for (i, &c) in chars.iter().enumerate() {
        if c == ' ' {
            spaces += 1;
            if spaces == 3
                && let Some(s) = start.take()
            {
                out.push((
                    s,
                    chars[s..i - 2]
                        .iter()
                        .collect::<String>()
                        .trim()
                        .to_string(),
                ));
            }
        } else {
            if start.is_none() {
                start = Some(i);
            }
            spaces = 0;
        }
    }
    if let Some(s) = start {
        out.push((s, chars[s..].iter().collect::<String>().trim().to_string()));
    }
    out
}

/// Which column a cell starting at `at` belongs to (nearest column start at or before it,
/// within a tolerance).
fn column_of(starts: &[usize], at: usize) -> Option<usize> {
    starts.iter().rposition(|s| at + 3 >= *s)
}

/// Splits a cell that runs into the next column (pdftotext sometimes leaves one space
/// between cells) at the word boundary nearest the column start.
fn split_across(starts: &[usize], at: usize, text: &str) -> Vec<(usize, String)> {
    let end = at + text.chars().count();
    let mut out = Vec::new();
    let mut cur_at = at;
    let mut cur: Vec<char> = text.chars().collect();
    for &s in starts.iter().filter(|&&s| s > at + 2 && s < end) {
        let rel = s - cur_at;
        if rel >= cur.len() {
            break;
        }
        // The space nearest the column start, preferring one before a capital or a
        // digit: cells start that way, continuations of words do not.
        let cut = (0..cur.len()).filter(|&i| cur[i] == ' ').min_by_key(|&i| {
            let lower = cur.get(i + 1).is_some_and(|c| c.is_lowercase());
            i.abs_diff(rel) + if lower { 10 } else { 0 }
        });
        let Some(cut) = cut else { break };
        if cut.abs_diff(rel) > 6 {
            continue;
        }
        out.push((
            cur_at,
            cur[..cut].iter().collect::<String>().trim().to_string(),
        ));
        cur = cur[cut + 1..].to_vec();
        cur_at += cut + 1;
    }
    out.push((cur_at, cur.iter().collect::<String>().trim().to_string()));
    out
}

/// Finds tables (PDF lines: see [`super::placed_tables`]): a line of three or more cells, then rows and continuation lines aligned
/// with its columns, up to a blank line or a line of prose.
pub fn find(lines: &[TextLine]) -> Vec<TableRun> {
    if lines.iter().any(|l| l.geometry.is_some()) {
        return super::placed_tables::find(lines);
    }
    let mut out = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        // PDF lines carry no spacing to read cells from.
        if lines[i].geometry.is_some() || !lines[i].text.contains("   ") {
            i += 1;
            continue;
        }
        let head = cells_of(&lines[i]);
        if head.len() < 3 {
            i += 1;
            continue;
        }
        let starts: Vec<usize> = head.iter().map(|(s, _)| *s).collect();
        let width = lines[i].indent as usize + crate::rich::plain(&lines[i].text).chars().count();
        let mut rows: Vec<Vec<String>> = vec![head.iter().map(|(_, t)| t.clone()).collect()];
        let mut j = i + 1;
        while j < lines.len() && !lines[j].is_blank() && lines[j].page == lines[i].page {
            let cells = cells_of(&lines[j]);
            let first_at = cells.first().map_or(0, |c| c.0);
            // Prose: one long run of text across the columns.
            if cells.len() == 1
                && cells[0].1.chars().count() > (width * 6 / 10).max(40)
                && first_at <= starts[0] + 3
            {
                break;
            }
            if cells
                .iter()
                .any(|(at, _)| column_of(&starts, *at).is_none())
            {
                break;
            }
            let mut placed: Vec<(usize, String)> = Vec::new();
            for (at, text) in cells {
                for (a, t) in split_across(&starts, at, &text) {
                    if let Some(k) = column_of(&starts, a) {
                        placed.push((k, t));
                    }
                }
            }
            let new_row = placed.iter().any(|(k, _)| *k == 0) && placed.len() >= 2;
            if new_row {
                let mut row = vec![String::new(); starts.len()];
                for (k, t) in placed {
                    append_cell(&mut row[k], &t);
                }
                rows.push(row);
            } else if let Some(last) = rows.last_mut() {
                for (k, t) in placed {
                    if let Some(cell) = last.get_mut(k) {
                        append_cell(cell, &t);
                    }
                }
            }
            j += 1;
        }
        if rows.len() >= 2 {
            out.push(TableRun {
                start: i,
                end: j,
                rows,
                head: Default::default(),
            });
            i = j;
        } else {
            i += 1;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(text: &str) -> Vec<TextLine> {
        crate::lines::test_lines(text)
    }

    #[test]
    fn wrapped_cells_and_cells_run_together() {
        let text = "Task type                        Loss at 30 WBGT             Loss above 32 WBGT
Brick moulding and carrying      11 per cent                 23 per cent
loads by hand
Concrete work and scaffolding 8 per cent                     17 per cent
on building sites

The losses are concentrated in the afternoon, when output falls well below the morning rate.";
        let t = find(&lines(text));
        assert_eq!(t.len(), 1);
        assert_eq!((t[0].start, t[0].end), (0, 5));
        assert_eq!(
            t[0].rows,
            vec![
                vec!["Task type", "Loss at 30 WBGT", "Loss above 32 WBGT"],
                vec![
                    "Brick moulding and carrying loads by hand",
                    "11 per cent",
                    "23 per cent"
                ],
                vec![
                    "Concrete work and scaffolding on building sites",
                    "8 per cent",
                    "17 per cent"
                ],
            ]
        );
    }

    #[test]
    fn header_continued_under_its_cells() {
        let text = "  Task type                 Loss at 30      Loss above 32
                            WBGT            WBGT
  Brick moulding            11 per cent     23 per cent";
        let t = find(&lines(text));
        assert_eq!(
            t[0].rows[0],
            vec!["Task type", "Loss at 30 WBGT", "Loss above 32 WBGT"]
        );
        assert_eq!(t[0].rows.len(), 2);
    }

    #[test]
    fn a_heading_across_two_columns_joins_the_table_over_its_header() {
        let placed = |text: &str, x0: f32, x1: f32, baseline: f32| {
            crate::lines::test_placed(text, 2, x0, x1, baseline, 9.0)
        };
        let mut lines = vec![
            placed(
                "Paragraph before the table, set across the page.",
                65.0,
                530.0,
                120.0,
            ),
            placed("Year ended 31 December", 250.0, 360.0, 140.0),
        ];
        let rows = [
            ["Region", "2023", "2022", "Change"],
            ["Lower basin", "1,136", "876", "29.7"],
            ["Upper basin", "178", "141", "26.2"],
        ];
        for (r, row) in rows.iter().enumerate() {
            let y = 152.0 + 12.0 * r as f32;
            for (k, text) in row.iter().enumerate() {
                let x = [71.0, 260.0, 330.0, 400.0][k];
                lines.push(placed(text, x, x + 25.0, y));
            }
        }
        let t = find(&lines);
        assert_eq!(t.len(), 1);
        assert_eq!((t[0].start, t[0].end), (1, lines.len()));
        assert_eq!(t[0].rows[0], vec!["", "Year ended 31 December", "", ""]);
        assert_eq!(t[0].rows[1], vec!["Region", "2023", "2022", "Change"]);
        assert_eq!(t[0].head.rows, 1);
        assert_eq!(
            t[0].head.spans,
            vec![crate::model::CellSpan {
                row: 0,
                column: 1,
                columns: 2
            }]
        );
        // A line over one column only is the text above, left out as today.
        lines[1] = placed("In thousands", 260.0, 285.0, 140.0);
        let t = find(&lines);
        assert_eq!(t[0].start, 2);
        assert_eq!(t[0].head, Default::default());
    }

    #[test]
    fn prose_is_not_a_table() {
        let text = "An ordinary paragraph of justified   text   with   wide spaces\nthat continues on the next line as prose usually does here.";
        assert!(find(&lines(text)).is_empty());
    }
}
