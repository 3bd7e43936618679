//! Tests of notes told by their label and neighbours, and of text set aside in a
//! sentence's break.

use super::*;
use crate::structure::pieces::test_pieces::piece;

fn set(kind: PieceKind, text: &str, page: usize, size: f32) -> Piece {
    Piece {
        page,
        font_size: Some(size),
        ..piece(kind, text)
    }
}

const CITATION: &str = "A. Author and B. Author (2014). A Study of Things. Journal of Studies, 26:1, 147–154. doi:10.1017/S1041610213001804";

#[test]
fn a_citation_alone_is_a_note_but_not_in_a_reference_list() {
    let mut pieces = vec![
        set(PieceKind::Text, "The body of the paper ends here.", 1, 10.0),
        set(PieceKind::Text, CITATION, 1, 8.0),
    ];
    mark_notes_by_context(&mut pieces, &|_, _| false);
    assert_eq!(pieces[1].kind, PieceKind::Note(NoteLabel::None));
    // The caller keeps a lone citation as text (set in the body's type, say), but not
    // one that stands beside a note.
    let body = |kind: PieceKind, text: &str| set(kind, text, 1, 10.0);
    let mut pieces = vec![
        body(PieceKind::Text, "The body of the paper goes on here."),
        body(PieceKind::Text, CITATION),
        body(PieceKind::Text, "And the body goes on after it."),
        body(PieceKind::Note(NoteLabel::Number(1)), "A note of the page."),
        body(PieceKind::Text, CITATION),
    ];
    mark_notes_by_context(&mut pieces, &|_, alone| alone);
    assert_eq!(pieces[1].kind, PieceKind::Text);
    assert_eq!(pieces[4].kind, PieceKind::Note(NoteLabel::None));
    // Under "References", set as a heading or, when its type did not say so, as text.
    for kind in [
        PieceKind::Text,
        PieceKind::Heading {
            number: None,
            run_in: false,
        },
    ] {
        let mut pieces = vec![
            set(PieceKind::Text, "The body of the paper ends here.", 7, 10.0),
            set(kind, "References", 7, 12.0),
            set(PieceKind::Text, CITATION, 7, 8.0),
            set(PieceKind::Text, CITATION, 7, 8.0),
            set(
                PieceKind::Heading {
                    number: None,
                    run_in: false,
                },
                "Appendix",
                8,
                12.0,
            ),
            set(PieceKind::Text, CITATION, 8, 8.0),
        ];
        mark_notes_by_context(&mut pieces, &|_, _| false);
        assert_eq!(pieces[2].kind, PieceKind::Text);
        assert_eq!(pieces[3].kind, PieceKind::Text);
        // A heading ends the list.
        assert_eq!(pieces[5].kind, PieceKind::Note(NoteLabel::None));
    }
}

/// A page: `head` lines of small print at the top (source lines 1…), then body lines
/// at 10 pt from `body_from` down.
fn page(head: usize, body_from: f32) -> Vec<TextLine> {
    let mut lines = Vec::new();
    for k in 0..head {
        lines.push(crate::lines::test_placed(
            CITATION,
            1,
            50.0,
            500.0,
            40.0 + 9.0 * k as f32,
            7.0,
        ));
    }
    for k in 0..20 {
        lines.push(crate::lines::test_placed(
            "Running text of the page in the body type.",
            1,
            50.0,
            500.0,
            body_from + 12.0 * k as f32,
            10.0,
        ));
    }
    for (k, l) in lines.iter_mut().enumerate() {
        l.source_line = k + 1;
    }
    lines
}

