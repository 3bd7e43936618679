//! Segmentation: the body's lines cut into units — runs of lines that belong together
//! (a paragraph, a list item with its continuation lines, a heading, a note).
//!
//! Two kinds of input meet here. Extractors that unwrap paragraphs give one line per
//! paragraph with blank lines between; pdftotext and PDF lines are hard-wrapped, so a
//! unit ends where a line stops short of the measure after a sentence, or where the next
//! line starts a list item or note.

use crate::lines::TextLine;

use super::classify::{BulletClass, NoteLabel, line_marker, looks_like_heading_line, note_label};
use crate::words::ends_sentence;

mod broken_headings;
mod entries;
mod full_lines;
mod indents;
mod room;
mod wrapped_labels;

pub use broken_headings::HEADING_LINES;
use broken_headings::{heading_goes_on, joined_heading};
use entries::{bare_label, continues_note_sequence, next_bracketed_entry, next_hanging_entry};
use wrapped_labels::wraps_onto_label;

/// A run of lines treated as one piece by the structure passes.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Unit {
    /// The lines, non-blank, in order.
    pub lines: Vec<TextLine>,
    /// Whether a blank line (or a page start) came before it.
    pub blank_before: bool,
}

impl Unit {
    /// The page of the first line.
    pub fn page(&self) -> usize {
        self.lines.first().map_or(0, |l| l.page)
    }

    /// The first line's rich text.
    pub fn first(&self) -> &str {
        self.lines.first().map_or("", |l| l.text.as_str())
    }

    /// Input line numbers covered.
    pub fn source_lines(&self) -> Vec<usize> {
        self.lines.iter().map(|l| l.source_line).collect()
    }
}

/// Facts about the whole text that segmentation needs.
#[derive(Debug, Clone, Copy)]
pub struct Measure {
    /// Typical length of a full line, in characters (hard-wrapped input).
    pub width: f32,
    /// Whether the input is hard-wrapped (pdftotext, PDF lines) rather than one line per
    /// paragraph.
    pub wrapped: bool,
    /// How running text is set (PDF input).
    pub body: Option<crate::layout::BodyStyle>,
    /// Where full lines start and end, when the text keeps its layout (see
    /// [`super::indented`]).
    pub margins: Option<super::indented::Margins>,
}

/// Measures line lengths to tell hard-wrapped text from unwrapped text.
pub fn measure(lines: &[TextLine]) -> Measure {
    let mut lens: Vec<usize> = lines
        .iter()
        .filter(|l| !l.is_blank())
        .map(|l| l.plain_char_count())
        .collect();
    if lens.is_empty() {
        return Measure {
            width: 80.0,
            wrapped: false,
            body: None,
            margins: None,
        };
    }
    lens.sort_unstable();
    let p90 = lens[(lens.len() * 9 / 10).min(lens.len() - 1)] as f32;
    // Unwrapped text puts a blank line after nearly every line; hard-wrapped text runs
    // lines together.
    let non_blank = lines.iter().filter(|l| !l.is_blank()).count().max(1);
    let run_on = lines
        .windows(2)
        .filter(|w| !w[0].is_blank() && !w[1].is_blank())
        .count();
    let geometric = lines.iter().any(|l| l.geometry.is_some());
    let wrapped = geometric || run_on * 2 >= non_blank;
    Measure {
        width: p90,
        wrapped,
        body: crate::layout::BodyStyle::of(lines),
        margins: if wrapped {
            super::indented::margins(lines, p90)
        } else {
            None
        },
    }
}

