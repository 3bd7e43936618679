//! Tests of the note sequence (`sequence.rs`).

use super::*;
use crate::rich::sup;
use crate::structure::families::Family;

fn para(s: &str, first: usize) -> Placed {
    Placed {
        draft: Draft::Para {
            text: s.to_string(),
        },
        first,
        last: first,
        page: 1,
        origins: vec![],
    }
}

pub(in crate::structure::linking) fn note(number: u32, text: &str, order: usize) -> NoteDraft {
    NoteDraft {
        number,
        text: text.to_string(),
        page: 1,
        lines: vec![],
        order,
        label: number.to_string(),
        family: Family::Arabic,
        ordinal: number,
        run: 0,
        read: crate::structure::classify::NoteLabel::Number(number),
        recovered: false,
    }
}

fn refs(s: &str) -> Vec<usize> {
    let mut out = Vec::new();
    for part in s.split(rich::REF_ON).skip(1) {
        out.push(part.split(rich::REF_OFF).next().unwrap().parse().unwrap());
    }
    out
}

fn text(p: &Placed) -> &str {
    match &p.draft {
        Draft::Para { text } => text,
        _ => "",
    }
}

#[test]
fn sequence_decides_which_numbers_are_markers() {
    let mut drafts = vec![
        para(
            "Signed in 1961.1 It had 500,000 troops on June 18-19, 2024, and COVID-19 cases.",
            0,
        ),
        para(
            &format!(
                "The pact was an \"alliance.\"2 Output rose 3.5 per cent in 2019. 4 million barrels moved.{}",
                sup("3")
            ),
            1,
        ),
        para("Russia agreed to pay in roubles. 4", 2),
    ];
    let notes: Vec<NoteDraft> = (1..=4).map(|n| note(n, "A note", 10)).collect();
    let mut r = Report::default();
    link(&mut drafts, &notes, false, &[], &mut r);
    assert_eq!(refs(text(&drafts[0])), vec![0]);
    assert!(
        rich::plain(text(&drafts[0])).contains("500,000 troops on June 18-19, 2024, and COVID-19")
    );
    assert_eq!(refs(text(&drafts[1])), vec![1, 2]);
    assert!(rich::plain(text(&drafts[1])).contains("3.5 per cent in 2019. 4 million"));
    assert_eq!(refs(text(&drafts[2])), vec![3]);
    assert_eq!(r.count(ActionKind::MarkerRepaired), 4);
    assert_eq!(r.count(ActionKind::MarkerRecovered), 0);
}

#[test]
fn lost_markers_are_recovered_where_words_match() {
    let mut drafts = vec![
        para(
            "Fisheries collapsed in the delta. Rice yields held steady.",
            0,
        ),
        para(
            &format!("Salinity rose sharply.{} Farmers adapted.", sup("2")),
            1,
        ),
    ];
    let notes = vec![
        note(1, "Delta fisheries survey, published on May 2, 2022.", 3),
        note(2, "Salinity data.", 3),
    ];
    let mut r = Report::default();
    let recovered = link(&mut drafts, &notes, false, &[], &mut r);
    // The first note's marker was put back; the caller flags that note as recovered.
    assert_eq!(recovered, vec![0]);
    assert_eq!(
        rich::plain(text(&drafts[0])),
        "Fisheries collapsed in the delta. Rice yields held steady."
    );
    assert_eq!(refs(text(&drafts[0])), vec![0]);
    assert!(text(&drafts[0]).starts_with(&format!(
        "Fisheries collapsed in the delta.{}",
        rich::reference(FootnoteId(0))
    )));
    assert_eq!(r.count(ActionKind::MarkerRecovered), 1);
    let action = r
        .actions
        .iter()
        .find(|a| a.kind == ActionKind::MarkerRecovered)
        .unwrap();
    assert!(action.evidence.as_deref().unwrap().contains("delta"));
}

#[test]
fn in_text_input_a_misread_marker_glyph_gives_way_to_the_lost_reference() {
    let body = "Fisheries collapsed in the delta. Rice yields fell.’ Farmers said “no.” Then";
    let notes = vec![note(1, "Delta fisheries survey, published in 2022.", 3)];
    // Text input: the glyph where the raised 1 stood is replaced, though the first
    // sentence shares more words with the note; the author's closing quote stays.
    let mut drafts = vec![para(body, 0)];
    let mut r = Report::default();
    assert_eq!(link(&mut drafts, &notes, false, &[], &mut r), vec![0]);
    assert_eq!(
        text(&drafts[0]),
        format!(
            "Fisheries collapsed in the delta. Rice yields fell.{} Farmers said “no.” Then",
            rich::reference(FootnoteId(0))
        )
    );
    let action = r
        .actions
        .iter()
        .find(|a| a.kind == ActionKind::MarkerRecovered)
        .unwrap();
    assert!(action.before.as_deref().unwrap().ends_with("fell.’"));
    // PDF input keeps every glyph: the reference goes to a sentence end.
    let mut drafts = vec![para(body, 0)];
    let mut r = Report::default();
    link(&mut drafts, &notes, true, &[], &mut r);
    assert_eq!(rich::plain(text(&drafts[0])), body);
}

