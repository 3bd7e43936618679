//! Marked content as the interpreter sees it: which structure content item (MCID) or
//! artifact each glyph was drawn in.
//!
//! Glyphs carry a small index into [`Marks`] rather than the mark itself: most pages have
//! a few hundred marked sections and hundreds of thousands of glyphs.

use foldhash::HashMap;

use lopdf::ObjectId;

use crate::source::ArtifactKind;

/// The innermost marked content a glyph was drawn in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Mark {
    /// A content item of the structure tree: its marked-content id, and the Form XObject
    /// whose own content it is (`None`: the page's content).
    Content {
        /// The form with `/StructParents` whose stream holds it, if not the page.
        stream: Option<ObjectId>,
        /// `/MCID`.
        mcid: u32,
    },
    /// Inside `/Artifact` (whatever is nested in it).
    Artifact(ArtifactKind),
}

/// The marks met on one page; index 0 means "not marked".
#[derive(Debug, Default)]
pub struct Marks {
    list: Vec<Mark>,
    index: HashMap<Mark, u32>,
}

/// Distinct marks kept per page; content beyond is treated as unmarked.
const MAX_MARKS: usize = 1 << 20;

impl Marks {
    /// The slot of `mark` (1-based), added when new.
    pub fn slot(&mut self, mark: Mark) -> u32 {
        if let Some(&i) = self.index.get(&mark) {
            return i;
        }
        if self.list.len() >= MAX_MARKS {
            return 0;
        }
        self.list.push(mark);
        let i = self.list.len() as u32;
        self.index.insert(mark, i);
        i
    }

    /// The mark in `slot`, if any.
    pub fn get(&self, slot: u32) -> Option<Mark> {
        slot.checked_sub(1)
            .and_then(|i| self.list.get(i as usize))
            .copied()
    }

    /// Whether any content on the page was marked.
    pub fn is_empty(&self) -> bool {
        self.list.is_empty()
    }
}

/// The kind of an `/Artifact` property list: `/Type` and `/Subtype`.
pub fn artifact_kind(kind: Option<&[u8]>, subtype: Option<&[u8]>) -> ArtifactKind {
    match (kind, subtype) {
        (_, Some(b"Header")) => ArtifactKind::Header,
        (_, Some(b"Footer")) => ArtifactKind::Footer,
        (_, Some(b"Watermark")) => ArtifactKind::Watermark,
        (Some(b"Pagination"), _) => ArtifactKind::Pagination,
        (Some(b"Layout"), _) => ArtifactKind::Layout,
        (Some(b"Page"), _) => ArtifactKind::Page,
        (Some(b"Background"), _) => ArtifactKind::Background,
        _ => ArtifactKind::Other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slots_are_shared_and_one_based() {
        let mut m = Marks::default();
        let a = Mark::Content {
            stream: None,
            mcid: 3,
        };
        let b = Mark::Artifact(ArtifactKind::Footer);
        assert_eq!(m.slot(a), 1);
        assert_eq!(m.slot(b), 2);
        assert_eq!(m.slot(a), 1);
        assert_eq!(m.get(2), Some(b));
        assert_eq!(m.get(0), None);
        assert_eq!(m.get(9), None);
    }

    #[test]
    fn artifact_kinds() {
        assert_eq!(
            artifact_kind(Some(b"Pagination"), Some(b"Footer")),
            ArtifactKind::Footer
        );
        assert_eq!(
            artifact_kind(Some(b"Pagination"), None),
            ArtifactKind::Pagination
        );
        assert_eq!(artifact_kind(None, None), ArtifactKind::Other);
    }
}
