//! Lines ended by their author, in `tests/fixtures/layout/author-breaks.pdf` (written by
//! `scripts/make-layout-fixtures` with ReportLab, set as Google Docs sets a page: one line
//! spacing throughout, no space between paragraphs, no indent). A line that ends a
//! sentence with room left for the next word was broken by hand; one the next word did
//! not fit on was wrapped by the typesetter.

mod common;

use common::layout_flow::{fixture, flow, paragraph_at};

/// Each statement set on a line of its own is a paragraph of its own, the long ones too
/// ("…every fortnight." holds more characters than a paragraph's short last line).
#[test]
fn statements_ended_by_their_author_stay_apart() {
    let (doc, md) = fixture("author-breaks.pdf");
    let items = flow(&doc);
    let long = paragraph_at(
        &items,
        "Spring tides lift the keel clear of the sandbank at the river mouth every fortnight.",
        &md,
    );
    let short = paragraph_at(&items, "Neap tides do not.", &md);
    let last = paragraph_at(
        &items,
        "Harbour masters post the corrections on the quay each morning before the ferry sails.",
        &md,
    );
    assert_eq!((short, last), (long + 1, long + 2), "{md}");
}

/// A paragraph whose line ends a sentence where the next word ("Hydrographers") did not
/// fit goes on; the paragraph after it, whose long last line had room for "Fishermen",
/// ends there.
#[test]
fn wrapped_lines_keep_their_paragraph_and_room_ends_one() {
    let (doc, md) = fixture("author-breaks.pdf");
    let items = flow(&doc);
    let survey = paragraph_at(
        &items,
        "The survey boat sounds the channel twice a year and charts the banks that have moved \
         since the last survey. Its crew of four works from the pilot station, where all the \
         soundings are plotted. Hydrographers check each plot against the one before it, and \
         any bank that has moved more than a cable is marked for the buoy tender.",
        &md,
    );
    let buoys = paragraph_at(
        &items,
        "Buoys are moved by the tender within a week of the survey, and the notices to \
         mariners name each new position of every buoy that the tender has moved in the week.",
        &md,
    );
    let fishermen = paragraph_at(
        &items,
        "Fishermen who work the outer banks keep their own charts, and they are often the \
         first to report a shoal.",
        &md,
    );
    assert_eq!((buoys, fishermen), (survey + 1, survey + 2), "{md}");
}
