//! Tests of [`super`]: tables told by their header cells' extents.

use super::*;

fn cell(text: &str, x0: f32, x1: f32, baseline: f32, size: f32) -> TextLine {
    crate::lines::test_placed(text, 1, x0, x1, baseline, size)
}

/// A booktabs-style table: figures set flush right under right-aligned headers, a
/// section row over two columns, a label wrapped in smaller type with its figures
/// centred against it, then the caption across the page.
fn data_table() -> Vec<TextLine> {
    let mut lines = Vec::new();
    let head = [
        ("Source", 135.0, 166.0),
        ("Type", 244.0, 265.0),
        ("Tokens", 327.0, 358.0),
        ("Words", 370.0, 399.0),
    ];
    for (t, a, b) in head {
        lines.push(cell(t, a, b, 75.0, 9.0));
    }
    lines.push(cell("Pretraining mix", 241.0, 350.0, 89.0, 9.0));
    let rows = [
        ("Web crawl", "Web pages", "3.71T", "3.32T"),
        ("Code", "Code", "83.0B", "70.0B"),
        ("Papers", "Academic", "58.6B", "51.1B"),
    ];
    for (r, (a, b, c, d)) in rows.iter().enumerate() {
        let y = 103.0 + 20.0 * r as f32;
        lines.push(cell(a, 135.0, 180.0, y, 9.0));
        if r == 1 {
            lines.push(cell("filtered version", 148.0, 200.0, y + 8.0, 7.0));
        }
        let centred = if r == 1 { 4.0 } else { 0.0 };
        lines.push(cell(b, 244.0, 290.0, y + centred, 9.0));
        lines.push(cell(c, 335.5, 358.0, y + centred, 9.0));
        lines.push(cell(d, 375.8, 399.0, y + centred, 9.0));
    }
    lines.push(cell(
        "Table 1 Composition of the data, with the sources of each part.",
        70.0,
        540.0,
        175.0,
        9.0,
    ));
    lines
}

#[test]
fn right_aligned_figures_wrapped_labels_and_a_section_row() {
    let lines = data_table();
    let t = table_at(&lines, 0).expect("a table");
    assert_eq!((t.start, t.end), (0, lines.len() - 1));
    assert_eq!(
        t.rows,
        vec![
            vec!["Source", "Type", "Tokens", "Words"],
            vec!["", "Pretraining mix", "", ""],
            vec!["Web crawl", "Web pages", "3.71T", "3.32T"],
            vec!["Code filtered version", "Code", "83.0B", "70.0B"],
            vec!["Papers", "Academic", "58.6B", "51.1B"],
        ]
    );
}

#[test]
fn a_stub_column_and_a_heading_over_the_header() {
    let mut lines = vec![
        cell("Year Ended", 423.0, 458.0, 399.0, 6.3),
        cell("Jan 26, 2025", 360.0, 398.0, 408.0, 6.3),
        cell("Jan 28, 2024", 422.0, 460.0, 408.0, 6.3),
        cell("Jan 29, 2023", 484.0, 522.0, 408.0, 6.3),
    ];
    let rows = [
        ("Cost of revenue", ["178", "141", "138"]),
        ("Research and development", ["3,423", "2,532", "1,892"]),
        ("Total", ["4,737", "3,549", "2,710"]),
    ];
    for (r, (label, figures)) in rows.iter().enumerate() {
        let y = 428.0 + 8.5 * r as f32;
        lines.push(cell(label, 81.0, 160.0, y, 6.3));
        // The currency sign is drawn a hair higher than its row.
        lines.push(cell("$", 351.0, 354.5, y - 0.4, 6.3));
        for (k, f) in figures.iter().enumerate() {
            let right = 405.0 + 62.0 * k as f32;
            lines.push(cell(f, right - 16.0, right, y, 6.3));
        }
    }
    lines.push(cell(
        "Stock-based compensation was not significant in these years.",
        80.0,
        400.0,
        473.0,
        6.3,
    ));
    let t = table_at(&lines, 1).expect("a table");
    assert_eq!((t.start, t.end), (0, lines.len() - 1));
    // Centred over the middle date alone, the heading's extent does not tell it heads
    // all three: it stays in the column it is printed over, spanning nothing.
    assert_eq!(t.rows[0], vec!["", "", "Year Ended", ""]);
    assert_eq!(t.head, GroupedHead::default());
    assert_eq!(
        t.rows[1],
        vec!["", "Jan 26, 2025", "Jan 28, 2024", "Jan 29, 2023"]
    );
    assert_eq!(t.rows[2], vec!["Cost of revenue", "$ 178", "141", "138"]);
    assert_eq!(t.rows[4], vec!["Total", "$ 4,737", "3,549", "2,710"]);
}

