//! How the document itself writes its words: whether the words of a line are common words
//! the body writes in lower case somewhere ("Code Example" is no one's name). Titles and
//! letterheads keep the case the page prints; nothing here rewrites them.

use foldhash::HashSet;
use std::cell::OnceCell;

use crate::lines::TextLine;

/// How the document writes each word outside all-capitals lines.
///
/// Learnt on first use: only a possible author name in a title block without measured type
/// sizes asks, and most documents have none, so the walk over every word is spared them.
#[derive(Debug, Default)]
pub struct WordCase<'a> {
    lines: &'a [TextLine],
    /// Words written without a capital outside all-capitals lines.
    forms: OnceCell<Forms>,
}

/// The words the document writes without a capital, lower-cased.
type Forms = HashSet<String>;

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
        let common = ws.iter().filter(|w| self.forms().contains(*w)).count();
        !ws.is_empty() && common * 2 >= ws.len()
    }
}

/// Learns the words written without a capital in some line that is not itself in
/// capitals (lower-cased, as [`str::to_lowercase`] gives them).
fn learn(lines: &[TextLine]) -> Forms {
    let mut forms = Forms::default();
    for line in lines {
        let text = line.plain_cow();
        if crate::words::is_upper(&text) {
            continue;
        }
        for w in text.split_whitespace() {
            let core = w.trim_matches(|c: char| !c.is_alphanumeric());
            // A word holding a capital (an acronym, a name, a sentence's first word)
            // says nothing here; one without is written in lower case.
            if !core.chars().any(char::is_alphabetic) || core.chars().any(char::is_uppercase) {
                continue;
            }
            if core.is_ascii() {
                // Counted without allocating when the word was seen before (most are).
                if !forms.contains(core) {
                    forms.insert(core.to_owned());
                }
            } else {
                forms.insert(core.to_lowercase());
            }
        }
    }
    forms
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
