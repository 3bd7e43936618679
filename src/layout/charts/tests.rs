//! Tests of finding a chart's lettering: what the drawing must prove, and what it must not
//! be taken for (a table's numbered rows, a form's numbered fields, numbers with nothing
//! drawn beside them).

use super::*;
use crate::lines::test_placed;
use crate::source::{PaintedRect, Rule};

const SENTENCE: &str = "Exports of processed fish have overtaken those of fresh fish since then";

fn rule(x0: f32, y0: f32, x1: f32, y1: f32) -> Rule {
    Rule {
        rect: Rect { x0, y0, x1, y1 },
        horizontal: x1 - x0 > y1 - y0,
    }
}

/// Body text above and below; between them a chart: values 30 to 0 at the right edge
/// x 62, baselines 120 to 180, its plot running to x 300, years under it, a legend in it.
fn chart_page() -> Vec<TextLine> {
    let mut lines = vec![
        test_placed(SENTENCE, 1, 40.0, 400.0, 80.0, 10.0),
        test_placed(SENTENCE, 1, 40.0, 400.0, 94.0, 10.0),
    ];
    for (k, v) in ["30", "20", "10", "0"].iter().enumerate() {
        lines.push(test_placed(v, 1, 52.0, 62.0, 120.0 + 20.0 * k as f32, 7.0));
    }
    lines.push(test_placed("Processed", 1, 200.0, 240.0, 130.0, 7.0));
    for (k, y) in ["2020", "2021", "2022"].iter().enumerate() {
        let x = 100.0 + 80.0 * k as f32;
        lines.push(test_placed(y, 1, x, x + 16.0, 192.0, 7.0));
    }
    lines.push(test_placed(SENTENCE, 1, 40.0, 400.0, 230.0, 10.0));
    lines.push(test_placed(SENTENCE, 1, 40.0, 400.0, 244.0, 10.0));
    for (i, l) in lines.iter_mut().enumerate() {
        l.source_line = i;
    }
    lines
}

/// A page with these rules drawn on it.
fn drawn(rules: Vec<Rule>) -> Page {
    Page {
        number: 1,
        rules,
        ..Default::default()
    }
}

/// The chart's axes: a rule up the values' right side and one along the foot of the plot.
fn axes_drawn() -> Page {
    drawn(vec![
        rule(65.0, 115.0, 65.5, 178.0),
        rule(65.0, 177.5, 300.0, 178.0),
    ])
}

fn charted(lines: &[TextLine]) -> Vec<usize> {
    lines
        .iter()
        .filter(|l| l.chart != 0)
        .map(|l| l.source_line)
        .collect()
}

#[test]
fn values_beside_an_axis_rule_letter_a_chart_with_its_labels_and_legend() {
    let mut lines = chart_page();
    let mut report = Report::default();
    mark(&mut lines, &[axes_drawn()], &mut report);
    assert_eq!(charted(&lines), (2..=9).collect::<Vec<_>>());
    assert!(lines.iter().filter(|l| l.chart != 0).all(|l| l.chart == 1));
    let entry = &report.actions[0];
    assert_eq!(entry.kind, ActionKind::ChartText);
    assert!(
        entry.evidence.as_deref().unwrap().contains("(30 … 0)"),
        "{entry:?}"
    );
}

#[test]
fn gridlines_through_the_values_prove_an_axis_without_an_axis_rule() {
    let mut lines = chart_page();
    let page = drawn(
        (0..4)
            .map(|k| {
                let middle = 120.0 - 0.4 * 7.0 + 20.0 * k as f32;
                rule(66.0, middle - 0.25, 300.0, middle + 0.25)
            })
            .collect(),
    );
    mark(&mut lines, &[page], &mut Report::default());
    assert_eq!(charted(&lines), (2..=9).collect::<Vec<_>>());
}

