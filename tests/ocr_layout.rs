//! OCR layout input (hOCR and ALTO): words with their boxes read into the PDF path's
//! geometry. The documents are built here, word box by word box, the way Tesseract writes
//! them for a 200 dpi scan.

use assert_cmd::Command;
use brief2md::writers::markdown::{self, MarkdownOptions};
use brief2md::{InputFormat, Options, convert};

/// A word: its box in pixels and its text.
type Word = (u32, u32, u32, u32, String);

/// The words of `text` set from `x` on a line whose top is `y`, `height` pixels tall.
fn words(text: &str, x: u32, y: u32, height: u32) -> Vec<Word> {
    let mut x = x;
    text.split_whitespace()
        .map(|t| {
            let w = 14 * t.chars().count() as u32;
            let word = (x, y, x + w, y + height, t.to_string());
            x += w + 12;
            word
        })
        .collect()
}

fn hocr_line(words: &[Word], x_size: u32) -> String {
    let x0 = words.iter().map(|w| w.0).min().unwrap();
    let y0 = words.iter().map(|w| w.1).min().unwrap();
    let x1 = words.iter().map(|w| w.2).max().unwrap();
    let y1 = words.iter().map(|w| w.3).max().unwrap();
    let spans: Vec<String> = words
        .iter()
        .map(|(a, b, c, d, t)| {
            format!("<span class='ocrx_word' title='bbox {a} {b} {c} {d}; x_wconf 95'>{t}</span>")
        })
        .collect();
    format!(
        "<span class='ocr_line' title='bbox {x0} {y0} {x1} {y1}; baseline 0 0; x_size {x_size}'>{}</span>\n",
        spans.join(" ")
    )
}

/// Page 2's body says other things (a page that repeats page 1 would be furniture).
const BODY_2: [&str; 5] = [
    "Repayment falls due in the dry months, when pumps run longest and fuel costs peak,",
    "so the cooperatives that allow a second instalment after the harvest see fewer",
    "defaults and keep their members longer than those that insist on one payment",
    "before the end of the season.",
    "Such flexibility costs the lender little and the borrower a great deal less.",
];

const BODY: [&str; 5] = [
    "Farmers in the delta borrow to buy pumps and must repay the loans before the harvest",
    "is sold, which leaves them exposed when the rains come late and prices fall.",
    "Credit cooperatives have grown quickly in the last decade across the provinces",
    "and now lend to one household in three.",
    "Their terms vary widely between provinces and seasons of the year.",
];

/// One page: a large title, five body lines, a raised `1` after the fourth line's last
/// word, a smaller note at the foot opening with a raised `1`, and a page number.
fn hocr_page(number: u32) -> String {
    let mut page = format!(
        "<div class='ocr_page' title='image \"p{number}.png\"; bbox 0 0 1700 2200; ppageno {}; scan_res 200 200'>\n",
        number - 1
    );
    if number == 1 {
        page += &hocr_line(&words("Water Rights in the Delta", 200, 200, 36), 46);
    }
    let mut y = 300;
    let body = if number == 1 { BODY } else { BODY_2 };
    for (i, text) in body.iter().enumerate() {
        let mut line = words(text, 200, y, 22);
        if i == 3 {
            let end = line.last().unwrap().2;
            line.push((end + 4, y - 8, end + 16, y + 8, "1".into()));
        }
        page += &hocr_line(&line, 28);
        y += 40;
    }
    let mut note = vec![(200, 1892, 210, 1904, "1".to_string())];
    let note_text = if number == 1 {
        "Survey of forty cooperatives conducted in May 2024 by the authors."
    } else {
        "Interviews with loan officers in three provinces, June 2024."
    };
    note.extend(words(note_text, 216, 1900, 16));
    page += &hocr_line(&note, 20);
    page += &hocr_line(&words(&number.to_string(), 840, 2050, 20), 28);
    page + "</div>\n"
}

fn hocr(pages: u32) -> String {
    let body: String = (1..=pages).map(hocr_page).collect();
    format!("<?xml version='1.0' encoding='UTF-8'?>\n<html><body>\n{body}</body></html>\n")
}

fn markdown_of(input: &str, name: &str) -> String {
    let options = Options {
        source_name: Some(name.into()),
        ..Default::default()
    };
    let c = convert(input.as_bytes(), &options).unwrap();
    markdown::write(&c.document, &MarkdownOptions::default())
}

