//! Tests of reading a grid of rules as a table: what the drawing must show (a frame, or
//! open sides the rules over and under prove; cells that are rectangles), what the text
//! must do (keep inside its cells), and what is no table (a lattice of marks, cells of
//! running text).

use super::*;
use crate::lines::test_placed;
use crate::source::{Rect, Rule};

fn rule(x0: f32, y0: f32, x1: f32, y1: f32) -> Rule {
    Rule {
        rect: Rect { x0, y0, x1, y1 },
        horizontal: x1 - x0 > y1 - y0,
    }
}

fn drawn(rules: Vec<Rule>) -> Page {
    Page {
        number: 1,
        rules,
        ..Default::default()
    }
}

/// Rules across at `ys` from `x0` to `x1`, and down at `xs` from the first `y` to the last.
fn grid(xs: &[f32], ys: &[f32]) -> Vec<Rule> {
    let (x0, x1) = (xs[0], xs[xs.len() - 1]);
    let (y0, y1) = (ys[0], ys[ys.len() - 1]);
    let mut rules: Vec<Rule> = ys.iter().map(|&y| rule(x0, y, x1, y + 0.5)).collect();
    rules.extend(xs.iter().map(|&x| rule(x, y0, x + 0.5, y1)));
    rules
}

/// A line of text set in the cell whose left edge is `x`, on baseline `y`.
fn cell_text(text: &str, x: f32, y: f32) -> TextLine {
    test_placed(text, 1, x + 4.0, x + 4.0 + 5.0 * text.len() as f32, y, 10.0)
}

fn said(a: &crate::report::Action, what: &str) -> bool {
    a.evidence.as_deref().is_some_and(|e| e.contains(what))
}

fn numbered(mut lines: Vec<TextLine>) -> Vec<TextLine> {
    for (i, l) in lines.iter_mut().enumerate() {
        l.source_line = i;
    }
    lines
}

/// A line's cell as (row, column, columns covered).
type Place = Option<(u16, u16, u16)>;

fn cells_of(lines: &[TextLine]) -> Vec<(String, Place)> {
    lines
        .iter()
        .map(|l| (l.text.clone(), l.cell.map(|c| (c.row, c.column, c.columns))))
        .collect()
}

/// Three rows by three columns, baselines 116, 136, 156 between rules at 100..160.
fn three_by_three(texts: [[&str; 3]; 3]) -> Vec<TextLine> {
    let mut lines = vec![test_placed(
        "A sentence of running text above the table.",
        1,
        40.0,
        400.0,
        80.0,
        10.0,
    )];
    for (r, row) in texts.iter().enumerate() {
        for (c, t) in row.iter().enumerate() {
            if !t.is_empty() {
                lines.push(cell_text(
                    t,
                    50.0 + 100.0 * c as f32,
                    116.0 + 20.0 * r as f32,
                ));
            }
        }
    }
    numbered(lines)
}

#[test]
fn a_framed_grid_gives_each_line_its_cell_and_a_left_out_border_a_span() {
    let mut lines = three_by_three([
        ["Name", "North", "South"],
        ["Use", "Irrigation", ""],
        ["Size", "41", "18"],
    ]);
    // The border between the second row's last two cells is left out.
    let mut rules = grid(&[50.0, 150.0, 250.0, 350.0], &[100.0, 120.0, 140.0, 160.0]);
    rules.retain(|r| !(r.rect.x0 == 250.0));
    rules.push(rule(250.0, 100.0, 250.5, 120.0));
    rules.push(rule(250.0, 140.0, 250.5, 160.0));
    let mut report = Report::default();
    mark(&mut lines, &[drawn(rules)], &mut report);
    let cells = cells_of(&lines);
    assert_eq!(cells[0].1, None, "the sentence above is in no cell");
    assert_eq!(cells[1].1, Some((0, 0, 1)));
    assert_eq!(cells[5].1, Some((1, 1, 2)), "Irrigation spans two columns");
    assert_eq!(cells[8].1, Some((2, 2, 1)));
    assert!(
        lines[1..]
            .iter()
            .all(|l| l.cell.is_some_and(|c| c.grid == 1))
    );
    assert!(report.actions.iter().any(|a| said(a, "3 rows × 3 columns")));
}

