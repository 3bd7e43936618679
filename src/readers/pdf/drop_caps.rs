//! Drop caps: a paragraph's first letter set two to five lines tall, its top level with
//! the first line's, the lines it stands beside indented to its right.
//!
//! The line builder groups glyphs by baseline, so the letter lands on the line that
//! shares its baseline (the second or third beside it), or on a line of its own when it
//! shares none: the paragraph reads "n May 1998, …" and a line "I Minnesota court…" in
//! 32-pt type becomes a heading. This pass moves the letter to the start of the first
//! line beside it, joined to its word, in that line's type, and records each move in
//! the report.
//!
//! A letter is a drop cap only when the page shows it: one capital (after at most two
//! opening quotation marks) at least [`MIN_RATIO`] times the size of the lines it stands
//! beside, at their left, with two to [`MAX_LINES`] lines at one pitch starting just right
//! of it, the first of them near its top and the last near its baseline, and the text
//! going on under the letter (or the lines beside it being running prose). Digits are
//! never drop caps (a display figure, a section number), nor is a letter beside a
//! heading's larger type, nor one with lines beside it that do not start right of it.

use crate::report::{Action, ActionKind, Report};
use crate::source::{Line, Page, Script};

/// How many times the size of the text beside it a drop cap is set at least (a
/// two-line drop cap is about 2.7 times its lines' size; this leaves room for tight
/// leading and rounding).
const MIN_RATIO: f32 = 1.9;

/// The most lines a drop cap stands beside.
const MAX_LINES: usize = 6;

/// Type larger than this many times the page's body size is a heading's, not the text a
/// drop cap opens.
const MAX_BODY_RATIO: f32 = 1.35;

/// The most drop caps moved on one page.
const MAX_PER_PAGE: usize = 12;

/// Opening punctuation that may precede the letter in the drop cap's type.
const OPENING: &[char] = &['“', '‘', '"', '\'', '«', '„', '‚', '‹'];

/// A candidate letter: the leading spans of a line holding nothing but it.
#[derive(Debug, Clone)]
struct Letter {
    /// Index of its line on the page.
    line: usize,
    /// How many of the line's spans it takes.
    spans: usize,
    /// Its text without spaces ("I", "“T").
    text: String,
    x0: f32,
    x1: f32,
    base: f32,
    size: f32,
}

/// A line standing beside a letter.
#[derive(Debug, Clone, Copy)]
struct Beside {
    /// Index of its line on the page; the letter's own line for the text after it.
    line: usize,
    base: f32,
    x0: f32,
    x1: f32,
    size: f32,
    words: usize,
}

/// A drop cap found, with the lines it stands beside (top first).
#[derive(Debug)]
struct DropCap {
    letter: Letter,
    beside: Vec<Beside>,
    /// Whether the letter is a word of its own: a word space between it and the first
    /// line that the lines under it do not share.
    word_space: bool,
}

/// Moves each drop cap to the start of the first line it stands beside (see the module
/// docs), with a report entry for each.
pub(super) fn place(pages: &mut [Page], report: &mut Report) {
    for page in pages.iter_mut() {
        // One at a time: a move shifts the lines after it. Each move takes a letter
        // away, so this ends; the bound keeps a page of many letters cheap.
        for _ in 0..MAX_PER_PAGE {
            let Some(found) = find(&page.lines) else {
                break;
            };
            report.push(record(page.number, &page.lines, &found));
            move_letter(&mut page.lines, &found);
        }
    }
}

/// The first drop cap among one page's lines.
fn find(lines: &[Line]) -> Option<DropCap> {
    let mut letters = lines
        .iter()
        .enumerate()
        .filter_map(|(i, l)| letter_of(i, l))
        .peekable();
    letters.peek()?;
    let body = body_size(lines);
    // The page's lines by baseline, for finding those beside a letter without a pass
    // over the page per letter.
    let mut by_base: Vec<(f32, usize)> = lines
        .iter()
        .enumerate()
        .filter_map(|(i, l)| Some((l.baseline?, i)))
        .filter(|(b, _)| b.is_finite())
        .collect();
    by_base.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)));
    letters.find_map(|letter| drop_cap(lines, &by_base, letter, body))
}

