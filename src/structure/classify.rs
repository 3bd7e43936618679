//! What a line or unit is: list item (and which bullet), note text (and its label),
//! heading, or running text. Each test is a small function over rich text.

use std::sync::LazyLock;

use regex::Regex;

use super::shapes::{citation_numbers, ibid_start};
use crate::rich::{self, SUP_OFF, SUP_ON};

use crate::line_kinds::title_like;
use crate::words::words;

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
    Regex::new(
        r"^(?:[-–—•●∙·▪■□▫◦○‣⁃►▶➢➤✓✔❖◆◇*]|[\u{E000}-\u{F8FF}])[\u{10FFF0}-\u{10FFF3}]*[ \t]+",
    )
    .expect("valid regex")
});
/// A bullet glyph that opens no word (•, ◦, ▪…) set against the item's first word, as
/// extractors write it where the typesetter left a narrow gap ("◦New routes…"): a bullet
/// when a capital or an opening quote follows. Dashes, asterisks and dots stand inside
/// words and numbers, so they need their space.
fn glued_bullet(t: &str) -> Option<regex::Match<'_>> {
    let m = GLUED_BULLET.find(t)?;
    t[m.end()..]
        .chars()
        .next()
        .is_some_and(|c| c.is_uppercase() || matches!(c, '“' | '"' | '‘' | '\''))
        .then_some(m)
}

static GLUED_BULLET: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^[•●◦○▪■▫‣►▶➢➤❖◆][\u{10FFF0}-\u{10FFF3}]*").expect("valid regex")
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
    Regex::new(
        r"^(?:([0-9]{1,2}|[1-9][0-9]{2})[.)]|\(?([a-z])[.)]|\(([a-z])\)|\(([ivx]{1,5})\)|([ivx]{1,5})[.)])[\u{10FFF0}-\u{10FFF3}]*[ \t]+\S",
    )
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

/// The list marker at the start of `text`, if any.
pub fn line_marker(text: &str) -> Option<ItemMarker> {
    let start = visible_start(text);
    let t = &text[start..];
    if let Some(m) = MISREAD_BULLET.captures(t) {
        let glyph = m.get(1)?;
        // "° C" and "° F" wrapped from "25 ° C" are units: an OCR bullet opens a word.
        if matches!(glyph.as_str(), "¢" | "°")
            && !t[glyph.end()..]
                .trim_start()
                .chars()
                .nth(1)
                .is_some_and(char::is_alphabetic)
        {
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
            style: LabelStyle::None,
        });
    }
    if let Some(m) = BULLET.find(t).or_else(|| glued_bullet(t)) {
        let glyph = t.chars().next()?;
        let class = match glyph {
            '•' | '●' | '∙' | '·' | '-' | '\u{F0B7}' | '\u{F06C}' => BulletClass::Disc,
            '◦' | '○' | '\u{F06F}' => BulletClass::Circle,
            '▪' | '■' | '□' | '▫' | '\u{F0A7}' | '\u{F0A8}' | '\u{F06E}' | '\u{F071}' => {
                BulletClass::Square
            }
            '–' | '—' | '⁃' => BulletClass::Dash,
            '‣' | '►' | '▶' | '➢' | '➤' | '\u{F0D8}' | '\u{F0E0}' => BulletClass::Arrow,
            '✓' | '✔' | '\u{F0FC}' | '\u{F0FB}' => BulletClass::Check,
            '❖' | '◆' | '◇' | '\u{F076}' => BulletClass::Diamond,
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
            style: LabelStyle::None,
        });
    }
    if let Some(c) = ORDERED.captures(t) {
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
        return Some(ItemMarker {
            class,
            ordinal,
            len,
            misread: false,
            style,
        });
    }
    None
}

/// A footnote label at the start of a note's text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NoteLabel {
    /// A number as printed (raised or plain).
    Number(u32),
    /// A label mangled beyond reading (`[&]`).
    Mangled,
    /// A label of another family (roman, letter, symbol) and its ordinal in that
    /// family; a label with several readings (`i`) takes the likelier one.
    Family(super::families::Family, u32),
    /// No label at all.
    None,
}

