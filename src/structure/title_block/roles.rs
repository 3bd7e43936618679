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

/// Whether a short line names the kind of document: a few words ending in a publication
/// noun, optionally followed by a number ("No. 14") or a series after a separator.
pub(super) fn is_doc_type(t: &str) -> bool {
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
pub(super) static EDITOR_LINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:edited\s+by|editors?\s*:|series\s+editors?\s*:|reviewed\s+by)\s*:?\s+(.+)$")
        .expect("valid regex")
});
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
pub(super) static CONTACT_TAIL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"\s(?:tel(?:ephone)?\b\.?|phone\b|fax\b|e-?mail\s*:|web(?:site)?\s*:|www\.|https?://|\S+@\S+\.\w+)",
    )
    .expect("valid regex")
});
/// What follows the space that opens every match of [`CONTACT_TAIL`], but for the address
/// (`\S+@\S+\.\w+`), which holds an `@`.
const CONTACT_TAIL_WORDS: &[&str] = &[
    "tel", "phone", "fax", "email", "e-mail", "web", "www.", "http",
];

/// Whether the lower-cased `t` may hold a match of [`CONTACT_TAIL`]: an `@`, or a space
/// before one of its words. A line without either cannot match, and the pattern (~2 ms to
/// compile, for its `\w`) need not be built: a bare word ("hotel", "website") is not enough.
fn may_hold_contact_tail(lower: &str) -> bool {
    lower.contains('@')
        || lower.char_indices().any(|(i, c)| {
            c.is_whitespace() && {
                let rest = &lower[i + c.len_utf8()..];
                CONTACT_TAIL_WORDS.iter().any(|w| rest.starts_with(w))
            }
        })
}
pub(super) static POSTAL_NUMBER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\b(?:[0-9]{3,}|[A-Z]{1,2}[0-9]{2,}[A-Z0-9]*|[0-9]{1,4}[A-Z]?)\b")
        .expect("valid regex")
});
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
    match CONTACT_TAIL.find(&lower) {
        Some(m) if m.start() > 0 => (
            t[..m.start()].trim_end_matches([' ', '·', '|', ',', '–', '—']),
            true,
        ),
        _ => (t, false),
    }
}

/// A postal address without street words: "Kirkegata 18, 0153 Oslo, Norway".
pub(super) fn is_address_like(t: &str) -> bool {
    let n = words(t);
    (2..=16).contains(&n)
        && t.contains(',')
        && POSTAL_NUMBER.is_match(t)
        && !t.trim_end().ends_with(['.', '!', '?'])
        && parse_date_line(t).is_none()
}

/// Whether `line` is the wrapped end of the address on `prev`: a few words, or a street
/// address with its postcode ("Stuhlsatzenhausweg 3, 66123 Saarbrücken, Germany"), without
/// sentence punctuation, set in the same size as the address when the size is known.
pub(super) fn is_address_tail(prev: &TextLine, line: &TextLine) -> bool {
    let t = line.plain();
    let same_size = match (prev.geometry, line.geometry) {
        (Some(a), Some(b)) => (a.font_size - b.font_size).abs() < 0.5,
        _ => true,
    };
    same_size
        && ((1..=3).contains(&words(&t)) || is_address_like(&t))
        && !prev.plain().trim_end().ends_with(['.', ';'])
        && !t.trim_end().ends_with(['.', '!', '?', ':'])
        && t.trim_start()
            .starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit())
}

pub(super) fn role_of(text: &str) -> Role {
    let t = text.trim();
    if t.is_empty() {
        return Role::Blank;
    }
    if is_contact_line(t) {
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
    if had_contact {
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
    use crate::test_phrases::{assert_necessary, phrases};

    #[test]
    fn contact_tail_test_never_turns_away_a_contact() {
        let texts = phrases(
            &[
                " ",
                "\u{a0}",
                "\n",
                "tel",
                "telephone",
                "phone",
                "fax",
                "e",
                "-",
                "mail",
                ":",
                "web",
                "site",
                "www.",
                "http",
                "s",
                "://",
                "a",
                "@",
                ".",
                "x",
                "hotel",
                "1",
            ],
            60_000,
        );
        let matched = assert_necessary(&CONTACT_TAIL, may_hold_contact_tail, &texts);
        assert!(matched > 1_000, "{matched}");
    }
}
