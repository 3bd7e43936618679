//! Segmentation tests: units cut from extracted and placed lines.

use super::*;

fn lines(text: &str) -> Vec<TextLine> {
    crate::lines::test_lines(text)
}

fn seg(text: &str) -> Vec<Vec<String>> {
    units_of(&lines(text))
}

/// The plain text of each unit's lines.
fn units_of(ls: &[TextLine]) -> Vec<Vec<String>> {
    segment(ls, measure(ls))
        .iter()
        .map(|u| u.lines.iter().map(|l| l.plain()).collect())
        .collect()
}

#[test]
fn unwrapped_text_splits_at_blank_lines_and_keeps_indented_continuations() {
    let text = "A long paragraph of unwrapped text that goes on well past any measure of a printed line and keeps going.\n\n- Item one that wraps\n continues here\n- Item two\n\nLast paragraph.";
    assert_eq!(
        seg(text),
        vec![
            vec![
                "A long paragraph of unwrapped text that goes on well past any measure of a printed line and keeps going."
            ],
            vec!["- Item one that wraps", "continues here"],
            vec!["- Item two"],
            vec!["Last paragraph."],
        ]
    );
}

#[test]
fn the_next_note_number_opens_a_note_after_an_unfinished_line() {
    let text = "6 Similar findings are reported in a journal article on the governance of\nwater points. https://doi.org/10.5555/example.2022.6.2.088-governance-\nof-urban-water\n7 Maji Safi Trust, Gender and Water Committees, Field Report No. 9, published in\n8 volumes by the trust, with a summary for each of the counties covered.";
    let units = seg(text);
    assert_eq!(units.len(), 2, "{units:?}");
    assert!(units[1][0].starts_with("7 Maji"));
    // "8 volumes" carries the sequence on but is no note: a lower-case word follows.
    assert_eq!(units[1].len(), 2);
}

#[test]
fn the_next_bare_label_opens_a_note_after_an_unfinished_line() {
    let text = "Notes\n1\nWater Services Regulatory Board, “Impact Report”, published on June 30, 2023.\nhttps://www.wasreb-reports.example.go.ke/impact-report-issue-15-perform\nance-review\n2\nConstitution of Kenya (2010), Article 43(1)(d); Water Act No. 43 of 2016, section 63.";
    let units = seg(text);
    assert_eq!(units.last().map(|u| u[0].as_str()), Some("2"), "{units:?}");
    assert_eq!(units[units.len() - 2][0], "1");
    // pdftotext's default mode: blank lines between a label and its text, and inside
    // a broken URL.
    let text = "Notes\n1\nWater Services Regulatory Board, “Impact Report”, published on June 30, 2023.\nhttps://www.wasreb-reports.example.go.ke/impact-report-issue-15-perform\n\nance-review\n2\n\nConstitution of Kenya (2010), Article 43(1)(d); Water Act No. 43 of 2016, section 63.\n\n3\n\nWorld Health Organization, Domestic Water Quantity, Service Level and Health.";
    let units = seg(text);
    assert_eq!(units[units.len() - 2][0], "2", "{units:?}");
    assert_eq!(units[units.len() - 2].len(), 2);
    assert_eq!(units[units.len() - 1][0], "3");
    assert_eq!(units[units.len() - 1].len(), 2);
    assert_eq!(units[units.len() - 3], vec!["ance-review"]);
    // A number out of sequence, or before a lower-case line, stays in the note.
    let text = "1\nSee the report by the regional water board, published in 2023 at\nhttps://www.example.org/impact-report-issue-15-perform\nance-review\n3\nConstitution of Kenya (2010).\n";
    assert_eq!(seg(text).len(), 1);
    let text = "1\nSee the report by the regional water board, published in 2023 at\nhttps://www.example.org/impact-report-issue-15-perform\nance-review\n2\nvolumes of the report.\n";
    assert_eq!(seg(text).len(), 1);
    // Numbered rows of one or two cells are no notes: a blank line still parts them.
    let text = "1\nNairobi County\n\n2\n\nMombasa County\n";
    assert!(seg(text).iter().all(|u| u.len() == 1), "{:?}", seg(text));
}

