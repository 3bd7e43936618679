//! Right-to-left lines: glyphs are drawn in visual order, text is read in logical order.

use std::borrow::Cow;

use super::pieces::Piece;
use crate::words::is_rtl_char;

/// Whether most letters of a line are right-to-left.
pub(super) fn is_rtl_line<'a>(texts: impl Iterator<Item = &'a str> + Clone) -> bool {
    // Every right-to-left character is at U+0590 or above, so its UTF-8 form opens with a
    // byte of 0xD6 or more (no continuation byte is that high): a line without one has no
    // right-to-left letter, and most lines are told so without decoding a character.
    if !texts
        .clone()
        .any(|t| !t.is_ascii() && t.bytes().any(|b| b >= 0xD6))
    {
        return false;
    }
    crate::words::mostly_right_to_left(texts.flat_map(str::chars))
}

/// Opens a glyph whose text has several characters (a ligature such as lam-alef): its
/// text is already in reading order and moves as one unit. A Unicode noncharacter,
/// which glyph texts never contain (they are filtered out), and removed by [`strip`].
pub(super) const GROUP_START: char = '\u{fdd0}';
/// Closes a glyph group.
pub(super) const GROUP_END: char = '\u{fdd1}';
/// The first byte of both group marks in UTF-8 (`EF B7 90`, `EF B7 91`).
const GROUP_MARK_LEAD: u8 = 0xEF;

/// Appends a glyph's text to a piece's, marking it as a unit when it has several
/// characters and is right-to-left (the only case where order within it matters).
pub(super) fn push_glyph(piece: &mut String, text: &str) {
    // Most glyphs are one ASCII character: pushed as it is, without a copy's call.
    if let &[byte] = text.as_bytes() {
        piece.push(char::from(byte));
        return;
    }
    let mut chars = text.chars();
    let several = chars.next().is_some() && chars.next().is_some();
    if several && text.chars().any(is_rtl_char) {
        piece.push(GROUP_START);
        piece.push_str(text);
        piece.push(GROUP_END);
    } else {
        piece.push_str(text);
    }
}

/// The text of each piece of `seq` (a line's pieces in reading order) read from the
/// right, `None` for a piece read as drawn: in a right-to-left line every piece not
/// already in reading order (`/ActualText`), the neutrals among them (`neutral_rtl`)
/// reversed whole; in a left-to-right line the pieces of its right-to-left runs
/// (`embedded`). Whether brackets are mirrored back depends on the writer, which the
/// line tells (see [`brackets_inverted`]). `neutral_rtl` and `embedded` are sorted.
pub(super) fn texts_from_right(
    seq: &[(usize, bool)],
    pieces: &[Piece],
    rtl: bool,
    neutral_rtl: &[usize],
    embedded: &[usize],
) -> Vec<Option<String>> {
    if !rtl && embedded.is_empty() {
        return Vec::new();
    }
    let read = |mirror: bool| -> Vec<Option<String>> {
        seq.iter()
            .map(|&(i, _)| {
                let p = &pieces[i];
                if rtl && !p.logical && neutral_rtl.binary_search(&i).is_ok() {
                    Some(neutral_from_the_right(&p.text, mirror))
                } else if (rtl && !p.logical) || embedded.binary_search(&i).is_ok() {
                    Some(visual_to_logical(&p.text, mirror))
                } else {
                    None
                }
            })
            .collect()
    };
    let joined = |r: &[Option<String>]| -> String {
        r.iter()
            .zip(seq)
            .map(|(t, &(i, _))| t.as_deref().unwrap_or(&pieces[i].text))
            .collect()
    };
    let as_drawn = read(false);
    if !brackets_inverted(&joined(&as_drawn)) {
        return as_drawn;
    }
    let mirrored = read(true);
    if brackets_inverted(&joined(&mirrored)) {
        as_drawn
    } else {
        mirrored
    }
}

/// Whether a piece's text holds right-to-left letters and no left-to-right ones (the
/// fast test of [`is_rtl_line`] first: no byte of 0xD6 or more, no such letter). A piece
/// mixing both scripts is left as drawn: which way its glyphs run cannot be told.
pub(super) fn is_rtl_word(text: &str) -> bool {
    !text.is_ascii()
        && text.bytes().any(|b| b >= 0xD6)
        && class(text) == Class::Rtl
        && !text
            .chars()
            .any(|c| c.is_alphabetic() && !is_rtl_char(c) && !is_digit(c))
}

