//! What kind of line a text is, from its words alone: a contact or address line, a
//! disclaimer, an author line, a title-like line — and where the front matter of a
//! document ends. Cleaning (furniture keeps its hands off the front matter) and structure
//! (the title block reads it) both ask these questions, so the answers live below both.

use std::sync::LazyLock;

use regex_lite::Regex;

pub use crate::caption_labels::opens_caption;
use crate::lines::TextLine;
use crate::patterns::spelled_out;
use crate::rich;
use crate::words::{has_word, words};

/// Contact lines (lower-cased): a phone or fax number, a web address, or (see
/// [`is_email_line`]) an e-mail address. Built with `regex-lite`, as are the patterns below
/// (about a tenth of `regex`'s compile time, which documents with a contact line in their
/// title block paid), their `\s` and `\S` spelled out; the tests compare each with its
/// pattern as written, under `regex`. The `\b`s are ASCII there but decide as `regex`'s
/// did, since what may follow each is no letter or digit of any script.
static CONTACT: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(&spelled_out(CONTACT_AS_WRITTEN)).expect("valid regex"));
const CONTACT_AS_WRITTEN: &str = concat!(
    r"^(?:(?:tel(?:ephone)?|phone|ph|fax|mobile|cell|t|f)\b\.?\s*[:.]?\s*[+(]?[0-9]",
    r"|(?:e-?mail|web(?:site)?|url|internet|twitter|x|e|w)\b\.?\s*:\s*\S",
    r"|(?:https?://|www\.)\S+$",
    r"|\+?[0-9][0-9\s().-]{7,}[0-9](?:\s*[,;/]\s*[0-9]+)?(?:\s+(?:fax|tel|phone).*)?$)",
);

/// Whether the whole line is an e-mail address, as `^\S+@\S+\.\w+$` reads one: no white
/// space, an `@` after the first character, a `.` at least two characters after that, and
/// after the last `.` one or more word characters (of any script).
fn is_email_line(t: &str) -> bool {
    let Some(dot) = t.rfind('.') else {
        return false;
    };
    let first = t.chars().next().map_or(0, char::len_utf8);
    let tld = &t[dot + 1..];
    !t.contains(char::is_whitespace)
        && dot > first
        && !tld.is_empty()
        && tld.chars().all(regex_syntax::is_word_character)
        && t[first..dot]
            .find('@')
            .is_some_and(|at| first + at + 1 < dot)
}
/// Words of postal addresses.
const ADDRESS_WORDS: &[&str] = &[
    "road",
    "rd",
    "street",
    "st",
    "avenue",
    "ave",
    "boulevard",
    "blvd",
    "lane",
    "quay",
    "drive",
    "plaza",
    "square",
    "suite",
    "floor",
    "box",
    "building",
    "bldg",
    "block",
    "sector",
    "plot",
    "house",
    "highway",
    "way",
    "place",
    "court",
    "park",
    "campus",
    "centre",
    "center",
];
static AUTHOR_LINE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(&spelled_out(AUTHOR_LINE_AS_WRITTEN)).expect("valid regex"));
const AUTHOR_LINE_AS_WRITTEN: &str =
    r"^(?:by|written\s+by|authors?\s*:|prepared\s+by)\s*:?\s+(.+)$";

static DISCLAIMER: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(&spelled_out(DISCLAIMER_AS_WRITTEN)).expect("valid regex"));
/// [`DISCLAIMER`] as written for `regex` (see [`spelled_out`]).
const DISCLAIMER_AS_WRITTEN: &str = r"(?:views?\s+expressed|opinions?\s+(?:expressed|in\s+this)|do(?:es)?\s+not\s+(?:necessarily\s+)?(?:reflect|represent)|are\s+(?:those\s+of\s+the\s+authors?|the\s+authors?['’]s?\s+own)|circulated\s+for\s+discussion|not\s+been\s+peer[-\s]reviewed|personal\s+capacity|disclaimer|all\s+rights\s+reserved|©|copyright)";

// Each pattern above is asked only after an exact necessary condition, cheap to test,
// holds: most lines never run them, and a document whose lines never pass one never
// builds it.