static PLAIN_LABEL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#"^([0-9]{1,3})(?:(?:[.)]|\s*\u{10FFF5})?[ \t]+(\S)|([A-ZÀ-ÖØ-Þ][a-zß-öø-ÿ]|[“"‘][A-Za-zÀ-ÖØ-öø-ɏḀ-ỿ]))"#)
        .expect("valid regex")
});
static SUP_LABEL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\u{10FFF4}\s*([0-9]{1,3}|[*†‡§¶‖]{1,3}|[ivxlc]{1,6}|[IVXLC]{1,6}|[a-z])\s*\u{10FFF5}[ \t]*")
        .expect("valid regex")
});
/// A plain label of another family at the start of a note: symbols before text, a roman
/// numeral or a letter with a full stop or parenthesis ("iv. ", "b) "), or a lower-case
/// one before a capital ("ii Source", "a Data from").
static PLAIN_FAMILY_LABEL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:([*†‡§¶‖]{1,3})[ \t]*[^\s*†‡§¶‖]|([ivxlc]{1,6}|[IVXLC]{1,6}|[a-z])[.)][ \t]+\S|([ivx]{1,5}|[a-z])[ \t]+[A-Z“\x22])")
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
    let closes = (0..rest.len()).any(|i| super::misread_markers::closes_single_quote(&rest, i));
    (!closes).then_some(len)
}

/// The label at the start of a note candidate and the byte length it occupies.
/// `plain_numbers` allows "12 Text" / "12. Text" labels (otherwise read as list numbers).
pub fn note_label(text: &str, plain_numbers: bool) -> (NoteLabel, usize) {
    if let Some(c) = SUP_LABEL.captures(text) {
        let len = c.get(0).map_or(0, |m| m.end());
        // Outside note zones (`plain_numbers` off) only numbers and symbols make a raised
        // label a note's: a raised letter opening a line is too often something else.
        return match super::families::readings(&c[1]).first() {
            Some(&(super::families::Family::Arabic, n)) => (NoteLabel::Number(n), len),
            Some(&(family, n)) if plain_numbers || family == super::families::Family::Symbol => {
                (NoteLabel::Family(family, n), len)
            }
            _ => (NoteLabel::None, 0),
        };
    }
    if let Some(m) = MANGLED_LABEL.find(text) {
        return (NoteLabel::Mangled, m.end());
    }
    if plain_numbers && let Some(len) = misread_label(text) {
        return (NoteLabel::Mangled, len);
    }
    if plain_numbers
        && let Some(c) = PLAIN_LABEL.captures(text)
        && let Ok(n) = c[1].parse::<u32>()
    {
        let len = c.get(2).or(c.get(3)).map_or(0, |m| m.start());
        return (NoteLabel::Number(n), len);
    }
    if plain_numbers && let Some(c) = PLAIN_FAMILY_LABEL.captures(text) {
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
        if let Some(&(family, n)) = super::families::readings(label).first()
            && family != super::families::Family::Arabic
        {
            return (NoteLabel::Family(family, n), len);
        }
    }
    (NoteLabel::None, 0)
}

static URL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\b(?:https?://|www\.)\S+|\bdoi:\s*10\.[0-9]{4,}/\S+|\b10\.[0-9]{4,}/\S+")
        .expect("valid regex")
});
/// What every match of [`URL`] holds: "://", "www." or "10.". A text without any cannot
/// match, and the pattern (~1–2 ms to compile, for its `\b` and `\S`) need not be built.
fn may_hold_url(t: &str) -> bool {
    t.contains("://") || t.contains("www.") || t.contains("10.")
}
/// Phrases of citations, looked for in lower-cased text.
const CITATION_WORDS: &[&str] = &[
    "published on",
    "published in",
    "published by",
    "accessed",
    "retrieved",
    "available at",
    "available from",
    "available online",
    "last modified",
    "last updated",
    "press release",
    "ibid",
    "op. cit",
    "op.cit",
    "loc. cit",
    "interview with",
    "interviewed by",
    "interview by",
    "conducted on",
    "see also",
    "personal communication",
    "cited in",
    "quoted in",
    "(ed.)",
    "(eds.)",
    "(eds)",
    "(ed)",
    " eds.,",
    " ed.,",
];
/// Whether `text` holds a bracket that opens with a lower-case ASCII letter, then 1–40
/// characters, a colon, 1–60 characters and four digits that close it, with no bracket
/// inside ("(manila: adb, 2023)"): the pattern `\([a-z][^()]{1,40}:[^()]{1,60}[0-9]{4}\)`
/// decided by hand. As a regular expression its bounded repeats of a Unicode class cost
/// about 2.5 ms to compile, more than a short document's whole conversion.
fn place_and_year_in_brackets(text: &str) -> bool {
    let mut rest = text;
    while let Some(open) = rest.find('(') {
        rest = &rest[open + 1..];
        // What a match holds runs to the next bracket, which must close it.
        if let Some(end) = rest.find(['(', ')'])
            && rest[end..].starts_with(')')
            && place_and_year(&rest[..end])
        {
            return true;
        }
    }
    false
}

