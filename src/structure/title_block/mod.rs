//! The title block at the top of the first page: document type, letterhead (publisher),
//! title and subtitle, authors with their role and affiliation lines, editor, date and
//! disclaimer. Contact lines there leave the body and are reported.
//!
//! The author line ("By …") is the anchor: the title is what stands between the letterhead
//! and it. Recognised lines are consumed; anything the title block does not explain (an
//! "Abstract" heading, a stray caption) stays in the body.

use std::sync::LazyLock;

use regex::Regex;

use crate::date::parse_date_line;
use crate::line_kinds::{
    author_names, is_contact_line, is_disclaimer, split_names, title_like, title_zone_end_with,
};
use crate::lines::TextLine;
use crate::model::{Affiliation, Contributor, Metadata};
use crate::report::{Action, ActionKind, Report};
use crate::rich;

use super::casing::WordCase;
use crate::words::{has_word, is_upper, join_lines, words};

mod affiliations;
mod author_grid;
mod author_notes;
mod branding;
mod meta_lines;
mod not_title;
mod people;
mod roles;
mod subtitle;
mod title;

use affiliations::*;
use not_title::{
    ends_on_a_dash, is_contents_line, is_label_or_number, not_title, section_type_goes_on,
};
use people::*;
use roles::*;
use title::*;

pub use affiliations::take_affiliation_list;
pub use author_notes::{author_marks, take_marked_notes};
pub use branding::remove_branding_lines;
use branding::repeated_letterhead;
use meta_lines::Reader;
pub use people::take_author_notes;

/// What the title block gave, and which lines it used.
#[derive(Debug, Default)]
pub struct TitleBlock {
    /// The metadata found.
    pub metadata: Metadata,
    /// Indexes (into the line slice) of the lines the title block consumed.
    pub consumed: Vec<usize>,
}

