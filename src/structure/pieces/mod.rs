//! Units classified into pieces: running text, headings, list items, notes and the links
//! that belong to notes. Classification looks at a unit's own shape and at its neighbours
//! (a citation next to other citations is a note; a short capitalised line followed by
//! prose is a heading).

use crate::lines::TextLine;
use crate::report::{Action, ActionKind, Report};
use crate::source::TagKind;

use super::classify::{ItemMarker, NoteLabel};
use super::joins::Lexicon;
use super::note_zones::{NoteZones, zone_of};
use super::table_run::{GroupedHead, TableRun};
use super::units::{Measure, Unit};
use shaped_headings::keep_headings_that_introduce_body;

mod cells;
mod headings;
mod items;
mod kinds;
mod note_area;
mod note_context;
mod roman_headings;
mod shaped_headings;
mod uncased_headings;
mod zones;

pub(super) use headings::promote_to_heading;
use headings::{
    begins_next_paragraph, introduces_text, items_in_a_run_of_headings, stacked_headings,
    undo_run_in_headings_against_style,
};
use kinds::{BodyUnit, Classified, Context};
use note_context::{mark_notes_by_context, mark_notes_in_breaks};
use zones::{ZoneUnit, segment_with_zones};

/// Rows of cell texts.
type TableRows = Vec<Vec<String>>;

/// Lines set apart before the rest are segmented: a table's rows (and its header's column
/// groups), or a code listing's text.
enum SetApart {
    Table(TableRows, GroupedHead),
    Listing(String),
    /// A chart's lettering: its lines, plain.
    Chart(String),
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
    /// A table: rows of cell texts, the first the header (after the rows grouping its
    /// columns, if any).
    Table(Vec<Vec<String>>, GroupedHead),
    /// A note of the table just before it, with its label as printed (set when notes are
    /// collected; see [`super::table_notes`]).
    TableNote(String),
    /// A code listing: its text is the lines as printed, indentation kept.
    Listing,
    /// The lettering of a chart (see [`crate::layout::charts`]): its text is the lines,
    /// plain, one to a line.
    ChartText,
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
    /// Whether its last line runs as far right as its longest (PDF input, two lines or
    /// more): a paragraph that stops there mid-sentence was cut by the page, not ended.
    pub ends_full: bool,
}

/// Segments and classifies the body lines.
pub fn pieces(lines: &[TextLine], m: Measure, lex: &Lexicon, report: &mut Report) -> Vec<Piece> {
    // The measure's body style was taken on these lines: its size is their body size.
    let zones = super::note_zones::find_zones_with(lines, m.body.map(|b| b.size));
    let apart = set_apart(lines, &zones, report);
    let units = body_units(lines, &zones, m, apart, report);
    let cx = Context::new(lines, &units, m, lex);
    let mut done = Classified::default();
    for ui in 0..units.len() {
        cx.classify(ui, &mut done, report);
    }
    let mut out = second_look(&cx, done, report);
    if m.margins.is_none() {
        items::nest_by_lead_ins(&mut out, report);
    }
    out
}

