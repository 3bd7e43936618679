//! Built-in encodings of embedded Type 1 and CFF font programs: for fonts whose PDF
//! dictionary has no `/Encoding` (TeX's math fonts, for one), the program's own code →
//! glyph-name table is the only source of their text.

use lopdf::{Dictionary, Document};
use read_fonts::ps::cff::CffFontRef;

use super::objects::{get_dict, get_name, get_stream, stream_bytes, stream_bytes_until};

/// Largest font program read.
const MAX_PROGRAM_BYTES: usize = 32 << 20;

/// Glyph name by code, from the embedded program of a simple font's descriptor; `None`
/// when there is no program, it does not parse, or it just uses StandardEncoding.
pub fn builtin_encoding(doc: &Document, font: &Dictionary) -> Option<Vec<Option<String>>> {
    let desc = get_dict(doc, font, b"FontDescriptor")?;
    if let Some(s) = get_stream(doc, desc, b"FontFile") {
        // Only the clear text is read: the encrypted rest (most of the program) stays packed.
        let bytes = stream_bytes_until(doc, s, MAX_PROGRAM_BYTES, b"eexec")?;
        return type1_encoding(&bytes);
    }
    let s = get_stream(doc, desc, b"FontFile3")?;
    if get_name(doc, &s.dict, b"Subtype") != Some(b"Type1C") {
        return None;
    }
    cff_encoding(&stream_bytes(doc, s, MAX_PROGRAM_BYTES)?)
}

/// Reads `dup <code> /<name> put` entries of the clear-text part of a Type 1 program.
fn type1_encoding(program: &[u8]) -> Option<Vec<Option<String>>> {
    // The clear text ends where the encrypted part starts.
    let clear_end = find(program, b"eexec").unwrap_or(program.len());
    let clear = &program[..clear_end];
    let start = find(clear, b"/Encoding")?;
    let section = &clear[start..];
    if section
        .get(..40)
        .is_some_and(|s| find(s, b"StandardEncoding").is_some())
    {
        return None;
    }
    let text = String::from_utf8_lossy(section);
    let mut names = vec![None; 256];
    let mut tokens = text.split_whitespace().peekable();
    let mut found = 0;
    while let Some(tok) = tokens.next() {
        if tok == "readonly" || tok == "def" && found > 0 {
            break;
        }
        if tok != "dup" {
            continue;
        }
        let (Some(code), Some(name)) = (tokens.next(), tokens.next()) else {
            break;
        };
        if let (Ok(code), Some(name)) = (code.parse::<usize>(), name.strip_prefix('/'))
            && let Some(slot) = names.get_mut(code)
        {
            *slot = Some(name.to_string());
            found += 1;
        }
    }
    (found > 0).then_some(names)
}

fn cff_encoding(program: &[u8]) -> Option<Vec<Option<String>>> {
    let font = CffFontRef::new(program, 0, None).ok()?;
    let encoding = font.encoding()?;
    if encoding.predefined().is_some() {
        return None;
    }
    let charset = encoding.charset();
    let names: Vec<Option<String>> = (0..=255u8)
        .map(|code| {
            let gid = encoding.map(code).filter(|g| g.to_u32() != 0)?;
            let sid = charset.string_id(gid)?;
            let name = font.string(sid)?;
            Some(String::from_utf8_lossy(name).into_owned())
        })
        .collect();
    names.iter().any(Option::is_some).then_some(names)
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    memchr::memmem::find(hay, needle)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn type1_clear_text_encoding() {
        let program = b"%!PS-AdobeFont-1.0: CMMI10\n/Encoding 256 array\n0 1 255 {1 index exch /.notdef put} for\n\
            dup 58 /period put\ndup 59 /comma put\ndup 62 /greater put\nreadonly def\ncurrentfile eexec\x80\x81garbage";
        let names = type1_encoding(program).unwrap();
        assert_eq!(names[58].as_deref(), Some("period"));
        assert_eq!(names[59].as_deref(), Some("comma"));
        assert_eq!(names[65], None);
        assert!(type1_encoding(b"/Encoding StandardEncoding def currentfile eexec").is_none());
        assert!(type1_encoding(b"no encoding here").is_none());
    }
}
