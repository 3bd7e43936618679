//! ALTO XML (Analyzed Layout and Text Object, the Library of Congress standard): `Page`s of
//! `TextBlock`s of `TextLine`s of `String`s, each with `HPOS`/`VPOS`/`WIDTH`/`HEIGHT` in
//! the unit `MeasurementUnit` names (pixel, mm10 or inch1200), and `TextStyle`s (font size
//! in points, bold, italics, superscript) that strings and blocks refer to by `STYLEREFS`.
//! A hyphen at a line's end is a `HYP` element; it is printed, so it is kept.

use foldhash::HashMap;

use quick_xml::Reader;
use quick_xml::events::{BytesStart, Event};

use super::words::{OcrLine, OcrPage, OcrWord, attribute_value, numbers, pixel_scale};
use crate::report::Report;
use crate::source::{Rect, Script};

/// A `TextStyle`: what it says of size and style.
#[derive(Debug, Clone, Default)]
struct TextStyle {
    size: Option<f32>,
    bold: bool,
    italic: bool,
    script: Option<Script>,
}

impl TextStyle {
    fn apply_fontstyle(&mut self, value: &str) {
        for s in value.split_whitespace() {
            match s {
                "bold" => self.bold = true,
                "italics" | "italic" => self.italic = true,
                "superscript" => self.script = Some(Script::Super),
                "subscript" => self.script = Some(Script::Sub),
                _ => {}
            }
        }
    }
}

#[derive(Default)]
struct State {
    /// File units to points: set from `MeasurementUnit`, or per page for pixels.
    unit: Unit,
    styles: HashMap<String, TextStyle>,
    /// Style references of the open `TextBlock` and `TextLine`, inherited by strings.
    block_refs: String,
    line_refs: String,
    pages: Vec<OcrPage>,
    page: Option<OcrPage>,
    line: Option<OcrLine>,
    /// Inside `<MeasurementUnit>`.
    in_unit: bool,
}

#[derive(Debug, Clone, Copy, Default, PartialEq)]
enum Unit {
    #[default]
    Pixel,
    /// Tenths of a millimetre.
    Mm10,
    /// 1/1200 inch.
    Inch1200,
}

fn attrs(e: &BytesStart) -> HashMap<String, String> {
    e.attributes()
        .with_checks(false)
        .flatten()
        .map(|a| {
            let value = attribute_value(&a);
            (a.key.local_name().as_ref().to_string(), value)
        })
        .collect()
}

fn number(a: &HashMap<String, String>, key: &str) -> Option<f32> {
    a.get(key)
        .and_then(|v| numbers(v).first().copied())
        .filter(|v| v.is_finite())
}

/// The box `HPOS VPOS WIDTH HEIGHT` names.
fn boxed(a: &HashMap<String, String>) -> Option<Rect> {
    let (x, y, w, h) = (
        number(a, "HPOS")?,
        number(a, "VPOS")?,
        number(a, "WIDTH")?,
        number(a, "HEIGHT")?,
    );
    (w >= 0.0 && h >= 0.0).then_some(Rect {
        x0: x,
        y0: y,
        x1: x + w,
        y1: y + h,
    })
}

