//! Dates as printed on title blocks ("August 16, 2024", "16 Aug 2024", "2024-08-16",
//! "March 2023") parsed into a [`PubDate`].

use crate::model::PubDate;

const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// Whether `word` is an English month's abbreviation ("JAN", "Sept."), shorter than the
/// month's name.
pub fn month_abbreviation(word: &str) -> bool {
    let letters = word.trim_end_matches('.');
    month_number(word).is_some_and(|m| letters.chars().count() < MONTHS[usize::from(m) - 1].len())
}

/// The month number of an English month name or its abbreviation ("Sept.", "aug").
///
/// Only an ASCII word can be one: the names are lower-case ASCII, and every other
/// character lower-cases to something outside them (the Kelvin sign to `k`, which no
/// name has; `month_names_need_ascii` checks them all), so a lower-case copy of a word
/// with any would never match.
pub fn month_number(word: &str) -> Option<u8> {
    let t = word.trim_end_matches('.');
    if !t.is_ascii() {
        return None;
    }
    // Compared letter by letter without a lower-case copy (the names are lower-case
    // ASCII): content-word filters ask this of every word of a text.
    let t = t.as_bytes();
    if t.len() < 3 {
        return None;
    }
    MONTHS
        .iter()
        .position(|m| m.len() >= t.len() && m.as_bytes()[..t.len()].eq_ignore_ascii_case(t))
        .map(|i| i as u8 + 1)
}

const WEEKDAYS: [&str; 7] = [
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

/// Whether a line names a day or a month and nothing else, without a year: "February",
/// "Monday", "3 March", "Tuesday, March 3rd". Such a line heads a diary page, a
/// calendar or a set of notes; it is never a document's title.
pub fn is_day_without_year(line: &str) -> bool {
    let tokens: Vec<&str> = line
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|t| !t.is_empty())
        .collect();
    if tokens.is_empty() || tokens.len() > 4 {
        return false;
    }
    let mut named = false;
    for token in tokens {
        let lower = token.trim_end_matches('.').to_lowercase();
        if MONTHS.contains(&lower.as_str()) || WEEKDAYS.contains(&lower.as_str()) {
            named = true;
            continue;
        }
        let digits = lower.trim_end_matches(|c: char| c.is_ascii_alphabetic());
        let suffix = &lower[digits.len()..];
        let day = (1..=2).contains(&digits.len())
            && digits.chars().all(|c| c.is_ascii_digit())
            && ["", "st", "nd", "rd", "th"].contains(&suffix);
        if !day {
            return false;
        }
    }
    named
}

/// The patterns [`month_day_year`], [`day_month_year`], [`iso`] and [`numeric`] decide by
/// hand. Compiled, they cost about a millisecond per process, more than the rest of a
/// short document's date handling by far.
#[cfg(test)]
const MONTH_DAY_YEAR: &str =
    r"^([A-Za-z]{3,9})\.?\s+([0-9]{1,2})(?:st|nd|rd|th)?(?:\s*[-–]\s*[0-9]{1,2})?,?\s+([0-9]{4})$";
#[cfg(test)]
const DAY_MONTH_YEAR: &str =
    r"^([0-9]{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?([A-Za-z]{3,9})\.?,?\s+([0-9]{4})$";
#[cfg(test)]
const ISO: &str = r"^([0-9]{4})-([0-9]{1,2})(?:-([0-9]{1,2}))?$";
#[cfg(test)]
const NUMERIC: &str = r"^([0-9]{1,2})[./]([0-9]{1,2})[./]([0-9]{4})$";

/// `s` split after its leading run of bytes that pass `class` (ASCII classes only).
fn run(s: &str, class: fn(&u8) -> bool) -> (&str, &str) {
    s.split_at(s.bytes().take_while(class).count())
}

/// The leading run of ASCII digits when it is `min..=max` long, and what follows it. A
/// run longer than `max` matches nothing: in every pattern here a digit run is followed by
/// something other than a digit.
fn digits(s: &str, min: usize, max: usize) -> Option<(&str, &str)> {
    let (d, rest) = run(s, u8::is_ascii_digit);
    (min..=max).contains(&d.len()).then_some((d, rest))
}

