//! The seed brief (`../shared/seeds/000_5a451798ca0430ba.txt`, a real think-tank brief as
//! an extractor left it) must convert to the document its issue describes: every note
//! linked where the text put its marker, lost markers recovered and reported, headings,
//! bullets and metadata recovered, no debris left. The file is not ours to bundle, so the
//! test reads it from the shared folder and says loudly when it is missing.

mod common;

use std::path::PathBuf;

use brief2md::model::{Block, Document, ListKind, plain_text};
use brief2md::report::ActionKind;
use brief2md::writers::{jats, markdown};
use brief2md::{Options, convert};

fn seed_path() -> Option<PathBuf> {
    let p =
        common::shared::shared_path("BRIEF2MD_SEED", "../shared/seeds/000_5a451798ca0430ba.txt");
    p.is_file().then_some(p)
}

fn seed() -> Option<brief2md::Conversion> {
    let Some(path) = seed_path() else {
        let msg = "the seed brief ../shared/seeds/000_5a451798ca0430ba.txt (or $BRIEF2MD_SEED) is missing";
        common::shared::skip_or_fail(msg);
        return None;
    };
    let bytes = std::fs::read(&path).unwrap();
    let options = Options {
        source_name: Some(path.to_string_lossy().into_owned()),
        ..Default::default()
    };
    Some(convert(&bytes, &options).expect("the seed converts"))
}

fn md(doc: &Document) -> String {
    markdown::write(doc, &markdown::MarkdownOptions::default())
}

/// The Markdown body: after the front matter, before the footnote definitions.
fn body(md: &str) -> &str {
    let after_front = md.split_once("\n---\n").map_or(md, |(_, b)| b);
    after_front.split("\n[^1]:").next().unwrap_or(after_front)
}

#[test]
fn every_note_is_defined_once_with_its_url_and_linked_in_order() {
    let Some(c) = seed() else { return };
    let doc = &c.document;
    assert_eq!(doc.footnotes.len(), 16);
    let md = md(doc);
    common::assert_markdown_matches_model(&md, doc);
    // Markers where the text put them (numbered in order of the notes).
    let anchors = [
        (2, "signed in 1961."),
        (3, "could draw a Russian response."),
        (4, "to a new qualitative level.\""),
        (6, "in U.S. dollars or roubles."),
        (7, "the new agreement was defensive in nature."),
        (8, "the U.S., South Korea, and Japan."),
        (9, "his country's \"most honest friend and ally.\""),
        (10, "large-scale military exercises in South Korea."),
        (11, "to the level of \"alliance\"."),
        (12, "500,000 barrels of refined products a year."),
        (13, "peace agreement in the long-troubled country."),
        (14, "'alliance' between Russia and North Korea."),
        (15, "to aid Russia's war effort\" in recent months."),
        (16, "to assist in rebuilding work."),
    ];
    for (n, anchor) in anchors {
        assert!(
            md.contains(&format!("{anchor}[^{n}]")),
            "marker {n} after {anchor:?}\n{md}"
        );
    }
    // The two lost markers are recovered, before the notes that follow them, and flagged.
    let recovered: Vec<_> = c
        .report
        .actions
        .iter()
        .filter(|a| a.kind == ActionKind::MarkerRecovered)
        .collect();
    assert_eq!(recovered.len(), 2, "{recovered:?}");
    assert!(
        recovered
            .iter()
            .all(|a| a.confidence < 1.0 && a.evidence.is_some())
    );
    let body = body(&md);
    let pos = |s: &str| body.find(s).unwrap_or_else(|| panic!("{s} not in body"));
    assert!(pos("[^1]") < pos("[^2]") && pos("[^4]") < pos("[^5]") && pos("[^5]") < pos("[^6]"));
    // Full texts and intact URLs.
    for url in [
        "https://issi.org.pk/issue-brief-on-north-korea-russia-relations-post-putin-kim-summit/",
        "https://www.aljazeera.com/news/2024/6/26/axis-of-impunity-putin-kim-deal-underlines-new-challenges-to-world-order",
        "https://www.voanews.com/a/analysts-see-putin-s-visit-to-north-korea-as-a-problem-for-china/7664754.html",
        "https://english.ratopati.com/story/32829",
        "https://www.dailymail.co.uk/news/article-13575163/north-korea-military-personnel-russia-world-war-ukraine.html",
    ] {
        assert!(md.contains(&format!("<{url}>")), "URL {url} intact");
    }
    assert_eq!(
        md.matches("axis-of-impunity-putin-kim-deal-underlines")
            .count(),
        2
    );
    assert!(md.contains(
        "[^7]: Smith & Park, \"Russia's Putin and North Korea's Kim sign mutual defence pact\""
    ));
}

