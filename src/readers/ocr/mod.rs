//! Readers for what OCR engines write beside their text: hOCR (XHTML, Tesseract's `hocr`
//! output, OCRopus, kraken) and ALTO (XML, Tesseract's `alto` output and most library
//! digitisation pipelines).
//!
//! Both give every recognised word its box on the page image and group words into lines,
//! and some give font sizes and styles. That is the geometry a scanned document has lost in
//! plain OCR text: with it, the page analysis and cleaning passes read an OCR'd page the way
//! they read a PDF page (a raised, smaller word is a footnote marker; a larger line is a
//! heading; the bottom band holds the page number). Coordinates are converted from image
//! pixels to points, so that sizes mean what they mean in a PDF.

mod alto;
mod hocr;
mod words;

use crate::report::Report;
use crate::source::{SourceDocument, SourceInfo, SourceKind};

/// The OCR layout formats brief2md reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OcrFormat {
    /// hOCR: XHTML with `ocr_page`, `ocr_line` and `ocrx_word` elements.
    Hocr,
    /// ALTO XML: `Page`, `TextLine` and `String` elements.
    Alto,
}

/// How far into a file the evidence for an OCR format is looked for.
const SNIFF_WINDOW: usize = 8192;

/// Which OCR layout format `bytes` hold, if any: an XML or HTML file whose start names
/// hOCR's page class or ALTO's root element.
pub fn sniff(bytes: &[u8]) -> Option<OcrFormat> {
    let window = &bytes[..bytes.len().min(SNIFF_WINDOW)];
    let text = String::from_utf8_lossy(window);
    let start = text.trim_start_matches('\u{feff}').trim_start();
    if !start.starts_with('<') {
        return None;
    }
    if text.contains("ocr_page") {
        Some(OcrFormat::Hocr)
    } else if text.contains("<alto") || text.contains(":alto") {
        Some(OcrFormat::Alto)
    } else {
        None
    }
}

/// Reads an hOCR or ALTO file into pages of positioned lines.
pub fn read(bytes: &[u8], format: OcrFormat, report: &mut Report) -> SourceDocument {
    let text = String::from_utf8_lossy(bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes));
    let pages = match format {
        OcrFormat::Hocr => hocr::read(&text, report),
        OcrFormat::Alto => alto::read(&text, report),
    };
    let name = match format {
        OcrFormat::Hocr => "hOCR",
        OcrFormat::Alto => "ALTO",
    };
    if pages.is_empty() {
        report.warn(format!("no page found in this {name} file"));
    }
    SourceDocument {
        kind: SourceKind::Ocr,
        pages: pages.into_iter().map(words::OcrPage::into_page).collect(),
        info: SourceInfo {
            recognised: true,
            ..Default::default()
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sniffs_hocr_and_alto_but_not_other_markup() {
        let hocr =
            b"<?xml version=\"1.0\"?>\n<html><body><div class='ocr_page' title='bbox 0 0 10 10'>";
        assert_eq!(sniff(hocr), Some(OcrFormat::Hocr));
        let alto = b"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<alto xmlns=\"http://www.loc.gov/standards/alto/ns-v3#\">";
        assert_eq!(sniff(alto), Some(OcrFormat::Alto));
        assert_eq!(sniff(b"<html><body><p>Hello</p></body></html>"), None);
        // Text that merely mentions the class is text.
        assert_eq!(sniff(b"The ocr_page class marks a page."), None);
    }
}
