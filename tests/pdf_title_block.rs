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
    let affs: Vec<Option<&str>> = m.authors.iter().map(|a| a.affiliation.as_deref()).collect();
    assert_eq!(
        affs,
        [
            Some(dodoma),
            Some(format!("{dodoma}; {kisumu}").as_str()),
            Some(kisumu),
            Some(dodoma),
        ]
    );
    // The marks are affiliation marks, not footnote references, and the lines left the body.
    assert!(!md.contains("[^"), "{md}");
    let body = md.split("\n---\n").nth(1).unwrap_or("");
    assert!(!body.contains("Amina"), "{body}");
    assert!(!body.contains("University of Dodoma"), "{body}");
    assert!(body.contains("Maize yields in the region"), "{body}");
    let jats = brief2md::writers::jats::write(&doc);
    assert!(jats.contains("<surname>Mwangi</surname>"), "{jats}");
    assert!(jats.contains(&format!("<aff>{kisumu}</aff>")), "{jats}");
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
