//! Tables the page draws as a grid of rules: the borders a word processor, a spreadsheet
//! or LaTeX's `|c|c|` draw round every cell. The rules prove the table outright, where the
//! structure pass can only guess one from how text aligns, and they say which cells are
//! printed across several columns (a border left out between two cells).
//!
//! A grid is taken only where the drawing is whole and the text keeps to it:
//! - rules across and down the page that meet one another make one drawing; it has three
//!   boundaries or more each way (two rows and two columns at least), and its frame is
//!   drawn all round (the outer rules cover nine tenths of its sides), or over and under
//!   it with its sides left open (the rules over and under it running on together past
//!   its outer rules down, as a government table's do);
//! - each cell is a rectangle of the grid's slots that no drawn border divides; a shape
//!   that is no rectangle (an L of slots) is a drawing, not a table;
//! - every line inside the frame lies in one cell: a line drawn across a border, or
//!   across the frame, leaves the grid to the structure pass;
//! - text stands in two rows and two columns at least, most cells holding text hold a
//!   letter or a figure (not a lattice's marks), and no cell holds running text (a table
//!   laying out the page, a paragraph in each cell);
//! - a header printed over the top rule (rules drawn under each row) is the table's
//!   first row when its short lines sit just above the frame, each within one of the
//!   first row's cells, in two cells at least.
//!
//! Each line of a grid gets its cell ([`TextLine::cell`]), and the grid's lines are
//! gathered where the first of them is read, cell by cell, row by row: the columns pass
//! may have read the grid's columns as columns of the page.

use crate::lines::{GridCell, TextLine};
use crate::report::{Action, ActionKind, Report};
use crate::source::Page;

use super::drawn_pages;
use super::edges::{Edge, Edges};

mod slots;

use slots::Slots;

/// Gap (points) within which a rule across and a rule down meet, and within which two
/// stretches of one border join (borders drawn cell by cell leave hairline gaps).
const MEET: f32 = 2.0;
/// Rules closer than this (points) are one border: a double border, a frame drawn over
/// a cell's own edge.
const ONE_BORDER: f32 = 3.0;
/// Share of a side the frame's rule covers, at least.
const FRAME_SHARE: f32 = 0.9;
/// Words a cell holds at most: more is running text, and the grid lays out the page.
const MAX_CELL_WORDS: usize = 40;
/// How far (points) a line's box may reach past its cell (glyph boxes are approximate).
const SLACK: f32 = 2.0;
/// Edges one page may draw for its grids to be looked for: past this many, the page is
/// a drawing (a map, a plot of thousands of segments), and pairing them costs too much.
const MAX_EDGES: usize = 20_000;
/// Levels of text a header printed over a grid's top rule holds at most.
const HEADER_LEVELS: usize = 3;
/// Words a line of such a header holds at most.
const HEADER_WORDS: usize = 8;
/// Gap (in the type's size) between such a header and the rule or level under it, at
/// most.
const HEADER_GAP: f32 = 0.8;
/// Meetings of a rule across and a rule down counted on a page, at most.
const MAX_MEETINGS: usize = 400_000;

/// A grid's lines were left as they were, and why.
#[derive(Debug, Clone, PartialEq)]
enum Refusal {
    /// Nothing to report: the grid holds no text, or too little for a table.
    Silent,
    /// A reason the report gives.
    Said(String),
}

/// Marks the lines of each ruled table with their cell, numbering the tables through the
/// document; [`gather`] reads them together once reading order is settled.
pub fn mark(lines: &mut [TextLine], pages: &[Page], report: &mut Report) {
    let mut number = 0u32;
    for (range, page) in drawn_pages(lines, pages) {
        if page.rules.len() + page.rects.len() < 2 {
            continue;
        }
        let edges = Edges::of(page);
        if edges.across.len() < 3 || edges.down.is_empty() {
            continue;
        }
        let page_no = lines[range.start].page;
        let Some(drawings) = drawings(&edges) else {
            report.push(
                Action::new(ActionKind::Guess)
                    .page(page_no)
                    .evidence(format!(
                        "{} rules drawn: a drawing, not a page of ruled tables; no table \
                         looked for in them",
                        edges.across.len() + edges.down.len()
                    ))
                    .confidence(0.9),
            );
            continue;
        };
        for slots in drawings.iter().filter_map(Slots::of) {
            match cells(&slots, lines, range.clone()) {
                Ok(mut placed) => {
                    number += 1;
                    let header = header_above(&slots, lines, range.clone());
                    let (mut rows, columns) = slots.size();
                    if !header.is_empty() {
                        for (_, cell) in &mut placed {
                            cell.row += 1;
                        }
                        placed.extend(header);
                        rows += 1;
                    }
                    for &(i, cell) in &placed {
                        lines[i].cell = Some(GridCell {
                            grid: number,
                            ..cell
                        });
                    }
                    report.push(
                        Action::new(ActionKind::Guess)
                            .page(page_no)
                            .lines(placed.iter().map(|&(i, _)| lines[i].source_line))
                            .evidence(format!(
                                "a grid of rules drawn round {rows} rows × {columns} \
                                 columns: its {} lines read as the cells of a table",
                                placed.len()
                            ))
                            .confidence(0.95),
                    );
                }
                Err(Refusal::Said(why)) => report.push(
                    Action::new(ActionKind::Guess)
                        .page(page_no)
                        .evidence(format!("a grid of rules left as text: {why}"))
                        .confidence(0.8),
                ),
                Err(Refusal::Silent) => {}
            }
        }
    }
}

