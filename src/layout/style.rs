//! The body style of a PDF and the display styles set apart from it.
//!
//! Many journals and reports set section titles in a face of their own at about the body's
//! size, neither bold nor clearly larger: a sans title at 9.5 pt over a 9 pt serif body.
//! Size alone cannot tell such a title from running text, and a face change alone cannot
//! either (italic runs, an abstract or a sidebar in another face). A *display style* is a
//! (face, size) that differs from the body's face, is at least slightly larger, never sets
//! a paragraph (never four lines stacked), and whose short runs are, as a rule, followed
//! by running text or by another display run: that is how titles sit on the page.

use crate::lines::{LineGeometry, TextLine};
use crate::source::Rect;

use super::body_font_size;

/// How running text is set: its size, the font carrying most of its characters, and up to
/// eight display styles.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct BodyStyle {
    /// The body size, rounded to half a point (see [`body_font_size`]).
    pub size: f32,
    /// The body face id (see [`crate::source::Line::face`]); 0 when fonts are unnamed.
    pub face: u32,
    /// Display styles as (face, size in half points); face 0 marks an empty slot.
    display: [(u32, i32); 8],
    /// The sizes of running text scatter instead of taking a few set values: they were
    /// measured from boxes (an OCR text layer sizes each line to its scanned height), so a
    /// size difference is weaker evidence of rank.
    pub sizes_scatter: bool,
}

/// A style stacked this many lines deep sets paragraphs (an abstract, a sidebar), whatever
/// its face.
const PARAGRAPH_RUN: usize = 4;

/// A style must head running text at least this often to count as a title style.
const MIN_TITLED_RUNS: usize = 2;

type Key = (u32, i32);

/// A type size in half points, the unit styles are told apart by.
pub fn half_points(size: f32) -> i32 {
    (size * 2.0).round() as i32
}

fn key(g: &LineGeometry) -> Key {
    (g.face, half_points(g.font_size))
}

/// Whether the sizes near the body size scatter: of the characters set within a quarter of
/// the body size, under half sit within half a point of it. Typeset text takes its sizes
/// from a few set values; sizes measured from scanned line heights take many.
pub fn sizes_scatter(lines: &[TextLine], body: f32) -> bool {
    let (mut near, mut at) = (0usize, 0usize);
    for l in lines {
        let Some(g) = l.geometry.filter(|g| g.font_size > 0.0) else {
            continue;
        };
        let n = l.text.chars().count();
        if (g.font_size - body).abs() <= body * 0.25 {
            near += n;
            if (g.font_size - body).abs() <= 0.5 {
                at += n;
            }
        }
    }
    near >= 100 && at * 2 < near
}

/// Whether `line` sits directly under `above` (page, geometry) in the same face and size:
/// it goes on a stack of lines in that type instead of starting one. A title starts its
/// stack (a display style is told by the runs it starts); a line inside one is a title's
/// second line, or one line of a block set in that type (an agenda's entries).
pub fn goes_on_stack(above: (usize, &LineGeometry), page: usize, line: &LineGeometry) -> bool {
    line.face != 0 && key(above.1) == key(line) && stacked((above.0, above.1.bbox), page, line)
}

/// Whether `b` sits directly under `a` (the next line of one block).
pub(super) fn stacked(a: (usize, Rect), page: usize, b: &LineGeometry) -> bool {
    let (a_page, r) = a;
    let gap = b.bbox.y0 - r.y1;
    a_page == page
        && gap > -0.5 * b.font_size
        && gap < 0.8 * b.font_size
        && b.bbox.x0 < r.x1
        && r.x0 < b.bbox.x1
}

/// What one style does across the document.
#[derive(Default)]
struct Usage {
    chars: usize,
    /// Some block in this style is [`PARAGRAPH_RUN`] lines deep.
    paragraphs: bool,
    run: usize,
    last: Option<(usize, Rect)>,
    /// Runs of this style, and how many of them running text follows.
    runs: usize,
    titled: usize,
}