/// The letter a line opens with, when the line holds a capital in large type (after
/// opening quotation marks in that type) and, after it, only type at most half its size.
fn letter_of(index: usize, line: &Line) -> Option<Letter> {
    let base = line.baseline?;
    let visible = |s: &&crate::source::Span| !s.text.trim().is_empty();
    // Most lines open with no capital or quotation mark: nothing to build for them.
    let opens = line
        .spans
        .iter()
        .find(visible)
        .and_then(|s| s.text.trim_start().chars().next())
        .is_some_and(|c| OPENING.contains(&c) || (c.is_alphabetic() && c.is_uppercase()));
    if !opens {
        return None;
    }
    let mut text = String::new();
    let mut taken = 0;
    let mut size = 0.0f32;
    let (mut x0, mut x1) = (f32::MAX, f32::MIN);
    for span in &line.spans {
        taken += 1;
        if !visible(&span) {
            continue;
        }
        if span.style.script != Script::Normal {
            return None;
        }
        let bbox = span.bbox?;
        x0 = x0.min(bbox.x0);
        x1 = x1.max(bbox.x1);
        for c in span.text.chars().filter(|c| !c.is_whitespace()) {
            // An initial is at most two opening marks and a letter: a line whose opening
            // span holds more is no drop cap, and its text is not copied on.
            if text.chars().nth(INITIAL_CHARS - 1).is_some() {
                return None;
            }
            text.push(c);
        }
        if span.text.chars().any(char::is_alphanumeric) {
            size = span.style.size?;
            break;
        }
        if taken >= 3 {
            return None;
        }
    }
    if !is_initial(&text) || size <= 0.0 {
        return None;
    }
    // The opening marks are set in the letter's type, not the text's.
    let marks_large = line.spans[..taken]
        .iter()
        .filter(visible)
        .all(|s| s.style.size.is_some_and(|z| z >= 0.5 * size));
    let rest_small = line.spans[taken..]
        .iter()
        .filter(visible)
        .all(|s| s.style.size.is_some_and(|z| z * MIN_RATIO <= size));
    (marks_large && rest_small).then_some(Letter {
        line: index,
        spans: taken,
        text,
        x0,
        x1,
        base,
        size,
    })
}

/// The most characters an initial has: two opening marks and the letter.
const INITIAL_CHARS: usize = 3;

/// Whether `text` is one capital letter after at most two opening quotation marks (the
/// line builder asks this too).
pub(super) fn is_initial(text: &str) -> bool {
    let rest = text.trim_start_matches(OPENING);
    if text.chars().count() - rest.chars().count() > 2 {
        return false;
    }
    let mut chars = rest.chars();
    chars
        .next()
        .is_some_and(|c| c.is_alphabetic() && c.is_uppercase())
        && chars.next().is_none()
}

/// The page's body type: the size (to the half point) most of its characters are set in.
fn body_size(lines: &[Line]) -> f32 {
    let mut counts: Vec<(i32, usize)> = Vec::new();
    for span in lines.iter().flat_map(|l| &l.spans) {
        let Some(size) = span.style.size else {
            continue;
        };
        if span.style.script != Script::Normal {
            continue;
        }
        let n = span.text.chars().filter(|c| c.is_alphanumeric()).count();
        let key = (2.0 * size).round() as i32;
        match counts.iter_mut().find(|c| c.0 == key) {
            Some(c) => c.1 += n,
            None => counts.push((key, n)),
        }
    }
    counts
        .into_iter()
        .max_by_key(|&(key, n)| (n, key))
        .map_or(0.0, |(key, _)| key as f32 / 2.0)
}

