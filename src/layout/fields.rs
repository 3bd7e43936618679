//! Form labels the drawing gives away: lines that label a blank drawn for their answer,
//! and the words of a side tab. A form sets its field labels bold, in capitals and with
//! section numbers like headings; what tells them apart is what is drawn around them.
//! Each rule asks for a closed drawing or a shape no heading takes, and any doubt leaves
//! the line as it is:
//! - a label over an empty box: a rule runs just beneath the label, another one under it
//!   a line or three further down, the two joined by upright rules at both ends and by no
//!   other (that would make a row of a table's cells), and no text inside ("NYS DRIVER
//!   LICENSE NUMBER OF OWNER" over the boxes for the number);
//! - a label alone in its cell: upright rules on both sides, a rule beneath, no other text
//!   between the rules, and room left for the answer, below it or, after a colon
//!   announcing the value, to its right ("9. Notes:" in an otherwise empty row);
//! - a side tab: words stacked one to a line on one axis at the page's edge, with no text
//!   to their left, either single letters spelling a word down the page ("D", "E", "A",
//!   "L", "E", "R") or words in a narrow drawn cell that holds nothing else ("OFFICE",
//!   "USE", "ONLY").
//!
//! Straight rules and the sides of stroked rectangles count as drawn edges; a tint alone
//! does not (a heading set on a coloured band is still a heading). The structure pass
//! reads [`TextLine::form_label`] as evidence against a heading.
//!
//! A page where the drawing shows [`FORM_PAGE_LABELS`] or more such labels holds a form,
//! and among them (from the first down to the last) a short line that asks for its
//! answer, ending in a colon, a number sign or a question mark, is one of its fields too,
//! wherever its answer goes: "5 HOW DID YOU GET
//! THE BOAT?" over its check boxes, "6. Carrier Transporter ID#:" over the number. A
//! section heading announces nothing; a form's numbered questions are set bold and large
//! like headings, and tagged as such, but they wait for an answer.

use super::edges::{Edge, Edges};
use crate::lines::TextLine;
use crate::source::{Page, Rect};

/// Words a field label holds at most: a longer line is a sentence, not a label.
const MAX_LABEL_WORDS: usize = 12;
/// How far below the baseline (ems) a rule may lie and still run just beneath the label.
const JUST_BENEATH: f32 = 0.6;
/// Height (ems) an empty box under a label takes at least (room to write in) and at most
/// (beyond it, a frame around a picture or a drawing).
const BOX_HEIGHT: (f32, f32) = (1.2, 4.0);
/// Room (ems) below a label alone in its cell that leaves a blank to write in.
const ROOM_BELOW: f32 = 1.5;
/// Room (ems) to the right of a label ending in a colon that leaves a blank for its value.
const ROOM_RIGHT: f32 = 4.0;
/// How far (ems) a cell's left side may lie before the label it holds.
const CELL_INSET: f32 = 3.0;
/// Points by which edges may miss each other and still meet.
const MEET: f32 = 2.0;
/// Letters a side tab's word holds at most.
const TAB_WORD: usize = 12;
/// Gap between baselines (ems) within which stacked lines follow each other.
const STACKED: f32 = 3.0;
/// Width (ems) of the cell a side tab's words stand in, at most.
const TAB_WIDTH: f32 = 6.0;
/// Labels of drawn blanks (or side tabs' words) that make a page a form: one or two turn
/// up in a report's table whose tall rows leave room under a cell, five or more are a
/// form's fields.
pub const FORM_PAGE_LABELS: usize = 5;

impl Edge {
    /// Whether it runs the whole stretch from `a` to `b`, give or take [`MEET`].
    fn spans(&self, a: f32, b: f32) -> bool {
        self.from <= a + MEET && self.to >= b - MEET
    }
}

impl Edges {
    /// The nearest edge across below `y` that runs under `share` of the stretch from
    /// `x0` to `x1` (the first drawn of several at one height).
    fn across_below(&self, y: f32, x0: f32, x1: f32, share: f32) -> Option<Edge> {
        let need = share * (x1 - x0).max(1.0);
        let start = self.across.partition_point(|e| e.at <= y);
        self.across[start..]
            .iter()
            .find(|e| e.overlap(x0, x1) >= need)
            .copied()
    }

