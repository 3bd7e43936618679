//! Title-block tests of authors and their affiliations.

use super::tests::{BODY, block};
use super::*;

/// Each author's name and affiliation.
fn people(m: &Metadata) -> Vec<(&str, Option<&str>)> {
    m.authors
        .iter()
        .map(|a| (a.name.as_str(), a.affiliation.as_deref()))
        .collect()
}

#[test]
fn affiliations_keyed_by_the_author_marks_under_a_centred_author_line() {
    let sup = |m: &str| format!("{}{m}{}", rich::SUP_ON, rich::SUP_OFF);
    let texts = [
        "Information Synthesis for Answer Validation".to_string(),
        format!("Rui Wang{} and Günter Neumann{}", sup("1"), sup("2")),
        format!("{} Saarland University", sup("1")),
        "66123 Saarbrücken, Germany".to_string(),
        "rwang@coli.uni-sb.de".to_string(),
        format!("{} LT-Lab, DFKI", sup("2")),
        "Stuhlsatzenhausweg 3, 66123 Saarbrücken, Germany".to_string(),
        "neumann@dfki.de".to_string(),
        "Abstract. This report is about our participation in the Answer Validation Exercise (AVE2008).".to_string(),
        "Our system casts the AVE task into a Recognizing Textual Entailment (RTE) problem and uses an".to_string(),
    ];
    let lines: Vec<TextLine> = texts
        .iter()
        .enumerate()
        .map(|(i, t)| {
            let size = match i {
                0 => 14.0,
                1 | 8 | 9 => 10.0,
                _ => 9.0,
            };
            let mut l = crate::lines::test_placed(t, 1, 200.0, 400.0, 80.0 + 11.0 * i as f32, size);
            l.source_line = i + 1;
            // Set the rich text after construction, which strips forged sentinels.
            l.text = t.clone();
            l
        })
        .collect();
    let mut r = Report::default();
    let dict = WordCase::from_lines(&lines);
    let tb = extract(&lines, &dict, None, &mut r);
    let names: Vec<&str> = tb
        .metadata
        .authors
        .iter()
        .map(|a| a.name.as_str())
        .collect();
    assert_eq!(names, ["Rui Wang", "Günter Neumann"]);
    let affiliations: Vec<(&str, &str)> = tb
        .metadata
        .affiliations
        .iter()
        .map(|a| (a.label.as_str(), a.text.as_str()))
        .collect();
    // The second entry wraps onto a street address of five words; the e-mail lines under
    // each entry are contact lines, which do not make the entries look cut short.
    assert_eq!(
        affiliations,
        [
            ("1", "Saarland University 66123 Saarbrücken, Germany"),
            (
                "2",
                "LT-Lab, DFKI Stuhlsatzenhausweg 3, 66123 Saarbrücken, Germany"
            ),
        ]
    );
    let labels: Vec<&[String]> = tb
        .metadata
        .authors
        .iter()
        .map(|a| a.affiliation_labels.as_slice())
        .collect();
    assert_eq!(labels, [["1".to_string()], ["2".to_string()]]);
    assert_eq!(tb.consumed, (0..8).collect::<Vec<_>>());
}

