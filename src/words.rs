//! Small text helpers shared by the structure passes.

/// Whether any word of `t` (letters and hyphens, lower-cased) is in `set`.
pub fn has_word(t: &str, set: &[&str]) -> bool {
    t.split(|c: char| !(c.is_alphabetic() || c == '-'))
        .filter(|w| !w.is_empty())
        .any(|w| {
            if w.is_ascii() {
                // Compared without a lower-case copy: an entry is the word lower-cased
                // when it matches it ignoring ASCII case and holds no capital itself.
                set.iter().any(|s| {
                    s.eq_ignore_ascii_case(w) && !s.bytes().any(|b| b.is_ascii_uppercase())
                })
            } else {
                set.contains(&w.to_lowercase().as_str())
            }
        })
}

/// Hebrew, Arabic, Syriac, Thaana, N'Ko and their presentation forms: letters read from
/// right to left.
pub fn is_rtl_char(c: char) -> bool {
    matches!(c as u32, 0x0590..=0x08FF | 0xFB1D..=0xFDFF | 0xFE70..=0xFEFF)
}

/// Whether most of the letters among `chars` are written right to left.
pub fn mostly_right_to_left(chars: impl Iterator<Item = char>) -> bool {
    let (mut rtl, mut letters) = (0usize, 0usize);
    for c in chars.filter(|c| c.is_alphabetic()) {
        letters += 1;
        rtl += usize::from(is_rtl_char(c));
    }
    2 * rtl > letters
}

/// Number of whitespace-separated words.
pub fn words(s: &str) -> usize {
    s.split_whitespace().count()
}

/// Joins lines into one string: a line ending in a hyphen after a letter, followed by a
/// line starting in lower case, is rejoined without the hyphen; otherwise a space.
pub fn join_lines<S: AsRef<str>>(lines: &[S]) -> String {
    let mut out = String::new();
    for line in lines {
        let line = line.as_ref().trim();
        if line.is_empty() {
            continue;
        }
        if out.is_empty() {
            out.push_str(line);
            continue;
        }
        let hyphenated = out.ends_with('-')
            && out[..out.len() - 1]
                .chars()
                .last()
                .is_some_and(char::is_alphabetic)
            && line.chars().next().is_some_and(char::is_lowercase);
        if hyphenated {
            out.pop();
        } else {
            out.push(' ');
        }
        out.push_str(line);
    }
    out
}

/// Whether a text is mostly words (as many letters as other characters, two at least): a
/// bare number ("14"), a date, an amount or a formula ("s(t) = 2t − 3") is not, so it is
/// never a heading or a running title, whatever its size.
pub fn mostly_words(t: &str) -> bool {
    let (mut letters, mut others) = (0usize, 0usize);
    for c in t.chars().filter(|c| !c.is_whitespace()) {
        if c.is_alphabetic() {
            letters += 1;
        } else {
            others += 1;
        }
    }
    letters >= 2 && letters >= others
}

/// Whether a line reads as a formula rather than words: it holds a relation sign ("=",
/// "≤", "≠") or a calculus sign ("∂", "∇", "∫", "∑", "√"), and most of its letter runs are
/// single letters (variables): "a2 + b2 = c2", "∇ × B = μ J", "∂t ∂E". A display
/// equation set in large type is not a heading.
pub fn looks_like_formula(t: &str) -> bool {
    const SIGNS: &[char] = &[
        '=', '<', '>', '≤', '≥', '≈', '≠', '≡', '∈', '∝', '→', '∂', '∇', '∫', '∑', '∏', '√',
    ];
    if !t.contains(SIGNS) {
        return false;
    }
    let runs: Vec<usize> = t
        .split(|c: char| !c.is_alphabetic())
        .filter(|r| !r.is_empty())
        .map(|r| r.chars().count())
        .collect();
    let single = runs.iter().filter(|&&n| n == 1).count();
    !runs.is_empty() && single * 2 >= runs.len()
}

/// Whether `s` ends a sentence: terminal punctuation, possibly followed by a closing quote
/// or bracket and a raised marker.
pub fn ends_sentence(s: &str) -> bool {
    let t = crate::rich::plain_without_scripts_cow(s);
    let t = t.trim_end();
    let t = t.trim_end_matches(|c: char| c.is_ascii_digit() && t.len() > 1);
    let t = t.trim_end_matches(['"', '”', '’', '\'', ')', ']', '»']);
    t.ends_with(['.', '!', '?', '…'])
}

/// Whether the letters of `s` are (almost) all capitals.
pub fn is_upper(s: &str) -> bool {
    let (mut letters, mut upper) = (0usize, 0usize);
    for c in s.chars().filter(|c| c.is_alphabetic()) {
        letters += 1;
        upper += usize::from(c.is_uppercase());
    }
    letters >= 2 && upper * 10 >= letters * 9
}

