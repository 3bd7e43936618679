//! CMaps: `/ToUnicode` maps and the code → CID maps of Type 0 fonts, on top of `hayro-cmap`
//! (which also ships Adobe's predefined CJK CMaps). We add what it keeps private: the
//! codespace ranges that say how many bytes each code of a string takes.

use foldhash::HashMap;
use hayro_cmap::{BfString, CMap, CMapName, CidFamily};
use std::borrow::Cow;
use std::sync::{Mutex, OnceLock};

/// Parses a CMap, resolving `usecmap` against the predefined CMaps.
fn parse(bytes: &[u8]) -> Option<CMap> {
    CMap::parse(bytes, hayro_cmap::load_embedded)
}

/// Longest text one code may stand for, in characters: ligatures and the words of
/// `/ActualText`-like maps are a few characters; a destination of half a million (a hostile
/// map) would be copied into every glyph that shows it.
const MAX_DEST_CHARS: usize = 256;

/// Codes whose lookups are remembered (the map's own lookup decodes the destination
/// string anew each time).
const MAX_MEMO: usize = 1 << 16;

/// A `/ToUnicode` map: character code → text.
#[derive(Debug)]
pub struct ToUnicode {
    /// `None`: the identity map, each code its own Unicode scalar (see
    /// [`ToUnicode::parse_for_cids`]).
    cmap: Option<CMap>,
    /// The map writes its text in little-endian UTF-16 ([`byte_swapped`]): each
    /// character's bytes are swapped back.
    swapped: bool,
    memo: Mutex<HashMap<u32, Option<String>>>,
}

impl ToUnicode {
    /// Parses a ToUnicode stream; `None` when nothing in it parses.
    ///
    /// An empty destination (`<0003> <>`: a glyph with no text of its own, such as the
    /// second glyph of a shaped cluster whose text the first glyph carries) reads as
    /// U+0000, which the fonts take for "no text": the parser rejects the whole map
    /// over it, and the fonts would then guess text for every glyph.
    pub fn parse(bytes: &[u8]) -> Option<ToUnicode> {
        Some(ToUnicode {
            cmap: Some(parse(&fill_empty_destinations(bytes))?),
            swapped: byte_swapped(bytes),
            memo: Mutex::default(),
        })
    }

    /// [`ToUnicode::parse`] for a Type 0 font, whose codes select CIDs. Some writers put
    /// Adobe's `Identity-H` CMap itself where the ToUnicode map goes (code → CID ranges,
    /// no text at all; pdfbox's PDFBOX-4322 file): they state that each code is its
    /// own Unicode value, and viewers read it so. Any other map is parsed as usual.
    pub fn parse_for_cids(bytes: &[u8]) -> Option<ToUnicode> {
        let maps_text =
            find(bytes, b"beginbfchar").is_some() || find(bytes, b"beginbfrange").is_some();
        if !maps_text && identity_cmap_name(bytes) {
            return Some(ToUnicode::identity());
        }
        ToUnicode::parse(bytes)
    }

    /// The identity map: a font's `/ToUnicode /Identity-H` (a name, not a stream).
    pub fn identity() -> ToUnicode {
        ToUnicode {
            cmap: None,
            swapped: false,
            memo: Mutex::default(),
        }
    }

    /// The text for a code, if the map has an entry (an entry longer than
    /// [`MAX_DEST_CHARS`] counts as none).
    pub fn lookup(&self, code: u32) -> Option<String> {
        let mut memo = self.memo.lock().ok();
        if let Some(hit) = memo.as_ref().and_then(|m| m.get(&code)) {
            return hit.clone();
        }
        let text = self.lookup_once(code);
        if let Some(m) = memo.as_mut().filter(|m| m.len() < MAX_MEMO) {
            m.insert(code, text.clone());
        }
        text
    }

    /// [`ToUnicode::lookup`] without remembering the answer: for a caller that asks once
    /// per code (a simple font filling its table).
    pub fn lookup_once(&self, code: u32) -> Option<String> {
        let Some(cmap) = &self.cmap else {
            return char::from_u32(code)
                .filter(|c| !c.is_control())
                .map(String::from);
        };
        let text = match cmap.lookup_bf_string(code) {
            Some(BfString::Char(c)) => Some(c.to_string()),
            Some(BfString::String(s)) => Some(s).filter(|s| s.chars().count() <= MAX_DEST_CHARS),
            None => None,
        };
        match text {
            Some(t) if self.swapped => Some(t.chars().map(swap_bytes).collect()),
            t => t,
        }
    }
}

