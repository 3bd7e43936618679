//! Which units are headings: by their type against the body's (size, weight, face), by
//! their section number, by the space and text around them; and which are not (a label
//! over its value, a run-in heading against the document's style).

use crate::report::Report;
use crate::structure::classify::{BulletClass, LabelStyle, breaks_off, line_marker};
use crate::structure::units::{Measure, Unit};
use crate::words::{ends_sentence, words};

use super::{Piece, PieceKind};

/// A numbered line is a heading unless it is one of a run of numbered list items.
pub(super) fn is_numbered_heading(first: &str, number: &str, next: Option<&Unit>) -> bool {
    if number.contains('.') {
        return true;
    }
    let plain = crate::rich::plain(first);
    if plain.trim_end().ends_with(':') {
        return true;
    }
    let n: u32 = number.parse().unwrap_or(0);
    // The next unit continuing the numbering as a list item means a list.
    let next_item = next
        .and_then(|u| line_marker(u.first()))
        .is_some_and(|m| m.class.ordered() && m.ordinal == Some(n + 1));
    !next_item && words(&plain) <= 8
}

/// Whether a unit is a label over its value: one line ending in a colon with the next
/// unit set directly under it, without the space a heading leaves ("Published in:" over
/// the proceedings' name, "FROM:" over a sender). Neither line is a heading: a colon
/// announces what follows, and nothing sets the pair apart from each other.
/// The value must be set in another type (size or face), and the label near the body's
/// size: a title broken after its colon ("Mathematical Induction:" over "And so on …",
/// in display type) is one heading.
pub(super) fn label_over_value(unit: &Unit, next: Option<&Unit>, body: f32) -> bool {
    unit.lines.len() == 1 && value_under_label(unit, next, body)
}

/// Whether `next` is the value under the label or question `unit`, as in
/// [`label_over_value`], where the label may run over several lines: a form's
/// question ("If “Yes”, briefly describe … those services:") over the answer typed into
/// its field ("N/A"), which a form often sets larger than its labels. The value is no
/// heading.
pub(super) fn value_under_label(unit: &Unit, next: Option<&Unit>, body: f32) -> bool {
    let Some(next) = next else { return false };
    let (Some(label), Some(value)) = (
        unit.lines.last().and_then(|l| l.geometry),
        next.lines.first().and_then(|l| l.geometry),
    ) else {
        return false;
    };
    let same_type = label.face == value.face && (label.font_size - value.font_size).abs() < 0.3;
    // A label of several lines is a question set directly over its answer: within a
    // line's space below its last line, and overlapping it across (not a box's title
    // after a colon-ended paragraph of the column beside).
    let gap = value.bbox.y0 - label.bbox.y1;
    let under = gap > -0.5 * value.font_size
        && gap < 0.8 * value.font_size.max(label.font_size)
        && value.bbox.x0 < label.bbox.x1
        && label.bbox.x0 < value.bbox.x1;
    !same_type
        && (unit.lines.len() == 1 || under)
        && label.font_size < body * 1.4
        && !next.blank_before
        && next.page() == unit.page()
        && unit
            .lines
            .last()
            .is_some_and(|l| l.plain().trim_end().ends_with(':'))
}

/// Whether a line set apart like a heading titles something other than a section: a
/// caption ("Chart 1: Global Financial Network", "Table 2. Growth", "Figure 1-1
/// Processor architecture" with no stop after its number) titles a figure or a table; a date alone ("13 November 2003", a "Received" line's date on a line of its
/// own) is a dateline, and so is a month's abbreviation alone ("JAN" under "2023" on a
/// cover). A month's full name may title a chronology's section ("March"); its
/// abbreviation does not.
pub(super) fn titles_no_section(t: &str) -> bool {
    crate::line_kinds::opens_caption(t)
        || crate::caption_labels::names_table_or_figure(t)
        || crate::date::parse_date_line(t).is_some()
        || crate::date::month_abbreviation(t.trim())
}

/// Whether a line of `n` words reads as a sentence announcing what follows: it ends in a
/// colon and runs past eight words ("Figure 1-1 shows the major functional units of the
/// processor:" over a list). A heading that ends in a colon is a short label
/// ("Variance Analysis:").
fn announces_what_follows(t: &str, n: usize) -> bool {
    t.ends_with(':') && n > 8
}

