//! Page-number lines: the usual printed forms ("Page 3 of 7", "- 3 -", "3 | Institute"),
//! "Page n of N" glued inside a line, and the bare number that is a note's label instead.

use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

use regex::Regex;

use crate::lines::TextLine;
use crate::patterns::spelled_out;
use crate::report::ActionKind;

/// The usual printed forms of a page number, as a whole line (lower-cased). Built with
/// `regex-lite` (about a tenth of `regex`'s compile time, which nearly every document paid),
/// its `\s` and `\S` spelled out; the test compares it with [`PAGE_NUMBER_AS_WRITTEN`]
/// under `regex`.
static PAGE_NUMBER: LazyLock<regex_lite::Regex> = LazyLock::new(|| {
    regex_lite::Regex::new(&spelled_out(PAGE_NUMBER_AS_WRITTEN)).expect("valid regex")
});
const PAGE_NUMBER_AS_WRITTEN: &str = concat!(
    r"^(?:(?:page|p\.|pg\.?)\s*[0-9]{1,4}(?:\s*(?:of|/)\s*[0-9]{1,4})?",
    r"|[-–—]\s*[0-9]{1,4}\s*[-–—]",
    r"|[0-9]{1,4}\s*(?:of|/)\s*[0-9]{1,4}",
    r"|\[\s*[0-9]{1,4}\s*\]",
    r"|[0-9]{1,4}\s*[|·•]\s*\S.*",
    r"|\S.*?\s*[|·•]\s*(?:page\s*)?[0-9]{1,4}(?:\s*(?:of|/)\s*[0-9]{1,4})?",
    r"|\S.*?\s+(?:page|p\.)\s*[0-9]{1,4}(?:\s*(?:of|/)\s*[0-9]{1,4})?",
    r")$",
);
/// A number alone: one to four ASCII digits and nothing else.
pub(super) fn bare_number(t: &str) -> bool {
    (1..=4).contains(&t.len()) && t.bytes().all(|b| b.is_ascii_digit())
}
/// A number alone that may count pages when the pages' sequence shows it does: up to six
/// digits, as a gazette or a journal paginated through its volume prints them ("47698").
pub(super) fn counter_number(t: &str) -> bool {
    (1..=6).contains(&t.len()) && t.bytes().all(|b| b.is_ascii_digit())
}
/// How far (in its type sizes) above or below a number another may stand and make a
/// column of numbers with it.
const COLUMN_REACH: f32 = 3.0;

/// Whether line `i` is one of a column of numbers: a line of its page (`same_page`)
/// within [`COLUMN_REACH`] sizes above or below it is a number alone too, its left or
/// right edge in line with it. A chart's axis, a table's column and a list of type sizes
/// stack their figures so; a page's number stands alone at its edge.
pub(super) fn in_number_column(lines: &[TextLine], same_page: &[usize], i: usize) -> bool {
    let Some(g) = lines[i].geometry else {
        return false;
    };
    let s = g.font_size.max(1.0);
    same_page.iter().any(|&j| {
        j != i
            && lines[j].geometry.is_some_and(|h| {
                let dy = (h.baseline - g.baseline).abs();
                dy > 0.5 * s
                    && dy <= COLUMN_REACH * s
                    && ((h.bbox.x0 - g.bbox.x0).abs() <= s || (h.bbox.x1 - g.bbox.x1).abs() <= s)
            })
            && bare_number(lines[j].plain_cow().trim())
    })
}

/// "Page 2 of 7" inside a line (a footer glued to body text by the extractor).
pub(super) static INLINE_PAGE_OF: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\s*\bpage\s+[0-9]{1,4}\s+of\s+[0-9]{1,4}\b\s*").expect("valid regex")
});

/// Whether `t` holds "page" (ASCII case ignored), as every match of [`INLINE_PAGE_OF`] does
/// (none of its letters has a case partner outside ASCII). Checked first so that the
/// pattern (~0.5 ms to compile) is built only for documents that print the word.
pub(super) fn may_hold_page(t: &str) -> bool {
    t.as_bytes()
        .windows(4)
        .any(|w| w.eq_ignore_ascii_case(b"page"))
}

/// The two numbers of a whole line "Page 3 of 7" ("page 3/7", "Pg. 3 of 7", any case).
/// A line that names its own page and the document's page count proves itself furniture
/// on a single page.
pub(super) fn page_of_total(t: &str) -> Option<(usize, usize)> {
    let lower = t.trim().to_ascii_lowercase();
    let rest = ["page", "pg.", "pg", "p."]
        .iter()
        .find_map(|w| lower.strip_prefix(w))?;
    let rest = rest.trim_start();
    let digits = |s: &str| s.chars().take_while(char::is_ascii_digit).count();
    let n = digits(rest);
    if n == 0 || n > 4 {
        return None;
    }
    let (page, rest) = rest.split_at(n);
    let rest = rest.trim_start();
    let rest = rest
        .strip_prefix("of")
        .or_else(|| rest.strip_prefix('/'))?
        .trim_start();
    let m = digits(rest);
    if m == 0 || m > 4 || m != rest.len() {
        return None;
    }
    Some((page.parse().ok()?, rest.parse().ok()?))
}