/// Destinations needed before a map's byte order is judged.
const MIN_SWAPPED: usize = 4;

/// Whether a map writes its destinations in little-endian UTF-16 (a writer's slip seen in
/// print-shop test files: `<0044> <4B00>` for "K"): nine in ten of its two-byte
/// destinations have a zero second byte and a printable first one. Read as written, they
/// are CJK ideographs; real text has a zero low byte once in 256 characters.
fn byte_swapped(bytes: &[u8]) -> bool {
    let mut destinations: Vec<Vec<u8>> = Vec::new();
    let mut rest = bytes;
    while let Some(start) = find(rest, b"beginbfchar") {
        let section = &rest[start + b"beginbfchar".len()..];
        let end = find(section, b"endbfchar").unwrap_or(section.len());
        destinations.extend(hex_strings(&section[..end]).into_iter().skip(1).step_by(2));
        rest = &section[end..];
    }
    let two: Vec<&Vec<u8>> = destinations.iter().filter(|d| d.len() == 2).collect();
    let swapped = two.iter().filter(|d| d[1] == 0 && d[0] >= 0x20).count();
    two.len() >= MIN_SWAPPED && two.len() * 2 >= destinations.len() && swapped * 10 >= two.len() * 9
}

/// A character whose UTF-16 bytes came swapped: U+4B00 back to U+004B.
fn swap_bytes(c: char) -> char {
    let v = c as u32;
    if v <= 0xFFFF && v & 0xFF == 0 {
        char::from_u32(v >> 8).unwrap_or(c)
    } else {
        c
    }
}

/// Whether a CMap's text names itself `Identity-H` or `Identity-V`.
fn identity_cmap_name(bytes: &[u8]) -> bool {
    let Some(at) = find(bytes, b"/CMapName") else {
        return false;
    };
    let rest = bytes[at + b"/CMapName".len()..].trim_ascii_start();
    rest.starts_with(b"/Identity-H") || rest.starts_with(b"/Identity-V")
}

/// The map with each empty `bfchar` destination (`<0003> <>`) written as `<0000>`.
fn fill_empty_destinations(bytes: &[u8]) -> Cow<'_, [u8]> {
    if find(bytes, b"<>").is_none() {
        return Cow::Borrowed(bytes);
    }
    let mut out = Vec::with_capacity(bytes.len() + 64);
    let mut rest = bytes;
    while let Some(start) = find(rest, b"beginbfchar") {
        let body = start + b"beginbfchar".len();
        out.extend_from_slice(&rest[..body]);
        rest = &rest[body..];
        let end = find(rest, b"endbfchar").unwrap_or(rest.len());
        let section = &rest[..end];
        let mut from = 0;
        while let Some(at) = find(&section[from..], b"<>").map(|k| k + from) {
            out.extend_from_slice(&section[from..at]);
            // Only a destination: the token before it is a source code's hex string.
            let after_code = section[..at].trim_ascii_end().ends_with(b">");
            out.extend_from_slice(if after_code { b"<0000>" } else { b"<>" });
            from = at + 2;
        }
        out.extend_from_slice(&section[from..]);
        rest = &rest[end..];
    }
    out.extend_from_slice(rest);
    Cow::Owned(out)
}

/// Codespace ranges: for each code length, byte-wise low/high bounds.
#[derive(Debug, Default, Clone)]
pub struct Codespace {
    ranges: Vec<(Vec<u8>, Vec<u8>)>,
}

impl Codespace {
    /// Reads `begincodespacerange <lo> <hi> … endcodespacerange` sections from CMap text.
    pub fn scan(bytes: &[u8]) -> Codespace {
        let mut ranges = Vec::new();
        let mut rest = bytes;
        while let Some(start) = find(rest, b"begincodespacerange") {
            rest = &rest[start + b"begincodespacerange".len()..];
            let end = find(rest, b"endcodespacerange").unwrap_or(rest.len());
            let hex = hex_strings(&rest[..end]);
            for pair in hex.chunks_exact(2) {
                if pair[0].len() == pair[1].len() && (1..=4).contains(&pair[0].len()) {
                    ranges.push((pair[0].clone(), pair[1].clone()));
                }
                if ranges.len() >= 256 {
                    break;
                }
            }
            rest = &rest[end..];
        }
        Codespace { ranges }
    }

