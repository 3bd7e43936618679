//! Text from an extractor that prints each text block apart (mutool's text output): an
//! exercise's label ("a.", "150."), a section's number ("5.1") or a caption's label
//! ("Table" / "1.") stands on a line of its own over its text, a table's cells stand one a
//! line, and blank lines part every block. Labels and cells repeat and stand between blank
//! lines as running headers do; none of them is furniture, and no word is lost.

use brief2md::report::ActionKind;

fn convert(text: &str) -> (brief2md::Conversion, String) {
    let c = brief2md::convert(text.as_bytes(), &brief2md::Options::default()).expect("converts");
    let md = brief2md::writers::markdown::write(&c.document, &Default::default());
    (c, md)
}

fn removed(c: &brief2md::Conversion) -> Vec<String> {
    c.report
        .actions
        .iter()
        .filter(|a| {
            matches!(
                a.kind,
                ActionKind::RunningHeader | ActionKind::PageNumber | ActionKind::ContactLine
            )
        })
        .filter_map(|a| a.before.clone())
        .collect()
}

const EXERCISES: &str = "\
3.4 EXERCISES

For the following exercises, the given functions represent
the position of a particle traveling along a horizontal line.

a.
Find the velocity and acceleration functions.

b.
Determine the time intervals when the object is
slowing down or speeding up.

150.
s(t) = 2t3 − 3t2 − 12t + 8

151.
s(t) = 2t3 − 15t2 + 36t − 10

155. The position function s(t) = t2 − 3t − 4 represents the position of the back of a car.

a.
Determine the velocity of the car when s(t) = 0.

b.
Determine the velocity of the car when s(t) = 14.

156. The position of a hummingbird flying along a straight line is given in meters.

a.
Determine the velocity of the bird at t = 1 sec.

b.
Determine the acceleration of the bird at t = 1 sec.
";

/// Labels alone on their lines go back to the head of their items; two exercises that
/// differ only in a figure are two lines of text, not one header repeated.
#[test]
fn exercise_labels_on_lines_of_their_own_stay_with_their_items() {
    let (c, md) = convert(EXERCISES);
    assert!(removed(&c).is_empty(), "{:?}\n{md}", removed(&c));
    // Numbers that run no list ("150.", then "155.") are escaped as text.
    let md = md.replace("\\.", ".");
    for line in [
        "a. Find the velocity and acceleration functions.",
        "150. s(t) = 2t3 − 3t2 − 12t + 8",
        "151. s(t) = 2t3 − 15t2 + 36t − 10",
        "Determine the velocity of the car when s(t) = 0.",
        "Determine the velocity of the car when s(t) = 14.",
        "Determine the acceleration of the bird at t = 1 sec.",
    ] {
        assert!(md.contains(line), "{line} in\n{md}");
    }
}

const PAPER: &str = "\
order to compute the TED score. Inference timing results for all experiments
were obtained from the same machine on a single core with a modern CPU.

5.1
Hyper Parameter Optimization

We have chosen the PubTabNet data set to perform the optimisation, since it includes a
highly diverse set of tables and reports scores separately for simple and complex tables.

Table
1.
Optimisation performed in OTSL and HTML representation on the same

transformer-based architecture, trained only on PubTabNet, with fewer layers.

Language
TEDs

6
6
OTSL
0.965
0.934

HTML
0.969
0.927

4
4
OTSL
0.938
0.904

HTML
0.952
0.909

2
4
OTSL
0.923
0.897

HTML
0.945
0.901

5.2
Quantitative Results

We picked the model parameter configuration that produced the best prediction
quality with PubTabNet alone, then trained and evaluated it on three data sets.
";

/// A section number joins its title, a caption's word its number, and a table's cells
/// ("HTML", "OTSL", "2") stay, however often they repeat.
#[test]
fn section_numbers_caption_labels_and_cells_stay_text() {
    let (c, md) = convert(PAPER);
    assert!(removed(&c).is_empty(), "{:?}\n{md}", removed(&c));
    assert!(md.contains("5.1 Hyper Parameter Optimization"), "{md}");
    assert!(md.contains("5.2 Quantitative Results"), "{md}");
    assert!(
        md.contains("Table 1. Optimisation performed in OTSL"),
        "{md}"
    );
    assert_eq!(md.matches("HTML").count(), 4, "{md}");
}

/// A running footer between pages of prose still goes, page number and all.
#[test]
fn a_footer_between_pages_of_prose_still_goes() {
    let mut text = String::new();
    for page in 1..=3 {
        for _ in 0..6 {
            text.push_str(
                "The river carries less sediment each year and the delta sinks slowly.\n",
            );
        }
        text.push_str(&format!(
            "\nCentre for Riverine Studies\n\nPage {page} of 3\n\n"
        ));
    }
    let (c, md) = convert(&text);
    assert!(!md.contains("Centre for Riverine Studies"), "{md}");
    assert!(
        removed(&c)
            .iter()
            .any(|r| r == "Centre for Riverine Studies"),
        "{:?}",
        removed(&c)
    );
}

/// pdftotext's default mode sets a formula's exponents on lines of their own ("3", "2"
/// over "150. s(t) = 2t − 3t …"): two numbers side by side are no page number, and the
/// exercise under them is no footer beside one.
#[test]
fn exponents_on_lines_of_their_own_are_no_page_numbers() {
    let text = "\
For the following exercises, the given functions represent
the position of a particle traveling along a horizontal line.
b. Determine the time intervals when the object is
slowing down or speeding up.
3

2

150. s(t) = 2t − 3t − 12t + 8
151. s(t) = 2t 3 − 15t 2 + 36t − 10
";
    let (c, md) = convert(text);
    assert!(removed(&c).is_empty(), "{:?}\n{md}", removed(&c));
    assert!(md.contains("s(t) = 2t − 3t − 12t + 8"), "{md}");
}

/// A form's cells printed one a line between blank lines: a number among dates and
/// codes is a cell, not a page number, and its neighbours are no footer.
#[test]
fn a_number_among_table_cells_is_no_page_number() {
    let mut text = String::from(
        "Screenings booked for the holiday season at the downtown cinema.\n\nLine\n\nScreen\n\nStart\n\nTime\n\n",
    );
    for (n, date) in [(1, "12/20/24"), (2, "12/21/24"), (3, "12/26/24")] {
        text.push_str(&format!(
            "{n}\n\nSCR-{n}\n\n{date}\n\n7:00\n\nPM\n\n$150\n\n"
        ));
    }
    text.push_str("All showtimes are approximate and subject to change.\n");
    let (c, md) = convert(&text);
    assert!(removed(&c).is_empty(), "{:?}\n{md}", removed(&c));
}
