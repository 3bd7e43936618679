//! Simple fonts (Type 1, TrueType, Type 3): one byte per code, text from the base
//! encoding, the font program's own encoding, `/Differences` and `/ToUnicode`.

use std::sync::Arc;

use lopdf::{Dictionary, Document, Object};

use super::names::{
    glyph_text, is_tex_math_font, name_number, numeric_code, numeric_names, style_from_name,
    tex_math_glyph_text,
};
use super::symbol_chart::{SymbolChart, named_code, private_use_code};
use super::{
    FLAG_FIXED, FLAG_NONSYMBOLIC, FLAG_SERIF, FLAG_SYMBOLIC, Font, Kind, descriptor, metrics_em,
    sanitize, sanitize_char, style,
};
use crate::readers::pdf::afm::{Afm, Std14};
use crate::readers::pdf::cmap::ToUnicode;
use crate::readers::pdf::encodings::BaseEncoding;
use crate::readers::pdf::font_program;
use crate::readers::pdf::geometry::Matrix;
use crate::readers::pdf::objects::{as_dict, deref, get, get_array, get_name, get_number, numbers};
use crate::readers::pdf::slim;

pub(super) fn load_simple(
    doc: &Document,
    dict: &Dictionary,
    type3: bool,
    name: String,
    to_unicode: Option<ToUnicode>,
) -> Font {
    let desc = descriptor(doc, dict);
    let std14 = if desc.embedded || type3 {
        None
    } else {
        Std14::from_base_font(&name)
    };
    let symbolic_flag = desc.flags & FLAG_SYMBOLIC != 0 && desc.flags & FLAG_NONSYMBOLIC == 0;
    let glyph_text = if is_tex_math_font(&name) {
        tex_math_glyph_text
    } else {
        glyph_text
    };

    // Base encoding, then /Differences.
    let encoding_obj = get(doc, dict, b"Encoding");
    let (named, differences) = match encoding_obj {
        Some(Object::Name(n)) => (BaseEncoding::from_name(n), None),
        Some(o) => match as_dict(doc, o) {
            Some(e) => (
                get_name(doc, e, b"BaseEncoding").and_then(BaseEncoding::from_name),
                get_array(doc, e, b"Differences"),
            ),
            None => (None, None),
        },
        None => (None, None),
    };
    let mut text: Vec<Box<str>> = vec![Box::from(""); 256];
    let builtin_afm = std14.filter(|s| s.is_symbolic()).map(Std14::metrics);
    // An embedded program's own encoding is the base when the PDF names none: always
    // without /Encoding, and for symbolic fonts whose /Differences have no base.
    let program = match (&encoding_obj, named) {
        (None, _) => font_program::builtin_encoding(doc, dict),
        (Some(_), None) if symbolic_flag => font_program::builtin_encoding(doc, dict),
        _ => None,
    };
    match (named, builtin_afm) {
        (Some(base), _) => fill_base(&mut text, base),
        _ if program.is_some() => {
            for (slot, name) in text.iter_mut().zip(program.iter().flatten()) {
                if let Some(n) = name {
                    *slot = glyph_text(n);
                }
            }
        }
        (None, Some(afm)) => {
            for (code, glyph) in afm.encoding.iter().enumerate() {
                if let (Some(slot), Some(g)) = (text.get_mut(code), glyph) {
                    *slot = glyph_text(g);
                }
            }
        }
        (None, None) => {
            let subtype_truetype = get_name(doc, dict, b"Subtype") == Some(b"TrueType");
            // Symbolic TrueType fonts address glyphs by code; reading codes as Latin-1
            // text is what their producers almost always meant.
            let base = if subtype_truetype || symbolic_flag {
                BaseEncoding::WinAnsi
            } else {
                BaseEncoding::Standard
            };
            fill_base(&mut text, base);
        }
    }
    let mut names: Vec<Option<String>> = vec![None; 256];
    if let Some(diffs) = differences {
        let mut code: usize = 0;
        for item in diffs.iter().take(4096) {
            match deref(doc, item) {
                Some(Object::Integer(c)) => code = usize::try_from(*c).unwrap_or(usize::MAX),
                Some(Object::Name(n)) => {
                    if let Some(slot) = names.get_mut(code) {
                        *slot = Some(String::from_utf8_lossy(n).into_owned());
                    }
                    code = code.saturating_add(1);
                }
                _ => {}
            }
        }
        let numeric = numeric_names(&names);
        let by_order = codes_by_order(&names);
        for (code, name) in names.iter().enumerate() {
            let Some(name) = name else { continue };
            let t = match numeric.then(|| numeric_code(name)).flatten() {
                Some(n) => Box::from(
                    BaseEncoding::WinAnsi
                        .decode(n)
                        .map(|c| c.to_string())
                        .unwrap_or_default()
                        .as_str(),
                ),
                None => glyph_text(name),
            };
            // An unknown name (g12, cid42) keeps the base encoding's guess, unless the
            // codes were handed out in order of use: then no code means its character.
            if !t.is_empty() || text[code].is_empty() || by_order && name_number(name).is_some() {
                text[code] = t;
            }
        }
    }
    let chart = SymbolChart::of_font(&name);
    // What the map gives each code when it gives one character, before sanitising: a
    // symbol font's code written as a Latin-1 control character is still its code.
    let mut mapped_char: Vec<Option<char>> = Vec::new();
    let mut has_entry = [false; 256];
    if let Some(tu) = &to_unicode {
        if chart.is_some() {
            mapped_char = vec![None; 256];
        }
        for (code, slot) in text.iter_mut().enumerate() {
            // An entry mapping to nothing or to control characters means "no text" (as
            // for the paragraph marks some producers draw invisibly), not "fall back";
            // except for a glyph the encoding names as a letter ligature.
            if let Some(s) = tu.lookup_once(code as u32) {
                has_entry[code] = true;
                if let Some(c) = mapped_char.get_mut(code) {
                    let mut chars = s.chars();
                    *c = chars.next().filter(|_| chars.next().is_none());
                }
                let mapped = sanitize(&s);
                let named = names.get(code).is_some_and(Option::is_some);
                if !(is_ligature(slot) && misses_letters(&mapped)
                    || named && truncates(slot, &mapped))
                {
                    *slot = mapped;
                }
            }
        }
    }
    let charted = chart.and_then(|chart| {
        // The code itself names the sign only when nothing else read it: a base encoding
        // the PDF names (a Mac file's SymbolMT under MacRomanEncoding draws its code 165
        // as a bullet, not as Symbol's ∞) or the program's own encoding.
        let by_code = program.is_none() && named.is_none() && builtin_afm.is_none();
        read_through_chart(chart, &mut text, &mapped_char, &has_entry, &names, by_code)
    });
    let shown = shown_numbers(&text, &names, program.as_deref());

    // Widths.
    let (matrix, size_scale) = if type3 {
        let m = get_array(doc, dict, b"FontMatrix")
            .and_then(|a| Matrix::from_numbers(&numbers(doc, a)))
            .filter(|m| m.a.abs() > 1e-9 && m.d.abs() > 1e-9)
            .unwrap_or(Matrix::new(0.001, 0.0, 0.0, 0.001, 0.0, 0.0));
        // One text-space unit is one em by convention; trust the glyph box over that
        // only when the box says the em is wildly different.
        let bbox_em = get_array(doc, dict, b"FontBBox")
            .map(|a| numbers(doc, a))
            .and_then(|b| Some((b.get(3)? - b.get(1)?).abs() * m.d.abs()))
            .filter(|h| h.is_finite() && *h > 0.0);
        let scale = match bbox_em {
            Some(h) if !(0.2..=5.0).contains(&h) => h.clamp(1e-3, 1e3),
            _ => 1.0,
        };
        (m, scale)
    } else {
        (Matrix::new(0.001, 0.0, 0.0, 0.001, 0.0, 0.0), 1.0)
    };
    let first_char = get_number(doc, dict, b"FirstChar").unwrap_or(0.0).max(0.0) as usize;
    let explicit = slim::widths(doc, dict, 256);
    let afm = std14.map(Std14::metrics).or_else(|| {
        explicit
            .is_none()
            .then(|| {
                let (b, i) = style_from_name(&name);
                Std14::substitute(
                    desc.flags & FLAG_FIXED != 0,
                    desc.flags & FLAG_SERIF != 0,
                    b,
                    i,
                )
                .metrics()
            })
            .filter(|_| !type3)
    });
    let default_width = desc.missing_width.filter(|w| *w > 0.0);
    let mut widths = vec![default_width.unwrap_or(if type3 { 0.0 } else { 500.0 }); 256];
    match explicit {
        Some(ws) => {
            for (code, slot) in widths.iter_mut().enumerate() {
                // Codes the array leaves out take /MissingWidth, else 0 as the spec says;
                // a 0 would glue words together, so prefer the AFM value then.
                *slot = code
                    .checked_sub(first_char)
                    .and_then(|i| ws.get(i).copied().flatten())
                    .or(default_width)
                    .unwrap_or(0.0);
            }
        }
        None => {
            if let Some(afm) = afm {
                let builtin = std14.is_some_and(Std14::is_symbolic);
                for (code, slot) in widths.iter_mut().enumerate() {
                    let by_name = names[code]
                        .as_deref()
                        .or_else(|| if builtin { afm.encoding[code] } else { None })
                        .and_then(|n| afm.widths.get(n).copied());
                    let by_char = || {
                        let c = text[code].chars().next()?;
                        afm_width_by_char(afm, c)
                    };
                    if let Some(w) = by_name.or_else(by_char) {
                        *slot = f64::from(w);
                    }
                }
            }
        }
    }
    let (bold, italic) = style(&desc, &name);
    let (ascent, descent) = metrics_em(&desc, if type3 { matrix.d.abs() } else { 0.001 });
    Font {
        name: Arc::from(if name.is_empty() && type3 {
            "Type3".to_string()
        } else {
            name
        }),
        bold,
        italic,
        matrix,
        size_scale,
        ascent,
        descent,
        kind: Kind::Simple {
            text,
            widths,
            shown,
            charted,
        },
        chart,
        // Its entries are in `text` now: the map (and the lookups it remembered) would
        // stay in memory as long as the document's font cache for nothing.
        to_unicode: None,
    }
}

