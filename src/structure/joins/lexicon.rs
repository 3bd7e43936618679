//! The document's own words as the dictionary for hyphenation: whether "long-" + "term"
//! at a line end is a hyphenated word or a compound.

use crate::lines::TextLine;
use foldhash::{HashMap, HashMapExt};

/// Word counts of the document, for hyphenation decisions. Sorted by word, so that the
/// forms of a word (the words it begins) are one range found by a binary search rather
/// than a scan of the whole lexicon; a sorted list rather than a tree, since it is built
/// once and only ever read.
#[derive(Debug, Default)]
pub struct Lexicon {
    /// Each word in lower case, how often it is printed, and how often in lower case.
    words: Vec<(String, usize, usize)>,
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

/// Prefixes printed with their hyphen before a word of their own ("semi-supervised",
/// "quasi-experimental"), whatever else the document prints.
const HYPHENED_PREFIXES: &[&str] = &["semi", "quasi", "pseudo"];

/// Words that close up with another into one word ("how-" / "ever", "some-" / "thing",
/// "frame-" / "work"): two words printed on their own that make one of these are no
/// evidence of a compound.
const CLOSING_PARTS: &[&str] = &[
    "some", "every", "there", "where", "here", "what", "when", "with", "them", "your", "over",
    "under", "other", "through", "further", "never", "none", "else", "ever", "thing", "things",
    "body", "fore", "wise", "ward", "wards", "while", "less", "ship", "ships", "hood", "work",
    "works", "line", "lines", "book", "books", "point", "points", "time", "times", "side", "sides",
    "self", "selves", "into", "upon", "more", "theless", "stand", "place", "case",
];

/// Endings that never start a word of their own: a line break before them is hyphenation.
const SUFFIXES: &[&str] = &[
    "ern", "ing", "ed", "er", "ers", "ly", "tion", "tions", "sion", "ment", "ments", "ness", "al",
    "ity", "ities", "ous", "ive", "ant", "ants", "ent", "ents", "ence", "ance", "ist", "ists",
    "ism", "ise", "ize", "able", "ible", "ial", "ic", "ics", "ical", "es", "s", "y",
];

/// Whether `c` is a letter of the words counted: ASCII, Latin-1, Latin Extended-A and -B,
/// and Latin Extended Additional (the multiplication and division signs excluded).
fn is_word_letter(c: char) -> bool {
    c.is_ascii_alphabetic()
        || matches!(c, '\u{C0}'..='\u{D6}' | '\u{D8}'..='\u{F6}' | '\u{F8}'..='\u{24F}' | '\u{1E00}'..='\u{1EFF}')
}

/// The byte range of the first word of `text` at or after `from`: a letter, then letters
/// and apostrophes, then any number of hyphen-joined parts of the same shape. Each word is
/// as long as it can be ("long-term", "Putin's"), and the next search begins after it.
fn next_word(text: &str, from: usize) -> Option<std::ops::Range<usize>> {
    let start = from + text[from..].find(is_word_letter)?;
    let mut end = start;
    let mut rest = text[start..].chars();
    // The first letter, then continuations.
    if let Some(c) = rest.next() {
        end += c.len_utf8();
    }
    loop {
        let mut ahead = text[end..].chars();
        match ahead.next() {
            Some(c) if is_word_letter(c) || c == '\'' || c == '’' => end += c.len_utf8(),
            Some('-') => match ahead.next() {
                Some(c) if is_word_letter(c) => end += 1 + c.len_utf8(),
                _ => break,
            },
            _ => break,
        }
    }
    Some(start..end)
}

/// The byte ranges of the words of `text` (see [`next_word`]), in order.
fn word_ranges(text: &str) -> impl Iterator<Item = std::ops::Range<usize>> + '_ {
    let mut at = 0;
    std::iter::from_fn(move || {
        let r = next_word(text, at)?;
        at = r.end;
        Some(r)
    })
}

/// Counts one occurrence of `w` (in lower case), `printed_lower` if it was printed so.
fn add(words: &mut HashMap<String, (usize, usize)>, w: &str, printed_lower: bool) {
    let lower = usize::from(printed_lower);
    match words.get_mut(w) {
        Some((n, l)) => {
            *n += 1;
            *l += lower;
        }
        None => {
            words.insert(w.to_string(), (1, lower));
        }
    }
}