/// Code listings and tables outside the note areas, by their first line: set apart before
/// the rest is segmented. The tables a tagged PDF's structure draws come first: the tree
/// proves them; then those the page draws as grids of rules. Listings next: their
/// aligned lines must not be read as a table's columns.
fn set_apart(
    lines: &[TextLine],
    zones: &NoteZones,
    report: &mut Report,
) -> Vec<(usize, usize, SetApart)> {
    let outside_notes =
        |start: usize, end: usize| (start..end).all(|i| zone_of(zones, i).is_none());
    let mut apart: Vec<(usize, usize, SetApart)> = super::tagged_tables::find(lines)
        .into_iter()
        .filter(|t| outside_notes(t.start, t.end))
        .map(|t| (t.start, t.end, SetApart::Table(t.rows, t.head)))
        .collect();
    let overlaps = |apart: &[(usize, usize, SetApart)], start: usize, end: usize| {
        apart.iter().any(|(s, e, _)| start < *e && *s < end)
    };
    // Lines a trusted structure tree puts outside every table (two columns of
    // paragraphs whose lines happen to align) are no table, whatever the layout or
    // the drawing says (a page laid out in a ruled grid of paragraphs).
    let tree_denies = |start: usize, end: usize| {
        lines[start..end].iter().filter(|l| !l.is_blank()).all(|l| {
            l.tag
                .is_some_and(|t| !t.in_table && t.kind != TagKind::Other)
        })
    };
    // A table the page draws as a grid of rules, which the drawing proves.
    let ruled = super::ruled_tables::find(lines);
    let mut gaps = Vec::with_capacity(ruled.len() + 1);
    let mut at = 0;
    for t in ruled {
        gaps.push(at..t.start);
        at = t.end;
        if overlaps(&apart, t.start, t.end) {
            continue;
        }
        if tree_denies(t.start, t.end) {
            report.push(
                Action::new(ActionKind::Guess)
                    .page(lines[t.start].page)
                    .lines(lines[t.start..t.end].iter().map(|l| l.source_line))
                    .evidence(
                        "a grid of rules round lines the structure tree tags as text, not \
                         as a table's cells: left as the tree says",
                    )
                    .confidence(0.9),
            );
            continue;
        }
        let t = t.read_right_to_left_if_written_so();
        apart.push((t.start, t.end, SetApart::Table(t.rows, t.head)));
    }
    gaps.push(at..lines.len());
    // A chart's lettering, which the drawing proves, whatever its lines look like.
    for (start, end) in chart_runs(lines) {
        if !overlaps(&apart, start, end) {
            let text: Vec<String> = lines[start..end]
                .iter()
                .filter(|l| !l.is_blank())
                .map(|l| l.plain_cow().trim().to_string())
                .collect();
            apart.push((start, end, SetApart::Chart(text.join("\n"))));
        }
    }
    for c in super::listings::find(lines) {
        if outside_notes(c.start, c.end) && !overlaps(&apart, c.start, c.end) {
            apart.push((c.start, c.end, SetApart::Listing(c.text)));
        }
    }
    // Tables found from alignment, looked for between the ruled ones: a ruled table's
    // rows run on from its grid are a table of their own.
    let aligned = gaps.into_iter().flat_map(|gap| {
        super::tables::find(&lines[gap.clone()])
            .into_iter()
            .map(move |t| TableRun {
                start: t.start + gap.start,
                end: t.end + gap.start,
                ..t
            })
    });
    for t in aligned {
        if outside_notes(t.start, t.end)
            && !overlaps(&apart, t.start, t.end)
            && !tree_denies(t.start, t.end)
        {
            let t = t.read_right_to_left_if_written_so();
            apart.push((t.start, t.end, SetApart::Table(t.rows, t.head)));
        }
    }
    apart.sort_by_key(|(start, _, _)| *start);
    apart
}

/// Runs of lines that letter one chart (`start..end`), blank lines between them
/// included: each is read as one figure, and two charts read one after the other stay two.
fn chart_runs(lines: &[TextLine]) -> Vec<(usize, usize)> {
    crate::lines::runs_by(lines, |l| (l.chart != 0).then_some(l.chart))
        .into_iter()
        .map(|run| (run.start, run.end))
        .collect()
}

