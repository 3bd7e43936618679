//! From glyphs to lines: glyphs join into *pieces* (runs of one style with no word break),
//! pieces into line *fragments* by baseline and horizontal adjacency, fragments into
//! lines; raised or lowered smaller pieces become superscript or subscript spans.
//!
//! Word breaks come from explicit space glyphs or from gaps wider than [`WORD_GAP`] em,
//! so PDFs that draw spaces and PDFs that only position words both read right; on a
//! line that draws its spaces, a narrow gap without one stays inside its word
//! (`word_breaks`). A gap
//! wider than [`MAX_LINE_GAP`] em never joins two fragments: the left and right columns
//! of a page stay separate lines even when their baselines agree.
//!
//! A rule drawn down the page through the gap between two words cuts the line there
//! (`ruled`): it is a table's border between two cells.
//!
//! List bullets drawn as vector shapes rather than glyphs join the lines they start
//! (`bullets`).

mod bidi;
mod bullets;
mod fragments;
mod pieces;
mod ruled;
mod word_breaks;

use std::sync::Arc;

use super::interpreter::{Dir, PageText};
use crate::source::{Line, Rect, Script, Span, Style};
use bidi::is_rtl_line;
use fragments::{Relation, group, has_word, relation, shifted_from, tight_after, tight_relation};
use pieces::{Piece, build_pieces};
use word_breaks::{inside_word, narrowest_drawn_space};

/// A gap wider than this (em) between two glyphs is a word break.
pub const WORD_GAP: f32 = 0.1;
/// Gaps up to this (em) join fragments drawn one after the other into one line.
pub const MAX_LINE_GAP: f32 = 1.0;
/// Gaps up to this (em) join fragments that were drawn apart in the stream.
const MAX_MERGE_GAP: f32 = 0.6;
/// The widest gap (em) after a sentence's end that still continues the line: justified
/// text stretches the space after a full stop most (TeX's sentence spacing). It is
/// also held to 2.5 times the line's mean word gap, since gutters can be this narrow.
const MAX_SENTENCE_GAP: f32 = 1.5;

/// Strings of one page's pieces, emptied, kept for the next page's: a page has thousands of
/// pieces, and a string allocated for each was the reader's most frequent allocation.
#[derive(Debug, Default)]
pub struct Spare {
    texts: Vec<String>,
}

impl Spare {
    /// Strings grown larger than this are let go rather than kept.
    const MAX_KEPT: usize = 256;

    fn keep(&mut self, pieces: Vec<Piece>) {
        self.texts.extend(pieces.into_iter().filter_map(|p| {
            let mut text = p.text;
            text.clear();
            (text.capacity() <= Self::MAX_KEPT).then_some(text)
        }));
    }
}

/// A finished line before conversion to the public type.
struct Built {
    order: usize,
    line: Line,
    top: f32,
    x0: f32,
    x1: f32,
    geom: bullets::Geom,
    /// Characters drawn in each marked-content slot (tagged PDF).
    marks: Vec<(u32, u32)>,
}

/// Turns a page's glyphs into lines in reading order (`page_height`: the display height,
/// for telling running heads and feet from the body).
///
/// Each line comes with the characters it holds from each marked-content slot of
/// [`PageText::marks`] (empty for untagged pages), for tagged PDFs. `spare`: strings of the
/// pages read before, taken for this page's and given back.
pub fn build_marked_lines(
    page: &PageText,
    page_height: f32,
    spare: &mut Spare,
) -> Vec<(Line, Vec<(u32, u32)>)> {
    let pieces = build_pieces(page, &mut spare.texts);
    let groups = ruled::Borders::of(&page.rules).split(group(&pieces), &pieces);
    let mut scratch = Scratch::default();
    let mut built: Vec<Built> = groups
        .into_iter()
        .filter_map(|g| assemble(page, &pieces, g, &mut scratch))
        .collect();
    spare.keep(pieces);
    built.sort_by_key(|b| b.order);
    if stream_order_is_scrambled(&built) {
        built.sort_by(|a, b| {
            let band = |t: f32| (t / 4.0).round() as i64;
            (band(a.top), a.x0)
                .partial_cmp(&(band(b.top), b.x0))
                .unwrap_or(std::cmp::Ordering::Equal)
        });
    } else {
        furniture_to_its_place(&mut built, page_height);
    }
    bullets::attach(&mut built, &page.shapes);
    built
        .into_iter()
        .enumerate()
        .map(|(i, mut b)| {
            b.line.source_line = i + 1;
            (b.line, b.marks)
        })
        .collect()
}

