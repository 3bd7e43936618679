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

/// A Toyota maintenance log, three pages: notes 1–6 at the foot of page 1, none on
/// page 2, notes 1–7 again at the foot of page 3 (the last). Each page's raised markers
/// stand for its own notes: page 3's "Engine coolant⁶" is page 3's note 6, and page 2's
/// markers, with no notes on their page, stay as printed.
#[test]
fn a_log_whose_notes_start_again_on_its_last_page_links_them_there() {
    let Some(path) = corpus_file("unstructured/T-MMS-22Camry-pg40-42.pdf") else {
        return;
    };
    let (doc, _report, md) = convert(&path);
    let found = support::note_pages::markers(&doc);
    let linked = |before: &str, note: &str| {
        found
            .iter()
            .any(|(b, n)| b.trim_end().ends_with(before) && n.starts_with(note))
    };
    // Page 1's coolant marker is 5, page 3's is 6: both point to the coolant note.
    let coolant = found
        .iter()
        .filter(|(b, n)| b.trim_end().ends_with("Engine coolant") && n.starts_with("Refer to"))
        .count();
    assert_eq!(coolant, 2, "{found:?}\n{md}");
    assert!(
        linked("brake pads/discs", "Inspect thickness measurement"),
        "{found:?}\n{md}"
    );
    assert!(
        !found
            .iter()
            .any(|(b, _)| b.trim_end().ends_with("propeller shaft bolt")),
        "a marker of page 2 taken by a note of page 3: {found:?}\n{md}"
    );
}
