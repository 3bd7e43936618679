//! Issues 8/10: what a line needs beyond its type to be a heading, on pages built here with
//! lopdf. A bold line over rows of form fields is a label; a line that breaks off at a dash
//! is unfinished; a display face set larger than the section titles in that face titles a
//! box. Each test has a control drawn the same way that must stay (or become) a heading.

mod support;

use brief2md::model::{Block, Document, plain_text};
use support::{PdfBuilder, convert_to_markdown as convert, heading_texts as headings};

/// A line of text: x, baseline y, font resource, size, text.
type Line<'a> = (f32, f32, &'a str, f32, &'a str);

const PROSE: &str = "Rainfall over the highlands was measured at forty stations for thirty years.";

fn pdf(lines: &[Line]) -> Vec<u8> {
    let mut b = PdfBuilder::new();
    b.std_font("F1", "Helvetica", Some("WinAnsiEncoding"));
    b.std_font("F2", "Helvetica-Bold", Some("WinAnsiEncoding"));
    b.std_font("F3", "Times-Roman", Some("WinAnsiEncoding"));
    b.std_font("F4", "Helvetica-BoldOblique", Some("WinAnsiEncoding"));
    let mut content = String::new();
    for (x, y, font, size, text) in lines {
        content.push_str(&format!("BT /{font} {size} Tf {x} {y} Td ({text}) Tj ET\n"));
    }
    b.page(&content);
    b.build()
}

/// Prose lines in Helvetica 11 from `y` down, 14 pt apart.
fn prose(y: f32, n: usize) -> Vec<Line<'static>> {
    (0..n)
        .map(|i| (72.0, y - 14.0 * i as f32, "F1", 11.0, PROSE))
        .collect()
}

/// A page of prose with a bold line at the body's size at y = 560, followed by `after`.
fn bold_line_then(after: Vec<Line<'static>>) -> Vec<u8> {
    let mut lines = prose(740.0, 8);
    lines.push((72.0, 560.0, "F2", 11.0, "Customer Information"));
    lines.extend(after);
    pdf(&lines)
}

/// Rows of a bold label and its value, from y = 540 down.
fn after_rows(rows: &[(&'static str, &'static str)]) -> Vec<Line<'static>> {
    let mut after: Vec<Line> = Vec::new();
    for (i, (label, value)) in rows.iter().enumerate() {
        let y = 540.0 - 14.0 * i as f32;
        after.push((72.0, y, "F2", 11.0, label));
        after.push((200.0, y, "F1", 11.0, value));
    }
    after
}

#[test]
fn a_bold_label_over_form_fields_stays_text() {
    let rows = [
        ("Insured name", "Gabriel Diaz"),
        ("Claim number", "SF-1008"),
        ("Policy number", "POL-2022-555"),
        ("Phone", "(425) 111-1111"),
    ];
    let (doc, md) = convert(&bold_line_then(after_rows(&rows)));
    let found = headings(&doc);
    assert!(
        !found.iter().any(|h| h.contains("Customer Information")),
        "{found:?}\n{md}"
    );
    // Nothing is lost: the label and the fields stay in the text.
    for word in ["Customer Information", "Gabriel Diaz", "POL-2022-555"] {
        assert!(md.contains(word), "{word} missing:\n{md}");
    }
    // And the report says why the bold line is no heading.
    let c = brief2md::convert(&bold_line_then(after_rows(&rows)), &Default::default())
        .expect("converts");
    assert!(
        c.report.actions.iter().any(|a| {
            a.before.as_deref() == Some("Customer Information")
                && a.evidence
                    .as_deref()
                    .is_some_and(|e| e.contains("it introduces no text"))
        }),
        "{:?}",
        c.report.actions
    );
}

#[test]
fn a_bold_line_over_prose_is_a_heading() {
    let (doc, md) = convert(&bold_line_then(prose(540.0, 4)));
    assert!(
        headings(&doc).iter().any(|h| h == "Customer Information"),
        "{md}"
    );
}

/// A page of prose with a 14 pt line `text` in the middle, prose after it.
fn large_line(text: &'static str) -> Vec<u8> {
    let mut lines = prose(740.0, 8);
    lines.push((72.0, 560.0, "F1", 14.0, text));
    lines.extend(prose(540.0, 4));
    pdf(&lines)
}

