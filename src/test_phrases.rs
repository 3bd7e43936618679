//! Test-only: many short texts made of given pieces, for checking that a cheap test run
//! before a regular expression never turns away a text the expression would match.

use regex::Regex;

/// A compiled pattern of either crate (or one compiled on first use).
pub(crate) trait Pattern {
    /// Whether the pattern matches somewhere in `t`.
    fn is_match(&self, t: &str) -> bool;
    /// The pattern as written.
    fn text(&self) -> &str;
}

impl Pattern for Regex {
    fn is_match(&self, t: &str) -> bool {
        Regex::is_match(self, t)
    }
    fn text(&self) -> &str {
        self.as_str()
    }
}

impl Pattern for regex_lite::Regex {
    fn is_match(&self, t: &str) -> bool {
        regex_lite::Regex::is_match(self, t)
    }
    fn text(&self) -> &str {
        self.as_str()
    }
}

impl<P: Pattern> Pattern for std::sync::LazyLock<P> {
    fn is_match(&self, t: &str) -> bool {
        P::is_match(self, t)
    }
    fn text(&self) -> &str {
        P::text(self)
    }
}

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
    pattern: &impl Pattern,
    check: impl Fn(&str) -> bool,
    texts: &[String],
) -> usize {
    let mut matched = 0;
    for t in texts {
        if pattern.is_match(t) {
            matched += 1;
            assert!(
                check(t),
                "{} matches {t:?}, which the cheap test turns away",
                pattern.text()
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

/// Checks, for each pair, that the `regex-lite` pattern finds in every text what the
/// `regex` pattern it replaces finds: the same matches in turn, each with the same groups
/// at the same places; and that each matched over a hundred texts (so the texts reach it).
pub(crate) fn assert_same_matches(pairs: &[(&str, &regex_lite::Regex)], texts: &[String]) {
    for &(original, lite) in pairs {
        let original = Regex::new(original).expect("valid regex");
        let mut matched = 0;
        for t in texts {
            let want: Vec<Vec<_>> = original
                .captures_iter(t)
                .map(|c| c.iter().map(|g| g.map(|m| (m.start(), m.end()))).collect())
                .collect();
            let got: Vec<Vec<_>> = lite
                .captures_iter(t)
                .map(|c| c.iter().map(|g| g.map(|m| (m.start(), m.end()))).collect())
                .collect();
            assert_eq!(got, want, "{original} on {t:?}");
            matched += usize::from(!want.is_empty());
        }
        assert!(matched > 100, "{original} matched only {matched} texts");
    }
}

/// Checks that `decide` (written by hand) says of every text what `pattern`, the expression
/// it replaces, says, and that the pattern matched over a hundred of them.
pub(crate) fn assert_decides_as(pattern: &str, decide: impl Fn(&str) -> bool, texts: &[String]) {
    let pattern = Regex::new(pattern).expect("valid regex");
    let mut matched = 0;
    for t in texts {
        assert_eq!(decide(t), pattern.is_match(t), "{pattern} on {t:?}");
        matched += usize::from(pattern.is_match(t));
    }
    assert!(matched > 100, "{pattern} matched only {matched} texts");
}

/// The lines of the bench's text inputs (briefs with headings, lists and notes, as several
/// extractors wrote them), each as written and trimmed: realistic texts for a pattern test.
pub(crate) fn bench_lines() -> Vec<String> {
    let docs = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/bench/docs");
    let mut lines = Vec::new();
    for doc in std::fs::read_dir(&docs).expect("the bench's documents") {
        let input = doc.expect("a bench document").path().join("input");
        for file in std::fs::read_dir(&input).expect("a bench document's inputs") {
            let text = std::fs::read_to_string(file.expect("an input").path()).unwrap_or_default();
            for line in text.lines() {
                lines.push(line.to_string());
                lines.push(line.trim().to_string());
            }
        }
    }
    assert!(lines.len() > 10_000, "only {} bench lines", lines.len());
    lines
}

/// Texts to compare a pattern's two forms on: the bench's lines, then `count` phrases of
/// `pieces` (the pattern's own alphabet).
pub(crate) fn pattern_texts(pieces: &[&str], count: usize) -> Vec<String> {
    let mut texts = bench_lines();
    texts.extend(phrases(pieces, count));
    texts
}
