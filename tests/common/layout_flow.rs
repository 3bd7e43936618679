//! The flow of a layout fixture's document: its blocks in reading order as plain text, for
//! tests that check what a reader of the Markdown meets and in which order.

use brief2md::model::{Block, Document, plain_text};

/// The bytes of the layout fixture `name`.
pub fn fixture_bytes(name: &str) -> Vec<u8> {
    let path = format!(
        "{}/tests/fixtures/layout/{name}",
        env!("CARGO_MANIFEST_DIR")
    );
    std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// The layout fixture `name` converted (its document and report), and its Markdown.
pub fn converted(name: &str) -> (brief2md::Conversion, String) {
    let c =
        brief2md::convert(&fixture_bytes(name), &brief2md::Options::default()).expect("converts");
    let md = brief2md::writers::markdown::write(&c.document, &Default::default());
    (c, md)
}

pub fn fixture(name: &str) -> (Document, String) {
    let (c, md) = converted(name);
    (c.document, md)
}

/// What one block of the flow holds, in plain text.
#[derive(Debug, Clone, PartialEq)]
pub enum Item {
    Heading(u8, String),
    Paragraph(String),
    Listed(String),
    Table(Vec<Vec<String>>),
    Code(String),
    /// A figure's caption as printed.
    Figure(String),
    /// The lettering drawn inside a chart, a line each.
    ChartText(Vec<String>),
    /// A box: its title and what it holds.
    Box(Option<String>, Vec<Item>),
}

pub fn squeeze(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The document's blocks in reading order, block quotes and lists opened.
pub fn flow(doc: &Document) -> Vec<Item> {
    fn walk(blocks: &[Block], out: &mut Vec<Item>) {
        for b in blocks {
            match b {
                Block::Heading { level, content } => {
                    out.push(Item::Heading(*level, squeeze(&plain_text(content))))
                }
                Block::Paragraph(p) => out.push(Item::Paragraph(squeeze(&plain_text(p)))),
                Block::List(list) => {
                    for item in &list.items {
                        let mut inner = Vec::new();
                        walk(&item.blocks, &mut inner);
                        for i in inner {
                            out.push(match i {
                                Item::Paragraph(t) => Item::Listed(t),
                                other => other,
                            });
                        }
                    }
                }
                Block::BlockQuote(inner) => walk(inner, out),
                Block::Boxed(boxed) => {
                    let mut inner = Vec::new();
                    walk(&boxed.blocks, &mut inner);
                    let title = boxed.title.as_ref().map(|t| squeeze(&plain_text(t)));
                    out.push(Item::Box(title, inner));
                }
                Block::Table(t) => out.push(Item::Table(
                    t.rows
                        .iter()
                        .map(|r| r.iter().map(|c| squeeze(&plain_text(c))).collect())
                        .collect(),
                )),
                Block::Preformatted(s) => out.push(Item::Code(s.clone())),
                Block::Figure {
                    caption,
                    lettering,
                    caption_below,
                } => {
                    let mut parts = Vec::new();
                    if let Some(c) = caption {
                        parts.push(Item::Figure(squeeze(&plain_text(&c.printed))))
                    }
                    if !lettering.is_empty() {
                        parts.push(Item::ChartText(lettering.clone()))
                    }
                    if *caption_below {
                        parts.reverse();
                    }
                    out.extend(parts);
                }
            }
        }
    }
    let mut out = Vec::new();
    walk(&doc.blocks, &mut out);
    out
}

/// Where the paragraph reading exactly `text` stands in the flow; panics when no paragraph
/// does (the text was split, merged with something else, or lost).
pub fn paragraph_at(items: &[Item], text: &str, md: &str) -> usize {
    let want = squeeze(text);
    items
        .iter()
        .position(|i| *i == Item::Paragraph(want.clone()))
        .unwrap_or_else(|| panic!("no paragraph reads exactly {want:?}:\n{md}"))
}

/// A table's cells in plain text, row by row.
pub fn cell_texts(table: &brief2md::model::Table) -> Vec<Vec<String>> {
    table
        .rows
        .iter()
        .map(|r| r.iter().map(|c| plain_text(c)).collect())
        .collect()
}
