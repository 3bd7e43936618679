use super::*;

/// A page under a letterhead of four lines (name, motto, address, phone), then a
/// title and a column of row labels with the page's own figures, as the same form
/// prints it on every page.
fn letterhead_page(page: usize, lines: &mut Vec<TextLine>) {
    let placed = crate::lines::test_placed;
    lines.push(placed("ZAVA AUTO REPAIR", page, 192.0, 358.0, 205.0, 20.0));
    lines.push(placed(
        "Certified Collision Repair",
        page,
        210.0,
        340.0,
        224.0,
        13.0,
    ));
    lines.push(placed(
        "123 Main Street, Redmond, WA",
        page,
        173.0,
        376.0,
        241.0,
        13.0,
    ));
    lines.push(placed(
        "Phone: (425) 000-0000",
        page,
        215.0,
        335.0,
        258.0,
        13.0,
    ));
    lines.push(placed(
        "Preliminary Estimate",
        page,
        180.0,
        370.0,
        290.0,
        13.0,
    ));
    for (r, item) in ["Body Labor", "Paint Labor", "Supplies"].iter().enumerate() {
        lines.push(placed(
            item,
            page,
            80.0,
            140.0,
            320.0 + 13.0 * r as f32,
            13.0,
        ));
        // Each page's own figures: the pages are one form filled in, not copies.
        lines.push(placed(
            &format!("${}.{r}0", 120 * page + 7 * r),
            page,
            400.0,
            460.0,
            320.0 + 13.0 * r as f32,
            13.0,
        ));
    }
    for (r, who) in ["one customer", "the insurer", "the shop"]
        .iter()
        .enumerate()
    {
        let closing = format!("Copy {page} of the estimate, prepared for {who}.");
        lines.push(placed(
            &closing,
            page,
            80.0,
            400.0,
            700.0 + 12.0 * r as f32,
            10.0,
        ));
    }
}

#[test]
fn a_letterhead_longer_than_the_band_goes_whole() {
    let mut lines = Vec::new();
    letterhead_page(1, &mut lines);
    letterhead_page(2, &mut lines);
    let mut verdict = vec![None; lines.len()];
    mark_banded(&lines, 0, &mut verdict);
    let gone = |text: &str| {
        lines
            .iter()
            .zip(&verdict)
            .filter(|(l, v)| l.plain() == text && v.is_some())
            .count()
    };
    assert_eq!(gone("ZAVA AUTO REPAIR"), 2);
    assert_eq!(gone("Phone: (425) 000-0000"), 2);
    // The title under the letterhead, a line's gap below it, and the form's row
    // labels, repeated on both pages but away from the letterhead, stay.
    assert_eq!(gone("Preliminary Estimate"), 0);
    assert_eq!(gone("Body Labor") + gone("Paint Labor"), 0);
}

/// A paper whose later pages repeat its authors' names as their running head (as a
/// Springer volume sets its left-hand pages).
fn paper_with_author_heads() -> Vec<TextLine> {
    let placed = crate::lines::test_placed;
    let prose = "The decisions a team takes are written down next to the code they shape.";
    let mut lines = vec![
        placed("Generalized Decision Records", 1, 160.0, 440.0, 120.0, 14.0),
        placed(
            "Oliver Kopp and Anita Armbruster",
            1,
            240.0,
            390.0,
            169.0,
            9.5,
        ),
        placed("IAAS, University of Stuttgart", 1, 250.0, 380.0, 190.0, 9.0),
    ];
    for r in 0..6 {
        lines.push(placed(
            prose,
            1,
            130.0,
            480.0,
            260.0 + 12.0 * r as f32,
            10.0,
        ));
    }
    for page in 2..=5 {
        let head = if page % 2 == 0 {
            "Oliver Kopp and Anita Armbruster"
        } else {
            "Generalized Decision Records"
        };
        lines.push(placed(head, page, 130.0, 300.0, 96.0, 10.0));
        for r in 0..6 {
            lines.push(placed(
                prose,
                page,
                130.0,
                480.0,
                130.0 + 12.0 * r as f32,
                10.0,
            ));
        }
    }
    lines
}

