//! List markers set apart from their text. Word processors put a bullet or a number at
//! the list indent and the text at a tab stop; the PDF reader, seeing the gap, makes them
//! two lines on the same baseline. This pass joins them back into one line that starts
//! with its marker, at the marker's indentation (which is what tells nesting).

use foldhash::{HashMap, HashMapExt};
use std::sync::LazyLock;

use regex::Regex;

use crate::lines::TextLine;
use crate::report::{Action, ActionKind, Report};
use crate::rich::all_bold;

static LONE_MARKER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^(?:[-–—•●∙·▪■□▫◦○‣⁃►▶➢➤✓✔❖◆◇*oO§]|[\u{E000}-\u{F8FF}]|[0-9]{1,2}[.)]|[a-z][.)]|\((?:[a-z]|[ivx]{1,5}|[0-9]{1,2})\)|[ivx]{1,5}[.)])$",
    )
    .expect("valid regex")
});

/// A section number ("5.1", "2.3.1.", "4"), which typesetters also set apart from its
/// heading text. A one-level number beside text is as often a table cell, so it is joined
/// only when both it and the text are in bold.
///
/// Decided by hand: the shape of `^[1-9][0-9]?((?:\.[0-9]{1,2})+)?\.?$`, and `Some(true)`
/// when the group matched (more than one level). Compiling that pattern took ~0.4 ms, a
/// tenth of a one-page document's conversion.
fn section_number(t: &str) -> Option<bool> {
    let b = t.as_bytes();
    let digit = |i: usize| b.get(i).is_some_and(u8::is_ascii_digit);
    if !matches!(b.first(), Some(b'1'..=b'9')) {
        return None;
    }
    let mut i = 1 + usize::from(digit(1));
    let mut levels = false;
    // Each level: a dot and one or two digits. Taking a second digit never loses a match:
    // what follows a level is a dot or the end, and a digit is neither.
    while b.get(i) == Some(&b'.') && digit(i + 1) {
        i += 2 + usize::from(digit(i + 2));
        levels = true;
    }
    if b.get(i) == Some(&b'.') {
        i += 1;
    }
    (i == b.len()).then_some(levels)
}

/// The glyphs [`LONE_MARKER`] takes alone (besides the private-use area's).
const MARKER_GLYPHS: &str = "-–—•●∙·▪■□▫◦○‣⁃►▶➢➤✓✔❖◆◇*oO§";

/// What every match of [`LONE_MARKER`] is: one of its glyphs alone, or at most seven ASCII
/// characters ending in `.` or `)`. Checked first: most lines are neither, and the pattern
/// (~0.5 ms to compile) then need not be built.
fn may_be_lone_marker(t: &str) -> bool {
    let mut chars = t.chars();
    match (chars.next(), chars.next()) {
        (Some(c), None) => MARKER_GLYPHS.contains(c) || ('\u{E000}'..='\u{F8FF}').contains(&c),
        (Some(_), Some(_)) => t.len() <= 7 && t.ends_with(['.', ')']),
        _ => false,
    }
}

/// What a lone marker line is.
#[derive(Clone, Copy, PartialEq)]
enum Lone {
    ListMarker,
    /// `levels`: more than one level ("5.1").
    SectionNumber {
        levels: bool,
    },
}

/// Whether a line holds only a list marker or a section number.
fn lone_marker(line: &TextLine) -> Option<Lone> {
    let plain = line.plain_cow();
    let t = plain.trim();
    if may_be_lone_marker(t) && LONE_MARKER.is_match(t) {
        Some(Lone::ListMarker)
    } else {
        section_number(t).map(|levels| Lone::SectionNumber { levels })
    }
}

