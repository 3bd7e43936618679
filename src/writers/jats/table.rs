//! Tables: `<table-wrap>` with a header row in `<thead>`, and the notes printed under the
//! table in `<table-wrap-foot>` as `<fn>`s that the cells' marks point to with
//! `<xref ref-type="table-fn">`; its caption as `<label>` and `<caption>`. Figures, known
//! by their captions only, are `<fig>`s with the same two and no graphic (the DTD allows it).

use quick_xml::events::{BytesStart, Event};

use crate::model::{Caption, Inline, Table};

use super::Jats;

impl Jats<'_> {
    pub(super) fn table(&mut self, table: &Table) {
        self.table_count += 1;
        // Ids unique in the document: the table's number, then the note's place under it.
        let ids: Vec<(String, String)> = table
            .notes
            .iter()
            .enumerate()
            .map(|(j, n)| {
                (
                    n.label.clone(),
                    format!("tbl{}-fn{}", self.table_count, j + 1),
                )
            })
            .collect();
        self.table_notes = ids.clone();
        self.open("table-wrap", &[]);
        if let Some(placed) = &table.caption {
            self.caption(&placed.caption);
        }
        self.open("table", &[]);
        let head = table.head_rows();
        if head > 0 {
            self.open("thead", &[]);
            for r in 0..head {
                self.row(table, r, "th");
            }
            self.close("thead");
        }
        self.open("tbody", &[]);
        for r in head..table.rows.len() {
            self.row(table, r, "td");
        }
        if table.rows.len() <= head {
            self.open("tr", &[]);
            self.event(Event::Empty(BytesStart::new("td")));
            self.close("tr");
        }
        self.close("tbody");
        self.close("table");
        self.table_notes.clear();
        if !table.notes.is_empty() {
            self.newline();
            self.open("table-wrap-foot", &[]);
            self.newline();
            for (note, (label, id)) in table.notes.iter().zip(&ids) {
                self.open("fn", &[("id", id)]);
                self.leaf("label", label);
                if note.content.is_empty() {
                    self.event(Event::Empty(BytesStart::new("p")));
                } else {
                    self.open("p", &[]);
                    self.inlines(&note.content);
                    self.close("p");
                }
                self.close("fn");
                self.newline();
            }
            self.close("table-wrap-foot");
        }
        self.close("table-wrap");
    }

    /// `<fig>`: its label and caption, then the text drawn inside it, a line to a
    /// paragraph marked as such.
    pub(super) fn figure(&mut self, caption: Option<&Caption>, lettering: &[String]) {
        self.open("fig", &[]);
        if let Some(caption) = caption {
            self.caption(caption);
        }
        for line in lettering {
            self.open("p", &[("content-type", "figure-text")]);
            self.inlines(&[Inline::text(line.clone())]);
            self.close("p");
        }
        self.close("fig");
    }

    /// `<label>`, then the words after it in `<caption>` (none when the label stands alone).
    fn caption(&mut self, caption: &Caption) {
        self.leaf("label", &caption.label);
        let title = caption.title();
        if !title.is_empty() {
            self.open("caption", &[]);
            self.open("p", &[]);
            self.inlines(&title);
            self.close("p");
            self.close("caption");
        }
    }

    /// Row `r` of the table, a cell printed across columns with its `colspan`.
    fn row(&mut self, table: &Table, r: usize, cell: &str) {
        let row = &table.rows[r];
        self.open("tr", &[]);
        for (k, columns) in table.spanned_cells(r) {
            let span = columns.to_string();
            let attrs: &[(&str, &str)] = if columns > 1 {
                &[("colspan", &span)]
            } else {
                &[]
            };
            self.open(cell, attrs);
            self.inlines(&row[k]);
            self.close(cell);
        }
        if row.is_empty() {
            self.event(Event::Empty(BytesStart::new(cell)));
        }
        self.close("tr");
        self.newline();
    }

    /// A cell's mark: a link to the table's note of that label, or the mark as printed
    /// when the table has no such note.
    pub(super) fn table_note_ref(&mut self, label: &str) {
        let id = self
            .table_notes
            .iter()
            .find(|(l, _)| l == label)
            .map(|(_, id)| id.clone());
        match id {
            Some(id) => {
                self.open("xref", &[("ref-type", "table-fn"), ("rid", &id)]);
                self.text(label);
                self.close("xref");
            }
            None => self.text(label),
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::model::{
        Block, Caption, CaptionSide, Document, Inline, Table, TableCaption, TableNote,
    };

    fn table(marks: &[&str], notes: &[&str]) -> Block {
        let cell = |s: &str| vec![Inline::text(s)];
        let row = marks
            .iter()
            .map(|m| {
                vec![
                    Inline::text("12"),
                    Inline::Superscript(vec![Inline::TableNoteRef(m.to_string())]),
                ]
            })
            .collect();
        Block::Table(Table {
            header: true,
            rows: vec![vec![cell("Head"); marks.len()], row],
            notes: notes
                .iter()
                .map(|l| TableNote {
                    label: l.to_string(),
                    content: vec![Inline::text(format!("Note {l}."))],
                })
                .collect(),
            ..Default::default()
        })
    }

    #[test]
    fn table_notes_go_to_the_table_foot_and_marks_point_to_them() {
        let doc = Document {
            blocks: vec![table(&["a", "b"], &["a", "b"]), table(&["a", "c"], &["a"])],
            ..Default::default()
        };
        let xml = super::super::write(&doc);
        // Each table's notes in its own foot, ids unique across tables.
        assert!(
            xml.contains(
                "</table>\n<table-wrap-foot>\n\
                 <fn id=\"tbl1-fn1\"><label>a</label><p>Note a.</p></fn>\n\
                 <fn id=\"tbl1-fn2\"><label>b</label><p>Note b.</p></fn>\n\
                 </table-wrap-foot></table-wrap>"
            ),
            "{xml}"
        );
        assert!(
            xml.contains("<fn id=\"tbl2-fn1\"><label>a</label><p>Note a.</p></fn>"),
            "{xml}"
        );
        // The raise is kept around the link; the second table's `a` points to its own note.
        assert!(
            xml.contains(
                "<td>12<sup><xref ref-type=\"table-fn\" rid=\"tbl1-fn2\">b</xref></sup></td>"
            ),
            "{xml}"
        );
        assert!(
            xml.contains(
                "<td>12<sup><xref ref-type=\"table-fn\" rid=\"tbl2-fn1\">a</xref></sup></td>"
            ),
            "{xml}"
        );
        // A mark whose note is missing stays as printed; no foot without notes.
        assert!(xml.contains("<td>12<sup>c</sup></td>"), "{xml}");
        assert_eq!(xml.matches("<table-wrap-foot>").count(), 2);
        assert!(
            !xml.contains("<back>"),
            "table notes are not the document's footnotes"
        );
    }

    #[test]
    fn captions_are_a_label_and_the_words_after_it() {
        let caption = |label: &str, printed: &str| Caption {
            label: label.into(),
            printed: vec![Inline::Strong(vec![Inline::text(printed)])],
        };
        let mut with_notes = table(&["a"], &["a"]);
        if let Block::Table(t) = &mut with_notes {
            t.caption = Some(TableCaption {
                side: CaptionSide::Below,
                caption: caption("Table 2", "Table 2. Rainfall"),
            });
        }
        let doc = Document {
            blocks: vec![
                with_notes,
                Block::Figure {
                    caption: Some(caption("Fig. 3", "Fig. 3: Yields")),
                    lettering: Vec::new(),
                    caption_below: false,
                },
                Block::Figure {
                    caption: Some(caption("TABLE IV", "TABLE IV")),
                    lettering: Vec::new(),
                    caption_below: false,
                },
                Block::Figure {
                    caption: None,
                    lettering: vec!["300".into(), "R&D <total>".into()],
                    caption_below: false,
                },
            ],
            ..Default::default()
        };
        let xml = super::super::write(&doc);
        // Wherever the caption is printed, it opens the wrap, its label apart.
        assert!(
            xml.contains(
                "<table-wrap><label>Table 2</label><caption><p><bold>Rainfall</bold></p>\
                 </caption><table>"
            ),
            "{xml}"
        );
        assert!(
            xml.contains(
                "<fig><label>Fig. 3</label><caption><p><bold>Yields</bold></p></caption></fig>"
            ),
            "{xml}"
        );
        // A label standing alone has no caption.
        assert!(xml.contains("<fig><label>TABLE IV</label></fig>"), "{xml}");
        // A chart's lettering, with no caption found: a paragraph to a line, marked.
        assert!(
            xml.contains(
                "<fig><p content-type=\"figure-text\">300</p>\
                 <p content-type=\"figure-text\">R&amp;D &lt;total&gt;</p></fig>"
            ),
            "{xml}"
        );
    }

    #[test]
    fn a_heading_across_columns_has_a_colspan_and_both_header_rows_head() {
        let cell = |s: &str| vec![Inline::text(s)];
        let doc = Document {
            blocks: vec![Block::Table(Table {
                header: true,
                group_rows: 1,
                spans: vec![crate::model::CellSpan {
                    row: 0,
                    column: 1,
                    columns: 2,
                }],
                rows: vec![
                    vec![cell(""), cell("Year Ended"), cell("")],
                    vec![cell("Item"), cell("2023"), cell("2022")],
                    vec![cell("Revenue"), cell("12"), cell("10")],
                ],
                ..Default::default()
            })],
            ..Default::default()
        };
        let xml = super::super::write(&doc);
        assert!(
            xml.contains(
                "<thead><tr><th></th><th colspan=\"2\">Year Ended</th></tr>\n\
                 <tr><th>Item</th><th>2023</th><th>2022</th></tr>\n</thead>\
                 <tbody><tr><td>Revenue</td><td>12</td><td>10</td></tr>"
            ),
            "{xml}"
        );
    }
}
