//! Rich text: a `String` whose styled runs are delimited by sentinel characters.
//!
//! Cleaning and structure passes are mostly text heuristics (regular expressions, word
//! tests). Keeping style inside the string — bold, italic, raised and lowered runs, resolved
//! footnote references — lets those heuristics run on one `&str` without losing the style,
//! whichever reader produced the line. The sentinels are noncharacters-adjacent code points
//! from Supplementary Private Use Area-B (U+10FFF0…), which no real text uses; readers strip
//! them from input so they can never be forged.

use crate::model::{FootnoteId, Inline};

/// Start of a bold run.
pub const BOLD_ON: char = '\u{10FFF0}';
/// End of a bold run.
pub const BOLD_OFF: char = '\u{10FFF1}';
/// Start of an italic run.
pub const ITALIC_ON: char = '\u{10FFF2}';
/// End of an italic run.
pub const ITALIC_OFF: char = '\u{10FFF3}';
/// Start of a raised run (a footnote marker candidate, or a real superscript).
pub const SUP_ON: char = '\u{10FFF4}';
/// End of a raised run.
pub const SUP_OFF: char = '\u{10FFF5}';
/// Start of a lowered run.
pub const SUB_ON: char = '\u{10FFF6}';
/// End of a lowered run.
pub const SUB_OFF: char = '\u{10FFF7}';
/// Start of a resolved footnote reference; the footnote's index follows in ASCII digits.
pub const REF_ON: char = '\u{10FFF8}';
/// End of a resolved footnote reference.
pub const REF_OFF: char = '\u{10FFF9}';

mod scripts;
pub use scripts::{plain_scripted, plain_without_scripts, plain_without_scripts_cow};

/// Whether `c` is one of the style sentinels.
pub fn is_sentinel(c: char) -> bool {
    ('\u{10FFF0}'..='\u{10FFF9}').contains(&c)
}

/// Whether `s` may hold a sentinel: a byte scan for the lead byte of U+100000…U+10FFFF,
/// the plane they are in. Most lines hold none, and copying them whole is several times
/// faster than the character-by-character filter (these two functions are the hottest of
/// the structure passes). Lines are short, so the scan tests sixteen bytes at a time
/// without a branch per byte, which the compiler turns into vector compares; searches
/// that stop at the first hit (`memchr`, the slice's own) cost more in setting up than a
/// line takes to scan.
fn has_sentinel(s: &str) -> bool {
    let lead = |bytes: &[u8]| bytes.iter().fold(false, |hit, &b| hit | (b == 0xF4));
    let bytes = s.as_bytes();
    if bytes.len() < 16 {
        return lead(bytes);
    }
    // The last sixteen bytes stand in for the remainder the blocks leave.
    bytes.chunks_exact(16).any(lead) || lead(&bytes[bytes.len() - 16..])
}

/// Whether `c` is a Unicode noncharacter (U+FDD0…U+FDEF, and the last two code points of
/// every plane, U+FFFE, U+FFFF, U+1FFFE…): reserved for a program's internal use, they carry
/// no text, and YAML and XML refuse some of them.
pub fn is_noncharacter(c: char) -> bool {
    ('\u{FDD0}'..='\u{FDEF}').contains(&c) || (c as u32) & 0xFFFE == 0xFFFE
}

/// Removes sentinel characters that arrived in the input, so they cannot be forged.
pub fn strip_forged(s: &str) -> std::borrow::Cow<'_, str> {
    if s.chars().any(is_sentinel) {
        std::borrow::Cow::Owned(s.chars().filter(|&c| !is_sentinel(c)).collect())
    } else {
        std::borrow::Cow::Borrowed(s)
    }
}

/// The text without style: sentinels removed, raised runs kept as their characters,
/// references dropped.
pub fn plain(s: &str) -> String {
    plain_cow(s).into_owned()
}

/// [`plain`], borrowing `s` when it holds no sentinel (most lines): for passes that read
/// every line and keep nothing.
pub fn plain_cow(s: &str) -> std::borrow::Cow<'_, str> {
    if !has_sentinel(s) {
        return std::borrow::Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len());
    for_each_plain_piece(s, |piece| match piece {
        Piece::Text(t) => out.push_str(t),
        Piece::Char(c) => out.push(c),
    });
    std::borrow::Cow::Owned(out)
}

/// The number of characters of [`plain`]`(s)`, counted without building it: for passes
/// that weigh every line by its length.
pub fn plain_char_count(s: &str) -> usize {
    if !has_sentinel(s) {
        return s.chars().count();
    }
    let mut n = 0;
    for_each_plain_piece(s, |piece| match piece {
        Piece::Text(t) => n += t.chars().count(),
        Piece::Char(_) => n += 1,
    });
    n
}

