//! Right-to-left lines: glyphs are drawn in visual order, text is read in logical order.

use std::borrow::Cow;

/// Hebrew, Arabic, Syriac, Thaana, N'Ko and their presentation forms.
fn is_rtl_char(c: char) -> bool {
    matches!(c as u32, 0x0590..=0x08FF | 0xFB1D..=0xFDFF | 0xFE70..=0xFEFF)
}

/// Whether most letters of a line are right-to-left.
pub(super) fn is_rtl_line<'a>(texts: impl Iterator<Item = &'a str>) -> bool {
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

/// Opens a glyph whose text has several characters (a ligature such as lam-alef): its
/// text is already in reading order and moves as one unit. A Unicode noncharacter,
/// which glyph texts never contain (they are filtered out), and removed by [`strip`].
pub(super) const GROUP_START: char = '\u{fdd0}';
/// Closes a glyph group.
pub(super) const GROUP_END: char = '\u{fdd1}';

/// Appends a glyph's text to a piece's, marking it as a unit when it has several
/// characters and is right-to-left (the only case where order within it matters).
pub(super) fn push_glyph(piece: &mut String, text: &str) {
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

/// Removes glyph-group marks (borrowed when there are none, as in most pieces).
pub(super) fn strip(s: &str) -> Cow<'_, str> {
    if !s.contains(GROUP_START) && !s.contains(GROUP_END) {
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
pub(super) fn visual_to_logical(s: &str) -> String {
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
        matches!((cs.next(), cs.next()), (Some(c), None) if c.is_alphanumeric() && !is_rtl_char(c))
    };
    let joiner = |u: &str| matches!(u, "." | "," | ":" | "/" | "-");
    let mut out = String::with_capacity(s.len());
    let mut run: Vec<&str> = Vec::new();
    for u in units.iter().rev() {
        if ltr(u) || (!run.is_empty() && joiner(u)) {
            run.push(u);
        } else {
            for r in run.drain(..).rev() {
                out.push_str(r);
            }
            out.push_str(u);
        }
    }
    for r in run.drain(..).rev() {
        out.push_str(r);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn right_to_left_text_reads_from_the_right() {
        // Visual order of "שלום 2024" drawn left to right: "2024 םולש".
        assert_eq!(visual_to_logical("םולש"), "שלום");
        assert_eq!(visual_to_logical("abc"), "abc");
        assert_eq!(visual_to_logical("2024-םולש"), "שלום-2024");
        assert!(is_rtl_line(["םולש", "abc", "עולם"].into_iter()));
        assert!(!is_rtl_line(["hello", "ש"].into_iter()));
        // A lam-alef ligature glyph gives "لا" in reading order: it must not flip. Drawn
        // left to right: the ligature, then beh; read from the right: beh, lam, alef.
        let mut piece = String::new();
        push_glyph(&mut piece, "\u{644}\u{627}");
        push_glyph(&mut piece, "\u{628}");
        assert_eq!(visual_to_logical(&piece), "\u{628}\u{644}\u{627}");
        assert_eq!(strip(&piece), "\u{644}\u{627}\u{628}");
    }
}
