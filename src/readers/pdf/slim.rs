//! What the object model keeps of a file while it loads.
//!
//! lopdf holds every object of a file at once, and holds it large: each array element and
//! dictionary value is a 120-byte `Object`, and every stream keeps its bytes. For a file of
//! thousands of pages that is three times the file's size, beside the file itself. As each
//! object is parsed, [`keep`] leaves out what this reader never looks at:
//! - the TrueType programs (`/FontFile2`) of simple fonts: only a CID font's program is
//!   read (for its glyph → character table). The program's bytes are dropped with a note
//!   of their length and hash; after the load, [`restore`] copies back from the file every
//!   dropped stream that anything but a simple font's `/FontFile2` refers to.
//! - a font's `/Widths` array of plain numbers becomes a packed string ([`widths`] reads
//!   both forms: 9 bytes a width instead of 120);
//! - the appearance entries of link annotations (border, colour, highlighting), which say
//!   how a viewer draws the link, not where it goes;
//! - the spare capacity of arrays and dictionaries (copied, they take what they hold).

use foldhash::{HashSet, HashSetExt};
use std::cell::RefCell;
use std::hash::{DefaultHasher, Hasher};

use lopdf::xref::XrefEntry;
use lopdf::{Dictionary, Document, Object, ObjectId, StringFormat};

use super::objects::{deref, entry, get, get_array, number, number_deref};

/// A stream whose bytes were left out while the file loaded.
#[derive(Debug, Clone, Copy)]
pub struct Dropped {
    id: ObjectId,
    len: usize,
    hash: u64,
}

thread_local! {
    /// The streams [`keep`] dropped during the load running on this thread.
    static DROPPED: RefCell<Vec<Dropped>> = const { RefCell::new(Vec::new()) };
}

/// Starts a load: forgets the streams a previous one dropped.
pub fn begin() {
    DROPPED.with(|d| d.borrow_mut().clear());
}

/// The streams dropped since [`begin`].
pub fn dropped() -> Vec<Dropped> {
    DROPPED.with(|d| std::mem::take(&mut *d.borrow_mut()))
}

/// Marks a packed `/Widths` string, so that it is not taken for a string a file wrote.
const PACKED: &[u8] = b"\0brief2md widths\0";

/// The load filter (lopdf calls it for each object parsed). lopdf keeps a top-level object
/// as changed in place and an object from an object stream as returned: both are done.
pub fn keep(id: ObjectId, object: &mut Object) -> Option<(ObjectId, Object)> {
    match object {
        Object::Stream(stream) => {
            if is_truetype_program(&stream.dict) && !stream.content.is_empty() {
                let content = std::mem::take(&mut stream.content);
                let dropped = Dropped {
                    id,
                    len: content.len(),
                    hash: hash(&content),
                };
                DROPPED.with(|d| d.borrow_mut().push(dropped));
            }
            // Streams never come from object streams: lopdf keeps this one in place.
            Some((id, Object::Null))
        }
        Object::Dictionary(dict) => {
            pack_widths(dict);
            strip_link_appearance(dict);
            Some((id, compact(object)))
        }
        _ => Some((id, compact(object))),
    }
}

/// Replaces `object` by a copy without the spare capacity its arrays and dictionaries grew
/// while parsed, and returns the original. One copy either way: a top-level object keeps
/// the copy, an object from an object stream is the original (its spare capacity stays).
fn compact(object: &mut Object) -> Object {
    let copy = object.clone();
    std::mem::replace(object, copy)
}

/// A `/FontFile2` program: `/Length1` alone (a Type 1 program has `/Length2` and
/// `/Length3`, a `/FontFile3` one a `/Subtype`).
fn is_truetype_program(dict: &Dictionary) -> bool {
    dict.has(b"Length1") && !dict.has(b"Length2") && !dict.has(b"Length3") && !dict.has(b"Subtype")
}

fn hash(bytes: &[u8]) -> u64 {
    let mut h = DefaultHasher::new();
    h.write(bytes);
    h.finish()
}