impl State {
    fn open(&mut self, e: &BytesStart) {
        let name = e.local_name();
        match name.as_ref() {
            "MeasurementUnit" => self.in_unit = true,
            "TextStyle" => {
                let a = attrs(e);
                let mut style = TextStyle {
                    size: number(&a, "FONTSIZE").filter(|s| *s > 0.0),
                    ..Default::default()
                };
                if let Some(v) = a.get("FONTSTYLE") {
                    style.apply_fontstyle(v);
                }
                if let Some(id) = a.get("ID") {
                    self.styles.insert(id.clone(), style);
                }
            }
            "Page" => {
                self.close_page();
                let a = attrs(e);
                let (w, h) = (number(&a, "WIDTH"), number(&a, "HEIGHT"));
                let bbox = match (w, h) {
                    (Some(w), Some(h)) if w > 0.0 && h > 0.0 => Some(Rect {
                        x0: 0.0,
                        y0: 0.0,
                        x1: w,
                        y1: h,
                    }),
                    _ => None,
                };
                let scale = match self.unit {
                    Unit::Mm10 => 72.0 / 254.0,
                    Unit::Inch1200 => 72.0 / 1200.0,
                    Unit::Pixel => pixel_scale(w, None),
                };
                self.page = Some(OcrPage {
                    number: self.pages.len() + 1,
                    bbox,
                    scale,
                    lines: Vec::new(),
                });
            }
            "TextBlock" => self.block_refs = attrs(e).remove("STYLEREFS").unwrap_or_default(),
            "TextLine" => {
                self.close_line();
                let a = attrs(e);
                let bbox = boxed(&a);
                self.line_refs = a.get("STYLEREFS").cloned().unwrap_or_default();
                // BASELINE is a y value (ALTO ≤ 4.1) or a polyline "x,y x,y" (4.2).
                let baseline = a.get("BASELINE").and_then(|v| {
                    let ys: Vec<f32> = v
                        .split_whitespace()
                        .filter_map(|p| p.rsplit(',').next()?.parse::<f32>().ok())
                        .filter(|y| y.is_finite())
                        .collect();
                    (!ys.is_empty()).then(|| ys.iter().sum::<f32>() / ys.len() as f32)
                });
                self.line = Some(OcrLine {
                    bbox,
                    baseline,
                    // Without a FONTSIZE, the line's box is the steadiest measure of its
                    // size: from the tallest ascender to the lowest descender, which nearly
                    // every line has (a word's box varies with its letters).
                    text_height: bbox.map(|b| b.height()).filter(|h| *h > 0.0),
                    words: Vec::new(),
                });
            }
            "String" => {
                let a = attrs(e);
                let mut style = TextStyle::default();
                let refs = a
                    .get("STYLEREFS")
                    .cloned()
                    .unwrap_or_else(|| format!("{} {}", self.line_refs, self.block_refs));
                for r in refs.split_whitespace() {
                    if let Some(s) = self.styles.get(r) {
                        style.size = style.size.or(s.size);
                        style.bold |= s.bold;
                        style.italic |= s.italic;
                        style.script = style.script.or(s.script);
                    }
                }
                if let Some(v) = a.get("STYLE") {
                    style.apply_fontstyle(v);
                }
                let word = OcrWord {
                    text: a.get("CONTENT").cloned().unwrap_or_default(),
                    bbox: boxed(&a),
                    size: style.size,
                    bold: style.bold,
                    italic: style.italic,
                    script: style.script,
                    chars: Vec::new(),
                };
                self.push_word(word);
            }
            // A character of the string just opened, with its own box (ALTO 3+).
            "Glyph" => {
                let a = attrs(e);
                let glyph = (boxed(&a), a.get("CONTENT").cloned().unwrap_or_default());
                if let Some(word) = self.line.as_mut().and_then(|l| l.words.last_mut()) {
                    word.chars.push(glyph);
                }
            }
            "HYP" => {
                let hyphen = attrs(e)
                    .remove("CONTENT")
                    .unwrap_or_else(|| "-".to_string());
                if let Some(last) = self.line.as_mut().and_then(|l| l.words.last_mut()) {
                    last.text.push_str(&hyphen);
                }
            }
            _ => {}
        }
    }

    fn push_word(&mut self, word: OcrWord) {
        if let Some(line) = self.line.as_mut() {
            line.words.push(word);
        } else if let Some(page) = self.page.as_mut() {
            page.lines.push(OcrLine {
                bbox: word.bbox,
                words: vec![word],
                ..Default::default()
            });
        }
    }

    fn end(&mut self, name: &str) {
        match name {
            "MeasurementUnit" => self.in_unit = false,
            "TextLine" => self.close_line(),
            "TextBlock" => self.block_refs.clear(),
            "Page" => self.close_page(),
            _ => {}
        }
    }

    fn close_line(&mut self) {
        if let Some(line) = self.line.take()
            && let Some(page) = self.page.as_mut()
        {
            page.lines.push(line);
        }
        self.line_refs.clear();
    }

    fn close_page(&mut self) {
        self.close_line();
        if let Some(page) = self.page.take() {
            self.pages.push(page);
        }
    }
}

