//! Pieces into line *fragments*, by baseline (scripts attach to their line) and
//! horizontal adjacency, and fragments drawn apart merged when they sit side by side.

use super::pieces::Piece;
use super::{MAX_LINE_GAP, MAX_MERGE_GAP, MAX_SENTENCE_GAP, WORD_GAP};
use crate::readers::pdf::drop_caps::is_initial;
use crate::readers::pdf::interpreter::Dir;

#[path = "section_label.rs"]
mod section_label;

/// Groups pieces into lines: the indices of each line's pieces.
pub(super) fn group(pieces: &[Piece]) -> Vec<Vec<usize>> {
    let body = body_size(pieces);
    merge_frags(build_frags(pieces, body), pieces, body)
}

/// The page's body type: the size (to the half point) most of its letters and digits are
/// set in; 0 on a page without any.
fn body_size(pieces: &[Piece]) -> f32 {
    let mut letters: std::collections::BTreeMap<i32, usize> = std::collections::BTreeMap::new();
    for p in pieces {
        let n = p.text.chars().filter(|c| c.is_alphanumeric()).count();
        if n > 0 {
            *letters.entry((2.0 * p.size).round() as i32).or_default() += n;
        }
    }
    letters
        .into_iter()
        .max_by_key(|&(size, n)| (n, size))
        .map_or(0.0, |(size, _)| size as f32 / 2.0)
}

/// Whether `line` is a line of text in its own right beside the larger words of `base`,
/// never a script of them: three words or more, spanning eight ems or more, in type of the
/// page's body size (`body`; larger than a script's beside it), beside a fragment whose
/// main type holds letters. A script is smaller than the text it belongs to, and short; a
/// column's lines beside a headline half again their size merely look like its scripts
/// (a newspaper's 11-pt lines beside a 17-pt headline across a narrow gutter, one raised
/// and one lowered against it). Beside a lone larger number or sign (a form's boxed field
/// number inside a sentence) the text stays on that number's line.
fn body_line_beside_words(line: &Frag, base: &Frag, body: f32, pieces: &[Piece]) -> bool {
    let words = line
        .pieces
        .iter()
        .filter(|&&i| pieces.get(i).is_some_and(|p| has_word(&p.text)))
        .count();
    let larger_words = base.pieces.iter().any(|&i| {
        pieces
            .get(i)
            .is_some_and(|p| p.size >= 0.9 * base.size && p.text.chars().any(char::is_alphabetic))
    });
    line.size > 0.88 * body && line.x1 - line.x0 >= 8.0 * line.size && words >= 3 && larger_words
}

/// How a piece sits relative to a line's main text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Relation {
    Same,
    /// The *second* argument is raised and smaller.
    Super,
    /// The *second* argument is lowered and smaller.
    Sub,
    Apart,
}

/// Relation of (`y`, `size`) to a line whose main text has `base` and `main` size.
pub(super) fn relation(base: f32, main: f32, y: f32, size: f32, rise: f32) -> Relation {
    let small = main.min(size);
    let big = main.max(size);
    let dy = y - base; // negative: raised
    // A quarter em keeps TeX's lowered E (in the LaTeX logo) and similar kerning tricks
    // on the line; the next line is a whole line height away.
    if dy.abs() <= 0.25 * small {
        return Relation::Same;
    }
    // A script is smaller than its line, and its shift is bounded by its own size as
    // well as the line's.
    let smaller = is_script_size(main, size) || rise.abs() > 0.15 * size;
    if smaller {
        if dy < 0.0 && -dy <= (0.75 * big).min(1.2 * small) {
            return Relation::Super;
        }
        if dy > 0.0 && dy <= (0.45 * big).min(0.8 * small) {
            return Relation::Sub;
        }
    }
    Relation::Apart
}

