//! Page layouts that real reports mix, each in a small PDF of `tests/fixtures/layout/`
//! (written by `scripts/make-layout-fixtures` with ReportLab): what a reader of the Markdown
//! expects from each. Tables come out as tables with every cell in its row and column and
//! nothing of them as a heading, list item or note; columns, bands and boxes read in the
//! order a person reads them; chart labels stay out of the prose; a code listing keeps its
//! lines; a heading is one heading however it is set, and a drop cap opens its word.

mod common;

use brief2md::model::Document;
use common::layout_flow::{Item, fixture, flow, paragraph_at};

fn tables(items: &[Item]) -> Vec<&Vec<Vec<String>>> {
    items
        .iter()
        .filter_map(|i| match i {
            Item::Table(t) => Some(t),
            _ => None,
        })
        .collect()
}

/// The charts' lettering in the flow: each block's place and its lines.
fn charts(items: &[Item]) -> Vec<(usize, &Vec<String>)> {
    items
        .iter()
        .enumerate()
        .filter_map(|(k, i)| match i {
            Item::ChartText(lines) => Some((k, lines)),
            _ => None,
        })
        .collect()
}

fn headings(items: &[Item]) -> Vec<(u8, String)> {
    items
        .iter()
        .filter_map(|i| match i {
            Item::Heading(l, t) => Some((*l, t.clone())),
            _ => None,
        })
        .collect()
}

fn rows(r: &[&[&str]]) -> Vec<Vec<String>> {
    r.iter()
        .map(|row| row.iter().map(|c| c.to_string()).collect())
        .collect()
}

/// Nothing became a heading, a list item or a footnote: neither in the model nor for a
/// CommonMark reader of the Markdown.
fn assert_no_headings_lists_or_notes(doc: &Document, md: &str) {
    let items = flow(doc);
    assert!(
        !items
            .iter()
            .any(|i| matches!(i, Item::Heading(..) | Item::Listed(_))),
        "a heading or list item:\n{md}"
    );
    assert!(doc.footnotes.is_empty(), "a footnote:\n{md}");
    let seen = common::parse_markdown(md);
    assert_eq!(
        (seen.headings, seen.list_items, seen.footnote_definitions),
        (0, 0, 0),
        "{md}"
    );
}

#[test]
fn ruled_table_is_one_pipe_table_with_its_rows_and_columns() {
    let (doc, md) = fixture("ruled-table.pdf");
    let items = flow(&doc);
    let found = tables(&items);
    assert_eq!(found.len(), 1, "one table:\n{md}");
    assert_eq!(
        *found[0],
        rows(&[
            &["Sector", "2019", "2020", "2021"],
            &["Agriculture", "412", "398", "405"],
            &["Industry", "118", "121", "126"],
            &["Households", "64", "66", "69"],
            &["Total", "594", "585", "600"],
        ]),
        "{md}"
    );
    assert!(
        md.lines()
            .zip(md.lines().skip(1))
            .any(|(head, rule)| head.starts_with("| ")
                && head.contains("Sector")
                && head.contains("2021")
                && rule == "| --- | --- | --- | --- |"),
        "a GFM pipe table with its header row:\n{md}"
    );
    assert_no_headings_lists_or_notes(&doc, &md);
    let before = paragraph_at(
        &items,
        "Water withdrawals in the basin are dominated by irrigation, which draws more than two thirds of the total in every year of the record. Industry and households take the rest, and their share has grown slowly as towns along the river have expanded their supply networks. The table below gives the withdrawals by sector in millions of cubic metres.",
        &md,
    );
    let after = paragraph_at(
        &items,
        "The totals changed little over the three years even though the sectors moved in different directions, because the irrigation schemes upstream were rehabilitated and lost less water to seepage than before.",
        &md,
    );
    let table = items.iter().position(|i| matches!(i, Item::Table(_)));
    assert_eq!(table, Some(before + 1), "{md}");
    assert_eq!(after, before + 2, "{md}");
}

