//! Tests of the zone finder: zones from the expected labels, where they end, and lines
//! that open none.

use super::*;

fn page_lines(pages: &[&[&str]]) -> Vec<TextLine> {
    let mut out = Vec::new();
    let mut n = 0;
    for (p, lines) in pages.iter().enumerate() {
        for l in lines.iter() {
            n += 1;
            out.push(TextLine::new(l, p + 1, n));
        }
    }
    out
}

#[test]
fn page_foot_zones_follow_the_expected_number() {
    let lines = page_lines(&[
        &[
            "Body text about 12 brick kilns and more words here.",
            "12 brick kilns were surveyed in the first round of the study.",
            "More body text continues on this page and ends here.",
            "The last body line of the page.",
            "1 Author, “A Title of Some Length”, published on May 2, 2022.",
            "  continued note text.",
            "2 Ibid., p. 4.",
        ],
        &[
            "Body on page two, which is long enough to be prose here.",
            "More body on page two that goes on.",
            "Still more body text here on page two.",
            "3",
            "Raw-mode note text after a bare label line.",
        ],
    ]);
    let z = find_zones(&lines);
    assert_eq!(
        z.note_starts.iter().copied().collect::<Vec<_>>(),
        vec![4, 6, 10]
    );
    assert_eq!(zone_of(&z, 5), Some(1));
    assert_eq!(zone_of(&z, 1), Option::None);
    assert_eq!(zone_of(&z, 11), Some(2));
}

#[test]
fn the_rest_of_a_number_broken_at_a_dash_opens_no_zone() {
    let body = "Body text of the page, long enough to be read as running prose.";
    let lines = page_lines(&[
        &[
            body,
            body,
            body,
            "1 Author, “A Title of Some Length”, published on May 2, 2022.",
            "2 Ibid., p. 4.",
        ],
        &[
            body,
            body,
            body,
            "Keane DF. Interim Report. Memorandum. Bates No. 2044438368/8371, at-8368-",
            "3. www.pmdocs.com/getallimg.asp?if=avpidx&DOCID=2044438368/8371 [Accessed 2003].",
        ],
    ]);
    let z = find_zones(&lines);
    assert_eq!(zone_of(&z, 9), None);
    assert!(!z.note_starts.contains(&9));
    // After a line that ends in a word, the same line opens note 3.
    let mut lines = lines;
    lines[8] = TextLine::new("Keane DF. Interim Report. Memorandum to GC Bible.", 2, 9);
    assert!(find_zones(&lines).note_starts.contains(&9));
}

#[test]
fn a_numbered_item_carrying_on_the_list_above_ends_a_zone() {
    let lines = page_lines(&[
        &[
            "A first page of body text that ends in a sentence.",
            "More body text on the first page, ending here.",
            "Yet more body text on the first page, ending here.",
            "1 Author, “A Title of Some Length”, published on May 2, 2022.",
            "2 Author, “A Title of Some Length”, published on May 3, 2022.",
            "3 Author, “A Title of Some Length”, published on May 4, 2022.",
            "4 Author, “A Title of Some Length”, published on May 5, 2022.",
        ],
        &[
            "Governments and companies can reduce the risks",
            "by acting on several fronts:",
            "1. Diversify routes, including terrestrial links",
            "across the Arabian Peninsula.",
            "2. Invest in repair capacity, including regional re-",
            "pair ships and pre-approved permits.",
            "5International Cable Protection Forum, “Submarine Cable",
            "Repair”, published on November 14, 2023.",
            "6“Baltic pipeline and cable damage: what we know”,",
            "Nordic Security Brief, published on October 20, 2023. https:",
            "//www.nordicsecuritybrief.example.com/2023/10/20/baltic-k",
            "now",
            "3. Improve monitoring of ship movements near",
            "cable routes, using identification data.",
        ],
    ]);
    let z = find_zones(&lines);
    assert!(z.note_starts.contains(&13) && z.note_starts.contains(&15));
    assert_eq!(zone_of(&z, 18), Some(2));
    assert_eq!(zone_of(&z, 19), None);
    assert_eq!(zone_of(&z, 20), None);
}

