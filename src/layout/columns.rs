//! Reading order on pages set in columns: a vertical gutter that no line crosses splits a
//! stretch of the page; within it the left column is read before the right one, and each
//! side is split again where a gutter of its own runs through it (three or more columns).
//! Lines that run across the gutter (a title, an abstract, a full-width footer) stay where
//! they are and separate one stretch of columns from the next. A gap with cells rather
//! than running text on either side (a table's columns) is no gutter.

use crate::lines::TextLine;
use crate::report::{Action, ActionKind, Report};

use super::gutters::{gutter, gutter_beside_grid, widest_gap};
use super::sides::reorder;

/// Re-orders two-column pages, marking right-column lines with `column = 1`. A page whose
/// parts are set in different columns (the end of one article in two columns, the next
/// one's title band, then columns of its own) is first cut into those parts
/// ([`super::bands::regions`]), each read in turn.
pub fn order(lines: &mut Vec<TextLine>, pages: &[crate::source::Page], report: &mut Report) {
    let ranges: Vec<std::ops::Range<usize>> = crate::lines::page_ranges(lines).collect();
    let drawn = super::pages_by_number(pages);
    let mut out = Vec::with_capacity(lines.len());
    // Each page's lines are moved out in turn, and moved back as they are when their order
    // stands (most pages), not copied.
    let mut rest = std::mem::take(lines).into_iter();
    for range in ranges {
        let page_lines: Vec<TextLine> = rest.by_ref().take(range.len()).collect();
        let page = page_lines[0].page;
        if let Some(read) = super::side_labels::read(&page_lines) {
            report.push(
                Action::new(ActionKind::Guess)
                    .page(page)
                    .evidence(format!(
                        "{} label(s) in a narrow column left of the text at x = {:.0} pt: \
                         each read whole, then the block beside it",
                        read.labels, read.edge
                    ))
                    .confidence(0.8),
            );
            out.extend(read.lines);
            continue;
        }
        if let Some(wrap) = super::wraps::wrapped_text(&page_lines) {
            report.push(
                Action::new(ActionKind::Guess)
                    .page(page)
                    .evidence(format!(
                        "text wrapped round {} line(s) of smaller type on its {} (a chart or \
                         a sidebar): the text read through, then those lines",
                        wrap.beside.len(),
                        if wrap.right { "right" } else { "left" }
                    ))
                    .confidence(0.75),
            );
            out.extend(wrap.text);
            let beside = order_region(&wrap.beside, page, None, report).unwrap_or(wrap.beside);
            out.extend(beside.into_iter().map(|mut l| {
                l.column += 1;
                l
            }));
            continue;
        }
        match super::bands::regions(&page_lines) {
            Some(regions) => {
                let tops: Vec<String> = regions
                    .iter()
                    .filter_map(|r| super::bands::top(r))
                    .map(|y| format!("{y:.0}"))
                    .collect();
                report.push(
                    Action::new(ActionKind::Guess)
                        .page(page)
                        .evidence(format!(
                            "page cut across by white space into {} parts set in different \
                             columns (tops at y = {} pt): read one after the other",
                            regions.len(),
                            tops.join(", ")
                        ))
                        .confidence(0.8),
                );
                for r in regions {
                    match order_region(&r, page, drawn.get(&page).copied(), report) {
                        Some(read) => out.extend(read),
                        None => out.extend(r),
                    }
                }
            }
            None => match order_region(&page_lines, page, drawn.get(&page).copied(), report) {
                Some(read) => out.extend(read),
                None => out.extend(page_lines),
            },
        }
    }
    *lines = out;
}

/// A page cut by column rules: what lies above them, then each column in turn (split
/// again where a gutter of its own runs through it), then what lies below.
fn read_ruled(
    ruled: super::column_rules::RuledColumns,
    page: usize,
    report: &mut Report,
) -> Vec<TextLine> {
    let mut out = Vec::new();
    let at: Vec<String> = ruled.at.iter().map(|x| format!("{x:.0}")).collect();
    report.push(
        Action::new(ActionKind::Guess)
            .page(page)
            .evidence(format!(
                "columns ruled off at x = {} pt (rules drawn down the page, no line across \
                 them): read left to right, each top to bottom",
                at.join(", ")
            ))
            .confidence(0.85),
    );
    let read = |part: Vec<TextLine>, report: &mut Report| {
        order_region(&part, page, None, report).unwrap_or(part)
    };
    out.extend(read(ruled.above, report));
    let mut first = 0u8;
    for column in ruled.columns {
        let lines = read(column, report);
        let last = lines.iter().map(|l| l.column).max().unwrap_or(0);
        out.extend(lines.into_iter().map(|mut l| {
            l.column = l.column.saturating_add(first);
            l
        }));
        first = first.saturating_add(last).saturating_add(1);
    }
    out.extend(read(ruled.below, report));
    out
}

