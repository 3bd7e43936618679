use super::*;

pub(super) fn block(text: &str) -> (TitleBlock, Report) {
    let lines: Vec<TextLine> = text
        .split('\n')
        .enumerate()
        .map(|(i, l)| TextLine::new(l, 1, i + 1))
        .collect();
    let mut r = Report::default();
    let dict = WordCase::from_lines(&lines);
    (extract(&lines, &dict, None, &mut r), r)
}

pub(super) const BODY: &str =
    "The opening paragraph of the body has plenty of words in it to count as prose.";

#[test]
fn seed_like_title_block() {
    let text = format!(
        "\n\nPOLICY BRIEF\n\nHARBOUR INSTITUTE FOR OCEAN AFFAIRS\n\nWeb: www.example.org\n\nPhone: +1-555-0100 Fax: +1-555-0101\n\nTIDES OF TRADE: PORT CONGESTION IN WEST AFRICA\n\nBy Amara Okafor and Jean Dupont\n\nSenior Fellow\nOcean Economics Programme, HIOA\n\nEdited by **Dr Priya Raman**\n\n16 March 2025\n\n(Views expressed are those of the authors alone)\n\n{BODY}"
    );
    let (tb, r) = block(&text);
    let m = &tb.metadata;
    assert_eq!(m.doc_type.as_deref(), Some("POLICY BRIEF"));
    assert_eq!(
        m.publisher.as_deref(),
        Some("HARBOUR INSTITUTE FOR OCEAN AFFAIRS")
    );
    assert_eq!(
        m.title.as_deref(),
        Some("TIDES OF TRADE: PORT CONGESTION IN WEST AFRICA")
    );
    assert_eq!(
        m.authors
            .iter()
            .map(|a| a.name.as_str())
            .collect::<Vec<_>>(),
        ["Amara Okafor", "Jean Dupont"]
    );
    assert_eq!(m.authors[1].role.as_deref(), Some("Senior Fellow"));
    assert_eq!(
        m.authors[1].affiliation.as_deref(),
        Some("Ocean Economics Programme, HIOA")
    );
    assert_eq!(m.editors[0].name, "Dr Priya Raman");
    assert_eq!(
        m.date.as_ref().and_then(|d| d.iso()).as_deref(),
        Some("2025-03-16")
    );
    assert!(m.rights.as_deref().unwrap().starts_with("(Views"));
    assert_eq!(r.count(ActionKind::ContactLine), 2);
    assert!(
        !tb.consumed.iter().any(|&i| i >= 26),
        "body line not consumed"
    );
}

#[test]
fn mixed_case_title_over_two_lines_with_hyphenation_and_two_by_lines() {
    let text = format!(
        "SCHOOL OF POLICY — WORKING PAPER SERIES\nRESEARCH ARTICLE\nWorking in the Rain: Crop Insur-\nance in Two Valleys\nBy Ana Silva\nDepartment of Economics, School of Policy\nBy Tomás Ruiz\nClimate Lab, Andes University\nNovember 2024\nAbstract\n{BODY}"
    );
    let (tb, _) = block(&text);
    let m = &tb.metadata;
    assert_eq!(m.publisher.as_deref(), Some("SCHOOL OF POLICY"));
    assert_eq!(m.doc_type.as_deref(), Some("RESEARCH ARTICLE"));
    assert_eq!(
        m.title.as_deref(),
        Some("Working in the Rain: Crop Insurance in Two Valleys")
    );
    assert_eq!(m.authors.len(), 2);
    assert_eq!(
        m.authors[0].affiliation.as_deref(),
        Some("Department of Economics, School of Policy")
    );
    assert_eq!(
        m.date.as_ref().and_then(|d| d.iso()).as_deref(),
        Some("2024-11")
    );
    assert!(!tb.consumed.contains(&9), "Abstract stays in the body");
}

#[test]
fn caps_title_with_mixed_case_subtitle() {
    let text = format!(
        "ISSUE BRIEF\n\nCHIPS AND CHOKEPOINTS\n\nHow Export Controls Reshape Supply Chains\n\nBy Lee Min-jun\n\nMay 2, 2024\n\n{BODY}"
    );
    let (tb, _) = block(&text);
    assert_eq!(tb.metadata.title.as_deref(), Some("CHIPS AND CHOKEPOINTS"));
    assert_eq!(
        tb.metadata.subtitle.as_deref(),
        Some("How Export Controls Reshape Supply Chains")
    );
}