/// Calls `f` with the pieces of `s` that [`plain`] keeps: sentinels and references dropped.
fn for_each_plain_piece<'a>(s: &'a str, mut f: impl FnMut(Piece<'a>)) {
    let mut in_ref = false;
    for_each_piece(s, |piece| match piece {
        Piece::Char(REF_ON) => in_ref = true,
        Piece::Char(REF_OFF) => in_ref = false,
        Piece::Char(c) if is_sentinel(c) => {}
        _ if in_ref => {}
        piece => f(piece),
    });
}

/// A stretch of rich text between characters of the sentinels' plane, or one such
/// character (a sentinel or another character of plane 16).
enum Piece<'a> {
    Text(&'a str),
    Char(char),
}

/// Calls `f` with the pieces of `s` in order: stretches copied whole, and each character
/// whose UTF-8 form opens with the byte 0xF4 (every sentinel; that byte opens nothing
/// else) on its own.
fn for_each_piece<'a>(s: &'a str, mut f: impl FnMut(Piece<'a>)) {
    let mut rest = s;
    while let Some(at) = memchr::memchr(0xF4, rest.as_bytes()) {
        if at > 0 {
            f(Piece::Text(&rest[..at]));
        }
        let Some(c) = rest[at..].chars().next() else {
            return;
        };
        f(Piece::Char(c));
        rest = &rest[at + c.len_utf8()..];
    }
    if !rest.is_empty() {
        f(Piece::Text(rest));
    }
}

/// The inside of each raised run in rich text, in order.
pub fn raised(text: &str) -> impl Iterator<Item = &str> {
    text.split(SUP_ON)
        .skip(1)
        .filter_map(|rest| rest.split(SUP_OFF).next())
}

/// Wraps `s` in a raised run.
pub fn sup(s: &str) -> String {
    format!("{SUP_ON}{s}{SUP_OFF}")
}

/// Wraps `s` in a bold run.
pub fn bold(s: &str) -> String {
    format!("{BOLD_ON}{s}{BOLD_OFF}")
}

/// A resolved reference to footnote `id`.
pub fn reference(id: FootnoteId) -> String {
    format!("{REF_ON}{}{REF_OFF}", id.0)
}

/// Splits rich text after `n` visible characters (as [`plain`] counts them), closing the
/// runs still open at the cut on the left and reopening them on the right, so that both
/// halves are well formed.
pub fn split_visible(s: &str, n: usize) -> (String, String) {
    let (mut left, mut right) = (String::new(), String::new());
    let mut open: Vec<char> = Vec::new();
    let (mut seen, mut in_ref, mut cut) = (0usize, false, false);
    for c in s.chars() {
        if cut {
            right.push(c);
            continue;
        }
        match c {
            REF_ON => in_ref = true,
            REF_OFF => in_ref = false,
            BOLD_ON | ITALIC_ON | SUP_ON | SUB_ON => open.push(c),
            BOLD_OFF | ITALIC_OFF | SUP_OFF | SUB_OFF => {
                if let Some(at) = open.iter().rposition(|&o| closer(o) == c) {
                    open.remove(at);
                }
            }
            _ if !in_ref => {
                if seen == n {
                    cut = true;
                    for &o in open.iter().rev() {
                        left.push(closer(o));
                    }
                    right.extend(open.iter());
                    right.push(c);
                    continue;
                }
                seen += 1;
            }
            _ => {}
        }
        left.push(c);
    }
    (tidy(&left), tidy(&right))
}

fn closer(open: char) -> char {
    match open {
        BOLD_ON => BOLD_OFF,
        ITALIC_ON => ITALIC_OFF,
        SUP_ON => SUP_OFF,
        _ => SUB_OFF,
    }
}

/// Whether two sentinels side by side cancel out: an opening and its closing, either order.
fn cancels(a: char, b: char) -> bool {
    matches!(
        (a, b),
        (BOLD_ON, BOLD_OFF)
            | (BOLD_OFF, BOLD_ON)
            | (ITALIC_ON, ITALIC_OFF)
            | (ITALIC_OFF, ITALIC_ON)
            | (SUP_ON, SUP_OFF)
            | (SUP_OFF, SUP_ON)
            | (SUB_ON, SUB_OFF)
            | (SUB_OFF, SUB_ON)
    )
}

/// [`tidy`] of an owned text, handed back as it is when it holds no sentinel.
pub fn tidy_owned(s: String) -> String {
    if has_sentinel(&s) { tidy(&s) } else { s }
}

