//! Issue 10: text kept as printed (list labels `a.`, `(ii)` as the author set them) and
//! headings with precision (a heading needs more than one piece of evidence).

mod support;

use brief2md::writers::{jats, markdown};
use brief2md::{Options, convert};
use support::PdfBuilder;

/// A page of Helvetica lines: (size, x, y, text).
fn page(lines: &[(f32, f32, f32, &str)]) -> Vec<u8> {
    let mut content = String::new();
    for (size, x, y, text) in lines {
        let text = text.replace('(', "\\(").replace(')', "\\)");
        content.push_str(&format!("BT /F1 {size} Tf {x} {y} Td ({text}) Tj ET\n"));
    }
    let mut b = PdfBuilder::new();
    b.std_font("F1", "Helvetica", Some("WinAnsiEncoding"));
    b.page(&content);
    b.build()
}

fn outputs(pdf: &[u8]) -> (String, String) {
    let c = convert(pdf, &Options::default()).expect("converts");
    (
        markdown::write(&c.document, &markdown::MarkdownOptions { wrap: None }),
        jats::write(&c.document),
    )
}

const BODY: &str = "The exercises below use the functions given in the chapter text above.";

#[test]
fn letter_and_roman_labels_are_kept_as_printed() {
    let pdf = page(&[
        (11.0, 72.0, 760.0, BODY),
        (
            11.0,
            72.0,
            746.0,
            "Each answer needs a short justification in words.",
        ),
        (
            11.0,
            72.0,
            720.0,
            "a. Find the velocity of the rocket after three seconds.",
        ),
        (
            11.0,
            72.0,
            706.0,
            "b. Find the acceleration of the rocket at that time.",
        ),
        (
            11.0,
            72.0,
            692.0,
            "c. Determine when the rocket reaches its greatest height.",
        ),
        (
            11.0,
            72.0,
            666.0,
            "Two further questions follow from these results.",
        ),
        (
            11.0,
            72.0,
            640.0,
            "(i) Explain why the velocity is zero at the top.",
        ),
        (
            11.0,
            72.0,
            626.0,
            "(ii) Explain why the acceleration never changes.",
        ),
    ]);
    let (md, xml) = outputs(&pdf);
    for label in [
        "a. Find",
        "b. Find",
        "c. Determine",
        "(i) Explain",
        "(ii) Explain",
    ] {
        assert!(md.contains(label), "{label:?} lost in:\n{md}");
    }
    assert!(!md.contains("1. Find"), "letters renumbered:\n{md}");
    assert!(
        !md.contains("2. Explain"),
        "roman numerals renumbered:\n{md}"
    );
    for label in [
        "<label>a.</label>",
        "<label>c.</label>",
        "<label>(ii)</label>",
    ] {
        assert!(xml.contains(label), "{label} missing in JATS:\n{xml}");
    }
}

#[test]
fn numbers_counting_up_stay_a_markdown_list_and_skipped_numbers_are_not_renumbered() {
    let pdf = page(&[
        (11.0, 72.0, 760.0, BODY),
        (
            11.0,
            72.0,
            734.0,
            "1) Read the chapter before the first class meeting.",
        ),
        (
            11.0,
            72.0,
            720.0,
            "2) Bring the worked answers to the second meeting.",
        ),
        (
            11.0,
            72.0,
            694.0,
            "Only some of the questions from the first edition remain.",
        ),
        (
            11.0,
            72.0,
            668.0,
            "3. Compare the two methods on the data set provided.",
        ),
        (
            11.0,
            72.0,
            654.0,
            "5. Report the differences you find in a short table.",
        ),
    ]);
    let (md, xml) = outputs(&pdf);
    assert!(md.contains("1) Read the chapter"), "{md}\n{xml}");
    assert!(md.contains("2) Bring"), "{md}");
    // Numbers that skip: one Markdown list per run that counts, each from its own number.
    assert!(md.contains("3. Compare"), "{md}");
    assert!(md.contains("5. Report"), "printed 5 renumbered:\n{md}");
    assert!(!md.contains("4. Report"), "{md}");
    assert!(xml.contains("<label>5.</label>"), "{xml}");
    // JATS has no delimiter attribute: a `1)` is kept in the label.
    assert!(xml.contains("<label>2)</label>"), "{xml}");
}

/// A page with Helvetica as /F1, Helvetica-Bold as /F2, Times-Roman as /F3 and
/// Helvetica-Oblique as /F4:
/// (font, size, x, y, text).
fn styled_page(lines: &[(&str, f32, f32, f32, &str)]) -> Vec<u8> {
    let mut content = String::new();
    for (font, size, x, y, text) in lines {
        let text = text.replace('(', "\\(").replace(')', "\\)");
        content.push_str(&format!("BT /{font} {size} Tf {x} {y} Td ({text}) Tj ET\n"));
    }
    let mut b = PdfBuilder::new();
    b.std_font("F1", "Helvetica", Some("WinAnsiEncoding"));
    b.std_font("F2", "Helvetica-Bold", Some("WinAnsiEncoding"));
    b.std_font("F3", "Times-Roman", Some("WinAnsiEncoding"));
    b.std_font("F4", "Helvetica-Oblique", Some("WinAnsiEncoding"));
    b.page(&content);
    b.build()
}