/// Some producers draw the running foot before the body (Chromium) or the running head
/// after it: feet drawn first go to the end, heads drawn last to the start. Only lines in
/// the outer eighth of the page, and only before the first or after the last body line,
/// move.
fn furniture_to_its_place(lines: &mut Vec<Built>, page_height: f32) {
    if page_height <= 0.0 || lines.len() < 3 {
        return;
    }
    let margin = page_height / 8.0;
    let is_foot = |b: &Built| b.top > page_height - margin;
    let is_head = |b: &Built| b.line.bbox.is_some_and(|r| r.y1 < margin);
    let body_start = lines.iter().position(|b| !is_foot(b) && !is_head(b));
    let Some(body_start) = body_start else {
        return;
    };
    let feet: Vec<usize> = (0..body_start).filter(|&i| is_foot(&lines[i])).collect();
    let body_end = lines
        .iter()
        .rposition(|b| !is_foot(b) && !is_head(b))
        .unwrap_or(body_start);
    let heads: Vec<usize> = (body_end + 1..lines.len())
        .filter(|&i| is_head(&lines[i]))
        .collect();
    if feet.is_empty() && heads.is_empty() {
        return;
    }
    let mut slots: Vec<Option<Built>> = lines.drain(..).map(Some).collect();
    let mut take = |i: usize| slots.get_mut(i).and_then(Option::take);
    let mut ordered: Vec<Built> = heads.iter().filter_map(|&i| take(i)).collect();
    let feet_lines: Vec<Built> = feet.iter().filter_map(|&i| take(i)).collect();
    ordered.extend(slots.into_iter().flatten());
    ordered.extend(feet_lines);
    *lines = ordered;
}

/// Whether the content stream went up the page within a column too often to be a
/// reading order worth keeping.
fn stream_order_is_scrambled(lines: &[Built]) -> bool {
    if lines.len() < 4 {
        return false;
    }
    let upward = lines
        .windows(2)
        .filter(|w| {
            let (a, b) = (&w[0], &w[1]);
            let same_column = b.x0 < a.x1 && a.x0 < b.x1;
            same_column && b.top < a.top - 2.0
        })
        .count();
    upward * 3 > lines.len()
}

/// At most this many bytes are reserved in a new span beyond its first piece's text.
const SPAN_ROOM: usize = 256;

/// Working lists of [`assemble`], kept from one line of a page to the next: a page has
/// hundreds of lines, and allocating these afresh for each was a good part of its cost.
#[derive(Default)]
struct Scratch {
    /// Each piece of the line with whether a word break comes before it.
    seq: Vec<(usize, bool)>,
    /// The pieces that hold a word (see [`main_text`]).
    words: Vec<usize>,
    /// Size and characters of each piece on the main baseline (see [`main_text`]).
    on_base: Vec<(f32, usize)>,
    /// The baseline and size each possible script is measured from (see
    /// [`script_references`]).
    refs: foldhash::HashMap<usize, (f32, f32)>,
    /// The nearest piece of the line's type to the left of each piece.
    left: Vec<Option<usize>>,
}

