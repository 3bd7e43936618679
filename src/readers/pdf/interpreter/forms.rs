//! Form XObjects and annotation appearances: content streams drawn inside a page's,
//! with their own matrix and resources, depth- and cycle-bounded.

use foldhash::HashMap;
use std::collections::BTreeMap;
use std::sync::Arc;

use lopdf::content::Operation;
use lopdf::{Dictionary, Document, Object, ObjectId, Stream};

use super::{GState, Interpreter, fields};
use crate::readers::pdf::fonts::FontCache;
use crate::readers::pdf::geometry::Matrix;
use crate::readers::pdf::objects;
use crate::readers::pdf::objects::{
    StreamFailure, as_dict, decode_stream, deref, get, get_array, get_dict, get_name, number,
    numbers,
};

/// Decoded form content kept for re-use, at most (bytes): beyond it forms are decoded
/// and parsed on every draw, as before, within the page limits.
const MAX_CACHED_FORM_BYTES: usize = 64 << 20;

/// What the interpreter keeps for a whole document: fonts and Form XObjects parsed once
/// (by object id), and the work done so far, bounded document-wide by [`super::Limits`].
#[derive(Default)]
pub struct DocumentWork {
    /// Fonts by object id.
    pub fonts: FontCache,
    /// Form XObjects by object id: their decoded content, parsed once drawn twice; `None`
    /// for a form that does not decode.
    forms: HashMap<ObjectId, Option<FormContent>>,
    /// Decoded bytes of the forms in `forms`.
    cached_bytes: usize,
    /// Operators run so far.
    pub operations: usize,
    /// Glyphs kept so far.
    pub glyphs: usize,
    /// Glyphs kept, and bytes of their text, on the page read last: the next page's likely
    /// size, to reserve its lists at once.
    pub last_page: (usize, usize),
    /// A document-wide limit was reached: later pages are not read.
    pub exhausted: bool,
    /// Glyphs that decode to no text (no `/ToUnicode`, glyph names like `/g481` that no
    /// list knows), by font name: their words are missing, and the report says so.
    pub unreadable: BTreeMap<Arc<str>, GlyphTally>,
    /// Those glyphs' codes, by page, for the report.
    pub unreadable_codes: Vec<(usize, String)>,
    /// Glyphs read through their symbol font's chart, by page and font: the texts the
    /// font's map gave and the signs the chart gives, each run apart by spaces.
    pub charted: Vec<(usize, Arc<str>, String, String)>,
    /// Glyphs drawn outside the page (beyond its crop box), left out.
    pub outside: GlyphTally,
    /// The text of those glyphs, by page, for the report.
    pub outside_text: Vec<(usize, String)>,
    /// The line builder's strings from the pages read before, for the next page's.
    pub spare_lines: crate::readers::pdf::lines::Spare,
}

/// Glyphs counted over the pages of a document: how many, on how many pages, from which
/// page to which.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct GlyphTally {
    pub glyphs: usize,
    pub pages: usize,
    pub first_page: usize,
    pub last_page: usize,
}

impl GlyphTally {
    /// Counts `glyphs` more on page `page` (pages are read in order).
    pub fn add(&mut self, glyphs: usize, page: usize) {
        if self.pages == 0 {
            self.first_page = page;
        }
        if self.pages == 0 || self.last_page != page {
            self.pages += 1;
        }
        self.last_page = page;
        self.glyphs += glyphs;
    }

    /// Where the glyphs were, for the report: `page 3`, `pages 2-22`.
    pub fn pages(&self) -> String {
        if self.pages == 1 {
            format!("page {}", self.first_page)
        } else {
            format!("pages {}-{}", self.first_page, self.last_page)
        }
    }
}

/// The report's one sentence for a document's glyphs with no text, the fonts with most
/// of them first (three named, the rest counted); `None` when there are none.
pub fn unreadable_warning(fonts: &BTreeMap<Arc<str>, GlyphTally>) -> Option<String> {
    let total: usize = fonts.values().map(|u| u.glyphs).sum();
    if total == 0 {
        return None;
    }
    let mut by_count: Vec<_> = fonts.iter().collect();
    by_count.sort_by(|a, b| b.1.glyphs.cmp(&a.1.glyphs).then(a.0.cmp(b.0)));
    const NAMED: usize = 3;
    let mut parts: Vec<String> = by_count
        .iter()
        .take(NAMED)
        .map(|(name, u)| {
            let name = if name.is_empty() { "(unnamed)" } else { name };
            format!(
                "{} in {name} on {}",
                crate::report::thousands(u.glyphs),
                u.pages()
            )
        })
        .collect();
    if by_count.len() > NAMED {
        parts.push(format!("{} more font(s)", by_count.len() - NAMED));
    }
    Some(format!(
        "{} glyph(s) have no Unicode mapping in their font and could not be read as text ({})",
        crate::report::thousands(total),
        parts.join("; ")
    ))
}

impl DocumentWork {
    /// Drops the cached fonts and forms (a panic may have left them half-built); the work
    /// done so far still counts.
    pub fn forget_caches(&mut self) {
        self.fonts = FontCache::default();
        self.forms.clear();
        self.cached_bytes = 0;
    }
}