/// The line `letter`'s text continues on (the text after the letter on its own line,
/// or the line itself): where it starts, its size and words.
fn rest_of(lines: &[Line], letter: &Letter) -> Option<Beside> {
    let line = &lines[letter.line];
    let rest: Vec<_> = line.spans[letter.spans..]
        .iter()
        .filter(|s| !s.text.trim().is_empty())
        .collect();
    let first = rest.first()?;
    let x0 = first.bbox?.x0;
    let x1 = rest
        .iter()
        .filter_map(|s| s.bbox)
        .map(|b| b.x1)
        .fold(x0, f32::max);
    let size = rest
        .iter()
        .filter(|s| s.style.script == Script::Normal)
        .filter_map(|s| s.style.size)
        .fold(0.0, f32::max);
    let words = rest.iter().map(|s| s.text.split_whitespace().count()).sum();
    Some(Beside {
        line: letter.line,
        base: letter.base,
        x0,
        x1,
        size,
        words,
    })
}

/// Whether `letter` is a drop cap, and the lines it stands beside (see the module docs).
fn drop_cap(
    lines: &[Line],
    by_base: &[(f32, usize)],
    letter: Letter,
    body: f32,
) -> Option<DropCap> {
    let big = letter.size;
    // Lines starting just right of the letter, with baselines between its top and its
    // baseline, in type a drop cap may open.
    let starts_beside =
        |x0: f32, size: f32| (letter.x1 - 0.15 * big..=letter.x1 + 3.0 * size).contains(&x0);
    let text_size =
        |size: f32| size > 0.0 && size * MIN_RATIO <= big && size <= MAX_BODY_RATIO * body;
    let rest = rest_of(lines, &letter);
    if let Some(r) = rest
        && !(starts_beside(r.x0, r.size) && text_size(r.size))
    {
        // Text after the letter on its own baseline that does not start right of it:
        // the letter stands in a line of other text (a chart, a formula).
        return None;
    }
    // Text beside the letter is at most 1/MIN_RATIO its size: only baselines in this
    // window can qualify.
    let (low, high) = (
        letter.base - 0.95 * big,
        letter.base + 0.7 * big / MIN_RATIO,
    );
    let from = by_base.partition_point(|&(b, _)| b < low);
    let to = by_base.partition_point(|&(b, _)| b <= high);
    let mut beside: Vec<Beside> = by_base[from..to.max(from)]
        .iter()
        .filter(|&&(_, i)| i != letter.line)
        .filter_map(|&(base, i)| {
            let l = &lines[i];
            let bbox = l.bbox?;
            let size = l.font_size()?;
            let within = (letter.base - 0.95 * big..=letter.base + 0.7 * size).contains(&base);
            (within && text_size(size) && starts_beside(bbox.x0, size)).then(|| Beside {
                line: i,
                base,
                x0: bbox.x0,
                x1: bbox.x1,
                size,
                words: l.text().split_whitespace().count(),
            })
        })
        .chain(rest)
        .collect();
    beside.sort_by(|a, b| a.base.total_cmp(&b.base));
    let top = *beside.first()?;
    let size = top.size;
    beside.retain(|b| (0.85 * size..=1.18 * size).contains(&b.size));
    if !(2..=MAX_LINES).contains(&beside.len()) {
        return None;
    }
    // The letter's top is level with the first line's: the rise from the letter's
    // baseline to the first line's is the difference of their cap heights (0.45 to
    // 0.95 of the sizes' difference, over typefaces).
    let rise = letter.base - top.base;
    if !(0.45 * (big - size)..=0.95 * (big - size)).contains(&rise) {
        return None;
    }
    // One pitch, no line missing, the last line near the letter's baseline.
    let steps: Vec<f32> = beside.windows(2).map(|w| w[1].base - w[0].base).collect();
    let pitch = steps.iter().copied().fold(f32::MAX, f32::min);
    if pitch < 0.8 * size || pitch > 2.5 * size || steps.iter().any(|&d| d > 1.4 * pitch) {
        return None;
    }
    let last = beside[beside.len() - 1];
    if (last.base - letter.base).abs() > 0.6 * pitch {
        return None;
    }
    let first_starts_word = lines[top.line]
        .text()
        .trim_start()
        .starts_with(char::is_alphabetic);
    if !first_starts_word {
        return None;
    }
    // The paragraph goes on under the letter, or the lines beside it are running prose
    // (not a chart's labels or a legend beside a large letter).
    let wraps_under = lines.iter().enumerate().any(|(i, l)| {
        i != letter.line
            && l.baseline.is_some_and(|b| {
                (letter.base + 0.5 * pitch..=letter.base + 1.7 * pitch).contains(&b)
            })
            && l.bbox
                .is_some_and(|r| (letter.x0 - 1.5 * size..=letter.x0 + 0.6 * size).contains(&r.x0))
            && l.font_size()
                .is_some_and(|z| (0.85 * size..=1.18 * size).contains(&z))
    });
    let prose = beside[..beside.len() - 1]
        .iter()
        .all(|b| b.words >= 3 && b.x1 - b.x0 >= 8.0 * size);
    if !wraps_under && !prose {
        return None;
    }
    let gap = top.x0 - letter.x1;
    let same_indent = beside[1..]
        .iter()
        .all(|b| (b.x0 - top.x0).abs() <= 0.15 * size);
    let word_space = gap >= 0.25 * size && !same_indent;
    Some(DropCap {
        letter,
        beside,
        word_space,
    })
}