fn assemble(
    page: &PageText,
    pieces: &[Piece],
    mut idx: Vec<usize>,
    scratch: &mut Scratch,
) -> Option<Built> {
    idx.sort_by(|&a, &b| {
        pieces[a]
            .x0
            .partial_cmp(&pieces[b].x0)
            .unwrap_or(std::cmp::Ordering::Equal)
            .then(a.cmp(&b))
    });
    // Drop overprinted duplicates (fake bold, shadows), in place: the first `n` are kept.
    let mut kept = idx;
    let mut n = 0;
    for r in 0..kept.len() {
        let i = kept[r];
        let p = &pieces[i];
        let dup = kept[..n].iter().rev().take(3).any(|&k| {
            let q = &pieces[k];
            q.text == p.text
                && (q.x0 - p.x0).abs() < 0.15 * p.size
                && (q.y - p.y).abs() < 0.2 * p.size
        });
        if !dup {
            kept[n] = i;
            n += 1;
        }
    }
    kept.truncate(n);
    let first = *kept.first()?;
    let dir = pieces[first].dir;
    let (base, main_size) = main_text(pieces, &kept, &mut scratch.words, &mut scratch.on_base);
    script_references(pieces, &kept, base, main_size, scratch);
    let (seq, refs) = (&mut scratch.seq, &scratch.refs);

    // Each piece with whether a word break comes before it, in visual (left-to-right)
    // order.
    seq.clear();
    let drawn = narrowest_drawn_space(pieces, &kept);
    seq.extend(kept.iter().enumerate().map(|(k, &i)| {
        let p = &pieces[i];
        let space = k.checked_sub(1).map(|k| kept[k]).is_some_and(|q| {
            let qp = &pieces[q];
            let gap = p.x0 - qp.x1;
            let em = p.size.min(qp.size);
            (gap > WORD_GAP * em && !inside_word(pieces, q, i, drawn))
                || gap < -0.6 * em
                || (p.space_before && p.prev == Some(q))
        });
        (i, space)
    }));
    // Right-to-left lines read from the right: reverse the pieces (keeping runs of digit
    // and Latin pieces in their own order), and the characters of right-to-left pieces
    // (keeping digit and Latin runs in their own order).
    let rtl = is_rtl_line(kept.iter().map(|&i| pieces[i].text.as_str()));
    // Pieces of neutrals (a bracket drawn on its own) that belong to the right-to-left
    // text, read from the right like its letters.
    let mut neutral_rtl: Vec<usize> = Vec::new();
    if rtl {
        let n = seq.len();
        let reversed: Vec<(usize, bool)> = (0..n)
            .map(|k| (seq[n - 1 - k].0, k > 0 && seq[n - k].1))
            .collect();
        let items: Vec<(&str, bool)> = reversed
            .iter()
            .map(|&(i, space)| (pieces[i].text.as_str(), space))
            .collect();
        let (order, neutral) = bidi::ordered_runs(&items);
        neutral_rtl.extend((0..n).filter(|&k| neutral[k]).map(|k| reversed[k].0));
        neutral_rtl.sort_unstable();
        seq.clear();
        seq.extend(order.into_iter().map(|(k, space)| (reversed[k].0, space)));
    }
    // A left-to-right line's words in a right-to-left script read from the right.
    let embedded = if rtl {
        Vec::new()
    } else {
        bidi::embedded_runs(seq, |i| {
            !pieces[i].logical && bidi::is_rtl_word(&pieces[i].text)
        })
    };

    // The text of each piece read from the right (`None`: read as drawn).
    let read_from_right = bidi::texts_from_right(seq, pieces, rtl, &neutral_rtl, &embedded);

    let mut marks: Vec<(u32, u32)> = Vec::new();
    if !page.marks.is_empty() {
        for &i in &kept {
            let p = &pieces[i];
            let chars = p.text.chars().filter(|c| !c.is_whitespace()).count() as u32;
            match marks.iter_mut().find(|m| m.0 == p.mark) {
                Some(m) => m.1 += chars,
                None => marks.push((p.mark, chars)),
            }
        }
    }
    let mut spans: Vec<Span> = Vec::new();
    let mut bbox: Option<Rect> = None;
    let mut order = usize::MAX;
    // The bytes of text (and word spaces) from each piece to the end of the line: a new
    // span's room for the rest of the line, which it usually holds whole, so that it is
    // not regrown piece by piece (capped, so that a line of many short spans does not
    // hold many copies of its own length).
    let mut rest: usize = seq.iter().map(|&(i, _)| pieces[i].text.len() + 1).sum();
    for (k, &(i, space)) in seq.iter().enumerate() {
        let p = &pieces[i];
        let room = rest;
        rest -= p.text.len() + 1;
        order = order.min(p.order);
        // A piece set against one of the few before it (a subscript starts where its
        // base ends, as does the superscript over it), and shifted from it or continuing
        // a script (`T₂₃,₁`), may be a script shifted only slightly.
        let in_script = spans
            .last()
            .is_some_and(|s| s.style.script != Script::Normal);
        let tight = seq[..k].iter().rev().take(3).any(|&(q, _)| {
            let left = &pieces[q];
            tight_after((q, left), p) && (in_script || shifted_from(left, p))
        });
        let rel = if tight { tight_relation } else { relation };
        let script = match refs.get(&i) {
            // Text of the line's type is raised or lowered only by a rise.
            Some(_) if p.size > 0.88 * main_size && p.rise.abs() <= 0.15 * p.size => {
                Relation::Apart
            }
            Some(&(y, size)) => rel(y, size, p.y, p.size, p.rise),
            None => rel(base, main_size, p.y, p.size, p.rise),
        };
        let script = match script {
            // An OCR layer's words are drawn invisible at the size and baseline of the
            // box the engine found, which for handwriting or an old print wander by half
            // a line: a word or a stop set off its line there is no script. A note's
            // marker or a formula's index still is.
            Relation::Super | Relation::Sub if p.invisible && !reads_as_marker(&p.text) => {
                Script::Normal
            }
            Relation::Super => Script::Super,
            Relation::Sub => Script::Sub,
            _ => Script::Normal,
        };
        let font = page.fonts.get(p.font as usize);
        let (ascent, descent) = font.map_or((0.8, -0.2), |f| (f.ascent as f32, f.descent as f32));
        let rect = frame_rect(
            dir,
            p.x0,
            p.x1,
            p.y - ascent * p.size,
            p.y - descent * p.size,
        );
        bbox = Some(bbox.map_or(rect, |b| b.union(&rect)));
        let style = Style {
            font: font.map(|f| f.name.clone()).filter(|n| !n.is_empty()),
            size: Some((p.size * 10.0).round() / 10.0),
            bold: font.is_some_and(|f| f.bold),
            italic: font.is_some_and(|f| f.italic),
            script,
            invisible: p.invisible,
        };
        let text = match read_from_right.get(k) {
            Some(Some(t)) => std::borrow::Cow::Borrowed(t.as_str()),
            _ => bidi::strip(&p.text),
        };
        match spans.last_mut() {
            Some(last) if same_style(&last.style, &style) => {
                if space {
                    last.text.push(' ');
                }
                last.text.push_str(&text);
                last.bbox = last.bbox.map(|b| b.union(&rect));
            }
            Some(last) if space && style.script != Script::Normal => {
                // A marker's span holds only the marker: the space before it stays
                // with the text it follows.
                last.text.push(' ');
                spans.push(Span {
                    text: text.into_owned(),
                    style,
                    bbox: Some(rect),
                });
            }
            _ => {
                let own = text.len() + 1;
                let mut t = String::with_capacity(own + room.saturating_sub(own).min(SPAN_ROOM));
                if space {
                    t.push(' ');
                }
                t.push_str(&text);
                spans.push(Span {
                    text: t,
                    style,
                    bbox: Some(rect),
                });
            }
        }
    }
    separate_leading_marker(&mut spans);
    let bbox = bbox?;
    let baseline = (dir == Dir::HORIZONTAL).then_some(base);
    let geom = bullets::Geom {
        dir,
        base,
        size: main_size,
        x0: pieces[first].x0,
        x1: kept.iter().map(|&i| pieces[i].x1).fold(f32::MIN, f32::max),
        rtl,
    };
    Some(Built {
        order,
        top: bbox.y0,
        x0: bbox.x0,
        x1: bbox.x1,
        geom,
        marks,
        line: Line {
            spans,
            source_line: 0,
            bbox: Some(bbox),
            baseline,
            tag: None,
        },
    })
}

