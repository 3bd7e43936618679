//! Fonts, encodings, CMaps and widths, on PDFs the tests write.

mod support;

use lopdf::{Object, dictionary};
use support::*;

fn close(a: f32, b: f32) -> bool {
    (a - b).abs() < 0.05
}

/// One page showing `string` (PDF string syntax) in font `/F1` built from `font`.
fn show(font: lopdf::Dictionary, string: &str) -> Vec<brief2md::source::Line> {
    let mut b = PdfBuilder::new();
    b.font("F1", font);
    b.page(&format!("BT /F1 10 Tf 72 700 Td {string} Tj ET"));
    lines(&b.build())
}

fn type1(base: &str) -> lopdf::Dictionary {
    dictionary! { "Type" => "Font", "Subtype" => "Type1", "BaseFont" => base }
}

#[test]
fn base_encodings() {
    let mut f = type1("Helvetica");
    f.set("Encoding", "WinAnsiEncoding");
    assert_eq!(
        show(f, r"(\223quoted\224 caf\351 \200)")[0].text(),
        "“quoted” café €"
    );
    let mut f = type1("Helvetica");
    f.set("Encoding", "MacRomanEncoding");
    assert_eq!(show(f, r"(caf\216 \322x\323)")[0].text(), "café “x”");
    // No /Encoding on a Latin Type 1 font: StandardEncoding (curly quote at 0x27).
    assert_eq!(show(type1("Times-Roman"), "(it's)")[0].text(), "it’s");
    let mut f = type1("Helvetica");
    f.set("Encoding", "PDFDocEncoding");
    assert_eq!(show(f, r"(\200 item)")[0].text(), "• item");
}

#[test]
fn symbol_and_dingbat_bullets_from_builtin_encodings() {
    assert_eq!(show(type1("Symbol"), r"(\267 a)")[0].text(), "• α");
    assert_eq!(show(type1("ZapfDingbats"), "(l b)")[0].text(), "● ❂");
}

#[test]
fn differences_through_the_glyph_list() {
    let mut f = type1("Helvetica");
    f.set(
        "Encoding",
        dictionary! {
            "Type" => "Encoding",
            "BaseEncoding" => "WinAnsiEncoding",
            "Differences" => vec![
                65.into(), "f_i".into(), "uni00E9".into(), "bullet".into(), "A.sc".into(), "g17".into(),
            ],
        },
    );
    // A→fi, B→é, C→•, D→A (suffix dropped), E keeps the base letter (unknown name).
    assert_eq!(show(f, "(ABCDE x)")[0].text(), "fié•AE x");
}

#[test]
fn tex_math_glyph_names_the_glyph_list_lacks() {
    // A font named like TeX's symbol font, with no ToUnicode: its codes name glyphs
    // (`mapsto`, `bardbl`, `triangle`, `prime`) that the Adobe Glyph List does not hold.
    let mut f = type1("BIKXFS+CMSY10");
    f.set(
        "Encoding",
        dictionary! {
            "Type" => "Encoding",
            "Differences" => vec![
                48.into(), "prime".into(), 52.into(), "triangle".into(), 55.into(), "mapsto".into(),
                107.into(), "bardbl".into(),
            ],
        },
    );
    let mut b = PdfBuilder::new();
    b.font("F1", f);
    b.font("F2", type1("Times-Roman"));
    b.page(
        "BT /F2 10 Tf 72 700 Td (x ) Tj /F1 10 Tf (7) Tj /F2 10 Tf ( A) Tj /F1 10 Tf (0) Tj \
         /F2 10 Tf ( and ) Tj /F1 10 Tf (4) Tj /F2 10 Tf (ABC and ) Tj /F1 10 Tf (k) Tj \
         /F2 10 Tf (x) Tj /F1 10 Tf (k) Tj ET",
    );
    let text: String = lines(&b.build()).iter().map(|l| l.text()).collect();
    assert_eq!(
        text,
        "x \u{21A6} A\u{2032} and \u{25B3}ABC and \u{2016}x\u{2016}"
    );
    // Elsewhere such a name may name any drawing: a `/triangle` glyph at `b` in another
    // font keeps the code's reading.
    let mut f = type1("Helvetica");
    f.set(
        "Encoding",
        dictionary! { "Type" => "Encoding", "Differences" => vec![98.into(), "triangle".into()] },
    );
    assert_eq!(show(f, "(ab)")[0].text(), "ab");
}

