//! What each line of the title zone is: document type, organisation, role, legal
//! notice, contact tail or address, by its words alone.

use super::*;

/// Nouns that name a kind of publication ("Issue Brief", "Working Paper No. 14").
pub(super) const DOC_TYPE_NOUNS: &[&str] = &[
    "brief",
    "briefs",
    "briefing",
    "paper",
    "papers",
    "report",
    "reports",
    "note",
    "notes",
    "commentary",
    "memo",
    "memorandum",
    "article",
    "insight",
    "insights",
    "update",
    "analysis",
    "perspective",
    "perspectives",
    "spotlight",
    "explainer",
    "primer",
    "factsheet",
    "backgrounder",
];

/// The kinds of article a journal prints over the title that end in no publication noun.
/// "Review" names a kind only alone or so qualified: "Quarterly Budget Review" is a title.
const ARTICLE_KINDS: &[&str] = &[
    "review",
    "review article",
    "systematic review",
    "mini review",
    "mini-review",
];

/// Whether a short line names the kind of document: a few words ending in a publication
/// noun, optionally followed by a number ("No. 14") or a series after a separator; or a
/// journal's kind of article ([`ARTICLE_KINDS`]).
pub(super) fn is_doc_type(t: &str) -> bool {
    if ARTICLE_KINDS.contains(&t.trim().to_lowercase().as_str()) {
        return true;
    }
    // Drop a series or number after a separator, and "No. 14"-style numbering.
    let head = t.split(['|', ',', ':', '–', '—']).next().unwrap_or(t);
    let mut ws: Vec<String> = head
        .split_whitespace()
        .map(|w| {
            w.trim_matches(|c: char| !c.is_alphanumeric())
                .to_lowercase()
        })
        .filter(|w| !w.is_empty())
        .collect();
    while ws
        .last()
        .is_some_and(|w| w.chars().any(|c| c.is_ascii_digit()))
    {
        ws.pop();
    }
    if ws
        .last()
        .is_some_and(|w| matches!(w.as_str(), "no" | "number" | "vol"))
    {
        ws.pop();
    }
    (1..=4).contains(&ws.len())
        && ws
            .last()
            .is_some_and(|w| DOC_TYPE_NOUNS.contains(&w.as_str()))
        && ws
            .iter()
            .all(|w| w.chars().all(|c| c.is_alphabetic() || c == '-' || c == '&'))
}

/// Words that name an organisation.
pub(super) const ORG_WORDS: &[&str] = &[
    "institute",
    "institution",
    "centre",
    "center",
    "school",
    "foundation",
    "trust",
    "council",
    "forum",
    "society",
    "association",
    "academy",
    "university",
    "college",
    "observatory",
    "network",
    "initiative",
    "commission",
    "agency",
    "bureau",
    "group",
    "lab",
    "laboratory",
    "partnership",
    "alliance",
    "fund",
    "board",
    "ministry",
    "department",
    "programme",
    "program",
    "consortium",
    "project",
    "office",
    "organisation",
    "organization",
    "studies",
    "corporation",
    "company",
    "gmbh",
];
/// An editor credit, in the lower-cased line (`regex-lite`, a tenth of `regex`'s compile
/// time, with `\s` spelled out; the test compares it with [`EDITOR_LINE_AS_WRITTEN`] under
/// `regex`).
pub(super) static EDITOR_LINE: LazyLock<regex_lite::Regex> = LazyLock::new(|| {
    regex_lite::Regex::new(&crate::patterns::spelled_out(EDITOR_LINE_AS_WRITTEN))
        .expect("valid regex")
});
pub(super) const EDITOR_LINE_AS_WRITTEN: &str =
    r"^(?:edited\s+by|editors?\s*:|series\s+editors?\s*:|reviewed\s+by)\s*:?\s+(.+)$";
