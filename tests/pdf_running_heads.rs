//! Issue 10 (headings with precision): a book's running head names the current section
//! ("2.1. STUDY SITES   5" at the top of each of its pages). It changes with the section,
//! so it repeats on too few pages to be found by repetition alone, and it is set in bold
//! or in one or two words, like a section's own title. Beside a page number on a row set
//! apart at the page's top, and printed again elsewhere, it is furniture — never a
//! heading; the section titles it repeats stay headings.

mod support;

use brief2md::report::ActionKind;
use support::PdfBuilder;

const PROSE: [&str; 3] = [
    "Rainfall over the highlands was measured at forty stations for thirty years",
    "and the records were checked against the river gauges downstream of them.",
    "Each station kept its own log, which the survey team copied every season.",
];

/// One page: an optional top row (page number at the left margin, running head at the
/// right), then prose, with an optional section title after its first six lines.
fn page(b: &mut PdfBuilder, top: Option<(&str, &str)>, title: Option<&str>, page: usize) {
    let mut content = String::new();
    if let Some((number, head)) = top {
        content.push_str(&format!("BT /F1 9 Tf 72 740 Td ({number}) Tj ET\n"));
        content.push_str(&format!("BT /F2 9 Tf 420 740 Td ({head}) Tj ET\n"));
    }
    let mut y = 700.0;
    for k in 0..24 {
        // The section opens after the page's first paragraph.
        if k == 6
            && let Some(title) = title
        {
            y -= 14.0;
            content.push_str(&format!("BT /F2 14 Tf 72 {y} Td ({title}) Tj ET\n"));
            y -= 28.0;
        }
        let text = format!("{} (page {page}, line {k})", PROSE[k % 3]);
        content.push_str(&format!("BT /F1 11 Tf 72 {y} Td ({text}) Tj ET\n"));
        y -= 14.0;
    }
    b.page(&content);
}

/// Nine pages, three sections: each opens on a page of its own and its running head
/// stands on the next two pages, fewer than a third of the document's.
fn book() -> Vec<u8> {
    let mut b = PdfBuilder::new();
    b.std_font("F1", "Helvetica", Some("WinAnsiEncoding"));
    b.std_font("F2", "Helvetica-Bold", Some("WinAnsiEncoding"));
    let sections = [
        ("2.1 Study Sites", "2.1. STUDY SITES"),
        ("2.2 Measuring Heat", "2.2. MEASURING HEAT"),
        ("2.3 Estimation", "2.3. ESTIMATION"),
    ];
    for (s, (title, head)) in sections.iter().enumerate() {
        let first = 3 * s + 1;
        let number = |p: usize| (p + 2).to_string();
        page(
            &mut b,
            Some((&number(first), "CHAPTER 2. METHODS")),
            Some(title),
            first,
        );
        page(&mut b, Some((&number(first + 1), head)), None, first + 1);
        page(&mut b, Some((&number(first + 2), head)), None, first + 2);
    }
    b.build()
}

#[test]
fn a_section_running_head_beside_the_page_number_is_furniture_and_the_section_titles_stay() {
    let c = brief2md::convert(&book(), &brief2md::Options::default()).expect("converts");
    let md = brief2md::writers::markdown::write(&c.document, &Default::default());
    // Headings as the Markdown prints them, without their marks.
    let found: Vec<&str> = md
        .lines()
        .filter_map(|l| l.strip_prefix('#'))
        .map(|l| l.trim_start_matches('#').trim())
        .collect();
    assert_eq!(
        found,
        ["2.1 Study Sites", "2.2 Measuring Heat", "2.3 Estimation"],
        "{md}"
    );
    for head in ["STUDY SITES", "MEASURING HEAT", "ESTIMATION"] {
        assert!(!md.contains(head), "{head}: {md}");
    }
    // Each removed head is reported, so nothing leaves the text unexplained.
    let heads = c
        .report
        .actions
        .iter()
        .filter(|a| {
            a.kind == ActionKind::RunningHeader
                && a.before.as_deref().is_some_and(|t| t.starts_with("2."))
        })
        .count();
    assert_eq!(heads, 6, "{:?}", c.report.actions);
    // The prose of every page is kept.
    for p in 1..=9 {
        assert!(
            md.contains(&format!("(page {p}, line 23)")),
            "page {p}: {md}"
        );
    }
}

