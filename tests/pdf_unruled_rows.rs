//! Unruled tables taken row by row: a cell's detail line in smaller type running over the
//! next column stays with its cell, and a second table whose header follows the first
//! table's last row keeps its own header rather than being taken in cell by cell.

mod support;

use support::PdfBuilder;

/// Text at (x, y) in font `font` at `size`.
fn at(x: f32, y: f32, font: &str, size: f32, text: &str) -> String {
    let escaped = text
        .replace('\\', "\\\\")
        .replace('(', "\\(")
        .replace(')', "\\)");
    format!("BT /{font} {size} Tf {x} {y} Td ({escaped}) Tj ET\n")
}

fn page() -> Vec<u8> {
    let mut c = String::new();
    c.push_str(&at(
        72.0,
        760.0,
        "F1",
        10.0,
        "The screenings booked for the season are listed below.",
    ));
    // First table: three columns, each film's row with a detail line in smaller type that
    // runs from the title's column over the next one's start.
    let mut y = 730.0;
    for (x, cell) in [(72.0, "Screen"), (160.0, "Film"), (250.0, "Seats")] {
        c.push_str(&at(x, y, "F1", 8.0, cell));
    }
    for (screen, film, detail, seats) in [
        (
            "SCR-1",
            "Winter Tale",
            "(Runtime: 142 min) Holiday premium",
            "120",
        ),
        (
            "SCR-2",
            "Night Train",
            "(Runtime: 98 min) Matinee special",
            "80",
        ),
        (
            "SCR-3",
            "Harbour Lights",
            "(Runtime: 116 min) Late show",
            "64",
        ),
    ] {
        y -= 12.0;
        c.push_str(&at(72.0, y, "F1", 8.0, screen));
        c.push_str(&at(160.0, y, "F1", 8.0, film));
        c.push_str(&at(250.0, y, "F1", 8.0, seats));
        y -= 9.0;
        c.push_str(&at(160.0, y, "F1", 6.0, detail));
    }
    // Second table straight after, its header's cells set at other positions.
    y -= 14.0;
    for (x, cell) in [
        (72.0, "Month"),
        (130.0, "Shows"),
        (200.0, "Gross"),
        (300.0, "Net"),
    ] {
        c.push_str(&at(x, y, "F1", 8.0, cell));
    }
    for row in [
        ["December", "48", "12,500", "11,250"],
        ["January", "36", "9,100", "8,190"],
        ["February", "30", "7,400", "6,660"],
    ] {
        y -= 12.0;
        for (x, cell) in [72.0, 130.0, 200.0, 300.0].into_iter().zip(row) {
            c.push_str(&at(x, y, "F1", 8.0, cell));
        }
    }
    y -= 30.0;
    c.push_str(&at(
        72.0,
        y,
        "F1",
        10.0,
        "Figures are in dollars and exclude the sales tax of the city.",
    ));
    let mut b = PdfBuilder::new();
    b.std_font("F1", "Helvetica", Some("WinAnsiEncoding"));
    b.page(&c);
    b.build()
}

#[test]
fn detail_lines_stay_in_their_cells_and_the_next_table_keeps_its_header() {
    let c = brief2md::convert(&page(), &brief2md::Options::default()).expect("converts");
    let md = brief2md::writers::markdown::write(&c.document, &Default::default());
    let t = support::table_cells(&c.document);
    assert_eq!(t.len(), 2, "two tables: {md}");
    assert_eq!(
        t[0],
        vec![
            vec!["Screen", "Film", "Seats"],
            vec![
                "SCR-1",
                "Winter Tale (Runtime: 142 min) Holiday premium",
                "120"
            ],
            vec![
                "SCR-2",
                "Night Train (Runtime: 98 min) Matinee special",
                "80"
            ],
            vec!["SCR-3", "Harbour Lights (Runtime: 116 min) Late show", "64"],
        ],
        "{md}"
    );
    assert_eq!(
        t[1],
        vec![
            vec!["Month", "Shows", "Gross", "Net"],
            vec!["December", "48", "12,500", "11,250"],
            vec!["January", "36", "9,100", "8,190"],
            vec!["February", "30", "7,400", "6,660"],
        ],
        "{md}"
    );
    // The prose around the tables stays prose, in order.
    let first = md.find("The screenings booked").expect("opening prose");
    let last = md.find("Figures are in dollars").expect("closing prose");
    let table = md.find("| Screen").expect("first table");
    assert!(first < table && table < last, "{md}");
}
