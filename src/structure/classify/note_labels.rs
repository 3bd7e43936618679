//! Note labels: the number, symbol or mangled mark that opens a note's text, and the
//! raised numbers that cite one.

use std::sync::LazyLock;

use regex_lite::Regex;

use crate::patterns::{non_space, space, space_chars};
use crate::rich::{SUP_OFF, SUP_ON};
use crate::structure::families;
use crate::structure::misread_markers::closes_single_quote;

/// A footnote label at the start of a note's text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NoteLabel {
    /// A number as printed (raised or plain).
    Number(u32),
    /// A label mangled beyond reading (`[&]`).
    Mangled,
    /// A label of another family (roman, letter, symbol) and its ordinal in that
    /// family; a label with several readings (`i`) takes the likelier one.
    Family(families::Family, u32),
    /// No label at all.
    None,
}

static PLAIN_LABEL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r#"^([0-9]{1,3})(?:(?:[.)]|"#,
        space!(),
        r#"*\u{10FFF5})?[ \t]+("#,
        non_space!(),
        r#")|([A-ZÀ-ÖØ-Þ][a-zß-öø-ÿ]|[“"‘][A-Za-zÀ-ÖØ-öø-ɏḀ-ỿ]))"#
    ))
    .expect("valid regex")
});
static SUP_LABEL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"^\u{10FFF4}",
        space!(),
        r"*([0-9]{1,3}|[*†‡§¶‖]{1,3}|[ivxlc]{1,6}|[IVXLC]{1,6}|[a-z])",
        space!(),
        r"*\u{10FFF5}[ \t]*"
    ))
    .expect("valid regex")
});
/// A plain label of another family at the start of a note: symbols before text, a roman
/// numeral or a letter with a full stop or parenthesis ("iv. ", "b) "), or a lower-case
/// one before a capital ("ii Source", "a Data from").
static PLAIN_FAMILY_LABEL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"^(?:([*†‡§¶‖]{1,3})[ \t]*[^",
        space_chars!(),
        r"*†‡§¶‖]|([ivxlc]{1,6}|[IVXLC]{1,6}|[a-z])[.)][ \t]+",
        non_space!(),
        r"|([ivx]{1,5}|[a-z])[ \t]+[A-Z“\x22])"
    ))
    .expect("valid regex")
});
static MANGLED_LABEL: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\[&\][ \t]*").expect("valid regex"));

/// A raised label that recognition read as a single quote, alone or before the digits
/// or `l` it kept (`'Mekong`, `'0Dara`, `'l Asian`), opening a note.
static MISREAD_LABEL: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r#"^['‘’][0-9l]?[ \t]?[A-ZÀ-ÖØ-Þ“"«]"#).expect("valid regex"));

/// The length of a misread label opening `text`, when no closing single quote follows (a
/// quoted title, ‘Kim pledges’, opens with the same glyph). Its number is the sequence's.
fn misread_label(text: &str) -> Option<usize> {
    let m = MISREAD_LABEL.find(text)?;
    let len = m.end() - m.as_str().chars().last().map_or(0, char::len_utf8);
    let rest: Vec<char> = text[len..].chars().collect();
    let closes = (0..rest.len()).any(|i| closes_single_quote(&rest, i));
    (!closes).then_some(len)
}

// Each pattern above is anchored at the text's start and opens with a small set of
// characters: a test of the first character, a necessary condition of each, spares the
// expression (and its capture slots) the many lines that open with none of them.

/// Whether `first` may open a [`SUP_LABEL`] match.
fn may_open_sup_label(first: char) -> bool {
    first == SUP_ON
}

/// Whether `first` may open a [`MISREAD_LABEL`] match.
fn may_open_misread_label(first: char) -> bool {
    matches!(first, '\'' | '‘' | '’')
}

/// Whether `text` may open a [`PLAIN_LABEL`] match: one to three digits, then what may
/// follow them there (a full stop or parenthesis, white space, the end of a raised run, a
/// capital or an opening quote). A line of figures ("2023", "1,234") has none of these
/// after its digits.
fn may_open_plain_label(text: &str) -> bool {
    let digits = text.bytes().take(4).take_while(u8::is_ascii_digit).count();
    if !(1..=3).contains(&digits) {
        return false;
    }
    text[digits..].chars().next().is_some_and(|c| {
        matches!(c, '.' | ')' | SUP_OFF | 'A'..='Z' | 'À'..='Ö' | 'Ø'..='Þ' | '“' | '"' | '‘')
            || c.is_whitespace()
    })
}

