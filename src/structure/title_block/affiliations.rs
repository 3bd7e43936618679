//! Affiliations keyed by the raised marks of a scholarly author list ("Xiaolu Huang,¹˒²
//! …"): printed once each under their label, right under the authors, in a margin column
//! beside the abstract, or at the foot of the first page ("¹ Department of …"). The marks
//! are the evidence: a labelled line counts only when its label is one the authors carry,
//! and an author list without marks gets nothing from here.

use super::*;

/// An affiliation entry keyed by a raised label at the start of its line
/// ("¹ Department of Pharmacy, …"): (labels, text).
pub(super) fn labelled_affiliation(rich_text: &str) -> Option<(Vec<String>, String)> {
    let (labels, text) = raised_label(rich_text)?;
    (words(&text) >= 2).then_some((labels, text))
}

/// A raised affiliation label opening a line and the plain text after it (maybe empty:
/// the label set on a line of its own).
fn raised_label(rich_text: &str) -> Option<(Vec<String>, String)> {
    let t = rich_text.trim_start_matches([rich::BOLD_ON, rich::ITALIC_ON, ' ']);
    let rest = t.strip_prefix(rich::SUP_ON)?;
    let (mark, text) = rest.split_once(rich::SUP_OFF)?;
    let text = rich::plain(text).trim().to_string();
    is_affiliation_mark(mark).then(|| (mark_labels(mark), text))
}

/// A label printed in line with the text ("1 Department of …", "a Institute …", or "1"
/// alone on its line): a number of one or two digits, a lower-case letter or a note
/// symbol, then a space. Weaker evidence than a raised label: the entry must also read
/// as an affiliation (see [`take_affiliation_list`]).
fn inline_label(plain: &str) -> Option<(Vec<String>, String)> {
    let t = plain.trim();
    let (head, text) = t.split_once(' ').unwrap_or((t, ""));
    let label = head.chars().count() <= 2
        && (head.chars().all(|c| c.is_ascii_digit())
            || head.chars().count() == 1 && head.chars().all(|c| c.is_ascii_lowercase())
            || head.chars().all(|c| "*∗†‡§¶".contains(c)));
    // A capital or a digit opens the text after the label: "1 Department", not "a few".
    let opens = text.is_empty() || text.starts_with(|c: char| c.is_uppercase());
    (label && opens && !head.starts_with('0')).then(|| (mark_labels(head), text.to_string()))
}

/// Words naming the kind of place an author works at, beyond [`is_org`]'s.
const AFFILIATION_WORDS: &[&str] = &[
    "hospital",
    "faculty",
    "division",
    "clinic",
    "dept",
    "unit",
    "universität",
    "université",
    "universidad",
    "università",
    "universidade",
    "institut",
    "instituto",
    "istituto",
    "laboratoire",
    "laboratories",
    "inc",
    "ltd",
    "llc",
    "research",
    "sciences",
    "medicine",
    "engineering",
    "polytechnic",
];

/// Whether an entry's text reads as an affiliation: it names an organisation, is an
/// address or gives an e-mail address (many list an institute by its acronym and a
/// country: "CELCT, Trento, Italy (forner@celct.it)"), and is no running sentence (at
/// most one full stop inside, at most 45 words).
fn reads_as_affiliation(text: &str) -> bool {
    let inner_stops = text.trim_end().trim_end_matches('.').matches(". ").count();
    (is_org(text)
        || has_word(text, AFFILIATION_WORDS)
        || is_address_like(text)
        || (gives_email(text) && !stops_the_list(text) && !has_word(text, CONTACT_WORDS)))
        && words(text) <= 45
        && inner_stops <= 1
}

/// Words of a contact note, which gives an author's address but is no affiliation
/// ("Electronic address: …", "Corresponding author: …").
const CONTACT_WORDS: &[&str] = &["electronic", "corresponding", "correspondence", "contact"];

/// Whether a text holds an e-mail address: a word with an `@` between a name and a
/// dotted domain.
fn gives_email(text: &str) -> bool {
    text.split(|c: char| c.is_whitespace() || matches!(c, '(' | ')' | '<' | '>' | ',' | ';'))
        .any(|w| {
            w.split_once('@').is_some_and(|(name, domain)| {
                !name.is_empty()
                    && domain.contains('.')
                    && !domain.starts_with('.')
                    && !domain.ends_with('.')
            })
        })
}

/// Openings of the lines that name a part of the paper after its title block.
const PAPER_OPENINGS: &[&str] = &["abstract", "keywords", "key words", "index terms"];

