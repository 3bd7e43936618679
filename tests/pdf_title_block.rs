//! Issue 8: a scholarly title block on a PDF page built here with lopdf: a title over two
//! lines, an author list whose names carry raised affiliation marks, and the affiliations
//! keyed by those marks.

mod support;

use support::note_pages::*;

const PROSE: &str = "Maize yields in the region have been measured for three decades by farmers.";

fn title_block(authors: Vec<(f32, Vec<Run<'static>>)>) -> Vec<u8> {
    let mut lines = vec![
        (
            760.0,
            vec![Run("Rainfall and Maize Yields in the", 18.0, 0.0)],
        ),
        (
            738.0,
            vec![Run("Southern Highlands of Tanzania", 18.0, 0.0)],
        ),
    ];
    lines.extend(authors);
    lines.extend([
        (
            660.0,
            vec![
                Run("1", 6.0, 3.0),
                Run(
                    " Department of Geography, University of Dodoma, Tanzania",
                    9.0,
                    0.0,
                ),
            ],
        ),
        (
            648.0,
            vec![
                Run("2", 6.0, 3.0),
                Run(
                    " Climate Research Unit, Lakeside College, Kisumu, Kenya",
                    9.0,
                    0.0,
                ),
            ],
        ),
        (620.0, vec![body(PROSE)]),
        (606.0, vec![body(PROSE)]),
        (592.0, vec![body(PROSE)]),
    ]);
    pdf(&[lines])
}

fn author_line() -> Vec<(f32, Vec<Run<'static>>)> {
    vec![
        (
            706.0,
            vec![
                Run("Amina Mwangi", 12.0, 0.0),
                Run("1", 8.0, 4.0),
                Run(", Tomas K. Ruiz", 12.0, 0.0),
                Run("1,2", 8.0, 4.0),
                Run(",", 12.0, 0.0),
            ],
        ),
        (
            690.0,
            vec![
                Run("Grace Otieno", 12.0, 0.0),
                Run("2", 8.0, 4.0),
                Run(" and Li Wei", 12.0, 0.0),
                Run("1*", 8.0, 4.0),
            ],
        ),
    ]
}

#[test]
fn authors_with_raised_marks_and_their_affiliations() {
    let (doc, _, md) = convert(&title_block(author_line()));
    let m = &doc.metadata;
    assert_eq!(
        m.title.as_deref(),
        Some("Rainfall and Maize Yields in the Southern Highlands of Tanzania"),
        "{md}"
    );
    let names: Vec<&str> = m.authors.iter().map(|a| a.name.as_str()).collect();
    assert_eq!(
        names,
        ["Amina Mwangi", "Tomas K. Ruiz", "Grace Otieno", "Li Wei"],
        "{md}"
    );
    let dodoma = "Department of Geography, University of Dodoma, Tanzania";
    let kisumu = "Climate Research Unit, Lakeside College, Kisumu, Kenya";
    // Each affiliation is kept once, under its label; each author keeps the labels.
    let affs: Vec<(&str, &str)> = m
        .affiliations
        .iter()
        .map(|a| (a.label.as_str(), a.text.as_str()))
        .collect();
    assert_eq!(affs, [("1", dodoma), ("2", kisumu)], "{md}");
    let labels: Vec<Vec<&str>> = m
        .authors
        .iter()
        .map(|a| a.affiliation_labels.iter().map(String::as_str).collect())
        .collect();
    assert_eq!(
        labels,
        [vec!["1"], vec!["1", "2"], vec!["2"], vec!["1", "*"]]
    );
    assert!(
        md.contains(&format!(
            "  - name: \"Tomas K. Ruiz\"\n    affiliation: \"{dodoma}; {kisumu}\"\n"
        )),
        "{md}"
    );
    // The marks are affiliation marks, not footnote references, and the lines left the body.
    assert!(!md.contains("[^"), "{md}");
    let body = md.split("\n---\n").nth(1).unwrap_or("");
    assert!(!body.contains("Amina"), "{body}");
    assert!(!body.contains("University of Dodoma"), "{body}");
    assert!(body.contains("Maize yields in the region"), "{body}");
    let jats = brief2md::writers::jats::write(&doc);
    assert!(jats.contains("<surname>Mwangi</surname>"), "{jats}");
    assert!(
        jats.contains(&format!(
            r#"<aff id="aff2"><label>2</label> {kisumu}</aff>"#
        )),
        "{jats}"
    );
    // Li Wei's star points to no affiliation: no xref for it.
    assert!(
        jats.contains(r#"<given-names>Li</given-names></name><xref ref-type="aff" rid="aff1">1</xref></contrib>"#),
        "{jats}"
    );
}

/// Raised marks after words that are not personal names (a line of findings with note
/// marks) are no author list: nothing is taken as an author and the text stays.
#[test]
fn marked_line_of_non_names_is_not_an_author_list() {
    let (doc, _, md) = convert(&title_block(vec![(
        700.0,
        vec![
            Run("Results from twelve districts", 12.0, 0.0),
            Run("1", 8.0, 4.0),
            Run(", with three seasons of data", 12.0, 0.0),
            Run("2", 8.0, 4.0),
        ],
    )]));
    assert!(doc.metadata.authors.is_empty(), "{md}");
    assert!(md.contains("Results from twelve districts"), "{md}");
}

/// Runs placed anywhere on the page: x, baseline y, font resource, size, text. `F1` is
/// Helvetica, `F2` Helvetica-Bold.
type Placed<'a> = (f32, f32, &'a str, f32, &'a str);

fn placed_pdf(lines: &[Placed], title: Option<&str>) -> Vec<u8> {
    let mut b = support::PdfBuilder::new();
    b.std_font("F1", "Helvetica", Some("WinAnsiEncoding"));
    b.std_font("F2", "Helvetica-Bold", Some("WinAnsiEncoding"));
    let mut content = String::new();
    for (x, y, font, size, text) in lines {
        content.push_str(&format!(
            "BT /{font} {size} Tf {x} {y} Td ({}) Tj ET\n",
            escape(text)
        ));
    }
    b.page(&content);
    if let Some(title) = title {
        let mut info = lopdf::Dictionary::new();
        info.set("Title", lopdf::Object::string_literal(title));
        b.info(info);
    }
    b.build()
}

/// Prose lines in Helvetica 11 from `y` down, 14 pt apart.
fn prose_from(y: f32, n: usize) -> Vec<Placed<'static>> {
    (0..n)
        .map(|i| (72.0, y - 14.0 * i as f32, "F1", 11.0, PROSE))
        .collect()
}

fn title_of(lines: &[Placed], declared: Option<&str>) -> (Option<String>, String) {
    let (doc, _, md) = convert(&placed_pdf(lines, declared));
    (doc.metadata.title.clone(), md)
}

/// A line in large capitals that shares its baseline with an amount is a row of a table
/// ("GRAND TOTAL   5,738"), not the title; the same line alone is one.
#[test]
fn a_line_beside_a_value_is_no_title() {
    let mut lines = vec![(72.0, 740.0, "F2", 16.0, "GRAND TOTAL")];
    lines.extend(prose_from(700.0, 4));
    let (alone, md) = title_of(&lines, None);
    assert_eq!(alone.as_deref(), Some("GRAND TOTAL"), "{md}");
    lines.push((420.0, 740.0, "F2", 16.0, "5,738"));
    let (title, md) = title_of(&lines, None);
    assert_eq!(title, None, "{md}");
    assert!(md.contains("GRAND TOTAL") && md.contains("5,738"), "{md}");
    // A page count beside a date at the page's edge is no title either.
    let mut footer = vec![
        (72.0, 740.0, "F1", 14.0, "1 of 1 Field Station Bulletin"),
        (420.0, 740.0, "F1", 14.0, "15.9.2007 11:02"),
    ];
    footer.extend(prose_from(700.0, 4));
    let (title, md) = title_of(&footer, None);
    assert_eq!(title, None, "{md}");
}

/// A label in bold followed by its value ("Report ID: SPARSE-1234") is a form field; a
/// title with a colon is set in one type throughout.
#[test]
fn a_field_label_and_its_value_are_no_title() {
    let content = format!(
        "BT /F2 14 Tf 72 740 Td (Report ID:) Tj /F1 14 Tf ( SPARSE-2024-INV-1234) Tj ET\n{}",
        prose_from(700.0, 4)
            .iter()
            .map(|(x, y, f, s, t)| format!("BT /{f} {s} Tf {x} {y} Td ({t}) Tj ET\n"))
            .collect::<String>()
    );
    let mut b = support::PdfBuilder::new();
    b.std_font("F1", "Helvetica", Some("WinAnsiEncoding"));
    b.std_font("F2", "Helvetica-Bold", Some("WinAnsiEncoding"));
    b.page(&content);
    let (doc, _, md) = convert(&b.build());
    assert_eq!(doc.metadata.title, None, "{md}");
    assert!(md.contains("SPARSE-2024-INV-1234"), "{md}");

    let mut lines = vec![(72.0, 740.0, "F1", 14.0, "Highland Rainfall: Forty Stations")];
    lines.extend(prose_from(700.0, 4));
    let (title, md) = title_of(&lines, None);
    assert_eq!(
        title.as_deref(),
        Some("Highland Rainfall: Forty Stations"),
        "{md}"
    );
}

/// A page that opens with a numbered section heading opens a section, not a document:
/// "1 Introduction", or "1 Station Records" when "2 …" follows in the same type.
#[test]
fn a_numbered_section_heading_is_no_title() {
    let mut intro = vec![(72.0, 740.0, "F2", 14.0, "1 Introduction")];
    intro.extend(prose_from(710.0, 4));
    let (title, md) = title_of(&intro, None);
    assert_eq!(title, None, "{md}");
    assert!(md.contains("# 1 Introduction"), "{md}");

    let mut numbered = vec![(72.0, 740.0, "F2", 14.0, "1 Station Records")];
    numbered.extend(prose_from(710.0, 4));
    numbered.push((72.0, 640.0, "F2", 14.0, "2 Gauge Network"));
    numbered.extend(prose_from(610.0, 4));
    let (title, md) = title_of(&numbered, None);
    assert_eq!(title, None, "{md}");
    assert!(
        md.contains("# 1 Station Records") && md.contains("# 2 Gauge Network"),
        "{md}"
    );
    // Without the second number the line is as likely a title.
    numbered.truncate(5);
    let (title, md) = title_of(&numbered, None);
    assert_eq!(title.as_deref(), Some("1 Station Records"), "{md}");
}

/// A page whose first line in large type is a section label, and whose file declares a
/// title printed further down the page in type as large (a form drawn out of reading
/// order): the declared title is the title; without it the label would be taken. (Set in
/// the very type of the label, the line below would make the label a section heading.)
#[test]
fn a_declared_title_printed_below_the_first_lines_wins() {
    let mut lines = vec![(72.0, 740.0, "F2", 14.0, "SECTION ONE OWNER")];
    lines.extend(prose_from(710.0, 3));
    lines.push((150.0, 640.0, "F2", 16.0, "BOAT REGISTRATION APPLICATION"));
    lines.extend(prose_from(610.0, 3));
    let (guess, md) = title_of(&lines, None);
    assert_eq!(guess.as_deref(), Some("SECTION ONE OWNER"), "{md}");
    let (title, md) = title_of(&lines, Some("BOAT REGISTRATION APPLICATION"));
    assert_eq!(
        title.as_deref(),
        Some("BOAT REGISTRATION APPLICATION"),
        "{md}"
    );
    assert!(md.contains("SECTION ONE OWNER"), "{md}");
}

/// A cover page set in one type size, the title in bold capitals over "Speech by" and the
/// speaker: the file's declared title goes on past the printed one ("…, Speech by … on 28
/// April 2009"), and its leading clause names the printed title. Without the declaration
/// the page alone does not say which line is the title, and the bold line stays a
/// letterhead; a declared clause that is no phrase ("Speech, …") names nothing.
#[test]
fn a_declared_title_that_goes_on_names_its_printed_clause() {
    let mut lines = vec![
        (175.0, 740.0, "F2", 12.0, "RETHINKING THE HARBOUR NETWORK"),
        (270.0, 700.0, "F1", 12.0, "Speech by"),
        (250.0, 680.0, "F1", 12.0, "Alma G Ferreira"),
        (
            210.0,
            660.0,
            "F1",
            12.0,
            "Executive Director, Port Stability",
        ),
        (270.0, 620.0, "F1", 12.0, "April 2009"),
    ];
    lines.extend(prose_from(560.0, 4));
    let declared = "Rethinking the Harbour Network, Speech by Alma G Ferreira, Executive \
                    Director, Port Stability, on 28 April 2009";
    let (title, md) = title_of(&lines, Some(declared));
    assert_eq!(
        title.as_deref(),
        Some("Rethinking the Harbour Network"),
        "{md}"
    );
    // "Speech by" over the name leads the by-line: the speaker is the author.
    assert!(md.contains("name: \"Alma G Ferreira\""), "{md}");
    assert!(md.contains("type: \"Speech\""), "{md}");
    let (title, md) = title_of(&lines, None);
    assert_ne!(
        title.as_deref(),
        Some("Rethinking the Harbour Network"),
        "{md}"
    );
    let (title, md) = title_of(&lines, Some("Speech, Rethinking the Harbour Network"));
    assert_ne!(
        title.as_deref(),
        Some("Rethinking the Harbour Network"),
        "{md}"
    );
}

/// A table's header row set in type larger than the rows, its cells side by side and one
/// of them over two lines, is no title: neither the row nor one of its cells; the cells'
/// words stay in the text.
#[test]
fn a_header_row_over_a_table_is_no_title() {
    let mut lines: Vec<Placed> = vec![
        (72.0, 740.0, "F2", 13.0, "DOCUMENT NO."),
        (200.0, 740.0, "F2", 13.0, "DATE"),
        (200.0, 728.0, "F2", 13.0, "POSTED"),
        (300.0, 740.0, "F2", 13.0, "PAYEE NAME"),
        (450.0, 744.0, "F2", 13.0, "AMOUNT"),
    ];
    lines.extend(prose_from(700.0, 4));
    let (title, md) = title_of(&lines, None);
    assert_eq!(title, None, "{md}");
    for cell in ["DOCUMENT NO.", "POSTED", "PAYEE NAME", "AMOUNT"] {
        assert!(md.contains(cell), "{cell}: {md}");
    }
    // One cell alone in that type is a title's shape again.
    let (title, md) = title_of(&[&lines[2..3], &lines[5..]].concat(), None);
    assert_eq!(title.as_deref(), Some("POSTED"), "{md}");
}

/// A title over two lines in one large type is one title: when its first line ends on a
/// word that leaves the phrase open ("Instructions for" / "Form 1040NR"), and when the
/// second line's capitalised words are common words of the text, not a name ("…Toolkit
/// for Deep" / "Learning Based Document Image Analysis").
#[test]
fn a_title_over_two_lines_stays_whole() {
    let mut lines: Vec<Placed> = vec![
        (72.0, 740.0, "F1", 24.0, "Instructions for"),
        (72.0, 714.0, "F1", 24.0, "Form 1040NR"),
    ];
    lines.extend(prose_from(680.0, 4));
    let (title, md) = title_of(&lines, None);
    assert_eq!(
        title.as_deref(),
        Some("Instructions for Form 1040NR"),
        "{md}"
    );

    let mut lines: Vec<Placed> = vec![
        (72.0, 740.0, "F1", 18.0, "A Unified Toolkit for Deep"),
        (
            72.0,
            718.0,
            "F1",
            18.0,
            "Learning Based Document Image Analysis",
        ),
        (
            72.0,
            690.0,
            "F1",
            11.0,
            "Deep learning based document analysis needs learning tools.",
        ),
    ];
    lines.extend(prose_from(676.0, 4));
    let (title, md) = title_of(&lines, None);
    assert_eq!(
        title.as_deref(),
        Some("A Unified Toolkit for Deep Learning Based Document Image Analysis"),
        "{md}"
    );
}

/// Issue 10: the lines of a postal address under a letterhead, each set in a size of its
/// own and larger than the body, are part of the address: no heading and no title. A
/// real heading further down stays one.
#[test]
fn postal_address_lines_are_no_headings_and_no_title() {
    let address = ["Postbus 14", "1309 S. Mary Avenue", "Sunnyvale, CA 94087"];
    let mut lines = vec![
        (72.0, 760.0, "F1", 12.8, address[0]),
        (72.0, 744.0, "F1", 14.0, address[1]),
        (72.0, 728.0, "F1", 12.8, address[2]),
    ];
    lines.extend(prose_from(700.0, 4));
    lines.push((72.0, 630.0, "F2", 14.0, "Testing the Water"));
    lines.extend(prose_from(600.0, 4));
    let (title, md) = title_of(&lines, None);
    for line in address {
        assert!(
            title.as_deref().is_none_or(|t| !t.contains(line)),
            "{title:?} in\n{md}"
        );
        assert!(!md.contains(&format!("# {line}")), "{md}");
        // The printed text stays.
        assert!(md.contains(line), "{md}");
    }
    assert!(md.contains("# Testing the Water"), "{md}");
}

/// Issue 10: a French letterhead's address, its street and district lines set bold in a
/// size of their own and its postcode drawn a tab before the city, is no heading: the
/// street line has the postcode's line two lines below it, and the district's line stands
/// between them in the street's size. The invoice's title, larger, under the postcode
/// and over the recipient's box, stays a heading.
#[test]
fn a_european_street_line_above_its_postcode_is_no_heading() {
    let mut lines = vec![
        (72.0, 770.0, "F2", 18.0, "ELECTRO OUEST"),
        (72.0, 748.0, "F2", 12.0, "6 rue des Goutais"),
        (72.0, 734.0, "F2", 12.0, "ZAC de la Mivoie"),
        (72.0, 720.0, "F1", 10.0, "35136"),
        (120.0, 720.0, "F1", 10.0, "SAINT JACQUES DE LA LANDE"),
        (72.0, 696.0, "F2", 14.0, "FACTURE 052273"),
        (72.0, 676.0, "F1", 10.0, "BP 2"),
    ];
    lines.extend(prose_from(650.0, 3));
    lines.push((72.0, 630.0, "F2", 14.0, "Conditions de paiement"));
    lines.extend(prose_from(600.0, 4));
    let (_, md) = title_of(&lines, None);
    for line in ["6 rue des Goutais", "ZAC de la Mivoie"] {
        assert!(!md.contains(&format!("# {line}")), "{md}");
        assert!(md.contains(line), "{md}");
    }
    // The title between the sender's address and the recipient's is set apart by its
    // size: it stays a heading.
    assert!(md.contains("# FACTURE 052273"), "{md}");
    assert!(md.contains("# Conditions de paiement"), "{md}");
}

/// Issue 10: a first line set in the very type the document's later section headings
/// share ("JavaScript Code Example", then "Formula", both in one bold size) opens the
/// first section; it names no document. It stays a heading in the text and is no title
/// (nor a credit). Set in a type of its own, larger than the sections', it is the title.
#[test]
fn a_first_line_in_the_sections_type_is_a_heading_not_the_title() {
    let page = |first_size: f32| {
        let mut lines = vec![(72.0, 760.0, "F2", first_size, "Testing the Water")];
        lines.extend(prose_from(730.0, 4));
        lines.push((72.0, 660.0, "F2", 14.0, "Reading the Gauges"));
        lines.extend(prose_from(630.0, 4));
        lines
    };
    let (title, md) = title_of(&page(14.0), None);
    assert_eq!(title, None, "{md}");
    assert!(!md.contains("author:"), "{md}");
    assert!(md.contains("# Testing the Water"), "{md}");
    assert!(md.contains("# Reading the Gauges"), "{md}");
    let (title, md) = title_of(&page(20.0), None);
    assert_eq!(title.as_deref(), Some("Testing the Water"), "{md}");
    assert!(md.contains("# Reading the Gauges"), "{md}");
}

/// The IEEE conference template: authors side by side under the title, each over their
/// own department and place in italics. Each column is one author with its details, not a
/// name over the next column's lines nor a heading. Lines: x, y from the top, font (`T`
/// Times-Roman, `B` Times-Bold, `I` Times-Italic), size, text.
#[test]
fn authors_side_by_side_each_over_their_details_are_the_credits() {
    let mut lines: Vec<(f32, f32, &str, f32, &str)> = vec![
        (
            166.7,
            52.0,
            "T",
            10.0,
            "2010 International Conference on Rainfall Data",
        ),
        (
            150.0,
            93.3,
            "B",
            14.0,
            "Rainfall and Maize Yields in the Southern",
        ),
        (211.4, 109.4, "B", 14.0, "Highlands of Tanzania"),
        (89.2, 138.6, "T", 11.0, "Amina Mwangi"),
        (62.9, 151.3, "I", 11.0, "Department of Geography,"),
        (103.2, 163.9, "I", 11.0, "Dodoma, Tanzania"),
        (258.4, 139.4, "T", 12.0, "Tomas K. Ruiz"),
        (230.2, 152.4, "I", 11.0, "Climate Research Unit,"),
        (270.5, 165.1, "I", 11.0, "Kisumu, Kenya"),
        (428.0, 139.4, "T", 12.0, "Grace Otieno"),
        (397.4, 152.4, "I", 11.0, "Soil Science Section,"),
        (437.8, 165.1, "I", 11.0, "Arusha, Tanzania"),
    ];
    let prose = "Maize yields in the region have been measured for three decades by";
    lines.extend((0..6).map(|i| (61.8, 200.0 + 11.5 * i as f32, "T", 10.0, prose)));
    let mut b = support::PdfBuilder::new();
    b.std_font("T", "Times-Roman", Some("WinAnsiEncoding"));
    b.std_font("B", "Times-Bold", Some("WinAnsiEncoding"));
    b.std_font("I", "Times-Italic", Some("WinAnsiEncoding"));
    let content: String = lines
        .iter()
        .map(|(x, y, f, size, t)| {
            let y = support::PAGE_H as f32 - y;
            format!("BT /{f} {size} Tf {x} {y} Td ({t}) Tj ET\n")
        })
        .collect();
    b.page(&content);
    let (doc, _, md) = convert(&b.build());
    let credits: Vec<(String, String)> = doc
        .metadata
        .authors
        .iter()
        .map(|a| {
            let details = [&a.role, &a.affiliation].into_iter().flatten();
            (
                a.name.clone(),
                details.cloned().collect::<Vec<_>>().join(", "),
            )
        })
        .collect();
    assert_eq!(
        credits,
        [
            (
                "Amina Mwangi".into(),
                "Department of Geography, Dodoma, Tanzania".into()
            ),
            (
                "Tomas K. Ruiz".into(),
                "Climate Research Unit, Kisumu, Kenya".into()
            ),
            (
                "Grace Otieno".into(),
                "Soil Science Section, Arusha, Tanzania".into()
            ),
        ],
        "{md}"
    );
    assert!(!md.contains("# Tomas") && !md.contains("# Grace"), "{md}");
    let body = md.splitn(3, "---\n").nth(2).unwrap_or_default();
    assert!(
        !body.contains("Kisumu"),
        "details stay in the front matter:\n{md}"
    );
}
