//! Hostile input: truncated files, random bytes, mutated files, runaway content. None may
//! panic; failures must be one-line errors.

mod support;

use brief2md::readers::pdf::{self, Limits};
use brief2md::report::Report;
use brief2md::{Error, Options, convert};
use lopdf::{Dictionary, dictionary};
use support::*;

/// A small but feature-rich PDF: two pages, a form, a CID font with a CMap, links.
fn sample() -> Vec<u8> {
    let mut b = PdfBuilder::new();
    b.std_font("F1", "Helvetica", Some("WinAnsiEncoding"));
    b.identity_type0_font("F2", &[(1, "x"), (2, "y")]);
    let form = b.stream(
        dictionary! { "Type" => "XObject", "Subtype" => "Form", "BBox" => vec![0.into(), 0.into(), 10.into(), 10.into()] },
        b"BT /F1 9 Tf 0 0 Td (form) Tj ET",
    );
    b.xobject("X", form);
    b.page("BT /F1 12 Tf 72 700 Td (Title of the brief) Tj /F1 7 Tf 4 Ts (1) Tj ET q /X Do Q");
    b.page("BT /F2 10 Tf 72 700 Td <00010002> Tj ET");
    b.build()
}

fn read_quietly(bytes: &[u8]) -> Result<(), Error> {
    let mut report = Report::default();
    pdf::read(bytes, &mut report).map(|_| ())
}

#[test]
fn sample_reads() {
    let doc = read(&sample());
    assert_eq!(doc.pages.len(), 2);
    assert_eq!(doc.pages[1].lines[0].text(), "xy");
}

#[test]
fn every_truncation_is_an_error_or_a_document_never_a_panic() {
    let bytes = sample();
    let mut ok = 0;
    for len in 0..bytes.len() {
        let prefix = &bytes[..len];
        let r = std::panic::catch_unwind(|| read_quietly(prefix));
        match r {
            Ok(Ok(())) => ok += 1,
            Ok(Err(e)) => assert!(!e.to_string().contains('\n'), "one line: {e}"),
            Err(_) => panic!("panic on the first {len} bytes"),
        }
    }
    // lopdf rebuilds the cross-reference table, so most long prefixes still read.
    assert!(ok > 0, "no truncation read at all");
}

/// xorshift64*: deterministic noise without a dependency.
struct Noise(u64);
impl Noise {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
}

#[test]
fn random_bytes_and_mutations_do_not_panic() {
    let mut noise = Noise(0x9E37_79B9_7F4A_7C15);
    for round in 0..300 {
        let len = (noise.next() % 4096) as usize;
        let mut bytes: Vec<u8> = b"%PDF-1.4\n".to_vec();
        bytes.extend((0..len).map(|_| noise.next() as u8));
        let r = std::panic::catch_unwind(|| read_quietly(&bytes));
        assert!(r.is_ok(), "panic on random input {round}");
    }
    let base = sample();
    for round in 0..400 {
        let mut bytes = base.clone();
        for _ in 0..(1 + noise.next() % 8) {
            let at = (noise.next() as usize) % bytes.len();
            bytes[at] = noise.next() as u8;
        }
        let r = std::panic::catch_unwind(|| read_quietly(&bytes));
        assert!(r.is_ok(), "panic on mutation {round}");
    }
}

#[test]
fn deep_nesting_and_self_drawing_forms_stay_bounded() {
    let mut b = PdfBuilder::new();
    b.std_font("F1", "Helvetica", None);
    let mut content = String::new();
    for _ in 0..5000 {
        content.push_str("q 1 0 0 1 0 0 cm /P << /MCID 1 >> BDC /Artifact BMC ");
    }
    content.push_str("BT /F1 10 Tf 72 700 Td (deep) Tj ET ");
    for _ in 0..5000 {
        content.push_str("EMC EMC Q ");
    }
    content.push_str("[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[ ] TJ");
    b.page(&content);
    let lines = lines(&b.build());
    assert_eq!(lines[0].text(), "deep");
}

