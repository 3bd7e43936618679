//! Table headers of two levels, in small PDFs of `tests/fixtures/layout/` (written by
//! `scripts/make-layout-fixtures` with ReportLab): a heading printed across two columns
//! ("Year ended 31 December" over "2023" and "2022") is one cell spanning them, above the
//! row naming each column; Markdown writes such a table as an HTML `<table>` with
//! `colspan`, JATS as `<th colspan>`, both header rows in the head.

mod common;

use brief2md::model::{Block, CellSpan, Table};
use common::layout_flow::{cell_texts as texts, fixture};

fn only_table(blocks: &[Block]) -> &Table {
    let tables: Vec<&Table> = blocks
        .iter()
        .filter_map(|b| match b {
            Block::Table(t) => Some(t),
            _ => None,
        })
        .collect();
    assert_eq!(tables.len(), 1, "one table: {blocks:?}");
    tables[0]
}

fn assert_two_level_header(name: &str) {
    let (doc, md) = fixture(name);
    let table = only_table(&doc.blocks);
    let rows = texts(table);
    assert_eq!(
        rows[..3],
        [
            vec!["", "Year ended 31 December", "", ""],
            vec!["Region", "2023", "2022", "Change (%)"],
            vec!["Lower basin", "1,136", "876", "29.7"],
        ],
        "{name}:\n{md}"
    );
    assert_eq!(rows.len(), 6, "{name}:\n{md}");
    assert_eq!(
        table.spans,
        [CellSpan {
            row: 0,
            column: 1,
            columns: 2
        }],
        "{name}"
    );
    assert_eq!(table.head_rows(), 2, "{name}");
    // Markdown: an HTML table, both header rows in its head, the heading across two
    // columns; the paragraph after it stays a paragraph.
    assert!(
        md.contains(
            "<thead>\n<tr><th></th><th colspan=\"2\"><strong>Year ended 31 December</strong></th><th></th></tr>\n\
             <tr><th><strong>Region</strong></th>"
        ),
        "{name}:\n{md}"
    );
    assert!(
        md.contains("<tbody>\n<tr><td>Lower basin</td><td>1,136</td>"),
        "{md}"
    );
    assert!(!md.contains("| --- |"), "no pipe table:\n{md}");
    assert!(
        md.contains("</table>\n\nAbstraction grew in every part"),
        "{md}"
    );
    // JATS: the same spans, valid against the DTD.
    let xml = brief2md::writers::jats::write(&doc);
    assert!(
        xml.contains("<th colspan=\"2\"><bold>Year ended 31 December</bold></th>"),
        "{xml}"
    );
    assert_eq!(xml.matches("<tr>").count(), 6, "{xml}");
    common::assert_valid_jats(&xml, name);
}

#[test]
fn a_heading_across_two_ruled_columns_spans_them() {
    assert_two_level_header("spanning-header-ruled.pdf");
}

#[test]
fn a_heading_across_two_unruled_columns_spans_them() {
    assert_two_level_header("spanning-header-unruled.pdf");
}