    /// The nearest edge across above `y` that runs over `share` of the stretch from `x0`
    /// to `x1` (the last drawn of several at one height).
    fn across_above(&self, y: f32, x0: f32, x1: f32, share: f32) -> Option<Edge> {
        let need = share * (x1 - x0).max(1.0);
        let end = self.across.partition_point(|e| e.at < y);
        self.across[..end]
            .iter()
            .rev()
            .find(|e| e.overlap(x0, x1) >= need)
            .copied()
    }

    /// Whether an edge down stands at `x` (give or take [`MEET`]) from `top` to `bottom`.
    fn down_at(&self, x: f32, top: f32, bottom: f32) -> bool {
        self.down_between(x - MEET, x + MEET)
            .iter()
            .any(|e| (e.at - x).abs() <= MEET && e.spans(top, bottom))
    }

    /// Whether an edge down from `top` to `bottom` stands between `x0` and `x1`, clear of
    /// both: it divides the box into cells (a table's row, not one blank; the short ticks
    /// of a comb for one letter each do not reach across).
    fn divided(&self, x0: f32, x1: f32, top: f32, bottom: f32) -> bool {
        self.down_between(x0 + MEET, x1 - MEET)
            .iter()
            .any(|e| e.at > x0 + MEET && e.at < x1 - MEET && e.spans(top, bottom))
    }

    /// The nearest edge down from `top` to `bottom` on the side of `x` that `left` says,
    /// no further than `reach` (of several at one place: the last drawn on the left, the
    /// first on the right).
    fn side(&self, x: f32, top: f32, bottom: f32, left: bool, reach: f32) -> Option<Edge> {
        if left {
            let end = self.down.partition_point(|e| e.at <= x + 1.0);
            self.down[..end]
                .iter()
                .rev()
                .take_while(|e| e.at >= x - reach)
                .find(|e| e.spans(top, bottom))
                .copied()
        } else {
            let start = self.down.partition_point(|e| e.at < x - 1.0);
            self.down[start..]
                .iter()
                .take_while(|e| e.at <= x + reach)
                .find(|e| e.spans(top, bottom))
                .copied()
        }
    }
}

/// Marks every PDF line that labels a form's field or is a side tab's word (see the
/// module's rules); `pages` carries what is drawn.
pub fn mark(lines: &mut [TextLine], pages: &[Page]) {
    for (range, page) in super::drawn_pages(lines, pages) {
        let edges = Edges::of(page);
        let on_page = &lines[range.clone()];
        let mut found: Vec<bool> = on_page
            .iter()
            .map(|l| labels_a_blank(l, &edges, on_page))
            .collect();
        for i in side_tabs(on_page, &edges) {
            found[i] = true;
        }
        if let Some((top, bottom)) = form_span(on_page, &found) {
            for (f, line) in found.iter_mut().zip(on_page) {
                *f |= asks_for_answer(line)
                    && line
                        .geometry
                        .is_some_and(|g| g.bbox.y0 >= top && g.bbox.y1 <= bottom);
            }
        }
        for (line, label) in lines[range].iter_mut().zip(found) {
            line.form_label = label;
        }
    }
}

/// Whether any line of `page` other than `line` reaches into `area` by more than a point.
fn holds_text(area: Rect, line: &TextLine, page: &[TextLine]) -> bool {
    let inner = Rect {
        x0: area.x0 + 1.0,
        y0: area.y0 + 1.0,
        x1: area.x1 - 1.0,
        y1: area.y1 - 1.0,
    };
    page.iter()
        .filter(|o| !std::ptr::eq(*o, line) && !o.is_blank())
        .filter_map(|o| o.geometry)
        .any(|h| h.bbox.intersects(&inner))
}