/// A form's content as kept between draws. Most forms are drawn once (a page's whole
/// content is often one form): their operations are read from the decoded bytes as they
/// run, as a page's are, with no owned copy of each. A form drawn a second time is parsed
/// once into its operations, which later draws run from (a form drawn thousands of times
/// is not read thousands of times).
#[derive(Clone)]
enum FormContent {
    Decoded(Arc<[u8]>),
    Parsed(ParsedForm),
}

#[derive(Clone)]
struct ParsedForm {
    ops: Arc<[Operation]>,
    damaged: bool,
}

/// A form's operators, up to any damage in its stream.
fn parse(bytes: &[u8]) -> ParsedForm {
    let mut ops = Vec::new();
    let mut damaged = false;
    for op in super::ops::operations(bytes) {
        match op {
            Ok(op) => ops.push(op),
            Err(_) => {
                damaged = true;
                break;
            }
        }
    }
    ParsedForm {
        ops: ops.into(),
        damaged,
    }
}

impl Interpreter<'_> {
    /// The content of a form: from the document's cache (parsed there on its second draw),
    /// or decoded (within the page's content budget) and cached.
    fn form_content(
        &mut self,
        stream: &Stream,
        id: Option<ObjectId>,
    ) -> Result<FormContent, StreamFailure> {
        if let Some(id) = id
            && let Some(cached) = self.work.forms.get_mut(&id)
        {
            let content = cached.as_mut().ok_or(StreamFailure::Damaged)?;
            if let FormContent::Decoded(bytes) = content {
                *content = FormContent::Parsed(parse(bytes));
            }
            return Ok(content.clone());
        }
        let budget = self
            .limits
            .max_content_bytes
            .saturating_sub(self.content_bytes);
        let decoded = decode_stream(self.doc, stream, budget).map(|bytes| {
            self.content_bytes += bytes.len();
            Arc::<[u8]>::from(bytes)
        });
        // A form over what is left of this page's budget may fit on another page: only
        // a decoded form or a damaged one is remembered.
        if let Some(id) = id
            && !matches!(decoded, Err(StreamFailure::OverLimit))
        {
            let size = decoded.as_ref().map_or(0, |b| b.len());
            if self.work.cached_bytes + size <= MAX_CACHED_FORM_BYTES {
                self.work.cached_bytes += size;
                self.work.forms.insert(
                    id,
                    decoded
                        .as_ref()
                        .ok()
                        .map(|b| FormContent::Decoded(b.clone())),
                );
            }
        }
        decoded.map(FormContent::Decoded)
    }

    /// Runs a form's operations until one stops the page; whether its stream is damaged
    /// (an operation that does not parse, where its operations end).
    fn run_form_content(&mut self, content: &FormContent, resources: Option<&Dictionary>) -> bool {
        match content {
            FormContent::Parsed(parsed) => {
                for op in parsed.ops.iter() {
                    if !self.step(op, resources) {
                        break;
                    }
                }
                parsed.damaged
            }
            FormContent::Decoded(bytes) => {
                let mut operations = super::ops::operations(bytes);
                let mut running = true;
                while let Some(op) = operations.next_op() {
                    match op {
                        // Stopped, the rest is still read for damage, as a parsed form's is.
                        Ok(op) if running => running = self.step(op, resources),
                        Ok(_) => {}
                        Err(_) => return true,
                    }
                }
                false
            }
        }
    }

    /// Runs a Form XObject with the current state, restoring the state afterwards.
    pub(super) fn run_form(
        &mut self,
        stream: &Stream,
        id: Option<ObjectId>,
        resources: Option<&Dictionary>,
    ) {
        let doc = self.doc;
        if self.forms.len() >= self.limits.max_form_depth {
            self.warn("Form XObjects nested too deeply; inner ones skipped".into());
            return;
        }
        if id.is_some_and(|id| self.forms.contains(&id)) {
            self.warn("Form XObject draws itself; cycle cut".into());
            return;
        }
        let content = match self.form_content(stream, id) {
            Ok(content) => content,
            Err(StreamFailure::Damaged) => {
                self.warn("a Form XObject could not be decoded; its text is lost".into());
                return;
            }
            Err(StreamFailure::OverLimit) => {
                self.warn(format!(
                    "a Form XObject would decode past the page's content limit of {} bytes \
                     (a decompression bomb?); its text is lost",
                    crate::report::thousands(self.limits.max_content_bytes)
                ));
                return;
            }
        };
        let matrix = form_matrix(doc, stream);
        let form_resources = get_dict(doc, &stream.dict, b"Resources").or(resources);
        let saved = self.gs.clone();
        let saved_depth = (self.stack.len(), self.skipped_saves);
        let saved_text = (self.tm, self.tlm);
        let ctm = matrix.then(&self.gs.ctm);
        if ctm.is_finite() {
            self.gs.ctm = ctm;
        }
        self.forms.push(id.unwrap_or((0, 0)));
        // A form with its own `/StructParents` numbers its marked content itself.
        let saved_stream = self.mark_stream;
        if stream.dict.has(b"StructParents") {
            self.mark_stream = id;
        }
        if self.run_form_content(&content, form_resources) {
            self.warn(
                "a Form XObject's content is damaged; its text after the damage is lost".into(),
            );
        }
        self.forms.pop();
        self.mark_stream = saved_stream;
        self.gs = saved;
        self.stack.truncate(saved_depth.0);
        self.skipped_saves = saved_depth.1;
        (self.tm, self.tlm) = saved_text;
    }

    /// Draws the normal appearances of a page's annotations (filled-in form fields,
    /// free-text notes, stamps), as viewers and pdftotext do. Links and pop-ups have no
    /// text of their own; hidden annotations are skipped.
    pub fn run_annotations(&mut self, page: &Dictionary) {
        let doc = self.doc;
        let Some(annots) = get_array(doc, page, b"Annots") else {
            return;
        };
        let mut need_appearances = None;
        for annot in annots.iter().take(2_000) {
            let Some(a) = as_dict(doc, annot) else {
                continue;
            };
            let in_hidden_layer = a.get(b"OC").is_ok_and(|oc| self.oc.hides(doc, oc));
            if in_hidden_layer || matches!(get_name(doc, a, b"Subtype"), Some(b"Link" | b"Popup")) {
                continue;
            }
            let flags = get(doc, a, b"F").and_then(number).unwrap_or(0.0) as i64;
            if flags & (2 | 32) != 0 {
                continue;
            }
            let Some(rect) = a.get(b"Rect").ok().and_then(|r| objects::rect(doc, r)) else {
                continue;
            };
            let glyphs_before = self.out.glyphs.len();
            let appearance = get_dict(doc, a, b"AP").and_then(|ap| ap.get(b"N").ok());
            if let Some((entry, stream)) = appearance.and_then(|n| normal_stream(doc, a, n)) {
                let fit = appearance_fit(doc, stream, rect);
                let saved = self.gs.clone();
                self.gs = GState {
                    ctm: fit.then(&self.base),
                    ..GState::default()
                };
                self.run_form(stream, entry.as_reference().ok(), None);
                self.gs = saved;
            }
            // A field whose appearance draws no text shows its value all the same when
            // there is no appearance, or when the form asks the viewer to draw it.
            if self.out.glyphs.len() == glyphs_before
                && !self.stopped
                && let Some(value) = fields::shown_value(doc, a)
                && (appearance.is_none()
                    || *need_appearances.get_or_insert_with(|| fields::needs_appearances(doc)))
            {
                self.show_field_value(a, &value, rect);
            }
        }
    }
}

