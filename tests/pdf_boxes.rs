//! Boxes in the layout fixtures of `tests/fixtures/layout/` (written by
//! `scripts/make-layout-fixtures`): a sidebar, a framed list and a tinted callout read as
//! one box each, where they sit, as a Markdown block quote and a JATS `<boxed-text>`; a
//! single line on a tint stays a paragraph of the body.

mod common;

use common::layout_flow::{Item, fixture, flow, paragraph_at, squeeze};

#[test]
fn sidebar_box_is_kept_together_and_apart_from_the_body() {
    let (doc, md) = fixture("sidebar.pdf");
    let items = flow(&doc);
    let body = [
        "Coastal towns have relied on groundwater for as long as records exist, drawing it from shallow wells dug into the sand ridges behind the beaches. As the towns grew, the wells were deepened and pumps replaced buckets, and the fresh water lying on top of the seawater in the aquifer grew thinner year after year.",
        "Salinity at the municipal boreholes now rises every dry season and falls back only partly when the rains return. Engineers measure it as electrical conductivity, and the readings at the oldest boreholes have doubled in a decade, which is why the council commissioned the survey described in this note.",
        "The survey mapped the boundary between fresh and saline water along the whole shore, using boreholes, soundings and the chemistry of the water in each well. Its results were shared with the water utility and the farmers' associations before publication.",
    ];
    let at: Vec<usize> = body.iter().map(|t| paragraph_at(&items, t, &md)).collect();
    assert!(at.windows(2).all(|w| w[1] == w[0] + 1), "{md}");
    // The box: one block after the body it sits beside, its title and lines inside it.
    let lines = [
        "Saline water has moved inland by four hundred metres since the first survey.",
        "Pumping at night from shallow wells slows the intrusion.",
        "Recharge ponds restore the fresh lens within two wet seasons.",
    ];
    let want = Item::Box(
        Some("Key findings".into()),
        lines
            .iter()
            .map(|t| Item::Paragraph(t.to_string()))
            .collect(),
    );
    assert_eq!(items.get(at[2] + 1), Some(&want), "{md}");
    assert_eq!(items.len(), at[2] + 2, "{md}");
    assert!(
        md.contains("> **Key findings**\n>\n> Saline water"),
        "a block quote opening with the title in bold:\n{md}"
    );
    let xml = brief2md::writers::jats::write(&doc);
    assert!(
        xml.contains("<boxed-text><caption><title>Key findings</title></caption><p>Saline"),
        "{xml}"
    );
    common::assert_valid_jats(&xml, "sidebar.pdf");
    assert!(doc.footnotes.is_empty(), "{md}");
}

#[test]
fn framed_list_and_tinted_callout_are_boxes_and_a_tinted_line_is_not() {
    let (doc, md) = fixture("callouts.pdf");
    let items = flow(&doc);
    let first = paragraph_at(
        &items,
        "Fixed shares served the districts well while the river carried more than they \
         needed. Once the demand of the growing towns caught up with the dry-season flow, the \
         fixed shares left the districts at the end of the canals short in every dry year, \
         and the board began to look for a rule that would share a shortage as well as a \
         surplus.",
        &md,
    );
    // The framed box beside the body: its bold title, its list kept a list.
    let framed = Item::Box(
        Some("What the council decided".into()),
        [
            "Shares follow the snow survey each spring.",
            "Towns give up a tenth of their share in a drought.",
            "Districts at the canal ends are served first.",
        ]
        .iter()
        .map(|t| Item::Listed(t.to_string()))
        .collect(),
    );
    assert_eq!(items.get(first + 1), Some(&framed), "{md}");
    assert!(
        md.contains("> **What the council decided**\n>\n> - Shares"),
        "{md}"
    );
    // The tinted callout under it: a box without a title.
    let tinted = Item::Box(
        None,
        vec![Item::Paragraph(squeeze(
            "The new shares take effect in the next dry season and are reviewed every two \
             years by the water board, which publishes the survey and the allocation it made \
             from it on the same day, so that every district can check its share against the \
             rule.",
        ))],
    );
    assert_eq!(items.get(first + 2), Some(&tinted), "{md}");
    // One line on a tint is emphasis: it stays a paragraph of the body.
    let line = paragraph_at(&items, "Allocations are announced in April.", &md);
    assert!(line > first + 2, "{md}");
    let boxes = items.iter().filter(|i| matches!(i, Item::Box(..))).count();
    assert_eq!(boxes, 2, "{md}");
    let xml = brief2md::writers::jats::write(&doc);
    assert_eq!(xml.matches("<boxed-text>").count(), 2, "{xml}");
    common::assert_valid_jats(&xml, "callouts.pdf");
}
