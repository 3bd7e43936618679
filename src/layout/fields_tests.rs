use super::*;
use crate::source::{PaintedRect, Rule};

fn across(x0: f32, x1: f32, y: f32) -> Rule {
    Rule {
        rect: Rect {
            x0,
            y0: y - 0.25,
            x1,
            y1: y + 0.25,
        },
        horizontal: true,
    }
}

fn down(x: f32, y0: f32, y1: f32) -> Rule {
    Rule {
        rect: Rect {
            x0: x - 0.25,
            y0,
            x1: x + 0.25,
            y1,
        },
        horizontal: false,
    }
}

/// The four sides of a box drawn with rules.
fn drawn_box(x0: f32, y0: f32, x1: f32, y1: f32) -> Vec<Rule> {
    vec![
        across(x0, x1, y0),
        across(x0, x1, y1),
        down(x0, y0, y1),
        down(x1, y0, y1),
    ]
}

fn placed(text: &str, x0: f32, x1: f32, baseline: f32, size: f32) -> TextLine {
    crate::lines::test_placed(text, 1, x0, x1, baseline, size)
}

fn marked(lines: &[TextLine], rules: Vec<Rule>, rects: Vec<PaintedRect>) -> Vec<bool> {
    let mut lines = lines.to_vec();
    let pages = [Page {
        number: 1,
        rules,
        rects,
        ..Page::default()
    }];
    mark(&mut lines, &pages);
    lines.iter().map(|l| l.form_label).collect()
}

#[test]
fn a_label_over_an_empty_box_labels_a_field() {
    let lines = [
        placed("DRIVER LICENSE NUMBER", 40.0, 160.0, 436.0, 7.0),
        placed("NAME OF OWNER", 40.0, 120.0, 470.0, 7.0),
        placed("Jane Smith", 44.0, 90.0, 486.0, 7.0),
    ];
    // An empty box under the first label; the second one's box holds its value.
    let mut rules = drawn_box(39.0, 438.0, 187.0, 455.0);
    rules.extend(drawn_box(39.0, 472.0, 187.0, 490.0));
    assert_eq!(marked(&lines, rules, vec![]), [true, false, false]);
}

#[test]
fn a_title_over_an_empty_row_of_a_table_is_no_field() {
    // "FONT: courier" over a glyph table whose first row is empty: the row's cells are
    // divided all the way down, while a comb's ticks for one letter each are short.
    let lines = [placed("FONT: courier", 244.0, 351.0, 96.6, 16.0)];
    let mut rules = drawn_box(60.0, 102.0, 530.0, 124.0);
    rules.push(down(92.0, 102.0, 124.0));
    assert_eq!(marked(&lines, rules.clone(), vec![]), [false]);
    rules.pop();
    rules.push(down(92.0, 114.0, 124.0));
    assert_eq!(marked(&lines, rules, vec![]), [true]);
}

#[test]
fn a_label_over_an_open_rule_or_a_tall_frame_is_no_field() {
    let lines = [placed("Background", 40.0, 120.0, 436.0, 10.0)];
    // A rule under a heading, and a frame under it too tall for a blank (a picture's).
    let mut rules = vec![across(39.0, 300.0, 438.0), across(39.0, 300.0, 460.0)];
    assert_eq!(marked(&lines, rules.clone(), vec![]), [false]);
    rules = drawn_box(39.0, 438.0, 300.0, 600.0);
    assert_eq!(marked(&lines, rules, vec![]), [false]);
}

#[test]
fn a_label_alone_in_its_cell_with_room_for_the_answer_labels_a_field() {
    // "9. Notes:" alone in a row of the form's grid, the address above it in the row
    // before; a stroked rectangle draws the cell as well as rules do.
    let lines = [
        placed("Smithtown, MI 48333", 29.0, 108.0, 238.0, 9.0),
        placed("9. Notes:", 29.0, 66.0, 254.0, 10.0),
    ];
    let cell = PaintedRect {
        rect: Rect {
            x0: 23.0,
            y0: 242.0,
            x1: 587.0,
            y1: 266.0,
        },
        stroked: true,
        filled: false,
    };
    assert_eq!(marked(&lines, vec![], vec![cell]), [false, true]);
    // Without the colon nothing is announced, and the cell leaves no room below.
    let heading = [placed("Notes", 29.0, 60.0, 254.0, 10.0)];
    assert_eq!(marked(&heading, vec![], vec![cell]), [false]);
    // A tint is no drawn cell: a heading on a coloured band stays a heading.
    let band = PaintedRect {
        stroked: false,
        filled: true,
        ..cell
    };
    assert_eq!(marked(&lines[1..], vec![], vec![band]), [false]);
}