/// Gathers each ruled table's lines where the first of them is read, once reading order
/// is settled (see [`mark`]).
pub fn gather(lines: &mut [TextLine]) {
    let ranges: Vec<std::ops::Range<usize>> = crate::lines::page_ranges(lines)
        .filter(|r| lines[r.clone()].iter().any(|l| l.cell.is_some()))
        .collect();
    for range in ranges {
        gather_page(&mut lines[range]);
    }
}

/// The drawings on the page: rules across and down grouped by meeting one another (each
/// group's edges across, then down). `None` when the page draws too much to pair.
fn drawings(edges: &Edges) -> Option<Vec<(Vec<Edge>, Vec<Edge>)>> {
    let (across, down) = (&edges.across, &edges.down);
    if across.len() + down.len() > MAX_EDGES {
        return None;
    }
    let mut sets = DisjointSets::new(across.len() + down.len());
    let mut meetings = 0usize;
    for (j, d) in down.iter().enumerate() {
        let lo = across.partition_point(|a| a.at < d.from - MEET);
        let hi = across.partition_point(|a| a.at <= d.to + MEET);
        for (k, a) in across.iter().enumerate().take(hi).skip(lo) {
            meetings += 1;
            if meetings > MAX_MEETINGS {
                return None;
            }
            if d.at >= a.from - MEET && d.at <= a.to + MEET {
                sets.join(k, across.len() + j);
            }
        }
    }
    let mut groups: std::collections::BTreeMap<usize, (Vec<Edge>, Vec<Edge>)> =
        std::collections::BTreeMap::new();
    for (k, a) in across.iter().enumerate() {
        groups.entry(sets.root(k)).or_default().0.push(*a);
    }
    for (j, d) in down.iter().enumerate() {
        groups
            .entry(sets.root(across.len() + j))
            .or_default()
            .1
            .push(*d);
    }
    Some(
        groups
            .into_values()
            .filter(|(a, d)| a.len() >= 3 && !d.is_empty())
            .collect(),
    )
}

/// Each line inside the grid's frame with its cell (the grid's number left at 0), or why
/// the grid is no table.
fn cells(
    slots: &Slots,
    lines: &[TextLine],
    range: std::ops::Range<usize>,
) -> Result<Vec<(usize, GridCell)>, Refusal> {
    let frame = slots.frame();
    let mut placed = Vec::new();
    for i in range {
        let l = &lines[i];
        let Some(g) = l.geometry else { continue };
        if l.is_blank() {
            continue;
        }
        let b = g.bbox;
        let (mx, my) = ((b.x0 + b.x1) / 2.0, (b.y0 + b.y1) / 2.0);
        if mx < frame.x0 || mx > frame.x1 || my < frame.y0 || my > frame.y1 {
            continue;
        }
        let quote = || crate::rich::plain(&l.text);
        if l.is_turned() {
            return Err(Refusal::Silent);
        }
        if b.x0 < frame.x0 - SLACK || b.x1 > frame.x1 + SLACK {
            return Err(Refusal::Said(format!(
                "\"{}\" runs across its frame",
                quote()
            )));
        }
        let row = slots.row_at(my);
        let (left, right) = (
            slots.column_at((b.x0 + SLACK).min(mx)),
            slots.column_at((b.x1 - SLACK).max(mx)),
        );
        let cell = slots.cell_of(row, left);
        if (left..=right).any(|c| slots.cell_of(row, c) != cell) {
            return Err(Refusal::Said(format!(
                "\"{}\" runs across a border between its cells",
                quote()
            )));
        }
        placed.push((i, cell));
    }
    if placed.is_empty() {
        return Err(Refusal::Silent);
    }
    let filled = |f: fn(&GridCell) -> u16| {
        let mut v: Vec<u16> = placed.iter().map(|(_, c)| f(c)).collect();
        v.sort_unstable();
        v.dedup();
        v.len()
    };
    if filled(|c| c.row) < 2 || filled(|c| c.column) < 2 {
        return Err(Refusal::Silent);
    }
    // Per cell: whether it holds a letter or a figure, and its words.
    let mut held: std::collections::BTreeMap<(u16, u16), (bool, usize)> = Default::default();
    for (i, c) in &placed {
        let text = lines[*i].plain_cow();
        let cell = held.entry((c.row, c.column)).or_default();
        cell.0 |= text.chars().any(char::is_alphanumeric);
        cell.1 += crate::words::words(&text);
    }
    // A grid whose cells hold marks, not words or figures, is a drawing (a lattice of
    // points, a board).
    let worded = held.values().filter(|(w, _)| *w).count();
    if 2 * worded < held.len() {
        return Err(Refusal::Silent);
    }
    if let Some(((row, column), (_, n))) = held.iter().find(|(_, (_, n))| *n > MAX_CELL_WORDS) {
        return Err(Refusal::Said(format!(
            "the cell in row {} and column {} holds {n} words of running text: the grid \
             lays out the page",
            row + 1,
            column + 1
        )));
    }
    Ok(placed)
}

