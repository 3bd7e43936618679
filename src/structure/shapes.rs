//! Fixed text shapes that [`super::classify`] once matched with regular expressions,
//! decided by hand. Each pattern is run on nearly every document, and compiling it cost
//! 0.3–1 ms, a large share of a one-page document's conversion; these answer exactly as the
//! pattern did (the tests compare them with it over many texts).

/// Whether `t` opens with a Unicode word character, as `\b` reads one (a boundary lies
/// between a word character and anything else, or the end).
fn opens_with_word(t: &str) -> bool {
    t.chars()
        .next()
        .is_some_and(regex_syntax::is_word_character)
}

fn skip_spaces(t: &str) -> &str {
    // `char::is_whitespace` is Unicode's White_Space, as the pattern's `\s` is.
    t.trim_start_matches(char::is_whitespace)
}

fn opens_with_ascii_digit(t: &str) -> bool {
    t.as_bytes().first().is_some_and(u8::is_ascii_digit)
}

/// The pattern of [`citation_numbers`].
#[cfg(test)]
pub(super) const CITATION_NUMBERS: &str =
    r"\x08(?:pp?|vol|no)\.\s*[0-9]|\([0-9]{4}\)|[0-9]{4}\)?\s*:\s*[0-9]";

/// Page, volume and year patterns of citations: "pp. 4", "vol. 12", "(2023)", "2022): 41"
/// ([`CITATION_NUMBERS`] anywhere in `t`).
///
/// The first alternative opens with a backspace character (U+0008; it was a raw control
/// byte in the source, likely a `\b` that lost its backslash), so it never matches real
/// text. It is kept as it was so that output stays the same; fixing it is a separate change.
pub(super) fn citation_numbers(t: &str) -> bool {
    let b = t.as_bytes();
    let four_digits = |i: usize| {
        b.get(i..i + 4)
            .is_some_and(|d| d.iter().all(u8::is_ascii_digit))
    };
    (0..b.len()).any(|i| {
        match b[i] {
            0x08 => {
                let rest = &t[i + 1..];
                if ["p.", "pp.", "vol.", "no."].iter().any(|w| {
                    rest.strip_prefix(w)
                        .is_some_and(|r| opens_with_ascii_digit(skip_spaces(r)))
                }) {
                    return true;
                }
            }
            b'(' if four_digits(i + 1) && b.get(i + 5) == Some(&b')') => return true,
            _ => {}
        }
        if !four_digits(i) {
            return false;
        }
        // The bracket after the digits is taken when there is one: leaving it would need
        // it to be a space or the colon.
        let after = i + 4 + usize::from(b.get(i + 4) == Some(&b')'));
        skip_spaces(&t[after..])
            .strip_prefix(':')
            .is_some_and(|r| opens_with_ascii_digit(skip_spaces(r)))
    })
}

/// The pattern of [`ibid_start`].
#[cfg(test)]
pub(super) const IBID_START: &str = r"^\s*(?:ibid|id\.|op\.\s*cit|idem)\b";

/// Whether the lower-cased `t` opens with "ibid", "id.", "op. cit" or "idem" as a word
/// ([`IBID_START`]).
pub(super) fn ibid_start(t: &str) -> bool {
    let t = skip_spaces(t);
    // `\b` after a letter wants no word character next; after "id." it wants one.
    t.strip_prefix("ibid").is_some_and(|r| !opens_with_word(r))
        || t.strip_prefix("id.").is_some_and(opens_with_word)
        || t.strip_prefix("op.")
            .and_then(|r| skip_spaces(r).strip_prefix("cit"))
            .is_some_and(|r| !opens_with_word(r))
        || t.strip_prefix("idem").is_some_and(|r| !opens_with_word(r))
}

/// The pattern of [`run_in_heading`].
#[cfg(test)]
pub(super) const RUN_IN_HEADING: &str = r"^((?:In\s+)?(?:Conclusions?|Summary|Executive\s+Summary|Introduction|Background|Overview|(?:Policy\s+)?Recommendations?|(?:The\s+)?Way\s+Forward|Outlook|Key\s+Takeaways|Key\s+Findings|Findings|Discussion|Implications|Looking\s+Ahead|Context|Methodology|Methods|Final\s+Thoughts|Concluding\s+Remarks))\s*:[ \t]+(\S.*)$";

