//! Metrics of the standard 14 fonts, for fonts a PDF names without embedding or giving
//! `/Widths`. The AFM files come from `pdf-core-14-font-afms`; only their `C` lines
//! (code, width, glyph name) are read. Symbol and ZapfDingbats also take their built-in
//! encodings from those code numbers.

use foldhash::{HashMap, HashMapExt};
use std::sync::OnceLock;

/// One of the standard 14 fonts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Std14 {
    Courier,
    CourierBold,
    CourierOblique,
    CourierBoldOblique,
    Helvetica,
    HelveticaBold,
    HelveticaOblique,
    HelveticaBoldOblique,
    TimesRoman,
    TimesBold,
    TimesItalic,
    TimesBoldItalic,
    Symbol,
    ZapfDingbats,
}

/// Parsed metrics of one font.
#[derive(Debug, Default)]
pub struct Afm {
    /// Advance width (1/1000 em) by glyph name.
    pub widths: HashMap<&'static str, f32>,
    /// Built-in encoding: glyph name by code.
    pub encoding: Vec<Option<&'static str>>,
    /// Advance width by the character a glyph name stands for (first name wins).
    pub by_char: HashMap<char, f32>,
}

impl Std14 {
    /// Which standard font a `/BaseFont` (subset prefix removed) names or approximates,
    /// counting the usual Windows aliases (Arial, Times New Roman, Courier New).
    pub fn from_base_font(name: &str) -> Option<Std14> {
        let lower: String = name
            .chars()
            .filter(|c| c.is_ascii_alphanumeric())
            .map(|c| c.to_ascii_lowercase())
            .collect();
        let bold = lower.contains("bold") || lower.contains("black") || lower.contains("heavy");
        let italic = lower.contains("italic") || lower.contains("oblique");
        use Std14::*;
        let pick = |r, b, i, bi| match (bold, italic) {
            (false, false) => r,
            (true, false) => b,
            (false, true) => i,
            (true, true) => bi,
        };
        if lower.starts_with("courier") {
            Some(pick(
                Courier,
                CourierBold,
                CourierOblique,
                CourierBoldOblique,
            ))
        } else if lower.starts_with("helvetica") || lower.starts_with("arial") {
            Some(pick(
                Helvetica,
                HelveticaBold,
                HelveticaOblique,
                HelveticaBoldOblique,
            ))
        } else if lower.starts_with("times") {
            Some(pick(TimesRoman, TimesBold, TimesItalic, TimesBoldItalic))
        } else if lower == "symbol" || lower.starts_with("symbolmt") {
            Some(Symbol)
        } else if lower.contains("dingbats") {
            Some(ZapfDingbats)
        } else {
            None
        }
    }

    /// A stand-in for an unknown unembedded font, from its descriptor flags and style.
    pub fn substitute(fixed_pitch: bool, serif: bool, bold: bool, italic: bool) -> Std14 {
        use Std14::*;
        let family = match (fixed_pitch, serif) {
            (true, _) => [Courier, CourierBold, CourierOblique, CourierBoldOblique],
            (false, true) => [TimesRoman, TimesBold, TimesItalic, TimesBoldItalic],
            (false, false) => [
                Helvetica,
                HelveticaBold,
                HelveticaOblique,
                HelveticaBoldOblique,
            ],
        };
        family[usize::from(bold) + 2 * usize::from(italic)]
    }

    /// Whether the font's built-in encoding is its own (not StandardEncoding).
    pub fn is_symbolic(self) -> bool {
        matches!(self, Std14::Symbol | Std14::ZapfDingbats)
    }

    fn source(self) -> &'static str {
        use pdf_core_14_font_afms as f;
        match self {
            Std14::Courier => f::COURIER,
            Std14::CourierBold => f::COURIER_BOLD,
            Std14::CourierOblique => f::COURIER_OBLIQUE,
            Std14::CourierBoldOblique => f::COURIER_BOLD_OBLIQUE,
            Std14::Helvetica => f::HELVETICA,
            Std14::HelveticaBold => f::HELVETICA_BOLD,
            Std14::HelveticaOblique => f::HELVETICA_OBLIQUE,
            Std14::HelveticaBoldOblique => f::HELVETICA_BOLD_OBLIQUE,
            Std14::TimesRoman => f::TIMES_ROMAN,
            Std14::TimesBold => f::TIMES_BOLD,
            Std14::TimesItalic => f::TIMES_ITALIC,
            Std14::TimesBoldItalic => f::TIMES_BOLD_ITALIC,
            Std14::Symbol => f::SYMBOL,
            Std14::ZapfDingbats => f::ZAPF_DINGBATS,
        }
    }

    /// The parsed metrics (parsed once per process).
    pub fn metrics(self) -> &'static Afm {
        static CACHE: [OnceLock<Afm>; 14] = [const { OnceLock::new() }; 14];
        CACHE[self as usize].get_or_init(|| parse(self.source()))
    }
}