/// Whether `text` may open a [`PLAIN_FAMILY_LABEL`] match: a note symbol, or a letter or
/// a run of roman digits followed by a full stop or parenthesis (or, lower case, by a
/// space or tab). Most lines open with a word, which has a letter in that place.
fn may_open_family_label(text: &str) -> bool {
    let b = text.as_bytes();
    let run_ends = |digits: &[u8], ends: &[u8]| {
        let run = b.iter().take(6).take_while(|c| digits.contains(c)).count();
        [1, run]
            .iter()
            .any(|&at| b.get(at).is_some_and(|c| ends.contains(c)))
    };
    match text.chars().next() {
        Some('*' | '†' | '‡' | '§' | '¶' | '‖') => true,
        Some('I' | 'V' | 'X' | 'L' | 'C') => run_ends(b"IVXLC", b".)"),
        Some(c) if c.is_ascii_lowercase() => run_ends(b"ivxlc", b".) \t"),
        _ => false,
    }
}

/// The label at the start of a note candidate and the byte length it occupies.
/// `plain_numbers` allows "12 Text" / "12. Text" labels (otherwise read as list numbers).
pub fn note_label(text: &str, plain_numbers: bool) -> (NoteLabel, usize) {
    let Some(first) = text.chars().next() else {
        return (NoteLabel::None, 0);
    };
    if may_open_sup_label(first)
        && let Some(c) = SUP_LABEL.captures(text)
    {
        let len = c.get(0).map_or(0, |m| m.end());
        // "¹/₃ the number of days": a fraction opening the line, not a label.
        if crate::words::opens_a_fraction(&text[c.get(1).map_or(0, |m| m.end())..]) {
            return (NoteLabel::None, 0);
        }
        // Outside note zones (`plain_numbers` off) only numbers and symbols make a raised
        // label a note's: a raised letter opening a line is too often something else.
        return match families::readings(&c[1]).first() {
            Some(&(families::Family::Arabic, n)) => (NoteLabel::Number(n), len),
            Some(&(family, n)) if plain_numbers || family == families::Family::Symbol => {
                (NoteLabel::Family(family, n), len)
            }
            _ => (NoteLabel::None, 0),
        };
    }
    if first == '['
        && let Some(m) = MANGLED_LABEL.find(text)
    {
        return (NoteLabel::Mangled, m.end());
    }
    if plain_numbers
        && may_open_misread_label(first)
        && let Some(len) = misread_label(text)
    {
        return (NoteLabel::Mangled, len);
    }
    if plain_numbers
        && may_open_plain_label(text)
        && let Some(c) = PLAIN_LABEL.captures(text)
        && let Ok(n) = c[1].parse::<u32>()
    {
        let len = c.get(2).or(c.get(3)).map_or(0, |m| m.start());
        return (NoteLabel::Number(n), len);
    }
    if plain_numbers
        && may_open_family_label(text)
        && let Some(c) = PLAIN_FAMILY_LABEL.captures(text)
    {
        let label = c
            .get(1)
            .or(c.get(2))
            .or(c.get(3))
            .map_or("", |m| m.as_str());
        let end = c.get(1).or(c.get(2)).or(c.get(3)).map_or(0, |m| m.end());
        let len = end
            + text[end..]
                .find(|ch: char| !matches!(ch, '.' | ')' | ' ' | '\t'))
                .unwrap_or(text.len() - end);
        if let Some(&(family, n)) = families::readings(label).first()
            && family != families::Family::Arabic
        {
            return (NoteLabel::Family(family, n), len);
        }
    }
    (NoteLabel::None, 0)
}

/// Raised digits anywhere in the text.
pub fn sup_digits(text: &str) -> impl Iterator<Item = u32> + '_ {
    crate::rich::raised(text).filter_map(|inner| inner.trim().parse().ok())
}

