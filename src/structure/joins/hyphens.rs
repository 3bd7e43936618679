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
pub fn trim_end_hyphen(out: &mut String, join: bool) {
    let mut tail = String::new();
    while let Some(c) = out.chars().last() {
        if rich::is_sentinel(c) {
            tail.insert(0, c);
            out.pop();
        } else {
            break;
        }
    }
    if out.ends_with('\u{AD}') || (join && out.ends_with(['-', '\u{2010}', '\u{2011}'])) {
        out.pop();
    }
    out.push_str(&tail);
}

/// Dashes that bind the words on either side when set without spaces: the hyphen, the
/// Unicode hyphens, the en dash (ranges, identifiers: "FAA–2020–0686") and the em dash.
const BINDING_DASHES: &[char] = &['-', '\u{2010}', '\u{2011}', '–', '—'];

/// A dash at a line end right after a letter or digit, the next line going on with one:
/// "Trace-" / "Monkey", "2020–" / "0686", "pp. 1-" / "26", "9-" / "methyl". The line
/// break is no space of the text: the dash binds what stands on either side. Returns the
/// dash and the runs of letters and digits on either side of it (the word's halves).
fn bound_dash(prev: &str, next: &str) -> Option<(char, String, String)> {
    let dash = prev.chars().last().filter(|c| BINDING_DASHES.contains(c))?;
    let stem = &prev[..prev.len() - dash.len_utf8()];
    let head: String = {
        let mut h: Vec<char> = stem
            .chars()
            .rev()
            .take_while(|c| c.is_alphanumeric())
            .take(MAX_WORD)
            .collect();
        h.reverse();
        h.into_iter().collect()
    };
    let tail: String = next
        .chars()
        .take_while(|c| c.is_alphanumeric())
        .take(MAX_WORD)
        .collect();
    (!head.is_empty() && !tail.is_empty()).then_some((dash, head, tail))
}

/// An e-mail address cut at its "@" by a line end: "…-Inquiry@" / "faa.gov" or "…-Inquiry"
/// / "@faa.gov", the domain holding a dot.
pub(super) fn splits_email(prev: &str, next: &str) -> bool {
    // Asked of every line joined: the cheap test first (a paragraph that is one endless
    // word must not be scanned for its last token once per line).
    if !prev.ends_with('@') && !next.starts_with('@') {
        return false;
    }
    let local = prev.split_whitespace().last().unwrap_or("");
    let domain_ok = |d: &str| {
        let d = d.trim_end_matches(['.', ',', ';', ')']);
        d.contains('.') && d.starts_with(|c: char| c.is_alphanumeric())
    };
    if let Some(name) = local.strip_suffix('@') {
        return !name.contains('@')
            && name.ends_with(|c: char| c.is_alphanumeric())
            && domain_ok(next);
    }
    next.strip_prefix('@').is_some_and(|d| {
        !local.contains('@') && local.ends_with(|c: char| c.is_alphanumeric()) && domain_ok(d)
    })
}

/// Lower-case prefixes that join a capitalised word with a hyphen ("anti-American").
const CAPITAL_PREFIXES: &[&str] = &[
    "anti", "non", "pro", "ex", "mid", "pre", "post", "pan", "neo", "sub", "trans", "inter", "un",
    "de", "re", "semi", "quasi", "pseudo", "intra", "extra", "ultra", "super", "multi", "co",
    "all", "then", "late", "early",
];

/// A dash bound across a line or page break (see [`bound_dash`]) and whether it goes: a
/// hyphen between two runs of letters that the document's words show to be a word's
/// hyphenation ("FED-" / "ERAL" where "federal" is printed) is dropped; every other
/// dash stays, with no space after it.
pub struct BoundDash {
    /// The dash printed at the break.
    pub dash: char,
    /// The letters or digits before it.
    pub head: String,
    /// The letters or digits after the break.
    pub tail: String,
    /// Whether the dash went: a word's hyphenation.
    pub dropped: bool,
    /// The evidence that decided it, for the report.
    pub why: &'static str,
}

/// What a line or block break cuts at `prev`'s end (visible text) before `next`: a word
/// hyphenated across it (the second value `true`; its hyphen dropped where the document's
/// words show a hyphenation), else a dash binding what goes on across it
/// ([`bound_dash_join`]). Both joiners decide by this.
pub fn rejoin(
    prev: &str,
    next: &str,
    lex: &super::Lexicon,
    across_break: bool,
) -> Option<(BoundDash, bool)> {
    match hyphenated_word(prev, next) {
        // "first-" / "and second-line": the hyphen waits for the second compound's part,
        // and the space after it is the text's own. Nothing binds across.
        Some((_, tail)) if suspended_hyphen(&tail, next) => None,
        Some((head, tail)) => {
            let (dropped, why) = if inside_compound(prev, next, &head, &tail, lex) {
                (false, "a part of a compound printed with its other hyphens")
            } else {
                lex.hyphenation(&head, &tail)
            };
            Some((
                BoundDash {
                    dash: '-',
                    head,
                    tail,
                    dropped,
                    why,
                },
                true,
            ))
        }
        None => bound_dash_join(prev, next, lex, across_break).map(|b| (b, false)),
    }
}

