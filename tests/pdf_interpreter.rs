//! The content-stream interpreter and line building, on PDFs the tests write.

mod support;

use brief2md::source::Script;
use lopdf::{Object, dictionary};
use support::*;

fn close(a: f32, b: f32) -> bool {
    (a - b).abs() < 0.05
}

#[test]
fn text_position_size_and_font() {
    let ls = lines(&one_page("BT /F1 12 Tf 72 720 Td (Hello World) Tj ET"));
    assert_eq!(ls.len(), 1);
    let l = &ls[0];
    assert_eq!(l.text(), "Hello World");
    assert_eq!(l.source_line, 1);
    // y grows downwards from the top of the page.
    assert!(
        close(l.baseline.unwrap(), 842.0 - 720.0),
        "{:?}",
        l.baseline
    );
    let b = l.bbox.unwrap();
    assert!(close(b.x0, 72.0));
    assert!(b.y0 < 122.0 && b.y1 > 122.0, "{b:?}");
    let span = &l.spans[0];
    assert_eq!(span.style.size, Some(12.0));
    assert_eq!(span.style.font.as_deref(), Some("Helvetica"));
    assert!(!span.style.bold && !span.style.italic && !span.style.invisible);
}

#[test]
fn ctm_and_text_matrix_scale_size_and_position() {
    // cm doubles everything; Tm moves to (50, 300) in the scaled space; Tz does not
    // change the size, a Tm scale does.
    let ls = lines(&one_page(
        "q 2 0 0 2 0 0 cm BT /F1 10 Tf 1 0 0 1 50 300 Tm (Big) Tj ET Q \
         BT /F1 10 Tf 1.5 0 0 1.5 72 100 Tm 50 Tz (Wide) Tj ET",
    ));
    let big = ls.iter().find(|l| l.text() == "Big").expect("Big");
    assert_eq!(big.spans[0].style.size, Some(20.0));
    assert!(close(big.bbox.unwrap().x0, 100.0));
    assert!(close(big.baseline.unwrap(), 842.0 - 600.0));
    let wide = ls.iter().find(|l| l.text() == "Wide").expect("Wide");
    assert_eq!(wide.spans[0].style.size, Some(15.0));
}

#[test]
fn td_td_tstar_quote_operators_move_lines() {
    let ls = lines(&one_page(
        "BT /F1 10 Tf 14 TL 72 700 Td (one) Tj T* (two) Tj 0 -14 TD (three) Tj (four) ' \
         2 1 (five) \" ET",
    ));
    let texts: Vec<String> = ls.iter().map(|l| l.text()).collect();
    assert_eq!(texts, ["one", "two", "three", "four", "five"]);
    let base: Vec<f32> = ls.iter().map(|l| l.baseline.unwrap()).collect();
    for w in base.windows(2) {
        assert!(close(w[1] - w[0], 14.0), "{base:?}");
    }
}

#[test]
fn tj_kerning_and_positioned_words() {
    // Small kerns stay inside a word; a large one is a word break; words positioned by
    // Td without space glyphs get a space; explicit spaces are kept single.
    let ls = lines(&one_page(
        "BT /F1 10 Tf 72 700 Td [(Hel) -20 (lo) -350 (World)] TJ ET \
         BT /F1 10 Tf 72 650 Td (Two) Tj 20 0 Td (words) Tj ET \
         BT /F1 10 Tf 72 600 Td (With spaces  drawn) Tj ET \
         BT /F1 10 Tf 72 550 Td [(T) 80 (ight) 40 (ly)] TJ ET",
    ));
    let texts: Vec<String> = ls.iter().map(|l| l.text()).collect();
    assert_eq!(
        texts,
        ["Hello World", "Two words", "With spaces drawn", "Tightly"]
    );
}

/// A line that draws its word spaces as glyphs says where its words break: a gap of an
/// eighth of an em left without one (a substituted font's narrower letters) is inside a
/// word. Where the line draws no spaces, the same gap is a word break; a gap as wide as
/// a space stays one, and digits stay apart across a thin space.
#[test]
fn a_line_that_draws_its_spaces_breaks_words_only_at_them() {
    let ls = lines(&one_page(
        "BT /F1 10 Tf 72 700 Td [(This is forma) -125 (tted text that dr) -120 (aws its spaces)] TJ ET \
         BT /F1 10 Tf 72 680 Td [(forma) -125 (tted) -300 (text)] TJ ET \
         BT /F1 10 Tf 72 660 Td [(one two) -300 (three four)] TJ ET \
         BT /F1 10 Tf 72 640 Td [(we pay 12) -125 (345 now)] TJ ET",
    ));
    let texts: Vec<String> = ls.iter().map(|l| l.text()).collect();
    assert_eq!(
        texts,
        [
            "This is formatted text that draws its spaces",
            "forma tted text",
            "one two three four",
            "we pay 12 345 now",
        ]
    );
}

