//! Paragraphs marked only by a first-line indent, in
//! `tests/fixtures/layout/indented-paragraphs.pdf` (written by
//! `scripts/make-layout-fixtures` with ReportLab): justified text with no space between
//! paragraphs, then references set with a hanging indent.

mod common;

use common::layout_flow::{fixture, flow, paragraph_at};

/// The first paragraph's last line ends a sentence too near the measure for the next
/// word to have fitted after it; the next line's indent alone says a paragraph begins.
#[test]
fn an_indented_first_line_opens_a_paragraph_after_a_full_last_line() {
    let (doc, md) = fixture("indented-paragraphs.pdf");
    let items = flow(&doc);
    let first = paragraph_at(
        &items,
        "Tide gauges along the estuary record the water level every six minutes, and the \
         harbour office keeps their records for as long as the gauges have stood. The oldest \
         gauge stands at the ferry slip and has been read every day since the harbour was \
         deepened.",
        &md,
    );
    let second = paragraph_at(
        &items,
        "Surveyors compare the records with the soundings of the channel, since a bank that \
         grows across the mouth raises the level of each high tide inside the harbour walls.",
        &md,
    );
    assert_eq!(second, first + 1, "{md}");
}

/// A reference's set-in second line, between its first line (which ends the title's
/// sentence) and the next entry at the margin, is no paragraph's first line: it ends a
/// sentence itself.
#[test]
fn a_hanging_indent_keeps_each_reference_whole() {
    let (doc, md) = fixture("indented-paragraphs.pdf");
    let items = flow(&doc);
    let pond = paragraph_at(
        &items,
        "Pond SL, Frost SD, Muse SV. 2005. HyPhy: hypothesis testing using phylogenies. \
         Bioinformatics 21(5):676–679.",
        &md,
    );
    let yang = paragraph_at(
        &items,
        "Yang Z, Nielsen R. 2007. PAML 4: phylogenetic analysis by maximum likelihood. \
         Molecular Biology and Evolution 24(8):1586–1591.",
        &md,
    );
    assert_eq!(yang, pond + 1, "{md}");
}
