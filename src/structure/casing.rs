//! Turning all-capitals titles and letterheads into title case, using the document's own
//! words as the dictionary: a word the body writes in capitals (an acronym) stays in
//! capitals, a proper noun keeps its spelling, small words go lower case.

use foldhash::HashMap;
use std::cell::OnceCell;

use crate::lines::TextLine;

const SMALL_WORDS: &[&str] = &[
    "a", "an", "the", "and", "or", "nor", "but", "of", "in", "on", "to", "for", "at", "by", "with",
    "from", "as", "vs", "via", "per", "into", "onto", "over", "upon", "than",
];

/// How the document writes each word outside all-capitals lines.
///
/// Learnt on first use: only a title block in capitals (or a letterhead, a document type)
/// asks, and most documents have none, so the walk over every word is spared them.
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

    /// The document's usual spelling of `word`, if it occurs.
    fn form(&self, word: &str) -> Option<&str> {
        let forms = self.forms().get(&word.to_lowercase())?;
        // Lower case wins (a common word), then the most frequent form.
        if forms.keys().any(|f| f.chars().all(|c| !c.is_uppercase())) {
            return None;
        }
        forms
            .iter()
            .max_by(|a, b| a.1.cmp(b.1).then_with(|| b.0.cmp(a.0)))
            .map(|(f, _)| f.as_str())
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

fn capitalise(w: &str) -> String {
    let mut out = String::with_capacity(w.len());
    let mut first = true;
    let mut after_apostrophe = false;
    for c in w.chars() {
        if c.is_alphabetic() {
            if first && !after_apostrophe {
                out.extend(c.to_uppercase());
            } else {
                out.extend(c.to_lowercase());
            }
            first = false;
            after_apostrophe = false;
        } else {
            after_apostrophe = matches!(c, '\'' | '’');
            out.push(c);
        }
    }
    out
}

/// Title case for an all-capitals string, guided by the document's spellings.
pub fn title_case(s: &str, dict: &WordCase<'_>) -> String {
    let mut out = Vec::new();
    let mut after_colon = true;
    for word in s.split_whitespace() {
        let parts: Vec<String> = word
            .split('-')
            .enumerate()
            .map(|(k, part)| {
                let core: String = part
                    .chars()
                    .filter(|c| c.is_alphanumeric() || matches!(c, '\'' | '’'))
                    .collect();
                let bare = core.trim_end_matches(['\'', '’', 's', 'S']);
                let lower = core.to_lowercase();
                if let Some(form) = dict.form(&core) {
                    part.replacen(&core, form, 1)
                } else if !bare.is_empty()
                    && bare.len() < core.len()
                    && dict.form(bare).is_some_and(is_caps_word)
                {
                    // Possessive of an acronym ("NATO'S").
                    part.replacen(
                        &core,
                        &format!("{}{}", bare, core[bare.len()..].to_lowercase()),
                        1,
                    )
                } else if k == 0 && !after_colon && SMALL_WORDS.contains(&lower.as_str()) {
                    part.to_lowercase()
                } else {
                    capitalise(part)
                }
            })
            .collect();
        out.push(parts.join("-"));
        after_colon = word.ends_with(':') || word.ends_with('—') || word.ends_with('?');
    }
    out.join(" ")
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

    #[test]
    fn uses_the_documents_spellings() {
        let lines: Vec<TextLine> = [
            "STRATEGIC ENGAGEMENTS IN A MULTIPOLAR ERA",
            "Tension with the DPRK rose after Putin's visit and McCarthy noted the multipolar order.",
            "The new strategic pact was signed in a hurry.",
        ]
        .iter()
        .enumerate()
        .map(|(i, t)| TextLine::new(t, 1, i + 1))
        .collect();
        let dict = WordCase::from_lines(&lines);
        assert_eq!(
            title_case(
                "STRATEGIC ENGAGEMENTS IN A MULTIPOLAR ERA: PUTIN'S VISIT TO THE DPRK",
                &dict
            ),
            "Strategic Engagements in a Multipolar Era: Putin's Visit to the DPRK"
        );
        assert_eq!(
            title_case("THE MCCARTHY-DPRK FILE", &dict),
            "The McCarthy-DPRK File"
        );
        assert_eq!(title_case("WATER: THE CASE", &dict), "Water: The Case");
    }
}