/// What every contact line ([`CONTACT`] or [`is_email_line`]) has, in the trimmed,
/// lower-cased line: its leading
/// letters are one of the first alternative's words and it holds a digit; or they are one
/// of the second's and it holds a colon; or it opens with "http", "www.", "+" or a digit;
/// or it holds an "@". (A word that `\b` ends is not followed by an ASCII letter, so the
/// leading run of ASCII letters is the word itself.)
fn may_be_contact(lower: &str) -> bool {
    let b = lower.as_bytes();
    let lead = &lower[..b.iter().take_while(|c| c.is_ascii_lowercase()).count()];
    let phone_word = matches!(
        lead,
        "tel" | "telephone" | "phone" | "ph" | "fax" | "mobile" | "cell" | "t" | "f"
    );
    let web_word = matches!(
        lead,
        "email" | "e" | "web" | "website" | "url" | "internet" | "twitter" | "x" | "w"
    );
    (phone_word && b.iter().any(u8::is_ascii_digit))
        || (web_word && lower.contains(':'))
        || lower.starts_with("http")
        || lower.starts_with("www.")
        || phone_number_opens(lower)
        || lower.contains('@')
}

/// What the last alternative of [`CONTACT`] needs: after an optional `+`, nine characters
/// that are digits, spaces (`\s`: Unicode's white space, as `char::is_whitespace`) or
/// `().-`, the first a digit.
fn phone_number_opens(lower: &str) -> bool {
    let s = lower.strip_prefix('+').unwrap_or(lower);
    s.starts_with(|c: char| c.is_ascii_digit())
        && s.chars()
            .take(9)
            .filter(|&c| {
                c.is_ascii_digit() || c.is_whitespace() || matches!(c, '(' | ')' | '.' | '-')
            })
            .count()
            == 9
}

/// Whether `t` opens with `word`, ASCII case ignored.
fn opens_with(t: &str, word: &str) -> bool {
    t.as_bytes()
        .get(..word.len())
        .is_some_and(|b| b.eq_ignore_ascii_case(word.as_bytes()))
}

/// What every match of [`AUTHOR_LINE`] opens with.
fn may_be_author_line(t: &str) -> bool {
    ["by", "written", "author", "prepared"]
        .iter()
        .any(|w| opens_with(t, w))
}

/// Words one of which every match of [`DISCLAIMER`] holds (in the lower-cased line).
const DISCLAIMER_WORDS: &[&str] = &[
    "view",
    "opinion",
    "reflect",
    "represent",
    "author",
    "circulated",
    "peer",
    "personal",
    "disclaimer",
    "rights",
    "©",
    "copyright",
];

/// Whether a line is a contact line: phone, fax, e-mail, web address, postal address.
pub fn is_contact_line(line: &str) -> bool {
    let t = line.trim();
    if t.is_empty() || t.split_whitespace().count() > 20 {
        return false;
    }
    let lower = t.to_ascii_lowercase();
    (may_be_contact(&lower) && (CONTACT.is_match(&lower) || is_email_line(&lower))) || is_address(t)
}

fn is_address(t: &str) -> bool {
    let words = t.split_whitespace().count();
    (2..=18).contains(&words)
        && has_word(t, ADDRESS_WORDS)
        && t.bytes().any(|b| b.is_ascii_digit())
        && t.contains(',')
        && !t.ends_with('.')
}

/// Index of the first line of the body: the first prose line (a sentence of at least ten
/// words). Lines before it on page 1 are the title block, which the metadata stage reads.
pub fn title_zone_end(lines: &[TextLine]) -> usize {
    title_zone_end_with(lines, crate::lines::body_font_size(lines))
}

/// [`title_zone_end`] for a caller that has measured `lines`' body size (see
/// [`crate::lines::body_font_size`]) for its own use: it is measured once.
pub fn title_zone_end_with(lines: &[TextLine], body_size: Option<f32>) -> usize {
    let mut names: Vec<String> = Vec::new();
    // A title block is never long: a page of forms or tables without prose ends it early.
    const MAX_TITLE_LINES: usize = 60;
    let head = &lines[..lines.len().min(MAX_TITLE_LINES)];
    let small_print = SmallPrint::of(body_size, head);
    head.iter()
        .enumerate()
        .position(|(k, l)| {
            if small_print.over_title(k) {
                return false;
            }
            let t = l.plain_cow();
            if let Some(n) = author_names(t.trim()) {
                names.extend(split_names(n));
            }
            // An author's biography line ("Ana Silva is Senior Economist at …").
            if names.iter().any(|n| t.starts_with(n.as_str())) {
                return false;
            }
            let words = t.split_whitespace().count();
            let prose = !title_like(&t)
                && (words >= 12 || (words >= 8 && t.trim_end().ends_with(['.', '!', '?', ':'])));
            l.page > 1
                || (prose
                    && !is_contact_line(&t)
                    && !is_disclaimer(&t)
                    && t.chars().filter(|c| c.is_lowercase()).count() * 2 > t.len())
        })
        .unwrap_or(lines.len().min(MAX_TITLE_LINES))
}

