//! Indentation as evidence in text that keeps its layout (`pdftotext -layout` and the like).
//!
//! Such text has no geometry, but its leading spaces still say where a line started on the
//! page. Where a typesetter drew list bullets as shapes (web-to-PDF printers draw CSS list
//! markers as paths), the extracted text keeps only the items' indentation: a run of lines
//! set in from the body's margin, wrapped at the same column, each item ending where the
//! next word would still have fitted. This module measures the margins and reads those runs;
//! raw text (one indentation everywhere) carries no such evidence and is left alone.

use crate::lines::TextLine;

use super::classify::line_marker;
use crate::words::ends_sentence;

/// Columns a line must sit in from the margin to count as set in.
const SET_IN: f32 = 2.0;

/// Where full lines start and end in one column of laid-out text, in characters.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Margin {
    /// The body's left margin: the usual start of full lines.
    pub left: f32,
    /// The right edge of full lines.
    pub right: f32,
}

/// The margins of laid-out text, per column: full-width lines, then each side of lines a
/// column gutter cut (see [`crate::clean::columns`]), measured apart.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Margins {
    by_column: [Option<Margin>; 3],
}

/// Which margin a line is measured against: 0 for full-width lines, 1 + its column for a
/// side of a cut line.
fn margin_key(line: &TextLine) -> usize {
    if line.halved {
        (1 + usize::from(line.column)).min(2)
    } else {
        0
    }
}

impl Margins {
    /// The margin of the column `line` is in.
    pub fn of(&self, line: &TextLine) -> Option<Margin> {
        self.by_column[margin_key(line)]
    }
}

/// Measures laid-out text's margins; `None` when the lines carry no indentation to read
/// (raw text, unwrapped text, PDF lines with geometry). `width` is the typical length of
/// a full line of the text; the columns of cut lines are measured by their own.
pub fn margins(lines: &[TextLine], width: f32) -> Option<Margins> {
    if lines.iter().any(|l| l.geometry.is_some()) {
        return None;
    }
    let mut by_column = [None; 3];
    for (key, slot) in by_column.iter_mut().enumerate() {
        let column: Vec<&TextLine> = lines
            .iter()
            .filter(|l| !l.is_blank() && margin_key(l) == key)
            .collect();
        let width = if key == 0 {
            width
        } else {
            let mut lens: Vec<usize> = column.iter().map(|l| l.plain_char_count()).collect();
            lens.sort_unstable();
            match lens.get(lens.len() * 9 / 10) {
                Some(&p90) => p90 as f32,
                None => continue,
            }
        };
        *slot = column_margin(&column, width);
    }
    by_column
        .iter()
        .any(Option::is_some)
        .then_some(Margins { by_column })
}

fn column_margin(lines: &[&TextLine], width: f32) -> Option<Margin> {
    let len = |l: &TextLine| l.plain_char_count() as f32;
    let mut counts: std::collections::BTreeMap<u32, usize> = Default::default();
    for l in lines.iter().filter(|l| len(l) >= 0.6 * width) {
        *counts.entry(l.indent as u32).or_default() += 1;
    }
    let (&left, &full) = counts
        .iter()
        .max_by_key(|(indent, n)| (**n, u32::MAX - **indent))?;
    let left = left as f32;
    // Indentation is evidence only when some lines are set in and full lines agree on a
    // margin; text whose every line starts at one column has nothing to say.
    let set_in = lines.iter().filter(|l| l.indent >= left + SET_IN).count();
    if full < 5 || set_in < 3 {
        return None;
    }
    // The median end of full lines: ragged-right text spreads its ends over several
    // columns, and notes set smaller run longer than the body.
    let mut rights: Vec<f32> = lines
        .iter()
        .filter(|l| len(l) >= 0.6 * width)
        .map(|l| l.indent + len(l))
        .collect();
    rights.sort_by(f32::total_cmp);
    let right = rights[rights.len() / 2];
    Some(Margin { left, right })
}

/// The column where the text of `line` starts after its list marker or note label, if it
/// has one.
fn hanging_column(line: &TextLine) -> f32 {
    let label = line_marker(&line.text).map(|m| m.len).or_else(|| {
        let (label, len) = super::classify::note_label(&line.text, true);
        (label != super::classify::NoteLabel::None).then_some(len)
    });
    let label_chars = label
        .and_then(|len| line.text.get(..len))
        .map_or(0, |m| crate::rich::plain(m).chars().count());
    line.indent + label_chars as f32
}

/// Whether the first word of `line` would have fitted at the end of `prev`: then the
/// break was the author's (an item or paragraph ended), not the typesetter's wrap.
fn next_word_fits(prev: &TextLine, line: &TextLine, margin: Margin) -> bool {
    let plain = line.plain_cow();
    let word = plain
        .split_whitespace()
        .next()
        .unwrap_or("")
        .chars()
        .count() as f32;
    prev.indent + prev.plain_char_count() as f32 + 1.0 + word <= margin.right
}

/// Whether the line opens with a capital (scripts without case give no such evidence).
fn starts_upper(line: &TextLine) -> bool {
    crate::words::first_letter(&line.text).is_some_and(char::is_uppercase)
}