#[test]
fn unruled_aligned_table_is_one_pipe_table_with_its_rows_and_columns() {
    let (doc, md) = fixture("unruled-table.pdf");
    let items = flow(&doc);
    let found = tables(&items);
    assert_eq!(found.len(), 1, "one table:\n{md}");
    assert_eq!(
        *found[0],
        rows(&[
            &["Country", "Population (m)", "Capital", "Census year"],
            &["Kenya", "47.6", "Nairobi", "2019"],
            &["Tanzania", "61.7", "Dodoma", "2022"],
            &["Uganda", "45.9", "Kampala", "2024"],
            &["Rwanda", "13.2", "Kigali", "2022"],
            &["Burundi", "12.3", "Gitega", "2008"],
        ]),
        "{md}"
    );
    assert_no_headings_lists_or_notes(&doc, &md);
}

/// The table's data rows as printed: 45 years, 1980 to 2024.
#[test]
fn form_labels_beside_their_values_are_rows_and_the_label_after_stays_out() {
    let (doc, md) = fixture("form-rows.pdf");
    let items = flow(&doc);
    let found = tables(&items);
    assert_eq!(found.len(), 1, "one table:\n{md}");
    // Labels of the longer block, one per line beside their values while the other block
    // is empty there: a row each, not one cell of three lines.
    assert_eq!(
        found[0][3..6],
        rows(&[
            &["Email", "gabriel@example.com", "VIN", "1C4RJFBG2NC123456"],
            &["", "", "Color", "White"],
            &["", "", "Odometer", "9,800"],
        ])[..],
        "{md}"
    );
    assert_eq!(
        found[0].last().map(|r| r[0].as_str()),
        Some("Repair order #"),
        "the last row keeps its label alone:\n{md}"
    );
    // The label under the table heads the remarks: outside the table, before them.
    assert!(
        !found[0].iter().flatten().any(|c| c.contains("Remarks")),
        "{md}"
    );
    let label = paragraph_at(&items, "Remarks", &md);
    let remarks = items
        .iter()
        .position(|i| matches!(i, Item::Paragraph(t) if t.starts_with("Parts prices may vary")))
        .unwrap_or_else(|| panic!("the remarks:\n{md}"));
    assert!(label < remarks, "{md}");
    assert_no_headings_lists_or_notes(&doc, &md);
}

fn yearly_rows() -> Vec<Vec<String>> {
    (0..45)
        .map(|i| {
            vec![
                (1980 + i).to_string(),
                (1100 + (i * 37) % 260).to_string(),
                (310 + (i * 23) % 120).to_string(),
                format!("{}%", 40 + (i * 11) % 55),
            ]
        })
        .collect()
}

/// The long table's parts (one or two tables) and the header row.
fn long_table_parts(doc: &Document, md: &str) -> (Vec<Vec<Vec<String>>>, Vec<String>) {
    let items = flow(doc);
    let found: Vec<Vec<Vec<String>>> = tables(&items).into_iter().cloned().collect();
    assert!(
        (1..=2).contains(&found.len()),
        "one table, or one per page:\n{md}"
    );
    let header = rows(&[&["Year", "Rainfall (mm)", "Runoff (mm)", "Storage"]]).remove(0);
    (found, header)
}

#[test]
fn table_across_a_page_break_keeps_its_rows_in_order_without_page_furniture() {
    let (doc, md) = fixture("table-page-break.pdf");
    let (found, header) = long_table_parts(&doc, &md);
    // Page 1's part: the header row, then 1980 to 2012, each row whole and in order.
    let mut page_one = vec![header];
    page_one.extend(yearly_rows().into_iter().take(33));
    assert_eq!(found[0][..page_one.len()], page_one[..], "{md}");
    for t in &found {
        for cell in t.iter().flatten() {
            assert!(
                !cell.contains("Regional Water Review")
                    && !cell.contains("Basin Statistics")
                    && !cell.contains("Page"),
                "page furniture inside the table: {cell:?}\n{md}"
            );
        }
    }
    // The last row printed is the table's last.
    assert_eq!(
        found.last().and_then(|t| t.last()),
        yearly_rows().last(),
        "{md}"
    );
    assert_no_headings_lists_or_notes(&doc, &md);
    let items = flow(&doc);
    paragraph_at(
        &items,
        "Storage fell below half of capacity in eleven of the forty-five years, most of them in the dry spell of the late nineties, when the runoff stayed low for four seasons.",
        &md,
    );
}

