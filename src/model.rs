//! The document model: the one type every reader's output is turned into and every writer
//! consumes. It knows nothing about PDFs, text files, Markdown or XML.
//!
//! Footnotes live beside the body, not inside it: the body refers to them by [`FootnoteId`],
//! so a writer can number them in order of first reference and guarantee exactly one
//! definition per note.

use serde::Serialize;

mod caption;
mod metadata;
mod spans;

pub use caption::{Caption, CaptionSide, TableCaption};
pub use metadata::{Affiliation, AuthorNote, Contributor, Metadata, PubDate};
pub use spans::CellSpan;

/// A converted brief: metadata, body blocks and footnotes.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Document {
    /// Title-block facts (title, authors, date, publisher...).
    pub metadata: Metadata,
    /// The body, in reading order.
    pub blocks: Vec<Block>,
    /// Every footnote or endnote found, in the order the document numbers them.
    pub footnotes: Vec<Footnote>,
}

/// Block-level content.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub enum Block {
    /// A section heading; level 1 is the top level of the body (the title is metadata).
    Heading {
        /// 1-6.
        level: u8,
        /// Heading text.
        content: Vec<Inline>,
    },
    /// A paragraph of running text.
    Paragraph(Vec<Inline>),
    /// A bulleted or numbered list; items hold blocks, so lists nest.
    List(List),
    /// Quoted material.
    BlockQuote(Vec<Block>),
    /// A box set apart from the running text: a sidebar, a callout, "key findings".
    Boxed(Boxed),
    /// A table as rows of cells.
    Table(Table),
    /// Text whose line breaks and spacing matter.
    Preformatted(String),
    /// A figure: its caption, and the text drawn inside it (a chart's tick values, legend
    /// and axis titles). The picture itself is not converted.
    Figure {
        /// The caption printed with it ("Figure 2: Yields by region"), if one is found.
        #[serde(skip_serializing_if = "Option::is_none")]
        caption: Option<Caption>,
        /// The lines drawn inside it, plain, in reading order: none for a figure known
        /// only by its caption.
        #[serde(skip_serializing_if = "Vec::is_empty")]
        lettering: Vec<String>,
        /// The caption is printed under the drawing: its lettering is read first.
        #[serde(skip_serializing_if = "std::ops::Not::not")]
        caption_below: bool,
    },
}

/// A box set apart from the running text, and what it holds.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Boxed {
    /// The box's own heading ("Key findings"), when it opens with one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title: Option<Vec<Inline>>,
    /// Its content: paragraphs, lists, tables.
    pub blocks: Vec<Block>,
}

/// A list and its items.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct List {
    /// Bullets or numbers.
    pub kind: ListKind,
    /// The items in order.
    pub items: Vec<ListItem>,
}

/// Whether a list is bulleted or numbered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum ListKind {
    /// Bulleted (•, -, ◦ ...).
    Bullet,
    /// Numbered or lettered, with the first item's number.
    Ordered {
        /// Number of the first item (1 for "1.", "a." or "(i)").
        start: u32,
    },
}

/// One list item: its own blocks, possibly a nested list among them.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct ListItem {
    /// Content; usually a paragraph, then maybe a nested list.
    pub blocks: Vec<Block>,
    /// An ordered item's label as printed (`a.`, `(ii)`, `3)`), which writers keep when
    /// the list is not plainly numbered 1., 2., 3. ...
    #[serde(skip_serializing_if = "Option::is_none")]
    pub label: Option<String>,
}

/// A table: rows of cells, the first row optionally a header.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Table {
    /// Whether the first row is a header row.
    pub header: bool,
    /// Rows of cells; each cell is inline content. Every row has a slot for each column:
    /// a cell printed across several columns ([`Table::spans`]) holds its text in its
    /// first slot, and the slots it covers stay empty.
    pub rows: Vec<Vec<Vec<Inline>>>,
    /// Header rows above the row that names each column, grouping columns under headings
    /// printed across them ("Year Ended" over "2023 | 2022"); only with `header`.
    #[serde(skip_serializing_if = "spans::is_zero")]
    pub group_rows: usize,
    /// Cells printed across several columns.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub spans: Vec<CellSpan>,
    /// The notes printed under the table ("a Estimated from ..."), which its cells' marks
    /// refer to by label ([`Inline::TableNoteRef`]). They belong to the table, not to the
    /// document's footnotes: their labels restart with each table.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<TableNote>,
    /// The caption printed right above or below the table ("Table 3: Growth by region").
    #[serde(skip_serializing_if = "Option::is_none")]
    pub caption: Option<TableCaption>,
}

