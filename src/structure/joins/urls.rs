//! URLs cut by a line break or a stray space: whether the next token carries one on, and
//! the repairs (spaced schemes and addresses, addresses restored from the link targets the
//! PDF declares).

use std::sync::LazyLock;

use regex::Regex;

use super::visible_tail;
use crate::report::{Action, ActionKind, Report};
use crate::rich;
use crate::structure::shapes::{holds_url_opening, trailing_url, url_spans};

/// What every [`trailing_url`] holds. Most line ends hold none, and are not searched.
pub(super) fn may_end_with_url(t: &str) -> bool {
    holds_url_opening(t, &["://", "www.", "doi.org/", "10."])
}

/// Whether `t` is made only of what a URL's path holds (`^[a-z0-9%_~#?=&+./:-]+$`, as the
/// pattern this replaces read it).
fn url_chars_only(t: &str) -> bool {
    !t.is_empty()
        && t.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b"%_~#?=&+./:-".contains(&b))
}

/// Whether `tail` (the next token) continues a URL that ends `url_part`.
pub fn continues_url(url_part: &str, tail: &str, tail_is_last: bool) -> bool {
    if tail.is_empty() || !url_chars_only(tail.trim_end_matches(['.', ','])) {
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
        && url_chars_only(t)
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
            && trailing_url(&end).is_some_and(|url| continues_url(url, next, next_is_last)))
}

/// The first web address followed by one space and a word, as `((?:https?://|www\.)\S+)
/// (\S+)` found it: (the whole, the address, the word). The address runs up to white
/// space, so only an address whose white space is one U+0020 and a word qualifies.
fn spaced_url(text: &str) -> Option<(std::ops::Range<usize>, &str, &str)> {
    url_spans(text).find_map(|url| {
        let after = text[url.end..].strip_prefix(' ')?;
        let word = &after[..after.find(char::is_whitespace).unwrap_or(after.len())];
        let end = url.end + 1 + word.len();
        (!word.is_empty()).then(|| (url.start..end, &text[url.clone()], word))
    })
}

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
        let Some((whole, url, tail)) = spaced_url(&out) else {
            break;
        };
        let (url, tail) = (url.to_string(), tail.to_string());
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
    if targets.is_empty() {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len());
    let mut last = 0;
    for span in url_spans(text) {
        let token = &text[span.clone()];
        let core = token.trim_end_matches(['.', ',', ';', ':', ')', ']', '"', '”', '’']);
        let trail = &token[core.len()..];
        let key = url_key(core);
        out.push_str(&text[last..span.start]);
        match targets.iter().find(|t| url_key(t) == key) {
            Some(t) if t.as_str() != core && !core.contains(crate::rich::is_sentinel) => {
                out.push_str(t);
                out.push_str(trail);
            }
            _ => out.push_str(token),
        }
        last = span.end;
    }
    out.push_str(&text[last..]);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_phrases::{assert_decides_as, assert_necessary, pattern_texts, phrases};

    #[test]
    fn url_end_test_never_turns_away_a_url() {
        let texts = phrases(
            &[
                "http", "https", "://", "www", ".", "doi.org/", "doi", "org", "/", "10", "1234",
                "x", " ", "é", "-",
            ],
            20_000,
        );
        let trailing = Regex::new(crate::structure::shapes::TRAILING_URL).unwrap();
        assert!(assert_necessary(&trailing, may_end_with_url, &texts) > 100);
        // The byte scan answers as the substring searches it replaces.
        let searched = |t: &str| {
            ["://", "www.", "doi.org/", "10."]
                .iter()
                .any(|w| t.contains(w))
        };
        for t in &texts {
            assert_eq!(may_end_with_url(t), searched(t), "{t:?}");
        }
    }

    /// [`spaced_url`] finds what its pattern found, and [`url_chars_only`] decides as its
    /// pattern did.
    #[test]
    fn spaced_urls_and_url_tails_are_their_patterns() {
        let texts = pattern_texts(
            &[
                "http", "https", "://", "www", "www.", ".", "x.org", "/", "10", "x", "A", " ", " ",
                "\u{a0}", "\u{2003}", "\n", "é", "-", "%", "_", "?", "=",
            ],
            60_000,
        );
        let pattern = Regex::new(r"((?:https?://|www\.)\S+) (\S+)").expect("valid regex");
        let mut found = 0;
        for t in &texts {
            let want = pattern.captures(t).map(|c| {
                let group = |i: usize| c.get(i).map_or("", |m| m.as_str());
                (c.get(0).unwrap().range(), group(1), group(2))
            });
            assert_eq!(spaced_url(t), want, "{t:?}");
            found += usize::from(want.is_some());
        }
        assert!(found > 300, "{found}");
        assert_decides_as(r"^[a-z0-9%_~#?=&+./:-]+$", url_chars_only, &texts);
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
}
