//! The title block at the top of the first page: document type, letterhead (publisher),
//! title and subtitle, authors with their role and affiliation lines, editor, date and
//! disclaimer. Contact lines there leave the body and are reported.
//!
//! The author line ("By …") is the anchor: the title is what stands between the letterhead
//! and it. Recognised lines are consumed; anything the title block does not explain (an
//! "Abstract" heading, a stray caption) stays in the body.

use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

use regex::Regex;

use crate::clean::furniture::is_contact_line;
use crate::date::parse_date_line;
use crate::lines::TextLine;
use crate::model::{Contributor, Metadata};
use crate::report::{Action, ActionKind, Report};
use crate::rich;

use super::casing::{WordCase, title_case};
use super::text::{has_word, join_lines, words};

/// Nouns that name a kind of publication ("Issue Brief", "Working Paper No. 14").
const DOC_TYPE_NOUNS: &[&str] = &[
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
fn is_doc_type(t: &str) -> bool {
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
const ORG_WORDS: &[&str] = &[
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
static AUTHOR_LINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:by|written\s+by|authors?\s*:|prepared\s+by)\s*:?\s+(.+)$")
        .expect("valid regex")
});
static EDITOR_LINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:edited\s+by|editors?\s*:|series\s+editors?\s*:|reviewed\s+by)\s*:?\s+(.+)$")
        .expect("valid regex")
});
/// Words that name a position.
const ROLE_WORDS: &[&str] = &[
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
static LEGAL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\b(?:registered\s+charity|charity\s+(?:no|number|registration)|company\s+(?:no|number|registration)|registration\s+(?:no|number)|registered\s+in|issn|isbn)\b|©")
        .expect("valid regex")
});
static CONTACT_TAIL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"\s(?:tel(?:ephone)?\b\.?|phone\b|fax\b|e-?mail\s*:|web(?:site)?\s*:|www\.|https?://|\S+@\S+\.\w+)",
    )
    .expect("valid regex")
});
static POSTAL_NUMBER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\b(?:[0-9]{3,}|[A-Z]{1,2}[0-9]{2,}[A-Z0-9]*|[0-9]{1,4}[A-Z]?)\b")
        .expect("valid regex")
});
static DISCLAIMER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?:views?\s+expressed|opinions?\s+(?:expressed|in\s+this)|do(?:es)?\s+not\s+(?:necessarily\s+)?(?:reflect|represent)|are\s+(?:those\s+of\s+the\s+authors?|the\s+authors?['’]s?\s+own)|circulated\s+for\s+discussion|not\s+been\s+peer[-\s]reviewed|personal\s+capacity|disclaimer|all\s+rights\s+reserved|©|copyright)",
    )
    .expect("valid regex")
});

/// Compiles the patterns nearly every document needs (see [`crate::compile_patterns_in_background`]).
pub(crate) fn compile_patterns() {
    LazyLock::force(&AUTHOR_LINE);
    LazyLock::force(&EDITOR_LINE);
    LazyLock::force(&LEGAL);
    LazyLock::force(&CONTACT_TAIL);
    LazyLock::force(&DISCLAIMER);
}

/// Index of the first line of the body: the first prose line (a sentence of at least ten
/// words). Lines before it on page 1 are the title block, which the metadata stage reads.
pub fn title_zone_end(lines: &[TextLine]) -> usize {
    let mut names: Vec<String> = Vec::new();
    // A title block is never long: a page of forms or tables without prose ends it early.
    const MAX_TITLE_LINES: usize = 60;
    lines
        .iter()
        .take(MAX_TITLE_LINES)
        .position(|l| {
            let t = l.plain();
            if let Some(n) = author_names(t.trim()) {
                names.extend(split_names(n));
            }
            // An author's biography line ("Ana Silva is Senior Economist at …").
            if names.iter().any(|n| t.starts_with(n.as_str())) {
                return false;
            }
            let words = t.split_whitespace().count();
            let prose = !super::classify::title_like(&t)
                && (words >= 12 || (words >= 8 && t.trim_end().ends_with(['.', '!', '?', ':'])));
            l.page > 1
                || (prose
                    && !is_contact_line(&t)
                    && !is_disclaimer(&t)
                    && t.chars().filter(|c| c.is_lowercase()).count() * 2 > t.len())
        })
        .unwrap_or(lines.len().min(MAX_TITLE_LINES))
}

/// Whether a line is a disclaimer or rights statement.
fn is_disclaimer(t: &str) -> bool {
    DISCLAIMER.is_match(&t.to_ascii_lowercase())
        || (t.starts_with('(') && t.ends_with(')') && words(t) >= 5 && words(t) <= 60)
}

