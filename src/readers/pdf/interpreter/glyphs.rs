//! Showing text: each code of a string decoded to a glyph, placed in its direction's
//! reading frame, kept or counted as dropped (off the page, of no usable size, over a
//! limit) so that the page's warnings say what was not kept.

use std::sync::Arc;

use super::{Dir, Interpreter, TextGlyph};
use crate::readers::pdf::fonts::Font;
use crate::readers::pdf::geometry::Matrix;

/// Bytes of text kept, per page, from glyphs drawn outside the page (for the report).
const OFF_PAGE_TEXT: usize = 2_000;
/// At most this many bytes of a page's unreadable codes are kept for the report.
const UNMAPPED_CODES: usize = 4_000;
/// At most this many of a page's glyphs read through a symbol chart are listed.
const CHARTED_GLYPHS: usize = 2_000;

/// Counts of glyphs the interpreter did not keep, so that none is lost without a word.
#[derive(Debug, Default, Clone, Copy)]
pub(super) struct Dropped {
    /// Drawn outside the page (beyond a margin of their own size).
    pub off_page: usize,
    /// Of no usable size: zero, not finite, larger than the page itself, or squashed to no
    /// width along the line.
    pub bad_size: usize,
    /// Beyond [`Limits::max_glyphs`].
    pub over_limit: usize,
}