impl BodyStyle {
    /// Measures the body style of PDF lines; `None` for text input.
    pub fn of(lines: &[TextLine]) -> Option<BodyStyle> {
        let size = body_font_size(lines)?;
        let sizes_scatter = sizes_scatter(lines, size);
        let mut usage: Vec<(Key, Usage)> = Vec::new();
        let slot =
            |usage: &mut Vec<(Key, Usage)>, k: Key| match usage.iter().position(|(u, _)| *u == k) {
                Some(i) => i,
                None => {
                    usage.push((k, Usage::default()));
                    usage.len() - 1
                }
            };
        for l in lines {
            let Some(g) = l.geometry.filter(|g| g.face != 0 && g.font_size > 0.0) else {
                continue;
            };
            let at = slot(&mut usage, key(&g));
            let u = &mut usage[at].1;
            u.chars += l.text.chars().count();
            let below = u.last.is_some_and(|last| stacked(last, l.page, &g));
            u.run = if below { u.run + 1 } else { 1 };
            u.paragraphs |= u.run >= PARAGRAPH_RUN;
            u.last = Some((l.page, g.bbox));
        }
        let face = usage
            .iter()
            .filter(|((_, hp), _)| *hp == half_points(size))
            .max_by(|a, b| a.1.chars.cmp(&b.1.chars).then(b.0.0.cmp(&a.0.0)))
            .map_or(0, |((f, _), _)| *f);
        if face == 0 {
            return Some(BodyStyle {
                size,
                face,
                display: [(0, 0); 8],
                sizes_scatter,
            });
        }
        let candidate =
            |k: Key, u: &Usage| k.0 != face && k.1 as f32 >= size * 2.0 * 1.03 && !u.paragraphs;
        let body = BodyStyle {
            size,
            face,
            display: [(0, 0); 8],
            sizes_scatter,
        };
        // Second pass: what follows each run of a candidate style on its page.
        let geometric: Vec<(&TextLine, LineGeometry)> = lines
            .iter()
            .filter_map(|l| l.geometry.filter(|g| g.face != 0).map(|g| (l, g)))
            .collect();
        for (i, (l, g)) in geometric.iter().enumerate() {
            let k = key(g);
            let Some(at) = usage.iter().position(|(u, _)| *u == k) else {
                continue;
            };
            if !candidate(k, &usage[at].1) {
                continue;
            }
            let next = geometric.get(i + 1).filter(|(n, _)| n.page == l.page);
            if next.is_some_and(|(n, ng)| key(ng) == k && stacked((l.page, g.bbox), n.page, ng)) {
                continue; // the run goes on
            }
            let titled = next.is_some_and(|(_, ng)| body.is_body(ng));
            let u = &mut usage[at].1;
            u.runs += 1;
            u.titled += usize::from(titled);
        }
        let mut display: Vec<(Key, usize)> = usage
            .iter()
            .filter(|(k, u)| {
                candidate(*k, u) && u.titled >= MIN_TITLED_RUNS && u.titled * 2 >= u.runs
            })
            .map(|(k, u)| (*k, u.chars))
            .collect();
        display.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        // A display face set larger is a higher rank of the same family of titles (a box's
        // title over its section titles), however seldom it is used.
        let mut larger: Vec<(Key, usize)> = usage
            .iter()
            .filter(|(k, u)| {
                candidate(*k, u)
                    && !display.iter().any(|(d, _)| d == k)
                    && display.iter().any(|((f, hp), _)| *f == k.0 && k.1 > *hp)
            })
            .map(|(k, u)| (*k, u.chars))
            .collect();
        larger.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        display.extend(larger);
        let mut slots = [(0, 0); 8];
        for (slot, (k, _)) in slots.iter_mut().zip(display) {
            *slot = k;
        }
        Some(BodyStyle {
            display: slots,
            ..body
        })
    }

    /// Whether a line is set in one of the document's display styles: apart from running
    /// text by its face and, at least slightly, its size (see the module comment).
    pub fn set_apart_by_face(&self, g: &LineGeometry) -> bool {
        g.face != 0 && self.display.iter().any(|d| d.0 != 0 && *d == key(g))
    }

    /// How much larger than running text a line must be set for its size alone to rank it
    /// above the body: 15 % in typeset text, 40 % where sizes scatter.
    pub fn larger_ratio(&self) -> f32 {
        if self.sizes_scatter { 1.4 } else { 1.15 }
    }

    /// Whether a line is set like running text: the body face at the body size.
    pub fn is_body(&self, g: &LineGeometry) -> bool {
        self.face != 0 && g.face == self.face && (g.font_size - self.size).abs() <= 0.25
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lines::test_placed;

    const PROSE: &str = "running text of an ordinary paragraph line";

    #[test]
    fn typeset_sizes_do_not_scatter() {
        let mut lines: Vec<TextLine> = (0..20)
            .map(|i| test_placed(PROSE, 1, 72.0, 500.0, 100.0 + 14.0 * i as f32, 10.0))
            .collect();
        lines.push(test_placed("A Section Title", 1, 72.0, 300.0, 400.0, 12.0));
        lines.push(test_placed("a smaller note", 1, 72.0, 300.0, 420.0, 8.5));
        let body = body_font_size(&lines).unwrap();
        assert!(!sizes_scatter(&lines, body));
        assert_eq!(BodyStyle::of(&lines).unwrap().larger_ratio(), 1.15);
    }

    #[test]
    fn sizes_measured_from_a_scan_scatter() {
        // An OCR layer: each line sized to its scanned height, 29 to 33 points.
        let sizes = [29.0, 30.0, 31.0, 32.0, 33.0, 30.5, 31.5, 29.5, 32.5, 31.0];
        let lines: Vec<TextLine> = sizes
            .iter()
            .enumerate()
            .map(|(i, &s)| test_placed(PROSE, 1, 72.0, 500.0, 100.0 + 40.0 * i as f32, s))
            .collect();
        let body = body_font_size(&lines).unwrap();
        assert!(sizes_scatter(&lines, body));
        assert_eq!(BodyStyle::of(&lines).unwrap().larger_ratio(), 1.4);
        // Too little text to tell.
        assert!(!sizes_scatter(&lines[..2], body));
    }
}
