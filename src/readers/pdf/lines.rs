//! From glyphs to lines: glyphs join into *pieces* (runs of one style with no word break),
//! pieces into line *fragments* by baseline and horizontal adjacency, fragments into
//! lines; raised or lowered smaller pieces become superscript or subscript spans.
//!
//! Word breaks come from explicit space glyphs or from gaps wider than [`WORD_GAP`] em,
//! so PDFs that draw spaces and PDFs that only position words both read right. A gap
//! wider than [`MAX_LINE_GAP`] em never joins two fragments: the left and right columns
//! of a page stay separate lines even when their baselines agree.

use std::sync::Arc;

use unicode_normalization::UnicodeNormalization;

use super::interpreter::{Dir, PageText, TextGlyph};
use crate::source::{Line, Rect, Script, Span, Style};

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

#[derive(Debug, Clone)]
struct Piece {
    dir: Dir,
    x0: f32,
    x1: f32,
    y: f32,
    size: f32,
    font: u16,
    invisible: bool,
    rise: f32,
    text: String,
    /// An explicit space glyph separated it from `prev`.
    space_before: bool,
    /// The piece before it in the content stream.
    prev: Option<usize>,
    /// Position of its first glyph in the content stream.
    order: usize,
}

/// How a piece sits relative to a line's main text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Relation {
    Same,
    /// The *second* argument is raised and smaller.
    Super,
    /// The *second* argument is lowered and smaller.
    Sub,
    Apart,
}

/// Relation of (`y`, `size`) to a line whose main text has `base` and `main` size.
fn relation(base: f32, main: f32, y: f32, size: f32, rise: f32) -> Relation {
    let small = main.min(size);
    let big = main.max(size);
    let dy = y - base; // negative: raised
    // A quarter em keeps TeX's lowered E (in the LaTeX logo) and similar kerning tricks
    // on the line; the next line is a whole line height away.
    if dy.abs() <= 0.25 * small {
        return Relation::Same;
    }
    let smaller = size <= 0.88 * main || rise.abs() > 0.15 * size;
    if smaller {
        if dy < 0.0 && -dy <= 0.75 * big {
            return Relation::Super;
        }
        if dy > 0.0 && dy <= 0.45 * big {
            return Relation::Sub;
        }
    }
    Relation::Apart
}

fn build_pieces(page: &PageText) -> Vec<Piece> {
    let mut pieces: Vec<Piece> = Vec::new();
    let mut cur: Option<Piece> = None;
    let mut saw_space = false;
    let mut last_index: Option<usize> = None;
    // The x range of the last glyph added to `cur`, for accents drawn after their letter.
    let mut last_glyph = (0.0f32, 0.0f32);
    // An accent waiting for its letter: mark, centre, baseline, size, and whether it
    // also sits on the glyph before it (used when the next glyph does not fit).
    let mut pending: Option<(char, f32, f32, f32, bool)> = None;
    let flush = |cur: &mut Option<Piece>, pieces: &mut Vec<Piece>, last: &mut Option<usize>| {
        if let Some(mut p) = cur.take()
            && !p.text.is_empty()
        {
            if p.text.chars().any(is_combining) {
                p.text = compose(&p.text);
            }
            pieces.push(p);
            *last = Some(pieces.len() - 1);
        }
    };
    // Puts a waiting accent on the previous glyph when it sits there.
    let settle = |pending: &mut Option<(char, f32, f32, f32, bool)>, cur: &mut Option<Piece>| {
        if let Some((mark, _, _, _, true)) = pending.take()
            && let Some(p) = cur.as_mut()
        {
            p.text.push(mark);
        }
    };
    for (i, g) in page.glyphs.iter().enumerate() {
        let text = page.glyph_text(g);
        if g.space {
            settle(&mut pending, &mut cur);
            flush(&mut cur, &mut pieces, &mut last_index);
            saw_space = true;
            continue;
        }
        if let Some(mark) = combining_mark(text) {
            settle(&mut pending, &mut cur);
            let centre = g.x + g.adv.max(0.0) / 2.0;
            let slack = 0.15 * g.size;
            let on_previous = cur.as_ref().is_some_and(|p| {
                p.dir == g.dir
                    && centre >= last_glyph.0 - slack
                    && centre <= last_glyph.1 + slack
                    && (g.y - p.y).abs() <= 0.6 * p.size
            });
            pending = Some((mark, centre, g.y, g.size, on_previous));
            continue;
        }
        // An accent over this glyph (drawn before it, as TeX does) joins it; one that
        // does not fit here goes on the previous glyph if it sat there.
        let mut accent = None;
        if let Some((mark, centre, y, size, _)) = pending {
            let slack = 0.15 * size;
            if centre >= g.x - slack
                && centre <= g.x + g.adv + slack
                && (g.y - y).abs() <= 0.6 * size
            {
                accent = Some(mark);
                pending = None;
            } else {
                settle(&mut pending, &mut cur);
            }
        }
        if let Some(p) = cur.as_mut()
            && continues(p, g)
        {
            p.text.push_str(text);
            p.text.extend(accent);
            p.x1 = p.x1.max(g.x + g.adv);
            last_glyph = (g.x, g.x + g.adv);
            continue;
        }
        if text.is_empty() {
            // A glyph with no known text: it still takes room on the line.
            continue;
        }
        flush(&mut cur, &mut pieces, &mut last_index);
        let mut t = text.to_string();
        t.extend(accent);
        cur = Some(Piece {
            dir: g.dir,
            x0: g.x,
            x1: g.x + g.adv.max(0.0),
            y: g.y,
            size: g.size,
            font: g.font,
            invisible: g.invisible,
            rise: g.rise,
            text: t,
            space_before: saw_space,
            prev: last_index,
            order: i,
        });
        last_glyph = (g.x, g.x + g.adv);
        saw_space = false;
    }
    settle(&mut pending, &mut cur);
    flush(&mut cur, &mut pieces, &mut last_index);
    join_letter_spaced(pieces)
}