#[test]
fn a_line_that_breaks_off_at_a_dash_is_no_heading() {
    let (doc, md) = convert(&large_line("Ministry of Water and Irrigation -"));
    assert!(
        !headings(&doc).iter().any(|h| h.contains("Ministry")),
        "{md}"
    );
    assert!(md.contains("Ministry of Water and Irrigation -"), "{md}");
    let (doc, md) = convert(&large_line("Ministry of Water and Irrigation"));
    assert!(
        headings(&doc)
            .iter()
            .any(|h| h == "Ministry of Water and Irrigation"),
        "{md}"
    );
}

#[test]
fn a_caption_set_like_a_heading_is_no_heading() {
    let (doc, md) = convert(&large_line("Table 2: Growth by Region"));
    assert!(!headings(&doc).iter().any(|h| h.contains("Growth")), "{md}");
    // Kept as the caption it is (its label may be set off in bold).
    for word in ["Table 2:", "Growth by Region"] {
        assert!(md.contains(word), "{word} missing:\n{md}");
    }
    // A label with no stop after its number, or standing alone, is a caption's too.
    for caption in ["Figure 7.1 Cumulative Concentration Curves", "Table ES-1"] {
        let (doc, md) = convert(&large_line(caption));
        assert!(headings(&doc).is_empty(), "{md}");
        assert!(md.contains(caption), "{md}");
    }
    let (doc, md) = convert(&large_line("Growth by Region"));
    assert!(
        headings(&doc).iter().any(|h| h == "Growth by Region"),
        "{md}"
    );
}

/// A page of prose with a line `text` of its own in the body's type at y = 560.
fn body_line(text: &'static str) -> Vec<u8> {
    let mut lines = prose(740.0, 8);
    lines.push((72.0, 560.0, "F1", 11.0, text));
    lines.extend(prose(540.0, 4));
    pdf(&lines)
}

#[test]
fn a_date_on_its_own_line_is_no_numbered_heading() {
    let (doc, md) = convert(&body_line("13 November 2003"));
    assert!(
        !headings(&doc).iter().any(|h| h.contains("November")),
        "{md}"
    );
    assert!(md.contains("13 November 2003"), "{md}");
    let (doc, md) = convert(&body_line("13 Northern Stations"));
    assert!(
        headings(&doc)
            .iter()
            .any(|h| h.contains("Northern Stations")),
        "{md}"
    );
}

/// A page of prose whose line at y = 560 is set at 13 pt (an OCR layer sizes each line by
/// its own height) and stops mid-sentence, and whose next paragraph opens with `next`.
fn oversized_first_line(next: &'static str) -> Vec<u8> {
    let mut lines = prose(740.0, 8);
    lines.push((
        72.0,
        560.0,
        "F1",
        13.0,
        "On light soils, the returns of the committee give bones a",
    ));
    lines.push((72.0, 540.0, "F1", 11.0, next));
    lines.extend(prose(526.0, 3));
    pdf(&lines)
}

#[test]
fn a_line_whose_sentence_goes_on_after_it_is_no_heading() {
    let (doc, md) = convert(&oversized_first_line(
        "preference to farm-yard dung, by a wide margin over the years.",
    ));
    assert!(!headings(&doc).iter().any(|h| h.contains("light")), "{md}");
    assert!(
        md.contains("give bones a preference to farm-yard dung"),
        "{md}"
    );
    // Followed by a sentence of its own, the same line keeps its size's rank.
    let (doc, md) = convert(&oversized_first_line(
        "Preference goes to farm-yard dung, by a wide margin over the years.",
    ));
    assert!(headings(&doc).iter().any(|h| h.contains("light")), "{md}");
}

/// Times 10 body text; section titles in Helvetica 10.5 (a display face at about the
/// body's size), each over a paragraph; then a line in Helvetica at `box_size` over a
/// paragraph, as a box's title is set.
fn display_face_page(box_size: f32) -> Vec<u8> {
    let body = |y: f32, n: usize| -> Vec<Line<'static>> {
        (0..n)
            .map(|i| (72.0, y - 12.0 * i as f32, "F3", 10.0, PROSE))
            .collect()
    };
    let mut lines = body(760.0, 6);
    lines.push((72.0, 680.0, "F1", 10.5, "Study area"));
    lines.extend(body(666.0, 6));
    lines.push((72.0, 580.0, "F1", 10.5, "Data sources"));
    lines.extend(body(566.0, 6));
    lines.push((72.0, 480.0, "F1", 10.5, "Station records"));
    lines.extend(body(466.0, 6));
    lines.push((72.0, 380.0, "F1", box_size, "Main messages"));
    lines.extend(body(366.0, 3));
    pdf(&lines)
}