/// Openings of the lines that end an affiliation list besides [`PAPER_OPENINGS`]: the
/// correspondence address, the history of the article, contact and rights lines.
const STOP_OPENINGS: &[&str] = &[
    "correspond",
    "received",
    "accepted",
    "published",
    "revised",
    "available online",
    "e-mail",
    "email",
    "tel",
    "phone",
    "fax",
    "©",
    "copyright",
    "citation",
    "cite this",
    "edited by",
    "these authors",
    "contributed equally",
    "present address",
    "doi",
    "http",
];

/// Whether a line names a part of the paper that follows its title block ("Abstract",
/// "Keywords: …", "1. Introduction"): no author's detail, however short.
pub(super) fn opens_the_paper(plain: &str) -> bool {
    let lower = plain.trim().to_lowercase();
    let name = lower
        .trim_start_matches(|c: char| c.is_ascii_digit() || c == '.' || c == ' ')
        .trim_end_matches([':', '.', ' ']);
    PAPER_OPENINGS.iter().any(|w| lower.starts_with(w))
        || ["summary", "executive summary", "introduction", "background"].contains(&name)
}

/// Whether a line ends the list. A web address alone on its line, set tight under an
/// entry, is that entry's own ("… (IAC) collaboration" / "http://www.iac.edu.mx/").
fn stops_the_list(plain: &str) -> bool {
    let lower = plain.trim().to_lowercase();
    let lone_url = (lower.starts_with("http") || lower.starts_with("www.")) && !lower.contains(' ');
    !lone_url
        && STOP_OPENINGS
            .iter()
            .chain(PAPER_OPENINGS)
            .any(|w| lower.starts_with(w))
}

/// The line set directly under `lines[at]` on its page: same size, starting near it
/// across, less than a line's gap below. Lines are searched by position, not by reading
/// order: a margin column may be read apart from its own lines.
fn line_below(lines: &[TextLine], at: usize) -> Option<usize> {
    let g = lines[at].geometry?;
    let page = lines[at].page;
    lines
        .iter()
        .enumerate()
        .filter(|&(k, l)| {
            k != at
                && l.page == page
                && l.geometry.is_some_and(|h| {
                    (h.font_size - g.font_size).abs() < 0.6
                        && h.bbox.y0 > g.bbox.y0 + 0.4 * g.font_size
                        && h.bbox.y0 - g.bbox.y1 < 0.9 * g.font_size
                        && ((h.bbox.x0 - g.bbox.x0).abs() < 2.5 * g.font_size
                            // A list centred under the authors: entries of any length.
                            || (h.bbox.x0 + h.bbox.x1 - g.bbox.x0 - g.bbox.x1).abs()
                                < 2.0 * g.font_size)
                })
        })
        .min_by(|a, b| {
            let (ya, yb) = (
                a.1.geometry.map(|h| h.bbox.y0),
                b.1.geometry.map(|h| h.bbox.y0),
            );
            ya.partial_cmp(&yb).unwrap_or(std::cmp::Ordering::Equal)
        })
        .map(|(k, _)| k)
}

/// One labelled entry: its labels, the lines it spans (indexes), its text.
struct Entry {
    labels: Vec<String>,
    lines: Vec<usize>,
    text: String,
    /// Whether the label was raised (strong evidence) or printed in line.
    raised: bool,
}

/// The label opening `line` when it is one of `marks`: raised, or printed in line.
fn opening_label(line: &TextLine, marks: &[&String]) -> Option<(Vec<String>, String, bool)> {
    let (labels, text, raised) = match raised_label(&line.text) {
        Some((labels, text)) => (labels, text, true),
        None => {
            let (labels, text) = inline_label(&line.plain_cow())?;
            (labels, text, false)
        }
    };
    (!labels.is_empty() && labels.iter().all(|l| marks.contains(&l)))
        .then_some((labels, text, raised))
}

