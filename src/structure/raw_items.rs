//! List items in raw extracted text (`pdftotext -raw` and the like) whose bullets the
//! typesetter drew as shapes: the text keeps neither a glyph nor indentation, only the
//! items' shape — short finished sentences on lines of their own — and their place: after
//! a line announcing them, or between two numbered items of a list.

use super::classify::{NoteLabel, line_marker, note_label, term_lead_in};
use super::units::{Measure, Unit};
use crate::words::ends_sentence;

/// Share of the measure under which every line of a unit is short: a narrow column,
/// where an item wraps onto more lines.
const NARROW: f32 = 0.6;

/// Whether a unit of raw text could be an item whose bullet was lost: one to three lines
/// (four in a narrow column), opening with a capital, ending a sentence, no marker or label
/// of its own.
pub fn announced_item_shape(unit: &Unit, m: Measure) -> bool {
    let Some(last) = unit.lines.last() else {
        return false;
    };
    let narrow = unit
        .lines
        .iter()
        .all(|l| (l.plain_char_count() as f32) < NARROW * m.width);
    let most_lines = if narrow { 4 } else { 3 };
    m.wrapped
        && unit.lines.len() <= most_lines
        && unit.lines.iter().all(|l| l.geometry.is_none())
        && crate::words::first_letter(unit.first()).is_some_and(char::is_uppercase)
        && ends_sentence(&last.text)
        && line_marker(unit.first()).is_none()
        && note_label(unit.first(), true).0 == NoteLabel::None
}

/// Whether `unit`, of item shape, after a run of unmarked items, is the paragraph after
/// the list rather than its next item: the items of a list whose bullets were lost are
/// short sentences; a unit of three lines or more that argues over three sentences or more
/// is the text that goes on after them ("Economic Viability: The economics of adaptation
/// are uneven. A farmer … Any response …").
pub fn paragraph_after_items(unit: &Unit) -> bool {
    if unit.lines.len() < 3 {
        return false;
    }
    let text: Vec<String> = unit.lines.iter().map(|l| l.plain()).collect();
    let text = text.join(" ");
    // Sentence ends inside the unit: a full stop, question or exclamation mark followed
    // by a capital, and the unit's own end.
    let ws: Vec<&str> = text.split_whitespace().collect();
    let inner = ws
        .windows(2)
        .filter(|w| {
            w[0].ends_with(['.', '?', '!'])
                && w[0].chars().filter(|c| c.is_alphabetic()).count() >= 3
                && w[1].starts_with(char::is_uppercase)
        })
        .count();
    inner + 1 >= 3
}

/// Whether the units that follow a numbered item (`next`, each with whether it is plain
/// running text) are items nested under it: two or more units of item shape, and nothing
/// else, before the list's next number. One such unit could as well be a paragraph of the
/// item; a run of short sentences between two numbers is a nested list.
pub fn nested_between_numbers<'a>(
    item: &super::classify::ItemMarker,
    next: impl Iterator<Item = (&'a Unit, bool)>,
    m: Measure,
) -> bool {
    /// Units looked at before the next number must have come.
    const MOST: usize = 8;
    let (Some(n), true) = (item.ordinal, item.class.ordered()) else {
        return false;
    };
    for (shaped, (unit, plain)) in next.take(MOST + 1).enumerate() {
        if let Some(mk) = line_marker(unit.first()) {
            return mk.class == item.class && mk.ordinal == Some(n + 1) && shaped >= 2;
        }
        if !plain || !announced_item_shape(unit, m) {
            return false;
        }
    }
    false
}

