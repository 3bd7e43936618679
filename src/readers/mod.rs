//! Readers turn input bytes into a [`SourceDocument`](crate::source::SourceDocument): pages of lines with whatever geometry
//! and style the input carries.

pub mod ocr;
pub mod pdf;
pub mod text;

use crate::error::{Error, describe_start};

/// The kinds of input brief2md reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum InputFormat {
    /// A PDF file, read natively.
    Pdf,
    /// Text already extracted from a PDF (pdftotext, OCR, another converter).
    Text,
    /// hOCR: an OCR engine's words with their boxes, as XHTML (Tesseract's `hocr` output).
    Hocr,
    /// ALTO XML: an OCR engine's words with their boxes (Tesseract's `alto` output, most
    /// library digitisation pipelines).
    Alto,
}

/// How far into a file a `%PDF-` header may start (some producers prepend junk).
const PDF_HEADER_WINDOW: usize = 1024;

/// Decides how to read `bytes`.
///
/// `declared` is what the user asked for (`--from`); `looks_like_pdf_name` is true when the
/// file name ends in `.pdf`, so that a misnamed file gets a precise error instead of being
/// read as text.
pub fn detect(
    bytes: &[u8],
    declared: Option<InputFormat>,
    looks_like_pdf_name: bool,
) -> Result<InputFormat, Error> {
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(Error::Empty);
    }
    let window = &bytes[..bytes.len().min(PDF_HEADER_WINDOW)];
    let has_pdf_header = window.windows(5).any(|w| w == b"%PDF-");
    match declared {
        Some(InputFormat::Text) => Ok(InputFormat::Text),
        Some(f @ (InputFormat::Hocr | InputFormat::Alto)) => Ok(f),
        Some(InputFormat::Pdf) if has_pdf_header => Ok(InputFormat::Pdf),
        Some(InputFormat::Pdf) => Err(Error::NotPdf {
            start: describe_start(bytes),
        }),
        None if has_pdf_header => Ok(InputFormat::Pdf),
        None if looks_like_pdf_name => Err(Error::NotPdf {
            start: describe_start(bytes),
        }),
        None => match ocr::sniff(bytes) {
            Some(ocr::OcrFormat::Hocr) => Ok(InputFormat::Hocr),
            Some(ocr::OcrFormat::Alto) => Ok(InputFormat::Alto),
            None => sniff_text(bytes),
        },
    }
}

/// Text, unless the bytes look binary.
fn sniff_text(bytes: &[u8]) -> Result<InputFormat, Error> {
    if text::looks_binary(bytes) {
        Err(Error::Binary {
            start: describe_start(bytes),
        })
    } else {
        Ok(InputFormat::Text)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sniffs_pdf_text_and_binary() {
        assert_eq!(
            detect(b"%PDF-1.7\n...", None, false).unwrap(),
            InputFormat::Pdf
        );
        assert_eq!(
            detect(b"\xEF\xBB\xBFHello\n", None, false).unwrap(),
            InputFormat::Text
        );
        assert!(matches!(detect(b" \n\t", None, false), Err(Error::Empty)));
        assert!(matches!(detect(b"", None, true), Err(Error::Empty)));
        let zip = b"PK\x03\x04\x14\x00\x00\x00\x08\x00";
        assert!(matches!(detect(zip, None, true), Err(Error::NotPdf { .. })));
        assert!(matches!(
            detect(zip, None, false),
            Err(Error::Binary { .. })
        ));
        assert!(matches!(
            detect(b"plain", Some(InputFormat::Pdf), false),
            Err(Error::NotPdf { .. })
        ));
        assert_eq!(
            detect(b"%PDF-1.4", Some(InputFormat::Text), false).unwrap(),
            InputFormat::Text
        );
    }
}