/// Compiles the label patterns (see [`super::compile_patterns`]).
pub(super) fn compile_patterns() {
    LazyLock::force(&PLAIN_LABEL);
    LazyLock::force(&SUP_LABEL);
    LazyLock::force(&PLAIN_FAMILY_LABEL);
    LazyLock::force(&MANGLED_LABEL);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rich::sup;
    use crate::test_phrases::{assert_necessary, assert_same_matches, pattern_texts, phrases};

    #[test]
    fn a_raised_number_opening_a_fraction_is_no_label() {
        let fraction = format!("{} /3 the number of days of presence", sup("1"));
        assert_eq!(note_label(&fraction, true).0, NoteLabel::None);
        let label = format!("{} See the annual report.", sup("1"));
        assert_eq!(note_label(&label, true).0, NoteLabel::Number(1));
    }

    const PIECES: &[&str] = &[
        "1",
        "12",
        "123",
        "4567",
        ".",
        ")",
        " ",
        "\t",
        "A",
        "Smith",
        "é",
        "É",
        "ß",
        "a",
        "b",
        "i",
        "iv",
        "x",
        "I",
        "IV",
        "C",
        "L",
        "*",
        "†",
        "‡",
        "§",
        "¶",
        "‖",
        "[&]",
        "[",
        "&",
        "]",
        "'",
        "‘",
        "’",
        "\"",
        "“",
        "«",
        "0",
        "l",
        "\u{10FFF4}",
        "\u{10FFF5}",
        "\u{10FFF0}",
        "\u{a0}",
        "\u{2003}",
        "\u{3000}",
        "\n",
        "Ø",
        "ÿ",
        "ɏ",
        "Ḁ",
    ];

    /// The label patterns, built with `regex-lite`, find what they found built with `regex`
    /// (two read the same in both; the others spelled `\s` and `\S` out).
    #[test]
    fn label_patterns_match_as_under_regex() {
        let mut texts = pattern_texts(PIECES, 120_000);
        // Raised labels open with the superscript sentinel.
        let raised = phrases(PIECES, 40_000).into_iter();
        texts.extend(raised.map(|t| format!("{SUP_ON}{t}")));
        let pairs = [
            (
                r#"^([0-9]{1,3})(?:(?:[.)]|\s*\u{10FFF5})?[ \t]+(\S)|([A-ZÀ-ÖØ-Þ][a-zß-öø-ÿ]|[“"‘][A-Za-zÀ-ÖØ-öø-ɏḀ-ỿ]))"#,
                &*PLAIN_LABEL,
            ),
            (
                r"^\u{10FFF4}\s*([0-9]{1,3}|[*†‡§¶‖]{1,3}|[ivxlc]{1,6}|[IVXLC]{1,6}|[a-z])\s*\u{10FFF5}[ \t]*",
                &*SUP_LABEL,
            ),
            (
                r"^(?:([*†‡§¶‖]{1,3})[ \t]*[^\s*†‡§¶‖]|([ivxlc]{1,6}|[IVXLC]{1,6}|[a-z])[.)][ \t]+\S|([ivx]{1,5}|[a-z])[ \t]+[A-Z“\x22])",
                &*PLAIN_FAMILY_LABEL,
            ),
            (MANGLED_LABEL.as_str(), &*MANGLED_LABEL),
            (MISREAD_LABEL.as_str(), &*MISREAD_LABEL),
        ];
        assert_same_matches(&pairs, &texts);
    }

    fn first_holds(check: fn(char) -> bool) -> impl Fn(&str) -> bool {
        move |t: &str| t.chars().next().is_some_and(check)
    }

    #[test]
    fn first_character_tests_never_turn_away_a_label() {
        let texts = phrases(PIECES, 120_000);
        let sup = assert_necessary(&SUP_LABEL, first_holds(may_open_sup_label), &texts);
        let mangled = assert_necessary(&MANGLED_LABEL, first_holds(|c| c == '['), &texts);
        let misread = assert_necessary(&MISREAD_LABEL, first_holds(may_open_misread_label), &texts);
        let plain = assert_necessary(&PLAIN_LABEL, may_open_plain_label, &texts);
        let family = assert_necessary(&PLAIN_FAMILY_LABEL, may_open_family_label, &texts);
        for (name, n) in [
            ("sup", sup),
            ("mangled", mangled),
            ("misread", misread),
            ("plain", plain),
            ("family", family),
        ] {
            assert!(n > 10, "{name}: {n}");
        }
    }

    #[test]
    fn note_labels() {
        assert_eq!(
            note_label(&format!("{} Smith, \"T\"", sup("5")), false).0,
            NoteLabel::Number(5)
        );
        assert_eq!(
            note_label("[&]\"Russia blocks\"", false),
            (NoteLabel::Mangled, 3)
        );
        assert_eq!(
            note_label("12 Mekong River Commission", true),
            (NoteLabel::Number(12), 3)
        );
        assert_eq!(note_label("12. Mekong", true), (NoteLabel::Number(12), 4));
        assert_eq!(note_label("12 Mekong", false).0, NoteLabel::None);
        assert_eq!(
            note_label("3Marta Kowalczyk", true),
            (NoteLabel::Number(3), 1)
        );
        assert_eq!(note_label("7“Policy", true), (NoteLabel::Number(7), 1));
        assert_eq!(note_label("2024 was", true).0, NoteLabel::None);
        // Recognition's quote for a raised label; a quoted title keeps its quote.
        assert_eq!(
            note_label("'Mekong River Commission, “State”, 2023.", true),
            (NoteLabel::Mangled, 1)
        );
        assert_eq!(
            note_label("'0Dara Keo and Mei Lin Tan", true),
            (NoteLabel::Mangled, 2)
        );
        assert_eq!(
            note_label("'l Asian Development Bank", true),
            (NoteLabel::Mangled, 3)
        );
        assert_eq!(
            note_label("‘Kim pledges’, Aljazeera", true).0,
            NoteLabel::None
        );
        assert_eq!(
            note_label("'Mekong River Commission", false).0,
            NoteLabel::None
        );
    }

    #[test]
    fn raised_digits() {
        assert_eq!(
            sup_digits(&format!("a{}b{}", sup("3"), sup("x"))).collect::<Vec<_>>(),
            vec![3]
        );
    }
}
