//! Fonts: how a string's bytes become character codes, text and advance widths.
//!
//! Text comes from, in order: the `/ToUnicode` CMap; for simple fonts, the `/Differences`
//! glyph names (through the Adobe Glyph List) over the base encoding; for CID fonts, the
//! UTF-16 codes of a `Uni…` CMap or the Unicode map of the Adobe character collection.
//! Widths come from `/Widths` (simple), `/W` and `/DW` (CID), else from the standard 14
//! AFM metrics, else a default.

use std::collections::HashMap;
use std::sync::Arc;

use hayro_cmap::CidFamily;
use lopdf::{Dictionary, Document, Object, ObjectId};
use read_fonts::ps::agl;

use super::afm::Std14;
use super::cmap::{self, CodeMap, ToUnicode};
use super::encodings::BaseEncoding;
use super::font_program;
use super::geometry::Matrix;
use super::objects::{
    as_dict, deref, get, get_array, get_dict, get_name, get_number, get_stream, number_deref,
    numbers, stream_bytes,
};
use super::truetype;

/// Largest CMap or font-side stream we decode.
const MAX_CMAP_BYTES: usize = 8 << 20;
/// Largest embedded font program read (for its `cmap`).
const MAX_FONT_BYTES: usize = 32 << 20;
/// Most `/W` entries we keep for one CID font.
const MAX_CID_WIDTHS: usize = 200_000;

/// A font ready to decode strings.
#[derive(Debug)]
pub struct Font {
    /// `/BaseFont` without its subset prefix.
    pub name: Arc<str>,
    /// Bold, from descriptor flags or weight, or the name.
    pub bold: bool,
    /// Italic or oblique, from descriptor flags or angle, or the name.
    pub italic: bool,
    /// Glyph space → text space (1/1000 for all but Type 3 fonts).
    pub matrix: Matrix,
    /// Multiplier from the `Tf` size to the em size (≠ 1 only for Type 3 fonts whose
    /// glyph space is not 1000 units per em).
    pub size_scale: f64,
    /// Ascent and descent in em, for bounding boxes (descent negative).
    pub ascent: f64,
    /// See `ascent`.
    pub descent: f64,
    kind: Kind,
    to_unicode: Option<ToUnicode>,
}

#[derive(Debug)]
enum Kind {
    Simple {
        /// Text of each code (already sanitised; empty when unknown).
        text: Vec<Box<str>>,
        /// Width of each code in glyph units.
        widths: Vec<f64>,
    },
    Cid {
        map: Box<CodeMap>,
        family: CidFamily,
        widths: CidWidths,
        /// Vertical advance (glyph units, usually −1000) for vertical writing.
        vertical_advance: f64,
        /// Glyph → character from the embedded TrueType program, for fonts without
        /// `/ToUnicode`; with the `/CIDToGIDMap` (`None`: identity).
        program_text: Option<ProgramText>,
    },
}

/// Glyph → character from a font program, and the `/CIDToGIDMap` (`None`: identity).
type ProgramText = (HashMap<u16, char>, Option<Vec<u16>>);

/// One decoded code of a string.
#[derive(Debug)]
pub struct Glyph<'a> {
    /// Its text (may be empty, or several characters for a ligature).
    pub text: &'a str,
    /// Horizontal advance in glyph units (before `matrix`).
    pub width: f64,
    /// Vertical advance in glyph units for vertical fonts, else 0.
    pub vertical: f64,
    /// A single-byte code 32: word spacing (`Tw`) applies.
    pub word_space: bool,
}

impl Font {
    /// Whether the font writes vertically.
    pub fn is_vertical(&self) -> bool {
        matches!(&self.kind, Kind::Cid { map, .. } if map.vertical())
    }

