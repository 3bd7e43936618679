//! Tables drawn as grids of rules, in `tests/fixtures/layout/grid-tables.pdf` (written by
//! `scripts/make-layout-fixtures` with ReportLab): the rules prove each table and say
//! which cells are printed across columns; rows a table leaves unruled inside its frame
//! are read from the text; a header printed over the top rule is the table's first row.

mod common;

use brief2md::model::{Block, CellSpan, Inline, Table};
use brief2md::report::ActionKind;
use common::layout_flow::cell_texts as texts;

fn converted() -> brief2md::Conversion {
    common::layout_flow::converted("grid-tables.pdf").0
}

fn tables(blocks: &[Block]) -> Vec<&Table> {
    blocks
        .iter()
        .filter_map(|b| match b {
            Block::Table(t) => Some(t),
            _ => None,
        })
        .collect()
}

/// Four tables, each from its grid (the report says so for each), with the text
/// around them left as paragraphs in reading order.
#[test]
fn each_grid_is_one_table_and_the_report_names_its_evidence() {
    let c = converted();
    let blocks = &c.document.blocks;
    assert_eq!(tables(blocks).len(), 4, "{blocks:?}");
    let grids = c
        .report
        .actions
        .iter()
        .filter(|a| {
            a.evidence
                .as_deref()
                .is_some_and(|e| e.starts_with("a grid of rules drawn round"))
        })
        .count();
    assert_eq!(grids, 4);
    let kinds: Vec<&str> = blocks
        .iter()
        .map(|b| match b {
            Block::Table(_) => "table",
            Block::Paragraph(_) => "para",
            _ => "other",
        })
        .collect();
    assert_eq!(
        kinds,
        ["para", "table", "para", "table", "para", "table", "table"],
        "{blocks:?}"
    );
}

/// A border left out between two cells makes one cell across both columns: a span of
/// its row, its text in its first column.
#[test]
fn a_border_left_out_is_a_cell_across_columns() {
    let c = converted();
    let t = tables(&c.document.blocks)[0];
    assert_eq!(
        texts(t),
        [
            vec!["", "North Lake", "Stone Gap", "Millpond"],
            vec!["Capacity", "41 hm3", "18 hm3", "6 hm3"],
            vec!["Use", "Irrigation", "Towns and industry", ""],
            vec!["Operator", "Basin authority", "", "District board"],
        ]
    );
    assert_eq!(
        t.spans,
        [
            CellSpan {
                row: 2,
                column: 2,
                columns: 2
            },
            CellSpan {
                row: 3,
                column: 1,
                columns: 2
            },
        ]
    );
    assert!(t.header);
}

/// A raised number in a cell continues the note sequence: it calls the note at the
/// page's foot, which is placed (not left among unlinked notes).
#[test]
fn a_raised_number_in_a_cell_calls_its_note() {
    let c = converted();
    let t = tables(&c.document.blocks)[0];
    assert!(
        t.rows[1][1]
            .iter()
            .any(|i| matches!(i, Inline::FootnoteRef(_))),
        "{:?}",
        t.rows[1][1]
    );
    assert_eq!(c.document.footnotes.len(), 1);
    assert!(
        !c.report
            .actions
            .iter()
            .any(|a| a.kind == ActionKind::FootnoteUnplaced)
    );
    let md = brief2md::writers::markdown::write(&c.document, &Default::default());
    assert!(md.contains("| 41 hm3[^1] |"), "{md}");
    assert!(!md.contains("unlinked note"), "{md}");
}

/// Open sides (the rules over and under the table run past the rules between its
/// columns) and a body whose rows are unruled: each line level across the columns opens
/// a row, and a cell's wrapped line stays in its row.
#[test]
fn unruled_rows_inside_open_sides_are_rows_and_a_wrapped_cell_stays_one() {
    let c = converted();
    let t = tables(&c.document.blocks)[1];
    assert_eq!(
        texts(t),
        [
            vec!["Action", "Labor cost", "Parts cost", "Cost per site"],
            vec![
                "Gate repair",
                "12 work-hours at $85 = $1,020",
                "$300",
                "$1,320"
            ],
            vec!["Spillway survey", "4 work-hours", "$0", "$340"],
            vec!["Pump overhaul", "9 work-hours", "$1,150", "$1,915"],
        ]
    );
    assert!(t.header);
}

/// Rules drawn under each row: the header printed over the top rule heads the table.
#[test]
fn a_header_over_the_top_rule_heads_the_table() {
    let c = converted();
    let t = tables(&c.document.blocks)[2];
    assert_eq!(
        texts(t),
        [
            vec!["Gauge", "District", "Reading"],
            vec!["Ford Bridge", "Lower", "2.41 m"],
            vec!["Weir Mill", "Middle", "1.87 m"],
            vec!["Tarn Head", "Upper", "0.96 m"],
        ]
    );
    assert!(t.header);
}

/// JATS writes the cells across columns with `colspan`, and the file stays valid.
#[test]
fn jats_spans_the_cells_across_columns() {
    let c = converted();
    let xml = brief2md::writers::jats::write(&c.document);
    assert!(
        xml.contains("colspan=\"2\">Towns and industry</td>"),
        "{xml}"
    );
}

/// Cells set a word space from their borders: the reader never joins a number to the
/// next cell's text across the rule between them, so the grid reads cell by cell.
#[test]
fn text_is_never_joined_across_a_border() {
    let c = converted();
    let t = tables(&c.document.blocks)[3];
    assert_eq!(
        texts(t),
        [
            vec!["No", "Item", "Qty"],
            vec!["1", "Sluice gates", "4"],
            vec!["2", "Level gauges", "12"],
        ]
    );
}
