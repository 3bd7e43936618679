//! Headings of extracted text in scripts without case (Hangul, CJK, Arabic, …), where a
//! short line cannot show itself a heading by its capitals. Their numbering does instead:
//! `(1) 「감염병의 예방 및 관리에 관한 법률」 개정`, `1 들어가며`, or `들어가며` with its
//! number `1` printed on the next line (pdftotext -raw reads a number set in a box after
//! the title). A number alone proves little — a wrapped date, a list item, a footnote
//! label open lines too — so a candidate stays a heading only when the document numbers
//! such lines in sequence (1, 2, 3 … in one style, starting from 1) and each introduces
//! body. The tests here look at lines; the sequence is checked on the pieces
//! (`pieces::uncased_headings`).

use crate::words::{ends_sentence, words};

use super::classify::{breaks_off, has_url, mostly_words};

/// How a heading's number is printed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Style {
    /// `(1) …`: one level below the plain numbers.
    Parens,
    /// `1 …`, `1. …`, or the number on the line after the heading's text.
    Plain,
}

/// A letter of a script without case: alphabetic, neither upper nor lower case.
fn uncased_letter(c: char) -> bool {
    c.is_alphabetic() && !c.is_uppercase() && !c.is_lowercase()
}

/// Whether `text` holds a letter of a script without case, which every heading text here
/// opens with: most lines hold none, and are settled without being copied.
fn holds_uncased_letter(text: &str) -> bool {
    text.chars().any(|c| !c.is_ascii() && uncased_letter(c))
}

/// Brackets and quotes that may open a heading's text before its first letter.
const OPENERS: &[char] = &[
    '「', '『', '《', '〈', '【', '“', '"', '‘', '\'', '(', '[', '«',
];

/// Whether `text` (a heading's text without its number) has a heading's shape in a script
/// without case: it opens with such a letter (after an opening bracket or quote), is
/// short, mostly words, and neither ends a sentence nor breaks off.
fn uncased_heading_text(text: &str) -> bool {
    let t = crate::rich::plain_without_scripts(text);
    let t = t.trim();
    let body = t.trim_start_matches(OPENERS);
    if !body.chars().next().is_some_and(uncased_letter) {
        return false;
    }
    let n = words(t);
    (1..=12).contains(&n)
        && t.chars().count() <= 50
        && mostly_words(t)
        && !t.contains("   ")
        && !ends_sentence(t)
        && !t.ends_with(['.', ':', '。', '،', '؛'])
        && !breaks_off(t)
        && !has_url(t)
}

/// The style, number and text of a numbered line in a script without case: `(1) text`,
/// `1 text` or `1. text`, the number of one or two digits.
pub fn numbered(text: &str) -> Option<(Style, u32, String)> {
    if !holds_uncased_letter(text) {
        return None;
    }
    let t = crate::rich::plain_without_scripts(text);
    let t = t.trim();
    let (style, digits, rest) = if let Some(inner) = t.strip_prefix('(') {
        let close = inner.find(')')?;
        (Style::Parens, &inner[..close], &inner[close + 1..])
    } else {
        let end = t.find(|c: char| !c.is_ascii_digit()).unwrap_or(t.len());
        let rest = &t[end..];
        (
            Style::Plain,
            &t[..end],
            rest.strip_prefix('.').unwrap_or(rest),
        )
    };
    if digits.is_empty() || digits.len() > 2 || digits.starts_with('0') {
        return None;
    }
    // The number stands apart from the text.
    if !rest.starts_with(char::is_whitespace) {
        return None;
    }
    let n: u32 = digits.parse().ok()?;
    let rest = rest.trim();
    uncased_heading_text(rest).then(|| (style, n, rest.to_string()))
}

/// Whether a line, without a number, could be a heading in a script without case whose
/// number follows on the next line: a few words (at most five).
pub fn title_line(text: &str) -> bool {
    if !holds_uncased_letter(text) {
        return false;
    }
    let t = crate::rich::plain(text);
    words(&t) <= 5 && t.trim().chars().count() <= 30 && uncased_heading_text(&t)
}

