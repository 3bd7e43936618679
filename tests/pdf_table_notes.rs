//! Notes under a table (labelled a, b or *, †) belong to the table: they stay with it as
//! text after it, and the table's marks are never linked to notes.

mod support;

use brief2md::model::{Block, plain_text};
use support::PdfBuilder;
use support::note_pages::*;

/// Text drawn at (x, y) in runs of (text, size, rise).
fn at(x: f32, y: f32, runs: &[(&str, f32, f32)]) -> String {
    let mut s = format!("BT {x} {y} Td ");
    for (text, size, rise) in runs {
        s.push_str(&format!("/F1 {size} Tf {rise} Ts ({}) Tj ", escape(text)));
    }
    s.push_str("0 Ts ET\n");
    s
}

/// A body line at the left margin, ending in a raised marker unless `marker` is empty.
fn body_line(y: f32, text: &str, marker: &str) -> String {
    let mut runs = vec![(text, BODY, 0.0)];
    if !marker.is_empty() {
        runs.push((marker, 7.0, 4.0));
    }
    at(72.0, y, &runs)
}

/// Notes in small type from `y` down, each opening with its raised label.
fn note_lines(mut y: f32, notes: &[(&str, &str)]) -> String {
    let mut out = String::new();
    for &(label, text) in notes {
        out.push_str(&at(72.0, y, &[(label, 6.0, 3.0), (text, NOTE, 0.0)]));
        y -= 10.0;
    }
    out
}

fn table_page() -> Vec<u8> {
    let mut c = String::new();
    let mut y = 760.0;
    for (text, marker) in [
        (
            "Rainfall fell across the basin in the dry season of that year.",
            "1",
        ),
        (
            "The table below gives the change at three gauging stations.",
            "",
        ),
    ] {
        c.push_str(&body_line(y, text, marker));
        y -= 14.0;
    }
    y -= 10.0;
    // Header and rows of a three-column table; two cells carry raised table-note marks.
    let rows: [[(&str, &str); 3]; 4] = [
        [("Station", ""), ("Rainfall (mm)", ""), ("Change", "")],
        [("Kratie", ""), ("1420", "a"), ("-12%", "")],
        [("Stung Treng", ""), ("1315", ""), ("-9%", "b")],
        [("Pakse", ""), ("1650", "a"), ("-4%", "")],
    ];
    for row in rows {
        for (x, (cell, mark)) in [72.0, 240.0, 400.0].into_iter().zip(row) {
            let mut runs = vec![(cell, BODY, 0.0)];
            if !mark.is_empty() {
                runs.push((mark, 7.0, 4.0));
            }
            c.push_str(&at(x, y, &runs));
        }
        y -= 16.0;
    }
    // The table's notes, in small type right under it.
    c.push_str(&note_lines(
        y,
        &[
            (
                "a",
                "Estimated from satellite rainfall where the gauge failed.",
            ),
            ("b", "Provisional figure for the year."),
        ],
    ));
    y -= 34.0;
    for (text, marker) in [
        ("Fish catches fell in the same season across the lake.", "2"),
        ("The argument goes on in plain prose without notes.", ""),
        ("The argument goes on in plain prose without notes.", ""),
        ("The argument goes on in plain prose without notes.", ""),
    ] {
        c.push_str(&body_line(y, text, marker));
        y -= 14.0;
    }
    // The page's footnotes.
    c.push_str(&note_lines(
        120.0,
        &[
            (
                "1",
                "Mekong River Commission, State of the Basin Report, 2023.",
            ),
            ("2", "Fisheries Administration, Annual Catch Survey, 2024."),
        ],
    ));
    let mut b = PdfBuilder::new();
    b.std_font("F1", "Helvetica", Some("WinAnsiEncoding"));
    b.page(&c);
    b.build()
}

/// The table's notes stay text right after the table; none becomes a footnote, and the
/// table's marks stay as printed; the page's own footnotes link to the body's markers.
#[test]
fn table_notes_stay_with_the_table_as_text() {
    let (doc, report, md) = convert(&table_page());
    assert_linked(
        &doc,
        &[
            (
                "that year.",
                "Mekong River Commission, State of the Basin Report, 2023.",
            ),
            (
                "the lake.",
                "Fisheries Administration, Annual Catch Survey, 2024.",
            ),
        ],
        &md,
    );
    let table_at = doc
        .blocks
        .iter()
        .position(|b| matches!(b, Block::Table(_)))
        .unwrap_or_else(|| panic!("a table: {md}"));
    let after: Vec<String> = doc.blocks[table_at + 1..]
        .iter()
        .take(2)
        .map(|b| match b {
            Block::Paragraph(p) => plain_text(p),
            other => format!("{other:?}"),
        })
        .collect();
    assert_eq!(
        after,
        vec![
            "a Estimated from satellite rainfall where the gauge failed.",
            "b Provisional figure for the year."
        ],
        "{md}"
    );
    for note in &doc.footnotes {
        let Block::Paragraph(p) = &note.blocks[0] else {
            panic!("a note is a paragraph");
        };
        let text = plain_text(p);
        assert!(
            !text.contains("satellite") && !text.contains("Provisional"),
            "a table note became a footnote: {md}"
        );
    }
    assert!(md.contains("1420<sup>a</sup>"), "{md}");
    assert!(
        report
            .actions
            .iter()
            .filter(|a| a
                .evidence
                .as_deref()
                .is_some_and(|e| e.starts_with("table note")))
            .count()
            == 2,
        "{md}"
    );
}