/// What sets a heading apart from the body text by its type.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum TypeEvidence {
    /// A larger size: evidence enough.
    Size,
    /// Bold, or a display face, at about the body's size: the same type also sets form
    /// labels and table captions, so the heading must introduce text (see
    /// [`introduces_text`]).
    Weight,
}

/// PDF input: a short unit set larger than the body text (or entirely in bold at its
/// size, or in a display face of its own — `style`, given only once running text has
/// begun) that does not end like a sentence or break off is a heading, unless it titles
/// no section (see [`titles_no_section`]).
pub(super) fn heading_by_type(
    unit: &Unit,
    joined: &str,
    body: f32,
    larger: f32,
    style: Option<crate::layout::BodyStyle>,
) -> Option<TypeEvidence> {
    let sizes: Vec<f32> = unit
        .lines
        .iter()
        .filter_map(|l| l.geometry.map(|g| g.font_size))
        .collect();
    if sizes.len() != unit.lines.len()
        || sizes.is_empty()
        || unit.lines.len() > crate::structure::units::HEADING_LINES
    {
        return None;
    }
    let size = sizes.iter().copied().fold(f32::INFINITY, f32::min);
    let plain = crate::rich::plain_without_scripts(joined);
    let t = plain.trim();
    let n = words(t);
    if n == 0
        || n > 20
        || t.ends_with('.')
        || breaks_off(t)
        || crate::structure::classify::has_url(t)
        || !crate::structure::classify::mostly_words(t)
        || crate::words::looks_like_formula(t)
        || titles_no_section(t)
        || announces_what_follows(t, n)
    {
        return None;
    }
    if line_marker(joined).is_some_and(|m| !m.class.ordered()) {
        return None;
    }
    let bigger =
        size >= body * (larger - 0.1) && (size >= body * larger || crate::rich::all_bold(joined));
    // Bold at the body's size with no word of two letters is a figure's or a formula's
    // lettering ("P̂ 0 P", "A B C"), not a title.
    let has_word = t
        .split(|c: char| !c.is_alphabetic())
        .any(|w| w.chars().count() >= 2);
    let bold_alone =
        (size - body).abs() < 0.3 && crate::rich::all_bold(joined) && n <= 12 && has_word;
    let own_face = n <= 12
        && !names_an_address(t)
        && style.is_some_and(|s| {
            unit.lines
                .iter()
                .all(|l| l.geometry.is_some_and(|g| s.set_apart_by_face(&g)))
        });
    if bigger {
        Some(TypeEvidence::Size)
    } else if bold_alone || own_face {
        Some(TypeEvidence::Weight)
    } else {
        None
    }
}

/// Whether a unit not in bold, with no space above it, sits directly under a line of text
/// in its own face and size: it goes on that block and starts no title, whatever its type
/// ("Unrepresented Employee: …" among an agenda item's entries, the lines of an address on
/// a cover page). Its type may be larger than the body's: on a page of small print,
/// everything else is.
pub(super) fn goes_on_a_block(unit: &Unit, above: Option<&Unit>, joined: &str) -> bool {
    let Some(g) = unit.lines[0].geometry else {
        return false;
    };
    !unit.blank_before
        && !crate::rich::all_bold(joined)
        && above
            .and_then(|p| p.lines.last())
            .and_then(|l| l.geometry.map(|a| (l.page, a)))
            .is_some_and(|(page, a)| crate::layout::goes_on_stack((page, &a), unit.page(), &g))
}

/// Whether `unit`, stacked directly under the heading `heading` in its face and size (see
/// [`goes_on_a_block`]), is that heading's next line rather than a heading of its own: one
/// line under the heading made of `above` alone, the heading unfinished (no closing stop,
/// colon or mark), the line no label (no closing colon) and both in the same case. "2.1 Public Employee Performance Evaluation –
/// Pursuant to Government Code" over "Section 54957" is one heading; "METHODS" over
/// "Search strategy" is a heading of the next rank down.
pub(super) fn carries_heading_on(heading: &Piece, above: &Unit, unit: &Unit, joined: &str) -> bool {
    let capitals =
        |t: &str| t.chars().any(char::is_alphabetic) && !t.chars().any(char::is_lowercase);
    let text = crate::rich::plain(&heading.text);
    let text = text.trim_end();
    let line = crate::rich::plain(joined);
    unit.lines.len() == 1
        && heading.lines.len() == above.lines.len()
        && heading.lines.last() == above.lines.last().map(|l| &l.source_line)
        && !text.ends_with(['.', ':', ';', '!', '?'])
        && !line.trim_end().ends_with(':')
        && capitals(text) == capitals(&line)
}

