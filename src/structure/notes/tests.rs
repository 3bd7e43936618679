//! Tests of collecting notes from the pieces: carried-over text, blocks that go back to
//! the body, notes headings.

use super::*;
use NoteLabel::*;

/// A piece of text input (no sizes) on page 1.
fn piece(kind: PieceKind, text: &str, line: usize) -> Piece {
    Piece {
        kind,
        text: text.into(),
        page: 1,
        lines: vec![line],
        indent: 0.0,
        blank_before: true,
        font_size: Option::None,
        ends_full: false,
    }
}
#[test]
fn carried_over_text_joins_the_last_note_not_a_new_one() {
    let pieces = vec![
        piece(PieceKind::Note(Number(1)), "First note, which runs", 1),
        piece(PieceKind::Text, "Body text in the next column.", 2),
        piece(PieceKind::NoteContinued, "on into the next column.", 3),
        piece(PieceKind::Note(Number(2)), "Second note.", 4),
    ];
    let mut report = Report::default();
    let (notes, body) = collect(pieces, &mut report);
    assert_eq!(notes.len(), 2);
    assert_eq!(
        notes[0].text,
        "First note, which runs on into the next column."
    );
    assert_eq!(notes[0].lines, vec![1, 3]);
    assert_eq!(body.len(), 1);
}

#[test]
fn an_unlabelled_block_the_labels_run_on_without_goes_back_to_the_body() {
    let pieces = vec![
        piece(PieceKind::Note(Number(1)), "First note.", 1),
        piece(PieceKind::Note(Number(2)), "Second note.", 2),
        piece(PieceKind::Note(None), "Annual Report 2024", 3),
        piece(PieceKind::Note(Number(3)), "Third note.", 4),
        // A lost label where 4 was due: the labels do not run on without it.
        piece(PieceKind::Note(None), "Fourth note, its label lost.", 5),
        piece(PieceKind::Note(Number(5)), "Fifth note.", 6),
    ];
    let mut report = Report::default();
    let (notes, body) = collect(pieces, &mut report);
    let labels: Vec<&str> = notes.iter().map(|n| n.label.as_str()).collect();
    assert_eq!(labels, ["1", "2", "3", "4", "5"]);
    assert_eq!(notes[3].text, "Fourth note, its label lost.");
    assert_eq!(body.len(), 1);
    assert_eq!(body[0].0, 2);
    assert_eq!(body[0].1.text, "Annual Report 2024");
    // Short and without sizes to compare: set apart, not joined to the text around.
    assert!(matches!(body[0].1.kind, PieceKind::Aside));
}

#[test]
fn notes_that_all_read_one_label_go_back_to_the_body() {
    let mut pieces = vec![piece(PieceKind::Text, "A sentence of the body.", 1)];
    for k in 0..4 {
        pieces.push(piece(PieceKind::Note(Number(1)), "Np", 2 + k));
    }
    pieces.push(piece(PieceKind::Note(Number(1)), "A real first note.", 9));
    pieces[5].page = 2;
    let mut report = Report::default();
    let (notes, body) = collect(pieces, &mut report);
    assert_eq!(notes.len(), 1, "{notes:?}");
    assert_eq!(notes[0].label, "1");
    assert_eq!(body.len(), 5);
    assert!(body[1..].iter().all(|(_, p)| p.text == "1 Np"));
    // Two in a row are two notes, renumbered as the sequence says.
    let pieces = vec![
        piece(PieceKind::Note(Number(1)), "First.", 1),
        piece(PieceKind::Note(Number(1)), "Second.", 2),
    ];
    let (notes, _) = collect(pieces, &mut report);
    assert_eq!(notes.len(), 2);
}

#[test]
fn a_note_without_a_letter_goes_back_to_the_body() {
    let pieces = vec![
        piece(PieceKind::Text, "A sentence of the body.", 1),
        piece(PieceKind::Note(None), "1", 2),
        piece(PieceKind::Note(Number(2)), "150 300 - -", 3),
        piece(PieceKind::Note(Number(3)), "See the survey, p. 4.", 4),
    ];
    let mut report = Report::default();
    let (notes, body) = collect(pieces, &mut report);
    assert_eq!(notes.len(), 1, "{notes:?}");
    assert_eq!(notes[0].text, "See the survey, p. 4.");
    let texts: Vec<&str> = body.iter().map(|(_, p)| p.text.as_str()).collect();
    assert!(texts.iter().any(|t| t.ends_with('1')), "{texts:?}");
    assert!(texts.iter().any(|t| t.contains("150 300")), "{texts:?}");
}