/// Reads an ALTO document's pages.
pub(super) fn read(text: &str, report: &mut Report) -> Vec<OcrPage> {
    let mut reader = Reader::from_str(text);
    let config = reader.config_mut();
    config.check_end_names = false;
    config.allow_unmatched_ends = true;
    let mut state = State::default();
    loop {
        match reader.read_event() {
            Ok(Event::Start(e)) => state.open(&e),
            Ok(Event::Empty(e)) => {
                state.open(&e);
                state.end(e.local_name().as_ref());
            }
            Ok(Event::End(e)) => state.end(e.local_name().as_ref()),
            Ok(Event::Text(t)) if state.in_unit => {
                state.unit = match t.html_content().trim() {
                    "mm10" => Unit::Mm10,
                    "inch1200" => Unit::Inch1200,
                    _ => Unit::Pixel,
                };
            }
            Ok(Event::Eof) => break,
            Ok(_) => {}
            Err(e) => {
                report.warn(format!(
                    "ALTO unreadable after byte {}: {e}; the words after it are lost",
                    reader.buffer_position()
                ));
                break;
            }
        }
    }
    state.close_page();
    state.pages
}

#[cfg(test)]
mod tests {
    use super::*;

    const DOC: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<alto xmlns="http://www.loc.gov/standards/alto/ns-v4#">
 <Description><MeasurementUnit>mm10</MeasurementUnit></Description>
 <Styles>
  <TextStyle ID="body" FONTSIZE="10" FONTFAMILY="Times"/>
  <TextStyle ID="head" FONTSIZE="16" FONTSTYLE="bold"/>
  <TextStyle ID="note" FONTSIZE="6" FONTSTYLE="superscript"/>
 </Styles>
 <Layout>
  <Page ID="p1" WIDTH="2159" HEIGHT="2794" PHYSICAL_IMG_NR="1">
   <PrintSpace>
    <TextBlock ID="b1" STYLEREFS="head">
     <TextLine HPOS="250" VPOS="200" WIDTH="900" HEIGHT="60" BASELINE="250">
      <String CONTENT="Water" HPOS="250" VPOS="200" WIDTH="300" HEIGHT="60"/><SP/>
      <String CONTENT="Rights" HPOS="570" VPOS="200" WIDTH="300" HEIGHT="60"/>
     </TextLine>
    </TextBlock>
    <TextBlock ID="b2" STYLEREFS="body">
     <TextLine HPOS="250" VPOS="400" WIDTH="1600" HEIGHT="40">
      <String CONTENT="Farmers" HPOS="250" VPOS="400" WIDTH="200" HEIGHT="40"/><SP/>
      <String CONTENT="bor" HPOS="470" VPOS="400" WIDTH="100" HEIGHT="40"/><HYP CONTENT="-"/>
      <String CONTENT="1" STYLEREFS="note" HPOS="580" VPOS="390" WIDTH="15" HEIGHT="20"/>
     </TextLine>
    </TextBlock>
   </PrintSpace>
  </Page>
 </Layout>
</alto>"#;

    #[test]
    fn reads_units_styles_hyphens_and_superscripts() {
        let mut report = Report::default();
        let pages: Vec<_> = read(DOC, &mut report)
            .into_iter()
            .map(OcrPage::into_page)
            .collect();
        assert!(report.warnings.is_empty(), "{:?}", report.warnings);
        assert_eq!(pages.len(), 1);
        let page = &pages[0];
        // 2159 tenths of a millimetre is 8.5 inches: 612 points.
        assert!((page.size.unwrap().width - 612.0).abs() < 0.1);
        assert_eq!(page.lines[0].text(), "Water Rights");
        assert!(page.lines[0].spans[0].style.bold);
        assert_eq!(page.lines[0].spans[0].style.size, Some(16.0));
        assert_eq!(page.lines[1].text(), "Farmers bor-1");
        assert_eq!(page.lines[1].spans[2].style.script, Script::Super);
        assert_eq!(page.lines[1].spans[0].style.size, Some(10.0));
        assert!(!page.lines[1].spans[0].style.bold);
    }
}