/// Words that name a position.
pub(super) const ROLE_WORDS: &[&str] = &[
    "associate",
    "fellow",
    "director",
    "professor",
    "officer",
    "analyst",
    "researcher",
    "lecturer",
    "head",
    "chair",
    "manager",
    "coordinator",
    "co-ordinator",
    "adviser",
    "advisor",
    "consultant",
    "economist",
    "scientist",
    "student",
    "candidate",
    "president",
    "minister",
    "secretary",
    "specialist",
    "expert",
    "assistant",
    "intern",
    "editor",
    "founder",
    "lead",
    "leader",
    "representative",
    "ambassador",
    "scholar",
    "partner",
    "principal",
    "dean",
    "chief",
];
pub(super) static LEGAL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\b(?:registered\s+charity|charity\s+(?:no|number|registration)|company\s+(?:no|number|registration)|registration\s+(?:no|number)|registered\s+in|issn|isbn)\b|©")
        .expect("valid regex")
});
/// The pattern [`contact_tail_start`] decides, kept for its test.
#[cfg(test)]
const CONTACT_TAIL: &str = r"\s(?:tel(?:ephone)?\b\.?|phone\b|fax\b|e-?mail\s*:|web(?:site)?\s*:|www\.|https?://|\S+@\S+\.\w+)";
/// What follows the space that opens every match of [`CONTACT_TAIL`], but for the address
/// (`\S+@\S+\.\w+`), which holds an `@`.
const CONTACT_TAIL_WORDS: &[&str] = &[
    "tel", "phone", "fax", "email", "e-mail", "web", "www.", "http",
];

/// Whether the lower-cased `t` may hold a match of [`CONTACT_TAIL`]: an `@`, or a space
/// before one of its words. A line without either cannot match: a bare word ("hotel",
/// "website") is not enough.
fn may_hold_contact_tail(lower: &str) -> bool {
    lower.contains('@')
        || lower.char_indices().any(|(i, c)| {
            c.is_whitespace() && {
                let rest = &lower[i + c.len_utf8()..];
                CONTACT_TAIL_WORDS.iter().any(|w| rest.starts_with(w))
            }
        })
}

/// Where in the lower-cased `t` a contact part starts, as [`CONTACT_TAIL`] finds it (decided
/// by hand: the pattern's `\b` and `\w` are Unicode's, and compiling them cost ~2 ms): the
/// first white space (`char::is_whitespace`, Unicode's White_Space as `\s` is) followed by
/// "tel", "telephone", "phone" or "fax" ending a word, "email" or "website" and a colon, a
/// web address, or a word holding an e-mail address.
fn contact_tail_start(lower: &str) -> Option<usize> {
    let word_ends = |rest: &str, word: &str| {
        rest.strip_prefix(word)
            .is_some_and(|after| !after.starts_with(regex_syntax::is_word_character))
    };
    let colon_after = |rest: &str, word: &str| {
        rest.strip_prefix(word).is_some_and(|after| {
            after
                .trim_start_matches(char::is_whitespace)
                .starts_with(':')
        })
    };
    lower.char_indices().find_map(|(i, c)| {
        let rest = &lower[i + c.len_utf8()..];
        let found = c.is_whitespace()
            && (["tel", "telephone", "phone", "fax"]
                .iter()
                .any(|w| word_ends(rest, w))
                || ["email", "e-mail", "web", "website"]
                    .iter()
                    .any(|w| colon_after(rest, w))
                || ["www.", "http://", "https://"]
                    .iter()
                    .any(|w| rest.starts_with(w))
                || holds_address(rest.split(char::is_whitespace).next().unwrap_or("")));
        found.then_some(i)
    })
}

/// Whether a word opens with an e-mail address, as `\S+@\S+\.\w` reads one: an `@` after
/// its first character and, two characters or more after it, a `.` before a word character.
fn holds_address(word: &str) -> bool {
    let first = word.chars().next().map_or(0, char::len_utf8);
    word[first..].find('@').is_some_and(|at| {
        let after = &word[first + at + 1..];
        let next = after.chars().next().map_or(0, char::len_utf8);
        after[next..].match_indices('.').any(|(dot, _)| {
            after[next + dot + 1..]
                .chars()
                .next()
                .is_some_and(regex_syntax::is_word_character)
        })
    })
}