/// The number on a line that holds only a number of one or two digits.
pub fn bare_number(text: &str) -> Option<u32> {
    let t = crate::rich::plain_without_scripts_cow(text);
    let t = t.trim();
    (!t.is_empty() && t.len() <= 2 && t.chars().all(|c| c.is_ascii_digit()) && !t.starts_with('0'))
        .then(|| t.parse().ok())
        .flatten()
}

/// Where extracted text without case breaks into units around a numbered heading
/// (`None`: these rules say nothing). `next` is the line after `line`; `unit` holds the
/// lines of the unit `prev` ends; `width` is the text's measure.
///
/// - A numbered line ([`numbered`]) ends its unit, and starts one after a finished
///   sentence, a number alone or a short line.
/// - A short title ([`title_line`]) whose number stands alone on the next line starts a
///   unit, and keeps
///   the number alone on the line after it; the unit ends after that number.
pub fn breaks_before(
    prev: &crate::lines::TextLine,
    line: &crate::lines::TextLine,
    next: Option<&crate::lines::TextLine>,
    unit: &[crate::lines::TextLine],
    width: f32,
) -> Option<bool> {
    if unit.len() == 1 && numbered(&prev.text).is_some() {
        return Some(true);
    }
    if unit.len() == 2 && title_line(&unit[0].text) && bare_number(&prev.text).is_some() {
        return Some(true);
    }
    if unit.len() == 1 && title_line(&prev.text) && bare_number(&line.text).is_some() {
        return Some(false);
    }
    let prev_short = (prev.plain_char_count() as f32) < 0.72 * width;
    let after_sentence = ends_sentence(&prev.text);
    if numbered(&line.text).is_some()
        && (after_sentence || prev_short || bare_number(&prev.text).is_some())
    {
        return Some(true);
    }
    // A short title whose number stands alone on the next line.
    if title_line(&line.text) && next.is_some_and(|n| bare_number(&n.text).is_some()) {
        return Some(true);
    }
    None
}

/// The style and number a unit of extracted text would carry as a heading in a script
/// without case: one numbered line, or a short title and its number on the line after.
pub fn candidate(lines: &[crate::lines::TextLine]) -> Option<(Style, u32)> {
    match lines {
        [one] => numbered(&one.text).map(|(style, n, _)| (style, n)),
        [title, number] if title_line(&title.text) => {
            bare_number(&number.text).map(|n| (Style::Plain, n))
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbered_lines_in_a_script_without_case() {
        let (style, n, rest) = numbered("(1) 「감염병의 예방 및 관리에 관한 법률」 개정").unwrap();
        assert_eq!((style, n), (Style::Parens, 1));
        assert_eq!(rest, "「감염병의 예방 및 관리에 관한 법률」 개정");
        assert_eq!(
            numbered("2 코로나-19 관련 보험 현황").map(|(s, n, _)| (s, n)),
            Some((Style::Plain, 2))
        );
        assert_eq!(
            numbered("3. 문제점").map(|(s, n, _)| (s, n)),
            Some((Style::Plain, 3))
        );
        for not in [
            // A sentence, a wrapped date, a footnote label, a Latin heading, a year.
            "(2) 감독당국의 표준약관 개정작업이 진행되어야 한다.",
            "3.11. 코로나-19가 세계적 유행(Pandemic) 단계",
            "1) 손해보험의 표준약관 규정에 따르면",
            "(1) Introduction",
            "2020 코로나",
            "(1)들어가며",
        ] {
            assert!(numbered(not).is_none(), "{not}");
        }
    }

    #[test]
    fn titles_and_their_numbers() {
        assert!(title_line("들어가며"));
        assert!(title_line("코로나-19 관련 보험 현황"));
        assert!(!title_line("Introduction"));
        assert!(!title_line("을 제시하고 있다."));
        assert_eq!(bare_number("3"), Some(3));
        assert_eq!(bare_number("2020"), None);
        assert_eq!(bare_number("3)"), None);
    }
}