impl Lexicon {
    /// Counts the words (and hyphenated compounds) of every line.
    pub fn from_lines(lines: &[TextLine]) -> Self {
        // Counted in a hash map (one hash per word rather than a dozen string comparisons
        // down a tree), ordered once at the end.
        let mut words: HashMap<String, (usize, usize)> = HashMap::new();
        let mut lower = String::new();
        // Whether the line before ended in a cut word, whose end opens this line ("ment"
        // after "govern-"): no word of its own either.
        let mut after_cut = false;
        for line in lines {
            let text = line.plain_cow();
            // A word cut at the end of this line ("Alkylpotas-") is not evidence of
            // itself; its range stops short of the hyphen.
            let trimmed = text.trim_end();
            let cut_at = trimmed
                .ends_with(['-', '\u{AD}'])
                .then(|| trimmed.trim_end_matches(['-', '\u{AD}']).len());
            for (nth, r) in word_ranges(&text).enumerate() {
                if cut_at == Some(r.end) || (nth == 0 && after_cut) {
                    continue;
                }
                let printed_lower = !text[r.clone()].chars().any(char::is_uppercase);
                crate::structure::casing::lowercase_into(&mut lower, &text[r]);
                let parts = lower.matches('-').count() + 1;
                add(&mut words, &lower, printed_lower);
                // A compound of three parts or more ("low-molecular-weight") also
                // prints each pair of neighbouring parts ("molecular-weight"): the
                // evidence for that pair cut at a line end.
                if parts >= 3 {
                    let cuts: Vec<usize> = lower.match_indices('-').map(|(i, _)| i).collect();
                    for k in 0..parts - 1 {
                        let from = if k == 0 { 0 } else { cuts[k - 1] + 1 };
                        let to = cuts.get(k + 1).copied().unwrap_or(lower.len());
                        add(&mut words, &lower[from..to], printed_lower);
                    }
                }
            }
            after_cut = cut_at.is_some();
        }
        // Each word is counted once, so its order among the others is fixed.
        let mut words: Vec<(String, usize, usize)> =
            words.into_iter().map(|(w, (n, l))| (w, n, l)).collect();
        words.sort_unstable_by(|a, b| a.0.cmp(&b.0));
        Lexicon { words }
    }

    /// The entries from the first word not less than `w` on.
    fn starting_at(&self, w: &str) -> &[(String, usize, usize)] {
        &self.words[self.words.partition_point(|(k, ..)| k.as_str() < w)..]
    }

    /// The entry of `w` (in lower case): how often it is printed, and how often in lower
    /// case.
    fn entry(&self, w: &str) -> (usize, usize) {
        self.starting_at(w)
            .first()
            .filter(|(k, ..)| k == w)
            .map_or((0, 0), |&(_, all, lower)| (all, lower))
    }

    pub(super) fn count(&self, w: &str) -> usize {
        self.entry(&w.to_lowercase()).0
    }

    /// How often `w` (in lower case) is printed in lower case.
    fn count_lower(&self, w: &str) -> usize {
        self.entry(w).1
    }

    /// Occurrences of `w` or of an inflected form of it (a few letters longer).
    pub fn count_forms(&self, w: &str) -> usize {
        let w = w.to_lowercase();
        self.starting_at(&w)
            .iter()
            .take_while(|(k, ..)| k.starts_with(&w))
            .filter(|(k, ..)| k.len() <= w.len() + 3 && !k[w.len()..].contains('-'))
            .map(|(_, c, _)| c)
            .sum()
    }

    /// Whether the document prints `w` anywhere as a word of its own or as the first
    /// part of a compound, inflected or not ("chromatography-tandem" prints
    /// "chromatography").
    pub(super) fn prints(&self, w: &str) -> bool {
        let w = w.to_lowercase();
        self.starting_at(&w)
            .first()
            .is_some_and(|(k, ..)| k.starts_with(&w))
    }

    /// Whether `head-` at a line end followed by `tail` is a hyphenated word (true: join
    /// without the hyphen) rather than a compound (false: keep the hyphen).
    pub fn is_hyphenation(&self, head: &str, tail: &str) -> bool {
        self.hyphenation(head, tail).0
    }

    /// [`Self::is_hyphenation`], with the evidence that decided it (for the report).
    pub fn hyphenation(&self, head: &str, tail: &str) -> (bool, &'static str) {
        let joined = format!("{head}{tail}");
        let compound = format!("{head}-{tail}");
        let (j, c) = (self.count_forms(&joined), self.count(&compound));
        if j > c {
            return (true, "the document prints the joined word more often");
        }
        if c > j {
            return (
                false,
                "the document prints the hyphenated compound more often",
            );
        }
        if SUFFIXES.contains(&tail.to_lowercase().as_str()) {
            return (true, "the second part is an ending, no word of its own");
        }
        // Capitalised second part ("Russia-" / "North") is a compound of names.
        if tail.chars().next().is_some_and(char::is_uppercase) {
            return (false, "a capitalised second part: a compound of names");
        }
        let head_lower = head.to_lowercase();
        if COMPOUND_HEADS.contains(&head_lower.as_str())
            || HYPHENED_PREFIXES.contains(&head_lower.as_str())
        {
            return (false, "the first part usually opens a compound");
        }
        // Typesetters leave two letters at least before a break: one letter before the
        // hyphen is a compound's ("k-" / "means", "V-" / "measure", "d-" / "dimensional").
        if head.chars().count() == 1 {
            return (false, "one letter before the hyphen: no syllable's break");
        }
        // Capitals before a lower-case part are an abbreviation's compound ("SARS-" /
        // "related", "DNA-" / "binding"): no word is cut so.
        if head.chars().count() >= 2 && head.chars().all(char::is_uppercase) {
            return (
                false,
                "an abbreviation in capitals before a lower-case part",
            );
        }
        if self.joins_two_words(head, tail) {
            return (
                false,
                "both parts are words the document prints on their own",
            );
        }
        (
            true,
            "no evidence either way: a hyphen at a line end is most often a syllable's break",
        )
    }