/// [`relation`] of a piece set tight against the text before it (no word space between).
///
/// TeX lowers a lone subscript only 0.15 em of the line's type (`\sub1`), less than a
/// quarter of the script's own size, which [`relation`] keeps on the line. A piece a
/// clear step smaller than the line's type and shifted by a tenth of that type or more is
/// a script all the same, when it sits against its base: a bullet centred on the
/// x-height, a sign's lettering, a gutter's line number or an OCR word that drifted stand
/// a word space apart from the text before them (or start the line), and a lowered E in
/// the LaTeX logo or small capitals keep the line's size or its baseline.
pub(super) fn tight_relation(base: f32, main: f32, y: f32, size: f32, rise: f32) -> Relation {
    let dy = y - base; // negative: raised
    let slight = dy.abs() <= 0.25 * main.min(size) && dy.abs() >= 0.1 * main;
    if slight && is_script_size(main, size) {
        if dy < 0.0 {
            Relation::Super
        } else {
            Relation::Sub
        }
    } else {
        match relation(base, main, y, size, rise) {
            // A step smaller than the line's type but above the script sizes (a word
            // processor's note mark set at 9 pt in 10 pt text), raised a quarter of its
            // size or more and at most half the line's: raised against its base, it can
            // only be a script.
            Relation::Apart
                if dy < 0.0
                    && size < 0.95 * main
                    && size >= 0.4 * main
                    && -dy > 0.25 * main.min(size)
                    && -dy <= 0.5 * main =>
            {
                Relation::Super
            }
            r => r,
        }
    }
}

/// Whether type of `size` is a script's beside a line of `main` type: smaller, but not
/// tiny beside it (text a quarter the size of a drop cap or a display figure next to it
/// is a line of its own).
fn is_script_size(main: f32, size: f32) -> bool {
    (0.4 * main..=0.88 * main).contains(&size)
}

/// The widest gap, in ems of the larger type, between a display line and text of the
/// body's size read as its script.
const SCRIPT_GAP: f32 = 0.5;

/// Whether `right` is set tight against `left`, the piece before it, as a script against
/// its base: no space glyph between them and a gap of at most 0.15 em of the larger type
/// (a font's side bearings and TeX's script kerns leave a point or so; a word space is a
/// quarter em), or an overlap of at most 0.6 em of the smaller type.
pub(super) fn tight_after(left: (usize, &Piece), right: &Piece) -> bool {
    let gap = right.x0 - left.1.x1;
    let (small, big) = (right.size.min(left.1.size), right.size.max(left.1.size));
    (-0.6 * small..=0.15 * big).contains(&gap)
        && !(right.space_before && right.prev == Some(left.0))
}

/// Whether `right` sits off the baseline of `left` by a tenth of `left`'s size, as a
/// script sits off its base's (and a stray mark of an OCR layer, or text continuing a
/// slightly shifted word, does not).
pub(super) fn shifted_from(left: &Piece, right: &Piece) -> bool {
    (right.y - left.y).abs() >= 0.1 * left.size
}

/// Whether a piece on baseline `y` continues text on baseline `base` (sizes `a`, `b`):
/// the neighbour test of [`relation`]'s `Same`.
pub(super) fn on_baseline(base: f32, a: f32, y: f32, b: f32) -> bool {
    (y - base).abs() <= 0.25 * a.min(b)
}

/// The type a gap after text of `size` before piece `p` is measured in: the larger of
/// the two, but the text's own when `p` is a drop cap (a lone capital twice its size or
/// more). A drop cap opening a column stands a gutter right of the line of the column
/// before it on its baseline, and an em of its type would bridge that gutter.
fn gap_type(size: f32, p: &Piece) -> f32 {
    if p.size >= 2.0 * size && is_initial(p.text.trim()) {
        size
    } else {
        size.max(p.size)
    }
}

/// Whether a piece's text can carry a line: punctuation alone (an OCR layer's dash set
/// twice the words' size) does not set the line's size or baseline.
pub(super) fn has_word(text: &str) -> bool {
    text.chars().any(char::is_alphanumeric)
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
    /// Whether `size` and `base` come from a piece holding a letter or digit.
    main_word: bool,
    /// Baseline and size of the text at the right end: a tilted scan's line drifts, and
    /// each piece continues from its left neighbour.
    end_base: f32,
    end_size: f32,
    /// Whether the line starts with a drop cap (one capital letter, after any opening
    /// quotation marks, two to seven times the size of the text after it), and the size
    /// of the piece at its right end: gaps after a drop cap are measured against the
    /// text's type, or a column's line would run on into the next column's line on the
    /// same baseline.
    drop_cap: bool,
    last_size: f32,
    /// Sum and count of the word gaps inside, for telling a stretched justified space
    /// from a column gutter.
    gap_sum: f32,
    gap_n: u32,
    /// The narrowest and widest of those gaps: a justified line's are all alike.
    gap_min: f32,
    gap_max: f32,
    /// Whether all its pieces show nothing (zero-width spaces).
    blank: bool,
    /// The pieces that carry the line where they stand, each on the baseline of the
    /// text before it: a drifting line's words, not its scripts. (A tilted scan's line
    /// climbs half a size along its length, so its left end sits off `base`.)
    carriers: Vec<usize>,
}