/// A note printed under a table, keyed to marks in the table's cells.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct TableNote {
    /// The label as printed ("a", "†").
    pub label: String,
    /// The note's text, label removed.
    pub content: Vec<Inline>,
}

/// Identifies a footnote within one [`Document`]; an index into [`Document::footnotes`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
pub struct FootnoteId(pub usize);

/// Inline content.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub enum Inline {
    /// Plain text (never contains markup; writers escape it).
    Text(String),
    /// Bold.
    Strong(Vec<Inline>),
    /// Italic.
    Emphasis(Vec<Inline>),
    /// A hyperlink.
    Link {
        /// Target URL.
        url: String,
        /// Visible text; equal to the URL for a bare link.
        content: Vec<Inline>,
    },
    /// A call-out to a footnote.
    FootnoteRef(FootnoteId),
    /// A mark in a table cell that refers to one of that table's notes
    /// ([`Table::notes`]), holding the label as printed ("a"); a raised mark stays inside
    /// its [`Inline::Superscript`].
    TableNoteRef(String),
    /// Raised text that is not a footnote marker ("1st", "m²").
    Superscript(Vec<Inline>),
    /// Lowered text that is not a footnote marker ("CO₂").
    Subscript(Vec<Inline>),
}

impl Inline {
    /// Plain text inline.
    pub fn text(s: impl Into<String>) -> Self {
        Inline::Text(s.into())
    }
}

/// A footnote or endnote.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Footnote {
    /// The label as printed ("4", "*"), or the number it was given when the label was lost.
    pub label: String,
    /// The note's content.
    pub blocks: Vec<Block>,
    /// Whether the body had lost this note's marker and the converter put it back (the
    /// report's `marker-recovered` action says where and why).
    pub recovered: bool,
}

/// One footnote, flattened for callers that index or audit notes (see
/// [`Document::note_summaries`]).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct NoteSummary {
    /// Its number in the output (`[^3]` in Markdown), 1-based in order of first reference.
    pub number: usize,
    /// The label as printed ("4", "iv", "*"), or the number it was given when lost.
    pub label: String,
    /// The note's visible text: blocks separated by a blank line, list items by a line.
    pub text: String,
    /// Whether the body refers to it.
    pub linked: bool,
    /// Whether that reference was lost in the source and put back by the converter.
    pub recovered: bool,
}

/// The visible text of blocks: blocks separated by a blank line, list items and table
/// rows by a line break, table cells by a tab, a table's notes (label, space, text) on
/// lines after its rows, its caption on a line above or below them as printed, a figure
/// its caption.
pub fn blocks_plain_text(blocks: &[Block]) -> String {
    let parts: Vec<String> = blocks
        .iter()
        .map(|block| match block {
            Block::Heading { content, .. } | Block::Paragraph(content) => plain_text(content),
            Block::List(list) => list
                .items
                .iter()
                .map(|item| blocks_plain_text(&item.blocks))
                .collect::<Vec<_>>()
                .join("\n"),
            Block::BlockQuote(inner) => blocks_plain_text(inner),
            Block::Boxed(boxed) => boxed
                .title
                .iter()
                .map(|t| plain_text(t))
                .chain(std::iter::once(blocks_plain_text(&boxed.blocks)))
                .collect::<Vec<_>>()
                .join("\n\n"),
            Block::Table(table) => table_plain_text(table),
            Block::Preformatted(text) => text.clone(),
            Block::Figure {
                caption, lettering, ..
            } => caption
                .iter()
                .map(|c| plain_text(&c.printed))
                .chain(lettering.iter().cloned())
                .collect::<Vec<_>>()
                .join("\n"),
        })
        .collect();
    parts.join("\n\n")
}

/// A table's visible text: rows on lines, cells split by tabs, then its notes, the caption
/// on a line of its own on the side it is printed.
fn table_plain_text(table: &Table) -> String {
    let caption = |side| table.caption_on(side).map(|c| plain_text(&c.printed));
    let (above, below) = (caption(CaptionSide::Above), caption(CaptionSide::Below));
    let rows = table.rows.iter().map(|row| {
        row.iter()
            .map(|c| plain_text(c))
            .collect::<Vec<_>>()
            .join("\t")
    });
    let notes = table
        .notes
        .iter()
        .map(|n| format!("{} {}", n.label, plain_text(&n.content)));
    above
        .into_iter()
        .chain(rows)
        .chain(notes)
        .chain(below)
        .collect::<Vec<_>>()
        .join("\n")
}

/// The visible text of inline content, markup removed, footnote references skipped.
pub fn plain_text(inlines: &[Inline]) -> String {
    let mut out = String::new();
    push_plain(inlines, &mut out);
    out
}