    /// Decodes `bytes`, calling `f` for each code.
    pub fn decode(&self, bytes: &[u8], mut f: impl FnMut(Glyph<'_>)) {
        match &self.kind {
            Kind::Simple { text, widths } => {
                for &b in bytes {
                    let code = b as usize;
                    f(Glyph {
                        text: text.get(code).map(|t| &**t).unwrap_or(""),
                        width: widths.get(code).copied().unwrap_or(0.0),
                        vertical: 0.0,
                        word_space: b == b' ',
                    });
                }
            }
            Kind::Cid {
                map,
                family,
                widths,
                vertical_advance,
                program_text,
            } => {
                let mut rest = bytes;
                let mut buf = [0u8; 4];
                while !rest.is_empty() {
                    let (code, len, cid) = map.next_code(rest);
                    let code_bytes = &rest[..len.min(rest.len())];
                    rest = &rest[len.clamp(1, rest.len())..];
                    let owned: Option<String> = self
                        .to_unicode
                        .as_ref()
                        .and_then(|t| t.lookup(code))
                        .or_else(|| {
                            if map.unicode_codes() {
                                utf16_text(code_bytes)
                            } else {
                                cmap::cid_to_unicode(family, cid)
                            }
                        })
                        .or_else(|| {
                            let (chars, gids) = program_text.as_ref()?;
                            let gid = match gids {
                                Some(g) => *g.get(cid as usize)?,
                                None => u16::try_from(cid).ok()?,
                            };
                            chars.get(&gid).map(|c| c.to_string())
                        });
                    let text: &str = match &owned {
                        Some(s) if s.chars().count() == 1 => {
                            let c = s.chars().next().unwrap_or(' ');
                            sanitize_char(c).encode_utf8(&mut buf)
                        }
                        Some(s) => s.as_str(),
                        None => "",
                    };
                    let text = if text.chars().any(is_control) {
                        ""
                    } else {
                        text
                    };
                    f(Glyph {
                        text,
                        width: widths.get(cid),
                        vertical: if map.vertical() {
                            *vertical_advance
                        } else {
                            0.0
                        },
                        word_space: len == 1 && code == 32,
                    });
                }
            }
        }
    }
}

fn utf16_text(bytes: &[u8]) -> Option<String> {
    let units: Vec<u16> = bytes
        .chunks_exact(2)
        .map(|p| u16::from_be_bytes([p[0], p[1]]))
        .collect();
    String::from_utf16(&units).ok()
}

fn is_control(c: char) -> bool {
    c.is_control()
}

/// Characters that carry no text are dropped; no-break and other odd spaces become spaces.
fn sanitize_char(c: char) -> char {
    match c {
        '\u{a0}' | '\u{2000}'..='\u{200a}' | '\u{202f}' | '\u{205f}' | '\u{3000}' => ' ',
        c => c,
    }
}

fn sanitize(s: &str) -> Box<str> {
    s.chars()
        .filter(|c| !is_control(*c))
        .map(sanitize_char)
        .collect::<String>()
        .into_boxed_str()
}

/// CID widths: sorted, non-overlapping-ish ranges `(first, last, width)`.
#[derive(Debug, Default)]
struct CidWidths {
    ranges: Vec<(u32, u32, f64)>,
    default: f64,
}

impl CidWidths {
    fn parse(doc: &Document, w: Option<&[Object]>, default: f64) -> CidWidths {
        let mut ranges = Vec::new();
        let items: Vec<&Object> = w
            .unwrap_or(&[])
            .iter()
            .filter_map(|o| deref(doc, o))
            .collect();
        let mut i = 0;
        while i < items.len() && ranges.len() < MAX_CID_WIDTHS {
            let Some(first) = items.get(i).and_then(|o| super::objects::number(o)) else {
                i += 1;
                continue;
            };
            let first = first.max(0.0) as u32;
            match items.get(i + 1) {
                Some(Object::Array(list)) => {
                    for (k, w) in numbers(doc, list).into_iter().enumerate() {
                        if ranges.len() >= MAX_CID_WIDTHS {
                            break;
                        }
                        let cid = first.saturating_add(k as u32);
                        ranges.push((cid, cid, w));
                    }
                    i += 2;
                }
                Some(last) => {
                    let last = super::objects::number(last).unwrap_or(-1.0);
                    let width = items
                        .get(i + 2)
                        .and_then(|o| super::objects::number(o))
                        .unwrap_or(default);
                    if last >= f64::from(first) {
                        ranges.push((first, last.min(f64::from(u32::MAX)) as u32, width));
                    }
                    i += 3;
                }
                None => break,
            }
        }
        ranges.sort_by_key(|r| r.0);
        CidWidths { ranges, default }
    }

