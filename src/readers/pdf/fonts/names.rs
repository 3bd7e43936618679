//! What font and glyph names say: subset prefixes, bold and italic, glyph names to text.

use lopdf::{Dictionary, Document};
use read_fonts::ps::agl;

use super::sanitize;
use crate::readers::pdf::objects::get_name;

/// Removes a subset tag (`ABCDEF+`).
pub(super) fn strip_subset(name: &str) -> &str {
    match name.split_once('+') {
        Some((tag, rest)) if tag.len() == 6 && tag.bytes().all(|b| b.is_ascii_uppercase()) => rest,
        _ => name,
    }
}

/// Bold and italic from the name, for fonts whose descriptor does not say.
pub(super) fn style_from_name(name: &str) -> (bool, bool) {
    let lower = name.to_ascii_lowercase();
    let bold = ["bold", "black", "heavy", "semibold", "demi", "medi"]
        .iter()
        .any(|k| lower.contains(k))
        || lower.starts_with("cmbx")
        || lower.starts_with("cmb10");
    let italic = ["italic", "oblique", "ital", "slanted"]
        .iter()
        .any(|k| lower.contains(k))
        || lower.starts_with("cmti")
        || lower.starts_with("cmsl")
        || lower.starts_with("cmmi")
        || lower.ends_with("-it")
        || lower.ends_with("it") && lower.contains('-');
    (bold, italic)
}

pub(super) fn font_name(doc: &Document, dict: &Dictionary) -> String {
    let raw = get_name(doc, dict, b"BaseFont")
        .or_else(|| get_name(doc, dict, b"Name"))
        .map(|n| String::from_utf8_lossy(n).into_owned())
        .unwrap_or_default();
    strip_subset(&raw).to_string()
}

/// The number in a name like `a65`, `g7`, `C32`, `cid120` (one to three letters, then
/// decimal digits), when below 256.
pub(super) fn numeric_code(name: &str) -> Option<u8> {
    let digits = name.trim_start_matches(|c: char| c.is_ascii_alphabetic());
    let letters = name.len() - digits.len();
    if !(1..=3).contains(&letters) || digits.is_empty() || digits.len() > 3 {
        return None;
    }
    if !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    digits
        .parse::<u16>()
        .ok()
        .and_then(|n| u8::try_from(n).ok())
}

/// Whether a font's glyph names merely number its codes (`/a45` at code 45, as TeX's
/// bitmap Type 3 fonts write them): then the number, not the glyph list, gives the
/// character. Such names collide with the ZapfDingbats names `a1`…`a191`.
pub(super) fn numeric_names(names: &[Option<String>]) -> bool {
    let mut numeric = 0;
    let mut matching = 0;
    for (code, name) in names.iter().enumerate() {
        if let Some(n) = name.as_deref().and_then(numeric_code) {
            numeric += 1;
            if usize::from(n) == code {
                matching += 1;
            }
        }
    }
    numeric >= 3 && matching * 5 >= numeric * 4
}

/// A glyph name's text via the Adobe Glyph List (ligatures `f_i`, `uniXXXX`, `.suffix`).
/// TeX's math extension font names its size variants `summationdisplay`,
/// `parenleftBig`…: the base name gives the character.
pub(super) fn glyph_text(name: &str) -> Box<str> {
    let s: String = agl::name_to_chars(name).collect();
    if s.is_empty() {
        for suffix in ["display", "text", "bigg", "Bigg", "big", "Big"] {
            if let Some(base) = name.strip_suffix(suffix).filter(|b| b.len() > 1) {
                let s: String = agl::name_to_chars(base).collect();
                if !s.is_empty() {
                    return sanitize(&s);
                }
            }
        }
    }
    sanitize(&s)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_and_styles() {
        assert_eq!(strip_subset("ABCDEF+Times-Bold"), "Times-Bold");
        assert_eq!(strip_subset("Abcdef+X"), "Abcdef+X");
        assert_eq!(style_from_name("NimbusRomNo9L-ReguItal"), (false, true));
        assert_eq!(style_from_name("NimbusRomNo9L-Medi"), (true, false));
        assert_eq!(style_from_name("LMRoman10-Bold"), (true, false));
        assert_eq!(style_from_name("CMTI10"), (false, true));
        assert_eq!(style_from_name("LiberationSerif"), (false, false));
        assert_eq!(style_from_name("Arial,BoldItalic"), (true, true));
    }

    #[test]
    fn glyph_names_through_the_glyph_list() {
        assert_eq!(&*glyph_text("f_i"), "fi");
        assert_eq!(&*glyph_text("uni00410042"), "AB");
        assert_eq!(&*glyph_text("u1F600"), "😀");
        assert_eq!(&*glyph_text("A.sc"), "A");
        assert_eq!(&*glyph_text("g123"), "");
        assert_eq!(&*glyph_text("bullet"), "•");
        assert_eq!(&*glyph_text("summationdisplay"), "∑");
        assert_eq!(&*glyph_text("parenleftBig"), "(");
        assert_eq!(numeric_code("a45"), Some(45));
        assert_eq!(numeric_code("cid120"), Some(120));
        assert_eq!(numeric_code("a1000"), None);
        assert_eq!(numeric_code("alpha"), None);
        let mut names = vec![None; 256];
        for c in [45usize, 46, 47, 97] {
            names[c] = Some(format!("a{c}"));
        }
        assert!(numeric_names(&names));
        names[97] = Some("a71".into());
        names[98] = Some("a20".into());
        assert!(!numeric_names(&names));
    }
}
