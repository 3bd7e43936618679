//! What a tagged PDF's structure tree says about single lines, before any unit or piece
//! exists: whether a line lies in an element the tree names, and whether the tags force a
//! unit break between two neighbouring lines. Unit building asks these questions line by
//! line, and the tagged-structure pass ([`super::tagged`]) that judges the pieces builds
//! on the same test, so they sit below both.

use crate::lines::TextLine;
use crate::source::{LineTag, TagKind};

/// Whether the line's text belongs to an element the tree names (of a block type, or
/// a grouping one).
pub(super) fn in_block(t: &LineTag) -> bool {
    t.kind != TagKind::Artifact && t.element != u32::MAX
}

/// Whether the tags force a unit break between two neighbouring lines: a heading, list
/// item or table cell never shares a unit with a line of another element, and the lines
/// of one heading stay together. `None`: the tags do not say (layout decides).
pub fn break_between(prev: &TextLine, line: &TextLine) -> Option<bool> {
    let (a, b) = (prev.tag.filter(in_block)?, line.tag.filter(in_block)?);
    let separate = |t: &LineTag| {
        matches!(
            t.kind,
            TagKind::Heading(_) | TagKind::ListItem | TagKind::TableCell | TagKind::Title
        )
    };
    if a.element == b.element {
        return separate(&a).then_some(false);
    }
    (separate(&a) || separate(&b)).then_some(true)
}