#[test]
fn unlabelled_blocks_pages_after_the_last_note_and_their_heading_stay_in_the_body() {
    let mut pieces = vec![
        piece(PieceKind::Text, "A sentence of the body.", 1),
        piece(PieceKind::NotesHeading, "References", 2),
        piece(PieceKind::Note(Number(1)), "First note.", 3),
        piece(PieceKind::Note(Number(2)), "Second note.", 4),
        piece(PieceKind::Note(Number(3)), "Third note.", 5),
        piece(PieceKind::Note(Number(4)), "Fourth note.", 6),
        piece(PieceKind::Note(Number(5)), "Fifth note.", 7),
        piece(PieceKind::NotesHeading, "Notes", 8),
        piece(PieceKind::Note(None), "To order reprints go to:", 9),
        piece(PieceKind::Note(None), "To subscribe go to:", 10),
    ];
    for p in &mut pieces[7..] {
        p.page = 2;
    }
    let mut report = Report::default();
    let (notes, body) = collect(pieces.clone(), &mut report);
    assert_eq!(notes.len(), 5, "{notes:?}");
    let texts: Vec<&str> = body.iter().map(|(_, p)| p.text.as_str()).collect();
    assert_eq!(
        texts,
        [
            "A sentence of the body.",
            "Notes",
            "To order reprints go to:",
            "To subscribe go to:"
        ]
    );
    assert!(matches!(body[1].1.kind, PieceKind::Heading { .. }));
    // On the last note's own page an unlabelled block may be its note still.
    for p in &mut pieces[7..] {
        p.page = 1;
    }
    let (notes, body) = collect(pieces, &mut report);
    assert_eq!(notes.len(), 7, "{notes:?}");
    assert_eq!(body.len(), 1);
}

#[test]
fn unlabelled_blocks_pages_before_note_one_stay_in_the_body() {
    let mut pieces = vec![
        piece(
            PieceKind::Note(None),
            "How to cite this article: Webb et al.",
            1,
        ),
        piece(PieceKind::Text, "A sentence of the body.", 2),
        piece(PieceKind::Note(Number(1)), "The only note.", 3),
    ];
    pieces[1].page = 2;
    pieces[2].page = 3;
    let mut report = Report::default();
    let (notes, body) = collect(pieces.clone(), &mut report);
    assert_eq!(notes.len(), 1, "{notes:?}");
    assert_eq!(notes[0].label, "1");
    assert_eq!(body.len(), 2);
    assert!(body[0].1.text.starts_with("How to cite"));
    // On note 1's own page the unlabelled block may be note 1, its label lost.
    pieces[0].page = 3;
    pieces[1].page = 3;
    let (notes, _) = collect(pieces, &mut report);
    assert_eq!(notes.len(), 2, "{notes:?}");
}

/// A journal's "Notes" holding one unlabelled line after citations raised up to 12: the
/// raised numbers cite the references, and the line stays text. After a single raised
/// "1", the line is note 1 whose label was lost.
#[test]
fn unlabelled_notes_far_outnumbered_by_raised_citations_stay_text() {
    let pieces = |highest: u32| {
        let mut out: Vec<Piece> = (1..=highest)
            .map(|n| {
                let text = format!("A finding reported before.{}", rich::sup(&n.to_string()));
                piece(PieceKind::Text, &text, n as usize)
            })
            .collect();
        out.push(piece(PieceKind::NotesHeading, "Notes", 50));
        out.push(piece(
            PieceKind::Note(None),
            "The author declares no competing financial interest.",
            51,
        ));
        for p in &mut out {
            p.font_size = Some(9.0);
        }
        out
    };
    let (notes, body) = collect(pieces(12), &mut Report::default());
    assert!(notes.is_empty());
    assert!(
        body.iter()
            .any(|(_, p)| p.kind == PieceKind::Text && p.text.starts_with("The author"))
    );
    let (notes, _) = collect(pieces(1), &mut Report::default());
    assert_eq!(notes.len(), 1);
}
