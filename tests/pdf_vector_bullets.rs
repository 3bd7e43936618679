//! List bullets drawn as vector shapes (Chromium's print-to-PDF draws discs, circles and
//! squares as paths): they come back as the first span of the line they start, and
//! decorative shapes do not.

mod support;

use brief2md::readers::pdf::{self, Limits};
use brief2md::report::Report;
use brief2md::source::{Line, Script};
use lopdf::{Object, dictionary};
use support::*;

/// A circle of radius `r` around (`cx`, `cy`) from four Bézier quarters, not painted.
fn circle(cx: f64, cy: f64, r: f64) -> String {
    let k = 0.5523 * r;
    format!(
        "{x1} {cy} m \
         {x1} {a} {b} {y1} {cx} {y1} c \
         {c} {y1} {x0} {a} {x0} {cy} c \
         {x0} {d} {c} {y0} {cx} {y0} c \
         {b} {y0} {x1} {d} {x1} {cy} c h ",
        x0 = cx - r,
        x1 = cx + r,
        y0 = cy - r,
        y1 = cy + r,
        a = cy + k,
        b = cx + k,
        c = cx - k,
        d = cy - k,
    )
}

/// A line of 10 pt Helvetica at (90, `y`).
fn text(y: f64, s: &str) -> String {
    format!("BT /F1 10 Tf 90 {y} Td ({s}) Tj ET ")
}

/// Page 1's lines when `shapes` are drawn under two lines of text at y 700 and 680.
fn with_shapes(shapes: &str) -> Vec<Line> {
    lines(&one_page(&format!(
        "{}{}{shapes}",
        text(700.0, "First item of the list"),
        text(680.0, "Second item of the list")
    )))
}

fn line_texts(lines: &[Line]) -> Vec<String> {
    lines.iter().map(Line::text).collect()
}

#[test]
fn filled_circle_is_a_disc_bullet() {
    // Centre 3 pt above the baseline, 8.5 pt before the text: where a browser puts it.
    let ls = with_shapes(&format!("{}f", circle(80.0, 703.0, 1.5)));
    assert_eq!(
        line_texts(&ls),
        ["• First item of the list", "Second item of the list"]
    );
    let line = &ls[0];
    let bullet = &line.spans[0];
    assert_eq!(bullet.text, "•");
    assert_eq!(bullet.style.script, Script::Normal);
    assert_eq!(bullet.style.size, Some(10.0));
    let b = bullet.bbox.expect("the bullet has its box");
    assert!(
        (b.x0 - 78.5).abs() < 0.01 && (b.x1 - 81.5).abs() < 0.01,
        "{b:?}"
    );
    assert!((b.y0 - (842.0 - 704.5)).abs() < 0.01, "{b:?}");
    // The line's box now starts at the bullet; the text keeps its own.
    assert!((line.bbox.unwrap().x0 - 78.5).abs() < 0.01);
    assert!((line.spans[1].bbox.unwrap().x0 - 90.0).abs() < 0.01);
    assert_eq!(line.font_size(), Some(10.0));
}

#[test]
fn stroked_circle_is_a_hollow_bullet_and_a_square_a_square_one() {
    let ls = with_shapes(&format!(
        "0.75 w {}S 78.5 681.5 3 3 re f",
        circle(80.0, 703.0, 1.5)
    ));
    assert_eq!(
        line_texts(&ls),
        ["◦ First item of the list", "▪ Second item of the list"]
    );
    // A ring (two circles filled even-odd) is hollow too; a stroked square is a square.
    let ls = with_shapes(&format!(
        "{}{}f* 78.5 681.5 3 3 re S",
        circle(80.0, 703.0, 1.6),
        circle(80.0, 703.0, 1.0)
    ));
    assert_eq!(
        line_texts(&ls),
        ["◦ First item of the list", "▪ Second item of the list"]
    );
}

#[test]
fn shapes_are_placed_with_the_ctm() {
    // Chromium's page: y flipped and scaled by 0.75; the disc drawn in its units.
    let flipped = format!(
        "q 0.75 0 0 -0.75 0 842 cm {}f Q",
        circle(80.0 / 0.75, (842.0 - 703.0) / 0.75, 2.0)
    );
    assert_eq!(
        line_texts(&with_shapes(&flipped))[0],
        "• First item of the list"
    );
    // The same disc drawn twice as large and scaled down.
    let scaled = format!("q 0.5 0 0 0.5 0 0 cm {}B Q", circle(160.0, 1406.0, 3.0));
    assert_eq!(
        line_texts(&with_shapes(&scaled))[0],
        "• First item of the list"
    );
}

