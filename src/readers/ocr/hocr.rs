//! hOCR: OCR output as XHTML. Elements carry their role in `class` (`ocr_page`,
//! `ocr_line`, `ocrx_word` …) and their geometry in `title` (`bbox x0 y0 x1 y1; baseline
//! slope offset; x_size 31.3; scan_res 300 300`). Bold and italic words are wrapped in
//! `<strong>`/`<em>` by the engines that know them.
//!
//! The file is read as a stream of tags with lenient end-tag matching, so that hOCR written
//! as loose HTML, or cut short, still gives every word read up to the damage (reported).

use quick_xml::Reader;
use quick_xml::events::{BytesStart, Event};

use super::words::{OcrLine, OcrPage, OcrWord, attribute_value, numbers, pixel_scale, rect};
use crate::report::Report;
use crate::source::Rect;

/// What an open element is, as far as the reader cares.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Role {
    Page,
    Line,
    Word,
    Char,
    Bold,
    Italic,
    Other,
}

/// Line-level classes: Tesseract writes `ocr_header`, `ocr_caption` and `ocr_textfloat`
/// beside `ocr_line`; OCRopus and kraken write `ocrx_line`.
const LINE_CLASSES: [&str; 5] = [
    "ocr_line",
    "ocrx_line",
    "ocr_header",
    "ocr_caption",
    "ocr_textfloat",
];

struct State {
    pages: Vec<OcrPage>,
    page: Option<OcrPage>,
    line: Option<OcrLine>,
    word: Option<OcrWord>,
    /// The open `ocrx_cinfo` character: its box and text so far.
    character: Option<(Option<Rect>, String)>,
    stack: Vec<Role>,
    /// Open `<strong>` and `<em>` elements, counted as they open and close (scanning the
    /// stack for them at every text would be quadratic in a deeply nested file).
    bold: usize,
    italic: usize,
}

impl State {
    fn push(&mut self, role: Role) {
        match role {
            Role::Bold => self.bold += 1,
            Role::Italic => self.italic += 1,
            _ => {}
        }
        self.stack.push(role);
    }

    fn pop(&mut self) -> Option<Role> {
        let role = self.stack.pop()?;
        match role {
            Role::Bold => self.bold -= 1,
            Role::Italic => self.italic -= 1,
            _ => {}
        }
        Some(role)
    }

    fn open(&mut self, e: &BytesStart) -> Role {
        let mut class = String::new();
        let mut title = String::new();
        for a in e.attributes().with_checks(false).flatten() {
            let value = attribute_value(&a);
            match a.key.local_name().as_ref() {
                "class" => class = value,
                "title" => title = value,
                _ => {}
            }
        }
        let name = e.local_name();
        let tag = name.as_ref();
        let classes: Vec<&str> = class.split_whitespace().collect();
        if classes.contains(&"ocr_page") {
            self.close_page();
            let props = Props::parse(&title);
            let bbox = props.get("bbox").and_then(|v| rect(&v));
            let dpi = props.get("scan_res").and_then(|v| v.first().copied());
            let number = props
                .get("ppageno")
                .and_then(|v| v.first().copied())
                .filter(|n| *n >= 0.0 && *n < 1.0e6)
                .map(|n| n as usize + 1)
                .unwrap_or(self.pages.len() + 1);
            self.page = Some(OcrPage {
                number,
                bbox,
                scale: pixel_scale(bbox.map(|b| b.width()), dpi),
                lines: Vec::new(),
            });
            Role::Page
        } else if classes.iter().any(|c| LINE_CLASSES.contains(c)) {
            self.close_line();
            let props = Props::parse(&title);
            let bbox = props.get("bbox").and_then(|v| rect(&v));
            // `baseline p1 p0`: the baseline runs through (x0, y1 + p0) with slope p1.
            let baseline = match (bbox, props.get("baseline").as_deref()) {
                (Some(b), Some([slope, offset, ..])) => {
                    Some(b.y1 + offset + slope * b.width() / 2.0)
                }
                _ => None,
            };
            self.line = Some(OcrLine {
                bbox,
                baseline,
                text_height: props
                    .get("x_size")
                    .and_then(|v| v.first().copied())
                    .filter(|h| *h > 0.0),
                words: Vec::new(),
            });
            Role::Line
        } else if classes.contains(&"ocrx_word") {
            self.close_word();
            let props = Props::parse(&title);
            self.word = Some(OcrWord {
                bbox: props.get("bbox").and_then(|v| rect(&v)),
                // `x_fsize` is in points already.
                size: props
                    .get("x_fsize")
                    .and_then(|v| v.first().copied())
                    .filter(|s| *s > 0.0),
                ..Default::default()
            });
            Role::Word
        } else if classes.contains(&"ocrx_cinfo") && self.word.is_some() {
            self.close_char();
            let props = Props::parse(&title);
            self.character = Some((props.get("x_bboxes").and_then(|v| rect(&v)), String::new()));
            Role::Char
        } else {
            match tag {
                "strong" | "b" => Role::Bold,
                "em" | "i" => Role::Italic,
                _ => Role::Other,
            }
        }
    }