#[test]
fn letter_spacing_and_leader_dots_stay_words() {
    // Tc spreads every glyph: wide gaps, evenly. Letters rejoin into words and leader
    // dots into one run; the space glyph still separates the words.
    let ls = lines(&one_page(
        "BT /F1 10 Tf 2.5 Tc 72 700 Td (RESEARCH NOTE) Tj ET \
         BT /F1 10 Tf 5 Tc 72 680 Td (......) Tj ET",
    ));
    let texts: Vec<String> = ls.iter().map(|l| l.text()).collect();
    assert_eq!(texts, ["RESEARCH NOTE", "......"]);
}

/// A form writer's label "BUTTON" drawn in three strings, the middle one a space under a
/// text matrix with no width ("0 0 0 1 0 0 Tm"): that glyph prints nothing, and the word
/// stays whole.
#[test]
fn a_glyph_squashed_to_no_width_prints_nothing() {
    let ls = lines(&one_page(
        "BT /F1 12 Tf 1 0 0 1 0 0 Tm 40.6 661 Td (BUTTO) Tj \
         0 0 0 1 0 0 Tm 81.3 661 Td ( ) Tj \
         1 0 0 1 0 0 Tm 81.3 661 Td (N) Tj ET",
    ));
    let texts: Vec<String> = ls.iter().map(|l| l.text()).collect();
    assert_eq!(texts, ["BUTTON"]);
}

/// A justified line whose first word ends a sentence: TeX stretched the space after the
/// stop to 1.4 em. The line stays one line; a lone stop (a glyph table's cell) across the
/// same gap does not reach the next cell.
#[test]
fn a_stretched_sentence_space_after_a_line_s_first_word_stays_in_the_line() {
    let ls = lines(&one_page(
        "BT /F1 10 Tf 72 700 Td (mauris.) Tj ET BT /F1 10 Tf 118.6 700 Td (Nam arcu libero) Tj ET \
         BT /F1 10 Tf 72 650 Td (.) Tj ET BT /F1 10 Tf 89 650 Td (/) Tj ET",
    ));
    let texts: Vec<String> = ls.iter().map(|l| l.text()).collect();
    assert_eq!(texts[0], "mauris. Nam arcu libero");
    assert_eq!(texts.len(), 3, "{texts:?}");
}

#[test]
fn char_and_word_spacing_widen_the_line() {
    let plain = lines(&one_page("BT /F1 10 Tf 72 700 Td (a b) Tj ET"));
    let spaced = lines(&one_page("BT /F1 10 Tf 5 Tw 1 Tc 72 700 Td (a b) Tj ET"));
    let w = |l: &brief2md::source::Line| l.bbox.unwrap().width();
    // Tc after each glyph but the last is inside the box, and Tw after the space.
    assert!(
        close(w(&spaced[0]) - w(&plain[0]), 2.0 + 5.0),
        "{} {}",
        w(&spaced[0]),
        w(&plain[0])
    );
    assert_eq!(spaced[0].text(), "a b");
}

#[test]
fn rise_makes_a_superscript_span() {
    let ls = lines(&one_page(
        "BT /F1 12 Tf 72 700 Td (Signed in 1961.) Tj /F1 7 Tf 5 Ts (2) Tj 0 Ts /F1 12 Tf ( Then) Tj ET",
    ));
    assert_eq!(ls.len(), 1, "{ls:?}");
    let spans = &ls[0].spans;
    assert_eq!(spans.len(), 3, "{spans:?}");
    assert_eq!(
        (spans[0].text.as_str(), spans[0].style.script),
        ("Signed in 1961.", Script::Normal)
    );
    assert_eq!(
        (spans[1].text.as_str(), spans[1].style.script),
        ("2", Script::Super)
    );
    assert_eq!(
        (spans[2].text.as_str(), spans[2].style.script),
        (" Then", Script::Normal)
    );
    // The line's baseline is the normal text's, not the marker's.
    assert!(close(ls[0].baseline.unwrap(), 142.0));

    // A space before a marker stays with the text before it.
    let ls = lines(&one_page(
        "BT /F1 12 Tf 72 700 Td (acts. ) Tj /F1 7 Tf 5 Ts (6) Tj ET",
    ));
    let spans: Vec<(&str, Script)> = ls[0]
        .spans
        .iter()
        .map(|s| (s.text.as_str(), s.style.script))
        .collect();
    assert_eq!(spans, [("acts. ", Script::Normal), ("6", Script::Super)]);
}

#[test]
fn moved_smaller_text_is_a_script_too() {
    // As word processors do it: no Ts, a smaller size and a Td up, then back down.
    let ls = lines(&one_page(
        "BT /F1 10 Tf 72 700 Td (H) Tj 7.2 -2 Td /F1 6 Tf (2) Tj 3.4 2 Td /F1 10 Tf (O and x) Tj \
         /F1 6 Tf 35 4 Td (n) Tj ET",
    ));
    assert_eq!(ls.len(), 1, "{ls:?}");
    let scripts: Vec<(String, Script)> = ls[0]
        .spans
        .iter()
        .map(|s| (s.text.clone(), s.style.script))
        .collect();
    assert_eq!(
        scripts,
        [
            ("H".to_string(), Script::Normal),
            ("2".to_string(), Script::Sub),
            ("O and x".to_string(), Script::Normal),
            ("n".to_string(), Script::Super),
        ]
    );
}