    fn get(&self, cid: u32) -> f64 {
        let idx = self.ranges.partition_point(|r| r.0 <= cid);
        // The candidate is the last range starting at or before `cid`; a few earlier
        // ones may overlap when ranges are long.
        self.ranges[..idx]
            .iter()
            .rev()
            .take(4)
            .find(|r| r.1 >= cid)
            .map(|r| r.2)
            .unwrap_or(self.default)
    }
}

/// Descriptor facts that matter for text.
#[derive(Debug, Default, Clone, Copy)]
struct Descriptor {
    flags: u32,
    weight: Option<f64>,
    italic_angle: f64,
    missing_width: Option<f64>,
    ascent: Option<f64>,
    descent: Option<f64>,
    embedded: bool,
}

const FLAG_FIXED: u32 = 1;
const FLAG_SERIF: u32 = 1 << 1;
const FLAG_SYMBOLIC: u32 = 1 << 2;
const FLAG_NONSYMBOLIC: u32 = 1 << 5;
const FLAG_ITALIC: u32 = 1 << 6;
const FLAG_FORCE_BOLD: u32 = 1 << 18;

fn descriptor(doc: &Document, font: &Dictionary) -> Descriptor {
    let Some(d) = get_dict(doc, font, b"FontDescriptor") else {
        return Descriptor::default();
    };
    Descriptor {
        flags: get_number(doc, d, b"Flags").map_or(0, |f| f as i64 as u32),
        weight: get_number(doc, d, b"FontWeight"),
        italic_angle: get_number(doc, d, b"ItalicAngle").unwrap_or(0.0),
        missing_width: get_number(doc, d, b"MissingWidth"),
        ascent: get_number(doc, d, b"Ascent"),
        descent: get_number(doc, d, b"Descent"),
        embedded: [b"FontFile".as_slice(), b"FontFile2", b"FontFile3"]
            .iter()
            .any(|k| d.has(k)),
    }
}

/// Removes a subset tag (`ABCDEF+`).
fn strip_subset(name: &str) -> &str {
    match name.split_once('+') {
        Some((tag, rest)) if tag.len() == 6 && tag.bytes().all(|b| b.is_ascii_uppercase()) => rest,
        _ => name,
    }
}

/// Bold and italic from the name, for fonts whose descriptor does not say.
fn style_from_name(name: &str) -> (bool, bool) {
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

fn font_name(doc: &Document, dict: &Dictionary) -> String {
    let raw = get_name(doc, dict, b"BaseFont")
        .or_else(|| get_name(doc, dict, b"Name"))
        .map(|n| String::from_utf8_lossy(n).into_owned())
        .unwrap_or_default();
    strip_subset(&raw).to_string()
}

fn load_to_unicode(doc: &Document, dict: &Dictionary) -> Option<ToUnicode> {
    let stream = get_stream(doc, dict, b"ToUnicode")?;
    ToUnicode::parse(&stream_bytes(doc, stream, MAX_CMAP_BYTES)?)
}

/// Reads a font dictionary. Never fails: anything unreadable gives a plain Latin font.
pub fn load(doc: &Document, dict: &Dictionary) -> Font {
    let subtype = get_name(doc, dict, b"Subtype").unwrap_or(b"Type1");
    let name = font_name(doc, dict);
    let to_unicode = load_to_unicode(doc, dict);
    if subtype == b"Type0" {
        return load_type0(doc, dict, name, to_unicode);
    }
    load_simple(doc, dict, subtype == b"Type3", name, to_unicode)
}

fn style(desc: &Descriptor, name: &str) -> (bool, bool) {
    let (name_bold, name_italic) = style_from_name(name);
    let bold =
        name_bold || desc.flags & FLAG_FORCE_BOLD != 0 || desc.weight.is_some_and(|w| w >= 600.0);
    let italic = name_italic || desc.flags & FLAG_ITALIC != 0 || desc.italic_angle.abs() > 4.0;
    (bold, italic)
}

fn metrics_em(desc: &Descriptor, scale: f64) -> (f64, f64) {
    let ascent = desc
        .ascent
        .map(|a| a * scale)
        .filter(|a| (0.5..=1.3).contains(a))
        .unwrap_or(0.8);
    let descent = desc
        .descent
        .map(|d| d * scale)
        .filter(|d| (-0.6..=-0.01).contains(d))
        .unwrap_or(-0.2);
    (ascent, descent)
}

fn load_simple(
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
            // An unknown name (g12, cid42) keeps the base encoding's guess.
            if !t.is_empty() || text[code].is_empty() {
                text[code] = t;
            }
        }
    }
    if let Some(tu) = &to_unicode {
        for (code, slot) in text.iter_mut().enumerate() {
            // An entry mapping to nothing or to control characters means "no text" (as
            // for the paragraph marks some producers draw invisibly), not "fall back".
            if let Some(s) = tu.lookup(code as u32) {
                *slot = sanitize(&s);
            }
        }
    }

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
    let explicit = get_array(doc, dict, b"Widths");
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
                    .and_then(|i| ws.get(i))
                    .and_then(|o| number_deref(doc, o))
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
        kind: Kind::Simple { text, widths },
        to_unicode,
    }
}