#[test]
fn a_chart_read_in_pieces_is_gathered_where_it_starts() {
    let mut lines = chart_page();
    // The legend drawn last, after the text below the chart.
    let legend = lines.remove(6);
    lines.push(legend);
    mark(&mut lines, &[axes_drawn()], &mut Report::default());
    let order: Vec<usize> = lines.iter().map(|l| l.source_line).collect();
    assert_eq!(order, [0, 1, 2, 3, 4, 5, 7, 8, 9, 6, 10, 11]);
}

#[test]
fn numbers_with_nothing_drawn_beside_them_are_left_alone() {
    // The values alone, with no rule and no second axis at their foot.
    let mut lines = chart_page();
    lines.retain(|l| !l.text.starts_with("202"));
    let page = drawn(Vec::new());
    mark(&mut lines, &[page], &mut Report::default());
    assert!(charted(&lines).is_empty());
}

#[test]
fn a_tables_numbered_rows_are_no_axis() {
    // Row numbers 1-4 with a rule beside them and rules between the rows, each row's
    // cells level with its number.
    let mut lines = Vec::new();
    for k in 0..4 {
        let y = 120.0 + 20.0 * k as f32;
        lines.push(test_placed(&(k + 1).to_string(), 1, 52.0, 58.0, y, 7.0));
        lines.push(test_placed("Coastal district", 1, 80.0, 140.0, y, 7.0));
        lines.push(test_placed("84", 1, 200.0, 210.0, y, 7.0));
    }
    lines.push(test_placed(SENTENCE, 1, 40.0, 400.0, 230.0, 10.0));
    lines.push(test_placed(SENTENCE, 1, 40.0, 400.0, 244.0, 10.0));
    // Drawn cell by cell, as spreadsheets and forms draw them.
    let mut rules = vec![rule(65.0, 108.0, 65.5, 186.0)];
    for k in 0..5 {
        let y = 106.0 + 20.0 * k as f32;
        rules.push(rule(40.0, y, 65.0, y + 0.5));
        rules.push(rule(65.0, y, 300.0, y + 0.5));
    }
    let page = drawn(rules);
    mark(&mut lines, &[page], &mut Report::default());
    assert!(charted(&lines).is_empty());
}

#[test]
fn a_forms_numbered_fields_beside_a_long_rule_are_no_axis() {
    // A form's field numbers 12-15 in a ruled column that runs the page's height, only
    // one field's label level with its number.
    let mut lines = vec![test_placed("2. déductions", 1, 75.0, 136.0, 120.0, 8.0)];
    for k in 0..4 {
        let y = 120.0 + 19.0 * k as f32;
        lines.push(test_placed(&(12 + k).to_string(), 1, 51.0, 60.0, y, 8.0));
    }
    lines.push(test_placed(SENTENCE, 1, 40.0, 400.0, 760.0, 10.0));
    lines.push(test_placed(SENTENCE, 1, 40.0, 400.0, 774.0, 10.0));
    let page = drawn(vec![
        rule(64.6, 50.0, 65.1, 700.0),
        rule(65.0, 178.0, 300.0, 178.5),
    ]);
    mark(&mut lines, &[page], &mut Report::default());
    assert!(charted(&lines).is_empty());
}

#[test]
fn tick_values_rows_and_panel_captions_are_read_as_printed() {
    let value = |t: &str| tick_value(&TextLine::new(t, 1, 0));
    assert_eq!(value("1,500"), Some(1500.0));
    assert_eq!(value("$300"), Some(300.0));
    assert_eq!(value("–2"), Some(-2.0));
    assert_eq!(value("40%"), Some(40.0));
    assert_eq!(value("1,5"), None);
    assert_eq!(value("12,50"), None);
    assert_eq!(value("1,500,000"), Some(1_500_000.0));
    assert_eq!(value("1500,000"), None);
    assert_eq!(value("2019a"), None);
    assert!(tick_row("J F M A M J J A S"));
    assert!(tick_row("12/17 3/18 6/18"));
    assert!(tick_row("Jan. Jul. Nov."));
    assert!(!tick_row("k: # of retrieved passages"));
    assert!(panel_caption("(b) Sinus"));
    assert!(!panel_caption("(b)"));
    assert!(!panel_caption("(−1, 1) ⊆ Y"));
    assert!(stays_text("Sources: Haver Analytics."));
    assert!(stays_text("Figure 1. Twin Peaks?"));
}