/// Reads the title block from the start of `lines`. `declared_title` is the file's own
/// title when it is plausible and printed on the opening pages: the lines that print it
/// are then the title, whatever else looks like one.
pub fn extract(
    lines: &[TextLine],
    dictionary: &WordCase<'_>,
    declared_title: Option<&str>,
    report: &mut Report,
) -> TitleBlock {
    // A letterhead printed at the top of each page is the sender's, not the document's
    // title; what stands under it is a letter or a form (an estimate, an invoice), whose
    // field labels and totals are no title either. The page is kept as printed.
    let lead = repeated_letterhead(lines);
    if lead > 0 {
        report.push(
            Action::new(ActionKind::Guess)
                .page(lines[0].page)
                .lines(lines[..lead].iter().map(|l| l.source_line))
                .before(lines[0].plain())
                .evidence(format!(
                    "no title block: the first page's top {} lines open later pages as \
                     well (a letterhead), kept as printed",
                    lines[..lead].iter().filter(|l| !l.is_blank()).count()
                )),
        );
        return TitleBlock::default();
    }
    // The body size, for the title zone and for the credits below.
    let body_size = crate::layout::body_font_size(lines);
    let zone_end = title_zone_end_with(lines, body_size).min(lines.len());
    let zone = &lines[..zone_end];
    let texts: Vec<String> = zone.iter().map(TextLine::plain).collect();
    // The line the zone stops at when the page goes on there (the running text that ended
    // the zone): a title's last line is judged by what stands under it, in the zone or not.
    let past_zone: Option<String> = lines
        .get(zone_end)
        .filter(|l| !l.is_blank() && zone.last().is_some_and(|z| z.page == l.page))
        .map(TextLine::plain);
    // A scholarly author line (names with raised affiliation marks) is an author line
    // even without "By".
    let rich_texts: Vec<&str> = zone.iter().map(|l| l.text.as_str()).collect();
    let marked: Vec<Option<Vec<MarkedName>>> = marked_author_lists(&rich_texts);
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
    // The actions this title block records start here.
    let first_action = report.actions.len();
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
    let sizes = TitleSizes::new(lines, zone, by_line.is_some());
    for (i, why) in sizes.excluded.iter().enumerate() {
        if let Some(why) = why
            && sizes.set_apart(i)
            && matches!(roles[i], Role::Other | Role::Name)
        {
            reader.report.push(
                Action::new(ActionKind::Guess)
                    .page(zone[i].page)
                    .lines([zone[i].source_line])
                    .before(texts[i].clone())
                    .evidence(format!("not the title: {why}")),
            );
        }
    }
    let page_title = find_title(
        &texts,
        &roles,
        &sizes,
        by_line,
        past_zone.as_deref(),
        dictionary,
    );
    // The declared title overrides the page's guess only where the two disagree; where
    // the page's title lines include it, they are read as usual (subtitle and all).
    let declared_run = declared_title
        .and_then(|d| {
            printed_run(&texts, d)
                .map(|run| (d, run))
                .or_else(|| declared_clause_run(zone, &texts, d, &page_title))
                .or_else(|| {
                    let at = (0..texts.len().min(4)).find(|&i| {
                        matches!(roles[i], Role::Other | Role::Name)
                            && crate::structure::declared::prints_with_words_added(&texts[i], d)
                    });
                    at.map(|i| (d, vec![i]))
                })
        })
        .filter(|(_, run)| !run.iter().all(|i| page_title.contains(i)));
    // Without an author line the page's title is a guess by type; the declared title
    // printed in type as large, further down the first page (a form drawn out of reading
    // order), is better evidence: the declared title is then used as it stands.
    let page_title = match declared_title {
        Some(d)
            if declared_run.is_none()
                && by_line.is_none()
                && !page_title.is_empty()
                && printed_larger_below(lines, zone.len(), d, zone[page_title[0]].geometry) =>
        {
            reader.report.push(
                Action::new(ActionKind::Guess)
                    .page(zone[page_title[0]].page)
                    .lines([zone[page_title[0]].source_line])
                    .before(texts[page_title[0]].clone())
                    .evidence(
                        "not the title: the declared title is printed further down the page \
                         in type as large",
                    ),
            );
            Vec::new()
        }
        _ => page_title,
    };
    let title = match &declared_run {
        Some((_, run)) => run.clone(),
        None => page_title,
    };
    // 2. Everything above the title: document type, letterhead, contact lines, and any
    //    date or editor placed on top.
    let title_first = title.first().copied().unwrap_or(by_line.unwrap_or(0));
    let mut after_address = false;
    for i in 0..title_first {
        if reader.take_meta(i) || roles[i] != Role::Other {
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
        reader.tb.metadata.title = Some(declared_title_text(declared, run, &texts));
        reader.tb.consumed.extend(run);
        next = run.iter().max().map_or(title_first, |m| m + 1);
    } else if !title.is_empty() {
        let (t, sub, used) = title_and_subtitle(zone, &texts, &roles, &title, by_line);
        reader.tb.metadata.title = Some(t);
        reader.tb.metadata.subtitle = sub;
        reader.tb.consumed.extend(&used);
        next = used.iter().max().map_or(title_first, |m| m + 1);
    }
    // A subtitle set apart from the title by other lines, named by the declared title.
    let mut subtitle_lines: Vec<usize> = Vec::new();
    if reader.tb.metadata.subtitle.is_none()
        && let (Some(title), Some(declared), Some(body)) = (
            reader.tb.metadata.title.as_deref(),
            declared_title,
            body_size,
        )
        && let Some(run) = subtitle::declared_subtitle(
            zone,
            &texts,
            next,
            &reader.tb.consumed,
            title,
            declared,
            body,
        )
    {
        let printed: Vec<&str> = run.iter().map(|&k| texts[k].as_str()).collect();
        reader.tb.metadata.subtitle = Some(join_lines(&printed));
        reader.tb.consumed.extend(&run);
        subtitle_lines = run;
    }
    // 3. After the title: authors (by line or by name), their details, editor, date,
    //    disclaimer. The first line that fits none of these starts the body.
    let mut current: Option<usize> = None;
    // The first author of the row of names `current` stands in, when they were set side
    // by side on one baseline.
    let mut row_first: Option<usize> = None;
    let mut details = 0;
    let mut skip_until = 0;
    // A name standing alone is a credit by its typography (a line of its own under the
    // title). Where sizes were measured from a scan, there is no typography to read.
    let measured_sizes = body_size.is_some_and(|body| crate::layout::sizes_scatter(lines, body));
    // Whether a marked author list (names with raised labels) has been read.
    let mut marked_list = false;
    // (labels, text) of labelled affiliation lines.
    let mut affiliations: Vec<(Vec<String>, String)> = Vec::new();
    let mut affiliation_lines: Vec<usize> = Vec::new();
    for i in next..zone.len() {
        if i < skip_until || reader.tb.consumed.contains(&i) {
            continue;
        }
        let text = texts[i].trim();
        // A row of dots or dashes set as a rule between the title and the by-line is no
        // part of either; it stays where it is printed.
        if !text.is_empty() && !text.chars().any(char::is_alphanumeric) {
            continue;
        }
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
        if marked_list {
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
        // "Speech by" over the speaker's name: the lead of a by-line split over two
        // lines; its noun is the document's type when the page printed none.
        if current.is_none()
            && let Some(lead) = byline_lead(text)
            && (i + 1..zone.len())
                .find(|&k| roles[k] != Role::Blank)
                .is_some_and(|k| roles[k] == Role::Name)
        {
            if reader.tb.metadata.doc_type.is_none() {
                reader.tb.metadata.doc_type = Some(lead.to_string());
            }
            reader.use_line(i);
            continue;
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
                    row_first = None;
                    details = 0;
                    reader.use_line(i);
                } else if let Some(names) = &marked[i] {
                    for (name, labels) in names {
                        let mut author = Contributor::named(name);
                        author.affiliation_labels = labels.clone();
                        reader.tb.metadata.authors.push(author);
                    }
                    marked_list = true;
                    // The affiliations under such a list are keyed by the marks, not
                    // set under the last name: they are not that author's details.
                    current = None;
                    reader.use_line(i);
                }
                continue;
            }
            Role::Name
                if !measured_sizes
                    && (current.is_none()
                        || details > 0
                        || roles[i - 1] == Role::Blank
                        // Names set side by side on one baseline: a row of credits.
                        || (roles[i - 1] == Role::Name && side_by_side(zone, i - 1, i)))
                    && !dictionary.mostly_common_words(text)
                    && !in_form_row(zone, &roles, i)
                    // A by-line is the title's: with no title above, a line shaped like a
                    // name ("Security Handler", a test page's "I Am A Header") credits no
                    // one.
                    && reader.tb.metadata.title.is_some()
                    && !heads_a_form(&texts[i..])
                    && !heads_prose(lines, i, reader.tb.metadata.title.is_some()) =>
            {
                if let Some(grid) = author_grid::author_grid(zone, i) {
                    let first_new = reader.tb.metadata.authors.len();
                    for author in grid {
                        let mut person = Contributor::named(texts[author.name].trim());
                        reader.use_line(author.name);
                        for d in author.details {
                            add_detail(&mut person, texts[d].trim());
                            reader.use_line(d);
                        }
                        reader.tb.metadata.authors.push(person);
                    }
                    (current, row_first, details) = (Some(first_new), None, 3);
                    continue;
                }
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
                    row_first = None;
                    details = 3;
                    continue;
                }
                let beside_last = current.is_some()
                    && details == 0
                    && roles[i - 1] == Role::Name
                    && side_by_side(zone, i - 1, i);
                if !beside_last {
                    row_first = Some(reader.tb.metadata.authors.len());
                }
                let (list, used) =
                    wrapped_person_list(&texts, i).unwrap_or_else(|| (text.to_string(), 1));
                for name in split_names(&list) {
                    reader.tb.metadata.authors.push(Contributor::named(name));
                }
                current = Some(reader.tb.metadata.authors.len() - 1);
                details = 0;
                for k in 0..used {
                    reader.use_line(i + k);
                }
                skip_until = i + used;
                continue;
            }
            _ => {}
        }
        if reader.take_meta(i) {
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
            row_first = None;
            details = 1;
            continue;
        }
        // A detail holds a word: a lone letter under the names is a scheme's atom.
        if let Some(a) = current
            && details < 3
            && text.chars().filter(|c| c.is_alphabetic()).count() >= 2
            && words(text) <= 16
            && !ends_with_sentence(text)
            && matches!(roles[i], Role::Other | Role::Letterhead | Role::Name)
            && !in_a_row(zone, i)
            && !is_field_list(text)
            && !larger_than_above(zone, i)
            && !crate::structure::shapes::holds_doi(text)
            && !opens_the_paper(text)
        {
            // A detail alone on its line under names set side by side (one affiliation
            // centred under the row) is theirs together.
            let from = row_first.filter(|&f| f < a).unwrap_or(a);
            for k in from..=a {
                add_detail(&mut reader.tb.metadata.authors[k], text);
            }
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
        .any(|&i| wrapped_elsewhere(lines, &zone[i], &tb.consumed, zone))
    {
        tb.consumed.retain(|i| !affiliation_lines.contains(i));
        affiliations.clear();
    }
    // Each labelled affiliation is kept once; the authors keep their labels.
    for (keys, text) in affiliations {
        for label in keys {
            if !tb.metadata.affiliations.iter().any(|a| a.label == label) {
                tb.metadata.affiliations.push(Affiliation {
                    label,
                    text: text.clone(),
                });
            }
        }
    }
    tb.consumed.sort_unstable();
    tb.consumed.dedup();
    // Each consumed line is reported once: as the contact or registration line it was
    // reported as, else as metadata (an affiliation that names a street and a postcode
    // is read as one, its printed label with it, and is no contact line).
    let reported_contact: Vec<usize> = report.actions[first_action.min(report.actions.len())..]
        .iter()
        .filter(|a| a.kind == ActionKind::ContactLine)
        .flat_map(|a| a.lines.iter().map(move |&l| (a.page, l)))
        .filter_map(|(page, l)| {
            tb.consumed
                .iter()
                .copied()
                .find(|&i| page == Some(zone[i].page) && zone[i].source_line == l)
        })
        .collect();
    for &i in &tb.consumed {
        if reported_contact.contains(&i) {
            continue;
        }
        let role = if affiliation_lines.contains(&i) {
            "affiliation".to_string()
        } else if subtitle_lines.contains(&i) {
            "subtitle, named by the file's declared title".to_string()
        } else {
            format!("{:?}", roles[i]).to_lowercase()
        };
        report.push(
            Action::new(ActionKind::Metadata)
                .page(zone[i].page)
                .lines([zone[i].source_line])
                .before(texts[i].clone())
                .evidence(format!("title block: {role}")),
        );
    }
    tb
}

/// Whether line `i` of extracted text, shaped like a name, stands with no title above it
/// straight over running prose (no blank line between): it heads that prose, as a section
/// title does ("JavaScript Code Example"); a credit is followed by a blank line, an
/// affiliation, a date or another credit. PDF lines have their type to say more.
fn heads_prose(lines: &[TextLine], i: usize, titled: bool) -> bool {
    if titled || lines[i].geometry.is_some() {
        return false;
    }
    let Some(next) = lines.get(i + 1).filter(|l| !l.is_blank()) else {
        return false;
    };
    let t = next.plain_cow();
    let ws: Vec<&str> = t.split_whitespace().collect();
    let lower = ws
        .iter()
        .filter(|w| w.starts_with(|c: char| c.is_lowercase()))
        .count();
    ws.len() >= 8 && lower * 2 >= ws.len()
}

/// Whether the first page prints `declared` past the title zone (which ends at
/// `zone_end`) in type at least as large as `guess`, the page's own title candidate.
fn printed_larger_below(
    lines: &[TextLine],
    zone_end: usize,
    declared: &str,
    guess: Option<crate::lines::LineGeometry>,
) -> bool {
    let Some(guess) = guess else {
        return false;
    };
    let Some(first_page) = lines.first().map(|l| l.page) else {
        return false;
    };
    let rest: Vec<&TextLine> = lines
        .iter()
        .skip(zone_end)
        .take_while(|l| l.page == first_page)
        .collect();
    let texts: Vec<String> = rest.iter().map(|l| l.plain()).collect();
    printed_run(&texts, declared).is_some_and(|run| {
        run.iter().all(|&k| {
            rest[k]
                .geometry
                .is_some_and(|g| g.font_size >= guess.font_size - 0.25)
        })
    })
}

/// Whether zone line `i` shares its baseline with another line of the page: a cell of a
/// table's row or a form field, never an author's role or affiliation (authors set side
/// by side are read by [`author_columns`] before this is asked).
fn in_a_row(zone: &[TextLine], i: usize) -> bool {
    let Some(g) = zone[i].geometry else {
        return false;
    };
    zone.iter().enumerate().any(|(k, o)| {
        k != i
            && o.page == zone[i].page
            && o.geometry.is_some_and(|h| {
                (h.baseline - g.baseline).abs() < 0.4 * g.font_size.max(4.0)
                    && (h.bbox.x0 >= g.bbox.x1 - 0.5 || h.bbox.x1 <= g.bbox.x0 + 0.5)
            })
    })
}

/// Whether a line is set larger than the line above it on its page: under a name, the
/// heading that opens the text ("Origins" in 14 pt under a 12 pt name), not the name's
/// role or affiliation, which are set at the name's size or smaller.
fn larger_than_above(zone: &[TextLine], i: usize) -> bool {
    let above = zone[..i]
        .iter()
        .rev()
        .find(|l| !l.is_blank() && l.page == zone[i].page);
    match (zone[i].geometry, above.and_then(|l| l.geometry)) {
        (Some(g), Some(a)) => g.font_size > a.font_size * 1.1,
        _ => false,
    }
}

/// Whether a line lists two or more labelled fields ("Revenue: $4.2M | Expenses: $3.1M"):
/// figures of a report, not an author's details.
fn is_field_list(t: &str) -> bool {
    t.split(['|', ';'])
        .filter(|part| {
            part.split_once(':').is_some_and(|(label, value)| {
                (1..=3).contains(&words(label)) && !value.trim().is_empty()
            })
        })
        .count()
        >= 2
}

fn ends_with_sentence(t: &str) -> bool {
    t.trim_end().ends_with(['.', '!', '?']) && words(t) > 4
}

#[cfg(test)]
mod tests;
#[cfg(test)]
mod tests_authors;
