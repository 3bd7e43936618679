//! Notes under a table (labelled a, b or *, †) belong to the table: the table keeps them
//! (Markdown prints them right after it, JATS in `<table-wrap-foot>`), and the table's
//! marks point to them, never to the document's footnotes.

// Both bring in the shared paths helper; this test needs `common`'s DTD validation too.
#[allow(clippy::duplicate_mod)]
mod common;
mod support;

use brief2md::model::{Block, Inline, plain_text};
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
    table_page_labelled(["a", "b"])
}

/// The page, its table's two notes labelled `labels` (the marks in the cells to match).
fn table_page_labelled(labels: [&str; 2]) -> Vec<u8> {
    let [first, second] = labels;
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
    // Header and rows of a three-column table; three cells carry raised table-note marks.
    // (With one row fewer the page's column split takes the third column away from the
    // table: a layout matter, not the notes'.)
    let rows: [[(&str, &str); 3]; 5] = [
        [("Station", ""), ("Rainfall (mm)", ""), ("Change", "")],
        [("Kratie", ""), ("1420", first), ("-12%", "")],
        [("Stung Treng", ""), ("1315", ""), ("-9%", second)],
        [("Pakse", ""), ("1650", first), ("-4%", "")],
        [("Vientiane", ""), ("1580", ""), ("-6%", "")],
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
                first,
                "Estimated from satellite rainfall where the gauge failed.",
            ),
            (second, "Provisional figure for the year."),
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

/// The table keeps its notes and its marks point to them; none becomes a footnote; the
/// page's own footnotes link to the body's markers; Markdown prints the notes right after
/// the table, labels as printed, and the marks as printed.
#[test]
fn table_notes_stay_with_the_table() {
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
    let Block::Table(table) = &doc.blocks[table_at] else {
        unreachable!()
    };
    let notes: Vec<(String, String)> = table
        .notes
        .iter()
        .map(|n| (n.label.clone(), plain_text(&n.content)))
        .collect();
    assert_eq!(
        notes,
        vec![
            (
                "a".to_string(),
                "Estimated from satellite rainfall where the gauge failed.".to_string()
            ),
            (
                "b".to_string(),
                "Provisional figure for the year.".to_string()
            )
        ],
        "{md}"
    );
    // The marks in the cells, raised, refer to the notes by label.
    let marks: Vec<String> = table
        .rows
        .iter()
        .flatten()
        .flatten()
        .filter_map(|i| match i {
            Inline::Superscript(c) => match c.as_slice() {
                [Inline::TableNoteRef(l)] => Some(l.clone()),
                _ => None,
            },
            _ => None,
        })
        .collect();
    assert_eq!(marks, vec!["a", "b", "a"], "{md}");
    // The notes are not loose paragraphs any more: the body goes on after the table.
    match &doc.blocks[table_at + 1] {
        Block::Paragraph(p) => assert!(plain_text(p).starts_with("Fish catches"), "{md}"),
        other => panic!("{other:?}\n{md}"),
    }
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
    assert!(md.contains("| Kratie | 1420<sup>a</sup> | -12% |"), "{md}");
    assert!(
        md.contains(
            "| Vientiane | 1580 | -6% |\n\na Estimated from satellite rainfall where the gauge failed.\n\nb Provisional figure for the year.\n\nFish catches"
        ),
        "{md}"
    );
    let parsed = common::parse_markdown(&md);
    assert_eq!(parsed.footnote_definitions, 2, "{md}");
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

/// In JATS the notes go to the table's `<table-wrap-foot>` as `<fn>`s with their printed
/// labels, the cells' raised marks link to them, and the article stays valid.
#[test]
fn table_notes_go_to_the_table_foot_in_jats() {
    let (doc, _, _) = convert(&table_page());
    let xml = brief2md::writers::jats::write(&doc);
    common::assert_valid_jats(&xml, "table notes");
    let foot_at = xml
        .find("<table-wrap-foot>")
        .unwrap_or_else(|| panic!("{xml}"));
    let foot = &xml[foot_at
        ..xml
            .find("</table-wrap-foot>")
            .unwrap_or_else(|| panic!("{xml}"))];
    assert_eq!(foot.matches("<fn ").count(), 2, "{xml}");
    assert!(
        foot.contains(
            "<fn id=\"tbl1-fn1\"><label>a</label><p>Estimated from satellite rainfall where the gauge failed.</p></fn>"
        ),
        "{xml}"
    );
    assert!(
        foot.contains(
            "<fn id=\"tbl1-fn2\"><label>b</label><p>Provisional figure for the year.</p></fn>"
        ),
        "{xml}"
    );
    for (cell, id, label) in [
        ("1420", "tbl1-fn1", "a"),
        ("-9%", "tbl1-fn2", "b"),
        ("1650", "tbl1-fn1", "a"),
    ] {
        let want = format!(
            "<td>{cell}<sup><xref ref-type=\"table-fn\" rid=\"{id}\">{label}</xref></sup></td>"
        );
        assert!(xml.contains(&want), "{want}\n{xml}");
    }
    // The page's footnotes stay in the back matter, the table's notes do not join them.
    let back = &xml[xml.find("<back>").unwrap_or_else(|| panic!("{xml}"))..];
    assert_eq!(back.matches("<fn ").count(), 2, "{xml}");
    assert!(!back.contains("satellite"), "{xml}");
}

/// Symbol labels (`*`, `†`) work the same way: the notes stay with the table, the marks
/// link to them in JATS, and a note opening with `*` does not become a Markdown list item.
#[test]
fn symbol_labelled_table_notes_stay_with_the_table() {
    let (doc, _, md) = convert(&table_page_labelled(["*", "†"]));
    let Some(Block::Table(table)) = doc.blocks.iter().find(|b| matches!(b, Block::Table(_))) else {
        panic!("a table: {md}");
    };
    let labels: Vec<&str> = table.notes.iter().map(|n| n.label.as_str()).collect();
    assert_eq!(labels, vec!["*", "†"], "{md}");
    assert_eq!(doc.footnotes.len(), 2, "{md}");
    assert!(
        md.contains(
            "\\* Estimated from satellite rainfall where the gauge failed.\n\n† Provisional figure for the year."
        ),
        "{md}"
    );
    assert_eq!(common::parse_markdown(&md).list_items, 0, "{md}");
    let xml = brief2md::writers::jats::write(&doc);
    common::assert_valid_jats(&xml, "symbol-labelled table notes");
    assert!(
        xml.contains(
            "<td>-9%<sup><xref ref-type=\"table-fn\" rid=\"tbl1-fn2\">†</xref></sup></td>"
        ),
        "{xml}"
    );
    assert!(
        xml.contains("<fn id=\"tbl1-fn1\"><label>*</label><p>Estimated"),
        "{xml}"
    );
}