fn afm_width_by_char(afm: &super::afm::Afm, c: char) -> Option<f32> {
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

/// The number in a name like `a65`, `g7`, `C32`, `cid120` (one to three letters, then
/// decimal digits), when below 256.
fn numeric_code(name: &str) -> Option<u8> {
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
fn numeric_names(names: &[Option<String>]) -> bool {
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
fn glyph_text(name: &str) -> Box<str> {
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

fn load_type0(
    doc: &Document,
    dict: &Dictionary,
    name: String,
    to_unicode: Option<ToUnicode>,
) -> Font {
    let descendant = get_array(doc, dict, b"DescendantFonts")
        .and_then(|a| a.first())
        .and_then(|o| as_dict(doc, o));
    let empty = Dictionary::new();
    let cid_font = descendant.unwrap_or(&empty);
    let map = match get(doc, dict, b"Encoding") {
        Some(Object::Name(n)) => CodeMap::predefined(n),
        Some(Object::Stream(s)) => {
            stream_bytes(doc, s, MAX_CMAP_BYTES).and_then(|b| CodeMap::embedded(&b))
        }
        _ => None,
    }
    .unwrap_or(CodeMap::Identity { vertical: false });
    let family = get_dict(doc, cid_font, b"CIDSystemInfo")
        .map(|info| {
            let field = |k: &[u8]| match get(doc, info, k) {
                Some(Object::String(s, _)) => s.clone(),
                _ => Vec::new(),
            };
            CidFamily::from_registry_ordering(&field(b"Registry"), &field(b"Ordering"))
        })
        .unwrap_or(CidFamily::AdobeIdentity);
    let dw = get_number(doc, cid_font, b"DW").unwrap_or(1000.0);
    let widths = CidWidths::parse(doc, get_array(doc, cid_font, b"W"), dw);
    let vertical_advance = get_array(doc, cid_font, b"DW2")
        .map(|a| numbers(doc, a))
        .and_then(|n| n.get(1).copied())
        .unwrap_or(-1000.0);
    let desc = descriptor(doc, cid_font);
    let (bold, italic) = style(&desc, &name);
    let (ascent, descent) = metrics_em(&desc, 0.001);
    let cjk = matches!(
        family,
        CidFamily::AdobeJapan1
            | CidFamily::AdobeGB1
            | CidFamily::AdobeCNS1
            | CidFamily::AdobeKorea1
    );
    let program_text = if to_unicode.is_none() && !cjk && !map.unicode_codes() {
        program_text(doc, cid_font)
    } else {
        None
    };
    Font {
        name: Arc::from(name),
        bold,
        italic,
        matrix: Matrix::new(0.001, 0.0, 0.0, 0.001, 0.0, 0.0),
        size_scale: 1.0,
        ascent,
        descent,
        kind: Kind::Cid {
            map: Box::new(map),
            family,
            widths,
            vertical_advance,
            program_text,
        },
        to_unicode,
    }
}

/// Glyph → character from an embedded TrueType program (`/FontFile2`), and the
/// `/CIDToGIDMap` when it is a stream.
fn program_text(doc: &Document, cid_font: &Dictionary) -> Option<ProgramText> {
    let desc = get_dict(doc, cid_font, b"FontDescriptor")?;
    let program = stream_bytes(doc, get_stream(doc, desc, b"FontFile2")?, MAX_FONT_BYTES)?;
    let chars = truetype::glyph_to_unicode(&program);
    if chars.is_empty() {
        return None;
    }
    let gids = get_stream(doc, cid_font, b"CIDToGIDMap")
        .and_then(|s| stream_bytes(doc, s, MAX_CMAP_BYTES))
        .map(|b| {
            b.chunks_exact(2)
                .map(|p| u16::from_be_bytes([p[0], p[1]]))
                .collect()
        });
    Some((chars, gids))
}

/// A font used when a `Tf` names nothing loadable: Helvetica metrics, StandardEncoding.
pub fn fallback() -> Font {
    let mut dict = Dictionary::new();
    dict.set("Subtype", Object::Name(b"Type1".to_vec()));
    dict.set("BaseFont", Object::Name(b"Helvetica".to_vec()));
    load(&Document::new(), &dict)
}

/// Fonts of one document, loaded once per object.
#[derive(Default)]
pub struct FontCache {
    by_id: HashMap<ObjectId, Arc<Font>>,
    fallback: Option<Arc<Font>>,
}

impl FontCache {
    /// The font a resource entry designates (a reference or an inline dictionary).
    pub fn get(&mut self, doc: &Document, entry: Option<&Object>) -> Arc<Font> {
        match entry {
            Some(Object::Reference(id)) => {
                if let Some(f) = self.by_id.get(id) {
                    return f.clone();
                }
                let font = match doc.get_object(*id).ok().and_then(|o| as_dict(doc, o)) {
                    Some(d) => Arc::new(load(doc, d)),
                    None => self.fallback(),
                };
                self.by_id.insert(*id, font.clone());
                font
            }
            Some(o) => match as_dict(doc, o) {
                Some(d) => Arc::new(load(doc, d)),
                None => self.fallback(),
            },
            None => self.fallback(),
        }
    }

    fn fallback(&mut self) -> Arc<Font> {
        self.fallback
            .get_or_insert_with(|| Arc::new(fallback()))
            .clone()
    }
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

    #[test]
    fn cid_width_ranges() {
        let doc = Document::new();
        let w = vec![
            Object::Integer(1),
            Object::Array(vec![Object::Integer(500), Object::Real(250.5)]),
            Object::Integer(10),
            Object::Integer(20),
            Object::Integer(700),
            Object::Name(b"junk".to_vec()),
        ];
        let widths = CidWidths::parse(&doc, Some(&w), 1000.0);
        assert_eq!(widths.get(1), 500.0);
        assert_eq!(widths.get(2), 250.5);
        assert_eq!(widths.get(3), 1000.0);
        assert_eq!(widths.get(15), 700.0);
        assert_eq!(widths.get(21), 1000.0);
        assert_eq!(widths.get(0), 1000.0);
    }
}