#[test]
fn notes_below_two_columns_open_a_zone_on_their_first_line() {
    // A page read as two columns (left, right), then the full-width notes below them:
    // the notes' own run is short, but all of it is below the columns.
    let mut lines = page_lines(&[&[
        "Body text in the left column, which runs on for a while here.",
        "More of the left column, with a marker at its end.1",
        "The right column goes on with the argument of the brief.",
        "And ends its page with a second marker.2",
        "1 Author, “A Title of Some Length”, published on May 2, 2022.",
        "2 Ibid., p. 4.",
    ]]);
    for l in &mut lines[2..4] {
        l.column = 1;
    }
    // A second page makes the input paged.
    lines.push(TextLine::new("Page two body.", 2, 7));
    let z = find_zones(&lines);
    assert_eq!(
        z.note_starts.iter().copied().collect::<Vec<_>>(),
        vec![4, 5]
    );
}

fn sized(text: &str, page: usize, n: usize, size: f32, y: f32) -> TextLine {
    let mut l = crate::lines::test_placed(text, page, 60.0, 280.0, y, size);
    l.source_line = n;
    l
}

#[test]
fn a_zone_opening_with_small_unlabelled_lines_carries_on_the_previous_note() {
    let mut lines = Vec::new();
    for k in 0..12 {
        lines.push(sized(
            "Body text of the first page that runs on.",
            1,
            k + 1,
            11.0,
            100.0 + 14.0 * k as f32,
        ));
    }
    lines.push(sized(
        "1 A. Author, “A Study”, published on May 2, 2022,",
        1,
        13,
        9.0,
        700.0,
    ));
    lines.push(sized("https://www.example.org/a/long", 1, 14, 9.0, 711.0));
    for k in 0..12 {
        lines.push(sized(
            "Body text of the second page that runs on.",
            2,
            k + 15,
            11.0,
            100.0 + 14.0 * k as f32,
        ));
    }
    lines.push(sized("/path/of-the-address", 2, 27, 9.0, 690.0));
    lines.push(sized(
        "2 B. Author, “Another Study”, 2023.",
        2,
        28,
        9.0,
        701.0,
    ));
    let z = find_zones(&lines);
    assert_eq!(
        z.note_starts.iter().copied().collect::<Vec<_>>(),
        vec![12, 27]
    );
    assert_eq!(z.continued.iter().copied().collect::<Vec<_>>(), vec![26]);
    assert_eq!(zone_of(&z, 26), zone_of(&z, 27));
    assert_eq!(zone_of(&z, 25), Option::None);
}

