//! Footnotes on PDF pages built here with lopdf: markers proven by the page (raised and
//! smaller), numbers that are not markers (section numbers, decimals, dates, affiliation
//! marks), the `1)` style, a document whose markers lost their raise, a body paragraph at
//! the page foot, and a note that cannot be linked. (Affiliation marks on author lines are
//! covered by the linking module's unit tests: the title block takes such lines first.)

mod support;

use brief2md::model::{Block, plain_text};
use brief2md::report::ActionKind;
use support::note_pages::*;

/// Raised markers prove the document's style: section numbers, decimals and dates at body
/// size stay text even where they would continue the note sequence.
#[test]
fn raised_markers_are_linked_and_body_digits_stay_text() {
    let page = vec![
        (760.0, vec![Run("2.1 Node Types", 14.0, 0.0)]),
        (
            730.0,
            vec![body("Every tree holds nodes of two kinds."), sup("1")],
        ),
        (
            716.0,
            vec![body(
                "The model scored 85.2 on the first test and 91.3 later.",
            )],
        ),
        (
            702.0,
            vec![body("It was released on 2020. 3.11. after a long review.")],
        ),
        (
            688.0,
            vec![body("Reviewers agreed with the result."), sup("2")],
        ),
        (674.0, vec![body("Section 3.4 describes the data in full.")]),
        (
            120.0,
            vec![Run("1 Leaves are nodes without children.", NOTE, 0.0)],
        ),
        (
            110.0,
            vec![Run("2 See the appendix for the reviews.", NOTE, 0.0)],
        ),
    ];
    let (doc, report, md) = convert(&pdf(&[page]));
    assert_eq!(doc.footnotes.len(), 2, "{md}");
    assert_linked(
        &doc,
        &[
            ("two kinds.", "Leaves are nodes without children."),
            ("the result.", "See the appendix for the reviews."),
        ],
        &md,
    );
    for text in [
        "2.1 Node Types",
        "85.2",
        "91.3",
        "2020. 3.11.",
        "3.4 describes",
    ] {
        assert!(md.contains(text), "{text:?} should stay text:\n{md}");
    }
    assert!(has(
        &report,
        ActionKind::Guess,
        "markers proven by the page"
    ));
}

/// Markers and labels in the `1)` style, raised in the body, plain in the notes.
#[test]
fn parenthesis_style_markers_are_linked() {
    let page = vec![
        (
            730.0,
            vec![
                body("Claims rose after the outbreak"),
                sup("1)"),
                body(" and the law changed."),
            ],
        ),
        (
            716.0,
            vec![
                body("Insurers disagreed on the cover"),
                sup("2)"),
                body(" for months."),
            ],
        ),
        (
            120.0,
            vec![Run("1) Figures from the national register.", NOTE, 0.0)],
        ),
        (
            110.0,
            vec![Run("2) The standard terms of life insurance.", NOTE, 0.0)],
        ),
    ];
    let (doc, _, md) = convert(&pdf(&[page]));
    assert_linked(
        &doc,
        &[
            ("after the outbreak", "Figures from the national register."),
            ("on the cover", "The standard terms of life insurance."),
        ],
        &md,
    );
}

/// A document whose markers lost their raise (digits at body size glued after the
/// punctuation) is read from the note sequence, and the report says so.
#[test]
fn markers_that_lost_their_raise_follow_the_sequence() {
    let page = vec![
        (
            730.0,
            vec![body(
                "The treaty was signed in 1961.1 The new pact goes further.",
            )],
        ),
        (
            716.0,
            vec![body(
                "Section 2.1 of the pact covers 12.5 percent of trade.",
            )],
        ),
        (
            702.0,
            vec![body("Both sides called it historic.\"2 Nobody disagreed.")],
        ),
        (120.0, vec![Run("1 Treaty of Friendship, 1961.", NOTE, 0.0)]),
        (110.0, vec![Run("2 Joint statement, June 2024.", NOTE, 0.0)]),
    ];
    let (doc, report, md) = convert(&pdf(&[page]));
    assert_linked(
        &doc,
        &[
            ("signed in 1961.", "Treaty of Friendship, 1961."),
            ("called it historic.\"", "Joint statement, June 2024."),
        ],
        &md,
    );
    assert!(
        md.contains("Section 2.1 of the pact covers 12.5 percent"),
        "{md}"
    );
    assert!(has(&report, ActionKind::Guess, "markers lost their raise"));
}

