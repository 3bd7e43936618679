//! Issue 10: a caption opens a block of its own. A paragraph that stops mid-sentence before
//! a listing or a figure ("… dolor sit amet,") is not continued by the caption under it;
//! a sentence that goes on with "Table 2 shows …" after a break still is. A caption right
//! above a table is the table's (JATS `<label>` and `<caption>` in `<table-wrap>`), one
//! standing alone under a chart is a figure's (`<fig>`); Markdown keeps both as printed.

#[allow(clippy::duplicate_mod)]
mod common;
mod support;

use brief2md::model::{Block, CaptionSide, Document, plain_text};
use support::PdfBuilder;

const PROSE: &str = "Rainfall over the highlands was measured at forty stations for thirty";

fn convert(after: &[(f32, f32, &str, f32, &str)]) -> (Document, String) {
    let mut b = PdfBuilder::new();
    b.std_font("F1", "Helvetica", Some("WinAnsiEncoding"));
    b.std_font("F2", "Helvetica-Bold", Some("WinAnsiEncoding"));
    b.std_font("F4", "Courier", Some("WinAnsiEncoding"));
    let mut content = String::new();
    let mut y = 740.0;
    for _ in 0..6 {
        content.push_str(&format!("BT /F1 11 Tf 72 {y} Td ({PROSE} years.) Tj ET\n"));
        y -= 14.0;
    }
    content.push_str(&format!(
        "BT /F1 11 Tf 72 {y} Td (and the stations were read each morning,) Tj ET\n"
    ));
    for (x, y, font, size, text) in after {
        content.push_str(&format!("BT /{font} {size} Tf {x} {y} Td ({text}) Tj ET\n"));
    }
    b.page(&content);
    let c = brief2md::convert(&b.build(), &brief2md::Options::default()).expect("converts");
    let md = brief2md::writers::markdown::write(&c.document, &Default::default());
    (c.document, md)
}

fn paragraphs(doc: &Document) -> Vec<String> {
    doc.blocks
        .iter()
        .filter_map(|b| match b {
            Block::Paragraph(content) => Some(plain_text(content)),
            _ => None,
        })
        .collect()
}

#[test]
fn a_caption_under_an_unfinished_sentence_is_its_own_block() {
    let (doc, md) = convert(&[
        (220.0, 620.0, "F1", 11.0, "Listing 1: Reading the stations"),
        (72.0, 600.0, "F4", 9.0, "for station in stations:"),
        (90.0, 589.0, "F4", 9.0, "read(station)"),
        (
            72.0,
            560.0,
            "F1",
            11.0,
            "The readings were then checked by hand.",
        ),
    ]);
    let paras = paragraphs(&doc);
    assert!(
        paras.iter().any(|p| p.ends_with("read each morning,")),
        "the paragraph keeps its printed end: {md}"
    );
    assert!(
        paras
            .iter()
            .any(|p| p.starts_with("Listing 1: Reading the stations")),
        "the caption is a block of its own: {md}"
    );
}

#[test]
fn a_sentence_going_on_with_a_table_reference_still_joins() {
    // Control: the same break, then running text that names a table without a caption's stop.
    let (doc, md) = convert(&[(
        72.0,
        620.0,
        "F1",
        11.0,
        "Table 2 shows the readings by station and year.",
    )]);
    assert!(
        paragraphs(&doc)
            .iter()
            .any(|p| p.contains("read each morning, Table 2 shows the readings")),
        "the interrupted sentence goes on: {md}"
    );
}

fn captions_fixture() -> (Document, String, String) {
    let path = format!(
        "{}/tests/fixtures/layout/captions.pdf",
        env!("CARGO_MANIFEST_DIR")
    );
    let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let c = brief2md::convert(&bytes, &brief2md::Options::default()).expect("converts");
    let md = brief2md::writers::markdown::write(&c.document, &Default::default());
    let xml = brief2md::writers::jats::write(&c.document);
    (c.document, md, xml)
}

