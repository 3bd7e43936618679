//! Units classified into pieces: running text, headings, list items, notes and the links
//! that belong to notes. Classification looks at a unit's own shape and at its neighbours
//! (a citation next to other citations is a note; a short capitalised line followed by
//! prose is a heading).

use std::collections::{HashMap, HashSet};

use crate::layout::half_points;
use crate::lines::TextLine;
use crate::report::{Action, ActionKind, Report};

use super::classify::{
    ItemMarker, NoteLabel, breaks_off, citation_score, is_notes_heading, is_reference_list_heading,
    is_url_only, line_marker, looks_like_heading_line, note_label, numbered_heading,
    run_in_heading, sup_digits,
};
use super::joins::{Lexicon, is_url_fragment, join_lines};
use super::note_zones::{NoteZones, zone_of};
use super::raw_items::{announced_item_shape, nested_between_numbers, paragraph_after_items};
use super::text_headings::{keep_headings_that_introduce_body, reads_as_row};
use super::units::{Measure, Unit, segment};
use crate::words::{ends_sentence, words};

/// Rows of cell texts.
type TableRows = Vec<Vec<String>>;

/// Lines set apart before the rest are segmented: a table's rows, or a code listing's text.
enum SetApart {
    Table(TableRows),
    Listing(String),
}

/// The marker of an item whose bullet is not in the text.
fn unmarked_item() -> ItemMarker {
    ItemMarker {
        class: super::classify::BulletClass::Square,
        ordinal: None,
        len: 0,
        misread: false,
        style: super::classify::LabelStyle::None,
    }
}

/// Reports a list item made without a bullet in the text, and the evidence for it.
fn report_unmarked_item(
    report: &mut Report,
    unit: &Unit,
    text: &str,
    evidence: &str,
    confidence: f32,
) {
    report.push(
        Action::new(ActionKind::Guess)
            .page(unit.page())
            .lines(unit.source_lines().into_iter().take(1))
            .after(
                crate::rich::plain(text)
                    .chars()
                    .take(60)
                    .collect::<String>(),
            )
            .evidence(format!(
                "list item without a bullet in the text: {evidence}"
            ))
            .confidence(confidence),
    );
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

/// What a unit is with respect to the footnote zones.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum ZoneUnit {
    /// Outside every zone.
    Body,
    /// A note in a zone.
    Note,
    /// A zone's opening lines that carry on the previous note.
    Continued,
}

/// Cuts lines into units; lines inside a footnote zone are cut at each note start.
fn segment_with_zones(
    lines: &[TextLine],
    zones: &NoteZones,
    m: Measure,
    from: usize,
    to: usize,
) -> Vec<(Unit, ZoneUnit)> {
    let mut out = Vec::new();
    let mut start = from;
    while start < to {
        let z = zone_of(zones, start);
        let mut end = start + 1;
        while end < to
            && zone_of(zones, end) == z
            && !(z.is_some()
                && (zones.note_starts.contains(&end)
                    || zones.continued.contains(&end)
                    || ends_note_at_blank(lines, start, end, m.wrapped)))
        {
            end += 1;
        }
        if z.is_some() {
            let role = if zones.continued.contains(&start) {
                ZoneUnit::Continued
            } else {
                ZoneUnit::Note
            };
            // One note: from its start line to the next start or the zone's end.
            let unit = Unit {
                lines: lines[start..end]
                    .iter()
                    .filter(|l| !l.is_blank())
                    .cloned()
                    .collect(),
                blank_before: true,
            };
            if !unit.lines.is_empty() {
                out.push((unit, role));
            }
        } else {
            out.extend(
                segment(&lines[start..end], m)
                    .into_iter()
                    .map(|u| (u, ZoneUnit::Body)),
            );
        }
        start = end;
    }
    out
}

