//! The cleaning report: what the converter removed, repaired or guessed, so that a librarian
//! can audit a conversion without re-reading the source.
//!
//! Every pass that drops or changes text records an [`Action`] here. Nothing is removed
//! silently: a line that leaves the body is either in the output elsewhere (metadata,
//! footnotes) or listed here with its reason.

use serde::Serialize;

/// Everything done to one input.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Report {
    /// The input's name, when known.
    pub source: Option<String>,
    /// Which reader produced the lines ("text" or "pdf").
    pub reader: String,
    /// Number of pages seen (form feeds or PDF pages; 1 for text without page breaks).
    pub pages: usize,
    /// Actions in the order they were taken.
    pub actions: Vec<Action>,
    /// Problems that did not stop the conversion (a PDF page that failed, invalid bytes...).
    pub warnings: Vec<String>,
}

/// What kind of change an [`Action`] records.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum ActionKind {
    /// A running header or footer line removed.
    RunningHeader,
    /// A page-number line removed.
    PageNumber,
    /// A notice that its page was left blank on purpose ("This page intentionally left
    /// blank"), alone on that page, removed.
    BlankPageNotice,
    /// A watermark ("DRAFT") drawn across a page at a slant, removed.
    Watermark,
    /// A contact or letterhead line (address, phone, web) removed from the body.
    ContactLine,
    /// A line moved into the metadata.
    Metadata,
    /// A footnote marker in the body rewritten into a reference.
    MarkerRepaired,
    /// A footnote reference inserted where the body had lost its marker.
    MarkerRecovered,
    /// A footnote text found and its label read or assigned.
    FootnoteText,
    /// A footnote that could not be placed in the body.
    FootnoteUnplaced,
    /// A word hyphenated at a line end rejoined.
    Dehyphenated,
    /// A URL broken by a space or line break rejoined.
    UrlJoined,
    /// Lines of one paragraph rejoined across a page break or inserted block.
    ParagraphJoined,
    /// Text drawn inside a chart (tick values, a legend, axis titles) kept with its
    /// figure, out of the running text.
    ChartText,
    /// A misread list bullet normalised.
    BulletRepaired,
    /// A paragraph's large first letter (a drop cap) moved to the start of its word.
    DropCap,
    /// Characters replaced (entities, ligatures, control characters).
    CharactersRepaired,
    /// Characters removed because the output format cannot hold them.
    CharactersRemoved,
    /// Invalid input bytes replaced with U+FFFD.
    InvalidBytes,
    /// Text drawn outside the page's visible area (its crop box) left out.
    OutsidePage,
    /// Glyphs whose font maps them to no character: their codes, for the record.
    Unreadable,
    /// Any other judgement call.
    Guess,
}

/// One recorded change.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Action {
    /// What was done.
    pub kind: ActionKind,
    /// 1-based page number, when known.
    pub page: Option<usize>,
    /// 1-based line numbers in the input (text input), or line indexes on the page (PDF).
    pub lines: Vec<usize>,
    /// The text before the change.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub before: Option<String>,
    /// The text after the change; absent when the text was dropped.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub after: Option<String>,
    /// Why the converter decided this.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub evidence: Option<String>,
    /// 0.0-1.0: how sure the converter is.
    pub confidence: f32,
}

impl Action {
    /// A new action of `kind` with full confidence and no details yet.
    pub fn new(kind: ActionKind) -> Self {
        Action {
            kind,
            page: None,
            lines: Vec::new(),
            before: None,
            after: None,
            evidence: None,
            confidence: 1.0,
        }
    }

    /// Sets the page.
    pub fn page(mut self, page: usize) -> Self {
        self.page = Some(page);
        self
    }

    /// Sets the input line numbers.
    pub fn lines(mut self, lines: impl IntoIterator<Item = usize>) -> Self {
        self.lines = lines.into_iter().collect();
        self
    }

    /// Sets the text before the change.
    pub fn before(mut self, s: impl Into<String>) -> Self {
        self.before = Some(s.into());
        self
    }

    /// Sets the text after the change.
    pub fn after(mut self, s: impl Into<String>) -> Self {
        self.after = Some(s.into());
        self
    }

    /// Sets the evidence.
    pub fn evidence(mut self, s: impl Into<String>) -> Self {
        self.evidence = Some(s.into());
        self
    }

    /// Sets the confidence (clamped to 0-1).
    pub fn confidence(mut self, c: f32) -> Self {
        self.confidence = c.clamp(0.0, 1.0);
        self
    }
}

impl Report {
    /// Records an action.
    pub fn push(&mut self, action: Action) {
        self.actions.push(action);
    }

    /// Records a warning.
    pub fn warn(&mut self, message: impl Into<String>) {
        self.warnings.push(message.into());
    }

    /// Number of actions of one kind.
    pub fn count(&self, kind: ActionKind) -> usize {
        self.actions.iter().filter(|a| a.kind == kind).count()
    }

    /// The report as pretty-printed JSON.
    pub fn to_json(&self) -> String {
        // Serialising plain data with string keys cannot fail.
        serde_json::to_string_pretty(self).unwrap_or_else(|_| "{}".to_string())
    }
}

/// A count with thousands separators, as warnings print it: `41,203`.
pub fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_has_kebab_kinds_and_omits_empty_fields() {
        let mut r = Report {
            reader: "text".into(),
            ..Default::default()
        };
        r.push(
            Action::new(ActionKind::RunningHeader)
                .page(2)
                .lines([40])
                .before("Series Title")
                .confidence(1.7),
        );
        let json = r.to_json();
        assert!(json.contains("\"running-header\""), "{json}");
        assert!(json.contains("\"confidence\": 1.0"), "{json}");
        assert!(!json.contains("\"after\""), "{json}");
        assert_eq!(r.count(ActionKind::RunningHeader), 1);
        assert_eq!(r.count(ActionKind::PageNumber), 0);
    }

    #[test]
    fn counts_print_with_thousands_separators() {
        assert_eq!(thousands(0), "0");
        assert_eq!(thousands(999), "999");
        assert_eq!(thousands(41_203), "41,203");
        assert_eq!(thousands(4_000_000), "4,000,000");
    }
}