#[test]
fn tex_negation_slash_composes_with_the_sign_after_it() {
    // TeX draws `\neq` as the symbol font's `negationslash` (no advance) and then `=`
    // from the roman font at the same place; `\notin` as the slash and then `element`.
    // Read as U+0338 alone, the slash was lost and "x ≠ y" printed as "x = y".
    let mut f = type1("BIKXFS+CMSY10");
    f.set(
        "Encoding",
        dictionary! {
            "Type" => "Encoding",
            "Differences" => vec![50.into(), "element".into(), 54.into(), "negationslash".into()],
        },
    );
    f.set("FirstChar", 50);
    f.set("LastChar", 54);
    f.set(
        "Widths",
        vec![667.into(), 0.into(), 0.into(), 0.into(), 0.into()],
    );
    let mut b = PdfBuilder::new();
    b.font("F1", f);
    b.font("F2", type1("Times-Roman"));
    b.page(
        "BT /F2 10 Tf 72 700 Td (x ) Tj /F1 10 Tf (6) Tj /F2 10 Tf (= y and z ) Tj \
         /F1 10 Tf (62) Tj /F2 10 Tf ( A, ) Tj /F1 10 Tf (6) Tj /F2 10 Tf (cite) Tj ET",
    );
    let text: String = lines(&b.build()).iter().map(|l| l.text()).collect();
    // Over a letter the slash strikes something else (a word set above an arrow): the
    // word keeps its letters.
    assert_eq!(text, "x \u{2260} y and z \u{2209} A, cite");
}

#[test]
fn to_unicode_wins_over_the_encoding() {
    let mut b = PdfBuilder::new();
    let cmap = b.stream(
        lopdf::Dictionary::new(),
        &to_unicode_cmap(1, &[(0x41, "Z"), (0x42, "ffl")]),
    );
    let mut f = type1("Helvetica");
    f.set("Encoding", "WinAnsiEncoding");
    f.set("ToUnicode", cmap);
    b.font("F1", f);
    b.page("BT /F1 10 Tf 72 700 Td (ABC) Tj ET");
    assert_eq!(texts(&b.build()), ["ZfflC"]);
}

#[test]
fn type0_identity_h_with_to_unicode_and_cid_widths() {
    let mut b = PdfBuilder::new();
    let cmap = b.stream(
        lopdf::Dictionary::new(),
        &to_unicode_cmap(2, &[(1, "A"), (2, "B"), (3, " ")]),
    );
    let cid_font = b.doc.add_object(dictionary! {
        "Type" => "Font",
        "Subtype" => "CIDFontType2",
        "BaseFont" => "ABCDEF+Noto-Bold",
        "CIDSystemInfo" => dictionary! {
            "Registry" => Object::string_literal("Adobe"),
            "Ordering" => Object::string_literal("Identity"),
            "Supplement" => 0,
        },
        "DW" => 1000,
        "W" => vec![1.into(), vec![Object::Integer(500), Object::Integer(600)].into(), 3.into(), 3.into(), 250.into()],
    });
    b.font(
        "F1",
        dictionary! {
            "Type" => "Font",
            "Subtype" => "Type0",
            "BaseFont" => "ABCDEF+Noto-Bold",
            "Encoding" => "Identity-H",
            "DescendantFonts" => vec![cid_font.into()],
            "ToUnicode" => cmap,
        },
    );
    b.page("BT /F1 10 Tf 72 700 Td <00010002000300010001> Tj ET");
    let ls = lines(&b.build());
    assert_eq!(ls[0].text(), "AB AA");
    let span = &ls[0].spans[0];
    assert_eq!(
        span.style.font.as_deref(),
        Some("Noto-Bold"),
        "subset prefix removed"
    );
    assert!(span.style.bold);
    // Widths: A 5, B 6, space 2.5, A 5, A 5 → 23.5 points at size 10.
    assert!(close(ls[0].bbox.unwrap().width(), 23.5), "{:?}", ls[0].bbox);
}

