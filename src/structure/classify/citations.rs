//! Citations and links: whether a unit reads like a note's citation rather than prose,
//! and whether a text is or holds a URL.

use std::sync::LazyLock;

use regex::Regex;

use crate::patterns::space;
use crate::rich;
use crate::structure::shapes::{citation_numbers, ibid_start};
use crate::words::words;

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
static AUTHOR_START: LazyLock<regex_lite::Regex> = LazyLock::new(|| {
    regex_lite::Regex::new(concat!(r#"^([^,]+),"#, space!(), r#"*["“‘*\u{10FFF2}]"#))
        .expect("valid regex")
});
static SENTENCE_END_IN_MIDDLE: LazyLock<regex_lite::Regex> = LazyLock::new(|| {
    regex_lite::Regex::new(concat!(
        r"[a-z]{3,}[.!?]",
        space!(),
        r"+[A-Z][a-z]+",
        space!(),
        r"+[a-z]+"
    ))
    .expect("valid regex")
});

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

/// Compiles the citation patterns (see [`super::compile_patterns`]).
pub(super) fn compile_patterns() {
    LazyLock::force(&AUTHOR_START);
    LazyLock::force(&SENTENCE_END_IN_MIDDLE);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_phrases::{
        assert_necessary, assert_same_matches, filled, pattern_texts, phrases,
    };

    /// The two patterns built with `regex-lite` find what their `regex` originals found.
    #[test]
    fn author_and_sentence_patterns_match_as_under_regex() {
        let texts = pattern_texts(
            &[
                "Smith",
                "Ana Diallo",
                "and",
                ",",
                ", ",
                ",\u{a0}",
                ",\u{2003}",
                "\"",
                "“",
                "‘",
                "*",
                "\u{10FFF2}",
                "x",
                "the",
                "word",
                ".",
                "!",
                "?",
                " ",
                "\t",
                "\n",
                "\u{3000}",
                "\u{85}",
                "The",
                "Report",
                "É",
                "é",
                "ſ",
                "K",
            ],
            120_000,
        );
        let pairs = [
            (r#"^([^,]+),\s*["“‘*\u{10FFF2}]"#, &*AUTHOR_START),
            (
                r"[a-z]{3,}[.!?]\s+[A-Z][a-z]+\s+[a-z]+",
                &*SENTENCE_END_IN_MIDDLE,
            ),
        ];
        assert_same_matches(&pairs, &texts);
    }

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
}
