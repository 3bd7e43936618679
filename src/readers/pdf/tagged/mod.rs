//! Tagged PDF: the structure tree (`tree`) and the marked content the interpreter
//! records (`marked`), brought together as a [`LineTag`] on each line.
//!
//! Reading is all this module does; whether a document's tags are trustworthy enough to
//! override layout evidence is the structure pass's decision (`structure::tagged`).

pub mod marked;
pub mod tree;

use std::collections::BTreeMap;

use lopdf::{Document, ObjectId};

use crate::source::{ArtifactKind, CellPlace, LineTag, StructureInfo, TagKind};
use marked::{Mark, Marks};
use tree::StructTree;

/// What every element means for the lines drawn in it.
#[derive(Debug, Clone, Copy)]
struct Derived {
    kind: TagKind,
    /// How strongly `kind` holds against the types nested inside it.
    rank: u8,
    /// The element that gave `kind`.
    block: u32,
    sections: u8,
    list_depth: u8,
    in_table: bool,
    in_note: bool,
    cell: Option<CellPlace>,
}

/// A document's structure tree, ready to tag lines.
pub struct Tagging {
    tree: StructTree,
    derived: Vec<Derived>,
    /// Content items drawn that the tree does not name.
    orphans: usize,
}

/// A block type's kind and rank: a table cell is never a heading, a note never a list
/// item, whatever is nested in them.
fn own_kind(role: &str, sections: u8) -> Option<(TagKind, u8)> {
    Some(match role {
        "Artifact" => (TagKind::Artifact, 9),
        "TD" | "TH" => (TagKind::TableCell, 8),
        "Note" | "FENote" => (TagKind::Note, 7),
        "TOC" | "TOCI" => (TagKind::Contents, 6),
        "H1" => (TagKind::Heading(1), 5),
        "H2" => (TagKind::Heading(2), 5),
        "H3" => (TagKind::Heading(3), 5),
        "H4" => (TagKind::Heading(4), 5),
        "H5" => (TagKind::Heading(5), 5),
        "H6" => (TagKind::Heading(6), 5),
        "H" => (TagKind::Heading(sections.clamp(1, 6)), 5),
        "Title" => (TagKind::Title, 5),
        "Caption" => (TagKind::Caption, 4),
        "Figure" | "Formula" | "Form" => (TagKind::Figure, 4),
        "LI" | "Lbl" | "LBody" => (TagKind::ListItem, 3),
        "P" | "BlockQuote" | "Code" | "Quote" | "BibEntry" | "Index" => (TagKind::Paragraph, 1),
        _ => return None,
    })
}

/// A table's cells laid out as its rows are read, the way HTML lays out a table: a
/// cell takes the first column of its row that no cell above still spans, and its
/// `/ColSpan` and `/RowSpan` cover the columns and rows after it.
#[derive(Default)]
struct Grid {
    rows: u32,
    /// For each column, how many more rows a cell above still covers.
    spanned: Vec<u32>,
    /// The current row's columns that a cell above covers.
    covered: Vec<bool>,
    /// The current row's next free column.
    next: u32,
}

/// Cells past this many columns are left without a place.
const MAX_COLUMNS: u32 = 1024;

impl Grid {
    /// Starts a row; returns its place among the table's rows.
    fn next_row(&mut self) -> u32 {
        self.covered = self.spanned.iter().map(|&n| n > 0).collect();
        for n in &mut self.spanned {
            *n = n.saturating_sub(1);
        }
        self.next = 0;
        self.rows += 1;
        self.rows - 1
    }