/// The small print a journal sets over an article's title on its first page (the citation,
/// the licence, "Received … Accepted …"): sentences, but in type smaller than the body's,
/// with the title's larger type still to come on the page. It does not start the body.
struct SmallPrint {
    /// For each line of the head: whether it is set smaller than the body text.
    small: Vec<bool>,
    /// Index of the first line set larger than the body text on the first page.
    first_large: Option<usize>,
}

impl SmallPrint {
    /// The small print of `head`, against the body size of the whole document.
    fn of(body_size: Option<f32>, head: &[TextLine]) -> SmallPrint {
        let Some(body) = body_size else {
            return SmallPrint {
                small: Vec::new(),
                first_large: None,
            };
        };
        let size = |l: &TextLine| l.geometry.map(|g| g.font_size);
        SmallPrint {
            small: head
                .iter()
                .map(|l| size(l).is_some_and(|s| s > 0.0 && s < 0.9 * body))
                .collect(),
            first_large: head.iter().position(|l| {
                l.page <= 1 && !l.is_blank() && size(l).is_some_and(|s| s >= 1.3 * body)
            }),
        }
    }

    /// Whether line `k` of the head is small print with the title's type still below it.
    fn over_title(&self, k: usize) -> bool {
        self.small.get(k).copied().unwrap_or(false) && self.first_large.is_some_and(|f| k < f)
    }
}

/// Whether a line is a disclaimer or rights statement.
pub fn is_disclaimer(t: &str) -> bool {
    let lower = t.to_ascii_lowercase();
    (DISCLAIMER_WORDS.iter().any(|w| lower.contains(w)) && DISCLAIMER.is_match(&lower))
        || (t.starts_with('(') && t.ends_with(')') && words(t) >= 5 && words(t) <= 60)
}

/// The names after "By" (or "Authors:"), when the line is an author line.
pub fn author_names(t: &str) -> Option<&str> {
    if !may_be_author_line(t) {
        return None;
    }
    let lower = t.to_ascii_lowercase();
    let range = AUTHOR_LINE.captures(&lower)?.get(1)?.range();
    t.get(range).filter(|names| printed_as_names(names))
}

/// Whether the words after "By" are set as names are: mostly capitalised (or in a script
/// without case). A sentence that runs on through a line starting "by" ("…on a press owned /
/// by john jones dans brother who") is prose, not a credit.
fn printed_as_names(s: &str) -> bool {
    /// Lower-case words that names and credits carry: particles and joiners.
    const SMALL: &[&str] = &[
        "and", "the", "of", "for", "de", "van", "von", "der", "den", "da", "del", "della", "di",
        "la", "le", "du", "des", "bin", "binti", "al", "el", "y", "e", "dos", "das", "do", "ten",
        "ter", "zu", "on", "behalf", "staff",
    ];
    let mut lower = 0;
    let mut counted = 0;
    for w in s.split_whitespace() {
        let w = w.trim_matches(|c: char| !c.is_alphanumeric());
        let Some(first) = w.chars().next() else {
            continue;
        };
        if !first.is_alphabetic() || SMALL.contains(&w) {
            continue;
        }
        counted += 1;
        if first.is_lowercase() {
            lower += 1;
        }
    }
    counted > 0 && lower * 2 < counted
}

/// Splits "A, B and C" / "A & B" / "A; B" into names.
pub fn split_names(s: &str) -> Vec<String> {
    let s = rich::plain(s);
    let s = s.trim().trim_end_matches(['.', ',']);
    let mut out = Vec::new();
    for part in s.split([';', ',']) {
        for name in part.split(" and ").flat_map(|p| p.split(" & ")) {
            let name = name
                .trim()
                .trim_matches(|c: char| matches!(c, '*' | '_' | '†' | '‡' | '§'))
                .trim();
            if name.is_empty() {
                continue;
            }
            // "Jr." / "PhD" after a comma belong to the previous name.
            if matches!(
                name.to_lowercase().trim_end_matches('.'),
                "jr" | "sr" | "phd" | "ii" | "iii"
            ) && let Some(prev) = out.last_mut()
            {
                let prev: &mut String = prev;
                prev.push_str(", ");
                prev.push_str(name);
                continue;
            }
            out.push(name.to_string());
        }
    }
    out
}

