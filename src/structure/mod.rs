//! Structure recovery: from cleaned lines to the document model (metadata, headings,
//! paragraphs, lists, footnotes and their links).

use crate::model::{Block, Document, Inline};
use crate::report::Report;
use crate::source::SourceDocument;

/// Builds the document model from cleaned pages.
pub fn build(source: &SourceDocument, _report: &mut Report) -> Document {
    let mut blocks = Vec::new();
    let mut current: Vec<String> = Vec::new();
    let flush = |current: &mut Vec<String>, blocks: &mut Vec<Block>| {
        if !current.is_empty() {
            let text = current.join(" ");
            blocks.push(Block::Paragraph(vec![Inline::Text(text)]));
            current.clear();
        }
    };
    for page in &source.pages {
        for line in &page.lines {
            let text = line.text();
            let text = text.trim();
            if text.is_empty() {
                flush(&mut current, &mut blocks);
            } else {
                current.push(text.to_string());
            }
        }
        flush(&mut current, &mut blocks);
    }
    Document {
        blocks,
        ..Default::default()
    }
}