#[test]
fn no_debris_left_in_the_body() {
    let Some(c) = seed() else { return };
    let md = md(&c.document);
    let body = body(&md);
    for debris in [
        "&quot;",
        "^{",
        "[&]",
        "Phone:",
        "Fax:",
        "Web:",
        "www.issi.org.pk",
        "- O ",
        "quot;",
    ] {
        assert!(!body.contains(debris), "{debris:?} left in the body");
    }
    assert!(!md.contains("quot;"));
    assert!(
        !body
            .chars()
            .any(|c| ('₀'..='₉').contains(&c) || "⁰¹²³⁴⁵⁶⁷⁸⁹".contains(c))
    );
    // The paragraph split by the page break and its notes is whole again.
    assert!(body.contains("Pyongyang is limited to importing 4 million barrels of crude"));
    assert!(body.contains("South Korea and Japan, leading to an arms race"));
}

#[test]
fn headings_lists_and_metadata() {
    let Some(c) = seed() else { return };
    let doc = &c.document;
    let headings: Vec<(u8, String)> = doc
        .blocks
        .iter()
        .filter_map(|b| match b {
            Block::Heading { level, content } => Some((*level, plain_text(content))),
            _ => None,
        })
        .collect();
    // Headings as printed, colons and all.
    let expected = [
        (1, "Key Outcomes of the Visit:"),
        (2, "1. Renewed Bilateral Agreements:"),
        (2, "2. Economic Cooperation:"),
        (2, "3. Military and Security Collaboration:"),
        (2, "4. Diplomatic Significance:"),
        (1, "Strategic Implications:"),
        (2, "1. Regional Security Dynamics:"),
        (2, "2. Global Geopolitical Shifts:"),
        (1, "Challenges and Concerns:"),
        (1, "Recent Developments:"),
        (1, "Conclusion"),
    ];
    let got: Vec<(u8, &str)> = headings.iter().map(|(l, t)| (*l, t.as_str())).collect();
    assert_eq!(got, expected);

    let mut items = Vec::new();
    for b in &doc.blocks {
        if let Block::List(l) = b {
            assert_eq!(l.kind, ListKind::Bullet);
            for item in &l.items {
                let Block::Paragraph(p) = &item.blocks[0] else {
                    panic!("item starts with a paragraph")
                };
                items.push(plain_text(p));
            }
        }
    }
    assert_eq!(items.len(), 12, "{items:#?}");
    assert!(
        items
            .iter()
            .all(|t| !t.starts_with("O ") && !t.starts_with("o ")),
        "{items:#?}"
    );
    assert!(items.iter().any(|t| t.starts_with("Regional Influence:")));

    let m = &doc.metadata;
    assert_eq!(
        m.title.as_deref(),
        Some("STRATEGIC ENGAGEMENTS IN A MULTIPOLAR ERA: PUTIN'S 2024 VISIT TO NORTH KOREA")
    );
    assert_eq!(m.doc_type.as_deref(), Some("ISSUE BRIEF"));
    assert_eq!(
        m.publisher.as_deref(),
        Some("INSTITUTE OF STRATEGIC STUDIES ISLAMABAD")
    );
    assert_eq!(m.authors.len(), 1);
    assert_eq!(m.authors[0].name, "Muhammad Taimur Fahad Khan");
    assert_eq!(m.authors[0].role.as_deref(), Some("Research Associate"));
    assert_eq!(
        m.authors[0].affiliation.as_deref(),
        Some("Centre for Strategic Perspectives (CSP), ISSI")
    );
    assert_eq!(m.editors.len(), 1);
    assert_eq!(m.editors[0].name, "Dr Neelum Nigar");
    assert_eq!(
        m.date.as_ref().and_then(|d| d.iso()).as_deref(),
        Some("2024-08-16")
    );
    assert!(
        m.rights
            .as_deref()
            .is_some_and(|r| r.contains("Views expressed"))
    );
}

#[test]
fn jats_is_valid() {
    let Some(c) = seed() else { return };
    let xml = jats::write(&c.document);
    common::assert_valid_jats(&xml, "seed brief");
    assert_eq!(xml.matches("<fn id=").count(), 16);
    assert_eq!(xml.matches("<xref ref-type=\"fn\"").count(), 16);
}
