//! Whether a line set under a table cell's line goes on with that cell (its text wrapped
//! at the column's edge) or starts the next row's cell in that column. Rows set without
//! padding put both at the same pitch, so their spacing cannot tell them apart; the text
//! can: a cell wraps only when its next word would not fit on the line, and text wrapped
//! mid-phrase goes on in lower case or after an open word ("and", "of", a comma).

/// A line of a cell as placed on the page.
#[derive(Clone, Copy, Debug)]
pub(super) struct CellLine<'a> {
    pub(super) text: &'a str,
    pub(super) x0: f32,
    pub(super) x1: f32,
    pub(super) size: f32,
}

/// Words that leave a phrase open at a line's end: the cell's text goes on below.
const OPEN_WORDS: &[&str] = &[
    "a", "an", "and", "as", "at", "by", "for", "from", "in", "into", "of", "on", "or", "per",
    "the", "to", "with", "&",
];

/// Whether `below` continues the cell whose last line is `above`, in a column whose text
/// may reach `measure` (the right edge its widest line or the next column allows): it
/// goes on from it (see [`goes_on`]) or its first word would not have fit on `above`'s
/// line. A line whose first word would have fit there was set on a line of its own: the
/// next row's.
///
/// A line ending in a dot leader is a label run out to its row's figures: finished,
/// however full the line ("…( below 2.5 kg) .........", then the section label
/// "Awareness about Diarrhoea (%)").
pub(super) fn continues(above: CellLine, below: CellLine, measure: f32) -> bool {
    !ends_in_leader(above.text) && (goes_on(above, below) || !would_fit(above, below, measure))
}

/// Whether a cell's text ends in a dot leader: four dots or more, spaces between them
/// aside (an ellipsis has three).
fn ends_in_leader(text: &str) -> bool {
    crate::rich::plain(text)
        .trim_end()
        .chars()
        .rev()
        .filter(|c| *c != ' ')
        .take_while(|c| *c == '.')
        .count()
        >= 4
}

/// Whether `below` reads as the rest of `above`'s text: set in smaller type (a detail
/// line), going on in lower case or in brackets ("(in millions)"), an item of a list
/// the cell holds, or after an open phrase ("Research and", "zonal,", "(after").
pub(super) fn goes_on(above: CellLine, below: CellLine) -> bool {
    let upper = crate::rich::plain(above.text);
    let upper = upper.trim_end();
    let open = upper.ends_with(['-', ',', '/', '(', '+', '–'])
        || upper.matches('(').count() > upper.matches(')').count()
        || upper
            .rsplit(char::is_whitespace)
            .next()
            .is_some_and(|w| OPEN_WORDS.contains(&w.to_lowercase().as_str()));
    let text = crate::rich::plain(below.text);
    let first = text.split_whitespace().next().unwrap_or("");
    // An item of a list set in the cell ("- Workload", "• Poor patient care").
    let item = matches!(first, "-" | "–" | "—" | "•" | "◦" | "▪" | "*" | "·");
    below.size < 0.9 * above.size
        || first.starts_with(|c: char| c.is_lowercase() || matches!(c, '(' | '['))
        || item
        || open
}

/// Whether two lines are set alike: both bold or neither, in type of one size.
fn set_alike(a: CellLine, b: CellLine) -> bool {
    crate::rich::all_bold(a.text) == crate::rich::all_bold(b.text)
        && (a.size - b.size).abs() <= 0.1 * a.size.max(b.size)
}

/// Whether `below`'s first word would have fit after `above` within `measure`.
fn would_fit(above: CellLine, below: CellLine, measure: f32) -> bool {
    let text = crate::rich::plain(below.text);
    let text = text.trim();
    let Some(first) = text.split_whitespace().next() else {
        return false;
    };
    let chars = text.chars().count().max(1) as f32;
    let word = (below.x1 - below.x0) * first.chars().count() as f32 / chars;
    above.x1 + 0.25 * above.size + word <= measure
}

/// Whether lines level with each other in a body row's other columns (not its first)
/// start the next row rather than go on with the row's cells. Each comes with the line
/// right above it in its column (`None` when that column has nothing in the row yet) and
/// its column's measure; `label_only` says the row holds only its first cell so far.
/// They start a row under a row that is only a label (the items of a group: "Paint
/// Supplies  60" under "Supplies"), or when each pairs with a line above, none goes on
/// from it, one at least would have fit there, and a label stands beside its value (set
/// unlike it, bold against plain): a form's label column holding "VIN", "Color",
/// "Odometer" beside their values, row by row. Lines of an address set beside another
/// (alike) stay cells of several lines; under a row with cells, lines of columns it left
/// empty fill them (a cell set low, on the row's second line).
pub(super) fn starts_row(lines: &[(Option<CellLine>, CellLine, f32)], label_only: bool) -> bool {
    if lines.len() < 2 {
        return false;
    }
    // The items of a group, in the columns a row holding only its label left empty.
    if label_only && lines.iter().all(|(above, _, _)| above.is_none()) {
        return true;
    }
    // A form's labels beside their values, row by row: each line under one of its own
    // column's, none going on from it.
    let Some(pairs) = lines
        .iter()
        .map(|&(above, line, measure)| above.map(|a| (a, line, measure)))
        .collect::<Option<Vec<_>>>()
    else {
        return false;
    };
    !pairs.iter().any(|&(above, line, _)| goes_on(above, line))
        && pairs
            .iter()
            .any(|&(above, line, measure)| would_fit(above, line, measure))
        && lines.windows(2).any(|w| !set_alike(w[0].1, w[1].1))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn line(text: &str, x0: f32, x1: f32) -> CellLine<'_> {
        CellLine {
            text,
            x0,
            x1,
            size: 10.0,
        }
    }

    #[test]
    fn a_word_that_would_have_fit_starts_a_row() {
        // "VIN" over "Color" in a label column reaching to 355: "Color" fitted after "VIN".
        assert!(!continues(
            line("VIN", 310.0, 326.0),
            line("Color", 310.0, 333.0),
            355.0
        ));
        // A label that filled its column goes on below.
        assert!(continues(
            line("Rapid transit buses, zonal", 226.0, 340.0),
            line("Cable cars", 226.0, 270.0),
            345.0
        ));
    }

    #[test]
    fn a_label_run_out_in_a_leader_is_finished() {
        // The leader fills the column, so "Awareness" would not have fit after it; the
        // label still ends there, and the section label below starts a row.
        let leader = line(
            "Percentage with low birth weight ( below 2.5 kg) .........",
            78.0,
            391.0,
        );
        let section = line("Awareness about Diarrhoea (%)", 73.0, 187.0);
        assert!(!continues(leader, section, 392.0));
        // Not even lower case or an open bracket goes on after a leader.
        assert!(!continues(leader, line("(rural)", 78.0, 110.0), 392.0));
        // An ellipsis is no leader: the label filled its column and goes on.
        let ellipsis = line(
            "Percentage with low birth weight, and so on...",
            78.0,
            391.0,
        );
        assert!(continues(ellipsis, section, 392.0));
    }

    #[test]
    fn lower_case_open_phrases_and_smaller_type_continue() {
        let short = line("Research", 70.0, 110.0);
        assert!(continues(short, line("development", 70.0, 125.0), 300.0));
        assert!(continues(
            line("Research and", 70.0, 125.0),
            line("Development", 70.0, 125.0),
            300.0
        ));
        let detail = CellLine {
            size: 8.0,
            ..line("(7B)", 70.0, 90.0)
        };
        assert!(continues(short, detail, 300.0));
        assert!(!continues(short, line("Supplies", 70.0, 105.0), 300.0));
    }
}