/// A lying axis: values 0-60 along a foot at baseline 200, x centres 100 to 250, the bars'
/// categories on the left, one line of text above and below.
fn lying_page() -> Vec<TextLine> {
    let mut lines = vec![test_placed(SENTENCE, 1, 40.0, 400.0, 80.0, 10.0)];
    for (k, c) in ["Irrigation", "Towns"].iter().enumerate() {
        lines.push(test_placed(c, 1, 40.0, 80.0, 130.0 + 30.0 * k as f32, 7.0));
    }
    for (k, v) in ["0", "20", "40", "60"].iter().enumerate() {
        let x = 100.0 + 50.0 * k as f32;
        lines.push(test_placed(v, 1, x - 4.0, x + 4.0, 200.0, 7.0));
    }
    lines.push(test_placed(SENTENCE, 1, 40.0, 400.0, 240.0, 10.0));
    for (i, l) in lines.iter_mut().enumerate() {
        l.source_line = i;
    }
    lines
}

#[test]
fn gridlines_up_through_values_along_the_page_prove_a_lying_axis() {
    let mut lines = lying_page();
    let page = drawn(
        (0..4)
            .map(|k| {
                let x = 100.0 + 50.0 * k as f32;
                rule(x - 0.25, 110.0, x + 0.25, 192.0)
            })
            .collect(),
    );
    mark(&mut lines, &[page], &mut Report::default());
    assert_eq!(charted(&lines), (1..=6).collect::<Vec<_>>());
}

#[test]
fn values_along_the_page_under_a_rule_alone_are_a_header_row() {
    // A survey's "0 20 40 60" over ruled columns: a rule under them and column rules
    // between them, none through them.
    let mut lines = lying_page();
    let mut rules = vec![rule(75.0, 204.0, 275.0, 204.5)];
    for k in 0..5 {
        let x = 75.0 + 50.0 * k as f32;
        rules.push(rule(x, 204.0, x + 0.5, 230.0));
    }
    let page = drawn(rules);
    mark(&mut lines, &[page], &mut Report::default());
    assert!(charted(&lines).is_empty());
}

#[test]
fn two_axes_meeting_at_the_origin_frame_a_chart_with_nothing_drawn() {
    // A scatter plot whose axes are not drawn as rules: values 0-3 up the page at the
    // right edge x 62, values 0.0-1.5 along its foot from x 70.
    let mut lines = vec![test_placed(SENTENCE, 1, 40.0, 400.0, 80.0, 10.0)];
    lines.push(test_placed("Tier 1 Ratio (%)", 1, 52.0, 110.0, 108.0, 7.0));
    for (k, v) in ["3", "2", "1", "0"].iter().enumerate() {
        lines.push(test_placed(v, 1, 58.0, 62.0, 120.0 + 20.0 * k as f32, 7.0));
    }
    for (k, v) in ["0.0", "0.5", "1.0", "1.5"].iter().enumerate() {
        let x = 70.0 + 60.0 * k as f32;
        lines.push(test_placed(v, 1, x - 5.0, x + 5.0, 192.0, 7.0));
    }
    lines.push(test_placed("Total Assets", 1, 200.0, 245.0, 202.0, 7.0));
    lines.push(test_placed(SENTENCE, 1, 40.0, 400.0, 240.0, 10.0));
    for (i, l) in lines.iter_mut().enumerate() {
        l.source_line = i;
    }
    // Nothing drawn on the page at all.
    let page = drawn(Vec::new());
    let mut report = Report::default();
    mark(&mut lines, &[page], &mut report);
    assert_eq!(charted(&lines), (1..=10).collect::<Vec<_>>());
    let evidence = report.actions[0].evidence.as_deref().unwrap();
    assert!(evidence.contains("meets a second axis"), "{evidence}");
}

