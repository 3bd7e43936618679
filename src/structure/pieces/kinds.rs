//! Each unit's kind, decided in turn: a set-apart table or listing, the notes (in a note
//! area or a notes section, or by their label anywhere), headings of a caseless script,
//! items whose bullets were drawn, run-in and numbered headings, marked items, headings by
//! type and by shape, and running text. The first step that decides a unit settles it.

use foldhash::{HashMap, HashMapExt, HashSet};

use crate::layout::half_points;
use crate::lines::TextLine;
use crate::report::Report;
use crate::structure::classify::{
    ItemMarker, NoteLabel, citation_score, heading_line_shape, is_notes_heading,
    is_reference_list_heading, is_url_only, line_marker, looks_like_heading_line, note_label,
    numbered_heading, run_in_heading, sup_digits,
};
use crate::structure::joins::{Lexicon, join_lines};
use crate::structure::raw_items::{
    announced_item_shape, nested_between_numbers, paragraph_after_items, term_run_ahead,
};
use crate::structure::text_headings::reads_as_row;
use crate::structure::units::{Measure, Unit};

use super::cells::{
    beside_a_caption_label, beside_a_label, cell_styles, in_a_field, level_with_cells, shares_row,
    titles_caption_of,
};
use super::headings::{
    TypeEvidence, carries_heading_on, goes_on_a_block, heading_by_type, heading_context,
    is_numbered_heading, label_over_value, section_number, set_larger, shape_suffices_in_pdf,
    titles_no_section, underlined, value_under_label,
};
use super::items::{report_unmarked_item, unmarked_item};
use super::note_area::{continued_note, note_in_note_area};
use super::note_context::{in_reference_list, symbol_note_label};
use super::zones::ZoneUnit;
use super::{Piece, PieceKind, SetApart};

mod heading_kinds;

/// A unit of the body, what it is with respect to the note zones, and the table or
/// listing it holds when its lines were set apart.
pub(super) type BodyUnit = (Unit, ZoneUnit, Option<SetApart>);

/// What the whole document tells each unit's classification.
pub(super) struct Context<'a> {
    lines: &'a [TextLine],
    units: &'a [BodyUnit],
    m: Measure,
    lex: &'a Lexicon,
    body_size: Option<f32>,
    larger: f32,
    /// Each page's positioned lines that are not blank.
    by_page: HashMap<usize, Vec<&'a TextLine>>,
    /// Faces and sizes of form labels and table cells (see `cells::cell_styles`).
    cells: HashSet<(u32, i32)>,
    /// Title, authors and affiliations come before the first running text, each in a
    /// display face of its own without being section titles: a face alone is evidence of
    /// a title only after running text has begun.
    first_body_unit: usize,
    /// Units set in from the margin like items (see `indented::unmarked_items`).
    set_in_items: Vec<bool>,
    /// Distinct raised numbers: citations run on (1, 2, … 12); affiliation marks and
    /// powers repeat a few small ones.
    raised_citations: usize,
}

/// The pieces so far, and the ones a second look may turn back into text.
#[derive(Default)]
pub(super) struct Classified {
    pub(super) out: Vec<Piece>,
    /// Headings whose only evidence is their weight or face at about the body's size.
    pub(super) weak_headings: Vec<usize>,
    /// Headings of extracted text made from a line's shape alone.
    pub(super) shaped_headings: Vec<usize>,
    /// Numbered headings in a script without case, before their sequence is checked.
    pub(super) uncased: Vec<super::uncased_headings::Candidate>,
    /// Roman-numbered headings in capitals (piece index, number), before their sequence
    /// is checked.
    pub(super) roman: Vec<(usize, u32)>,
    /// Inside a "Notes" section, until a heading ends it.
    pub(super) in_notes_section: bool,
}

/// The unit being classified, and what every piece made of it shares.
pub(super) struct Current<'u> {
    ui: usize,
    pub(super) unit: &'u Unit,
    pub(super) zone: ZoneUnit,
    /// Its first line's rich text.
    pub(super) first: String,
    pub(super) single: bool,
    /// An item on a side of lines a column gutter cut is indented from its column's
    /// margin: a list that goes on in the next column nests the same there.
    item_indent: f32,
    /// Whether the unit opens a page or a column: the unit before it ends elsewhere.
    pub(super) column_top: bool,
}

