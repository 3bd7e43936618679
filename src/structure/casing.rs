//! How the document itself writes its words: whether the words of a line are common words
//! the body writes in lower case somewhere ("Code Example" is no one's name). Titles and
//! letterheads keep the case the page prints; nothing here rewrites them.

use foldhash::HashMap;
use std::cell::OnceCell;

use crate::lines::TextLine;

/// How the document writes each word outside all-capitals lines.
///
/// Learnt on first use: only a possible author name in a title block without measured type
/// sizes asks, and most documents have none, so the walk over every word is spared them.
#[derive(Debug, Default)]
pub struct WordCase<'a> {
    lines: &'a [TextLine],
    /// lower-case word -> (form, count) of forms seen in mixed-case text.
    forms: OnceCell<Forms>,
}

type Forms = HashMap<String, HashMap<String, usize>>;

/// `s.to_lowercase()` written into `buf`, reusing its allocation for ASCII words.
pub(crate) fn lowercase_into(buf: &mut String, s: &str) {
    buf.clear();
    if s.is_ascii() {
        buf.push_str(s);
        buf.make_ascii_lowercase();
    } else {
        // The standard conversion, for its context rules (a word-final capital sigma).
        buf.push_str(&s.to_lowercase());
    }
}

impl<'a> WordCase<'a> {
    /// The dictionary of `lines`' spellings, learnt when first asked.
    pub fn from_lines(lines: &'a [TextLine]) -> Self {
        WordCase {
            lines,
            forms: OnceCell::new(),
        }
    }

    fn forms(&self) -> &Forms {
        self.forms.get_or_init(|| learn(self.lines))
    }

    /// Whether at least half the words of `t` are common words: written in lower case
    /// somewhere in the document ("Code Example" is no one's name).
    pub fn mostly_common_words(&self, t: &str) -> bool {
        let ws: Vec<String> = t
            .split_whitespace()
            .map(|w| {
                w.trim_matches(|c: char| !c.is_alphanumeric())
                    .to_lowercase()
            })
            .filter(|w| w.chars().count() > 1)
            .collect();
        let common = ws
            .iter()
            .filter(|w| {
                self.forms()
                    .get(*w)
                    .is_some_and(|f| f.keys().any(|k| k.chars().all(|c| !c.is_uppercase())))
            })
            .count();
        !ws.is_empty() && common * 2 >= ws.len()
    }
}

/// Learns spellings from every line that is not itself in capitals.
fn learn(lines: &[TextLine]) -> Forms {
    let mut forms = Forms::default();
    let mut lower = String::new();
    for line in lines {
        let text = line.plain_cow();
        if crate::words::is_upper(&text) {
            continue;
        }
        // Capitals count as an acronym's spelling only in running text, not in a
        // half-capitalised header line ("POLICY BRIEF — Drylands Series").
        let words: Vec<&str> = text.split_whitespace().collect();
        let caps_words = words.iter().filter(|w| is_caps_word(w)).count();
        let prose = caps_words * 10 < words.len().max(1) * 3;
        for (i, w) in words.iter().enumerate() {
            let core = w.trim_matches(|c: char| !c.is_alphanumeric());
            if core.is_empty()
                || !core.chars().any(char::is_alphabetic)
                || (!prose && is_caps_word(core))
            {
                continue;
            }
            // A capital at a sentence start says nothing about the word.
            let sentence_start = i == 0;
            if sentence_start
                && core.chars().next().is_some_and(char::is_uppercase)
                && !is_caps_word(core)
            {
                continue;
            }
            // Counted without allocating when the word was seen before (most are).
            lowercase_into(&mut lower, core);
            let spellings = match forms.get_mut(lower.as_str()) {
                Some(spellings) => spellings,
                None => forms.entry(lower.clone()).or_default(),
            };
            match spellings.get_mut(core) {
                Some(n) => *n += 1,
                None => {
                    spellings.insert(core.to_owned(), 1);
                }
            }
        }
    }
    forms
}

fn is_caps_word(w: &str) -> bool {
    let mut letters = 0;
    for c in w.chars().filter(|c| c.is_alphabetic()) {
        if !c.is_uppercase() {
            return false;
        }
        letters += 1;
    }
    letters >= 2
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lowercase_into_matches_to_lowercase() {
        let mut buf = String::from("left over");
        for w in ["Policy", "DPRK", "Ünïcode", "ΟΔΟΣ", "ΣΟΦΟΣ", ""] {
            lowercase_into(&mut buf, w);
            assert_eq!(buf, w.to_lowercase());
        }
    }
}
