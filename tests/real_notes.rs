//! Footnotes of real documents from `../shared/corpus` whose failures once damaged the
//! text: a note area holding blocks that are not notes, and a table set across two
//! columns of prose.

mod support;

use std::path::PathBuf;

use brief2md::model::{Block, Document, Inline};
use brief2md::report::Report;

fn corpus_file(rel: &str) -> Option<PathBuf> {
    Some(support::shared_dir("BRIEF2MD_CORPUS", "../shared/corpus")?.join(rel))
}

fn convert(path: &PathBuf) -> (Document, Report, String) {
    let bytes = std::fs::read(path).expect("corpus file reads");
    let c = brief2md::convert(&bytes, &brief2md::Options::default()).expect("converts");
    let md = brief2md::writers::markdown::write(&c.document, &Default::default());
    (c.document, c.report, md)
}

fn note_texts(doc: &Document) -> Vec<String> {
    doc.footnotes
        .iter()
        .map(|n| {
            n.blocks
                .iter()
                .map(|b| match b {
                    Block::Paragraph(p) => p
                        .iter()
                        .map(|i| match i {
                            Inline::Text(t) => t.clone(),
                            other => format!("{other:?}"),
                        })
                        .collect::<String>(),
                    other => format!("{other:?}"),
                })
                .collect()
        })
        .collect()
}

fn evidence_count(report: &Report, needle: &str) -> usize {
    report
        .actions
        .iter()
        .filter(|a| a.evidence.as_deref().is_some_and(|e| e.contains(needle)))
        .count()
}

/// ACL 2020 paper: an unlabelled "∗ Equal contribution" and the proceedings colophon sit
/// in page 1's note area, and page 7 opens with a results table across both columns.
/// Every numbered note keeps its printed label and is linked; no column text is a note.
#[test]
fn acl_paper_notes_keep_their_labels_and_column_text_stays_body() {
    let Some(path) = corpus_file("s2orc-doc2json/2020.acl-main.207.pdf") else {
        return;
    };
    let (doc, report, md) = convert(&path);
    assert_eq!(doc.footnotes.len(), 18, "{md}");
    assert_eq!(evidence_count(&report, "misread"), 0, "{md}");
    assert!(!md.contains("(unlinked note)"), "{md}");
    let notes = note_texts(&doc);
    assert!(notes.iter().all(|n| !n.contains("Maaten")), "{md}");
    assert!(
        notes
            .iter()
            .any(|n| n.contains("directly from publisher provided metadata")),
        "{md}"
    );
    assert!(md.contains("Equal contribution"), "{md}");
    assert!(
        notes.iter().all(|n| !n.contains("Equal contribution")),
        "{md}"
    );
}

/// Federal Register page: body paragraphs at the top of a column above the notes were
/// taken into the note area; they are body text, and the notes keep their numbers.
#[test]
fn federal_register_body_text_is_not_a_note() {
    let Some(path) = corpus_file("pdfplumber/federal-register-2020-17221.pdf") else {
        return;
    };
    let (doc, _report, md) = convert(&path);
    let notes = note_texts(&doc);
    assert!(
        notes
            .iter()
            .all(|n| !n.contains("Hatta International Airport")),
        "{md}"
    );
    assert!(md.contains("Hatta International Airport"), "{md}");
    assert!(!md.contains("(unlinked note)"), "{md}");
}