/// Whether a whole line is a page number in one of the usual forms ("Page 3 of 7",
/// "- 3 -", "3 | Institute", "Institute | Page 3"), excluding bare numbers.
pub fn is_page_number(line: &str) -> bool {
    let t = line.trim();
    if t.is_empty() || t.len() > 120 {
        return false;
    }
    let lower = t.to_ascii_lowercase();
    may_be_page_number(&lower) && PAGE_NUMBER.is_match(&lower) && !refers_to_a_page(&lower)
}

/// What every match of [`PAGE_NUMBER`] holds, by its alternatives: an opening "p", dash or
/// `[`; a separator `|·•` anywhere; "page" or "p." anywhere; or an opening digit with "of"
/// or `/` after it. And, at its ends: every alternative ends in a digit but the dashed
/// number (which opens with a dash), the bracketed one (which opens with `[`) and the
/// number before a separator (which opens with a digit and holds the separator). A line
/// that is none of these (a bare number, a heading, a sentence) cannot match: the pattern
/// is built only for documents whose page furniture has one of these shapes, and run on few
/// lines (as a `regex-lite` pattern it is slow to run). Takes the lower-cased line.
fn may_be_page_number(lower: &str) -> bool {
    let separator = lower.contains(['|', '·', '•']);
    let opens_with_digit = lower.starts_with(|c: char| c.is_ascii_digit());
    let ends = lower.ends_with(|c: char| c.is_ascii_digit())
        || lower.starts_with(['-', '–', '—', '['])
        || (opens_with_digit && separator);
    ends && (lower.starts_with(['p', '-', '–', '—', '['])
        || separator
        || lower.contains("page")
        || lower.contains("p.")
        || (opens_with_digit && (lower.contains("of") || lower.contains('/'))))
}

/// Whether a line ending in "page N" is the tail of a sentence pointing at a page ("on
/// page 46", "see page 3"), not a footer naming its own: a preposition or verb governs
/// the page. Takes the lower-cased line.
fn refers_to_a_page(lower: &str) -> bool {
    let before = match lower.rfind("page").or_else(|| lower.rfind("p.")) {
        Some(at) => &lower[..at],
        None => return false,
    };
    before.split_whitespace().next_back().is_some_and(|w| {
        matches!(
            w,
            "on" | "see" | "at" | "to" | "from" | "in" | "of" | "under" | "and" | "or"
        )
    })
}