#[test]
fn a_display_face_set_larger_titles_a_box() {
    let (doc, md) = convert(&display_face_page(11.0));
    let found = headings(&doc);
    for title in [
        "Study area",
        "Data sources",
        "Station records",
        "Main messages",
    ] {
        assert!(found.iter().any(|h| h == title), "{title}: {found:?}\n{md}");
    }
    // Set smaller than the section titles, the same face is no title style.
    let (doc, md) = convert(&display_face_page(10.0));
    assert!(!headings(&doc).iter().any(|h| h == "Main messages"), "{md}");
}

/// A form whose longest text is its fine print (8 pt): the labels, their values and a
/// section label are set at 10 pt, larger than that "body".
#[test]
fn a_section_label_in_the_type_of_form_labels_stays_text() {
    const FINE: &str =
        "Parts prices may vary with the maker's price updates; further damage may be found later.";
    let mut lines: Vec<Line> = vec![(72.0, 760.0, "F2", 20.0, "Lakeside Auto Repair")];
    for i in 0..12 {
        lines.push((72.0, 730.0 - 10.0 * i as f32, "F1", 8.0, FINE));
    }
    lines.push((72.0, 590.0, "F2", 10.0, "Vehicle Information"));
    let rows = [
        ("Year", "2022"),
        ("Make", "Jeep"),
        ("Model", "Grand Cherokee"),
        ("Colour", "White"),
        ("Odometer", "9,800"),
    ];
    for (i, (label, value)) in rows.iter().enumerate() {
        let y = 570.0 - 14.0 * i as f32;
        lines.push((72.0, y, "F2", 10.0, label));
        lines.push((200.0, y, "F1", 10.0, value));
    }
    let (doc, md) = convert(&pdf(&lines));
    let found = headings(&doc);
    assert!(
        !found.iter().any(|h| h.contains("Vehicle Information")),
        "{found:?}\n{md}"
    );
    for word in ["Vehicle Information", "Grand Cherokee", "9,800"] {
        assert!(md.contains(word), "{word} missing:\n{md}");
    }
    assert!(
        !doc.metadata
            .title
            .as_deref()
            .is_some_and(|t| t.contains("Vehicle")),
        "{md}"
    );
}

/// A line set larger than the body text that stands on the baseline of a label in bold
/// ("Note   Minor rear bumper repair") is that field's value, not a heading; without the
/// label the same line is a heading. A section number before a heading is no label.
#[test]
fn a_value_beside_its_label_is_no_heading() {
    let small = |y: f32| (72.0, y, "F1", 9.0, PROSE);
    let page = |before: Vec<Line<'static>>| {
        let mut lines: Vec<Line> = (0..6).map(|i| small(740.0 - 12.0 * i as f32)).collect();
        lines.extend(before);
        lines.push((150.0, 640.0, "F1", 11.0, "Minor rear bumper repair"));
        lines.extend((0..6).map(|i| small(620.0 - 12.0 * i as f32)));
        pdf(&lines)
    };
    let (doc, md) = convert(&page(vec![]));
    assert_eq!(headings(&doc), ["Minor rear bumper repair"], "{md}");
    let (doc, md) = convert(&page(vec![(72.0, 640.0, "F2", 11.0, "Note")]));
    assert!(headings(&doc).is_empty(), "{md}");
    assert!(md.contains("Minor rear bumper repair"), "{md}");
    let (doc, md) = convert(&page(vec![(120.0, 640.0, "F2", 11.0, "4.2")]));
    assert_eq!(headings(&doc).len(), 1, "{md}");
}

/// A page of prose, then a line ending in a colon at 13 pt (`label_font`) with the line
/// `value` set directly under it (12 pt leading, no space) in `value_font`, then prose.
fn label_page(label: &'static str, label_font: &'static str, value_font: &'static str) -> Vec<u8> {
    let mut lines = prose(740.0, 6);
    lines.push((72.0, 620.0, label_font, 13.0, label));
    lines.push((
        72.0,
        606.0,
        value_font,
        13.0,
        "International Conference on Law and Technology, 2002",
    ));
    lines.extend(prose(570.0, 6));
    pdf(&lines)
}

