//! Extracted text of forms and tables: rows of figures and field labels are not headings,
//! a label is a heading only when it introduces body, and the letterhead that each copy
//! of a form opens with stays in the text.

use brief2md::model::{Block, plain_text};

fn convert(text: &str) -> brief2md::Conversion {
    brief2md::convert(text.as_bytes(), &brief2md::Options::default()).expect("converts")
}

fn headings(c: &brief2md::Conversion) -> Vec<String> {
    c.document
        .blocks
        .iter()
        .filter_map(|b| match b {
            Block::Heading { content, .. } => Some(plain_text(content)),
            _ => None,
        })
        .collect()
}

const PROSE: &str = "This is a preliminary estimate for the visible damage of the vehicle, and \
further damage may be found once the damaged parts have been removed.";

fn estimate(who: &str, year: &str) -> String {
    format!(
        "ZAVA AUTO REPAIR\nCertified Collision Repair\n123 Main Street, Redmond, WA 98052\n\
         Insured name {who} Year {year}\nClaim # SF-1008 Make Jeep\n\
         Phone (425) 111-1111 Trim Limited\nHours Rate Cost\nBody Labor 2 150 300\n\
         Paint Labor 1.5 150 225\nSubtotal 2,730\nSales Tax 10.20% 278.46\n\
         GRAND TOTAL 5,738\nNote\nCustomer Information\nEstimate Totals\n"
    )
}

#[test]
fn form_rows_and_labels_are_not_headings() {
    let text = format!(
        "{}\u{c}{}\u{c}{PROSE}\n",
        estimate("Gabriel Diaz", "2022"),
        estimate("Bruce Wayne", "2025")
    );
    let c = convert(&text);
    let h = headings(&c);
    for row in [
        "GRAND TOTAL 5,738",
        "Claim # SF-1008 Make Jeep",
        "Phone (425) 111-1111 Trim Limited",
        "Note",
        "Customer Information",
    ] {
        assert!(!h.iter().any(|x| x == row), "{row} in {h:?}");
    }
}

#[test]
fn the_letterhead_of_each_copy_of_a_form_stays() {
    let text = format!(
        "{}\u{c}{}\u{c}{PROSE}\n",
        estimate("Gabriel Diaz", "2022"),
        estimate("Bruce Wayne", "2025")
    );
    let c = convert(&text);
    let md = brief2md::writers::markdown::write(&c.document, &Default::default());
    let body = md.split_once("\n---\n").map_or(md.as_str(), |(_, b)| b);
    // The letterhead opens both copies: it is no title block, and each copy keeps it in
    // the body (none goes as a running header or as the title and an author).
    assert_eq!(body.matches("123 Main Street").count(), 2, "{md}");
    assert_eq!(
        body.matches("Certified Collision Repair").count(),
        2,
        "{md}"
    );
    assert!(c.document.metadata.authors.is_empty(), "{md}");
}

#[test]
fn a_label_that_introduces_prose_is_still_a_heading() {
    let text = format!(
        "A NOTE ON WATER PRICES\n\nBy Ana Reyes\n\nMarch 3, 2025\n\nBackground of the Study\n\n{PROSE}\n\n\
         Prices at the Kiosk\n\n{PROSE}\n\nSubtotal 2,730\n\n{PROSE}\n"
    );
    let h = headings(&convert(&text));
    assert!(h.iter().any(|x| x == "Background of the Study"), "{h:?}");
    assert!(h.iter().any(|x| x == "Prices at the Kiosk"), "{h:?}");
    assert!(!h.iter().any(|x| x.contains("2,730")), "{h:?}");
}