/// The entries of the list starting at line `start`, read down the page: each label with
/// its wrapped lines, up to a line that is neither (a gap, another size, "Correspondence
/// to …"), or to an entry that does not read as an affiliation.
fn read_list(lines: &[TextLine], start: usize, marks: &[&String]) -> Vec<Entry> {
    let mut entries: Vec<Entry> = Vec::new();
    let mut at = start;
    let Some((labels, text, raised)) = opening_label(&lines[start], marks) else {
        return entries;
    };
    let mut current = Entry {
        labels,
        lines: vec![start],
        text,
        raised,
    };
    let finish = |entry: Entry, entries: &mut Vec<Entry>| -> bool {
        let fresh = !entries
            .iter()
            .any(|e| e.labels.iter().any(|l| entry.labels.contains(l)));
        let ok = fresh && reads_as_affiliation(&entry.text);
        if ok {
            entries.push(entry);
        }
        ok
    };
    loop {
        let Some(next) = line_below(lines, at) else {
            finish(current, &mut entries);
            break;
        };
        let plain = lines[next].plain_cow();
        if let Some((labels, text, raised)) = opening_label(&lines[next], marks) {
            if !finish(current, &mut entries) {
                break;
            }
            current = Entry {
                labels,
                lines: vec![next],
                text,
                raised,
            };
        } else if stops_the_list(&plain)
            || current.lines.len() >= 8
            || raised_label(&lines[next].text).is_some()
        {
            // A raised label the authors do not carry opens a note of another kind.
            finish(current, &mut entries);
            break;
        } else {
            current.text = join_lines(&[current.text.as_str(), plain.trim()]);
            current.lines.push(next);
        }
        at = next;
    }
    entries
}

/// Takes the labelled affiliation list off the first page, wherever it is set, when its
/// labels are the raised marks after the author names: each label with its wrapped lines
/// becomes one of the document's affiliations, and the lines leave the body (reported).
/// Labels already read under the author line are not read again.
pub fn take_affiliation_list(lines: &mut Vec<TextLine>, meta: &mut Metadata, report: &mut Report) {
    let known: Vec<&String> = meta.affiliations.iter().map(|a| &a.label).collect();
    let marks: Vec<&String> = meta
        .authors
        .iter()
        .flat_map(|a| &a.affiliation_labels)
        .filter(|l| !known.contains(l))
        .collect();
    let Some(first_page) = lines.iter().map(|l| l.page).min() else {
        return;
    };
    if marks.is_empty() {
        return;
    }
    // Lines come in page order: the first page is a prefix, and the list is read there
    // only (each entry's search for the line below it then stays on that page).
    let page_one = &lines[..lines
        .iter()
        .position(|l| l.page != first_page)
        .unwrap_or(lines.len())];
    let mut taken: Vec<usize> = Vec::new();
    let mut found: Vec<Entry> = Vec::new();
    for start in 0..page_one.len() {
        if taken.contains(&start) || found.iter().any(|e| e.lines.contains(&start)) {
            continue;
        }
        let entries = read_list(page_one, start, &marks);
        // An in-line label ("1 Department …") is weaker than a raised one: alone it could
        // be a numbered line that happens to name a department; two in a row are a list.
        if entries.is_empty() || entries.iter().all(|e| !e.raised) && entries.len() < 2 {
            continue;
        }
        for e in entries {
            if e.labels
                .iter()
                .any(|l| found.iter().any(|f| f.labels.contains(l)))
            {
                continue;
            }
            taken.extend(&e.lines);
            found.push(e);
        }
    }
    if found.is_empty() {
        return;
    }
    for e in &found {
        for label in &e.labels {
            meta.affiliations.push(Affiliation {
                label: label.clone(),
                text: e.text.clone(),
            });
        }
        for &k in &e.lines {
            report.push(
                Action::new(ActionKind::Metadata)
                    .page(lines[k].page)
                    .lines([lines[k].source_line])
                    .before(lines[k].plain())
                    .evidence(format!(
                        "affiliation {}: its label is a raised mark after the author names",
                        e.labels.join(",")
                    )),
            );
        }
    }
    let mut k = 0;
    lines.retain(|_| {
        k += 1;
        !taken.contains(&(k - 1))
    });
}