#[test]
fn table_across_a_page_break_keeps_every_row() {
    let (doc, md) = fixture("table-page-break.pdf");
    let (found, header) = long_table_parts(&doc, &md);
    for t in &found {
        assert_eq!(t[0], header, "each part opens with the header row:\n{md}");
    }
    let data: Vec<Vec<String>> = found
        .iter()
        .flat_map(|t| t.iter().filter(|r| **r != header).cloned())
        .collect();
    assert_eq!(data, yearly_rows(), "{md}");
}

#[test]
fn three_columns_read_left_to_right_each_top_to_bottom() {
    let (doc, md) = fixture("three-columns.pdf");
    let items = flow(&doc);
    let columns = [
        "Rivers in the northern districts carry most of their water in the three months after the snow melts, and the old irrigation canals were dug to catch that flood. Farmers open the gates in April and close them when the level falls, a calendar that has hardly changed in two centuries. The canals are cleaned by the villages in turn, each household sending one worker for a week before the water arrives in the fields.",
        "Forests on the upper slopes hold the snow longer than bare ground does, so the melt comes later and more slowly where the trees still stand. Where they were cut for fuel the flood arrives early and short, before the crops need it, and the canals overflow while the fields are still being ploughed. Replanting has begun on the steepest slopes above the largest villages.",
        "Cities downstream take their supply from the same rivers after the canals have drawn their share, which leaves them short in dry years. Their utilities have proposed storage reservoirs in the foothills, an idea the farmers distrust because it would move the timing of the water away from the old calendar and into the hands of engineers.",
    ];
    let at: Vec<usize> = columns
        .iter()
        .map(|t| paragraph_at(&items, t, &md))
        .collect();
    assert!(at.windows(2).all(|w| w[0] < w[1]), "{md}");
    assert_eq!(
        doc.metadata.title.as_deref(),
        Some("The water calendar of the northern valleys")
    );
}

#[test]
fn mixed_page_reads_band_by_band() {
    let (doc, md) = fixture("mixed-columns.pdf");
    let items = flow(&doc);
    let order = [
        paragraph_at(&items, "Market towns along the coast grew around their harbours, and their streets still follow the lines of the old quays. Fishing fleets landed their catch at dawn and traders carried it inland on carts before the heat of the day, so the markets opened early and closed by noon. The pattern survives in the opening hours of the covered market, which still shuts its doors at one in the afternoon.", &md),
        paragraph_at(&items, "Railways reached the coast late in the century and turned several harbours into ports for the mines inland. Warehouses rose along the quays, and the fishing fleets moved to smaller harbours nearby, where the water was cleaner and the mooring cheaper. Most of the warehouses now stand empty, and the council is debating whether to keep them as housing or to clear the land for a park.", &md),
        items
            .iter()
            .position(|i| matches!(i, Item::Heading(_, t) if t == "Second study: inland villages and their wells"))
            .unwrap_or_else(|| panic!("the full-width band's heading:\n{md}")),
        paragraph_at(&items, "This second study surveyed forty villages between the coast and the hills, recording where each took its water, how far women and children walked to fetch it, and how the wells had changed since the village was founded.", &md),
        paragraph_at(&items, "Wells in the lowland villages are shallow and were dug by hand, usually by the families who use them. Many were lined with stone only recently, after a programme paid for the materials, and the lined wells stay clean through the rains far better than the open ones. Villagers keep them covered with a wooden lid and a bucket on a chain.", &md),
        paragraph_at(&items, "Boreholes in the hill villages go much deeper and need hand pumps, which break often and wait months for spare parts. Where a village committee collects a small fee for repairs, the pumps work most of the year; where no fee is collected, half of them stood idle at the time of the survey, and families walked back to the old springs.", &md),
    ];
    assert!(
        order.windows(2).all(|w| w[1] == w[0] + 1),
        "{order:?}\n{md}"
    );
}