#[test]
fn predefined_cmap_with_collection_unicode() {
    let mut b = PdfBuilder::new();
    let cid_font = b.doc.add_object(dictionary! {
        "Type" => "Font",
        "Subtype" => "CIDFontType0",
        "BaseFont" => "Ryumin-Light",
        "CIDSystemInfo" => dictionary! {
            "Registry" => Object::string_literal("Adobe"),
            "Ordering" => Object::string_literal("Japan1"),
            "Supplement" => 2,
        },
    });
    b.font(
        "F1",
        dictionary! {
            "Type" => "Font",
            "Subtype" => "Type0",
            "BaseFont" => "Ryumin-Light",
            "Encoding" => "90ms-RKSJ-H",
            "DescendantFonts" => vec![cid_font.into()],
        },
    );
    // Shift-JIS: "Ab" in one-byte codes, then 日本 (0x93FA 0x967B).
    b.page("BT /F1 10 Tf 72 700 Td <4162> Tj 30 0 Td <93FA967B> Tj ET");
    assert_eq!(texts(&b.build()), ["Ab 日本"]);
}

#[test]
fn widths_from_widths_array_and_standard_metrics() {
    // No /Widths: Helvetica's AFM. "Hello" = 722+556+222+222+556 = 2278 → 22.78 pt.
    let ls = show(type1("Helvetica"), "(Hello)");
    assert!(
        close(ls[0].bbox.unwrap().width(), 22.78),
        "{:?}",
        ls[0].bbox
    );
    // An explicit /Widths array wins.
    let mut f = type1("Helvetica");
    f.set("FirstChar", 72);
    f.set("LastChar", 72);
    f.set("Widths", vec![Object::Integer(1000)]);
    let ls = show(f, "(HH)");
    assert!(close(ls[0].bbox.unwrap().width(), 20.0), "{:?}", ls[0].bbox);
    // Bold and italic come from the name.
    let ls = show(type1("Times-BoldItalic"), "(x)");
    assert!(ls[0].spans[0].style.bold && ls[0].spans[0].style.italic);
}

#[test]
fn type3_font_with_numbered_glyph_names() {
    let mut f = dictionary! {
        "Type" => "Font",
        "Subtype" => "Type3",
        "FontMatrix" => vec![0.01.into(), 0.into(), 0.into(), 0.01.into(), 0.into(), 0.into()],
        "FontBBox" => vec![0.into(), Object::Integer(-20), 80.into(), 80.into()],
        "FirstChar" => 97,
        "LastChar" => 99,
        "Widths" => vec![Object::Integer(50), Object::Integer(50), Object::Integer(50)],
        "Encoding" => dictionary! {
            "Type" => "Encoding",
            "Differences" => vec![97.into(), "a97".into(), "a98".into(), "a99".into()],
        },
        "CharProcs" => lopdf::Dictionary::new(),
    };
    f.set("Resources", lopdf::Dictionary::new());
    let ls = show(f, "(abc)");
    // TeX's bitmap fonts name glyphs by their code: not the dingbats a97…a99.
    assert_eq!(ls[0].text(), "abc");
    assert_eq!(ls[0].spans[0].style.size, Some(10.0));
    // Widths scale by the FontMatrix: 3 × 50 × 0.01 × 10 pt.
    assert!(close(ls[0].bbox.unwrap().width(), 15.0), "{:?}", ls[0].bbox);
}

/// Adds a simple font whose codes a, b, c are the Hebrew letters alef, bet, gimel.
fn hebrew_font(b: &mut PdfBuilder, name: &str) {
    let cmap = b.stream(
        lopdf::Dictionary::new(),
        &to_unicode_cmap(
            1,
            &[(0x61, "\u{5d0}"), (0x62, "\u{5d1}"), (0x63, "\u{5d2}")],
        ),
    );
    let mut f = type1("Helvetica");
    f.set("ToUnicode", cmap);
    b.font(name, f);
}

#[test]
fn right_to_left_text_comes_out_in_reading_order() {
    // A simple font whose codes a, b, c are the Hebrew letters alef, bet, gimel. Drawn
    // left to right in visual order, "cba" is the word alef-bet-gimel read from the
    // right; ActualText is already in reading order and stays as written.
    let mut b = PdfBuilder::new();
    hebrew_font(&mut b, "F1");
    b.page(
        "BT /F1 10 Tf 72 700 Td (cba) Tj ET \
         BT /F1 10 Tf 72 650 Td /Span << /ActualText <FEFF05D005D105D2> >> BDC (abc) Tj EMC ET",
    );
    assert_eq!(
        texts(&b.build()),
        ["\u{5d0}\u{5d1}\u{5d2}", "\u{5d0}\u{5d1}\u{5d2}"]
    );
}

