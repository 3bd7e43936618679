//! Checks shared by the integration tests: DTD validation of JATS with xmllint, a
//! CommonMark + footnotes parse of Markdown that compares counts with the model, and the
//! reading flow of the layout fixtures (`layout_flow`).

#![allow(dead_code)]

pub mod layout_flow;
pub mod shared;

use std::io::Write;
use std::path::PathBuf;
use std::process::Command;

use brief2md::model::{Block, Document};
use pulldown_cmark::{Event, Options, Parser, Tag, TextMergeStream};

/// The JATS 1.4 DTD folder: `$BRIEF2MD_JATS_DTD_DIR`, else `tests/jats-dtd/1.4`.
pub fn jats_dtd_dir() -> Option<PathBuf> {
    let dir = shared::jats_dtd_path();
    dir.join("JATS-archivearticle1-4.dtd")
        .is_file()
        .then_some(dir)
}

fn xmllint_available() -> bool {
    Command::new("xmllint").arg("--version").output().is_ok()
}

/// Validates `xml` against the JATS 1.4 Archiving DTD with xmllint. Panics with
/// xmllint's messages when invalid. When xmllint or the DTD is missing, fails under CI and
/// prints a loud skip message elsewhere.
pub fn assert_valid_jats(xml: &str, what: &str) {
    let (Some(dir), true) = (jats_dtd_dir(), xmllint_available()) else {
        let msg = format!(
            "JATS DTD validation of {what} NOT RUN: xmllint (apt-get install libxml2-utils) or \
             the DTD (tests/jats-dtd/1.4, or $BRIEF2MD_JATS_DTD_DIR) is missing"
        );
        shared::skip_or_fail(&msg);
        return;
    };
    let mut file = tempfile::Builder::new().suffix(".xml").tempfile().unwrap();
    file.write_all(xml.as_bytes()).unwrap();
    let out = Command::new("xmllint")
        .arg("--noout")
        .arg("--nonet")
        .arg("--path")
        .arg(&dir)
        .arg("--dtdvalid")
        .arg(dir.join("JATS-archivearticle1-4.dtd"))
        .arg(file.path())
        .output()
        .expect("run xmllint");
    assert!(
        out.status.success(),
        "{what}: JATS output is not valid against the 1.4 Archiving DTD:\n{}\n--- xml ---\n{xml}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// What a CommonMark + GFM-footnotes parser sees in a Markdown text.
#[derive(Debug, Default, PartialEq)]
pub struct MarkdownCounts {
    pub headings: usize,
    pub list_items: usize,
    pub footnote_definitions: usize,
    pub references: Vec<String>,
    pub definitions: Vec<String>,
}

/// Parses `md` (after any YAML front matter) with pulldown-cmark, footnotes and tables on.
pub fn parse_markdown(md: &str) -> MarkdownCounts {
    let body = match md.strip_prefix("---\n") {
        Some(rest) => rest.split_once("\n---\n").map(|(_, b)| b).unwrap_or(md),
        None => md,
    };
    let mut counts = MarkdownCounts::default();
    let parser = Parser::new_ext(body, Options::ENABLE_FOOTNOTES | Options::ENABLE_TABLES);
    for event in TextMergeStream::new(parser) {
        match event {
            Event::Start(Tag::Heading { .. }) => counts.headings += 1,
            Event::Start(Tag::Item) => counts.list_items += 1,
            Event::Start(Tag::FootnoteDefinition(label)) => {
                counts.footnote_definitions += 1;
                counts.definitions.push(label.to_string());
            }
            Event::FootnoteReference(label) => counts.references.push(label.to_string()),
            Event::Text(t) => {
                // An unresolved reference stays literal text.
                assert!(
                    !t.contains("[^"),
                    "unresolved footnote reference in text: {t:?}\n--- markdown ---\n{md}"
                );
            }
            _ => {}
        }
    }
    counts
}

/// Counts headings (outside list items, where writers turn them into bold paragraphs) and
/// list items in the model.
fn count_model(blocks: &[Block], in_list: bool, headings: &mut usize, items: &mut usize) {
    for b in blocks {
        match b {
            Block::Heading { .. } if !in_list => *headings += 1,
            Block::List(l) => {
                for item in &l.items {
                    *items += 1;
                    count_model(&item.blocks, true, headings, items);
                }
            }
            Block::BlockQuote(inner) => count_model(inner, in_list, headings, items),
            // The title is written in bold; headings inside stay headings.
            Block::Boxed(boxed) => count_model(&boxed.blocks, in_list, headings, items),
            _ => {}
        }
    }
}

/// Asserts that `md` parses with every reference resolved, no definition unused or
/// duplicated, and heading, list-item and footnote counts equal to the model's.
pub fn assert_markdown_matches_model(md: &str, doc: &Document) {
    let counts = parse_markdown(md);
    let mut headings = 0;
    let mut items = 0;
    count_model(&doc.blocks, false, &mut headings, &mut items);
    for note in &doc.footnotes {
        count_model(&note.blocks, false, &mut headings, &mut items);
    }
    assert_eq!(counts.headings, headings, "heading count\n{md}");
    assert_eq!(counts.list_items, items, "list item count\n{md}");
    assert_eq!(
        counts.footnote_definitions,
        doc.footnotes.len(),
        "footnote definition count\n{md}"
    );
    let mut defs = counts.definitions.clone();
    defs.sort();
    let before = defs.len();
    defs.dedup();
    assert_eq!(before, defs.len(), "duplicate footnote definitions\n{md}");
    for r in &counts.references {
        assert!(defs.contains(r), "reference [^{r}] has no definition\n{md}");
    }
    for d in &defs {
        assert!(
            counts.references.contains(d),
            "definition [^{d}] is never referenced\n{md}"
        );
    }
}

/// Each footnote reference in the body's paragraphs as (the word just before it, the
/// note's text): where every note is linked, and to what.
pub fn note_links(doc: &Document) -> Vec<(String, String)> {
    use brief2md::model::{Inline, plain_text};
    let mut out = Vec::new();
    for block in &doc.blocks {
        let Block::Paragraph(inlines) = block else {
            continue;
        };
        let mut before = String::new();
        for inline in inlines {
            match inline {
                Inline::FootnoteRef(id) => {
                    let Block::Paragraph(note) = &doc.footnotes[id.0].blocks[0] else {
                        panic!("a note is a paragraph");
                    };
                    let word = before.split_whitespace().last().unwrap_or("").to_string();
                    out.push((word, plain_text(note)));
                }
                other => before.push_str(&plain_text(std::slice::from_ref(other))),
            }
        }
    }
    out
}