/// Cuts lines into units.
pub fn segment(lines: &[TextLine], m: Measure) -> Vec<Unit> {
    let mut units: Vec<Unit> = Vec::new();
    let mut current = Unit::default();
    let mut blank_before = true;
    let close = |current: &mut Unit, units: &mut Vec<Unit>| {
        if !current.lines.is_empty() {
            units.push(std::mem::take(current));
        }
    };
    // The number of the last item of each class that opened a unit: a three-digit label
    // that continues its class's numbering opens the next item, even after items of
    // another class nested in between ("155.", "a.", "b.", then "156.").
    let mut last_items: Vec<(BulletClass, u32)> = Vec::new();
    // The last bare note label ("1" alone on its line, the note's text below), and whether
    // the current unit is a bare label in sequence waiting for its text.
    let mut last_label: Option<u32> = None;
    let mut label_waits = false;
    let edges = room::column_edges(lines);
    let mut prev_at = 0;
    for (at, line) in lines.iter().enumerate() {
        if line.is_blank() {
            if !label_waits {
                close(&mut current, &mut units);
                blank_before = true;
            }
            continue;
        }
        // A bare label one past the last opens the next note, even after a line left
        // unfinished (a URL broken at "…-perform" / "ance-review" / "2"), and keeps the
        // text below it across blank lines (pdftotext's default mode scatters them).
        let label = bare_label(lines, at);
        let next_label = label.is_some_and(|n| last_label.is_some_and(|l| n == l + 1));
        if label == Some(1) || next_label {
            last_label = label;
        }
        let starts_new = match current.lines.last() {
            None => true,
            Some(_) if label_waits => false,
            Some(prev) => {
                next_label
                    || prev.page != line.page
                    || prev.column != line.column
                    || breaks_before(
                        prev,
                        line,
                        lines.get(at + 1),
                        &current,
                        &last_items,
                        m,
                        (edges[prev_at], edges[at]),
                    )
            }
        };
        label_waits = next_label;
        if starts_new {
            close(&mut current, &mut units);
            if let Some(mk) = line_marker(&line.text)
                && let Some(n) = mk.ordinal
            {
                last_items.retain(|(class, _)| *class != mk.class);
                last_items.push((mk.class, n));
            }
            current.blank_before = blank_before || current_is_page_start(&units, line);
        }
        current.lines.push(line.clone());
        prev_at = at;
        blank_before = false;
    }
    close(&mut current, &mut units);
    units
}

/// Where the unit's lines start (PDF input): the leftmost of its first line (which may be
/// indented) and `prev`, its last (which may be a paragraph's short first line). Two lines
/// only, so that a long unit costs no more per line.
fn left_end(unit: &Unit, prev: &TextLine) -> Option<f32> {
    [unit.lines.first(), Some(prev)]
        .into_iter()
        .flatten()
        .filter_map(|l| l.geometry.map(|g| g.bbox.x0))
        .reduce(f32::min)
}

fn current_is_page_start(units: &[Unit], line: &TextLine) -> bool {
    units
        .last()
        .is_some_and(|u| u.lines.last().is_some_and(|l| l.page != line.page))
}