/// Joins each lone marker with the line that continues it on the same baseline.
///
/// Partners are looked for among the marker's page's lines only, and joined lines are
/// dropped in one pass at the end, so that a long document costs linear time.
pub fn merge(lines: &mut Vec<TextLine>, report: &mut Report) {
    let mut by_page: HashMap<usize, Vec<usize>> = HashMap::new();
    for (j, l) in lines.iter().enumerate() {
        if !l.is_blank() && l.geometry.is_some() {
            by_page.entry(l.page).or_default().push(j);
        }
    }
    let mut joined = vec![false; lines.len()];
    for i in 0..lines.len() {
        if joined[i] {
            continue;
        }
        let Some(kind) = lone_marker(&lines[i]) else {
            continue;
        };
        let Some(m) = lines[i].geometry else {
            continue;
        };
        // The nearest line to the right on the same baseline, on the same page.
        let size = m.font_size.max(4.0);
        let partner = by_page
            .get(&lines[i].page)
            .into_iter()
            .flatten()
            .filter(|&&j| j != i && !joined[j] && lines[j].cell == lines[i].cell)
            .filter_map(|&j| lines[j].geometry.map(|g| (j, g)))
            .filter(|(_, g)| {
                (g.baseline - m.baseline).abs() <= 0.4 * size
                    && g.bbox.x0 >= m.bbox.x1 - 0.5
                    && g.bbox.x0 - m.bbox.x1 <= 4.0 * size
            })
            .min_by(|a, b| a.1.bbox.x0.total_cmp(&b.1.bbox.x0));
        let Some((j, g)) = partner else {
            continue;
        };
        if cell_in_a_row(lines, &by_page, i, m) || ends_a_column(lines, &by_page, i, m, g) {
            continue;
        }
        // A section number needs its heading's words beside it, not another figure.
        if let Lone::SectionNumber { levels } = kind
            && (!lines[j]
                .plain()
                .trim_start()
                .starts_with(|c: char| c.is_alphabetic() && !c.is_lowercase())
                || !(levels || all_bold(&lines[i].text) && all_bold(&lines[j].text)))
        {
            continue;
        }
        joined[j] = true;
        let text_line = std::mem::take(&mut lines[j].text);
        report.push(
            Action::new(ActionKind::Guess)
                .page(lines[i].page)
                .lines([lines[i].source_line, lines[j].source_line])
                .before(format!(
                    "{} | {}",
                    lines[i].plain(),
                    crate::rich::plain(&text_line)
                ))
                .evidence(match kind {
                    Lone::ListMarker => "list marker set apart from its text on the same baseline",
                    Lone::SectionNumber { .. } => {
                        "section number set apart from its heading on the same baseline"
                    }
                })
                .confidence(0.95),
        );
        let marker = &mut lines[i];
        marker.text = format!("{} {}", marker.text, text_line);
        if let Some(mg) = marker.geometry.as_mut() {
            mg.bbox = mg.bbox.union(&g.bbox);
            // A bullet set in a typewriter face ("o" in Courier) before proportional text
            // does not make the item a line of code.
            mg.monospace &= g.monospace;
            mg.font_size = mg.font_size.max(g.font_size);
        }
    }
    let mut k = 0;
    lines.retain(|_| {
        k += 1;
        !joined[k - 1]
    });
}

/// Whether the number or marker at `i` is a cell of a table row: text stands to its left
/// on its baseline across an empty stretch wider than [`CELL_GAP`] sizes. A list marker or
/// a section number opens its line, with at most a column gutter (one to three sizes) and
/// the neighbouring column's text before it; a figure right-aligned in a table's column
/// ("Kenya ... 47.6   Nairobi") has its row's first cells far to its left.
fn cell_in_a_row(
    lines: &[TextLine],
    by_page: &HashMap<usize, Vec<usize>>,
    i: usize,
    m: crate::lines::LineGeometry,
) -> bool {
    let size = m.font_size.max(4.0);
    let page = by_page.get(&lines[i].page).into_iter().flatten();
    let nearest_left = page
        .filter(|&&j| j != i)
        .filter_map(|&j| lines[j].geometry)
        .filter(|g| (g.baseline - m.baseline).abs() <= 0.4 * size && g.bbox.x1 <= m.bbox.x0)
        .map(|g| g.bbox.x1)
        .reduce(f32::max);
    nearest_left.is_some_and(|x1| m.bbox.x0 - x1 > CELL_GAP * size)
}

/// Empty stretch (in type sizes) before a number beyond which it is a table cell, not a
/// marker opening a line of the next column.
const CELL_GAP: f32 = 4.0;