#[test]
fn a_heading_below_notes_in_extracted_text_ends_the_zone() {
    // pdftotext -raw of a two-column page: the left column's notes, then the right
    // column opening with a heading, then that column's own note.
    let lines = page_lines(&[
        &[
            "Body text of the left column, long enough to be prose here.",
            "More body text of the left column that goes on and on.",
            "Still more body text, ending the left column here.",
            "The last line of the left column body.",
            "1 Author, “A Title of Some Length”, published on May 2, 2022.",
            "2 Ibid., p. 4.",
            "",
            "Why the Corridor Matters",
            "The right column begins with prose under its heading.",
            "It goes on for a while, as columns do.",
            "3 Agency, “Another Report”, published on June 1, 2023.",
        ],
        &["Page two."],
    ]);
    let z = find_zones(&lines);
    assert_eq!(zone_of(&z, 5), Some(1));
    assert_eq!(zone_of(&z, 6), Some(1));
    assert_eq!(zone_of(&z, 7), Option::None);
    assert_eq!(zone_of(&z, 8), Option::None);
    assert!(z.note_starts.contains(&10));
}
#[test]
fn a_chart_axis_at_the_page_foot_opens_no_note() {
    // A chart low on the page: its x axis's tick labels, each drawn apart on one
    // baseline ("0 1 2 3"), then its lettering and the caption in body type.
    let mut lines = Vec::new();
    for k in 0..14 {
        lines.push(sized(
            "Body text of the page above the chart that runs on.",
            1,
            k + 1,
            11.0,
            100.0 + 14.0 * k as f32,
        ));
    }
    for (k, tick) in ["0", "1", "2", "3"].iter().enumerate() {
        let x = 100.0 + 40.0 * k as f32;
        let mut l = crate::lines::test_placed(tick, 1, x, x + 5.0, 600.0, 8.5);
        l.source_line = lines.len() + 1;
        lines.push(l);
    }
    lines.push(sized("(a) Case 1 (b) Case 2", 1, 19, 9.0, 615.0));
    lines.push(sized(
        "Figure 4.22: The two cases of the proof.",
        1,
        20,
        11.0,
        640.0,
    ));
    let z = find_zones(&lines);
    assert!(z.note_starts.is_empty(), "{:?}", z.note_starts);
    assert!(z.zone.is_empty(), "{:?}", z.zone);
    // Its y axis instead: values drawn one over another, growing up the page.
    let mut axis = lines[..14].to_vec();
    for (k, tick) in ["3", "2", "1", "0"].iter().enumerate() {
        let y = 560.0 + 20.0 * k as f32;
        axis.push(crate::lines::test_placed(tick, 1, 60.0, 65.0, y, 8.5));
        axis.push(crate::lines::test_placed("*", 1, 90.0, 95.0, y + 5.0, 8.5));
    }
    let z = find_zones(&axis);
    assert!(z.note_starts.is_empty(), "{:?}", z.note_starts);
    // A bare label alone on its line, its note's text beside it, still opens the note.
    let mut notes = lines[..14].to_vec();
    notes.push(crate::lines::test_placed("1", 1, 60.0, 64.0, 600.0, 8.5));
    notes.push(crate::lines::test_placed(
        "A. Author, “A Study of Charts”, published in 2020.",
        1,
        70.0,
        300.0,
        600.0,
        8.5,
    ));
    assert_eq!(find_zones(&notes).note_starts.len(), 1);
}

#[test]
fn a_starred_line_opens_a_note_where_a_word_above_carries_the_star() {
    // A page whose prose marks "unfavourable*." and whose foot, in the same type,
    // reads "* Doncaster Report, p.8."; without the mark, the line is left alone (a
    // bullet, a correspondence line).
    let page = |mark: &str| {
        let mut lines = Vec::new();
        for k in 0..12 {
            let text = if k == 5 {
                format!("Their application to wet gravel is decidedly unfavourable{mark}.")
            } else {
                "Body text of the page on manures that runs on.".to_string()
            };
            lines.push(sized(&text, 1, k + 1, 10.0, 100.0 + 14.0 * k as f32));
        }
        lines.push(sized("* Doncaster Report, p.8.", 1, 13, 10.0, 700.0));
        lines
    };
    assert_eq!(
        find_zones(&page("*"))
            .note_starts
            .iter()
            .copied()
            .collect::<Vec<_>>(),
        vec![12]
    );
    assert!(find_zones(&page("")).note_starts.is_empty());
    // An opening emphasis mark is no note's mark.
    let mut emphasis = page("");
    emphasis[3] = sized("The *first* trials were on clay.", 1, 4, 10.0, 142.0);
    assert!(find_zones(&emphasis).note_starts.is_empty());
    // Two starred lines are bullets, whatever the text above marks.
    let mut bullets = page("*");
    bullets.push(sized("* Guano, p.9.", 1, 14, 10.0, 714.0));
    assert!(find_zones(&bullets).note_starts.is_empty());
}