#[test]
fn a_label_with_its_value_directly_under_it_is_no_heading_and_keeps_its_colon() {
    // Bold label over a value in the regular face: neither is a heading, and the colon the
    // label prints stays.
    let (doc, md) = convert(&label_page("Published in:", "F2", "F1"));
    assert!(headings(&doc).is_empty(), "{:?}\n{md}", headings(&doc));
    assert!(md.contains("Published in:"), "{md}");
    assert!(
        md.contains("International Conference on Law and Technology, 2002"),
        "{md}"
    );
    // Control: the same two lines in one type are a title broken after its colon, and
    // stay a heading, colon and all.
    let (doc, md) = convert(&label_page("Published in:", "F2", "F2"));
    let found = headings(&doc);
    assert!(
        found.iter().any(|h| h.starts_with("Published in:")),
        "{found:?}\n{md}"
    );
}

/// A form's question over two lines, in bold at the body's size, ending in a colon, then
/// the answer typed into its field in a larger type at `value_y` (directly under the
/// question when 14 pt below its last baseline), then prose.
fn question_page(value: &'static str, value_y: f32) -> Vec<u8> {
    let mut lines = prose(740.0, 6);
    lines.push((
        72.0,
        640.0,
        "F2",
        11.0,
        "If Yes, briefly describe the services, the dates of last contact and",
    ));
    lines.push((
        72.0,
        627.0,
        "F2",
        11.0,
        "the persons receiving those services:",
    ));
    lines.push((72.0, value_y, "F1", 14.0, value));
    lines.extend(prose(value_y - 30.0, 6));
    pdf(&lines)
}

#[test]
fn the_answer_under_a_question_of_several_lines_is_no_heading() {
    let (doc, md) = convert(&question_page("N/A", 613.0));
    assert!(headings(&doc).is_empty(), "{:?}\n{md}", headings(&doc));
    assert!(md.lines().any(|l| l.trim() == "N/A"), "{md}");
    // Control: a larger line set a clear space below the question starts a section.
    let (doc, md) = convert(&question_page("Services Provided", 590.0));
    assert_eq!(headings(&doc), ["Services Provided"], "{md}");
}

#[test]
fn a_numbered_line_in_body_type_beside_other_text_is_no_heading() {
    // A title page's edition line and the author's name on one baseline: the number is
    // the line's only evidence, and it shares its row.
    let mut lines = prose(740.0, 6);
    lines.push((72.0, 600.0, "F1", 11.0, "0. Edition, 31 December 2016"));
    lines.push((470.0, 600.0, "F1", 11.0, "Martin Thoma"));
    lines.extend(prose(570.0, 6));
    let (doc, md) = convert(&pdf(&lines));
    assert!(headings(&doc).is_empty(), "{md}");
    assert!(md.contains("Edition, 31 December 2016"), "{md}");
    // Control: the same kind of line alone on its row, over prose, is a numbered heading.
    let mut lines = prose(740.0, 6);
    lines.push((72.0, 600.0, "F1", 11.0, "2. Methods of the survey"));
    lines.extend(prose(570.0, 6));
    let (doc, md) = convert(&pdf(&lines));
    assert_eq!(headings(&doc), vec!["2. Methods of the survey"], "{md}");
}

#[test]
fn bold_letters_of_a_figure_are_no_heading() {
    // A drawing's labels set in bold at the body's size ("P 0 Q"), then its caption.
    let mut lines = prose(740.0, 6);
    lines.push((200.0, 620.0, "F2", 11.0, "P 0 Q"));
    lines.push((
        72.0,
        600.0,
        "F1",
        11.0,
        "Figure 1.6: The stereographic projection.",
    ));
    lines.extend(prose(570.0, 6));
    let (doc, md) = convert(&pdf(&lines));
    assert!(headings(&doc).is_empty(), "{md}");
    assert!(md.contains("P 0 Q"), "{md}");
    // Control: a bold line of words in the same place is a heading.
    let mut lines = prose(740.0, 6);
    lines.push((72.0, 620.0, "F2", 11.0, "Key Findings"));
    lines.extend(prose(600.0, 6));
    let (doc, md) = convert(&pdf(&lines));
    assert_eq!(headings(&doc), vec!["Key Findings"], "{md}");
}