#[test]
fn lines_beside_a_drop_cap_stay_lines() {
    // A 40 pt initial beside three 10 pt lines: they are not its superscripts.
    let ls = lines(&one_page(
        "BT /F1 40 Tf 72 660 Td (O) Tj ET \
         BT /F1 10 Tf 104 690 Td (ver the past) Tj ET \
         BT /F1 10 Tf 104 678 Td (three decades) Tj ET \
         BT /F1 10 Tf 104 666 Td (of growth) Tj ET",
    ));
    let texts: Vec<String> = ls.iter().map(|l| l.text()).collect();
    assert_eq!(texts, ["O", "ver the past", "three decades", "of growth"]);
    assert!(
        ls.iter()
            .flat_map(|l| &l.spans)
            .all(|s| s.style.script == Script::Normal)
    );
}

#[test]
fn footnote_line_starting_with_a_marker() {
    let ls = lines(&one_page(
        "BT /F1 6 Tf 72 103 Td (1) Tj /F1 9 Tf 3.336 -3 Td (A note.) Tj ET",
    ));
    assert_eq!(ls.len(), 1);
    assert_eq!(ls[0].spans[0].style.script, Script::Super);
    assert_eq!(ls[0].spans[1].style.script, Script::Normal);
    // Set tight against the text, the marker still reads as a word of its own.
    assert_eq!(ls[0].text(), "1 A note.");
    assert!(close(ls[0].baseline.unwrap(), 842.0 - 100.0));
}

#[test]
fn two_columns_at_one_baseline_stay_two_lines() {
    // Drawn row by row across the page, as some producers do.
    let ls = lines(&one_page(
        "BT /F1 10 Tf 72 700 Td (Left column text) Tj 250 0 Td (Right column text) Tj ET \
         BT /F1 10 Tf 72 688 Td (more on the left) Tj 250 0 Td (more on the right) Tj ET",
    ));
    let texts: Vec<String> = ls.iter().map(|l| l.text()).collect();
    assert_eq!(
        texts,
        [
            "Left column text",
            "Right column text",
            "more on the left",
            "more on the right"
        ]
    );
    assert!(ls[1].bbox.unwrap().x0 > ls[0].bbox.unwrap().x1 + 100.0);
}

#[test]
fn a_narrow_gutter_splits_but_a_stretched_sentence_space_does_not() {
    // First row: words 0.4 em apart, "three." ends at 137.81 and a 1.7 em gutter puts
    // the right column at 154.81. Second row: words 0.5 em apart and the space after
    // the full stop stretched to 1.1 em, as justification does. Third row: 1.1 em after
    // a word that ends no sentence is a gap between columns, not a space.
    let ls = lines(&one_page(
        "BT /F1 10 Tf 72 700 Td [(one) -400 (two) -400 (three.)] TJ 82.81 0 Td [(four) -400 (five)] TJ ET \
         BT /F1 10 Tf 72 680 Td [(one) -500 (two) -500 (three.) -1100 (Four) -500 (five)] TJ ET \
         BT /F1 10 Tf 72 660 Td [(one) -500 (two) -500 (three) -1100 (four) -500 (five)] TJ ET",
    ));
    let texts: Vec<String> = ls.iter().map(|l| l.text()).collect();
    assert_eq!(
        texts,
        [
            "one two three.",
            "four five",
            "one two three. Four five",
            "one two three",
            "four five"
        ]
    );
}

#[test]
fn words_drawn_out_of_order_are_put_back_in_line() {
    let ls = lines(&one_page(
        "BT /F1 10 Tf 96 700 Td (world) Tj -24 0 Td (hello) Tj ET",
    ));
    assert_eq!(ls.len(), 1, "{ls:?}");
    assert_eq!(ls[0].text(), "hello world");
}

#[test]
fn lines_come_top_to_bottom_when_the_stream_is_scrambled() {
    let ls = lines(&one_page(
        "BT /F1 10 Tf 72 500 Td (third) Tj ET BT /F1 10 Tf 72 700 Td (first) Tj ET \
         BT /F1 10 Tf 72 400 Td (fourth) Tj ET BT /F1 10 Tf 72 600 Td (second) Tj ET \
         BT /F1 10 Tf 72 300 Td (fifth) Tj ET",
    ));
    let texts: Vec<String> = ls.iter().map(|l| l.text()).collect();
    assert_eq!(texts, ["first", "second", "third", "fourth", "fifth"]);
    let numbers: Vec<usize> = ls.iter().map(|l| l.source_line).collect();
    assert_eq!(numbers, [1, 2, 3, 4, 5]);
}