/// The leading run of ASCII letters when it is 3 to 9 long (a month word), and the rest.
fn month_word(s: &str) -> Option<(&str, &str)> {
    let (w, rest) = run(s, u8::is_ascii_alphabetic);
    (3..=9).contains(&w.len()).then_some((w, rest))
}

/// `s` after one or more white-space characters (`\s+`), or `None`.
fn spaces(s: &str) -> Option<&str> {
    let rest = s.trim_start_matches(char::is_whitespace);
    (rest.len() < s.len()).then_some(rest)
}

/// `s` after an ordinal suffix (`(?:st|nd|rd|th)?`).
fn ordinal(s: &str) -> &str {
    ["st", "nd", "rd", "th"]
        .iter()
        .find_map(|x| s.strip_prefix(x))
        .unwrap_or(s)
}

/// Whether `s` is exactly four ASCII digits (the year closing every pattern).
fn year(s: &str) -> Option<&str> {
    (s.len() == 4 && s.bytes().all(|b| b.is_ascii_digit())).then_some(s)
}

/// "March 3, 2023", "Sept. 3rd – 5 2024": (month word, day, year) as [`MONTH_DAY_YEAR`]
/// captures them. Each step has one way to go on, so the first way found is the match.
fn month_day_year(s: &str) -> Option<(&str, &str, &str)> {
    let (month, rest) = month_word(s)?;
    let rest = spaces(rest.strip_prefix('.').unwrap_or(rest))?;
    let (day, rest) = digits(rest, 1, 2)?;
    let rest = ordinal(rest);
    // A range's dash comes after optional spaces; without one, the spaces are the ones
    // before the year.
    let after = rest.trim_start_matches(char::is_whitespace);
    let rest = match after.strip_prefix(['-', '–']) {
        Some(dash) => digits(dash.trim_start_matches(char::is_whitespace), 1, 2)?.1,
        None => rest,
    };
    let rest = spaces(rest.strip_prefix(',').unwrap_or(rest))?;
    Some((month, day, year(rest)?))
}

/// "3 March 2023", "1st of May, 2020": (day, month word, year) as [`DAY_MONTH_YEAR`]
/// captures them. "of" is taken when followed by white space: two letters cannot be the
/// month word, so no match leaves it.
fn day_month_year(s: &str) -> Option<(&str, &str, &str)> {
    let (day, rest) = digits(s, 1, 2)?;
    let rest = spaces(ordinal(rest))?;
    let rest = rest.strip_prefix("of").and_then(spaces).unwrap_or(rest);
    let (month, rest) = month_word(rest)?;
    let rest = rest.strip_prefix('.').unwrap_or(rest);
    let rest = spaces(rest.strip_prefix(',').unwrap_or(rest))?;
    Some((day, month, year(rest)?))
}

/// "2023-03" or "2023-3-14": (year, month, day) as [`ISO`] captures them.
fn iso_parts(s: &str) -> Option<(&str, &str, Option<&str>)> {
    let (y, rest) = digits(s, 4, 4)?;
    let (m, rest) = digits(rest.strip_prefix('-')?, 1, 2)?;
    if rest.is_empty() {
        return Some((y, m, None));
    }
    let (d, rest) = digits(rest.strip_prefix('-')?, 1, 2)?;
    rest.is_empty().then_some((y, m, Some(d)))
}

/// "3.12.2023", "12/3/2023": the three numbers as [`NUMERIC`] captures them.
fn numeric(s: &str) -> Option<(&str, &str, &str)> {
    let (a, rest) = digits(s, 1, 2)?;
    let (b, rest) = digits(rest.strip_prefix(['.', '/'])?, 1, 2)?;
    Some((a, b, year(rest.strip_prefix(['.', '/'])?)?))
}