    /// Places a cell spanning `(columns, rows)`; returns its column.
    fn place(&mut self, (columns, rows): (u32, u32)) -> Option<u32> {
        let mut at = self.next;
        while self.covered.get(at as usize).copied().unwrap_or(false) {
            at += 1;
        }
        if at >= MAX_COLUMNS {
            return None;
        }
        let end = (at + columns.max(1)).min(MAX_COLUMNS);
        self.next = end;
        if rows > 1 {
            if self.spanned.len() < end as usize {
                self.spanned.resize(end as usize, 0);
            }
            for n in &mut self.spanned[at as usize..end as usize] {
                *n = (*n).max(rows - 1);
            }
        }
        Some(at)
    }
}

impl Tagging {
    /// Reads the document's structure tree, if it has one.
    pub fn read(doc: &Document) -> Option<Tagging> {
        let tree = tree::read(doc)?;
        let mut derived: Vec<Derived> = Vec::with_capacity(tree.elements.len());
        // Each table's grid as its rows are read, and each element's table and row (for
        // the cells below them).
        let mut grids: BTreeMap<u32, Grid> = BTreeMap::new();
        let mut table_of: Vec<Option<u32>> = Vec::with_capacity(tree.elements.len());
        let mut row_of: Vec<Option<u32>> = Vec::with_capacity(tree.elements.len());
        for (i, e) in tree.elements.iter().enumerate() {
            // Parents come before their children in document order.
            let parent = e
                .parent
                .and_then(|p| derived.get(p as usize))
                .copied()
                .unwrap_or(Derived {
                    kind: TagKind::Other,
                    rank: 0,
                    block: u32::MAX,
                    sections: 0,
                    list_depth: 0,
                    in_table: false,
                    in_note: false,
                    cell: None,
                });
            let role = e.role.as_str();
            let sections = parent.sections + u8::from(role == "Sect" && parent.sections < 6);
            let mut d = Derived {
                sections,
                list_depth: parent.list_depth + u8::from(role == "L" && parent.list_depth < 9),
                in_table: parent.in_table
                    || matches!(role, "Table" | "TR" | "TD" | "TH" | "THead" | "TBody"),
                in_note: parent.in_note || matches!(role, "Note" | "FENote"),
                ..parent
            };
            let parent_at = e.parent.map(|p| p as usize);
            let table = if role == "Table" {
                Some(i as u32)
            } else {
                parent_at.and_then(|p| table_of.get(p).copied().flatten())
            };
            let row = match (role, table) {
                ("Table", _) => None,
                ("TR", Some(t)) => Some(grids.entry(t).or_default().next_row()),
                _ => parent_at.and_then(|p| row_of.get(p).copied().flatten()),
            };
            table_of.push(table);
            row_of.push(row);
            if matches!(role, "TD" | "TH")
                && let (Some(t), Some(ordinal)) = (table, row)
            {
                d.cell = grids
                    .entry(t)
                    .or_default()
                    .place(e.span)
                    .map(|column| CellPlace {
                        table: t,
                        row: ordinal,
                        column,
                        header: role == "TH",
                        whole: true,
                    });
            } else if role == "Table" {
                d.cell = None;
            }
            // A nested list item is an item of its own, not part of the one around it.
            let nested_item = role == "LI" && parent.kind == TagKind::ListItem;
            if let Some((kind, rank)) = own_kind(role, sections)
                && (rank > parent.rank || nested_item)
            {
                d.kind = kind;
                d.rank = rank;
                d.block = i as u32;
            }
            derived.push(d);
        }
        Some(Tagging {
            tree,
            derived,
            orphans: 0,
        })
    }

