//! Test-only: many short texts made of given pieces, for checking that a cheap test run
//! before a regular expression never turns away a text the expression would match.

use regex::Regex;

/// `count` texts, each one to eight of `pieces` in a row, drawn by a fixed pseudo-random
/// sequence (the same texts on every run).
pub(crate) fn phrases(pieces: &[&str], count: usize) -> Vec<String> {
    let mut state: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut next = move |n: usize| {
        state = state
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        ((state >> 33) as usize) % n
    };
    (0..count)
        .map(|_| {
            let len = 1 + next(8);
            (0..len).map(|_| pieces[next(pieces.len())]).collect()
        })
        .collect()
}

/// Checks that `check` holds for every text `pattern` matches among `texts`, and returns
/// how many the pattern matched (so that a test can see its texts reached the pattern).
pub(crate) fn assert_necessary(
    pattern: &Regex,
    check: impl Fn(&str) -> bool,
    texts: &[String],
) -> usize {
    let mut matched = 0;
    for t in texts {
        if pattern.is_match(t) {
            matched += 1;
            assert!(
                check(t),
                "{pattern} matches {t:?}, which the cheap test turns away"
            );
        }
    }
    matched
}

/// Every text made by taking one option from each slot in turn (`""` makes a slot optional).
pub(crate) fn filled(slots: &[&[&str]]) -> Vec<String> {
    slots.iter().fold(vec![String::new()], |texts, options| {
        texts
            .iter()
            .flat_map(|t| options.iter().map(move |o| format!("{t}{o}")))
            .collect()
    })
}
