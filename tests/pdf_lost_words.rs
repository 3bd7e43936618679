//! Words the reader once lost or garbled on real PDFs (the harm script's findings),
//! rebuilt as small PDFs the tests write.

mod support;

use lopdf::dictionary;
use support::*;

/// A patent's line numbers sit in the gutter half way between two lines of the left
/// column, on the baseline of the right column's line: a script of both left lines, but
/// it must not chain them into one line, whose words would be read interleaved.
#[test]
fn a_gutter_number_between_two_lines_does_not_join_them() {
    let ls = lines(&one_page(
        "BT /F1 12 Tf 87.0 700 Td (Said to be wearable insofar as they) Tj ET \
         BT /F1 12 Tf 72 690 Td (person's body. For example, U.S. Pat.) Tj ET \
         BT /F1 11.5 Tf 292 695 Td (as hamsters or mice.) Tj ET \
         BT /F1 12 Tf 72 660 Td (one) Tj ET BT /F1 12 Tf 72 640 Td (two) Tj ET \
         BT /F1 12 Tf 72 620 Td (three) Tj ET BT /F1 12 Tf 72 600 Td (four) Tj ET \
         BT /F1 7 Tf 279 695 Td (10) Tj ET",
    ));
    let texts: Vec<String> = ls.iter().map(|l| l.text()).collect();
    for want in [
        "Said to be wearable insofar as they",
        "person's body. For example, U.S. Pat.",
    ] {
        assert!(
            texts.iter().any(|t| t.starts_with(want)),
            "{want:?} not read as a line of its own: {texts:?}"
        );
    }
    assert!(
        texts
            .iter()
            .any(|t| t.ends_with("as hamsters or mice.") && t.contains("10")),
        "the number joins the line on its baseline: {texts:?}"
    );
}

/// TeX files whose `/ToUnicode` maps the `ffi` ligature to U+0000 and `ff` to U+21B5 (↵):
/// the glyph names in `/Differences` say which letters they are. A glyph mapped to
/// nothing that is not named as a ligature still reads as nothing.
#[test]
fn ligatures_mapped_to_nothing_or_a_symbol_read_by_their_glyph_names() {
    let mut b = PdfBuilder::new();
    let cmap = b.stream(
        lopdf::Dictionary::new(),
        &to_unicode_cmap(
            1,
            &[(33, "\0"), (34, "\u{21b5}"), (35, "\0"), (36, "\u{2192}")],
        ),
    );
    let font = dictionary! {
        "Type" => "Font",
        "Subtype" => "Type1",
        "BaseFont" => "CMR10",
        "Encoding" => dictionary! {
            "Type" => "Encoding",
            "BaseEncoding" => "WinAnsiEncoding",
            "Differences" => vec![33.into(), "ffi".into(), "ff".into(), "paragraph".into(), "A".into()],
        },
        "ToUnicode" => cmap,
    };
    b.font("F1", font);
    b.page("BT /F1 10 Tf 72 700 Td (di!culties di\"erent x#y $) Tj ET");
    let text = texts(&b.build()).join(" ");
    // Later passes fold the ligature characters into letters.
    assert!(
        text.starts_with("di\u{fb03}culties di\u{fb00}erent"),
        "{text}"
    );
    // Not a ligature: the map's word stands, nothing for ¶ and the arrow for /A.
    assert!(text.ends_with("x y \u{2192}"), "{text}");
}

/// A page showing "H", a glyph whose `/ToUnicode` destination is empty (`<0003> <>`), then
/// "i", in a Type0 font where that glyph is `mark_width` wide.
fn page_with_an_empty_destination(mark_width: i64) -> Vec<u8> {
    let mut b = PdfBuilder::new();
    let cmap = b.stream(
        lopdf::Dictionary::new(),
        b"/CIDInit /ProcSet findresource begin 12 dict begin begincmap\n\
          /CMapName /Test def\n1 begincodespacerange <0000> <FFFF> endcodespacerange\n\
          3 beginbfchar\n<0041> <0048>\n<0003> <>\n<0042> <0069>\nendbfchar\n\
          endcmap CMapName currentdict /CMap defineresource pop end end\n",
    );
    let descendant = b.doc.add_object(dictionary! {
        "Type" => "Font", "Subtype" => "CIDFontType2", "BaseFont" => "Sub",
        "W" => vec![
            3.into(), vec![lopdf::Object::Integer(mark_width)].into(),
            0x41.into(), 0x42.into(), 500.into(),
        ],
    });
    b.font(
        "F1",
        dictionary! {
            "Type" => "Font", "Subtype" => "Type0", "BaseFont" => "Sub",
            "Encoding" => "Identity-H", "DescendantFonts" => vec![descendant.into()],
            "ToUnicode" => cmap,
        },
    );
    b.page("BT /F1 10 Tf 72 700 Td <004100030042> Tj ET");
    b.build()
}