/// Whether `t` holds a word that reads as a house number or postcode, as the pattern
/// `\b(?:[0-9]{3,}|[A-Z]{1,2}[0-9]{2,}[A-Z0-9]*|[0-9]{1,4}[A-Z]?)\b` found one (decided
/// by hand; its Unicode `\b` cost ~1 ms to compile): every character the pattern matches
/// is a word character, so a match between two boundaries is a whole word (a maximal run
/// of word characters), and the word is three digits or more, one to four digits and an
/// optional capital, or one or two capitals, two digits or more, then capitals and digits.
pub(super) fn holds_postal_number(t: &str) -> bool {
    t.split(|c: char| !regex_syntax::is_word_character(c))
        .any(|w| {
            let digits = w.bytes().take_while(u8::is_ascii_digit).count();
            let capitals = w.bytes().take_while(u8::is_ascii_uppercase).count();
            let after_capitals = &w.as_bytes()[capitals..];
            let then_digits = after_capitals
                .iter()
                .take_while(|b| b.is_ascii_digit())
                .count();
            (digits == w.len() && digits >= 3)
                || ((1..=4).contains(&digits)
                    && (digits == w.len()
                        || (digits + 1 == w.len() && w.as_bytes()[digits].is_ascii_uppercase())))
                || ((1..=2).contains(&capitals)
                    && then_digits >= 2
                    && after_capitals
                        .iter()
                        .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit()))
        })
}
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Role {
    Blank,
    Contact,
    DocType,
    Letterhead,
    Author,
    Editor,
    Date,
    Disclaimer,
    /// A registration or rights line ("Charity registration 1187742").
    Legal,
    /// A line that is only a person's name.
    Name,
    Other,
}

/// Splits a line where a contact part starts ("INSTITUTE NAME Tel. +47 …" as pdftotext -raw
/// joins them): (head, whether a contact tail was cut off).
pub(super) fn split_contact_tail(t: &str) -> (&str, bool) {
    let lower = t.to_ascii_lowercase();
    if !may_hold_contact_tail(&lower) {
        return (t, false);
    }
    match contact_tail_start(&lower) {
        Some(start) if start > 0 => (
            t[..start].trim_end_matches([' ', '·', '|', ',', '–', '—']),
            true,
        ),
        _ => (t, false),
    }
}

/// A postal address without street words: "Kirkegata 18, 0153 Oslo, Norway".
/// The units an affiliation opens with ("Division of Population Health Sciences, …").
const ACADEMIC_UNITS: &[&str] = &[
    "department of",
    "dept. of",
    "division of",
    "school of",
    "faculty of",
    "institute",
    "university",
    "college of",
    "centre for",
    "center for",
    "laboratory",
];

/// Whether a line opens with an academic unit and gives no way to reach a person (no
/// e-mail or web address, no telephone): an author's affiliation, which may end in a
/// street address ("…, Royal College of Surgeons in Ireland, 123 St. Stephen's Green,")
/// and is printed text, not a contact line to set aside. A letterhead in capitals with
/// its address set beside it ("CENTRE FOR RIVERINE AND REGIONAL    41 Canal Quay
/// Road, …") is the publisher's, read as a letterhead.
fn names_an_academic_unit(t: &str) -> bool {
    let lower = t.trim_start().to_lowercase();
    ACADEMIC_UNITS.iter().any(|u| lower.starts_with(u))
        && !is_upper(t)
        && columns_of(t).len() == 1
        && !lower.contains('@')
        && !["http", "www.", "tel", "phone", "fax"]
            .iter()
            .any(|w| lower.contains(w))
}

pub(super) fn is_address_like(t: &str) -> bool {
    let n = words(t);
    (2..=16).contains(&n)
        && t.contains(',')
        && holds_postal_number(t)
        && !t.trim_end().ends_with(['.', '!', '?'])
        && parse_date_line(t).is_none()
        && !cites_pages(t)
}

/// Whether a line holds a page range, figures joined by an en or em dash ("113:45–58",
/// "pp. 12–19"): a journal's citation line ("British Medical Bulletin, 2015,
/// 113:45–58"), which an address never holds. (A time, "3:42 PM", is no range.)
fn cites_pages(t: &str) -> bool {
    let mut before = ' ';
    let mut chars = t.chars().peekable();
    while let Some(c) = chars.next() {
        if matches!(c, '–' | '—')
            && before.is_ascii_digit()
            && chars.peek().is_some_and(char::is_ascii_digit)
        {
            return true;
        }
        before = c;
    }
    false
}

