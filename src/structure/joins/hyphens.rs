//! Words cut by a hyphen at a line end: the two halves, a hyphen set apart by
//! justification ("Hy -"), and the hyphen removed when the halves make one word.

use crate::rich;

/// Longest word head a hyphenation decision looks at, in letters: no word is longer, and
/// a run of letters without end (a hostile chain of "inter-" lines) must not be copied
/// into every decision and report entry.
pub(super) const MAX_WORD: usize = 64;

/// Words of one to three letters that stand on their own.
pub(super) const SHORT_WORDS: &[&str] = &[
    "a", "an", "the", "of", "to", "in", "on", "at", "by", "or", "is", "it", "as", "be", "we", "he",
    "she", "and", "but", "for", "nor", "not", "so", "up", "us", "no", "its", "his", "her", "our",
    "are", "was", "has", "had", "can", "may", "all", "any", "one", "two", "new",
];

/// "... Hy -" → "Hy": the word before a hyphen that a space separates from it.
pub(super) fn spaced_hyphen_head(s: &str) -> Option<String> {
    let stem = s.strip_suffix(" -")?;
    let word: String = stem
        .chars()
        .rev()
        .take_while(|c| c.is_alphabetic())
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    (!word.is_empty() && stem.len() > word.len() && stem[..stem.len() - word.len()].ends_with(' ')
        || !word.is_empty() && stem.len() == word.len())
    .then_some(word)
}

/// When `prev` ends in a word cut by a hyphen (or soft hyphen) and `next` starts in lower
/// case, the two halves of the word.
pub fn hyphenated_word(prev: &str, next: &str) -> Option<(String, String)> {
    if !prev.ends_with(['-', '\u{AD}']) || !next.starts_with(|c: char| c.is_lowercase()) {
        return None;
    }
    let stem = prev.trim_end_matches(['-', '\u{AD}']);
    let start = stem
        .char_indices()
        .rev()
        .take_while(|(_, c)| c.is_alphabetic())
        .take(MAX_WORD)
        .last()
        .map(|(i, _)| i)?;
    let tail: String = next
        .chars()
        .take_while(|c| c.is_alphabetic())
        .take(MAX_WORD)
        .collect();
    Some((stem[start..].to_string(), tail))
}

/// Removes the final hyphen (a soft hyphen or '-') of `out`, looking through trailing
/// sentinels; with `join` false a hard hyphen is kept and only the soft one removed.
pub(super) fn trim_end_hyphen(out: &mut String, join: bool) {
    let mut tail = String::new();
    while let Some(c) = out.chars().last() {
        if rich::is_sentinel(c) {
            tail.insert(0, c);
            out.pop();
        } else {
            break;
        }
    }
    if out.ends_with('\u{AD}') || (join && out.ends_with('-')) {
        out.pop();
    }
    out.push_str(&tail);
}
