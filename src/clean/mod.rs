//! Cleaning passes: each a small function over the line stream that repairs text or
//! removes furniture, recording what it did in the [`Report`].
//!
//! Order matters: inline notations are read as style first (so `^{4 &}quot;` becomes a
//! raised 4 before entities are decoded), then characters are repaired, then furniture is
//! recognised on the repaired text, then side-by-side columns are separated, and
//! bullets that extracted text set on lines of their own go back to their items.

pub mod columns;
pub mod furniture;
pub mod glyphs;
pub mod lone_bullets;
pub mod markup;
pub mod page_heads;

use crate::lines::TextLine;
use crate::report::Report;

/// Runs every cleaning pass in order.
pub fn run(lines: &mut Vec<TextLine>, report: &mut Report) {
    markup::convert_lines(lines, report);
    glyphs::repair_lines(lines, report);
    furniture::remove(lines, report);
    // After furniture: a footer set as "Institute name ........ 3" would look like a line
    // split by a column gutter.
    columns::split(lines, report);
    lone_bullets::attach(lines, report);
    lone_bullets::attach_labels(lines, report);
}