fn placed(text: &str, page: usize, n: usize, x0: f32, baseline: f32) -> TextLine {
    let mut l = crate::lines::test_placed(text, page, x0, x0 + 150.0, baseline, 9.0);
    l.source_line = n;
    l
}

#[test]
fn branding_lines_take_their_baseline_partner_but_not_note_urls() {
    let meta = Metadata {
        doc_type: Some("Research Note".into()),
        publisher: Some("Gulf Centre for Digital Studies".into()),
        ..Default::default()
    };
    let mut lines = vec![
        placed("Opening paragraph of the note.", 1, 1, 50.0, 100.0),
        placed("GCSDS Research Note 2024/05", 2, 2, 50.0, 40.0),
        placed("Digital Infrastructure Programme", 2, 3, 400.0, 40.3),
        placed(
            "Body text that continues on the second page",
            2,
            4,
            50.0,
            80.0,
        ),
        placed(
            "2023. https://www.example.ae/research-notes/cables-and-clouds",
            2,
            5,
            50.0,
            780.0,
        ),
    ];
    let mut report = Report::default();
    remove_branding_lines(&mut lines, &meta, &mut report);
    let left: Vec<usize> = lines.iter().map(|l| l.source_line).collect();
    assert_eq!(left, vec![1, 4, 5]);
    assert_eq!(report.actions.len(), 2);
}

#[test]
fn a_bold_numbered_heading_repeating_the_title_opens_its_page() {
    let meta = Metadata {
        title: Some("Apparent and average accelerations of the Universe".into()),
        ..Default::default()
    };
    // Test lines are built from plain text: the bold is set on the line itself.
    let mut heading = placed(
        "4. The apparent and average accelerations",
        2,
        2,
        50.0,
        40.0,
    );
    heading.text = crate::rich::bold(&heading.text);
    let mut lines = vec![
        placed("Opening paragraph of the article.", 1, 1, 50.0, 100.0),
        heading,
        placed(
            "Body text that continues on the second page",
            2,
            3,
            50.0,
            80.0,
        ),
        // Set plainly, the same words at the page's foot are a running foot.
        placed("The apparent and average accelerations", 2, 4, 50.0, 780.0),
    ];
    let mut report = Report::default();
    remove_branding_lines(&mut lines, &meta, &mut report);
    let left: Vec<usize> = lines.iter().map(|l| l.source_line).collect();
    assert_eq!(left, vec![1, 2, 3]);
}

/// A title of two lines repeated at the top of the article's first page after a cover:
/// its first line names the publication and its second goes with it; a caption that
/// repeats the title's words at a page's top stays.
#[test]
fn a_title_repeated_on_two_lines_goes_whole_and_a_caption_stays() {
    let meta = Metadata {
        title: Some(
            "Overview of the Technology Acceptance Model: Origins, Developments and Future \
             Directions"
                .into(),
        ),
        ..Default::default()
    };
    let mut lines = vec![
        placed("Cover page of the working paper.", 1, 1, 50.0, 100.0),
        placed(
            "Overview of the Technology Acceptance Model:",
            2,
            2,
            50.0,
            40.0,
        ),
        placed(
            "Origins, Developments and Future Directions",
            2,
            3,
            50.0,
            51.0,
        ),
        placed(
            "Body text that opens the second page here",
            2,
            4,
            50.0,
            80.0,
        ),
        placed(
            "Table 1. Overview of the Technology Acceptance Model",
            3,
            5,
            50.0,
            40.0,
        ),
        placed(
            "Body text that continues on the third page",
            3,
            6,
            50.0,
            80.0,
        ),
    ];
    let mut report = Report::default();
    remove_branding_lines(&mut lines, &meta, &mut report);
    let left: Vec<usize> = lines.iter().map(|l| l.source_line).collect();
    assert_eq!(left, vec![1, 4, 5, 6]);
}

#[test]
fn a_wrapped_address_takes_its_last_words_along() {
    let address = placed(
        "Tower 3, Level 21, Abu Dhabi, United Arab",
        1,
        1,
        300.0,
        60.0,
    );
    let tail = placed("Emirates", 1, 2, 480.0, 68.0);
    assert!(is_address_tail(&address, &tail));
    let sentence = placed("This paragraph ends here.", 1, 2, 300.0, 68.0);
    assert!(!is_address_tail(&address, &sentence));
    let mut big = tail.clone();
    big.geometry.as_mut().unwrap().font_size = 19.0;
    assert!(!is_address_tail(&address, &big));
}