fn pack_widths(dict: &mut Dictionary) {
    let Ok(Object::Array(ws)) = dict.get(b"Widths") else {
        return;
    };
    if ws.len() < 8 {
        return;
    }
    let mut packed = Vec::with_capacity(PACKED.len() + ws.len() * 8);
    packed.extend_from_slice(PACKED);
    for w in ws {
        // Anything but a finite number (a reference, a damaged entry) keeps the array.
        let Some(v) = number(w) else { return };
        packed.extend_from_slice(&v.to_le_bytes());
    }
    dict.set("Widths", Object::String(packed, StringFormat::Hexadecimal));
}

fn strip_link_appearance(dict: &mut Dictionary) {
    if entry(dict, b"Subtype").and_then(|s| s.as_name().ok()) != Some(b"Link".as_slice()) {
        return;
    }
    for key in [b"Border".as_slice(), b"BS", b"C", b"H"] {
        dict.remove(key);
    }
}

/// The widths of a simple font's `/Widths` (its first `max` entries), packed or not:
/// `None` for an entry that is no number.
pub fn widths(doc: &Document, font: &Dictionary, max: usize) -> Option<Vec<Option<f64>>> {
    if let Some(Object::String(s, _)) = get(doc, font, b"Widths")
        && let Some(packed) = s.strip_prefix(PACKED)
    {
        return Some(
            packed
                .chunks_exact(8)
                .take(max)
                .map(|c| Some(f64::from_le_bytes(c.try_into().unwrap_or([0; 8]))))
                .collect(),
        );
    }
    let ws = get_array(doc, font, b"Widths")?;
    Some(ws.iter().take(max).map(|o| number_deref(doc, o)).collect())
}

/// Puts back the bytes of every dropped stream that something other than a simple font's
/// `/FontFile2` refers to (a CID font's program, or a stream a damaged file also uses
/// otherwise), copied from the file and checked against the length and hash noted when it
/// was dropped. `false` when one cannot be found as it was: the caller loads the file again
/// keeping everything (an encrypted file's streams were decrypted, for one).
pub fn restore(doc: &mut Document, bytes: &[u8], dropped: &[Dropped]) -> bool {
    if dropped.is_empty() {
        return true;
    }
    let unread = unread_programs(doc);
    for d in dropped.iter().filter(|d| !unread.contains(&d.id)) {
        let Some(content) = find(doc, bytes, d) else {
            return false;
        };
        match doc.objects.get_mut(&d.id) {
            Some(Object::Stream(s)) => s.content = content.to_vec(),
            _ => return false,
        }
    }
    true
}

/// The dropped stream's bytes in the file: after the `stream` keyword that follows its
/// object's offset.
fn find<'a>(doc: &Document, bytes: &'a [u8], d: &Dropped) -> Option<&'a [u8]> {
    let Some(XrefEntry::Normal { offset, .. }) = doc.reference_table.get(d.id.0) else {
        return None;
    };
    let from = *offset as usize;
    // The dictionary comes first; a few kilobytes cover any a font program has.
    let window = bytes.get(from..)?;
    let window = &window[..window.len().min(1 << 16)];
    let mut at = 0;
    while let Some(i) = window[at..].windows(6).position(|w| w == b"stream") {
        let mut start = from + at + i + 6;
        match bytes.get(start..start + 2) {
            Some([b'\r', b'\n']) => start += 2,
            Some([b'\n' | b'\r', _]) => start += 1,
            _ => {}
        }
        if let Some(content) = bytes.get(start..start + d.len)
            && hash(content) == d.hash
        {
            return Some(content);
        }
        at += i + 6;
    }
    None
}

/// The `/FontFile2` streams that only simple fonts refer to: nothing reads them. Every
/// reference in the file counts, at any depth (a font or descriptor may be written
/// inline); a stream referred to from a descendant font's descriptor, or from anywhere
/// but a `/FontFile2` entry, is read or may be.
fn unread_programs(doc: &Document) -> HashSet<ObjectId> {
    let mut as_program = HashSet::new();
    let mut otherwise = HashSet::new();
    let mut descendant_programs = HashSet::new();
    for object in doc.objects.values() {
        walk(
            doc,
            object,
            0,
            &mut as_program,
            &mut otherwise,
            &mut descendant_programs,
        );
    }
    as_program
        .into_iter()
        .filter(|id| !otherwise.contains(id) && !descendant_programs.contains(id))
        .collect()
}

/// Deep enough for any real file (a page's resources hold fonts two levels down).
const MAX_DEPTH: usize = 32;

