use super::*;
use crate::source::{Rect, Span, Style};

const BODY: f32 = 8.5;
const PITCH: f32 = 10.0;
const LEFT: f32 = 50.0;

/// A span of `text` at `x0` on baseline `base` in `size` type (half an em a character).
fn span(text: &str, x0: f32, base: f32, size: f32) -> Span {
    let width = 0.5 * size * text.chars().count() as f32;
    Span {
        text: text.to_string(),
        style: Style {
            size: Some(size),
            ..Default::default()
        },
        bbox: Some(Rect {
            x0,
            y0: base - 0.8 * size,
            x1: x0 + width,
            y1: base + 0.2 * size,
        }),
    }
}

fn line(spans: Vec<Span>, base: f32) -> Line {
    let bbox = spans
        .iter()
        .filter_map(|s| s.bbox)
        .reduce(|a, b| a.union(&b));
    Line {
        spans,
        source_line: 0,
        bbox,
        baseline: Some(base),
        tag: None,
    }
}

/// A body line at `x0` on the `row`th baseline from 100.
fn text_line(text: &str, x0: f32, row: usize) -> Line {
    let base = 100.0 + row as f32 * PITCH;
    line(vec![span(text, x0, base, BODY)], base)
}

/// A page from its lines, numbered in order.
fn page(lines: Vec<Line>) -> Page {
    Page {
        number: 1,
        lines: lines
            .into_iter()
            .enumerate()
            .map(|(i, mut l)| {
                l.source_line = i + 1;
                l
            })
            .collect(),
        ..Default::default()
    }
}

fn run(lines: Vec<Line>) -> (Vec<String>, Vec<Option<f32>>, Report) {
    let mut pages = vec![page(lines)];
    let mut report = Report::default();
    place(&mut pages, &mut report);
    let page = &pages[0];
    (
        page.lines.iter().map(Line::text).collect(),
        page.lines.iter().map(Line::font_size).collect(),
        report,
    )
}

const PROSE: [&str; 5] = [
    "n May 1998, the tobacco industry's world was turned",
    "upside down by a judgment in the Minnesota court",
    "that in part required US tobacco companies to make",
    "public millions of pages of previously internal papers",
    "so that anyone with a computer can read them today.",
];

/// A paragraph opening with `letter` (`size` pt, `lines` lines tall, its baseline on the
/// last of them, grouped with it as the line builder does), the lines beside it starting
/// `gap` pt right of it, the rest under it.
fn paragraph(letter: &str, size: f32, lines: usize, gap: f32) -> Vec<Line> {
    let cap = span(letter, LEFT, 100.0 + (lines - 1) as f32 * PITCH, size);
    let right = cap.bbox.unwrap().x1 + gap;
    let mut out = Vec::new();
    for (row, text) in PROSE.iter().enumerate() {
        if row + 1 == lines {
            let base = 100.0 + row as f32 * PITCH;
            let mut rest = span(text, right, base, BODY);
            rest.text.insert(0, ' ');
            out.push(line(vec![cap.clone(), rest], base));
        } else if row < lines {
            out.push(text_line(text, right, row));
        } else {
            out.push(text_line(text, LEFT, row));
        }
    }
    out
}

#[test]
fn a_three_line_drop_cap_opens_the_first_line_beside_it() {
    let (texts, sizes, report) = run(paragraph("I", 32.0, 3, 1.0));
    assert_eq!(texts[0], format!("I{}", PROSE[0]));
    assert_eq!(texts[1], PROSE[1]);
    assert_eq!(texts[2], PROSE[2], "the letter left its own line");
    assert!(sizes.iter().all(|&s| s == Some(BODY)), "{sizes:?}");
    assert_eq!(report.count(ActionKind::DropCap), 1);
    let action = &report.actions[0];
    assert_eq!(action.lines, [3, 1]);
    assert!(
        action.evidence.as_deref().unwrap().contains("32.0 pt"),
        "{action:?}"
    );
}

#[test]
fn a_two_line_drop_cap_with_its_opening_quote_mark() {
    let (texts, sizes, _) = run(paragraph("“O", 24.0, 2, 1.0));
    assert_eq!(texts[0], format!("“O{}", PROSE[0]));
    assert_eq!(texts[1], PROSE[1]);
    assert!(sizes.iter().all(|&s| s == Some(BODY)), "{sizes:?}");
}

#[test]
fn a_five_line_drop_cap() {
    let (texts, _, report) = run(paragraph("I", 55.0, 5, 1.0));
    assert_eq!(texts[0], format!("I{}", PROSE[0]));
    assert_eq!(texts[4], PROSE[4]);
    assert_eq!(report.count(ActionKind::DropCap), 1);
}

#[test]
fn a_letter_on_a_line_of_its_own_between_baselines() {
    // Its baseline on none of the lines beside it: the line builder left it alone.
    let mut lines = paragraph("T", 32.0, 3, 1.0);
    let own = lines.remove(2);
    let base = 100.0 + 1.6 * PITCH;
    let mut cap = own.spans[0].clone();
    let shift = base - own.baseline.unwrap();
    cap.bbox = cap.bbox.map(|b| Rect {
        y0: b.y0 + shift,
        y1: b.y1 + shift,
        ..b
    });
    lines.insert(0, line(vec![cap], base));
    let mut rest = own.spans[1].clone();
    rest.text = rest.text.trim().to_string();
    lines.insert(3, line(vec![rest], 100.0 + 2.0 * PITCH));
    let (texts, _, report) = run(lines);
    assert_eq!(texts[0], format!("T{}", PROSE[0]), "{texts:?}");
    assert_eq!(texts.len(), PROSE.len());
    assert_eq!(report.count(ActionKind::DropCap), 1);
}