#[test]
fn wrapped_text_splits_at_short_sentence_ends_and_headings() {
    let text = "Introduction\nThe first paragraph is hard-wrapped at a fixed measure so that\nevery line is about the same length as this line here.\nIt ends.\nA second paragraph starts here and it is also wrapped so\nthat lines are long enough to be considered full width.\n• A bullet item";
    assert_eq!(
        seg(text),
        vec![
            vec!["Introduction"],
            vec![
                "The first paragraph is hard-wrapped at a fixed measure so that",
                "every line is about the same length as this line here.",
                "It ends."
            ],
            vec![
                "A second paragraph starts here and it is also wrapped so",
                "that lines are long enough to be considered full width."
            ],
            vec!["• A bullet item"],
        ]
    );
}

#[test]
fn a_three_digit_label_opens_an_item_only_after_a_paragraph_end() {
    let text = "Lesgourgues J. and Pastor S. Physics Reports 429 (2006) 307 –\n379. Another reference line runs on to the full measure here.\nThe exercises follow.\n150. Find the velocity.\n151. Find the acceleration of the particle at each time t, for every\n152. Find the jerk of the particle at each time t, for every given\n154. Find the position.";
    assert_eq!(
        seg(text),
        vec![
            vec![
                "Lesgourgues J. and Pastor S. Physics Reports 429 (2006) 307 –",
                "379. Another reference line runs on to the full measure here.",
                "The exercises follow."
            ],
            vec!["150. Find the velocity."],
            vec!["151. Find the acceleration of the particle at each time t, for every"],
            vec![
                "152. Find the jerk of the particle at each time t, for every given",
                "154. Find the position."
            ],
        ]
    );
}

#[test]
fn a_three_digit_label_continues_its_numbering_past_nested_letter_items() {
    let text = "The exercises follow.\n154. Find the position.\n155. The position function represents the position\nof the back of a car.\na. Determine the velocity of the car when s(t) = 0.\nb. Determine the velocity of the car when s(t) = 14.\n156. The position of a hummingbird flying along a straight\nline in t seconds is given by s(t) = 3t3 meters.";
    let units = seg(text);
    assert_eq!(units.len(), 6, "{units:?}");
    assert_eq!(
        units[4],
        vec!["b. Determine the velocity of the car when s(t) = 14."]
    );
    assert!(units[5][0].starts_with("156. The position"), "{units:?}");
}

#[test]
fn whole_sentences_on_lines_of_their_own_are_units_of_their_own() {
    // A measure of about 96 characters; each line after "…fish spawn." is a sentence
    // of its own, the first two long enough that their next word would nearly fit.
    let text = "\
The river feeds a fishery that supplies most of the animal protein eaten in rural areas, while
the delta grows roughly half of the rice of the whole country and a large share of its exports.
Declining Fish Catch: Fishers around the lake report that catches have fallen sharply since the
late 2010s, and the shortened flood season reduces the area of forest in which fish spawn.
Smaller catches push households towards cheaper and less nutritious foods, season on season.
Poorer households sell their fishing gear to cover debts, making any recovery harder still.
Illegal fishing rises when legal catches shrink.";
    let units = seg(text);
    let firsts: Vec<&str> = units.iter().map(|u| u[0].as_str()).collect();
    assert!(firsts.iter().any(|f| f.starts_with("Smaller")), "{units:?}");
    assert!(firsts.iter().any(|f| f.starts_with("Poorer")), "{units:?}");
    assert!(firsts.iter().any(|f| f.starts_with("Illegal")), "{units:?}");
    // Prose where one line happens to end with its sentence stays one paragraph.
    let prose = "\
The river feeds a fishery that supplies most of the animal protein eaten in rural areas, while
the delta grows roughly half of the rice of the whole country and a large share of its exports.
Fishers around the lake report that catches have fallen sharply since the late 2010s, and the
shortened flood season reduces the area of flooded forest in which the fish of the lake spawn.
Smaller catches push households towards cheaper and less nutritious foods, and poorer ones
sell their fishing gear to cover debts, making any recovery harder still for the years ahead.";
    assert_eq!(seg(prose).len(), 1, "{:?}", seg(prose));
    // A term in title case and a colon after a finished sentence opens a unit; a
    // lower-case phrase before a colon in wrapped prose does not.
    let term = "\
The river feeds a fishery that supplies most of the animal protein eaten in rural areas, while
the delta grows roughly half of the rice of the country and the mothers there face the most risk.
Older Adults and the Chronically Ill: People with heart disease or asthma are admitted more
often during haze weeks, and few of them can leave the province.";
    assert_eq!(seg(term).len(), 2, "{:?}", seg(term));
    let prose = term.replace(
        "Older Adults and the Chronically Ill:",
        "The reason was simple:",
    );
    assert_eq!(seg(&prose).len(), 1, "{:?}", seg(&prose));
    // A table's row ending on a figure, a label, a short line: no sentence of its own.
    let whole = |t: &str| whole_sentence_line(&TextLine::new(t, 1, 1));
    assert!(whole("Illegal fishing rises when legal catches shrink.7"));
    assert!(!whole(
        "Average (Easy) 0.59 0.38 0.25 0.56 0.18 0.11 0.56 0.28 0.34"
    ));
    assert!(!whole("Total for the region in 2023 was 0.5."));
    assert!(!whole("See Table 2."));
    assert!(!whole(
        "1. Publish the schedule for every dam on the river."
    ));
    assert!(!whole(
        "and the losses grow in the second year as sacks wear."
    ));
}