/// The pattern [`month_year`] decides by hand.
#[cfg(test)]
const MONTH_YEAR: &str = r"^([A-Za-z]{3,9})\.?,?\s+([0-9]{4})$";

/// "March 2023", "Sept., 2024": the month word and the year, as [`MONTH_YEAR`] captures
/// them. By hand, because that pattern's `\s` took ~0.3 ms to compile.
fn month_year(s: &str) -> Option<(&str, &str)> {
    let letters = s.bytes().take_while(u8::is_ascii_alphabetic).count();
    // More than nine letters cannot be cut short: a letter follows the ninth, and neither
    // a dot, a comma nor a space may.
    if !(3..=9).contains(&letters) {
        return None;
    }
    let (month, rest) = s.split_at(letters);
    let rest = rest.strip_prefix('.').unwrap_or(rest);
    let rest = rest.strip_prefix(',').unwrap_or(rest);
    let year = rest.trim_start_matches(char::is_whitespace);
    (year.len() < rest.len() && year.len() == 4 && year.bytes().all(|b| b.is_ascii_digit()))
        .then_some((month, year))
}

/// The pattern [`strip_prefix`] decides by hand.
#[cfg(test)]
const PREFIX: &str =
    r"(?i)^(?:date|dated|published|publication date|issued|released)\s*(?:on)?\s*:?\s*";

/// `t` without what [`PREFIX`] matches at its start ("Date:", "Published on"). By hand,
/// because the pattern took ~0.5 ms to compile. The pattern's first word that opens `t`
/// wins ("date" before "dated"), and what follows it is all optional, taken greedily.
fn strip_prefix(t: &str) -> &str {
    /// Whether `t` opens with `word`, letters compared as `(?i)` compares them: ASCII
    /// case ignored, and `s` also matching `ſ` (U+017F), its only other case partner here.
    fn opens_with<'a>(t: &'a str, word: &str) -> Option<&'a str> {
        let mut chars = t.chars();
        for w in word.chars() {
            let c = chars.next()?;
            if c.to_ascii_lowercase() != w && !(w == 's' && c == 'ſ') {
                return None;
            }
        }
        Some(chars.as_str())
    }
    let words = [
        "date",
        "dated",
        "published",
        "publication date",
        "issued",
        "released",
    ];
    let Some(rest) = words.iter().find_map(|w| opens_with(t, w)) else {
        return t;
    };
    let rest = rest.trim_start_matches(char::is_whitespace);
    let rest = opens_with(rest, "on").unwrap_or(rest);
    let rest = rest.trim_start_matches(char::is_whitespace);
    let rest = rest.strip_prefix(':').unwrap_or(rest);
    rest.trim_start_matches(char::is_whitespace)
}

/// `t` without the day of the week that opens it ("Thursday, August 6, 2020", "Fri,
/// Feb 24, 2017"): the name or its first three letters or more, then a comma, a stop or
/// a space.
fn strip_weekday(t: &str) -> &str {
    let letters = t.bytes().take_while(u8::is_ascii_alphabetic).count();
    let (word, rest) = t.split_at(letters);
    let named = letters >= 3
        && WEEKDAYS.iter().any(|d| {
            d.len() >= letters && d.as_bytes()[..letters].eq_ignore_ascii_case(word.as_bytes())
        });
    match rest
        .strip_prefix(['.', ','])
        .or_else(|| rest.strip_prefix(' '))
    {
        Some(after) if named => after.trim_start_matches([',', ' ']),
        _ => t,
    }
}

/// Whether `t` holds four ASCII digits in a row, as every date pattern does (its year). A
/// line without them is no date, and the patterns need not be run on it.
fn has_four_digits(t: &str) -> bool {
    t.as_bytes()
        .split(|b| !b.is_ascii_digit())
        .any(|run| run.len() >= 4)
}