#[test]
fn a_number_in_right_to_left_text_keeps_its_order_across_fonts() {
    // A Persian or Hebrew section number as a word processor draws it: the digits in
    // one font, the dashes in another, so each glyph is a piece of its own. Read from
    // the right, "2-5-" stands before the word; the number is drawn left to right, the
    // dash after it (a neutral of the right-to-left text) to its left.
    let mut b = PdfBuilder::new();
    hebrew_font(&mut b, "F1");
    b.font("F2", type1("Helvetica"));
    b.font("F3", type1("Courier"));
    // Visual order, left to right: the Hebrew word, a space, "-", "2", "-", "5"; drawn in
    // the stream order of the number first.
    b.page(
        "BT /F2 10 Tf 86 700 Td (2) Tj ET \
         BT /F3 10 Tf 91.56 700 Td (-) Tj ET \
         BT /F2 10 Tf 97.56 700 Td (5) Tj ET \
         BT /F3 10 Tf 80 700 Td (-) Tj ET \
         BT /F1 10 Tf 60 700 Td (cba) Tj ET",
    );
    assert_eq!(texts(&b.build()), ["2-5- \u{5d0}\u{5d1}\u{5d2}"]);
}

#[test]
fn glyphs_without_unicode_are_named_in_a_warning_not_dropped_silently() {
    // An embedded-style font whose glyph names only number its glyphs (`/g18`) and that
    // has no ToUnicode: nothing says what its codes are. Another font prints readable text.
    let mut b = PdfBuilder::new();
    b.font(
        "F1",
        dictionary! {
            "Type" => "Font", "Subtype" => "Type1", "BaseFont" => "EMMOLK+Cambria",
            "FirstChar" => 2, "LastChar" => 4,
            "Widths" => vec![500.into(), 500.into(), 500.into()],
            "Encoding" => dictionary! {
                "Type" => "Encoding",
                "Differences" => vec![2.into(), "g18".into(), "g152".into(), "g135".into()],
            },
        },
    );
    b.font("F2", type1("Helvetica"));
    b.page(
        "BT /F2 10 Tf 72 720 Td (Readable line) Tj ET \
         BT /F1 10 Tf 72 700 Td (\\002\\003\\004\\002) Tj ET",
    );
    b.page("BT /F1 10 Tf 72 700 Td (\\003\\003) Tj ET");
    let mut report = brief2md::report::Report::default();
    let doc = brief2md::readers::pdf::read(b.build(), &mut report).expect("reads");
    assert_eq!(doc.pages[0].lines[0].text(), "Readable line");
    let unread: Vec<_> = report
        .warnings
        .iter()
        .filter(|w| w.contains("no Unicode mapping"))
        .collect();
    assert_eq!(unread.len(), 1, "{:?}", report.warnings);
    assert!(
        unread[0].starts_with("6 glyph(s)") && unread[0].contains("6 in Cambria on pages 1-2"),
        "{}",
        unread[0]
    );
    // Readable fonts alone raise no such warning.
    let mut report = brief2md::report::Report::default();
    brief2md::readers::pdf::read(one_page("BT /F1 10 Tf 72 700 Td (fine) Tj ET"), &mut report)
        .expect("reads");
    assert!(report.warnings.is_empty(), "{:?}", report.warnings);
}

#[test]
fn unreadable_glyphs_leave_their_codes_in_the_report() {
    // A font whose codes (2, 3, 4: control codes, as in the PDF this mimics) name no
    // characters (`/g87`...) and no ToUnicode: its words cannot be read, but the report
    // keeps each glyph as the character of the number its name gives (`g87` as "W", what
    // pdftotext prints), a word per run of glyphs set one after the other.
    let mut b = PdfBuilder::new();
    b.font(
        "F1",
        dictionary! {
            "Type" => "Font", "Subtype" => "Type1", "BaseFont" => "NKDKLM+HelveticaNeueLTCom-Roman",
            "FirstChar" => 2, "LastChar" => 4,
            "Widths" => vec![500.into(), 500.into(), 500.into()],
            "Encoding" => dictionary! {
                "Type" => "Encoding",
                "Differences" => vec![
                    2.into(), "g87".into(), "g75".into(), "g72".into(),
                ],
            },
        },
    );
    b.font("F2", type1("Helvetica"));
    b.page(
        "BT /F1 10 Tf 72 700 Td [(\\002) -10 (\\003\\004)] TJ 40 0 Td (\\003\\004) Tj ET \
         BT /F1 10 Tf 72 680 Td (\\004\\002) Tj /F2 10 Tf (and) Tj /F1 10 Tf (\\002) Tj ET",
    );
    let mut report = brief2md::report::Report::default();
    brief2md::readers::pdf::read(b.build(), &mut report).expect("reads");
    let codes: Vec<_> = report
        .actions
        .iter()
        .filter(|a| a.kind == brief2md::report::ActionKind::Unreadable)
        .map(|a| (a.page, a.before.as_deref()))
        .collect();
    assert_eq!(codes, [(Some(1), Some("WKH KH HW W"))]);
}