#[test]
fn accents_drawn_apart_join_their_letters() {
    // TeX draws the accent first, over the letter that follows; some producers draw it
    // after the letter. Helvetica at 10 pt: M 8.33, u 5.56, dieresis and acute 3.33 wide;
    // Td moves from the start of the line.
    let ls = lines(&one_page(
        "BT /F1 10 Tf 72 700 Td (M) Tj 9.445 0 Td (\\250) Tj -1.115 0 Td (uhlen) Tj ET \
         BT /F1 10 Tf 72 680 Td (cafe) Tj 14.455 0 Td (\\264) Tj ET \
         BT /F1 10 Tf 72 660 Td (the \\250 sign) Tj ET",
    ));
    let texts: Vec<String> = ls.iter().map(|l| l.text()).collect();
    // An accent on no letter stays as it is.
    assert_eq!(texts, ["Mühlen", "café", "the ¨ sign"]);
}

#[test]
fn running_feet_drawn_first_and_heads_drawn_last_take_their_place() {
    // As Chromium does it: the page foot first, then the body; here also a running
    // head drawn after everything else.
    let ls = lines(&one_page(
        "BT /F1 8 Tf 72 40 Td (Page 1) Tj ET \
         BT /F1 10 Tf 72 700 Td (First body line) Tj ET \
         BT /F1 10 Tf 72 686 Td (Second body line) Tj ET \
         BT /F1 8 Tf 72 810 Td (Running head) Tj ET",
    ));
    let texts: Vec<String> = ls.iter().map(|l| l.text()).collect();
    assert_eq!(
        texts,
        [
            "Running head",
            "First body line",
            "Second body line",
            "Page 1"
        ]
    );
}

#[test]
fn invisible_text_is_flagged() {
    let ls = lines(&one_page("BT /F1 10 Tf 3 Tr 72 700 Td (hidden OCR) Tj ET"));
    assert!(ls[0].spans.iter().all(|s| s.style.invisible));
    let ls = lines(&one_page("BT /F1 10 Tf 72 700 Td (shown) Tj ET"));
    assert!(!ls[0].spans[0].style.invisible);
}

/// Text drawn at no opacity (`/ca 0`, as some producers draw an OCR layer under the
/// scan) is invisible; at some opacity, or after the state is restored, it shows.
#[test]
fn transparent_text_is_flagged() {
    let mut b = PdfBuilder::new();
    b.std_font("F1", "Helvetica", Some("WinAnsiEncoding"));
    b.ext_gstate("Clear", dictionary! { "Type" => "ExtGState", "ca" => 0 });
    b.ext_gstate("Faint", dictionary! { "Type" => "ExtGState", "ca" => 0.4 });
    b.page(
        "q /Clear gs BT /F1 10 Tf 72 700 Td (hidden OCR) Tj ET Q \
         BT /F1 10 Tf 72 650 Td (shown after Q) Tj ET \
         q /Faint gs BT /F1 10 Tf 72 600 Td (faint) Tj ET Q \
         q /Clear gs BT 1 Tr /F1 10 Tf 72 550 Td (outlined) Tj ET Q",
    );
    let ls = lines(&b.build());
    let invisible = |text: &str| {
        let l = ls.iter().find(|l| l.text() == text).expect(text);
        l.spans.iter().all(|s| s.style.invisible)
    };
    assert!(invisible("hidden OCR"));
    assert!(!invisible("shown after Q"));
    assert!(!invisible("faint"));
    // Outlines are stroked: the fill's opacity does not hide them.
    assert!(!invisible("outlined"));
}

/// A scan laid over its own OCR words (white text, then the page image on top) hides
/// them; text drawn over the scan, or beside an image that covers only part of the
/// page, or under a scan with a soft mask, shows.
#[test]
fn text_under_a_page_image_is_flagged() {
    let invisible_under = |content: &str, mask: bool| {
        let mut b = PdfBuilder::new();
        b.std_font("F1", "Helvetica", Some("WinAnsiEncoding"));
        let mut dict = dictionary! {
            "Type" => "XObject", "Subtype" => "Image", "Width" => 1, "Height" => 1,
            "ColorSpace" => "DeviceGray", "BitsPerComponent" => 8,
        };
        if mask {
            let soft = b.stream(dict.clone(), &[0]);
            dict.set("SMask", soft);
        }
        let image = b.stream(dict, &[200]);
        b.xobject("Scan", image);
        b.page(content);
        lines(&b.build())
            .iter()
            .map(|l| (l.text(), l.spans.iter().all(|s| s.style.invisible)))
            .collect::<Vec<_>>()
    };
    let words = "BT 1 g /F1 10 Tf 72 700 Td (scanned words) Tj ET";
    let page = "q 595 0 0 842 0 0 cm /Scan Do Q";
    let half = "q 595 0 0 421 0 0 cm /Scan Do Q";
    let hidden = [("scanned words".to_string(), true)];
    let shown = [("scanned words".to_string(), false)];
    assert_eq!(invisible_under(&format!("{words} {page}"), false), hidden);
    assert_eq!(invisible_under(&format!("{page} {words}"), false), shown);
    assert_eq!(invisible_under(&format!("{words} {half}"), false), shown);
    assert_eq!(invisible_under(&format!("{words} {page}"), true), shown);
}