/// The end of one article in two columns, the next article's title band, then three
/// columns whose gutters stand elsewhere than the two columns' one: each part is read
/// column by column, the parts top to bottom (no gutter serves the whole page).
#[test]
fn two_columns_then_a_title_band_then_three_columns_read_part_by_part() {
    let (doc, md) = fixture("mixed-bands.pdf");
    let items = flow(&doc);
    let order = [
        paragraph_at(&items, "Orchards on the terraces were replanted after the frost of that winter, and the growers chose hardier apple stocks that flower a fortnight later. The later blossom escapes most spring frosts, although it shortens the season in which the fruit can ripen before the autumn rains. Several growers also planted walnut trees along the upper terraces as a windbreak.", &md),
        paragraph_at(&items, "Cider presses in the valley now buy most of the crop, since the later apples keep less well in store. The cooperative has built a second press to cope with the harvest.", &md),
        items
            .iter()
            .position(|i| matches!(i, Item::Heading(_, t) if t == "Salt marsh grazing and the nesting birds of the estuary"))
            .unwrap_or_else(|| panic!("the title band's heading:\n{md}")),
        paragraph_at(&items, "A field report from the estuary wardens", &md),
        paragraph_at(&items, "Cattle have grazed the salt marsh every summer for as long as records exist, and the short turf they leave is where the redshank and lapwing make their nests. Where grazing stopped the grass grew tall within three years and the nesting pairs left.", &md),
        paragraph_at(&items, "Wardens now agree each spring with the farmers how many cattle go onto each part of the marsh and when. Too many animals trample the nests, too few let the grass grow, so the numbers are set from the counts of the year before.", &md),
        paragraph_at(&items, "High tides in late spring flood the lowest nests whatever the grazing, and those pairs lay again on the higher ground. The wardens mark the flooded nests with canes so that the cattle are kept off the second clutches.", &md),
    ];
    assert!(
        order.windows(2).all(|w| w[1] == w[0] + 1),
        "{order:?}\n{md}"
    );
}

#[test]
fn chart_labels_stay_out_of_headings_notes_and_prose() {
    let (doc, md) = fixture("chart.pdf");
    let items = flow(&doc);
    let before = paragraph_at(
        &items,
        "Exports of processed fish have overtaken those of fresh fish since the cold store at the main harbour opened. The chart below compares the two trades over four years, in millions of dollars at current prices.",
        &md,
    );
    let after = paragraph_at(
        &items,
        "Processed exports grew every year while fresh exports stalled, because the cold store lets the processors buy the catch when prices are low and sell it months later.",
        &md,
    );
    // The caption standing alone under the chart is the figure's.
    let caption = items
        .iter()
        .position(|i| {
            *i == Item::Figure("Figure 1. Fish exports by year, in millions of dollars.".into())
        })
        .unwrap_or_else(|| panic!("no figure with the caption:\n{md}"));
    assert!(before < caption && caption < after, "{md}");
    assert_no_headings_lists_or_notes(&doc, &md);
    // The axis values, the category labels, the legend and the axis title are the chart's
    // lettering: one block between the prose before the chart and its caption, and no
    // part of any paragraph. Nothing is dropped.
    let charts = charts(&items);
    assert_eq!(charts.len(), 1, "one chart:\n{md}");
    let (at, lettering) = charts[0];
    assert!(before < at && at < caption, "{md}");
    for label in [
        "300",
        "200",
        "100",
        "0",
        "2020",
        "2021",
        "2022",
        "2023",
        "Processed",
        "Fresh",
        "USD m",
    ] {
        assert!(
            lettering.iter().any(|l| l == label),
            "label {label:?} not in the chart: {lettering:?}"
        );
        assert!(
            !items.iter().enumerate().any(|(k, i)| k != before
                && k != after
                && matches!(i, Item::Paragraph(p) if p.split_whitespace().any(|w| w == label))),
            "label {label:?} in a paragraph:\n{md}"
        );
    }
    // The chart's title, set above it in bold, stays a line of text.
    assert!(
        items[before + 1..at].contains(&Item::Paragraph("Exports by year".into())),
        "{md}"
    );
    assert!(md.contains("<!-- figure text: 300 · Processed · 200 · Fresh · USD m · 100 · 0 · 2020 · 2021 · 2022 · 2023 -->"), "{md}");
}