/// Inside a footnote zone, a blank line ends a note unless the next line continues it
/// (indented under the note's first line, starting in lower case, or — in hard-wrapped
/// text, where blank lines fall anywhere — after a line left mid-phrase).
fn ends_note_at_blank(lines: &[TextLine], start: usize, at: usize, wrapped: bool) -> bool {
    if !lines[at].is_blank() {
        return false;
    }
    let Some(next) = lines[at..].iter().find(|l| !l.is_blank()) else {
        return false;
    };
    let first = &lines[start];
    let prev = lines[start..at]
        .iter()
        .rev()
        .find(|l| !l.is_blank())
        .map(|l| l.plain())
        .unwrap_or_default();
    let last_word = prev.split_whitespace().last().unwrap_or("");
    // A note left mid-phrase (not after a full stop or a link) runs on past the blank.
    let open = wrapped
        && !prev.trim_end().ends_with(['.', '!', '?', ')', ']'])
        && !super::classify::has_url(last_word)
        && note_label(&next.text, true).0 == NoteLabel::None;
    let continues = next.indent > first.indent + 1.0
        || crate::rich::plain(&next.text).starts_with(|c: char| c.is_lowercase())
        || open;
    !continues
}

fn looks_like_citation(text: &str) -> bool {
    citation_score(text) >= 2.0
}

/// A numbered line is a heading unless it is one of a run of numbered list items.
fn is_numbered_heading(first: &str, number: &str, next: Option<&Unit>) -> bool {
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
fn label_over_value(unit: &Unit, next: Option<&Unit>, body: f32) -> bool {
    let Some(next) = next else { return false };
    let (Some(label), Some(value)) = (
        unit.lines[0].geometry,
        next.lines.first().and_then(|l| l.geometry),
    ) else {
        return false;
    };
    let same_type = label.face == value.face && (label.font_size - value.font_size).abs() < 0.3;
    unit.lines.len() == 1
        && !same_type
        && label.font_size < body * 1.4
        && !next.blank_before
        && next.page() == unit.page()
        && crate::rich::plain(unit.first()).trim_end().ends_with(':')
}

/// What sets a heading apart from the body text by its type.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum TypeEvidence {
    /// A larger size: evidence enough.
    Size,
    /// Bold, or a display face, at about the body's size: the same type also sets form
    /// labels and table captions, so the heading must introduce text (see
    /// [`introduces_text`]).
    Weight,
}

