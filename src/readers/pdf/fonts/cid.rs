//! Type 0 (CID) fonts: multi-byte codes through a CMap, widths from `/W` and `/DW`.

use std::sync::{Arc, Mutex};

use hayro_cmap::CidFamily;
use lopdf::{Dictionary, Document, Object};

use super::symbol_chart::SymbolChart;
use super::{
    Font, Kind, MAX_CID_WIDTHS, MAX_CMAP_BYTES, MAX_FONT_BYTES, ProgramText, descriptor,
    metrics_em, style,
};
use crate::readers::pdf::cmap::{CodeMap, ToUnicode};
use crate::readers::pdf::geometry::Matrix;
use crate::readers::pdf::objects::{
    as_dict, deref, get, get_array, get_dict, get_number, get_stream, number, numbers, stream_bytes,
};
use crate::readers::pdf::truetype;

/// CID widths: sorted, non-overlapping-ish ranges `(first, last, width)`.
#[derive(Debug, Default)]
pub(super) struct CidWidths {
    ranges: Vec<(u32, u32, f64)>,
    default: f64,
}

impl CidWidths {
    pub(super) fn parse(doc: &Document, w: Option<&[Object]>, default: f64) -> CidWidths {
        let mut ranges = Vec::new();
        let items: Vec<&Object> = w
            .unwrap_or(&[])
            .iter()
            .filter_map(|o| deref(doc, o))
            .collect();
        let mut i = 0;
        while i < items.len() && ranges.len() < MAX_CID_WIDTHS {
            let Some(first) = items.get(i).and_then(|o| number(o)) else {
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
                    let last = number(last).unwrap_or(-1.0);
                    let width = items.get(i + 2).and_then(|o| number(o)).unwrap_or(default);
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

    pub(super) fn get(&self, cid: u32) -> f64 {
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

pub(super) fn load_type0(
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
    let chart = SymbolChart::of_font(&name);
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
            decoded: Mutex::default(),
        },
        chart,
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

#[cfg(test)]
mod tests {
    use super::*;

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