#[test]
fn a_label_under_a_rule_in_a_tall_frame_is_alone_in_its_cell() {
    // The frame's sides run up past the table above; the rule over the label closes its
    // cell, empty but for the label.
    let lines = [
        placed("4.", 57.0, 63.0, 516.0, 8.0),
        placed(
            "18. Special Handling Instructions:",
            29.0,
            200.0,
            543.0,
            8.0,
        ),
    ];
    let mut rules = vec![
        down(23.0, 355.0, 746.0),
        down(591.0, 355.0, 746.0),
        across(23.0, 591.0, 534.5),
        across(23.0, 591.0, 615.0),
    ];
    assert_eq!(marked(&lines, rules.clone(), vec![]), [false, true]);
    // Without that rule the cell holds the table's rows too.
    rules.remove(2);
    assert_eq!(marked(&lines, rules, vec![]), [false, false]);
}

#[test]
fn a_cell_holding_more_text_below_its_first_line_is_no_blank() {
    let lines = [
        placed("Special handling:", 29.0, 110.0, 300.0, 10.0),
        placed("Keep upright", 29.0, 90.0, 330.0, 10.0),
    ];
    let rules = drawn_box(23.0, 290.0, 587.0, 360.0);
    assert_eq!(marked(&lines, rules, vec![]), [false, false]);
}

#[test]
fn letters_spelling_a_word_down_the_page_edge_are_a_side_tab() {
    let mut lines: Vec<TextLine> = "DEALER"
        .chars()
        .enumerate()
        .map(|(i, c)| {
            let y = 492.0 + 17.0 * i as f32;
            placed(&c.to_string(), 23.0, 30.0, y, 10.0)
        })
        .collect();
    lines.push(placed("Lien Filing Code", 42.0, 120.0, 494.0, 8.0));
    let found = marked(&lines, vec![], vec![]);
    assert_eq!(found, [true, true, true, true, true, true, false]);
    // Text to their left: a column of letters inside the page, not at its edge.
    lines.push(placed("Row", 2.0, 20.0, 509.0, 10.0));
    assert!(marked(&lines, vec![], vec![]).iter().all(|f| !f));
}

#[test]
fn words_stacked_in_a_narrow_cell_at_the_edge_are_a_side_tab() {
    let lines = [
        placed("OFFICE", 21.5, 47.2, 73.5, 7.0),
        placed("USE", 27.1, 41.5, 85.5, 7.0),
        placed("ONLY", 24.6, 44.1, 97.5, 7.0),
        placed("Reg.", 55.5, 68.2, 72.9, 6.0),
    ];
    let rules = drawn_box(18.0, 65.0, 50.5, 101.5);
    assert_eq!(marked(&lines, rules, vec![]), [true, true, true, false]);
    // Undrawn, stacked words are a heading broken over lines as well as a tab.
    assert_eq!(marked(&lines, vec![], vec![]), [false; 4]);
}

#[test]
fn a_question_among_a_forms_fields_is_one_of_them_but_not_above_the_form() {
    // Five labels over their empty boxes make the page a form; the question between them
    // and the label announcing its value are fields, the question heading the guidance
    // above the form is not, nor is a question on a page with fewer labels.
    let mut lines = vec![placed("What is this form for?", 40.0, 200.0, 60.0, 12.0)];
    let mut rules = Vec::new();
    for (i, label) in ["NAME", "DATE OF BIRTH", "ADDRESS", "TELEPHONE", "EMAIL"]
        .iter()
        .enumerate()
    {
        let y = 300.0 + 60.0 * i as f32;
        lines.push(placed(label, 40.0, 120.0, y, 10.0));
        rules.extend(drawn_box(39.0, y + 2.0, 300.0, y + 20.0));
    }
    lines.push(placed(
        "5 HOW DID YOU GET THE BOAT?",
        40.0,
        200.0,
        330.0,
        11.0,
    ));
    lines.push(placed("6. Carrier ID#:", 40.0, 120.0, 390.0, 11.0));
    assert_eq!(
        marked(&lines, rules.clone(), vec![]),
        [false, true, true, true, true, true, true, true]
    );
    // Four labels: no form, the questions may be headings.
    lines.remove(5);
    rules.truncate(16);
    assert_eq!(
        marked(&lines, rules, vec![]),
        [false, true, true, true, true, false, false]
    );
}