/// The first alphabetic character of the visible text, if any.
pub fn first_letter(s: &str) -> Option<char> {
    crate::rich::plain(s).chars().find(|c| c.is_alphanumeric())
}

/// A line's words for comparing titles: runs of letters and digits, lower-cased, one
/// space apart ("1.1. TOPOLOGISCHE RÄUME" and "1.1 Topologische Räume" agree). Built in
/// one string: every line of a document passes through here.
pub fn words_key(t: &str) -> String {
    let mut key = String::with_capacity(t.len());
    for w in t
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        if !key.is_empty() {
            key.push(' ');
        }
        if w.is_ascii() {
            key.extend(w.chars().map(|c| c.to_ascii_lowercase()));
        } else {
            // The whole word at once, as a final sigma needs.
            key.push_str(&w.to_lowercase());
        }
    }
    key
}

/// Whether the text after a raised number makes that number a fraction's numerator, not a
/// note's marker or label: a slash (or the fraction slash) and a digit, formatting marks
/// aside ("48¹/₂ cents", "¹ /₃ the number of days": a space may stand before the slash).
pub fn opens_a_fraction(after: &str) -> bool {
    let mut chars = after
        .chars()
        .filter(|&c| !crate::rich::is_sentinel(c))
        .skip_while(|c| c.is_whitespace());
    matches!(chars.next(), Some('/' | '\u{2044}'))
        && chars.next().is_some_and(|c| c.is_ascii_digit())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// [`has_word`] answers as lower-casing each word and looking it up did.
    #[test]
    fn has_word_is_a_lower_cased_lookup() {
        let lowered = |t: &str, set: &[&str]| {
            t.split(|c: char| !(c.is_alphabetic() || c == '-'))
                .filter(|w| !w.is_empty())
                .any(|w| set.contains(&w.to_lowercase().as_str()))
        };
        let sets: [&[&str]; 3] = [&["notes", "see-also"], &["Notes", "ÉTÉ", "été"], &[]];
        for t in [
            "Notes",
            "NOTES and",
            "see-Also",
            "Été",
            "ÉTÉ x",
            "notes",
            "x-y",
            "ÉtÉ",
        ] {
            for set in sets {
                assert_eq!(has_word(t, set), lowered(t, set), "{t:?} {set:?}");
            }
        }
    }

    #[test]
    fn a_slash_and_a_digit_after_a_raised_number_open_a_fraction() {
        use crate::rich::{SUB_OFF, SUB_ON, SUP_OFF};
        assert!(opens_a_fraction(&format!("{SUP_OFF}/2 cents")));
        assert!(opens_a_fraction(&format!(
            "{SUP_OFF} /{SUB_ON}3{SUB_OFF} the days"
        )));
        assert!(opens_a_fraction("\u{2044}4"));
        assert!(!opens_a_fraction(" The text goes on."));
        assert!(!opens_a_fraction("/ and so on"));
        assert!(!opens_a_fraction(""));
    }

    #[test]
    fn formulas_are_told_from_headings_with_signs() {
        for yes in [
            "a2 + b2 = c2",
            "∇ × B = μ J + μ ε",
            "∂t ∂E",
            "e + 1 = 0",
            "x ≤ y",
        ] {
            assert!(looks_like_formula(yes), "{yes}");
        }
        for no in [
            "Returns > Costs in Every District",
            "1. Euler's Identity",
            "E = mc2 and the Atomic Age",
            "Part A + B",
            "= =",
        ] {
            assert!(!looks_like_formula(no), "{no}");
        }
    }

    #[test]
    fn joins_and_dehyphenates() {
        assert_eq!(
            join_lines(&["Productiv-", "ity in Cities"]),
            "Productivity in Cities"
        );
        assert_eq!(
            join_lines(&["Russia-", "North Korea"]),
            "Russia- North Korea"
        );
        assert_eq!(join_lines(&["one", " ", "two"]), "one two");
    }

    #[test]
    fn word_sets() {
        assert!(has_word("Centre for Tests, ISSI", &["centre"]));
        assert!(!has_word("Concentrated", &["centre"]));
        assert!(has_word("Co-ordinator", &["co-ordinator"]));
    }

    #[test]
    fn sentence_ends() {
        assert!(ends_sentence("It ended."));
        assert!(ends_sentence("a \"breakthrough.\""));
        assert!(ends_sentence("in 1961.2"));
        assert!(!ends_sentence("is limited to"));
        assert!(!ends_sentence("Title: "));
    }
}
