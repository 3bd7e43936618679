//! Small, total accessors over lopdf's object model: every lookup that can fail on a
//! hostile file returns `None` instead of an error or a panic.

use lopdf::{Dictionary, Document, Object, Stream};

/// Follows references (lopdf bounds the chain).
pub fn deref<'a>(doc: &'a Document, obj: &'a Object) -> Option<&'a Object> {
    doc.dereference(obj).ok().map(|(_, o)| o)
}

/// `dict[key]`, not dereferenced. lopdf's `Dictionary::get` builds an error, and a string
/// of the key, for every key a dictionary lacks (most lookups of optional entries).
pub fn entry<'a>(dict: &'a Dictionary, key: &[u8]) -> Option<&'a Object> {
    dict.as_hashmap().get(key)
}

/// `dict[key]`, dereferenced.
pub fn get<'a>(doc: &'a Document, dict: &'a Dictionary, key: &[u8]) -> Option<&'a Object> {
    deref(doc, entry(dict, key)?)
}

/// A dictionary (a stream's dictionary counts).
pub fn as_dict<'a>(doc: &'a Document, obj: &'a Object) -> Option<&'a Dictionary> {
    match deref(doc, obj)? {
        Object::Dictionary(d) => Some(d),
        Object::Stream(s) => Some(&s.dict),
        _ => None,
    }
}

/// `dict[key]` as a dictionary.
pub fn get_dict<'a>(doc: &'a Document, dict: &'a Dictionary, key: &[u8]) -> Option<&'a Dictionary> {
    as_dict(doc, entry(dict, key)?)
}

/// `dict[key]` as an array.
pub fn get_array<'a>(doc: &'a Document, dict: &'a Dictionary, key: &[u8]) -> Option<&'a [Object]> {
    match get(doc, dict, key)? {
        Object::Array(a) => Some(a),
        _ => None,
    }
}

/// `dict[key]` as a stream.
pub fn get_stream<'a>(doc: &'a Document, dict: &'a Dictionary, key: &[u8]) -> Option<&'a Stream> {
    match get(doc, dict, key)? {
        Object::Stream(s) => Some(s),
        _ => None,
    }
}

/// `dict[key]` as a name.
pub fn get_name<'a>(doc: &'a Document, dict: &'a Dictionary, key: &[u8]) -> Option<&'a [u8]> {
    match get(doc, dict, key)? {
        Object::Name(n) => Some(n),
        _ => None,
    }
}

/// `dict[key]` as a number.
pub fn get_number(doc: &Document, dict: &Dictionary, key: &[u8]) -> Option<f64> {
    number(get(doc, dict, key)?)
}

/// An integer or real operand, finite.
pub fn number(obj: &Object) -> Option<f64> {
    let v = match obj {
        Object::Integer(i) => *i as f64,
        Object::Real(r) => f64::from(*r),
        _ => return None,
    };
    v.is_finite().then_some(v)
}

/// A number, dereferencing first.
pub fn number_deref(doc: &Document, obj: &Object) -> Option<f64> {
    number(deref(doc, obj)?)
}

/// Numbers of an array, skipping anything else.
pub fn numbers(doc: &Document, arr: &[Object]) -> Vec<f64> {
    arr.iter().filter_map(|o| number_deref(doc, o)).collect()
}

/// A string's bytes.
pub fn string(obj: &Object) -> Option<&[u8]> {
    match obj {
        Object::String(s, _) => Some(s),
        _ => None,
    }
}

/// A stream's decoded bytes, refusing to inflate past `limit`. An unfiltered stream is
/// returned as is; a stream whose filter fails yields `None`. `/Filter` and `/DecodeParms`
/// written as references (which lopdf's decoder does not follow) are resolved first.
pub fn stream_bytes(doc: &Document, stream: &Stream, limit: usize) -> Option<Vec<u8>> {
    decode_stream(doc, stream, limit).ok()
}

/// [`stream_bytes`] for a reader that needs only the bytes up to the first `needle`: a lone
/// `/FlateDecode` stream is inflated only that far (see [`super::inflate::zlib_until`]);
/// others are decoded whole.
pub fn stream_bytes_until(
    doc: &Document,
    stream: &Stream,
    limit: usize,
    needle: &[u8],
) -> Option<Vec<u8>> {
    if lone_flate(stream) {
        return super::inflate::zlib_until(&stream.content, limit, needle).ok();
    }
    stream_bytes(doc, stream, limit)
}