#[test]
fn a_lying_charts_values_and_categories_are_its_lettering_and_the_year_table_stays_a_table() {
    let (doc, md) = fixture("lying-chart.pdf");
    let items = flow(&doc);
    assert_no_headings_lists_or_notes(&doc, &md);
    // Values along the chart's foot with gridlines up through them: the values and the
    // categories beside the bars are the chart's lettering, kept in one block.
    let charts = charts(&items);
    assert_eq!(charts.len(), 1, "{md}");
    for label in [
        "0",
        "20",
        "40",
        "60",
        "80",
        "Irrigation",
        "Towns",
        "Industry",
        "Livestock",
    ] {
        assert!(
            charts[0].1.iter().any(|l| l == label),
            "{label:?} not in {:?}",
            charts[0].1
        );
    }
    // The years heading the ruled table below step evenly too, but no line runs through
    // them: the table keeps its header and its rows.
    let found = tables(&items);
    assert_eq!(found.len(), 1, "{md}");
    assert_eq!(
        found[0][0],
        ["District", "2020", "2021", "2022", "2023"],
        "{md}"
    );
    assert_eq!(found[0].len(), 4, "{md}");
    assert!(
        items.contains(&Item::Figure(
            "Figure 4. Water drawn by use, per cent of the total.".into()
        )),
        "{md}"
    );
}

#[test]
fn code_listing_keeps_its_lines_and_indentation() {
    let (doc, md) = fixture("code-listing.pdf");
    let items = flow(&doc);
    let listing = "def mean_flow(readings):\n    total = 0.0\n    for value in readings:\n        if value is None:\n            continue\n        total += value\n    return total / len(readings)";
    let code = items
        .iter()
        .position(|i| matches!(i, Item::Code(c) if c.trim_end() == listing))
        .unwrap_or_else(|| panic!("the listing as one code block, lines and indents kept:\n{md}"));
    let before = paragraph_at(
        &items,
        "The mean flow is computed by the short function below, which the gauging team runs on each month of readings before the figures are entered in the register.",
        &md,
    );
    let after = paragraph_at(
        &items,
        "Missing readings are skipped but still counted in the divisor, which biases the mean downward in months when a gauge failed; the register notes those months.",
        &md,
    );
    assert_eq!((before + 1, code + 1), (code, after), "{md}");
    assert!(md.contains(&format!("```\n{listing}\n```")), "{md}");
    let xml = brief2md::writers::jats::write(&doc);
    assert!(
        xml.contains(&format!("<preformat>{listing}</preformat>")),
        "{xml}"
    );
    common::assert_valid_jats(&xml, "code-listing.pdf");
}

#[test]
fn two_line_heading_is_one_heading_at_its_siblings_level() {
    let (doc, md) = fixture("two-line-heading.pdf");
    let found = headings(&flow(&doc));
    let level = found.first().map(|h| h.0).unwrap_or(0);
    assert_eq!(
        found,
        vec![
            (level, "1. Introduction".to_string()),
            (
                level,
                "2. From catchment plans to clean water in the rural districts".to_string()
            ),
            (level, "3. Finance".to_string()),
        ],
        "{md}"
    );
}