/// Removes empty style runs and merges a run that closes and immediately reopens.
pub fn tidy(s: &str) -> String {
    if !has_sentinel(s) {
        return s.to_string();
    }
    // An opening and its closing sentinel side by side (either order) cancel out; repeat
    // until nothing cancels (removing one pair can bring another together).
    // Bold or italic closed and opened again across a space ("*found* *after*", two lines
    // of one italic paragraph joined) is one run; raised text is not merged, since two
    // markers side by side are two notes.
    let rejoin = |a: char, b: char| matches!((a, b), (BOLD_OFF, BOLD_ON) | (ITALIC_OFF, ITALIC_ON));
    // Built in place: only the last two characters are ever looked at or removed, and
    // only when a sentinel comes (text between sentinels is copied whole).
    let mut out = String::with_capacity(s.len());
    for_each_piece(s, |piece| match piece {
        Piece::Text(t) => out.push_str(t),
        Piece::Char(c) => {
            let mut back = out.chars().rev();
            match (back.next(), back.next()) {
                (Some(prev), _) if cancels(prev, c) => {
                    out.pop();
                }
                (Some(' '), Some(prev)) if rejoin(prev, c) => {
                    let at = out.len() - 1 - prev.len_utf8();
                    out.remove(at);
                }
                _ => out.push(c),
            }
        }
    });
    out
}

/// Whether the whole visible text of `s` is bold.
pub fn all_bold(s: &str) -> bool {
    let mut bold = false;
    let mut any = false;
    for c in s.chars() {
        match c {
            BOLD_ON => bold = true,
            BOLD_OFF => bold = false,
            c if is_sentinel(c) => {}
            c if c.is_whitespace() => {}
            _ => {
                if !bold {
                    return false;
                }
                any = true;
            }
        }
    }
    any
}

/// Converts rich text into inline content. Raised and lowered runs that are still present
/// (not turned into references) become superscript and subscript.
pub fn to_inlines(s: &str) -> Vec<Inline> {
    // A small stack machine: each open style pushes a frame collecting its children.
    enum Frame {
        Root,
        Bold,
        Italic,
        Sup,
        Sub,
    }
    let mut stack: Vec<(Frame, Vec<Inline>)> = vec![(Frame::Root, Vec::new())];
    let mut text = String::new();
    let mut reference: Option<String> = None;

    fn flush(text: &mut String, stack: &mut [(Frame, Vec<Inline>)]) {
        if !text.is_empty()
            && let Some((_, children)) = stack.last_mut()
        {
            children.push(Inline::Text(std::mem::take(text)));
        }
    }
    fn close(stack: &mut Vec<(Frame, Vec<Inline>)>, want: fn(&Frame) -> bool) {
        // Close frames up to and including the wanted one; ignore a stray closer.
        if !stack.iter().skip(1).any(|(f, _)| want(f)) {
            return;
        }
        while stack.len() > 1 {
            let Some((frame, children)) = stack.pop() else {
                break;
            };
            let done = want(&frame);
            let inline = match frame {
                Frame::Bold => Inline::Strong(children),
                Frame::Italic => Inline::Emphasis(children),
                Frame::Sup => Inline::Superscript(children),
                Frame::Sub => Inline::Subscript(children),
                Frame::Root => unreachable!("root is never popped"),
            };
            if let Some((_, parent)) = stack.last_mut() {
                parent.push(inline);
            }
            if done {
                break;
            }
        }
    }

    /// One character of the rich text: a sentinel opens or closes a run or a reference,
    /// anything else is text (or a reference's digit).
    fn step(
        c: char,
        stack: &mut Vec<(Frame, Vec<Inline>)>,
        text: &mut String,
        reference: &mut Option<String>,
    ) {
        if let Some(r) = reference.as_mut() {
            if c == REF_OFF {
                if let Ok(n) = r.parse::<usize>()
                    && let Some((_, children)) = stack.last_mut()
                {
                    children.push(Inline::FootnoteRef(FootnoteId(n)));
                }
                *reference = None;
            } else if c.is_ascii_digit() {
                r.push(c);
            }
            return;
        }
        match c {
            REF_ON => {
                flush(text, stack);
                *reference = Some(String::new());
            }
            BOLD_ON | ITALIC_ON | SUP_ON | SUB_ON => {
                flush(text, stack);
                let frame = match c {
                    BOLD_ON => Frame::Bold,
                    ITALIC_ON => Frame::Italic,
                    SUP_ON => Frame::Sup,
                    _ => Frame::Sub,
                };
                stack.push((frame, Vec::new()));
            }
            BOLD_OFF => {
                flush(text, stack);
                close(stack, |f| matches!(f, Frame::Bold));
            }
            ITALIC_OFF => {
                flush(text, stack);
                close(stack, |f| matches!(f, Frame::Italic));
            }
            SUP_OFF => {
                flush(text, stack);
                close(stack, |f| matches!(f, Frame::Sup));
            }
            SUB_OFF => {
                flush(text, stack);
                close(stack, |f| matches!(f, Frame::Sub));
            }
            c if is_sentinel(c) => {}
            c => text.push(c),
        }
    }

    // Text between sentinels (all in plane 16, whose UTF-8 opens with 0xF4) is copied a
    // stretch at a time; sentinels and a reference's digits go through `step`.
    for_each_piece(s, |piece| match piece {
        Piece::Text(t) if reference.is_none() => text.push_str(t),
        Piece::Text(t) => {
            for c in t.chars() {
                step(c, &mut stack, &mut text, &mut reference);
            }
        }
        Piece::Char(c) => step(c, &mut stack, &mut text, &mut reference),
    });
    flush(&mut text, &mut stack);
    // Unclosed runs end with the text.
    while stack.len() > 1 {
        close(&mut stack, |_| true);
    }
    let mut root = stack.pop().map(|(_, c)| c).unwrap_or_default();
    drop_empty(&mut root);
    root
}

