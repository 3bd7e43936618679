//! One page's frame: inherited attributes, boxes and rotation, content bytes, and link
//! annotations.

use foldhash::{HashSet, HashSetExt};

use lopdf::{Dictionary, Document, Object};

use super::geometry::Matrix;
use super::objects::{
    StreamFailure, as_dict, decode_stream, entry, get, get_array, get_dict, get_name, number, rect,
    string,
};
use crate::source::{LinkArea, Rect};

/// US Letter, for pages that give no usable `/MediaBox`.
const DEFAULT_BOX: [f64; 4] = [0.0, 0.0, 612.0, 792.0];

/// Where a page's user space lands in display space.
#[derive(Debug, Clone, Copy)]
pub struct Frame {
    /// User space → display space (top-left origin, y down, rotation applied).
    pub base: Matrix,
    /// Display width in points.
    pub width: f64,
    /// Display height in points.
    pub height: f64,
    /// `/Rotate`, normalised to 0, 90, 180 or 270.
    pub rotation: u16,
}

impl Frame {
    /// The frame turned so that text written in direction `dir` (tenths of a degree
    /// clockwise: 900 runs down the page, 1800 upside down, 2700 up) reads left to right:
    /// a page printed sideways, read as it was meant to be held.
    pub fn turned(self, dir: u16) -> Frame {
        let (w, h) = (self.width, self.height);
        let (turn, width, height) = match dir {
            900 => (Matrix::new(0.0, -1.0, 1.0, 0.0, 0.0, w), h, w),
            1800 => (Matrix::new(-1.0, 0.0, 0.0, -1.0, w, h), w, h),
            2700 => (Matrix::new(0.0, 1.0, -1.0, 0.0, h, 0.0), h, w),
            _ => return self,
        };
        Frame {
            base: self.base.then(&turn),
            width,
            height,
            rotation: (self.rotation + dir / 10) % 360,
        }
    }
}

/// An inheritable page attribute: the page's own, else the nearest ancestor's.
pub fn inherited<'a>(doc: &'a Document, page: &'a Dictionary, key: &[u8]) -> Option<&'a Object> {
    let mut node = page;
    let mut seen = HashSet::new();
    for _ in 0..64 {
        if let Some(v) = entry(node, key) {
            return super::objects::deref(doc, v);
        }
        let parent = entry(node, b"Parent")?;
        if let Ok(id) = parent.as_reference()
            && !seen.insert(id)
        {
            return None;
        }
        node = as_dict(doc, parent)?;
    }
    None
}

/// The page's frame from its crop box (clipped to the media box) and rotation.
pub fn frame(doc: &Document, page: &Dictionary) -> Frame {
    let usable = |b: [f64; 4]| b[2] - b[0] >= 1.0 && b[3] - b[1] >= 1.0;
    let media = inherited(doc, page, b"MediaBox")
        .and_then(|o| rect(doc, o))
        .filter(|b| usable(*b))
        .unwrap_or(DEFAULT_BOX);
    let crop = inherited(doc, page, b"CropBox")
        .and_then(|o| rect(doc, o))
        .map(|c| {
            [
                c[0].max(media[0]),
                c[1].max(media[1]),
                c[2].min(media[2]),
                c[3].min(media[3]),
            ]
        })
        .filter(|b| usable(*b))
        .unwrap_or(media);
    let [x0, y0, x1, y1] = crop;
    let rotation = inherited(doc, page, b"Rotate")
        .and_then(number)
        .map(|r| (((r / 90.0).round() as i64).rem_euclid(4) * 90) as u16)
        .unwrap_or(0);
    let (w, h) = (x1 - x0, y1 - y0);
    let (base, width, height) = match rotation {
        90 => (Matrix::new(0.0, 1.0, 1.0, 0.0, -y0, -x0), h, w),
        180 => (Matrix::new(-1.0, 0.0, 0.0, 1.0, x1, -y0), w, h),
        270 => (Matrix::new(0.0, -1.0, -1.0, 0.0, y1, x1), h, w),
        _ => (Matrix::new(1.0, 0.0, 0.0, -1.0, -x0, y1), w, h),
    };
    Frame {
        base,
        width,
        height,
        rotation,
    }
}

/// The page's resources (inherited).
pub fn resources<'a>(doc: &'a Document, page: &'a Dictionary) -> Option<&'a Dictionary> {
    as_dict(doc, inherited(doc, page, b"Resources")?)
}