#[test]
fn a_table_framed_by_two_runs_of_values_is_refused_by_its_cells() {
    // Row numbers 1-4 down the left and a totals row stepping 10-40 under them: the cells
    // between them stand level with the numbers.
    let mut lines = Vec::new();
    for k in 0..4 {
        let y = 120.0 + 20.0 * k as f32;
        lines.push(test_placed(&(k + 1).to_string(), 1, 56.0, 62.0, y, 7.0));
        lines.push(test_placed("Coastal district", 1, 80.0, 140.0, y, 7.0));
    }
    for (k, v) in ["10", "20", "30", "40"].iter().enumerate() {
        let x = 100.0 + 60.0 * k as f32;
        lines.push(test_placed(v, 1, x - 5.0, x + 5.0, 192.0, 7.0));
    }
    lines.push(test_placed(SENTENCE, 1, 40.0, 400.0, 240.0, 10.0));
    lines.push(test_placed(SENTENCE, 1, 40.0, 400.0, 254.0, 10.0));
    let page = drawn(vec![rule(40.0, 260.0, 400.0, 260.5)]);
    mark(&mut lines, &[page], &mut Report::default());
    assert!(charted(&lines).is_empty());
}

#[test]
fn a_frame_standing_off_the_outer_values_still_bounds_the_plot() {
    // Matplotlib's frame: its sides reach past the first and last values.
    let mut lines = Vec::new();
    for (k, v) in ["8", "6", "4", "2", "0"].iter().enumerate() {
        lines.push(test_placed(v, 1, 7.0, 13.6, 55.0 + 54.0 * k as f32, 10.0));
    }
    for (i, l) in lines.iter_mut().enumerate() {
        l.source_line = i;
    }
    let page = drawn(vec![
        rule(20.2, 10.7, 21.0, 281.0),
        rule(20.6, 280.4, 377.7, 281.2),
        rule(20.6, 10.3, 377.7, 11.1),
    ]);
    mark(&mut lines, &[page], &mut Report::default());
    assert_eq!(charted(&lines), (0..5).collect::<Vec<_>>());
}

/// A chart drawn in a frame (Stata's graph border): its title over the plot in 12 pt, its
/// values and years in 7 pt, its axis title and legend under the plot at the body's size,
/// a source line last; body text above and below the frame. `inside` is one more line
/// set in the frame between the legend and the source.
fn framed_chart_page(inside: Option<&str>) -> Vec<TextLine> {
    let mut lines = vec![
        test_placed(SENTENCE, 1, 40.0, 400.0, 60.0, 10.0),
        test_placed(SENTENCE, 1, 40.0, 400.0, 74.0, 10.0),
        test_placed("Household losses by year", 1, 100.0, 250.0, 104.0, 12.0),
    ];
    for (k, v) in ["30", "20", "10", "0"].iter().enumerate() {
        lines.push(test_placed(v, 1, 52.0, 62.0, 120.0 + 20.0 * k as f32, 7.0));
    }
    for (k, y) in ["2020", "2021", "2022"].iter().enumerate() {
        let x = 100.0 + 80.0 * k as f32;
        lines.push(test_placed(y, 1, x, x + 16.0, 192.0, 7.0));
    }
    lines.push(test_placed("losses in EURO", 1, 150.0, 230.0, 205.0, 10.0));
    lines.push(test_placed(
        "mean low literacy",
        1,
        60.0,
        160.0,
        218.0,
        10.0,
    ));
    if let Some(text) = inside {
        lines.push(test_placed(text, 1, 40.0, 310.0, 231.0, 10.0));
    }
    lines.push(test_placed(
        "Source: own calculation",
        1,
        60.0,
        200.0,
        244.0,
        10.0,
    ));
    lines.push(test_placed(SENTENCE, 1, 40.0, 400.0, 270.0, 10.0));
    for (i, l) in lines.iter_mut().enumerate() {
        l.source_line = i;
    }
    lines
}

