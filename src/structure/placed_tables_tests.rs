//! Tests of the table finder for PDF lines.

use super::*;

fn cell(text: &str, x0: f32, x1: f32, baseline: f32) -> TextLine {
    crate::lines::test_placed(text, 2, x0, x1, baseline, 9.0)
}

#[test]
fn wrapped_cells_stay_in_their_row() {
    let lines = vec![
        cell(
            "Paragraph before the table, set across the page.",
            65.0,
            530.0,
            130.0,
        ),
        cell("City", 71.0, 90.0, 151.0),
        cell("Integrated modes", 226.0, 300.0, 151.0),
        cell("Transfer rule", 381.0, 440.0, 151.0),
        cell("Bogotá", 71.0, 100.0, 168.0),
        cell("Rapid transit buses, zonal", 226.0, 340.0, 168.0),
        cell("buses and cable cars", 226.0, 320.0, 179.0),
        cell("Reduced fare on a second", 381.0, 490.0, 168.0),
        cell("boarding", 381.0, 420.0, 179.0),
        cell("Quito", 71.0, 95.0, 196.0),
        cell("Metro and trolleybus", 226.0, 320.0, 196.0),
        cell("Free at stations", 381.0, 450.0, 196.0),
        cell(
            "Paragraph after the table, set across the page.",
            65.0,
            530.0,
            220.0,
        ),
    ];
    let t = find(&lines);
    assert_eq!(t.len(), 1);
    assert_eq!((t[0].start, t[0].end), (1, 12));
    assert_eq!(
        t[0].rows,
        vec![
            vec!["City", "Integrated modes", "Transfer rule"],
            vec![
                "Bogotá",
                "Rapid transit buses, zonal buses and cable cars",
                "Reduced fare on a second boarding"
            ],
            vec!["Quito", "Metro and trolleybus", "Free at stations"],
        ]
    );
}

#[test]
fn a_line_running_over_two_columns_is_cut_between_them() {
    let lines = vec![
        cell("Task type", 65.0, 110.0, 373.0),
        cell("Loss at 30 WBGT", 222.0, 300.0, 373.0),
        cell("Loss above 32 WBGT", 378.0, 460.0, 373.0),
        cell(
            "Concrete work and scaffolding 8 per cent",
            65.0,
            262.0,
            390.0,
        ),
        cell("on building sites", 65.0, 140.0, 401.0),
        cell("17 per cent", 378.0, 430.0, 390.0),
        cell("Street vending 4 per cent 9 per cent", 65.0, 430.0, 417.0),
    ];
    let t = find(&lines);
    assert_eq!(t.len(), 1);
    assert_eq!(
        t[0].rows[1],
        vec![
            "Concrete work and scaffolding on building sites",
            "8 per cent",
            "17 per cent"
        ]
    );
    assert_eq!(
        t[0].rows[2],
        vec!["Street vending", "4 per cent", "9 per cent"]
    );
}

#[test]
fn columns_of_running_text_are_not_tables() {
    let mut lines = Vec::new();
    let left = [
        "AGENCY: Federal Aviation",
        "administration of the rules, which apply",
        "to all the airplanes of the model and",
        "require the operators to revise the",
    ];
    let right = [
        "You may view the material at",
        "the offices of the agency during the",
        "hours given below, or on the internet",
        "at the address given in this notice.",
    ];
    for (r, (a, b)) in left.iter().zip(right).enumerate() {
        let y = 100.0 + 12.0 * r as f32;
        lines.push(cell(a, 50.0, 200.0, y));
        lines.push(cell(b, 220.0, 370.0, y));
    }
    assert!(find(&lines).is_empty());
    let hyphenated = vec![
        cell("Categories and Subject Descriptors", 50.0, 200.0, 100.0),
        cell("D.3.4 [Programming Lan-", 220.0, 370.0, 100.0),
        cell("Guages: Processors", 50.0, 200.0, 112.0),
        cell("Incremental compilers", 220.0, 370.0, 112.0),
        cell("General Terms", 50.0, 200.0, 124.0),
        cell("Measurement", 220.0, 370.0, 124.0),
    ];
    assert!(find(&hyphenated).is_empty());
}

