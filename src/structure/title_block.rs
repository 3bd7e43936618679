//! The title block at the top of the first page: document type, letterhead (publisher),
//! title and subtitle, authors with their role and affiliation lines, editor, date and
//! disclaimer. Contact lines there leave the body and are reported.
//!
//! The author line ("By …") is the anchor: the title is what stands between the letterhead
//! and it. Recognised lines are consumed; anything the title block does not explain (an
//! "Abstract" heading, a stray caption) stays in the body.

use std::sync::LazyLock;

use regex::Regex;

use crate::clean::furniture::is_contact_line;
use crate::date::parse_date_line;
use crate::lines::TextLine;
use crate::model::{Contributor, Metadata};
use crate::report::{Action, ActionKind, Report};
use crate::rich;

use super::casing::{WordCase, title_case};
use super::text::{join_lines, words};

static DOC_TYPE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?ix)^(?:[a-z&-]+\s+){0,3}
        (?:brief|briefing|paper|report|note|commentary|memo|memorandum|article|insight|insights|update|analysis|perspective|spotlight|explainer|primer|factsheet|fact\s+sheet|backgrounder|working\s+paper|issue\s+brief|policy\s+brief)s?
        (?:\s*(?:no\.?|number|\#|vol\.?)\s*[\w./-]+)?(?:\s*[|,:–—-]\s*[\w\s./-]{0,30})?$",
    )
    .expect("valid regex")
});
static ORG_WORD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\b(?:institute|institution|centre|center|school|foundation|trust|council|forum|society|association|academy|university|college|observatory|network|initiative|commission|agency|bureau|group|lab|laboratory|partnership|alliance|fund|board|ministry|department|programme|program|consortium|project|office|organi[sz]ation|think\s+tank|studies)\b",
    )
    .expect("valid regex")
});
static AUTHOR_LINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:by|written\s+by|authors?\s*:|prepared\s+by)\s*:?\s+(.+)$")
        .expect("valid regex")
});
static EDITOR_LINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^(?:edited\s+by|editors?\s*:|series\s+editors?\s*:|reviewed\s+by)\s*:?\s+(.+)$",
    )
    .expect("valid regex")
});
static ROLE_WORD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\b(?:associate|fellow|director|professor|officer|analyst|researcher|lecturer|head|chair|manager|coordinator|co-ordinator|adviser|advisor|consultant|economist|scientist|student|candidate|president|minister|secretary|specialist|expert|assistant|intern|editor|founder|lead|leader|representative|ambassador|scholar|partner|principal|dean|chief)\b",
    )
    .expect("valid regex")
});
static DISCLAIMER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)(?:views?\s+expressed|opinions?\s+(?:expressed|in\s+this)|do(?:es)?\s+not\s+(?:necessarily\s+)?(?:reflect|represent)|are\s+(?:those\s+of\s+the\s+authors?|the\s+authors?['’]s?\s+own)|circulated\s+for\s+discussion|not\s+been\s+peer[-\s]reviewed|personal\s+capacity|disclaimer|all\s+rights\s+reserved|©|copyright)",
    )
    .expect("valid regex")
});

/// Index of the first line of the body: the first prose line (a sentence of at least ten
/// words). Lines before it on page 1 are the title block, which the metadata stage reads.
pub fn title_zone_end(lines: &[TextLine]) -> usize {
    lines
        .iter()
        .position(|l| {
            let t = l.plain();
            let words = t.split_whitespace().count();
            l.page > 1
                || (words >= 12
                    && !is_contact_line(&t)
                    && !is_disclaimer(&t)
                    && t.chars().filter(|c| c.is_lowercase()).count() * 2 > t.len())
        })
        .unwrap_or(lines.len())
}

/// Whether a line is a disclaimer or rights statement.
fn is_disclaimer(t: &str) -> bool {
    DISCLAIMER.is_match(t)
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
    Other,
}

fn role_of(text: &str) -> Role {
    let t = text.trim();
    if t.is_empty() {
        return Role::Blank;
    }
    if is_contact_line(t) {
        return Role::Contact;
    }
    if AUTHOR_LINE.is_match(t) && !t.ends_with('.') {
        return Role::Author;
    }
    if EDITOR_LINE.is_match(t) {
        return Role::Editor;
    }
    if parse_date_line(t).is_some() {
        return Role::Date;
    }
    if is_disclaimer(t) {
        return Role::Disclaimer;
    }
    if words(t) <= 6 && DOC_TYPE.is_match(t) {
        return Role::DocType;
    }
    if words(t) <= 14 && ORG_WORD.is_match(t) && is_upper(t) {
        return Role::Letterhead;
    }
    Role::Other
}

