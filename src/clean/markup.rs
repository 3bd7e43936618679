//! Inline notations that extractors leave in text — Markdown bold, HTML tags, TeX-like
//! `^{4}`, Unicode super- and subscript digits — turned into styled runs, so that the text
//! path carries the same evidence a PDF's raised glyphs give the PDF path.
//!
//! Whether a raised number is a footnote marker is decided later, against the sequence of
//! notes; here every such run is only marked as raised or lowered.

use std::sync::LazyLock;

use regex::Regex;

use crate::lines::TextLine;
use crate::report::{Action, ActionKind, Report};
use crate::rich::{
    self, BOLD_OFF, BOLD_ON, ITALIC_OFF, ITALIC_ON, SUB_OFF, SUB_ON, SUP_OFF, SUP_ON,
};

static MD_BOLD: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\*\*([^\s*](?:[^*]*[^\s*])?)\*\*").expect("valid regex"));
static HTML_TAG: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)<(sup|sub|b|strong|i|em)>(.*?)</(sup|sub|b|strong|i|em)>")
        .expect("valid regex")
});
/// `^{4}`, and the mangled `^{4 &}` that some extractors leave before an `&quot;`.
static CARET_BRACE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\^\{\s*([0-9]{1,3}|[a-z*†‡§]{1,3})\s*(&)?\s*\}").expect("valid regex")
});
/// A mangled label left before an entity's remains: `[&]quot;` (the `&` moved inside).
static MANGLED_ENTITY: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\[&\]\s*(quot|amp|apos|#39|#34);").expect("valid regex"));
static CARET_DIGITS: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\^([0-9]{1,3})\b").expect("valid regex"));

const SUPERSCRIPT_DIGITS: [char; 10] = ['⁰', '¹', '²', '³', '⁴', '⁵', '⁶', '⁷', '⁸', '⁹'];
const SUBSCRIPT_DIGITS: [char; 10] = ['₀', '₁', '₂', '₃', '₄', '₅', '₆', '₇', '₈', '₉'];

/// Rewrites one line's notations into styled runs.
pub fn convert(s: &str) -> String {
    let mut out = s.to_string();
    if out.contains("**") {
        out = MD_BOLD
            .replace_all(&out, |c: &regex::Captures| rich::bold(&c[1]))
            .into_owned();
    }
    if out.contains('<') {
        out = HTML_TAG
            .replace_all(&out, |c: &regex::Captures| {
                let (open, close) = (c[1].to_lowercase(), c[3].to_lowercase());
                let same = open == close
                    || matches!(
                        (open.as_str(), close.as_str()),
                        ("b", "strong") | ("strong", "b") | ("i", "em") | ("em", "i")
                    );
                if !same {
                    return c[0].to_string();
                }
                let (on, off) = match open.as_str() {
                    "sup" => (SUP_ON, SUP_OFF),
                    "sub" => (SUB_ON, SUB_OFF),
                    "b" | "strong" => (BOLD_ON, BOLD_OFF),
                    _ => (ITALIC_ON, ITALIC_OFF),
                };
                format!("{on}{}{off}", &c[2])
            })
            .into_owned();
    }
    if out.contains("[&]") {
        out = MANGLED_ENTITY
            .replace_all(&out, |c: &regex::Captures| match &c[1] {
                "amp" => "[&]&".to_string(),
                "apos" | "#39" => "[&]'".to_string(),
                _ => "[&]\"".to_string(),
            })
            .into_owned();
    }
    if out.contains('^') {
        out = CARET_BRACE
            .replace_all(&out, |c: &regex::Captures| {
                let amp = if c.get(2).is_some() { "&" } else { "" };
                format!("{}{amp}", rich::sup(&c[1]))
            })
            .into_owned();
        out = CARET_DIGITS
            .replace_all(&out, |c: &regex::Captures| rich::sup(&c[1]))
            .into_owned();
    }
    if out
        .chars()
        .any(|c| SUPERSCRIPT_DIGITS.contains(&c) || SUBSCRIPT_DIGITS.contains(&c))
    {
        out = script_digits(&out);
    }
    out
}

/// Turns runs of Unicode superscript or subscript digits into raised or lowered ASCII digits.
fn script_digits(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    let mut mode: Option<bool> = None; // Some(true) = superscript run open
    for c in s.chars() {
        let sup = SUPERSCRIPT_DIGITS.iter().position(|&d| d == c);
        let sub = SUBSCRIPT_DIGITS.iter().position(|&d| d == c);
        let (digit, is_sup) = match (sup, sub) {
            (Some(d), _) => (Some(d), true),
            (None, Some(d)) => (Some(d), false),
            _ => (None, false),
        };
        match (digit, mode) {
            (Some(d), Some(open)) if open == is_sup => out.push((b'0' + d as u8) as char),
            (Some(d), _) => {
                if let Some(open) = mode {
                    out.push(if open { SUP_OFF } else { SUB_OFF });
                }
                out.push(if is_sup { SUP_ON } else { SUB_ON });
                out.push((b'0' + d as u8) as char);
                mode = Some(is_sup);
            }
            (None, Some(open)) => {
                out.push(if open { SUP_OFF } else { SUB_OFF });
                out.push(c);
                mode = None;
            }
            (None, None) => out.push(c),
        }
    }
    if let Some(open) = mode {
        out.push(if open { SUP_OFF } else { SUB_OFF });
    }
    out
}

/// Whether `s` may hold a notation [`convert`] rewrites: one of the bytes every notation
/// holds (`*`, `<`, `[`, `^`) or the first two bytes of a superscript or subscript digit
/// (`²³¹` are U+00B2, U+00B3 and U+00B9, the others in U+2070…U+2089). Most lines hold
/// none, and one byte scan is much cheaper than copying the line and searching it for
/// each notation in turn.
fn may_hold_markup(s: &str) -> bool {
    let b = s.as_bytes();
    b.iter().enumerate().any(|(i, &c)| match c {
        b'*' | b'<' | b'[' | b'^' => true,
        0xC2 => matches!(b.get(i + 1), Some(0xB2 | 0xB3 | 0xB9)),
        0xE2 => matches!(b.get(i + 1), Some(0x81 | 0x82)),
        _ => false,
    })
}

/// Runs [`convert`] on every line, recording changed lines.
pub fn convert_lines(lines: &mut [TextLine], report: &mut Report) {
    for line in lines.iter_mut() {
        if !may_hold_markup(&line.text) {
            continue;
        }
        let converted = convert(&line.text);
        if converted != line.text {
            report.push(
                Action::new(ActionKind::CharactersRepaired)
                    .page(line.page)
                    .lines([line.source_line])
                    .before(line.text.clone())
                    .after(rich::plain(&converted))
                    .evidence("inline markup (bold, raised or lowered digits) read as style"),
            );
            line.text = converted;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rich::sup;

    #[test]
    fn every_notation_passes_the_byte_scan() {
        for c in SUPERSCRIPT_DIGITS.iter().chain(&SUBSCRIPT_DIGITS) {
            assert!(may_hold_markup(&format!("x{c}y")), "{c}");
        }
        for s in ["**b**", "<b>x</b>", "[&]quot;", "x^{4}", "x^2"] {
            assert!(may_hold_markup(s), "{s}");
        }
        assert!(!may_hold_markup(
            "Plain text, (with) punctuation: 1.5 – ‘é’ ½ °"
        ));
    }

    #[test]
    fn bold_and_tags() {
        assert_eq!(
            convert("Edited by **Dr A B**"),
            format!("Edited by {BOLD_ON}Dr A B{BOLD_OFF}")
        );
        assert_eq!(convert("a ** b"), "a ** b");
        assert_eq!(
            convert("x<sup>12</sup> CO<sub>2</sub>"),
            format!("x{} CO{SUB_ON}2{SUB_OFF}", sup("12"))
        );
        assert_eq!(convert("<b>a</i>"), "<b>a</i>");
    }

    #[test]
    fn mangled_entities() {
        assert_eq!(convert("[&]quot;Russia blocks"), "[&]\"Russia blocks");
    }

    #[test]
    fn caret_forms() {
        assert_eq!(
            convert("^{4 &}quot;Axis"),
            format!("{}&quot;Axis", sup("4"))
        );
        assert_eq!(
            convert("text.^{12} more"),
            format!("text.{} more", sup("12"))
        );
        assert_eq!(convert("level.^4"), format!("level.{}", sup("4")));
        assert_eq!(convert("x^2y"), "x^2y");
    }

    #[test]
    fn unicode_script_digits() {
        assert_eq!(
            convert("level.\"⁴ next"),
            format!("level.\"{} next", sup("4"))
        );
        assert_eq!(convert("year.₁₂"), format!("year.{SUB_ON}12{SUB_OFF}"));
        assert_eq!(convert("¹²₃"), format!("{}{SUB_ON}3{SUB_OFF}", sup("12")));
    }
}
