//! Issue 8: affiliations printed once under labels that the authors' raised marks repeat,
//! wherever the first page sets them — in a narrow margin column beside the abstract (the
//! BMJ layout) or at the page foot — read into the document's affiliations, written as
//! JATS `<aff>` with `<xref ref-type="aff">` and as each author's affiliation in the
//! Markdown front matter. A mark no labelled line answers gets nothing.

// Both bring in the shared paths helper; this test needs `common`'s DTD validation too.
#[allow(clippy::duplicate_mod)]
mod common;
mod support;

use support::note_pages::{Run, convert, escape};

const PROSE: &str = "Soil moisture was measured weekly at each site over the two seasons.";

/// Lines of runs placed anywhere: (x, baseline y, runs). A run is (text, size, rise).
fn pdf(lines: &[(f32, f32, Vec<Run>)]) -> Vec<u8> {
    let mut b = support::PdfBuilder::new();
    b.std_font("F1", "Helvetica", Some("WinAnsiEncoding"));
    let mut content = String::new();
    for (x, y, runs) in lines {
        content.push_str(&format!("BT {x} {y} Td "));
        for Run(text, size, rise) in runs {
            content.push_str(&format!("/F1 {size} Tf {rise} Ts ({}) Tj ", escape(text)));
        }
        content.push_str("0 Ts ET\n");
    }
    b.page(&content);
    b.build()
}

fn text(t: &str, size: f32) -> Run<'_> {
    Run(t, size, 0.0)
}

fn mark(t: &str) -> Run<'_> {
    Run(t, 7.0, 4.0)
}