/// A bare number directly followed by a note's text is a footnote label (pdftotext -raw
/// puts the label on its own line), not a page number.
pub(super) fn followed_by_note_text(lines: &[TextLine], i: usize) -> bool {
    lines
        .get(i + 1)
        .filter(|n| n.page == lines[i].page && !n.is_blank())
        .is_some_and(|n| {
            let t = n.plain_cow();
            t.split_whitespace().count() >= 4 && !is_page_number(&t)
        })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_phrases::{
        assert_decides_as, assert_necessary, assert_same_matches, bench_lines, filled,
        pattern_texts, phrases,
    };

    /// A number stacked over others in line with it (a listing's line numbers, a column
    /// of type sizes) is one of a column; a page's number below the text stands alone.
    #[test]
    fn numbers_stacked_in_line_make_a_column() {
        use crate::lines::test_placed;
        let lines = vec![
            test_placed("Arial font", 2, 70.8, 174.1, 97.4, 28.0),
            test_placed("5", 2, 70.8, 73.6, 109.9, 5.0),
            test_placed("6", 2, 70.8, 74.1, 116.4, 6.0),
            test_placed(
                "The last line of the page's text.",
                2,
                70.8,
                500.0,
                700.0,
                10.0,
            ),
            test_placed("2", 2, 295.0, 300.0, 780.0, 10.0),
            // Set beside a figure, out of line with the "6" above it.
            test_placed("8", 2, 140.0, 145.0, 125.0, 8.0),
        ];
        let page: Vec<usize> = (0..lines.len()).collect();
        assert!(in_number_column(&lines, &page, 1));
        assert!(in_number_column(&lines, &page, 2));
        assert!(!in_number_column(&lines, &page, 4));
        assert!(!in_number_column(&lines, &page, 5));
    }

    /// Where a page's number is proved by its words, its running title or the page
    /// sequence, other numbers taken for page numbers on that page and stating another
    /// number go back to the text; numbers proved alike all stay.
    #[test]
    fn a_page_keeps_one_page_number() {
        let line = |t: &str, page: usize, n: usize| TextLine::new(t, page, n);
        let lines = vec![
            line("2019", 2, 1),
            line("World Capital Cities, Page 2 of 6", 2, 2),
            line("2020", 3, 3),
            line("World Capital Cities, Page 3 of 6", 3, 4),
            line("X", 4, 5),
            line("11", 4, 6),
            line("112", 5, 7),
            line("105", 5, 8),
            line("113", 6, 9),
            line("7", 7, 10),
            line("8", 7, 11),
        ];
        let alone = Some((ActionKind::PageNumber, "number alone at the page's edge"));
        let sequence = Some((
            ActionKind::PageNumber,
            "number at a page edge that follows the page sequence",
        ));
        let worded = Some((ActionKind::PageNumber, "page-number line at a page edge"));
        let titled = Some((ActionKind::PageNumber, "number beside its running title"));
        let mut verdict = vec![
            sequence, worded, sequence, worded, alone, titled, alone, alone, alone, alone, alone,
        ];
        keep_one_number_per_page(&lines, &mut verdict);
        let kept: Vec<&str> = lines
            .iter()
            .zip(&verdict)
            .filter(|(_, v)| v.is_none())
            .map(|(l, _)| l.text.as_str())
            .collect();
        // "112" and "113" follow the sequence; "7" and "8" are proved alike.
        assert_eq!(kept, ["2019", "2020", "X", "105"]);
    }

    /// [`bare_number`] decides what the pattern it replaces, `^[0-9]{1,4}$`, matched.
    #[test]
    fn bare_number_is_its_pattern() {
        let texts = pattern_texts(
            &[
                "1",
                "0",
                "9",
                "12",
                "١",
                "٣",
                " ",
                "\n",
                ".",
                "a",
                "-",
                "\u{10FFF0}",
            ],
            60_000,
        );
        assert_decides_as(r"^[0-9]{1,4}$", bare_number, &texts);
    }

    #[test]
    fn page_number_test_never_turns_away_a_page_number() {
        let mut texts = phrases(
            &[
                "page", "p.", "pg", "pg.", " ", "\u{a0}", "3", "12", "12345", "of", "/", "-", "–",
                "—", "[", "]", "|", "·", "•", "x", "report", "é", "\n", "o", "f",
            ],
            80_000,
        );
        texts.extend(filled(&[
            &["", "x ", "Report · ", "Institute | "],
            &["", "- ", "[", "page ", "p. ", "Page"],
            &["3", "12", "1234", "12345"],
            &["", " ", " of ", "/", " | text", " •"],
            &["", "7", "x", " -", "]"],
        ]));
        let mut texts: Vec<String> = texts.iter().map(|t| t.to_ascii_lowercase()).collect();
        let matched = assert_necessary(&PAGE_NUMBER, may_be_page_number, &texts);
        assert!(matched > 1_000, "{matched}");
        // The `regex-lite` pattern finds what the `regex` one did, on these texts and the
        // bench's lines (lower-cased, as the pattern is asked), and on Unicode spaces.
        texts.extend(bench_lines().iter().map(|t| t.to_ascii_lowercase()));
        texts.extend(phrases(
            &[
                "page", "p.", "3", "12", "\u{2007}", "\u{3000}", "\u{85}", "\u{200b}", "|", "x",
                "of", "-", "\n",
            ],
            20_000,
        ));
        assert_same_matches(&[(PAGE_NUMBER_AS_WRITTEN, &*PAGE_NUMBER)], &texts);
    }

    #[test]
    fn page_test_never_turns_away_a_page_of() {
        let mut texts = phrases(
            &[
                "page", "Page", "PAGE", "pagé", "pa", "ge", " ", "1", "12", "of", "OF", "x", "\t",
            ],
            20_000,
        );
        texts.extend(filled(&[
            &["", " ", "x "],
            &["page", "Page", "PAGE", "pagé", "pa ge"],
            &[" ", "  ", "", "\t"],
            &["1", "12", "1234", "12345", "x"],
            &[" ", ""],
            &["of", "OF", "Of", "or"],
            &[" ", ""],
            &["7", "12", "x"],
            &["", " ", " x"],
        ]));
        assert!(assert_necessary(&INLINE_PAGE_OF, may_hold_page, &texts) > 100);
    }

    #[test]
    fn page_of_total_reads_both_numbers_of_a_whole_line() {
        assert_eq!(page_of_total("Page 1 of 1"), Some((1, 1)));
        assert_eq!(page_of_total(" PAGE 3/7 "), Some((3, 7)));
        assert_eq!(page_of_total("Pg. 12 of 40"), Some((12, 40)));
        assert_eq!(page_of_total("Page 3 of 7 copies"), None);
        assert_eq!(page_of_total("Page 3"), None);
        assert_eq!(page_of_total("Pages 3 of 7"), None);
    }

    #[test]
    fn page_number_forms() {
        for yes in [
            "Page 3 of 7",
            "page 3",
            "- 3 -",
            "– 12 –",
            "3 | Harbour Institute",
            "Harbour Institute | Page 3 of 9",
            "p. 4",
            "3/7",
        ] {
            assert!(is_page_number(yes), "{yes}");
        }
        for no in [
            "3",
            "In 2024 prices rose by 3 per cent.",
            "Article 5",
            "Page after page of data",
            "on page 46",
            "the tax table on page 46",
            "See page 3",
        ] {
            assert!(!is_page_number(no), "{no}");
        }
    }
}