/// The header printed right over a grid whose top rule runs under it (rules drawn under
/// each row): levels of short lines just above the frame, each inside one of the first
/// row's cells, the nearest level in two cells at least. Each line comes with its cell
/// in a row of its own, row 0.
fn header_above(
    slots: &Slots,
    lines: &[TextLine],
    range: std::ops::Range<usize>,
) -> Vec<(usize, GridCell)> {
    let frame = slots.frame();
    let mut above: Vec<(usize, crate::source::Rect, f32)> = range
        .filter_map(|i| {
            let l = &lines[i];
            let g = l.geometry?;
            let b = g.bbox;
            let fits = !l.is_blank()
                && !l.is_turned()
                && l.cell.is_none()
                && b.x0 >= frame.x0 - SLACK
                && b.x1 <= frame.x1 + SLACK
                && b.y1 <= frame.y0 + SLACK
                && b.y1 >= frame.y0 - HEADER_LEVELS as f32 * 2.0 * g.font_size
                && crate::words::words(&l.plain_cow()) <= HEADER_WORDS;
            fits.then_some((i, b, g.font_size))
        })
        .collect();
    above.sort_by(|a, b| b.1.y1.total_cmp(&a.1.y1));
    let mut out: Vec<(usize, GridCell)> = Vec::new();
    let mut reach = frame.y0;
    let mut k = 0;
    for level in 0..HEADER_LEVELS {
        let Some(&(_, first, size)) = above.get(k) else {
            break;
        };
        if first.y1 < reach - HEADER_GAP * size {
            break;
        }
        // The level: lines whose bottoms lie within a third of the type's size.
        let end = k + above[k..]
            .iter()
            .take_while(|(_, b, _)| first.y1 - b.y1 <= 0.3 * size)
            .count();
        let mut cells = Vec::new();
        for &(i, b, _) in &above[k..end] {
            let (left, right) = (slots.column_at(b.x0 + SLACK), slots.column_at(b.x1 - SLACK));
            let cell = slots.cell_of(0, left);
            if (left..=right).any(|c| slots.cell_of(0, c) != cell) {
                return if level == 0 { Vec::new() } else { out };
            }
            cells.push((i, cell));
        }
        let mut columns: Vec<u16> = cells.iter().map(|(_, c)| c.column).collect();
        columns.sort_unstable();
        columns.dedup();
        if level == 0 && columns.len() < 2 {
            return Vec::new();
        }
        reach = above[k..end]
            .iter()
            .map(|(_, b, _)| b.y0)
            .fold(reach, f32::min);
        out.extend(cells);
        k = end;
    }
    out
}

/// Moves each grid's lines to where the first of them is read, cell by cell in rows,
/// each cell's lines from the top down and from left to right.
fn gather_page(page: &mut [TextLine]) {
    let key = |l: &TextLine| {
        let g = l.geometry.unwrap_or_default();
        let c = l.cell.unwrap_or_default();
        // Pieces of a right-to-left line are read from the right.
        let x = if leftward(&l.plain_cow()) {
            -g.bbox.x1
        } else {
            g.bbox.x0
        };
        (c.row, c.column, g.baseline, x)
    };
    super::gather_groups(
        page,
        |l| l.cell.map(|c| c.grid),
        |page, members| {
            members.sort_by(|&a, &b| {
                let (ka, kb) = (key(&page[a]), key(&page[b]));
                (ka.0, ka.1)
                    .cmp(&(kb.0, kb.1))
                    .then(ka.2.total_cmp(&kb.2))
                    .then(ka.3.total_cmp(&kb.3))
            })
        },
    );
}

/// Whether most letters of `text` are written right to left.
fn leftward(text: &str) -> bool {
    crate::words::mostly_right_to_left(text.chars())
}

/// Union–find over the page's edges, to group the rules that meet.
struct DisjointSets(Vec<usize>);

impl DisjointSets {
    fn new(n: usize) -> Self {
        DisjointSets((0..n).collect())
    }

    fn root(&mut self, mut k: usize) -> usize {
        while self.0[k] != k {
            self.0[k] = self.0[self.0[k]];
            k = self.0[k];
        }
        k
    }

    fn join(&mut self, a: usize, b: usize) {
        let (ra, rb) = (self.root(a), self.root(b));
        if ra != rb {
            self.0[ra.max(rb)] = ra.min(rb);
        }
    }
}

#[cfg(test)]
mod tests;