/// Why a stream's bytes could not be had.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StreamFailure {
    /// Decoded, it would be larger than the limit (a decompression bomb, or a stream over
    /// what is left of the page's content budget).
    OverLimit,
    /// Its filter failed or is not supported.
    Damaged,
}

/// [`stream_bytes`], saying why it failed.
pub fn decode_stream(
    doc: &Document,
    stream: &Stream,
    limit: usize,
) -> Result<Vec<u8>, StreamFailure> {
    let indirect = |k: &[u8]| matches!(stream.dict.get(k), Ok(Object::Reference(_)));
    if indirect(b"Filter") || indirect(b"DecodeParms") {
        let mut resolved = stream.clone();
        for key in [b"Filter".as_slice(), b"DecodeParms"] {
            if let Some(v) = get(doc, &stream.dict, key) {
                resolved.dict.set(key, v.clone());
            }
        }
        return plain_stream_bytes(&resolved, limit);
    }
    plain_stream_bytes(stream, limit)
}

/// The full name of a filter written the way inline images abbreviate it (`/Fl`, `/A85`).
/// The abbreviations belong to inline images only, but some writers use them in a
/// stream's dictionary too, and viewers decode those streams.
fn full_filter_name(name: &[u8]) -> Option<&'static [u8]> {
    Some(match name {
        b"AHx" => b"ASCIIHexDecode",
        b"A85" => b"ASCII85Decode",
        b"LZW" => b"LZWDecode",
        b"Fl" => b"FlateDecode",
        b"RL" => b"RunLengthDecode",
        b"CCF" => b"CCITTFaxDecode",
        b"DCT" => b"DCTDecode",
        _ => return None,
    })
}

fn spell_out(name: &mut Vec<u8>) {
    if let Some(full) = full_filter_name(name) {
        *name = full.to_vec();
    }
}

fn plain_stream_bytes(stream: &Stream, limit: usize) -> Result<Vec<u8>, StreamFailure> {
    let filters = stream.filters().unwrap_or_default();
    if filters.is_empty() {
        return if stream.content.len() <= limit {
            Ok(stream.content.clone())
        } else {
            Err(StreamFailure::OverLimit)
        };
    }
    // Nearly every stream: inflated as lopdf would, without a decompressor of its own.
    if lone_flate(stream) {
        return super::inflate::zlib(&stream.content, limit);
    }
    if filters.iter().any(|f| full_filter_name(f).is_some()) {
        let mut spelled = stream.clone();
        if let Ok(filter) = spelled.dict.get_mut(b"Filter") {
            match filter {
                Object::Name(name) => spell_out(name),
                Object::Array(names) => {
                    for n in names.iter_mut() {
                        if let Object::Name(name) = n {
                            spell_out(name);
                        }
                    }
                }
                _ => {}
            }
        }
        return plain_stream_bytes(&spelled, limit);
    }
    stream
        .decompressed_content_with_limit(limit)
        .map_err(|e| match e {
            lopdf::Error::Decompress(lopdf::DecompressError::MemoryLimitExceeded { .. }) => {
                StreamFailure::OverLimit
            }
            _ => StreamFailure::Damaged,
        })
}

/// A stream with `/FlateDecode` as its only filter and no `/DecodeParms`.
fn lone_flate(stream: &Stream) -> bool {
    stream.filters().unwrap_or_default() == [b"FlateDecode".as_slice()]
        && stream.dict.get(b"DecodeParms").is_err()
}

/// A rectangle array `[x0 y0 x1 y1]`, normalised so that x0 ≤ x1 and y0 ≤ y1.
pub fn rect(doc: &Document, obj: &Object) -> Option<[f64; 4]> {
    let Object::Array(arr) = deref(doc, obj)? else {
        return None;
    };
    match numbers(doc, arr).as_slice() {
        [a, b, c, d, ..] => Some([a.min(*c), b.min(*d), a.max(*c), b.max(*d)]),
        _ => None,
    }
}