/// The page's content streams, decoded and joined, within `limit` bytes. Streams that do
/// not decode are skipped and counted.
pub fn content(doc: &Document, page: &Dictionary, limit: usize) -> PageContent {
    let mut content = PageContent::default();
    let streams: Vec<&Object> = match get(doc, page, b"Contents") {
        Some(Object::Array(items)) => items.iter().collect(),
        Some(one) => vec![one],
        None => Vec::new(),
    };
    for item in streams {
        let Some(Object::Stream(s)) = super::objects::deref(doc, item) else {
            content.damaged += 1;
            continue;
        };
        match decode_stream(doc, s, limit.saturating_sub(content.bytes.len())) {
            Ok(bytes) => {
                // Room for the newline too: pushed past a full vector, it would copy the
                // page's content once more.
                content.bytes.reserve(bytes.len() + 1);
                content.bytes.extend_from_slice(&bytes);
                content.bytes.push(b'\n');
            }
            Err(StreamFailure::Damaged) => content.damaged += 1,
            Err(StreamFailure::OverLimit) => content.over_limit += 1,
        }
    }
    content
}

/// A page's content streams, decoded and joined, and how many could not be.
#[derive(Debug, Default)]
pub struct PageContent {
    /// The decoded streams, each followed by a newline.
    pub bytes: Vec<u8>,
    /// Streams missing or whose filter failed.
    pub damaged: usize,
    /// Streams that would decode past the page's content limit.
    pub over_limit: usize,
}

/// URI link annotations, their rectangles in display space.
pub fn links(doc: &Document, page: &Dictionary, frame: &Frame) -> Vec<LinkArea> {
    let mut out = Vec::new();
    let Some(annots) = get_array(doc, page, b"Annots") else {
        return out;
    };
    for annot in annots.iter().take(10_000) {
        let Some(a) = as_dict(doc, annot) else {
            continue;
        };
        if get_name(doc, a, b"Subtype") != Some(b"Link") {
            continue;
        }
        let Some(action) = get_dict(doc, a, b"A") else {
            continue;
        };
        if get_name(doc, action, b"S") != Some(b"URI") {
            continue;
        }
        let Some(uri) = get(doc, action, b"URI").and_then(string) else {
            continue;
        };
        let url = String::from_utf8_lossy(uri).trim().to_string();
        let Some(r) = a.get(b"Rect").ok().and_then(|o| rect(doc, o)) else {
            continue;
        };
        if url.is_empty() {
            continue;
        }
        let (ax, ay) = frame.base.apply(r[0], r[1]);
        let (bx, by) = frame.base.apply(r[2], r[3]);
        out.push(LinkArea {
            url,
            rect: Rect {
                x0: ax.min(bx) as f32,
                y0: ay.min(by) as f32,
                x1: ax.max(bx) as f32,
                y1: ay.max(by) as f32,
            },
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn page_with(entries: Vec<(&str, Object)>) -> Dictionary {
        let mut d = Dictionary::new();
        for (k, v) in entries {
            d.set(k, v);
        }
        d
    }

    fn boxed(v: [i64; 4]) -> Object {
        Object::Array(v.iter().map(|&n| Object::Integer(n)).collect())
    }

    #[test]
    fn frames_for_each_rotation() {
        let doc = Document::new();
        let p = page_with(vec![("MediaBox", boxed([0, 0, 600, 800]))]);
        let f = frame(&doc, &p);
        assert_eq!((f.width, f.height, f.rotation), (600.0, 800.0, 0));
        // The top-left corner of the page is the origin; y grows downwards.
        assert_eq!(f.base.apply(0.0, 800.0), (0.0, 0.0));
        assert_eq!(f.base.apply(100.0, 700.0), (100.0, 100.0));

        let p = page_with(vec![
            ("MediaBox", boxed([0, 0, 600, 800])),
            ("Rotate", Object::Integer(90)),
        ]);
        let f = frame(&doc, &p);
        assert_eq!((f.width, f.height, f.rotation), (800.0, 600.0, 90));
        // Rotated clockwise: the bottom-left corner comes to the top-left.
        assert_eq!(f.base.apply(0.0, 0.0), (0.0, 0.0));
        assert_eq!(f.base.apply(0.0, 800.0), (800.0, 0.0));

        let p = page_with(vec![
            ("MediaBox", boxed([0, 0, 600, 800])),
            ("CropBox", boxed([50, 50, 550, 750])),
            ("Rotate", Object::Integer(-90)),
        ]);
        let f = frame(&doc, &p);
        assert_eq!((f.width, f.height, f.rotation), (700.0, 500.0, 270));
        assert_eq!(f.base.apply(50.0, 750.0), (0.0, 500.0));

        // Nonsense boxes fall back to US Letter.
        let p = page_with(vec![("MediaBox", boxed([0, 0, 0, 0]))]);
        assert_eq!(frame(&doc, &p).width, 612.0);
    }
}