/// Drops empty runs and merges adjacent text.
fn drop_empty(inlines: &mut Vec<Inline>) {
    inlines.retain_mut(|i| match i {
        Inline::Text(t) => !t.is_empty(),
        Inline::Strong(c) | Inline::Emphasis(c) | Inline::Superscript(c) | Inline::Subscript(c) => {
            drop_empty(c);
            !c.is_empty()
        }
        _ => true,
    });
    // Most runs have no two texts side by side: they stay as they are.
    if !inlines
        .windows(2)
        .any(|w| matches!(w, [Inline::Text(_), Inline::Text(_)]))
    {
        return;
    }
    let mut merged: Vec<Inline> = Vec::with_capacity(inlines.len());
    for inline in inlines.drain(..) {
        match (merged.last_mut(), inline) {
            (Some(Inline::Text(a)), Inline::Text(b)) => a.push_str(&b),
            (_, inline) => merged.push(inline),
        }
    }
    *inlines = merged;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tidy_rejoins_bold_and_italic_runs_across_a_space_but_not_raised_markers() {
        let two_lines = format!("{ITALIC_ON}found{ITALIC_OFF} {ITALIC_ON}after{ITALIC_OFF}");
        assert_eq!(
            tidy(&two_lines),
            format!("{ITALIC_ON}found after{ITALIC_OFF}")
        );
        let bold = format!("{BOLD_ON}Key{BOLD_OFF} {BOLD_ON}points{BOLD_OFF}");
        assert_eq!(tidy(&bold), format!("{BOLD_ON}Key points{BOLD_OFF}"));
        let markers = format!("text{SUP_ON}1{SUP_OFF} {SUP_ON}2{SUP_OFF}");
        assert_eq!(tidy(&markers), markers);
        let mixed = format!("{ITALIC_ON}a{ITALIC_OFF} {BOLD_ON}b{BOLD_OFF}");
        assert_eq!(tidy(&mixed), mixed);
    }

    /// The copy taken for text without sentinels gives what the filter gives: other
    /// characters of the sentinels' plane (same lead byte) and of other planes are kept.
    #[test]
    fn plain_copies_text_without_sentinels_unchanged() {
        for t in ["", "plain ASCII", "é – 𝔸 \u{100000} \u{10FFEF}"] {
            assert_eq!(plain(t), t);
            assert_eq!(plain_without_scripts(t), t);
        }
        let styled = format!("a{BOLD_ON}b{BOLD_OFF}{SUP_ON}2{SUP_OFF}{REF_ON}7{REF_OFF}\u{100000}");
        assert_eq!(plain(&styled), "ab2\u{100000}");
        assert_eq!(plain_without_scripts(&styled), "ab\u{100000}");
    }

    /// The forms as first written, character by character, to check the above against.
    fn plain_by_chars(s: &str) -> String {
        let mut out = String::new();
        let mut in_ref = false;
        for c in s.chars() {
            match c {
                REF_ON => in_ref = true,
                REF_OFF => in_ref = false,
                c if is_sentinel(c) => {}
                c if !in_ref => out.push(c),
                _ => {}
            }
        }
        out
    }

    fn without_scripts_by_chars(s: &str) -> String {
        let mut out = String::new();
        let mut depth = 0usize;
        for c in s.chars() {
            match c {
                SUP_ON | SUB_ON | REF_ON => depth += 1,
                SUP_OFF | SUB_OFF | REF_OFF => depth = depth.saturating_sub(1),
                c if is_sentinel(c) => {}
                c if depth == 0 => out.push(c),
                _ => {}
            }
        }
        out
    }

    fn tidy_by_chars(s: &str) -> String {
        let rejoin =
            |a: char, b: char| matches!((a, b), (BOLD_OFF, BOLD_ON) | (ITALIC_OFF, ITALIC_ON));
        let mut out: Vec<char> = Vec::new();
        for c in s.chars() {
            match out.as_slice() {
                [.., prev] if cancels(*prev, c) => {
                    out.pop();
                }
                [.., prev, ' '] if rejoin(*prev, c) => {
                    let at = out.len() - 2;
                    out.remove(at);
                }
                _ => out.push(c),
            }
        }
        out.into_iter().collect()
    }

    #[test]
    fn plain_and_tidy_by_pieces_match_the_character_forms() {
        let sentinels: Vec<String> = ('\u{10FFF0}'..='\u{10FFF9}').map(String::from).collect();
        let mut pieces: Vec<&str> = sentinels.iter().map(String::as_str).collect();
        pieces.extend([
            "a",
            " ",
            "é",
            "12",
            "\u{100000}",
            "\u{10FFEF}",
            "\u{10FFFA}",
            "𝔸",
            "x y",
        ]);
        let texts = crate::test_phrases::phrases(&pieces, 60_000);
        for t in &texts {
            assert_eq!(plain(t), plain_by_chars(t), "{t:?}");
            assert_eq!(
                plain_char_count(t),
                plain_by_chars(t).chars().count(),
                "{t:?}"
            );
            assert_eq!(
                plain_without_scripts(t),
                without_scripts_by_chars(t),
                "{t:?}"
            );
            assert_eq!(tidy(t), tidy_by_chars(t), "{t:?}");
        }
    }

    #[test]
    fn plain_forms() {
        let s = format!(
            "{}Lead:{} text{}{}",
            BOLD_ON,
            BOLD_OFF,
            sup("4"),
            reference(FootnoteId(2))
        );
        assert_eq!(plain(&s), "Lead: text4");
        assert_eq!(plain_without_scripts(&s), "Lead: text");
        assert!(!all_bold(&s));
        assert!(all_bold(&bold(" Title ")));
    }

    #[test]
    fn inlines_nest_and_resolve_references() {
        let s = format!(
            "{}a {}b{}{} c{}{}",
            BOLD_ON,
            ITALIC_ON,
            ITALIC_OFF,
            BOLD_OFF,
            reference(FootnoteId(12)),
            sup("st")
        );
        assert_eq!(
            to_inlines(&s),
            vec![
                Inline::Strong(vec![
                    Inline::text("a "),
                    Inline::Emphasis(vec![Inline::text("b")])
                ]),
                Inline::text(" c"),
                Inline::FootnoteRef(FootnoteId(12)),
                Inline::Superscript(vec![Inline::text("st")]),
            ]
        );
    }

    #[test]
    fn unbalanced_runs_do_not_lose_text() {
        let s = format!("x{}y{} z{}", BOLD_ON, SUP_OFF, ITALIC_OFF);
        assert_eq!(
            to_inlines(&s),
            vec![Inline::text("x"), Inline::Strong(vec![Inline::text("y z")])]
        );
        assert_eq!(
            tidy(&format!(
                "a{BOLD_ON}{BOLD_OFF}b{BOLD_ON}c{BOLD_OFF}{BOLD_ON}d{BOLD_OFF}"
            )),
            format!("ab{BOLD_ON}cd{BOLD_OFF}")
        );
        assert_eq!(strip_forged(&format!("a{REF_ON}1{REF_OFF}")), "a1");
    }

    #[test]
    fn split_visible_keeps_both_halves_well_formed() {
        let s = format!("a {BOLD_ON}bold words{BOLD_OFF} V{SUB_ON}dl{SUB_OFF}");
        let (l, r) = split_visible(&s, 7);
        assert_eq!(plain(&l), "a bold ");
        assert_eq!(plain(&r), "words Vdl");
        assert_eq!(l, format!("a {BOLD_ON}bold {BOLD_OFF}"));
        assert_eq!(r, format!("{BOLD_ON}words{BOLD_OFF} V{SUB_ON}dl{SUB_OFF}"));
        let (l, r) = split_visible("abc", 5);
        assert_eq!((l.as_str(), r.as_str()), ("abc", ""));
    }
}
