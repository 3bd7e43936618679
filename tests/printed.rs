//! Print what is printed: list labels as the author set them (`a.`, `(ii)`), whatever the
//! output format can hold (issue 10, point 5).

mod support;

use brief2md::writers::{jats, markdown};
use brief2md::{Options, convert};
use support::PdfBuilder;

/// A page of Helvetica lines: (size, x, y, text).
fn page(lines: &[(f32, f32, f32, &str)]) -> Vec<u8> {
    let mut content = String::new();
    for (size, x, y, text) in lines {
        let text = text.replace('(', "\\(").replace(')', "\\)");
        content.push_str(&format!("BT /F1 {size} Tf {x} {y} Td ({text}) Tj ET\n"));
    }
    let mut b = PdfBuilder::new();
    b.std_font("F1", "Helvetica", Some("WinAnsiEncoding"));
    b.page(&content);
    b.build()
}

fn outputs(pdf: &[u8]) -> (String, String) {
    let c = convert(pdf, &Options::default()).expect("converts");
    (
        markdown::write(&c.document, &markdown::MarkdownOptions { wrap: None }),
        jats::write(&c.document),
    )
}

const BODY: &str = "The exercises below use the functions given in the chapter text above.";

#[test]
fn letter_and_roman_labels_are_kept_as_printed() {
    let pdf = page(&[
        (11.0, 72.0, 760.0, BODY),
        (
            11.0,
            72.0,
            746.0,
            "Each answer needs a short justification in words.",
        ),
        (
            11.0,
            72.0,
            720.0,
            "a. Find the velocity of the rocket after three seconds.",
        ),
        (
            11.0,
            72.0,
            706.0,
            "b. Find the acceleration of the rocket at that time.",
        ),
        (
            11.0,
            72.0,
            692.0,
            "c. Determine when the rocket reaches its greatest height.",
        ),
        (
            11.0,
            72.0,
            666.0,
            "Two further questions follow from these results.",
        ),
        (
            11.0,
            72.0,
            640.0,
            "(i) Explain why the velocity is zero at the top.",
        ),
        (
            11.0,
            72.0,
            626.0,
            "(ii) Explain why the acceleration never changes.",
        ),
    ]);
    let (md, xml) = outputs(&pdf);
    for label in [
        "a. Find",
        "b. Find",
        "c. Determine",
        "(i) Explain",
        "(ii) Explain",
    ] {
        assert!(md.contains(label), "{label:?} lost in:\n{md}");
    }
    assert!(!md.contains("1. Find"), "letters renumbered:\n{md}");
    assert!(
        !md.contains("2. Explain"),
        "roman numerals renumbered:\n{md}"
    );
    for label in [
        "<label>a.</label>",
        "<label>c.</label>",
        "<label>(ii)</label>",
    ] {
        assert!(xml.contains(label), "{label} missing in JATS:\n{xml}");
    }
}

#[test]
fn numbers_counting_up_stay_a_markdown_list_and_skipped_numbers_are_not_renumbered() {
    let pdf = page(&[
        (11.0, 72.0, 760.0, BODY),
        (
            11.0,
            72.0,
            734.0,
            "1) Read the chapter before the first class meeting.",
        ),
        (
            11.0,
            72.0,
            720.0,
            "2) Bring the worked answers to the second meeting.",
        ),
        (
            11.0,
            72.0,
            694.0,
            "Only some of the questions from the first edition remain.",
        ),
        (
            11.0,
            72.0,
            668.0,
            "3. Compare the two methods on the data set provided.",
        ),
        (
            11.0,
            72.0,
            654.0,
            "5. Report the differences you find in a short table.",
        ),
    ]);
    let (md, xml) = outputs(&pdf);
    assert!(md.contains("1) Read the chapter"), "{md}\n{xml}");
    assert!(md.contains("2) Bring"), "{md}");
    assert!(md.contains("3\\. Compare"), "{md}");
    assert!(md.contains("5\\. Report"), "printed 5 renumbered:\n{md}");
    assert!(!md.contains("4. Report"), "{md}");
    assert!(xml.contains("<label>5.</label>"), "{xml}");
    // JATS has no delimiter attribute: a `1)` is kept in the label.
    assert!(xml.contains("<label>2)</label>"), "{xml}");
}
