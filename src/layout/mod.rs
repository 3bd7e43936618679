//! Layout analysis for PDF input: what positions and sizes say that text alone cannot.
//!
//! The PDF reader yields lines with their boxes; these passes put them in reading order
//! and rejoin what the page geometry split, before the shared cleaning and structure
//! passes run on them:
//! - [`grids`]: a table drawn as a grid of rules has each line marked with its cell
//!   before any pass joins lines, and is read cell by cell, row by row once reading
//!   order is settled;
//! - `drop_caps`: a paragraph's large first letter, a line of its own, opens its word again;
//! - [`markers`]: a list bullet or number set apart from its text (a tab stop, a hanging
//!   indent) is the start of that text's line;
//! - [`columns`]: two-column pages read the left column, then the right one (a rule
//!   drawn down the page between columns is a gutter of its own, `column_rules`); on other
//!   pages a block drawn after text lying below it is read at its place (`drawn_late`);
//!   the geometry the column readers share (where gutters run, which side of one a line
//!   lies on) is in `gutters`, and the reading of a gutter's two sides in `sides`; a
//!   narrow column of labels beside the text is read label by label (`side_labels`);
//! - [`boxes`]: lines inside a painted frame or tint, set apart from the running text,
//!   are numbered as one box once reading order is settled;
//! - [`charts`]: the lettering inside a chart whose value axis the drawing proves (tick
//!   values, legend, axis titles) is marked and read together, to be kept with its figure;
//! - [`rules`]: a rule drawn just beneath a line's text is noted on the line, evidence
//!   for the structure pass (an underlined heading, a header cell over several columns);
//! - [`fields`]: a form's label over or in the blank drawn for its answer, and a side
//!   tab's stacked words, are marked as labels, evidence against a heading;
//! - [`body_font_size`] gives the size of running text, against which headings and notes
//!   are measured, and [`BodyStyle`] its face and the display styles set apart from it.

mod bands;
mod beside_table;
pub mod boxes;
pub mod charts;
mod column_rules;
pub mod columns;
mod drawn_late;
mod drop_caps;
mod edges;
pub mod fields;
pub mod grids;
mod gutters;
pub mod markers;
pub mod rules;
mod side_labels;
mod sides;
mod style;
mod wraps;

pub use crate::lines::body_font_size;
pub use style::{BodyStyle, goes_on_stack, half_points, sizes_scatter};

use std::ops::Range;

use foldhash::{HashMap, HashMapExt};

use crate::lines::{TextLine, page_ranges};
use crate::report::Report;
use crate::source::Page;

/// Runs the layout passes on PDF lines (lines without geometry are left alone).
pub fn prepare(lines: &mut Vec<TextLine>, pages: &[Page], report: &mut Report) {
    if !lines.iter().any(|l| l.geometry.is_some()) {
        return;
    }
    // Cells first: no pass may join text across a table's drawn borders.
    grids::mark(lines, pages, report);
    drop_caps::join(lines, report);
    markers::merge(lines, report);
    columns::order(lines, pages, report);
    boxes::mark(lines, pages, report);
    charts::mark(lines, pages, report);
    grids::gather(lines);
    rules::mark(lines, pages);
    fields::mark(lines, pages);
}

/// The lines of each page (index ranges into `lines`) with the page that drew them: what
/// the passes that read drawn shapes walk. Pages are found through one map (the first of
/// a number), not a search per page; lines of a page `pages` lacks are left out.
fn drawn_pages<'a>(lines: &[TextLine], pages: &'a [Page]) -> Vec<(Range<usize>, &'a Page)> {
    let by_number = pages_by_number(pages);
    page_ranges(lines)
        .filter_map(|range| Some((range.clone(), *by_number.get(&lines[range.start].page)?)))
        .collect()
}

/// Each page number's page (the first of a number, as the reader numbers them).
fn pages_by_number(pages: &[Page]) -> HashMap<usize, &Page> {
    let mut by_number: HashMap<usize, &Page> = HashMap::new();
    for p in pages {
        by_number.entry(p.number).or_insert(p);
    }
    by_number
}

/// Moves each group's lines (those `group` gives one number: a chart's lettering, a ruled
/// table's cells) to where the first of them is read, in the order `arrange` puts their
/// indexes (reading order when it leaves them); other lines keep their places. One pass
/// finds every group's lines, so the cost stays linear in the page's lines.
fn gather_groups(
    page: &mut [TextLine],
    group: impl Fn(&TextLine) -> Option<u32>,
    arrange: impl Fn(&[TextLine], &mut Vec<usize>),
) {
    let mut members: HashMap<u32, Vec<usize>> = HashMap::new();
    for (k, l) in page.iter().enumerate() {
        if let Some(g) = group(l) {
            members.entry(g).or_default().push(k);
        }
    }
    if members.is_empty() {
        return;
    }
    let mut order: Vec<usize> = Vec::with_capacity(page.len());
    for (k, l) in page.iter().enumerate() {
        match group(l) {
            None => order.push(k),
            Some(g) => {
                if let Some(mut m) = members.remove(&g) {
                    arrange(page, &mut m);
                    order.extend(m);
                }
            }
        }
    }
    let old = page.to_vec();
    for (slot, k) in page.iter_mut().zip(order) {
        *slot = old[k].clone();
    }
}