#[test]
fn underlined_headings_are_headings() {
    let (doc, md) = fixture("underlined-headings.pdf");
    let found = headings(&flow(&doc));
    let level = found.first().map(|h| h.0).unwrap_or(0);
    assert_eq!(
        found,
        ["Tidal channels", "Mangrove nurseries", "Sediment traps"]
            .iter()
            .map(|t| (level, t.to_string()))
            .collect::<Vec<_>>(),
        "{md}"
    );
}

#[test]
fn line_item_rows_numbered_at_the_page_foot_are_not_notes() {
    // Rows numbered 1, 2, 3 in small type at the foot of the page, where notes stand,
    // each with a wrapped second line under its description.
    let (doc, md) = fixture("line-items.pdf");
    assert!(doc.footnotes.is_empty(), "a footnote:\n{md}");
    assert!(!md.contains("[^"), "a note reference:\n{md}");
    // Every row's words are kept, in the order printed.
    let order = [
        "PMP-10",
        "Stainless impeller",
        "PIP-50",
        "Delivered in coils",
        "CTL-02",
        "Wall mounted",
    ];
    let at: Vec<Option<usize>> = order.iter().map(|w| md.find(w)).collect();
    assert!(
        at.iter().all(Option::is_some),
        "a row's words are missing:\n{md}"
    );
    assert!(
        at.windows(2).all(|w| w[0] < w[1]),
        "rows out of order:\n{md}"
    );
}

fn card_order(name: &str) -> Vec<String> {
    let (doc, md) = fixture(name);
    let items = flow(&doc);
    let heads: Vec<String> = headings(&items).into_iter().map(|(_, t)| t).collect();
    // Each card's text follows its own heading.
    for (head, text) in [
        ("1. Rain gauges", "Volunteers read the rain gauges"),
        ("4. Soil probes", "Farmers push a steel probe"),
    ] {
        let h = items
            .iter()
            .position(|i| matches!(i, Item::Heading(_, t) if t == head))
            .unwrap_or_else(|| panic!("{head}:\n{md}"));
        assert!(
            matches!(&items[h + 1], Item::Paragraph(p) if p.starts_with(text)),
            "{md}"
        );
    }
    heads
}

/// A grid of numbered cards, "1." beside "2." over "3." beside "4.", is read across its
/// rows, as its numbers say; the same cards numbered down their columns read down.
#[test]
fn numbered_cards_read_in_the_order_their_numbers_run() {
    let expected = [
        "1. Rain gauges",
        "2. River staffs",
        "3. Well dippers",
        "4. Soil probes",
    ];
    assert_eq!(card_order("numbered-cards.pdf"), expected);
    assert_eq!(card_order("numbered-cards-down.pdf"), expected);
}

#[test]
fn headings_broken_over_lines_in_a_narrow_measure_are_one_heading_each() {
    let (doc, md) = fixture("narrow-column-headings.pdf");
    let found: Vec<String> = headings(&flow(&doc)).into_iter().map(|h| h.1).collect();
    assert_eq!(
        found,
        [
            "Filing Status",
            "Resident Alien or Nonresident Alien",
            "Income Effectively Connected With U.S. Trade or Business",
            // Set smaller right under the heading above: a heading of its own.
            "Expatriation Tax",
            "Rounding Off to Whole Dollars",
            "Explanation of Change to the Applicability",
            "Exemptions",
        ],
        "{md}"
    );
}

#[test]
fn a_drop_cap_opens_its_word_and_is_no_heading() {
    let (doc, md) = fixture("drop-cap.pdf");
    let items = flow(&doc);
    assert_eq!(headings(&items), [(1, "Later works".to_string())], "{md}");
    paragraph_at(
        &items,
        "The harbour was dredged for the first time in the spring of 1852, when the merchants \
         of the lower town paid for a steam dredger to be brought from the capital and kept \
         it working through the summer months.",
        &md,
    );
}