/// Reading order within one page, or one part of a page read on its own; `None` when the
/// lines stay in the order they have.
fn order_region(
    page_lines: &[TextLine],
    page: usize,
    drawn: Option<&crate::source::Page>,
    report: &mut Report,
) -> Option<Vec<TextLine>> {
    // A gap between a table's cells is no gutter between columns.
    let split = gutter(page_lines)
        .filter(|&g| {
            !super::bands::cells_across(page_lines, g)
                && !super::gutters::labels_beside_values(page_lines, g)
        })
        .map(|g| (g, Vec::new()))
        .or_else(|| gutter_beside_grid(page_lines));
    // Column rules stand in for gutters the white space does not show. Where it shows
    // one the ruled columns' lines keep clear of, the rules (a figure's, a box's) say
    // nothing more; one through their lines is a river the rules overrule.
    let ruled = drawn
        .filter(|_| !tagged(page_lines))
        .and_then(|p| super::column_rules::split(page_lines, p))
        .filter(|r| split.as_ref().is_none_or(|(g, _)| r.cut_at(*g)));
    if let Some(ruled) = ruled {
        return Some(read_ruled(ruled, page, report));
    }
    match split {
        Some((g, grid)) => {
            let mut gutters = vec![g];
            let read = reorder(page_lines, g, &grid, 0, &mut gutters);
            if !grid.is_empty() {
                report.push(
                    Action::new(ActionKind::Guess)
                        .page(page)
                        .evidence(format!(
                            "{} row(s) of cells across the columns (a table) read row by row where they stand",
                            grid.len()
                        ))
                        .confidence(0.8),
                );
            }
            gutters.sort_by(f32::total_cmp);
            let at: Vec<String> = gutters.iter().map(|g| format!("{g:.0}")).collect();
            report.push(
                Action::new(ActionKind::Guess)
                    .page(page)
                    .evidence(format!(
                        "columns split at x = {} pt: read left to right, each top to \
                         bottom",
                        at.join(", ")
                    ))
                    .confidence(0.85),
            );
            Some(read)
        }
        // A clear vertical gap with cells on its sides: a table or a form laid out
        // as a grid, read row by row, top to bottom.
        // Running text beside a table in a band of it is read side by side
        // ([`super::beside_table`]).
        None if widest_gap(page_lines).is_some() && !tagged(page_lines) => {
            let mut gutters = Vec::new();
            let (rows, beside) = super::beside_table::read_rows(page_lines, &mut gutters);
            if !beside.is_empty() {
                let at: Vec<String> = beside.iter().map(|g| format!("{g:.0}")).collect();
                report.push(
                    Action::new(ActionKind::Guess)
                        .page(page)
                        .evidence(format!(
                            "running text beside a table's rows read before or after them, \
                             not between them (split at x = {} pt)",
                            at.join(", ")
                        ))
                        .confidence(0.8),
                );
            }
            if rows != page_lines {
                report.push(
                    Action::new(ActionKind::Guess)
                        .page(page)
                        .evidence(
                            "columns of cells (a table or a form) read row by row".to_string(),
                        )
                        .confidence(0.8),
                );
            }
            Some(rows)
        }
        None => match super::drawn_late::place(page_lines) {
            Some((placed, moved)) => {
                report.push(
                    Action::new(ActionKind::Guess)
                        .page(page)
                        .evidence(format!(
                            "{moved} block(s) drawn after text lying below them \
                             read at their place on the page"
                        ))
                        .confidence(0.8),
                );
                Some(placed)
            }
            None => None,
        },
    }
}

