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
        if let Some(caption) = &table.caption {
            self.caption(caption);
        }
        self.open("table", &[]);
        let (head, body) = if table.header && !table.rows.is_empty() {
            (Some(&table.rows[0]), &table.rows[1..])
        } else {
            (None, &table.rows[..])
        };
        if let Some(row) = head {
            self.open("thead", &[]);
            self.row(row, "th");
            self.close("thead");
        }
        self.open("tbody", &[]);
        for row in body {
            self.row(row, "td");
        }
        if body.is_empty() {
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

    pub(super) fn figure(&mut self, caption: &Caption) {
        self.open("fig", &[]);
        self.caption(caption);
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

    fn row(&mut self, row: &[Vec<Inline>], cell: &str) {
        self.open("tr", &[]);
        for c in row {
            self.open(cell, &[]);
            self.inlines(c);
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
    use crate::model::{Block, Caption, CaptionSide, Document, Inline, Table, TableNote};

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
            t.caption = Some(caption("Table 2", "Table 2. Rainfall"));
            t.caption_side = CaptionSide::Below;
        }
        let doc = Document {
            blocks: vec![
                with_notes,
                Block::Figure {
                    caption: caption("Fig. 3", "Fig. 3: Yields"),
                },
                Block::Figure {
                    caption: caption("TABLE IV", "TABLE IV"),
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
    }
}