/// Conjunctions after which a hyphen at a line end is suspended ("first-" / "and
/// second-line", "pré-" / "ou post-opératoire"), when a compound follows them.
const SUSPENDING_CONJUNCTIONS: &[&str] = &["and", "or", "nor", "to", "et", "ou"];

/// Whether a hyphen cut at a line end before `tail`, the first word of `next`, is a
/// suspended hyphen: `tail` is a conjunction standing as a word of its own, and one of
/// the next three words is a compound ("pre-" / "and post-war", "first-" / "or
/// second-order"), whose second part the hyphen stands for.
fn suspended_hyphen(tail: &str, next: &str) -> bool {
    if !SUSPENDING_CONJUNCTIONS.contains(&tail) {
        return false;
    }
    let mut words = next.split_whitespace();
    words.next() == Some(tail)
        && words.take(3).any(|w| {
            let w = w.trim_end_matches(|c: char| !c.is_alphanumeric());
            w.split_once('-').is_some_and(|(a, b)| {
                a.ends_with(char::is_alphanumeric) && b.starts_with(char::is_alphabetic)
            })
        })
}

/// Whether a word cut at a line end stands inside a compound whose other parts are
/// printed with hyphens ("low-molecular-" / "weight", "end-" / "to-end"), its first half
/// a word the document prints on its own, and the joined form printed nowhere: the
/// hyphen at the break is the compound's own. (TeX never hyphenates a word that
/// already holds a hyphen; a word processor that does cuts a syllable, "cost-effec-" /
/// "tive", whose head is no word.)
fn inside_compound(prev: &str, next: &str, head: &str, tail: &str, lex: &super::Lexicon) -> bool {
    let stem = prev.trim_end_matches(['-', '\u{AD}']);
    let before = &stem[..stem.len() - head.len()];
    let joined_before = before
        .strip_suffix('-')
        .is_some_and(|b| b.ends_with(char::is_alphanumeric));
    let after = &next[tail.len()..];
    let joined_after = after
        .strip_prefix('-')
        .is_some_and(|a| a.starts_with(char::is_alphanumeric));
    (joined_before || joined_after) && !lex.prints(&format!("{head}{tail}")) && lex.count(head) > 0
}

/// Whether two words are both capitalised (a capital, then lower-case letters) or both in
/// capitals, letters only.
fn same_case_shape(a: &str, b: &str) -> bool {
    let shape = |w: &str| {
        let mut chars = w.chars();
        let first = chars.next().is_some_and(char::is_uppercase);
        let rest: Vec<char> = chars.collect();
        if !first || !rest.iter().all(|c| c.is_alphabetic()) {
            return None;
        }
        if rest.iter().all(|c| c.is_lowercase()) {
            Some(false)
        } else {
            rest.iter().all(|c| c.is_uppercase()).then_some(true)
        }
    };
    let first = shape(a);
    first.is_some() && first == shape(b)
}

/// The dash ending `prev` (visible text) that binds it to `next`, decided with `lex`.
/// With `across_break` the two sides come from two blocks (a page or column break
/// between them), and the next block may be another text ("instruc-" beside a sidebar's
/// "Internal", "Novem-" over a column's "1"): the dash binds only a word going on in
/// lower case, a figure after a figure, or a capitalised word after one (a name). An em dash before a capital ends a phrase
/// ("Your tax is—" over "Example.").
pub fn bound_dash_join(
    prev: &str,
    next: &str,
    lex: &super::Lexicon,
    across_break: bool,
) -> Option<BoundDash> {
    let (dash, head, tail) = bound_dash(prev, next)?;
    let capital = tail.starts_with(char::is_uppercase);
    let figures = head.ends_with(|c: char| c.is_ascii_digit())
        && tail.starts_with(|c: char| c.is_ascii_digit());
    // Two capitalised words bound by a hyphen ("Soekarno-" over "Hatta", "Guinea-" over
    // "Bissau"), or two in capitals ("FED-" over "ERAL"), make one word: a block that
    // ends so goes on. Words of other shapes ("VerDate", "Ha-" over "MEETINGS") are
    // another text.
    let name = dash == '-' && head.chars().count() >= 2 && same_case_shape(&head, &tail);
    if across_break && !figures && !name && !tail.starts_with(char::is_lowercase) {
        return None;
    }
    if capital && dash == '—' {
        return None;
    }
    let figure = tail.starts_with(|c: char| c.is_ascii_digit());
    if (capital || figure)
        && head.starts_with(char::is_lowercase)
        && !CAPITAL_PREFIXES.contains(&head.as_str())
    {
        return None;
    }
    let letters = |w: &str| w.chars().all(char::is_alphabetic);
    let (dropped, why) = if matches!(dash, '–' | '—') {
        (false, "a dash, no hyphen")
    } else if letters(&head) && letters(&tail) {
        lex.hyphenation(&head, &tail)
    } else {
        (false, "figures or an identifier's parts on either side")
    };
    Some(BoundDash {
        dash,
        head,
        tail,
        dropped,
        why,
    })
}
