//! Bullets drawn from a pi font whose encoding names an ordinary sign (a journal box's
//! triangles read as `<`): the items come out as a list, and the same sign set by the text
//! font inside the prose stays a sign.

mod support;

use brief2md::report::ActionKind;
use support::PdfBuilder;

/// A page of prose, then three items each opened by `<` in font `mark_font`, the item's
/// words in Helvetica and wrapped under a hanging indent.
fn convert(mark_font: &str) -> (String, usize) {
    let mut b = PdfBuilder::new();
    b.std_font("F1", "Helvetica", Some("WinAnsiEncoding"));
    // A font of its own under a name no reader knows: only its use tells what it is.
    b.std_font("F9", "AdvPS480274", Some("WinAnsiEncoding"));
    let mut content = String::new();
    let mut y = 740.0;
    for _ in 0..4 {
        content.push_str(&format!(
            "BT /F1 10 Tf 72 {y} Td (Iron stores were measured in every patient at the start and at \
             eight weeks, p < 0.05.) Tj ET\n"
        ));
        y -= 13.0;
    }
    y -= 10.0;
    for item in [
        "Eradication therapy is more effective than iron alone",
        "Refractory patients should be assessed for infection",
        "Population screening is not currently recommended",
    ] {
        content.push_str(&format!(
            "BT /{mark_font} 10 Tf 72 {y} Td (<) Tj ET\nBT /F1 10 Tf 84 {y} Td ({item}) Tj ET\n"
        ));
        y -= 13.0;
        content.push_str(&format!(
            "BT /F1 10 Tf 84 {y} Td (in the patients we followed.) Tj ET\n"
        ));
        y -= 13.0;
    }
    b.page(&content);
    let c = brief2md::convert(&b.build(), &brief2md::Options::default()).expect("converts");
    let md = brief2md::writers::markdown::write(&c.document, &Default::default());
    (md, c.report.count(ActionKind::BulletRepaired))
}

#[test]
fn a_pi_fonts_signs_at_line_starts_are_bullets() {
    let (md, repaired) = convert("F9");
    assert!(
        md.contains("- Eradication therapy is more effective than iron alone in the patients"),
        "{md}"
    );
    assert!(md.contains("- Population screening"), "{md}");
    assert!(!md.contains("\\< Eradication"), "{md}");
    assert_eq!(repaired, 3, "{md}");
    // The text font's own sign in the prose is untouched.
    assert!(md.contains("p \\< 0.05"), "{md}");
}

#[test]
fn the_text_fonts_sign_at_a_line_start_stays_a_sign() {
    let (md, repaired) = convert("F1");
    assert_eq!(repaired, 0, "{md}");
    assert!(!md.contains("- Eradication"), "{md}");
    assert!(md.contains("Eradication therapy"), "{md}");
}
