//! Lists in raw extracted text (`pdftotext -raw`) whose bullets were drawn as shapes: the
//! text keeps neither glyph nor indentation. Items are told by their shape (a sentence on
//! lines of its own) and their place; nesting by their lead-ins ("Term: …" items with
//! plain items between them). No word is ever changed.

use brief2md::model::{Block, plain_text};
use brief2md::report::ActionKind;

fn convert(text: &str) -> brief2md::Conversion {
    brief2md::convert(text.as_bytes(), &brief2md::Options::default()).expect("converts")
}

/// (depth, text) of every list item, in order.
fn items(c: &brief2md::Conversion) -> Vec<(usize, String)> {
    fn walk(blocks: &[Block], depth: usize, out: &mut Vec<(usize, String)>) {
        for b in blocks {
            if let Block::List(list) = b {
                for item in &list.items {
                    let text = item
                        .blocks
                        .iter()
                        .filter(|b| !matches!(b, Block::List(_)))
                        .map(|b| format!("{b:?}"))
                        .collect::<Vec<_>>()
                        .join(" ");
                    let para = item.blocks.iter().find_map(|b| match b {
                        Block::Paragraph(content) => Some(plain_text(content)),
                        _ => None,
                    });
                    out.push((depth, para.unwrap_or(text)));
                    walk(&item.blocks, depth + 1, out);
                }
            }
        }
    }
    let mut out = Vec::new();
    walk(&c.document.blocks, 1, &mut out);
    out
}

/// Every word of the body, in order, markup left out.
fn words(text: &str) -> Vec<String> {
    text.split_whitespace()
        .map(|w| {
            w.trim_matches(|c: char| !c.is_alphanumeric())
                .to_lowercase()
        })
        .filter(|w| !w.is_empty())
        .collect()
}

const HEAD: &str = "\
Grain Storage in the Sahel

Across the Sahel, most grain is still stored on the farm where it was grown, in granaries of mud
and straw or in sacks stacked inside the house. What happens to it between harvest and the lean
season decides how much a household eats in the months before the next rains, and how much it
can sell when prices are high. We visited sixty villages in three countries over two seasons and
weighed the grain that farmers set aside at harvest and what remained six months later.
The losses we measured were larger than the official estimates, and they fell hardest on
households with the least land. Three findings stand out from the survey and the interviews that
";

const TAIL: &str = "\
What Could Be Done
Governments and their partners could make hermetic bags cheaper by removing the import duties
that now double their price, and could back warehouse receipt schemes that let farmers borrow
against grain kept in a shared store. Neither step is new, but neither has been tried at the
scale the losses call for.
";

/// Three term-led findings, each with plain sentences of its own under it; the line
/// before them ends a sentence, not with a colon.
const TERMS_WITH_ITEMS: &str = "\
followed it.
Storage Losses: Grain kept in open sacks loses a tenth of its weight to insects and mould within
a season.
Hermetic bags cut those losses to almost nothing in trials across four regions.
Farmers who reused old bags reported tears along the seams after a single year.
Price Swings: Prices at harvest fall to half of their lean-season level in most of the markets
we followed.
Traders who can store grain buy cheaply in October and sell again in June.
Smaller traders lack the warehouses to do the same and sell within weeks.
Credit Access: Few farmers can borrow against stored grain, so most sell at harvest to repay
debts taken on during the planting season.
";

fn doc(middle: &str) -> String {
    format!("{HEAD}{middle}{TAIL}")
}

#[test]
fn plain_items_between_term_led_items_nest_under_them() {
    let text = doc(TERMS_WITH_ITEMS);
    let c = convert(&text);
    let got: Vec<(usize, String)> = items(&c)
        .into_iter()
        .map(|(d, t)| {
            (
                d,
                t.split_whitespace().take(2).collect::<Vec<_>>().join(" "),
            )
        })
        .collect();
    let want: Vec<(usize, String)> = [
        (1, "Storage Losses:"),
        (2, "Hermetic bags"),
        (2, "Farmers who"),
        (1, "Price Swings:"),
        (2, "Traders who"),
        (2, "Smaller traders"),
        (1, "Credit Access:"),
    ]
    .iter()
    .map(|&(d, t)| (d, t.to_string()))
    .collect();
    assert_eq!(got, want);
    // Not a word changed, dropped or added.
    let md = brief2md::writers::markdown::write(&c.document, &Default::default());
    let body = md.rsplit("---\n").next().expect("a body");
    assert_eq!(
        words(body),
        words(&text)[words("Grain Storage in the Sahel").len()..]
    );
    // The guesses are reported with their evidence.
    let evidence: Vec<&str> = c
        .report
        .actions
        .iter()
        .filter(|a| a.kind == ActionKind::Guess)
        .filter_map(|a| a.evidence.as_deref())
        .collect();
    assert!(
        evidence
            .iter()
            .any(|e| e.contains("nested by their lead-ins")),
        "{evidence:?}"
    );
    assert!(
        evidence.iter().any(|e| e.contains("term lead-in")),
        "{evidence:?}"
    );
}

#[test]
fn announced_items_without_lead_ins_stay_flat() {
    // The same list announced by a colon, every item plain: nothing says one item is
    // under another.
    let middle = TERMS_WITH_ITEMS
        .replace("followed it.", "followed it:")
        .replace("Storage Losses: ", "")
        .replace("Price Swings: ", "")
        .replace("Credit Access: ", "");
    let got = items(&convert(&doc(&middle)));
    assert!(got.len() >= 5, "{got:?}");
    assert!(got.iter().all(|(d, _)| *d == 1), "{got:?}");
}

#[test]
fn term_led_items_alone_nest_nothing_and_need_an_announcing_line() {
    // Every item term-led, nothing between them.
    let only_terms = "\
followed it:
Storage Losses: Grain kept in open sacks loses a tenth of its weight within a season.
Price Swings: Prices at harvest fall to half of their lean-season level in most markets.
Credit Access: Few farmers can borrow against stored grain, so most sell at harvest.
";
    let got = items(&convert(&doc(only_terms)));
    assert_eq!(got.len(), 3, "{got:?}");
    assert!(got.iter().all(|(d, _)| *d == 1), "{got:?}");
    // Without the announcing colon, run-in paragraphs with no items between them are
    // left as paragraphs.
    let unannounced = only_terms.replace("followed it:", "followed it.");
    assert!(items(&convert(&doc(&unannounced))).is_empty());
}

#[test]
fn a_term_paragraph_followed_by_prose_is_no_list() {
    let middle = "\
followed it.
Storage Losses: Grain kept in open sacks loses a tenth of its weight to insects and mould within
a season, and the losses grow in the second year as the sacks wear through and rodents find
them. Farmers know this, and most sell early rather than watch the grain go.
Prices at harvest fall to half of their lean-season level in most of the markets we followed, so
early sales cost the household dearly when it must buy grain back in the lean months before the
rains, at prices that have doubled in the meantime.
";
    assert!(items(&convert(&doc(middle))).is_empty());
}