#[test]
fn small_print_over_the_running_text_is_no_note() {
    let lines = page(2, 300.0);
    let refs: Vec<&TextLine> = lines.iter().collect();
    let head = Piece {
        lines: vec![1, 2],
        ..set(PieceKind::Text, CITATION, 1, 7.0)
    };
    assert!(above_the_body(&head, &refs, 10.0));
    let mut pieces = vec![head.clone()];
    mark_notes_by_context(&mut pieces, &|p, _| above_the_body(p, &refs, 10.0));
    assert_eq!(pieces[0].kind, PieceKind::Text);
    // The same print below the running text (a page-foot note) is not over it.
    let mut foot = page(0, 100.0);
    foot.push(crate::lines::test_placed(
        CITATION, 1, 50.0, 500.0, 760.0, 7.0,
    ));
    foot.last_mut().unwrap().source_line = 99;
    let refs: Vec<&TextLine> = foot.iter().collect();
    let note = Piece {
        lines: vec![99],
        ..head.clone()
    };
    assert!(!above_the_body(&note, &refs, 10.0));
    // Nor is print in the lower half of the page, or over a page with no running text.
    let low = page(2, 600.0);
    let moved: Vec<TextLine> = low
        .iter()
        .map(|l| {
            let mut l = l.clone();
            if l.source_line <= 2 {
                let g = l.geometry.as_mut().unwrap();
                g.baseline += 480.0;
            }
            l
        })
        .collect();
    let refs: Vec<&TextLine> = moved.iter().collect();
    assert!(!above_the_body(&head, &refs, 10.0));
    let bare = page(2, 300.0);
    let refs: Vec<&TextLine> = bare.iter().take(2).collect();
    assert!(!above_the_body(&head, &refs, 10.0));
}

#[test]
fn text_between_an_open_sentence_and_its_continuation_joins_the_notes_there() {
    let mut pieces = vec![
        set(PieceKind::Text, "The committee decided that the", 1, 11.0),
        set(
            PieceKind::Note(NoteLabel::Number(1)),
            "A. Author, Title, 2020.",
            1,
            9.0,
        ),
        set(PieceKind::Text, "See also the annex of the report.", 1, 9.0),
        set(PieceKind::Text, "review should go on.", 2, 11.0),
    ];
    mark_notes_in_breaks(&mut pieces);
    assert_eq!(pieces[2].kind, PieceKind::Note(NoteLabel::None));
    assert_eq!(pieces[3].kind, PieceKind::Text);
}

#[test]
fn a_figure_label_leaves_no_sentence_open() {
    // A chart's axis letter, its tick labels read as a note, the caption and the body
    // after the figure: nothing here is inserted into a sentence.
    let mut pieces = vec![
        set(PieceKind::Text, "x", 1, 4.8),
        set(
            PieceKind::Note(NoteLabel::Number(6)),
            "8 10 12 −4 f (x, y) −2",
            1,
            10.4,
        ),
        set(PieceKind::Text, "Figure 2.2: the parabola for a.", 1, 10.9),
        set(PieceKind::Text, "Hence the remark does not apply", 1, 10.9),
        set(PieceKind::Text, "is a half space.", 1, 10.9),
    ];
    mark_notes_in_breaks(&mut pieces);
    assert!(pieces[2..].iter().all(|p| p.kind == PieceKind::Text));
    // The same open sentence in body type over notes set smaller is a break.
    pieces[0] = set(PieceKind::Text, "The parabola is shown in", 1, 10.9);
    pieces[1].font_size = Some(8.0);
    pieces[2].font_size = Some(8.0);
    pieces[3].font_size = Some(8.0);
    mark_notes_in_breaks(&mut pieces);
    assert_eq!(pieces[2].kind, PieceKind::Note(NoteLabel::None));
}

#[test]
fn a_charts_lettering_between_notes_and_the_sentence_they_break_is_set_aside() {
    let mut pieces = vec![
        set(PieceKind::Text, "When training with mul-", 1, 10.9),
        set(
            PieceKind::Note(NoteLabel::Number(9)),
            "Lucene implementation.",
            1,
            9.0,
        ),
        set(PieceKind::Text, "Top-k accuracy (%)", 1, 6.0),
        set(PieceKind::Text, "k: # of retrieved passages", 1, 8.0),
        set(
            PieceKind::Text,
            "tiple datasets, TREC benefits greatly.",
            1,
            10.9,
        ),
    ];
    mark_notes_in_breaks(&mut pieces);
    assert_eq!(pieces[2].kind, PieceKind::Aside);
    assert_eq!(pieces[3].kind, PieceKind::Aside);
    assert_eq!(pieces[4].kind, PieceKind::Text);
    // Lettering in the notes' type between them is a note without its label.
    pieces[2] = set(PieceKind::Text, "Short unlabelled remark", 1, 9.0);
    pieces[3] = set(PieceKind::Text, "Another remark.", 1, 9.0);
    mark_notes_in_breaks(&mut pieces);
    assert_eq!(pieces[2].kind, PieceKind::Note(NoteLabel::None));
}