/// Whether `line` is the wrapped end of the address on `prev`: a few words, or a street
/// address with its postcode ("Stuhlsatzenhausweg 3, 66123 Saarbrücken, Germany"), without
/// sentence punctuation, set in the same size as the address when the size is known.
pub(super) fn is_address_tail(prev: &TextLine, line: &TextLine) -> bool {
    let t = line.plain_cow();
    let same_size = match (prev.geometry, line.geometry) {
        (Some(a), Some(b)) => (a.font_size - b.font_size).abs() < 0.5,
        _ => true,
    };
    same_size
        && ((1..=3).contains(&words(&t)) || is_address_like(&t))
        && !prev.plain_cow().trim_end().ends_with(['.', ';'])
        && !t.trim_end().ends_with(['.', '!', '?', ':'])
        && t.trim_start()
            .starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit())
}

pub(super) fn role_of(text: &str) -> Role {
    let t = text.trim();
    if t.is_empty() {
        return Role::Blank;
    }
    if is_contact_line(t) && !names_an_academic_unit(t) {
        return Role::Contact;
    }
    // Layout text sets the letterhead and the contact block side by side.
    let segments = columns_of(t);
    if segments.len() >= 2 && !is_person_list(t) {
        let roles: Vec<Role> = segments.iter().map(|(_, s)| role_of(s)).collect();
        if roles.contains(&Role::Letterhead) {
            return Role::Letterhead;
        }
        if roles
            .iter()
            .all(|r| matches!(r, Role::Contact | Role::Blank | Role::Legal))
            || roles.contains(&Role::Contact)
                && segments.iter().zip(&roles).all(|((_, s), r)| {
                    *r == Role::Contact
                        || is_address_like(s)
                        || (words(s) <= 3 && !is_form_label(s))
                })
        {
            return Role::Contact;
        }
    }
    let (head, had_contact) = split_contact_tail(t);
    // A web address inside a sentence that runs over the line ("subject to the conditions
    // of the … licence <http://…>. The written permission of") makes no contact line.
    let in_prose = head.starts_with(|c: char| c.is_lowercase());
    if had_contact && !in_prose {
        let head_role = role_of(head);
        return match head_role {
            Role::Other | Role::Blank if is_address_like(head) || head.is_empty() => Role::Contact,
            Role::Letterhead => Role::Letterhead,
            Role::Other => Role::Contact,
            r => r,
        };
    }
    if author_names(t).is_some() && !t.ends_with('.') {
        return Role::Author;
    }
    if editor_names(t).is_some() {
        return Role::Editor;
    }
    if parse_date_line(t).is_some() {
        return Role::Date;
    }
    if is_disclaimer(t) {
        return Role::Disclaimer;
    }
    if words(t) <= 6 && is_doc_type(t) {
        return Role::DocType;
    }
    if words(t) <= 14 && is_org(t) && is_upper(t) {
        return Role::Letterhead;
    }
    if is_legal(t) && words(t) <= 16 {
        return Role::Legal;
    }
    if is_person_list(t) {
        return Role::Name;
    }
    Role::Other
}

/// The keyword tests below match lower-case patterns against an ASCII-lower-cased copy:
/// byte offsets stay the same, and case-insensitive regexes cost several times more to
/// build (a cost every process pays).
pub(super) fn is_org(t: &str) -> bool {
    has_word(t, ORG_WORDS) || t.to_ascii_lowercase().contains("think tank")
}

pub(super) fn is_role(t: &str) -> bool {
    has_word(t, ROLE_WORDS)
}

/// Words one of which every match of [`LEGAL`] holds, and words one of which every match
/// of [`EDITOR_LINE`] opens with (in the lower-cased line). Looked for first: few lines hold
/// them, and the patterns (~3 ms together to compile) need not be built for the others.
pub(super) const LEGAL_WORDS: &[&str] = &["regist", "charity", "company", "issn", "isbn", "©"];
pub(super) const EDITOR_OPENINGS: &[&str] = &["edit", "series", "reviewed"];

pub(super) fn is_legal(t: &str) -> bool {
    let lower = t.to_ascii_lowercase();
    LEGAL_WORDS.iter().any(|w| lower.contains(w)) && LEGAL.is_match(&lower)
}