fn headings(md: &str) -> Vec<&str> {
    md.lines()
        .filter(|l| l.starts_with('#'))
        .map(|l| l.trim_start_matches('#').trim())
        .collect()
}

const PROSE: [&str; 3] = [
    "The estimate covers the visible damage to the rear of the vehicle only.",
    "Further damage may be found once the bumper has been taken off the car.",
    "Any change to the estimate is agreed with the owner before work starts.",
];

#[test]
fn form_labels_with_values_bare_numbers_and_body_size_lines_are_not_headings() {
    let pdf = styled_page(&[
        ("F2", 14.0, 72.0, 780.0, "Repair Estimate Details"),
        ("F1", 10.0, 72.0, 756.0, PROSE[0]),
        ("F1", 10.0, 72.0, 744.0, PROSE[1]),
        ("F1", 10.0, 72.0, 732.0, PROSE[2]),
        // Bold labels with their values on the same baseline: a form, not sections.
        ("F2", 10.0, 72.0, 700.0, "Paint Supplies"),
        ("F1", 10.0, 370.0, 700.0, "60"),
        ("F2", 10.0, 72.0, 680.0, "Sales Tax"),
        ("F1", 10.0, 370.0, 680.0, "278.46"),
        ("F2", 10.0, 72.0, 660.0, "Grand Total"),
        ("F2", 10.0, 370.0, 660.0, "5,738"),
        // A large bare number (a figure in a callout) and a body-size title-case line.
        ("F2", 18.0, 72.0, 620.0, "14"),
        (
            "F1",
            10.0,
            72.0,
            596.0,
            "Optimized Table Tokenization Results",
        ),
        ("F1", 10.0, 72.0, 572.0, PROSE[0]),
        ("F1", 10.0, 72.0, 560.0, PROSE[1]),
    ]);
    let (md, _) = outputs(&pdf);
    let found = headings(&md);
    for label in ["Paint Supplies", "Sales Tax", "Grand Total", "14"] {
        assert!(!found.contains(&label), "{label:?} made a heading:\n{md}");
        assert!(md.contains(label), "{label:?} lost:\n{md}");
    }
    assert!(
        !found.contains(&"Optimized Table Tokenization Results"),
        "a body-size line without other evidence made a heading:\n{md}"
    );
    assert!(md.contains("278.46") && md.contains("5,738"), "{md}");
}

#[test]
fn a_section_number_set_apart_joins_its_heading() {
    let pdf = styled_page(&[
        ("F1", 10.0, 72.0, 780.0, PROSE[0]),
        ("F1", 10.0, 72.0, 768.0, PROSE[1]),
        ("F2", 12.0, 72.0, 740.0, "5.1"),
        ("F2", 12.0, 100.0, 740.0, "Hyper Parameter Optimization"),
        ("F1", 10.0, 72.0, 720.0, PROSE[2]),
        ("F1", 10.0, 72.0, 708.0, PROSE[0]),
        ("F2", 12.0, 72.0, 680.0, "5.2"),
        ("F2", 12.0, 100.0, 680.0, "Quantitative Results"),
        // A one-level number set before the heading, as some report templates do.
        ("F2", 12.0, 72.0, 640.0, "6"),
        ("F2", 12.0, 100.0, 640.0, "Conclusions"),
        ("F1", 10.0, 72.0, 620.0, PROSE[0]),
        ("F1", 10.0, 72.0, 608.0, PROSE[1]),
        ("F1", 10.0, 72.0, 660.0, PROSE[1]),
        ("F1", 10.0, 72.0, 648.0, PROSE[2]),
    ]);
    let (md, _) = outputs(&pdf);
    let found = headings(&md);
    assert!(
        found.contains(&"5.1 Hyper Parameter Optimization")
            && found.contains(&"5.2 Quantitative Results")
            && found.iter().any(|h| h.ends_with("Conclusions")),
        "{md}"
    );
}

