//! Glyphs into *pieces*: runs of one style with no word break inside, with accents
//! drawn apart composed onto their letters and letter-spaced headings joined back.

use unicode_normalization::UnicodeNormalization;

use super::WORD_GAP;
use super::bidi::push_glyph;
use crate::readers::pdf::interpreter::{Dir, PageText, TextGlyph};

#[derive(Debug, Clone)]
pub(super) struct Piece {
    pub(super) dir: Dir,
    pub(super) x0: f32,
    pub(super) x1: f32,
    pub(super) y: f32,
    pub(super) size: f32,
    pub(super) font: u16,
    pub(super) invisible: bool,
    pub(super) rise: f32,
    pub(super) text: String,
    /// An explicit space glyph separated it from `prev`.
    pub(super) space_before: bool,
    /// The piece before it in the content stream.
    pub(super) prev: Option<usize>,
    /// Position of its first glyph in the content stream.
    pub(super) order: usize,
    /// Holds `/ActualText`, which is already in reading order.
    pub(super) logical: bool,
    /// Marked-content slot of its first glyph (tagged PDF).
    pub(super) mark: u32,
}

/// `spare`: emptied strings for the pieces' text (see [`super::Spare`]).
pub(super) fn build_pieces(page: &PageText, spare: &mut Vec<String>) -> Vec<Piece> {
    let accents = place_accents(page);
    // About one piece (a word or more) per four glyphs at most, on most pages.
    let mut pieces: Vec<Piece> = Vec::with_capacity(page.glyphs.len() / 4);
    let mut cur: Option<Piece> = None;
    let mut saw_space = false;
    let mut last_index: Option<usize> = None;
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
    for (i, g) in page.glyphs.iter().enumerate() {
        let marks = match accents.get(i) {
            Some(Accent::Placed) => continue,
            Some(Accent::Carries(marks)) => marks.as_str(),
            _ => "",
        };
        let text = match page.glyph_text(g) {
            // A negation slash that negates no sign under it (one drawn over a word set
            // above an arrow) has no reading of its own.
            NEGATION => "",
            t => t,
        };
        if g.space {
            flush(&mut cur, &mut pieces, &mut last_index);
            saw_space = true;
            continue;
        }
        if overprints(page, i) {
            continue;
        }
        if let Some(p) = cur.as_mut()
            && continues(p, g)
        {
            push_glyph(&mut p.text, text);
            p.text.push_str(marks);
            p.x1 = p.x1.max(g.x + g.adv);
            p.logical |= g.actual;
            continue;
        }
        if text.is_empty() {
            // A glyph with no known text: it still takes room on the line.
            continue;
        }
        flush(&mut cur, &mut pieces, &mut last_index);
        // Room for the glyphs that usually follow (a word or a run of words), so that
        // pushing them rarely regrows the string.
        let mut t = spare
            .pop()
            .unwrap_or_else(|| String::with_capacity((text.len() + marks.len()).max(PIECE_TEXT)));
        push_glyph(&mut t, text);
        t.push_str(marks);
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
            logical: g.actual,
            mark: g.mark,
        });
        saw_space = false;
    }
    flush(&mut cur, &mut pieces, &mut last_index);
    join_letter_spaced(pieces)
}

/// How far across a glyph may lie from the same glyph drawn just before it and be that
/// glyph struck again, as a share of its advance: the next letter of a word lies a whole
/// advance on, whatever the font's size says.
const OVERPRINT_ACROSS: f32 = 0.25;
/// How far up or down (in ems) a glyph struck again may lie.
const OVERPRINT_UP: f32 = 0.1;

/// Whether glyph `i` is the glyph drawn just before it struck again a hair away: bold
/// faked by drawing each letter twice ("B" at 72, "B" at 72.3, "O" at 80, …), or a
/// shadow drawn letter by letter. Its text is that glyph's, not more text. Only the
/// glyph right before counts: the words an OCR layer places one by one may overlap
/// where its font is wider than the scan's, a space between them. (A line drawn twice
/// whole is caught when lines are built, piece against piece.)
fn overprints(page: &PageText, i: usize) -> bool {
    let g = &page.glyphs[i];
    let Some(q) = i.checked_sub(1).and_then(|k| page.glyphs.get(k)) else {
        return false;
    };
    let text = page.glyph_text(g);
    !text.is_empty()
        && !q.space
        && q.dir == g.dir
        && q.invisible == g.invisible
        && (q.size - g.size).abs() < 0.05 * g.size.abs()
        && g.adv > 0.0
        && (q.x - g.x).abs() < OVERPRINT_ACROSS * g.adv
        && (q.y - g.y).abs() < OVERPRINT_UP * g.size.abs()
        && page.glyph_text(q) == text
}

/// The bytes a piece's text starts with room for.
const PIECE_TEXT: usize = 32;

/// TeX's negation slash, drawn on its own before the sign it negates (`≠` is it and `=`).
const NEGATION: &str = "\u{338}";

/// What becomes of a glyph in accent handling.
#[derive(Debug, Clone, Default)]
enum Accent {
    /// An ordinary glyph, or an accent that sits on no letter (kept as its own text).
    #[default]
    Plain,
    /// An accent moved onto a neighbouring letter.
    Placed,
    /// A letter carrying these combining marks after its own text.
    Carries(String),
}