/// The names after "Edited by", when the line is an editor line.
pub(super) fn editor_names(t: &str) -> Option<&str> {
    let lower = t.to_ascii_lowercase();
    if !EDITOR_OPENINGS.iter().any(|w| lower.starts_with(w)) {
        return None;
    }
    let range = EDITOR_LINE.captures(&lower)?.get(1)?.range();
    t.get(range)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Journals print the article's kind over its title: BioMed Central's "REVIEW"
    /// beside "RESEARCH ARTICLE".
    #[test]
    fn a_journal_article_kind_is_a_document_type() {
        assert_eq!(role_of("REVIEW"), Role::DocType);
        assert_eq!(role_of("Systematic Review"), Role::DocType);
        assert_eq!(role_of("RESEARCH ARTICLE"), Role::DocType);
        assert!(!is_doc_type("Review of the 2019 floods in the delta basin"));
        assert!(!is_doc_type("QUARTERLY BUDGET REVIEW"));
    }

    #[test]
    fn a_web_address_inside_a_sentence_makes_no_contact_line() {
        assert_eq!(
            role_of(
                "subject to the conditions of the Creative Commons licence \
                 <http://creativecommons.org/licenses/by/3.0/>. The written permission of"
            ),
            Role::Other
        );
        assert_eq!(
            role_of("Centre for Policy Studies www.cps.org.uk"),
            Role::Contact
        );
    }

    /// An affiliation that ends in its street address is printed text; the same unit
    /// with a telephone number is a contact line.
    #[test]
    fn an_affiliation_with_its_street_is_no_contact_line() {
        let unit = "Division of Population Health Sciences, Department of Psychology, Royal \
                    College of Surgeons in Ireland, 123 St. Stephen's Green,";
        assert!(crate::line_kinds::is_contact_line(unit));
        assert_eq!(role_of(unit), Role::Other);
        assert_eq!(
            role_of("Department of Surgery, 12 King Street, Leeds, Tel. 0113 555 0100"),
            Role::Contact
        );
        assert_eq!(
            role_of("CENTRE FOR RIVERINE STUDIES      41 Canal Quay Road, Suite 5, Phnom Penh"),
            Role::Contact
        );
    }

    /// A journal's citation line above the title holds a volume and pages; an address
    /// holds a postcode. Without the page test "British Medical Bulletin, 2015,
    /// 113:45–58" was removed as a postal address.
    #[test]
    fn a_citation_line_is_no_address() {
        assert!(!is_address_like(
            "British Medical Bulletin, 2015, 113:45–58"
        ));
        assert!(!is_address_like("Journal of Studies, 26, 147–154"));
        assert!(is_address_like("1309 S. Mary Avenue, Sunnyvale, CA 94087"));
        assert!(is_address_like(
            "Stuhlsatzenhausweg 3, 66123 Saarbrücken, Germany"
        ));
    }
    use crate::test_phrases::{assert_decides_as, assert_necessary, bench_lines, pattern_texts};

    /// [`contact_tail_start`] finds where the pattern it replaces found a contact part (and
    /// the cheap test never turns away a line it finds one in), and
    /// [`holds_postal_number`] decides as its pattern did: over the bench's lines (as
    /// written and lower-cased) and phrases of the patterns' pieces, with letters and
    /// digits of other scripts at the words' edges.
    #[test]
    fn contact_tails_and_postal_numbers_are_their_patterns() {
        let mut texts = pattern_texts(
            &[
                " ",
                "\u{a0}",
                "\n",
                "tel",
                "telephone",
                "phone",
                "fax",
                "e-mail",
                "email",
                ":",
                "web",
                "website",
                "www.",
                "http://",
                "https://",
                "a",
                "@",
                ".",
                "é",
                "٣",
                "\u{301}",
                "x",
                "1",
                "12",
                "1234",
                "AB",
                "N",
                "Ω",
                "-",
                ",",
                "_",
                "e",
                "mail",
                "site",
                "s",
                "http",
                "://",
                "hotel",
            ],
            80_000,
        );
        texts.extend(bench_lines().iter().map(|t| t.to_ascii_lowercase()));
        let pattern = regex::Regex::new(CONTACT_TAIL).expect("valid regex");
        assert!(assert_necessary(&pattern, may_hold_contact_tail, &texts) > 1_000);
        let mut found = 0;
        for t in &texts {
            let want = pattern.find(t).map(|m| m.start());
            assert_eq!(contact_tail_start(t), want, "{t:?}");
            found += usize::from(want.is_some());
        }
        assert!(found > 1_000, "{found}");
        assert_decides_as(
            r"\b(?:[0-9]{3,}|[A-Z]{1,2}[0-9]{2,}[A-Z0-9]*|[0-9]{1,4}[A-Z]?)\b",
            holds_postal_number,
            &texts,
        );
    }
}