/// What the title block gave, and which lines it used.
#[derive(Debug, Default)]
pub struct TitleBlock {
    /// The metadata found.
    pub metadata: Metadata,
    /// Indexes (into the line slice) of the lines the title block consumed.
    pub consumed: Vec<usize>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Role {
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
fn split_contact_tail(t: &str) -> (&str, bool) {
    match CONTACT_TAIL.find(&t.to_ascii_lowercase()) {
        Some(m) if m.start() > 0 => (
            t[..m.start()].trim_end_matches([' ', '·', '|', ',', '–', '—']),
            true,
        ),
        _ => (t, false),
    }
}

/// A postal address without street words: "Kirkegata 18, 0153 Oslo, Norway".
fn is_address_like(t: &str) -> bool {
    let n = words(t);
    (2..=16).contains(&n)
        && t.contains(',')
        && POSTAL_NUMBER.is_match(t)
        && !t.trim_end().ends_with(['.', '!', '?'])
        && parse_date_line(t).is_none()
}

/// Whether `line` is the wrapped end of the address on `prev`: a few words without
/// sentence punctuation, set in the same size as the address when the size is known.
fn is_address_tail(prev: &TextLine, line: &TextLine) -> bool {
    let t = line.plain();
    let same_size = match (prev.geometry, line.geometry) {
        (Some(a), Some(b)) => (a.font_size - b.font_size).abs() < 0.5,
        _ => true,
    };
    same_size
        && (1..=3).contains(&words(&t))
        && !prev.plain().trim_end().ends_with(['.', ';'])
        && !t.trim_end().ends_with(['.', '!', '?', ':'])
        && t.trim_start()
            .starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit())
}

fn role_of(text: &str) -> Role {
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

/// Name particles that stay in lower case inside a personal name.
const PARTICLES: &[&str] = &[
    "de", "van", "von", "der", "den", "da", "di", "du", "al", "bin", "ibn", "la", "le", "dos",
    "das",
];
const HONORIFIC_WORDS: &[&str] = &[
    "Dr",
    "Prof",
    "Professor",
    "Mr",
    "Mrs",
    "Ms",
    "Sir",
    "Dame",
    "Amb",
];

/// Whether `t` is one personal name: two to five capitalised words (particles allowed),
/// optionally after an honorific.
fn is_person(t: &str) -> bool {
    let mut ws: Vec<&str> = t.split_whitespace().collect();
    if ws
        .first()
        .is_some_and(|w| HONORIFIC_WORDS.contains(&w.trim_end_matches('.')))
    {
        ws.remove(0);
    }
    (2..=5).contains(&ws.len())
        && ws[0].chars().next().is_some_and(char::is_uppercase)
        && ws.iter().all(|w| {
            PARTICLES.contains(w)
                || w.chars().next().is_some_and(char::is_uppercase)
                    && w.chars()
                        .all(|c| c.is_alphabetic() || matches!(c, '\'' | '’' | '.' | '-'))
        })
}

/// Whether a line opens with a personal name followed by an affiliation mark, a comma or
/// "and" ("Farzana Alam1", "Xiaolu Huang,1,2 Xinhua Qu,1,2 …"): an author list.
fn opens_with_person(t: &str) -> bool {
    let t = t.trim();
    let end = t
        .find(|c: char| c.is_ascii_digit() || matches!(c, ',' | '*' | '†' | '‡' | ';'))
        .unwrap_or(t.len());
    let head = t[..end].split(" and ").next().unwrap_or("");
    end < t.len() && is_person(head.trim())
}

/// Whether a raised run is only affiliation marks: numbers, single letters and note
/// symbols, separated by commas ("1", "2,3", "a,b", "*", "1†").
fn is_affiliation_mark(mark: &str) -> bool {
    let mark = mark.trim();
    !mark.is_empty()
        && mark.chars().count() <= 12
        && mark.split([',', ' ']).filter(|m| !m.is_empty()).all(|m| {
            m.chars()
                .all(|c| c.is_ascii_digit() || "*∗†‡§¶‖#$+".contains(c))
                || (m.chars().count() == 1 && m.chars().all(|c| c.is_ascii_lowercase()))
        })
}

/// The names on a scholarly author line: personal names separated by commas or "and",
/// each followed by raised affiliation marks ("Farzana Alam¹, Mohammad S. Rahman²",
/// "Xiaolu Huang,¹˒² Xinhua Qu,¹˒² …"). The raised marks are the evidence, so only rich
/// text that carries them (PDF input) qualifies; every part between the marks must be a
/// personal name and at least one name must carry a mark. `None` when the line is not one.
fn marked_author_names(rich_text: &str) -> Option<Vec<MarkedName>> {
    let mut list: Vec<MarkedName> = Vec::new();
    let mut segment = String::new();
    let mut all = String::new();
    let mut mark = String::new();
    let mut raised = false;
    let mut marks = 0;
    let take_segment = |segment: &mut String, list: &mut Vec<MarkedName>| {
        // "… Hossain², and Mohammad A. Rashid": the segment after a mark may open on "and".
        let t = segment.trim_start_matches([',', ';', ' ']);
        let t = t
            .strip_prefix("and ")
            .or_else(|| t.strip_prefix("& "))
            .unwrap_or(t);
        list.extend(split_names(t).into_iter().map(|n| (n, Vec::new())));
        segment.clear();
    };
    for c in rich_text.chars() {
        match c {
            rich::SUP_ON => {
                raised = true;
                mark.clear();
            }
            rich::SUP_OFF => {
                raised = false;
                if !is_affiliation_mark(&mark) {
                    return None;
                }
                marks += 1;
                take_segment(&mut segment, &mut list);
                // The mark belongs to the name printed just before it.
                let last = list.last_mut()?;
                last.1.extend(mark_labels(&mark));
                all.push(',');
            }
            _ if rich::is_sentinel(c) => {}
            _ if raised => mark.push(c),
            _ => {
                segment.push(c);
                all.push(c);
            }
        }
    }
    take_segment(&mut segment, &mut list);
    if marks == 0 || is_org(&all) || is_role(&all) || is_upper(&all) {
        return None;
    }
    (!list.is_empty() && list.len() <= 30 && list.iter().all(|(n, _)| is_person(n) && !is_org(n)))
        .then_some(list)
}

/// A personal name and the affiliation labels raised after it.
type MarkedName = (String, Vec<String>);

/// The single labels of a raised mark ("2,3" → "2", "3").
fn mark_labels(mark: &str) -> Vec<String> {
    // "1*" is two labels: affiliation 1 and the corresponding-author star.
    let mut out: Vec<String> = Vec::new();
    let mut number = String::new();
    for c in mark.chars() {
        if c.is_ascii_digit() {
            number.push(c);
            continue;
        }
        if !number.is_empty() {
            out.push(std::mem::take(&mut number));
        }
        if !matches!(c, ',' | ' ') {
            out.push(c.to_string());
        }
    }
    if !number.is_empty() {
        out.push(number);
    }
    out
}

/// An affiliation entry keyed by a raised label at the start of its line
/// ("¹ Department of Pharmacy, …"): (labels, text).
fn labelled_affiliation(rich_text: &str) -> Option<(Vec<String>, String)> {
    let t = rich_text.trim_start_matches([rich::BOLD_ON, rich::ITALIC_ON, ' ']);
    let rest = t.strip_prefix(rich::SUP_ON)?;
    let (mark, text) = rest.split_once(rich::SUP_OFF)?;
    let text = rich::plain(text).trim().to_string();
    (is_affiliation_mark(mark) && words(&text) >= 2).then(|| (mark_labels(mark), text))
}

/// Whether a line is one or more personal names ("Ana Silva", "A Silva* and B Ruiz†").
fn is_person_list(t: &str) -> bool {
    if is_org(t) || is_upper(t) || is_role(t) {
        return false;
    }
    let columns = columns_of(t);
    if columns.len() >= 2 {
        return columns.iter().all(|(_, c)| is_person(c));
    }
    let names = split_names(t);
    !names.is_empty()
        && names.len() <= 8
        && names
            .iter()
            .all(|n| is_person(n.trim_end_matches(['*', '†', '‡', '§', '¹', '²', '³'])))
}

/// Whether the letters of `s` are (almost) all capitals.
pub fn is_upper(s: &str) -> bool {
    let letters: Vec<char> = s.chars().filter(|c| c.is_alphabetic()).collect();
    letters.len() >= 2
        && letters.iter().filter(|c| c.is_uppercase()).count() * 10 >= letters.len() * 9
}

/// The keyword tests below match lower-case patterns against an ASCII-lower-cased copy:
/// byte offsets stay the same, and case-insensitive regexes cost several times more to
/// build (a cost every process pays).
fn is_org(t: &str) -> bool {
    has_word(t, ORG_WORDS) || t.to_ascii_lowercase().contains("think tank")
}

fn is_role(t: &str) -> bool {
    has_word(t, ROLE_WORDS)
}

fn is_legal(t: &str) -> bool {
    LEGAL.is_match(&t.to_ascii_lowercase())
}

/// The names after "By" (or "Authors:"), when the line is an author line.
fn author_names(t: &str) -> Option<&str> {
    let lower = t.to_ascii_lowercase();
    let range = AUTHOR_LINE.captures(&lower)?.get(1)?.range();
    t.get(range)
}

/// The names after "Edited by", when the line is an editor line.
fn editor_names(t: &str) -> Option<&str> {
    let lower = t.to_ascii_lowercase();
    let range = EDITOR_LINE.captures(&lower)?.get(1)?.range();
    t.get(range)
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

/// Reads the title block from the start of `lines`. `declared_title` is the file's own
/// title when it is plausible and printed on the opening pages: the lines that print it
/// are then the title, whatever else looks like one.
pub fn extract(
    lines: &[TextLine],
    dictionary: &WordCase,
    declared_title: Option<&str>,
    report: &mut Report,
) -> TitleBlock {
    let zone_end = title_zone_end(lines).min(lines.len());
    let zone = &lines[..zone_end];
    let texts: Vec<String> = zone.iter().map(TextLine::plain).collect();
    // A scholarly author line (names with raised affiliation marks) is an author line
    // even without "By".
    let marked: Vec<Option<Vec<MarkedName>>> =
        zone.iter().map(|l| marked_author_names(&l.text)).collect();
    // One marked name alone ("Adobe Corporation⁺") is weak evidence: it counts only
    // where it continues an author list.
    let mut roles: Vec<Role> = Vec::with_capacity(texts.len());
    for (t, m) in texts.iter().zip(&marked) {
        let continues = roles.iter().rev().find(|r| **r != Role::Blank) == Some(&Role::Author);
        roles.push(match role_of(t) {
            Role::Other | Role::Name if m.as_ref().is_some_and(|m| m.len() >= 2 || continues) => {
                Role::Author
            }
            r => r,
        });
    }
    let mut tb = TitleBlock::default();
    let mut reader = Reader {
        zone,
        texts: &texts,
        roles: &roles,
        tb: &mut tb,
        report,
    };

    let by_line = roles.iter().position(|r| *r == Role::Author);
    // 1. The title: before the author line when there is one, else the first run of
    //    capitals (or the first title-shaped line).
    let page_title = find_title(&texts, &roles, &TitleSizes::new(lines, zone), by_line);
    // The declared title overrides the page's guess only where the two disagree; where
    // the page's title lines include it, they are read as usual (subtitle and all).
    let declared_run = declared_title
        .and_then(|d| printed_run(&texts, d).map(|run| (d, run)))
        .filter(|(_, run)| !run.iter().all(|i| page_title.contains(i)));
    let title = match &declared_run {
        Some((_, run)) => run.clone(),
        None => page_title,
    };
    // 2. Everything above the title: document type, letterhead, contact lines, and any
    //    date or editor placed on top.
    let title_first = title.first().copied().unwrap_or(by_line.unwrap_or(0));
    let mut after_address = false;
    for i in 0..title_first {
        if reader.take_meta(i, dictionary) || roles[i] != Role::Other {
            after_address = false;
            continue;
        }
        let evidence = if is_address_like(&texts[i]) {
            "postal address above the title"
        } else if after_address && is_address_tail(&zone[i - 1], &zone[i]) {
            // "…, Abu Dhabi, United Arab" / "Emirates": a wrapped address.
            "postal address continued above the title"
        } else {
            after_address = false;
            continue;
        };
        reader.report.push(
            Action::new(ActionKind::ContactLine)
                .page(zone[i].page)
                .lines([zone[i].source_line])
                .before(texts[i].clone())
                .evidence(evidence),
        );
        reader.use_line(i);
        after_address = true;
    }
    let mut next = title_first;
    if let Some((declared, run)) = &declared_run {
        reader.tb.metadata.title = Some(declared_title_text(declared, run, &texts, dictionary));
        reader.tb.consumed.extend(run);
        next = run.iter().max().map_or(title_first, |m| m + 1);
    } else if !title.is_empty() {
        let (t, sub, used) = title_and_subtitle(zone, &texts, &roles, &title, by_line, dictionary);
        reader.tb.metadata.title = Some(t);
        reader.tb.metadata.subtitle = sub;
        reader.tb.consumed.extend(&used);
        next = used.iter().max().map_or(title_first, |m| m + 1);
    }
    // 3. After the title: authors (by line or by name), their details, editor, date,
    //    disclaimer. The first line that fits none of these starts the body.
    let mut current: Option<usize> = None;
    let mut details = 0;
    let mut skip_until = 0;
    // (author index, raised labels) for names from a marked author list.
    let mut author_labels: Vec<(usize, Vec<String>)> = Vec::new();
    // (labels, text) of labelled affiliation lines.
    let mut affiliations: Vec<(Vec<String>, String)> = Vec::new();
    let mut affiliation_lines: Vec<usize> = Vec::new();
    for i in next..zone.len() {
        if i < skip_until {
            continue;
        }
        let text = texts[i].trim();
        // A disclaimer in parentheses wrapped over several lines.
        if text.starts_with('(') && !text.ends_with(')') {
            let end = (i + 1..zone.len().min(i + 4)).find(|&k| texts[k].trim_end().ends_with(')'));
            if let Some(end) = end {
                let joined = join_lines(&texts[i..=end]);
                if reader.tb.metadata.rights.is_none() {
                    reader.tb.metadata.rights = Some(joined);
                }
                for k in i..=end {
                    reader.use_line(k);
                }
                skip_until = end + 1;
                current = None;
                continue;
            }
        }
        // Affiliations keyed by the raised labels of the author list above, each maybe
        // wrapped onto a line of its own ("Dhaka-1000, Bangladesh").
        if !author_labels.is_empty() {
            if let Some(entry) = labelled_affiliation(&zone[i].text) {
                affiliations.push(entry);
                affiliation_lines.push(i);
                reader.use_line(i);
                continue;
            }
            if let Some(last) = affiliations.last_mut()
                && reader.tb.consumed.contains(&(i - 1))
                && labelled_affiliation(&zone[i - 1].text).is_some()
                && is_address_tail(&zone[i - 1], &zone[i])
            {
                last.1 = join_lines(&[last.1.as_str(), text]);
                affiliation_lines.push(i);
                reader.use_line(i);
                continue;
            }
        }
        match roles[i] {
            Role::Blank => {
                if details > 0 {
                    current = None;
                }
                continue;
            }
            Role::Author => {
                if let Some(c) = author_names(text) {
                    for name in split_names(c) {
                        reader.tb.metadata.authors.push(Contributor::named(name));
                    }
                    current = Some(reader.tb.metadata.authors.len() - 1);
                    details = 0;
                    reader.use_line(i);
                } else if let Some(names) = &marked[i] {
                    for (name, labels) in names {
                        author_labels.push((reader.tb.metadata.authors.len(), labels.clone()));
                        reader.tb.metadata.authors.push(Contributor::named(name));
                    }
                    // The affiliations under such a list are keyed by the marks, not
                    // set under the last name: they are not that author's details.
                    current = None;
                    reader.use_line(i);
                }
                continue;
            }
            Role::Name
                if (current.is_none() || details > 0 || roles[i - 1] == Role::Blank)
                    && !dictionary.mostly_common_words(text)
                    && !in_form_row(zone, &roles, i)
                    && !heads_a_form(&texts[i..]) =>
            {
                if let Some(columns) = author_columns(&texts[i..]) {
                    let first_new = reader.tb.metadata.authors.len();
                    for (c, people) in columns.people.into_iter().enumerate() {
                        let mut person = Contributor::named(people.0);
                        for d in people.1 {
                            add_detail(&mut person, &d);
                        }
                        let _ = c;
                        reader.tb.metadata.authors.push(person);
                    }
                    for k in 0..columns.rows {
                        reader.use_line(i + k);
                    }
                    skip_until = i + columns.rows;
                    current = (reader.tb.metadata.authors.len() > first_new).then_some(first_new);
                    details = 3;
                    continue;
                }
                for name in split_names(text) {
                    reader.tb.metadata.authors.push(Contributor::named(name));
                }
                current = Some(reader.tb.metadata.authors.len() - 1);
                details = 0;
                reader.use_line(i);
                continue;
            }
            _ => {}
        }
        if reader.take_meta(i, dictionary) {
            current = None;
            continue;
        }
        // A detail line naming one of the authors first ("Ana Silva – Research Fellow, …").
        let named = reader
            .tb
            .metadata
            .authors
            .iter()
            .position(|a| text.starts_with(&a.name) && text.len() > a.name.len() + 2);
        if let Some(a) = named {
            let rest = text[reader.tb.metadata.authors[a].name.len()..]
                .trim_start_matches([',', '–', '—', '-', ':', ' '])
                .to_string();
            add_detail(&mut reader.tb.metadata.authors[a], &rest);
            reader.use_line(i);
            current = Some(a);
            details = 1;
            continue;
        }
        if let Some(a) = current
            && details < 3
            && words(text) <= 16
            && !ends_with_sentence(text)
            && matches!(roles[i], Role::Other | Role::Letterhead | Role::Name)
        {
            add_detail(&mut reader.tb.metadata.authors[a], text);
            details += 1;
            reader.use_line(i);
            continue;
        }
        break;
    }
    // An affiliation whose wrapped lines were not read in order (a margin column beside
    // the abstract) would be cut short: then none is attached and the lines stay text.
    if affiliation_lines
        .iter()
        .any(|&i| wrapped_elsewhere(lines, &zone[i], &affiliation_lines, zone))
    {
        tb.consumed.retain(|i| !affiliation_lines.contains(i));
        affiliations.clear();
    }
    for (a, labels) in &author_labels {
        let affs: Vec<&str> = affiliations
            .iter()
            .filter(|(keys, _)| keys.iter().any(|k| labels.contains(k)))
            .map(|(_, text)| text.as_str())
            .collect();
        if !affs.is_empty() {
            tb.metadata.authors[*a].affiliation = Some(affs.join("; "));
        }
    }
    tb.consumed.sort_unstable();
    tb.consumed.dedup();
    for &i in &tb.consumed {
        if !matches!(roles[i], Role::Contact | Role::Legal) {
            report.push(
                Action::new(ActionKind::Metadata)
                    .page(zone[i].page)
                    .lines([zone[i].source_line])
                    .before(texts[i].clone())
                    .evidence(format!("title block: {:?}", roles[i]).to_lowercase()),
            );
        }
    }
    tb
}

/// Whether the line set directly under `line` (same page and size, overlapping it across,
/// less than a line's gap below) is one the affiliation list did not take, and does not
/// open an entry of its own: the entry on `line` wraps onto it.
fn wrapped_elsewhere(
    lines: &[TextLine],
    line: &TextLine,
    taken: &[usize],
    zone: &[TextLine],
) -> bool {
    let Some(g) = line.geometry else {
        return false;
    };
    let below = lines.iter().find(|l| {
        l.page == line.page
            && l.geometry.is_some_and(|h| {
                (h.font_size - g.font_size).abs() < 0.5
                    && h.bbox.y0 >= g.bbox.y1 - 1.0
                    && h.bbox.y0 - g.bbox.y1 < 0.8 * g.font_size
                    && h.bbox.x0 < g.bbox.x1
                    && h.bbox.x1 > g.bbox.x0
            })
    });
    below.is_some_and(|b| {
        labelled_affiliation(&b.text).is_none() && !taken.iter().any(|&k| std::ptr::eq(&zone[k], b))
    })
}

/// Authors set side by side in columns (pdftotext -layout): a row of names, then rows of
/// roles and affiliations aligned under them.
struct AuthorColumns {
    /// (name, detail lines) per column.
    people: Vec<(String, Vec<String>)>,
    /// Lines used, from the names row.
    rows: usize,
}

fn columns_of(line: &str) -> Vec<(usize, String)> {
    let mut out = Vec::new();
    let mut start = None;
    let mut spaces = 0;
    let chars: Vec<char> = line.chars().collect();
    for (i, &c) in chars.iter().enumerate() {
        if c == ' ' {
            spaces += 1;
            if spaces >= 3
                && let Some(s) = start.take()
            {
                let text: String = chars[s..i + 1 - spaces].iter().collect();
                out.push((s, text.trim().to_string()));
            }
        } else {
            if start.is_none() {
                start = Some(i);
            }
            spaces = 0;
        }
    }
    if let Some(s) = start {
        let text: String = chars[s..].iter().collect();
        out.push((s, text.trim().to_string()));
    }
    out
}

/// Labels of contact fields ("Phone:", "E-mail:") set apart from their values in layout text.
const CONTACT_LABELS: &[&str] = &[
    "tel",
    "telephone",
    "phone",
    "fax",
    "email",
    "e-mail",
    "web",
    "website",
    "url",
    "mobile",
    "cell",
    "address",
    "internet",
];

/// Whether a layout cell is a form field's label other than a contact field's ("Order /
/// Rev:", "Cinema:"): a row with such labels is a form, even when one of its values looks
/// like a telephone number ("2024-12-5678").
fn is_form_label(cell: &str) -> bool {
    let cell = cell.trim();
    cell.ends_with(':')
        && !CONTACT_LABELS.contains(&cell.trim_end_matches(':').trim().to_lowercase().as_str())
}

/// Whether a row of side-by-side headings (`texts[0]`, "Customer Information   Vehicle
/// Information" in layout text) heads a form: the row under it has more cells than it
/// has headings, a label and a value under each ("Insured name   Gabriel Diaz   Year
/// 2022"). Credits set side by side have one detail per name.
fn heads_a_form(texts: &[String]) -> bool {
    let head = columns_of(texts[0].trim()).len();
    let next = texts[1..].iter().find(|t| !t.trim().is_empty());
    head >= 2 && next.is_some_and(|t| columns_of(t.trim()).len() > head)
}

fn author_columns(texts: &[String]) -> Option<AuthorColumns> {
    let head = columns_of(&texts[0]);
    if head.len() < 2 || !head.iter().all(|(_, t)| is_person(t)) {
        return None;
    }
    let mut people: Vec<(String, Vec<String>)> =
        head.iter().map(|(_, t)| (t.clone(), Vec::new())).collect();
    let mut rows = 1;
    for line in &texts[1..] {
        let cols = columns_of(line);
        if line.trim().is_empty() || cols.len() < 2 {
            break;
        }
        for (at, text) in cols {
            // The column whose start is nearest.
            let k = head
                .iter()
                .enumerate()
                .min_by_key(|(_, (s, _))| s.abs_diff(at))
                .map_or(0, |(k, _)| k);
            let details = &mut people[k].1;
            let n = details.len();
            // A wrapped affiliation continues the previous line of the column.
            match details.last_mut() {
                Some(prev)
                    if n >= 2
                        || text.starts_with(|c: char| c.is_lowercase())
                        || prev.ends_with([',', '-'])
                        || [" for", " of", " and", " the"]
                            .iter()
                            .any(|w| prev.ends_with(w)) =>
                {
                    prev.push(' ');
                    prev.push_str(&text);
                }
                _ => details.push(text),
            }
        }
        rows += 1;
    }
    (rows > 1 || people.len() > 1).then_some(AuthorColumns { people, rows })
}

/// Notes about the authors at the foot of the first page ("*Ingrid Solheim is Senior
/// Researcher, …", marked with a symbol after the name on the title block) belong to
/// the metadata: they are taken out of the body and read as role and affiliation.
pub fn take_author_notes(lines: &mut Vec<TextLine>, meta: &mut Metadata, report: &mut Report) {
    if meta.authors.is_empty() {
        return;
    }
    let mut keep = Vec::with_capacity(lines.len());
    for line in lines.drain(..) {
        let text = line.plain();
        let t = text.trim_start_matches(['*', '†', '‡', '§', ' ']);
        let marked = t.len() < text.len() || line.text.starts_with(rich::SUP_ON);
        let author = meta
            .authors
            .iter()
            .position(|a| t.starts_with(&a.name) && t.len() > a.name.len() + 3);
        match author {
            Some(a) if marked && line.page <= 2 && words(t) <= 40 => {
                let rest = t[meta.authors[a].name.len()..]
                    .trim_start_matches([',', ' ', '–', '—', ':'])
                    .trim_start_matches("is ")
                    .trim_start_matches("a ")
                    .trim_start_matches("an ")
                    .trim_end_matches('.');
                add_detail(&mut meta.authors[a], rest);
                report.push(
                    Action::new(ActionKind::Metadata)
                        .page(line.page)
                        .lines([line.source_line])
                        .before(text.clone())
                        .evidence("note about an author: read as role and affiliation"),
                );
            }
            _ => keep.push(line),
        }
    }
    *lines = keep;
}

/// Removes running headers and footers that appear only once or twice (so repetition did
/// not give them away) but name the publication: the publisher, the document type or the
/// title, at the top or bottom of a page after the first.
pub fn remove_branding_lines(lines: &mut Vec<TextLine>, meta: &Metadata, report: &mut Report) {
    let norm = |s: &str| {
        s.to_lowercase()
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .collect::<Vec<_>>()
            .join(" ")
    };
    let mut names: Vec<String> = Vec::new();
    for s in [&meta.publisher, &meta.doc_type].into_iter().flatten() {
        if words(s) >= 2 {
            names.push(norm(s));
        }
    }
    if let Some(t) = &meta.title {
        let t = norm(t);
        let head: Vec<&str> = t.split(' ').take(4).collect();
        if head.len() >= 3 {
            names.push(head.join(" "));
        }
    }
    if names.is_empty() {
        return;
    }
    // The first and last non-blank line of every page but the first.
    let mut edges = Vec::new();
    for range in crate::lines::page_ranges(lines) {
        if lines[range.start].page > 1 {
            let idx: Vec<usize> = range.filter(|&i| !lines[i].is_blank()).collect();
            edges.extend(idx.first().copied());
            edges.extend(idx.last().copied().filter(|_| idx.len() > 1));
        }
    }
    // Web addresses are left out of the match: a note's URL may well contain the
    // publisher's or the series' name ("/research-notes/") without being a header.
    let bare = |t: &str| {
        let kept: Vec<&str> = t
            .split_whitespace()
            .filter(|w| !(w.contains("://") || w.starts_with("www.") || w.contains('@')))
            .collect();
        format!(" {} ", norm(&kept.join(" ")))
    };
    let mut drop = Vec::new();
    for i in edges {
        let text = lines[i].plain();
        let n = bare(&text);
        if words(&text) <= 16
            && !ends_with_sentence(&text)
            && names.iter().any(|name| n.contains(&format!(" {name} ")))
        {
            report.push(
                Action::new(ActionKind::RunningHeader)
                    .page(lines[i].page)
                    .lines([lines[i].source_line])
                    .before(text)
                    .evidence("page-edge line naming the publication")
                    .confidence(0.8),
            );
            drop.push(i);
        }
    }
    for i in neighbours_on_baseline(lines, &drop) {
        report.push(
            Action::new(ActionKind::RunningHeader)
                .page(lines[i].page)
                .lines([lines[i].source_line])
                .before(lines[i].plain())
                .evidence("short line on the same baseline as a running header")
                .confidence(0.7),
        );
        drop.push(i);
    }
    let drop: HashSet<usize> = drop.into_iter().collect();
    let mut i = 0;
    lines.retain(|_| {
        let keep = !drop.contains(&i);
        i += 1;
        keep
    });
}

/// Short PDF lines that share a baseline with one of the `headers` on the same page: a
/// running header set in two parts (series left, programme right) is read as two lines,
/// and only one of them names the publication.
fn neighbours_on_baseline(lines: &[TextLine], headers: &[usize]) -> Vec<usize> {
    // Each header looks at the lines of its own page only (indexed once: a long document
    // has a header on nearly every page).
    let mut on_page: HashMap<usize, Vec<usize>> = HashMap::new();
    for (j, l) in lines.iter().enumerate() {
        on_page.entry(l.page).or_default().push(j);
    }
    let header_set: HashSet<usize> = headers.iter().copied().collect();
    let mut found = Vec::new();
    let mut found_set = HashSet::new();
    for &h in headers {
        let Some(hg) = lines[h].geometry else {
            continue;
        };
        for &j in &on_page[&lines[h].page] {
            let l = &lines[j];
            let Some(g) = l.geometry else { continue };
            if j != h
                && !header_set.contains(&j)
                && !found_set.contains(&j)
                && (g.baseline - hg.baseline).abs() < 0.3 * hg.font_size.max(1.0)
                && words(&l.plain()) <= 8
                && !ends_with_sentence(&l.plain())
            {
                found.push(j);
                found_set.insert(j);
            }
        }
    }
    found
}

fn ends_with_sentence(t: &str) -> bool {
    t.trim_end().ends_with(['.', '!', '?']) && words(t) > 4
}

/// Adds a role or affiliation line to an author: a line naming a position is the role,
/// a line naming an organisation the affiliation; "Role, Organisation" is split.
fn add_detail(author: &mut Contributor, line: &str) {
    let line = line.trim().trim_end_matches(',');
    if line.is_empty() {
        return;
    }
    if author.role.is_none() && is_role(line) {
        // "Senior Researcher, Welfare State Programme, The Institute" → role up to the
        // first part that names an organisation.
        let parts: Vec<&str> = line.split(", ").collect();
        let org_at = parts
            .iter()
            .enumerate()
            .skip(1)
            .find(|(_, p)| is_org(p) && !is_role(p))
            .map(|(k, _)| k);
        match org_at {
            Some(k) if parts.len() > 1 => {
                author.role = Some(parts[..k].join(", "));
                let aff = parts[k..].join(", ");
                author.affiliation = Some(match author.affiliation.take() {
                    Some(prev) => format!("{prev}, {aff}"),
                    None => aff,
                });
            }
            _ => author.role = Some(line.to_string()),
        }
    } else if author.affiliation.is_none() {
        if author.role.is_none() && !is_org(line) {
            author.role = Some(line.to_string());
        } else {
            author.affiliation = Some(line.to_string());
        }
    } else if let Some(aff) = author.affiliation.as_mut() {
        aff.push_str(", ");
        aff.push_str(line);
    }
}

/// The line after letterhead line `i` when it continues the letterhead: capitals in the
/// same type, directly below (PDF geometry).
fn letterhead_second_line(
    zone: &[TextLine],
    texts: &[String],
    roles: &[Role],
    i: usize,
) -> Option<usize> {
    let k = i + 1;
    let (a, b) = (zone.get(i)?.geometry?, zone.get(k)?.geometry?);
    let text = texts.get(k)?;
    let same_type = (a.font_size - b.font_size).abs() < 0.3;
    let tight = b.bbox.y0 - a.bbox.y1 < 0.6 * a.font_size;
    (same_type
        && tight
        && is_upper(text)
        && words(text) <= 8
        && matches!(roles[k], Role::Other | Role::Letterhead))
    .then_some(k)
}

struct Reader<'a, 'r> {
    zone: &'a [TextLine],
    texts: &'a [String],
    roles: &'a [Role],
    tb: &'a mut TitleBlock,
    report: &'r mut Report,
}

impl Reader<'_, '_> {
    fn use_line(&mut self, i: usize) {
        self.tb.consumed.push(i);
    }

    /// Takes a metadata line other than title and authors; false when the line is not one.
    fn take_meta(&mut self, i: usize, dict: &WordCase) -> bool {
        let text = self.texts[i].trim();
        let meta = &mut self.tb.metadata;
        match self.roles[i] {
            Role::Contact | Role::Legal => {
                self.report.push(
                    Action::new(ActionKind::ContactLine)
                        .page(self.zone[i].page)
                        .lines([self.zone[i].source_line])
                        .before(text.to_string())
                        .evidence(if self.roles[i] == Role::Contact {
                            "contact line in the title block"
                        } else {
                            "registration or rights line in the title block"
                        }),
                );
            }
            Role::DocType if meta.doc_type.is_none() => {
                meta.doc_type = Some(title_case(text, dict));
            }
            Role::Letterhead if meta.publisher.is_none() => {
                let segments = columns_of(text);
                let head = segments
                    .iter()
                    .map(|(_, s)| s.as_str())
                    .find(|s| role_of(s) == Role::Letterhead)
                    .unwrap_or(text);
                let mut name = split_contact_tail(head).0.to_string();
                // A letterhead wrapped after "AND" / "FOR" continues on the next line.
                if [" AND", " FOR", " OF", " THE", " &"]
                    .iter()
                    .any(|w| name.ends_with(w))
                {
                    // The continuation may sit below a contact line set beside it.
                    let next = (i + 1..self.texts.len().min(i + 4)).find(|&k| {
                        columns_of(&self.texts[k])
                            .first()
                            .is_some_and(|(_, s)| is_upper(s) && role_of(s) != Role::Contact)
                    });
                    if let Some(k) = next {
                        let cont = columns_of(&self.texts[k])[0].1.clone();
                        name = format!("{name} {cont}");
                        self.tb.consumed.push(k);
                        self.report.push(
                            Action::new(ActionKind::ContactLine)
                                .page(self.zone[k].page)
                                .lines([self.zone[k].source_line])
                                .before(self.texts[k].clone())
                                .evidence("letterhead continued beside contact details"),
                        );
                    }
                } else if let Some(k) = letterhead_second_line(self.zone, self.texts, self.roles, i)
                {
                    // PDF: the letterhead set over two lines in one type (same size,
                    // tight leading): "INSTITUTE FOR TROPICAL" / "LANDSCAPES AND POLICY".
                    name = format!("{name} {}", self.texts[k].trim());
                    self.tb.consumed.push(k);
                } else if let Some(h) = i.checked_sub(1).filter(|&h| {
                    self.roles[h] == Role::Other
                        && is_upper(&self.texts[h])
                        && !self.tb.consumed.contains(&h)
                        && letterhead_second_line(self.zone, self.texts, self.roles, h) == Some(i)
                }) {
                    // The same, with the organisation word on the second line:
                    // "ANDEAN URBAN RESEARCH" / "NETWORK".
                    name = format!("{} {name}", self.texts[h].trim());
                    self.tb.consumed.push(h);
                }
                self.tb.metadata.publisher = Some(publisher_name(&name, dict));
            }
            Role::Editor => {
                if let Some(c) = editor_names(text) {
                    meta.editors
                        .extend(split_names(c).into_iter().map(Contributor::named));
                }
            }
            Role::Date if meta.date.is_none() => meta.date = parse_date_line(text),
            Role::Disclaimer if meta.rights.is_none() => meta.rights = Some(text.to_string()),
            _ => return false,
        }
        self.tb.consumed.push(i);
        true
    }
}

/// Whether a line cannot be a title: a number, a field label ("E-mail Addresses:"), or
/// mostly digits (a grant or report number).
fn is_label_or_number(t: &str) -> bool {
    let t = t.trim();
    let letters = t.chars().filter(|c| c.is_alphabetic()).count();
    let digits = t.chars().filter(|c| c.is_ascii_digit()).count();
    letters < 3 || digits * 2 > letters || t.ends_with(':')
}

/// Whether a line ends on a dash set apart from its last word ("Government of India –");
/// a word broken by a hyphen ("Insur-") does not count.
fn ends_on_a_dash(t: &str) -> bool {
    let mut tail = t.trim_end().chars().rev();
    matches!(tail.next(), Some('-' | '–' | '—')) && tail.next().is_some_and(char::is_whitespace)
}

/// Whether a line belongs to a table of contents: the word "Contents" alone, or an entry
/// with a dot leader ("ARTS & LEISURE. . .", "Travel ....... 4"). An ellipsis of three
/// dots in a title is not a leader.
fn is_contents_line(t: &str) -> bool {
    let t = t.trim();
    let bare = t.trim_end_matches(':').to_ascii_lowercase();
    if matches!(
        bare.as_str(),
        "contents" | "table of contents" | "in this issue"
    ) {
        return true;
    }
    let squeezed: String = t.chars().filter(|c| *c != ' ').collect();
    squeezed.contains("....") || t.contains(". . .")
}

/// A title without an author line under it must be set in larger type than the page's
/// body text (a form's field label or a table's header row is not a title).
const TITLE_SIZE_RATIO: f32 = 1.15;

/// Type sizes of the title zone's lines and of the first page's body text (PDF input).
struct TitleSizes {
    /// Font size per zone line, when the line has geometry.
    line: Vec<Option<f32>>,
    /// The size most of the first page's characters are set in.
    body: Option<f32>,
}

impl TitleSizes {
    fn new(lines: &[TextLine], zone: &[TextLine]) -> Self {
        let mut by_size: Vec<(f32, usize)> = Vec::new();
        for l in lines.iter().take_while(|l| l.page <= 1) {
            if let Some(g) = l.geometry {
                let n = l.text.chars().filter(|c| !c.is_whitespace()).count();
                match by_size
                    .iter_mut()
                    .find(|(s, _)| (s - g.font_size).abs() < 0.25)
                {
                    Some(entry) => entry.1 += n,
                    None => by_size.push((g.font_size, n)),
                }
            }
        }
        let body = by_size
            .iter()
            .max_by_key(|(_, n)| *n)
            .map(|(s, _)| *s)
            .filter(|s| *s > 0.0);
        TitleSizes {
            line: zone
                .iter()
                .map(|l| l.geometry.map(|g| g.font_size))
                .collect(),
            body,
        }
    }

    /// Whether line `i` stands out from the body text by size (always, without geometry).
    fn set_apart(&self, i: usize) -> bool {
        match (self.line[i], self.body) {
            (Some(size), Some(body)) => size >= body * TITLE_SIZE_RATIO,
            _ => true,
        }
    }

    /// Whether line `i` is set in the same type size as line `first` (always, without
    /// geometry): a title does not run on into smaller author or affiliation lines.
    fn same_size(&self, first: usize, i: usize) -> bool {
        match (self.line[first], self.line[i]) {
            (Some(a), Some(b)) => (a - b).abs() <= a * 0.1,
            _ => true,
        }
    }
}

/// Indexes of the title's lines.
fn find_title(
    texts: &[String],
    roles: &[Role],
    sizes: &TitleSizes,
    by_line: Option<usize>,
) -> Vec<usize> {
    // A contents list starts below the title: its entries are never the title.
    let contents = texts
        .iter()
        .position(|t| is_contents_line(t))
        .unwrap_or(texts.len());
    let is_candidate = |i: usize| {
        i < contents
            && matches!(roles[i], Role::Other | Role::Name)
            && !is_address_like(&texts[i])
            && !is_label_or_number(&texts[i])
    };
    if let Some(a) = by_line {
        // The run of candidate lines just above the author line (blank lines allowed).
        let mut run: Vec<usize> = Vec::new();
        for i in (0..a).rev() {
            match roles[i] {
                Role::Blank => continue,
                _ if is_candidate(i) => run.push(i),
                _ if run.is_empty() => continue,
                _ => break,
            }
        }
        run.reverse();
        // A line above the title in smaller type is a kicker ("Open Access", "Original
        // article"), not the title's first line.
        let largest = run
            .iter()
            .filter_map(|&i| sizes.line[i])
            .fold(0.0, f32::max);
        let kickers = run
            .iter()
            .take_while(|&&i| sizes.line[i].is_some_and(|s| s < largest * 0.9))
            .count();
        run.drain(..kickers);
        // A line that only repeats the end of the line above adds nothing (a copy of the
        // title's last word set elsewhere on the page and read in between).
        let repeats: Vec<usize> = run
            .windows(2)
            .filter(|w| {
                let (above, line) = (texts[w[0]].trim_end(), texts[w[1]].trim());
                !line.is_empty() && above.ends_with(line)
            })
            .map(|w| w[1])
            .collect();
        run.retain(|i| !repeats.contains(i));
        // Keep the caps title and one subtitle line; older lines above are not title.
        // A title set in one large type may run to five lines.
        let one_type = match run.last() {
            Some(&last) if sizes.line[last].is_some() => run
                .iter()
                .rev()
                .take_while(|&&i| sizes.line[i].is_some() && sizes.same_size(last, i))
                .count(),
            _ => 0,
        };
        let keep = one_type.clamp(4, MAX_TITLE_RUN);
        if run.len() > keep {
            run.drain(..run.len() - keep);
        }
        return run;
    }
    // No author line: the first run of capitals, else the first title-shaped line.
    let caps = (0..texts.len()).find(|&i| {
        is_candidate(i) && is_upper(&texts[i]) && words(&texts[i]) >= 2 && sizes.set_apart(i)
    });
    let first = caps.or_else(|| {
        (0..texts.len()).find(|&i| {
            is_candidate(i)
                && sizes.set_apart(i)
                // A name set apart in large type is a heading, not a credit.
                && (roles[i] != Role::Name || sizes.line[i].is_some())
                && !texts[i].trim_end().ends_with(['.', ',', ';'])
                && words(&texts[i]) <= 25
                // One word printed alone in plain text ("SECTIONS") is too little
                // evidence of a title; type size would be.
                && (words(&texts[i]) >= 2 || sizes.line[i].is_some())
                // "Government of India –": a phrase left hanging on a dash leads into
                // what follows; a title does not.
                && !ends_on_a_dash(&texts[i])
        })
    });
    let Some(first) = first else {
        return Vec::new();
    };
    let mut run = vec![first];
    if caps.is_none() {
        // A mixed-case title: lines that continue it (the first did not end with ?, ! or
        // :), then one subtitle line when it ended with ? or !.
        let mut last = first;
        for i in first + 1..texts.len() {
            if roles[i] == Role::Blank {
                break;
            }
            let prev = texts[last].trim_end();
            let fits = roles[i] == Role::Other
                && is_candidate(i)
                && sizes.same_size(first, i)
                && !texts[i].trim_end().ends_with(['.', ',', ';'])
                && words(&texts[i]) <= 20
                && (super::classify::title_like(&texts[i])
                    || texts[i].starts_with(|c: char| c.is_lowercase()));
            if !fits {
                break;
            }
            run.push(i);
            last = i;
            if prev.ends_with(['?', '!', ':']) || run.len() >= 3 {
                break;
            }
        }
        // Plain text has no type size to set a mixed-case title apart; its neighbours
        // must: above it the top of the text, a blank line or a line the title block
        // explains (letterhead, document type, contact); below it a blank line, a credit
        // or a date. A first line that runs straight into a form, a contact line or a paragraph
        // is not a title.
        let above = first == 0 || roles[first - 1] != Role::Other;
        // A lower-case line under the run is the title's wrapped tail ("of Phoenix
        // paludosa Roxb."): what stands under that decides.
        let last = (last + 1..texts.len())
            .take_while(|&k| texts[k].trim_start().starts_with(char::is_lowercase))
            .last()
            .unwrap_or(last);
        let below = roles.get(last + 1).is_none_or(|r| {
            matches!(
                r,
                Role::Blank | Role::Author | Role::Editor | Role::Date | Role::Name
            )
        }) || texts.get(last + 1).is_some_and(|t| opens_with_person(t));
        if sizes.line[first].is_none() && !(above && below) {
            return Vec::new();
        }
        return run;
    }
    for i in first + 1..texts.len() {
        match roles[i] {
            Role::Blank => continue,
            Role::Other
                if caps.is_some()
                    && is_upper(&texts[i])
                    && sizes.same_size(first, i)
                    && is_candidate(i) =>
            {
                run.push(i)
            }
            // One subtitle line after a capitals title.
            Role::Other
                if caps.is_some() && run.len() == 1
                    || caps.is_some() && run.iter().all(|&k| is_upper(&texts[k])) =>
            {
                // A subtitle stands out from the body and ends where its line does: a
                // body-size line whose sentence runs on into the next is the text's start.
                let runs_on = texts[i + 1..]
                    .iter()
                    .find(|t| !t.trim().is_empty())
                    .is_some_and(|t| crate::rich::plain(t).starts_with(char::is_lowercase));
                if is_candidate(i)
                    && !texts[i].trim_end().ends_with('.')
                    && words(&texts[i]) <= 20
                    && sizes.set_apart(i)
                    && !runs_on
                {
                    run.push(i);
                }
                break;
            }
            _ => break,
        }
    }
    run
}

/// Whether zone line `i` (a name) is part of a form or table rather than a credit: it
/// shares its baseline with a line that is not a name ("Insured name  Gabriel Diaz"), or
/// the line under it has a name beside it ("Customer Information" over such a row).
fn in_form_row(zone: &[TextLine], roles: &[Role], i: usize) -> bool {
    let partners = |k: usize| -> Vec<usize> {
        let Some(g) = zone[k].geometry else {
            return Vec::new();
        };
        (0..zone.len())
            .filter(|&j| {
                j != k
                    && zone[j].page == zone[k].page
                    && zone[j]
                        .geometry
                        .is_some_and(|h| (h.baseline - g.baseline).abs() < 1.0)
            })
            .collect()
    };
    if partners(i).iter().any(|&j| roles[j] != Role::Name) {
        return true;
    }
    // Names side by side have their details side by side; a name beside the detail line
    // is a field's value.
    let next = (i + 1..zone.len()).find(|&k| roles[k] != Role::Blank);
    next.is_some_and(|k| partners(k).iter().any(|&j| roles[j] == Role::Name))
}

/// Most lines one title spans.
const MAX_TITLE_RUN: usize = 5;

/// The lines (blank lines skipped) that print `declared` and little else.
fn printed_run(texts: &[String], declared: &str) -> Option<Vec<usize>> {
    let want = super::declared::squash(declared);
    if want.is_empty() {
        return None;
    }
    // A few characters more than the declared title: "The", a trailing mark.
    let slack = 4 + want.len() / 5;
    for start in 0..texts.len() {
        let mut got = String::new();
        let mut run = Vec::new();
        for (i, text) in texts.iter().enumerate().skip(start) {
            let sq = super::declared::squash(text);
            if sq.is_empty() {
                if run.is_empty() {
                    break;
                }
                continue;
            }
            got.push_str(&sq);
            run.push(i);
            if got.len() > want.len() + slack || run.len() > MAX_TITLE_RUN {
                break;
            }
            // Only a short word ("The") may come before the declared title.
            if got.find(&want).is_some_and(|at| at <= 4) {
                return Some(run);
            }
        }
    }
    None
}

/// The title's text for a declared title printed on `run`: the declared form when the
/// page prints exactly its words, else the printed lines (capitals turned to title case).
fn declared_title_text(declared: &str, run: &[usize], texts: &[String], dict: &WordCase) -> String {
    let lines: Vec<&str> = run.iter().map(|&i| texts[i].as_str()).collect();
    let printed = join_lines(&lines);
    if super::declared::squash(&printed) == super::declared::squash(declared) {
        return declared.trim().to_string();
    }
    if is_upper(&printed) {
        title_case(&printed, dict)
    } else {
        printed
    }
}

/// The publisher's name from a letterhead line: series names after a dash or bar dropped,
/// capitals turned to title case.
fn publisher_name(line: &str, dict: &WordCase) -> String {
    let parts: Vec<&str> = line
        .split(['—', '–', '|'])
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect();
    let best = parts
        .iter()
        .find(|p| is_org(p))
        .copied()
        .unwrap_or(line.trim());
    if is_upper(best) {
        title_case(best, dict)
    } else {
        best.to_string()
    }
}

/// The title from its lines (rejoined, de-hyphenated, capitals turned to title case); a
/// line in a different case after an all-capitals title is the subtitle.
fn title_and_subtitle(
    zone: &[TextLine],
    texts: &[String],
    roles: &[Role],
    idx: &[usize],
    by_line: Option<usize>,
    dict: &WordCase,
) -> (String, Option<String>, Vec<usize>) {
    let _ = (zone, roles, by_line);
    let caps: Vec<bool> = idx.iter().map(|&i| is_upper(&texts[i])).collect();
    let split = if caps[0] {
        caps.iter().position(|c| !c)
    } else {
        // "Who Saves for the Self-Employed?" then a subtitle line.
        idx.iter()
            .position(|&i| texts[i].trim_end().ends_with(['?', '!']))
            .map(|k| k + 1)
            .filter(|&k| k < idx.len())
    };
    let (title_idx, sub_idx) = match split {
        Some(k) if k > 0 => (&idx[..k], &idx[k..]),
        _ => (idx, &idx[idx.len()..]),
    };
    let title_lines: Vec<&str> = title_idx.iter().map(|&i| texts[i].as_str()).collect();
    let title = join_lines(&title_lines);
    let title = if is_upper(&title) {
        title_case(&title, dict)
    } else {
        title
    };
    let sub_lines: Vec<&str> = sub_idx.iter().map(|&i| texts[i].as_str()).collect();
    let subtitle = Some(join_lines(&sub_lines)).filter(|s| !s.is_empty());
    (title, subtitle, idx.to_vec())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn block(text: &str) -> (TitleBlock, Report) {
        let lines: Vec<TextLine> = text
            .split('\n')
            .enumerate()
            .map(|(i, l)| TextLine::new(l, 1, i + 1))
            .collect();
        let mut r = Report::default();
        let dict = WordCase::from_lines(&lines);
        (extract(&lines, &dict, None, &mut r), r)
    }

    const BODY: &str =
        "The opening paragraph of the body has plenty of words in it to count as prose.";

    #[test]
    fn seed_like_title_block() {
        let text = format!(
            "\n\nPOLICY BRIEF\n\nHARBOUR INSTITUTE FOR OCEAN AFFAIRS\n\nWeb: www.example.org\n\nPhone: +1-555-0100 Fax: +1-555-0101\n\nTIDES OF TRADE: PORT CONGESTION IN WEST AFRICA\n\nBy Amara Okafor and Jean Dupont\n\nSenior Fellow\nOcean Economics Programme, HIOA\n\nEdited by **Dr Priya Raman**\n\n16 March 2025\n\n(Views expressed are those of the authors alone)\n\n{BODY}"
        );
        let (tb, r) = block(&text);
        let m = &tb.metadata;
        assert_eq!(m.doc_type.as_deref(), Some("Policy Brief"));
        assert_eq!(
            m.publisher.as_deref(),
            Some("Harbour Institute for Ocean Affairs")
        );
        assert_eq!(
            m.title.as_deref(),
            Some("Tides of Trade: Port Congestion in West Africa")
        );
        assert_eq!(
            m.authors
                .iter()
                .map(|a| a.name.as_str())
                .collect::<Vec<_>>(),
            ["Amara Okafor", "Jean Dupont"]
        );
        assert_eq!(m.authors[1].role.as_deref(), Some("Senior Fellow"));
        assert_eq!(
            m.authors[1].affiliation.as_deref(),
            Some("Ocean Economics Programme, HIOA")
        );
        assert_eq!(m.editors[0].name, "Dr Priya Raman");
        assert_eq!(
            m.date.as_ref().and_then(|d| d.iso()).as_deref(),
            Some("2025-03-16")
        );
        assert!(m.rights.as_deref().unwrap().starts_with("(Views"));
        assert_eq!(r.count(ActionKind::ContactLine), 2);
        assert!(
            !tb.consumed.iter().any(|&i| i >= 26),
            "body line not consumed"
        );
    }

    #[test]
    fn mixed_case_title_over_two_lines_with_hyphenation_and_two_by_lines() {
        let text = format!(
            "SCHOOL OF POLICY — WORKING PAPER SERIES\nRESEARCH ARTICLE\nWorking in the Rain: Crop Insur-\nance in Two Valleys\nBy Ana Silva\nDepartment of Economics, School of Policy\nBy Tomás Ruiz\nClimate Lab, Andes University\nNovember 2024\nAbstract\n{BODY}"
        );
        let (tb, _) = block(&text);
        let m = &tb.metadata;
        assert_eq!(m.publisher.as_deref(), Some("School of Policy"));
        assert_eq!(m.doc_type.as_deref(), Some("Research Article"));
        assert_eq!(
            m.title.as_deref(),
            Some("Working in the Rain: Crop Insurance in Two Valleys")
        );
        assert_eq!(m.authors.len(), 2);
        assert_eq!(
            m.authors[0].affiliation.as_deref(),
            Some("Department of Economics, School of Policy")
        );
        assert_eq!(
            m.date.as_ref().and_then(|d| d.iso()).as_deref(),
            Some("2024-11")
        );
        assert!(!tb.consumed.contains(&9), "Abstract stays in the body");
    }

    #[test]
    fn caps_title_with_mixed_case_subtitle() {
        let text = format!(
            "ISSUE BRIEF\n\nCHIPS AND CHOKEPOINTS\n\nHow Export Controls Reshape Supply Chains\n\nBy Lee Min-jun\n\nMay 2, 2024\n\n{BODY}"
        );
        let (tb, _) = block(&text);
        assert_eq!(tb.metadata.title.as_deref(), Some("Chips and Chokepoints"));
        assert_eq!(
            tb.metadata.subtitle.as_deref(),
            Some("How Export Controls Reshape Supply Chains")
        );
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

    fn placed(text: &str, page: usize, n: usize, x0: f32, baseline: f32) -> TextLine {
        let mut l = crate::lines::test_placed(text, page, x0, x0 + 150.0, baseline, 9.0);
        l.source_line = n;
        l
    }

    #[test]
    fn branding_lines_take_their_baseline_partner_but_not_note_urls() {
        let meta = Metadata {
            doc_type: Some("Research Note".into()),
            publisher: Some("Gulf Centre for Digital Studies".into()),
            ..Default::default()
        };
        let mut lines = vec![
            placed("Opening paragraph of the note.", 1, 1, 50.0, 100.0),
            placed("GCSDS Research Note 2024/05", 2, 2, 50.0, 40.0),
            placed("Digital Infrastructure Programme", 2, 3, 400.0, 40.3),
            placed(
                "Body text that continues on the second page",
                2,
                4,
                50.0,
                80.0,
            ),
            placed(
                "2023. https://www.example.ae/research-notes/cables-and-clouds",
                2,
                5,
                50.0,
                780.0,
            ),
        ];
        let mut report = Report::default();
        remove_branding_lines(&mut lines, &meta, &mut report);
        let left: Vec<usize> = lines.iter().map(|l| l.source_line).collect();
        assert_eq!(left, vec![1, 4, 5]);
        assert_eq!(report.actions.len(), 2);
    }

    #[test]
    fn a_wrapped_address_takes_its_last_words_along() {
        let address = placed(
            "Tower 3, Level 21, Abu Dhabi, United Arab",
            1,
            1,
            300.0,
            60.0,
        );
        let tail = placed("Emirates", 1, 2, 480.0, 68.0);
        assert!(is_address_tail(&address, &tail));
        let sentence = placed("This paragraph ends here.", 1, 2, 300.0, 68.0);
        assert!(!is_address_tail(&address, &sentence));
        let mut big = tail.clone();
        big.geometry.as_mut().unwrap().font_size = 19.0;
        assert!(!is_address_tail(&address, &big));
    }

    #[test]
    fn letterhead_over_two_lines_with_the_organisation_word_second() {
        let sized = |text: &str, n: usize, size: f32, y: f32| {
            let mut l = placed(text, 1, n, 65.0, y);
            let g = l.geometry.as_mut().unwrap();
            g.font_size = size;
            g.bbox.y0 = y - size;
            l
        };
        let lines = vec![
            sized("ANDEAN URBAN RESEARCH", 1, 12.5, 76.0),
            sized("NETWORK", 2, 12.5, 91.0),
            sized("RESEARCH NOTE", 3, 9.5, 118.0),
            sized("Fares and Buses in Three Capitals", 4, 17.0, 140.0),
            sized("By Camila Restrepo", 5, 10.5, 180.0),
            sized(BODY, 6, 10.5, 200.0),
        ];
        let mut r = Report::default();
        let tb = extract(&lines, &WordCase::from_lines(&lines), None, &mut r);
        assert_eq!(
            tb.metadata.publisher.as_deref(),
            Some("Andean Urban Research Network")
        );
        assert!(tb.consumed.contains(&0) && tb.consumed.contains(&1));
    }

    #[test]
    fn a_contents_page_gives_no_title() {
        // A newspaper's section index: capitals with dot leaders, a date above, no credit.
        let text = format!(
            "SECTIONS\n2\n14\nSUNDAY, NOVEMBER 4, 2007\nCONTENTS\nARTS & LEISURE. . .\nHOLIDAY MOVIES .\nBUSINESS ....\nNEW JERSEY WEEKLY\nLONG ISLAND WEEKLY .\n{BODY}"
        );
        let (tb, _) = block(&text);
        assert_eq!(tb.metadata.title, None, "{:?}", tb.metadata);
        assert!(tb.consumed.iter().all(|&i| i < 4), "{:?}", tb.consumed);
    }

    #[test]
    fn a_title_above_the_contents_list_is_still_the_title() {
        let text = format!(
            "ANNUAL REVIEW OF HARBOUR TRADE\n\nContents\nForeword ........ 2\nThe year in numbers ........ 4\n{BODY}"
        );
        let (tb, _) = block(&text);
        assert_eq!(
            tb.metadata.title.as_deref(),
            Some("Annual Review of Harbour Trade")
        );
        // An ellipsis of three dots is not a leader.
        assert!(!is_contents_line("Wait for it... The Long Pause"));
        assert!(is_contents_line("Travel ....... 4"));
    }

    #[test]
    fn plain_text_mixed_case_title_needs_blank_lines_around_it() {
        // A form's first row, straight above more rows: not a title.
        let form = format!(
            "Insured name Gabriel Diaz Year 2022\nClaim # SF-1008 Make Jeep\nPolicy # POL-2022-555 Model Grand Cherokee\nPhone (425) 111-1111 Trim Limited\nColor White\n{BODY}"
        );
        let (tb, _) = block(&form);
        assert_eq!(tb.metadata.title, None, "{:?}", tb.metadata);
        assert!(tb.metadata.authors.is_empty(), "{:?}", tb.metadata.authors);
        // A heading-like phrase left on a dash leads into the text below.
        let (tb, _) = block(&format!("Government of India -\n\n{BODY}"));
        assert_eq!(tb.metadata.title, None);
        // Set apart by blank lines, under a document type, or with a date under it, it is
        // the title.
        let (tb, _) = block(&format!(
            "POLICY PAPER\nWho Saves for the Self-Employed?\nIngrid Solheim* and Tobias Reuter†\n{BODY}"
        ));
        assert_eq!(
            tb.metadata.title.as_deref(),
            Some("Who Saves for the Self-Employed?")
        );
        let (tb, _) = block(&format!("\nWorking in the Rain\n\n{BODY}"));
        assert_eq!(tb.metadata.title.as_deref(), Some("Working in the Rain"));
        let (tb, _) = block(&format!("Working in the Rain\nNovember 2024\n{BODY}"));
        assert_eq!(tb.metadata.title.as_deref(), Some("Working in the Rain"));
        // An author list with affiliation marks right under it.
        let (tb, _) = block(&format!(
            "Phytochemical and Biological investigations\nof Phoenix paludosa Roxb.\nFarzana Alam1\n, Mohammad S. Rahman2\n{BODY}"
        ));
        assert!(
            tb.metadata
                .title
                .as_deref()
                .is_some_and(|t| t.starts_with("Phytochemical and Biological")),
            "{:?}",
            tb.metadata
        );
        assert!(!opens_with_person(
            "Policy # POL-2022-555 Model Grand Cherokee"
        ));
        assert!(opens_with_person("Xiaolu Huang,1,2 Xinhua Qu,1,2"));
        assert!(!ends_on_a_dash("Crop Insur-"));
        assert!(ends_on_a_dash("Government of India –"));
    }

    #[test]
    fn side_by_side_headings_over_a_form_are_not_authors() {
        let text = format!(
            "          Customer Information                    Vehicle Information\nInsured name     Gabriel Diaz               Year       2022\nClaim #          SF-1008                    Make       Jeep\n{BODY}"
        );
        let (tb, _) = block(&text);
        assert!(tb.metadata.authors.is_empty(), "{:?}", tb.metadata.authors);
        // Two authors side by side, one role under each, stay authors.
        let text = format!(
            "WORKING IN THE RAIN\n\n          Ana Silva                    Tomás Ruiz\n          Senior Fellow                Research Associate\n{BODY}"
        );
        let (tb, _) = block(&text);
        assert_eq!(tb.metadata.authors.len(), 2, "{:?}", tb.metadata);
    }

    #[test]
    fn a_form_row_with_a_number_like_a_phone_is_not_a_contact_line() {
        assert_eq!(
            role_of(
                "Order / Rev:            2024-12-5678              Cinema:          Downtown Multiplex"
            ),
            Role::Other
        );
        assert_eq!(
            role_of("Phone:            +47 22 41 80 00              Fax:          +47 22 41 80 01"),
            Role::Contact
        );
    }
}
