//! What the title block and the file say about the document: title, contributors with
//! their affiliations and notes, date, publisher.

use serde::Serialize;

/// Title-block and publication facts.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Metadata {
    /// The kind of document as printed, e.g. "Issue Brief" or "Policy Paper".
    pub doc_type: Option<String>,
    /// Main title.
    pub title: Option<String>,
    /// Subtitle, when the title block has one.
    pub subtitle: Option<String>,
    /// Authors in the order printed.
    pub authors: Vec<Contributor>,
    /// Editors in the order printed.
    pub editors: Vec<Contributor>,
    /// Affiliations printed once under a label that the authors' raised marks refer to
    /// ("¹ Department of …"), in the order printed; each author lists its labels in
    /// [`Contributor::affiliation_labels`].
    pub affiliations: Vec<Affiliation>,
    /// Notes the authors' marks point to, in the order printed; each author lists its
    /// marks in [`Contributor::note_labels`].
    pub author_notes: Vec<AuthorNote>,
    /// Publication date.
    pub date: Option<PubDate>,
    /// Publishing organisation (often the letterhead).
    pub publisher: Option<String>,
    /// A rights statement or disclaimer line ("Views expressed ... are those of the author").
    pub rights: Option<String>,
    /// The input file's name, when known.
    pub source: Option<String>,
}

/// A person (or body) credited on the title block.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Contributor {
    /// The name as printed, honorifics included ("Dr Neelum Nigar").
    pub name: String,
    /// Position line under the name ("Research Associate").
    pub role: Option<String>,
    /// Organisation line under the name.
    pub affiliation: Option<String>,
    /// The labels raised after the name ("1", "2", "*"), in the order printed: keys into
    /// [`Metadata::affiliations`]. A label no affiliation carries (a corresponding-author
    /// star) is kept as printed and points nowhere.
    pub affiliation_labels: Vec<String>,
    /// The marks after the name that point to notes about this author ("*" in "Andrew G
    /// Haldane*"): keys into [`Metadata::author_notes`].
    pub note_labels: Vec<String>,
}

/// A note about one or more authors, printed at the foot of the title page under the
/// mark their names carry ("* I would like to thank…").
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct AuthorNote {
    /// The mark as printed ("*", "†").
    pub label: String,
    /// The note's text, its wrapped lines joined, without the mark.
    pub text: String,
}

/// An affiliation printed once for several authors, under the label their marks repeat.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Affiliation {
    /// The label as printed ("1", "a", "†").
    pub label: String,
    /// The affiliation's text, its wrapped lines joined.
    pub text: String,
}

impl Contributor {
    /// A contributor with only a name.
    pub fn named(name: impl Into<String>) -> Self {
        Contributor {
            name: name.into(),
            ..Default::default()
        }
    }
}

/// A date as printed, with its calendar value when it could be parsed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PubDate {
    /// The text as it appeared ("August 16, 2024").
    pub printed: String,
    /// Year, when the text parses as a date.
    pub year: Option<i32>,
    /// Month 1-12, when known.
    pub month: Option<u8>,
    /// Day of month, when known.
    pub day: Option<u8>,
}

impl PubDate {
    /// ISO 8601 form: `YYYY-MM-DD`, `YYYY-MM` or `YYYY`, depending on what is known.
    pub fn iso(&self) -> Option<String> {
        let y = self.year?;
        Some(match (self.month, self.day) {
            (Some(m), Some(d)) => format!("{y:04}-{m:02}-{d:02}"),
            (Some(m), None) => format!("{y:04}-{m:02}"),
            _ => format!("{y:04}"),
        })
    }
}