/// A paragraph in body type below the notes at the page foot is body text, not part of
/// the last note.
#[test]
fn a_body_paragraph_at_the_page_foot_is_not_a_note() {
    let page = vec![
        (
            730.0,
            vec![
                body("The harvest failed twice."),
                sup("1"),
                body(" Prices rose."),
            ],
        ),
        (
            140.0,
            vec![Run("1 Ministry of Agriculture, annual report.", NOTE, 0.0)],
        ),
        (
            100.0,
            vec![body("Farmers left the valley in large numbers that year.")],
        ),
    ];
    let (doc, _, md) = convert(&pdf(&[page]));
    assert_linked(
        &doc,
        &[("failed twice.", "Ministry of Agriculture, annual report.")],
        &md,
    );
    let body_text: String = doc
        .blocks
        .iter()
        .filter_map(|b| match b {
            Block::Paragraph(p) => Some(plain_text(p)),
            _ => None,
        })
        .collect::<Vec<_>>()
        .join("\n");
    assert!(body_text.contains("Farmers left the valley"), "{md}");
}

/// A note that no marker points to and that no sentence before it can take is kept,
/// referenced from a closing "Unlinked notes" list, and reported.
#[test]
fn an_unlinkable_note_is_listed_not_dropped() {
    let first = vec![
        (720.0, vec![Run("Rivers", 14.0, 0.0)]),
        (
            700.0,
            vec![body("Rivers change their courses over many centuries, and")],
        ),
        (
            686.0,
            vec![body(
                "the floods that come every spring speed this up, while",
            )],
        ),
        (
            120.0,
            vec![Run(
                "1 Printed with the support of the river board.",
                NOTE,
                0.0,
            )],
        ),
    ];
    let second = vec![
        (
            700.0,
            vec![body("dams slow it down again for a long time.")],
        ),
        (686.0, vec![body("Nobody knows how the balance will fall.")]),
    ];
    let (doc, report, md) = convert(&pdf(&[first, second]));
    assert_eq!(doc.footnotes.len(), 1, "{md}");
    assert!(md.contains("## Unlinked notes"), "{md}");
    assert!(md.contains("- Note 1 (unlinked note)[^1]"), "{md}");
    assert_eq!(
        md.matches("[^1]").count(),
        2,
        "one reference, one definition\n{md}"
    );
    assert!(!md.contains(".[^1]"), "{md}");
    assert!(
        report
            .actions
            .iter()
            .any(|a| a.kind == ActionKind::FootnoteUnplaced),
        "{md}"
    );
    let xml = brief2md::writers::jats::write(&doc);
    assert!(
        xml.contains("<xref ref-type=\"fn\" rid=\"fn1\">1</xref>"),
        "{xml}"
    );
    assert!(xml.contains("<fn id=\"fn1\"><label>1</label>"), "{xml}");
}