#[test]
fn an_author_line_under_the_title_is_not_its_running_head() {
    let lines = paper_with_author_heads();
    let mut verdict = vec![None; lines.len()];
    mark_banded(&lines, 3, &mut verdict);
    let gone = |page: usize, text: &str| {
        lines
            .iter()
            .zip(&verdict)
            .any(|(l, v)| l.page == page && l.plain() == text && v.is_some())
    };
    // The later pages' heads go; the first page's by-line, under the title and lower
    // than the heads stand, stays for the title block.
    assert!(gone(2, "Oliver Kopp and Anita Armbruster"));
    assert!(gone(4, "Oliver Kopp and Anita Armbruster"));
    assert!(!gone(1, "Oliver Kopp and Anita Armbruster"));

    // The same line at the head of the first page, where the others stand, is the
    // running head there too.
    let mut lines = paper_with_author_heads();
    lines.remove(0);
    lines[0] = crate::lines::test_placed(
        "Oliver Kopp and Anita Armbruster",
        1,
        130.0,
        300.0,
        96.0,
        10.0,
    );
    let mut verdict = vec![None; lines.len()];
    mark_banded(&lines, 2, &mut verdict);
    assert!(verdict[0].is_some());
}

#[test]
fn values_repeat_only_as_the_same_figures() {
    // Cells of a table at the edges of its pages: one shape, different values.
    assert_ne!(repeat_key("11.1%"), repeat_key("33.0%"));
    assert_ne!(repeat_key("2453496"), repeat_key("1307439"));
    assert_ne!(repeat_key("$1,250"), repeat_key("$2,500"));
    assert_eq!(repeat_key("19.0%"), repeat_key(" 19.0% "));
    // Headers with words, section heads and register page numbers keep their shape.
    assert_eq!(
        repeat_key("Annual Report 2023 | 14"),
        repeat_key("Annual Report 2023 | 15")
    );
    assert_eq!(repeat_key("§ 1308.01"), repeat_key("§ 1308.12"));
    assert_eq!(repeat_key("47699"), repeat_key("47700"));
}

/// An invoice printed with its copy: the two pages share nearly all their text, so the
/// number and dates each repeats at its top are the form's own, not a running header.
/// Pages of one form filled in with other figures are no copies (above).
#[test]
fn a_page_and_its_copy_keep_what_they_repeat() {
    let placed = crate::lines::test_placed;
    let mut lines = Vec::new();
    for page in 1..=2 {
        lines.push(placed(
            "Faktura nr FV 1/2021",
            page,
            72.0,
            250.0,
            60.0,
            12.0,
        ));
        lines.push(placed(
            "Data wystawienia: 2021-04-26",
            page,
            72.0,
            250.0,
            76.0,
            10.0,
        ));
        for (r, row) in [
            "Sprzedawca: Firma Przykładowa",
            "Nabywca: Jan Kowalski",
            "Usługa programistyczna 1 szt.",
            "Razem do zapłaty: 1 230,00 PLN",
            "Słownie: jeden tysiąc dwieście trzydzieści",
            "Forma płatności: przelew",
            "Termin płatności: 2021-05-10",
            "Numer konta: 00 1234 5678 9012",
        ]
        .iter()
        .enumerate()
        {
            lines.push(placed(
                row,
                page,
                72.0,
                400.0,
                200.0 + 20.0 * r as f32,
                10.0,
            ));
        }
        lines.push(placed(
            "Wydruk z systemu wersja 21.2",
            page,
            72.0,
            250.0,
            800.0,
            8.0,
        ));
    }
    let mut verdict = vec![None; lines.len()];
    mark_banded(&lines, 0, &mut verdict);
    assert!(verdict.iter().all(Option::is_none), "{verdict:?}");
}