/// The axes, with or without a frame closed round the chart from y 88 to 252.
fn framed_axes(framed: bool) -> Page {
    let mut rules = vec![
        rule(65.0, 115.0, 65.5, 178.0),
        rule(65.0, 177.5, 300.0, 178.0),
    ];
    if framed {
        rules.extend([
            rule(35.0, 88.0, 320.0, 88.5),
            rule(35.0, 252.0, 320.0, 252.5),
            rule(35.0, 88.0, 35.5, 252.5),
            rule(320.0, 88.0, 320.5, 252.5),
        ]);
    }
    drawn(rules)
}

#[test]
fn a_frame_round_a_chart_holds_its_axis_title_and_legend_but_not_its_title_or_source() {
    let mut lines = framed_chart_page(None);
    mark(&mut lines, &[framed_axes(true)], &mut Report::default());
    // Values, years, the axis title and the legend; the graph's title and the source stay.
    assert_eq!(charted(&lines), (3..=11).collect::<Vec<_>>());
    // Control: with no frame, lines at the body's size under the plot stay text.
    let mut lines = framed_chart_page(None);
    mark(&mut lines, &[framed_axes(false)], &mut Report::default());
    assert_eq!(charted(&lines), (3..=9).collect::<Vec<_>>());
}

#[test]
fn a_frame_holding_running_text_frames_more_than_a_chart() {
    let mut lines = framed_chart_page(Some(SENTENCE));
    mark(&mut lines, &[framed_axes(true)], &mut Report::default());
    assert_eq!(charted(&lines), (3..=9).collect::<Vec<_>>());
}

#[test]
fn a_caption_without_a_stop_after_its_number_stays_text() {
    assert!(stays_text(
        "Figure 7.1 Cumulative Aggregate Concentration Curves"
    ));
    assert!(!stays_text("Figures for the member states"));
}

/// A block diagram over its caption: three framed boxes joined by arrows, a label in
/// each, a note beside an arrow; prose above and below. `caption` is the line under it.
fn diagram_page(caption: &str, inside: Option<&str>) -> (Vec<TextLine>, Page) {
    let mut lines = vec![
        test_placed(SENTENCE, 1, 40.0, 400.0, 60.0, 10.0),
        test_placed(SENTENCE, 1, 40.0, 400.0, 74.0, 10.0),
        test_placed("Memory", 1, 80.0, 120.0, 115.0, 10.0),
        test_placed("Sequencer", 1, 200.0, 250.0, 115.0, 10.0),
        test_placed("Execution units", 1, 140.0, 220.0, 185.0, 10.0),
        test_placed("packets", 1, 160.0, 190.0, 150.0, 7.0),
    ];
    if let Some(text) = inside {
        lines.push(test_placed(text, 1, 60.0, 330.0, 165.0, 10.0));
    }
    lines.push(test_placed(caption, 1, 60.0, 260.0, 225.0, 10.0));
    lines.push(test_placed(SENTENCE, 1, 40.0, 400.0, 250.0, 10.0));
    lines.push(test_placed(SENTENCE, 1, 40.0, 400.0, 264.0, 10.0));
    for (i, l) in lines.iter_mut().enumerate() {
        l.source_line = i;
    }
    let boxed = |x0: f32, y0: f32, x1: f32, y1: f32| PaintedRect {
        rect: Rect { x0, y0, x1, y1 },
        stroked: true,
        filled: false,
    };
    let page = Page {
        number: 1,
        rects: vec![
            boxed(70.0, 100.0, 130.0, 122.0),
            boxed(190.0, 100.0, 260.0, 122.0),
            boxed(130.0, 170.0, 230.0, 194.0),
        ],
        rules: vec![
            rule(130.0, 111.0, 190.0, 111.5),
            rule(175.0, 122.0, 175.5, 170.0),
        ],
        ..Default::default()
    };
    (lines, page)
}