/// The inside of one bracket in [`place_and_year_in_brackets`].
fn place_and_year(inside: &str) -> bool {
    let mut chars = inside.chars();
    if !chars.next().is_some_and(|c| c.is_ascii_lowercase()) {
        return false;
    }
    // The rest: `k` characters, the colon, `n - k - 5` characters, four digits.
    let rest: Vec<char> = chars.collect();
    let n = rest.len();
    if n < 7 || !rest[n - 4..].iter().all(char::is_ascii_digit) {
        return false;
    }
    (1..=40.min(n - 6)).any(|k| rest[k] == ':' && (1..=60).contains(&(n - k - 5)))
}
static QUOTED_TITLE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#"(?:^|[\s(\[])["“‘'][^"”]{10,}?[”"’'](?:[\s,.;:)\]]|$)"#).expect("valid regex")
});
/// What every match of [`QUOTED_TITLE`] holds: an opening quotation mark at the start or
/// after whitespace, `(` or `[`, and a closing mark somewhere. Most notes and paragraphs
/// have neither (an apostrophe inside a word is not an opening), and the pattern
/// (compiled for every document before) need not be built for them.
fn may_quote_a_title(t: &str) -> bool {
    let mut prev: Option<char> = None;
    let opens = t.chars().any(|c| {
        let opening = matches!(c, '"' | '“' | '‘' | '\'')
            && prev.is_none_or(|p| p.is_whitespace() || p == '(' || p == '[');
        prev = Some(c);
        opening
    });
    opens && t.contains(['”', '"', '’', '\''])
}
/// "Author Name, “Title…": a comma after the first words, then a quotation mark.
static AUTHOR_START: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r#"^([^,]+),\s*["“‘*\u{10FFF2}]"#).expect("valid regex"));
static SENTENCE_END_IN_MIDDLE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"[a-z]{3,}[.!?]\s+[A-Z][a-z]+\s+[a-z]+").expect("valid regex"));

/// Whether the text is only a URL (a note's link on a line of its own).
pub fn is_url_only(text: &str) -> bool {
    let t = rich::plain(text);
    let t = t.trim();
    if !may_hold_url(t) {
        return false;
    }
    !t.is_empty() && !t.contains(' ') && URL.find(t).is_some_and(|m| m.start() == 0)
        || (t.split_whitespace().count() == 2
            && URL.find(t).is_some_and(|m| m.start() == 0)
            && !t.contains(". "))
}

/// Whether the text contains a URL.
pub fn has_url(text: &str) -> bool {
    may_hold_url(text) && URL.is_match(text)
}

/// Whether a citation starts with its authors: up to seven capitalised words (or
/// "and", "&", particles, "et al.") before a comma and a quotation mark.
fn starts_with_author(t: &str) -> bool {
    let Some(c) = AUTHOR_START.captures(t) else {
        return false;
    };
    let ws: Vec<&str> = c[1].split_whitespace().collect();
    (1..=7).contains(&ws.len())
        && ws.iter().enumerate().all(|(i, w)| {
            let cap = w.chars().next().is_some_and(char::is_uppercase);
            (i == 0 && cap)
                || (i > 0
                    && (cap
                        || matches!(
                            *w,
                            "and" | "&" | "de" | "van" | "von" | "al" | "bin" | "et" | "al."
                        )))
        })
}

