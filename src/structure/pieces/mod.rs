//! Units classified into pieces: running text, headings, list items, notes and the links
//! that belong to notes. Classification looks at a unit's own shape and at its neighbours
//! (a citation next to other citations is a note; a short capitalised line followed by
//! prose is a heading).

use std::collections::HashMap;

use crate::layout::half_points;
use crate::lines::TextLine;
use crate::report::{Action, ActionKind, Report};

use super::classify::{
    ItemMarker, NoteLabel, citation_score, is_notes_heading, is_reference_list_heading,
    is_url_only, line_marker, looks_like_heading_line, note_label, numbered_heading,
    run_in_heading, sup_digits,
};
use super::joins::{Lexicon, is_url_fragment, join_lines};
use super::note_zones::zone_of;
use super::raw_items::{announced_item_shape, nested_between_numbers, paragraph_after_items};
use super::text_headings::{keep_headings_that_introduce_body, reads_as_row};
use super::units::{Measure, Unit};

mod cells;
mod headings;
mod items;
mod note_context;
mod zones;

use cells::{beside_a_label, cell_styles, shares_row};
pub(super) use headings::promote_to_heading;
use headings::{
    TypeEvidence, heading_by_type, heading_context, introduces_text, is_numbered_heading,
    label_over_value, section_number, set_larger, shape_suffices_in_pdf,
    undo_run_in_headings_against_style,
};
use items::{report_unmarked_item, unmarked_item};
use note_context::{
    in_reference_list, looks_like_citation, mark_notes_by_context, mark_notes_in_breaks,
    symbol_note_label,
};
use zones::{ZoneUnit, segment_with_zones};

/// Rows of cell texts.
type TableRows = Vec<Vec<String>>;

/// Lines set apart before the rest are segmented: a table's rows, or a code listing's text.
enum SetApart {
    Table(TableRows),
    Listing(String),
}

/// What a piece is.
#[derive(Debug, Clone, PartialEq)]
pub enum PieceKind {
    /// Running text (a paragraph, or part of one).
    Text,
    /// A heading; `number` is its section number when printed ("2.1").
    Heading {
        /// Section number as printed.
        number: Option<String>,
        /// Set when the heading was run into its paragraph ("Conclusion: …").
        run_in: bool,
    },
    /// A list item and its marker.
    Item(ItemMarker),
    /// A footnote or endnote text and the label it carried.
    Note(NoteLabel),
    /// A line that is only a URL (belongs to the note before it).
    Url,
    /// The rest of a note that ran over from the previous column or page.
    NoteContinued,
    /// "Notes" / "Endnotes": the notes follow.
    NotesHeading,
    /// A table: rows of cell texts, the first the header.
    Table(Vec<Vec<String>>),
    /// A note of the table just before it, with its label as printed (set when notes are
    /// collected; see [`super::table_notes`]).
    TableNote(String),
    /// A code listing: its text is the lines as printed, indentation kept.
    Listing,
    /// Text printed in a page's note area that is not one of the notes (a colophon at
    /// the foot of page 1, an unnumbered author note): a paragraph of its own that does
    /// not break the running text it sits between.
    Aside,
}

/// A classified unit: its kind, its text (lines joined, marker or label removed).
#[derive(Debug, Clone)]
pub struct Piece {
    /// What it is.
    pub kind: PieceKind,
    /// Rich text, lines joined.
    pub text: String,
    /// Page of its first line.
    pub page: usize,
    /// Input line numbers.
    pub lines: Vec<usize>,
    /// Indentation of its first line.
    pub indent: f32,
    /// Whether a blank line preceded it.
    pub blank_before: bool,
    /// Font size of its first line (PDF input).
    pub font_size: Option<f32>,
}

