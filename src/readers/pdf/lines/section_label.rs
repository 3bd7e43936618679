//! A section's label set apart from its title on one baseline ("A", then a quad and more,
//! then "Appendix A: Financial Losses"): one line, though the gap is wider than a word
//! space.

use super::super::pieces::Piece;
use super::Frag;

/// Whether `label` is a section's label set apart before its title `title`, on its
/// baseline and in its type: "A" a quad and more before "Appendix A: Financial Losses"
/// (LaTeX sets an em after a section's number, a word processor tabs further). Only in
/// display type, a third larger than the page's body (`body`): in running text or a
/// table's rows, a number set apart from the words after it is a cell of its own.
pub(super) fn labels_title(label: &Frag, title: &Frag, pieces: &[Piece], body: f32) -> bool {
    let [only] = label.pieces[..] else {
        return false;
    };
    let (Some(l), Some(t)) = (
        pieces.get(only),
        title.pieces.first().and_then(|&i| pieces.get(i)),
    ) else {
        return false;
    };
    let gap = title.x0 - label.x1;
    body > 0.0
        && l.font == t.font
        && (l.size - t.size).abs() <= 0.05 * t.size
        && l.size >= 1.3 * body
        && (0.0..=3.0 * l.size).contains(&gap)
        && is_section_label(l.text.trim())
        && t.text.trim_start().starts_with(char::is_uppercase)
}

/// A section's label: one capital letter ("A"), a number with its parts ("2", "3.1",
/// "4."), or a Roman numeral ("IV").
fn is_section_label(t: &str) -> bool {
    let t = t.strip_suffix('.').unwrap_or(t);
    let letter = t.chars().count() == 1 && t.chars().all(|c| c.is_ascii_uppercase());
    let number = !t.is_empty()
        && t.split('.')
            .all(|p| !p.is_empty() && p.len() <= 3 && p.chars().all(|c| c.is_ascii_digit()));
    let roman = (1..=5).contains(&t.len()) && t.chars().all(|c| matches!(c, 'I' | 'V' | 'X'));
    letter || number || roman
}

#[cfg(test)]
mod tests {
    use super::is_section_label;

    #[test]
    fn letters_numbers_and_numerals_label_sections() {
        for t in ["A", "2", "3.1", "4.", "12.3.4", "IV", "XII"] {
            assert!(is_section_label(t), "{t}");
        }
        for t in [
            "a",
            "AB",
            "1,5",
            "2023.12.31.1",
            "Fig",
            "",
            ".",
            "1..2",
            "1234",
        ] {
            assert!(!is_section_label(t), "{t}");
        }
    }
}