/// Whether the letters of `s` are (almost) all capitals.
pub fn is_upper(s: &str) -> bool {
    let letters: Vec<char> = s.chars().filter(|c| c.is_alphabetic()).collect();
    letters.len() >= 2
        && letters.iter().filter(|c| c.is_uppercase()).count() * 10 >= letters.len() * 9
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
                .trim_matches(|c: char| c == '*' || c == '_')
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

/// Reads the title block from the start of `lines`.
pub fn extract(lines: &[TextLine], dictionary: &WordCase, report: &mut Report) -> TitleBlock {
    let zone_end = title_zone_end(lines).min(lines.len());
    let zone = &lines[..zone_end];
    let roles: Vec<Role> = zone.iter().map(|l| role_of(&l.plain())).collect();
    let mut tb = TitleBlock::default();
    let meta = &mut tb.metadata;

    let first_author = roles.iter().position(|r| *r == Role::Author);
    // Where the title search starts: after the last letterhead/doc-type/contact line that
    // precedes the author line (or the whole zone when there is no author line).
    let title_limit = first_author.unwrap_or(zone.len());
    let mut title_start = 0;
    for (i, role) in roles.iter().enumerate().take(title_limit) {
        match role {
            Role::Contact => {
                report.push(
                    Action::new(ActionKind::ContactLine)
                        .page(zone[i].page)
                        .lines([zone[i].source_line])
                        .before(zone[i].plain())
                        .evidence("contact line in the title block"),
                );
                tb.consumed.push(i);
                title_start = i + 1;
            }
            Role::DocType if meta.doc_type.is_none() => {
                meta.doc_type = Some(title_case(&zone[i].plain(), dictionary));
                tb.consumed.push(i);
                title_start = i + 1;
            }
            Role::Letterhead if meta.publisher.is_none() => {
                meta.publisher = Some(publisher_name(&zone[i].plain(), dictionary));
                tb.consumed.push(i);
                title_start = i + 1;
            }
            Role::Date | Role::Editor | Role::Disclaimer | Role::Author => {}
            _ => {}
        }
    }

    // Title: the non-blank "other" lines between title_start and the author line. Without an
    // author line, the first run of "other" lines.
    let mut title_lines: Vec<usize> = Vec::new();
    for (i, role) in roles.iter().enumerate().take(title_limit).skip(title_start) {
        match role {
            Role::Other | Role::Letterhead | Role::DocType => title_lines.push(i),
            Role::Blank if !title_lines.is_empty() && first_author.is_none() => break,
            Role::Blank => {}
            Role::Contact => {}
            _ if !title_lines.is_empty() && first_author.is_none() => break,
            _ => {}
        }
    }
    if first_author.is_none() {
        if title_lines.len() > 3 {
            title_lines.truncate(2);
        }
        // Without an author line to anchor it, a title must look like one.
        let text: Vec<String> = title_lines.iter().map(|&i| zone[i].plain()).collect();
        let joined = text.join(" ");
        if joined.trim_end().ends_with(['.', ',', ';']) || words(&joined) > 25 {
            title_lines.clear();
        }
    }
    if !title_lines.is_empty() {
        let (title, subtitle) = title_and_subtitle(zone, &title_lines, dictionary);
        meta.title = Some(title);
        meta.subtitle = subtitle;
        tb.consumed.extend(&title_lines);
    }

    // After the title: authors, their role lines, editors, date, disclaimer.
    let mut last_used = title_lines.last().copied();
    if let Some(start) = first_author {
        let mut current: Option<usize> = None; // index into meta.authors of the author whose details follow
        let mut detail_lines = 0;
        for i in start..zone.len() {
            let text = zone[i].plain();
            match roles[i] {
                Role::Author => {
                    let caps = AUTHOR_LINE.captures(text.trim());
                    if let Some(c) = caps {
                        for name in split_names(&c[1]) {
                            meta.authors.push(Contributor::named(name));
                        }
                        current = Some(meta.authors.len() - 1);
                        detail_lines = 0;
                        tb.consumed.push(i);
                        last_used = Some(i);
                    }
                }
                Role::Editor => {
                    if let Some(c) = EDITOR_LINE.captures(text.trim()) {
                        meta.editors
                            .extend(split_names(&c[1]).into_iter().map(Contributor::named));
                    }
                    current = None;
                    tb.consumed.push(i);
                    last_used = Some(i);
                }
                Role::Date if meta.date.is_none() => {
                    meta.date = parse_date_line(&text);
                    current = None;
                    tb.consumed.push(i);
                    last_used = Some(i);
                }
                Role::Disclaimer if meta.rights.is_none() => {
                    meta.rights = Some(text.trim().to_string());
                    current = None;
                    tb.consumed.push(i);
                    last_used = Some(i);
                }
                Role::Contact => {
                    report.push(
                        Action::new(ActionKind::ContactLine)
                            .page(zone[i].page)
                            .lines([zone[i].source_line])
                            .before(text.clone())
                            .evidence("contact line in the title block"),
                    );
                    tb.consumed.push(i);
                }
                Role::Blank => {}
                Role::Other | Role::Letterhead
                    if current.is_some() && detail_lines < 3 && words(&text) <= 16 =>
                {
                    let Some(a) = current else { continue };
                    let author = &mut meta.authors[a];
                    let line = text.trim().to_string();
                    if author.role.is_none()
                        && (ROLE_WORD.is_match(&line) || !ORG_WORD.is_match(&line))
                        && author.affiliation.is_none()
                    {
                        author.role = Some(line);
                    } else if author.affiliation.is_none() {
                        author.affiliation = Some(line);
                    } else {
                        let aff = author.affiliation.get_or_insert_with(String::new);
                        aff.push_str(", ");
                        aff.push_str(&line);
                    }
                    detail_lines += 1;
                    tb.consumed.push(i);
                    last_used = Some(i);
                }
                _ => {
                    // A line the title block cannot explain: the body starts here.
                    break;
                }
            }
        }
    }
    // Date, editor or disclaimer lines before the author line (some layouts put the date
    // on top) are still metadata.
    for (i, role) in roles.iter().enumerate().take(first_author.unwrap_or(0)) {
        if tb.consumed.contains(&i) {
            continue;
        }
        let text = zone[i].plain();
        match role {
            Role::Date if meta.date.is_none() => {
                meta.date = parse_date_line(&text);
                tb.consumed.push(i);
            }
            Role::Editor => {
                if let Some(c) = EDITOR_LINE.captures(text.trim()) {
                    meta.editors
                        .extend(split_names(&c[1]).into_iter().map(Contributor::named));
                }
                tb.consumed.push(i);
            }
            _ => {}
        }
    }
    // Without an author line, still take a date and disclaimer that follow the title.
    if first_author.is_none()
        && let Some(last) = last_used
    {
        for i in last + 1..zone.len() {
            let text = zone[i].plain();
            match roles[i] {
                Role::Blank => {}
                Role::Date if meta.date.is_none() => {
                    meta.date = parse_date_line(&text);
                    tb.consumed.push(i);
                }
                Role::Disclaimer if meta.rights.is_none() => {
                    meta.rights = Some(text.trim().to_string());
                    tb.consumed.push(i);
                }
                Role::Editor => {
                    if let Some(c) = EDITOR_LINE.captures(text.trim()) {
                        meta.editors
                            .extend(split_names(&c[1]).into_iter().map(Contributor::named));
                    }
                    tb.consumed.push(i);
                }
                _ => break,
            }
        }
    }
    tb.consumed.sort_unstable();
    tb.consumed.dedup();
    for &i in &tb.consumed {
        let kind_is_contact = roles[i] == Role::Contact;
        if !kind_is_contact {
            report.push(
                Action::new(ActionKind::Metadata)
                    .page(zone[i].page)
                    .lines([zone[i].source_line])
                    .before(zone[i].plain())
                    .evidence(format!("title block: {:?}", roles[i]).to_lowercase()),
            );
        }
    }
    tb
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
        .find(|p| ORG_WORD.is_match(p))
        .copied()
        .unwrap_or(line.trim());
    if is_upper(best) {
        title_case(best, dict)
    } else {
        best.to_string()
    }
}

/// The title from its lines (rejoined, de-hyphenated, capitals turned to title case); a
/// last line in a different case from an all-caps title is the subtitle.
fn title_and_subtitle(
    zone: &[TextLine],
    idx: &[usize],
    dict: &WordCase,
) -> (String, Option<String>) {
    let texts: Vec<String> = idx.iter().map(|&i| rich::plain(&zone[i].text)).collect();
    let caps: Vec<bool> = texts.iter().map(|t| is_upper(t)).collect();
    let split = if caps[0] {
        caps.iter().position(|c| !c)
    } else {
        None
    };
    let (title_part, sub_part) = match split {
        Some(k) if k > 0 => (&texts[..k], Some(&texts[k..])),
        _ => (&texts[..], None),
    };
    let title = join_lines(title_part);
    let title = if is_upper(&title) {
        title_case(&title, dict)
    } else {
        title
    };
    let subtitle = sub_part.map(join_lines).filter(|s| !s.is_empty());
    (title, subtitle)
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
        (extract(&lines, &dict, &mut r), r)
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
}
