//! Issue 10: a box set into the column interrupts the running text; the text goes on
//! as one paragraph and the box follows it, on pages built here with lopdf.

mod support;

/// A paragraph that runs on past a tinted box set into the column (its sentence stops
/// above the box and goes on under it): one paragraph, the box after it.
#[test]
fn a_sentence_interrupted_by_a_box_goes_on_and_the_box_follows() {
    let prose = [
        "Coastal towns have relied on groundwater for as long as records exist, and",
        "the wells were deepened as the towns grew, until the fresh water lying over",
        "the seawater in the aquifer grew thinner year after year and the council",
    ];
    let after = [
        "commissioned the survey this note describes, which mapped the boundary",
        "between fresh and saline water along the whole shore for the first time.",
        "Its results were shared with the water utility before publication.",
    ];
    let mut content = String::new();
    let mut line = |y: f32, font: &str, text: &str| {
        content.push_str(&format!("BT /{font} 11 Tf 72 {y} Td ({text}) Tj ET\n"));
    };
    for (k, t) in prose.iter().enumerate() {
        line(720.0 - 14.0 * k as f32, "F1", t);
    }
    // The box: a tint drawn first, its title and lines over it.
    let mut page = String::from("0.85 g 66 560 460 90 re f 0 g\n");
    page.push_str(&content);
    content.clear();
    let mut line = |y: f32, font: &str, text: &str| {
        content.push_str(&format!("BT /{font} 11 Tf 76 {y} Td ({text}) Tj ET\n"));
    };
    line(634.0, "F2", "Key findings");
    line(
        618.0,
        "F1",
        "Saline water has moved inland by four hundred metres.",
    );
    line(
        604.0,
        "F1",
        "Pumping at night from shallow wells slows the intrusion.",
    );
    line(
        590.0,
        "F1",
        "Recharge ponds restore the fresh lens within two seasons.",
    );
    page.push_str(&content);
    for (k, t) in after.iter().enumerate() {
        page.push_str(&format!(
            "BT /F1 11 Tf 72 {} Td ({t}) Tj ET\n",
            530.0 - 14.0 * k as f32
        ));
    }
    let mut b = support::PdfBuilder::new();
    b.std_font("F1", "Helvetica", Some("WinAnsiEncoding"));
    b.std_font("F2", "Helvetica-Bold", Some("WinAnsiEncoding"));
    b.page(&page);
    let c = brief2md::convert(&b.build(), &brief2md::Options::default()).expect("converts");
    let md = brief2md::writers::markdown::write(&c.document, &Default::default());
    assert!(
        md.contains("year after year and the council commissioned the survey"),
        "{md}"
    );
    let para = md.find("Coastal towns").expect("body");
    let boxed = md.find("> **Key findings**").expect("box");
    let last = md
        .find("Its results were shared")
        .expect("end of the paragraph");
    assert!(para < last && last < boxed, "{md}");
}