#[test]
fn large_shapes_rules_and_far_shapes_are_not_bullets() {
    let plain = ["First item of the list", "Second item of the list"];
    for shapes in [
        // A box around the text.
        "80 690 200 25 re S".to_string(),
        // A large filled square beside it (a logo).
        "60 695 20 20 re f".to_string(),
        // A thin rule before the text, level with it, and an underline.
        "70 703 15 0.5 re f 90 677 100 0.6 re f".to_string(),
        // A short vertical bar.
        "84 699 0.8 8 re f".to_string(),
        // Bullet-sized shapes far from any text: off to the left, between the lines,
        // far below.
        format!("{}f", circle(30.0, 703.0, 1.5)),
        format!("{}f", circle(80.0, 691.0, 1.5)),
        "78.5 300 3 3 re f".to_string(),
        // After the text, not before it.
        format!("{}f", circle(220.0, 703.0, 1.5)),
        // An open stroke (a tick) and a disc too big for 10 pt text.
        "78 702 m 79.5 700 l 82 705 l S".to_string(),
        format!("{}f", circle(80.0, 703.0, 3.5)),
        // Drawn, then discarded or only used to clip.
        format!("{}n 78.5 681.5 3 3 re W n", circle(80.0, 703.0, 1.5)),
    ] {
        assert_eq!(line_texts(&with_shapes(&shapes)), plain, "{shapes}");
    }
}

#[test]
fn shapes_in_rows_inside_lines_or_beside_labels_are_not_bullets() {
    // A legend: squares in a row, each before a label.
    let legend = lines(&one_page(
        "BT /F1 10 Tf 90 700 Td (Exports) Tj 60 0 Td (Imports) Tj 60 0 Td (Balance) Tj ET \
         84 701.5 3 3 re f 144 701.5 3 3 re f 204 701.5 3 3 re f",
    ));
    assert!(
        line_texts(&legend).iter().all(|t| !t.contains('▪')),
        "{:?}",
        line_texts(&legend)
    );
    // A separator between words ("Home • About"), drawn as a disc.
    let nav = lines(&one_page(&format!(
        "BT /F1 10 Tf 90 700 Td (Home) Tj 20 0 Td (About us) Tj ET {}f",
        circle(120.0, 703.0, 1.5)
    )));
    assert!(
        line_texts(&nav).iter().all(|t| !t.contains('•')),
        "{:?}",
        line_texts(&nav)
    );
    // A point in a figure and its one-letter label.
    let figure = lines(&one_page(&format!(
        "BT /F1 10 Tf 90 700 Td (x) Tj ET {}f",
        circle(85.0, 703.0, 1.5)
    )));
    assert_eq!(line_texts(&figure), ["x"]);
}

#[test]
fn glyph_bullets_are_left_alone() {
    let page = |shapes: &str| {
        let mut b = PdfBuilder::new();
        b.std_font("F1", "Helvetica", Some("WinAnsiEncoding"));
        b.std_font("F2", "Courier", Some("WinAnsiEncoding"));
        b.std_font("F3", "Symbol", None);
        b.page(&format!(
            "BT /F1 10 Tf 90 700 Td (\\225 Disc in the text) Tj ET \
             BT /F2 10 Tf 90 680 Td (o) Tj /F1 10 Tf 12 0 Td (Courier o item) Tj ET \
             BT /F3 10 Tf 90 660 Td (\\267) Tj /F1 10 Tf 12 0 Td (Symbol bullet) Tj ET \
             {shapes}"
        ));
        line_texts(&lines(&b.build()))
    };
    let glyphs = page("");
    assert_eq!(
        glyphs,
        ["• Disc in the text", "o Courier o item", "• Symbol bullet"]
    );
    // Vector shapes beside them add nothing: the text already has its bullet.
    let shapes = format!(
        "{}f 78.5 681.5 3 3 re f {}S",
        circle(80.0, 703.0, 1.5),
        circle(80.0, 663.0, 1.5)
    );
    assert_eq!(page(&shapes), glyphs);
}

#[test]
fn widgets_and_hidden_shapes_are_not_bullets() {
    let mut b = PdfBuilder::new();
    b.std_font("F1", "Helvetica", Some("WinAnsiEncoding"));
    // A checkbox form field: its appearance draws a small box before the label.
    let ap = b.stream(
        dictionary! {
            "Type" => "XObject", "Subtype" => "Form",
            "BBox" => vec![0.into(), 0.into(), 3.into(), 3.into()],
        },
        b"0 0 3 3 re f",
    );
    let widget = b.doc.add_object(dictionary! {
        "Type" => "Annot", "Subtype" => "Widget", "FT" => "Btn",
        "Rect" => vec![78.5.into(), 701.5.into(), 81.5.into(), 704.5.into()],
        "AP" => dictionary! { "N" => ap },
    });
    let layer = b
        .doc
        .add_object(dictionary! { "Type" => "OCG", "Name" => Object::string_literal("Off") });
    let page = b.page_with(
        format!(
            "{}{}/OC /off BDC {}f EMC",
            text(700.0, "Tick to agree"),
            text(680.0, "Hidden disc before this"),
            circle(80.0, 683.0, 1.5)
        )
        .as_bytes(),
        dictionary! { "Annots" => vec![widget.into()] },
    );
    let font = b.font(
        "F9",
        dictionary! { "Type" => "Font", "Subtype" => "Type1", "BaseFont" => "Helvetica" },
    );
    if let Ok(Object::Dictionary(p)) = b.doc.get_object_mut(page) {
        p.set(
            "Resources",
            dictionary! {
                "Properties" => dictionary! { "off" => layer },
                "Font" => dictionary! { "F1" => font },
            },
        );
    }
    b.catalog(
        "OCProperties",
        dictionary! {
            "OCGs" => vec![layer.into()],
            "D" => dictionary! { "OFF" => vec![layer.into()] },
        },
    );
    assert_eq!(
        texts(&b.build()),
        ["Tick to agree", "Hidden disc before this"]
    );
}

