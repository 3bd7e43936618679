//! Tests of the marker candidates (see `candidates.rs`).

use super::*;
use crate::test_phrases::{assert_necessary, phrases};

/// The values of the marker candidates found in `text`, numbered notes assumed.
fn candidate_values(text: &str) -> Vec<Vec<u32>> {
    let mut out = Vec::new();
    find_candidates(text, 0, Family::Arabic, &mut out);
    out.iter().map(|c| c.values.clone()).collect()
}

#[test]
fn a_raised_fraction_numerator_is_no_marker_candidate() {
    let mut out = Vec::new();
    let fraction = format!("The rate is 48{}/2 cents a mile.", rich::sup("1"));
    find_candidates(&fraction, 0, Family::Arabic, &mut out);
    assert!(out.is_empty());
    let marker = format!("The rate is 48 cents a mile.{} It rose.", rich::sup("1"));
    find_candidates(&marker, 0, Family::Arabic, &mut out);
    assert_eq!(out.len(), 1);
}

/// An isotope's mass number opens the word it is raised before ("¹H NMR", "(¹³C)"):
/// no marker. The same number after a word, or after a space and before a space, is.
#[test]
fn a_raised_number_opening_a_word_is_no_marker_candidate() {
    for text in [
        format!("Determined by {}H NMR analysis.", rich::sup("1")),
        format!("The shifts ({}C) agree.", rich::sup("13")),
    ] {
        let mut out = Vec::new();
        find_candidates(&text, 0, Family::Arabic, &mut out);
        assert!(out.is_empty(), "{text}");
    }
    for text in [
        format!("Determined by analysis{} Hydrogen is next.", rich::sup("1")),
        format!("Determined by analysis {} of the mixture.", rich::sup("1")),
    ] {
        let mut out = Vec::new();
        find_candidates(&text, 0, Family::Arabic, &mut out);
        assert_eq!(out.len(), 1, "{text}");
    }
}

/// The byte search for the runs' sentinels finds what a search by character finds,
/// at every place of every string of up to four sentinels, letters and other
/// characters of four bytes.
#[test]
fn sentinel_search_finds_what_a_character_search_finds() {
    let alphabet = [
        "a",
        "é",
        "\u{10000}",
        "\u{100000}",
        "\u{10FFF0}",
        "\u{10FFF4}",
        "\u{10FFF5}",
        "\u{10FFF6}",
        "\u{10FFF7}",
        "\u{10FFF8}",
        "\u{10FFF9}",
    ];
    let n = alphabet.len();
    let by_chars = |before: &str| {
        let open = [SUP_ON, SUB_ON, rich::REF_ON];
        let close = [SUP_OFF, SUB_OFF, rich::REF_OFF];
        match (
            before.rfind(|c| open.contains(&c)),
            before.rfind(|c| close.contains(&c)),
        ) {
            (Some(o), Some(c)) => o > c,
            (Some(_), None) => true,
            _ => false,
        }
    };
    for k in 0..n.pow(4) {
        let text: String = (0..4).map(|d| alphabet[k / n.pow(d) % n]).collect();
        for (i, _) in text.char_indices().chain([(text.len(), ' ')]) {
            assert_eq!(
                inside_run(&text, i),
                by_chars(&text[..i]),
                "{text:?} at {i}"
            );
            assert_eq!(
                last_sentinel(&text[..i], |c| c == rich::REF_ON || c == rich::REF_OFF),
                text[..i].rfind([rich::REF_ON, rich::REF_OFF]),
                "{text:?} at {i}"
            );
        }
    }
}

const PIECES: &[&str] = &[
    " ",
    "  ",
    "\n",
    "a",
    "Word",
    "É",
    "p",
    "1",
    "23",
    "456",
    "7",
    ".",
    ",",
    ";",
    ":",
    "!",
    "?",
    ")",
    "]",
    "(",
    "\"",
    "”",
    "’",
    "'",
    "“",
    "*",
    "†",
    "‡",
    "§",
    "¶",
    "‖",
    "\u{10FFF0}",
    "\u{10FFF9}",
    "-",
];

#[test]
fn glued_test_never_turns_away_a_glued_number() {
    let texts = phrases(PIECES, 80_000);
    let matched = assert_necessary(&GLUED, may_hold_glued, &texts);
    assert!(matched > 1_000, "{matched}");
}

#[test]
fn spaced_test_never_turns_away_a_spaced_number() {
    let texts = phrases(PIECES, 80_000);
    let matched = assert_necessary(&SPACED, may_hold_spaced, &texts);
    assert!(matched > 5, "{matched}");
}