/// In an OCR layer a word set off its line by the engine's box is no script; a note's
/// marker set small and raised still is.
#[test]
fn an_invisible_layer_raises_markers_only() {
    let ls = lines(&one_page(
        "BT 3 Tr /F1 12 Tf 1 0 0 1 72 700 Tm (Order) Tj /F1 16 Tf 1 0 0 1 120 694 Tm (by) Tj \
         /F1 12 Tf 1 0 0 1 142 700 Tm (Repo) Tj \
         /F1 12 Tf 1 0 0 1 72 600 Tm (cited) Tj /F1 7 Tf 1 0 0 1 103 605 Tm (12) Tj ET",
    ));
    let scripts: Vec<(String, Script)> = ls
        .iter()
        .flat_map(|l| l.spans.iter())
        .filter(|s| s.style.script != Script::Normal)
        .map(|s| (s.text.trim().to_string(), s.style.script))
        .collect();
    assert_eq!(scripts, [("12".to_string(), Script::Super)]);
}

#[test]
fn fake_bold_overprint_is_read_once() {
    let ls = lines(&one_page(
        "BT /F1 10 Tf 72 700 Td (Bold) Tj ET BT /F1 10 Tf 72.3 700 Td (Bold) Tj ET",
    ));
    assert_eq!(ls.len(), 1);
    assert_eq!(ls[0].text(), "Bold");
}

/// Bold faked letter by letter: each letter drawn, then drawn again 0.3 pt across and
/// 0.2 pt up, before the next. The word reads once; letters doubled in the word itself
/// ("ll", a whole advance apart) and a word an OCR layer set overlapping the one before
/// it (a space between) stay.
#[test]
fn fake_bold_struck_letter_by_letter_is_read_once() {
    let mut content = String::from("BT /F1 12 Tf ");
    let mut x = 72.0;
    for (letter, width) in [("B", 8.0), ("O", 9.3), ("L", 6.7), ("D", 8.7)] {
        content.push_str(&format!(
            "1 0 0 1 {x} 700 Tm ({letter}) Tj 1 0 0 1 {} 700.2 Tm ({letter}) Tj ",
            x + 0.3
        ));
        x += width;
    }
    content.push_str("ET BT /F1 12 Tf 72 650 Td (will) Tj ET");
    // "Prehistoire " then "et", placed 0.25 pt from the word's last "e" (at 114.23).
    content.push_str(
        " BT /F1 10 Tf 1 0 0 1 72 600 Tm (Prehistoire ) Tj 1 0 0 1 114.48 600 Tm (et) Tj ET",
    );
    let texts: Vec<String> = lines(&one_page(&content))
        .iter()
        .map(|l| l.text())
        .collect();
    assert_eq!(texts[0], "BOLD");
    assert_eq!(texts[1], "will");
    let rest = texts[2..].join(" ");
    assert!(
        rest.contains("Prehistoire") && rest.contains("et"),
        "{texts:?}"
    );
}

#[test]
fn actual_text_replaces_the_glyphs_it_covers() {
    let ls = lines(&one_page(
        "BT /F1 10 Tf 72 700 Td (ef) Tj /Span << /ActualText (fi) >> BDC (X) Tj EMC (ne) Tj ET",
    ));
    assert_eq!(ls[0].text(), "effine");
}

#[test]
fn form_xobjects_draw_with_their_matrix_and_cycles_are_cut() {
    let mut b = PdfBuilder::new();
    b.std_font("F1", "Helvetica", None);
    let form = b.stream(
        dictionary! {
            "Type" => "XObject",
            "Subtype" => "Form",
            "BBox" => vec![0.into(), 0.into(), 200.into(), 50.into()],
            "Matrix" => vec![1.into(), 0.into(), 0.into(), 1.into(), 100.into(), 200.into()],
        },
        b"BT /F1 10 Tf 0 0 Td (in the form) Tj ET /Self Do",
    );
    // The form refers to itself through its own resources.
    let fonts = dictionary! { "F1" => b.doc.objects.keys().next().copied().unwrap() };
    if let Ok(Object::Stream(s)) = b.doc.get_object_mut(form) {
        s.dict.set(
            "Resources",
            dictionary! { "XObject" => dictionary! { "Self" => form }, "Font" => fonts },
        );
    }
    b.xobject("Fm1", form);
    b.page("q /Fm1 Do Q BT /F1 10 Tf 72 700 Td (page text) Tj ET");
    let doc = read(&b.build());
    let ls = &doc.pages[0].lines;
    let inner: Vec<_> = ls.iter().filter(|l| l.text() == "in the form").collect();
    // Drawn once by the page, then once more by each nesting level up to the limit —
    // but always at the same place, so the duplicates collapse or stay bounded.
    assert!(!inner.is_empty() && inner.len() <= 13, "{}", inner.len());
    assert!(close(inner[0].baseline.unwrap(), 842.0 - 200.0));
    assert!(close(inner[0].bbox.unwrap().x0, 100.0));
    assert!(ls.iter().any(|l| l.text() == "page text"));
}