#[test]
fn operator_limit_stops_a_page_with_a_warning() {
    let mut content = String::from("BT /F1 10 Tf 72 700 Td (start) Tj ET ");
    for _ in 0..2000 {
        content.push_str("0 0 m ");
    }
    content.push_str("BT /F1 10 Tf 72 600 Td (after the limit) Tj ET");
    let bytes = one_page(&content);
    let mut report = Report::default();
    let limits = Limits {
        max_operations: 500,
        ..Default::default()
    };
    let doc = pdf::read_with(&bytes, &mut report, limits).expect("reads");
    let texts: Vec<String> = doc.pages[0].lines.iter().map(|l| l.text()).collect();
    assert_eq!(texts, ["start"]);
    // 2,010 operators, 500 run: the warning counts the 1,510 not run.
    assert!(
        report.warnings.iter().any(|w| w
            == "page 1: operator limit of 500 per page reached, 1,510 operators skipped \
                (the rest of the page)"),
        "{:?}",
        report.warnings
    );
}

#[test]
fn a_content_stream_over_the_decoding_cap_is_named_in_its_warning() {
    // The page's second content stream inflates from a few hundred bytes to 200,000, past
    // a 10,000-byte cap; the first stream is kept.
    let mut b = PdfBuilder::new();
    b.std_font("F1", "Helvetica", Some("WinAnsiEncoding"));
    let kept = b.stream(Dictionary::new(), b"BT /F1 10 Tf 72 700 Td (kept) Tj ET");
    let mut bomb = b"BT /F1 10 Tf 72 600 Td (lost) Tj ET".to_vec();
    bomb.resize(200_000, b' ');
    let mut bomb = lopdf::Stream::new(Dictionary::new(), bomb);
    bomb.compress().expect("compresses");
    assert!(bomb.content.len() < 10_000);
    let bomb = b.doc.add_object(bomb);
    b.page_with(
        b"",
        dictionary! { "Contents" => vec![kept.into(), bomb.into()] },
    );
    let mut report = Report::default();
    let limits = Limits {
        max_content_bytes: 10_000,
        ..Default::default()
    };
    let doc = pdf::read_with(b.build(), &mut report, limits).expect("reads");
    let texts: Vec<String> = doc.pages[0].lines.iter().map(|l| l.text()).collect();
    assert_eq!(texts, ["kept"]);
    assert_eq!(
        report.warnings,
        [
            "page 1: 1 content stream(s) would decode past the page's limit of 10,000 bytes \
          (a decompression bomb?); their text is lost"
        ]
    );
}

#[test]
fn damaged_content_stream_keeps_the_text_before_the_damage() {
    let bytes = one_page(
        "BT /F1 10 Tf 72 700 Td (kept) Tj ET BT /F1 10 Tf 72 600 Td (broken) Tj ) ] >> ET",
    );
    let mut report = Report::default();
    let doc = pdf::read(&bytes, &mut report).expect("reads");
    assert_eq!(doc.pages[0].lines[0].text(), "kept");
}

/// A form is read from its bytes on its first draw and from its parsed operations on later
/// ones: every draw shows the same text, up to the damage, and says the rest is lost.
#[test]
fn a_damaged_form_reads_alike_on_every_draw() {
    let mut b = PdfBuilder::new();
    b.std_font("F1", "Helvetica", Some("WinAnsiEncoding"));
    let form = b.stream(
        dictionary! { "Type" => "XObject", "Subtype" => "Form", "BBox" => vec![0.into(), 0.into(), 300.into(), 20.into()] },
        b"BT /F1 10 Tf 0 0 Td (drawn part) Tj ET BT /F1 10 Tf 0 10 Td BIG x (lost part) Tj ET",
    );
    b.xobject("Fm1", form);
    for y in [700, 500, 300] {
        b.page(&format!("q 1 0 0 1 72 {y} cm /Fm1 Do Q"));
    }
    let mut report = Report::default();
    let doc = pdf::read(b.build(), &mut report).expect("reads");
    for (i, page) in doc.pages.iter().enumerate() {
        let texts: Vec<String> = page.lines.iter().map(|l| l.text()).collect();
        assert_eq!(texts, ["drawn part"], "page {}", i + 1);
    }
    let damaged: Vec<&String> = report
        .warnings
        .iter()
        .filter(|w| w.contains("Form XObject's content is damaged"))
        .collect();
    assert_eq!(damaged.len(), 3, "{:?}", report.warnings);
}

