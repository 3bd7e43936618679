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
/// one to three decimal digits), when below 256.
pub(super) fn numeric_code(name: &str) -> Option<u8> {
    letters_then_number(name, 3, 3).and_then(|n| u8::try_from(n).ok())
}

/// The number after a name's leading ASCII letters, when there are one to `letters` of
/// them followed by one to `digits` decimal digits and nothing else.
fn letters_then_number(name: &str, letters: usize, digits: usize) -> Option<u32> {
    let number = name.trim_start_matches(|c: char| c.is_ascii_alphabetic());
    let lead = name.len() - number.len();
    if !(1..=letters).contains(&lead) || !(1..=digits).contains(&number.len()) {
        return None;
    }
    if !number.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    number.parse().ok()
}

/// The number a glyph name like `g40`, `G40`, `cid1234` or `index7` carries (one to four
/// letters, then one to five decimal digits). Subsetters name glyphs by their index this
/// way; extractors that know no character for such a glyph print the character of its
/// number (pdftotext prints `g40` as `(`), so the report lists unreadable glyphs by it.
pub(super) fn name_number(name: &str) -> Option<u32> {
    letters_then_number(name, 4, 5)
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
    with_size_suffix(name, |n| agl::name_to_chars(n).collect())
}

/// A glyph name's text in one of TeX's math fonts: the Adobe Glyph List, then the names
/// those fonts use that the list lacks (`mapsto`, `bardbl`, `prime`). Only for those
/// fonts: elsewhere a name like `triangle` or `star` may name any drawing.
pub(super) fn tex_math_glyph_text(name: &str) -> Box<str> {
    with_size_suffix(name, |n| {
        let s: String = agl::name_to_chars(n).collect();
        if !s.is_empty() {
            return s;
        }
        TEX_NAMES
            .binary_search_by_key(&n, |&(k, _)| k)
            .map(|i| TEX_NAMES[i].1.to_string())
            .unwrap_or_default()
    })
}

/// Whether a font (its name without the subset tag) is one of TeX's math fonts: Computer
/// Modern's symbol, math italic and extension fonts and their bold and Latin Modern kin.
pub(super) fn is_tex_math_font(name: &str) -> bool {
    let lower = name.to_ascii_lowercase();
    [
        "cmsy",
        "cmbsy",
        "cmmi",
        "cmex",
        "lmmathsymbols",
        "lmmathitalic",
        "lmmathextension",
    ]
    .iter()
    .any(|p| lower.starts_with(p))
}

fn with_size_suffix(name: &str, chars: impl Fn(&str) -> String) -> Box<str> {
    let s = chars(name);
    if s.is_empty() {
        for suffix in ["display", "text", "bigg", "Bigg", "big", "Big"] {
            if let Some(base) = name.strip_suffix(suffix).filter(|b| b.len() > 1) {
                let s = chars(base);
                if !s.is_empty() {
                    return sanitize(&s);
                }
            }
        }
    }
    sanitize(&s)
}