/// Whether the line set directly under `line` (same page and size, overlapping it across,
/// less than a line's gap below) is one the title block did not take (as an affiliation's
/// wrapped line, a contact line, …), and does not open an entry of its own: the entry on
/// `line` wraps onto it.
pub(super) fn wrapped_elsewhere(
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

#[cfg(test)]
mod tests {
    use super::*;

    /// A line at `baseline` (8 pt, from x = 40); its rich text set after construction,
    /// which strips forged sentinels.
    fn line(text: String, n: usize, baseline: f32) -> TextLine {
        let mut l = crate::lines::test_placed(&text, 1, 40.0, 200.0, baseline, 8.0);
        l.text = text;
        l.source_line = n;
        l
    }

    fn sup(m: &str) -> String {
        format!("{}{m}{}", rich::SUP_ON, rich::SUP_OFF)
    }

    fn meta(labels: &[&[&str]]) -> Metadata {
        let mut m = Metadata::default();
        for (k, ls) in labels.iter().enumerate() {
            let mut a = Contributor::named(format!("Ana Lima{k}"));
            a.affiliation_labels = ls.iter().map(|l| l.to_string()).collect();
            m.authors.push(a);
        }
        m
    }

    fn take(texts: Vec<String>, m: &mut Metadata) -> Vec<String> {
        let mut lines: Vec<TextLine> = texts
            .into_iter()
            .enumerate()
            .map(|(i, t)| line(t, i + 1, 100.0 + 9.0 * i as f32))
            .collect();
        take_affiliation_list(&mut lines, m, &mut Report::default());
        lines.iter().map(TextLine::plain).collect()
    }

    #[test]
    fn a_raised_label_alone_on_its_line_keys_the_lines_under_it() {
        let mut m = meta(&[&["1"], &["1"]]);
        let left = take(
            vec![
                sup("1"),
                "Department of Botany, University of".into(),
                "Dhaka, Dhaka-1000, Bangladesh".into(),
                "Received 3 May 2009".into(),
            ],
            &mut m,
        );
        assert_eq!(m.affiliations.len(), 1);
        assert_eq!(
            m.affiliations[0].text,
            "Department of Botany, University of Dhaka, Dhaka-1000, Bangladesh"
        );
        assert_eq!(left, ["Received 3 May 2009"]);
    }

    #[test]
    fn labels_in_line_count_two_in_a_row_not_one() {
        let mut m = meta(&[&["1"], &["2"]]);
        let left = take(
            vec![
                "1 Department of Botany, University of Dhaka".into(),
                "2 Institute of Ecology, Lund University".into(),
            ],
            &mut m,
        );
        assert!(left.is_empty(), "{left:?}");
        assert_eq!(m.affiliations[1].label, "2");
        // One numbered line naming a department is no list.
        let mut m = meta(&[&["1"], &["2"]]);
        let left = take(
            vec!["1 Department of Botany, University of Dhaka".into()],
            &mut m,
        );
        assert_eq!(left.len(), 1);
        assert!(m.affiliations.is_empty());
    }

    #[test]
    fn a_sentence_under_a_label_is_no_affiliation() {
        let mut m = meta(&[&["1"]]);
        let text = format!(
            "{} The Institute's survey was run in 2019. It covered ten districts. Data are open.",
            sup("1")
        );
        let left = take(vec![text], &mut m);
        assert_eq!(left.len(), 1);
        assert!(m.affiliations.is_empty());
    }

    #[test]
    fn a_centred_list_of_acronyms_with_e_mail_addresses_is_read_whole() {
        // Entries centred under the authors (each starts elsewhere across), institutes
        // named by acronym and country with an e-mail address; the one whose label lost
        // its raise is read in the list all the same; a contact note is no affiliation.
        let mut m = meta(&[&["1"], &["2"], &["3"], &["4"]]);
        let entries = [
            (
                format!("{} CELCT, Trento, Italy (forner@celct.it)", sup("1")),
                230.0,
            ),
            (
                format!(
                    "{} UAIC and RACAI, Romania (corinfor@info.uaic.ro)",
                    sup("2")
                ),
                205.0,
            ),
            (
                "3 ELDA/ELRA, Paris, France (moreau@elda.org)".to_string(),
                215.0,
            ),
            (
                format!("{} Electronic address: tmatos@fis.cinvestav.mx", sup("4")),
                210.0,
            ),
        ];
        let mut lines: Vec<TextLine> = entries
            .iter()
            .enumerate()
            .map(|(i, (t, x0))| {
                let mut l = line(t.clone(), i + 1, 100.0 + 9.0 * i as f32);
                let g = l.geometry.as_mut().unwrap();
                g.bbox.x0 = *x0;
                g.bbox.x1 = 610.0 - *x0;
                l
            })
            .collect();
        take_affiliation_list(&mut lines, &mut m, &mut Report::default());
        let labels: Vec<&str> = m.affiliations.iter().map(|a| a.label.as_str()).collect();
        assert_eq!(labels, ["1", "2", "3"], "{:?}", m.affiliations);
        assert_eq!(
            m.affiliations[2].text,
            "ELDA/ELRA, Paris, France (moreau@elda.org)"
        );
        let left: Vec<String> = lines.iter().map(TextLine::plain).collect();
        assert_eq!(left.len(), 1, "{left:?}");
        assert!(left[0].contains("Electronic address"));
    }

    #[test]
    fn an_e_mail_address_needs_a_name_and_a_dotted_domain() {
        assert!(gives_email("CELCT, Trento, Italy (forner@celct.it)"));
        assert!(!gives_email("meet @ the office"));
        assert!(!gives_email("user@localhost"));
        assert!(!gives_email("@handle."));
    }
}