#[test]
fn image_only_pdf_says_no_text_layer() {
    let mut b = PdfBuilder::new();
    let img = b.stream(
        dictionary! {
            "Type" => "XObject", "Subtype" => "Image", "Width" => 1, "Height" => 1,
            "ColorSpace" => "DeviceGray", "BitsPerComponent" => 8,
        },
        &[0x80],
    );
    b.xobject("Im1", img);
    b.page("q 500 0 0 700 50 50 cm /Im1 Do Q");
    b.page("q 500 0 0 700 50 50 cm /Im1 Do Q");
    let err = read_quietly(&b.build()).unwrap_err();
    assert!(matches!(err, Error::NoTextLayer { pages: 2 }), "{err}");
    assert!(
        err.to_string().starts_with("no text layer (scanned?)"),
        "{err}"
    );
}

#[test]
fn blank_pdf_converts_to_no_text() {
    let bytes = one_page("0 0 m 100 100 l S");
    let opts = Options {
        source_name: Some("blank.pdf".into()),
        ..Default::default()
    };
    let err = convert(&bytes, &opts).unwrap_err();
    assert!(matches!(err, Error::NoText), "{err}");
}

#[test]
fn not_a_pdf_and_empty_page_tree() {
    assert!(matches!(
        read_quietly(b"%PDF-1.4\n%%EOF"),
        Err(Error::DamagedPdf(_))
    ));
    let r = read_quietly(
        b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF",
    );
    assert!(matches!(r, Err(Error::DamagedPdf(_))), "{r:?}");
}

#[test]
fn pages_are_found_past_a_broken_page_tree() {
    let bytes = one_page("BT /F1 10 Tf 72 700 Td (still here) Tj ET");
    let mut doc = lopdf::Document::load_mem(&bytes).expect("test PDF loads");
    let pages_id = doc
        .catalog()
        .and_then(|c| c.get(b"Pages"))
        .and_then(lopdf::Object::as_reference)
        .expect("catalog has /Pages");
    // Cut the tree, giving the page its own resources (inheritance goes with the tree).
    let resources = doc
        .get_dictionary(pages_id)
        .and_then(|p| p.get(b"Resources"))
        .cloned()
        .expect("tree has resources");
    let page_id = doc.get_pages()[&1];
    if let Ok(lopdf::Object::Dictionary(page)) = doc.get_object_mut(page_id) {
        page.set("Resources", resources);
        page.set("MediaBox", vec![0.into(), 0.into(), 595.into(), 842.into()]);
    }
    if let Ok(lopdf::Object::Dictionary(pages)) = doc.get_object_mut(pages_id) {
        pages.set("Kids", lopdf::Object::Null);
    }
    let mut broken = Vec::new();
    doc.save_to(&mut broken).expect("writes");
    assert!(
        lopdf::Document::load_mem(&broken)
            .unwrap()
            .get_pages()
            .is_empty()
    );
    assert_eq!(texts(&broken), ["still here"]);
}