/// Whether the number at `i` closes a line of a column rather than opening the text beside
/// it (`partner`): an equation's number, "(2)", set flush with the right edge of a
/// justified column, with the next column's line on its baseline across the gutter. The
/// evidence is the column's edge: at least [`EDGE_LINES`] lines of text near it, starting
/// well to its left and not reaching the partner, end where the number ends. A marker
/// opening its line has no lines of running text ending flush with it.
fn ends_a_column(
    lines: &[TextLine],
    by_page: &HashMap<usize, Vec<usize>>,
    i: usize,
    m: crate::lines::LineGeometry,
    partner: crate::lines::LineGeometry,
) -> bool {
    let size = m.font_size.max(4.0);
    let flush = by_page
        .get(&lines[i].page)
        .into_iter()
        .flatten()
        .filter(|&&j| j != i)
        .filter_map(|&j| lines[j].geometry)
        .filter(|g| {
            (g.baseline - m.baseline).abs() <= EDGE_REACH * size
                && (g.bbox.x1 - m.bbox.x1).abs() <= 0.1 * size
                && g.bbox.x0 <= m.bbox.x0 - 8.0 * size
                && g.bbox.x1 < partner.bbox.x0
        })
        .take(EDGE_LINES)
        .count();
    flush >= EDGE_LINES
}