impl Frag {
    fn new(i: usize, p: &Piece) -> Frag {
        Frag {
            dir: p.dir,
            pieces: {
                // Room for a line's pieces without regrowing the list from one.
                let mut pieces = Vec::with_capacity(8);
                pieces.push(i);
                pieces
            },
            x0: p.x0,
            x1: p.x1,
            base: p.y,
            size: p.size,
            main_word: has_word(&p.text),
            end_base: p.y,
            end_size: p.size,
            drop_cap: false,
            last_size: p.size,
            gap_sum: 0.0,
            gap_n: 0,
            gap_min: f32::INFINITY,
            gap_max: 0.0,
            blank: shows_nothing(&p.text),
            carriers: Vec::new(),
        }
    }

    /// The widest gap that still continues this line after `last` (its last piece): one
    /// em, more after a sentence's end, in proportion to the line's own word spaces.
    fn max_gap(&self, size: f32, last: &Piece) -> f32 {
        let base = MAX_LINE_GAP * size;
        if !ends_sentence(&last.text) {
            return base;
        }
        // A line's first word ending a sentence ("mauris." before a justified space of
        // 1.4 em) has no word gaps to measure against: TeX's widest sentence space holds.
        // A lone stop (a table of glyphs) gets less.
        let stretched = if self.gap_n > 0 {
            2.5 * self.gap_sum / self.gap_n as f32
        } else if last.text.chars().filter(|c| c.is_alphabetic()).count() >= 2 {
            MAX_SENTENCE_GAP * size
        } else {
            1.3 * size
        };
        stretched.clamp(base, MAX_SENTENCE_GAP * size)
    }

    /// Whether `p`, drawn next, continues this fragment (`body`: the page's body size).
    fn accepts(&self, p: &Piece, pieces: &[Piece], body: f32) -> bool {
        if p.dir != self.dir {
            return false;
        }
        // Scripts are measured from the line's baseline where it ends (a drifting line's
        // left end may be half a size away).
        let rel = relation(self.end_base, self.size, p.y, p.size, p.rise);
        let rel_rev = relation(p.y, p.size, self.end_base, self.size, 0.0);
        let follows = on_baseline(self.end_base, self.end_size, p.y, p.size);
        let raised_against_last = || {
            self.pieces
                .last()
                .and_then(|&k| pieces.get(k).map(|q| (k, q)))
                .is_some_and(|last| {
                    tight_after(last, p)
                        && tight_relation(self.end_base, self.size, p.y, p.size, p.rise)
                            == Relation::Super
                })
        };
        if rel == Relation::Apart
            && rel_rev == Relation::Apart
            && !follows
            && !raised_against_last()
        {
            return false;
        }
        let s = gap_type(self.gap_size(), p);
        let gap = p.x0 - self.x1;
        let Some(last) = self.pieces.last().and_then(|&i| pieces.get(i)) else {
            return false;
        };
        if gap < -0.5 * s {
            return self.holds_script(p, pieces);
        }
        // A script sits against its base or a word space after it. Text of the body's
        // size off a display line's baseline most of an em away is the next column's (a
        // 9.5-pt column beside a 17-pt heading across a narrow gutter, drawn after it).
        let script = matches!(rel, Relation::Sub | Relation::Super) && !follows;
        let body_beside_display = p.size > 0.88 * body && self.size >= 1.3 * body;
        if script && body_beside_display && gap > SCRIPT_GAP * s {
            return false;
        }
        gap <= self.max_gap(s, last)
    }

    /// Whether `p`, drawn back inside this fragment, is a script set against one of its
    /// pieces (a subscript drawn after its base's superscript, or after the rest of a
    /// formula's line): smaller than that piece, starting where it ends, and off its
    /// baseline. (A word of an OCR layer's neighbouring line drawn over this one is of
    /// the line's size, or starts over a word.)
    fn holds_script(&self, p: &Piece, pieces: &[Piece]) -> bool {
        let base_of = |q: &Piece| {
            is_script_size(q.size, p.size) && p.x0 >= q.x1 - 0.1 * q.size && shifted_from(q, p)
        };
        p.x1 <= self.x1 + MAX_MERGE_GAP * self.size
            && matches!(
                tight_relation(self.base, self.size, p.y, p.size, p.rise),
                Relation::Sub | Relation::Super
            )
            && self.pieces.iter().any(|&k| {
                pieces
                    .get(k)
                    .is_some_and(|q| q.x0 < p.x0 && tight_after((k, q), p) && base_of(q))
            })
    }

