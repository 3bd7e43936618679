//! Issue 10: the rules a page draws (table borders, the line under a header cell) are kept
//! by the reader, in each form producers draw them.

mod support;

use brief2md::readers::pdf::{self, Limits};
use brief2md::report::Report;
use brief2md::source::Rule;
use support::PdfBuilder;

fn rules_of(content: &str, limits: Limits) -> (Vec<Rule>, Vec<String>) {
    let mut b = PdfBuilder::new();
    b.std_font("F1", "Helvetica", Some("WinAnsiEncoding"));
    b.page(&format!(
        "BT /F1 10 Tf 72 760 Td (Ruled page.) Tj ET\n{content}"
    ));
    let mut report = Report::default();
    let doc = pdf::read_with(b.build(), &mut report, limits).expect("reads");
    (doc.pages[0].rules.clone(), report.warnings)
}

fn rules(content: &str) -> Vec<Rule> {
    rules_of(content, Limits::default()).0
}

#[test]
fn stroked_lines_and_thin_rectangles_are_rules() {
    // A stroked line across, 1 pt wide, 100 pt up the page (792 - 100 down).
    let r = rules("1 w 72 100 m 272 100 l S");
    assert_eq!(r.len(), 1, "{r:?}");
    assert!(r[0].horizontal);
    assert!((r[0].rect.x0 - 72.0).abs() < 0.01 && (r[0].rect.x1 - 272.0).abs() < 0.01);
    assert!((r[0].thickness() - 1.0).abs() < 0.01, "{r:?}");
    // A thin filled rectangle down the page.
    let r = rules("300 100 0.5 80 re f");
    assert_eq!(r.len(), 1, "{r:?}");
    assert!(!r[0].horizontal);
    assert!((r[0].thickness() - 0.5).abs() < 0.01);
    // A polyline's straight pieces; its slanted one is no rule.
    let r = rules("72 100 m 172 100 l 172 150 l 222 200 l S");
    assert_eq!(r.len(), 2, "{r:?}");
}

#[test]
fn white_thick_short_and_unpainted_shapes_are_not_rules() {
    for content in [
        "1 1 1 RG 72 100 m 272 100 l S",
        "1 g 72 100 200 0.5 re f",
        "72 100 200 20 re f",
        "6 w 72 100 m 272 100 l S",
        "72 100 m 74 100 l S",
        "72 100 m 272 100 l n",
    ] {
        assert!(rules(content).is_empty(), "{content}");
    }
}

#[test]
fn a_rule_drawn_in_pieces_is_one_rule() {
    // One piece per cell, with short pieces over the gaps between them.
    let r = rules("72 100 60 1 re f 132 100 1 1 re f 133 100 3 1 re f 136 100 60 1 re f");
    assert_eq!(r.len(), 1, "{r:?}");
    assert!((r[0].rect.x1 - 196.0).abs() < 0.01, "{r:?}");
}

#[test]
fn rules_beyond_the_page_limit_are_reported() {
    let content: String = (0..20)
        .map(|i| format!("72 {} 200 0.5 re f\n", 100 + 10 * i))
        .collect();
    let limits = Limits {
        max_rules: 5,
        ..Limits::default()
    };
    let (r, warnings) = rules_of(&content, limits);
    assert_eq!(r.len(), 5);
    assert!(
        warnings.iter().any(|w| w.contains("15 drawn rules")),
        "{warnings:?}"
    );
}