#[test]
fn entries_stacked_under_a_line_of_their_type_are_no_headings() {
    // Small print for the body (9 pt), an agenda's block in 12 pt: a sentence, then three
    // entries directly under it, each a short line in the same type. Size alone would make
    // each entry a title; stacked under a line of text in their own type, they go on its
    // block.
    let body = |y: f32| -> Vec<Line<'static>> {
        (0..6)
            .map(|i| (72.0, y - 12.0 * i as f32, "F1", 9.0, PROSE))
            .collect()
    };
    let mut lines = body(740.0);
    lines.push((72.0, 640.0, "F1", 12.0, "Closed Session Agenda"));
    lines.extend(body(616.0));
    let entries = [
        "The Board meets in closed session.",
        "District Representatives: Board President Lucey",
        "Unrepresented Employee: Superintendent of Schools",
        "Location: Board Room, District Office",
    ];
    for (i, e) in entries.iter().enumerate() {
        lines.push((90.0, 520.0 - 14.0 * i as f32, "F1", 12.0, e));
    }
    lines.extend(body(440.0));
    let (doc, md) = convert(&pdf(&lines));
    // Control: the same type with space above it and prose under it titles the section.
    assert_eq!(headings(&doc), vec!["Closed Session Agenda"], "{md}");
    let text = plain_text_of(&doc);
    for e in entries {
        assert!(text.contains(e), "{e:?} kept:\n{md}");
    }
}

