//! Right-to-left text drawn in visual order, glyph by glyph from the left, as writers
//! without a structure tree draw it: Hebrew words inside an English line read from the
//! right; brackets come out open and closed whichever way the writer drew them; numbers
//! in Arabic-Indic digits keep their order.

mod support;

use support::PdfBuilder;

/// The characters of the right-to-left test font, each with a two-byte code.
const ALPHABET: &str = "אבגדהוזחטיכךלמםנןסעפףצץקרשת()0123456789٠١٢٣٤٥٦٧٨٩ ";

/// Glyphs drawn at (x, y) in the right-to-left font, given in visual order (left to
/// right, as they stand on the page); each is 10 pt wide (the font's default width).
fn glyphs(x: f32, y: f32, visual: &str) -> String {
    let hex = support::alphabet_hex(ALPHABET, visual);
    format!("BT /H 10 Tf {x} {y} Td <{hex}> Tj ET\n")
}

fn pdf(content: &str) -> Vec<u8> {
    let mut b = PdfBuilder::new();
    b.alphabet_font("H", ALPHABET);
    b.std_font("F1", "Helvetica", Some("WinAnsiEncoding"));
    b.page(content);
    b.build()
}

/// "Hello שלום World": the Hebrew word is drawn from its last letter.
#[test]
fn a_right_to_left_word_in_a_left_to_right_line_reads_from_the_right() {
    let mut c = String::from("BT /F1 10 Tf 72 700 Td (Hello) Tj ET\n");
    c.push_str(&glyphs(98.0, 700.0, "םולש"));
    c.push_str("BT /F1 10 Tf 141 700 Td (World) Tj ET\n");
    assert_eq!(support::texts(&pdf(&c)), ["Hello שלום World"]);
}

/// "סעיף (ב) לחוק" drawn two ways: by a writer that draws each bracket's mirror image
/// where the text has the bracket (drawn "(ב)"), and by one that draws the text's own
/// bracket, a shaping engine having mirrored the glyph (drawn ")ב("). Both read alike.
#[test]
fn brackets_in_right_to_left_text_read_open_and_closed_either_way_they_were_drawn() {
    for bracketed in ["(ב)", ")ב("] {
        let mut c = String::new();
        c.push_str(&glyphs(100.0, 700.0, "קוחל"));
        c.push_str(&glyphs(143.0, 700.0, bracketed));
        c.push_str(&glyphs(176.0, 700.0, "ףיעס"));
        assert_eq!(support::texts(&pdf(&c)), ["סעיף (ב) לחוק"], "{bracketed}");
    }
}

/// "١٤ אפריל": a number in Arabic-Indic digits is drawn most significant digit first,
/// like any number, and reads so.
#[test]
fn arabic_indic_digits_keep_their_order_in_right_to_left_text() {
    let mut c = String::new();
    c.push_str(&glyphs(100.0, 700.0, "לירפא"));
    c.push_str(&glyphs(153.0, 700.0, "١٤"));
    assert_eq!(support::texts(&pdf(&c)), ["١٤ אפריל"]);
}