/// NFC, with dotless i and j taking their dots back under an accent (TeX sets `î` as a
/// circumflex over `ı`).
fn compose(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        let above = chars
            .peek()
            .is_some_and(|&m| is_combining(m) && m < '\u{316}');
        match c {
            '\u{131}' if above => out.push('i'),
            '\u{237}' if above => out.push('j'),
            c => out.push(c),
        }
    }
    out.nfc().collect()
}

fn is_combining(c: char) -> bool {
    ('\u{300}'..='\u{36f}').contains(&c)
}

/// The combining form of a glyph that is only an accent (a spacing accent such as `¨`,
/// or a combining mark drawn on its own).
fn combining_mark(text: &str) -> Option<char> {
    let mut chars = text.chars();
    let c = chars.next()?;
    if chars.next().is_some() {
        return None;
    }
    Some(match c {
        c if is_combining(c) => c,
        '`' => '\u{300}',
        '\u{b4}' => '\u{301}',
        '\u{2c6}' => '\u{302}',
        '\u{2dc}' => '\u{303}',
        '\u{af}' => '\u{304}',
        '\u{2d8}' => '\u{306}',
        '\u{2d9}' => '\u{307}',
        '\u{a8}' => '\u{308}',
        '\u{2da}' => '\u{30a}',
        '\u{2dd}' => '\u{30b}',
        '\u{2c7}' => '\u{30c}',
        '\u{b8}' => '\u{327}',
        '\u{2db}' => '\u{328}',
        _ => return None,
    })
}

