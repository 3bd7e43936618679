//! Tagged PDFs built here with lopdf: each test checks one mapping from the structure
//! tree, marked content or the outline to the document model, and that the decision is
//! in the report.

mod support;

use brief2md::model::{Block, Document, plain_text};
use brief2md::report::{ActionKind, Report};
use lopdf::{Dictionary, Object, ObjectId, dictionary};
use support::*;

/// A structure element with kids, or a run of text drawn as one content item.
enum E {
    El(&'static str, Vec<E>),
    /// Text, type size, left edge.
    T(&'static str, f32, f32),
    /// Text on the same baseline as the text before it, from this left edge.
    Beside(&'static str, f32, f32),
}

fn el(role: &'static str, kids: Vec<E>) -> E {
    E::El(role, kids)
}

fn t(text: &'static str, size: f32) -> E {
    E::T(text, size, 72.0)
}

fn t_at(text: &'static str, size: f32, x: f32) -> E {
    E::T(text, size, x)
}

const BODY: f32 = 10.0;
const PARA: &str =
    "This paragraph of running text is long enough to read as body prose in every way.";

/// Lays the leaves out from the top of the page down and returns the content stream;
/// leaves get MCIDs 0, 1, 2… in document order.
fn draw(e: &E, y: &mut f32, mcid: &mut i64, out: &mut String) {
    match e {
        E::El(_, kids) => kids.iter().for_each(|k| draw(k, y, mcid, out)),
        E::T(text, size, x) | E::Beside(text, size, x) => {
            if matches!(e, E::T(..)) {
                *y -= size * 1.5 + 4.0;
            }
            out.push_str(&format!(
                "/Span <</MCID {mcid}>> BDC BT /F1 {size} Tf {x} {y} Td ({text}) Tj ET EMC\n"
            ));
            *mcid += 1;
        }
    }
}

/// Adds the element and its kids; leaves become MCIDs in the same order as `draw`.
fn add(b: &mut PdfBuilder, e: &E, page: ObjectId, mcid: &mut i64) -> Object {
    match e {
        E::T(..) | E::Beside(..) => {
            *mcid += 1;
            Object::Integer(*mcid - 1)
        }
        E::El(role, kids) => {
            let kids: Vec<Object> = kids.iter().map(|k| add(b, k, page, mcid)).collect();
            b.doc
                .add_object(dictionary! { "S" => *role, "Pg" => page, "K" => kids })
                .into()
        }
    }
}

/// One tagged page: `tree` drawn and tagged, `artifacts` (artifact property list, text,
/// baseline y) drawn inside `/Artifact` marked content, `role_map` as the tree's.
fn tagged_pdf(tree: &[E], artifacts: &[(&str, &str, f32)], role_map: &[(&str, &str)]) -> Vec<u8> {
    tagged_pdf_drawn(tree, artifacts, role_map, "")
}

/// [`tagged_pdf`] with `drawing` (path operators, untagged) painted first.
fn tagged_pdf_drawn(
    tree: &[E],
    artifacts: &[(&str, &str, f32)],
    role_map: &[(&str, &str)],
    drawing: &str,
) -> Vec<u8> {
    let mut b = PdfBuilder::new();
    b.std_font("F1", "Helvetica", Some("WinAnsiEncoding"));
    let mut content = drawing.to_string();
    for (props, text, y) in artifacts {
        content.push_str(&format!(
            "/Artifact {props} BDC BT /F1 9 Tf 72 {y} Td ({text}) Tj ET EMC\n"
        ));
    }
    let (mut y, mut mcid) = (800.0, 0);
    tree.iter()
        .for_each(|e| draw(e, &mut y, &mut mcid, &mut content));
    let page = b.page(&content);
    let mut mcid = 0;
    let kids: Vec<Object> = tree
        .iter()
        .map(|e| add(&mut b, e, page, &mut mcid))
        .collect();
    let mut map = Dictionary::new();
    for (from, to) in role_map {
        map.set(*from, Object::Name(to.as_bytes().to_vec()));
    }
    let doc = b
        .doc
        .add_object(dictionary! { "S" => "Document", "K" => kids });
    let root = b.doc.add_object(dictionary! {
        "Type" => "StructTreeRoot", "K" => doc, "RoleMap" => map,
    });
    b.catalog("StructTreeRoot", root);
    b.catalog("MarkInfo", dictionary! { "Marked" => true });
    b.build()
}

fn convert(bytes: &[u8]) -> (Document, Report, String) {
    let c = brief2md::convert(bytes, &brief2md::Options::default()).expect("converts");
    let md = brief2md::writers::markdown::write(&c.document, &Default::default());
    (c.document, c.report, md)
}

fn headings(doc: &Document) -> Vec<(u8, String)> {
    doc.blocks
        .iter()
        .filter_map(|b| match b {
            Block::Heading { level, content } => Some((*level, plain_text(content))),
            _ => None,
        })
        .collect()
}

fn evidence<'a>(report: &'a Report, needle: &str) -> Vec<&'a str> {
    report
        .actions
        .iter()
        .filter_map(|a| a.evidence.as_deref())
        .filter(|e| e.contains(needle))
        .collect()
}

/// The opening of every test document: a title, so that the title block has its line.
fn title() -> E {
    el("Title", vec![t("A Tagged Test Document", 20.0)])
}

#[test]
fn tagged_levels_override_type_size_both_ways() {
    let tree = [
        title(),
        el("H1", vec![t("Background and Purpose", 16.0)]),
        el("P", vec![t(PARA, BODY)]),
        // Body size, bold nowhere: only the tag makes it a heading.
        el("H2", vec![t("Scope of the Review", BODY)]),
        el("P", vec![t(PARA, BODY)]),
        // Big type, short, no full stop: layout alone would call it a heading.
        el("P", vec![t("Key Figures at a Glance", 16.0)]),
        el("P", vec![t(PARA, BODY)]),
        el("H1", vec![t("Findings of the Panel", 16.0)]),
        el("P", vec![t(PARA, BODY)]),
    ];
    let (doc, report, md) = convert(&tagged_pdf(&tree, &[], &[]));
    assert_eq!(
        headings(&doc),
        vec![
            (1, "Background and Purpose".to_string()),
            (2, "Scope of the Review".to_string()),
            (1, "Findings of the Panel".to_string()),
        ],
        "{md}"
    );
    assert!(md.contains("Key Figures at a Glance"), "{md}");
    let used = evidence(&report, "structure tree used");
    assert_eq!(used.len(), 1, "{:?}", report.actions);
    assert!(
        used[0].contains("H1 2") && used[0].contains("H2 1"),
        "{}",
        used[0]
    );
    assert!(!evidence(&report, "tags it as running text (P)").is_empty());
}

#[test]
fn role_map_turns_a_custom_type_into_a_heading() {
    let tree = [
        title(),
        el("Para", vec![t(PARA, BODY)]),
        el("ChapterTitle", vec![t("Methods Used Here", BODY)]),
        el("Para", vec![t(PARA, BODY)]),
        el("Para", vec![t(PARA, BODY)]),
    ];
    let map = [
        ("ChapterTitle", "Heading"),
        ("Heading", "H1"),
        ("Para", "P"),
    ];
    let (doc, report, md) = convert(&tagged_pdf(&tree, &[], &map));
    assert_eq!(
        headings(&doc),
        vec![(1, "Methods Used Here".to_string())],
        "{md}"
    );
    assert!(!evidence(&report, "structure tree used").is_empty());
}

#[test]
fn artifact_header_and_page_number_are_removed_on_a_single_page() {
    let tree = [
        title(),
        el("H1", vec![t("Introduction", 14.0)]),
        el("P", vec![t(PARA, BODY)]),
        el("P", vec![t(PARA, BODY)]),
    ];
    let artifacts = [
        (
            "<</Type /Pagination /Subtype /Header>>",
            "Quarterly Review of Regional Water Policy",
            820.0,
        ),
        ("<</Type /Pagination /Subtype /Footer>>", "17", 30.0),
    ];
    let (_, report, md) = convert(&tagged_pdf(&tree, &artifacts, &[]));
    assert!(!md.contains("Quarterly Review"), "{md}");
    assert!(!md.contains("17"), "{md}");
    let removed: Vec<_> = report
        .actions
        .iter()
        .filter(|a| {
            a.evidence
                .as_deref()
                .is_some_and(|e| e.contains("artifact"))
        })
        .map(|a| (a.kind, a.evidence.clone().unwrap_or_default()))
        .collect();
    assert!(
        removed
            .iter()
            .any(|(k, e)| *k == ActionKind::RunningHeader && e.contains("/Header")),
        "{removed:?}"
    );
    assert!(
        removed
            .iter()
            .any(|(k, e)| *k == ActionKind::PageNumber && e.contains("/Footer")),
        "{removed:?}"
    );
}

#[test]
fn table_cells_are_never_headings() {
    let cell = |s: &'static str| el("TD", vec![t(s, 14.0)]);
    let tree = [
        title(),
        el("H1", vec![t("Results", 14.0)]),
        el("P", vec![t(PARA, BODY)]),
        el(
            "Table",
            vec![
                el("TR", vec![cell("Revenue Growth")]),
                el("TR", vec![cell("Operating Margin")]),
            ],
        ),
        el("P", vec![t(PARA, BODY)]),
    ];
    let (doc, report, md) = convert(&tagged_pdf(&tree, &[], &[]));
    assert_eq!(headings(&doc), vec![(1, "Results".to_string())], "{md}");
    assert!(md.contains("Revenue Growth") && md.contains("Operating Margin"));
    assert!(!evidence(&report, "table cell (TD/TH)").is_empty(), "{md}");
}

#[test]
fn list_items_keep_their_labels_and_nesting() {
    let item = |label: &'static str, body: &'static str, x: f32, nested: Vec<E>| {
        let mut kids = vec![
            el("Lbl", vec![t_at(label, BODY, x)]),
            el("LBody", vec![E::Beside(body, BODY, x + 14.0)]),
        ];
        kids.extend(nested);
        el("LI", kids)
    };
    let tree = [
        title(),
        el("P", vec![t(PARA, BODY)]),
        el(
            "L",
            vec![
                item("1.", "Alpha measures first", 72.0, vec![]),
                item(
                    "2.",
                    "Beta measures second",
                    72.0,
                    vec![el(
                        "L",
                        vec![
                            item("a.", "Inner one", 96.0, vec![]),
                            item("b.", "Inner two", 96.0, vec![]),
                        ],
                    )],
                ),
                item("3.", "Gamma measures third", 72.0, vec![]),
            ],
        ),
        el("P", vec![t(PARA, BODY)]),
    ];
    let (doc, _, md) = convert(&tagged_pdf(&tree, &[], &[]));
    assert!(headings(&doc).is_empty(), "{md}");
    let list = doc
        .blocks
        .iter()
        .find_map(|b| match b {
            Block::List(l) => Some(l),
            _ => None,
        })
        .unwrap_or_else(|| panic!("a list: {md}"));
    assert_eq!(list.items.len(), 3, "{md}");
    let inner = list.items[1]
        .blocks
        .iter()
        .find_map(|b| match b {
            Block::List(l) => Some(l),
            _ => None,
        })
        .unwrap_or_else(|| panic!("a nested list: {md}"));
    assert_eq!(inner.items.len(), 2, "{md}");
    assert!(md.contains("Inner two"), "{md}");
}

#[test]
fn a_tree_that_misses_the_text_falls_back_with_its_reason() {
    // The tree's one paragraph loops back on itself and names an MCID no content has;
    // the page's content items are not in it at all.
    let mut b = PdfBuilder::new();
    b.std_font("F1", "Helvetica", Some("WinAnsiEncoding"));
    let mut content = String::new();
    let lines = [
        ("Findings Overview", 16.0),
        (PARA, BODY),
        ("Next Steps", 16.0),
        (PARA, BODY),
    ];
    let mut y = 800.0;
    for (i, (text, size)) in lines.iter().enumerate() {
        y -= size * 1.5 + 4.0;
        content.push_str(&format!(
            "/P <</MCID {}>> BDC BT /F1 {size} Tf 72 {y} Td ({text}) Tj ET EMC\n",
            i + 10
        ));
    }
    let page = b.page(&content);
    let p_id = b.doc.new_object_id();
    let sect = b
        .doc
        .add_object(dictionary! { "S" => "Sect", "Pg" => page, "K" => vec![p_id.into()] });
    b.doc.objects.insert(
        p_id,
        Object::Dictionary(
            dictionary! { "S" => "H1", "Pg" => page, "K" => vec![Object::Integer(99), sect.into()] },
        ),
    );
    let root = b
        .doc
        .add_object(dictionary! { "Type" => "StructTreeRoot", "K" => sect });
    b.catalog("StructTreeRoot", root);
    let (doc, report, md) = convert(&b.build());
    let refused = evidence(&report, "structure tree not used");
    assert_eq!(refused.len(), 1, "{:?}", report.actions);
    assert!(refused[0].contains("0 % of the text"), "{}", refused[0]);
    assert!(refused[0].contains("cycle"), "{}", refused[0]);
    // Layout decides: the big short lines are still headings.
    let hs: Vec<String> = headings(&doc).into_iter().map(|h| h.1).collect();
    assert!(hs.contains(&"Next Steps".to_string()), "{md}");
}

/// An untagged PDF with an outline: two headings set at one size, one of them a
/// level-2 bookmark, and a same-size line the outline leaves out.
/// An untagged page of `lines` (text, size), stacked from the top at a line and a half
/// of their size plus 6 pt, in the builder's font F1.
fn stacked_page(b: &mut PdfBuilder, lines: &[(&str, f32)]) -> ObjectId {
    let mut content = String::new();
    let mut y = 800.0;
    for (text, size) in lines {
        y -= size * 1.5 + 6.0;
        content.push_str(&format!("BT /F1 {size} Tf 72 {y} Td ({text}) Tj ET\n"));
    }
    b.page(&content)
}

/// Makes `outlines` the document's outline root, from bookmark `first` to `last`, with
/// `count` bookmarks open.
fn set_outline(
    b: &mut PdfBuilder,
    outlines: ObjectId,
    first: ObjectId,
    last: ObjectId,
    count: i64,
) {
    b.doc.objects.insert(
        outlines,
        Object::Dictionary(dictionary! {
            "Type" => "Outlines", "First" => first, "Last" => last, "Count" => count,
        }),
    );
    b.catalog("Outlines", outlines);
}

#[test]
fn outline_levels_headings_and_overrules_a_candidate_it_leaves_out() {
    let mut b = PdfBuilder::new();
    b.std_font("F1", "Helvetica", Some("WinAnsiEncoding"));
    let lines = [
        ("An Outlined Report on Things", 22.0),
        ("Introduction", 13.0),
        (PARA, BODY),
        ("Scope of the Study", 13.0),
        (PARA, BODY),
        ("Call Us Today", 13.0),
        (PARA, BODY),
        ("Findings", 13.0),
        (PARA, BODY),
    ];
    let page = stacked_page(&mut b, &lines);
    let outlines = b.doc.new_object_id();
    let ids: Vec<ObjectId> = (0..4).map(|_| b.doc.new_object_id()).collect();
    let dest = || vec![page.into(), "XYZ".into(), 0.into(), 800.into(), 0.into()];
    let entry = |title: &str, parent: ObjectId| {
        dictionary! {
            "Title" => Object::string_literal(title), "Parent" => parent, "Dest" => dest(),
        }
    };
    // Introduction (with Scope under it), Findings.
    let mut intro = entry("1 Introduction", outlines);
    intro.set("Next", ids[2]);
    intro.set("First", ids[1]);
    intro.set("Last", ids[1]);
    intro.set("Count", 1);
    let scope = entry("Scope of the Study", ids[0]);
    let mut findings = entry("Findings", outlines);
    findings.set("Prev", ids[0]);
    b.doc.objects.insert(ids[0], Object::Dictionary(intro));
    b.doc.objects.insert(ids[1], Object::Dictionary(scope));
    b.doc.objects.insert(ids[2], Object::Dictionary(findings));
    set_outline(&mut b, outlines, ids[0], ids[2], 3);
    let (doc, report, md) = convert(&b.build());
    assert_eq!(
        headings(&doc),
        vec![
            (1, "Introduction".to_string()),
            (2, "Scope of the Study".to_string()),
            (1, "Findings".to_string()),
        ],
        "{md}"
    );
    assert!(md.contains("Call Us Today"), "{md}");
    let summary = evidence(&report, "outline:");
    assert_eq!(summary.len(), 1, "{:?}", report.actions);
    assert!(summary[0].contains("3 of 3 bookmarks"), "{}", summary[0]);
    assert!(
        summary[0].contains("1 heading candidate(s)"),
        "{}",
        summary[0]
    );
}

#[test]
fn untyped_h_takes_its_level_from_the_sections_around_it() {
    let tree = [
        title(),
        el("P", vec![t(PARA, BODY)]),
        el(
            "Sect",
            vec![
                el("H", vec![t("Outer Section Name", 12.0)]),
                el("P", vec![t(PARA, BODY)]),
                el(
                    "Sect",
                    vec![
                        el("H", vec![t("Inner Section Name", 12.0)]),
                        el("P", vec![t(PARA, BODY)]),
                    ],
                ),
            ],
        ),
    ];
    let (doc, _, md) = convert(&tagged_pdf(&tree, &[], &[]));
    assert_eq!(
        headings(&doc),
        vec![
            (1, "Outer Section Name".to_string()),
            (2, "Inner Section Name".to_string()),
        ],
        "{md}"
    );
}

#[test]
fn a_tagged_note_is_note_text_and_links_to_its_marker() {
    let tree = [
        title(),
        el("H1", vec![t("Context", 14.0)]),
        el(
            "P",
            vec![
                t(
                    "The agreement was signed in 1961 and renewed twice since then",
                    BODY,
                ),
                E::Beside("1", 6.0, 372.0),
            ],
        ),
        el("P", vec![t(PARA, BODY)]),
        el(
            "Note",
            vec![t(
                "1 Treaty of Friendship, Cooperation and Mutual Assistance, Article 2",
                BODY,
            )],
        ),
    ];
    let (doc, report, md) = convert(&tagged_pdf(&tree, &[], &[]));
    assert_eq!(doc.footnotes.len(), 1, "{md}");
    assert!(md.contains("[^1]:"), "{md}");
    assert_eq!(md.matches("[^1]").count(), 2, "reference and note: {md}");
    assert!(!md.contains("\n1 Treaty"), "{md}");
    assert!(!evidence(&report, "tagged Note").is_empty(), "{md}");
}

/// A form numbers its sections in a disc and tags the number as a heading: a bare number
/// is a label, kept as text, while the tagged heading beside it with words stays one.
#[test]
fn a_tagged_heading_with_no_word_is_a_label() {
    let tree = [
        title(),
        el("P", vec![t(PARA, BODY)]),
        el("H1", vec![t("Registration Details", 14.0)]),
        el("P", vec![t(PARA, BODY)]),
        el("H2", vec![t("1", 14.0)]),
        el("P", vec![t(PARA, BODY)]),
        el("H2", vec![t("7", 14.0)]),
        el("P", vec![t(PARA, BODY)]),
    ];
    let (doc, report, md) = convert(&tagged_pdf(&tree, &[], &[]));
    assert_eq!(
        headings(&doc),
        vec![(1, "Registration Details".to_string())],
        "{md}"
    );
    // Kept as text, never dropped.
    assert!(
        md.lines().any(|l| l.trim() == "1") && md.lines().any(|l| l.trim() == "7"),
        "{md}"
    );
    assert_eq!(
        evidence(&report, "no word in it").len(),
        2,
        "{:?}",
        report.actions
    );
}

/// A table the tree lays out in rows and cells is read from the tree, whatever the
/// cells' alignment on the page: each value stays in its row and column, the `TH` row
/// is the header, and an empty cell keeps its place.
#[test]
fn a_tagged_table_takes_its_rows_and_cells_from_the_tree() {
    let th = |s: &'static str, x: f32| el("TH", vec![t_at(s, BODY, x)]);
    let td = |s: &'static str, x: f32| el("TD", vec![E::Beside(s, BODY, x)]);
    let first = |s: &'static str| el("TD", vec![t(s, BODY)]);
    let tree = [
        title(),
        el("P", vec![t(PARA, BODY)]),
        el(
            "Table",
            vec![
                el(
                    "TR",
                    vec![
                        th("Market", 72.0),
                        el("TH", vec![E::Beside("This week", BODY, 210.0)]),
                        el("TH", vec![E::Beside("Year ago", BODY, 330.0)]),
                    ],
                ),
                el(
                    "TR",
                    vec![first("Iowa"), td("1.35", 260.0), td("1.27", 300.0)],
                ),
                el(
                    "TR",
                    vec![first("Nebraska"), el("TD", vec![]), td("1.30", 420.0)],
                ),
            ],
        ),
        el("P", vec![t(PARA, BODY)]),
    ];
    let (_, _, md) = convert(&tagged_pdf(&tree, &[], &[]));
    assert!(
        md.contains(
            "| Market | This week | Year ago |\n| --- | --- | --- |\n| Iowa | 1.35 | 1.27 |\n| Nebraska |  | 1.30 |"
        ),
        "{md}"
    );
}

/// A title, a heading and a paragraph, then one paragraph of `rows` lines each set in
/// two halves side by side (a label and its words), then a paragraph.
fn paired_paragraphs(rows: usize) -> [E; 5] {
    let lines: Vec<E> = [
        ("Voltage", "Each voltage sets the state"),
        ("Cluster C", "When both clusters switch"),
        ("Release V", "Then the release voltage"),
        ("Level L", "By applying the primitives"),
        ("Pulses P", "All clusters snap down"),
    ]
    .into_iter()
    .take(rows)
    .flat_map(|(a, b)| [t(a, BODY), E::Beside(b, BODY, 320.0)])
    .collect();
    [
        title(),
        el("H1", vec![t("Results", 14.0)]),
        el("P", vec![t(PARA, BODY)]),
        el("P", lines),
        el("P", vec![t(PARA, BODY)]),
    ]
}

/// Lines the tree puts in paragraphs are no table, however their halves line up: two
/// columns of short lines that the layout alone would read as a table's cells.
#[test]
fn paragraphs_the_tree_names_are_never_a_table() {
    let (doc, _, md) = convert(&tagged_pdf(&paired_paragraphs(5), &[], &[]));
    assert!(
        !doc.blocks.iter().any(|b| matches!(b, Block::Table { .. })),
        "{md}"
    );
    assert!(md.contains("Each voltage sets the state"), "{md}");
}

/// The same paragraphs drawn inside a grid of rules: the trusted tree still says they
/// are paragraphs, and no table is made of them.
#[test]
fn paragraphs_the_tree_names_in_a_ruled_grid_are_never_a_table() {
    let tree = paired_paragraphs(3);
    // Baselines as `draw` sets them: the title's, the heading's, the paragraph's, then
    // one per row (PDF space, y up).
    let step = |size: f32| size * 1.5 + 4.0;
    let first = 800.0 - step(20.0) - step(14.0) - step(BODY) - step(BODY);
    let rows: Vec<f32> = (0..3).map(|k| first - step(BODY) * k as f32).collect();
    let (top, bottom) = (rows[0] + 14.0, rows[2] - 6.0);
    let mut drawing = String::from("0 0 0 RG 0.5 w\n");
    for y in [top, rows[0] - 6.0, rows[1] - 6.0, bottom] {
        drawing.push_str(&format!("60 {y} m 560 {y} l S\n"));
    }
    for x in [60.0, 310.0, 560.0] {
        drawing.push_str(&format!("{x} {top} m {x} {bottom} l S\n"));
    }
    let (doc, report, md) = convert(&tagged_pdf_drawn(&tree, &[], &[], &drawing));
    assert!(
        !evidence(&report, "a grid of rules drawn round").is_empty(),
        "the grid is found: {md}"
    );
    assert!(
        !evidence(&report, "left as the tree says").is_empty(),
        "the report says why it is no table: {md}"
    );
    assert!(
        !doc.blocks.iter().any(|b| matches!(b, Block::Table { .. })),
        "{md}"
    );
    assert!(md.contains("Each voltage sets the state"), "{md}");
}

/// A word processor's heading style laid on a paragraph and then overridden: the tree
/// says H2, the page shows three lines of running text in the body's face and size,
/// ending on a full stop. It stays a paragraph, with the reason reported; a short
/// tagged heading at body size, and one set apart by size, stay headings.
#[test]
fn a_tagged_heading_set_as_a_paragraph_of_running_text_stays_text() {
    const L1: &str = "Respondents agreed that the trails should reach the shops and the schools";
    const L2: &str = "of the village directly, and that the municipality should plan the network";
    const L3: &str = "for all ages and abilities over the short, medium and long term alike.";
    let tree = [
        title(),
        el("P", vec![t(PARA, BODY), t(PARA, BODY), t(PARA, BODY)]),
        el("H1", vec![t("Survey Results", 14.0)]),
        el("P", vec![t(PARA, BODY), t(PARA, BODY), t(PARA, BODY)]),
        el("H2", vec![t(L1, BODY), t(L2, BODY), t(L3, BODY)]),
        el("P", vec![t(PARA, BODY), t(PARA, BODY), t(PARA, BODY)]),
        el("H2", vec![t("Safety on the Trails", BODY)]),
        el("P", vec![t(PARA, BODY), t(PARA, BODY), t(PARA, BODY)]),
    ];
    let (doc, report, md) = convert(&tagged_pdf(&tree, &[], &[]));
    assert_eq!(
        headings(&doc),
        vec![
            (1, "Survey Results".to_string()),
            (2, "Safety on the Trails".to_string())
        ],
        "{md}"
    );
    let kept = doc.blocks.iter().any(|b| {
        matches!(b, Block::Paragraph(c) if plain_text(c).starts_with("Respondents agreed")
            && plain_text(c).ends_with("long term alike."))
    });
    assert!(kept, "{md}");
    assert_eq!(
        evidence(&report, "set in the body's face and size").len(),
        1,
        "{:?}",
        report.actions
    );
}

/// A producer that bookmarks its tables' captions beside its sections: the bookmark
/// finds the caption, which stays the table's caption as printed, not a heading; the
/// sections it bookmarks are headings.
#[test]
fn a_bookmarked_table_caption_is_no_heading() {
    let mut b = PdfBuilder::new();
    b.std_font("F1", "Helvetica", Some("WinAnsiEncoding"));
    const CAPTION: &str = "Table A-2. Mean errors by lead time";
    let lines = [
        ("An Outlined Report on Things", 22.0),
        ("Introduction", 13.0),
        (PARA, BODY),
        (CAPTION, BODY),
        (PARA, BODY),
        ("Findings", 13.0),
        (PARA, BODY),
    ];
    let page = stacked_page(&mut b, &lines);
    let outlines = b.doc.new_object_id();
    let titles = ["Introduction", CAPTION, "Findings"];
    let ids: Vec<ObjectId> = titles.iter().map(|_| b.doc.new_object_id()).collect();
    for (k, title) in titles.iter().enumerate() {
        let mut entry = dictionary! {
            "Title" => Object::string_literal(*title), "Parent" => outlines,
            "Dest" => vec![page.into(), "XYZ".into(), 0.into(), 800.into(), 0.into()],
        };
        if k > 0 {
            entry.set("Prev", ids[k - 1]);
        }
        if k + 1 < ids.len() {
            entry.set("Next", ids[k + 1]);
        }
        b.doc.objects.insert(ids[k], Object::Dictionary(entry));
    }
    set_outline(&mut b, outlines, ids[0], ids[2], 3);
    let (doc, report, md) = convert(&b.build());
    assert_eq!(
        headings(&doc),
        vec![(1, "Introduction".to_string()), (1, "Findings".to_string())],
        "{md}"
    );
    assert!(md.contains(CAPTION), "{md}");
    assert_eq!(
        evidence(&report, "caption label").len(),
        1,
        "{:?}",
        report.actions
    );
}

/// Terms set as labels with their values beside them after a tab (a press release's
/// "Maturity:" and "19 October 2028"), some paragraphs of them tagged H1 by a word
/// processor's style though set like running text: no heading, and each label is read
/// with its value, not the labels all before the values as two columns would be.
#[test]
fn labels_with_values_beside_them_are_read_row_by_row_and_are_no_headings() {
    let term = |role: &'static str, label: &'static str, value: &'static str| {
        el(role, vec![t(label, BODY), E::Beside(value, BODY, 200.0)])
    };
    let tree = [
        title(),
        el("H1", vec![t("Background", 14.0)]),
        el("P", vec![t(PARA, BODY)]),
        term("H1", "Auction date:", "Monday, 25 September 2023"),
        term("P", "Bids due:", "Tuesday, 26 September 2023"),
        term("P", "Settlement:", "Thursday, 28 September 2023"),
        term("H1", "Maturity:", "19 October 2028"),
        term("P", "Coupon:", "19 October each year"),
        el("P", vec![t(PARA, BODY)]),
    ];
    let (doc, report, md) = convert(&tagged_pdf(&tree, &[], &[]));
    assert_eq!(headings(&doc), [(1, "Background".to_string())], "{md}");
    assert_eq!(
        evidence(
            &report,
            "a label ending in a colon with its value beside it"
        )
        .len(),
        2,
        "{md}"
    );
    let order: Vec<usize> = [
        "Auction date:",
        "Monday, 25 September",
        "Bids due:",
        "Tuesday, 26 September",
        "Settlement:",
        "Thursday, 28 September",
        "Maturity:",
        "19 October 2028",
        "Coupon:",
        "19 October each year",
    ]
    .iter()
    .map(|s| md.find(s).unwrap_or_else(|| panic!("{s}:\n{md}")))
    .collect();
    assert!(order.windows(2).all(|w| w[0] < w[1]), "{md}");
}