#[test]
fn glued_symbol_test_never_turns_away_a_symbol() {
    let texts = phrases(PIECES, 80_000);
    let matched = assert_necessary(&GLUED_SYMBOL, may_hold_glued_symbol, &texts);
    assert!(matched > 1_000, "{matched}");
}

#[test]
fn a_subscript_run_after_a_subscript_comma_is_no_marker() {
    let sub = |t: &str| format!("{SUB_ON}{t}{SUB_OFF}");
    // K₃,₃ with its comma in a font of its own: three lowered runs.
    let graph = format!("(d) K{}{}{}", sub("3"), sub(","), sub("3"));
    assert!(candidate_values(&graph).is_empty());
    let italic = format!(
        "(d) K{}{ITALIC_ON}{}{ITALIC_OFF}{}",
        sub("3"),
        sub(","),
        sub("3")
    );
    assert!(candidate_values(&italic).is_empty());
    // A marker set low after the sentence's own full stop still counts.
    assert_eq!(
        candidate_values(&format!("the end.{} Next", sub("3"))),
        vec![vec![3]]
    );
}

/// "Received: 2 February 2023" opens a date after its label: the day is no spaced
/// marker. The same number before a new sentence still is one.
#[test]
fn a_day_before_its_month_is_no_spaced_marker() {
    for date in [
        "Received: 2 February 2023",
        "Published: 6 Mar. 2023",
        "as agreed. 12 December, the board met",
    ] {
        assert!(candidate_values(date).is_empty(), "{date}");
    }
    assert_eq!(
        candidate_values("as agreed. 12 The board met"),
        vec![vec![12]]
    );
}

#[test]
fn the_last_plain_character_is_that_of_the_plain_text() {
    let (on, off) = (rich::REF_ON, rich::REF_OFF);
    let (ref_on, sup_on) = (on.to_string(), SUP_ON.to_string());
    let mut pieces = PIECES.to_vec();
    pieces.extend([ref_on.as_str(), ref_on.as_str(), sup_on.as_str()]);
    let mut texts = phrases(&pieces, 20_000);
    texts.extend([
        format!("a{on}12{off}"),
        format!("a{on}12"),
        format!("{on}1{off}{on}2{off}"),
        format!("x{on}1{off}y{on}2{off}{SUP_ON}{SUP_OFF}"),
        format!("{off}b{on}"),
    ]);
    for t in &texts {
        assert_eq!(last_plain_char(t), rich::plain(t).chars().last(), "{t:?}");
    }
}

#[test]
fn a_raised_number_after_a_variable_is_an_exponent() {
    let sup = |t: &str| format!("{SUP_ON}{t}{SUP_OFF}");
    let it = |t: &str| format!("{ITALIC_ON}{t}{ITALIC_OFF}");
    // χ², σ², R² and x² in running text: powers, never markers.
    for var in [it("χ"), "χ".to_string(), "(σ".to_string(), it("R"), it("x")] {
        let text = format!("analysed using {var}{} tests.", sup("2"));
        assert!(candidate_values(&text).is_empty(), "{text:?}");
    }
    // A marker after a word, a word in italics, an upright capital or a sentence stays
    // one.
    for before in [
        "the tests".to_string(),
        format!("the {}", it("Lancet")),
        format!("in {}", it("the Lancet")),
        "Plan B".to_string(),
        "ended.".to_string(),
        "λόγος".to_string(),
    ] {
        let text = format!("{before}{} Next.", sup("2"));
        assert_eq!(candidate_values(&text), vec![vec![2]], "{text:?}");
    }
}

#[test]
fn a_decimal_before_a_bracket_holds_no_marker() {
    assert!(candidate_values("reported by participants was 1.5 (SD = 1.8).").is_empty());
    // A year that ends a sentence, then a marker and the next sentence, still holds one.
    assert_eq!(
        candidate_values("signed in 1961.2 The treaty"),
        vec![vec![2]]
    );
}

#[test]
fn numbers_after_numbers_hold_no_markers() {
    assert!(number_follows_a_word("signed in 1961"));
    assert!(!number_follows_a_word("2"));
    assert!(!number_follows_a_word("scores 85.2 91"));
    assert!(!number_follows_a_word("released on 2020. 3"));
    assert_eq!(marker_number("3)"), Some(3));
    assert_eq!(marker_number("(12)"), Some(12));
    assert_eq!(marker_number("[4]"), Some(4));
    assert_eq!(marker_number("2a"), None);
    assert_eq!(raised_values("10-12", Family::Arabic), vec![10, 11, 12]);
    assert_eq!(raised_values("2,5–6", Family::Arabic), vec![2, 5, 6]);
    assert!(raised_values("12-10", Family::Arabic).is_empty());
}