/// Small print alone between the two halves of a sentence (a permission block at a
/// column's foot, read before the next column's top) is set aside, so the sentence
/// reads on; so it is after a heading left another sentence open before it. Parts
/// of a formula, or a gap with no words, stay where they were read.
#[test]
fn small_print_between_the_halves_of_a_sentence_is_set_aside() {
    let mut pieces = vec![
        set(PieceKind::Text, "Keywords JavaScript, compilation,", 1, 9.0),
        set(
            PieceKind::Heading {
                number: Some("1".into()),
                run_in: false,
            },
            "1. Introduction",
            1,
            11.0,
        ),
        set(
            PieceKind::Text,
            "It is the standard for client-side web programming",
            1,
            9.0,
        ),
        set(
            PieceKind::Text,
            "Permission to make digital or hard copies is granted.",
            1,
            7.0,
        ),
        set(PieceKind::Text, "Copyright 2009 ACM", 1, 7.0),
        set(
            PieceKind::Text,
            "and is used for the application logic.",
            1,
            9.0,
        ),
    ];
    mark_notes_in_breaks(&mut pieces);
    let kinds: Vec<&PieceKind> = pieces.iter().map(|p| &p.kind).collect();
    assert_eq!(kinds[3], &PieceKind::Aside, "{kinds:?}");
    assert_eq!(kinds[4], &PieceKind::Aside, "{kinds:?}");
    assert_eq!(kinds[5], &PieceKind::Text);
    // A formula's index set under its sum, between "∑" and "wobei": no words on
    // the open side, and a gap of figures only.
    let mut formula = vec![
        set(PieceKind::Text, "der Form U × P", 1, 10.0),
        set(PieceKind::Text, "j=1", 1, 7.0),
        set(PieceKind::Text, "wobei J endlich ist.", 1, 10.0),
    ];
    mark_notes_in_breaks(&mut formula);
    assert_eq!(formula[1].kind, PieceKind::Text);
    // Text as large as the sentence is body, not small print.
    let mut body = vec![
        set(PieceKind::Text, "the standard for web programming", 1, 9.0),
        set(
            PieceKind::Text,
            "Another paragraph in the same type.",
            1,
            9.0,
        ),
        set(PieceKind::Text, "and is used for the logic.", 1, 9.0),
    ];
    mark_notes_in_breaks(&mut body);
    assert_eq!(body[1].kind, PieceKind::Text);
}

/// Figures' captions set a point under the text, at a column's foot between the two
/// halves of a sentence, are set aside as small print is; the same text without its
/// label is body.
#[test]
fn captions_between_the_halves_of_a_sentence_are_set_aside() {
    let mut pieces = vec![
        set(PieceKind::Text, "we investigate the content", 3, 10.0),
        set(
            PieceKind::Text,
            "Figure 5: Spectra for contents of dark matter.",
            3,
            9.3,
        ),
        set(
            PieceKind::Text,
            "Figure 6: Spectra for optical depths.",
            3,
            9.3,
        ),
        set(
            PieceKind::Text,
            "of cold dark matter in the model.",
            3,
            10.0,
        ),
    ];
    mark_notes_in_breaks(&mut pieces);
    assert_eq!(pieces[1].kind, PieceKind::Aside);
    assert_eq!(pieces[2].kind, PieceKind::Aside);
    pieces[1] = set(
        PieceKind::Text,
        "Spectra for contents of dark matter.",
        3,
        9.3,
    );
    pieces[2].kind = PieceKind::Text;
    mark_notes_in_breaks(&mut pieces);
    assert_eq!(pieces[1].kind, PieceKind::Text);
}
