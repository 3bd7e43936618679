//! List markers: which bullet or label opens a line, its family (which carries nesting)
//! and how an ordered label was printed.

use std::sync::LazyLock;

use regex_lite::Regex;

use crate::patterns::{SYMBOL_BULLETS, is_bullet_glyph, non_space};
use crate::rich;

/// Families of list markers. Families, not glyphs, carry nesting: extractors read the same
/// hollow bullet as `o`, `O` or `◦`, and a filled one as `•` or `-`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum BulletClass {
    /// •, ●, -, and the Symbol-font bullet.
    Disc,
    /// ◦, ○, and its misreadings o, O, 0.
    Circle,
    /// ▪, ■, □ and its misreadings §, q (Wingdings).
    Square,
    /// –, —.
    Dash,
    /// ‣, ►, ➢ and the like.
    Arrow,
    /// ✓, ✔.
    Check,
    /// ◆, ❖.
    Diamond,
    /// *.
    Star,
    /// Other private-use glyphs.
    Other,
    /// 1. 2. or 1) 2).
    Number,
    /// a. b. or a) b) or (a).
    Alpha,
    /// i. ii. or (i) (ii).
    Roman,
}

impl BulletClass {
    /// Whether items with this marker are numbered.
    pub fn ordered(self) -> bool {
        matches!(
            self,
            BulletClass::Number | BulletClass::Alpha | BulletClass::Roman
        )
    }

    /// Whether the family has a conventional level (•, ◦, ▪, numbers, letters).
    pub fn conventional(self) -> bool {
        !matches!(
            self,
            BulletClass::Arrow | BulletClass::Check | BulletClass::Diamond | BulletClass::Other
        )
    }

    /// Conventional depth rank: a class with a larger rank nests under a smaller one.
    pub fn rank(self) -> f32 {
        match self {
            BulletClass::Number => 0.0,
            BulletClass::Disc => 0.5,
            BulletClass::Arrow | BulletClass::Check | BulletClass::Diamond | BulletClass::Other => {
                0.75
            }
            BulletClass::Circle | BulletClass::Dash => 1.0,
            BulletClass::Alpha => 1.25,
            BulletClass::Square | BulletClass::Star => 2.0,
            BulletClass::Roman => 2.25,
        }
    }
}

/// A list marker found at the start of a line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ItemMarker {
    /// Family.
    pub class: BulletClass,
    /// Number of an ordered item (a = 1, ii = 2).
    pub ordinal: Option<u32>,
    /// Byte length of the marker and following spaces in the rich text.
    pub len: usize,
    /// Whether the glyph was a misreading (o, O, §, l, q, ¢, °) that was normalised.
    pub misread: bool,
    /// The letter or sign printed where the bullet was read (`o` for ◦), for the report.
    pub misread_as: Option<char>,
    /// How an ordered item's number or letter is set off: `a.`, `a)` or `(a)`.
    pub style: LabelStyle,
}

/// The punctuation around an ordered item's label, so the label can be printed as it was.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum LabelStyle {
    /// No label (a bullet).
    #[default]
    None,
    /// `a.`
    Period,
    /// `a)`
    Paren,
    /// `(a)`
    Parens,
}

impl ItemMarker {
    /// The item's text after this marker in `text` (the rich line it was read from). A
    /// run the marker's span opened goes on with the text: "(b)" then an italic run whose
    /// space the line put after its sentinel ("(b)⟨i⟩ Substances …⟨/i⟩") keeps it.
    pub fn text_after(&self, text: &str) -> String {
        let Some(rest) = text.get(self.len..) else {
            return String::new();
        };
        let opened: String = text[..self.len]
            .chars()
            .filter(|&c| rich::is_sentinel(c))
            .collect();
        let rest = rest.trim_start();
        if opened.is_empty() {
            return rest.to_string();
        }
        rich::tidy(&(opened + rest))
    }