fn push_plain(inlines: &[Inline], out: &mut String) {
    for inline in inlines {
        match inline {
            Inline::Text(t) | Inline::TableNoteRef(t) => out.push_str(t),
            Inline::Strong(c)
            | Inline::Emphasis(c)
            | Inline::Superscript(c)
            | Inline::Subscript(c)
            | Inline::Link { content: c, .. } => push_plain(c, out),
            Inline::FootnoteRef(_) => {}
        }
    }
}

/// Calls `f` on every footnote reference in `blocks`, in document order.
pub fn visit_footnote_refs(blocks: &[Block], f: &mut impl FnMut(FootnoteId)) {
    for block in blocks {
        match block {
            Block::Heading { content, .. } | Block::Paragraph(content) => {
                visit_inline_refs(content, f)
            }
            Block::List(list) => {
                for item in &list.items {
                    visit_footnote_refs(&item.blocks, f);
                }
            }
            Block::BlockQuote(inner) => visit_footnote_refs(inner, f),
            Block::Boxed(boxed) => {
                if let Some(title) = &boxed.title {
                    visit_inline_refs(title, f);
                }
                visit_footnote_refs(&boxed.blocks, f);
            }
            Block::Table(table) => {
                let caption = |side| table.caption_on(side).map(|c| &c.printed);
                for content in caption(CaptionSide::Above)
                    .into_iter()
                    .chain(table.rows.iter().flatten())
                    .chain(caption(CaptionSide::Below))
                {
                    visit_inline_refs(content, f);
                }
            }
            Block::Figure { caption, .. } => {
                if let Some(c) = caption {
                    visit_inline_refs(&c.printed, f)
                }
            }
            Block::Preformatted(_) => {}
        }
    }
}

/// Calls `f` with every footnote reference in inline content, markup opened.
pub(crate) fn visit_inline_refs(inlines: &[Inline], f: &mut impl FnMut(FootnoteId)) {
    for inline in inlines {
        match inline {
            Inline::FootnoteRef(id) => f(*id),
            Inline::Strong(c)
            | Inline::Emphasis(c)
            | Inline::Superscript(c)
            | Inline::Subscript(c)
            | Inline::Link { content: c, .. } => visit_inline_refs(c, f),
            Inline::Text(_) | Inline::TableNoteRef(_) => {}
        }
    }
}

impl Document {
    /// Footnotes in order of first reference from the body, then any never referenced.
    ///
    /// Writers put the notes in this order; a note whose printed label cannot serve as its
    /// label in the output is numbered by its place in it.
    pub fn footnote_order(&self) -> Vec<FootnoteId> {
        let mut seen = vec![false; self.footnotes.len()];
        let mut order = Vec::with_capacity(self.footnotes.len());
        visit_footnote_refs(&self.blocks, &mut |id| {
            if let Some(s) = seen.get_mut(id.0)
                && !*s
            {
                *s = true;
                order.push(id);
            }
        });
        // Notes referenced only from other notes come next, then unreferenced ones.
        order.extend(
            seen.iter()
                .enumerate()
                .filter(|(_, s)| !**s)
                .map(|(i, _)| FootnoteId(i)),
        );
        order
    }

    /// The closing section that refers to the notes the body holds no marker for, so that
    /// no note is lost: Markdown renderers drop a definition nothing refers to, and a reader
    /// of either format should see that the note's place in the text is unknown. `None`
    /// when every note is referenced.
    pub fn unlinked_notes_section(&self) -> Option<Vec<Block>> {
        let unlinked = self.unreferenced_footnotes();
        if unlinked.is_empty() {
            return None;
        }
        let items = unlinked
            .into_iter()
            .map(|id| {
                let label = self.footnotes[id.0].label.trim();
                let name = if label.is_empty() {
                    "Note (unlinked note)".to_string()
                } else {
                    format!("Note {label} (unlinked note)")
                };
                ListItem {
                    blocks: vec![Block::Paragraph(vec![
                        Inline::text(name),
                        Inline::FootnoteRef(id),
                    ])],
                    label: None,
                }
            })
            .collect();
        Some(vec![
            Block::Heading {
                level: 2,
                content: vec![Inline::text("Unlinked notes")],
            },
            Block::List(List {
                kind: ListKind::Bullet,
                items,
            }),
        ])
    }

    /// Ids of footnotes that the body never references.
    pub fn unreferenced_footnotes(&self) -> Vec<FootnoteId> {
        let mut seen = vec![false; self.footnotes.len()];
        visit_footnote_refs(&self.blocks, &mut |id| {
            if let Some(s) = seen.get_mut(id.0) {
                *s = true;
            }
        });
        (0..self.footnotes.len())
            .filter(|&i| !seen[i])
            .map(FootnoteId)
            .collect()
    }

