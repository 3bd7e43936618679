//! Assembly of body pieces into blocks: joins across breaks, asides, captions.

use super::*;
use crate::structure::pieces::test_pieces::piece;

/// The plain text of the paragraphs `body` assembles into (every block one).
fn paragraphs(body: Vec<(usize, Piece)>, wrapped: bool) -> Vec<String> {
    let mut report = Report::default();
    assemble(body, &Lexicon::default(), wrapped, &mut report)
        .iter()
        .map(|p| match &p.draft {
            Draft::Para { text } => rich::plain(text),
            other => panic!("{other:?}"),
        })
        .collect()
}

#[test]
fn a_word_rejoined_across_a_break_is_reported() {
    // "exam-" ends a page; "ple, which …" opens the next one after a running head.
    let body = vec![
        (0, piece(PieceKind::Text, "The paper gives an exam-")),
        (1, piece(PieceKind::Text, "ple, which the notes explain.")),
    ];
    let lex = Lexicon::default();
    let mut report = Report::default();
    let out = assemble(body, &lex, false, &mut report);
    let Draft::Para { text } = &out[0].draft else {
        panic!("{:?}", out[0].draft)
    };
    assert_eq!(text, "The paper gives an example, which the notes explain.");
    let joined: Vec<_> = report
        .actions
        .iter()
        .filter(|a| a.kind == ActionKind::Dehyphenated)
        .collect();
    assert_eq!(joined.len(), 1);
    assert_eq!(joined[0].before.as_deref(), Some("exam- ple"));
    assert_eq!(joined[0].after.as_deref(), Some("example"));
    // Text that continues without a broken word adds no such entry.
    let mut report = Report::default();
    let body = vec![
        (0, piece(PieceKind::Text, "The paper gives an")),
        (
            1,
            piece(PieceKind::Text, "example, which the notes explain."),
        ),
    ];
    assemble(body, &lex, false, &mut report);
    assert_eq!(report.count(ActionKind::Dehyphenated), 0);
}

/// Text set aside (small print between the halves of a sentence) keeps the bold
/// lead-in a paragraph gets: a caption's "Figure 2:" stays a label.
#[test]
fn an_aside_keeps_its_bold_lead_in() {
    let body = vec![
        (0, piece(PieceKind::Text, "The curves are shown for the")),
        (
            1,
            piece(PieceKind::Aside, "Figure 2: CMB spectrum for a Universe."),
        ),
        (2, piece(PieceKind::Text, "three contents of the model.")),
    ];
    let mut report = Report::default();
    let out = assemble(body, &Lexicon::default(), false, &mut report);
    let texts: Vec<String> = out
        .iter()
        .map(|p| match &p.draft {
            Draft::Para { text } => rich::plain(text),
            other => panic!("{other:?}"),
        })
        .collect();
    assert_eq!(
        texts,
        [
            "The curves are shown for the three contents of the model.",
            "Figure 2: CMB spectrum for a Universe."
        ]
    );
    let Draft::Para { text } = &out[1].draft else {
        unreachable!()
    };
    assert!(text.starts_with(&rich::bold("Figure 2:")), "{text:?}");
}

/// A page that cuts a sentence in a full line goes on with it on the next page even
/// when the next page opens with a name ("Bank for International" / "Settlements
/// (BIS) …"); a last line short of the measure, the same page, a caption's label
/// or a bold label keep their breaks. Without the rule the sentence split in two.
#[test]
fn a_sentence_cut_by_the_page_in_a_full_line_goes_on() {
    let page = |kind: PieceKind, text: &str, page: usize, full: bool| Piece {
        page,
        ends_full: full,
        ..piece(kind, text)
    };
    let paras = |body| paragraphs(body, true);
    let cut = "A similar initiative resulted in the Bank for International";
    let next = "Settlements (BIS) developing international banking statistics.";
    assert_eq!(
        paras(vec![
            (0, page(PieceKind::Text, cut, 1, true)),
            (1, page(PieceKind::Text, next, 2, false)),
        ]),
        [format!("{cut} {next}")]
    );
    for (full, on, second) in [
        (false, 2, next),
        (true, 1, next),
        (
            true,
            2,
            "Table 1 Clinical features in Turner syndrome and more",
        ),
        (
            true,
            2,
            "\u{10FFF0}Training Model\u{10FFF1} and the rest of a heading row",
        ),
    ] {
        let out = paras(vec![
            (0, page(PieceKind::Text, cut, 1, full)),
            (1, page(PieceKind::Text, second, on, false)),
        ]);
        assert_eq!(out.len(), 2, "{out:?}");
    }
}

/// A figure's caption set at a column's foot, read before the next column's body: the
/// body goes on with the sentence the page before left open, not with the caption, when
/// it is in that sentence's type size and the caption in its own or on another page.
/// Small print in another size (a chart's "(Percent, year over year)") stays apart.
#[test]
fn body_text_goes_on_past_a_caption_set_beside_it() {
    let at = |kind: PieceKind, text: &str, page: usize, size: f32| Piece {
        page,
        font_size: Some(size),
        ..piece(kind, text)
    };
    let paras = |body| paragraphs(body, false);
    let open = "Both pathotypes share the decatrienoic acid";
    let caption = "Fig. 7. Pathogenicity test in strawberry and pear leaves (left to right)";
    let body = |text: &str, size: f32| {
        vec![
            (0, at(PieceKind::Text, open, 7, 9.5)),
            (1, at(PieceKind::Text, caption, 8, 8.0)),
            (2, at(PieceKind::Text, text, 8, size)),
        ]
    };
    assert_eq!(
        paras(body("structure of these toxins.", 9.5)),
        [
            format!("{open} structure of these toxins."),
            caption.to_string()
        ]
    );
    // In the caption's size, the caption's own next piece goes on with the caption.
    assert_eq!(
        paras(body("and the leaves.", 8.0)),
        [open.to_string(), format!("{caption} and the leaves.")]
    );
    // Small print in neither size does not go on with the body's sentence.
    assert_eq!(paras(body("percent of the sample", 7.0))[0], open);
}

/// A corresponding author's note set in small print below the left column, read as a
/// starred item before the right column: the right column's text goes on with the
/// sentence the left column left open, not with the note. A list a size down from the
/// text keeps taking its items' next lines.
#[test]
fn body_text_goes_on_past_small_print_set_below_a_column() {
    let at = |kind: PieceKind, text: &str, size: f32| Piece {
        font_size: Some(size),
        ..piece(kind, text)
    };
    let open = "Evidence supports the use of anticoagulation with low molecular";
    let note = "Correspondence: ball@example.org";
    let marker = crate::structure::classify::line_marker("* Correspondence").unwrap();
    let blocks = |note_size: f32| {
        let body = vec![
            (0, at(PieceKind::Text, open, 9.8)),
            (1, at(PieceKind::Item(marker), note, note_size)),
            (2, at(PieceKind::Text, "weight heparins as the agent.", 9.8)),
        ];
        let mut report = Report::default();
        assemble(body, &Lexicon::default(), false, &mut report)
            .into_iter()
            .map(|p| match p.draft {
                Draft::Para { text } => rich::plain(&text),
                Draft::List { items } => format!("* {}", rich::plain(&items[0].text)),
                other => panic!("{other:?}"),
            })
            .collect::<Vec<_>>()
    };
    assert_eq!(
        blocks(7.5),
        [
            format!("{open} weight heparins as the agent."),
            format!("* {note}")
        ]
    );
    assert_eq!(
        blocks(9.0),
        [
            open.to_string(),
            format!("* {note} weight heparins as the agent.")
        ]
    );
}
