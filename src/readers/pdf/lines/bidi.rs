//! Right-to-left lines: glyphs are drawn in visual order, text is read in logical order.

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

/// Glyphs drawn left to right (visual order) → reading order for right-to-left text:
/// the characters reversed, except runs of left-to-right letters and digits, which
/// keep their order.
pub(super) fn visual_to_logical(s: &str) -> String {
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
    }
}