fn walk(
    doc: &Document,
    object: &Object,
    depth: usize,
    as_program: &mut HashSet<ObjectId>,
    otherwise: &mut HashSet<ObjectId>,
    descendant_programs: &mut HashSet<ObjectId>,
) {
    if depth > MAX_DEPTH {
        return;
    }
    let dict = match object {
        Object::Reference(id) => {
            otherwise.insert(*id);
            return;
        }
        Object::Array(items) => {
            for item in items {
                walk(
                    doc,
                    item,
                    depth + 1,
                    as_program,
                    otherwise,
                    descendant_programs,
                );
            }
            return;
        }
        Object::Dictionary(d) => d,
        Object::Stream(s) => &s.dict,
        _ => return,
    };
    for (key, value) in dict.iter() {
        match (key.as_slice(), value) {
            (b"FontFile2", Object::Reference(id)) => {
                as_program.insert(*id);
            }
            (b"DescendantFonts", v) => {
                for font in descendants(doc, v) {
                    if let Some(Object::Reference(id)) =
                        get(doc, font, b"FontDescriptor").and_then(|d| match d {
                            Object::Dictionary(d) => d.get(b"FontFile2").ok(),
                            _ => None,
                        })
                    {
                        descendant_programs.insert(*id);
                    }
                }
                walk(
                    doc,
                    v,
                    depth + 1,
                    as_program,
                    otherwise,
                    descendant_programs,
                );
            }
            _ => walk(
                doc,
                value,
                depth + 1,
                as_program,
                otherwise,
                descendant_programs,
            ),
        }
    }
}

