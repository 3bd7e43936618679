//! Columns ruled off from each other, in `tests/fixtures/layout/ruled-columns.pdf`
//! (written by `scripts/make-layout-fixtures` with ReportLab): three columns of text set
//! 1.5 pt from the rules between them, so that no white gutter shows them, read one
//! after the other; and, on the next page, a table whose narrow columns of marks are
//! ruled off the same way, read row by row.

mod common;

use brief2md::report::ActionKind;
use common::layout_flow::{Item, flow, paragraph_at};

fn converted() -> (brief2md::Conversion, String) {
    common::layout_flow::converted("ruled-columns.pdf")
}

/// Each column's paragraph reads whole, in column order, and the report names the rules.
#[test]
fn ruled_columns_are_read_one_after_the_other() {
    let (c, md) = converted();
    let items = flow(&c.document);
    let texts = [
        "fee instead.",
        "port radio day and night.",
        "cargo ships the western wharf.",
    ];
    let at: Vec<usize> = texts
        .iter()
        .map(|end| {
            items
                .iter()
                .position(|i| matches!(i, Item::Paragraph(p) if p.ends_with(end)))
                .unwrap_or_else(|| panic!("no paragraph ends {end:?}:\n{md}"))
        })
        .collect();
    assert!(at.windows(2).all(|w| w[0] < w[1]), "{at:?}\n{md}");
    paragraph_at(
        &items,
        "Pilots board every ship longer than eighty metres at the outer buoy, where the \
         channel narrows between the sandbanks. Their launches wait in the lee of the \
         breakwater and answer calls on the port radio day and night.",
        &md,
    );
    let ruled = c.report.actions.iter().any(|a| {
        a.kind == ActionKind::Guess
            && a.page == Some(1)
            && a.evidence
                .as_deref()
                .is_some_and(|e| e.starts_with("columns ruled off at x = 228, 384 pt"))
    });
    assert!(ruled, "{:#?}", c.report.actions);
}

/// Rules between a table's narrow columns of marks are no column rules, and the white
/// gaps between them no gutters: the rows stay rows.
#[test]
fn a_table_of_marks_ruled_between_its_columns_keeps_its_rows() {
    let (c, md) = converted();
    let rows = flow(&c.document)
        .into_iter()
        .find_map(|i| match i {
            Item::Table(rows) => Some(rows),
            _ => None,
        })
        .unwrap_or_else(|| panic!("no table:\n{md}"));
    assert_eq!(rows[0], ["Service", "Spring", "Summer", "Autumn"], "{md}");
    assert_eq!(rows[3], ["Waste collection", "", "X", "X"], "{md}");
    assert_eq!(rows.len(), 5, "{md}");
}