    fn text(&mut self, s: &str) {
        if s.is_empty() {
            return;
        }
        let (bold, italic) = (self.bold > 0, self.italic > 0);
        if let Some(word) = self.word.as_mut() {
            match self.character.as_mut() {
                Some((_, text)) => text.push_str(s),
                // The indentation between a word's character elements is no text of it.
                None if s.trim().is_empty() => return,
                None => {}
            }
            word.text.push_str(s);
            word.bold |= bold;
            word.italic |= italic;
        } else if let Some(line) = self.line.as_mut() {
            // A line written without word elements: its text, split at spaces.
            for piece in s.split_whitespace() {
                line.words.push(OcrWord {
                    text: piece.to_string(),
                    bold,
                    italic,
                    ..Default::default()
                });
            }
        }
    }

    fn close(&mut self, role: Role) {
        match role {
            Role::Page => self.close_page(),
            Role::Line => self.close_line(),
            Role::Word => self.close_word(),
            Role::Char => self.close_char(),
            _ => {}
        }
    }

    fn close_char(&mut self) {
        if let Some(c) = self.character.take()
            && let Some(word) = self.word.as_mut()
        {
            word.chars.push(c);
        }
    }

    fn close_word(&mut self) {
        self.close_char();
        if let Some(word) = self.word.take() {
            if let Some(line) = self.line.as_mut() {
                line.words.push(word);
            } else if let Some(page) = self.page.as_mut() {
                // A word outside any line is a line of its own.
                page.lines.push(OcrLine {
                    bbox: word.bbox,
                    words: vec![word],
                    ..Default::default()
                });
            }
        }
    }

    fn close_line(&mut self) {
        self.close_word();
        if let Some(line) = self.line.take()
            && let Some(page) = self.page.as_mut()
        {
            page.lines.push(line);
        }
    }

    fn close_page(&mut self) {
        self.close_line();
        if let Some(page) = self.page.take() {
            self.pages.push(page);
        }
    }
}

/// The `title` properties: `key v1 v2; key2 …`.
struct Props<'a>(Vec<(&'a str, &'a str)>);

impl<'a> Props<'a> {
    fn parse(title: &'a str) -> Self {
        Props(
            title
                .split(';')
                .filter_map(|p| {
                    let p = p.trim();
                    let (key, rest) = p.split_once(char::is_whitespace).unwrap_or((p, ""));
                    (!key.is_empty()).then_some((key, rest))
                })
                .collect(),
        )
    }

    fn get(&self, key: &str) -> Option<Vec<f32>> {
        self.0
            .iter()
            .find(|(k, _)| *k == key)
            .map(|(_, v)| numbers(v))
    }
}