#[test]
fn justified_words_and_labelled_notes_are_not_tables() {
    // Words of justified lines drawn one by one: their positions differ per line.
    let words = vec![
        cell("move", 65.0, 95.0, 100.0),
        cell("money", 105.0, 140.0, 100.0),
        cell("in", 151.0, 160.0, 100.0),
        cell("the", 65.0, 85.0, 114.0),
        cell("sums", 112.0, 140.0, 114.0),
        cell("were", 170.0, 200.0, 114.0),
    ];
    assert!(find(&words).is_empty());
    // Note labels set apart from their text.
    let notes = vec![
        cell("1", 65.0, 70.0, 700.0),
        cell("A. Author, “A Study”, 2020.", 80.0, 300.0, 700.0),
        cell("2", 65.0, 70.0, 712.0),
        cell("B. Author, “Another”, 2021.", 80.0, 300.0, 712.0),
        cell("3", 65.0, 70.0, 724.0),
        cell("C. Author, “A Third”, 2022.", 80.0, 300.0, 724.0),
    ];
    assert!(find(&notes).is_empty());
}

#[test]
fn numbered_rows_of_values_are_a_table_numbered_lines_are_not() {
    // A row number, a name, then three columns of scores, row after row: a table whose
    // first column only happens to hold numbers.
    let mut scores = Vec::new();
    score_rows(&mut scores, 178.0);
    let t = find(&scores);
    assert_eq!(t.len(), 1);
    assert_eq!(t[0].rows[2], vec!["3", "Mixtures", "0.90", "0.40", "0.00"]);
    // Numbered entries with a page number beside each: three cells, still a list.
    let mut contents = Vec::new();
    for (k, (title, page)) in [("Introduction", "3"), ("Methods", "9"), ("Results", "14")]
        .into_iter()
        .enumerate()
    {
        let y = 300.0 + 14.0 * k as f32;
        contents.push(cell(&format!("{}.", k + 1), 65.0, 72.0, y));
        contents.push(cell(title, 80.0, 140.0, y));
        contents.push(cell(page, 500.0, 510.0, y));
    }
    assert!(find(&contents).is_empty());
}

/// A form's fields in two columns of label and value, each pair of columns a field.
fn field_rows(lines: &mut Vec<TextLine>, fields: &[(&str, &str)], top: f32, x: f32) {
    for (r, (label, value)) in fields.iter().enumerate() {
        let y = top + 12.0 * r as f32;
        lines.push(crate::lines::test_placed(label, 2, x, x + 50.0, y, 8.0));
        lines.push(crate::lines::test_placed(
            value,
            2,
            x + 100.0,
            x + 180.0,
            y,
            8.0,
        ));
    }
}

/// Three fields of an order, label and value, from baseline 129 down.
fn order_fields() -> Vec<TextLine> {
    let mut lines = Vec::new();
    field_rows(
        &mut lines,
        &[
            ("Order:", "2024-12"),
            ("Estimate:", "EST-456"),
            ("Type:", "Premium"),
        ],
        129.0,
        50.0,
    );
    lines
}

fn title(text: &str, baseline: f32) -> TextLine {
    let mut l = crate::lines::test_placed(text, 2, 50.0, 130.0, baseline, 10.0);
    l.text = crate::rich::bold(text);
    l
}

#[test]
fn a_section_title_set_apart_from_the_fields_above_ends_the_table() {
    let mut lines = order_fields();
    let title_at = lines.len();
    // Five rows' pitches below the last field, in the bold type of a title.
    lines.push(title("Customer", 201.0));
    field_rows(
        &mut lines,
        &[
            ("Name:", "Universal"),
            ("Category:", "Distributor"),
            ("ID:", "CUST-98"),
        ],
        218.0,
        50.0,
    );
    let t = find(&lines);
    assert_eq!(t.len(), 2, "{t:?}");
    assert_eq!((t[0].start, t[0].end), (0, title_at));
    assert_eq!((t[1].start, t[1].end), (title_at + 1, lines.len()));
    assert_eq!(t[1].rows[0], vec!["Name:", "Universal"]);
    // The same title a row's pitch under the fields is a section row of the table.
    let mut close = lines.clone();
    for l in &mut close[title_at..] {
        if let Some(g) = &mut l.geometry {
            g.baseline -= 36.0;
            g.bbox.y0 -= 36.0;
            g.bbox.y1 -= 36.0;
        }
    }
    let t = find(&close);
    assert_eq!(t.len(), 1, "{t:?}");
    assert!(t[0].rows.iter().any(|r| r[0].contains("Customer")));
}