/// Five pages, each drawing one form three times.
fn pages_drawing_a_form() -> Vec<u8> {
    let mut b = PdfBuilder::new();
    b.std_font("F1", "Helvetica", Some("WinAnsiEncoding"));
    let form = b.stream(
        dictionary! { "Type" => "XObject", "Subtype" => "Form", "BBox" => vec![0.into(), 0.into(), 600.into(), 800.into()] },
        b"BT /F1 10 Tf 0 0 Td (form text) Tj ET",
    );
    b.xobject("X", form);
    for _ in 0..5 {
        b.page(
            "q 1 0 0 1 72 700 cm /X Do Q q 1 0 0 1 72 600 cm /X Do Q q 1 0 0 1 72 500 cm /X Do Q",
        );
    }
    b.build()
}

#[test]
fn a_form_drawn_on_every_page_is_read_on_every_page() {
    let doc = read(&pages_drawing_a_form());
    for page in &doc.pages {
        let texts: Vec<String> = page.lines.iter().map(|l| l.text()).collect();
        assert_eq!(
            texts,
            ["form text", "form text", "form text"],
            "page {}",
            page.number
        );
    }
}

#[test]
fn the_document_operator_limit_stops_reading_and_names_the_pages_left() {
    let mut report = Report::default();
    // Each page runs 3 × (cm, Do, q, Q) + 3 × 5 form operators = 27 operators.
    let limits = Limits {
        max_document_operations: 60,
        ..Default::default()
    };
    let doc = pdf::read_with(pages_drawing_a_form(), &mut report, limits).expect("reads");
    assert_eq!(doc.pages.len(), 5);
    assert_eq!(doc.pages[0].lines.len(), 3);
    assert!(doc.pages[3].lines.is_empty() && doc.pages[4].lines.is_empty());
    let warnings = report.warnings.join("\n");
    assert!(
        // Page 3 stops inside its first form (operators 55-81); the page's own 9 operators
        // after it are counted as skipped.
        warnings.contains(
            "page 3: document operator limit of 60 reached, 9 operators skipped (the rest of the page)"
        ),
        "{warnings}"
    );
    assert!(warnings.contains("pages 4-5 not read"), "{warnings}");
}

#[test]
fn the_glyph_limit_stops_a_page_and_says_how_many_were_kept() {
    let mut content = String::from("BT /F1 10 Tf 72 700 Td ");
    for _ in 0..50 {
        content.push_str("(abcdefghij) Tj ");
    }
    content.push_str("ET");
    let mut report = Report::default();
    let limits = Limits {
        max_glyphs: 100,
        ..Default::default()
    };
    pdf::read_with(one_page(&content), &mut report, limits).expect("reads");
    assert!(
        report
            .warnings
            .iter()
            .any(|w| w
                == "page 1: glyph limit reached after 100 glyphs; the rest of the page skipped"),
        "{:?}",
        report.warnings
    );
}

#[test]
fn text_outside_the_crop_box_is_left_out_with_its_words_in_the_report() {
    // A proof slug printed in the bleed below the crop box, on two pages: out of the text,
    // one warning for the document, and the slug's words in the report, page by page.
    let mut b = PdfBuilder::new();
    b.std_font("F1", "Helvetica", None);
    let crop = dictionary! { "CropBox" => vec![0.into(), 100.into(), 612.into(), 892.into()] };
    for n in 1..=2 {
        b.page_with(
            format!(
                "BT /F1 10 Tf 72 700 Td (Body text of page {n}) Tj ET \
                 BT /F1 8 Tf 72 40 Td (Proof slug: MUST be removed before printing) Tj ET"
            )
            .as_bytes(),
            crop.clone(),
        );
    }
    let mut report = Report::default();
    let doc = pdf::read(b.build(), &mut report).expect("reads");
    let texts: Vec<String> = doc
        .pages
        .iter()
        .flat_map(|p| p.lines.iter().map(|l| l.text()))
        .collect();
    assert_eq!(texts, ["Body text of page 1", "Body text of page 2"]);
    let outside: Vec<_> = report
        .warnings
        .iter()
        .filter(|w| w.contains("outside the page"))
        .collect();
    assert_eq!(outside.len(), 1, "{:?}", report.warnings);
    assert!(outside[0].contains("on pages 1-2"), "{}", outside[0]);
    let slugs: Vec<_> = report
        .actions
        .iter()
        .filter(|a| a.kind == brief2md::report::ActionKind::OutsidePage)
        .map(|a| (a.page, a.before.clone().unwrap_or_default()))
        .collect();
    let slug = "Proof slug: MUST be removed before printing".to_string();
    assert_eq!(slugs, [(Some(1), slug.clone()), (Some(2), slug)]);
}