/// Finds accents drawn as glyphs of their own and the letters they sit on: the next
/// letter first (TeX draws the accent, then the letter under it), else the previous
/// one. Only immediate neighbours in the stream count. The negation slash goes on signs
/// only: over a letter it strikes a word drawn above an arrow, not the letter.
fn place_accents(page: &PageText) -> Vec<Accent> {
    let glyphs = &page.glyphs;
    let mut out: Vec<Accent> = Vec::new();
    for (i, g) in glyphs.iter().enumerate() {
        let Some(mark) = combining_mark(page.glyph_text(g)) else {
            continue;
        };
        let centre = g.x + g.adv.max(0.0) / 2.0;
        let slack = 0.15 * g.size;
        let fits = |j: usize| {
            glyphs.get(j).is_some_and(|b| {
                let t = page.glyph_text(b);
                !b.space
                    && !t.is_empty()
                    && combining_mark(t).is_none()
                    && (mark != '\u{338}' || !t.chars().any(char::is_alphanumeric))
                    && b.dir == g.dir
                    && centre >= b.x - slack
                    && centre <= b.x + b.adv + slack
                    && (b.y - g.y).abs() <= 0.6 * g.size.max(b.size)
            })
        };
        let target = if fits(i + 1) {
            Some(i + 1)
        } else {
            i.checked_sub(1).filter(|&j| fits(j))
        };
        let Some(target) = target else {
            continue;
        };
        if out.is_empty() {
            out = vec![Accent::Plain; glyphs.len()];
        }
        out[i] = Accent::Placed;
        match &mut out[target] {
            Accent::Carries(marks) => marks.push(mark),
            slot => *slot = Accent::Carries(mark.to_string()),
        }
    }
    out
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
/// a row (a kerned pair may stand for one of every two), each gap within 0.45 em and no
/// gap more than 1.3 times the smallest. Leader
/// dots (`. . . .`, gaps up to an em) join the same way.
fn join_letter_spaced(pieces: Vec<Piece>) -> Vec<Piece> {
    // Letters and digits, or leader dots and rules (a table of contents' '. . . .').
    let class = |p: &Piece| {
        let mut chars = p.text.chars();
        match (chars.next(), chars.next(), chars.next()) {
            (Some(c), None, _) if c.is_alphanumeric() => Some('a'),
            // A kerned pair ("PA", "AV") drawn as one piece inside a spaced word.
            // Both letters in one case: "Lu" or "Ng" before initials is a name.
            (Some(a), Some(b), None)
                if a.is_alphabetic()
                    && b.is_alphabetic()
                    && (a.is_uppercase() == b.is_uppercase()) =>
            {
                Some('a')
            }
            (Some(c @ ('.' | '·' | '_' | '-')), None, _) => Some(c),
            _ => None,
        }
    };
    let pair = |p: &Piece| p.text.chars().nth(1).is_some();
    let single = |p: &Piece| class(p).is_some();
    let linked = |a: &Piece, b: &Piece, ai: usize| {
        let gap = b.x0 - a.x1;
        let widest = if class(a) == Some('a') { 0.45 } else { 1.0 };
        b.prev == Some(ai)
            && !b.space_before
            && class(a) == class(b)
            && b.dir == a.dir
            && b.font == a.font
            && (b.size - a.size).abs() <= 0.02 * a.size
            && (b.y - a.y).abs() <= 0.05 * a.size
            && gap > 0.0
            && gap <= widest * a.size
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
        // Single letters must carry the run: two-letter words in a row ("if it is a")
        // are running text, not one spaced word.
        let pairs = (i..j).filter(|&k| pair(&pieces[k])).count();
        let singles = j - i - pairs;
        if singles >= 3 && pairs * 2 <= singles {
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

#[cfg(test)]
impl Piece {
    /// A test's piece of 10-pt `text` on the baseline y = 100 from `x0` to `x1`, the
    /// `i`th drawn, right after the one before it, with no space glyph between.
    pub(super) fn laid(text: &str, x0: f32, x1: f32, i: usize) -> Piece {
        Piece {
            dir: Dir::default(),
            x0,
            x1,
            y: 100.0,
            size: 10.0,
            font: 0,
            invisible: false,
            rise: 0.0,
            text: text.to_string(),
            space_before: false,
            prev: i.checked_sub(1),
            order: i,
            logical: false,
            mark: 0,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Pieces laid left to right on one baseline, each `gap` points after the last.
    fn row(items: &[(&str, f32)]) -> Vec<Piece> {
        let mut x = 60.0;
        items
            .iter()
            .enumerate()
            .map(|(i, &(text, gap))| {
                x += gap;
                let width = 7.0 * text.chars().count() as f32;
                let p = Piece::laid(text, x, x + width, i);
                x += width;
                p
            })
            .collect()
    }

    fn words(pieces: Vec<Piece>) -> Vec<String> {
        join_letter_spaced(pieces)
            .into_iter()
            .map(|p| p.text)
            .collect()
    }

    #[test]
    fn letter_spaced_words_join_across_a_kerned_pair() {
        let spaced = row(&[
            ("P", 0.0),
            ("O", 3.0),
            ("L", 3.0),
            ("Y", 3.0),
            ("PA", 6.0),
            ("P", 3.0),
            ("E", 3.0),
            ("R", 3.0),
        ]);
        assert_eq!(words(spaced), vec!["POLY", "PAPER"]);
        // Two-letter words in running text stay apart, and so does a name before initials.
        let prose = row(&[("if", 0.0), ("it", 3.0), ("is", 3.0), ("a", 3.0)]);
        assert_eq!(words(prose), vec!["if", "it", "is", "a"]);
        let name = row(&[("Lu", 0.0), ("T", 3.0), ("H", 3.0), ("C", 3.0)]);
        assert_eq!(words(name), vec!["Lu", "THC"]);
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
}