fn descendants<'a>(doc: &'a Document, value: &'a Object) -> Vec<&'a Dictionary> {
    match deref(doc, value) {
        Some(Object::Array(items)) => items
            .iter()
            .filter_map(|i| match deref(doc, i)? {
                Object::Dictionary(d) => Some(d),
                _ => None,
            })
            .collect(),
        _ => Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use lopdf::{Stream, dictionary};

    /// A file with a simple TrueType font, a Type 0 font whose descendant has a TrueType
    /// program, and a (damaged) page whose content stream claims to be a program too.
    fn fonts_file() -> (Vec<u8>, [ObjectId; 3]) {
        let mut doc = Document::with_version("1.7");
        let program = |doc: &mut Document, fill: u8| {
            let bytes: Vec<u8> = (0..5000u32).map(|i| (i as u8).wrapping_mul(fill)).collect();
            doc.add_object(Stream::new(dictionary! { "Length1" => 5000 }, bytes))
        };
        let simple_program = program(&mut doc, 7);
        let cid_program = program(&mut doc, 11);
        let simple = doc.add_object(dictionary! {
            "Type" => "Font", "Subtype" => "TrueType", "BaseFont" => "Simple",
            "FirstChar" => 32, "Widths" => (0..10).map(|i| Object::Integer(500 + i)).collect::<Vec<_>>(),
            "FontDescriptor" => dictionary! { "Type" => "FontDescriptor", "FontFile2" => simple_program },
        });
        let cid_desc =
            doc.add_object(dictionary! { "Type" => "FontDescriptor", "FontFile2" => cid_program });
        let cid = doc.add_object(dictionary! {
            "Type" => "Font", "Subtype" => "CIDFontType2", "FontDescriptor" => cid_desc,
        });
        let type0 = doc.add_object(dictionary! {
            "Type" => "Font", "Subtype" => "Type0", "Encoding" => "Identity-H",
            "DescendantFonts" => vec![cid.into()],
        });
        let content = doc.add_object(Stream::new(
            dictionary! { "Length1" => 3 },
            b"BT /F1 12 Tf 72 720 Td (Hello) Tj ET".to_vec(),
        ));
        let link = doc.add_object(dictionary! {
            "Type" => "Annot", "Subtype" => "Link", "Rect" => vec![0.into(), 0.into(), 9.into(), 9.into()],
            "Border" => vec![0.into(), 0.into(), 0.into()], "C" => vec![1.into(), 0.into(), 0.into()],
        });
        let pages = doc.new_object_id();
        let page = doc.add_object(dictionary! {
            "Type" => "Page", "Parent" => pages, "MediaBox" => vec![0.into(), 0.into(), 612.into(), 792.into()],
            "Contents" => content,
            "Resources" => dictionary! { "Font" => dictionary! { "F1" => simple, "F2" => type0 } },
            "Annots" => vec![link.into()],
        });
        doc.objects.insert(
            pages,
            Object::Dictionary(dictionary! {
                "Type" => "Pages", "Kids" => vec![page.into()], "Count" => 1,
            }),
        );
        let catalog = doc.add_object(dictionary! { "Type" => "Catalog", "Pages" => pages });
        doc.trailer.set("Root", catalog);
        let mut bytes = Vec::new();
        doc.save_to(&mut bytes).unwrap();
        (bytes, [simple_program, cid_program, content])
    }

    fn content(doc: &Document, id: ObjectId) -> &[u8] {
        &doc.get_object(id).unwrap().as_stream().unwrap().content
    }

    #[test]
    fn only_the_programs_nothing_reads_are_left_out() {
        let (bytes, [simple, cid, page_content]) = fonts_file();
        let full = Document::load_mem(&bytes).unwrap();
        let slim = super::super::load::load(&bytes).unwrap().0;
        assert!(
            content(&slim, simple).is_empty(),
            "a simple font's TrueType program"
        );
        assert_eq!(
            content(&slim, cid),
            content(&full, cid),
            "a CID font's program"
        );
        assert_eq!(content(&full, cid).len(), 5000);
        // Referred to as page content, not as a program: kept whatever it claims to be.
        assert_eq!(content(&slim, page_content), content(&full, page_content));
    }

    #[test]
    fn a_program_not_found_as_it_was_is_not_restored() {
        let (bytes, [_, cid, _]) = fonts_file();
        begin();
        let options = lopdf::LoadOptions {
            filter: Some(keep),
            ..Default::default()
        };
        let mut doc = Document::load_mem_with_options(&bytes, options).unwrap();
        let dropped = dropped();
        assert_eq!(dropped.len(), 3);
        // The file changed under the object model (as an encrypted file's streams do once
        // decrypted): the restore refuses, and the loader loads everything instead.
        let full_len = content(&Document::load_mem(&bytes).unwrap(), cid).to_vec();
        let mut changed = bytes.clone();
        let at = changed
            .windows(full_len.len())
            .position(|w| w == full_len)
            .unwrap();
        changed[at + 100] ^= 0xff;
        assert!(!restore(&mut doc, &changed, &dropped));
        assert!(restore(&mut doc, &bytes, &dropped));
        assert_eq!(content(&doc, cid), full_len);
    }

    #[test]
    fn packed_widths_read_as_the_array() {
        let (bytes, _) = fonts_file();
        let full = Document::load_mem(&bytes).unwrap();
        let slim = super::super::load::load(&bytes).unwrap().0;
        let font = |doc: &Document| -> Dictionary {
            doc.objects
                .values()
                .find_map(|o| o.as_dict().ok().filter(|d| d.has(b"Widths")).cloned())
                .unwrap()
        };
        assert!(matches!(font(&slim).get(b"Widths"), Ok(Object::String(..))));
        assert!(matches!(font(&full).get(b"Widths"), Ok(Object::Array(..))));
        let expected: Vec<Option<f64>> = (0..10).map(|i| Some(500.0 + f64::from(i))).collect();
        assert_eq!(widths(&slim, &font(&slim), 256), Some(expected.clone()));
        assert_eq!(widths(&full, &font(&full), 256), Some(expected));
        assert_eq!(widths(&slim, &font(&slim), 3).map(|w| w.len()), Some(3));
    }

    #[test]
    fn widths_with_a_reference_stay_an_array() {
        let mut d = dictionary! {
            "Widths" => (0..9).map(|i| if i == 4 { Object::Reference((7, 0)) } else { Object::Real(250.5) }).collect::<Vec<_>>(),
        };
        pack_widths(&mut d);
        assert!(matches!(d.get(b"Widths"), Ok(Object::Array(..))));
    }

    #[test]
    fn links_keep_where_they_go_not_how_they_look() {
        let (bytes, _) = fonts_file();
        let slim = super::super::load::load(&bytes).unwrap().0;
        let link = slim
            .objects
            .values()
            .filter_map(|o| o.as_dict().ok())
            .find(|d| d.has(b"Rect"))
            .unwrap();
        assert!(link.has(b"Rect") && link.has(b"Subtype"));
        assert!(!link.has(b"Border") && !link.has(b"C"));
    }
}
