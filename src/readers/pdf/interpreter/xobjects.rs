//! XObjects painted: forms run, images counted, and an opaque image over the whole page
//! hides the text drawn before it. Some producers lay a scan's OCR words under the scan
//! itself (the Library of Congress's newspaper pages: white words, then the page image on
//! top), a layer no reader sees, as invisible as one in render mode 3.

use lopdf::{Dictionary, Object};

use super::Interpreter;
use crate::readers::pdf::objects::{deref, entry, get_dict, get_name};

/// The share of the page an image must cover to hide what lies under it.
const COVERS_PAGE: f64 = 0.9;

impl Interpreter<'_> {
    /// `Do`: paints the XObject `name` of `resources`.
    pub(super) fn do_xobject(&mut self, name: &[u8], resources: Option<&Dictionary>) {
        let doc = self.doc;
        let Some(object) = resources
            .and_then(|r| get_dict(doc, r, b"XObject"))
            .and_then(|x| entry(x, name))
        else {
            return;
        };
        let id = object.as_reference().ok();
        let Some(Object::Stream(stream)) = deref(doc, object) else {
            return;
        };
        // A form or image in a hidden layer is not drawn.
        if let Some(oc) = entry(&stream.dict, b"OC")
            && self.oc.hides(doc, oc)
        {
            return;
        }
        match get_name(doc, &stream.dict, b"Subtype") {
            Some(b"Image") => self.paint_image(&stream.dict),
            Some(b"Form") => self.run_form(stream, id, resources),
            _ => {}
        }
    }

    /// An image XObject with dictionary `image` is painted in the current state.
    fn paint_image(&mut self, image: &Dictionary) {
        self.out.images += 1;
        if self.in_annotations || self.gs.fill_alpha < 1.0 || !opaque(self.doc, image) {
            return;
        }
        // The image fills the unit square of user space.
        let ctm = self.gs.ctm;
        let corners =
            [(0.0, 0.0), (1.0, 0.0), (0.0, 1.0), (1.0, 1.0)].map(|(x, y)| ctm.apply(x, y));
        let (w, h) = (self.page_w, self.page_h);
        // The extent of the corners along one axis, clipped to the page's `max`.
        let span = |coords: [f64; 4], max: f64| {
            let (lo, hi) = coords
                .iter()
                .fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), &c| {
                    (lo.min(c), hi.max(c))
                });
            (hi.min(max) - lo.max(0.0)).max(0.0)
        };
        let covered = span(corners.map(|c| c.0), w) * span(corners.map(|c| c.1), h);
        if w > 0.0 && h > 0.0 && covered >= COVERS_PAGE * w * h {
            // Each glyph once, however many such images a page paints.
            for g in self.out.glyphs.iter_mut().skip(self.covered) {
                g.invisible = true;
            }
            self.covered = self.out.glyphs.len();
        }
    }
}

/// Whether an image paints every pixel of its square: no soft mask, no stencil or
/// colour-key mask (`/Mask`), not itself a stencil (`/ImageMask`).
fn opaque(doc: &lopdf::Document, image: &Dictionary) -> bool {
    let stencil = entry(image, b"ImageMask")
        .and_then(|o| deref(doc, o))
        .is_some_and(|o| matches!(o, Object::Boolean(true)));
    !stencil && entry(image, b"SMask").is_none() && entry(image, b"Mask").is_none()
}