    /// Whether the marker opens an item only after a paragraph break found on other
    /// evidence (a gap, a sentence end): a three-digit number at a line start is as often
    /// the end of a page range ("pp. 307 –" / "379.") as an exercise number.
    pub fn needs_break(&self) -> bool {
        self.class == BulletClass::Number && self.ordinal.is_some_and(|n| n >= 100)
    }

    /// An ordered item's label as printed (`a.`, `(ii)`, `3)`); `None` for bullets.
    pub fn printed_label(&self) -> Option<String> {
        let n = self.ordinal?;
        let core = match self.class {
            BulletClass::Number => n.to_string(),
            BulletClass::Alpha => char::from_u32('a' as u32 + n.checked_sub(1)?)?.to_string(),
            BulletClass::Roman => roman_numeral(n)?,
            _ => return None,
        };
        Some(match self.style {
            LabelStyle::Period => format!("{core}."),
            LabelStyle::Paren => format!("{core})"),
            LabelStyle::Parens => format!("({core})"),
            LabelStyle::None => return None,
        })
    }
}

/// `n` in lower-case roman numerals (the markers read are at most five of i, v, x).
fn roman_numeral(mut n: u32) -> Option<String> {
    if n == 0 || n > 39 {
        return None;
    }
    let mut out = String::new();
    for (value, digits) in [(10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i")] {
        while n >= value {
            out.push_str(digits);
            n -= value;
        }
    }
    Some(out)
}

static BULLET: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"^(?:[-–—•●∙·▪■□▫◦○‣⁃►▶➢➤✓✔❖◆◇*{}]|[\u{{E000}}-\u{{F8FF}}])[\u{{10FFF0}}-\u{{10FFF3}}]*[ \t]+",
        String::from_iter(SYMBOL_BULLETS)
    ))
    .expect("valid regex")
});
/// A bullet glyph that opens no word (•, ◦, ▪…) set against the item's first word, as
/// extractors write it where the typesetter left a narrow gap ("◦New routes…"): a bullet
/// when a capital or an opening quote follows. Dashes, asterisks and dots stand inside
/// words and numbers, so they need their space.
fn glued_bullet(t: &str) -> Option<regex_lite::Match<'_>> {
    let m = GLUED_BULLET.find(t)?;
    t[m.end()..]
        .chars()
        .next()
        .is_some_and(|c| c.is_uppercase() || matches!(c, '“' | '"' | '‘' | '\''))
        .then_some(m)
}

static GLUED_BULLET: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"^[•●◦○▪■▫‣►▶➢➤❖◆{}][\u{{10FFF0}}-\u{{10FFF3}}]*",
        String::from_iter(SYMBOL_BULLETS)
    ))
    .expect("valid regex")
});

/// A bullet misread as a letter or sign, possibly after a hyphen ("- O Item"): Wingdings
/// read as text (o, §, l, q), or OCR's ¢ and ° for a filled bullet.
static MISREAD_BULLET: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r#"^(?:[-•][ \t]+)?([oO0§lq¢°])[\u{10FFF0}-\u{10FFF3}]*[ \t]+["“‘'(\u{10FFF0}]?[A-ZÀ-ÖØ-Þ]"#,
    )
    .expect("valid regex")
});
/// An ordered label: a number of up to three digits without a leading zero (exercise sets
/// run into the hundreds; four digits at a line start are a year, "007" is a code), a
/// letter or a roman numeral. A three-digit number may also be a page range or a quantity
/// wrapped to the line start, so it opens an item only where a paragraph could begin
/// anyway (see [`ItemMarker::needs_break`]).
static ORDERED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"^(?:([0-9]{1,2}|[1-9][0-9]{2})[.)]|\(?([a-z])[.)]|\(([a-z])\)|\(([ivx]{1,5})\)|([ivx]{1,5})[.)])[\u{10FFF0}-\u{10FFF3}]*[ \t]+",
        non_space!()
    ))
    .expect("valid regex")
});