/// `n` lines of `text` at 10 pt from x0 to x1, from baseline `y` down 12 pt apart.
fn stacked(text: &str, x0: f32, x1: f32, y: f32, n: usize) -> Vec<TextLine> {
    (0..n)
        .map(|k| test_placed(text, 1, x0, x1, y + 12.0 * k as f32, 10.0))
        .collect()
}

/// `extra` set into a diagram page just before its caption, the lines renumbered.
fn insert_before_caption(lines: &mut Vec<TextLine>, extra: Vec<TextLine>) {
    let at = lines.len() - 3;
    lines.splice(at..at, extra);
    for (i, l) in lines.iter_mut().enumerate() {
        l.source_line = i;
    }
}

#[test]
fn a_drawing_over_a_figure_caption_is_lettered_by_its_labels() {
    let (mut lines, page) = diagram_page("Figure 2 Flow of instructions", None);
    let mut report = Report::default();
    mark(&mut lines, &[page], &mut report);
    assert_eq!(charted(&lines), [2, 3, 4, 5]);
    assert!(
        report.actions[0]
            .evidence
            .as_deref()
            .unwrap()
            .contains("\"Figure 2\""),
        "{:?}",
        report.actions
    );
    // Controls: under no figure caption, the labels stay text; so do lines a drawing
    // holds beside running text, and lines a drawn table's caption names.
    for (caption, inside) in [
        ("Flow of instructions in the core", None),
        ("Table 2 Flow of instructions", None),
        ("Figure 2 Flow of instructions", Some(SENTENCE)),
    ] {
        let (mut lines, page) = diagram_page(caption, inside);
        mark(&mut lines, &[page], &mut Report::default());
        assert!(charted(&lines).is_empty(), "{caption} {inside:?}");
    }
}

#[test]
fn labels_standing_in_rows_over_a_figure_caption_are_a_table() {
    let (mut lines, page) = diagram_page("Figure 2 Flow of instructions", None);
    // Three rows of three cells inside the drawing.
    let mut rows = Vec::new();
    for (r, y) in [130.0, 142.0, 154.0].into_iter().enumerate() {
        for (c, x) in [75.0, 140.0, 200.0].into_iter().enumerate() {
            let text = format!("r{r}c{c}");
            rows.push(test_placed(&text, 1, x, x + 20.0, y, 7.0));
        }
    }
    insert_before_caption(&mut lines, rows);
    mark(&mut lines, &[page], &mut Report::default());
    assert!(charted(&lines).is_empty());
}

#[test]
fn a_band_across_the_measure_does_not_carry_a_drawing_into_the_column_beside_it() {
    let (mut lines, mut page) = diagram_page("Figure 2 Flow of instructions", None);
    // A column of prose beside the drawing, and a tinted band across the whole measure
    // just over both.
    let column = stacked(
        "the other column goes on with its text",
        280.0,
        400.0,
        110.0,
        4,
    );
    insert_before_caption(&mut lines, column);
    page.rects.push(PaintedRect {
        rect: Rect {
            x0: 40.0,
            y0: 82.0,
            x1: 400.0,
            y1: 94.0,
        },
        stroked: false,
        filled: true,
    });
    mark(&mut lines, &[page], &mut Report::default());
    assert_eq!(charted(&lines), [2, 3, 4, 5]);
}

#[test]
fn a_narrow_paragraph_inside_a_drawing_is_running_text() {
    let (mut lines, page) = diagram_page("Figure 2 Flow of instructions", None);
    // Three lines of a narrow column's paragraph, each short of a full line's words.
    let paragraph = stacked(
        "the quality of the studies was assessed",
        60.0,
        250.0,
        135.0,
        3,
    );
    insert_before_caption(&mut lines, paragraph);
    mark(&mut lines, &[page], &mut Report::default());
    assert!(charted(&lines).is_empty());
}