/// A page-1 line at `y` (its baseline) set in type of `size`.
fn sized(text: &str, n: usize, size: f32, y: f32) -> TextLine {
    let mut l = placed(text, 1, n, 65.0, y);
    let g = l.geometry.as_mut().unwrap();
    g.font_size = size;
    g.bbox.y0 = y - size;
    l
}

#[test]
fn letterhead_over_two_lines_with_the_organisation_word_second() {
    let lines = vec![
        sized("ANDEAN URBAN RESEARCH", 1, 12.5, 76.0),
        sized("NETWORK", 2, 12.5, 91.0),
        sized("RESEARCH NOTE", 3, 9.5, 118.0),
        sized("Fares and Buses in Three Capitals", 4, 17.0, 140.0),
        sized("By Camila Restrepo", 5, 10.5, 180.0),
        sized(BODY, 6, 10.5, 200.0),
    ];
    let mut r = Report::default();
    let tb = extract(&lines, &WordCase::from_lines(&lines), None, &mut r);
    assert_eq!(
        tb.metadata.publisher.as_deref(),
        Some("ANDEAN URBAN RESEARCH NETWORK")
    );
    assert!(tb.consumed.contains(&0) && tb.consumed.contains(&1));
}

#[test]
fn a_contents_page_gives_no_title() {
    // A newspaper's section index: capitals with dot leaders, a date above, no credit.
    let text = format!(
        "SECTIONS\n2\n14\nSUNDAY, NOVEMBER 4, 2007\nCONTENTS\nARTS & LEISURE. . .\nHOLIDAY MOVIES .\nBUSINESS ....\nNEW JERSEY WEEKLY\nLONG ISLAND WEEKLY .\n{BODY}"
    );
    let (tb, _) = block(&text);
    assert_eq!(tb.metadata.title, None, "{:?}", tb.metadata);
    assert!(tb.consumed.iter().all(|&i| i < 4), "{:?}", tb.consumed);
}

#[test]
fn a_title_above_the_contents_list_is_still_the_title() {
    let text = format!(
        "ANNUAL REVIEW OF HARBOUR TRADE\n\nContents\nForeword ........ 2\nThe year in numbers ........ 4\n{BODY}"
    );
    let (tb, _) = block(&text);
    assert_eq!(
        tb.metadata.title.as_deref(),
        Some("ANNUAL REVIEW OF HARBOUR TRADE")
    );
    // An ellipsis of three dots is not a leader.
    assert!(!is_contents_line("Wait for it... The Long Pause"));
    assert!(is_contents_line("Travel ....... 4"));
}

#[test]
fn plain_text_mixed_case_title_needs_blank_lines_around_it() {
    // A form's first row, straight above more rows: not a title.
    let form = format!(
        "Insured name Gabriel Diaz Year 2022\nClaim # SF-1008 Make Jeep\nPolicy # POL-2022-555 Model Grand Cherokee\nPhone (425) 111-1111 Trim Limited\nColor White\n{BODY}"
    );
    let (tb, _) = block(&form);
    assert_eq!(tb.metadata.title, None, "{:?}", tb.metadata);
    assert!(tb.metadata.authors.is_empty(), "{:?}", tb.metadata.authors);
    // A heading-like phrase left on a dash leads into the text below.
    let (tb, _) = block(&format!("Government of India -\n\n{BODY}"));
    assert_eq!(tb.metadata.title, None);
    // Set apart by blank lines, under a document type, or with a date under it, it is
    // the title.
    let (tb, _) = block(&format!(
        "POLICY PAPER\nWho Saves for the Self-Employed?\nIngrid Solheim* and Tobias Reuter†\n{BODY}"
    ));
    assert_eq!(
        tb.metadata.title.as_deref(),
        Some("Who Saves for the Self-Employed?")
    );
    let (tb, _) = block(&format!("\nWorking in the Rain\n\n{BODY}"));
    assert_eq!(tb.metadata.title.as_deref(), Some("Working in the Rain"));
    // In text that sets every line apart with blank lines, a line whose sentence goes
    // on in lower case past the blank line is no title, nor is a line under a sentence
    // of running text (Hangul has no case to tell).
    let spaced = "Coverage\n\nBy the end of March the insurers\n\ncounted nine thousand cases.\n\n";
    let (tb, _) = block(&format!("{spaced}{BODY}"));
    assert_eq!(tb.metadata.title, None, "{:?}", tb.metadata);
    // A first line in a script without case, a blank line under it: no evidence.
    let (tb, _) = block(&format!("وعليه، فإن الحكومة المصرية تضع\n\n{BODY}"));
    assert_eq!(tb.metadata.title, None, "{:?}", tb.metadata);
    let spaced = "들어가며\n\n진자는 9,661명, 사망자는 158명으로 나타났다.\n\n\
                  3.11. 코로나-19가 세계적 유행(Pandemic) 단계\n\n에 돌입하였음을 선언하였다.\n\n";
    let (tb, _) = block(&format!("{spaced}{BODY}"));
    assert_eq!(tb.metadata.title, None, "{:?}", tb.metadata);
    let (tb, _) = block(&format!("Working in the Rain\nNovember 2024\n{BODY}"));
    assert_eq!(tb.metadata.title.as_deref(), Some("Working in the Rain"));
    // An author list with affiliation marks right under it.
    let (tb, _) = block(&format!(
        "Phytochemical and Biological investigations\nof Phoenix paludosa Roxb.\nFarzana Alam1\n, Mohammad S. Rahman2\n{BODY}"
    ));
    assert!(
        tb.metadata
            .title
            .as_deref()
            .is_some_and(|t| t.starts_with("Phytochemical and Biological")),
        "{:?}",
        tb.metadata
    );
    assert!(!opens_with_person(
        "Policy # POL-2022-555 Model Grand Cherokee"
    ));
    assert!(opens_with_person("Xiaolu Huang,1,2 Xinhua Qu,1,2"));
    assert!(!ends_on_a_dash("Crop Insur-"));
    assert!(ends_on_a_dash("Government of India –"));
}