    /// The tag of a line on page `page` whose text was drawn in `counts` (mark slot,
    /// characters): an artifact when all of it is, else what the element holding most
    /// of its text is.
    pub fn tag_line(
        &mut self,
        page: ObjectId,
        marks: &Marks,
        counts: &[(u32, u32)],
    ) -> Option<LineTag> {
        let total: u32 = counts.iter().map(|c| c.1).sum();
        if total == 0 {
            return None;
        }
        let mut artifact: Option<(ArtifactKind, u32)> = None;
        let mut artifact_chars = 0;
        let mut by_element: BTreeMap<u32, u32> = BTreeMap::new();
        let mut marked = false;
        for &(slot, chars) in counts {
            match marks.get(slot) {
                Some(Mark::Artifact(kind)) => {
                    artifact_chars += chars;
                    if artifact.is_none_or(|a| chars > a.1) {
                        artifact = Some((kind, chars));
                    }
                }
                Some(Mark::Content { stream, mcid }) => {
                    marked = true;
                    match self.tree.content.get(&(stream.unwrap_or(page), mcid)) {
                        Some(&e) => *by_element.entry(e).or_default() += chars,
                        None => self.orphans += 1,
                    }
                }
                None => {}
            }
        }
        if artifact_chars == total {
            return Some(LineTag {
                artifact: artifact.map(|a| a.0),
                kind: TagKind::Artifact,
                element: u32::MAX,
                list_depth: 0,
                in_table: false,
                in_note: false,
                cell: None,
            });
        }
        // The block that holds most of the line's text.
        let mut blocks: BTreeMap<u32, (u32, Derived)> = BTreeMap::new();
        for (e, chars) in by_element {
            if let Some(d) = self.derived.get(e as usize) {
                // Text in grouping elements only (Div, Sect, NonStruct, custom types):
                // the tree claims it without saying what it is.
                let block = if d.block == u32::MAX { e } else { d.block };
                let d = Derived { block, ..*d };
                let entry = blocks.entry(block).or_insert((0, d));
                entry.0 += chars;
            }
        }
        let best = blocks.values().max_by_key(|(chars, _)| *chars);
        let cells = blocks.values().filter(|(_, d)| d.cell.is_some()).count();
        match best {
            Some((_, d)) => Some(LineTag {
                artifact: None,
                kind: d.kind,
                element: d.block,
                list_depth: d.list_depth,
                in_table: d.in_table,
                in_note: d.in_note,
                cell: d.cell.map(|c| CellPlace {
                    whole: cells == 1 && blocks.len() == 1,
                    ..c
                }),
            }),
            None if marked => Some(LineTag {
                artifact: None,
                kind: TagKind::Other,
                element: u32::MAX,
                list_depth: 0,
                in_table: false,
                in_note: false,
                cell: None,
            }),
            None => None,
        }
    }

    /// What was read, for the structure pass and the report.
    pub fn info(&self) -> StructureInfo {
        let mut roles: BTreeMap<&str, usize> = BTreeMap::new();
        for e in &self.tree.elements {
            *roles.entry(e.role.as_str()).or_default() += 1;
        }
        StructureInfo {
            elements: self.tree.elements.len(),
            roles: roles.into_iter().map(|(r, n)| (r.to_string(), n)).collect(),
            content_items: self.tree.content.len(),
            orphan_items: self.orphans,
            problems: self.tree.problems.clone(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A header cell spanning two columns, a cell spanning two rows: the cells after them
    /// take the columns left free, as in an HTML table.
    #[test]
    fn spanning_cells_push_the_cells_after_them_along() {
        let mut g = Grid::default();
        assert_eq!(g.next_row(), 0);
        assert_eq!(g.place((1, 2)), Some(0)); // "Region", over two rows
        assert_eq!(g.place((2, 1)), Some(1)); // "2023", over two columns
        assert_eq!(g.place((1, 1)), Some(3));
        assert_eq!(g.next_row(), 1);
        // Column 0 is still "Region"'s.
        assert_eq!(g.place((1, 1)), Some(1));
        assert_eq!(g.place((1, 1)), Some(2));
        assert_eq!(g.place((1, 1)), Some(3));
        assert_eq!(g.next_row(), 2);
        assert_eq!(g.place((1, 1)), Some(0));
        // No place past the last column kept.
        assert_eq!(g.place((MAX_COLUMNS, 1)), Some(1));
        assert_eq!(g.place((1, 1)), None);
    }
}