/// WeasyPrint gives the second glyph of a shaped cluster an empty destination
/// (`<0003> <>`) in `/ToUnicode`: that glyph has no text, and the rest of the map stands
/// (a map rejected over it left every glyph of the font to guesswork).
#[test]
fn an_empty_to_unicode_destination_keeps_the_rest_of_the_map() {
    // The empty glyph takes no room, as a mark or a cluster's tail does.
    let bytes = page_with_an_empty_destination(0);
    assert_eq!(texts(&bytes), ["Hi"]);
}

/// A glyph with ink whose map says on purpose it has no text (a mark of a shaped
/// cluster) is not "no Unicode mapping": the warning would send a reader looking for
/// text that was never missing.
#[test]
fn a_mark_the_map_leaves_empty_is_not_reported_as_unreadable() {
    // This time the mark has a width of its own.
    let bytes = page_with_an_empty_destination(300);
    let c = brief2md::convert(&bytes, &brief2md::Options::default()).expect("converts");
    assert!(
        !c.report
            .warnings
            .iter()
            .any(|w| w.contains("no Unicode mapping")),
        "{:?}",
        c.report.warnings
    );
}

/// Converts a PDF: the Markdown and the report's (kind, text removed) pairs.
fn markdown_and_removals(bytes: &[u8]) -> (String, Vec<(String, String)>) {
    let c = brief2md::convert(bytes, &brief2md::Options::default()).expect("converts");
    let md = brief2md::writers::markdown::write(&c.document, &Default::default());
    let removed = c
        .report
        .actions
        .iter()
        .filter_map(|a| Some((format!("{:?}", a.kind), a.before.clone()?)))
        .collect();
    (md, removed)
}

/// A label drawn mid-page after the body (a diagram's caption word, set on each page of a
/// manual) is read as one of the page's last lines and repeats on every page, but it sits
/// where no running header or footer does: it stays. The header over each page goes.
#[test]
fn a_repeated_label_in_the_middle_of_the_page_is_not_a_running_header() {
    let mut b = PdfBuilder::new();
    b.std_font("F1", "Helvetica", Some("WinAnsiEncoding"));
    for n in 1..=3 {
        b.page(&format!(
            "BT /F1 9 Tf 72 800 Td (Harbour Drawing Manual) Tj ET \
             BT /F1 11 Tf 72 740 Td (Page {n} shows how the drawing tool sets a shape at an angle.) Tj ET \
             BT /F1 11 Tf 72 726 Td (Each figure below turns the same square by another amount.) Tj ET \
             BT /F1 11 Tf 72 712 Td (The label under the figure names the tool that was used.) Tj ET \
             BT /F1 14 Tf 250 470 Td (Rotation) Tj ET"
        ));
    }
    let (md, removed) = markdown_and_removals(&b.build());
    assert_eq!(md.matches("Rotation").count(), 3, "{md}\n{removed:?}");
    assert!(!md.contains("Harbour Drawing Manual"), "{md}");
    assert!(
        !removed.iter().any(|(_, t)| t.contains("Rotation")),
        "{removed:?}"
    );
    assert_eq!(
        removed
            .iter()
            .filter(|(_, t)| t == "Harbour Drawing Manual")
            .count(),
        3,
        "{removed:?}"
    );
}

/// Pages that print nothing but the same two lines (a test sheet turned on each page):
/// the repeats are the whole text, not furniture around it, and the output keeps them.
#[test]
fn a_document_made_only_of_repeated_lines_keeps_them() {
    let mut b = PdfBuilder::new();
    b.std_font("F1", "Helvetica", Some("WinAnsiEncoding"));
    for _ in 0..4 {
        b.page(
            "BT /F1 12 Tf 72 770 Td (Sample label one) Tj ET \
             BT /F1 12 Tf 72 750 Td (Sample label two) Tj ET",
        );
    }
    let (md, removed) = markdown_and_removals(&b.build());
    assert!(md.contains("Sample label one"), "{md}\n{removed:?}");
    assert!(md.contains("Sample label two"), "{md}\n{removed:?}");
    assert!(
        !removed.iter().any(|(k, _)| k.contains("RunningHeader")),
        "{removed:?}"
    );
}