/// Reads a symbol font's codes through its chart ([`symbol_chart`]), where the text names
/// a code: in the private-use form, as a Latin-1 character from the map (Wingdings), or,
/// with no map entry, no glyph name and no encoding of the program's own (`by_code`), as
/// the code itself. Returns the text each charted code had before (`None` for the
/// others), or `None` when none was charted.
fn read_through_chart(
    chart: SymbolChart,
    text: &mut [Box<str>],
    mapped_char: &[Option<char>],
    has_entry: &[bool; 256],
    names: &[Option<String>],
    by_code: bool,
) -> Option<Box<[Option<char>]>> {
    let mut charted: Option<Box<[Option<char>]>> = None;
    for (code, slot) in text.iter_mut().enumerate() {
        let mut chars = slot.chars();
        let single = chars.next().filter(|_| chars.next().is_none());
        let named = match mapped_char.get(code).copied().flatten() {
            Some(c) => named_code(chart, c, true),
            // (The rupee font's text from its encoding names its code as a letter.)
            None => single
                .and_then(|c| match chart {
                    SymbolChart::RupeeForadian => named_code(chart, c, true),
                    _ => private_use_code(c),
                })
                .or_else(|| {
                    let unnamed = !has_entry[code] && names.get(code).is_none_or(Option::is_none);
                    u8::try_from(code).ok().filter(|_| by_code && unnamed)
                }),
        };
        let Some(sign) = named
            .and_then(|n| chart.sign(n))
            .filter(|&s| single != Some(s))
        else {
            continue;
        };
        let before = single
            .or_else(|| mapped_char.get(code).copied().flatten())
            .unwrap_or_else(|| char::from(code as u8));
        charted.get_or_insert_with(|| vec![None; 256].into_boxed_slice())[code] = Some(before);
        *slot = Box::from(sign.encode_utf8(&mut [0u8; 4]) as &str);
    }
    charted
}

