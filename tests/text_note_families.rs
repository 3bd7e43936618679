//! Note families in text an extractor left: symbols glued to the word they mark (with
//! their notes at the foot of the text), roman numerals and letters raised with `<sup>`
//! (with their notes under a "Notes" heading), and symbols that start again on each page.

mod common;

use brief2md::model::Document;
use brief2md::report::ActionKind;

fn convert(text: &str) -> (Document, brief2md::report::Report, String) {
    let c = brief2md::convert(text.as_bytes(), &brief2md::Options::default()).expect("converts");
    let md = brief2md::writers::markdown::write(&c.document, &Default::default());
    (c.document, c.report, md)
}

/// Per reference in the body, in order: the word before it and the note's text.
fn links(doc: &Document) -> Vec<(String, String)> {
    common::note_links(doc)
}

fn labels(doc: &Document) -> Vec<&str> {
    doc.footnotes.iter().map(|f| f.label.as_str()).collect()
}

fn assert_links(doc: &Document, expected: &[(&str, &str)], md: &str) {
    let found = links(doc);
    assert_eq!(found.len(), expected.len(), "{found:?}\n{md}");
    for ((word, note), (want_word, want_note)) in found.iter().zip(expected) {
        assert_eq!(word, want_word, "{md}");
        assert_eq!(note.trim(), *want_note, "{md}");
    }
}

const TITLE: &str = "A Short Paper on Notes\n\n";

#[test]
fn glued_symbols_link_to_symbol_notes() {
    let text = format!(
        "{TITLE}The committee met twice in the spring.* Its report was published in June.† \
         A second report followed in the autumn.‡\n\n\
         The argument goes on in plain prose without notes of any kind.\n\n\
         * Minutes of the committee, published on 12 March 2021.\n\
         † Report of the committee, first edition, 2021.\n\
         ‡ Report of the committee, second edition, 2021.\n"
    );
    let (doc, report, md) = convert(&text);
    assert_links(
        &doc,
        &[
            (
                "spring.",
                "Minutes of the committee, published on 12 March 2021.",
            ),
            ("June.", "Report of the committee, first edition, 2021."),
            ("autumn.", "Report of the committee, second edition, 2021."),
        ],
        &md,
    );
    assert_eq!(labels(&doc), vec!["*", "†", "‡"]);
    assert!(report.actions.iter().any(|a| a.kind == ActionKind::Guess
        && a.evidence.as_deref() == Some("note labels: symbol family")));
}

#[test]
fn raised_roman_markers_link_to_roman_endnotes() {
    let text = format!(
        "{TITLE}I doubt the first estimate holds.<sup>i</sup> The survey covered four \
         provinces.<sup>ii</sup> Turnout was lower than expected.<sup>iii</sup>\n\n\
         The argument goes on in plain prose without notes of any kind.\n\n\
         Notes\n\n\
         i. Estimate of the ministry, published in 2019.\n\
         ii. Survey of the provinces, published in 2020.\n\
         iii. Turnout figures of the commission, 2021.\n"
    );
    let (doc, _, md) = convert(&text);
    assert_links(
        &doc,
        &[
            ("holds.", "Estimate of the ministry, published in 2019."),
            ("provinces.", "Survey of the provinces, published in 2020."),
            ("expected.", "Turnout figures of the commission, 2021."),
        ],
        &md,
    );
    assert_eq!(labels(&doc), vec!["i", "ii", "iii"]);
    assert!(md.contains("I doubt the first estimate"), "{md}");
}

#[test]
fn raised_letter_markers_link_to_lettered_notes() {
    let text = format!(
        "{TITLE}Exports rose in every quarter.<sup>a</sup> Imports fell in the last \
         quarter.<sup>b</sup> The balance improved overall.<sup>c</sup>\n\n\
         The argument goes on in plain prose without notes of any kind.\n\n\
         Notes\n\n\
         a) Data from the customs office, accessed 2 May 2022.\n\
         b) Data from the central bank, accessed 2 May 2022.\n\
         c) Computed by the authors from the data above.\n"
    );
    let (doc, _, md) = convert(&text);
    assert_links(
        &doc,
        &[
            (
                "quarter.",
                "Data from the customs office, accessed 2 May 2022.",
            ),
            (
                "quarter.",
                "Data from the central bank, accessed 2 May 2022.",
            ),
            ("overall.", "Computed by the authors from the data above."),
        ],
        &md,
    );
    assert_eq!(labels(&doc), vec!["a", "b", "c"]);
}