/// Whether most significant words are capitalised (or the whole line is in capitals).
pub fn title_like(t: &str) -> bool {
    // Significant words: four characters or more, opening with a letter, no function word.
    // The first `TITLE_WORDS_READ` of them decide: a title or heading holds far fewer, and
    // a line that is a whole paragraph (or a 50 MB line of one file) is told by its
    // opening, not read to its end by every pass that asks.
    const TITLE_WORDS_READ: usize = 64;
    let mut significant = 0;
    let mut caps = 0;
    for w in t.split_whitespace().skip(1) {
        if significant == TITLE_WORDS_READ {
            break;
        }
        let w = w.trim_matches(|c: char| !c.is_alphanumeric());
        let Some(first) = w.chars().next() else {
            continue;
        };
        // The function words are ASCII: no other word lower-cases to one of them.
        if !first.is_alphabetic()
            || w.chars().nth(3).is_none()
            || (w.is_ascii() && FUNCTION_WORDS.iter().any(|f| f.eq_ignore_ascii_case(w)))
        {
            continue;
        }
        significant += 1;
        if first.is_uppercase() {
            caps += 1;
        }
    }
    caps * 10 >= significant * 6
}

/// Words a title leaves in lower case however long they are.
const FUNCTION_WORDS: &[&str] = &[
    "from", "with", "into", "onto", "over", "upon", "than", "that", "this", "these", "those",
    "their", "about", "after", "before", "under", "between", "through", "within", "without",
    "against", "among", "during", "across", "along", "around", "behind", "beyond", "toward",
    "towards", "while", "when", "where", "versus",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_line_is_title_like_by_its_opening_words() {
        assert!(title_like("The State of Regional Water Policy"));
        assert!(!title_like("The state of regional water policy"));
        // A paragraph on one line is told by its first 64 significant words.
        let capitalised = "Water ".repeat(70);
        assert!(title_like(&format!(
            "{capitalised}{}",
            "water ".repeat(10_000)
        )));
        assert!(!title_like(&format!("A {}", "water ".repeat(10_000))));
    }

    #[test]
    fn small_print_over_a_title_does_not_start_the_body() {
        let placed = crate::lines::test_placed;
        let sentence = "The online version of this article is published within an Open Access \
                        environment subject to the conditions of the licence.";
        let body = "Dementia diseases are among the diseases most feared by the elderly, with \
                    an estimated number of people suffering from them.";
        let mut lines = vec![
            placed(sentence, 1, 50.0, 540.0, 40.0, 6.5),
            placed(
                "Stressful life events and dementia",
                1,
                120.0,
                470.0,
                120.0,
                16.0,
            ),
            placed(
                "Anna Sundström and Lars-Göran Nilsson",
                1,
                120.0,
                400.0,
                150.0,
                10.0,
            ),
        ];
        for r in 0..20 {
            lines.push(placed(body, 1, 50.0, 540.0, 200.0 + 12.0 * r as f32, 10.0));
        }
        assert_eq!(title_zone_end(&lines), 3);
        // Without the title's larger type below it, the sentence starts the body.
        lines[1] = placed(
            "Stressful life events and dementia",
            1,
            120.0,
            470.0,
            120.0,
            10.0,
        );
        assert_eq!(title_zone_end(&lines), 0);
    }
    use crate::test_phrases::{
        assert_decides_as, assert_necessary, assert_same_matches, bench_lines, filled, phrases,
    };

    #[test]
    fn cheap_tests_never_turn_away_a_match() {
        let contact = phrases(
            &[
                "tel",
                "telephone",
                "phone",
                "ph",
                "fax",
                "mobile",
                "cell",
                "t",
                "f",
                "e",
                "-",
                "mail",
                "email",
                "web",
                "website",
                "url",
                "internet",
                "twitter",
                "x",
                "w",
                ".",
                ":",
                " ",
                "+",
                "(",
                ")",
                "0",
                "12",
                "345-6789",
                "http",
                "s",
                "://",
                "www.",
                "example",
                "@",
                "org",
                "the",
                "é",
                "_",
                "/",
                ",",
            ],
            40_000,
        );
        let mut contact = contact;
        let part: &[&str] = &["12", " ", "\u{a0}3", "(4)", ".-", "x"];
        contact.extend(filled(&[
            &["", "+", "x"],
            &["0", "1", "x"],
            part,
            part,
            part,
            part,
            part,
            &["", "9", "5 ; 6", " fax 1"],
        ]));
        let original = format!(r"{CONTACT_AS_WRITTEN}|^\S+@\S+\.\w+$");
        let original = regex::Regex::new(&original).expect("valid regex");
        assert!(assert_necessary(&original, may_be_contact, &contact) > 100);
        // The `regex-lite` pattern and the e-mail test decide as the pattern did, on these
        // texts, the bench's lines and addresses with letters of other scripts.
        contact.extend(bench_lines().iter().map(|t| t.to_ascii_lowercase()));
        contact.extend(phrases(
            &[
                "a", "@", ".", "é", "٣", "\u{301}", "‿", "\u{200d}", "-", " ", "\u{a0}", "org",
                "\n",
            ],
            40_000,
        ));
        let decide = |t: &str| CONTACT.is_match(t) || is_email_line(t);
        assert_decides_as(original.as_str(), decide, &contact);
        let author = phrases(
            &[
                "by", "written", "author", "s", "prepared", " ", ":", "ana", "silva", "x", "\t",
                "\u{a0}", "\n",
            ],
            20_000,
        );
        assert!(assert_necessary(&AUTHOR_LINE, may_be_author_line, &author) > 100);
        assert_same_matches(&[(AUTHOR_LINE_AS_WRITTEN, &*AUTHOR_LINE)], &author);
        let disclaimer = phrases(
            &[
                "views",
                "view",
                "expressed",
                "opinions",
                "opinion",
                "in",
                "this",
                "does",
                "do",
                "not",
                "necessarily",
                "reflect",
                "represent",
                "are",
                "those",
                "of",
                "the",
                "authors",
                "author",
                "'s",
                "’s",
                "own",
                "circulated",
                "for",
                "discussion",
                "been",
                "peer",
                "-",
                "reviewed",
                "personal",
                "capacity",
                "\u{2003}",
                "\n",
                "disclaimer",
                "all",
                "rights",
                "reserved",
                "©",
                "copyright",
                " ",
                " ",
                " ",
                "x",
            ],
            40_000,
        );
        let has_word = |t: &str| DISCLAIMER_WORDS.iter().any(|w| t.contains(w));
        assert!(assert_necessary(&DISCLAIMER, has_word, &disclaimer) > 100);
        assert_same_matches(&[(DISCLAIMER_AS_WRITTEN, &*DISCLAIMER)], &disclaimer);
    }

    #[test]
    fn author_lines_need_names_set_as_names() {
        assert_eq!(
            author_names("By Jane Doe and John Smith"),
            Some("Jane Doe and John Smith")
        );
        assert_eq!(
            author_names("By the Staff of the Council"),
            Some("the Staff of the Council")
        );
        assert_eq!(author_names("By Ana de la Cruz"), Some("Ana de la Cruz"));
        assert_eq!(author_names("by 김철수"), Some("김철수"));
        // Prose that wraps onto a line starting "by" (an OCR layer in lower case).
        assert_eq!(author_names("by john jones dans brother who"), None);
        assert_eq!(author_names("by the end of the year we had"), None);
    }

    #[test]
    fn contact_forms() {
        for yes in [
            "Phone: +92-51-9204423, 24 Fax: +92-51-9204658",
            "Tel.: +221 33 555 0142",
            "Tel. +47 22 41 80 00    Fax +47 22 41 80 01",
            "Fax +1 555 0101",
            "Web: www.example.org",
            "www.example.org",
            "info@example.org",
            "41 Canal Quay Road, Suite 5, Phnom Penh 120210",
            "Ngong Road, Kilimani Business Centre, 3rd Floor, P.O. Box 47731-00100, Nairobi",
        ] {
            assert!(is_contact_line(yes), "{yes}");
        }
        for no in [
            "The road to 2030 is long, and the park was closed.",
            "Editors: A. Person",
            "By Lina Prakorn",
        ] {
            assert!(!is_contact_line(no), "{no}");
        }
    }

    #[test]
    fn names_split() {
        assert_eq!(split_names("A B, C D and E F"), vec!["A B", "C D", "E F"]);
        assert_eq!(
            split_names("Martin Luther King, Jr."),
            vec!["Martin Luther King, Jr"]
        );
        assert_eq!(split_names("X Y & Z W"), vec!["X Y", "Z W"]);
    }
}