/// The title over two lines and an author list with raised marks, from x = `x`.
fn head(x: f32, marks: [&'static str; 3]) -> Vec<(f32, f32, Vec<Run<'static>>)> {
    vec![
        (x, 740.0, vec![text("Soil Moisture and Maize Yields", 18.0)]),
        (x, 718.0, vec![text("in the Volta Basin", 18.0)]),
        (
            x,
            690.0,
            vec![
                text("Ama Owusu", 12.0),
                mark(marks[0]),
                text(", Kofi B. Mensah", 12.0),
                mark(marks[1]),
                text(" and Lena Vogel", 12.0),
                mark(marks[2]),
            ],
        ),
    ]
}

/// Prose lines from `y` down, 12 pt apart, at `x`.
fn prose(x: f32, y: f32, n: usize) -> Vec<(f32, f32, Vec<Run<'static>>)> {
    (0..n)
        .map(|i| (x, y - 12.0 * i as f32, vec![text(PROSE, 9.0)]))
        .collect()
}

fn names_and_labels(doc: &brief2md::model::Document) -> Vec<(String, Vec<String>)> {
    doc.metadata
        .authors
        .iter()
        .map(|a| (a.name.clone(), a.affiliation_labels.clone()))
        .collect()
}

fn affiliations(doc: &brief2md::model::Document) -> Vec<(String, String)> {
    doc.metadata
        .affiliations
        .iter()
        .map(|a| (a.label.clone(), a.text.clone()))
        .collect()
}

fn body_of(md: &str) -> &str {
    md.splitn(3, "---\n").nth(2).unwrap_or(md)
}

const GHANA: &str = "Department of Soil Science, University of Ghana, Legon, Ghana";
const DELFT: &str =
    "Institute for Water Studies, Delft University of Technology, Delft, Netherlands";

#[test]
fn a_margin_column_of_labelled_affiliations_beside_the_abstract() {
    let mut lines = head(150.0, ["1", "1,2", "2"]);
    lines.extend(prose(150.0, 650.0, 30));
    // The margin column: 8 pt, each label raised, each affiliation wrapped narrow.
    let margin: [(f32, Vec<Run>); 10] = [
        (
            646.5,
            vec![mark("1"), text(" Department of Soil Science,", 8.0)],
        ),
        (637.5, vec![text("University of Ghana, Legon,", 8.0)]),
        (628.5, vec![text("Ghana", 8.0)]),
        (
            619.5,
            vec![mark("2"), text(" Institute for Water Studies,", 8.0)],
        ),
        (610.5, vec![text("Delft University of", 8.0)]),
        (601.5, vec![text("Technology, Delft,", 8.0)]),
        (592.5, vec![text("Netherlands", 8.0)]),
        (574.5, vec![text("Correspondence to", 8.0)]),
        (565.5, vec![text("Dr Ama Owusu, Legon;", 8.0)]),
        (556.5, vec![text("ama.owusu@example.org", 8.0)]),
    ];
    lines.extend(margin.into_iter().map(|(y, runs)| (40.0, y, runs)));
    let (doc, report, md) = convert(&pdf(&lines));

    assert_eq!(
        names_and_labels(&doc),
        [
            ("Ama Owusu".to_string(), vec!["1".to_string()]),
            ("Kofi B. Mensah".into(), vec!["1".into(), "2".into()]),
            ("Lena Vogel".into(), vec!["2".into()]),
        ],
        "{md}"
    );
    assert_eq!(
        affiliations(&doc),
        [
            ("1".to_string(), GHANA.to_string()),
            ("2".into(), DELFT.into())
        ],
        "{md}"
    );
    // The lines left the body, reported; the correspondence block and the prose stay, and
    // no raised label became a footnote marker.
    let body = body_of(&md);
    assert!(!body.contains("University of Ghana"), "{md}");
    assert!(!body.contains("Delft"), "{md}");
    assert!(body.contains("Correspondence to"), "{md}");
    assert!(body.contains("ama.owusu@example.org"), "{md}");
    assert!(body.contains("Soil moisture was measured"), "{md}");
    assert!(!md.contains("[^"), "{md}");
    assert!(
        report.actions.iter().any(|a| a
            .evidence
            .as_deref()
            .is_some_and(|e| e.contains("affiliation 2"))
            && a.before.as_deref() == Some("Netherlands")),
        "the wrapped line is reported"
    );
    // Markdown: each author with the text of its affiliations.
    assert!(
        md.contains(&format!(
            "  - name: \"Kofi B. Mensah\"\n    affiliation: \"{GHANA}; {DELFT}\"\n"
        )),
        "{md}"
    );
    // JATS: each affiliation once, pointed to from each contributor.
    let jats = brief2md::writers::jats::write(&doc);
    assert_eq!(jats.matches("<aff ").count(), 2, "{jats}");
    assert!(
        jats.contains(&format!(r#"<aff id="aff1"><label>1</label> {GHANA}</aff>"#)),
        "{jats}"
    );
    assert!(
        jats.contains(
            r#"<surname>Mensah</surname><given-names>Kofi B.</given-names></name><xref ref-type="aff" rid="aff1">1</xref><xref ref-type="aff" rid="aff2">2</xref></contrib>"#
        ),
        "{jats}"
    );
    common::assert_valid_jats(&jats, "margin affiliations");
}

#[test]
fn labelled_affiliations_at_the_foot_of_the_first_page() {
    let mut lines = head(72.0, ["a", "b", "a"]);
    lines.extend(prose(72.0, 660.0, 20));
    lines.extend([
        (
            72.0,
            92.0,
            vec![mark("a"), text(" Department of Soil Science,", 8.0)],
        ),
        (
            72.0,
            83.0,
            vec![text("University of Ghana, Legon, Ghana", 8.0)],
        ),
        (
            72.0,
            74.0,
            vec![mark("b"), text(&DELFT[..DELFT.len() - 11], 8.0)],
        ),
        (72.0, 65.0, vec![text("Netherlands", 8.0)]),
        // A note under a label no author carries ends the list and stays a note.
        (
            72.0,
            56.0,
            vec![mark("3"), text(" Survey rounds of 2019 and 2021.", 8.0)],
        ),
    ]);
    let (doc, _, md) = convert(&pdf(&lines));
    assert_eq!(
        affiliations(&doc),
        [
            ("a".to_string(), GHANA.to_string()),
            ("b".into(), DELFT.into())
        ],
        "{md}"
    );
    assert_eq!(doc.metadata.authors[1].affiliation_labels, ["b"], "{md}");
    let body = body_of(&md);
    assert!(!body.contains("Legon"), "{md}");
    assert!(!body.contains("Netherlands"), "{md}");
    assert!(md.contains("Survey rounds of 2019 and 2021."), "{md}");
    assert!(
        md.contains(&format!(
            "  - name: \"Lena Vogel\"\n    affiliation: \"{GHANA}\"\n"
        )),
        "{md}"
    );
    let jats = brief2md::writers::jats::write(&doc);
    assert!(
        jats.contains(&format!(r#"<aff id="affb"><label>b</label> {DELFT}</aff>"#)),
        "{jats}"
    );
    common::assert_valid_jats(&jats, "foot affiliations");
}

/// A mark that no labelled affiliation answers is kept with the author and points
/// nowhere: the line at the foot under that label is a note, not an affiliation, and
/// stays in the text; no `<xref>` dangles.
#[test]
fn a_mark_with_no_affiliation_gets_none() {
    let mut lines = head(72.0, ["1", "2", "1"]);
    lines.extend(prose(72.0, 660.0, 20));
    lines.extend([
        (72.0, 83.0, vec![mark("1"), text(GHANA, 8.0)]),
        (
            72.0,
            74.0,
            vec![
                mark("2"),
                text(" The views expressed here are the author's own.", 8.0),
            ],
        ),
    ]);
    let (doc, _, md) = convert(&pdf(&lines));
    assert_eq!(
        affiliations(&doc),
        [("1".to_string(), GHANA.to_string())],
        "{md}"
    );
    assert_eq!(doc.metadata.authors[1].affiliation_labels, ["2"], "{md}");
    assert!(md.contains("the author's own"), "{md}");
    assert!(
        md.contains("  - name: \"Kofi B. Mensah\"\n  - name: \"Lena Vogel\""),
        "{md}"
    );
    let jats = brief2md::writers::jats::write(&doc);
    assert!(!jats.contains(r#"rid="aff2""#), "{jats}");
    common::assert_valid_jats(&jats, "unanswered mark");
}

/// Without raised marks after the names there is no evidence: labelled lines at the foot
/// stay in the text.
#[test]
fn no_marks_no_affiliations() {
    let mut lines = vec![
        (
            72.0,
            740.0,
            vec![text("Soil Moisture and Maize Yields", 18.0)],
        ),
        (72.0, 700.0, vec![text("By Ama Owusu and Lena Vogel", 12.0)]),
    ];
    lines.extend(prose(72.0, 660.0, 20));
    lines.push((72.0, 83.0, vec![mark("1"), text(GHANA, 8.0)]));
    let (doc, _, md) = convert(&pdf(&lines));
    assert!(doc.metadata.affiliations.is_empty(), "{md}");
    assert!(md.contains("University of Ghana"), "{md}");
}

/// A speech's title page: the speaker's name ends with an asterisk, and the one line at
/// the page foot opening with an asterisk is a note about him, in three lines. The note
/// goes to the front matter with the speaker (JATS `<author-notes>`), not into the body as
/// a bullet with its mark lost; the prose on the next page stays where it is.
#[test]
fn a_note_marked_after_the_speakers_name_stays_with_him() {
    let lines = vec![
        (
            170.0,
            700.0,
            vec![text("Rethinking the Financial Network", 18.0)],
        ),
        (270.0, 640.0, vec![text("Speech by", 12.0)]),
        (250.0, 610.0, vec![text("Andrew G Haldane*", 12.0)]),
        (250.0, 580.0, vec![text("Bank of England", 12.0)]),
        (270.0, 550.0, vec![text("April 2009", 12.0)]),
        (90.0, 400.0, vec![text(PROSE, 12.0)]),
        (90.0, 386.0, vec![text(PROSE, 12.0)]),
        (90.0, 372.0, vec![text(PROSE, 12.0)]),
        (
            90.0,
            112.0,
            vec![text(
                "* I would like to thank Ian Bond, Sebastiano Daros and Kemal",
                10.0,
            )],
        ),
        (
            90.0,
            100.5,
            vec![text(
                "Ercevik for comments and contributions. I would also like to",
                10.0,
            )],
        ),
        (
            90.0,
            89.0,
            vec![text("thank Lord Robert May for conversations.", 10.0)],
        ),
    ];
    let bytes = pdf(&lines);
    let (doc, report, md) = convert(&bytes);
    let notes = &doc.metadata.author_notes;
    assert_eq!(notes.len(), 1, "{md}");
    assert_eq!(notes[0].label, "*");
    assert!(
        notes[0].text.starts_with("I would like to thank Ian Bond"),
        "{md}"
    );
    assert!(notes[0].text.ends_with("for conversations."), "{md}");
    assert!(
        md.contains("    note: \"I would like to thank Ian Bond"),
        "{md}"
    );
    let body = body_of(&md);
    assert!(!body.contains("would like to thank"), "{md}");
    assert!(!body.contains("- "), "{md}");
    assert!(body.contains("Soil moisture was measured"), "{md}");
    assert!(
        report.actions.iter().any(|a| a
            .evidence
            .as_deref()
            .is_some_and(|e| e.contains("note about an author"))),
        "{md}"
    );
    let xml = brief2md::writers::jats::write(&doc);
    assert!(xml.contains("<xref ref-type=\"author-notes\" rid=\"author-note-1\">*</xref>"));
    common::assert_valid_jats(&xml, "author note");
}