/// The report entry for a drop cap, before the move.
fn record(page: usize, lines: &[Line], cap: &DropCap) -> Action {
    let letter = &cap.letter;
    let top = cap.beside[0];
    let first = lines[top.line].text();
    let first = first.trim();
    let joined = if cap.word_space {
        format!("{} {first}", letter.text)
    } else {
        format!("{}{first}", letter.text)
    };
    let how = if cap.word_space {
        "a word of its own (a word space after it that the lines under it do not share)"
    } else {
        "joined to the first word"
    };
    Action::new(ActionKind::DropCap)
        .page(page)
        .lines([lines[letter.line].source_line, lines[top.line].source_line])
        .before(format!("{} | {first}", letter.text))
        .after(joined)
        .evidence(format!(
            "a drop cap: {} set {:.1} pt, its top level with the first of the {} lines of \
             {:.1} pt text starting just right of it, its baseline on the last; moved to the \
             start of the first line, {how}",
            letter.text,
            letter.size,
            cap.beside.len(),
            top.size,
        ))
        .confidence(0.9)
}

/// Moves the letter to the start of the first line beside it, in that line's type, and
/// out of its own line (which goes when nothing else is left on it). The letter's own
/// line, drawn before the lines above it, is read after them.
fn move_letter(lines: &mut Vec<Line>, cap: &DropCap) {
    let letter = &cap.letter;
    let first = cap.beside[0].line;
    let Some(span) = lines[first]
        .spans
        .iter_mut()
        .find(|s| !s.text.trim().is_empty())
    else {
        return;
    };
    let sep = if cap.word_space { " " } else { "" };
    let start = span.text.trim_start().to_string();
    span.text = format!("{}{sep}{start}", letter.text);
    if let Some(b) = span.bbox.as_mut() {
        b.x0 = b.x0.min(letter.x0);
    }
    if let Some(b) = lines[first].bbox.as_mut() {
        b.x0 = b.x0.min(letter.x0);
    }
    let own = &mut lines[letter.line];
    own.spans.drain(..letter.spans);
    if let Some(s) = own.spans.iter_mut().find(|s| !s.text.trim().is_empty()) {
        s.text = s.text.trim_start().to_string();
    }
    let bbox = own
        .spans
        .iter()
        .filter(|s| !s.text.trim().is_empty())
        .filter_map(|s| s.bbox)
        .reduce(|a, b| a.union(&b));
    if bbox.is_none() {
        lines.remove(letter.line);
        return;
    }
    own.bbox = bbox;
    // The letter's line holds the last line beside it: read it after the others.
    let after = cap
        .beside
        .iter()
        .filter(|b| b.line != letter.line)
        .map(|b| b.line)
        .max();
    if let Some(after) = after
        && after > letter.line
    {
        let line = lines.remove(letter.line);
        lines.insert(after, line);
    }
}

#[cfg(test)]
#[path = "drop_caps_tests.rs"]
mod tests;
