//! Tests of furniture removal as a whole.

use super::*;

fn lines(text: &str) -> Vec<TextLine> {
    let mut page = 1;
    let mut out = Vec::new();
    for (i, raw) in text.split('\n').enumerate() {
        let mut raw = raw;
        if let Some(rest) = raw.strip_prefix('\u{c}') {
            page += 1;
            raw = rest;
        }
        out.push(TextLine::new(raw, page, i + 1));
    }
    out
}

fn texts(ls: &[TextLine]) -> Vec<String> {
    ls.iter()
        .filter(|l| !l.is_blank())
        .map(|l| l.plain())
        .collect()
}

#[test]
fn flat_text_repeats_and_page_numbers_go_and_breaks_are_inferred() {
    let text = "LETTERHEAD\n\nTitle words here\n\nThe first paragraph has enough words to count as prose for the zone test.\n\nMore text that ends\n\nHarbour Institute\n\nPage 1 of 2\n\nBrief Series — Oceans\n\ncontinues here after the break.\n\nHarbour Institute\n\n2\n\nFinal paragraph.";
    let mut ls = lines(text);
    let mut r = Report::default();
    remove(&mut ls, &mut r);
    assert_eq!(
        texts(&ls),
        vec![
            "LETTERHEAD",
            "Title words here",
            "The first paragraph has enough words to count as prose for the zone test.",
            "More text that ends",
            "Brief Series — Oceans",
            "continues here after the break.",
            "Final paragraph."
        ]
    );
    assert_eq!(r.count(ActionKind::PageNumber), 2);
    assert_eq!(r.count(ActionKind::RunningHeader), 2);
    let page_of = |needle: &str| ls.iter().find(|l| l.plain() == needle).unwrap().page;
    assert_eq!(page_of("More text that ends"), 1);
    assert_eq!(page_of("continues here after the break."), 2);
    assert_eq!(page_of("Final paragraph."), 3);
}

#[test]
fn the_ends_of_a_run_of_lines_alike_are_no_running_header() {
    // Numbered notes, one a line, after a blank line and before the end: the first and
    // the last share a shape and each stands beside a blank line.
    let text = "Title words here\n\nThe first paragraph has enough words to count as prose for the zone test.\n\n1 Source document 1, page 1.\n2 Source document 2, page 2.\n3 Source document 3, page 3.\n\nHarbour Institute\n\nThe second page goes on with its own text.\n\nHarbour Institute\n\nThe last words of the brief end here.";
    let mut ls = lines(text);
    let mut r = Report::default();
    remove(&mut ls, &mut r);
    let t = texts(&ls);
    assert!(
        t.contains(&"1 Source document 1, page 1.".to_string()),
        "{t:?}"
    );
    assert!(
        t.contains(&"3 Source document 3, page 3.".to_string()),
        "{t:?}"
    );
    assert!(!t.contains(&"Harbour Institute".to_string()), "{t:?}");
    assert_eq!(r.count(ActionKind::RunningHeader), 2, "{:?}", r.actions);
}

#[test]
fn banded_pages_remove_repeats_and_sequenced_numbers_but_keep_note_labels() {
    let text = "SERIES LETTERHEAD\nA long opening sentence that has more than twelve words in it for the zone.\nbody\n1\nFirst note text that is long enough.\nOcean Papers – 1 –\n\u{c}Smith — Working Paper\nbody two\nmore\nOcean Papers – 2 –\n\u{c}Smith — Working Paper\nbody three\n3";
    let mut ls = lines(text);
    let mut r = Report::default();
    remove(&mut ls, &mut r);
    let t = texts(&ls);
    assert!(t.contains(&"1".to_string()), "note label kept: {t:?}");
    assert!(t.contains(&"SERIES LETTERHEAD".to_string()));
    assert!(
        !t.iter()
            .any(|x| x.contains("Ocean Papers") || x.contains("Working Paper")),
        "{t:?}"
    );
    assert_eq!(r.count(ActionKind::RunningHeader), 4);
}