#[test]
fn side_by_side_headings_over_a_form_are_not_authors() {
    let text = format!(
        "          Customer Information                    Vehicle Information\nInsured name     Gabriel Diaz               Year       2022\nClaim #          SF-1008                    Make       Jeep\n{BODY}"
    );
    let (tb, _) = block(&text);
    assert!(tb.metadata.authors.is_empty(), "{:?}", tb.metadata.authors);
    // Two authors side by side, one role under each, stay authors.
    let text = format!(
        "WORKING IN THE RAIN\n\n          Ana Silva                    Tomás Ruiz\n          Senior Fellow                Research Associate\n{BODY}"
    );
    let (tb, _) = block(&text);
    assert_eq!(tb.metadata.authors.len(), 2, "{:?}", tb.metadata);
}

#[test]
fn a_form_row_with_a_number_like_a_phone_is_not_a_contact_line() {
    assert_eq!(
        role_of(
            "Order / Rev:            2024-12-5678              Cinema:          Downtown Multiplex"
        ),
        Role::Other
    );
    assert_eq!(
        role_of("Phone:            +47 22 41 80 00              Fax:          +47 22 41 80 01"),
        Role::Contact
    );
}

/// A repository's cover sheet: its name and the work's title in the same bold type, the
/// work's citation further down repeating the title after the year.
#[test]
fn cover_sheet_title_is_the_one_its_citation_repeats() {
    let rows: [(&str, f32, f32); 8] = [
        ("City University Research Portal", 12.0, 114.0),
        ("Harbour Congestion and the Price", 12.0, 214.0),
        ("of West African Rice", 12.0, 228.0),
        ("Okafor, A.; Dupont, J.", 12.0, 244.0),
        ("Link to publication", 10.0, 342.0),
        ("Citation for published version (APA):", 10.0, 402.0),
        (
            "Okafor, A., & Dupont, J. (2019). Harbour Congestion and the Price of",
            10.0,
            412.0,
        ),
        (
            "West African Rice. Journal of Ports, 4(2), 1-20.",
            10.0,
            422.0,
        ),
    ];
    let lines: Vec<TextLine> = rows
        .iter()
        .enumerate()
        .map(|(i, (t, size, base))| {
            let mut l = crate::lines::test_placed(t, 1, 57.0, 400.0, *base, *size);
            l.source_line = i + 1;
            l
        })
        .collect();
    let mut r = Report::default();
    let dict = WordCase::from_lines(&lines);
    let tb = extract(&lines, &dict, None, &mut r);
    assert_eq!(
        tb.metadata.title.as_deref(),
        Some("Harbour Congestion and the Price of West African Rice")
    );
    // Without the citation's year the same words are not evidence.
    let mut undated = lines.clone();
    undated[6].text = "Okafor, A., & Dupont, J. Harbour Congestion and the Price of".into();
    let tb = extract(&undated, &dict, None, &mut Report::default());
    assert_ne!(
        tb.metadata.title.as_deref(),
        Some("Harbour Congestion and the Price of West African Rice")
    );
}