#[test]
fn a_title_over_text_in_one_column_is_no_section_of_the_table() {
    let mut lines = order_fields();
    let title_at = lines.len();
    // A row's pitch under the fields, as a section title of the table would be; but only
    // a line of text in the first column follows it.
    lines.push(title("Customer", 165.0));
    lines.push(crate::lines::test_placed(
        "Some text here.",
        2,
        50.0,
        110.0,
        182.0,
        8.0,
    ));
    let t = find(&lines);
    assert_eq!(t.len(), 1, "{t:?}");
    assert_eq!((t[0].start, t[0].end), (0, title_at));
}

/// Body rows of a score table from `top` down: a row number, a task, three scores.
fn score_rows(lines: &mut Vec<TextLine>, top: f32) {
    for (k, (name, a, b, c)) in [
        ("Simplified", "0.87", "0.20", "0.20"),
        ("Clustering", "0.88", "0.40", "0.40"),
        ("Mixtures", "0.90", "0.40", "0.00"),
    ]
    .into_iter()
    .enumerate()
    {
        let y = top + 8.0 * k as f32;
        lines.push(cell(&(k + 1).to_string(), 125.8, 129.3, y));
        lines.push(cell(name, 144.7, 180.0, y));
        lines.push(cell(a, 256.8, 269.0, y));
        lines.push(cell(b, 281.0, 293.2, y));
        lines.push(cell(c, 305.1, 317.3, y));
    }
}

#[test]
fn column_names_above_a_table_found_from_a_body_row_head_it() {
    // The stub's names on one baseline, the scores' names a little higher (set on a
    // slant), a group heading over them: no one baseline holds the header.
    let mut lines = vec![
        cell(
            "Table 4: Scores of the agents on every task.",
            108.0,
            400.0,
            110.0,
        ),
        cell("Agent", 281.0, 300.0, 128.0),
    ];
    for (name, x0, x1) in [
        ("Procedure", 259.4, 283.8),
        ("Completion", 283.6, 311.3),
        ("Knowledge", 307.7, 334.8),
    ] {
        lines.push(cell(name, x0, x1, 150.0));
    }
    lines.push(cell("#", 125.8, 129.3, 156.9));
    lines.push(cell("Task", 144.7, 161.1, 156.9));
    score_rows(&mut lines, 178.0);
    let t = find(&lines);
    assert_eq!(t.len(), 1);
    assert_eq!((t[0].start, t[0].end), (1, lines.len()));
    assert_eq!(t[0].head.rows, 1);
    assert!(!t[0].head.headless);
    assert_eq!(t[0].rows[0], vec!["", "", "", "Agent", ""]);
    assert_eq!(
        t[0].rows[1],
        vec!["#", "Task", "Procedure", "Completion", "Knowledge"]
    );
    assert_eq!(t[0].rows[2][0], "1");

    // Names drawn as one line across the value columns cannot be told apart: the table
    // stays without a header, the line above it.
    let mut merged = vec![
        cell("Procedure Completion Knowledge", 256.8, 317.3, 150.0),
        cell("#", 125.8, 129.3, 156.9),
        cell("Task", 144.7, 161.1, 156.9),
    ];
    score_rows(&mut merged, 178.0);
    let t = find(&merged);
    assert_eq!(t.len(), 1);
    assert_eq!(t[0].start, 3);
    assert!(t[0].head.headless);

    // Figures over the columns (a row the table above left behind) name none of them.
    let mut figures = vec![
        cell("0.7", 281.0, 293.2, 150.0),
        cell("12", 125.8, 129.3, 156.9),
        cell("0.5", 256.8, 269.0, 156.9),
    ];
    score_rows(&mut figures, 178.0);
    let t = find(&figures);
    assert!(t.iter().all(|t| t.head.headless), "{t:?}");
}

