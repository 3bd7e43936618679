//! Captions of tables and figures: the label ("Table 3") and the caption as printed.

use serde::Serialize;

use super::{Inline, Table, plain_text};

/// A table's or a figure's caption.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Caption {
    /// The label as printed, without the stop after it ("Table 3", "Fig. 2", "TABLE IV").
    pub label: String,
    /// The whole caption as printed, label and stop included ("**Table 3:** Growth by
    /// region"): Markdown keeps it so; [`Caption::title`] is the part after the label.
    pub printed: Vec<Inline>,
}

/// Where a table's caption is printed.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub enum CaptionSide {
    /// Above the table, the common place.
    #[default]
    Above,
    /// Below the table (and its notes).
    Below,
}

/// A table's caption and the side of the table it is printed on, so the text keeps its
/// order.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct TableCaption {
    /// Above or below the table.
    pub side: CaptionSide,
    /// The caption itself.
    #[serde(flatten)]
    pub caption: Caption,
}

impl Table {
    /// The table's caption when it is printed on `side` of the table.
    pub fn caption_on(&self, side: CaptionSide) -> Option<&Caption> {
        self.caption
            .as_ref()
            .filter(|c| c.side == side)
            .map(|c| &c.caption)
    }
}

impl Caption {
    /// The caption's words after its label and the stop after it ("Growth by region"),
    /// markup kept: what JATS puts in `<caption>` beside `<label>`. The whole caption when
    /// its text does not open with the label.
    pub fn title(&self) -> Vec<Inline> {
        let text = plain_text(&self.printed);
        let lead = text.len() - text.trim_start().len();
        let Some(after) = text[lead..].strip_prefix(self.label.as_str()) else {
            return self.printed.clone();
        };
        let rest = after.trim_start_matches([':', '.', ' ', '\u{a0}', '\t', '\n']);
        let mut skip = text[..text.len() - rest.len()].chars().count();
        let mut title = self.printed.clone();
        drop_leading_chars(&mut title, &mut skip);
        title
    }
}

/// Drops the first `n` visible characters of `inlines` (as [`plain_text`] counts them),
/// and any markup left empty by it.
fn drop_leading_chars(inlines: &mut Vec<Inline>, n: &mut usize) {
    let mut i = 0;
    while i < inlines.len() && *n > 0 {
        let emptied = match &mut inlines[i] {
            Inline::Text(t) | Inline::TableNoteRef(t) => {
                let count = t.chars().count();
                let cut = count.min(*n);
                *n -= cut;
                let at = t.char_indices().nth(cut).map_or(t.len(), |(b, _)| b);
                t.drain(..at);
                t.is_empty()
            }
            Inline::Strong(c)
            | Inline::Emphasis(c)
            | Inline::Superscript(c)
            | Inline::Subscript(c)
            | Inline::Link { content: c, .. } => {
                drop_leading_chars(c, n);
                c.is_empty()
            }
            Inline::FootnoteRef(_) => false,
        };
        if emptied {
            inlines.remove(i);
        } else {
            i += 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_title_is_what_follows_the_label_and_its_stop_markup_kept() {
        let caption = Caption {
            label: "Table 3".into(),
            printed: vec![
                Inline::Strong(vec![Inline::text("Table 3:")]),
                Inline::text(" Growth by "),
                Inline::Emphasis(vec![Inline::text("region")]),
            ],
        };
        assert_eq!(
            caption.title(),
            vec![
                Inline::text("Growth by "),
                Inline::Emphasis(vec![Inline::text("region")]),
            ]
        );
        let inside = Caption {
            label: "Fig. 1".into(),
            printed: vec![Inline::Strong(vec![Inline::text("Fig. 1. Yields")])],
        };
        assert_eq!(
            inside.title(),
            vec![Inline::Strong(vec![Inline::text("Yields")])]
        );
    }

    #[test]
    fn a_caption_not_opening_with_its_label_is_kept_whole() {
        let caption = Caption {
            label: "Table 3".into(),
            printed: vec![Inline::text("Growth, Table 3")],
        };
        assert_eq!(caption.title(), caption.printed);
        let bare = Caption {
            label: "TABLE IV".into(),
            printed: vec![Inline::text("TABLE IV")],
        };
        assert!(bare.title().is_empty());
    }
}