/// The section names of [`RUN_IN_HEADING`], their words apart (a space between them
/// stands for `\s+`), in the order the pattern tries them: its optional parts first taken,
/// then left.
const RUN_IN_NAMES: &[&[&str]] = &[
    &["Conclusions"],
    &["Conclusion"],
    &["Summary"],
    &["Executive", "Summary"],
    &["Introduction"],
    &["Background"],
    &["Overview"],
    &["Policy", "Recommendations"],
    &["Policy", "Recommendation"],
    &["Recommendations"],
    &["Recommendation"],
    &["The", "Way", "Forward"],
    &["Way", "Forward"],
    &["Outlook"],
    &["Key", "Takeaways"],
    &["Key", "Findings"],
    &["Findings"],
    &["Discussion"],
    &["Implications"],
    &["Looking", "Ahead"],
    &["Context"],
    &["Methodology"],
    &["Methods"],
    &["Final", "Thoughts"],
    &["Concluding", "Remarks"],
];

/// The length of `words` at the start of `t`, one or more spaces between them.
fn words_at(t: &str, words: &[&str]) -> Option<usize> {
    let mut rest = t;
    for (i, word) in words.iter().enumerate() {
        if i > 0 {
            let spaced = skip_spaces(rest);
            if spaced.len() == rest.len() {
                return None;
            }
            rest = spaced;
        }
        rest = rest.strip_prefix(word)?;
    }
    Some(t.len() - rest.len())
}

/// What may follow a run-in heading's name: spaces, a colon, spaces or tabs, then a line
/// opening with a non-space ([`RUN_IN_HEADING`]'s `\s*:[ \t]+(\S.*)$`); where that line
/// starts within `t`.
fn run_in_tail(t: &str) -> Option<usize> {
    let after_colon = skip_spaces(t).strip_prefix(':')?;
    let line = after_colon.trim_start_matches([' ', '\t']);
    let opens = line.chars().next().is_some_and(|c| !c.is_whitespace());
    // `.` takes anything but a line feed, and `$` is the end of the text.
    (line.len() < after_colon.len() && opens && !line.contains('\n')).then(|| t.len() - line.len())
}

/// "Conclusion: text…" → the heading's name ("In Conclusion") and where the text after it
/// starts, as [`RUN_IN_HEADING`]'s two groups.
pub(super) fn run_in_heading(text: &str) -> Option<(&str, usize)> {
    // `(?:In\s+)?` is tried taken first, then left.
    let after_in = text
        .strip_prefix("In")
        .map(|r| (r, skip_spaces(r)))
        .filter(|(r, spaced)| spaced.len() < r.len())
        .map(|(_, spaced)| text.len() - spaced.len());
    [after_in, Some(0)].into_iter().flatten().find_map(|start| {
        RUN_IN_NAMES.iter().find_map(|words| {
            let end = start + words_at(&text[start..], words)?;
            Some((&text[..end], end + run_in_tail(&text[end..])?))
        })
    })
}

/// The pattern [`url_spans`] decides.
#[cfg(test)]
pub(super) const WEB_ADDRESS: &str = r"(?:https?://|www\.)\S+";

/// Where `text` holds web addresses, as [`WEB_ADDRESS`] found them in turn: "http://",
/// "https://" or "www." followed by one or more characters other than white space
/// (`char::is_whitespace`, Unicode's White_Space as `\S` reads it), up to the next white
/// space. Decided by hand: the pattern cost ~0.5 ms to compile, and as a `regex-lite`
/// pattern it runs slowly over long notes and paragraphs.
pub(crate) fn url_spans(text: &str) -> impl Iterator<Item = std::ops::Range<usize>> + '_ {
    let mut from = 0;
    std::iter::from_fn(move || {
        while from < text.len() {
            let bytes = &text.as_bytes()[from..];
            let at = from + bytes.iter().position(|&b| b == b'h' || b == b'w')?;
            let rest = &text[at..];
            let scheme = ["https://", "http://", "www."]
                .iter()
                .find(|p| rest.starts_with(**p))
                .map_or(0, |p| p.len());
            let address = at + scheme;
            let end = text[address..]
                .find(char::is_whitespace)
                .map_or(text.len(), |k| address + k);
            if scheme > 0 && end > address {
                from = end;
                return Some(at..end);
            }
            from = at + 1;
        }
        None
    })
}

