//! The base encodings of simple fonts (ISO 32000-1, Annex D), as code → Unicode tables.
//!
//! The tables are written here from the published character sets: the printable ASCII range
//! is shared, and each encoding lists its upper half (0x80–0xFF) as a string of 128
//! characters, `\0` standing for an unassigned code. Symbol and ZapfDingbats have no table
//! here: their built-in encodings come from the code numbers in their AFM files (see
//! [`super::afm`]).

use std::sync::OnceLock;

/// A named base encoding.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BaseEncoding {
    /// Adobe StandardEncoding (the default built-in encoding of Latin Type 1 fonts).
    Standard,
    /// WinAnsiEncoding (Windows code page 1252).
    WinAnsi,
    /// MacRomanEncoding.
    MacRoman,
    /// PDFDocEncoding (also used for text strings outside content streams).
    PdfDoc,
}

impl BaseEncoding {
    /// The encoding a `/Encoding` or `/BaseEncoding` name stands for.
    pub fn from_name(name: &[u8]) -> Option<BaseEncoding> {
        match name {
            b"StandardEncoding" => Some(BaseEncoding::Standard),
            b"WinAnsiEncoding" => Some(BaseEncoding::WinAnsi),
            b"MacRomanEncoding" => Some(BaseEncoding::MacRoman),
            b"PDFDocEncoding" => Some(BaseEncoding::PdfDoc),
            // MacExpert holds small capitals and old-style figures: StandardEncoding is
            // the closest useful reading of those codes.
            b"MacExpertEncoding" => Some(BaseEncoding::Standard),
            _ => None,
        }
    }

    /// Code → character; `None` for an unassigned code.
    pub fn table(self) -> &'static [Option<char>; 256] {
        static TABLES: OnceLock<[[Option<char>; 256]; 4]> = OnceLock::new();
        let all = TABLES.get_or_init(|| {
            [
                build(STANDARD_LOW, STANDARD_HIGH),
                // ISO 32000-1 Annex D: in WinAnsiEncoding every unused code above
                // octal 40 shows the bullet.
                build(&[(0x7f, '•')], &WIN_ANSI_HIGH.replace('\0', "•")),
                build(&[], MAC_ROMAN_HIGH),
                build(PDF_DOC_LOW, PDF_DOC_HIGH),
            ]
        });
        match self {
            BaseEncoding::Standard => &all[0],
            BaseEncoding::WinAnsi => &all[1],
            BaseEncoding::MacRoman => &all[2],
            BaseEncoding::PdfDoc => &all[3],
        }
    }

    /// Decodes one code.
    pub fn decode(self, code: u8) -> Option<char> {
        self.table()[code as usize]
    }
}

/// Printable ASCII plus the per-encoding exceptions and upper half.
fn build(low_overrides: &[(u8, char)], high: &str) -> [Option<char>; 256] {
    let mut t = [None; 256];
    for code in 0x20u8..=0x7e {
        t[code as usize] = Some(code as char);
    }
    for &(code, ch) in low_overrides {
        t[code as usize] = (ch != '\0').then_some(ch);
    }
    for (i, ch) in high.chars().take(128).enumerate() {
        t[0x80 + i] = (ch != '\0').then_some(ch);
    }
    t
}

/// StandardEncoding differs from ASCII in its quotes.
const STANDARD_LOW: &[(u8, char)] = &[(0x27, '\u{2019}'), (0x60, '\u{2018}')];

/// PDFDocEncoding: tab, line feed and carriage return, and eight accents at 0x18–0x1F.
const PDF_DOC_LOW: &[(u8, char)] = &[
    (0x09, '\t'),
    (0x0a, '\n'),
    (0x0d, '\r'),
    (0x18, '\u{02d8}'),
    (0x19, '\u{02c7}'),
    (0x1a, '\u{02c6}'),
    (0x1b, '\u{02d9}'),
    (0x1c, '\u{02dd}'),
    (0x1d, '\u{02db}'),
    (0x1e, '\u{02da}'),
    (0x1f, '\u{02dc}'),
];

const STANDARD_HIGH: &str = concat!(
    "\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0",
    "\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0",
    "\0¡¢£⁄¥ƒ§¤'“«‹›ﬁﬂ",
    "\0–†‡·\0¶•‚„”»…‰\0¿",
    "\0`´ˆ˜¯˘˙¨\0˚¸\0˝˛ˇ",
    "—\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0",
    "\0Æ\0ª\0\0\0\0ŁØŒº\0\0\0\0",
    "\0æ\0\0\0ı\0\0łøœß\0\0\0\0",
);

