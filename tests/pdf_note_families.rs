//! Note families on PDF pages built here with lopdf: symbols, lower-case roman and letters
//! as labels and markers, numbering that starts again on every page, and the printed
//! label carried to JATS `<label>` and the report while Markdown numbers 1, 2, 3….

mod support;

use brief2md::model::Document;
use brief2md::report::{ActionKind, Report};
use support::note_pages::*;

/// A page of body lines, each ending in a raised marker, and notes at its foot in the
/// notes' smaller type, each opening with its label (raised where the note reads "^1 …").
fn page_with_notes(
    lines: &[(&'static str, &'static str)],
    notes: &[&'static str],
) -> Vec<(f32, Vec<Run<'static>>)> {
    let mut out = Vec::new();
    let mut y = 760.0;
    for &(text, marker) in lines {
        let mut runs = vec![body(text)];
        if !marker.is_empty() {
            runs.push(sup(marker));
        }
        out.push((y, runs));
        y -= 14.0;
    }
    // More body, so the notes sit well below the body text.
    for _ in 0..6 {
        out.push((
            y,
            vec![body("The argument goes on in plain prose without notes.")],
        ));
        y -= 14.0;
    }
    let mut y = 130.0;
    for &note in notes {
        // "^1 Text": the label raised, as word processors set it.
        let runs = match note.strip_prefix('^').and_then(|n| n.split_once(' ')) {
            Some((label, text)) => vec![Run(label, 6.0, 3.0), Run(text, NOTE, 0.0)],
            None => vec![Run(note, NOTE, 0.0)],
        };
        out.push((y, runs));
        y -= 10.0;
    }
    out
}

fn jats(doc: &Document) -> String {
    brief2md::writers::jats::write(doc)
}

fn printed_labels_in_report(report: &Report) -> Vec<String> {
    report
        .actions
        .iter()
        .filter(|a| a.kind == ActionKind::FootnoteText)
        .filter_map(|a| a.after.as_deref())
        .filter_map(|after| {
            let (_, rest) = after.split_once("(printed label ")?;
            Some(rest.split_once(')')?.0.to_string())
        })
        .collect()
}

#[test]
fn symbol_markers_and_labels_are_linked_and_keep_their_print() {
    let page = page_with_notes(
        &[
            ("The committee met twice in the spring.", "*"),
            ("Its report was published in June.", "†"),
            ("A second report followed in the autumn.", "‡"),
        ],
        &[
            "* Minutes of the committee, 12 March.",
            "† Report of the committee, first edition.",
            "‡ Report of the committee, second edition.",
        ],
    );
    let (doc, report, md) = convert(&pdf(&[page]));
    assert_linked(
        &doc,
        &[
            ("spring.", "Minutes of the committee, 12 March."),
            ("June.", "Report of the committee, first edition."),
            ("autumn.", "Report of the committee, second edition."),
        ],
        &md,
    );
    assert!(md.contains("[^1]") && md.contains("[^3]"), "{md}");
    let xml = jats(&doc);
    for label in ["*", "†", "‡"] {
        assert!(xml.contains(&format!("<label>{label}</label>")), "{xml}");
    }
    assert_eq!(printed_labels_in_report(&report), vec!["*", "†", "‡"]);
    assert!(has(&report, ActionKind::Guess, "symbol family"));
}

#[test]
fn roman_markers_and_labels_are_linked() {
    let page = page_with_notes(
        &[
            ("I doubt the first estimate holds.", "i"),
            ("The survey covered four provinces.", "ii"),
            ("Turnout was lower than expected.", "iii"),
            ("The results were published late.", "iv"),
        ],
        &[
            "i Estimate of the ministry, 2019.",
            "ii Survey of the provinces, 2020.",
            "iii Turnout figures of the commission.",
            "iv Published by the statistics office.",
        ],
    );
    let (doc, report, md) = convert(&pdf(&[page]));
    assert_linked(
        &doc,
        &[
            ("holds.", "Estimate of the ministry, 2019."),
            ("provinces.", "Survey of the provinces, 2020."),
            ("expected.", "Turnout figures of the commission."),
            ("late.", "Published by the statistics office."),
        ],
        &md,
    );
    // The pronoun "I" opening the first line stays text.
    assert!(md.contains("I doubt the first estimate"), "{md}");
    assert_eq!(
        printed_labels_in_report(&report),
        vec!["i", "ii", "iii", "iv"]
    );
    assert!(jats(&doc).contains("<label>iv</label>"));
}

#[test]
fn letter_markers_and_labels_are_linked() {
    let page = page_with_notes(
        &[
            ("Exports rose in every quarter.", "a"),
            ("Imports fell in the last quarter.", "b"),
            ("The balance improved overall.", "c"),
        ],
        &[
            "a Data from the customs office.",
            "b Data from the central bank.",
            "c Computed by the authors.",
        ],
    );
    let (doc, report, md) = convert(&pdf(&[page]));
    assert_linked(
        &doc,
        &[
            ("quarter.", "Data from the customs office."),
            ("last quarter.", "Data from the central bank."),
            ("overall.", "Computed by the authors."),
        ],
        &md,
    );
    assert_eq!(printed_labels_in_report(&report), vec!["a", "b", "c"]);
    assert!(jats(&doc).contains("<label>c</label>"));
}

/// Symbols start again on every page: each page's `*` goes to the note at its own foot.
#[test]
fn numbering_that_restarts_on_each_page_links_within_the_page() {
    let one = page_with_notes(
        &[
            ("The first page makes one claim.", "*"),
            ("It makes a second claim as well.", "†"),
        ],
        &[
            "* Source of the first claim.",
            "† Source of the second claim.",
        ],
    );
    let two = page_with_notes(
        &[
            ("The second page makes a third claim.", "*"),
            ("And it closes with a fourth claim.", "†"),
        ],
        &[
            "* Source of the third claim.",
            "† Source of the fourth claim.",
        ],
    );
    let (doc, report, md) = convert(&pdf(&[one, two]));
    assert_linked(
        &doc,
        &[
            ("one claim.", "Source of the first claim."),
            ("as well.", "Source of the second claim."),
            ("third claim.", "Source of the third claim."),
            ("fourth claim.", "Source of the fourth claim."),
        ],
        &md,
    );
    assert!(
        md.contains("[^4]:"),
        "Markdown numbers straight through:\n{md}"
    );
    assert_eq!(printed_labels_in_report(&report), vec!["*", "†", "*", "†"]);
    assert!(has(&report, ActionKind::Guess, "starts again 1 times"));
}

/// Arabic numbering that starts again on the second page, its labels raised.
#[test]
fn arabic_numbering_restarting_per_page_links_within_the_page() {
    let one = page_with_notes(
        &[
            ("The opening page states the case.", "1"),
            ("Then it names the parties to it.", "2"),
        ],
        &[
            "^1 Statement of the case, 2021.",
            "^2 List of the parties, 2021.",
        ],
    );
    let two = page_with_notes(
        &[("The next page gives the ruling.", "1")],
        &["^1 Ruling of the court, 2022."],
    );
    let (doc, report, md) = convert(&pdf(&[one, two]));
    assert_linked(
        &doc,
        &[
            ("the case.", "Statement of the case, 2021."),
            ("parties to it.", "List of the parties, 2021."),
            ("the ruling.", "Ruling of the court, 2022."),
        ],
        &md,
    );
    assert_eq!(printed_labels_in_report(&report), vec!["1", "2", "1"]);
    let xml = jats(&doc);
    assert_eq!(xml.matches("<label>1</label>").count(), 2, "{xml}");
}

/// A page of body text under a chapter heading, each line ending in a raised marker.
fn chapter_page(
    heading: &'static str,
    lines: &[(&'static str, &'static str)],
) -> Vec<(f32, Vec<Run<'static>>)> {
    let mut page = vec![(780.0, vec![Run(heading, 16.0, 0.0)])];
    let mut y = 750.0;
    for &(text, marker) in lines {
        page.push((y, vec![body(text), sup(marker)]));
        y -= 14.0;
    }
    page
}

/// An endnote page: a "Notes" heading and numbered notes in body type.
fn notes_page(notes: &[&'static str]) -> Vec<(f32, Vec<Run<'static>>)> {
    headed_notes_page("Notes", notes)
}

/// An endnote page under the given heading, its notes numbered in body type.
fn headed_notes_page(
    heading: &'static str,
    notes: &[&'static str],
) -> Vec<(f32, Vec<Run<'static>>)> {
    let mut page = vec![(780.0, vec![Run(heading, 14.0, 0.0)])];
    let mut y = 750.0;
    for &note in notes {
        page.push((y, vec![body(note)]));
        y -= 14.0;
    }
    page
}

/// Endnotes closing each chapter, numbered from 1 in each: every marker goes to the note
/// of its own chapter.
#[test]
fn chapter_endnote_sections_link_within_their_chapter() {
    let pages = [
        chapter_page(
            "Chapter One",
            &[
                ("The first chapter opens with a claim.", "1"),
                ("It then adds a second claim to it.", "2"),
            ],
        ),
        notes_page(&[
            "1. Source of the first claim, published in 2019.",
            "2. Source of the second claim, published in 2019.",
        ]),
        chapter_page(
            "Chapter Two",
            &[("The second chapter makes a new claim.", "1")],
        ),
        notes_page(&["1. Source of the new claim, published in 2022."]),
    ];
    let (doc, _, md) = convert(&pdf(&pages));
    assert_linked(
        &doc,
        &[
            ("a claim.", "Source of the first claim, published in 2019."),
            (
                "claim to it.",
                "Source of the second claim, published in 2019.",
            ),
            ("new claim.", "Source of the new claim, published in 2022."),
        ],
        &md,
    );
    assert_eq!(jats(&doc).matches("<label>1</label>").count(), 2);
}

/// One endnote section closing the document, under each heading such sections carry
/// (and a numbered reference list cited with raised numbers): every marker links to its
/// note, and the section's heading and notes leave the body.
#[test]
fn an_endnote_section_at_the_end_links_every_marker() {
    const CLAIMS: [(&str, &str); 6] = [
        ("The delta lost land to the sea last year.", "1"),
        ("Sand mining made the loss worse.", "2"),
        ("Salt water reached the rice fields.", "3"),
        ("Fish catches fell on the lake.", "4"),
        ("Farmers moved inland to find fresh water.", "5"),
        ("The provinces declared an emergency.", "6"),
    ];
    const NOTES: [&str; 6] = [
        "Delta Science Review, Sediment Starvation, 2024.",
        "Ministry of Environment, Sand Mining Survey, 2023.",
        "Rice Research Institute, Salinity Bulletin, 2020.",
        "Fisheries Administration, Annual Catch Survey, 2024.",
        "Household Migration Panel, Wave Four, 2022.",
        "Delta Daily News, Salinity Emergency, 2020.",
    ];
    const NUMBERED: [&str; 6] = [
        "1. Delta Science Review, Sediment Starvation, 2024.",
        "2. Ministry of Environment, Sand Mining Survey, 2023.",
        "3. Rice Research Institute, Salinity Bulletin, 2020.",
        "4. Fisheries Administration, Annual Catch Survey, 2024.",
        "5. Household Migration Panel, Wave Four, 2022.",
        "6. Delta Daily News, Salinity Emergency, 2020.",
    ];
    for heading in ["Notes", "Endnotes", "End Notes", "References"] {
        let pages = [
            chapter_page("Introduction", &CLAIMS[..3]),
            chapter_page("Findings", &CLAIMS[3..]),
            headed_notes_page(heading, &NUMBERED),
        ];
        let (doc, _, md) = convert(&pdf(&pages));
        let expected: Vec<(&str, &str)> = CLAIMS
            .iter()
            .zip(NOTES)
            .map(|((claim, _), note)| (*claim, note))
            .collect();
        assert_linked(&doc, &expected, &md);
        assert!(
            !md.contains("1. Delta"),
            "{heading}: a note left in the body: {md}"
        );
    }
}

/// A scholarly last page: a "References" list in the notes' smaller type runs from the
/// body down to near the foot, where one real footnote sits after a wide gap. The list's
/// entries stay a list (however much they read like citations), the last entry keeps its
/// wrapped lines, and only the footnote is a note, linked at its raised marker.
#[test]
fn a_reference_list_in_small_type_above_a_footnote_stays_a_list() {
    let mut page = vec![
        (790.0, vec![Run("Answer Validation Results", 16.0, 0.0)]),
        (
            760.0,
            vec![body(
                "The system is evaluated on the test data of the task, and",
            )],
        ),
        (
            746.0,
            vec![
                body("the errors it makes in German are of another kind (id=0020)"),
                sup("1"),
            ],
        ),
        (
            732.0,
            vec![body(
                "so the results are discussed by language in what follows here.",
            )],
        ),
        (
            718.0,
            vec![body(
                "A closer look at the languages is left for future work.",
            )],
        ),
        (690.0, vec![Run("References", 12.0, 0.0)]),
    ];
    let entries = [
        "Bar-Haim, R. and Dagan, I. 2006. The Second Challenge. In Proceedings of the Workshop, Venice.",
        "Bunescu, R. and Mooney, R. 2006. Subsequence Kernels. In Advances in NIPS 18. MIT Press.",
        "Dagan, I. and Magnini, B. 2006. The PASCAL Challenge. In MLCW 2005, LNAI 3944, pages 177-190.",
        "Gildea, D. and Palmer, M. 2002. The Necessity of Parsing. In Proceedings of ACL 2002, pages 239-246.",
        "Lin, D. 1998. Dependency-based Evaluation of MINIPAR. In Workshop on the Evaluation of Parsing Systems.",
        "Wang, R. and Neumann, G. 2007. DFKI-LT at AVE 2007: Using Textual Entailment for Answer",
    ];
    let labelled: Vec<&'static str> = entries
        .iter()
        .enumerate()
        .map(|(i, e)| &*Box::leak(format!("{}. {e}", i + 1).into_boxed_str()))
        .collect();
    let mut y = 670.0;
    for entry in labelled {
        page.push((y, vec![Run(entry, NOTE, 0.0)]));
        y -= 10.0;
    }
    // The last entry wraps onto two lines of its own.
    page.push((
        y,
        vec![Run(
            "Validation. In CLEF 2007 Working Notes, ISBN 2-912335-31-0,",
            NOTE,
            0.0,
        )],
    ));
    page.push((y - 10.0, vec![Run("Budapest, Hungary.", NOTE, 0.0)]));
    page.push((
        80.0,
        vec![
            Run("1", 6.0, 3.0),
            Run(" This id comes from the German test data.", NOTE, 0.0),
        ],
    ));
    let (doc, _, md) = convert(&pdf(&[page]));
    assert_linked(
        &doc,
        &[(
            "another kind (id=0020)",
            "This id comes from the German test data.",
        )],
        &md,
    );
    for n in 1..=6 {
        assert!(
            md.contains(&format!("\n{n}. ")),
            "entry {n} not a list item\n{md}"
        );
    }
    assert!(
        md.contains(
            "Answer Validation. In CLEF 2007 Working Notes, ISBN 2-912335-31-0, Budapest, Hungary."
        ),
        "{md}"
    );
}

/// An unlabelled line above the first note (an author note) stays printed as body text:
/// it takes no number, so every note keeps its printed label and is linked at its marker
/// (the note collector's unit tests cover such a block inside the note area, and
/// `tests/real_notes.rs` real pages with one).
#[test]
fn an_unlabelled_author_note_does_not_shift_the_numbered_notes() {
    let first = page_with_notes(
        &[
            ("The survey covered four provinces.", "1"),
            ("Turnout was lower than expected.", "2"),
        ],
        &[
            "Equal contribution.",
            "^1 Survey of the provinces, 2020.",
            "^2 Turnout figures of the commission.",
        ],
    );
    let second = page_with_notes(
        &[("The results were published late.", "3")],
        &["^3 Published by the statistics office."],
    );
    let (doc, report, md) = convert(&pdf(&[first, second]));
    assert_linked(
        &doc,
        &[
            ("provinces.", "Survey of the provinces, 2020."),
            ("expected.", "Turnout figures of the commission."),
            ("late.", "Published by the statistics office."),
        ],
        &md,
    );
    assert_eq!(doc.footnotes.len(), 3, "{md}");
    assert_eq!(printed_labels_in_report(&report), vec!["1", "2", "3"]);
    let line = md
        .lines()
        .find(|l| l.contains("Equal contribution."))
        .unwrap_or_else(|| panic!("the author note is kept: {md}"));
    assert!(
        !line.starts_with("[^"),
        "the author note is not a note: {md}"
    );
}