fn roman(s: &str) -> Option<u32> {
    let mut total = 0u32;
    let mut prev = 0;
    for c in s.chars().rev() {
        let v = match c {
            'i' => 1,
            'v' => 5,
            'x' => 10,
            'l' => 50,
            'c' => 100,
            _ => return None,
        };
        if v < prev {
            total = total.checked_sub(v)?;
        } else {
            total += v;
            prev = v;
        }
    }
    Some(total)
}

/// Byte offset of the first character that is not a style sentinel.
fn visible_start(text: &str) -> usize {
    text.char_indices()
        .find(|(_, c)| !rich::is_sentinel(*c))
        .map_or(text.len(), |(i, _)| i)
}

/// Whether `first` may open a [`MISREAD_BULLET`] match (a necessary condition, so that
/// most lines skip the expression and its capture slots).
fn may_open_misread_bullet(first: char) -> bool {
    matches!(
        first,
        '-' | '•' | 'o' | 'O' | '0' | '§' | 'l' | 'q' | '¢' | '°'
    )
}

/// Whether `t` may open an [`ORDERED`] match: a parenthesis, or a run of up to three
/// digits, or a letter or a run of roman digits, then a full stop or a parenthesis (most
/// lines open with a word, which has a letter in that place).
fn may_open_ordered(t: &str) -> bool {
    let b = t.as_bytes();
    let run_closes = |run: usize| matches!(b.get(run.max(1)), Some(b'.' | b')'));
    match b.first() {
        Some(b'(') => true,
        Some(c) if c.is_ascii_digit() => {
            run_closes(b.iter().take(4).take_while(|c| c.is_ascii_digit()).count())
        }
        Some(c) if c.is_ascii_lowercase() => {
            run_closes(1) || run_closes(b.iter().take(6).take_while(|c| b"ivx".contains(c)).count())
        }
        _ => false,
    }
}