#[test]
fn cells_that_make_no_rectangle_are_a_drawing() {
    let mut lines = three_by_three([["a", "b", "c"], ["d", "e", "f"], ["g", "h", "i"]]);
    // Slots (0,0), (0,1) and (1,1) joined: an L.
    let mut rules = grid(&[50.0, 150.0, 250.0, 350.0], &[100.0, 120.0, 140.0, 160.0]);
    rules.retain(|r| !(r.rect.x0 == 150.0 || r.rect.y0 == 120.0));
    rules.push(rule(150.0, 120.0, 150.5, 160.0));
    rules.push(rule(50.0, 120.0, 150.0, 120.5));
    rules.push(rule(250.0, 120.0, 350.0, 120.5));
    mark(&mut lines, &[drawn(rules)], &mut Report::default());
    assert!(lines.iter().all(|l| l.cell.is_none()));
}

#[test]
fn a_line_across_a_border_leaves_the_grid_as_text_and_says_why() {
    let mut lines = three_by_three([["Name", "North", "South"], ["", "", ""], ["x", "y", "z"]]);
    lines.push(test_placed(
        "runs over two cells",
        1,
        60.0,
        240.0,
        136.0,
        10.0,
    ));
    let lines_before = lines.clone();
    let mut report = Report::default();
    mark(
        &mut lines,
        &[drawn(grid(
            &[50.0, 150.0, 250.0, 350.0],
            &[100.0, 120.0, 140.0, 160.0],
        ))],
        &mut report,
    );
    assert_eq!(lines, lines_before);
    assert!(
        report
            .actions
            .iter()
            .any(|a| said(a, "runs over two cells") && said(a, "across a border"))
    );
}

#[test]
fn rules_running_on_together_past_the_outer_rules_down_are_open_sides() {
    let mut lines = three_by_three([
        ["Action", "Labor", "Parts"],
        ["Repair", "12 hours", "$300"],
        ["Survey", "4 hours", "$0"],
    ]);
    // Rules across from 50 to 350, rules down only between the columns; body unruled.
    let mut rules = vec![
        rule(50.0, 100.0, 350.0, 100.5),
        rule(50.0, 120.0, 350.0, 120.5),
        rule(50.0, 160.0, 350.0, 160.5),
    ];
    rules.push(rule(150.0, 100.0, 150.5, 160.0));
    rules.push(rule(250.0, 100.0, 250.5, 160.0));
    mark(&mut lines, &[drawn(rules.clone())], &mut Report::default());
    let cells = cells_of(&lines);
    assert_eq!(cells[1].1, Some((0, 0, 1)), "Action heads the stub column");
    assert_eq!(cells[4].1, Some((1, 0, 1)));
    assert_eq!(
        cells[9].1,
        Some((1, 2, 1)),
        "both body lines in the one ruled row"
    );

    // The rule under the table stops at the last rule down: no open side, no frame.
    let mut lines = three_by_three([["a", "b", "c"], ["d", "e", "f"], ["g", "h", "i"]]);
    rules[2] = rule(50.0, 160.0, 250.0, 160.5);
    mark(&mut lines, &[drawn(rules)], &mut Report::default());
    assert!(lines.iter().all(|l| l.cell.is_none()));
}

#[test]
fn a_frame_whose_top_rule_runs_on_past_one_side_is_no_frame() {
    let mut lines = three_by_three([["a", "b", "c"], ["d", "e", "f"], ["g", "h", "i"]]);
    let mut rules = grid(&[50.0, 150.0, 250.0, 350.0], &[100.0, 120.0, 140.0, 160.0]);
    rules[0] = rule(50.0, 100.0, 500.0, 100.5);
    mark(&mut lines, &[drawn(rules)], &mut Report::default());
    assert!(lines.iter().all(|l| l.cell.is_none()));
}