/// A left-to-right line's pieces in visual order, as (piece, space before) pairs, with
/// each run of pieces holding right-to-left letters ("an Arabic العربية word") put in
/// reading order: the run reversed, its first piece taking the space before the run and
/// each other the space that stood after it. Returns the pieces that were in such a
/// run (sorted), whose characters then read from the right too.
pub(super) fn embedded_runs(
    seq: &mut [(usize, bool)],
    pieces_rtl: impl Fn(usize) -> bool,
) -> Vec<usize> {
    let mut in_runs = Vec::new();
    let mut k = 0;
    while k < seq.len() {
        if !pieces_rtl(seq[k].0) {
            k += 1;
            continue;
        }
        let end = (k..seq.len())
            .find(|&m| !pieces_rtl(seq[m].0))
            .unwrap_or(seq.len());
        let run: Vec<(usize, bool)> = seq[k..end].to_vec();
        let n = run.len();
        for j in 0..n {
            let space = if j == 0 { run[0].1 } else { run[n - j].1 };
            seq[k + j] = (run[n - 1 - j].0, space);
        }
        in_runs.extend(run.iter().map(|&(i, _)| i));
        k = end;
    }
    in_runs.sort_unstable();
    in_runs
}

/// Removes glyph-group marks (borrowed when there are none, as in most pieces).
pub(super) fn strip(s: &str) -> Cow<'_, str> {
    // Both marks begin with the byte 0xEF, which most text (ASCII, Latin, Greek, Arabic)
    // never holds: one byte search rules them out.
    if !s.as_bytes().contains(&GROUP_MARK_LEAD)
        || (!s.contains(GROUP_START) && !s.contains(GROUP_END))
    {
        return Cow::Borrowed(s);
    }
    Cow::Owned(
        s.chars()
            .filter(|c| *c != GROUP_START && *c != GROUP_END)
            .collect(),
    )
}

/// Glyphs drawn left to right (visual order) → reading order for right-to-left text:
/// the glyphs reversed, except runs of left-to-right letters and digits, which keep
/// their order; a glyph's own text (a ligature) keeps its order too.
pub(super) fn visual_to_logical(s: &str, mirror: bool) -> String {
    if !s.chars().any(is_rtl_char) {
        return strip(s).into_owned();
    }
    // Units: a single character, or a marked glyph group.
    let mut units: Vec<String> = Vec::new();
    let mut group: Option<String> = None;
    for c in s.chars() {
        match (c, group.as_mut()) {
            (GROUP_START, _) => group = Some(String::new()),
            (GROUP_END, Some(_)) => units.extend(group.take()),
            (c, Some(g)) => g.push(c),
            (c, None) => units.push(c.to_string()),
        }
    }
    units.extend(group);
    let ltr = |u: &str| {
        let mut cs = u.chars();
        matches!((cs.next(), cs.next()), (Some(c), None) if is_digit(c) || c.is_alphanumeric() && !is_rtl_char(c))
    };
    let mut out = String::with_capacity(s.len());
    let mut run: Vec<&str> = Vec::new();
    // A separator joins a run only between two of its characters; one that ends it
    // (read from the right) is a neutral of the right-to-left text and follows the run.
    let flush = |run: &mut Vec<&str>, out: &mut String| {
        let keep = run.iter().rposition(|u| ltr(u)).map_or(0, |k| k + 1);
        let tail: Vec<&str> = run.drain(keep..).collect();
        for r in run.drain(..).rev() {
            out.push_str(r);
        }
        for t in tail {
            out.push_str(t);
        }
    };
    for u in units.iter().rev() {
        if ltr(u) || (!run.is_empty() && is_separator(u)) {
            run.push(u);
        } else {
            flush(&mut run, &mut out);
            match mirrored(u).filter(|_| mirror) {
                Some(m) => out.push(m),
                None => out.push_str(u),
            }
        }
    }
    flush(&mut run, &mut out);
    out
}

/// The bracket a right-to-left reader reads where its mirror image is drawn: text laid
/// out right to left draws an opening "(" as ")" at the word's right, so reading the
/// glyphs from the right gives ")word(" unless each is mirrored back (Unicode's
/// Bidi_Mirrored pairs, the common ones).
fn mirrored(u: &str) -> Option<char> {
    let mut cs = u.chars();
    let (Some(c), None) = (cs.next(), cs.next()) else {
        return None;
    };
    mirrored_char(c)
}