#[test]
fn single_letter_month_labels_are_no_misread_bullet() {
    let (doc, md) = fixture("month-labels.pdf");
    let items = flow(&doc);
    assert_no_headings_lists_or_notes(&doc, &md);
    // The labels are kept as printed, the "O" with them, in the lettering of the chart
    // whose value axis is drawn.
    let lettering: Vec<&String> = charts(&items)
        .into_iter()
        .flat_map(|(_, lines)| lines)
        .collect();
    for label in ["O N D", "J F M A M J J A S", "1.40", "2.00"] {
        assert!(
            lettering.iter().any(|l| *l == label),
            "{label:?} not in {lettering:?}:\n{md}"
        );
    }
}

#[test]
fn slightly_lowered_subscripts_stay_beside_their_base() {
    // Subscripts at three quarters of the text's size lowered 0.15 em, one drawn after
    // the superscript over it: each is a subscript of its base, read in its place.
    let (doc, md) = fixture("lowered-subscripts.pdf");
    let items = flow(&doc);
    assert_no_headings_lists_or_notes(&doc, &md);
    assert!(md.contains("<sub>n</sub> grow with the index"), "{md}");
    assert!(md.contains("H₂O of the basin"), "{md}");
    paragraph_at(
        &items,
        "The raised terms x(k+1) n grow with the index, while the water H2O of the basin stays \
         clear. Both readings were taken at the same station every morning.",
        &md,
    );
}

#[test]
fn a_form_page_keeps_its_sections_apart_and_its_letterhead_out() {
    let (doc, md) = fixture("form-sections.pdf");
    let items = flow(&doc);
    let found = tables(&items);
    assert_eq!(found.len(), 4, "two tables on each of the two pages:\n{md}");
    for page in [&found[0], &found[2]] {
        // The section labels over the first row stay out of it; the row with a figure set
        // flush right and the values running past the first row's stay in the table.
        assert_eq!(page[0][0], "Insured name", "{md}");
        assert_eq!(page[1][0], "Claim #", "{md}");
        assert!(
            ["Grand Cherokee", "Batmobile"].contains(&page[2][3].as_str()),
            "{md}"
        );
        assert_eq!(
            page.last().map(|r| r[0].as_str()),
            Some("Repair Order #"),
            "{md}"
        );
    }
    for totals in [&found[1], &found[3]] {
        assert_eq!(
            totals[0],
            rows(&[&["", "Hours", "Rate", "Cost"]])[0],
            "{md}"
        );
        // Indented sub-items are row labels, in the first column.
        assert!(
            totals
                .iter()
                .any(|r| r[0] == "Paint Supplies" && r[3] == "60"),
            "{md}"
        );
    }
    assert!(
        !found
            .iter()
            .flat_map(|t| t.iter().flatten())
            .any(|c| c.contains("Estimate Totals")),
        "the title between the tables is no cell:\n{md}"
    );
    assert!(
        !md.contains("(425) 000-0000"),
        "the letterhead's last line:\n{md}"
    );
    assert!(md.contains("Customer Information"), "{md}");
}

#[test]
fn a_forms_labels_and_side_tabs_are_no_headings_beside_its_sections() {
    // Numbered labels over the empty boxes for their answers, a label alone in its ruled
    // cell, and side tabs at the page's edge: set bold and large like headings, but the
    // boxes and the edge say what they are. The two sections stay headings.
    let (doc, md) = fixture("form-fields.pdf");
    let items = flow(&doc);
    let found: Vec<String> = headings(&items).into_iter().map(|(_, t)| t).collect();
    assert_eq!(found, ["Vehicle details", "Declaration"], "{md}");
    let paragraphs: Vec<&String> = items
        .iter()
        .filter_map(|i| match i {
            Item::Paragraph(t) => Some(t),
            _ => None,
        })
        .collect();
    for label in [
        "OFFICE",
        "1 OWNER NAME",
        "2 DRIVER LICENSE NUMBER",
        "3 HULL IDENTIFICATION NUMBER",
        "Remarks:",
    ] {
        assert!(
            paragraphs.iter().any(|p| p.contains(label)),
            "{label} kept as text:\n{md}"
        );
    }
}