/// The list marker at the start of `text`, if any.
pub fn line_marker(text: &str) -> Option<ItemMarker> {
    let start = visible_start(text);
    let t = &text[start..];
    let first = t.chars().next()?;
    if may_open_misread_bullet(first)
        && let Some(m) = MISREAD_BULLET.captures(t)
    {
        let glyph = m.get(1)?;
        let rest = t[glyph.end()..].trim_start();
        // "° C" and "° F" wrapped from "25 ° C" are units: an OCR bullet opens a word.
        if matches!(glyph.as_str(), "¢" | "°")
            && !rest.chars().nth(1).is_some_and(char::is_alphabetic)
        {
            return None;
        }
        // "O N D" under a chart is its last month labels, not an item: an item's text
        // opens with a word, not with a run of single letters.
        let plain_rest = crate::rich::plain(rest);
        let mut opening = plain_rest.split_whitespace().take(2);
        if opening.all(|w| w.chars().count() == 1) {
            return None;
        }
        // Wingdings read as text: l is ●, § is ▪, q is ❑ (a glyph with no usual level).
        let class = match glyph.as_str() {
            "o" | "O" | "0" => BulletClass::Circle,
            // OCR reads a filled bullet as ¢ or ° (Tesseract does both).
            "l" | "¢" | "°" => BulletClass::Disc,
            "q" => BulletClass::Other,
            _ => BulletClass::Square,
        };
        let after = t[glyph.end()..].len() - t[glyph.end()..].trim_start().len();
        return Some(ItemMarker {
            class,
            ordinal: None,
            len: start + glyph.end() + after,
            misread: true,
            misread_as: glyph.as_str().chars().next(),
            style: LabelStyle::None,
        });
    }
    // Every bullet glyph of BULLET and GLUED_BULLET (a necessary condition).
    if is_bullet_glyph(first)
        && let Some(m) = BULLET.find(t).or_else(|| glued_bullet(t))
    {
        let glyph = t.chars().next()?;
        let class = match glyph {
            '•' | '●' | '∙' | '·' | '-' | '\u{F0B7}' | '\u{F06C}' => BulletClass::Disc,
            '◦' | '○' | '❍' | '◉' | '◎' | '\u{F06F}' => BulletClass::Circle,
            '▪' | '■' | '□' | '▫' | '❑' | '❒' | '◻' | '☑' | '☒' | '\u{F0A7}' | '\u{F0A8}'
            | '\u{F06E}' | '\u{F071}' => BulletClass::Square,
            '–' | '—' | '⁃' => BulletClass::Dash,
            '‣' | '►' | '▶' | '➢' | '➤' | '➔' | '⇨' | '➲' | '\u{F0D8}' | '\u{F0E0}' => {
                BulletClass::Arrow
            }
            '✓' | '✔' | '✗' | '\u{F0FC}' | '\u{F0FB}' => BulletClass::Check,
            '❖' | '◆' | '◇' | '⬧' | '⧫' | '⬥' | '♦' | '\u{F076}' => {
                BulletClass::Diamond
            }
            '*' => BulletClass::Star,
            _ => BulletClass::Other,
        };
        // A dash followed by a number is a range or negative value, not a bullet.
        let rest = &t[m.end()..];
        if matches!(glyph, '-' | '–' | '—') && rest.starts_with(|c: char| c.is_ascii_digit()) {
            return None;
        }
        return Some(ItemMarker {
            class,
            ordinal: None,
            len: start + m.end(),
            misread: false,
            misread_as: None,
            style: LabelStyle::None,
        });
    }
    if may_open_ordered(t)
        && let Some(c) = ORDERED.captures(t)
    {
        let whole = c.get(0)?;
        // The regex consumed the first character of the item text; give it back.
        let last = t[..whole.end()].chars().last()?;
        let len = start + whole.end() - last.len_utf8();
        let (class, ordinal) = if let Some(n) = c.get(1) {
            (BulletClass::Number, n.as_str().parse().ok())
        } else if let Some(a) = c.get(2).or(c.get(3)) {
            let ch = a.as_str().chars().next()?;
            // "(i)" opens a roman list far more often than it is the ninth letter.
            if ch == 'i' {
                (BulletClass::Roman, Some(1))
            } else {
                (BulletClass::Alpha, Some(ch as u32 - 'a' as u32 + 1))
            }
        } else {
            let r = c.get(4).or(c.get(5))?;
            (BulletClass::Roman, roman(r.as_str()))
        };
        let label = t[..whole.end() - last.len_utf8()]
            .trim_end_matches(|c: char| c.is_whitespace() || rich::is_sentinel(c));
        let style = if label.starts_with('(') {
            LabelStyle::Parens
        } else if label.ends_with(')') {
            LabelStyle::Paren
        } else {
            LabelStyle::Period
        };
        if names_a_range(&text[len..], class) {
            return None;
        }
        return Some(ItemMarker {
            class,
            ordinal,
            len,
            misread: false,
            misread_as: None,
            style,
        });
    }
    None
}

/// Whether the text after an ordered label goes on with a conjunction and a second label
/// of its kind: "(c) and (d) of this section", "(ii) through (iv) apply", "3. to 5. are
/// void" is a cross-reference that a line wrapped to its start, not an item.
fn names_a_range(rest: &str, class: BulletClass) -> bool {
    let rest = rich::plain_cow(rest);
    let mut words = rest.split_whitespace();
    let (Some(conj), Some(label)) = (words.next(), words.next()) else {
        return false;
    };
    matches!(
        conj,
        "and" | "or" | "through" | "to" | "und" | "oder" | "bis" | "et" | "ou" | "à" | "y" | "o"
    ) && label.len() <= 8
        && line_marker(&format!("{label} x")).is_some_and(|m| m.class == class)
}