#[test]
fn a_header_printed_over_the_top_rule_is_the_first_row() {
    // Rules under the header and each row; the header's lines sit right over the frame.
    let mut lines = vec![
        cell_text("Gauge", 50.0, 96.0),
        cell_text("District", 150.0, 96.0),
        cell_text("Reading", 250.0, 96.0),
    ];
    for (r, row) in [["Ford", "Lower", "2.41"], ["Weir", "Middle", "1.87"]]
        .iter()
        .enumerate()
    {
        for (c, t) in row.iter().enumerate() {
            lines.push(cell_text(
                t,
                50.0 + 100.0 * c as f32,
                116.0 + 20.0 * r as f32,
            ));
        }
    }
    let mut lines = numbered(lines);
    mark(
        &mut lines,
        &[drawn(grid(
            &[50.0, 150.0, 250.0, 350.0],
            &[100.0, 120.0, 140.0],
        ))],
        &mut Report::default(),
    );
    let cells = cells_of(&lines);
    assert_eq!(cells[0].1, Some((0, 0, 1)));
    assert_eq!(cells[2].1, Some((0, 2, 1)));
    assert_eq!(
        cells[3].1,
        Some((1, 0, 1)),
        "the first ruled row comes second"
    );
    assert_eq!(cells[8].1, Some((2, 2, 1)));
}

#[test]
fn a_lattice_of_marks_and_cells_of_running_text_are_no_table() {
    let mut lines = three_by_three([["*", "*", "*"], ["*", "*", "*"], ["*", "*", "1"]]);
    let rules = grid(&[50.0, 150.0, 250.0, 350.0], &[100.0, 120.0, 140.0, 160.0]);
    mark(&mut lines, &[drawn(rules.clone())], &mut Report::default());
    assert!(
        lines.iter().all(|l| l.cell.is_none()),
        "{:?}",
        cells_of(&lines)
    );

    // A paragraph set in the middle cell, in lines of a few words.
    let mut lines = three_by_three([["a", "b", "c"], ["d", "", "f"], ["g", "h", "i"]]);
    for k in 0..(MAX_CELL_WORDS / 4 + 1) {
        let y = 124.0 + 1.5 * k as f32;
        lines.push(test_placed("four words a line", 1, 154.0, 240.0, y, 1.2));
    }
    let mut report = Report::default();
    mark(&mut lines, &[drawn(rules)], &mut report);
    assert!(lines.iter().all(|l| l.cell.is_none()));
    assert!(report.actions.iter().any(|a| said(a, "running text")));
}

#[test]
fn gathering_reads_the_grid_row_by_row_where_its_first_line_was_read() {
    // Read down the columns (as a column finder would), then text after.
    let mut lines = three_by_three([["a", "b", "c"], ["d", "e", "f"], ["g", "h", "i"]]);
    let first = lines.remove(0);
    let mut by_column: Vec<TextLine> = Vec::new();
    for c in 0..3 {
        by_column.extend(lines.iter().skip(c).step_by(3).cloned());
    }
    let mut page = vec![first];
    page.extend(by_column);
    page.push(test_placed("After the table.", 1, 40.0, 400.0, 190.0, 10.0));
    mark(
        &mut page,
        &[drawn(grid(
            &[50.0, 150.0, 250.0, 350.0],
            &[100.0, 120.0, 140.0, 160.0],
        ))],
        &mut Report::default(),
    );
    gather(&mut page);
    let texts: Vec<&str> = page.iter().map(|l| l.text.as_str()).collect();
    assert_eq!(
        texts[1..],
        [
            "a",
            "b",
            "c",
            "d",
            "e",
            "f",
            "g",
            "h",
            "i",
            "After the table."
        ]
    );
}

#[test]
fn a_page_of_too_many_rules_is_not_searched_and_says_so() {
    let mut lines = three_by_three([["a", "b", "c"], ["d", "e", "f"], ["g", "h", "i"]]);
    let mut rules = grid(&[50.0, 150.0, 250.0, 350.0], &[100.0, 120.0, 140.0, 160.0]);
    // A hatching of short strokes over the rest of the page.
    for k in 0..MAX_EDGES {
        let y = 300.0 + (k / 100) as f32 * 2.0;
        let x = 40.0 + (k % 100) as f32 * 5.0;
        rules.push(rule(x, y, x + 3.0, y + 0.3));
    }
    let mut report = Report::default();
    mark(&mut lines, &[drawn(rules)], &mut report);
    assert!(lines.iter().all(|l| l.cell.is_none()));
    assert!(report.actions.iter().any(|a| said(a, "rules drawn")));
}