#[test]
fn numbered_table_rows_at_the_page_foot_open_no_notes() {
    let mut lines = Vec::new();
    for k in 0..14 {
        lines.push(sized(
            "Body text of the order form that runs on.",
            1,
            k + 1,
            10.0,
            100.0 + 14.0 * k as f32,
        ));
    }
    let columns = [60.0, 90.0, 160.0, 330.0, 390.0];
    let row = |cells: &[&str], y: f32, lines: &mut Vec<TextLine>| {
        for (text, x) in cells.iter().zip(columns) {
            let n = lines.len() + 1;
            let mut l = crate::lines::test_placed(text, 1, x, x + 25.0, y, 8.0);
            l.source_line = n;
            lines.push(l);
        }
    };
    row(
        &["Ln", "Item", "Description", "Qty", "Amount"],
        640.0,
        &mut lines,
    );
    row(
        &["1", "PMP-10", "Borehole pump", "2", "$2,500"],
        652.0,
        &mut lines,
    );
    row(
        &["2", "PIP-50", "Rising main", "40", "$720"],
        664.0,
        &mut lines,
    );
    row(
        &["3", "CTL-02", "Controller", "2", "$620"],
        676.0,
        &mut lines,
    );
    let z = find_zones(&lines);
    assert!(z.note_starts.is_empty(), "{:?}", z.note_starts);
    // The same labels opening notes whose text runs on from them are notes.
    let mut notes: Vec<TextLine> = lines[..14].to_vec();
    for (k, text) in ["1", "2", "3"].iter().enumerate() {
        let y = 652.0 + 12.0 * k as f32;
        notes.push(crate::lines::test_placed(text, 1, 60.0, 64.0, y, 8.0));
        notes.push(crate::lines::test_placed(
            "A. Author, “A Study of Pumps”, published in 2020.",
            1,
            70.0,
            300.0,
            y,
            8.0,
        ));
    }
    assert_eq!(find_zones(&notes).note_starts.len(), 3);
}

#[test]
fn labels_drawn_after_the_notes_but_higher_up_are_no_part_of_them() {
    // Body text, then two notes at the foot, then a chart's tick labels and legend
    // drawn last but set halfway up the page.
    let mut lines: Vec<TextLine> = (0..14)
        .map(|k| sized(PROSE_LINE, 1, k + 1, 11.0, 100.0 + 14.0 * k as f32))
        .collect();
    lines.push(sized(
        "8 SQuAD is limited to a small set of documents.",
        1,
        15,
        9.0,
        700.0,
    ));
    lines.push(sized(
        "9 Lucene implementation with tuned parameters.",
        1,
        16,
        9.0,
        712.0,
    ));
    for (k, label) in ["90", "80", "BM25", "Top-k accuracy (%)"]
        .iter()
        .enumerate()
    {
        lines.push(sized(label, 1, 17 + k, 6.0, 300.0 + 10.0 * k as f32));
    }
    // The note numbering starts at 8 here: make 1-7 due earlier on another page.
    let mut doc: Vec<TextLine> = (1..=7)
        .map(|n| {
            sized(
                &format!("{n} An earlier note."),
                0,
                n,
                9.0,
                600.0 + 12.0 * n as f32,
            )
        })
        .collect();
    for l in &mut doc {
        l.page = 1;
    }
    for l in &mut lines {
        l.page = 2;
    }
    let mut all: Vec<TextLine> = (0..14)
        .map(|k| sized(PROSE_LINE, 1, 100 + k, 11.0, 100.0 + 14.0 * k as f32))
        .collect();
    all.append(&mut doc);
    all.append(&mut lines);
    let z = find_zones(&all);
    let at = |text: &str| all.iter().position(|l| l.plain() == text).unwrap();
    assert!(zone_of(&z, at("9 Lucene implementation with tuned parameters.")).is_some());
    for label in ["90", "80", "BM25", "Top-k accuracy (%)"] {
        assert_eq!(zone_of(&z, at(label)), None, "{label}");
    }
}