#[test]
fn a_letter_that_is_a_word_keeps_its_space() {
    // The first line starts a word space further right than the lines under it.
    let mut lines = paragraph("A", 32.0, 3, 4.0);
    let first = &mut lines[0].spans[0];
    first.text = "new harbour was dredged in the spring of 1852".into();
    let shift = 0.4 * BODY;
    first.bbox = first.bbox.map(|b| Rect {
        x0: b.x0 + shift,
        x1: b.x1 + shift,
        ..b
    });
    lines[0].bbox = first.bbox;
    let (texts, _, _) = run(lines);
    assert_eq!(texts[0], "A new harbour was dredged in the spring of 1852");
}

#[test]
fn an_even_indent_is_no_word_space() {
    let (texts, _, _) = run(paragraph("I", 32.0, 3, 4.0));
    assert_eq!(texts[0], format!("I{}", PROSE[0]));
}

#[test]
fn a_display_figure_is_no_drop_cap() {
    let lines = paragraph("3", 32.0, 3, 1.0);
    let before: Vec<String> = lines.iter().map(Line::text).collect();
    let (texts, _, report) = run(lines);
    assert_eq!(texts, before);
    assert_eq!(report.count(ActionKind::DropCap), 0);
}

#[test]
fn a_letter_beside_a_heading_is_no_drop_cap() {
    // An appendix letter beside a two-line title in type twice the body's.
    let mut lines = paragraph("A", 48.0, 5, 1.0);
    let right = lines[0].bbox.unwrap().x0;
    for row in 0..2 {
        let base = 80.0 + row as f32 * 20.0;
        lines.push(line(
            vec![span("Methods and data", right, base, 18.0)],
            base,
        ));
    }
    lines.retain(|l| l.font_size() != Some(BODY) || l.bbox.unwrap().x0 == LEFT);
    let before: Vec<String> = lines.iter().map(Line::text).collect();
    let (texts, _, report) = run(lines);
    assert_eq!(texts, before);
    assert_eq!(report.count(ActionKind::DropCap), 0);
}

#[test]
fn a_letter_beside_lines_that_do_not_start_right_of_it_stays() {
    // The lines run under the letter's left edge: it is no drop cap.
    let mut lines = paragraph("I", 32.0, 3, 1.0);
    for l in &mut lines[..2] {
        let x0 = l.bbox.unwrap().x0;
        let shift = LEFT - x0;
        for s in &mut l.spans {
            s.bbox = s.bbox.map(|b| Rect {
                x0: b.x0 + shift,
                x1: b.x1 + shift,
                ..b
            });
        }
        l.bbox = l.bbox.map(|b| Rect {
            x0: b.x0 + shift,
            x1: b.x1 + shift,
            ..b
        });
    }
    let before: Vec<String> = lines.iter().map(Line::text).collect();
    let (texts, _, report) = run(lines);
    assert_eq!(texts, before);
    assert_eq!(report.count(ActionKind::DropCap), 0);
}

#[test]
fn a_letter_alone_between_paragraphs_stays() {
    let mut lines = vec![text_line(PROSE[0], LEFT, 0), text_line(PROSE[1], LEFT, 1)];
    let base = 100.0 + 4.0 * PITCH;
    lines.push(line(vec![span("B", LEFT, base, 24.0)], base));
    lines.push(text_line(PROSE[3], LEFT, 6));
    lines.push(text_line(PROSE[4], LEFT, 7));
    let (texts, _, report) = run(lines);
    assert_eq!(texts[2], "B");
    assert_eq!(report.count(ActionKind::DropCap), 0);
}

#[test]
fn a_large_letter_beside_a_chart_legend_stays() {
    // A panel letter with two short labels beside it and nothing under it.
    let base = 120.0;
    let cap = span("B", LEFT, base, 32.0);
    let right = cap.bbox.unwrap().x1 + 1.0;
    let lines = vec![
        line(vec![cap, span(" Control", right, base, BODY)], base),
        text_line("Treated", right, 1),
        text_line("Untreated", right, 0),
    ];
    let (texts, _, report) = run(lines);
    assert_eq!(texts[0], "B Control");
    assert_eq!(report.count(ActionKind::DropCap), 0);
}

#[test]
fn a_raised_initial_is_left_on_its_line() {
    // A large first letter standing on the first line's baseline: nothing beside it
    // above that line starts right of it.
    let base = 100.0;
    let cap = span("I", LEFT, base, 32.0);
    let right = cap.bbox.unwrap().x1;
    let mut lines = vec![line(vec![cap, span(PROSE[0], right, base, BODY)], base)];
    for (row, text) in PROSE.iter().enumerate().take(4).skip(1) {
        lines.push(text_line(text, LEFT, row));
    }
    let (texts, _, report) = run(lines);
    assert_eq!(texts[0], format!("I{}", PROSE[0]));
    assert_eq!(report.count(ActionKind::DropCap), 0);
}

#[test]
fn initials_are_one_capital_after_at_most_two_quote_marks() {
    assert!(is_initial("I"));
    assert!(is_initial("“T"));
    assert!(is_initial("‘“É"));
    assert!(!is_initial("3"));
    assert!(!is_initial("a"));
    assert!(!is_initial("IN"));
    assert!(!is_initial("A."));
    assert!(!is_initial("“‘“A"));
}