#[test]
fn glyphs_coded_in_order_of_use_get_no_guessed_character() {
    // A subset font whose codes were handed out in order of use (2, 3, ... 33, 34: the
    // first ones control codes) to glyphs named by number. Code 33 is "!" in the base
    // encoding, but nothing says glyph `g78` is an exclamation mark: it prints nothing and
    // is listed in the report, like its neighbours.
    let by_order = dictionary! {
        "Type" => "Encoding",
        "Differences" => vec![2.into(), "g87".into(), "g75".into(), 33.into(), "g78".into()],
    };
    let mut b = PdfBuilder::new();
    let mut f = type1("NKDKLM+HelveticaNeueLTCom-Roman");
    f.set("Encoding", by_order);
    b.font("F1", f);
    b.font("F2", type1("Helvetica"));
    b.page("BT /F2 10 Tf 72 720 Td (Readable) Tj ET BT /F1 10 Tf 72 700 Td (\\002\\003!) Tj ET");
    let mut report = brief2md::report::Report::default();
    let doc = brief2md::readers::pdf::read(b.build(), &mut report).expect("reads");
    let text: Vec<_> = doc.pages[0].lines.iter().map(|l| l.text()).collect();
    assert_eq!(text, ["Readable"]);
    let codes: Vec<_> = report
        .actions
        .iter()
        .filter(|a| a.kind == brief2md::report::ActionKind::Unreadable)
        .filter_map(|a| a.before.as_deref())
        .collect();
    assert_eq!(codes, ["WKN"]);
    // Codes kept at their characters (no control code among them): an unknown name there
    // keeps the base encoding's character.
    let mut f = type1("Helvetica");
    f.set(
        "Encoding",
        dictionary! {
            "Type" => "Encoding",
            "Differences" => vec![33.into(), "g78".into(), 65.into(), "g36".into()],
        },
    );
    assert_eq!(show(f, "(A!)")[0].text(), "A!");
}

#[test]
fn symbol_font_codes_are_read_as_the_signs_their_charts_print() {
    // A Wingdings font with neither encoding nor map (its codes are Wingdings codes: 0xFC
    // a check mark, "o" a white square) and Word's SymbolMT, whose map writes its arrow
    // as the private-use U+F0AE. Each sign is reported with the text it replaced.
    let mut b = PdfBuilder::new();
    b.font(
        "F1",
        dictionary! { "Type" => "Font", "Subtype" => "TrueType", "BaseFont" => "Wingdings" },
    );
    let map = b.stream(
        lopdf::Dictionary::new(),
        b"/CIDInit /ProcSet findresource begin 12 dict begin begincmap
1 begincodespacerange <00> <FF> endcodespacerange
1 beginbfchar <AE> <F0AE> endbfchar
endcmap CMapName currentdict /CMap defineresource pop end end",
    );
    b.font(
        "F2",
        dictionary! {
            "Type" => "Font", "Subtype" => "TrueType", "BaseFont" => "SymbolMT",
            "Encoding" => "WinAnsiEncoding", "ToUnicode" => map,
        },
    );
    b.font("F3", type1("Helvetica"));
    b.page(
        "BT /F1 10 Tf 72 700 Td (\\374) Tj /F3 10 Tf ( Done ) Tj /F1 10 Tf (o) Tj \
         /F3 10 Tf ( Open) Tj ET \
         BT /F3 10 Tf 72 680 Td (Schemas ) Tj /F2 10 Tf (\\256) Tj /F3 10 Tf ( Tables) Tj ET",
    );
    let mut report = brief2md::report::Report::default();
    let doc = brief2md::readers::pdf::read(b.build(), &mut report).expect("reads");
    let text: Vec<String> = doc.pages[0].lines.iter().map(|l| l.text()).collect();
    assert_eq!(text, ["✓ Done □ Open", "Schemas → Tables"]);
    let charted: Vec<_> = report
        .actions
        .iter()
        .filter(|a| a.kind == brief2md::report::ActionKind::CharactersRepaired)
        .map(|a| (a.page, a.before.as_deref(), a.after.as_deref()))
        .collect();
    assert_eq!(
        charted,
        [
            (Some(1), Some("ü o"), Some("✓ □")),
            (Some(1), Some("\u{F0AE}"), Some("→"))
        ]
    );
}