#[test]
fn rotated_page_reads_upright() {
    let mut b = PdfBuilder::new();
    b.std_font("F1", "Helvetica", None);
    // On a page shown rotated 90° clockwise, text drawn bottom-to-top reads normally.
    b.page_with(
        b"BT /F1 10 Tf 0 1 -1 0 300 72 Tm (Sideways title) Tj ET",
        dictionary! { "Rotate" => 90 },
    );
    let doc = read(&b.build());
    let page = &doc.pages[0];
    let size = page.size.unwrap();
    assert_eq!((size.width, size.height, size.rotation), (842.0, 595.0, 90));
    assert_eq!(page.lines[0].text(), "Sideways title");
    assert!(page.lines[0].baseline.is_some(), "upright after rotation");
}

/// A negative font size turns the glyphs half round: they advance leftwards, upside down.
/// On a page shown turned by `/Rotate 180` they read upright, each word in order, two
/// lines in order (a producer that writes its text this way instead of turning the
/// page's matrix). The rise is not scaled by the size, so a negative one raises the
/// figure as the reader sees it.
#[test]
fn a_negative_font_size_reads_in_its_own_direction() {
    let mut b = PdfBuilder::new();
    b.std_font("F1", "Helvetica", None);
    b.page_with(
        b"BT /F1 -12 Tf 1 0 0 1 500 700 Tm (Authority agreement) Tj \
          /F1 -7 Tf -5 Ts (2) Tj 0 Ts ET \
          BT /F1 -12 Tf 1 0 0 1 500 720 Tm (Signatures follow) Tj ET",
        dictionary! { "Rotate" => 180 },
    );
    let doc = read(&b.build());
    let lines = &doc.pages[0].lines;
    let texts: Vec<String> = lines.iter().map(|l| l.text()).collect();
    assert_eq!(texts, ["Authority agreement2", "Signatures follow"]);
    let spans: Vec<(&str, Script)> = lines[0]
        .spans
        .iter()
        .map(|s| (s.text.as_str(), s.style.script))
        .collect();
    assert_eq!(
        spans,
        [
            ("Authority agreement", Script::Normal),
            ("2", Script::Super)
        ]
    );
}

/// A page printed sideways without `/Rotate` (all its text running down the page, lines
/// following each other leftwards) is read turned: upright lines in reading order, the
/// larger first line a heading. A lone vertical line on an upright page does not turn it
/// (see the next test).
#[test]
fn a_page_printed_sideways_is_read_turned() {
    let prose = [
        "Rainfall over the highlands was measured at forty stations",
        "for thirty years, and the records were kept by farmers who",
        "read the gauges every morning before the first milking.",
        "The series are complete for twenty-eight of the stations.",
    ];
    let mut content = String::from("BT /F1 16 Tf 0 -1 1 0 540 760 Tm (Field Notes) Tj ET\n");
    for (i, line) in prose.iter().enumerate() {
        let x = 510.0 - 14.0 * i as f32;
        content.push_str(&format!(
            "BT /F1 11 Tf 0 -1 1 0 {x} 760 Tm ({line}) Tj ET\n"
        ));
    }
    let bytes = one_page(&content);
    let doc = read(&bytes);
    let page = &doc.pages[0];
    let texts: Vec<String> = page.lines.iter().map(|l| l.text()).collect();
    assert_eq!(texts[0], "Field Notes", "{texts:?}");
    assert_eq!(&texts[1..], prose, "{texts:?}");
    assert!(page.lines.iter().all(|l| l.baseline.is_some()), "upright");
    let size = page.size.unwrap();
    assert!(size.width > size.height, "{size:?}");
    let c = brief2md::convert(&bytes, &brief2md::Options::default()).expect("converts");
    let md = brief2md::writers::markdown::write(&c.document, &Default::default());
    assert!(
        md.contains("Field Notes") && md.contains("forty stations for thirty years"),
        "{md}"
    );
}

#[test]
fn vertical_text_in_the_page_is_its_own_line() {
    let ls = lines(&one_page(
        "BT /F1 10 Tf 72 700 Td (Body line) Tj ET BT /F1 10 Tf 0 1 -1 0 500 300 Tm (Side note) Tj ET",
    ));
    let texts: Vec<String> = ls.iter().map(|l| l.text()).collect();
    assert!(texts.contains(&"Body line".to_string()));
    assert!(texts.contains(&"Side note".to_string()), "{texts:?}");
    let side = ls.iter().find(|l| l.text() == "Side note").unwrap();
    let b = side.bbox.unwrap();
    assert!(b.height() > b.width(), "{b:?}");
}

#[test]
fn slanted_text_in_a_figure_stays_one_line() {
    // Rotated 20° counter-clockwise, as figure labels often are.
    let ls = lines(&one_page(
        "BT /F1 12 Tf 0.9397 0.342 -0.342 0.9397 100 400 Tm (Region one splits) Tj ET",
    ));
    let texts: Vec<String> = ls.iter().map(|l| l.text()).collect();
    assert_eq!(texts, ["Region one splits"]);
    assert_eq!(ls[0].baseline, None, "not horizontal");
}