/// Glyph names of the Computer Modern math fonts (cmsy, cmmi, cmex, as the AMS Type 1
/// versions name them) that the Adobe Glyph List does not hold, with the character each
/// draws. Sorted by name. `negationslash` is the combining long solidus overlay: TeX draws
/// it (with no advance) before the sign it negates, and the line builder moves a mark drawn
/// on its own onto the glyph under it and composes (`=` with it is `≠`, `∈` is `∉`).
/// Left out: `circlecopyrt` (the ring TeX draws around a C for ©) and `star` (read, a ⋆ after a
/// numbered problem's label made the line and the next one a heading).
const TEX_NAMES: &[(&str, char)] = &[
    ("Ifractur", '\u{2111}'),
    ("Rfractur", '\u{211C}'),
    ("angbracketleft", '\u{27E8}'),
    ("angbracketright", '\u{27E9}'),
    ("arrowbothv", '\u{2195}'),
    ("arrowdblbothv", '\u{21D5}'),
    ("arrownortheast", '\u{2197}'),
    ("arrownorthwest", '\u{2196}'),
    ("arrowsoutheast", '\u{2198}'),
    ("arrowsouthwest", '\u{2199}'),
    ("bardbl", '\u{2016}'),
    ("ceilingleft", '\u{2308}'),
    ("ceilingright", '\u{2309}'),
    ("circledivide", '\u{2298}'),
    ("circleminus", '\u{2296}'),
    ("contintegral", '\u{222E}'),
    ("coproduct", '\u{2210}'),
    ("diamondmath", '\u{22C4}'),
    ("epsilon1", '\u{03B5}'),
    ("equivasymptotic", '\u{224D}'),
    ("flat", '\u{266D}'),
    ("floorleft", '\u{230A}'),
    ("floorright", '\u{230B}'),
    ("follows", '\u{227B}'),
    ("followsequal", '\u{2AB0}'),
    ("greatermuch", '\u{226B}'),
    ("harpoonleftdown", '\u{21BD}'),
    ("harpoonleftup", '\u{21BC}'),
    ("harpoonrightdown", '\u{21C1}'),
    ("harpoonrightup", '\u{21C0}'),
    ("intersectionsq", '\u{2293}'),
    ("latticetop", '\u{22A4}'),
    ("lessmuch", '\u{226A}'),
    ("lscript", '\u{2113}'),
    ("mapsto", '\u{21A6}'),
    ("natural", '\u{266E}'),
    ("negationslash", '\u{0338}'),
    ("owner", '\u{220B}'),
    ("pi1", '\u{03D6}'),
    ("precedesequal", '\u{2AAF}'),
    ("prime", '\u{2032}'),
    ("rho1", '\u{03F1}'),
    ("sharp", '\u{266F}'),
    ("similarequal", '\u{2243}'),
    ("slurabove", '\u{2322}'),
    ("slurbelow", '\u{2323}'),
    ("subsetsqequal", '\u{2291}'),
    ("supersetsqequal", '\u{2292}'),
    ("triangle", '\u{25B3}'),
    ("triangleinv", '\u{25BD}'),
    ("triangleleft", '\u{25C1}'),
    ("triangleright", '\u{25B7}'),
    ("turnstileleft", '\u{22A2}'),
    ("turnstileright", '\u{22A3}'),
    ("unionmulti", '\u{228E}'),
    ("unionsq", '\u{2294}'),
    ("wreathproduct", '\u{2240}'),
];

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
        // TeX's math names the glyph list lacks: read only in TeX's math fonts.
        assert_eq!(&*tex_math_glyph_text("mapsto"), "\u{21A6}");
        assert_eq!(&*tex_math_glyph_text("bardbl"), "\u{2016}");
        assert_eq!(&*tex_math_glyph_text("prime"), "\u{2032}");
        assert_eq!(&*tex_math_glyph_text("coproducttext"), "\u{2210}");
        assert_eq!(&*tex_math_glyph_text("summationdisplay"), "∑");
        assert_eq!(&*tex_math_glyph_text("negationslash"), "\u{338}");
        assert_eq!(&*glyph_text("triangle"), "");
        assert!(is_tex_math_font("CMSY10") && is_tex_math_font("CMEX10"));
        assert!(!is_tex_math_font("CMR10") && !is_tex_math_font("Helvetica"));
        assert!(TEX_NAMES.windows(2).all(|w| w[0].0 < w[1].0), "sorted");
        assert_eq!(numeric_code("a45"), Some(45));
        assert_eq!(numeric_code("cid120"), Some(120));
        assert_eq!(numeric_code("a1000"), None);
        assert_eq!(numeric_code("alpha"), None);
        assert_eq!(name_number("g40"), Some(40));
        assert_eq!(name_number("cid12345"), Some(12345));
        assert_eq!(name_number("C192"), Some(192));
        assert_eq!(name_number("glyph7"), None);
        assert_eq!(name_number("g123456"), None);
        assert_eq!(name_number("g4a"), None);
        assert_eq!(name_number("40"), None);
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