#[test]
fn a_sequence_resumes_only_when_raised_markers_carry_it_on() {
    let raised = |v: &[u32]| Candidate {
        slot: 0,
        start: 0,
        end: 0,
        values: v.to_vec(),
        form: Form::Raised,
    };
    let carried = [
        raised(&[9]),
        raised(&[10]),
        raised(&[11]),
        raised(&[11]),
        raised(&[13]),
    ];
    assert!(resumes_sequence(&carried));
    let back = [
        raised(&[9]),
        raised(&[10]),
        raised(&[2]),
        raised(&[11]),
        raised(&[12]),
    ];
    assert!(!resumes_sequence(&back));
    assert!(!resumes_sequence(&[raised(&[9]), raised(&[10])]));
}

#[test]
fn a_raised_number_pages_before_notes_at_page_feet_skips_none_of_them() {
    // "R³" on an early page; notes 1 and 2 stand at the feet of later pages, each
    // after its own body; note 3 later still. The power is not note 3's marker.
    let polyhedron = format!("A convex polyhedron in R{}, whose faces", sup("3"));
    let mut drafts = vec![
        para(&polyhedron, 0),
        para("Body of a later page.", 15),
        para("Body of a page further on.", 25),
    ];
    let notes = vec![
        note(1, "A first note.", 10),
        note(2, "A second note.", 20),
        note(3, "(a) Case 1 (b) Case 2", 30),
    ];
    let mut r = Report::default();
    link(&mut drafts, &notes, true, &[], &mut r);
    assert!(refs(text(&drafts[0])).is_empty());
    // Endnotes in one block after the body: the marker of note 3 may skip two lost ones.
    let mut drafts = vec![para(&polyhedron, 0), para("More body.", 5)];
    let notes = vec![
        note(1, "A first note.", 10),
        note(2, "A second note.", 11),
        note(3, "A third note.", 12),
    ];
    link(&mut drafts, &notes, true, &[], &mut r);
    assert_eq!(refs(text(&drafts[0])), vec![2]);
}

#[test]
fn a_marker_stands_near_its_page_foot_note() {
    let on_page = |text: &str, first: usize, page: usize| Placed {
        page,
        ..para(text, first)
    };
    let at_foot = |number: u32, text: &str, order: usize, page: usize| NoteDraft {
        page,
        ..note(number, text, order)
    };
    let power = format!("A polyhedron in R{}, whose faces", sup("1"));
    let first = format!("The metric has a name.{} It is used", sup("1"));
    let second = format!("The proof is by cases.{} It is long", sup("2"));
    // Notes at the feet of pages 3 and 4, each with its raised marker on its page: a
    // raised 1 two pages before the first note is a power, not its marker.
    let notes = vec![
        at_foot(1, "The metric is also named after the railway.", 6, 3),
        at_foot(2, "See the book on knots.", 8, 4),
    ];
    let mut drafts = vec![
        on_page(&power, 0, 1),
        on_page(&first, 5, 3),
        on_page(&second, 7, 4),
        on_page("The next page.", 9, 5),
    ];
    let mut r = Report::default();
    link(&mut drafts, &notes, true, &[], &mut r);
    assert!(refs(text(&drafts[0])).is_empty());
    assert_eq!(refs(text(&drafts[1])), vec![0]);
    assert_eq!(refs(text(&drafts[2])), vec![1]);
    // A single block of notes after the text shows no such habit: the first raised 1
    // is taken, as before.
    let mut drafts = vec![on_page(&power, 0, 1), on_page(&first, 5, 3)];
    let notes = vec![at_foot(
        1,
        "The metric is also named after the railway.",
        6,
        3,
    )];
    link(&mut drafts, &notes, true, &[], &mut r);
    assert_eq!(refs(text(&drafts[0])), vec![0]);
}

#[test]
fn a_marker_is_never_placed_after_its_note() {
    let mut drafts = vec![
        para("Before the note.", 0),
        para("After the note block.", 5),
    ];
    let notes = vec![note(1, "Citation of the note.", 2)];
    let mut r = Report::default();
    link(&mut drafts, &notes, false, &[], &mut r);
    assert_eq!(refs(text(&drafts[0])), vec![0]);
    assert!(refs(text(&drafts[1])).is_empty());
}