const PROSE_LINE: &str = "Body text of the page above the notes that runs on.";

/// A page whose text runs beside a chart and then full width below it; the chart's
/// lettering, read after the text as a column of its own, is set at `chart_y` and up.
fn text_beside_a_chart(chart_y: f32) -> Vec<TextLine> {
    // Page 1 ends with note 1: note 2 is due.
    let mut lines: Vec<TextLine> = (0..20)
        .map(|k| sized(PROSE_LINE, 1, k + 1, 11.0, 100.0 + 14.0 * k as f32))
        .collect();
    lines.push(sized("1 See the earlier report.", 1, 21, 9.0, 700.0));
    for k in 0..24 {
        let y = 100.0 + 14.0 * k as f32;
        let x1 = if y < 400.0 { 300.0 } else { 540.0 };
        let mut l = crate::lines::test_placed(PROSE_LINE, 2, 60.0, x1, y, 11.0);
        l.source_line = k + 1;
        lines.push(l);
    }
    for (k, text) in [
        "2 See the later report.",
        "3 Ibid.",
        "4 Oct. Apr. Oct. Dec.",
        "2. Euro area",
    ]
    .iter()
    .enumerate()
    {
        let mut l =
            crate::lines::test_placed(text, 2, 330.0, 520.0, chart_y + 12.0 * k as f32, 6.5);
        l.source_line = 30 + k;
        l.column = 1;
        lines.push(l);
    }
    lines
}

#[test]
fn chart_lettering_over_text_read_before_opens_no_zone() {
    let beside = text_beside_a_chart(200.0);
    let z = find_zones(&beside);
    assert!(zone_of(&z, 20).is_some(), "note 1 on page 1");
    for (i, line) in beside.iter().enumerate().skip(beside.len() - 4) {
        assert_eq!(zone_of(&z, i), None, "{}", line.plain());
    }
    // The same small numbered lines below all the text are the column's foot.
    let below = text_beside_a_chart(700.0);
    let z = find_zones(&below);
    assert!(z.note_starts.contains(&(below.len() - 4)));
}

/// A diagram's "1" (a multiplicity beside "0..n" set higher up) opens no note and does
/// not use up note 1: the raised "¹ https://…" at the page foot opens it.
#[test]
fn a_figure_alone_among_diagram_lettering_is_no_label() {
    let mut lines: Vec<TextLine> = (0..14)
        .map(|k| sized(PROSE_LINE, 1, k + 1, 9.4, 100.0 + 12.0 * k as f32))
        .collect();
    lines.push(crate::lines::test_placed("1", 1, 372.0, 375.0, 356.9, 4.9));
    lines.push(crate::lines::test_placed(
        "0..n", 1, 337.0, 346.0, 313.8, 4.9,
    ));
    lines.push(crate::lines::test_placed(
        "DecisionOutcome",
        1,
        411.0,
        450.0,
        345.6,
        4.9,
    ));
    for k in 0..8 {
        lines.push(sized(PROSE_LINE, 1, 20 + k, 9.4, 400.0 + 12.0 * k as f32));
    }
    let foot = format!(
        "{} https://example.org/docs/adr/0003-use-gradle-",
        rich::sup("1")
    );
    lines.push(sized(&foot, 1, 30, 8.4, 593.6));
    lines.push(sized("as-build-tool.md", 1, 31, 8.4, 603.9));
    let z = find_zones(&lines);
    assert_eq!(zone_of(&z, 14), None);
    assert!(
        z.note_starts.contains(&(lines.len() - 2)),
        "{:?}",
        z.note_starts
    );
    // Alone on its line just above its text, the label opens the note.
    let mut raw = lines[..14].to_vec();
    raw.push(sized("1", 1, 40, 8.4, 590.0));
    raw.push(sized(
        "See the report of the commission.",
        1,
        41,
        8.4,
        600.0,
    ));
    assert!(find_zones(&raw).note_starts.contains(&14));
}