/// How much `text` (a unit's rich text without its label) reads like a citation or note
/// rather than running prose. Positive means note-like.
pub fn citation_score(text: &str) -> f32 {
    let t = rich::plain(text);
    let n = words(&t);
    let mut score = 0.0;
    let lower = t.to_ascii_lowercase();
    if CITATION_WORDS.iter().any(|w| lower.contains(w))
        || citation_numbers(&lower)
        || place_and_year_in_brackets(&lower)
    {
        score += 2.0;
    }
    if may_hold_url(&t) && URL.is_match(&t) {
        score += 2.0;
    }
    let quoted_title = may_quote_a_title(&t) && QUOTED_TITLE.is_match(&t);
    if quoted_title {
        score += 1.0;
    }
    if starts_with_author(&t) {
        score += 1.5;
    }
    if t.trim_start().starts_with(['"', '“', '\'', '‘']) && quoted_title {
        score += 1.0;
    }
    // "Ibid." and friends open nothing but notes.
    if ibid_start(&lower) {
        score += 2.0;
    }
    if t.contains('\u{10FFF2}') || text.contains(rich::ITALIC_ON) {
        score += 0.5;
    }
    if n > 70 {
        score -= 2.0;
    }
    if n > 110 {
        score -= 2.0;
    }
    // Prose reads as several sentences of lower-case words.
    let sentences = SENTENCE_END_IN_MIDDLE.find_iter(&t).count();
    if sentences >= 2 && !(may_hold_url(&t) && URL.is_match(&t)) {
        score -= 1.0;
    }
    score
}

pub use crate::words::mostly_words;

/// Whether a single line has the shape of a heading: short, capitalised, mostly words,
/// without closing punctuation other than a colon.
pub fn looks_like_heading_line(text: &str) -> bool {
    let t = rich::plain_without_scripts(text);
    let t = t.trim();
    let n = words(t);
    if n == 0 || n > 14 || t.chars().count() > 110 || !mostly_words(t) {
        return false;
    }
    if t.ends_with('.') || breaks_off(t) || has_url(t) {
        return false;
    }
    let first = t.chars().next().unwrap_or(' ');
    if !(first.is_uppercase() || first.is_ascii_digit() || first == '“' || first == '"') {
        return false;
    }
    if line_marker(text).is_some_and(|m| !m.class.ordered()) {
        return false;
    }
    title_like(t)
}

/// Whether a line breaks off where its phrase goes on: a trailing comma, semicolon or dash
/// ("Government of India -", "Socio-"). A heading is complete in itself.
pub fn breaks_off(t: &str) -> bool {
    t.trim_end().ends_with([',', ';', '-', '–', '—'])
}

static NUMBERED_HEADING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^((?:[0-9]{1,2}\.)*[0-9]{1,2})\.?[ \t]+(\S.*)$").expect("valid regex")
});

/// A numbered heading: its number ("2.1") and text, when `text` has that shape.
pub fn numbered_heading(text: &str) -> Option<(String, String)> {
    let t = rich::plain_without_scripts(text);
    let c = NUMBERED_HEADING.captures(t.trim())?;
    let rest = c[2].trim().to_string();
    if words(&rest) > 12 || rest.ends_with('.') || breaks_off(&rest) || has_url(&rest) {
        return None;
    }
    if !rest.chars().next().is_some_and(|ch| ch.is_uppercase())
        || !title_like(&rest) && words(&rest) > 6
    {
        return None;
    }
    Some((c[1].to_string(), rest))
}

/// Compiles the patterns nearly every document needs (see [`crate::compile_patterns_in_background`]).
pub(crate) fn compile_patterns() {
    LazyLock::force(&BULLET);
    LazyLock::force(&MISREAD_BULLET);
    LazyLock::force(&GLUED_BULLET);
    LazyLock::force(&ORDERED);
    LazyLock::force(&PLAIN_LABEL);
    LazyLock::force(&SUP_LABEL);
    LazyLock::force(&PLAIN_FAMILY_LABEL);
    LazyLock::force(&MANGLED_LABEL);
    LazyLock::force(&AUTHOR_START);
    LazyLock::force(&SENTENCE_END_IN_MIDDLE);
    LazyLock::force(&NUMBERED_HEADING);
}