/// Joins runs of single letters set with even, wide spacing (`R E S E A R C H`, letter-
/// spaced headings positioned glyph by glyph) back into words: at least three letters in
/// a row, each gap within 0.45 em and no gap more than 1.3 times the smallest.
fn join_letter_spaced(pieces: Vec<Piece>) -> Vec<Piece> {
    let single =
        |p: &Piece| p.text.chars().count() == 1 && p.text.chars().all(char::is_alphanumeric);
    let linked = |a: &Piece, b: &Piece, ai: usize| {
        let gap = b.x0 - a.x1;
        b.prev == Some(ai)
            && !b.space_before
            && b.dir == a.dir
            && b.font == a.font
            && (b.size - a.size).abs() <= 0.02 * a.size
            && (b.y - a.y).abs() <= 0.05 * a.size
            && gap > 0.0
            && gap <= 0.45 * a.size
    };
    let n = pieces.len();
    // For each piece, the end (exclusive) of the letter-spaced run it starts, if any.
    let mut merge_into: Vec<Option<usize>> = vec![None; n];
    let mut i = 0;
    while i < n {
        if !single(&pieces[i]) {
            i += 1;
            continue;
        }
        let mut j = i + 1;
        let (mut lo, mut hi) = (f32::MAX, 0.0f32);
        while j < n && single(&pieces[j]) && linked(&pieces[j - 1], &pieces[j], j - 1) {
            let gap = pieces[j].x0 - pieces[j - 1].x1;
            let (nlo, nhi) = (lo.min(gap), hi.max(gap));
            if nhi > 1.3 * nlo + 0.02 * pieces[j].size {
                break;
            }
            (lo, hi) = (nlo, nhi);
            j += 1;
        }
        if j - i >= 3 {
            for slot in merge_into.iter_mut().take(j).skip(i + 1) {
                *slot = Some(i);
            }
        }
        i = j.max(i + 1);
    }
    if merge_into.iter().all(Option::is_none) {
        return pieces;
    }
    // Rebuild, renumbering `prev` links.
    let mut out: Vec<Piece> = Vec::with_capacity(n);
    let mut new_index: Vec<usize> = vec![0; n];
    for (k, p) in pieces.into_iter().enumerate() {
        match merge_into[k] {
            Some(head) => {
                let target = new_index[head];
                new_index[k] = target;
                if let Some(t) = out.get_mut(target) {
                    t.text.push_str(&p.text);
                    t.x1 = t.x1.max(p.x1);
                }
            }
            None => {
                new_index[k] = out.len();
                let mut p = p;
                p.prev = p.prev.map(|q| new_index[q]);
                out.push(p);
            }
        }
    }
    out
}

fn continues(p: &Piece, g: &TextGlyph) -> bool {
    let s = p.size;
    let gap = g.x - p.x1;
    g.dir == p.dir
        && g.font == p.font
        && g.invisible == p.invisible
        && (g.size - s).abs() <= 0.02 * s
        && (g.y - p.y).abs() <= 0.05 * s
        && gap <= WORD_GAP * s
        && gap >= -0.5 * s
}

/// A group of pieces forming (part of) a line.
#[derive(Debug, Clone)]
struct Frag {
    dir: Dir,
    pieces: Vec<usize>,
    x0: f32,
    x1: f32,
    base: f32,
    size: f32,
    /// Sum and count of the word gaps inside, for telling a stretched justified space
    /// from a column gutter.
    gap_sum: f32,
    gap_n: u32,
}

impl Frag {
    fn new(i: usize, p: &Piece) -> Frag {
        Frag {
            dir: p.dir,
            pieces: vec![i],
            x0: p.x0,
            x1: p.x1,
            base: p.y,
            size: p.size,
            gap_sum: 0.0,
            gap_n: 0,
        }
    }

    /// The widest gap that still continues this line after `last` (its last piece): one
    /// em, more after a sentence's end, in proportion to the line's own word spaces.
    fn max_gap(&self, size: f32, last: &Piece) -> f32 {
        let base = MAX_LINE_GAP * size;
        if !ends_sentence(&last.text) {
            return base;
        }
        let stretched = if self.gap_n > 0 {
            2.5 * self.gap_sum / self.gap_n as f32
        } else {
            1.3 * size
        };
        stretched.clamp(base, MAX_SENTENCE_GAP * size)
    }

    fn accepts(&self, p: &Piece, pieces: &[Piece]) -> bool {
        if p.dir != self.dir {
            return false;
        }
        let rel = relation(self.base, self.size, p.y, p.size, p.rise);
        let rel_rev = relation(p.y, p.size, self.base, self.size, 0.0);
        if rel == Relation::Apart && rel_rev == Relation::Apart {
            return false;
        }
        let s = self.size.max(p.size);
        let gap = p.x0 - self.x1;
        let Some(last) = self.pieces.last().and_then(|&i| pieces.get(i)) else {
            return false;
        };
        (-0.5 * s..=self.max_gap(s, last)).contains(&gap)
    }

    fn push(&mut self, i: usize, p: &Piece) {
        let gap = p.x0 - self.x1;
        if gap > WORD_GAP * p.size {
            self.gap_sum += gap;
            self.gap_n += 1;
        }
        self.pieces.push(i);
        self.x0 = self.x0.min(p.x0);
        self.x1 = self.x1.max(p.x1);
        if p.size > self.size * 1.12 {
            self.size = p.size;
            self.base = p.y;
        }
    }
}