/// "Notes:" over a paragraph with no label, in a document whose text has no raised
/// marker (a form's box for remarks): nothing proves a notes section, so the heading
/// and its paragraph stay as printed. With a raised marker in the text and a labelled
/// note under the heading, it is a notes section again.
#[test]
fn a_notes_heading_over_unlabelled_text_stays_text() {
    let page = |marker: bool, note: &'static str| {
        let mut first = vec![body("Goods are carried at the shipper's risk.")];
        if marker {
            first.push(sup("1"));
        }
        vec![
            (730.0, first),
            (716.0, vec![body("The carrier signs on delivery.")]),
            (680.0, vec![Run("Notes:", 14.0, 0.0)]),
            (660.0, vec![body(note)]),
        ]
    };
    let (doc, report, md) = convert(&pdf(&[page(false, "Handle with care and keep upright.")]));
    assert!(doc.footnotes.is_empty(), "{md}");
    assert!(md.contains("Notes:"), "{md}");
    assert!(md.contains("Handle with care and keep upright."), "{md}");
    assert!(has(
        &report,
        ActionKind::Guess,
        "notes heading kept as text"
    ));
    let (doc, _, md) = convert(&pdf(&[page(true, "1 Handle with care and keep upright.")]));
    assert_eq!(doc.footnotes.len(), 1, "{md}");
    assert!(!md.contains("Notes:"), "{md}");
}

/// A journal's first page: its citation line and licence in small print over the title,
/// and a χ² in the body between two real markers. The small print heads the page, above
/// every line of running text, so it is no note (page-foot notes stand below the text);
/// the raised 2 after the lone Greek letter is an exponent, so the next marker due, 2, is
/// the one printed after "the appendix".
#[test]
fn small_print_over_the_title_and_a_chi_square_stay_as_printed() {
    let mut b = support::PdfBuilder::new();
    b.std_font("F1", "Helvetica", Some("WinAnsiEncoding"));
    // The Symbol font's "c" is the Greek chi.
    b.std_font("F2", "Symbol", None);
    let small = |y: f32, text: &str| format!("BT /F1 7 Tf 72 {y} Td ({}) Tj ET\n", escape(text));
    let line =
        |y: f32, text: &str| format!("BT /F1 {BODY} Tf 72 {y} Td ({}) Tj ET\n", escape(text));
    let mut content = String::new();
    content.push_str(&small(
        810.0,
        "Journal of Studies (2014), 26:1, 147-154. Published by the Society of Studies 2013.",
    ));
    content.push_str(&small(
        801.0,
        "The written permission of the Press must be obtained for commercial re-use. doi:10.1017/S1041610213001804",
    ));
    content.push_str("BT /F1 18 Tf 72 760 Td (Life events and the risk of illness) Tj ET\n");
    let prose = [
        "The cohort was followed for twenty years from its first visit to the clinic.",
        "Every participant answered the same questions about the events of their life.",
        "The answers were scored by two raters who did not know the outcome of the study.",
    ];
    let mut y = 720.0;
    for text in prose {
        content.push_str(&line(y, text));
        y -= 14.0;
    }
    content.push_str(&format!(
        "BT /F1 {BODY} Tf 72 {y} Td (Scores were compared with t tests.) Tj /F1 7 Tf 4 Ts (1) Tj 0 Ts ET\n"
    ));
    y -= 14.0;
    content.push_str(&format!(
        "BT /F1 {BODY} Tf 72 {y} Td (Categorical variables were analysed using ) Tj \
         /F2 {BODY} Tf (c) Tj /F1 7 Tf 4 Ts (2) Tj 0 Ts /F1 {BODY} Tf ( tests.) Tj ET\n"
    ));
    y -= 14.0;
    content.push_str(&format!(
        "BT /F1 {BODY} Tf 72 {y} Td (The full tables are given in the appendix.) Tj /F1 7 Tf 4 Ts (2) Tj 0 Ts ET\n"
    ));
    for text in prose {
        y -= 14.0;
        content.push_str(&line(y, text));
    }
    content.push_str(&format!(
        "BT /F1 {NOTE} Tf 72 110 Td (1 Student, \\(1908\\). The probable error of a mean.) Tj ET\n"
    ));
    content.push_str(&format!(
        "BT /F1 {NOTE} Tf 72 100 Td (2 The appendix is online at the journal's site.) Tj ET\n"
    ));
    b.page(&content);
    let (doc, _report, md) = convert(&b.build());
    assert_linked(
        &doc,
        &[
            ("t tests.", "Student, (1908). The probable error of a mean."),
            (
                "in the appendix.",
                "The appendix is online at the journal's site.",
            ),
        ],
        &md,
    );
    assert!(md.contains("χ<sup>2</sup> tests"), "{md}");
    assert!(md.contains("doi:10.1017/S1041610213001804"), "{md}");
    assert!(!md.contains("Unlinked notes"), "{md}");
}

