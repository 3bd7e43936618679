//! Notes in the text pdftotext makes of LaTeX documents: endnote labels alone on their
//! lines with blank lines scattered through the list (default mode), URLs broken anywhere
//! by xurl (in their opening too, and carried over to the next column's foot), and the
//! notes of a two-column page's left column followed by the right column's body (-raw).

mod common;

use brief2md::model::Document;

fn convert(text: &str) -> (Document, String) {
    let c = brief2md::convert(text.as_bytes(), &brief2md::Options::default()).expect("converts");
    let md = brief2md::writers::markdown::write(&c.document, &Default::default());
    (c.document, md)
}

/// Per reference in the body, in order: the word before it and the note's text.
fn links(doc: &Document) -> Vec<(String, String)> {
    common::note_links(doc)
}

/// pdftotext's default mode of an endnote list: each label alone on its line, blank lines
/// between label and text and inside a broken URL.
const ENDNOTES: &str = r#"Ridgeway Institute for Water Policy
Field Note Series
Paying for Water in Dry Weeks
By Lena Okafor
March 3, 2025
Households in the eastern wards buy most of their water from kiosks, and the regulator
has encouraged that model for a decade.1 The model works when the supply is steady and
the posted price is enforced by someone with the power to do so.
Residents told us that the posted price was rarely the price they paid during rationing,
and that the queues grew longer whenever the mains ran dry.2 Many families cut back on
washing before they cut back on drinking water.3
Ridgeway Institute for Water Policy Page 1

Notes
1
Regional Water Regulator, “Annual Performance Review of Urban Water Services”, published on
May 30, 2024. https://www.regulator.example.org/reports/annual-performance-review-urban-wat

er-services
2

Focus group with kiosk customers in the eastern wards, held on February 11, 2025.

3

Household survey of the eastern wards, second round, with a sample of four hundred homes.
Ridgeway Institute for Water Policy Page 2

"#;

#[test]
fn bare_endnote_labels_and_url_tails_across_blank_lines() {
    let (doc, md) = convert(ENDNOTES);
    assert_eq!(doc.footnotes.len(), 3, "{md}");
    let found = links(&doc);
    assert_eq!(found.len(), 3, "{md}");
    assert_eq!(found[0].0, "decade.");
    assert!(
        found[0]
            .1
            .ends_with("https://www.regulator.example.org/reports/annual-performance-review-urban-water-services"),
        "{md}"
    );
    assert_eq!(found[1].0, "dry.");
    assert!(found[1].1.starts_with("Focus group"), "{md}");
    assert_eq!(found[2].0, "water.");
    assert!(found[2].1.starts_with("Household survey"), "{md}");
}

/// pdftotext -raw of two two-column pages: the left column's notes come before the right
/// column's body; a note's URL runs over to the right column's foot; a URL is cut after
/// "https:"; the right column's numbered list carries on below the left column's notes.
const TWO_COLUMNS: &str = r#"Harbour Studies Centre
Cables Under the Strait
By Tomas Lind
April 9, 2025
Most of the traffic between the two coasts runs
through a handful of cables laid on the floor of
the strait, close to the busiest anchorages. In
January two of them were cut within a week.1 This
note looks at what happened and what can be done.
What Happened
A freighter dragged its anchor for several miles
in a storm, and the operators reported the faults
the same night.2 Traffic was rerouted within hours.
1“Two strait cables cut in one week”, Coastal Ledger,
published on January 20, 2025. https://www.ledger.ex
ample.com/2025/01/20/two-strait-cables-cut
2“Operators confirm anchor damage”, Port Review, pub-
lished on January 22, 2025. https://www.portreview
.example.com
Why It Matters
The strait carries a third of the region's traffic
and has no nearby repair ship.
/news/2025/01/22/operators-confirm-anchor
-damage
3Regional Cable Forum, “Repair Capacity in the Strait”,
dataset, accessed on March 1, 2025.
Harbour Studies Centre 1
Harbour Studies Centre
Three steps would reduce the risk:
1. Move anchorages away from the cable corridor
and mark it on every chart.
2. Fund a repair ship based in the strait, with
permits agreed in advance.3
4“Anchors and cables”, Sea Lanes Brief, published on
March 2, 2025. https:
//www.sealanes.example.com/2025/03/02/anchors-and-c
ables
3. Share vessel tracking data with the cable operators
so that they can warn ships in time.
Conclusion: The cuts were repaired, but the next
storm will find the same weak points.4
Harbour Studies Centre 2
"#;

#[test]
fn two_column_raw_text_keeps_notes_and_body_apart() {
    let (doc, md) = convert(TWO_COLUMNS);
    assert_eq!(doc.footnotes.len(), 4, "{md}");
    let found = links(&doc);
    let words: Vec<&str> = found.iter().map(|(w, _)| w.as_str()).collect();
    // (Paragraphs only: note 3 is referenced from a list item.)
    assert_eq!(words, ["week.", "night.", "points."], "{md}");
    assert!(md.contains("in advance.[^3]"), "{md}");
    assert!(
        found[1].1.ends_with(
            "https://www.portreview.example.com/news/2025/01/22/operators-confirm-anchor-damage"
        ),
        "{md}"
    );
    assert!(
        found[2]
            .1
            .ends_with("https://www.sealanes.example.com/2025/03/02/anchors-and-cables"),
        "{md}"
    );
    // The list item and the conclusion below the notes stay in the body.
    assert!(md.contains("\n3. Share vessel tracking data"), "{md}");
    assert!(!found[2].1.contains("Share vessel"), "{md}");
    assert!(!md.lines().any(|l| l.starts_with("/news/")), "{md}");
}