#[test]
fn a_caption_right_above_a_table_is_the_tables() {
    let (doc, md, xml) = captions_fixture();
    let tables: Vec<_> = doc
        .blocks
        .iter()
        .filter_map(|b| match b {
            Block::Table(t) => Some(t),
            _ => None,
        })
        .collect();
    assert_eq!(tables.len(), 1, "{md}");
    let placed = tables[0]
        .caption
        .as_ref()
        .expect("the table has its caption");
    assert_eq!(placed.side, CaptionSide::Above);
    let caption = &placed.caption;
    assert_eq!(caption.label, "Table 3");
    assert_eq!(
        plain_text(&caption.title()),
        "Licensed pumping by district, in thousand cubic metres a day"
    );
    // Markdown: the caption as printed, a paragraph right before the table.
    let caption_line = "**Table 3: Licensed pumping by district, in thousand cubic metres a day**";
    let at = md.find(caption_line).expect("the caption is printed");
    assert!(
        md[at + caption_line.len()..].starts_with("\n\n| **District** |"),
        "the caption right above the table:\n{md}"
    );
    // JATS: label and caption inside the table's wrap, before the table.
    assert!(
        xml.contains(
            "<table-wrap><label>Table 3</label><caption><p><bold>Licensed pumping by district, \
             in thousand cubic metres a day</bold></p></caption><table>"
        ),
        "{xml}"
    );
    // The sentence under the table that names it is running text, not a second caption.
    assert!(
        paragraphs(&doc)
            .iter()
            .any(|p| p.starts_with("Table 3 shows that licensed pumping")),
        "{md}"
    );
    assert_eq!(xml.matches("<label>Table 3</label>").count(), 1, "{xml}");
    common::assert_valid_jats(&xml, "captions.pdf");
}

#[test]
fn a_caption_standing_alone_under_a_chart_is_a_figure() {
    let (doc, md, xml) = captions_fixture();
    let figures: Vec<_> = doc
        .blocks
        .iter()
        .filter_map(|b| match b {
            Block::Figure {
                caption: Some(caption),
                ..
            } => Some(caption),
            _ => None,
        })
        .collect();
    assert_eq!(figures.len(), 1, "{md}");
    assert_eq!(figures[0].label, "Figure 2");
    assert_eq!(
        plain_text(&figures[0].printed),
        "Figure 2: Depth to groundwater at the coastal wells, in metres."
    );
    // Markdown keeps the caption as printed, between the chart's lettering (kept in a
    // comment, out of the text) and the text after.
    let at = md
        .find("Depth to groundwater at the coastal wells")
        .expect("kept");
    assert!(
        md[..at].contains("<!-- figure text: 5 · 4 · 3 · 2 · 1 · 0 · 2019 · 2020 · 2021 -->")
            && md[at..].contains("The office has since"),
        "{md}"
    );
    // One figure: the caption with the chart's lettering it sits under.
    assert!(
        xml.contains(
            "<fig><label>Figure 2</label><caption><p>Depth to groundwater at the coastal \
             wells, in metres.</p></caption><p content-type=\"figure-text\">5</p>"
        ) && xml.contains("<p content-type=\"figure-text\">2021</p></fig>"),
        "{xml}"
    );
    assert_eq!(xml.matches("<fig>").count(), 1, "{xml}");
    common::assert_valid_jats(&xml, "captions.pdf");
}

/// A caption set with a quad between its label and its title, both in bold, and no stop
/// ("Figure 1-1" then "Hexagon processor architecture" on one baseline): the title is
/// no section heading, and label and title are one caption, in the order printed.
#[test]
fn a_caption_title_a_quad_after_its_label_is_the_figures() {
    let (doc, md) = convert(&[
        (72.0, 600.0, "F2", 11.0, "Figure 1-1"),
        (140.0, 600.0, "F2", 11.0, "Hexagon processor architecture"),
        (
            72.0,
            560.0,
            "F1",
            11.0,
            "The processor runs four threads at once.",
        ),
    ]);
    let headings: Vec<_> = doc
        .blocks
        .iter()
        .filter(|b| matches!(b, Block::Heading { .. }))
        .collect();
    assert!(headings.is_empty(), "{md}");
    let captions: Vec<_> = doc
        .blocks
        .iter()
        .filter_map(|b| match b {
            Block::Figure {
                caption: Some(c), ..
            } => Some((c.label.clone(), plain_text(&c.printed))),
            _ => None,
        })
        .collect();
    assert_eq!(
        captions,
        [(
            "Figure 1-1".to_string(),
            "Figure 1-1 Hexagon processor architecture".to_string()
        )],
        "{md}"
    );
}