#[test]
fn text_in_hidden_layers_is_not_read() {
    let mut b = PdfBuilder::new();
    b.std_font("F1", "Helvetica", None);
    let hidden = b
        .doc
        .add_object(dictionary! { "Type" => "OCG", "Name" => Object::string_literal("Draft") });
    let shown = b
        .doc
        .add_object(dictionary! { "Type" => "OCG", "Name" => Object::string_literal("Body") });
    let either = b.doc.add_object(dictionary! {
        "Type" => "OCMD", "OCGs" => vec![hidden.into(), shown.into()], "P" => "AllOn",
    });
    let form = b.stream(
        dictionary! {
            "Type" => "XObject", "Subtype" => "Form", "OC" => hidden,
            "BBox" => vec![0.into(), 0.into(), 100.into(), 100.into()],
        },
        b"BT /F1 10 Tf 72 500 Td (form watermark) Tj ET",
    );
    b.xobject("Fm1", form);
    let page = b.page_with(
        b"/OC /dr BDC BT /F1 10 Tf 72 700 Td (DRAFT) Tj ET EMC \
          /OC /bo BDC BT /F1 10 Tf 72 680 Td (visible text) Tj ET EMC \
          /OC /md BDC BT /F1 10 Tf 72 660 Td (needs both) Tj ET EMC \
          /Fm1 Do BT /F1 10 Tf 72 640 Td (plain text) Tj ET",
        lopdf::Dictionary::new(),
    );
    // Page-level /Properties naming the layers.
    let props = dictionary! { "dr" => hidden, "bo" => shown, "md" => either };
    let fonts = b.doc.objects.keys().next().copied().unwrap();
    if let Ok(Object::Dictionary(p)) = b.doc.get_object_mut(page) {
        p.set(
            "Resources",
            dictionary! {
                "Properties" => props,
                "Font" => dictionary! { "F1" => fonts },
                "XObject" => dictionary! { "Fm1" => form },
            },
        );
    }
    b.catalog(
        "OCProperties",
        dictionary! {
            "OCGs" => vec![hidden.into(), shown.into()],
            "D" => dictionary! { "OFF" => vec![hidden.into()] },
        },
    );
    let texts = texts(&b.build());
    assert_eq!(texts, ["visible text", "plain text"]);
}

#[test]
fn links_metadata_outline_and_tags() {
    let mut b = PdfBuilder::new();
    b.std_font("F1", "Helvetica", None);
    let uri = dictionary! {
        "Type" => "Annot",
        "Subtype" => "Link",
        "Rect" => vec![72.into(), 690.into(), 200.into(), 710.into()],
        "A" => dictionary! { "S" => "URI", "URI" => Object::string_literal("https://example.org/a") },
    };
    let annot = b.doc.add_object(uri);
    let p1 = b.page_with(
        b"BT /F1 10 Tf 72 700 Td (example.org/a) Tj ET",
        dictionary! { "Annots" => vec![annot.into()] },
    );
    let p2 = b.page("BT /F1 10 Tf 72 700 Td (Second page) Tj ET");
    let outlines = b.doc.new_object_id();
    let first = b.doc.add_object(dictionary! {
        "Title" => Object::string_literal("Intro"),
        "Parent" => outlines,
        "Dest" => vec![p1.into(), "Fit".into()],
    });
    let second = b.doc.add_object(dictionary! {
        "Title" => Object::String(b"\xfe\xff\x00E\x00n\x00d".to_vec(), lopdf::StringFormat::Literal),
        "Parent" => outlines,
        "Prev" => first,
        "Dest" => vec![p2.into(), "Fit".into()],
    });
    if let Ok(Object::Dictionary(d)) = b.doc.get_object_mut(first) {
        d.set("Next", second);
    }
    b.doc.objects.insert(
        outlines,
        Object::Dictionary(
            dictionary! { "Type" => "Outlines", "First" => first, "Last" => second, "Count" => 2 },
        ),
    );
    b.catalog("Outlines", outlines);
    b.catalog("MarkInfo", dictionary! { "Marked" => true });
    b.info(dictionary! {
        "Title" => Object::string_literal("A Brief"),
        "Author" => Object::string_literal("A. Author"),
        "CreationDate" => Object::string_literal("D:20240131120000Z"),
    });
    let doc = read(&b.build());
    let link = &doc.pages[0].links[0];
    assert_eq!(link.url, "https://example.org/a");
    assert!(close(link.rect.x0, 72.0) && close(link.rect.y0, 842.0 - 710.0));
    assert_eq!(doc.info.title.as_deref(), Some("A Brief"));
    assert_eq!(doc.info.author.as_deref(), Some("A. Author"));
    assert_eq!(doc.info.created.as_deref(), Some("2024-01-31T12:00:00Z"));
    assert!(doc.info.tagged);
    let outline: Vec<(u8, &str, Option<usize>)> = doc
        .info
        .outline
        .iter()
        .map(|o| (o.level, o.title.as_str(), o.page))
        .collect();
    assert_eq!(outline, [(1, "Intro", Some(1)), (1, "End", Some(2))]);
}