    /// The type size gaps after this fragment are measured against.
    fn gap_size(&self) -> f32 {
        if self.drop_cap {
            self.last_size
        } else {
            self.size
        }
    }

    fn push(&mut self, i: usize, p: &Piece, pieces: &[Piece]) {
        if self.pieces.len() == 1 {
            let first = pieces.get(self.pieces[0]);
            self.drop_cap = first.is_some_and(|f| {
                is_initial(f.text.trim())
                    && (0.15 * f.size..=0.5 * f.size).contains(&p.size)
                    && p.text.chars().any(char::is_alphanumeric)
                    && p.x0 >= f.x1 - 0.1 * f.size
            });
        }
        if p.x1 > self.x1 {
            self.last_size = p.size;
            let on_line = on_baseline(self.end_base, self.end_size, p.y, p.size)
                || relation(self.base, self.size, p.y, p.size, p.rise) == Relation::Same;
            if on_line && p.rise.abs() <= 0.15 * p.size {
                if self.pieces.len() == 1 {
                    // The first piece carries the line the second continues; room for
                    // as many as the list of pieces has.
                    self.carriers.reserve(self.pieces.capacity());
                    self.carriers.extend_from_slice(&self.pieces);
                }
                self.carriers.push(i);
                self.end_base = p.y;
                self.end_size = p.size;
            }
        }
        let gap = p.x0 - self.x1;
        if gap > WORD_GAP * p.size {
            self.gap_sum += gap;
            self.gap_n += 1;
            self.gap_min = self.gap_min.min(gap);
            self.gap_max = self.gap_max.max(gap);
        }
        self.pieces.push(i);
        self.blank &= shows_nothing(&p.text);
        self.x0 = self.x0.min(p.x0);
        self.x1 = self.x1.max(p.x1);
        let word = has_word(&p.text);
        if (p.size > self.size * 1.12 && (word || !self.main_word)) || (word && !self.main_word) {
            self.size = p.size;
            self.base = p.y;
            self.main_word = word;
            if p.x1 >= self.x1 {
                self.end_base = p.y;
                self.end_size = p.size;
            }
        }
    }
}

/// How many fragments holding visible text a piece may look back over for its line: a
/// formula's lines are drawn interleaved (a fraction's numerator, its denominator, then
/// the scripts of the line the fraction stands in).
const FRAG_WINDOW: usize = 4;

/// How many fragments showing nothing a piece looks back over besides: a generator that
/// sets a zero-width space between a formula's atoms leaves a fragment of each.
const BLANK_WINDOW: usize = 16;

fn build_frags(pieces: &[Piece], body: f32) -> Vec<Frag> {
    let mut frags: Vec<Frag> = Vec::new();
    for (i, p) in pieces.iter().enumerate() {
        let target = window(&frags).find(|&k| frags[k].accepts(p, pieces, body));
        match target {
            Some(k) => frags[k].push(i, p, pieces),
            None => frags.push(Frag::new(i, p)),
        }
    }
    frags
}

/// The fragments a new piece may continue, newest first: the last [`FRAG_WINDOW`] that
/// show text, and the blank ones among them, which do not count against the window (a
/// subscript drawn after three zero-width spaces still finds its base).
fn window(frags: &[Frag]) -> impl Iterator<Item = usize> + '_ {
    let (mut shown, mut blank) = (0, 0);
    (0..frags.len()).rev().take_while(move |&k| {
        if frags[k].blank {
            blank += 1;
            blank <= BLANK_WINDOW
        } else {
            shown += 1;
            shown <= FRAG_WINDOW
        }
    })
}

/// Whether a piece's text shows nothing: spaces and zero-width characters only.
fn shows_nothing(text: &str) -> bool {
    text.chars().all(|c| {
        c.is_whitespace() || matches!(c, '\u{200b}'..='\u{200d}' | '\u{2060}' | '\u{feff}')
    })
}