    /// The footnotes as an index or an audit sees them, in the order the writers number
    /// them: number, label, plain text, whether the body refers to the note and whether
    /// that reference was put back by the converter.
    pub fn note_summaries(&self) -> Vec<NoteSummary> {
        let unlinked = self.unreferenced_footnotes();
        self.footnote_order()
            .into_iter()
            .enumerate()
            .map(|(i, id)| {
                let note = &self.footnotes[id.0];
                NoteSummary {
                    number: i + 1,
                    label: note.label.trim().to_string(),
                    text: blocks_plain_text(&note.blocks),
                    linked: !unlinked.contains(&id),
                    recovered: note.recovered,
                }
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn para(v: Vec<Inline>) -> Block {
        Block::Paragraph(v)
    }

    #[test]
    fn iso_dates_follow_known_precision() {
        let d = |y, m, dd| PubDate {
            printed: String::new(),
            year: y,
            month: m,
            day: dd,
        };
        assert_eq!(d(Some(2024), Some(8), Some(6)).iso().unwrap(), "2024-08-06");
        assert_eq!(d(Some(2024), Some(8), None).iso().unwrap(), "2024-08");
        assert_eq!(d(Some(2024), None, None).iso().unwrap(), "2024");
        assert_eq!(d(None, Some(8), Some(6)).iso(), None);
    }

    #[test]
    fn footnote_order_is_first_reference_order_then_orphans() {
        let doc = Document {
            blocks: vec![
                para(vec![Inline::text("a"), Inline::FootnoteRef(FootnoteId(2))]),
                Block::List(List {
                    kind: ListKind::Bullet,
                    items: vec![ListItem {
                        blocks: vec![para(vec![
                            Inline::FootnoteRef(FootnoteId(0)),
                            Inline::FootnoteRef(FootnoteId(2)),
                        ])],
                        label: None,
                    }],
                }),
            ],
            footnotes: (0..4)
                .map(|i| Footnote {
                    label: i.to_string(),
                    recovered: false,
                    blocks: vec![],
                })
                .collect(),
            ..Default::default()
        };
        assert_eq!(
            doc.footnote_order(),
            vec![FootnoteId(2), FootnoteId(0), FootnoteId(1), FootnoteId(3)]
        );
        assert_eq!(
            doc.unreferenced_footnotes(),
            vec![FootnoteId(1), FootnoteId(3)]
        );
    }

    #[test]
    fn plain_text_drops_markup_and_refs() {
        let v = vec![
            Inline::Strong(vec![Inline::text("Lead:")]),
            Inline::text(" body"),
            Inline::FootnoteRef(FootnoteId(0)),
            Inline::Subscript(vec![Inline::text("2")]),
        ];
        assert_eq!(plain_text(&v), "Lead: body2");
    }

    #[test]
    fn note_summaries_follow_output_numbering_and_flag_links() {
        let note = |label: &str, text: &str, recovered| Footnote {
            label: label.into(),
            blocks: vec![para(vec![Inline::text(text)])],
            recovered,
        };
        let doc = Document {
            blocks: vec![para(vec![
                Inline::text("a"),
                Inline::FootnoteRef(FootnoteId(1)),
            ])],
            footnotes: vec![
                note("ii", "Never cited.", false),
                note(" 7 ", "Cited, marker put back.", true),
            ],
            ..Default::default()
        };
        let s = doc.note_summaries();
        assert_eq!(s.len(), 2);
        assert_eq!(
            (
                s[0].number,
                s[0].label.as_str(),
                s[0].linked,
                s[0].recovered
            ),
            (1, "7", true, true)
        );
        assert_eq!(s[0].text, "Cited, marker put back.");
        assert_eq!(
            (
                s[1].number,
                s[1].label.as_str(),
                s[1].linked,
                s[1].recovered
            ),
            (2, "ii", false, false)
        );
        let listed = vec![
            para(vec![Inline::Strong(vec![Inline::text("Sources:")])]),
            Block::List(List {
                kind: ListKind::Bullet,
                items: vec![
                    ListItem {
                        blocks: vec![para(vec![Inline::text("one")])],
                        label: None,
                    },
                    ListItem {
                        blocks: vec![para(vec![Inline::text("two")])],
                        label: None,
                    },
                ],
            }),
        ];
        assert_eq!(blocks_plain_text(&listed), "Sources:\n\none\ntwo");
    }
}