/// The body's units: the stretches between the set-apart lines segmented, and each
/// set-apart run a unit of its own (a listing reported as kept).
fn body_units(
    lines: &[TextLine],
    zones: &NoteZones,
    m: Measure,
    apart: Vec<(usize, usize, SetApart)>,
    report: &mut Report,
) -> Vec<BodyUnit> {
    let mut units: Vec<BodyUnit> = Vec::new();
    let mut at = 0;
    for (start, end, what) in apart {
        units.extend(
            segment_with_zones(lines, zones, m, at, start)
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
        segment_with_zones(lines, zones, m, at, lines.len())
            .into_iter()
            .map(|(u, z)| (u, z, None)),
    );
    units
}

/// The second look, once every unit has its kind: weak headings that introduce no text,
/// headings by shape that introduce no body and uncased numbers that continue no sequence
/// go back to text; notes are marked by their neighbours; run-in headings against the
/// document's style are undone.
fn second_look(cx: &Context, done: Classified, report: &mut Report) -> Vec<Piece> {
    let Classified {
        mut out,
        weak_headings,
        shaped_headings,
        uncased,
        roman,
        ..
    } = done;
    let kept_as_text = |out: &[Piece], at: usize, why: &str| {
        let p = &out[at];
        Action::new(ActionKind::Guess)
            .page(p.page)
            .lines(p.lines.iter().copied().take(1))
            .before(crate::rich::plain(&p.text))
            .evidence(why)
            .confidence(0.7)
    };
    for &at in weak_headings.iter().rev() {
        if !introduces_text(out.get(at + 1), &|p| cx.in_rows(p)) {
            out[at].kind = PieceKind::Text;
            report.push(kept_as_text(
                &out,
                at,
                "heading-like line kept as text: set apart by weight or face alone (or in a \
                 table's type), it introduces no text",
            ));
        }
    }
    for at in keep_headings_that_introduce_body(&mut out, &shaped_headings) {
        report.push(kept_as_text(
            &out,
            at,
            "heading-shaped line kept as text: it introduces no body",
        ));
    }
    for at in headings_that_begin_a_paragraph(&mut out) {
        report.push(kept_as_text(
            &out,
            at,
            "heading-sized line kept as text: the sentence it begins goes on after it",
        ));
    }
    for at in uncased_headings::keep_numbered_sequences(&mut out, &uncased, 0) {
        report.push(kept_as_text(
            &out,
            at,
            "numbered line kept as text: its number continues no sequence",
        ));
    }
    for at in roman_headings::keep_in_sequence(&mut out, &roman) {
        report.push(kept_as_text(
            &out,
            at,
            "Roman-numbered line in capitals kept as text: its number continues no sequence",
        ));
    }
    for at in stacked_headings(&mut out) {
        report.push(kept_as_text(
            &out,
            at,
            "heading-sized line kept as text: one of four or more stacked in one size with nothing between (a column of names or labels)",
        ));
    }
    for at in items_in_a_run_of_headings(&mut out) {
        report.push(
            Action::new(ActionKind::Guess)
                .page(out[at].page)
                .lines(out[at].lines.iter().copied().take(1))
                .before(crate::rich::plain(&out[at].text))
                .evidence(
                    "numbered line read as a heading: set like the heading numbered next to it, \
                     with no list around it",
                )
                .confidence(0.8),
        );
    }
    mark_notes_by_context(&mut out, &|p, alone| {
        cx.above_the_body(p) || alone && cx.in_body_type(p)
    });
    mark_notes_in_breaks(&mut out);
    undo_run_in_headings_against_style(&mut out);
    out
}

/// Unnumbered headings that begin the paragraph after them (see [`begins_next_paragraph`])
/// become text, which assembly joins to that paragraph; their positions.
fn headings_that_begin_a_paragraph(out: &mut [Piece]) -> Vec<usize> {
    let mut demoted = Vec::new();
    for at in 0..out.len().saturating_sub(1) {
        let unnumbered = matches!(
            out[at].kind,
            PieceKind::Heading {
                number: None,
                run_in: false
            }
        );
        if unnumbered
            && out[at + 1].kind == PieceKind::Text
            && begins_next_paragraph(&out[at].text, &out[at + 1].text)
        {
            out[at].kind = PieceKind::Text;
            demoted.push(at);
        }
    }
    demoted
}

/// Test builders shared by the passes' unit tests.
#[cfg(test)]
pub(super) mod test_pieces;

#[cfg(test)]
mod tests {
    use super::test_pieces::{heading, piece};
    use super::*;

    #[test]
    fn a_heading_that_begins_its_paragraph_becomes_text() {
        let mut out = vec![
            heading("On gravels, the reports are meagre and contradictory, though perhaps"),
            piece(PieceKind::Text, "reconcilable in principle."),
            heading("Analysis of the soils"),
            piece(PieceKind::Text, "An examination of the parts."),
        ];
        assert_eq!(headings_that_begin_a_paragraph(&mut out), vec![0]);
        assert_eq!(out[0].kind, PieceKind::Text);
        assert!(matches!(out[2].kind, PieceKind::Heading { .. }));
    }

    /// A line set up the side of a diagram, in large type, is no heading; the same words
    /// set across the page are.
    #[test]
    fn a_line_running_up_the_page_is_no_heading() {
        use crate::lines::test_placed;
        let body = "Running text of the article, long enough to read as a paragraph of prose.";
        let mut lines = vec![test_placed("Financial economy", 1, 50.0, 180.0, 80.0, 14.0)];
        lines.extend(
            (0..4).map(|k| test_placed(body, 1, 50.0, 450.0, 100.0 + 12.0 * k as f32, 10.0)),
        );
        let mut turned = test_placed("Real economy", 1, 470.0, 484.0, 260.0, 14.0);
        if let Some(g) = turned.geometry.as_mut() {
            g.bbox.y0 = 150.0;
        }
        lines.push(turned);
        lines.extend(
            (0..4).map(|k| test_placed(body, 1, 50.0, 450.0, 280.0 + 12.0 * k as f32, 10.0)),
        );
        for (k, l) in lines.iter_mut().enumerate() {
            l.source_line = k + 1;
        }
        assert!(lines[5].is_turned() && !lines[0].is_turned());
        let m = crate::structure::units::measure(&lines);
        let out = pieces(&lines, m, &Lexicon::default(), &mut Report::default());
        let kind_of = |t: &str| {
            out.iter()
                .find(|p| p.text.contains(t))
                .map(|p| p.kind.clone())
                .expect("kept")
        };
        assert!(matches!(
            kind_of("Financial economy"),
            PieceKind::Heading { .. }
        ));
        assert_eq!(kind_of("Real economy"), PieceKind::Text);
    }

    /// A notes section's note cut at a column's foot goes on at the next column's top.
    #[test]
    fn a_note_cut_at_a_columns_foot_goes_on_at_the_next_top() {
        use crate::lines::test_placed;
        let body = "Running text of the article, long enough to read as a paragraph of prose.";
        let mut lines: Vec<TextLine> = (0..6)
            .map(|k| test_placed(body, 1, 50.0, 290.0, 100.0 + 12.0 * k as f32, 10.0))
            .collect();
        lines.push(test_placed("Notes", 1, 50.0, 90.0, 200.0, 12.0));
        let notes = [
            "1 Keane DF. Strategic Issues Task Force: Interim Report. Memorandum.",
            "2 Webb WH. Strategic Issues Task Force. Memorandum to Distribution,",
            "and to the Corporate Affairs Committee, in draft for",
        ];
        for (k, t) in notes.iter().enumerate() {
            lines.push(test_placed(t, 1, 50.0, 290.0, 220.0 + 9.0 * k as f32, 8.0));
        }
        let mut top = vec![
            test_placed(
                "Responsibility Taskforce meetings, 2001.",
                1,
                310.0,
                450.0,
                60.0,
                8.0,
            ),
            test_placed(
                "3 Anon. Corporate Issues Project. 31 October 2000.",
                1,
                310.0,
                550.0,
                69.0,
                8.0,
            ),
        ];
        for l in &mut top {
            l.column = 1;
        }
        lines.extend(top);
        for (k, l) in lines.iter_mut().enumerate() {
            l.source_line = k + 1;
        }
        let m = crate::structure::units::measure(&lines);
        let mut report = Report::default();
        let out = pieces(&lines, m, &Lexicon::default(), &mut report);
        let kinds: Vec<(&PieceKind, &str)> =
            out.iter().map(|p| (&p.kind, p.text.as_str())).collect();
        let carried = out
            .iter()
            .position(|p| p.text.starts_with("Responsibility"))
            .expect("the column's top");
        assert_eq!(out[carried].kind, PieceKind::NoteContinued, "{kinds:?}");
        assert!(
            matches!(out[carried + 1].kind, PieceKind::Note(_)),
            "{kinds:?}"
        );
    }

    #[test]
    fn two_charts_read_one_after_the_other_are_two_runs() {
        let line = |chart: u32, text: &str| {
            let mut l = TextLine::new(text, 1, 0);
            l.chart = chart;
            l
        };
        let lines = vec![
            line(0, "Prose before."),
            line(1, "18"),
            line(0, ""),
            line(1, "16"),
            line(2, "8"),
            line(2, "7"),
            line(0, "Prose after."),
        ];
        assert_eq!(chart_runs(&lines), [(1, 4), (4, 6)]);
    }
}