/// The pattern [`url_or_doi_start`] decides.
#[cfg(test)]
pub(crate) const URL_OR_DOI: &str =
    r"\b(?:https?://|www\.)\S+|\bdoi:\s*10\.[0-9]{4,}/\S+|\b10\.[0-9]{4,}/\S+";

/// The length of a DOI's opening at the start of `t`: "10.", four or more ASCII digits and
/// a slash (`10\.[0-9]{4,}/`).
fn doi_prefix(t: &str) -> Option<usize> {
    let digits = t.strip_prefix("10.")?;
    let n = digits.bytes().take_while(u8::is_ascii_digit).count();
    (n >= 4 && digits.as_bytes().get(n) == Some(&b'/')).then_some(3 + n + 1)
}

/// Whether a word of `text` is a DOI ("10.1136/tc.2004.010025", after "doi:" or not): a
/// line that holds one cites a publication.
pub(crate) fn holds_doi(text: &str) -> bool {
    text.split_whitespace().any(|w| {
        let w = w
            .get(..4)
            .filter(|p| p.eq_ignore_ascii_case("doi:"))
            .map_or(w, |_| &w[4..]);
        doi_prefix(w).is_some_and(|n| w.len() > n)
    })
}

/// Whether `t` opens with a character other than white space (`\S`).
fn opens_with_non_space(t: &str) -> bool {
    t.chars().next().is_some_and(|c| !c.is_whitespace())
}

/// Where the first match of [`URL_OR_DOI`] in `text` starts: a web address ("http://",
/// "https://", "www."), "doi:" and a DOI, or a bare DOI ("10.1234/"), opening a word and
/// followed by a character other than white space. Decided by hand: the pattern took
/// 1-2 ms to compile (for its Unicode `\b` and `\S`), a tenth of a short document's
/// conversion, and every match's end is the end of its white-space-free run, which no
/// caller reads.
pub(crate) fn url_or_doi_start(text: &str) -> Option<usize> {
    let bytes = text.as_bytes();
    (0..bytes.len()).find(|&at| {
        if !matches!(bytes[at], b'h' | b'w' | b'd' | b'1') {
            return false;
        }
        // Each opening starts with a word character: `\b` wants none before it.
        if text[..at]
            .chars()
            .next_back()
            .is_some_and(regex_syntax::is_word_character)
        {
            return false;
        }
        let rest = &text[at..];
        let opening = ["https://", "http://", "www."]
            .iter()
            .find(|p| rest.starts_with(**p))
            .map(|p| p.len())
            .or_else(|| {
                let after = rest.strip_prefix("doi:")?;
                let spaced = skip_spaces(after);
                Some(rest.len() - spaced.len() + doi_prefix(spaced)?)
            })
            .or_else(|| doi_prefix(rest));
        opening.is_some_and(|n| opens_with_non_space(&rest[n..]))
    })
}

/// The pattern [`trailing_url`] decides.
#[cfg(test)]
pub(crate) const TRAILING_URL: &str = r"(?:https?://|www\.|doi\.org/|\b10\.[0-9]{4,}/)\S*$";

/// The web address or DOI that ends `text`, as [`TRAILING_URL`] found it: from the first
/// "http://", "https://", "www.", "doi.org/" or word-opening "10.1234/" of the text's last
/// run without white space to the text's end. Decided by hand, as [`url_or_doi_start`].
pub(crate) fn trailing_url(text: &str) -> Option<&str> {
    let run = text
        .char_indices()
        .rev()
        .find(|(_, c)| c.is_whitespace())
        .map_or(0, |(i, c)| i + c.len_utf8());
    let bytes = text.as_bytes();
    (run..bytes.len())
        .find(|&at| {
            // An ASCII byte starts a character: `at` is then a boundary.
            let rest = || &text[at..];
            match bytes[at] {
                b'h' | b'w' | b'd' => ["https://", "http://", "www.", "doi.org/"]
                    .iter()
                    .any(|p| rest().starts_with(p)),
                b'1' => {
                    doi_prefix(rest()).is_some()
                        && !text[..at]
                            .chars()
                            .next_back()
                            .is_some_and(regex_syntax::is_word_character)
                }
                _ => false,
            }
        })
        .map(|at| &text[at..])
}

