//! OCR text layers over skewed scans: invisible words, each set at its own size (the OCR
//! engine fits the word's box, so sizes wander by a third between neighbours), on lines
//! whose baselines drift across the page because the scan is tilted. Neighbouring lines
//! stand closer than the larger words' size. Each line's words must come out as one line
//! of plain text: none of them is a superscript or subscript of the other line.

mod support;

use brief2md::source::{Line, Script};
use support::{PdfBuilder, lines};

/// Words of one line: text and size. The sizes vary as an OCR layer's do.
type Words<'a> = &'a [(&'a str, f32)];

const UPPER: Words = &[
    ("dozen", 11.0),
    ("men", 10.0),
    ("on", 10.0),
    ("board", 11.0),
    ("the", 11.0),
    ("ship", 13.0),
    ("who", 10.0),
    ("have", 11.0),
    ("sailed", 13.0),
    ("before", 10.0),
    ("and", 11.0),
    ("since", 9.0),
];

const LOWER: Words = &[
    ("travelled", 10.0),
    ("over", 9.0),
    ("forty", 10.0),
    ("thousand", 11.0),
    ("miles", 10.0),
    ("across", 9.0),
    ("the", 10.0),
    ("oceans", 11.0),
];

/// Content drawing `words` invisibly (render mode 3) from `x0`, the baseline at `y` on
/// the left and `y - drift` at the right end (a tilted scan), each word placed with its
/// own text matrix as OCR layers do.
fn ocr_line(words: Words, x0: f32, y: f32, drift: f32) -> String {
    let width = |t: &str, s: f32| 0.6 * s * t.chars().count() as f32;
    let total: f32 = words.iter().map(|(t, s)| width(t, *s) + 4.0).sum();
    let mut x = x0;
    let mut out = String::from("BT 3 Tr\n");
    for (t, s) in words {
        let yy = y - drift * (x - x0) / total;
        out += &format!("/F1 {s} Tf 1 0 0 1 {x:.2} {yy:.2} Tm ({t}) Tj\n");
        x += width(t, *s) + 4.0;
    }
    out += "ET\n";
    out
}

fn skewed_page(drift: f32, pitch: f32) -> Vec<u8> {
    let mut content = String::new();
    content += &ocr_line(UPPER, 72.0, 600.0, drift);
    content += &ocr_line(LOWER, 90.0, 600.0 - pitch, drift);
    let mut b = PdfBuilder::new();
    b.std_font("F1", "Courier", Some("WinAnsiEncoding"));
    b.page(&content);
    b.build()
}

fn words_of(words: Words) -> String {
    words.iter().map(|(t, _)| *t).collect::<Vec<_>>().join(" ")
}

fn scripts(line: &Line) -> Vec<String> {
    line.spans
        .iter()
        .filter(|s| s.style.script != Script::Normal)
        .map(|s| s.text.clone())
        .collect()
}

/// What is wrong with the two lines read from a page (empty: both lines whole and in
/// their own line, with no raised or lowered pieces).
fn faults(drift: f32, pitch: f32) -> Vec<String> {
    let lines = lines(&skewed_page(drift, pitch));
    let texts: Vec<String> = lines.iter().map(Line::text).collect();
    let mut faults = Vec::new();
    for l in &lines {
        if !scripts(l).is_empty() {
            faults.push(format!(
                "drift {drift}, pitch {pitch}: scripts {:?} in {texts:?}",
                scripts(l)
            ));
        }
    }
    for expected in [words_of(UPPER), words_of(LOWER)] {
        if !texts.iter().any(|t| t.trim() == expected) {
            faults.push(format!(
                "drift {drift}, pitch {pitch}: {expected:?} is not one line in {texts:?}"
            ));
        }
    }
    faults
}

#[test]
fn tight_skewed_ocr_lines_stay_apart() {
    // Lines 8 pt apart with words of 9 to 13 pt (the newspaper scans' proportions); the
    // baseline drifts by 3 to 6 pt over the line (30 to 60 % of the size).
    let mut all = Vec::new();
    for drift in [3.0, 4.5, 6.0] {
        for pitch in [8.0, 9.0, 12.0] {
            all.extend(faults(drift, pitch));
        }
    }
    assert!(all.is_empty(), "{all:#?}");
}

#[test]
fn level_ocr_lines_stay_apart() {
    for pitch in [8.0, 9.0, 12.0] {
        let f = faults(0.0, pitch);
        assert!(f.is_empty(), "{f:#?}");
    }
}
