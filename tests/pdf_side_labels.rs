//! Labels set in a narrow column of their own beside the blocks of text they name (a
//! journal's cover page, a CV, a memo's side labels): each label is read whole, just
//! before its block, and no line of a block becomes a heading.

mod common;

use common::layout_flow::{Item, fixture, flow};

#[test]
fn each_label_is_read_whole_before_the_block_beside_it() {
    let (doc, md) = fixture("side-labels.pdf");
    let items = flow(&doc);
    let at = |want: &str| {
        items
            .iter()
            .position(|i| match i {
                Item::Heading(_, t) | Item::Paragraph(t) => t == want,
                _ => false,
            })
            .unwrap_or_else(|| panic!("{want:?} as a block of its own:\n{md}"))
    };
    let blocks = [
        "The survey covered the eleven irrigation schemes of the upper valley, from the weir at the gorge down to the confluence, and every canal that carried water in the dry season of that year.",
        "Teams walked each canal with a current meter and measured the flow at every offtake twice a week, once in the morning and once in the evening, so that the night storage in the ponds could be told from the losses along the way. Samples of the water were taken at the head and the tail of each canal.",
        "Losses were highest in the unlined earth canals of the older schemes, where nearly half of the water that left the weir never reached a field; the lined canals lost a tenth.",
        "Questions about the survey go to the scheme engineer at the district office, who keeps the field sheets and the meter readings for five years.",
    ];
    let labels = ["Scope", "Field methods and sampling", "Findings", "Contact"];
    let order: Vec<usize> = labels
        .iter()
        .zip(blocks)
        .flat_map(|(l, b)| [at(l), at(b)])
        .collect();
    assert!(
        order.windows(2).all(|w| w[1] == w[0] + 1),
        "{order:?}\n{md}"
    );
    // The bold labels set larger than the text are headings; the one in the text's own
    // type is not; no line of a block is.
    let headings: Vec<&str> = items
        .iter()
        .filter_map(|i| match i {
            Item::Heading(_, t) => Some(t.as_str()),
            _ => None,
        })
        .collect();
    assert_eq!(headings, &labels[..3], "{md}");
    assert!(!items.iter().any(|i| matches!(i, Item::Table(_))), "{md}");
}