/// A note whose marker the PDF does not print (a box's citation line or a chart's labels
/// read as a note, a venue note) is not linked to the sentence that shares its words: the
/// page shows every glyph it prints, so no marker was lost. It stays, unlinked, reported.
#[test]
fn a_note_the_page_prints_no_marker_for_stays_unlinked() {
    let page = vec![
        (
            730.0,
            vec![
                body("Rivers carry silt to the delta every spring."),
                sup("1"),
            ],
        ),
        (
            716.0,
            vec![body("Dams upstream now hold back much of the silt load.")],
        ),
        (
            702.0,
            vec![
                body("Farmers in the delta buy fertiliser instead."),
                sup("3"),
            ],
        ),
        (120.0, vec![Run("1 Survey of the delta, 2021.", NOTE, 0.0)]),
        (
            110.0,
            vec![Run("2 Silt load upstream of the dams, 2019.", NOTE, 0.0)],
        ),
        (100.0, vec![Run("3 Fertiliser sales, 2022.", NOTE, 0.0)]),
    ];
    let (doc, report, md) = convert(&pdf(&[page]));
    assert_linked(
        &doc,
        &[
            ("every spring.", "Survey of the delta, 2021."),
            ("fertiliser instead.", "Fertiliser sales, 2022."),
        ],
        &md,
    );
    assert!(md.contains("the silt load. Farmers"), "{md}");
    assert!(md.contains("Silt load upstream of the dams, 2019."), "{md}");
    assert!(
        !report
            .actions
            .iter()
            .any(|a| a.kind == ActionKind::MarkerRecovered),
        "{md}"
    );
    assert!(has(
        &report,
        ActionKind::FootnoteUnplaced,
        "no marker for the note in the PDF's text"
    ));
}

/// A paper citing its references by raised numbers cites one again later, and several at
/// once: each raised run after punctuation that names notes links them all, while a raised
/// figure after a letter (an exponent) stays as printed.
#[test]
fn raised_numbers_citing_notes_again_link_them() {
    let page = vec![
        (
            730.0,
            vec![body("Puberty is usually induced in the clinic."), sup("1")],
        ),
        (
            716.0,
            vec![body("Uterine growth is slow in most cases."), sup("2")],
        ),
        (
            702.0,
            vec![body("Doses are raised over two years."), sup("1")],
        ),
        (
            688.0,
            vec![body("Bone density is measured at the hip,"), sup("1,2")],
        ),
        (
            674.0,
            vec![
                body("The uterus grew by 3 cm"),
                sup("2"),
                body(" in a year."),
            ],
        ),
        (
            120.0,
            vec![Run("1 Smith J. Puberty in TS. 2004.", NOTE, 0.0)],
        ),
        (
            110.0,
            vec![Run("2 Jones K. Uterine growth. 2010.", NOTE, 0.0)],
        ),
    ];
    let (doc, report, md) = convert(&pdf(&[page]));
    assert_linked(
        &doc,
        &[
            ("in the clinic.", "Smith J. Puberty in TS. 2004."),
            ("in most cases.", "Jones K. Uterine growth. 2010."),
            ("over two years.", "Smith J. Puberty in TS. 2004."),
            ("at the hip,", "Smith J. Puberty in TS. 2004."),
            ("at the hip,", "Jones K. Uterine growth. 2010."),
        ],
        &md,
    );
    assert!(md.contains("3 cm<sup>2</sup> in a year."), "{md}");
    assert!(has(&report, ActionKind::MarkerRepaired, "cited (again)"));
}