fn build_frags(pieces: &[Piece]) -> Vec<Frag> {
    let mut frags: Vec<Frag> = Vec::new();
    for (i, p) in pieces.iter().enumerate() {
        let n = frags.len();
        let target = (n.saturating_sub(4)..n)
            .rev()
            .find(|&k| frags[k].accepts(p, pieces));
        match target {
            Some(k) => frags[k].push(i, p),
            None => frags.push(Frag::new(i, p)),
        }
    }
    frags
}

/// Whether a piece ends a sentence (or clause) after which justified text may put a
/// wider space.
fn ends_sentence(text: &str) -> bool {
    let t = text.trim_end_matches(['"', '\'', '\u{2019}', '\u{201d}', ')']);
    t.ends_with(['.', '!', '?', ':', ';'])
}

fn frag_text(f: &Frag, pieces: &[Piece]) -> String {
    f.pieces
        .iter()
        .filter_map(|&i| pieces.get(i))
        .map(|p| p.text.as_str())
        .collect()
}

/// Union-find root.
fn root(parent: &mut [usize], mut i: usize) -> usize {
    while parent[i] != i {
        parent[i] = parent[parent[i]];
        i = parent[i];
    }
    i
}

/// Joins fragments that the stream drew apart but that sit side by side on one line
/// (or that are a script attached inside a line).
fn merge_frags(frags: Vec<Frag>, pieces: &[Piece]) -> Vec<Vec<usize>> {
    let mut order: Vec<usize> = (0..frags.len()).collect();
    order.sort_by(|&a, &b| {
        (frags[a].dir, frags[a].base)
            .partial_cmp(&(frags[b].dir, frags[b].base))
            .unwrap_or(std::cmp::Ordering::Equal)
    });
    let mut parent: Vec<usize> = (0..frags.len()).collect();
    for (oi, &a) in order.iter().enumerate() {
        let fa = &frags[a];
        for &b in order.iter().skip(oi + 1).take(64) {
            let fb = &frags[b];
            if fb.dir != fa.dir || fb.base - fa.base > 0.8 * fa.size.max(fb.size) {
                break;
            }
            let rel = relation(fa.base, fa.size, fb.base, fb.size, 0.0);
            let rel_rev = relation(fb.base, fb.size, fa.base, fa.size, 0.0);
            let s = fa.size.max(fb.size);
            // Fragments drawn apart join only across a word space: gutters can be
            // narrow, and the stretched spaces of justified text were taken care of
            // while following the stream.
            let limit = MAX_MERGE_GAP * s;
            let adjacent = |l: &Frag, r: &Frag| {
                let gap = r.x0 - l.x1;
                (-0.2 * s..=limit).contains(&gap)
            };
            let inside = |outer: &Frag, inner: &Frag| {
                inner.x0 >= outer.x0 - 0.2 * s && inner.x1 <= outer.x1 + MAX_MERGE_GAP * s
            };
            // The same text drawn twice over itself (fake bold, shadows).
            let overprint = |l: &Frag, r: &Frag| {
                let overlap = l.x1.min(r.x1) - l.x0.max(r.x0);
                overlap > 0.5 * (l.x1 - l.x0).min(r.x1 - r.x0)
                    && frag_text(l, pieces) == frag_text(r, pieces)
            };
            let ok = match (rel, rel_rev) {
                (Relation::Same, _) => adjacent(fa, fb) || adjacent(fb, fa) || overprint(fa, fb),
                (Relation::Super | Relation::Sub, _) => {
                    adjacent(fa, fb) || adjacent(fb, fa) || inside(fa, fb)
                }
                (_, Relation::Super | Relation::Sub) => {
                    adjacent(fa, fb) || adjacent(fb, fa) || inside(fb, fa)
                }
                _ => false,
            };
            if ok {
                let (ra, rb) = (root(&mut parent, a), root(&mut parent, b));
                if ra != rb {
                    parent[rb] = ra;
                }
            }
        }
    }
    let mut groups: Vec<Vec<usize>> = vec![Vec::new(); frags.len()];
    for (i, frag) in frags.iter().enumerate() {
        let r = root(&mut parent, i);
        groups[r].extend_from_slice(&frag.pieces);
    }
    groups.retain(|g| !g.is_empty());
    groups
}