/// PDF input: a short unit set larger than the body text (or entirely in bold at its
/// size, or in a display face of its own — `style`, given only once running text has
/// begun) that does not end like a sentence or break off is a heading.
fn heading_by_type(
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
    if sizes.len() != unit.lines.len() || sizes.is_empty() || unit.lines.len() > 3 {
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
        || super::classify::has_url(t)
        || !super::classify::mostly_words(t)
    {
        return None;
    }
    if line_marker(joined).is_some_and(|m| !m.class.ordered()) {
        return None;
    }
    let bigger =
        size >= body * (larger - 0.1) && (size >= body * larger || crate::rich::all_bold(joined));
    let bold_alone = (size - body).abs() < 0.3 && crate::rich::all_bold(joined) && n <= 12;
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

/// Whether the piece after a heading set apart only by weight or face lets it be one: a
/// bold line over a table, over rows of form fields ("Customer Information", then
/// "Insured name   Gabriel Diaz") or at the end of the text is a label or a caption, and
/// stays a bold line of text. Anything else may follow a heading (when figure labels
/// interrupt the reading order, even short lines), so only those three undo it.
fn introduces_text(next: Option<&Piece>, in_rows: &dyn Fn(&Piece) -> bool) -> bool {
    let Some(next) = next else { return false };
    match &next.kind {
        PieceKind::Table(_) => false,
        PieceKind::Text => !in_rows(next),
        _ => true,
    }
}

/// The number a line opens with when it is numbered like a section or an ordered item
/// ("2.", "4.1", "3)"), without its closing punctuation.
fn section_number(first: &str) -> Option<String> {
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
/// that tells a heading's type from the body's in [`is_heading_by_type`]).
fn set_larger(unit: &Unit, body: f32, larger: f32) -> bool {
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

/// Styles (face, size in half points) that set mostly form labels or table cells: most of
/// their lines (three at least) share their row with a value or the next cell. In a form
/// whose fine print is the longest text, labels and section labels are set larger than
/// that "body", so their size alone says nothing; their style says what they are.
fn cell_styles(by_page: &HashMap<usize, Vec<&TextLine>>) -> HashSet<(u32, i32)> {
    let mut counts: HashMap<(u32, i32), (usize, usize)> = HashMap::new();
    for page in by_page.values() {
        for l in page {
            let Some(g) = l.geometry.filter(|g| g.face != 0) else {
                continue;
            };
            let c = counts
                .entry((g.face, half_points(g.font_size)))
                .or_default();
            c.0 += usize::from(shares_row(l, page));
            c.1 += 1;
        }
    }
    counts
        .into_iter()
        .filter(|(_, (rows, all))| *all >= 3 && rows * 2 > *all)
        .map(|(k, _)| k)
        .collect()
}

/// Whether `line` shares its baseline with a short line after it: the value after a form
/// label ("Subtotal   2,730") or the next cell of a table row. Such a line is a label or a
/// cell, not a heading, however bold or large. Only what stands to its right counts (a
/// section number set before a heading is no value), and across a column gap, where a
/// heading may face the other column's text, only a value (a figure, an amount, a date)
/// or two short lines in its own type: the other cells of a header row ("Hours  Rate
/// Cost") that a column split cut through.
fn shares_row(line: &TextLine, page: &[&TextLine]) -> bool {
    let Some(g) = line.geometry else {
        return false;
    };
    let size = g.font_size.max(4.0);
    let to_the_right = |o: &&&TextLine| {
        o.geometry.is_some_and(|h| {
            o.source_line != line.source_line
                && (h.baseline - g.baseline).abs() <= 0.4 * size
                && h.bbox.x0 >= g.bbox.x1 - 0.5
                && words(&o.plain()) <= 4
        })
    };
    let same_type = |o: &&&TextLine| {
        o.geometry
            .is_some_and(|h| h.face == g.face && (h.font_size - g.font_size).abs() < 0.25)
    };
    page.iter()
        .filter(to_the_right)
        .any(|o| o.column == line.column || !super::classify::mostly_words(&o.plain()))
        || page.iter().filter(to_the_right).filter(same_type).count() >= 2
}

/// Whether `line` stands to the right of a label on its baseline, in the same column: a
/// few other words in another face of about its size, without a number ("Note   Minor
/// rear bumper repair"; a margin note in small type is no label). The
/// line is that field's value, not a heading. A section number before a heading ("2",
/// "A.", "VIII", "Chapter 3") carries a digit, is too short or is a roman numeral, so it
/// does not count.
fn beside_a_label(line: &TextLine, page: &[&TextLine]) -> bool {
    let Some(g) = line.geometry else {
        return false;
    };
    let size = g.font_size.max(4.0);
    page.iter().any(|o| {
        o.source_line != line.source_line
            && o.column == line.column
            && o.geometry.is_some_and(|h| {
                h.face != g.face
                    && (h.font_size - g.font_size).abs() <= 0.15 * g.font_size
                    && (h.baseline - g.baseline).abs() <= 0.4 * size
                    && h.bbox.x1 <= g.bbox.x0 + 0.5
            })
            && {
                let t = o.plain();
                let t = t.trim().trim_end_matches(':');
                t != line.plain().trim()
                    && words(t) <= 4
                    && t.chars().filter(|c| c.is_alphabetic()).count() >= 3
                    && !t.chars().any(|c| c.is_ascii_digit())
                    && super::classify::mostly_words(t)
                    && line_marker(t).is_none()
                    && !t
                        .chars()
                        .all(|c| "IVXLCDM".contains(c.to_ascii_uppercase()))
            }
    })
}

/// PDF input, where type is known: a line set like the body text is a heading on its shape
/// only with a second piece of evidence — in capitals, with space both before and after
/// it. Otherwise a table cell, a running header or a form label would pass.
fn shape_suffices_in_pdf(unit: &Unit, next: Option<&Unit>) -> bool {
    let plain = crate::rich::plain_without_scripts(unit.first());
    let letters: Vec<char> = plain.chars().filter(|c| c.is_alphabetic()).collect();
    let capitals = letters.len() >= 4 && letters.iter().all(|c| !c.is_lowercase());
    capitals && unit.blank_before && next.is_some_and(|n| n.blank_before)
}

/// A heading-shaped line is a heading when it stands apart and prose or another heading
/// follows it.
fn heading_context(unit: &Unit, next: Option<&Unit>, m: Measure) -> bool {
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
fn undo_run_in_headings_against_style(pieces: &mut Vec<Piece>) {
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
pub(super) fn promote_to_heading(
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
        number: super::classify::numbered_heading(&piece.text).map(|(n, _)| n),
        run_in: false,
    };
}

/// The symbol label opening a note line, and its length: `†`, `‡`, `¶`, `‖` or doubled
/// symbols before text, `§` before text that is not a section number ("§ 12"), and `*`
/// when the next line opens with `†`. A `§` or `¶` beside a list item is not a note: it is
/// the usual misreading of a Wingdings square bullet ("§ Plan…", then "q Agree…").
fn symbol_note_label(
    text: &str,
    prev: Option<&str>,
    next: Option<&str>,
) -> Option<(NoteLabel, usize)> {
    use super::families::Family;
    let (label, len) = note_label(text, true);
    let NoteLabel::Family(Family::Symbol, k) = label else {
        return None;
    };
    let rest = text[len..].trim_start();
    let section_sign =
        text.starts_with(['§', '¶']) && rest.starts_with(|c: char| c.is_ascii_digit());
    let asterisk_ok = k != 1 || next.is_some_and(|n| n.trim_start().starts_with('†'));
    let beside_items = text.starts_with(['§', '¶'])
        && [prev, next]
            .into_iter()
            .flatten()
            .any(|l| line_marker(l).is_some());
    (!section_sign && !beside_items && asterisk_ok && !rest.is_empty()).then_some((label, len))
}

/// Whether a numbered entry `number` stands in a reference list: it follows the list's
/// entry `number - 1`, or the nearest heading above names a reference list. (Looks back a
/// bounded number of pieces, so the pass stays linear.)
fn in_reference_list(out: &[Piece], number: u32) -> bool {
    const LOOKBACK: usize = 400;
    let after_previous_entry = out.last().is_some_and(|p| {
        matches!(&p.kind, PieceKind::Item(m)
            if m.class == super::classify::BulletClass::Number
                && m.ordinal.is_some_and(|k| k + 1 == number))
    });
    let under_references = out
        .iter()
        .rev()
        .take(LOOKBACK)
        .find(|p| matches!(p.kind, PieceKind::Heading { .. }))
        .is_some_and(|h| is_reference_list_heading(&h.text));
    after_previous_entry || under_references
}

/// Text standing between a sentence left open and its lower-case continuation, together
/// with notes, is itself inserted material: a note whose shape gave nothing away.
fn mark_notes_in_breaks(pieces: &mut [Piece]) {
    let is_note = |p: &Piece| matches!(p.kind, PieceKind::Note(_) | PieceKind::Url);
    let mut i = 0;
    while i < pieces.len() {
        let open = matches!(pieces[i].kind, PieceKind::Text | PieceKind::Item(_))
            && !crate::rich::plain(&pieces[i].text)
                .trim_end()
                .ends_with(['.', '!', '?', ':', '"', '”'])
            && !crate::words::ends_sentence(&pieces[i].text);
        if !open {
            i += 1;
            continue;
        }
        // The continuation: the next piece that starts in lower case.
        let Some(k) = (i + 1..pieces.len().min(i + 12)).find(|&k| {
            pieces[k].kind == PieceKind::Text
                && crate::rich::plain(&pieces[k].text).starts_with(|c: char| c.is_lowercase())
        }) else {
            i += 1;
            continue;
        };
        let gap = i + 1..k;
        let has_note = gap.clone().any(|j| is_note(&pieces[j]));
        let all_plain = gap
            .clone()
            .all(|j| is_note(&pieces[j]) || pieces[j].kind == PieceKind::Text);
        if has_note && all_plain {
            for j in gap {
                if pieces[j].kind == PieceKind::Text && words(&pieces[j].text) <= 80 {
                    pieces[j].kind = PieceKind::Note(NoteLabel::None);
                }
            }
        }
        i = k;
    }
}

/// Notes recognised by their neighbours: unlabelled citations among other notes (or with
/// a link line after them), a plainly numbered line followed by its link, and a line
/// numbered as the next note after a note ("4. Operators ranked…" after note 3), which would
/// otherwise pass for a list item.
fn mark_notes_by_context(pieces: &mut [Piece]) {
    let n = pieces.len();
    let is_note = |p: &Piece| matches!(p.kind, PieceKind::Note(_) | PieceKind::Url);
    // Citation scores do not change between rounds: compute each once.
    let mut scores: Vec<Option<f32>> = vec![None; n];
    let mut changed = true;
    let mut rounds = 0;
    while changed && rounds < 4 {
        changed = false;
        rounds += 1;
        for i in 0..n {
            // Only text and numbered items can turn into notes.
            if !matches!(pieces[i].kind, PieceKind::Text | PieceKind::Item(_)) {
                continue;
            }
            // The label of the note just before (looking past its link lines).
            let prev_label = pieces[..i]
                .iter()
                .rev()
                .take_while(|p| is_note(p))
                .find_map(|p| match p.kind {
                    PieceKind::Note(NoteLabel::Number(k)) => Some(k),
                    _ => None,
                });
            let prev_note = i > 0 && is_note(&pieces[i - 1]);
            let next_url = pieces.get(i + 1).is_some_and(|p| p.kind == PieceKind::Url);
            let next_note = pieces.get(i + 1).is_some_and(is_note);
            match pieces[i].kind.clone() {
                PieceKind::Text => {
                    let (label, len) = note_label(&pieces[i].text, true);
                    if let NoteLabel::Number(k) = label
                        && (next_url || prev_label.is_some_and(|p| p + 1 == k))
                        && !pieces[i].text[len..]
                            .trim_start()
                            .starts_with(|c: char| c.is_lowercase())
                    {
                        let text = pieces[i].text[len..].trim_start().to_string();
                        pieces[i].text = text;
                        pieces[i].kind = PieceKind::Note(label);
                        changed = true;
                        continue;
                    }
                    let score = *scores[i].get_or_insert_with(|| citation_score(&pieces[i].text));
                    let context =
                        if prev_note { 1.5 } else { 0.0 } + if next_note { 1.0 } else { 0.0 };
                    if score + context >= 3.5 && words(&pieces[i].text) <= 90 {
                        pieces[i].kind = PieceKind::Note(NoteLabel::None);
                        changed = true;
                    }
                }
                PieceKind::Item(marker)
                    if marker.class == super::classify::BulletClass::Number
                        && marker
                            .ordinal
                            .is_some_and(|k| prev_label.is_some_and(|p| p + 1 == k)) =>
                {
                    pieces[i].kind =
                        PieceKind::Note(NoteLabel::Number(marker.ordinal.unwrap_or(0)));
                    changed = true;
                }
                _ => {}
            }
        }
    }
}

/// Test builders shared by the passes' unit tests.
#[cfg(test)]
pub(super) mod test_pieces {
    use super::{Piece, PieceKind};

    /// A piece of `kind` on page 1 with a blank line before it.
    pub fn piece(kind: PieceKind, text: &str) -> Piece {
        Piece {
            kind,
            text: text.to_string(),
            page: 1,
            lines: vec![],
            indent: 0.0,
            blank_before: true,
            font_size: None,
        }
    }

    /// An unnumbered, stand-alone heading.
    pub fn heading(text: &str) -> Piece {
        piece(
            PieceKind::Heading {
                number: None,
                run_in: false,
            },
            text,
        )
    }
}