/// The baseline and size of a line's main text. The main piece is the longest of the
/// largest type among the pieces that hold a letter or digit (an OCR layer's dash may be
/// set at twice the words' size); its size is then the type of the text on its
/// baseline, weighted by characters (an OCR layer sets each word at a size of its own,
/// and one large word is not the line's type).
fn main_text(
    pieces: &[Piece],
    kept: &[usize],
    words: &mut Vec<usize>,
    on_base: &mut Vec<(f32, usize)>,
) -> (f32, f32) {
    words.clear();
    words.extend(kept.iter().copied().filter(|&i| has_word(&pieces[i].text)));
    let cands = if words.is_empty() { kept } else { &words[..] };
    let max_size = cands.iter().map(|&i| pieces[i].size).fold(0.0f32, f32::max);
    let Some(main) = cands
        .iter()
        .filter(|&&i| pieces[i].size >= 0.9 * max_size)
        .max_by_key(|&&i| pieces[i].text.chars().count())
        .copied()
    else {
        return (0.0, 0.0);
    };
    let (base, size) = (pieces[main].y, pieces[main].size);
    on_base.clear();
    on_base.extend(
        cands
            .iter()
            .map(|&i| &pieces[i])
            .filter(|p| {
                fragments::on_baseline(base, size, p.y, p.size) && p.rise.abs() <= 0.15 * p.size
            })
            .map(|p| {
                (
                    p.size,
                    p.text.chars().filter(|c| !c.is_whitespace()).count().max(1),
                )
            }),
    );
    on_base.sort_by(|a, b| a.0.total_cmp(&b.0));
    let total: usize = on_base.iter().map(|e| e.1).sum();
    let mut seen = 0;
    for &(s, n) in on_base.iter() {
        seen += n;
        // The upper median: a base letter and a script of one character each read as
        // the base letter's size.
        if 2 * seen > total {
            return (base, s);
        }
    }
    (base, size)
}