/// A journal's section titles in a sans face half a point above a serif body, not bold,
/// set directly on their paragraphs: the face and the size together are the evidence
/// (CERMINE's test5 sets its sections this way). An abstract set in another sans face at
/// that size runs for many lines, so its style is a paragraph style, not a title style; an
/// authors' line in the title face, before running text begins, is no section title.
#[test]
fn section_titles_in_a_face_of_their_own_are_headings_but_a_long_passage_in_it_is_not() {
    let abstract_lines = [
        "Background The association between infection and anaemia remains",
        "debated and several randomised trials have reported results that",
        "point in different directions across the populations they studied",
        "Methods Trials were searched in the main databases and their data",
        "pooled with a random effects model to estimate the mean difference",
    ];
    let mut lines: Vec<(&str, f32, f32, f32, &str)> = Vec::new();
    let mut y = 780.0;
    // The authors' line, in the title face before any running text: not a title.
    lines.push(("F1", 9.5, 72.0, y, "Xiaolu Huang and Weili Yan"));
    y -= 20.0;
    for text in abstract_lines {
        lines.push(("F4", 9.5, 72.0, y, text));
        y -= 11.5;
    }
    y -= 14.0;
    for text in PROSE {
        lines.push(("F3", 9.0, 72.0, y, text));
        y -= 11.0;
    }
    y -= 4.0;
    for title in ["Search strategy and identification", "Inclusion criteria"] {
        lines.push(("F1", 9.5, 72.0, y, title));
        y -= 11.0;
        for text in PROSE {
            lines.push(("F3", 9.0, 72.0, y, text));
            y -= 11.0;
        }
        y -= 4.0;
    }
    let pdf = styled_page(&lines);
    let (md, _) = outputs(&pdf);
    let found = headings(&md);
    assert!(
        found.contains(&"Search strategy and identification")
            && found.contains(&"Inclusion criteria"),
        "titles set in their own face were missed:\n{md}"
    );
    assert!(
        !found
            .iter()
            .any(|h| h.contains("anaemia") || h.contains("databases") || h.contains("Huang")),
        "a passage set in the title face became headings:\n{md}"
    );
    assert!(
        md.contains(PROSE[0]) && md.contains("random effects model"),
        "{md}"
    );
}

/// Extracted text with a table of contents: its entries, numbered like the sections and
/// ending on a dot leader and a page, stay lines of text; the sections are headings.
#[test]
fn contents_entries_of_extracted_text_are_no_headings() {
    let text = "A Study of Regional Water Policy\n\nJane Doe\n\nMarch 2024\n\nContents\n\n\
                1 Introduction ........ 3\n2 Background .......... 5\n2.1 Earlier Work ....... 6\n\
                References ........... 12\n\n1 Introduction\n\nThe committee met in the spring to \
                consider the evidence on regional water use, and its members agreed.\n\n\
                2 Background\n\nThe region has long drawn its water from the river, which has run \
                lower every year since records began.\n";
    let c = convert(text.as_bytes(), &Options::default()).expect("converts");
    let md = markdown::write(&c.document, &markdown::MarkdownOptions { wrap: None });
    let headings: Vec<&str> = md.lines().filter(|l| l.starts_with('#')).collect();
    assert_eq!(headings, ["# 1 Introduction", "# 2 Background"], "{md}");
    for entry in ["1 Introduction ........ 3", "2.1 Earlier Work ....... 6"] {
        assert!(md.lines().any(|l| l == entry), "{entry}\n{md}");
    }
}

/// A lead-in is bold when it is printed bold: "Note:" and "Table 1:" set in roman stay
/// roman, in Markdown and JATS alike, while a lead-in the PDF sets in Helvetica-Bold keeps
/// its bold. Plain text, which cannot say, still has its lead-ins set in bold.
#[test]
fn a_lead_in_is_bold_only_where_it_is_printed_bold() {
    let mut b = PdfBuilder::new();
    b.std_font("F1", "Helvetica", Some("WinAnsiEncoding"));
    b.std_font("F2", "Helvetica-Bold", Some("WinAnsiEncoding"));
    let mut content = String::new();
    for (i, (font, text)) in [
        ("F1", BODY),
        (
            "F1",
            "Note: the stations were read by volunteers on every day of the year.",
        ),
        ("F1", BODY),
    ]
    .iter()
    .enumerate()
    {
        let y = 760.0 - 28.0 * i as f32;
        content.push_str(&format!("BT /{font} 11 Tf 72 {y} Td ({text}) Tj ET\n"));
    }
    content.push_str(
        "BT /F2 11 Tf 72 676 Td (Method:) Tj /F1 11 Tf ( the gauges were emptied at nine each morning.) Tj ET\n",
    );
    b.page(&content);
    let (md, xml) = outputs(&b.build());
    assert!(
        md.contains("\nNote: the stations were read by volunteers"),
        "{md}"
    );
    assert!(!xml.contains("<bold>Note:</bold>"), "{xml}");
    assert!(md.contains("**Method:** the gauges were emptied"), "{md}");
    let text = "Rainfall over the highlands was read at forty stations.\n\n\
                Note: the stations were read by volunteers on every day of the year.\n";
    let c = convert(text.as_bytes(), &Options::default()).expect("converts");
    let md = markdown::write(&c.document, &markdown::MarkdownOptions { wrap: None });
    assert!(md.contains("**Note:** the stations"), "{md}");
}
