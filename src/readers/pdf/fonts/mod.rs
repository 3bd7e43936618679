//! Fonts: how a string's bytes become character codes, text and advance widths.
//!
//! Text comes from, in order: the `/ToUnicode` CMap; for simple fonts, the `/Differences`
//! glyph names (through the Adobe Glyph List) over the base encoding; for CID fonts, the
//! UTF-16 codes of a `Uni…` CMap or the Unicode map of the Adobe character collection.
//! Widths come from `/Widths` (simple), `/W` and `/DW` (CID), else from the standard 14
//! AFM metrics, else a default.

mod cid;
mod names;
mod simple;
mod symbol_chart;

use foldhash::HashMap;
use std::sync::{Arc, Mutex};

use hayro_cmap::CidFamily;
use lopdf::{Dictionary, Document, Object, ObjectId};

use super::cmap::{self, CodeMap, ToUnicode};
use super::geometry::Matrix;
use super::objects::{as_dict, get_dict, get_name, get_number, get_stream, stream_bytes};
use cid::{CidWidths, load_type0};
use names::{font_name, style_from_name};
use simple::load_simple;
use symbol_chart::{SymbolChart, named_code};

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
    /// The chart of a symbol font (Symbol, Wingdings) its codes are read through.
    chart: Option<SymbolChart>,
}

#[derive(Debug)]
enum Kind {
    Simple {
        /// Text of each code (already sanitised; empty when unknown).
        text: Vec<Box<str>>,
        /// Width of each code in glyph units.
        widths: Vec<f64>,
        /// The number the report lists for each code (see [`Glyph::code`]), where some
        /// code's differs from the code itself.
        shown: Option<Box<[u32]>>,
        /// For each code read through the font's symbol chart, the text it had before.
        charted: Option<Box<[Option<char>]>>,
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
        /// What each code met so far decodes to ([`CodeText`]).
        decoded: Mutex<HashMap<(u32, usize), CodeText>>,
    },
}

/// Most codes whose decoding one CID font remembers; past them, codes not yet met are
/// decoded afresh each time.
const MAX_DECODED_CODES: usize = 1 << 16;

/// What a CID font's code decodes to, worked out once per code: a string shows the same
/// few hundred codes again and again, and each decoding looked the code up in up to three
/// maps, built its text as a new string and checked its characters.
#[derive(Debug)]
struct CodeText {
    text: Box<str>,
    width: f64,
    silent: bool,
    charted: Option<char>,
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
    /// The font's ToUnicode map gives this glyph no text on purpose (an empty destination:
    /// a mark whose text another glyph of its shaped cluster carries). Not unreadable ink.
    pub silent: bool,
    /// What the report lists for a glyph with no text: the code shown (a byte for simple
    /// fonts, the CMap's code for CID fonts); for a simple font's glyph named by a number
    /// (`g40`), that number, which is what extractors print for it.
    pub code: u32,
    /// Read through the font's symbol chart: the text the font's map gave instead.
    pub charted: Option<char>,
}

impl Font {
    /// Whether the font writes vertically.
    pub fn is_vertical(&self) -> bool {
        matches!(&self.kind, Kind::Cid { map, .. } if map.vertical())
    }