/// Whether `line` (followed by `next`) starts a new unit after `prev` (both non-blank, same
/// page) and the lines of `unit`, given the number of the last item of each class that
/// opened a unit and the right edges of `prev`'s and `line`'s columns (see
/// [`room::column_edges`]).
fn breaks_before(
    prev: &TextLine,
    line: &TextLine,
    next: Option<&TextLine>,
    unit: &Unit,
    last_items: &[(BulletClass, u32)],
    m: Measure,
    (prev_edge, edge_here): (Option<f32>, Option<f32>),
) -> bool {
    // A tagged PDF's structure says where headings, items and cells begin and end.
    if let Some(tagged) = super::tagged_lines::break_between(prev, line) {
        return tagged;
    }
    let text = line.text.as_str();
    // An item starts a unit unless its label has three digits or is a wrapped word of
    // the sentence above (`wraps_onto_label`); one continuing the numbering always does.
    if let Some(mk) = line_marker(text) {
        let continues = mk.ordinal.is_some_and(|n| {
            last_items
                .iter()
                .any(|&(class, last)| class == mk.class && n == last + 1)
        });
        if continues || (!mk.needs_break() && !wraps_onto_label(prev, line, unit, &mk, m.width)) {
            return true;
        }
    }
    if continues_note_sequence(unit, text)
        || next_bracketed_entry(unit, line)
        || next_hanging_entry(unit, line)
    {
        return true;
    }
    // Continuation lines of unwrapped text are indented by a space (list items wrapped by
    // the extractor); anything else after a one-line unit in unwrapped text is new.
    if !m.wrapped {
        return !(line.indent > 0.0 || starts_lowercase(text));
    }
    // Extracted text in a script without case: numbered headings (see `uncased`).
    if prev.geometry.is_none()
        && line.geometry.is_none()
        && let Some(brk) = super::uncased::breaks_before(prev, line, next, &unit.lines, m.width)
    {
        return brk;
    }
    if let Some(set_in) = super::indented::breaks_before(prev, line, &unit.lines, m.margins) {
        return set_in;
    }
    if let Some(goes_on) = heading_goes_on(prev, line, unit, m) {
        return !goes_on;
    }
    let prev_text = prev.plain_cow();
    let prev_len = prev_text.chars().count() as f32;
    let full = full_lines::runs_to_measure(prev, &unit.lines, m.width) == Some(true);
    let short = prev_len < 0.72 * m.width && !full;
    if short && (ends_sentence(&prev.text) || prev_text.trim_end().ends_with(':')) {
        return true;
    }
    // A first line set in from the lines above and below it (see `indents`).
    if indents::opens_indented_paragraph(prev, line, next) {
        return true;
    }
    // A PDF line that ends a sentence (or a colon) with room left for the next line's
    // first word was ended by its author (see `room`), unless the next line, wrapped,
    // ends about where it does: then something beside them (a figure) sets their measure.
    if !full
        && (ends_sentence(&prev.text) || prev_text.trim_end().ends_with(':'))
        && !starts_lowercase(text)
        && prev_edge.is_some_and(|edge| room::next_word_fits(prev, line, edge))
        && !wrapped_level_with(prev, line)
    {
        return true;
    }
    // A heading in capitals (a few lines) whose last line is centred in its column ends
    // there, before a line of running text in mixed case ("III. CORRECTING EACH GAUGE BY
    // ITS REFERENCE" over a centred "GAUGE", then the section's first line). The line's
    // own edge is its column's: a centred line's is found among no others. Capitals make
    // words: a formula's letters ("( )", "V U") do not, nor does a script without case.
    let capitals = |l: &TextLine| !l.plain_cow().chars().any(char::is_lowercase);
    let word = |l: &TextLine| {
        l.plain_cow()
            .split(|c: char| !c.is_alphabetic())
            .any(|w| w.chars().count() >= 3 && w.chars().all(char::is_uppercase))
    };
    if let Some(edge) = edge_here
        && let Some(left) = left_end(unit, prev)
        && room::centred(prev, left, edge)
        && unit.lines.len() <= broken_headings::HEADING_LINES
        && !starts_lowercase(text)
        && line.plain_cow().chars().any(char::is_lowercase)
        && unit.lines.iter().all(capitals)
        && unit.lines.iter().any(word)
    {
        return true;
    }
    // A PDF line centred in its column after a finished sentence, opening with a capital or
    // a digit and ending no sentence itself, stands on a line of its own ("IV. RESULTS"
    // between two paragraphs), whatever room the sentence's line left. A paragraph's short
    // last line ("Reprinted with permission.") or a reference's ("(Ed.), …, pp. 1-32.")
    // may happen to sit mid-column.
    if !full
        && ends_sentence(&prev.text)
        && line
            .plain_cow()
            .starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit())
        && !ends_sentence(text)
        && let Some(edge) = prev_edge
        && let Some(left) = left_end(unit, prev)
        && room::centred(line, left, edge)
    {
        return true;
    }
    // Extracted text: a finished sentence on a line that had room for the next word (with
    // a tenth of the measure to spare, for proportional type) ended where the author broke.
    if prev.geometry.is_none()
        && ends_sentence(&prev.text)
        && !starts_lowercase(text)
        && prev_len + 1.0 + first_word_len(text) <= 0.9 * m.width
    {
        return true;
    }
    // Extracted text without indentation: a sentence set on a line of its own after a
    // finished sentence, with another such line after it or before it, is one of a run of
    // items whose bullets were lost (each line a whole sentence). Prose wrapped to a
    // measure seldom ends two lines running exactly where a sentence ends.
    if m.margins.is_none()
        && prev.geometry.is_none()
        && ends_sentence(&prev.text)
        && whole_sentence_line(line)
        && (next.is_some_and(|n| n.page == line.page && whole_sentence_line(n))
            || (unit.lines.len() == 1 && whole_sentence_line(prev)))
    {
        return true;
    }
    // A PDF line opening with a label in bold and its colon ("**DATES:** The FAA…") after
    // a finished sentence opens a paragraph, as its type says.
    if line.geometry.is_some() && ends_sentence(&prev.text) && super::classify::bold_term_lead(text)
    {
        return true;
    }
    // Extracted text without indentation: a line opening with a term in title case and a
    // colon ("Chronic Disease: Almost a third…") after a finished sentence opens a unit,
    // as a run-in term does; wrapped prose seldom puts a capitalised phrase and a colon
    // at a line's start.
    if m.margins.is_none()
        && line.geometry.is_none()
        && ends_sentence(&prev.text)
        && super::classify::term_lead(text).is_some_and(|lead| crate::line_kinds::title_like(&lead))
    {
        return true;
    }
    // In extracted text a heading set on its own line comes after the paragraph's last
    // sentence even when that line ran to the measure: a short title-like line after a
    // finished sentence starts a unit (PDF lines have the gap above to say so instead).
    if line.geometry.is_none()
        && ends_sentence(&prev.text)
        && (line.plain_char_count() as f32) < 0.72 * m.width
        && looks_like_heading_line(text)
    {
        return true;
    }
    // Extracted text: a section heading numbered to a second level ("5.2 Quantitative
    // Results") after a row of figures starts a unit: the table above it has ended.
    if line.geometry.is_none()
        && (line.plain_char_count() as f32) < 0.72 * m.width
        && super::classify::numbered_heading(text).is_some_and(|(n, _)| n.contains('.'))
        && super::text_headings::reads_as_row(&prev.text)
    {
        return true;
    }
    // A short line with no final punctuation, followed by a capitalised line, is a heading
    // or a label of its own.
    if short
        && looks_like_heading_line(&prev.text)
        && !starts_lowercase(text)
        && (unit.lines.len() == 1 || joined_heading(unit, m))
    {
        return true;
    }
    // Geometry: a clear vertical gap or a change of size separates paragraphs.
    if let (Some(a), Some(b)) = (prev.geometry, line.geometry) {
        // A title set in a face of its own starts a unit after running text and ends
        // one before it.
        if let Some(body) = m.body {
            let title_above = unit.lines.len() <= 3
                && unit.lines.iter().all(|l| {
                    l.geometry
                        .is_some_and(|g| g.face == a.face && body.set_apart_by_face(&g))
                });
            if (title_above && body.is_body(&b)) || (body.is_body(&a) && body.set_apart_by_face(&b))
            {
                return true;
            }
            if unit.lines.len() == 1 && bold_heading_over_text(prev, line, body) {
                return true;
            }
            if bold_heading_broken_over_lines(unit, m)
                && body.is_body(&b)
                && !crate::rich::all_bold(&crate::rich::split_visible(&line.text, 1).0)
            {
                return true;
            }
        }
        let gap = b.bbox.y0 - a.bbox.y1;
        let size = a.font_size.max(b.font_size).max(1.0);
        if gap > 0.8 * size || (a.font_size - b.font_size).abs() > 0.15 * size {
            return true;
        }
        if bold_heading_set_off(unit, line) {
            return true;
        }
    }
    false
}

