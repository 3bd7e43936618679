//! Watermarks: a word or a phrase ("DRAFT", "DOCUMENT DE TRAVAIL", "DO NOT SEND THIS
//! PAGE WITH YOUR CLAIM") drawn across the page at a slant, in type far larger than the
//! page's text. It says something about the copy, not the document; read as a line, it
//! becomes a heading in mid-page.
//!
//! The evidence is the drawing: a line neither along nor across the page (its box is
//! several times its type in both width and height, where a line at a right angle is
//! about as tall or as wide as its type), set at least [`MIN_SCALE`] times the body's
//! size, one of at most [`MAX_PER_PAGE`] such lines on a page that has upright text of
//! its own. A page turned as a whole (every line slanted), a chart's slanted tick labels
//! (small type) and a page holding nothing but the slanted words are left as they are.

use crate::lines::TextLine;
use crate::report::ActionKind;

/// Type this many times the body's size at least.
const MIN_SCALE: f32 = 1.8;

/// Most watermark lines on one page (a phrase broken over two or three lines).
const MAX_PER_PAGE: usize = 3;

/// Whether a line is drawn at a slant: its box is more than three times its type both
/// wide and tall.
fn slanted(line: &TextLine) -> bool {
    line.geometry.is_some_and(|g| {
        let s = g.font_size.max(1.0);
        g.bbox.x1 - g.bbox.x0 > 3.0 * s && g.bbox.y1 - g.bbox.y0 > 3.0 * s
    })
}

/// Marks the watermark lines of each page (see the module doc); `body_size` is the
/// running text's size.
pub(super) fn mark_watermarks(
    lines: &[TextLine],
    body_size: Option<f32>,
    verdict: &mut [Option<(ActionKind, &'static str)>],
) {
    let Some(body) = body_size.filter(|s| *s > 0.0) else {
        return;
    };
    let large = |l: &TextLine| l.geometry.is_some_and(|g| g.font_size >= MIN_SCALE * body);
    for on_page in crate::lines::page_ranges(lines) {
        let marks: Vec<usize> = on_page
            .clone()
            .filter(|&k| verdict[k].is_none() && slanted(&lines[k]) && large(&lines[k]))
            .collect();
        let upright_text = on_page
            .filter(|&k| !lines[k].is_blank() && !slanted(&lines[k]))
            .count();
        if (1..=MAX_PER_PAGE).contains(&marks.len()) && upright_text > 0 {
            for k in marks {
                verdict[k] = Some((
                    ActionKind::Watermark,
                    "drawn across the page at a slant in type far above the text's: a \
                     watermark",
                ));
            }
        }
    }
}
