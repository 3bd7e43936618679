//! Footnotes as LaTeX sets them, in the PDFs of `tests/fixtures/notes/` (written by
//! `scripts/make-note-fixtures` from the .tex files beside them): numbers that start again
//! on every page, symbols (`\fnsymbol`) that do too, and a title page's `\thanks` note
//! above numbered notes. Every marker links to the note at the foot of its own page, no
//! note takes in body text, no marker is left in the text, and the printed labels reach
//! JATS as printed. The `\thanks` note goes with the author whose name carries its star
//! (front matter `note`, JATS `<author-notes>`).

mod support;

use brief2md::model::Document;
use support::note_pages::*;

fn fixture(name: &str) -> (Document, String) {
    let path = format!("{}/tests/fixtures/notes/{name}", env!("CARGO_MANIFEST_DIR"));
    let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let (doc, _, md) = convert(&bytes);
    (doc, md)
}

/// The `<label>`s of the JATS notes, in order.
fn jats_labels(doc: &Document) -> Vec<String> {
    let xml = brief2md::writers::jats::write(doc);
    xml.split("<fn ")
        .skip(1)
        .filter_map(|f| {
            let rest = &f[f.find("<label>")? + "<label>".len()..];
            Some(rest[..rest.find("</label>")?].to_string())
        })
        .collect()
}

#[test]
fn notes_numbered_again_on_every_page_link_on_their_own_page() {
    let (doc, md) = fixture("per-page.pdf");
    assert_linked(
        &doc,
        &[
            (
                "seniority of claim.",
                "The oldest recorded claim in the district dates from a survey of village wells.",
            ),
            (
                "since the district was founded.",
                "Three appeals reached the regional bench; none overturned the order of claims.",
            ),
            (
                "set by the district council.",
                "The levy is fixed each spring and published on the notice board of the district office.",
            ),
            (
                "settles the division.",
                "The board has six members, three named by each district.",
            ),
            (
                "for weeks at a time.",
                "The longest sitting lasted from early June to the end of August in a year of very low flow.",
            ),
            (
                "within a district.",
                "A pilot market ran for two seasons in the lower valley.",
            ),
            (
                "gather the senior rights.",
                "Small holders raised this objection at every public hearing on the pilot.",
            ),
            (
                "did not trade.",
                "Results are expected after the third harvest since the pilot began.",
            ),
        ],
        &md,
    );
    assert_eq!(jats_labels(&doc), ["1", "2", "3", "1", "2", "1", "2", "3"]);
    assert!(!md.contains("<sup>"), "a marker left in the text:\n{md}");
    assert!(
        md.contains("backbone of allocation in the upland valleys"),
        "{md}"
    );
}

#[test]
fn symbol_notes_numbered_again_on_every_page_keep_their_symbols() {
    let (doc, md) = fixture("symbols.pdf");
    assert_linked(
        &doc,
        &[
            (
                "drawn up each winter.",
                "The timetable is printed in December and posted at every landing stage.",
            ),
            (
                "distance and season.",
                "Children under twelve travel at half fare all year round.",
            ),
            (
                "at the pier office.",
                "Unused tickets can be returned for a refund until the end of the season.",
            ),
            (
                "shrinks to two boats.",
                "The third boat is laid up for repairs in the town’s dry dock.",
            ),
            (
                "cut off for weeks.",
                "A health visitor travels on the Tuesday boat to each island in turn.",
            ),
            (
                "summer trips to run.",
                "Fuel and ice damage account for most of the difference.",
            ),
        ],
        &md,
    );
    assert_eq!(jats_labels(&doc), ["*", "†", "‡", "*", "†", "‡"]);
    assert!(!md.contains("<sup>"), "a marker left in the text:\n{md}");
    assert!(md.contains("from its transport budget each year."), "{md}");
}

#[test]
fn a_title_page_author_note_leaves_the_numbered_notes_as_printed() {
    let (doc, md) = fixture("author-note.pdf");
    assert_linked(
        &doc,
        &[
            (
                "the barges arrived.",
                "Barge schedules survive in the harbour books of several towns.",
            ),
            (
                "for each stall.",
                "The fee was counted in copper coin and recorded weekly.",
            ),
            (
                "within a generation.",
                "The last regular barge service stopped in the spring after the railway bridge opened.",
            ),
            (
                "farmers’ markets.",
                "The first of these opened in the smallest of the towns.",
            ),
            (
                "on the old quay.",
                "The fairs are run by volunteers from each town.",
            ),
        ],
        &md,
    );
    // The author note (`\thanks`, "*" after the name) is the author's, in
    // `<author-notes>` ahead of the numbered notes.
    assert_eq!(jats_labels(&doc), ["*", "1", "2", "3", "4", "5"]);
    assert_eq!(doc.metadata.authors[0].note_labels, ["*"]);
    // The first section's heading, set larger than the name above it, is no role of
    // the author's: it stays the heading.
    assert!(md.contains("\n# Origins\n"), "{md}");
    assert!(!md.contains("role:"), "{md}");
    // The author note's words are kept, with the author, and not between the sections.
    assert!(
        md.contains(
            "    note: \"Department of Regional History. The author thanks the town archivists for their help.\""
        ),
        "{md}"
    );
    assert!(!md.contains("\\*Department"), "{md}");
}