    /// Whether `head` and `tail`, cut at a line end in lower case, are two words the
    /// document prints on their own in lower case, four letters each at least and
    /// neither one of the [`CLOSING_PARTS`]: "stress-" / "engineering", "mixed-" /
    /// "mode". A syllable's break leaves a fragment on one side at least ("inves-" /
    /// "tigation"); a noun's parts printed only capitalised are a German closed compound
    /// ("Stadt-" / "entwicklung").
    fn joins_two_words(&self, head: &str, tail: &str) -> bool {
        let word = |w: &str| {
            w.chars().count() >= 4
                && w.chars().all(char::is_lowercase)
                && !CLOSING_PARTS.contains(&w)
                && self.count_lower(w) > 0
        };
        word(head) && word(tail)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The pattern the word scanner replaces; it must find the same words.
    const WORD_PATTERN: &str = r"[A-Za-zÀ-ÖØ-öø-ɏḀ-ỿ][A-Za-zÀ-ÖØ-öø-ɏḀ-ỿ'’]*(?:-[A-Za-zÀ-ÖØ-öø-ɏḀ-ỿ][A-Za-zÀ-ÖØ-öø-ɏḀ-ỿ'’]*)*";

    #[test]
    fn the_word_scanner_finds_what_the_pattern_finds() {
        let re = regex::Regex::new(WORD_PATTERN).unwrap();
        // Characters at and beside every edge of the letter ranges, and the joiners.
        let alphabet: Vec<char> = "aZ@[`{09 -'’\u{BF}\u{C0}\u{D6}\u{D7}\u{D8}\u{F6}\u{F7}\u{F8}\u{24F}\u{250}\u{1DFF}\u{1E00}\u{1EFF}\u{1F00}\u{2010}é"
            .chars()
            .collect();
        // A fixed pseudo-random walk over many strings, and every short one.
        let mut seed: u64 = 0x9E37_79B9_7F4A_7C15;
        let mut next = || {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed
        };
        let mut cases: Vec<String> = Vec::new();
        for &a in &alphabet {
            for &b in &alphabet {
                for &c in &alphabet {
                    cases.push([a, b, c].iter().collect());
                }
            }
        }
        for _ in 0..20_000 {
            let n = (next() % 24) as usize;
            cases.push(
                (0..n)
                    .map(|_| alphabet[(next() % alphabet.len() as u64) as usize])
                    .collect(),
            );
        }
        cases.push("Long-term plans, ob-servations and Putin’s  re- x-ray-".into());
        for t in &cases {
            let want: Vec<&str> = re.find_iter(t).map(|m| m.as_str()).collect();
            let got: Vec<&str> = word_ranges(t).map(|r| &t[r]).collect();
            assert_eq!(got, want, "{t:?}");
        }
    }

    #[test]
    fn compounds_print_their_pairs_and_a_cut_word_is_no_word() {
        let lex = Lexicon::from_lines(&[
            TextLine::new("low-molecular-weight heparin, Alkylpotas-", 1, 1),
            TextLine::new("a soft cut at Potas\u{AD}  ", 1, 2),
        ]);
        assert_eq!(lex.count("low-molecular-weight"), 1);
        assert_eq!(lex.count("molecular-weight"), 1);
        assert_eq!(lex.count("low-molecular"), 1);
        assert_eq!(lex.count("alkylpotas"), 0);
        assert_eq!(lex.count("potas"), 0);
        assert!(lex.prints("molecular") && !lex.prints("heparins"));
    }

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

    #[test]
    fn a_compound_of_two_printed_words_keeps_its_hyphen() {
        let lex = Lexicon::from_lines(&[
            TextLine::new("the stress on engineering in mixed mode, and however", 1, 1),
            TextLine::new("ever the Stadt and Entwicklung plans for investi-", 1, 2),
            TextLine::new("gation of the thing", 1, 3),
        ]);
        assert!(!lex.is_hyphenation("stress", "engineering"));
        assert!(!lex.is_hyphenation("mixed", "mode"));
        // One letter before the hyphen; a prefix printed with its hyphen.
        assert!(!lex.is_hyphenation("d", "dimensional"));
        assert!(!lex.is_hyphenation("semi", "supervised"));
        assert!(!lex.is_hyphenation("SARS", "related"));
        // Words that close up, a German noun's parts, a syllable's fragment.
        assert!(lex.is_hyphenation("some", "thing"));
        assert!(lex.is_hyphenation("Stadt", "entwicklung"));
        assert!(lex.is_hyphenation("stadt", "entwicklung"));
        assert!(lex.is_hyphenation("investi", "gation"));
        // The end of a cut word opening a line is no word of its own.
        assert_eq!(lex.count("gation"), 0);
    }
}