/// A description cell whose baseline sits two points above its code's (as a diagnostics
/// table's cells were drawn) belongs to the code's row, not to the row above: rows
/// paired one off would give every code the wrong description, silently.
#[test]
fn a_cell_drawn_a_little_above_its_row_stays_in_it() {
    let mut lines = vec![
        cell("Code", 64.0, 100.0, 86.5),
        cell("Error name", 146.0, 200.0, 86.5),
    ];
    for (k, name) in ["Signal voltage above threshold", "Open load", "Warning"]
        .iter()
        .enumerate()
    {
        let base = 103.6 + 15.0 * k as f32;
        lines.push(cell(&format!("03-7FA81.0{k}"), 64.0, 121.0, base));
        lines.push(cell(name, 146.0, 330.0, base - 1.9));
    }
    let t = find(&lines);
    assert_eq!(t.len(), 1);
    assert_eq!(
        t[0].rows,
        vec![
            vec!["Code", "Error name"],
            vec!["03-7FA81.00", "Signal voltage above threshold"],
            vec!["03-7FA81.01", "Open load"],
            vec!["03-7FA81.02", "Warning"],
        ]
    );
}

/// Rows of a table of figures: a label over two sub-rows set in a little ("Alcohol use"
/// over "Yes (%)" and "No (%)") keeps the sub-rows in the table, their labels in its
/// first column; a line in larger type running across its columns after the last row is
/// the page's prose, and ends the table whole.
#[test]
fn sub_row_labels_stay_and_prose_across_ends_the_table() {
    let mut lines = vec![
        cell("Measure", 57.0, 100.0, 100.0),
        cell("Remained", 296.0, 340.0, 100.0),
        cell("Developed", 396.0, 440.0, 100.0),
        cell("p-value", 498.0, 530.0, 100.0),
    ];
    let rows: [(&str, f32, [&str; 3]); 5] = [
        ("Age: mean, SD", 57.0, ["67.7", "72.8", "0.001"]),
        ("Current smoking (%)", 57.0, ["47.0", "41.8", "0.05"]),
        ("Yes (%)", 62.0, ["75.2", "63.0", "0.20"]),
        ("No, never drank (%)", 62.0, ["24.8", "37.0", "0.20"]),
        ("Presence of APOE (%)", 57.0, ["25.8", "47.5", "0.001"]),
    ];
    for (r, (label, x0, figures)) in rows.iter().enumerate() {
        let base = 112.0 + 11.0 * r as f32;
        lines.push(cell(label, *x0, x0 + 80.0, base));
        for (f, x) in figures.iter().zip([296.0, 396.0, 498.0]) {
            lines.push(cell(f, x, x + 20.0, base));
        }
    }
    for (k, text) in [
        "[38 FR 8255, Mar. 30, 1973. Redesignated at 38 FR 26609, Sept. 24, 1973, and",
        "amended at 41 FR 16553, Apr. 20, 1976; 41 FR 53477, Dec. 7, 1976; 46 FR 51603]",
    ]
    .iter()
    .enumerate()
    {
        let base = 168.0 + 11.0 * k as f32;
        lines.push(crate::lines::test_placed(text, 2, 57.0, 520.0, base, 10.5));
    }
    let t = find(&lines);
    assert_eq!(t.len(), 1, "{t:?}");
    assert_eq!(t[0].end, lines.len() - 2, "the prose is not a row");
    let labels: Vec<&str> = t[0].rows.iter().map(|r| r[0].as_str()).collect();
    assert_eq!(
        labels,
        [
            "Measure",
            "Age: mean, SD",
            "Current smoking (%)",
            "Yes (%)",
            "No, never drank (%)",
            "Presence of APOE (%)"
        ]
    );
}