/// "Conclusion: text…" (not in bold) → ("Conclusion", byte offset of the text).
pub fn run_in_heading(text: &str) -> Option<(String, usize)> {
    if text.starts_with(rich::BOLD_ON) {
        return None;
    }
    let (name, start) = super::shapes::run_in_heading(text)?;
    // "Background: A River Managed in Pieces" is a heading with a colon, not a run-in one:
    // what follows a run-in heading is prose.
    let rest = rich::plain(&text[start..]);
    if words(&rest) < 6 || (!crate::words::ends_sentence(&text[start..]) && words(&rest) < 12) {
        return None;
    }
    Some((name.to_string(), start))
}

/// Headings that introduce a list of notes.
pub fn is_notes_heading(text: &str) -> bool {
    let t = rich::plain(text);
    let t = t.trim().trim_end_matches(':').to_lowercase();
    matches!(
        t.as_str(),
        "notes" | "endnotes" | "end notes" | "footnotes" | "notes and references"
    )
}

/// "References", "Bibliography": a list that holds the notes when it is numbered and the
/// text cites it with raised numbers.
pub fn is_reference_list_heading(text: &str) -> bool {
    let t = rich::plain(text);
    let t = t.trim().trim_end_matches(':').to_lowercase();
    matches!(t.as_str(), "references" | "bibliography" | "works cited")
}