/// Whether a change of indentation (or an author's break inside a set-in run) starts a
/// new unit at `line`, after `prev` in `unit`. `None` when indentation says nothing.
pub fn breaks_before(
    prev: &TextLine,
    line: &TextLine,
    unit: &[TextLine],
    margins: Option<Margins>,
) -> Option<bool> {
    let margin = margins?.of(line)?;
    let first = unit.first()?;
    let ended = ends_sentence(&prev.text) || prev.plain_cow().trim_end().ends_with([':', ';']);
    if !ended || !starts_upper(line) {
        return None;
    }
    // Where the unit's wrapped lines sit: under the text after a marker, or under the
    // first line (a paragraph whose first line alone is indented wraps to the margin).
    let hang = match unit.get(1) {
        Some(second) if line_marker(&first.text).is_none() => second.indent,
        _ => hanging_column(first),
    };
    let set_in = prev.indent >= margin.left + SET_IN;
    if line.indent >= prev.indent + SET_IN && line.indent > hang + 1.0 {
        // Deeper than the unit's own wrap: a nested item.
        return Some(true);
    }
    if set_in && line.indent + SET_IN <= prev.indent && line.indent + 1.0 < hang {
        // Back out of a set-in run, after the run's last line ended.
        let hanging = unit.len() > 1 || line_marker(&first.text).is_some();
        return (hanging || next_word_fits(prev, line, margin)).then_some(true);
    }
    if set_in && (line.indent - prev.indent).abs() < SET_IN && next_word_fits(prev, line, margin) {
        // The same set-in column, after a line the typesetter did not have to break.
        return Some(true);
    }
    None
}

/// How far `line` is set in from its column's margin.
pub fn set_in_by(line: &TextLine, margins: Option<Margins>) -> Option<f32> {
    margins?.of(line).map(|m| line.indent - m.left)
}

/// Whether `unit` has the shape of a list item whose bullet the extractor lost: set in from
/// the margin by no more than a nesting's worth, left-aligned on every line, reaching
/// towards the right edge when it wraps (a block quotation stops short), and not centred.
pub fn unmarked_item_shape(unit: &[TextLine], margins: Option<Margins>) -> bool {
    let Some(first) = unit.first() else {
        return false;
    };
    let Some(margin) = margins.and_then(|m| m.of(first)) else {
        return false;
    };
    let measure = (margin.right - margin.left).max(1.0);
    let set_in = first.indent - margin.left;
    if set_in < SET_IN || set_in > 0.25 * measure || !starts_upper(first) {
        return false;
    }
    if line_marker(&first.text).is_some() {
        return false;
    }
    // Cells of a table row are set apart by runs of spaces; running text has none.
    if unit.iter().any(|l| l.text.contains("   ")) {
        return false;
    }
    if unit
        .iter()
        .any(|l| (l.indent - first.indent).abs() >= SET_IN)
    {
        return false;
    }
    let right = |l: &TextLine| l.indent + l.plain_char_count() as f32;
    if unit.len() > 1 {
        let reach = unit[..unit.len() - 1].iter().map(right).fold(0.0, f32::max);
        return reach >= margin.right - 0.08 * measure;
    }
    // A centred line (a heading, a caption) has equal space on both sides.
    let gap_right = margin.right - right(first);
    let centred = (set_in - gap_right).abs() <= 3.0 && set_in > 4.0;
    !centred || ends_sentence(&first.text)
}