#[test]
fn legal_and_editor_tests_never_turn_away_a_match() {
    use crate::test_phrases::{assert_necessary, phrases};
    let legal = phrases(
        &[
            "registered",
            "charity",
            "no",
            "number",
            "registration",
            "company",
            "in",
            "issn",
            "isbn",
            "©",
            " ",
            " ",
            "x",
            ".",
        ],
        20_000,
    );
    let has_word = |t: &str| LEGAL_WORDS.iter().any(|w| t.contains(w));
    assert!(assert_necessary(&LEGAL, has_word, &legal) > 100);
    let mut editor = phrases(
        &[
            "edited", "editor", "editors", "series", "reviewed", "by", ":", " ", "ana", "x",
        ],
        20_000,
    );
    editor.extend(crate::test_phrases::filled(&[
        &[
            "edited",
            "editor",
            "editors",
            "series editor",
            "series editors",
            "reviewed",
            "edit",
            "x",
        ],
        &[" ", ""],
        &["by", ":", ""],
        &[" ", ""],
        &[":", ""],
        &[" "],
        &["ana", "x"],
    ]));
    let opens = |t: &str| EDITOR_OPENINGS.iter().any(|w| t.starts_with(w));
    assert!(assert_necessary(&EDITOR_LINE, opens, &editor) > 100);
    editor.extend(crate::test_phrases::phrases(
        &[
            "edited", "by", "editors", ":", " ", "\u{a0}", "\u{3000}", "\n", "ana",
        ],
        20_000,
    ));
    crate::test_phrases::assert_same_matches(&[(EDITOR_LINE_AS_WRITTEN, &*EDITOR_LINE)], &editor);
}

#[test]
fn a_sentence_cut_by_the_title_zone_is_no_title() {
    // Raw text of a page that opens mid-column: the first lines are the end of a sentence
    // that runs on in lower case into the prose that ends the title zone.
    let text = "stakeholders has occurred in other nations, with groups and\nindividuals refusing to risk being appropriated into the\nindustry's public relations ambitions. It now looks like that\nwith vigilance, tobacco control advocates can easily foment\nsimilar distaste in many areas of the business community.\nOur actions sought to denormalise the tobacco industry by disrupting its efforts.";
    let (tb, _) = block(text);
    assert_eq!(tb.metadata.title, None);
    assert!(tb.consumed.is_empty());
}

#[test]
fn a_capitals_title_keeps_no_subtitle_whose_sentence_runs_on() {
    let text = "3.4 EXERCISES\nFor the following exercises, the given functions represent\nthe position of a particle traveling along a horizontal line.\na. Find the velocity and acceleration functions.";
    let (tb, _) = block(text);
    assert_eq!(tb.metadata.title.as_deref(), Some("3.4 EXERCISES"));
    assert_eq!(tb.metadata.subtitle, None);
    assert_eq!(tb.consumed, vec![0]);
}

#[test]
fn a_letterhead_opening_each_page_is_no_title_block() {
    let page = |p: usize, customer: &str| {
        format!(
            "ZAVA AUTO REPAIR\nCertified Collision Repair\n123 Main Street, Redmond, WA 98052\nPhone: (425) 000-0000\n\nPreliminary Estimate (ID: EST-1008)\nInsured name     {customer}\nClaim #          SF-100{p}\nGRAND TOTAL      5,738"
        )
    };
    let text = [page(1, "Gabriel Diaz"), page(2, "Bruce Wayne")];
    let mut lines: Vec<TextLine> = Vec::new();
    for (p, t) in text.iter().enumerate() {
        for l in t.split('\n') {
            let n = lines.len() + 1;
            lines.push(TextLine::new(l, p + 1, n));
        }
    }
    let mut r = Report::default();
    let dict = WordCase::from_lines(&lines);
    let tb = extract(&lines, &dict, None, &mut r);
    assert_eq!(tb.metadata.title, None);
    assert!(tb.metadata.authors.is_empty());
    assert!(tb.consumed.is_empty(), "{:?}", tb.consumed);
    // On one page the same lines are a title block as usual.
    let (one, _) = block(&page(1, "Gabriel Diaz"));
    assert!(!one.consumed.is_empty());
}

