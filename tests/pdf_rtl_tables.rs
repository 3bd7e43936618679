//! A table of a right-to-left document, untagged: its first column is the rightmost, so
//! rows read from the right. Hebrew words are drawn glyph by glyph from the left, in visual
//! order, as producers without a structure tree draw them.

mod support;

use support::PdfBuilder;

/// Hebrew letters and digits used below, each with a two-byte code of the test font.
const ALPHABET: &str = "אבגדהוזחטיכךלמםנןסעפףצץקרשת0123456789 ";

/// Text drawn at (x, y) in the Hebrew font, its characters in visual order: a Hebrew
/// word's letters from its end, a number's digits as written.
fn at(x: f32, y: f32, text: &str) -> String {
    let visual: String = if text.chars().all(|c| c.is_ascii_digit()) {
        text.to_string()
    } else {
        text.chars().rev().collect()
    };
    let hex = support::alphabet_hex(ALPHABET, &visual);
    format!("BT /H 10 Tf {x} {y} Td <{hex}> Tj ET\n")
}

/// A Hebrew paragraph line, then a table of a city, its region and a year, written from
/// the right: the city's column at the right edge, the year's at the left.
fn page() -> Vec<u8> {
    let mut c = String::new();
    c.push_str(&at(100.0, 760.0, "הטבלה מראה את הערים לפי מחוז ושנה"));
    let columns = [420.0, 260.0, 100.0];
    let rows = [
        ["עיר", "מחוז", "מספר"],
        ["חיפה", "צפון", "1948"],
        ["אשדוד", "דרום", "1956"],
        ["נתניה", "מרכז", "1929"],
        ["טבריה", "צפון", "1920"],
    ];
    for (k, row) in rows.iter().enumerate() {
        let y = 720.0 - 14.0 * k as f32;
        for (x, cell) in columns.iter().zip(row) {
            c.push_str(&at(*x, y, cell));
        }
    }
    let mut b = PdfBuilder::new();
    b.alphabet_font("H", ALPHABET);
    b.page(&c);
    b.build()
}

#[test]
fn an_untagged_right_to_left_table_reads_from_its_right_edge() {
    let c = brief2md::convert(&page(), &brief2md::Options::default()).expect("converts");
    let md = brief2md::writers::markdown::write(&c.document, &Default::default());
    let tables = support::table_cells(&c.document);
    assert_eq!(tables.len(), 1, "one table: {md}");
    assert_eq!(
        tables[0],
        vec![
            vec!["עיר", "מחוז", "מספר"],
            vec!["חיפה", "צפון", "1948"],
            vec!["אשדוד", "דרום", "1956"],
            vec!["נתניה", "מרכז", "1929"],
            vec!["טבריה", "צפון", "1920"],
        ],
        "{md}"
    );
}
