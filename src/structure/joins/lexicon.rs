//! The document's own words as the dictionary for hyphenation: whether "long-" + "term"
//! at a line end is a hyphenated word or a compound.

use std::collections::BTreeMap;
use std::sync::LazyLock;

use regex::Regex;

use crate::lines::TextLine;

/// Word counts of the document, for hyphenation decisions. Ordered, so that the forms of
/// a word (the keys it begins) are one range rather than a scan of the whole lexicon.
#[derive(Debug, Default)]
pub struct Lexicon {
    words: BTreeMap<String, usize>,
}

/// First halves that usually form compounds rather than hyphenated syllables.
const COMPOUND_HEADS: &[&str] = &[
    "self", "cross", "well", "long", "short", "high", "low", "full", "part", "half", "state",
    "non", "anti", "post", "mid", "ex", "year", "large", "small", "middle", "upper", "lower",
    "policy", "decision", "market", "world", "follow", "so", "far", "wide", "two", "three", "four",
    "five", "first", "second", "third", "one", "north", "south", "east", "west", "best", "worst",
    "top", "day", "cost", "time", "risk", "all", "old", "new", "hard", "soft", "heavy", "light",
    "broad", "narrow", "off",
];

/// Endings that never start a word of their own: a line break before them is hyphenation.
const SUFFIXES: &[&str] = &[
    "ern", "ing", "ed", "er", "ers", "ly", "tion", "tions", "sion", "ment", "ments", "ness", "al",
    "ity", "ities", "ous", "ive", "ant", "ants", "ent", "ents", "ence", "ance", "ist", "ists",
    "ism", "ise", "ize", "able", "ible", "ial", "ic", "ics", "ical", "es", "s", "y",
];

static WORD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"[A-Za-zÀ-ÖØ-öø-ɏḀ-ỿ][A-Za-zÀ-ÖØ-öø-ɏḀ-ỿ'’]*(?:-[A-Za-zÀ-ÖØ-öø-ɏḀ-ỿ][A-Za-zÀ-ÖØ-öø-ɏḀ-ỿ'’]*)*").expect("valid regex")
});

impl Lexicon {
    /// Counts the words (and hyphenated compounds) of every line.
    pub fn from_lines(lines: &[TextLine]) -> Self {
        let mut words: BTreeMap<String, usize> = BTreeMap::new();
        let mut lower = String::new();
        for line in lines {
            let text = line.plain();
            for m in WORD.find_iter(&text) {
                // A word cut at the end of this line is not evidence of itself.
                if m.end() == text.len() && text.ends_with('-') {
                    continue;
                }
                crate::structure::casing::lowercase_into(&mut lower, m.as_str());
                match words.get_mut(lower.as_str()) {
                    Some(n) => *n += 1,
                    None => {
                        words.insert(lower.clone(), 1);
                    }
                }
            }
        }
        Lexicon { words }
    }

    fn count(&self, w: &str) -> usize {
        self.words.get(&w.to_lowercase()).copied().unwrap_or(0)
    }

    /// Occurrences of `w` or of an inflected form of it (a few letters longer).
    pub fn count_forms(&self, w: &str) -> usize {
        let w = w.to_lowercase();
        self.words
            .range::<str, _>((
                std::ops::Bound::Included(w.as_str()),
                std::ops::Bound::Unbounded,
            ))
            .take_while(|(k, _)| k.starts_with(&w))
            .filter(|(k, _)| k.len() <= w.len() + 3 && !k[w.len()..].contains('-'))
            .map(|(_, c)| c)
            .sum()
    }

    /// Whether `head-` at a line end followed by `tail` is a hyphenated word (true: join
    /// without the hyphen) rather than a compound (false: keep the hyphen).
    pub fn is_hyphenation(&self, head: &str, tail: &str) -> bool {
        let joined = format!("{head}{tail}");
        let compound = format!("{head}-{tail}");
        let (j, c) = (self.count_forms(&joined), self.count(&compound));
        if j != c {
            return j > c;
        }
        if SUFFIXES.contains(&tail.to_lowercase().as_str()) {
            return true;
        }
        // Capitalised second part ("Russia-" / "North") is a compound of names.
        if tail.chars().next().is_some_and(char::is_uppercase) {
            return false;
        }
        !COMPOUND_HEADS.contains(&head.to_lowercase().as_str())
    }
}

/// Compiles the word pattern (see [`super::compile_patterns`]).
pub(super) fn compile_patterns() {
    LazyLock::force(&WORD);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hyphenation_uses_the_documents_words() {
        let lex = Lexicon::from_lines(&[TextLine::new(
            "Long-term plans and the international order; observations matter.",
            1,
            1,
        )]);
        assert!(lex.is_hyphenation("inter", "national"));
        assert!(!lex.is_hyphenation("long", "term"));
        assert!(lex.is_hyphenation("ob", "servations"));
        assert!(lex.is_hyphenation("re", "spondent"));
        assert!(lex.is_hyphenation("north", "ern"));
        assert!(!lex.is_hyphenation("cross", "border"));
        assert!(!lex.is_hyphenation("Russia", "North"));
    }
}