/// Lines of a column ending flush with a number that show it sits at the column's edge.
const EDGE_LINES: usize = 2;
/// How far above or below the number (in type sizes) those lines are looked for.
const EDGE_REACH: f32 = 12.0;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_phrases::{assert_necessary, phrases};

    #[test]
    fn lone_marker_test_never_turns_away_a_marker() {
        let single: Vec<String> = (0..=0xFFFF)
            .filter_map(char::from_u32)
            .map(String::from)
            .collect();
        assert!(assert_necessary(&LONE_MARKER, may_be_lone_marker, &single) > 6000);
        let texts = phrases(
            &[
                "1", "12", "a", "iv", "xii", "v", "(", ")", ".", "•", "o", "-", " ", "x", "123",
            ],
            20_000,
        );
        assert!(assert_necessary(&LONE_MARKER, may_be_lone_marker, &texts) > 100);
    }

    #[test]
    fn section_number_by_hand_is_the_pattern() {
        let pattern = Regex::new(r"^[1-9][0-9]?((?:\.[0-9]{1,2})+)?\.?$").unwrap();
        let mut texts = phrases(
            &["1", "0", "9", "12", ".", "a", " ", "123", "٣", "7"],
            40_000,
        );
        texts.extend(["5.1", "2.3.1.", "4", "4.", "10.12.1", "1.234", "0.1", ""].map(String::from));
        let mut matched = 0;
        for t in &texts {
            let want = pattern.captures(t).map(|c| c.get(1).is_some());
            assert_eq!(section_number(t), want, "{t:?}");
            matched += usize::from(want.is_some());
        }
        assert!(matched > 1000, "{matched}");
    }
    use crate::lines::LineGeometry;
    use crate::source::Rect;

    fn at(text: &str, x0: f32, x1: f32, baseline: f32, n: usize) -> TextLine {
        let mut l = TextLine::new(text, 1, n);
        l.geometry = Some(LineGeometry {
            bbox: Rect {
                x0,
                y0: baseline - 9.0,
                x1,
                y1: baseline + 2.0,
            },
            font_size: 11.0,
            page_height: 842.0,
            page_width: 595.0,
            face: 0,
            monospace: false,
            baseline,
        });
        l.indent = x0;
        l
    }

    #[test]
    fn a_typewriter_bullet_does_not_make_its_item_monospaced() {
        let mut bullet = at("o", 80.0, 87.0, 200.0, 1);
        bullet.geometry.as_mut().unwrap().monospace = true;
        let mut lines = vec![bullet, at("Girls arrived late.", 98.0, 300.0, 200.0, 2)];
        merge(&mut lines, &mut Report::default());
        assert_eq!(lines.len(), 1);
        assert!(!lines[0].geometry.unwrap().monospace);
    }

    #[test]
    fn a_figure_far_right_of_its_rows_first_cell_is_a_cell_not_a_number() {
        // "Kenya ... 47.6   Nairobi": a table row, not section 47.6 titled "Nairobi".
        let mut lines = vec![
            at("Kenya", 72.0, 100.0, 150.0, 1),
            at("47.6", 282.0, 302.0, 150.0, 2),
            at("Nairobi", 342.0, 374.0, 150.0, 3),
        ];
        merge(&mut lines, &mut Report::default());
        assert_eq!(lines.len(), 3);
        // Beside a neighbouring column's text a gutter away, a number still opens its line.
        let mut lines = vec![
            at(
                "the end of a line in the left column",
                72.0,
                290.0,
                150.0,
                1,
            ),
            at("4.2", 310.0, 325.0, 150.0, 2),
            at("Results of the survey", 345.0, 450.0, 150.0, 3),
        ];
        merge(&mut lines, &mut Report::default());
        assert_eq!(lines.len(), 2);
        assert_eq!(lines[1].plain(), "4.2 Results of the survey");
    }

    #[test]
    fn an_equation_number_at_a_columns_edge_stays_with_its_column() {
        // "(2)" flush with the right edge of a justified left column, the right column's
        // line on its baseline across the gutter: two columns, not a numbered item.
        let body = |n: usize, baseline: f32| {
            at("running text of the left column", 72.0, 290.3, baseline, n)
        };
        let right =
            |n: usize, baseline: f32| at("running text on the right", 307.3, 525.5, baseline, n);
        let mut lines = vec![
            body(1, 470.0),
            right(2, 470.0),
            at("L = max d(P, P)", 76.0, 268.0, 486.0, 3),
            at("(2)", 279.8, 290.3, 486.0, 4),
            right(5, 486.0),
            body(6, 502.0),
            right(7, 502.0),
            body(8, 518.0),
        ];
        merge(&mut lines, &mut Report::default());
        assert_eq!(lines.len(), 8);
        assert_eq!(lines[3].plain(), "(2)");
        // The same number opening a list item, with no column edge beside it, joins.
        let mut lines = vec![
            at("(2)", 72.0, 84.0, 486.0, 1),
            at("the second condition holds", 96.0, 290.3, 486.0, 2),
            at("for every case we tried.", 96.0, 290.3, 502.0, 3),
        ];
        merge(&mut lines, &mut Report::default());
        assert_eq!(lines.len(), 2);
        assert_eq!(lines[0].plain(), "(2) the second condition holds");
    }

    #[test]
    fn bullet_and_text_on_one_baseline_become_one_line() {
        let mut lines = vec![
            at("Three pressures now act:", 62.0, 300.0, 210.0, 1),
            at("•", 62.0, 66.0, 230.5, 2),
            at(
                "Salinity Intrusion: In the dry season",
                80.0,
                532.0,
                230.5,
                3,
            ),
            at("on record, damaging rice paddies.", 80.0, 400.0, 243.0, 4),
            at("o", 80.0, 85.0, 261.8, 5),
            at("Coastal provinces were hit hardest.", 98.0, 500.0, 261.8, 6),
            at("2", 300.0, 306.0, 800.0, 7),
        ];
        let mut r = Report::default();
        merge(&mut lines, &mut r);
        let texts: Vec<String> = lines.iter().map(|l| l.plain()).collect();
        assert_eq!(
            texts,
            vec![
                "Three pressures now act:",
                "• Salinity Intrusion: In the dry season",
                "on record, damaging rice paddies.",
                "o Coastal provinces were hit hardest.",
                "2",
            ]
        );
        assert_eq!(lines[3].indent, 80.0);
        assert_eq!(r.actions.len(), 2);
    }

    #[test]
    fn section_number_joins_its_heading_but_not_a_figure_beside_it() {
        let mut lines = vec![
            at("5.1", 134.0, 149.0, 176.0, 1),
            at("Hyper Parameter Optimization", 161.0, 318.0, 176.0, 2),
            at("0.88", 396.0, 416.0, 374.0, 3),
            at("2.73", 439.0, 458.0, 374.0, 4),
            at("2.5", 134.0, 146.0, 400.0, 5),
            at("7.25", 161.0, 180.0, 400.0, 6),
            at("6", 162.0, 166.5, 420.0, 7),
            at("OTSL", 190.0, 215.0, 420.0, 8),
        ];
        let mut r = Report::default();
        merge(&mut lines, &mut r);
        let texts: Vec<String> = lines.iter().map(|l| l.plain()).collect();
        assert_eq!(
            texts,
            vec![
                "5.1 Hyper Parameter Optimization",
                "0.88",
                "2.73",
                "2.5",
                "7.25",
                "6",
                "OTSL"
            ]
        );
        assert_eq!(r.actions.len(), 1);
    }
}