#[test]
fn a_capitals_name_over_form_fields_is_no_title_in_plain_text() {
    let (tb, _) = block(
        "BOOKING ORDER Print Date 12/15/2024 14:30:22\nPage 1 of 1\nSTARLIGHT CINEMAS\nOrders\nOrder / Rev: 2024-12-5678\nAlt Order #: SC-WINTER-2024\nProduct Desc: Holiday Movie Marathon Package\nEstimate: EST-456",
    );
    assert_eq!(tb.metadata.title, None);
    assert!(tb.consumed.is_empty(), "{:?}", tb.consumed);
    // A memo's heading fields stand under its title.
    let (memo, _) = block(
        "QUARTERLY BUDGET REVIEW\n\nTo: All department heads\nFrom: Finance office\nDate: 3 March 2025\nSubject: Spending limits",
    );
    assert_eq!(
        memo.metadata.title.as_deref(),
        Some("QUARTERLY BUDGET REVIEW")
    );
}

#[test]
fn a_month_over_a_page_of_notes_is_no_title_and_no_lone_word_stands_in() {
    let mut lines = vec![
        sized("February", 1, 46.0, 90.0),
        sized("Flow", 2, 35.0, 71.0),
    ];
    for (k, word) in ["Data Components", "Code", "Webtext", "Deepseek"]
        .into_iter()
        .enumerate()
    {
        lines.push(sized(word, 3 + k, 30.0, 140.0 + 40.0 * k as f32));
    }
    lines.push(sized("MIXES", 7, 37.0, 436.0));
    let dict = WordCase::from_lines(&lines);
    let mut report = Report::default();
    let block = extract(&lines, &dict, None, &mut report);
    assert_eq!(block.metadata.title, None);
    // The same page under a real title in the largest type keeps it.
    lines[0] = sized("Notes on Training Data", 1, 46.0, 90.0);
    let dict = WordCase::from_lines(&lines);
    let block = extract(&lines, &dict, None, &mut report);
    assert_eq!(
        block.metadata.title.as_deref(),
        Some("Notes on Training Data")
    );
}

#[test]
fn a_subtitle_set_apart_from_the_title_is_taken_when_the_declared_title_names_it() {
    let lines = vec![
        sized("WORLD ECONOMIC OUTLOOK", 1, 40.0, 120.0),
        sized("UPDATE", 2, 30.0, 170.0),
        sized("Inflation Peaking", 3, 20.0, 220.0),
        sized("amid Low Growth", 4, 20.0, 245.0),
        sized(BODY, 5, 10.5, 300.0),
        sized(BODY, 6, 10.5, 314.0),
        sized(BODY, 7, 10.5, 328.0),
    ];
    let dict = WordCase::from_lines(&lines);
    let declared = "World Economic Outlook Update, January 2023: Inflation Peaking amid Low Growth";
    let mut r = Report::default();
    let tb = extract(&lines, &dict, Some(declared), &mut r);
    assert_eq!(tb.metadata.title.as_deref(), Some("WORLD ECONOMIC OUTLOOK"));
    assert_eq!(
        tb.metadata.subtitle.as_deref(),
        Some("Inflation Peaking amid Low Growth")
    );
    assert!(tb.consumed.contains(&2) && tb.consumed.contains(&3));
    assert!(r.actions.iter().any(|a| {
        a.evidence
            .as_deref()
            .is_some_and(|e| e.contains("subtitle"))
    }));
    // Without the declared title the lines are no subtitle.
    let tb = extract(&lines, &dict, None, &mut Report::default());
    assert_eq!(tb.metadata.subtitle, None);
}

#[test]
fn a_printed_title_longer_than_the_declared_one_is_the_title_and_no_author() {
    // A report's bold first line, all at the body's size; the file declares a short
    // form of it. Read by shape alone, the line and the link beside it were names.
    let lines = vec![
        sized("National Weekly Ag Energy Round-Up", 1, 10.0, 30.0),
        sized("Internet Report Link", 2, 10.0, 43.0),
        sized("Ethanol ($/gal)", 3, 10.0, 55.0),
        sized(BODY, 4, 10.0, 68.0),
        sized(BODY, 5, 10.0, 80.0),
    ];
    let dict = WordCase::from_lines(&lines);
    let mut r = Report::default();
    let tb = extract(&lines, &dict, Some("National Ag Energy"), &mut r);
    assert_eq!(
        tb.metadata.title.as_deref(),
        Some("National Weekly Ag Energy Round-Up")
    );
    assert!(tb.metadata.authors.is_empty(), "{:?}", tb.metadata.authors);
}