/// The page sequence of the bare numbers among `candidates`: the offset from its page
/// that most of them share, on `least` pages or more (the smaller offset on a tie).
pub(super) fn sequence_offset(
    lines: &[TextLine],
    candidates: impl Iterator<Item = usize>,
    least: usize,
) -> Option<i64> {
    let mut offsets: HashMap<i64, HashSet<usize>> = HashMap::new();
    for i in candidates {
        if let Ok(v) = lines[i].plain_cow().trim().parse::<i64>() {
            offsets
                .entry(v - lines[i].page as i64)
                .or_default()
                .insert(lines[i].page);
        }
    }
    offsets
        .iter()
        .filter(|(_, on)| on.len() >= least)
        // The offset itself breaks the last tie (+n over -n): the map's order is random.
        .max_by_key(|(o, on)| (on.len(), -o.abs(), **o))
        .map(|(o, _)| *o)
}

/// How strongly a page-number verdict is proved, strongest first: by its own words
/// ("Page 2 of 6", "- 3 -", "3 | Institute"), by a running title beside it, by the
/// document's page sequence, or only by standing alone at the page's edge.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Proof {
    Worded,
    BesideTitle,
    InSequence,
    Alone,
}

/// The number a page-number line states, as printed: its first run of digits, or the
/// whole of a roman numeral ("xi").
fn stated_number(t: &str) -> Option<String> {
    let t = t.trim().trim_end_matches('.');
    if !t.is_empty() && t.chars().all(|c| "ivxlcIVXLC".contains(c)) {
        return Some(t.to_ascii_lowercase());
    }
    let start = t.find(|c: char| c.is_ascii_digit())?;
    let digits: String = t[start..]
        .chars()
        .take_while(char::is_ascii_digit)
        .collect();
    Some(digits.trim_start_matches('0').to_string())
}

/// A page has one page number. Where one line proves itself the page's number more
/// strongly than others taken for it on the same page, those that state another number
/// go back to the text: a table's year "2019" that followed the page sequence on a page
/// footed "Page 2 of 6", a tick mark "X" on a page numbered "11" beside its running
/// title, the "105" of "1 × 10⁵" on a page whose number "114" fits the pages around it.
/// Numbers proved alike are all kept (a sheet printing two pages has two).
pub(super) fn keep_one_number_per_page(
    lines: &[TextLine],
    verdict: &mut [Option<(ActionKind, &'static str)>],
) {
    let numbered: Vec<usize> = (0..lines.len())
        .filter(|&i| matches!(verdict[i], Some((ActionKind::PageNumber, _))))
        .collect();
    // The document's page sequence, over two pages at least.
    let offset = sequence_offset(lines, numbered.iter().copied(), 2);
    let proof = |i: usize| {
        let t = lines[i].plain_cow();
        let why = verdict[i].map_or("", |v| v.1);
        if is_page_number(&t) || why.contains("page n of m") {
            Proof::Worded
        } else if why.contains("running title") {
            Proof::BesideTitle
        } else if offset.is_some_and(|o| {
            t.trim()
                .parse::<i64>()
                .is_ok_and(|v| v - lines[i].page as i64 == o)
        }) {
            Proof::InSequence
        } else {
            Proof::Alone
        }
    };
    let mut by_page: HashMap<usize, Vec<(usize, Proof)>> = HashMap::new();
    for &i in &numbered {
        by_page
            .entry(lines[i].page)
            .or_default()
            .push((i, proof(i)));
    }
    for on_page in by_page.values() {
        let Some(&(best, strongest)) = on_page.iter().min_by_key(|(i, p)| (*p, *i)) else {
            continue;
        };
        let Some(number) = stated_number(&lines[best].plain_cow()) else {
            continue;
        };
        for &(i, p) in on_page {
            if p > strongest && stated_number(&lines[i].plain_cow()).as_ref() != Some(&number) {
                verdict[i] = None;
            }
        }
    }
}