/// Code page 1252 as PDF defines it: 0xA0 is a plain space and 0xAD a hyphen.
const WIN_ANSI_HIGH: &str = concat!(
    "€\0‚ƒ„…†‡ˆ‰Š‹Œ\0Ž\0",
    "\0‘’“”•–—˜™š›œ\0žŸ",
    " ¡¢£¤¥¦§¨©ª«¬-®¯",
    "°±²³´µ¶·¸¹º»¼½¾¿",
    "ÀÁÂÃÄÅÆÇÈÉÊËÌÍÎÏ",
    "ÐÑÒÓÔÕÖ×ØÙÚÛÜÝÞß",
    "àáâãäåæçèéêëìíîï",
    "ðñòóôõö÷øùúûüýþÿ",
);

/// Mac OS Roman; 0xCA is a no-break space, read as a space.
const MAC_ROMAN_HIGH: &str = concat!(
    "ÄÅÇÉÑÖÜáàâäãåçéè",
    "êëíìîïñóòôöõúùûü",
    "†°¢£§•¶ß®©™´¨≠ÆØ",
    "∞±≤≥¥µ∂∑∏π∫ªºΩæø",
    "¿¡¬√ƒ≈∆«»… ÀÃÕŒœ",
    "–—“”‘’÷◊ÿŸ⁄¤‹›ﬁﬂ",
    "‡·‚„‰ÂÊÁËÈÍÎÏÌÓÔ",
    "\0ÒÚÛÙıˆ˜¯˘˙˚¸˝˛ˇ",
);

const PDF_DOC_HIGH: &str = concat!(
    "•†‡…—–ƒ⁄‹›−‰„“”‘",
    "’‚™ﬁﬂŁŒŠŸŽıłœšž\0",
    "€¡¢£¤¥¦§¨©ª«¬\0®¯",
    "°±²³´µ¶·¸¹º»¼½¾¿",
    "ÀÁÂÃÄÅÆÇÈÉÊËÌÍÎÏ",
    "ÐÑÒÓÔÕÖ×ØÙÚÛÜÝÞß",
    "àáâãäåæçèéêëìíîï",
    "ðñòóôõö÷øùúûüýþÿ",
);

/// Decodes a PDF text string (outside content streams): UTF-16BE or UTF-8 with their
/// byte-order marks, else PDFDocEncoding.
pub fn decode_text_string(bytes: &[u8]) -> String {
    if let Some(rest) = bytes.strip_prefix(&[0xfe, 0xff]) {
        let units: Vec<u16> = rest
            .chunks_exact(2)
            .map(|p| u16::from_be_bytes([p[0], p[1]]))
            .collect();
        return char::decode_utf16(units)
            .map(|r| r.unwrap_or('\u{fffd}'))
            .collect();
    }
    if let Some(rest) = bytes.strip_prefix(&[0xef, 0xbb, 0xbf]) {
        return String::from_utf8_lossy(rest).into_owned();
    }
    // Unassigned codes (mostly control characters) carry no text: drop them.
    bytes
        .iter()
        .filter_map(|&b| BaseEncoding::PdfDoc.decode(b))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn upper_halves_have_128_codes() {
        for high in [STANDARD_HIGH, WIN_ANSI_HIGH, MAC_ROMAN_HIGH, PDF_DOC_HIGH] {
            assert_eq!(high.chars().count(), 128, "{high}");
        }
    }

    #[test]
    fn well_known_codes() {
        use BaseEncoding::*;
        assert_eq!(WinAnsi.decode(0x93), Some('“'));
        assert_eq!(WinAnsi.decode(0x80), Some('€'));
        assert_eq!(WinAnsi.decode(0x81), Some('•'));
        assert_eq!(WinAnsi.decode(0x7f), Some('•'));
        assert_eq!(WinAnsi.decode(0x1f), None);
        assert_eq!(WinAnsi.decode(0xe9), Some('é'));
        assert_eq!(Standard.decode(0x27), Some('’'));
        assert_eq!(Standard.decode(0xae), Some('ﬁ'));
        assert_eq!(Standard.decode(0xb7), Some('•'));
        assert_eq!(MacRoman.decode(0x8e), Some('é'));
        assert_eq!(MacRoman.decode(0xd2), Some('“'));
        assert_eq!(PdfDoc.decode(0x80), Some('•'));
        assert_eq!(PdfDoc.decode(0xa0), Some('€'));
        assert_eq!(PdfDoc.decode(0x41), Some('A'));
        assert_eq!(BaseEncoding::from_name(b"WinAnsiEncoding"), Some(WinAnsi));
        assert_eq!(BaseEncoding::from_name(b"Bogus"), None);
    }

    #[test]
    fn text_strings_in_all_three_forms() {
        assert_eq!(decode_text_string(b"\xfe\xff\x00H\x00i"), "Hi");
        assert_eq!(decode_text_string(b"\xef\xbb\xbfcaf\xc3\xa9"), "café");
        assert_eq!(decode_text_string(b"caf\xe9 \x84"), "café —");
        // An odd trailing byte in UTF-16 is ignored rather than a panic.
        assert_eq!(decode_text_string(b"\xfe\xff\x00H\x00"), "H");
    }
}