/// The stream of an annotation's normal appearance `/N`: the stream itself, or the one
/// its appearance state `/AS` names.
fn normal_stream<'a>(
    doc: &'a Document,
    annot: &'a Dictionary,
    normal: &'a Object,
) -> Option<(&'a Object, &'a Stream)> {
    match deref(doc, normal)? {
        Object::Stream(s) => Some((normal, s)),
        Object::Dictionary(states) => {
            let entry = states.get(get_name(doc, annot, b"AS")?).ok()?;
            match deref(doc, entry)? {
                Object::Stream(s) => Some((entry, s)),
                _ => None,
            }
        }
        _ => None,
    }
}

fn form_matrix(doc: &Document, stream: &Stream) -> Matrix {
    get_array(doc, &stream.dict, b"Matrix")
        .and_then(|a| Matrix::from_numbers(&numbers(doc, a)))
        .unwrap_or(Matrix::IDENTITY)
}

/// The matrix that maps an appearance's transformed `/BBox` onto the annotation's `/Rect`
/// (ISO 32000-1, 12.5.5).
fn appearance_fit(doc: &Document, stream: &Stream, rect: [f64; 4]) -> Matrix {
    let m = form_matrix(doc, stream);
    let Some(bbox) = stream
        .dict
        .get(b"BBox")
        .ok()
        .and_then(|b| objects::rect(doc, b))
    else {
        return Matrix::translate(rect[0], rect[1]);
    };
    let corners = [
        m.apply(bbox[0], bbox[1]),
        m.apply(bbox[2], bbox[1]),
        m.apply(bbox[0], bbox[3]),
        m.apply(bbox[2], bbox[3]),
    ];
    let (mut x0, mut y0, mut x1, mut y1) = (f64::MAX, f64::MAX, f64::MIN, f64::MIN);
    for (x, y) in corners {
        x0 = x0.min(x);
        y0 = y0.min(y);
        x1 = x1.max(x);
        y1 = y1.max(y);
    }
    let sx = if x1 - x0 > 1e-6 {
        (rect[2] - rect[0]) / (x1 - x0)
    } else {
        1.0
    };
    let sy = if y1 - y0 > 1e-6 {
        (rect[3] - rect[1]) / (y1 - y0)
    } else {
        1.0
    };
    let fit = Matrix::new(sx, 0.0, 0.0, sy, rect[0] - x0 * sx, rect[1] - y0 * sy);
    if fit.is_finite() {
        fit
    } else {
        Matrix::translate(rect[0], rect[1])
    }
}
