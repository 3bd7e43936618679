//! The article's `<front>`: publisher, document type, title group, contributors with
//! their names split into surname and given names where that is safe, labelled
//! affiliations with their ids, notes about the authors, publication date, and the title
//! block's other fields (custom meta, notes). Also the `article-type` attribute the
//! metadata implies.

use crate::model::{Affiliation, Contributor, Metadata, PubDate};

use super::Jats;

impl Jats<'_> {
    pub(super) fn front(&mut self, meta: &Metadata) {
        self.open("front", &[]);
        self.newline();
        if let Some(publisher) = &meta.publisher {
            self.open("journal-meta", &[]);
            self.open("publisher", &[]);
            self.leaf("publisher-name", publisher);
            self.close("publisher");
            self.close("journal-meta");
            self.newline();
        }
        self.open("article-meta", &[]);
        self.newline();
        if let Some(kind) = &meta.doc_type {
            self.open("article-categories", &[]);
            self.open("subj-group", &[("subj-group-type", "document-type")]);
            self.leaf("subject", kind);
            self.close("subj-group");
            self.close("article-categories");
            self.newline();
        }
        self.open("title-group", &[]);
        self.leaf("article-title", meta.title.as_deref().unwrap_or(""));
        if let Some(sub) = &meta.subtitle {
            self.leaf("subtitle", sub);
        }
        self.close("title-group");
        self.newline();
        if !meta.authors.is_empty() || !meta.editors.is_empty() {
            self.open("contrib-group", &[]);
            self.newline();
            let ids = affiliation_ids(&meta.affiliations);
            for (kind, people) in [("author", &meta.authors), ("editor", &meta.editors)] {
                for person in people {
                    self.contrib(kind, person, meta, &ids);
                }
            }
            // Affiliations printed once under a label: once each, after the contributors
            // whose <xref>s point to them.
            for (aff, id) in meta.affiliations.iter().zip(&ids) {
                self.open("aff", &[("id", id)]);
                self.leaf("label", &aff.label);
                self.text(&format!(" {}", aff.text));
                self.close("aff");
                self.newline();
            }
            self.close("contrib-group");
            self.newline();
        }
        if !meta.author_notes.is_empty() {
            self.open("author-notes", &[]);
            for (k, note) in meta.author_notes.iter().enumerate() {
                self.open("fn", &[("id", &author_note_id(k))]);
                self.leaf("label", &note.label);
                self.leaf("p", &note.text);
                self.close("fn");
            }
            self.close("author-notes");
            self.newline();
        }
        if let Some(date) = &meta.date {
            self.pub_date(date);
        }
        if let Some(source) = &meta.source {
            self.open("custom-meta-group", &[]);
            self.open("custom-meta", &[]);
            self.leaf("meta-name", "source-file");
            self.leaf("meta-value", source);
            self.close("custom-meta");
            self.close("custom-meta-group");
            self.newline();
        }
        self.close("article-meta");
        self.newline();
        if let Some(rights) = &meta.rights {
            self.open("notes", &[("notes-type", "disclaimer")]);
            self.leaf("p", rights);
            self.close("notes");
            self.newline();
        }
        self.close("front");
        self.newline();
    }

    fn contrib(&mut self, kind: &str, person: &Contributor, meta: &Metadata, ids: &[String]) {
        let affiliations = &meta.affiliations;
        self.open("contrib", &[("contrib-type", kind)]);
        match split_name(&person.name) {
            Some(parts) => {
                self.open("name", &[]);
                self.leaf("surname", parts.surname);
                self.leaf("given-names", &parts.given);
                if let Some(prefix) = parts.prefix {
                    self.leaf("prefix", prefix);
                }
                self.close("name");
            }
            None => self.leaf("string-name", &person.name),
        }
        if let Some(role) = &person.role {
            self.leaf("role", role);
        }
        if let Some(aff) = &person.affiliation {
            self.leaf("aff", aff);
        }
        // Only labels an affiliation carries: a mark pointing nowhere (a corresponding
        // author's star) would be a dangling IDREF.
        for label in &person.affiliation_labels {
            if let Some(k) = affiliations.iter().position(|a| &a.label == label) {
                self.open("xref", &[("ref-type", "aff"), ("rid", &ids[k])]);
                self.text(label);
                self.close("xref");
            }
        }
        for label in &person.note_labels {
            if let Some(k) = meta.author_notes.iter().position(|n| &n.label == label) {
                let id = author_note_id(k);
                self.open("xref", &[("ref-type", "author-notes"), ("rid", &id)]);
                self.text(label);
                self.close("xref");
            }
        }
        self.close("contrib");
        self.newline();
    }

    fn pub_date(&mut self, date: &PubDate) {
        let iso = date.iso();
        let mut attrs = vec![("publication-format", "print"), ("date-type", "pub")];
        if let Some(iso) = iso.as_deref() {
            attrs.push(("iso-8601-date", iso));
        }
        self.open("pub-date", &attrs);
        match date.year {
            Some(year) => {
                if let (Some(day), Some(_)) = (date.day, date.month) {
                    self.leaf("day", &format!("{day:02}"));
                }
                if let Some(month) = date.month {
                    self.leaf("month", &format!("{month:02}"));
                }
                self.leaf("year", &year.to_string());
            }
            None => self.leaf("string-date", &date.printed),
        }
        self.close("pub-date");
        self.newline();
    }
}

