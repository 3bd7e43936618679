//! The signs a symbol font's codes draw, read from the font's own chart.
//!
//! Word, and the producers that copy it, write the text of a Symbol or Wingdings glyph as
//! its code plus U+F000: a private-use character that no reader can show. A Symbol bullet
//! comes out as U+F0B7, a Wingdings check mark as U+F0FC, and the arrow of "Schemas →
//! Tables" as U+F0AE. Other producers write the code itself as a Latin-1 letter, "o" for
//! Wingdings' white square and "è" for its arrow, or give no map at all. Each way names the
//! code the font draws, and the font's chart says which sign that is.
//!
//! A composite (Type 0) font's text is charted only from the private-use form. Its codes
//! are often glyph numbers, and an identity map then says "y" for a glyph that is no
//! Wingdings "y".

use crate::readers::pdf::afm::Std14;

use super::names::glyph_text;

/// A symbol font whose chart we know.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SymbolChart {
    /// Adobe's Symbol (Greek letters, mathematical signs, arrows, the bullet).
    Symbol,
    /// Microsoft's Wingdings (not Wingdings 2 or 3, whose charts differ).
    Wingdings,
    /// Foradian's Rupee font (2010), made before fonts carried the Indian rupee sign
    /// (U+20B9): it draws the sign for the grave accent's key, so the text says "`" where
    /// the page prints "₹" (Indian annual reports: "`17,81,841 crore").
    RupeeForadian,
}

/// Style words a symbol font's name may end in ("SymbolMT", "Wingdings-Regular").
const NAME_ENDINGS: [&str; 7] = ["", "mt", "ps", "psmt", "regular", "bold", "italic"];

impl SymbolChart {
    /// The chart a font's name (without its subset tag) designates.
    pub fn of_font(name: &str) -> Option<Self> {
        let plain: String = name
            .chars()
            .filter(char::is_ascii_alphanumeric)
            .map(|c| c.to_ascii_lowercase())
            .collect();
        let ends_plainly = |rest: &str| NAME_ENDINGS.contains(&rest);
        if plain.starts_with("rupeeforadian") {
            return Some(Self::RupeeForadian);
        }
        if let Some(rest) = plain.strip_prefix("wingdings") {
            // "Wingdings2", "Wingdings3" have charts of their own; a publisher's own cut
            // ("WingdingsBS") keeps the chart.
            return (!rest.starts_with(|c: char| c.is_ascii_digit())).then_some(Self::Wingdings);
        }
        plain
            .strip_prefix("symbol")
            .filter(|rest| ends_plainly(rest))
            .map(|_| Self::Symbol)
    }

    /// The sign code `code` draws, when the chart has a Unicode character for it. Space
    /// and codes below it are never charted.
    pub fn sign(self, code: u8) -> Option<char> {
        if code <= b' ' {
            return None;
        }
        match self {
            Self::Symbol => {
                let name = Std14::Symbol.metrics().encoding[usize::from(code)]?;
                let text = glyph_text(name);
                let mut chars = text.chars();
                match (chars.next(), chars.next()) {
                    (Some(c), None) => Some(c),
                    _ => None,
                }
            }
            Self::Wingdings => wingdings(code),
            Self::RupeeForadian => (code == b'`').then_some('₹'),
        }
    }
}

/// The code a private-use character U+F021…U+F0FF stands for in a symbol font.
pub fn private_use_code(c: char) -> Option<u8> {
    let n = u32::from(c).checked_sub(0xF000)?;
    u8::try_from(n).ok().filter(|&b| b > b' ')
}

/// The code a symbol font's text names: its private-use form, or for a simple font's
/// Wingdings or Rupee, a Latin-1 character (the code written as itself).
pub fn named_code(chart: SymbolChart, c: char, simple: bool) -> Option<u8> {
    if let Some(code) = private_use_code(c) {
        return Some(code);
    }
    if simple && matches!(chart, SymbolChart::Wingdings | SymbolChart::RupeeForadian) {
        return u8::try_from(u32::from(c)).ok().filter(|&b| b > b' ');
    }
    None
}

