//! Heading levels in plain text, where neither numbers nor type sizes say them: a
//! section that opens straight into a subsection is divided, and a divided section has
//! at least two subsections.

use brief2md::model::{Block, plain_text};

fn heading_levels(text: &str) -> Vec<(u8, String)> {
    let c = brief2md::convert(text.as_bytes(), &brief2md::Options::default()).expect("converts");
    c.document
        .blocks
        .iter()
        .filter_map(|b| match b {
            Block::Heading { level, content, .. } => Some((*level, plain_text(content))),
            _ => None,
        })
        .collect()
}

const BODY: &str = "The river carried less sediment than in any year on record, and the \
delta lost land along its coast while farmers moved inland to find fresh water for their fields.";

fn doc(headings: &[(&str, bool)]) -> String {
    // The first heading-like line is the document's title, not a section.
    let mut s =
        String::from("DAMS AND DELTAS ON THE LOWER RIVER\n\nBy Ana Reyes\n\nMarch 3, 2025\n\n");
    for (h, body) in headings {
        s.push_str(h);
        s.push_str("\n\n");
        if *body {
            s.push_str(BODY);
            s.push_str("\n\n");
        }
    }
    s
}

#[test]
fn the_subsection_after_a_lone_first_one_is_its_sibling() {
    let text = doc(&[
        ("Background of the Study", true),
        ("What Has Changed on the River", false),
        ("Flow and Flood Timing", true),
        ("Sediment and the Sinking Delta", true),
        ("Why It Matters for Food Security", true),
        ("Policy Recommendations", true),
    ]);
    let levels: Vec<u8> = heading_levels(&text).iter().map(|h| h.0).collect();
    assert_eq!(
        levels,
        vec![1, 1, 2, 2, 1, 1],
        "{:?}",
        heading_levels(&text)
    );
}

#[test]
fn sections_that_open_with_text_stay_at_one_level() {
    let text = doc(&[
        ("Background of the Study", true),
        ("Flow and Flood Timing", true),
        ("Sediment and the Sinking Delta", true),
    ]);
    let levels: Vec<u8> = heading_levels(&text).iter().map(|h| h.0).collect();
    assert_eq!(levels, vec![1, 1, 1], "{:?}", heading_levels(&text));
}

/// A caption on a line of its own before prose has a heading's shape, but it titles a
/// table or a figure: it stays text. The same words without the label are a heading.
#[test]
fn a_caption_line_is_no_heading() {
    let found = heading_levels(&doc(&[
        ("Growth Along the River", true),
        ("Table 2: Sediment Carried by Season", true),
    ]));
    assert!(
        found.iter().any(|(_, h)| h == "Growth Along the River"),
        "{found:?}"
    );
    assert!(
        !found.iter().any(|(_, h)| h.contains("Sediment")),
        "{found:?}"
    );
    let found = heading_levels(&doc(&[
        ("Growth Along the River", true),
        ("Sediment Carried by Season", true),
    ]));
    assert!(
        found.iter().any(|(_, h)| h == "Sediment Carried by Season"),
        "{found:?}"
    );
}
