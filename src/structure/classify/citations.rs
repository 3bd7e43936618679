//! Citations and links: whether a unit reads like a note's citation rather than prose,
//! and whether a text is or holds a URL.

use std::sync::LazyLock;

use aho_corasick::{AhoCorasick, AhoCorasickKind};
use regex::Regex;

use crate::rich;
use crate::structure::shapes::{citation_numbers, ibid_start, url_or_doi_start};
use crate::words::words;

/// What every match of [`URL_OR_DOI`](crate::structure::shapes) holds: "://", "www." or
/// "10.". A text without any cannot match, and is not searched.
fn may_hold_url(t: &str) -> bool {
    crate::structure::shapes::holds_url_opening(t, &["://", "www.", "10."])
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
/// [`CITATION_WORDS`] in one automaton: a text is read once for all of them, where a
/// search per phrase read a long paragraph thirty times. A contiguous NFA, not the DFA
/// `AhoCorasick::new` picks for so few phrases: building the DFA cost about 1.1 M
/// instructions, a tenth of a one-page document's conversion, where the NFA costs a small
/// fraction of that; the prefilter both share does most of a search, and whether a text
/// matches does not depend on the automaton.
static CITATION_PHRASES: LazyLock<AhoCorasick> = LazyLock::new(|| {
    AhoCorasick::builder()
        .kind(Some(AhoCorasickKind::ContiguousNFA))
        .build(CITATION_WORDS)
        .expect("valid phrases")
});
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
/// "Author Name, “Title…": the text before the first comma, when that is not empty and the
/// comma is followed, after any white space, by a quotation mark, `*` or a bold sentinel.
/// (Decided by hand: the pattern it was, `^([^,]+),\s*["“‘*\u{10FFF2}]`, cost more to build
/// than a short document's classifying.)
fn author_start(t: &str) -> Option<&str> {
    let (authors, rest) = t.split_once(',')?;
    let mark = rest
        .trim_start_matches(char::is_whitespace)
        .chars()
        .next()?;
    (!authors.is_empty() && matches!(mark, '"' | '“' | '‘' | '*' | '\u{10FFF2}')).then_some(authors)
}

/// How many times a sentence ends inside `t` before a capitalised word and a lower-case
/// one: the matches, one after another, of `[a-z]{3,}[.!?]\s+[A-Z][a-z]+\s+[a-z]+`. Each
/// run of ASCII lower-case letters is the only place a match can start (the letters must
/// reach the stop), and every step after it is forced, so one pass over the runs counts
/// them. (By hand: built with `regex` the pattern cost more than most documents' use of
/// it, and `regex-lite` matches it slowly on long paragraphs.)
fn sentence_ends_in_middle(t: &str) -> usize {
    let c: Vec<char> = t.chars().collect();
    let run = |from: usize, f: fn(&char) -> bool| c[from..].iter().take_while(|x| f(x)).count();
    let lower: fn(&char) -> bool = char::is_ascii_lowercase;
    let space: fn(&char) -> bool = |x| x.is_whitespace();
    // The end of the match whose letters run from `i` for `letters` characters.
    let match_end = |i: usize, letters: usize| {
        let mut j = i + letters;
        if letters < 3 || !matches!(c.get(j), Some('.' | '!' | '?')) {
            return None;
        }
        j += 1;
        // `\s+`, `[A-Z]` (one character), `[a-z]+`, `\s+`, `[a-z]+`.
        let upper: fn(&char) -> bool = char::is_ascii_uppercase;
        for (f, most) in [
            (space, usize::MAX),
            (upper, 1),
            (lower, usize::MAX),
            (space, usize::MAX),
            (lower, usize::MAX),
        ] {
            let n = run(j, f).min(most);
            if n == 0 {
                return None;
            }
            j += n;
        }
        Some(j)
    };
    let (mut i, mut count) = (0, 0);
    while i < c.len() {
        let letters = run(i, lower);
        if letters == 0 {
            i += 1;
        } else if let Some(end) = match_end(i, letters) {
            count += 1;
            i = end;
        } else {
            i += letters;
        }
    }
    count
}

/// Whether the text is only a URL (a note's link on a line of its own).
pub fn is_url_only(text: &str) -> bool {
    let t = rich::plain_cow(text);
    let t = t.trim();
    if !may_hold_url(t) {
        return false;
    }
    !t.is_empty() && !t.contains(' ') && url_or_doi_start(t) == Some(0)
        || (t.split_whitespace().count() == 2
            && url_or_doi_start(t) == Some(0)
            && !t.contains(". "))
}

/// Whether the text contains a URL.
pub fn has_url(text: &str) -> bool {
    may_hold_url(text) && url_or_doi_start(text).is_some()
}

/// Whether a citation starts with its authors: up to seven capitalised words (or
/// "and", "&", particles, "et al.") before a comma and a quotation mark.
fn starts_with_author(t: &str) -> bool {
    let Some(authors) = author_start(t) else {
        return false;
    };
    let ws: Vec<&str> = authors.split_whitespace().collect();
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
    if CITATION_PHRASES.is_match(&lower)
        || citation_numbers(&lower)
        || place_and_year_in_brackets(&lower)
    {
        score += 2.0;
    }
    if may_hold_url(&t) && url_or_doi_start(&t).is_some() {
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
    let sentences = sentence_ends_in_middle(&t);
    if sentences >= 2 && !(may_hold_url(&t) && url_or_doi_start(&t).is_some()) {
        score -= 1.0;
    }
    score
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_phrases::{
        assert_decides_as, assert_necessary, filled, pattern_texts, phrases,
    };

    /// The author start and the sentence count, decided by hand, are their patterns'.
    #[test]
    fn author_start_and_sentence_ends_are_their_patterns() {
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
        let author = Regex::new(r#"^([^,]+),\s*["“‘*\u{10FFF2}]"#).unwrap();
        let sentences = Regex::new(r"[a-z]{3,}[.!?]\s+[A-Z][a-z]+\s+[a-z]+").unwrap();
        let mut counted = 0;
        for t in &texts {
            let by_pattern = author.captures(t).map(|c| c.get(1).unwrap().as_str());
            assert_eq!(author_start(t), by_pattern, "{t:?}");
            let want = sentences.find_iter(t).count();
            assert_eq!(sentence_ends_in_middle(t), want, "{t:?}");
            counted += usize::from(want >= 1);
        }
        assert!(counted > 100, "{counted}");
        assert_decides_as(author.as_str(), |t| author_start(t).is_some(), &texts);
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
        let url = Regex::new(crate::structure::shapes::URL_OR_DOI).unwrap();
        assert!(assert_necessary(&url, may_hold_url, &texts) > 100);
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