/// The control: a short bold line beside a number on a page's top row, whose words are
/// printed nowhere else, is not proven a running head and keeps its place in the text.
#[test]
fn a_short_bold_title_on_a_top_row_printed_once_stays() {
    let mut b = PdfBuilder::new();
    b.std_font("F1", "Helvetica", Some("WinAnsiEncoding"));
    b.std_font("F2", "Helvetica-Bold", Some("WinAnsiEncoding"));
    page(&mut b, None, Some("2.1 Study Sites"), 1);
    page(&mut b, Some(("4", "FIELD NOTES")), None, 2);
    page(&mut b, None, None, 3);
    let c = brief2md::convert(&b.build(), &brief2md::Options::default()).expect("converts");
    let md = brief2md::writers::markdown::write(&c.document, &Default::default());
    assert!(md.contains("FIELD NOTES"), "{md}");
}

/// A page holding only "This page intentionally left blank" (set large, centred) between
/// two pages of one paragraph: the notice is furniture, reported, no heading, and the
/// paragraph reads on across it.
#[test]
fn a_blank_page_notice_is_furniture_and_the_paragraph_reads_across_it() {
    let prose = |b: &mut PdfBuilder, first: &str, last: &str| {
        let mut c = String::new();
        c.push_str(&format!("BT /F1 11 Tf 72 720 Td ({first}) Tj ET\n"));
        for k in 1..12 {
            c.push_str(&format!(
                "BT /F1 11 Tf 72 {} Td (Rainfall over the highlands was measured at forty stations for) Tj ET\n",
                720 - 14 * k
            ));
        }
        c.push_str(&format!("BT /F1 11 Tf 72 552 Td ({last}) Tj ET\n"));
        b.page(&c);
    };
    let mut b = PdfBuilder::new();
    b.std_font("F1", "Helvetica", Some("WinAnsiEncoding"));
    prose(
        &mut b,
        "The survey opened in spring.",
        "thirty years, and the records of the",
    );
    b.page("BT /F1 16 Tf 160 420 Td (This page intentionally left blank) Tj ET");
    prose(
        &mut b,
        "highland stations were kept by hand.",
        "The work ended in autumn.",
    );
    let c = brief2md::convert(&b.build(), &brief2md::Options::default()).expect("converts");
    let md = brief2md::writers::markdown::write(&c.document, &Default::default());
    assert!(!md.contains("intentionally"), "{md}");
    assert!(md.contains("records of the highland stations"), "{md}");
    assert_eq!(c.report.count(ActionKind::BlankPageNotice), 1, "{md}");
}

/// A page of prose with `slanted` drawn across it at 40 degrees in `size` point type.
fn page_with_slanted(b: &mut PdfBuilder, slanted: &str, size: f32, prose: bool) {
    let mut c = String::new();
    if prose {
        for k in 0..12 {
            c.push_str(&format!(
                "BT /F1 11 Tf 72 {} Td (Rainfall over the highlands was measured at forty stations.) Tj ET\n",
                720 - 14 * k
            ));
        }
    }
    // cos 40° = 0.766, sin 40° = 0.643.
    c.push_str(&format!(
        "BT /F1 {size} Tf 0.766 0.643 -0.643 0.766 120 200 Tm ({slanted}) Tj ET\n"
    ));
    b.page(&c);
}

/// "DRAFT FOR COMMENT" drawn across a page of prose at a slant, in type four times the
/// text's: a watermark, removed and reported, not a heading. The same words in the text's
/// size (a chart's slanted label) and alone on a page stay.
#[test]
fn a_large_slanted_phrase_across_a_page_of_text_is_a_watermark() {
    let convert = |b: PdfBuilder| {
        let c = brief2md::convert(&b.build(), &brief2md::Options::default()).expect("converts");
        let md = brief2md::writers::markdown::write(&c.document, &Default::default());
        (md, c.report.count(ActionKind::Watermark))
    };
    let mut b = PdfBuilder::new();
    b.std_font("F1", "Helvetica", Some("WinAnsiEncoding"));
    page_with_slanted(&mut b, "DRAFT FOR COMMENT", 44.0, true);
    let (md, watermarks) = convert(b);
    assert!(!md.contains("DRAFT"), "{md}");
    assert!(md.contains("forty stations"), "{md}");
    assert_eq!(watermarks, 1, "{md}");
    for (size, prose) in [(11.0, true), (44.0, false)] {
        let mut b = PdfBuilder::new();
        b.std_font("F1", "Helvetica", Some("WinAnsiEncoding"));
        page_with_slanted(&mut b, "DRAFT FOR COMMENT", size, prose);
        let (md, watermarks) = convert(b);
        assert!(md.contains("DRAFT FOR COMMENT"), "{size} {prose}: {md}");
        assert_eq!(watermarks, 0, "{md}");
    }
}