/// Reads an hOCR document's pages.
pub(super) fn read(text: &str, report: &mut Report) -> Vec<OcrPage> {
    let mut reader = Reader::from_str(text);
    let config = reader.config_mut();
    config.check_end_names = false;
    config.allow_unmatched_ends = true;
    let mut state = State {
        pages: Vec::new(),
        page: None,
        line: None,
        word: None,
        character: None,
        stack: Vec::new(),
        bold: 0,
        italic: 0,
    };
    loop {
        match reader.read_event() {
            Ok(Event::Start(e)) => {
                let role = state.open(&e);
                // HTML's void elements have no end tag: `<meta …>` written without a
                // slash must not stay open and shift every later end tag by one.
                let void = matches!(
                    e.local_name().as_ref(),
                    "meta" | "br" | "img" | "link" | "hr" | "input" | "col" | "area"
                );
                if void {
                    state.close(role);
                } else {
                    state.push(role);
                }
            }
            Ok(Event::Empty(e)) => {
                let role = state.open(&e);
                state.close(role);
            }
            Ok(Event::End(_)) => {
                if let Some(role) = state.pop() {
                    state.close(role);
                }
            }
            Ok(Event::Text(t)) => state.text(&t.html_content()),
            Ok(Event::CData(t)) => state.text(&t),
            Ok(Event::GeneralRef(r)) => {
                // An entity we do not know stays as written.
                let resolved = match r.resolve_char_ref() {
                    Ok(Some(c)) => c.to_string(),
                    _ => entity(&r).map_or_else(|| format!("&{};", &*r), str::to_string),
                };
                state.text(&resolved);
            }
            Ok(Event::Eof) => break,
            Ok(_) => {}
            Err(e) => {
                report.warn(format!(
                    "hOCR unreadable after byte {}: {e}; the words after it are lost",
                    reader.buffer_position()
                ));
                break;
            }
        }
    }
    state.close_page();
    state.pages
}

