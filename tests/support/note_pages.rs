//! Pages of lines for the footnote tests: runs of text at a size and rise, drawn with
//! lopdf, and what the conversion linked.

use brief2md::model::{Block, Document, Inline, plain_text};
use brief2md::report::{ActionKind, Report};

use super::PdfBuilder;

/// One run of text on a line: its text, type size and rise above the baseline.
pub struct Run<'a>(pub &'a str, pub f32, pub f32);

pub const BODY: f32 = 11.0;
pub const NOTE: f32 = 8.0;

pub fn body(text: &str) -> Run<'_> {
    Run(text, BODY, 0.0)
}

/// A raised marker, set smaller, as word processors and TeX print it.
pub fn sup(text: &str) -> Run<'_> {
    Run(text, 7.0, 4.0)
}

pub fn escape(text: &str) -> String {
    text.replace('\\', "\\\\")
        .replace('(', "\\(")
        .replace(')', "\\)")
        // WinAnsiEncoding's codes for the note symbols.
        .replace('†', "\\206")
        .replace('‡', "\\207")
        .replace('§', "\\247")
        .replace('¶', "\\266")
}

/// A page of lines, each a list of runs drawn left to right from x = 72, one line per
/// `y` given.
pub fn page_content(lines: &[(f32, Vec<Run>)]) -> String {
    let mut out = String::new();
    for (y, runs) in lines {
        out.push_str(&format!("BT 72 {y} Td "));
        for Run(text, size, rise) in runs {
            out.push_str(&format!("/F1 {size} Tf {rise} Ts ({}) Tj ", escape(text)));
        }
        out.push_str("0 Ts ET\n");
    }
    out
}

pub fn pdf(pages: &[Vec<(f32, Vec<Run>)>]) -> Vec<u8> {
    let mut b = PdfBuilder::new();
    b.std_font("F1", "Helvetica", Some("WinAnsiEncoding"));
    for page in pages {
        b.page(&page_content(page));
    }
    b.build()
}

pub fn convert(bytes: &[u8]) -> (Document, Report, String) {
    let c = brief2md::convert(bytes, &brief2md::Options::default()).expect("converts");
    let md = brief2md::writers::markdown::write(&c.document, &Default::default());
    (c.document, c.report, md)
}

/// The plain text just before each footnote reference of the body, in order, with the
/// note it points to.
pub fn markers(doc: &Document) -> Vec<(String, String)> {
    fn walk(blocks: &[Block], doc: &Document, out: &mut Vec<(String, String)>) {
        for block in blocks {
            match block {
                Block::Paragraph(inlines)
                | Block::Heading {
                    content: inlines, ..
                } => {
                    let mut before = String::new();
                    for inline in inlines {
                        match inline {
                            Inline::FootnoteRef(id) => {
                                let note = plain_text(match &doc.footnotes[id.0].blocks[0] {
                                    Block::Paragraph(p) => p,
                                    _ => panic!("a note is a paragraph"),
                                });
                                out.push((before.clone(), note));
                            }
                            other => before.push_str(&plain_text(std::slice::from_ref(other))),
                        }
                    }
                }
                Block::List(list) => {
                    for item in &list.items {
                        walk(&item.blocks, doc, out);
                    }
                }
                _ => {}
            }
        }
    }
    let mut out = Vec::new();
    walk(&doc.blocks, doc, &mut out);
    out
}

pub fn has(report: &Report, kind: ActionKind, evidence: &str) -> bool {
    report
        .actions
        .iter()
        .any(|a| a.kind == kind && a.evidence.as_deref().is_some_and(|e| e.contains(evidence)))
}

/// Every note linked once, right after the text given for it, in this order.
pub fn assert_linked(doc: &Document, expected: &[(&str, &str)], md: &str) {
    let found = markers(doc);
    assert_eq!(found.len(), expected.len(), "{found:?}\n{md}");
    for ((before, note), (want_before, want_note)) in found.iter().zip(expected) {
        assert!(
            before.trim_end().ends_with(want_before),
            "marker after {before:?}, expected after {want_before:?}\n{md}"
        );
        assert_eq!(note.trim(), *want_note, "{md}");
    }
}