#[test]
fn equal_numbers_on_one_page_are_no_page_sequence() {
    // A matrix's last rows end the second page: three zeros whose value less the
    // page index agrees only because they share a page.
    let text = "A first page of prose with enough words to be the body text here.\nIts second line.\n\u{c}The matrix of the second page is printed below.\n1 1\n0\n0\n0\n\u{c}The third page has prose of its own again.\nAnd a last line.";
    let mut ls = lines(text);
    let mut r = Report::default();
    remove(&mut ls, &mut r);
    let t = texts(&ls);
    assert_eq!(t.iter().filter(|x| x.as_str() == "0").count(), 3, "{t:?}");
    assert_eq!(r.count(ActionKind::PageNumber), 0, "{:?}", r.actions);
    // Numbers that follow the pages, one a page, are page numbers.
    let text = "Body of the first page with enough words in it.\n7\n\u{c}Body of the second page with enough words in it.\n8\n\u{c}Body of the third page with enough words in it.\n9";
    let mut ls = lines(text);
    let mut r = Report::default();
    remove(&mut ls, &mut r);
    assert_eq!(r.count(ActionKind::PageNumber), 3, "{:?}", r.actions);
}

#[test]
fn the_letterhead_of_each_copy_of_a_form_stays() {
    // Two estimates on one form, each opening with the shop's letterhead, and a page
    // of terms.
    let form = |who: &str| {
        format!(
            "ZAVA AUTO REPAIR\n123 Main Street, Redmond\nPreliminary Estimate\nInsured name {who}\nHours Rate Cost\nBody Labor 2 150 300\nPaint Labor 1.5 150 225\nMechanical Labor - - -\nOther Charges 15\nSubtotal\nNote\nEstimate Totals"
        )
    };
    let terms =
        "This estimate covers the visible damage only and may change once the car is opened up.";
    let text = format!(
        "{}\n\u{c}{}\n\u{c}{terms}",
        form("Gabriel Diaz"),
        form("Bruce Wayne")
    );
    let mut ls = lines(&text);
    let mut r = Report::default();
    remove(&mut ls, &mut r);
    let t = texts(&ls);
    assert_eq!(
        t.iter()
            .filter(|x| x.as_str() == "ZAVA AUTO REPAIR")
            .count(),
        2,
        "{t:?}"
    );
    assert_eq!(r.count(ActionKind::RunningHeader), 0, "{t:?}");
    // The same letterhead over pages of different text is a running header.
    let page = |n: &str| {
        format!(
            "ZAVA AUTO REPAIR\n123 Main Street, Redmond\nThe {n} page has text of its own.\nIts {n} paragraph goes on for a while.\nThe {n} page ends here."
        )
    };
    let text = format!("{}\n\u{c}{}\n\u{c}{terms}", page("first"), page("second"));
    let mut ls = lines(&text);
    let mut r = Report::default();
    remove(&mut ls, &mut r);
    let t = texts(&ls);
    assert!(!t.iter().any(|x| x.contains("ZAVA")), "{t:?}");
    assert!(r.count(ActionKind::RunningHeader) >= 2, "{t:?}");
}

#[test]
fn one_page_proves_its_edge_stamps_and_page_number() {
    let body = "The survey covered three districts and two hundred households in all.";
    let mut page: Vec<TextLine> = Vec::new();
    let mut put = |text: &str, x0: f32, baseline: f32| {
        let mut l = crate::lines::test_placed(text, 1, x0, x0 + 200.0, baseline, 10.0);
        l.source_line = page.len() + 1;
        page.push(l);
    };
    put("Downloaded from example.org on 3 May 2021", 400.0, 90.0);
    for k in 0..10 {
        put(body, 72.0, 120.0 + 14.0 * k as f32);
    }
    // Text ends far above the paper's foot; the number under it is set apart.
    put("17", 290.0, 330.0);
    put("Revision: 2.4", 72.0, 40.0);
    put("10 June 2019", 300.0, 40.0);
    put("Download date: 15. Sep. 2023", 72.0, 60.0);
    let mut lines = page;
    let mut r = Report::default();
    remove(&mut lines, &mut r);
    let left: Vec<String> = lines.iter().map(TextLine::plain).collect();
    assert_eq!(left.len(), 10, "{left:?}");
    assert!(left.iter().all(|t| t == body));
    assert_eq!(r.count(ActionKind::PageNumber), 1);
    assert_eq!(r.count(ActionKind::RunningHeader), 4);
}