    /// Whether any range was declared.
    #[cfg(test)]
    pub fn is_empty(&self) -> bool {
        self.ranges.is_empty()
    }

    /// The length of the code at the start of `bytes`, if a range matches it.
    pub fn code_len(&self, bytes: &[u8]) -> Option<usize> {
        for n in 1..=4usize {
            let Some(prefix) = bytes.get(..n) else {
                break;
            };
            let hit = self.ranges.iter().any(|(lo, hi)| {
                lo.len() == n
                    && prefix
                        .iter()
                        .zip(lo.iter().zip(hi))
                        .all(|(b, (l, h))| l <= b && b <= h)
            });
            if hit {
                return Some(n);
            }
        }
        None
    }

    /// The shortest declared code length (what a non-matching code consumes).
    pub fn shortest(&self) -> Option<usize> {
        self.ranges.iter().map(|(lo, _)| lo.len()).min()
    }
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    memchr::memmem::find(hay, needle)
}

/// The `<…>` hex strings of a CMap section, decoded.
fn hex_strings(section: &[u8]) -> Vec<Vec<u8>> {
    let mut out = Vec::new();
    let mut current: Option<Vec<u8>> = None;
    let mut high: Option<u8> = None;
    for &b in section {
        match (b, current.as_mut()) {
            (b'<', None) => {
                current = Some(Vec::new());
                high = None;
            }
            (b'>', Some(_)) => {
                if let Some(mut v) = current.take() {
                    if let Some(h) = high.take() {
                        v.push(h << 4);
                    }
                    out.push(v);
                }
            }
            (_, Some(v)) => {
                if let Some(d) = (b as char).to_digit(16) {
                    let d = d as u8;
                    match high.take() {
                        Some(h) => v.push(h << 4 | d),
                        None => high = Some(d),
                    }
                }
            }
            _ => {}
        }
    }
    out
}

/// How a Type 0 font's strings split into codes and CIDs (its `/Encoding`).
#[derive(Debug)]
pub enum CodeMap {
    /// Two-byte codes equal to CIDs, horizontal or vertical.
    Identity { vertical: bool },
    /// An embedded or predefined CMap.
    Table {
        cmap: Box<CMap>,
        codespace: Codespace,
        vertical: bool,
        /// A `Uni…-UCS2/UTF16` CMap: the codes themselves are UTF-16BE.
        unicode_codes: bool,
        /// Byte length to assume when no codespace or lookup decides.
        default_len: usize,
    },
}

impl CodeMap {
    /// A predefined CMap by name (`Identity-H`, `90ms-RKSJ-H`, `UniGB-UCS2-H`, …).
    pub fn predefined(name: &[u8]) -> Option<CodeMap> {
        match name {
            b"Identity-H" => return Some(CodeMap::Identity { vertical: false }),
            b"Identity-V" => return Some(CodeMap::Identity { vertical: true }),
            _ => {}
        }
        let data = hayro_cmap::load_embedded(CMapName::from_bytes(name))?;
        let cmap = parse(data)?;
        let text = String::from_utf8_lossy(name);
        let unicode_codes =
            text.starts_with("Uni") && (text.contains("UCS2") || text.contains("UTF16"));
        let vertical = text == "V"
            || text.ends_with("-V")
            || cmap.metadata().writing_mode == Some(hayro_cmap::WritingMode::Vertical);
        Some(CodeMap::Table {
            cmap: Box::new(cmap),
            codespace: Codespace::default(),
            vertical,
            unicode_codes,
            default_len: if unicode_codes { 2 } else { 1 },
        })
    }

    /// An embedded CMap stream.
    pub fn embedded(bytes: &[u8]) -> Option<CodeMap> {
        let cmap = parse(bytes)?;
        let vertical = cmap.metadata().writing_mode == Some(hayro_cmap::WritingMode::Vertical);
        let codespace = Codespace::scan(bytes);
        let default_len = codespace.shortest().unwrap_or(2);
        Some(CodeMap::Table {
            cmap: Box::new(cmap),
            codespace,
            vertical,
            unicode_codes: false,
            default_len,
        })
    }