/// Which units are list items told by indentation alone. `units` are the units in order,
/// each with whether it is running body (not a note, not a table). A run of units of item
/// shape counts only with evidence of a list beyond being set in: it nests (opens at its
/// shallowest indentation and goes deeper) or it is nested under an item whose marker is
/// in the text. A run at one depth
/// with no marked item beside it is as likely an abstract box, a quotation or a sidebar.
pub fn unmarked_items(units: &[(&[TextLine], bool)], margins: Option<Margins>) -> Vec<bool> {
    let mut out = vec![false; units.len()];
    if margins.is_none() {
        return out;
    }
    let shape: Vec<bool> = units
        .iter()
        .map(|(lines, body)| *body && unmarked_item_shape(lines, margins))
        .collect();
    // Where the text of the marked item at `i` starts, from its column's margin, if it is
    // one.
    let marked_text_column = |i: usize| {
        units
            .get(i)
            .and_then(|(lines, body)| lines.first().filter(|_| *body))
            .filter(|l| line_marker(&l.text).is_some())
            .and_then(|l| Some(hanging_column(l) - margins?.of(l)?.left))
    };
    let mut start = 0;
    while start < units.len() {
        if !shape[start] {
            start += 1;
            continue;
        }
        let end = (start..units.len())
            .find(|&i| !shape[i])
            .unwrap_or(units.len());
        // How far each item is set in from its own column's margin (a run can go on in
        // the next column, whose indentation counts from elsewhere).
        let indents: Vec<f32> = units[start..end]
            .iter()
            .filter_map(|(lines, _)| lines.first().and_then(|l| set_in_by(l, margins)))
            .collect();
        // A list opens at its top level and nests below it; its items read as sentences
        // (centred title lines step in and out too, but end in no punctuation).
        let low = indents.iter().copied().fold(f32::INFINITY, f32::min);
        let finished = units[start..end]
            .iter()
            .filter(|(lines, _)| {
                lines.last().is_some_and(|l| {
                    ends_sentence(&l.text) || l.plain_cow().trim_end().ends_with([':', ';'])
                })
            })
            .count();
        let nests = indents.first().is_some_and(|&i| i < low + SET_IN)
            && indents.iter().any(|&i| i >= low + SET_IN)
            && finished * 2 >= end - start;
        // Nested under a marked item: set in deeper than that item's own text.
        let beside_marked = start > 0
            && marked_text_column(start - 1)
                .zip(indents.first())
                .is_some_and(|(column, &first)| first > column + 1.0);
        if (nests && end - start >= 2) || beside_marked {
            out[start..end].iter_mut().for_each(|x| *x = true);
        }
        start = end;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn laid_out(text: &str) -> Vec<TextLine> {
        text.lines()
            .enumerate()
            .map(|(i, l)| TextLine::new(l, 1, i + 1))
            .collect()
    }

    const BODY: &str =
        " The committee met four times during the year and reviewed the work of each of its
 programmes, the budget, the audit and the plans that the secretariat put forward for the
 coming year. It heard evidence from staff and from partners in the field, and it asked
 for further figures on the cost of the new offices and on the time taken to answer the
 letters sent by members of the public. The committee found three problems with it:
      Late Payments: Invoices were paid on average forty days after they were received,
      well beyond the thirty days the rules allow.
          Small suppliers were hit hardest by the delays.
          Two suppliers withdrew from tenders in the second half of the year.
      Missing Records: Several files could not be found.
 The secretariat has accepted the findings and will report on progress at the next meeting
 of the committee, which is expected to take place in the spring of the following year.";

    #[test]
    fn margins_of_laid_out_text() {
        let lines = laid_out(BODY);
        let m = margins(&lines, 88.0)
            .expect("laid out")
            .of(&lines[0])
            .unwrap();
        assert_eq!(m.left, 1.0);
        assert!(m.right > 85.0, "{m:?}");
        // The same text with every line flush left (raw text) carries no indentation.
        let raw: Vec<TextLine> = BODY
            .lines()
            .enumerate()
            .map(|(i, l)| TextLine::new(l.trim_start(), 1, i + 1))
            .collect();
        assert!(margins(&raw, 88.0).is_none());
    }

    #[test]
    fn set_in_runs_break_where_the_author_broke_them() {
        let lines = laid_out(BODY);
        let m = margins(&lines, 88.0);
        let brk = |a: usize, b: usize, unit: std::ops::Range<usize>| {
            breaks_before(&lines[a], &lines[b], &lines[unit], m)
        };
        // Deeper after a finished line: nested.
        assert_eq!(brk(6, 7, 5..7), Some(true));
        // Same column after a line that stopped short: the next item.
        assert_eq!(brk(7, 8, 7..8), Some(true));
        // Back out to the outer item.
        assert_eq!(brk(8, 9, 8..9), Some(true));
        // A wrapped line of the same item is no break.
        assert_eq!(brk(5, 6, 5..6), None);
        // Back to the margin after the run.
        assert_eq!(brk(9, 10, 9..10), Some(true));
    }

    #[test]
    fn runs_count_as_lists_only_when_they_nest_or_sit_under_a_marked_item() {
        let lines = laid_out(BODY);
        let m = margins(&lines, 88.0);
        let units: Vec<(&[TextLine], bool)> = vec![
            (&lines[0..5], true),
            (&lines[5..7], true),
            (&lines[7..8], true),
            (&lines[8..9], true),
            (&lines[9..10], true),
            (&lines[10..12], true),
        ];
        assert_eq!(
            unmarked_items(&units, m),
            vec![false, true, true, true, true, false]
        );
        // The same run flat (one depth, no marked item above): an abstract box or a quotation.
        let flat: Vec<(&[TextLine], bool)> = vec![
            (&lines[0..5], true),
            (&lines[5..7], true),
            (&lines[9..10], true),
            (&lines[10..12], true),
        ];
        assert_eq!(unmarked_items(&flat, m), vec![false; 4]);
        // A table row (cells apart by runs of spaces) is no item.
        let row = laid_out("      Children            11.77         2.40 to 21.15");
        assert!(!unmarked_item_shape(&row, m));
    }

    #[test]
    fn item_shapes() {
        let lines = laid_out(BODY);
        let m = margins(&lines, 88.0);
        assert!(unmarked_item_shape(&lines[5..7], m));
        assert!(unmarked_item_shape(&lines[7..8], m));
        assert!(!unmarked_item_shape(&lines[0..5], m));
        // A centred heading line is no item.
        let centred = laid_out(&format!(
            "{BODY}\n                                   Annex Tables"
        ));
        let m = margins(&centred, 88.0);
        assert!(!unmarked_item_shape(&centred[12..13], m));
    }
}