/// A column of running text (face 1) with a line set in bold (face 2) at the body's
/// size, after a gap, then `after` in the body face.
fn bold_line_in_text(heading: &str, heading_x1: f32, after: &str) -> Vec<Vec<String>> {
    let placed = |text: &str, y: f32, x1: f32, face: u32| {
        let mut l = crate::lines::test_placed(text, 1, 72.0, x1, y, 10.9);
        if let Some(g) = l.geometry.as_mut() {
            g.face = face;
        }
        // Rich text as the PDF reader makes it: `TextLine::new` strips the markers.
        l.text = text.to_string();
        l
    };
    let mut ls: Vec<TextLine> = (0..12)
        .map(|i| placed(PROSE_LINE, 100.0 + 13.5 * i as f32, 298.9, 1))
        .collect();
    let bold = format!("{}{heading}{}", crate::rich::BOLD_ON, crate::rich::BOLD_OFF);
    ls.push(placed(&bold, 277.0, heading_x1, 2));
    ls.push(placed(after, 296.0, 298.9, 1));
    ls.push(placed(PROSE_LINE, 309.5, 298.9, 1));
    units_of(&ls)
}

const PROSE_LINE: &str = "ply tagging and coreference resolution for each one";

#[test]
fn a_long_bold_heading_at_the_body_size_ends_before_its_text() {
    let units = bold_line_in_text(
        "3.3 NE Tagging and Coreference Resolution",
        283.7,
        "In parallel with parsing and GLARFing, we also ap-",
    );
    assert_eq!(
        units[units.len() - 2],
        vec!["3.3 NE Tagging and Coreference Resolution"]
    );
}

/// A journal's sub-heading in sentence case ("Study population"): the bold face and the
/// short line are the evidence its capitals would give.
#[test]
fn a_bold_heading_in_sentence_case_ends_before_its_text() {
    let units = bold_line_in_text(
        "Study population",
        160.0,
        "The study population comprised participants from",
    );
    assert_eq!(units[units.len() - 2], vec!["Study population"]);
}

/// A column of the Federal Register: paragraphs set in by an em, a heading in bold at the
/// body's size with 5 pt more than the line spacing above it and none below.
#[test]
fn a_bold_heading_set_off_a_little_over_an_indented_paragraph_stands_alone() {
    let placed = |text: &str, x0: f32, x1: f32, y: f32, face: u32| {
        let mut l = crate::lines::test_placed(text, 1, x0, x1, y, 9.0);
        if let Some(g) = l.geometry.as_mut() {
            g.face = face;
        }
        l.text = text.to_string();
        l
    };
    let mut ls: Vec<TextLine> = (0..6)
        .map(|i| {
            let text = if i == 5 {
                "this NPRM because of those comments."
            } else {
                "the FAA will consider all comments received by"
            };
            placed(text, 399.0, 566.0, 300.0 + 9.9 * i as f32, 1)
        })
        .collect();
    let heading = "Confidential Business Information (CBI)";
    let bold = format!("{}{heading}{}", crate::rich::BOLD_ON, crate::rich::BOLD_OFF);
    ls.push(placed(&bold, 399.0, 566.9, 364.3, 2));
    ls.push(placed(
        "CBI is commercial or financial",
        408.0,
        533.3,
        374.2,
        1,
    ));
    ls.push(placed(
        "information that is both customarily and",
        399.0,
        566.3,
        384.1,
        1,
    ));
    ls.push(placed(
        "actually treated as private by its owner.",
        399.0,
        561.3,
        394.0,
        1,
    ));
    let units = units_of(&ls);
    assert_eq!(units.len(), 3, "{units:?}");
    assert_eq!(units[1], vec![heading]);
    assert_eq!(units[2].len(), 3);
}