#[test]
fn headings_side_by_side_across_two_columns_each_span_them() {
    let mut lines = vec![
        cell("Three Months Ended", 305.0, 383.0, 399.0, 6.3),
        cell("Six Months Ended", 425.0, 503.0, 399.0, 6.3),
    ];
    for (k, date) in [
        "Jun 30, 2024",
        "Jun 30, 2023",
        "Jun 30, 2024",
        "Jun 30, 2023",
    ]
    .iter()
    .enumerate()
    {
        let x = [300.0, 350.0, 420.0, 470.0][k];
        lines.push(cell(date, x, x + 38.0, 408.0, 6.3));
    }
    for (r, label) in ["Revenue", "Cost of revenue", "Gross profit"]
        .iter()
        .enumerate()
    {
        let y = 428.0 + 8.5 * r as f32;
        lines.push(cell(label, 81.0, 140.0, y, 6.3));
        for right in [338.0, 388.0, 458.0, 508.0] {
            lines.push(cell("1,234", right - 16.0, right, y, 6.3));
        }
    }
    let t = table_at(&lines, 2).expect("a table");
    assert_eq!((t.start, t.end), (0, lines.len()));
    assert_eq!(
        t.rows[0],
        vec!["", "Three Months Ended", "", "Six Months Ended", ""]
    );
    assert_eq!(t.rows[1][1], "Jun 30, 2024");
    assert_eq!(t.head.rows, 1);
    let span = |column| CellSpan {
        row: 0,
        column,
        columns: 2,
    };
    assert_eq!(t.head.spans, vec![span(1), span(3)]);
}

#[test]
fn three_columns_of_running_text_are_not_a_table() {
    let words = [
        "the committee heard that",
        "evidence from the survey",
        "was gathered in spring",
    ];
    let mut lines = Vec::new();
    for r in 0..6 {
        for (k, w) in words.iter().enumerate() {
            let x = 60.0 + 170.0 * k as f32;
            lines.push(cell(w, x, x + 150.0, 100.0 + 12.0 * r as f32, 9.0));
        }
    }
    assert!(table_at(&lines, 0).is_none());
    // Two cells of words side by side in one column: a column the header does not
    // name, so the header does not describe the table.
    let mut crowded = data_table();
    let label = crowded
        .iter()
        .position(|l| l.plain() == "Web crawl")
        .unwrap();
    crowded[label] = cell("1", 135.0, 140.0, 103.0, 9.0);
    crowded.insert(label + 1, cell("Easy", 150.0, 166.0, 103.0, 9.0));
    assert!(table_at(&crowded, 0).is_none());
}

/// A form's fields in two blocks of label and value, as a spreadsheet sets them: a
/// figure flush right in its value column, values of the last column running past the
/// first row's short one; then, right under the fields, the title and the header of the
/// next table ("Estimate Totals" over "Hours  Rate  Cost").
fn form_then_totals() -> Vec<TextLine> {
    let mut lines = Vec::new();
    let fields = [
        ("Insured name", "Bruce Wayne", "Year", "2025"),
        ("Claim #", "999", "Make", "Batman"),
        ("Policy #", "IM-BATMAN", "Model", "Batmobile"),
        ("Phone", "(416) 555-1234", "Trim", "Limited"),
    ];
    for (r, (a, b, c, d)) in fields.iter().enumerate() {
        let y = 339.0 + 14.5 * r as f32;
        lines.push(cell(a, 79.5, 142.0, y, 11.0));
        if b.chars().all(|ch| ch.is_ascii_digit()) {
            lines.push(cell(b, 256.0, 273.0, y, 11.0));
        } else {
            lines.push(cell(b, 167.2, 236.0, y, 11.0));
        }
        lines.push(cell(c, 333.3, 354.0, y, 11.0));
        lines.push(cell(d, 398.5, 398.5 + 6.0 * d.len() as f32, y, 11.0));
    }
    lines.push(cell("Estimate Totals", 259.1, 329.6, 412.0, 11.0));
    for (t, a, b) in [
        ("Hours", 276.9, 304.0),
        ("Rate", 333.3, 354.4),
        ("Cost", 398.5, 418.5),
    ] {
        lines.push(cell(t, a, b, 427.0, 11.0));
    }
    lines.push(cell("Parts", 79.5, 103.0, 441.5, 11.0));
    lines.push(cell("99,999", 398.5, 429.3, 441.5, 11.0));
    lines
}

#[test]
fn a_title_over_another_header_ends_the_form_above_it() {
    let lines = form_then_totals();
    let title = lines
        .iter()
        .position(|l| l.plain() == "Estimate Totals")
        .unwrap();
    let t = table_at(&lines, 0).expect("the form's fields are a table");
    assert_eq!((t.start, t.end), (0, title));
    assert_eq!(t.rows.len(), 4);
    assert_eq!(t.rows[1], vec!["Claim #", "999", "Make", "Batman"]);
    assert_eq!(t.rows[2][3], "Batmobile");
    // Without its title the next header only tells that this header does not describe
    // the lines below it.
    let untitled: Vec<TextLine> = lines
        .iter()
        .filter(|l| l.plain() != "Estimate Totals")
        .map(|l| match l.geometry {
            Some(g) if (g.baseline - 427.0).abs() < 0.1 => {
                cell(&l.plain(), g.bbox.x0, g.bbox.x1, 412.0, 11.0)
            }
            _ => l.clone(),
        })
        .collect();
    assert!(table_at(&untitled, 0).is_none());
}
