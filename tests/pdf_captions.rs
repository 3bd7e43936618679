//! Issue 10: a caption opens a block of its own. A paragraph that stops mid-sentence before
//! a listing or a figure ("… dolor sit amet,") is not continued by the caption under it;
//! a sentence that goes on with "Table 2 shows …" after a break still is.

mod support;

use brief2md::model::{Block, Document, plain_text};
use support::PdfBuilder;

const PROSE: &str = "Rainfall over the highlands was measured at forty stations for thirty";

fn convert(after: &[(f32, f32, &str, f32, &str)]) -> (Document, String) {
    let mut b = PdfBuilder::new();
    b.std_font("F1", "Helvetica", Some("WinAnsiEncoding"));
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