impl Interpreter<'_> {
    /// One warning per kind of glyph dropped, with its count.
    pub(super) fn report_dropped(&mut self) {
        let d = self.dropped;
        // Glyphs outside the page are counted for the whole document by the reader, and
        // their text goes into the report.
        self.out.off_page = d.off_page;
        if d.bad_size > 0 {
            self.out.warnings.push(format!(
                "{} glyph(s) of zero, unbounded or larger-than-page size dropped",
                crate::report::thousands(d.bad_size)
            ));
        }
        if d.over_limit > 0 || self.out.glyphs.len() >= self.limits.max_glyphs {
            self.out.warnings.push(format!(
                "glyph limit reached after {} glyphs; the rest of the page skipped",
                crate::report::thousands(self.out.glyphs.len())
            ));
        }
    }

    pub(super) fn font_slot(&mut self, font: &Arc<Font>) -> u16 {
        let key = Arc::as_ptr(font);
        if self.last_font.0 == key {
            return self.last_font.1;
        }
        let slot = if let Some(&i) = self.font_index.get(&key) {
            i
        } else {
            match u16::try_from(self.out.fonts.len()) {
                Ok(i) if i < u16::MAX => {
                    self.out.fonts.push(font.clone());
                    self.font_index.insert(key, i);
                    i
                }
                // More than 65,535 fonts on one page: reuse the last slot's style.
                _ => u16::MAX - 1,
            }
        };
        // Kept while the page's fonts keep the font alive, so the address names it alone
        // (the overflow slot aside, which every font past the limit shares anyway).
        self.last_font = (key, slot);
        slot
    }

    /// Shows a string: one glyph per code, advancing the text matrix.
    pub(super) fn show(&mut self, bytes: &[u8]) {
        let font = match &self.gs.font {
            Some(f) => f.clone(),
            None => {
                // Text before any Tf: a broken stream; use the fallback font.
                let f = self.work.fonts.get(self.doc, None);
                self.gs.font = Some(f.clone());
                f
            }
        };
        let slot = self.font_slot(&font);
        let gs = &self.gs;
        let fs = gs.font_size;
        let th = gs.h_scale;
        let invisible = match gs.render_mode {
            0 | 4 => gs.fill_alpha == 0.0,
            1 | 5 => gs.stroke_alpha == 0.0,
            2 | 6 => gs.fill_alpha == 0.0 && gs.stroke_alpha == 0.0,
            3 | 7 => true,
            // Not a render mode: drawn as the default fills.
            _ => gs.fill_alpha == 0.0,
        };
        let vertical = font.is_vertical();
        let mut tm = self.tm;
        let ctm = gs.ctm;
        let (char_space, word_space, rise) = (gs.char_space, gs.word_space, gs.rise);
        let fm_a = font.matrix.a;
        let mut glyphs = std::mem::take(&mut self.out.glyphs);
        let mut text = std::mem::take(&mut self.out.text);
        // The page's limit, or what is left of the document's.
        let max_glyphs = self.limits.max_glyphs.min(
            self.limits
                .max_document_glyphs
                .saturating_sub(self.work.glyphs),
        );
        let hidden = self.hidden > 0;
        let (page_w, page_h) = (self.page_w, self.page_h);
        // Nothing printed is larger than the page it is printed on; a glyph that claims to
        // be (font size 1e9, a width of 1e30) would stretch every line and column measure.
        let extent = page_w.max(page_h).max(1.0);
        let size_scale = font.size_scale;
        let mark = self.current_mark();
        let mut dropped = self.dropped;
        let mut unmapped = 0usize;
        let mut off_text = std::mem::take(&mut self.out.off_page_text);
        let mut codes = std::mem::take(&mut self.out.unmapped_codes);
        let mut codes_end = self.out.unmapped_end;
        let mut charted = std::mem::take(&mut self.out.charted);
        if !off_text.is_empty() && !off_text.ends_with(' ') {
            off_text.push(' ');
        }
        // A glyph's advance only translates the text matrix, so everything that depends on
        // its linear part (size, direction, stretch along the line) is the same for every
        // glyph of this string: measured once here, not per glyph (an arctangent and two
        // square roots per glyph were a fifth of the reading time of a plain text page).
        let linear = tm.then(&ctm);
        let (ux, uy) = linear.apply_vector(0.0, 1.0);
        let up_len = (ux * ux + uy * uy).sqrt();
        let size = fs.abs() * size_scale * up_len;
        // A negative font size turns the glyphs half round (ISO 32000-1, 9.4.4: the size
        // scales both axes of the text space): they run leftwards, upside down, and read
        // in order in that direction (a page turned by /Rotate 180 shows them upright).
        // A negative horizontal scaling as well leaves the advance as it was.
        let turn = if fs < 0.0 && th > 0.0 && !vertical {
            -1.0
        } else {
            1.0
        };
        let (vx, vy) = if vertical {
            linear.apply_vector(0.0, -1.0)
        } else {
            linear.apply_vector(turn, 0.0)
        };
        let along = (vx * vx + vy * vy).sqrt();
        let dir = Dir::from_vector(vx, vy);
        let rotation = dir.rotation();
        // Inlined into the decoding loop: called once per glyph, a call had to reload every
        // value this closure reads from the stack frame of `show`.
        font.decode(
            bytes,
            #[inline(always)]
            |g| {
                if glyphs.len() >= max_glyphs {
                    // Nothing more is kept on this page: no need to place the glyph.
                    dropped.over_limit += usize::from(!hidden);
                    return;
                }
                let trm = tm.then(&ctm);
                let extra = char_space + if g.word_space { word_space } else { 0.0 };
                let (tx, ty) = if vertical {
                    (0.0, g.vertical * 0.001 * fs + extra)
                } else {
                    ((g.width * fm_a * fs + extra) * th, 0.0)
                };
                let (ox, oy) = trm.apply(0.0, rise);
                // The glyph's own extent, without character or word spacing: spacing is
                // a gap, and some producers make their word spaces out of it (a large Tc
                // cancelled by TJ kerns everywhere but between words).
                let own = if vertical {
                    -g.vertical * 0.001 * fs
                } else {
                    g.width * fm_a * fs * th
                };
                let adv = own * along * turn;
                let adv = if adv.is_finite() {
                    adv.clamp(-extent, extent)
                } else {
                    0.0
                };
                // A matrix that squashes the line's direction to nothing ("0 0 0 1 0 0 Tm")
                // draws the glyph without width, at the origin: it prints nothing.
                let sized = size.is_finite() && size > 0.0 && size <= extent && along > 1e-6;
                let margin = if sized { size.max(1.0) } else { 1.0 };
                let on_page =
                    ox > -margin && oy > -margin && ox < page_w + margin && oy < page_h + margin;
                let keep = !hidden && on_page && sized && glyphs.len() < max_glyphs;
                if !hidden && !keep {
                    if !sized {
                        dropped.bad_size += 1;
                    } else if !on_page {
                        dropped.off_page += 1;
                        if off_text.len() < OFF_PAGE_TEXT {
                            off_text.push_str(g.text);
                        }
                    } else {
                        dropped.over_limit += 1;
                    }
                }
                if keep {
                    // A glyph that advances but decodes to nothing: ink no one can read.
                    let (fx, fy) = rotation.to_frame(ox, oy);
                    if g.text.is_empty() && !g.word_space && !g.silent && own != 0.0 {
                        unmapped += 1;
                        if codes.len() < UNMAPPED_CODES {
                            // A run of codes is a word while each glyph starts where the last
                            // one ended, on its baseline.
                            let apart = codes_end.is_none_or(|(x, y)| {
                                (fx - x).abs() > 0.25 * size || (fy - y).abs() > 0.5 * size
                            });
                            if apart && !codes.is_empty() && !codes.ends_with(' ') {
                                codes.push(' ');
                            }
                            codes.push(code_char(g.code));
                            codes_end = Some((fx + adv, fy));
                        }
                    } else if codes_end.is_some() {
                        codes_end = None;
                    }
                    if let (Some(before), Some(sign)) = (g.charted, g.text.chars().next())
                        && charted.len() < CHARTED_GLYPHS
                    {
                        charted.push((slot, before, sign));
                    }
                    let start = text.len() as u32;
                    // Most glyphs are one ASCII character: pushed without a copy's call.
                    match g.text.as_bytes() {
                        &[byte] => text.push(char::from(byte)),
                        _ => text.push_str(g.text),
                    }
                    glyphs.push(TextGlyph {
                        start,
                        len: g.text.len() as u32,
                        dir,
                        x: fx as f32,
                        y: fy as f32,
                        adv: adv as f32,
                        size: size as f32,
                        font: slot,
                        rise: (rise * up_len * turn) as f32,
                        invisible,
                        // A glyph that decodes to nothing breaks the word only when it
                        // takes room: one without width (a mark, the tail of a shaped
                        // cluster whose text an earlier glyph carries) sits inside it.
                        space: if g.text.is_empty() {
                            own != 0.0
                        } else {
                            g.text.chars().all(char::is_whitespace)
                        },
                        actual: false,
                        mark,
                    });
                }
                tm = Matrix::translate(tx, ty).then(&tm);
            },
        );
        self.dropped = dropped;
        self.out.off_page_text = off_text;
        self.out.unmapped_codes = codes;
        self.out.unmapped_end = codes_end;
        self.out.charted = charted;
        if unmapped > 0 && usize::from(slot) < self.out.fonts.len() {
            let slot = usize::from(slot);
            if self.out.unmapped.len() <= slot {
                self.out.unmapped.resize(slot + 1, 0);
            }
            self.out.unmapped[slot] += unmapped;
        }
        if glyphs.len() >= max_glyphs {
            // The rest of the page could keep nothing: stop reading it.
            self.stopped = true;
        }
        self.out.glyphs = glyphs;
        self.out.text = text;
        if tm.is_finite() {
            self.tm = tm;
        }
    }

    pub(super) fn move_line(&mut self, tx: f64, ty: f64) {
        self.tlm = Matrix::translate(tx, ty).then(&self.tlm);
        self.tm = self.tlm;
    }

    pub(super) fn next_line(&mut self) {
        self.move_line(0.0, -self.gs.leading);
    }

    /// A `TJ` number: moves the next glyph back by `adj/1000` em.
    pub(super) fn adjust(&mut self, adj: f64) {
        let vertical = self.gs.font.as_ref().is_some_and(|f| f.is_vertical());
        let d = -adj / 1000.0 * self.gs.font_size;
        if vertical {
            self.tm = Matrix::translate(0.0, d).then(&self.tm);
        } else {
            self.tm = Matrix::translate(d * self.gs.h_scale, 0.0).then(&self.tm);
        }
    }
}

/// A code as the character of its number (a byte read as Latin-1), for the report: a
/// control code or one that names no character as U+FFFD.
fn code_char(code: u32) -> char {
    char::from_u32(code)
        .filter(|c| !c.is_control() && !c.is_whitespace())
        .unwrap_or('\u{fffd}')
}