/// Whether `line` is a short label over an empty box or alone in its cell with room for
/// its answer (see the module's rules).
fn labels_a_blank(line: &TextLine, edges: &Edges, page: &[TextLine]) -> bool {
    let Some(g) = line.geometry else {
        return false;
    };
    if edges.across.is_empty() || edges.down.is_empty() {
        return false;
    }
    let text = line.plain_cow();
    let text = text.trim();
    let words = crate::words::words(text);
    if !(1..=MAX_LABEL_WORDS).contains(&words) || !text.chars().any(char::is_alphabetic) {
        return false;
    }
    let size = g.font_size.max(4.0);
    let (x0, x1) = (g.bbox.x0, g.bbox.x1);
    let Some(under) = edges.across_below(g.baseline - 0.1 * size, x0, x1, 0.8) else {
        return false;
    };
    if under.at - g.baseline <= JUST_BENEATH * size {
        // The box under the label: from this rule to the next one across its width.
        let top = under.at;
        let Some(bottom) = edges.across_below(top + 0.5 * size, under.from, under.to, 0.8) else {
            return false;
        };
        let height = bottom.at - top;
        return height >= BOX_HEIGHT.0 * size
            && height <= BOX_HEIGHT.1 * size
            && edges.down_at(under.from, top, bottom.at)
            && edges.down_at(under.to, top, bottom.at)
            && !edges.divided(under.from, under.to, top, bottom.at)
            && !holds_text(
                Rect {
                    x0: under.from,
                    y0: top,
                    x1: under.to,
                    y1: bottom.at,
                },
                line,
                page,
            );
    }
    // The label's own cell, from the label down to the rule beneath it.
    let bottom = under.at;
    let reach = CELL_INSET * size;
    let (Some(left), Some(right)) = (
        edges.side(x0, g.bbox.y0, bottom, true, reach),
        edges.side(x1, g.bbox.y0, bottom, false, f32::INFINITY),
    ) else {
        return false;
    };
    let room = bottom - g.bbox.y1 >= ROOM_BELOW * size
        || (text.ends_with(':') && right.at - x1 >= ROOM_RIGHT * size);
    // The cell reaches up to the rule over the label, or as far as both its sides do:
    // the label is its only text.
    let over = edges.across_above(g.bbox.y0 + 1.0, x0, x1, 0.8);
    let top = over
        .map_or(f32::NEG_INFINITY, |e| e.at)
        .max(left.from.max(right.from))
        .min(g.bbox.y0);
    room && !holds_text(
        Rect {
            x0: left.at,
            y0: top,
            x1: right.at,
            y1: bottom,
        },
        line,
        page,
    )
}

/// From the top of the first to the bottom of the last of the page's drawn labels, when
/// there are [`FORM_PAGE_LABELS`] of them: the part of the page its form takes. Guidance
/// printed above or below a form keeps its headings, questions among them ("What Is the
/// Purpose of This Form?").
fn form_span(page: &[TextLine], found: &[bool]) -> Option<(f32, f32)> {
    let spans: Vec<Rect> = page
        .iter()
        .zip(found)
        .filter(|(_, f)| **f)
        .filter_map(|(l, _)| l.geometry.map(|g| g.bbox))
        .collect();
    (spans.len() >= FORM_PAGE_LABELS).then(|| {
        spans
            .iter()
            .fold((f32::INFINITY, f32::NEG_INFINITY), |(t, b), r| {
                (t.min(r.y0), b.max(r.y1))
            })
    })
}

/// Whether `line` is short and ends asking for its answer: a label announcing its value
/// ("Carrier Transporter ID#:", "Date of birth:") or a question ("HOW DID YOU GET THE
/// BOAT?"). Only on a form page is that a field (see the module's rules): elsewhere
/// headings end in a colon or a question too.
fn asks_for_answer(line: &TextLine) -> bool {
    let text = crate::rich::plain_without_scripts(&line.text);
    let text = text.trim();
    line.geometry.is_some()
        && text.ends_with([':', '#', '?'])
        && (1..=MAX_LABEL_WORDS).contains(&crate::words::words(text))
        && text.chars().any(char::is_alphabetic)
}

/// Whether `line` is a side tab's possible word: letters only, a word at most.
fn tab_word(line: &TextLine) -> bool {
    let t = line.plain_cow();
    let t = t.trim();
    line.geometry.is_some()
        && (1..=TAB_WORD).contains(&t.chars().count())
        && t.chars().all(char::is_alphabetic)
}