/// An affiliation naming a street and a postcode reads like a contact line; taken into
/// the metadata as an affiliation, it is reported as such, its printed label with it,
/// and every line the title block takes is reported once.
#[test]
fn an_affiliation_shaped_like_an_address_is_reported_with_its_label() {
    let sup = |m: &str| format!("{}{m}{}", rich::SUP_ON, rich::SUP_OFF);
    let address =
        "Cavendish Laboratory, University of Cambridge, JJ Thomson Ave, Cambridge CB30HE, UK";
    assert_eq!(role_of(address), Role::Contact);
    let texts = [
        "Coherence Properties of Quantum Dot Resonance Fluorescence".to_string(),
        format!(
            "Clemens Matthiesen{}, Peter Humphreys{}",
            sup("1"),
            sup("1")
        ),
        format!("{} {address}", sup("1")),
        "Resonance fluorescence has proven to be a useful technique for studying self-assembled"
            .to_string(),
        "quantum dot spin dynamics, as well as for the demonstration of single-shot spin readout."
            .to_string(),
    ];
    let lines: Vec<TextLine> = texts
        .iter()
        .enumerate()
        .map(|(i, t)| {
            let size = if i == 0 { 14.0 } else { 10.0 };
            // The body starts well under the affiliation.
            let y = 80.0 + 14.0 * i as f32 + if i > 2 { 30.0 } else { 0.0 };
            let mut l = crate::lines::test_placed(t, 1, 100.0, 500.0, y, size);
            l.source_line = i + 1;
            l.text = t.clone();
            l
        })
        .collect();
    let mut r = Report::default();
    let dict = WordCase::from_lines(&lines);
    let tb = extract(&lines, &dict, None, &mut r);
    assert_eq!(tb.metadata.affiliations.len(), 1, "{:?}", tb.metadata);
    assert_eq!(tb.consumed, [0, 1, 2]);
    for i in tb.consumed {
        let entries: Vec<&Action> = r.actions.iter().filter(|a| a.lines == [i + 1]).collect();
        assert_eq!(entries.len(), 1, "line {i}: {:?}", r.actions);
    }
    let entry = r.actions.iter().find(|a| a.lines == [3]).expect("reported");
    assert_eq!(entry.kind, ActionKind::Metadata);
    assert_eq!(entry.evidence.as_deref(), Some("title block: affiliation"));
    assert!(
        entry
            .before
            .as_deref()
            .is_some_and(|b| b.starts_with("1 Cavendish"))
    );
}

#[test]
fn a_row_of_dots_between_the_title_and_the_by_line_is_passed_over() {
    let text = format!(
        "\n\nSTRESSFUL LIFE EVENTS AND DEMENTIA\n\n........................................\n\nBy Anna Sundström and Lars-Göran Nilsson\n\nUmeå University\n\n{BODY}"
    );
    let (tb, _) = block(&text);
    let m = &tb.metadata;
    assert_eq!(
        m.title.as_deref(),
        Some("STRESSFUL LIFE EVENTS AND DEMENTIA")
    );
    let names: Vec<&str> = m.authors.iter().map(|a| a.name.as_str()).collect();
    assert_eq!(names, ["Anna Sundström", "Lars-Göran Nilsson"]);
    // The dots stay in the body, where they are printed.
    assert!(!tb.consumed.contains(&4));
}

/// Two names side by side on one baseline under the title (each its own PDF line), one
/// affiliation centred under both.
#[test]
fn names_side_by_side_are_a_row_of_authors_sharing_the_line_under_them() {
    let at = |text: &str, n: usize, x0: f32, y: f32, size: f32| {
        let mut l = crate::lines::test_placed(text, 1, x0, x0 + 150.0, y, size);
        l.source_line = n;
        l
    };
    let mut lines = vec![
        at("Preemptive Information Extraction", 1, 150.0, 90.0, 15.0),
        at("Yusuke Shinyama", 2, 120.0, 130.0, 12.0),
        at("Satoshi Sekine", 3, 360.0, 130.0, 12.0),
        at("New York University", 4, 240.0, 145.0, 12.0),
    ];
    for k in 0..6 {
        lines.push(at(BODY, 5 + k, 60.0, 200.0 + 12.0 * k as f32, 10.0));
    }
    let mut r = Report::default();
    let dict = WordCase::from_lines(&lines);
    let tb = extract(&lines, &dict, None, &mut r);
    let people = people(&tb.metadata);
    assert_eq!(
        people,
        [
            ("Yusuke Shinyama", Some("New York University")),
            ("Satoshi Sekine", Some("New York University")),
        ]
    );
}