/// A bracket's mirror image ("(" for ")"); `None` for any other character.
fn mirrored_char(c: char) -> Option<char> {
    Some(match c {
        '(' => ')',
        ')' => '(',
        '[' => ']',
        ']' => '[',
        '{' => '}',
        '}' => '{',
        '<' => '>',
        '>' => '<',
        '«' => '»',
        '»' => '«',
        '‹' => '›',
        '›' => '‹',
        _ => return None,
    })
}

/// A separator that a run of digits or letters keeps when it stands between two of its
/// characters (the bidi algorithm's European and common separators: `2-5`, `1403/09/19`).
fn is_separator(u: &str) -> bool {
    matches!(u, "." | "," | ":" | "/" | "-" | "+")
}

/// How a piece of a right-to-left line takes part in the bidi algorithm.
#[derive(Clone, Copy, PartialEq)]
enum Class {
    /// Holds right-to-left letters.
    Rtl,
    /// Holds left-to-right letters (and no right-to-left ones).
    Latin,
    /// Digits, with or without separators between them.
    Number,
    /// Anything else: punctuation, symbols.
    Neutral,
}

/// A decimal digit, of any script a right-to-left line uses: European digits and the
/// Arabic-Indic ones (`١٤٣٤`, U+0660–0669 and U+06F0–06F9). The Arabic-Indic digits
/// sit in the Arabic block, but a number in them is written left to right, most
/// significant digit first, like any other.
fn is_digit(c: char) -> bool {
    c.is_ascii_digit() || matches!(c, '\u{660}'..='\u{669}' | '\u{6F0}'..='\u{6F9}')
}

fn class(text: &str) -> Class {
    let mut digits = false;
    let mut letters = false;
    for c in text.chars() {
        if is_digit(c) {
            digits = true;
            continue;
        }
        if is_rtl_char(c) {
            return Class::Rtl;
        }
        letters |= c.is_alphabetic();
        digits |= c.is_numeric();
    }
    if letters {
        Class::Latin
    } else if digits {
        Class::Number
    } else {
        Class::Neutral
    }
}

/// Pieces of a right-to-left line, reversed from their visual order (each item: the
/// piece's text, a word space before it): the index order that reads them. A run of
/// left-to-right pieces (digits, Latin words) is drawn left to right, so it keeps its
/// visual order, as the Unicode bidi algorithm lays it out: pieces that touch join a run
/// when both hold digits or letters, or when a single separator stands between two
/// numbers (`2-5`, `1403/09/19`) or any neutral between two Latin words; a word space
/// joins two Latin words, never two numbers. (A number a space away from a Latin word
/// stays a run of its own: "Word 7" drawn so reads "Word 7" after a right-to-left word
/// but "7 Word" before one, which the drawing cannot tell apart.)
#[cfg(test)]
pub(super) fn reading_order(items: &[(&str, bool)]) -> Vec<(usize, bool)> {
    ordered_runs(items).0
}

/// [`reading_order`], and for each item whether it is a neutral piece (brackets,
/// punctuation) of the right-to-left text rather than of a left-to-right run: its
/// characters read from the right too, each bracket mirrored back (see
/// [`neutral_from_the_right`]).
pub(super) fn ordered_runs(items: &[(&str, bool)]) -> (Vec<(usize, bool)>, Vec<bool>) {
    let n = items.len();
    if n == 0 {
        return (Vec::new(), Vec::new());
    }
    let classes: Vec<Class> = items.iter().map(|(t, _)| class(t)).collect();
    let strong = |c: Class| matches!(c, Class::Latin | Class::Number);
    // Whether item k belongs to the same left-to-right run as item k - 1.
    let mut linked = vec![false; n];
    for k in 1..n {
        let (a, b) = (classes[k - 1], classes[k]);
        let space = items[k].1;
        linked[k] = if space {
            a == Class::Latin && b == Class::Latin
        } else {
            strong(a) && strong(b)
        };
    }
    // A neutral piece between two run pieces, touching both.
    for k in 1..n.saturating_sub(1) {
        if classes[k] != Class::Neutral || items[k].1 || items[k + 1].1 {
            continue;
        }
        let (a, b) = (classes[k - 1], classes[k + 1]);
        let joins = (a == Class::Latin && b == Class::Latin)
            || (a == Class::Number && b == Class::Number && is_separator(items[k].0));
        if joins {
            linked[k] = true;
            linked[k + 1] = true;
        }
    }
    // Each run read in visual order: its first item takes the space before the run, the
    // others the space that stood after them.
    let mut order: Vec<(usize, bool)> = Vec::with_capacity(n);
    let mut start = 0;
    for end in (1..n).filter(|&k| !linked[k]).chain([n]) {
        order.push((end - 1, items[start].1));
        order.extend((start..end - 1).rev().map(|m| (m, items[m + 1].1)));
        start = end;
    }
    let right_to_left = (0..n)
        .map(|k| {
            classes[k] == Class::Neutral
                && !linked[k]
                && !linked.get(k + 1).copied().unwrap_or(false)
        })
        .collect();
    (order, right_to_left)
}