/// One page with a label and three text-field widgets: one whose appearance is empty,
/// one with no appearance at all, one whose appearance draws its value.
fn form_page(need_appearances: bool) -> Vec<u8> {
    let mut b = PdfBuilder::new();
    let helvetica = b.std_font("F1", "Helvetica", None);
    let empty = b.stream(
        dictionary! { "Type" => "XObject", "Subtype" => "Form", "BBox" => vec![0.into(), 0.into(), 120.into(), 14.into()] },
        b"/Tx BMC EMC",
    );
    let drawn = b.stream(
        dictionary! {
            "Type" => "XObject", "Subtype" => "Form", "BBox" => vec![0.into(), 0.into(), 120.into(), 14.into()],
            "Resources" => dictionary! { "Font" => dictionary! { "F1" => helvetica } },
        },
        b"/Tx BMC BT /F1 10 Tf 2 3 Td (Drawn value) Tj ET EMC",
    );
    let field = |name: &str, value: &str, y: i64, ap: Option<lopdf::ObjectId>| {
        let mut d = dictionary! {
            "Type" => "Annot", "Subtype" => "Widget", "FT" => "Tx", "F" => 4,
            "T" => Object::string_literal(name),
            "V" => Object::string_literal(value),
            "DA" => Object::string_literal("0 g /Helv 10 Tf"),
            "Rect" => vec![150.into(), y.into(), 270.into(), (y + 14).into()],
        };
        if let Some(ap) = ap {
            d.set("AP", dictionary! { "N" => ap });
        }
        d
    };
    let first = b.doc.add_object(field("first", "Alice", 696, Some(empty)));
    let last = b.doc.add_object(field("last", "Smith", 666, None));
    let city = b.doc.add_object(field("city", "Ignored", 636, Some(drawn)));
    b.page_with(
        b"BT /F1 10 Tf 72 700 Td (First name) Tj 0 -30 Td (Last name) Tj 0 -30 Td (City) Tj ET",
        dictionary! { "Annots" => vec![first.into(), last.into(), city.into()] },
    );
    b.catalog(
        "AcroForm",
        dictionary! {
            "Fields" => vec![first.into(), last.into(), city.into()],
            "NeedAppearances" => need_appearances,
        },
    );
    b.build()
}

#[test]
fn form_field_values_without_a_drawn_appearance_are_shown_as_a_viewer_shows_them() {
    let all = texts(&form_page(true)).join(" | ");
    // The empty appearance with NeedAppearances, and the missing appearance: the values.
    assert!(all.contains("Alice"), "{all}");
    assert!(all.contains("Smith"), "{all}");
    // A drawn appearance is the value shown; /V is not added beside it.
    assert!(
        all.contains("Drawn value") && !all.contains("Ignored"),
        "{all}"
    );
    // Without NeedAppearances an empty appearance shows nothing; a missing one still does.
    let all = texts(&form_page(false)).join(" | ");
    assert!(!all.contains("Alice") && all.contains("Smith"), "{all}");
}

/// A web address set across two lines and two styles (the path's underscore in roman
/// between italic parts) reads broken however its lines are joined; the page's link
/// annotation holds it whole, and the Markdown prints it so.
#[test]
fn an_address_broken_across_lines_and_styles_is_printed_as_its_link_holds_it() {
    let mut b = PdfBuilder::new();
    b.std_font("F1", "Helvetica", None);
    b.std_font("F2", "Helvetica-Oblique", None);
    let address = "https://example.org/reports/annual_2024/summary.pdf";
    let link = b.doc.add_object(dictionary! {
        "Type" => "Annot",
        "Subtype" => "Link",
        "Rect" => vec![72.into(), 680.into(), 400.into(), 712.into()],
        "A" => dictionary! { "S" => "URI", "URI" => Object::string_literal(address) },
    });
    b.page_with(
        b"BT /F1 10 Tf 72 724 Td (Heat in the city streets rose again this summer, as it has done for years.) Tj ET \
          BT /F1 10 Tf 72 712 Td (Our study measured it on sixty streets in three districts of the city.) Tj ET \
          BT /F1 10 Tf 72 700 Td (The full report is found at ) Tj /F2 10 Tf (https://example.org/reports/) Tj ET \
          BT /F2 10 Tf 72 688 Td (annual) Tj /F1 10 Tf (_) Tj /F2 10 Tf (2024/summary.pdf) Tj /F1 10 Tf ( for all readers.) Tj ET",
        dictionary! { "Annots" => vec![link.into()] },
    );
    let c = brief2md::convert(&b.build(), &brief2md::Options::default()).unwrap();
    let md = brief2md::writers::markdown::write(&c.document, &Default::default());
    assert!(md.contains(&format!("<{address}>")), "{md}");
    assert!(md.contains("for all readers."), "{md}");
}
