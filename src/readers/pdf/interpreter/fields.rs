//! Filled-in form fields whose value has no drawn appearance.
//!
//! A text field's value (`/V`) is what a viewer shows in its box. Most producers also
//! write an appearance stream that draws it, and that stream is read like any other
//! content. Some leave the appearance empty and set `/NeedAppearances` in the form, so
//! that the viewer draws the value itself (LibreOffice does): without this the value,
//! which a reader of the page sees, would be missing from the text.

use lopdf::{Dictionary, Document};

use super::{Dir, Interpreter, TextGlyph};
use crate::readers::pdf::encodings::decode_text_string;
use crate::readers::pdf::objects::{as_dict, get, number, string};

/// Field dictionaries followed up `/Parent` for inherited entries, at most.
const MAX_FIELD_DEPTH: usize = 16;
/// Characters of a value shown, at most (a field holds what fits a box, not a book).
const MAX_VALUE_CHARS: usize = 4_000;

/// A field entry, from the widget or the nearest ancestor that has it.
fn inherited<'a>(
    doc: &'a Document,
    field: &'a Dictionary,
    key: &[u8],
) -> Option<&'a lopdf::Object> {
    let mut dict = field;
    for _ in 0..MAX_FIELD_DEPTH {
        if let Some(v) = get(doc, dict, key) {
            return Some(v);
        }
        dict = get(doc, dict, b"Parent").and_then(|p| as_dict(doc, p))?;
    }
    None
}

/// The text a text or choice field shows, when it has one.
pub(super) fn shown_value(doc: &Document, widget: &Dictionary) -> Option<String> {
    if !matches!(
        inherited(doc, widget, b"FT").and_then(|o| o.as_name().ok()),
        Some(b"Tx" | b"Ch")
    ) {
        return None;
    }
    let raw = string(inherited(doc, widget, b"V")?)?;
    let value: String = decode_text_string(raw)
        .chars()
        .filter(|&c| c == '\n' || c == '\r' || !c.is_control())
        .take(MAX_VALUE_CHARS)
        .collect();
    (!value.trim().is_empty()).then_some(value)
}

/// The font size a field's `/DA` sets (`/Helv 11 Tf`); 0 (auto) and absent give `None`.
fn da_size(doc: &Document, widget: &Dictionary) -> Option<f64> {
    let da = String::from_utf8_lossy(string(inherited(doc, widget, b"DA")?)?).into_owned();
    let tokens: Vec<&str> = da.split_whitespace().collect();
    let at = tokens.iter().rposition(|t| *t == "Tf")?;
    let size: f64 = tokens.get(at.checked_sub(1)?)?.parse().ok()?;
    (size.is_finite() && size > 0.0).then_some(size)
}

impl Interpreter<'_> {
    /// Shows a field's value in its box `rect` (default user space), one line per line of
    /// the value, left, centred or right as `/Q` says, in the fallback font's metrics.
    pub(super) fn show_field_value(&mut self, widget: &Dictionary, value: &str, rect: [f64; 4]) {
        let doc = self.doc;
        if self.out.glyphs.len() >= self.limits.max_glyphs {
            return;
        }
        let (x0, y0, x1, y1) = (rect[0], rect[1], rect[2], rect[3]);
        let (width, height) = (x1 - x0, y1 - y0);
        if !(width > 0.0 && height > 0.0) {
            return;
        }
        let size = da_size(doc, widget).unwrap_or_else(|| (height * 0.7).clamp(4.0, 12.0));
        let align = inherited(doc, widget, b"Q").and_then(number).unwrap_or(0.0) as i64;
        let multiline = inherited(doc, widget, b"Ff")
            .and_then(number)
            .is_some_and(|f| (f as i64) & (1 << 12) != 0);
        let font = self.work.fonts.get(doc, None);
        let slot = self.font_slot(&font);
        let base = self.base;
        let (vx, vy) = base.apply_vector(1.0, 0.0);
        let dir = Dir::from_vector(vx, vy);
        let (ux, uy) = base.apply_vector(0.0, 1.0);
        let scale = (ux * ux + uy * uy).sqrt();
        let lines: Vec<&str> = if multiline {
            value.lines().collect()
        } else {
            vec![value.lines().next().unwrap_or("")]
        };
        // The first baseline: a single line sits in the middle of the box, several start
        // at its top.
        let leading = size * 1.15;
        let mut baseline = if lines.len() > 1 {
            y1 - 2.0 - size * 0.8
        } else {
            y0 + (height - size * 0.75) / 2.0
        };
        for line in lines {
            let line = line.trim_end();
            if line.trim().is_empty() || baseline < y0 - size {
                baseline -= leading;
                continue;
            }
            // Average advance of proportional Latin text: the box is not measured more
            // closely than its own edges allow.
            let advance = (line.chars().count() as f64 * size * 0.5)
                .min(width - 4.0)
                .max(size * 0.5);
            let x = match align {
                1 => x0 + (width - advance) / 2.0,
                2 => x1 - 2.0 - advance,
                _ => x0 + 2.0,
            };
            let (ox, oy) = base.apply(x, baseline);
            let (fx, fy) = dir.to_frame(ox, oy);
            if !(fx.is_finite() && fy.is_finite()) {
                return;
            }
            let start = self.out.text.len() as u32;
            self.out.text.push_str(line);
            let mark = self.current_mark();
            self.out.glyphs.push(TextGlyph {
                start,
                len: line.len() as u32,
                dir,
                x: fx as f32,
                y: fy as f32,
                adv: (advance * scale) as f32,
                size: (size * scale) as f32,
                font: slot,
                rise: 0.0,
                invisible: false,
                space: false,
                actual: true,
                mark,
            });
            baseline -= leading;
        }
    }
}

/// Whether a form's `/NeedAppearances` asks viewers to draw its fields' values.
pub(super) fn needs_appearances(doc: &Document) -> bool {
    doc.catalog()
        .ok()
        .and_then(|c| get(doc, c, b"AcroForm"))
        .and_then(|f| as_dict(doc, f))
        .and_then(|f| get(doc, f, b"NeedAppearances"))
        .is_some_and(|v| matches!(v, lopdf::Object::Boolean(true)))
}