#[test]
fn page_n_of_m_naming_its_page_and_the_count_goes_from_a_single_page() {
    let body = "The survey covered three districts and two hundred households in all.";
    let run = |stamp: &str| {
        let mut lines: Vec<TextLine> = Vec::new();
        let mut put = |text: &str, baseline: f32| {
            let mut l = crate::lines::test_placed(text, 1, 72.0, 272.0, baseline, 10.0);
            l.source_line = lines.len() + 1;
            lines.push(l);
        };
        // In the top edge but close to the text: only its own words prove it.
        put(stamp, 70.0);
        for k in 0..10 {
            put(body, 84.0 + 14.0 * k as f32);
        }
        let mut r = Report::default();
        remove(&mut lines, &mut r);
        (lines.len(), r.count(ActionKind::PageNumber))
    };
    assert_eq!(run("Page 1 of 1"), (10, 1));
    // A count that is not this document's proves nothing here.
    assert_eq!(run("Page 1 of 4"), (11, 0));
}

#[test]
fn a_small_header_set_apart_at_the_top_goes_but_not_a_larger_kicker() {
    let body = "The survey covered three districts and two hundred households in all.";
    let run = |size: f32| {
        let mut lines: Vec<TextLine> = Vec::new();
        let mut head = crate::lines::test_placed(
            "Woodworth et al.: Brief Notices",
            1,
            250.0,
            350.0,
            20.0,
            size,
        );
        head.source_line = 1;
        lines.push(head);
        for k in 0..10 {
            let mut l =
                crate::lines::test_placed(body, 1, 72.0, 540.0, 120.0 + 30.0 * k as f32, 24.0);
            l.source_line = lines.len() + 1;
            lines.push(l);
        }
        let mut r = Report::default();
        remove(&mut lines, &mut r);
        (lines.len(), r.count(ActionKind::RunningHeader))
    };
    // A 10 pt line over 24 pt text.
    assert_eq!(run(10.0), (10, 1));
    // A 14 pt kicker over the same text is more than half its size: it stays.
    assert_eq!(run(14.0), (11, 0));
}

#[test]
fn a_number_inside_the_text_or_a_sentence_at_the_edge_stays() {
    let mut lines = vec![
        crate::lines::test_placed(
            "Revision of the 2019 fare rules",
            1,
            72.0,
            300.0,
            810.0,
            10.0,
        ),
        crate::lines::test_placed("Table 2 shows the totals.", 1, 72.0, 300.0, 400.0, 10.0),
        crate::lines::test_placed("42", 1, 72.0, 90.0, 414.0, 10.0),
        crate::lines::test_placed(
            "More text follows the table here.",
            1,
            72.0,
            300.0,
            428.0,
            10.0,
        ),
    ];
    let mut r = Report::default();
    remove(&mut lines, &mut r);
    assert_eq!(lines.len(), 4, "{:?}", r.actions);
}

/// A disclaimer printed at the foot of page 1 and the head of page 2: its edge lines
/// repeat across pages, but they read on from the paragraph they close or open, so
/// they stay; the journal's running header above it, set apart by a gap, goes.
#[test]
fn a_repeated_paragraph_keeps_its_edge_lines_while_a_running_header_goes() {
    let place = crate::lines::test_placed;
    let disclaimer = [
        "This is a preliminary estimate of the visible damage only; further work may",
        "be needed once the parts are removed, and hidden damage cannot be judged",
        "before an alignment. Prices may vary with the maker's updates. An owner who",
        "sends the vehicle to service pays a diagnostic charge. If the concern is",
        "not related to the claim, the owner will be responsible for the charges.",
    ];
    let words = [
        "alpha", "bravo", "charlie", "delta", "echo", "foxtrot", "golf", "hotel",
    ];
    let mut lines = Vec::new();
    for page in 1..=3 {
        lines.push(place(
            "Harbour Repair Journal",
            page,
            72.0,
            250.0,
            60.0,
            9.0,
        ));
        let mut y = 120.0;
        for (k, w) in words.iter().enumerate() {
            let text = format!(
                "Body text {w} {} on a page of its own, not repeated.",
                words[(k + page) % 8]
            );
            lines.push(place(&text, page, 72.0, 500.0, y, 9.0));
            y += 11.0;
        }
        if page != 2 {
            y += 20.0;
            for text in disclaimer {
                lines.push(place(text, page, 72.0, 480.0, y, 9.0));
                y += 11.0;
            }
        }
    }
    let mut r = Report::default();
    remove(&mut lines, &mut r);
    let kept: Vec<String> = lines.iter().map(|l| l.plain()).collect();
    assert!(
        !kept.iter().any(|t| t == "Harbour Repair Journal"),
        "{kept:?}"
    );
    for text in disclaimer {
        assert_eq!(
            kept.iter().filter(|t| *t == text).count(),
            2,
            "{text:?} was cut from the disclaimer: {:?}",
            r.actions
        );
    }
}