/// A page drawing a form whose stream names its filters the way inline images abbreviate
/// them (`[/AHx /Fl]`), as some writers do in a stream's dictionary (pdfbox's rendering
/// test file writes `[/A85 /Fl]`): viewers decode it, and so do we.
#[test]
fn a_stream_with_abbreviated_filter_names_is_decoded() {
    use std::io::Write;
    let text = b"BT /F1 10 Tf 72 700 Td (Abbreviated filters still decode) Tj ET";
    let mut z = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::default());
    z.write_all(text).unwrap();
    let packed = z.finish().unwrap();
    let mut hex: String = packed.iter().map(|b| format!("{b:02X}")).collect();
    hex.push('>');
    let mut b = PdfBuilder::new();
    b.std_font("F1", "Helvetica", Some("WinAnsiEncoding"));
    let form = b.stream(
        dictionary! {
            "Type" => "XObject",
            "Subtype" => "Form",
            "BBox" => vec![0.into(), 0.into(), 600.into(), 800.into()],
            "Filter" => vec![lopdf::Object::Name(b"AHx".to_vec()), lopdf::Object::Name(b"Fl".to_vec())],
        },
        hex.as_bytes(),
    );
    b.xobject("X", form);
    b.page("/X Do");
    let doc = read(&b.build());
    let texts: Vec<String> = doc.pages[0].lines.iter().map(|l| l.text()).collect();
    assert_eq!(texts, ["Abbreviated filters still decode"]);
}

/// A file whose cross-reference offsets all fall three bytes short (pdfcpu's PDF 2.0
/// sample with bytes before `%PDF-` is written so): the objects after blank lines load
/// anyway, page tree included, but the font, after a comment, does not. Viewers find it
/// by scanning the file, and so do we, saying so in the report.
#[test]
fn an_object_the_cross_reference_table_misplaces_is_found_by_scanning() {
    let objects = [
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R \
         /Resources << /Font << /F1 5 0 R >> >> >>",
        "<< /Length 45 >>\nstream\nBT /F1 12 Tf 72 700 Td (Misplaced font) Tj ET\nendstream",
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
    ];
    let mut file = b"%PDF-1.7\n".to_vec();
    let mut offsets = Vec::new();
    for (i, body) in objects.iter().enumerate() {
        let before: &[u8] = if i == 4 { b"% the font\n" } else { b"\n\n\n\n" };
        file.extend_from_slice(before);
        offsets.push(file.len() - 3);
        file.extend_from_slice(format!("{} 0 obj\n{body}\nendobj\n", i + 1).as_bytes());
    }
    let xref = file.len();
    file.extend_from_slice(b"xref\n0 6\n0000000000 65535 f \n");
    for at in &offsets {
        file.extend_from_slice(format!("{at:010} 00000 n \n").as_bytes());
    }
    file.extend_from_slice(
        format!("trailer\n<< /Size 6 /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n").as_bytes(),
    );
    let mut report = Report::default();
    let doc = pdf::read(file.as_slice(), &mut report).expect("the file reads");
    let texts: Vec<String> = doc.pages[0].lines.iter().map(|l| l.text()).collect();
    assert_eq!(texts, ["Misplaced font"]);
    assert!(
        report
            .warnings
            .iter()
            .any(|w| w.contains("1 object(s)") && w.contains("found by scanning")),
        "{:?}",
        report.warnings
    );
}