/// Whether the piece after a heading set apart only by weight or face lets it be one: a
/// bold line over a table, over rows of form fields ("Customer Information", then
/// "Insured name   Gabriel Diaz") or at the end of the text is a label or a caption, and
/// stays a bold line of text. Anything else may follow a heading (when figure labels
/// interrupt the reading order, even short lines), so only those three undo it.
pub(super) fn introduces_text(next: Option<&Piece>, in_rows: &dyn Fn(&Piece) -> bool) -> bool {
    let Some(next) = next else { return false };
    match &next.kind {
        PieceKind::Table(..) => false,
        PieceKind::Text => !in_rows(next),
        _ => true,
    }
}

/// Whether a heading is the first line of the paragraph after it, cut off by a size the
/// line does not have in print (an OCR layer sizes each line by its own height): the line
/// stops on a word in lower case in the middle of a phrase no title would leave there
/// ("… the returns to the Doncaster Committee give bones a"), and the text after it goes
/// on in lower case ("preference to farm-yard dung."). A title in sentence case is
/// followed by a sentence of its own, which opens with a capital.
pub(super) fn begins_next_paragraph(heading: &str, next: &str) -> bool {
    let h = crate::rich::plain_without_scripts(heading);
    let h = h.trim();
    let last_word_lower = h
        .rsplit(char::is_whitespace)
        .next()
        .is_some_and(|w| w.chars().next().is_some_and(char::is_lowercase));
    // A line of running text is long, or has a sentence's inner stops; a short title in
    // lower case ("brief notices", from an OCR layer that lost case) is neither.
    let runs_on = words(h) >= 8 || h.contains(", ") || h.contains(". ");
    let next = crate::rich::plain(next);
    runs_on
        && last_word_lower
        && !crate::line_kinds::title_like(h)
        && next.trim_start().starts_with(char::is_lowercase)
}

/// The number a line opens with when it is numbered like a section or an ordered item
/// ("2.", "4.1", "3)"), without its closing punctuation.
pub(super) fn section_number(first: &str) -> Option<String> {
    line_marker(first).filter(|m| m.class.ordered())?;
    let plain = crate::rich::plain_without_scripts(first);
    let token = plain.split_whitespace().next()?;
    let number = token.trim_end_matches(['.', ')']);
    number
        .chars()
        .all(|c| c.is_ascii_digit() || c == '.')
        .then(|| number.to_string())
        .filter(|n| n.starts_with(|c: char| c.is_ascii_digit()))
}

/// Whether every line of the unit is set clearly larger than the body text (by the share
/// that tells a heading's type from the body's in [`heading_by_type`]).
pub(super) fn set_larger(unit: &Unit, body: f32, larger: f32) -> bool {
    unit.lines
        .iter()
        .all(|l| l.geometry.is_some_and(|g| g.font_size >= body * larger))
}

/// Whether a line holds an e-mail address, a domain or a file name ("intel.com",
/// "notes.txt"): the tail of an author block or a listing, never a section title.
fn names_an_address(t: &str) -> bool {
    t.contains('@')
        || t.split_whitespace().any(|w| {
            w.split_once('.').is_some_and(|(a, b)| {
                a.chars().last().is_some_and(char::is_alphanumeric)
                    && b.chars().take_while(|c| c.is_ascii_lowercase()).count() >= 2
            })
        })
}
/// PDF input, where type is known: a line set like the body text is a heading on its shape
/// only with a second piece of evidence — in capitals, with space both before and after
/// it, or underlined (see [`underlined`]) with space before or after it. Otherwise a
/// table cell, a running header, a form label or a link would pass.
pub(super) fn shape_suffices_in_pdf(unit: &Unit, next: Option<&Unit>) -> bool {
    let plain = crate::rich::plain_without_scripts(unit.first());
    let letters: Vec<char> = plain.chars().filter(|c| c.is_alphabetic()).collect();
    let capitals = letters.len() >= 4 && letters.iter().all(|c| !c.is_lowercase());
    (capitals && unit.blank_before && next.is_some_and(|n| n.blank_before)) || underlined(unit)
}