#[test]
fn a_repeated_paragraph_that_runs_on_into_kept_text_stays() {
    // Two pages that both open their first paragraph with the same two lines, and a
    // closing paragraph whose last lines repeat: repetition alone would remove them.
    let para = "Lorem ipsum dolor sit amet, consetetur sadipscing elitr, sed diam eir-\nmod tempor invidunt ut labore et dolore magna aliquyam erat, sed volup-\n";
    let text = format!(
        "Code Example\n{para}tua. At vero eos et accusam et justo duo dolores.\nPlease be advised that the owner elects to send the car for\nany mechanical concerns, all departments charge a diagnostic fee.\n\x0cFormula\n{para}tua. Stet clita kasd gubergren, no sea takimata.\nPlease note that a different paragraph sits on this page for\nany mechanical concerns, all departments charge a diagnostic fee.\n"
    );
    let mut ls = lines(&text);
    let mut r = Report::default();
    remove(&mut ls, &mut r);
    let t = texts(&ls);
    assert_eq!(t.len(), 12, "{t:?} {:?}", r.actions);
    assert_eq!(r.count(ActionKind::RunningHeader), 0);
}

#[test]
fn a_running_header_above_a_page_that_continues_a_sentence_still_goes() {
    // The pages open mid-sentence, in lower case, under a header: the header does not
    // read on into them (it ends in a number), so repetition still removes it.
    let text = "Opening words of the paper that set out its whole argument at length.\nbody one\n\u{c}OCEAN PAPERS 2024\ncontinued from the first page with more words\nand more\n\u{c}OCEAN PAPERS 2024\ncontinued again on the third page with words\nend";
    let mut ls = lines(text);
    let mut r = Report::default();
    remove(&mut ls, &mut r);
    assert_eq!(r.count(ActionKind::RunningHeader), 2, "{:?}", texts(&ls));
}

#[test]
fn reading_on_needs_an_open_line_and_a_lower_case_word() {
    assert!(reads_on(
        "the owner elects to send it for",
        "any mechanical concerns"
    ));
    assert!(reads_on("sed diam nonumy eir-", "mod tempor invidunt"));
    assert!(!reads_on(
        "the owner elects to send it.",
        "any mechanical concerns"
    ));
    assert!(!reads_on(
        "the owner elects to send it for",
        "www.example.org"
    ));
    assert!(!reads_on(
        "the owner elects to send it for",
        "Annual Report 2024"
    ));
    assert!(!reads_on("Short header", "lower case"));
    assert!(!reads_on("Smith — Working Paper", "body text goes on"));
}

/// A single page's running head: title and page number share the top row, set apart
/// from the text; both go, and the number is not glued to the first paragraph. A
/// chapter opening with its number an em before a larger title stays.
#[test]
fn a_running_title_with_its_page_number_on_the_top_row_goes_but_a_chapter_title_stays() {
    let place = crate::lines::test_placed;
    let body = [
        "order to compute the score. Timing results for all experiments were taken",
        "on the same machine, on a single core, with the same settings throughout.",
        "The results follow in the next section, with their tables and figures.",
    ];
    let mut lines = vec![
        place(
            "Optimized Table Tokenization for Structure",
            1,
            194.0,
            447.0,
            100.0,
            9.0,
        ),
        place("9", 1, 476.0, 481.0, 100.0, 9.0),
    ];
    for (k, t) in body.iter().enumerate() {
        lines.push(place(t, 1, 134.0, 480.0, 126.0 + 12.0 * k as f32, 10.0));
    }
    let mut r = Report::default();
    remove(&mut lines, &mut r);
    assert_eq!(lines.len(), 3, "{:?}", r.actions);
    assert_eq!(r.count(ActionKind::PageNumber), 1);
    assert_eq!(r.count(ActionKind::RunningHeader), 1);

    let mut lines = vec![
        place("2", 1, 72.0, 84.0, 100.0, 16.0),
        place("Why Carbon Pricing Matters", 1, 96.0, 330.0, 100.0, 16.0),
    ];
    for (k, t) in body.iter().enumerate() {
        lines.push(place(t, 1, 72.0, 480.0, 140.0 + 12.0 * k as f32, 10.0));
    }
    let mut r = Report::default();
    remove(&mut lines, &mut r);
    assert_eq!(lines.len(), 5, "{:?}", r.actions);
}