/// Whether `/Differences` gives control codes (1 to 31) to glyphs named by their number
/// (`/g40`): a subsetter that hands out codes in the order glyphs are first used, so
/// that a code says nothing about its character, and the base encoding's character for
/// it (`!` for code 33) would be a guess with nothing behind it.
fn codes_by_order(names: &[Option<String>]) -> bool {
    names.iter().take(32).skip(1).any(|n| {
        n.as_deref()
            .is_some_and(|n| name_number(n).is_some() && glyph_text(n).is_empty())
    })
}

/// The numbers the report lists for the codes that have no text, where they differ from
/// the code: the number of a glyph name like `g40` (from `/Differences`, else from the
/// program's own encoding). `None` when no such code exists.
fn shown_numbers(
    text: &[Box<str>],
    names: &[Option<String>],
    program: Option<&[Option<String>]>,
) -> Option<Box<[u32]>> {
    let mut shown: Option<Box<[u32]>> = None;
    for (code, t) in text.iter().enumerate() {
        let name = names
            .get(code)
            .and_then(Option::as_deref)
            .or_else(|| program?.get(code)?.as_deref());
        let number = match name.and_then(name_number) {
            Some(n) if t.is_empty() && n as usize != code => n,
            _ => continue,
        };
        shown.get_or_insert_with(|| (0..256).collect())[code] = number;
    }
    shown
}