/// Whether a term-led unit of item shape opens a list whose bullets were lost, with no
/// line announcing it: the units after it (each with whether it is plain running text)
/// are one or more plain short sentences of item shape, then another term-led unit of
/// item shape — a run of "Term: …" items with items of their own between them.
pub fn term_run_ahead<'a>(
    unit: &Unit,
    next: impl Iterator<Item = (&'a Unit, bool)>,
    m: Measure,
) -> bool {
    /// Units looked at for the next term-led item.
    const MOST: usize = 8;
    if !announced_item_shape(unit, m) || !term_lead_in(unit.first()) {
        return false;
    }
    for (between, (u, plain)) in next.take(MOST + 1).enumerate() {
        if !plain || !announced_item_shape(u, m) {
            return false;
        }
        if term_lead_in(u.first()) {
            return between >= 1;
        }
    }
    false
}

/// Nesting of a run of items whose bullets were lost, from their lead-ins: when the run
/// opens with a term-led item ("Salinity Intrusion: …"), holds another, and has at least
/// one plain item between two of them, the term-led items are the list's own and each
/// plain item belongs to the term-led item above it. `Some(depths)` (1 or 2 per item),
/// or `None` where the lead-ins say nothing (no lead-in, lead-ins on every item, or
/// plain items only after the last one).
pub fn depths_by_lead_ins(texts: &[&str]) -> Option<Vec<usize>> {
    let term: Vec<bool> = texts.iter().map(|t| term_lead_in(t)).collect();
    let first = *term.first()?;
    let last_term = term.iter().rposition(|&t| t)?;
    let plain_between = term[..last_term].iter().any(|&t| !t);
    (first && last_term > 0 && plain_between)
        .then(|| term.iter().map(|&t| if t { 1 } else { 2 }).collect())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lines::TextLine;

    fn units(text: &str) -> Vec<Unit> {
        text.lines()
            .enumerate()
            .map(|(i, l)| Unit {
                lines: l
                    .split(" / ")
                    .map(|part| TextLine::new(part, 1, i + 1))
                    .collect(),
                blank_before: false,
            })
            .collect()
    }

    fn measure() -> Measure {
        Measure {
            width: 100.0,
            wrapped: true,
            body: None,
            margins: None,
        }
    }

    fn first_marker(u: &Unit) -> super::super::classify::ItemMarker {
        line_marker(u.first()).expect("a numbered item")
    }

    #[test]
    fn short_sentences_between_two_numbers_are_nested_items() {
        let u = units(
            "1. Publish the release schedule for every dam on the river at least a month ahead.\n\
             Operators should publish planned releases two weeks ahead.\n\
             Emergency releases should be reported within a day.\n\
             2. Protect the flood pulse through coordinated releases.",
        );
        let rest = |from: usize| u[from..].iter().map(|x| (x, true));
        assert!(nested_between_numbers(
            &first_marker(&u[0]),
            rest(1),
            measure()
        ));
        // One sentence alone between the numbers may be a paragraph of the item.
        let one: Vec<Unit> = vec![u[0].clone(), u[1].clone(), u[3].clone()];
        assert!(!nested_between_numbers(
            &first_marker(&one[0]),
            one[1..].iter().map(|x| (x, true)),
            measure()
        ));
        // No next number: the list may have ended, the sentences are paragraphs.
        let open: Vec<Unit> = u[..3].to_vec();
        assert!(!nested_between_numbers(
            &first_marker(&open[0]),
            open[1..].iter().map(|x| (x, true)),
            measure()
        ));
        // A number out of sequence ("4." after "1.") is no next item.
        let mut skip = u.clone();
        skip[3] = units("4. Protect the flood pulse.").remove(0);
        assert!(!nested_between_numbers(
            &first_marker(&skip[0]),
            skip[1..].iter().map(|x| (x, true)),
            measure()
        ));
        // A long paragraph between the numbers is the item's own text.
        let long = units(
            "1. Publish the schedule.\n\
             The first line of a paragraph that runs on / and on over a second line / and a \
             third / and a fourth / and a fifth line of text.\n\
             Emergency releases should be reported within a day.\n\
             2. Protect the flood pulse.",
        );
        assert!(!nested_between_numbers(
            &first_marker(&long[0]),
            long[1..].iter().map(|x| (x, true)),
            measure()
        ));
    }

    #[test]
    fn items_in_a_narrow_column_may_wrap_onto_four_lines() {
        let narrow = units(
            "Geographic Concentration: Cables converge / at a small number of landing points, \
             especially / in Egypt, where traffic crosses overland / between the Red Sea and the \
             Mediterranean.",
        );
        assert!(announced_item_shape(&narrow[0], measure()));
        let wide = units(
            "A line of a paragraph set across the full measure of the page, running on for most \
             of it / a second line of the same paragraph, which runs on for most of the measure as \
             well / a third / and a fourth line.",
        );
        assert!(!announced_item_shape(&wide[0], measure()));
    }

    #[test]
    fn a_unit_arguing_over_three_sentences_is_the_paragraph_after_the_items() {
        let u = units(
            "Economic Viability: The economics of adaptation are uneven. A farmer in An Giang can build a dyke or / install a pump; a fisher on the Tonle Sap has no equivalent investment available. Any response that assumes / households can simply adapt will entrench the inequalities.\n\
             Declining Fish Catch: Fishers report that catches have fallen sharply since the late / 2010s, and the shortened flood season reduces the area of flooded forest. / Smaller catches push households towards cheaper foods.\n\
             Children and pregnant women are most exposed. Poorer households sell fishing gear. Illegal fishing rises.",
        );
        assert!(paragraph_after_items(&u[0]));
        // Two sentences over three lines may still be an item.
        assert!(!paragraph_after_items(&u[1]));
        // One line is an item's length, however many sentences it holds.
        assert!(!paragraph_after_items(&u[2]));
    }

    #[test]
    fn lead_ins_nest_plain_items_between_them() {
        let t = "Term: One.";
        let p = "A plain sentence.";
        assert_eq!(
            depths_by_lead_ins(&[t, p, p, t, p, t]),
            Some(vec![1, 2, 2, 1, 2, 1])
        );
        assert_eq!(depths_by_lead_ins(&[t, p, t, p]), Some(vec![1, 2, 1, 2]));
        // Every item plain, every item term-led, or the run opening with a plain item:
        // the lead-ins say nothing of nesting.
        assert_eq!(depths_by_lead_ins(&[p, p, p]), None);
        assert_eq!(depths_by_lead_ins(&[t, t, t]), None);
        assert_eq!(depths_by_lead_ins(&[p, t, p, t]), None);
        // Plain items only after the last term-led one may be what follows the list.
        assert_eq!(depths_by_lead_ins(&[t, t, p, p]), None);
        assert_eq!(depths_by_lead_ins(&[t, p]), None);
    }

    #[test]
    fn a_term_led_item_opens_a_run_with_plain_items_before_the_next() {
        let u = units(
            "Time Costs: Hours spent queuing are hours not spent on paid work.\n\
             Girls reported arriving late to school on days of queuing.\n\
             Safety Risks: Queuing after dark exposes women and girls to harassment.\n\
             Price Shocks: The increases were not evenly spread.",
        );
        fn rest(v: &[Unit]) -> Vec<(&Unit, bool)> {
            v.iter().map(|x| (x, true)).collect()
        }
        assert!(term_run_ahead(&u[0], rest(&u[1..]).into_iter(), measure()));
        // Two term-led units with nothing between them: run-in paragraphs as likely.
        assert!(!term_run_ahead(&u[2], rest(&u[3..]).into_iter(), measure()));
        // No second term-led unit, or a plain unit first.
        assert!(!term_run_ahead(
            &u[0],
            rest(&u[1..2]).into_iter(),
            measure()
        ));
        assert!(!term_run_ahead(&u[1], rest(&u[2..]).into_iter(), measure()));
        // Something that is not of item shape between them.
        let mut long = u.clone();
        long[1] =
            units("A paragraph / that runs on / over five lines / and more / before it ends.")
                .remove(0);
        assert!(!term_run_ahead(
            &long[0],
            rest(&long[1..]).into_iter(),
            measure()
        ));
    }
}