#[test]
fn hocr_is_sniffed_and_its_boxes_give_title_marker_note_and_furniture() {
    let md = markdown_of(&hocr(2), "scan.hocr");
    assert!(md.contains("title: \"Water Rights in the Delta\""), "{md}");
    // The raised 1 after "three." is a marker, linked to the note at the foot.
    assert!(md.contains("household in three.[^1]"), "{md}");
    assert!(
        md.contains("[^1]: Survey of forty cooperatives conducted in May 2024 by the authors."),
        "{md}"
    );
    // Page 2's own raised 1 and note: notes numbered per page, the second "1" told apart.
    assert!(md.contains("end of the season.[^1-2]"), "{md}");
    assert!(
        md.contains("[^1-2]: Interviews with loan officers in three provinces, June 2024."),
        "{md}"
    );
    // The page numbers at the foot are furniture; every body word is kept.
    for line in md.lines() {
        assert_ne!(line.trim(), "1", "{md}");
        assert_ne!(line.trim(), "2", "{md}");
    }
    for text in BODY.iter().chain(&BODY_2) {
        let last = text.split_whitespace().last().unwrap();
        assert!(md.contains(last), "{last} lost: {md}");
    }
}

#[test]
fn alto_is_sniffed_and_read_with_its_units_and_styles() {
    let alto = r#"<?xml version="1.0" encoding="UTF-8"?>
<alto xmlns="http://www.loc.gov/standards/alto/ns-v3#">
 <Description><MeasurementUnit>pixel</MeasurementUnit></Description>
 <Styles><TextStyle ID="h" FONTSIZE="18" FONTSTYLE="bold"/><TextStyle ID="b" FONTSIZE="10"/></Styles>
 <Layout><Page WIDTH="1700" HEIGHT="2200" PHYSICAL_IMG_NR="1"><PrintSpace>
  <TextBlock STYLEREFS="h"><TextLine HPOS="200" VPOS="200" WIDTH="600" HEIGHT="40">
   <String CONTENT="Credit" HPOS="200" VPOS="200" WIDTH="150" HEIGHT="40"/><SP/>
   <String CONTENT="Cooperatives" HPOS="370" VPOS="200" WIDTH="300" HEIGHT="40"/></TextLine></TextBlock>
  <TextBlock STYLEREFS="b"><TextLine HPOS="200" VPOS="300" WIDTH="1200" HEIGHT="24">
   <String CONTENT="Farmers" HPOS="200" VPOS="300" WIDTH="100" HEIGHT="24"/><SP/>
   <String CONTENT="borrow" HPOS="320" VPOS="300" WIDTH="90" HEIGHT="24"/><SP/>
   <String CONTENT="to" HPOS="430" VPOS="300" WIDTH="30" HEIGHT="24"/><SP/>
   <String CONTENT="buy" HPOS="480" VPOS="300" WIDTH="50" HEIGHT="24"/><SP/>
   <String CONTENT="pumps." HPOS="550" VPOS="300" WIDTH="90" HEIGHT="24"/></TextLine></TextBlock>
 </PrintSpace></Page></Layout></alto>"#;
    let md = markdown_of(alto, "scan.xml");
    assert!(md.contains("Credit Cooperatives"), "{md}");
    assert!(md.contains("Farmers borrow to buy pumps."), "{md}");
}

#[test]
fn a_declared_ocr_format_that_the_file_is_not_fails_with_one_line_naming_it() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("notes.txt");
    std::fs::write(&path, "Just a line of text.\n").unwrap();
    for format in ["hocr", "alto"] {
        let out = Command::cargo_bin("brief2md")
            .unwrap()
            .args(["--from", format])
            .arg(&path)
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(1));
        let err = String::from_utf8(out.stderr).unwrap();
        assert_eq!(err.lines().count(), 1, "{err}");
        assert!(
            err.contains("notes.txt") && err.contains("no page found"),
            "{err}"
        );
    }
}

#[test]
fn a_folder_walked_with_from_hocr_converts_its_hocr_files() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in");
    std::fs::create_dir_all(input.join("box")).unwrap();
    std::fs::write(input.join("box/scan.hocr"), hocr(1)).unwrap();
    std::fs::write(input.join("box/readme.txt"), "not an input\n").unwrap();
    let out = dir.path().join("out");
    let status = Command::cargo_bin("brief2md")
        .unwrap()
        .args(["--from", "hocr", "-q"])
        .arg(&input)
        .arg("-o")
        .arg(&out)
        .output()
        .unwrap();
    assert!(status.status.success(), "{status:?}");
    let md = std::fs::read_to_string(out.join("box/scan.md")).unwrap();
    assert!(md.contains("[^1]:"), "{md}");
    assert!(!out.join("box/readme.md").exists());
    // The format is also a library value.
    assert_ne!(InputFormat::Hocr, InputFormat::Alto);
}
