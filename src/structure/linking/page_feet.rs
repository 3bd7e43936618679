//! Where the notes stand among the body: at the foot of a page, with body text above them
//! on their page and after them, or in a block of their own (endnotes). Where the page
//! shows it (most page-foot notes have a raised number of their label on their own page),
//! a marker stands on the page of its page-foot note: a raised number on another page is
//! text (a power, "R³"), however well its value fits the sequence. A reference list that
//! the notes pass took for notes, page by page, shows no such thing: its raised citations
//! stand pages before it, and one block of notes after a short text is no habit.
//!
//! Notes numbered again on every page end the last page too: a block below the body of
//! its page with nothing after it is that page's foot when its numbering started again
//! at it and the page's own raised markers carry its labels.

use foldhash::{HashMap, HashSet};

use crate::structure::assemble::{Draft, Placed};
use crate::structure::notes::NoteDraft;

/// The body's blocks by position, and which notes stand at a page foot.
pub(super) struct NotePlaces {
    /// Where each block of body text starts (headings left out), in order.
    body_starts: Vec<usize>,
    /// Per note (index into the notes): whether it stands at a page foot.
    at_foot: Vec<bool>,
}

impl NotePlaces {
    /// `raised`: the page and values of each raised candidate marker.
    pub(super) fn new<'a>(
        drafts: &[Placed],
        notes: &[NoteDraft],
        raised: impl Iterator<Item = (usize, &'a [u32])>,
    ) -> Self {
        let mut body: Vec<(usize, usize)> = drafts
            .iter()
            .filter(|d| !matches!(d.draft, Draft::Heading { .. }))
            .map(|d| (d.first, d.page))
            .collect();
        body.sort_unstable();
        let body_starts: Vec<usize> = body.iter().map(|b| b.0).collect();
        let between = |a: usize, b: usize| {
            let k = body_starts.partition_point(|&s| s <= a);
            body_starts.get(k).is_some_and(|&s| s < b)
        };
        // The document's habit: a raised number of the note's label on the note's page.
        let raised: HashSet<(usize, u32)> = raised
            .flat_map(|(page, values)| values.iter().map(move |&v| (page, v)))
            .collect();
        let shows_label = |i: usize| raised.contains(&(notes[i].page, notes[i].ordinal));
        // Blocks of notes: notes in order with no body text between them.
        let mut by_order: Vec<usize> = (0..notes.len()).collect();
        by_order.sort_by_key(|&i| notes[i].order);
        let mut at_foot = vec![false; notes.len()];
        let mut start = 0;
        while start < by_order.len() {
            let mut end = start + 1;
            while end < by_order.len()
                && !between(notes[by_order[end - 1]].order, notes[by_order[end]].order)
            {
                end += 1;
            }
            let block = &by_order[start..end];
            let (first, last) = (&notes[block[0]], &notes[block[block.len() - 1]]);
            let one_page = block.iter().all(|&i| notes[i].page == first.page);
            // Body above the block on its page, and body after it.
            let above = body
                .iter()
                .any(|&(at, page)| page == first.page && at < first.order);
            let after = body_starts.last().is_some_and(|&at| at > last.order);
            // Or, with nothing after it, a run of its own whose labels its page's raised
            // markers carry: the last page of notes numbered per page.
            let own_run = own_page_run(notes, block)
                && block.iter().filter(|&&i| shows_label(i)).count() * 2 >= block.len();
            if one_page && above && (after || own_run) {
                for &i in block {
                    at_foot[i] = true;
                }
            }
            start = end;
        }
        let shown = (0..notes.len())
            .filter(|&i| at_foot[i] && shows_label(i))
            .count();
        let feet = at_foot.iter().filter(|&&f| f).count();
        // Notes at the feet of two pages at least: one block of notes after the text (a
        // short article's numbered references) is no habit of the page.
        let foot_pages: std::collections::BTreeSet<usize> = (0..notes.len())
            .filter(|&i| at_foot[i])
            .map(|i| notes[i].page)
            .collect();
        if foot_pages.len() < 2 || shown * 2 < feet {
            at_foot = vec![false; notes.len()];
        }
        NotePlaces {
            body_starts,
            at_foot,
        }
    }

    /// Whether a marker on `page` may stand for note `index`: any page for a note in a
    /// block of its own, its own page for a note at a page foot.
    pub(super) fn near_enough(&self, index: usize, notes: &[NoteDraft], page: usize) -> bool {
        !self.at_foot[index] || page == notes[index].page
    }

    /// Whether a candidate at piece position `order` that would skip the notes numbered
    /// `skipped` (their markers lost) stands before one of them with body text between
    /// that note and the candidate's own (the note after the range): notes at page feet,
    /// whose lost markers would stand further on, after the candidate. Skipping notes of
    /// one block (endnotes, one page's foot) or notes already passed stays possible.
    pub(super) fn skipped_notes_stand_further_on(
        &self,
        notes: &[NoteDraft],
        by_number: &HashMap<u32, usize>,
        skipped: std::ops::Range<u32>,
        order: usize,
    ) -> bool {
        let Some(own) = by_number.get(&skipped.end).map(|&i| &notes[i]) else {
            return false;
        };
        // The earliest skipped note after the candidate leaves the most room for body.
        let Some(first) = skipped
            .filter_map(|s| by_number.get(&s).map(|&i| notes[i].order))
            .filter(|&o| o > order)
            .min()
        else {
            return false;
        };
        let k = self.body_starts.partition_point(|&b| b <= first);
        self.body_starts.get(k).is_some_and(|&b| b < own.order)
    }
}

/// Whether a block of notes (indexes into `notes`) is a run of its own in numbering that
/// starts again: every note of the block in one run, which has no note elsewhere, and
/// other runs in the document.
fn own_page_run(notes: &[NoteDraft], block: &[usize]) -> bool {
    let run = notes[block[0]].run;
    block.iter().all(|&i| notes[i].run == run)
        && notes.iter().filter(|n| n.run == run).count() == block.len()
        && notes.iter().any(|n| n.run != run)
}