/// The baseline each piece that might be a script is measured from: that of the nearest
/// piece of the line's type (by horizontal distance), so that a tilted scan's line,
/// whose baseline drifts by half a size from end to end, is not read as raised or
/// lowered text, and a script is measured against the size of the text it is set beside.
/// Pieces of the line's type and lines with none are measured from the main baseline
/// (they have no entry in `scratch.refs`, where the references go).
fn script_references(
    pieces: &[Piece],
    kept: &[usize],
    base: f32,
    size: f32,
    scratch: &mut Scratch,
) {
    let body = |i: usize| {
        let p = &pieces[i];
        p.size > 0.88 * size && p.rise.abs() <= 0.15 * p.size && has_word(&p.text)
    };
    let (refs, left) = (&mut scratch.refs, &mut scratch.left);
    refs.clear();
    if kept.iter().all(|&i| body(i)) {
        return;
    }
    // The nearest piece of the line's type to the left of each piece.
    left.clear();
    left.extend(kept.iter().scan(None, |last, &i| {
        let before = *last;
        if body(i) {
            *last = Some(i);
        }
        Some(before)
    }));
    let mut next: Option<usize> = None;
    for k in (0..kept.len()).rev() {
        let i = kept[k];
        if !body(i) {
            let p = &pieces[i];
            let nearest = match (left[k], next) {
                (Some(l), Some(r)) => {
                    let dist_left = (p.x0 - pieces[l].x1).max(0.0);
                    let dist_right = (pieces[r].x0 - p.x1).max(0.0);
                    Some(if dist_right < dist_left { r } else { l })
                }
                (l, r) => l.or(r),
            };
            let reference = nearest.map_or((base, size), |q| (pieces[q].y, pieces[q].size));
            refs.insert(i, reference);
        } else {
            next = Some(i);
        }
    }
}

/// A footnote text starts with its raised marker set tight against the text
/// ("¹Mekong River Commission"): a space after the marker keeps the number a word of
/// its own, as readers and pdftotext show it.
fn separate_leading_marker(spans: &mut [Span]) {
    let [first, second, ..] = spans else {
        return;
    };
    let is_marker = first.style.script == Script::Super && reads_as_marker(&first.text);
    if is_marker && second.style.script == Script::Normal && !second.text.starts_with(' ') {
        second.text.insert(0, ' ');
    }
}

/// Whether a script's text reads as a note's marker or an index: up to three digits or
/// note signs ("12", "*", "†").
fn reads_as_marker(text: &str) -> bool {
    let marker = text.trim();
    !marker.is_empty()
        && marker.chars().count() <= 3
        && marker
            .chars()
            .all(|c| c.is_ascii_digit() || matches!(c, '*' | '†' | '‡' | '§' | '¶'))
}

fn same_style(a: &Style, b: &Style) -> bool {
    let same_font = match (&a.font, &b.font) {
        (Some(x), Some(y)) => Arc::ptr_eq(x, y) || x == y,
        (None, None) => true,
        _ => false,
    };
    same_font
        && a.bold == b.bold
        && a.italic == b.italic
        && a.script == b.script
        && a.invisible == b.invisible
        && match (a.size, b.size) {
            (Some(x), Some(y)) => (x - y).abs() <= 0.05 * x.max(y),
            _ => true,
        }
}

/// A reading-frame rectangle back in page space.
fn frame_rect(dir: Dir, x0: f32, x1: f32, top: f32, bottom: f32) -> Rect {
    let rotation = dir.rotation();
    let (ax, ay) = rotation.to_page(f64::from(x0), f64::from(top));
    let (bx, by) = rotation.to_page(f64::from(x1), f64::from(bottom));
    Rect {
        x0: ax.min(bx) as f32,
        y0: ay.min(by) as f32,
        x1: ax.max(bx) as f32,
        y1: ay.max(by) as f32,
    }
}