#[test]
fn a_forms_numbered_questions_are_no_headings_but_the_guidance_sections_are() {
    // A page of fields drawn over their empty boxes is a form: its numbered questions,
    // bold and larger than the fine print, ending in "?", "#:" and ":" over their check
    // boxes and blanks, wait for answers. The guidance page's numbered sections stay
    // headings, the one asking a question too: no form is drawn there.
    let (doc, md) = fixture("form-questions.pdf");
    let items = flow(&doc);
    let found: Vec<String> = headings(&items).into_iter().map(|(_, t)| t).collect();
    assert_eq!(found, ["1. Introduction", "2. Who may apply?"], "{md}");
    for question in [
        "3 HOW WILL YOU USE THE PERMIT?",
        "Vehicle registration #:",
        "State of issue:",
    ] {
        assert!(
            items.iter().any(|i| matches!(
                i,
                Item::Paragraph(t) | Item::Listed(t) if t.contains(question)
            )),
            "{question} kept as text:\n{md}"
        );
    }
}

#[test]
fn lettrine_drop_caps_open_their_words_in_one_and_two_columns() {
    // Three lines tall and drawn before its lines; two lines tall with its opening quote
    // mark at the head of the left column; a letter that is a word of its own at the head
    // of the right column, on the baseline of the left column's third line.
    let (doc, md) = fixture("drop-caps.pdf");
    let items = flow(&doc);
    let one = paragraph_at(
        &items,
        "In May 1998 the harbour board was turned upside down by a ruling of the county court \
         that required it to publish the minutes of every meeting held since the war, and the \
         clerks spent the summer copying ledgers that nobody had opened in decades.",
        &md,
    );
    let left = paragraph_at(
        &items,
        "“When the ferries stopped running in the winter of 1963, the island's grocers ordered \
         their stock by post and waited for the mail boat, which called twice a week when the \
         weather allowed and not at all in the worst of the storms.",
        &md,
    );
    let right = paragraph_at(
        &items,
        "A new quay was opened on the north shore in 1971, long enough for two cargo ships at \
         once, and the grocers' orders came by sea again within a fortnight of its opening, at \
         half the price the post had charged them.",
        &md,
    );
    assert!(one < left && left < right, "{md}");
    let heads = headings(&items);
    assert!(
        heads
            .iter()
            .all(|(_, h)| !["court", "grocers", "quay", "once"]
                .iter()
                .any(|w| h.contains(w))),
        "a drop cap's line became a heading: {heads:?}\n{md}"
    );
}

#[test]
fn a_display_figure_an_appendix_letter_and_a_raised_initial_are_no_drop_caps() {
    let path = format!(
        "{}/tests/fixtures/layout/drop-caps.pdf",
        env!("CARGO_MANIFEST_DIR")
    );
    let bytes = std::fs::read(path).expect("fixture");
    let c = brief2md::convert(&bytes, &brief2md::Options::default()).expect("converts");
    let md = brief2md::writers::markdown::write(&c.document, &Default::default());
    let items = flow(&c.document);
    paragraph_at(
        &items,
        "3 ferries a day in the summer timetable, one fewer than in the year before.",
        &md,
    );
    paragraph_at(
        &items,
        "The timetable was printed on the back of the harbour map, and the board sold it at \
         the ticket office for a penny.",
        &md,
    );
    // The three drop caps of the first two pages, each in the report; nothing else.
    let moved: Vec<&str> = c
        .report
        .actions
        .iter()
        .filter(|a| a.kind == brief2md::report::ActionKind::DropCap)
        .filter_map(|a| a.after.as_deref())
        .collect();
    assert_eq!(moved.len(), 3, "{moved:?}");
    assert!(moved[0].starts_with("In May 1998"), "{moved:?}");
    assert!(moved[1].starts_with("“When the ferries"), "{moved:?}");
    assert!(moved[2].starts_with("A new quay"), "{moved:?}");
}