/// A contents entry at the top of one page and the heading it names at the top of the
/// next ("1 Foo") repeat on two pages, but not set alike: no running header.
#[test]
fn a_contents_entry_and_its_heading_are_no_running_header() {
    let placed = crate::lines::test_placed;
    let prose = "Hello, here is some text without a meaning, set across the whole measure.";
    let mut lines = vec![
        placed("Contents", 1, 72.0, 160.0, 80.0, 14.0),
        placed("1 Foo", 1, 72.0, 110.0, 100.0, 10.0),
        placed("2 Bar", 1, 72.0, 110.0, 112.0, 10.0),
        placed("1 Foo", 2, 72.0, 130.0, 80.0, 14.4),
    ];
    for page in 1..=2 {
        for r in 0..6 {
            lines.push(placed(
                prose,
                page,
                72.0,
                520.0,
                300.0 + 12.0 * r as f32,
                10.0,
            ));
        }
    }
    lines.sort_by_key(|l| l.page);
    assert_eq!(gone(&lines), Vec::<String>::new(), "contents first");
    // The heading first, its smaller copy on the next page: the same two lines, which
    // must not depend on which copy is read first.
    for l in &mut lines {
        l.page = 3 - l.page;
    }
    lines.sort_by_key(|l| l.page);
    assert_eq!(gone(&lines), Vec::<String>::new(), "heading first");
}

/// The lines the banded pass takes for furniture.
fn gone(lines: &[TextLine]) -> Vec<String> {
    gone_below(lines, 0)
}

/// [`gone`], with the first page's title block ending before line `zone_end`.
fn gone_below(lines: &[TextLine], zone_end: usize) -> Vec<String> {
    let mut verdict = vec![None; lines.len()];
    mark_banded(lines, zone_end, &mut verdict);
    lines
        .iter()
        .zip(&verdict)
        .filter(|(_, v)| v.is_some())
        .map(|(l, _)| l.text.clone())
        .collect()
}

/// Three pages of a long table that prints its column heads again at each page's top,
/// with a population of five figures in the first row of the second page and the last
/// row of the third (as a table of capitals does). The first page's heads stand under
/// the document's title, drawn after them.
fn long_table() -> Vec<TextLine> {
    let placed = crate::lines::test_placed;
    let columns = [60.0, 200.0, 340.0, 460.0];
    let mut lines = Vec::new();
    for page in 1..=3 {
        for (c, head) in ["Country", "Capital", "Population", "Year"]
            .iter()
            .enumerate()
        {
            lines.push(placed(
                head,
                page,
                columns[c],
                columns[c] + 60.0,
                130.0,
                10.0,
            ));
        }
        if page == 1 {
            lines.push(placed("World Capital Cities", 1, 200.0, 400.0, 90.0, 20.0));
        }
        for r in 0..20 {
            let population = match (page, r) {
                (2, 0) => "94874".to_string(),
                (3, 19) => "37540".to_string(),
                _ => format!("{}", 1_000_000 + 7_919 * (page * 20 + r)),
            };
            let row = [
                format!("Country {}", page * 20 + r),
                format!("City {}", page * 20 + r),
                population,
                format!("{}", 2000 + (page * 7 + r) % 22),
            ];
            for (c, cell) in row.iter().enumerate() {
                let baseline = 150.0 + 14.0 * r as f32;
                lines.push(placed(
                    cell,
                    page,
                    columns[c],
                    columns[c] + 60.0,
                    baseline,
                    10.0,
                ));
            }
        }
    }
    lines
}

#[test]
fn a_table_keeps_its_cells_at_the_page_edges() {
    let lines = long_table();
    let mut verdict = vec![None; lines.len()];
    mark_banded(&lines, 0, &mut verdict);
    let gone = |text: &str, page: usize| {
        lines
            .iter()
            .zip(&verdict)
            .any(|(l, v)| l.page == page && l.plain() == text && v.is_some())
    };
    // A value beside its row's other cells is the table's, whatever repeats its shape.
    assert!(!gone("94874", 2));
    assert!(!gone("37540", 3));
    // The first page's column heads are the table's head; the later pages' copies, beside
    // nothing but one another, are repeated furniture.
    assert!(!gone("Country", 1));
    assert!(gone("Country", 2) && gone("Capital", 3));
}