#[test]
fn a_name_shaped_line_with_no_title_above_is_no_author() {
    // A page whose only text is a label in capitals ("Security Handler"), or a test page
    // opening "I Am A Header" over "Title": a line shaped like a name credits no one when
    // the page prints no title for it to be the by-line of.
    for text in [
        "Security Handler".to_string(),
        format!("I Am A Header\nTitle\n{BODY}"),
    ] {
        let (tb, _) = block(&text);
        assert!(
            tb.metadata.authors.is_empty(),
            "{text:?}: {:?}",
            tb.metadata.authors
        );
    }
    // Under a title, the same shape is the by-line.
    let (tb, _) = block(&format!(
        "A Study of Harbour Congestion\n\nAmara Okafor\n\n{BODY}"
    ));
    assert_eq!(
        tb.metadata.title.as_deref(),
        Some("A Study of Harbour Congestion")
    );
    let names: Vec<&str> = tb
        .metadata
        .authors
        .iter()
        .map(|a| a.name.as_str())
        .collect();
    assert_eq!(names, ["Amara Okafor"]);
}

/// A scheme drawn under the by-line leaves its atoms ("O", "β") as lines of their own
/// below the affiliation: no part of it.
#[test]
fn a_lone_letter_under_an_affiliation_is_no_part_of_it() {
    let (tb, _) = block(&format!(
        "A Study of Harbour Congestion\n\nAmara Okafor\nDepartment of Transport Studies, University of Lagos\nO\nβ\n\n{BODY}"
    ));
    let people = people(&tb.metadata);
    assert_eq!(
        people,
        [(
            "Amara Okafor",
            Some("Department of Transport Studies, University of Lagos")
        )]
    );
}

#[test]
fn the_abstracts_heading_under_an_affiliation_is_no_part_of_it() {
    for heading in ["Abstract", "ABSTRACT:", "Summary", "1. Introduction"] {
        let (tb, _) = block(&format!(
            "A Study of Harbour Congestion\n\nAmara Okafor\nUniversity of Lagos, Nigeria\n{heading}\n\n{BODY}"
        ));
        assert_eq!(
            people(&tb.metadata),
            [("Amara Okafor", Some("University of Lagos, Nigeria"))],
            "{heading}"
        );
    }
}

/// A large team's author list wraps over lines, one of them breaking a name after its
/// first word: every line is more names, and the line under the list is their
/// affiliation; no line of names is taken for the role or affiliation of the names above.
#[test]
fn an_author_list_wrapped_over_lines_is_names_not_their_details() {
    let text = format!(
        "QUARTERLY REVIEW OF HARBOUR TRADE\n\nAna Silva, Ben Okafor, Chen Wei, Dara Byrne, Eva Novak,\nFarid Haddad, Greta Lind, Hugo Marsh, Ines\nSouza, Jon Berg, and Kai Lee\nHarbour Institute for Ocean Affairs\n\n{BODY}"
    );
    let (tb, _) = block(&text);
    let m = &tb.metadata;
    let names: Vec<&str> = m.authors.iter().map(|a| a.name.as_str()).collect();
    assert_eq!(
        names,
        [
            "Ana Silva",
            "Ben Okafor",
            "Chen Wei",
            "Dara Byrne",
            "Eva Novak",
            "Farid Haddad",
            "Greta Lind",
            "Hugo Marsh",
            "Ines Souza",
            "Jon Berg",
            "Kai Lee"
        ]
    );
    assert!(
        m.authors.iter().all(|a| a.role.is_none()),
        "{:?}",
        m.authors
    );
    assert_eq!(
        m.authors[0].affiliation.as_deref(),
        Some("Harbour Institute for Ocean Affairs")
    );
    // Control: a list that ends on its line (no comma, no name broken) is followed by
    // its authors' details.
    let (tb, _) = block(&format!(
        "QUARTERLY REVIEW OF HARBOUR TRADE\n\nAna Silva and Ben Okafor\nSenior Fellows\nHarbour Institute for Ocean Affairs\n\n{BODY}"
    ));
    assert_eq!(people(&tb.metadata).len(), 2);
    assert_eq!(
        tb.metadata.authors[0].role.as_deref(),
        Some("Senior Fellows")
    );
}