/// Whether `prev`, a line standing as a unit of its own, is a heading set in bold at the
/// body's size that ends before `line`, running text in the body face below it. Such a
/// heading is parted from its paragraph by little more than a line's spacing, and a long
/// one ("3.3 NE Tagging and Coreference Resolution") is no short line either; what marks
/// it is the whole line in bold, the heading's shape, and a line that stops short of the
/// text below it (a bold sentence that wraps runs to the measure). The bold face stands in
/// for the capitals a heading in plain type needs: journals set sub-headings in sentence
/// case ("Study population").
fn bold_heading_over_text(
    prev: &TextLine,
    line: &TextLine,
    body: crate::layout::BodyStyle,
) -> bool {
    let (Some(a), Some(b)) = (prev.geometry, line.geometry) else {
        return false;
    };
    let size = a.font_size.max(1.0);
    a.face != b.face
        && body.is_body(&b)
        && (a.font_size - b.font_size).abs() < 0.3
        && crate::rich::all_bold(&prev.text)
        && !crate::rich::all_bold(&crate::rich::split_visible(&line.text, 1).0)
        && a.bbox.x1 + size < b.bbox.x1
        && (a.bbox.x0 - b.bbox.x0).abs() < 2.0 * size
        && super::classify::heading_line_shape(&prev.text)
}