/// Symbols that start again on each page (pages parted by form feeds).
#[test]
fn symbols_restarting_on_each_page_link_within_the_page() {
    let text = format!(
        "{TITLE}The first page makes one claim.* It makes a second claim as well.†\n\n\
         The argument goes on in plain prose without notes of any kind.\n\n\
         * Source of the first claim, published in 2020.\n\
         † Source of the second claim, published in 2020.\n\
         \u{c}The second page makes a third claim.* And it closes with a fourth claim.†\n\n\
         The argument goes on in plain prose without notes of any kind.\n\n\
         * Source of the third claim, published in 2021.\n\
         † Source of the fourth claim, published in 2021.\n"
    );
    let (doc, _, md) = convert(&text);
    assert_links(
        &doc,
        &[
            ("claim.", "Source of the first claim, published in 2020."),
            ("well.", "Source of the second claim, published in 2020."),
            ("claim.", "Source of the third claim, published in 2021."),
            ("claim.", "Source of the fourth claim, published in 2021."),
        ],
        &md,
    );
    assert_eq!(labels(&doc), vec!["*", "†", "*", "†"]);
}

/// Endnotes closing each chapter, numbered from 1 in every chapter: each chapter's
/// markers go to its own notes.
#[test]
fn chapter_endnotes_restart_and_link_within_their_chapter() {
    let text = format!(
        "{TITLE}Chapter One\n\n\
         The first chapter opens with a claim.<sup>1</sup> It then adds a second \
         one.<sup>2</sup>\n\n\
         Notes\n\n\
         1. Source of the first claim, published in 2019.\n\
         2. Source of the second claim, published in 2019.\n\n\
         Chapter Two\n\n\
         The second chapter makes a new claim.<sup>1</sup>\n\n\
         Notes\n\n\
         1. Source of the new claim, published in 2022.\n"
    );
    let (doc, report, md) = convert(&text);
    assert_links(
        &doc,
        &[
            ("claim.", "Source of the first claim, published in 2019."),
            ("one.", "Source of the second claim, published in 2019."),
            ("claim.", "Source of the new claim, published in 2022."),
        ],
        &md,
    );
    assert_eq!(labels(&doc), vec!["1", "2", "1"]);
    assert!(report.actions.iter().any(|a| {
        a.evidence
            .as_deref()
            .is_some_and(|e| e.contains("numbering starts again 1 times"))
    }));
}

/// `§` and `q` are how extractors read Wingdings square bullets. A `§` line among such
/// items is a list item, not a symbol note: the body's recommendations must not become
/// footnotes (they did when every `§` line was taken for a note).
#[test]
fn a_section_sign_among_misread_bullets_is_a_list_item_not_a_note() {
    let text = format!(
        "{TITLE}For district authorities and their partners, we recommend the following:\n\n\
         § Plan for schools to reopen, not only to shelter families, by designating camp sites.\n\n\
         q Agree in advance which buildings will serve as camps, so that classes continue.\n\n\
         q Fund repairs of latrines and water points as part of the emergency response.\n\n\
         § Accept self-declared records for a full school year after a disaster.\n\n\
         The districts will face floods again, and these steps cost little beforehand.\n"
    );
    let (doc, _, md) = convert(&text);
    assert!(doc.footnotes.is_empty(), "items taken as notes:\n{md}");
    let items = md
        .lines()
        .filter(|l| l.trim_start().starts_with("- "))
        .count();
    assert_eq!(items, 4, "{md}");
    assert!(md.contains("Plan for schools") && md.contains("Accept self-declared"));
}

/// A bullet repaired from the letter an extractor read for it says which letter it took
/// out: the report's `before` holds the letter and the item's text, its `after` the text.
#[test]
fn a_repaired_bullet_names_the_letter_it_replaced() {
    let text = format!(
        "{TITLE}The committee asked for three things before the next meeting:\n\n\
         o Budgets for each school, with the costs of repairs set apart.\n\n\
         o Plans for the camps, agreed with the district authorities.\n\n\
         o Records of attendance for the whole of the last school year.\n\n\
         The districts will answer by the end of the month.\n"
    );
    let (_, report, md) = convert(&text);
    let repaired: Vec<_> = report
        .actions
        .iter()
        .filter(|a| a.kind == ActionKind::BulletRepaired)
        .collect();
    assert_eq!(repaired.len(), 3, "{md}");
    for a in repaired {
        let (before, after) = (a.before.as_deref(), a.after.as_deref().unwrap_or(""));
        assert_eq!(before, Some(format!("o {after}").as_str()), "{a:?}");
    }
}