/// Ems by which an underline may reach past its text at either end, at most; a rule
/// reaching further is a border or a divider under the line, not its underline.
const UNDERLINE_OVERHANG: f32 = 1.0;

/// Whether a unit of one line has a rule drawn beneath its text that runs under all of it
/// and not much further: an underline, as typewriters and word processors set headings.
/// A link is underlined too; the heading's shape (no address) and its context are asked
/// besides. Only a line in plain roman type counts: a bold line underlined
/// is a link or a label in the documents seen (a contents link), and one with a colon is a
/// label and its value ("Goto Page 2: Line Tool", a row of internal links) or introduces
/// what follows.
pub(super) fn underlined(unit: &Unit) -> bool {
    let [line] = unit.lines.as_slice() else {
        return false;
    };
    let plain = crate::rich::plain(&line.text);
    if plain.trim() != line.text.trim() || plain.contains(':') {
        return false;
    }
    let (Some(g), Some((x0, x1))) = (line.geometry, line.rule_below) else {
        return false;
    };
    let em = g.font_size.max(1.0);
    let (left, right) = (g.bbox.x0 - x0, x1 - g.bbox.x1);
    let reach = UNDERLINE_OVERHANG * em;
    left >= -0.5 * em && right >= -0.5 * em && left <= reach && right <= reach
}

/// A heading-shaped line is a heading when it stands apart and prose or another heading
/// follows it.
pub(super) fn heading_context(unit: &Unit, next: Option<&Unit>, m: Measure) -> bool {
    let Some(next) = next else { return false };
    if !unit.blank_before && !m.wrapped {
        return false;
    }
    let next_text = crate::rich::plain(next.first());
    let next_starts_upper = next_text
        .chars()
        .next()
        .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit() || c == '“' || c == '"');
    if !next_starts_upper && line_marker(next.first()).is_none() {
        return false;
    }
    // A heading line that ends a sentence is prose.
    !ends_sentence(unit.first())
}

/// "Conclusion: The visit…" is a heading run into its paragraph only in documents whose
/// headings end with a colon ("Key Outcomes of the Visit:"); elsewhere it is a paragraph
/// with a lead-in (whose bold the extractor lost).
pub(super) fn undo_run_in_headings_against_style(pieces: &mut Vec<Piece>) {
    let headings: Vec<&Piece> = pieces
        .iter()
        .filter(|p| matches!(p.kind, PieceKind::Heading { run_in: false, .. }))
        .collect();
    let with_colon = headings
        .iter()
        .filter(|p| crate::rich::plain(&p.text).trim_end().ends_with(':'))
        .count();
    if with_colon >= 2 && with_colon * 3 >= headings.len() {
        return;
    }
    let mut i = 0;
    while i < pieces.len() {
        if matches!(pieces[i].kind, PieceKind::Heading { run_in: true, .. })
            && pieces.get(i + 1).is_some_and(|p| p.kind == PieceKind::Text)
        {
            let rest = pieces.remove(i + 1);
            let p = &mut pieces[i];
            p.text = format!("{}: {}", p.text, rest.text);
            p.kind = PieceKind::Text;
        }
        i += 1;
    }
}

/// Makes `piece` a heading on evidence found outside its type (a tagged `H1`, an outline
/// bookmark) and records that evidence in the report.
pub(in crate::structure) fn promote_to_heading(
    piece: &mut Piece,
    evidence: String,
    confidence: f32,
    report: &mut Report,
) {
    report.push(
        crate::report::Action::new(crate::report::ActionKind::Guess)
            .page(piece.page)
            .lines(piece.lines.iter().copied().take(1))
            .before(crate::rich::plain(&piece.text))
            .evidence(evidence)
            .confidence(confidence),
    );
    piece.kind = PieceKind::Heading {
        number: crate::structure::classify::numbered_heading(&piece.text).map(|(n, _)| n),
        run_in: false,
    };
}