/// The lines (indices into `page`) that are side tabs' words (see the module's rules).
fn side_tabs(page: &[TextLine], edges: &Edges) -> Vec<usize> {
    let mut words: Vec<usize> = (0..page.len()).filter(|&i| tab_word(&page[i])).collect();
    let baseline = |i: usize| page[i].geometry.map_or(0.0, |g| g.baseline);
    words.sort_by(|&a, &b| baseline(a).total_cmp(&baseline(b)));
    let mut found = Vec::new();
    // Single letters spelling a word down the page, one under the next.
    let letters: Vec<usize> = words
        .iter()
        .copied()
        .filter(|&i| page[i].plain_cow().trim().chars().count() == 1)
        .collect();
    let mut taken = vec![false; page.len()];
    for (at, &first) in letters.iter().enumerate() {
        if taken[first] {
            continue;
        }
        let mut run = vec![first];
        // The letters come by baseline: once one stands too far below the run's last,
        // every later one does too (this keeps a page of scattered letters linear).
        for &next in &letters[at + 1..] {
            let last = run[run.len() - 1];
            let reach = page[last]
                .geometry
                .map_or(0.0, |g| g.baseline + STACKED * g.font_size.max(4.0));
            if baseline(next) > reach {
                break;
            }
            if !taken[next] && stacked(&page[last], &page[next]) {
                run.push(next);
            }
        }
        // A part of a run is no tab where the whole is none.
        for &i in &run {
            taken[i] = true;
        }
        if run.len() >= 3 && at_edge(&run, page) {
            found.extend(run);
        }
    }
    // Words in a narrow drawn cell holding nothing else, grouped by the cell's sides.
    let mut cells: Vec<(Rect, Vec<usize>)> = Vec::new();
    for &i in &words {
        let Some(cell) = page[i]
            .geometry
            .and_then(|g| narrow_cell(g.bbox, g.font_size, edges))
        else {
            continue;
        };
        match cells.iter_mut().find(|(c, _)| *c == cell) {
            Some((_, members)) => members.push(i),
            None => cells.push((cell, vec![i])),
        }
    }
    for (cell, members) in cells {
        let in_cell = |(i, o): (usize, &TextLine)| {
            !members.contains(&i) && o.geometry.is_some_and(|h| h.bbox.intersects(&cell))
        };
        if members.len() >= 2
            && members
                .windows(2)
                .all(|w| stacked(&page[w[0]], &page[w[1]]))
            && !page.iter().enumerate().any(in_cell)
            && at_edge(&members, page)
        {
            found.extend(members);
        }
    }
    found
}

/// Whether `next` stands under `line` on the same axis, in the same type, within
/// [`STACKED`] of it.
fn stacked(line: &TextLine, next: &TextLine) -> bool {
    let (Some(a), Some(b)) = (line.geometry, next.geometry) else {
        return false;
    };
    let size = a.font_size.max(4.0);
    let centre = |r: Rect| 0.5 * (r.x0 + r.x1);
    b.baseline > a.baseline
        && b.baseline - a.baseline <= STACKED * size
        && (b.font_size - a.font_size).abs() < 0.5
        && (centre(b.bbox) - centre(a.bbox)).abs() <= 0.6 * size
}

/// The cell, drawn on both sides and at most [`TAB_WIDTH`] wide, that holds a word's box
/// `word` set in `size`: its sides and as far up and down as both reach.
fn narrow_cell(word: Rect, size: f32, edges: &Edges) -> Option<Rect> {
    let reach = TAB_WIDTH * size.max(4.0);
    let left = edges.side(word.x0, word.y0, word.y1, true, reach)?;
    let right = edges.side(word.x1, word.y0, word.y1, false, reach)?;
    (right.at - left.at <= reach).then_some(Rect {
        x0: left.at,
        y0: left.from.max(right.from),
        x1: right.at,
        y1: left.to.min(right.to),
    })
}

/// Whether no other line of `page` stands to the left of the lines `run` on their rows:
/// they are at the page's edge.
fn at_edge(run: &[usize], page: &[TextLine]) -> bool {
    let Some(span) = run
        .iter()
        .filter_map(|&i| page[i].geometry.map(|g| g.bbox))
        .reduce(|a, b| a.union(&b))
    else {
        return false;
    };
    !page
        .iter()
        .enumerate()
        .filter(|(i, o)| !run.contains(i) && !o.is_blank())
        .filter_map(|(_, o)| o.geometry)
        .any(|h| h.bbox.y1 > span.y0 && h.bbox.y0 < span.y1 && h.bbox.x0 < span.x1 - 1.0)
}

#[cfg(test)]
#[path = "fields_tests.rs"]
mod tests;