/// Three pages of a maintenance log: the log's name at each page's top, then the page's
/// own service and its items, the first of which recurs on every page at the same place.
/// Under the service's name, which does not repeat, the recurring item is the page's content.
#[test]
fn a_repeated_line_below_the_pages_own_text_stays() {
    let placed = crate::lines::test_placed;
    let mut lines = Vec::new();
    for (p, interval) in ["First service", "Second service", "Third service"]
        .iter()
        .enumerate()
    {
        let page = p + 1;
        lines.push(placed("MAINTENANCE LOG", page, 240.0, 350.0, 36.0, 14.0));
        lines.push(placed(interval, page, 146.0, 250.0, 66.0, 9.8));
        lines.push(placed(
            "■ Add fuel additive or equivalent",
            page,
            50.0,
            190.0,
            81.0,
            8.3,
        ));
        for (r, item) in ["■ Inspect wiper blades", "■ Rotate tires", "■ Check brakes"]
            .iter()
            .enumerate()
        {
            lines.push(placed(
                item,
                page,
                50.0,
                160.0,
                100.0 + 11.0 * r as f32,
                8.3,
            ));
        }
        for r in 0..20 {
            let text = format!("Record {r} of the service done on page {page} by the dealer");
            lines.push(placed(
                &text,
                page,
                50.0,
                340.0,
                160.0 + 11.0 * r as f32,
                8.3,
            ));
        }
    }
    assert_eq!(gone(&lines), vec!["MAINTENANCE LOG"; 3]);
}

/// A gazette's pages: the page number (five figures, as a volume paginated through prints
/// it) at the top, then a masthead on the first page and text on every page. The first
/// page's number, in its title block, goes with the others when the later pages go on
/// counting; a year alone at the top of the first page does not count pages.
#[test]
fn the_first_page_number_of_a_counted_run_goes_from_the_title_block() {
    let placed = crate::lines::test_placed;
    let mut lines = Vec::new();
    let number = |page: usize| placed(&format!("{}", 47697 + page), page, 45.0, 76.0, 42.0, 11.0);
    for page in 1..=3 {
        // The later pages' numbers are read after their text (set in the outer corner).
        if page == 1 {
            lines.push(number(page));
            lines.push(placed("2020", page, 500.0, 530.0, 42.0, 11.0));
            lines.push(placed("Proposed Rules", page, 45.0, 183.0, 69.0, 18.0));
        }
        let words = [
            "agency", "rule", "comment", "docket", "safety", "aircraft", "notice",
        ];
        for r in 0..20 {
            let text = format!(
                "The {} proposes a {} on the {} for {} operators",
                words[(r + page) % 7],
                words[(r * 3 + page) % 7],
                words[(r * 5 + 2 * page) % 7],
                words[(r + 3 * page) % 7]
            );
            lines.push(placed(
                &text,
                page,
                45.0,
                300.0,
                120.0 + 9.0 * r as f32,
                8.0,
            ));
        }
        if page > 1 {
            lines.push(number(page));
        }
    }
    // The title block: the first page's number, year and masthead.
    assert_eq!(gone_below(&lines, 3), ["47698", "47699", "47700"]);
}

/// Sections each open a page under their heading with the same short line; the last
/// section's line runs over onto a page of its own, where it stands first. Under the
/// headings the copies are the pages' text, so the one left at an edge repeats nothing.
#[test]
fn a_line_whose_other_copies_stand_under_headings_stays() {
    let placed = crate::lines::test_placed;
    let mut lines = Vec::new();
    for page in 1..=3 {
        lines.push(placed(
            &format!("{page} {} Section", ["First", "Second", "Third"][page - 1]),
            page,
            72.0,
            200.0,
            90.0,
            14.0,
        ));
        lines.push(placed("Some text here..", page, 72.0, 150.0, 110.0, 10.0));
        for r in 0..8 {
            let text = format!("Line {r} of the argument section {page} makes at length");
            lines.push(placed(
                &text,
                page,
                72.0,
                520.0,
                122.0 + 12.0 * r as f32,
                10.0,
            ));
        }
        lines.push(placed(&format!("{page}"), page, 300.0, 306.0, 760.0, 10.0));
    }
    lines.push(placed("Some text here..", 4, 72.0, 150.0, 90.0, 10.0));
    lines.push(placed("4", 4, 300.0, 306.0, 760.0, 10.0));
    assert_eq!(gone(&lines), vec!["1", "2", "3", "4"]);
}