impl Current<'_> {
    /// A piece of `kind` made of the unit.
    pub(super) fn piece(&self, kind: PieceKind, text: String) -> Piece {
        let unit = self.unit;
        Piece {
            indent: if matches!(kind, PieceKind::Item(_)) {
                self.item_indent
            } else {
                unit.lines[0].indent
            },
            kind,
            text,
            page: unit.page(),
            lines: unit.source_lines(),
            blank_before: unit.blank_before,
            font_size: unit.lines[0].geometry.map(|g| g.font_size),
            ends_full: ends_full(unit),
        }
    }

    fn heading(&self, number: Option<String>, text: String) -> Piece {
        self.piece(
            PieceKind::Heading {
                number,
                run_in: false,
            },
            text,
        )
    }
}

impl<'a> Context<'a> {
    pub(super) fn new(
        lines: &'a [TextLine],
        units: &'a [BodyUnit],
        m: Measure,
        lex: &'a Lexicon,
    ) -> Self {
        let mut by_page: HashMap<usize, Vec<&TextLine>> = HashMap::new();
        for l in lines
            .iter()
            .filter(|l| l.geometry.is_some() && !l.is_blank())
        {
            by_page.entry(l.page).or_default().push(l);
        }
        let cells = cell_styles(&by_page);
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
        let set_in_items = crate::structure::indented::unmarked_items(
            &units
                .iter()
                .map(|(u, z, t)| (u.lines.as_slice(), *z == ZoneUnit::Body && t.is_none()))
                .collect::<Vec<_>>(),
            m.margins,
        );
        let raised_citations = lines
            .iter()
            .flat_map(|l| sup_digits(&l.text))
            .collect::<HashSet<u32>>()
            .len();
        Context {
            lines,
            units,
            m,
            lex,
            body_size: m.body.map(|b| b.size),
            larger: m.body.map_or(1.15, |b| b.larger_ratio()),
            by_page,
            cells,
            first_body_unit,
            set_in_items,
            raised_citations,
        }
    }

    /// Whether a line of the unit shares its row with another, stands beside a label or
    /// after a caption's label, is half of a field on one row, or is a cell of a header
    /// row.
    fn in_a_row(&self, unit: &Unit) -> bool {
        self.in_a_row_with(unit, false)
    }

    /// Whether a line of the unit is set as a label: of a form's field or a side tab's
    /// word, by what is drawn around it (see [`crate::layout::fields`]), or running up or
    /// down the page (a label along a diagram's side, a stamp in the margin). No type or
    /// number makes it a heading.
    fn set_as_label(unit: &Unit) -> bool {
        unit.lines.iter().any(|l| l.form_label || l.is_turned())
    }

    /// Whether the unit reads as (holding) a line of a postal address: surely by its
    /// text ("Postbus 14", "Sunnyvale, CA 94087"), or likely ("1309 S. Mary Avenue",
    /// "75005 Paris") with another address line up to two lines above or below it, in
    /// the unit or beside it (a district's line may stand between a street and its
    /// postcode, and is one of the block's lines too). An address set in large type under a letterhead is no heading, nor is
    /// a street line joined with the line of its district.
    fn reads_as_address(&self, at: &Current, joined: &str) -> bool {
        const REACH: usize = 2;
        // A unit of more lines than a heading breaks over is kept from being a heading
        // by other tests; reading every line of a long one here would cost its length.
        const MOST_LINES: usize = 4;
        let Some(unit) = self.unit(at.ui).filter(|u| u.lines.len() <= MOST_LINES) else {
            return false;
        };
        // The lines around and in the unit, each read with the lines level with it, and
        // the size each is set in.
        let size = |l: &TextLine| l.geometry.map(|g| g.font_size);
        let mut context: Vec<(String, Option<f32>)> = Vec::new();
        for u in (at.ui.saturating_sub(REACH)..at.ui).filter_map(|i| self.unit(i)) {
            let n = u.lines.len();
            context.extend(
                (n.saturating_sub(REACH)..n).map(|k| (row_at(&u.lines, k), size(&u.lines[k]))),
            );
        }
        context.drain(..context.len().saturating_sub(REACH));
        let first = context.len();
        if at.single {
            let text = crate::rich::plain(joined).trim().to_string();
            context.push((text, unit.lines.first().and_then(size)));
        } else {
            context.extend(
                unit.lines
                    .iter()
                    .map(|l| (l.plain().trim().to_string(), size(l))),
            );
        }
        let end = context.len();
        for u in (at.ui + 1..=at.ui + REACH).filter_map(|i| self.unit(i)) {
            context.extend(
                (0..u.lines.len().min(REACH)).map(|k| (row_at(&u.lines, k), size(&u.lines[k]))),
            );
        }
        context.truncate(end + REACH);
        let address = |j: usize| {
            j < context.len() && {
                let around = (j.saturating_sub(REACH)..(j + REACH + 1).min(context.len()))
                    .filter(|&k| k != j)
                    .map(|k| context[k].0.as_str());
                crate::postal::in_address_block(&context[j].0, around)
            }
        };
        // A line between two address lines, set in the size of one of them, is one too: a
        // district's or a building's (a document's title between the sender's address and
        // the recipient's is set apart by its size).
        let same_size = |j: usize, k: usize| match (context[j].1, context[k].1) {
            (Some(a), Some(b)) => (a - b).abs() <= 0.5,
            _ => false,
        };
        (first..end).any(|j| {
            address(j)
                || (j > 0
                    && j + 1 < context.len()
                    && (same_size(j, j - 1) || same_size(j, j + 1))
                    && address(j - 1)
                    && address(j + 1))
        })
    }