/// Parses a line that is only a date (optionally after "Date:" or "Published"), or `None`.
pub fn parse_date_line(line: &str) -> Option<PubDate> {
    let trimmed = line
        .trim()
        .trim_matches(|c: char| c == '*' || c == '_')
        .trim();
    if !has_four_digits(trimmed) {
        return None;
    }
    // Every match of the prefix opens with d, p, i or r in either case (none of its letters
    // has a case partner outside ASCII but `s`, which no alternative opens with).
    let body = if trimmed.starts_with(['d', 'D', 'p', 'P', 'i', 'I', 'r', 'R']) {
        strip_prefix(trimmed)
    } else {
        trimmed
    };
    let body = strip_weekday(body.trim()).trim_end_matches('.');
    let (year, month, day) = parse_parts(body)?;
    if !(1800..=2200).contains(&year) || !valid_day(month, day) {
        return None;
    }
    Some(PubDate {
        printed: trimmed.to_string(),
        year: Some(year),
        month,
        day,
    })
}

fn valid_day(month: Option<u8>, day: Option<u8>) -> bool {
    match (month, day) {
        (Some(m), Some(d)) => (1..=12).contains(&m) && (1..=31).contains(&d),
        (Some(m), None) => (1..=12).contains(&m),
        (None, None) => true,
        (None, Some(_)) => false,
    }
}