/// Segments and classifies the body lines.
pub fn pieces(lines: &[TextLine], m: Measure, lex: &Lexicon, report: &mut Report) -> Vec<Piece> {
    let zones = super::note_zones::find_zones(lines);
    let outside_notes =
        |start: usize, end: usize| (start..end).all(|i| zone_of(&zones, i).is_none());
    // Code listings first: their aligned lines must not be read as a table's columns.
    let mut apart: Vec<(usize, usize, SetApart)> = super::listings::find(lines)
        .into_iter()
        .filter(|c| outside_notes(c.start, c.end))
        .map(|c| (c.start, c.end, SetApart::Listing(c.text)))
        .collect();
    for t in super::tables::find(lines) {
        if outside_notes(t.start, t.end)
            && !apart.iter().any(|(s, e, _)| t.start < *e && *s < t.end)
        {
            apart.push((t.start, t.end, SetApart::Table(t.rows)));
        }
    }
    apart.sort_by_key(|(start, _, _)| *start);
    // Segment the stretches between them; each becomes a unit of its own.
    let mut units: Vec<(Unit, ZoneUnit, Option<SetApart>)> = Vec::new();
    let mut at = 0;
    for (start, end, what) in apart {
        units.extend(
            segment_with_zones(lines, &zones, m, at, start)
                .into_iter()
                .map(|(u, z)| (u, z, None)),
        );
        if let SetApart::Listing(_) = what {
            report.push(
                Action::new(ActionKind::Guess)
                    .page(lines[start].page)
                    .lines(lines[start..end].iter().map(|l| l.source_line))
                    .evidence(format!(
                        "{} lines set in a monospaced font kept as a code listing",
                        end - start
                    ))
                    .confidence(0.85),
            );
        }
        let unit = Unit {
            lines: lines[start..end].to_vec(),
            blank_before: true,
        };
        units.push((unit, ZoneUnit::Body, Some(what)));
        at = end;
    }
    units.extend(
        segment_with_zones(lines, &zones, m, at, lines.len())
            .into_iter()
            .map(|(u, z)| (u, z, None)),
    );
    let body_size = m.body.map(|b| b.size);
    let larger = m.body.map_or(1.15, |b| b.larger_ratio());
    let mut by_page: HashMap<usize, Vec<&TextLine>> = HashMap::new();
    for l in lines
        .iter()
        .filter(|l| l.geometry.is_some() && !l.is_blank())
    {
        by_page.entry(l.page).or_default().push(l);
    }
    let in_a_row = |unit: &Unit| {
        unit.lines.iter().any(|l| {
            by_page
                .get(&l.page)
                .is_some_and(|page| shares_row(l, page) || beside_a_label(l, page))
        })
    };
    let cells = cell_styles(&by_page);
    // Title, authors and affiliations come before the first running text, each in a
    // display face of its own without being section titles: a face alone is evidence of a
    // title only after running text has begun.
    let first_body_unit = m
        .body
        .and_then(|style| {
            units.iter().position(|(u, _, _)| {
                u.lines
                    .iter()
                    .any(|l| l.geometry.is_some_and(|g| style.is_body(&g)))
            })
        })
        .unwrap_or(usize::MAX);
    let set_in_items = super::indented::unmarked_items(
        &units
            .iter()
            .map(|(u, z, t)| (u.lines.as_slice(), *z == ZoneUnit::Body && t.is_none()))
            .collect::<Vec<_>>(),
        m.margins,
    );
    let mut out: Vec<Piece> = Vec::with_capacity(units.len());
    // Headings whose only evidence is their weight or face at about the body's size.
    let mut weak_headings: Vec<usize> = Vec::new();
    // Headings of extracted text made from a line's shape alone.
    let mut shaped_headings: Vec<usize> = Vec::new();
    // Numbered headings in a script without case, before their sequence is checked.
    let mut uncased: Vec<super::uncased::Candidate> = Vec::new();
    let mut in_notes_section = false;
    // Distinct raised numbers: citations run on (1, 2, … 12); affiliation marks and
    // powers repeat a few small ones.
    let raised_citations = lines
        .iter()
        .flat_map(|l| sup_digits(&l.text))
        .collect::<std::collections::HashSet<u32>>()
        .len();
    for (ui, (unit, zone, table)) in units.iter().enumerate() {
        let first = unit.first().to_string();
        let single = unit.lines.len() == 1;
        // An item on a side of lines a column gutter cut is indented from its column's
        // margin: a list that goes on in the next column nests the same there.
        let indent = match super::indented::set_in_by(&unit.lines[0], m.margins) {
            Some(set_in) if unit.lines[0].halved => set_in,
            _ => unit.lines[0].indent,
        };
        let base = |kind: PieceKind, text: String| Piece {
            indent: if matches!(kind, PieceKind::Item(_)) {
                indent
            } else {
                unit.lines[0].indent
            },
            kind,
            text,
            page: unit.page(),
            lines: unit.source_lines(),
            blank_before: unit.blank_before,
            font_size: unit.lines[0].geometry.map(|g| g.font_size),
        };
        match table {
            Some(SetApart::Table(rows)) => {
                out.push(base(PieceKind::Table(rows.clone()), String::new()));
                continue;
            }
            Some(SetApart::Listing(text)) => {
                out.push(base(PieceKind::Listing, text.clone()));
                continue;
            }
            None => {}
        }
        // A reference list numbered from 1, in a document citing with raised numbers (six
        // or more different ones), is its endnotes: the citations link to it.
        let numbered_references = || {
            single
                && is_reference_list_heading(&first)
                && raised_citations >= 6
                && units
                    .get(ui + 1)
                    .is_some_and(|(u, _, _)| note_label(u.first(), true).0 == NoteLabel::Number(1))
        };
        if single && (is_notes_heading(&first) || numbered_references()) {
            in_notes_section = true;
            out.push(base(PieceKind::NotesHeading, first));
            continue;
        }
        let joined = join_lines(&unit.lines, lex, report);
        if *zone == ZoneUnit::Continued {
            // Pieces of a URL, one per line, are one piece of it.
            let joined = if unit.lines.iter().all(|l| is_url_fragment(&l.plain())) {
                unit.lines
                    .iter()
                    .map(|l| l.plain().trim().to_string())
                    .collect()
            } else {
                joined
            };
            out.push(base(PieceKind::NoteContinued, joined));
            continue;
        }
        if *zone == ZoneUnit::Note || in_notes_section {
            // The rest of the last note's URL, set apart by a blank line ("…-perform" /
            // "" / "ance-review"): joined to it.
            if let Some(last) = out
                .last_mut()
                .filter(|p| matches!(p.kind, PieceKind::Note(_)))
                && single
                && !joined.contains(char::is_whitespace)
                && super::joins::url_runs_on(&last.text, &joined, true)
            {
                report.push(
                    Action::new(ActionKind::UrlJoined)
                        .page(unit.page())
                        .lines(unit.source_lines())
                        .before(crate::rich::plain(&joined))
                        .evidence("URL of the note above continued after a blank line")
                        .confidence(0.8),
                );
                last.text.push_str(&joined);
                last.lines.extend(unit.source_lines());
                continue;
            }
            if is_url_only(&joined) {
                out.push(base(PieceKind::Url, joined));
                continue;
            }
            let (label, len) = note_label(&joined, true);
            // In an endnote section a heading-like line ends the section.
            if in_notes_section
                && *zone == ZoneUnit::Body
                && label == NoteLabel::None
                && single
                && looks_like_heading_line(&first)
                && !looks_like_citation(&joined)
            {
                in_notes_section = false;
            } else {
                out.push(base(
                    PieceKind::Note(label),
                    joined[len..].trim_start().to_string(),
                ));
                continue;
            }
        }
        // Raised or mangled label at the start: a note wherever it stands.
        let (label, len) = note_label(&joined, false);
        if label != NoteLabel::None {
            out.push(base(
                PieceKind::Note(label),
                joined[len..].trim_start().to_string(),
            ));
            continue;
        }
        if is_url_only(&joined) {
            out.push(base(PieceKind::Url, joined));
            continue;
        }
        // "† Report of…": a line opening with a note symbol is a note wherever it stands;
        // "* …" only before a "†" note, since a lone asterisk opens list items too.
        let next_first = units.get(ui + 1).map(|(u, _, _)| u.first());
        let prev_first = ui
            .checked_sub(1)
            .and_then(|p| units.get(p))
            .map(|(u, _, _)| u.first());
        if let Some((label, len)) = symbol_note_label(&joined, prev_first, next_first) {
            out.push(base(
                PieceKind::Note(label),
                joined[len..].trim_start().to_string(),
            ));
            continue;
        }
        // "12 Author, "Title"…": a plain-numbered note when it reads as a citation, unless
        // the PDF page shows it is an entry of a reference list.
        let (plain_label, plain_len) = note_label(&joined, true);
        if let NoteLabel::Number(n) = plain_label
            && !(unit.lines[0].geometry.is_some() && in_reference_list(&out, n))
            && citation_score(&joined[plain_len..]) >= 2.0
            && line_marker(&first).is_none_or(|mk| mk.class.ordered())
            && numbered_heading(&first).is_none()
        {
            out.push(base(
                PieceKind::Note(plain_label),
                joined[plain_len..].trim_start().to_string(),
            ));
            continue;
        }
        let next_unit = units.get(ui + 1).map(|(u, _, _)| u);
        // Extracted text in a script without case: a heading told by its number, kept
        // only if the document numbers such lines in sequence (see `uncased`).
        if unit.lines[0].geometry.is_none()
            && let Some((style, n)) = super::uncased::candidate(&unit.lines)
        {
            uncased.push(super::uncased::Candidate {
                at: out.len(),
                style,
                n,
            });
            shaped_headings.push(out.len());
            out.push(base(
                PieceKind::Heading {
                    number: Some(n.to_string()),
                    run_in: false,
                },
                joined,
            ));
            continue;
        }
        // Laid-out text whose bullets were drawn, not written: an item told by its
        // indentation (see `indented::unmarked_items`).
        if set_in_items.get(ui).copied().unwrap_or(false) {
            report_unmarked_item(
                report,
                unit,
                &joined,
                "set in from the margin like the items beside it",
                0.7,
            );
            out.push(base(PieceKind::Item(unmarked_item()), joined));
            continue;
        }
        // Raw extracted text, where drawn bullets left neither glyph nor indentation: a run
        // of short finished items right after a line announcing them (ending in a colon).
        let announced = |u: &Unit| announced_item_shape(u, m);
        if m.margins.is_none()
            && announced(unit)
            && match out.last() {
                Some(p) if p.kind == PieceKind::Text => {
                    crate::rich::plain(&p.text).trim_end().ends_with(':')
                        && units[ui + 1..]
                            .iter()
                            .take(2)
                            .filter(|(u, _, t)| t.is_none() && announced(u))
                            .count()
                            == 2
                }
                Some(p) => {
                    matches!(&p.kind, PieceKind::Item(mk) if mk.len == 0 && !mk.misread)
                        && !paragraph_after_items(unit)
                }
                None => false,
            }
        {
            report_unmarked_item(
                report,
                unit,
                &joined,
                "one of three or more short sentences, each on lines of its own, after a line \
                 ending in a colon",
                0.5,
            );
            out.push(base(PieceKind::Item(unmarked_item()), joined));
            continue;
        }
        // The same between two numbered items: a nested list whose bullets were drawn.
        if m.margins.is_none()
            && let Some(PieceKind::Item(mk)) = out.last().map(|p| &p.kind)
            && mk.len > 0
            && nested_between_numbers(
                mk,
                units[ui..]
                    .iter()
                    .map(|(u, z, t)| (u, *z == ZoneUnit::Body && t.is_none())),
                m,
            )
        {
            report_unmarked_item(
                report,
                unit,
                &joined,
                "one of two or more short sentences, each on lines of its own, between two \
                 numbered items",
                0.5,
            );
            out.push(base(PieceKind::Item(unmarked_item()), joined));
            continue;
        }
        if let Some((heading, at)) = run_in_heading(&joined) {
            out.push(base(
                PieceKind::Heading {
                    number: None,
                    run_in: true,
                },
                heading,
            ));
            let mut rest = base(PieceKind::Text, joined[at..].to_string());
            rest.blank_before = false;
            out.push(rest);
            continue;
        }
        // A numbered heading on one line, or set in larger type and wrapping onto a second
        // or third line (then it is still a heading, not a numbered list item).
        let single_numbered = || {
            numbered_heading(&first)
                .map(|(number, _)| number)
                .filter(|number| is_numbered_heading(&first, number, next_unit))
        };
        let wrapped_numbered = || {
            let body = body_size?;
            (set_larger(unit, body, larger)
                && heading_by_type(unit, &joined, body, larger, None).is_some()
                && !in_a_row(unit))
            .then(|| section_number(&first))
            .flatten()
        };
        if let Some(number) = if single {
            single_numbered()
        } else {
            wrapped_numbered()
        } {
            out.push(base(
                PieceKind::Heading {
                    number: Some(number),
                    run_in: false,
                },
                joined,
            ));
            continue;
        }
        if line_marker(&first).is_some()
            && let Some(marker) = line_marker(&joined)
        {
            let rest = joined.get(marker.len..).unwrap_or_default();
            out.push(base(PieceKind::Item(marker), rest.trim_start().to_string()));
            continue;
        }
        // A bullet glyph the extractor dropped, leaving only its indentation, among items.
        if !m.wrapped
            && unit.blank_before
            && unit.lines[0].indent >= 1.0
            && first.starts_with(|c: char| c.is_uppercase())
            && matches!(out.last().map(|p| &p.kind), Some(PieceKind::Item(_)))
        {
            let marker = ItemMarker {
                misread: true,
                ..unmarked_item()
            };
            out.push(base(PieceKind::Item(marker), joined.clone()));
            continue;
        }
        let prev_unit = ui
            .checked_sub(1)
            .and_then(|i| units.get(i))
            .map(|(u, _, _)| u);
        if let Some(body) = body_size
            && let Some(evidence) = heading_by_type(
                unit,
                &joined,
                body,
                larger,
                m.body.filter(|_| ui > first_body_unit),
            )
            && !in_a_row(unit)
            && !label_over_value(unit, next_unit, body)
            // The value under a label, unless set in bold like a heading of its own.
            && (!prev_unit.is_some_and(|p| label_over_value(p, Some(unit), body))
                || crate::rich::all_bold(&joined))
        {
            // A size shared with form labels or table cells is no rank of its own.
            let cell_type = unit.lines.iter().all(|l| {
                l.geometry
                    .is_some_and(|g| cells.contains(&(g.face, half_points(g.font_size))))
            });
            if evidence == TypeEvidence::Weight || cell_type {
                weak_headings.push(out.len());
            }
            let number = numbered_heading(&joined).map(|(n, _)| n);
            out.push(base(
                PieceKind::Heading {
                    number,
                    run_in: false,
                },
                joined,
            ));
            continue;
        }
        if single
            && looks_like_heading_line(&first)
            && next_unit.is_some()
            && heading_context(unit, next_unit, m)
            && (body_size.is_none() || shape_suffices_in_pdf(unit, next_unit))
            && (unit.lines[0].geometry.is_some() || !reads_as_row(&first))
        {
            if unit.lines[0].geometry.is_none() {
                shaped_headings.push(out.len());
            }
            out.push(base(
                PieceKind::Heading {
                    number: None,
                    run_in: false,
                },
                joined,
            ));
            continue;
        }
        out.push(base(PieceKind::Text, joined));
    }
    // A piece most of whose lines share their row with a value or cell: form fields or a
    // table, not running text.
    let in_rows = |piece: &Piece| {
        let (mut rows, mut all) = (0, 0);
        for l in lines
            .iter()
            .filter(|l| piece.page == l.page && piece.lines.contains(&l.source_line))
        {
            all += 1;
            rows += usize::from(by_page.get(&l.page).is_some_and(|page| shares_row(l, page)));
        }
        rows * 2 > all
    };
    for &at in weak_headings.iter().rev() {
        if !introduces_text(out.get(at + 1), &in_rows) {
            out[at].kind = PieceKind::Text;
        }
    }
    let kept_as_text = |out: &[Piece], at: usize, why: &str| {
        let p = &out[at];
        Action::new(ActionKind::Guess)
            .page(p.page)
            .lines(p.lines.iter().copied().take(1))
            .before(crate::rich::plain(&p.text))
            .evidence(why)
            .confidence(0.7)
    };
    for at in keep_headings_that_introduce_body(&mut out, &shaped_headings) {
        report.push(kept_as_text(
            &out,
            at,
            "heading-shaped line kept as text: it introduces no body",
        ));
    }
    for at in super::uncased::keep_numbered_sequences(&mut out, &uncased) {
        report.push(kept_as_text(
            &out,
            at,
            "numbered line kept as text: its number continues no sequence",
        ));
    }
    mark_notes_by_context(&mut out);
    mark_notes_in_breaks(&mut out);
    undo_run_in_headings_against_style(&mut out);
    out
}

/// Test builders shared by the passes' unit tests.
#[cfg(test)]
pub(super) mod test_pieces;