/// Whether `t` holds one of `openings` (URL openings such as `://`, `www.`, `10.`), each
/// of which has a colon or a dot: only those bytes of `t` are looked around, in one pass,
/// rather than searching the whole text once per opening. These tests run on every line
/// end and every run of output text, and most texts hold neither byte often.
pub fn holds_url_opening(t: &str, openings: &[&str]) -> bool {
    debug_assert!(openings.iter().all(|o| o.contains([':', '.'])));
    let b = t.as_bytes();
    b.iter().enumerate().any(|(i, &c)| {
        (c == b':' || c == b'.')
            && openings.iter().any(|o| {
                let o = o.as_bytes();
                o.iter()
                    .enumerate()
                    .any(|(k, &oc)| oc == c && i >= k && b[i - k..].starts_with(o))
            })
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_phrases::{filled, pattern_texts, phrases};

    /// [`holds_url_opening`] answers as a substring search for each opening.
    #[test]
    fn url_openings_are_found_as_by_substring_search() {
        let texts = phrases(
            &["://", "www", ".", "10", "1", ":", "/", "w", "x", " ", "é"],
            20_000,
        );
        for openings in [&["://", "www."][..], &["://", "www.", "10."]] {
            for t in &texts {
                let searched = openings.iter().any(|o| t.contains(o));
                assert_eq!(holds_url_opening(t, openings), searched, "{t:?}");
            }
        }
    }

    /// [`url_spans`] finds the addresses [`WEB_ADDRESS`] found, in the bench's lines and in
    /// phrases of schemes, white space of every kind and letters of other scripts.
    #[test]
    fn url_spans_are_their_pattern() {
        let texts = pattern_texts(
            &[
                "http", "https", "://", "www", "www.", ".", "h", "w", "x.org", "/", " ", "\u{a0}",
                "\u{2003}", "\n", "é", "-", "ww",
            ],
            60_000,
        );
        let pattern = regex::Regex::new(WEB_ADDRESS).expect("valid regex");
        let mut found = 0;
        for t in &texts {
            let want: Vec<_> = pattern.find_iter(t).map(|m| m.range()).collect();
            assert_eq!(url_spans(t).collect::<Vec<_>>(), want, "{t:?}");
            found += usize::from(!want.is_empty());
        }
        assert!(found > 1_000, "{found}");
    }
    use regex::Regex;

    #[test]
    fn citation_numbers_by_hand_is_the_pattern() {
        let pattern = Regex::new(CITATION_NUMBERS).unwrap();
        let mut texts = phrases(
            &[
                "(", ")", ":", " ", "\u{a0}", "\n", "2023", "19", "1", "12345", "\u{8}", "p.",
                "pp.", "vol.", "no.", "vol", "x", "é", "٣", "p",
            ],
            80_000,
        );
        texts.extend(["(2023)", "2022): 41", "\u{8}pp. 4", "1999 : 3"].map(String::from));
        let mut matched = 0;
        for t in &texts {
            let want = pattern.is_match(t);
            assert_eq!(citation_numbers(t), want, "{t:?}");
            matched += usize::from(want);
        }
        assert!(matched > 500, "{matched}");
    }

    #[test]
    fn ibid_start_by_hand_is_the_pattern() {
        let pattern = Regex::new(IBID_START).unwrap();
        let mut texts = phrases(
            &[
                "ibid", "id.", "op.", "op", "cit", "idem", " ", "\t", "\u{2003}", ".", "x", "é",
                "_", "1", "-", "\u{301}", "ibidem",
            ],
            40_000,
        );
        // Every character after each opening, for `\b`'s idea of a word character.
        for c in (0..0x11_0000).filter_map(char::from_u32).step_by(7) {
            for opening in ["ibid", "id.", "op. cit", "idem"] {
                texts.push(format!("{opening}{c}"));
            }
        }
        let mut matched = 0;
        for t in &texts {
            let want = pattern.is_match(t);
            assert_eq!(ibid_start(t), want, "{t:?}");
            matched += usize::from(want);
        }
        assert!(matched > 20_000, "{matched}");
    }

    #[test]
    fn run_in_heading_by_hand_is_the_pattern() {
        let pattern = Regex::new(RUN_IN_HEADING).unwrap();
        let mut texts = phrases(
            &[
                "In",
                " ",
                "\t",
                "\n",
                "\u{a0}",
                ":",
                "Conclusion",
                "s",
                "Summary",
                "Executive",
                "Policy",
                "Recommendation",
                "The",
                "Way",
                "Forward",
                "Key",
                "Findings",
                "Methods",
                "Methodology",
                "Introduction",
                "x",
                "Text",
                " more",
            ],
            100_000,
        );
        texts.extend(
            [
                "Conclusion: The visit ended.",
                "In Conclusion:\tWe went.",
                "Policy  Recommendations : a b",
                "Summary: \u{a0}x",
                "Summary: x\ny",
            ]
            .map(String::from),
        );
        texts.extend(filled(&[
            &["", "In ", "In\n\u{a0}", "In", "In:"],
            &[
                "Conclusion",
                "Conclusions",
                "Executive  Summary",
                "Policy Recommendation",
                "The Way Forward",
                "Way Forward",
                "Methods",
                "Methodology",
                "Introduction",
                "Key Findings",
                "Findings",
                "Keys",
            ],
            &["", " ", "\n"],
            &[":", ";", ""],
            &["", " ", "\t", " \t", "\u{a0}"],
            &["", "x", "Text more", "\u{a0}x", "x\ny", "x\r"],
        ]));
        let mut matched = 0;
        for t in &texts {
            let want = pattern
                .captures(t)
                .map(|c| (c.get(1).unwrap().as_str(), c.get(2).unwrap().start()));
            assert_eq!(run_in_heading(t), want, "{t:?}");
            matched += usize::from(want.is_some());
        }
        assert!(matched > 1_000, "{matched}");
    }

    /// Texts for the two URL-or-DOI shapes: the bench's lines, phrases of their openings,
    /// digits, white space of every kind and word characters of other scripts, and each
    /// character of Unicode (a sample) before each opening, for `\b`.
    fn url_or_doi_texts() -> Vec<String> {
        let mut texts = pattern_texts(
            &[
                "http", "https", "://", "www", "www.", ".", "doi:", "doi.org/", "doi", "10.", "10",
                "1234", "12345", "/", "x", "é", "_", "٣", " ", "\u{a0}", "\u{2003}", "\n", "-",
                "(", "h", "w", "d", "1",
            ],
            80_000,
        );
        for c in (0..0x11_0000).filter_map(char::from_u32).step_by(11) {
            for opening in [
                "http://x",
                "www.x",
                "doi: 10.1234/x",
                "10.12345/x",
                "doi.org/x",
            ] {
                texts.push(format!("{c}{opening}"));
                texts.push(format!("a {c}{opening}{c}"));
            }
        }
        texts
    }

    /// [`url_or_doi_start`] finds where [`URL_OR_DOI`] found its first match, and
    /// [`trailing_url`] what [`TRAILING_URL`] found.
    #[test]
    fn a_doi_in_a_line_is_found_with_or_without_its_prefix() {
        assert!(holds_doi(
            "Tobacco Control 2004;13:445–447. doi: 10.1136/tc.2004.010025"
        ));
        assert!(holds_doi("See doi:10.7717/peerj-cs.118 for the data"));
        assert!(!holds_doi("Senior Fellow, Centre for Policy 10.5"));
        assert!(!holds_doi("10.1136/"));
    }

    #[test]
    fn url_or_doi_shapes_by_hand_are_their_patterns() {
        let texts = url_or_doi_texts();
        let url = Regex::new(URL_OR_DOI).unwrap();
        let trailing = Regex::new(TRAILING_URL).unwrap();
        let (mut starts, mut tails) = (0, 0);
        for t in &texts {
            let want = url.find(t).map(|m| m.start());
            assert_eq!(url_or_doi_start(t), want, "{t:?}");
            starts += usize::from(want.is_some());
            let want = trailing.find(t).map(|m| m.as_str());
            assert_eq!(trailing_url(t), want, "{t:?}");
            tails += usize::from(want.is_some());
        }
        assert!(starts > 20_000 && tails > 20_000, "{starts} {tails}");
    }
}