/// Raised digits anywhere in the text.
pub fn sup_digits(text: &str) -> impl Iterator<Item = u32> + '_ {
    text.split(SUP_ON).skip(1).filter_map(|rest| {
        let inner = rest.split(SUP_OFF).next()?;
        inner.trim().parse().ok()
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rich::{bold, sup};
    use crate::test_phrases::{assert_necessary, filled, phrases};

    #[test]
    fn citation_numbers_by_hand_and_pattern_are_the_old_pattern() {
        // The one pattern the two replace, control character and all (the hand-written
        // `citation_numbers` is itself checked against its own part in `shapes`).
        let old = Regex::new(
            "\x08(?:pp?|vol|no)\\.\\s*[0-9]|\\([0-9]{4}\\)|[0-9]{4}\\)?\\s*:\\s*[0-9]|\\([a-z][^()]{1,40}:[^()]{1,60}[0-9]{4}\\)",
        )
        .unwrap();
        let runs: Vec<String> = [1, 9, 10, 19, 20, 38, 39, 40, 58, 59]
            .iter()
            .map(|&n| "x".repeat(n))
            .collect();
        let mut pieces = vec![
            "(",
            ")",
            "m",
            "manila",
            ":",
            ": ",
            " ",
            "adb, ",
            "2023",
            "19",
            "1",
            "é",
            "ü ",
            "pp. 4",
            "vol.",
            "\u{8}no. 3",
            "Manila",
        ];
        pieces.extend(runs.iter().map(String::as_str));
        let mut texts = phrases(&pieces, 40_000);
        let sizes: Vec<String> = [0, 1, 2, 39, 40, 41, 58, 59, 60, 61]
            .iter()
            .map(|&n| "é".repeat(n))
            .collect();
        let sizes: Vec<&str> = sizes.iter().map(String::as_str).collect();
        texts.extend(filled(&[
            &["", "see "],
            &["(", "(("],
            &["m", "M", "é"],
            &sizes,
            &[":", " ", "(:"],
            &sizes,
            &["2023", "19", "1234)"],
            &[")", ").", ""],
        ]));
        let mut matched = 0;
        for t in &texts {
            let want = old.is_match(t);
            let got = citation_numbers(t) || place_and_year_in_brackets(t);
            assert_eq!(got, want, "{t:?}");
            matched += usize::from(place_and_year_in_brackets(t));
        }
        assert!(
            matched > 100,
            "only {matched} texts reached the bracket test"
        );
        assert!(place_and_year_in_brackets("see (manila: adb, 2023)."));
        assert!(!place_and_year_in_brackets("see (manila (adb): 2023)."));
        assert!(!place_and_year_in_brackets("(Manila: ADB, 2023)"));
    }

    #[test]
    fn url_test_never_turns_away_a_url() {
        let texts = phrases(
            &[
                "http",
                "https",
                "://",
                "www",
                ".",
                "doi:",
                " ",
                "10",
                "1234",
                "10.1234/",
                "/",
                "x",
                "é",
                "a-b",
                "\u{10FFF0}",
            ],
            20_000,
        );
        assert!(assert_necessary(&URL, may_hold_url, &texts) > 100);
    }

    #[test]
    fn quoted_title_test_never_turns_away_a_quoted_title() {
        let mut texts = phrases(
            &[
                "\"",
                "“",
                "”",
                "‘",
                "’",
                "'",
                "(",
                ")",
                "[",
                "]",
                " ",
                "\u{a0}",
                "\n",
                ",",
                ".",
                "Title",
                "of the work",
                "don't",
                "x",
                "é",
                "\u{2003}",
            ],
            80_000,
        );
        texts.extend(filled(&[
            &["", "Smith, ", "x", "(", "[", " ", "\u{a0}"],
            &["\"", "“", "‘", "'"],
            &["A Long Title Here", "short", "It’s a title, long"],
            &["\"", "”", "’", "'"],
            &["", ",", ".", ")", " 2001", "x"],
        ]));
        let matched = assert_necessary(&QUOTED_TITLE, may_quote_a_title, &texts);
        assert!(matched > 1_000, "{matched}");
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
        assert_eq!(
            class("\u{F0A7} Children and women"),
            Some((BulletClass::Square, false))
        );
        assert_eq!(
            class("▪ Poorer households"),
            Some((BulletClass::Square, false))
        );
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
        // Exercise sets run past 99: the printed number is still the item's label.
        let m = line_marker("150. A rocket is fired").unwrap();
        assert_eq!((m.ordinal, m.len, m.needs_break()), (Some(150), 5, true));
        assert!(!line_marker("15. A rocket").unwrap().needs_break());
        assert!(line_marker("007. code").is_none());
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
    fn citations_score_above_prose() {
        let notes = [
            "\"Kim pledges 'full support' for Russia\", Aljazeera, published on June 19, 2024.",
            "Ibid., pp. 57-59.",
            "Interview with a provincial official, Kampong Chhnang, conducted on September 3, 2024.",
            "https://www.example.org/a/b",
            "Sok Vanna, “Two Forums, One River”, Journal of Affairs 12, no. 2 (2022): 41-63.",
        ];
        for n in notes {
            assert!(citation_score(n) >= 2.0, "{n}: {}", citation_score(n));
        }
        let prose = [
            "President Vladimir Putin's state visit to the Democratic People's Republic of Korea on June 18-19, 2024, marks a significant development in the geopolitical landscape of East Asia. This visit, the first by a Russian leader in nearly two decades, underscores the evolving dynamics in the region amidst heightened tensions and shifting alliances.",
            "The Mekong carries water, sediment and fish across six countries before it fans out into the delta. Over the past fifteen years, the river has been re-engineered faster than the institutions meant to govern it.",
        ];
        for p in prose {
            assert!(citation_score(p) < 1.0, "{p}: {}", citation_score(p));
        }
    }

    #[test]
    fn headings() {
        assert!(looks_like_heading_line("Key Outcomes of the Visit:"));
        assert!(looks_like_heading_line("What Has Changed on the River"));
        assert!(looks_like_heading_line("RECOMMENDATIONS"));
        assert!(!looks_like_heading_line("The visit was short."));
        assert!(!looks_like_heading_line(
            "and continues the sentence from before"
        ));
        assert_eq!(
            numbered_heading("2.1 Study Sites"),
            Some(("2.1".into(), "Study Sites".into()))
        );
        assert_eq!(
            numbered_heading("1. Renewed Bilateral Agreements:"),
            Some(("1".into(), "Renewed Bilateral Agreements:".into()))
        );
        assert_eq!(
            numbered_heading("2. Protect the flood pulse through coordinated releases."),
            None
        );
        assert_eq!(
            run_in_heading("Conclusion: The visit mattered more than most expected."),
            Some(("Conclusion".into(), 12))
        );
        assert_eq!(
            run_in_heading("Background: A River Managed in Pieces"),
            None
        );
        assert_eq!(
            run_in_heading(&format!("{}The rest", bold("Conclusion:"))),
            None
        );
        assert_eq!(run_in_heading("New Treaty: The latest"), None);
        assert!(is_notes_heading("Endnotes"));
        assert_eq!(
            sup_digits(&format!("a{}b{}", sup("3"), sup("x"))).collect::<Vec<_>>(),
            vec![3]
        );
    }
}