#[test]
fn a_bold_lead_that_runs_on_in_bold_stays_with_its_text() {
    let after = format!(
        "{}compensation.{} You should receive a Form 1099-G showing",
        crate::rich::BOLD_ON,
        crate::rich::BOLD_OFF
    );
    let units = bold_line_in_text("Line 20 — Unemployment", 154.9, &after);
    assert_eq!(units.last().unwrap().len(), 3, "{units:?}");
}

#[test]
fn a_bold_line_that_reaches_the_measure_is_not_a_heading_on_its_own() {
    let units = bold_line_in_text(
        "Results From The Second Survey Round Of Households",
        297.0,
        "were the same as the first, as the table shows.",
    );
    assert_eq!(units.last().unwrap().len(), 3, "{units:?}");
}

/// A Federal Register block: "**DATES:**" opens a line after a finished sentence, with
/// no more than the line spacing above it, and opens its paragraph.
#[test]
fn a_bold_label_after_a_finished_sentence_opens_a_paragraph() {
    let at = |text: String, baseline: f32| {
        let mut l = crate::lines::test_placed(&text, 1, 45.0, 212.0, baseline, 9.0);
        l.text = text;
        l
    };
    let lines = vec![
        at("FAA is proposing this AD to address the".into(), 655.0),
        at("unsafe condition on these products.".into(), 665.0),
        at(
            format!(
                "{} The FAA must receive comments",
                crate::rich::bold("DATES:")
            ),
            677.0,
        ),
        at("on this proposed AD by September 21,".into(), 687.0),
    ];
    let units = segment(&lines, measure(&lines));
    assert_eq!(units.len(), 2, "{units:?}");
    assert_eq!(units[1].lines.len(), 2);
}

/// Placed lines of 11 pt, one under the other: (text, right end).
fn placed(rows: &[(&str, f32)]) -> Vec<Vec<String>> {
    let lines: Vec<TextLine> = rows
        .iter()
        .enumerate()
        .map(|(k, &(text, x1))| {
            crate::lines::test_placed(text, 1, 72.0, x1, 100.0 + 14.5 * k as f32, 11.0)
        })
        .collect();
    units_of(&lines)
}

#[test]
fn a_sentence_ended_with_room_for_the_next_word_ends_its_paragraph() {
    let full = "The harbour board met on the first Monday of the month and heard the pilots";
    let rows = [
        (full, 540.0),
        (full, 538.0),
        (
            "and the dredging contractors report on the state of the channel.",
            430.0,
        ),
        (
            "Their reports are printed in the board's minutes every month.",
            410.0,
        ),
    ];
    let units = placed(&rows);
    assert_eq!(units.len(), 2, "{units:?}");
    assert!(units[1][0].starts_with("Their"), "{units:?}");
    // So does a line that ends on a colon: what it announces was set below by hand.
    let mut colon = rows;
    colon[2].0 = "and the dredging contractors report on the following points:";
    assert_eq!(placed(&colon).len(), 2, "{:?}", placed(&colon));
    // Lines set beside a figure end short together: the next one, wrapped mid-sentence,
    // ends level with it, so the figure sets their measure and the paragraph goes on.
    let beside = [
        (full, 540.0),
        (full, 538.0),
        (
            "and the dredging contractors report on the state of the channel.",
            430.0,
        ),
        (
            "Their reports are printed in the board's minutes by the clerk",
            434.0,
        ),
        (
            "every month and sent to each of the harbour's pilots.",
            420.0,
        ),
    ];
    assert_eq!(placed(&beside).len(), 1, "{:?}", placed(&beside));
}