#[test]
fn notes_numbered_per_page_take_their_own_page_markers_on_the_last_page_too() {
    let on_page = |text: &str, first: usize, page: usize| Placed {
        page,
        ..para(text, first)
    };
    // Note `number`, printed as `ordinal` in run `run`, at the foot of `page`.
    let at_foot = |number: u32, ordinal: u32, run: usize, order: usize, page: usize| NoteDraft {
        page,
        ordinal,
        run,
        label: ordinal.to_string(),
        ..note(number, &format!("Note {ordinal} of page {page}."), order)
    };
    let page_one = format!("Rights lapse.{} Courts agree.{}", sup("1"), sup("2"));
    // A page with no notes of its own between them: its raised numbers belong to no
    // note on the pages around it.
    let page_two = format!("A page of its own.{} It goes on.{}", sup("1"), sup("2"));
    let page_three = format!("Reform came.{} Trade began.{}", sup("1"), sup("2"));
    let notes = vec![
        at_foot(1, 1, 0, 2, 1),
        at_foot(2, 2, 0, 3, 1),
        at_foot(3, 1, 1, 9, 3),
        at_foot(4, 2, 1, 10, 3),
    ];
    let mut drafts = vec![
        on_page(&page_one, 0, 1),
        on_page(&page_two, 5, 2),
        on_page(&page_three, 7, 3),
    ];
    let mut r = Report::default();
    link(&mut drafts, &notes, true, &[], &mut r);
    assert_eq!(refs(text(&drafts[0])), vec![0, 1]);
    assert!(refs(text(&drafts[1])).is_empty(), "{}", text(&drafts[1]));
    assert_eq!(refs(text(&drafts[2])), vec![2, 3]);
    // The last page's notes are its foot only when its own markers carry their labels:
    // without them, the page before may hold their markers.
    let mut drafts = vec![
        on_page(&page_one, 0, 1),
        on_page(&page_two, 5, 2),
        on_page("Reform came. Trade began.", 7, 3),
    ];
    link(&mut drafts, &notes, true, &[], &mut r);
    assert_eq!(refs(text(&drafts[1])), vec![2, 3]);
}

#[test]
fn a_lost_marker_with_no_linked_marker_around_it_needs_words_in_common() {
    // No marker of any note was found: the window is all the text before the note, and a
    // sentence end there sharing no words with it is no evidence of where it was.
    let mut drafts = vec![
        para(
            "Fisheries collapsed in the delta. Rice yields held steady.",
            0,
        ),
        para("Farmers adapted to the new seasons.", 1),
    ];
    let notes = vec![note(1, "Contact: the author's office address.", 3)];
    let mut r = Report::default();
    let recovered = link(&mut drafts, &notes, false, &[], &mut r);
    assert!(recovered.is_empty());
    assert!(refs(text(&drafts[0])).is_empty() && refs(text(&drafts[1])).is_empty());
    assert_eq!(r.count(ActionKind::MarkerRecovered), 0);
    assert_eq!(r.count(ActionKind::FootnoteUnplaced), 1);
    // Between two notes placed on such evidence, a note without it ("Ibid.") takes the
    // sentence end between them.
    let mut between = drafts.clone();
    between.push(para("Wells ran dry across the hills.", 2));
    let notes = vec![
        note(1, "Survey of the delta fisheries.", 3),
        note(2, "Ibid., p. 4.", 3),
        note(3, "Hill wells data.", 3),
    ];
    let mut r = Report::default();
    let mut recovered = link(&mut between, &notes, false, &[], &mut r);
    recovered.sort_unstable();
    assert_eq!(recovered, vec![0, 1, 2]);
    assert_eq!(refs(text(&between[2])), vec![2]);
    // Control: a note sharing words with a sentence is put back there.
    let notes = vec![note(1, "Survey of the delta fisheries.", 3)];
    let mut r = Report::default();
    let recovered = link(&mut drafts, &notes, false, &[], &mut r);
    assert_eq!(recovered, vec![0]);
    assert_eq!(refs(text(&drafts[0])), vec![0]);
}

/// A table of one header row over `cells`, placed at `first`.
fn table(cells: &[&str], first: usize) -> Placed {
    Placed {
        draft: Draft::Table {
            rows: vec![
                cells.iter().map(|_| "Head".to_string()).collect(),
                cells.iter().map(|c| c.to_string()).collect(),
            ],
            head: Default::default(),
            notes: vec![],
            caption: None,
        },
        first,
        last: first,
        page: 1,
        origins: vec![],
    }
}

fn cells(p: &Placed) -> Vec<String> {
    match &p.draft {
        Draft::Table { rows, .. } => rows.iter().flatten().cloned().collect(),
        _ => Vec::new(),
    }
}

/// A raised number in a table's cell that continues the sequence calls its note; a
/// figure in a cell ("2.41", "1961.2") is never a marker that lost its raise, even where
/// the document's markers did.
#[test]
fn in_a_table_only_a_raised_number_is_a_marker() {
    let mut drafts = vec![
        para("Flows were measured at three gauges.1", 0),
        table(
            &[
                &format!("273,879{}", sup("2")),
                "Signed in 1961.3 It held",
                "2.4",
            ],
            1,
        ),
        para("The survey ends here.4", 2),
    ];
    let notes: Vec<NoteDraft> = (1..=4).map(|n| note(n, "A note", 10)).collect();
    let mut r = Report::default();
    link(&mut drafts, &notes, false, &[], &mut r);
    let c = cells(&drafts[1]);
    assert_eq!(refs(&c[3]), vec![1], "{c:?}");
    assert_eq!(c[4], "Signed in 1961.3 It held");
    assert_eq!(c[5], "2.4");
    assert_eq!(refs(text(&drafts[0])), vec![0]);
}
