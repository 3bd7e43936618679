//! Justified text in a narrow column, in `tests/fixtures/layout/narrow-justified.pdf`
//! (written by `scripts/make-layout-fixtures` with ReportLab, each line set by hand): a
//! line whose spaces stretch past an em stays one line, and a sentence that ends on a
//! full line of the column does not end its paragraph.

mod common;

use common::layout_flow::{fixture, fixture_bytes, flow, paragraph_at};

/// The reader gives the line of four long words, its spaces 1.4 em wide, as one line:
/// its spaces match each other and it fills the measure of the lines around it.
#[test]
fn a_line_spread_past_an_em_is_read_as_one_line() {
    let mut report = brief2md::report::Report::default();
    let doc = brief2md::readers::pdf::read(fixture_bytes("narrow-justified.pdf"), &mut report)
        .expect("reads");
    let texts: Vec<String> = doc.pages[0].lines.iter().map(|l| l.text()).collect();
    assert!(
        texts
            .iter()
            .any(|t| t == "Initiative for Responsible Catchment Management"),
        "{texts:#?}"
    );
    // So is a line of nine words whose spaces came out a hair over an em.
    assert!(
        texts
            .iter()
            .any(|t| t == "the sediment a little further out, where it settles"),
        "{texts:#?}"
    );
}

/// Paragraphs in the column start with an indent. "…to the estuary." ends a full line of
/// the column, which holds some 55 characters against the lead's 95: the paragraph goes
/// on, and the indented line after it starts the next one.
#[test]
fn a_sentence_ending_a_full_column_line_keeps_its_paragraph() {
    let (doc, md) = fixture("narrow-justified.pdf");
    let items = flow(&doc);
    let first = paragraph_at(
        &items,
        "The channels silt up fastest where the river meets the tide, and dredging there has \
         to be repeated every spring before the fishing fleet returns to the estuary. Critics \
         of the scheme argue that dredging only moves the sediment a little further out, \
         where it settles again on the banks that shelter the oyster beds.",
        &md,
    );
    let second = paragraph_at(
        &items,
        "Responsibility for the work lies with the Estuary Initiative for Responsible \
         Catchment Management created by statute when the three harbour boards merged, and \
         its board publishes the dredging plans each winter for comment by the fishing \
         cooperatives.",
        &md,
    );
    assert_eq!(second, first + 1, "{md}");
}