/// Whether a piece ends a sentence (or clause) after which justified text may put a
/// wider space.
fn ends_sentence(text: &str) -> bool {
    let t = text.trim_end_matches(['"', '\'', '\u{2019}', '\u{201d}', ')']);
    t.ends_with(['.', '!', '?', ':', ';'])
}

/// Whether two fragments hold the same text, compared without building either string
/// (this runs for every neighbour of every fragment).
fn same_text(a: &Frag, b: &Frag, pieces: &[Piece]) -> bool {
    fn chars<'a>(f: &'a Frag, pieces: &'a [Piece]) -> impl Iterator<Item = char> + 'a {
        f.pieces
            .iter()
            .filter_map(|&i| pieces.get(i))
            .flat_map(|p| p.text.chars())
    }
    chars(a, pieces).eq(chars(b, pieces))
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
///
/// Fragments on one baseline join first, scripts after. A small piece between two lines
/// (a patent's line number in the gutter, a marker half way down) may be a script of
/// both, but it joins one line only: two groups whose main text has about one size and
/// baselines too far apart to be one line never merge through it (their words would be
/// read interleaved). A line of body text is no script of a headline
/// ([`body_line_beside_words`]; `body` is the page's body size).
fn merge_frags(frags: Vec<Frag>, pieces: &[Piece], body: f32) -> Vec<Vec<usize>> {
    let mut order: Vec<usize> = (0..frags.len()).collect();
    order.sort_by(|&a, &b| {
        (frags[a].dir, frags[a].base)
            .partial_cmp(&(frags[b].dir, frags[b].base))
            .unwrap_or(std::cmp::Ordering::Equal)
    });
    let mut parent: Vec<usize> = (0..frags.len()).collect();
    // Each root's main fragment: its largest type.
    let mut anchor: Vec<usize> = (0..frags.len()).collect();
    for scripts in [false, true] {
        for (oi, &a) in order.iter().enumerate() {
            let fa = &frags[a];
            for &b in order.iter().skip(oi + 1).take(64) {
                let fb = &frags[b];
                if fb.dir != fa.dir || fb.base - fa.base > 0.8 * fa.size.max(fb.size) {
                    break;
                }
                let (ra, rb) = (root(&mut parent, a), root(&mut parent, b));
                if ra == rb {
                    // Already joined (through a third fragment): nothing to test. This
                    // also keeps text drawn a thousand times over itself from being
                    // compared a thousand times over.
                    continue;
                }
                if !joins(fa, fb, scripts, pieces, body) {
                    continue;
                }
                let (ma, mb) = (&frags[anchor[ra]], &frags[anchor[rb]]);
                if two_lines(ma, mb) {
                    continue;
                }
                parent[rb] = ra;
                if mb.size > ma.size {
                    anchor[ra] = anchor[rb];
                }
            }
        }
    }
    justified::join(&frags, &mut parent, &anchor, pieces);
    let mut groups: Vec<Vec<usize>> = vec![Vec::new(); frags.len()];
    for (i, frag) in frags.into_iter().enumerate() {
        let r = root(&mut parent, i);
        // A group's first fragment lends it its list (most lines are one fragment).
        if groups[r].is_empty() {
            groups[r] = frag.pieces;
        } else {
            groups[r].extend_from_slice(&frag.pieces);
        }
    }
    groups.retain(|g| !g.is_empty());
    groups
}

/// Whether two fragments drawn apart belong to one line: side by side on one baseline
/// (`scripts` false), or one a script beside or inside the other (`scripts` true) and no
/// line of body text (`body`: the page's body size).
fn joins(fa: &Frag, fb: &Frag, scripts: bool, pieces: &[Piece], body: f32) -> bool {
    let rel = if set_against(fa, fb, pieces) {
        tight_relation(fa.base, fa.size, fb.base, fb.size, 0.0)
    } else {
        relation(fa.base, fa.size, fb.base, fb.size, 0.0)
    };
    let rel_rev = relation(fb.base, fb.size, fa.base, fa.size, 0.0);
    let s = fa.size.max(fb.size);
    // Fragments drawn apart join only across a word space: gutters can be narrow, and
    // the stretched spaces of justified text were taken care of while following the
    // stream.
    let adjacent = |l: &Frag, r: &Frag| {
        // A fragment opening with a drop cap is as far from `l` as its first piece.
        let first = r.pieces.first().and_then(|&i| pieces.get(i));
        let s = match first {
            Some(p) if r.pieces.len() == 1 || r.drop_cap => gap_type(l.gap_size(), p),
            _ => l.gap_size().max(r.size),
        };
        let gap = r.x0 - l.x1;
        (-0.2 * s..=MAX_MERGE_GAP * s).contains(&gap)
    };
    // A script sits beside the text it belongs to; words set over the line's own words
    // belong to a neighbouring line (the lines of a tilted scan's OCR layer interleave).
    let inside = |outer: &Frag, inner: &Frag| {
        inner.x0 >= outer.x0 - 0.2 * s
            && inner.x1 <= outer.x1 + MAX_MERGE_GAP * s
            && !covers(outer, inner, pieces)
    };
    // The same text drawn twice over itself (fake bold, shadows).
    let overprint = |l: &Frag, r: &Frag| {
        let overlap = l.x1.min(r.x1) - l.x0.max(r.x0);
        overlap > 0.5 * (l.x1 - l.x0).min(r.x1 - r.x0) && same_text(l, r, pieces)
    };
    match (rel, rel_rev) {
        (Relation::Same, _) => {
            !scripts
                && (adjacent(fa, fb)
                    || adjacent(fb, fa)
                    || overprint(fa, fb)
                    || section_label::labels_title(fa, fb, pieces, body)
                    || section_label::labels_title(fb, fa, pieces, body))
        }
        (Relation::Super | Relation::Sub, _) => {
            scripts
                && !body_line_beside_words(fb, fa, body, pieces)
                && (adjacent(fa, fb) || adjacent(fb, fa) || inside(fa, fb))
        }
        (_, Relation::Super | Relation::Sub) => {
            scripts
                && !body_line_beside_words(fa, fb, body, pieces)
                && (adjacent(fa, fb) || adjacent(fb, fa) || inside(fb, fa))
        }
        _ => false,
    }
}

/// Whether `inner` starts set tight against a piece of `outer` before it, and shifted
/// from it (a subscript drawn after its base's superscript is a fragment of its own,
/// inside its base's line).
fn set_against(outer: &Frag, inner: &Frag, pieces: &[Piece]) -> bool {
    let Some(first) = inner
        .pieces
        .iter()
        .filter_map(|&i| pieces.get(i))
        .min_by(|a, b| a.x0.total_cmp(&b.x0))
    else {
        return false;
    };
    outer.pieces.iter().any(|&k| {
        pieces.get(k).is_some_and(|q| {
            q.x0 < first.x0 && tight_after((k, q), first) && shifted_from(q, first)
        })
    })
}

/// Whether a piece of `inner` lies over a piece on `outer`'s baseline (or one of its
/// main type carrying its drifting line) for more than a third of the narrower one's
/// width. (A fraction's denominator that started a fragment carries it until the line's
/// type arrives; it is no word of the line its numerator may not sit over.)
fn covers(outer: &Frag, inner: &Frag, pieces: &[Piece]) -> bool {
    let on_line = |k: usize, q: &Piece| {
        on_baseline(outer.base, outer.size, q.y, q.size)
            || on_baseline(outer.end_base, outer.end_size, q.y, q.size)
            || (outer.carriers.contains(&k) && q.size >= 0.8 * outer.size)
    };
    inner.pieces.iter().filter_map(|&i| pieces.get(i)).any(|p| {
        outer
            .pieces
            .iter()
            .filter_map(|&k| pieces.get(k).map(|q| (k, q)))
            .filter(|&(k, q)| on_line(k, q))
            .any(|(_, q)| {
                let overlap = p.x1.min(q.x1) - p.x0.max(q.x0);
                overlap > (p.x1 - p.x0).min(q.x1 - q.x0) / 3.0
            })
    })
}

/// Whether the main fragments of two groups are two lines: type of about one size, and
/// neither on the other's baseline nor a script of it.
fn two_lines(ma: &Frag, mb: &Frag) -> bool {
    let comparable = ma.size.min(mb.size) >= 0.8 * ma.size.max(mb.size);
    comparable
        && relation(ma.base, ma.size, mb.base, mb.size, 0.0) == Relation::Apart
        && relation(mb.base, mb.size, ma.base, ma.size, 0.0) == Relation::Apart
}

#[path = "justified.rs"]
mod justified;

#[cfg(test)]
#[path = "fragments_tests.rs"]
pub(super) mod tests;