/// The named entities hOCR files use: XML's five and the HTML ones engines emit.
fn entity(name: &str) -> Option<&'static str> {
    Some(match name {
        "amp" => "&",
        "lt" => "<",
        "gt" => ">",
        "quot" => "\"",
        "apos" => "'",
        "nbsp" => " ",
        "shy" => "\u{ad}",
        "ndash" => "–",
        "mdash" => "—",
        "lsquo" => "‘",
        "rsquo" => "’",
        "ldquo" => "“",
        "rdquo" => "”",
        "hellip" => "…",
        "bull" => "•",
        "copy" => "©",
        "sect" => "§",
        "para" => "¶",
        "dagger" => "†",
        "Dagger" => "‡",
        "deg" => "°",
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::source::Script;

    const PAGE: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<html xmlns="http://www.w3.org/1999/xhtml"><body>
 <div class='ocr_page' id='page_1' title='image "p.png"; bbox 0 0 1700 2200; ppageno 0; scan_res 200 200'>
  <div class='ocr_carea' title="bbox 100 100 900 300">
   <p class='ocr_par' title="bbox 100 100 900 300">
    <span class='ocr_line' title="bbox 100 100 900 130; baseline 0 -5; x_size 28; x_descenders 6; x_ascenders 7">
     <span class='ocrx_word' title='bbox 100 100 200 125; x_wconf 96'>Floods</span>
     <span class='ocrx_word' title='bbox 210 105 300 130; x_wconf 96'><strong>rose</strong></span>
     <span class='ocrx_word' title='bbox 310 105 420 125; x_wconf 96'>sharply.</span>
     <span class='ocrx_word' title='bbox 424 96 436 110; x_wconf 80'>3</span>
    </span>
    <span class='ocr_line' title="bbox 100 140 900 170; baseline 0 -5; x_size 28">
     <span class='ocrx_word' title='bbox 100 140 220 165'>AT&amp;T&#8217;s</span>
     <span class='ocrx_word' title='bbox 230 140 300 165'>&nbsp;</span>
    </span>
   </p>
  </div>
 </div>
 <div class='ocr_page' title='bbox 0 0 1700 2200'>
  <span class='ocr_line' title="bbox 100 100 900 130">Second page</span>
 </div>
</body></html>"#;

    #[test]
    fn reads_pages_lines_words_styles_and_entities() {
        let mut report = Report::default();
        let pages: Vec<_> = read(PAGE, &mut report)
            .into_iter()
            .map(OcrPage::into_page)
            .collect();
        assert!(report.warnings.is_empty(), "{:?}", report.warnings);
        assert_eq!(pages.len(), 2);
        let first = &pages[0];
        assert_eq!(first.number, 1);
        assert_eq!(first.lines.len(), 2);
        assert_eq!(first.lines[0].text(), "Floods rose sharply.3");
        assert!(first.lines[0].spans[1].style.bold);
        assert!(!first.lines[0].spans[0].style.bold);
        assert_eq!(first.lines[0].spans[3].style.script, Script::Super);
        assert_eq!(first.lines[1].text(), "AT&T’s");
        // 200 dpi: 1700 px is 612 points, a Letter page.
        assert!((first.size.unwrap().width - 612.0).abs() < 0.01);
        let base = first.lines[0].baseline.unwrap();
        assert!((base - 125.0 * 72.0 / 200.0).abs() < 0.01, "{base}");
        assert_eq!(pages[1].number, 2);
        assert_eq!(pages[1].lines[0].text(), "Second page");
    }

    #[test]
    fn a_file_cut_short_keeps_what_was_read_and_says_so() {
        let cut = &PAGE[..PAGE.find("sharply.").unwrap() + 4];
        let mut report = Report::default();
        let pages = read(cut, &mut report);
        assert_eq!(pages.len(), 1);
        let page = pages.into_iter().next().unwrap().into_page();
        assert_eq!(page.lines[0].text(), "Floods rose shar");
    }

    #[test]
    fn html_void_elements_and_deep_nesting_do_not_derail_the_reader() {
        let html = format!(
            "<html><head><meta charset=utf-8><link rel=x></head><body>\
             <div class='ocr_page' title='bbox 0 0 100 100'><br>\
             <span class='ocr_line' title='bbox 0 0 50 10'>\
             <span class='ocrx_word' title='bbox 0 0 20 10'>{}Deep{}</span>\
             <span class='ocrx_word' title='bbox 25 0 45 10'>end</span></span></div></body></html>",
            "<em>".repeat(100_000),
            "</em>".repeat(100_000)
        );
        let mut report = Report::default();
        let pages = read(&html, &mut report);
        assert_eq!(pages.len(), 1);
        let words = &pages[0].lines[0].words;
        assert_eq!(words.len(), 2);
        assert!(words[0].italic && !words[1].italic);
        assert_eq!(words[1].text, "end");
    }

    #[test]
    fn character_boxes_give_the_word_its_characters_and_no_spaces() {
        let hocr = "<html><body><div class='ocr_page' title='bbox 0 0 1000 1000'>
 <span class='ocr_line' title='bbox 100 100 300 125; baseline 0 0; x_size 25'>
  <span class='ocrx_word' title='bbox 100 100 180 125'>
   <span class='ocrx_cinfo' title='x_bboxes 100 105 120 125; x_conf 99'>r</span>
   <span class='ocrx_cinfo' title='x_bboxes 120 105 140 125; x_conf 99'>o</span>
   <span class='ocrx_cinfo' title='x_bboxes 140 105 160 125; x_conf 99'>s</span>
   <span class='ocrx_cinfo' title='x_bboxes 160 105 175 125; x_conf 99'>e</span>
   <span class='ocrx_cinfo' title='x_bboxes 176 120 180 125; x_conf 99'>.</span>
   <span class='ocrx_cinfo' title='x_bboxes 182 96 190 110; x_conf 60'>2</span>
  </span>
 </span></div></body></html>";
        let mut report = Report::default();
        let pages = read(hocr, &mut report);
        let word = &pages[0].lines[0].words[0];
        assert_eq!(word.text, "rose.2");
        assert_eq!(word.chars.len(), 6);
        let line = &pages.into_iter().next().unwrap().into_page().lines[0];
        assert_eq!(line.text(), "rose.2");
        assert_eq!(line.spans[1].style.script, Script::Super);
    }

    #[test]
    fn broken_markup_is_reported_not_fatal() {
        let broken = "<html><body><div class='ocr_page' title='bbox 0 0 100 100'>\
             <span class='ocr_line' title='bbox 0 0 50 10'><span class='ocrx_word' \
             title='bbox 0 0 20 10'>One</span></span><span class=\"x></body>";
        let mut report = Report::default();
        let pages = read(broken, &mut report);
        assert_eq!(pages.len(), 1);
        assert_eq!(pages[0].lines[0].words[0].text, "One");
        assert_eq!(report.warnings.len(), 1, "{:?}", report.warnings);
        assert!(report.warnings[0].contains("hOCR unreadable"));
    }
}