/// Wingdings' chart: the codes whose sign Unicode encodes. Codes left out (the candle, the
/// Windows logo, most leaves and curved arrows) have no character of their own.
fn wingdings(code: u8) -> Option<char> {
    let n: u32 = match code {
        0x21 => 0x270F,
        0x22 => 0x2702,
        0x23 => 0x2701,
        0x24 => 0x1F453,
        0x25 => 0x1F514,
        0x26 => 0x1F4D6,
        0x28 => 0x260E,
        0x29 => 0x2706,
        0x2A => 0x2709,
        0x2C => 0x1F4EA,
        0x2D => 0x1F4EB,
        0x2E => 0x1F4EC,
        0x2F => 0x1F4ED,
        0x30 => 0x1F4C1,
        0x31 => 0x1F4C2,
        0x32 => 0x1F4C4,
        0x36 => 0x231B,
        0x37 => 0x2328,
        0x3A => 0x1F4BB,
        0x3C => 0x1F4BE,
        0x3E => 0x2707,
        0x3F => 0x270D,
        0x41 => 0x270C,
        0x42 => 0x1F44C,
        0x43 => 0x1F44D,
        0x44 => 0x1F44E,
        0x45 => 0x261C,
        0x46 => 0x261E,
        0x47 => 0x261D,
        0x48 => 0x261F,
        0x49 => 0x270B,
        0x4A => 0x263A,
        0x4B => 0x1F610,
        0x4C => 0x2639,
        0x4D => 0x1F4A3,
        0x4E => 0x2620,
        0x4F => 0x2690,
        0x50 => 0x1F6A9,
        0x51 => 0x2708,
        0x52 => 0x263C,
        0x53 => 0x1F4A7,
        0x54 => 0x2744,
        0x56 => 0x271E,
        0x58 => 0x2720,
        0x59 => 0x2721,
        0x5A => 0x262A,
        0x5B => 0x262F,
        0x5C => 0x0950,
        0x5D => 0x2638,
        // The twelve signs of the zodiac, Aries to Pisces.
        0x5E..=0x69 => 0x2648 + u32::from(code - 0x5E),
        0x6A | 0x6B => 0x26,
        0x6C => 0x25CF,
        0x6D => 0x274D,
        0x6E => 0x25A0,
        0x6F => 0x25A1,
        0x71 => 0x2751,
        0x72 => 0x2752,
        0x73 => 0x2B27,
        0x74 => 0x29EB,
        0x75 => 0x25C6,
        0x76 => 0x2756,
        0x77 => 0x2B25,
        0x78 => 0x2327,
        0x79 => 0x2353,
        0x7A => 0x2318,
        0x7B => 0x2740,
        0x7C => 0x273F,
        0x7D => 0x275D,
        0x7E => 0x275E,
        0x7F => 0x25AF,
        // Circled figures: 0, 1-10, then a black 0 and black 1-10.
        0x80 => 0x24EA,
        0x81..=0x8A => 0x2460 + u32::from(code - 0x81),
        0x8B => 0x24FF,
        0x8C..=0x95 => 0x2776 + u32::from(code - 0x8C),
        0x9E => 0x00B7,
        0x9F => 0x2022,
        0xA0 | 0xA7 => 0x25AA,
        0xA1 => 0x25CB,
        0xA2 => 0x2B55,
        0xA4 => 0x25C9,
        0xA5 => 0x25CE,
        0xA8 => 0x25FB,
        0xAA => 0x2726,
        0xAB => 0x2605,
        0xAC => 0x2736,
        0xAD => 0x2734,
        0xAE => 0x2739,
        0xAF => 0x2735,
        0xB1 => 0x2316,
        0xB2 => 0x27E1,
        0xB3 => 0x2311,
        0xB5 => 0x272A,
        0xB6 => 0x2730,
        // Clock faces, one o'clock to twelve.
        0xB7..=0xC2 => 0x1F550 + u32::from(code - 0xB7),
        0xD5 => 0x232B,
        0xD6 => 0x2326,
        0xD8 => 0x27A2,
        0xDC => 0x27B2,
        0xE8 => 0x2794,
        0xEF => 0x21E6,
        0xF0 => 0x21E8,
        0xF1 => 0x21E7,
        0xF2 => 0x21E9,
        0xF3 => 0x2B04,
        0xF4 => 0x21F3,
        0xF9 => 0x25AD,
        0xFA => 0x25AB,
        0xFB => 0x2717,
        0xFC => 0x2713,
        0xFD => 0x2612,
        0xFE => 0x2611,
        _ => return None,
    };
    char::from_u32(n)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::readers::pdf::fonts::{Font, load};
    use lopdf::{Dictionary, Document, Object, Stream, dictionary};

    /// Each code's text and, when charted, the text the font's map gave.
    fn read(font: &Font, bytes: &[u8]) -> Vec<(String, Option<char>)> {
        let mut out = Vec::new();
        font.decode(bytes, |g| out.push((g.text.to_string(), g.charted)));
        out
    }

    fn to_unicode(doc: &mut Document, entries: &str) -> Object {
        let cmap = format!(
            "/CIDInit /ProcSet findresource begin 12 dict begin begincmap
1 begincodespacerange <00> <FF> endcodespacerange
{entries}
endcmap CMapName currentdict /CMap defineresource pop end end"
        );
        doc.add_object(Stream::new(Dictionary::new(), cmap.into_bytes()))
            .into()
    }

    #[test]
    fn a_simple_fonts_codes_read_through_its_chart() {
        let mut doc = Document::with_version("1.7");
        // Acrobat's way: the map writes Wingdings' codes as Latin-1 letters.
        let map = to_unicode(
            &mut doc,
            "3 beginbfchar <02> <00E8> <03> <006F> <20> <2022> endbfchar",
        );
        let wingdings = dictionary! {
            "Type" => "Font", "Subtype" => "Type1", "BaseFont" => "FDJHAD+Wingdings-Regular",
            "ToUnicode" => map,
        };
        assert_eq!(
            read(&load(&doc, &wingdings), &[2, 3, 0x20]),
            vec![
                ("➔".into(), Some('è')),
                ("□".into(), Some('o')),
                // A map that already names the sign is kept as it is.
                ("•".into(), None),
            ]
        );
        // No map and no encoding: the codes are the chart's.
        let bare =
            dictionary! { "Type" => "Font", "Subtype" => "TrueType", "BaseFont" => "Wingdings" };
        assert_eq!(
            read(&load(&doc, &bare), &[0xFC, b'l']),
            vec![("✓".into(), Some('ü')), ("●".into(), Some('l'))]
        );
        // Word's way: the private-use form, here of Symbol's arrow.
        let map = to_unicode(&mut doc, "1 beginbfchar <AE> <F0AE> endbfchar");
        let symbol = dictionary! {
            "Type" => "Font", "Subtype" => "TrueType", "BaseFont" => "SymbolMT",
            "Encoding" => "WinAnsiEncoding", "ToUnicode" => map,
        };
        assert_eq!(
            read(&load(&doc, &symbol), &[0xAE]),
            vec![("→".into(), Some('\u{F0AE}'))]
        );
    }

    /// The rupee font's grave accent is the rupee sign, mapped or named by the encoding;
    /// its figures are figures.
    #[test]
    fn the_rupee_fonts_grave_accent_reads_as_the_rupee_sign() {
        let mut doc = Document::with_version("1.7");
        let map = to_unicode(&mut doc, "2 beginbfchar <60> <0060> <31> <0031> endbfchar");
        let mapped = dictionary! {
            "Type" => "Font", "Subtype" => "TrueType", "BaseFont" => "AUQYJP+RupeeForadian",
            "Encoding" => "WinAnsiEncoding", "ToUnicode" => map,
        };
        assert_eq!(
            read(&load(&doc, &mapped), b"`1"),
            vec![("₹".into(), Some('`')), ("1".into(), None)]
        );
        let named = dictionary! {
            "Type" => "Font", "Subtype" => "TrueType", "BaseFont" => "Rupee_Foradian",
            "Encoding" => "WinAnsiEncoding",
        };
        assert_eq!(
            read(&load(&doc, &named), b"`"),
            vec![("₹".into(), Some('`'))]
        );
        assert_eq!(SymbolChart::of_font("Rupee"), None);
    }

    /// A Mac file's SymbolMT under MacRomanEncoding draws code 165 as the bullet the
    /// encoding names, not as Symbol's ∞; a text font's private-use character stays.
    #[test]
    fn a_named_encoding_or_a_text_font_is_not_charted() {
        let mut doc = Document::with_version("1.7");
        // Embedded, as such subsets are: not read with the standard Symbol's metrics.
        let program = doc.add_object(Stream::new(Dictionary::new(), Vec::new()));
        let descriptor = doc.add_object(dictionary! { "Flags" => 4, "FontFile2" => program });
        let mac = dictionary! {
            "Type" => "Font", "Subtype" => "TrueType", "BaseFont" => "AAAAAH+SymbolMT",
            "Encoding" => "MacRomanEncoding", "FontDescriptor" => descriptor,
        };
        assert_eq!(read(&load(&doc, &mac), &[165]), vec![("•".into(), None)]);
        let bare = dictionary! { "Type" => "Font", "Subtype" => "TrueType", "BaseFont" => "Arial" };
        assert_eq!(read(&load(&doc, &bare), b"o"), vec![("o".into(), None)]);
    }

    /// A composite font's identity map may name glyph numbers ("y" for a check box): only
    /// the private-use form is charted.
    #[test]
    fn a_composite_font_is_charted_from_the_private_use_form_only() {
        let mut doc = Document::with_version("1.7");
        let cmap = b"/CIDInit /ProcSet findresource begin 12 dict begin begincmap
1 begincodespacerange <0000> <FFFF> endcodespacerange
2 beginbfchar <0079> <0079> <0001> <F0FC> endbfchar
endcmap CMapName currentdict /CMap defineresource pop end end";
        let map = doc.add_object(Stream::new(Dictionary::new(), cmap.to_vec()));
        let cid_font = doc.add_object(dictionary! {
            "Type" => "Font", "Subtype" => "CIDFontType2", "BaseFont" => "Wingdings", "DW" => 1000,
        });
        let font = dictionary! {
            "Type" => "Font", "Subtype" => "Type0", "BaseFont" => "XXQNYR+Wingdings",
            "Encoding" => "Identity-H", "DescendantFonts" => vec![cid_font.into()],
            "ToUnicode" => map,
        };
        assert_eq!(
            read(&load(&doc, &font), &[0, 0x79, 0, 1]),
            vec![("y".into(), None), ("✓".into(), Some('\u{F0FC}'))]
        );
    }

    #[test]
    fn fonts_are_known_by_their_names() {
        assert_eq!(SymbolChart::of_font("SymbolMT"), Some(SymbolChart::Symbol));
        assert_eq!(
            SymbolChart::of_font("Symbol,Bold"),
            Some(SymbolChart::Symbol)
        );
        assert_eq!(
            SymbolChart::of_font("Wingdings-Regular"),
            Some(SymbolChart::Wingdings)
        );
        assert_eq!(
            SymbolChart::of_font("WingdingsBS"),
            Some(SymbolChart::Wingdings)
        );
        assert_eq!(SymbolChart::of_font("Wingdings 2"), None);
        assert_eq!(SymbolChart::of_font("Wingdings3"), None);
        // Text faces that merely begin with the word keep their letters.
        assert_eq!(SymbolChart::of_font("SymbolaSans"), None);
        assert_eq!(SymbolChart::of_font("SymbolSigns"), None);
        assert_eq!(SymbolChart::of_font("TimesNewRomanPSMT"), None);
    }

    #[test]
    fn signs_come_from_each_chart() {
        assert_eq!(SymbolChart::Symbol.sign(0xB7), Some('•'));
        assert_eq!(SymbolChart::Symbol.sign(0xAE), Some('→'));
        assert_eq!(SymbolChart::Symbol.sign(b'a'), Some('α'));
        assert_eq!(SymbolChart::Wingdings.sign(b'o'), Some('□'));
        assert_eq!(SymbolChart::Wingdings.sign(b'l'), Some('●'));
        assert_eq!(SymbolChart::Wingdings.sign(0xA7), Some('▪'));
        assert_eq!(SymbolChart::Wingdings.sign(0xD8), Some('➢'));
        assert_eq!(SymbolChart::Wingdings.sign(0xFC), Some('✓'));
        assert_eq!(SymbolChart::Wingdings.sign(0x84), Some('④'));
        assert_eq!(SymbolChart::Wingdings.sign(0x93), Some('❽'));
        // No character of its own: the candle, the Windows logo; space is never charted.
        assert_eq!(SymbolChart::Wingdings.sign(0x27), None);
        assert_eq!(SymbolChart::Wingdings.sign(0xFF), None);
        assert_eq!(SymbolChart::Wingdings.sign(b' '), None);
    }

    #[test]
    fn the_code_a_text_names() {
        let w = SymbolChart::Wingdings;
        assert_eq!(named_code(w, '\u{F0FC}', false), Some(0xFC));
        assert_eq!(named_code(w, 'o', true), Some(b'o'));
        // A composite font's letter may be a glyph number: not charted.
        assert_eq!(named_code(w, 'o', false), None);
        assert_eq!(named_code(SymbolChart::Symbol, 'a', true), None);
        assert_eq!(named_code(w, '\u{F020}', true), None);
        assert_eq!(named_code(w, '•', true), None);
    }
}