/// Every block's plain text, one block a line.
fn plain_text_of(doc: &Document) -> String {
    doc.blocks
        .iter()
        .filter_map(|b| match b {
            Block::Paragraph(content) | Block::Heading { content, .. } => Some(plain_text(content)),
            _ => None,
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// A page of 9 pt prose with a 12 pt heading at y = 640 and `second` directly under it in
/// the same type, then prose again.
fn heading_with_line_under(first: &'static str, second: &'static str) -> Vec<u8> {
    let body = |y: f32| -> Vec<Line<'static>> {
        (0..6)
            .map(|i| (72.0, y - 12.0 * i as f32, "F1", 9.0, PROSE))
            .collect()
    };
    let mut lines = body(740.0);
    lines.push((72.0, 640.0, "F1", 12.0, first));
    lines.push((72.0, 626.0, "F1", 12.0, second));
    lines.extend(body(600.0));
    pdf(&lines)
}

#[test]
fn a_line_stacked_under_an_unfinished_heading_in_its_type_carries_it_on() {
    // The agenda item's heading goes on to a second line that its type and place tie to
    // it: one heading, not a heading and a heading of another rank.
    let (doc, md) = convert(&heading_with_line_under(
        "2.1 Evaluation under the Code",
        "Section 54957",
    ));
    assert_eq!(
        headings(&doc),
        vec!["2.1 Evaluation under the Code Section 54957"],
        "{md}"
    );
    // Control: a line in small letters under one in capitals is the next rank down.
    let (doc, md) = convert(&heading_with_line_under("METHODS", "Search strategy"));
    assert_eq!(headings(&doc), vec!["METHODS", "Search strategy"], "{md}");
}

/// An agenda in 9 pt prose whose numbered items are set in `font` at 11 pt: items 2 and 3
/// have text under them, items 1 and 4 have none.
fn agenda(font: &'static str) -> Vec<u8> {
    let body = |y: f32| -> Vec<Line<'static>> {
        (0..3)
            .map(|i| (90.0, y - 12.0 * i as f32, "F1", 9.0, PROSE))
            .collect()
    };
    let mut lines = vec![(72.0, 700.0, font, 11.0, "1. CALL TO ORDER")];
    lines.push((72.0, 676.0, "F2", 11.0, "2. PUBLIC COMMENT"));
    lines.extend(body(660.0));
    lines.push((72.0, 610.0, "F2", 11.0, "3. CLOSED SESSION"));
    lines.extend(body(594.0));
    lines.push((72.0, 544.0, font, 11.0, "4. REPORT FROM CLOSED SESSION"));
    lines.push((72.0, 520.0, "F2", 11.0, "5. ADJOURNMENT"));
    lines.extend(body(504.0));
    pdf(&lines)
}

#[test]
fn numbered_items_with_nothing_under_them_rank_with_the_headings_they_are_numbered_among() {
    let (doc, md) = convert(&agenda("F2"));
    assert_eq!(
        headings(&doc),
        vec![
            "1. CALL TO ORDER",
            "2. PUBLIC COMMENT",
            "3. CLOSED SESSION",
            "4. REPORT FROM CLOSED SESSION",
            "5. ADJOURNMENT"
        ],
        "{md}"
    );
    // Control: set unlike the headings (not in bold), items 1 and 4 are left as they were.
    let (doc, md) = convert(&agenda("F1"));
    let found = headings(&doc);
    assert!(!found.iter().any(|h| h.contains("CALL TO ORDER")), "{md}");
    assert!(!found.iter().any(|h| h.contains("REPORT FROM")), "{md}");
    assert!(
        md.contains("CALL TO ORDER") && md.contains("REPORT FROM CLOSED SESSION"),
        "{md}"
    );
}

/// Three numbered sections in bold at the body's size, prose under each; the middle one's
/// title is a long phrase in sentence case, which alone reads as a numbered item.
fn sections_around_a_long_title(before: &'static str, after: &'static str) -> Vec<u8> {
    let mut lines = vec![(72.0, 760.0, "F2", 11.0, before)];
    lines.extend(prose(740.0, 4));
    lines.push((
        72.0,
        670.0,
        "F2",
        11.0,
        "4. Connection between the deceleration parameter and observations",
    ));
    lines.extend(prose(650.0, 4));
    lines.push((72.0, 580.0, "F2", 11.0, after));
    lines.extend(prose(560.0, 4));
    pdf(&lines)
}

#[test]
fn an_item_between_the_sections_numbered_before_and_after_it_is_a_section() {
    let (doc, md) = convert(&sections_around_a_long_title(
        "3. Results",
        "5. Conclusions",
    ));
    assert_eq!(
        headings(&doc),
        vec![
            "3. Results",
            "4. Connection between the deceleration parameter and observations",
            "5. Conclusions"
        ],
        "{md}"
    );
    // Control: numbered out of sequence around it, the item is left as it was.
    let (doc, md) = convert(&sections_around_a_long_title(
        "3. Results",
        "7. Conclusions",
    ));
    assert_eq!(headings(&doc), vec!["3. Results", "7. Conclusions"], "{md}");
    assert!(md.contains("Connection between the deceleration"), "{md}");
}

/// A table of contents set in bold, numbered like the sections it lists, each entry with
/// a dot leader and its page: the entries are no headings; the sections they list, set
/// the same way without a leader, are.
#[test]
fn contents_entries_are_no_headings_but_the_sections_they_list_are() {
    let mut lines: Vec<Line> = vec![
        (72.0, 760.0, "F2", 16.0, "Contents"),
        (72.0, 736.0, "F2", 12.0, "1 Introduction ................ 2"),
        (72.0, 720.0, "F2", 12.0, "2 Rainfall Records ............ 3"),
        (72.0, 704.0, "F2", 12.0, "3 Findings . . . . . . . . . . 5"),
        (72.0, 660.0, "F2", 12.0, "1 Introduction"),
    ];
    lines.extend(prose(640.0, 5));
    lines.push((72.0, 560.0, "F2", 12.0, "2 Rainfall Records"));
    lines.extend(prose(540.0, 5));
    let (doc, md) = convert(&pdf(&lines));
    let hs = headings(&doc);
    assert!(
        hs.iter().all(|h| !h.contains("..") && !h.contains(". .")),
        "{hs:?}\n{md}"
    );
    assert!(hs.iter().any(|h| h == "1 Introduction"), "{hs:?}\n{md}");
    assert!(hs.iter().any(|h| h == "2 Rainfall Records"), "{hs:?}\n{md}");
    assert!(md.contains("2 Rainfall Records ............ 3"), "{md}");
}

/// A sentence set larger than the page's small print and ending in a colon announces the
/// list under it: no heading. A short label ending in a colon, set the same way, is one.
#[test]
fn a_long_line_ending_in_a_colon_announces_and_titles_nothing() {
    let page = |lead: &'static str| {
        let mut lines: Vec<Line> = (0..6)
            .map(|i| (72.0, 760.0 - 11.0 * i as f32, "F1", 9.0, PROSE))
            .collect();
        lines.push((72.0, 670.0, "F2", 16.0, "Functional units"));
        lines.push((72.0, 645.0, "F1", 13.0, lead));
        for (k, item) in [
            "\\225 Memory and registers",
            "\\225 Instruction sequencer",
            "\\225 Execution units",
        ]
        .into_iter()
        .enumerate()
        {
            lines.push((90.0, 625.0 - 18.0 * k as f32, "F1", 13.0, item));
        }
        lines.extend((0..10).map(|i| (72.0, 560.0 - 11.0 * i as f32, "F1", 9.0, PROSE)));
        pdf(&lines)
    };
    let (doc, md) = convert(&page(
        "Figure 1-1 shows the major functional units of the processor architecture:",
    ));
    assert_eq!(headings(&doc), ["Functional units"], "{md}");
    let (doc, md) = convert(&page("Functional units of the processor:"));
    assert_eq!(
        headings(&doc),
        ["Functional units", "Functional units of the processor:"],
        "{md}"
    );
}

