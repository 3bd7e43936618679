//! Dates as printed on title blocks ("August 16, 2024", "16 Aug 2024", "2024-08-16",
//! "March 2023") parsed into a [`PubDate`].

use std::sync::LazyLock;

use regex::Regex;

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

/// The month number of an English month name or its abbreviation ("Sept.", "aug").
pub fn month_number(word: &str) -> Option<u8> {
    let w = word.trim_end_matches('.').to_lowercase();
    if w.len() < 3 {
        return None;
    }
    MONTHS
        .iter()
        .position(|m| m.starts_with(&w))
        .map(|i| i as u8 + 1)
}

static MONTH_DAY_YEAR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^([A-Za-z]{3,9})\.?\s+([0-9]{1,2})(?:st|nd|rd|th)?(?:\s*[-–]\s*[0-9]{1,2})?,?\s+([0-9]{4})$",
    )
    .expect("valid regex")
});
static DAY_MONTH_YEAR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^([0-9]{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?([A-Za-z]{3,9})\.?,?\s+([0-9]{4})$")
        .expect("valid regex")
});
static MONTH_YEAR: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^([A-Za-z]{3,9})\.?,?\s+([0-9]{4})$").expect("valid regex"));
static ISO: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^([0-9]{4})-([0-9]{1,2})(?:-([0-9]{1,2}))?$").expect("valid regex")
});
static NUMERIC: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^([0-9]{1,2})[./]([0-9]{1,2})[./]([0-9]{4})$").expect("valid regex")
});
static PREFIX: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:date|dated|published|publication date|issued|released)\s*(?:on)?\s*:?\s*")
        .expect("valid regex")
});

/// Whether `t` holds four ASCII digits in a row, as every date pattern does (its year). A
/// line without them is no date, and the patterns need not be run on it.
fn has_four_digits(t: &str) -> bool {
    t.as_bytes()
        .split(|b| !b.is_ascii_digit())
        .any(|run| run.len() >= 4)
}

/// Compiles the patterns nearly every document needs (see [`crate::compile_patterns_in_background`]).
pub(crate) fn compile_patterns() {
    LazyLock::force(&MONTH_DAY_YEAR);
    LazyLock::force(&DAY_MONTH_YEAR);
    LazyLock::force(&MONTH_YEAR);
    LazyLock::force(&ISO);
    LazyLock::force(&NUMERIC);
    LazyLock::force(&PREFIX);
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
        PREFIX.replace(trimmed, "")
    } else {
        std::borrow::Cow::Borrowed(trimmed)
    };
    let body = body.trim().trim_end_matches('.');
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
    if let Some(c) = MONTH_DAY_YEAR.captures(s) {
        return Some((
            c[3].parse().ok()?,
            Some(month_number(&c[1])?),
            Some(c[2].parse().ok()?),
        ));
    }
    if let Some(c) = DAY_MONTH_YEAR.captures(s) {
        return Some((
            c[3].parse().ok()?,
            Some(month_number(&c[2])?),
            Some(c[1].parse().ok()?),
        ));
    }
    if let Some(c) = MONTH_YEAR.captures(s) {
        return Some((c[2].parse().ok()?, Some(month_number(&c[1])?), None));
    }
    if let Some(c) = ISO.captures(s) {
        let day = match c.get(3) {
            Some(d) => Some(d.as_str().parse().ok()?),
            None => None,
        };
        return Some((c[1].parse().ok()?, Some(c[2].parse().ok()?), day));
    }
    if let Some(c) = NUMERIC.captures(s) {
        // Day first (the international convention) unless that cannot be a month/day pair.
        let (a, b): (u8, u8) = (c[1].parse().ok()?, c[2].parse().ok()?);
        let (day, month) = if b > 12 && a <= 12 { (b, a) } else { (a, b) };
        return Some((c[3].parse().ok()?, Some(month), Some(day)));
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_phrases::{assert_necessary, filled, phrases};

    #[test]
    fn every_date_pattern_needs_four_digits() {
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
        for p in [
            &MONTH_DAY_YEAR,
            &DAY_MONTH_YEAR,
            &MONTH_YEAR,
            &ISO,
            &NUMERIC,
        ] {
            assert!(
                assert_necessary(p, has_four_digits, &texts) >= 6,
                "{}",
                p.as_str()
            );
        }
        assert_eq!(parse_date_line("March 3"), None);
    }

    fn iso(s: &str) -> Option<String> {
        parse_date_line(s).and_then(|d| d.iso())
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