    /// Decodes `bytes`, calling `f` for each code.
    pub fn decode(&self, bytes: &[u8], mut f: impl FnMut(Glyph<'_>)) {
        match &self.kind {
            Kind::Simple {
                text,
                widths,
                shown,
                charted,
            } => {
                for &b in bytes {
                    let code = b as usize;
                    f(Glyph {
                        text: text.get(code).map(|t| &**t).unwrap_or(""),
                        width: widths.get(code).copied().unwrap_or(0.0),
                        vertical: 0.0,
                        word_space: b == b' ',
                        silent: false,
                        code: shown.as_ref().map_or(u32::from(b), |s| s[usize::from(b)]),
                        charted: charted.as_ref().and_then(|c| c[usize::from(b)]),
                    });
                }
            }
            Kind::Cid {
                map,
                vertical_advance,
                decoded,
                ..
            } => {
                // Held for the string (the callback never decodes); a poisoned lock only
                // means no memo.
                let mut memo = decoded.lock().ok();
                let mut rest = bytes;
                while !rest.is_empty() {
                    let (code, len, cid) = map.next_code(rest);
                    let code_bytes = &rest[..len.min(rest.len())];
                    rest = &rest[len.clamp(1, rest.len())..];
                    // `len` and `code` give the code's bytes (at most four) and its CID,
                    // so they key all that the decoding depends on.
                    let key = (code, len);
                    let fresh;
                    let known = match memo.as_mut() {
                        Some(m) if m.len() < MAX_DECODED_CODES || m.contains_key(&key) => m
                            .entry(key)
                            .or_insert_with(|| self.code_text(code, code_bytes, cid)),
                        _ => {
                            fresh = self.code_text(code, code_bytes, cid);
                            &fresh
                        }
                    };
                    f(Glyph {
                        text: &known.text,
                        width: known.width,
                        vertical: if map.vertical() {
                            *vertical_advance
                        } else {
                            0.0
                        },
                        word_space: len == 1 && code == 32,
                        silent: known.silent,
                        code,
                        charted: known.charted,
                    });
                }
            }
        }
    }

    /// The text and width of a CID font's code, as [`Font::decode`] gives them.
    fn code_text(&self, code: u32, code_bytes: &[u8], cid: u32) -> CodeText {
        let Kind::Cid {
            map,
            family,
            widths,
            program_text,
            ..
        } = &self.kind
        else {
            return CodeText {
                text: Box::from(""),
                width: 0.0,
                silent: false,
                charted: None,
            };
        };
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
        // `cmap` reads an empty destination as U+0000.
        let silent = owned.as_deref() == Some("\0");
        let mut buf = [0u8; 4];
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
        // A composite symbol font's text is charted only from the private-use form (see
        // `symbol_chart`).
        let mut chars = text.chars();
        let sign = self
            .chart
            .zip(chars.next().filter(|_| chars.next().is_none()))
            .and_then(|(chart, c)| Some((c, chart.sign(named_code(chart, c, false)?)?)));
        match sign {
            Some((before, sign)) => CodeText {
                text: Box::from(sign.encode_utf8(&mut buf) as &str),
                width: widths.get(cid),
                silent,
                charted: Some(before),
            },
            None => CodeText {
                text: Box::from(text),
                width: widths.get(cid),
                silent,
                charted: None,
            },
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

/// Control characters and Unicode noncharacters (U+FFFE, U+FFFF, U+FDD0…) carry no
/// text; a map that produces them is broken for that code.
fn is_control(c: char) -> bool {
    c.is_control() || ('\u{fdd0}'..='\u{fdef}').contains(&c) || (c as u32) & 0xfffe == 0xfffe
}

/// Characters that carry no text are dropped; no-break and other odd spaces become spaces.
fn sanitize_char(c: char) -> char {
    match c {
        '\u{a0}' | '\u{2000}'..='\u{200a}' | '\u{202f}' | '\u{205f}' | '\u{3000}' => ' ',
        c => c,
    }
}

fn sanitize(s: &str) -> Box<str> {
    // Most glyphs' text is kept as it is: copied once at its length, not collected
    // character by character into a string regrown and then shrunk.
    if s.chars().all(|c| !is_control(c) && sanitize_char(c) == c) {
        return Box::from(s);
    }
    s.chars()
        .filter(|c| !is_control(*c))
        .map(sanitize_char)
        .collect::<String>()
        .into_boxed_str()
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

/// The font's `/ToUnicode` map. A Type 0 font's may state that each code is its own
/// Unicode value: the name `/Identity-H`, or that CMap written out (see
/// [`ToUnicode::parse_for_cids`]).
fn load_to_unicode(doc: &Document, dict: &Dictionary, type0: bool) -> Option<ToUnicode> {
    if type0 && let Some(name) = get_name(doc, dict, b"ToUnicode") {
        return matches!(name, b"Identity-H" | b"Identity-V").then(ToUnicode::identity);
    }
    let stream = get_stream(doc, dict, b"ToUnicode")?;
    let bytes = stream_bytes(doc, stream, MAX_CMAP_BYTES)?;
    if type0 {
        ToUnicode::parse_for_cids(&bytes)
    } else {
        ToUnicode::parse(&bytes)
    }
}

/// Reads a font dictionary. Never fails: anything unreadable gives a plain Latin font.
pub fn load(doc: &Document, dict: &Dictionary) -> Font {
    let subtype = get_name(doc, dict, b"Subtype").unwrap_or(b"Type1");
    let name = font_name(doc, dict);
    let to_unicode = load_to_unicode(doc, dict, subtype == b"Type0");
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

/// A font used when a `Tf` names nothing loadable: Helvetica's metrics so that the
/// text state still advances, but no text: without the font, its codes mean nothing
/// reliable (viewers draw nothing either).
pub fn fallback() -> Font {
    let mut dict = Dictionary::new();
    dict.set("Subtype", Object::Name(b"Type1".to_vec()));
    dict.set("BaseFont", Object::Name(b"Helvetica".to_vec()));
    let mut font = load(&Document::new(), &dict);
    if let Kind::Simple { text, .. } = &mut font.kind {
        text.iter_mut().for_each(|t| *t = Box::from(""));
    }
    font
}

/// Fonts kept parsed at once; a document with more loads again those it meets again.
const MAX_CACHED_FONTS: usize = 512;

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
                if self.by_id.len() >= MAX_CACHED_FONTS {
                    // Merged or very long files carry a copy of their fonts per part: the
                    // cache starts afresh rather than holding them all to the end.
                    self.by_id.clear();
                }
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
    use lopdf::{Stream, dictionary};

    /// An Identity-H font whose ToUnicode map gives code 1 "A", code 2 "fi" and code 3 an
    /// empty destination; code 1 is 500 units wide, the rest 1000.
    fn identity_font(doc: &mut Document) -> Dictionary {
        let cmap = b"/CIDInit /ProcSet findresource begin 12 dict begin begincmap
1 begincodespacerange <0000> <FFFF> endcodespacerange
3 beginbfchar <0001> <0041> <0002> <00660069> <0003> <> endbfchar
endcmap CMapName currentdict /CMap defineresource pop end end";
        let to_unicode = doc.add_object(Stream::new(Dictionary::new(), cmap.to_vec()));
        let cid_font = doc.add_object(dictionary! {
            "Type" => "Font",
            "Subtype" => "CIDFontType2",
            "BaseFont" => "Test",
            "DW" => 1000,
            "W" => vec![1.into(), vec![Object::Integer(500)].into()],
        });
        dictionary! {
            "Type" => "Font",
            "Subtype" => "Type0",
            "BaseFont" => "Test",
            "Encoding" => "Identity-H",
            "DescendantFonts" => vec![cid_font.into()],
            "ToUnicode" => to_unicode,
        }
    }

    fn decoded(font: &Font, bytes: &[u8]) -> Vec<(String, f64, bool, u32)> {
        let mut out = Vec::new();
        font.decode(bytes, |g| {
            out.push((g.text.to_string(), g.width, g.silent, g.code))
        });
        out
    }

    /// A CID font works out each code once and remembers it: codes met again, in the same
    /// string or a later one, decode as they did the first time.
    #[test]
    fn cid_codes_decode_the_same_when_met_again() {
        let mut doc = Document::with_version("1.7");
        let dict = identity_font(&mut doc);
        let font = load(&doc, &dict);
        let first = decoded(&font, &[0, 1, 0, 2, 0, 1, 0, 3, 0, 9]);
        let expected = vec![
            ("A".to_string(), 500.0, false, 1),
            ("fi".to_string(), 1000.0, false, 2),
            ("A".to_string(), 500.0, false, 1),
            (String::new(), 1000.0, true, 3),
            (String::new(), 1000.0, false, 9),
        ];
        assert_eq!(first, expected);
        assert_eq!(decoded(&font, &[0, 3, 0, 9, 0, 2, 0, 1]), {
            let mut again = expected[3..].to_vec();
            again.extend_from_slice(&expected[1..3]);
            again
        });
        // A lone last byte is a one-byte code, kept apart from the two-byte one of the
        // same number (the ToUnicode map, keyed by number alone, reads both as "A").
        assert_eq!(
            decoded(&font, &[0, 1, 1]),
            vec![
                ("A".to_string(), 500.0, false, 1),
                ("A".to_string(), 500.0, false, 1)
            ]
        );
    }
}