/// An appendix's letter set a quad and more before its title, both in the heading's
/// type, is the heading's label: one heading. The same letter and words set apart in
/// body type head nothing.
#[test]
fn a_section_label_set_apart_from_its_title_is_one_heading() {
    let mut lines = prose(740.0, 6);
    lines.push((73.6, 640.0, "F2", 17.2, "A"));
    lines.push((107.6, 640.0, "F2", 17.2, "Appendix A: Financial Losses"));
    lines.extend(prose(610.0, 6));
    lines.push((73.6, 500.0, "F1", 11.0, "B"));
    lines.push((120.0, 500.0, "F1", 11.0, "Kernel density of losses"));
    lines.extend(prose(480.0, 4));
    let (doc, md) = convert(&pdf(&lines));
    assert_eq!(headings(&doc), ["A Appendix A: Financial Losses"], "{md}");
}

/// A two-line heading set with an open leading (0.8 em between its lines, as a thesis
/// set one and a half spaced has it), its first line ending on "and" or on a word broken
/// at its hyphen, hanging under the text after its label: one heading. Two headings set
/// as far apart, the first one finished, stay two.
#[test]
fn a_heading_broken_after_and_or_a_hyphen_goes_on_across_an_open_leading() {
    let page = |first: &'static str, second: &'static str| {
        let mut lines = prose(740.0, 6);
        lines.push((73.1, 640.0, "F2", 17.2, first));
        lines.push((107.3, 610.8, "F2", 17.2, second));
        lines.extend(prose(580.0, 6));
        pdf(&lines)
    };
    let (doc, md) = convert(&page(
        "D Appendix D: Measures of Financial Literacy and",
        "Cognitive Abilities",
    ));
    assert_eq!(
        headings(&doc),
        ["D Appendix D: Measures of Financial Literacy and Cognitive Abilities"],
        "{md}"
    );
    let (doc, md) = convert(&page(
        "B Appendix B: Financial Literacy and Stock Mar-",
        "ket Participation over Deciles of Wealth",
    ));
    assert_eq!(
        headings(&doc),
        ["B Appendix B: Financial Literacy and Stock Market Participation over Deciles of Wealth"],
        "{md}"
    );
    // Control: the first heading is finished; the second is a heading of its own.
    let (doc, md) = convert(&page("Chapter Five", "The Highland Stations"));
    assert_eq!(
        headings(&doc),
        ["Chapter Five", "The Highland Stations"],
        "{md}"
    );
}

/// A heading ending in a colon goes on to a second line opening in lower case, set
/// close under it (the subscripts of the first line reach into the second's box): one
/// heading, not a numbered item over a heading made of its second line.
#[test]
fn a_heading_line_opening_in_lower_case_carries_on_the_one_above() {
    let mut lines = prose(740.0, 6);
    // The subscripts are set 4 pt down in 8 pt type, inside the line's own text object.
    lines.push((
        72.0,
        640.0,
        "F2",
        13.0,
        "1. The pH is a function of the ratio HCO) Tj /F2 8 Tf -4 Ts (3) Tj 0 Ts /F2 13 Tf \
         (/PCO) Tj /F2 8 Tf -4 Ts (2) Tj 0 Ts /F2 13 Tf ( :",
    ));
    lines.push((72.0, 626.0, "F2", 13.0, "equation of Henderson-Hasselbalch"));
    lines.extend(prose(600.0, 6));
    let (doc, md) = convert(&pdf(&lines));
    assert_eq!(
        headings(&doc),
        ["1. The pH is a function of the ratio HCO3/PCO2 : equation of Henderson-Hasselbalch"],
        "{md}"
    );
}

/// Prose, then a list numbered 1 to 5 in body type, then (after the space a column break
/// leaves) `last` in body type over two lettered sub-items.
fn list_then(last: &'static str) -> Vec<u8> {
    let mut lines = prose(740.0, 4);
    let items = [
        "1. The return is filed for a person, not an estate or trust.",
        "2. All of the income is from the passive category.",
        "3. All of the income was reported on payee statements.",
        "4. The shares were held for at least sixteen days.",
        "5. The total of the foreign taxes is not more than $300.",
    ];
    for (i, item) in items.iter().enumerate() {
        lines.push((72.0, 670.0 - 14.0 * i as f32, "F1", 11.0, item));
    }
    lines.push((72.0, 570.0, "F1", 11.0, last));
    lines.push((
        86.0,
        556.0,
        "F1",
        11.0,
        "a. Legally owed and not eligible for a refund, and",
    ));
    lines.push((
        86.0,
        542.0,
        "F1",
        11.0,
        "b. Paid to countries the United States recognises.",
    ));
    lines.extend(prose(512.0, 3));
    pdf(&lines)
}