/// A finished line before conversion to the public type.
struct Built {
    order: usize,
    line: Line,
    top: f32,
    x0: f32,
    x1: f32,
}

/// Turns a page's glyphs into lines in reading order.
pub fn build_lines(page: &PageText) -> Vec<Line> {
    let pieces = build_pieces(page);
    let frags = build_frags(&pieces);
    let groups = merge_frags(frags, pieces.as_slice());
    let mut built: Vec<Built> = groups
        .into_iter()
        .filter_map(|g| assemble(page, &pieces, g))
        .collect();
    built.sort_by_key(|b| b.order);
    if stream_order_is_scrambled(&built) {
        built.sort_by(|a, b| {
            let band = |t: f32| (t / 4.0).round() as i64;
            (band(a.top), a.x0)
                .partial_cmp(&(band(b.top), b.x0))
                .unwrap_or(std::cmp::Ordering::Equal)
        });
    }
    built
        .into_iter()
        .enumerate()
        .map(|(i, mut b)| {
            b.line.source_line = i + 1;
            b.line
        })
        .collect()
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

fn assemble(page: &PageText, pieces: &[Piece], mut idx: Vec<usize>) -> Option<Built> {
    idx.sort_by(|&a, &b| {
        pieces[a]
            .x0
            .partial_cmp(&pieces[b].x0)
            .unwrap_or(std::cmp::Ordering::Equal)
            .then(a.cmp(&b))
    });
    // Drop overprinted duplicates (fake bold, shadows).
    let mut kept: Vec<usize> = Vec::with_capacity(idx.len());
    for i in idx {
        let p = &pieces[i];
        let dup = kept.iter().rev().take(3).any(|&k| {
            let q = &pieces[k];
            q.text == p.text
                && (q.x0 - p.x0).abs() < 0.15 * p.size
                && (q.y - p.y).abs() < 0.2 * p.size
        });
        if !dup {
            kept.push(i);
        }
    }
    let first = *kept.first()?;
    let dir = pieces[first].dir;
    // Main text: the largest size; its baseline from the longest piece of about that size.
    let max_size = kept.iter().map(|&i| pieces[i].size).fold(0.0f32, f32::max);
    let main = kept
        .iter()
        .filter(|&&i| pieces[i].size >= 0.9 * max_size)
        .max_by_key(|&&i| pieces[i].text.chars().count())
        .copied()
        .unwrap_or(first);
    let (base, main_size) = (pieces[main].y, pieces[main].size);

    // Word breaks between neighbours, in visual (left-to-right) order.
    let spaces: Vec<bool> = kept
        .iter()
        .enumerate()
        .map(|(k, &i)| {
            let p = &pieces[i];
            k.checked_sub(1).map(|k| kept[k]).is_some_and(|q| {
                let qp = &pieces[q];
                let gap = p.x0 - qp.x1;
                let em = p.size.min(qp.size);
                gap > WORD_GAP * em || gap < -0.6 * em || (p.space_before && p.prev == Some(q))
            })
        })
        .collect();
    // Right-to-left lines read from the right: reverse the pieces, and the characters of
    // right-to-left pieces (keeping digit and Latin runs in their own order).
    let rtl = is_rtl_line(kept.iter().map(|&i| pieces[i].text.as_str()));
    let mut seq: Vec<(usize, bool)> = kept.iter().copied().zip(spaces.iter().copied()).collect();
    if rtl {
        let n = seq.len();
        seq = (0..n)
            .map(|k| (kept[n - 1 - k], k > 0 && spaces[n - k]))
            .collect();
    }

    let mut spans: Vec<Span> = Vec::new();
    let mut bbox: Option<Rect> = None;
    let mut order = usize::MAX;
    for (i, space) in seq {
        let p = &pieces[i];
        order = order.min(p.order);
        let script = match relation(base, main_size, p.y, p.size, p.rise) {
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
        let text = if rtl {
            visual_to_logical(&p.text)
        } else {
            p.text.clone()
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
                    text,
                    style,
                    bbox: Some(rect),
                });
            }
            _ => {
                let mut t = String::with_capacity(text.len() + 1);
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
    Some(Built {
        order,
        top: bbox.y0,
        x0: bbox.x0,
        x1: bbox.x1,
        line: Line {
            spans,
            source_line: 0,
            bbox: Some(bbox),
            baseline,
        },
    })
}

/// A footnote text starts with its raised marker set tight against the text
/// ("¹Mekong River Commission"): a space after the marker keeps the number a word of
/// its own, as readers and pdftotext show it.
fn separate_leading_marker(spans: &mut [Span]) {
    let [first, second, ..] = spans else {
        return;
    };
    let marker = first.text.trim();
    let is_marker = first.style.script == Script::Super
        && !marker.is_empty()
        && marker.chars().count() <= 3
        && marker
            .chars()
            .all(|c| c.is_ascii_digit() || matches!(c, '*' | '†' | '‡' | '§' | '¶'));
    if is_marker && second.style.script == Script::Normal && !second.text.starts_with(' ') {
        second.text.insert(0, ' ');
    }
}

/// Hebrew, Arabic, Syriac, Thaana, N'Ko and their presentation forms.
fn is_rtl_char(c: char) -> bool {
    matches!(c as u32, 0x0590..=0x08FF | 0xFB1D..=0xFDFF | 0xFE70..=0xFEFF)
}

/// Whether most letters of a line are right-to-left.
fn is_rtl_line<'a>(texts: impl Iterator<Item = &'a str>) -> bool {
    let (mut rtl, mut ltr) = (0usize, 0usize);
    for c in texts.flat_map(str::chars).filter(|c| c.is_alphabetic()) {
        if is_rtl_char(c) {
            rtl += 1;
        } else {
            ltr += 1;
        }
    }
    rtl > ltr
}

/// Glyphs drawn left to right (visual order) → reading order for right-to-left text:
/// the characters reversed, except runs of left-to-right letters and digits, which
/// keep their order.
fn visual_to_logical(s: &str) -> String {
    if !s.chars().any(is_rtl_char) {
        return s.to_string();
    }
    let reversed: Vec<char> = s.chars().rev().collect();
    let mut out = String::with_capacity(s.len());
    let mut run: Vec<char> = Vec::new();
    let ltr = |c: char| c.is_alphanumeric() && !is_rtl_char(c);
    for c in reversed {
        if ltr(c) || (!run.is_empty() && matches!(c, '.' | ',' | ':' | '/' | '-')) {
            run.push(c);
        } else {
            out.extend(run.drain(..).rev());
            out.push(c);
        }
    }
    out.extend(run.drain(..).rev());
    out
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
    let (ax, ay) = dir.to_page(f64::from(x0), f64::from(top));
    let (bx, by) = dir.to_page(f64::from(x1), f64::from(bottom));
    Rect {
        x0: ax.min(bx) as f32,
        y0: ay.min(by) as f32,
        x1: ax.max(bx) as f32,
        y1: ay.max(by) as f32,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn relations() {
        assert_eq!(relation(100.0, 10.0, 100.5, 10.0, 0.0), Relation::Same);
        assert_eq!(relation(100.0, 10.0, 96.0, 7.0, 0.0), Relation::Super);
        assert_eq!(relation(100.0, 10.0, 102.0, 7.0, 0.0), Relation::Sub);
        // The next line down is not a subscript.
        assert_eq!(relation(100.0, 10.0, 112.0, 10.0, 0.0), Relation::Apart);
        assert_eq!(relation(100.0, 10.0, 88.0, 7.0, 0.0), Relation::Apart);
    }

    #[test]
    fn accents_compose_with_their_letters() {
        assert_eq!(combining_mark("\u{a8}"), Some('\u{308}'));
        assert_eq!(combining_mark("\u{301}"), Some('\u{301}'));
        assert_eq!(combining_mark("a"), None);
        assert_eq!(combining_mark("\u{a8}\u{a8}"), None);
        assert_eq!(compose("Mu\u{308}hlenberg"), "Mühlenberg");
        assert_eq!(compose("Lema\u{131}\u{302}tre"), "Lemaître");
    }

    #[test]
    fn right_to_left_text_reads_from_the_right() {
        // Visual order of "שלום 2024" drawn left to right: "2024 םולש".
        assert_eq!(visual_to_logical("םולש"), "שלום");
        assert_eq!(visual_to_logical("abc"), "abc");
        assert_eq!(visual_to_logical("2024-םולש"), "שלום-2024");
        assert!(is_rtl_line(["םולש", "abc", "עולם"].into_iter()));
        assert!(!is_rtl_line(["hello", "ש"].into_iter()));
    }
}