    /// Whether glyphs advance downwards.
    pub fn vertical(&self) -> bool {
        match self {
            CodeMap::Identity { vertical } | CodeMap::Table { vertical, .. } => *vertical,
        }
    }

    /// Whether codes are UTF-16BE text.
    pub fn unicode_codes(&self) -> bool {
        matches!(
            self,
            CodeMap::Table {
                unicode_codes: true,
                ..
            }
        )
    }

    /// Splits the next code off `bytes`: `(code, byte length, CID)`. `bytes` must not be empty.
    pub fn next_code(&self, bytes: &[u8]) -> (u32, usize, u32) {
        match self {
            CodeMap::Identity { .. } => {
                let n = bytes.len().min(2);
                let code = be(&bytes[..n]);
                (code, n, code)
            }
            CodeMap::Table {
                cmap,
                codespace,
                default_len,
                ..
            } => {
                if let Some(n) = codespace.code_len(bytes) {
                    let code = be(&bytes[..n]);
                    return (code, n, cmap.lookup_cid_code(code, n as u8).unwrap_or(0));
                }
                for n in 1..=bytes.len().min(4) {
                    let code = be(&bytes[..n]);
                    if let Some(cid) = cmap.lookup_cid_code(code, n as u8) {
                        return (code, n, cid);
                    }
                }
                let n = (*default_len).clamp(1, 4).min(bytes.len());
                (be(&bytes[..n]), n, 0)
            }
        }
    }
}

/// Big-endian value of up to four bytes.
pub fn be(bytes: &[u8]) -> u32 {
    bytes
        .iter()
        .take(4)
        .fold(0u32, |acc, &b| acc << 8 | u32::from(b))
}