/// The `id` of each labelled affiliation: `aff` and its label when the label is a letter
/// or number ("aff1", "affa"), else `aff` and its place ("†" → "aff-3"); never twice.
/// The id of the `k`th note about the authors.
fn author_note_id(k: usize) -> String {
    format!("author-note-{}", k + 1)
}

fn affiliation_ids(affiliations: &[Affiliation]) -> Vec<String> {
    let mut ids: Vec<String> = Vec::with_capacity(affiliations.len());
    for (k, aff) in affiliations.iter().enumerate() {
        let plain = !aff.label.is_empty() && aff.label.chars().all(|c| c.is_ascii_alphanumeric());
        let id = if plain {
            format!("aff{}", aff.label)
        } else {
            format!("aff-{}", k + 1)
        };
        ids.push(if ids.contains(&id) {
            format!("aff-{}", k + 1)
        } else {
            id
        });
    }
    ids
}

pub(super) fn article_type(meta: &Metadata) -> &'static str {
    let kind = meta.doc_type.as_deref().unwrap_or("").to_lowercase();
    if kind.contains("brief") || kind.contains("note") {
        "brief-report"
    } else if kind.contains("report") {
        "report"
    } else if kind.contains("working paper") || kind.contains("research") {
        "research-article"
    } else {
        "other"
    }
}

struct NameParts<'a> {
    prefix: Option<&'a str>,
    given: String,
    surname: &'a str,
}

const HONORIFICS: &[&str] = &[
    "Dr",
    "Dr.",
    "Prof",
    "Prof.",
    "Professor",
    "Mr",
    "Mr.",
    "Mrs",
    "Mrs.",
    "Ms",
    "Ms.",
    "Sir",
    "Dame",
    "Ambassador",
    "Amb.",
];

/// Splits "Dr Neelum Nigar" into prefix, given names and surname when the name is a plain
/// run of capitalised words; names with particles, commas or initials-only parts are left
/// whole (as `<string-name>`), since guessing wrong would corrupt the record.
fn split_name(name: &str) -> Option<NameParts<'_>> {
    let mut words: Vec<&str> = name.split_whitespace().collect();
    let prefix = match words.first() {
        Some(w) if HONORIFICS.contains(w) => Some(words.remove(0)),
        _ => None,
    };
    if !(2..=5).contains(&words.len()) {
        return None;
    }
    let plain = |w: &&str| {
        let mut cs = w.chars();
        cs.next().is_some_and(char::is_uppercase)
            && w.chars()
                .all(|c| c.is_alphabetic() || c == '-' || c == '\'' || c == '’' || c == '.')
    };
    if !words.iter().all(plain) {
        return None;
    }
    let surname = words.pop()?;
    if surname.ends_with('.') || surname.chars().count() < 2 {
        return None;
    }
    Some(NameParts {
        prefix,
        given: words.join(" "),
        surname,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_split_only_when_clean() {
        let p = split_name("Dr Neelum Nigar").unwrap();
        assert_eq!(
            (p.prefix, p.given.as_str(), p.surname),
            (Some("Dr"), "Neelum", "Nigar")
        );
        let p = split_name("Muhammad Taimur Fahad Khan").unwrap();
        assert_eq!(
            (p.given.as_str(), p.surname),
            ("Muhammad Taimur Fahad", "Khan")
        );
        assert!(split_name("Ludwig van Beethoven").is_none());
        assert!(split_name("Madonna").is_none());
        assert!(split_name("World Food Programme, Rome").is_none());
    }
}
