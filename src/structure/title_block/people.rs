//! Authors and editors: person names, affiliation marks, author lines laid out in
//! columns, and the biography lines that follow a name.

use super::*;

/// Name particles that stay in lower case inside a personal name.
pub(super) const PARTICLES: &[&str] = &[
    "de", "van", "von", "der", "den", "da", "di", "du", "al", "bin", "ibn", "la", "le", "dos",
    "das",
];
pub(super) const HONORIFIC_WORDS: &[&str] = &[
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
/// The legal forms a company's name ends in, without their dots ("Supertape B.V."): such
/// a name is no person's.
const LEGAL_FORMS: &[&str] = &[
    "BV", "NV", "GmbH", "AG", "Inc", "Ltd", "LLC", "LLP", "plc", "PLC", "Corp", "SA", "SpA", "Srl",
    "SARL", "SAS", "Pty", "A/S", "AB", "Oy",
];

/// Whether `word` is a company's legal form ("B.V.", "GmbH", "Inc.").
fn is_legal_form(word: &str) -> bool {
    LEGAL_FORMS.contains(&word.replace('.', "").as_str())
}

pub(super) fn is_person(t: &str) -> bool {
    let mut ws: Vec<&str> = t.split_whitespace().collect();
    if ws
        .first()
        .is_some_and(|w| HONORIFIC_WORDS.contains(&w.trim_end_matches('.')))
    {
        ws.remove(0);
    }
    (2..=5).contains(&ws.len())
        && !ws.last().is_some_and(|w| is_legal_form(w))
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
pub(super) fn opens_with_person(t: &str) -> bool {
    let t = t.trim();
    let end = t
        .find(|c: char| c.is_ascii_digit() || matches!(c, ',' | '*' | '†' | '‡' | ';'))
        .unwrap_or(t.len());
    let head = t[..end].split(" and ").next().unwrap_or("");
    end < t.len() && is_person(head.trim())
}

/// Whether a raised run is only affiliation marks: numbers, single letters and note
/// symbols, separated by commas ("1", "2,3", "a,b", "*", "1†").
pub(super) fn is_affiliation_mark(mark: &str) -> bool {
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
pub(super) fn marked_author_names(rich_text: &str) -> Option<Vec<MarkedName>> {
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

/// [`marked_author_names`] of each line of `texts` (rich text), where an author list that
/// wraps over up to [`WRAPPED_LIST_LINES`] lines is read whole: a name cut at the line's
/// end ("…, Corina" / "Forăscu⁵, …", "Paulo Ro-" / "cha⁹, …") fails the line on its own.
/// Each line of such a run carries a mark and the run ends on one (the last name's), so a
/// labelled affiliation line under the list is no part of it. The names go to the run's
/// first line; the others get an empty list (they are the list's too).
pub(super) fn marked_author_lists(texts: &[&str]) -> Vec<Option<Vec<MarkedName>>> {
    let mut out: Vec<Option<Vec<MarkedName>>> =
        texts.iter().map(|t| marked_author_names(t)).collect();
    let mut i = 0;
    while i < texts.len() {
        if out[i].is_some() || !texts[i].contains(rich::SUP_ON) {
            i += 1;
            continue;
        }
        let mut joined = texts[i].to_string();
        let mut found = None;
        for (k, next) in texts
            .iter()
            .enumerate()
            .take(i + WRAPPED_LIST_LINES)
            .skip(i + 1)
        {
            if !next.contains(rich::SUP_ON) {
                break;
            }
            joined = join_wrapped(&joined, next);
            if ends_on_mark(&joined)
                && let Some(names) = marked_author_names(&joined).filter(|n| n.len() >= 2)
            {
                found = Some((k, names));
                break;
            }
        }
        match found {
            Some((last, names)) => {
                out[i] = Some(names);
                for slot in &mut out[i + 1..=last] {
                    *slot = Some(Vec::new());
                }
                i = last + 1;
            }
            None => i += 1,
        }
    }
    out
}

/// An author list wraps over at most this many lines.
const WRAPPED_LIST_LINES: usize = 4;

/// Two lines of rich text as one: a word hyphenated at the line's end ("Ro-" / "cha") is
/// joined whole, else a space parts them.
fn join_wrapped(first: &str, next: &str) -> String {
    let plain_end = first.trim_end().trim_end_matches(rich::is_sentinel);
    let next_lower = next
        .chars()
        .find(|c| !rich::is_sentinel(*c) && !c.is_whitespace())
        .is_some_and(char::is_lowercase);
    if plain_end.ends_with('-') && next_lower {
        let cut = plain_end.len() - 1;
        let mut out = first[..cut].to_string();
        out.push_str(&first[plain_end.len()..].replace(' ', ""));
        out.push_str(next.trim_start());
        out
    } else {
        format!("{} {}", first.trim_end(), next.trim_start())
    }
}

/// Whether rich text ends inside or right after a raised run (its last name's mark).
fn ends_on_mark(text: &str) -> bool {
    text.chars()
        .rev()
        .find(|&c| c == rich::SUP_OFF || !(c.is_whitespace() || c == ',' || rich::is_sentinel(c)))
        == Some(rich::SUP_OFF)
}

/// A personal name and the affiliation labels raised after it.
pub(super) type MarkedName = (String, Vec<String>);

/// The single labels of a raised mark ("2,3" → "2", "3").
pub(super) fn mark_labels(mark: &str) -> Vec<String> {
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

/// Whether a line is one or more personal names ("Ana Silva", "A Silva* and B Ruiz†").
pub(super) fn is_person_list(t: &str) -> bool {
    // No one's name has "Report" or "Brief" in it ("Internet Report Link").
    if is_org(t) || is_upper(t) || is_role(t) || has_word(t, DOC_TYPE_NOUNS) {
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

/// The most lines one author list is read across: a large team's list wraps over ten
/// lines or more; a zone's whole text is no list.
const MAX_LIST_LINES: usize = 24;

/// An author list wrapped over lines `texts[i..]`: a line carries the list on when the
/// one before ends in a comma or "and", or breaks a name after its first word ("…, Jin
/// Xu, Jingren" over "Zhou, Jinze Bai, …"), and it opens with a capital, and every name
/// read so far but the last is a person's. The list up to the last line after which
/// every name is a person's, and the number of lines it takes, when more than one. A
/// wrapped list's later lines are more of its names, not the details (role,
/// affiliation) of the names above them.
pub(super) fn wrapped_person_list(texts: &[String], i: usize) -> Option<(String, usize)> {
    let person = |n: &str| is_person(n.trim_end_matches(['*', '∗', '†', '‡', '§']));
    let one_word = |n: &str| !n.contains(char::is_whitespace) && n.starts_with(char::is_uppercase);
    let mut joined = texts.get(i)?.trim().to_string();
    let mut whole = None;
    for n in 1..MAX_LIST_LINES {
        let Some(next) = texts.get(i + n).map(|t| t.trim()) else {
            break;
        };
        let names = split_names(&joined);
        let goes_on = joined.ends_with(',')
            || joined.ends_with(" and")
            || joined.ends_with('&')
            || names.last().is_some_and(|l| one_word(l));
        if !goes_on || !next.starts_with(char::is_uppercase) {
            break;
        }
        let longer = format!("{joined} {next}");
        let names = split_names(&longer);
        let Some((last, before)) = names.split_last() else {
            break;
        };
        if !before.iter().all(|n| person(n)) || !(person(last) || one_word(last)) {
            break;
        }
        joined = longer;
        if person(last) {
            whole = Some((joined.clone(), n + 1));
        }
    }
    whole
}

/// Authors set side by side in columns (pdftotext -layout): a row of names, then rows of
/// roles and affiliations aligned under them.
pub(super) struct AuthorColumns {
    /// (name, detail lines) per column.
    pub(super) people: Vec<(String, Vec<String>)>,
    /// Lines used, from the names row.
    pub(super) rows: usize,
}

pub(super) fn columns_of(line: &str) -> Vec<(usize, String)> {
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
pub(super) const CONTACT_LABELS: &[&str] = &[
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
pub(super) fn is_form_label(cell: &str) -> bool {
    let cell = cell.trim();
    cell.ends_with(':')
        && !CONTACT_LABELS.contains(&cell.trim_end_matches(':').trim().to_lowercase().as_str())
}

/// Whether a row of side-by-side headings (`texts[0]`, "Customer Information   Vehicle
/// Information" in layout text) heads a form: the row under it has more cells than it
/// has headings, a label and a value under each ("Insured name   Gabriel Diaz   Year
/// 2022"). Credits set side by side have one detail per name.
pub(super) fn heads_a_form(texts: &[String]) -> bool {
    let head = columns_of(texts[0].trim()).len();
    let next = texts[1..].iter().find(|t| !t.trim().is_empty());
    head >= 2 && next.is_some_and(|t| columns_of(t.trim()).len() > head)
}

pub(super) fn author_columns(texts: &[String]) -> Option<AuthorColumns> {
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
        let text = line.plain_cow();
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

/// Adds a role or affiliation line to an author: a line naming a position is the role,
/// a line naming an organisation the affiliation; "Role, Organisation" is split.
pub(super) fn add_detail(author: &mut Contributor, line: &str) {
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

/// The noun of a by-line's lead standing alone ("Speech by", "Remarks by"): one to three
/// words, then "by". A participle ("Edited by", "Translated by", "Written by") credits
/// someone in another capacity and is left to the lines' own reading.
pub(super) fn byline_lead(text: &str) -> Option<&str> {
    const PARTICIPLES: &[&str] = &["written", "given", "drawn", "made", "done", "led", "run"];
    let t = text.trim();
    let lead = t
        .strip_suffix(" by")
        .or_else(|| t.strip_suffix(" By"))?
        .trim();
    let words: Vec<&str> = lead.split_whitespace().collect();
    let last = words.last()?.to_lowercase();
    let participle = last.ends_with("ed") || PARTICIPLES.contains(&last.as_str());
    (words.len() <= 3 && !participle && lead.chars().all(|c| c.is_alphabetic() || c == ' '))
        .then_some(lead)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_company_with_its_legal_form_is_no_person() {
        for t in [
            "Supertape B.V.",
            "Lenze GmbH",
            "Acme Widgets Inc.",
            "Nordic Paper AB",
        ] {
            assert!(!is_person(t), "{t}");
        }
        for t in ["Ana Silva", "Tomas K. Ruiz", "Maria van der Berg"] {
            assert!(is_person(t), "{t}");
        }
    }

    #[test]
    fn a_byline_lead_names_the_document_type_and_not_a_credit() {
        assert_eq!(byline_lead("Speech by"), Some("Speech"));
        assert_eq!(byline_lead("Keynote remarks by"), Some("Keynote remarks"));
        assert_eq!(byline_lead("Edited by"), None);
        assert_eq!(byline_lead("Written by"), None);
        assert_eq!(byline_lead("A speech given to the assembly by"), None);
        assert_eq!(byline_lead("Nearby"), None);
    }

    #[test]
    fn an_author_list_wrapped_over_lines_is_read_whole() {
        let sup = |m: &str| format!("{}{m}{}", rich::SUP_ON, rich::SUP_OFF);
        let lines = [
            format!(
                "Pamela Forner{}, Anselmo Peñas{}, Corina",
                sup("1"),
                sup("2")
            ),
            format!("Forăscu{}, Nicolas Moreau{}, Paulo Ro-", sup("3"), sup("4")),
            format!("cha{}, and Erik Tjong Kim Sang {}", sup("5"), sup("6")),
            format!("{} CELCT, Trento, Italy", sup("1")),
        ];
        let texts: Vec<&str> = lines.iter().map(String::as_str).collect();
        let lists = marked_author_lists(&texts);
        let names: Vec<&str> = lists[0]
            .as_ref()
            .expect("the list, read from its first line")
            .iter()
            .map(|(n, _)| n.as_str())
            .collect();
        assert_eq!(
            names,
            [
                "Pamela Forner",
                "Anselmo Peñas",
                "Corina Forăscu",
                "Nicolas Moreau",
                "Paulo Rocha",
                "Erik Tjong Kim Sang"
            ]
        );
        assert_eq!(lists[1], Some(Vec::new()));
        assert_eq!(lists[2], Some(Vec::new()));
        // The labelled affiliation under the list is no part of it.
        assert_eq!(lists[3], None);
        // A line alone that cuts a name stays what it was.
        assert_eq!(marked_author_lists(&texts[..1]), vec![None]);
    }
}