/// CID → Unicode for the Adobe CJK collections, via their `…-UCS2` CMaps.
pub fn cid_to_unicode(family: &CidFamily, cid: u32) -> Option<String> {
    static MAPS: [OnceLock<Option<CMap>>; 4] = [const { OnceLock::new() }; 4];
    let idx = match family {
        CidFamily::AdobeJapan1 => 0,
        CidFamily::AdobeGB1 => 1,
        CidFamily::AdobeCNS1 => 2,
        CidFamily::AdobeKorea1 => 3,
        _ => return None,
    };
    let map = MAPS[idx]
        .get_or_init(|| {
            let name = family.ucs2_cmap()?;
            parse(hayro_cmap::load_embedded(name)?)
        })
        .as_ref()?;
    match map.lookup_bf_string(cid)? {
        BfString::Char(c) => Some(c.to_string()),
        BfString::String(s) => Some(s),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const TO_UNICODE: &[u8] = b"/CIDInit /ProcSet findresource begin 12 dict begin begincmap
1 begincodespacerange <00> <FF> endcodespacerange
2 beginbfchar <41> <005A> <42> <00660069> endbfchar
1 beginbfrange <61> <63> <0078> endbfrange
endcmap CMapName currentdict /CMap defineresource pop end end";

    #[test]
    fn to_unicode_chars_ranges_and_ligatures() {
        let map = ToUnicode::parse(TO_UNICODE).unwrap();
        assert_eq!(map.lookup(0x41).as_deref(), Some("Z"));
        assert_eq!(map.lookup(0x42).as_deref(), Some("fi"));
        assert_eq!(map.lookup(0x62).as_deref(), Some("y"));
        assert_eq!(map.lookup(0x64), None);
    }

    /// A map written in little-endian UTF-16 (Photoshop's text layer in OCRmyPDF's
    /// cmyk.pdf: `<0044> <4B00>`) reads "K", not the ideograph U+4B00; a map with one
    /// real U+4E00 among ordinary letters stays as written.
    #[test]
    fn a_map_written_little_endian_is_read_with_its_bytes_swapped() {
        let swapped = b"1 begincodespacerange <0000> <FFFF> endcodespacerange
5 beginbfchar <0044> <4B00> <0046> <4D00> <0058> <7500> <0061> <6C00> <0003> <2000>
endbfchar";
        let map = ToUnicode::parse(swapped).unwrap();
        let text: String = [0x46, 0x58, 0x61, 0x03, 0x44]
            .iter()
            .filter_map(|&c| map.lookup(c))
            .collect();
        assert_eq!(text, "Mul K");
        let ideograph = b"1 begincodespacerange <0000> <FFFF> endcodespacerange
5 beginbfchar <0001> <4E00> <0002> <0041> <0003> <0042> <0004> <0043> <0005> <0044>
endbfchar";
        let map = ToUnicode::parse(ideograph).unwrap();
        assert_eq!(map.lookup(1).as_deref(), Some("\u{4E00}"));
        assert_eq!(map.lookup(2).as_deref(), Some("A"));
    }

    #[test]
    fn a_destination_longer_than_any_glyphs_text_counts_as_none() {
        let cmap = format!(
            "/CIDInit /ProcSet findresource begin 12 dict begin begincmap
1 begincodespacerange <00> <FF> endcodespacerange
2 beginbfchar <41> <{}> <42> <{}> endbfchar
endcmap CMapName currentdict /CMap defineresource pop end end",
            "0041".repeat(MAX_DEST_CHARS + 1),
            "0042".repeat(MAX_DEST_CHARS)
        );
        let map = ToUnicode::parse(cmap.as_bytes()).unwrap();
        for _ in 0..2 {
            // (the second time from the memo)
            assert_eq!(map.lookup(0x41), None);
            assert_eq!(map.lookup(0x42).map(|s| s.len()), Some(MAX_DEST_CHARS));
        }
    }

    #[test]
    fn an_empty_destination_is_empty_text_not_a_missing_entry() {
        let map = ToUnicode::parse(
            b"/CIDInit /ProcSet findresource begin 12 dict begin begincmap
1 begincodespacerange <0000> <FFFF> endcodespacerange
3 beginbfchar <0003> <> <03A3> <062D0020> <0004><>
endbfchar endcmap CMapName currentdict /CMap defineresource pop end end",
        )
        .unwrap();
        assert_eq!(map.lookup(3).as_deref(), Some("\0"));
        assert_eq!(map.lookup(4).as_deref(), Some("\0"));
        assert_eq!(map.lookup(0x03a3).as_deref(), Some("\u{62d} "));
        assert_eq!(map.lookup(5), None);
    }

    #[test]
    fn codespace_decides_code_lengths() {
        let cs =
            Codespace::scan(b"2 begincodespacerange <00> <80> <8140> <9FFC> endcodespacerange");
        assert_eq!(cs.code_len(b"A"), Some(1));
        assert_eq!(cs.code_len(b"\x82\xa0"), Some(2));
        assert_eq!(cs.code_len(b"\x82"), None);
        assert_eq!(cs.shortest(), Some(1));
        assert!(Codespace::scan(b"begincodespacerange <0").is_empty());
    }

    #[test]
    fn identity_and_predefined_cmaps() {
        let id = CodeMap::predefined(b"Identity-H").unwrap();
        assert_eq!(id.next_code(b"\x01\x02\x03"), (0x0102, 2, 0x0102));
        assert_eq!(id.next_code(b"\x07"), (7, 1, 7));
        assert!(CodeMap::predefined(b"Identity-V").unwrap().vertical());
        // The JIS CMaps are named plain "H" and "V".
        assert!(CodeMap::predefined(b"V").unwrap().vertical());
        assert!(!CodeMap::predefined(b"H").unwrap().vertical());
        // Shift-JIS: one byte for ASCII (half-width CIDs from 231), two for kanji.
        let sjis = CodeMap::predefined(b"90ms-RKSJ-H").unwrap();
        let (_, len, cid) = sjis.next_code(b"A");
        assert_eq!((len, cid), (1, 264));
        assert_eq!(
            cid_to_unicode(&CidFamily::AdobeJapan1, 264).as_deref(),
            Some("A")
        );
        let (_, len, _) = sjis.next_code(b"\x88\x9f");
        assert_eq!(len, 2);
        let uni = CodeMap::predefined(b"UniGB-UCS2-H").unwrap();
        assert!(uni.unicode_codes());
        assert_eq!(
            cid_to_unicode(&CidFamily::AdobeJapan1, 34).as_deref(),
            Some("A")
        );
    }
}
