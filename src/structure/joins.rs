//! Rejoining what line ends broke: words hyphenated at a line end, URLs cut by a line
//! break or a stray space, and the lines of a paragraph.
//!
//! Whether "long-" + "term" is a hyphenation or a compound is decided with the document's
//! own words as the dictionary: if the text elsewhere writes "longterm" the hyphen goes, if
//! it writes "long-term" it stays.

use std::collections::BTreeMap;
use std::sync::LazyLock;

use regex::Regex;

use crate::lines::TextLine;
use crate::report::{Action, ActionKind, Report};
use crate::rich;

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
                super::casing::lowercase_into(&mut lower, m.as_str());
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

static TRAILING_URL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:https?://|www\.|doi\.org/|\b10\.[0-9]{4,}/)\S*$").expect("valid regex")
});

/// What every match of [`TRAILING_URL`] holds. Most line ends hold none, and the pattern
/// (~0.7 ms to compile) then need not be built.
fn may_end_with_url(t: &str) -> bool {
    ["://", "www.", "doi.org/", "10."]
        .iter()
        .any(|w| t.contains(w))
}

/// Compiles the patterns nearly every document needs (see [`crate::compile_patterns_in_background`]).
pub(crate) fn compile_patterns() {
    LazyLock::force(&WORD);
}
static URL_TAIL: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^[a-z0-9%_~#?=&+./:-]+$").expect("valid regex"));

/// Whether `tail` (the next token) continues a URL that ends `url_part`.
pub fn continues_url(url_part: &str, tail: &str, tail_is_last: bool) -> bool {
    if tail.is_empty() || !URL_TAIL.is_match(tail.trim_end_matches(['.', ','])) {
        return false;
    }
    let t = tail.trim_end_matches(['.', ',']);
    url_part.ends_with(['/', '-', '_', '.', '=', '?', '&', '#'])
        || t.contains(['/', '-', '_', '=', '?', '&'])
        || (t.contains('.') && t.chars().any(|c| c.is_ascii_digit()))
        || (tail_is_last && !tail.ends_with(['.', ',']))
}

/// How addresses open: a line break inside one of these leaves neither half a URL.
const URL_OPENINGS: &[&str] = &["https://", "http://", "www."];

/// Whether the last token of `end` and `next` (the next line's first token) are the halves
/// of a URL whose opening the line break cut ("https:" | "//www…", "http" | "s://…",
/// "www" | ".example.org/…"): the token is a proper beginning of an opening, and the two
/// together spell the whole opening with the address after it. A URL breaking package
/// (LaTeX's xurl) breaks anywhere, the scheme included.
pub fn splits_url_opening(end: &str, next: &str) -> bool {
    let Some(token) = end
        .split_whitespace()
        .last()
        .filter(|_| !end.ends_with(char::is_whitespace))
    else {
        return false;
    };
    let token = token.trim_start_matches(['(', '<', '[', '“', '"', '‘']);
    if token.is_empty() || next.is_empty() {
        return false;
    }
    URL_OPENINGS.iter().any(|open| {
        token.len() < open.len()
            && open.starts_with(token)
            && next.len() > open.len() - token.len()
            && next.starts_with(&open[token.len()..])
            && next[open.len() - token.len()..].starts_with(|c: char| c.is_ascii_alphanumeric())
    })
}

/// Whether `line` is nothing but a piece cut from inside a URL: one token of a URL's
/// characters holding a slash, or opening with a hyphen or dot
/// ("/news/2024/03/05/quarter-of-asia", "-affected"). Prose never reads so.
pub fn is_url_fragment(line: &str) -> bool {
    let t = line.trim();
    !t.is_empty()
        && !t.contains(char::is_whitespace)
        && URL_TAIL.is_match(t)
        && (t.contains('/') || t.starts_with(['-', '.']))
        && t.chars().any(|c| c.is_ascii_alphabetic())
}

/// Whether `next` (a line's first token; `next_is_last`: the line's only one and the
/// text's last) carries on a URL that ends `text`, cut in its opening or after it.
pub fn url_runs_on(text: &str, next: &str, next_is_last: bool) -> bool {
    let end = visible_tail(text);
    splits_url_opening(&end, next)
        || (may_end_with_url(&end)
            && !text.ends_with(char::is_whitespace)
            && TRAILING_URL
                .find(&end)
                .is_some_and(|m| continues_url(m.as_str(), next, next_is_last)))
}

/// Joins the lines of one unit into rich text, recording de-hyphenations and URL joins.
pub fn join_lines(lines: &[TextLine], lex: &Lexicon, report: &mut Report) -> String {
    let mut out = String::new();
    for (k, line) in lines.iter().enumerate() {
        let text = line.text.trim();
        if text.is_empty() {
            continue;
        }
        if out.is_empty() {
            out.push_str(text);
            continue;
        }
        let visible_end = visible_tail(&out);
        let next_plain = rich::plain(text);
        let next_first = next_plain.split_whitespace().next().unwrap_or("");
        let is_last = k + 1 == lines.len() && next_plain.split_whitespace().count() == 1;
        // A URL cut by the line end, in its opening or after it.
        if splits_url_opening(&visible_end, next_first) {
            report.push(
                Action::new(ActionKind::UrlJoined)
                    .page(line.page)
                    .lines([lines[k - 1].source_line, line.source_line])
                    .before(format!(
                        "{} | {next_first}",
                        visible_end.split_whitespace().last().unwrap_or("")
                    ))
                    .evidence("a URL's opening cut by the line end")
                    .confidence(0.9),
            );
            out.push_str(text);
            continue;
        }
        if may_end_with_url(&visible_end)
            && let Some(m) = TRAILING_URL.find(&visible_end)
            && continues_url(m.as_str(), next_first, is_last)
            && !out.ends_with(char::is_whitespace)
        {
            report.push(
                Action::new(ActionKind::UrlJoined)
                    .page(line.page)
                    .lines([lines[k - 1].source_line, line.source_line])
                    .before(format!("{} | {}", m.as_str(), next_first))
                    .evidence("URL continued on the next line")
                    .confidence(0.9),
            );
            out.push_str(text);
            continue;
        }
        // "Hy -" / "dropower": a hyphenation set apart by justification. Only a short
        // fragment that is no word of its own, or a join the text confirms, counts.
        if let Some(head) = spaced_hyphen_head(&visible_end)
            && next_first.starts_with(|c: char| c.is_lowercase())
        {
            let tail: String = next_first
                .chars()
                .take_while(|c| c.is_alphabetic())
                .collect();
            let confirmed = lex.count_forms(&format!("{head}{tail}")) > 0;
            let fragment =
                head.chars().count() <= 3 && !SHORT_WORDS.contains(&head.to_lowercase().as_str());
            if confirmed || fragment {
                while out.ends_with(['-', ' ']) || out.ends_with(char::is_whitespace) {
                    out.pop();
                }
                report.push(
                    Action::new(ActionKind::Dehyphenated)
                        .page(line.page)
                        .lines([lines[k - 1].source_line, line.source_line])
                        .before(format!("{head} - {tail}"))
                        .after(format!("{head}{tail}"))
                        .evidence("hyphen set apart at a line end")
                        .confidence(0.7),
                );
                out.push_str(text);
                continue;
            }
        }
        // A word hyphenated (or soft-hyphenated) at the line end.
        let soft = visible_end.ends_with('\u{AD}');
        if let Some((head, tail)) = hyphenated_word(&visible_end, next_first) {
            let join = soft || lex.is_hyphenation(&head, &tail);
            trim_end_hyphen(&mut out, join);
            report.push(
                Action::new(ActionKind::Dehyphenated)
                    .page(line.page)
                    .lines([lines[k - 1].source_line, line.source_line])
                    .before(format!("{head}- {tail}"))
                    .after(if join {
                        format!("{head}{tail}")
                    } else {
                        format!("{head}-{tail}")
                    })
                    .evidence(if soft {
                        "soft hyphen at line end"
                    } else if join {
                        "line-end hyphenation (the document's words agree)"
                    } else {
                        "compound kept (the document's words or its shape say so)"
                    })
                    .confidence(0.8),
            );
            out.push_str(text);
            continue;
        }
        if out.ends_with('\u{AD}') {
            out.pop();
        }
        out.push(' ');
        out.push_str(text);
    }
    // Two lines of one italic or bold run come joined as "*…found* *after…*": one run.
    crate::rich::tidy(&out.replace('\u{AD}', ""))
}

/// Longest stretch at the end of a paragraph that the join decisions look at, in bytes:
/// longer than the URLs of real notes, and a bound that keeps joining linear in the
/// paragraph.
const MAX_TAIL: usize = 2 << 10;

/// Longest word head a hyphenation decision looks at, in letters: no word is longer, and
/// a run of letters without end (a hostile chain of "inter-" lines) must not be copied
/// into every decision and report entry.
const MAX_WORD: usize = 64;

/// The visible text (as [`rich::plain`]) of the last three whitespace-separated tokens of
/// `s`, at most [`MAX_TAIL`] bytes of it. Every join decision depends only on the end of
/// the text built so far (a URL's last token, "Hy -", a hyphenated word); reading the
/// whole paragraph again for each line joined would make joining quadratic.
pub fn visible_tail(s: &str) -> String {
    let mut start = s.len().saturating_sub(MAX_TAIL);
    while !s.is_char_boundary(start) {
        start += 1;
    }
    let mut tokens = 0;
    let mut in_token = false;
    for (i, c) in s[start..].char_indices().rev() {
        if c.is_whitespace() {
            if in_token {
                tokens += 1;
                if tokens == 3 {
                    start += i + c.len_utf8();
                    break;
                }
            }
            in_token = false;
        } else {
            in_token = true;
        }
    }
    rich::plain(&s[start..])
}

/// Words of one to three letters that stand on their own.
const SHORT_WORDS: &[&str] = &[
    "a", "an", "the", "of", "to", "in", "on", "at", "by", "or", "is", "it", "as", "be", "we", "he",
    "she", "and", "but", "for", "nor", "not", "so", "up", "us", "no", "its", "his", "her", "our",
    "are", "was", "has", "had", "can", "may", "all", "any", "one", "two", "new",
];

/// "... Hy -" → "Hy": the word before a hyphen that a space separates from it.
fn spaced_hyphen_head(s: &str) -> Option<String> {
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
fn trim_end_hyphen(out: &mut String, join: bool) {
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

static SPACED_URL: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"((?:https?://|www\.)\S+) (\S+)").expect("valid regex"));

/// "https: //www…", "https ://doi…": a URL's scheme with a space that character
/// recognition set around its colon, before an address. Nothing else spells that.
static SPACED_SCHEME: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\b(https?)(?: :|: | : )//([A-Za-z0-9])").expect("valid regex"));

/// Closes the spaces of [`SPACED_SCHEME`] in `text`, reporting each.
fn close_spaced_schemes(text: &str, report: &mut Report, page: usize, lines: &[usize]) -> String {
    if !text.contains("//") || !text.contains("http") {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len());
    let mut last = 0;
    for c in SPACED_SCHEME.captures_iter(text) {
        let whole = c.get(0).map_or(0..0, |m| m.range());
        out.push_str(&text[last..whole.start]);
        out.push_str(&format!("{}://{}", &c[1], &c[2]));
        report.push(
            Action::new(ActionKind::UrlJoined)
                .page(page)
                .lines(lines.iter().copied())
                .before(&text[whole.clone()])
                .evidence("space around a URL scheme's colon")
                .confidence(0.9),
        );
        last = whole.end;
    }
    out.push_str(&text[last..]);
    out
}

/// Rejoins URLs broken by a stray space inside a note ("…/axis-of-impunity-put in-kim-deal").
pub fn repair_spaced_urls(text: &str, report: &mut Report, page: usize, lines: &[usize]) -> String {
    let mut out = close_spaced_schemes(text, report, page, lines);
    for _ in 0..4 {
        let Some(c) = SPACED_URL.captures(&out) else {
            break;
        };
        let (whole, url, tail) = (
            c.get(0).map_or(0..0, |m| m.range()),
            c[1].to_string(),
            c[2].to_string(),
        );
        let is_last = out[whole.end..].trim().is_empty();
        let tail_clean = rich::plain(&tail);
        // After a full stop the tail must itself look like a URL part ("ehl. 2016.11.092").
        let after_stop = url.ends_with(['.', ',', ';', ')']);
        let continues = if after_stop {
            tail_clean.contains(['.', '/', '-']) && continues_url(&url, &tail_clean, false)
        } else {
            continues_url(&url, &tail_clean, is_last)
        };
        if !continues {
            break;
        }
        report.push(
            Action::new(ActionKind::UrlJoined)
                .page(page)
                .lines(lines.iter().copied())
                .before(format!("{url} {tail}"))
                .after(format!("{url}{tail}"))
                .evidence("URL broken by a space")
                .confidence(0.85),
        );
        out.replace_range(whole, &format!("{url}{tail}"));
    }
    out
}

static URL_TOKEN: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?:https?://|www\.)\S+").expect("valid regex"));

/// A URL's letters and digits only: what survives hyphenation and line breaks.
fn url_key(url: &str) -> String {
    url.trim_end_matches(['.', ',', ';', ':', ')', ']', '"', '”', '’'])
        .trim_start_matches("https://")
        .trim_start_matches("http://")
        .chars()
        .filter(|c| c.is_alphanumeric() || *c == '/' || *c == '.')
        .collect::<String>()
        .to_lowercase()
}

/// Replaces URLs of the text that the layout broke (a hyphen added at a line end, as
/// word processors do) by the link targets the PDF itself declares, when they are the
/// same address but for hyphens.
pub fn restore_urls(text: &str, targets: &[String]) -> String {
    if targets.is_empty() || !URL_TOKEN.is_match(text) {
        return text.to_string();
    }
    URL_TOKEN
        .replace_all(text, |c: &regex::Captures| {
            let token = &c[0];
            let core = token.trim_end_matches(['.', ',', ';', ':', ')', ']', '"', '”', '’']);
            let trail = &token[core.len()..];
            let key = url_key(core);
            match targets.iter().find(|t| url_key(t) == key) {
                Some(t) if t.as_str() != core && !core.contains(crate::rich::is_sentinel) => {
                    format!("{t}{trail}")
                }
                _ => token.to_string(),
            }
        })
        .into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_phrases::{assert_necessary, phrases};

    #[test]
    fn url_end_test_never_turns_away_a_url() {
        let texts = phrases(
            &[
                "http", "https", "://", "www", ".", "doi.org/", "doi", "org", "/", "10", "1234",
                "x", " ", "é", "-",
            ],
            20_000,
        );
        assert!(assert_necessary(&TRAILING_URL, may_end_with_url, &texts) > 100);
    }

    fn tl(s: &str, n: usize) -> TextLine {
        TextLine::new(s, 1, n)
    }

    #[test]
    fn hyphenation_uses_the_documents_words() {
        let lex = Lexicon::from_lines(&[tl(
            "Long-term plans and the international order; observations matter.",
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
    fn joins_lines_urls_and_hyphens() {
        let lex = Lexicon::default();
        let mut r = Report::default();
        let lines = [
            tl("Read the report at https://www.example.org/reports/", 1),
            tl("annual-2024 which covers ob-", 2),
            tl("servations of long-", 3),
            tl("term trends.", 4),
        ];
        assert_eq!(
            join_lines(&lines, &lex, &mut r),
            "Read the report at https://www.example.org/reports/annual-2024 which covers observations of long-term trends."
        );
        assert_eq!(r.count(ActionKind::UrlJoined), 1);
        assert_eq!(r.count(ActionKind::Dehyphenated), 2);
    }

    #[test]
    fn urls_cut_in_their_opening_are_joined() {
        let lex = Lexicon::default();
        let mut r = Report::default();
        let join = |a: &str, b: &str, r: &mut Report| join_lines(&[tl(a, 1), tl(b, 2)], &lex, r);
        assert_eq!(
            join(
                "Delta Daily News, 2020. https:",
                "//www.example.com/news/a-b",
                &mut r
            ),
            "Delta Daily News, 2020. https://www.example.com/news/a-b"
        );
        assert_eq!(
            join(
                "(Manila: ADB, 2023), 18. http",
                "s://www.adb.example.org/x",
                &mut r
            ),
            "(Manila: ADB, 2023), 18. https://www.adb.example.org/x"
        );
        assert_eq!(
            join("available at (www", ".example.org/report).", &mut r),
            "available at (www.example.org/report)."
        );
        assert_eq!(r.count(ActionKind::UrlJoined), 3);
        // Words that only look like an opening stay apart.
        assert_eq!(
            join("the http", "server failed", &mut r),
            "the http server failed"
        );
        assert_eq!(join("see www", ". Then", &mut r), "see www . Then");
        assert_eq!(
            join("a https:", "// comment", &mut r),
            "a https: // comment"
        );
        assert_eq!(r.count(ActionKind::UrlJoined), 3);
    }

    #[test]
    fn url_fragments_are_pieces_of_addresses_only() {
        assert!(is_url_fragment(
            "/news/2024/03/05/quarter-of-asia-europe-traffic"
        ));
        assert!(is_url_fragment("-affected"));
        assert!(is_url_fragment(".example.com"));
        assert!(!is_url_fragment("now"));
        assert!(!is_url_fragment("and/or the rest"));
        assert!(!is_url_fragment("-"));
        assert!(!is_url_fragment("2024/25"));
        assert!(!is_url_fragment("Figures/Tables"));
    }

    #[test]
    fn spaced_hyphens_at_line_ends() {
        let lex = Lexicon::default();
        let mut r = Report::default();
        let lines = [
            tl("bears the cost of the change. Hy -", 1),
            tl("dropower revenues accrue", 2),
        ];
        assert_eq!(
            join_lines(&lines, &lex, &mut r),
            "bears the cost of the change. Hydropower revenues accrue"
        );
        let lines = [tl("the river is -", 1), tl("as always - low", 2)];
        assert_eq!(
            join_lines(&lines, &lex, &mut r),
            "the river is - as always - low"
        );
    }

    #[test]
    fn urls_restored_from_link_targets() {
        let targets = vec!["https://www.mrc-basin.example.org/state-of-the-basin".to_string()];
        assert_eq!(
            restore_urls(
                "See https://www.mrc-basin.exam-ple.org/state-of-the-basin.",
                &targets
            ),
            "See https://www.mrc-basin.example.org/state-of-the-basin."
        );
        assert_eq!(
            restore_urls("See https://other.example/x.", &targets),
            "See https://other.example/x."
        );
    }

    #[test]
    fn spaced_urls() {
        let mut r = Report::default();
        assert_eq!(
            repair_spaced_urls(
                "See https://x.example/axis-put in-kim-deal now.",
                &mut r,
                1,
                &[1]
            ),
            "See https://x.example/axis-putin-kim-deal now."
        );
        assert_eq!(
            repair_spaced_urls(
                "At https://doi.org/10.5555/d sr.2024.008.112",
                &mut r,
                1,
                &[1]
            ),
            "At https://doi.org/10.5555/dsr.2024.008.112"
        );
        assert_eq!(
            repair_spaced_urls("At https://x.example/full-re port", &mut r, 1, &[1]),
            "At https://x.example/full-report"
        );
        assert_eq!(
            repair_spaced_urls("see https://x.example/a and more", &mut r, 1, &[1]),
            "see https://x.example/a and more"
        );
        assert_eq!(
            repair_spaced_urls("https://x.example/a. Accessed", &mut r, 1, &[1]),
            "https://x.example/a. Accessed"
        );
        assert_eq!(
            repair_spaced_urls("https://doi.org/10.5555/ehl. 2016.11.092", &mut r, 1, &[1]),
            "https://doi.org/10.5555/ehl.2016.11.092"
        );
        assert_eq!(
            repair_spaced_urls("https://x.example/a. the end", &mut r, 1, &[1]),
            "https://x.example/a. the end"
        );
        assert_eq!(
            repair_spaced_urls(
                "2019. https: //www.ilo.example.org/a and https ://doi.org/10.5555/x",
                &mut r,
                1,
                &[1]
            ),
            "2019. https://www.ilo.example.org/a and https://doi.org/10.5555/x"
        );
        assert_eq!(
            repair_spaced_urls("the http: // prefix", &mut r, 1, &[1]),
            "the http: // prefix"
        );
    }

    #[test]
    fn the_visible_tail_is_the_last_three_tokens_within_a_bound() {
        let bold = format!("{}x{}", rich::BOLD_ON, rich::BOLD_OFF);
        assert_eq!(visible_tail(&format!("one two {bold} Hy -")), "x Hy -");
        assert_eq!(visible_tail("see https://a.org/b"), "see https://a.org/b");
        let endless = "inter".repeat(10_000);
        assert!(visible_tail(&endless).len() <= MAX_TAIL);
        assert!(
            hyphenated_word(&format!("{endless}-"), "national")
                .is_some_and(|(h, _)| h.len() <= MAX_WORD)
        );
    }
}