/// Whether the unit is a heading in bold broken over lines (see [`joined_heading`]),
/// unfinished on none of them: it ends before running text in the body's type (its first
/// word not in bold), however
/// close under it and however full its last line (a line's fullness is measured against
/// the unit's own lines, here the heading's).
fn bold_heading_broken_over_lines(unit: &Unit, m: Measure) -> bool {
    unit.lines.len() >= 2
        && unit.lines.iter().all(|l| crate::rich::all_bold(&l.text))
        && unit.lines.last().is_some_and(|l| !ends_sentence(&l.text))
        && joined_heading(unit, m)
}

/// Whether `line`, a whole line in bold with a heading's shape, stands under a finished
/// sentence of `unit` with more space above it than the unit's lines have between them
/// (a third of an em more, at least): a heading at the body's size that the line spacing
/// alone would not part from the paragraph above (the Federal Register's "Confidential
/// Business Information (CBI)", 5 pt under a paragraph set on 10 pt).
fn bold_heading_set_off(unit: &Unit, line: &TextLine) -> bool {
    let [.., above, prev] = &unit.lines[..] else {
        return false;
    };
    let (Some(z), Some(a), Some(b)) = (above.geometry, prev.geometry, line.geometry) else {
        return false;
    };
    let size = b.font_size.max(1.0);
    let pitch = a.baseline - z.baseline;
    pitch > 0.0
        && ends_sentence(&prev.text)
        && (a.font_size - b.font_size).abs() < 0.15 * size
        && b.baseline - a.baseline > pitch + size / 3.0
        && indents::bold_heading(line)
}

/// Words a line must hold to be read as a whole sentence set on its own (see
/// `whole_sentence_line`): fewer make a label or a heading.
const WHOLE_SENTENCE_WORDS: usize = 5;

/// Whether an extracted line holds a sentence of its own: it opens with a capital, ends a
/// sentence on a word (not on a figure, as a table's row does: "0.34"), holds a sentence's
/// number of words, and carries no list marker or note label.
fn whole_sentence_line(line: &TextLine) -> bool {
    if line.geometry.is_some() {
        return false;
    }
    let plain = line.plain_cow();
    let ends_on_a_word = plain
        .split_whitespace()
        .last()
        .is_some_and(|w| w.chars().filter(|c| c.is_alphabetic()).count() >= 2);
    ends_on_a_word
        && plain.trim_start().starts_with(char::is_uppercase)
        && ends_sentence(&line.text)
        && crate::words::words(&plain) >= WHOLE_SENTENCE_WORDS
        && line_marker(&line.text).is_none()
        && note_label(&line.text, true).0 == NoteLabel::None
}

/// Whether `line` runs on mid-sentence and its right end lies within an em of `prev`'s.
fn wrapped_level_with(prev: &TextLine, line: &TextLine) -> bool {
    let (Some(a), Some(b)) = (prev.geometry, line.geometry) else {
        return false;
    };
    !ends_sentence(&line.text) && (a.bbox.x1 - b.bbox.x1).abs() <= a.font_size.max(1.0)
}

fn first_word_len(text: &str) -> f32 {
    crate::rich::plain(text)
        .split_whitespace()
        .next()
        .map_or(0, |w| w.chars().count()) as f32
}

fn starts_lowercase(text: &str) -> bool {
    crate::rich::plain(text)
        .trim_start()
        .chars()
        .next()
        .is_some_and(|c| c.is_lowercase())
}

#[cfg(test)]
mod tests;