/// Numbered items that are headings of a sequence: an item alone ("1. CALL TO ORDER"),
/// no item of its list beside it, next to a heading whose number is one after or one
/// before its own and set alike (both in bold, in type of one size). An agenda whose items
/// with text under them read as headings has items with nothing under them too; they are
/// of the same rank, not lists of one. With text between them, the item needs the
/// numbered headings on both sides to be its neighbours in the sequence. Returns the
/// positions changed.
pub(super) fn items_in_a_run_of_headings(pieces: &mut [Piece]) -> Vec<usize> {
    let number_of = |p: &Piece| match &p.kind {
        PieceKind::Heading {
            number: Some(n),
            run_in: false,
        } => n.parse::<u32>().ok(),
        _ => None,
    };
    let is_numbered_item = |p: Option<&Piece>| {
        p.is_some_and(|p| matches!(&p.kind, PieceKind::Item(m) if m.class == BulletClass::Number))
    };
    // The nearest numbered heading after each position (later items are read before they
    // can change), and the nearest before, kept up to date as items become headings: one
    // pass each way instead of a search from every item.
    let mut numbered_after: Vec<Option<usize>> = vec![None; pieces.len()];
    for at in (0..pieces.len().saturating_sub(1)).rev() {
        numbered_after[at] = if number_of(&pieces[at + 1]).is_some() {
            Some(at + 1)
        } else {
            numbered_after[at + 1]
        };
    }
    let mut numbered_before: Option<usize> = None;
    let mut changed = Vec::new();
    for at in 0..pieces.len() {
        if at > 0 && number_of(&pieces[at - 1]).is_some() {
            numbered_before = Some(at - 1);
        }
        let PieceKind::Item(m) = &pieces[at].kind else {
            continue;
        };
        let (Some(n), BulletClass::Number, LabelStyle::Period) = (m.ordinal, m.class, m.style)
        else {
            continue;
        };
        let prev = at.checked_sub(1).map(|i| &pieces[i]);
        let next = pieces.get(at + 1);
        if is_numbered_item(prev) || is_numbered_item(next) {
            continue;
        }
        let plain = crate::rich::plain(&pieces[at].text);
        if words(&plain) > 8 || plain.trim_end().ends_with('.') {
            continue;
        }
        // Set alike: both in bold (the item's text read with its number again), one size.
        let text = numbered_again(n, &pieces[at].text);
        let (bold, size) = (crate::rich::all_bold(&text), pieces[at].font_size);
        let in_run = |h: Option<&Piece>, want: u32| {
            h.is_some_and(|h| {
                number_of(h) == Some(want)
                    && bold
                    && crate::rich::all_bold(&h.text)
                    && h.font_size
                        .zip(size)
                        .is_some_and(|(x, y)| (x - y).abs() <= 0.3)
            })
        };
        // Or, with text between, the numbered headings before and after it are the ones
        // before and after it in the sequence ("4. The apparent…", then "5. Connection
        // between…" as an item, then "6. Conclusions").
        let between = n > 1
            && in_run(numbered_before.map(|k| &pieces[k]), n - 1)
            && in_run(numbered_after[at].map(|k| &pieces[k]), n + 1);
        if in_run(next, n + 1) || n > 1 && in_run(prev, n - 1) || between {
            let p = &mut pieces[at];
            p.text = text;
            p.kind = PieceKind::Heading {
                number: Some(n.to_string()),
                run_in: false,
            };
            changed.push(at);
        }
    }
    changed
}

/// Unnumbered headings stacked four or more in a row, in one size, with nothing between
/// them: a column of names or labels (a cover's list of authors, a diagram's steps), not
/// sections that head nothing; the last of them, followed by text, is as much one of the
/// column as the others. They stay text in their bold. Returns the positions changed (the
/// outline or structure tree may still promote them).
pub(super) fn stacked_headings(pieces: &mut [Piece]) -> Vec<usize> {
    let plain_heading = |p: &Piece| {
        matches!(
            p.kind,
            PieceKind::Heading {
                number: None,
                run_in: false
            }
        ) && words(&crate::rich::plain(&p.text)) <= STACKED_WORDS
    };
    let mut changed = Vec::new();
    let mut start = 0;
    while start < pieces.len() {
        let size = pieces[start].font_size;
        let alike = |p: &Piece| {
            plain_heading(p)
                && p.page == pieces[start].page
                && p.font_size
                    .zip(size)
                    .is_some_and(|(a, b)| (a - b).abs() <= 0.3)
        };
        let end = (start..pieces.len())
            .find(|&k| !alike(&pieces[k]))
            .unwrap_or(pieces.len());
        if end - start >= STACK {
            for p in &mut pieces[start..end] {
                p.kind = PieceKind::Text;
            }
            changed.extend(start..end);
        }
        start = end.max(start + 1);
    }
    changed
}