fn parse_parts(s: &str) -> Option<(i32, Option<u8>, Option<u8>)> {
    if let Some((month, day, year)) = month_day_year(s) {
        return Some((
            year.parse().ok()?,
            Some(month_number(month)?),
            Some(day.parse().ok()?),
        ));
    }
    if let Some((day, month, year)) = day_month_year(s) {
        return Some((
            year.parse().ok()?,
            Some(month_number(month)?),
            Some(day.parse().ok()?),
        ));
    }
    if let Some((month, year)) = month_year(s) {
        return Some((year.parse().ok()?, Some(month_number(month)?), None));
    }
    if let Some((year, month, day)) = iso_parts(s) {
        let day = match day {
            Some(d) => Some(d.parse().ok()?),
            None => None,
        };
        return Some((year.parse().ok()?, Some(month.parse().ok()?), day));
    }
    if let Some((a, b, year)) = numeric(s) {
        // Day first (the international convention) unless that cannot be a month/day pair.
        let (a, b): (u8, u8) = (a.parse().ok()?, b.parse().ok()?);
        let (day, month) = if b > 12 && a <= 12 { (b, a) } else { (a, b) };
        return Some((year.parse().ok()?, Some(month), Some(day)));
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_phrases::{assert_necessary, filled, phrases};
    use regex::Regex;

    /// No character outside ASCII lower-cases to letters the month names are made of
    /// only, so [`month_number`] may turn such words away unread.
    #[test]
    fn month_names_need_ascii() {
        let in_names = |c: char| MONTHS.iter().any(|m| m.contains(c));
        let lone = (0x80..=0x10FFFF).filter_map(char::from_u32);
        for c in lone {
            assert!(!c.to_lowercase().all(in_names), "{c:?}");
        }
    }

    #[test]
    fn a_day_or_a_month_alone_is_a_day_without_year() {
        for yes in [
            "February",
            "Monday",
            "3 March",
            "Tuesday, March 3rd",
            "MAY",
            "june 21",
        ] {
            assert!(is_day_without_year(yes), "{yes}");
        }
        for no in [
            "March 2023",
            "Arch",
            "May Day Parade",
            "3",
            "",
            "Mar",
            "February 30 2024",
            "Friday Notes",
            "March 3 4 5 6",
        ] {
            assert!(!is_day_without_year(no), "{no}");
        }
    }

    /// Texts near the date patterns: random pieces of dates, and each pattern's slots
    /// filled every way.
    fn date_texts() -> Vec<String> {
        let mut texts = phrases(
            &[
                "March", "Mar", "3", "2023", "12", "/", ".", "-", "–", "st", "th", ",", " ", "of",
                "May", "123", "1999", "0",
            ],
            20_000,
        );
        let year: &[&str] = &["2023", "99", "123", "12345"];
        for slots in [
            vec![
                &["March", "Mar", "Sept"][..],
                &[".", ""],
                &[" ", ""],
                &["3", "12", "123"],
                &["st", "th", ""],
                &["", "-4", " – 5"],
                &[",", ""],
                &[" ", ""],
                year,
            ],
            vec![
                &["3", "12"][..],
                &["st", ""],
                &[" "],
                &["of ", ""],
                &["March", "May"],
                &[".", ""],
                &[",", ""],
                &[" ", ""],
                year,
            ],
            vec![
                &["March", "May"][..],
                &[".", ""],
                &[",", ""],
                &[" ", ""],
                year,
            ],
            vec![year, &["-"], &["1", "12"], &["", "-3", "-12"]],
            vec![
                &["3", "12"][..],
                &[".", "/"],
                &["1", "12"],
                &[".", "/"],
                year,
            ],
        ] {
            texts.extend(filled(&slots));
        }
        texts
    }

    #[test]
    fn every_date_pattern_needs_four_digits() {
        let texts = date_texts();
        for p in [MONTH_DAY_YEAR, DAY_MONTH_YEAR, MONTH_YEAR, ISO, NUMERIC] {
            let p = Regex::new(p).unwrap();
            assert!(
                assert_necessary(&p, has_four_digits, &texts) >= 6,
                "{}",
                p.as_str()
            );
        }
        assert_eq!(parse_date_line("March 3"), None);
    }

    /// The four date forms decided by hand capture what their patterns capture, on the
    /// date texts and on random strings of their pieces and of white space outside ASCII.
    #[test]
    fn dates_by_hand_are_the_patterns() {
        let mut texts = date_texts();
        texts.extend(phrases(
            &[
                "March", "Sept", "3", "12", "123", "2023", "١٢٣٤", "-", "–", "/", ".", ",", " ",
                "\u{a0}", "\u{2003}", "\n", "st", "nd", "rd", "th", "of", "of ", "ofx", "x",
            ],
            80_000,
        ));
        texts.extend(filled(&[
            &["2023", "1999", "123"],
            &["-", "/"],
            &["1", "09", "123"],
            &["", "-3", "-31", "-310", "/3"],
        ]));
        texts.extend(filled(&[
            &["3", "12", "123"],
            &[".", "/", "-"],
            &["1", "12"],
            &[".", "/"],
            &["2023", "202"],
        ]));
        let group = |c: &regex::Captures<'_>, i: usize| c.get(i).map(|m| m.as_str().to_string());
        let (mdy_re, dmy_re) = (
            Regex::new(MONTH_DAY_YEAR).unwrap(),
            Regex::new(DAY_MONTH_YEAR).unwrap(),
        );
        let (iso_re, numeric_re) = (Regex::new(ISO).unwrap(), Regex::new(NUMERIC).unwrap());
        let mut matched = [0; 4];
        for t in &texts {
            let own = |f: Option<(&str, &str, &str)>| {
                f.map(|(a, b, c)| [a, b, c].map(|x| Some(x.to_string())))
            };
            let theirs = |re: &Regex| re.captures(t).map(|c| [1, 2, 3].map(|i| group(&c, i)));
            let want = [
                theirs(&mdy_re),
                theirs(&dmy_re),
                theirs(&iso_re),
                theirs(&numeric_re),
            ];
            let got = [
                own(month_day_year(t)),
                own(day_month_year(t)),
                iso_parts(t).map(|(y, m, d)| {
                    [
                        Some(y.to_string()),
                        Some(m.to_string()),
                        d.map(String::from),
                    ]
                }),
                own(numeric(t)),
            ];
            for (k, (w, g)) in want.iter().zip(&got).enumerate() {
                assert_eq!(g, w, "pattern {k} on {t:?}");
                matched[k] += usize::from(w.is_some());
            }
        }
        assert!(matched.iter().all(|&m| m >= 20), "{matched:?}");
    }

    #[test]
    fn month_year_and_prefix_by_hand_are_the_patterns() {
        let month_year_pattern = Regex::new(MONTH_YEAR).unwrap();
        let prefix_pattern = Regex::new(PREFIX).unwrap();
        let mut texts = phrases(
            &[
                "March",
                "Mar",
                "Ma",
                "Septembers",
                "2023",
                "123",
                "12345",
                ".",
                ",",
                " ",
                "\u{a0}",
                "\n",
                "ſ",
                "x",
                "Date",
                "DATED",
                "publiſhed",
                "Publication Date",
                "publication",
                " date",
                "issued",
                "Released",
                "on",
                "ON",
                ":",
                "١٢٣٤",
            ],
            60_000,
        );
        texts.extend(
            [
                "March 2023",
                "Sept., 2024",
                "Date: 1 May 2020",
                "dated on : x",
            ]
            .map(String::from),
        );
        texts.extend(filled(&[
            &[
                "Ma",
                "Mar",
                "March",
                "Septembe",
                "September",
                "Septembers",
                "Date",
                "1",
            ],
            &["", ".", ","],
            &["", ",", "."],
            &["", " ", "\u{a0}", "\n\t", "x"],
            &["2023", "202", "20234", "2023 ", "١٢٣٤"],
        ]));
        let (mut month_years, mut prefixes) = (0, 0);
        for t in &texts {
            let want = month_year_pattern
                .captures(t)
                .map(|c| (c.get(1).unwrap().as_str(), c.get(2).unwrap().as_str()));
            assert_eq!(month_year(t), want, "{t:?}");
            month_years += usize::from(want.is_some());
            let stripped = prefix_pattern.replace(t, "");
            assert_eq!(strip_prefix(t), stripped, "{t:?}");
            prefixes += usize::from(stripped.len() < t.len());
        }
        assert!(
            month_years > 50 && prefixes > 5000,
            "{month_years} {prefixes}"
        );
    }

    fn iso(s: &str) -> Option<String> {
        parse_date_line(s).and_then(|d| d.iso())
    }

    #[test]
    fn a_day_of_the_week_before_the_date_is_no_part_of_it() {
        assert_eq!(
            iso("Thursday, August 6, 2020").as_deref(),
            Some("2020-08-06")
        );
        assert_eq!(
            iso("Tuesday, January 13, 2009").as_deref(),
            Some("2009-01-13")
        );
        assert_eq!(iso("Fri, Feb 24, 2017").as_deref(), Some("2017-02-24"));
        assert_eq!(iso("Wed. 3 March 2021").as_deref(), Some("2021-03-03"));
        // A word that only begins like a day is no day.
        assert_eq!(iso("Monetary, August 6, 2020"), None);
        assert_eq!(iso("Sunrise 2020"), None);
    }

    #[test]
    fn common_printed_forms() {
        assert_eq!(iso("August 16, 2024").as_deref(), Some("2024-08-16"));
        assert_eq!(iso("  16 August 2024 ").as_deref(), Some("2024-08-16"));
        assert_eq!(iso("Aug. 6 2024").as_deref(), Some("2024-08-06"));
        assert_eq!(iso("1st March, 2023").as_deref(), Some("2023-03-01"));
        assert_eq!(iso("March 2023").as_deref(), Some("2023-03"));
        assert_eq!(iso("2025-02-11").as_deref(), Some("2025-02-11"));
        assert_eq!(iso("Published: 11/02/2025").as_deref(), Some("2025-02-11"));
        assert_eq!(iso("02/13/2025").as_deref(), Some("2025-02-13"));
        assert_eq!(iso("**September 3, 2024**").as_deref(), Some("2024-09-03"));
        assert_eq!(iso("Sept. 3, 2024").as_deref(), Some("2024-09-03"));
    }

    #[test]
    fn sentences_and_impossible_dates_are_not_dates() {
        assert_eq!(iso("Signed on August 16, 2024 in Pyongyang"), None);
        assert_eq!(iso("Mayday 2024"), None);
        assert_eq!(iso("February 31x, 2024"), None);
        assert_eq!(iso("13/13/2024"), None);
        assert_eq!(iso("Page 2 of 7"), None);
    }
}
