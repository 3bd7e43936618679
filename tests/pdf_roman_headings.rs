//! Issue 10: section headings numbered in Roman numerals and set in capitals at the body's
//! size, centred in their column (the IEEE style: "I. INTRODUCTION"), on a two-column page
//! built here with lopdf. Neither size nor weight sets them apart; their numbers in
//! sequence do, and a centred line after a finished sentence starts a new unit even with
//! no space above it. Controls: a lone Roman-numbered line, and a list in capitals.

mod support;

use brief2md::model::Document;
use support::{PdfBuilder, heading_texts as headings};

/// A line in Times-Roman 10: x, baseline y, text (widths from the font's metrics).
type Line<'a> = (f32, f32, &'a str);

/// Two columns (54–300 and 312–558), 12 pt apart. "II. RELATED WORK" sits directly under
/// the sentence before it, with no space above, and its first words would not have fitted
/// on that sentence's line; section III's title runs onto a second line, centred; section
/// IV opens the right column; section V's title runs onto a second line at the column's
/// left end, with space above and below the title.
const PAGE: &[Line] = &[
    (135.1, 740.0, "I. INTRODUCTION"),
    (
        64.0,
        728.0,
        "Rainfall over the highlands was measured at forty stations",
    ),
    (
        54.0,
        716.0,
        "for thirty years. The gauges were read each morning by",
    ),
    (
        54.0,
        704.0,
        "volunteers who kept the records in ledgers. This paper",
    ),
    (
        54.0,
        692.0,
        "compares those records with the radar estimates of the same",
    ),
    (
        54.0,
        680.0,
        "period, station by station and season by season.",
    ),
    (131.9, 668.0, "II. RELATED WORK"),
    (
        64.0,
        656.0,
        "Earlier studies used fewer stations and shorter periods. They",
    ),
    (
        54.0,
        644.0,
        "found that the radar overstated light rain and understated",
    ),
    (54.0, 632.0, "storms on the ridges."),
    (54.0, 620.0, "III. CORRECTING EACH GAUGE BY ITS REFERENCE"),
    (159.5, 608.0, "GAUGE"),
    (
        64.0,
        596.0,
        "Each gauge was checked against a reference gauge twice a",
    ),
    (
        54.0,
        584.0,
        "year. Readings from a gauge that drifted were corrected by",
    ),
    (54.0, 572.0, "the ratio found at its last check."),
    (405.6, 740.0, "IV. RESULTS"),
    (
        322.0,
        728.0,
        "The radar estimates agree with the gauges within a tenth on",
    ),
    (
        312.0,
        716.0,
        "most days. On days of heavy rain the radar falls short by a",
    ),
    (312.0, 704.0, "quarter on the ridges."),
    (312.0, 681.0, "V. CHECKING THE RADAR AGAINST GAUGES ON"),
    (312.0, 669.5, "THE RIDGES"),
    (
        312.0,
        646.5,
        "On the ridges the radar was checked against nine gauges",
    ),
    (
        312.0,
        635.0,
        "set in a line across the crest in the third decade of the",
    ),
    (312.0, 623.5, "record, one gauge to each of its cells."),
];

fn pdf(lines: &[Line]) -> Vec<u8> {
    let mut b = PdfBuilder::new();
    b.std_font("F1", "Times-Roman", Some("WinAnsiEncoding"));
    let mut content = String::new();
    for (x, y, text) in lines {
        content.push_str(&format!("BT /F1 10 Tf {x} {y} Td ({text}) Tj ET\n"));
    }
    b.page(&content);
    b.build()
}

fn convert(lines: &[Line]) -> (Document, String) {
    support::convert_to_markdown(&pdf(lines))
}

#[test]
fn roman_numbered_capitals_in_sequence_are_headings() {
    let (doc, md) = convert(PAGE);
    assert_eq!(
        headings(&doc),
        [
            "I. INTRODUCTION",
            "II. RELATED WORK",
            "III. CORRECTING EACH GAUGE BY ITS REFERENCE GAUGE",
            "IV. RESULTS",
            "V. CHECKING THE RADAR AGAINST GAUGES ON THE RIDGES",
        ],
        "{md}"
    );
    // The paragraphs around them keep every word, in order.
    assert!(
        md.contains("season by season.\n\n# II. RELATED WORK\n\nEarlier"),
        "{md}"
    );
    assert!(md.contains("at its last check."), "{md}");
}

#[test]
fn a_lone_roman_number_or_a_list_in_capitals_stays_text() {
    // Only section I: a number that starts no sequence.
    let (doc, md) = convert(&PAGE[..6]);
    assert!(headings(&doc).is_empty(), "{md}");
    assert!(md.contains("I. INTRODUCTION"), "{md}");
    // A list in capitals after a paragraph: each item directly over the next.
    let mut lines: Vec<Line> = PAGE[1..6].to_vec();
    lines.push((54.0, 668.0, "I. NORTH RIDGE"));
    lines.push((54.0, 656.0, "II. SOUTH RIDGE"));
    lines.push((54.0, 644.0, "III. VALLEY FLOOR"));
    lines.extend_from_slice(&PAGE[7..10]);
    let (doc, md) = convert(&lines);
    assert!(headings(&doc).is_empty(), "{md}");
    for item in ["NORTH RIDGE", "SOUTH RIDGE", "VALLEY FLOOR"] {
        assert!(md.contains(item), "{md}");
    }
}