/// The Latin f-ligatures (and the st ligatures) whose glyph names TeX and most type
/// foundries use: text of several letters drawn as one glyph.
fn is_ligature(text: &str) -> bool {
    matches!(
        text,
        "\u{fb00}"
            | "\u{fb01}"
            | "\u{fb02}"
            | "\u{fb03}"
            | "\u{fb04}"
            | "\u{fb05}"
            | "\u{fb06}"
            | "ff"
            | "fi"
            | "fl"
            | "ffi"
            | "ffl"
    )
}

/// A `/ToUnicode` entry that cannot be a ligature's letters: nothing (U+0000 or a control
/// character, sanitised away) or one character that is no letter (TeX files whose map
/// gives the `ff` ligature as U+21B5 ↵).
fn misses_letters(mapped: &str) -> bool {
    let mut chars = mapped.chars();
    match (chars.next(), chars.next()) {
        (None, _) => true,
        (Some(c), None) => !c.is_alphanumeric(),
        _ => false,
    }
}

/// Whether a map's text for a glyph is one letter of the letters its name spells: a
/// producer that wrote only the last letter of a ligature ("h" for `T_h`, "i" for `f_i`,
/// "f" for `f_f`, in Adobe Garamond Pro set by InDesign), which would print "he" for "The"
/// and "irm" for "firm". The name's letters are the glyph's.
fn truncates(named: &str, mapped: &str) -> bool {
    let mut one = mapped.chars();
    let (Some(c), None) = (one.next(), one.next()) else {
        return false;
    };
    named.chars().count() >= 2
        && named.chars().all(char::is_alphabetic)
        && (named.starts_with(c) || named.ends_with(c))
}

fn afm_width_by_char(afm: &Afm, c: char) -> Option<f32> {
    afm.by_char.get(&c).copied()
}

fn fill_base(text: &mut [Box<str>], base: BaseEncoding) {
    for (code, slot) in text.iter_mut().enumerate() {
        if let Some(c) = base.decode(code as u8) {
            let c = sanitize_char(c);
            *slot = Box::from(c.encode_utf8(&mut [0u8; 4]) as &str);
        }
    }
}