#[test]
fn shapes_per_page_are_capped() {
    let content = format!(
        "{}{}f",
        text(700.0, "First item of the list"),
        circle(80.0, 703.0, 1.5)
    );
    let bytes = one_page(&content);
    let read = |max_shapes| {
        let mut report = Report::default();
        let doc = pdf::read_with(
            &bytes,
            &mut report,
            Limits {
                max_shapes,
                ..Default::default()
            },
        )
        .expect("reads");
        doc.pages[0].lines[0].text()
    };
    assert_eq!(read(1), "• First item of the list");
    assert_eq!(read(0), "First item of the list");
    // Thousands of small squares (a map's markers) cost nothing and break nothing.
    let mut many = text(700.0, "First item of the list");
    for i in 0..5000 {
        many.push_str(&format!(
            "{} {} 2 2 re f ",
            100 + (i % 50) * 8,
            100 + (i / 50) * 5
        ));
    }
    assert_eq!(texts(&one_page(&many)), ["First item of the list"]);
}

/// The bench's Chromium rendering of d10 (nested lists: disc, circle, square) against its
/// expectations: every bullet item's line starts with the glyph of its level, numbered
/// items with their number.
#[test]
fn chromium_bench_lists_get_their_bullets() {
    let Some(dir) = bench_docs_dir() else {
        return;
    };
    let doc_dir = dir.join("d10_cables");
    let pdf = doc_dir.join("input/d10_cables__chrome.pdf");
    let bytes = std::fs::read(&pdf).unwrap_or_else(|e| panic!("{}: {e}", pdf.display()));
    let expect: serde_json::Value = serde_json::from_slice(
        &std::fs::read(doc_dir.join("expect.json")).expect("expect.json reads"),
    )
    .expect("expect.json parses");
    let lines: Vec<String> = read(&bytes)
        .pages
        .iter()
        .flat_map(|p| p.lines.iter().map(Line::text))
        .collect();
    let items = expect["list_items"].as_array().expect("list_items");
    let mut bullets = 0;
    for item in items {
        let text = item["text"].as_str().expect("item text");
        // The item's first line holds the start of its text (lines wrap).
        let head: String = text
            .split_whitespace()
            .take(4)
            .collect::<Vec<_>>()
            .join(" ");
        let line = lines
            .iter()
            .find(|l| l.contains(&head))
            .unwrap_or_else(|| panic!("no line holds {head:?}"));
        let marker = line.split_whitespace().next().unwrap_or("");
        match item["kind"].as_str() {
            Some("bullet") => {
                bullets += 1;
                let want = match item["depth"].as_u64() {
                    Some(1) => "•",
                    Some(2) => "◦",
                    _ => "▪",
                };
                assert_eq!(marker, want, "{line:?} (depth {})", item["depth"]);
            }
            _ => assert!(
                !marker.starts_with(['•', '◦', '▪']),
                "a numbered item got a bullet: {line:?}"
            ),
        }
    }
    assert!(bullets >= 8, "only {bullets} bullet items checked");
    // Nothing else on the document got one.
    let with_bullet = lines
        .iter()
        .filter(|l| l.starts_with(['•', '◦', '▪']))
        .count();
    assert_eq!(with_bullet, bullets, "{lines:#?}");
}

#[test]
fn rotated_pages_keep_their_bullets() {
    let mut b = PdfBuilder::new();
    b.std_font("F1", "Helvetica", Some("WinAnsiEncoding"));
    b.page_with(
        format!(
            "{}{}f",
            text(700.0, "First item of the list"),
            circle(80.0, 703.0, 1.5)
        )
        .as_bytes(),
        dictionary! { "Rotate" => 90 },
    );
    assert_eq!(texts(&b.build()), ["• First item of the list"]);
}

#[test]
fn right_to_left_lines_take_the_bullet_on_their_right() {
    let mut b = PdfBuilder::new();
    let cmap = b.stream(
        lopdf::Dictionary::new(),
        &to_unicode_cmap(1, &[(0x61, "ש"), (0x62, "ל"), (0x63, "ו"), (0x64, "ם")]),
    );
    b.font(
        "F1",
        dictionary! {
            "Type" => "Font", "Subtype" => "Type1", "BaseFont" => "Helvetica",
            "Encoding" => "WinAnsiEncoding", "ToUnicode" => cmap,
        },
    );
    // "dcba" drawn left to right reads שלום from the right; the disc sits after its
    // right end, where a right-to-left list puts it.
    b.page(&format!(
        "BT /F1 10 Tf 90 700 Td (dcba dcba) Tj ET {}f",
        circle(140.0, 703.0, 1.5)
    ));
    assert_eq!(texts(&b.build()), ["• שלום שלום"]);
}