/// An InDesign export of Adobe Garamond Pro names its ligatures in `/Differences`
/// (`T_h`, `f_i`, `f_f`, `f_t`) while its ToUnicode map gives each only its last letter:
/// "he", "irm", "oten" for "The", "firm", "often". The names' letters are the glyphs';
/// a map giving a whole ligature, or a letter the name does not spell, still wins.
#[test]
fn a_ligature_the_map_cuts_to_one_letter_reads_by_its_name() {
    let mut b = PdfBuilder::new();
    let cmap = b.stream(
        lopdf::Dictionary::new(),
        &support::to_unicode_cmap(
            1,
            &[
                (29, "f"),
                (30, "i"),
                (31, "h"),
                (28, "ft"),
                (27, "q"),
                (101, "e"),
                (114, "r"),
                (109, "m"),
                (111, "o"),
                (110, "n"),
            ],
        ),
    );
    b.font(
        "F1",
        dictionary! {
            "Type" => "Font", "Subtype" => "Type1", "BaseFont" => "ICESAF+AGaramondPro-Regular",
            "FirstChar" => 27, "LastChar" => 114,
            "Widths" => vec![Object::Integer(500); 88],
            "Encoding" => dictionary! {
                "Type" => "Encoding", "BaseEncoding" => "WinAnsiEncoding",
                "Differences" => vec![27.into(), "f_l".into(), "f_t".into(), "f_f".into(), "f_i".into(), "T_h".into()],
            },
            "ToUnicode" => cmap,
        },
    );
    b.page("BT /F1 10 Tf 72 720 Td (\\037e \\036rm o\\034en \\035 \\033) Tj ET");
    assert_eq!(texts(&b.build()), ["The firm often ff q"]);
}

/// A Type 0 font whose `/ToUnicode` is Adobe's `Identity-H` CMap itself (code → CID
/// ranges, no text), as pdfbox's PDFBOX-4322 file has it, or the name `/Identity-H`:
/// the writer states each code is its own Unicode value, and the text reads so. A
/// ToUnicode map of another name that maps no text leaves the glyphs unread.
#[test]
fn an_identity_cmap_given_as_the_to_unicode_map_reads_codes_as_unicode() {
    let identity = |cmap_name: &str| {
        format!(
            "/CIDInit /ProcSet findresource begin 12 dict begin begincmap\n\
             /CMapName /{cmap_name} def /CMapType 1 def\n\
             1 begincodespacerange <0000> <FFFF> endcodespacerange\n\
             1 begincidrange <0000> <FFFF> 0 endcidrange\n\
             endcmap CMapName currentdict /CMap defineresource pop end end"
        )
    };
    let page = |to_unicode: Option<&str>, name_only: bool| {
        let mut b = PdfBuilder::new();
        let mut font = dictionary! {
            "Type" => "Font", "Subtype" => "Type0", "BaseFont" => "Calibri",
            "Encoding" => "Identity-H",
        };
        let descendant = dictionary! {
            "Type" => "Font", "Subtype" => "CIDFontType2", "BaseFont" => "Calibri",
            "CIDSystemInfo" => dictionary! {
                "Registry" => Object::string_literal("Adobe"),
                "Ordering" => Object::string_literal("Identity"),
                "Supplement" => 0,
            },
            "DW" => 500,
        };
        font.set("DescendantFonts", vec![Object::Dictionary(descendant)]);
        if name_only {
            font.set("ToUnicode", Object::Name(b"Identity-H".to_vec()));
        } else if let Some(cmap) = to_unicode {
            let id = b.stream(lopdf::Dictionary::new(), cmap.as_bytes());
            font.set("ToUnicode", id);
        }
        b.font("F1", font);
        b.page("BT /F1 12 Tf 72 700 Td <004A0075007300740069006E> Tj ET");
        support::texts(&b.build())
    };
    assert_eq!(page(Some(&identity("Identity-H")), false), ["Justin"]);
    assert_eq!(page(None, true), ["Justin"]);
    // Control: a map of another name with no text in it gives the glyphs no text.
    assert_ne!(page(Some(&identity("Custom-Map")), false), ["Justin"]);
}