/// Headings stacked in a row that make a column of labels rather than sections.
const STACK: usize = 4;
/// Words a stacked label holds at most (a name, a short label).
const STACKED_WORDS: usize = 4;

/// An item's text with its number printed again before it ("1. "), inside the bold run
/// the text opens with (the marker's run, which the item's text carries on).
fn numbered_again(n: u32, text: &str) -> String {
    use crate::rich::BOLD_ON;
    match text.strip_prefix(BOLD_ON) {
        Some(rest) => format!("{BOLD_ON}{n}. {rest}"),
        None => format!("{n}. {text}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_heading_begins_the_next_paragraph_only_mid_sentence() {
        let line = "On peat soils, if previously drained and laid dry, their advantages are";
        assert!(begins_next_paragraph(line, "reported to be so striking"));
        // The text after it opens a sentence of its own.
        assert!(!begins_next_paragraph(line, "Reported to be so striking"));
        // Titles: in title case, ending on a capital, short and without inner stops.
        assert!(!begins_next_paragraph(
            "Income You May Elect To Treat as Effectively Connected",
            "with a trade"
        ));
        assert!(!begins_next_paragraph(
            "Implement roles and separation of duties",
            "iSeries administrators"
        ));
        assert!(!begins_next_paragraph(
            "brief notices",
            "prophet of the jubilee"
        ));
    }

    #[test]
    fn four_headings_stacked_in_one_size_are_a_column_of_labels() {
        use crate::structure::pieces::test_pieces::{heading, piece};
        let sized = |mut p: Piece, size: f32| {
            p.font_size = Some(size);
            p
        };
        let names = [
            "Jim Bainbridge",
            "Hernando Bedoya",
            "Rob Bestgen",
            "Mike Cain",
        ];
        let mut pieces: Vec<Piece> = names.iter().map(|n| sized(heading(n), 12.0)).collect();
        pieces.push(sized(piece(PieceKind::Text, "ibm.com/redbooks"), 10.0));
        assert_eq!(stacked_headings(&mut pieces), vec![0, 1, 2, 3]);
        assert!(pieces.iter().all(|p| p.kind == PieceKind::Text));
        // Three in a row (sections whose text was not read) stay headings, and so do four
        // in alternating sizes (a heading over its subheading).
        let mut pieces: Vec<Piece> = ["Conclusions", "Acknowledgements", "Bibliography"]
            .iter()
            .map(|n| sized(heading(n), 12.0))
            .collect();
        assert!(stacked_headings(&mut pieces).is_empty());
        let mut pieces: Vec<Piece> = ["Part One", "Scope", "Part Two", "Methods"]
            .iter()
            .enumerate()
            .map(|(k, n)| sized(heading(n), if k % 2 == 0 { 16.0 } else { 12.0 }))
            .collect();
        assert!(stacked_headings(&mut pieces).is_empty());
    }

    #[test]
    fn captions_and_dates_title_no_section() {
        assert!(titles_no_section("Chart 1: Global Financial Network: 1985"));
        assert!(titles_no_section("13 November 2003"));
        assert!(titles_no_section("March 3, 2025"));
        assert!(titles_no_section("JAN"));
        assert!(titles_no_section("Sept."));
        assert!(!titles_no_section("March"));
        assert!(!titles_no_section("May"));
        assert!(!titles_no_section("Marching"));
        assert!(!titles_no_section("What’s New for 2007"));
        assert!(!titles_no_section("Expatriation After June 3, 2004"));
        assert!(!titles_no_section("Tables and Charts"));
    }
}