    fn unit(&self, ui: usize) -> Option<&'a Unit> {
        self.units.get(ui).map(|(u, _, _)| u)
    }

    /// Classifies unit `ui` into one piece (two for a run-in heading) added to `done`.
    pub(super) fn classify(&self, ui: usize, done: &mut Classified, report: &mut Report) {
        let (unit, zone, apart) = &self.units[ui];
        let item_indent =
            match crate::structure::indented::set_in_by(&unit.lines[0], self.m.margins) {
                Some(set_in) if unit.lines[0].halved => set_in,
                _ => unit.lines[0].indent,
            };
        let column_top = ui
            .checked_sub(1)
            .and_then(|i| self.unit(i))
            .and_then(|u| u.lines.last())
            .is_some_and(|l| (l.page, l.column) != (unit.lines[0].page, unit.lines[0].column));
        let at = Current {
            ui,
            unit,
            zone: *zone,
            first: unit.first().to_string(),
            single: unit.lines.len() == 1,
            item_indent,
            column_top,
        };
        match apart {
            Some(SetApart::Table(rows, head)) => {
                done.out
                    .push(at.piece(PieceKind::Table(rows.clone(), head.clone()), String::new()));
                return;
            }
            Some(SetApart::Listing(text)) => {
                done.out.push(at.piece(PieceKind::Listing, text.clone()));
                return;
            }
            Some(SetApart::Chart(text)) => {
                done.out.push(at.piece(PieceKind::ChartText, text.clone()));
                return;
            }
            None => {}
        }
        if self.opens_notes(&at) {
            done.in_notes_section = true;
            done.out
                .push(at.piece(PieceKind::NotesHeading, at.first.clone()));
            return;
        }
        let joined = join_lines(&unit.lines, self.lex, report);
        if at.zone == ZoneUnit::Continued {
            done.out
                .push(at.piece(PieceKind::NoteContinued, continued_note(unit, joined)));
            return;
        }
        if (at.zone == ZoneUnit::Note || done.in_notes_section)
            && note_in_note_area(&at, &joined, self.body_size, done, report)
        {
            return;
        }
        if let Some(piece) = self.labelled_note(&at, &joined, &done.out) {
            done.out.push(piece);
            return;
        }
        // A table of contents lists the headings with their page numbers: an entry is no
        // heading, whatever its type or numbering (it may still be a list's item).
        let contents_entry =
            at.single && crate::contents_lines::is_contents_entry(&crate::rich::plain_cow(&joined));
        // No line of an address block is a heading, however it is set or numbered.
        let address = self.reads_as_address(&at, &joined);
        if !contents_entry && !address && self.uncased_heading(&at, &joined, done) {
            return;
        }
        if let Some((evidence, confidence)) = self.drawn_bullet(&at, &done.out) {
            report_unmarked_item(report, unit, &joined, evidence, confidence);
            done.out
                .push(at.piece(PieceKind::Item(unmarked_item()), joined));
            return;
        }
        if !contents_entry && let Some((heading, start)) = run_in_heading(&joined) {
            done.out.push(at.piece(
                PieceKind::Heading {
                    number: None,
                    run_in: true,
                },
                heading,
            ));
            let mut rest = at.piece(PieceKind::Text, joined[start..].to_string());
            rest.blank_before = false;
            done.out.push(rest);
            return;
        }
        if !contents_entry
            && !address
            && let Some(number) = self.heading_number(&at, &joined, &done.out)
        {
            done.out.push(at.heading(Some(number), joined));
            return;
        }
        if !contents_entry && !address && self.roman_heading(&at, &joined, done) {
            return;
        }
        if let Some(piece) = self.item(&at, &joined, &done.out) {
            done.out.push(piece);
            return;
        }
        if !contents_entry
            && !address
            && (self.heading_by_type(&at, &joined, done)
                || self.heading_by_shape(&at, &joined, done))
        {
            return;
        }
        // A caption's title set a quad after its label joins the label's piece: the
        // label is the last line of the unit before, and of the piece made of it.
        let label = at
            .ui
            .checked_sub(1)
            .and_then(|i| self.unit(i))
            .and_then(|u| u.lines.last())
            .filter(|l| unit.lines.first().is_some_and(|f| titles_caption_of(l, f)));
        if let Some(label_line) = label
            && let Some(piece) = done.out.last_mut().filter(|p| {
                matches!(p.kind, PieceKind::Text)
                    && p.page == label_line.page
                    && p.lines.last() == Some(&label_line.source_line)
            })
        {
            piece.text.push(' ');
            piece.text.push_str(&joined);
            piece.lines.extend(unit.source_lines());
            return;
        }
        done.out.push(at.piece(PieceKind::Text, joined));
    }

    /// "Notes" or "Endnotes" on a line of its own; or "References" over a list numbered
    /// from 1, in a document citing with raised numbers (six or more different ones): its
    /// endnotes, which the citations link to.
    fn opens_notes(&self, at: &Current) -> bool {
        let numbered_references = || {
            is_reference_list_heading(&at.first)
                && self.raised_citations >= 6
                && self
                    .unit(at.ui + 1)
                    .is_some_and(|u| note_label(u.first(), true).0 == NoteLabel::Number(1))
        };
        at.single && (is_notes_heading(&at.first) || numbered_references())
    }

    /// A note told by its label wherever it stands: a raised or mangled label, a line that
    /// is only a URL, a note symbol, or a plain number before a citation.
    fn labelled_note(&self, at: &Current, joined: &str, out: &[Piece]) -> Option<Piece> {
        let note = |label: NoteLabel, len: usize| {
            at.piece(
                PieceKind::Note(label),
                joined[len..].trim_start().to_string(),
            )
        };
        let (label, len) = note_label(joined, false);
        if label != NoteLabel::None {
            return Some(note(label, len));
        }
        if is_url_only(joined) {
            return Some(at.piece(PieceKind::Url, joined.to_string()));
        }
        // "† Report of…": a line opening with a note symbol is a note wherever it stands;
        // "* …" only before a "†" note, since a lone asterisk opens list items too.
        let next_first = self.unit(at.ui + 1).map(Unit::first);
        let prev_first = at
            .ui
            .checked_sub(1)
            .and_then(|p| self.unit(p))
            .map(Unit::first);
        if let Some((label, len)) = symbol_note_label(joined, prev_first, next_first) {
            return Some(note(label, len));
        }
        // "12 Author, "Title"…": a plain-numbered note when it reads as a citation, unless
        // the PDF page shows it is an entry of a reference list.
        let (plain_label, plain_len) = note_label(joined, true);
        if let NoteLabel::Number(n) = plain_label
            && !(at.unit.lines[0].geometry.is_some() && in_reference_list(out, n))
            && citation_score(&joined[plain_len..]) >= 2.0
            && line_marker(&at.first).is_none_or(|mk| mk.class.ordered())
            && numbered_heading(&at.first).is_none()
        {
            return Some(note(plain_label, plain_len));
        }
        None
    }

    /// An item whose bullet was drawn, not written, and the evidence for it (with its
    /// confidence).
    fn drawn_bullet(&self, at: &Current, out: &[Piece]) -> Option<(&'static str, f32)> {
        let (m, units, ui) = (self.m, self.units, at.ui);
        // Laid-out text: an item told by its indentation (see `indented::unmarked_items`).
        if self.set_in_items.get(ui).copied().unwrap_or(false) {
            return Some(("set in from the margin like the items beside it", 0.7));
        }
        // Raw extracted text, where drawn bullets left neither glyph nor indentation: a run
        // of short finished items right after a line announcing them (ending in a colon).
        let announced = |u: &Unit| announced_item_shape(u, m);
        if m.margins.is_none()
            && announced(at.unit)
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
                        && !paragraph_after_items(at.unit)
                }
                None => false,
            }
        {
            return Some((
                "one of three or more short sentences, each on lines of its own, after a line \
                 ending in a colon",
                0.5,
            ));
        }
        // With no line announcing them: a run of "Term: …" items of that shape with plain
        // short sentences between them, the items of the term-led ones.
        let after_item = matches!(
            out.last().map(|p| &p.kind),
            Some(PieceKind::Item(mk)) if mk.len == 0 && !mk.misread
        );
        if m.margins.is_none()
            && !after_item
            && term_run_ahead(
                at.unit,
                units[ui + 1..]
                    .iter()
                    .map(|(u, z, t)| (u, *z == ZoneUnit::Body && t.is_none())),
                m,
            )
        {
            return Some((
                "a term lead-in on a short sentence of its own, with plain short sentences \
                 and another such term-led sentence after it",
                0.4,
            ));
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
            return Some((
                "one of two or more short sentences, each on lines of its own, between two \
                 numbered items",
                0.5,
            ));
        }
        None
    }

    /// Whether a piece is set in the body's size or larger (not the small print of notes).
    pub(super) fn in_body_type(&self, piece: &Piece) -> bool {
        let sizes = self.body_size.zip(piece.font_size);
        sizes.is_some_and(|(body, size)| size >= body - 0.3)
    }

    /// A list item: one with its marker printed at its start, or one whose bullet glyph
    /// the extractor dropped, leaving only its indentation among items.
    fn item(&self, at: &Current, joined: &str, out: &[Piece]) -> Option<Piece> {
        if line_marker(&at.first).is_some()
            && let Some(marker) = line_marker(joined)
        {
            let rest = marker.text_after(joined);
            return Some(at.piece(PieceKind::Item(marker), rest));
        }
        let marker = ItemMarker {
            misread: true,
            ..unmarked_item()
        };
        (!self.m.wrapped
            && at.unit.blank_before
            && at.unit.lines[0].indent >= 1.0
            && at.first.starts_with(|c: char| c.is_uppercase())
            && matches!(out.last().map(|p| &p.kind), Some(PieceKind::Item(_))))
        .then(|| at.piece(PieceKind::Item(marker), joined.to_string()))
    }

    /// Whether a piece heads its page, over all of its other running text (see
    /// [`super::note_context::above_the_body`]).
    pub(super) fn above_the_body(&self, piece: &Piece) -> bool {
        match (self.body_size, self.by_page.get(&piece.page)) {
            (Some(body), Some(page)) => super::note_context::above_the_body(piece, page, body),
            _ => false,
        }
    }

    /// Whether most of a piece's lines share their row with a value or cell: form fields
    /// or a table, not running text.
    pub(super) fn in_rows(&self, piece: &Piece) -> bool {
        let (mut rows, mut all) = (0, 0);
        for l in self
            .lines
            .iter()
            .filter(|l| piece.page == l.page && piece.lines.contains(&l.source_line))
        {
            all += 1;
            rows += usize::from(
                self.by_page
                    .get(&l.page)
                    .is_some_and(|page| shares_row(l, page)),
            );
        }
        rows * 2 > all
    }
}