/// Compiles the marker patterns (see [`super::compile_patterns`]).
pub(super) fn compile_patterns() {
    LazyLock::force(&BULLET);
    LazyLock::force(&MISREAD_BULLET);
    LazyLock::force(&GLUED_BULLET);
    LazyLock::force(&ORDERED);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rich::bold;
    use crate::test_phrases::{assert_necessary, assert_same_matches, pattern_texts, phrases};

    const PIECES: &[&str] = &[
        "-",
        "•",
        "o",
        "O",
        "0",
        "§",
        "l",
        "q",
        "¢",
        "°",
        " ",
        "\t",
        "Item",
        "A",
        "É",
        "\"",
        "“",
        "(",
        ")",
        ".",
        "1",
        "12",
        "123",
        "a",
        "b",
        "i",
        "iv",
        "x",
        "\u{10FFF0}",
        "\u{10FFF1}",
        "\u{10FFF4}",
        "–",
        "*",
        "text",
        "●",
        "◦",
        "▪",
        "■",
        "‣",
        "►",
        "➤",
        "◆",
        "\u{E000}",
        "\u{F8FF}",
        "\u{10FFF3}",
        "\u{a0}",
        "\u{2003}",
        "\u{3000}",
        "\n",
        "ʼ",
        "Ø",
    ];

    /// The marker patterns, built with `regex-lite`, find what they found built with `regex`
    /// (the first three read the same in both; the last spelled `\S` out).
    #[test]
    fn marker_patterns_match_as_under_regex() {
        let texts = pattern_texts(PIECES, 120_000);
        let pairs = [
            (BULLET.as_str(), &*BULLET),
            (GLUED_BULLET.as_str(), &*GLUED_BULLET),
            (MISREAD_BULLET.as_str(), &*MISREAD_BULLET),
            (
                r"^(?:([0-9]{1,2}|[1-9][0-9]{2})[.)]|\(?([a-z])[.)]|\(([a-z])\)|\(([ivx]{1,5})\)|([ivx]{1,5})[.)])[\u{10FFF0}-\u{10FFF3}]*[ \t]+\S",
                &*ORDERED,
            ),
        ];
        assert_same_matches(&pairs, &texts);
    }

    #[test]
    fn first_character_tests_never_turn_away_a_marker() {
        let texts = phrases(PIECES, 120_000);
        let first = |check: fn(char) -> bool| move |t: &str| t.chars().next().is_some_and(check);
        let misread = assert_necessary(&MISREAD_BULLET, first(may_open_misread_bullet), &texts);
        let ordered = assert_necessary(&ORDERED, may_open_ordered, &texts);
        let bullet = assert_necessary(&BULLET, first(is_bullet_glyph), &texts);
        let glued = assert_necessary(&GLUED_BULLET, first(is_bullet_glyph), &texts);
        assert!(
            misread > 10 && ordered > 10 && bullet > 10 && glued > 10,
            "{misread} {ordered} {bullet} {glued}"
        );
    }

    fn class(t: &str) -> Option<(BulletClass, bool)> {
        line_marker(t).map(|m| (m.class, m.misread))
    }

    #[test]
    fn bullets_and_misreadings() {
        assert_eq!(class("- Arms transfer"), Some((BulletClass::Disc, false)));
        assert_eq!(class("• Nutrient loss"), Some((BulletClass::Disc, false)));
        assert_eq!(
            class("- O Regional Influence"),
            Some((BulletClass::Circle, true))
        );
        assert_eq!(
            class("o Coastal provinces"),
            Some((BulletClass::Circle, true))
        );
        assert_eq!(class("§ Square item"), Some((BulletClass::Square, true)));
        // OCR's readings of a filled bullet; a price or a temperature is not one.
        assert_eq!(
            class("¢ Salinity Intrusion: In the dry season"),
            Some((BulletClass::Disc, true))
        );
        assert_eq!(
            class("° The effect was largest at brick kilns"),
            Some((BulletClass::Disc, true))
        );
        assert_eq!(class("¢ 50 a litre at the kiosk"), None);
        assert_eq!(class("° C above the mean"), None);
        // A chart's month labels: only single letters follow the "O".
        assert_eq!(class("O N D"), None);
        assert_eq!(class("O N D cents/lb"), None);
        assert_eq!(class("O A new route"), Some((BulletClass::Circle, true)));
        assert_eq!(
            class("\u{F0A7} Children and women"),
            Some((BulletClass::Square, false))
        );
        assert_eq!(
            class("▪ Poorer households"),
            Some((BulletClass::Square, false))
        );
        // Wingdings' signs as the PDF reader gives them: a shadowed box, a lozenge, an
        // arrow, a ballot X.
        assert_eq!(class("❑ Agree"), Some((BulletClass::Square, false)));
        assert_eq!(class("⬧ Ask first"), Some((BulletClass::Diamond, false)));
        assert_eq!(class("➔ See page 4"), Some((BulletClass::Arrow, false)));
        assert_eq!(class("✗ Not allowed"), Some((BulletClass::Check, false)));
        assert_eq!(
            class(&format!("- {}", bold("Safety:"))).map(|c| c.0),
            Some(BulletClass::Disc)
        );
        assert_eq!(
            class(&format!("{} Item", bold("•"))).map(|c| c.0),
            Some(BulletClass::Disc)
        );
        assert_eq!(class("o the lowercase word"), None);
        assert_eq!(class("-5 per cent"), None);
        assert_eq!(class("– 12 per cent"), None);
        assert_eq!(class("Oil prices rose"), None);
    }

    #[test]
    fn bullets_set_against_their_word() {
        let m = line_marker("◦New routes through Saudi Arabia").unwrap();
        assert_eq!(m.class, BulletClass::Circle);
        assert_eq!(&"◦New routes"[m.len..], "New routes");
        assert_eq!(m.text_after("◦New routes"), "New routes");
        assert_eq!(class("•“Quoted” item"), Some((BulletClass::Disc, false)));
        // Only before a capital: "•x" is no item; dashes and stars need their space.
        assert_eq!(class("◦lowercase after a ring"), None);
        assert_eq!(class("-New"), None);
        assert_eq!(class("*Note"), None);
    }

    #[test]
    fn ordered_markers() {
        let m = line_marker("3. Community oversight").unwrap();
        assert_eq!(
            (m.class, m.ordinal, m.len),
            (BulletClass::Number, Some(3), 3)
        );
        assert_eq!(line_marker("b) second").unwrap().ordinal, Some(2));
        assert_eq!(line_marker("(iv) fourth").unwrap().ordinal, Some(4));
        assert_eq!(line_marker("(c) third").unwrap().class, BulletClass::Alpha);
        assert!(line_marker("2024. The year").is_none());
        assert!(line_marker("A. Smith").is_none());
        // A reference wrapped to a line's start names a range, not an item.
        assert!(line_marker("(c) and (d) of this section. If the").is_none());
        assert!(line_marker("(ii) through (iv) apply to all").is_none());
        assert!(line_marker("(c) and the others follow").is_some());
        // Exercise sets run past 99: the printed number is still the item's label.
        let m = line_marker("150. A rocket is fired").unwrap();
        assert_eq!((m.ordinal, m.len, m.needs_break()), (Some(150), 5, true));
        assert!(!line_marker("15. A rocket").unwrap().needs_break());
        assert!(line_marker("007. code").is_none());
    }

    #[test]
    fn a_run_opened_in_the_marker_goes_on_in_the_text() {
        use crate::rich::{BOLD_OFF, BOLD_ON, ITALIC_OFF, ITALIC_ON};
        let line = format!("(b){ITALIC_ON} Substances, vegetable origin.{ITALIC_OFF} Unless");
        let m = line_marker(&line).unwrap();
        assert_eq!(m.ordinal, Some(2));
        assert_eq!(
            m.text_after(&line),
            format!("{ITALIC_ON}Substances, vegetable origin.{ITALIC_OFF} Unless")
        );
        // A run the marker opens and closes ends with it.
        let line = format!("{BOLD_ON}1.{BOLD_OFF} Scope");
        let m = line_marker(&line).unwrap();
        assert_eq!(m.text_after(&line), "Scope");
    }
}