/// A neutral piece of right-to-left text (brackets, punctuation), drawn left to right,
/// in reading order: its characters from the right, each bracket mirrored back.
pub(super) fn neutral_from_the_right(s: &str, mirror: bool) -> String {
    strip(s)
        .chars()
        .rev()
        .map(|c| mirrored_char(c).filter(|_| mirror).unwrap_or(c))
        .collect()
}

/// Whether a line read from the right closes a bracket it has not opened (`)ב(`):
/// then its writer drew each bracket's mirror image where the text has the bracket,
/// and reading from the right must mirror them back. Writers that draw the glyph of
/// the text's own bracket (a shaping engine's mirrored glyph, mapped to the text's
/// character) read right as they are: `15(ב)(4)`.
pub(super) fn brackets_inverted(text: &str) -> bool {
    let mut depth = [0i32; 4];
    for c in text.chars() {
        let (k, step) = match c {
            '(' => (0, 1),
            ')' => (0, -1),
            '[' => (1, 1),
            ']' => (1, -1),
            '{' => (2, 1),
            '}' => (2, -1),
            '«' => (3, 1),
            '»' => (3, -1),
            _ => continue,
        };
        depth[k] += step;
        if depth[k] < 0 {
            return true;
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn right_to_left_text_reads_from_the_right() {
        // Visual order of "שלום 2024" drawn left to right: "2024 םולש".
        assert_eq!(visual_to_logical("םולש", true), "שלום");
        assert_eq!(visual_to_logical("abc", true), "abc");
        assert_eq!(visual_to_logical("2024-םולש", true), "שלום-2024");
        assert!(is_rtl_line(["םולש", "abc", "עולם"].into_iter()));
        assert!(!is_rtl_line(["hello", "ש"].into_iter()));
        // Letters above U+0590 that read left to right, and Arabic presentation forms.
        assert!(!is_rtl_line(["日本語", "Ωμέγα", "ü"].into_iter()));
        assert!(is_rtl_line(["\u{FEDF}\u{FEE0}", "a"].into_iter()));
        // A lam-alef ligature glyph gives "لا" in reading order: it must not flip. Drawn
        // left to right: the ligature, then beh; read from the right: beh, lam, alef.
        let mut piece = String::new();
        push_glyph(&mut piece, "\u{644}\u{627}");
        push_glyph(&mut piece, "\u{628}");
        assert_eq!(visual_to_logical(&piece, true), "\u{628}\u{644}\u{627}");
        assert_eq!(strip(&piece), "\u{644}\u{627}\u{628}");
    }

    #[test]
    fn a_separator_joins_a_number_only_between_its_digits() {
        // "2-5- שלום" laid out right to left: the number keeps its order, the dash after
        // it is the right-to-left text's and is drawn to its left: "םולש -2-5".
        assert_eq!(visual_to_logical("םולש -2-5", true), "2-5- שלום");
        assert_eq!(visual_to_logical("םולש1403/09/19", true), "1403/09/19שלום");
        assert_eq!(visual_to_logical(".2024 םולש", true), "שלום 2024.");
    }

    /// "(يناير)" laid out right to left opens at the right, where its "(" is drawn
    /// mirrored (a ")"): drawn left to right, "(رياني)". Read from the right, each
    /// bracket is mirrored back.
    #[test]
    fn brackets_around_right_to_left_text_are_mirrored_back() {
        assert_eq!(
            visual_to_logical("(\u{631}\u{64A}\u{627}\u{646}\u{64A})", true),
            "(\u{64A}\u{646}\u{627}\u{64A}\u{631})"
        );
        assert_eq!(visual_to_logical("«םולש»", true), "«שלום»");
        // Brackets inside a left-to-right run stay as drawn.
        assert_eq!(visual_to_logical("םולש (a)", true), "(a) שלום");
    }

    /// Whether reading from the right must mirror the brackets back is told by the line:
    /// read as drawn, a writer that drew mirror images closes what it has not opened.
    #[test]
    fn a_line_tells_whether_its_brackets_were_drawn_mirrored() {
        assert!(brackets_inverted(")\u{64A}\u{646}\u{627}\u{64A}\u{631}("));
        assert!(!brackets_inverted("15(\u{5D1})(4)"));
        assert!(!brackets_inverted("(a) [b] «c»"));
        assert!(brackets_inverted("»c«"));
        // Read as drawn, "15(ב)(4)" stays; mirrored, it would be inverted.
        let drawn = ")4()\u{5D1}(15";
        assert_eq!(visual_to_logical(drawn, false), "15(\u{5D1})(4)");
        assert!(brackets_inverted(&visual_to_logical(drawn, true)));
    }

    /// In a left-to-right line, a run of right-to-left words reads from the right; the
    /// pieces around it keep their places and spaces.
    #[test]
    fn right_to_left_words_in_a_left_to_right_line_read_from_the_right() {
        // Pieces 0..5 in visual order: "A line with", "an", "كلمة", "عربية", "here".
        let rtl = |i: usize| i == 2 || i == 3;
        let mut seq = vec![(0, false), (1, true), (2, true), (3, true), (4, true)];
        let runs = embedded_runs(&mut seq, rtl);
        assert_eq!(
            seq,
            [(0, false), (1, true), (3, true), (2, true), (4, true)]
        );
        assert_eq!(runs, [2, 3]);
        assert!(is_rtl_word("\u{643}\u{644}\u{645}\u{629}"));
        assert!(!is_rtl_word("\u{62D}\u{64E}habibi"));
        assert!(!is_rtl_word("word"));
    }

    /// Arabic-Indic digits read most significant first, as European ones do: "١٤ إبريل"
    /// (14 April) drawn left to right is "ليربإ ١٤", and the number keeps its order.
    #[test]
    fn arabic_indic_digits_keep_their_order() {
        assert_eq!(
            visual_to_logical("\u{644}\u{64A}\u{631}\u{628}\u{625} \u{661}\u{664}", true),
            "\u{661}\u{664} \u{625}\u{628}\u{631}\u{64A}\u{644}"
        );
        assert_eq!(
            visual_to_logical("\u{661}\u{664}\u{663}\u{664}", true),
            "\u{661}\u{664}\u{663}\u{664}"
        );
        assert_eq!(
            read(&[
                ("\u{661}\u{664}", false),
                ("-", false),
                ("\u{661}\u{664}\u{663}\u{664}", false)
            ]),
            "\u{661}\u{664}\u{663}\u{664}-\u{661}\u{664}"
        );
    }

    fn read(items: &[(&str, bool)]) -> String {
        let mut out = String::new();
        for (k, space) in reading_order(items) {
            if space {
                out.push(' ');
            }
            out.push_str(items[k].0);
        }
        out
    }

    #[test]
    fn pieces_of_a_number_keep_their_order() {
        // Drawn left to right: "-", "2", "-", "5", then a word space and a Hebrew word
        // (each digit in its own font); the items come reversed, as read from the right.
        let items = [
            ("5", false),
            ("-", false),
            ("2", false),
            ("-", false),
            ("שלום", true),
        ];
        assert_eq!(read(&items), "2-5- שלום");
        // Two numbers a space apart are two runs; the space between them is the
        // right-to-left text's.
        assert_eq!(
            read(&[("20", false), ("10", true), ("שלום", true)]),
            "20 10 שלום"
        );
        // Latin words keep their order across spaces, and a number touching them.
        let items = [
            ("7", false),
            ("Word", true),
            ("Microsoft", true),
            ("שלום", true),
        ];
        assert_eq!(read(&items), "7 Microsoft Word שלום");
        let items = [
            ("def", false),
            ("/", false),
            ("abc2", false),
            ("שלום", true),
        ];
        assert_eq!(read(&items), "abc2/def שלום");
        // A separator between two numbers that do not touch it stays where it is read.
        assert_eq!(read(&[("5", false), ("-", true), ("2", true)]), "5 - 2");
    }
}