/// Whether the page's order comes from its structure tree (or a line has no position):
/// then it is kept.
fn tagged(page: &[TextLine]) -> bool {
    page.iter().any(|l| l.geometry.is_none() || l.tag.is_some())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::layout::gutters::top_to_bottom;

    /// Text wrapped round a chart on its right: the text read through, then the chart.
    #[test]
    fn text_wrapped_round_a_chart_is_read_through_before_it() {
        let mut lines = crate::layout::wraps::tests::page(true);
        let mut report = Report::default();
        order(&mut lines, &[], &mut report);
        let first_chart = lines.iter().position(|l| l.column > 0).expect("the chart");
        assert_eq!(first_chart, 14);
        assert!(lines[..14].iter().all(|l| l.plain_char_count() > 50));
        assert!(lines[14..].iter().all(|l| l.column > 0));
    }

    /// A line of 10 pt type (the helper the page-order tests share).
    fn at(text: &str, x0: f32, x1: f32, y: f32) -> TextLine {
        crate::layout::drawn_late::tests::at(text, x0, x1, y, 10.0)
    }

    #[test]
    fn left_column_then_right_column_between_full_width_lines() {
        let mut lines = vec![at("Title across the page", 60.0, 530.0, 50.0)];
        for i in 0..5 {
            let y = 100.0 + 12.0 * i as f32;
            lines.push(at(&format!("L{i}"), 60.0, 280.0, y));
            lines.push(at(&format!("R{i}"), 310.0, 530.0, y));
        }
        lines.push(at("Footer across the page", 60.0, 530.0, 800.0));
        let mut r = Report::default();
        order(&mut lines, &[], &mut r);
        let texts: Vec<String> = lines.iter().map(|l| l.plain()).collect();
        assert_eq!(
            texts,
            vec![
                "Title across the page",
                "L0",
                "L1",
                "L2",
                "L3",
                "L4",
                "R0",
                "R1",
                "R2",
                "R3",
                "R4",
                "Footer across the page"
            ]
        );
        assert_eq!(lines[6].column, 1);
        assert_eq!(lines[1].column, 0);
    }

    #[test]
    fn three_columns_whose_baselines_drift_apart_read_column_by_column() {
        // The middle column's lines sit half a line off the others' (its headings were
        // set larger): no baseline holds both the middle and the right column's lines,
        // and neither fills the width of the two alone. Each fills its own column.
        let mut lines = Vec::new();
        for i in 0..8 {
            let y = 100.0 + 12.0 * i as f32;
            lines.push(at(
                &format!("A{i} words of the left column"),
                42.0,
                206.0,
                y,
            ));
            lines.push(at(
                &format!("B{i} words of the middle column"),
                222.0,
                388.0,
                y + 6.0,
            ));
            lines.push(at(
                &format!("C{i} words of the right column"),
                402.0,
                570.0,
                y,
            ));
        }
        let mut r = Report::default();
        order(&mut lines, &[], &mut r);
        let firsts: String = lines
            .iter()
            .map(|l| l.plain().chars().next().unwrap_or(' '))
            .collect();
        assert_eq!(firsts, "AAAAAAAABBBBBBBBCCCCCCCC");
    }

    /// A table of figures set across both columns at the top of the page outweighs the
    /// prose below it: the columns are still read one after the other, and the table's
    /// rows stay whole where they stand.
    #[test]
    fn a_table_across_the_columns_keeps_its_rows_and_the_columns_their_order() {
        let mut lines = Vec::new();
        for r in 0..12 {
            let y = 60.0 + 12.0 * r as f32;
            lines.push(at(&format!("Model {r}"), 60.0, 120.0, y));
            for c in 0..7 {
                let x = 160.0 + 55.0 * c as f32;
                lines.push(at(&format!("{r}{c}.5"), x, x + 18.0, y));
            }
        }
        // The prose follows the table closely: no white space cuts the page between them
        // (a wide one would make them two parts, each read on its own).
        for i in 0..8 {
            let y = 208.0 + 12.0 * i as f32;
            lines.push(at(&format!("Left prose line {i} runs on"), 60.0, 280.0, y));
            lines.push(at(
                &format!("Right prose line {i} runs on"),
                310.0,
                530.0,
                y,
            ));
        }
        let mut r = Report::default();
        order(&mut lines, &[], &mut r);
        let texts: Vec<String> = lines.iter().map(|l| l.plain()).collect();
        // Row by row through the table.
        assert_eq!(&texts[..3], ["Model 0", "00.5", "01.5"]);
        assert_eq!(texts[8], "Model 1");
        // Then the left column, then the right one.
        let left: Vec<usize> = (0..8)
            .map(|i| {
                texts
                    .iter()
                    .position(|t| *t == format!("Left prose line {i} runs on"))
                    .unwrap()
            })
            .collect();
        let right_first = texts
            .iter()
            .position(|t| t == "Right prose line 0 runs on")
            .unwrap();
        assert!(left.windows(2).all(|w| w[1] == w[0] + 1), "{texts:?}");
        assert_eq!(right_first, left[7] + 1, "{texts:?}");
        assert!(r.actions.iter().any(|a| {
            a.evidence
                .as_deref()
                .is_some_and(|e| e.contains("row(s) of cells across the columns"))
        }));
    }

    /// A part that is nothing but a table's rows, with a wide gap between its third and
    /// fourth columns, is read row by row: the gap is no gutter between columns.
    #[test]
    fn a_table_wide_gap_is_no_gutter() {
        let mut lines = Vec::new();
        for r in 0..16 {
            let y = 480.0 + 7.0 * r as f32;
            let cells = [
                (format!("Company {r} Laboratories"), 132.0, 206.0),
                (format!("Trade name {r}"), 213.0, 285.0),
                (format!("Code {r}"), 299.0, 320.0),
                ("TB".to_string(), 338.0, 346.0),
                (format!("Substance {r} named"), 367.0, 440.0),
                ("dose".to_string(), 462.0, 480.0),
            ];
            for (text, x0, x1) in cells {
                lines.push(crate::layout::drawn_late::tests::at(&text, x0, x1, y, 6.0));
            }
        }
        let mut r = Report::default();
        order(&mut lines, &[], &mut r);
        let texts: Vec<String> = lines.iter().map(|l| l.plain()).collect();
        assert_eq!(
            texts[..7],
            [
                "Company 0 Laboratories",
                "Trade name 0",
                "Code 0",
                "TB",
                "Substance 0 named",
                "dose",
                "Company 1 Laboratories"
            ],
            "{texts:?}"
        );
    }

    #[test]
    fn three_columns_read_left_to_right_each_top_to_bottom() {
        let mut lines = vec![at("Title across the page", 60.0, 530.0, 50.0)];
        for i in 0..5 {
            let y = 100.0 + 12.0 * i as f32;
            lines.push(at(&format!("A{i}"), 60.0, 200.0, y));
            lines.push(at(&format!("B{i}"), 225.0, 365.0, y));
            lines.push(at(&format!("C{i}"), 390.0, 530.0, y));
        }
        let mut r = Report::default();
        order(&mut lines, &[], &mut r);
        let t = texts(&lines);
        let want: Vec<String> = std::iter::once("Title across the page".to_string())
            .chain(
                ["A", "B", "C"]
                    .iter()
                    .flat_map(|c| (0..5).map(move |i| format!("{c}{i}"))),
            )
            .collect();
        assert_eq!(t, want);
        let columns: Vec<u8> = lines.iter().map(|l| l.column).collect();
        assert_eq!(&columns[1..], [[0; 5], [1; 5], [2; 5]].concat());
    }

    #[test]
    fn a_tables_columns_are_read_row_by_row() {
        // Short cells, far apart, on every row: no column of running text on either side.
        let mut lines = Vec::new();
        for i in 0..6 {
            let y = 100.0 + 14.0 * i as f32;
            lines.push(at(&format!("Label {i}"), 60.0, 110.0, y));
            lines.push(at(&format!("{i}1"), 260.0, 275.0, y));
            lines.push(at(&format!("{i}2"), 400.0, 415.0, y));
        }
        // Drawn column by column, as some producers do.
        lines.sort_by(|a, b| {
            a.geometry
                .unwrap()
                .bbox
                .x0
                .total_cmp(&b.geometry.unwrap().bbox.x0)
        });
        assert_eq!(gutter(&lines), None);
        order(&mut lines, &[], &mut Report::default());
        let t = texts(&lines);
        assert_eq!(&t[..6], ["Label 0", "01", "02", "Label 1", "11", "12"]);
        assert!(lines.iter().all(|l| l.column == 0));
    }

    #[test]
    fn a_table_of_labels_and_figures_is_not_two_columns() {
        // Full-width paragraphs around a table whose labels stand left and whose figures
        // stand right of an empty band: the figures are short, no column of text.
        let mut lines = vec![at("A paragraph across the page", 60.0, 530.0, 50.0)];
        for i in 0..8 {
            let y = 100.0 + 12.0 * i as f32;
            lines.push(at(&format!("Label of row {i}"), 60.0, 200.0, y));
            lines.push(at("3,423", 360.0, 385.0, y));
            lines.push(at("2,532", 440.0, 465.0, y));
        }
        lines.push(at("A paragraph across the page", 60.0, 530.0, 220.0));
        let before = lines.clone();
        order(&mut lines, &[], &mut Report::default());
        assert_eq!(lines, before);
    }

    #[test]
    fn single_column_pages_keep_the_readers_order() {
        let mut lines: Vec<TextLine> = (0..10)
            .map(|i| at(&format!("line {i}"), 60.0, 500.0, 100.0 + 12.0 * i as f32))
            .collect();
        let before = lines.clone();
        order(&mut lines, &[], &mut Report::default());
        assert_eq!(lines, before);
    }

    fn texts(lines: &[TextLine]) -> Vec<String> {
        lines.iter().map(|l| l.plain()).collect()
    }

    #[test]
    fn heading_set_off_below_both_columns_goes_with_the_full_width_block() {
        let mut lines = Vec::new();
        for i in 0..5 {
            let y = 100.0 + 12.0 * i as f32;
            lines.push(at(&format!("L{i}"), 60.0, 280.0, y));
            lines.push(at(&format!("R{i}"), 310.0, 530.0, y));
        }
        lines.push(at("L5", 60.0, 280.0, 160.0));
        lines.push(at("Notes", 60.0, 120.0, 200.0));
        lines.push(at("1. A note across the page", 60.0, 530.0, 215.0));
        order(&mut lines, &[], &mut Report::default());
        let t = texts(&lines);
        assert_eq!(&t[..6], ["L0", "L1", "L2", "L3", "L4", "L5"]);
        assert_eq!(&t[11..], ["Notes", "1. A note across the page"]);
    }

    #[test]
    fn a_longer_left_column_still_reads_before_the_right_one() {
        let mut lines = Vec::new();
        for i in 0..8 {
            let y = 100.0 + 12.0 * i as f32;
            lines.push(at(&format!("L{i}"), 60.0, 280.0, y));
            if i < 4 {
                lines.push(at(&format!("R{i}"), 310.0, 530.0, y));
            }
        }
        lines.push(at("1. A note across the page", 60.0, 530.0, 220.0));
        order(&mut lines, &[], &mut Report::default());
        let t = texts(&lines);
        assert_eq!(t[7], "L7");
        assert_eq!(t[8], "R0");
    }

    #[test]
    fn right_column_indentation_is_measured_from_its_own_edge() {
        let mut lines = Vec::new();
        for i in 0..5 {
            let y = 100.0 + 12.0 * i as f32;
            let mut l = at(&format!("L{i}"), 60.0, 280.0, y);
            l.indent = 0.0;
            lines.push(l);
            let x = if i == 2 { 318.0 } else { 310.0 };
            let mut r = at(&format!("R{i}"), x, 530.0, y);
            r.indent = x - 60.0;
            lines.push(r);
        }
        order(&mut lines, &[], &mut Report::default());
        let right: Vec<f32> = lines
            .iter()
            .filter(|l| l.column == 1)
            .map(|l| l.indent)
            .collect();
        assert_eq!(right, vec![0.0, 0.0, 8.0, 0.0, 0.0]);
    }

    #[test]
    fn words_on_one_baseline_read_left_to_right_despite_a_raised_number() {
        let mut raised = at("distribute.10", 385.0, 440.0, 500.0);
        raised.geometry.as_mut().unwrap().bbox.y0 = 497.0;
        let page = vec![
            raised,
            at("programmes", 309.0, 370.0, 501.0),
            at("Whether", 455.0, 500.0, 501.0),
            at("next line", 309.0, 400.0, 515.0),
        ];
        let order: Vec<String> = top_to_bottom(&page).iter().map(|l| l.plain()).collect();
        assert_eq!(
            order,
            ["programmes", "distribute.10", "Whether", "next line"]
        );
    }

    #[test]
    fn a_glyph_at_an_absurd_position_seeks_no_gutter_and_ends() {
        // (A NaN edge is ignored by the min/max folds: the columns are still found.)
        for far in [1e9_f32, 3.4e38, f32::INFINITY] {
            let mut lines = Vec::new();
            for i in 0..5 {
                let y = 100.0 + 12.0 * i as f32;
                lines.push(at(&format!("L{i}"), 60.0, 280.0, y));
                lines.push(at(&format!("R{i}"), 310.0, 530.0, y));
            }
            lines.push(at("far", 60.0, far, 300.0));
            assert_eq!(gutter(&lines), None, "{far}");
        }
    }
}