/// Reads the `C code ; WX width ; N name ; …` lines of the character metrics section.
/// Nothing after `EndCharMetrics` is read: the kerning pairs that follow are most of a
/// text font's file, and no `C` line comes after them (see `only_the_metrics_section`).
fn parse(text: &'static str) -> Afm {
    let mut afm = Afm {
        widths: HashMap::new(),
        encoding: vec![None; 256],
        by_char: HashMap::new(),
    };
    for line in metrics_lines(text) {
        let mut code: Option<i32> = None;
        let mut width: Option<f32> = None;
        let mut name: Option<&'static str> = None;
        for field in line.split(';') {
            let mut parts = field.split_whitespace();
            match (parts.next(), parts.next()) {
                (Some("C"), Some(v)) => code = v.parse().ok(),
                (Some("WX"), Some(v)) => width = v.parse().ok(),
                (Some("N"), Some(v)) => name = Some(v),
                _ => {}
            }
        }
        if let (Some(w), Some(n)) = (width, name) {
            afm.widths.insert(n, w);
            if let Some(c) = read_fonts::ps::agl::name_to_char(n) {
                afm.by_char.entry(c).or_insert(w);
            }
            if let Some(slot) = code
                .and_then(|c| usize::try_from(c).ok())
                .and_then(|c| afm.encoding.get_mut(c))
            {
                *slot = Some(n);
            }
        }
    }
    afm
}

/// The `C …` lines up to the end of the character metrics section.
fn metrics_lines(text: &str) -> impl Iterator<Item = &str> {
    text.lines()
        .take_while(|l| !l.starts_with("EndCharMetrics"))
        .filter(|l| l.starts_with("C "))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::readers::pdf::encodings::BaseEncoding;
    use read_fonts::ps::agl;

    #[test]
    fn names_resolve_to_standard_fonts() {
        assert_eq!(Std14::from_base_font("Helvetica"), Some(Std14::Helvetica));
        assert_eq!(
            Std14::from_base_font("Arial,BoldItalic"),
            Some(Std14::HelveticaBoldOblique)
        );
        assert_eq!(
            Std14::from_base_font("TimesNewRomanPS-BoldMT"),
            Some(Std14::TimesBold)
        );
        assert_eq!(
            Std14::from_base_font("CourierNewPSMT"),
            Some(Std14::Courier)
        );
        assert_eq!(
            Std14::from_base_font("ZapfDingbats"),
            Some(Std14::ZapfDingbats)
        );
        assert_eq!(Std14::from_base_font("Calibri"), None);
        assert_eq!(
            Std14::substitute(false, true, true, false),
            Std14::TimesBold
        );
    }

    #[test]
    fn metrics_and_builtin_encodings() {
        let helv = Std14::Helvetica.metrics();
        assert_eq!(helv.widths.get("H"), Some(&722.0));
        assert_eq!(helv.widths.get("space"), Some(&278.0));
        let dingbats = Std14::ZapfDingbats.metrics();
        // 0x6C is the filled circle used as a list bullet.
        assert_eq!(dingbats.encoding[0x6c], Some("a71"));
        assert_eq!(agl::name_to_char("a71"), Some('●'));
        let symbol = Std14::Symbol.metrics();
        assert_eq!(symbol.encoding[0xb7], Some("bullet"));
    }

    /// The hand-written StandardEncoding table agrees with the code numbers of an AFM
    /// whose encoding scheme is AdobeStandardEncoding.
    #[test]
    fn standard_encoding_matches_times_afm() {
        let times = Std14::TimesRoman.metrics();
        for (code, name) in times.encoding.iter().enumerate() {
            let expected = name.and_then(agl::name_to_char);
            assert_eq!(
                BaseEncoding::Standard.decode(code as u8),
                expected,
                "code {code:#x} ({name:?})"
            );
        }
    }

    /// Stopping at `EndCharMetrics` reads every `C` line of each of the 14 files.
    #[test]
    fn only_the_metrics_section() {
        use Std14::*;
        let all = [
            Courier,
            CourierBold,
            CourierOblique,
            CourierBoldOblique,
            Helvetica,
            HelveticaBold,
            HelveticaOblique,
            HelveticaBoldOblique,
            TimesRoman,
            TimesBold,
            TimesItalic,
            TimesBoldItalic,
            Symbol,
            ZapfDingbats,
        ];
        for font in all {
            let text = font.source();
            let every: Vec<&str> = text.lines().filter(|l| l.starts_with("C ")).collect();
            assert!(every.len() > 100, "{font:?}");
            assert_eq!(metrics_lines(text).collect::<Vec<_>>(), every, "{font:?}");
            assert!(text.contains("EndCharMetrics"), "{font:?}");
        }
    }
}