/// A numbered line that follows the list's item numbered one less is its next item,
/// though it ends in a colon and stands apart (a worksheet's step at a column's top).
#[test]
fn the_next_number_of_a_list_ending_in_a_colon_is_its_item() {
    let (doc, md) = convert(&list_then("6. All of your foreign taxes were:"));
    assert!(headings(&doc).is_empty(), "{md}");
    assert!(md.contains("6. All of your foreign taxes were:"), "{md}");
    // Control: numbered out of the list's sequence, the same line is a heading.
    let (doc, md) = convert(&list_then("7. All of your foreign taxes were:"));
    assert_eq!(
        headings(&doc),
        vec!["7. All of your foreign taxes were:"],
        "{md}"
    );
}

/// A page in a narrow measure: prose, a numbered bold heading at 12 pt over the 11 pt
/// body, its second line at `second_x`, then prose again.
fn numbered_heading_over_two_lines(first: &'static str, second_x: f32) -> Vec<u8> {
    const NARROW: &str = "Rainfall was read at forty stations.";
    let mut lines: Vec<Line> = (0..8)
        .map(|i| (72.0, 740.0 - 14.0 * i as f32, "F1", 11.0, NARROW))
        .collect();
    lines.push((72.0, 600.0, "F2", 12.0, first));
    lines.push((second_x, 586.0, "F2", 12.0, "Encoding"));
    lines.extend((0..6).map(|i| (72.0, 560.0 - 14.0 * i as f32, "F1", 11.0, NARROW)));
    pdf(&lines)
}

/// A numbered heading in bold, a size above the body (too little to call it display
/// type), that fills its line and goes on under its text, not under its number: one
/// heading ("2 Preliminaries: Tapas for Table" / "Encoding", as ACL papers set it). A
/// short heading over an indented bold line has not run out of room: two headings.
#[test]
fn a_numbered_bold_heading_hanging_under_its_text_is_one_heading() {
    let (doc, md) = convert(&numbered_heading_over_two_lines(
        "2 Preliminaries: Tapas for Table",
        90.0,
    ));
    assert_eq!(
        headings(&doc),
        ["2 Preliminaries: Tapas for Table Encoding"],
        "{md}"
    );
    let (doc, md) = convert(&numbered_heading_over_two_lines("2 Tapas", 90.0));
    assert_eq!(headings(&doc), ["2 Tapas", "Encoding"], "{md}");
}

/// A bold heading at 12 pt over an 11-pt body, broken after "and", its second line
/// setting a title in bold italic (most of that line's letters, so its face differs from
/// the first line's), and the paragraph starting right under it: one heading, then the
/// paragraph. A bold sentence that runs on into roman text on its next line stays one
/// paragraph.
#[test]
fn a_bold_heading_broken_after_and_whose_second_line_turns_italic_is_one_heading() {
    let mut lines = prose(740.0, 6);
    lines.push((
        72.0,
        640.0,
        "F2",
        12.0,
        "The Administration Needs to Fully Develop and",
    ));
    lines.push((72.0, 626.0, "F2", 12.0, "Implement the"));
    lines.push((156.7, 626.0, "F4", 12.0, "National Cybersecurity Strategy"));
    lines.extend(prose(612.0, 6));
    let (doc, md) = convert(&pdf(&lines));
    assert_eq!(
        headings(&doc),
        [
            "The Administration Needs to Fully Develop and Implement the National Cybersecurity Strategy"
        ],
        "{md}"
    );
    assert!(md.contains(&format!("\n\n{PROSE}")), "{md}");

    let mut lines = prose(740.0, 6);
    lines.push((
        72.0,
        640.0,
        "F2",
        11.0,
        "Note that the rainfall of the highlands and",
    ));
    lines.push((
        72.0,
        626.0,
        "F2",
        11.0,
        "the lowlands was measured the same way,",
    ));
    lines.extend(prose(612.0, 6));
    let (doc, md) = convert(&pdf(&lines));
    assert!(headings(&doc).is_empty(), "{md}");
}