/// Column names wrapped onto three lines over a typed rule of dots ("PARTICIPANTS /
/// WHO REMAINED / DEMENTIA-FREE") head the table as one row: each name's lines joined,
/// the rule passed over.
#[test]
fn names_wrapped_over_a_typed_rule_head_the_table() {
    let mut lines = Vec::new();
    for (k, (a, b)) in [
        ("PARTICIPANTS", "PARTICIPANTS"),
        ("WHO REMAINED", "WHO DEVELOPED"),
        ("DEMENTIA-FREE", "DEMENTIA"),
    ]
    .iter()
    .enumerate()
    {
        let base = 90.0 + 10.0 * k as f32;
        lines.push(cell(a, 296.0, 360.0, base));
        lines.push(cell(b, 396.0, 460.0, base));
    }
    lines.push(cell("p-VALUE", 498.0, 530.0, 110.0));
    lines.push(cell(&".".repeat(120), 57.0, 530.0, 118.0));
    let rows: [(&str, [&str; 3]); 4] = [
        (
            "Age: mean, SD",
            ["67.7, SD = 9.6", "72.8, SD = 7.4", "<0.001"],
        ),
        (
            "Education: mean, SD",
            ["8.7, SD = 3.5", "7.9, SD = 3.0", "<0.001"],
        ),
        (
            "MMSE score: mean, SD",
            ["27.4, SD = 1.9", "26.7, SD = 2.2", "<0.001"],
        ),
        (
            "Depressive symptoms: mean, SD",
            ["1.0, SD = 1.2", "1.0, SD = 1.2", "0.24"],
        ),
    ];
    for (r, (label, values)) in rows.iter().enumerate() {
        let base = 130.0 + 11.0 * r as f32;
        lines.push(cell(label, 57.0, 160.0, base));
        for (v, x) in values.iter().zip([296.0, 396.0, 498.0]) {
            lines.push(cell(v, x, x + 40.0, base));
        }
    }
    let t = find(&lines);
    assert_eq!(t.len(), 1, "{t:?}");
    assert_eq!((t[0].start, t[0].end), (0, lines.len()));
    assert!(!t[0].head.headless);
    assert_eq!(t[0].head.rows, 0);
    assert_eq!(
        t[0].rows[0],
        vec![
            "",
            "PARTICIPANTS WHO REMAINED DEMENTIA-FREE",
            "PARTICIPANTS WHO DEVELOPED DEMENTIA",
            "p-VALUE"
        ]
    );
    assert_eq!(t[0].rows[1][0], "Age: mean, SD");
}

/// Names centred over figures narrower than themselves, one of them wrapped onto two
/// lines set above and below the others' baseline ("Cost on U.S. / operators"), head
/// the table. A row of figures above a table (the end of another) names nothing.
#[test]
fn names_centred_over_narrow_figures_head_the_table() {
    // Lines boxed as a PDF's are, from the top of their type to its foot.
    let boxed = |text: &str, x0: f32, x1: f32, top: f32| {
        let mut l = crate::lines::test_placed(text, 2, x0, x1, top + 6.4, 8.0);
        if let Some(g) = l.geometry.as_mut() {
            (g.bbox.y0, g.bbox.y1) = (top, top + 8.0);
        }
        l
    };
    let names = |lines: &mut Vec<TextLine>| {
        for (name, x0, x1) in [
            ("Action", 104.8, 127.0),
            ("Labor cost", 245.5, 283.3),
            ("Parts cost", 358.7, 394.7),
            ("Cost per product", 424.4, 484.5),
        ] {
            lines.push(boxed(name, x0, x1, 681.5));
        }
        lines.push(boxed("Cost on U.S.", 509.1, 555.4, 677.9));
        lines.push(boxed("operators", 515.4, 549.1, 685.2));
    };
    let rows = |lines: &mut Vec<TextLine>| {
        for (r, label) in [
            "FCC OPS installation",
            "AFM revisions",
            "MDS installation",
            "Sensor test",
        ]
        .iter()
        .enumerate()
        {
            let top = 704.1 + 9.8 * r as f32;
            lines.push(boxed(label, 45.3, 186.8, top));
            lines.push(boxed("1 work-hour × $85 per hour = $85", 195.1, 333.4, top));
            lines.push(boxed("$0 ....", 341.9, 411.4, top));
            lines.push(boxed("$85 ....", 419.7, 489.2, top));
            lines.push(boxed("$6,205.", 497.5, 524.2, top));
        }
    };
    let mut lines = Vec::new();
    names(&mut lines);
    rows(&mut lines);
    let t = find(&lines);
    assert_eq!(t.len(), 1, "{t:?}");
    assert_eq!(t[0].start, 0);
    assert_eq!(
        t[0].rows[0],
        vec![
            "Action",
            "Labor cost",
            "Parts cost",
            "Cost per product",
            "Cost on U.S. operators"
        ]
    );

    // A figure among the names ("30.50" over the fourth column): a row the table
    // above left behind, no header.
    let mut figures: Vec<TextLine> = Vec::new();
    names(&mut figures);
    figures[3] = boxed("30.50", 424.4, 484.5, 681.5);
    rows(&mut figures);
    let t = find(&figures);
    assert_eq!(t.len(), 1, "{t:?}");
    assert!(t[0].head.headless && t[0].start == 6, "{t:?}");
}