/// Whether the unit's last line, one of two or more placed lines, ends within an em of
/// the right edge of the longest: a full line, as a page's last line is when the page
/// cuts the paragraph.
fn ends_full(unit: &Unit) -> bool {
    let (Some(last), true) = (
        unit.lines.last().and_then(|l| l.geometry),
        unit.lines.len() >= 2,
    ) else {
        return false;
    };
    let right = unit
        .lines
        .iter()
        .filter_map(|l| l.geometry)
        .fold(f32::NEG_INFINITY, |r, g| r.max(g.bbox.x1));
    last.bbox.x1 >= right - last.font_size.max(1.0)
}

/// The text of line `k` of `lines` with the lines level with it on its baseline, left to
/// right: a postcode and its city drawn a tab apart ("35136", "SAINT JACQUES DE LA
/// LANDE") read as one address line.
fn row_at(lines: &[TextLine], k: usize) -> String {
    let Some(line) = lines.get(k) else {
        return String::new();
    };
    let Some(g) = line.geometry else {
        return line.plain();
    };
    // Lines level with it lie near it in the list: a row's cells, a postcode's city.
    const NEAR: usize = 8;
    let near = &lines[k.saturating_sub(NEAR)..(k + NEAR + 1).min(lines.len())];
    let mut row: Vec<(f32, String)> = near
        .iter()
        .filter(|o| o.page == line.page)
        .filter_map(|o| o.geometry.map(|og| (o, og)))
        .filter(|(_, og)| (og.baseline - g.baseline).abs() <= 0.3 * g.font_size.min(og.font_size))
        .map(|(o, og)| (og.bbox.x0, o.plain()))
        .collect();
    row.sort_by(|a, b| a.0.total_cmp(&b.0));
    row.into_iter()
        .map(|(_, t)| t)
        .collect::<Vec<_>>()
        .join(" ")
}
